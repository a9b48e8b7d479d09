"""Number and letter sequences with one exact rule each: continue a progression, fill a gap, name
its step. Inputs are bare comma-separated terms ("3, 7, 11, 15"); the description says which rule.

Each solver checks that its input follows its own rule and raises otherwise, so no task's rule
answers another's inputs by accident (an arithmetic progression is not a "pattern of alternating
steps" whose two steps happen to be equal).
"""

from __future__ import annotations

import math
import random
import string
from collections.abc import Callable
from fractions import Fraction

from hypernet.tasks.families._common import balanced, yes_no
from hypernet.tasks.spec import spec

FAMILY = "sequences"
TEMPLATES = (
    "Number pattern puzzle: {p}.",
    "Look at how the sequence is built. {P}.",
)
NUMBERS = "a comma-separated sequence of numbers"
GAPPED = "a comma-separated sequence of numbers with a ? in place of one term"
LETTERS = "a comma-separated sequence of letters"


def _terms(x: str) -> list[int]:
    return [int(p) for p in x.split(", ")]


def _show(ns: list[int]) -> str:
    return ", ".join(map(str, ns))


def _steps(ns: list[int]) -> list[int]:
    return [b - a for a, b in zip(ns, ns[1:])]


def _step(ns: list[int]) -> int:
    """The common difference of an arithmetic progression of at least three terms."""
    steps = set(_steps(ns))
    if len(ns) < 3 or len(steps) != 1:
        raise ValueError(f"not an arithmetic progression: {ns}")
    return steps.pop()


def _ratio(ns: list[int]) -> Fraction:
    """The common ratio of a geometric progression of at least three terms (not 1, not 0)."""
    if len(ns) < 3 or 0 in ns:
        raise ValueError(f"not a geometric progression: {ns}")
    ratios = {Fraction(b, a) for a, b in zip(ns, ns[1:])}
    if len(ratios) != 1 or ratios == {1}:
        raise ValueError(f"not a geometric progression: {ns}")
    return ratios.pop()


def _whole(f: Fraction) -> str:
    if f.denominator != 1:
        raise ValueError(f"not a whole number: {f}")
    return str(f.numerator)


# --- samplers ------------------------------------------------------------------------------------


def _arithmetic(rng: random.Random, n: int) -> list[int]:
    """``n`` terms, half of them going down, all non-negative."""
    d = rng.randint(1, 12) * rng.choice([1, -1])
    first = rng.randint(0, 60) + max(0, -d * (n - 1))
    return [first + i * d for i in range(n)]


def _geometric(rng: random.Random, n: int, *, shrinking: bool = True) -> list[int]:
    """``n`` whole terms below 5000 with a whole ratio, read backwards a third of the time."""
    while True:
        r, a = rng.choice([2, 2, 3, 3, 4, 5, 10]), rng.randint(1, 12)
        ns = [a * r**i for i in range(n)]
        if ns[-1] < 5000:
            return ns[::-1] if shrinking and rng.random() < 1 / 3 else ns


def _shown(draw: Callable[[random.Random, int], list[int]], lo: int, hi: int, drop: str = ""):
    """``lo``..``hi`` terms shown; with ``drop`` ("first" or "last") one more term, the answer, is
    drawn at that end and left out."""

    def sample(rng: random.Random) -> str:
        ns = draw(rng, rng.randint(lo, hi) + (1 if drop else 0))
        return _show(ns[1:] if drop == "first" else ns[:-1] if drop == "last" else ns)

    return sample


def _gapped(draw: Callable[[random.Random, int], list[int]]):
    """Four or five terms with one inner term replaced by "?"."""

    def sample(rng: random.Random) -> str:
        ns: list[str | int] = list(draw(rng, rng.randint(4, 5)))
        ns[rng.randint(1, len(ns) - 2)] = "?"
        return ", ".join(map(str, ns))

    return sample


def _consecutive(f: Callable[[int], int], hi: int):
    """Three to five values f(k), f(k + 1), ... for a start k up to ``hi``."""

    def sample(rng: random.Random) -> str:
        k = rng.randint(1, hi)
        return _show([f(k + i) for i in range(rng.randint(3, 5))])

    return sample


def _fibonacci_like(rng: random.Random) -> str:
    ns, n = [rng.randint(1, 20), rng.randint(1, 20)], rng.randint(4, 5)
    while len(ns) < n:
        ns.append(ns[-1] + ns[-2])
    return _show(ns)


def _alternating(rng: random.Random) -> str:
    while (up := rng.randint(2, 12)) == (down := rng.randint(-9, 9)) or down == 0:
        pass
    ns = [rng.randint(20, 60)]
    for i in range(rng.randint(4, 5)):
        ns.append(ns[-1] + (up if i % 2 == 0 else down))
    return _show(ns)


def _primes_below(n: int) -> list[int]:
    return [p for p in range(2, n) if all(p % q for q in range(2, math.isqrt(p) + 1))]


PRIMES = _primes_below(500)


def _primes(rng: random.Random) -> str:
    i, n = rng.randrange(len(PRIMES) - 6), rng.randint(3, 5)
    return _show(PRIMES[i : i + n])


def _walk(rng: random.Random) -> str:
    """Four to six numbers, each a random step (mostly up, sometimes down) from the last."""
    ns, n = [rng.randint(30, 60)], rng.randint(4, 6)
    while len(ns) < n:
        ns.append(ns[-1] + rng.randint(-9, 15))
    return _show(ns)


def _near_progression(rng: random.Random) -> str:
    """An arithmetic progression, half the time with one term moved off it (never back onto it)."""
    ns = _arithmetic(rng, rng.randint(4, 6))
    if rng.random() < 0.5:
        i = rng.randrange(len(ns))
        ns[i] += rng.choice([-3, -2, -1, 1, 2, 3])
    return _show(ns)


def _nth_term_input(rng: random.Random) -> str:
    return f"a1 = {rng.randint(1, 30)}, d = {rng.randint(1, 9)}, n = {rng.randint(2, 12)}"


def _letter_steps(rng: random.Random) -> str:
    """Three to five letters a fixed 1-4 places apart (either way), with room for one more."""
    while True:
        d, n = rng.randint(1, 4) * rng.choice([1, -1]), rng.randint(3, 5)
        first = rng.randrange(26)
        if 0 <= first + n * d < 26:
            return ", ".join(string.ascii_lowercase[first + i * d] for i in range(n))


def _letter_run_with_gap(rng: random.Random) -> str:
    length = rng.randint(5, 7)
    first = rng.randint(0, 26 - length)
    run = list(string.ascii_lowercase[first : first + length])
    del run[rng.randint(1, length - 2)]
    return ", ".join(run)


_PATTERN_ITEMS = (
    ("red", "blue", "green", "yellow", "black", "white", "pink", "orange", "purple"),
    ("cat", "dog", "fish", "bird", "cow", "horse", "frog", "duck", "sheep"),
    ("apple", "pear", "plum", "lemon", "grape", "mango", "peach", "kiwi", "melon"),
    ("circle", "square", "star", "triangle", "heart", "diamond", "oval", "cross"),
    ("up", "down", "left", "right", "north", "south", "east", "west", "in", "out"),
)


def _repeating(rng: random.Random) -> str:
    """A block of 2 or 3 different items repeated at least twice and cut off anywhere after that."""
    period = rng.choice([2, 3])
    block = rng.sample(rng.choice(_PATTERN_ITEMS), period)
    n = rng.randint(2 * period + 1, 2 * period + 3)
    return ", ".join(block[i % period] for i in range(n))


# --- solvers -------------------------------------------------------------------------------------


def _next_arithmetic(x: str) -> str:
    ns = _terms(x)
    return str(ns[-1] + _step(ns))


def _next_two(x: str) -> str:
    ns = _terms(x)
    d = _step(ns)
    return _show([ns[-1] + d, ns[-1] + 2 * d])


def _gap(x: str) -> tuple[list[int | None], int]:
    """The terms with None for the "?", and where the "?" is (an inner position)."""
    parts = x.split(", ")
    if parts.count("?") != 1 or parts[0] == "?" or parts[-1] == "?" or len(parts) < 4:
        raise ValueError(f"expected one inner ? among four or more terms: {x!r}")
    return [None if p == "?" else int(p) for p in parts], parts.index("?")


def _missing_arithmetic(x: str) -> str:
    ns, i = _gap(x)
    before, after = ns[i - 1], ns[i + 1]
    assert before is not None and after is not None
    if (before + after) % 2:
        raise ValueError(f"not an arithmetic progression: {x!r}")
    answer = (before + after) // 2
    _step([answer if n is None else n for n in ns])  # checks the whole sequence
    return str(answer)


def _missing_geometric(x: str) -> str:
    ns, i = _gap(x)
    # Two known neighbours give the ratio: the two before the gap, else the two after it.
    a, b = (ns[i - 2], ns[i - 1]) if i >= 2 else (ns[i + 1], ns[i + 2])
    before = ns[i - 1]
    assert a is not None and b is not None and before is not None
    answer = _whole(before * Fraction(b, a))
    _ratio([int(answer) if n is None else n for n in ns])  # checks the whole sequence
    return answer


def _next_geometric(x: str) -> str:
    ns = _terms(x)
    return _whole(ns[-1] * _ratio(ns))


def _previous_geometric(x: str) -> str:
    ns = _terms(x)
    return _whole(ns[0] / _ratio(ns))


def _common_ratio(x: str) -> str:
    return _whole(_ratio(_terms(x)))


def _next_square(x: str) -> str:
    ns = _terms(x)
    roots = [math.isqrt(n) for n in ns]
    if len(ns) < 3 or [r * r for r in roots] != ns or set(_steps(roots)) != {1}:
        raise ValueError(f"not consecutive squares: {x!r}")
    return str((roots[-1] + 1) ** 2)


def _triangular(k: int) -> int:
    return k * (k + 1) // 2


def _next_triangular(x: str) -> str:
    ns = _terms(x)
    k = (math.isqrt(8 * ns[0] + 1) - 1) // 2
    if len(ns) < 3 or ns != [_triangular(k + i) for i in range(len(ns))]:
        raise ValueError(f"not consecutive triangular numbers: {x!r}")
    return str(_triangular(k + len(ns)))


def _next_fibonacci_like(x: str) -> str:
    ns = _terms(x)
    if len(ns) < 4 or any(c != a + b for a, b, c in zip(ns, ns[1:], ns[2:])):
        raise ValueError(f"not a sum-of-the-two-before sequence: {x!r}")
    return str(ns[-1] + ns[-2])


def _next_alternating(x: str) -> str:
    ns = _terms(x)
    steps = _steps(ns)
    if len(steps) < 4 or steps[0] == steps[1] or any(a != b for a, b in zip(steps, steps[2:])):
        raise ValueError(f"steps do not alternate between two amounts: {x!r}")
    return str(ns[-1] + steps[-2])


def _next_prime(x: str) -> str:
    ns = _terms(x)
    i = PRIMES.index(ns[0])  # ValueError if not a prime below 500
    if len(ns) < 3 or ns != PRIMES[i : i + len(ns)] or i + len(ns) >= len(PRIMES):
        raise ValueError(f"not consecutive primes: {x!r}")
    return str(PRIMES[i + len(ns)])


def _nth_term(x: str) -> str:
    names, values = zip(*(part.split(" = ") for part in x.split(", ")))
    if names != ("a1", "d", "n"):
        raise ValueError(f"expected 'a1 = ., d = ., n = .': {x!r}")
    a1, d, n = map(int, values)
    return str(a1 + (n - 1) * d)


def _long_terms(x: str) -> list[int]:
    """At least three terms: two numbers are a pair for the arithmetic tasks, not a sequence."""
    ns = _terms(x)
    if len(ns) < 3:
        raise ValueError(f"too short for a sequence: {x!r}")
    return ns


def _is_arithmetic(x: str) -> str:
    return yes_no(len(set(_steps(_long_terms(x)))) == 1)


def _letter_codes(x: str) -> list[int]:
    letters = x.split(", ")
    if not all(len(c) == 1 and c in string.ascii_lowercase for c in letters):
        raise ValueError(f"not a sequence of lower-case letters: {x!r}")
    return [ord(c) for c in letters]


def _next_letter(x: str) -> str:
    codes = _letter_codes(x)
    nxt = codes[-1] + _step(codes)
    if not ord("a") <= nxt <= ord("z"):
        raise ValueError(f"the sequence runs off the alphabet: {x!r}")
    return chr(nxt)


def _missing_letter(x: str) -> str:
    codes = _letter_codes(x)
    steps = _steps(codes)
    if sorted(steps) != [1] * (len(steps) - 1) + [2]:
        raise ValueError(f"not an alphabetical run with one letter left out: {x!r}")
    return chr(codes[steps.index(2)] + 1)


def _pattern_next(x: str) -> str:
    items = x.split(", ")
    n = len(items)
    period = next((p for p in range(1, n) if all(items[i] == items[i - p] for i in range(p, n))), n)
    if 2 * period >= n or len(set(items[:period])) != period:
        raise ValueError(f"no block repeated at least twice: {x!r}")
    return items[n - period]


SPECS = [
    spec(
        "next_arithmetic",
        NUMBERS,
        [
            "give the next term of the arithmetic sequence",
            "continue the sequence by adding the same step once more",
            "find the number that comes after the last term, keeping the constant difference",
            "extend the arithmetic progression by one term",
            "work out which number follows when each term goes up or down by a fixed amount",
        ],
        _next_arithmetic,
        sample=_shown(_arithmetic, 4, 5),
        metric="numeric",
        training_phrasings=[
            "name the next number in this arithmetic progression",
            "tell me what number comes next, given that the terms are evenly spaced",
            "compute the term after the last one by adding the common difference to it",
            "predict the upcoming value of this number list that changes by a constant step",
        ],
    ),
    spec(
        "previous_arithmetic",
        NUMBERS,
        [
            "give the term that comes before the first one of the arithmetic sequence",
            "extend the arithmetic progression backwards by one term",
            "find the number that would precede the first term, keeping the constant difference",
            "undo one step at the start of the sequence and say what the term before it was",
            "work out what the evenly spaced list would begin with if it started one step earlier",
        ],
        lambda x: str(_terms(x)[0] - _step(_terms(x))),
        sample=_shown(_arithmetic, 4, 5, drop="first"),
        metric="numeric",
        training_phrasings=[
            "name the term just before the first one in this arithmetic progression",
            "tell me what number would come right before the start of this arithmetic sequence",
            "compute the first term minus the common difference of the arithmetic progression",
            "reconstruct the arithmetic term that precedes the leading number of the list",
        ],
    ),
    spec(
        "missing_arithmetic",
        GAPPED,
        [
            "replace the question mark with the missing term of the arithmetic sequence",
            "fill in the gap in the evenly spaced sequence",
            "find the number hidden behind the ? in the arithmetic progression",
            "give the term that belongs where the question mark is, keeping the constant step",
            "say which value was blanked out of the sequence that goes up or down by equal steps",
        ],
        _missing_arithmetic,
        sample=_gapped(_arithmetic),
        metric="numeric",
        training_phrasings=[
            "solve for the ? in the arithmetic sequence",
            "figure out what number the question mark stands for in this arithmetic sequence",
            "compute the unknown term marked ? so that consecutive terms keep a constant difference",
            "supply the absent number of the arithmetic progression, shown as a question mark",
        ],
    ),
    spec(
        "common_difference",
        NUMBERS,
        [
            "give the common difference of the arithmetic sequence",
            "find the fixed amount added to each term to get the next, negative if terms go down",
            "say what the step between consecutive terms of the progression is",
            "work out the constant difference, the second term minus the first",
            "tell me how much every term of the sequence changes by, with a minus sign if it falls",
        ],
        lambda x: str(_step(_terms(x))),
        sample=_shown(_arithmetic, 3, 5),
        metric="numeric",
        training_phrasings=[
            "state the signed common difference of the arithmetic progression",
            "tell me the step size of this arithmetic sequence, as a negative number if it's decreasing",
            "compute any term minus the term before it in the arithmetic sequence",
            "determine the constant increment separating neighbouring terms, negative for a descending progression",
        ],
    ),
    spec(
        "next_two_arithmetic",
        NUMBERS,
        [
            "give the next two terms of the arithmetic sequence, separated by a comma",
            "continue the arithmetic progression by two more terms",
            "add the constant step twice more and list both new terms",
            "extend the sequence with the two numbers that follow, keeping the same difference",
            "write the pair of terms that would come after the last one in this evenly spaced list",
        ],
        _next_two,
        sample=_shown(_arithmetic, 3, 4),
        metric="strict",
        training_phrasings=[
            "name the following two terms of the arithmetic progression, comma-separated",
            "tell me the next two numbers of this arithmetic sequence, with a comma between them",
            "compute the last term plus the common difference and plus twice the common difference, separated by a comma",
            "predict the upcoming two values of the arithmetic series as a comma-separated list",
        ],
    ),
    spec(
        "next_geometric",
        NUMBERS,
        [
            "give the next term of the geometric sequence",
            "continue the sequence by multiplying by the same ratio once more",
            "find the number that follows, where each term is a fixed multiple of the one before",
            "extend the geometric progression by one term",
            "work out what comes next when every term is the previous one times a constant factor",
        ],
        _next_geometric,
        sample=_shown(_geometric, 3, 4, drop="last"),
        metric="numeric",
        training_phrasings=[
            "name the next term of this geometric progression",
            "tell me what number comes next if you keep multiplying by the common ratio",
            "compute the last term multiplied by the common ratio of the geometric sequence",
            "predict the upcoming value in this geometric series",
        ],
    ),
    spec(
        "previous_geometric",
        NUMBERS,
        [
            "give the term that comes before the first one of the geometric sequence",
            "extend the geometric progression backwards by one term",
            "find the number that would precede the first term, keeping the constant ratio",
            "divide the first term by the common ratio to get the term before it",
            "work out what the multiply-by-a-constant sequence would start with one step earlier",
        ],
        _previous_geometric,
        sample=_shown(_geometric, 3, 4, drop="first"),
        metric="numeric",
        training_phrasings=[
            "name the term just before the first one in this geometric progression",
            "tell me what number would come right before the start of this geometric sequence",
            "compute the single term one position before the first, using the ratio between consecutive terms",
            "reconstruct the geometric term that precedes the leading number of the list",
        ],
    ),
    spec(
        "missing_geometric",
        GAPPED,
        [
            "replace the question mark with the missing term of the geometric sequence",
            "fill in the gap in the sequence where each term is a fixed multiple of the last",
            "find the number hidden behind the ? in the geometric progression",
            "give the term that belongs where the question mark is, keeping the constant ratio",
            "say which value was blanked out of the sequence that is multiplied up by one factor",
        ],
        _missing_geometric,
        sample=_gapped(_geometric),
        metric="numeric",
        training_phrasings=[
            "solve for the ? in the geometric sequence",
            "figure out what number the question mark stands for in this geometric sequence",
            "compute the unknown term marked ? so that consecutive terms keep a constant ratio",
            "supply the absent number of the geometric progression, shown as a question mark",
        ],
    ),
    spec(
        "common_ratio",
        NUMBERS,
        [
            "give the common ratio of the geometric sequence",
            "find the factor each term is multiplied by to get the next",
            "say what number every term of the progression gets multiplied by",
            "work out the constant ratio, the second term divided by the first",
            "tell me how many times bigger each term is than the one before it",
        ],
        _common_ratio,
        sample=_shown(lambda rng, n: _geometric(rng, n, shrinking=False), 3, 5),
        metric="numeric",
        training_phrasings=[
            "state the common ratio of this geometric progression",
            "tell me the multiplier that takes you from one term to the next",
            "compute any term divided by the term before it in the geometric sequence",
            "determine the constant scaling factor between neighbouring terms of the geometric series",
        ],
    ),
    spec(
        "next_square",
        "a comma-separated sequence of consecutive square numbers",
        [
            "give the next square number in the sequence",
            "continue the list of perfect squares by one term",
            "find the square that comes after the last one",
            "work out the following term, the square of one more than the last root",
            "say which perfect square would be written next in this run of squares",
        ],
        _next_square,
        sample=_consecutive(lambda k: k * k, 60),
        metric="numeric",
        training_phrasings=[
            "name the next square number",
            "tell me what square number you'd get next in this list",
            "compute (m + 1) squared, where m is the square root of the last term",
            "predict the perfect square that follows the final one shown",
        ],
    ),
    spec(
        "next_triangular",
        "a comma-separated sequence of consecutive triangular numbers",
        [
            "give the next triangular number in the sequence",
            "continue the list of triangular numbers by one term",
            "find the triangular number that comes after the last one",
            "add one more than the last step to the last term, as triangular numbers do",
            "say which number of the 1, 3, 6, 10 kind would be written next",
        ],
        _next_triangular,
        sample=_consecutive(_triangular, 60),
        metric="numeric",
        training_phrasings=[
            "name the next triangular number",
            "tell me what triangular number you'd get next in this list",
            "compute T(k + 1) = T(k) + k + 1, where the last term is the triangular number T(k)",
            "predict the triangular number that follows the final one shown",
        ],
    ),
    spec(
        "next_fibonacci_like",
        NUMBERS,
        [
            "give the next term, the sum of the last two",
            "continue the Fibonacci-style sequence by one term",
            "add the final two numbers to get the term that follows",
            "extend the sequence in which every term is the two previous terms added together",
            "work out what comes next when each number is made by adding up the pair before it",
        ],
        _next_fibonacci_like,
        sample=_fibonacci_like,
        metric="numeric",
        training_phrasings=[
            "sum the last two terms to get the next one",
            "tell me what comes next in this Fibonacci-type list",
            "compute the following term as the sum of the final two terms, by the Fibonacci rule",
            "predict the upcoming value of this sequence built by the Fibonacci recurrence",
        ],
    ),
    spec(
        "next_alternating",
        NUMBERS,
        [
            "give the next term of the sequence whose steps alternate between two amounts",
            "continue the pattern of two different steps taken in turn",
            "find the number that follows, repeating the step used two places back",
            "extend the sequence where the changes between terms take turns",
            "work out what comes next when the sequence goes one jump then another, over and over",
        ],
        _next_alternating,
        sample=_alternating,
        metric="numeric",
        training_phrasings=[
            "name the next term of the sequence with two alternating differences",
            "tell me what number comes next if the gaps keep switching between two values",
            "compute the last term plus the second-to-last term minus the third-to-last term, since the differences alternate",
            "predict the upcoming value where the increments swap back and forth between two sizes",
        ],
    ),
    spec(
        "next_prime",
        "a comma-separated sequence of consecutive prime numbers",
        [
            "give the next prime number after the last one in the sequence",
            "continue the list of consecutive primes by one term",
            "find the smallest prime that is bigger than the last term",
            "extend the run of prime numbers with the prime that follows",
            "say which number divisible only by one and itself comes next in the list",
        ],
        _next_prime,
        sample=_primes,
        metric="numeric",
        training_phrasings=[
            "name the next prime in the list",
            "tell me what prime comes right after the last number here",
            "output the first prime larger than the last term of the run of consecutive primes",
            "supply the prime that would follow in this chain of successive primes",
        ],
    ),
    spec(
        "nth_term",
        "the first term a1, the common difference d and a position n",
        [
            "give the n-th term of the arithmetic sequence with first term a1 and difference d",
            "compute a1 plus (n minus 1) times d",
            "find the term at position n of the progression that starts at a1 and goes up by d",
            "work out which number sits in place n when you start at a1 and keep adding d",
            "evaluate the arithmetic sequence formula for the given start, step and position",
        ],
        _nth_term,
        sample=_nth_term_input,
        metric="numeric",
        training_phrasings=[
            "output term n of the arithmetic progression given a1, d and n",
            "tell me the value at position n for an arithmetic sequence beginning with a1 with common difference d",
            "return a1 + (n - 1) * d, the n-th term of the arithmetic progression",
            "locate the nth entry of the evenly spaced sequence whose first entry is a1 and whose spacing is d",
        ],
    ),
    spec(
        "differences",
        NUMBERS,
        [
            "list the differences between consecutive terms",
            "give each term minus the one before it, separated by commas",
            "write the steps from one number to the next, with a minus sign where it goes down",
            "compute the gaps between neighbouring terms in order",
            "turn the sequence into its list of first differences",
        ],
        lambda x: _show(_steps(_long_terms(x))),
        sample=_walk,
        metric="strict",
        training_phrasings=[
            "give the successive differences, comma-separated",
            "tell me how much the list goes up or down at each step, as comma-separated numbers with minus signs for drops",
            "output the differences a[i + 1] - a[i] for each consecutive pair, in order and separated by commas",
            "report every change from one term to its successor, in order, as a comma-separated list",
        ],
    ),
    spec(
        "is_arithmetic",
        NUMBERS,
        [
            "say yes if the sequence is arithmetic and no otherwise",
            "tell me whether every term differs from the one before by the same amount, yes or no",
            "answer yes when the gaps between consecutive numbers are all equal, else no",
            "check if the numbers form an arithmetic progression",
            "decide whether the list goes up or down in equal steps throughout, replying yes or no",
        ],
        _is_arithmetic,
        sample=balanced(_near_progression, lambda x: _is_arithmetic(x) == "yes"),
        training_phrasings=[
            "reply yes if the numbers form an arithmetic sequence, else no",
            "tell me yes if the numbers are evenly spaced and no if they aren't",
            "output yes when all consecutive differences are identical and no when any differs",
            "determine, with yes or no, whether a single constant difference links every neighbouring pair of terms",
        ],
    ),
    spec(
        "next_letter",
        LETTERS,
        [
            "give the next letter of the sequence",
            "continue the letter sequence by one, skipping the same number of letters each time",
            "find the letter after the last one, keeping the same step through the alphabet",
            "extend the sequence of letters with the one that follows the pattern",
            "work out which letter is next when the letters move along the alphabet by equal jumps",
        ],
        _next_letter,
        sample=_letter_steps,
        training_phrasings=[
            "name the next letter in the evenly stepped letter sequence",
            "tell me what letter comes next if the letters keep moving the same distance through the alphabet",
            "output the letter whose alphabet position is the last letter's position plus the constant step",
            "predict the following character in this series of letters spaced evenly through the alphabet",
        ],
    ),
    spec(
        "missing_letter",
        "a comma-separated alphabetical run of letters with one letter left out",
        [
            "give the letter missing from the alphabetical run",
            "find which letter was skipped in the sequence",
            "name the letter that should sit in the gap of the run",
            "say what letter of the alphabet is left out between two of the letters",
            "work out the one letter needed to make the run of consecutive letters complete",
        ],
        _missing_letter,
        sample=_letter_run_with_gap,
        training_phrasings=[
            "name the missing letter of the alphabetical run",
            "tell me which letter got dropped from this alphabetical run",
            "output the single letter absent between two neighbours that are two places apart in the alphabet",
            "spot the hole in the alphabet sequence and supply the letter that plugs it",
        ],
    ),
    spec(
        "next_in_pattern",
        "a comma-separated list of words that repeats a pattern",
        [
            "give the next item of the repeating pattern",
            "continue the repeating sequence of words by one",
            "find the word that comes next when the block of words keeps repeating",
            "extend the pattern with the item that follows",
            "say what would be written next if the cycle of words went on",
        ],
        _pattern_next,
        sample=_repeating,
        training_phrasings=[
            "name the next word in the repeating pattern",
            "tell me what's next in this repeating list of words",
            "output the word that follows, continuing the repeated block of words from where it stops",
            "predict the upcoming entry of the looping word sequence",
        ],
    ),
]


def _beyond(lo: int, hi: int, before: bool):
    """``lo``..``hi`` terms of a geometric progression with two more terms, the answer, drawn past
    the first shown term (``before``) or the last one."""

    def sample(rng: random.Random) -> str:
        ns = _geometric(rng, rng.randint(lo, hi) + 2)
        return _show(ns[2:] if before else ns[:-2])

    return sample


def _next_two_geometric(x: str) -> str:
    ns = _terms(x)
    r = _ratio(ns)
    return ", ".join(_whole(ns[-1] * r**i) for i in (1, 2))


def _previous_two_geometric(x: str) -> str:
    ns = _terms(x)
    r = _ratio(ns)
    return ", ".join(_whole(ns[0] / r**i) for i in (2, 1))


def _geometric_nth_input(rng: random.Random) -> str:
    while True:
        a1, r, n = rng.randint(1, 12), rng.randint(2, 5), rng.randint(2, 7)
        if a1 * r ** (n - 1) < 5000:
            return f"a1 = {a1}, r = {r}, n = {n}"


def _geometric_nth(x: str) -> str:
    names, values = zip(*(part.split(" = ") for part in x.split(", ")))
    if names != ("a1", "r", "n"):
        raise ValueError(f"expected 'a1 = ., r = ., n = .': {x!r}")
    a1, r, n = map(int, values)
    return str(a1 * r ** (n - 1))


def _total_change(x: str) -> str:
    ns = _terms(x)
    _step(ns)  # checks that it is a progression
    return str(ns[-1] - ns[0])


def _gapped_difference(x: str) -> str:
    ns, _ = _gap(x)
    return str(_step([int(_missing_arithmetic(x)) if n is None else n for n in ns]))


def _letter_step(x: str) -> str:
    return str(_step(_letter_codes(x)))


def _cube(k: int) -> int:
    return k**3


def _pentagonal(k: int) -> int:
    return k * (3 * k - 1) // 2


def _after_run(f: Callable[[int], int], index: Callable[[int], int], offset: int):
    """A solver for consecutive values f(k), f(k + 1), ...: the value ``offset`` places after the
    run's end (1: the next one) or, for a negative ``offset``, before its start (-1: the one before)."""

    def solve(x: str) -> str:
        ns = _terms(x)
        k = index(ns[0])
        if len(ns) < 3 or ns != [f(k + i) for i in range(len(ns))]:
            raise ValueError(f"not a run of consecutive values of the sequence: {x!r}")
        j = k + len(ns) - 1 + offset if offset > 0 else k + offset
        if j < 1:
            raise ValueError(f"no earlier term: {x!r}")
        return str(f(j))

    return solve


def _run_from(f: Callable[[int], int], lo: int, hi: int):
    """Like ``_consecutive`` but starting at k = ``lo`` or later (so that a term before the run
    exists)."""

    def sample(rng: random.Random) -> str:
        k = rng.randint(lo, hi)
        return _show([f(k + i) for i in range(rng.randint(3, 5))])

    return sample


# training-only siblings (``builtin_suite(extra=True)``): two terms instead of one, the n-th term by
# formula, steps of other sequences, and runs of cubes and pentagonal numbers, beside the held-out
# common_difference, next_geometric, previous_geometric and next_triangular
EXTRA_SPECS = [
    spec(
        "total_change",
        NUMBERS,
        [
            "give the last term of the arithmetic sequence minus the first",
            "find how much the sequence changes from its first term to its last, negative if it falls",
            "subtract the first number from the last one",
            "work out the overall rise from start to end of the progression, with a minus for a drop",
            "tell me the total difference between the final and the opening term",
        ],
        _total_change,
        sample=_shown(_arithmetic, 3, 5),
        metric="numeric",
        training_phrasings=[
            "find the net change across the arithmetic progression, last term minus first",
            "tell me how far the sequence moves from where it starts to where it ends, negative if it ends lower",
            "compute a_n - a_1, the last term minus the first term of the arithmetic progression",
            "measure the net increase from the starting value to the ending value, negative for a decrease",
        ],
    ),
    spec(
        "gapped_common_difference",
        GAPPED,
        [
            "give the common difference of the arithmetic sequence that has a ? in place of one term",
            "find the fixed step of the progression, even though one term is replaced by a question mark",
            "say what is added each time in the evenly spaced sequence with a gap, negative if it falls",
            "work out the constant difference of the sequence once you account for the missing term",
            "tell me the signed step between neighbouring terms of this progression with a gap",
        ],
        _gapped_difference,
        sample=_gapped(_arithmetic),
        metric="numeric",
        training_phrasings=[
            "name the common difference of the arithmetic sequence with a ? in it",
            "tell me the step size of this arithmetic sequence with one term hidden as ?, negative if it goes down",
            "compute the signed constant difference d of the arithmetic progression in which a ? stands for one term",
            "determine the per-term increment, as a signed number, of the evenly spaced list with one value hidden",
        ],
    ),
    spec(
        "letter_step",
        LETTERS,
        [
            "give how many places along the alphabet each letter is from the last, negative if going back",
            "find the fixed step through the alphabet between consecutive letters",
            "say by how many letters the sequence moves each time, with a minus sign when it runs backwards",
            "work out the constant jump in alphabet positions between neighbouring letters",
            "tell me the spacing of the letters in the alphabet, as a signed number",
        ],
        _letter_step,
        sample=_letter_steps,
        metric="numeric",
        training_phrasings=[
            "state the signed alphabet step of the letter sequence",
            "tell me how far apart the letters are in the alphabet, using a minus sign if they go backwards toward a",
            "compute the alphabet position of the second letter minus that of the first, e.g. 2 for a, c, e",
            "determine the signed distance in alphabetical order from each letter to the next one",
        ],
    ),
    spec(
        "next_two_geometric",
        NUMBERS,
        [
            "give the next two terms of the geometric sequence, separated by a comma",
            "continue the geometric progression by two more terms",
            "multiply by the common ratio twice more and list both new terms",
            "extend the sequence with the two numbers that follow, keeping the same ratio",
            "write the pair of terms that would follow the last one in this multiply-by-a-constant list",
        ],
        _next_two_geometric,
        sample=_beyond(3, 4, before=False),
        metric="strict",
        training_phrasings=[
            "name the following two terms of the geometric progression, comma-separated",
            "tell me the next two numbers of this geometric sequence, with a comma between them",
            "compute the last term times the common ratio and times the ratio squared, separated by a comma",
            "predict the upcoming two values of the geometric series as a comma-separated list",
        ],
    ),
    spec(
        "previous_two_geometric",
        NUMBERS,
        [
            "give the two terms that come before the first one of the geometric sequence, in order",
            "extend the geometric progression backwards by two terms, writing them as they would appear",
            "divide by the common ratio twice to find the two earlier terms, separated by a comma",
            "find the pair of numbers that would precede the first term, keeping the constant ratio",
            "work out how the multiply-by-a-constant sequence would begin if it started two steps earlier",
        ],
        _previous_two_geometric,
        sample=_beyond(3, 4, before=True),
        metric="strict",
        training_phrasings=[
            "name the two terms before the first one of the geometric progression, earliest first, comma-separated",
            "tell me the two numbers that would come right before this geometric sequence, in order, comma-separated",
            "compute the first term divided by the ratio squared, then the first term divided by the ratio, comma-separated",
            "recover the two earlier terms leading into this geometric progression, listed in sequence order",
        ],
    ),
    spec(
        "geometric_nth_term",
        "the first term a1, the common ratio r and a position n",
        [
            "give the n-th term of the geometric sequence with first term a1 and ratio r",
            "compute a1 times r to the power n minus 1",
            "find the term at place n of the progression that starts at a1 and is multiplied by r each time",
            "work out which number sits in place n when you start at a1 and keep multiplying by r",
            "evaluate the geometric sequence formula for the given start, ratio and position",
        ],
        _geometric_nth,
        sample=_geometric_nth_input,
        metric="numeric",
        training_phrasings=[
            "output term n of the geometric progression given a1, r and n",
            "tell me the value at position n for a geometric sequence beginning with a1 with common ratio r",
            "return a1 * r^(n - 1), the n-th term of the geometric progression",
            "locate the nth entry of the sequence whose first entry is a1 and where each entry is r times the previous one",
        ],
    ),
    spec(
        "next_cube",
        "a comma-separated sequence of consecutive cube numbers",
        [
            "give the next cube number in the sequence",
            "continue the list of perfect cubes by one term",
            "find the cube that comes after the last one",
            "work out the following term, the cube of one more than the last cube root",
            "say which number of the 1, 8, 27, 64 kind would be written next",
        ],
        _after_run(_cube, lambda n: round(n ** (1 / 3)), 1),
        sample=_consecutive(_cube, 30),
        metric="numeric",
        training_phrasings=[
            "name the next cube number",
            "tell me what cube number you'd get next in this list",
            "compute (m + 1) cubed, where m is the cube root of the last term",
            "predict the perfect cube that follows the final one shown",
        ],
    ),
    spec(
        "next_pentagonal",
        "a comma-separated sequence of consecutive pentagonal numbers",
        [
            "give the next pentagonal number in the sequence",
            "continue the list of pentagonal numbers by one term",
            "find the pentagonal number that comes after the last one",
            "add three more than the last step to the last term, as pentagonal numbers do",
            "say which number of the 1, 5, 12, 22 kind would be written next",
        ],
        _after_run(_pentagonal, lambda n: (1 + math.isqrt(1 + 24 * n)) // 6, 1),
        sample=_consecutive(_pentagonal, 40),
        metric="numeric",
        training_phrasings=[
            "name the next pentagonal number",
            "tell me what pentagonal number you'd get next in this list",
            "compute P(k + 1) = (k + 1)(3k + 2)/2, where the last term is the pentagonal number P(k) = k(3k - 1)/2",
            "predict the pentagonal number that follows the final one shown",
        ],
    ),
    spec(
        "previous_triangular",
        "a comma-separated sequence of consecutive triangular numbers",
        [
            "give the triangular number that comes just before the first one in the sequence",
            "extend the list of triangular numbers backwards by one term",
            "find the triangular number that precedes the first term",
            "subtract one less than the first step from the first term, as triangular numbers do",
            "say which number of the 1, 3, 6, 10 kind would be written before the first one",
        ],
        _after_run(_triangular, lambda n: (math.isqrt(8 * n + 1) - 1) // 2, -1),
        sample=_run_from(_triangular, 2, 60),
        metric="numeric",
        training_phrasings=[
            "name the triangular number just before the first term",
            "tell me what triangular number would come right before the start of this list",
            "compute T(k - 1) = T(k) - k, where the first term is the triangular number T(k)",
            "recover the triangular number that precedes the leading one in this run",
        ],
    ),
]
