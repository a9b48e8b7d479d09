"""Recipe: many oracle LoRAs trained at once, one per task, in shared forward passes.

    t2l train oracle --out runs/oracle --together [--tasks-per-pass 64] [--examples-per-task 8]

Every task owns its own A and B tensors; a step draws ``examples_per_task`` examples of every
task and runs them through the frozen base model with each sample carrying its task's LoRA
(``batched_lora``). The loss is the sum of each task's own mean response loss, and each task
draws its examples from its own seeded stream, so a task's LoRA gets exactly the updates it
would get if trained alone (a test checks this): the GPU just sees one large batch instead of
many small ones. Output is the same as ``train_oracles``: ``OUT/<task id>/`` PEFT adapters with
``metrics.json``; tasks already done are skipped, so a directory grows by adding tasks; an interrupted
run resumes from ``OUT/.state-together-<key of its task set>``, removed once its adapters are saved.
"""

from __future__ import annotations

import json
import math
import random
import shutil
import time
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

import torch

from hypernet.chat import complete
from hypernet.lora import adapters_from_weights, batched_lora
from hypernet.peft_format import save_peft_adapter
from hypernet.targets import discover_targets, select_targets
from hypernet.train.curves import LossCurve
from hypernet.train.data import IGNORE_INDEX, collate, encode_examples, user_message
from hypernet.train.oracle import OracleResult, finished, max_answer_tokens, task_seed
from hypernet.train.peft_lora import LoraTrainConfig
from hypernet.train.state import load_state, lr_at, save_state
from t2l.errors import SettingError

if TYPE_CHECKING:
    from hypernet.base_model import LoadedModel
    from hypernet.tasks.types import Task


def _init_lora(tasks: Sequence[Task], targets, rank: int, seed: int, device) -> dict[str, torch.Tensor]:
    """PEFT's initialisation: A ~ U(±1/sqrt(in)) (kaiming-uniform, a=sqrt(5)), B = 0; one shared A for
    every task, so the library's LoRAs differ only by what they learned (a per-task random A is
    noise that reconstruction would have to memorise)."""
    params: dict[str, torch.Tensor] = {}
    for t in targets:
        generator = torch.Generator().manual_seed(seed ^ _name_seed(t.name))
        bound = 1.0 / math.sqrt(t.in_features)
        shared = torch.empty(t.num_layers, rank, t.in_features).uniform_(-bound, bound, generator=generator)
        a = shared.expand(len(tasks), -1, -1, -1).clone()
        params[f"{t.name}.A"] = torch.nn.Parameter(a.to(device))
        params[f"{t.name}.B"] = torch.nn.Parameter(torch.zeros(len(tasks), t.num_layers, t.out_features, rank,
                                                               device=device))
    return params


def _name_seed(name: str) -> int:
    return zlib.crc32(name.encode())


def _weights(params: dict[str, torch.Tensor], targets, index: torch.Tensor | slice):
    return {t.name: (params[f"{t.name}.A"][index], params[f"{t.name}.B"][index]) for t in targets}


def train_oracles_together(
    loaded: LoadedModel,
    tasks: Sequence[Task],
    out_dir: Path,
    config: LoraTrainConfig,
    *,
    examples_per_task: int = 8,
    tasks_per_pass: int = 64,
    on_step: Callable[[int, float], None] | None = None,
) -> list[OracleResult]:
    """Train one LoRA per task, all tasks in every step; returns one result per task."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    results = [r for r in (finished(out_dir / t.id) for t in tasks) if r is not None]
    done = {r.task_id for r in results}
    todo = [t for t in tasks if t.id not in done]
    if not todo:
        return results
    (out_dir / "config.json").write_text(json.dumps(
        config.to_dict() | {"together": True, "examples_per_task": examples_per_task}, indent=2))
    model, tokenizer = loaded.model, loaded.tokenizer
    model.requires_grad_(False)
    device = next(model.parameters()).device
    targets = select_targets(discover_targets(model), config.target_modules)
    scaling = config.alpha / math.sqrt(config.rank) if config.use_rslora else config.alpha / config.rank
    pad = tokenizer.pad_token_id
    pools = [encode_examples(tokenizer, [user_message(e.input) for e in t.train], [e.output for e in t.train],
                             config.max_length) for t in todo]
    empty = [t.id for t, pool in zip(todo, pools) if not pool]
    if empty:
        raise SettingError(f"tasks without training examples: {empty[:5]}")

    params = _init_lora(todo, targets, config.rank, config.seed, device)
    optimizer = torch.optim.AdamW(params.values(), lr=config.lr, weight_decay=config.weight_decay)
    # keyed by the set of tasks still to train: a later run on more tasks (the finished ones are
    # skipped) neither resumes nor trips over this run's state
    key = f"{zlib.crc32(chr(10).join(t.id for t in todo).encode()):08x}"
    state_dir = out_dir / f".state-together-{key}"
    resumed = load_state(state_dir, params, optimizer)
    start, extra = resumed if resumed else (0, {})
    if resumed and extra.get("tasks") != [t.id for t in todo]:
        raise SettingError(f"{state_dir} belongs to another set of tasks; remove it to start over")
    # one example stream per task, so what a task sees does not depend on the other tasks
    rngs = [random.Random(task_seed(t.id, config.seed)) for t in todo]
    for rng, state in zip(rngs, extra.get("rngs", [])):
        rng.setstate((state[0], tuple(state[1]), state[2]))
    curve = LossCurve(out_dir / ".curves" / f"together-{key}.csv", ["loss", "lr"])
    curve.truncate_after(start)
    started = time.perf_counter() - float(extra.get("seconds", 0.0))
    groups = [list(range(i, min(i + tasks_per_pass, len(todo)))) for i in range(0, len(todo), tasks_per_pass)]
    tail: list[float] = []
    model.eval()  # the base model's own dropout stays off; LoRA dropout is applied by batched_lora
    for step in range(start, config.steps):
        lr = lr_at(step, config.steps, config.lr, config.warmup_fraction)
        for group in optimizer.param_groups:
            group["lr"] = lr
        optimizer.zero_grad(set_to_none=True)
        total = 0.0
        for members in groups:
            examples = [pools[i][rngs[i].randrange(len(pools[i]))] for i in members for _ in range(examples_per_task)]
            batch = {k: v.to(device) for k, v in collate(examples, pad).items()}
            labels = batch.pop("labels")
            index = torch.tensor(members, device=device)
            with torch.autocast(device.type, dtype=torch.bfloat16, enabled=device.type == "cuda"):
                with batched_lora(model, _weights(params, targets, index), scaling, targets={t.name: t for t in targets},
                                  dropout=config.dropout):
                    logits = model(**batch).logits
            per_task = per_task_loss(logits, labels, len(members))
            if not torch.isfinite(per_task).all():
                raise FloatingPointError(f"loss became non-finite at step {step}; lower the learning rate")
            per_task.sum().backward()  # task i's gradient is that of its own mean loss
            total += float(per_task.detach().sum())
        optimizer.step()
        total /= len(todo)  # logged: the mean over tasks
        curve.log(step + 1, loss=total, lr=lr)
        if step >= config.steps * 0.9:
            tail.append(total)
        if on_step:
            on_step(step + 1, total)
        if (step + 1) % config.checkpoint_every == 0 and step + 1 < config.steps:
            save_state(state_dir, params, optimizer, step + 1,
                       {"rngs": [r.getstate() for r in rngs], "seconds": time.perf_counter() - started, "tasks": [t.id for t in todo]})
    seconds = time.perf_counter() - started
    final_loss = sum(tail) / len(tail) if tail else float("nan")
    curve.plot(f"{len(todo)} oracle LoRAs trained together")
    exact = validation_exact_together(loaded, todo, params, targets, scaling)
    adapters = adapters_from_weights(
        {t.name: (params[f"{t.name}.A"].detach(), params[f"{t.name}.B"].detach()) for t in targets}, targets,
        rank=config.rank, alpha=config.alpha, use_rslora=config.use_rslora, base_model=loaded.name,
        lora_dropout=config.dropout, dtype=torch.float32,
        metadata=[{"kind": "oracle", "task_id": t.id, "family": t.family, "description": t.descriptions[0],
                   "train_config": config.to_dict() | {"together": True, "examples_per_task": examples_per_task}}
                  for t in todo],
    )
    for task, adapter, score in zip(todo, adapters, exact):
        save_peft_adapter(adapter, out_dir / task.id)
        (out_dir / task.id / "metrics.json").write_text(json.dumps(
            {"task_id": task.id, "final_loss": final_loss, "validation_exact": score,
             "seconds": seconds / len(todo), "steps": config.steps, "together": len(todo)}, indent=2))
        results.append(OracleResult(task.id, out_dir / task.id, final_loss, score, seconds / len(todo)))
    shutil.rmtree(state_dir, ignore_errors=True)  # every adapter is saved: nothing left to resume
    return results


def per_task_loss(logits: torch.Tensor, labels: torch.Tensor, tasks: int) -> torch.Tensor:
    """Mean response cross-entropy of each task's rows ([tasks]); rows are task-major, equally many per task."""
    shifted, target = logits[:, :-1].float(), labels[:, 1:]
    tokens = torch.nn.functional.cross_entropy(shifted.transpose(1, 2), target, ignore_index=IGNORE_INDEX,
                                               reduction="none")  # [rows, T-1], 0 where ignored
    counted = (target != IGNORE_INDEX).float()
    return tokens.reshape(tasks, -1).sum(1) / counted.reshape(tasks, -1).sum(1).clamp_min(1)


@torch.no_grad()
def validation_exact_together(loaded: LoadedModel, tasks: Sequence[Task], params, targets, scaling: float,
                              limit: int = 32, tasks_per_pass: int = 16) -> list[float]:
    """Each task's exact match on its validation examples, greedy, many tasks per generate call."""
    scores: list[float] = []
    by_name = {t.name: t for t in targets}
    for start in range(0, len(tasks), tasks_per_pass):
        group = list(range(start, min(start + tasks_per_pass, len(tasks))))
        # batched_lora needs the same number of rows per adapter: the group's smallest validation set
        k = min(limit, *(len(tasks[i].validation) for i in group))
        if k == 0:
            scores += [float("nan")] * len(group)
            continue
        examples = [list(tasks[i].validation[:k]) for i in group]
        budget = max(max_answer_tokens(loaded.tokenizer, e) for e in examples)
        messages = [user_message(e.input) for rows in examples for e in rows]
        index = torch.tensor(group, device=next(loaded.model.parameters()).device)
        with batched_lora(loaded.model, _weights(params, targets, index), scaling, targets=by_name):
            answers = complete(loaded.model, loaded.tokenizer, messages, max_new_tokens=budget)
        for position, i in enumerate(group):
            mine = answers[position * k : (position + 1) * k]
            scores.append(sum(tasks[i].score(a, e)["exact"] for a, e in zip(mine, examples[position])) / k)
    return scores
