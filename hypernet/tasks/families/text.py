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
        training_phrasings=[
            "reverse the word sequence",
            "flip the sentence around so the words come in the opposite order",
            "output the words of the sentence in reverse sequence, each word spelled as it is",
            "invert the sequence of the words, keeping every word itself unchanged",
        ],
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
        training_phrasings=[
            "write the word in reverse",
            "read the word from right to left and write down what you get",
            "output the characters of the word in reverse sequence, last character first",
            "flip the spelling of the word end to end",
        ],
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
        training_phrasings=[
            "uppercase everything",
            "just put the whole sentence in caps lock",
            "map every lowercase letter of the sentence to its uppercase form",
            "render the sentence in block capitals",
        ],
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
        training_phrasings=[
            "lowercase everything",
            "turn off the caps and make it all lower case",
            "map every uppercase letter of the text to its lowercase form and leave the rest unchanged",
            "convert each capital in the sentence into its small counterpart",
        ],
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
        training_phrasings=[
            "title-case the sentence",
            "just capitalize the start of each word, even the little ones",
            "convert the initial character of every space-separated word to upper case",
            "put a capital at the head of each word",
        ],
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
        training_phrasings=[
            "capitalize the sentence's first letter only",
            "just give the sentence a capital at the beginning, nothing else changes",
            "convert the initial character of the text to upper case and keep all other characters unchanged",
            "uppercase the leading letter of the sentence, leaving the rest untouched",
        ],
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
        training_phrasings=[
            "pig-latinize the words",
            "turn the words into pig latin, you know, like hello becomes ellohay",
            "apply the standard pig latin rule to each word: shift the leading consonant cluster to the end and add ay, or append way to a word starting with a vowel",
            "render the text in pig latin, where a consonant cluster at the front goes to the back plus ay and a vowel-initial word gains way",
        ],
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
        training_phrasings=[
            "remove the vowels",
            "just take out all the vowels, leave the consonants and spaces",
            "delete each occurrence of a, e, i, o and u, keeping consonants and spaces in place",
            "erase the vowel characters a, e, i, o, u from the sentence",
        ],
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
        training_phrasings=[
            "sort the words a to z",
            "just put the words in abc order",
            "output the words sorted in ascending lexicographic order, separated by spaces",
            "rearrange the sentence so its words follow alphabetical sequence",
        ],
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
        training_phrasings=[
            "write the initials of the phrase as one uppercase word",
            "just grab the first letter of every word and smash them together in caps",
            "concatenate the initial character of each word and convert the result to upper case",
            "shorten the phrase to a capitalized abbreviation made of its words' first letters",
        ],
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
        training_phrasings=[
            "double up every word",
            "just say each word twice, like hello hello",
            "replace each word w with w followed by a space and w again",
            "echo every word once, directly after itself",
        ],
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
        training_phrasings=[
            "interchange the first and last words",
            "flip the first and last words around and leave everything in between alone",
            "exchange word one and the final word of the sentence, keeping all middle words in their positions",
            "let the sentence begin with its final word and end with its initial word, middle unchanged",
        ],
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
        training_phrasings=[
            "strip the spaces",
            "just run all the words together into one long string",
            "output the text with every space character removed and nothing else changed",
            "close up the gaps between the words",
        ],
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
        training_phrasings=[
            "omit the first word",
            "just get rid of that first word and give me what's left",
            "output every word except the initial one, in the original order",
            "start the sentence from its second word",
        ],
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
        training_phrasings=[
            "omit the last word",
            "just get rid of that last word and give me what's left",
            "output every word except the final one, in the original order",
            "end the sentence at its second-to-last word",
        ],
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
        training_phrasings=[
            "insert a space between the letters",
            "just write the word out one letter at a time with spaces in between",
            "output the characters of the word joined by single spaces",
            "break the word apart into its individual letters, separated by blanks",
        ],
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
        training_phrasings=[
            "star out the vowels",
            "just change every vowel into a * and leave the rest",
            "substitute the character * for each occurrence of a, e, i, o or u",
            "censor each vowel with a * character",
        ],
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
        training_phrasings=[
            "send the first word to the back",
            "just take that first word and stick it on the end",
            "output the words starting from the second one, then append the original first word",
            "relocate the opening word so it comes after all the others",
        ],
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
        training_phrasings=[
            "sort the word's letters",
            "just rearrange the letters so they go in abc order",
            "output the characters of the word sorted in ascending alphabetical order, repeats kept",
            "reorder the word's letters from a through z",
        ],
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
        training_phrasings=[
            f"remove the letter {letter}",
            f"just take out every {letter} you see",
            f"delete each occurrence of the character {letter}, keeping all other characters and spaces",
            f"omit every {letter} in the sentence",
        ],
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
        training_phrasings=[
            "reverse each word individually",
            "turn every word around on its own, but keep the words where they are",
            "reverse the character sequence of each space-separated word while preserving the order of the words",
            "read each word right to left but keep the words in their original sequence",
        ],
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
        training_phrasings=[
            "swap upper and lower case",
            "just flip the caps, so capitals go small and small letters go big",
            "apply a case inversion to every alphabetic character",
            "reverse the capitalization of each letter in the sentence",
        ],
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
        training_phrasings=[
            "alternate the case of the letters, lower first",
            "just do the up-down case thing starting with a small letter, so word becomes wOrD",
            "put the letters at odd positions in lower case and those at even positions in upper case, counting from 1",
            "write the word with small and capital letters taking turns, beginning with a small one",
        ],
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
        training_phrasings=[
            "say each word thrice",
            "just repeat every word three times, like go go go",
            "replace each word w with w w w, separated by single spaces",
            "write three consecutive copies of every word",
        ],
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
        training_phrasings=[
            "give each word's length",
            "just count the letters in each word and write those numbers with spaces",
            "output the character count of each word as an integer, space-separated, in the original order",
            "swap every word for how long it is in letters",
        ],
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
        training_phrasings=[
            "order the words short to long",
            "just line up the words from the shortest one to the longest one",
            "sort the words in ascending order of character count",
            "arrange the sentence so its words grow in size from first to last",
        ],
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
        training_phrasings=[
            "rotate each word's first letter to the end, then tack on ay",
            "just take the first letter off every word, stick it on the back and add ay, vowels included",
            "transform each word into its letters from position 2 onward, followed by its first letter and the suffix ay",
            "make basic pig latin out of each word: the initial letter, whatever it is, goes to the end followed by ay",
        ],
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
        training_phrasings=[
            "put ub before every vowel",
            "just stick ub in front of all the vowels, ubbi dubbi style",
            "prefix each occurrence of a, e, i, o and u with the two letters ub",
            "encode the text in ubbi dubbi, inserting ub ahead of each vowel",
        ],
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
        training_phrasings=[
            "put egg before every vowel",
            "just stick egg in front of all the vowels, egg language style",
            "prefix each occurrence of a, e, i, o and u with the three letters egg",
            "encode the text in egg language, inserting egg ahead of each vowel",
        ],
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
        training_phrasings=[
            "turn every consonant c into coc",
            "just do the robber language thing, so hello becomes hohelollolo",
            "map every non-vowel letter x to the three-letter string xox and keep a, e, i, o, u as they are",
            "after each consonant, add an o and that same consonant again",
        ],
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
        training_phrasings=[
            "remove the consonants",
            "just keep the vowels and throw away every other letter, spaces stay",
            "output only the characters a, e, i, o, u and the spaces, discarding all other letters",
            "reduce each word to the vowels it contains",
        ],
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
        training_phrasings=[
            "write each word 4 times",
            "just repeat every word four times, like go go go go",
            "replace each word w with four space-separated copies of w",
            "produce four consecutive copies of every word",
        ],
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
        training_phrasings=[
            "hyphen-double each word",
            "just write each word twice with a hyphen in the middle, like so-so",
            "replace each word w with w, a hyphen and w again, with spaces between the results",
            "pair every word with a copy of itself, linked by a dash",
        ],
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
        training_phrasings=[
            "say the whole phrase twice",
            "just say the entire thing again right after you finish it, with a space between",
            "output the input string, a single space, and then the input string again",
            "echo the complete phrase once after itself",
        ],
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
        training_phrasings=[
            "count the vowels in each word",
            "just tell me how many vowels are in each word, numbers with spaces between",
            "output, space-separated and in order, the number of a, e, i, o, u characters in each word",
            "swap every word for the tally of its vowels",
        ],
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
        training_phrasings=[
            "give the first letter of each word, spaced",
            "just write down the starting letter of every word, with spaces between them",
            "output the initial character of each word in order, space-separated, without changing case",
            "reduce every word to one letter, the one at its beginning, with spaces between",
        ],
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
        training_phrasings=[
            "give the last letter of each word, spaced",
            "just write down the ending letter of every word, with spaces between them",
            "output the final character of each word in order, space-separated",
            "reduce every word to one letter, the one at its end, with spaces between",
        ],
        sample=lambda rng: sentence(rng),
        metric="strict",
    ),
]
