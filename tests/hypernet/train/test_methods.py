"""Oracle adapters of each PEFT method: trained, saved in PEFT's own format, applied and removed
again by the evaluation, and clear errors for methods that cannot run here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch

from hypernet.evaluate import evaluate_method, peft_applied
from hypernet.tasks import Example, Task
from hypernet.train.methods import MethodSettings, MethodUnavailableError, check_available, train_method_oracles
from hypernet.train.peft_lora import LoraTrainConfig


WORDS = ["apple", "river", "stone", "cloud", "tiger", "music", "lemon", "paper"]
PAIRS = [Example(f"{a} {b}", a) for a in WORDS for b in WORDS if a != b]
FIRST = Task(id="t.first", family="extraction", descriptions=("Return only the first word.",),
             heldout_descriptions=("Give the first word.",), train=tuple(PAIRS[:40]), validation=tuple(PAIRS[40:44]),
             test=tuple(PAIRS[44:48]))


def _logits(model, ids) -> torch.Tensor:
    with torch.no_grad():
        return model(ids).logits


@pytest.mark.parametrize("method", ["dora", "prompt-tuning", "bottleneck"])
def test_method_oracles_train_save_as_peft_and_leave_the_base_model_as_it_was(base_model, tmp_path: Path, method):
    ids = torch.tensor([[1, 2, 3, 4]])
    before = _logits(base_model.model, ids)
    config = LoraTrainConfig(steps=3, batch_size=2, lr=1e-2, checkpoint_every=5)
    settings = MethodSettings(method, virtual_tokens=4, reduction_factor=64)
    (result,) = train_method_oracles(base_model, [FIRST], tmp_path, config, settings)
    saved = json.loads((tmp_path / "t.first" / "adapter_config.json").read_text())
    metrics = json.loads((tmp_path / "t.first" / "metrics.json").read_text())
    if method == "dora":
        assert saved["peft_type"] == "LORA" and saved["use_dora"] is True
        # A and B (8 × (576 + out)) plus one magnitude per output feature, on q and v of 30 layers
        assert metrics["trainable_parameters"] == 30 * (8 * (576 + 576) + 576 + 8 * (576 + 192) + 192)
    elif method == "prompt-tuning":
        assert saved["peft_type"] == "PROMPT_TUNING" and saved["num_virtual_tokens"] == 4
        assert metrics["trainable_parameters"] == 4 * 576
    else:  # after o_proj and down_proj of 30 layers: 576 → 9 → 576 with biases
        assert saved["adapter_type"] == "bottleneck" and saved["architecture"] == "houlsby"
        assert len(saved["paths"]) == 60
        assert metrics["trainable_parameters"] == 60 * ((576 * 9 + 9) + (9 * 576 + 576))
    assert metrics["method"] == method and 0.0 <= result.validation_exact <= 1.0
    run = json.loads((tmp_path / "config.json").read_text())
    assert run["method"] == method and run["use_rslora"] is False  # α/r scaling unless the method is rslora
    assert torch.equal(_logits(base_model.model, ids), before)  # trained on a copy

    with peft_applied(base_model, tmp_path / "t.first") as model:
        changed = _logits(model, ids)
    assert not torch.allclose(changed[:, -ids.shape[1]:], before)
    assert torch.equal(_logits(base_model.model, ids), before)  # unloaded again
    row = evaluate_method(method, base_model, [FIRST], limit=2,
                          model_for=lambda t: peft_applied(base_model, tmp_path / t.id))
    assert set(row.per_task) == {"t.first"}
    assert torch.equal(_logits(base_model.model, ids), before)
    again = train_method_oracles(base_model, [FIRST], tmp_path, config, settings)
    assert again[0].skipped


def test_qlora_without_cuda_says_what_to_do_instead():
    with pytest.raises(MethodUnavailableError, match="CUDA.*--method lora"):
        check_available("qlora", "cpu")
    check_available("dora", "cpu")  # the others run anywhere


def test_unknown_methods_and_bad_settings_are_refused():
    with pytest.raises(ValueError, match="unknown method 'adapterdrop'.*lora, rslora, dora"):
        MethodSettings("adapterdrop")
    with pytest.raises(ValueError, match="virtual_tokens"):
        MethodSettings("prompt-tuning", virtual_tokens=0)


def test_a_bottleneck_adapter_for_another_model_is_refused(base_model, tmp_path: Path):
    from hypernet.bottleneck import BottleneckAdapters, BottleneckConfig, BottleneckError, load_bottleneck, save_bottleneck

    class Other(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.o_proj = torch.nn.Linear(8, 8)

    save_bottleneck(BottleneckAdapters.for_model(Other(), BottleneckConfig(4)), tmp_path / "other")
    with pytest.raises(BottleneckError, match="other modules"):
        load_bottleneck(tmp_path / "other", base_model.model)
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "adapter_config.json").write_text('{"adapter_type": "bottleneck"}')
    with pytest.raises(BottleneckError, match="not a readable bottleneck adapter"):
        load_bottleneck(tmp_path / "broken", base_model.model)


def test_eval_of_an_unfinished_method_run_names_what_is_missing(tmp_path: Path, capsys, monkeypatch):
    from cli_helpers import run_t2l

    (tmp_path / "dora").mkdir()
    code, _, err = run_t2l(capsys, monkeypatch, "eval", "--tasks", "extraction.first_word", "--skip-base",
                           "--method-oracles", str(tmp_path / "dora"), "--out", str(tmp_path / "EVAL.md"))
    err = " ".join(err.split())  # rich wraps long lines
    assert code == 2 and "not a finished" in err and "missing: extraction.first_word" in err


def test_an_unknown_method_is_one_clear_line(tmp_path: Path, capsys, monkeypatch):
    from cli_helpers import run_t2l

    code, _, err = run_t2l(capsys, monkeypatch, "train", "oracle", "--method", "adapterdrop",
                           "--tasks", "extraction.first_word", "--out", str(tmp_path))
    assert code == 2 and "unknown method 'adapterdrop'" in " ".join(err.split())


@pytest.mark.parametrize("flag", ["--init-adapter", "--residual-adapter"])
def test_sft_from_a_missing_adapter_is_one_clear_line_before_the_model_loads(tmp_path: Path, capsys, monkeypatch,
                                                                             flag):
    from cli_helpers import run_t2l

    code, _, err = run_t2l(capsys, monkeypatch, "train", "sft", "--tasks", "extraction.first_word", "--steps", "1",
                           flag, str(tmp_path / "nowhere"), "--out", str(tmp_path / "sft"))
    assert code == 2 and "not a PEFT adapter directory" in " ".join(err.split())
    assert not (tmp_path / "sft").exists()


@pytest.mark.parametrize("flag", ["--dora", "--init-adapter", "--residual-adapter"])
def test_sft_settings_a_small_hypernetwork_cannot_take_are_refused_before_the_model_loads(
        tmp_path: Path, capsys, monkeypatch, flag):
    from cli_helpers import run_t2l

    import t2l.cli.train as train_cli

    monkeypatch.setattr(train_cli, "load_for_training", lambda *a, **k: pytest.fail("the model was loaded"))
    monkeypatch.setattr("hypernet.train.sft.check_start_adapter", lambda path, held, **k: None)  # any adapter directory
    extra = [flag] if flag == "--dora" else [flag, str(tmp_path)]
    code, _, err = run_t2l(capsys, monkeypatch, "train", "sft", "--tasks", "extraction.first_word", "--size", "S",
                           "--steps", "1", *extra, "--out", str(tmp_path / "sft"))
    assert code == 2 and "needs a size L hypernetwork, not S" in " ".join(err.split())


def test_sft_from_two_start_adapters_is_refused_before_the_model_loads(tmp_path: Path, capsys, monkeypatch):
    from cli_helpers import run_t2l

    import t2l.cli.train as train_cli

    monkeypatch.setattr(train_cli, "load_for_training", lambda *a, **k: pytest.fail("the model was loaded"))
    monkeypatch.setattr("hypernet.train.sft.check_start_adapter", lambda path, held, **k: None)
    code, _, err = run_t2l(capsys, monkeypatch, "train", "sft", "--tasks", "extraction.first_word", "--steps", "1",
                           "--init-adapter", str(tmp_path), "--residual-adapter", str(tmp_path),
                           "--out", str(tmp_path / "sft"))
    assert code == 2 and "choose one" in " ".join(err.split())


def test_multitask_can_leave_out_the_tasks_sft_holds_back(tmp_path: Path, capsys, monkeypatch):
    """--selection-tasks N on both: an SFT run started from this LoRA still chooses its step zero-shot."""
    from cli_helpers import run_t2l

    import t2l.cli.train as train_cli
    from hypernet.train.sft import selection_split

    trained_on: list[str] = []
    monkeypatch.setattr(train_cli, "load_for_training", lambda *a, **k: None)
    monkeypatch.setattr("hypernet.train.multitask.train_multitask",
                        lambda loaded, tasks, out, config, on_step, **options:
                        trained_on.extend(t.id for t in tasks) or out)
    code, _, _ = run_t2l(capsys, monkeypatch, "train", "multitask", "--selection-tasks", "5", "--out", str(tmp_path))
    train, held = selection_split(train_cli.select_tasks("train", None, None), 5)
    assert code == 0 and trained_on == [t.id for t in train] and len(held) == 5
    assert not {t.id for t in held} & set(trained_on)


@pytest.mark.parametrize("recipe", ["sft", "recon"])
def test_a_trunk_width_the_hypernetwork_cannot_take_is_refused_before_the_model_loads(
        tmp_path: Path, capsys, monkeypatch, recipe):
    from cli_helpers import run_t2l

    import t2l.cli.train as train_cli

    monkeypatch.setattr(train_cli, "load_for_training", lambda *a, **k: pytest.fail("the model was loaded"))
    extra = ["--oracles", str(tmp_path)] if recipe == "recon" else []
    code, _, err = run_t2l(capsys, monkeypatch, "train", recipe, "--tasks", "extraction.first_word",
                           "--latent-dim", "130", "--steps", "1", *extra, "--out", str(tmp_path / recipe))
    assert code == 2 and "latent_dim must be a multiple of 4, got 130" in " ".join(err.split())


def test_an_empty_task_list_is_refused_not_read_as_every_task(tmp_path: Path, capsys, monkeypatch):
    from cli_helpers import run_t2l

    import t2l.cli.train as train_cli

    monkeypatch.setattr(train_cli, "load_for_training", lambda *a, **k: pytest.fail("the model was loaded"))
    code, _, err = run_t2l(capsys, monkeypatch, "train", "oracle", "--tasks", " , ", "--out", str(tmp_path))
    assert code == 2 and "--tasks lists no task" in err


def test_sft_family_swap_without_the_description_in_the_prompt_is_refused_before_the_model_loads(
        tmp_path: Path, capsys, monkeypatch):
    from cli_helpers import run_t2l

    import t2l.cli.train as train_cli

    monkeypatch.setattr(train_cli, "load_for_training", lambda *a, **k: pytest.fail("the model was loaded"))
    code, _, err = run_t2l(capsys, monkeypatch, "train", "sft", "--tasks", "extraction.first_word", "--steps", "1",
                           "--family-swap", "0.3", "--out", str(tmp_path / "sft"))
    assert code == 2 and "needs the description in the prompt" in " ".join(err.split())


def test_sft_average_from_after_the_last_step_is_refused_before_the_model_loads(tmp_path: Path, capsys, monkeypatch):
    from cli_helpers import run_t2l

    import t2l.cli.train as train_cli

    monkeypatch.setattr(train_cli, "load_for_training", lambda *a, **k: pytest.fail("the model was loaded"))
    code, _, err = run_t2l(capsys, monkeypatch, "train", "sft", "--tasks", "extraction.first_word", "--steps", "4",
                           "--average-from", "9", "--out", str(tmp_path / "sft"))
    assert code == 2 and "nothing would be averaged" in " ".join(err.split())
    assert not (tmp_path / "sft").exists()


def test_recon_takes_its_tasks_per_batch_from_the_command_line(tmp_path: Path, capsys, monkeypatch):
    import types

    import torch
    from cli_helpers import run_t2l

    import t2l.cli.train as train_cli

    seen = {}
    monkeypatch.setattr(train_cli, "load_for_training", lambda *a, **k: types.SimpleNamespace(model=torch.nn.Linear(1, 1)))
    monkeypatch.setattr("hypernet.encoder.load_encoder", lambda *a, **k: None)

    def fake_recon(loaded, encoder, name, tasks, oracles, out, config, on_step, group):
        seen["config"], seen["group"] = config, group
        return types.SimpleNamespace(id="x", path=out)

    monkeypatch.setattr("hypernet.train.recon.train_recon", fake_recon)
    code, _, err = run_t2l(capsys, monkeypatch, "train", "recon", "--tasks", "extraction.first_word", "--steps", "1",
                           "--tasks-per-batch", "7", "--oracles", str(tmp_path), "--out", str(tmp_path / "r"),
                           "--fused-adamw")
    assert code == 0, err
    assert seen["config"].tasks_per_batch == 7 and seen["config"].fused_adamw
    assert not seen["group"].active  # outside torchrun: one process


def _rank8_adapter(directory: Path) -> Path:
    from hypernet.peft_format import LoraAdapter, save_peft_adapter

    weights = {"model.layers.0.self_attn.q_proj": (torch.zeros(8, 4), torch.zeros(4, 8))}
    save_peft_adapter(LoraAdapter(rank=8, alpha=16.0, weights=weights, target_modules=["q_proj"],
                                  metadata={"tasks": []}), directory)
    return directory


def _sft_config_from_cli(tmp_path: Path, capsys, monkeypatch, *options: str):
    """The SFTConfig that `t2l train sft OPTIONS` hands to training (no model is loaded)."""
    from types import SimpleNamespace

    from cli_helpers import run_t2l

    import t2l.cli.train as train_cli

    seen = {}
    monkeypatch.setattr(train_cli, "load_for_training", lambda *a, **k: SimpleNamespace(model=torch.nn.Linear(1, 1)))
    monkeypatch.setattr("hypernet.encoder.load_encoder", lambda *a, **k: None)
    monkeypatch.setattr("hypernet.train.sft.train_sft", lambda loaded, encoder, name, tasks, out, config, **k:
                        seen.setdefault("config", config) and SimpleNamespace(id="0" * 16, path=out))
    code, _, err = run_t2l(capsys, monkeypatch, "train", "sft", "--tasks", "extraction.first_word", "--steps", "1",
                           *options, "--out", str(tmp_path / "sft"))
    assert code == 0, err
    return seen["config"]


@pytest.mark.parametrize("flag, rank", [("--residual-adapter", "16"), ("--init-adapter", "8"), (None, "4")])
def test_sft_rank_reaches_the_training_run(tmp_path: Path, capsys, monkeypatch, flag, rank):
    """--rank: the rows the hypernetwork generates (beside a --residual-adapter's fixed block)."""
    extra = [flag, str(_rank8_adapter(tmp_path / "mt"))] if flag else []
    assert _sft_config_from_cli(tmp_path, capsys, monkeypatch, "--rank", rank, *extra).rank == int(rank)


def test_sft_sibling_contrast_reaches_the_training_run(tmp_path: Path, capsys, monkeypatch):
    config = _sft_config_from_cli(tmp_path, capsys, monkeypatch, "--sibling-contrast", "0.5",
                                  "--sibling-margin", "0.2")
    assert (config.sibling_contrast, config.sibling_margin) == (0.5, 0.2)
    assert _sft_config_from_cli(tmp_path, capsys, monkeypatch).sibling_contrast == 0.0  # off unless asked


def test_sft_init_adapter_of_another_rank_is_refused_before_the_model_loads(tmp_path: Path, capsys, monkeypatch):
    """A warm start emits adapters of its start adapter's rank: --rank 16 from a rank-8 LoRA is named at once."""
    from cli_helpers import run_t2l

    import t2l.cli.train as train_cli

    monkeypatch.setattr(train_cli, "load_for_training", lambda *a, **k: pytest.fail("the model was loaded"))
    code, _, err = run_t2l(capsys, monkeypatch, "train", "sft", "--tasks", "extraction.first_word", "--steps", "1",
                           "--rank", "16", "--init-adapter", str(_rank8_adapter(tmp_path / "mt")),
                           "--out", str(tmp_path / "sft"))
    err = " ".join(err.split())
    assert code == 2 and "has rank 8, but --rank is 16" in err and "give --rank 8" in err
    assert not (tmp_path / "sft").exists()
