"""Per-family gains of T2L rows over their baselines, side by side, and how they correlate.

Does a hypernetwork gain on new tasks in the families where it gains on the tasks it trained on?
Each ``--gain`` names an EVAL.json (``t2l eval`` or ``t2l eval-report``), a row and its baseline row;
the gain of a family is the mean of the row's per-task exact match minus the baseline's over that
family's tasks (tasks both scored). The first gain is set against each later one over the families
both have, by Pearson's r and Spearman's rho:

    python3 scripts/family_gains.py \\
      --gain docs/EVAL-train130-s19.json "T2L (SFT) + description [s19-train130-trained-wording]" \\
             "multi-task LoRA [s19-train130-trained-wording]" \\
      --gain docs/EVAL-476-s19.json "T2L (SFT) + description [s15-807]" "multi-task LoRA [s15-807]"
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path
from statistics import correlation, fmean

from hypernet.rank_correlation import spearman


def family_gains(report: dict, row: str, baseline: str, metric: str = "exact") -> dict[str, tuple[float, int]]:
    """``{family: (mean of row − baseline over its tasks, how many tasks)}`` from a report's JSON."""
    rows = {r["method"]: r for r in report["results"]}
    for name in (row, baseline):
        if name not in rows:
            raise KeyError(f"no row {name!r} (rows: {', '.join(sorted(rows))})")
    ours, theirs = rows[row]["per_task"], rows[baseline]["per_task"]
    families = report.get("families") or {}
    by_family: dict[str, list[float]] = {}
    for task in sorted(set(ours) & set(theirs)):
        family = families.get(task, task.split(".")[0])
        by_family.setdefault(family, []).append(ours[task][metric] - theirs[task][metric])
    return {family: (fmean(diffs), len(diffs)) for family, diffs in sorted(by_family.items())}


def correlations(first: dict[str, tuple[float, int]], other: dict[str, tuple[float, int]]) -> tuple[float, float, int]:
    """(Pearson's r, Spearman's rho, how many families) of two gains over the families both have; NaN
    when fewer than three or either is constant. Rho, as one family of one task can lead r alone."""
    shared = sorted(set(first) & set(other))
    xs, ys = [first[f][0] for f in shared], [other[f][0] for f in shared]
    if len(shared) < 3 or len(set(xs)) < 2 or len(set(ys)) < 2:
        return math.nan, math.nan, len(shared)
    return correlation(xs, ys), spearman(xs, ys), len(shared)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gain", nargs=3, action="append", required=True,
                        metavar=("EVAL_JSON", "ROW", "BASELINE"), help="a report, a row and its baseline (repeat)")
    parser.add_argument("--metric", choices=("exact", "lenient"), default="exact")
    args = parser.parse_args()
    if len(args.gain) < 2:
        parser.error("give at least two --gain to set side by side")

    gains = []
    for path, row, baseline in args.gain:
        try:
            report = json.loads(Path(path).read_text())
            gains.append(family_gains(report, row, baseline, args.metric))
        except (OSError, ValueError, KeyError, TypeError) as exc:  # missing file, not a report, unknown row
            reason = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc  # a KeyError quotes its text
            raise SystemExit(f"family_gains: {path}: {reason}") from None

    for i, (path, row, baseline) in enumerate(args.gain, 1):
        print(f"gain {i}: {row} − {baseline} ({path})")
    families = sorted(set().union(*gains))
    print("\n| family | " + " | ".join(f"gain {i}" for i in range(1, len(gains) + 1)) + " |")
    print("|---|" + "---:|" * len(gains))
    for family in families:
        cells = [f"{g[family][0]:+.1f} ({g[family][1]})" if family in g else "" for g in gains]
        print(f"| {family} | " + " | ".join(cells) + " |")
    print()
    for i, other in enumerate(gains[1:], 2):
        r, rho, n = correlations(gains[0], other)
        print(f"gain 1 against gain {i}, over {n} families: Pearson r {r:+.2f}, Spearman rho {rho:+.2f}")


if __name__ == "__main__":
    main()
