"""Turn task examples into token batches with the loss on response tokens only."""

from __future__ import annotations

import random
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence, TypeVar

import torch

from hypernet.chat import answer_end_ids, chat_prompts

if TYPE_CHECKING:
    from transformers import PreTrainedTokenizerBase

IGNORE_INDEX = -100
T = TypeVar("T")


def family_balanced_sample(items: Sequence[T], family_of: Callable[[T], Hashable], k: int,
                           rng: random.Random) -> list[T]:
    """``min(k, len(items))`` distinct items, each drawn by picking a family uniformly among those
    with items left, then an item of it uniformly: every family is drawn about as often whatever
    its number of tasks (e.g. when training-only siblings make a few families much larger)."""
    left: dict[Hashable, list[T]] = {}
    for item in items:
        left.setdefault(family_of(item), []).append(item)
    chosen: list[T] = []
    while left and len(chosen) < k:
        family = rng.choice(list(left))
        members = left[family]
        chosen.append(members.pop(rng.randrange(len(members))))
        if not members:
            del left[family]
    return chosen


@dataclass(frozen=True)
class EncodedExample:
    input_ids: list[int]
    labels: list[int]


def user_message(example_input: str, description: str | None = None) -> str:
    """The user turn: the raw input, or the description then the input (the "description in the
    prompt" baseline and the multi-task LoRA, which has no other way to know the task)."""
    return f"{description.strip()}\n\n{example_input}" if description else example_input


def encode_examples(
    tokenizer: PreTrainedTokenizerBase,
    messages: Sequence[str],
    answers: Sequence[str],
    max_length: int = 256,
) -> list[EncodedExample]:
    """Chat-format each (message, answer) pair; labels are -100 except on the answer and its end token.

    Over-long pairs are cut from the left of the prompt so the answer is always kept.
    """
    prompts = chat_prompts(tokenizer, list(messages))
    prompt_ids = tokenizer(prompts, add_special_tokens=False)["input_ids"]
    answer_ids = tokenizer([a for a in answers], add_special_tokens=False)["input_ids"]
    end = answer_end_ids(tokenizer)
    out = []
    for p, a in zip(prompt_ids, answer_ids):
        a = a + end
        p = p[-max(1, max_length - len(a)) :]
        out.append(EncodedExample(p + a, [IGNORE_INDEX] * len(p) + a))
    return out


def collate(examples: Sequence[EncodedExample], pad_id: int) -> dict[str, torch.Tensor]:
    """Right-pad a list of encoded examples into input_ids, attention_mask and labels tensors."""
    width = max(len(e.input_ids) for e in examples)
    ids = torch.full((len(examples), width), pad_id, dtype=torch.long)
    labels = torch.full((len(examples), width), IGNORE_INDEX, dtype=torch.long)
    mask = torch.zeros((len(examples), width), dtype=torch.long)
    for row, e in enumerate(examples):
        n = len(e.input_ids)
        ids[row, :n] = torch.tensor(e.input_ids)
        labels[row, :n] = torch.tensor(e.labels)
        mask[row, :n] = 1
    return {"input_ids": ids, "attention_mask": mask, "labels": labels}


def response_loss(logits: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    """Mean next-token cross-entropy over response tokens (labels != -100)."""
    shifted = logits[:, :-1].float()
    target = labels[:, 1:]
    return torch.nn.functional.cross_entropy(
        shifted.reshape(-1, shifted.shape[-1]), target.reshape(-1), ignore_index=IGNORE_INDEX
    )


def response_token_losses(logits: torch.Tensor, labels: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """``(ce, counted)``, both ``[batch, length - 1]``: each next-token cross-entropy (0 off the
    response) and 1 where a response token is counted, so any pooling of rows costs no second pass."""
    target = labels[:, 1:]
    ce = torch.nn.functional.cross_entropy(logits[:, :-1].float().transpose(1, 2), target,
                                           ignore_index=IGNORE_INDEX, reduction="none")
    return ce, (target != IGNORE_INDEX).float()


def per_sample_response_loss(logits: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    """``[batch]``: each row's mean next-token cross-entropy over its response tokens."""
    ce, counted = response_token_losses(logits, labels)
    return (ce * counted).sum(dim=1) / counted.sum(dim=1).clamp(min=1)
