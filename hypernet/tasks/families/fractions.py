"""Fractions, decimals and percentages with exact answers: simplify, convert, compare, add, take a
part of a number. Inputs are bare ("6/8", "35%", "2/9 + 5/9"); fractions in answers are written
"3/4", mixed numbers "2 3/4".

Samplers avoid inputs whose answer could be written two ways (an unreduced sum such as 2/8 + 4/8),
and solvers reject inputs of another shape, so no task's rule answers another's inputs.
"""

from __future__ import annotations

import math
import random
import re
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from hypernet.tasks.families._common import balanced, yes_no
from hypernet.tasks.spec import spec

FAMILY = "fractions"
TEMPLATES = (
    "Fractions practice: {p}.",
    "Work with fractions and percentages. {P}.",
)
FRACTION = "a fraction such as 6/8"
PERCENT = "a percentage such as 35%"
DECIMAL = "a decimal number such as 0.75"
TWO_FRACTIONS = "two comma-separated fractions"

_FRACTION = re.compile(r"(\d+)/(\d+)")
_DECIMAL = re.compile(r"\d+\.\d+")
_PERCENT = re.compile(r"(\d+)%")


def _match(pattern: re.Pattern[str], x: str) -> re.Match[str]:
    m = pattern.fullmatch(x)
    if m is None:
        raise ValueError(f"{x!r} does not match {pattern.pattern}")
    return m


def _fraction(x: str) -> Fraction:
    """The value of "6/8" (not of "6" or "0.75": those belong to other tasks)."""
    a, b = _match(_FRACTION, x).groups()
    return Fraction(int(a), int(b))


def _terms(x: str) -> tuple[int, int]:
    """Numerator and denominator as written (unreduced)."""
    a, b = _match(_FRACTION, x).groups()
    return int(a), int(b)


def _show(f: Fraction) -> str:
    return f"{f.numerator}/{f.denominator}"


def _decimal(f: Fraction) -> str:
    """A terminating fraction as a decimal ("0.375", "1.5", "2")."""
    d = Decimal(f.numerator) / Decimal(f.denominator)
    if Fraction(d) != f:
        raise ValueError(f"{f} has no short decimal form")
    return format(d.normalize(), "f")


def _whole(value: Fraction, x: str) -> str:
    if value.denominator != 1:
        raise ValueError(f"no whole-number answer for {x!r}")
    return str(value.numerator)


def _percent(x: str) -> int:
    return int(_match(_PERCENT, x).group(1))


def _two(x: str, sep: str) -> tuple[Fraction, Fraction]:
    """The two fractions of "a/b<sep>c/d"."""
    left, right = x.split(sep)
    return _fraction(left), _fraction(right)


def _same_denominator(x: str, sep: str) -> tuple[int, int, int]:
    (a, b), (c, d) = (_terms(part) for part in x.split(sep))
    if b != d:
        raise ValueError(f"denominators differ: {x!r}")
    return a, c, b


# --- samplers ------------------------------------------------------------------------------------


def _proper(rng: random.Random, lo: int = 2, hi: int = 12) -> Fraction:
    """A proper fraction in lowest terms with a denominator in ``lo``..``hi``."""
    b = rng.randint(lo, hi)
    while math.gcd(a := rng.randint(1, b - 1), b) != 1:
        pass
    return Fraction(a, b)


def _unreduced(rng: random.Random) -> str:
    """A fraction that can be simplified, proper about two times in three."""
    while True:
        f = Fraction(rng.randint(1, 20), rng.randint(2, 12))
        if f.denominator > 1 and (f < 1 or rng.random() < 1 / 3):
            k = rng.randint(2, 8)
            return f"{f.numerator * k}/{f.denominator * k}"


def _terminating() -> list[str]:
    """Every proper a/b (reduced or not) with b in 2..50 whose decimal has at most three places."""
    return [f"{a}/{b}" for b in range(2, 51) if 1000 % b == 0 for a in range(1, b)]


def _short_decimals() -> list[str]:
    """Decimals below 2 with at most three places whose fraction has a denominator up to 100."""
    denominators = (2, 4, 5, 8, 10, 20, 25, 40, 50, 100)
    values = {Fraction(a, b) for b in denominators for a in range(1, 2 * b)}
    return sorted(_decimal(f) for f in values if f.denominator > 1)


def _whole_percent_fractions() -> list[str]:
    """Every proper a/b with b up to 50 that is a whole percentage."""
    return [f"{a}/{b}" for b in range(2, 51) for a in range(1, b) if 100 * a % b == 0]


def _same_denominator_pair(op: str):
    """Two fractions over one denominator whose sum or difference is proper and in lowest terms."""

    def sample(rng: random.Random) -> str:
        while True:
            d, a, c = rng.randint(3, 20), rng.randint(1, 19), rng.randint(1, 19)
            result = a + c if op == "+" else a - c
            if 0 < result < d and a < d and c < d and math.gcd(result, d) == 1:
                return f"{a}/{d} {op} {c}/{d}"

    return sample


def _fraction_pair(rng: random.Random) -> str:
    while True:
        f, g = _proper(rng, 2, 12), _proper(rng, 2, 12)
        if f != g and f.denominator != g.denominator:
            return f"{_show(f)}, {_show(g)}"


def _reciprocal_input(rng: random.Random) -> str:
    """A whole number, a unit fraction or another fraction in lowest terms (mostly two-digit parts,
    so that writing the input backwards is not the answer)."""
    r = rng.random()
    if r < 0.2:
        return str(rng.randint(2, 40))
    if r < 0.4:
        return f"1/{rng.randint(2, 40)}"
    while True:
        a, b = rng.randint(2, 40), rng.randint(2, 40)
        if a != b and math.gcd(a, b) == 1:
            return f"{a}/{b}"


def _mixed_parts(rng: random.Random) -> tuple[int, int, int]:
    """Whole part, numerator and denominator of a mixed number with a reduced fraction part."""
    f = _proper(rng, 2, 12)
    return rng.randint(1, 9), f.numerator, f.denominator


def _improper_input(rng: random.Random) -> str:
    whole, a, b = _mixed_parts(rng)
    return f"{whole * b + a}/{b}"


def _mixed_input(rng: random.Random) -> str:
    whole, a, b = _mixed_parts(rng)
    return f"{whole} {a}/{b}"


def _terminating_mixed() -> list[str]:
    """Every mixed number 1..9 and a reduced proper fraction whose decimal has at most 2 places."""
    return [
        f"{whole} {a}/{b}"
        for whole in range(1, 10)
        for b in (2, 4, 5, 10, 20, 25)
        for a in range(1, b)
        if math.gcd(a, b) == 1
    ]


def _whole_share(rng: random.Random, percents: list[int], hi: int) -> tuple[int, int]:
    """A percentage and a number up to ``hi`` of which it is a whole amount (each percentage as
    often as the others: rejecting draws would favour those that divide evenly more often)."""
    p = rng.choice(percents)
    step = 100 // math.gcd(p, 100)
    return p, step * rng.randint(1, hi // step)


def _increase_input(rng: random.Random) -> str:
    p, n = _whole_share(rng, [10, 20, 25, 50, 100], 200)  # small steps: one multiplication
    return f"{n} + {p}%"


def _percent_of(rng: random.Random) -> str:
    p, n = _whole_share(rng, [5, 10, 20, 25, 30, 40, 50, 60, 75, 80, 90, 150, 200], 400)
    return f"{p}% of {n}"


def _fraction_of(rng: random.Random) -> str:
    f = _proper(rng, 2, 10)
    return f"{_show(f)} of {f.denominator * rng.randint(1, 12)}"


def _equivalent_input(rng: random.Random) -> str:
    f = _proper(rng, 2, 12)
    return f"{_show(f)} = ?/{f.denominator * rng.randint(2, 10)}"


def _product_input(rng: random.Random) -> str:
    """Two fractions whose product needs no simplifying (so "multiply across" is the whole rule)."""
    while True:
        a, b, c, d = (rng.randint(1, 9) for _ in range(4))
        if min(b, d) > 1 and a != b and c != d and math.gcd(a * c, b * d) == 1:
            return f"{a}/{b} * {c}/{d}"


def _half_input(rng: random.Random) -> str:
    while (f := Fraction(rng.randint(1, 19), rng.randint(3, 20))) >= 1 or f == Fraction(1, 2):
        pass
    return _show(f)


# --- solvers -------------------------------------------------------------------------------------


def _simplify(x: str) -> str:
    f = _fraction(x)
    if f.denominator == 1 or _terms(x) == (f.numerator, f.denominator):
        raise ValueError(f"{x!r} does not simplify to a fraction")
    return _show(f)


def _decimal_to_fraction(x: str) -> str:
    return _show(Fraction(_match(_DECIMAL, x).group()))


def _fraction_to_percent(x: str) -> str:
    return _whole(100 * _fraction(x), x) + "%"


def _add_same(x: str) -> str:
    a, c, d = _same_denominator(x, " + ")
    return f"{a + c}/{d}"


def _subtract_same(x: str) -> str:
    a, c, d = _same_denominator(x, " - ")
    return f"{a - c}/{d}"


def _larger(x: str) -> str:
    f, g = _two(x, ", ")
    if f == g:
        raise ValueError(f"equal fractions: {x!r}")
    return x.split(", ")[0 if f > g else 1]


def _reciprocal(x: str) -> str:
    a, b = (int(x), 1) if x.isdigit() else _terms(x)
    if a == 0 or math.gcd(a, b) != 1:  # "6/8" would turn into "8/6" or "4/3"
        raise ValueError(f"expected a whole number or a fraction in lowest terms: {x!r}")
    return str(b) if a == 1 else f"{b}/{a}"


def _to_mixed(x: str) -> str:
    a, b = _terms(x)
    whole, rest = divmod(a, b)
    if whole == 0 or rest == 0 or math.gcd(rest, b) != 1:
        raise ValueError(f"expected an improper fraction that is not whole: {x!r}")
    return f"{whole} {rest}/{b}"


def _from_mixed(x: str) -> Fraction:
    """The value of "2 3/4"."""
    whole, part = x.split(" ")
    f = _fraction(part)
    if not 0 < f < 1:
        raise ValueError(f"not a mixed number: {x!r}")
    return int(whole) + f


def _increase_by_percent(x: str) -> str:
    n, p = x.split(" + ")
    return _whole(int(n) * Fraction(100 + _percent(p), 100), x)


def _percent_of_number(x: str) -> str:
    p, n = x.split(" of ")
    return _whole(Fraction(_percent(p) * int(n), 100), x)


def _fraction_of_number(x: str) -> str:
    f, n = x.split(" of ")
    return _whole(_fraction(f) * int(n), x)


def _equivalent(x: str) -> str:
    f, target = x.split(" = ?/")
    return _whole(_fraction(f) * int(target), x)


def _multiply(x: str) -> str:
    f, g = _two(x, " * ")
    return _show(f * g)


def _more_than_half(x: str) -> str:
    f = _fraction(x)
    if f == Fraction(1, 2):
        raise ValueError(f"exactly a half: {x!r}")
    return yes_no(f > Fraction(1, 2))


def _common_denominator(x: str) -> str:
    f, g = _two(x, ", ")
    return str(math.lcm(f.denominator, g.denominator))


def _one_minus(x: str) -> str:
    f = _fraction(x)
    if not 0 < f < 1:
        raise ValueError(f"not a proper fraction: {x!r}")
    return _show(1 - f)


SPECS = [
    spec(
        "simplify",
        FRACTION,
        [
            "simplify the fraction to lowest terms",
            "reduce the fraction as far as it goes",
            "divide the top and bottom by their greatest common divisor",
            "write the fraction in its simplest form",
            "cancel every common factor out of the numerator and the denominator",
        ],
        _simplify,
        sample=_unreduced,
        metric="strict",
        training_phrasings=[
            "put the fraction in lowest terms",
            "knock the fraction down to its simplest version, like 6/8 to 3/4",
            "return the irreducible form of the fraction as numerator/denominator",
            "scale down the top and bottom numbers by the largest factor they share",
        ],
    ),
    spec(
        "fraction_to_decimal",
        FRACTION,
        [
            "convert the fraction to a decimal",
            "write the fraction as a decimal number",
            "divide the numerator by the denominator and give the exact decimal",
            "express the fraction in decimal form",
            "turn the fraction into the number with a decimal point that has the same value",
        ],
        lambda x: _decimal(_fraction(x)),
        pool=_terminating,
        metric="numeric",
        training_phrasings=[
            "give the exact decimal for the fraction",
            "work out what the fraction is as a decimal, like 3/8 is 0.375",
            "compute the exact terminating decimal expansion of the fraction",
            "rewrite the fraction in decimal notation",
        ],
    ),
    spec(
        "decimal_to_fraction",
        DECIMAL,
        [
            "convert the decimal to a fraction in lowest terms",
            "write the decimal number as a simplified fraction",
            "express the decimal as a fraction with the smallest possible denominator",
            "turn the decimal into a reduced fraction, improper if it is more than one",
            "rewrite the number with a decimal point as top over bottom, fully cancelled",
        ],
        _decimal_to_fraction,
        pool=_short_decimals,
        metric="strict",
        training_phrasings=[
            "give the decimal as a reduced fraction",
            "turn the decimal into a fraction and simplify it all the way, like 0.75 to 3/4",
            "return the decimal as numerator/denominator in lowest terms, improper when the value exceeds one",
            "find the simplest fraction equal to the decimal number",
        ],
    ),
    spec(
        "percent_to_fraction",
        PERCENT,
        [
            "convert the percentage to a fraction in lowest terms",
            "write the percent as a simplified fraction",
            "express the percentage as a reduced fraction, improper if it is over 100%",
            "put the percent over 100 and simplify",
            "turn so many per cent into numerator over denominator, fully cancelled",
        ],
        lambda x: _show(Fraction(_percent(x), 100)),
        pool=lambda: [f"{p}%" for p in range(1, 200) if p % 100],
        metric="strict",
        training_phrasings=[
            "give the percentage as a reduced fraction",
            "make the percent into a fraction and simplify it all the way, like 35% to 7/20",
            "return the percentage as numerator/denominator in lowest terms, improper when it exceeds 100%",
            "write the percent as hundredths and cancel down to the smallest terms",
        ],
    ),
    spec(
        "mixed_to_decimal",
        "a mixed number such as 2 3/4",
        [
            "convert the mixed number to a decimal",
            "write the mixed number as a decimal number",
            "keep the whole part and turn the fraction part into decimal places",
            "express the mixed number in decimal form, so 2 3/4 becomes 2.75",
            "say what the wholes plus the leftover part come to with a decimal point",
        ],
        lambda x: _decimal(_from_mixed(x)),
        pool=_terminating_mixed,
        metric="numeric",
        training_phrasings=[
            "give the mixed number as a decimal",
            "turn the mixed number into a decimal, like 1 1/2 is 1.5",
            "compute the exact decimal value of the whole part plus the fractional part",
            "rewrite the mixed number in decimal notation",
        ],
    ),
    spec(
        "fraction_to_percent",
        FRACTION,
        [
            "convert the fraction to a percentage",
            "write the fraction as a percent",
            "multiply the fraction by 100 and add a percent sign",
            "express the fraction as a whole-number percentage",
            "say how many per cent of the whole the fraction stands for",
        ],
        _fraction_to_percent,
        pool=_whole_percent_fractions,
        metric="strict",  # the lenient "exact" score would accept the number without its % sign
        training_phrasings=[
            "give the fraction as a percent",
            "turn the fraction into a percentage, like 3/4 is 75%",
            "scale the fraction by 100 and output the whole-number result followed by %",
            "rewrite the fraction as so many parts per hundred with a % sign",
        ],
    ),
    spec(
        "increase_by_percent",
        "a number plus a percentage, such as 80 + 25%",
        [
            "increase the number by the percentage",
            "add the given percent of the number to the number itself",
            "work out the new amount after a rise of that many per cent",
            "raise the value by the percentage and give the result",
            "say what the quantity grows to once that share per hundred is added on",
        ],
        _increase_by_percent,
        sample=_increase_input,
        metric="numeric",
        training_phrasings=[
            "add the percentage on to the number",
            "bump the number up by that percent and tell me the new total",
            "multiply the number by one plus the percentage over 100",
            "apply the percentage increase to the amount, so 80 + 25% gives 100",
        ],
    ),
    spec(
        "add_same_denominator",
        "two fractions with the same denominator joined by +",
        [
            "add the two fractions that share a denominator",
            "give the sum of the fractions by adding the numerators and keeping the denominator",
            "compute the total of the two like fractions",
            "work out what the two fractions with equal denominators add up to",
            "put the numerators together over the common bottom number",
        ],
        _add_same,
        sample=_same_denominator_pair("+"),
        metric="strict",
        training_phrasings=[
            "add the like fractions",
            "sum up the two fractions, since they have the same denominator already",
            "return the sum of the fractions as the sum of the numerators over the shared denominator",
            "combine the two fractions into their total, like 2/7 + 3/7 = 5/7",
        ],
    ),
    spec(
        "subtract_same_denominator",
        "two fractions with the same denominator joined by -",
        [
            "subtract the second fraction from the first when they share a denominator",
            "give the difference by subtracting the numerators and keeping the denominator",
            "compute the first like fraction minus the second",
            "work out what is left when the second fraction is taken from the first",
            "take the second numerator from the first and keep the common bottom number",
        ],
        _subtract_same,
        sample=_same_denominator_pair("-"),
        metric="strict",
        training_phrasings=[
            "subtract the like fractions",
            "take the second fraction away from the first, since they already share a denominator",
            "return the difference as the first numerator minus the second over the shared denominator",
            "deduct the second fraction from the first, like 5/9 - 1/9 = 4/9",
        ],
    ),
    spec(
        "larger_fraction",
        TWO_FRACTIONS,
        [
            "return the larger of the two fractions",
            "pick the fraction with the greater value",
            "write whichever fraction is bigger",
            "compare the fractions and give the greater one",
            "say which of the two fractions is worth more by copying it",
        ],
        _larger,
        sample=_fraction_pair,
        metric="strict",
        training_phrasings=[
            "give the bigger fraction",
            "tell me the bigger of the two fractions, written as it appears",
            "output the fraction of greater value, exactly as written in the input",
            "choose the greater fraction of the pair",
        ],
    ),
    spec(
        "reciprocal",
        "a whole number or a fraction in lowest terms",
        [
            "give the reciprocal of the number",
            "turn the fraction upside down, writing 1/n for a whole number n and n for 1/n",
            "find the multiplicative inverse, as a fraction or whole number",
            "swap the numerator and the denominator",
            "work out what the value must be multiplied by to make exactly one",
        ],
        _reciprocal,
        sample=_reciprocal_input,
        metric="strict",
        training_phrasings=[
            "take the reciprocal",
            "flip the fraction over, so 3/7 becomes 7/3, 5 becomes 1/5 and 1/4 becomes 4",
            "compute 1 divided by the value, as a fraction a/b or as a whole number when the denominator would be 1",
            "write one over the number, simplified, like 1/5 for 5",
        ],
    ),
    spec(
        "improper_to_mixed",
        "an improper fraction such as 11/4",
        [
            "convert the improper fraction to a mixed number",
            "write the fraction as a whole number and a proper fraction, like 2 3/4",
            "split the top-heavy fraction into wholes and a remainder fraction",
            "express the fraction as a mixed number",
            "say how many wholes the fraction holds and what part is left, with a space between",
        ],
        _to_mixed,
        sample=_improper_input,
        metric="strict",
        training_phrasings=[
            "make the improper fraction a mixed number",
            "turn the fraction into wholes plus a bit left over, like 7/3 is 2 1/3",
            "output the integer quotient, a space, then the remainder over the original denominator",
            "rewrite the top-heavy fraction in mixed-number form",
        ],
    ),
    spec(
        "mixed_to_improper",
        "a mixed number such as 2 3/4",
        [
            "convert the mixed number to an improper fraction",
            "write the mixed number as a single top-heavy fraction",
            "multiply the whole part by the denominator, add the numerator, keep the denominator",
            "express the mixed number as one fraction",
            "turn the wholes and the leftover part into one numerator over the same bottom number",
        ],
        lambda x: _show(_from_mixed(x)),
        sample=_mixed_input,
        metric="strict",
        training_phrasings=[
            "make the mixed number an improper fraction",
            "squash the whole number and fraction into a single fraction, like 2 1/3 is 7/3",
            "return the whole part times the denominator plus the numerator, over the denominator",
            "rewrite the mixed number in improper-fraction form",
        ],
    ),
    spec(
        "percent_of_number",
        "a percentage of a number, such as 25% of 80",
        [
            "work out the percentage of the number",
            "compute the given percent of the amount",
            "find what the percentage of the number comes to",
            "multiply the number by the percent and divide by 100",
            "say how much that share per hundred of the quantity is",
        ],
        _percent_of_number,
        sample=_percent_of,
        metric="numeric",
        training_phrasings=[
            "take the percentage of the number",
            "figure out how much that percent of the number is, like 25% of 80 is 20",
            "compute the percentage times the number divided by 100",
            "calculate the given percentage share of the value",
        ],
    ),
    spec(
        "fraction_of_number",
        "a fraction of a number, such as 3/4 of 20",
        [
            "work out the fraction of the number",
            "compute the given fraction of the amount",
            "divide the number by the denominator and multiply by the numerator",
            "find what that fraction of the quantity is",
            "say how much the stated part of the whole number comes to",
        ],
        _fraction_of_number,
        sample=_fraction_of,
        metric="numeric",
        training_phrasings=[
            "take the fraction of the number",
            "figure out how much that fraction of the number is, like 3/4 of 20 is 15",
            "compute the number times the fraction",
            "calculate the given fractional share of the value",
        ],
    ),
    spec(
        "equivalent_numerator",
        "an equation between a fraction and one with a ? numerator, such as 3/4 = ?/20",
        [
            "find the numerator that makes the two fractions equal",
            "replace the question mark so that the second fraction equals the first",
            "scale the fraction up to the new denominator and give the new numerator",
            "work out the missing top number of the equivalent fraction",
            "say what goes over the larger denominator to keep the same value",
        ],
        _equivalent,
        sample=_equivalent_input,
        metric="numeric",
        training_phrasings=[
            "fill in the missing numerator",
            "figure out what number replaces the ? so both fractions are equal, like 15 for 3/4 = ?/20",
            "compute the new numerator as the original numerator times the new denominator divided by the original denominator",
            "solve for the unknown top number in the equivalent fraction",
        ],
    ),
    spec(
        "multiply_fractions",
        "two fractions joined by *",
        [
            "multiply the two fractions",
            "give the product of the fractions",
            "multiply the numerators together and the denominators together",
            "compute the first fraction times the second",
            "work out what you get when one fraction is taken times the other",
        ],
        _multiply,
        sample=_product_input,
        metric="strict",
        training_phrasings=[
            "find the product of the two fractions",
            "times the fractions together, like 2/3 * 4/5 = 8/15",
            "return the product as the numerators multiplied over the denominators multiplied",
            "calculate the fraction you get by multiplying the pair together",
        ],
    ),
    spec(
        "more_than_half",
        FRACTION,
        [
            "say yes if the fraction is more than one half and no otherwise",
            "tell me whether the fraction is bigger than 1/2, yes or no",
            "answer yes when the numerator is more than half the denominator, else no",
            "check if the fraction exceeds a half",
            "decide whether the fraction is over 0.5, replying yes or no",
        ],
        _more_than_half,
        sample=balanced(_half_input, lambda x: _more_than_half(x) == "yes"),
        training_phrasings=[
            "answer yes if the fraction is above 1/2, otherwise no",
            "let me know with yes or no if the fraction is greater than a half",
            "output yes when twice the numerator exceeds the denominator, and no otherwise",
            "judge whether the fraction is larger than one half, answering yes or no",
        ],
    ),
    spec(
        "common_denominator",
        TWO_FRACTIONS,
        [
            "give the lowest common denominator of the two fractions",
            "find the least common multiple of the two denominators",
            "work out the smallest denominator both fractions can be written over",
            "compute the least common denominator",
            "say what the smallest shared bottom number for the pair of fractions would be",
        ],
        _common_denominator,
        sample=_fraction_pair,
        metric="numeric",
        training_phrasings=[
            "find the LCD of the two fractions",
            "figure out the smallest number both denominators divide into",
            "return the least common multiple of b and d for the fractions a/b and c/d",
            "compute the lowest number that is a multiple of each denominator",
        ],
    ),
    spec(
        "one_minus",
        "a proper fraction in lowest terms",
        [
            "subtract the fraction from one",
            "give the fraction that is left when this part is taken from a whole",
            "compute 1 minus the fraction",
            "find the complement of the fraction, what it needs to make a whole",
            "work out the remaining share once this portion of the whole is gone",
        ],
        _one_minus,
        sample=lambda rng: _show(_proper(rng, 2, 30)),
        metric="strict",
        training_phrasings=[
            "take the fraction away from 1",
            "tell me what's left of one whole after you take this fraction out, like 3/5 for 2/5",
            "compute the denominator minus the numerator, over the denominator",
            "give the missing part that brings the fraction up to one whole",
        ],
    ),
]


# --- training-only siblings ----------------------------------------------------------------------


def _terminates(f: Fraction) -> bool:
    d = f.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    return d == 1


def _improper_terminating() -> list[str]:
    """Every a/b between 1 and 3, not whole, b in 2..50, whose decimal has at most three places."""
    return [f"{a}/{b}" for b in range(2, 51) if 1000 % b == 0 for a in range(b + 1, 3 * b) if a % b]


def _repeating() -> list[str]:
    """Every proper a/b (reduced or not) with b in 3..30 whose decimal never ends."""
    return [f"{a}/{b}" for b in range(3, 31) for a in range(1, b)
            if not _terminates(Fraction(a, b))]  # fmt: skip


def _improper_to_decimal(x: str) -> str:
    f = _fraction(x)
    if f < 1 or f.denominator == 1:  # proper fractions are fraction_to_decimal's task
        raise ValueError(f"not an improper fraction with a fractional part: {x!r}")
    return _decimal(f)


def _rounded(places: int):
    """A fraction with a never-ending decimal, rounded to ``places`` (no ties can occur)."""

    def solve(x: str) -> str:
        f = _fraction(x)
        if _terminates(f):  # an exact decimal is fraction_to_decimal's task
            raise ValueError(f"{x!r} has an exact decimal form")
        exact = Decimal(f.numerator) / Decimal(f.denominator)
        return str(exact.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP))

    return solve


def _written_extreme(x: str, pick) -> str:
    """Whichever of three comma-separated fractions ``pick`` (max or min) chooses, as written."""
    parts = x.split(", ")
    values = [_fraction(p) for p in parts]
    if len(parts) != 3 or len(set(values)) != 3:
        raise ValueError(f"expected three fractions of different values: {x!r}")
    return parts[values.index(pick(values))]


def _fraction_triple(rng: random.Random) -> str:
    while True:
        fs = [_proper(rng, 2, 12) for _ in range(3)]
        if len(set(fs)) == 3 and len({f.denominator for f in fs}) == 3:
            return ", ".join(_show(f) for f in fs)


def _smaller(x: str) -> str:
    f, g = _two(x, ", ")
    if f == g:
        raise ValueError(f"equal fractions: {x!r}")
    return x.split(", ")[0 if f < g else 1]


def _remaining(x: str) -> str:
    f, n = x.split(" of ")
    return _whole((1 - _fraction(f)) * int(n), x)


def _whole_from_part_input(rng: random.Random) -> str:
    f = _proper(rng, 2, 10)
    whole = f.denominator * rng.randint(1, 12)
    return f"{_show(f)} of ? = {f * whole}"


def _whole_from_part(x: str) -> str:
    f, part = x.split(" of ? = ")
    return _whole(int(part) / _fraction(f), x)


def _decimal_of_input(rng: random.Random) -> str:
    while (f := _proper(rng, 2, 10)).denominator not in (2, 4, 5, 10):
        pass
    return f"{_decimal(f)} of {f.denominator * rng.randint(1, 12)}"


def _decimal_of_number(x: str) -> str:
    d, n = x.split(" of ")
    return _whole(Fraction(_match(_DECIMAL, d).group()) * int(n), x)


# training-only siblings (``builtin_suite(extra=True)``): fraction_to_decimal for improper fractions
# and rounded never-ending decimals, larger_fraction's other direction and three-way versions,
# fraction_of_number's remainder, inverse and decimal forms
EXTRA_SPECS = [
    spec(
        "improper_to_decimal",
        "an improper fraction such as 7/4",
        [
            "convert the improper fraction to a decimal",
            "write the top-heavy fraction as a decimal number",
            "divide the top by the bottom and give the exact decimal, like 7/4 to 1.75",
            "express the fraction bigger than one in decimal form",
            "turn the improper fraction into the number with a point that has the same value",
        ],
        _improper_to_decimal,
        pool=_improper_terminating,
        metric="numeric",
        training_phrasings=[
            "give the improper fraction as a decimal",
            "work out the top-heavy fraction as a decimal, like 9/8 is 1.125",
            "compute the exact terminating decimal expansion of the improper fraction",
            "rewrite the improper fraction in decimal notation",
        ],
    ),
    spec(
        "fraction_to_decimal_2_places",
        "a fraction whose decimal never ends, such as 2/7",
        [
            "convert the fraction to a decimal rounded to two places",
            "write the fraction as a decimal number with 2 digits after the point",
            "divide the numerator by the denominator and round the result to hundredths",
            "express the fraction in decimal form to two decimal places, like 1/3 as 0.33",
            "turn the fraction into a decimal with just two digits after the point, rounded",
        ],
        _rounded(2),
        pool=_repeating,
        metric="numeric",
        training_phrasings=[
            "give the fraction as a decimal to two places",
            "work out the fraction as a decimal and round it to 2 decimal places, like 2/3 is 0.67",
            "compute the numerator divided by the denominator, rounded half up to a precision of 0.01",
            "approximate the fraction by a decimal accurate to the nearest hundredth",
        ],
    ),
    spec(
        "fraction_to_decimal_3_places",
        "a fraction whose decimal never ends, such as 2/7",
        [
            "convert the fraction to a decimal rounded to three places",
            "write the fraction as a decimal number with 3 digits after the point",
            "divide the numerator by the denominator and round the result to thousandths",
            "express the fraction in decimal form to three decimal places, like 1/3 as 0.333",
            "turn the fraction into a decimal with just three digits after the point, rounded",
        ],
        _rounded(3),
        pool=_repeating,
        metric="numeric",
        training_phrasings=[
            "give the fraction as a decimal to three places",
            "work out the fraction as a decimal and round it to 3 decimal places, like 2/3 is 0.667",
            "compute the numerator divided by the denominator, rounded half up to a precision of 0.001",
            "approximate the fraction by a decimal accurate to the nearest thousandth",
        ],
    ),
    spec(
        "smaller_fraction",
        TWO_FRACTIONS,
        [
            "return the smaller of the two fractions",
            "pick the fraction with the lesser value",
            "write whichever fraction is smaller",
            "compare the fractions and give the lower one",
            "say which of the two fractions is worth less by copying it",
        ],
        _smaller,
        sample=_fraction_pair,
        metric="strict",
        training_phrasings=[
            "give the smaller fraction",
            "tell me the smaller of the two fractions, written as it appears",
            "output the fraction of lesser value, exactly as written in the input",
            "choose the lesser fraction of the pair",
        ],
    ),
    spec(
        "largest_of_three_fractions",
        "three comma-separated fractions",
        [
            "return the largest of the three fractions",
            "pick the fraction with the greatest value out of the three",
            "write whichever of the three fractions is biggest",
            "compare the three fractions and give the greatest one",
            "say which fraction in the list of three is worth the most by copying it",
        ],
        lambda x: _written_extreme(x, max),
        sample=_fraction_triple,
        metric="strict",
        training_phrasings=[
            "give the biggest of the three fractions",
            "tell me which of the three fractions is largest, written as it appears",
            "output the fraction of maximum value among the three, exactly as written in the input",
            "choose the greatest fraction from the trio",
        ],
    ),
    spec(
        "smallest_of_three_fractions",
        "three comma-separated fractions",
        [
            "return the smallest of the three fractions",
            "pick the fraction with the least value out of the three",
            "write whichever of the three fractions is smallest",
            "compare the three fractions and give the lowest one",
            "say which fraction in the list of three is worth the least by copying it",
        ],
        lambda x: _written_extreme(x, min),
        sample=_fraction_triple,
        metric="strict",
        training_phrasings=[
            "give the tiniest of the three fractions",
            "tell me which of the three fractions is smallest, written as it appears",
            "output the fraction of minimum value among the three, exactly as written in the input",
            "choose the least fraction from the trio",
        ],
    ),
    spec(
        "remainder_after_fraction",
        "a fraction of a number, such as 3/4 of 20",
        [
            "work out what is left of the number once the fraction of it is taken away",
            "subtract the given fraction of the amount from the amount",
            "compute the number minus that fraction of it",
            "find how much remains after removing that fraction of it, as 5 for 3/4 of 20",
            "say what part of the whole number is left over when the stated share is gone",
        ],
        _remaining,
        sample=_fraction_of,
        metric="numeric",
        training_phrasings=[
            "give the number minus its stated fraction",
            "if you take that fraction of the number away, tell me how much is still there, like 5 for 3/4 of 20",
            "compute the number times one minus the fraction",
            "calculate the leftover quantity once that portion of the number has been removed",
        ],
    ),
    spec(
        "whole_from_fraction",
        "a fraction of an unknown number and its value, such as 3/4 of ? = 15",
        [
            "work out the whole number from the value of a fraction of it",
            "find the number that the given fraction of equals the value",
            "divide the value by the numerator and multiply by the denominator",
            "replace the question mark with the whole, like 20 for 3/4 of ? = 15",
            "say how big the whole quantity is if that share of it comes to the given amount",
        ],
        _whole_from_part,
        sample=_whole_from_part_input,
        metric="numeric",
        training_phrasings=[
            "solve for the unknown whole",
            "figure out the number the ? stands for, given that fraction of it equals the value, like 20 for 3/4 of ? = 15",
            "compute the given value divided by the fraction, which is the missing number",
            "recover the original number from the size of its fractional part",
        ],
    ),
    spec(
        "decimal_of_number",
        "a decimal of a number, such as 0.75 of 20",
        [
            "work out the decimal part of the number",
            "compute the given decimal fraction of the amount",
            "multiply the number by the decimal",
            "find what that decimal share of the quantity is, like 15 for 0.75 of 20",
            "say how much the stated decimal portion of the whole number comes to",
        ],
        _decimal_of_number,
        sample=_decimal_of_input,
        metric="numeric",
        training_phrasings=[
            "compute the decimal times the number",
            "figure out how much that decimal of the number is, like 0.5 of 30 is 15",
            "return the product of the decimal factor and the whole number",
            "calculate the given decimal share of the value",
        ],
    ),
]
