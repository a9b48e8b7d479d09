"""Edits of a short sentence or phrase: punctuation, capitals after full stops, separators, quotes,
lists joined with "and", dropping or repeating words, articles, contractions, digits to words.

Solvers refuse text that is not their input (nothing to remove, a single sentence to capitalise,
plain lower-case words to join with underscores): on such text the rule would be another task."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Collection

from hypernet.tasks.families._common import distinct_words, inflect_engine, word, words
from hypernet.tasks.spec import spec
from hypernet.tasks.wordlists import NOUNS

FAMILY = "text_edit"
TEMPLATES = (
    "Sentence editing: {p}.",
    "Copy-editing job. {P}, then return the edited text and nothing else.",
)
SENTENCE = "a short sentence"
PUNCTUATION = ",.!?;:"
_SHORT_WORDS = ("as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my",
                "no", "of", "on", "or", "so", "to", "up", "us", "we")  # fmt: skip
_DIGIT_WORDS = "zero one two three four five six seven eight nine".split()

# Contractions with one expansion each (no 's or 'd, which can stand for two words).
CONTRACTIONS = {
    "don't": "do not", "doesn't": "does not", "didn't": "did not", "isn't": "is not",
    "aren't": "are not", "wasn't": "was not", "weren't": "were not", "haven't": "have not",
    "hasn't": "has not", "hadn't": "had not", "won't": "will not", "wouldn't": "would not",
    "can't": "cannot", "couldn't": "could not", "shouldn't": "should not", "mustn't": "must not",
    "I'm": "I am", "you're": "you are", "we're": "we are", "they're": "they are",
    "I've": "I have", "you've": "you have", "we've": "we have", "they've": "they have",
    "I'll": "I will", "you'll": "you will", "we'll": "we will", "they'll": "they will",
}  # fmt: skip
_EXPANSIONS = {v: k for k, v in CONTRACTIONS.items()}
# Filler words that could join an expansion into another one ("I will not") are kept out.
_CONTRACTION_PARTS = {w for pair in CONTRACTIONS.items() for part in pair for w in part.split()}


def _filler(rng: random.Random, lo: int, hi: int, avoid: Collection[str] = ()) -> list[str]:
    """``lo``..``hi`` common words of three letters or more, none in ``avoid``."""
    out: list[str] = []
    n = rng.randint(lo, hi)
    while len(out) < n:
        w = word(rng, 3, 9)
        if w not in avoid:
            out.append(w)
    return out


def _insert(rng: random.Random, ws: list[str], extra: list[str]) -> list[str]:
    ws = list(ws)
    for w in extra:
        ws.insert(rng.randint(0, len(ws)), w)
    return ws


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _punctuated(rng: random.Random) -> str:
    """A capitalised sentence with a comma or two inside and a mark at the end."""
    ws = words(rng, 3, 7)
    for i in rng.sample(range(len(ws) - 1), rng.randint(0, min(2, len(ws) - 1))):
        ws[i] += rng.choice([",", ",", ";", ":"])
    return _cap(" ".join(ws)) + rng.choice([".", "!", "?", "."])


def _remove_punctuation(x: str) -> str:
    # Sentences only: on "1,234.5" this would be a number-formatting task.
    if not any(c.isalpha() for c in x):
        raise ValueError(f"no words in {x!r}")
    return "".join(c for c in x if c not in PUNCTUATION)


def _sentences(rng: random.Random, *, capitalised: bool) -> str:
    parts = []
    for _ in range(rng.randint(2, 3)):
        s = " ".join(words(rng, 2, 4)) + rng.choice([".", ".", "!", "?"])
        parts.append(_cap(s) if capitalised else s)
    return " ".join(parts)


def _split_sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?]) ", text)
    if len(parts) < 2 or not all(p[-1] in ".!?" for p in parts):
        raise ValueError(f"not two or more sentences: {text!r}")
    return parts


def _changed(rule: Callable[[str], str]) -> Callable[[str], str]:
    """``rule``, refusing text it would leave as it is."""

    def solve(x: str) -> str:
        if (y := rule(x)) == x:
            raise ValueError(f"nothing to edit in {x!r}")
        return y

    return solve


def _end_with_period(x: str) -> str:
    if x.endswith("."):
        return x
    if not x[-1].isalnum():
        raise ValueError(f"ends with another mark: {x!r}")
    return x + "."


def _maybe_period(rng: random.Random) -> str:
    s = _cap(" ".join(words(rng, 3, 7)))
    return s + "." if rng.random() < 0.5 else s


def _capitalised_words(rng: random.Random) -> str:
    """A sentence with a capital or a punctuation mark, so that it is not a plain word list."""
    ws = words(rng, 3, 6)
    for i in rng.sample(range(len(ws)), rng.randint(1, 2)):
        ws[i] = ws[i].title()
    text = " ".join(ws)
    return text + rng.choice(["", ".", "!", "?"])


def _underscores(x: str) -> str:
    # On plain lower-case words this would be naming.words_to_snake.
    if re.fullmatch(r"[a-z0-9 ]*", x) or " " not in x:
        raise ValueError(f"no capitals or punctuation, or no spaces: {x!r}")
    return x.replace(" ", "_")


def _noun_list(rng: random.Random) -> str:
    return ", ".join(rng.sample(NOUNS, rng.randint(3, 5)))


def _and_before_last(x: str) -> str:
    head, sep, last = x.rpartition(", ")
    if not sep or ", " not in head:
        raise ValueError(f"not a list of three or more: {x!r}")
    return f"{head} and {last}"


def _with_short_words(rng: random.Random) -> str:
    short = rng.choices(_SHORT_WORDS, k=rng.randint(1, 3))
    return " ".join(_insert(rng, _filler(rng, 2, 5), short))


def _drop_short_words(x: str) -> str:
    # Words only: an emoji is one character too, and dropping those is emoji.remove_emoji.
    if not x.replace(" ", "").isalpha():
        raise ValueError(f"not a sentence of plain words: {x!r}")
    return " ".join(w for w in x.split() if len(w) >= 3)


def _article_for(w: str) -> str:
    return inflect_engine().a(w).split()[0]  # "an hour", "a unit"


def _with_a(rng: random.Random) -> str:
    while True:
        ws = _filler(rng, 3, 6)
        if starts := [i for i, w in enumerate(ws) if _article_for(w) == "a"]:
            break
    for i in rng.sample(starts, min(len(starts), rng.randint(1, 2))):
        ws[i] = "a " + ws[i]
    return " ".join(ws)


def _with_articles(rng: random.Random) -> str:
    ws = _filler(rng, 3, 6, avoid={"the"})
    for i in rng.sample(range(len(ws)), rng.randint(1, 3)):
        ws[i] = f"{'the' if rng.random() < 0.5 else _article_for(ws[i])} {ws[i]}"
    return " ".join(ws)


def _with_repeats(rng: random.Random) -> str:
    ws = distinct_words(rng, 3, 5)
    for i in sorted(rng.sample(range(len(ws)), rng.randint(1, 2)), reverse=True):
        ws[i : i + 1] = [ws[i]] * rng.choice([2, 2, 3])
    return " ".join(ws)


def _collapse_repeats(x: str) -> str:
    out: list[str] = []
    for w in x.split():
        if not out or out[-1] != w:
            out.append(w)
    return " ".join(out)


def _with_contractions(rng: random.Random) -> str:
    extra = rng.sample(sorted(CONTRACTIONS), rng.randint(1, 2))
    return " ".join(_insert(rng, _filler(rng, 2, 5, _CONTRACTION_PARTS), extra))


def _with_expansions(rng: random.Random) -> str:
    extra = [CONTRACTIONS[c] for c in rng.sample(sorted(CONTRACTIONS), rng.randint(1, 2))]
    return " ".join(_insert(rng, _filler(rng, 2, 5, _CONTRACTION_PARTS), extra))


_CONTRACTED = re.compile(r"(?<![\w'])(" + "|".join(map(re.escape, CONTRACTIONS)) + r")(?![\w'])")
_EXPANDED = re.compile(r"\b(" + "|".join(sorted(_EXPANSIONS, key=len, reverse=True)) + r")\b")


def _with_digits(rng: random.Random) -> str:
    extra = [str(rng.randint(0, 9)) for _ in range(rng.randint(1, 2))]
    return " ".join(_insert(rng, _filler(rng, 2, 5), extra))


def _on_words(n: int, rule: Callable[[list[str]], list[str]]) -> Callable[[str], str]:
    """A rule on the list of words, for texts of at least ``n`` words (on fewer it is another task:
    dropping the first and last of three words is extraction.second_word)."""

    def solve(x: str) -> str:
        ws = x.split()
        if len(ws) < n:
            raise ValueError(f"fewer than {n} words: {x!r}")
        return " ".join(rule(ws))

    return solve


SPECS = [
    spec(
        "remove_punctuation",
        "a sentence with punctuation",
        [
            "remove all the punctuation marks and keep the words and capitals",
            "delete every comma, period, question mark, exclamation mark, colon and semicolon",
            "strip the punctuation out of the sentence",
            "write the sentence again without any of its punctuation",
            "erase each mark of punctuation, leaving only letters and spaces",
        ],
        _changed(_remove_punctuation),
        sample=_punctuated,
        metric="strict",
        training_phrasings=[
            "drop all punctuation, keeping the words and their capitals as they are",
            "take out all the commas, colons, semicolons and end marks but leave the words alone",
            "output the text with every character from the set , . ! ? ; : deleted and the letter case unchanged",
            "clean the sentence of commas, semicolons, colons and terminal marks, with capitalisation untouched",
        ],
    ),
    spec(
        "end_with_period",
        "a sentence that may lack its final period",
        [
            "end the sentence with a period if it does not already have one",
            "add a full stop at the end unless one is already there",
            "make sure the sentence finishes with exactly one period",
            "put a period after the last word when it is missing, otherwise leave the text alone",
            "close the sentence with a full stop, without doubling an existing one",
        ],
        _end_with_period,
        sample=_maybe_period,
        metric="strict",
        training_phrasings=[
            "ensure a trailing period, adding one only if it is absent",
            "stick a period on the end if it's not there yet",
            "append the character . to the text unless its last character is already a period",
            "terminate the text with a dot, never adding a second one when one is present",
        ],
    ),
    spec(
        "capitalize_sentences",
        "a few lower-case sentences",
        [
            "capitalize the first letter of each sentence",
            "start every sentence with a capital letter",
            "make the opening letter of each sentence uppercase and leave the rest as it is",
            "fix the capitalisation so that each new sentence begins with a capital",
            "give each sentence in the text a capital at its beginning",
        ],
        lambda x: " ".join(_cap(s) for s in _split_sentences(x)),
        sample=lambda rng: _sentences(rng, capitalised=False),
        metric="strict",
        training_phrasings=[
            "capitalise each sentence's opening letter",
            "fix it so every sentence kicks off with a capital letter, changing nothing else",
            "convert the first character of every sentence, where sentences end in . ! or ?, to upper case and leave all other characters unchanged",
            "correct the text so that the initial letter of each sentence is upper case",
        ],
    ),
    spec(
        "spaces_to_underscores",
        "a sentence with capitals or punctuation",
        [
            "replace every space with an underscore and change nothing else",
            "swap the spaces in the text for underscores, keeping capitals and punctuation",
            "put an underscore wherever there is a space",
            "turn each blank between words into the character _",
            "link the words of the sentence with underscores in place of spaces, as they are",
        ],
        _underscores,
        sample=_capitalised_words,
        metric="strict",
        training_phrasings=[
            "change spaces to underscores and nothing more",
            "just replace the gaps between words with underscores, keeping the capitals and punctuation as they are",
            "substitute an underscore for each space character, with every other character left unchanged",
            "use underscores as the word separators instead of spaces, with case and punctuation untouched",
        ],
    ),
    spec(
        "quote_each_word",
        "a few words",
        [
            "put each word in double quotes",
            "wrap every word in quotation marks, keeping the spaces between them",
            "surround each word with a pair of double quotes",
            "write every word inside its own quotation marks",
            "enclose the words one by one in straight double quotes",
        ],
        _on_words(2, lambda ws: [f'"{w}"' for w in ws]),
        sample=lambda rng: " ".join(words(rng, 2, 5)),
        metric="strict",
        training_phrasings=[
            "double-quote every word",
            "stick double quotes around each of the words, leaving the spaces between them",
            "output each word wrapped in a pair of \" characters, with single spaces between the quoted words",
            "mark each word as a separate quotation by giving it opening and closing double quotes",
        ],
    ),
    spec(
        "comma_separate_words",
        "a few words",
        [
            "join the words with a comma and a space",
            "put a comma after every word except the last",
            "separate the words with commas, keeping one space after each comma",
            "turn the words into a list written as word, word, word",
            "insert commas between neighbouring words without removing the spaces",
        ],
        _on_words(2, lambda ws: [", ".join(ws)]),
        sample=lambda rng: " ".join(words(rng, 3, 5)),
        metric="strict",
        training_phrasings=[
            "comma-separate the words, one space after each comma",
            "stick a comma between each pair of words but keep the spaces",
            "output the words in order separated by a comma followed by a single space",
            "make a comma-delimited list from the words, leaving a space after every comma",
        ],
    ),
    spec(
        "and_before_last",
        "a comma-separated list of three or more items",
        [
            "replace the last comma of the list with the word and",
            "join the final two items with and instead of a comma",
            "finish the list as you would in a sentence: commas, then and before the last item",
            "put and between the last two items, with no comma before it",
            "turn the list into running English by linking its final item with and",
        ],
        _and_before_last,
        sample=_noun_list,
        metric="strict",
        training_phrasings=[
            "swap the final comma for and",
            "turn the last comma into the word and, leaving the other commas as they are",
            "replace only the final \", \" in the list with \" and \", keeping every earlier comma",
            "make the list end in the style x, y and z, with the earlier commas kept and no comma before and",
        ],
    ),
    spec(
        "drop_first_and_last_words",
        "a sentence of four or more words",
        [
            "remove the first and the last word",
            "delete both the opening word and the closing word",
            "keep only the words in the middle, dropping the first and final ones",
            "cut one word off each end of the sentence",
            "trim away the outermost word on either side",
        ],
        _on_words(4, lambda ws: ws[1:-1]),
        sample=lambda rng: " ".join(words(rng, 4, 7)),
        training_phrasings=[
            "strip the first and last words",
            "chop off the first word and the last word and give me what's left in the middle",
            "output the words from the second through the second-to-last, separated by single spaces",
            "return the sentence minus its initial and final word",
        ],
    ),
    spec(
        "drop_short_words",
        SENTENCE,
        [
            "delete the words that are shorter than three letters",
            "remove every word of one or two letters",
            "keep only the words with at least three letters",
            "drop the tiny words, those with fewer than 3 characters",
            "filter out each word whose length is below three",
        ],
        _changed(_drop_short_words),
        sample=_with_short_words,
        training_phrasings=[
            "remove words under three letters long",
            "get rid of all the little one- and two-letter words like it, to or me",
            "output only the words whose length is three characters or more, in their original order, separated by spaces",
            "prune the sentence of its two-letter and one-letter words",
        ],
    ),
    spec(
        "a_to_the",
        "a sentence containing the word a",
        [
            "replace every word a with the",
            "change each article a into the",
            "swap the indefinite article a for the definite article the",
            "write the wherever the single word a appears",
            "turn each lone a into the, leaving the other words alone",
        ],
        _changed(lambda x: " ".join("the" if w == "a" else w for w in x.split())),
        sample=_with_a,
        training_phrasings=[
            "change every standalone a to the",
            "whenever you see the word a on its own, put the in its place",
            "replace each whole-word token a with the, without touching the letter a inside other words",
            "substitute the for every occurrence of the one-letter word a",
        ],
    ),
    spec(
        "repeat_last_word",
        SENTENCE,
        [
            "duplicate the last word",
            "write the final word twice at the end",
            "repeat the closing word once more",
            "add a copy of the last word after it",
            "echo the sentence's final word so that it appears two times in a row",
        ],
        _on_words(2, lambda ws: [*ws, ws[-1]]),
        sample=lambda rng: " ".join(words(rng, 2, 6)),
        training_phrasings=[
            "double the final word",
            "say the last word again at the very end",
            "append a second copy of the final word, separated by a space",
            "end the sentence by restating its last word one extra time",
        ],
    ),
    spec(
        "parenthesize",
        SENTENCE,
        [
            "surround the sentence with parentheses",
            "put the whole text in round brackets",
            "add an opening bracket at the start and a closing bracket at the end",
            "wrap the sentence in ( and )",
            "enclose all of the text within a pair of parentheses",
        ],
        lambda x: f"({x})",
        sample=lambda rng: " ".join(words(rng, 2, 6)),
        metric="strict",
        training_phrasings=[
            "parenthesise the whole sentence",
            "stick the entire sentence inside a pair of round brackets",
            "prefix the text with ( and suffix it with ), adding no spaces",
            "place the sentence between an opening and a closing parenthesis",
        ],
    ),
    spec(
        "remove_adjacent_repeats",
        "a sentence with some words repeated in a row",
        [
            "remove repeated adjacent words, keeping one of each run",
            "collapse a word written several times in a row into a single copy",
            "delete the immediate repetitions of words",
            "fix the stutter: when the same word comes twice or more in a row, keep it once",
            "get rid of back-to-back duplicate words",
        ],
        _changed(_collapse_repeats),
        sample=_with_repeats,
        training_phrasings=[
            "merge consecutive duplicate words into one",
            "clean up the doubled-up words so each run of the same word is written only once",
            "replace every run of identical consecutive words with a single occurrence of that word, leaving non-adjacent repeats in place",
            "eliminate words that merely repeat the word right before them",
        ],
    ),
    spec(
        "expand_contractions",
        "a sentence with contractions",
        [
            "expand the contractions into full words",
            "write out every contraction in full, like do not for don't",
            "replace each shortened form with an apostrophe by its two-word version",
            "undo the contractions",
            "spell out the apostrophe forms as complete words, with cannot for can't",
        ],
        _changed(lambda x: _CONTRACTED.sub(lambda m: CONTRACTIONS[m.group(1)], x)),
        sample=_with_contractions,
        training_phrasings=[
            "replace each contraction by the words it is short for",
            "turn things like can't and we're back into the full words, so cannot and we are",
            "replace each apostrophe contraction with its uncontracted form (won't as will not, I'm as I am) and leave the other words unchanged",
            "lengthen each shortened form such as isn't or they'll into the separate words it stands for",
        ],
    ),
    spec(
        "make_contractions",
        "a sentence with words that can be contracted",
        [
            "contract the word pairs that have a short form with an apostrophe",
            "use contractions wherever possible, like don't for do not",
            "shorten do not, I am, they will and similar pairs into contractions",
            "rewrite the sentence with contractions",
            "squeeze each two-word phrase that has an apostrophe version into it, e.g. can't",
        ],
        _changed(lambda x: _EXPANDED.sub(lambda m: _EXPANSIONS[m.group(1)], x)),
        sample=_with_expansions,
        metric="strict",  # the apostrophes are the task
        training_phrasings=[
            "contract every pair that can be contracted",
            "make it sound more casual by using don't, I'm, we'll and so on wherever they fit",
            "replace each full form that has a standard contraction, such as do not, cannot or I am, with that contraction (don't, can't, I'm)",
            "merge words such as we are or did not into their shortened forms we're and didn't, everywhere it is possible",
        ],
    ),
    spec(
        "swap_word_pairs",
        SENTENCE,
        [
            "swap each pair of neighbouring words: the 1st with the 2nd, the 3rd with the 4th, etc",
            "exchange the words two by two, leaving an odd last word where it is",
            "switch the first and second words, then the third and fourth words, and so on",
            "reverse the order inside each consecutive pair of words",
            "trade places between every odd-numbered word and the word after it",
        ],
        _on_words(4, lambda ws: [w for i in range(0, len(ws), 2) for w in ws[i : i + 2][::-1]]),
        sample=lambda rng: " ".join(distinct_words(rng, 4, 6)),
        training_phrasings=[
            "swap the words pairwise from the start, leaving an odd last word as it is",
            "flip each two-word chunk around, 1st with 2nd, 3rd with 4th, and leave a leftover last word alone",
            "for i = 1, 3, 5 and so on, exchange word i with word i+1, and if the word count is odd keep the final word where it is",
            "group the words into twos from the beginning and reverse each group, keeping any unpaired final word last",
        ],
    ),
    spec(
        "every_other_word",
        SENTENCE,
        [
            "keep every other word, starting with the first",
            "write only the 1st, 3rd, 5th and so on words",
            "drop the words in even positions",
            "skip every second word of the sentence",
            "take the odd-numbered words and join them with spaces",
        ],
        _on_words(4, lambda ws: ws[::2]),
        sample=lambda rng: " ".join(words(rng, 4, 7)),
        training_phrasings=[
            "keep alternate words, beginning with the first",
            "go through the words and keep one, skip one, keep one, starting with the first",
            "output the words at positions 1, 3, 5 and so on, counting from 1, separated by single spaces",
            "remove the 2nd, 4th, 6th and so on words of the sentence",
        ],
    ),
    spec(
        "remove_articles",
        "a sentence with articles",
        [
            "remove the articles a, an and the",
            "delete every a, an and the from the sentence",
            "strip out the definite and indefinite articles",
            "write the sentence without any articles",
            "leave out each the, a or an and keep the remaining words in order",
        ],
        _changed(lambda x: " ".join(w for w in x.split() if w not in ("a", "an", "the"))),
        sample=_with_articles,
        training_phrasings=[
            "drop every article (a, an, the)",
            "take out all the a's, an's and the's and keep everything else in order",
            "delete each standalone word a, an or the, keeping the other words in their original order with single spaces",
            "strike the determiners a, an and the from the text",
        ],
    ),
    spec(
        "reverse_sentences",
        "a short text of two or three sentences",
        [
            "reverse the order of the sentences",
            "put the last sentence first and the first sentence last",
            "write the sentences back to front, keeping each one intact",
            "list the sentences from the final one to the opening one",
            "flip the sequence of sentences without changing any sentence itself",
        ],
        lambda x: " ".join(reversed(_split_sentences(x))),
        sample=lambda rng: _sentences(rng, capitalised=True),
        metric="strict",
        training_phrasings=[
            "invert the sentence order",
            "give me the sentences starting from the last one and working back to the first, without touching any of them",
            "split the text into sentences ending in . ! or ? and output them in reverse order joined by single spaces, each sentence unchanged",
            "rearrange the sentences into backwards order, keeping their wording",
        ],
    ),
    spec(
        "digits_to_words",
        "a sentence with single digits in it",
        [
            "replace each digit with its English word",
            "spell out every single-digit number in the sentence",
            "write the digits as words, like 3 as three, and keep the other words",
            "turn the numerals in the text into number words",
            "swap each figure from 0 to 9 for the word that names it",
        ],
        _changed(lambda x: re.sub(r"\b\d\b", lambda m: _DIGIT_WORDS[int(m.group())], x)),
        sample=_with_digits,
        training_phrasings=[
            "write each digit as a word",
            "change any numbers like 7 into words like seven and leave the rest alone",
            "replace every standalone digit 0-9 with its lower-case English name, 0 as zero up to 9 as nine",
            "express each single numeral in letters, so 4 becomes four",
        ],
    ),
]


def _end_with(mark: str):
    def solve(x: str) -> str:
        if x.endswith(mark):
            return x
        if not x[-1].isalnum():
            raise ValueError(f"ends with another mark: {x!r}")
        return x + mark

    return solve


def _maybe_mark(mark: str):
    return lambda rng: _cap(" ".join(words(rng, 3, 7))) + (mark if rng.random() < 0.5 else "")


def _remove_final_period(x: str) -> str:
    if not (x.endswith(".") or x[-1].isalnum()):
        raise ValueError(f"ends with another mark: {x!r}")
    return x.removesuffix(".")


def _with_distant_repeats(rng: random.Random) -> str:
    while True:
        ws = distinct_words(rng, 3, 5)
        for w in rng.sample(ws, rng.randint(1, 2)):
            ws.insert(rng.randint(0, len(ws)), w)
        if _dedupe(x := " ".join(ws)) != _collapse_repeats(x):
            return x


def _dedupe(x: str) -> str:
    return " ".join(dict.fromkeys(x.split()))


def _remove_later_copies(x: str) -> str:
    # Where every repeat is next to its word this would be remove_adjacent_repeats.
    if (y := _dedupe(x)) == _collapse_repeats(x):
        raise ValueError(f"no repeat away from its word in {x!r}")
    return y


def _drop_repeated(x: str) -> str:
    counts = {w: x.split().count(w) for w in x.split()}
    if all(n == 1 for n in counts.values()):
        raise ValueError(f"no repeated word in {x!r}")
    return " ".join(w for w in x.split() if counts[w] == 1)


def _with_double_letters(rng: random.Random) -> str:
    while not re.search(r"([a-z])\1", x := " ".join(words(rng, 3, 6))):
        pass
    return x


_NEGATIONS = {k: v for k, v in CONTRACTIONS.items() if k.endswith("n't")}
_PRONOUN_PAIRS = {k: v for k, v in CONTRACTIONS.items() if k not in _NEGATIONS}


def _with_both_kinds(rng: random.Random) -> str:
    extra = [CONTRACTIONS[rng.choice(sorted(kind))] for kind in (_NEGATIONS, _PRONOUN_PAIRS)]
    return " ".join(_insert(rng, _filler(rng, 2, 5, _CONTRACTION_PARTS), extra))


def _contract_only(kind: dict[str, str], other: dict[str, str]):
    expanded = re.compile(r"\b(" + "|".join(sorted(kind.values(), key=len, reverse=True)) + r")\b")
    others = re.compile(r"\b(" + "|".join(sorted(other.values(), key=len, reverse=True)) + r")\b")
    inverse = {v: k for k, v in kind.items()}

    def solve(x: str) -> str:
        # Without a pair of the other kind left alone this would be make_contractions.
        if not others.search(x) or not expanded.search(x):
            raise ValueError(f"not both kinds of contractible pairs in {x!r}")
        return expanded.sub(lambda m: inverse[m.group(1)], x)

    return solve


def _many_sentences(rng: random.Random) -> str:
    while True:  # drawn again when too long: the answer is as long, and answers stay within 100 characters
        n = rng.randint(3, 4)
        text = " ".join(_cap(" ".join(words(rng, 2, 4))) + rng.choice(".!?.") for _ in range(n))
        if len(text) <= 100:
            return text


def _on_sentences(rule: Callable[[list[str]], list[str]]) -> Callable[[str], str]:
    def solve(x: str) -> str:
        parts = _split_sentences(x)
        # On two sentences each of these rules would be reverse_sentences.
        if len(parts) < 3:
            raise ValueError(f"fewer than three sentences: {x!r}")
        return " ".join(rule(parts))

    return solve


# training-only siblings (``builtin_suite(extra=True)``): other closing marks for end_with_period,
# other separators for comma_separate_words, other words to repeat for repeat_last_word, other
# kinds of repeats to remove for remove_adjacent_repeats, one kind of contraction at a time for
# make_contractions, other reorderings of sentences for reverse_sentences
EXTRA_SPECS = [
    spec(
        "end_with_question_mark",
        "a sentence that may lack its final question mark",
        [
            "end the sentence with a question mark if it does not already have one",
            "add a ? at the end unless one is already there",
            "make sure the sentence finishes with exactly one question mark",
            "put a question mark after the last word when it is missing, otherwise leave the text alone",
            "turn the sentence into a question by closing it with ?, without doubling an existing one",
        ],
        _end_with("?"),
        sample=_maybe_mark("?"),
        metric="strict",
        training_phrasings=[
            "ensure a trailing question mark, adding one only if it is absent",
            "stick a ? on the end if it's not there yet",
            "append the character ? to the text unless its last character is already a question mark",
            "terminate the text with a question mark, never adding a second one when one is present",
        ],
    ),
    spec(
        "end_with_exclamation_mark",
        "a sentence that may lack its final exclamation mark",
        [
            "end the sentence with an exclamation mark if it does not already have one",
            "add a ! at the end unless one is already there",
            "make sure the sentence finishes with exactly one exclamation point",
            "put an exclamation mark after the last word when it is missing, otherwise leave the text alone",
            "close the sentence with a bang, without doubling an existing one",
        ],
        _end_with("!"),
        sample=_maybe_mark("!"),
        metric="strict",
        training_phrasings=[
            "ensure a trailing exclamation mark, adding one only if it is absent",
            "stick a ! on the end if it's not there yet",
            "append the character ! to the text unless its last character is already an exclamation mark",
            "terminate the text with an exclamation point, never adding a second one when one is present",
        ],
    ),
    spec(
        "remove_final_period",
        "a sentence that may end with a period",
        [
            "remove the period at the end of the sentence if there is one",
            "drop the final full stop, leaving a sentence without one as it is",
            "make sure the sentence does not finish with a period",
            "delete the trailing period when present, otherwise change nothing",
            "strip the closing full stop off the text",
        ],
        _remove_final_period,
        sample=_maybe_period,
        metric="strict",
        training_phrasings=[
            "drop any trailing period",
            "if there's a full stop at the end, take it off, otherwise leave it",
            "delete the last character if it is a period and otherwise output the text unchanged",
            "cut the dot off the end of the sentence when there is one",
        ],
    ),
    spec(
        "semicolon_separate_words",
        "a few words",
        [
            "join the words with a semicolon and a space",
            "put a semicolon after every word except the last",
            "separate the words with semicolons, keeping one space after each semicolon",
            "turn the words into a list written as word; word; word",
            "insert semicolons between neighbouring words without removing the spaces",
        ],
        _on_words(2, lambda ws: ["; ".join(ws)]),
        sample=lambda rng: " ".join(words(rng, 3, 5)),
        metric="strict",
        training_phrasings=[
            "semicolon-separate the words, one space after each semicolon",
            "stick a semicolon between each pair of words but keep the spaces",
            "output the words in order separated by a semicolon followed by a single space",
            "make a semicolon-delimited list from the words, leaving a space after every semicolon",
        ],
    ),
    spec(
        "pipe_separate_words",
        "a few words",
        [
            "join the words with a vertical bar, with spaces around it",
            "put a | between every two neighbouring words",
            "separate the words with pipes, keeping one space on each side of every pipe",
            "turn the words into a list written as word | word | word",
            "insert a pipe symbol between the words without removing the spaces",
        ],
        _on_words(2, lambda ws: [" | ".join(ws)]),
        sample=lambda rng: " ".join(words(rng, 3, 5)),
        metric="strict",
        training_phrasings=[
            "pipe-separate the words with a space either side of each pipe",
            "stick a | between each pair of words, with a space on both sides",
            "output the words in order separated by the three characters space, vertical bar, space",
            "make a pipe-delimited list from the words, padding each | with single spaces",
        ],
    ),
    spec(
        "slash_separate_words",
        "a few words",
        [
            "join the words with a slash, with spaces around it",
            "put a / between every two neighbouring words",
            "separate the words with slashes, keeping one space on each side of every slash",
            "turn the words into a list written as word / word / word",
            "insert a forward slash between the words without removing the spaces",
        ],
        _on_words(2, lambda ws: [" / ".join(ws)]),
        sample=lambda rng: " ".join(words(rng, 3, 5)),
        metric="strict",
        training_phrasings=[
            "slash-separate the words with a space either side of each slash",
            "stick a / between each pair of words, with a space on both sides",
            "output the words in order separated by the three characters space, forward slash, space",
            "make a slash-delimited list from the words, padding each / with single spaces",
        ],
    ),
    spec(
        "repeat_first_word",
        SENTENCE,
        [
            "duplicate the first word",
            "write the opening word twice at the start",
            "repeat the first word once more right after itself",
            "add a copy of the first word after it",
            "echo the sentence's opening word so that it appears two times in a row",
        ],
        _on_words(2, lambda ws: [ws[0], *ws]),
        sample=lambda rng: " ".join(words(rng, 2, 6)),
        training_phrasings=[
            "double the first word",
            "say the first word twice at the start",
            "insert a second copy of the first word right after it, separated by a space",
            "start the sentence by stating its opening word two times",
        ],
    ),
    spec(
        "triple_last_word",
        SENTENCE,
        [
            "write the last word three times",
            "repeat the final word twice more at the end",
            "make the closing word appear three times in a row",
            "add two copies of the last word after it",
            "echo the sentence's final word so that it is said three times",
        ],
        _on_words(2, lambda ws: [*ws, ws[-1], ws[-1]]),
        sample=lambda rng: " ".join(words(rng, 2, 6)),
        training_phrasings=[
            "triple the final word",
            "say the last word two more times at the end",
            "append two extra copies of the final word, so that it occurs three times in a row at the end",
            "end the sentence by restating its last word twice more",
        ],
    ),
    spec(
        "append_first_word",
        SENTENCE,
        [
            "add a copy of the first word at the end",
            "repeat the opening word after the last word, keeping it at the start too",
            "finish the sentence with its first word once more",
            "write the sentence, then its first word again",
            "echo the sentence's opening word at its close",
        ],
        _on_words(2, lambda ws: [*ws, ws[0]]),
        sample=lambda rng: " ".join(words(rng, 2, 6)),
        training_phrasings=[
            "tack the first word onto the end",
            "copy the first word and stick it on after the last word, leaving the start as it is",
            "output the sentence followed by a space and its first word",
            "end the sentence with a repeat of the word it begins with",
        ],
    ),
    spec(
        "prepend_last_word",
        SENTENCE,
        [
            "add a copy of the last word at the start",
            "repeat the final word before the first word, keeping it at the end too",
            "begin the sentence with its last word once more",
            "write the last word, then the whole sentence",
            "echo the sentence's final word in front of it",
        ],
        _on_words(2, lambda ws: [ws[-1], *ws]),
        sample=lambda rng: " ".join(words(rng, 2, 6)),
        training_phrasings=[
            "prefix the sentence with its last word",
            "copy the final word and stick it before the first word, leaving the end as it is",
            "output the final word, a space, then the complete unchanged sentence",
            "open the sentence with a repeat of the word it ends with",
        ],
    ),
    spec(
        "remove_repeated_words",
        "a sentence with some words repeated further on",
        [
            "remove the words that already appeared earlier, keeping each first occurrence",
            "keep every word only the first time it occurs in the sentence",
            "delete later copies of a word, wherever they are",
            "deduplicate the words of the sentence, preserving their original order",
            "get rid of every repeat of an earlier word, near or far",
        ],
        _remove_later_copies,
        sample=_with_distant_repeats,
        training_phrasings=[
            "keep only the first occurrence of each word",
            "cross out any word you've already seen earlier in the sentence, no matter where, keeping its first appearance",
            "output each distinct word once, at the position of its first occurrence, dropping all later occurrences",
            "make every word appear once by erasing any word that was already used before in the sentence",
        ],
    ),
    spec(
        "drop_repeated_words",
        "a sentence with some words repeated in a row",
        [
            "remove every word that appears more than once, all of its copies",
            "keep only the words that occur exactly one time",
            "delete the repeated words entirely, not keeping even one copy",
            "drop each word that is said twice or more, and all its repeats",
            "leave out any word with a duplicate, keeping the words that are unique",
        ],
        _drop_repeated,
        sample=_with_repeats,
        training_phrasings=[
            "keep just the words that are not repeated",
            "throw out every word that shows up twice or more, including its first copy",
            "output only the words whose count in the sentence is exactly 1, in their original order",
            "eliminate any word that has a second copy anywhere, removing every instance of it",
        ],
    ),
    spec(
        "squeeze_repeated_letters",
        "a sentence with some double letters",
        [
            "collapse each run of the same letter into a single letter",
            "replace double letters like oo or ll with one letter",
            "remove repeated adjacent letters within the words, keeping one of each run",
            "write every doubled letter only once, so that book becomes bok",
            "get rid of back-to-back duplicate characters",
        ],
        _changed(lambda x: re.sub(r"([a-z])\1+", r"\1", x)),
        sample=_with_double_letters,
        training_phrasings=[
            "reduce each doubled letter to one",
            "wherever a letter is written twice or more in a row, like ee or ss, keep just one",
            "replace every run of two or more identical consecutive letters with a single copy of that letter",
            "shorten each repeated-letter cluster, so that letter becomes leter",
        ],
    ),
    spec(
        "contract_negations",
        "a sentence with words that can be contracted",
        [
            "contract only the negations, like don't for do not, and leave the other pairs alone",
            "use the n't forms wherever a verb is followed by not, keeping I am, you will and the like in full",
            "shorten do not, is not, cannot and similar into contractions, but not pronoun pairs",
            "rewrite the sentence with contracted negatives only",
            "squeeze each verb plus not into its apostrophe form, such as won't, and nothing else",
        ],
        _contract_only(_NEGATIONS, _PRONOUN_PAIRS),
        sample=_with_both_kinds,
        metric="strict",
        training_phrasings=[
            "contract the negatives only",
            "turn things like did not and are not into didn't and aren't, but leave I am, we will and such as they are",
            "replace each verb plus not sequence (do not, cannot, would not and so on) with its n't contraction and leave pronoun and verb pairs uncontracted",
            "abbreviate the not-phrases to forms like isn't and can't while keeping every pronoun phrase written out",
        ],
    ),
    spec(
        "contract_pronoun_pairs",
        "a sentence with words that can be contracted",
        [
            "contract only the pronoun and verb pairs, like I'm for I am, and leave the negations in full",
            "use forms such as we're, they've and you'll, but keep do not, is not and the like as two words",
            "shorten I am, we will, they have and similar into contractions, but not anything with not",
            "rewrite the sentence contracting the pronoun pairs only",
            "squeeze each pronoun plus am, are, have or will into its apostrophe form and nothing else",
        ],
        _contract_only(_PRONOUN_PAIRS, _NEGATIONS),
        sample=_with_both_kinds,
        metric="strict",
        training_phrasings=[
            "contract the pronoun pairs only, not the negatives",
            "turn things like I am and they will into I'm and they'll, but leave do not, was not and such in full",
            "replace each pronoun followed by am, are, have or will with its apostrophe contraction and leave every verb plus not uncontracted",
            "abbreviate phrases like we have and you are to we've and you're while keeping any negation written out",
        ],
    ),
    spec(
        "first_sentence_to_end",
        "a short text of three or four sentences",
        [
            "move the first sentence to the end",
            "put the opening sentence after the last one, keeping the others in order",
            "rotate the sentences one place so that the text starts with its second sentence",
            "take the first sentence and place it at the very end",
            "shift the sentences left by one, the first one wrapping around to the end",
        ],
        _on_sentences(lambda ps: [*ps[1:], ps[0]]),
        sample=_many_sentences,
        metric="strict",
        training_phrasings=[
            "send the first sentence to the back",
            "take the opening sentence off the front and tack it on after the others",
            "output sentences 2 through n in order, followed by sentence 1",
            "relocate the initial sentence so it comes last, the rest keeping their order",
        ],
    ),
    spec(
        "last_sentence_to_front",
        "a short text of three or four sentences",
        [
            "move the last sentence to the beginning",
            "put the closing sentence before the first one, keeping the others in order",
            "rotate the sentences one place so that the text starts with its final sentence",
            "take the last sentence and place it at the very start",
            "shift the sentences right by one, the last one wrapping around to the front",
        ],
        _on_sentences(lambda ps: [ps[-1], *ps[:-1]]),
        sample=_many_sentences,
        metric="strict",
        training_phrasings=[
            "bring the final sentence to the front",
            "take the closing sentence off the end and stick it before all the others",
            "output sentence n first, followed by sentences 1 through n-1 in order",
            "relocate the last sentence so it comes first, the rest keeping their order",
        ],
    ),
    spec(
        "swap_first_two_sentences",
        "a short text of three or four sentences",
        [
            "swap the first and the second sentence",
            "exchange the positions of the opening two sentences and leave the rest where it is",
            "put the second sentence first and the first sentence second",
            "switch the order of sentences one and two",
            "trade places between the first two sentences of the text",
        ],
        _on_sentences(lambda ps: [ps[1], ps[0], *ps[2:]]),
        sample=_many_sentences,
        metric="strict",
        training_phrasings=[
            "swap sentences 1 and 2",
            "flip the first two sentences around and leave the others where they are",
            "output sentence 2, then sentence 1, then any remaining sentences in their original order",
            "reorder the opening pair of sentences so the second one leads, keeping the later ones unchanged",
        ],
    ),
]
