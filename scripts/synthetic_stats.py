"""Figures about the synthetic task-description pool.

    python scripts/synthetic_stats.py [--n 50000] [--seed 0] [--sample 20] [--json]

Prints the distinct pool size, how many candidates the near-duplicate rule removed, per-domain,
per-style and per-kind counts, length statistics, the generation speed, and a random sample.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=50_000, help="descriptions to draw (timed)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--sample", type=int, default=20, help="descriptions to print")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON only")
    args = parser.parse_args()

    start = time.perf_counter()
    from workers.synthetic import pool_stats, synthetic_tasks

    imported = time.perf_counter()
    tasks = synthetic_tasks(args.n, args.seed)  # first call builds the pool
    first = time.perf_counter()
    synthetic_tasks(args.n, args.seed + 1)
    second = time.perf_counter()
    stats = pool_stats()
    lengths = [len(t.text) for t in tasks]
    stats["timing_s"] = {
        "import": round(imported - start, 3),
        "pool_build_plus_first_draw": round(first - imported, 3),
        "later_draw": round(second - first, 3),
    }
    stats["draw"] = {
        "n": args.n,
        "seed": args.seed,
        "domains_covered": len({t.domain for t in tasks}),
        "chars_mean": round(statistics.mean(lengths), 1),
        "chars_stdev": round(statistics.pstdev(lengths), 1),
    }
    if args.json:
        print(json.dumps(stats, indent=2))
        return

    print(
        f"distinct pool: {stats['pool_size']:,} descriptions of {stats['distinct_tasks']:,} distinct tasks "
        f"from {stats['templates']} templates in {stats['domains']} domains"
    )
    print(
        f"candidates generated: {stats['generated']:,}; removed as exact duplicates: "
        f"{stats['exact_duplicates_removed']:,}; as near-duplicates (content signature): "
        f"{stats['near_duplicates_removed']:,}; removed rate {stats['removed_rate']:.1%}"
    )
    t = stats["timing_s"]
    print(
        f"time: import {t['import']} s, pool build + draw of {args.n:,} {t['pool_build_plus_first_draw']} s, "
        f"a later draw {t['later_draw']} s"
    )
    c, w = stats["chars"], stats["words"]
    print(
        f"length (chars): min {c['min']}, median {c['median']}, mean {c['mean']:.1f}, max {c['max']}; "
        f"(words): min {w['min']}, median {w['median']}, max {w['max']}"
    )
    for title in ("per_domain", "per_style", "per_kind"):
        print(f"\n{title.replace('_', ' ')}:")
        for key, count in stats[title].items():
            print(f"  {key:32s} {count:7,d}  {count / stats['pool_size']:6.1%}")
    print(f"\n{args.sample} random descriptions from the draw (seed {args.seed}):")
    for item in random.Random(args.seed).sample(tasks, min(args.sample, len(tasks))):
        print(f"  [{item.domain} / {item.style}] {item.text}")


if __name__ == "__main__":
    main()
