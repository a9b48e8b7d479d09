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


def _country_task(name, subject, phrasings, key, value, metric="exact"):
    return spec(
        name,
        subject,
        phrasings,
        lambda x: _table(key, value)[x],
        pool=lambda: sorted(_table(key, value)),
        metric=metric,
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
    ),  # "+33" and "33" are the same code
]
