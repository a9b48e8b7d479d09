"""Shared by the dispatcher, SDK and service tests: a small saved hypernetwork checkpoint whose
adapters are not zero, and full-size random adapters for SmolLM2's q_proj/v_proj."""

from __future__ import annotations

from pathlib import Path

import torch

BASE = "smollm2-135m-instruct"
TASKS = {
    "translate": ["Translate English sentences into French.", "Render the given English text in French."],
    "reverse": ["Reverse the order of the words in the sentence.", "Output the words of the input backwards."],
    "sentiment": ["Classify the sentiment of a movie review as positive or negative."],
}


def random_adapter(model, seed: int, *, rank: int = 8, scale: float = 0.05, layers: int | None = None):
    """A random rank-``rank`` LoRA on q_proj/v_proj of the first ``layers`` blocks (all by default)."""
    from hypernet.peft_format import LoraAdapter
    from hypernet.targets import discover_targets

    targets = discover_targets(model)
    gen = torch.Generator().manual_seed(seed)
    weights = {}
    for name in ("q_proj", "v_proj"):
        t = targets[name]
        for path in t.paths[:layers]:
            weights[path] = (torch.randn(rank, t.in_features, generator=gen) * scale,
                             torch.randn(t.out_features, rank, generator=gen) * scale)
    return LoraAdapter(rank=rank, alpha=2.0 * rank, weights=weights, target_modules=["q_proj", "v_proj"],
                       base_model=BASE, metadata={"seed": seed})


def save_small_checkpoint(model, directory: Path, *, seed: int = 0) -> Path:
    """A tiny hypernetwork (size S, latent 16) for ``model``'s q/v, head weights randomised so its
    adapters differ per description (a fresh network's ΔW is 0), saved as a checkpoint."""
    from hypernet.checkpoint import save_checkpoint
    from hypernet.config import HypernetConfig
    from hypernet.model import build_hypernet
    from hypernet.targets import discover_targets, select_targets

    targets = select_targets(discover_targets(model), ["q_proj", "v_proj"])
    config = HypernetConfig.from_targets(targets, base_model=BASE, encoder="all-minilm-l6-v2", embedding_dim=384,
                                         latent_dim=16, head_hidden=16, size="S", seed=seed)
    hypernet = build_hypernet(config)
    gen = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for head in hypernet.heads.values():
            head.weight.copy_(torch.randn(head.weight.shape, generator=gen) * 0.05)
    save_checkpoint(hypernet.eval(), directory)
    return directory

