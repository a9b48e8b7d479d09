"""Does pushing a held-out description's embedding away from its nearest training descriptions
(``hypernet.extrapolation``: e + beta * (e - c)) give its task a better adapter?

    python3 scripts/embedding_extrapolation.py hypernet/checkpoints/default --task-file suite-extra.jsonl \
        --betas 0,0.5,1,2,-1

For each beta it prints the held-out tasks' mean response cross-entropy on their validation examples
(``hypernet.sibling_gap.task_losses``; no answers generated) and its difference from the first beta,
with the 95 % interval over tasks. ``--split train`` reads every ``--every``-th training task under
its held-out wording instead, with its own descriptions left out of its neighbours.
"""

from __future__ import annotations

import argparse
import math
from pathlib import Path
from statistics import fmean


def parse_betas(text: str) -> list[float]:
    try:
        betas = [float(b) for b in text.split(",")]
    except ValueError:
        raise SystemExit(f"embedding_extrapolation: --betas takes numbers separated by commas, not {text!r}") from None
    if not betas or not all(math.isfinite(b) for b in betas):
        raise SystemExit(f"embedding_extrapolation: --betas takes finite numbers, not {text!r}")
    return betas


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkpoint", type=Path, help="T2L checkpoint directory")
    parser.add_argument("--task-file", type=Path, help="task file (default: the built-in suite)")
    parser.add_argument("--betas", default="0,0.5,1,2,-1", help="comma-separated; the first is the reference")
    parser.add_argument("--neighbours", type=int, default=20, help="nearest training descriptions averaged (20)")
    parser.add_argument("--examples", type=int, default=8, help="validation examples per task (default 8)")
    parser.add_argument("--split", choices=["heldout", "train"], default="heldout")
    parser.add_argument("--every", type=int, default=6, help="with --split train: every N-th training task (6)")
    args = parser.parse_args()
    betas = parse_betas(args.betas)
    if args.examples < 1 or args.every < 1 or args.neighbours < 1:
        raise SystemExit("embedding_extrapolation: --examples, --every and --neighbours must be at least 1")

    import torch

    from hypernet.checkpoint import load_checkpoint
    from hypernet.encoder import load_encoder
    from hypernet.eval_compare import mean_with_interval
    from hypernet.extrapolation import extrapolate, neighbour_means
    from hypernet.generate import encode_descriptions
    from hypernet.sibling_gap import probe_description, task_losses
    from t2l.cli.train import load_for_training, select_tasks
    from t2l.errors import T2LError

    try:
        training = select_tasks("train", None, args.task_file)
        tasks = select_tasks("heldout", None, args.task_file) if args.split == "heldout" else training[::args.every]
        checkpoint = load_checkpoint(args.checkpoint)
    except T2LError as exc:  # a missing or corrupt checkpoint, a bad task file
        raise SystemExit(f"embedding_extrapolation: {exc}") from None
    if checkpoint.hypernet.config.use_dora:
        raise SystemExit(f"embedding_extrapolation: {args.checkpoint} emits DoRA adapters, which this probe does not apply")
    tasks = [t for t in tasks if t.validation]
    if not tasks:
        raise SystemExit(f"embedding_extrapolation: no {args.split} task with validation examples")
    encoder = load_encoder(checkpoint.config.encoder)
    index = {t.id: i for i, t in enumerate(training)}
    pool_owner = torch.tensor([i for i, t in enumerate(training) for _ in t.descriptions[:20]])  # 20 a task, as nearest_siblings
    pool = encode_descriptions(encoder, [d for t in training for d in t.descriptions[:20]], device="cpu")
    probes = encode_descriptions(encoder, [probe_description(t) for t in tasks], device="cpu")
    # a training task's own descriptions are not its neighbours (a held-out task has none: index -1)
    exclude = torch.tensor([index.get(t.id, -1) for t in tasks])[:, None] == pool_owner[None, :]
    try:
        means = neighbour_means(probes, pool, args.neighbours, exclude=exclude)
    except ValueError as exc:
        raise SystemExit(f"embedding_extrapolation: {exc}") from None
    loaded = load_for_training("cpu")  # after every check: a bad count fails in seconds
    losses = {b: task_losses(loaded, checkpoint.hypernet, tasks, extrapolate(probes, means, b), examples=args.examples)
              for b in betas}
    reference = losses[betas[0]]
    print(f"{checkpoint.id[:16]}  {args.split}: {len(tasks)} tasks, {args.neighbours} neighbours")
    for beta in betas:
        diffs = [x - y for x, y in zip(losses[beta], reference)]
        mean, half = mean_with_interval(diffs)
        print(f"beta {beta:+.2f}  CE {fmean(losses[beta]):.4f}  − beta {betas[0]:+.2f}: {mean:+.4f} ± {half:.4f}"
              f"  lower on {sum(d < 0 for d in diffs)} of {len(diffs)} tasks")


if __name__ == "__main__":
    main()
