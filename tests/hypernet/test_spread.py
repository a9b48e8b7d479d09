"""hypernet.spread.task_spread: the share of a set of adapters' update that varies with the task."""

from __future__ import annotations

import pytest
import torch

from hypernet.spread import task_spread


def _adapters(scales: list[float], layers: int = 2, rank: int = 2, width: int = 6) -> tuple[torch.Tensor, torch.Tensor]:
    """One adapter per scale: the same A, and B = scale · B0 (so ΔW = scale · B0 A)."""
    torch.manual_seed(0)
    a = torch.randn(layers, rank, width).expand(len(scales), -1, -1, -1)
    b0 = torch.randn(layers, width, rank)
    b = torch.stack([s * b0 for s in scales])
    return a, b


def test_one_adapter_for_every_task_has_nothing_that_varies():
    (spread,) = task_spread({"q": _adapters([1.0, 1.0, 1.0])}, 2.0).values()
    assert spread.tasks == 3 and spread.shared > 0
    assert spread.varying == pytest.approx(0.0, abs=1e-9 * spread.shared) and spread.varying_share < 1e-9


def test_tasks_that_differ_along_one_direction_have_that_share_and_rank_one():
    # ΔW_n = c_n · D with c = 1..4: shared 2.5 D, departures (c_n − 2.5) D, mean square 1.25 |D|²
    (spread,) = task_spread({"q": _adapters([1.0, 2.0, 3.0, 4.0])}, 1.0).values()
    assert spread.varying_share == pytest.approx(1.25 / (2.5**2 + 1.25))
    assert spread.effective_rank == pytest.approx(1.0, abs=1e-6) and spread.directions_90 == 1


def test_independent_random_adapters_span_many_directions():
    torch.manual_seed(1)
    weights = {"v": (torch.randn(8, 3, 2, 16), torch.randn(8, 3, 16, 2))}
    (spread,) = task_spread(weights, 1.0).values()
    assert spread.varying_share > 0.7 and spread.directions_90 >= 5  # 8 tasks: at most 7 directions


def test_a_single_task_is_refused():
    with pytest.raises(ValueError, match="at least 2 tasks"):
        task_spread({"q": _adapters([1.0])}, 1.0)
