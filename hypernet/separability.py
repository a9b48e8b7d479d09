"""Can the description encoder tell a library's tasks apart? A ceiling for reconstruction.

A reconstruction-trained hypernetwork maps a description's embedding to its task's adapter. When a
held-out wording of one task lies nearer another task's training descriptions, no smooth map can
give it its own adapter. ``separability`` asks that of the embeddings alone: for every held-out
description, is the nearest task its own? Nearest by the mean of each task's training
descriptions, and by the single nearest training description. It needs no hypernetwork and no
oracles, only the encoder: seconds on a CPU for a few hundred tasks.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import torch
import torch.nn.functional as F


@dataclass(frozen=True)
class Separability:
    """``centroid`` and ``nearest``: the share of held-out descriptions whose nearest task (by mean
    training embedding; by nearest training description) is their own; ``per_task``: that share by
    centroid for each task index; ``confusions``: (true task, task it was taken for, how often),
    most frequent first."""

    queries: int
    centroid: float
    nearest: float
    per_task: dict[int, float]
    confusions: list[tuple[int, int, int]]


def separability(train: torch.Tensor, train_owner: torch.Tensor, queries: torch.Tensor,
                 query_owner: torch.Tensor) -> Separability:
    """``train`` [N, d] and ``queries`` [Q, d] are embeddings, ``*_owner`` the task index of each row
    (0..T-1; every task needs at least one training row). Cosine similarity throughout."""
    if train.ndim != 2 or queries.ndim != 2 or train.shape[1] != queries.shape[1]:
        raise ValueError(f"embeddings must be [N, d] and [Q, d] with one d, not {tuple(train.shape)} and "
                         f"{tuple(queries.shape)}")
    if len(train_owner) != len(train) or len(query_owner) != len(queries):
        raise ValueError("every embedding needs its task index")
    if len(queries) == 0:
        raise ValueError("no held-out descriptions to test")
    tasks = int(max(train_owner.max(), query_owner.max())) + 1
    counts = torch.bincount(train_owner, minlength=tasks)
    if (counts == 0).any():
        raise ValueError(f"task {int((counts == 0).nonzero()[0])} has no training description")
    queries = F.normalize(queries.float(), dim=-1)
    by_centroid = (queries @ task_centroids(train, train_owner, tasks).T).argmax(1)
    by_nearest = nearest_owner(train, train_owner, queries)
    right = by_centroid == query_owner
    per_task = {int(t): float(right[query_owner == t].float().mean()) for t in query_owner.unique()}
    wrong = Counter(zip(query_owner[~right].tolist(), by_centroid[~right].tolist()))
    return Separability(queries=len(queries), centroid=float(right.float().mean()),
                        nearest=float((by_nearest == query_owner).float().mean()), per_task=per_task,
                        confusions=[(t, p, n) for (t, p), n in wrong.most_common()])


def task_centroids(train: torch.Tensor, train_owner: torch.Tensor, tasks: int) -> torch.Tensor:
    """[tasks, d]: each task's mean training embedding (of unit-length rows), put back to unit
    length, for cosine similarity; ``train_owner`` gives each row's task index (0..tasks-1)."""
    train = F.normalize(train.float(), dim=-1)
    sums = torch.zeros(tasks, train.shape[1], device=train.device).index_add_(0, train_owner, train)
    counts = torch.bincount(train_owner, minlength=tasks).clamp(min=1)
    return F.normalize(sums / counts[:, None], dim=-1)


def nearest_owner(train: torch.Tensor, train_owner: torch.Tensor, queries: torch.Tensor) -> torch.Tensor:
    """The task index of each query's single nearest training row (cosine), [Q]."""
    if train.ndim != 2 or queries.ndim != 2 or train.shape[1] != queries.shape[1] or len(train) == 0:
        raise ValueError(f"embeddings must be [N>0, d] and [Q, d] with one d, not {tuple(train.shape)} and "
                         f"{tuple(queries.shape)}")
    if len(train_owner) != len(train):
        raise ValueError("every training embedding needs its task index")
    sims = F.normalize(queries.float(), dim=-1) @ F.normalize(train.float(), dim=-1).T
    return train_owner[sims.argmax(1)]


def bordered(nearest: dict[str, list[str]], siblings: set[str]) -> dict[str, str]:
    """Held-out tasks that a training-only sibling borders: ``nearest[task]`` lists, for each of the task's
    held-out descriptions asked, the training task whose description lies nearest. A task is bordered
    when most of those are siblings; the value is the sibling named most often."""
    found = {}
    for task, owners in nearest.items():
        hits = Counter(o for o in owners if o in siblings)
        if 2 * sum(hits.values()) > len(owners):
            found[task] = hits.most_common(1)[0][0]
    return found
