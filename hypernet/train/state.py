"""Resumable training state: parameters and optimizer moments in safetensors, the rest in JSON.

Never pickle: a checkpoint is ``state.safetensors`` + ``state.json`` and is written atomically.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import torch

TENSORS = "state.safetensors"
META = "state.json"


def save_state(
    directory: Path,
    params: dict[str, torch.Tensor],
    optimizer: torch.optim.Optimizer,
    step: int,
    extra: dict[str, Any] | None = None,
    averaged: dict[str, torch.Tensor] | None = None,
) -> None:
    """Write params, optimizer state and ``step`` to ``directory`` (replaced atomically); ``averaged``:
    further tensors of the run (a running weight average) kept in the same write, so they never
    disagree with the step."""
    from safetensors.torch import save_file

    tensors = {f"param.{k}": v.detach().cpu().contiguous() for k, v in params.items()}
    tensors |= {f"avg.{k}": v.detach().cpu().contiguous() for k, v in (averaged or {}).items()}
    opt = optimizer.state_dict()
    for index, slots in opt["state"].items():
        for name, value in slots.items():
            tensor = value if torch.is_tensor(value) else torch.tensor(value)
            tensors[f"opt.{index}.{name}"] = tensor.detach().cpu().contiguous()
    meta = {"step": step, "param_groups": opt["param_groups"], "extra": extra or {}}
    directory = Path(directory)
    directory.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{directory.name}-", dir=directory.parent))
    try:
        save_file(tensors, str(staging / TENSORS))
        (staging / META).write_text(json.dumps(meta))
        if directory.exists():
            shutil.rmtree(directory)
        os.replace(staging, directory)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def load_state(
    directory: Path,
    params: dict[str, torch.Tensor],
    optimizer: torch.optim.Optimizer,
    averaged: dict[str, torch.Tensor] | None = None,
) -> tuple[int, dict[str, Any]] | None:
    """Restore params (in place) and optimizer state; returns (step, extra), or None if no state.
    ``averaged`` is filled in place from the saved one where the state has it (else left as it is)."""
    from safetensors.torch import load_file

    directory = Path(directory)
    if not (directory / TENSORS).exists() or not (directory / META).exists():
        return None
    meta = json.loads((directory / META).read_text())
    tensors = load_file(str(directory / TENSORS))
    with torch.no_grad():
        for name, param in params.items():
            param.copy_(tensors[f"param.{name}"])
        for name, tensor in (averaged or {}).items():
            if f"avg.{name}" in tensors:
                tensor.copy_(tensors[f"avg.{name}"])
    state: dict[int, dict[str, torch.Tensor]] = {}
    for key, value in tensors.items():
        if key.startswith("opt."):
            _, index, name = key.split(".", 2)
            state.setdefault(int(index), {})[name] = value
    device = next(iter(params.values())).device
    optimizer.load_state_dict({"state": state, "param_groups": meta["param_groups"]})
    for slots in optimizer.state.values():
        for name, value in slots.items():
            if torch.is_tensor(value) and name != "step":
                slots[name] = value.to(device)
    return int(meta["step"]), meta.get("extra", {})


def lr_at_progress(progress: float, peak: float, warmup_fraction: float) -> float:
    """``lr_at`` with the schedule's position given as a fraction (0..1) rather than a step, e.g. of a
    time budget: linear warm-up over the first ``warmup_fraction``, then cosine decay to 10 %."""
    import math

    if progress < warmup_fraction:
        return peak * max(progress, 1e-3) / warmup_fraction
    done = (progress - warmup_fraction) / max(1e-9, 1 - warmup_fraction)
    return peak * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * min(1.0, done))))


def scheduled_lr(step: int, total: int, peak: float, warmup_fraction: float, time_spent: float | None) -> float:
    """The lr of ``step``: by steps alone (``time_spent`` None), or, for a schedule that also spans a
    time budget, by whichever is further along: the steps or ``time_spent`` (the budget's share used)."""
    if time_spent is None:
        return lr_at(step, total, peak, warmup_fraction)
    return lr_at_progress(max(time_spent, step / total), peak, warmup_fraction)


def lr_at(step: int, total: int, peak: float, warmup_fraction: float) -> float:
    """Linear warm-up to ``peak`` over the first fraction of steps, then cosine decay to 10 % of it."""
    import math

    warmup = max(1, int(total * warmup_fraction))
    if step < warmup:
        return peak * (step + 1) / warmup
    progress = (step - warmup) / max(1, total - warmup)
    return peak * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * min(1.0, progress))))
