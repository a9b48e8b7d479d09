"""Probe: does the multi-task LoRA's shared skill add to a T2L adapter's description-specific part?

Each held-out task gets three rows, all scored as `t2l eval` scores them (held-out descriptions, the
description in the prompt where the checkpoint was trained so): the T2L adapter alone, the
multi-task LoRA alone, and both summed into one adapter (``stack_adapters``: rank 8 + 8, each update
kept at its own scale). The report compares each T2L row with the multi-task LoRA, per task:

    python3 scripts/stacked_probe.py --sft CKPT --multitask hypernet/checkpoints/multitask-389 \
        --limit 8 --descriptions 3 --out /tmp/stacked/EVAL.md [--task-file suite.jsonl] [--tasks a,b]

An exploration, not a method the platform ships: the sum is not what either part was trained for.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sft", type=Path, required=True, help="T2L (SFT) checkpoint directory")
    parser.add_argument("--multitask", type=Path, required=True, help="multi-task LoRA adapter directory")
    parser.add_argument("--limit", type=int, default=8, help="test examples per task")
    parser.add_argument("--descriptions", type=int, default=3, help="held-out descriptions per task")
    parser.add_argument("--task-file", type=Path, help="task file (default: the built-in suite)")
    parser.add_argument("--tasks", help="comma-separated task ids instead of every held-out task")
    parser.add_argument("--out", type=Path, required=True, help="Markdown report; .json and .png beside it")
    args = parser.parse_args()

    from hypernet.checkpoint import load_checkpoint
    from hypernet.encoder import load_encoder
    from hypernet.eval_report import write_report
    from hypernet.evaluate import evaluate_method, hypernet_row
    from hypernet.peft_format import load_peft_adapter, stack_adapters
    from hypernet.targets import discover_targets
    from t2l.cli.train import load_for_training, select_tasks, split_of
    from t2l.settings import get_settings

    tasks = select_tasks("heldout", args.tasks, args.task_file)
    shared = load_peft_adapter(args.multitask)
    loaded = load_for_training(None)
    device = str(next(loaded.model.parameters()).device)
    targets = discover_targets(loaded.model)
    checkpoint = load_checkpoint(args.sft, targets=targets, device=device)
    if not checkpoint.hypernet.config.prompt_description:
        raise SystemExit("the multi-task LoRA was trained with the description in the prompt; "
                         f"{args.sft} was not, so the stacked row would mix two prompt formats")
    encoder = load_encoder(get_settings().encoder, device=device)

    def texts(task):
        return list(task.heldout_descriptions[: args.descriptions])

    t2l = hypernet_row(checkpoint.hypernet, encoder, texts, targets, checkpoint_id=checkpoint.id)

    def stacked_for(task):
        return [stack_adapters(shared, adapter) for adapter in t2l["adapters_for"](task)]

    def progress(name):
        return lambda task_id, scores: print(f"{name:<40} {task_id:<40} exact {scores['exact']:5.1f}", flush=True)

    results = [
        evaluate_method("multi-task LoRA", loaded, tasks, limit=args.limit, prompts_for=texts,
                        adapters_for=lambda t: [shared] * len(texts(t)), on_task=progress("multi-task LoRA"),
                        note="one LoRA trained on all training tasks; description in the prompt"),
        evaluate_method("T2L (SFT) + description", loaded, tasks, limit=args.limit, on_task=progress("T2L"), **t2l,
                        note=f"adapter generated from the description ({checkpoint.sha256[:16]})"),
        evaluate_method("T2L (SFT) + description + multi-task LoRA (stacked)", loaded, tasks, limit=args.limit,
                        prompts_for=texts, adapters_for=stacked_for, on_task=progress("stacked"),
                        note="the generated adapter and the multi-task LoRA summed into one rank-16 LoRA"),
    ]
    context = {"tasks": str(len(tasks)), "test examples per task": str(args.limit),
               "descriptions per task": f"{args.descriptions} held-out", "T2L checkpoint": f"{args.sft} "
               f"(sha256 {checkpoint.sha256[:16]})", "multi-task LoRA": str(args.multitask)}
    command = "python3 scripts/stacked_probe.py " + " ".join(shlex.quote(a) for a in sys.argv[1:])
    paths = write_report(results, {t.id: t.family for t in tasks}, args.out, title="Stacked-adapter probe",
                         command=command, context=context, split=split_of((t.id for t in tasks), args.task_file))
    for r in results:
        print(f"{r.method:<55} exact {r.mean('exact'):5.1f}")
    print("written:", ", ".join(str(p) for p in paths))


if __name__ == "__main__":
    main()
