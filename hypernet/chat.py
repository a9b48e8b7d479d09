"""Greedy chat completion with a base model (optionally carrying an adapter)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    from transformers import PreTrainedModel, PreTrainedTokenizerBase


def chat_prompts(tokenizer: PreTrainedTokenizerBase, user_messages: list[str]) -> list[str]:
    """Each message as a one-turn chat prompt ending where the assistant starts to answer."""
    if getattr(tokenizer, "chat_template", None):
        return [
            tokenizer.apply_chat_template([{"role": "user", "content": m}], tokenize=False, add_generation_prompt=True)
            for m in user_messages
        ]
    return [f"{m}\n" for m in user_messages]


def complete(
    model: PreTrainedModel,
    tokenizer: PreTrainedTokenizerBase,
    user_messages: list[str],
    *,
    max_new_tokens: int | Sequence[int] = 32,
) -> list[str]:
    """Greedy answers to ``user_messages``, batched with left padding. ``max_new_tokens`` may give
    each message its own budget: the batch generates up to the largest, and each answer is cut at
    its own, so it is the answer that budget alone would give."""
    import torch

    budgets = [max_new_tokens] * len(user_messages) if isinstance(max_new_tokens, int) else list(max_new_tokens)
    if len(budgets) != len(user_messages):
        raise ValueError(f"{len(budgets)} token budgets for {len(user_messages)} messages")

    prompts = chat_prompts(tokenizer, user_messages)
    previous_side = tokenizer.padding_side
    tokenizer.padding_side = "left"
    try:
        batch = tokenizer(prompts, return_tensors="pt", padding=True, add_special_tokens=False)
    finally:
        tokenizer.padding_side = previous_side
    batch = batch.to(model.device)
    stop = end_token_ids(model, tokenizer)
    with torch.inference_mode():
        out = model.generate(
            **batch,
            max_new_tokens=max(budgets),
            do_sample=False,
            pad_token_id=tokenizer.pad_token_id,
            eos_token_id=stop,
        )
    answers = []
    for row, budget in zip(out[:, batch["input_ids"].shape[1] :].tolist(), budgets):
        row = row[:budget]
        # cut at the first end token: text after it is not part of the answer
        cut = next((i for i, token in enumerate(row) if token in stop), len(row))
        answers.append(tokenizer.decode(row[:cut], skip_special_tokens=True).strip())
    return answers


def answer_end_ids(tokenizer: PreTrainedTokenizerBase) -> list[int]:
    """The tokens that close an assistant turn, read from the chat template itself.

    ``tokenizer.eos_token`` is not reliable for this: the same GGUF file gives SmolLM2's
    ``<|im_end|>`` under one transformers version and ``<|im_start|>`` under another, and which
    tokens count as "special" changes too. So the end of turn is the first piece of text the
    template puts after an answer, looked up in the vocabulary as one token (``<|im_end|>``),
    else the first special token of that text. Training appends these ids to every answer, and
    generation stops at them.
    """
    marker = "\u2063answer\u2063"
    if getattr(tokenizer, "chat_template", None):
        text = tokenizer.apply_chat_template(
            [{"role": "user", "content": "q"}, {"role": "assistant", "content": marker}], tokenize=False
        )
        suffix = text.split(marker, 1)[1].strip() if marker in text else ""
        if suffix:
            whole = _single_token_id(tokenizer, suffix.split()[0])
            if whole is not None:
                return [whole]
            ids = tokenizer(suffix, add_special_tokens=False)["input_ids"]
            special = set(tokenizer.all_special_ids)
            first_special = next((i for i in ids if i in special), None)
            if first_special is not None:
                return [first_special]
    if tokenizer.eos_token_id is None:
        raise ValueError("the tokenizer has neither a chat template with an end-of-turn token nor an eos token")
    return [tokenizer.eos_token_id]


def turn_marker_ids(tokenizer: PreTrainedTokenizerBase) -> list[int]:
    """Every single-token marker the chat template writes around turns (``<|im_start|>``,
    ``<|im_end|>``, ...): none belongs inside an answer, so any of them ends one, whichever
    end token an adapter was trained with."""
    if not getattr(tokenizer, "chat_template", None):
        return []
    import re

    text = tokenizer.apply_chat_template(
        [{"role": "user", "content": "q"}, {"role": "assistant", "content": "a"}], tokenize=False
    )
    found = (_single_token_id(tokenizer, m) for m in set(re.findall(r"<[^<>\s]+>", text)))
    return sorted(i for i in found if i is not None)


def _single_token_id(tokenizer: PreTrainedTokenizerBase, text: str) -> int | None:
    """The id of ``text`` if the vocabulary holds it as one token (an unknown token maps to the
    unk id, which does not map back to ``text``)."""
    token_id = tokenizer.convert_tokens_to_ids(text)
    if token_id is None or tokenizer.convert_ids_to_tokens(token_id) != text:
        return None
    return int(token_id)


def end_token_ids(model: PreTrainedModel, tokenizer: PreTrainedTokenizerBase) -> list[int]:
    """Tokens that end an answer: the chat template's end of turn and turn markers, and the
    model's configured eos."""
    ids = set(answer_end_ids(tokenizer)) | set(turn_marker_ids(tokenizer))
    configured = getattr(getattr(model, "generation_config", None), "eos_token_id", None)
    ids.update(configured if isinstance(configured, list) else [configured])
    return sorted(i for i in ids if i is not None)
