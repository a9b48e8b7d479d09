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
    ),
]
