"""Which whole tasks are held out, and which examples go to which split.

Both are keyed by hashes of task ids, not by position, so adding a task never moves another task
between training and held-out, nor changes another task's examples.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterable

# Tasks whose id hashes below this are held out (~18 %; the suite's tests check that >= 15 % are).
HELDOUT_FRACTION = 0.18


def unit_hash(text: str) -> float:
    """A stable number in [0, 1) for ``text`` (sha256; Python's hash() is salted per process)."""
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big") / 2**64


def seeded_rng(*parts: object) -> random.Random:
    """A private random stream for one purpose, e.g. ``seeded_rng(seed, "examples", task_id)``."""
    key = ":".join(str(p) for p in parts)
    return random.Random(int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big"))


def choose_heldout(
    tasks: Iterable[tuple[str, str]], fraction: float = HELDOUT_FRACTION
) -> frozenset[str]:
    """Held-out task ids from ``(task_id, family)`` pairs.

    Rule: a task is held out when ``unit_hash("heldout:" + id) < fraction``; a family of three or more
    tasks with none below the line gives up its lowest-hash task, so every sizeable family is tested
    zero-shot; no family gives up more than half its tasks, so every family is also trained on.
    """
    families: dict[str, list[str]] = {}
    for task_id, family in tasks:
        families.setdefault(family, []).append(task_id)
    chosen: set[str] = set()
    for ids in families.values():
        ranked = sorted(ids, key=lambda i: unit_hash("heldout:" + i))
        picked = [i for i in ranked if unit_hash("heldout:" + i) < fraction]
        if not picked and len(ids) >= 3:
            picked = ranked[:1]
        chosen.update(picked[: len(ids) // 2])
    return frozenset(chosen)


def split_sizes(
    available: int, n_train: int, n_validation: int, n_test: int
) -> tuple[int, int, int]:
    """(train, validation, test) sizes when only ``available`` distinct inputs exist: the requested
    sizes if there are enough, else the same proportions of what there is (each split >= 1)."""
    wanted = n_train + n_validation + n_test
    if available >= wanted:
        return n_train, n_validation, n_test
    test = max(1, round(available * n_test / wanted)) if n_test else 0
    validation = max(1, round(available * n_validation / wanted)) if n_validation else 0
    train = available - test - validation
    if train < (1 if n_train else 0):
        raise ValueError(
            f"only {available} distinct inputs: too few for train/validation/test splits"
        )
    return train, validation, test
