from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
import torch

from hypernet.checkpoint import (
    CONFIG_NAME,
    WEIGHTS_NAME,
    CheckpointError,
    check_targets,
    load_checkpoint,
    save_checkpoint,
    untrained_checkpoint,
)
from hypernet.config import HypernetConfig, TargetSpec
from hypernet.model import build_hypernet
from hypernet.targets import discover_targets


def _llama(hidden: int, layers: int, kv_heads: int):
    from transformers import LlamaConfig, LlamaForCausalLM

    return LlamaForCausalLM(LlamaConfig(vocab_size=64, hidden_size=hidden, intermediate_size=48,
                                        num_hidden_layers=layers, num_attention_heads=4, num_key_value_heads=kv_heads))


def _config_for(model, name: str = "tiny-llama", size: str = "L") -> HypernetConfig:
    targets = discover_targets(model)
    return HypernetConfig.from_targets([targets["q_proj"], targets["v_proj"]], base_model=name, encoder="enc",
                                       embedding_dim=16, latent_dim=16, head_hidden=24, size=size,
                                       training={"lr": 1e-4})


def _trained_like(config: HypernetConfig):
    model = build_hypernet(config).eval()
    with torch.no_grad():
        for p in model.parameters():
            p.add_(torch.randn_like(p) * 0.01)
    return model


@pytest.mark.parametrize("size", ["L", "S"])
def test_round_trip_keeps_weights_config_and_outputs(tmp_path: Path, size: str):
    base = _llama(32, 2, 2)
    hypernet = _trained_like(_config_for(base, size=size))
    saved = save_checkpoint(hypernet, tmp_path / "ckpt", extra={"step": 10})
    assert sorted(p.name for p in (tmp_path / "ckpt").iterdir()) == [CONFIG_NAME, WEIGHTS_NAME]
    assert saved.sha256 == hashlib.sha256((tmp_path / "ckpt" / WEIGHTS_NAME).read_bytes()).hexdigest()
    assert saved.id == saved.sha256[:16]
    loaded = load_checkpoint(tmp_path / "ckpt", targets=discover_targets(base))
    assert loaded.sha256 == saved.sha256 and loaded.trained and not loaded.hypernet.training
    assert loaded.config == hypernet.config and loaded.config.training == {"lr": 1e-4}
    emb = torch.randn(3, 16)
    with torch.no_grad():
        want, got = hypernet(emb), loaded.hypernet(emb)
    for name in want:
        assert torch.equal(want[name][0], got[name][0]) and torch.equal(want[name][1], got[name][1])
    meta = json.loads((tmp_path / "ckpt" / CONFIG_NAME).read_text())
    assert meta["extra"] == {"step": 10} and meta["parameters"] == hypernet.num_parameters()
    # saving the same weights again gives the same id (the hash is of deterministic bytes)
    assert save_checkpoint(loaded.hypernet, tmp_path / "again").sha256 == saved.sha256


def test_weights_file_is_safetensors_not_a_pickle(tmp_path: Path):
    from safetensors import safe_open

    save_checkpoint(build_hypernet(_config_for(_llama(32, 2, 2))), tmp_path / "c")
    raw = (tmp_path / "c" / WEIGHTS_NAME).read_bytes()
    assert not raw.startswith(b"\x80") and not raw.startswith(b"PK")  # neither pickle nor torch zip
    with safe_open(str(tmp_path / "c" / WEIGHTS_NAME), framework="pt") as handle:
        assert "heads.q_proj.weight" in set(handle.keys())


def test_checkpoint_for_another_base_model_is_refused(tmp_path: Path):
    small, bigger, deeper = _llama(32, 2, 2), _llama(64, 2, 2), _llama(32, 3, 2)
    save_checkpoint(build_hypernet(_config_for(small, name="small-llama")), tmp_path / "c")
    with pytest.raises(CheckpointError, match=r"made for base model 'small-llama'.*q_proj is 32→32 in 2 layers.*64→64"):
        load_checkpoint(tmp_path / "c", targets=discover_targets(bigger))
    with pytest.raises(CheckpointError, match="in 3 layers"):
        load_checkpoint(tmp_path / "c", targets=discover_targets(deeper))
    from transformers import GPT2Config, GPT2LMHeadModel

    gpt2 = GPT2LMHeadModel(GPT2Config(n_embd=32, n_layer=2, n_head=4, vocab_size=64))
    with pytest.raises(CheckpointError, match="does not have"):
        load_checkpoint(tmp_path / "c", targets=discover_targets(gpt2))


def test_real_base_model_refuses_a_tiny_checkpoint(base_model, tmp_path: Path):
    save_checkpoint(build_hypernet(_config_for(_llama(32, 2, 2))), tmp_path / "c")
    with pytest.raises(CheckpointError, match="use a checkpoint trained for this base model"):
        load_checkpoint(tmp_path / "c", targets=discover_targets(base_model.model))


def test_damaged_or_incomplete_checkpoints_are_clear_errors(tmp_path: Path):
    directory = save_checkpoint(_trained_like(_config_for(_llama(32, 2, 2))), tmp_path / "c").path
    weights = directory / WEIGHTS_NAME
    data = bytearray(weights.read_bytes())
    data[-5] ^= 0xFF
    weights.write_bytes(bytes(data))
    with pytest.raises(CheckpointError, match="does not match the sha256"):
        load_checkpoint(directory)
    meta = json.loads((directory / CONFIG_NAME).read_text())
    (directory / CONFIG_NAME).write_text(json.dumps({**meta, "config": {**meta["config"], "rank": "eight"}}))
    with pytest.raises(CheckpointError, match="rank must be a positive integer"):
        load_checkpoint(directory)
    (directory / CONFIG_NAME).write_text("{")
    with pytest.raises(CheckpointError, match="not valid JSON"):
        load_checkpoint(directory)
    weights.unlink()
    with pytest.raises(CheckpointError, match="model.safetensors is missing"):
        load_checkpoint(directory)
    with pytest.raises(CheckpointError, match="not a directory"):
        load_checkpoint(tmp_path / "nowhere")


def test_weights_that_do_not_fit_the_config_are_refused(tmp_path: Path):
    base = _llama(32, 2, 2)
    directory = save_checkpoint(build_hypernet(_config_for(base)), tmp_path / "c").path
    other = save_checkpoint(build_hypernet(_config_for(base, size="M")), tmp_path / "m").path
    data = (other / WEIGHTS_NAME).read_bytes()  # M weights under an L config, with a matching hash
    (directory / WEIGHTS_NAME).write_bytes(data)
    meta = json.loads((directory / CONFIG_NAME).read_text())
    meta["weights_sha256"] = hashlib.sha256(data).hexdigest()
    (directory / CONFIG_NAME).write_text(json.dumps(meta))
    with pytest.raises(CheckpointError, match="do not fit the recorded config"):
        load_checkpoint(directory)


def test_overwrite_is_atomic_and_untrained_ids_say_so(tmp_path: Path):
    config = _config_for(_llama(32, 2, 2))
    first = save_checkpoint(build_hypernet(config), tmp_path / "c", trained=False)
    assert first.id.startswith("untrained-")
    second = save_checkpoint(_trained_like(config), tmp_path / "c")
    assert second.sha256 != first.sha256
    assert load_checkpoint(tmp_path / "c").sha256 == second.sha256
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c"]  # no staging or old copies left
    fresh = untrained_checkpoint(config)
    assert fresh.path is None and fresh.id == f"untrained-{first.sha256[:16]}"  # same seed, same weights


def test_check_targets_compares_layer_paths_too():
    spec = TargetSpec("q_proj", 32, 32, 2, ("a.0.q_proj", "a.1.q_proj"))
    config = HypernetConfig(base_model="x", encoder="e", embedding_dim=4, targets=[spec], latent_dim=8, head_hidden=8)
    targets = discover_targets(_llama(32, 2, 2))
    with pytest.raises(CheckpointError, match=r"made for base model 'x'.*layers are a\.0\.q_proj"):
        check_targets(config, targets)
