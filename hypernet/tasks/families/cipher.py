"""Letter ciphers and codes with a fixed key: Caesar shifts, ROT13, Atbash, A1Z26, Morse, NATO.

No "NATO words -> word" task: it is string.acronym in lower case.
"""

from __future__ import annotations

import random
import string

from hypernet.tasks.families._common import VOWELS, sentence, word
from hypernet.tasks.spec import TaskSpec, spec

FAMILY = "cipher"
TEMPLATES = (
    "Secret code task: {p}.",
    "Cipher puzzle. {P} and print only the result.",
)
PHRASE = "a short lower-case phrase"
WORD = "a single word"
ABC = string.ascii_lowercase


def _shift(text: str, n: int) -> str:
    return "".join(ABC[(ABC.index(c) + n) % 26] if c in ABC else c for c in text)


def _places(n: int) -> str:
    return f"{n} place" if n == 1 else f"{n} places"


def _phrase(rng: random.Random) -> str:
    return sentence(rng, 1, 3)


def _caesar(n: int) -> TaskSpec:
    return spec(
        f"caesar_shift_{n}",
        PHRASE,
        [
            f"shift every letter {_places(n)} forward in the alphabet",
            f"apply a Caesar cipher with a shift of {n}",
            f"encode the text by moving each letter {_places(n)} later in the alphabet, wrapping z round to a",
            f"replace each letter with the letter that comes {_places(n)} after it in the alphabet",
            f"encrypt the words with a Caesar shift of {n}, keeping the spaces",
        ],
        lambda x: _shift(x, n),
        training_phrasings=[
            f"advance each letter by {n} in the alphabet",
            f"bump every letter {_places(n)} ahead in the alphabet, looping past z back to a",
            f"map each letter at alphabet index i to the one at index (i + {n}) mod 26, leaving spaces unchanged",
            f"encipher the phrase by rotating its letters {n} forward, spaces untouched",
        ],
        sample=_phrase,
    )


def _caesar_decode(n: int) -> TaskSpec:
    return spec(
        f"caesar_decode_{n}",
        "a phrase encrypted with a Caesar cipher",
        [
            f"shift every letter {_places(n)} back in the alphabet",
            f"decode a Caesar cipher with a shift of {n}",
            f"move each letter {_places(n)} earlier in the alphabet, wrapping a round to z",
            f"replace each letter with the letter that comes {_places(n)} before it in the alphabet",
            f"decrypt the words, which were encrypted with a Caesar shift of {n}",
        ],
        lambda x: _shift(x, -n),
        training_phrasings=[
            f"step each letter back {n} in the alphabet",
            f"bump every letter {_places(n)} back in the alphabet, looping past a round to z",
            f"map each letter at alphabet index i to the one at index (i - {n}) mod 26, leaving spaces unchanged",
            f"recover the plaintext by rotating each letter {n} toward the start of the alphabet",
        ],
        # The input is a real phrase encoded, so the answer is readable words.
        sample=lambda rng: _shift(_phrase(rng), n),
    )


MORSE = dict(zip(ABC, (
    ".- -... -.-. -.. . ..-. --. .... .. .--- -.- .-.. -- -. --- .--. --.- .-. ... - ..- ...- .-- "
    "-..- -.-- --.."
).split()))  # fmt: skip
_FROM_MORSE = {v: k for k, v in MORSE.items()}
NATO = dict(zip(ABC, (
    "Alfa Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliett Kilo Lima Mike November Oscar "
    "Papa Quebec Romeo Sierra Tango Uniform Victor Whiskey X-ray Yankee Zulu"
).split()))  # fmt: skip
# one-character substitutions (str.translate tables); other characters pass through
_LEET = str.maketrans({"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"})
_NEXT_VOWEL = str.maketrans({v: VOWELS[(i + 1) % 5] for i, v in enumerate(VOWELS)})
_VOWEL_NUMBER = str.maketrans({v: str(i) for i, v in enumerate(VOWELS, 1)})


def _short_word(rng: random.Random) -> str:
    return word(rng, 3, 6)


def _leet_phrase(rng: random.Random) -> str:
    while True:
        x = _phrase(rng)
        if x.translate(_LEET) != x:  # it has a letter to replace
            return x


def _swap_pairs(w: str) -> str:
    return "".join(w[i + 1] + w[i] for i in range(0, len(w) - 1, 2)) + (w[-1] if len(w) % 2 else "")


SPECS = [
    *(_caesar(n) for n in (1, 2, 3, 5)),
    *(_caesar_decode(n) for n in (1, 2, 3)),
    spec(
        "rot13",
        PHRASE,
        [
            "apply rot13 to the text",
            "encode the phrase with ROT13, moving each letter 13 places",
            "rotate every letter by thirteen positions in the alphabet",
            "scramble the text with the rot-13 substitution cipher",
            "run the words through ROT13, leaving spaces where they are",
        ],
        lambda x: _shift(x, 13),
        training_phrasings=[
            "rot13 the phrase",
            "just spin every letter 13 spots round the alphabet",
            "map each letter at alphabet index i to the one at index (i + 13) mod 26, leaving spaces unchanged",
            "encipher the words with the thirteen-place rotation cipher",
        ],
        sample=_phrase,
    ),
    spec(
        "atbash",
        PHRASE,
        [
            "encode the text with the Atbash cipher",
            "replace each letter with its mirror in the alphabet, so a becomes z and b becomes y",
            "swap every letter for the one at the same distance from the other end of the alphabet",
            "apply the Atbash substitution, reversing the alphabet",
            "map a to z, b to y, c to x and so on for every letter",
        ],
        lambda x: "".join(ABC[25 - ABC.index(c)] if c in ABC else c for c in x),
        training_phrasings=[
            "run the phrase through Atbash",
            "flip each letter to its opposite in the alphabet, like a for z and m for n",
            "map each letter at alphabet index i to the one at index 25 - i, leaving spaces unchanged",
            "encipher the words with a reversed-alphabet substitution",
        ],
        sample=_phrase,
    ),
    spec(
        "letters_to_numbers",
        WORD,
        [
            "replace each letter with its position in the alphabet, separated by spaces",
            "encode the word in A1Z26, where a is 1 and z is 26",
            "turn every letter into its alphabet number, with a space between the numbers",
            "write the alphabet index of each letter of the word",
            "convert the letters to numbers from 1 to 26, one number per letter",
        ],
        lambda x: " ".join(str(ABC.index(c) + 1) for c in x),
        training_phrasings=[
            "give the A1Z26 code of the word, space-separated",
            "swap each letter for its number in the alphabet, a being 1, with spaces in between",
            "output the 1-based alphabet index of every letter, joined by single spaces",
            "number the letters of the word by where they sit in the alphabet, a=1 to z=26, spacing the numbers apart",
        ],
        sample=_short_word,
    ),
    spec(
        "numbers_to_letters",
        "numbers from 1 to 26 separated by spaces",
        [
            "turn each number into the letter at that position in the alphabet and join the letters",
            "decode the A1Z26 cipher, where 1 is a and 26 is z",
            "convert the alphabet positions back into a lower-case word",
            "spell the word whose letters have these positions in the alphabet",
            "map every number to its letter, 1 to a up to 26 to z, and write the word",
        ],
        lambda x: "".join(ABC[int(n) - 1] for n in x.split()),
        training_phrasings=[
            "decode the A1Z26 numbers into a word",
            "turn these alphabet positions back into letters, 1 being a, and give me the word",
            "output the lower-case letter at each 1-based alphabet index, concatenated without spaces",
            "read each number as a place in the alphabet from a=1 to z=26 and join the letters into a word",
        ],
        sample=lambda rng: " ".join(str(ABC.index(c) + 1) for c in _short_word(rng)),
    ),
    spec(
        "morse_encode",
        WORD,
        [
            "write the word in Morse code, with a space between letters",
            "encode the word as dots and dashes in international Morse code",
            "translate each letter into Morse code, separating the letters with spaces",
            "convert the word to Morse",
            "spell the word out in Morse code, one group of dots and dashes per letter",
        ],
        lambda x: " ".join(MORSE[c] for c in x),
        training_phrasings=[
            "morse-encode the word, letters separated by spaces",
            "tap the word out in Morse for me, leaving a space between letters",
            "output the International Morse code for each letter, joined by single spaces",
            "transcribe the word into dot-dash signals, one space between characters",
        ],
        sample=_short_word,
        metric="strict",
    ),
    spec(
        "morse_decode",
        "a word in Morse code, letters separated by spaces",
        [
            "decode the Morse code into a lower-case word",
            "translate the dots and dashes back into letters",
            "read the Morse code and write the word it spells",
            "convert the Morse letters to plain text",
            "turn each group of dots and dashes into its letter and give the word",
        ],
        lambda x: "".join(_FROM_MORSE[m] for m in x.split()),
        training_phrasings=[
            "decode this Morse word",
            "tell me what word these dots and dashes spell, in lower case",
            "map each space-separated International Morse code group to its lower-case letter and concatenate them",
            "read the dot-dash signals as letters and write the plain lower-case word",
        ],
        sample=lambda rng: " ".join(MORSE[c] for c in _short_word(rng)),
    ),
    spec(
        "nato_spell",
        WORD,
        [
            "spell the word with the NATO phonetic alphabet",
            "replace each letter with its NATO code word, like Alfa for a",
            "write the word letter by letter as Alfa, Bravo, Charlie code words, separated by spaces",
            "convert the word into the international radio spelling alphabet",
            "spell it out the way a pilot would over the radio, one NATO word per letter",
        ],
        lambda x: " ".join(NATO[c] for c in x),
        training_phrasings=[
            "give the NATO alphabet word for each letter, space-separated",
            "read the word out letter by letter with Alfa, Bravo, Charlie style words, spaces between them",
            "output the capitalised NATO phonetic code word for each letter, spelled Alfa, Juliett, X-ray and so on, joined by spaces",
            "render the word as a sequence of ICAO radiotelephony spelling words, separated by spaces",
        ],
        sample=_short_word,
    ),
    spec(
        "leetspeak",
        PHRASE,
        [
            "rewrite the text in leetspeak: a as 4, e as 3, i as 1, o as 0, s as 5 and t as 7",
            "replace the letters a, e, i, o, s, t with the digits 4, 3, 1, 0, 5, 7",
            "convert the phrase to leet, swapping those six letters for look-alike digits",
            "turn the text into 1337 speak using 4 3 1 0 5 7 for a e i o s t",
            "write the words hacker style, with digits in place of a, e, i, o, s and t",
        ],
        lambda x: x.translate(_LEET),
        training_phrasings=[
            "leetify the text: a=4, e=3, i=1, o=0, s=5, t=7",
            "change every a to 4, e to 3, i to 1, o to 0, s to 5 and t to 7, leaving everything else alone",
            "apply the character mapping a:4, e:3, i:1, o:0, s:5, t:7 to the phrase",
            "disguise the phrase by writing 4 for a, 3 for e, 1 for i, 0 for o, 5 for s and 7 for t",
        ],
        sample=_leet_phrase,
    ),
    spec(
        "vowel_numbers",
        PHRASE,
        [
            "replace each vowel with its number: a as 1, e as 2, i as 3, o as 4 and u as 5",
            "swap the vowels a, e, i, o, u for the digits 1 to 5 in that order",
            "write the text with every vowel turned into its place in the list a e i o u",
            "encode the vowels as numbers from 1 to 5 and keep the consonants",
            "put 1 for a, 2 for e, 3 for i, 4 for o and 5 for u throughout the text",
        ],
        lambda x: x.translate(_VOWEL_NUMBER),
        training_phrasings=[
            "number the vowels: a=1, e=2, i=3, o=4, u=5",
            "change every a to 1, e to 2, i to 3, o to 4 and u to 5, leaving the other letters alone",
            "apply the character mapping a:1, e:2, i:3, o:4, u:5 to the phrase",
            "substitute each vowel with its 1-based index in the sequence a, e, i, o, u",
        ],
        sample=_phrase,
    ),
    spec(
        "next_vowel",
        PHRASE,
        [
            "replace each vowel with the next vowel: a to e, e to i, i to o, o to u, u to a",
            "shift every vowel one step along a e i o u, with u going back to a",
            "rotate the vowels of the text by one, leaving consonants alone",
            "swap each vowel for the following vowel in the order a, e, i, o, u",
            "change every a into e, e into i, i into o, o into u and u into a",
        ],
        lambda x: x.translate(_NEXT_VOWEL),
        training_phrasings=[
            "move each vowel to the next one in a e i o u, wrapping u to a",
            "bump every vowel up to the next in a, e, i, o, u, with u looping back to a",
            "apply the character mapping a:e, e:i, i:o, o:u, u:a to the phrase",
            "substitute each vowel with its successor in the cycle a, e, i, o, u",
        ],
        sample=_phrase,
    ),
    spec(
        "swap_letter_pairs",
        WORD,
        [
            "swap each pair of neighbouring letters: the 1st with the 2nd, the 3rd with the 4th, and so on",
            "exchange the letters two by two, leaving a final odd letter where it is",
            "switch every two adjacent letters of the word, working from the start",
            "reverse each consecutive pair of letters in the word",
            "flip the letters in pairs so that abcd becomes badc",
        ],
        _swap_pairs,
        training_phrasings=[
            "swap letters pairwise, leaving any odd last letter in place",
            "trade places between letters 1 and 2, 3 and 4, and so on, keeping an unpaired final letter at the end",
            "for each index i = 0, 2, 4 and so on, exchange the characters at positions i and i + 1, leaving a trailing odd character as is",
            "interchange adjacent letters two at a time from the front of the word",
        ],
        sample=lambda rng: word(rng, 4, 8),
    ),
]

# training-only siblings (``builtin_suite(extra=True)``): the other shifts up to 12 (13 is rot13, and a
# decode by n equals a shift by 26 - n, so no sibling answers like a suite task)
EXTRA_SPECS = [*(_caesar(n) for n in range(4, 13) if n != 5), *(_caesar_decode(n) for n in range(4, 13))]
