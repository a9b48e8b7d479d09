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
        training_phrasings=[
            "total up the list",
            "just tell me what all the numbers come to when added",
            "compute the arithmetic sum of all elements in the bracketed list",
            "find what you get by adding every entry together",
        ],
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
        training_phrasings=[
            "get the maximum of the list",
            "look through the numbers and report the largest one",
            "output the element with the highest value",
            "identify the peak value among the entries",
        ],
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
        training_phrasings=[
            "get the minimum of the list",
            "look through the numbers and report the smallest one",
            "output the element with the lowest value",
            "identify the bottom value among the entries",
        ],
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
        training_phrasings=[
            "give the numbers in ascending order, in brackets",
            "shuffle the numbers around so they go up from the lowest to the highest",
            "return a bracketed list of the same elements in non-decreasing order",
            "rank the entries from least to greatest and write them back as a list",
        ],
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
        training_phrasings=[
            "give the numbers in descending order, in brackets",
            "shuffle the numbers around so they go down from the highest to the lowest",
            "return a bracketed list of the same elements in non-increasing order",
            "rank the entries from greatest to least and write them back as a list",
        ],
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
        training_phrasings=[
            "invert the order of the elements",
            "just write the list backwards, number by number",
            "return the elements in reversed index order, as a bracketed list",
            "mirror the sequence of entries, leaving each number itself unchanged",
        ],
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
        training_phrasings=[
            "compute the list's range",
            "take the smallest number away from the biggest one and tell me what's left",
            "output the difference between the maximum and minimum elements",
            "measure the gap separating the top and bottom values of the list",
        ],
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
        training_phrasings=[
            "return the median value",
            "figure out which number lands halfway along once the list is ordered by size",
            "output the element that has exactly as many smaller values as larger ones in the list",
            "pick the value whose rank by size is in the very middle",
        ],
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
        training_phrasings=[
            "average the numbers",
            "split the total evenly across all the numbers and tell me the share each one gets",
            "compute the sum of the elements divided by their count",
            "divide the list's total by its length",
        ],
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
        training_phrasings=[
            "give the second-highest value",
            "ignore the top number and grab the one just below it",
            "output the maximum of the list after its largest element is removed",
            "identify the value that trails only the maximum",
        ],
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
        training_phrasings=[
            "give the second-lowest value",
            "ignore the bottom number and grab the one just above it",
            "output the minimum of the list after its smallest element is removed",
            "identify the value that is undercut only by the minimum",
        ],
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
        training_phrasings=[
            "count the evens",
            "go through the list and count up the even ones",
            "return the number of elements n with n mod 2 equal to 0",
            "tally the multiples of two in the list",
        ],
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
        training_phrasings=[
            "count the values over 100",
            "go through the list and count the numbers past 100, not counting 100 itself",
            "return the number of elements strictly greater than 100",
            "determine how many elements lie above the 100 mark",
        ],
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
        training_phrasings=[
            "strip out the odd numbers",
            "just leave the even numbers in the list, in the same order",
            "return the sublist of elements n with n mod 2 equal to 0, preserving order",
            "throw away the odd entries and give back what remains as a bracketed list",
        ],
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
        training_phrasings=[
            "strip out the even numbers",
            "just leave the odd numbers in the list, in the same order",
            "return the sublist of elements n with n mod 2 equal to 1, preserving order",
            "throw away the even entries and give back what remains as a bracketed list",
        ],
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
        training_phrasings=[
            "strip the repeats, keeping the original order",
            "get rid of any number that shows up more than once, leaving just its earliest copy",
            "return the distinct elements in order of first occurrence",
            "cross out every later copy of a value already seen and give the remaining list",
        ],
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
        training_phrasings=[
            "scale the list by two",
            "just add each number to itself",
            "transform each element x into 2x, keeping the order and brackets",
            "replace each value with its double",
        ],
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
        training_phrasings=[
            "shift each entry up by 10",
            "bump every number in there up by 10",
            "transform each element x into x + 10, keeping the order and brackets",
            "replace each value with the number ten greater than it",
        ],
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
        training_phrasings=[
            "square the elements one by one",
            "times each number by itself and give me the new list",
            "transform each element x into x * x, keeping the order and brackets",
            "replace each value with its second power",
        ],
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
        training_phrasings=[
            "accumulate the numbers as you go",
            "keep a tally as you go along and write down the total after each number",
            "return a list whose i-th element is the sum of the first i input elements",
            "swap every entry for the sum of itself and all entries before it",
        ],
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
        training_phrasings=[
            "multiply the list out",
            "times all the numbers together and tell me what you get",
            "output the result of multiplying the elements in sequence, starting from 1",
            "find what the numbers come to when multiplied",
        ],
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
        training_phrasings=[
            "give the third-highest value",
            "skip the two biggest numbers and grab the next one down",
            "return the element ranked 3rd when the list is sorted in descending order",
            "identify the value that only two other entries beat",
        ],
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
        training_phrasings=[
            "locate the maximum and give its place, counting from 1",
            "tell me which spot the biggest number is in, with the first spot being number 1",
            "output the index of the largest value, where the first element has index 1",
            "report where the highest entry sits as a place number, with the first entry at place 1",
        ],
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
        training_phrasings=[
            "give the biggest even value",
            "go through the even numbers only and grab the biggest one",
            "return the maximum over the elements n with n mod 2 equal to 0",
            "find the top value among the multiples of two in the list",
        ],
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
        training_phrasings=[
            "return the 3 lowest numbers, ascending, in brackets",
            "grab the three tiniest numbers and write them smallest first in brackets",
            "output a bracketed list of the three minimal elements in non-decreasing order",
            "select the trio of lowest values and show them in rising order, in brackets",
        ],
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
        training_phrasings=[
            "return the 3 highest numbers, descending, in brackets",
            "grab the three biggest numbers and write them largest first in brackets",
            "output a bracketed list of the three maximal elements in non-increasing order",
            "select the trio of highest values and show them in falling order, in brackets",
        ],
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
        training_phrasings=[
            "sort just the even numbers, low to high",
            "throw out the odd ones and line up what's left from smallest to biggest",
            "return the elements n with n mod 2 equal to 0, sorted in ascending order, in brackets",
            "extract the even values and arrange them in rising order as a bracketed list",
        ],
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
        training_phrasings=[
            "find the list's midrange",
            "take the highest and lowest numbers and tell me the value exactly halfway between them",
            "compute (max + min) / 2 for the list",
            "split the difference between the top and bottom values of the list",
        ],
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
        training_phrasings=[
            "average all but the maximum",
            "leave out the biggest number and tell me what the others average to",
            "compute (sum - max) / (n - 1) for the list of n numbers",
            "exclude the highest entry, then total the remainder and divide by its size",
        ],
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
        training_phrasings=[
            "average all but the minimum",
            "leave out the smallest number and tell me what the others average to",
            "compute (sum - min) / (n - 1) for the list of n numbers",
            "exclude the lowest entry, then total the remainder and divide by its size",
        ],
    ),
]
