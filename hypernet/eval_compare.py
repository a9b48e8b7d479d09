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
from typing import Literal, Sequence

from hypernet.evaluate import MISMATCHED, MethodResult

Kind = Literal["difference", "ratio"]
# (baseline row, how a T2L row is set against it): the paper's comparisons, as issue #4 states them
BASELINES: tuple[tuple[str, Kind], ...] = (
    ("multi-task LoRA", "difference"), ("base + description", "difference"), ("oracle LoRA", "ratio"))


@dataclass(frozen=True)
class Target:
    """One of issue #4's targets: rows whose name starts with ``rows`` against ``baseline``, as a
    difference in points or a ratio in percent of at least ``threshold``, on the ``split`` it is
    stated for (held-out tasks for zero-shot, training tasks for reconstruction)."""

    rows: str
    baseline: str
    kind: Kind
    threshold: float
    split: str


TARGETS: tuple[Target, ...] = (
    Target("T2L (SFT)", "multi-task LoRA", "difference", 3.0, "heldout"),
    Target("T2L (SFT)", "oracle LoRA", "ratio", 80.0, "heldout"),
    Target("T2L", "base + description", "difference", 20.0, "heldout"),
    Target("T2L (recon)", "oracle LoRA", "ratio", 95.0, "train"),
)


@dataclass(frozen=True)
class Comparison:
    """``method`` against ``baseline`` on ``tasks`` shared tasks: a difference in points (with its
    95 % half-width over tasks), or the ratio of the two means in percent (``half_width`` NaN)."""

    method: str
    baseline: str
    kind: Kind
    value: float
    half_width: float
    tasks: int

    def value_text(self) -> str:
        """The measured value as the reports print it: "+0.4 ± 0.9" (points) or "27.2 %"."""
        if self.kind == "ratio":
            return f"{self.value:.1f} %"
        return f"{self.value:+.1f}" + (f" ± {self.half_width:.1f}" if math.isfinite(self.half_width) else "")

    def describe(self) -> str:
        if self.kind == "ratio":
            return f"{self.method} is {self.value:.0f} % of {self.baseline} ({self.tasks} tasks)"
        return f"{self.method} − {self.baseline}: {self.value_text()} points ({self.tasks} tasks)"

    def to_json(self) -> dict:
        return {"method": self.method, "baseline": self.baseline, "kind": self.kind, "value": self.value,
                "half_width": self.half_width if math.isfinite(self.half_width) else None, "tasks": self.tasks}


def mean_with_interval(values: Sequence[float]) -> tuple[float, float]:
    """(mean, its 95 % half-width over the values: 1.96 standard errors; NaN for fewer than two)."""
    half = 1.96 * stdev(values) / math.sqrt(len(values)) if len(values) > 1 else math.nan
    return fmean(values), half


def paired_difference(
    row: MethodResult, baseline: MethodResult, metric: str = "exact"
) -> tuple[float, float, int]:
    """(mean of ``row − baseline`` over the tasks both scored, its 95 % half-width, how many tasks);
    the half-width is NaN for a single task."""
    shared = sorted(set(row.per_task) & set(baseline.per_task))
    diffs = [row.per_task[t][metric] - baseline.per_task[t][metric] for t in shared]
    if not diffs:
        return math.nan, math.nan, 0
    return (*mean_with_interval(diffs), len(diffs))


def mean_ratio(row: MethodResult, baseline: MethodResult, metric: str = "exact") -> tuple[float, int]:
    """(``row``'s mean as a percentage of ``baseline``'s, over the tasks both scored; how many tasks)."""
    shared = sorted(set(row.per_task) & set(baseline.per_task))
    base = fmean(baseline.per_task[t][metric] for t in shared) if shared else 0.0
    if not shared or base == 0:
        return math.nan, len(shared)
    return 100.0 * fmean(row.per_task[t][metric] for t in shared) / base, len(shared)


def nested_run(inner: str, tag: str) -> str:
    """The run of a row that was already merged under run ``inner`` once its file is merged again under
    ``tag``: its name then ends in " [inner] [tag]", and the run is that suffix without the outer
    brackets, so a row's plain name is always its name minus f" [{run}]"."""
    return "] [".join(part for part in (inner, tag) if part)


def inferred_runs(results: Sequence[MethodResult]) -> list[str]:
    """The runs of a merged report's rows when its file does not record them (reports written before
    they did): a row's last " [tag]" is its run when some baseline row of the file ends in that tag
    too (a merged run brings its own baselines); any other row belongs to the first run ("")."""
    def last_tag(name: str) -> str:
        return name[name.rindex(" [") + 2:-1] if name.endswith("]") and " [" in name else ""

    tagged = {last_tag(r.method) for r in results if not r.method.startswith("T2L")} - {""}
    return [tag if (tag := last_tag(r.method)) in tagged else "" for r in results]


def recorded_runs(recorded: object, results: Sequence[MethodResult]) -> list[str]:
    """The runs an EVAL.json records for ``results`` (its ``"runs"``), or, when it records none or not
    one per row (a report written before it did, or rows taken out of one by hand), those read from
    the row names (``inferred_runs``)."""
    if isinstance(recorded, list) and len(recorded) == len(results):
        return [str(run) for run in recorded]
    return inferred_runs(results)


def comparisons(
    results: Sequence[MethodResult], runs: Sequence[str] | None = None, metric: str = "exact"
) -> list[Comparison]:
    """Every T2L row against every baseline row present (by the row names ``t2l eval`` gives).
    ``runs[i]`` says which evaluation ``results[i]`` came from (merged reports): a T2L row is set
    against its own run's baseline, or else that of the nearest earlier run that has one (an evaluation split
    over several runs, merged in order, borrows from its own first part), or else the first later one. A
    mismatched-description row (``t2l eval
    --mismatched``) is set against its aligned row only: aligned − mismatched. Comparisons without a
    number (no shared task, an oracle mean of zero) are left out."""
    runs = list(runs) if runs is not None else [""] * len(results)
    if len(runs) != len(results):  # zip would pair rows with the wrong runs, and compare nothing
        raise ValueError(f"{len(runs)} runs for {len(results)} rows: one run per row")
    order = list(dict.fromkeys(runs))  # the evaluations in the order they were merged
    def plain(name: str, run: str) -> str:  # a merged row's name without its run's tag
        return name.removesuffix(f" [{run}]") if run else name

    by_run_and_name = {(run, plain(r.method, run)): r for run, r in zip(runs, results)}
    found = []
    for run, row in zip(runs, results):
        if not row.method.startswith("T2L"):
            continue
        own_name = plain(row.method, run)
        if own_name.endswith(MISMATCHED):  # an ablation: set against its own aligned row only
            aligned = by_run_and_name.get((run, own_name.removesuffix(MISMATCHED)))
            if aligned is not None:
                value, half, n = paired_difference(aligned, row, metric)
                found.append(Comparison(aligned.method, row.method, "difference", value, half, n))
            continue
        here = order.index(run)
        lenders = [run, *reversed(order[:here]), *order[here + 1:]]  # own, nearest earlier first, then later
        for name, kind in BASELINES:
            baseline = next((by_run_and_name[(r, name)] for r in lenders if (r, name) in by_run_and_name), None)
            if baseline is None:
                continue
            if kind == "ratio":
                value, n = mean_ratio(row, baseline, metric)
                found.append(Comparison(row.method, baseline.method, kind, value, math.nan, n))
            else:
                value, half, n = paired_difference(row, baseline, metric)
                found.append(Comparison(row.method, baseline.method, kind, value, half, n))
    return [c for c in found if c.tasks and math.isfinite(c.value)]


@dataclass(frozen=True)
class TargetCheck:
    """A comparison measured against the target it answers: met when the measured value (the point
    estimate, as the target is stated) reaches the threshold."""

    comparison: Comparison
    target: Target

    @property
    def met(self) -> bool:
        return self.comparison.value >= self.target.threshold

    @property
    def shortfall(self) -> float:
        """Points (of difference, or of percent of the oracle) still missing; 0 when met."""
        return max(0.0, self.target.threshold - self.comparison.value)

    def target_text(self) -> str:
        t = self.target
        return (f"≥ {t.baseline} {t.threshold:+.0f}" if t.kind == "difference"
                else f"≥ {t.threshold:.0f} % of {t.baseline}")

    def describe(self) -> str:
        verdict = "met" if self.met else f"not met ({self.shortfall:.1f} short)"
        return f"{self.comparison.method}: target {self.target_text()}: {verdict} ({self.comparison.describe()})"

    def to_json(self) -> dict:
        return {"target": self.target_text(), "split": self.target.split, "threshold": self.target.threshold,
                "met": self.met, "shortfall": self.shortfall, **self.comparison.to_json()}


def target_checks(compared: Sequence[Comparison], split: str | None) -> list[TargetCheck]:
    """Each comparison that answers one of ``TARGETS`` stated for ``split`` (``t2l eval``'s --split:
    "heldout" or "train"); none when the split is unknown or another one."""
    return [TargetCheck(c, t) for c in compared for t in TARGETS
            if t.split == split and c.kind == t.kind and c.method.startswith(t.rows)
            and (c.baseline == t.baseline or c.baseline.startswith(t.baseline + " ["))]
