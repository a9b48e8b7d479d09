"""Does a run's loss track its score? Each kept step of an SFT run (``--keep-checkpoints``) beside
the losses its ``loss.csv`` logged, and the rank correlation of each loss with the held-out exact
match (Spearman; negative is good: lower loss, higher score).

    python3 scripts/steps_table.py RUN_DIR:EVAL_JSON [RUN_DIR:EVAL_JSON ...]

EVAL_JSON is the ``t2l eval`` report that scored the run's ``steps/step-N`` checkpoints (rows named
``[run step-N]``; ``gpu_pipeline.sh eval`` writes it as ``eval-steps-sft-NAME/EVAL.json``).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from pathlib import Path

from hypernet.rank_correlation import spearman

LOSSES = ("selection_loss", "zero_shot_loss", "val_loss")


def step_rows(run_dir: Path, eval_json: Path) -> list[dict[str, float]]:
    """One row per scored step: step, held-out exact, and the losses logged at that step."""
    logged = {int(r["step"]): r for r in csv.DictReader(open(run_dir / "loss.csv"))}
    rows = []
    for result in json.loads(eval_json.read_text())["results"]:
        found = re.search(r"step-0*(\d+)\]", result["method"])
        if not found:
            continue
        step = int(found.group(1))
        if step not in logged:
            raise SystemExit(f"{eval_json}: step {step} is not in {run_dir / 'loss.csv'}")
        rows.append({"step": step, "exact": float(result["mean_exact"]),
                     **{loss: float(logged[step][loss]) for loss in LOSSES}})
    if not rows:
        raise SystemExit(f"{eval_json} scores no kept step ([run step-N] rows)")
    return sorted(rows, key=lambda r: r["step"])


def rank_correlations(rows: list[dict[str, float]]) -> dict[str, float]:
    """Spearman correlation of each loss with exact match (nan with fewer than three steps)."""
    exact = [r["exact"] for r in rows]
    return {loss: spearman([r[loss] for r in rows], exact) for loss in LOSSES}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("runs", nargs="+", help="RUN_DIR:EVAL_JSON")
    args = parser.parse_args()
    for spec in args.runs:
        run_dir, _, eval_json = spec.partition(":")
        rows = step_rows(Path(run_dir), Path(eval_json))
        print(f"\n{Path(run_dir).name}\n")
        print("| step | held-out exact | selection loss | held-out loss | training-task val loss |")
        print("|---:|---:|---:|---:|---:|")
        chosen = min(rows, key=lambda r: r["selection_loss"])["step"]
        for r in rows:
            mark = " (chosen)" if r["step"] == chosen else ""
            print(f"| {r['step']}{mark} | {r['exact']:.1f} | {r['selection_loss']:.3f} | {r['zero_shot_loss']:.3f} "
                  f"| {r['val_loss']:.3f} |")
        best = max(rows, key=lambda r: r["exact"])
        print(f"\nbest held-out step {best['step']} ({best['exact']:.1f}); the selection loss chose step {chosen} "
              f"({next(r['exact'] for r in rows if r['step'] == chosen):.1f})")
        print("Spearman with held-out exact: " + ", ".join(
            f"{loss} {rho:+.2f}" for loss, rho in rank_correlations(rows).items()))


if __name__ == "__main__":
    main()
