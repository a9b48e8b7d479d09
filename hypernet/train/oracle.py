"""Recipe: one LoRA per task with PEFT — the upper bound and the reconstruction targets.

    t2l train oracle --out runs/oracle [--tasks ID,ID] [--steps 200]

Set up (wrap the base model once) → for each task: re-initialise LoRA, train, save a PEFT adapter
directory ``OUT/<task id>/`` with ``metrics.json`` and its loss curve. A finished task is skipped
when the command is run again; an interrupted one resumes from its last checkpoint.
"""

from __future__ import annotations

import json
import random
import time
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from hypernet.peft_format import CONFIG_NAME, save_peft_adapter
from hypernet.train.curves import LossCurve
from hypernet.train.data import collate, encode_examples, user_message
from hypernet.train.peft_lora import LoraTrainConfig, extract_adapter, reset_lora, train_lora, wrap_with_lora

if TYPE_CHECKING:
    from hypernet.base_model import LoadedModel
    from hypernet.tasks.types import Task


@dataclass(frozen=True)
class OracleResult:
    task_id: str
    directory: Path
    final_loss: float
    validation_exact: float
    seconds: float
    skipped: bool = False


def finished(directory: Path) -> OracleResult | None:
    """The recorded result of a task whose adapter and metrics are already in ``directory``
    (any adapter format), else None."""
    directory = Path(directory)
    if not (directory / CONFIG_NAME).exists() or not (directory / "metrics.json").exists():
        return None
    metrics = json.loads((directory / "metrics.json").read_text())
    return OracleResult(directory.name, directory, metrics["final_loss"], metrics["validation_exact"],
                        metrics["seconds"], skipped=True)


def task_seed(task_id: str, seed: int) -> int:
    """A stable per-task seed (Python's hash() is salted per process)."""
    return zlib.crc32(task_id.encode()) ^ seed


def train_oracles(
    loaded: LoadedModel,
    tasks: Sequence[Task],
    out_dir: Path,
    config: LoraTrainConfig,
    on_progress: Callable[[str, int, float], None] | None = None,
) -> list[OracleResult]:
    """Train (or skip, when already done) one LoRA per task; returns one result per task."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "config.json").write_text(json.dumps(config.to_dict(), indent=2))
    peft_model = None
    results = []
    for task in tasks:
        target = out_dir / task.id
        if (done := finished(target)) is not None:
            results.append(done)
            continue
        if peft_model is None:
            peft_model = wrap_with_lora(loaded.model, config)
        started = time.perf_counter()
        seed = task_seed(task.id, config.seed)
        reset_lora(peft_model, seed)
        encoded = encode_examples(
            loaded.tokenizer, [user_message(e.input) for e in task.train], [e.output for e in task.train],
            config.max_length,
        )
        pad = loaded.tokenizer.pad_token_id

        def next_batch(rng: random.Random) -> dict:
            return collate([encoded[rng.randrange(len(encoded))] for _ in range(config.batch_size)], pad)

        curve = LossCurve(out_dir / ".curves" / f"{task.id}.csv", ["loss", "lr"])
        task_config = LoraTrainConfig(**{**config.to_dict(), "seed": seed})
        final_loss = train_lora(
            peft_model, next_batch, task_config, out_dir / ".state" / task.id, curve,
            on_step=(lambda step, loss: on_progress(task.id, step, loss)) if on_progress else None,
        )
        exact = validation_exact(peft_model, loaded.tokenizer, task)
        seconds = time.perf_counter() - started
        adapter = extract_adapter(peft_model, config, loaded.name, {
            "kind": "oracle", "task_id": task.id, "family": task.family,
            "description": task.descriptions[0], "train_config": task_config.to_dict(),
        })
        save_peft_adapter(adapter, target)
        (target / "metrics.json").write_text(json.dumps(
            {"task_id": task.id, "final_loss": final_loss, "validation_exact": exact, "seconds": seconds,
             "steps": config.steps}, indent=2))
        curve.plot(f"oracle LoRA: {task.id}")
        results.append(OracleResult(task.id, target, final_loss, exact, seconds))
    return results


def validation_exact(model, tokenizer, task: Task, description: str | None = None, limit: int = 32) -> float:
    """Mean exact-match score of greedy answers on the task's validation examples."""
    from hypernet.chat import complete

    examples = list(task.validation[:limit])
    if not examples:
        return float("nan")
    answers = complete(model, tokenizer, [user_message(e.input, description) for e in examples],
                       max_new_tokens=max_answer_tokens(tokenizer, examples))
    return sum(task.score(a, e)["exact"] for a, e in zip(answers, examples)) / len(examples)


def max_answer_tokens(tokenizer, examples) -> int:
    """Enough new tokens for the longest reference answer, plus slack for the end token."""
    longest = max(len(tokenizer(e.output, add_special_tokens=False)["input_ids"]) for e in examples)
    return longest + 4
