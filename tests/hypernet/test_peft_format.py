from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
import torch

from hypernet.peft_format import (
    CONFIG_NAME,
    SIDECAR_NAME,
    WEIGHTS_NAME,
    AdapterFormatError,
    LoraAdapter,
    adapter_to_bytes,
    directory_files,
    joined_config,
    load_peft_adapter,
    module_shapes,
    save_peft_adapter,
    stack_adapters,
)
from hypernet.targets import discover_targets, select_targets


def _random_adapter(model, names=("q_proj", "v_proj"), rank=4, seed=0) -> LoraAdapter:
    gen = torch.Generator().manual_seed(seed)
    weights = {}
    for target in select_targets(discover_targets(model), list(names)):
        for path in target.paths:
            a = torch.randn(rank, target.in_features, generator=gen) * 0.05
            b = torch.randn(target.out_features, rank, generator=gen) * 0.05
            weights[path] = (a, b)
    return LoraAdapter(rank=rank, alpha=8.0, weights=weights, target_modules=list(names),
                       base_model="smollm2-135m-instruct", use_rslora=True, metadata={"description": "test"})


def test_roundtrip_keeps_every_tensor(base_model, tmp_path: Path):
    adapter = _random_adapter(base_model.model)
    save_peft_adapter(adapter, tmp_path / "a")
    again = load_peft_adapter(tmp_path / "a")
    assert again.rank == 4 and again.alpha == 8.0 and again.use_rslora
    assert again.metadata == {"description": "test"}
    assert set(again.weights) == set(adapter.weights) and len(again.weights) == 60
    for path, (a, b) in adapter.weights.items():
        assert torch.equal(again.weights[path][0], a) and torch.equal(again.weights[path][1], b)
    again.check_against(module_shapes(base_model.model))


def test_provenance_travels_in_t2l_json_so_peft_reads_a_config_it_knows(base_model, tmp_path: Path):
    adapter = _random_adapter(base_model.model)
    save_peft_adapter(adapter, tmp_path / "a")
    config = json.loads((tmp_path / "a" / CONFIG_NAME).read_text())
    assert config["peft_type"] == "LORA" and "t2l" not in config and "t2l_version" not in config
    assert json.loads((tmp_path / "a" / SIDECAR_NAME).read_text())["t2l"] == {"description": "test"}
    # joined again, the config as the catalog keeps it, byte for byte
    config_bytes, weights = adapter_to_bytes(adapter)
    files = directory_files(config_bytes, weights)
    assert joined_config(files[CONFIG_NAME], files[SIDECAR_NAME], "x") == config_bytes


def test_a_directory_written_before_t2l_json_and_one_of_another_format_read_as_they_are(base_model, tmp_path: Path):
    adapter = _random_adapter(base_model.model)
    config_bytes, weights = adapter_to_bytes(adapter)
    old = tmp_path / "old"  # t2l's keys inside adapter_config.json, as written until session 19
    old.mkdir()
    (old / CONFIG_NAME).write_bytes(config_bytes)
    (old / WEIGHTS_NAME).write_bytes(weights)
    assert load_peft_adapter(old).metadata == {"description": "test"}
    bottleneck = json.dumps({"adapter_type": "bottleneck", "t2l": {"seed": 1}}).encode()  # not PEFT's: kept whole
    assert directory_files(bottleneck, b"w") == {CONFIG_NAME: bottleneck, WEIGHTS_NAME: b"w"}


def test_a_damaged_t2l_json_is_a_clear_error(base_model, tmp_path: Path):
    save_peft_adapter(_random_adapter(base_model.model), tmp_path / "a")
    sidecar = tmp_path / "a" / SIDECAR_NAME
    sidecar.write_text("{not json")
    with pytest.raises(AdapterFormatError, match="t2l.json is not valid JSON"):
        load_peft_adapter(tmp_path / "a")
    sidecar.write_text(json.dumps({"t2l": {}, "r": 64}))  # it may not override PEFT's own keys
    with pytest.raises(AdapterFormatError, match="only t2l, t2l_version"):
        load_peft_adapter(tmp_path / "a")


def test_peft_loads_what_we_write_with_the_merged_update(base_model, tmp_path: Path):
    from peft import PeftModel

    adapter = _random_adapter(base_model.model)
    save_peft_adapter(adapter, tmp_path / "a")
    ids = base_model.tokenizer(["The capital of France is"], return_tensors="pt")
    merged = copy.deepcopy(base_model.model)
    for path, (a, b) in adapter.weights.items():
        merged.get_submodule(path).weight.data += adapter.scaling * (b @ a)
    peft_model = PeftModel.from_pretrained(copy.deepcopy(base_model.model), str(tmp_path / "a"))
    with torch.no_grad():
        want = merged(**ids).logits
        got = peft_model(**ids).logits
        base = base_model.model(**ids).logits
    assert not torch.allclose(base, want, atol=1e-3)  # the adapter changes the output
    torch.testing.assert_close(got, want, atol=2e-4, rtol=1e-4)


def test_adapter_for_another_model_is_rejected(base_model):
    from transformers import Qwen2Config, Qwen2ForCausalLM

    other = Qwen2ForCausalLM(Qwen2Config(vocab_size=100, hidden_size=64, intermediate_size=96,
                                         num_hidden_layers=2, num_attention_heads=8, num_key_value_heads=2))
    adapter = _random_adapter(base_model.model)
    with pytest.raises(AdapterFormatError, match="does not have|another base model"):
        adapter.check_against(module_shapes(other))


def test_corrupt_and_unsupported_files_are_clear_errors(base_model, tmp_path: Path):
    adapter = _random_adapter(base_model.model)
    directory = save_peft_adapter(adapter, tmp_path / "a")
    weights = (directory / WEIGHTS_NAME).read_bytes()
    (directory / WEIGHTS_NAME).write_bytes(weights[: len(weights) // 2])
    with pytest.raises(AdapterFormatError, match="not a readable safetensors"):
        load_peft_adapter(directory)
    (directory / WEIGHTS_NAME).write_bytes(weights)
    config = json.loads((directory / CONFIG_NAME).read_text())
    (directory / CONFIG_NAME).write_text(json.dumps({**config, "use_dora": True}))
    with pytest.raises(AdapterFormatError, match="DoRA"):
        load_peft_adapter(directory)
    (directory / CONFIG_NAME).unlink()
    with pytest.raises(AdapterFormatError, match="missing"):
        load_peft_adapter(directory)


def test_nan_weights_are_refused_and_nothing_is_written(base_model, tmp_path: Path):
    adapter = _random_adapter(base_model.model)
    path = next(iter(adapter.weights))
    adapter.weights[path][0][0, 0] = float("nan")
    with pytest.raises(AdapterFormatError, match="NaN"):
        save_peft_adapter(adapter, tmp_path / "bad")
    assert not (tmp_path / "bad").exists()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("dtype", [None, torch.bfloat16, torch.float16])
def test_writer_matches_safetensors_byte_for_byte(dtype):
    """adapter_to_bytes and safetensors_batch write exactly what safetensors.torch.save writes
    (so content hashes agree whichever path filed an adapter), transposed views included."""
    from safetensors.torch import save

    from hypernet.peft_format import adapter_to_bytes, lora_keys, peft_state_dict, safetensors_batch

    gen = torch.Generator().manual_seed(1)
    n, layers, r = 3, 12, 4  # 12 layers: "layers.10" sorts before "layers.2"
    a = torch.randn(n, layers, r, 16, generator=gen)
    b = torch.randn(n, layers, r, 8, generator=gen).transpose(-1, -2)  # [n, L, out, r], not contiguous
    paths = [f"model.layers.{i}.self_attn.q_proj" for i in range(layers)]
    tensors = {}
    for i, path in enumerate(paths):
        key_a, key_b = lora_keys(path)
        tensors[key_a], tensors[key_b] = a[:, i], b[:, i]
    files = safetensors_batch(tensors, dtype)
    for s in range(n):
        adapter = LoraAdapter(rank=r, alpha=8.0, weights={p: (a[s, i], b[s, i]) for i, p in enumerate(paths)},
                              target_modules=["q_proj"])
        reference = save(peft_state_dict(adapter, dtype))
        assert files[s] == reference
        assert adapter_to_bytes(adapter, dtype)[1] == reference


def test_batch_writer_names_the_samples_with_nan():
    from hypernet.peft_format import safetensors_batch

    x = torch.zeros(4, 2, 3)
    x[2, 1, 0] = float("inf")
    with pytest.raises(AdapterFormatError, match="NaN or Inf .sample 2"):
        safetensors_batch({"w": x})
    bf = torch.zeros(2, 5, dtype=torch.bfloat16)
    bf[1, 4] = float("nan")
    with pytest.raises(AdapterFormatError, match="sample 1"):
        safetensors_batch({"w": bf})


def _small(rank: int, alpha: float, seed: int, rslora: bool = True, paths=("m.q", "m.v")) -> LoraAdapter:
    gen = torch.Generator().manual_seed(seed)
    weights = {p: (torch.randn(rank, 6, generator=gen), torch.randn(5, rank, generator=gen)) for p in paths}
    return LoraAdapter(rank=rank, alpha=alpha, weights=weights, target_modules=["q", "v"], use_rslora=rslora)


def test_a_stacked_adapter_applies_the_sum_of_both_updates():
    first, second = _small(8, 16.0, 0), _small(4, 8.0, 1, rslora=False)
    stacked = stack_adapters(first, second)
    assert stacked.rank == 12
    stacked.validate()
    for path in first.weights:
        (a1, b1), (a2, b2), (a, b) = first.weights[path], second.weights[path], stacked.weights[path]
        want = first.scaling * b1 @ a1 + second.scaling * b2 @ a2
        assert torch.allclose(stacked.scaling * b @ a, want, atol=1e-5)


def test_adapters_of_different_modules_or_dora_do_not_stack():
    with pytest.raises(AdapterFormatError, match="different modules"):
        stack_adapters(_small(8, 16.0, 0), _small(8, 16.0, 1, paths=("m.q",)))
    wider = _small(8, 16.0, 1)
    wider.weights["m.v"] = (torch.zeros(8, 7), torch.zeros(5, 8))
    with pytest.raises(AdapterFormatError, match="m.v: the adapters are for different shapes"):
        stack_adapters(_small(8, 16.0, 0), wider)
    dora = _small(8, 16.0, 2)
    dora.magnitudes = {p: torch.ones(5) for p in dora.weights}
    with pytest.raises(AdapterFormatError, match="DoRA"):
        stack_adapters(_small(8, 16.0, 0), dora)
