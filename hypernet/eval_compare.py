"""How the T2L rows of an evaluation stand against its baselines, with the uncertainty that comes
from the tasks themselves.

A held-out table asks whether generated adapters carry to *new tasks*, so the unit of sampling is
the task: a difference between two rows is the mean of their per-task differences over the tasks
both scored, and its 95 % interval is the normal one over those tasks (1.96 standard errors).
The examples and descriptions inside a task are already averaged into its score.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import fmean, stdev
from typing import Sequence

from hypernet.evaluate import MethodResult

# (baseline row, how a T2L row is set against it): the paper's comparisons, as issue #4 states them
BASELINES = (("multi-task LoRA", "difference"), ("base + description", "difference"), ("oracle LoRA", "ratio"))


@dataclass(frozen=True)
class Comparison:
    """``method`` against ``baseline`` on ``tasks`` shared tasks: a difference in points (with its
    95 % half-width over tasks), or the ratio of the two means in percent (``half_width`` NaN)."""

    method: str
    baseline: str
    kind: str  # "difference" or "ratio"
    value: float
    half_width: float
    tasks: int

    def describe(self) -> str:
        if self.kind == "ratio":
            return f"{self.method} is {self.value:.0f} % of {self.baseline} ({self.tasks} tasks)"
        spread = f" ± {self.half_width:.1f}" if math.isfinite(self.half_width) else ""
        return f"{self.method} − {self.baseline}: {self.value:+.1f}{spread} points ({self.tasks} tasks)"

    def to_json(self) -> dict:
        return {"method": self.method, "baseline": self.baseline, "kind": self.kind, "value": self.value,
                "half_width": self.half_width if math.isfinite(self.half_width) else None, "tasks": self.tasks}


def paired_difference(row: MethodResult, baseline: MethodResult, metric: str = "exact") -> tuple[float, float, int]:
    """(mean of ``row − baseline`` over the tasks both scored, its 95 % half-width, how many tasks)."""
    shared = sorted(set(row.per_task) & set(baseline.per_task))
    diffs = [row.per_task[t][metric] - baseline.per_task[t][metric] for t in shared]
    if not diffs:
        return math.nan, math.nan, 0
    half = 1.96 * stdev(diffs) / math.sqrt(len(diffs)) if len(diffs) > 1 else math.nan
    return fmean(diffs), half, len(diffs)


def mean_ratio(row: MethodResult, baseline: MethodResult, metric: str = "exact") -> tuple[float, int]:
    """(``row``'s mean as a percentage of ``baseline``'s, over the tasks both scored; how many tasks)."""
    shared = sorted(set(row.per_task) & set(baseline.per_task))
    base = fmean(baseline.per_task[t][metric] for t in shared) if shared else 0.0
    if not shared or base == 0:
        return math.nan, len(shared)
    return 100.0 * fmean(row.per_task[t][metric] for t in shared) / base, len(shared)


def comparisons(results: Sequence[MethodResult], metric: str = "exact") -> list[Comparison]:
    """Every T2L row against every baseline row present (by the row names ``t2l eval`` gives). A row
    named "... [run]" (merged from several evaluations) is set against that run's own baseline
    "<baseline> [run]" where there is one."""
    by_name = {r.method: r for r in results}
    found = []
    for row in results:
        if not row.method.startswith("T2L"):
            continue
        run = row.method[row.method.rindex(" ["):] if row.method.endswith("]") and " [" in row.method else ""
        for plain, kind in BASELINES:
            name = plain + run if plain + run in by_name else plain
            baseline = by_name.get(name)
            if baseline is None:
                continue
            if kind == "ratio":
                value, n = mean_ratio(row, baseline, metric)
                found.append(Comparison(row.method, name, kind, value, math.nan, n))
            else:
                value, half, n = paired_difference(row, baseline, metric)
                found.append(Comparison(row.method, name, kind, value, half, n))
    return [c for c in found if c.tasks]
