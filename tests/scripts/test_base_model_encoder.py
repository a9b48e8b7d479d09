"""scripts/base_model_encoder.py: the base model's decoder as a mean-pooling sentence encoder."""

from __future__ import annotations

from pathlib import Path

import torch
from script_module import load_script

REPO = Path(__file__).resolve().parents[2]




def test_the_encoder_keeps_the_base_models_weights_and_mean_pools_them(tmp_path: Path, model_cache: Path, base_model):
    from hypernet.encoder import load_encoder

    out = load_script("base_model_encoder").write_encoder("smollm2-135m-instruct", tmp_path / "enc", cache_dir=model_cache)
    encoder = load_encoder(str(out))
    decoder = encoder[0].auto_model
    # the tied input embedding is the model's own, not a fresh initialisation
    assert torch.equal(decoder.get_input_embeddings().weight, base_model.model.get_input_embeddings().weight)

    text = "Reverse the order of the words."
    embedding = encoder.encode([text], convert_to_tensor=True)[0]
    ids = base_model.tokenizer(text, return_tensors="pt")
    with torch.no_grad():
        states = base_model.model.get_decoder()(**ids).last_hidden_state[0]
    assert embedding.shape == (base_model.model.config.hidden_size,)
    torch.testing.assert_close(embedding, states.mean(0), rtol=1e-4, atol=1e-4)


def test_a_bad_base_model_or_option_is_one_line_of_error_and_writes_nothing(tmp_path: Path):
    import os
    import subprocess
    import sys

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, str(REPO / "scripts" / "base_model_encoder.py"), *args],
                              capture_output=True, text=True, cwd=REPO, timeout=300,
                              env={**os.environ, "PYTHONPATH": str(REPO), "HF_HUB_OFFLINE": "1"})

    out = tmp_path / "enc"
    missing = run("--out", str(out), "--base-model", str(tmp_path / "no-such-model"))
    assert missing.returncode != 0 and missing.stderr.startswith("error: ") and "Traceback" not in missing.stderr
    assert not out.exists()
    short = run("--out", str(out), "--max-seq-length", "0")
    assert short.returncode == 2 and "--max-seq-length must be at least 1" in short.stderr
    (tmp_path / "file").write_text("x")
    onto_file = run("--out", str(tmp_path / "file"))
    assert onto_file.returncode == 2 and "is a file" in onto_file.stderr
