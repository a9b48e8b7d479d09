"""Emoji: names (Unicode CLDR names, from the emoji package) and emoji inside text."""

from __future__ import annotations

import random
from functools import lru_cache

from hypernet.tasks import sources
from hypernet.tasks.families._common import words
from hypernet.tasks.spec import spec

FAMILY = "emoji"
TEMPLATES = (
    "Emoji helper: {p}.",
    "I'm texting and need help with emoji. {P}.",
)


@lru_cache(maxsize=1)
def _by_char() -> dict[str, sources.Emoji]:
    return {e.char: e for e in sources.emojis()}


@lru_cache(maxsize=1)
def _by_name() -> dict[str, str]:
    return {e.name: e.char for e in sources.emojis()}


def _with_emoji(rng: random.Random, lo: int = 1, hi: int = 3) -> str:
    ws = words(rng, 2, 5)
    for _ in range(rng.randint(lo, hi)):
        ws.insert(rng.randint(0, len(ws)), rng.choice(sources.emojis()).char)
    return " ".join(ws)


def _is_emoji(token: str) -> bool:
    return token in _by_char()


def _demojize(text: str) -> str:
    return " ".join(
        f":{_by_char()[t].name.replace(' ', '_')}:" if _is_emoji(t) else t for t in text.split()
    )


SPECS = [
    spec(
        "emoji_name",
        "an emoji",
        [
            "give the official English name of the emoji",
            "say what this emoji is called",
            "describe the emoji by its Unicode name",
            "name the emoji in lower case words",
            "tell me the standard name of this emoji character",
        ],
        lambda x: _by_char()[x].name,
        pool=lambda: sorted(_by_char()),
        metric="strict",
    ),
    spec(
        "name_to_emoji",
        "the name of an emoji",
        [
            "give the emoji that has this name",
            "write the emoji character described by the name",
            "turn the emoji name into the emoji itself",
            "show me the emoji for this name",
            "reply with the single emoji the words refer to",
        ],
        lambda x: _by_name()[x],
        pool=lambda: sorted(_by_name()),
    ),
    spec(
        "emoji_spanish_name",
        "an emoji",
        [
            "give the Spanish name of the emoji",
            "say what this emoji is called in Spanish",
            "describe the emoji by its name in Spanish",
            "name the emoji in Spanish, in lower case",
            "tell me the Spanish CLDR name of this emoji",
        ],
        lambda x: _by_char()[x].spanish,
        pool=lambda: sorted(_by_char()),
    ),
    spec(
        "remove_emoji",
        "a message with emoji",
        [
            "remove all the emoji from the text",
            "delete every emoji and keep the words",
            "strip the emoji out of the message",
            "write the message again without any emoji",
            "clean the text of emoji characters, leaving single spaces between words",
        ],
        lambda x: " ".join(t for t in x.split() if not _is_emoji(t)),
        sample=_with_emoji,
        metric="strict",
    ),
    spec(
        "count_emoji",
        "a message with emoji",
        [
            "count the emoji in the message",
            "say how many emoji the text contains",
            "give the number of emoji characters",
            "tell me the emoji count",
            "work out how many emoji were used in the message",
        ],
        lambda x: str(sum(_is_emoji(t) for t in x.split())),
        sample=lambda rng: _with_emoji(rng, 1, 4),
        metric="numeric",
    ),
    spec(
        "demojize",
        "a message with emoji",
        [
            "replace each emoji with its name between colons, like :red_heart:",
            "turn every emoji into its :short_code: with underscores",
            "write the emoji as text codes of the form :name_with_underscores:",
            "demojize the message",
            "convert the emoji into colon-wrapped names and leave the words as they are",
        ],
        _demojize,
        sample=_with_emoji,
    ),
    spec(
        "emoji_only",
        "a message with emoji",
        [
            "keep only the emoji and drop the words",
            "extract the emoji from the message, separated by spaces",
            "list just the emoji characters, in order",
            "remove all the words and leave the emoji",
            "pull out every emoji in the text and nothing else",
        ],
        lambda x: " ".join(t for t in x.split() if _is_emoji(t)),
        sample=_with_emoji,
    ),
]


def _emoji_in(text: str) -> list[str]:
    found = [t for t in text.split() if _is_emoji(t)]
    if not found:
        raise ValueError(f"no emoji: {text!r}")
    return found


def _emoji_last(text: str) -> str:
    """The words in order, then the emoji in order."""
    tokens = text.split()
    return " ".join([t for t in tokens if not _is_emoji(t)] + _emoji_in(text))


# training-only siblings (``builtin_suite(extra=True)``): other picks and counts over the same
# messages (two or more emoji where "one emoji" would equal emoji_only), beside the held-out remove_emoji,
# count_emoji and emoji_only
EXTRA_SPECS = [
    spec(
        "first_emoji",
        "a message with emoji",
        [
            "give the first emoji in the message",
            "return only the earliest emoji of the text",
            "find the emoji that appears before all the others",
            "pick out the leading emoji and drop everything else",
            "tell me which emoji shows up first when reading from the start",
        ],
        lambda x: _emoji_in(x)[0],
        sample=lambda rng: _with_emoji(rng, 2, 4),
    ),
    spec(
        "last_emoji",
        "a message with emoji",
        [
            "give the last emoji in the message",
            "return only the final emoji of the text",
            "find the emoji that appears after all the others",
            "pick out the closing emoji and drop everything else",
            "tell me which emoji shows up last when reading to the end",
        ],
        lambda x: _emoji_in(x)[-1],
        sample=lambda rng: _with_emoji(rng, 2, 4),
    ),
    spec(
        "count_words_besides_emoji",
        "a message with emoji",
        [
            "count the words in the message, not counting the emoji",
            "say how many words the text contains once the emoji are ignored",
            "give the number of ordinary words, leaving emoji out of the count",
            "tell me the word count without the emoji",
            "work out how many real words, as opposed to emoji, the message holds",
        ],
        lambda x: str(len(x.split()) - len(_emoji_in(x))),
        sample=lambda rng: _with_emoji(rng, 1, 4),
        metric="numeric",
    ),
    spec(
        "emoji_to_end",
        "a message with emoji",
        [
            "move all the emoji to the end of the message, keeping their order",
            "write the words first and then the emoji, each group in its original order",
            "collect the emoji at the end of the text and leave the words in front",
            "put every emoji after the last word, separated by spaces",
            "rearrange the message so the words come before all of the emoji",
        ],
        _emoji_last,
        sample=lambda rng: _with_emoji(rng, 1, 3),
        metric="strict",
    ),
]
