from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import torch

from hypernet.base_model import (
    CACHE_MANIFEST,
    ensure_gguf_cache,
    load_base_model,
    read_cache_manifest,
    resolve_model_source,
    verify_cache,
)
from hypernet.chat import complete
from t2l.errors import ModelLoadError

PROMPT = "Reverse the words of: the cat sat on the mat"


def _logits(model, tokenizer) -> torch.Tensor:
    ids = tokenizer(["Paris is the capital of", "One, two, three,"], return_tensors="pt", padding=True)
    with torch.no_grad():
        return model(**ids).logits


def test_packaged_model_resolves_to_gguf_file():
    source = resolve_model_source("SmolLM2-135M-Instruct")
    assert source.kind == "gguf"
    assert source.gguf_path.is_file() and source.gguf_path.suffix == ".gguf"


@pytest.mark.slow
def test_gguf_and_cache_loads_give_identical_logits(base_model):
    assert base_model.cache_dir is not None
    direct = load_base_model("smollm2-135m-instruct")  # straight from the GGUF, no cache
    assert not direct.from_cache and direct.cache_dir is None
    assert torch.equal(_logits(direct.model, direct.tokenizer), _logits(base_model.model, base_model.tokenizer))


def test_second_load_comes_from_cache_fast(base_model, model_cache: Path):
    again = load_base_model("smollm2-135m-instruct", cache_dir=model_cache)
    assert again.from_cache
    assert again.cache_dir == base_model.cache_dir
    manifest = read_cache_manifest(again.cache_dir)
    assert manifest["source_sha256"].startswith(again.cache_dir.name)
    assert "quantization_config" not in (again.cache_dir / "config.json").read_text()
    assert again.model.config.num_hidden_layers == 30


def test_greedy_generation_is_deterministic(base_model):
    first = complete(base_model.model, base_model.tokenizer, [PROMPT, "What is 2 + 2?"], max_new_tokens=12)
    second = complete(base_model.model, base_model.tokenizer, [PROMPT], max_new_tokens=12)
    assert len(first) == 2 and all(isinstance(t, str) and t for t in first)
    assert first[0] == second[0]  # left padding in a batch does not change the greedy answer


@pytest.mark.slow
def test_damaged_cache_is_rebuilt_not_trusted(base_model, tmp_path: Path):
    source = resolve_model_source("smollm2-135m-instruct")
    good = base_model.cache_dir
    root = tmp_path / "models"
    copy = root / good.name
    shutil.copytree(good, copy)
    source_hash = read_cache_manifest(copy)["source_sha256"]
    assert verify_cache(copy, source_hash)
    weights = copy / "model.safetensors"
    with open(weights, "r+b") as handle:  # flip one byte in the middle of the weights
        handle.seek(weights.stat().st_size // 2)
        byte = handle.read(1)
        handle.seek(-1, 1)
        handle.write(bytes([byte[0] ^ 0xFF]))
    assert not verify_cache(copy, source_hash)
    rebuilt, existed = ensure_gguf_cache(source, root)
    assert rebuilt == copy and not existed
    assert verify_cache(rebuilt, source_hash)
    assert (rebuilt / "model.safetensors").read_bytes() == (good / "model.safetensors").read_bytes()


def test_truncated_or_missing_cache_files_fail_verification(base_model, tmp_path: Path):
    copy = tmp_path / "c"
    shutil.copytree(base_model.cache_dir, copy, ignore=shutil.ignore_patterns("model.safetensors"))
    source_hash = read_cache_manifest(copy)["source_sha256"]
    assert not verify_cache(copy, source_hash)  # weights missing
    (copy / "model.safetensors").write_bytes(b"\0" * 100)
    assert not verify_cache(copy, source_hash)  # truncated
    (copy / CACHE_MANIFEST).write_text("{not json")
    assert not verify_cache(copy, source_hash)


def test_missing_model_file_is_a_clear_error(tmp_path: Path):
    with pytest.raises(ModelLoadError, match="GGUF file not found"):
        load_base_model(str(tmp_path / "absent.gguf"))
    with pytest.raises(ModelLoadError, match="does not exist"):
        load_base_model(str(tmp_path / "no-such-dir"))
    with pytest.raises(ModelLoadError, match="no base model"):
        load_base_model("  ")


def test_corrupt_gguf_file_is_a_clear_error(tmp_path: Path):
    bad = tmp_path / "broken.gguf"
    bad.write_bytes(b"GGUF" + b"\x00garbage" * 100)
    with pytest.raises(ModelLoadError, match="cannot read GGUF file"):
        load_base_model(str(bad), cache_dir=tmp_path / "cache")
    assert not any((tmp_path / "cache").glob("*/model.safetensors"))  # nothing half-built left behind


def test_directory_without_config_is_a_clear_error(tmp_path: Path):
    (tmp_path / "notes.txt").write_text("not a model")
    with pytest.raises(ModelLoadError, match="not a Hugging Face model directory"):
        load_base_model(str(tmp_path))


def test_unknown_hub_id_offline_is_a_clear_error(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelLoadError, match="unreachable"):
        load_base_model("no-such-org/no-such-model")


def test_hugging_face_directory_loads_through_the_same_function(tmp_path: Path):
    from transformers import LlamaConfig, LlamaForCausalLM

    from hypernet.base_model import load_base_model as load

    config = LlamaConfig(vocab_size=64, hidden_size=32, intermediate_size=48, num_hidden_layers=2,
                         num_attention_heads=4, num_key_value_heads=2)
    LlamaForCausalLM(config).save_pretrained(tmp_path)
    # a tokenizer directory is part of a model directory: borrow the packaged one
    from hypernet.encoder import resolve_encoder_path
    from transformers import AutoTokenizer

    AutoTokenizer.from_pretrained(resolve_encoder_path("all-minilm-l6-v2")).save_pretrained(tmp_path)
    loaded = load(str(tmp_path))
    assert loaded.source.kind == "directory" and loaded.model.config.hidden_size == 32
