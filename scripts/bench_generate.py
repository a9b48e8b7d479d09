"""Adapters per second of the T2L hypernetwork: our batched path vs one description at a time.

    PYTHONPATH=. python3 scripts/bench_generate.py --device cpu
    PYTHONPATH=. python3 scripts/bench_generate.py --device cuda --batch-sizes 1,16,64,256,1024,4096

Shapes are SmolLM2-135M-Instruct's (q_proj 576→576, v_proj 576→192, 30 layers; r=8), read with
``discover_targets`` from a Llama config built on the meta device, so no model file is needed; when
the real model can be loaded (``--model-cache``) the shapes are checked against it. Embeddings are
random unit vectors (the hypernetwork's cost does not depend on their values; encoding is a
separate step, ~130 descriptions/s on 2 CPU cores, ~16 k/s on an H200, see ANCHORS.md).

Modes, each measured in this run:
  device      generate_weights: one forward + NaN check, tensors stay on the device
  cpu         ... + copy to CPU and split into per-adapter LoraAdapter tensors
  serialised  ... + PEFT safetensors bytes for every adapter (what is written to disk, minus the disk)
The baseline ("loop") runs the same modes one description at a time, as the published code does.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

import torch

from hypernet.config import HypernetConfig
from hypernet.generate import generate_weights
from hypernet.lora import adapters_from_weights
from hypernet.model import build_hypernet
from hypernet.peft_format import adapter_to_bytes
from hypernet.targets import TargetModule, discover_targets, select_targets

# SmolLM2-135M-Instruct, as read from its GGUF (ANCHORS.md)
SMOLLM2 = {"vocab_size": 49152, "hidden_size": 576, "intermediate_size": 1536, "num_hidden_layers": 30,
           "num_attention_heads": 9, "num_key_value_heads": 3, "tie_word_embeddings": True}
MODULES = ["q_proj", "v_proj"]


def smollm2_targets() -> list[TargetModule]:
    """Target shapes and paths of SmolLM2-135M from a meta-device model (no weights allocated)."""
    from transformers import LlamaConfig, LlamaForCausalLM

    with torch.device("meta"):
        model = LlamaForCausalLM(LlamaConfig(**SMOLLM2))
    return select_targets(discover_targets(model), MODULES)


def check_against_real_model(targets: list[TargetModule], cache: Path) -> str:
    """Compare with the real model's discovered targets when it can be loaded; say what happened."""
    try:
        from hypernet.base_model import load_base_model

        real = load_base_model("smollm2-135m-instruct", cache_dir=cache)
    except Exception as exc:  # noqa: BLE001 - no GGUF reader, no packaged model, no cache: say so
        return f"real model not available ({type(exc).__name__}: {str(exc)[:80]}); built-in shapes used"
    found = select_targets(discover_targets(real.model), MODULES)
    assert found == targets, f"built-in shapes differ from the real model's: {found} vs {targets}"
    return "built-in shapes match discover_targets(real SmolLM2)"


def sync(device: torch.device) -> None:
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def rate(run: Callable[[], int], device: torch.device, min_seconds: float) -> float:
    """Adapters per second: run() returns how many adapters it made; repeated for >= min_seconds."""
    run()  # warm-up (allocator, kernels)
    done, started = 0, time.perf_counter()
    sync(device)
    while True:
        done += run()
        sync(device)
        elapsed = time.perf_counter() - started
        if elapsed >= min_seconds:
            return done / elapsed


def make_modes(hypernet, targets, config) -> dict[str, Callable[[torch.Tensor], int]]:
    def device_only(emb: torch.Tensor) -> int:
        generate_weights(hypernet, emb)
        return emb.shape[0]

    def to_cpu(emb: torch.Tensor) -> int:
        adapters_from_weights(generate_weights(hypernet, emb), targets, rank=config.rank, alpha=config.alpha)
        return emb.shape[0]

    def serialised(emb: torch.Tensor) -> int:
        weights = generate_weights(hypernet, emb)
        for adapter in adapters_from_weights(weights, targets, rank=config.rank, alpha=config.alpha):
            adapter_to_bytes(adapter)
        return emb.shape[0]

    return {"device": device_only, "cpu": to_cpu, "serialised": serialised}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--batch-sizes", default="1,4,16,64,256,1024")
    parser.add_argument("--size", default="L", choices=["L", "M", "S"])
    parser.add_argument("--dtype", default="float32", choices=["float32", "bfloat16"])
    parser.add_argument("--modes", default="device,cpu,serialised")
    parser.add_argument("--min-seconds", type=float, default=1.0, help="time per measurement")
    parser.add_argument("--loop-count", type=int, default=32, help="descriptions per loop-baseline repetition")
    parser.add_argument("--model-cache", type=Path, default=Path(".t2l/test-cache/models"))
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args()

    device = torch.device(args.device)
    targets = smollm2_targets()
    shape_note = check_against_real_model(targets, args.model_cache) if args.model_cache.is_dir() else \
        "no model cache; built-in SmolLM2 shapes used"
    config = HypernetConfig.from_targets(targets, base_model="smollm2-135m-instruct", encoder="all-minilm-l6-v2",
                                         embedding_dim=384, size=args.size)
    hypernet = build_hypernet(config, device=device).to(getattr(torch, args.dtype)).eval()
    modes = {k: v for k, v in make_modes(hypernet, targets, config).items() if k in args.modes.split(",")}
    gen = torch.Generator().manual_seed(0)

    def embeddings(n: int) -> torch.Tensor:
        return torch.nn.functional.normalize(torch.randn(n, 384, generator=gen), dim=-1).to(device)

    header = {
        "device": torch.cuda.get_device_name(device) if device.type == "cuda" else platform.processor() or "cpu",
        "torch": torch.__version__, "threads": torch.get_num_threads(), "size": args.size, "dtype": args.dtype,
        "hypernet_parameters": hypernet.num_parameters(), "adapter_parameters": config.lora_parameter_count(),
        "shapes": shape_note, "command": " ".join(sys.argv),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],  # other work on the machine skews CPU figures
    }
    print(json.dumps(header, indent=1))

    # Baseline: one description per forward pass, whatever the batch size (its rate does not depend on it).
    loop_emb = embeddings(args.loop_count)
    loop = {
        mode: rate(lambda fn=fn: sum(fn(loop_emb[i : i + 1]) for i in range(args.loop_count)), device, args.min_seconds)
        for mode, fn in modes.items()
    }
    results = []
    print(f"{'batch':>6} " + " ".join(f"{m + ' /s':>14} {'x loop':>7}" for m in modes))
    print(f"{'loop':>6} " + " ".join(f"{loop[m]:>14,.1f} {'1.0':>7}" for m in modes))
    for batch in [int(b) for b in args.batch_sizes.split(",")]:
        emb = embeddings(batch)
        row = {mode: rate(lambda fn=fn, emb=emb: fn(emb), device, args.min_seconds) for mode, fn in modes.items()}
        results.append({"batch": batch, **row})
        print(f"{batch:>6} " + " ".join(f"{row[m]:>14,.1f} {row[m] / loop[m]:>7.1f}" for m in modes), flush=True)
        del emb
        if device.type == "cuda":
            torch.cuda.empty_cache()
    if device.type == "cuda":
        header["peak_gpu_memory_gib"] = round(torch.cuda.max_memory_allocated(device) / 2**30, 2)
        print(f"peak GPU memory {header['peak_gpu_memory_gib']} GiB")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({**header, "loop": loop, "batched": results}, indent=1))


if __name__ == "__main__":
    main()
