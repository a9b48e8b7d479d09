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
    possible input, for small finite domains such as countries).
    """

    name: str
    subject: str
    phrasings: tuple[str, ...]
    solve: Callable[[str], str]
    sample: Sampler | None = None
    pool: Callable[[], Sequence[str]] | None = None
    metric: str = "exact"
    extra_descriptions: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if (self.sample is None) == (self.pool is None):
            raise ValueError(f"task spec {self.name}: give exactly one of sample= or pool=")
        if len(self.phrasings) < 4:
            raise ValueError(f"task spec {self.name}: needs at least 4 phrasings")
        for p in self.phrasings:
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
) -> TaskSpec:
    """Shorthand used by the family modules (lists in, tuples stored)."""
    return TaskSpec(name, subject, tuple(phrasings), solve, sample, pool, metric, tuple(extra))
