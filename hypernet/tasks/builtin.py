"""Build the built-in suite from the family modules: examples from each task's sampler, deterministic
in the seed; descriptions from phrasings x templates; held-out tasks by id hash."""

from __future__ import annotations

from functools import lru_cache

from hypernet.tasks.descriptions import build_descriptions
from hypernet.tasks.spec import TaskSpec
from hypernet.tasks.split import choose_heldout, seeded_rng, split_sizes
from hypernet.tasks.types import Example, Task, TaskSuite

# A sampler that keeps drawing inputs it already has is taken to have run out of new ones.
_MAX_DRAWS_PER_EXAMPLE = 50


def _draw_inputs(spec: TaskSpec, rng, n: int, exclude: set[str]) -> list[str]:
    """Up to ``n`` distinct inputs not in ``exclude``, in the order the rng gives them."""
    if spec.pool is not None:
        candidates = sorted(set(spec.pool()) - exclude)
        rng.shuffle(candidates)
        return candidates[:n]
    assert spec.sample is not None
    out: list[str] = []
    seen = set(exclude)
    for _ in range(_MAX_DRAWS_PER_EXAMPLE * n + 100):
        if len(out) == n:
            break
        x = spec.sample(rng)
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


def demo_example(spec: TaskSpec, task_id: str) -> Example:
    """The worked example quoted in some descriptions; the same for every seed, kept out of every split."""
    (x,) = _draw_inputs(spec, seeded_rng("demo", task_id), 1, set())
    return Example(x, spec.solve(x))


def build_task(
    spec: TaskSpec,
    family: str,
    family_templates: tuple[str, ...],
    *,
    seed: int,
    n_train: int,
    n_validation: int,
    n_test: int,
) -> Task:
    """One ``Task``: test examples are drawn first, then validation, then train, so the test set
    does not depend on ``n_train`` (unless the task has fewer distinct inputs than asked for)."""
    task_id = f"{family}.{spec.name}"
    demo = demo_example(spec, task_id)
    inputs = _draw_inputs(
        spec, seeded_rng(seed, "examples", task_id), n_train + n_validation + n_test, {demo.input}
    )
    train_n, val_n, test_n = split_sizes(len(inputs), n_train, n_validation, n_test)
    examples = [Example(x, spec.solve(x)) for x in inputs[: train_n + val_n + test_n]]
    descriptions, heldout_descriptions = build_descriptions(
        spec, family_templates, (demo.input, demo.output)
    )
    return Task(
        id=task_id,
        family=family,
        descriptions=descriptions,
        heldout_descriptions=heldout_descriptions,
        test=tuple(examples[:test_n]),
        validation=tuple(examples[test_n : test_n + val_n]),
        train=tuple(examples[test_n + val_n :]),
        metric=spec.metric,
    )


def builtin_specs(*, extra: bool = False) -> list[tuple[str, tuple[str, ...], TaskSpec]]:
    """Every built-in task as ``(family, family templates, spec)``, in registry order; with ``extra``,
    the families' training-only siblings (``EXTRA_SPECS``) instead."""
    from hypernet.tasks.families import family_modules

    return [(m.FAMILY, tuple(m.TEMPLATES), s) for m in family_modules()
            for s in (getattr(m, "EXTRA_SPECS", ()) if extra else m.SPECS)]


@lru_cache(maxsize=8)
def builtin_suite(
    seed: int = 0, n_train: int = 64, n_validation: int = 16, n_test: int = 32, extra: bool = False
) -> TaskSuite:
    """The built-in tasks with examples drawn for ``seed``; cached (the suite is immutable).

    ``n_*`` are the sizes asked for; a task with fewer distinct inputs (e.g. the 51 US states)
    gets the same proportions of what it has. ``extra``: also the training-only siblings of some
    tasks (e.g. "add 14" beside the suite's "add 12"): the held-out tasks stay exactly those of the
    suite without them, so results with and without stay comparable, and no sibling may answer like
    a suite task (``check_siblings``).
    """
    if min(n_train, n_validation, n_test) < 0 or n_train < 1:
        raise ValueError("n_train must be >= 1 and n_validation, n_test >= 0")
    sizes = dict(seed=seed, n_train=n_train, n_validation=n_validation, n_test=n_test)
    base = builtin_specs()
    tasks = tuple(build_task(s, family, templates, **sizes) for family, templates, s in base)
    heldout = choose_heldout((t.id, t.family) for t in tasks)
    if extra:
        siblings = builtin_specs(extra=True)
        check_siblings([(f, s) for f, _, s in siblings], tasks, heldout)
        tasks += tuple(build_task(s, family, templates, **sizes) for family, templates, s in siblings)
    _check_descriptions(tasks)
    return TaskSuite(tasks=tasks, heldout_task_ids=heldout)


# a sibling answering this share of a held-out task's test inputs alike is too close to it
NEAR_HELDOUT = 0.8


def check_siblings(
    siblings: list[tuple[str, TaskSpec]], tasks: tuple[Task, ...], heldout: frozenset[str] | set[str] = frozenset()
) -> None:
    """Refuse a training-only sibling ``(family, spec)`` that repeats one of the suite's built
    ``tasks``, of any family: one with the same id, or one that gives the same answers on that task's
    test inputs (it would be that task, perhaps a held-out one, under another name). A sibling may not
    even come close to a ``heldout`` task: agreeing on ``NEAR_HELDOUT`` of its test inputs or more
    would put most of a held-out task into training."""
    ids = {t.id for t in tasks}
    for family, sibling in siblings:
        if f"{family}.{sibling.name}" in ids:
            raise RuntimeError(f"training-only task {family}.{sibling.name} repeats a suite task's id")
        for task in tasks:
            share = _agreement(sibling, task, full=task.id in heldout)
            if share == 1.0:
                raise RuntimeError(f"training-only task {family}.{sibling.name} answers every test input of "
                                   f"{task.id} the same way: it would leak that task into training")
            if task.id in heldout and share >= NEAR_HELDOUT:
                raise RuntimeError(f"training-only task {family}.{sibling.name} answers {share:.0%} of the test "
                                   f"inputs of held-out {task.id} the same way: too close to a held-out task")


def _agreement(sibling: TaskSpec, task: Task, *, full: bool) -> float:
    """The share of ``task``'s test inputs that ``sibling`` answers as ``task`` does; an input it
    cannot take counts as a different answer. Unless ``full``, a first input answered differently
    stops the count at 0 (enough to tell that it is not the same task)."""
    same = 0
    for i, example in enumerate(task.test):
        try:
            agrees = sibling.solve(example.input) == example.output
        except (ValueError, ArithmeticError, IndexError, KeyError, TypeError, AttributeError):
            agrees = False
        if i == 0 and not agrees and not full:
            return 0.0
        same += agrees
    return same / len(task.test) if task.test else 0.0


def _check_descriptions(tasks: tuple[Task, ...]) -> None:
    """A description that two tasks share could not tell the hypernetwork which task is meant."""
    owner: dict[str, str] = {}
    for task in tasks:
        for d in task.descriptions + task.heldout_descriptions:
            if owner.setdefault(d, task.id) != task.id:
                raise RuntimeError(f"description {d!r} is shared by {owner[d]} and {task.id}")
