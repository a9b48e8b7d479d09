"""Push a description's embedding away from the training descriptions nearest it.

A held-out task's description lies near its training siblings', so its generated adapter is about
theirs (docs/EVAL.md, session 16). Like classifier-free guidance, one can move the embedding further
along what sets it apart from them: ``e + beta * (e - c)``, where ``c`` is the mean of its
``neighbours`` nearest training descriptions, then back to unit length. ``beta`` 0 is the description
itself. An inference-time probe: ``scripts/embedding_extrapolation.py`` reads what it does to the
held-out tasks' response loss.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F


def neighbour_means(queries: torch.Tensor, train: torch.Tensor, neighbours: int,
                    exclude: torch.Tensor | None = None) -> torch.Tensor:
    """[Q, d]: the mean of each query's ``neighbours`` nearest rows of ``train`` [N, d] (cosine).
    ``exclude`` [Q, N] (bool) marks rows a query may not use, e.g. its own task's descriptions."""
    if queries.ndim != 2 or train.ndim != 2 or queries.shape[1] != train.shape[1]:
        raise ValueError(f"embeddings must be [Q, d] and [N, d] with one d, not {tuple(queries.shape)} and "
                         f"{tuple(train.shape)}")
    if not 1 <= neighbours <= len(train):
        raise ValueError(f"neighbours must be 1..{len(train)} (the training rows), got {neighbours}")
    train = F.normalize(train.float(), dim=-1)
    sims = F.normalize(queries.float(), dim=-1) @ train.T
    if exclude is not None:
        if exclude.shape != sims.shape:
            raise ValueError(f"exclude must be [Q, N] = {tuple(sims.shape)}, not {tuple(exclude.shape)}")
        if int((~exclude).sum(1).min()) < neighbours:
            raise ValueError(f"a query has fewer than {neighbours} rows it may use")
        sims = sims.masked_fill(exclude, float("-inf"))
    return train[sims.topk(neighbours, dim=1).indices].mean(dim=1)


def extrapolate(queries: torch.Tensor, means: torch.Tensor, beta: float) -> torch.Tensor:
    """``normalize(e + beta * (e - c))`` for each query ``e`` and its neighbours' mean ``c``."""
    queries = F.normalize(queries.float(), dim=-1)
    return F.normalize(queries + beta * (queries - means.float()), dim=-1)
