"""The formatting and encoding task families: one spot check per task, round trips between the
encoders and decoders, and inputs in the wrong form refused."""

from __future__ import annotations

import random

import pytest

from hypernet.tasks.families import encoding, formatting

SOLVERS = {
    f"{module.FAMILY}.{s.name}": s.solve for module in (formatting, encoding) for s in module.SPECS
}

SPOT_CHECKS = [
    ("formatting.thousands_separators", "1234567", "1,234,567"),
    ("formatting.remove_thousands_separators", "1,234,567.25", "1234567.25"),
    ("formatting.space_separated_thousands", "1234567", "1 234 567"),
    ("formatting.zero_pad_5", "42", "00042"),
    ("formatting.strip_leading_zeros", "000.50", "0.50"),
    ("formatting.round_to_1_decimal", "12.35", "12.4"),  # half up, not to even
    ("formatting.two_decimal_places", "7", "7.00"),
    ("formatting.drop_trailing_zeros", "100.00", "100"),
    ("formatting.money_format", "1234.5", "$1,234.50"),
    ("formatting.money_to_number", "$1,234.50", "1234.50"),
    ("formatting.decimal_to_percent", "0.075", "7.5%"),
    ("formatting.percent_to_decimal", "120%", "1.2"),
    ("formatting.accounting_negative", "-45", "(45)"),
    ("formatting.explicit_sign", "42", "+42"),
    ("formatting.scientific_notation", "4500000", "4.5e6"),
    ("formatting.compact_number", "2300000", "2.3M"),
    ("formatting.card_number_groups", "1234567812345678", "1234 5678 1234 5678"),
    ("formatting.truncate_with_ellipsis", "elephant", "eleph..."),
    ("formatting.pad_with_dashes", "cat", "cat-------"),
    ("formatting.bracket_each_word", "red fox", "[red] [fox]"),
    ("encoding.word_to_ascii_codes", "Hi", "72 105"),
    ("encoding.ascii_codes_to_word", "99 97 116", "cat"),
    ("encoding.word_to_hex_bytes", "hi", "68 69"),
    ("encoding.hex_bytes_to_word", "63 61 74", "cat"),
    ("encoding.char_to_code_point", "é", "U+00E9"),
    ("encoding.code_point_to_char", "U+03B1", "α"),
    ("encoding.char_to_unicode_name", "ñ", "LATIN SMALL LETTER N WITH TILDE"),
    ("encoding.unicode_name_to_char", "GREEK CAPITAL LETTER OMEGA", "Ω"),
    ("encoding.char_to_html_entity", "é", "&eacute;"),
    ("encoding.url_encode", "salt & pepper?", "salt%20%26%20pepper%3F"),
    ("encoding.url_decode", "a%2Fb%20%3D%20c", "a/b = c"),
    ("encoding.form_encode", "salt & pepper", "salt+%26+pepper"),
    ("encoding.html_escape", "<b>a & b</b>", "&lt;b&gt;a &amp; b&lt;/b&gt;"),
    ("encoding.html_unescape", "x &lt; &quot;y&quot;", 'x < "y"'),
    ("encoding.escape_quotes", 'Ann said "hi"', 'Ann said \\"hi\\"'),
    ("encoding.unescape_quotes", 'Ann said \\"hi\\"', 'Ann said "hi"'),
    ("encoding.escape_backslashes", "C:\\Users\\ann", "C:\\\\Users\\\\ann"),
    ("encoding.unicode_escape", "São Paulo", "S\\u00e3o Paulo"),
    ("encoding.unicode_unescape", "Bogot\\u00e1", "Bogotá"),
    ("encoding.remove_accents", "Besançon", "Besancon"),
]


@pytest.mark.parametrize(("task_id", "given", "expected"), SPOT_CHECKS)
def test_spot_checks(task_id: str, given: str, expected: str) -> None:
    assert SOLVERS[task_id](given) == expected


def test_every_task_has_a_spot_check() -> None:
    assert {task_id for task_id, _, _ in SPOT_CHECKS} == set(SOLVERS)


@pytest.mark.parametrize("module", [formatting, encoding])
def test_family_shape(module) -> None:
    assert len(module.SPECS) >= 18 and len(module.TEMPLATES) == 2
    assert len({s.name for s in module.SPECS}) == len(module.SPECS)
    for s in module.SPECS:
        assert len(s.phrasings) >= 5 and len(set(s.phrasings)) == len(s.phrasings), s.name


def _inputs(task_id: str, n: int = 200) -> list[str]:
    family, name = task_id.split(".")
    (s,) = [s for s in (formatting if family == "formatting" else encoding).SPECS if s.name == name]
    if s.pool is not None:
        return list(s.pool())
    rng = random.Random(0)
    return [s.sample(rng) for _ in range(n)]


@pytest.mark.parametrize(
    ("forward", "back"),
    [
        ("formatting.thousands_separators", "formatting.remove_thousands_separators"),
        ("formatting.decimal_to_percent", "formatting.percent_to_decimal"),
        ("encoding.word_to_ascii_codes", "encoding.ascii_codes_to_word"),
        ("encoding.word_to_hex_bytes", "encoding.hex_bytes_to_word"),
        ("encoding.char_to_code_point", "encoding.code_point_to_char"),
        ("encoding.char_to_unicode_name", "encoding.unicode_name_to_char"),
        ("encoding.url_encode", "encoding.url_decode"),
        ("encoding.escape_quotes", "encoding.unescape_quotes"),
        ("encoding.unicode_escape", "encoding.unicode_unescape"),
    ],
)
def test_decoding_undoes_encoding(forward: str, back: str) -> None:
    for x in _inputs(forward):
        assert SOLVERS[back](SOLVERS[forward](x)) == x, (forward, x)


def test_samples_are_well_formed() -> None:
    for task_id in SOLVERS:
        inputs = _inputs(task_id, 100)
        unchanged = 0
        for x in inputs:
            y = SOLVERS[task_id](x)
            assert x == x.strip() and y == y.strip() and "\n" not in x + y, (task_id, x, y)
            assert 0 < len(x) <= 120 and 0 < len(y) <= 100, (task_id, x, y)
            unchanged += y == x
        # Only accounting (positives) and truncation (short words) leave some inputs as they are.
        assert unchanged <= 0.4 * len(inputs), task_id
    for x in _inputs("formatting.round_to_1_decimal"):
        assert len(SOLVERS["formatting.round_to_1_decimal"](x).split(".")[1]) == 1
    for x in _inputs("encoding.remove_accents"):
        assert SOLVERS["encoding.remove_accents"](x).isascii()


@pytest.mark.parametrize(
    ("task_id", "wrong"),
    [
        ("formatting.remove_thousands_separators", "17, 25"),  # a pair of numbers
        ("formatting.strip_leading_zeros", "420"),  # nothing to strip
        ("formatting.compact_number", "1234"),  # not a whole number of tenths of a k
        ("formatting.money_to_number", "1234.50"),  # no dollar sign
        ("encoding.ascii_codes_to_word", "3 1 20"),  # A1Z26 positions, not ASCII codes
        ("encoding.unicode_name_to_char", "grinning face"),  # an emoji name, another task's input
        ("encoding.url_decode", "plain words"),
    ],
)
def test_inputs_in_another_form_are_refused(task_id: str, wrong: str) -> None:
    with pytest.raises((ValueError, KeyError)):
        SOLVERS[task_id](wrong)
