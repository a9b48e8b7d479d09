"""Weight averaging ("model soup") of hypernetworks trained from the same initialisation.

    t2l train soup runs/sft-a/best runs/sft-b/best --out runs/soup

SFT runs of one recipe land on very different per-family scores (docs/EVAL.md, session 6); the
mean of their weights is one hypernetwork, as cheap to run as either, that may keep what they share.
Only checkpoints with the same configuration (shapes, prompting, seed: the same initial weights)
are averaged; the soup records its sources and the union of the tasks they trained on, so the
contamination checks that read ``training["tasks"]`` still see every task it learned from.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Sequence

import torch

from hypernet.checkpoint import Checkpoint, CheckpointError, load_checkpoint, save_checkpoint
from hypernet.model import HyperNetwork


def _comparable(checkpoint: Checkpoint) -> dict:
    """What must agree for weights to be averaged: the configuration, and of its training record
    what generation reads (whether the description also goes into the prompt)."""
    config = checkpoint.config
    return {**{k: v for k, v in config.to_dict().items() if k != "training"},
            "prompt_description": config.prompt_description}


def average_checkpoints(paths: Sequence[Path], out: Path) -> Checkpoint:
    """Average the weights of the checkpoints in ``paths`` (at least two) into ``out``."""
    if len(paths) < 2:
        raise CheckpointError("a soup needs at least two checkpoints")
    checkpoints = [load_checkpoint(p) for p in paths]
    first = _comparable(checkpoints[0])
    for path, checkpoint in zip(paths[1:], checkpoints[1:]):
        other = _comparable(checkpoint)
        differ = sorted(k for k in first.keys() | other.keys() if first.get(k) != other.get(k))
        if differ:
            raise CheckpointError(f"{path} differs from {paths[0]} in {', '.join(differ)}: only checkpoints of one "
                                  "configuration (and seed: the same initial weights) can be averaged")
    states = [c.hypernet.state_dict() for c in checkpoints]
    mean = {name: torch.stack([s[name].float() for s in states]).mean(0).to(states[0][name].dtype)
            for name in states[0]}
    trainings = [c.config.training or {} for c in checkpoints]
    tasks = sorted({t for training in trainings for t in training.get("tasks", [])})
    # in the sources' order, not sorted: the selection loss draws its batches from that order, so
    # the soup and its sources are then scored on the very same examples
    held = dict.fromkeys(t for training in trainings for t in training.get("selection_task_ids", []))
    trained = set(tasks)
    selection = [t for t in held if t not in trained]
    training = {"recipe": "soup", "prompt_description": checkpoints[0].config.prompt_description,
                "tasks": tasks, "selection_task_ids": selection,
                "sources": [{"path": str(p), "sha256": c.sha256, "training": t}
                            for p, c, t in zip(paths, checkpoints, trainings)]}
    soup = HyperNetwork(dataclasses.replace(checkpoints[0].config, training=training))
    soup.load_state_dict(mean, strict=True)
    return save_checkpoint(soup.eval(), out, extra={"sources": [c.sha256[:16] for c in checkpoints]})
