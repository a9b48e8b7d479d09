"""Unit conversions with exact whole-number answers: lengths, masses, volumes, time, temperature,
money. Inputs carry their unit ("3 km"), answers too ("3000 m")."""

from __future__ import annotations

from collections.abc import Sequence

from hypernet.tasks.spec import TaskSpec, spec

FAMILY = "units"
TEMPLATES = (
    "Unit conversion: {p}.",
    "Convert the measurement. {P}, and include the unit in the answer.",
)


def _quantity(x: str, unit: str) -> int:
    """The number in "12 km"; rejects another unit, so no conversion answers another's inputs."""
    number, _, got = x.partition(" ")
    if got != unit:
        raise ValueError(f"expected a quantity in {unit}, got {x!r}")
    return int(number)


def _scale(
    name: str,
    src: str,
    dst: str,
    factor: int,
    phrasings: Sequence[str],
    *,
    divide: bool = False,
    hi: int = 199,
    training_phrasings: Sequence[str] = (),
) -> TaskSpec:
    """``src`` -> ``dst`` by multiplying by ``factor`` (or dividing, for inputs that are multiples)."""

    def solve(x: str) -> str:
        q = _quantity(x, src)
        return f"{q // factor if divide else q * factor} {dst}"

    def sample(rng) -> str:
        return f"{rng.randint(1, hi) * (factor if divide else 1)} {src}"

    return spec(name, f"a quantity in {src}", phrasings, solve, sample=sample,
                training_phrasings=training_phrasings)


def _c_to_f(x: str) -> str:
    return f"{_quantity(x, '°C') * 9 // 5 + 32} °F"


def _f_to_c(x: str) -> str:
    return f"{(_quantity(x, '°F') - 32) * 5 // 9} °C"


def _split(x: str, unit: str, big: int, names: tuple[str, str]) -> str:
    whole, rest = divmod(_quantity(x, unit), big)
    return f"{whole} {names[0]} {rest} {names[1]}"


def _cents_to_dollars(x: str) -> str:
    return f"${_quantity(x, 'cents') / 100:.2f}"


def _dollars_to_cents(x: str) -> str:
    if not x.startswith("$"):
        raise ValueError(f"not a dollar amount: {x!r}")
    dollars, cents = x[1:].split(".")
    return f"{int(dollars) * 100 + int(cents)} cents"


SPECS = [
    _scale("km_to_m", "km", "m", 1000, [
        "convert the distance from kilometres to metres",
        "turn the kilometers into meters",
        "express the length in m instead of km",
        "multiply by 1000 to change km to m",
        "rewrite the distance in metres, since one kilometre is a thousand metres",
    ], training_phrasings=[
        "change km to m",
        "give me those kilometers in meters",
        "output the kilometre value times 1000, followed by the unit m",
        "work out how many metres the kilometres amount to",
    ]),  # fmt: skip
    _scale("m_to_km", "m", "km", 1000, [
        "convert the distance from metres to kilometres",
        "turn the meters into kilometers",
        "express the length in km instead of m",
        "divide by 1000 to change m to km",
        "rewrite the distance in kilometres, a thousand metres to each",
    ], divide=True, training_phrasings=[
        "change m to km",
        "give me those meters in kilometers",
        "output the metre value divided by 1000, followed by the unit km",
        "work out how many kilometres the metres amount to",
    ]),  # fmt: skip
    _scale("m_to_cm", "m", "cm", 100, [
        "convert the length from metres to centimetres",
        "turn the meters into centimeters",
        "express the length in cm instead of m",
        "multiply by 100 to change m to cm",
        "rewrite the length in centimetres, a hundred to the metre",
    ], training_phrasings=[
        "change m to cm",
        "give me those meters in centimeters",
        "output the metre value times 100, followed by the unit cm",
        "work out how many centimetres the metres amount to",
    ]),  # fmt: skip
    _scale("cm_to_mm", "cm", "mm", 10, [
        "convert the length from centimetres to millimetres",
        "turn the centimeters into millimeters",
        "express the length in mm instead of cm",
        "multiply by 10 to change cm to mm",
        "rewrite the length in millimetres, ten to the centimetre",
    ], training_phrasings=[
        "change cm to mm",
        "give me those centimeters in millimeters",
        "output the centimetre value times 10, followed by the unit mm",
        "work out how many millimetres the centimetres amount to",
    ]),  # fmt: skip
    _scale("kg_to_g", "kg", "g", 1000, [
        "convert the mass from kilograms to grams",
        "turn the kilos into grams",
        "express the weight in g instead of kg",
        "multiply by 1000 to change kg to g",
        "rewrite the weight in grams, a thousand to the kilogram",
    ], training_phrasings=[
        "change kg to g",
        "give me those kilos in grams",
        "output the kilogram value times 1000, followed by the unit g",
        "work out how many grams the kilograms amount to",
    ]),  # fmt: skip
    _scale("g_to_kg", "g", "kg", 1000, [
        "convert the mass from grams to kilograms",
        "turn the grams into kilos",
        "express the weight in kg instead of g",
        "divide by 1000 to change g to kg",
        "rewrite the weight in kilograms, where a thousand grams make one",
    ], divide=True, training_phrasings=[
        "change g to kg",
        "give me those grams in kilos",
        "output the gram value divided by 1000, followed by the unit kg",
        "work out how many kilograms the grams amount to",
    ]),  # fmt: skip
    _scale("l_to_ml", "l", "ml", 1000, [
        "convert the volume from litres to millilitres",
        "turn the liters into milliliters",
        "express the volume in ml instead of l",
        "multiply by 1000 to change l to ml",
        "rewrite the amount of liquid in millilitres, a thousand to the litre",
    ], training_phrasings=[
        "change l to ml",
        "give me those liters in milliliters",
        "output the litre value times 1000, followed by the unit ml",
        "work out how many millilitres the litres amount to",
    ]),  # fmt: skip
    _scale("hours_to_minutes", "h", "min", 60, [
        "convert the hours to minutes",
        "turn the number of hours into minutes",
        "express the duration in min instead of h",
        "multiply by 60 to change hours to minutes",
        "rewrite the time span in minutes, sixty to the hour",
    ], training_phrasings=[
        "change h to min",
        "give me those hours in minutes",
        "output the hour value times 60, followed by the unit min",
        "work out how many minutes the hours amount to",
    ]),  # fmt: skip
    _scale("minutes_to_seconds", "min", "s", 60, [
        "convert the minutes to seconds",
        "turn the number of minutes into seconds",
        "express the duration in s instead of min",
        "multiply by 60 to change minutes to seconds",
        "rewrite the time span in seconds, sixty to the minute",
    ], training_phrasings=[
        "change min to s",
        "give me those minutes in seconds",
        "output the minute value times 60, followed by the unit s",
        "work out how many seconds the minutes amount to",
    ]),  # fmt: skip
    _scale("days_to_hours", "days", "h", 24, [
        "convert the days to hours",
        "turn the number of days into hours",
        "express the duration in hours instead of days",
        "multiply by 24 to change days to hours",
        "rewrite the time span in hours, twenty-four to the day",
    ], training_phrasings=[
        "change days to h",
        "give me those days in hours",
        "output the day count times 24, followed by the unit h",
        "work out how many hours the days amount to",
    ]),  # fmt: skip
    _scale("weeks_to_days", "weeks", "days", 7, [
        "convert the weeks to days",
        "turn the number of weeks into days",
        "express the duration in days instead of weeks",
        "multiply by 7 to change weeks to days",
        "rewrite the time span in days, seven to the week",
    ], training_phrasings=[
        "change weeks to days",
        "give me those weeks in days",
        "output the week count times 7, followed by the word days",
        "work out how many days the weeks amount to",
    ]),  # fmt: skip
    _scale("feet_to_inches", "ft", "in", 12, [
        "convert the feet to inches",
        "turn the length in feet into inches",
        "give the same length measured in inches",
        "multiply by 12 to change feet to inches",
        "rewrite the length in inches, twelve to the foot",
    ], training_phrasings=[
        "change ft to in",
        "give me those feet in inches",
        "output the foot value times 12, followed by the unit in",
        "work out how many inches the feet amount to",
    ]),  # fmt: skip
    _scale("yards_to_feet", "yd", "ft", 3, [
        "convert the yards to feet",
        "turn the length in yards into feet",
        "express the length in ft instead of yd",
        "multiply by 3 to change yards to feet",
        "rewrite the length in feet, three to the yard",
    ], training_phrasings=[
        "change yd to ft",
        "give me those yards in feet",
        "output the yard value times 3, followed by the unit ft",
        "work out how many feet the yards amount to",
    ]),  # fmt: skip
    _scale("dozens_to_items", "dozen", "items", 12, [
        "convert the dozens into a count of items",
        "say how many single items the dozens make",
        "express the amount as a number of items instead of dozens",
        "multiply by 12 to change dozens into items",
        "work out how many things there are, twelve to each dozen",
    ], training_phrasings=[
        "change dozens to items",
        "tell me how many pieces that many dozen comes to, as a number of items",
        "output the dozen count times 12, followed by the word items",
        "unpack the dozens into a total of items",
    ]),  # fmt: skip
    spec(
        "celsius_to_fahrenheit",
        "a temperature in degrees Celsius",
        [
            "convert the temperature from Celsius to Fahrenheit",
            "turn the degrees C into degrees F",
            "multiply by 9/5 and add 32 to get Fahrenheit",
            "express the temperature on the Fahrenheit scale",
            "rewrite the reading in °F, as an American thermometer would show it",
        ],
        _c_to_f,
        sample=lambda rng: f"{rng.randrange(-100, 501, 5)} °C",  # multiples of 5: whole answers
        metric="strict",  # the lenient "exact" score would forgive a lost minus sign
        training_phrasings=[
            "change °C to °F",
            "give me that temperature in Fahrenheit instead",
            "output the Celsius value times 9/5 plus 32, followed by the unit °F",
            "work out what the Celsius reading comes to in degrees Fahrenheit",
        ],
    ),
    spec(
        "fahrenheit_to_celsius",
        "a temperature in degrees Fahrenheit",
        [
            "convert the temperature from Fahrenheit to Celsius",
            "turn the degrees F into degrees C",
            "subtract 32 and multiply by 5/9 to get Celsius",
            "express the temperature on the Celsius scale",
            "rewrite the reading in °C, as a European thermometer would show it",
        ],
        _f_to_c,
        sample=lambda rng: f"{32 + 9 * rng.randint(-30, 90)} °F",  # whole Celsius answers
        metric="strict",
        training_phrasings=[
            "change °F to °C",
            "give me that temperature in Celsius instead",
            "output the Fahrenheit value minus 32, times 5/9, followed by the unit °C",
            "work out what the Fahrenheit reading comes to in degrees Celsius",
        ],
    ),
    spec(
        "seconds_to_minutes_seconds",
        "a number of seconds",
        [
            "split the seconds into whole minutes and remaining seconds",
            "convert the seconds to minutes and seconds, like 2 min 15 s",
            "say how many full minutes and leftover seconds the duration is",
            "express the time as min and s",
            "break the number of seconds down into minutes plus seconds",
        ],
        lambda x: _split(x, "s", 60, ("min", "s")),
        sample=lambda rng: f"{rng.randint(61, 3599)} s",
        training_phrasings=[
            "convert the seconds to min and s",
            "tell me how many whole minutes plus how many seconds that is, like 3 min 5 s",
            "output the seconds divided by 60 and rounded down, then min, then the remainder, then s",
            "regroup the duration into complete minutes with the leftover seconds, in the form X min Y s",
        ],
    ),
    spec(
        "inches_to_feet_inches",
        "a length in inches",
        [
            "split the inches into whole feet and remaining inches",
            "convert the inches to feet and inches, like 5 ft 7 in",
            "say how many full feet and leftover inches the length is",
            "express the length as ft and in",
            "break the number of inches down into feet plus inches",
        ],
        lambda x: _split(x, "in", 12, ("ft", "in")),
        sample=lambda rng: f"{rng.randint(13, 239)} in",
        training_phrasings=[
            "convert the inches to ft and in",
            "tell me how many whole feet plus how many inches that is, like 6 ft 2 in",
            "output the inches divided by 12 and rounded down, then ft, then the remainder, then in",
            "regroup the length into complete feet with the leftover inches, in the form X ft Y in",
        ],
    ),
    spec(
        "cents_to_dollars",
        "an amount in cents",
        [
            "convert the cents to dollars, written like $3.25",
            "turn the number of cents into a dollar amount with two decimals",
            "express the money in dollars and cents with a $ sign",
            "divide by 100 and write the result as dollars",
            "rewrite the sum as it would appear on a US price tag",
        ],
        _cents_to_dollars,
        sample=lambda rng: f"{rng.randint(101, 99999)} cents",
        training_phrasings=[
            "change cents to dollars, like $4.50",
            "give me that amount in dollars with a dollar sign and two decimals",
            "output $ followed by the cents divided by 100, formatted to two decimal places",
            "write the cent amount as a dollar figure with a $ and exactly two digits after the point, like $12.07",
        ],
    ),
    spec(
        "dollars_to_cents",
        "a dollar amount such as $3.25",
        [
            "convert the dollar amount to cents",
            "turn the dollars into a number of cents",
            "express the money in cents only",
            "multiply by 100 to change dollars into cents",
            "rewrite the price as a whole number of cents",
        ],
        _dollars_to_cents,
        sample=lambda rng: f"${rng.randint(1, 999)}.{rng.randint(0, 99):02d}",
        training_phrasings=[
            "change dollars to cents",
            "tell me how many cents that dollar amount is",
            "output the dollar value times 100 as an integer, followed by the word cents",
            "work out how many cents the price comes to, dropping the $ and the decimal point",
        ],
    ),
]


def _divide(
    name: str,
    src: str,
    dst: str,
    factor: int,
    phrasings: Sequence[str],
    hi: int = 199,
    training_phrasings: Sequence[str] = (),
) -> TaskSpec:
    """``src`` -> ``dst`` by dividing by ``factor``; refuses inputs that are not multiples of it."""

    def solve(x: str) -> str:
        whole, rest = divmod(_quantity(x, src), factor)
        if rest:
            raise ValueError(f"{x!r} is not a whole number of {dst}")
        return f"{whole} {dst}"

    return spec(name, f"a quantity in {src}", phrasings, solve,
                sample=lambda rng: f"{rng.randint(1, hi) * factor} {src}",
                training_phrasings=training_phrasings)


# training-only siblings (``builtin_suite(extra=True)``): other length conversions than m_to_cm and
# other time conversions than minutes_to_seconds (none a suite task), so the units named in the
# description are what changes the factor
EXTRA_SPECS = [
    _scale("m_to_mm", "m", "mm", 1000, [
        "convert the length from metres to millimetres",
        "turn the meters into millimeters",
        "express the length in mm instead of m",
        "multiply by 1000 to change m to mm",
        "rewrite the length in millimetres, a thousand to the metre",
    ], training_phrasings=[
        "change m to mm",
        "give me those meters in millimeters",
        "output the metre value times 1000, followed by the unit mm",
        "work out how many millimetres the metres amount to",
    ]),  # fmt: skip
    _scale("dm_to_cm", "dm", "cm", 10, [
        "convert the length from decimetres to centimetres",
        "turn the decimeters into centimeters",
        "express the length in cm instead of dm",
        "multiply by 10 to change dm to cm",
        "rewrite the length in centimetres, ten to the decimetre",
    ], training_phrasings=[
        "change dm to cm",
        "give me those decimeters in centimeters",
        "output the decimetre value times 10, followed by the unit cm",
        "work out how many centimetres the decimetres amount to",
    ]),  # fmt: skip
    _scale("km_to_cm", "km", "cm", 100_000, [
        "convert the distance from kilometres to centimetres",
        "turn the kilometers into centimeters",
        "express the distance in cm instead of km",
        "multiply by 100000 to change km to cm",
        "rewrite the distance in centimetres, a hundred thousand to the kilometre",
    ], training_phrasings=[
        "change km to cm",
        "give me those kilometers in centimeters",
        "output the kilometre value times 100000, followed by the unit cm",
        "work out how many centimetres the kilometres amount to",
    ]),  # fmt: skip
    _divide("cm_to_m", "cm", "m", 100, [
        "convert the length from centimetres to metres",
        "turn the centimeters into meters",
        "express the length in m instead of cm",
        "divide by 100 to change cm to m",
        "rewrite the length in metres, where a hundred centimetres make one",
    ], training_phrasings=[
        "change cm to m",
        "give me those centimeters in meters",
        "output the centimetre value divided by 100, followed by the unit m",
        "work out how many metres the centimetres amount to",
    ]),  # fmt: skip
    _scale("hours_to_seconds", "h", "s", 3600, [
        "convert the hours to seconds",
        "turn the number of hours into seconds",
        "express the duration in s instead of h",
        "multiply by 3600 to change hours to seconds",
        "rewrite the time span in seconds, 3600 to the hour",
    ], training_phrasings=[
        "change h to s",
        "give me those hours in seconds",
        "output the hour value times 3600, followed by the unit s",
        "work out how many seconds the hours amount to",
    ]),  # fmt: skip
    _scale("days_to_minutes", "days", "min", 1440, [
        "convert the days to minutes",
        "turn the number of days into minutes",
        "express the duration in min instead of days",
        "multiply by 1440 to change days to minutes",
        "rewrite the time span in minutes, 1440 to the day",
    ], training_phrasings=[
        "change days to min",
        "give me those days in minutes",
        "output the day count times 1440, followed by the unit min",
        "work out how many minutes the days amount to",
    ]),  # fmt: skip
    _scale("seconds_to_milliseconds", "s", "ms", 1000, [
        "convert the seconds to milliseconds",
        "turn the number of seconds into milliseconds",
        "express the duration in ms instead of s",
        "multiply by 1000 to change seconds to milliseconds",
        "rewrite the time span in milliseconds, a thousand to the second",
    ], training_phrasings=[
        "change s to ms",
        "give me those seconds in milliseconds",
        "output the second value times 1000, followed by the unit ms",
        "work out how many milliseconds the seconds amount to",
    ]),  # fmt: skip
    _divide("seconds_to_minutes", "s", "min", 60, [
        "convert the seconds to minutes",
        "turn the number of seconds into minutes",
        "express the duration in min instead of s",
        "divide by 60 to change seconds to minutes",
        "rewrite the time span in whole minutes, sixty seconds to each",
    ], training_phrasings=[
        "change s to min",
        "give me those seconds in minutes",
        "output the second value divided by 60, followed by the unit min",
        "work out how many minutes the seconds amount to",
    ]),  # fmt: skip
]
