from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from typer.testing import CliRunner

from hypernet.checkpoint import save_checkpoint
from hypernet.config import HypernetConfig
from hypernet.generate import (
    MAX_DESCRIPTION_CHARS,
    DescriptionError,
    GenerationError,
    encode_descriptions,
    generate_adapters,
    generate_weights,
)
from hypernet.model import build_hypernet
from hypernet.peft_format import load_peft_adapter
from hypernet.targets import discover_targets, select_targets
from t2l.cli import app

REPO = Path(__file__).resolve().parents[2]
TASKS = ["Reverse the order of the words.", "Translate the sentence to French.", "Add the two numbers.",
         "Answer with yes or no.", "Count the vowels."]


@pytest.fixture(scope="module")
def config(base_model) -> HypernetConfig:
    targets = select_targets(discover_targets(base_model.model), ["q_proj", "v_proj"])
    return HypernetConfig.from_targets(targets, base_model=base_model.name, encoder="all-minilm-l6-v2",
                                       embedding_dim=384, latent_dim=32, head_hidden=64)


@pytest.fixture
def hypernet(config):
    model = build_hypernet(config).eval()
    gen = torch.Generator().manual_seed(0)
    with torch.no_grad():  # stand-in for training: description-dependent, non-zero B
        for head in model.heads.values():
            head.weight.copy_(torch.randn(head.weight.shape, generator=gen) * 0.05)
    return model


def _count_forwards(model) -> list[int]:
    calls: list[int] = []
    model.register_forward_hook(lambda m, args, out: calls.append(args[0].shape[0]))
    return calls


def test_many_descriptions_one_forward_pass(hypernet, encoder):
    calls = _count_forwards(hypernet)
    adapters = generate_adapters(hypernet, encoder, TASKS, checkpoint_id="abc")
    assert calls == [5]  # five adapters, one hypernetwork pass
    assert len(adapters) == 5 and all(a.num_parameters() == 460_800 for a in adapters)
    assert adapters[1].metadata == {"description": TASKS[1], "checkpoint": "abc", "encoder": "all-minilm-l6-v2",
                                    "hypernet_size": "L", "seed": 0}
    assert adapters[0].weights.keys() == adapters[1].weights.keys()
    path = "model.layers.4.self_attn.v_proj"
    assert not torch.allclose(adapters[0].weights[path][1], adapters[1].weights[path][1])
    calls.clear()
    chunked = generate_adapters(hypernet, encoder, TASKS, batch_size=2)
    assert calls == [2, 2, 1]
    alone = generate_adapters(hypernet, encoder, TASKS[3:4])[0]
    for key, (a, b) in alone.weights.items():  # a description's adapter does not depend on its batch
        torch.testing.assert_close(a, chunked[3].weights[key][0], atol=1e-5, rtol=1e-5)
        torch.testing.assert_close(b, chunked[3].weights[key][1], atol=1e-5, rtol=1e-5)


def test_tensor_level_generation_stays_on_the_device(hypernet, encoder):
    weights = generate_weights(hypernet, encode_descriptions(encoder, TASKS[:3]))
    a, b = weights["q_proj"]
    assert a.shape == (3, 30, 8, 576) and b.shape == (3, 30, 576, 8) and a.device == hypernet.row_layer.device
    hypernet.train()
    with pytest.raises(ValueError, match="eval mode"):
        generate_weights(hypernet, encode_descriptions(encoder, TASKS[:1]))


@pytest.mark.parametrize(
    ("descriptions", "message"),
    [
        ([], "no descriptions"),
        (["ok", ""], "#1 is empty"),
        (["   \n\t"], "#0 is empty"),
        (["x" * (MAX_DESCRIPTION_CHARS + 1)], f"at most {MAX_DESCRIPTION_CHARS}"),
        (["word " * 400], "the encoder reads at most 256"),
        (["fine", 3], "#1 is int"),
        ("a plain string", "list of strings"),
    ],
)
def test_bad_descriptions_fail_before_any_work(hypernet, encoder, descriptions, message):
    calls = _count_forwards(hypernet)
    with pytest.raises(DescriptionError, match=message):
        generate_adapters(hypernet, encoder, descriptions)
    assert calls == []


def test_nan_weights_raise_and_name_the_descriptions(hypernet, encoder):
    with torch.no_grad():
        hypernet.head_bias["v_proj"][-1] = float("nan")  # B of the last v_proj entry, every description
    with pytest.raises(GenerationError, match="NaN/Inf weights for 2 of 2 descriptions"):
        generate_adapters(hypernet, encoder, TASKS[:2])


# --- the command -----------------------------------------------------------------------------


@pytest.fixture
def checkpoint(hypernet, tmp_path: Path):
    return save_checkpoint(hypernet, tmp_path / "ckpt")


def _run(*args: str):
    return CliRunner().invoke(app, ["generate", *args])


def test_cli_writes_a_peft_adapter_for_one_description(checkpoint, hypernet, encoder, tmp_path: Path):
    out = tmp_path / "out" / "reverse"
    result = _run(TASKS[0], "--out", str(out), "--checkpoint", str(checkpoint.path))
    assert result.exit_code == 0, result.output
    adapter = load_peft_adapter(out)
    assert adapter.metadata["checkpoint"] == checkpoint.id and adapter.metadata["description"] == TASKS[0]
    want = generate_adapters(hypernet, encoder, TASKS[:1])[0]
    for key, (a, b) in want.weights.items():
        assert torch.equal(adapter.weights[key][0], a) and torch.equal(adapter.weights[key][1], b)
    again = _run(TASKS[1], "--out", str(out), "--checkpoint", str(checkpoint.path))
    assert "already exists" in str(again.exception)
    assert _run(TASKS[1], "--out", str(out), "--checkpoint", str(checkpoint.path), "--force").exit_code == 0
    assert load_peft_adapter(out).metadata["description"] == TASKS[1]


def test_cli_writes_one_directory_per_jsonl_line(checkpoint, tmp_path: Path):
    lines = [json.dumps({"description": TASKS[0], "name": "reverse"}), "", json.dumps({"description": TASKS[1]}),
             json.dumps({"description": TASKS[2], "name": "add", "source": "ignored"})]
    (tmp_path / "d.jsonl").write_text("\n".join(lines) + "\n")
    out = tmp_path / "adapters"
    result = _run("--descriptions", str(tmp_path / "d.jsonl"), "--out", str(out), "--checkpoint",
                  str(checkpoint.path), "--batch-size", "2", "--dtype", "bfloat16")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["00003-translate-the-sentence-to-french", "add", "reverse"]
    adapter = load_peft_adapter(out / "add")
    assert adapter.metadata["description"] == TASKS[2] and adapter.metadata["line"] == 4
    assert next(iter(adapter.weights.values()))[0].dtype == torch.bfloat16


def test_cli_reports_every_malformed_line_and_writes_nothing(checkpoint, tmp_path: Path):
    lines = ['{"description": "fine"}', "{not json", '["a list"]', '{"description": "  "}',
             '{"description": "ok", "name": "../escape"}', '{"description": "dup", "name": "x"}',
             '{"description": "dup", "name": "x"}']
    (tmp_path / "d.jsonl").write_text("\n".join(lines))
    result = _run("--descriptions", str(tmp_path / "d.jsonl"), "--out", str(tmp_path / "o"),
                  "--checkpoint", str(checkpoint.path))
    message = str(result.exception)
    assert result.exit_code != 0 and "5 malformed line(s)" in message
    for number in (2, 3, 4, 5, 7):
        assert f"line {number}:" in message
    assert "already used on line 6" in message
    assert not (tmp_path / "o").exists()


def test_cli_nan_checkpoint_writes_nothing(hypernet, tmp_path: Path):
    with torch.no_grad():
        hypernet.head_bias["q_proj"][0] = float("inf")
    broken = save_checkpoint(hypernet, tmp_path / "broken")
    (tmp_path / "d.jsonl").write_text("\n".join(json.dumps({"description": t}) for t in TASKS))
    result = _run("--descriptions", str(tmp_path / "d.jsonl"), "--out", str(tmp_path / "o"),
                  "--checkpoint", str(broken.path), "--batch-size", "2")
    assert isinstance(result.exception, GenerationError)
    assert list((tmp_path / "o").iterdir()) == []  # not even the first chunk
    result = _run(TASKS[0], "--out", str(tmp_path / "one"), "--checkpoint", str(broken.path))
    assert isinstance(result.exception, GenerationError) and not (tmp_path / "one").exists()


def test_cli_init_builds_an_untrained_hypernetwork_for_the_base_model(model_cache: Path, tmp_path: Path):
    result = _run(TASKS[0], "--out", str(tmp_path / "a"), "--init")
    assert result.exit_code == 0, result.output
    adapter = load_peft_adapter(tmp_path / "a")
    assert adapter.metadata["checkpoint"].startswith("untrained-")
    assert adapter.base_model == "smollm2-135m-instruct" and len(adapter.weights) == 60
    assert all(torch.count_nonzero(b) == 0 for _, b in adapter.weights.values())  # ΔW = 0


def test_cli_without_a_checkpoint_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import hypernet.checkpoint

    monkeypatch.setattr(hypernet.checkpoint, "DEFAULT_CHECKPOINT_DIR", tmp_path / "checkpoints" / "default")
    result = _run("Reverse words.", "--out", str(tmp_path / "a"))
    message = str(result.exception)
    assert "no trained hypernetwork checkpoint" in message and "--init" in message and "--checkpoint" in message
    assert str(tmp_path / "checkpoints" / "default") in message and not (tmp_path / "a").exists()


def test_cli_errors_are_one_line_with_exit_code_2(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "-m", "t2l", "generate", "Reverse words.", "--out", str(tmp_path / "a"),
         "--checkpoint", str(tmp_path / "missing")],
        cwd=REPO, capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 2
    assert "no hypernetwork checkpoint at" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("use_rslora", [True, False])
def test_the_fixed_block_alone_is_the_adapter_it_was_given(tmp_path, use_rslora):
    """fixed_block_adapter: the shared rows of a residual hypernetwork as a PEFT adapter of rank
    fixed_rank whose update scaling * B @ A is exactly the adapter set_fixed_adapter was given; the
    script writes it; a hypernetwork without a fixed block is refused."""
    from dataclasses import replace

    from hypernet.config import TargetSpec
    from hypernet.generate import fixed_block_adapter
    from hypernet.model import set_fixed_adapter

    paths = tuple(f"m.layers.{i}.q" for i in range(3))
    config = HypernetConfig(base_model="m", encoder="e", embedding_dim=16, rank=6, fixed_rank=4, alpha=8.0,
                            use_rslora=use_rslora, latent_dim=16, head_hidden=16,
                            targets=(TargetSpec("q", in_features=12, out_features=10, num_layers=3, paths=paths),))
    hypernet = build_hypernet(config).eval()
    a_given, b_given = torch.randn(3, 4, 12), torch.randn(3, 10, 4)
    set_fixed_adapter(hypernet, {"q": (a_given, b_given)}, scaling=2.0)
    adapter = fixed_block_adapter(hypernet, checkpoint_id="abc")
    assert adapter.rank == 4 and adapter.metadata["fixed_block"] and adapter.metadata["checkpoint"] == "abc"
    scaling = adapter.alpha / (4 ** 0.5 if use_rslora else 4)
    for layer, path in enumerate(paths):
        a, b = adapter.weights[path]
        torch.testing.assert_close(scaling * b @ a, 2.0 * b_given[layer] @ a_given[layer], atol=1e-5, rtol=1e-5)

    checkpoint = save_checkpoint(hypernet, tmp_path / "ckpt")
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "fixed_block_adapter.py"), str(checkpoint.path),
                           "--out", str(tmp_path / "fixed")], capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 0, done.stderr
    written = load_peft_adapter(tmp_path / "fixed")
    assert written.rank == 4 and written.alpha == pytest.approx(adapter.alpha)
    torch.testing.assert_close(written.weights[paths[1]][1], adapter.weights[paths[1]][1])

    with pytest.raises(ValueError, match="no fixed adapter block"):
        fixed_block_adapter(build_hypernet(replace(config, rank=4, fixed_rank=0)))
