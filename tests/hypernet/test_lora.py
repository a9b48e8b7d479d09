from __future__ import annotations

import copy
from contextlib import contextmanager
from pathlib import Path

import pytest
import torch

from hypernet.config import HypernetConfig
from hypernet.lora import adapters_from_weights, batched_lora, weights_from_adapters
from hypernet.model import build_hypernet
from hypernet.peft_format import LoraAdapter, save_peft_adapter
from hypernet.targets import discover_targets, select_targets

PROMPTS = ["The capital of France is", "Reverse the words: the cat sat"]


@pytest.fixture(scope="module")
def targets(base_model):
    return {t.name: t for t in select_targets(discover_targets(base_model.model), ["q_proj", "v_proj"])}


@pytest.fixture(scope="module")
def ids(base_model):
    tok = base_model.tokenizer
    return tok(PROMPTS, return_tensors="pt", padding=True)


def _config(base_model, targets, **options) -> HypernetConfig:
    return HypernetConfig.from_targets(list(targets.values()), base_model=base_model.name,
                                       encoder="all-minilm-l6-v2", embedding_dim=384, **options)


def _random_weights(targets, n: int, rank: int = 8, std: float = 0.05, seed: int = 0):
    gen = torch.Generator().manual_seed(seed)
    return {
        name: (
            torch.randn(n, t.num_layers, rank, t.in_features, generator=gen) * std,
            torch.randn(n, t.num_layers, t.out_features, rank, generator=gen) * std,
        )
        for name, t in targets.items()
    }


@contextmanager
def merged(model, targets, weights, i: int, scaling: float):
    """Reference path: sample i's adapter merged into the weights (W + s·B·A), restored afterwards."""
    saved = {}
    try:
        for name, (a, b) in weights.items():
            for position, path in enumerate(targets[name].paths):
                weight = model.get_submodule(path).weight
                saved[path] = weight.data.clone()
                weight.data += scaling * (b[i, position] @ a[i, position])
        yield model
    finally:
        for path, original in saved.items():
            model.get_submodule(path).weight.data.copy_(original)


def test_untrained_hypernetwork_leaves_the_base_model_unchanged(base_model, targets, ids, encoder):
    from hypernet.generate import encode_descriptions

    config = _config(base_model, targets)
    hypernet = build_hypernet(config).eval()
    with torch.no_grad():
        weights = hypernet(encode_descriptions(encoder, ["Reverse words.", "Add two numbers."]))
        base = base_model.model(**ids).logits
        with batched_lora(base_model.model, weights, config.scaling):
            adapted = base_model.model(**ids).logits
    assert torch.equal(adapted, base)  # ΔW = 0 exactly at init


def test_three_adapters_in_one_batch_equal_each_merged_alone(base_model, targets):
    tok, model = base_model.tokenizer, base_model.model
    batch = tok(["One, two, three,"] * 3, return_tensors="pt")
    weights = _random_weights(targets, 3)
    scaling = 2.0
    with torch.no_grad(), batched_lora(model, weights, scaling, targets=targets):
        together = model(**batch).logits
        base_out = None
    with torch.no_grad():
        base_out = model(**batch).logits
    for i in range(3):
        with torch.no_grad(), merged(model, targets, weights, i, scaling):
            want = model(**{k: v[i : i + 1] for k, v in batch.items()}).logits
        assert not torch.allclose(want[0], base_out[i], atol=1e-2)  # the adapter matters
        torch.testing.assert_close(together[i], want[0], atol=2e-4, rtol=1e-4)
    assert not torch.allclose(together[0], together[1], atol=1e-2)


def test_peft_loads_our_export_with_logits_equal_to_the_functional_path(base_model, targets, ids, encoder, tmp_path: Path):
    from peft import PeftModel

    from hypernet.generate import encode_descriptions, generate_adapters

    config = _config(base_model, targets)
    hypernet = build_hypernet(config).eval()
    gen = torch.Generator().manual_seed(3)
    with torch.no_grad():  # stand-in for training: make B non-zero and description-dependent
        for head in hypernet.heads.values():
            head.weight.copy_(torch.randn(head.weight.shape, generator=gen) * 0.02)
    descriptions = ["Reverse the order of the words.", "Answer in French."]
    adapters = generate_adapters(hypernet, encoder, descriptions, checkpoint_id="test")
    with torch.no_grad():
        weights = hypernet(encode_descriptions(encoder, descriptions))
        with batched_lora(base_model.model, weights, config.scaling):
            ours = base_model.model(**ids).logits
        base = base_model.model(**ids).logits
    for i, adapter in enumerate(adapters):
        save_peft_adapter(adapter, tmp_path / f"a{i}")
        # PEFT wraps the shared session model in place; unload() puts the original layers back
        peft_model = PeftModel.from_pretrained(base_model.model, str(tmp_path / f"a{i}"))
        try:
            assert peft_model.peft_config["default"].use_rslora
            with torch.no_grad():
                theirs = peft_model(**{k: v[i : i + 1] for k, v in ids.items()}).logits
        finally:
            peft_model.unload()
        assert not torch.allclose(theirs[0], base[i], atol=1e-2)
        torch.testing.assert_close(ours[i], theirs[0], atol=2e-4, rtol=1e-4)


def test_gradients_flow_from_lm_loss_into_the_hypernetwork(base_model, targets, encoder):
    from hypernet.generate import encode_descriptions

    config = _config(base_model, targets, latent_dim=32, head_hidden=64)
    hypernet = build_hypernet(config).train()
    tok, model = base_model.tokenizer, base_model.model
    batch = tok(["Reverse: a b c -> c b a", "Sort: 3 1 2 -> 1 2 3"], return_tensors="pt", padding=True)
    labels = batch["input_ids"].masked_fill(batch["attention_mask"] == 0, -100)
    emb = encode_descriptions(encoder, ["Reverse the words.", "Sort the numbers."])
    with batched_lora(model, hypernet(emb), config.scaling, dropout=config.lora_dropout):
        loss = model(**batch, labels=labels).loss
    loss.backward()
    assert all(p.grad is None for p in model.parameters())  # the base model stays frozen
    for name in ("q_proj", "v_proj"):
        # at bias-HyperInit only B's part of the head (weight and bias) receives gradient
        assert hypernet.heads[name].weight.grad.abs().sum() > 0
        assert hypernet.head_bias[name].grad.abs().sum() > 0
    torch.optim.SGD(hypernet.parameters(), lr=1.0).step()
    hypernet.zero_grad()
    with batched_lora(model, hypernet(emb), config.scaling):
        model(**batch, labels=labels).loss.backward()
    assert hypernet.task_encoder[0].weight.grad.abs().sum() > 0  # after a step, through the whole network


def test_hooks_are_removed_after_an_error(base_model, targets, ids):
    model = base_model.model
    weights = _random_weights(targets, 2)
    with pytest.raises(RuntimeError, match="boom"), batched_lora(model, weights, 1.0):
        raise RuntimeError("boom")
    assert all(not m._forward_hooks for m in model.modules())
    # a wrong batch size is caught inside the hook
    with pytest.raises(ValueError, match="batch of 3"), torch.no_grad(), batched_lora(model, weights, 1.0):
        model(**{k: torch.cat([v, v[:1]]) for k, v in ids.items()})
    assert all(not m._forward_hooks for m in model.modules())


def test_generate_with_kv_cache_matches_merged_adapters(base_model, targets):
    tok, model = base_model.tokenizer, base_model.model
    batch = tok(["Count: one, two,"] * 2, return_tensors="pt")
    weights = _random_weights(targets, 2, std=0.08, seed=5)
    with torch.no_grad(), batched_lora(model, weights, 2.0):
        together = model.generate(**batch, max_new_tokens=6, do_sample=False, pad_token_id=tok.pad_token_id)
    for i in range(2):
        with torch.no_grad(), merged(model, targets, weights, i, 2.0):
            alone = model.generate(**{k: v[i : i + 1] for k, v in batch.items()}, max_new_tokens=6,
                                    do_sample=False, pad_token_id=tok.pad_token_id)
        assert torch.equal(together[i], alone[0])
    assert not torch.equal(together[0], together[1])


def test_repeated_samples_and_per_sample_scaling(base_model, targets, ids):
    model = base_model.model
    weights = _random_weights(targets, 2, seed=7)
    doubled = {k: v.repeat_interleave(2, dim=0) for k, v in ids.items()}  # as generate(num_beams=2) does
    with torch.no_grad():
        with batched_lora(model, weights, 1.5):
            plain = model(**ids).logits
            repeated = model(**doubled).logits
        with batched_lora(model, weights, torch.tensor([1.5, 0.0])):
            scaled = model(**ids).logits
        base = model(**ids).logits
    torch.testing.assert_close(repeated[0::2], plain, atol=1e-4, rtol=1e-4)
    torch.testing.assert_close(repeated[1::2], plain, atol=1e-4, rtol=1e-4)
    torch.testing.assert_close(scaled[0], plain[0], atol=1e-4, rtol=1e-4)
    torch.testing.assert_close(scaled[1], base[1], atol=1e-4, rtol=1e-4)


def test_shape_mismatch_is_a_clear_error(base_model, targets):
    weights = _random_weights(targets, 2)
    a, b = weights["v_proj"]
    with pytest.raises(ValueError, match="another base model"), \
            batched_lora(base_model.model, {"v_proj": (a[:, :29], b[:, :29])}, 1.0):
        pass
    with pytest.raises(ValueError, match="does not have"), batched_lora(base_model.model, {"w_proj": (a, b)}, 1.0):
        pass


def test_adapters_round_trip_through_batched_tensors(targets):
    weights = _random_weights(targets, 3, rank=4)
    adapters = adapters_from_weights(weights, targets, rank=4, alpha=8.0, base_model="m",
                                     metadata=[{"i": i} for i in range(3)])
    assert [ad.metadata["i"] for ad in adapters] == [0, 1, 2]
    assert all(isinstance(ad, LoraAdapter) and ad.num_parameters() == 4 * (1152 + 768) * 30 for ad in adapters)
    path = targets["v_proj"].paths[7]
    a, b = adapters[2].weights[path]
    assert torch.equal(a, weights["v_proj"][0][2, 7]) and torch.equal(b, weights["v_proj"][1][2, 7])
    # each adapter owns its storage (one block per module), not a view into the whole batch
    assert a.untyped_storage().nbytes() == 30 * a.numel() * 4
    assert a.untyped_storage().data_ptr() != adapters[1].weights[path][0].untyped_storage().data_ptr()
    from hypernet.peft_format import adapter_from_bytes, adapter_to_bytes

    again = adapter_from_bytes(*adapter_to_bytes(adapters[2]))  # safetensors accepts the layer views
    assert torch.equal(again.weights[path][0], a) and torch.equal(again.weights[path][1], b)
    back, scaling = weights_from_adapters(adapters, targets)
    for name in weights:
        assert torch.equal(back[name][0], weights[name][0]) and torch.equal(back[name][1], weights[name][1])
    torch.testing.assert_close(scaling, torch.full((3,), 8.0 / 2.0))
    stray = copy.copy(adapters[0])
    stray.weights = {**stray.weights, "lm_head": (a, b)}
    with pytest.raises(ValueError, match="outside the targets"):
        weights_from_adapters([stray], targets)
