"""scripts/base_model_encoder.py: the base model's decoder as a mean-pooling sentence encoder."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import torch

REPO = Path(__file__).resolve().parents[2]


def _script():
    spec = importlib.util.spec_from_file_location("base_model_encoder", REPO / "scripts" / "base_model_encoder.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_encoder_keeps_the_base_models_weights_and_mean_pools_them(tmp_path: Path, model_cache: Path, base_model):
    from hypernet.encoder import load_encoder

    out = _script().write_encoder("smollm2-135m-instruct", tmp_path / "enc", cache_dir=model_cache)
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
