"""Scoring a model's answer against the exact expected answer.

Every metric returns ``{"exact": 0.0 | 1.0, "lenient": 0.0..1.0}``. ``exact`` compares the answers
after stripping surrounding whitespace only (generation often ends in a newline); ``lenient`` forgives
what a tiny model gets "almost" right: case, spacing and punctuation, numeric formatting, the order
of JSON keys, or part of a list.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable

Scores = dict[str, float]


def normalize(text: str) -> str:
    """Case-, whitespace- and punctuation-insensitive form of ``text`` (symbols such as emoji stay)."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = "".join(" " if unicodedata.category(ch).startswith("P") else ch for ch in text)
    return " ".join(text.split())


def _exact(prediction: str, target: str) -> float:
    return float(prediction.strip() == target.strip())


def exact_metric(prediction: str, target: str) -> Scores:
    exact = _exact(prediction, target)
    return {
        "exact": exact,
        "lenient": max(exact, float(normalize(prediction) == normalize(target))),
    }


_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def strict_metric(prediction: str, target: str) -> Scores:
    """For tasks whose whole point is case or punctuation (upper case, snake_case, dates): lenient
    forgives only runs of whitespace ("a  b" = "a b"), never a missing space."""
    exact = _exact(prediction, target)
    return {"exact": exact, "lenient": max(exact, float(prediction.split() == target.split()))}


def _parse_number(text: str) -> float | None:
    cleaned = text.strip().replace(",", "").replace(" ", "").rstrip(".")
    return float(cleaned) if _NUMBER.match(cleaned) else None


def numeric_metric(prediction: str, target: str) -> Scores:
    """Lenient: equal as numbers ("1,000" = "1000.0"), within a relative tolerance of 1e-6. When both
    parse as numbers that is the only test (normalising text would drop a minus sign)."""
    a, b = _parse_number(prediction), _parse_number(target)
    if a is None or b is None:
        return exact_metric(prediction, target)
    exact = _exact(prediction, target)
    return {
        "exact": exact,
        "lenient": max(exact, float(math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9))),
    }


def _items(text: str) -> list[str]:
    return [n for n in (normalize(part) for part in text.split(",")) if n]


def list_metric(prediction: str, target: str) -> Scores:
    """Comma-separated answers. Lenient: F1 of the normalised items (order-free, partial credit)."""
    scores = exact_metric(prediction, target)
    if scores["lenient"] < 1.0:
        pred, gold = Counter(_items(prediction)), Counter(_items(target))
        overlap = sum((pred & gold).values())
        if overlap:
            precision, recall = overlap / sum(pred.values()), overlap / sum(gold.values())
            scores["lenient"] = 2 * precision * recall / (precision + recall)
    return scores


def json_metric(prediction: str, target: str) -> Scores:
    """Lenient: the two parse to equal JSON values (key order and spacing do not matter). Text
    normalisation is not used: it would make plain text equal to JSON holding the same words."""
    exact = _exact(prediction, target)
    try:
        same = json.loads(prediction) == json.loads(target)
    except (ValueError, TypeError):
        same = False
    return {"exact": exact, "lenient": max(exact, float(same))}


METRICS: dict[str, Callable[[str, str], Scores]] = {
    "exact": exact_metric,
    "strict": strict_metric,
    "numeric": numeric_metric,
    "list": list_metric,
    "json": json_metric,
}


def score(metric: str, prediction: str, target: str) -> Scores:
    """Score ``prediction`` against ``target`` with the metric named ``metric``."""
    try:
        fn = METRICS[metric]
    except KeyError:
        raise ValueError(
            f"unknown metric {metric!r} (known: {', '.join(sorted(METRICS))})"
        ) from None
    return fn(prediction, target)
