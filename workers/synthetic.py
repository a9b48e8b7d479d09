"""Synthetic task descriptions: templates x constrained slot fillers x phrasing styles.

A *core* is a task's verb phrase with its slots filled ("classify hotel reviews by the aspect they
discuss"). Each core is phrased in several styles (short, imperative, formal, casual, question,
long), optionally with a purpose context ("for a travel agency"), a persona ("As a travel agent,
...") and one or two output constraints ("Return the result as JSON."). Fillers are constrained per
template in :mod:`workers.synthetic_data`, so every combination is a task someone would ask for.

Near-duplicate rule (documented, deterministic): two descriptions are near-duplicates when
  1. their *normalised text* is equal (lower case, punctuation dropped, whitespace collapsed), or
  2. their *content signature* is equal: the sorted set of content-word stems, where content words
     are the words left after removing function words, pronouns, modal verbs and politeness words
     (``STOPWORDS``), and a stem drops a plural "s", an "ing", a final "e" and a doubled last
     consonant. So "Can you classify tweets?" and "Please classify the tweets." collide, while
     "Classify tweets for a newsroom." does not (it says more).
The first description of a collision (in the pool's fixed generation order) is kept.

The pool is built once per process (a fixed seed, ~1 s) and is the same on every machine;
``synthetic_descriptions(n, seed)`` then draws a seeded, template-balanced sample from it.
"""

from __future__ import annotations

import math
import random
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

from t2l.errors import T2LError
from workers.synthetic_data import DOMAINS, GENERIC_DETAILS, Domain, TaskTemplate

POOL_SEED = 20250601  # fixed: the pool is part of the platform, not of a caller's seed
TARGET_PER_TEMPLATE = 320  # phrasings aimed for per template (few cores -> more phrasings each)
MAX_PER_CORE = 48


class SyntheticPoolError(T2LError, ValueError):
    """More synthetic descriptions were asked for than the distinct pool holds."""


@dataclass(frozen=True)
class SyntheticDescription:
    """One generated description and where it came from."""

    text: str
    core: str  # the filled task phrase this text words ("classify hotel reviews by ...")
    domain: str
    kind: str  # classify, extract, rewrite, summarise, write, calc, code, ...
    style: str  # short, imperative, formal, casual, question, long
    template: str  # "<domain>#<index>": which template produced it


@dataclass(frozen=True)
class Style:
    name: str
    # Fields: {V}/{v} the core capitalised/as is, {g} its gerund form, {P} a persona, {D}/{D2} output
    # constraints, {L} a leading context ("For a travel agency, "), {S} a context sentence
    # ("This is for a travel agency."). Contexts never trail the core: "... that warns when the
    # disk is full for a code review bot" would attach to the wrong phrase.
    pattern: str


# Each pattern renders a complete sentence or an imperative phrase.
STYLES: tuple[Style, ...] = (
    Style("short", "{V}."),
    Style("short", "{V}"),
    Style("imperative", "{V}. {D}"),
    Style("imperative", "{L}{v}."),
    Style("imperative", "{L}{v}. {D}"),
    Style("imperative", "{V}. {S}"),
    Style("formal", "The model should {v}. {S}"),
    Style("formal", "This task requires the model to {v}. {D}"),
    Style("formal", "Your objective is to {v}. {S}"),
    Style("formal", "In this task, you {v}. {D}"),
    Style("formal", "This task is about {g}."),
    Style("formal", "{L}the model is expected to {v}. {D}"),
    Style("casual", "I need a model that can {v}. {S}"),
    Style("casual", "Help me {v}. {D}"),
    Style("casual", "As {P}, I need to {v}."),
    Style("casual", "I'm {P} and I want to {v} without doing it by hand."),
    Style("casual", "Looking for a quick way to {v}. {S}"),
    Style("question", "Can you {v}?"),
    Style("question", "{L}could you {v}? {D}"),
    Style("question", "Is it possible to {v} automatically?"),
    Style("question", "As {P}, can you help me {v}?"),
    Style("long", "{L}{v}. {D} {D2}"),
    Style("long", "I'm {P}. I need a model that can {v}. {D}"),
    Style("long", "Your job is to {v}. {S} {D} {D2}"),
)
STYLE_NAMES = tuple(sorted({s.name for s in STYLES}))

# --- English helpers -----------------------------------------------------------------------------

_DOUBLE_FINAL = {
    "tag",
    "map",
    "plan",
    "put",
    "get",
    "run",
    "sum",
    "spot",
    "flag",
    "split",
    "chop",
    "trim",
    "pad",
    "drop",
    "stop",
    "ship",
    "swap",
    "scan",
    "wrap",
    "skip",
    "strip",
    "set",
    "format",
    "label",
    "model",
    "travel",
    "cancel",
    "level",
}  # British spelling: "labelling"


def gerund(verb: str) -> str:
    """'classify' -> 'classifying', 'write' -> 'writing', 'tag' -> 'tagging', 'pretty-print' -> ...ing."""
    head, sep, last = verb.rpartition("-")
    word = last
    if word in _DOUBLE_FINAL:
        word = word + word[-1] + "ing"
    elif word.endswith("ie"):
        word = word[:-2] + "ying"
    elif word.endswith("e") and not word.endswith(("ee", "ye", "oe")) and len(word) > 2:
        word = word[:-1] + "ing"
    else:
        word = word + "ing"
    return f"{head}{sep}{word}"


_AN_LETTERS = set("AEFHILMNORSX")  # letters whose spoken name starts with a vowel sound
_SPOKEN_ACRONYMS = {
    "SOAP",
    "NASA",
    "NATO",
    "FIFA",
    "GIF",
    "JPEG",
    "SaaS",
}  # read as words: "a SOAP note"
_YOU_SOUND = (
    "user",
    "unit",
    "uni",
    "use",
    "usual",
    "utility",
    "euro",
    "one",
    "once",
    "ukrain",
    "uk ",
    "us ",
)
_SILENT_H = ("hour", "honest", "honour", "heir")
_ARTICLE = re.compile(r"\b([Aa])(n?) ([A-Za-z][\w'-]*)")


@cache  # the vocabulary is a few thousand words
def _wants_an(word: str) -> bool:
    if word in _SPOKEN_ACRONYMS:
        return word[0] in "AEIOU"
    if word.isupper() and len(word) <= 5:  # an acronym is read letter by letter: "an SQL", "a URL"
        return word[0] in _AN_LETTERS
    low = word.lower()
    if low.startswith(_SILENT_H):
        return True
    if low.startswith(_YOU_SOUND) or (low + " ").startswith(_YOU_SOUND):
        return False
    return low[0] in "aeiou"


def fix_articles(text: str) -> str:
    """Make every 'a'/'an' agree with the sound of the next word."""

    def repl(m: re.Match[str]) -> str:
        a, word = m.group(1), m.group(3)
        if word.isdigit():
            return m.group(0)
        return f"{a}{'n' if _wants_an(word) else ''} {word}"

    return _ARTICLE.sub(repl, text)


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


# --- near-duplicate rule -------------------------------------------------------------------------

STOPWORDS = frozenset(
    (
        "a an the of to in on for from into with by as at and or is are be being been it its this that "
        "these those there here you your yours i me my mine we our us they them their he she his her "
        "can could would will shall should must may might please just so then than also only each "
        "every all any some such do does did done have has had am was were if what which who whom "
        "whose how when where why kindly"
    ).split()
)
_WORD = re.compile(r"[a-z0-9]+")


def normalise(text: str) -> str:
    """Lower case, punctuation dropped, whitespace collapsed."""
    return " ".join(_WORD.findall(text.lower()))


@cache
def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    if len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
        if len(word) > 2 and word[-1] == word[-2]:
            word = word[:-1]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


def content_signature(text: str) -> str:
    """The sorted set of content-word stems (see the module docstring): equal means near-duplicate."""
    return " ".join(sorted({_stem(w) for w in _WORD.findall(text.lower()) if w not in STOPWORDS}))


# --- rendering -----------------------------------------------------------------------------------


def _render(
    style: Style,
    core: str,
    details: tuple[tuple[str, ...], tuple[str, ...]],
    domain: Domain,
    rng: random.Random,
) -> str:
    first, _, rest = core.partition(" ")
    g = f"{gerund(first)} {rest}".rstrip()
    # A core that already says who it is for ("... for a banking chatbot") takes no second context.
    context = "" if " for " in f" {core} " else rng.choice(domain.contexts)
    leading = f"{_capitalise(context)}, " if context else ""
    sentence = f"This is {context}." if context else ""
    first_choices, second_choices = details
    d1 = rng.choice(first_choices)
    second = [d for d in second_choices if d != d1]
    d2 = rng.choice(second) if second else ""
    text = style.pattern.format(
        V=_capitalise(core),
        v=core,
        g=g,
        L=leading,
        S=sentence,
        P=rng.choice(domain.personas),
        D=d1,
        D2=d2,
    )
    return _capitalise(fix_articles(" ".join(text.split())))


def _details_for(
    template: TaskTemplate, mapping: dict[str, str]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(choices for the first constraint, choices for a second one that cannot contradict it)."""
    own = tuple(d.format(**mapping) for d in template.details)
    if not template.generic:
        return own, own
    forms, extras = GENERIC_DETAILS[template.kind]
    return own + forms + extras, extras


@dataclass(frozen=True)
class SyntheticPool:
    """Every distinct description, grouped by template, and how many near-duplicates were dropped."""

    by_template: tuple[tuple[SyntheticDescription, ...], ...]
    generated: int
    exact_duplicates: int
    near_duplicates: int

    @property
    def size(self) -> int:
        return sum(len(group) for group in self.by_template)


@lru_cache(maxsize=1)
def synthetic_pool() -> SyntheticPool:
    """Build the pool (once per process; deterministic)."""
    rng = random.Random(POOL_SEED)
    seen_text: set[str] = set()
    seen_signature: set[str] = set()
    groups: list[tuple[SyntheticDescription, ...]] = []
    generated = exact = near = 0
    for domain in DOMAINS:
        for index, template in enumerate(domain.templates):
            template_id = f"{domain.name}#{index}"
            per_core = max(1, min(MAX_PER_CORE, math.ceil(TARGET_PER_TEMPLATE / template.size)))
            group: list[SyntheticDescription] = []
            for mapping in template.fillings():
                core = fix_articles(template.core.format(**mapping))
                details = _details_for(template, mapping)
                for _ in range(per_core):
                    style = rng.choice(STYLES)
                    text = _render(style, core, details, domain, rng)
                    generated += 1
                    key = normalise(text)
                    if key in seen_text:
                        exact += 1
                        continue
                    seen_text.add(key)
                    signature = content_signature(text)
                    if signature in seen_signature:
                        near += 1
                        continue
                    seen_signature.add(signature)
                    group.append(
                        SyntheticDescription(
                            text, core, domain.name, template.kind, style.name, template_id
                        )
                    )
            groups.append(tuple(group))
    return SyntheticPool(tuple(groups), generated, exact, near)


def synthetic_tasks(n: int, seed: int = 0) -> list[SyntheticDescription]:
    """``n`` distinct descriptions with their domain, kind and style; same (n, seed) -> same list.

    The sample is balanced over templates (round-robin over a seeded shuffle of each template's
    descriptions), so every domain is represented even for small ``n``. Raises
    :class:`SyntheticPoolError` when ``n`` exceeds the distinct pool.
    """
    if n < 0:
        raise ValueError("n must be >= 0")
    pool = synthetic_pool()
    if n > pool.size:
        raise SyntheticPoolError(
            f"asked for {n:,} synthetic descriptions but the distinct pool holds only {pool.size:,}"
        )
    rng = random.Random(seed)
    groups = [list(group) for group in pool.by_template]
    for group in groups:
        rng.shuffle(group)
    out: list[SyntheticDescription] = []
    order = list(range(len(groups)))
    depth = 0
    while len(out) < n:
        rng.shuffle(order)  # a new template order in every round
        for g in order:
            if depth < len(groups[g]):
                out.append(groups[g][depth])
                if len(out) == n:
                    break
        depth += 1
    return out


def synthetic_descriptions(n: int, seed: int = 0) -> list[str]:
    """``n`` distinct, sensible task descriptions; reproducible for the same (n, seed)."""
    return [d.text for d in synthetic_tasks(n, seed)]


def pool_stats() -> dict[str, object]:
    """Figures about the pool: size, per-domain and per-style counts, near-duplicates removed."""
    pool = synthetic_pool()
    items = [d for group in pool.by_template for d in group]
    lengths = sorted(len(d.text) for d in items)
    words = sorted(len(d.text.split()) for d in items)
    return {
        "pool_size": pool.size,
        "templates": len(pool.by_template),
        "distinct_tasks": len({d.core for d in items}),  # descriptions are phrasings of these
        "domains": len(DOMAINS),
        "generated": pool.generated,
        "exact_duplicates_removed": pool.exact_duplicates,
        "near_duplicates_removed": pool.near_duplicates,
        "removed_rate": (pool.exact_duplicates + pool.near_duplicates) / max(1, pool.generated),
        "per_domain": dict(Counter(d.domain for d in items).most_common()),
        "per_style": dict(Counter(d.style for d in items).most_common()),
        "per_kind": dict(Counter(d.kind for d in items).most_common()),
        "chars": {
            "min": lengths[0],
            "median": lengths[len(lengths) // 2],
            "max": lengths[-1],
            "mean": sum(lengths) / len(lengths),
        },
        "words": {"min": words[0], "median": words[len(words) // 2], "max": words[-1]},
    }
