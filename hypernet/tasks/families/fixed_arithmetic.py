"""Arithmetic with a constant that only the description gives ("add 7", "divide by 4", "mod 3"):
the same input shape, a different number in each task, so the adapter must read the number."""

from __future__ import annotations

from hypernet.tasks.families._common import inflect_engine
from hypernet.tasks.spec import TaskSpec, spec

FAMILY = "fixed_arithmetic"
TEMPLATES = (
    "Mental arithmetic with a fixed number: {p}.",
    "Number drill. {P}; the answer is a single number.",
)
ONE = "a whole number"
_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 7: "seven", 9: "nine", 10: "ten",
          11: "eleven", 12: "twelve", 25: "twenty-five", 50: "fifty", 100: "a hundred"}  # fmt: skip


def _word(n: int) -> str:
    """The number in words as the descriptions say it (the table's wording first, so the suite's
    original tasks keep their descriptions)."""
    return _WORDS.get(n) or inflect_engine().number_to_words(n)


def _whole(lo: int, hi: int, step: int = 1):
    return lambda rng: str(rng.randrange(lo, hi + 1, step))


def _add(n: int) -> TaskSpec:
    return spec(
        f"add_{n}",
        ONE,
        [
            f"add {n} to the number",
            f"increase the number by {n}",
            f"give the number plus {n}",
            f"work out what you get when {_word(n)} is added to the value",
            f"count {n} up from the number",
        ],
        lambda x: str(int(x) + n),
        training_phrasings=[
            f"add {n} to it",
            f"just bump the number up by {_word(n)}",
            f"compute x + {n} for the input integer x",
            f"make the value {_word(n)} bigger",
        ],
        sample=_whole(0, 999),
        metric="numeric",
    )


def _subtract(n: int) -> TaskSpec:
    return spec(
        f"subtract_{n}",
        ONE,
        [
            f"subtract {n} from the number",
            f"decrease the number by {n}",
            f"give the number minus {n}",
            f"work out what is left when {_word(n)} is taken away from the value",
            f"count {n} down from the number",
        ],
        lambda x: str(int(x) - n),
        training_phrasings=[
            f"subtract {n} from it",
            f"just knock {_word(n)} off the number",
            f"compute x - {n} for the input integer x",
            f"make the value {_word(n)} smaller",
        ],
        sample=_whole(n, 999),
        metric="numeric",
    )


def _multiply(n: int) -> TaskSpec:
    return spec(
        f"multiply_by_{n}",
        ONE,
        [
            f"multiply the number by {n}",
            f"give {n} times the number",
            f"compute the value times {n}",
            f"work out what the number is when multiplied by {_word(n)}",
            f"scale the number up by a factor of {n}",
        ],
        lambda x: str(int(x) * n),
        training_phrasings=[
            f"multiply it by {n}",
            f"tell me what {_word(n)} lots of the number come to",
            f"compute {n} * x for the input integer x",
            f"find the product of the value and {_word(n)}",
        ],
        sample=_whole(0, 199),
        metric="numeric",
    )


def _divide(n: int) -> TaskSpec:
    return spec(
        f"divide_by_{n}",
        f"a whole number that is a multiple of {n}",
        [
            f"divide the number by {n}",
            f"give the number divided by {n}",
            f"split the value into {n} equal parts and give one part",
            f"work out how many times {_word(n)} goes into the number",
            f"compute the quotient of the number and {n}",
        ],
        lambda x: str(int(x) // n),
        training_phrasings=[
            f"divide it by {n}",
            f"tell me what each gets if you share the number out equally among {_word(n)}",
            f"evaluate x / {n} exactly, where x is the input multiple of {n}",
            f"find the number that, times {_word(n)}, gives the value",
        ],
        sample=_whole(n, 199 * n, n),
        metric="numeric",
    )


def _remainder(n: int) -> TaskSpec:
    return spec(
        f"remainder_by_{n}",
        ONE,
        [
            f"give the remainder when the number is divided by {n}",
            f"compute the number modulo {n}",
            f"find what is left over after dividing the number by {n}",
            f"work out the number mod {n}",
            f"return the remainder of the integer division by {_word(n)}",
        ],
        lambda x: str(int(x) % n),
        training_phrasings=[
            f"reduce it mod {n}",
            f"tell me what remains once you take out as many {n}s as you can",
            f"compute x % {n} for the input integer x",
            f"find the residue of the value modulo {_word(n)}",
        ],
        sample=_whole(10, 999),
        metric="numeric",
    )


_NUMBERS = {_add: (3, 7, 12, 25, 100), _subtract: (2, 5, 10, 50), _multiply: (3, 4, 5, 9, 11, 12),
            _divide: (3, 4, 5, 10), _remainder: (3, 4, 5, 7)}
SPECS = [make(n) for make, numbers in _NUMBERS.items() for n in numbers]
# training-only siblings (``builtin_suite(extra=True)``): the same operations with the other numbers
# up to 20, so a hypernetwork sees how the number in the description changes the task; less those
# that are arithmetic tasks of the suite under another name (double, halve, times ten, last digit:
# ``check_siblings`` refuses them)
_SAME_AS_SUITE_TASKS = {(_multiply, 2), (_multiply, 10), (_divide, 2), (_remainder, 10)}
EXTRA_SPECS = [make(n) for make, numbers in _NUMBERS.items() for n in range(2, 21)
               if n not in numbers and (make, n) not in _SAME_AS_SUITE_TASKS]
