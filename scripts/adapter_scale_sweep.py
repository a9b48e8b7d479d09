"""How much of a generated adapter to apply: T2L's ΔW scaled by s (its lora_alpha times s), scored
on the checkpoint's selection tasks (what may choose s) and on the held-out tasks (for reading).

    python3 scripts/adapter_scale_sweep.py --scales 0.25,0.5,0.75,1,1.25 --limit 16 --out /tmp/scale.json
    python3 scripts/adapter_scale_sweep.py --scales 1 --wrapped     # test-time augmentation instead

``--wrapped``: the adapter comes from the mean embedding of the description and five rewrappings of
it in training templates ("Please {p}.", "Can you {p}?", ...), a test-time augmentation.

One held-out description per task, in the prompt too when the checkpoint was trained so. Runs on
the CPU in about 4 minutes per scale for the 87 held-out tasks at 16 examples (2 cores).
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import json
import time
from pathlib import Path

import torch

WRAPS = ("Please {p}.", "Can you {p}?", "Task: {p}.", "I need you to {p}.", "{P}. Reply with the answer only.")


def rewrapped(description: str) -> list[str]:
    """The description as the phrasing inside some of the training templates."""
    p = description.strip().rstrip(".?!")
    p = p[:1].lower() + p[1:]
    return [w.format(p=p, P=p[:1].upper() + p[1:]) for w in WRAPS]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", default="0.25,0.5,0.75,1,1.25", help="comma-separated ΔW scales")
    parser.add_argument("--limit", type=int, default=16, help="examples per task")
    parser.add_argument("--checkpoint", default="hypernet/checkpoints/default")
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--wrapped", action="store_true", help="average the embedding over template rewrappings")
    parser.add_argument("--out", type=Path, default=Path("/tmp/adapter-scale.json"))
    args = parser.parse_args()
    scales = [float(s) for s in args.scales.split(",")]

    from hypernet.checkpoint import load_checkpoint
    from hypernet.encoder import load_encoder
    from hypernet.evaluate import evaluate_method
    from hypernet.generate import encode_descriptions, generate_adapters, generate_weights
    from hypernet.lora import adapters_from_weights
    from hypernet.targets import discover_targets
    from t2l.cli.train import load_for_training, select_tasks
    from t2l.settings import get_settings

    torch.manual_seed(0)
    loaded = load_for_training(args.device)
    targets = discover_targets(loaded.model)
    checkpoint = load_checkpoint(args.checkpoint, targets=targets, device=args.device)
    encoder = load_encoder(get_settings().encoder, device=args.device)
    selection_ids = checkpoint.config.training.get("selection_task_ids") or []
    if not selection_ids:
        raise SystemExit(f"{args.checkpoint} records no selection tasks: nothing may choose the scale")
    groups = {"selection": (select_tasks("train", ",".join(selection_ids), None), "validation"),
              "heldout": (select_tasks("heldout", None, None), "test")}
    in_prompt = checkpoint.config.prompt_description
    results: dict[str, dict] = {"checkpoint": {"path": args.checkpoint, "sha256": checkpoint.sha256[:16]},
                                "limit": args.limit, "rows": {}}
    config = checkpoint.hypernet.config

    @functools.cache
    def generated(description: str):  # once per description; each scale only changes alpha
        if not args.wrapped:
            return generate_adapters(checkpoint.hypernet, encoder, [description], targets, checkpoint_id=checkpoint.id)
        return wrapped_adapters(description)

    def wrapped_adapters(description: str):
        texts = [description, *rewrapped(description)]
        mean = torch.nn.functional.normalize(encode_descriptions(encoder, texts), dim=-1).mean(0, keepdim=True)
        weights = generate_weights(checkpoint.hypernet, torch.nn.functional.normalize(mean, dim=-1))
        return adapters_from_weights(weights, targets, rank=config.rank, alpha=config.alpha,
                                     use_rslora=config.use_rslora, base_model=config.base_model)

    for group, (tasks, split) in groups.items():
        for scale in scales:
            def adapters_for(task, scale=scale):
                return [dataclasses.replace(a, alpha=a.alpha * scale) for a in generated(task.heldout_descriptions[0])]

            started = time.perf_counter()
            row = evaluate_method(f"{group} x{scale}", loaded, tasks, split=split, limit=args.limit,
                                  prompts_for=lambda t: [t.heldout_descriptions[0]] if in_prompt else [None],
                                  adapters_for=adapters_for)
            exact = row.mean("exact")
            results["rows"][f"{group} {scale}"] = {"exact": exact, "tasks": len(tasks),
                                                   "per_task": {k: v["exact"] for k, v in row.per_task.items()}}
            print(f"{group:<9} scale {scale:<5} {len(tasks):>3} tasks  exact {exact:5.1f}  "
                  f"({time.perf_counter() - started:.0f} s)", flush=True)
    args.out.write_text(json.dumps(results, indent=2))
    chosen = max(scales, key=lambda s: results["rows"][f"selection {s}"]["exact"])
    print(f"the selection tasks choose scale {chosen}: held-out exact "
          f"{results['rows'][f'heldout {chosen}']['exact']:.1f} (scale 1: {results['rows'].get('heldout 1.0', {}).get('exact', float('nan')):.1f})")


if __name__ == "__main__":
    main()
