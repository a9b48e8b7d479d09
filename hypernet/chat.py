"""Greedy chat completion with a base model (optionally carrying an adapter)."""

from __future__ import annotations

from typing import TYPE_CHECKING

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
    max_new_tokens: int = 32,
) -> list[str]:
    """Greedy answers to ``user_messages``, batched with left padding."""
    import torch

    prompts = chat_prompts(tokenizer, user_messages)
    previous_side = tokenizer.padding_side
    tokenizer.padding_side = "left"
    try:
        batch = tokenizer(prompts, return_tensors="pt", padding=True, add_special_tokens=False)
    finally:
        tokenizer.padding_side = previous_side
    batch = batch.to(model.device)
    with torch.inference_mode():
        out = model.generate(
            **batch,
            max_new_tokens=max_new_tokens,
            do_sample=False,
            pad_token_id=tokenizer.pad_token_id,
        )
    new_tokens = out[:, batch["input_ids"].shape[1] :]
    return [text.strip() for text in tokenizer.batch_decode(new_tokens, skip_special_tokens=True)]
