"""Recipe: train the hypernetwork to reproduce a library of LoRAs (T2L's reconstruction mode).

    t2l train recon --oracles runs/oracle --out runs/recon [--steps 3000]

The targets are oracle LoRAs (``t2l train oracle``), one per task, read from PEFT directories.
Each step draws tasks and one training description per task. The loss (``--loss``) is either
``delta`` (the default): the squared Frobenius distance between the generated and the oracle
ΔW = B·A of every layer, relative to the library's mean ‖ΔW‖² for that layer, computed from r×r
products without ever forming ΔW, plus the squared error of A relative to its mean square; or ``zscore``: L1 between generated and oracle A and B after
z-scoring every element across the library, as the paper does. ``delta`` compares what the
adapters do: A and B are only defined up to an invertible r×r factor, and elements of A that
training barely moved have a tiny spread across the library that z-scoring blows up into noise.
No base-model forward is needed, so it is fast.
"""

from __future__ import annotations

import random
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Sequence

import torch

from hypernet.checkpoint import Checkpoint, read_checkpoint_config, save_checkpoint
from hypernet.config import HypernetConfig
from hypernet.generate import embedding_dim, encode_descriptions
from hypernet.lora import weights_from_adapters
from hypernet.model import LoraWeights, build_hypernet
from hypernet.peft_format import LoraAdapter, load_peft_adapter
from hypernet.targets import discover_targets, select_targets
from hypernet.train.curves import LossCurve
from hypernet.train.distributed import (SINGLE, Group, check_batch, from_main, mean_over_processes, my_share,
                                        wait_for_all)
from hypernet.train.state import load_state, save_state, scheduled_lr
from t2l.errors import SettingError, T2LError

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
    # oracles per step: on 130 tasks, 16 stalled at 47 % of the oracles after 10,000 steps and 32
    # reached 100 % in 8,000 (docs/EVAL.md, session 10)
    tasks_per_batch: int = 32
    lr: float = 1e-3
    warmup_fraction: float = 0.1
    weight_decay: float = 0.01
    grad_clip: float = 1.0
    checkpoint_every: int = 500
    loss: str = "delta"  # "delta" (ΔW = BA, relative) or "zscore" (the paper's per-element L1)
    seed: int = 0
    target_modules: list[str] = field(default_factory=list)  # default: what the oracles target
    # float32 matmuls on TF32 tensor cores (CUDA only; storage and the loss stay float32): the wide
    # heads a large library needs make the step a few big matmuls (scripts/bench_recon.py measures it)
    tf32: bool = True
    max_minutes: float = 0.0  # stop early (checkpoint saved, resumable) after this long; 0 = no limit
    # the lr schedule spans this much training time (over resumes too) or ``steps``, whichever ends
    # first, and the run ends with it: a run slower than planned still anneals (0 = steps only)
    schedule_minutes: float = 0.0
    dropout: float = 0.05  # inside the trunk (the published value)
    # PyTorch's fused AdamW kernel: a wide head's step is largely the optimizer's (docs/BENCHMARKS.md)
    fused_adamw: bool = False

    def __post_init__(self) -> None:
        if self.max_minutes < 0:
            raise SettingError(f"max_minutes must be >= 0 (0 = no limit), got {self.max_minutes}")
        if self.schedule_minutes < 0:
            raise SettingError(f"schedule_minutes must be >= 0 (0 = steps only), got {self.schedule_minutes}")
        if self.loss not in ("delta", "zscore"):
            raise SettingError(f"loss must be 'delta' or 'zscore', not {self.loss!r}")
        if self.latent_dim % 4:  # before any model loads (HypernetConfig checks it again)
            raise SettingError(f"latent_dim must be a multiple of 4, got {self.latent_dim}")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@contextmanager
def matmul_precision(tf32: bool, device: torch.device | str) -> Iterator[None]:
    """Inside, float32 matmuls on ``device`` use TF32 tensor cores when ``tf32`` (CUDA only); the
    process-wide setting is restored on the way out, so other work is not affected."""
    if not tf32 or torch.device(device).type != "cuda":
        yield
        return
    before = torch.get_float32_matmul_precision()
    torch.set_float32_matmul_precision("high")
    try:
        yield
    finally:
        torch.set_float32_matmul_precision(before)


def delta_sq_distance(a: torch.Tensor, b: torch.Tensor, a_ref: torch.Tensor, b_ref: torch.Tensor) -> torch.Tensor:
    """‖b·a − b_ref·a_ref‖²_F per leading index, for A [..., r, in] and B [..., out, r], through r×r
    products only (tr(XᵀX) expanded), so no out×in matrix is ever built."""
    def gram_product(a1, b1, a2, b2):  # tr((b1 a1)ᵀ (b2 a2)) = Σ (b1ᵀ b2) ∘ (a1 a2ᵀ)
        return ((b1.transpose(-1, -2) @ b2) * (a1 @ a2.transpose(-1, -2))).sum((-1, -2))

    return gram_product(a, b, a, b) - 2 * gram_product(a, b, a_ref, b_ref) + gram_product(a_ref, b_ref, a_ref, b_ref)


def delta_loss(a: torch.Tensor, b: torch.Tensor, a_ref: torch.Tensor, b_ref: torch.Tensor,
               scale: torch.Tensor, a_scale: torch.Tensor) -> torch.Tensor:
    """The ``delta`` reconstruction loss of one module type: ‖ΔW − ΔW_ref‖² per layer relative to the
    library's mean ‖ΔW‖² (``scale``, per layer), plus A's squared error relative to its mean square:
    while B is still near zero, ΔW alone gives A almost no gradient, and A must first turn towards
    the oracles' row space."""
    return (delta_sq_distance(a, b, a_ref, b_ref) / scale).mean() + ((a - a_ref) ** 2).mean() / a_scale


def library_delta_loss(out: LoraWeights, goal: LoraWeights, index: torch.Tensor, scales: dict[str, torch.Tensor],
                       a_scales: dict[str, torch.Tensor]) -> torch.Tensor:
    """``delta_loss`` of the emitted adapters ``out`` against the oracles ``goal[...][index]``, averaged
    over module types (one reconstruction step's loss; ``scripts/bench_recon.py`` times the same)."""
    return sum(delta_loss(a.float(), b.float(), goal[name][0][index], goal[name][1][index], scales[name], a_scales[name])
               for name, (a, b) in out.items()) / len(out)


def capacity_note(tasks: int, config: HypernetConfig) -> str | None:
    """Why a size-L head cannot reproduce this many oracles, or None. Its output for one module type
    is a linear image of the ``head_hidden``-wide last layer, so all tasks × layers adapters it emits
    lie in a space of that dimension: independently trained oracles need at least that many."""
    if config.size != "L":
        return None
    layers = max(t.num_layers for t in config.targets)
    # a layer adapter has r*(in+out) numbers: fewer targets than that are independent, more are not
    needed = max(min(tasks * t.num_layers, config.rank * (t.in_features + t.out_features)) for t in config.targets)
    if config.head_hidden >= needed:
        return None
    return (f"{tasks} tasks × {layers} layers = {tasks * layers} distinct layer adapters per module type, but a "
            f"head {config.head_hidden} wide can emit at most {config.head_hidden} independent ones: "
            f"reconstruction will stall near the library's mean adapter. Use --head-hidden {needed} or more with "
            f"a wider trunk (--latent-dim 512): on 65 tasks, 512/128 reached 17 % of the oracles and 4096/512 "
            f"99.6 % (docs/EVAL.md).")


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
    group: Group = SINGLE,
) -> Checkpoint:
    """Train (or resume) a reconstruction hypernetwork; returns the checkpoint in ``out_dir/checkpoint``.

    Under ``torchrun`` (``group`` from ``join_from_env``) every process takes its slice of each step's
    oracles (``tasks_per_batch`` must split evenly) and process 0 writes the curve, state and checkpoint.
    """
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
    if config.loss == "zscore":
        stds = {n: tuple(w.std(0).clamp_min(1e-6) for w in ab) for n, ab in goal.items()}
    else:
        # the library's mean ‖ΔW‖² per layer: the delta loss is relative to it, so every layer counts alike
        scales = {n: delta_sq_distance(a, b, torch.zeros_like(a[:1]), torch.zeros_like(b[:1])).mean(0).clamp_min(1e-12)
                  for n, (a, b) in goal.items()}
        a_scales = {n: a.pow(2).mean().clamp_min(1e-12) for n, (a, _) in goal.items()}

    hconfig = HypernetConfig.from_targets(
        targets, base_model=loaded.name, encoder=encoder_name, embedding_dim=embedding_dim(encoder),
        rank=reference.rank, alpha=reference.alpha, use_rslora=reference.use_rslora, size=config.size,
        latent_dim=config.latent_dim, head_hidden=config.head_hidden, seed=config.seed, dropout=config.dropout,
        training={"recipe": "recon", **config.to_dict(), "tasks": [t.id for t in tasks]},
    )
    batch = min(config.tasks_per_batch, len(tasks))
    check_batch(group, batch)  # before any training
    note = capacity_note(len(tasks), hconfig)
    if note and group.is_main:
        warnings.warn(note, stacklevel=2)
    hypernet = build_hypernet(hconfig, device=device).train()
    texts, owner = [], []
    for index, task in enumerate(tasks):
        texts += task.descriptions
        owner += [index] * len(task.descriptions)
    table = encode_descriptions(encoder, texts, device=device).float()
    rows_of = [[row for row, o in enumerate(owner) if o == i] for i in range(len(tasks))]

    params = dict(hypernet.named_parameters())
    optimizer = torch.optim.AdamW(params.values(), lr=config.lr, weight_decay=config.weight_decay,
                                  fused=True if config.fused_adamw else None)
    resumed = load_state(out_dir / ".state", params, optimizer)
    start, extra = resumed if resumed else (0, {})
    # the trunk's dropout draws from torch's global generator: seeded (and again at a resume), runs
    # repeat; each process draws its own masks
    torch.manual_seed(config.seed + start + 7919 * group.rank)
    rng = random.Random(config.seed)
    if "rng" in extra:
        rng.setstate((extra["rng"][0], tuple(extra["rng"][1]), extra["rng"][2]))
    curve = LossCurve(out_dir / "loss.csv", ["loss", "lr"]) if group.is_main else None
    if curve:
        curve.truncate_after(start)
    model = hypernet
    if group.active:  # after the resume: DDP starts every process from process 0's weights
        from torch.nn.parallel import DistributedDataParallel

        model = DistributedDataParallel(hypernet, device_ids=[device] if device.type == "cuda" else None)
    started = time.perf_counter() - float(extra.get("seconds", 0.0))
    session_start = time.perf_counter()  # --max-minutes counts this run's time, not a resumed run's total
    stop = config.steps

    ended_by_time = False
    timed = bool(config.schedule_minutes or config.max_minutes)

    def clock() -> list[float]:  # (training seconds, this run's seconds) by process 0's clock, so
        if not timed:            # that every process stops at the same step
            return [0.0, 0.0]
        now = time.perf_counter()
        return from_main(group, [now - started, now - session_start], device)

    elapsed, session = clock()
    for step in range(start, config.steps):
        spent = elapsed / (60 * config.schedule_minutes) if config.schedule_minutes else None
        if spent is not None and spent >= 1:  # the time-budgeted schedule is over: the run's end, not a stop
            stop, ended_by_time = step, True
            break
        lr = scheduled_lr(step, config.steps, config.lr, config.warmup_fraction, spent)
        for param_group in optimizer.param_groups:
            param_group["lr"] = lr
        picked = rng.sample(range(len(tasks)), batch)
        rows = [rng.choice(rows_of[i]) for i in picked]  # the same global batch on every process
        picked, rows = my_share(group, picked), my_share(group, rows)
        index = torch.tensor(picked, device=device)
        with matmul_precision(config.tf32, device):
            out = model(table[rows])
            if config.loss == "delta":
                loss = library_delta_loss(out, goal, index, scales, a_scales)
            else:  # L1 between z-scored values: the means cancel, the per-element std remains
                loss = sum(((generated - target[index]) / std).abs().mean() / 2
                           for name, (a, b) in out.items()
                           for generated, target, std in zip((a, b), goal[name], stds[name])) / len(out)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
        torch.nn.utils.clip_grad_norm_(params.values(), config.grad_clip)
        optimizer.step()
        step_loss = float(mean_over_processes(group, loss))
        if curve:
            curve.log(step + 1, loss=step_loss, lr=lr)
        if on_step and group.is_main:
            on_step(step + 1, step_loss)
        elapsed, session = clock()
        if config.max_minutes and session > 60 * config.max_minutes:
            stop = step + 1  # out of time: the checkpoint below is this step's, and a rerun resumes here
            break
        if (step + 1) % config.checkpoint_every == 0 and step + 1 < config.steps and group.is_main:
            save_state(out_dir / ".state", params, optimizer, step + 1,
                       {"rng": rng.getstate(), "seconds": time.perf_counter() - started})
    hypernet.eval()
    seconds = time.perf_counter() - started
    if not group.is_main:  # its weights are process 0's: the same checkpoint, once written
        wait_for_all(group)
        written = read_checkpoint_config(out_dir / "checkpoint")[1]["weights_sha256"]
        return Checkpoint(hypernet=hypernet, sha256=written, path=out_dir / "checkpoint")
    final = save_checkpoint(hypernet, out_dir / "checkpoint",
                            extra={"step": stop, "seconds": seconds, "ended_by_time": ended_by_time,
                                   "stopped_early": stop < config.steps and not ended_by_time,
                                   "processes": group.world_size})
    save_state(out_dir / ".state", params, optimizer, stop, {"rng": rng.getstate(), "seconds": seconds})
    assert curve is not None
    curve.plot("T2L reconstruction")
    wait_for_all(group)
    return final
