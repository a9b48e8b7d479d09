"""How far each task's own adapter beats its nearest sibling's on the task's own examples
(``hypernet.sibling_gap``), for the held-out tasks and a sample of the training tasks:

    python3 scripts/sibling_gap.py hypernet/checkpoints/default [CKPT ...] --task-file suite-extra.jsonl

The siblings are training tasks of the same family (with ``--task-file`` from ``t2l tasks export
--extra``, the training-only siblings too). Per checkpoint and split it prints the mean gap (nats)
with its 95 % interval over tasks, and the share of tasks whose own adapter does better. With
``--out`` it also writes every task's losses as JSON. No answers are generated: a few minutes on a
2-core CPU.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def summary(gaps: list) -> str:
    """Mean gap ± 95 % interval over tasks, and the share above 0."""
    from hypernet.eval_compare import mean_with_interval

    values = [g.gap for g in gaps]
    mean, half = mean_with_interval(values)
    above = sum(v > 0 for v in values) / len(values)
    return f"{mean:+.3f} ± {half:.3f} nats, own adapter better on {above:.0%} of {len(values)} tasks"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkpoints", type=Path, nargs="+", help="T2L checkpoint directories")
    parser.add_argument("--task-file", type=Path, help="task file (default: the built-in suite)")
    parser.add_argument("--examples", type=int, default=8, help="validation examples per task (default 8)")
    parser.add_argument("--every", type=int, default=6,
                        help="probe every N-th training task (default 6; 1 = all of them)")
    parser.add_argument("--out", type=Path, help="also write every task's losses here (JSON)")
    args = parser.parse_args()
    if args.examples < 1 or args.every < 1:
        raise SystemExit("sibling_gap: --examples and --every must be at least 1")

    from hypernet.checkpoint import load_checkpoint
    from hypernet.encoder import load_encoder
    from hypernet.sibling_gap import nearest_siblings, sibling_gaps
    from t2l.cli.train import load_for_training, select_tasks
    from t2l.errors import T2LError

    try:
        training = select_tasks("train", None, args.task_file)
        groups = {"heldout": select_tasks("heldout", None, args.task_file), "train": training[::args.every]}
        checkpoints = [load_checkpoint(path) for path in args.checkpoints]  # every path checked before any work
    except T2LError as exc:  # a missing or corrupt checkpoint, a bad task file
        raise SystemExit(f"sibling_gap: {exc}") from None
    if dora := [str(path) for path, c in zip(args.checkpoints, checkpoints) if c.hypernet.config.use_dora]:
        raise SystemExit(f"sibling_gap: {', '.join(dora)} emit DoRA adapters, which this measure does not apply")
    loaded = load_for_training("cpu")
    encoders, siblings, report = {}, {}, {}
    for path, checkpoint in zip(args.checkpoints, checkpoints):
        name = checkpoint.config.encoder
        if name not in encoders:  # loaded, and the siblings found, once per encoder, not once per checkpoint
            encoders[name] = load_encoder(name)
            siblings[name] = {split: nearest_siblings(tasks, training, encoders[name])
                              for split, tasks in groups.items()}
        for split, tasks in groups.items():
            gaps = sibling_gaps(loaded, encoders[name], checkpoint.hypernet, tasks, siblings[name][split],
                                examples=args.examples)
            if not gaps:
                print(f"{checkpoint.id[:16]}  {split:<8} no task with both a sibling among the training tasks "
                      "and validation examples")
                continue
            print(f"{checkpoint.id[:16]}  {split:<8} {summary(gaps)}")
            report.setdefault(str(path), {})[split] = [
                {"task": g.task, "sibling": g.sibling, "own_loss": g.own_loss, "sibling_loss": g.sibling_loss}
                for g in gaps]
    if args.out:
        args.out.write_text(json.dumps(report, indent=1))
        print(f"written: {args.out}")


if __name__ == "__main__":
    main()
