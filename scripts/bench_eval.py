"""Evaluation speed: several tasks per generate call against one task at a time (the baseline), in
the same run, on the held-out tasks with the shipped hypernetwork (the "T2L (SFT) + description" row
of ``t2l eval``). Prints both timings, the speed-up and whether the scores agree.

    python3 scripts/bench_eval.py --tasks 24 --limit 16 --descriptions 3 [--device cuda] [--batch-size 256]
"""

from __future__ import annotations

import argparse
import time
from contextlib import nullcontext


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tasks", type=int, default=24, help="The first N held-out tasks of the suite.")
    parser.add_argument("--limit", type=int, default=16, help="Test examples per task.")
    parser.add_argument("--descriptions", type=int, default=3, help="Held-out descriptions per task.")
    parser.add_argument("--batch-size", type=int, default=None,
                        help="Rows per call (default: 256 on a GPU; on the CPU give it, e.g. 64, to mix tasks at all).")
    parser.add_argument("--task-file", default=None, help="A task file instead of the built-in suite.")
    parser.add_argument("--device", default=None)
    args = parser.parse_args()

    from hypernet.checkpoint import DEFAULT_CHECKPOINT_DIR, load_checkpoint
    from hypernet.encoder import load_encoder
    from hypernet.evaluate import evaluate_method, hypernet_row
    from hypernet.targets import discover_targets
    from t2l.cli.train import load_for_training, select_tasks
    from t2l.settings import get_settings

    tasks = select_tasks("heldout", None, args.task_file)[: args.tasks]
    loaded = load_for_training(args.device)
    device = str(next(loaded.model.parameters()).device)
    targets = discover_targets(loaded.model)
    checkpoint = load_checkpoint(DEFAULT_CHECKPOINT_DIR, targets=targets, device=device)
    encoder = load_encoder(get_settings().encoder, device=device)

    def texts(task):
        return list(task.heldout_descriptions[: args.descriptions])

    common = dict(limit=args.limit, **hypernet_row(checkpoint.hypernet, encoder, texts, targets, checkpoint.id))
    evaluate_method("warm-up", loaded, tasks[:1], **common)  # first-call costs out of both timings
    runs = {}
    for name, extra in (("one task per call (baseline)", {"model_for": lambda task: nullcontext()}),
                        ("tasks batched together", {"batch_size": args.batch_size})):
        started = time.perf_counter()
        runs[name] = (evaluate_method(name, loaded, tasks, **common, **extra), time.perf_counter() - started)
    rows = len(tasks) * args.limit * args.descriptions
    print(f"{len(tasks)} tasks x {args.limit} examples x {args.descriptions} descriptions = {rows} answers on {device}")
    for name, (result, seconds) in runs.items():
        print(f"  {name:<30} {seconds:7.1f} s  {rows / seconds:7.1f} answers/s  exact {result.mean('exact'):.2f}")
    (base, base_s), (batched, batched_s) = runs.values()
    differing = [t for t in base.per_task if base.per_task[t] != batched.per_task[t]]
    print(f"speed-up {base_s / batched_s:.2f}x; tasks whose scores differ: {len(differing)} of {len(tasks)}"
          + (f" ({', '.join(differing[:5])})" if differing else ""))


if __name__ == "__main__":
    main()
