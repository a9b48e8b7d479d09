"""Faster reconstruction steps that must not change them: `torchrun -m t2l train recon` with two
processes (gloo, on the CPU) takes the step one process takes on the whole batch and writes one
checkpoint and one curve; the fused AdamW kernel takes the default optimizer's steps."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file

from hypernet.checkpoint import WEIGHTS_NAME
from hypernet.peft_format import save_peft_adapter
from hypernet.tasks.files import write_task_file
from hypernet.train.distributed import SINGLE, Group, from_main, mean_over_processes, my_share
from hypernet.train.recon import ReconConfig, train_recon
from t2l.errors import SettingError
from test_sft_recon import TASKS, TINY, _oracle

RECON = ["--steps", "6", "--tasks-per-batch", "2", "--lr", "3e-3", "--dropout", "0",
         "--head-hidden", str(TINY["head_hidden"]), "--latent-dim", str(TINY["latent_dim"]), "--device", "cpu"]


def _weights(directory: Path) -> dict[str, torch.Tensor]:
    return load_file(str(directory / WEIGHTS_NAME))


def test_two_processes_take_the_step_one_process_takes_on_the_whole_batch(base_model, encoder, tmp_path: Path):
    write_task_file(TASKS, tmp_path / "tasks.jsonl")
    for i, task in enumerate(TASKS):
        save_peft_adapter(_oracle(base_model.model, i), tmp_path / "oracle" / task.id)
    command = [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc-per-node", "2",
               "-m", "t2l", "train", "recon", "--task-file", str(tmp_path / "tasks.jsonl"),
               "--oracles", str(tmp_path / "oracle"), "--out", str(tmp_path / "two"), *RECON]
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "by 2 processes" in " ".join((done.stdout + done.stderr).split())

    # the same run in one process: every step's batch whole
    config = ReconConfig(steps=6, tasks_per_batch=2, lr=3e-3, dropout=0.0, checkpoint_every=1, **TINY)
    one = train_recon(base_model, encoder, "all-minilm-l6-v2", TASKS, tmp_path / "oracle", tmp_path / "one", config)
    two, alone = _weights(tmp_path / "two" / "checkpoint"), _weights(one.path)
    assert two.keys() == alone.keys()
    for name in alone:
        torch.testing.assert_close(two[name], alone[name], rtol=1e-4, atol=2e-5, msg=name)
    losses = {run: [float(r["loss"]) for r in csv.DictReader(open(tmp_path / run / "loss.csv"))]
              for run in ("one", "two")}
    assert len(losses["two"]) == 6 and losses["two"] == pytest.approx(losses["one"], rel=1e-4)
    meta = json.loads((tmp_path / "two" / "checkpoint" / "config.json").read_text())
    assert meta["extra"]["processes"] == 2 and meta["extra"]["step"] == 6


def test_the_fused_adamw_kernel_takes_the_same_steps(base_model, encoder, tmp_path: Path):
    for i, task in enumerate(TASKS):
        save_peft_adapter(_oracle(base_model.model, i), tmp_path / "oracle" / task.id)
    runs = {}
    for fused in (False, True):
        config = ReconConfig(steps=4, tasks_per_batch=2, lr=3e-3, checkpoint_every=4, fused_adamw=fused, **TINY)
        runs[fused] = train_recon(base_model, encoder, "all-minilm-l6-v2", TASKS, tmp_path / "oracle",
                                  tmp_path / f"fused-{fused}", config).path
    plain, fused = _weights(runs[False]), _weights(runs[True])
    for name in plain:
        torch.testing.assert_close(fused[name], plain[name], rtol=1e-4, atol=2e-5, msg=name)


def test_a_batch_that_does_not_split_over_the_processes_is_refused_before_any_model_loads(tmp_path: Path):
    write_task_file(TASKS, tmp_path / "tasks.jsonl")
    command = [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc-per-node", "2",
               "-m", "t2l", "train", "recon", "--task-file", str(tmp_path / "tasks.jsonl"),
               "--oracles", str(tmp_path / "oracle"), "--out", str(tmp_path / "r"),
               *RECON, "--tasks-per-batch", "3"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode != 0
    said = " ".join((done.stdout + done.stderr).split())
    assert "does not split evenly over 2 processes" in said
    assert "loaded in" not in said  # refused before the base model loads


def test_alone_every_helper_leaves_things_as_they_are():
    value = torch.tensor(2.5)
    assert not SINGLE.active and SINGLE.is_main
    assert from_main(SINGLE, [1.0, 2.0], "cpu") == [1.0, 2.0]
    assert float(mean_over_processes(SINGLE, value)) == 2.5
    assert my_share(SINGLE, [4, 5, 6]) == [4, 5, 6]
    assert my_share(Group(rank=1, world_size=2), [4, 5, 6, 7]) == [5, 7]
    with pytest.raises(SettingError, match="multiple of 2"):
        my_share(Group(rank=0, world_size=2), [4, 5, 6])


def test_joined_waits_for_every_process_before_leaving_but_not_after_an_error(monkeypatch):
    """A clean end: barrier, then the group is torn down (a gloo peer torn down mid-collective can abort
    the other). An error: torn down at once (the others may never reach a barrier), and re-raised."""
    import hypernet.train.distributed as distributed

    calls: list[str] = []
    two = Group(rank=0, world_size=2, device="cpu")
    monkeypatch.setattr(distributed, "join_from_env", lambda device=None: two)
    monkeypatch.setattr(distributed, "wait_for_all", lambda group: calls.append("wait"))
    monkeypatch.setattr(distributed, "leave", lambda group: calls.append("leave"))
    with distributed.joined("cpu") as group:
        assert group is two and calls == []
    assert calls == ["wait", "leave"]
    calls.clear()
    with pytest.raises(KeyError):
        with distributed.joined("cpu"):
            raise KeyError("boom")
    assert calls == ["leave"]
