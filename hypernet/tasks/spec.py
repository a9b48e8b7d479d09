"""How a built-in task is declared: a few hand-written phrasings, an input sampler and a solver.

Family modules (``hypernet/tasks/families/``) list ``TaskSpec``s; ``builtin.py`` turns them into
``Task``s. The solver computes every answer, so an example's output is always what the task says.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

Sampler = Callable[[random.Random], str]


@dataclass(frozen=True)
class TaskSpec:
    """One built-in task.

    ``phrasings`` are imperative verb phrases in lower case without a final period ("reverse the order
    of the words"); they are combined with description templates. The last phrasing is kept back for
    held-out descriptions only, so held-out wording is new to a trained hypernetwork. ``subject`` says
    what an input is ("a sentence"). Give either ``sample`` (draws one input) or ``pool`` (every
    possible input, for small finite domains such as countries). ``training_phrasings`` are more
    phrasings of the same kind for training descriptions only: they widen the wording a hypernetwork
    learns from and leave the held-out descriptions as they are.
    """

    name: str
    subject: str
    phrasings: tuple[str, ...]
    solve: Callable[[str], str]
    sample: Sampler | None = None
    pool: Callable[[], Sequence[str]] | None = None
    metric: str = "exact"
    extra_descriptions: tuple[str, ...] = ()
    training_phrasings: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if (self.sample is None) == (self.pool is None):
            raise ValueError(f"task spec {self.name}: give exactly one of sample= or pool=")
        if len(self.phrasings) < 4:
            raise ValueError(f"task spec {self.name}: needs at least 4 phrasings")
        repeated = sorted(set(self.training_phrasings) & set(self.phrasings))
        if repeated or len(set(self.training_phrasings)) != len(self.training_phrasings):
            raise ValueError(f"task spec {self.name}: training phrasings repeat a phrasing ({repeated or 'each other'})")
        for p in self.phrasings + self.training_phrasings:
            if p != p.strip() or p.endswith((".", "?", "!")) or p[:1] != p[:1].lower():
                raise ValueError(
                    f"task spec {self.name}: phrasing {p!r} must be a bare lower-case verb phrase"
                )


def spec(
    name: str,
    subject: str,
    phrasings: Sequence[str],
    solve: Callable[[str], str],
    *,
    sample: Sampler | None = None,
    pool: Callable[[], Sequence[str]] | None = None,
    metric: str = "exact",
    extra: Sequence[str] = (),
    training_phrasings: Sequence[str] = (),
) -> TaskSpec:
    """Shorthand used by the family modules (lists in, tuples stored)."""
    return TaskSpec(name, subject, tuple(phrasings), solve, sample, pool, metric, tuple(extra),
                    tuple(training_phrasings))
