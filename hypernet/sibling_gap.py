"""Does a task's own adapter beat the one its nearest sibling's description makes, on the task's
own examples? The quantity ``t2l train sft --sibling-contrast`` trains, read on any checkpoint.

For each task: the adapter from one of its held-out descriptions (never trained on) and the adapter
from its nearest sibling's description. The sibling is the candidate task of the same family whose
training descriptions' mean embedding lies nearest that held-out description. Both run the task's
validation examples, with the task's own description in the prompt when the checkpoint was trained
so. The gap is the sibling adapter's response cross-entropy minus the own one's, in nats. Above 0,
the adapter carries what sets the task apart from its sibling. Near 0, the task gets its sibling's
adapter, which is what the samples of docs/EVAL.md (session 15) show on held-out structured tasks.
No answers are generated, so it takes minutes on a CPU.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Mapping, Sequence

import torch

from hypernet.generate import encode_descriptions, generate_weights
from hypernet.lora import batched_lora
from hypernet.separability import task_centroids
from hypernet.train.data import collate, encode_examples, per_sample_response_loss, user_message

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

    from hypernet.base_model import LoadedModel
    from hypernet.model import HyperNetwork
    from hypernet.tasks.types import Task


@dataclass(frozen=True)
class SiblingGap:
    """One task's response CE (nats, mean over its examples) under its own adapter and under its
    nearest sibling's."""

    task: str
    sibling: str
    own_loss: float
    sibling_loss: float

    @property
    def gap(self) -> float:
        return self.sibling_loss - self.own_loss


def probe_description(task: Task) -> str:
    """The description a task is probed with: its first held-out one (else its first training one)."""
    return (task.heldout_descriptions or task.descriptions)[0]


def nearest_siblings(tasks: Sequence[Task], candidates: Sequence[Task], encoder: SentenceTransformer,
                     *, descriptions: int = 20) -> dict[str, Task]:
    """For each task with a candidate of its family other than itself: the one whose mean embedding
    of its first ``descriptions`` training descriptions is nearest (cosine) to the task's probe
    description (a mean over 20 is steady and keeps a large suite quick to encode)."""
    by_family: dict[str, list[Task]] = {}
    for candidate in candidates:
        by_family.setdefault(candidate.family, []).append(candidate)
    pool = list({c.id: c for t in tasks for c in by_family.get(t.family, []) if c.id != t.id}.values())
    if not pool:
        return {}
    texts = [text for c in pool for text in c.descriptions[:descriptions]]
    owner = torch.tensor([i for i, c in enumerate(pool) for _ in c.descriptions[:descriptions]])
    means = task_centroids(encode_descriptions(encoder, texts, device="cpu"), owner, len(pool))
    row = {c.id: i for i, c in enumerate(pool)}
    probes = encode_descriptions(encoder, [probe_description(t) for t in tasks], device="cpu").float()
    nearest = {}
    for task, probe in zip(tasks, probes):
        rivals = [c for c in by_family.get(task.family, []) if c.id != task.id]
        if rivals:
            scores = means[[row[c.id] for c in rivals]] @ probe
            nearest[task.id] = rivals[int(scores.argmax())]
    return nearest


@torch.no_grad()
def task_losses(loaded: LoadedModel, hypernet: HyperNetwork, tasks: Sequence[Task], embeddings: torch.Tensor,
                *, examples: int = 8, tasks_per_batch: int = 8) -> list[float]:
    """Each task's response CE (nats, mean over its first ``examples`` validation examples) under the
    adapter generated from its row of ``embeddings`` [len(tasks), d], with the task's probe description
    in the prompt when the checkpoint was trained so. Every task needs validation examples."""
    if examples < 1 or tasks_per_batch < 1:
        raise ValueError(f"examples and tasks_per_batch must be >= 1, got {examples} and {tasks_per_batch}")
    if len(embeddings) != len(tasks):
        raise ValueError(f"{len(embeddings)} embeddings for {len(tasks)} tasks")
    if empty := [t.id for t in tasks if not t.validation]:
        raise ValueError(f"no validation examples in {', '.join(empty)}")
    device = next(loaded.model.parameters()).device
    in_prompt = hypernet.config.prompt_description
    was_training = hypernet.training
    hypernet.eval()
    losses: list[float] = []
    try:
        for start in range(0, len(tasks), tasks_per_batch):
            group = tasks[start:start + tasks_per_batch]
            weights = generate_weights(hypernet, embeddings[start:start + tasks_per_batch].to(device))
            rows = [encode_examples(loaded.tokenizer, [user_message(e.input, probe_description(task) if in_prompt else None)
                                                       for e in task.validation[:examples]],
                                    [e.output for e in task.validation[:examples]]) for task in group]
            width = min(len(r) for r in rows)  # batched_lora needs the same number of rows per adapter
            batch = collate([e for block in rows for e in block[:width]], loaded.tokenizer.pad_token_id)
            batch = {k: v.to(device) for k, v in batch.items()}
            labels = batch.pop("labels")
            with batched_lora(loaded.model, weights, hypernet.config.scaling):
                logits = loaded.model(**batch).logits
            losses.extend(per_sample_response_loss(logits, labels).view(len(group), width).mean(dim=1).tolist())
    finally:
        hypernet.train(was_training)
    return losses


def sibling_gaps(loaded: LoadedModel, encoder: SentenceTransformer, hypernet: HyperNetwork, tasks: Sequence[Task],
                 siblings: Mapping[str, Task], *, examples: int = 8, tasks_per_batch: int = 8) -> list[SiblingGap]:
    """``SiblingGap`` of every task in ``tasks`` that has a sibling in ``siblings`` (``nearest_siblings``:
    computed once, it serves every checkpoint of one encoder), on its first ``examples`` validation
    examples."""
    if examples < 1 or tasks_per_batch < 1:
        raise ValueError(f"examples and tasks_per_batch must be >= 1, got {examples} and {tasks_per_batch}")
    probed = [t for t in tasks if t.id in siblings and t.validation]
    if not probed:
        return []
    device = next(loaded.model.parameters()).device
    own = encode_descriptions(encoder, [probe_description(t) for t in probed], device=device)
    theirs = encode_descriptions(encoder, [siblings[t.id].descriptions[0] for t in probed], device=device)
    kwargs = dict(examples=examples, tasks_per_batch=tasks_per_batch)
    own_losses = task_losses(loaded, hypernet, probed, own, **kwargs)
    sibling_losses = task_losses(loaded, hypernet, probed, theirs, **kwargs)
    return [SiblingGap(t.id, siblings[t.id].id, o, s) for t, o, s in zip(probed, own_losses, sibling_losses)]
