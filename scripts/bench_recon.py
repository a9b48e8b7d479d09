"""Benchmark: reconstruction training steps per second at a library's scale, by matmul precision.

The step is ``t2l train recon``'s (hypernetwork forward, ``delta_loss`` against the oracles, backward,
clipping, AdamW) on synthetic oracles of the given shapes, so no base model or oracle files are
needed. Modes: ``fp32`` (the baseline: full float32 matmuls), ``tf32`` (float32 storage, TF32 tensor
cores for matmuls, which ``t2l train recon`` uses on CUDA by default) and ``bf16`` (the forward under
bfloat16 autocast). Each mode starts from the same weights and batches; its loss after the timed
steps shows whether the precision changes training:

    python3 scripts/bench_recon.py --device cuda --tasks 389 --head-hidden 12288 --tasks-per-batch 64
"""

from __future__ import annotations

import argparse
import json
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--tasks", type=int, default=389, help="oracles in the library")
    parser.add_argument("--layers", type=int, default=30)
    parser.add_argument("--modules", default="q_proj:576:576,v_proj:576:192",
                        help="NAME:IN:OUT of each targeted module type (default: SmolLM2-135M's)")
    parser.add_argument("--rank", type=int, default=8)
    parser.add_argument("--latent-dim", type=int, default=512)
    parser.add_argument("--head-hidden", type=int, default=12288)
    parser.add_argument("--tasks-per-batch", type=int, default=64)
    parser.add_argument("--steps", type=int, default=30, help="timed steps per mode (after 3 warm-up steps)")
    parser.add_argument("--modes", default="fp32,tf32,bf16")
    parser.add_argument("--out", help="also write the figures to this JSON file")
    args = parser.parse_args()
    unknown = sorted(set(args.modes.split(",")) - {"fp32", "tf32", "bf16"})
    if unknown:
        parser.error(f"unknown --modes {unknown}: use fp32, tf32 and bf16")
    modules = [item.split(":") for item in args.modules.split(",")]
    if any(len(m) != 3 or not m[1].isdigit() or not m[2].isdigit() for m in modules):
        parser.error(f"--modules takes NAME:IN:OUT items, comma-separated, not {args.modules!r}")

    import torch

    from hypernet.config import HypernetConfig, TargetSpec
    from hypernet.model import build_hypernet
    from hypernet.train.recon import library_delta_loss, matmul_precision

    device = torch.device(args.device)
    specs = []
    for name, fan_in, fan_out in modules:
        specs.append(TargetSpec(name, int(fan_in), int(fan_out), args.layers))
    config = HypernetConfig(base_model="bench", encoder="bench", embedding_dim=384, targets=tuple(specs),
                            rank=args.rank, alpha=16.0, latent_dim=args.latent_dim, head_hidden=args.head_hidden)
    generator = torch.Generator().manual_seed(0)
    goal = {s.name: (torch.randn(args.tasks, args.layers, args.rank, s.in_features, generator=generator).to(device) * 0.05,
                     torch.randn(args.tasks, args.layers, s.out_features, args.rank, generator=generator).to(device) * 0.01)
            for s in specs}
    scales = {n: torch.ones(args.layers, device=device) * float((b[0] @ a[0]).pow(2).sum(dim=(-1, -2)).mean())
              for n, (a, b) in goal.items()}
    a_scales = {n: a.pow(2).mean() for n, (a, _) in goal.items()}
    table = torch.nn.functional.normalize(torch.randn(args.tasks, 384, generator=generator), dim=-1).to(device)
    batches = [torch.randperm(args.tasks, generator=generator)[: args.tasks_per_batch].to(device)
               for _ in range(args.steps + 3)]

    results = {}
    for mode in args.modes.split(","):
        torch.manual_seed(0)  # the same dropout masks in every mode
        hypernet = build_hypernet(config, device=device).train()
        optimizer = torch.optim.AdamW(hypernet.parameters(), lr=1e-3)

        def step(picked: torch.Tensor) -> float:
            with matmul_precision(mode == "tf32", device), \
                    torch.autocast(device.type, dtype=torch.bfloat16, enabled=mode == "bf16"):
                out = hypernet(table[picked])
            with matmul_precision(mode == "tf32", device):
                loss = library_delta_loss(out, goal, picked, scales, a_scales)
                optimizer.zero_grad(set_to_none=True)
                loss.backward()
            torch.nn.utils.clip_grad_norm_(hypernet.parameters(), 1.0)
            optimizer.step()
            return float(loss.detach())

        for picked in batches[:3]:
            step(picked)
        if device.type == "cuda":
            torch.cuda.synchronize()
        started = time.perf_counter()
        for picked in batches[3:]:
            loss = step(picked)
        seconds = time.perf_counter() - started
        results[mode] = {"steps_per_second": args.steps / seconds, "loss_after": loss}
        print(f"{mode:5s} {args.steps / seconds:8.2f} steps/s   loss after {args.steps + 3} steps {loss:.4f}", flush=True)
        del hypernet, optimizer
    if "fp32" in results:
        for mode, figures in results.items():
            print(f"{mode:5s} speed-up over fp32: {figures['steps_per_second'] / results['fp32']['steps_per_second']:.2f}x")
    if args.out:
        with open(args.out, "w") as f:
            json.dump({"args": vars(args), "results": results}, f, indent=2)


if __name__ == "__main__":
    main()
