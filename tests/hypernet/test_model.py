from __future__ import annotations

import json
from dataclasses import replace
import math

import pytest
import torch

from hypernet.config import HypernetConfig, HypernetConfigError, TargetSpec
from hypernet.model import HyperNetwork, build_hypernet, parameter_count, randomize_heads


def tiny_config(size: str = "L", **options) -> HypernetConfig:
    targets = [
        TargetSpec("q_proj", 32, 32, 3, tuple(f"m.layers.{i}.q_proj" for i in range(3))),
        TargetSpec("v_proj", 32, 8, 3, tuple(f"m.layers.{i}.v_proj" for i in range(3))),
    ]
    return HypernetConfig(base_model="tiny", encoder="enc", embedding_dim=16, targets=targets,
                          latent_dim=16, head_hidden=24, size=size, **options)


def _perturb_heads(model: HyperNetwork, std: float = 0.05, seed: int = 1) -> None:
    """Stand-in for training: non-zero head weights, so outputs depend on the description."""
    randomize_heads(model, std, seed=seed)


# --- config ---------------------------------------------------------------------------------


def test_config_round_trips_through_json():
    config = tiny_config("M", rank=4, alpha=8.0, training={"lr": 2.5e-5, "steps": 10})
    again = HypernetConfig.from_dict(json.loads(json.dumps(config.to_dict())))
    assert again == config
    assert again.targets[1].paths == ("m.layers.0.v_proj", "m.layers.1.v_proj", "m.layers.2.v_proj")
    assert config.scaling == pytest.approx(8.0 / 2.0)  # rsLoRA: alpha / sqrt(r)
    assert tiny_config(use_rslora=False, rank=4, alpha=8.0).scaling == pytest.approx(2.0)
    assert config.lora_parameter_count() == 3 * 4 * (32 + 32) + 3 * 4 * (32 + 8)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"size": "XL"}, "size must be one of"),
        ({"rank": 0}, "rank must be a positive"),
        ({"latent_dim": 18}, "multiple of 4"),
        ({"dropout": 1.0}, "dropout must be in"),
        ({"alpha": float("nan")}, "alpha must be"),
        ({"targets": []}, "at least one target"),
        ({"targets": [TargetSpec("q", 4, 4, 2), TargetSpec("q", 4, 4, 2)]}, "repeat"),
    ],
)
def test_config_rejects_inconsistent_values(change, message):
    data = {**tiny_config().__dict__, **change}
    with pytest.raises(HypernetConfigError, match=message):
        HypernetConfig(**data)


def test_config_from_dict_rejects_unknown_keys_and_bad_targets():
    data = tiny_config().to_dict()
    with pytest.raises(HypernetConfigError, match="unknown hypernetwork config keys"):
        HypernetConfig.from_dict({**data, "rnak": 8})
    with pytest.raises(HypernetConfigError, match="module paths for 3 layers"):
        HypernetConfig.from_dict({**data, "targets": [{**data["targets"][0], "paths": ["a"]}]})
    with pytest.raises(HypernetConfigError, match="in_features must be a positive"):
        HypernetConfig.from_dict({**data, "targets": [{**data["targets"][0], "in_features": -1}]})


def test_config_from_discovered_targets(base_model):
    from hypernet.targets import discover_targets, select_targets

    targets = select_targets(discover_targets(base_model.model), ["q_proj", "v_proj"])
    config = HypernetConfig.from_targets(targets, base_model=base_model.name, encoder="all-minilm-l6-v2",
                                         embedding_dim=384)
    assert [t.shape for t in config.targets] == [(576, 576, 30), (576, 192, 30)]
    assert config.targets[0].paths[3] == "model.layers.3.self_attn.q_proj"
    assert config.lora_parameter_count() == 460_800  # the figure in ANCHORS.md


# --- shapes, sizes, parameter counts ------------------------------------------------------


@pytest.mark.parametrize("size", ["L", "M", "S"])
def test_output_shapes_for_every_size(size):
    model = build_hypernet(tiny_config(size, rank=4)).eval()
    weights = model(torch.randn(5, 16))
    assert list(weights) == ["q_proj", "v_proj"]
    assert weights["q_proj"][0].shape == (5, 3, 4, 32) and weights["q_proj"][1].shape == (5, 3, 32, 4)
    assert weights["v_proj"][0].shape == (5, 3, 4, 32) and weights["v_proj"][1].shape == (5, 3, 8, 4)
    assert model.num_parameters() == parameter_count(model.config)


def test_parameter_counts_match_the_paper_for_mistral_shapes():
    # Mistral-7B: q 4096→4096, v 4096→1024, 32 layers; gte-large embeddings (1024). Paper: L≈55M, M≈34M, S≈5M.
    targets = [TargetSpec("q_proj", 4096, 4096, 32), TargetSpec("v_proj", 4096, 1024, 32)]
    counts = {
        size: parameter_count(HypernetConfig(base_model="mistral", encoder="gte", embedding_dim=1024,
                                             targets=targets, size=size))
        for size in "LMS"
    }
    for size, paper in {"L": 55e6, "M": 34e6, "S": 5e6}.items():
        assert abs(counts[size] - paper) / paper < 0.03, counts


def test_head_sizes_follow_the_design():
    c = tiny_config(rank=4)
    heads = {s: {n: h.weight.shape[0] for n, h in build_hypernet(tiny_config(s, rank=4)).heads.items()} for s in "LMS"}
    assert heads["L"] == {"q_proj": 4 * 64, "v_proj": 4 * 40}  # r*(in+out)
    assert heads["M"] == {"q_proj": 4 * 32, "v_proj": 4 * 32}  # r*max(in,out)
    assert heads["S"] == {"q_proj": 32, "v_proj": 32}  # one rank row
    assert c.head_hidden == build_hypernet(c).heads["q_proj"].weight.shape[1]


# --- initialisation ---------------------------------------------------------------------------


@pytest.mark.parametrize("size", ["L", "M", "S"])
def test_bias_hyperinit_gives_peft_init_and_zero_delta(size):
    model = build_hypernet(tiny_config(size, rank=4)).eval()
    weights = model(torch.randn(6, 16))
    for a, b in weights.values():
        assert torch.count_nonzero(b) == 0  # ΔW = B·A = 0 for every description and layer
        bound = 1 / math.sqrt(a.shape[-1])  # PEFT's kaiming-uniform(a=sqrt 5) bound
        assert a.abs().max() <= bound and a.abs().max() > 0.5 * bound
        assert torch.equal(a[0], a[-1])  # head weights are zero: A is the bias for everyone
        assert a[0, 0].std() > 0.2 * bound  # not a constant


def test_seed_makes_initialisation_reproducible_without_touching_global_rng():
    torch.manual_seed(123)
    before = torch.rand(1)
    torch.manual_seed(123)
    first = build_hypernet(tiny_config(seed=7))
    assert torch.equal(torch.rand(1), before)  # global RNG untouched
    second = build_hypernet(tiny_config(seed=7))
    third = build_hypernet(tiny_config(seed=8))
    for (k, v), w, x in zip(first.state_dict().items(), second.state_dict().values(), third.state_dict().values()):
        assert torch.equal(v, w), k
    assert not torch.equal(first.head_bias["q_proj"], third.head_bias["q_proj"])


# --- batching -----------------------------------------------------------------------------------


@pytest.mark.parametrize("size", ["L", "M", "S"])
def test_batch_gives_each_description_what_it_gets_alone(size):
    model = build_hypernet(tiny_config(size, rank=4)).eval()
    _perturb_heads(model)
    emb = torch.randn(4, 16)
    together = model(emb)
    for i in range(4):
        alone = model(emb[i : i + 1])
        for name in together:
            torch.testing.assert_close(together[name][0][i], alone[name][0][0], atol=1e-5, rtol=1e-5)
            torch.testing.assert_close(together[name][1][i], alone[name][1][0], atol=1e-5, rtol=1e-5)
    b = together["v_proj"][1]
    assert not torch.allclose(b[0], b[1])  # different descriptions, different adapters
    assert not torch.allclose(b[0, 0], b[0, 1])  # layer embedding makes layers differ


def test_one_forward_runs_the_trunk_once_for_all_tasks_layers_and_modules():
    model = build_hypernet(tiny_config()).eval()
    calls: list[tuple[int, ...]] = []
    model.mixer.register_forward_hook(lambda m, args, out: calls.append(tuple(out.shape)))
    head_calls: list[tuple[int, ...]] = []
    for head in model.heads.values():
        head.register_forward_hook(lambda m, args, out: head_calls.append(tuple(out.shape)))
    model(torch.randn(7, 16))
    assert calls == [(7, 6, 16)]  # 7 descriptions × (3 q + 3 v layers), one pass
    assert head_calls == [(7, 3, 8 * (32 + 32)), (7, 3, 8 * (32 + 8))]  # one matmul per module type


def test_embedding_scale_does_not_matter_and_shape_is_checked():
    model = build_hypernet(tiny_config()).eval()
    _perturb_heads(model)
    emb = torch.randn(2, 16)
    torch.testing.assert_close(model(emb)["q_proj"][1], model(emb * 37.0)["q_proj"][1])
    with pytest.raises(ValueError, match=r"\[N, 16\]"):
        model(torch.randn(2, 15))


def test_gradients_reach_heads_at_init_and_the_trunk_after():
    model = build_hypernet(tiny_config())
    loss = sum(b.square().sum() + a.sum() for a, b in model(torch.randn(3, 16)).values())
    loss.backward()
    assert model.heads["q_proj"].weight.grad.abs().sum() > 0
    assert model.head_bias["v_proj"].grad.abs().sum() > 0
    _perturb_heads(model)  # zero head weights block the trunk's gradient only at step 0
    model.zero_grad()
    loss = sum(b.square().sum() + a.sum() for a, b in model(torch.randn(3, 16)).values())
    loss.backward()
    assert model.task_encoder[0].weight.grad.abs().sum() > 0
    assert model.layer_embedding[0].weight.grad.abs().sum() > 0


def test_random_heads_make_adapters_vary_with_the_description_and_repeat_by_seed():
    model = build_hypernet(tiny_config())
    embeddings = torch.nn.functional.normalize(torch.randn(2, 16, generator=torch.Generator().manual_seed(0)), dim=-1)
    with torch.no_grad():
        a, b = model(embeddings)["q_proj"]
    assert torch.equal(a[0], a[1]) and torch.equal(b[0], b[1])  # zero heads: one adapter for every description
    randomize_heads(model, 0.01, seed=3)
    with torch.no_grad():
        a, b = model(embeddings)["q_proj"]
    assert not torch.equal(a[0], a[1]) and not torch.equal(b[0], b[1])
    again = build_hypernet(tiny_config())
    randomize_heads(again, 0.01, seed=3)
    for name, head in model.heads.items():
        assert torch.equal(head.weight, again.heads[name].weight)
        assert head.weight.std().item() == pytest.approx(0.01, rel=0.2)


def test_a_fixed_block_is_the_same_rows_for_every_description_and_starts_as_that_adapter():
    """config.fixed_rank: the last rows of every emitted adapter are the given adapter (B rescaled to
    the hypernetwork's scaling); the emitted rows start as a fresh LoRA, so ΔW is that adapter's."""
    from hypernet.model import set_fixed_adapter

    config = HypernetConfig(base_model="m", encoder="e", embedding_dim=16, rank=6, fixed_rank=4, alpha=8.0,
                            latent_dim=16, head_hidden=16,
                            targets=(TargetSpec("q", in_features=12, out_features=10, num_layers=3),))
    hypernet = build_hypernet(config).eval()
    a_fixed, b_fixed = torch.randn(3, 4, 12), torch.randn(3, 10, 4)
    set_fixed_adapter(hypernet, {"q": (a_fixed, b_fixed)}, scaling=2.0)
    with torch.no_grad():
        a, b = hypernet(torch.randn(5, 16))["q"]
    assert a.shape == (5, 3, 6, 12) and b.shape == (5, 3, 10, 6)
    torch.testing.assert_close(a[:, :, 2:], a_fixed.expand(5, -1, -1, -1))
    delta = config.scaling * b @ a
    torch.testing.assert_close(delta, (2.0 * b_fixed @ a_fixed).expand(5, -1, -1, -1), atol=1e-5, rtol=1e-5)
    with pytest.raises(ValueError, match="fixed block holds"):
        set_fixed_adapter(hypernet, {"q": (a_fixed[:, :2], b_fixed[..., :2])}, scaling=2.0)
    with pytest.raises(ValueError, match="no fixed adapter block"):
        set_fixed_adapter(build_hypernet(replace(config, rank=4, fixed_rank=0)), {"q": (a_fixed, b_fixed)}, 2.0)


@pytest.mark.parametrize("settings", [dict(fixed_rank=6), dict(fixed_rank=-1), dict(fixed_rank=2, size="M"),
                                      dict(fixed_rank=2, use_dora=True)])
def test_a_fixed_block_that_cannot_work_is_refused(settings):
    with pytest.raises(HypernetConfigError, match="fixed"):
        HypernetConfig(base_model="m", encoder="e", embedding_dim=16, rank=6,
                       targets=(TargetSpec("q", in_features=12, out_features=10, num_layers=3),), **settings)
