"""Numbers and short text put into a stated display format: thousands separators, zero padding,
decimal places, money, percentages, accounting negatives, scientific and compact notation, card
number groups, ellipses, padding and brackets.

Every converter checks that its input is in the expected form, so no task's rule silently answers
another task's inputs (see the near-duplicate test). Decimals go through ``Decimal``, never float,
so rounding and trailing zeros are exact.
"""

from __future__ import annotations

import random
from decimal import ROUND_HALF_UP, Decimal

from hypernet.tasks.families._common import in_form, word, words
from hypernet.tasks.spec import spec

FAMILY = "formatting"
TEMPLATES = (
    "Display formatting: {p}.",
    "Make it presentable. {P}, and return only the formatted text.",
)
WHOLE = "a whole number"

def _digits(rng: random.Random, lo: int, hi: int) -> int:
    """A number of ``lo``..``hi`` digits, each length equally likely (not mostly long ones)."""
    n = rng.randint(lo, hi)
    return rng.randint(10 ** (n - 1), 10**n - 1)


def _plain(x: str) -> str:
    """A decimal number written plainly, without trailing zeros or an exponent ("0.075", "120")."""
    return format(Decimal(x).normalize(), "f")


# --- samplers ---------------------------------------------------------------------------------


def _grouped(rng: random.Random) -> str:
    # Half with cents: a slug drops the commas too, but also the decimal point.
    cents = f".{rng.randint(0, 99):02d}" if rng.random() < 0.5 else ""
    return f"{_digits(rng, 4, 8):,}{cents}"


def _padded(rng: random.Random) -> str:
    # Half decimals: a whole number with zeros in front is also what "the larger of two numbers"
    # (int() of a lone number) answers, so integers alone would make a near-duplicate.
    zeros = "0" * rng.randint(1, 3)
    if rng.random() < 0.5:
        return zeros + str(rng.randint(1, 9999))
    return zeros + f"{rng.randint(0, 999)}.{rng.randint(1, 99)}"


def _three_decimals(rng: random.Random) -> str:
    # The last digit is never 0, so the input does not already look rounded.
    places = rng.choice([2, 3, 3])
    frac = rng.randrange(1, 10**places)
    while frac % 10 == 0:
        frac = rng.randrange(1, 10**places)
    return f"{rng.randint(0, 999)}.{frac:0{places}d}"


def _short_decimal(rng: random.Random) -> str:
    whole = rng.randint(0, 9999)
    return str(whole) if rng.random() < 0.4 else f"{whole % 1000}.{rng.randint(0, 9)}"


def _trailing_zeros(rng: random.Random) -> str:
    significant = rng.randint(0, 3)  # decimals that stay; 0: the point goes too
    frac = "".join(str(rng.randint(0, 9)) for _ in range(significant - 1))
    frac += str(rng.randint(1, 9)) if significant else ""
    return f"{rng.randint(0, 999)}.{frac}{'0' * rng.randint(1, 2)}"


def _amount(rng: random.Random) -> str:
    dollars, cents = rng.randint(1, 99999), rng.randint(0, 99)
    style = rng.choice(["whole", "tenths", "cents", "cents"])
    if style == "whole":
        return str(dollars)
    if style == "tenths":
        return f"{dollars}.{cents // 10}"
    return f"{dollars}.{cents:02d}"


def _fraction(rng: random.Random) -> str:
    """A ratio such as 0.25, 0.075 or 1.2: mostly whole percentages up to 100, some with a tenth
    of a percent, some over 100."""
    draw = rng.random()
    if draw < 0.7:
        per_mille = 10 * rng.randint(1, 100)
    elif draw < 0.85:
        per_mille = rng.randint(1, 999)
    else:
        per_mille = 10 * rng.randint(101, 300)
    return _plain(str(Decimal(per_mille) / 1000))


def _signed(p_negative: float):
    def sample(rng: random.Random) -> str:
        n = _digits(rng, 1, 5)
        return f"-{n}" if rng.random() < p_negative else str(n)

    return sample


def _round_number(rng: random.Random) -> str:
    """A number with 1-3 significant digits and at least one trailing zero (1200, 40000)."""
    significant = rng.randint(1, 3)
    mantissa = _digits(rng, significant, significant)
    while significant > 1 and mantissa % 10 == 0:
        mantissa = _digits(rng, significant, significant)
    exponent = rng.randint(significant, 9)  # of the whole number, so there are trailing zeros
    return str(mantissa * 10 ** (exponent - significant + 1))


def _compactable(rng: random.Random) -> str:
    tenths = rng.randint(10, 9999)  # 1.0 to 999.9 thousands or millions
    return str(tenths * (100 if rng.random() < 0.5 else 100_000))


def _truncatable(rng: random.Random) -> str:
    return word(rng, 6, 9) if rng.random() < 0.8 else word(rng, 3, 5)


# --- solvers ----------------------------------------------------------------------------------


def _whole(x: str) -> int:
    return int(in_form(r"[1-9]\d*", x))


def _money(x: str) -> str:
    amount = Decimal(in_form(r"\d+(\.\d{1,2})?", x))
    return f"${amount:,.2f}"


def _truncate(x: str) -> str:
    w = in_form(r"[a-z]+", x)
    return w if len(w) <= 5 else w[:5] + "..."


def _strip_zeros(x: str) -> str:
    whole, dot, frac = in_form(r"0+\d*(\.\d+)?", x).partition(".")
    return str(int(whole)) + dot + frac


def _round_1(x: str) -> str:
    return str(Decimal(in_form(r"\d+\.\d{2,}", x)).quantize(Decimal("0.1"), ROUND_HALF_UP))


def _scientific(x: str) -> str:
    digits = in_form(r"[1-9]\d*0", x).rstrip("0")
    mantissa = digits[0] + (f".{digits[1:]}" if len(digits) > 1 else "")
    return f"{mantissa}e{len(x) - 1}"


def _compact(x: str) -> str:
    n = int(in_form(r"[1-9]\d{3,8}", x))
    unit, suffix = (10**6, "M") if n >= 10**6 else (1000, "k")
    tenths, rest = divmod(n * 10, unit)
    if rest:
        raise ValueError(f"{x} is not a whole number of tenths of a {suffix}")
    whole, frac = divmod(tenths, 10)
    return f"{whole}.{frac}{suffix}" if frac else f"{whole}{suffix}"


SPECS = [
    spec(
        "thousands_separators",
        WHOLE,
        [
            "insert commas as thousands separators",
            "write the number with a comma between each group of three digits",
            "group the digits in threes with commas, counting from the right",
            "add the commas that make a big number easier to read, like 1,234,567",
            "punctuate the figure the way English texts write large numbers",
        ],
        lambda x: f"{_whole(x):,}",
        sample=lambda rng: str(_digits(rng, 4, 8)),
        metric="strict",
        training_phrasings=[
            "add comma thousands separators",
            "stick a comma in after every three digits from the right so the number is easier to read",
            "format the integer with a comma as the digit-group separator every three places",
            "break the long number into comma-separated blocks of three digits, like 12,345,678",
        ],
    ),
    spec(
        "remove_thousands_separators",
        "a number written with comma thousands separators",
        [
            "remove the thousands separators from the number",
            "delete the commas between the digit groups, keeping any decimal point",
            "write the number without its grouping commas, like 1234567",
            "strip every comma out of the figure",
            "give the bare run of digits a computer would accept, with no commas",
        ],
        lambda x: in_form(r"[1-9]\d{0,2}(,\d{3})+(\.\d\d)?", x).replace(",", ""),
        sample=_grouped,
        metric="strict",
        training_phrasings=[
            "drop the commas from the number",
            "just take out all the commas, but leave the decimal point where it is",
            "delete every comma grouping separator from the numeral, preserving any decimal part unchanged",
            "ungroup the figure by erasing its commas, so 12,345.67 reads 12345.67",
        ],
    ),
    spec(
        "space_separated_thousands",
        WHOLE,
        [
            "separate the thousands with spaces instead of commas",
            "group the digits in threes with a space between the groups, like 1 234 567",
            "write the number in SI style, with spaces as thousands separators",
            "put a space before every block of three digits from the right",
            "format the figure the way French and scientific texts do, splitting it with blanks",
        ],
        lambda x: f"{_whole(x):,}".replace(",", " "),
        sample=lambda rng: str(_digits(rng, 4, 8)),
        metric="strict",
        training_phrasings=[
            "use spaces as thousands separators",
            "just put a space between every three digits, counting from the right end",
            "format the integer with a single space as the digit-group separator every three places",
            "break the number into space-separated blocks of three digits, like 12 345 678",
        ],
    ),
    spec(
        "zero_pad_5",
        "a whole number of at most four digits",
        [
            "pad the number with leading zeros to five digits",
            "write the number as exactly 5 digits, adding zeros at the front",
            "zero-fill the number to a width of five",
            "put zeros in front until the number is five characters long, like 00042",
            "turn the value into a fixed-width five-digit code",
        ],
        lambda x: in_form(r"[1-9]\d{0,3}", x).zfill(5),
        sample=lambda rng: str(_digits(rng, 1, 4)),
        metric="strict",
        training_phrasings=[
            "left-pad the number with zeros to 5 digits",
            "stick zeros on the front until there are five digits in total",
            "format the integer as a five-character string, filling the left side with 0s",
            "prepend as many 0s as it takes to make the number 5 digits long, like 00731",
        ],
    ),
    spec(
        "strip_leading_zeros",
        "a number with zeros in front",
        [
            "remove the leading zeros from the number",
            "drop the zeros at the start, keeping a single 0 before a decimal point",
            "strip the padding zeros so that 00420 becomes 420",
            "write the number without the unneeded zeros in front",
            "take away the extra noughts on the left of the value",
        ],
        _strip_zeros,
        sample=_padded,
        metric="strict",
        training_phrasings=[
            "get rid of the leading zeros",
            "chop off the zeros at the front, but leave one 0 if the number would otherwise start with a point",
            "remove all zero padding before the first significant digit, keeping one 0 ahead of a bare decimal point",
            "clean up the zero-padded number so 0007.25 reads 7.25 and 00.5 reads 0.5",
        ],
    ),
    spec(
        "round_to_1_decimal",
        "a decimal number",
        [
            "round the number to one decimal place",
            "round to the nearest tenth, with halves rounding up",
            "give the value rounded to 1 digit after the decimal point",
            "round off the decimal so that only one digit follows the point",
            "keep a single decimal, rounding the rest away",
        ],
        _round_1,
        sample=_three_decimals,
        metric="numeric",
        training_phrasings=[
            "round it to tenths",
            "round this off so there's just one digit after the point, with halves going up",
            "quantize the decimal value to a precision of 0.1 using round-half-up",
            "approximate the number to the nearest 0.1, so 2.46 reads 2.5",
        ],
    ),
    spec(
        "two_decimal_places",
        "a whole number or a number with one decimal",
        [
            "write the number with exactly two decimal places",
            "show the value with 2 digits after the decimal point, adding zeros as needed",
            "format the number to two decimals, so 7 becomes 7.00",
            "pad the decimals of the number out to two places",
            "present the amount with a point and two digits after it",
        ],
        lambda x: str(Decimal(in_form(r"\d+(\.\d)?", x)).quantize(Decimal("0.01"))),
        sample=_short_decimal,
        metric="strict",
        training_phrasings=[
            "give the number two decimal places",
            "tack on zeros so the number shows two digits after the decimal point, like 4.5 to 4.50",
            "format the value with a fixed precision of 2 decimal digits, zero-filling the fractional part",
            "rewrite the figure to hundredths, so 12 reads 12.00",
        ],
    ),
    spec(
        "drop_trailing_zeros",
        "a decimal number ending in zeros",
        [
            "remove the trailing zeros after the decimal point",
            "drop the zeros at the end of the decimals, and the point too if nothing is left",
            "shorten the number so it has no unnecessary zeros at the end, like 3.50 to 3.5",
            "write the decimal without its trailing zeros",
            "trim the needless noughts off the right-hand end of the value",
        ],
        lambda x: in_form(r"\d+\.\d*0", x).rstrip("0").rstrip("."),
        sample=_trailing_zeros,
        metric="strict",
        training_phrasings=[
            "strip the zeros that end the decimal part",
            "get rid of the zeros hanging off the end of the decimals, and lose the point if nothing's left after it",
            "remove insignificant trailing zeros after the decimal point, and the point itself if no digits remain",
            "cut the number down to its last nonzero decimal digit, so 2.400 reads 2.4 and 7.00 reads 7",
        ],
    ),
    spec(
        "money_format",
        "an amount of money as a plain number",
        [
            "format the amount as US dollars with a $ sign, comma separators and two decimals",
            "write the number as a dollar price like $1,234.50",
            "turn the plain amount into a currency string in dollars and cents",
            "show the sum the way an American invoice would, with $, commas and cents",
            "present the figure as money: dollar sign first, thousands grouped, two cent digits",
        ],
        _money,
        sample=_amount,
        metric="strict",
        training_phrasings=[
            "format the number as dollars, like $12,345.00",
            "make this look like a dollar price, with the $ in front, commas, and cents",
            "render the amount as a USD string with a leading $, comma grouping and exactly two decimals",
            "express the sum in dollars and cents, e.g. 1234.5 as $1,234.50",
        ],
    ),
    spec(
        "money_to_number",
        "a dollar price such as $1,234.50",
        [
            "remove the dollar sign and the commas from the price",
            "write the price as a plain number with its two decimals, like 1234.50",
            "strip the currency formatting and keep only digits and the decimal point",
            "turn the dollar string into a bare amount, dropping $ and the separators",
            "unformat the money into the raw number a spreadsheet cell would hold",
        ],
        lambda x: in_form(r"\$\d{1,3}(,\d{3})*\.\d\d", x)[1:].replace(",", ""),
        sample=lambda rng: f"${rng.randint(1, 99999):,}.{rng.randint(0, 99):02d}",
        metric="strict",
        training_phrasings=[
            "drop the $ and commas from the price",
            "lose the dollar sign and the commas, but keep both cents digits",
            "remove the currency symbol and thousands separators, leaving the digits and the point with two decimals",
            "convert the dollar price back to a plain figure, so $12,345.60 reads 12345.60",
        ],
    ),
    spec(
        "decimal_to_percent",
        "a decimal fraction such as 0.25",
        [
            "write the decimal as a percentage",
            "multiply by 100 and add a percent sign",
            "convert the fraction to a percent, like 0.25 to 25%",
            "express the ratio in per cent with a % sign",
            "say how many hundredths the value is, followed by %",
        ],
        lambda x: _plain(str(Decimal(in_form(r"\d+(\.\d+)?", x)) * 100)) + "%",
        sample=_fraction,
        metric="strict",
        training_phrasings=[
            "turn the decimal into a percent",
            "times it by a hundred and stick a % on the end",
            "scale the decimal fraction by 100 and append the percent symbol, dropping trailing zeros",
            "show the ratio as a percentage, like 0.075 as 7.5%",
        ],
    ),
    spec(
        "percent_to_decimal",
        "a percentage such as 25%",
        [
            "write the percentage as a decimal",
            "drop the percent sign and divide by 100",
            "convert the percent to a decimal fraction, like 25% to 0.25",
            "express the percentage as a plain ratio without the % sign",
            "turn the per cent figure into the number you would multiply by",
        ],
        lambda x: _plain(str(Decimal(in_form(r"\d+(\.\d+)?%", x)[:-1]) / 100)),
        sample=lambda rng: _plain(str(Decimal(_fraction(rng)) * 100)) + "%",
        metric="numeric",
        training_phrasings=[
            "change the percent into a decimal",
            "get rid of the % and divide by a hundred",
            "convert the percentage to its decimal ratio by dividing the value by 100 and removing the % symbol",
            "rewrite the percentage as a decimal fraction, so 7.5% reads 0.075",
        ],
    ),
    spec(
        "accounting_negative",
        "a whole number, possibly negative",
        [
            "write negative numbers in accounting style, in parentheses without the minus sign",
            "put a negative number in brackets instead of using a minus, and leave positive ones",
            "format the number as an accountant would, so -45 becomes (45)",
            "replace a leading minus sign with parentheses around the number",
            "show losses the bookkeeping way, wrapped in round brackets",
        ],
        lambda x: f"({x[1:]})" if in_form(r"-?[1-9]\d*", x)[0] == "-" else x,
        sample=_signed(0.7),
        metric="strict",
        training_phrasings=[
            "parenthesize negative numbers instead of using a minus",
            "if it's negative, swap the minus for brackets around the number, otherwise leave it be",
            "render negatives in accounting notation, as the absolute value in parentheses, leaving positives unchanged",
            "mark a negative amount by dropping its minus and enclosing the digits in ( and ), so -300 reads (300)",
        ],
    ),
    spec(
        "explicit_sign",
        "a whole number, possibly negative",
        [
            "always show the sign of the number, adding + in front of positive ones",
            "put a plus sign before the number unless it is negative",
            "write the number with an explicit + or - in front",
            "prefix positive numbers with + and leave negative ones as they are",
            "make sure every value starts with its sign, plus or minus",
        ],
        lambda x: x if in_form(r"-?[1-9]\d*", x)[0] == "-" else f"+{x}",
        sample=_signed(0.35),
        metric="strict",
        training_phrasings=[
            "prefix a + to positive numbers",
            "stick a plus in front if it's positive, and leave negatives alone",
            "format the integer with a mandatory leading sign character, + for positive and - for negative",
            "mark positive values with a leading plus, so 42 reads +42 and -7 stays -7",
        ],
    ),
    spec(
        "scientific_notation",
        "a round whole number such as 4500000",
        [
            "write the number in scientific notation using e, like 4.5e6",
            "convert the number to e-notation with one digit before the point",
            "express the value as a mantissa times a power of ten, written with e",
            "give the number in the exponent form calculators use, such as 3e4",
            "rewrite the figure compactly as significant digits followed by e and the power of 10",
        ],
        _scientific,
        sample=_round_number,
        metric="strict",
        training_phrasings=[
            "give the number in e-form, like 7.2e5",
            "write it the short scientific way, like 3.4e7 for 34000000",
            "normalize the integer to a mantissa in [1, 10) without trailing zeros, then e and the base-10 exponent",
            "turn the big round number into standard form written with an e, so 1200 reads 1.2e3",
        ],
    ),
    spec(
        "compact_number",
        "a whole number in the thousands or millions",
        [
            "abbreviate the number with k for thousands or M for millions",
            "write the number in short form like 1.5k or 2.3M",
            "shorten the figure with a k or M suffix and at most one decimal",
            "express the value in thousands (k) or millions (M)",
            "turn the count into the short style used for followers and views",
        ],
        _compact,
        sample=_compactable,
        metric="strict",
        training_phrasings=[
            "shorten the number using k or M",
            "just write it as so many k or so many M, like 12.5k or 3M",
            "divide by 1000 with suffix k, or from a million up by 1000000 with suffix M, showing one decimal only if nonzero",
            "express the count in thousands with a k or in millions with an M, so 2300000 reads 2.3M",
        ],
    ),
    spec(
        "card_number_groups",
        "a 16-digit card number",
        [
            "split the card number into four groups of four digits separated by spaces",
            "format the 16 digits like a credit card number, in blocks of 4",
            "put a space after every fourth digit of the card number",
            "write the card number as it is printed on the card, in four groups",
            "break the long number into quartets of digits with blanks between them",
        ],
        lambda x: " ".join(in_form(r"\d{16}", x)[i : i + 4] for i in range(0, 16, 4)),
        sample=lambda rng: str(_digits(rng, 16, 16)),
        metric="strict",
        training_phrasings=[
            "space the card number in fours",
            "split those 16 digits up into 4 chunks of 4 with a space between each chunk",
            "format the 16-digit card number as four space-separated 4-digit blocks",
            "write the card number the way it is embossed, like 1234 5678 9012 3456",
        ],
    ),
    spec(
        "truncate_with_ellipsis",
        "a single word",
        [
            "cut the word to its first five letters followed by ... if it is longer than five",
            "truncate the word to 5 characters and add an ellipsis, leaving short words alone",
            "shorten any word over five letters to five letters plus three dots",
            "abbreviate long words to 5 letters plus ..., as in eleph... for elephant",
            "clip the word after the fifth letter and mark the cut with an ellipsis",
        ],
        _truncate,
        sample=_truncatable,
        metric="strict",
        training_phrasings=[
            "cap a long word at its first 5 letters with ... on the end",
            "if the word has more than five letters, chop it to five and put ... after, but leave short words as they are",
            "truncate strings longer than 5 characters to their 5-character prefix followed by three periods",
            "abridge the word to its opening five letters with a trailing ..., unless it already has five or fewer",
        ],
    ),
    spec(
        "pad_with_dashes",
        "a single word",
        [
            "pad the word with dashes on the right to a width of 10 characters",
            "add hyphens after the word until it is ten characters long",
            "left-align the word in a field of 10, filling the rest with dashes",
            "fill out the word to exactly 10 characters using - at the end",
            "extend the word with trailing minus signs so the result is ten wide",
        ],
        lambda x: in_form(r"[a-z]{1,9}", x).ljust(10, "-"),
        sample=lambda rng: word(rng, 3, 8),
        metric="strict",
        training_phrasings=[
            "right-pad the word with - to 10 characters",
            "tack dashes onto the end of the word until it's 10 characters long",
            "left-justify the word in a 10-character field padded with hyphen characters",
            "fill the space after the word with dashes so the whole thing is ten characters, like cat-------",
        ],
    ),
    spec(
        "bracket_each_word",
        "a few words separated by spaces",
        [
            "put each word in square brackets",
            "wrap every word in [ and ], keeping the spaces between them",
            "enclose the words one by one in square brackets, like [red] [fox]",
            "surround each separate word with a pair of brackets",
            "give every word its own set of square braces",
        ],
        lambda x: " ".join(f"[{w}]" for w in in_form(r"[a-z]+( [a-z]+)*", x).split()),
        sample=lambda rng: " ".join(words(rng, 2, 4)),
        metric="strict",
        training_phrasings=[
            "square-bracket every word",
            "stick [ ] around each of the words, keeping the spaces",
            "enclose each space-separated token in square brackets, preserving the single spaces between tokens",
            "box each word in [ and ], so big dog reads [big] [dog]",
        ],
    ),
]


# --- training-only siblings -------------------------------------------------------------------


def _separated(name: str, sep: str, phrasings: list[str], *, training_phrasings=()):
    """Thousands grouped in threes with ``sep`` between the groups."""
    return spec(name, WHOLE, phrasings, lambda x: f"{_whole(x):,}".replace(",", sep),
                sample=lambda rng: str(_digits(rng, 4, 8)), metric="strict",
                training_phrasings=training_phrasings)


def _groups_of_four(x: str) -> str:
    # 5 to 9 digits only: a 16-digit card number grouped from the right is card_number_groups.
    digits = in_form(r"[1-9]\d{4,8}", x)
    head = len(digits) % 4
    groups = [digits[i : i + 4] for i in range(head, len(digits), 4)]
    return " ".join([digits[:head], *groups] if head else groups)


def _trim_both_ends(x: str) -> str:
    whole, _, frac = in_form(r"0+\d*\.\d*0", x).partition(".")
    frac = frac.rstrip("0")
    return str(int(whole)) + (f".{frac}" if frac else "")


def _pad(name: str, fill: str, width: int, phrasings: list[str], *, right_align: bool = False,
         training_phrasings=()):
    """The word filled out to ``width`` with ``fill`` (on the left if ``right_align``)."""

    def solve(x: str) -> str:
        w = in_form(rf"[a-z]{{1,{width - 1}}}", x)
        return w.rjust(width, fill) if right_align else w.ljust(width, fill)

    return spec(name, "a single word", phrasings, solve,
                sample=lambda rng: word(rng, 3, min(8, width - 1)), metric="strict",
                training_phrasings=training_phrasings)


# training-only siblings (``builtin_suite(extra=True)``): space_separated_thousands with other
# separators and group sizes, drop_trailing_zeros on other kinds of numbers, percent_to_decimal for
# other "per" units, pad_with_dashes with other fill characters, widths and sides
EXTRA_SPECS = [
    _separated("dot_separated_thousands", ".", [
        "separate the thousands with dots instead of commas",
        "group the digits in threes with a full stop between the groups, like 1.234.567",
        "write the number in German style, with dots as thousands separators",
        "put a dot before every block of three digits from the right",
        "format the figure the way continental Europe does, splitting it with periods",
    ], training_phrasings=[
        "use dots as thousands separators",
        "just put a dot between every three digits, counting from the right end",
        "format the integer with a period as the digit-group separator every three places",
        "break the number into dot-separated blocks of three digits, like 12.345.678",
    ]),  # fmt: skip
    _separated("apostrophe_separated_thousands", "'", [
        "separate the thousands with apostrophes instead of commas",
        "group the digits in threes with an apostrophe between the groups, like 1'234'567",
        "write the number in Swiss style, with apostrophes as thousands separators",
        "put an apostrophe before every block of three digits from the right",
        "format the figure the way Swiss banks print it, splitting it with single quotes",
    ], training_phrasings=[
        "use apostrophes as thousands separators",
        "just put an apostrophe between every three digits, counting from the right end",
        "format the integer with the ' character as the digit-group separator every three places",
        "break the number into apostrophe-separated blocks of three digits, like 12'345'678",
    ]),  # fmt: skip
    _separated("underscore_separated_thousands", "_", [
        "separate the thousands with underscores instead of commas",
        "group the digits in threes with an underscore between the groups, like 1_234_567",
        "write the number as a Python literal, with underscores as thousands separators",
        "put an underscore before every block of three digits from the right",
        "format the figure the way a programmer would in source code, splitting it with _",
    ], training_phrasings=[
        "use underscores as thousands separators",
        "just put an underscore between every three digits, counting from the right end",
        "format the integer with the _ character as the digit-group separator every three places",
        "break the number into underscore-separated blocks of three digits, like 12_345_678",
    ]),  # fmt: skip
    spec(
        "space_separated_groups_of_four",
        "a whole number of five to nine digits",
        [
            "group the digits in fours with spaces, counting from the right",
            "split the number into blocks of four digits separated by spaces, like 1 2345 6789",
            "put a space before every block of four digits from the right",
            "separate the digits in groups of 4 instead of the usual 3, using blanks",
            "format the figure in ten-thousands, the way Chinese and Japanese numbers are grouped",
        ],
        _groups_of_four,
        sample=lambda rng: str(_digits(rng, 5, 9)),
        metric="strict",
        training_phrasings=[
            "space the digits in fours from the right",
            "chop the number into chunks of four digits from the right end, with a space between chunks",
            "insert a space separator every four digits, counting from the least significant digit",
            "break the number into four-digit blocks starting at the right, so 1234567 reads 123 4567",
        ],
    ),
    spec(
        "drop_trailing_zeros_decimal_comma",
        "a decimal number with a decimal comma, ending in zeros",
        [
            "remove the trailing zeros after the decimal comma",
            "drop the zeros at the end of the decimals, and the comma too if nothing is left",
            "shorten the European-style number so no needless zeros end it, like 3,50 to 3,5",
            "write the comma decimal without its trailing zeros",
            "trim the useless noughts off the end of a number written with a comma for the point",
        ],
        lambda x: in_form(r"\d+,\d*0", x).rstrip("0").rstrip(","),
        sample=lambda rng: _trailing_zeros(rng).replace(".", ","),
        metric="strict",
        training_phrasings=[
            "strip the zeros that end the digits after the decimal comma",
            "get rid of the zeros at the end after the comma, and lose the comma if nothing's left after it",
            "remove insignificant trailing zeros after the decimal comma, and the comma itself if no digits remain",
            "cut the comma-decimal number down to its last nonzero digit, so 2,40 reads 2,4 and 7,00 reads 7",
        ],
    ),
    spec(
        "drop_trailing_zeros_percent",
        "a percentage with decimals ending in zeros",
        [
            "remove the trailing zeros after the decimal point of the percentage",
            "drop the zeros ending the decimals of the percent, and the point too if none are left",
            "shorten the percentage so it has no needless zeros at the end, like 12.50% to 12.5%",
            "write the percent value without its trailing zeros, keeping the % sign",
            "tidy the percentage by cutting the noughts off the end of its decimals",
        ],
        lambda x: in_form(r"\d+\.\d*0%", x)[:-1].rstrip("0").rstrip(".") + "%",
        sample=lambda rng: _trailing_zeros(rng) + "%",
        metric="strict",
        training_phrasings=[
            "strip the trailing zeros from the percentage's decimals",
            "get rid of the zeros ending the percent's decimals, and the point if nothing's left, but keep the %",
            "remove insignificant trailing zeros after the percentage's decimal point, and the point if no digits remain, retaining %",
            "shorten the percent figure to its last nonzero decimal digit, so 8.300% reads 8.3% and 40.0% reads 40%",
        ],
    ),
    spec(
        "trim_zeros_both_ends",
        "a decimal number with zeros in front and at the end",
        [
            "remove both the leading zeros and the trailing zeros from the number",
            "drop the zeros at the start and at the end, keeping a single 0 before the point",
            "strip the padding zeros from both sides, so 0042.500 becomes 42.5",
            "write the number with no needless zeros at either end, and no point if none follow",
            "trim the superfluous noughts off the left and the right of the value",
        ],
        _trim_both_ends,
        sample=lambda rng: "0" * rng.randint(1, 3) + _trailing_zeros(rng),
        metric="strict",
        training_phrasings=[
            "strip leading and trailing zeros from the number",
            "chop the zeros off the front and the back, keeping one 0 before a bare point and dropping a point with nothing after it",
            "remove the integer part's zero padding and the fraction's trailing zeros, keeping a lone 0 before the point and no point without decimals",
            "clean the zeros off both ends of the decimal, so 007.250 reads 7.25, 00.50 reads 0.5 and 03.00 reads 3",
        ],
    ),
    spec(
        "per_mille_to_decimal",
        "a per-mille value such as 25‰",
        [
            "write the per-mille value as a decimal",
            "drop the per-mille sign and divide by 1000",
            "convert the per mille to a decimal fraction, like 25‰ to 0.025",
            "express the parts per thousand as a plain ratio without the ‰ sign",
            "turn the per-mille figure into the number you would multiply by",
        ],
        lambda x: _plain(str(Decimal(in_form(r"\d+(\.\d+)?‰", x)[:-1]) / 1000)),
        sample=lambda rng: _plain(str(Decimal(_fraction(rng)) * 1000)) + "‰",
        metric="numeric",
        training_phrasings=[
            "change the per-mille value into a decimal",
            "get rid of the ‰ and divide by a thousand",
            "convert the per-mille value to its decimal ratio by dividing it by 1000 and removing the ‰ symbol",
            "rewrite the parts-per-thousand figure as a decimal fraction, so 75‰ reads 0.075",
        ],
    ),
    spec(
        "basis_points_to_decimal",
        "a number of basis points such as 250 bp",
        [
            "write the basis points as a decimal",
            "drop the bp and divide by 10000",
            "convert the basis points to a decimal fraction, like 250 bp to 0.025",
            "express the hundredths of a percent as a plain ratio",
            "turn the basis-point figure into the number you would multiply by",
        ],
        lambda x: _plain(str(Decimal(in_form(r"\d+ bp", x)[:-3]) / 10000)),
        sample=lambda rng: _plain(str(Decimal(_fraction(rng)) * 10000)) + " bp",
        metric="numeric",
        training_phrasings=[
            "change the basis points into a decimal",
            "get rid of the bp and divide by ten thousand",
            "convert the basis-point value to its decimal ratio by dividing it by 10000 and removing the bp unit",
            "rewrite the number of hundredths of a percent as a decimal fraction, so 75 bp reads 0.0075",
        ],
    ),
    spec(
        "percent_to_per_mille",
        "a percentage such as 25%",
        [
            "write the percentage as per mille",
            "multiply the percent by 10 and use the ‰ sign instead of %",
            "convert the percent to parts per thousand, like 2.5% to 25‰",
            "express the percentage in per mille with a ‰ sign",
            "say how many thousandths the percentage is, followed by ‰",
        ],
        lambda x: _plain(str(Decimal(in_form(r"\d+(\.\d+)?%", x)[:-1]) * 10)) + "‰",
        sample=lambda rng: _plain(str(Decimal(_fraction(rng)) * 100)) + "%",
        metric="strict",
        training_phrasings=[
            "turn the percent into per mille",
            "times the percent by ten and swap the % for a ‰",
            "convert the percentage to parts per thousand by multiplying by 10 and replacing the % symbol with ‰",
            "rewrite the percent figure in per-mille notation, so 7.5% reads 75‰",
        ],
    ),
    _pad("pad_with_stars", "*", 10, [
        "pad the word with asterisks on the right to a width of 10 characters",
        "add stars after the word until it is ten characters long",
        "left-align the word in a field of 10, filling the rest with asterisks",
        "fill out the word to exactly 10 characters using * at the end",
        "extend the word with trailing stars so the result is ten wide",
    ], training_phrasings=[
        "right-pad the word with * to 10 characters",
        "tack asterisks onto the end of the word until it's 10 characters long",
        "left-justify the word in a 10-character field padded with asterisk characters",
        "fill the space after the word with asterisks so the whole thing is ten characters, like cat*******",
    ]),  # fmt: skip
    _pad("pad_with_dots_to_12", ".", 12, [
        "pad the word with dots on the right to a width of 12 characters",
        "add full stops after the word until it is twelve characters long",
        "left-align the word in a field of 12, filling the rest with dots",
        "fill out the word to exactly 12 characters using . at the end",
        "extend the word with trailing periods so the result is twelve wide",
    ], training_phrasings=[
        "right-pad the word with . to 12 characters",
        "tack dots onto the end of the word until it's 12 characters long",
        "left-justify the word in a 12-character field padded with dot characters",
        "fill the space after the word with dots so cat turns into cat......... and every result is twelve characters long",
    ]),  # fmt: skip
    _pad("pad_with_underscores_to_8", "_", 8, [
        "pad the word with underscores on the right to a width of 8 characters",
        "add underscores after the word until it is eight characters long",
        "left-align the word in a field of 8, filling the rest with underscores",
        "fill out the word to exactly 8 characters using _ at the end",
        "extend the word with trailing underscores so the result is eight wide",
    ], training_phrasings=[
        "right-pad the word with _ to 8 characters",
        "tack underscores onto the end of the word until it's 8 characters long",
        "left-justify the word in an 8-character field padded with underscore characters",
        "fill the space after the word with _ so the whole thing is eight characters, like cat_____",
    ]),  # fmt: skip
    _pad("right_align_with_dashes", "-", 10, [
        "pad the word with dashes on the left to a width of 10 characters",
        "add hyphens before the word until it is ten characters long",
        "right-align the word in a field of 10, filling the front with dashes",
        "fill out the word to exactly 10 characters using - at the start",
        "push the word to the right of a ten-wide field with leading minus signs",
    ], training_phrasings=[
        "left-pad the word with - to 10 characters",
        "stick dashes in front of the word until it's 10 characters long",
        "right-justify the word in a 10-character field padded on the left with hyphen characters",
        "fill the space before the word with dashes so the whole thing is ten characters, like -------cat",
    ], right_align=True),  # fmt: skip
]
