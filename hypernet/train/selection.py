"""The loss an SFT run chooses its step by, for any hypernetwork checkpoint, and the exact match
on the same held-back tasks.

A run keeps the step whose loss on its held-back selection tasks (held-out descriptions,
validation examples) is lowest. This gives the same figure for a checkpoint made afterwards,
e.g. a soup of several runs (``hypernet.soup``), so it can be chosen by the same rule, never by
the test tasks. The batches are the ones training used (``mean_loss``: fixed seed), so a run's own
``best`` checkpoint scores what its ``loss.csv`` recorded.

The loss and the score can disagree: on the 476-task suite neither the selection loss nor the
held-out loss ordered a run's steps the way their held-out exact match did (docs/EVAL.md, session
7). ``selection_exact`` chooses by the metric the test reports, still without the test tasks.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Sequence

from hypernet.targets import discover_targets
from hypernet.train.sft import SFTConfig, _prepare, mean_loss, score_on_selection
from t2l.errors import T2LError

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

    from hypernet.base_model import LoadedModel
    from hypernet.checkpoint import Checkpoint
    from hypernet.evaluate import MethodResult
    from hypernet.tasks.types import Task


def recipe_of(checkpoint: Checkpoint) -> dict:
    """The SFT settings a checkpoint was trained with (a soup's: its first source's)."""
    training = checkpoint.config.training or {}
    if training.get("recipe") == "soup":
        training = training["sources"][0]["training"]
    if training.get("recipe") != "sft":
        raise T2LError(f"checkpoint {checkpoint.id} was not trained by SFT (recipe {training.get('recipe')!r})")
    return training


def _selection_tasks(checkpoint: Checkpoint, tasks: Sequence[Task]) -> list[Task]:
    ids = (checkpoint.config.training or {}).get("selection_task_ids") or []
    if not ids:
        raise T2LError(f"checkpoint {checkpoint.id} records no selection tasks: nothing to choose it by")
    by_id = {t.id: t for t in tasks}
    missing = [i for i in ids if i not in by_id]
    if missing:
        raise T2LError(f"selection tasks not in the task set: {', '.join(missing[:5])} (pass the run's --task-file)")
    return [by_id[i] for i in ids]


def selection_loss(loaded: LoadedModel, encoder: SentenceTransformer, checkpoint: Checkpoint,
                   tasks: Sequence[Task]) -> float:
    """Mean response loss of ``checkpoint`` on its selection tasks (found by id in ``tasks``)."""
    held = _selection_tasks(checkpoint, tasks)
    names = {f.name for f in dataclasses.fields(SFTConfig)}
    config = SFTConfig(**{k: v for k, v in recipe_of(checkpoint).items() if k in names})
    model, tokenizer = loaded.model, loaded.tokenizer
    device = next(model.parameters()).device
    pool = _prepare(held, tokenizer, encoder, config, device, heldout_descriptions=True)
    hypernet = checkpoint.hypernet.to(device)
    return mean_loss(model, hypernet, discover_targets(model), pool, config, tokenizer.pad_token_id, device)


def selection_exact(loaded: LoadedModel, encoder: SentenceTransformer, checkpoint: Checkpoint,
                    tasks: Sequence[Task], *, limit: int = 16, descriptions: int = 3) -> MethodResult:
    """Exact and lenient match of ``checkpoint`` on its selection tasks: the first ``limit``
    validation examples of each, under its first ``descriptions`` held-out descriptions (the
    description in the prompt too when it was trained so), as ``t2l eval`` scores test tasks."""
    held = _selection_tasks(checkpoint, tasks)
    recipe_of(checkpoint)
    hypernet = checkpoint.hypernet.to(next(loaded.model.parameters()).device)
    return score_on_selection(loaded, encoder, hypernet, held, examples=limit, descriptions=descriptions,
                              name=f"selection tasks [{checkpoint.id}]", checkpoint_id=checkpoint.id)
