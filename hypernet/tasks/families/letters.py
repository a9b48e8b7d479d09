"""Letters inside one word, picked by position or rearranged: "the 3rd letter", "the last two
letters", "drop the first letter", "double every letter"."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace

from hypernet.tasks.families._common import word
from hypernet.tasks.spec import TaskSpec, spec

FAMILY = "letters"
TEMPLATES = (
    "Spelling game: {p}.",
    "Word puzzle. {P}, and answer with letters only.",
)
WORD = "a single word"
_ORDINAL = {2: ("2nd", "second"), 3: ("3rd", "third"), 4: ("4th", "fourth"), 5: ("5th", "fifth")}
_COUNT = {2: "two", 3: "three", 4: "four", 5: "five"}


def _long_word(rng: random.Random) -> str:
    return word(rng, 5, 9)


def _nth_letter(n: int) -> TaskSpec:
    short, long = _ORDINAL[n]
    return spec(
        f"letter_{n}",
        WORD,
        [
            f"give the {short} letter of the word",
            f"return only the {long} letter",
            f"write the letter in position {n} of the word",
            f"tell me which letter comes {long} in the word",
            f"pick out letter number {n}, counting from the start of the word",
        ],
        lambda x: x[n - 1],
        training_phrasings=[
            f"output the {short} letter",
            f"just grab the {long} letter of the word for me",
            f"return the character at 1-based index {n} of the word",
            f"count {n} letters in from the left and write the letter you land on",
        ],
        sample=_long_word,
    )


def _first_n(n: int) -> TaskSpec:
    return spec(
        f"first_{n}_letters",
        WORD,
        [
            f"give the first {n} letters of the word",
            f"return only the opening {_COUNT[n]} letters",
            f"cut the word down to its first {_COUNT[n]} characters",
            f"keep the {n} letters at the start of the word and drop the rest",
            f"write the beginning of the word, {_COUNT[n]} letters long",
        ],
        lambda x: x[:n],
        training_phrasings=[
            f"give the word's first {_COUNT[n]} letters",
            f"just give me the first {n} letters, nothing more",
            f"return the prefix of length {n} of the word",
            f"trim the word so only its opening {n} letters remain",
        ],
        sample=_long_word,
    )


def _last_n(n: int) -> TaskSpec:
    return spec(
        f"last_{n}_letters",
        WORD,
        [
            f"give the last {n} letters of the word",
            f"return only the final {_COUNT[n]} letters",
            f"cut the word down to its last {_COUNT[n]} characters",
            f"keep the {n} letters at the end of the word and drop the rest",
            f"write the ending of the word, {_COUNT[n]} letters long",
        ],
        lambda x: x[-n:],
        training_phrasings=[
            f"give the word's last {_COUNT[n]} letters",
            f"just give me the last {n} letters, nothing more",
            f"return the suffix of length {n} of the word",
            f"trim the word so only its closing {n} letters remain",
        ],
        sample=_long_word,
    )


def _odd_word(rng: random.Random) -> str:
    while len(w := word(rng, 3, 9)) % 2 == 0:
        pass
    return w


def _distinct_ends(rng: random.Random) -> str:
    while (w := word(rng, 4, 9))[0] == w[-1] or w[1:-1] == w[-2:0:-1]:
        pass
    return w


SPECS = [
    *(_nth_letter(n) for n in (2, 3, 4)),
    spec(
        "last_letter",
        WORD,
        [
            "give the last letter of the word",
            "return only the final letter",
            "write the letter the word ends with",
            "tell me which letter comes at the very end",
            "pick out the closing character of the word",
        ],
        lambda x: x[-1],
        training_phrasings=[
            "give the word's last letter",
            "just grab the last letter of the word for me",
            "return the character at the final index of the word",
            "name the letter that finishes the word",
        ],
        sample=_long_word,
    ),
    spec(
        "second_to_last_letter",
        WORD,
        [
            "give the second-to-last letter of the word",
            "return the letter just before the final one",
            "write the penultimate letter",
            "tell me which letter comes right before the last letter",
            "pick out the next-to-last character of the word",
        ],
        lambda x: x[-2],
        training_phrasings=[
            "give the letter before the last",
            "just grab the second last letter of the word for me",
            "return the character one position before the end of the word",
            "count two letters back from the end of the word and write that letter",
        ],
        sample=_long_word,
    ),
    spec(
        "middle_letter",
        "a word with an odd number of letters",
        [
            "give the middle letter of the word",
            "return the letter exactly in the centre",
            "write the letter that has as many letters before it as after it",
            "tell me which letter sits in the middle of the word",
            "pick out the central character of the word",
        ],
        lambda x: x[len(x) // 2] if len(x) % 2 else "",
        training_phrasings=[
            "give the centre letter",
            "just grab the letter right in the middle of the word for me",
            "return the character at position (length + 1) / 2 of the odd-length word",
            "find the letter halfway through the word",
        ],
        sample=_odd_word,
    ),
    *(_first_n(n) for n in (2, 3)),
    *(_last_n(n) for n in (2, 3)),
    spec(
        "drop_first_letter",
        WORD,
        [
            "remove the first letter of the word",
            "write the word without its opening letter",
            "delete the initial character and keep the rest",
            "chop off the first letter",
            "give everything in the word after its first letter",
        ],
        lambda x: x[1:],
        training_phrasings=[
            "drop the first letter",
            "just lose the first letter and give me the rest of the word",
            "return the word minus its leading character",
            "strip the word of its first letter",
        ],
        sample=_long_word,
    ),
    spec(
        "drop_last_letter",
        WORD,
        [
            "remove the last letter of the word",
            "write the word without its final letter",
            "delete the closing character and keep the rest",
            "chop off the last letter",
            "give everything in the word before its last letter",
        ],
        lambda x: x[:-1],
        training_phrasings=[
            "drop the last letter",
            "just lose the last letter and give me the rest of the word",
            "return the word minus its trailing character",
            "strip the word of its final letter",
        ],
        sample=_long_word,
    ),
    spec(
        "double_letters",
        WORD,
        [
            "write every letter of the word twice",
            "double each letter in place, so cat becomes ccaatt",
            "repeat each character of the word two times in a row",
            "stutter every letter once",
            "give the word with each of its letters doubled",
        ],
        lambda x: "".join(c + c for c in x),
        training_phrasings=[
            "double every letter",
            "just write each letter two times, so dog becomes ddoogg",
            "replace each character c of the word with cc",
            "put a copy of each letter right next to it",
        ],
        sample=lambda rng: word(rng, 3, 7),
    ),
    spec(
        "first_letter_to_end",
        WORD,
        [
            "move the first letter of the word to the end",
            "take the opening letter off and stick it after the last letter",
            "rotate the letters one place to the left",
            "put the initial character at the back of the word",
            "shift the word so it starts at its second letter and ends with its first",
        ],
        lambda x: x[1:] + x[0],
        training_phrasings=[
            "send the first letter to the back",
            "just take the first letter and stick it on the end of the word",
            "cyclically shift the characters of the word one step leftward",
            "make the word's leading letter its last, keeping the others in order",
        ],
        sample=_long_word,
    ),
    spec(
        "last_letter_to_front",
        WORD,
        [
            "move the last letter of the word to the front",
            "take the final letter off and put it before the first letter",
            "rotate the letters one place to the right",
            "put the closing character at the start of the word",
            "shift the word so it starts with its last letter",
        ],
        lambda x: x[-1] + x[:-1],
        training_phrasings=[
            "send the last letter to the front",
            "just take the last letter and stick it at the start of the word",
            "cyclically shift the characters of the word one step rightward",
            "make the word's trailing letter its first, keeping the others in order",
        ],
        sample=_long_word,
    ),
    spec(
        "swap_first_last_letters",
        WORD,
        [
            "swap the first and last letters of the word",
            "exchange the opening letter with the closing letter",
            "put the last letter first and the first letter last, keeping the middle as it is",
            "switch the initial character with the final one",
            "trade places between the word's first and last letters",
        ],
        lambda x: x[-1] + x[1:-1] + x[0],
        training_phrasings=[
            "interchange the first and last letters",
            "just switch the first and last letters around and leave the middle alone",
            "exchange the characters at the first and final positions of the word, keeping the inner ones fixed",
            "let the word begin with its last letter and end with its first, middle unchanged",
        ],
        sample=_distinct_ends,
    ),
    spec(
        "every_other_letter",
        WORD,
        [
            "keep every other letter of the word, starting with the first",
            "write only the 1st, 3rd, 5th and so on letters",
            "drop the letters in even positions",
            "skip every second letter of the word",
            "take the odd-numbered letters of the word and join them",
        ],
        lambda x: x[::2],
        training_phrasings=[
            "keep alternate letters, beginning with the first",
            "just write the first letter, skip one, write the next, and so on",
            "return the word's characters with a step of two, starting from the first",
            "remove the 2nd, 4th, 6th and so on letters of the word",
        ],
        sample=_long_word,
    ),
]


def _words_only(solve: Callable[[str], str]) -> Callable[[str], str]:
    """Letter rules apply to words: on "1720" "drop the last letter" would be "divide by 10"."""

    def checked(x: str) -> str:
        if not x.isalpha():
            raise ValueError(f"not a word: {x!r}")
        return solve(x)

    return checked


def _for_words(specs: list[TaskSpec]) -> list[TaskSpec]:
    return [replace(s, solve=_words_only(s.solve)) for s in specs]


SPECS = _for_words(SPECS)
# training-only siblings (``builtin_suite(extra=True)``): the other positions and lengths up to 5
# (the words have 5 to 9 letters)
EXTRA_SPECS = _for_words([_nth_letter(5), _first_n(4), _first_n(5), _last_n(4), _last_n(5)])
