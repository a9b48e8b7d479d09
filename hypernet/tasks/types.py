"""The task data model: examples, tasks with their descriptions, and a suite with a held-out split.

Plain frozen dataclasses with no I/O, so every training, evaluation and generation module can
depend on them without pulling in the data packages the built-in tasks are made from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hypernet.tasks.errors import UnknownTaskError
from hypernet.tasks.metrics import METRICS, score


@dataclass(frozen=True)
class Example:
    """One raw input and its exact expected answer (the instruction is never in ``input``)."""

    input: str
    output: str

    def to_json(self) -> dict[str, str]:
        return {"input": self.input, "output": self.output}


@dataclass(frozen=True)
class Task:
    """A skill: what users say to ask for it (descriptions) and examples that check it."""

    id: str
    family: str
    descriptions: tuple[str, ...]
    heldout_descriptions: tuple[str, ...]
    train: tuple[Example, ...]
    validation: tuple[Example, ...]
    test: tuple[Example, ...]
    metric: str = "exact"

    def __post_init__(self) -> None:
        if not self.id:
            raise ValueError("a task needs a non-empty id")
        if self.metric not in METRICS:
            raise ValueError(
                f"task {self.id}: unknown metric {self.metric!r} (known: {', '.join(sorted(METRICS))})"
            )

    def score(self, prediction: str, example: Example) -> dict[str, float]:
        """``{"exact": 0.0 | 1.0, "lenient": 0.0..1.0}`` for a model's answer to ``example``."""
        return score(self.metric, prediction, example.output)

    @property
    def examples(self) -> tuple[Example, ...]:
        return self.train + self.validation + self.test

    def to_json(self, *, heldout: bool = False) -> dict[str, Any]:
        """The JSONL record ``load_task_file`` reads back (explicit splits, so it round-trips)."""
        record: dict[str, Any] = {
            "id": self.id,
            "family": self.family,
            "metric": self.metric,
            "descriptions": list(self.descriptions),
            "heldout_descriptions": list(self.heldout_descriptions),
            "train": [e.to_json() for e in self.train],
            "validation": [e.to_json() for e in self.validation],
            "test": [e.to_json() for e in self.test],
        }
        if heldout:
            record["heldout"] = True
        return record


def _unknown_task(task_id: str, known: list[str]) -> UnknownTaskError:
    from difflib import get_close_matches

    near = get_close_matches(task_id, known, n=3)
    hint = f"; did you mean {', '.join(near)}?" if near else "; `t2l tasks list` shows the ids"
    return UnknownTaskError(f"no task {task_id!r}{hint}")


@dataclass(frozen=True)
class TaskSuite:
    """Tasks plus the ids of whole tasks that no training may see (the zero-shot test)."""

    tasks: tuple[Task, ...]
    heldout_task_ids: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        ids = [t.id for t in self.tasks]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"duplicate task ids: {', '.join(dupes)}")
        unknown = sorted(self.heldout_task_ids - set(ids))
        if unknown:
            raise ValueError(f"held-out ids not in the suite: {', '.join(unknown)}")

    @property
    def train_tasks(self) -> tuple[Task, ...]:
        return tuple(t for t in self.tasks if t.id not in self.heldout_task_ids)

    @property
    def heldout_tasks(self) -> tuple[Task, ...]:
        return tuple(t for t in self.tasks if t.id in self.heldout_task_ids)

    def get(self, task_id: str) -> Task:
        for task in self.tasks:
            if task.id == task_id:
                return task
        raise _unknown_task(task_id, [t.id for t in self.tasks])

    def families(self) -> dict[str, list[Task]]:
        """Family name -> its tasks, in suite order."""
        out: dict[str, list[Task]] = {}
        for task in self.tasks:
            out.setdefault(task.family, []).append(task)
        return out

    def __len__(self) -> int:
        return len(self.tasks)
