"""How much of a T2L checkpoint's adapters depends on the task (``hypernet.spread``); a minute on a CPU.

One adapter per task, generated from the task's first held-out description (never used in
training), for the training and the held-out tasks; per module type, the share of update energy
that varies with the task and how many directions it spans:

    python3 scripts/adapter_spread.py hypernet/checkpoints/default runs/sft-x/average [--task-file suite.jsonl]

Near 0 % the checkpoint emits one adapter for every task (a multi-task LoRA); whether what varies
helps is for ``t2l eval --mismatched`` to say.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkpoints", type=Path, nargs="+", help="T2L checkpoint directories")
    parser.add_argument("--task-file", type=Path, help="task file (default: the built-in suite)")
    parser.add_argument("--probes", type=int, default=16, help="random input vectors per layer")
    args = parser.parse_args()

    import torch

    from hypernet.checkpoint import load_checkpoint
    from hypernet.encoder import load_encoder
    from hypernet.generate import encode_descriptions, generate_weights
    from hypernet.spread import task_spread
    from t2l.cli.train import select_tasks

    from t2l.errors import T2LError

    try:
        groups = {split: select_tasks(split, None, args.task_file) for split in ("train", "heldout")}
        checkpoints = [load_checkpoint(path) for path in args.checkpoints]  # every path checked before any work
    except T2LError as exc:  # a missing or corrupt checkpoint, a bad task file
        raise SystemExit(f"adapter_spread: {exc}") from None
    encoders = {}
    print(f"{'checkpoint':<34} {'tasks':<8} {'module':<8} {'varying share':>13} {'eff. rank':>9} {'90 % in':>7}")
    for checkpoint in checkpoints:
        config = checkpoint.hypernet.config
        if config.encoder not in encoders:  # loaded once per encoder, not once per checkpoint
            encoders[config.encoder] = load_encoder(config.encoder)
        encoder = encoders[config.encoder]
        for split, tasks in groups.items():
            if len(tasks) < 2:  # a spread needs two adapters to compare
                print(f"  ({split}: {len(tasks)} task(s); at least 2 are needed, so none is shown)")
                continue
            missing = [t.id for t in tasks if not t.heldout_descriptions]
            texts = [(t.heldout_descriptions or t.descriptions)[0] for t in tasks]
            with torch.inference_mode():
                weights = generate_weights(checkpoint.hypernet, encode_descriptions(encoder, texts))
            for module, spread in task_spread(weights, config.scaling, probes=args.probes).items():
                print(f"{checkpoint.id[:34]:<34} {split:<8} {module:<8} {spread.varying_share:>12.1%} "
                      f"{spread.effective_rank:>9.1f} {spread.directions_90:>7}")
            if missing:
                print(f"  ({len(missing)} {split} tasks have no held-out description: their first training one was used)")


if __name__ == "__main__":
    main()
