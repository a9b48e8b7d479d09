"""How much of what a hypernetwork emits depends on the task: a seconds-long check of its adapters.

A T2L hypernetwork that ignores its description emits one shared adapter, whatever the task: a
multi-task LoRA. ``task_spread`` measures the updates in function space: each task's ΔW = s·B·A of
every layer is applied to a fixed set of random probe vectors, and the (task × layers·out·probes)
matrix is split into its mean over tasks (the shared update) and the rest (what varies with the
task). The share of the rest, and how many directions it spans, say whether the description moves
the adapter and in how many independent ways. It does not say whether the movement is useful: the
``t2l eval --mismatched`` ablation does, in minutes rather than seconds.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch

from hypernet.model import LoraWeights


@dataclass(frozen=True)
class Spread:
    """For one module type over N tasks: ``shared`` and ``varying`` are mean squared norms per task
    of the shared update and of each task's departure from it (probe outputs); ``effective_rank``
    the exponential of the entropy of the departures' singular-value energies; ``directions_90``
    how many directions hold 90 % of that energy."""

    tasks: int
    shared: float
    varying: float
    effective_rank: float
    directions_90: int

    @property
    def varying_share(self) -> float:
        """The task-varying part's share of all update energy (0: one adapter for every task)."""
        total = self.shared + self.varying
        return self.varying / total if total > 0 else 0.0


def task_spread(weights: LoraWeights, scaling: float, *, probes: int = 16, seed: int = 0) -> dict[str, Spread]:
    """``weights[module] = (A [N, L, r, in], B [N, L, out, r])``, one adapter per task (N ≥ 2), applied
    as ``scaling · B @ A``: each module's ``Spread`` over the N tasks."""
    generator = torch.Generator().manual_seed(seed)
    spreads = {}
    for name, (a, b) in weights.items():
        if a.shape[0] < 2:
            raise ValueError(f"task_spread needs adapters of at least 2 tasks, got {a.shape[0]}")
        x = torch.randn(a.shape[-1], probes, generator=generator).to(a.device, torch.float64)
        outputs = (b.double() @ (a.double() @ x)).flatten(1) * scaling  # [N, L * out * probes]
        mean = outputs.mean(dim=0, keepdim=True)
        departures = outputs - mean
        energies = torch.linalg.svdvals(departures).pow(2)
        varying = float(energies.sum())
        if varying > 0:
            p = energies / varying
            effective_rank = float(torch.exp(-(p * p.clamp_min(1e-300).log()).sum()))
            directions_90 = int((p.cumsum(0) < 0.9).sum()) + 1
        else:
            effective_rank, directions_90 = 0.0, 0
        n = outputs.shape[0]
        spreads[name] = Spread(tasks=n, shared=float(mean.pow(2).sum()), varying=varying / n,
                               effective_rank=effective_rank, directions_90=directions_90)
    return spreads
