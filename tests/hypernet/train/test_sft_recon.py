from __future__ import annotations

import csv
import itertools
import json
import math
import shutil
from time import perf_counter as time_perf_counter
from pathlib import Path

import pytest
import torch

from hypernet.checkpoint import load_checkpoint
from hypernet.peft_format import LoraAdapter, save_peft_adapter
from hypernet.targets import discover_targets, select_targets
from hypernet.tasks import Example, Task
from hypernet.train.recon import ReconConfig, train_recon
from hypernet.train.sft import SFTConfig, train_sft
from t2l.errors import T2LError

WORDS = ["apple", "river", "stone", "cloud", "tiger", "music", "lemon", "paper"]


def _task(task_id: str, fn, phrasing: str) -> Task:
    pairs = [Example(f"{a} {b}", fn(f"{a} {b}")) for a in WORDS for b in WORDS if a != b]
    return Task(
        id=task_id, family="string",
        descriptions=tuple(f"{phrasing} (variant {i})" for i in range(4)),
        heldout_descriptions=(f"Please {phrasing.lower()}",),
        train=tuple(pairs[:40]), validation=tuple(pairs[40:48]), test=tuple(pairs[48:56]),
    )


TASKS = [
    _task("t.swap", lambda s: " ".join(reversed(s.split())), "Swap the two words"),
    _task("t.upper", str.upper, "Write the text in capital letters"),
    _task("t.first", lambda s: s.split()[0], "Return only the first word"),
]
TINY = dict(latent_dim=32, head_hidden=32)


def test_sft_trains_through_the_base_model_and_resumes(base_model, encoder, tmp_path: Path):
    config = SFTConfig(steps=6, tasks_per_batch=2, examples_per_task=2, lr=1e-3, eval_every=3,
                       checkpoint_every=3, **TINY)

    def crash(step: int, loss: float) -> None:
        if step == 5:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        train_sft(base_model, encoder, "all-minilm-l6-v2", TASKS[:2], tmp_path, config,
                  zero_shot_tasks=TASKS[2:], on_step=crash)
    assert json.loads((tmp_path / ".state" / "state.json").read_text())["step"] == 3
    final = train_sft(base_model, encoder, "all-minilm-l6-v2", TASKS[:2], tmp_path, config,
                      zero_shot_tasks=TASKS[2:])
    rows = list(csv.DictReader(open(tmp_path / "loss.csv")))
    assert [int(r["step"]) for r in rows] == [1, 2, 3, 4, 5, 6]
    assert rows[2]["val_loss"] not in ("", "nan") and rows[5]["zero_shot_loss"] not in ("", "nan")
    assert (tmp_path / "loss.png").exists()
    loaded = load_checkpoint(tmp_path / "checkpoint", targets=discover_targets(base_model.model))
    assert loaded.sha256 == final.sha256
    assert loaded.config.training["recipe"] == "sft" and loaded.config.training["tasks"] == ["t.swap", "t.upper"]
    # training moved the output heads away from their zero init: generated adapters now change the model
    heads = [p for n, p in loaded.hypernet.named_parameters() if n.startswith("heads.")]
    assert any(p.abs().sum() > 0 for p in heads)


def test_sft_schedule_minutes_anneals_over_the_time_budget_and_ends_with_an_evaluated_average(
        base_model, encoder, tmp_path: Path, monkeypatch):
    """--schedule-minutes in SFT: the lr runs its whole schedule by the clock; the step where the time
    is spent is the run's last (evaluated, averaged, final checkpoint); a rerun adds no step."""
    import hypernet.train.sft as sft

    clock = itertools.count(0.0, 10.0)  # 10 s per reading (a few a step): a minute's budget is a few steps
    monkeypatch.setattr(sft.time, "perf_counter", lambda: next(clock))
    config = SFTConfig(steps=1000, tasks_per_batch=2, examples_per_task=2, lr=1e-3, eval_every=500,
                       checkpoint_every=500, schedule_minutes=1.0, average_from=1, warmup_fraction=0.2, **TINY)
    train_sft(base_model, encoder, "all-minilm-l6-v2", TASKS[:2], tmp_path, config, zero_shot_tasks=TASKS[2:])
    meta = json.loads((tmp_path / "checkpoint" / "config.json").read_text())["extra"]
    rows = list(csv.DictReader(open(tmp_path / "loss.csv")))
    assert meta["final"] and meta["ended_by_time"] and 2 <= meta["step"] == len(rows) < 1000
    lrs = [float(r["lr"]) for r in rows]
    assert lrs[-1] < 0.2e-3 and lrs[-1] < max(lrs)  # decayed by the clock, not by the 1000 steps
    assert rows[-1]["val_loss"] not in ("", "nan")  # the last step was evaluated, as at --steps
    average = json.loads((tmp_path / "average" / "config.json").read_text())["extra"]
    assert average["step"] == meta["step"] and average["averaged_steps"] == meta["step"]
    train_sft(base_model, encoder, "all-minilm-l6-v2", TASKS[:2], tmp_path, config, zero_shot_tasks=TASKS[2:])
    assert len(list(csv.DictReader(open(tmp_path / "loss.csv")))) == meta["step"]
    with pytest.raises(T2LError, match="schedule_minutes"):
        SFTConfig(schedule_minutes=-1)


def _oracle(model, seed: int) -> LoraAdapter:
    gen = torch.Generator().manual_seed(seed)
    weights = {}
    for t in select_targets(discover_targets(model), ["q_proj", "v_proj"]):
        for path in t.paths:
            weights[path] = (torch.randn(4, t.in_features, generator=gen) * 0.02,
                             torch.randn(t.out_features, 4, generator=gen) * 0.02)
    return LoraAdapter(rank=4, alpha=8.0, weights=weights, target_modules=["q_proj", "v_proj"])


@pytest.mark.parametrize("loss", ["delta", "zscore"])
def test_recon_learns_to_reproduce_oracle_loras(base_model, encoder, tmp_path: Path, loss: str):
    for i, task in enumerate(TASKS):
        save_peft_adapter(_oracle(base_model.model, i), tmp_path / "oracle" / task.id)
    config = ReconConfig(steps=40, tasks_per_batch=3, lr=3e-3, checkpoint_every=20, loss=loss, **TINY)
    checkpoint = train_recon(base_model, encoder, "all-minilm-l6-v2", TASKS, tmp_path / "oracle",
                             tmp_path / "recon", config)
    losses = [float(r["loss"]) for r in csv.DictReader(open(tmp_path / "recon" / "loss.csv"))]
    assert len(losses) == 40 and losses[-1] < 0.6 * losses[0], (losses[0], losses[-1])
    # seeded, dropout included: the same run again gives the same curve
    train_recon(base_model, encoder, "all-minilm-l6-v2", TASKS, tmp_path / "oracle", tmp_path / "again", config)
    assert [float(r["loss"]) for r in csv.DictReader(open(tmp_path / "again" / "loss.csv"))] == losses
    assert checkpoint.config.rank == 4 and checkpoint.config.training["recipe"] == "recon"


def test_delta_distance_is_the_frobenius_distance_of_the_products():
    from hypernet.train.recon import delta_sq_distance

    a, b, a2, b2 = torch.randn(2, 3, 4, 7), torch.randn(2, 3, 5, 4), torch.randn(2, 3, 4, 7), torch.randn(2, 3, 5, 4)
    assert torch.allclose(delta_sq_distance(a, b, a2, b2), ((b @ a - b2 @ a2) ** 2).sum((-1, -2)), rtol=1e-4)
    # A and B are defined up to an invertible r×r factor; ΔW is not
    m = torch.randn(4, 4) + 3 * torch.eye(4)
    assert torch.allclose(delta_sq_distance(m @ a, b @ torch.linalg.inv(m), a, b), torch.zeros(2, 3), atol=1e-2)


def test_sft_holds_back_selection_tasks_and_can_prompt_with_the_description(base_model, encoder, tmp_path: Path):
    from hypernet.train.sft import selection_split

    train, held = selection_split(TASKS, 1)
    assert len(held) == 1 and held[0] not in train and selection_split(TASKS, 1) == (train, held)
    config = SFTConfig(steps=2, tasks_per_batch=2, examples_per_task=2, lr=1e-3, eval_every=1, checkpoint_every=2,
                       selection_tasks=1, prompt_description=True, keep_checkpoints=True, **TINY)
    final = train_sft(base_model, encoder, "all-minilm-l6-v2", TASKS, tmp_path, config)
    # every evaluated step's checkpoint is kept, the last one equal to the final checkpoint
    kept = sorted(p.name for p in (tmp_path / "steps").iterdir())
    assert kept == ["step-000001", "step-000002"]
    last = load_checkpoint(tmp_path / "steps" / "step-000002", targets=discover_targets(base_model.model))
    assert last.sha256 == final.sha256
    training = final.config.training
    assert training["selection_task_ids"] == [held[0].id] and held[0].id not in training["tasks"]
    assert final.config.prompt_description
    rows = list(csv.DictReader(open(tmp_path / "loss.csv")))
    assert all(r["selection_loss"] not in ("", "nan") for r in rows)
    best = load_checkpoint(tmp_path / "best", targets=discover_targets(base_model.model))
    assert best.config.prompt_description
    # the same figure for the checkpoint afterwards (e.g. to choose between runs and their soup)
    from hypernet.train.selection import selection_loss

    recorded = json.loads((tmp_path / "best" / "config.json").read_text())["extra"]["selection_loss"]
    assert selection_loss(base_model, encoder, best, TASKS) == pytest.approx(recorded, rel=1e-4)
    with pytest.raises(T2LError, match="not in the task set"):
        selection_loss(base_model, encoder, best, [t for t in TASKS if t.id != held[0].id])
    with pytest.raises(ValueError, match="hold back"):
        selection_split(TASKS, 3)
    from dataclasses import replace

    lone = [replace(t, family=f"family{i}") for i, t in enumerate(TASKS)]  # one task per family: none to spare
    with pytest.raises(ValueError, match="at most 0"):
        selection_split(lone, 1)


def test_recon_without_oracles_names_the_missing_tasks(base_model, encoder, tmp_path: Path):
    with pytest.raises(T2LError, match="t.swap"):
        train_recon(base_model, encoder, "all-minilm-l6-v2", TASKS, tmp_path, tmp_path / "r", ReconConfig(**TINY))


def test_embedding_noise_moves_unit_vectors_about_its_length_and_keeps_them_unit():
    from hypernet.train.sft import noisy

    torch.manual_seed(0)
    points = torch.nn.functional.normalize(torch.randn(256, 384), dim=-1)
    moved = noisy(points, 0.3)
    assert torch.allclose(moved.norm(dim=-1), torch.ones(256), atol=1e-5)
    distance = (moved - points).norm(dim=-1).mean()
    assert 0.2 < float(distance) < 0.4
    assert torch.equal(noisy(points, 0.0), torch.nn.functional.normalize(points, dim=-1))
    with pytest.raises(ValueError, match="embedding_noise"):
        SFTConfig(embedding_noise=-1)


def test_sft_trains_a_dora_hypernetwork_that_emits_dora_adapters(base_model, encoder, tmp_path: Path):
    from hypernet.generate import generate_adapters
    from hypernet.model import base_row_norms

    config = SFTConfig(steps=3, tasks_per_batch=2, examples_per_task=2, lr=1e-2, eval_every=3, checkpoint_every=3,
                       use_dora=True, use_rslora=False, **TINY)
    final = train_sft(base_model, encoder, "all-minilm-l6-v2", TASKS[:2], tmp_path, config)
    hypernet = load_checkpoint(tmp_path / "checkpoint", targets=discover_targets(base_model.model)).hypernet
    assert final.config.use_dora and not final.config.use_rslora
    # the magnitude heads learned (they start at zero); the stored norms are the base model's own
    assert any(p.abs().sum() > 0 for n, p in hypernet.named_parameters() if n.startswith("magnitude_heads."))
    norms = base_row_norms(base_model.model, hypernet.config)
    torch.testing.assert_close(hypernet.base_norms.q_proj, norms["q_proj"])
    (adapter,) = generate_adapters(hypernet.eval(), encoder, ["Swap the two words"])
    assert adapter.use_dora and not adapter.use_rslora
    path = "model.layers.0.self_attn.q_proj"
    assert not torch.allclose(adapter.magnitudes[path], norms["q_proj"][0])


def test_sft_can_start_from_a_multitask_lora(base_model, encoder, tmp_path: Path):
    """--init-adapter: at step 0 every description gets exactly that LoRA (same logits as PEFT's)."""
    from peft import PeftModel

    from hypernet.generate import encode_descriptions
    from hypernet.lora import batched_lora
    from hypernet.model import build_hypernet
    from hypernet.train.sft import start_from_adapter

    mt = _oracle(base_model.model, seed=7)
    mt.rank, mt.alpha, mt.use_rslora = 4, 8.0, False  # scaling alpha/r = 2, the hypernetwork's alpha/sqrt(r) differs
    save_peft_adapter(mt, tmp_path / "multitask")
    chosen = select_targets(discover_targets(base_model.model), ["q_proj", "v_proj"])
    from hypernet.config import HypernetConfig

    hconfig = HypernetConfig.from_targets(chosen, base_model=base_model.name, encoder="all-minilm-l6-v2",
                                          embedding_dim=384, rank=4, alpha=8.0, layer_bias=True, **TINY)
    hypernet = build_hypernet(hconfig).eval()
    anchor = start_from_adapter(hypernet, tmp_path / "multitask", chosen)
    batch = base_model.tokenizer(["one two three", "red green blue"], return_tensors="pt")
    with torch.no_grad():
        weights = hypernet(encode_descriptions(encoder, ["Swap the two words", "Say it in capitals"]))
    for name, (a, b) in weights.items():  # what the L2 penalty anchors to is what it emits at step 0
        torch.testing.assert_close(a, anchor[name][0].expand_as(a))
        torch.testing.assert_close(b, anchor[name][1].expand_as(b))
    with torch.no_grad():
        with batched_lora(base_model.model, weights, hconfig.scaling):
            ours = base_model.model(**batch).logits
        base = base_model.model(**batch).logits
        peft_model = PeftModel.from_pretrained(base_model.model, str(tmp_path / "multitask"))
        try:
            theirs = peft_model(**batch).logits
        finally:
            peft_model.unload()
    assert not torch.allclose(theirs, base, atol=1e-2)
    torch.testing.assert_close(ours, theirs, atol=2e-4, rtol=1e-4)

    config = SFTConfig(steps=2, tasks_per_batch=2, examples_per_task=2, lr=1e-3, eval_every=2, checkpoint_every=2,
                       rank=4, alpha=8.0, init_adapter=str(tmp_path / "multitask"), selection_tasks=1, **TINY)
    with pytest.warns(UserWarning, match="does not record the tasks it was trained on"):  # made outside t2l
        final = train_sft(base_model, encoder, "all-minilm-l6-v2", TASKS, tmp_path / "sft", config)
    assert final.config.layer_bias and final.config.training["init_adapter"].endswith("multitask")
    rows = list(csv.DictReader(open(tmp_path / "sft" / "loss.csv")))
    # the starting adapter is scored too (step 0), so the kept checkpoint never does worse than it
    assert [int(r["step"]) for r in rows] == [0, 1, 2] and rows[0]["selection_loss"] not in ("", "nan")
    scored = [float(r["selection_loss"]) for r in rows if r["selection_loss"] not in ("", "nan")]
    kept = json.loads((tmp_path / "sft" / "best" / "config.json").read_text())["extra"]["selection_loss"]
    assert kept == pytest.approx(min(scored), rel=1e-5)
    q_only = LoraAdapter(rank=4, alpha=8.0, target_modules=["q_proj"],
                         weights={p: w for p, w in mt.weights.items() if p.endswith("q_proj")})
    save_peft_adapter(q_only, tmp_path / "q-only")
    with pytest.raises(T2LError, match="no weights for .'v_proj'"):  # a clear setting error, not a traceback
        start_from_adapter(build_hypernet(hconfig), tmp_path / "q-only", chosen)
    with pytest.raises(T2LError, match="rank 4"):
        train_sft(base_model, encoder, "all-minilm-l6-v2", TASKS[:2], tmp_path / "sft8",
                  SFTConfig(steps=1, init_adapter=str(tmp_path / "multitask"), **TINY))
    # a start adapter that trained on a selection task would make step 0 unbeatable: refused
    mt.metadata = {"kind": "multitask", "tasks": [t.id for t in TASKS]}
    save_peft_adapter(mt, tmp_path / "saw-every-task")
    with pytest.raises(T2LError, match="trained on 1 of the tasks held back to choose the checkpoint"):
        train_sft(base_model, encoder, "all-minilm-l6-v2", TASKS, tmp_path / "sft-saw",
                  SFTConfig(steps=1, rank=4, alpha=8.0, init_adapter=str(tmp_path / "saw-every-task"),
                            selection_tasks=1, **TINY))
    assert not (tmp_path / "sft-saw" / "best").exists()


def test_eval_takes_several_recon_checkpoints_one_row_each(base_model, encoder, model_cache: Path, tmp_path: Path,
                                                            capsys, monkeypatch):
    """--recon repeats (like --sft): one row per checkpoint, named by its run directory."""
    import os

    from cli_helpers import run_t2l

    from hypernet.tasks.files import write_task_file

    for i, task in enumerate(TASKS):
        save_peft_adapter(_oracle(base_model.model, i), tmp_path / "oracle" / task.id)
    for run in ("recon-narrow", "recon-wide"):
        train_recon(base_model, encoder, "all-minilm-l6-v2", TASKS, tmp_path / "oracle", tmp_path / run,
                    ReconConfig(steps=2, tasks_per_batch=3, checkpoint_every=2, **TINY))
    write_task_file(TASKS, tmp_path / "tasks.jsonl")
    kept = tmp_path / "recon-kept" / "steps" / "step-000002"  # where --keep-checkpoints puts a step's checkpoint
    shutil.copytree(tmp_path / "recon-wide" / "checkpoint", kept)
    average = tmp_path / "recon-avg" / "average"  # where --average-from puts a run's weight average
    shutil.copytree(tmp_path / "recon-wide" / "checkpoint", average)
    code, out, err = run_t2l(capsys, monkeypatch, "eval", "--task-file", str(tmp_path / "tasks.jsonl"),
                             "--tasks", "t.swap", "--limit", "1", "--descriptions", "1", "--skip-base",
                             "--recon", str(tmp_path / "recon-narrow" / "checkpoint"),
                             "--recon", str(tmp_path / "recon-wide" / "checkpoint"), "--recon", str(kept),
                             "--recon", str(average), "--out", str(tmp_path / "eval" / "EVAL.md"))
    assert code == 0, err
    report = json.loads((tmp_path / "eval" / "EVAL.json").read_text())
    rows = report["results"]
    assert [r["method"] for r in rows] == ["T2L (recon) [recon-narrow]", "T2L (recon) [recon-wide]",
                                           "T2L (recon) [recon-kept step-000002]", "T2L (recon) [recon-avg average]"]
    # --tasks chose the tasks; the default --split still chose the description pool, and the report says so
    assert report["context"]["split"] == "the tasks given by --tasks"
    assert "held-out descriptions" in report["context"]["descriptions from"]
    assert all(set(r["per_task"]) == {"t.swap"} for r in rows)
    assert not (tmp_path / "eval" / "EVAL.partial.json").exists()  # the full report replaced it

    # interrupted after its first row: that row is kept, and eval-report reads it
    import hypernet.evaluate

    real, calls = hypernet.evaluate.evaluate_method, []

    def second_fails(*args, **kwargs):
        calls.append((args[0], kwargs.get("batch_size")))
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(hypernet.evaluate, "evaluate_method", second_fails)
    code, _, _ = run_t2l(capsys, monkeypatch, "eval", "--task-file", str(tmp_path / "tasks.jsonl"), "--tasks", "t.swap",
                         "--limit", "1", "--descriptions", "1", "--skip-base", "--batch-size", "3",
                         "--recon", str(tmp_path / "recon-narrow" / "checkpoint"),
                         "--recon", str(tmp_path / "recon-wide" / "checkpoint"),
                         "--out", str(tmp_path / "cut" / "EVAL.md"))
    assert code != 0  # click turns the interrupt into "Aborted!"
    assert calls[0][1] == 3  # --batch-size reaches the evaluation
    kept = json.loads((tmp_path / "cut" / "EVAL.partial.json").read_text())
    assert kept["partial"] and [r["method"] for r in kept["results"]] == ["T2L (recon) [recon-narrow]"]
    assert not (tmp_path / "cut" / "EVAL.json").exists()
    code, _, err = run_t2l(capsys, monkeypatch, "eval-report", str(tmp_path / "cut" / "EVAL.partial.json"),
                           "--out", str(tmp_path / "merged.md"))
    assert code == 0, err
    assert "interrupted" in (tmp_path / "merged.md").read_text()

    # --mismatched: a second row per checkpoint, its adapters from the other task's description
    code, _, err = run_t2l(capsys, monkeypatch, "eval", "--task-file", str(tmp_path / "tasks.jsonl"),
                           "--tasks", "t.swap,t.upper", "--limit", "1", "--descriptions", "1", "--skip-base",
                           "--recon", str(tmp_path / "recon-wide" / "checkpoint"), "--mismatched",
                           "--out", str(tmp_path / "ablation" / "EVAL.md"))
    assert code == 0, err
    report = json.loads((tmp_path / "ablation" / "EVAL.json").read_text())
    assert [r["method"] for r in report["results"]] == ["T2L (recon)", "T2L (recon) [mismatched description]"]
    assert "t.swap ← t.upper" in report["context"]["T2L (recon) mismatched"]
    assert [(c["method"], c["baseline"]) for c in report["comparisons"]] == [
        ("T2L (recon)", "T2L (recon) [mismatched description]")]


def test_family_swap_gives_a_sibling_s_adapter_and_keeps_the_task_s_own_prompt(base_model, encoder):
    import dataclasses
    import random

    from hypernet.train.sft import _batch, _prepare

    alone = dataclasses.replace(_task("t.alone", str.lower, "Write the text in small letters"), family="other")
    config = SFTConfig(tasks_per_batch=4, examples_per_task=2, prompt_description=True, family_swap=1.0)
    tokenizer = base_model.tokenizer
    pool = _prepare([*TASKS, alone], tokenizer, encoder, config, torch.device("cpu"), heldout_descriptions=False)
    owner = {row: item.task for item in pool.data for row in item.description_rows}
    for seed in range(3):
        embeddings, batch, _ = _batch(pool, random.Random(seed), config, tokenizer.pad_token_id, config.family_swap)
        for i, embedding in enumerate(embeddings):
            row = int((pool.table == embedding).all(dim=1).nonzero()[0])
            prompt = tokenizer.decode(batch["input_ids"][i * config.examples_per_task])
            own = next(item.task for item in pool.data if any(d in prompt for d in item.task.descriptions))
            if own.id == "t.alone":  # no sibling: its own adapter
                assert owner[row].id == "t.alone"
            else:  # a sibling's description made the adapter; the prompt still says its own task
                assert owner[row].id != own.id and owner[row].family == own.family
    # off: every adapter is the task's own, and the draw is what it was before the option existed
    plain = dataclasses.replace(config, family_swap=0.0)
    a, _, _ = _batch(pool, random.Random(7), plain, tokenizer.pad_token_id)
    b, _, _ = _batch(pool, random.Random(7), plain, tokenizer.pad_token_id, 0.0)
    assert torch.equal(a, b)


def test_sibling_contrast_adds_a_sibling_s_adapter_on_the_task_s_own_examples(base_model, encoder):
    import dataclasses
    import random

    from hypernet.train.sft import _batch, _prepare

    alone = dataclasses.replace(_task("t.alone", str.lower, "Write the text in small letters"), family="other")
    config = SFTConfig(tasks_per_batch=4, examples_per_task=2, prompt_description=True, sibling_contrast=1.0)
    tokenizer, k = base_model.tokenizer, config.examples_per_task
    pool = _prepare([*TASKS, alone], tokenizer, encoder, config, torch.device("cpu"), heldout_descriptions=False)
    owner = {row: item.task for item in pool.data for row in item.description_rows}

    def task_of(embedding: torch.Tensor) -> Task:
        return owner[int((pool.table == embedding).all(dim=1).nonzero()[0])]

    for seed in range(3):
        embeddings, batch, contrasted = _batch(pool, random.Random(seed), config, tokenizer.pad_token_id,
                                               contrast=True)
        own = [task_of(e) for e in embeddings[:4]]
        assert sorted(t.id for t in own) == sorted(t.id for t in [*TASKS, alone])  # every task, its own adapter
        assert sorted(own[i].id for i in contrasted) == sorted(t.id for t in TASKS)  # t.alone has no sibling
        assert len(embeddings) == 4 + len(contrasted) and batch["input_ids"].shape[0] == k * len(embeddings)
        for j, i in enumerate(contrasted):
            sibling = task_of(embeddings[4 + j])
            assert sibling.family == own[i].family and sibling.id != own[i].id
            # the same examples and prompts (with the task's own description) as its own adapter's rows
            assert torch.equal(batch["input_ids"][k * (4 + j): k * (5 + j)], batch["input_ids"][k * i: k * (i + 1)])
            assert torch.equal(batch["labels"][k * (4 + j): k * (5 + j)], batch["labels"][k * i: k * (i + 1)])
    off, _, none = _batch(pool, random.Random(3), config, tokenizer.pad_token_id)
    assert len(off) == 4 and none == []


def test_the_per_sample_loss_is_each_row_s_own_response_loss():
    from hypernet.train.data import IGNORE_INDEX, per_sample_response_loss, response_loss, response_token_losses

    logits = torch.randn(3, 6, 11, generator=torch.Generator().manual_seed(0))
    labels = torch.randint(0, 11, (3, 6), generator=torch.Generator().manual_seed(1))
    labels[:, :2] = IGNORE_INDEX  # prompts
    labels[1, 2:4] = IGNORE_INDEX  # rows of different response lengths
    got = per_sample_response_loss(logits, labels)
    want = torch.stack([response_loss(logits[i:i + 1], labels[i:i + 1]) for i in range(3)])
    torch.testing.assert_close(got, want)
    # the token losses pooled over some rows are those rows' response_loss (SFT's own-adapter CE)
    ce, counted = response_token_losses(logits, labels)
    torch.testing.assert_close(ce[:2].sum() / counted[:2].sum(), response_loss(logits[:2], labels[:2]))


def test_the_sibling_contrast_term_is_a_hinge_on_the_gap_per_task():
    from hypernet.train.sft import sibling_contrast_loss

    # 3 own adapters and 2 sibling ones (for tasks 0 and 2), 2 rows each: per-adapter CE 1, 2, 3, 1.2, 5
    ce = torch.tensor([1.0, 1.0, 2.0, 2.0, 3.0, 3.0, 1.0, 1.4, 5.0, 5.0])
    # task 0: the sibling is 0.2 worse (under the margin 0.5: pays 0.3); task 2: 2.0 worse (pays 0)
    assert float(sibling_contrast_loss(ce, 3, [0, 2], margin=0.5)) == pytest.approx((0.3 + 0.0) / 2)
    assert float(sibling_contrast_loss(ce, 3, [0, 2], margin=0.0)) == 0.0


def test_sft_with_a_sibling_contrast_trains_and_logs_the_term(base_model, encoder, tmp_path: Path):
    config = SFTConfig(steps=2, tasks_per_batch=3, examples_per_task=2, lr=1e-3, eval_every=2, checkpoint_every=2,
                       prompt_description=True, sibling_contrast=1.0, sibling_margin=0.5, **TINY)
    checkpoint = train_sft(base_model, encoder, "all-minilm-l6-v2", TASKS, tmp_path, config)
    rows = list(csv.DictReader(open(tmp_path / "loss.csv")))
    # zero heads at step 1: every adapter is the same, so the gap is 0 and the term is the margin
    assert float(rows[0]["sibling_contrast"]) == pytest.approx(0.5, abs=1e-4)
    assert all(math.isfinite(float(r["sibling_contrast"])) for r in rows)
    assert checkpoint.config.training["sibling_contrast"] == 1.0
    with pytest.raises(T2LError, match="choose one"):
        SFTConfig(sibling_contrast=1.0, family_swap=0.3, prompt_description=True)
    with pytest.raises(T2LError, match="must be >= 0"):
        SFTConfig(sibling_margin=-0.1)


def test_a_warm_start_with_random_heads_starts_from_the_lora_and_varies_with_the_description(
        base_model, encoder, tmp_path: Path):
    """--head-init-std with --init-adapter: the start adapter is set first (it needs zero heads), then
    the heads get their random weights, so descriptions give different adapters from step 0."""
    from hypernet.generate import encode_descriptions

    mt = _oracle(base_model.model, seed=7)
    mt.rank, mt.alpha = 4, 8.0
    save_peft_adapter(mt, tmp_path / "multitask")
    config = SFTConfig(steps=1, tasks_per_batch=2, examples_per_task=2, lr=0.0, eval_every=1, checkpoint_every=1,
                       rank=4, alpha=8.0, init_adapter=str(tmp_path / "multitask"), head_init_std=0.01, **TINY)
    final = train_sft(base_model, encoder, "all-minilm-l6-v2", TASKS, tmp_path / "sft", config)
    assert final.config.training["head_init_std"] == 0.01
    for head in final.hypernet.heads.values():  # lr 0: what the run started from
        assert head.weight.std().item() == pytest.approx(0.01, rel=0.2)
    with torch.no_grad():
        weights = final.hypernet.eval()(encode_descriptions(encoder, ["Swap the two words", "Say it in capitals"]))
    assert all(not torch.equal(a[0], a[1]) for a, _ in weights.values())
    with pytest.raises(ValueError, match="head_init_std"):
        SFTConfig(head_init_std=-0.1)


@pytest.mark.parametrize("settings, message", [
    (dict(family_swap=0.5), "needs the description in the prompt"),
    (dict(family_swap=1.5, prompt_description=True), "probability"),
])
def test_family_swap_settings_are_checked(settings, message):
    from t2l.errors import SettingError

    with pytest.raises(SettingError, match=message):
        SFTConfig(**settings)


def test_recon_warns_when_its_head_cannot_hold_every_tasks_adapters():
    from hypernet.config import HypernetConfig, TargetSpec
    from hypernet.train.recon import capacity_note

    def config(**kw):
        targets = (TargetSpec("q_proj", 576, 576, 30), TargetSpec("v_proj", 576, 192, 30))
        return HypernetConfig(base_model="m", encoder="e", embedding_dim=384, targets=targets, **kw)

    note = capacity_note(65, config(head_hidden=512))
    assert note and "1950" in note and "--head-hidden" in note  # 65 tasks × 30 layers
    assert capacity_note(65, config(head_hidden=4096, latent_dim=512)) is None
    assert capacity_note(17, config(head_hidden=512)) is None  # 510 fit
    assert capacity_note(65, config(head_hidden=512, size="S")) is None  # the note covers size L only


def test_a_head_as_wide_as_tasks_times_layers_reproduces_them_and_a_narrower_one_cannot():
    """The capacity note's claim, on synthetic oracles: 8 tasks × 4 layers = 32 independent layer
    adapters (each has 4 × (32 + 32) = 256 numbers, so 32 is the binding count)."""
    from hypernet.config import HypernetConfig, TargetSpec
    from hypernet.model import build_hypernet
    from hypernet.train.recon import capacity_note, delta_loss, delta_sq_distance

    tasks, layers, rank = 8, 4, 4
    generator = torch.Generator().manual_seed(1)
    b_ref = torch.randn(tasks, layers, 32, rank, generator=generator)
    embeddings = torch.randn(tasks, 32, generator=generator)

    def final_loss(head_hidden: int) -> float:
        config = HypernetConfig(base_model="m", encoder="e", embedding_dim=32, rank=rank, latent_dim=16,
                                head_hidden=head_hidden, dropout=0.0, targets=(TargetSpec("q_proj", 32, 32, layers),))
        hypernet = build_hypernet(config)
        a_ref = hypernet(embeddings)["q_proj"][0].detach()  # the shared initial A, as oracles trained together
        scale = delta_sq_distance(a_ref, b_ref, torch.zeros_like(a_ref[:1]), torch.zeros_like(b_ref[:1])).mean(0)
        optimizer = torch.optim.Adam(hypernet.parameters(), lr=3e-3)
        torch.manual_seed(0)
        for _ in range(300):
            a, b = hypernet(embeddings)["q_proj"]
            loss = delta_loss(a, b, a_ref, b_ref, scale, a_ref.pow(2).mean())
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        return float(loss.detach())

    narrow = HypernetConfig(base_model="m", encoder="e", embedding_dim=32, rank=rank, head_hidden=16,
                            targets=(TargetSpec("q_proj", 32, 32, layers),))
    assert "32" in capacity_note(tasks, narrow)
    assert final_loss(16) > 0.1  # half the dimensions: stuck (about 0.16)
    assert final_loss(32) < 0.01  # exactly enough: reproduced


def test_a_soup_of_two_runs_gets_a_selection_loss_like_its_sources(base_model, encoder, tmp_path: Path):
    from hypernet.soup import average_checkpoints
    from hypernet.train.selection import selection_loss

    bests = []
    for run, lr in (("a", 1e-3), ("b", 3e-3)):  # one initialisation (seed 0), different training
        config = SFTConfig(steps=2, tasks_per_batch=2, examples_per_task=2, lr=lr, eval_every=1, checkpoint_every=2,
                           selection_tasks=1, prompt_description=True, **TINY)
        train_sft(base_model, encoder, "all-minilm-l6-v2", TASKS, tmp_path / run, config)
        bests.append(tmp_path / run / "best")
    soup = average_checkpoints(bests, tmp_path / "soup")
    losses = [selection_loss(base_model, encoder, load_checkpoint(p), TASKS) for p in bests]
    mixed = selection_loss(base_model, encoder, soup, TASKS)
    assert all(torch.isfinite(torch.tensor(x)) for x in [*losses, mixed])
    assert mixed not in losses  # its own weights, scored by the same rule
    assert soup.config.prompt_description and soup.config.training["selection_task_ids"]


def test_selection_exact_scores_the_held_back_tasks_as_eval_scores_test_tasks(base_model, encoder, tmp_path: Path):
    from hypernet.evaluate import evaluate_method
    from hypernet.train.selection import selection_exact
    from hypernet.train.sft import selection_split

    # lr 0: the output heads keep their zero init, so every generated adapter is zero and the
    # answers must be the base model's under the held-out description in the prompt
    config = SFTConfig(steps=1, tasks_per_batch=2, examples_per_task=2, lr=0.0, eval_every=1, checkpoint_every=1,
                       selection_tasks=1, prompt_description=True, **TINY)
    train_sft(base_model, encoder, "all-minilm-l6-v2", TASKS, tmp_path / "run", config)
    best = load_checkpoint(tmp_path / "run" / "best", targets=discover_targets(base_model.model))
    (held,) = selection_split(TASKS, 1)[1]
    scored = selection_exact(base_model, encoder, best, TASKS, limit=3, descriptions=1)
    assert list(scored.per_task) == [held.id]
    plain = evaluate_method("base + description", base_model, [held], split="validation", limit=3,
                            prompts_for=lambda t: t.heldout_descriptions[:1])
    assert scored.samples[held.id] == plain.samples[held.id]
    assert [s["expected"] for s in scored.samples[held.id]] == [e.output for e in held.validation[:3]]
    assert scored.per_task == plain.per_task
    # with non-zero heads the generated adapter changes what the model answers
    with torch.no_grad():
        for name, parameter in best.hypernet.named_parameters():
            if name.startswith("heads."):
                parameter.normal_(0, 0.5)
    moved = selection_exact(base_model, encoder, best, TASKS, limit=3, descriptions=1)
    assert moved.samples[held.id] != plain.samples[held.id]
    with pytest.raises(T2LError, match="not in the task set"):
        selection_exact(base_model, encoder, best, [t for t in TASKS if t.id != held.id])


def test_sft_can_choose_its_step_by_the_exact_match_of_the_held_back_tasks(base_model, encoder, tmp_path: Path):
    from hypernet.train.selection import selection_exact

    config = SFTConfig(steps=2, tasks_per_batch=2, examples_per_task=2, lr=1e-3, eval_every=1, checkpoint_every=2,
                       selection_tasks=1, prompt_description=True, select_by="exact", selection_examples=2,
                       selection_descriptions=1, **TINY)
    train_sft(base_model, encoder, "all-minilm-l6-v2", TASKS, tmp_path, config)
    rows = list(csv.DictReader(open(tmp_path / "loss.csv")))
    scores = [float(r["selection_exact"]) for r in rows]
    assert len(scores) == 2 and all(0 <= s <= 100 for s in scores)
    best = load_checkpoint(tmp_path / "best", targets=discover_targets(base_model.model))
    extra = json.loads((tmp_path / "best" / "config.json").read_text())["extra"]
    assert extra["step"] == 1 + scores.index(max(scores))  # the first step with the highest score
    assert extra["selection_exact"] == max(scores)
    # the same figure for the checkpoint afterwards, by the scorer runs and soups are compared with
    again = selection_exact(base_model, encoder, best, TASKS, limit=2, descriptions=1)
    assert again.mean("exact") == pytest.approx(extra["selection_exact"])
    from t2l.errors import SettingError

    with pytest.raises(SettingError, match="select_by"):
        SFTConfig(select_by="accuracy")
    with pytest.raises(SettingError, match="set selection_tasks"):
        SFTConfig(select_by="exact")


def _weights(path: Path, model) -> dict[str, torch.Tensor]:
    return load_checkpoint(path, targets=discover_targets(model)).hypernet.state_dict()


def test_sft_keeps_the_mean_of_the_weights_of_every_step_from_average_from(base_model, encoder, tmp_path: Path):
    config = SFTConfig(steps=4, tasks_per_batch=2, examples_per_task=2, lr=1e-3, eval_every=1, checkpoint_every=1,
                       keep_checkpoints=True, average_from=2, **TINY)

    def crash(step: int, loss: float) -> None:
        if step == 3:
            raise KeyboardInterrupt

    # stopped after step 3 (state kept at step 2, with the one step averaged so far), then resumed
    with pytest.raises(KeyboardInterrupt):
        train_sft(base_model, encoder, "all-minilm-l6-v2", TASKS, tmp_path, config, on_step=crash)
    train_sft(base_model, encoder, "all-minilm-l6-v2", TASKS, tmp_path, config)
    model = base_model.model
    kept = [_weights(tmp_path / "steps" / f"step-{s:06d}", model) for s in (2, 3, 4)]
    average = _weights(tmp_path / "average", model)
    assert average.keys() == kept[0].keys()
    for name, value in average.items():
        assert torch.allclose(value, sum(k[name] for k in kept) / 3, atol=1e-6), name
    # steps 2-4 differ, so an average that lost step 2 on resuming, or took in step 1, would fail above
    assert not torch.allclose(kept[0]["task_encoder.0.weight"], kept[2]["task_encoder.0.weight"])
    extra = json.loads((tmp_path / "average" / "config.json").read_text())["extra"]
    assert extra["averaged_steps"] == 3 and extra["average_first_step"] == 2 and extra["step"] == 4
    # an average is a checkpoint like any other: it generates, and a soup of those steps is the same
    from hypernet.soup import average_checkpoints

    soup = average_checkpoints([tmp_path / "steps" / f"step-{s:06d}" for s in (2, 3, 4)], tmp_path / "soup")
    for name, value in soup.hypernet.state_dict().items():
        assert torch.allclose(value, average[name], atol=1e-6), name


@pytest.mark.parametrize("average_from, message", [(-1, "must be >= 0"), (5, "after the last step")])
def test_average_from_is_checked(average_from: int, message: str):
    with pytest.raises(T2LError, match=message):
        SFTConfig(steps=4, average_from=average_from)


def test_the_residual_form_keeps_the_lora_whole_and_learns_its_own_rows(base_model, encoder, tmp_path: Path):
    """--residual-adapter: every adapter is that LoRA's rank block (fixed, same logits as PEFT's at
    step 0) beside --rank rows learned from zero; it survives training, the checkpoint and export."""
    from peft import PeftModel

    from hypernet.generate import encode_descriptions, generate_adapters
    from hypernet.lora import batched_lora
    from hypernet.peft_format import load_peft_adapter

    mt = _oracle(base_model.model, seed=7)
    mt.rank, mt.alpha, mt.use_rslora = 4, 8.0, False  # scaling alpha/r = 2: the block is rescaled
    save_peft_adapter(mt, tmp_path / "multitask")
    config = SFTConfig(steps=1, tasks_per_batch=2, examples_per_task=2, lr=0.0, eval_every=1, checkpoint_every=1,
                       rank=2, alpha=4.0, residual_adapter=str(tmp_path / "multitask"), **TINY)
    start = train_sft(base_model, encoder, "all-minilm-l6-v2", TASKS, tmp_path / "lr0", config)
    assert (start.config.rank, start.config.fixed_rank, start.config.generated_rank) == (6, 4, 2)
    assert start.config.scaling == pytest.approx(4.0 / 2 ** 0.5)  # the scaling of a rank-2 run from scratch
    assert not start.config.layer_bias
    batch = base_model.tokenizer(["one two three", "red green blue"], return_tensors="pt")
    with torch.no_grad():
        weights = start.hypernet.eval()(encode_descriptions(encoder, ["Swap the two words", "Say it in capitals"]))
        assert all(a.shape[-2] == 6 and b.shape[-1] == 6 for a, b in weights.values())
        with batched_lora(base_model.model, weights, start.config.scaling):
            ours = base_model.model(**batch).logits
        peft_model = PeftModel.from_pretrained(base_model.model, str(tmp_path / "multitask"))
        try:
            theirs = peft_model(**batch).logits
        finally:
            peft_model.unload()
    torch.testing.assert_close(ours, theirs, atol=2e-4, rtol=1e-4)

    trained = train_sft(base_model, encoder, "all-minilm-l6-v2", TASKS, tmp_path / "sft",
                        SFTConfig(**{**config.to_dict(), "steps": 3, "lr": 1e-2}))
    reloaded = load_checkpoint(tmp_path / "sft" / "checkpoint", targets=discover_targets(base_model.model))
    for name in ("q_proj", "v_proj"):  # the block is a buffer: training leaves it, the checkpoint keeps it
        for side in ("a", "b"):
            torch.testing.assert_close(getattr(reloaded.hypernet.fixed, f"{name}_{side}"),
                                       getattr(start.hypernet.fixed, f"{name}_{side}"))
        assert not torch.equal(trained.hypernet.heads[name].weight, start.hypernet.heads[name].weight)
    adapter = generate_adapters(reloaded.hypernet, encoder, ["Swap the two words"])[0]
    save_peft_adapter(adapter, tmp_path / "generated")
    again = load_peft_adapter(tmp_path / "generated")
    assert again.rank == 6 and again.scaling == pytest.approx(start.config.scaling)
    path = next(p for p in mt.weights if p.endswith("q_proj"))
    a, b = again.weights[path]
    torch.testing.assert_close(a[2:].float(), mt.weights[path][0])  # the fixed rows, after the learned ones
    torch.testing.assert_close(b[:, 2:].float() * again.scaling, mt.weights[path][1] * mt.scaling)


def test_the_residual_form_refuses_what_cannot_work(base_model, encoder, tmp_path: Path):
    mt = _oracle(base_model.model, seed=7)
    save_peft_adapter(LoraAdapter(rank=4, alpha=8.0, target_modules=["q_proj"],
                                  weights={p: w for p, w in mt.weights.items() if p.endswith("q_proj")}),
                      tmp_path / "q-only")
    with pytest.raises(T2LError, match="no weights for .'v_proj'"):
        train_sft(base_model, encoder, "all-minilm-l6-v2", TASKS[:2], tmp_path / "sft",
                  SFTConfig(steps=1, residual_adapter=str(tmp_path / "q-only"), **TINY))
    assert not (tmp_path / "sft" / "checkpoint").exists()
    with pytest.raises(T2LError, match="choose one"):
        SFTConfig(init_adapter="a", residual_adapter="b")
    with pytest.raises(T2LError, match="--dora"):
        SFTConfig(residual_adapter="b", use_dora=True)
    with pytest.raises(T2LError, match="size L"):
        SFTConfig(residual_adapter="b", size="M")


def test_recon_stops_at_max_minutes_with_a_checkpoint_and_resumes_there(base_model, encoder, tmp_path: Path,
                                                                        monkeypatch):
    """--max-minutes: out of time, recon writes the step it reached (checkpoint and resumable state);
    run again, it goes on from there to --steps."""
    import hypernet.train.recon as recon

    for i, task in enumerate(TASKS):
        save_peft_adapter(_oracle(base_model.model, i), tmp_path / "oracle" / task.id)
    clock = iter(range(0, 10_000, 25))  # every reading 25 s later: step 3 passes one minute
    monkeypatch.setattr(recon.time, "perf_counter", lambda: float(next(clock)))
    config = ReconConfig(steps=8, tasks_per_batch=3, lr=3e-3, checkpoint_every=4, max_minutes=1.0, **TINY)
    early = train_recon(base_model, encoder, "all-minilm-l6-v2", TASKS, tmp_path / "oracle", tmp_path / "recon", config)
    meta = json.loads((tmp_path / "recon" / "checkpoint" / "config.json").read_text())["extra"]
    assert 1 <= meta["step"] < 8 and meta["stopped_early"]
    assert json.loads((tmp_path / "recon" / ".state" / "state.json").read_text())["step"] == meta["step"]
    monkeypatch.setattr(recon.time, "perf_counter", time_perf_counter)
    final = train_recon(base_model, encoder, "all-minilm-l6-v2", TASKS, tmp_path / "oracle", tmp_path / "recon",
                        ReconConfig(**{**config.to_dict(), "max_minutes": 0.0}))
    steps = [int(r["step"]) for r in csv.DictReader(open(tmp_path / "recon" / "loss.csv"))]
    assert steps == list(range(1, 9)) and final.sha256 != early.sha256
    assert json.loads((tmp_path / "recon" / "checkpoint" / "config.json").read_text())["extra"]["step"] == 8
    with pytest.raises(T2LError, match="max_minutes"):
        ReconConfig(max_minutes=-1)


def test_recon_schedule_minutes_anneals_over_the_time_budget_and_ends_the_run_there(base_model, encoder,
                                                                                   tmp_path: Path, monkeypatch):
    """--schedule-minutes: a run slower than its --steps still goes through warm-up and the whole
    decay, by the clock, and ends (not stops) when the time is spent; a rerun adds nothing."""
    import hypernet.train.recon as recon
    from hypernet.train.state import lr_at

    for i, task in enumerate(TASKS):
        save_peft_adapter(_oracle(base_model.model, i), tmp_path / "oracle" / task.id)
    clock = itertools.count(0.0, 1.0)  # a second per reading (about one a step): the 1-minute budget ends before step 100
    monkeypatch.setattr(recon.time, "perf_counter", lambda: next(clock))
    config = ReconConfig(steps=1000, tasks_per_batch=3, lr=3e-3, checkpoint_every=50, schedule_minutes=1.0, **TINY)
    train_recon(base_model, encoder, "all-minilm-l6-v2", TASKS, tmp_path / "oracle", tmp_path / "recon", config)
    meta = json.loads((tmp_path / "recon" / "checkpoint" / "config.json").read_text())["extra"]
    assert meta["ended_by_time"] and not meta["stopped_early"] and 1 < meta["step"] < 100
    lrs = [float(r["lr"]) for r in csv.DictReader(open(tmp_path / "recon" / "loss.csv"))]
    assert len(lrs) == meta["step"] and max(lrs) > 0.9 * 3e-3  # it reached the peak ...
    assert lrs[-1] < 0.2 * 3e-3 and lrs[-1] == min(lrs[lrs.index(max(lrs)):])  # ... and decayed to near 10 %
    # by steps alone it would still be warming up at that step
    assert lr_at(meta["step"] - 1, 1000, 3e-3, 0.1) > 5 * lrs[-1]
    again = train_recon(base_model, encoder, "all-minilm-l6-v2", TASKS, tmp_path / "oracle", tmp_path / "recon", config)
    assert json.loads((tmp_path / "recon" / "checkpoint" / "config.json").read_text())["extra"]["step"] == meta["step"]
    assert len(list(csv.DictReader(open(tmp_path / "recon" / "loss.csv")))) == meta["step"] and again.sha256
    with pytest.raises(T2LError, match="schedule_minutes"):
        ReconConfig(schedule_minutes=-1)


def test_lr_at_progress_warms_up_then_decays_to_a_tenth():
    from hypernet.train.state import lr_at, lr_at_progress

    assert lr_at_progress(0.05, 1.0, 0.1) == pytest.approx(0.5)
    assert lr_at_progress(0.1, 1.0, 0.1) == pytest.approx(1.0) and lr_at_progress(1.0, 1.0, 0.1) == pytest.approx(0.1)
    assert lr_at_progress(0.55, 1.0, 0.1) == pytest.approx(lr_at(550, 1000, 1.0, 0.1), abs=2e-3)  # as by steps


def test_family_balanced_sampling_draws_every_family_alike():
    """A family of 1 task beside one of 9: drawn about half the time, not a tenth; draws are distinct."""
    import random

    from hypernet.train.data import family_balanced_sample

    items = [("small", 0)] + [("large", i) for i in range(9)]
    rng = random.Random(0)
    firsts = [family_balanced_sample(items, lambda item: item[0], 1, rng)[0][0] for _ in range(4000)]
    assert 0.45 < firsts.count("small") / len(firsts) < 0.55
    drawn = family_balanced_sample(items, lambda item: item[0], 6, rng)
    assert len(set(drawn)) == 6
    assert sorted(family_balanced_sample(items, lambda item: item[0], 50, rng)) == sorted(items)  # at most all


def test_sft_can_draw_its_tasks_family_first(base_model, encoder, tmp_path: Path):
    from dataclasses import replace

    tasks = [*TASKS, replace(TASKS[0], id="other.swap", family="other",
                             descriptions=tuple(f"Swap the words, please ({i})" for i in range(4)),
                             heldout_descriptions=("Kindly swap the words",))]
    config = SFTConfig(steps=2, tasks_per_batch=2, examples_per_task=2, lr=1e-3, eval_every=2, checkpoint_every=2,
                       balance_families=True, **TINY)
    final = train_sft(base_model, encoder, "all-minilm-l6-v2", tasks, tmp_path, config)
    assert final.config.training["balance_families"] is True
