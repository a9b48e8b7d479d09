"""Calendar reasoning with names: centuries and decades of years, weekdays and months counted
forward, month lengths, seasons, leap years."""

from __future__ import annotations

import calendar as _cal
import datetime as dt
import random

from hypernet.tasks.families.dates import ISO, MONTHS
from hypernet.tasks.spec import spec

FAMILY = "calendar"
TEMPLATES = (
    "Calendar question: {p}.",
    "About days, months and years. {P}.",
)
YEAR = "a year"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Meteorological seasons of the northern hemisphere, by month.
SEASONS = ("winter", "winter", "spring", "spring", "spring", "summer", "summer", "summer",
           "autumn", "autumn", "autumn", "winter")  # fmt: skip


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _year(x: str) -> int:
    if not (x.isdigit() and len(x) == 4):
        raise ValueError(f"not a four-digit year: {x!r}")
    return int(x)


def _name_and_count(names: tuple[str, ...], x: str) -> tuple[int, int]:
    name, count = x.split(", ")
    return names.index(name), int(count)


def _next_leap(year: int) -> int:
    year += 1
    while not _cal.isleap(year):
        year += 1
    return year


def _month_year(rng: random.Random) -> str:
    # February half the time, so that leap years matter.
    month = 2 if rng.random() < 0.5 else rng.randint(1, 12)
    return f"{MONTHS[month - 1]} {rng.randint(1900, 2099)}"


def _days_in(x: str) -> str:
    month, year = x.split()
    return str(_cal.monthrange(int(year), MONTHS.index(month) + 1)[1])


SPECS = [
    spec(
        "century",
        YEAR,
        [
            "say which century the year is in, like 20th century",
            "give the century of the year as an ordinal followed by the word century",
            "name the century the year belongs to, counting 1901 to 2000 as the 20th",
            "tell me the ordinal century of this year",
            "work out in which numbered century the year falls",
        ],
        lambda x: f"{_ordinal((_year(x) - 1) // 100 + 1)} century",
        sample=lambda rng: str(rng.randint(1001, 2099)),
        training_phrasings=[
            "give the century as an ordinal, like 19th century",
            "figure out the century for this year and write it like 18th century",
            "compute floor((year - 1) / 100) + 1 and write it as an ordinal plus the word century",
            "state which century contains the year, e.g. 12th century, with 2000 counted in the 20th",
        ],
    ),
    spec(
        "decade",
        YEAR,
        [
            "say which decade the year is in, written like 1980s",
            "give the decade of the year, written as its first year followed by s",
            "round the year down to its decade and add an s",
            "name the decade the year belongs to, in the form 1990s",
            "tell me what decade this year is part of",
        ],
        lambda x: f"{_year(x) // 10 * 10}s",
        sample=lambda rng: str(rng.randint(1001, 2099)),
        training_phrasings=[
            "give the decade, like 1970s",
            "figure out the decade for this year and write it like 1960s",
            "floor the year to a multiple of ten and append the letter s",
            "state the ten-year span the year lies in, e.g. 1850s",
        ],
    ),
    spec(
        "weekday_after",
        "a weekday and a number of days, separated by a comma",
        [
            "say which weekday it is that many days after the given day",
            "count the number of days forward from the weekday and name the day you land on",
            "give the day of the week that comes the given number of days later",
            "add the days to the weekday and tell me the resulting day",
            "work out what day of the week it will be after that many days",
        ],
        lambda x: WEEKDAYS[sum(_name_and_count(WEEKDAYS, x)) % 7],
        sample=lambda rng: f"{rng.choice(WEEKDAYS)}, {rng.randint(1, 30)}",
        training_phrasings=[
            "name the weekday that many days later",
            "if today's the given weekday, say what day it'll be after the given number of days",
            "compute the weekday reached by advancing the number of days, modulo 7, from the given day",
            "move ahead the stated number of days from the named weekday and state the new day",
        ],
    ),
    spec(
        "month_after",
        "a month and a number of months, separated by a comma",
        [
            "say which month it is that many months after the given month",
            "count the number of months forward from the month and name the month you land on",
            "give the month that comes the given number of months later",
            "add the months to the month and tell me the resulting month",
            "work out what month it will be after that many months",
        ],
        lambda x: MONTHS[sum(_name_and_count(MONTHS, x)) % 12],
        sample=lambda rng: f"{rng.choice(MONTHS)}, {rng.randint(1, 24)}",
        training_phrasings=[
            "name the month that many months later",
            "if it's the given month now, say which month it'll be after the given number of months",
            "compute the month reached by advancing the number of months, modulo 12, from the given month",
            "move ahead the stated number of months from the named month and state the new month",
        ],
    ),
    spec(
        "days_in_month",
        "a month and a year, like February 2024",
        [
            "say how many days the month has in that year",
            "give the number of days in the month, minding leap years for February",
            "tell me the length of the month in days",
            "work out the last day number of that month",
            "count the days of the given month of the given year",
        ],
        _days_in,
        sample=_month_year,
        metric="numeric",
        training_phrasings=[
            "give the month's day count for that year",
            "figure out how many days that month has in the year given",
            "return the number of days in the month of that year, using the Gregorian leap-year rule for February",
            "state the month's length, remembering February gets 29 days in leap years",
        ],
    ),
    spec(
        "season",
        ISO,
        [
            "say which season the date falls in, in the northern hemisphere",
            "give the meteorological season of the date: winter, spring, summer or autumn",
            "name the season of the date, with December to February as winter",
            "tell me whether the date is in winter, spring, summer or autumn",
            "work out the northern season for the date, where March to May is spring",
        ],
        lambda x: SEASONS[dt.date.fromisoformat(x).month - 1],
        sample=lambda rng: (dt.date(1950, 1, 1) + dt.timedelta(days=rng.randint(0, 36524))).isoformat(),
        training_phrasings=[
            "give the northern-hemisphere season of the date",
            "figure out if the date's in winter, spring, summer or autumn up north",
            "map the date's month to its meteorological season for the northern hemisphere: Dec-Feb winter, Mar-May spring, Jun-Aug summer, Sep-Nov autumn",
            "state the time of year the date belongs to north of the equator, as winter, spring, summer or autumn",
        ],
    ),
    spec(
        "next_leap_year",
        YEAR,
        [
            "give the first leap year after the given year",
            "say which leap year comes next after this year",
            "find the next year that has a February 29, not counting the year itself",
            "tell me the following leap year",
            "work out the earliest leap year later than the given one",
        ],
        lambda x: str(_next_leap(_year(x))),
        sample=lambda rng: str(rng.randint(1890, 2199)),
        metric="numeric",
        training_phrasings=[
            "give the next leap year after this one",
            "figure out when the next leap year comes after the given year, not counting that year",
            "return the smallest year greater than the input that is a Gregorian leap year",
            "state the following year that has 366 days, excluding the given year itself",
        ],
    ),
]

# Ordinals in words for the centuries of years 1001 to 2099.
_CENTURY_WORDS = {11: "eleventh", 12: "twelfth", 13: "thirteenth", 14: "fourteenth",
                  15: "fifteenth", 16: "sixteenth", 17: "seventeenth", 18: "eighteenth",
                  19: "nineteenth", 20: "twentieth", 21: "twenty-first"}  # fmt: skip


def _century(x: str) -> int:
    return (_year(x) - 1) // 100 + 1


# training-only siblings (``builtin_suite(extra=True)``): century's count with another span
# (millennium) and its answer in other forms (a bare number, words), so that a held-out "which
# century" has neighbours that differ in the unit or in how the answer is written
EXTRA_SPECS = [
    spec(
        "millennium",
        YEAR,
        [
            "say which millennium the year is in, like 2nd millennium",
            "give the millennium of the year as an ordinal followed by the word millennium",
            "name the millennium the year belongs to, counting 1001 to 2000 as the 2nd",
            "tell me the ordinal millennium of this year",
            "work out in which numbered thousand-year period the year falls",
        ],
        lambda x: f"{_ordinal((_year(x) - 1) // 1000 + 1)} millennium",
        sample=lambda rng: str(rng.randint(1001, 9999)),
        training_phrasings=[
            "give the millennium as an ordinal, like 3rd millennium",
            "figure out the millennium for this year and write it like 2nd millennium",
            "compute floor((year - 1) / 1000) + 1 and write it as an ordinal plus the word millennium",
            "state which millennium contains the year, e.g. 5th millennium, with 2000 counted in the 2nd",
        ],
    ),
    spec(
        "century_number",
        YEAR,
        [
            "say which century the year is in, as a plain number like 20",
            "give the number of the century of the year, without a suffix or the word century",
            "name the century the year belongs to as a bare number, counting 1901 to 2000 as 20",
            "tell me the century of this year, digits only",
            "work out the number of the hundred-year period the year falls in",
        ],
        lambda x: str(_century(x)),
        sample=lambda rng: str(rng.randint(1001, 2099)),
        metric="numeric",
        training_phrasings=[
            "give the century as a bare number, like 19",
            "figure out the century for this year and just write the number, like 18",
            "compute floor((year - 1) / 100) + 1 and output only that integer",
            "state which century contains the year as digits alone, with 2000 counted as 20",
        ],
    ),
    spec(
        "century_in_words",
        YEAR,
        [
            "say which century the year is in, spelled out like twentieth century",
            "give the century of the year as an ordinal word followed by the word century",
            "name the century the year belongs to in words, counting 1901 to 2000 as the twentieth",
            "tell me the century of this year with the ordinal written out in letters",
            "write out in words which numbered century the year falls in",
        ],
        lambda x: f"{_CENTURY_WORDS[_century(x)]} century",
        sample=lambda rng: str(rng.randint(1001, 2099)),
        training_phrasings=[
            "give the century as a spelled-out ordinal, like nineteenth century",
            "figure out the century for this year and write it in letters, like eighteenth century",
            "compute floor((year - 1) / 100) + 1 and write it as an English ordinal word plus the word century",
            "state which century contains the year in words, e.g. twelfth century, with 2000 counted in the twentieth",
        ],
    ),
]
