"""The morphology and text_edit families: a spot check per task, the word tables' invariants, the
inputs each rule refuses, full-size splits (suite-wide invariants: test_task_suite)."""

from __future__ import annotations

import pytest

from hypernet.tasks.builtin import build_task
from hypernet.tasks.families import morphology, text_edit

MODULES = (morphology, text_edit)
SPECS = {f"{m.FAMILY}.{s.name}": s for m in MODULES for s in m.SPECS}

SPOT_CHECKS = [
    ("morphology.comparative", "big", "bigger"),
    ("morphology.comparative", "happy", "happier"),
    ("morphology.comparative", "nice", "nicer"),
    ("morphology.comparative", "good", "better"),
    ("morphology.superlative", "thin", "thinnest"),
    ("morphology.superlative", "bad", "worst"),
    ("morphology.comparative_to_superlative", "bigger", "biggest"),
    ("morphology.comparative_to_superlative", "better", "best"),
    ("morphology.superlative_to_base", "happiest", "happy"),
    ("morphology.superlative_to_base", "finest", "fine"),
    ("morphology.past_tense", "stop", "stopped"),
    ("morphology.past_tense", "try", "tried"),
    ("morphology.past_tense", "prefer", "preferred"),
    ("morphology.past_tense", "play", "played"),
    ("morphology.past_tense", "visit", "visited"),
    ("morphology.past_to_base", "hoped", "hope"),
    ("morphology.past_to_base", "hopped", "hop"),
    ("morphology.irregular_past", "go", "went"),
    ("morphology.irregular_past", "teach", "taught"),
    ("morphology.past_participle", "write", "written"),
    ("morphology.past_participle", "bring", "brought"),
    ("morphology.irregular_past_to_base", "ate", "eat"),
    ("morphology.third_person", "we carry", "she carries"),
    ("morphology.third_person", "I have", "she has"),
    ("morphology.third_person", "they watch", "she watches"),
    ("morphology.ing_to_base", "running", "run"),
    ("morphology.ing_to_base", "lying", "lie"),
    ("morphology.adverb", "happy", "happily"),
    ("morphology.adverb", "gentle", "gently"),
    ("morphology.adverb", "basic", "basically"),
    ("morphology.adverb", "true", "truly"),
    ("morphology.adverb", "full", "fully"),
    ("morphology.adverb_to_adjective", "simply", "simple"),
    ("morphology.ness_noun", "happy", "happiness"),
    ("morphology.ness_noun", "sudden", "suddenness"),
    ("morphology.negative_prefix", "possible", "impossible"),
    ("morphology.negative_prefix", "legal", "illegal"),
    ("morphology.negative_prefix", "regular", "irregular"),
    ("morphology.negative_prefix", "honest", "dishonest"),
    ("morphology.negative_prefix", "kind", "unkind"),
    ("morphology.opposite", "hot", "cold"),
    ("morphology.opposite", "cold", "hot"),
    ("morphology.opposite", "large", "small"),
    ("morphology.possessive", "dog", "dog's"),
    ("morphology.possessive", "dogs", "dogs'"),
    ("morphology.possessive", "children", "children's"),
    ("morphology.agent_noun", "swim", "swimmer"),
    ("morphology.agent_noun", "teach", "teacher"),
    ("morphology.agent_noun", "ski", "skier"),
    ("morphology.agent_noun", "begin", "beginner"),
    ("morphology.ordinal_to_cardinal", "twenty-first", "twenty-one"),
    ("morphology.ordinal_to_cardinal", "one hundred and twelfth", "one hundred and twelve"),
    ("text_edit.remove_punctuation", "Well, hello there!", "Well hello there"),
    ("text_edit.end_with_period", "It rained", "It rained."),
    ("text_edit.end_with_period", "It rained.", "It rained."),
    ("text_edit.capitalize_sentences", "it rained. we left! why?", "It rained. We left! Why?"),
    ("text_edit.spaces_to_underscores", "Hello big World!", "Hello_big_World!"),
    ("text_edit.quote_each_word", "the cat sat", '"the" "cat" "sat"'),
    ("text_edit.comma_separate_words", "red green blue", "red, green, blue"),
    ("text_edit.and_before_last", "tea, milk, bread", "tea, milk and bread"),
    ("text_edit.drop_first_and_last_words", "one two three four", "two three"),
    ("text_edit.drop_short_words", "we go to the big city", "the big city"),
    ("text_edit.a_to_the", "a cat saw a dog", "the cat saw the dog"),
    ("text_edit.repeat_last_word", "the cat sat", "the cat sat sat"),
    ("text_edit.parenthesize", "the cat sat", "(the cat sat)"),
    ("text_edit.remove_adjacent_repeats", "the the cat sat sat sat down", "the cat sat down"),
    ("text_edit.expand_contractions", "I can't go, we won't stay", "I cannot go, we will not stay"),
    ("text_edit.make_contractions", "they are late, I do not know", "they're late, I don't know"),
    ("text_edit.swap_word_pairs", "one two three four five", "two one four three five"),
    ("text_edit.every_other_word", "one two three four five", "one three five"),
    ("text_edit.remove_articles", "the cat ate an apple and a pear", "cat ate apple and pear"),
    ("text_edit.reverse_sentences", "It rained. We left! Why?", "Why? We left! It rained."),
    ("text_edit.digits_to_words", "I have 3 cats and 0 dogs", "I have three cats and zero dogs"),
]


@pytest.mark.parametrize(("task_id", "given", "expected"), SPOT_CHECKS)
def test_spot_checks(task_id: str, given: str, expected: str) -> None:
    assert SPECS[task_id].solve(given) == expected


def test_every_task_is_spot_checked_and_each_family_is_large_enough() -> None:
    assert {task_id for task_id, _, _ in SPOT_CHECKS} == set(SPECS)
    assert all(len(m.SPECS) >= 18 for m in MODULES)


@pytest.mark.parametrize(
    ("task_id", "given"),
    [
        ("text_edit.spaces_to_underscores", "user name id"),  # naming.words_to_snake's input
        ("text_edit.drop_short_words", "good \N{SLICE OF PIZZA} day"),  # emoji.remove_emoji's
        ("text_edit.capitalize_sentences", "the cat sat."),  # one sentence: capitalize_first
        ("text_edit.drop_first_and_last_words", "one two three"),  # extraction.second_word
        ("text_edit.remove_punctuation", "Nothing to remove"),
        ("text_edit.and_before_last", "tea, milk"),
        ("morphology.third_person", "she runs"),
        ("morphology.comparative", "beautiful"),  # not in the hand-written list
    ],
)
def test_rules_refuse_inputs_that_are_not_theirs(task_id: str, given: str) -> None:
    with pytest.raises((ValueError, KeyError)):
        SPECS[task_id].solve(given)


def test_word_tables_are_one_to_one_and_disjoint() -> None:
    tables = morphology._tables()
    for name in ("comparative", "superlative", "past", "irregular_past", "adverb", "ing"):
        assert len(set(tables[name].values())) == len(tables[name]), name
    assert not set(morphology.REGULAR_VERBS) & set(morphology.IRREGULAR)
    # The possessive rule ("only an apostrophe after s") is only for plurals.
    plurals = {morphology.plural(n) for n in morphology.NOUNS}
    assert all(w in plurals for w in morphology._possessive_nouns() if w.endswith("s"))
    for a, b in morphology._BOTH_WAYS.items():
        assert morphology.OPPOSITES[a] == b and morphology.OPPOSITES[b] == a


@pytest.mark.parametrize("task_id", sorted(SPECS))
def test_full_size_splits_of_short_examples(task_id: str) -> None:
    module = next(m for m in MODULES if task_id.startswith(f"{m.FAMILY}."))
    task = build_task(
        SPECS[task_id], module.FAMILY, module.TEMPLATES, seed=0, n_train=64, n_validation=16,
        n_test=32,
    )  # fmt: skip
    assert (len(task.train), len(task.validation), len(task.test)) == (64, 16, 32)
    for e in task.examples:
        assert 0 < len(e.input) <= 120 and 0 < len(e.output) <= 100, e
    if task_id.startswith("text_edit.") and task_id != "text_edit.end_with_period":
        assert all(e.output != e.input for e in task.examples)  # every edit changes something
