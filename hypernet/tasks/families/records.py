"""One-line data records: "name=Ann; age=31; city=Oslo", "Ann|31|Oslo", "apples=3; pens=17" or
"Ann (31), Bob (45)". Read one field, list or reorder the keys, edit a field, convert the format."""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Sequence
from functools import lru_cache

from hypernet.tasks import sources
from hypernet.tasks.families._common import person, yes_no
from hypernet.tasks.spec import Sampler, TaskSpec, spec

FAMILY = "records"
TEMPLATES = (
    "Record handling: {p}.",
    "Every input is one data record. {P}, and print nothing else.",
)
RECORD = "a record of key=value fields separated by semicolons"
COUNTS = "a record of item counts such as pens=3; cups=5"
PIPED = "a name|age|city record"
PEOPLE = "a list of people with their ages in brackets"

_KEYS = ("name", "age", "city", "color", "id", "score", "year", "pet")
_TEXT_KEYS = ("name", "city", "color", "pet")
_COLORS = ("red", "blue", "green", "black", "white", "yellow", "purple", "orange", "grey", "pink")
_PETS = ("cat", "dog", "fish", "bird", "horse", "rabbit", "hamster", "turtle")
_ITEMS = (
    "apples", "pears", "plums", "eggs", "cups", "pens", "books", "bags", "coins", "keys", "hats",
    "socks", "spoons", "chairs",
)  # fmt: skip


@lru_cache(maxsize=1)
def _cities() -> tuple[str, ...]:
    return tuple(sorted({c.capital for c in sources.countries() if c.capital.isalpha()}))


def _value(rng: random.Random, key: str) -> str:
    if key == "name":
        return person(rng)[0]
    if key == "city":
        return rng.choice(_cities())
    if key == "color":
        return rng.choice(_COLORS)
    if key == "pet":
        return rng.choice(_PETS)
    lo, hi = {"age": (18, 90), "id": (1, 999), "score": (0, 100), "year": (1950, 2024)}[key]
    return str(rng.randint(lo, hi))


Fields = list[tuple[str, str]]


def _fields(rng: random.Random, must: tuple[str, ...] = (), lo: int = 3, hi: int = 4) -> Fields:
    """``lo``..``hi`` person fields in random order, always including ``must``."""
    others = [k for k in _KEYS if k not in must]
    keys = list(must) + rng.sample(others, rng.randint(lo, hi) - len(must))
    rng.shuffle(keys)
    return [(k, _value(rng, k)) for k in keys]


def show(fields: Fields) -> str:
    return "; ".join(f"{k}={v}" for k, v in fields)


def parse(x: str) -> Fields:
    """The fields of "name=Ann; age=31"; anything else is not this family's record."""
    out: Fields = []
    for part in x.split("; "):
        key, eq, value = part.partition("=")
        if not (eq and key.isalpha() and key.islower()):
            raise ValueError(f"not a key=value record: {x!r}")
        out.append((key, value))
    return out


def _record(
    must: tuple[str, ...] = (),
    lo: int = 3,
    hi: int = 4,
    test: Callable[[Fields], bool] = lambda fields: True,
) -> Sampler:
    """A sampler of records with the keys ``must`` whose fields pass ``test``."""

    def sample(rng: random.Random) -> str:
        while not test(fields := _fields(rng, must, lo, hi)):
            pass
        return show(fields)

    return sample


def _get(key: str) -> Callable[[str], str]:
    return lambda x: dict(parse(x))[key]


def _edit(edit: Callable[[Fields], Fields], needs: str) -> Callable[[str], str]:
    """A solver that rewrites the fields; refuses records without the key it is about."""

    def solve(x: str) -> str:
        fields = parse(x)
        if needs not in dict(fields):
            raise ValueError(f"no {needs} field: {x!r}")
        return show(edit(fields))

    return solve


def _counts(rng: random.Random, lo: int, hi: int) -> str:
    items = rng.sample(_ITEMS, rng.randint(lo, hi))
    return show([(item, str(n)) for item, n in zip(items, rng.sample(range(1, 60), len(items)))])


def _numbers(x: str) -> list[tuple[str, int]]:
    """The fields of an all-numeric record (item counts)."""
    return [(k, int(v)) for k, v in parse(x)]


def _piped(rng: random.Random) -> str:
    return f"{person(rng)[0]}|{rng.randint(18, 90)}|{rng.choice(_cities())}"


def _pipe_parts(x: str) -> tuple[str, str, str]:
    name, age, city = x.split("|")
    if not age.isdigit():
        raise ValueError(f"not a name|age|city record: {x!r}")
    return name, age, city


def _people(rng: random.Random) -> str:
    n = rng.randint(3, 4)
    names = rng.sample(sources.first_names(), n)
    return ", ".join(f"{name} ({age})" for name, age in zip(names, rng.sample(range(5, 90), n)))


def _youngest(x: str) -> str:
    people = [part.rsplit(" (", 1) for part in x.split(", ")]
    return min(people, key=lambda p: int(p[1].rstrip(")")))[0]


def _adult_record(rng: random.Random) -> str:
    # Half adults, half under 18, so a constant answer scores 50 %.
    fields = _fields(rng, ("name", "age"))
    adult = rng.random() < 0.5
    age = rng.randint(18, 40) if adult else rng.randint(5, 17)
    return show([(k, str(age) if k == "age" else v) for k, v in fields])


def _blank_one(rng: random.Random) -> str:
    fields = _fields(rng)
    blank = rng.randrange(len(fields))
    return show([(k, "" if i == blank else v) for i, (k, v) in enumerate(fields)])


def _empty_key(x: str) -> str:
    (key,) = [k for k, v in parse(x) if not v]
    return key


def _numeric_keys(x: str) -> str:
    return ", ".join(k for k, v in parse(x) if v.isdigit())


def _mixed(fields: Fields) -> bool:
    """Some values numbers, some words."""
    return len({v.isdigit() for _, v in fields}) == 2


def _unsorted(fields: Fields) -> bool:
    keys = [k for k, _ in fields]
    return keys != sorted(keys)


def _has_text(fields: Fields) -> bool:
    return any(k in _TEXT_KEYS for k, _ in fields)


def _task(
    name: str,
    phrasings: list[str],
    solve: Callable[[str], str],
    sample: Sampler,
    metric: str = "exact",
    subject: str = RECORD,
    training_phrasings: Sequence[str] = (),
) -> TaskSpec:
    return spec(name, subject, phrasings, solve, sample=sample, metric=metric,
                training_phrasings=training_phrasings)


SPECS = [
    _task("get_name", [
        "give the value of the name field",
        "return the name stored in the record",
        "read off whatever comes after name=",
        "extract the person's name from the record",
        "tell me which name this record holds",
    ], _get("name"), _record(("name",), 2, 5), training_phrasings=[
        "give the name value",
        "just read me the name from the record",
        "output the value paired with the key name",
        "look up the name field and write what it contains",
    ]),  # fmt: skip
    _task("get_city", [
        "give the value of the city field",
        "return the city stored in the record",
        "read off whatever comes after city=",
        "extract the city from the semicolon-separated record",
        "tell me which town the record lists under city",
    ], _get("city"), _record(("city",), 2, 5), training_phrasings=[
        "give the city value",
        "just read me the city from the record",
        "output the value paired with the key city",
        "look up the city field and write what it contains",
    ]),  # fmt: skip
    _task("list_keys", [
        "list the keys of the record in order, separated by commas",
        "give the field names without their values",
        "write only the key of each field, comma-separated, as they appear",
        "return the names of the record's fields in their original order",
        "tell me what fields the record has, leaving out the values",
    ], lambda x: ", ".join(k for k, _ in parse(x)), _record(), training_phrasings=[
        "list the field names, comma-separated",
        "just give me the keys in order with commas between, no values",
        "output the text before each = sign, in record order, joined by a comma and a space",
        "write out what each entry is called, in sequence, separated by commas, without the data",
    ]),  # fmt: skip
    _task("key_of_largest", [
        "give the key whose value is the largest number",
        "return the item with the highest count",
        "name the field holding the biggest value",
        "find which key has the maximum value and write that key",
        "tell me what there is the most of in the record",
    ], lambda x: max(_numbers(x), key=lambda kv: kv[1])[0], lambda rng: _counts(rng, 3, 5),
       subject=COUNTS, training_phrasings=[
           "give the key of the biggest count",
           "just name the item whose number is biggest",
           "output the key paired with the maximum numeric value",
           "identify the item with the top count and write only its name",
       ]),  # fmt: skip
    _task("sum_of_counts", [
        "add up all the numbers in the record",
        "give the total of the counts",
        "return the sum of every field's value",
        "work out how many items there are altogether",
        "tell me the grand total once all the counted things are combined",
    ], lambda x: str(sum(n for _, n in _numbers(x))), lambda rng: _counts(rng, 2, 4), "numeric",
       COUNTS, training_phrasings=[
           "total the counts",
           "just add the numbers up and give me the sum",
           "output the sum of the integer values of all fields",
           "combine every count in the record into a single total",
       ]),  # fmt: skip
    _task("rename_city_to_town", [
        "rename the key city to town and keep everything else",
        "change the field name city into town, leaving its value and the other fields alone",
        "write the record again with town= in place of city=",
        "replace the key city with the key town",
        "give the same record but call the city field town instead",
    ], _edit(lambda f: [("town" if k == "city" else k, v) for k, v in f], "city"),
       _record(("city",)), "strict", training_phrasings=[
           "rename city to town",
           "swap the key city for town and leave the rest of the record as is",
           "output the record with the key city replaced by town, values and field order unchanged",
           "relabel the city entry as town, keeping its value where it was",
       ]),  # fmt: skip
    _task("drop_age", [
        "remove the age field from the record",
        "write the record without its age",
        "delete the age=... entry and keep the other fields in order",
        "drop the field whose key is age",
        "give back the record once the person's age has been taken out",
    ], _edit(lambda f: [(k, v) for k, v in f if k != "age"], "age"), _record(("age",)),
       "strict", training_phrasings=[
           "strip out the age field",
           "get rid of the age and give me the rest of the record",
           "output the record with the age=value pair and its separator removed, other fields in their original order",
           "cut the age entry out, leaving the remaining fields as they were",
       ]),  # fmt: skip
    _task("increment_age", [
        "add one to the age and keep the rest of the record unchanged",
        "increase the value of the age field by 1",
        "write the record again with the age one year higher",
        "bump the age up by one",
        "give the same record as it will read after the person's next birthday",
    ], _edit(lambda f: [(k, str(int(v) + 1) if k == "age" else v) for k, v in f], "age"),
       _record(("age",)), "strict", training_phrasings=[
           "add 1 to the age",
           "make the person a year older in the record and leave everything else",
           "output the record with the age value incremented by one, other fields unchanged",
           "raise the age number by one year, keeping the other entries as they are",
       ]),  # fmt: skip
    _task("sort_fields_by_key", [
        "reorder the fields so the keys are in alphabetical order",
        "sort the record's fields by key from a to z",
        "write the record again with its keys arranged alphabetically",
        "put the key=value pairs in alphabetical order of their keys",
        "rearrange the entries so that their field names run in dictionary order",
    ], lambda x: show(sorted(parse(x))), _record(test=_unsorted), "strict", training_phrasings=[
        "alphabetize the fields by key",
        "put the fields in a to z order of their names for me, values staying with their keys",
        "output the key=value pairs sorted ascending by key, still separated by semicolons",
        "order the entries of the record by the alphabetical position of their keys",
    ]),  # fmt: skip
    _task("reverse_fields", [
        "reverse the order of the fields in the record",
        "write the key=value pairs from the last one to the first",
        "put the final field first and the first field last, reversing the record",
        "list the fields backwards, keeping each key with its value",
        "flip the record so that its entries come in the opposite order",
    ], lambda x: show(parse(x)[::-1]), _record(), "strict", training_phrasings=[
        "reverse the field order",
        "start with the last field and work back to the first, keeping each pair intact",
        "output the key=value pairs in reverse sequence, separated by semicolons as before",
        "invert the sequence of the record's entries",
    ]),  # fmt: skip
    _task("uppercase_keys", [
        "write every key in capital letters and leave the values as they are",
        "make the field names upper case without changing the values",
        "capitalise each key fully, keeping the values untouched",
        "turn the keys into all caps",
        "shout the field names but not their contents",
    ], lambda x: show([(k.upper(), v) for k, v in parse(x)]), _record(test=_has_text),
       "strict", training_phrasings=[
           "capitalize the keys only",
           "put the field names in caps and don't touch the values",
           "output the record with each key converted to uppercase, values unchanged",
           "rewrite the record so that every key is in block capitals while the values stay as given",
       ]),  # fmt: skip
    _task("to_colon_pairs", [
        "rewrite each key=value as key: value and separate the fields with commas",
        "convert the record to the form key: value, key: value",
        "use a colon and space for each equals sign and a comma for each semicolon",
        "turn the semicolon-separated key=value record into comma-separated key: value pairs",
        "present the fields as colon pairs joined by commas instead of equals signs and semicolons",
    ], lambda x: ", ".join(f"{k}: {v}" for k, v in parse(x)), _record(), "strict", training_phrasings=[
        "reformat as key: value pairs, comma-separated",
        "redo the record so each field looks like key: value, with commas between fields",
        "output the fields as key: value items joined by a comma and a space",
        "change the record's notation so fields read key: value and are divided by commas",
    ]),  # fmt: skip
    _task("to_query_string", [
        "turn the record into a URL query string joined by ampersands",
        "join the key=value fields with & instead of semicolons",
        "write the record as URL parameters, without the question mark",
        "replace each semicolon and space between fields with an ampersand",
        "encode the fields for a web address, linking them with & signs",
    ], lambda x: "&".join(f"{k}={v}" for k, v in parse(x)), _record(), "strict", training_phrasings=[
        "make a query string from the record",
        "join the fields with ampersands, no spaces and no question mark",
        "output the key=value pairs concatenated with & as the separator",
        "rewrite the record as URL query parameters such as a=1&b=2, leaving out any question mark",
    ]),  # fmt: skip
    _task("values_to_pipes", [
        "write only the values of the record, separated by vertical bars",
        "drop the keys and join the values with |",
        "give the field values in order, pipe-delimited",
        "turn the record into a value|value|value line",
        "keep just what comes after each equals sign and link those with pipe characters",
    ], lambda x: "|".join(v for _, v in parse(x)), _record(), "strict", training_phrasings=[
        "pipe-join the values",
        "ditch the keys and string the values together with | between them",
        "output the values in field order, concatenated with | and no spaces",
        "list only the data of each field, separated by vertical bars, leaving out the field names",
    ]),  # fmt: skip
    _task("numeric_keys", [
        "list the keys whose values are numbers, separated by commas",
        "give the names of the fields that hold a number, in order",
        "write each key that has a numeric value, comma-separated",
        "return the fields with digits for values, keys only",
        "tell me which entries of the record store numbers, naming their keys",
    ], _numeric_keys, _record(test=_mixed), training_phrasings=[
        "list the numeric fields' keys, comma-separated",
        "give me the names of the fields that have numbers in them, with commas between",
        "output the keys whose values consist only of digits, in record order, joined by a comma and a space",
        "name every field with a number for its value, in order, separated by commas",
    ]),  # fmt: skip
    _task("empty_field", [
        "give the key of the field that has no value",
        "return the name of the empty field",
        "find the key followed by nothing after its equals sign",
        "say which field of the record is blank",
        "tell me which entry is missing its value",
    ], _empty_key, _blank_one, training_phrasings=[
        "return the key with an empty value",
        "find the field that's got nothing in it and give me its key",
        "output the key whose value is the empty string",
        "identify the unfilled entry and write its field name",
    ]),  # fmt: skip
    _task("is_adult", [
        "say yes if the age in the record is 18 or more and no otherwise",
        "tell me whether the person is an adult, at least 18 years old, yes or no",
        "answer yes when the age field is at least eighteen, else no",
        "check if the record describes someone aged 18 or over",
        "decide whether the person has come of age, replying yes or no",
    ], lambda x: yes_no(int(dict(parse(x))["age"]) >= 18), _adult_record, training_phrasings=[
        "answer yes or no: is the age at least 18",
        "let me know with a yes or no if the person is 18 or older",
        "output yes if the age value is greater than or equal to 18, otherwise output no",
        "reply no for anyone under 18 and yes for everyone else",
    ]),  # fmt: skip
    _task("pipe_to_fields", [
        "label the three values as name, age and city in key=value form, separated by semicolons",
        "turn a line such as Ann|31|Oslo into name=Ann; age=31; city=Oslo",
        "rewrite the pipe-separated record with keys name, age and city",
        "convert the bar-delimited values into named fields",
        "attach the field names name, age, city to the values and write them as key=value pairs",
    ], lambda x: show(list(zip(("name", "age", "city"), _pipe_parts(x)))), _piped, "strict",
       PIPED, training_phrasings=[
           "convert the name|age|city line into a key=value record",
           "make a proper key=value record out of the name|age|city line, semicolons between fields",
           "output name=<first part>; age=<second part>; city=<third part> from the pipe-delimited line",
           "rewrite the three pipe-separated values as key=value fields called name, age and city, separated by a semicolon and a space",
       ]),  # fmt: skip
    _task("pipe_city", [
        "give the city from the pipe-separated record",
        "return the third value of the pipe-separated line",
        "extract the place name that follows the age",
        "read the city out of the bar-delimited record",
        "tell me where the person lives, going by the last part of the line",
    ], lambda x: _pipe_parts(x)[2], _piped, subject=PIPED, training_phrasings=[
        "give the city from the name|age|city line",
        "grab the city out of the bar-separated line for me",
        "output the text after the second | character",
        "copy the city field of the name|age|city line",
    ]),  # fmt: skip
    _task("youngest_person", [
        "give the name of the youngest person",
        "return whoever has the smallest age",
        "find the person with the lowest number in brackets and write their name",
        "name the youngest of the people listed",
        "tell me who was born most recently, going by the ages",
    ], _youngest, _people, subject=PEOPLE, training_phrasings=[
        "give the youngest person's name",
        "find who's the youngest in the list and give me their name",
        "output the name whose bracketed age is the minimum",
        "pick out the person with the fewest years and write only their name",
    ]),  # fmt: skip
]


def _drop(key: str) -> Callable[[str], str]:
    return _edit(lambda f: [(k, v) for k, v in f if k != key], key)


def _add_to(key: str, n: int) -> Callable[[str], str]:
    return _edit(lambda f: [(k, str(int(v) + n) if k == key else v) for k, v in f], key)


def _json(fields: list[tuple[str, str]]) -> str:
    return json.dumps({k: int(v) if v.isdigit() else v for k, v in fields})


def _pipe_sentence(x: str) -> str:
    name, age, city = _pipe_parts(x)
    return f"{name} is {age} and lives in {city}"


# training-only siblings (``builtin_suite(extra=True)``): other fields dropped or shifted, other
# target formats for a record and for a name|age|city line, beside the held-out drop_age,
# increment_age, to_colon_pairs and pipe_to_fields
EXTRA_SPECS = [
    _task("drop_city", [
        "remove the city field from the record",
        "write the record without its city",
        "delete the city=... entry and keep the other fields in order",
        "drop the field whose key is city",
        "give back the record once the town it names has been taken out",
    ], _drop("city"), _record(("city",)), "strict", training_phrasings=[
        "strip out the city field",
        "get rid of the city and give me the rest of the record",
        "output the record with the city=value pair and its separator removed, other fields in their original order",
        "cut the city entry out, leaving the remaining fields as they were",
    ]),  # fmt: skip
    _task("drop_name", [
        "remove the name field from the record",
        "write the record without its name",
        "delete the name=... entry and keep the other fields in order",
        "drop the field whose key is name",
        "give back the record with the person's name left out",
    ], _drop("name"), _record(("name",)), "strict", training_phrasings=[
        "strip out the name field",
        "get rid of the name and give me the rest of the record",
        "output the record with the name=value pair and its separator removed, other fields in their original order",
        "cut the name entry out, leaving the remaining fields as they were",
    ]),  # fmt: skip
    _task("drop_last_field", [
        "remove the last field from the record",
        "write the record without its final key=value pair",
        "delete whatever entry comes last and keep the others in order",
        "drop the record's final field, whatever its key",
        "give back the record cut short by one field at the end",
    ], lambda x: show(parse(x)[:-1]), _record(), "strict", training_phrasings=[
        "strip out the final field",
        "get rid of the last entry and give me the rest of the record",
        "output the record with its final key=value pair and the separator before it removed",
        "cut whatever field is at the end, leaving the earlier fields as they were",
    ]),  # fmt: skip
    _task("decrement_age", [
        "subtract one from the age and keep the rest of the record unchanged",
        "decrease the value of the age field by 1",
        "write the record again with the age one year lower",
        "knock the age down by one",
        "give the same record as it read a year ago, before the person's last birthday",
    ], _add_to("age", -1), _record(("age",)), "strict", training_phrasings=[
        "subtract 1 from the age",
        "make the person a year younger in the record and leave everything else",
        "output the record with the age value decremented by one, other fields unchanged",
        "lower the age number by one year, keeping the other entries as they are",
    ]),  # fmt: skip
    _task("age_plus_ten", [
        "add ten to the age and keep the rest of the record unchanged",
        "increase the value of the age field by 10",
        "write the record again with the age ten years higher",
        "raise the age by a decade",
        "give the same record as it will read ten birthdays from now",
    ], _add_to("age", 10), _record(("age",)), "strict", training_phrasings=[
        "add 10 to the age",
        "make the person ten years older in the record and leave everything else",
        "output the record with the age value increased by ten, other fields unchanged",
        "raise the age number by ten years, keeping the other entries as they are",
    ]),  # fmt: skip
    _task("increment_score", [
        "add one to the score and keep the rest of the record unchanged",
        "increase the value of the score field by 1",
        "write the record again with the score one point higher",
        "bump the score up by one",
        "give the same record after the person earns one more point",
    ], _add_to("score", 1), _record(("score",)), "strict", training_phrasings=[
        "add 1 to the score",
        "give the score one extra point in the record and leave everything else",
        "output the record with the score value incremented by one, other fields unchanged",
        "raise the score number by one, keeping the other entries as they are",
    ]),  # fmt: skip
    _task("to_equals_commas", [
        "keep each key=value but separate the fields with commas instead of semicolons",
        "convert the record to the form key=value, key=value",
        "use a comma and space for each semicolon and leave the equals signs",
        "turn the semicolon-separated record into comma-separated key=value pairs",
        "present the fields joined by commas, still written with equals signs",
    ], lambda x: ", ".join(f"{k}={v}" for k, v in parse(x)), _record(), "strict", training_phrasings=[
        "swap the semicolons for commas",
        "leave each key=value alone and just change the semicolons to commas",
        "output the key=value pairs joined by a comma and a space",
        "separate the record's entries with commas rather than semicolons, each still in key=value form",
    ]),  # fmt: skip
    _task("to_colon_semicolons", [
        "rewrite each key=value as key: value and keep the semicolons between the fields",
        "convert the record to the form key: value; key: value",
        "use a colon and space for each equals sign and leave the semicolons",
        "turn the key=value record into semicolon-separated key: value pairs",
        "present the fields as colon pairs, still divided by semicolons",
    ], lambda x: "; ".join(f"{k}: {v}" for k, v in parse(x)), _record(), "strict", training_phrasings=[
        "reformat as key: value pairs, semicolon-separated",
        "redo the record so each field looks like key: value, keeping the semicolons between fields",
        "output the fields as key: value items joined by a semicolon and a space",
        "change only the equals signs, turning each into a colon followed by a space",
    ]),  # fmt: skip
    _task("to_arrow_pairs", [
        "rewrite each key=value as key -> value and separate the fields with commas",
        "convert the record to the form key -> value, key -> value",
        "use an arrow with spaces for each equals sign and a comma for each semicolon",
        "turn the semicolon-separated record into comma-separated key -> value pairs",
        "present the fields as arrow pairs joined by commas instead of equals signs and semicolons",
    ], lambda x: ", ".join(f"{k} -> {v}" for k, v in parse(x)), _record(), "strict", training_phrasings=[
        "reformat as key -> value pairs, comma-separated",
        "redo the record so each field looks like key -> value, with commas between fields",
        "output the fields as key -> value items joined by a comma and a space",
        "change the record's notation so each key points to its value with -> and fields are divided by commas",
    ]),  # fmt: skip
    _task("pipe_to_colon_pairs", [
        "label the three values as name, age and city in the form key: value, separated by commas",
        "turn a line such as Ann|31|Oslo into name: Ann, age: 31, city: Oslo",
        "rewrite the pipe-separated record as colon pairs with keys name, age and city",
        "convert the bar-delimited values into comma-separated named fields with colons",
        "attach the field names name, age, city to the values and write them as key: value pairs",
    ], lambda x: ", ".join(f"{k}: {v}" for k, v in zip(("name", "age", "city"), _pipe_parts(x))),
       _piped, "strict", PIPED, training_phrasings=[
           "convert the name|age|city line into key: value pairs, comma-separated",
           "make a comma-separated list of key: value pairs out of the name|age|city line",
           "output name: <first part>, age: <second part>, city: <third part> from the pipe-delimited line",
           "rewrite the three pipe-separated values as colon pairs labelled name, age and city, separated by a comma and a space",
       ]),  # fmt: skip
    _task("pipe_to_json", [
        "turn the pipe-separated record into a JSON object with keys name, age and city",
        'convert a line such as Ann|31|Oslo into {"name": "Ann", "age": 31, "city": "Oslo"}',
        "write the three values as JSON, the age as a number",
        "serialise the bar-delimited record as a JSON dictionary with named fields",
        "attach the field names name, age, city to the values and produce a one-line JSON object",
    ], lambda x: _json(list(zip(("name", "age", "city"), _pipe_parts(x)))), _piped, "json",
       PIPED, training_phrasings=[
           "convert name|age|city to JSON",
           "make a JSON object out of the name|age|city line, with the age as a number",
           "output a JSON object with keys name, age and city in that order, age as an integer and the others as strings",
           "encode the bar-delimited person record as a JSON dict with name, age and city, the age unquoted",
       ]),  # fmt: skip
    _task("pipe_to_sentence", [
        "turn the pipe-separated record into the sentence 'name is age and lives in city'",
        "write a line such as Ann|31|Oslo as Ann is 31 and lives in Oslo",
        "describe the person in a short sentence: who, how old, and where they live",
        "rewrite the bar-delimited values as plain English, without a final full stop",
        "say in words, following the pattern X is N and lives in Y, what the record tells",
    ], _pipe_sentence, _piped, "strict", PIPED, training_phrasings=[
        "convert the line to: <name> is <age> and lives in <city>",
        "write the line out as a little sentence like Bob is 45 and lives in Rome, no full stop",
        "output the string <name> is <age> and lives in <city> using the three pipe-separated parts, with no trailing period",
        "phrase the name|age|city record as an English sentence of the form Maria is 27 and lives in Lima, without a period",
    ]),  # fmt: skip
]
