"""Building blocks of the synthetic task catalogue: a domain holds task templates whose slot
fillers are constrained per template (joint slots list only combinations that make sense)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

SlotValues = Sequence[str] | Sequence[tuple[str, ...]]

# Output constraints that suit *every* task of a kind, as (forms, extras): a form says what the
# answer looks like (forms exclude each other: "only the final answer" vs "show the working"); an
# extra is compatible with any form and any template detail, so two constraints never contradict.
GENERIC_DETAILS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "classify": (
        (
            "Answer with the label only.",
            "Justify each label in one short sentence.",
            "Give the label followed by a confidence between 0 and 1.",
        ),
        ("Return exactly one label for each input.", "Treat each input independently."),
    ),
    "extract": (
        ("Return the results as a JSON list.", "List each item on its own line."),
        ("Return 'none' if nothing is found.", "Keep the exact wording from the source text."),
    ),
    "rewrite": (
        ("Return only the rewritten text.",),
        (
            "Keep the original meaning.",
            "Do not add any new information.",
            "Keep the layout of the original.",
        ),
    ),
    "summarise": (
        ("Return only the summary.",),
        ("Keep the key facts.", "Do not add opinions or new information.", "Use plain language."),
    ),
    "write": (
        ("Return only the text, without any preamble.",),
        ("Avoid jargon.", "Keep it concise.", "Write in clear, plain English."),
    ),
    "calc": (
        (
            "Show the working step by step.",
            "Give only the final answer.",
            "Explain each step briefly.",
        ),
        ("Double-check the arithmetic before answering.",),
    ),
    "code": (
        ("Return only the code.",),
        (
            "Include a short comment explaining the approach.",
            "Handle edge cases sensibly.",
            "Keep the code idiomatic and readable.",
        ),
    ),
    "translate": (
        ("Return only the translation.",),
        (
            "Keep proper nouns unchanged.",
            "Preserve the tone of the original.",
            "Keep the original formatting.",
        ),
    ),
    "format": (
        ("Return only the formatted output.",),
        (
            "Do not change any values.",
            "Keep the original order of items.",
            "Keep the output consistent for every input.",
        ),
    ),
    "explain": (
        ("Keep it under 150 words.", "Use short sentences."),
        ("Use a simple example.", "Avoid jargon."),
    ),
    "answer": (
        ("Keep the answer short.", "Explain the answer briefly."),
        ("Say so if you are not sure.", "Answer in plain language."),
    ),
    "plan": (
        ("Present it as a bulleted list.",),
        ("Keep it practical.", "Group related items together.", "Keep it concise."),
    ),
    "grade": (
        ("Give a score with a short reason.",),
        (
            "Apply the same standard to every answer.",
            "Point out what is missing.",
            "Be specific and constructive.",
        ),
    ),
    "review": (
        ("List each issue with a suggested fix.", "Quote the problematic part for each finding."),
        ("Order the findings by severity.", "Say clearly if nothing needs changing."),
    ),
}


@dataclass(frozen=True)
class TaskTemplate:
    """One task: a verb phrase with ``{slots}`` (``core``), its slot fillers, its own details.

    ``slot_groups`` is a tuple of (names, values): a group with one name lists fillers for that
    slot; a group with several names lists tuples that fill them together (the constraint).
    """

    domain: str
    kind: str
    core: str
    slot_groups: tuple[tuple[tuple[str, ...], tuple[tuple[str, ...], ...]], ...]
    details: tuple[str, ...] = ()
    generic: bool = True  # False when a kind's generic constraints would contradict the task
    # With generic=False, any two of ``details`` may be combined: keep them mutually compatible.

    def fillings(self) -> Iterator[dict[str, str]]:
        """Every slot assignment (the product of the groups)."""
        if not self.slot_groups:
            yield {}
            return
        for combo in itertools.product(*(values for _names, values in self.slot_groups)):
            mapping: dict[str, str] = {}
            for (names, _values), value in zip(self.slot_groups, combo):
                mapping.update(zip(names, value))
            yield mapping

    @property
    def size(self) -> int:
        n = 1
        for _names, values in self.slot_groups:
            n *= len(values)
        return n


def _group(key: str, values: SlotValues) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    names = tuple(key.split())
    rows: list[tuple[str, ...]] = []
    for value in values:
        row = (value,) if isinstance(value, str) else tuple(value)
        if len(row) != len(names):
            raise ValueError(f"slot group {key!r}: {row!r} does not fill {len(names)} slot(s)")
        rows.append(row)
    if len(set(rows)) != len(rows):
        raise ValueError(f"slot group {key!r} has repeated fillers")
    return names, tuple(rows)


@dataclass
class Domain:
    """A domain: its templates, the words that mark it, and who asks for its tasks."""

    name: str
    keywords: tuple[str, ...]
    contexts: tuple[str, ...]  # where the task is used, each "for ...": must suit every template
    personas: tuple[str, ...]  # "a paralegal": used as "As a paralegal, I need to ..."
    templates: list[TaskTemplate] = field(default_factory=list)

    def task(
        self,
        kind: str,
        core: str,
        slots: Mapping[str, SlotValues] | None = None,
        details: Sequence[str] = (),
        generic: bool = True,
    ) -> None:
        """Add a template. ``slots`` maps a slot name (or several, space-separated) to fillers;
        ``details`` are output constraints of this task; ``generic=False`` drops the kind's own."""
        if not generic and len(details) < 2:
            raise ValueError(f"{core!r}: a template without generic details needs two of its own")
        if kind not in GENERIC_DETAILS:
            raise ValueError(f"unknown task kind {kind!r}")
        groups = tuple(_group(key, values) for key, values in (slots or {}).items())
        template = TaskTemplate(self.name, kind, core, groups, tuple(details), generic)
        next(template.fillings())  # fail at import on a slot the fillers do not cover
        core.format(**next(template.fillings()))
        self.templates.append(template)

    def tasks(self, kind: str, cores: Sequence[str], details: Sequence[str] = ()) -> None:
        """Add several slot-free templates of one kind."""
        for core in cores:
            self.task(kind, core, details=details)


def pairs(mapping: Mapping[str, Sequence[str]]) -> list[tuple[str, str]]:
    """``{"a": ["x", "y"]}`` -> ``[("a", "x"), ("a", "y")]``: joint fillers from a grouped list."""
    return [(key, value) for key, values in mapping.items() for value in values]
