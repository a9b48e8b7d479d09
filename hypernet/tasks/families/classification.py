"""Classification into a few labels: sentiment, parity, sign, palindromes, greeting language, ..."""

from __future__ import annotations

import math
import random
import string
from collections.abc import Callable
from functools import lru_cache

from hypernet.tasks.families._common import VOWELS, ints, plural, sentence, word, yes_no
from hypernet.tasks.spec import spec
from hypernet.tasks.wordlists import (
    CATEGORIES,
    GREETING_ADDRESSEES,
    GREETINGS,
    NEGATIVE_WORDS,
    NOUNS,
    PALINDROMES,
    POSITIVE_WORDS,
    SENTIMENT_TOPICS,
)

FAMILY = "classification"
TEMPLATES = (
    "Classification: {p}.",
    "{P}. Reply with the label only.",
)

_SENTIMENT_TEMPLATES = (
    "the {t} was {a}", "what a {a} {t}", "{a} {t}, really", "i found the {t} {a}",
    "such a {a} {t}!", "honestly the {t} is {a}", "this {t} feels {a}",
)  # fmt: skip
_SENTIMENT = {**{w: "positive" for w in POSITIVE_WORDS}, **{w: "negative" for w in NEGATIVE_WORDS}}


def _sentiment_input(rng: random.Random) -> str:
    adjective = rng.choice(POSITIVE_WORDS if rng.random() < 0.5 else NEGATIVE_WORDS)
    return rng.choice(_SENTIMENT_TEMPLATES).format(t=rng.choice(SENTIMENT_TOPICS), a=adjective)


def _sentiment(x: str) -> str:
    return next(
        _SENTIMENT[w] for w in x.replace(",", " ").replace("!", " ").split() if w in _SENTIMENT
    )


_GREETING_LANGUAGE = {g: lang for lang, gs in GREETINGS.items() for g in gs}


def _greeting_input(rng: random.Random) -> str:
    greeting = rng.choice(rng.choice(list(GREETINGS.values())))
    name = rng.choice(GREETING_ADDRESSEES)
    return rng.choice(
        [greeting, f"{greeting} {name}", f"{greeting}, {name}!", f"{greeting.capitalize()} {name}"]
    )


def _greeting_language(x: str) -> str:
    text = x.lower().replace(",", "").replace("!", "")
    return next(
        lang
        for g, lang in sorted(_GREETING_LANGUAGE.items(), key=lambda kv: -len(kv[0]))
        if text.startswith(g)
    )


def _palindrome_input(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.25:
        return rng.choice(PALINDROMES)
    if r < 0.5:  # made-up palindromes, so that "yes" is not a memorised list
        half = "".join(
            rng.choice("bcdfglmnprst") + rng.choice(VOWELS) for _ in range(rng.randint(1, 2))
        )
        return half + rng.choice(["", rng.choice(string.ascii_lowercase)]) + half[::-1]
    if r < 0.75:  # near misses: a palindrome with one letter changed
        p = list(rng.choice(PALINDROMES))
        i = rng.randrange(len(p))
        p[i] = rng.choice([c for c in string.ascii_lowercase if c != p[i] and c != p[-1 - i]])
        return "".join(p)
    return word(rng, 3, 8)

def _is_prime(n: int) -> bool:
    return n > 1 and all(n % d for d in range(2, int(n**0.5) + 1))


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _balanced(condition: Callable[[int], bool], lo: int, hi: int) -> Callable[[random.Random], str]:
    """Numbers in [lo, hi], half meeting ``condition``, so that "always no" scores only 50 %."""

    def sample(rng: random.Random) -> str:
        want = rng.random() < 0.5
        while condition(n := rng.randint(lo, hi)) != want:
            pass
        return str(n)

    return sample


def _vowel_or_not(rng: random.Random) -> str:
    want = rng.random() < 0.5
    while ((w := word(rng, 3, 9))[0] in VOWELS) != want:
        pass
    return w


_CATEGORY = {w: cat for cat, ws in CATEGORIES.items() for w in ws}


def _sentence_type_input(rng: random.Random) -> str:
    kind = rng.choice(["?", ".", "!"])
    s = sentence(rng, 2, 5)
    if kind == "?":
        s = f"{rng.choice(['why', 'do', 'can', 'is', 'where', 'how'])} {s}"
    return s[:1].upper() + s[1:] + kind


@lru_cache(maxsize=1)
def _noun_forms() -> dict[str, str]:
    """Noun form -> "singular" / "plural" (nouns whose plural is the singular, like sheep, left out)."""
    forms: dict[str, str] = {}
    for noun in NOUNS:
        if plural(noun) != noun:
            forms[noun], forms[plural(noun)] = "singular", "plural"
    return forms


def _digit_string(rng: random.Random) -> str:
    w = list(word(rng, 3, 8))
    if rng.random() < 0.5:
        w.insert(rng.randint(0, len(w)), str(rng.randint(0, 9)))
    return "".join(w)


SPECS = [
    spec(
        "sentiment",
        "a short review",
        [
            "classify the sentiment as positive or negative",
            "say whether the review is positive or negative",
            "decide if the opinion expressed is positive or negative",
            "label the mood of the phrase: positive or negative",
            "tell me if the writer liked it (positive) or disliked it (negative)",
        ],
        _sentiment,
        sample=_sentiment_input,
        training_phrasings=[
            "rate the review as positive or negative",
            "tell me whether this review sounds happy or unhappy, answering positive or negative",
            "output positive if the review expresses a favourable opinion and negative if it expresses an unfavourable one",
            "judge the tone of the short review and reply with positive or negative",
        ],
    ),
    spec(
        "even_odd",
        "a whole number",
        [
            "say whether the number is even or odd",
            "classify the number as even or odd",
            "answer even if the number is divisible by two, otherwise odd",
            "label the parity of the number",
            "tell me if the integer is odd or even",
        ],
        lambda x: "odd" if int(x) % 2 else "even",
        sample=lambda rng: str(rng.randint(0, 9999)),
        training_phrasings=[
            "reply even or odd for this number",
            "figure out whether this number can be halved with no remainder and answer even or odd",
            "output even if the number modulo 2 is 0 and odd if it is 1",
            "determine the number's parity, replying with the word even or odd",
        ],
    ),
    spec(
        "sign",
        "a non-zero integer",
        [
            "say whether the number is positive or negative",
            "classify the integer as positive or negative",
            "answer negative if the number is below zero, else positive",
            "label the sign of the number",
            "tell me if the value is greater than zero (positive) or less than zero (negative)",
        ],
        lambda x: "negative" if int(x) < 0 else "positive",
        sample=lambda rng: str(rng.choice([-1, 1]) * rng.randint(1, 999)),
        training_phrasings=[
            "reply positive or negative for the number's sign",
            "tell me whether the number has a minus sign in front, replying negative if so and positive if not",
            "output positive when x > 0 and negative when x < 0",
            "determine which side of zero the integer falls on, answering positive or negative",
        ],
    ),
    spec(
        "is_palindrome",
        "a word",
        [
            "say yes if the word is a palindrome and no otherwise",
            "decide whether the word reads the same forwards and backwards; answer yes or no",
            "check if the string is a palindrome (yes/no)",
            "is the word spelled the same in reverse? answer yes or no",
            "tell me with yes or no whether the letters form a palindrome",
        ],
        lambda x: yes_no(x == x[::-1]),
        sample=_palindrome_input,
        training_phrasings=[
            "answer yes or no to whether the word is a palindrome",
            "let me know, yes or no, whether this word spells the same backwards",
            "output yes if the word equals its letters reversed and no otherwise",
            "determine whether reversing the word's letters leaves it unchanged, responding yes or no",
        ],
    ),
    spec(
        "greeting_language",
        "a greeting",
        [
            "identify the language of the greeting",
            "say which language the greeting is in",
            "name the language this hello is written in",
            "classify the greeting by language, e.g. French or Spanish",
            "tell me what language someone is speaking when they say this",
        ],
        _greeting_language,
        sample=_greeting_input,
        training_phrasings=[
            "give the language of the greeting, e.g. German",
            "tell me which language this hello comes from, like English, French or Italian",
            "output the greeting's language: English, French, Spanish, German, Italian, Portuguese or Dutch",
            "recognise which tongue this salutation is in and answer with the language's English name",
        ],
    ),
    spec(
        "is_prime",
        "a whole number",
        [
            "say yes if the number is prime and no otherwise",
            "decide whether the number is a prime number; answer yes or no",
            "check if the integer is prime (yes/no)",
            "is the number divisible only by 1 and itself? answer yes or no",
            "tell me with yes or no whether the value is a prime",
        ],
        lambda x: yes_no(_is_prime(int(x))),
        sample=_balanced(_is_prime, 2, 499),
        training_phrasings=[
            "answer yes or no to whether the number is prime",
            "let me know if this number is prime, yes or no",
            "output yes if the integer has exactly two positive divisors and no otherwise",
            "determine whether the number is a prime rather than composite, responding yes or no",
        ],
    ),
    spec(
        "word_category",
        "a word",
        [
            "say whether the word is an animal, a fruit, a color, a vehicle or a profession",
            "classify the word into one of: animal, fruit, color, vehicle, profession",
            "name the category of the thing: animal, fruit, color, vehicle or profession",
            "label what kind of thing the word denotes (animal/fruit/color/vehicle/profession)",
            "tell me which group the word belongs to: animal, fruit, color, vehicle or profession",
        ],
        lambda x: _CATEGORY[x],
        pool=lambda: sorted(_CATEGORY),
        training_phrasings=[
            "sort the word into animal, fruit, color, vehicle or profession",
            "tell me what sort of thing this word is, picking animal, fruit, color, vehicle or profession",
            "output exactly one label from animal, fruit, color, vehicle and profession for the word's category",
            "assign the term to its semantic class, answering animal, fruit, color, vehicle or profession",
        ],
    ),
    spec(
        "sentence_type",
        "a sentence",
        [
            "say whether the sentence is a question, a statement or an exclamation",
            "classify the sentence as question, statement or exclamation",
            "decide if this is a question, an exclamation or a plain statement",
            "label the type of sentence: question, statement or exclamation",
            "tell me if the writer is asking (question), exclaiming (exclamation) or stating (statement)",
        ],
        lambda x: {"?": "question", ".": "statement", "!": "exclamation"}[x[-1]],
        sample=_sentence_type_input,
        training_phrasings=[
            "tag the sentence as question, statement or exclamation",
            "tell me what kind of sentence this is: question, statement or exclamation",
            "output question for a final ?, exclamation for a final ! and statement for a final period",
            "identify the kind of utterance, replying question, statement or exclamation",
        ],
    ),
    spec(
        "over_fifty",
        "an integer",
        [
            "say yes if the number is greater than 50 and no otherwise",
            "decide whether the number exceeds fifty; answer yes or no",
            "check if the value is more than 50 (yes/no)",
            "is the number above 50? answer yes or no",
            "tell me with yes or no whether the integer is bigger than fifty",
        ],
        lambda x: yes_no(int(x) > 50),
        sample=_balanced(lambda n: n > 50, -100, 200),
        training_phrasings=[
            "answer yes or no to whether the number is over 50",
            "let me know if this number goes past 50, yes or no",
            "output yes if the integer is strictly greater than 50 and no if it is 50 or less",
            "determine whether the value lies above the threshold of fifty, responding yes or no",
        ],
    ),
    spec(
        "vowel_start",
        "a word",
        [
            "say whether the word starts with a vowel or a consonant",
            "classify the first letter of the word as vowel or consonant",
            "answer vowel if the word begins with a, e, i, o or u, otherwise consonant",
            "label the initial letter: vowel or consonant",
            "tell me if the word's first letter is a vowel or a consonant",
        ],
        lambda x: "vowel" if x[0] in VOWELS else "consonant",
        sample=_vowel_or_not,
        training_phrasings=[
            "reply vowel or consonant for the word's opening letter",
            "let me know if this word kicks off with a vowel or a consonant",
            "check the word's first character against a, e, i, o and u and output vowel on a match, consonant otherwise",
            "categorise the initial character of the word, responding vowel or consonant",
        ],
    ),
    spec(
        "singular_or_plural",
        "an English noun",
        [
            "say whether the noun is singular or plural",
            "classify the noun as singular or plural",
            "decide if the word names one thing (singular) or several (plural)",
            "label the grammatical number of the noun",
            "tell me if this noun is in its singular or its plural form",
        ],
        lambda x: _noun_forms()[x],
        pool=lambda: sorted(_noun_forms()),
        training_phrasings=[
            "tag the noun singular or plural",
            "tell me whether this noun means just one or a bunch of them: singular or plural",
            "output the grammatical number of the noun as the word singular or plural",
            "identify the noun's count, answering singular for one and plural for more than one",
        ],
    ),
    spec(
        "compare_numbers",
        "two comma-separated numbers",
        [
            "say which number is larger: first or second",
            "answer first if the first number is bigger, otherwise second",
            "decide whether the first or the second value is greater",
            "label the position of the larger number (first/second)",
            "tell me if the bigger number comes first or second",
        ],
        lambda x: "first" if ints(x)[0] > ints(x)[1] else "second",
        sample=lambda rng: ", ".join(map(str, rng.sample(range(1000), 2))),
        training_phrasings=[
            "reply first or second for where the larger number is",
            "let me know which of the two numbers is bigger, the first one or the second one",
            "output first if the first number exceeds the second and second otherwise",
            "identify the position of the maximum of the two values, answering first or second",
        ],
    ),
    spec(
        "has_digit",
        "a string",
        [
            "say yes if the text contains a digit and no otherwise",
            "decide whether any character is a number; answer yes or no",
            "check if the string includes a digit (yes/no)",
            "does the word contain a numeral? answer yes or no",
            "tell me with yes or no whether there is a digit in it",
        ],
        lambda x: yes_no(any(c.isdigit() for c in x)),
        sample=_digit_string,
        training_phrasings=[
            "answer yes or no to whether the string has a digit",
            "let me know if any number character shows up in this text, yes or no",
            "output yes if at least one character is in 0-9 and no otherwise",
            "scan the text for a numeral from 0 to 9 and reply yes if you find one, no if not",
        ],
    ),
    spec(
        "leap_year",
        "a year",
        [
            "say yes if the year is a leap year and no otherwise",
            "decide whether the year has 366 days; answer yes or no",
            "check if the year is a leap year in the Gregorian calendar (yes/no)",
            "does February have 29 days in this year? answer yes or no",
            "tell me with yes or no whether it is a leap year",
        ],
        lambda x: yes_no(_is_leap(int(x))),
        sample=_balanced(_is_leap, 1600, 2400),
        training_phrasings=[
            "answer yes or no to whether the year is a leap year",
            "let me know if this year has an extra day in February, yes or no",
            "output yes if the year is divisible by 4 but not by 100, or divisible by 400, and no otherwise",
            "determine whether this year includes a leap day, replying yes or no",
        ],
    ),
]


def _number_palindrome(rng: random.Random) -> str:
    # Half palindromes, half near misses (one digit of a palindrome changed), so the answer turns on
    # the mirror and not on the length or the digits used.
    half = str(rng.randint(1, 9)) + "".join(rng.choices(string.digits, k=rng.randint(0, 2)))
    digits = list(half + rng.choice(["", rng.choice(string.digits)]) + half[::-1])
    if rng.random() < 0.5:
        i = rng.randrange(len(digits) // 2)  # in the first half: its mirror keeps the old digit
        digits[i] = rng.choice([d for d in string.digits if d != digits[i] and (i or d != "0")])
    return "".join(digits)


def _digits_palindrome(x: str) -> str:
    if str(int(x)) != x:
        raise ValueError(f"not a whole number: {x!r}")
    return yes_no(x == x[::-1])


def _reversed_pair(rng: random.Random) -> str:
    while (w := word(rng, 3, 8)) == w[::-1]:
        pass
    backwards = list(w[::-1])
    if rng.random() < 0.5:  # a near miss: the reverse with one letter changed
        i = rng.randrange(len(backwards))
        backwards[i] = rng.choice([c for c in string.ascii_lowercase if c != backwards[i]])
    return f"{w}, {''.join(backwards)}"


def _is_reversed_pair(x: str) -> str:
    a, b = x.split(", ")
    return yes_no(b == a[::-1])


def _list_palindrome(rng: random.Random) -> str:
    half = [rng.randint(1, 20) for _ in range(rng.randint(1, 3))]
    ns = half + rng.choice([[], [rng.randint(1, 20)]]) + half[::-1]
    if rng.random() < 0.5:
        i = rng.randrange(len(ns) // 2)
        ns[i] = rng.choice([n for n in range(1, 21) if n != ns[i]])
    return "[" + ", ".join(map(str, ns)) + "]"


def _is_list_palindrome(x: str) -> str:
    if not (x.startswith("[") and x.endswith("]")):
        raise ValueError(f"not a bracketed list: {x!r}")
    ns = x[1:-1].split(", ")
    return yes_no(ns == ns[::-1])


def _is_semiprime(n: int) -> bool:
    p = next((d for d in range(2, int(n**0.5) + 1) if n % d == 0), None)
    return p is not None and _is_prime(n // p)


def _near_members(members: list[int]) -> Callable[[random.Random], str]:
    """Half members of an increasing sequence, half numbers strictly between two neighbouring
    members, so that "is it in the sequence" is not "is it small"."""

    def sample(rng: random.Random) -> str:
        while True:
            i = rng.randrange(len(members) - 1)
            if rng.random() < 0.5:
                return str(members[i + 1])
            if members[i + 1] - members[i] > 1:
                return str(rng.randint(members[i] + 1, members[i + 1] - 1))

    return sample


def _is_square(n: int) -> bool:
    return n >= 0 and math.isqrt(n) ** 2 == n


def _is_triangular(n: int) -> bool:
    return n > 0 and _is_square(8 * n + 1)


# The sampler's members start at 3, so "small" is not "yes"; the solver tests any number.
_TRIANGULAR = [k * (k + 1) // 2 for k in range(2, 101)]


def _prime_pair(rng: random.Random) -> str:
    # Each number prime with chance 0.7, so about half the pairs are both prime.
    return f"{_prime_or_not(rng, rng.random() < 0.7)}, {_prime_or_not(rng, rng.random() < 0.7)}"


def _prime_or_not(rng: random.Random, prime: bool) -> int:
    while _is_prime(n := rng.randint(2, 499)) != prime:
        pass
    return n


def _both_prime(x: str) -> str:
    a, b = ints(x)  # exactly two: on one number this would be is_prime
    return yes_no(_is_prime(a) and _is_prime(b))


def _position(pick: Callable[[list[int]], int], labels: tuple[str, ...]) -> Callable[[str], str]:
    """The label of the position of ``pick(numbers)``; the numbers must be as many as the labels."""

    def solve(x: str) -> str:
        ns = ints(x)
        if len(ns) != len(labels) or len(set(ns)) != len(ns):
            raise ValueError(f"not {len(labels)} different numbers: {x!r}")
        return labels[ns.index(pick(ns))]

    return solve


def _digit_sum(n: int) -> int:
    return sum(map(int, str(n)))


def _different_digit_sums(rng: random.Random) -> str:
    while _digit_sum(a := rng.randrange(1000)) == _digit_sum(b := rng.randrange(1000)):
        pass
    return f"{a}, {b}"


def _larger_digit_sum(x: str) -> str:
    a, b = map(_digit_sum, ints(x))
    if a == b:
        raise ValueError(f"equal digit sums: {x!r}")
    return "first" if a > b else "second"


# training-only siblings (``builtin_suite(extra=True)``) of the held-out is_palindrome, is_prime and
# compare_numbers: the mirror test on numbers, word pairs and lists; other number properties and the
# prime test on a pair (not "is composite", the plain negation; not powers of two or Fibonacci
# numbers, too few to fill half of 112 distinct inputs); the other extreme, three numbers, another
# quantity compared; so a hypernetwork sees how the named property or order changes the label
EXTRA_SPECS = [
    spec(
        "is_number_palindrome",
        "a whole number",
        [
            "say yes if the number is a palindrome and no otherwise",
            "decide whether the digits read the same forwards and backwards; answer yes or no",
            "check if the number is unchanged when its digits are reversed (yes/no)",
            "is the number spelled the same in reverse? answer yes or no",
            "tell me with yes or no whether the digits form a palindrome",
        ],
        _digits_palindrome,
        sample=_number_palindrome,
        training_phrasings=[
            "answer yes or no to whether the number is a palindrome",
            "let me know if this number looks the same written backwards, yes or no",
            "output yes if the number's decimal digits equal their reverse and no otherwise",
            "determine whether flipping the order of the digits gives back the same number, responding yes or no",
        ],
    ),
    spec(
        "is_reversed_pair",
        "two comma-separated words",
        [
            "say yes if the second word is the first word written backwards and no otherwise",
            "decide whether reversing the first word gives the second; answer yes or no",
            "check if the two words are mirror images of each other letter by letter (yes/no)",
            "is the second word the first one spelled in reverse? answer yes or no",
            "tell me with yes or no whether the second word reads like the first read backwards",
        ],
        _is_reversed_pair,
        sample=_reversed_pair,
        training_phrasings=[
            "answer yes or no to whether the second word is the first reversed",
            "let me know, yes or no, if the two words are each other backwards",
            "output yes if the second word equals the first word's letters in reverse order and no otherwise",
            "determine whether the latter word is the former written right to left, responding yes or no",
        ],
    ),
    spec(
        "is_list_palindrome",
        "a list of numbers in square brackets",
        [
            "say yes if the list is a palindrome and no otherwise",
            "decide whether the list reads the same from both ends; answer yes or no",
            "check if reversing the list leaves it unchanged (yes/no)",
            "is the list the same backwards as forwards? answer yes or no",
            "tell me with yes or no whether the numbers form a palindrome",
        ],
        _is_list_palindrome,
        sample=_list_palindrome,
        training_phrasings=[
            "answer yes or no to whether the list is a palindrome",
            "let me know if this list looks the same read from the back, yes or no",
            "output yes if the bracketed list equals its reverse element by element and no otherwise",
            "determine whether the list is symmetric around its middle, responding yes or no",
        ],
    ),
    spec(
        "is_semiprime",
        "a whole number",
        [
            "say yes if the number is the product of exactly two primes and no otherwise",
            "decide whether the number is a semiprime; answer yes or no",
            "check if the integer is one prime times another, possibly the same one (yes/no)",
            "is the number a prime multiplied by a prime? answer yes or no",
            "tell me with yes or no whether the value splits into exactly two prime factors",
        ],
        lambda x: yes_no(_is_semiprime(int(x))),
        sample=_balanced(_is_semiprime, 2, 499),
        training_phrasings=[
            "answer yes or no to whether the number is semiprime",
            "let me know if you can get this number by multiplying two primes, which may be equal, yes or no",
            "output yes if the number equals p times q for primes p and q, not necessarily distinct, and no otherwise",
            "determine whether the integer factors into precisely two primes, counting repeats, responding yes or no",
        ],
    ),
    spec(
        "is_triangular",
        "a whole number",
        [
            "say yes if the number is a triangular number and no otherwise",
            "decide whether the number is 1 + 2 + 3 + ... up to some whole number; answer yes or no",
            "check if the integer is in the sequence 3, 6, 10, 15, 21 and so on (yes/no)",
            "is the number triangular? answer yes or no",
            "tell me with yes or no whether that many dots could be stacked into a triangle",
        ],
        lambda x: yes_no(_is_triangular(int(x))),
        sample=_near_members(_TRIANGULAR),
        training_phrasings=[
            "test the number for being triangular, yes or no",
            "let me know if this number is a triangle number, yes or no",
            "output yes if the number equals k(k + 1)/2 for some positive integer k and no otherwise",
            "determine whether the integer is a partial sum of the counting numbers starting from 1, responding yes or no",
        ],
    ),
    spec(
        "both_prime",
        "two comma-separated numbers",
        [
            "say yes if both numbers are prime and no otherwise",
            "decide whether each of the two numbers is a prime number; answer yes or no",
            "check if the first and the second integer are both prime (yes/no)",
            "are the two numbers each divisible only by 1 and themselves? answer yes or no",
            "tell me with yes or no whether the pair consists of two primes",
        ],
        _both_prime,
        sample=_prime_pair,
        training_phrasings=[
            "answer yes or no to whether the two numbers are both prime",
            "let me know, yes or no, if these two numbers are primes, both of them",
            "output yes if each of the two comma-separated integers has exactly two positive divisors, and no otherwise",
            "determine whether the pair contains no composite number, responding yes or no",
        ],
    ),
    spec(
        "compare_numbers_smaller",
        "two comma-separated numbers",
        [
            "say which number is smaller: first or second",
            "answer first if the first number is less, otherwise second",
            "decide whether the first or the second value is lower",
            "label the position of the smaller number (first/second)",
            "tell me if the smaller number comes first or second",
        ],
        _position(min, ("first", "second")),
        sample=lambda rng: ", ".join(map(str, rng.sample(range(1000), 2))),
        training_phrasings=[
            "reply first or second for where the smaller number is",
            "let me know which of the two numbers is lower, the first one or the second one",
            "output first if the first number is below the second and second otherwise",
            "identify the position of the minimum of the two values, answering first or second",
        ],
    ),
    spec(
        "largest_of_three",
        "three comma-separated numbers",
        [
            "say which number is largest: first, second or third",
            "answer first, second or third for the position of the biggest number",
            "decide which of the three values is the greatest, by its place",
            "label the position of the largest number (first/second/third)",
            "tell me whether the biggest number comes first, second or third",
        ],
        _position(max, ("first", "second", "third")),
        sample=lambda rng: ", ".join(map(str, rng.sample(range(1000), 3))),
        training_phrasings=[
            "reply first, second or third for where the largest number is",
            "let me know where the top number sits among the three, first, second or third",
            "output the position (first, second or third) of the maximum of the three values",
            "locate the greatest of the three numbers and name its slot as first, second or third",
        ],
    ),
    spec(
        "smallest_of_three",
        "three comma-separated numbers",
        [
            "say which number is smallest: first, second or third",
            "answer first, second or third for the position of the lowest number",
            "decide which of the three values is the least, by its place",
            "label the position of the smallest number (first/second/third)",
            "tell me whether the smallest number comes first, second or third",
        ],
        _position(min, ("first", "second", "third")),
        sample=lambda rng: ", ".join(map(str, rng.sample(range(1000), 3))),
        training_phrasings=[
            "reply first, second or third for where the smallest number is",
            "let me know where the bottom number sits among the three, first, second or third",
            "output the position (first, second or third) of the minimum of the three values",
            "locate the least of the three numbers and name its slot as first, second or third",
        ],
    ),
    spec(
        "larger_digit_sum",
        "two comma-separated numbers",
        [
            "say which number has the larger digit sum: first or second",
            "answer first if the digits of the first number add up to more, otherwise second",
            "decide whether the first or the second value has the greater sum of digits",
            "label the position of the number whose digits total more (first/second)",
            "tell me if the number with the bigger digit sum comes first or second",
        ],
        _larger_digit_sum,
        sample=_different_digit_sums,
        training_phrasings=[
            "reply first or second for the number whose digits sum higher",
            "add up each number's digits and let me know whether the first or the second gets the bigger total",
            "output first if the sum of the first number's digits exceeds that of the second, and second otherwise",
            "compare the two numbers by their digit totals and report the position of the higher one, first or second",
        ],
    ),
]
