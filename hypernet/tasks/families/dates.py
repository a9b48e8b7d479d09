"""Dates and times: format conversions (ISO, US, European, long forms), 12/24-hour clocks."""

from __future__ import annotations

import datetime as dt
import random

from hypernet.tasks.spec import TaskSpec, spec

FAMILY = "dates"
TEMPLATES = (
    "Date and time formatting: {p}.",
    "Calendar helper. {P}.",
)
ISO = "a date in ISO format (YYYY-MM-DD)"
# English month names written out: strftime's %B follows the process locale.
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")  # fmt: skip
_START, _DAYS = dt.date(1950, 1, 1), (dt.date(2049, 12, 31) - dt.date(1950, 1, 1)).days


def _date(rng: random.Random) -> dt.date:
    return _START + dt.timedelta(days=rng.randint(0, _DAYS))


def _iso(x: str) -> dt.date:
    return dt.date.fromisoformat(x)


def _long(d: dt.date) -> str:
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


def _parse_long(x: str) -> dt.date:
    month, day, year = x.replace(",", "").split()
    return dt.date(int(year), MONTHS.index(month) + 1, int(day))


def _time(rng: random.Random) -> dt.time:
    return dt.time(rng.randint(0, 23), rng.randrange(0, 60, 5))


def _twelve(t: dt.time) -> str:
    return f"{(t.hour % 12) or 12}:{t.minute:02d} {'AM' if t.hour < 12 else 'PM'}"


def _parse_twelve(x: str) -> str:
    clock, half = x.split()
    hour, minute = (int(p) for p in clock.split(":"))
    return f"{hour % 12 + (12 if half == 'PM' else 0):02d}:{minute:02d}"


def _sample_iso(rng: random.Random) -> str:
    return _date(rng).isoformat()


SPECS = [
    spec(
        "iso_to_us",
        ISO,
        [
            "convert the ISO date to US format MM/DD/YYYY",
            "rewrite the date the American way, month/day/year with slashes",
            "change YYYY-MM-DD into MM/DD/YYYY",
            "write the date as it is written in the United States, with two-digit month and day",
            "reformat the date so that the month comes first, then the day, then the year, separated by slashes",
        ],
        lambda x: f"{_iso(x):%m/%d/%Y}",
        sample=_sample_iso,
        metric="strict",
        training_phrasings=[
            "give the date as MM/DD/YYYY",
            "switch this ISO date over to the way Americans write it, like 03/05/2021",
            "output the date in the %m/%d/%Y pattern, zero-padded",
            "restyle the date in US slash notation, month before day, with leading zeros kept",
        ],
    ),
    spec(
        "us_to_iso",
        "a US date (MM/DD/YYYY)",
        [
            "convert the US date to ISO format YYYY-MM-DD",
            "rewrite the American month/day/year date as year-month-day with dashes",
            "change MM/DD/YYYY into YYYY-MM-DD",
            "write the date in ISO 8601 form",
            "reformat the date so the year comes first, then the month and the day, separated by dashes",
        ],
        lambda x: dt.datetime.strptime(x, "%m/%d/%Y").date().isoformat(),
        sample=lambda rng: f"{_date(rng):%m/%d/%Y}",
        metric="strict",
        training_phrasings=[
            "give the date as YYYY-MM-DD",
            "switch this American date over to ISO, like 2021-03-05",
            "parse the date as %m/%d/%Y and output it as %Y-%m-%d",
            "restyle the US slash date into the international standard notation with hyphens",
        ],
    ),
    spec(
        "iso_to_long",
        ISO,
        [
            "write the ISO date out in words like March 5, 2021",
            "convert the date to the long American form: month name, day, comma, year",
            "spell out the month of the date, as in January 9, 1999",
            "turn YYYY-MM-DD into 'Month D, YYYY'",
            "express the date the way it appears in a US letter, with the full month name",
        ],
        lambda x: _long(_iso(x)),
        sample=_sample_iso,
        training_phrasings=[
            "give the date in long form like July 4, 1976",
            "spell this date out the American way, like December 25, 2010",
            "format the date as the full English month name, the day without a leading zero, a comma and the four-digit year",
            "render the date in words, month first, as in August 15, 1990",
        ],
    ),
    spec(
        "long_to_iso",
        "a date such as March 5, 2021",
        [
            "convert the written-out date to ISO format YYYY-MM-DD",
            "turn 'Month D, YYYY' into YYYY-MM-DD",
            "write the date in numeric ISO form with dashes",
            "change the long-form date into an ISO 8601 date",
            "give the machine-readable year-month-day version of the date",
        ],
        lambda x: _parse_long(x).isoformat(),
        sample=lambda rng: _long(_date(rng)),
        metric="strict",
        training_phrasings=[
            "give the ISO form of the written date",
            "turn this spelled-out date into numbers, like 2021-03-05",
            "parse the month name, day and year and output them as four-digit year, two-digit month and two-digit day joined by hyphens",
            "recode the worded date into digits the ISO way, so March 5, 2021 becomes 2021-03-05",
        ],
    ),
    spec(
        "iso_to_dotted",
        ISO,
        [
            "convert the ISO date to the European dotted format DD.MM.YYYY",
            "rewrite the date as day.month.year with dots",
            "change YYYY-MM-DD into DD.MM.YYYY",
            "write the date the German way, with two-digit day and month separated by dots",
            "reformat the date so the day comes first and the parts are joined by full stops",
        ],
        lambda x: f"{_iso(x):%d.%m.%Y}",
        sample=_sample_iso,
        metric="strict",
        training_phrasings=[
            "give the date as DD.MM.YYYY",
            "switch this date to the European style with dots, like 05.03.2021",
            "output the date in the %d.%m.%Y pattern, zero-padded",
            "restyle the date as day, month and year separated by periods, keeping leading zeros",
        ],
    ),
    spec(
        "iso_to_british",
        ISO,
        [
            "write the ISO date out in British style like 5 March 2021",
            "convert the date to day, full month name, year",
            "spell out the date with the day first and the month as a word",
            "turn YYYY-MM-DD into 'D Month YYYY'",
            "express the date the way it appears in a UK letter, with no comma",
        ],
        lambda x: f"{_iso(x).day} {MONTHS[_iso(x).month - 1]} {_iso(x).year}",
        sample=_sample_iso,
        training_phrasings=[
            "give the date in British long form, like 4 July 1976",
            "spell this date out the UK way, like 25 December 2010",
            "format the date as the day without a leading zero, a space, the full English month name, a space and the four-digit year",
            "render the date in words, day before month, as in 15 August 1990",
        ],
    ),
    spec(
        "month_name",
        ISO,
        [
            "give the name of the month of the date",
            "say which month the date falls in, as a word",
            "extract the month and write its English name",
            "return the month of the ISO date spelled out",
            "tell me what month it is on that date",
        ],
        lambda x: MONTHS[_iso(x).month - 1],
        sample=_sample_iso,
        training_phrasings=[
            "name the month",
            "figure out which month this is and write its full name",
            "output the full English name of the date's MM field",
            "identify the calendar month of the date by its full name, like February",
        ],
    ),
    spec(
        "quarter",
        ISO,
        [
            "give the quarter of the year the date is in, as Q1 to Q4",
            "say which calendar quarter the date belongs to",
            "work out the quarter (Q1, Q2, Q3 or Q4) of the date",
            "return the fiscal-style quarter label of the date, with January to March as Q1",
            "tell me in which three-month quarter the date falls",
        ],
        lambda x: f"Q{(_iso(x).month - 1) // 3 + 1}",
        sample=_sample_iso,
        training_phrasings=[
            "name the quarter, like Q2",
            "figure out which quarter of the year this date is in, written like Q3",
            "output Q followed by the quarter number, where months 1-3 are Q1, 4-6 Q2, 7-9 Q3 and 10-12 Q4",
            "classify the date into one of the four quarters of its year and answer Q1, Q2, Q3 or Q4",
        ],
    ),
    spec(
        "time_24_to_12",
        "a 24-hour time (HH:MM)",
        [
            "convert the 24-hour time to 12-hour format with AM or PM",
            "rewrite the time using a 12-hour clock",
            "change military time into am/pm time, like 2:30 PM",
            "give the same time on a twelve-hour clock",
            "say the time the American way, with AM or PM after it",
        ],
        lambda x: _twelve(dt.time.fromisoformat(x)),
        sample=lambda rng: f"{_time(rng):%H:%M}",
        metric="strict",
        training_phrasings=[
            "give the time in 12-hour form",
            "switch this time to AM/PM, like 7:05 PM",
            "format the time as the hour 1-12 without a leading zero, a colon, two-digit minutes, a space and AM or PM",
            "restate the time in civilian clock notation with an AM or PM suffix, e.g. 00:15 becomes 12:15 AM",
        ],
    ),
    spec(
        "time_12_to_24",
        "a 12-hour time with AM or PM",
        [
            "convert the 12-hour time to 24-hour format HH:MM",
            "rewrite the time using a 24-hour clock",
            "change the am/pm time into military time",
            "give the same time on a twenty-four-hour clock, with two-digit hours",
            "say the time the European way, without AM or PM",
        ],
        _parse_twelve,
        sample=lambda rng: _twelve(_time(rng)),
        metric="strict",
        training_phrasings=[
            "give the time in 24-hour form",
            "switch this AM/PM time to 24-hour, like 19:05",
            "format the time as zero-padded two-digit hours 00-23, a colon and two-digit minutes",
            "drop the AM/PM marker and express the hour on a 00-23 scale, so 12:15 AM becomes 00:15",
        ],
    ),
    spec(
        "minutes_to_hours",
        "a number of minutes",
        [
            "convert the minutes into hours and minutes, like 2h 15m",
            "express the duration as hours plus remaining minutes, in the form Xh Ym",
            "split the minutes into whole hours and leftover minutes",
            "rewrite the number of minutes as an h/m duration",
            "tell me how many hours and minutes that many minutes make, written as 1h 5m",
        ],
        lambda x: f"{int(x) // 60}h {int(x) % 60}m",
        sample=lambda rng: str(rng.randint(61, 1439)),
        metric="strict",
        training_phrasings=[
            "write the minutes as hours and minutes, e.g. 3h 20m",
            "turn this pile of minutes into hours and minutes, written like 4h 0m",
            "output the integer quotient by 60 followed by h, a space, then the remainder followed by m",
            "express the minute total as a duration of whole hours then minutes, formatted like 5h 45m",
        ],
    ),
    spec(
        "next_day",
        ISO,
        [
            "give the date of the following day in ISO format",
            "add one day to the date",
            "say what the date is tomorrow, relative to this one, as YYYY-MM-DD",
            "return the day after the given date",
            "move the date forward by a single day, keeping the ISO format",
        ],
        lambda x: (_iso(x) + dt.timedelta(days=1)).isoformat(),
        sample=_sample_iso,
        metric="strict",
        training_phrasings=[
            "give the next day's date as YYYY-MM-DD",
            "figure out what the date is one day later, in ISO form",
            "increment the ISO date by one day, rolling over months and years as needed",
            "find the date that comes right after this one, written YYYY-MM-DD",
        ],
    ),
]


def _compact_to_iso(x: str) -> str:
    if not (len(x) == 8 and x.isdigit()):
        raise ValueError(f"not a YYYYMMDD date: {x!r}")
    return dt.date(int(x[:4]), int(x[4:6]), int(x[6:])).isoformat()


def _clock(x: str) -> dt.time:
    """ "HH:MM" only (fromisoformat would also take "HH:MM:SS")."""
    if len(x) != 5:
        raise ValueError(f"not an HH:MM time: {x!r}")
    return dt.time.fromisoformat(x)


# Added when the suite grew past 300 tasks (issue 4). No ISO -> YYYYMMDD: naming.slugify's rule.
SPECS += [
    spec(
        "previous_day",
        ISO,
        [
            "give the date of the day before in ISO format",
            "subtract one day from the date",
            "say what the date was yesterday, relative to this one, as YYYY-MM-DD",
            "return the day preceding the given date",
            "move the date back by a single day, keeping the ISO format",
        ],
        lambda x: (_iso(x) - dt.timedelta(days=1)).isoformat(),
        sample=_sample_iso,
        metric="strict",
        training_phrasings=[
            "give the previous day's date as YYYY-MM-DD",
            "figure out what the date was one day earlier, in ISO form",
            "decrement the ISO date by one day, rolling back across months and years as needed",
            "find the date that comes right before this one, written YYYY-MM-DD",
        ],
    ),
    spec(
        "add_one_week",
        ISO,
        [
            "give the date one week later in ISO format",
            "add seven days to the date",
            "say what the date is a week after this one, as YYYY-MM-DD",
            "return the same weekday of the following week",
            "move the date forward by 7 days, keeping the ISO format",
        ],
        lambda x: (_iso(x) + dt.timedelta(days=7)).isoformat(),
        sample=_sample_iso,
        metric="strict",
        training_phrasings=[
            "add a week to the date",
            "figure out what the date will be seven days from this one, in ISO form",
            "increment the ISO date by 7 days, rolling over months and years as needed",
            "find the date exactly one week ahead, written YYYY-MM-DD",
        ],
    ),
    spec(
        "day_of_month",
        ISO,
        [
            "give the day of the month as a number without a leading zero",
            "return which day of its month the date is",
            "extract the day number from the date, like 5 for the fifth",
            "say the day part of the ISO date as a plain number",
            "tell me the date's day within the month",
        ],
        lambda x: str(_iso(x).day),
        sample=_sample_iso,
        metric="numeric",
        training_phrasings=[
            "give the day number",
            "just tell me which day of the month it is, like 9 rather than 09",
            "output the DD part of the date as an integer, dropping any leading zero",
            "identify the calendar day within the month, e.g. 2021-03-05 gives 5",
        ],
    ),
    spec(
        "compact_to_iso",
        "a date written as eight digits (YYYYMMDD)",
        [
            "convert the YYYYMMDD date to ISO format YYYY-MM-DD",
            "insert dashes after the year and after the month",
            "rewrite the eight-digit date in extended ISO form with hyphens",
            "split the digits into year, month and day, joined by dashes",
            "turn the compact date into the usual ISO date",
        ],
        _compact_to_iso,
        sample=lambda rng: _date(rng).strftime("%Y%m%d"),
        metric="strict",
        training_phrasings=[
            "hyphenate the compact date as YYYY-MM-DD",
            "put the hyphens into this eight-digit date, like 20210305 becomes 2021-03-05",
            "parse the digits as %Y%m%d and output %Y-%m-%d",
            "write out the packed date in dashed ISO notation",
        ],
    ),
    spec(
        "iso_to_month_year",
        ISO,
        [
            "write the month and year of the date, like March 2021",
            "give the month name followed by the year",
            "drop the day and write the rest of the date in words",
            "say which month of which year the date is in",
            "turn the ISO date into month name and year only",
        ],
        lambda x: f"{MONTHS[_iso(x).month - 1]} {_iso(x).year}",
        sample=_sample_iso,
        training_phrasings=[
            "give just the month name and year",
            "tell me the month and year of this date, like June 1987",
            "format the date as the full English month name, a space and the four-digit year, omitting the day",
            "leave out the day and render the date as month plus year, e.g. October 2003",
        ],
    ),
    spec(
        "time_to_minutes",
        "a 24-hour time (HH:MM)",
        [
            "convert the time to the number of minutes since midnight",
            "say how many minutes after 00:00 the time is",
            "give the time of day as a count of minutes",
            "multiply the hours by 60 and add the minutes",
            "work out how many minutes have passed since the day began",
        ],
        lambda x: str(_clock(x).hour * 60 + _clock(x).minute),
        sample=lambda rng: f"{_time(rng):%H:%M}",
        metric="numeric",
        training_phrasings=[
            "give the minutes since midnight",
            "figure out how many minutes into the day this time is",
            "return hour*60 + minute for the HH:MM time",
            "turn the clock reading into a single minute total counted from midnight, so 01:30 gives 90",
        ],
    ),
    spec(
        "add_one_hour",
        "a 24-hour time (HH:MM)",
        [
            "add one hour to the time, in 24-hour format",
            "give the time an hour later, wrapping past midnight",
            "move the clock forward by 60 minutes and write HH:MM",
            "say what time it will be in one hour",
            "shift the 24-hour time on by a single hour",
        ],
        lambda x: f"{(_clock(x).hour + 1) % 24:02d}:{_clock(x).minute:02d}",
        sample=lambda rng: f"{_time(rng):%H:%M}",
        metric="strict",
        training_phrasings=[
            "advance the clock one hour",
            "figure out the time one hour later, so 23:30 becomes 00:30",
            "increment the hour of the 24-hour time by one modulo 24, keeping the minutes and the zero-padded HH:MM format",
            "report the 24-hour time that comes one hour after this one",
        ],
    ),
]

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _shift(
    name: str, days: int, phrasings: list[str], training_phrasings: list[str] | tuple[str, ...] = ()
) -> TaskSpec:
    """The ISO date moved by ``days`` (back if negative)."""
    return spec(
        name,
        ISO,
        phrasings,
        lambda x: (_iso(x) + dt.timedelta(days=days)).isoformat(),
        sample=_sample_iso,
        metric="strict",
        training_phrasings=training_phrasings,
    )


# training-only siblings (``builtin_suite(extra=True)``): other shifts than add_one_week's 7 days,
# and other parts of the date named than month_name's month, so the number or part in the
# description is what changes the task
EXTRA_SPECS = [
    _shift("add_three_days", 3, [
        "give the date three days later in ISO format",
        "add 3 days to the date",
        "say what the date is three days after this one, as YYYY-MM-DD",
        "move the date forward by 3 days, keeping the ISO format",
        "jump 3 days ahead of the given date and write the new ISO date",
    ], training_phrasings=[
        "add three days to the date",
        "figure out the date three days from this one, in ISO form",
        "increment the ISO date by 3 days, rolling over months and years as needed",
        "find the date three days on from this one, written YYYY-MM-DD",
    ]),  # fmt: skip
    _shift("add_ten_days", 10, [
        "give the date ten days later in ISO format",
        "add 10 days to the date",
        "say what the date is ten days after this one, as YYYY-MM-DD",
        "move the date forward by 10 days, keeping the ISO format",
        "count ten days on from the given date and write the day you reach",
    ], training_phrasings=[
        "add ten days to the date",
        "figure out the date ten days from this one, in ISO form",
        "increment the ISO date by 10 days, rolling over months and years as needed",
        "find the date that falls ten days after this one, written YYYY-MM-DD",
    ]),  # fmt: skip
    _shift("add_two_weeks", 14, [
        "give the date two weeks later in ISO format",
        "add fourteen days to the date",
        "say what the date is a fortnight after this one, as YYYY-MM-DD",
        "return the same weekday two weeks on",
        "move the date forward by 14 days, keeping the ISO format",
    ], training_phrasings=[
        "add two weeks to the date",
        "figure out the date a fortnight from this one, in ISO form",
        "increment the ISO date by 14 days, rolling over months and years as needed",
        "find the date exactly two weeks ahead, written YYYY-MM-DD",
    ]),  # fmt: skip
    _shift("subtract_one_week", -7, [
        "give the date one week earlier in ISO format",
        "subtract seven days from the date",
        "say what the date was a week before this one, as YYYY-MM-DD",
        "return the same weekday of the previous week",
        "move the date back by 7 days, keeping the ISO format",
    ], training_phrasings=[
        "take a week off the date",
        "figure out what the date was seven days before this one, in ISO form",
        "decrement the ISO date by 7 days, rolling back across months and years as needed",
        "find the date exactly one week back, written YYYY-MM-DD",
    ]),  # fmt: skip
    spec(
        "month_abbreviation",
        ISO,
        [
            "give the three-letter abbreviation of the month of the date, like Jan or Sep",
            "say which month the date falls in, abbreviated to three letters",
            "extract the month and write its short English name",
            "return the month of the ISO date as Jan, Feb, Mar and so on",
            "tell me the month of that date in its short three-letter form",
        ],
        lambda x: MONTHS[_iso(x).month - 1][:3],
        sample=_sample_iso,
        training_phrasings=[
            "give the month's short name, like Oct",
            "figure out the month and just give its first three letters, like Aug",
            "output the first three letters of the full English month name, capitalised, e.g. Sep for September",
            "name the date's month in abbreviated form, as in Feb or Nov",
        ],
    ),
    spec(
        "weekday_name",
        ISO,
        [
            "give the name of the day of the week of the date",
            "say which weekday the date falls on, as a word",
            "work out the day of the week for the ISO date, like Monday",
            "return the weekday name of the date",
            "tell me what day of the week it is on that date",
        ],
        lambda x: _WEEKDAYS[_iso(x).weekday()],
        sample=_sample_iso,
        training_phrasings=[
            "name the weekday",
            "figure out what day of the week this date was or will be, like Thursday",
            "output the full English weekday name (Monday to Sunday) for the ISO date",
            "identify which day of the week the calendar date lands on, spelled out in full",
        ],
    ),
    spec(
        "month_number",
        ISO,
        [
            "give the month of the date as a number from 1 to 12, without a leading zero",
            "say which month the date falls in, as its number",
            "extract the month number from the date, like 3 for March",
            "return the month part of the ISO date as a plain number",
            "tell me the number of the month that date is in",
        ],
        lambda x: str(_iso(x).month),
        sample=_sample_iso,
        metric="numeric",
        training_phrasings=[
            "give the month as a number",
            "figure out which month number this date is in, like 11 for November",
            "output the MM field of the ISO date as an integer, dropping any leading zero",
            "identify the date's month by its position in the year, 1 for January through 12 for December",
        ],
    ),
    spec(
        "next_month_name",
        ISO,
        [
            "give the name of the month after the month of the date",
            "say which month follows the one the date falls in, as a word",
            "extract the month and write the English name of the month that comes next",
            "return the name of the following month, with January after December",
            "tell me what month comes after the month of that date",
        ],
        lambda x: MONTHS[_iso(x).month % 12],
        sample=_sample_iso,
        training_phrasings=[
            "name the month after the date's month",
            "figure out which month comes next after this date's month, and spell it out",
            "output the full English name of month (MM mod 12) + 1, so December wraps to January",
            "identify the month that follows the date's month, written in full, e.g. May for an April date",
        ],
    ),
]
