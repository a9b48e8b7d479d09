"""Benchmark the dispatcher's adapter switching and mixed-adapter batches, beside PEFT in the same run.

    .venv/bin/python scripts/bench_dispatch.py                       # CPU, 1,000 adapters, PEFT on 100
    .venv/bin/python scripts/bench_dispatch.py --device cuda --peft-adapters 200
    .venv/bin/python scripts/bench_dispatch.py --quick               # 100 adapters, PEFT on 20

1. Switching. N random full-size adapters (q_proj + v_proj, rank 8, every layer; what the
   hypernetwork emits) are filed in a fresh SQLite catalog. Ours: "retrieved adapter to
   ready-to-generate" = from the catalog search's hit to the adapter in a slot:
   ``Dispatcher.retrieve(hit)`` (the adapter read from the store, hash-checked, parsed and packed;
   or taken from the host LRU) plus ``activate`` (copy into a preallocated slot). The lookup before
   it (catalog search, encoder pass) is timed apart and printed too; so is ``dispatch()`` end to end.
   Every adapter is used once, in order, so each measurement is a cold read from the store: the
   p50 per range of adapters-used-so-far shows whether it stays flat up to N. Warm: the same
   adapters again, now in the host cache (slots too few to hold them). PEFT: ``load_adapter(dir)``
   + ``set_adapter`` from a PEFT directory exported by the catalog, adapters kept loaded as a
   PEFT user does.
2. Mixed batches. ``--batch`` prompts, each with its own adapter (one forward pass per step via
   ``batched_lora`` over the slots), against the same prompts with one adapter and with none;
   greedy, exactly ``--new-tokens`` tokens per prompt (min = max), tokens/s = batch * tokens / s.
   The three run in interleaved rounds (a load spike from other processes hits all alike); the
   best round of each is compared, and the per-round ratios are printed too.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from itertools import pairwise
from pathlib import Path

import numpy as np
import torch

PROMPTS = [
    "the cat sat on the mat", "Good morning, how are you?", "one two three four five", "What is 17 times 3?",
    "Paris is the capital of France.", "banana", "Summer is warm and winter is cold.", "2024-03-17",
]


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(np.array(values), q))


def random_adapter(targets, seed: int, base_model: str):
    from hypernet.peft_format import LoraAdapter

    gen = torch.Generator().manual_seed(seed)
    weights = {}
    for name in ("q_proj", "v_proj"):
        t = targets[name]
        for path in t.paths:
            weights[path] = (torch.randn(8, t.in_features, generator=gen) * 0.02,
                             torch.randn(t.out_features, 8, generator=gen) * 0.02)
    return LoraAdapter(rank=8, alpha=16.0, weights=weights, target_modules=["q_proj", "v_proj"], base_model=base_model)


def ranges(n: int) -> list[tuple[int, int]]:
    edges = [0, 10, 100, 300, 1000, 3000, 10000]
    return [(a, min(b, n)) for a, b in pairwise(edges) if a < n]


def bench_switching(args, loaded, base_name: str, work: Path) -> dict:
    from hypernet.targets import discover_targets
    from library.adapters import NewAdapter
    from library.catalog import open_catalog
    from library.dispatch import Dispatcher
    from t2l.settings import Settings

    targets = discover_targets(loaded.model)
    rng = np.random.default_rng(0)
    vectors = rng.standard_normal((args.adapters, 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    texts = [f"skill {i}: a task description" for i in range(args.adapters)]
    vector_of = {t: v for t, v in zip(texts, vectors)}

    def embed(batch):  # the stored embedding: the encoder pass is timed apart
        return np.stack([vector_of[t] for t in batch])

    catalog = open_catalog(Settings(home=work), embed=embed)
    started = time.perf_counter()
    ids = []
    for start in range(0, args.adapters, 100):
        chunk = range(start, min(start + 100, args.adapters))
        rows = catalog.add([NewAdapter(adapter=random_adapter(targets, i, base_name), descriptions=[texts[i]],
                                       base_model=base_name, embeddings=vectors[i : i + 1]) for i in chunk])
        ids += [r.id for r in rows]
    print(f"filed {args.adapters} adapters in {time.perf_counter() - started:.1f} s")

    dispatcher = Dispatcher(catalog, base_model=base_name, loaded=loaded, num_slots=args.slots,
                            cache_bytes=4 << 30, device=args.device)
    dispatcher.activate([dispatcher.dispatch(texts[0], threshold=0.5)])  # slots allocated, code paths warm
    dispatcher.cache = type(dispatcher.cache)(4 << 30)

    lookup: list[float] = []

    def ready(text: str) -> float:
        """ms from the search hit to the adapter in a slot; the lookup before it goes to ``lookup``."""
        t0 = time.perf_counter()
        (hit,) = catalog.search(vector_of[text], k=1, base_model=base_name)
        t1 = time.perf_counter()
        dispatcher.activate([dispatcher.retrieve(hit, description=text)])
        if args.device != "cpu":
            torch.cuda.synchronize()
        lookup.append((t1 - t0) * 1000)
        return (time.perf_counter() - t1) * 1000

    cold = [ready(t) for t in texts]
    warm = [ready(t) for t in texts[: min(200, args.adapters)]]
    dispatch_ms = []  # the public call end to end (lookup + retrieve), adapters now in the host cache
    for text in texts[:100]:
        t0 = time.perf_counter()
        dispatcher.activate([dispatcher.dispatch(text, threshold=0.5)])
        dispatch_ms.append((time.perf_counter() - t0) * 1000)
    from hypernet.encoder import load_encoder
    from library.embed import encoder_embed_fn

    encode = encoder_embed_fn(load_encoder("all-minilm-l6-v2", device=args.device))
    encode(["warm-up"])
    encoder_ms = []
    for text in texts[:50]:
        t0 = time.perf_counter()
        encode([text])
        encoder_ms.append((time.perf_counter() - t0) * 1000)

    peft_times: list[float] = []
    if args.peft_adapters:
        from peft import PeftModel

        dirs = [catalog.export(ids[i], work / "peft" / f"a{i}") for i in range(args.peft_adapters + 1)]
        peft_model = PeftModel.from_pretrained(loaded.model, str(dirs[0]), adapter_name="a0")
        try:
            for i in range(1, args.peft_adapters + 1):
                t0 = time.perf_counter()
                peft_model.load_adapter(str(dirs[i]), adapter_name=f"a{i}")
                peft_model.set_adapter(f"a{i}")
                if args.device != "cpu":
                    torch.cuda.synchronize()
                peft_times.append((time.perf_counter() - t0) * 1000)
        finally:
            peft_model.unload()
    catalog.close()

    result = {"adapters": args.adapters, "cold_p50_ms": percentile(cold, 50), "cold_p90_ms": percentile(cold, 90),
              "warm_p50_ms": percentile(warm, 50), "search_p50_ms": percentile(lookup, 50),
              "dispatch_warm_p50_ms": percentile(dispatch_ms, 50), "encoder_p50_ms": percentile(encoder_ms, 50),
              "cold_by_range": {f"{a + 1}-{b}": percentile(cold[a:b], 50) for a, b in ranges(len(cold))}}
    if peft_times:
        result |= {"peft_adapters": len(peft_times), "peft_p50_ms": percentile(peft_times, 50),
                   "peft_by_range": {f"{a + 1}-{b}": percentile(peft_times[a:b], 50) for a, b in ranges(len(peft_times))}}
        result["speedup_p50"] = result["peft_p50_ms"] / result["cold_p50_ms"]
    return result


def bench_batches(args, loaded, base_name: str) -> dict:
    from hypernet.chat import chat_prompts
    from hypernet.targets import discover_targets
    from library.slots import AdapterSlots, SlotLayout, pack_adapter

    model, tokenizer = loaded.model, loaded.tokenizer
    targets = discover_targets(model)
    layout = SlotLayout({n: targets[n] for n in ("q_proj", "v_proj")}, 8, next(model.parameters()).dtype)
    slots = AdapterSlots(model, layout, max(args.batch, 2))
    ids = [slots.load(pack_adapter(random_adapter(targets, 10_000 + i, base_name), layout, key=str(i)))
           for i in range(args.batch)]
    messages = [PROMPTS[i % len(PROMPTS)] for i in range(args.batch)]
    tokenizer.padding_side = "left"
    batch = tokenizer(chat_prompts(tokenizer, messages), return_tensors="pt", padding=True,
                      add_special_tokens=False).to(model.device)

    cpu_rates: dict[str, list[float]] = {"base": [], "one": [], "mixed": []}

    def run(name: str | None = None) -> float:
        """tokens/s of wall time; tokens per second of this process's CPU time go to ``cpu_rates``
        (on a machine shared with other work, CPU time is the steadier measure of the cost)."""
        t0, c0 = time.perf_counter(), time.process_time()
        with torch.inference_mode():
            out = model.generate(**batch, max_new_tokens=args.new_tokens, min_new_tokens=args.new_tokens,
                                 do_sample=False, pad_token_id=tokenizer.pad_token_id)
        if args.device != "cpu":
            torch.cuda.synchronize()
        assert out.shape[1] - batch["input_ids"].shape[1] == args.new_tokens
        if name is not None:
            cpu_rates[name].append(args.batch * args.new_tokens / (time.process_time() - c0))
        return args.batch * args.new_tokens / (time.perf_counter() - t0)

    configs = {"base": None, "one": ids[:1], "mixed": ids}
    labels = {"base": "base model, no adapter", "one": f"{args.batch} requests, 1 adapter",
              "mixed": f"{args.batch} requests, {args.batch} adapters"}
    rates: dict[str, list[float]] = {name: [] for name in configs}
    run()  # warm-up
    # interleaved rounds: a load spike from other processes hits every configuration alike
    for _ in range(args.repeats):
        for name, slot_ids in configs.items():
            if slot_ids is None:
                rates[name].append(run(name))
            else:
                with slots.applied(slot_ids):
                    rates[name].append(run(name))
    for name, values in rates.items():
        print(f"  {labels[name]}: best {max(values):.1f} tok/s, median {statistics.median(values):.1f} "
              f"(runs {', '.join(f'{r:.1f}' for r in values)})")
    for name, values in cpu_rates.items():
        print(f"  {labels[name]}: per CPU-second best {max(values):.1f} tok, median {statistics.median(values):.1f}")
    base, one, mixed = (max(rates[n]) for n in ("base", "one", "mixed"))
    ratios = [m / o for m, o in zip(rates["mixed"], rates["one"])]
    return {"batch": args.batch, "new_tokens": args.new_tokens, "base_tok_s": base, "one_adapter_tok_s": one,
            "mixed_tok_s": mixed, "mixed_over_one": mixed / one, "mixed_over_base": mixed / base,
            "mixed_over_one_per_round": ratios, "runs": rates, "cpu_runs": cpu_rates,
            "cpu_mixed_over_one": statistics.median(cpu_rates["mixed"]) / statistics.median(cpu_rates["one"]),
            "cpu_mixed_over_base": statistics.median(cpu_rates["mixed"]) / statistics.median(cpu_rates["base"])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--adapters", type=int, default=1000)
    parser.add_argument("--peft-adapters", type=int, default=100)
    parser.add_argument("--slots", type=int, default=16)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--new-tokens", type=int, default=32)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--threads", type=int, default=0, help="torch threads (0: torch's default)")
    parser.add_argument("--quick", action="store_true", help="100 adapters, PEFT on 20, 16 new tokens")
    parser.add_argument("--skip-batches", action="store_true")
    parser.add_argument("--skip-switching", action="store_true")
    parser.add_argument("--out", type=Path, help="also write the figures as JSON")
    args = parser.parse_args()
    if args.quick:
        args.adapters, args.peft_adapters, args.new_tokens = 100, 20, 16
    if args.threads:
        torch.set_num_threads(args.threads)

    from hypernet.base_model import load_base_model
    from t2l.settings import get_settings

    settings = get_settings()
    loaded = load_base_model(settings.base_model, cache_dir=settings.model_cache_dir, device=args.device)
    print(f"{settings.base_model} on {args.device}, torch {torch.__version__}, {torch.get_num_threads()} threads")
    results: dict = {"device": args.device, "threads": torch.get_num_threads()}
    with tempfile.TemporaryDirectory() as work:
        if not args.skip_batches:
            print("mixed-adapter batches:")
            results["batches"] = bench_batches(args, loaded, settings.base_model)
        if not args.skip_switching:
            results["switching"] = bench_switching(args, loaded, settings.base_model, Path(work))
    s = results.get("switching", {})
    if s:
        print(f"search hit -> ready ({s['adapters']} adapters, each used once, cold from the store): p50 "
              f"{s['cold_p50_ms']:.2f} ms, p90 {s['cold_p90_ms']:.2f} ms; warm (host cache) p50 {s['warm_p50_ms']:.2f} ms")
        print(f"  before it: catalog search p50 {s['search_p50_ms']:.2f} ms, encoder p50 {s['encoder_p50_ms']:.2f} ms; "
              f"dispatch() + activate end to end (host cache) p50 {s['dispatch_warm_p50_ms']:.2f} ms")
        print("  p50 by adapters used so far: " + ", ".join(f"{k}: {v:.2f} ms" for k, v in s["cold_by_range"].items()))
    if "peft_p50_ms" in s:
        print(f"PEFT load_adapter + set_adapter ({s['peft_adapters']} adapters): p50 {s['peft_p50_ms']:.1f} ms; "
              + ", ".join(f"{k}: {v:.1f} ms" for k, v in s["peft_by_range"].items()))
        print(f"speed-up at p50 (PEFT / ours, cold): {s['speedup_p50']:.0f}x")
    if "batches" in results:
        b = results["batches"]
        print(f"batch of {b['batch']} (best of {args.repeats} interleaved rounds): {b['batch']} adapters "
              f"{b['mixed_tok_s']:.1f} tok/s = {b['mixed_over_one']:.0%} of one adapter ({b['one_adapter_tok_s']:.1f}), "
              f"{b['mixed_over_base']:.0%} of no adapter ({b['base_tok_s']:.1f}); per-round mixed/one: "
              + ", ".join(f"{r:.0%}" for r in b["mixed_over_one_per_round"]))
        print(f"  per CPU-second (median): {b['batch']} adapters = {b['cpu_mixed_over_one']:.0%} of one adapter, "
              f"{b['cpu_mixed_over_base']:.0%} of no adapter")
    if args.out:
        args.out.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
