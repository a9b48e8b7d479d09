"""Extraction: pull one part out of a text (a word, an email domain, numbers, names, ...)."""

from __future__ import annotations

import random
import re

from hypernet.tasks.families._common import (
    distinct_words,
    in_form,
    person,
    plural,
    sentence,
    word,
    words,
)
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


def _host(x: str) -> str:
    return x.split("://", 1)[1].split("/", 1)[0]


def _url_plain_tld(rng: random.Random) -> str:
    # No co.uk: whether its top-level domain is "uk" or "co.uk" is a matter of opinion.
    while _host(url := _url(rng)).endswith(".co.uk"):
        pass
    return url


def _url_deep_path(rng: random.Random) -> str:
    url = _url(rng)
    path = "/".join(word(rng, 3, 7) for _ in range(rng.randint(2, 3)))
    return f"{url.split('://', 1)[0]}://{_host(url)}/{path}"


def _path_segments(x: str) -> list[str]:
    segments = x.split("://", 1)[1].split("/")[1:]
    # On a path of one segment, its first or last segment would be url_path.
    if len(segments) < 2 or not all(segments):
        raise ValueError(f"not a URL whose path has two or more segments: {x!r}")
    return segments


def _several_hashtags(rng: random.Random) -> str:
    while (x := _hashtags(rng)).count("#") < 2:
        pass
    return x


def _tags(x: str) -> list[str]:
    tags = [w for w in x.split() if w.startswith("#")]
    # With one tag the first or last one would be hashtags.
    if len(tags) < 2:
        raise ValueError(f"fewer than two hashtags in {x!r}")
    return tags


def _untagged(x: str) -> str:
    # On a text without hashtags this would copy it unchanged.
    if "#" not in x:
        raise ValueError(f"no hashtag in {x!r}")
    return " ".join(w for w in x.split() if not w.startswith("#"))


def _double_extension_file(rng: random.Random) -> str:
    stem = _filename(rng).rsplit(".", 1)[0]
    outer = rng.choice(["gz", "zip", "bak", "old", "tmp", "enc"])
    return f"{stem}.{rng.choice(FILE_EXTENSIONS)}.{outer}"


def _full_extension(x: str) -> str:
    # With one dot this would be file_extension.
    if x.count(".") < 2:
        raise ValueError(f"not a file name with two extensions: {x!r}")
    return x.split(".", 1)[1]


def _file_path(rng: random.Random) -> str:
    folders = "/".join(word(rng, 3, 7) for _ in range(rng.randint(1, 3)))
    return f"{rng.choice(['', '/', '~/'])}{folders}/{_filename(rng)}"


def _in_brackets(opening: str, closing: str):
    def sample(rng: random.Random) -> str:
        inner = sentence(rng, 1, 3)
        return f"{sentence(rng, 1, 3)} {opening}{inner}{closing} {sentence(rng, 0, 2)}".strip()

    pattern = re.compile(f"{re.escape(opening)}([^{re.escape(closing)}]*){re.escape(closing)}")
    return sample, lambda x: pattern.search(x).group(1)


def _bracketed(name: str, what: str, opening: str, closing: str):
    sample, solve = _in_brackets(opening, closing)
    return spec(
        name,
        f"a sentence containing a remark in {what}",
        [
            f"extract the text inside the {what}",
            f"give the words between {opening} and {closing}, without the {what}",
            f"return what is written inside the {what}",
            f"pull out the remark enclosed in {what}",
            f"tell me the words that appear between the {what}",
        ],
        solve,
        sample=sample,
    )


def _without_parenthetical(x: str) -> str:
    if x.count("(") != 1:
        raise ValueError(f"not one remark in parentheses: {x!r}")
    return re.sub(r" ?\([^)]*\)", "", x).strip()


def _three_numbers(x: str) -> list[int]:
    numbers = [int(n) for n in re.findall(r"\d+", x)]
    # The same guard as largest_number_in_text, and distinct values so that each rank is one number.
    if len(numbers) != 3 or len(set(numbers)) != 3 or not re.search(r"[a-z]{2}", x):
        raise ValueError(f"not a sentence with three different numbers: {x!r}")
    return sorted(numbers)


# training-only siblings (``builtin_suite(extra=True)``): other positions for second_word, other
# parts of a URL for url_host and url_path, other ways to pick hashtags, other parts of a file name
# or path for file_extension, other brackets for parenthesized_text, other ranks for
# largest_number_in_text
EXTRA_SPECS = [
    _nth_word(5, "5th", "fifth"),
    _nth_word(6, "6th", "sixth"),
    spec(
        "third_to_last_word",
        "a sentence",
        [
            "return the third-to-last word",
            "give me only the word two places before the final one",
            "extract the antepenultimate word of the sentence",
            "output the word third from the end and nothing else",
            "tell me which word comes third when counting back from the end",
        ],
        lambda x: x.split()[-3],
        sample=lambda rng: sentence(rng, 4, 7),
    ),
    spec(
        "url_scheme",
        "a URL",
        [
            "extract the scheme of the URL",
            "give the protocol at the start of the web address, before ://",
            "return whether the link uses http or https",
            "pull out the URL's protocol name, without the colon and slashes",
            "tell me which scheme the address begins with",
        ],
        lambda x: in_form(r"[a-z]+://\S+", x).split("://", 1)[0],
        sample=_url,
    ),
    spec(
        "url_top_level_domain",
        "a URL",
        [
            "extract the top-level domain of the URL",
            "give the last part of the host name, after its final dot",
            "return the TLD of the link, like com or org",
            "pull out the domain ending of the web address, without the dot",
            "tell me which top-level domain the site is under",
        ],
        lambda x: _host(x).rsplit(".", 1)[1],
        sample=_url_plain_tld,
    ),
    spec(
        "url_origin",
        "a URL",
        [
            "extract the origin of the URL: its scheme, :// and host, without the path",
            "give the web address cut off before the path, keeping the https:// or http://",
            "return the scheme and host of the link together",
            "strip the path from the URL and drop the slash that follows the host",
            "tell me the site's origin, protocol included",
        ],
        lambda x: x.split("://", 1)[0] + "://" + _host(x),
        sample=_url,
    ),
    spec(
        "url_first_path_segment",
        "a URL with a path of several parts",
        [
            "extract the first segment of the URL's path",
            "give the part of the path right after the host, up to the next slash",
            "return the top-level folder the link points into",
            "pull out the first directory name of the web address's path",
            "tell me which path component comes first after the domain",
        ],
        lambda x: _path_segments(x)[0],
        sample=_url_deep_path,
    ),
    spec(
        "url_last_path_segment",
        "a URL with a path of several parts",
        [
            "extract the last segment of the URL's path",
            "give the part of the web address after its final slash",
            "return the page name at the end of the link's path",
            "pull out the final path component of the URL",
            "tell me which path component the address ends with",
        ],
        lambda x: _path_segments(x)[-1],
        sample=_url_deep_path,
    ),
    spec(
        "hashtags_with_sign",
        "a social media post",
        [
            "list the hashtags, keeping the # sign, separated by commas",
            "extract every hashtag together with its # symbol",
            "pull out the tags marked with #, # included",
            "give the post's hashtags as written, as a comma-separated list",
            "find each #tag and list them in order with their hash signs",
        ],
        lambda x: ", ".join(w for w in x.split() if w.startswith("#")),
        sample=_hashtags,
        metric="list",
    ),
    spec(
        "first_hashtag",
        "a social media post with several hashtags",
        [
            "extract the first hashtag, without the # sign",
            "give the word of the earliest #tag in the post, dropping the #",
            "return the opening hashtag's text only",
            "pull out the tag of the first hashtag that appears, minus the # symbol",
            "tell me which hashtag comes first, leaving off the hash",
        ],
        lambda x: _tags(x)[0][1:],
        sample=_several_hashtags,
    ),
    spec(
        "last_hashtag",
        "a social media post with several hashtags",
        [
            "extract the last hashtag, without the # sign",
            "give the word of the final #tag in the post, dropping the #",
            "return the closing hashtag's text only",
            "pull out the tag of the last hashtag that appears, minus the # symbol",
            "tell me which hashtag comes last, leaving off the hash",
        ],
        lambda x: _tags(x)[-1][1:],
        sample=_several_hashtags,
    ),
    spec(
        "words_without_hashtags",
        "a social media post",
        [
            "extract the words of the post that are not hashtags",
            "give the post's text with every #tag left out",
            "return only the ordinary words, skipping anything that starts with #",
            "pull out the plain words of the post, in order, without its hashtags",
            "tell me what the post says once the hashtags are taken away",
        ],
        _untagged,
        sample=_hashtags,
    ),
    spec(
        "file_extension_with_dot",
        "a file name",
        [
            "extract the file extension together with its dot",
            "give the part of the file name from the last dot on, dot included",
            "return the file type suffix with the leading period, like .txt",
            "pull out the extension of the file, keeping the dot in front",
            "tell me the dotted extension the file name ends with",
        ],
        lambda x: "." + x.rsplit(".", 1)[1],
        sample=_filename,
    ),
    spec(
        "full_extension",
        "a file name with two extensions",
        [
            "extract the full extension of the file, both parts, without the first dot",
            "give everything in the file name after its first dot",
            "return the double extension, such as tar.gz",
            "pull out the complete multi-part suffix of the file name",
            "tell me the whole extension, from the first dot to the end, leaving off that first dot",
        ],
        _full_extension,
        sample=_double_extension_file,
    ),
    spec(
        "path_file_name",
        "a file path",
        [
            "extract the file name from the path",
            "give the part of the path after the last slash",
            "return the base name of the file, with its extension, without the folders",
            "pull out the name of the file at the end of the path",
            "tell me which file the path points to, leaving off the directories",
        ],
        lambda x: in_form(r"[^:]+/[^/]+", x).rsplit("/", 1)[1],  # not a URL's last segment
        sample=_file_path,
    ),
    _bracketed("square_bracket_text", "square brackets", "[", "]"),
    _bracketed("curly_brace_text", "curly braces", "{", "}"),
    _bracketed("angle_bracket_text", "angle brackets", "<", ">"),
    spec(
        "remove_parenthetical",
        "a sentence containing a remark in brackets",
        [
            "give the sentence without the part in parentheses",
            "delete the remark in round brackets, brackets and all",
            "return the text with the parenthetical taken out",
            "pull out everything except what is between ( and )",
            "tell me what the sentence says when the bracketed aside is left out",
        ],
        _without_parenthetical,
        sample=_parenthesised,
    ),
    spec(
        "smallest_number_in_text",
        "a sentence with several numbers",
        [
            "return the smallest number mentioned in the text",
            "find the least of the numbers in the sentence",
            "extract whichever number in the text has the lowest value",
            "give the minimum of the numbers that appear",
            "tell me the tiniest number the sentence contains",
        ],
        lambda x: str(_three_numbers(x)[0]),
        sample=_many_numbers,
        metric="numeric",
    ),
    spec(
        "middle_number_in_text",
        "a sentence with three numbers",
        [
            "return the middle one of the three numbers in the text by size",
            "find the number in the sentence that is neither the largest nor the smallest",
            "extract the median of the numbers that appear",
            "give the second largest number mentioned",
            "tell me which number lies between the other two in value",
        ],
        lambda x: str(_three_numbers(x)[1]),
        sample=_many_numbers,
        metric="numeric",
    ),
]
