"""Arithmetic on small integers. Inputs are bare numbers ("17, 42"): the description says what to do."""

from __future__ import annotations

import math
import random

from hypernet.tasks.families._common import ints
from hypernet.tasks.spec import spec

FAMILY = "arithmetic"
TEMPLATES = (
    "Quick math: {p}.",
    "Arithmetic exercise. {P} and write only the resulting number.",
)
TWO, ONE = "two comma-separated numbers", "a whole number"


def _pair(lo: int, hi: int, *, distinct: bool = False):
    def sample(rng: random.Random) -> str:
        while True:
            a, b = rng.randint(lo, hi), rng.randint(lo, hi)
            if not (distinct and a == b):
                return f"{a}, {b}"

    return sample


def _one(lo: int, hi: int, step: int = 1):
    return lambda rng: str(rng.randrange(lo, hi + 1, step))


def _same_parity(rng: random.Random) -> str:
    a = rng.randint(0, 99)
    return f"{a}, {rng.randrange(a % 2, 100, 2)}"


def _round10(n: int) -> int:
    return (n + 5) // 10 * 10


def _modulo(rng: random.Random) -> str:
    return f"{rng.randint(10, 99)}, {rng.randint(2, 9)}"


def _average(x: str) -> str:
    a, b = ints(x)
    return str((a + b) // 2)


SPECS = [
    spec(
        "add",
        TWO,
        [
            "add the two numbers",
            "compute the sum of the two numbers",
            "work out what the two numbers add up to",
            "give the total of both numbers",
            "return the first number plus the second number",
        ],
        lambda x: str(sum(ints(x))),
        training_phrasings=[
            "sum the two numbers",
            "just add those two together for me",
            "calculate the arithmetic sum of the two comma-separated integers",
            "combine both values into a single total by addition",
        ],
        sample=_pair(0, 99),
        metric="numeric",
    ),
    spec(
        "subtract",
        TWO,
        [
            "subtract the second number from the first",
            "compute the first number minus the second",
            "find the first number minus the second one, which may be negative",
            "take the second number away from the first one",
            "work out the first value minus the second value",
        ],
        lambda x: str(ints(x)[0] - ints(x)[1]),
        training_phrasings=[
            "take the second from the first",
            "knock the second number off the first one, even if that goes below zero",
            "compute the signed difference a - b for the comma-separated pair a, b",
            "deduct the latter number from the former",
        ],
        sample=_pair(0, 99),
        metric="numeric",
    ),
    spec(
        "multiply",
        TWO,
        [
            "multiply the two numbers",
            "compute the product of the two numbers",
            "give the first number times the second",
            "return the result of multiplying the numbers together",
            "find the product of both values",
        ],
        lambda x: str(ints(x)[0] * ints(x)[1]),
        training_phrasings=[
            "multiply the pair",
            "go ahead and times the two numbers together",
            "compute the integer product a * b for the comma-separated pair a, b",
            "scale the first number by the second",
        ],
        sample=_pair(2, 19),
        metric="numeric",
    ),
    spec(
        "max_of_two",
        TWO,
        [
            "return the larger of the two numbers",
            "pick the bigger number",
            "tell me which number is greater by writing it",
            "output the maximum of the two values",
            "say the higher of the two numbers",
        ],
        lambda x: str(max(ints(x))),
        training_phrasings=[
            "give the bigger one",
            "just tell me the largest of the pair",
            "return max(a, b) for the comma-separated pair a, b",
            "write down whichever value exceeds the other",
        ],
        sample=_pair(100, 999, distinct=True),
        metric="numeric",
    ),
    spec(
        "min_of_two",
        TWO,
        [
            "return the smaller of the two numbers",
            "pick the lower number",
            "tell me which number is less by writing it",
            "output the minimum of the two values",
            "say the lesser of the two numbers",
        ],
        lambda x: str(min(ints(x))),
        training_phrasings=[
            "give the smaller one",
            "just tell me the smallest of the pair",
            "return min(a, b) for the comma-separated pair a, b",
            "write down whichever value falls below the other",
        ],
        sample=_pair(100, 999, distinct=True),
        metric="numeric",
    ),
    spec(
        "double",
        ONE,
        [
            "double the number",
            "multiply the number by two",
            "give twice the value",
            "compute two times the number",
            "return the number added to itself",
        ],
        lambda x: str(2 * int(x)),
        training_phrasings=[
            "double it",
            "just give me twice what the number is",
            "compute 2 * n for the input integer n",
            "scale the value up by a factor of two",
        ],
        sample=_one(0, 499),
        metric="numeric",
    ),
    spec(
        "square",
        ONE,
        [
            "square the number",
            "multiply the number by itself",
            "compute the number to the power of two",
            "give the square of the value",
            "raise the number to the second power",
        ],
        lambda x: str(int(x) ** 2),
        training_phrasings=[
            "square it",
            "tell me what the number times itself comes to",
            "compute n^2 for the input integer n",
            "work out the area of a square whose side is this number",
        ],
        sample=_one(0, 199),
        metric="numeric",
    ),
    spec(
        "increment",
        ONE,
        [
            "add one to the number",
            "increase the number by one",
            "give the next integer after the number",
            "return the number plus 1",
            "count one up from the number",
        ],
        lambda x: str(int(x) + 1),
        training_phrasings=[
            "add 1 to it",
            "bump the number up by one",
            "compute n + 1 for the input integer n",
            "give the successor of the value",
        ],
        sample=_one(0, 999),
        metric="numeric",
    ),
    spec(
        "decrement",
        ONE,
        [
            "subtract one from the number",
            "decrease the number by one",
            "give the integer just before the number",
            "return the number minus 1",
            "count one down from the number",
        ],
        lambda x: str(int(x) - 1),
        training_phrasings=[
            "subtract 1 from it",
            "knock one off the number",
            "compute n - 1 for the input integer n",
            "give the predecessor of the value",
        ],
        sample=_one(1, 999),
        metric="numeric",
    ),
    spec(
        "abs_difference",
        TWO,
        [
            "give the absolute difference between the two numbers",
            "compute how far apart the two numbers are",
            "subtract the smaller number from the larger one",
            "find the distance between the two values on the number line",
            "work out the positive gap between the numbers",
        ],
        lambda x: str(abs(ints(x)[0] - ints(x)[1])),
        training_phrasings=[
            "give the unsigned difference",
            "tell me how much bigger the larger number is than the smaller",
            "compute |a - b| for the comma-separated pair a, b",
            "measure the spacing between the two values as a non-negative amount",
        ],
        sample=_pair(0, 99),
        metric="numeric",
    ),
    spec(
        "halve",
        "an even number",
        [
            "halve the number",
            "divide the number by two",
            "give half of the value",
            "split the number into two equal halves and give one of them",
            "return one half of the number",
        ],
        lambda x: str(int(x) // 2),
        training_phrasings=[
            "cut the number in half",
            "tell me what half the number is",
            "compute n / 2 for the even integer n",
            "find the value that, doubled, gives the number",
        ],
        sample=_one(2, 998, 2),
        metric="numeric",
    ),
    spec(
        "digit_sum",
        ONE,
        [
            "add up the digits of the number",
            "compute the sum of the number's digits",
            "give the digit sum",
            "total the individual digits",
            "work out what the digits of the number add up to",
        ],
        lambda x: str(sum(int(d) for d in x)),
        training_phrasings=[
            "sum the digits",
            "add all the digits together for me",
            "compute the sum of the decimal digits of the integer",
            "combine every digit of the number by addition into one figure",
        ],
        sample=_one(10, 9999),
        metric="numeric",
    ),
    spec(
        "times_ten",
        ONE,
        [
            "multiply the number by ten",
            "give ten times the value",
            "scale the number up by a factor of 10",
            "append a zero to the number, i.e. multiply it by 10",
            "compute the number times 10",
        ],
        lambda x: str(10 * int(x)),
        training_phrasings=[
            "multiply it by 10",
            "give me the number made ten times bigger",
            "compute 10 * n for the input integer n",
            "tell me how much ten lots of the number come to",
        ],
        sample=_one(1, 999),
        metric="numeric",
    ),
    spec(
        "average_of_two",
        "two comma-separated numbers whose sum is even",
        [
            "compute the average of the two numbers",
            "give the mean of both values",
            "find the number exactly halfway between the two",
            "add the numbers and divide by two",
            "work out the arithmetic mean of the pair",
        ],
        _average,
        training_phrasings=[
            "average the two numbers",
            "tell me the number right in the middle of these two",
            "compute (a + b) / 2 for the comma-separated pair a, b",
            "find the midpoint of the two values",
        ],
        sample=_same_parity,
        metric="numeric",
    ),
    spec(
        "round_to_ten",
        ONE,
        [
            "round the number to the nearest ten",
            "round to the nearest multiple of 10, with 5 rounding up",
            "give the number rounded to tens",
            "approximate the number to the closest ten",
            "round the value off to the nearest 10",
        ],
        lambda x: str(_round10(int(x))),
        training_phrasings=[
            "round to the nearest ten, rounding 5 up",
            "give me the number rounded off to whichever ten it's closest to, going up on a 5",
            "round the integer half-up to the nearest multiple of 10",
            "snap the value to its closest multiple of ten, ties going upward",
        ],
        sample=_one(1, 999),
        metric="numeric",
    ),
    spec(
        "modulo",
        "two comma-separated numbers",
        [
            "give the remainder when the first number is divided by the second",
            "compute the first number modulo the second",
            "find what is left over after dividing the first number by the second",
            "return the first value mod the second value",
            "work out the remainder of the integer division of the first number by the second",
        ],
        lambda x: str(ints(x)[0] % ints(x)[1]),
        training_phrasings=[
            "take the first number mod the second",
            "tell me what remains when you divide the first number by the second",
            "compute a % b for the comma-separated pair a, b",
            "divide the first value by the second and report only the remainder",
        ],
        sample=_modulo,
        metric="numeric",
    ),
]


def _round(n: int, to: int) -> int:
    return (n + to // 2) // to * to


def _perfect_square(rng: random.Random) -> str:
    return str(rng.randint(0, 199) ** 2)


def _sum_of_squares(x: str) -> str:
    a, b = ints(x)  # exactly two: on one number this would be "square"
    return str(a * a + b * b)


# Added when the suite grew past 300 tasks (issue 4). No "negate" (the lenient score drops minus
# signs, so any rule that copies the digits would pass), no "first digit" (string.acronym's rule).
SPECS += [
    spec(
        "cube",
        ONE,
        [
            "cube the number",
            "multiply the number by itself three times",
            "compute the number to the power of three",
            "give the cube of the value",
            "raise the number to the third power",
        ],
        lambda x: str(int(x) ** 3),
        training_phrasings=[
            "cube it",
            "tell me what the number times itself times itself comes to",
            "compute n^3 for the input integer n",
            "work out the volume of a cube whose edge is this number",
        ],
        sample=_one(0, 150),
        metric="numeric",
    ),
    spec(
        "square_root",
        "a perfect square",
        [
            "give the square root of the number",
            "find the whole number that, multiplied by itself, gives this number",
            "compute the root of the perfect square",
            "undo the squaring and return the original number",
            "work out which number was squared to make this one",
        ],
        lambda x: str(math.isqrt(int(x))),
        training_phrasings=[
            "take the square root",
            "find the square root of it for me",
            "compute the integer sqrt(n) of the perfect square n",
            "find the side length of a square with this area",
        ],
        sample=_perfect_square,
        metric="numeric",
    ),
    spec(
        "last_digit",
        ONE,
        [
            "give the last digit of the number",
            "return the units digit",
            "write only the final digit",
            "tell me which digit the number ends in",
            "pick out the rightmost digit of the number",
        ],
        lambda x: str(int(x))[-1],
        training_phrasings=[
            "give the ones digit",
            "just tell me what digit comes at the very end of the number",
            "compute the least significant decimal digit of the integer",
            "read off the digit sitting at the end of the number",
        ],
        sample=_one(10, 99999),
        metric="numeric",
    ),
    spec(
        "round_to_hundred",
        ONE,
        [
            "round the number to the nearest hundred",
            "round to the nearest multiple of 100, with 50 rounding up",
            "give the number rounded to hundreds",
            "approximate the number to the closest hundred",
            "round the value off to the nearest 100",
        ],
        lambda x: str(_round(int(x), 100)),
        training_phrasings=[
            "round to the nearest hundred, rounding 50 up",
            "give me the number rounded off to whichever hundred it's closest to, going up on a 50",
            "round the integer half-up to the nearest multiple of 100",
            "snap the value to its closest multiple of a hundred, ties going upward",
        ],
        sample=_one(1, 9999),
        metric="numeric",
    ),
    spec(
        "round_up_to_ten",
        ONE,
        [
            "round the number up to a multiple of ten",
            "go up to the next multiple of 10, or keep the number if it already is one",
            "give the smallest multiple of 10 that is not less than the number",
            "raise the number to the ten at or above it",
            "take the ceiling of the value to tens",
        ],
        lambda x: str(-(-int(x) // 10) * 10),
        training_phrasings=[
            "round up to a multiple of 10",
            "bump the number up to the next ten unless it's already a round ten",
            "compute ceil(n / 10) * 10 for the input integer n",
            "lift the value to the nearest multiple of ten that is equal or greater",
        ],
        sample=_one(1, 999),
        metric="numeric",
    ),
    spec(
        "sum_of_squares",
        TWO,
        [
            "square both numbers and add the squares together",
            "compute the sum of the squares of the two numbers",
            "give a squared plus b squared for the pair a, b",
            "work out the first number times itself plus the second number times itself",
            "add up the squares of the two values",
        ],
        _sum_of_squares,
        training_phrasings=[
            "sum the squares of both numbers",
            "square each of the two numbers and tell me what they add up to",
            "compute a^2 + b^2 for the comma-separated pair a, b",
            "total the two values after multiplying each by itself",
        ],
        sample=_pair(0, 50),
        metric="numeric",
    ),
    spec(
        "double_plus_one",
        ONE,
        [
            "double the number and then add one",
            "compute two times the number plus 1",
            "give 2n + 1 for the number n",
            "multiply the number by 2 and add 1 to the result",
            "return the odd number right after twice the value",
        ],
        lambda x: str(2 * int(x) + 1),
        training_phrasings=[
            "double it and add 1",
            "take twice the number and then one more",
            "evaluate 2 * n + 1 where n is the input integer",
            "find one more than twice the number",
        ],
        sample=_one(0, 499),
        metric="numeric",
    ),
]


def _divisor_first(rng: random.Random) -> str:
    return f"{rng.randint(2, 9)}, {rng.randint(10, 99)}"


def _floor_multiple(x: str) -> str:
    a, b = ints(x)
    return str(a - a % b)


def _ceil_multiple(x: str) -> str:
    a, b = ints(x)
    return str(-(-a // b) * b)


def _digit_from_right(place: int):
    """The digit ``place`` places left of the units digit (0 = units), of a number long enough."""

    def solve(x: str) -> str:
        digits = str(int(x))
        if len(digits) <= place:
            raise ValueError(f"{x!r} has no digit in place {place}")
        return digits[-1 - place]

    return solve


def _last_two_digits(x: str) -> str:
    digits = str(int(x))
    if len(digits) < 2:
        raise ValueError(f"{x!r} has fewer than two digits")
    return digits[-2:]


# training-only siblings (``builtin_suite(extra=True)``) of the held-out modulo, last_digit and
# round_to_hundred: what else division by the second number gives (not the quotient:
# pairs.whole_quotient), the other places of a number, other roundings, so a hypernetwork sees how
# the named unit or place changes the operation
EXTRA_SPECS = [
    spec(
        "modulo_second_by_first",
        "two comma-separated numbers, the smaller first",
        [
            "give the remainder when the second number is divided by the first",
            "compute the second number modulo the first",
            "find what is left over after dividing the second number by the first",
            "return the second value mod the first value",
            "work out the remainder of the integer division of the second number by the first",
        ],
        lambda x: str(ints(x)[1] % ints(x)[0]),
        training_phrasings=[
            "take the second number mod the first",
            "tell me what remains when you divide the second number by the first",
            "compute b % a for the comma-separated pair a, b",
            "divide the second value by the first and report only the remainder",
        ],
        sample=_divisor_first,
        metric="numeric",
    ),
    spec(
        "round_down_to_multiple",
        TWO,
        [
            "give the largest multiple of the second number that is not above the first",
            "round the first number down to a multiple of the second",
            "subtract the remainder of the first number divided by the second from the first number",
            "step down from the first number to the nearest value in the second number's times table",
            "find the biggest number at most the first value that the second value divides exactly",
        ],
        _floor_multiple,
        training_phrasings=[
            "floor the first number to a multiple of the second",
            "drop the first number down to the nearest multiple of the second, keeping it if it already is one",
            "compute a - a % b for the comma-separated pair a, b",
            "truncate the first value to the greatest multiple of the second that does not exceed it",
        ],
        sample=_modulo,
        metric="numeric",
    ),
    spec(
        "round_up_to_multiple",
        TWO,
        [
            "give the smallest multiple of the second number that is not below the first",
            "round the first number up to a multiple of the second",
            "go up from the first number to the next multiple of the second, or keep it if it already is one",
            "raise the first value to the nearest value at or above it in the second value's times table",
            "find the least number at least as big as the first that the second divides exactly",
        ],
        _ceil_multiple,
        training_phrasings=[
            "take the ceiling of the first number to a multiple of the second",
            "bump the first number up to the next multiple of the second unless it's already one",
            "compute ceil(a / b) * b for the comma-separated pair a, b",
            "lift the first value to the nearest multiple of the second that is equal or greater",
        ],
        sample=_modulo,
        metric="numeric",
    ),
    spec(
        "to_next_multiple",
        TWO,
        [
            "give how much must be added to the first number to reach a multiple of the second",
            "compute the smallest amount, possibly 0, that makes the first number divisible by the second",
            "find how far the first number is below the next multiple of the second, 0 if it is one already",
            "work out what to add to the first value so that the second value divides it exactly",
            "say the gap between the first number and the multiple of the second at or above it",
        ],
        lambda x: str(-ints(x)[0] % ints(x)[1]),
        training_phrasings=[
            "give the shortfall of the first number from the next multiple of the second, 0 if it is one",
            "tell me how much I'd need to add to the first number so the second divides it, 0 if nothing",
            "compute (-a) % b for the comma-separated pair a, b",
            "find the smallest non-negative top-up that turns the first value into a multiple of the second",
        ],
        sample=_modulo,
        metric="numeric",
    ),
    spec(
        "tens_digit",
        ONE,
        [
            "give the tens digit of the number",
            "return the second digit from the right",
            "write only the digit in the tens place",
            "tell me which digit stands just before the last one",
            "pick out the digit that counts the tens",
        ],
        _digit_from_right(1),
        training_phrasings=[
            "extract the tens digit",
            "just tell me which digit sits in the tens column",
            "compute (n // 10) % 10 for the input integer n",
            "read off the digit one place left of the units",
        ],
        sample=_one(10, 99999),
        metric="numeric",
    ),
    spec(
        "hundreds_digit",
        "a whole number of at least three digits",
        [
            "give the hundreds digit of the number",
            "return the third digit from the right",
            "write only the digit in the hundreds place",
            "tell me which digit stands two places before the last one",
            "pick out the digit that counts the hundreds",
        ],
        _digit_from_right(2),
        training_phrasings=[
            "extract the hundreds digit",
            "just tell me which digit sits in the hundreds column",
            "compute (n // 100) % 10 for the input integer n",
            "read off the digit two places left of the units",
        ],
        sample=_one(100, 99999),
        metric="numeric",
    ),
    spec(
        "last_two_digits",
        ONE,
        [
            "give the last two digits of the number, keeping a 0 in front if there is one",
            "return the tens and units digits together, as two digits",
            "write only the final two digits",
            "tell me which two digits the number ends in",
            "pick out the rightmost pair of digits of the number",
        ],
        _last_two_digits,
        training_phrasings=[
            "give the final two digits, leading zero included",
            "just tell me the last two digits as they appear, like 07 for 307",
            "return the two least significant decimal digits as a two-character string",
            "copy out the ending pair of digits exactly, without dropping a 0",
        ],
        sample=_one(10, 99999),
        metric="numeric",
    ),
    spec(
        "first_digit",
        ONE,
        [
            "give the first digit of the number",
            "return the leading digit",
            "write only the leftmost digit",
            "tell me which digit the number starts with",
            "pick out the digit that the number begins with",
        ],
        lambda x: str(int(x))[0],
        training_phrasings=[
            "extract the first digit",
            "just read me the very first digit of the number",
            "return the most significant decimal digit of the integer",
            "copy out the digit at the far left of the number",
        ],
        sample=_one(10, 99999),
        metric="numeric",
    ),
    spec(
        "round_to_thousand",
        ONE,
        [
            "round the number to the nearest thousand",
            "round to the nearest multiple of 1000, with 500 rounding up",
            "give the number rounded to thousands",
            "approximate the number to the closest thousand",
            "round the value off to the nearest 1000",
        ],
        lambda x: str(_round(int(x), 1000)),
        training_phrasings=[
            "round to the nearest thousand, rounding 500 up",
            "give me the number rounded off to whichever thousand it's closest to, going up on a 500",
            "round the integer half-up to the nearest multiple of 1000",
            "snap the value to its closest multiple of a thousand, ties going upward",
        ],
        sample=_one(1, 99999),
        metric="numeric",
    ),
    spec(
        "round_to_fifty",
        ONE,
        [
            "round the number to the nearest fifty",
            "round to the nearest multiple of 50, with 25 rounding up",
            "give the number rounded to a multiple of fifty",
            "approximate the number to the closest fifty",
            "round the value off to the nearest 50",
        ],
        lambda x: str(_round(int(x), 50)),
        training_phrasings=[
            "round to the nearest fifty, rounding 25 up",
            "give me the number rounded off to whichever fifty it's closest to, going up on a 25",
            "round the integer half-up to the nearest multiple of 50",
            "snap the value to its closest multiple of fifty, ties going upward",
        ],
        sample=_one(1, 9999),
        metric="numeric",
    ),
    spec(
        "round_to_five",
        ONE,
        [
            "round the number to the nearest five",
            "round to the nearest multiple of 5",
            "give the number rounded to a multiple of five",
            "approximate the number to the closest five",
            "round the value off to the nearest 5",
        ],
        lambda x: str(_round(int(x), 5)),
        training_phrasings=[
            "round to the closest five",
            "give me the number rounded off to whichever multiple of 5 it's closest to",
            "compute 5 times the nearest integer to n / 5 for the input integer n",
            "snap the value to its closest multiple of five",
        ],
        sample=_one(1, 999),
        metric="numeric",
    ),
    spec(
        "round_down_to_hundred",
        ONE,
        [
            "round the number down to a multiple of a hundred",
            "go down to the hundred at or below the number",
            "give the largest multiple of 100 that is not more than the number",
            "drop the number to the hundred below it, keeping it if it is already a whole hundred",
            "take the floor of the value to hundreds",
        ],
        lambda x: str(int(x) // 100 * 100),
        training_phrasings=[
            "round down to a whole hundred",
            "chop the number down to the hundred at or below it, so 1299 becomes 1200",
            "compute (n // 100) * 100 for the input integer n",
            "truncate the value to whole hundreds, discarding the tens and units",
        ],
        sample=_one(1, 9999),
        metric="numeric",
    ),
]
