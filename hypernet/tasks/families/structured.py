"""Rewriting into structured formats: JSON, CSV, query strings, name formats, phone numbers, HTML."""

from __future__ import annotations

import json
import random

from hypernet.tasks import sources
from hypernet.tasks.families._common import distinct_words, person
from hypernet.tasks.spec import spec
from hypernet.tasks.wordlists import NOUNS

FAMILY = "structured"
TEMPLATES = (
    "Formatting task: {p}.",
    "Reformat the data. {P}, with no extra text.",
)

_KEYS = ("name", "age", "city", "color", "size", "id")


def _value(rng: random.Random, key: str) -> str:
    if key == "name":
        return person(rng)[0]
    if key == "city":
        return rng.choice([c.capital for c in sources.countries() if c.capital.isalpha()])
    if key == "color":
        return rng.choice(["red", "blue", "green", "black", "white", "yellow"])
    return str(rng.randint(1, 99))


def _pairs(rng: random.Random) -> str:
    keys = rng.sample(_KEYS, rng.randint(1, 3))
    return ", ".join(f"{k}: {_value(rng, k)}" for k in keys)


def _parse_pairs(text: str) -> list[tuple[str, str]]:
    return [tuple(part.split(": ", 1)) for part in text.split(", ")]  # type: ignore[misc]


def _to_json(text: str) -> str:
    return json.dumps({k: int(v) if v.isdigit() else v for k, v in _parse_pairs(text)})


def _json_record(rng: random.Random) -> str:
    # Always a name too: otherwise "the longest word" would often be the city.
    keys = [
        "city",
        "name",
        *rng.sample([k for k in _KEYS if k not in ("city", "name")], rng.randint(0, 1)),
    ]
    rng.shuffle(keys)
    return json.dumps({k: int(v) if (v := _value(rng, k)).isdigit() else v for k in keys})


def _full_name(rng: random.Random) -> str:
    first, last = person(rng)
    if rng.random() < 0.3:
        return f"{first} {person(rng)[0]} {last}"
    return f"{first} {last}"


def _items(rng: random.Random) -> list[str]:
    return rng.sample(NOUNS, rng.randint(2, 4))


SPECS = [
    spec(
        "pairs_to_json",
        "a list of key: value pairs",
        [
            "convert the key-value pairs to a JSON object",
            "write the pairs as JSON, with numbers as numbers and text as strings",
            "turn the fields into a JSON dictionary",
            "serialise the data as a JSON object",
            "produce a one-line JSON object holding these keys and values",
        ],
        _to_json,
        sample=_pairs,
        metric="json",
        training_phrasings=[
            "make the pairs into JSON",
            "turn these key: value pairs into a JSON object, numbers unquoted and words in quotes",
            "encode the fields as a JSON object mapping each key to its value, with numeric values as JSON numbers",
            "represent the record as JSON, one property per key",
        ],
    ),
    spec(
        "list_to_json_array",
        "a comma-separated list of words",
        [
            "convert the list into a JSON array of strings",
            "write the items as a JSON list",
            "turn the comma-separated words into a JSON array",
            "serialise the items as JSON, keeping their order",
            "produce a JSON array with each item as a quoted string",
        ],
        lambda x: json.dumps(x.split(", ")),
        sample=lambda rng: ", ".join(_items(rng)),
        metric="json",
        training_phrasings=[
            "make the list a JSON array",
            "put the words into a JSON list, in the same order",
            "encode the comma-separated items as a JSON array of string elements",
            "represent the items in JSON square-bracket array form",
        ],
    ),
    spec(
        "words_to_csv",
        "a few words separated by spaces",
        [
            "turn the words into one CSV row",
            "separate the words with commas and no spaces",
            "write the words as comma-separated values",
            "make a CSV line out of the words",
            "join the words into a single row of a CSV file",
        ],
        lambda x: ",".join(x.split()),
        sample=lambda rng: " ".join(_items(rng)),
        metric="strict",
        training_phrasings=[
            "comma-join the words with no spaces",
            "swap the spaces between the words for commas, with no spaces left",
            "replace each space delimiter with a single comma to form one CSV record",
            "list the words on one comma-delimited line with nothing between the commas and the words",
        ],
    ),
    spec(
        "csv_to_pipes",
        "a CSV row",
        [
            "convert the CSV row to pipe-separated values with spaces around each pipe",
            "replace the commas with ' | '",
            "turn the comma-separated row into a pipe-delimited one",
            "rewrite the row with | between the fields",
            "separate the values with vertical bars instead of commas",
        ],
        lambda x: " | ".join(x.split(",")),
        sample=lambda rng: ",".join(_items(rng)),
        metric="strict",
        training_phrasings=[
            "swap the commas for spaced pipes",
            "change each comma into a pipe with a space on either side",
            "convert the comma delimiter to ' | ', a pipe padded by one space on each side",
            "rebuild the row as fields joined by space, pipe, space, like a | b | c",
        ],
    ),
    spec(
        "json_get_city",
        "a JSON object",
        [
            "return the value of the city field",
            "extract the city from the JSON record",
            "give the string stored under the key city",
            "read the JSON and output only its city",
            "tell me which city the record contains",
        ],
        lambda x: json.loads(x)["city"],
        sample=_json_record,
        training_phrasings=[
            "pull out the city",
            "just give me the city from this JSON",
            "output the value of the JSON key named city, without quotes",
            "find the city name in the object",
        ],
    ),
    spec(
        "last_comma_first",
        "a person's first and last name",
        [
            "rewrite the name as last name, comma, first name",
            "put the surname first, then a comma and the given name",
            "format the name as 'Last, First'",
            "convert the full name to the order used in a bibliography: family name, comma, first name",
            "reverse the name into surname-comma-first-name order",
        ],
        lambda x: f"{x.split()[1]}, {x.split()[0]}",
        sample=lambda rng: " ".join(person(rng)),
        metric="strict",
        training_phrasings=[
            "put the last name first with a comma",
            "flip the name around so the surname comes first, then a comma, then the first name",
            "output the family name, a comma and a space, and then the given name",
            "list the person by surname, like Smith, John for John Smith",
        ],
    ),
    spec(
        "initials",
        "a person's full name",
        [
            "give the person's initials, each followed by a period",
            "abbreviate the name to initials with dots, in the style of J. R. R. Tolkien",
            "write only the initials of the name, each with a period, separated by spaces",
            "turn the full name into dotted initials",
            "reduce the name to its initial letters, each with a full stop",
        ],
        lambda x: " ".join(f"{w[0]}." for w in x.split()),
        sample=_full_name,
        metric="strict",
        training_phrasings=[
            "give the dotted initials",
            "just write the first letter of each name with a dot after it, spaces between",
            "output the first character of every name part followed by a period, joined by single spaces",
            "shorten the full name to initials like M. A. L. for Mary Ann Lee",
        ],
    ),
    spec(
        "phone_format",
        "a ten-digit phone number",
        [
            "format the phone number as (123) 456-7890",
            "write the ten digits in US phone-number style with brackets and a dash",
            "put the area code in parentheses and a hyphen after the next three digits",
            "make the digits look like a North American phone number",
            "reformat the number into the (xxx) xxx-xxxx pattern",
        ],
        lambda x: f"({x[:3]}) {x[3:6]}-{x[6:]}",
        sample=lambda rng: str(rng.randint(2_000_000_000, 9_999_999_999)),
        metric="strict",
        training_phrasings=[
            "format it as a US phone number",
            "make the ten digits look like (555) 123-4567",
            "output the digits as an area code in parentheses, a space, three digits, a hyphen and the last four digits",
            "lay out the digits as a phone number with the first three in parentheses and a dash before the final four",
        ],
    ),
    spec(
        "html_bold",
        "a short text",
        [
            "wrap the text in an HTML bold tag",
            "put <b> before the text and </b> after it",
            "make the text bold using HTML",
            "surround the words with b tags",
            "mark the text up as bold in HTML",
        ],
        lambda x: f"<b>{x}</b>",
        sample=lambda rng: " ".join(distinct_words(rng, 1, 4)),
        metric="strict",
        training_phrasings=[
            "bold the text with HTML",
            "stick <b> and </b> tags around the text",
            "enclose the text in a <b> element",
            "embolden the words using the HTML b tag",
        ],
    ),
    spec(
        "pairs_to_query",
        "a list of key: value pairs",
        [
            "turn the key-value pairs into a URL query string",
            "write the pairs as key=value joined by &",
            "build the query part of a URL from these fields, without the question mark",
            "encode the fields as URL parameters",
            "produce the ampersand-separated key=value string for these pairs",
        ],
        lambda x: "&".join(f"{k}={v}" for k, v in _parse_pairs(x)),
        sample=_pairs,
        metric="strict",
        training_phrasings=[
            "make a query string from the pairs",
            "write each pair as key=value and glue them together with &",
            "serialise the fields as URL query parameters of the form k1=v1&k2=v2, without a leading question mark",
            "encode the data as a URL parameter list, like name=Ann&age=30",
        ],
    ),
    spec(
        "name_to_email",
        "a person's first and last name",
        [
            "make an email address firstname.lastname@example.com from the name, all lower case",
            "build the person's example.com email: first name, dot, last name",
            "write the company address in the form first.last@example.com",
            "turn the name into a lower-case email at example.com",
            "create the example.com email address for this person, joining the names with a dot",
        ],
        lambda x: ".".join(x.lower().split()) + "@example.com",
        sample=lambda rng: " ".join(person(rng)),
        training_phrasings=[
            "make a first.last@example.com email from the name",
            "lower-case the name and turn it into an example.com address with a dot between first and last name",
            "output the lower-case first name, a period, the lower-case last name and @example.com",
            "derive the example.com mailbox for the person, like john.smith@example.com for John Smith",
        ],
    ),
    spec(
        "markdown_link",
        "a web address",
        [
            "turn the address into a Markdown link whose text is the address itself",
            "write the URL as a Markdown link: [url](url)",
            "wrap the link in Markdown link syntax, using it as both label and target",
            "format the web address as a clickable Markdown link",
            "make a Markdown hyperlink out of the URL, with the URL as its text",
        ],
        lambda x: f"[{x}]({x})",
        sample=lambda rng: (
            f"https://{rng.choice(sources.countries()).alpha2.lower()}.example.org/{rng.choice(NOUNS)}"
        ),
        metric="strict",
        training_phrasings=[
            "link the URL in Markdown, using it as its own text",
            "put the address in square brackets and then again in parentheses, Markdown style",
            "output [address](address), the Markdown inline link with identical label and target",
            "render the web address as a self-labelled Markdown link",
        ],
    ),
]


def _url(rng: random.Random) -> str:
    """A web address drawn as markdown_link draws its inputs."""
    host = rng.choice(sources.countries()).alpha2.lower()
    return f"https://{host}.example.org/{rng.choice(NOUNS)}"


def _csv_fields(x: str) -> list[str]:
    """The fields of a CSV row of single words ("a,b,c"); a sentence is not one."""
    if "," not in x or " " in x:
        raise ValueError(f"not a CSV row of words: {x!r}")
    return x.split(",")


# training-only siblings (``builtin_suite(extra=True)``): the same list, row and address written in
# other formats, so that the held-out JSON array, pipe row and Markdown link have close neighbours
EXTRA_SPECS = [
    spec(
        "list_to_python_tuple",
        "a comma-separated list of words",
        [
            "convert the list into a Python tuple of strings",
            "write the items as a Python tuple with single-quoted strings",
            "turn the comma-separated words into a tuple literal, like ('a', 'b')",
            "serialise the items as a Python tuple, keeping their order",
            "produce the tuple in Python syntax that holds each word as a quoted string",
        ],
        lambda x: repr(tuple(x.split(", "))),
        sample=lambda rng: ", ".join(_items(rng)),
        metric="strict",
        training_phrasings=[
            "make the list a Python tuple",
            "turn the words into a Python tuple, each in single quotes, like ('cat', 'dog')",
            "output the repr of a Python tuple containing the items as strings, in order",
            "express the items as a parenthesised Python tuple literal of single-quoted strings",
        ],
    ),
    spec(
        "list_to_quoted_csv",
        "a comma-separated list of words",
        [
            "put every item in double quotes and join them with commas and no spaces",
            "write the list as one CSV row with each word quoted",
            "turn the words into a quoted CSV line, like \"a\",\"b\"",
            "quote each item with double quotes and separate them by bare commas",
            "produce a comma-delimited row in which every value is wrapped in quotation marks",
        ],
        lambda x: ",".join(f'"{w}"' for w in x.split(", ")),
        sample=lambda rng: ", ".join(_items(rng)),
        metric="strict",
        training_phrasings=[
            "double-quote the items and comma-join them",
            "wrap each word in double quotes and stick them together with commas, no spaces",
            "output one CSV record with every field enclosed in double quotes and separated by a comma without spaces",
            'write the items on one line as "cat","dog" style quoted values',
        ],
    ),
    spec(
        "list_to_html_list",
        "a comma-separated list of words",
        [
            "convert the list into an HTML unordered list on one line",
            "write the items as <ul> with one <li> per word, without spaces or line breaks",
            "turn the comma-separated words into an HTML bullet list",
            "mark the items up as list elements inside a ul tag",
            "produce one line of HTML that shows the words as a bulleted list",
        ],
        lambda x: "<ul>" + "".join(f"<li>{w}</li>" for w in x.split(", ")) + "</ul>",
        sample=lambda rng: ", ".join(_items(rng)),
        metric="strict",
        training_phrasings=[
            "make the list an HTML ul",
            "turn the words into an HTML unordered list, all on one line with no spaces",
            "output a <ul> element containing one <li> element per item, with no whitespace between tags",
            "encode the items as HTML list markup, like <ul><li>cat</li><li>dog</li></ul>",
        ],
    ),
    spec(
        "csv_to_semicolons",
        "a CSV row",
        [
            "convert the CSV row to semicolon-separated values with a space after each semicolon",
            "replace the commas with '; '",
            "turn the comma-separated row into a semicolon-delimited one",
            "rewrite the row with a semicolon and a space between the fields",
            "separate the values with semicolons instead of commas, each followed by one space",
        ],
        lambda x: "; ".join(_csv_fields(x)),
        sample=lambda rng: ",".join(_items(rng)),
        metric="strict",
        training_phrasings=[
            "swap the commas for semicolons plus a space",
            "change every comma into a semicolon followed by a space",
            "convert the comma delimiter to '; ', a semicolon and one trailing space",
            "rebuild the row as fields joined by semicolon and space, like a; b; c",
        ],
    ),
    spec(
        "csv_to_slashes",
        "a CSV row",
        [
            "convert the CSV row to values separated by slashes with spaces around each slash",
            "replace the commas with ' / '",
            "turn the comma-separated row into a slash-delimited one",
            "rewrite the row with / between the fields, spaced on both sides",
            "separate the values with forward slashes instead of commas",
        ],
        lambda x: " / ".join(_csv_fields(x)),
        sample=lambda rng: ",".join(_items(rng)),
        metric="strict",
        training_phrasings=[
            "swap the commas for spaced slashes",
            "change each comma into a slash with a space on either side",
            "convert the comma delimiter to ' / ', a slash padded by one space on each side",
            "rebuild the row as fields joined by space, slash, space, like a / b / c",
        ],
    ),
    spec(
        "csv_to_bare_pipes",
        "a CSV row",
        [
            "convert the CSV row to pipe-separated values with no spaces",
            "replace each comma with a | and add no spaces",
            "turn the comma-separated row into a tight pipe-delimited one, like a|b|c",
            "rewrite the row with a bare vertical bar between the fields",
            "separate the values with pipe characters only, nothing around them",
        ],
        lambda x: "|".join(_csv_fields(x)),
        sample=lambda rng: ",".join(_items(rng)),
        metric="strict",
        training_phrasings=[
            "swap the commas for pipes with no spaces",
            "change every comma into a | and don't add any spaces",
            "convert the comma delimiter to a single unpadded '|' character",
            "rebuild the row as fields joined by bare pipes, like red|blue|green",
        ],
    ),
    spec(
        "html_link",
        "a web address",
        [
            "turn the address into an HTML link whose text is the address itself",
            "write the URL as an HTML anchor: <a href=\"url\">url</a>",
            "wrap the link in an a tag, using it as both the href and the link text",
            "format the web address as a clickable HTML link",
            "make an HTML hyperlink out of the URL, with the URL as its visible text",
        ],
        lambda x: f'<a href="{x}">{x}</a>',
        sample=_url,
        metric="strict",
        training_phrasings=[
            "link the URL in HTML, using it as its own text",
            "put the address in an <a> tag, with it as both the href and the text",
            'output <a href="address">address</a>, an HTML anchor whose href and text are identical',
            "render the web address as a self-labelled HTML anchor",
        ],
    ),
    spec(
        "bbcode_link",
        "a web address",
        [
            "turn the address into a BBCode link: [url]address[/url]",
            "wrap the URL in forum BBCode url tags",
            "write the link between [url] and [/url]",
            "format the web address as a BBCode hyperlink for a message board",
            "mark the URL up with the square-bracket url tags that forums use",
        ],
        lambda x: f"[url]{x}[/url]",
        sample=_url,
        metric="strict",
        training_phrasings=[
            "enclose the address in [url] tags",
            "stick [url] in front of the address and [/url] after it",
            "emit a BBCode url element whose content is the address, with no attribute",
            "render the web address as a bulletin-board link in BBCode",
        ],
    ),
    spec(
        "markdown_image",
        "a web address",
        [
            "turn the address into a Markdown image whose alt text is the address itself",
            "write the URL as a Markdown image: ![url](url)",
            "embed the address as an image in Markdown, using it as both alt text and source",
            "format the web address as Markdown image syntax with an exclamation mark",
            "make a Markdown picture reference out of the URL, with the URL as its description",
        ],
        lambda x: f"![{x}]({x})",
        sample=_url,
        metric="strict",
        training_phrasings=[
            "embed the URL as a Markdown image, using it as its own alt text",
            "put an exclamation mark, the address in square brackets, then the address in parentheses",
            "output ![address](address), the Markdown image syntax with identical alt text and source",
            "render the web address as a self-labelled Markdown image",
        ],
    ),
]
