"""Two items in one input: two words ("apple, river"), a word and a number ("banana 3"), a word
and a letter ("banana, a") or two numbers ("12, 30"). Each task compares, combines or picks."""

from __future__ import annotations

import math
import random
import re
import string
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import zip_longest

from hypernet.tasks import sources
from hypernet.tasks.families._common import VOWELS, word, yes_no
from hypernet.tasks.spec import Sampler, TaskSpec, spec

FAMILY = "pairs"
TEMPLATES = (
    "Pair puzzle: {p}.",
    "The input holds two items. {P}, and give just the answer.",
)
WORDS = "two comma-separated words"
WORD_NUMBER = "a word followed by a number"
WORD_LETTER = "a word and a single letter, separated by a comma"
NUMBERS = "two comma-separated numbers"

def _two_words(x: str) -> tuple[str, str]:
    """The words of "apple, river". Number pairs are refused: on "34, 92" "the alphabetically first"
    would be arithmetic.min_of_two."""
    a, b = x.split(", ")
    if not (a.isalpha() and b.isalpha()):
        raise ValueError(f"not two words: {x!r}")
    return a, b


def _word_number(x: str) -> tuple[str, int]:
    """The parts of "banana 3"."""
    m = re.fullmatch(r"([a-z]+) (\d+)", x)
    if m is None:
        raise ValueError(f"not a word and a number: {x!r}")
    return m.group(1), int(m.group(2))


def _word_letter(x: str) -> tuple[str, str]:
    """The parts of "banana, a"."""
    m = re.fullmatch(r"([a-z]+), ([a-z])", x)
    if m is None:
        raise ValueError(f"not a word and a letter: {x!r}")
    return m.group(1), m.group(2)


def _two_ints(x: str) -> tuple[int, int]:
    a, b = x.split(", ")
    return int(a), int(b)


def _pair_where(test: Callable[[str, str], bool], lo: int = 3, hi: int = 8) -> Sampler:
    """Two different words for which ``test`` holds."""

    def sample(rng: random.Random) -> str:
        while True:
            a, b = word(rng, lo, hi), word(rng, lo, hi)
            if a != b and test(a, b):
                return f"{a}, {b}"

    return sample


@lru_cache(maxsize=4)
def _groups(key_len: int, from_end: bool) -> dict[str, tuple[str, ...]]:
    """Common words (3+ letters) grouped by their first or last ``key_len`` letters (2+ a group)."""
    out: dict[str, list[str]] = {}
    for w in sources.common_words():
        if len(w) >= 3:
            out.setdefault(w[-key_len:] if from_end else w[:key_len], []).append(w)
    return {k: tuple(v) for k, v in sorted(out.items()) if len(v) >= 2}


def _balanced_match(key: Callable[[str], str], key_len: int, from_end: bool) -> Sampler:
    """Half the pairs share ``key`` (drawn from one group), half do not."""

    def sample(rng: random.Random) -> str:
        groups = _groups(key_len, from_end)
        if rng.random() < 0.5:
            a, b = rng.sample(groups[rng.choice(sorted(groups))], 2)
        else:
            while key(a := word(rng, 3, 9)) == key(b := word(rng, 3, 9)):
                pass
        return f"{a}, {b}"

    return sample


def _interleave(a: str, b: str) -> str:
    return "".join(p + q for p, q in zip_longest(a, b, fillvalue=""))


def _vowels(w: str) -> int:
    return sum(c in VOWELS for c in w)


def _vowel_start_pair(rng: random.Random) -> str:
    # Half the time the vowel word is alphabetically later (vowel words are mostly a- and e-words),
    # so "the first in the alphabet" is no stand-in for this rule.
    later = rng.random() < 0.5
    while True:
        v, c = word(rng, 3, 8), word(rng, 3, 8)
        if v[0] in VOWELS and c[0] not in VOWELS and (v > c) == later:
            return f"{v}, {c}" if rng.random() < 0.5 else f"{c}, {v}"


def _more_vowels_pair(rng: random.Random) -> str:
    # Half the time the word with more vowels is the shorter one by two letters or more: "the
    # longer word" would otherwise be right three times in four.
    longer = rng.random() < 0.5
    while True:
        a, b = word(rng, 3, 9), word(rng, 3, 9)
        if _vowels(a) != _vowels(b):
            rich, poor = (a, b) if _vowels(a) > _vowels(b) else (b, a)
            if len(rich) > len(poor) if longer else len(rich) + 2 <= len(poor):
                return f"{a}, {b}"


def _vowel_start_word(x: str) -> str:
    starts = [w for w in _two_words(x) if w[0] in VOWELS]
    if len(starts) != 1:
        raise ValueError(f"not exactly one word starting with a vowel: {x!r}")
    return starts[0]


def _more_vowels(x: str) -> str:
    a, b = _two_words(x)
    if _vowels(a) == _vowels(b):
        raise ValueError(f"a tie: {x!r}")
    return a if _vowels(a) > _vowels(b) else b


def _word_and_number(lo: int, hi: int, first: int, last: Callable[[str], int]) -> Sampler:
    """"word n" with n from ``first`` to ``last(word)``."""

    def sample(rng: random.Random) -> str:
        w = word(rng, lo, hi)
        return f"{w} {rng.randint(first, last(w))}"

    return sample


def _letter_at(x: str) -> str:
    w, n = _word_number(x)
    if not 1 <= n <= len(w):
        raise ValueError(f"no letter {n} in {w!r}")
    return w[n - 1]


def _first_n(x: str) -> str:
    w, n = _word_number(x)
    if not 2 <= n < len(w):
        raise ValueError(f"cannot take {n} letters of {w!r}")
    return w[:n]


def _repeat(x: str) -> str:
    w, n = _word_number(x)
    if not 2 <= n <= 9:
        raise ValueError(f"not a small count: {x!r}")
    return " ".join([w] * n)


def _letter_counted(rng: random.Random) -> str:
    """"word, letter" with the letter 0, 1 or 2 times in the word, so that the answer is not nearly
    always 1 (few common words hold a letter three times)."""
    want = rng.choice((0, 1, 2, 2))
    while True:
        w = word(rng, 4, 9)
        if letters := [c for c in string.ascii_lowercase if w.count(c) == want]:
            return f"{w}, {rng.choice(letters)}"


def _letter_inside(rng: random.Random) -> str:
    w = word(rng, 4, 9)
    return f"{w}, {rng.choice(sorted(set(w)))}"


def _remove_letter(x: str) -> str:
    w, c = _word_letter(x)
    if c not in w or set(w) == {c}:
        raise ValueError(f"nothing sensible to remove: {x!r}")
    return w.replace(c, "")


@lru_cache(maxsize=1)
def _coprime_pairs() -> tuple[tuple[int, int], ...]:
    """Ordered pairs of different coprime numbers 2..9 (so neither number divides the other)."""
    return tuple(
        (x, y) for x in range(2, 10) for y in range(2, 10) if x != y and math.gcd(x, y) == 1
    )


def _gcd_pair(rng: random.Random) -> str:
    g, (x, y) = rng.randint(2, 12), rng.choice(_coprime_pairs())
    return f"{g * x}, {g * y}"


def _lcm_pair(rng: random.Random) -> str:
    # A shared factor of 2+, so the least common multiple is never simply the product.
    g, (x, y) = rng.randint(2, 6), rng.choice(_coprime_pairs())
    return f"{g * x}, {g * y}"


def _decimal(rng: random.Random, whole: int) -> tuple[str, float]:
    digits = rng.randint(1, 3)
    frac = rng.randrange(10 ** (digits - 1), 10**digits)
    while frac % 10 == 0:  # no trailing zeros: "3.50" would be written "3.5"
        frac = rng.randrange(10 ** (digits - 1), 10**digits)
    text = f"{whole}.{frac:0{digits}d}"
    return text, float(text)


def _decimal_pair(rng: random.Random) -> str:
    # Mostly the same whole part, so the answer turns on the digits after the point; half the time
    # the larger number has fewer of them (3.9 > 3.14), so length says nothing about size.
    shorter_wins = rng.random() < 0.5
    while True:
        w1 = rng.randint(0, 9)
        w2 = w1 if rng.random() < 0.7 else rng.randint(0, 9)
        (a, fa), (b, fb) = _decimal(rng, w1), _decimal(rng, w2)
        big, small = (a, b) if fa > fb else (b, a)
        if fa != fb and len(a) != len(b) and (len(big) < len(small)) == shorter_wins:
            return f"{a}, {b}"


def _larger_decimal(x: str) -> str:
    a, b = x.split(", ")
    if "." not in a or "." not in b:  # on whole numbers this would be arithmetic.max_of_two
        raise ValueError(f"not two decimals: {x!r}")
    return a if float(a) > float(b) else b


def _quotient_pair(rng: random.Random) -> str:
    return f"{rng.randint(10, 150)}, {rng.randint(2, 12)}"


def _rounding_pair(rng: random.Random) -> str:
    while True:
        a, b = rng.randint(10, 150), rng.randint(3, 12)
        if 2 * (a % b) != b:  # no ties halfway between two multiples
            return f"{a}, {b}"


def _round_to_multiple(x: str) -> str:
    a, b = _two_ints(x)
    if 2 * (a % b) == b:
        raise ValueError(f"halfway: {x!r}")
    return str(a - a % b + (b if 2 * (a % b) > b else 0))


def _words_task(
    name: str,
    phrasings: list[str],
    solve: Callable[[str, str], str],
    sample: Sampler,
    metric: str = "exact",
    training_phrasings: Sequence[str] = (),
) -> TaskSpec:
    return spec(
        name, WORDS, phrasings, lambda x: solve(*_two_words(x)), sample=sample, metric=metric,
        training_phrasings=training_phrasings,
    )


SPECS = [
    _words_task("alphabetically_first", [
        "give whichever of the two words comes first in alphabetical order",
        "return the word of the pair that a dictionary lists earlier",
        "pick the word that is alphabetically smaller",
        "output the one of the two words that sorts first from a to z",
        "name the word of the two that would appear sooner in an index",
    ], min, _pair_where(lambda a, b: True), training_phrasings=[
        "return the alphabetically earlier word",
        "sort the two words a to z and give me the one on top",
        "output the lexicographically smaller of the two words",
        "select the word whose spelling ranks earlier in the alphabet",
    ]),  # fmt: skip
    _words_task("alphabetically_last", [
        "give whichever of the two words comes last in alphabetical order",
        "return the word of the pair that a dictionary lists later",
        "pick the word that is alphabetically greater",
        "output the one of the two words that sorts last from a to z",
        "name the word of the two that would appear further on in an index",
    ], max, _pair_where(lambda a, b: True), training_phrasings=[
        "return the alphabetically later word",
        "sort the two words a to z and give me the one at the bottom",
        "output the lexicographically larger of the two words",
        "select the word whose spelling ranks later in the alphabet",
    ]),  # fmt: skip
    _words_task("shared_letters", [
        "list the letters that appear in both words, in alphabetical order, as one string",
        "give the letters the two words have in common, sorted and without repeats",
        "write each letter found in the first word and also in the second, a to z, no spaces",
        "return the sorted set of letters shared by the pair of words",
        "find which letters occur in each of the two words and spell them out alphabetically",
    ], lambda a, b: "".join(sorted(set(a) & set(b))),
       _pair_where(lambda a, b: bool(set(a) & set(b)), 3, 7), training_phrasings=[
        "join the letters common to both words, a to z, each once",
        "tell me which letters show up in both words, written together in a to z order, each once",
        "output the sorted intersection of the two words' letter sets as one string",
        "collect every letter the pair shares and join them alphabetically, each only once",
    ]),  # fmt: skip
    _words_task("letters_only_in_first", [
        "list the letters of the first word that the second word lacks, sorted, as one string",
        "give the letters found in the first word but not in the second, in alphabetical order",
        "write each letter of word one that never appears in word two, a to z, without repeats",
        "return the sorted letters that belong to the first word only",
        "spell out alphabetically the letters absent from word two yet present in word one",
    ], lambda a, b: "".join(sorted(set(a) - set(b))),
       _pair_where(lambda a, b: bool(set(a) - set(b)), 3, 7), training_phrasings=[
        "join the first word's letters missing from the second, a to z, each once",
        "tell me which letters the first word has that the second doesn't, a to z, each once, no spaces",
        "output the sorted set difference of the first word's letters minus the second word's, as one string",
        "collect the letters unique to the first word and join them alphabetically, each only once",
    ]),  # fmt: skip
    _words_task("interleave_letters", [
        "interleave the letters of the two words, starting with the first word",
        "merge the two words by alternating their letters, then add any leftover letters",
        "take one letter from each word in turn, first word first, to build one string",
        "zip the letters of the two words together, so cat and dog give cdaotg",
        "weave the two words into one by alternating characters, beginning with the first word",
    ], _interleave, _pair_where(lambda a, b: True, 3, 5), training_phrasings=[
        "alternate the letters of the two words, first word first, leftovers at the end",
        "take turns grabbing a letter from each word, starting with the first one, and tack on whatever's left over",
        "concatenate letter 1 of word one, letter 1 of word two, letter 2 of word one and so on, appending any remaining letters",
        "shuffle the two words together like a deck of cards, one letter from each in turn with the first word leading, then add the leftovers",
    ]),  # fmt: skip
    spec("vowel_start_word", WORDS, [
        "return the one of the two words that begins with a vowel",
        "give the word of the pair whose first letter is a, e, i, o or u",
        "pick the word that starts with a vowel rather than a consonant",
        "output whichever word opens with a vowel",
        "tell me which of the two words has a vowel as its initial letter",
    ], _vowel_start_word, sample=_vowel_start_pair, training_phrasings=[
        "return the vowel-initial word",
        "grab the word that kicks off with a vowel",
        "output the word whose first character is one of a, e, i, o, u",
        "choose the word that does not begin with a consonant",
    ]),  # fmt: skip
    spec("more_vowels_word", WORDS, [
        "return the one of the two words that contains more vowels",
        "give the word of the pair with the greater number of a, e, i, o and u letters",
        "pick the word that has the most vowels",
        "output whichever of the two words is richer in vowels",
        "tell me which word holds a larger count of vowel letters",
    ], _more_vowels, sample=_more_vowels_pair, training_phrasings=[
        "return the vowel-heavier word",
        "count the vowels in each word and give me the one with more",
        "output the word whose vowel count is strictly higher",
        "choose the word in which vowels occur more times",
    ]),  # fmt: skip
    _words_task("length_difference", [
        "give the difference between the lengths of the two words",
        "say how many more letters the longer word has than the shorter one",
        "subtract the shorter word's letter count from the longer word's",
        "work out by how many characters the two words differ in length",
        "count the extra letters the longer of the two words has compared with the other",
    ], lambda a, b: str(abs(len(a) - len(b))), _pair_where(lambda a, b: True, 2, 9),
       "numeric", training_phrasings=[
        "give the absolute difference in word length",
        "tell me how many letters longer one word is than the other",
        "compute the absolute value of the first word's length minus the second word's",
        "measure the gap in letter count between the two words",
    ]),  # fmt: skip
    spec("same_first_letter", WORDS, [
        "say yes if the two words start with the same letter and no otherwise",
        "tell me whether both words begin with an identical letter, yes or no",
        "answer yes when the words share their first letter, else no",
        "check if the two words have the same initial",
        "decide whether the opening letters of the pair match, replying yes or no",
    ], lambda x: yes_no(_two_words(x)[0][0] == _two_words(x)[1][0]),
       sample=_balanced_match(lambda w: w[0], 1, False), training_phrasings=[
        "compare the first letters, answering yes or no",
        "check the first letter of each word and just say yes if they're the same, no if they're different",
        "output yes if the initial character of each word is the same and no otherwise",
        "find out if both words are headed by the same letter and reply yes or no",
    ]),  # fmt: skip
    spec("same_ending", WORDS, [
        "say yes if the two words end with the same two letters and no otherwise",
        "tell me whether both words finish in an identical pair of letters, yes or no",
        "answer yes when the last two letters of the words match, else no",
        "check if the two words share their final two letters",
        "decide whether the closing two letters of the pair agree, replying yes or no",
    ], lambda x: yes_no(_two_words(x)[0][-2:] == _two_words(x)[1][-2:]),
       sample=_balanced_match(lambda w: w[-2:], 2, True), training_phrasings=[
        "test the last two letters of the words for equality, yes or no",
        "check the final pair of letters in each word and just say yes if they're the same, no if they're different",
        "output yes if the two-letter suffixes of the two words are equal and no otherwise",
        "find out if both words wrap up with the same two letters and reply yes or no",
    ]),  # fmt: skip
    spec("repeat_word_n_times", WORD_NUMBER, [
        "write the word as many times as the number says, separated by spaces",
        "repeat the word the given number of times",
        "output the word n times in a row, where n is the number after it",
        "copy the word once for each unit of the number, with spaces between the copies",
        "produce the word again and again until it appears exactly the stated number of times",
    ], _repeat, sample=_word_and_number(3, 7, 2, lambda w: 5), training_phrasings=[
        "write the word n times, space-separated",
        "just type the word out the number of times given, with spaces between",
        "output n space-separated copies of the word, n being the number that follows it",
        "duplicate the word to reach the given count, joining the copies with single spaces",
    ]),  # fmt: skip
    spec("letter_at_position", WORD_NUMBER, [
        "give the letter of the word at the position the number names, counting from 1",
        "return the n-th letter of the word, where n is the number after it",
        "pick out the letter whose place in the word is the given number",
        "use the number as a position and write the letter found there",
        "count along the word to the stated place and tell me the letter that sits there",
    ], _letter_at, sample=_word_and_number(4, 9, 1, len), training_phrasings=[
        "get the letter at the given 1-based position",
        "tell me which letter is in spot number n of the word, where the first letter is spot 1",
        "output character n of the word using 1-based indexing, n being the number",
        "look up the letter standing in the numbered place, with the word's first letter as place 1",
    ]),  # fmt: skip
    spec("first_n_letters_of_word", WORD_NUMBER, [
        "give as many letters from the start of the word as the number says",
        "return the first n letters of the word, where n is the number after it",
        "cut the word after the given number of letters",
        "keep only the opening letters of the word, the number telling how many",
        "trim the word so that just its leading part, of the stated length, remains",
    ], _first_n, sample=_word_and_number(5, 9, 2, lambda w: len(w) - 1), training_phrasings=[
        "keep just the word's first n letters, n being the number",
        "grab the first few letters of the word, exactly as many as the number says",
        "output the prefix of the word whose length equals the number",
        "copy the word from its beginning and stop once you have that many letters",
    ]),  # fmt: skip
    spec("count_given_letter", WORD_LETTER, [
        "count how many times the given letter occurs in the word",
        "say how often the letter after the comma appears in the word",
        "give the number of occurrences of that letter in the word",
        "tally the places where the word contains the named letter",
        "work out how many copies of the second item the word holds",
    ], lambda x: str(_word_letter(x)[0].count(_word_letter(x)[1])),
       sample=_letter_counted, metric="numeric", training_phrasings=[
        "count occurrences of the letter in the word",
        "tell me how many of that letter are in the word, zero if none",
        "output the number of positions in the word holding the given letter",
        "find the frequency of the specified letter within the word",
    ]),  # fmt: skip
    spec("remove_given_letter", WORD_LETTER, [
        "delete every occurrence of the given letter from the word",
        "write the word without the letter that follows the comma",
        "strip all copies of that letter out of the word",
        "remove the named letter wherever it appears in the word",
        "give back the word once each instance of the second item has been taken out",
    ], _remove_letter, sample=_letter_inside, training_phrasings=[
        "drop the letter from the word everywhere",
        "cross out that letter every time it shows up in the word and give me the rest",
        "return the word filtered to exclude the given character, the other letters kept in order",
        "erase each appearance of the specified letter from the word",
    ]),  # fmt: skip
    spec("greatest_common_divisor", NUMBERS, [
        "give the greatest common divisor of the two numbers",
        "find the largest whole number that divides both numbers exactly",
        "compute the gcd of the pair",
        "return the highest common factor of the two numbers",
        "work out the biggest number that goes evenly into each of the two",
    ], lambda x: str(math.gcd(*_two_ints(x))), sample=_gcd_pair, metric="numeric", training_phrasings=[
        "get the greatest common factor",
        "tell me the largest number you can divide both of these by with nothing left over",
        "output gcd(a, b) for the two given integers",
        "determine the largest shared divisor of the two numbers",
    ]),  # fmt: skip
    spec("least_common_multiple", NUMBERS, [
        "give the least common multiple of the two numbers",
        "find the smallest positive number that both numbers divide exactly",
        "compute the lcm of the pair",
        "return the lowest common multiple of the two numbers",
        "work out the first number that appears in the times tables of both",
    ], lambda x: str(math.lcm(*_two_ints(x))), sample=_lcm_pair, metric="numeric", training_phrasings=[
        "give the smallest shared multiple",
        "tell me the smallest number that both of these go into with nothing left over",
        "output lcm(a, b) for the two given integers",
        "identify the lowest value that is a multiple of both numbers",
    ]),  # fmt: skip
    spec("larger_decimal", "two comma-separated decimal numbers", [
        "give the larger of the two decimal numbers",
        "return whichever decimal has the greater value, written as it is",
        "pick the bigger of the two decimals, comparing their values and not their lengths",
        "output the decimal number that is greater",
        "tell me which of the pair of decimal fractions is worth more",
    ], _larger_decimal, sample=_decimal_pair, metric="numeric", training_phrasings=[
        "return the greater decimal, as written",
        "compare the two decimals by value and give me the bigger one exactly as it appears",
        "output the decimal with the higher numeric value, copied unchanged from the input",
        "choose the maximum of the two decimal numbers, ignoring how many digits each has",
    ]),  # fmt: skip
    spec("whole_quotient", NUMBERS, [
        "divide the first number by the second and give the whole-number part of the result",
        "say how many whole times the second number fits into the first",
        "compute the integer quotient of the first number by the second, dropping the remainder",
        "return the first number floor-divided by the second",
        "work out the result of the division rounded down to a whole number",
    ], lambda x: str(_two_ints(x)[0] // _two_ints(x)[1]), sample=_quotient_pair,
       metric="numeric", training_phrasings=[
        "integer-divide the first number by the second",
        "divide the first by the second and give me the answer without the leftover part",
        "output floor(a / b), where a is the first number and b the second",
        "find the count of complete groups of the second number inside the first",
    ]),  # fmt: skip
    spec("round_to_multiple", NUMBERS, [
        "round the first number to the nearest multiple of the second",
        "give the multiple of the second number that is closest to the first",
        "move the first number to the nearest value in the second number's times table",
        "return the first number rounded to a multiple of the second",
        "snap the first number onto the closest whole multiple of the second one",
    ], _round_to_multiple, sample=_rounding_pair, metric="numeric", training_phrasings=[
        "find the first number's nearest multiple of the second",
        "take the first number and move it up or down to whichever multiple of the second is closest",
        "output b times round(a / b), where a is the first number and b the second",
        "approximate the first number by the multiple of the second that lies nearest to it",
    ]),  # fmt: skip
]


def _consonants(w: str) -> int:
    return len(w) - _vowels(w)


def _more_consonants_pair(rng: random.Random) -> str:
    # Half the time the word with more consonants is not the longer one, so length is no stand-in.
    longer = rng.random() < 0.5
    while True:
        a, b = word(rng, 3, 9), word(rng, 3, 9)
        if _consonants(a) != _consonants(b):
            rich, poor = (a, b) if _consonants(a) > _consonants(b) else (b, a)
            if len(rich) > len(poor) if longer else len(rich) <= len(poor):
                return f"{a}, {b}"


def _more_consonants(x: str) -> str:
    a, b = _two_words(x)
    if _consonants(a) == _consonants(b):
        raise ValueError(f"a tie: {x!r}")
    return a if _consonants(a) > _consonants(b) else b


def _fewer_vowels(x: str) -> str:
    a, b = _two_words(x)
    if _vowels(a) == _vowels(b):
        raise ValueError(f"a tie: {x!r}")
    return a if _vowels(a) < _vowels(b) else b


def _same(key: Callable[[str], str]) -> Callable[[str], str]:
    return lambda x: yes_no(key(_two_words(x)[0]) == key(_two_words(x)[1]))


def _repeat_joined(sep: str) -> Callable[[str], str]:
    def solve(x: str) -> str:
        w, n = _word_number(x)
        if not 2 <= n <= 9:
            raise ValueError(f"not a small count: {x!r}")
        return sep.join([w] * n)

    return solve


def _repeat_letters(x: str) -> str:
    w, n = _word_number(x)
    if not 2 <= n <= 9:
        raise ValueError(f"not a small count: {x!r}")
    return "".join(c * n for c in w)


def _rounded_quotient(x: str) -> str:
    a, b = _two_ints(x)
    if 2 * (a % b) == b:
        raise ValueError(f"halfway: {x!r}")
    return str(a // b + (1 if 2 * (a % b) > b else 0))


# training-only siblings (``builtin_suite(extra=True)``): the other set operations on the letters,
# other comparisons of two words, other shared beginnings and endings, other ways to repeat, and
# the quotient rounded like round_to_multiple rounds (rounding down or up to a multiple is in
# arithmetic's siblings), beside the held-out letters_only_in_first, more_vowels_word, same_ending,
# repeat_word_n_times and round_to_multiple
EXTRA_SPECS = [
    _words_task("letters_only_in_second", [
        "list the letters of the second word that the first word lacks, sorted, as one string",
        "give the letters found in the second word but not in the first, in alphabetical order",
        "write each letter of word two that never appears in word one, a to z, without repeats",
        "return the sorted letters that belong to the second word only",
        "spell out alphabetically the letters absent from word one yet present in word two",
    ], lambda a, b: "".join(sorted(set(b) - set(a))),
       _pair_where(lambda a, b: bool(set(b) - set(a)), 3, 7), training_phrasings=[
        "join the second word's letters missing from the first, a to z, each once",
        "tell me which letters the second word has that the first doesn't, a to z, each once, no spaces",
        "output the sorted set difference of the second word's letters minus the first word's, as one string",
        "collect the letters unique to the second word and join them alphabetically, each only once",
    ]),  # fmt: skip
    _words_task("letters_in_exactly_one", [
        "list the letters that appear in one of the two words but not in both, sorted, as one string",
        "give the letters the two words do not share, in alphabetical order and without repeats",
        "write each letter found in exactly one of the words, a to z, no spaces",
        "return the sorted symmetric difference of the two words' letters",
        "spell out alphabetically every letter that belongs to just one word of the pair",
    ], lambda a, b: "".join(sorted(set(a) ^ set(b))),
       _pair_where(lambda a, b: bool(set(a) - set(b) and set(b) - set(a)), 3, 7), training_phrasings=[
        "join the letters not shared by both words, a to z, each once",
        "tell me which letters show up in one word or the other but not both, a to z, each once, no spaces",
        "output, as one sorted string, the letters in the union of the two words but not in their intersection",
        "gather the letters the words fail to have in common and join them alphabetically, each only once",
    ]),  # fmt: skip
    _words_task("letters_in_either", [
        "list every letter that appears in either word, sorted, as one string",
        "give all the letters used by the two words together, in alphabetical order, without repeats",
        "write each letter found in the first word or the second, a to z, no spaces",
        "return the sorted union of the letters of the two words",
        "spell out alphabetically the full set of letters the pair of words is made of",
    ], lambda a, b: "".join(sorted(set(a) | set(b))),
       _pair_where(lambda a, b: True, 3, 7), training_phrasings=[
        "join all letters from both words, a to z, each once",
        "tell me every letter that shows up anywhere in the two words, a to z, each once, no spaces",
        "output, as one sorted string, each distinct letter occurring in at least one of the two words",
        "gather the letters used across both words and join them alphabetically, each only once",
    ]),  # fmt: skip
    spec("more_consonants_word", WORDS, [
        "return the one of the two words that contains more consonants",
        "give the word of the pair with the greater number of letters that are not vowels",
        "pick the word that has the most consonants",
        "output whichever of the two words is richer in consonants",
        "tell me which word holds a larger count of non-vowel letters",
    ], _more_consonants, sample=_more_consonants_pair, training_phrasings=[
        "return the consonant-heavier word",
        "count the consonants in each word and give me the one with more",
        "output the word whose consonant count is strictly higher",
        "choose the word in which consonants occur more times",
    ]),  # fmt: skip
    spec("fewer_vowels_word", WORDS, [
        "return the one of the two words that contains fewer vowels",
        "give the word of the pair with the smaller number of a, e, i, o and u letters",
        "pick the word that has the fewest vowels",
        "output whichever of the two words is poorer in vowels",
        "tell me which word holds a lower count of vowel letters",
    ], _fewer_vowels, sample=_more_vowels_pair, training_phrasings=[
        "return the word that is lighter on vowels",
        "count the vowels in each word and give me the one with fewer",
        "output the word whose vowel count is strictly lower",
        "choose the word in which vowels occur fewer times",
    ]),  # fmt: skip
    _words_task("longer_word", [
        "return the longer of the two words",
        "give the word of the pair that has more letters",
        "pick the word with the greater length",
        "output whichever of the two words is longer",
        "tell me which word is made of more characters",
    ], lambda a, b: a if len(a) > len(b) else b,
       _pair_where(lambda a, b: len(a) != len(b), 2, 9), training_phrasings=[
        "give the lengthier word",
        "count the letters in each and hand back the one with more",
        "output the word whose length is strictly greater",
        "identify the bigger word of the pair by letter count and write it",
    ]),  # fmt: skip
    spec("same_first_two_letters", WORDS, [
        "say yes if the two words start with the same two letters and no otherwise",
        "tell me whether both words begin with an identical pair of letters, yes or no",
        "answer yes when the first two letters of the words match, else no",
        "check if the two words share their opening two letters",
        "decide whether the first couple of letters of the pair agree, replying yes or no",
    ], _same(lambda w: w[:2]), sample=_balanced_match(lambda w: w[:2], 2, False), training_phrasings=[
        "test the first two letters of the words for equality, yes or no",
        "check the opening pair of letters in each word and just say yes if they're the same, no if they're different",
        "output yes if the two-letter prefixes of the two words are equal and no otherwise",
        "find out if both words kick off with the same two letters and reply yes or no",
    ]),  # fmt: skip
    spec("same_last_three_letters", WORDS, [
        "say yes if the two words end with the same three letters and no otherwise",
        "tell me whether both words finish in an identical run of three letters, yes or no",
        "answer yes when the last three letters of the words match, else no",
        "check if the two words share their final three letters",
        "decide whether the closing three letters of the pair agree, replying yes or no",
    ], _same(lambda w: w[-3:]), sample=_balanced_match(lambda w: w[-3:], 3, True), training_phrasings=[
        "test the last three letters of the words for equality, yes or no",
        "check the final three letters of each word and just say yes if they're the same, no if they're different",
        "output yes if the three-letter suffixes of the two words are equal and no otherwise",
        "find out if both words wrap up with the same three letters and reply yes or no",
    ]),  # fmt: skip
    spec("repeat_word_with_commas", WORD_NUMBER, [
        "write the word as many times as the number says, separated by commas",
        "repeat the word the given number of times, with a comma and a space between copies",
        "output the word n times as a comma-separated list, where n is the number after it",
        "list the word once for each unit of the number, commas between the copies",
        "produce a comma-separated run of the word that holds exactly the stated number of copies",
    ], _repeat_joined(", "), sample=_word_and_number(3, 7, 2, lambda w: 5), training_phrasings=[
        "write the word n times, comma-separated",
        "just type the word out the number of times given, with a comma and a space between each",
        "output n copies of the word joined by ', ', n being the number that follows it",
        "duplicate the word to reach the given count, joining the copies with commas",
    ]),  # fmt: skip
    spec("repeat_word_without_spaces", WORD_NUMBER, [
        "write the word as many times as the number says, with no spaces between the copies",
        "repeat the word the given number of times, all run together",
        "output the word n times glued into one string, where n is the number after it",
        "concatenate that many copies of the word, the number telling how many",
        "produce one long string made of the word repeated exactly the stated number of times",
    ], _repeat_joined(""), sample=_word_and_number(3, 7, 2, lambda w: 5), training_phrasings=[
        "write the word n times with nothing in between",
        "just type the word out the number of times given, all squashed together",
        "output n copies of the word concatenated with no separator, n being the number that follows it",
        "duplicate the word to reach the given count, joining the copies directly",
    ]),  # fmt: skip
    spec("repeat_each_letter", WORD_NUMBER, [
        "write every letter of the word as many times as the number says",
        "repeat each letter of the word the given number of times, keeping the letters in order",
        "stretch the word by writing each of its letters n times, where n is the number after it",
        "replace every letter with that many copies of itself, the number telling how many",
        "produce the word with each character repeated exactly the stated number of times in place",
    ], _repeat_letters, sample=_word_and_number(3, 7, 2, lambda w: 5), training_phrasings=[
        "repeat each letter in place by the given count",
        "go through the word letter by letter, writing each one n times, so cat with 2 gives ccaatt",
        "output the concatenation, in order, of each letter of the word written n times, n being the number",
        "make every letter of the word stutter, printing it as many times as the number before moving on",
    ]),  # fmt: skip
    spec("rounded_quotient", NUMBERS, [
        "divide the first number by the second and round the result to the nearest whole number",
        "give the whole number closest to the first number divided by the second",
        "say about how many times the second number fits into the first, rounded to the nearest one",
        "compute the quotient of the first number by the second, rounded off to an integer",
        "work out the division of the first value by the second to the nearest whole unit",
    ], _rounded_quotient, sample=_rounding_pair, metric="numeric", training_phrasings=[
        "divide the two numbers, first by second, and round to the nearest integer",
        "do the first number over the second and round it to the closest whole number",
        "output round(a / b), where a is the first number and b the second",
        "estimate the ratio of the first number to the second as the closest integer",
    ]),  # fmt: skip
]
