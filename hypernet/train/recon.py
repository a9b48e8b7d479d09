"""Recipe: train the hypernetwork to reproduce a library of LoRAs (T2L's reconstruction mode).

    t2l train recon --oracles runs/oracle --out runs/recon [--steps 3000]

The targets are oracle LoRAs (``t2l train oracle``), one per task, read from PEFT directories.
Each step draws tasks and one training description per task; the loss is L1 between generated
and oracle A and B after z-scoring every element across the library (so small and large
layers count alike), as the paper does. No base-model forward is needed, so it is fast.
"""

from __future__ import annotations

import random
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Sequence

import torch

from hypernet.checkpoint import Checkpoint, save_checkpoint
from hypernet.config import HypernetConfig
from hypernet.generate import embedding_dim, encode_descriptions
from hypernet.lora import weights_from_adapters
from hypernet.model import build_hypernet
from hypernet.peft_format import LoraAdapter, load_peft_adapter
from hypernet.targets import discover_targets, select_targets
from hypernet.train.curves import LossCurve
from hypernet.train.state import load_state, lr_at, save_state
from t2l.errors import T2LError

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

    from hypernet.base_model import LoadedModel
    from hypernet.tasks.types import Task


@dataclass
class ReconConfig:
    size: str = "L"
    latent_dim: int = 128
    head_hidden: int = 512
    steps: int = 3000
    tasks_per_batch: int = 16
    lr: float = 1e-3
    warmup_fraction: float = 0.1
    weight_decay: float = 0.01
    grad_clip: float = 1.0
    checkpoint_every: int = 500
    seed: int = 0
    target_modules: list[str] = field(default_factory=list)  # default: what the oracles target

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def load_oracles(oracle_dir: Path, tasks: Sequence[Task]) -> list[LoraAdapter]:
    """The oracle adapter of every task, in task order; a clear error names tasks without one."""
    missing = [t.id for t in tasks if not (Path(oracle_dir) / t.id / "adapter_config.json").exists()]
    if missing:
        raise T2LError(f"no oracle LoRA in {oracle_dir} for {len(missing)} tasks ({', '.join(missing[:5])} ...); "
                       "run `t2l train oracle` first")
    adapters = [load_peft_adapter(Path(oracle_dir) / t.id) for t in tasks]
    shapes = {(a.rank, a.alpha, a.use_rslora) for a in adapters}
    if len(shapes) != 1:
        raise T2LError(f"oracle LoRAs differ in rank/alpha/rsLoRA {sorted(shapes)}; train them with one setting")
    return adapters


def train_recon(
    loaded: LoadedModel,
    encoder: SentenceTransformer,
    encoder_name: str,
    tasks: Sequence[Task],
    oracle_dir: Path,
    out_dir: Path,
    config: ReconConfig,
    on_step: Callable[[int, float], None] | None = None,
) -> Checkpoint:
    """Train (or resume) a reconstruction hypernetwork; returns the checkpoint in ``out_dir/checkpoint``."""
    out_dir = Path(out_dir)
    oracles = load_oracles(Path(oracle_dir), tasks)
    reference = oracles[0]
    names = config.target_modules or sorted(reference.target_modules)
    targets = select_targets(discover_targets(loaded.model), names)
    device = next(loaded.model.parameters()).device
    goal, _ = weights_from_adapters(oracles, targets, device=device)  # {name: (A [T,L,r,in], B [T,L,out,r])}
    # z-score every element across the library; std floored so near-constant elements do not explode
    if len(oracles) < 2:
        raise T2LError("reconstruction needs oracle LoRAs of at least two tasks (it z-scores across them)")
    stds = {n: tuple(w.std(0).clamp_min(1e-6) for w in ab) for n, ab in goal.items()}

    hconfig = HypernetConfig.from_targets(
        targets, base_model=loaded.name, encoder=encoder_name, embedding_dim=embedding_dim(encoder),
        rank=reference.rank, alpha=reference.alpha, use_rslora=reference.use_rslora, size=config.size,
        latent_dim=config.latent_dim, head_hidden=config.head_hidden, seed=config.seed,
        training={"recipe": "recon", **config.to_dict(), "tasks": [t.id for t in tasks]},
    )
    hypernet = build_hypernet(hconfig, device=device).train()
    texts, owner = [], []
    for index, task in enumerate(tasks):
        texts += task.descriptions
        owner += [index] * len(task.descriptions)
    table = encode_descriptions(encoder, texts, device=device).float()
    rows_of = [[row for row, o in enumerate(owner) if o == i] for i in range(len(tasks))]

    params = dict(hypernet.named_parameters())
    optimizer = torch.optim.AdamW(params.values(), lr=config.lr, weight_decay=config.weight_decay)
    resumed = load_state(out_dir / ".state", params, optimizer)
    start, extra = resumed if resumed else (0, {})
    rng = random.Random(config.seed)
    if "rng" in extra:
        rng.setstate((extra["rng"][0], tuple(extra["rng"][1]), extra["rng"][2]))
    curve = LossCurve(out_dir / "loss.csv", ["loss", "lr"])
    curve.truncate_after(start)
    started = time.perf_counter() - float(extra.get("seconds", 0.0))

    for step in range(start, config.steps):
        lr = lr_at(step, config.steps, config.lr, config.warmup_fraction)
        for group in optimizer.param_groups:
            group["lr"] = lr
        picked = rng.sample(range(len(tasks)), min(config.tasks_per_batch, len(tasks)))
        rows = [rng.choice(rows_of[i]) for i in picked]
        out = hypernet(table[rows])
        index = torch.tensor(picked, device=device)
        loss = torch.zeros((), device=device)
        for name, (a, b) in out.items():
            for generated, target, std in zip((a, b), goal[name], stds[name]):
                # L1 between z-scored values: the means cancel, the per-element std remains
                loss = loss + ((generated - target[index]) / std).abs().mean()
        loss = loss / (2 * len(out))
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params.values(), config.grad_clip)
        optimizer.step()
        curve.log(step + 1, loss=float(loss.detach()), lr=lr)
        if on_step:
            on_step(step + 1, float(loss.detach()))
        if (step + 1) % config.checkpoint_every == 0 and step + 1 < config.steps:
            save_state(out_dir / ".state", params, optimizer, step + 1,
                       {"rng": rng.getstate(), "seconds": time.perf_counter() - started})
    hypernet.eval()
    seconds = time.perf_counter() - started
    final = save_checkpoint(hypernet, out_dir / "checkpoint", extra={"step": config.steps, "seconds": seconds})
    save_state(out_dir / ".state", params, optimizer, config.steps, {"rng": rng.getstate(), "seconds": seconds})
    curve.plot("T2L reconstruction")
    return final
