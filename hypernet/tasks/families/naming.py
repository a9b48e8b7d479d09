"""Naming conventions for identifiers: snake_case, camelCase, PascalCase, kebab-case, slugs."""

from __future__ import annotations

import random
import re
from dataclasses import replace

from hypernet.tasks.families._common import word
from hypernet.tasks.spec import spec
from hypernet.tasks.wordlists import IDENTIFIER_WORDS

FAMILY = "naming"
TEMPLATES = (
    "Naming conventions: {p}.",
    "I'm renaming variables in my code. {P}.",
)


def _parts(rng: random.Random) -> list[str]:
    out: list[str] = []
    n = rng.randint(2, 4)
    while len(out) < n:
        w = rng.choice(IDENTIFIER_WORDS)
        if w not in out:
            out.append(w)
    return out


def _split_camel(name: str) -> list[str]:
    return [p.lower() for p in re.findall(r"[A-Z]?[a-z0-9]+", name)]


def _camel(parts: list[str]) -> str:
    return parts[0] + "".join(p.title() for p in parts[1:])


def _pascal(parts: list[str]) -> str:
    return "".join(p.title() for p in parts)


# Each converter checks that its input is in the convention it converts from, so that no rule
# silently "solves" another task's inputs (the suite's tests look for such near-duplicates).
_SHAPES = {
    "snake": r"[a-z0-9]+(_[a-z0-9]+)+",
    "kebab": r"[a-z0-9]+(-[a-z0-9]+)+",
    "words": r"[a-z0-9]+( [a-z0-9]+)+",
    "camel": r"[a-z][a-z0-9]*([A-Z][a-z0-9]*)+",
    "pascal": r"([A-Z][a-z0-9]*){2,}",
    "constant": r"[A-Z0-9]+(_[A-Z0-9]+)+",
}


def _checked(shape: str, convert):
    def solve(x: str) -> str:
        if not re.fullmatch(_SHAPES[shape], x):
            raise ValueError(f"{x!r} is not a {shape} name")
        return convert(x)

    return solve


def _from(sep: str):
    return lambda rng: sep.join(_parts(rng))


def _slug_input(rng: random.Random) -> str:
    out = []
    for _ in range(rng.randint(3, 5)):
        w = word(rng, 2, 8)
        w = w.title() if rng.random() < 0.5 else w
        out.append(w + (rng.choice([",", "!", "?", ":", "'s"]) if rng.random() < 0.25 else ""))
    if rng.random() < 0.4:
        out.insert(rng.randrange(len(out)), str(rng.randint(2, 99)))
    return " ".join(out)


def _slugify(text: str) -> str:
    return "-".join(re.sub(r"[^a-z0-9 ]", "", text.lower()).split())


SNAKE, CAMEL, PASCAL, KEBAB = (
    "a snake_case identifier",
    "a camelCase identifier",
    "a PascalCase name",
    "a kebab-case name",
)
WORDS, CONST = "a few lower-case words", "an UPPER_SNAKE_CASE constant"

SPECS = [
    spec(
        "snake_to_camel",
        SNAKE,
        [
            "convert the snake_case name to camelCase",
            "rewrite the identifier from snake case into camel case",
            "drop the underscores and capitalise each following word to get camelCase",
            "change snake_case into lowerCamelCase",
            "make this snake-case variable name camel-cased",
        ],
        _checked("snake", lambda x: _camel(x.split("_"))),
        sample=_from("_"),
    ),
    spec(
        "camel_to_snake",
        CAMEL,
        [
            "convert the camelCase name to snake_case",
            "rewrite the identifier from camel case into snake case",
            "split the camelCase word at its capitals and join the lower-case parts with underscores",
            "change lowerCamelCase into snake_case",
            "make this camel-cased variable name snake-cased",
        ],
        _checked("camel", lambda x: "_".join(_split_camel(x))),
        sample=lambda rng: _camel(_parts(rng)),
    ),
    spec(
        "snake_to_kebab",
        SNAKE,
        [
            "convert the snake_case name to kebab-case",
            "replace the underscores in the identifier with hyphens",
            "rewrite snake case as kebab case",
            "turn every underscore into a dash",
            "change the snake_case identifier into its kebab-case spelling",
        ],
        _checked("snake", lambda x: x.replace("_", "-")),
        sample=_from("_"),
    ),
    spec(
        "kebab_to_snake",
        KEBAB,
        [
            "convert the kebab-case name to snake_case",
            "replace the hyphens in the name with underscores",
            "rewrite kebab case as snake case",
            "turn every dash into an underscore",
            "change the kebab-case name into its snake_case spelling",
        ],
        _checked("kebab", lambda x: x.replace("-", "_")),
        sample=_from("-"),
    ),
    spec(
        "snake_to_pascal",
        SNAKE,
        [
            "convert the snake_case name to PascalCase",
            "rewrite the identifier from snake case into Pascal case, as for a class name",
            "capitalise every part of the snake_case name and remove the underscores",
            "change snake_case into UpperCamelCase",
            "make a PascalCase class name out of this snake_case one",
        ],
        _checked("snake", lambda x: _pascal(x.split("_"))),
        sample=_from("_"),
    ),
    spec(
        "pascal_to_snake",
        PASCAL,
        [
            "convert the PascalCase name to snake_case",
            "rewrite the class name from Pascal case into snake case",
            "split the PascalCase name at its capitals and join the lower-case parts with underscores",
            "change UpperCamelCase into snake_case",
            "make a snake_case function name out of this PascalCase one",
        ],
        _checked("pascal", lambda x: "_".join(_split_camel(x))),
        sample=lambda rng: _pascal(_parts(rng)),
    ),
    spec(
        "words_to_camel",
        WORDS,
        [
            "turn the words into one camelCase identifier",
            "write the words as a camelCase variable name",
            "join the words in camel case, first word lower case and the others capitalised",
            "make a lowerCamelCase name from these words",
            "combine the words into a camel-cased identifier",
        ],
        _checked("words", lambda x: _camel(x.split())),
        sample=_from(" "),
    ),
    spec(
        "words_to_snake",
        WORDS,
        [
            "turn the words into one snake_case identifier",
            "write the words as a snake_case variable name",
            "join the words with underscores",
            "make a snake_case name from these words",
            "connect the words using underscores instead of spaces",
        ],
        _checked("words", lambda x: "_".join(x.split())),
        sample=_from(" "),
    ),
    spec(
        "words_to_constant",
        WORDS,
        [
            "turn the words into an UPPER_SNAKE_CASE constant name",
            "write the words as a constant: all capitals joined by underscores",
            "make a screaming snake case identifier from these words",
            "convert the words into a CONSTANT_CASE name",
            "produce the all-caps underscore-separated constant for these words",
        ],
        _checked("words", lambda x: "_".join(x.split()).upper()),
        sample=_from(" "),
    ),
    spec(
        "camel_to_words",
        CAMEL,
        [
            "split the camelCase identifier into separate lower-case words",
            "break the camel-cased name apart into words separated by spaces",
            "turn the camelCase name back into plain words",
            "write the words hidden in the camelCase identifier, lower case, with spaces",
            "un-camel the identifier into space-separated words",
        ],
        _checked("camel", lambda x: " ".join(_split_camel(x))),
        sample=lambda rng: _camel(_parts(rng)),
    ),
    spec(
        "words_to_dot",
        WORDS,
        [
            "join the words with dots",
            "turn the words into a dot.separated name",
            "connect the words using periods instead of spaces",
            "write the words as one dotted identifier",
            "make a dot-case key out of the words",
        ],
        _checked("words", lambda x: ".".join(x.split())),
        sample=_from(" "),
    ),
    # (No "words to kebab-case" task: slugify's rule gives the same answer on plain lower-case words.)
    spec(
        "slugify",
        "a title",
        [
            "turn the title into a URL slug",
            "make a lower-case, hyphen-separated slug from the text, dropping punctuation",
            "slugify the text",
            "create the web address slug for this title",
            "produce a url-friendly version of the title: lower case, no punctuation, dashes between words",
        ],
        _slugify,
        sample=_slug_input,
    ),
    spec(
        "constant_to_camel",
        CONST,
        [
            "convert the UPPER_SNAKE_CASE constant to camelCase",
            "rewrite the constant name as a camelCase variable",
            "lower-case the constant and turn it into camel case",
            "change CONSTANT_CASE into lowerCamelCase",
            "make a camel-cased variable name out of this all-caps constant",
        ],
        _checked("constant", lambda x: _camel(x.lower().split("_"))),
        sample=lambda rng: "_".join(_parts(rng)).upper(),
    ),
    spec(
        "pascal_to_camel",
        PASCAL,
        [
            "convert the PascalCase name to camelCase",
            "lower-case only the first letter of the PascalCase name",
            "turn the class-style name into a camelCase variable name",
            "change UpperCamelCase into lowerCamelCase",
            "make the first letter of the PascalCase identifier small",
        ],
        _checked("pascal", lambda x: x[:1].lower() + x[1:]),
        sample=lambda rng: _pascal(_parts(rng)),
    ),
]

# Case and separators are the whole task here, so the lenient score must not forgive them.
SPECS = [replace(s, metric="strict") for s in SPECS]

# training-only siblings (``builtin_suite(extra=True)``): the conversions that pascal_to_camel's
# neighbours leave out, most from or to PascalCase and camelCase
EXTRA_SPECS = [
    spec(
        "camel_to_pascal",
        CAMEL,
        [
            "convert the camelCase name to PascalCase",
            "upper-case only the first letter of the camelCase name",
            "turn the variable-style name into a PascalCase class name",
            "change lowerCamelCase into UpperCamelCase",
            "make the first letter of the camelCase identifier a capital",
        ],
        _checked("camel", lambda x: x[:1].upper() + x[1:]),
        sample=lambda rng: _camel(_parts(rng)),
    ),
    spec(
        "pascal_to_kebab",
        PASCAL,
        [
            "convert the PascalCase name to kebab-case",
            "rewrite the class name from Pascal case into kebab case",
            "split the PascalCase name at its capitals and join the lower-case parts with hyphens",
            "change UpperCamelCase into kebab-case",
            "make a dash-separated lower-case name out of this PascalCase one",
        ],
        _checked("pascal", lambda x: "-".join(_split_camel(x))),
        sample=lambda rng: _pascal(_parts(rng)),
    ),
    spec(
        "pascal_to_constant",
        PASCAL,
        [
            "convert the PascalCase name to UPPER_SNAKE_CASE",
            "rewrite the class name as a constant: all capitals joined by underscores",
            "split the PascalCase name at its capitals and join the upper-case parts with underscores",
            "change UpperCamelCase into CONSTANT_CASE",
            "make a screaming snake case constant out of this PascalCase name",
        ],
        _checked("pascal", lambda x: "_".join(_split_camel(x)).upper()),
        sample=lambda rng: _pascal(_parts(rng)),
    ),
    spec(
        "pascal_to_words",
        PASCAL,
        [
            "split the PascalCase name into separate lower-case words",
            "break the Pascal-cased class name apart into words separated by spaces",
            "turn the PascalCase name back into plain words",
            "write the words hidden in the PascalCase identifier, lower case, with spaces",
            "un-Pascal the class name into space-separated words",
        ],
        _checked("pascal", lambda x: " ".join(_split_camel(x))),
        sample=lambda rng: _pascal(_parts(rng)),
    ),
    spec(
        "kebab_to_camel",
        KEBAB,
        [
            "convert the kebab-case name to camelCase",
            "rewrite the name from kebab case into camel case",
            "drop the hyphens and capitalise each following word to get camelCase",
            "change kebab-case into lowerCamelCase",
            "make this dash-separated name camel-cased",
        ],
        _checked("kebab", lambda x: _camel(x.split("-"))),
        sample=_from("-"),
    ),
    spec(
        "camel_to_kebab",
        CAMEL,
        [
            "convert the camelCase name to kebab-case",
            "rewrite the identifier from camel case into kebab case",
            "split the camelCase word at its capitals and join the lower-case parts with hyphens",
            "change lowerCamelCase into kebab-case",
            "make this camel-cased variable name dash-separated",
        ],
        _checked("camel", lambda x: "-".join(_split_camel(x))),
        sample=lambda rng: _camel(_parts(rng)),
    ),
]
EXTRA_SPECS = [replace(s, metric="strict") for s in EXTRA_SPECS]
