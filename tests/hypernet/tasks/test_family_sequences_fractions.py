"""The sequences and fractions families: one spot check per task, balanced yes/no labels, round
trips between inverse tasks, and solvers that refuse inputs of another task's shape."""

from __future__ import annotations

from collections import Counter
from fractions import Fraction
from functools import cache

import pytest

from hypernet.tasks.builtin import build_task
from hypernet.tasks.families import fractions, sequences
from hypernet.tasks.types import Task

MODULES = {"sequences": sequences, "fractions": fractions}


def _solver(task_id: str):
    family, name = task_id.split(".")
    return next(s.solve for s in MODULES[family].SPECS if s.name == name)


@cache
def _task(task_id: str) -> Task:
    family, name = task_id.split(".")
    module = MODULES[family]
    spec = next(s for s in module.SPECS if s.name == name)
    return build_task(
        spec, module.FAMILY, tuple(module.TEMPLATES), seed=0, n_train=64, n_validation=16, n_test=32
    )


SPOT_CHECKS = [
    ("sequences.next_arithmetic", "3, 7, 11, 15", "19"),
    ("sequences.previous_arithmetic", "30, 25, 20, 15", "35"),
    ("sequences.missing_arithmetic", "5, 9, ?, 17, 21", "13"),
    ("sequences.common_difference", "32, 27, 22", "-5"),
    ("sequences.next_two_arithmetic", "3, 7, 11", "15, 19"),
    ("sequences.next_geometric", "96, 48, 24", "12"),
    ("sequences.previous_geometric", "6, 12, 24, 48", "3"),
    ("sequences.missing_geometric", "2, 6, ?, 54", "18"),
    ("sequences.common_ratio", "3, 6, 12, 24", "2"),
    ("sequences.next_square", "16, 25, 36, 49", "64"),
    ("sequences.next_triangular", "1, 3, 6, 10", "15"),
    ("sequences.next_fibonacci_like", "2, 5, 7, 12", "19"),
    ("sequences.next_alternating", "5, 9, 6, 10, 7", "11"),
    ("sequences.next_prime", "7, 11, 13, 17", "19"),
    ("sequences.nth_term", "a1 = 4, d = 3, n = 6", "19"),
    ("sequences.differences", "3, 7, 12, 10", "4, 5, -2"),
    ("sequences.is_arithmetic", "4, 8, 13, 16", "no"),
    ("sequences.next_letter", "a, c, e", "g"),
    ("sequences.missing_letter", "m, n, p, q", "o"),
    ("sequences.next_in_pattern", "red, blue, red, blue, red", "blue"),
    ("fractions.simplify", "6/8", "3/4"),
    ("fractions.fraction_to_decimal", "3/8", "0.375"),
    ("fractions.decimal_to_fraction", "1.25", "5/4"),
    ("fractions.percent_to_fraction", "35%", "7/20"),
    ("fractions.mixed_to_decimal", "2 3/4", "2.75"),
    ("fractions.fraction_to_percent", "3/4", "75%"),
    ("fractions.increase_by_percent", "80 + 25%", "100"),
    ("fractions.add_same_denominator", "2/9 + 5/9", "7/9"),
    ("fractions.subtract_same_denominator", "7/9 - 2/9", "5/9"),
    ("fractions.larger_fraction", "2/3, 3/4", "3/4"),
    ("fractions.reciprocal", "1/5", "5"),
    ("fractions.improper_to_mixed", "11/4", "2 3/4"),
    ("fractions.mixed_to_improper", "2 3/4", "11/4"),
    ("fractions.percent_of_number", "25% of 80", "20"),
    ("fractions.fraction_of_number", "3/4 of 20", "15"),
    ("fractions.equivalent_numerator", "3/4 = ?/20", "15"),
    ("fractions.multiply_fractions", "2/3 * 5/7", "10/21"),
    ("fractions.more_than_half", "7/12", "yes"),
    ("fractions.common_denominator", "1/4, 5/6", "12"),
    ("fractions.one_minus", "3/8", "5/8"),
]


def test_every_task_has_a_spot_check() -> None:
    ids = {f"{m.FAMILY}.{s.name}" for m in MODULES.values() for s in m.SPECS}
    assert ids == {task_id for task_id, _, _ in SPOT_CHECKS}
    assert all(len(m.SPECS) >= 18 for m in MODULES.values())


@pytest.mark.parametrize(("task_id", "given", "expected"), SPOT_CHECKS)
def test_spot_checks(task_id: str, given: str, expected: str) -> None:
    assert _solver(task_id)(given) == expected


@pytest.mark.parametrize(
    ("task_id", "other_shape"),
    [
        ("sequences.next_arithmetic", "3, 6, 12, 24"),  # geometric
        ("sequences.next_alternating", "3, 7, 11, 15, 19"),  # equal steps: arithmetic
        ("sequences.next_geometric", "3, 7, 11, 15"),
        ("sequences.next_square", "1, 3, 6, 10"),
        ("sequences.next_triangular", "16, 25, 36, 49"),
        ("sequences.missing_letter", "a, c, e, g"),  # every gap is two: a step-2 sequence
        ("sequences.next_in_pattern", "red, blue, green"),  # nothing repeats
        ("sequences.is_arithmetic", "17, 42"),  # a pair, not a sequence
        ("fractions.simplify", "3/4"),  # already in lowest terms
        ("fractions.decimal_to_fraction", "3/4"),
        ("fractions.add_same_denominator", "1/3 + 1/4"),
        ("fractions.reciprocal", "6/8"),  # unreduced: 8/6 or 4/3?
        ("fractions.improper_to_mixed", "12/4"),  # a whole number
        ("fractions.fraction_to_percent", "1/3"),  # not a whole percentage
        ("fractions.mixed_to_improper", "2 5/4"),  # the fraction part is not proper
    ],
)
def test_solvers_refuse_inputs_of_another_shape(task_id: str, other_shape: str) -> None:
    with pytest.raises(ValueError):
        _solver(task_id)(other_shape)


@pytest.mark.parametrize("task_id", ["sequences.is_arithmetic", "fractions.more_than_half"])
def test_yes_no_tasks_are_balanced(task_id: str) -> None:
    labels = Counter(e.output for e in _task(task_id).examples)
    assert set(labels) == {"yes", "no"}
    assert min(labels.values()) >= 0.35 * sum(labels.values())


def test_examples_follow_the_rule() -> None:
    """Independent re-computation on the tasks' own examples, not through their solvers."""
    for e in _task("fractions.fraction_to_decimal").examples:
        assert Fraction(e.output) == Fraction(e.input)
    for e in _task("fractions.decimal_to_fraction").examples:
        assert Fraction(e.output) == Fraction(e.input) and "/" in e.output
    for e in _task("fractions.improper_to_mixed").examples:
        assert _solver("fractions.mixed_to_improper")(e.output) == e.input
    for e in _task("fractions.mixed_to_decimal").examples:
        whole, part = e.input.split(" ")
        assert Fraction(e.output) == int(whole) + Fraction(part)
    for e in _task("fractions.simplify").examples:
        assert Fraction(e.output) == Fraction(e.input) and e.output != e.input
    for e in _task("sequences.next_arithmetic").examples:
        ns = [int(n) for n in e.input.split(", ")] + [int(e.output)]
        assert len({b - a for a, b in zip(ns, ns[1:])}) == 1
    for e in _task("sequences.next_geometric").examples:
        ns = [int(n) for n in e.input.split(", ")] + [int(e.output)]
        assert len({Fraction(b, a) for a, b in zip(ns, ns[1:])}) == 1
    for e in _task("sequences.next_in_pattern").examples:
        items = e.input.split(", ")
        assert e.output in items and e.output != items[-1]


@pytest.mark.parametrize("family", list(MODULES))
def test_inputs_and_answers_are_short(family: str) -> None:
    for spec in MODULES[family].SPECS:
        for e in _task(f"{family}.{spec.name}").examples:
            assert 0 < len(e.input) <= 120 and 0 < len(e.output) <= 30, (spec.name, e)
