"""``t2l train oracle | multitask | recon | sft``: the training recipes of hypernet/train/.

Every command resumes from its last checkpoint when run again with the same ``--out``, shows a
progress bar, and writes its loss curve as CSV and PNG. On CUDA the base model runs in bf16.

    t2l train oracle --out runs/oracle --steps 200             # one LoRA per task (all tasks)
    t2l train multitask --out runs/multitask --steps 2000      # one LoRA on all training tasks
    t2l train recon --oracles runs/oracle --out runs/recon     # hypernetwork reproduces the oracles
    t2l train sft --out runs/sft --steps 4000                  # hypernetwork end to end
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Optional

import typer
from rich.console import Console

from t2l.errors import T2LError

if TYPE_CHECKING:
    from hypernet.base_model import LoadedModel
    from hypernet.tasks.types import Task

console = Console(stderr=True)
train_app = typer.Typer(help="Train oracle LoRAs, the multi-task LoRA, or the hypernetwork.", no_args_is_help=True)

_TASKS_HELP = "Comma-separated task ids (default: the split's tasks)."
_FILE_HELP = "A task file (JSONL or Super-NaturalInstructions JSON) instead of the built-in suite."


def select_tasks(split: str, task_ids: str | None, task_file: Path | None, seed: int = 0) -> list[Task]:
    """Tasks of the built-in suite (or a task file) in ``split``: train, heldout or all."""
    from hypernet.tasks import builtin_suite, load_task_suite

    suite = load_task_suite(task_file) if task_file else builtin_suite(seed=seed)
    if task_ids is not None:
        listed = [t.strip() for t in task_ids.split(",") if t.strip()]
        if not listed:  # given but empty: never fall back to a whole split
            raise T2LError("--tasks lists no task")
        return [suite.get(t) for t in listed]
    chosen = {"train": suite.train_tasks, "heldout": suite.heldout_tasks, "all": suite.tasks}.get(split)
    if chosen is None:
        raise T2LError(f"--split must be train, heldout or all, not {split!r}")
    return list(chosen)


def split_of(task_ids: Iterable[str], task_file: Path | None, seed: int = 0) -> str | None:
    """"heldout" when every task is one of its suite's held-out tasks, "train" when none is, None for
    a mix or a task the suite lacks: which of issue #4's targets an evaluation of them answers."""
    from hypernet.tasks import builtin_suite, load_task_suite

    suite = load_task_suite(task_file) if task_file else builtin_suite(seed=seed)
    ids = set(task_ids)
    if not ids or not ids <= {t.id for t in suite.tasks}:
        return None
    kinds = {t in suite.heldout_task_ids for t in ids}
    return None if len(kinds) > 1 else ("heldout" if kinds == {True} else "train")


def load_for_training(device: str | None) -> LoadedModel:
    """The configured base model on ``device`` (bf16 on CUDA, float32 on the CPU)."""
    from hypernet.base_model import load_base_model
    from t2l.settings import get_settings

    settings = get_settings()
    device = device or settings.resolved_device()
    dtype = "bfloat16" if device.startswith("cuda") else "float32"
    loaded = load_base_model(settings.base_model, cache_dir=settings.model_cache_dir, device=device, dtype=dtype)
    console.print(f"base model {loaded.name} on {device} ({dtype}), loaded in {loaded.load_seconds:.1f} s")
    return loaded


def _progress():
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TextColumn("loss {task.fields[loss]:.4f}"), TimeRemainingColumn(), console=console)


@train_app.command("oracle")
def oracle(
    out: Path = typer.Option(Path("runs/oracle"), help="One PEFT adapter directory per task is written here."),
    split: str = typer.Option("all", help="train, heldout or all (oracles of held-out tasks are the upper bound)."),
    tasks: Optional[str] = typer.Option(None, help=_TASKS_HELP),
    task_file: Optional[Path] = typer.Option(None, help=_FILE_HELP),
    steps: int = typer.Option(200, min=1),
    batch_size: int = typer.Option(16, min=1),
    lr: Optional[float] = typer.Option(None, help="Default 1e-3; 3e-2 for --method prompt-tuning (a soft prompt needs larger steps)."),
    rank: int = typer.Option(8, min=1),
    alpha: float = typer.Option(16.0),
    targets: str = typer.Option("q_proj,v_proj", help="Comma-separated target module names."),
    together: bool = typer.Option(False, help="Train every task's LoRA at once in shared batches (fast on a GPU)."),
    examples_per_task: int = typer.Option(8, min=1, help="With --together: each task's examples per step."),
    tasks_per_pass: int = typer.Option(64, min=1, help="With --together: tasks per forward pass (memory)."),
    method: Optional[str] = typer.Option(
        None, help="lora, rslora, dora, qlora or prompt-tuning (PEFT, saved in PEFT's format) or bottleneck (Houlsby) "
        "(default: rsLoRA through the hypernetwork's LoRA path, which --together also uses)."),
    virtual_tokens: int = typer.Option(20, min=1, help="With --method prompt-tuning: soft prompt length."),
    reduction_factor: int = typer.Option(16, min=1, help="With --method bottleneck: width / bottleneck width."),
    device: Optional[str] = typer.Option(None),
) -> None:
    """One LoRA per task (the upper bound and the reconstruction targets): PEFT one task at a
    time, or ``--together`` with every task's LoRA in the same batches."""
    from hypernet.train.oracle import train_oracles
    from hypernet.train.oracle_batch import train_oracles_together
    from hypernet.train.peft_lora import LoraTrainConfig

    chosen = select_tasks(split, tasks, task_file)
    if lr is None:
        lr = 3e-2 if method == "prompt-tuning" else 1e-3
    config = LoraTrainConfig(target_modules=targets.split(","), rank=rank, alpha=alpha, steps=steps,
                             batch_size=batch_size, lr=lr)
    if method is not None:
        from hypernet.train.methods import MethodSettings

        if together:
            raise T2LError("--together trains the hypernetwork's LoRA format only; leave out --method")
        _method_oracles(chosen, out, config, MethodSettings(method, virtual_tokens, reduction_factor), device)
        return
    loaded = load_for_training(device)
    if together:
        with _progress() as progress:
            bar = progress.add_task(f"{len(chosen)} oracles", total=steps, loss=float("nan"))
            results = train_oracles_together(
                loaded, chosen, out, config, examples_per_task=examples_per_task, tasks_per_pass=tasks_per_pass,
                on_step=lambda step, loss: progress.update(bar, completed=step, loss=loss))
        done = [r for r in results if not r.skipped]
        console.print(f"{len(done)} oracle LoRAs trained together, {len(results) - len(done)} already there; "
                      f"mean validation exact match {sum(r.validation_exact for r in results) / len(results):.3f}")
        return
    with _progress() as progress:
        bar = progress.add_task("oracle", total=len(chosen) * steps, loss=float("nan"))

        def update(task_id: str, step: int, loss: float) -> None:
            progress.update(bar, advance=1, loss=loss, description=task_id)

        results = train_oracles(loaded, chosen, out, config, on_progress=update)
    done = [r for r in results if not r.skipped]
    console.print(f"{len(done)} oracle LoRAs trained, {len(results) - len(done)} already there; "
                  f"mean validation exact match {sum(r.validation_exact for r in results) / len(results):.3f}")


def _method_oracles(chosen, out: Path, config, settings, device: str | None) -> None:
    from hypernet.train.methods import check_available, train_method_oracles
    from t2l.settings import get_settings

    method = settings.method
    check_available(method, device or get_settings().resolved_device())  # before the model loads
    loaded = load_for_training(device)
    with _progress() as progress:
        bar = progress.add_task(method, total=len(chosen) * config.steps, loss=float("nan"))
        results = train_method_oracles(loaded, chosen, out, config, settings,
                                       on_progress=lambda task_id, step, loss: progress.update(
                                           bar, advance=1, loss=loss, description=f"{method} {task_id}"))
    done = [r for r in results if not r.skipped]
    console.print(f"{len(done)} {method} adapters trained, {len(results) - len(done)} already there; mean "
                  f"validation exact match {sum(r.validation_exact for r in results) / len(results):.3f}")


@train_app.command("multitask")
def multitask(
    out: Path = typer.Option(Path("runs/multitask")),
    tasks: Optional[str] = typer.Option(None, help=_TASKS_HELP),
    task_file: Optional[Path] = typer.Option(None, help=_FILE_HELP),
    steps: int = typer.Option(2000, min=1),
    batch_size: int = typer.Option(32, min=1),
    lr: float = typer.Option(5e-4),
    rank: int = typer.Option(8, min=1),
    targets: str = typer.Option("q_proj,v_proj"),
    selection_tasks: int = typer.Option(
        0, min=0, help="Leave out the training tasks `t2l train sft --selection-tasks N` holds back, so that an "
                       "SFT run may start from this LoRA (--init-adapter) and still choose its step zero-shot."),
    balance_families: bool = typer.Option(
        False, help="Draw each sample's task family first, so a family with many tasks is not drawn more often."),
    device: Optional[str] = typer.Option(None),
) -> None:
    """One LoRA on all training tasks (the main baseline)."""
    from hypernet.train.multitask import train_multitask
    from hypernet.train.peft_lora import LoraTrainConfig
    from hypernet.train.sft import selection_split

    chosen = selection_split(select_tasks("train", tasks, task_file), selection_tasks)[0]
    config = LoraTrainConfig(target_modules=targets.split(","), rank=rank, steps=steps, batch_size=batch_size,
                             lr=lr, checkpoint_every=max(1, steps // 10))
    loaded = load_for_training(device)
    with _progress() as progress:
        bar = progress.add_task("multitask", total=steps, loss=float("nan"))
        path = train_multitask(loaded, chosen, out, config, balance_families=balance_families,
                               on_step=lambda step, loss: progress.update(bar, completed=step, loss=loss))
    console.print(f"multi-task LoRA on {len(chosen)} tasks written to {path}")


# Every generated (task, layer) adapter of one module type is a linear image of a head_hidden-wide
# vector, so a hypernetwork can reproduce at most about head_hidden distinct layer adapters per module
# type: reconstructing many tasks (tasks x layers targets) needs a wider head than generalising does.
_HEAD_HIDDEN_HELP = "Width feeding the output heads (caps how many distinct layer adapters it can emit)."
# the trunk (task code, layer and module embeddings, residual blocks) runs at this width: with the
# head it bounds how many tasks' adapters a hypernetwork can keep apart
_LATENT_HELP = "Trunk width (a multiple of 4; the paper's 128)."


@train_app.command("recon")
def recon(
    oracles: Path = typer.Option(Path("runs/oracle"), help="Directory written by `t2l train oracle`."),
    out: Path = typer.Option(Path("runs/recon")),
    tasks: Optional[str] = typer.Option(None, help=_TASKS_HELP),
    task_file: Optional[Path] = typer.Option(None, help=_FILE_HELP),
    steps: int = typer.Option(3000, min=1),
    size: str = typer.Option("L", help="Hypernetwork size: L, M or S."),
    lr: float = typer.Option(1e-3),
    loss: str = typer.Option("delta", help="delta (ΔW = BA, relative per layer) or zscore (per-element L1 on A, B)."),
    head_hidden: int = typer.Option(512, min=8, help=_HEAD_HIDDEN_HELP),
    latent_dim: int = typer.Option(128, min=8, help=_LATENT_HELP),
    tasks_per_batch: int = typer.Option(32, min=1, help="Oracles per step (more tasks: raise it, not only --steps)."),
    tf32: bool = typer.Option(True, help="On CUDA, float32 matmuls on TF32 tensor cores (faster; storage stays float32)."),
    max_minutes: float = typer.Option(0.0, min=0.0, help="Stop after this long (checkpoint kept; run again to resume)."),
    schedule_minutes: float = typer.Option(0.0, min=0.0, help="The lr schedule spans this much training time or "
                                           "--steps, whichever ends first, and the run ends with it (0: steps only)."),
    dropout: float = typer.Option(0.05, min=0.0, max=0.9, help="Dropout inside the trunk (0 = none)."),
    fused_adamw: bool = typer.Option(False, help="PyTorch's fused AdamW kernel (scripts/bench_recon.py --modes "
                                                  "tf32,tf32+fused times it)."),
    device: Optional[str] = typer.Option(None),
) -> None:
    """The hypernetwork learns to reproduce the oracle LoRAs of the training tasks.

    On several GPUs: `torchrun --standalone --nproc-per-node N -m t2l train recon ...` (each process
    takes 1/N of every step's oracles; --tasks-per-batch must split evenly)."""
    from contextlib import nullcontext

    from hypernet.encoder import load_encoder
    from hypernet.train.distributed import check_batch, joined
    from hypernet.train.recon import ReconConfig, train_recon
    from t2l.settings import get_settings

    settings = get_settings()
    chosen = select_tasks("train", tasks, task_file)
    config = ReconConfig(size=size, steps=steps, lr=lr, loss=loss, head_hidden=head_hidden, latent_dim=latent_dim,
                         tasks_per_batch=tasks_per_batch, checkpoint_every=max(1, steps // 10), tf32=tf32,
                         max_minutes=max_minutes, schedule_minutes=schedule_minutes, dropout=dropout,
                         fused_adamw=fused_adamw)
    with joined(device) as group:
        check_batch(group, min(tasks_per_batch, len(chosen)))  # before any model loads
        loaded = load_for_training(group.device)  # after every setting is checked
        encoder = load_encoder(settings.encoder, device=str(next(loaded.model.parameters()).device))
        with _progress() if group.is_main else nullcontext() as progress:
            bar = progress.add_task("recon", total=steps, loss=float("nan")) if progress else None
            checkpoint = train_recon(
                loaded, encoder, settings.encoder, chosen, oracles, out, config, group=group,
                on_step=(lambda step, loss: progress.update(bar, completed=step, loss=loss)) if progress else None)
    if group.is_main:
        console.print(f"reconstruction hypernetwork {checkpoint.id} written to {checkpoint.path}"
                      + (f" by {group.world_size} processes" if group.active else ""))


@train_app.command("sft")
def sft(
    out: Path = typer.Option(Path("runs/sft")),
    tasks: Optional[str] = typer.Option(None, help=_TASKS_HELP),
    task_file: Optional[Path] = typer.Option(None, help=_FILE_HELP),
    steps: int = typer.Option(4000, min=1),
    size: str = typer.Option("L", help="Hypernetwork size: L, M or S."),
    rank: int = typer.Option(
        8, min=1, help="Rank rows the hypernetwork generates per adapter (with --residual-adapter: beside "
                       "that adapter's fixed block; with --init-adapter: that adapter's rank)."),
    tasks_per_batch: int = typer.Option(8, min=1),
    examples_per_task: int = typer.Option(4, min=1),
    lr: float = typer.Option(1e-4),
    targets: str = typer.Option("q_proj,v_proj"),
    eval_every: int = typer.Option(250, min=1),
    max_minutes: float = typer.Option(0.0, min=0.0, help="Stop after this long (checkpoint kept; run again to resume)."),
    schedule_minutes: float = typer.Option(0.0, min=0.0, help="The lr schedule spans this much training time or "
                                           "--steps, whichever ends first, and the run ends with it (0: steps only)."),
    selection_tasks: int = typer.Option(
        0, min=0, help="Training tasks held back to pick the checkpoint by (see --select-by); the best goes to OUT/best."),
    select_by: str = typer.Option(
        "loss", help="What picks OUT/best: the selection tasks' loss, or exact (the exact match of answers "
                     "generated for them, as t2l eval scores; slower: it generates at every evaluation)."),
    selection_examples: int = typer.Option(16, min=1, help="With --select-by exact: validation examples per task."),
    selection_descriptions: int = typer.Option(
        3, min=1, help="With --select-by exact: held-out descriptions per selection task."),
    prompt_description: bool = typer.Option(
        False, help="Put the description in the prompt too (generation with this checkpoint then does the same)."),
    l2_weight: float = typer.Option(1e-3, help="Weight of the L2 penalty on the generated A and B."),
    embedding_noise: float = typer.Option(
        0.0, min=0.0, help="Noise on the description embeddings while training (about this length; 0 = off)."),
    family_swap: float = typer.Option(
        0.0, min=0.0, max=1.0, help="Chance that a sample's adapter comes from a sibling task's description (same "
                                    "family) while its prompt keeps its own; needs --prompt-description."),
    sibling_contrast: float = typer.Option(
        0.0, min=0.0, help="Weight of a sibling contrast: each task's examples also run under an adapter from "
                           "a sibling's description (same family), which must do worse by --sibling-margin "
                           "(response cross-entropy); 0 = off."),
    sibling_margin: float = typer.Option(0.3, min=0.0, help="With --sibling-contrast: the gap asked for, in nats."),
    head_hidden: int = typer.Option(512, min=8, help=_HEAD_HIDDEN_HELP),
    latent_dim: int = typer.Option(128, min=8, help=_LATENT_HELP),
    dora: bool = typer.Option(False, help="Emit DoRA adapters (magnitude vectors beside A and B; size L)."),
    rslora: bool = typer.Option(True, help="rsLoRA scaling alpha/sqrt(r) for the emitted adapters (else alpha/r)."),
    init_adapter: Optional[Path] = typer.Option(
        None, help="Start from this PEFT LoRA (e.g. the multi-task LoRA): every description gets it at step 0."),
    residual_adapter: Optional[Path] = typer.Option(
        None, help="Keep this PEFT LoRA (e.g. the multi-task LoRA) as a fixed rank block of every adapter "
                   "and learn --rank more rows from zero: every description gets it at step 0."),
    head_init_std: float = typer.Option(
        0.0, min=0.0, help="Output-head weights start from N(0, std²) instead of zero, so the description "
                           "pathway has a gradient from step 0 (e.g. with --init-adapter)."),
    balance_families: bool = typer.Option(
        False, help="Draw each step's tasks family first, so a family with many tasks is not drawn more often."),
    keep_checkpoints: bool = typer.Option(
        False, help="Also keep every evaluated step's checkpoint (OUT/steps/step-NNNNNN), e.g. to score them all."),
    average_from: int = typer.Option(
        0, min=0, help="From this step on, also keep the mean of the weights after every step (stochastic "
                       "weight averaging) in OUT/average; 0 = off."),
    seed: int = typer.Option(0),
    device: Optional[str] = typer.Option(None),
) -> None:
    """The hypernetwork trained end to end through the frozen base model on the training tasks."""
    from hypernet.encoder import load_encoder
    from hypernet.train.sft import SFTConfig, train_sft
    from t2l.settings import get_settings

    settings = get_settings()
    chosen = select_tasks("train", tasks, task_file)
    starts = [p for p in (init_adapter, residual_adapter) if p is not None]
    if starts:  # a bad path or an adapter that saw the selection tasks fails now, before any model loads
        import warnings

        from hypernet.train.sft import check_start_adapter, selection_split

        held_back = selection_split(chosen, selection_tasks)[1]
        with warnings.catch_warnings():  # its warning comes once, from the training run itself
            warnings.simplefilter("ignore")
            for start in starts:
                check_start_adapter(start, held_back, rank=rank if start == init_adapter else None)
    zero_shot = [] if tasks else select_tasks("heldout", None, task_file)
    config = SFTConfig(target_modules=targets.split(","), size=size, rank=rank, steps=steps,
                       tasks_per_batch=tasks_per_batch,
                       examples_per_task=examples_per_task, lr=lr, eval_every=eval_every,
                       checkpoint_every=eval_every, max_minutes=max_minutes, schedule_minutes=schedule_minutes,
                       selection_tasks=selection_tasks,
                       prompt_description=prompt_description, l2_weight=l2_weight, seed=seed,
                       embedding_noise=embedding_noise, family_swap=family_swap, sibling_contrast=sibling_contrast,
                       sibling_margin=sibling_margin, head_hidden=head_hidden,
                       latent_dim=latent_dim, use_dora=dora, use_rslora=rslora, init_adapter=str(init_adapter or ""),
                       residual_adapter=str(residual_adapter or ""), balance_families=balance_families,
                       head_init_std=head_init_std, keep_checkpoints=keep_checkpoints, select_by=select_by, average_from=average_from,
                       selection_examples=selection_examples, selection_descriptions=selection_descriptions)
    loaded = load_for_training(device)  # after every setting is checked
    encoder = load_encoder(settings.encoder, device=str(next(loaded.model.parameters()).device))
    with _progress() as progress:
        bar = progress.add_task("sft", total=steps, loss=float("nan"))
        checkpoint = train_sft(loaded, encoder, settings.encoder, chosen, out, config, zero_shot_tasks=zero_shot,
                               on_step=lambda step, loss: progress.update(bar, completed=step, loss=loss))
    console.print(f"SFT hypernetwork {checkpoint.id} written to {checkpoint.path}")


@train_app.command("soup")
def soup(
    checkpoints: list[Path] = typer.Argument(..., help="Two or more hypernetwork checkpoints of one configuration."),
    out: Path = typer.Option(..., help="Where to write the averaged checkpoint."),
) -> None:
    """Average the weights of hypernetworks trained from the same initialisation (a model soup)."""
    from hypernet.soup import average_checkpoints

    made = average_checkpoints(checkpoints, out)
    console.print(f"soup {made.id} of {len(checkpoints)} checkpoints written to {made.path}")


@train_app.command("selection-loss")
def selection_loss_command(
    checkpoints: list[Path] = typer.Argument(..., help="SFT checkpoints (or soups) that held back the same tasks."),
    task_file: Optional[Path] = typer.Option(None, help=_FILE_HELP),
    metric: str = typer.Option("loss", help="loss (what SFT chooses its step by; lowest first) or exact "
                                            "(exact match of generated answers, as t2l eval scores; highest first)."),
    limit: int = typer.Option(16, min=1, help="With --metric exact: validation examples per selection task."),
    descriptions: int = typer.Option(3, min=1, help="With --metric exact: held-out descriptions per selection task."),
    device: Optional[str] = typer.Option(None),
) -> None:
    """Each checkpoint scored on its held-back selection tasks, best first: never the test tasks."""
    from hypernet.checkpoint import load_checkpoint
    from hypernet.encoder import load_encoder
    from hypernet.train.selection import recipe_of, selection_exact, selection_loss
    from t2l.settings import get_settings

    if metric not in ("loss", "exact"):
        raise T2LError(f"--metric must be loss or exact, not {metric!r}")
    tasks = select_tasks("all", None, task_file)
    loaded_checkpoints = {path: load_checkpoint(path) for path in checkpoints}
    held = {}
    for path, checkpoint in loaded_checkpoints.items():  # before the model loads: a mismatch is named at once
        recipe_of(checkpoint)
        held[path] = tuple((checkpoint.config.training or {}).get("selection_task_ids") or ())
    if len(set(held.values())) > 1:
        raise T2LError("these checkpoints held back different selection tasks, so their losses do not compare: "
                       + "; ".join(f"{p}: {len(ids)} tasks" for p, ids in held.items()))
    loaded = load_for_training(device)
    model_device = str(next(loaded.model.parameters()).device)
    encoder = load_encoder(get_settings().encoder, device=model_device)
    if metric == "loss":
        losses = {str(path): selection_loss(loaded, encoder, checkpoint, tasks)
                  for path, checkpoint in loaded_checkpoints.items()}
        for path, loss in sorted(losses.items(), key=lambda item: item[1]):
            print(f"{loss:.4f}  {path}")
        return
    scores = {str(path): selection_exact(loaded, encoder, checkpoint, tasks, limit=limit, descriptions=descriptions)
              for path, checkpoint in loaded_checkpoints.items()}
    for path, result in sorted(scores.items(), key=lambda item: -item[1].mean("exact")):
        print(f"exact {result.mean('exact'):5.1f}  lenient {result.mean('lenient'):5.1f}  {path}")


def register(app: typer.Typer) -> None:
    app.add_typer(train_app, name="train")
