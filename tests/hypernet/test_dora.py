"""The hypernetwork emitting DoRA adapters: functional DoRA equals PEFT's, export loads in PEFT."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from hypernet.config import HypernetConfig, HypernetConfigError
from hypernet.lora import batched_lora, dora_row_norms, weights_from_adapters
from hypernet.model import base_row_norms, build_hypernet
from hypernet.peft_format import save_peft_adapter
from hypernet.targets import discover_targets, select_targets

PROMPTS = ["The capital of France is", "Reverse the words: the cat sat"]
DESCRIPTIONS = ["Reverse the order of the words.", "Answer in French."]


@pytest.fixture(scope="module")
def targets(base_model):
    return {t.name: t for t in select_targets(discover_targets(base_model.model), ["q_proj", "v_proj"])}


@pytest.fixture(scope="module")
def ids(base_model):
    return base_model.tokenizer(PROMPTS, return_tensors="pt", padding=True)


def _dora_hypernet(base_model, targets, *, trained: bool = True):
    config = HypernetConfig.from_targets(list(targets.values()), base_model=base_model.name,
                                         encoder="all-minilm-l6-v2", embedding_dim=384, use_dora=True,
                                         latent_dim=32, head_hidden=64)
    hypernet = build_hypernet(config).eval()
    hypernet.set_base_norms(base_row_norms(base_model.model, config))
    if trained:  # stand-in for training: B and the magnitudes non-zero and description-dependent
        gen = torch.Generator().manual_seed(5)
        with torch.no_grad():
            for heads in (hypernet.heads, hypernet.magnitude_heads):
                for head in heads.values():
                    head.weight.copy_(torch.randn(head.weight.shape, generator=gen) * 0.05)
    return hypernet


def test_row_norms_from_rxr_products_equal_the_formed_matrix():
    gen = torch.Generator().manual_seed(0)
    w, a, b = torch.randn(12, 20, generator=gen), torch.randn(3, 4, 20, generator=gen), torch.randn(3, 12, 4, generator=gen)
    want = torch.stack([torch.linalg.norm(w + 0.7 * b[i] @ a[i], dim=1) for i in range(3)])
    torch.testing.assert_close(dora_row_norms(w, a, b.transpose(1, 2), 0.7), want, rtol=1e-5, atol=1e-5)


def test_an_untrained_dora_hypernetwork_changes_nothing(base_model, targets, ids, encoder):
    from hypernet.generate import encode_descriptions

    hypernet = _dora_hypernet(base_model, targets, trained=False)
    with torch.no_grad():
        weights, magnitudes = hypernet.forward_with_magnitudes(encode_descriptions(encoder, DESCRIPTIONS))
        base = base_model.model(**ids).logits
        with batched_lora(base_model.model, weights, hypernet.config.scaling, magnitudes=magnitudes):
            adapted = base_model.model(**ids).logits
    torch.testing.assert_close(adapted, base, atol=1e-4, rtol=1e-4)  # m = ||W|| and B = 0


def test_generated_dora_adapters_load_in_peft_with_equal_logits(base_model, targets, ids, encoder, tmp_path: Path):
    from peft import PeftModel

    from hypernet.adapter_files import method_of, read_adapter_dir
    from hypernet.generate import encode_descriptions, generate_adapters

    hypernet = _dora_hypernet(base_model, targets)
    adapters = generate_adapters(hypernet, encoder, DESCRIPTIONS, checkpoint_id="test")
    assert all(a.use_dora and a.magnitudes and method_of(a) == "dora" for a in adapters)
    with torch.no_grad():
        weights, magnitudes = hypernet.forward_with_magnitudes(encode_descriptions(encoder, DESCRIPTIONS))
        with batched_lora(base_model.model, weights, hypernet.config.scaling, magnitudes=magnitudes):
            ours = base_model.model(**ids).logits
        with batched_lora(base_model.model, weights, hypernet.config.scaling):
            plain = base_model.model(**ids).logits
        base = base_model.model(**ids).logits
    assert not torch.allclose(ours, plain, atol=1e-2)  # the magnitudes matter
    for i, adapter in enumerate(adapters):
        directory = save_peft_adapter(adapter, tmp_path / f"a{i}")
        assert method_of(read_adapter_dir(directory)) == "dora"  # what the catalog files it as
        peft_model = PeftModel.from_pretrained(base_model.model, str(directory))
        try:
            assert peft_model.peft_config["default"].use_dora
            with torch.no_grad():
                theirs = peft_model(**{k: v[i : i + 1] for k, v in ids.items()}).logits
        finally:
            peft_model.unload()
        assert not torch.allclose(theirs[0], base[i], atol=1e-2)
        torch.testing.assert_close(ours[i], theirs[0], atol=5e-4, rtol=1e-4)


def test_dora_gradients_reach_the_magnitude_heads(base_model, targets, encoder):
    from hypernet.generate import encode_descriptions

    hypernet = _dora_hypernet(base_model, targets).train()
    tok, model = base_model.tokenizer, base_model.model
    batch = tok(["Reverse: a b c -> c b a", "Sort: 3 1 2 -> 1 2 3"], return_tensors="pt", padding=True)
    labels = batch["input_ids"].masked_fill(batch["attention_mask"] == 0, -100)
    weights, magnitudes = hypernet.forward_with_magnitudes(encode_descriptions(encoder, DESCRIPTIONS))
    with batched_lora(model, weights, hypernet.config.scaling, magnitudes=magnitudes):
        model(**batch, labels=labels).loss.backward()
    assert all(p.grad is None for p in model.parameters())
    for name in ("q_proj", "v_proj"):
        assert hypernet.magnitude_heads[name].weight.grad.abs().sum() > 0
        assert hypernet.heads[name].weight.grad.abs().sum() > 0


def test_dora_misuse_is_refused_clearly(base_model, targets, encoder):
    from hypernet.generate import DoraUnsupportedError, encode_descriptions, generate_adapters, generate_weights

    with pytest.raises(HypernetConfigError, match="size L"):
        HypernetConfig.from_targets(list(targets.values()), base_model="m", encoder="e", embedding_dim=384,
                                    use_dora=True, size="S")
    fresh = build_hypernet(_dora_hypernet(base_model, targets).config).eval()  # no base norms recorded
    with pytest.raises(ValueError, match="set_base_norms"):
        fresh.forward_with_magnitudes(encode_descriptions(encoder, DESCRIPTIONS))
    hypernet = _dora_hypernet(base_model, targets)
    with pytest.raises(DoraUnsupportedError, match="DoRA"):  # a plain-LoRA path drops nothing silently
        generate_weights(hypernet, encode_descriptions(encoder, DESCRIPTIONS))
    adapters = generate_adapters(hypernet, encoder, DESCRIPTIONS[:1])
    with pytest.raises(ValueError, match="DoRA"):
        weights_from_adapters(adapters, targets)


def test_a_dora_checkpoint_round_trips_with_its_base_norms(base_model, targets, tmp_path: Path):
    from hypernet.checkpoint import load_checkpoint, save_checkpoint

    hypernet = _dora_hypernet(base_model, targets)
    save_checkpoint(hypernet, tmp_path / "ckpt")
    loaded = load_checkpoint(tmp_path / "ckpt").hypernet
    assert loaded.config.use_dora
    for name in ("q_proj", "v_proj"):
        torch.testing.assert_close(getattr(loaded.base_norms, name), getattr(hypernet.base_norms, name))
