"""Threshold calibration arithmetic (library/threshold.py) on hand-made outcomes."""

from __future__ import annotations

import pytest

from library.threshold import QueryOutcome, best_threshold, sweep

OUTCOMES = [
    QueryOutcome(0.95, True, True), QueryOutcome(0.85, True, True), QueryOutcome(0.70, True, True),
    QueryOutcome(0.80, False, True),  # best match is another task's adapter: retrieving it is wrong
    QueryOutcome(0.75, False, False), QueryOutcome(0.60, False, False), QueryOutcome(0.40, False, False),
]


def test_sweep_counts_precision_recall_and_right_decisions():
    (row,) = sweep(OUTCOMES, [0.72])
    # retrieved: 0.95, 0.85, 0.80, 0.75 -> 2 right; catalogued queries: 4
    assert row["precision"] == pytest.approx(2 / 4) and row["recall"] == pytest.approx(2 / 4)
    assert row["f1"] == pytest.approx(0.5) and row["retrieved"] == pytest.approx(4 / 7)
    # right: the 2 correct retrievals, and not retrieving 0.70 (own task, missed: wrong), 0.60, 0.40 (right)
    assert row["accuracy"] == pytest.approx(4 / 7)


def test_best_threshold_maximises_f1_and_prefers_the_lowest_tie():
    best = best_threshold(OUTCOMES)
    # t in (0.60, 0.70]: retrieves 5 (3 right) -> P 0.6, R 0.75, F1 0.667, the maximum
    assert best["threshold"] == pytest.approx(0.61) and best["f1"] == pytest.approx(2 * 0.6 * 0.75 / 1.35)
