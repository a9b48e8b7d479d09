"""Natural-language descriptions of built-in tasks: hand-written phrasings x templates.

Templates cover the ways people ask (short, long, formal, casual, imperative, question). The
held-out templates (and each task's last phrasing) never appear in training descriptions, so
held-out descriptions test wording the hypernetwork has not seen.
"""

from __future__ import annotations

from hypernet.tasks.spec import TaskSpec

# {p}: phrasing, {P}: phrasing capitalised, {s}: the input's subject ("a sentence").
TRAIN_TEMPLATES: tuple[str, ...] = (
    "{P}.",
    "{p}",
    "Please {p}.",
    "Can you {p}?",
    "Could you {p} for me?",
    "{P}. Reply with the answer only.",
    "Given {s}, {p}.",
    "You will be given {s}. Your job is to {p}. Do not add any explanation.",
    "Task: {p}.",
    "I need you to {p}.",
    "hey, {p} pls",
    "Instruction: {p}. Output just the result, nothing else.",
    "Your goal is to {p}; keep the response short.",
    "Each input is {s}. {P}.",
    "What I want: {p}.",
    "yo {p}",
    "Here's {s}. {P}, please.",
    "In this task you are given {s}. You should {p}. Return only the answer, with no other words.",
)

HELDOUT_TEMPLATES: tuple[str, ...] = (
    "Would you kindly {p}?",
    "The job: {p}. Answer tersely.",
    "Take {s} and {p}.",
    "{P}, and say nothing more.",
    "Objective - {p}.",
)

# With a worked example (the demo pair is drawn apart from every split).
TRAIN_EXAMPLE_TEMPLATES: tuple[str, ...] = (
    "{P}. For example: {x} -> {y}",
    "Given {s}, {p} (so '{x}' gives '{y}').",
)
HELDOUT_EXAMPLE_TEMPLATES: tuple[str, ...] = ("{P}; for instance '{x}' should come out as '{y}'.",)


def _fill(template: str, phrasing: str, subject: str, demo: tuple[str, str] | None = None) -> str:
    values = {"p": phrasing, "P": phrasing[:1].upper() + phrasing[1:], "s": subject}
    if demo is not None:
        values["x"], values["y"] = demo
    return template.format(**values)


def _unique(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def build_descriptions(
    spec: TaskSpec, family_templates: tuple[str, ...], demo: tuple[str, str] | None
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(training descriptions, held-out descriptions) of one task, deterministic and deduplicated."""
    seen, kept_back = spec.phrasings[:-1], spec.phrasings
    train = [_fill(t, p, spec.subject) for p in seen + spec.training_phrasings
             for t in TRAIN_TEMPLATES + family_templates]
    train += list(spec.extra_descriptions)
    heldout = [_fill(t, p, spec.subject) for p in kept_back for t in HELDOUT_TEMPLATES]
    if demo is not None:
        train += [
            _fill(t, p, spec.subject, demo) for p in seen[:2] for t in TRAIN_EXAMPLE_TEMPLATES
        ]
        heldout += [_fill(t, kept_back[-1], spec.subject, demo) for t in HELDOUT_EXAMPLE_TEMPLATES]
    train_t = _unique(train)
    heldout_t = tuple(d for d in _unique(heldout) if d not in set(train_t))
    return train_t, heldout_t
