"""Figures of the built-in task suite: tasks per family, mean input/output length in SmolLM2 tokens,
description counts, and the held-out task list.

    .venv/bin/python scripts/task_suite_stats.py [--seed 0] [--json]

The tokenizer is read from a cached copy of the base model when there is one (no model weights
loaded); otherwise the base model is loaded once through hypernet.base_model (which writes that cache).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from hypernet.tasks import builtin_suite
from t2l.settings import get_settings

MODEL = "smollm2-135m-instruct"


def load_tokenizer():
    from transformers import AutoTokenizer

    for root in (get_settings().model_cache_dir, REPO / ".t2l" / "test-cache" / "models"):
        for found in sorted(Path(root).glob("*/tokenizer.json")):
            return AutoTokenizer.from_pretrained(found.parent), f"cached tokenizer {found.parent}"
    from hypernet.base_model import load_base_model

    loaded = load_base_model(MODEL, cache_dir=get_settings().model_cache_dir)
    return loaded.tokenizer, f"{MODEL} via load_base_model"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")
    args = parser.parse_args()

    start = time.perf_counter()
    suite = builtin_suite(seed=args.seed)
    build_s = time.perf_counter() - start
    tokenizer, source = load_tokenizer()

    def n_tokens(texts: list[str]) -> list[int]:
        return [len(ids) for ids in tokenizer(texts, add_special_tokens=False)["input_ids"]]

    families = {}
    all_in: list[int] = []
    all_out: list[int] = []
    for family, tasks in suite.families().items():
        ins = n_tokens([e.input for t in tasks for e in t.examples])
        outs = n_tokens([e.output for t in tasks for e in t.examples])
        all_in += ins
        all_out += outs
        families[family] = {
            "tasks": len(tasks),
            "heldout": sum(t.id in suite.heldout_task_ids for t in tasks),
            "input_tokens_mean": round(statistics.mean(ins), 1),
            "input_tokens_max": max(ins),
            "output_tokens_mean": round(statistics.mean(outs), 1),
            "output_tokens_max": max(outs),
        }
    desc = [d for t in suite.tasks for d in t.descriptions]
    report = {
        "seed": args.seed,
        "build_seconds": round(build_s, 2),
        "tokenizer": source,
        "tasks": len(suite.tasks),
        "families": len(families),
        "heldout_tasks": len(suite.heldout_task_ids),
        "heldout_fraction": round(len(suite.heldout_task_ids) / len(suite.tasks), 3),
        "examples": len(all_in),
        "input_tokens_mean": round(statistics.mean(all_in), 1),
        "input_tokens_max": max(all_in),
        "inputs_under_60_tokens": round(sum(n < 60 for n in all_in) / len(all_in), 4),
        "output_tokens_mean": round(statistics.mean(all_out), 1),
        "output_tokens_max": max(all_out),
        "outputs_at_most_16_tokens": round(sum(n <= 16 for n in all_out) / len(all_out), 4),
        "descriptions_per_task_min": min(len(t.descriptions) for t in suite.tasks),
        "descriptions_per_task_mean": round(
            statistics.mean(len(t.descriptions) for t in suite.tasks), 1
        ),
        "heldout_descriptions_per_task_min": min(len(t.heldout_descriptions) for t in suite.tasks),
        "description_tokens_mean": round(statistics.mean(n_tokens(desc)), 1),
        "per_family": families,
        "heldout": sorted(suite.heldout_task_ids),
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"built-in suite, seed {args.seed}: {report['tasks']} tasks in {report['families']} families, "
          f"{report['examples']} examples, built in {build_s:.2f} s; tokens counted with {source}")  # fmt: skip
    print(
        f"{'family':<16}{'tasks':>6}{'held out':>10}{'in mean':>9}{'in max':>8}{'out mean':>10}{'out max':>9}"
    )
    for name, f in families.items():
        print(f"{name:<16}{f['tasks']:>6}{f['heldout']:>10}{f['input_tokens_mean']:>9}{f['input_tokens_max']:>8}"
              f"{f['output_tokens_mean']:>10}{f['output_tokens_max']:>9}")  # fmt: skip
    print(f"{'all':<16}{report['tasks']:>6}{report['heldout_tasks']:>10}{report['input_tokens_mean']:>9}"
          f"{report['input_tokens_max']:>8}{report['output_tokens_mean']:>10}{report['output_tokens_max']:>9}")  # fmt: skip
    print(f"inputs < 60 tokens: {report['inputs_under_60_tokens']:.2%}; outputs <= 16 tokens: "
          f"{report['outputs_at_most_16_tokens']:.2%}")  # fmt: skip
    print(f"descriptions per task: min {report['descriptions_per_task_min']}, mean "
          f"{report['descriptions_per_task_mean']} (+ >= {report['heldout_descriptions_per_task_min']} held out); "
          f"mean description length {report['description_tokens_mean']} tokens")  # fmt: skip
    print("reference, not measured here: T2L trains on ~480 SNI tasks with ~200 descriptions each")
    print(f"held-out tasks ({report['heldout_tasks']}, {report['heldout_fraction']:.1%}):")
    for task_id in report["heldout"]:
        print(f"  {task_id}")


if __name__ == "__main__":
    main()
