"""Number bases: decimal to and from binary, octal and hexadecimal; hex colours and RGB."""

from __future__ import annotations

import random

from hypernet.tasks.families._common import inflect_engine
from hypernet.tasks.spec import TaskSpec, spec

FAMILY = "bases"
TEMPLATES = (
    "Number base conversion: {p}.",
    "Programmer's calculator. {P} and show only the result.",
)
DECIMAL = "a whole number in decimal"

# Binary and hex answers are digit strings, not quantities: "numeric" would call "0101" = "101".
_FORMATS = {"binary": "b", "octal": "o", "hexadecimal": "x"}
_BASES = {"binary": 2, "octal": 8, "hexadecimal": 16}


def _decimal(lo: int, hi: int):
    return lambda rng: str(rng.randint(lo, hi))


def _in_base(base: str, lo: int, hi: int):
    return lambda rng: format(rng.randint(lo, hi), _FORMATS[base])


def _strict_digits(base: str):
    """Parse a number written in ``base``; rejects a decimal number where binary is expected."""
    return lambda x: str(int(x, _BASES[base]))


def _hex_color(rng: random.Random) -> str:
    return "#" + "".join(f"{rng.randrange(256):02x}" for _ in range(3))


def _rgb(rng: random.Random) -> str:
    return ", ".join(str(rng.randrange(256)) for _ in range(3))


def _rgb_to_hex(x: str) -> str:
    parts = [int(p) for p in x.split(", ")]
    if len(parts) != 3:
        raise ValueError(f"not an RGB triple: {x!r}")
    return "#" + "".join(f"{p:02x}" for p in parts)


def _hex_to_rgb(x: str) -> str:
    if not (x.startswith("#") and len(x) == 7):
        raise ValueError(f"not a hex colour: {x!r}")
    return ", ".join(str(int(x[i : i + 2], 16)) for i in (1, 3, 5))


SPECS = [
    spec(
        "to_binary",
        DECIMAL,
        [
            "convert the number to binary",
            "write the decimal number in base 2",
            "give the binary representation of the number, without leading zeros",
            "express the value using only the digits 0 and 1",
            "translate the number from base ten into base two",
        ],
        lambda x: format(int(x), "b"),
        training_phrasings=[
            "convert it to base 2",
            "show me how the number looks in binary, no leading zeros",
            "write the unsigned base-2 representation of the decimal integer, without padding",
            "rewrite the value as a string of bits",
        ],
        sample=_decimal(2, 127),  # below 128, so it never equals the padded byte
    ),
    spec(
        "from_binary",
        "a binary number",
        [
            "convert the binary number to decimal",
            "give the base-10 value of the binary digits",
            "read the number as base 2 and write it in ordinary decimal",
            "work out what the string of ones and zeros is worth as a normal number",
            "translate the number from base two into base ten",
        ],
        _strict_digits("binary"),
        training_phrasings=[
            "convert it from base 2 to decimal",
            "tell me what this binary number is in regular decimal",
            "parse the digits as an unsigned base-2 integer and output its decimal value",
            "evaluate the bit string as an ordinary number",
        ],
        sample=_in_base("binary", 2, 255),
        metric="numeric",
    ),
    spec(
        "to_hex",
        DECIMAL,
        [
            "convert the number to hexadecimal, in lower case",
            "write the decimal number in base 16",
            "give the hex representation of the number, without a 0x prefix",
            "express the value with the hex digits 0-9 and a-f",
            "translate the number from base ten into base sixteen",
        ],
        lambda x: format(int(x), "x"),
        training_phrasings=[
            "convert it to base 16 in lower case",
            "show me the number in hex, with lower-case letters and no 0x",
            "write the unsigned base-16 representation of the decimal integer, lower-case a-f, no prefix",
            "rewrite the value as hexadecimal digits, using small letters",
        ],
        sample=_decimal(16, 4095),
    ),
    spec(
        "from_hex",
        "a hexadecimal number",
        [
            "convert the hexadecimal number to decimal",
            "give the base-10 value of the hex digits",
            "read the number as base 16 and write it in ordinary decimal",
            "work out what the hex value is worth as a normal number",
            "translate the number from base sixteen into base ten",
        ],
        _strict_digits("hexadecimal"),
        training_phrasings=[
            "convert it from base 16 to decimal",
            "tell me what this hex number is in regular decimal",
            "parse the digits as an unsigned base-16 integer and output its decimal value",
            "evaluate the hex string as an ordinary number",
        ],
        sample=_in_base("hexadecimal", 16, 4095),
        metric="numeric",
    ),
    spec(
        "to_octal",
        DECIMAL,
        [
            "convert the number to octal",
            "write the decimal number in base 8",
            "give the octal representation of the number, without a prefix",
            "express the value with the digits 0 to 7 only, in base eight",
            "translate the number from base ten into base eight",
        ],
        lambda x: format(int(x), "o"),
        training_phrasings=[
            "convert it to base 8",
            "show me the number in octal, no prefix",
            "write the unsigned base-8 representation of the decimal integer, without leading zeros",
            "rewrite the value as octal digits",
        ],
        sample=_decimal(8, 511),
    ),
    spec(
        "from_octal",
        "an octal number",
        [
            "convert the octal number to decimal",
            "give the base-10 value of the octal digits",
            "read the number as base 8 and write it in ordinary decimal",
            "work out what the octal value is worth as a normal number",
            "translate the number from base eight into base ten",
        ],
        _strict_digits("octal"),
        training_phrasings=[
            "convert it from base 8 to decimal",
            "tell me what this octal number is in regular decimal",
            "parse the digits as an unsigned base-8 integer and output its decimal value",
            "evaluate the octal string as an ordinary number",
        ],
        sample=_in_base("octal", 8, 511),
        metric="numeric",
    ),
    spec(
        "to_binary_byte",
        "a whole number from 0 to 255",
        [
            "write the number as an 8-bit binary byte, padded with leading zeros",
            "convert the number to exactly eight binary digits",
            "give the byte in binary, zero-padded to 8 bits",
            "express the value as a full 8-bit binary string",
            "turn the number into binary and pad it on the left with zeros to eight digits",
        ],
        lambda x: format(int(x), "08b"),
        training_phrasings=[
            "write it as 8 bits",
            "show me the number as a byte, all eight bits including leading zeros",
            "output the integer in base 2 with width 8, left-padded with 0s",
            "represent the value as one octet of bits, zeros filling the front",
        ],
        sample=_decimal(0, 127),  # below 128, so the padding always shows
    ),
    spec(
        "hex_to_binary",
        "a hexadecimal number",
        [
            "convert the hexadecimal number to binary, without leading zeros",
            "rewrite the hex value in base 2",
            "turn the base-16 number into ones and zeros",
            "give the binary form of the hex number",
            "translate the number from hexadecimal straight into binary",
        ],
        lambda x: format(int(x, 16), "b"),
        training_phrasings=[
            "convert it from base 16 to base 2, no leading zeros",
            "show me the bits of this hex number, without leading zeros",
            "parse the digits as base 16 and output the value in base 2 without padding",
            "rewrite the hexadecimal value as a bit string with no leading zeros",
        ],
        sample=_in_base("hexadecimal", 16, 255),
    ),
    spec(
        "hex_color_to_rgb",
        "a hex colour code such as #ff8000",
        [
            "convert the hex colour to its red, green and blue values, separated by commas",
            "give the RGB components of the colour code as three decimal numbers",
            "split the hex colour into its three bytes and write them in decimal",
            "turn the #rrggbb code into r, g, b numbers from 0 to 255",
            "decode the web colour into its rgb triple",
        ],
        _hex_to_rgb,
        training_phrasings=[
            "give the r, g, b values of the hex colour, comma-separated",
            "break this colour code into its red, green and blue numbers, like 255, 128, 0",
            "parse each hex byte of the #rrggbb code as a 0-255 integer and list the three, separated by a comma and a space",
            "convert the colour code to its three channel intensities in decimal, separated by commas",
        ],
        sample=_hex_color,
        metric="strict",
    ),
    spec(
        "rgb_to_hex_color",
        "three comma-separated numbers from 0 to 255",
        [
            "convert the RGB values to a hex colour code like #ff8000",
            "write the red, green and blue numbers as a lower-case #rrggbb colour",
            "give the web colour code for these three colour components",
            "encode each component as two hex digits and join them after a #",
            "turn the rgb triple into its hexadecimal colour",
        ],
        _rgb_to_hex,
        training_phrasings=[
            "give the #rrggbb code for the r, g, b values",
            "make a lower-case hex colour like #ff8000 out of these red, green and blue numbers",
            "format each of the three 0-255 components as two lower-case hex digits and prefix the result with #",
            "pack the three channel intensities into a lower-case #rrggbb string",
        ],
        sample=_rgb,
        metric="strict",
    ),
]


def _digits(value: int, base: int) -> str:
    """``value`` (0 or more) written in ``base`` (2 to 10), without leading zeros."""
    if value < 0:
        raise ValueError(f"no digits for a negative number: {value}")
    out = ""
    while True:
        value, digit = divmod(value, base)
        out = str(digit) + out
        if not value:
            return out


def _to_base(n: int) -> TaskSpec:
    return spec(
        f"to_base_{n}",
        DECIMAL,
        [
            f"convert the number to base {n}",
            f"write the decimal number in base {n}",
            f"give the number's digits in base {n}, without leading zeros",
            f"express the value using only the digits 0 to {n - 1}",
            f"translate the number from base ten into base {inflect_engine().number_to_words(n)}",
        ],
        lambda x: _digits(int(x), n),
        training_phrasings=[
            f"convert it to base {n}",
            f"show me how the number is written in base {n}, no leading zeros",
            f"write the unsigned base-{n} representation of the decimal integer, without padding",
            f"rewrite the value as a base-{n} numeral",
        ],
        sample=_decimal(n, 999),
    )


def _from_base(n: int) -> TaskSpec:
    return spec(
        f"from_base_{n}",
        f"a number written in base {n}",
        [
            f"convert the base-{n} number to decimal",
            f"give the base-10 value of the base-{n} digits",
            f"read the number as base {n} and write it in ordinary decimal",
            f"work out what the base-{n} digits are worth as a normal number",
            f"translate the number from base {inflect_engine().number_to_words(n)} into base ten",
        ],
        lambda x: str(int(x, n)),
        training_phrasings=[
            f"convert it from base {n} to decimal",
            f"tell me what this base-{n} number is in regular decimal",
            f"parse the digits as an unsigned base-{n} integer and output its decimal value",
            f"evaluate the base-{n} numeral as an ordinary number",
        ],
        sample=lambda rng: _digits(rng.randint(n, 999), n),
        metric="numeric",
    )


# training-only siblings (``builtin_suite(extra=True)``): the bases between binary and decimal that the
# suite does not use
EXTRA_SPECS = [make(n) for n in (3, 4, 5, 6, 7, 9) for make in (_to_base, _from_base)]
