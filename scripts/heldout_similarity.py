"""Does T2L do better on held-out tasks whose descriptions resemble a training task's?

For every task of an evaluation (``t2l eval``'s EVAL.json), the mean over its first three held-out
descriptions of the highest cosine similarity to any training description of the tasks the SFT
checkpoint trained on (the encoder the checkpoint names). Prints the correlation of that
similarity with "T2L row − multi-task row" per task, the difference by similarity quartile, and
per family:

    python3 scripts/heldout_similarity.py docs/EVAL.json hypernet/checkpoints/default [--task-file suite.jsonl]
"""

from __future__ import annotations

import argparse
import json
import statistics
from collections import defaultdict
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_json", type=Path, help="EVAL.json with a multi-task row and one T2L row")
    parser.add_argument("checkpoint", type=Path, help="the T2L checkpoint directory (its config.json lists its tasks)")
    parser.add_argument("--task-file", type=Path, help="task file (default: the built-in suite)")
    args = parser.parse_args()

    from hypernet.encoder import load_encoder
    from hypernet.tasks import builtin_suite, load_task_suite

    rows = {r["method"]: {t: s["exact"] for t, s in r["per_task"].items()}
            for r in json.loads(args.eval_json.read_text())["results"]}
    t2l = next((name for name in rows if name.startswith("T2L")), None)
    if t2l is None or "multi-task LoRA" not in rows:
        raise SystemExit(f"{args.eval_json} needs a T2L row and a multi-task LoRA row; it has {sorted(rows)}")
    config = json.loads((args.checkpoint / "config.json").read_text())["config"]
    if "tasks" not in config.get("training", {}):
        raise SystemExit(f"{args.checkpoint} does not record the tasks it was trained on")
    suite = load_task_suite(args.task_file) if args.task_file else builtin_suite()
    tasks = {t.id: t for t in suite.tasks}
    encoder = load_encoder(config["encoder"])
    trained = [d for task_id in config["training"]["tasks"] for d in tasks[task_id].descriptions]
    known = encoder.encode(trained, normalize_embeddings=True, batch_size=256)

    found = []  # (similarity, T2L − multi-task, family)
    for task_id, score in rows[t2l].items():
        task = tasks[task_id]
        asked = encoder.encode(list(task.heldout_descriptions[:3]), normalize_embeddings=True)
        similarity = float((asked @ known.T).max(axis=1).mean())
        found.append((similarity, score - rows["multi-task LoRA"][task_id], task.family))
    found.sort()
    sims, diffs = [f[0] for f in found], [f[1] for f in found]
    print(f"{t2l} − multi-task LoRA on {len(found)} tasks ({len(config['training']['tasks'])} training tasks)")
    print(f"correlation with the similarity to the nearest training description: "
          f"{statistics.correlation(sims, diffs):+.2f}")
    for q in range(4):
        part = found[q * len(found) // 4:(q + 1) * len(found) // 4]
        print(f"  similarity {part[0][0]:.2f}-{part[-1][0]:.2f}: {statistics.mean(f[1] for f in part):+5.1f} "
              f"points ({len(part)} tasks)")
    families = defaultdict(list)
    for _, diff, family in found:
        families[family].append(diff)
    print("  per family: " + ", ".join(f"{name} {statistics.mean(d):+.1f}"
                                         for name, d in sorted(families.items(), key=lambda kv: statistics.mean(kv[1]))))


if __name__ == "__main__":
    main()
