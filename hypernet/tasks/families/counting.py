"""Counting: words, letters, vowels, digits, items, sentences."""

from __future__ import annotations

import random
import re
import string

from hypernet.tasks.families._common import VOWELS, distinct_words, sentence, word, words
from hypernet.tasks.sources import first_names
from hypernet.tasks.spec import spec
from hypernet.tasks.wordlists import NOUNS, POSITIVE_WORDS

FAMILY = "counting"
TEMPLATES = (
    "Counting task: {p}.",
    "{P}. Answer with a single number.",
)


def _capitalised_sentence(rng: random.Random) -> str:
    ws = words(rng, 4, 8)
    for i in rng.sample(range(1, len(ws)), rng.randint(0, min(3, len(ws) - 1))):
        ws[i] = rng.choice(first_names())
    return " ".join(ws)


def _alnum(rng: random.Random) -> str:
    n = rng.randint(5, 10)
    return "".join(
        rng.choice(string.ascii_lowercase if rng.random() < 0.6 else string.digits)
        for _ in range(n)
    )


def _items(rng: random.Random) -> str:
    # Some items are two words, so counting items is not counting words.
    out = []
    for _ in range(rng.randint(2, 6)):
        noun = rng.choice(NOUNS)
        out.append(f"{rng.choice(POSITIVE_WORDS)} {noun}" if rng.random() < 0.4 else noun)
    return ", ".join(out)


def _with_repeats(rng: random.Random) -> str:
    ws = distinct_words(rng, 2, 5)
    ws += rng.choices(ws, k=rng.randint(1, 3))
    rng.shuffle(ws)
    return " ".join(ws)


def _maybe_repeats(rng: random.Random) -> str:
    # Half the sentences repeat a word, so counting words differs from counting distinct words.
    ws = words(rng, 1, 8)
    if rng.random() < 0.5:
        ws.insert(rng.randint(0, len(ws)), rng.choice(ws))
    return " ".join(ws)


def _sentences(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 4)):
        ws = words(rng, 1, 3)
        if rng.random() < 0.3:  # a name inside: capitalised words are not sentence starts
            ws.insert(rng.randint(1, len(ws)), rng.choice(first_names()))
        s = " ".join(ws)
        parts.append(s[:1].upper() + s[1:] + rng.choice([".", "!", "?"]))
    return " ".join(parts)


def _count(x: str, chars: str) -> str:
    return str(sum(c in chars for c in x.lower()))


CONSONANTS = "".join(c for c in string.ascii_lowercase if c not in VOWELS)

SPECS = [
    spec(
        "count_words",
        "a sentence",
        [
            "count the words",
            "say how many words the sentence has",
            "give the number of words in the text",
            "tell me the word count",
            "work out how many space-separated words there are",
        ],
        lambda x: str(len(x.split())),
        sample=_maybe_repeats,
        metric="numeric",
        training_phrasings=[
            "find the total number of words",
            "figure out how many words are in there, repeats included",
            "return the number of words in the sentence, counting each occurrence separately",
            "tally up every word in the sentence, including repeated ones",
        ],
    ),
    spec(
        "count_vowels",
        "a short phrase",
        [
            "count the vowels",
            "say how many of the letters are vowels (a, e, i, o, u)",
            "give the number of vowels in the text",
            "tell me how many vowel letters appear",
            "work out the total count of a, e, i, o and u letters",
        ],
        lambda x: _count(x, VOWELS),
        sample=lambda rng: sentence(rng, 1, 3),
        metric="numeric",
        training_phrasings=[
            "total up the vowels",
            "figure out how many vowels are in there",
            "return how many characters of the phrase are vowels, treating only a, e, i, o and u as vowels",
            "report the vowel total for the phrase",
        ],
    ),
    spec(
        "count_letters",
        "a single word",
        [
            "count the letters in the word",
            "say how many characters long the word is",
            "give the length of the word",
            "tell me the number of letters the word has",
            "work out how long the word is, in letters",
        ],
        lambda x: str(len(x)),
        sample=lambda rng: word(rng, 2, 9),
        metric="numeric",
        training_phrasings=[
            "measure the word's length",
            "figure out how many letters are in this word",
            "return the character length of the word as an integer",
            "tally the letters making up the word",
        ],
    ),
    spec(
        "count_consonants",
        "a single word",
        [
            "count the consonants in the word",
            "say how many letters of the word are not vowels",
            "give the number of consonant letters",
            "tell me how many consonants the word contains",
            "work out the count of non-vowel letters in the word",
        ],
        lambda x: _count(x, CONSONANTS),
        sample=lambda rng: word(rng, 2, 9),
        metric="numeric",
        training_phrasings=[
            "total the consonants",
            "figure out how many consonants are in this word",
            "return the number of letters in the word other than a, e, i, o and u",
            "tally the word's consonant letters, with y counted as a consonant",
        ],
    ),
    spec(
        "count_capitalized",
        "a sentence",
        [
            "count the words that start with a capital letter",
            "say how many capitalised words there are",
            "give the number of words beginning with an uppercase letter",
            "tell me how many of the words are capitalized",
            "work out how many words have an initial capital",
        ],
        lambda x: str(sum(w[:1].isupper() for w in x.split())),
        sample=_capitalised_sentence,
        metric="numeric",
        training_phrasings=[
            "tally the words with a capital first letter",
            "figure out how many words kick off with a capital letter",
            "return the number of words whose first character is upper case",
            "determine how many of the sentence's words are spelled with a leading capital",
        ],
    ),
    spec(
        "count_digits",
        "a string of letters and digits",
        [
            "count the digits",
            "say how many numeric characters the string contains",
            "give the number of digits 0-9 in the text",
            "tell me how many characters are digits",
            "work out how many of the characters are numbers",
        ],
        lambda x: str(sum(c.isdigit() for c in x)),
        sample=_alnum,
        metric="numeric",
        training_phrasings=[
            "total the digits",
            "figure out how many digits are mixed in with the letters",
            "return the number of characters in the string that are decimal digits 0 through 9",
            "find how many individual numeral characters the string holds",
        ],
    ),
    spec(
        "count_items",
        "a comma-separated list",
        [
            "count the items in the list",
            "say how many entries the comma-separated list has",
            "give the number of list elements",
            "tell me how many things are listed",
            "work out the length of the list, counting items between commas",
        ],
        lambda x: str(len(x.split(","))),
        sample=_items,
        metric="numeric",
        training_phrasings=[
            "count the list entries",
            "figure out how many things are in this list, even if some take two words",
            "return the number of comma-separated elements",
            "tally the entries in the list, treating multi-word entries as one",
        ],
    ),
    spec(
        "count_letter_e",
        "a short phrase",
        [
            "count how many times the letter e appears",
            "say how many e's the text contains",
            "give the number of occurrences of the letter e",
            "tell me the count of the letter e",
            "work out how often the character e shows up",
        ],
        lambda x: _count(x, "e"),
        sample=lambda rng: sentence(rng, 1, 4),
        metric="numeric",
        training_phrasings=[
            "tally up the e's",
            "figure out how many times you see the letter e in there",
            "return the number of characters in the phrase equal to the letter e",
            "go through the phrase and count every e you find",
        ],
    ),
    spec(
        "count_unique_words",
        "a sentence with repeated words",
        [
            "count the distinct words",
            "say how many different words appear, counting repeats once",
            "give the number of unique words",
            "tell me how many words are left after removing duplicates",
            "work out the size of the vocabulary of the text",
        ],
        lambda x: str(len(set(x.split()))),
        sample=_with_repeats,
        metric="numeric",
        training_phrasings=[
            "tally the unique words",
            "figure out how many different words show up, ignoring repeats",
            "return the cardinality of the set of words in the sentence",
            "list each word once and report how many there are",
        ],
    ),
    spec(
        "count_sentences",
        "a short text",
        [
            "count the sentences",
            "say how many sentences the text contains",
            "give the number of sentences, where each one ends in a period, an exclamation mark or a question mark",
            "tell me the sentence count",
            "work out how many separate sentences are written",
        ],
        lambda x: str(sum(c in ".!?" for c in x)),
        sample=_sentences,
        metric="numeric",
        training_phrasings=[
            "tally the sentences",
            "figure out how many sentences are in this text",
            "return the number of sentence-ending marks: periods, exclamation marks and question marks",
            "determine how many sentences the passage is made of, whatever mark ends them",
        ],
    ),
]


def _count_letter(letter: str):
    return spec(
        f"count_letter_{letter}",
        "a short phrase",
        [
            f"count how many times the letter {letter} appears",
            f"say how many {letter}'s the text contains",
            f"give the number of occurrences of the letter {letter}",
            f"tell me the count of the letter {letter}",
            f"work out how often the character {letter} shows up",
        ],
        lambda x: _count(x, letter),
        sample=lambda rng: sentence(rng, 2, 5),
        metric="numeric",
        training_phrasings=[
            f"tally up the {letter}'s",
            f"figure out how many times you see the letter {letter} in there",
            f"return the number of characters in the phrase equal to the letter {letter}",
            f"go through the phrase and count every {letter} you find",
        ],
    )


def _some_caps(rng: random.Random) -> str:
    out = []
    for w in words(rng, 2, 5):
        r = rng.random()
        out.append(w.upper() if r < 0.35 else w.title() if r < 0.6 else w)
    return " ".join(out)


# Added when the suite grew past 300 tasks (issue 4).
SPECS += [
    *(_count_letter(c) for c in ("a", "o", "s")),
    spec(
        "count_all_caps_words",
        "a sentence with some capitalised words",
        [
            "count the words written entirely in capital letters",
            "say how many words are in all caps",
            "give the number of fully uppercase words, not counting words with only a capital first letter",
            "tell me how many words are shouted in capitals",
            "work out how many of the words have every letter upper case",
        ],
        lambda x: str(sum(w.isupper() for w in x.split())),
        sample=_some_caps,
        metric="numeric",
        training_phrasings=[
            "find how many words appear in block capitals",
            "figure out how many words are written totally in uppercase",
            "return the number of words containing no lower-case letter at all, so Title-case words do not count",
            "tally the all-caps words",
        ],
    ),
    spec(
        "count_long_words",
        "a sentence",
        [
            "count the words that have more than four letters",
            "say how many words are at least five letters long",
            "give the number of words longer than 4 characters",
            "tell me how many of the words have five or more letters",
            "work out how many words are not short, where short means four letters or fewer",
        ],
        lambda x: str(sum(len(w) > 4 for w in x.split())),
        sample=lambda rng: sentence(rng, 3, 8),
        metric="numeric",
        training_phrasings=[
            "count words of five letters or more",
            "figure out how many of these words run to five letters or longer",
            "return the number of words whose length exceeds four characters",
            "tally the words with a length of at least five",
        ],
    ),
    spec(
        "count_vowel_words",
        "a sentence",
        [
            "count the words that start with a vowel",
            "say how many words begin with a, e, i, o or u",
            "give the number of words whose first letter is a vowel",
            "tell me how many of the words open with a vowel",
            "work out how many words have a vowel as their initial letter",
        ],
        lambda x: str(sum(w[0] in VOWELS for w in x.split())),
        sample=lambda rng: sentence(rng, 3, 8),
        metric="numeric",
        training_phrasings=[
            "tally the words starting with a vowel",
            "check each word's first letter and say how many are vowels",
            "return the number of words whose leading character is one of a, e, i, o, u",
            "find how many words lead off with a vowel letter",
        ],
    ),
]


def _count_digits_in(digits: str):
    return lambda x: str(sum(c in digits for c in x))


def _digit_groups(x: str) -> str:
    return str(len(re.findall(r"\d+", x)))


def _ending(mark: str):
    """The number of sentences ending in ``mark`` in a text of sentences (as ``_sentences`` writes)."""

    def solve(x: str) -> str:
        if not x or x[-1] not in ".!?":
            raise ValueError(f"not a text of whole sentences: {x!r}")
        return str(x.count(mark))

    return solve


# training-only siblings (``builtin_suite(extra=True)``) of the held-out count_capitalized,
# count_digits and count_sentences: the same inputs, another property counted (not lower-case words,
# capital letters, letters or digit sums: they answer like count_words, the held-out task,
# count_letters or digit_sum), so a hypernetwork sees how the thing named changes the count
EXTRA_SPECS = [
    spec(
        "count_words_with_e",
        "a sentence",
        [
            "count the words that contain the letter e",
            "say how many words have at least one e in them, capital or small",
            "give the number of words in which an e appears",
            "tell me how many of the words include the letter e",
            "work out how many words are spelled with an e somewhere",
        ],
        lambda x: str(sum("e" in w.lower() for w in x.split())),
        sample=_capitalised_sentence,
        metric="numeric",
        training_phrasings=[
            "tally the words containing e",
            "figure out how many of these words have an e anywhere in them",
            "return the number of words containing at least one e or E",
            "determine how many words feature the letter e at any position, ignoring case",
        ],
    ),
    spec(
        "count_vowel_ending_words",
        "a sentence",
        [
            "count the words that end with a vowel",
            "say how many words finish in a, e, i, o or u",
            "give the number of words whose last letter is a vowel",
            "tell me how many of the words close with a vowel",
            "work out how many words have a vowel as their final letter",
        ],
        lambda x: str(sum(w[-1].lower() in VOWELS for w in x.split())),
        sample=_capitalised_sentence,
        metric="numeric",
        training_phrasings=[
            "tally the words ending in a vowel",
            "figure out how many words have a vowel at the very end",
            "return the number of words whose last character is one of a, e, i, o, u, ignoring case",
            "find how many words wrap up with a vowel",
        ],
    ),
    spec(
        "count_words_over_six_letters",
        "a sentence",
        [
            "count the words that have more than six letters",
            "say how many words are at least seven letters long",
            "give the number of words longer than 6 characters",
            "tell me how many of the words have seven or more letters",
            "work out how many words run past six letters",
        ],
        lambda x: str(sum(len(w) > 6 for w in x.split())),
        sample=_capitalised_sentence,
        metric="numeric",
        training_phrasings=[
            "count words of seven letters or more",
            "figure out how many of these words are seven letters or longer",
            "return the number of words whose length exceeds six characters",
            "tally the words with a length of at least seven",
        ],
    ),
    spec(
        "count_even_digits",
        "a string of letters and digits",
        [
            "count the even digits",
            "say how many of the characters are the digits 0, 2, 4, 6 or 8",
            "give the number of even digits in the text",
            "tell me how many characters are even numerals",
            "work out how many digits in the string are divisible by two",
        ],
        _count_digits_in("02468"),
        sample=_alnum,
        metric="numeric",
        training_phrasings=[
            "tally the even digits",
            "figure out how many digits in there are even",
            "return the number of characters that are digits with an even value, zero included",
            "find how many characters are 0, 2, 4, 6 or 8, ignoring letters and odd digits",
        ],
    ),
    spec(
        "count_odd_digits",
        "a string of letters and digits",
        [
            "count the odd digits",
            "say how many of the characters are the digits 1, 3, 5, 7 or 9",
            "give the number of odd digits in the text",
            "tell me how many characters are odd numerals",
            "work out how many digits in the string are not divisible by two",
        ],
        _count_digits_in("13579"),
        sample=_alnum,
        metric="numeric",
        training_phrasings=[
            "tally the odd digits",
            "figure out how many digits in there are odd",
            "return the number of characters that are digits with an odd value",
            "find how many characters are 1, 3, 5, 7 or 9, ignoring letters and even digits",
        ],
    ),
    spec(
        "count_digit_groups",
        "a string of letters and digits",
        [
            "count the numbers in the string, where a run of neighbouring digits is one number",
            "say how many separate groups of digits the string contains",
            "give the number of unbroken runs of digits in the text",
            "tell me how many blocks of consecutive digits there are",
            "work out how many numbers appear, counting digits next to each other as a single number",
        ],
        _digit_groups,
        sample=_alnum,
        metric="numeric",
        training_phrasings=[
            "count the runs of digits",
            "figure out how many separate numbers are hiding in the string, treating adjacent digits as one",
            "return the number of maximal digit substrings in the string",
            "find how many digit clusters the letters split the string into",
        ],
    ),
    spec(
        "count_questions",
        "a short text",
        [
            "count the questions",
            "say how many sentences end with a question mark",
            "give the number of sentences that ask something",
            "tell me how many of the sentences are questions",
            "work out how many question marks close a sentence",
        ],
        _ending("?"),
        sample=_sentences,
        metric="numeric",
        training_phrasings=[
            "tally the questions",
            "figure out how many questions are in this text",
            "return the number of sentences terminated by '?'",
            "find how many sentences are interrogative",
        ],
    ),
    spec(
        "count_exclamations",
        "a short text",
        [
            "count the exclamations",
            "say how many sentences end with an exclamation mark",
            "give the number of sentences that are exclaimed",
            "tell me how many of the sentences are exclamations",
            "work out how many exclamation marks close a sentence",
        ],
        _ending("!"),
        sample=_sentences,
        metric="numeric",
        training_phrasings=[
            "tally the exclamations",
            "figure out how many exclamations are in this text",
            "return the number of sentences terminated by '!'",
            "find how many sentences are exclamatory",
        ],
    ),
    spec(
        "count_statements",
        "a short text",
        [
            "count the sentences that end with a full stop",
            "say how many sentences finish with a period",
            "give the number of plain statements, the sentences closed by a period",
            "tell me how many of the sentences end in a dot",
            "work out how many sentences are neither questions nor exclamations",
        ],
        _ending("."),
        sample=_sentences,
        metric="numeric",
        training_phrasings=[
            "tally the sentences ending in a period",
            "figure out how many of these sentences just end with a period",
            "return the number of sentences terminated by '.'",
            "find how many sentences are declarative, ending in a full stop",
        ],
    ),
]
