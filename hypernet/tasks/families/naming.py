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
        training_phrasings=[
            "camelCase the snake_case name",
            "take this snake_case name and make it camelCase, with the first word staying lower case",
            "remove each underscore and upper-case the letter after it, keeping the first letter lower case",
            "reformat the underscore-joined identifier so its words run together with capitals marking each new word after the first",
        ],
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
        training_phrasings=[
            "snake_case the camelCase name",
            "take this camelCase name and make it snake_case, all lower case",
            "insert an underscore before each upper-case letter and lower-case every letter",
            "reformat the camel-style identifier as lower-case words joined by underscores",
        ],
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
        training_phrasings=[
            "kebab-case the snake_case name",
            "swap the underscores for dashes in this snake_case name",
            "replace each _ character with a - character and leave everything else unchanged",
            "restyle the underscore-joined identifier with hyphens between its words",
        ],
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
        training_phrasings=[
            "snake_case the kebab-case name",
            "swap the dashes for underscores in this kebab-case name",
            "replace each - character with a _ character and leave everything else unchanged",
            "restyle the hyphen-joined name with underscores between its words",
        ],
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
        training_phrasings=[
            "turn the snake_case name into PascalCase",
            "take this snake_case name and make it PascalCase, every word starting with a capital",
            "remove the underscores and upper-case the first letter of every part, including the first",
            "restyle the underscore-joined identifier as a class name with each word capitalised and run together",
        ],
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
        training_phrasings=[
            "turn the PascalCase name into snake_case",
            "take this PascalCase class name and make it snake_case, all lower case",
            "lower-case the PascalCase name and put an underscore before every capital except the first",
            "reformat the class-style name as lower-case words joined by underscores",
        ],
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
        training_phrasings=[
            "camelCase the words",
            "squish the words into a single camelCase name, like userId from user id",
            "remove the spaces and upper-case the first letter of every word except the first",
            "fuse the words into a single identifier with a capital starting each word after the first",
        ],
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
        training_phrasings=[
            "snake_case the words",
            "squish the words into a single snake_case name, like user_id from user id",
            "replace each space with an underscore, keeping every letter lower case",
            "fuse the words into one lower-case identifier with underscores between them",
        ],
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
        training_phrasings=[
            "constant-case the words",
            "squish the words into a single all-caps constant, like MAX_SIZE from max size",
            "upper-case every letter and replace each space with an underscore",
            "fuse the words into a shouting identifier of capitals separated by underscores",
        ],
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
        training_phrasings=[
            "decompose the camelCase name into spaced lower-case words",
            "pull apart this camelCase name into normal lower-case words with spaces, like user id from userId",
            "insert a space before each upper-case letter and lower-case every letter",
            "unpack the camel-style identifier into its component words, lower case and space-separated",
        ],
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
        training_phrasings=[
            "dot-join the words",
            "squish the words into a single name with dots between them, like user.id from user id",
            "replace each space with a period and change nothing else",
            "fuse the words into one identifier using full stops as separators",
        ],
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
        training_phrasings=[
            "make a slug out of the title",
            "lower-case the title, throw away the punctuation and apostrophes, and hyphenate the words, like a blog post link",
            "lower-case the text, delete every character that is not a letter, digit or space, then join the remaining words with single hyphens",
            "build the URL path segment for the headline, in lower case with hyphens between the words and punctuation removed",
        ],
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
        training_phrasings=[
            "camelCase the constant",
            "take this ALL_CAPS constant and make it a camelCase variable, like maxSize from MAX_SIZE",
            "lower-case the constant, drop the underscores and upper-case the first letter of each part after the first",
            "reformat the upper-case underscore-separated name so it reads like a camelCase variable",
        ],
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
        training_phrasings=[
            "camelCase the PascalCase name",
            "take this PascalCase name and just make its first letter lower case",
            "replace the initial capital letter with its lower-case form and leave the rest unchanged",
            "restyle the class-style identifier as a variable-style one by dropping the capital at its start",
        ],
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
        training_phrasings=[
            "turn the camelCase name into PascalCase",
            "take this camelCase name and just capitalise its first letter",
            "replace the initial lower-case letter with its upper-case form and leave the rest unchanged",
            "restyle the variable-style identifier as a class-style one by giving it a capital at the start",
        ],
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
        training_phrasings=[
            "kebab-case the PascalCase name",
            "take this PascalCase class name and make it kebab-case, all lower case",
            "lower-case the PascalCase name and put a hyphen before every capital except the first",
            "reformat the class-style name as lower-case words joined by dashes",
        ],
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
        training_phrasings=[
            "constant-case the PascalCase name",
            "take this PascalCase class name and make it an ALL_CAPS constant with underscores",
            "put an underscore before every capital except the first, then upper-case all the letters",
            "reformat the class-style name as fully upper-case words separated by underscores",
        ],
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
        training_phrasings=[
            "decompose the PascalCase name into spaced lower-case words",
            "pull apart this PascalCase name into normal lower-case words with spaces, like user id from UserId",
            "insert a space before each capital except the first and lower-case every letter",
            "unpack the class-style identifier into its component words, lower case and space-separated",
        ],
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
        training_phrasings=[
            "camelCase the kebab-case name",
            "take this kebab-case name and make it camelCase, with the first word staying lower case",
            "remove each hyphen and upper-case the letter after it, keeping the first letter lower case",
            "reformat the dash-joined name so its words run together with capitals marking each new word after the first",
        ],
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
        training_phrasings=[
            "kebab-case the camelCase name",
            "take this camelCase name and make it kebab-case, all lower case",
            "insert a hyphen before each upper-case letter and lower-case every letter",
            "reformat the camel-style identifier as lower-case words joined by dashes",
        ],
    ),
]
EXTRA_SPECS = [replace(s, metric="strict") for s in EXTRA_SPECS]
