"""Recipe: one LoRA trained on all training tasks — the main baseline.

    t2l train multitask --out runs/multitask [--steps 1000]

Each sample's prompt carries one of its task's training descriptions before the input: without
it a single adapter could not tell the tasks apart (the same input, e.g. a sentence, appears in
many tasks). Batches mix tasks. Resumable from the last checkpoint.
"""

from __future__ import annotations

import json
import random
import time
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from hypernet.peft_format import save_peft_adapter
from hypernet.train.curves import LossCurve
from hypernet.train.data import collate, encode_examples, user_message
from hypernet.train.peft_lora import LoraTrainConfig, extract_adapter, reset_lora, train_lora, wrap_with_lora

if TYPE_CHECKING:
    from hypernet.base_model import LoadedModel
    from hypernet.tasks.types import Task


def train_multitask(
    loaded: LoadedModel,
    tasks: Sequence[Task],
    out_dir: Path,
    config: LoraTrainConfig,
    on_step: Callable[[int, float], None] | None = None,
    *,
    balance_families: bool = False,
) -> Path:
    """Train one LoRA on every task in ``tasks``; writes a PEFT adapter to ``out_dir/adapter``. With
    ``balance_families`` each sample's task is drawn family first, as ``t2l train sft --balance-families``
    draws its tasks, so that a family with many tasks is not drawn more often."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "config.json").write_text(json.dumps({**config.to_dict(), "balance_families": balance_families},
                                                    indent=2))
    tokenizer, pad = loaded.tokenizer, loaded.tokenizer.pad_token_id
    pools = [(task, list(task.train)) for task in tasks if task.train]
    by_family: dict[str, list[int]] = {}
    for index, (task, _) in enumerate(pools):
        by_family.setdefault(task.family, []).append(index)
    families = list(by_family.values())

    def next_batch(rng: random.Random) -> dict:
        messages, answers = [], []
        for _ in range(config.batch_size):
            pick = rng.choice(rng.choice(families)) if balance_families else rng.randrange(len(pools))
            task, examples = pools[pick]
            example = examples[rng.randrange(len(examples))]
            messages.append(user_message(example.input, rng.choice(task.descriptions)))
            answers.append(example.output)
        return collate(encode_examples(tokenizer, messages, answers, config.max_length), pad)

    peft_model = wrap_with_lora(loaded.model, config)
    reset_lora(peft_model, config.seed)
    started = time.perf_counter()
    curve = LossCurve(out_dir / "loss.csv", ["loss", "lr"])
    final_loss = train_lora(peft_model, next_batch, config, out_dir / ".state", curve, on_step)
    adapter = extract_adapter(peft_model, config, loaded.name, {
        "kind": "multitask", "tasks": [t.id for t in tasks], "train_config": config.to_dict(),
        "balance_families": balance_families,
    })
    save_peft_adapter(adapter, out_dir / "adapter")
    (out_dir / "metrics.json").write_text(json.dumps(
        {"final_loss": final_loss, "seconds": time.perf_counter() - started, "steps": config.steps,
         "tasks": len(pools)}, indent=2))
    curve.plot("multi-task LoRA")
    return out_dir / "adapter"
