"""The pairs and records families: one spot check per task, balanced yes/no labels, and solvers that
refuse inputs of another shape (so they cannot pass for another task's rule)."""

from __future__ import annotations

from collections import Counter

import pytest

from hypernet.tasks.builtin import build_task
from hypernet.tasks.families import pairs, records

MODULES = (pairs, records)
SPECS = {f"{m.FAMILY}.{s.name}": (m, s) for m in MODULES for s in m.SPECS}

SPOT_CHECKS = [
    ("pairs.alphabetically_first", "river, apple", "apple"),
    ("pairs.alphabetically_last", "car, card", "card"),
    ("pairs.shared_letters", "apple, plane", "aelp"),
    ("pairs.letters_only_in_first", "apple, river", "alp"),
    ("pairs.interleave_letters", "cat, horse", "chaotrse"),
    ("pairs.vowel_start_word", "river, apple", "apple"),
    ("pairs.more_vowels_word", "cat, idea", "idea"),
    ("pairs.length_difference", "to, tomato", "4"),
    ("pairs.same_first_letter", "table, tiger", "yes"),
    ("pairs.same_ending", "rock, check", "yes"),
    ("pairs.repeat_word_n_times", "cat 3", "cat cat cat"),
    ("pairs.letter_at_position", "banana 3", "n"),
    ("pairs.first_n_letters_of_word", "banana 3", "ban"),
    ("pairs.count_given_letter", "banana, a", "3"),
    ("pairs.remove_given_letter", "banana, a", "bnn"),
    ("pairs.greatest_common_divisor", "12, 30", "6"),
    ("pairs.least_common_multiple", "4, 6", "12"),
    ("pairs.larger_decimal", "3.14, 3.9", "3.9"),
    ("pairs.whole_quotient", "47, 5", "9"),
    ("pairs.round_to_multiple", "48, 5", "50"),
    ("records.get_name", "age=31; name=Ann; city=Oslo", "Ann"),
    ("records.get_city", "name=Ann; city=Oslo", "Oslo"),
    ("records.list_keys", "name=Ann; age=31; city=Oslo", "name, age, city"),
    ("records.key_of_largest", "pens=3; cups=17; bags=9", "cups"),
    ("records.sum_of_counts", "pens=3; cups=17; bags=9", "29"),
    ("records.rename_city_to_town", "name=Ann; city=Oslo", "name=Ann; town=Oslo"),
    ("records.drop_age", "name=Ann; age=31; city=Oslo", "name=Ann; city=Oslo"),
    ("records.increment_age", "age=31; city=Oslo", "age=32; city=Oslo"),
    ("records.sort_fields_by_key", "name=Ann; age=31; city=Oslo", "age=31; city=Oslo; name=Ann"),
    ("records.reverse_fields", "name=Ann; age=31; city=Oslo", "city=Oslo; age=31; name=Ann"),
    ("records.uppercase_keys", "name=Ann; age=31", "NAME=Ann; AGE=31"),
    ("records.to_colon_pairs", "name=Ann; age=31", "name: Ann, age: 31"),
    ("records.to_query_string", "name=Ann; age=31", "name=Ann&age=31"),
    ("records.values_to_pipes", "name=Ann; age=31; city=Oslo", "Ann|31|Oslo"),
    ("records.numeric_keys", "id=7; name=Ann; age=31", "id, age"),
    ("records.empty_field", "name=Ann; age=; city=Oslo", "age"),
    ("records.is_adult", "name=Ann; age=17", "no"),
    ("records.pipe_to_fields", "Ann|31|Oslo", "name=Ann; age=31; city=Oslo"),
    ("records.pipe_city", "Ann|31|Oslo", "Oslo"),
    ("records.youngest_person", "Ann (31), Bob (45), Cy (22)", "Cy"),
]


def _task(task_id: str):
    module, s = SPECS[task_id]
    return build_task(
        s, module.FAMILY, tuple(module.TEMPLATES), seed=0, n_train=64, n_validation=16, n_test=32
    )


@pytest.mark.parametrize(("task_id", "given", "expected"), SPOT_CHECKS)
def test_spot_checks(task_id: str, given: str, expected: str) -> None:
    assert SPECS[task_id][1].solve(given) == expected


def test_every_task_has_a_spot_check_and_the_families_are_full() -> None:
    assert {t for t, _, _ in SPOT_CHECKS} == set(SPECS)
    for module in MODULES:
        assert len(module.SPECS) >= 18 and len(module.TEMPLATES) == 2, module.FAMILY


@pytest.mark.parametrize(
    "task_id",
    ["pairs.same_first_letter", "pairs.same_ending", "records.is_adult"],
)
def test_yes_no_tasks_are_balanced(task_id: str) -> None:
    labels = Counter(e.output for e in _task(task_id).examples)
    assert set(labels) == {"yes", "no"}
    assert min(labels.values()) >= 0.35 * sum(labels.values()), labels


def test_examples_follow_the_rule() -> None:
    """Independent re-computation on drawn examples, not through the task's solver."""
    for e in _task("pairs.interleave_letters").examples:
        a, b = e.input.split(", ")
        n = min(len(a), len(b))
        out = e.output
        assert (out[: 2 * n : 2], out[1 : 2 * n : 2], out[2 * n :]) == (a[:n], b[:n], a[n:] + b[n:])
    for e in _task("pairs.larger_decimal").examples:
        assert float(e.output) == max(float(p) for p in e.input.split(", "))
    for e in _task("records.values_to_pipes").examples:  # back through pipe_to_fields' keys
        assert e.output.split("|") == [p.split("=", 1)[1] for p in e.input.split("; ")]
    for e in _task("records.pipe_to_fields").examples:
        assert SPECS["records.values_to_pipes"][1].solve(e.output) == e.input


@pytest.mark.parametrize(
    ("task_id", "other_input"),
    [
        ("pairs.alphabetically_first", "34, 92"),  # would be arithmetic.min_of_two
        ("pairs.alphabetically_last", "34, 92"),  # would be arithmetic.max_of_two
        ("pairs.larger_decimal", "971, 126"),  # would be arithmetic.max_of_two
        ("pairs.letter_at_position", "Thursday, 10"),
        ("pairs.count_given_letter", "banana"),
        ("records.get_name", "name: Ann, age: 31"),
        ("records.pipe_city", "Ann|Oslo|31"),
    ],
)
def test_solvers_refuse_inputs_of_another_shape(task_id: str, other_input: str) -> None:
    with pytest.raises((ValueError, KeyError)):
        SPECS[task_id][1].solve(other_input)
