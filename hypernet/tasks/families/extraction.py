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
        training_phrasings=[
            "print the sentence's first word",
            "just grab the very first word for me",
            "output the token at zero-based index 0 after splitting on spaces",
            "copy out the initial word of the sentence",
        ],
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
        training_phrasings=[
            "print the sentence's concluding word",
            "just grab the word at the very end for me",
            "output the final token after splitting the sentence on spaces",
            "copy out the word that closes the sentence",
        ],
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
        training_phrasings=[
            "print word number two",
            "just grab the word that follows the very first one, thanks",
            "output the token at zero-based index 1 after splitting on spaces",
            "copy out the sentence's second word, skipping the first",
        ],
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
        training_phrasings=[
            "pick the longest word",
            "just grab whichever word is the biggest, length-wise",
            "output the word of maximum length, measured in letters",
            "copy out the word that is longer than all the others",
        ],
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
        training_phrasings=[
            "pick the shortest word",
            "just grab whichever word is the tiniest, length-wise",
            "output the word of minimum length, measured in letters",
            "copy out the word that is shorter than all the others",
        ],
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
        training_phrasings=[
            "give the email domain",
            "grab whatever comes after the @ in the email for me",
            "output the substring following the @ character of the email address",
            "copy out the mail server part of the address, such as example.com",
        ],
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
        training_phrasings=[
            "give the email user name",
            "grab whatever comes before the @ in the email for me",
            "output the substring preceding the @ character of the email address",
            "copy out the account name of the email address, leaving off the @ and the domain",
        ],
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
        training_phrasings=[
            "list the numbers, comma-separated",
            "grab all the numbers from the sentence and give them with commas between, in order",
            "output every run of digits in order of appearance, joined by a comma and a space",
            "collect the figures mentioned in the text, in sequence, separated by commas",
        ],
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
        training_phrasings=[
            "list the words with a capital first letter, comma-separated",
            "grab every word that begins with a capital and give them with commas, in order",
            "output each space-separated word whose first character is uppercase, joined by a comma and a space",
            "collect the names spelled with a leading capital, keeping their order, separated by commas",
        ],
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
        training_phrasings=[
            "give the URL's host name",
            "grab the domain, subdomain and all, out of that link for me",
            "output the network location of the URL: everything after :// up to the first slash",
            "copy out the server name from the web address, with any subdomain but no http or path",
        ],
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
        training_phrasings=[
            "list the hashtag words, no # signs, comma-separated",
            "grab all the hashtags and give their words with commas in between, without the #",
            "output each token starting with # with that character removed, joined by a comma and a space",
            "collect the topics tagged with a hash sign, hash removed, separated by commas",
        ],
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
        training_phrasings=[
            "give the extension, without the dot",
            "grab the letters that follow the file name's final dot",
            "output the suffix after the final period of the file name, period excluded",
            "copy out the file's format ending, like pdf or txt, with no dot",
        ],
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
        training_phrasings=[
            "drop the file extension",
            "chop the dot and the ending off the file name for me",
            "output the file name truncated just before its final period",
            "write the file name with the final dot and whatever follows it deleted",
        ],
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
        training_phrasings=[
            "give the year",
            "grab the year out of that sentence, ignoring the other number",
            "output the four-digit number in the sentence that is the year",
            "write down the year named in the text, not the other number",
        ],
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
        training_phrasings=[
            "give the quotation without its quote marks",
            "grab whatever's inside the double quotation marks",
            "output the substring enclosed by the pair of double-quote characters, excluding those characters",
            "copy out the cited passage, dropping the surrounding inverted commas",
        ],
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
        training_phrasings=[
            "give the parenthetical without ( and )",
            "grab whatever's inside the round brackets",
            "output the substring enclosed by the opening ( and the closing ), excluding both",
            "copy the aside set off by round brackets, leaving the brackets off",
        ],
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
        training_phrasings=[
            f"print word number {n}",
            f"just grab the {long} word of the sentence for me",
            f"output the token at zero-based index {n - 1} after splitting on spaces",
            f"count {n} words in from the start and copy that word",
        ],
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
        training_phrasings=[
            "print the penultimate word",
            "just grab the word sitting one before the end for me",
            "output the token at index -2 after splitting the sentence on spaces",
            "copy out the word with exactly one word after it",
        ],
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
        training_phrasings=[
            "list the @-mentioned names, no @, comma-separated",
            "grab everyone who's tagged with an @ and give their names with commas, minus the @",
            "output each token starting with @ with that character removed, joined by a comma and a space",
            "collect the handles of the people mentioned, at sign dropped, separated by commas",
        ],
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
        training_phrasings=[
            "give the URL's path without the first slash",
            "grab the bit of the link that comes after the domain and its slash",
            "output the substring after the slash that ends the host, i.e. the path minus its leading /",
            "copy out the route of the web address, leaving off the protocol, the host and the first slash",
        ],
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
        training_phrasings=[
            "return the max number",
            "grab whichever number in the sentence is the biggest",
            "output the maximum value among the integers that occur in the text",
            "report the greatest figure mentioned in the sentence",
        ],
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
        training_phrasings=[
            f"give what the {what} enclose, {what} excluded",
            f"grab whatever's inside the {what}",
            f"output the substring enclosed by the opening {opening} and the closing {closing}, excluding both",
            f"copy the aside set off by {what}, leaving the {what} off",
        ],
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
        training_phrasings=[
            "print the antepenultimate word",
            "just grab the word sitting two before the last one for me",
            "output the token at index -3 after splitting the sentence on spaces",
            "copy out the word with exactly two words after it",
        ],
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
        training_phrasings=[
            "give the URL's protocol",
            "grab the http or https bit from the start of the link",
            "output the substring before :// in the URL",
            "name the transfer protocol of the link, such as http or https, without ://",
        ],
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
        training_phrasings=[
            "give the URL's TLD",
            "grab the ending of the site's domain, the bit after the last dot",
            "output the final dot-separated label of the host name, without the dot",
            "name the domain suffix, like net or io, that the host ends in",
        ],
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
        training_phrasings=[
            "give the scheme plus host of the URL",
            "chop the path off the link, and the slash after the domain too",
            "output the URL's scheme, followed by ://, followed by the host, with nothing after",
            "keep just the protocol and server name of the web address, such as https://www.example.com",
        ],
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
        training_phrasings=[
            "give the first path segment",
            "grab the first folder name in the link, after the host",
            "output the text between the slash following the host and the next slash",
            "name the topmost directory of the URL path",
        ],
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
        training_phrasings=[
            "give the final path segment",
            "grab the last chunk of the link, after the final slash",
            "output the text after the last / character of the URL",
            "name the deepest element of the URL path, the one with no slash after it",
        ],
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
        training_phrasings=[
            "list the hashtags, # included, comma-separated",
            "grab all the hashtags as they are, # and all, with commas between",
            "output each token starting with # unchanged, joined by a comma and a space",
            "collect every tag in the post in full, hash symbol kept, separated by commas",
        ],
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
        training_phrasings=[
            "give the first hashtag's word, no #",
            "grab the tag that shows up first in the post, without its #",
            "output the first token beginning with #, with the # removed",
            "name the topic of the hashtag nearest the start of the post, hash symbol dropped",
        ],
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
        training_phrasings=[
            "give the last hashtag's word, no #",
            "grab the tag that shows up last in the post, without its #",
            "output the final token beginning with #, with the # removed",
            "name the topic of the hashtag nearest the end of the post, hash symbol dropped",
        ],
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
        training_phrasings=[
            "drop the hashtags and keep the other words",
            "strip out all the #tags and give me the rest of the post",
            "output the space-joined tokens that do not start with #, in their original order",
            "delete every hashtag from the post and write the remaining words",
        ],
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
        training_phrasings=[
            "give the extension, dot included",
            "grab the last dot and everything after it in the file name",
            "output the suffix starting at the final period of the file name, period kept",
            "copy out the file's format ending with its leading dot, like .pdf",
        ],
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
        training_phrasings=[
            "give the double extension, no leading dot",
            "grab both extensions off the file name, without the dot in front",
            "output the file name with the stem and the first period removed",
            "copy out the compound suffix of the file, e.g. csv.gz, minus the initial dot",
        ],
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
        training_phrasings=[
            "give the path's last component",
            "grab just the file name, extension and all, from the path",
            "output the substring after the final / of the path",
            "drop every directory from the path and keep the file name",
        ],
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
        training_phrasings=[
            "cut the parenthetical out of the sentence",
            "get rid of the bit in round brackets and give me what's left",
            "output the sentence with the ( ... ) group and the space before it deleted",
            "rewrite the sentence leaving out both the round brackets and the words inside them",
        ],
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
        training_phrasings=[
            "return the min number",
            "grab whichever number in the sentence is the smallest",
            "output the minimum value among the integers that occur in the text",
            "report the lowest figure mentioned in the sentence",
        ],
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
        training_phrasings=[
            "return the middle-sized number",
            "sort the three numbers in your head and give me the one in the middle",
            "output the second value when the three integers in the text are sorted ascending",
            "report the number that has one of the others above it and one below it in size",
        ],
    ),
]
