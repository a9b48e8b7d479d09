"""Task files: JSONL and Super-NaturalInstructions JSON in, clear errors (file + line or field path)
for bad ones, nothing imported from a bad file; export -> load round-trips; the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hypernet.tasks import (
    Example,
    TaskFileError,
    builtin_suite,
    load_task_file,
    load_task_suite,
    write_task_file,
)
from t2l.errors import T2LError

GOOD = {
    "id": "mine.shout",
    "family": "mine",
    "descriptions": ["Make the text loud.", "Uppercase it."],
    "heldout_descriptions": ["SHOUT IT"],
    "examples": [{"input": f"word {i}", "output": f"WORD {i}"} for i in range(20)],
}
SPLIT = {
    "id": "mine.echo",
    "descriptions": ["Repeat the input."],
    "train": [{"input": "a", "output": "a"}, {"input": "b", "output": "b"}],
    "test": [{"input": "c", "output": "c"}],
    "metric": "strict",
    "heldout": True,
}
SNI = {
    "Contributors": ["someone"],
    "Categories": ["Sentiment Analysis"],
    "Definition": ["Given a review, answer positive or negative."],
    "Positive Examples": [{"input": "great film", "output": "positive", "explanation": "praise"}],
    "Negative Examples": [{"input": "bad", "output": "maybe", "explanation": "wrong label"}],
    "Instances": [
        {"id": f"t1-{i}", "input": f"review {i}", "output": ["positive" if i % 2 else "negative"]}
        for i in range(16)
    ],
}


def _jsonl(path: Path, *records: object) -> Path:
    path.write_text(
        "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records),
        encoding="utf-8",
    )
    return path


def test_jsonl_with_examples_is_split_without_overlap(tmp_path: Path) -> None:
    tasks = load_task_file(_jsonl(tmp_path / "t.jsonl", GOOD, "", SPLIT))
    shout, echo = tasks
    assert shout.id == "mine.shout" and shout.family == "mine" and shout.metric == "exact"
    assert shout.heldout_descriptions == ("SHOUT IT",)
    assert (len(shout.train), len(shout.validation), len(shout.test)) == (13, 2, 5)
    inputs = [e.input for e in shout.examples]
    assert sorted(inputs) == sorted(e["input"] for e in GOOD["examples"])  # every example, once
    assert load_task_file(tmp_path / "t.jsonl") == tasks  # the split is deterministic
    assert echo.family == "custom" and echo.metric == "strict"
    assert (
        echo.train == (Example("a", "a"), Example("b", "b"))
        and echo.validation == ()
        and echo.test == (Example("c", "c"),)
    )
    suite = load_task_suite(tmp_path / "t.jsonl")
    assert suite.heldout_task_ids == {"mine.echo"}


def test_sni_task_json(tmp_path: Path) -> None:
    path = tmp_path / "task001_toy_sentiment.json"
    path.write_text(json.dumps(SNI), encoding="utf-8")
    (task,) = load_task_file(path)
    assert task.id == "task001_toy_sentiment" and task.family == "sni.sentiment_analysis"
    assert task.descriptions == ("Given a review, answer positive or negative.",)
    assert Example("great film", "positive") in task.train  # positive examples become training data
    assert Example("bad", "maybe") not in task.examples  # negative examples are not answers
    assert len(task.test) == 4 and len(task.validation) == 2
    assert {e.input for e in task.test} & {e.input for e in task.train} == set()
    assert len(task.examples) == 17


def test_json_record_and_list(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps(GOOD), encoding="utf-8")
    many = tmp_path / "many.json"
    many.write_text(json.dumps([GOOD, SPLIT]), encoding="utf-8")
    assert [t.id for t in load_task_file(one)] == ["mine.shout"]
    assert [t.id for t in load_task_file(many)] == ["mine.shout", "mine.echo"]


def _with(**changes: object) -> dict:
    record = json.loads(json.dumps(GOOD))
    for key, value in changes.items():
        if value is None:
            record.pop(key)
        else:
            record[key] = value
    return record


BAD_LINES = [
    ("{not json", r"invalid JSON"),
    (json.dumps([1, 2]), r"expected a JSON object"),
    (_with(id=None), r"missing field 'id'"),
    (_with(descriptions=None), r"missing field 'descriptions'"),
    (_with(examples=None), r"missing field 'examples'"),
    (_with(id=""), r"id: must not be empty"),
    (_with(id="has space"), r"id: 'has space' is not a valid id"),
    (_with(id=7), r"id: expected a string, got int"),
    (_with(descriptions=[]), r"descriptions: must hold at least one string"),
    (_with(descriptions="Make it loud."), r"descriptions: expected a list of strings, got str"),
    (_with(descriptions=["ok", 3]), r"descriptions\[1\]: expected a string, got int"),
    (_with(examples=[]), r"examples: must hold at least one example"),
    (_with(examples={"input": "a"}), r"examples: expected a list"),
    (_with(examples=[{"input": "a"}]), r"examples\[0\]: missing field 'output'"),
    (
        _with(examples=[{"input": "a", "output": 5}]),
        r"examples\[0\]\.output: expected a string, got int",
    ),
    (
        _with(examples=[{"input": "a", "output": "b", "why": "x"}]),
        r"examples\[0\]: unknown field\(s\) why",
    ),
    (_with(examples=["a -> b"]), r"examples\[0\]: expected an object"),
    (_with(metric="bleu"), r"metric: unknown metric 'bleu'"),
    (_with(heldout="yes"), r"heldout: expected true or false"),
    (_with(description=["typo"]), r"description: unknown field"),
    (_with(train=[{"input": "a", "output": "b"}]), r"give either 'examples' or 'train'"),
    (
        {**SPLIT, "test": [{"input": "a", "output": "a"}]},
        r"test\[0\]\.input: the same input is also in 'train'",
    ),
    ({**SPLIT, "train": [], "test": []}, r"no examples in train, validation or test"),
    ({**GOOD, "id": "mine.shout"}, r"duplicate task id 'mine.shout' \(first on line 1\)"),
]


@pytest.mark.parametrize(("bad", "message"), BAD_LINES, ids=[m for _, m in BAD_LINES])
def test_bad_jsonl_line_is_rejected_with_file_and_line(
    tmp_path: Path, bad: object, message: str
) -> None:
    path = _jsonl(tmp_path / "tasks.jsonl", GOOD, bad)  # line 1 is good, line 2 is not
    with pytest.raises(TaskFileError, match=message) as info:
        load_task_file(path)
    assert str(info.value).startswith(f"{path}:2:")
    assert isinstance(info.value, T2LError)


def _sni(**changes: object) -> dict:
    data = json.loads(json.dumps(SNI))
    for key, value in changes.items():
        if value is None:
            data.pop(key)
        else:
            data[key] = value
    return data


BAD_SNI = [
    (_sni(Definition=None), r"missing field 'Definition'"),
    (_sni(Definition=[]), r"field Definition: must hold at least one string"),
    (_sni(Definition=[3]), r"field Definition\[0\]: expected a string"),
    (_sni(Instances=[]), r"field Instances: must hold at least one instance"),
    (_sni(Instances="x"), r"field Instances: expected a list"),
    (
        _sni(Instances=[{"input": "a", "output": []}]),
        r"field Instances\[0\]\.output: must hold at least one answer",
    ),
    (
        _sni(Instances=[{"input": "a", "output": ["b"]}, {"output": ["c"]}]),
        r"field Instances\[1\]: missing field 'input'",
    ),
    (
        _sni(Instances=[{"input": 4, "output": ["b"]}]),
        r"field Instances\[0\]\.input: expected a string",
    ),
    (
        _sni(**{"Positive Examples": [{"input": "a", "output": 1}]}),
        r"field Positive Examples\[0\]\.output: expected a string",
    ),
]


@pytest.mark.parametrize(("bad", "message"), BAD_SNI, ids=[m for _, m in BAD_SNI])
def test_bad_sni_json_is_rejected_with_field_path(tmp_path: Path, bad: dict, message: str) -> None:
    path = tmp_path / "task002_bad.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(TaskFileError, match=message) as info:
        load_task_file(path)
    assert str(info.value).startswith(str(path))


def test_bad_json_files(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{\n  "Definition": ["x"],\n  "Instances": [,]\n}', encoding="utf-8")
    with pytest.raises(TaskFileError, match=rf"^{broken}:3: invalid JSON"):
        load_task_file(broken)
    listed = tmp_path / "list.json"
    listed.write_text(json.dumps([GOOD, _with(examples=[])]), encoding="utf-8")
    with pytest.raises(
        TaskFileError, match=r"field \[1\]\.examples: must hold at least one example"
    ):
        load_task_file(listed)
    for name, text, message in [
        ("empty.jsonl", "\n\n", "no tasks in the file"),
        ("empty.json", "[]", "no tasks in the file"),
        ("scalar.json", "42", "expected a task object"),
        ("notes.txt", "x", "unknown task file type '.txt'"),
        ("latin1.jsonl", None, "cannot read the file"),
    ]:
        path = tmp_path / name
        path.write_bytes(b"\xff\xfe\x00bad" if text is None else text.encode())
        with pytest.raises(TaskFileError, match=message):
            load_task_file(path)
    with pytest.raises(TaskFileError, match="no such task file"):
        load_task_file(tmp_path / "missing.jsonl")


def test_export_round_trips(tmp_path: Path) -> None:
    suite = builtin_suite(seed=0)
    path = tmp_path / "out" / "suite.jsonl"
    assert write_task_file(suite, path) == len(suite.tasks)
    assert load_task_suite(path) == suite
    assert load_task_file(path) == list(suite.tasks)
    assert not [p for p in path.parent.iterdir() if p.name != "suite.jsonl"]  # no temp file left


def test_cli_list_show_export_validate(tmp_path: Path) -> None:
    from t2l.cli import app

    runner = CliRunner()
    listed = runner.invoke(app, ["tasks", "list", "--family", "lookup", "--heldout"])
    assert listed.exit_code == 0, listed.output
    assert (
        "lookup.country_capital" in listed.output and "lookup.capital_country" not in listed.output
    )
    shown = runner.invoke(app, ["tasks", "show", "string.reverse_words", "--examples", "2"])
    assert shown.exit_code == 0 and "Reverse the order of the words." in shown.output
    out = tmp_path / "suite.jsonl"
    exported = runner.invoke(app, ["tasks", "export", str(out)])
    assert exported.exit_code == 0 and load_task_suite(out) == builtin_suite(seed=0)
    checked = runner.invoke(app, ["tasks", "validate", str(out)])
    assert checked.exit_code == 0 and f"{len(builtin_suite().tasks)} tasks" in checked.output
    from_file = runner.invoke(
        app, ["tasks", "show", "lookup.country_capital", "--file", str(out), "--examples", "1"]
    )
    assert from_file.exit_code == 0 and "held out" in from_file.output
    bad = _jsonl(tmp_path / "bad.jsonl", GOOD, _with(examples=[]))
    failed = runner.invoke(app, ["tasks", "validate", str(bad)])
    assert failed.exit_code != 0 and isinstance(failed.exception, TaskFileError)
