"""Extraction: pull one part out of a text (a word, an email domain, numbers, names, ...)."""

from __future__ import annotations

import random
import re

from hypernet.tasks.families._common import distinct_words, person, plural, sentence, word, words
from hypernet.tasks.sources import first_names
from hypernet.tasks.spec import spec
from hypernet.tasks.wordlists import DOMAIN_WORDS, FILE_EXTENSIONS, NOUNS, TOP_LEVEL_DOMAINS

FAMILY = "extraction"
TEMPLATES = (
    "Information extraction: {p}.",
    "{P}. Copy it exactly as it appears in the input.",
)


def _email(rng: random.Random) -> str:
    first, last = person(rng)
    user = rng.choice(
        [f"{first}.{last}", f"{first[0]}{last}", first, f"{first}{rng.randint(1, 99)}"]
    ).lower()
    return f"{user}@{rng.choice(DOMAIN_WORDS)}.{rng.choice(TOP_LEVEL_DOMAINS)}"


def _email_sentence(rng: random.Random) -> str:
    template = rng.choice([
        "write to {} for details", "my email is {}", "{} is my address", "send it to {} please",
        "contact {}", "reach the team at {} today",
    ])  # fmt: skip
    return template.format(_email(rng))


def _numbers_sentence(rng: random.Random) -> str:
    a, b = (plural(n) for n in rng.sample(NOUNS, 2))
    n1, n2, n3 = rng.randint(2, 99), rng.randint(2, 99), rng.randint(2, 999)
    return rng.choice([
        f"i bought {n1} {a} and {n2} {b}", f"{n1} people saw {n2} {a}",
        f"room {n3} has {n1} {a}", f"we need {n1} {a}, {n2} {b} and {n3} cups",
        f"page {n3}, line {n1}",
    ])  # fmt: skip


def _names_sentence(rng: random.Random) -> str:
    ws = words(rng, 3, 6)
    for _ in range(rng.randint(1, 3)):
        ws.insert(rng.randint(1, len(ws)), rng.choice(first_names()))
    return " ".join(ws)


def _url(rng: random.Random) -> str:
    sub = rng.choice(["www.", "", "docs.", "shop.", "blog.", "api."])
    path = "/".join(word(rng, 3, 7) for _ in range(rng.randint(0, 2)))
    host = f"{sub}{rng.choice(DOMAIN_WORDS)}.{rng.choice(TOP_LEVEL_DOMAINS)}"
    return f"{rng.choice(['https', 'http'])}://{host}/{path}"


def _hashtags(rng: random.Random) -> str:
    ws = words(rng, 2, 5)
    for tag in distinct_words(rng, 1, 3):
        ws.insert(rng.randint(0, len(ws)), "#" + tag)
    return " ".join(ws)


def _filename(rng: random.Random) -> str:
    stem = rng.choice(["_", "-", ""]).join(distinct_words(rng, 1, 2))
    if rng.random() < 0.3:
        stem += f"_{rng.randint(1, 12)}"
    return f"{stem}.{rng.choice(FILE_EXTENSIONS)}"


def _year_sentence(rng: random.Random) -> str:
    year, n = rng.randint(1900, 2030), rng.randint(2, 12)
    return rng.choice([
        f"in {year} she had {n} cats", f"he moved {n} times before {year} ended",
        f"the {n} bridges built in {year} still stand", f"born in {year}, the {n}th child",
        f"{n} books printed in {year} were sold",
    ])  # fmt: skip


def _quoted(rng: random.Random) -> str:
    inner = sentence(rng, 1, 3)
    return f'{sentence(rng, 1, 3)} "{inner}" {sentence(rng, 0, 2)}'.strip()


def _parenthesised(rng: random.Random) -> str:
    return f"{sentence(rng, 1, 3)} ({sentence(rng, 1, 3)}) {sentence(rng, 0, 2)}".strip()


def _unique_extreme(longest: bool):
    def sample(rng: random.Random) -> str:
        while True:
            ws = distinct_words(rng, 3, 6)
            target = max(map(len, ws)) if longest else min(map(len, ws))
            if sum(len(w) == target for w in ws) == 1:
                return " ".join(ws)

    return sample


def _extreme(x: str, longest: bool) -> str:
    return (max if longest else min)(x.split(), key=len)


SPECS = [
    spec(
        "first_word",
        "a sentence",
        [
            "return the first word",
            "give me only the opening word of the sentence",
            "extract the word the sentence starts with",
            "output the first word and nothing else",
            "tell me which word comes first",
        ],
        lambda x: x.split()[0],
        sample=lambda rng: sentence(rng, 2, 6),
    ),
    spec(
        "last_word",
        "a sentence",
        [
            "return the last word",
            "give me only the final word of the sentence",
            "extract the word the sentence ends with",
            "output the last word and nothing else",
            "tell me which word comes last",
        ],
        lambda x: x.split()[-1],
        sample=lambda rng: sentence(rng, 2, 6),
    ),
    spec(
        "second_word",
        "a sentence",
        [
            "return the second word",
            "give me only the word in position two",
            "extract the word that comes right after the first one",
            "output the 2nd word and nothing else",
            "tell me which word is second in the sentence",
        ],
        lambda x: x.split()[1],
        sample=lambda rng: sentence(rng, 3, 6),
    ),
    spec(
        "longest_word",
        "a sentence",
        [
            "return the longest word",
            "find the word with the most letters",
            "extract the lengthiest word of the sentence",
            "output whichever word is longest",
            "tell me which word has the greatest number of characters",
        ],
        lambda x: _extreme(x, True),
        sample=_unique_extreme(True),
    ),
    spec(
        "shortest_word",
        "a sentence",
        [
            "return the shortest word",
            "find the word with the fewest letters",
            "extract the briefest word of the sentence",
            "output whichever word is shortest",
            "tell me which word has the smallest number of characters",
        ],
        lambda x: _extreme(x, False),
        sample=_unique_extreme(False),
    ),
    spec(
        "email_domain",
        "a sentence containing an email address",
        [
            "extract the domain of the email address",
            "give the part of the email address after the @ sign",
            "return the email's domain name",
            "pull out the mail domain from the address",
            "tell me which domain the email address belongs to",
        ],
        lambda x: re.search(r"@(\S+)", x).group(1),
        sample=_email_sentence,
    ),
    spec(
        "email_username",
        "a sentence containing an email address",
        [
            "extract the user name of the email address",
            "give the part of the email address before the @ sign",
            "return the local part of the email",
            "pull out the mailbox name from the address, without the domain",
            "tell me whose mailbox it is by copying the bit in front of the @",
        ],
        lambda x: re.search(r"(\S+)@", x).group(1),
        sample=_email_sentence,
    ),
    spec(
        "numbers_in_text",
        "a sentence with numbers in it",
        [
            "list all the numbers in the text, separated by commas",
            "extract every number that appears, in order",
            "pull out the numbers mentioned in the sentence",
            "give the numerals found in the text as a comma-separated list",
            "find each number in the sentence and list them in the order they occur",
        ],
        lambda x: ", ".join(re.findall(r"\d+", x)),
        sample=_numbers_sentence,
        metric="list",
    ),
    spec(
        "capitalized_words",
        "a sentence",
        [
            "list the capitalised words, separated by commas",
            "extract every word that starts with a capital letter",
            "pull out the names, i.e. the words written with an initial capital",
            "give the words beginning with uppercase letters as a comma-separated list",
            "find each capitalized word and list them in order",
        ],
        lambda x: ", ".join(w for w in x.split() if w[0].isupper()),
        sample=_names_sentence,
        metric="list",
    ),
    spec(
        "url_host",
        "a URL",
        [
            "extract the host name from the URL",
            "give the domain part of the web address, including any subdomain",
            "return the host of the link, without the scheme or the path",
            "pull out the site name between :// and the next slash",
            "tell me which host the URL points to",
        ],
        lambda x: x.split("://", 1)[1].split("/", 1)[0],
        sample=_url,
    ),
    spec(
        "hashtags",
        "a social media post",
        [
            "list the hashtags without the # sign, separated by commas",
            "extract every hashtag word, dropping the # symbol",
            "pull out the tags marked with #, without the #",
            "give the hashtag words of the post as a comma-separated list",
            "find each #tag and list the tag words in order",
        ],
        lambda x: ", ".join(w[1:] for w in x.split() if w.startswith("#")),
        sample=_hashtags,
        metric="list",
    ),
    spec(
        "file_extension",
        "a file name",
        [
            "extract the file extension",
            "give the part of the file name after the last dot",
            "return the file type suffix without the dot",
            "pull out the extension of the file",
            "tell me what extension the file has",
        ],
        lambda x: x.rsplit(".", 1)[1],
        sample=_filename,
    ),
    spec(
        "file_stem",
        "a file name",
        [
            "remove the extension from the file name",
            "give the file name without its suffix",
            "return everything before the last dot of the file name",
            "strip the file type off the name",
            "tell me the base name of the file, minus the extension",
        ],
        lambda x: x.rsplit(".", 1)[0],
        sample=_filename,
    ),
    spec(
        "year_in_text",
        "a sentence that mentions a year",
        [
            "extract the year",
            "give the four-digit year mentioned in the sentence",
            "return the year and ignore any other numbers",
            "pull out the calendar year from the text",
            "tell me which year the sentence refers to",
        ],
        lambda x: re.search(r"\b\d{4}\b", x).group(0),
        sample=_year_sentence,
    ),
    spec(
        "quoted_text",
        "a sentence containing a quotation",
        [
            "extract the text inside the double quotes",
            "give the quoted words, without the quotation marks",
            "return what is written between the quote marks",
            "pull out the quotation",
            "tell me the words that appear in quotes",
        ],
        lambda x: re.search(r'"([^"]*)"', x).group(1),
        sample=_quoted,
    ),
    spec(
        "parenthesized_text",
        "a sentence containing a remark in brackets",
        [
            "extract the text inside the parentheses",
            "give the words in round brackets, without the brackets",
            "return what is written between ( and )",
            "pull out the parenthetical remark",
            "tell me the words that appear in parentheses",
        ],
        lambda x: re.search(r"\(([^)]*)\)", x).group(1),
        sample=_parenthesised,
    ),
]


def _nth_word(n: int, short: str, long: str):
    return spec(
        f"{long}_word",
        "a sentence",
        [
            f"return the {long} word",
            f"give me only the word in position {n}",
            f"extract word number {n}, counting from the start",
            f"output the {short} word and nothing else",
            f"tell me which word is {long} in the sentence",
        ],
        lambda x: x.split()[n - 1],
        sample=lambda rng: sentence(rng, n + 1, 7),
    )


def _mention_post(rng: random.Random) -> str:
    ws = words(rng, 2, 5)
    for name in rng.sample(first_names(), rng.randint(1, 2)):
        ws.insert(rng.randint(0, len(ws)), "@" + name.lower())
    return " ".join(ws)


def _url_with_path(rng: random.Random) -> str:
    while not (url := _url(rng)).split("://", 1)[1].split("/", 1)[1]:
        pass
    return url


def _many_numbers(rng: random.Random) -> str:
    a, b, c = rng.sample(range(2, 999), 3)
    return rng.choice([
        f"{a} cats, {b} dogs and {c} birds", f"scores were {a}, {b} and {c}",
        f"box {a} holds {b} pens and {c} clips", f"between {a} and {b} we found {c}",
    ])  # fmt: skip


def _largest_number(x: str) -> str:
    numbers = [int(n) for n in re.findall(r"\d+", x)]
    # A text with words and three or more numbers: on "12, 7" or "[12, 7, 33]" this would be
    # arithmetic.max_of_two or lists.maximum, on "in 1999 she had 3 cats" year_in_text.
    if len(numbers) < 3 or not re.search(r"[a-z]{2}", x):
        raise ValueError(f"not a sentence with several numbers: {x!r}")
    return str(max(numbers))


# Added when the suite grew past 300 tasks (issue 4).
SPECS += [
    _nth_word(3, "3rd", "third"),
    _nth_word(4, "4th", "fourth"),
    spec(
        "second_to_last_word",
        "a sentence",
        [
            "return the second-to-last word",
            "give me only the word just before the final one",
            "extract the penultimate word of the sentence",
            "output the next-to-last word and nothing else",
            "tell me which word comes right before the last word",
        ],
        lambda x: x.split()[-2],
        sample=lambda rng: sentence(rng, 3, 6),
    ),
    spec(
        "mentions",
        "a social media post",
        [
            "list the mentioned user names without the @ sign, separated by commas",
            "extract every @mention, dropping the @ symbol",
            "pull out the handles that start with @, without the @",
            "give the user names tagged in the post as a comma-separated list",
            "find each @user and list the names in order",
        ],
        lambda x: ", ".join(w[1:] for w in x.split() if w.startswith("@")),
        sample=_mention_post,
        metric="list",
    ),
    spec(
        "url_path",
        "a URL with a path",
        [
            "extract the path of the URL, without the leading slash",
            "give the part of the web address after the host name",
            "return everything after the first single slash of the link",
            "pull out the page path from the URL, dropping the scheme and the host",
            "tell me which path on the site the link points to",
        ],
        lambda x: x.split("://", 1)[1].split("/", 1)[1],
        sample=_url_with_path,
    ),
    spec(
        "largest_number_in_text",
        "a sentence with several numbers",
        [
            "return the largest number mentioned in the text",
            "find the biggest of the numbers in the sentence",
            "extract whichever number in the text has the greatest value",
            "give the maximum of the numbers that appear",
            "tell me the highest number the sentence contains",
        ],
        _largest_number,
        sample=_many_numbers,
        metric="numeric",
    ),
]
