"""How well the description encoder tells a task library apart (``hypernet.separability``).

For every held-out description of the chosen tasks: is the task whose training descriptions lie
nearest (their mean; the single nearest one) its own? A reconstruction-trained T2L maps wordings to
adapters, so the share it gets wrong bounds what reconstruction can reach on held-out wordings:

    python3 scripts/task_separability.py [--task-file suite.jsonl] [--split train] [--encoder NAME]

Session 12: the suite's 389 training tasks, 85 % by the mean (91 % by the nearest description);
every third of them (130 tasks), 95 %.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--task-file", type=Path, help="task file (default: the built-in suite)")
    parser.add_argument("--split", default="train", help="train, heldout or all (default: train)")
    parser.add_argument("--every", type=int, default=1, help="only every n-th task of the split (a sub-library)")
    parser.add_argument("--encoder", default=None, help="encoder name or directory (default: T2L_ENCODER)")
    parser.add_argument("--confusions", type=int, default=10, help="how many of the most frequent confusions to show")
    args = parser.parse_args()

    import torch

    from hypernet.encoder import load_encoder
    from hypernet.generate import encode_descriptions
    from hypernet.separability import separability
    from t2l.cli.train import select_tasks
    from t2l.errors import T2LError
    from t2l.settings import get_settings

    if args.every < 1:
        parser.error(f"--every must be at least 1, not {args.every}")
    try:
        tasks = [t for t in select_tasks(args.split, None, args.task_file)[::args.every] if t.heldout_descriptions]
        if len(tasks) < 2:
            raise T2LError(f"{len(tasks)} task(s) with held-out descriptions; at least 2 are needed")
        encoder = load_encoder(args.encoder or get_settings().encoder)  # a bad name or directory: said, not raised
    except T2LError as exc:
        raise SystemExit(f"task_separability: {exc}") from None
    train_texts = [d for t in tasks for d in t.descriptions]
    query_texts = [d for t in tasks for d in t.heldout_descriptions]
    train_owner = torch.tensor([i for i, t in enumerate(tasks) for _ in t.descriptions])
    query_owner = torch.tensor([i for i, t in enumerate(tasks) for _ in t.heldout_descriptions])
    found = separability(encode_descriptions(encoder, train_texts, device="cpu"), train_owner,
                         encode_descriptions(encoder, query_texts, device="cpu"), query_owner)

    print(f"{len(tasks)} tasks, {found.queries} held-out descriptions: nearest task by mean {found.centroid:.1%}, "
          f"by nearest description {found.nearest:.1%}")
    families: dict[str, list[float]] = defaultdict(list)
    for index, share in found.per_task.items():
        families[tasks[index].family].append(share)
    print("by family (mean): " + ", ".join(f"{f} {sum(v) / len(v):.0%}" for f, v in sorted(families.items())))
    for true, taken, count in found.confusions[:args.confusions]:
        print(f"  {tasks[true].id} read as {tasks[taken].id}: {count}")


if __name__ == "__main__":
    main()
