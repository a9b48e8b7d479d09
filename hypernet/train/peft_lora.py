"""Adapter training with PEFT: the oracle (one per task), multi-task and method recipes share this.

The base model is wrapped once; between tasks the LoRA weights are re-initialised in place, so
training many oracles never re-wraps or reloads the model.
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable

import torch

from hypernet.peft_format import LoraAdapter
from hypernet.train.curves import LossCurve
from hypernet.train.data import response_loss
from hypernet.train.state import load_state, lr_at, save_state


@dataclass
class LoraTrainConfig:
    """Settings of one LoRA training run (saved beside its results)."""

    target_modules: list[str] = field(default_factory=lambda: ["q_proj", "v_proj"])
    rank: int = 8
    alpha: float = 16.0
    use_rslora: bool = True
    dropout: float = 0.05
    steps: int = 200
    batch_size: int = 16
    lr: float = 1e-3
    warmup_fraction: float = 0.1
    weight_decay: float = 0.0
    grad_clip: float = 1.0
    max_length: int = 256
    checkpoint_every: int = 50
    seed: int = 0

    def __post_init__(self) -> None:
        if self.rank <= 0 or self.steps <= 0 or self.batch_size <= 0:
            raise ValueError("rank, steps and batch_size must be positive")
        if not self.target_modules:
            raise ValueError("target_modules must not be empty")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def wrap_with_lora(model: torch.nn.Module, config: LoraTrainConfig) -> torch.nn.Module:
    """The base model wrapped by PEFT with one trainable LoRA named 'default' (modifies ``model``)."""
    from peft import LoraConfig, get_peft_model

    lora = LoraConfig(
        r=config.rank,
        lora_alpha=config.alpha,
        use_rslora=config.use_rslora,
        lora_dropout=config.dropout,
        target_modules=list(config.target_modules),
        task_type="CAUSAL_LM",
    )
    return get_peft_model(model, lora)


def lora_layers(peft_model: torch.nn.Module) -> dict[str, Any]:
    """``{module path in the base model: peft LoraLayer}``."""
    from peft.tuners.lora import LoraLayer

    inner = peft_model.base_model.model
    return {path: m for path, m in inner.named_modules() if isinstance(m, LoraLayer)}


def reset_lora(peft_model: torch.nn.Module, seed: int) -> None:
    """Fresh PEFT initialisation of every LoRA layer (A random, B zero), reproducible from ``seed``."""
    torch.manual_seed(seed)
    for layer in lora_layers(peft_model).values():
        layer.reset_lora_parameters("default", True)


def lora_parameters(peft_model: torch.nn.Module) -> dict[str, torch.nn.Parameter]:
    return {n: p for n, p in peft_model.named_parameters() if p.requires_grad}


def extract_adapter(
    peft_model: torch.nn.Module, config: LoraTrainConfig, base_model: str, metadata: dict[str, Any]
) -> LoraAdapter:
    """The trained LoRA as a ``LoraAdapter`` (float32 CPU copies)."""
    weights = {
        path: (
            layer.lora_A["default"].weight.detach().float().cpu().clone(),
            layer.lora_B["default"].weight.detach().float().cpu().clone(),
        )
        for path, layer in lora_layers(peft_model).items()
    }
    return LoraAdapter(
        rank=config.rank,
        alpha=config.alpha,
        weights=weights,
        target_modules=list(config.target_modules),
        base_model=base_model,
        use_rslora=config.use_rslora,
        lora_dropout=config.dropout,
        metadata=metadata,
    )


def train_lora(
    peft_model: torch.nn.Module,
    next_batch: Callable[[random.Random], dict[str, torch.Tensor]],
    config: LoraTrainConfig,
    state_dir: Path,
    curve: LossCurve,
    on_step: Callable[[int, float], None] | None = None,
) -> float:
    """Train the PEFT model's trainable parameters (any method) for ``config.steps`` steps, resuming from ``state_dir`` if it holds a
    checkpoint; returns the mean loss of the last 10 % of steps."""
    params = lora_parameters(peft_model)
    optimizer = torch.optim.AdamW(params.values(), lr=config.lr, weight_decay=config.weight_decay)
    resumed = load_state(state_dir, params, optimizer)
    start, extra = resumed if resumed else (0, {})
    rng = random.Random(config.seed)
    if "rng" in extra:
        rng.setstate(_tuple_state(extra["rng"]))
    curve.truncate_after(start)
    device = next(iter(params.values())).device
    peft_model.train()
    tail: list[float] = []
    for step in range(start, config.steps):
        for group in optimizer.param_groups:
            group["lr"] = lr_at(step, config.steps, config.lr, config.warmup_fraction)
        batch = {k: v.to(device) for k, v in next_batch(rng).items()}
        labels = batch.pop("labels")
        with torch.autocast(device.type, dtype=torch.bfloat16, enabled=device.type == "cuda"):
            logits = peft_model(**batch).logits
        # prompt tuning prepends its virtual tokens: score only the positions of the real ones
        loss = response_loss(logits[:, -labels.shape[1] :], labels)
        if not torch.isfinite(loss):
            raise FloatingPointError(f"loss became {loss.item()} at step {step}; lower the learning rate")
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params.values(), config.grad_clip)
        optimizer.step()
        value = float(loss.detach())
        curve.log(step + 1, loss=value, lr=optimizer.param_groups[0]["lr"])
        if step >= config.steps * 0.9:
            tail.append(value)
        if on_step:
            on_step(step + 1, value)
        if (step + 1) % config.checkpoint_every == 0 and step + 1 < config.steps:
            save_state(state_dir, params, optimizer, step + 1, {"rng": rng.getstate()})
    peft_model.eval()
    return sum(tail) / len(tail) if tail else float("nan")


def _tuple_state(state: Any) -> Any:
    """random.Random state comes back from JSON as lists; setstate wants tuples."""
    return (state[0], tuple(state[1]), state[2])
