"""Helpers for the job tests: hypernetwork checkpoints for SmolLM2's real target shapes, built
without loading the model, and the stacks (embedded SQLite; Redis + PostgreSQL) to run them on."""

from __future__ import annotations

from pathlib import Path

import torch

# SmolLM2-135M-Instruct's config, as read from its GGUF (ANCHORS.md)
SMOLLM2 = {"vocab_size": 49152, "hidden_size": 576, "intermediate_size": 1536, "num_hidden_layers": 30,
           "num_attention_heads": 9, "num_key_value_heads": 3, "tie_word_embeddings": True}
SMALL = {"latent_dim": 32, "head_hidden": 32}  # the suite's fast size (same output shapes)


def smollm2_targets(modules: tuple[str, ...] = ("q_proj", "v_proj")):
    """SmolLM2's q_proj/v_proj targets (shapes and module paths) from a meta-device model."""
    from transformers import LlamaConfig, LlamaForCausalLM

    from hypernet.targets import discover_targets, select_targets

    with torch.device("meta"):
        model = LlamaForCausalLM(LlamaConfig(**SMOLLM2))
    return select_targets(discover_targets(model), list(modules))


def make_checkpoint(directory: Path, *, small: bool = True, seed: int = 0, dora: bool = False) -> Path:
    """An untrained hypernetwork for SmolLM2 whose output heads get small random weights, so every
    description gets its own adapter (a fresh init maps every description to the same weights,
    which the content-addressed store would then hold once)."""
    from hypernet.checkpoint import save_checkpoint
    from hypernet.config import HypernetConfig
    from hypernet.model import build_hypernet

    config = HypernetConfig.from_targets(
        smollm2_targets(), base_model="smollm2-135m-instruct", encoder="all-minilm-l6-v2", embedding_dim=384,
        seed=seed, use_dora=dora, **(SMALL if small else {}),
    )
    hypernet = build_hypernet(config).eval()
    generator = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for head in hypernet.heads.values():
            head.weight.normal_(0.0, 0.02, generator=generator)
        if dora:  # stand-in base-model row norms (no model is loaded here) and non-zero magnitude heads
            hypernet.set_base_norms({t.name: torch.rand(t.num_layers, t.out_features, generator=generator) + 0.5
                                     for t in config.targets})
            for head in hypernet.magnitude_heads.values():
                head.weight.normal_(0.0, 0.02, generator=generator)
    save_checkpoint(hypernet, directory, trained=False)
    return directory
