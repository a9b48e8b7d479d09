"""Benchmark: reconstruction training steps per second at a library's scale, by matmul precision,
and on several GPUs at once.

The step is ``t2l train recon``'s (hypernetwork forward, ``delta_loss`` against the oracles, backward,
clipping, AdamW) on synthetic oracles of the given shapes, so no base model or oracle files are
needed. Modes: ``fp32`` (the baseline: full float32 matmuls), ``tf32`` (float32 storage, TF32 tensor
cores for matmuls, which ``t2l train recon`` uses on CUDA by default) and ``bf16`` (the forward under
bfloat16 autocast); ``+fused`` after a mode (e.g. ``tf32+fused``) steps with PyTorch's fused AdamW
kernel instead of its default. Each mode starts from the same weights and batches; its loss after the timed
steps shows whether the precision changes training:

    python3 scripts/bench_recon.py --device cuda --tasks 389 --head-hidden 12288 --tasks-per-batch 64

Under ``torchrun`` it times data-parallel reconstruction instead (TF32, as ``t2l train recon``):
first process 0 alone on whole batches (the baseline), then every process on its share of the same
batches, with the gradients averaged:

    python3 -m torch.distributed.run --standalone --nproc-per-node 2 scripts/bench_recon.py --device cuda
"""

from __future__ import annotations

import argparse
import json
import os
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
    known = {f"{precision}{fused}" for precision in ("fp32", "tf32", "bf16") for fused in ("", "+fused")}
    unknown = sorted(set(args.modes.split(",")) - known)
    if unknown:
        parser.error(f"unknown --modes {unknown}: use fp32, tf32 and bf16, each optionally +fused")
    modules = [item.split(":") for item in args.modules.split(",")]
    if any(len(m) != 3 or not m[1].isdigit() or not m[2].isdigit() for m in modules):
        parser.error(f"--modules takes NAME:IN:OUT items, comma-separated, not {args.modules!r}")

    from hypernet.config import HypernetConfig, TargetSpec

    specs = [TargetSpec(name, int(fan_in), int(fan_out), args.layers) for name, fan_in, fan_out in modules]
    config = HypernetConfig(base_model="bench", encoder="bench", embedding_dim=384, targets=tuple(specs),
                            rank=args.rank, alpha=16.0, latent_dim=args.latent_dim, head_hidden=args.head_hidden)
    if int(os.environ.get("WORLD_SIZE", "1")) > 1:
        results = data_parallel(args, config)
    else:
        results = by_precision(args, config)
    if args.out and results:
        with open(args.out, "w") as f:
            json.dump({"args": vars(args), "results": results}, f, indent=2)


def synthetic_library(args: argparse.Namespace, config, device) -> dict:
    """Oracles, their loss scales, description embeddings and the batches: the same on every
    process (one seeded generator)."""
    import torch

    generator = torch.Generator().manual_seed(0)
    goal = {s.name: (torch.randn(args.tasks, args.layers, args.rank, s.in_features, generator=generator).to(device) * 0.05,
                     torch.randn(args.tasks, args.layers, s.out_features, args.rank, generator=generator).to(device) * 0.01)
            for s in config.targets}
    scales = {n: torch.ones(args.layers, device=device) * float((b[0] @ a[0]).pow(2).sum(dim=(-1, -2)).mean())
              for n, (a, b) in goal.items()}
    a_scales = {n: a.pow(2).mean() for n, (a, _) in goal.items()}
    table = torch.nn.functional.normalize(torch.randn(args.tasks, 384, generator=generator), dim=-1).to(device)
    batches = [torch.randperm(args.tasks, generator=generator)[: args.tasks_per_batch].to(device)
               for _ in range(args.steps + 3)]
    return {"goal": goal, "scales": scales, "a_scales": a_scales, "table": table, "batches": batches}


def recon_step(model, optimizer, library: dict, picked, mode: str, device, group=None) -> float:
    """One reconstruction step on the oracles ``picked``; its loss (over all processes in ``group``)."""
    import torch

    mode = mode.removesuffix("+fused")  # the optimizer's concern, not the step's

    from hypernet.train.distributed import SINGLE, mean_over_processes
    from hypernet.train.recon import library_delta_loss, matmul_precision

    with matmul_precision(mode == "tf32", device), \
            torch.autocast(device.type, dtype=torch.bfloat16, enabled=mode == "bf16"):
        out = model(library["table"][picked])
    with matmul_precision(mode == "tf32", device):
        loss = library_delta_loss(out, library["goal"], picked, library["scales"], library["a_scales"])
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    optimizer.step()
    return float(mean_over_processes(group or SINGLE, loss))


def timed(step, batches, device) -> dict:
    """Steps per second over all but the first 3 batches (warm-up), and the loss after the last."""
    import torch

    for picked in batches[:3]:
        step(picked)
    if device.type == "cuda":
        torch.cuda.synchronize()
    started = time.perf_counter()
    for picked in batches[3:]:
        loss = step(picked)
    seconds = time.perf_counter() - started
    return {"steps_per_second": (len(batches) - 3) / seconds, "loss_after": loss}


def by_precision(args: argparse.Namespace, config) -> dict:
    import torch

    from hypernet.model import build_hypernet

    device = torch.device(args.device)
    library = synthetic_library(args, config, device)
    results = {}
    for mode in args.modes.split(","):
        torch.manual_seed(0)  # the same dropout masks in every mode
        hypernet = build_hypernet(config, device=device).train()
        optimizer = torch.optim.AdamW(hypernet.parameters(), lr=1e-3, fused=True if mode.endswith("+fused") else None)
        results[mode] = timed(lambda picked: recon_step(hypernet, optimizer, library, picked, mode, device),
                              library["batches"], device)
        print(f"{mode:10s} {results[mode]['steps_per_second']:8.2f} steps/s   "
              f"loss after {args.steps + 3} steps {results[mode]['loss_after']:.4f}", flush=True)
        del hypernet, optimizer
    if "fp32" in results:
        for mode, figures in results.items():
            print(f"{mode:10s} speed-up over fp32: {figures['steps_per_second'] / results['fp32']['steps_per_second']:.2f}x")
    return results


def data_parallel(args: argparse.Namespace, config) -> dict:
    """Process 0 alone on whole batches, then all processes on their shares; process 0's figures."""
    import torch
    from torch.nn.parallel import DistributedDataParallel

    from hypernet.model import build_hypernet
    from hypernet.train.distributed import check_batch, joined, wait_for_all

    with joined(args.device) as group:
        check_batch(group, args.tasks_per_batch)  # before any work
        device = torch.device(group.device)
        library = synthetic_library(args, config, device)
        results = {}
        if group.is_main:
            torch.manual_seed(0)
            alone = build_hypernet(config, device=device).train()
            optimizer = torch.optim.AdamW(alone.parameters(), lr=1e-3)
            results["one_process"] = timed(
                lambda picked: recon_step(alone, optimizer, library, picked, "tf32", device),
                library["batches"], device)
            del alone, optimizer
        wait_for_all(group)
        torch.manual_seed(0)
        hypernet = build_hypernet(config, device=device).train()
        shared = DistributedDataParallel(hypernet, device_ids=[device] if device.type == "cuda" else None)
        optimizer = torch.optim.AdamW(hypernet.parameters(), lr=1e-3)
        results["data_parallel"] = timed(
            lambda picked: recon_step(shared, optimizer, library, picked[group.rank::group.world_size], "tf32",
                                      device, group),
            library["batches"], device)
    if not group.is_main:
        return {}
    one, many = results["one_process"], results["data_parallel"]
    print(f"1 process   {one['steps_per_second']:8.2f} steps/s   loss after {args.steps + 3} steps {one['loss_after']:.4f}")
    print(f"{group.world_size} processes {many['steps_per_second']:8.2f} steps/s   "
          f"loss after {args.steps + 3} steps {many['loss_after']:.4f}")
    print(f"data-parallel speed-up over 1 process: {many['steps_per_second'] / one['steps_per_second']:.2f}x")
    return {**results, "processes": group.world_size}


if __name__ == "__main__":
    main()
