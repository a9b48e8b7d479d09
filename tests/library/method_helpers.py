"""Adapters of every method, made by the libraries that define them (PEFT, hypernet.bottleneck) on
a given model, with random non-trivial weights, saved as ``t2l train oracle`` saves them."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import torch

METHODS = ("lora", "rslora", "dora", "qlora", "prompt-tuning", "bottleneck")


def tiny_llama(hidden: int = 32, seed: int = 0) -> torch.nn.Module:
    """A 2-layer Llama with ``hidden`` width: fast, and PEFT wraps it like any causal LM."""
    from transformers import LlamaConfig, LlamaForCausalLM

    torch.manual_seed(seed)
    config = LlamaConfig(vocab_size=64, hidden_size=hidden, intermediate_size=2 * hidden, num_hidden_layers=2,
                         num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=64)
    return LlamaForCausalLM(config).eval()


def make_method_adapter(model: torch.nn.Module, method: str, directory: Path, *, seed: int = 0,
                        scale: float = 0.3, virtual_tokens: int = 5) -> tuple[Path, torch.nn.Module]:
    """Save a ``method`` adapter for ``model`` (left untouched) in ``directory``; returns the
    directory and a copy of the model carrying the adapter (to compute reference outputs with).

    QLoRA cannot be trained without CUDA; its files are LoRA's plus the ``metrics.json`` that
    ``t2l train oracle --method qlora`` writes, which is all the catalog reads."""
    from peft import LoraConfig, PromptTuningConfig, get_peft_model

    gen = torch.Generator().manual_seed(seed)
    adapted = copy.deepcopy(model)
    if method == "bottleneck":
        from hypernet.bottleneck import BottleneckAdapters, BottleneckConfig, save_bottleneck

        adapters = BottleneckAdapters.for_model(adapted, BottleneckConfig(reduction_factor=4))
        with torch.no_grad():
            for p in adapters.parameters():
                p.copy_(torch.randn(p.shape, generator=gen) * scale)
        save_bottleneck(adapters, directory, {"seed": seed})
        adapted.bottleneck_adapters = adapters
        return directory, adapted
    if method == "prompt-tuning":
        config = PromptTuningConfig(task_type="CAUSAL_LM", num_virtual_tokens=virtual_tokens)
    else:
        config = LoraConfig(r=4, lora_alpha=8, target_modules=["q_proj", "v_proj"], task_type="CAUSAL_LM",
                            use_rslora=method == "rslora", use_dora=method == "dora")
    peft_model = get_peft_model(adapted, config)
    with torch.no_grad():
        for name, p in peft_model.named_parameters():
            if "lora_" in name or "prompt_encoder" in name:
                p.copy_(p + torch.randn(p.shape, generator=gen) * scale)
    peft_model.eval()
    peft_model.save_pretrained(str(directory))
    if method == "qlora":
        (directory / "metrics.json").write_text(json.dumps({"task_id": "demo", "method": "qlora"}))
    return directory, peft_model
