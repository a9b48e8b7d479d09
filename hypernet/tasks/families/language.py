"""Word forms and numbers in words: plurals, articles, -ing forms (inflect), spelled-out and ordinal
numbers in four languages (num2words), Roman numerals."""

from __future__ import annotations

from functools import lru_cache

from hypernet.tasks.families._common import inflect_engine, plural
from hypernet.tasks.spec import spec
from hypernet.tasks.wordlists import NOUNS, VERBS

FAMILY = "language"
TEMPLATES = (
    "English grammar helper: {p}.",
    "Language exercise. {P} and give only the answer.",
)


def _words(n: int, lang: str = "en", to: str = "cardinal") -> str:
    from num2words import num2words

    return num2words(n, lang=lang, to=to)


_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip


def to_roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def from_roman(text: str) -> int:
    values = {letters: value for value, letters in _ROMAN if len(letters) == 1}
    total = 0
    for i, ch in enumerate(text):
        v = values[ch]
        total += -v if i + 1 < len(text) and values[text[i + 1]] > v else v
    return total


_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}  # fmt: skip
_TENS = {
    w: 10 * i
    for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)
}


def parse_number_words(text: str) -> int:
    """English number words below a million ("one thousand, two hundred and five") -> int."""
    total = current = 0
    for token in text.replace(",", " ").replace("-", " ").split():
        if token == "and":
            continue
        if token in _UNITS:
            current += _UNITS[token]
        elif token in _TENS:
            current += _TENS[token]
        elif token == "hundred":
            current *= 100
        elif token == "thousand":
            total, current = total + current * 1000, 0
        else:
            raise ValueError(f"not an English number word: {token!r}")
    return total + current


@lru_cache(maxsize=1)
def _plural_nouns() -> tuple[str, ...]:
    return tuple(n for n in NOUNS if plural(n) != n)


@lru_cache(maxsize=1)
def _singulars() -> dict[str, str]:
    return {plural(n): n for n in _plural_nouns()}


def _number(lo: int, hi: int):
    return lambda rng: str(rng.randint(lo, hi))


SPECS = [
    spec(
        "plural",
        "an English noun",
        [
            "give the plural of the noun",
            "write the plural form of the word",
            "turn the singular noun into its plural",
            "say how you would write the word for more than one of them",
            "pluralize the noun, taking care with irregular plurals",
        ],
        plural,
        pool=_plural_nouns,
        training_phrasings=[
            "make the noun plural",
            "tell me what this noun becomes when there's more than one",
            "output the plural spelling of the English noun, e.g. boxes for box",
            "inflect the noun for plural number",
        ],
    ),
    spec(
        "singular",
        "a plural English noun",
        [
            "give the singular of the noun",
            "write the singular form of the plural word",
            "turn the plural noun into its singular",
            "say how you would write the word for just one of them",
            "singularize the noun, taking care with irregular plurals",
        ],
        lambda x: _singulars()[x],
        pool=lambda: sorted(_singulars()),
        training_phrasings=[
            "make the noun singular",
            "tell me what this noun looks like when there's only one of it",
            "output the singular spelling of the plural English noun, e.g. box for boxes",
            "reduce the plural noun to its base one-item form",
        ],
    ),
    spec(
        "indefinite_article",
        "an English noun",
        [
            "put the right indefinite article, a or an, in front of the noun",
            "add a or an before the word, whichever is correct",
            "prefix the noun with the correct article (a/an)",
            "write the noun with a or an in front",
            "choose between a and an for the word and write both together",
        ],
        lambda x: inflect_engine().a(x),
        pool=lambda: sorted(set(NOUNS)),
        training_phrasings=[
            "prepend the correct a or an to the noun",
            "stick the right article, a or an, on the front of the noun",
            "output the indefinite article that fits the noun's initial sound (a or an), a space, then the noun",
            "write the noun as an indefinite noun phrase, like an apple or a chair",
        ],
    ),
    spec(
        "number_to_words",
        "a number",
        [
            "write the number out in English words",
            "spell out the number in words",
            "convert the digits to English words, as on a cheque",
            "give the English name of the number",
            "express the numeral in written-out English",
        ],
        lambda x: _words(int(x)),
        sample=_number(0, 9999),
        training_phrasings=[
            "put the number into English words",
            "write this number the way you'd spell it out in an English sentence",
            "output the English cardinal name of the integer in words, e.g. one hundred and five for 105",
            "render the figure as English text instead of digits",
        ],
    ),
    spec(
        "number_to_french",
        "a number",
        [
            "write the number out in French words",
            "spell out the number in French",
            "convert the digits to French words",
            "give the French name of the number",
            "say the number in French, written out in letters",
        ],
        lambda x: _words(int(x), "fr"),
        sample=_number(0, 999),
        training_phrasings=[
            "put the number into French words",
            "write this number the way you'd spell it out in a French sentence",
            "output the French cardinal name of the integer in words",
            "render the figure as French text instead of digits",
        ],
    ),
    spec(
        "number_to_spanish",
        "a number",
        [
            "write the number out in Spanish words",
            "spell out the number in Spanish",
            "convert the digits to Spanish words",
            "give the Spanish name of the number",
            "say the number in Spanish, written out in letters",
        ],
        lambda x: _words(int(x), "es"),
        sample=_number(0, 999),
        training_phrasings=[
            "put the number into Spanish words",
            "write this number the way you'd spell it out in a Spanish sentence",
            "output the Spanish cardinal name of the integer in words",
            "render the figure as Spanish text instead of digits",
        ],
    ),
    spec(
        "number_to_german",
        "a number",
        [
            "write the number out in German words",
            "spell out the number in German",
            "convert the digits to German words",
            "give the German name of the number",
            "say the number in German, written out in letters",
        ],
        lambda x: _words(int(x), "de"),
        sample=_number(0, 999),
        training_phrasings=[
            "put the number into German words",
            "write this number the way you'd spell it out in a German sentence",
            "output the German cardinal name of the integer in words",
            "render the figure as German text instead of digits",
        ],
    ),
    spec(
        "ordinal_suffix",
        "a number",
        [
            "turn the number into an ordinal with its suffix, like 1st, 2nd or 3rd",
            "add the right ordinal ending (st, nd, rd, th) to the number",
            "write the number as an ordinal numeral",
            "give the ordinal abbreviation of the number",
            "append st, nd, rd or th to the number as English requires",
        ],
        lambda x: inflect_engine().ordinal(int(x)),
        sample=_number(1, 999),
        training_phrasings=[
            "make the number an ordinal like 21st or 42nd",
            "tell me how you'd write this number as a ranking in digits with its ending, e.g. 3rd or 11th",
            "output the number in digits followed by its English ordinal suffix, e.g. 112th or 23rd",
            "convert the figure into its short ordinal form, keeping the digits and adding the two-letter ending",
        ],
    ),
    spec(
        "ordinal_words",
        "a number",
        [
            "write the number as an ordinal in words, like twenty-first",
            "spell out the ordinal form of the number",
            "convert the number to its ordinal word (first, second, ...)",
            "give the ordinal of the number written in English words",
            "say which position the number names, in words, e.g. third for 3",
        ],
        lambda x: _words(int(x), to="ordinal"),
        sample=_number(1, 199),
        training_phrasings=[
            "put the number into words as an ordinal",
            "tell me the spelled-out ranking word for this number, like ninth or fortieth",
            "output the English ordinal of the integer written fully in letters, e.g. one hundred and twelfth for 112",
            "render the figure as a spelled-out ordinal such as fifty-second",
        ],
    ),
    spec(
        "year_to_words",
        "a year",
        [
            "write the year in words the way people say it aloud",
            "spell out the year as it is spoken, like nineteen eighty-four",
            "convert the year to spoken English words",
            "read the year aloud, in written words",
            "say the year the way a newsreader would, written out",
        ],
        lambda x: _words(int(x), to="year"),
        sample=_number(1100, 2099),
        training_phrasings=[
            "spell the year as spoken",
            "tell me how you'd pronounce this year, written in words",
            "output the year in English words using the spoken convention, e.g. eighteen twelve for 1812",
            "render the calendar year as it sounds when pronounced, in letters",
        ],
    ),
    spec(
        "words_to_number",
        "a number written in English words",
        [
            "convert the number words to digits",
            "write the spelled-out number as a numeral",
            "turn the English number words into an integer",
            "give the number in digits",
            "translate the written-out number back into figures",
        ],
        lambda x: str(parse_number_words(x)),
        sample=lambda rng: _words(rng.randint(0, 9999)),
        metric="numeric",
        training_phrasings=[
            "write the number in numerals",
            "tell me what number these English words spell, using digits",
            "output the integer, in decimal digits, that the English number words denote",
            "parse the spelled-out English quantity and return its digit form",
        ],
    ),
    spec(
        "present_participle",
        "an English verb",
        [
            "give the -ing form of the verb",
            "write the present participle of the verb",
            "add ing to the verb, with the right spelling changes",
            "turn the verb into its gerund form",
            "say the continuous form of the verb, e.g. running for run",
        ],
        lambda x: inflect_engine().present_participle(x),
        pool=lambda: sorted(set(VERBS)),
        training_phrasings=[
            "write the verb with -ing",
            "tell me how the verb looks with ing on the end, spelled correctly",
            "output the present participle of the verb, with any doubled consonant or dropped e the spelling needs",
            "inflect the verb into its ing-form, as used after am, is or are",
        ],
    ),
    spec(
        "to_roman",
        "a number",
        [
            "write the number in Roman numerals",
            "convert the number to a Roman numeral",
            "give the Roman numeral for the value",
            "express the integer with the letters I, V, X, L, C, D and M",
            "translate the Arabic number into Roman numerals",
        ],
        lambda x: to_roman(int(x)),
        sample=_number(1, 500),
        training_phrasings=[
            "turn the number into Roman numerals",
            "tell me how the Romans would write this number",
            "output the standard subtractive Roman numeral for the integer, e.g. XLIV for 44",
            "encode the value using the numeral system of ancient Rome",
        ],
    ),
    spec(
        "from_roman",
        "a Roman numeral",
        [
            "convert the Roman numeral to a normal number",
            "give the value of the Roman numeral in digits",
            "write the Roman numeral as an Arabic number",
            "work out what number the Roman numeral stands for",
            "translate the Roman numeral into ordinary figures",
        ],
        lambda x: str(from_roman(x)),
        sample=lambda rng: to_roman(rng.randint(1, 500)),
        metric="numeric",
        training_phrasings=[
            "decode the Roman numeral into digits",
            "tell me what number this Roman numeral means",
            "output the integer value of the Roman numeral in decimal digits, e.g. 44 for XLIV",
            "read the ancient Roman number and write its value with the digits 0 to 9",
        ],
    ),
]


def _decimal_words(x: str) -> str:
    """"3.25" -> "three point two five": the whole part in words, then each decimal digit."""
    whole, point, fraction = x.partition(".")
    if not (point and whole.isdigit() and fraction.isdigit()):
        raise ValueError(f"not a decimal number: {x!r}")
    return f"{_words(int(whole))} point {' '.join(_words(int(d)) for d in fraction)}"


def _decimal(rng) -> str:
    return f"{rng.randint(0, 999)}.{rng.randint(1, 99):0{rng.choice([1, 2])}d}".rstrip("0")


def _italian(n: int) -> str:
    """num2words' Italian, with the accent it sometimes drops on a final -tré (centoventitré)."""
    text = _words(n, "it")
    if n % 10 == 3 and n % 100 != 13 and n != 3 and text.endswith("tre"):
        text = text[:-1] + "é"
    return text


def _negative_words(x: str) -> str:
    if not (x.startswith("-") and x[1:].isdigit() and int(x) < 0):
        raise ValueError(f"not a negative whole number: {x!r}")
    return _words(int(x))


# training-only siblings (``builtin_suite(extra=True)``): cardinals in Italian and Brazilian
# Portuguese, and English words for decimals and negative numbers, beside the held-out number_to_words
EXTRA_SPECS = [
    spec(
        "number_to_italian",
        "a number",
        [
            "write the number out in Italian words",
            "spell out the number in Italian",
            "convert the digits to Italian words",
            "give the Italian name of the number",
            "say the number in Italian, written out in letters",
        ],
        lambda x: _italian(int(x)),
        sample=_number(0, 999),
        training_phrasings=[
            "put the number into Italian words",
            "write this number the way you'd spell it out in an Italian sentence",
            "output the Italian cardinal name of the integer in words",
            "render the figure as Italian text instead of digits",
        ],
    ),
    spec(
        "number_to_brazilian_portuguese",
        "a number",
        [
            "write the number out in Brazilian Portuguese words",
            "spell out the number in Portuguese as written in Brazil",
            "convert the digits to Brazilian Portuguese words",
            "give the Brazilian Portuguese name of the number",
            "say the number in the Portuguese of Brazil, written out in letters",
        ],
        lambda x: _words(int(x), "pt_BR"),
        sample=_number(0, 999),
        training_phrasings=[
            "put the number into Brazilian Portuguese words",
            "write this number the way you'd spell it out in a Brazilian Portuguese sentence",
            "output the Brazilian Portuguese cardinal name of the integer in words",
            "render the figure as Brazilian Portuguese text instead of digits",
        ],
    ),
    spec(
        "decimal_to_words",
        "a decimal number",
        [
            "write the decimal number out in English words, reading each digit after the point",
            "spell out the decimal, like three point two five for 3.25",
            "convert the decimal number to words, saying point and then the digits one by one",
            "give the English wording of the decimal as it is read aloud",
            "express the number with a decimal point in written-out English",
        ],
        _decimal_words,
        sample=_decimal,
        training_phrasings=[
            "put the decimal into English words, digit by digit after the point",
            "tell me how you'd read this decimal out loud, like twelve point zero five for 12.05",
            "output the whole part in English words, then point, then each digit after the point as a word",
            "verbalize the decimal figure, naming the digits after the point individually",
        ],
    ),
    spec(
        "negative_number_to_words",
        "a negative whole number",
        [
            "write the negative number out in English words, starting with minus",
            "spell out the number below zero in words",
            "convert the negative integer to English words, like minus forty-two for -42",
            "give the English name of the negative number",
            "express the minus-signed numeral in written-out English",
        ],
        _negative_words,
        sample=lambda rng: str(-rng.randint(1, 9999)),
        training_phrasings=[
            "put the negative number into English words, beginning with minus",
            "tell me how to write this below-zero number in English words, like minus seven for -7",
            "output the word minus followed by the English cardinal words for the absolute value",
            "render the negative integer as English text, minus and all",
        ],
    ),
]
