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
        training_phrasings=[
            "give the emoji's English name",
            "just write out what this emoji is officially called, in lowercase English",
            "output the English short name of the emoji in lower case",
            "identify the emoji by its English Unicode label",
        ],
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
        training_phrasings=[
            "give the matching emoji",
            "just send the emoji this name belongs to",
            "output the emoji character whose English short name is given",
            "look up the emoji that carries this name and write it",
        ],
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
        training_phrasings=[
            "give the emoji's Spanish name",
            "just write what Spanish speakers officially call this emoji",
            "output the Spanish-language Unicode name of the emoji in lower case",
            "translate the emoji into its official name in Spanish",
        ],
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
        training_phrasings=[
            "delete the emoji",
            "just take out all the emoji and leave the words as they are",
            "output only the non-emoji words of the message, in order, separated by spaces",
            "erase the emoji so only the words remain",
        ],
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
        training_phrasings=[
            "give the emoji total",
            "just tell me how many emoji are in there, as a number",
            "return an integer: how many emoji tokens appear in the text",
            "tally up the emoji in the text",
        ],
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
        training_phrasings=[
            "replace each emoji with its :name: code",
            "just swap every emoji for its name in colons, with underscores for spaces",
            "substitute each emoji with its English name, spaces turned into underscores, enclosed in colons",
            "spell out every emoji as a text shortcode like :thumbs_up:, leaving the words alone",
        ],
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
        training_phrasings=[
            "keep just the emoji",
            "just give me the emoji from the message, with spaces between, no words",
            "output the emoji tokens of the message in their original order, space-separated",
            "discard the words so only the emoji are left",
        ],
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
        training_phrasings=[
            "give the opening emoji",
            "just grab the first emoji you see in the message",
            "return the emoji token with the lowest position in the message",
            "write out whichever emoji occurs first in the text",
        ],
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
        training_phrasings=[
            "give the very last emoji",
            "just grab the last emoji you see in the message",
            "return the emoji token with the highest position in the message",
            "write out whichever emoji occurs last in the text",
        ],
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
        training_phrasings=[
            "count the non-emoji words",
            "just tell me how many actual words there are, skipping the emoji",
            "return an integer: the number of tokens in the message that are not emoji",
            "tally up the words of the message while ignoring every emoji",
        ],
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
        training_phrasings=[
            "push every emoji to the back, order kept",
            "just shove all the emoji to the end and keep the words up front, in the same order",
            "output the words in their original order followed by the emoji in their original order, all separated by spaces",
            "relocate each emoji after the final word while preserving the sequence of both words and emoji",
        ],
        sample=lambda rng: _with_emoji(rng, 1, 3),
        metric="strict",
    ),
]
