"""Choosing the dispatcher's retrieve-or-synthesise threshold from labelled queries.

A query is a description whose task is known. If its task is in the catalog, the right decision is
to retrieve that task's adapter; if not (a held-out task), or the best match is another task's,
the right decision is to synthesise. At threshold t the dispatcher retrieves when the best score
is >= t, so: TP = retrieved and the best match is the query's own task; precision = TP / retrieved,
recall = TP / queries whose task is catalogued; F1 picks the threshold.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class QueryOutcome:
    """The best catalog match of one labelled query."""

    score: float
    own_task: bool  # the best match is the query's own task's adapter
    catalogued: bool  # the query's task has an adapter in the catalog


def sweep(outcomes: Sequence[QueryOutcome], thresholds: Sequence[float] | np.ndarray) -> list[dict[str, float]]:
    """Precision, recall, F1 and decision accuracy at each threshold."""
    score = np.array([o.score for o in outcomes])
    own = np.array([o.own_task for o in outcomes])
    catalogued = np.array([o.catalogued for o in outcomes])
    rows = []
    for t in thresholds:
        retrieved = score >= t
        tp = int((retrieved & own).sum())
        precision = tp / max(int(retrieved.sum()), 1)
        recall = tp / max(int(catalogued.sum()), 1)
        f1 = 2 * precision * recall / max(precision + recall, 1e-12)
        right = np.where(retrieved, own, ~(own & catalogued))  # synthesising is right unless own task was there
        rows.append({"threshold": float(t), "precision": precision, "recall": recall, "f1": f1,
                     "accuracy": float(right.mean()), "retrieved": float(retrieved.mean())})
    return rows


def best_threshold(outcomes: Sequence[QueryOutcome], step: float = 0.01) -> dict[str, float]:
    """The sweep row with the highest F1 over thresholds 0, step, ..., 1 (ties: the lowest one)."""
    rows = sweep(outcomes, np.round(np.arange(0.0, 1.0 + step / 2, step), 6))
    return max(rows, key=lambda r: (round(r["f1"], 9), -r["threshold"]))
