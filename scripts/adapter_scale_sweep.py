"""How much of a generated adapter to apply: T2L's ΔW scaled by s (its lora_alpha times s), scored
on the checkpoint's selection tasks (what may choose s) and on the held-out tasks (for reading).

    python3 scripts/adapter_scale_sweep.py --scales 0.25,0.5,0.75,1,1.25 --limit 16 --out /tmp/scale.json
    python3 scripts/adapter_scale_sweep.py --scales 1 --wrapped     # test-time augmentation instead
    python3 scripts/adapter_scale_sweep.py --scales 0,1,1.5,2 --generated-only --selection-every 8

``--wrapped``: the adapter comes from the mean embedding of the description and five rewrappings of
it in training templates ("Please {p}.", "Can you {p}?", ...), a test-time augmentation.

``--generated-only`` (a residual checkpoint, one with a fixed block): scale only the rows the
hypernetwork generates and keep the fixed block (its multi-task LoRA) whole: 0 is that LoRA alone,
1 the checkpoint's adapter, above 1 what the description adds, amplified.

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


def scaled_rows(adapter, rows: int, scale: float):
    """The adapter with its first ``rows`` rank rows' update times ``scale`` (B's columns scaled, so
    scaling * B @ A changes by exactly that share); the other rows untouched."""
    weights = {}
    for path, (a, b) in adapter.weights.items():
        b = b.clone()
        b[:, :rows] *= scale
        weights[path] = (a, b)
    return dataclasses.replace(adapter, weights=weights)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", default="0.25,0.5,0.75,1,1.25", help="comma-separated ΔW scales")
    parser.add_argument("--limit", type=int, default=16, help="examples per task")
    parser.add_argument("--checkpoint", default="hypernet/checkpoints/default")
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--wrapped", action="store_true", help="average the embedding over template rewrappings")
    parser.add_argument("--generated-only", action="store_true",
                        help="scale the generated rows only, not the fixed block (residual checkpoints)")
    parser.add_argument("--selection-every", type=int, default=0,
                        help="choose the scale on every K-th training task (default: the checkpoint's selection tasks)")
    parser.add_argument("--out", type=Path, default=Path("/tmp/adapter-scale.json"))
    args = parser.parse_args()
    scales = [float(s) for s in args.scales.split(",")]

    from hypernet.checkpoint import load_checkpoint, read_checkpoint_config
    from hypernet.encoder import load_encoder
    from hypernet.evaluate import evaluate_method
    from hypernet.generate import encode_descriptions, generate_adapters, generate_weights
    from hypernet.lora import adapters_from_weights
    from hypernet.targets import discover_targets
    from t2l.cli.train import load_for_training, select_tasks
    from t2l.errors import T2LError
    from t2l.settings import get_settings

    if args.selection_every < 0:
        parser.error("--selection-every must be 0 (the checkpoint's selection tasks) or a positive K")
    # what can refuse the run is read from config.json, before the base model loads
    try:
        config, _ = read_checkpoint_config(args.checkpoint)
    except T2LError as exc:  # a missing or unreadable checkpoint
        raise SystemExit(f"adapter_scale_sweep: {exc}") from None
    if args.generated_only and not config.fixed_rank:
        raise SystemExit(f"{args.checkpoint} has no fixed block: --generated-only needs a residual checkpoint")
    generated_rank = config.rank - config.fixed_rank  # the rows the heads emit; the fixed block follows them
    selection_ids = config.training.get("selection_task_ids") or []
    if not (args.selection_every or selection_ids):
        raise SystemExit(f"{args.checkpoint} records no selection tasks: pass --selection-every K "
                         "(every K-th training task chooses the scale)")

    torch.manual_seed(0)
    loaded = load_for_training(args.device)
    targets = discover_targets(loaded.model)
    checkpoint = load_checkpoint(args.checkpoint, targets=targets, device=args.device)
    encoder = load_encoder(get_settings().encoder, device=args.device)
    if args.selection_every:  # training tasks under a held-out wording: no held-out task informs the choice
        selection = select_tasks("train", None, None)[::args.selection_every]
    else:
        selection = select_tasks("train", ",".join(selection_ids), None)
    groups = {"selection": (selection, "validation"),
              "heldout": (select_tasks("heldout", None, None), "test")}
    in_prompt = config.prompt_description
    results: dict[str, dict] = {"checkpoint": {"path": args.checkpoint, "sha256": checkpoint.sha256[:16]},
                                "limit": args.limit, "rows": {}}

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
                adapters = generated(task.heldout_descriptions[0])
                if args.generated_only:
                    return [scaled_rows(a, generated_rank, scale) for a in adapters]
                return [dataclasses.replace(a, alpha=a.alpha * scale) for a in adapters]

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
