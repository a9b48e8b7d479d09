"""Write a residual T2L checkpoint's fixed block (the multi-task LoRA it was trained around) as a PEFT adapter.

A residual hypernetwork (``t2l train sft --residual-adapter DIR``) adds the rows it
generates to a fixed block that every adapter shares. Applied alone, that block is the checkpoint's
own multi-task baseline, so `t2l eval --multitask DIR --sft CKPT` compares what the description adds
on any tasks, training tasks included, without the multi-task run's files:

    python3 scripts/fixed_block_adapter.py hypernet/checkpoints/default --out runs/default-fixed
"""

from __future__ import annotations

import argparse
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkpoint", type=Path, help="a T2L checkpoint directory with a fixed block")
    parser.add_argument("--out", type=Path, required=True, help="directory for the PEFT adapter")
    args = parser.parse_args()

    from hypernet.checkpoint import load_checkpoint
    from hypernet.generate import fixed_block_adapter
    from hypernet.peft_format import save_peft_adapter
    from t2l.errors import T2LError

    try:
        checkpoint = load_checkpoint(args.checkpoint)
        adapter = fixed_block_adapter(checkpoint.hypernet, checkpoint_id=checkpoint.id)
    except (T2LError, ValueError) as exc:  # a missing or damaged checkpoint, or one without a fixed block
        raise SystemExit(f"fixed_block_adapter: {exc}") from None
    save_peft_adapter(adapter, args.out)
    print(f"fixed block of {args.checkpoint} (rank {adapter.rank}, {len(adapter.weights)} modules) written to {args.out}")


if __name__ == "__main__":
    main()
