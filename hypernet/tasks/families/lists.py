"""Operations on lists of numbers written in brackets ("[12, 7, 33]"): sums, order, filters, maps.

Brackets, not a bare "12, 7, 33": on a bare list the two-number arithmetic rules (``sum``,
``max``) and the word rules (reverse, sort) would already be these tasks under another name.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable

from hypernet.tasks.spec import spec

FAMILY = "lists"
TEMPLATES = (
    "List processing: {p}.",
    "You get a Python-style list of numbers. {P}.",
)
LIST = "a list of numbers in square brackets"


def parse(x: str) -> list[int]:
    if not (x.startswith("[") and x.endswith("]")):
        raise ValueError(f"not a bracketed list: {x!r}")
    return [int(p) for p in x[1:-1].split(", ")]


def show(ns: list[int]) -> str:
    return "[" + ", ".join(map(str, ns)) + "]"


def _numbers(lo: int = 1, hi: int = 199, n_lo: int = 4, n_hi: int = 7, *, distinct: bool = False):
    def sample(rng: random.Random) -> list[int]:
        n = rng.randint(n_lo, n_hi)
        return rng.sample(range(lo, hi + 1), n) if distinct else [rng.randint(lo, hi) for _ in range(n)]

    return sample


def _where(draw: Callable[[random.Random], list[int]], ok: Callable[[list[int]], bool]):
    """A sampler of bracketed lists for which ``ok`` holds (e.g. "not already sorted")."""

    def sample(rng: random.Random) -> str:
        while not ok(ns := draw(rng)):
            pass
        return show(ns)

    return sample


def _mixed_parity(ns: list[int]) -> bool:
    return any(n % 2 for n in ns) and any(n % 2 == 0 for n in ns)


def _with_repeats(rng: random.Random) -> str:
    ns = [rng.randint(1, 20) for _ in range(rng.randint(3, 5))]
    ns += rng.choices(ns, k=rng.randint(1, 2))
    rng.shuffle(ns)
    return show(ns)


def _unique_in_order(ns: list[int]) -> list[int]:
    return list(dict.fromkeys(ns))


def _divisible_mean(rng: random.Random) -> str:
    ns = [rng.randint(1, 99) for _ in range(rng.randint(2, 4))]
    n = len(ns) + 1
    last = rng.randint(1, 99)
    last += -(sum(ns) + last) % n  # make the total a multiple of the count
    return show([*ns, last])


ANY = _where(_numbers(), lambda ns: True)
UNSORTED = _where(_numbers(distinct=True), lambda ns: ns != sorted(ns) and ns != sorted(ns)[::-1])
ODD_LENGTH = _where(_numbers(n_lo=3, n_hi=7, distinct=True), lambda ns: len(ns) % 2 == 1)
MIXED = _where(_numbers(), _mixed_parity)
SMALL = _where(_numbers(1, 12, 3, 5), lambda ns: True)


def _rule(f: Callable[[list[int]], object]) -> Callable[[str], str]:
    def solve(x: str) -> str:
        out = f(parse(x))
        return show(out) if isinstance(out, list) else str(out)

    return solve


# No "length of the list" task: counting.count_items (items between commas) already answers it.
SPECS = [
    spec(
        "sum",
        LIST,
        [
            "add up all the numbers in the list",
            "give the total of the list",
            "compute the sum of every element",
            "work out what the list adds up to",
            "return the sum of the list's values",
        ],
        _rule(sum),
        sample=ANY,
        metric="numeric",
    ),
    spec(
        "maximum",
        LIST,
        [
            "return the largest number in the list",
            "give the maximum element",
            "find the biggest value in the list",
            "pick out the highest number",
            "tell me which element of the list is greatest",
        ],
        _rule(max),
        sample=ANY,
        metric="numeric",
    ),
    spec(
        "minimum",
        LIST,
        [
            "return the smallest number in the list",
            "give the minimum element",
            "find the lowest value in the list",
            "pick out the least number",
            "tell me which element of the list is smallest",
        ],
        _rule(min),
        sample=ANY,
        metric="numeric",
    ),
    spec(
        "sort_ascending",
        LIST,
        [
            "sort the list in ascending order",
            "order the numbers from smallest to largest",
            "arrange the elements in increasing order, keeping the brackets",
            "return the list sorted low to high",
            "put the values in order, starting with the smallest",
        ],
        _rule(sorted),
        sample=UNSORTED,
        metric="strict",
    ),
    spec(
        "sort_descending",
        LIST,
        [
            "sort the list in descending order",
            "order the numbers from largest to smallest",
            "arrange the elements in decreasing order, keeping the brackets",
            "return the list sorted high to low",
            "put the values in order, starting with the biggest",
        ],
        _rule(lambda ns: sorted(ns, reverse=True)),
        sample=UNSORTED,
        metric="strict",
    ),
    spec(
        "reverse",
        LIST,
        [
            "reverse the list",
            "write the elements in the opposite order",
            "return the list back to front, last element first",
            "flip the order of the numbers in the list",
            "give the same list read from the end to the start",
        ],
        _rule(lambda ns: ns[::-1]),
        sample=UNSORTED,
        metric="strict",
    ),
    spec(
        "range",
        LIST,
        [
            "give the range of the list, the largest number minus the smallest",
            "subtract the minimum of the list from its maximum",
            "compute the spread between the highest and lowest values",
            "work out how far the biggest element is from the smallest",
            "return max minus min of the numbers",
        ],
        _rule(lambda ns: max(ns) - min(ns)),
        sample=ANY,
        metric="numeric",
    ),
    spec(
        "median",
        "a list of an odd number of numbers in square brackets",
        [
            "give the median of the list",
            "find the middle value once the numbers are sorted",
            "return the number that would sit in the centre of the sorted list",
            "compute the median element",
            "sort the numbers in your head and tell me the one in the middle",
        ],
        _rule(lambda ns: sorted(ns)[len(ns) // 2]),
        sample=ODD_LENGTH,
        metric="numeric",
    ),
    spec(
        "mean",
        "a list of numbers in square brackets whose average is a whole number",
        [
            "compute the average of the list",
            "give the mean of the numbers",
            "add the elements up and divide by how many there are",
            "work out the arithmetic mean of the list",
            "return the average value of the elements",
        ],
        _rule(lambda ns: sum(ns) // len(ns)),
        sample=_divisible_mean,
        metric="numeric",
    ),
    spec(
        "second_largest",
        "a list of different numbers in square brackets",
        [
            "return the second largest number in the list",
            "give the runner-up value, the biggest after the maximum",
            "find the number that would come second if the list were sorted from high to low",
            "pick out the next-to-highest element",
            "tell me which number is the second biggest",
        ],
        _rule(lambda ns: sorted(ns)[-2]),
        sample=UNSORTED,
        metric="numeric",
    ),
    spec(
        "second_smallest",
        "a list of different numbers in square brackets",
        [
            "return the second smallest number in the list",
            "give the value just above the minimum",
            "find the number that would come second if the list were sorted from low to high",
            "pick out the next-to-lowest element",
            "tell me which number is the second smallest",
        ],
        _rule(lambda ns: sorted(ns)[1]),
        sample=UNSORTED,
        metric="numeric",
    ),
    spec(
        "count_even",
        LIST,
        [
            "count the even numbers in the list",
            "say how many elements are divisible by two",
            "give the number of even values",
            "tell me how many of the numbers are even",
            "work out how many entries of the list are even",
        ],
        _rule(lambda ns: sum(n % 2 == 0 for n in ns)),
        sample=ANY,
        metric="numeric",
    ),
    spec(
        "count_above_100",
        LIST,
        [
            "count the numbers greater than 100",
            "say how many elements are above one hundred",
            "give the number of values bigger than 100",
            "tell me how many entries exceed 100",
            "work out how many of the numbers are more than a hundred",
        ],
        _rule(lambda ns: sum(n > 100 for n in ns)),
        sample=ANY,
        metric="numeric",
    ),
    spec(
        "keep_even",
        "a list of numbers in square brackets, some even and some odd",
        [
            "keep only the even numbers",
            "remove the odd numbers from the list",
            "filter the list down to its even elements, in their original order",
            "return the list without any odd values",
            "drop every number that is not divisible by two",
        ],
        _rule(lambda ns: [n for n in ns if n % 2 == 0]),
        sample=MIXED,
        metric="list",
    ),
    spec(
        "keep_odd",
        "a list of numbers in square brackets, some even and some odd",
        [
            "keep only the odd numbers",
            "remove the even numbers from the list",
            "filter the list down to its odd elements, in their original order",
            "return the list without any even values",
            "drop every number that is divisible by two",
        ],
        _rule(lambda ns: [n for n in ns if n % 2]),
        sample=MIXED,
        metric="list",
    ),
    spec(
        "remove_duplicates",
        "a list of numbers in square brackets with repeats",
        [
            "remove the duplicate numbers, keeping the first occurrence of each",
            "drop repeated values so every number appears once, in the original order",
            "deduplicate the list",
            "return the list with its repeats taken out",
            "keep each number only the first time it appears",
        ],
        _rule(_unique_in_order),
        sample=_with_repeats,
        metric="strict",
    ),
    spec(
        "double_each",
        LIST,
        [
            "double every number in the list",
            "multiply each element by two",
            "return the list with each value twice as big",
            "map every number to two times itself",
            "give the list where all entries are doubled",
        ],
        _rule(lambda ns: [2 * n for n in ns]),
        sample=ANY,
        metric="strict",
    ),
    spec(
        "add_ten_each",
        LIST,
        [
            "add 10 to every number in the list",
            "increase each element by ten",
            "return the list with ten added to each value",
            "map every number to itself plus 10",
            "give the list where all entries are raised by ten",
        ],
        _rule(lambda ns: [n + 10 for n in ns]),
        sample=ANY,
        metric="strict",
    ),
    spec(
        "square_each",
        "a list of small numbers in square brackets",
        [
            "square every number in the list",
            "multiply each element by itself",
            "return the list with each value raised to the power of two",
            "map every number to its square",
            "give the list of the squares of the entries",
        ],
        _rule(lambda ns: [n * n for n in ns]),
        sample=SMALL,
        metric="strict",
    ),
    spec(
        "running_total",
        "a list of small numbers in square brackets",
        [
            "replace each number with the running total up to it",
            "give the cumulative sums of the list",
            "return the list of partial sums, where each entry adds up everything so far",
            "compute the prefix sums of the numbers",
            "turn the list into its running sum, element by element",
        ],
        _rule(lambda ns: [sum(ns[: i + 1]) for i in range(len(ns))]),
        sample=SMALL,
        metric="strict",
    ),
    spec(
        "product",
        "a list of small numbers in square brackets",
        [
            "multiply all the numbers in the list together",
            "give the product of the elements",
            "compute what you get by multiplying every value",
            "work out the product of the whole list",
            "return all the entries multiplied with one another",
        ],
        _rule(math.prod),
        sample=_where(_numbers(1, 9, 2, 4), lambda ns: True),
        metric="numeric",
    ),
]


def _divisible_mean_without(pick: Callable[[list[int]], int]):
    """Four to six different numbers whose mean is whole once the one ``pick`` chooses is removed."""

    def ok(ns: list[int]) -> bool:
        rest = list(ns)
        rest.remove(pick(ns))
        return sum(rest) % len(rest) == 0

    return _where(_numbers(1, 99, 4, 6, distinct=True), ok)


def _whole_quotient(n: int, d: int) -> int:
    if n % d:
        raise ValueError(f"{n} / {d} is not whole")
    return n // d


# training-only siblings (``builtin_suite(extra=True)``): other order statistics, partial sorts and
# averages over the same kind of lists, beside the held-out maximum, sort_ascending and mean
EXTRA_SPECS = [
    spec(
        "third_largest",
        "a list of different numbers in square brackets",
        [
            "return the third largest number in the list",
            "give the value that ranks third from the top",
            "find the number that would come third if the list were sorted from high to low",
            "pick out the element with exactly two bigger numbers in the list",
            "tell me which number is the third biggest",
        ],
        _rule(lambda ns: sorted(ns)[-3]),
        sample=UNSORTED,
        metric="numeric",
    ),
    spec(
        "position_of_maximum",
        "a list of different numbers in square brackets",
        [
            "give the position of the largest number in the list, counting from 1",
            "return the index, starting at one, where the maximum sits",
            "find at which place in the list the biggest value appears",
            "say how far along the list, counting the first element as 1, the highest number is",
            "tell me the 1-based position of the greatest element",
        ],
        _rule(lambda ns: ns.index(max(ns)) + 1),
        sample=UNSORTED,
        metric="numeric",
    ),
    spec(
        "largest_even",
        "a list of numbers in square brackets, some even and some odd",
        [
            "return the largest even number in the list",
            "give the maximum among the even elements",
            "find the biggest value that is divisible by two",
            "ignore the odd numbers and pick out the highest of the rest",
            "tell me which even number in the list is greatest",
        ],
        _rule(lambda ns: max(n for n in ns if n % 2 == 0)),
        sample=MIXED,
        metric="numeric",
    ),
    spec(
        "three_smallest",
        "a list of different numbers in square brackets",
        [
            "return the three smallest numbers of the list in ascending order",
            "give the three lowest values, sorted from smallest to largest",
            "sort the list in increasing order and keep only its first three elements",
            "pick out the bottom three numbers, smallest first, in brackets",
            "list the three least elements, in order, as a bracketed list",
        ],
        _rule(lambda ns: sorted(ns)[:3]),
        sample=UNSORTED,
        metric="strict",
    ),
    spec(
        "three_largest",
        "a list of different numbers in square brackets",
        [
            "return the three largest numbers of the list in descending order",
            "give the three highest values, sorted from largest to smallest",
            "sort the list in decreasing order and keep only its first three elements",
            "pick out the top three numbers, biggest first, in brackets",
            "list the three greatest elements, in order, as a bracketed list",
        ],
        _rule(lambda ns: sorted(ns, reverse=True)[:3]),
        sample=UNSORTED,
        metric="strict",
    ),
    spec(
        "sort_evens_ascending",
        "a list of numbers in square brackets, some even and some odd",
        [
            "keep only the even numbers and sort them in ascending order",
            "drop the odd values and order the rest from smallest to largest",
            "return the even elements of the list sorted low to high",
            "filter the list down to its even numbers and put those in increasing order",
            "give the sorted list of the entries that are divisible by two, smallest first",
        ],
        _rule(lambda ns: sorted(n for n in ns if n % 2 == 0)),
        sample=MIXED,
        metric="strict",
    ),
    spec(
        "midrange",
        "a list of numbers in square brackets whose largest and smallest add up to an even number",
        [
            "give the average of the largest and the smallest number in the list",
            "add the maximum and the minimum and halve the result",
            "compute the midrange, halfway between the lowest and highest values",
            "work out the number midway between the list's extremes",
            "return the mean of just the biggest and the smallest elements",
        ],
        _rule(lambda ns: _whole_quotient(max(ns) + min(ns), 2)),
        sample=_where(_numbers(1, 99, 3, 5), lambda ns: (max(ns) + min(ns)) % 2 == 0),
        metric="numeric",
    ),
    spec(
        "mean_without_largest",
        "a list of different numbers in square brackets",
        [
            "remove the largest number and give the average of the rest",
            "compute the mean of the list once its maximum is left out",
            "drop the biggest element, add up the others and divide by how many there are",
            "work out the arithmetic mean of all the values except the highest",
            "return the average of the list without its top value",
        ],
        _rule(lambda ns: _whole_quotient(sum(ns) - max(ns), len(ns) - 1)),
        sample=_divisible_mean_without(max),
        metric="numeric",
    ),
    spec(
        "mean_without_smallest",
        "a list of different numbers in square brackets",
        [
            "remove the smallest number and give the average of the rest",
            "compute the mean of the list once its minimum is left out",
            "drop the lowest element, add up the others and divide by how many there are",
            "work out the arithmetic mean of all the values except the least",
            "return the average of the list without its bottom value",
        ],
        _rule(lambda ns: _whole_quotient(sum(ns) - min(ns), len(ns) - 1)),
        sample=_divisible_mean_without(min),
        metric="numeric",
    ),
]
