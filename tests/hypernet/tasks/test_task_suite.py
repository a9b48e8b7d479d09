"""The built-in task suite: size, descriptions, held-out split, determinism, splits, answers."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from hypernet.tasks import Example, Task, builtin_suite
from hypernet.tasks.builtin import builtin_specs, demo_example
from hypernet.tasks.split import HELDOUT_FRACTION, choose_heldout


@pytest.fixture(scope="module")
def suite():
    return builtin_suite(seed=0)


@pytest.fixture(scope="module")
def solvers():
    return {f"{family}.{s.name}": s.solve for family, _, s in builtin_specs()}


def test_size_and_families(suite) -> None:
    families = suite.families()
    assert len(suite.tasks) >= 470  # issue 4: grown from 149 (317, then 476): SFT needs many tasks
    assert len(families) >= 27
    assert len({t.id for t in suite.tasks}) == len(suite.tasks)
    assert all(t.id.startswith(f"{t.family}.") for t in suite.tasks)
    for task in suite.tasks:  # defaults: 64 / 16 / 32, fewer only for small finite domains
        assert (len(task.train), len(task.validation), len(task.test)) == (
            64,
            16,
            32,
        ) or task.id == "lookup.us_state_code"
    small = suite.get(
        "lookup.us_state_code"
    )  # 51 states (and DC) minus the demo, in the same 4:1:2 proportions
    assert (len(small.train), len(small.validation), len(small.test)) == (29, 7, 14)


def test_descriptions_are_many_unique_and_task_specific(suite) -> None:
    owners: dict[str, str] = {}
    for task in suite.tasks:
        assert len(set(task.descriptions)) == len(task.descriptions) >= 20, task.id
        assert len(set(task.heldout_descriptions)) == len(task.heldout_descriptions) >= 5, task.id
        assert not set(task.descriptions) & set(task.heldout_descriptions), task.id
        for d in task.descriptions + task.heldout_descriptions:
            assert d.strip() and "{" not in d.replace('{"', ""), (task.id, d)
            assert owners.setdefault(d, task.id) == task.id, (
                f"{d!r} shared by {owners[d]} and {task.id}"
            )
        # Varied forms: questions, imperatives, lower-case casual lines, long ones.
        assert any(d.endswith("?") for d in task.descriptions)
        assert any(d[:1].islower() for d in task.descriptions)
        assert max(len(d.split()) for d in task.descriptions) >= 2 * min(
            len(d.split()) for d in task.descriptions
        )


def test_heldout_descriptions_use_wording_never_seen_in_training(suite) -> None:
    task = suite.get("string.reverse_words")
    kept_back = "return the same words but going from the last one to the first one"
    assert not any(kept_back in d for d in task.descriptions)
    assert any(kept_back in d for d in task.heldout_descriptions)


def test_heldout_tasks_cover_families_and_are_stable(suite) -> None:
    heldout = suite.heldout_task_ids
    assert len(heldout) >= 0.15 * len(suite.tasks)
    for family, tasks in suite.families().items():
        n_held = sum(t.id in heldout for t in tasks)
        if len(tasks) >= 3:
            assert n_held >= 1, family
        assert n_held <= len(tasks) // 2, family  # every family is also trained on
    assert {t.id for t in suite.heldout_tasks} == heldout
    assert not {t.id for t in suite.train_tasks} & heldout
    assert len(suite.train_tasks) + len(suite.heldout_tasks) == len(suite.tasks)
    # Adding tasks (here a new family) leaves every existing task where it was.
    pairs = [(t.id, t.family) for t in suite.tasks]
    grown = choose_heldout(pairs + [(f"zeta.task{i}", "zeta") for i in range(12)], HELDOUT_FRACTION)
    assert {i for i in grown if not i.startswith("zeta.")} == heldout
    # The split is a function of the ids, not of the seed.
    assert builtin_suite(seed=3).heldout_task_ids == heldout


# The split the shipped default checkpoint was trained and evaluated on (149 tasks): growing the
# suite may add tasks on either side but must never move one of these.
ORIGINAL_HELDOUT = """
arithmetic.modulo classification.compare_numbers classification.is_palindrome
classification.is_prime counting.count_capitalized counting.count_digits
counting.count_sentences dates.month_name emoji.count_emoji emoji.emoji_only emoji.remove_emoji
extraction.file_extension extraction.hashtags extraction.parenthesized_text
extraction.second_word extraction.url_host language.number_to_words lookup.country_alpha3
lookup.country_capital lookup.country_currency_code lookup.us_state_code naming.pascal_to_camel
string.duplicate_words string.pig_latin string.remove_vowels structured.csv_to_pipes
structured.list_to_json_array structured.markdown_link
""".split()
ORIGINAL_TRAIN = """
arithmetic.abs_difference arithmetic.add arithmetic.average_of_two arithmetic.decrement
arithmetic.digit_sum arithmetic.double arithmetic.halve arithmetic.increment
arithmetic.max_of_two arithmetic.min_of_two arithmetic.multiply arithmetic.round_to_ten
arithmetic.square arithmetic.subtract arithmetic.times_ten classification.even_odd
classification.greeting_language classification.has_digit classification.leap_year
classification.over_fifty classification.sentence_type classification.sentiment
classification.sign classification.singular_or_plural classification.vowel_start
classification.word_category counting.count_consonants counting.count_items
counting.count_letter_e counting.count_letters counting.count_unique_words counting.count_vowels
counting.count_words dates.iso_to_british dates.iso_to_dotted dates.iso_to_long dates.iso_to_us
dates.long_to_iso dates.minutes_to_hours dates.next_day dates.quarter dates.time_12_to_24
dates.time_24_to_12 dates.us_to_iso emoji.demojize emoji.emoji_name emoji.emoji_spanish_name
emoji.name_to_emoji extraction.capitalized_words extraction.email_domain
extraction.email_username extraction.file_stem extraction.first_word extraction.last_word
extraction.longest_word extraction.numbers_in_text extraction.quoted_text
extraction.shortest_word extraction.year_in_text language.from_roman language.indefinite_article
language.number_to_french language.number_to_german language.number_to_spanish
language.ordinal_suffix language.ordinal_words language.plural language.present_participle
language.singular language.to_roman language.words_to_number language.year_to_words
lookup.alpha2_country lookup.alpha3_country lookup.capital_country lookup.city_country
lookup.country_alpha2 lookup.country_calling_code lookup.country_continent lookup.currency_code
lookup.currency_name lookup.language_code lookup.language_name naming.camel_to_snake
naming.camel_to_words naming.constant_to_camel naming.kebab_to_snake naming.pascal_to_snake
naming.slugify naming.snake_to_camel naming.snake_to_kebab naming.snake_to_pascal
naming.words_to_camel naming.words_to_constant naming.words_to_dot naming.words_to_snake
string.acronym string.capitalize_first string.drop_first_word string.drop_last_word
string.lowercase string.mask_vowels string.remove_spaces string.reverse_letters
string.reverse_words string.rotate_words string.sort_letters string.sort_words string.spell_out
string.swap_first_last string.title_case string.uppercase structured.html_bold
structured.initials structured.json_get_city structured.last_comma_first
structured.name_to_email structured.pairs_to_json structured.pairs_to_query
structured.phone_format structured.words_to_csv
""".split()


def test_the_original_149_tasks_keep_their_side_of_the_split(suite) -> None:
    """The first default checkpoint saw exactly ORIGINAL_TRAIN, and scores across suites compare on
    ORIGINAL_HELDOUT: the grown suite must keep both on their side of the split."""
    assert (len(ORIGINAL_HELDOUT), len(ORIGINAL_TRAIN)) == (28, 121)
    ids = {t.id for t in suite.tasks}
    assert set(ORIGINAL_HELDOUT) | set(ORIGINAL_TRAIN) <= ids
    assert set(ORIGINAL_HELDOUT) <= suite.heldout_task_ids
    assert not set(ORIGINAL_TRAIN) & suite.heldout_task_ids


def _solves(task: Task, solve, examples: tuple[Example, ...], share: float = 0.9) -> bool:
    """Whether ``solve`` answers at least ``share`` of ``examples`` right (leniently). It stops at
    the first miss too many, which for most pairs of tasks is the second example (the suite has
    ~476² pairs)."""
    misses = 0
    for e in examples:
        try:
            right = task.score(solve(e.input), e)["lenient"] == 1.0
        except Exception:  # noqa: BLE001 - another task's rule may not even parse this input
            right = False
        misses += not right
        if (len(examples) - misses) / len(examples) < share:  # even all the rest right would not do
            return False
    return True


def test_no_task_is_a_near_duplicate_of_another(suite, solvers) -> None:
    """No task can be solved by another task's rule, even leniently: a held-out task is never a
    training task under a new name."""
    for a in suite.tasks:
        probe = a.test[:16]
        for b_id, solve_b in solvers.items():
            if b_id != a.id:
                assert not _solves(a, solve_b, probe), f"{b_id} solves {a.id}"


def test_same_seed_same_suite_other_seed_other_examples() -> None:
    first = builtin_suite(seed=5)
    builtin_suite.cache_clear()
    again = builtin_suite(seed=5)
    assert first is not again and first == again
    other = builtin_suite(seed=6)
    assert [t.descriptions for t in other.tasks] == [t.descriptions for t in first.tasks]
    changed = sum(a.test != b.test for a, b in zip(first.tasks, other.tasks))
    assert changed == len(first.tasks)


def test_test_split_does_not_depend_on_n_train(suite) -> None:
    bigger = builtin_suite(seed=0, n_train=128)
    compared = 0
    for a, b in zip(suite.tasks, bigger.tasks):
        if len(b.train) == 128:  # (tasks with fewer distinct inputs shrink every split instead)
            compared += 1
            assert (
                a.test == b.test
                and a.validation == b.validation
                and a.train == b.train[: len(a.train)]
            )
    assert compared >= 0.9 * len(suite.tasks)


def test_splits_do_not_overlap_and_keep_the_demo_out(suite) -> None:
    specs = {f"{family}.{s.name}": s for family, _, s in builtin_specs()}
    for task in suite.tasks:
        inputs = [e.input for e in task.examples]
        assert len(inputs) == len(set(inputs)), task.id
        assert demo_example(specs[task.id], task.id).input not in inputs, task.id


def test_every_answer_scores_one_and_a_wrong_answer_zero(suite) -> None:
    for task in suite.tasks:
        outputs = Counter(e.output for e in task.examples)
        for e in task.examples:
            assert task.score(e.output, e) == {"exact": 1.0, "lenient": 1.0}, (task.id, e)
            assert (
                task.score(f"  {e.output}\n", e)["exact"] == 1.0
            )  # surrounding whitespace is not an error
            wrong = next((o for o in outputs if o != e.output), e.output + " extra")
            scores = task.score(wrong, e)
            assert scores["exact"] == 0.0, (task.id, e, wrong)
            assert scores["lenient"] < 1.0 or task.metric in ("exact", "numeric"), (
                task.id,
                e,
                wrong,
            )
            assert task.score("", e) == {"exact": 0.0, "lenient": 0.0}, (task.id, e)


def test_inputs_and_outputs_are_short_and_carry_no_instruction(suite) -> None:
    for task in suite.tasks:
        for e in task.examples:
            assert 0 < len(e.input) <= 120 and 0 < len(e.output) <= 100, (task.id, e)
            assert e.input == e.input.strip() and "\n" not in e.input + e.output, (task.id, e)
        # The raw input never repeats the task's own wording.
        assert not any(
            d.lower() in e.input.lower() for d in task.descriptions[:3] for e in task.examples
        )


def _solve(task_id: str, x: str) -> str:
    return {f"{family}.{s.name}": s.solve for family, _, s in builtin_specs()}[task_id](x)


@pytest.mark.parametrize(
    ("task_id", "given", "expected"),
    [
        ("string.reverse_words", "the cat sat", "sat cat the"),
        ("string.pig_latin", "pig latin apple string", "igpay atinlay appleway ingstray"),
        ("string.title_case", "the old man", "The Old Man"),
        ("naming.snake_to_camel", "user_name_id", "userNameId"),
        ("naming.camel_to_snake", "maxRetryCount", "max_retry_count"),
        ("naming.slugify", "Hello, World! Top 10 Tips", "hello-world-top-10-tips"),
        ("arithmetic.add", "17, 25", "42"),
        ("arithmetic.round_to_ten", "45", "50"),
        ("counting.count_vowels", "the cat sat", "3"),
        ("extraction.email_domain", "write to ann.lee@mail.example.org today", "mail.example.org"),
        ("extraction.numbers_in_text", "i bought 3 apples and 12 pears", "3, 12"),
        ("classification.sentiment", "the movie was awful", "negative"),
        ("classification.is_palindrome", "racecar", "yes"),
        ("classification.greeting_language", "buenos dias Pedro", "Spanish"),
        ("classification.leap_year", "1900", "no"),
        ("lookup.country_capital", "France", "Paris"),
        ("lookup.capital_country", "Tokyo", "Japan"),
        ("lookup.country_alpha3", "Germany", "DEU"),
        ("lookup.currency_name", "EUR", "Euro"),
        ("lookup.country_continent", "Brazil", "South America"),
        ("lookup.language_name", "fr", "French"),
        ("language.plural", "child", "children"),
        ("language.singular", "mice", "mouse"),
        ("language.indefinite_article", "hour", "an hour"),
        ("language.number_to_words", "42", "forty-two"),
        ("language.number_to_french", "80", "quatre-vingts"),
        ("language.ordinal_suffix", "23", "23rd"),
        ("language.to_roman", "1994", "MCMXCIV"),
        ("language.words_to_number", "one thousand, two hundred and five", "1205"),
        ("emoji.emoji_name", "\N{GRINNING FACE}", "grinning face"),
        ("emoji.remove_emoji", "good \N{SLICE OF PIZZA} day", "good day"),
        ("structured.pairs_to_json", "name: Ann, age: 31", '{"name": "Ann", "age": 31}'),
        ("structured.phone_format", "5551234567", "(555) 123-4567"),
        ("dates.iso_to_us", "2021-03-05", "03/05/2021"),
        ("dates.iso_to_long", "2021-03-05", "March 5, 2021"),
        ("dates.time_24_to_12", "00:05", "12:05 AM"),
        ("dates.next_day", "2024-02-28", "2024-02-29"),
        # Added with the 300-task suite.
        ("string.reverse_each_word", "the cat sat", "eht tac tas"),
        ("string.alternating_case", "hello", "hElLo"),
        ("string.sort_by_length", "apple to cat", "to cat apple"),
        ("counting.count_all_caps_words", "the BIG Dog RAN", "2"),
        ("extraction.third_word", "one two three four", "three"),
        ("extraction.largest_number_in_text", "scores were 78, 169 and 287", "287"),
        ("arithmetic.round_to_hundred", "250", "300"),
        ("arithmetic.round_up_to_ten", "40", "40"),
        ("arithmetic.sum_of_squares", "3, 4", "25"),
        ("dates.previous_day", "2024-03-01", "2024-02-29"),
        ("dates.add_one_hour", "23:30", "00:30"),
        ("dates.compact_to_iso", "20210305", "2021-03-05"),
        ("fixed_arithmetic.add_7", "95", "102"),
        ("fixed_arithmetic.divide_by_4", "36", "9"),
        ("fixed_arithmetic.remainder_by_7", "50", "1"),
        ("lists.sort_descending", "[3, 10, 7]", "[10, 7, 3]"),
        ("lists.median", "[9, 1, 5]", "5"),
        ("lists.keep_even", "[1, 2, 3, 4]", "[2, 4]"),
        ("lists.remove_duplicates", "[4, 2, 4, 1, 2]", "[4, 2, 1]"),
        ("lists.running_total", "[1, 2, 3]", "[1, 3, 6]"),
        ("cipher.caesar_shift_3", "abc xyz", "def abc"),
        ("cipher.caesar_decode_1", "ibm", "hal"),
        ("cipher.rot13", "hello", "uryyb"),
        ("cipher.atbash", "wizard", "draziw"),
        ("cipher.morse_encode", "sos", "... --- ..."),
        ("cipher.nato_spell", "cab", "Charlie Alfa Bravo"),
        ("cipher.leetspeak", "leet speak", "l337 5p34k"),
        ("bases.to_binary", "10", "1010"),
        ("bases.from_hex", "ff", "255"),
        ("bases.to_binary_byte", "5", "00000101"),
        ("bases.hex_color_to_rgb", "#ff8000", "255, 128, 0"),
        ("letters.letter_3", "garden", "r"),
        ("letters.middle_letter", "apple", "p"),
        ("letters.last_2_letters", "garden", "en"),
        ("letters.swap_first_last_letters", "garden", "nardeg"),
        ("units.km_to_m", "3 km", "3000 m"),
        ("units.celsius_to_fahrenheit", "-40 °C", "-40 °F"),
        ("units.fahrenheit_to_celsius", "212 °F", "100 °C"),
        ("units.seconds_to_minutes_seconds", "135 s", "2 min 15 s"),
        ("units.cents_to_dollars", "305 cents", "$3.05"),
        ("checks.divisible_by_7", "91", "yes"),
        ("checks.perfect_square", "50", "no"),
        ("checks.is_anagram", "listen, silent", "yes"),
        ("checks.letters_in_order", "bcd", "yes"),
        ("calendar.century", "1900", "19th century"),
        ("calendar.century", "2001", "21st century"),
        ("calendar.decade", "1987", "1980s"),
        ("calendar.weekday_after", "Sunday, 1", "Monday"),
        ("calendar.month_after", "November, 3", "February"),
        ("calendar.days_in_month", "February 1900", "28"),
        ("calendar.days_in_month", "February 2000", "29"),
        ("calendar.season", "2021-12-01", "winter"),
        ("calendar.next_leap_year", "2096", "2104"),
    ],
)
def test_spot_checks(task_id: str, given: str, expected: str) -> None:
    assert _solve(task_id, given) == expected


def test_examples_in_the_suite_follow_the_rule(suite) -> None:
    """Independent re-computation on the suite's own examples, not through the task's solver."""
    for e in suite.get("string.reverse_words").examples:
        assert e.output.split() == e.input.split()[::-1]
    for e in suite.get("string.uppercase").examples:
        assert e.output == e.input.upper()
    for e in suite.get("arithmetic.multiply").examples:
        a, b = (int(p) for p in e.input.split(","))
        assert int(e.output) == a * b
    for e in suite.get("counting.count_words").examples:
        assert int(e.output) == len(e.input.split())
    for e in suite.get("structured.pairs_to_json").examples:
        assert json.loads(e.output) == {
            k: int(v) if v.isdigit() else v for k, v in (p.split(": ") for p in e.input.split(", "))
        }
    for e in suite.get("language.to_roman").examples:
        assert _solve("language.from_roman", e.output) == e.input
    for e in suite.get("dates.us_to_iso").examples:
        assert _solve("dates.iso_to_us", e.output) == e.input
    for e in suite.get("lookup.alpha2_country").examples:
        assert _solve("lookup.country_alpha2", e.output) == e.input
    for e in suite.get("lookup.currency_code").examples:  # name -> code -> the same name
        assert _solve("lookup.currency_name", e.output) == e.input
    for e in suite.get("language.singular").examples:
        assert _solve("language.plural", e.output) == e.input
    labels = Counter(e.output for e in suite.get("classification.is_prime").examples)
    assert set(labels) == {"yes", "no"} and min(labels.values()) >= 0.3 * sum(labels.values())
    for e in suite.get("cipher.caesar_decode_3").examples:  # decoding undoes the encoding
        assert _solve("cipher.caesar_shift_3", e.output) == e.input
    for e in suite.get("cipher.morse_decode").examples:
        assert _solve("cipher.morse_encode", e.output) == e.input
    for e in suite.get("bases.from_binary").examples:
        assert int(e.input, 2) == int(e.output) and set(e.input) <= {"0", "1"}
    for e in suite.get("bases.rgb_to_hex_color").examples:
        assert _solve("bases.hex_color_to_rgb", e.output) == e.input
    for e in suite.get("units.m_to_km").examples:
        assert _solve("units.km_to_m", e.output) == e.input
    for e in suite.get("dates.compact_to_iso").examples:
        assert e.output.replace("-", "") == e.input
    for e in suite.get("lists.sort_ascending").examples:
        numbers = [int(n) for n in e.output.strip("[]").split(", ")]
        assert numbers == sorted(int(n) for n in e.input.strip("[]").split(", "))
    for e in suite.get("fixed_arithmetic.multiply_by_12").examples:
        assert int(e.output) == 12 * int(e.input)
    # Every yes/no check is roughly balanced, so a constant answer scores about half.
    for task in suite.families()["checks"]:
        labels = Counter(e.output for e in task.examples)
        assert set(labels) == {"yes", "no"}, task.id
        assert min(labels.values()) >= 0.35 * sum(labels.values()), (task.id, labels)


def test_split_sizes_are_checked() -> None:
    with pytest.raises(ValueError, match="n_train must be >= 1"):
        builtin_suite(n_train=0)


def test_unknown_task_is_a_clear_error(suite) -> None:
    from t2l.errors import T2LError

    with pytest.raises(T2LError, match="did you mean string.reverse_words"):
        suite.get("string.reverse_word")
    with pytest.raises(KeyError):
        suite.get("nope")


def test_a_balanced_sampler_that_cannot_balance_says_so() -> None:
    import random

    from hypernet.tasks.families._common import balanced

    sample = balanced(lambda rng: str(rng.randint(0, 9)), lambda x: int(x) > 100)  # never passes
    rng = random.Random(0)
    with pytest.raises(ValueError, match="draws gave no input that passes the check"):
        for _ in range(20):  # about half of the calls want a passing input
            sample(rng)


def test_training_only_siblings_leave_the_suite_and_its_held_out_tasks_as_they_are(suite) -> None:
    """builtin_suite(extra=True): the suite's tasks unchanged and first, the same held-out tasks, and
    more training tasks that vary a number the description gives ("add 14" beside "add 12") or the
    operation ("end with a question mark" beside the held-out "end with a period")."""
    bigger = builtin_suite(extra=True)
    assert bigger.tasks[: len(suite.tasks)] == suite.tasks
    assert bigger.heldout_task_ids == suite.heldout_task_ids
    siblings = bigger.tasks[len(suite.tasks):]
    assert len(siblings) >= 100 and not {t.id for t in siblings} & bigger.heldout_task_ids
    # every family with a held-out task has siblings in training (session 13: 331 siblings, 27 families)
    assert {t.family for t in siblings} == {t.family for t in suite.tasks if t.id in suite.heldout_task_ids}
    assert all(int(e.output, 5) == int(e.input) for e in bigger.get("bases.to_base_5").train)
    add_14 = bigger.get("fixed_arithmetic.add_14")
    assert len(add_14.descriptions) >= 20 and add_14.heldout_descriptions
    assert all(int(e.output) == int(e.input) + 14 for e in add_14.train)
    # "remainder by 10" would be the held-out arithmetic.last_digit under another name
    assert "arithmetic.last_digit" in suite.heldout_task_ids
    assert "fixed_arithmetic.remainder_by_10" not in {t.id for t in siblings}


def test_siblings_meet_the_rules_of_the_suite_tasks(suite) -> None:
    """The training-only siblings are held to the suite's own rules: distinct short one-line inputs,
    answers that score 1 (and 0 for another answer), many descriptions plus held-out ones, and more
    than one answer (a constant would teach nothing)."""
    siblings = builtin_suite(extra=True).tasks[len(suite.tasks):]
    for task in siblings:
        inputs = [e.input for e in task.examples]
        assert len(inputs) == len(set(inputs)) and len(task.test) >= 6, task.id
        assert len(task.descriptions) >= 20 and task.heldout_descriptions, task.id
        outputs = {e.output for e in task.examples}
        assert len(outputs) > 1, task.id
        for e in task.examples:
            assert 0 < len(e.input) <= 120 and 0 < len(e.output) <= 100, (task.id, e)
            assert e.input == e.input.strip() and "\n" not in e.input + e.output, (task.id, e)
            assert task.score(e.output, e)["exact"] == 1.0, (task.id, e)
            wrong = next(o for o in outputs if o != e.output)
            assert task.score(wrong, e)["exact"] == 0.0, (task.id, e, wrong)


def test_a_sibling_that_repeats_a_suite_task_is_refused(suite) -> None:
    from hypernet.tasks.builtin import check_siblings
    from hypernet.tasks.spec import spec

    base = [(family, s) for family, _, s in builtin_specs()]
    digits = lambda rng: str(rng.randrange(10, 999))  # noqa: E731
    renamed = spec("mod_ten", "a whole number", ["give the number mod 10", "find the remainder after dividing by "
                   "ten", "work out the number modulo 10", "return what is left over after dividing by 10"],
                   lambda x: str(int(x) % 10), sample=digits)
    with pytest.raises(RuntimeError, match="arithmetic.last_digit the same way"):
        check_siblings([("fixed_arithmetic", renamed)], suite.tasks)
    with pytest.raises(RuntimeError, match="repeats a suite task's id"):
        check_siblings([base[0]], suite.tasks)
    new = spec("add_999", "a whole number", ["add 999 to the number", "increase the number by 999",
               "give the number plus 999", "count 999 up from the number"], lambda x: str(int(x) + 999), sample=digits)
    check_siblings([("fixed_arithmetic", new)], suite.tasks)  # a new task passes


def test_a_sibling_close_to_a_held_out_task_is_refused(suite) -> None:
    """Not only a renamed held-out task: one that answers most of its test inputs alike is refused too
    (it would put most of that task into training), while the same closeness to a training task is allowed."""
    from hypernet.tasks.builtin import NEAR_HELDOUT, check_siblings
    from hypernet.tasks.spec import spec

    held = suite.get("arithmetic.last_digit")
    odd_one = held.test[0].input  # answered differently; the other 31 of 32 alike
    near = spec("almost_last_digit", "a whole number", ["give the last digit mostly", "say the final digit "
                "nearly always", "return the ones digit except once", "write the units digit, with one slip"],
                lambda x: "x" if x == odd_one else str(int(x) % 10), sample=lambda rng: str(rng.randrange(10, 999)))
    assert 31 / 32 >= NEAR_HELDOUT
    with pytest.raises(RuntimeError, match="97% of the test inputs of held-out arithmetic.last_digit"):
        check_siblings([("fixed_arithmetic", near)], suite.tasks, suite.heldout_task_ids)
    check_siblings([("fixed_arithmetic", near)], suite.tasks, set())  # not held out: allowed


def test_export_can_add_the_siblings(tmp_path) -> None:
    from typer.testing import CliRunner

    from hypernet.tasks import load_task_suite
    from t2l.cli import app

    out = tmp_path / "suite.jsonl"
    done = CliRunner().invoke(app, ["tasks", "export", str(out), "--extra"])
    bigger = builtin_suite(extra=True)
    assert done.exit_code == 0 and f"wrote {len(bigger.tasks)} tasks ({len(bigger.heldout_task_ids)} held out)" in done.output
    assert load_task_suite(out) == bigger


def _heldout_fingerprint(tasks) -> str:
    import hashlib

    digest = hashlib.sha256()
    for task in tasks:
        digest.update(json.dumps([task.id, list(task.heldout_descriptions)]).encode())
    return digest.hexdigest()


def test_training_phrasings_widen_training_wording_and_leave_held_out_descriptions_as_they_were() -> None:
    """Session 14 added 4 training-only phrasings to every task (807 with the siblings): each is in its
    task's training descriptions, the held-out phrasing is still in none of them, and the held-out
    descriptions of all 807 tasks are exactly those of before (a fingerprint taken before the
    phrasings were written)."""
    bigger = builtin_suite(extra=True)
    specs = {f"{family}.{s.name}": s for family, _, s in builtin_specs() + builtin_specs(extra=True)}
    assert len(specs) == len(bigger.tasks)
    for task in bigger.tasks:
        added = specs[task.id].training_phrasings
        assert len(added) == 4, task.id
        for phrasing in added:
            assert any(phrasing in d for d in task.descriptions), (task.id, phrasing)
        held_out_phrasing = specs[task.id].phrasings[-1]  # its wording stays new to training
        assert not any(held_out_phrasing in d for d in task.descriptions), (task.id, held_out_phrasing)
    assert _heldout_fingerprint(bigger.tasks) == "9aac56bf7640327fe1d4abee37e7faefe03e8bb5e0b7f7657a68232145bdec70"


@pytest.mark.parametrize(
    ("training", "message"),
    [(["reverse the order of the words"], "repeat a phrasing"), (["flip it", "flip it"], "repeat"),
     (["Flip the words."], "bare lower-case verb phrase")],
)
def test_training_phrasings_are_checked(training: list[str], message: str) -> None:
    from hypernet.tasks.spec import spec

    phrasings = ["reverse the order of the words", "put the words backwards", "flip the word order",
                 "write the words last to first", "return the words from the last to the first"]
    with pytest.raises(ValueError, match=message):
        spec("t", "a sentence", phrasings, str, sample=lambda rng: "a b", training_phrasings=training)


def test_export_can_keep_every_kth_training_task_and_all_heldout_ones(tmp_path) -> None:
    """--train-every 4: a quarter of the training tasks, spread over the families, the same held-out tasks."""
    from typer.testing import CliRunner

    from hypernet.tasks import load_task_suite
    from t2l.cli import app

    out = tmp_path / "quarter.jsonl"
    done = CliRunner().invoke(app, ["tasks", "export", str(out), "--train-every", "4"])
    assert done.exit_code == 0, done.output
    full, quarter = builtin_suite(), load_task_suite(out)
    assert quarter.heldout_tasks == full.heldout_tasks
    assert [t.id for t in quarter.train_tasks] == [t.id for t in full.train_tasks[::4]]
    assert {t.family for t in quarter.train_tasks} == {t.family for t in full.train_tasks}
    assert CliRunner().invoke(app, ["tasks", "export", str(out), "--train-every", "0"]).exit_code != 0
