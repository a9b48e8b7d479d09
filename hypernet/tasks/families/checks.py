"""Yes/no checks with one clear rule each: divisibility, squares, word shapes, anagrams, order.
Every sampler draws "yes" and "no" cases half and half, so a constant answer scores 50 %."""

from __future__ import annotations

import math
import random
import string
from collections.abc import Callable, Sequence

from hypernet.tasks.families._common import VOWELS, balanced, word, yes_no
from hypernet.tasks.spec import TaskSpec, spec

FAMILY = "checks"
TEMPLATES = (
    "Yes or no question: {p}.",
    "Check the input. {P}; answer yes or no.",
)
NUMBER = "a whole number"
_WORDS = {3: "three", 5: "five", 7: "seven", 11: "eleven"}

def _check(
    name: str,
    subject: str,
    phrasings: list[str],
    test: Callable[[str], bool],
    draw,
    training_phrasings: Sequence[str] = (),
) -> TaskSpec:
    return spec(name, subject, phrasings, lambda x: yes_no(test(x)), sample=balanced(draw, test),
                training_phrasings=training_phrasings)


def _number(lo: int, hi: int):
    return lambda rng: str(rng.randint(lo, hi))


def _divisible(n: int) -> TaskSpec:
    return _check(
        f"divisible_by_{n}",
        NUMBER,
        [
            f"say yes if the number is divisible by {n} and no otherwise",
            f"tell me whether {n} divides the number exactly, yes or no",
            f"answer yes when the number is a multiple of {n}, else no",
            f"check if the number can be split into {_WORDS[n]} equal whole parts",
            f"decide whether dividing the number by {n} leaves no remainder, replying yes or no",
        ],
        lambda x: int(x) % n == 0,
        _number(10, 999),
        training_phrasings=[
            f"answer yes or no: is the number divisible by {n}",
            f"let me know with a yes or no if the number is a clean multiple of {n}",
            f"output yes if the number mod {n} equals 0, otherwise output no",
            f"reply yes if {n} goes into the number evenly and no if it doesn't",
        ],
    )


def _is_square(x: str) -> bool:
    return round(int(x) ** 0.5) ** 2 == int(x)


def _near_square(rng: random.Random) -> str:
    # Non-squares from between neighbouring squares, so "is it a square" is not "is it small".
    r = rng.randint(2, 99)
    return str(r * r if rng.random() < 0.5 else rng.randint(r * r + 1, r * r + 2 * r))


def _word_pair(rng: random.Random) -> str:
    return f"{word(rng, 3, 8)}, {word(rng, 3, 8)}"


def _anagram_pair(rng: random.Random) -> str:
    w = word(rng, 4, 8)
    if rng.random() < 0.5:
        letters = list(w)
        while (other := "".join(rng.sample(letters, len(letters)))) == w:
            if len(set(w)) == 1:
                break
        return f"{w}, {other}"
    # Same length and first letter but not an anagram: a near miss.
    other = w[0] + "".join(rng.choice(string.ascii_lowercase) for _ in w[1:])
    return f"{w}, {other}"


def _is_anagram(x: str) -> bool:
    a, b = _two(x)
    return sorted(a) == sorted(b) and a != b


def _letters(rng: random.Random) -> str:
    n = rng.randint(3, 6)
    picked = rng.sample(string.ascii_lowercase, n)
    return "".join(sorted(picked) if rng.random() < 0.5 else picked)


def _has_double(x: str) -> bool:
    return any(a == b for a, b in zip(x, x[1:]))


def _cased(rng: random.Random) -> str:
    w = word(rng, 3, 9)
    return rng.choice([w.upper(), w.upper(), w.title(), w, w[:-1] + w[-1].upper()])


def _two(x: str) -> tuple[str, str]:
    """The two parts of "a, b"; anything else is not this task's input."""
    a, b = x.split(", ")
    return a, b


def _pair(lo: int, hi: int):
    return lambda rng: f"{rng.randint(lo, hi)}, {rng.randint(lo, hi)}"


def _multiple_pair(rng: random.Random) -> str:
    b = rng.randint(2, 12)
    a = b * rng.randint(2, 12) + (0 if rng.random() < 0.5 else rng.randint(1, b - 1))
    return f"{a}, {b}"


def _bracket_list(rng: random.Random) -> str:
    ns = rng.sample(range(1, 100), rng.randint(3, 6))
    if rng.random() < 0.5:
        ns.sort()
    return "[" + ", ".join(map(str, ns)) + "]"


def _sorted_list(x: str) -> bool:
    if not (x.startswith("[") and x.endswith("]")):
        raise ValueError(f"not a bracketed list: {x!r}")
    ns = [int(p) for p in x[1:-1].split(", ")]
    return ns == sorted(ns)


SPECS = [
    # Not 4: classification.leap_year's rule is "divisible by 4" on most numbers. Not 6 or 9: they
    # agree with "divisible by 3" on ~90 % of balanced inputs.
    *(_divisible(n) for n in (3, 5, 7, 11)),
    _check("perfect_square", NUMBER, [
        "say yes if the number is a perfect square and no otherwise",
        "tell me whether the number is some whole number times itself, yes or no",
        "answer yes when the number has a whole square root, else no",
        "check if the number is a square number",
        "decide whether the number equals an integer squared, replying yes or no",
    ], _is_square, _near_square, training_phrasings=[
        "answer yes or no: is it a perfect square",
        "let me know with a yes or no if you can get the number by squaring a whole number",
        "output yes if the square root of the number is an integer, otherwise output no",
        "reply yes if the number could be the area of a square with whole-number sides and no if it couldn't",
    ]),  # fmt: skip
    _check("contains_seven", NUMBER, [
        "say yes if the number contains the digit 7 and no otherwise",
        "tell me whether a 7 appears anywhere in the number, yes or no",
        "answer yes when one of the digits is a seven, else no",
        "check if the digit 7 occurs in the number",
        "decide whether the number is written with at least one 7, replying yes or no",
    ], lambda x: "7" in x, _number(10, 9999), training_phrasings=[
        "answer yes or no: does the number have a 7 in it",
        "let me know with a yes or no if there's a seven among the digits",
        "output yes if the decimal representation of the number includes the character 7, otherwise output no",
        "reply yes if you can spot the digit seven in the number and no if you can't",
    ]),  # fmt: skip
    _check("longer_than_five", "a word", [
        "say yes if the word has more than five letters and no otherwise",
        "tell me whether the word is longer than 5 characters, yes or no",
        "answer yes when the word has six letters or more, else no",
        "check if the word is over five letters long",
        "decide whether the word's length exceeds five, replying yes or no",
    ], lambda x: len(x) > 5, lambda rng: word(rng, 2, 9), training_phrasings=[
        "answer yes or no: does the word have over 5 letters",
        "let me know with a yes or no if the word is six or more letters long",
        "output yes if the character count of the word is greater than 5, otherwise output no",
        "reply yes for words longer than five letters and no for words of five letters or fewer",
    ]),  # fmt: skip
    _check("even_length", "a word", [
        "say yes if the word has an even number of letters and no otherwise",
        "tell me whether the word's length is even, yes or no",
        "answer yes when the letters of the word can be paired up exactly, else no",
        "check if the word has 2, 4, 6 or 8 letters",
        "decide whether the number of letters is divisible by two, replying yes or no",
    ], lambda x: len(x) % 2 == 0, lambda rng: word(rng, 2, 9), training_phrasings=[
        "answer yes or no: is the word's letter count even",
        "let me know with a yes or no if the word's letters split into pairs with none left over",
        "output yes if the length of the word mod 2 equals 0, otherwise output no",
        "reply no if the word's length is odd and yes if it is not",
    ]),  # fmt: skip
    _check("double_letter", "a word", [
        "say yes if the word has the same letter twice in a row and no otherwise",
        "tell me whether the word contains a doubled letter like the oo in book, yes or no",
        "answer yes when two neighbouring letters are identical, else no",
        "check if the word has a double letter",
        "decide whether any letter is immediately repeated in the word, replying yes or no",
    ], _has_double, lambda rng: word(rng, 3, 9), training_phrasings=[
        "answer yes or no: are two adjacent letters the same",
        "let me know with a yes or no if some letter shows up twice back to back in the word",
        "output yes if any character of the word equals the character right after it, otherwise output no",
        "reply yes if the spelling has a pair like ll or ss side by side and no if it doesn't",
    ]),  # fmt: skip
    _check("starts_a_to_m", "a word", [
        "say yes if the word starts with a letter from a to m and no otherwise",
        "tell me whether the first letter is in the first half of the alphabet, yes or no",
        "answer yes when the word begins with one of the letters a through m, else no",
        "check if the word's initial letter comes no later than m in the alphabet",
        "decide whether the word would be filed in the a-m half of a dictionary, replying yes or no",
    ], lambda x: x[0] <= "m", lambda rng: word(rng, 3, 9), training_phrasings=[
        "answer yes or no: does the word begin with a letter between a and m",
        "let me know with a yes or no if the word's first letter is somewhere from a up to m",
        "output yes if the first character of the word is alphabetically less than or equal to m, otherwise output no",
        "reply yes if the word opens with a, b, c and so on through m, and no if it opens with n to z",
    ]),  # fmt: skip
    _check("ends_with_vowel", "a word", [
        "say yes if the word ends with a vowel and no otherwise",
        "tell me whether the last letter is a, e, i, o or u, yes or no",
        "answer yes when the word finishes in a vowel, else no",
        "check if the final letter of the word is a vowel",
        "decide whether the word has a vowel at the end, replying yes or no",
    ], lambda x: x[-1] in VOWELS, lambda rng: word(rng, 3, 9), training_phrasings=[
        "answer yes or no: is the last letter a vowel",
        "let me know with a yes or no if the word's ending letter is one of the five vowels",
        "output yes if the final character of the word is in the set a, e, i, o, u, otherwise output no",
        "reply yes if the closing letter of the word is a, e, i, o or u and no if it is any other letter",
    ]),  # fmt: skip
    _check("letters_in_order", "a string of lower-case letters", [
        "say yes if the letters are in alphabetical order and no otherwise",
        "tell me whether the letters run from a towards z without going back, yes or no",
        "answer yes when the string is already sorted alphabetically, else no",
        "check if each letter comes later in the alphabet than the one before it",
        "decide whether the characters are in dictionary order, replying yes or no",
    ], lambda x: list(x) == sorted(x), _letters, training_phrasings=[
        "answer yes or no: are the letters alphabetized",
        "let me know with a yes or no if the letters already sit in abc order",
        "output yes if the string equals the sorted sequence of its own characters, otherwise output no",
        "reply yes if no letter is followed by one from earlier in the alphabet, and no otherwise",
    ]),  # fmt: skip
    _check("all_caps", "a word", [
        "say yes if the word is written entirely in capital letters and no otherwise",
        "tell me whether every letter is upper case, yes or no",
        "answer yes when the word is in all caps, else no",
        "check if the word contains no lower-case letters",
        "decide whether the whole word is shouted in capitals, replying yes or no",
    ], str.isupper, _cased, training_phrasings=[
        "answer yes or no: is the word all upper case",
        "let me know with a yes or no if the word is typed with caps lock on the whole way",
        "output yes if every character of the word is an uppercase letter, otherwise output no",
        "reply no if even one letter of the word is lowercase, and yes otherwise",
    ]),  # fmt: skip
    _check("is_anagram", "two comma-separated words", [
        "say yes if the two words are anagrams of each other and no otherwise",
        "tell me whether the second word uses exactly the letters of the first, yes or no",
        "answer yes when one word is a rearrangement of the other, else no",
        "check if the words are anagrams",
        "decide whether shuffling the first word's letters could give the second, replying yes or no",
    ], _is_anagram, _anagram_pair, training_phrasings=[
        "answer yes or no: are the two words anagrams",
        "let me know with a yes or no if the two words are made of exactly the same letters in a different order",
        "output yes if the two words differ but have identical sorted letters, otherwise output no",
        "reply yes if reordering the letters of one word spells the other, and no if not",
    ]),  # fmt: skip
    _check("same_length", "two comma-separated words", [
        "say yes if the two words have the same number of letters and no otherwise",
        "tell me whether both words are equally long, yes or no",
        "answer yes when the words have equal length, else no",
        "check if the two words contain as many letters as each other",
        "decide whether the first word is exactly as long as the second, replying yes or no",
    ], lambda x: len(_two(x)[0]) == len(_two(x)[1]), _word_pair, training_phrasings=[
        "answer yes or no: do the two words have equal letter counts",
        "let me know with a yes or no if both words are the same length",
        "output yes if the character counts of the two comma-separated words match, otherwise output no",
        "reply no if one word is longer than the other and yes if they tie in length",
    ]),  # fmt: skip
    _check("sum_over_100", "two comma-separated numbers", [
        "say yes if the two numbers add up to more than 100 and no otherwise",
        "tell me whether the sum of the numbers exceeds 100, yes or no",
        "answer yes when the total of both values is above one hundred, else no",
        "check if the numbers together make more than 100",
        "decide whether adding the pair gives over a hundred, replying yes or no",
    ], lambda x: sum(int(p) for p in _two(x)) > 100, _pair(30, 70), training_phrasings=[
        "answer yes or no: is the sum greater than 100",
        "let me know with a yes or no if the two numbers combined go beyond 100",
        "output yes if a + b > 100 for the two numbers a and b, otherwise output no",
        "reply no if the numbers total 100 or less and yes if they total more",
    ]),  # fmt: skip
    _check("is_multiple", "two comma-separated numbers", [
        "say yes if the first number is a multiple of the second and no otherwise",
        "tell me whether the second number divides the first exactly, yes or no",
        "answer yes when the first value can be divided by the second with no remainder, else no",
        "check if the first number is in the times table of the second",
        "decide whether the second number goes evenly into the first, replying yes or no",
    ], lambda x: int(_two(x)[0]) % int(_two(x)[1]) == 0, _multiple_pair, training_phrasings=[
        "answer yes or no: is the first number divisible by the second",
        "let me know with a yes or no if the second number fits into the first a whole number of times",
        "output yes if the first number mod the second number equals 0, otherwise output no",
        "reply yes if the first value is the second times some whole number, and no otherwise",
    ]),  # fmt: skip
    _check("is_sorted", "a list of numbers in square brackets", [
        "say yes if the list is sorted from smallest to largest and no otherwise",
        "tell me whether the numbers are in ascending order, yes or no",
        "answer yes when each number is bigger than the one before it, else no",
        "check if the list is already in increasing order",
        "decide whether the list would stay the same after sorting it, replying yes or no",
    ], _sorted_list, _bracket_list, training_phrasings=[
        "answer yes or no: is the list ascending",
        "let me know with a yes or no if the numbers already go from low to high",
        "output yes if every element of the list is greater than the element before it, otherwise output no",
        "reply no if any number is smaller than the one in front of it and yes if none is",
    ]),  # fmt: skip
]


_DIGIT_NAMES = {0: "zero", 3: "three", 5: "five", 9: "nine"}
_AMOUNTS = {50: "fifty", 200: "two hundred", 500: "five hundred"}


def _contains_digit(d: int) -> TaskSpec:
    return _check(f"contains_digit_{d}", NUMBER, [
        f"say yes if the number contains the digit {d} and no otherwise",
        f"tell me whether a {d} appears anywhere in the number, yes or no",
        f"answer yes when one of the digits is a {_DIGIT_NAMES[d]}, else no",
        f"check if the digit {d} occurs in the number",
        f"decide whether the number is written with at least one {d}, replying yes or no",
    ], lambda x: str(d) in str(int(x)), _number(10, 9999), training_phrasings=[
        f"answer yes or no: does the number have a {d} in it",
        f"let me know with a yes or no if there's a {_DIGIT_NAMES[d]} among the digits",
        f"output yes if the decimal representation of the number includes the character {d}, otherwise output no",
        f"reply yes if you can spot the digit {_DIGIT_NAMES[d]} in the number and no if you can't",
    ])  # fmt: skip


def _sum_over(t: int) -> TaskSpec:
    # Each number drawn from 30-70 % of the bound, as sum_over_100 draws 30..70, so about half pass.
    return _check(f"sum_over_{t}", "two comma-separated numbers", [
        f"say yes if the two numbers add up to more than {t} and no otherwise",
        f"tell me whether the sum of the numbers exceeds {t}, yes or no",
        f"answer yes when the total of both values is above {_AMOUNTS[t]}, else no",
        f"check if the numbers together make more than {t}",
        f"decide whether adding the pair gives over {_AMOUNTS[t]}, replying yes or no",
    ], lambda x: sum(int(p) for p in _two(x)) > t, _pair(3 * t // 10, 7 * t // 10), training_phrasings=[
        f"answer yes or no: is the sum greater than {t}",
        f"let me know with a yes or no if the two numbers combined go beyond {t}",
        f"output yes if a + b > {t} for the two numbers a and b, otherwise output no",
        f"reply no if the numbers total {t} or less and yes if they total more",
    ])  # fmt: skip


def _divisor_pair(rng: random.Random) -> str:
    a, b = _two(_multiple_pair(rng))
    return f"{b}, {a}"


def _remainder_pair(rng: random.Random) -> str:
    b = rng.randint(3, 12)  # not 2: "remainder 1 by 2" would just be "is the first number odd"
    return f"{b * rng.randint(2, 12) + rng.randint(0, b - 1)}, {b}"


def _coprime(x: str) -> bool:
    a, b = _two(x)
    return math.gcd(int(a), int(b)) == 1


# training-only siblings (``builtin_suite(extra=True)``) of the held-out contains_seven,
# sum_over_100 and is_multiple: another digit, another bound or operation, the divisibility turned
# round or loosened, so a hypernetwork sees how the digit, bound or relation named in the
# description changes the check
EXTRA_SPECS = [
    *(_contains_digit(d) for d in _DIGIT_NAMES),
    *(_sum_over(t) for t in _AMOUNTS),
    _check("product_over_100", "two comma-separated numbers", [
        "say yes if the two numbers multiplied together give more than 100 and no otherwise",
        "tell me whether the product of the numbers exceeds 100, yes or no",
        "answer yes when one value times the other is above one hundred, else no",
        "check if the product of the pair is greater than 100",
        "decide whether multiplying the two numbers gives over a hundred, replying yes or no",
    ], lambda x: int(_two(x)[0]) * int(_two(x)[1]) > 100, _pair(2, 20), training_phrasings=[
        "answer yes or no: is the product greater than 100",
        "let me know with a yes or no if the two numbers times each other go beyond 100",
        "output yes if a * b > 100 for the two numbers a and b, otherwise output no",
        "reply no if the numbers multiply to 100 or less and yes if they multiply to more",
    ]),  # fmt: skip
    _check("divides_second", "two comma-separated numbers", [
        "say yes if the first number divides the second exactly and no otherwise",
        "tell me whether the second number is a multiple of the first, yes or no",
        "answer yes when the second value can be divided by the first with no remainder, else no",
        "check if the second number is in the times table of the first",
        "decide whether the first number goes evenly into the second, replying yes or no",
    ], lambda x: int(_two(x)[1]) % int(_two(x)[0]) == 0, _divisor_pair, training_phrasings=[
        "answer yes or no: is the second number divisible by the first",
        "let me know with a yes or no if the first number fits into the second a whole number of times",
        "output yes if the second number mod the first number equals 0, otherwise output no",
        "reply yes if the second value is the first times some whole number, and no otherwise",
    ]),  # fmt: skip
    _check("remainder_one", "two comma-separated numbers", [
        "say yes if dividing the first number by the second leaves a remainder of 1 and no otherwise",
        "tell me whether the first number is one more than a multiple of the second, yes or no",
        "answer yes when the first value mod the second value equals 1, else no",
        "check if exactly one is left over when the first number is divided by the second",
        "decide whether the second number goes into the first with remainder one, replying yes or no",
    ], lambda x: int(_two(x)[0]) % int(_two(x)[1]) == 1, _remainder_pair, training_phrasings=[
        "answer yes or no: does the first number leave remainder 1 when divided by the second",
        "let me know with a yes or no if there's exactly 1 left after sharing the first number out in groups of the second",
        "output yes if the first number modulo the second number is exactly 1, otherwise output no",
        "reply yes if taking 1 away from the first number leaves something the second divides evenly, and no otherwise",
    ]),  # fmt: skip
    _check("are_coprime", "two comma-separated numbers", [
        "say yes if the two numbers have no common factor other than 1 and no otherwise",
        "tell me whether the numbers are coprime, yes or no",
        "answer yes when the greatest common divisor of the pair is 1, else no",
        "check if no whole number above 1 divides both numbers",
        "decide whether the two values are relatively prime, replying yes or no",
    ], _coprime, _pair(2, 60), training_phrasings=[
        "answer yes or no: is the gcd of the two numbers 1",
        "let me know with a yes or no if the two numbers share no factor bigger than 1",
        "output yes if gcd(a, b) equals 1 for the two numbers a and b, otherwise output no",
        "reply yes if the only positive divisor the two numbers have in common is 1, and no otherwise",
    ]),  # fmt: skip
]
