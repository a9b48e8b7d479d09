"""Reading and writing task files.

Formats:

* JSONL, one task per line: ``{"id", "family"?, "metric"?, "heldout"?, "descriptions": [...],
  "heldout_descriptions"?: [...], and either "examples": [{"input", "output"}, ...] (split here,
  deterministically from the id) or "train" / "validation" / "test" lists}``. ``write_task_file``
  writes this format with explicit splits, so an export loads back identical.
* Super-NaturalInstructions task JSON (``{"Definition": [...], "Positive Examples": [...],
  "Instances": [{"input", "output": [...]}], ...}``); the task id is the file name.
* A ``.json`` file holding one JSONL-style record, or a list of them.

Every problem raises ``TaskFileError`` naming the file and the line (JSONL) or the field path (JSON).
Nothing is returned unless the whole file is good, so a bad file imports nothing.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from hypernet.tasks.errors import TaskFileError
from hypernet.tasks.metrics import METRICS
from hypernet.tasks.split import seeded_rng
from hypernet.tasks.types import Example, Task, TaskSuite

_RECORD_KEYS = {"id", "family", "metric", "heldout", "descriptions", "heldout_descriptions",
                "examples", "train", "validation", "test"}  # fmt: skip
_SPLITS = ("train", "validation", "test")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:/-]*$")
DEFAULT_FAMILY = "custom"


class _Bad(Exception):
    """A problem at a field path inside one record; the caller adds the file and line."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}" if path else message)


def _string(value: Any, path: str, *, allow_empty: bool = False) -> str:
    if not isinstance(value, str):
        raise _Bad(path, f"expected a string, got {type(value).__name__}")
    if not allow_empty and not value.strip():
        raise _Bad(path, "must not be empty")
    return value


def _strings(value: Any, path: str, *, required: bool) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise _Bad(path, f"expected a list of strings, got {type(value).__name__}")
    if required and not value:
        raise _Bad(path, "must hold at least one string")
    return tuple(_string(v, f"{path}[{i}]") for i, v in enumerate(value))


def _examples(value: Any, path: str) -> list[Example]:
    if not isinstance(value, list):
        raise _Bad(
            path, f'expected a list of {{"input", "output"}} objects, got {type(value).__name__}'
        )
    out = []
    for i, item in enumerate(value):
        where = f"{path}[{i}]"
        if not isinstance(item, dict):
            raise _Bad(
                where, f"expected an object with input and output, got {type(item).__name__}"
            )
        extra = sorted(set(item) - {"input", "output"})
        if extra:
            raise _Bad(
                where, f"unknown field(s) {', '.join(extra)} (an example has input and output)"
            )
        for key in ("input", "output"):
            if key not in item:
                raise _Bad(where, f"missing field '{key}'")
        out.append(
            Example(
                _string(item["input"], f"{where}.input"),
                _string(item["output"], f"{where}.output", allow_empty=True),
            )
        )
    return out


def _dedupe(examples: Iterable[Example]) -> list[Example]:
    """First example for each input (a repeated input could otherwise land in two splits)."""
    seen: dict[str, Example] = {}
    for e in examples:
        seen.setdefault(e.input, e)
    return list(seen.values())


def split_examples(examples: list[Example], task_id: str) -> tuple[tuple[Example, ...], ...]:
    """(train, validation, test) from one list: a shuffle seeded by the task id, then 25 % test and
    12.5 % validation (rounded down); fewer than four examples all go to train."""
    unique = _dedupe(examples)
    order = list(range(len(unique)))
    seeded_rng("file-split", task_id).shuffle(order)
    shuffled = [unique[i] for i in order]
    n_test, n_val = (len(shuffled) // 4, len(shuffled) // 8) if len(shuffled) >= 4 else (0, 0)
    test, validation, train = (
        shuffled[:n_test],
        shuffled[n_test : n_test + n_val],
        shuffled[n_test + n_val :],
    )
    return tuple(train), tuple(validation), tuple(test)


def _task_from_record(record: Any) -> tuple[Task, bool]:
    """A ``Task`` (and its held-out flag) from one JSONL-style record, or ``_Bad``."""
    if not isinstance(record, dict):
        raise _Bad("", f"expected a JSON object (one task), got {type(record).__name__}")
    unknown = sorted(set(record) - _RECORD_KEYS)
    if unknown:
        raise _Bad(unknown[0], f"unknown field (known: {', '.join(sorted(_RECORD_KEYS))})")
    for key in ("id", "descriptions"):
        if key not in record:
            raise _Bad("", f"missing field '{key}'")
    task_id = _string(record["id"], "id")
    if not _ID.match(task_id):
        raise _Bad(
            "id", f"{task_id!r} is not a valid id (letters, digits and _ . : / - , no spaces)"
        )
    family = _string(record.get("family", DEFAULT_FAMILY), "family")
    metric = _string(record.get("metric", "exact"), "metric")
    if metric not in METRICS:
        raise _Bad("metric", f"unknown metric {metric!r} (known: {', '.join(sorted(METRICS))})")
    heldout = record.get("heldout", False)
    if not isinstance(heldout, bool):
        raise _Bad("heldout", f"expected true or false, got {type(heldout).__name__}")
    descriptions = _strings(record["descriptions"], "descriptions", required=True)
    heldout_descriptions = _strings(
        record.get("heldout_descriptions", []), "heldout_descriptions", required=False
    )

    has_splits = any(k in record for k in _SPLITS)
    if "examples" in record and has_splits:
        raise _Bad("examples", "give either 'examples' or 'train'/'validation'/'test', not both")
    if "examples" in record:
        examples = _examples(record["examples"], "examples")
        if not examples:
            raise _Bad("examples", "must hold at least one example")
        train, validation, test = split_examples(examples, task_id)
    elif has_splits:
        parts = {k: _examples(record.get(k, []), k) for k in _SPLITS}
        if not any(parts.values()):
            raise _Bad("train", "no examples in train, validation or test")
        owner: dict[str, str] = {}
        for name, exs in parts.items():
            for i, e in enumerate(exs):
                if owner.setdefault(e.input, name) != name:
                    raise _Bad(
                        f"{name}[{i}].input",
                        f"the same input is also in '{owner[e.input]}' (splits must not overlap)",
                    )
        train, validation, test = (tuple(parts[k]) for k in _SPLITS)
    else:
        raise _Bad("", "missing field 'examples' (or 'train'/'validation'/'test')")
    task = Task(id=task_id, family=family, descriptions=descriptions, heldout_descriptions=heldout_descriptions,
                train=train, validation=validation, test=test, metric=metric)  # fmt: skip
    return task, heldout


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TaskFileError(f"{path}: no such task file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise TaskFileError(f"{path}: cannot read the file ({exc})") from None


def _load_jsonl(path: Path) -> list[tuple[Task, bool]]:
    out: list[tuple[Task, bool]] = []
    first_line: dict[str, int] = {}
    for lineno, line in enumerate(_read_text(path).splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise TaskFileError(
                f"{path}:{lineno}: invalid JSON at column {exc.colno}: {exc.msg}"
            ) from None
        try:
            task, heldout = _task_from_record(record)
        except _Bad as exc:
            raise TaskFileError(f"{path}:{lineno}: {exc}") from None
        if task.id in first_line:
            raise TaskFileError(
                f"{path}:{lineno}: id: duplicate task id {task.id!r} (first on line {first_line[task.id]})"
            )
        first_line[task.id] = lineno
        out.append((task, heldout))
    if not out:
        raise TaskFileError(f"{path}: no tasks in the file")
    return out


def _family_from_categories(categories: Any) -> str:
    if isinstance(categories, list) and categories and isinstance(categories[0], str):
        slug = re.sub(r"[^a-z0-9]+", "_", categories[0].lower()).strip("_")
        if slug:
            return f"sni.{slug}"
    return "sni"


def _sni_examples(value: Any, path: str, *, required: bool) -> list[Example]:
    if not isinstance(value, list):
        raise _Bad(path, f"expected a list, got {type(value).__name__}")
    if required and not value:
        raise _Bad(path, "must hold at least one instance")
    out = []
    for i, item in enumerate(value):
        where = f"{path}[{i}]"
        if not isinstance(item, dict):
            raise _Bad(where, f"expected an object, got {type(item).__name__}")
        for key in ("input", "output"):
            if key not in item:
                raise _Bad(where, f"missing field '{key}'")
        output = item["output"]
        if isinstance(
            output, list
        ):  # Instances list every accepted answer; the first is the reference
            if not output:
                raise _Bad(f"{where}.output", "must hold at least one answer")
            output = _string(output[0], f"{where}.output[0]", allow_empty=True)
        else:
            output = _string(output, f"{where}.output", allow_empty=True)
        out.append(Example(_string(item["input"], f"{where}.input"), output))
    return out


def _task_from_sni(data: dict[str, Any], task_id: str) -> Task:
    """A Super-NaturalInstructions task: Definition -> descriptions, Positive Examples -> train,
    Instances -> split 25 % test / 12.5 % validation / rest train."""
    if "Definition" not in data:
        raise _Bad("", "missing field 'Definition'")
    if "Instances" not in data:
        raise _Bad("", "missing field 'Instances'")
    definition = data["Definition"]
    descriptions = (
        (_string(definition, "Definition"),)
        if isinstance(definition, str)
        else _strings(definition, "Definition", required=True)
    )
    positives = _sni_examples(
        data.get("Positive Examples", []), "Positive Examples", required=False
    )
    instances = _sni_examples(data["Instances"], "Instances", required=True)
    train, validation, test = split_examples(instances, task_id)
    held = {e.input for e in validation + test}
    train = tuple(_dedupe([*(p for p in positives if p.input not in held), *train]))
    return Task(id=task_id, family=_family_from_categories(data.get("Categories")), descriptions=descriptions,
                heldout_descriptions=(), train=train, validation=validation, test=test)  # fmt: skip


def _load_json(path: Path) -> list[tuple[Task, bool]]:
    try:
        data = json.loads(_read_text(path))
    except json.JSONDecodeError as exc:
        raise TaskFileError(
            f"{path}:{exc.lineno}: invalid JSON at column {exc.colno}: {exc.msg}"
        ) from None
    try:
        if isinstance(data, dict) and ("Definition" in data or "Instances" in data):
            task_id = re.sub(r"[^A-Za-z0-9_.:/-]+", "_", path.stem)
            return [(_task_from_sni(data, task_id), False)]
        if isinstance(data, dict):
            return [_task_from_record(data)]
    except _Bad as exc:
        raise TaskFileError(f"{path}: field {exc}") from None
    if not isinstance(data, list):
        raise TaskFileError(
            f"{path}: expected a task object, a list of tasks or a Super-NaturalInstructions task"
        )
    if not data:
        raise TaskFileError(f"{path}: no tasks in the file")
    out: list[tuple[Task, bool]] = []
    for i, record in enumerate(data):
        try:
            out.append(_task_from_record(record))
        except _Bad as exc:
            raise TaskFileError(f"{path}: field [{i}].{exc}") from None
    ids = [t.id for t, _ in out]
    for i, task_id in enumerate(ids):
        if ids.index(task_id) != i:
            raise TaskFileError(
                f"{path}: field [{i}].id: duplicate task id {task_id!r} (first at [{ids.index(task_id)}])"
            )
    return out


def _load(path: str | os.PathLike[str]) -> list[tuple[Task, bool]]:
    p = Path(path)
    if p.suffix.lower() == ".jsonl":
        return _load_jsonl(p)
    if p.suffix.lower() == ".json":
        return _load_json(p)
    raise TaskFileError(
        f"{p}: unknown task file type {p.suffix or '(none)'!r}; use .jsonl or .json"
    )


def load_task_file(path: str | os.PathLike[str]) -> list[Task]:
    """Every task in a ``.jsonl`` or ``.json`` task file, or ``TaskFileError`` (and no tasks)."""
    return [task for task, _ in _load(path)]


def load_task_suite(path: str | os.PathLike[str]) -> TaskSuite:
    """A task file as a suite; records marked ``"heldout": true`` form its held-out split."""
    loaded = _load(path)
    return TaskSuite(
        tasks=tuple(t for t, _ in loaded), heldout_task_ids=frozenset(t.id for t, h in loaded if h)
    )


def write_task_file(tasks: TaskSuite | Iterable[Task], path: str | os.PathLike[str]) -> int:
    """Write tasks as JSONL (explicit splits, held-out flags for a suite); returns how many.
    The file is replaced atomically, so a reader never sees half of it."""
    heldout = tasks.heldout_task_ids if isinstance(tasks, TaskSuite) else frozenset()
    items = tasks.tasks if isinstance(tasks, TaskSuite) else tuple(tasks)
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            for task in items:
                fh.write(
                    json.dumps(task.to_json(heldout=task.id in heldout), ensure_ascii=False) + "\n"
                )
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return len(items)
