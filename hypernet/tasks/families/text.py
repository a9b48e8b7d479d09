"""String transformations of words and sentences (reverse, case, pig latin, sorting, ...)."""

from __future__ import annotations

import random
from dataclasses import replace

from hypernet.tasks.families._common import VOWELS, distinct_words, sentence, word, words
from hypernet.tasks.spec import spec

FAMILY = "string"
TEMPLATES = (
    "Text editing task: {p}.",
    "String manipulation - {p}. Only print the transformed text.",
)
SENTENCE = "a short sentence"
WORD = "a single word"


def _non_palindrome_word(rng: random.Random) -> str:
    while (w := word(rng, 4, 9)) == w[::-1]:
        pass
    return w


def _mixed_case(rng: random.Random) -> str:
    styled = [
        w.upper() if rng.random() < 0.3 else w.title() if rng.random() < 0.6 else w
        for w in words(rng, 3, 6)
    ]
    if not any(ch.isupper() for w in styled for ch in w):
        styled[0] = styled[0].title()
    return " ".join(styled)


def _unsorted(rng: random.Random) -> str:
    while (ws := distinct_words(rng, 3, 6)) == sorted(ws):
        pass
    return " ".join(ws)


def _swappable(rng: random.Random) -> str:
    while (ws := words(rng, 3, 6))[0] == ws[-1]:
        pass
    return " ".join(ws)


def _consonant_sentence(rng: random.Random) -> str:
    # Every word keeps at least one letter once its vowels are gone.
    return " ".join(w for w in words(rng, 3, 6) if any(c not in VOWELS for c in w)) or "rhythm"


def _pig_latin_word(w: str) -> str:
    if w[0] in VOWELS:
        return w + "way"
    for i, ch in enumerate(w):
        if ch in VOWELS or (ch == "y" and i > 0):
            return w[i:] + w[:i] + "ay"
    return w + "ay"


def _title(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in text.split())


def _unsorted_letters(rng: random.Random) -> str:
    while (w := word(rng, 3, 8)) == "".join(sorted(w)):
        pass
    return w


def _remove_vowels(text: str) -> str:
    return " ".join("".join(c for c in w if c not in VOWELS) for w in text.split())


def _lower_start(rng: random.Random) -> str:
    return sentence(rng, 3, 6)


SPECS = [
    spec(
        "reverse_words",
        SENTENCE,
        [
            "reverse the order of the words",
            "write the words back to front, last word first",
            "flip the word order of the sentence",
            "put the words in reverse order",
            "return the same words but going from the last one to the first one",
        ],
        lambda x: " ".join(reversed(x.split())),
        sample=_unsorted,
    ),
    spec(
        "reverse_letters",
        WORD,
        [
            "spell the word backwards",
            "reverse the letters of the word",
            "write the word with its characters in reverse order",
            "mirror the word letter by letter",
            "give me the word reversed character by character",
        ],
        lambda x: x[::-1],
        sample=_non_palindrome_word,
    ),
    spec(
        "uppercase",
        SENTENCE,
        [
            "convert the text to upper case",
            "make every letter a capital letter",
            "write the sentence in all caps",
            "turn all of the letters uppercase",
            "rewrite the text entirely in capital letters, as if shouting",
        ],
        str.upper,
        sample=lambda rng: sentence(rng),
    ),
    spec(
        "lowercase",
        "a sentence with some capital letters",
        [
            "convert the text to lower case",
            "make every letter lowercase",
            "get rid of the capital letters by lowercasing everything",
            "write the sentence in small letters only",
            "rewrite the text so that it contains no uppercase letters at all",
        ],
        str.lower,
        sample=_mixed_case,
    ),
    spec(
        "title_case",
        SENTENCE,
        [
            "capitalize the first letter of every word",
            "convert the sentence to title case",
            "make each word start with a capital letter",
            "write every word with an initial capital",
            "give every word an uppercase first letter and leave the other letters alone",
        ],
        _title,
        sample=_lower_start,
    ),
    spec(
        "capitalize_first",
        SENTENCE,
        [
            "capitalize only the first letter of the sentence",
            "make the very first character uppercase and leave everything else as it is",
            "start the sentence with a capital letter",
            "uppercase just the first letter of the text",
            "change only the opening letter of the text into a capital",
        ],
        lambda x: x[:1].upper() + x[1:],
        sample=_lower_start,
    ),
    spec(
        "pig_latin",
        "a few words",
        [
            "translate the words into pig latin",
            "convert each word to pig latin: move the leading consonants to the end and add ay, or add way after a vowel",
            "rewrite the text in pig latin",
            "turn every word into its pig latin form",
            "say the same thing in pig latin, word by word",
        ],
        lambda x: " ".join(_pig_latin_word(w) for w in x.split()),
        sample=lambda rng: sentence(rng, 1, 3),
    ),
    spec(
        "remove_vowels",
        SENTENCE,
        [
            "delete all the vowels",
            "remove every a, e, i, o and u from the text",
            "strip out the vowels and keep everything else",
            "write the sentence without any of its vowels",
            "drop the vowel letters from each word",
        ],
        _remove_vowels,
        sample=_consonant_sentence,
    ),
    spec(
        "sort_words",
        SENTENCE,
        [
            "sort the words alphabetically",
            "put the words in alphabetical order",
            "arrange the words from a to z",
            "order the words as they would appear in a dictionary",
            "alphabetize the words of the sentence",
        ],
        lambda x: " ".join(sorted(x.split())),
        sample=_unsorted,
    ),
    spec(
        "acronym",
        "a phrase",
        [
            "make an acronym from the words",
            "take the first letter of each word and write them together in capitals",
            "abbreviate the phrase to its initials in upper case",
            "build an uppercase acronym out of the words",
            "form the acronym of the phrase",
        ],
        lambda x: "".join(w[0] for w in x.split()).upper(),
        sample=lambda rng: sentence(rng, 2, 5),
    ),
    spec(
        "duplicate_words",
        "a few words",
        [
            "write every word twice in a row",
            "double each word",
            "repeat each word immediately after itself",
            "say every word two times",
            "duplicate every single word in place",
        ],
        lambda x: " ".join(f"{w} {w}" for w in x.split()),
        sample=lambda rng: sentence(rng, 2, 4),
    ),
    spec(
        "swap_first_last",
        SENTENCE,
        [
            "swap the first and the last word",
            "exchange the positions of the first and last words",
            "put the last word first and the first word last",
            "switch the first word with the final word",
            "trade places between the opening word and the closing word",
        ],
        lambda x: " ".join([x.split()[-1], *x.split()[1:-1], x.split()[0]]),
        sample=_swappable,
    ),
    spec(
        "remove_spaces",
        SENTENCE,
        [
            "remove all the spaces",
            "join the words together without spaces",
            "delete every space from the text",
            "glue the words into one string with no whitespace",
            "squash the text together by taking out the blanks",
        ],
        lambda x: x.replace(" ", ""),
        sample=lambda rng: sentence(rng),
    ),
    spec(
        "drop_first_word",
        SENTENCE,
        [
            "remove the first word",
            "delete the opening word and keep the rest",
            "drop the first word of the sentence",
            "return the sentence without its first word",
            "cut off the leading word",
        ],
        lambda x: x.split(" ", 1)[1],
        sample=lambda rng: sentence(rng),
    ),
    spec(
        "drop_last_word",
        SENTENCE,
        [
            "remove the last word",
            "delete the final word and keep the rest",
            "drop the last word of the sentence",
            "return the sentence without its final word",
            "chop off the trailing word",
        ],
        lambda x: x.rsplit(" ", 1)[0],
        sample=lambda rng: sentence(rng),
    ),
    spec(
        "spell_out",
        WORD,
        [
            "spell the word out with spaces between the letters",
            "separate every letter of the word with a space",
            "write the word letter by letter, separated by spaces",
            "put a space between each pair of neighbouring letters",
            "space out the letters of the word",
        ],
        lambda x: " ".join(x),
        sample=lambda rng: word(rng, 3, 8),
    ),
    spec(
        "mask_vowels",
        SENTENCE,
        [
            "replace every vowel with an asterisk",
            "swap each vowel for a * symbol",
            "mask the vowels with stars",
            "put a * wherever a vowel appears",
            "hide the vowels behind asterisks and keep the other characters",
        ],
        lambda x: "".join("*" if c in VOWELS else c for c in x),
        sample=lambda rng: sentence(rng, 2, 4),
    ),
    spec(
        "rotate_words",
        SENTENCE,
        [
            "move the first word to the end",
            "rotate the words one place to the left",
            "take the first word and put it after the last one",
            "shift the sentence so that it starts with its second word and ends with its first",
            "cycle the words left by one position",
        ],
        lambda x: " ".join(x.split()[1:] + x.split()[:1]),
        sample=_swappable,
    ),
    spec(
        "sort_letters",
        WORD,
        [
            "sort the letters of the word alphabetically",
            "rearrange the letters in alphabetical order",
            "write the characters of the word sorted from a to z",
            "put the letters of the word in dictionary order",
            "alphabetize the letters inside the word",
        ],
        lambda x: "".join(sorted(x)),
        sample=_unsorted_letters,
    ),
]

def _sentence_with(letter: str):
    def sample(rng: random.Random) -> str:
        while letter not in (x := sentence(rng)):
            pass
        return x

    return sample


def _alternate_case(w: str) -> str:
    return "".join(c.upper() if i % 2 else c.lower() for i, c in enumerate(w))


def _distinct_lengths(rng: random.Random) -> str:
    while True:
        ws = distinct_words(rng, 3, 5)
        if len({len(w) for w in ws}) == len(ws) and ws != sorted(ws, key=len):
            return " ".join(ws)


def _each_word(rule):
    """A per-word rule that needs a sentence: on one word it would be another task (reverse_letters,
    counting.count_letters)."""

    def solve(x: str) -> str:
        if len(x.split()) < 2:
            raise ValueError(f"not a sentence: {x!r}")
        return " ".join(rule(w) for w in x.split())

    return solve


def _both_cases(rng: random.Random) -> str:
    while (x := _mixed_case(rng)) in (x.lower(), x.upper()):
        pass
    return x


def _swap_case(x: str) -> str:
    if x in (x.lower(), x.upper()):  # on one-case text this would be upper- or lowercasing
        raise ValueError(f"no mixed case in {x!r}")
    return x.swapcase()


def _remove_letter(letter: str):
    return spec(
        f"remove_letter_{letter}",
        SENTENCE,
        [
            f"delete every letter {letter} from the text",
            f"remove all the {letter}'s and keep everything else",
            f"write the sentence without any {letter}",
            f"strip out each occurrence of the letter {letter}",
            f"drop the character {letter} wherever it appears, leaving the spaces alone",
        ],
        lambda x: x.replace(letter, ""),
        sample=_sentence_with(letter),
    )


# Added when the suite grew past 300 tasks (issue 4).
SPECS += [
    spec(
        "reverse_each_word",
        SENTENCE,
        [
            "reverse the letters of each word but keep the words in order",
            "spell every word backwards without moving the words",
            "mirror each word in place",
            "write each word back to front, leaving the word order as it is",
            "flip the characters inside every word while the sentence order stays the same",
        ],
        _each_word(lambda w: w[::-1]),
        sample=_unsorted,
    ),
    spec(
        "swap_case",
        "a sentence with some capital letters",
        [
            "swap the case of every letter",
            "make the capital letters small and the small letters capital",
            "invert the upper and lower case throughout the text",
            "turn each lowercase letter into uppercase and each uppercase letter into lowercase",
            "toggle the case of all the letters",
        ],
        _swap_case,
        sample=_both_cases,
    ),
    spec(
        "alternating_case",
        WORD,
        [
            "write the word in alternating case, starting with a lower-case letter",
            "make the 2nd, 4th, 6th and so on letters capitals and the others small",
            "alternate lower and upper case letter by letter, like hElLo",
            "capitalize every second letter of the word",
            "give the word in sarcastic mocking case, small letter first",
        ],
        _alternate_case,
        sample=lambda rng: word(rng, 4, 9),
    ),
    spec(
        "triple_words",
        "a few words",
        [
            "write every word three times in a row",
            "triple each word",
            "repeat each word so that it appears 3 times, one copy right after another",
            "say every word three times",
            "copy each word twice more right after itself",
        ],
        lambda x: " ".join(" ".join([w] * 3) for w in x.split()),
        sample=lambda rng: sentence(rng, 2, 3),
    ),
    *(_remove_letter(c) for c in ("a", "e")),
    spec(
        "word_lengths",
        SENTENCE,
        [
            "replace each word with its number of letters",
            "write the length of every word, separated by spaces",
            "turn the sentence into the letter counts of its words",
            "give how many characters each word has, in order",
            "map every word to its length and keep the spaces between them",
        ],
        _each_word(lambda w: str(len(w))),
        sample=lambda rng: sentence(rng),
    ),
    spec(
        "sort_by_length",
        "a sentence whose words all have different lengths",
        [
            "sort the words from shortest to longest",
            "order the words by their number of letters, shortest first",
            "arrange the words by length in increasing order",
            "put the shortest word first and the longest word last",
            "rearrange the words so that each one is longer than the one before",
        ],
        lambda x: " ".join(sorted(x.split(), key=len)),
        sample=_distinct_lengths,
    ),
]

# For these, case, spaces or symbols are the whole task, so the lenient score must not forgive them.
_STRICT = {
    "uppercase",
    "lowercase",
    "title_case",
    "capitalize_first",
    "acronym",
    "mask_vowels",
    "remove_spaces",
    "swap_case",
    "alternating_case",
    "word_lengths",
}
SPECS = [replace(s, metric="strict") if s.name in _STRICT else s for s in SPECS]


def _simple_pig_latin(w: str) -> str:
    return w[1:] + w[0] + "ay"


def _before_vowels(syllable: str):
    return lambda x: "".join(syllable + c if c in VOWELS else c for c in x)


def _robber(x: str) -> str:
    return "".join(f"{c}o{c}" if c.isalpha() and c not in VOWELS else c for c in x)


def _vowelled_sentence(rng: random.Random) -> str:
    # Every word keeps at least one letter once its consonants are gone.
    while True:
        ws = words(rng, 3, 6)
        if all(any(c in VOWELS for c in w) for w in ws):
            return " ".join(ws)


def _repeat_text(x: str) -> str:
    # On one word this would be duplicate_words.
    if len(x.split()) < 2:
        raise ValueError(f"not several words: {x!r}")
    return f"{x} {x}"


# training-only siblings (``builtin_suite(extra=True)``): other word games for pig_latin, other
# letters to delete for remove_vowels, other counts and forms of repetition for duplicate_words,
# other per-word values for word_lengths
EXTRA_SPECS = [
    spec(
        "simple_pig_latin",
        "a few words",
        [
            "move the first letter of each word to its end and add ay, even when it is a vowel",
            "apply the simple pig latin rule to every word: first letter to the back, then ay",
            "rewrite each word as its second letter onward, then its first letter, then ay",
            "turn the words into the easy version of pig latin that always moves just one letter",
            "play the one-letter pig latin game: shift each word's opening letter to the end and append ay",
        ],
        lambda x: " ".join(_simple_pig_latin(w) for w in x.split()),
        sample=lambda rng: sentence(rng, 1, 3),
    ),
    spec(
        "ubbi_dubbi",
        "a few words",
        [
            "translate the words into ubbi dubbi by putting ub in front of every vowel",
            "insert the letters ub before each a, e, i, o and u",
            "rewrite the text in the ubbi dubbi language game, one ub per vowel",
            "add ub right before every vowel letter",
            "speak ubbi dubbi: each vowel gets ub in front of it",
        ],
        _before_vowels("ub"),
        sample=lambda rng: sentence(rng, 1, 3),
    ),
    spec(
        "egg_language",
        "a few words",
        [
            "translate the words into egg language by putting egg in front of every vowel",
            "insert the letters egg before each a, e, i, o and u",
            "rewrite the text in the eggy-peggy language game, one egg per vowel",
            "add egg right before every vowel letter",
            "speak egg language: each vowel gets egg in front of it",
        ],
        _before_vowels("egg"),
        sample=lambda rng: sentence(rng, 1, 3),
    ),
    spec(
        "robber_language",
        "a few words",
        [
            "translate the words into the robber language: double every consonant with an o between",
            "replace each consonant c with c, o, c and leave the vowels as they are",
            "rewrite the text in rovarspraket, so that b becomes bob and t becomes tot",
            "write every consonant twice with the letter o in the middle",
            "encode the words in the swedish robber language game, y counted as a consonant",
        ],
        _robber,
        sample=lambda rng: sentence(rng, 1, 3),
    ),
    *(_remove_letter(c) for c in ("i", "o")),
    spec(
        "remove_consonants",
        SENTENCE,
        [
            "delete all the consonants",
            "remove every letter that is not a, e, i, o or u, keeping the spaces",
            "strip out the consonants and keep only the vowels",
            "write the sentence with nothing but its vowels, word by word",
            "drop the consonant letters, y included, from each word",
        ],
        lambda x: " ".join("".join(c for c in w if c in VOWELS) for w in x.split()),
        sample=_vowelled_sentence,
    ),
    spec(
        "quadruple_words",
        "a few words",
        [
            "write every word four times in a row",
            "quadruple each word",
            "repeat each word so that it appears 4 times, one copy right after another",
            "say every word four times",
            "copy each word three more times right after itself",
        ],
        lambda x: " ".join(" ".join([w] * 4) for w in x.split()),
        # words of at most 6 letters: four copies of three words stay within the suite's 100 characters
        sample=lambda rng: " ".join(word(rng, 2, 6) for _ in range(rng.randint(2, 3))),
    ),
    spec(
        "hyphen_double_words",
        "a few words",
        [
            "write every word twice joined by a hyphen, like bye-bye",
            "double each word with a dash between the two copies",
            "turn each word w into w-w",
            "repeat each word once, hyphenated to the original",
            "reduplicate every word with a hyphen, keeping spaces between the words",
        ],
        lambda x: " ".join(f"{w}-{w}" for w in x.split()),
        sample=lambda rng: sentence(rng, 2, 4),
    ),
    spec(
        "repeat_whole_text",
        "a few words",
        [
            "write the whole text twice, separated by a space",
            "repeat the entire phrase once more after itself",
            "say all the words, then say them all again in the same order",
            "double the text as a whole, not word by word",
            "give the phrase two times in a row",
        ],
        _repeat_text,
        sample=lambda rng: sentence(rng, 2, 4),
    ),
    spec(
        "word_vowel_counts",
        SENTENCE,
        [
            "replace each word with its number of vowels",
            "write how many vowels every word has, separated by spaces",
            "turn the sentence into the vowel counts of its words",
            "give how many of a, e, i, o and u each word contains, in order",
            "map every word to its count of vowel letters and keep the spaces between them",
        ],
        _each_word(lambda w: str(sum(c in VOWELS for c in w))),
        sample=lambda rng: sentence(rng),
        metric="strict",
    ),
    spec(
        "first_letter_of_each_word",
        SENTENCE,
        [
            "replace each word with its first letter",
            "write the initial letter of every word, separated by spaces",
            "shorten each word to its opening letter, keeping the spaces",
            "give the first character of each word, in order, lower case as written",
            "map every word to the letter it starts with and keep the spaces between them",
        ],
        _each_word(lambda w: w[0]),
        sample=lambda rng: sentence(rng),
        metric="strict",
    ),
    spec(
        "last_letter_of_each_word",
        SENTENCE,
        [
            "replace each word with its last letter",
            "write the final letter of every word, separated by spaces",
            "shorten each word to its closing letter, keeping the spaces",
            "give the last character of each word, in order",
            "map every word to the letter it ends with and keep the spaces between them",
        ],
        _each_word(lambda w: w[-1]),
        sample=lambda rng: sentence(rng),
        metric="strict",
    ),
]
