"""Input samplers shared by the family modules (all draw only from the given ``random.Random``)."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from functools import cache, lru_cache

from hypernet.tasks import sources

VOWELS = "aeiou"
_MAX_BALANCING_DRAWS = 10_000  # a sampler that never gives the wanted answer is a bug: say so, do not hang


def yes_no(condition: bool) -> str:
    """The answer of a yes/no task."""
    return "yes" if condition else "no"


def in_form(pattern: str, x: str) -> str:
    """``x`` if it is wholly in the form ``pattern``, else ValueError (not this task's input)."""
    if not re.fullmatch(pattern, x):
        raise ValueError(f"{x!r} does not match {pattern!r}")
    return x


def balanced(draw: Callable[[random.Random], str], passes: Callable[[str], bool]) -> Callable[[random.Random], str]:
    """A sampler of inputs from ``draw``, half of them passing ``passes``: a yes/no task built on it
    scores 50 % with a constant answer."""

    def sample(rng: random.Random) -> str:
        want = rng.random() < 0.5
        for _ in range(_MAX_BALANCING_DRAWS):
            if passes(x := draw(rng)) == want:
                return x
        raise ValueError(f"{_MAX_BALANCING_DRAWS} draws gave no input that {'passes' if want else 'fails'} the check")

    return sample


def word(rng: random.Random, lo: int = 3, hi: int = 9) -> str:
    """A common English word of ``lo``..``hi`` letters."""
    while True:
        w = rng.choice(sources.common_words())
        if lo <= len(w) <= hi:
            return w


def words(rng: random.Random, lo: int = 3, hi: int = 6, *, min_len: int = 2) -> list[str]:
    """``lo``..``hi`` common words (a filler "sentence"; grammar is not the point of these tasks)."""
    return [word(rng, min_len) for _ in range(rng.randint(lo, hi))]


def sentence(rng: random.Random, lo: int = 3, hi: int = 6) -> str:
    return " ".join(words(rng, lo, hi))


def distinct_words(rng: random.Random, lo: int = 3, hi: int = 6) -> list[str]:
    """Like ``words`` but without repeats (for tasks where a repeated word makes the answer unclear)."""
    out: list[str] = []
    n = rng.randint(lo, hi)
    while len(out) < n:
        w = word(rng, 2)
        if w not in out:
            out.append(w)
    return out


def number_list(rng: random.Random, n: int, lo: int, hi: int) -> str:
    return ", ".join(str(rng.randint(lo, hi)) for _ in range(n))


def person(rng: random.Random) -> tuple[str, str]:
    return rng.choice(sources.first_names()), rng.choice(sources.last_names())


def ints(text: str) -> list[int]:
    """The comma-separated integers of an input such as "12, 7"."""
    return [int(part) for part in text.split(",")]


@lru_cache(maxsize=1)
def inflect_engine():
    """inflect's engine. inflect wraps its methods in typeguard's ``@typechecked``, which re-compiles
    them at import (2-4 s on two cores); our inputs are plain strings and ints, so the checks are
    switched off while inflect is imported (and typeguard is restored right after)."""
    import sys

    if "inflect" not in sys.modules:
        import typeguard

        original = typeguard.typechecked
        typeguard.typechecked = lambda target=None, **_: (
            target if target is not None else (lambda f: f)
        )
        try:
            import inflect
        finally:
            typeguard.typechecked = original
    import inflect

    return inflect.engine()


@cache
def plural(noun: str) -> str:
    return inflect_engine().plural_noun(noun)
