"""Recipe: train the hypernetwork end to end through the frozen base model (T2L's SFT mode).

    t2l train sft --out runs/sft [--steps 4000] [--size L] [--tasks-per-batch 8] [--examples-per-task 4]

Each step draws ``tasks_per_batch`` training tasks, one of each task's training descriptions and
``examples_per_task`` of its examples; the hypernetwork turns the descriptions into one LoRA per
task, and the base model runs the whole batch with each sample's own LoRA (``batched_lora``).
The loss is cross-entropy on response tokens plus a small L2 on the generated A and B.
Descriptions are embedded once, up front. The run resumes from ``OUT/.state``; the usable
artifact is the checkpoint directory ``OUT/checkpoint`` (safetensors + config.json).
"""

from __future__ import annotations

import math
import random
import time
import warnings
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Sequence

import torch
from torch.optim.swa_utils import AveragedModel

from hypernet.checkpoint import Checkpoint, save_checkpoint
from hypernet.config import HypernetConfig
from hypernet.evaluate import evaluate_method, hypernet_row
from hypernet.generate import embedding_dim, encode_descriptions
from hypernet.lora import batched_lora
from hypernet.model import (HyperNetwork, LoraWeights, base_row_norms, build_hypernet, init_from_adapter,
                            randomize_heads, set_fixed_adapter)
from hypernet.targets import discover_targets, select_targets
from hypernet.train.curves import LossCurve
from hypernet.train.data import (EncodedExample, collate, encode_examples, family_balanced_sample, response_loss,
                                 response_token_losses, user_message)
from hypernet.train.state import load_state, save_state, scheduled_lr
from t2l.errors import SettingError

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

    from hypernet.base_model import LoadedModel
    from hypernet.evaluate import MethodResult
    from hypernet.peft_format import LoraAdapter
    from hypernet.targets import TargetModule
    from hypernet.tasks.types import Example, Task


@dataclass
class SFTConfig:
    """Settings of an SFT run; recorded in the checkpoint's config (``training``)."""

    target_modules: list[str] = field(default_factory=lambda: ["q_proj", "v_proj"])
    rank: int = 8
    alpha: float = 16.0
    size: str = "L"
    latent_dim: int = 128
    head_hidden: int = 512
    steps: int = 4000
    tasks_per_batch: int = 8
    examples_per_task: int = 4
    lr: float = 1e-4
    warmup_fraction: float = 0.2
    weight_decay: float = 0.01
    grad_clip: float = 1.0
    l2_weight: float = 1e-3
    max_length: int = 256
    eval_every: int = 250
    checkpoint_every: int = 250
    max_minutes: float = 0.0  # stop early (checkpoint saved, resumable) after this long; 0 = no limit
    # the lr schedule spans this much training time (over resumes too) or ``steps``, whichever ends
    # first, and the run ends with it: a run slower than planned still anneals (0 = steps only)
    schedule_minutes: float = 0.0
    # training tasks held back from training to choose the checkpoint by (zero-shot loss on them):
    # the held-out test tasks must not choose it
    selection_tasks: int = 0
    # what chooses OUT/best among the evaluated steps: the selection tasks' loss, or the exact match
    # of answers generated on their first selection_examples validation examples under their first
    # selection_descriptions held-out descriptions (as t2l eval scores; the loss and the score
    # disagreed on the 476-task suite, docs/EVAL.md session 7)
    select_by: str = "loss"
    selection_examples: int = 16
    selection_descriptions: int = 3
    # the description also goes into the prompt (as for the multi-task LoRA); generation then does the same
    prompt_description: bool = False
    # Gaussian noise on the (unit-length) description embeddings while training, renormalised:
    # nearby points must give the same adapter, which pushes against memorising each task
    embedding_noise: float = 0.0
    # with this probability a sample's adapter comes from another task of its family's description,
    # while the prompt keeps its own: the adapter may carry what the family shares, and the prompt
    # must say which task it is (a held-out task's adapter is a sibling's; see docs/EVAL.md, units)
    family_swap: float = 0.0
    # weight of a sibling contrast: each task of a step with a sibling (same family) also runs its
    # examples under an adapter from a sibling's description (its prompt unchanged), and the step pays
    # ``sibling_contrast`` * max(0, ``sibling_margin`` - (sibling CE - own CE)) per task. Zero-shot T2L
    # gives a held-out task its nearest sibling's format (docs/EVAL.md, session 15): this asks the
    # adapter to carry what tells siblings apart. 0 = off (no second pass)
    sibling_contrast: float = 0.0
    sibling_margin: float = 0.3
    # emit DoRA adapters (a magnitude per output row beside A and B); trained through DoRA's forward
    use_dora: bool = False
    use_rslora: bool = True  # scaling alpha/sqrt(r) (rsLoRA, as the paper); False: alpha/r
    # start from this PEFT LoRA (e.g. the multi-task LoRA): at step 0 every description gets it, and
    # training learns what the description adds (per-layer output offsets, size L)
    init_adapter: str = ""
    # the residual form: this PEFT LoRA is a fixed rank block of every emitted adapter (rank becomes
    # its rank + ``rank``) and the heads learn the other ``rank`` rows from zero, as from scratch, at
    # the from-scratch scaling (``HypernetConfig.fixed_rank``); the warm start instead perturbs the
    # start adapter's own factors and stayed ~90 % one adapter for all tasks (docs/EVAL.md, session 10)
    residual_adapter: str = ""
    # head weights from N(0, std²) instead of zero (after the start adapter): the description pathway
    # gets a gradient from step 0 (``randomize_heads``); 0 = the zero heads of Bias-HyperInit
    head_init_std: float = 0.0
    # draw each step's tasks family first (``family_balanced_sample``), so that a family with many
    # tasks (e.g. training-only siblings, ``t2l tasks export --extra``) is not drawn more often
    balance_families: bool = False
    # also keep the checkpoint of every evaluated step (OUT/steps/step-NNNNNN), to score them all
    # afterwards for reading: does a lower held-back loss mean a better adapter on new tasks?
    keep_checkpoints: bool = False
    # from this step on, keep the running mean of the weights after every step (stochastic weight
    # averaging) in OUT/average; 0 = off. Soups of later steps were the best T2L rows on the held-out
    # tasks in sessions 7 and 8 (docs/EVAL.md), and this one averages every step, not a few kept ones
    average_from: int = 0
    seed: int = 0

    def __post_init__(self) -> None:
        for key in ("rank", "steps", "tasks_per_batch", "examples_per_task", "eval_every", "checkpoint_every"):
            if getattr(self, key) <= 0:
                raise SettingError(f"{key} must be positive")
        for key in ("max_minutes", "schedule_minutes"):
            if getattr(self, key) < 0:
                raise SettingError(f"{key} must be >= 0 (0 = off), got {getattr(self, key)}")
        if self.select_by not in ("loss", "exact"):
            raise SettingError(f"select_by must be loss or exact, not {self.select_by!r}")
        if self.select_by == "exact" and not self.selection_tasks:
            raise SettingError("select_by exact scores the held-back selection tasks: set selection_tasks too")
        if self.selection_examples <= 0 or self.selection_descriptions <= 0:
            raise SettingError("selection_examples and selection_descriptions must be positive")
        if self.average_from < 0:
            raise SettingError(f"average_from must be >= 0 (0 = no weight average), got {self.average_from}")
        if self.average_from > self.steps:
            raise SettingError(f"average_from ({self.average_from}) is after the last step ({self.steps}): "
                               "nothing would be averaged")
        if self.embedding_noise < 0:
            raise SettingError("embedding_noise must be >= 0")
        if self.head_init_std < 0:
            raise SettingError(f"head_init_std must be >= 0 (0 = zero heads), got {self.head_init_std}")
        if not 0 <= self.family_swap <= 1:
            raise SettingError(f"family_swap is a probability (0 to 1), got {self.family_swap}")
        if self.sibling_contrast < 0 or self.sibling_margin < 0:
            raise SettingError(f"sibling_contrast and sibling_margin must be >= 0, got {self.sibling_contrast} "
                               f"and {self.sibling_margin}")
        if self.sibling_contrast and self.family_swap:
            raise SettingError("--sibling-contrast asks a task's own adapter to beat its siblings' and --family-swap "
                               "trains it on theirs: choose one")
        if self.family_swap and not self.prompt_description:
            raise SettingError("family_swap needs the description in the prompt (--prompt-description): "
                               "otherwise a swapped sample says nothing of its own task")
        if self.latent_dim % 4:  # before any model loads (HypernetConfig checks it again)
            raise SettingError(f"latent_dim must be a multiple of 4, got {self.latent_dim}")
        # checked here, before any model loads, as well as in HypernetConfig
        if self.init_adapter and self.residual_adapter:
            raise SettingError("--init-adapter and --residual-adapter are two ways to start from an adapter: "
                               "choose one")
        if self.residual_adapter and self.use_dora:
            raise SettingError("--residual-adapter (a fixed LoRA block) cannot be combined with --dora")
        for wanted, what in ((self.init_adapter, "--init-adapter (per-layer output offsets)"),
                             (self.residual_adapter, "--residual-adapter (a fixed rank block)"),
                             (self.use_dora, "--dora (magnitude heads)")):
            if wanted and self.size != "L":
                raise SettingError(f"{what} needs a size L hypernetwork, not {self.size}")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class _TaskData:
    task: Task
    examples: list[EncodedExample]
    description_rows: list[int]  # rows of the embedding table holding this task's descriptions
    raw: Sequence[Example]  # the examples before encoding (re-encoded with the description in the prompt)


@dataclass
class _Pool:
    """Tasks with their encoded examples, the description embedding table and its texts."""

    data: list[_TaskData]
    table: torch.Tensor | None
    texts: list[str]
    tokenizer: Any
    siblings: dict[str, list[_TaskData]] = field(default_factory=dict)  # task id -> the other tasks of its family


def _prepare(tasks: Sequence[Task], tokenizer, encoder, config: SFTConfig, device, heldout_descriptions: bool) -> _Pool:
    """Encode every task's examples and descriptions once."""
    texts: list[str] = []
    data = []
    for task in tasks:
        descriptions = task.heldout_descriptions if heldout_descriptions else task.descriptions
        examples = task.validation if heldout_descriptions else task.train
        rows = list(range(len(texts), len(texts) + len(descriptions)))
        texts += descriptions
        encoded = encode_examples(tokenizer, [user_message(e.input) for e in examples],
                                  [e.output for e in examples], config.max_length)
        data.append(_TaskData(task, encoded, rows, examples))
    table = encode_descriptions(encoder, texts, device=device).float() if texts else None
    families: dict[str, list[_TaskData]] = {}
    for item in data:
        families.setdefault(item.task.family, []).append(item)
    siblings = {item.task.id: [o for o in families[item.task.family] if o is not item] for item in data}
    return _Pool(data, table, texts, tokenizer, siblings)


def _sibling_row(pool: _Pool, item: _TaskData, rng: random.Random) -> int | None:
    """A description row of another task of ``item``'s family, or None if it has no sibling."""
    siblings = pool.siblings.get(item.task.id)
    return rng.choice(rng.choice(siblings).description_rows) if siblings else None


def _batch(pool: _Pool, rng: random.Random, config: SFTConfig, pad: int, family_swap: float = 0.0,
           contrast: bool = False):
    """One step's batch: task i's examples adjacent, as ``batched_lora`` expects (N adapters, k copies).
    With ``family_swap``, a task's adapter may come from a sibling's description (its prompt does not).
    Returns (embeddings, batch, contrasted): with ``contrast``, the N own adapters are followed by one
    from a sibling's description for each task in ``contrasted`` (indices into the N), on that task's
    same examples and prompts."""
    if config.balance_families:
        chosen = family_balanced_sample(pool.data, lambda item: item.task.family, config.tasks_per_batch, rng)
    else:
        chosen = rng.sample(pool.data, min(config.tasks_per_batch, len(pool.data)))
    rows, examples, sibling_rows, sibling_examples, contrasted = [], [], [], [], []
    for index, item in enumerate(chosen):
        row = rng.choice(item.description_rows)
        swapped = _sibling_row(pool, item, rng) if family_swap and rng.random() < family_swap else None
        rows.append(row if swapped is None else swapped)
        picked = [rng.randrange(len(item.examples)) for _ in range(config.examples_per_task)]
        if config.prompt_description:
            raw = [item.raw[i] for i in picked]
            encoded = encode_examples(pool.tokenizer, [user_message(e.input, pool.texts[row]) for e in raw],
                                      [e.output for e in raw], config.max_length)
        else:
            encoded = [item.examples[i] for i in picked]
        examples += encoded
        if contrast and (other := _sibling_row(pool, item, rng)) is not None:
            sibling_rows.append(other)
            sibling_examples += encoded
            contrasted.append(index)
    return pool.table[rows + sibling_rows], collate(examples + sibling_examples, pad), contrasted


def noisy(embeddings: torch.Tensor, scale: float) -> torch.Tensor:
    """Unit vectors moved by Gaussian noise of std ``scale / sqrt(d)`` per coordinate (so about
    ``scale`` in length) and put back on the unit sphere."""
    noise = torch.randn_like(embeddings) * (scale / embeddings.shape[-1] ** 0.5)
    return torch.nn.functional.normalize(embeddings + noise, dim=-1)


def selection_split(tasks: Sequence[Task], count: int) -> tuple[list[Task], list[Task]]:
    """(tasks to train on, ``count`` tasks held back to choose the checkpoint by), spread over families
    and stable: within each family tasks are ordered by a hash of their id, and families take turns."""
    import zlib

    if count <= 0:
        return list(tasks), []
    families: dict[str, list[Task]] = {}
    for task in sorted(tasks, key=lambda t: zlib.crc32(t.id.encode())):
        families.setdefault(task.family, []).append(task)
    spare = sum(len(members) - 1 for members in families.values())  # every family keeps one to train on
    if count > spare:
        raise SettingError(f"cannot hold back {count} of {len(tasks)} training tasks for checkpoint selection: "
                           f"each of the {len(families)} families keeps one to train on, so at most {spare} can be")
    held: list[Task] = []
    turn = 0
    while len(held) < count:
        for family in sorted(families):
            members = families[family]
            # never take a family's last training task
            if turn < len(members) - 1 and len(held) < count:
                held.append(members[turn])
        turn += 1
    held_ids = {t.id for t in held}
    return [t for t in tasks if t.id not in held_ids], held


def check_start_adapter(directory: Path, selection: Sequence[Task], rank: int | None = None) -> None:
    """Refuse a start adapter trained on a task that chooses the checkpoint: its loss there is not a
    zero-shot loss, so no step could beat step 0 (``t2l train multitask --selection-tasks N`` holds
    back the same tasks as ``t2l train sft --selection-tasks N``). ``rank``: the rank it must have
    (a warm start emits adapters of the start adapter's rank)."""
    from hypernet.peft_format import load_peft_adapter

    adapter = load_peft_adapter(directory)
    if rank is not None and adapter.rank != rank:
        raise SettingError(f"{directory} has rank {adapter.rank}, but --rank is {rank}: a run that starts from "
                           f"it emits adapters of its rank, so give --rank {adapter.rank}")
    recorded = adapter.metadata.get("tasks")
    if recorded is None and selection:  # e.g. a LoRA trained outside t2l: it cannot be checked
        warnings.warn(f"{directory} does not record the tasks it was trained on, so nothing checks that none "
                      "of them chooses this run's checkpoint", stacklevel=2)
    if seen := sorted(set(recorded or ()) & {t.id for t in selection}):
        raise SettingError(
            f"{directory} was trained on {len(seen)} of the tasks held back to choose the checkpoint "
            f"({', '.join(seen[:3])}{', ...' if len(seen) > 3 else ''}); train it with the same --selection-tasks")


def _adapter_weights(adapter: LoraAdapter, source: Path, rank: int, takes: str,
                     targets: Sequence[TargetModule]) -> tuple[dict[str, tuple[torch.Tensor, torch.Tensor]], float]:
    """A PEFT LoRA's ``{module: (A [L, r, in], B [L, out, r])}`` and scaling, refused unless its rank is
    ``rank`` (``source``: where it was read; ``takes``: what takes it, for the message)."""
    from hypernet.lora import weights_from_adapters

    if adapter.rank != rank:
        raise SettingError(f"{source} has rank {adapter.rank}; {takes} rank {rank}")
    stacked, scaling = weights_from_adapters([adapter], {t.name: t for t in targets})
    return {name: (a[0], b[0]) for name, (a, b) in stacked.items()}, float(scaling[0])


def start_from_adapter(hypernet: HyperNetwork, directory: Path, targets: Sequence[TargetModule]) -> LoraWeights:
    """``init_from_adapter`` with a PEFT LoRA directory (``AdapterFormatError`` if unreadable); returns
    the emitted weights ``{module: (A [1, L, r, in], B [1, L, out, r])}`` as the hypernetwork has them."""
    from hypernet.peft_format import load_peft_adapter

    weights, scaling = _adapter_weights(load_peft_adapter(directory), directory, hypernet.config.rank,
                                        "this hypernetwork emits", targets)
    try:
        emitted = init_from_adapter(hypernet, weights, scaling)
    except ValueError as exc:  # e.g. it lacks a module the hypernetwork emits: a user's setting, said plainly
        raise SettingError(f"cannot start from {directory}: {exc}") from exc
    device = hypernet.row_layer.device
    return {name: (a[None].to(device), b[None].to(device)) for name, (a, b) in emitted.items()}


def residual_rank_alpha(config: SFTConfig, fixed_rank: int) -> tuple[int, float]:
    """(rank, alpha) of a hypernetwork whose adapters hold a fixed block of ``fixed_rank`` rows beside
    the ``config.rank`` emitted ones: alpha grows with the rank so that the scaling stays that of a
    rank-``config.rank`` LoRA, as in a run from scratch."""
    rank = config.rank + fixed_rank
    grow = math.sqrt(rank / config.rank) if config.use_rslora else rank / config.rank
    return rank, config.alpha * grow


def fix_adapter_block(hypernet: HyperNetwork, adapter: LoraAdapter, source: Path,
                      targets: Sequence[TargetModule]) -> LoraWeights:
    """``set_fixed_adapter`` with a PEFT LoRA (read from ``source``); returns what the L2 penalty pulls
    towards: zero in the emitted rows and the fixed block itself in the others, ``{module: (A [1, L,
    r, in], B [1, L, out, r])}``."""
    c = hypernet.config
    weights, scaling = _adapter_weights(adapter, source, c.fixed_rank, "the fixed block holds", targets)
    try:
        set_fixed_adapter(hypernet, weights, scaling)
    except ValueError as exc:
        raise SettingError(f"cannot use {source} as the fixed block: {exc}") from exc
    anchor = {}
    for t in c.targets:
        fixed_a, fixed_b = getattr(hypernet.fixed, f"{t.name}_a"), getattr(hypernet.fixed, f"{t.name}_b")
        zero_a = torch.zeros(t.num_layers, c.generated_rank, t.in_features, device=fixed_a.device)
        zero_b = torch.zeros(t.num_layers, t.out_features, c.generated_rank, device=fixed_b.device)
        anchor[t.name] = (torch.cat([zero_a, fixed_a], dim=-2)[None], torch.cat([zero_b, fixed_b], dim=-1)[None])
    return anchor


def sibling_contrast_loss(per_sample_ce: torch.Tensor, own: int, contrasted: Sequence[int],
                          margin: float) -> torch.Tensor:
    """Mean over ``contrasted`` tasks of max(0, margin - (sibling CE - own CE)). ``per_sample_ce``: the
    response CE of every row of the batch: ``own`` adapters' rows first, then one sibling adapter's per
    contrasted task, each adapter with the same number of rows (its examples)."""
    per_adapter = per_sample_ce.view(own + len(contrasted), -1).mean(dim=1)
    gap = per_adapter[own:] - per_adapter[torch.as_tensor(list(contrasted), device=per_adapter.device)]
    return torch.relu(margin - gap).mean()


def _step_loss(model, hypernet: HyperNetwork, targets, embeddings, batch, device, train: bool, l2_weight: float,
               anchor: LoraWeights | None = None, contrasted: Sequence[int] = (), contrast_weight: float = 0.0,
               margin: float = 0.0):
    """(CE of the own adapters, the loss to minimise, the sibling contrast term or None). The own
    adapters are the first ``len(embeddings) - len(contrasted)`` (see ``_batch``)."""
    weights, magnitudes = hypernet.forward_with_magnitudes(embeddings)
    batch = {k: v.to(device) for k, v in batch.items()}
    labels = batch.pop("labels")
    dropout = hypernet.config.lora_dropout if train else 0.0
    with torch.autocast(device.type, dtype=torch.bfloat16, enabled=device.type == "cuda"):
        with batched_lora(model, weights, hypernet.config.scaling, targets=targets, dropout=dropout,
                          magnitudes=magnitudes):
            logits = model(**batch).logits
    contrast = None
    if contrasted:  # one pass over the logits serves both the own rows' CE and every row's
        own = embeddings.shape[0] - len(contrasted)
        own_rows = labels.shape[0] * own // embeddings.shape[0]
        token_ce, counted = response_token_losses(logits, labels)
        ce = token_ce[:own_rows].sum() / counted[:own_rows].sum().clamp(min=1)  # = response_loss of those rows
        per_row = (token_ce * counted).sum(dim=1) / counted.sum(dim=1).clamp(min=1)
        contrast = sibling_contrast_loss(per_row, own, contrasted, margin)
        weights = {name: (a[:own], b[:own]) for name, (a, b) in weights.items()}  # the L2 term: own adapters
    else:
        ce = response_loss(logits, labels)
    if anchor is not None:  # pull towards the starting adapter, not towards no adapter
        weights = {name: (a - anchor[name][0], b - anchor[name][1]) for name, (a, b) in weights.items()}
    l2 = sum((a.float().pow(2).mean() + b.float().pow(2).mean()) for a, b in weights.values()) / len(weights)
    total = ce + l2_weight * l2
    return ce, total if contrast is None else total + contrast_weight * contrast, contrast


@torch.no_grad()
def mean_loss(model, hypernet, targets, pool: _Pool, config, pad, device, batches: int = 4, seed: int = 1234) -> float:
    """Mean response cross-entropy over a few fixed batches (same draw every call)."""
    if not pool.data:
        return float("nan")
    was_training = hypernet.training
    hypernet.eval()
    rng = random.Random(seed)
    total = 0.0
    for _ in range(batches):
        embeddings, batch, _ = _batch(pool, rng, config, pad)
        ce, _, _ = _step_loss(model, hypernet, targets, embeddings, batch, device, False, 0.0)
        total += float(ce)
    hypernet.train(was_training)
    return total / batches


def score_on_selection(loaded: LoadedModel, encoder: SentenceTransformer, hypernet: HyperNetwork,
                       selection: Sequence[Task], *, examples: int, descriptions: int, name: str = "selection",
                       checkpoint_id: str = "") -> MethodResult:
    """Exact and lenient match of ``hypernet``'s adapters on ``selection``: the first ``examples``
    validation examples of each task under its first ``descriptions`` held-out descriptions (in the
    prompt too when the hypernetwork was trained so), as ``t2l eval`` scores test tasks."""
    def texts(task: Task) -> list[str]:
        return list(task.heldout_descriptions[:descriptions])

    was_training = hypernet.training
    hypernet.eval()  # no dropout in the adapters it emits
    try:
        return evaluate_method(name, loaded, selection, split="validation", limit=examples,
                               **hypernet_row(hypernet, encoder, texts, discover_targets(loaded.model),
                                              checkpoint_id=checkpoint_id))
    finally:
        hypernet.train(was_training)


def train_sft(
    loaded: LoadedModel,
    encoder: SentenceTransformer,
    encoder_name: str,
    train_tasks: Sequence[Task],
    out_dir: Path,
    config: SFTConfig,
    *,
    zero_shot_tasks: Sequence[Task] = (),
    on_step: Callable[[int, float], None] | None = None,
) -> Checkpoint:
    """Train (or resume) an SFT hypernetwork; returns the final checkpoint in ``out_dir/checkpoint``.

    Logged every ``eval_every`` steps: validation loss of training tasks under their held-out
    descriptions (``val_loss``), loss on ``config.selection_tasks`` training tasks held back from
    training (``selection_loss``; the lowest one's checkpoint is kept in ``out_dir/best``), and loss
    on ``zero_shot_tasks`` never trained on (``zero_shot_loss``, for reading only). With
    ``config.average_from`` the running mean of the weights from that step on is written to
    ``out_dir/average`` at every evaluation and when the run stops, and resumes with the run.
    """
    out_dir = Path(out_dir)
    model, tokenizer = loaded.model, loaded.tokenizer
    device = next(model.parameters()).device
    all_targets = discover_targets(model)
    chosen = select_targets(all_targets, config.target_modules)
    train_tasks, selection = selection_split(train_tasks, config.selection_tasks)
    rank, alpha, fixed_rank, fixed = config.rank, config.alpha, 0, None
    if config.residual_adapter:
        from hypernet.peft_format import load_peft_adapter

        check_start_adapter(Path(config.residual_adapter), selection)
        fixed = load_peft_adapter(Path(config.residual_adapter))  # read once: its rank sizes the config
        fixed_rank = fixed.rank
        rank, alpha = residual_rank_alpha(config, fixed_rank)
    hconfig = HypernetConfig.from_targets(
        chosen, base_model=loaded.name, encoder=encoder_name, embedding_dim=embedding_dim(encoder),
        rank=rank, alpha=alpha, fixed_rank=fixed_rank, size=config.size, latent_dim=config.latent_dim,
        head_hidden=config.head_hidden, seed=config.seed, use_dora=config.use_dora,
        use_rslora=config.use_rslora, layer_bias=bool(config.init_adapter),
        training={"recipe": "sft", **config.to_dict(), "tasks": [t.id for t in train_tasks],
                  "selection_task_ids": [t.id for t in selection]},
    )
    hypernet = build_hypernet(hconfig, device=device).train()
    anchor = None  # what the L2 penalty pulls towards: zero, or the adapter the run starts from
    if config.init_adapter:  # before any resume: a resumed run's state then overwrites it
        check_start_adapter(Path(config.init_adapter), selection, rank=config.rank)
        anchor = start_from_adapter(hypernet, Path(config.init_adapter), chosen)
    if fixed is not None:  # buffers: a resumed run's state holds parameters only, so always set
        anchor = fix_adapter_block(hypernet, fixed, Path(config.residual_adapter), chosen)
    if config.head_init_std:  # after the start adapter, which needs zero heads
        randomize_heads(hypernet, config.head_init_std, seed=config.seed)
    if config.use_dora:  # the emitted magnitudes are relative to these (see hypernet.model)
        hypernet.set_base_norms(base_row_norms(model, hconfig))
    pad = tokenizer.pad_token_id
    train_pool = _prepare(train_tasks, tokenizer, encoder, config, device, heldout_descriptions=False)
    val_pool = _prepare(train_tasks, tokenizer, encoder, config, device, heldout_descriptions=True)
    selection_pool = _prepare(selection, tokenizer, encoder, config, device, heldout_descriptions=True)
    zs_pool = _prepare(zero_shot_tasks, tokenizer, encoder, config, device, heldout_descriptions=True)

    params = dict(hypernet.named_parameters())
    optimizer = torch.optim.AdamW(params.values(), lr=config.lr, weight_decay=config.weight_decay)
    # torch's own SWA average (a copy of the network; its n_averaged counts the steps in it)
    averaged = AveragedModel(hypernet) if config.average_from else None
    average_state = averaged.state_dict() if averaged is not None else None  # views: loading fills the average
    resumed = load_state(out_dir / ".state", params, optimizer, average_state)
    start, extra = resumed if resumed else (0, {})
    rng = random.Random(config.seed)
    if "rng" in extra:
        state = extra["rng"]
        rng.setstate((state[0], tuple(state[1]), state[2]))
    by_exact = config.select_by == "exact"
    columns = ["loss", "val_loss", "selection_loss", *(["selection_exact"] if by_exact else []), "zero_shot_loss", "lr",
               *(["sibling_contrast"] if config.sibling_contrast else [])]
    curve = LossCurve(out_dir / "loss.csv", columns)
    curve.truncate_after(start)
    elapsed = float(extra.get("seconds", 0.0))
    best = float(extra.get("best_selection_loss", float("inf")))
    best_exact = float(extra.get("best_selection_exact", float("-inf")))
    started = time.perf_counter()

    def progress_extra(step: int) -> dict[str, Any]:
        return {"step": step, "seconds": elapsed + time.perf_counter() - started, "rng": rng.getstate(),
                "best_selection_loss": best, **({"best_selection_exact": best_exact} if by_exact else {})}

    def save_average(step: int) -> None:
        """OUT/average: the mean of the weights after each of the last ``n_averaged`` steps up to ``step``
        (every step is averaged, so they are contiguous)."""
        averaged_steps = int(averaged.n_averaged) if averaged is not None else 0
        if not averaged_steps:
            return
        save_checkpoint(averaged.module.eval(), out_dir / "average", extra=progress_extra(step) | {
            "rng": None, "averaged_steps": averaged_steps, "average_first_step": step - averaged_steps + 1})

    def save_progress(step: int) -> None:
        save_state(out_dir / ".state", params, optimizer, step, progress_extra(step), average_state)

    def keep_best(step: int, row: dict[str, float]) -> None:
        hypernet.eval()
        save_checkpoint(hypernet, out_dir / "best", extra=progress_extra(step) | {
            "rng": None, "selection_loss": row["selection_loss"],
            **({"selection_exact": row["selection_exact"]} if by_exact else {})})
        hypernet.train()

    def evaluate(step: int, row: dict[str, float]) -> None:
        """Fill ``row``'s eval figures; keep the checkpoint in ``out_dir/best`` if its selection loss is
        lowest (or, ``select_by`` exact, its selection exact match highest; the first step on a tie)."""
        nonlocal best, best_exact
        row["val_loss"] = mean_loss(model, hypernet, all_targets, val_pool, config, pad, device)
        row["zero_shot_loss"] = mean_loss(model, hypernet, all_targets, zs_pool, config, pad, device)
        if config.keep_checkpoints:
            save_checkpoint(hypernet.eval(), out_dir / "steps" / f"step-{step:06d}", extra=progress_extra(step) | {"rng": None})
            hypernet.train()
        if selection:
            row["selection_loss"] = mean_loss(model, hypernet, all_targets, selection_pool, config, pad, device)
            if by_exact:
                row["selection_exact"] = score_on_selection(
                    loaded, encoder, hypernet, selection, examples=config.selection_examples,
                    descriptions=config.selection_descriptions).mean("exact")
                if row["selection_exact"] > best_exact:
                    best_exact, best = row["selection_exact"], row["selection_loss"]
                    keep_best(step, row)
            elif row["selection_loss"] < best:
                best = row["selection_loss"]
                keep_best(step, row)

    if start == 0 and anchor is not None:
        # the adapter the run starts from is a candidate too: training must beat it on held-back tasks
        row0: dict[str, float] = {"lr": 0.0}
        evaluate(0, row0)
        curve.log(0, **row0)

    def schedule_spent() -> float:
        """The share of --schedule-minutes' training time (over resumes too) used so far."""
        return (elapsed + time.perf_counter() - started) / (60 * config.schedule_minutes)

    last_step, ended_by_time = config.steps, False
    for step in range(start, config.steps):
        spent = schedule_spent() if config.schedule_minutes else None
        if spent is not None and spent >= 1:  # a rerun of a run whose time-budgeted schedule is over
            last_step, ended_by_time = step, True
            break
        lr = scheduled_lr(step, config.steps, config.lr, config.warmup_fraction, spent)
        for group in optimizer.param_groups:
            group["lr"] = lr
        embeddings, batch, contrasted = _batch(train_pool, rng, config, pad, config.family_swap,
                                               contrast=config.sibling_contrast > 0)
        if config.embedding_noise:
            embeddings = noisy(embeddings, config.embedding_noise)
        ce, loss, contrast = _step_loss(model, hypernet, all_targets, embeddings, batch, device, True,
                                        config.l2_weight, anchor, contrasted, config.sibling_contrast,
                                        config.sibling_margin)
        if not torch.isfinite(loss):
            raise FloatingPointError(f"SFT loss became {loss.item()} at step {step}; lower the learning rate")
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params.values(), config.grad_clip)
        optimizer.step()
        done = step + 1
        if averaged is not None and done >= config.average_from:
            averaged.update_parameters(hypernet)
        row: dict[str, float] = {"loss": float(ce.detach()), "lr": lr}
        if contrast is not None:
            row["sibling_contrast"] = float(contrast.detach())
        ended_by_time = bool(config.schedule_minutes) and schedule_spent() >= 1
        if done % config.eval_every == 0 or done == config.steps or ended_by_time:
            evaluate(done, row)
            save_average(done)
        curve.log(done, **row)
        if on_step:
            on_step(done, row["loss"])
        if ended_by_time:  # the schedule is over: the run's end, as at --steps
            last_step = done
            break
        out_of_time = config.max_minutes and time.perf_counter() - started > 60 * config.max_minutes
        if out_of_time and done < config.steps:
            save_progress(done)
            save_average(done)
            stopped = save_checkpoint(hypernet.eval(), out_dir / "checkpoint",
                                      extra=progress_extra(done) | {"rng": None, "final": False})
            curve.plot("T2L SFT")
            return stopped
        if done % config.checkpoint_every == 0 and done < config.steps:
            save_progress(done)
            save_checkpoint(hypernet.eval(), out_dir / "checkpoint", extra=progress_extra(done) | {"rng": None})
            hypernet.train()
    hypernet.eval()
    final = save_checkpoint(hypernet, out_dir / "checkpoint",
                            extra=progress_extra(last_step) | {"rng": None, "final": True, "ended_by_time": ended_by_time})
    save_progress(last_step)
    curve.plot("T2L SFT")
    return final
