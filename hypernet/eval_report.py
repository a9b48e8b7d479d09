"""Write evaluation results as the paper's table: Markdown (docs/EVAL.md), JSON and a PNG chart."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Sequence

from hypernet.eval_compare import comparisons, target_checks
from hypernet.evaluate import MethodResult


def markdown_table(results: Sequence[MethodResult], families: dict[str, str], metric: str) -> str:
    family_names = sorted(set(families[t] for r in results for t in r.per_task))
    head = f"| method | mean {metric} | " + " | ".join(family_names) + " | tasks | seconds |"
    rule = "|---" * (len(family_names) + 4) + "|"
    rows = [head, rule]
    for r in results:
        per_family = r.per_family(families, metric)
        cells = " | ".join(f"{per_family[f]:.1f}" if f in per_family else "—" for f in family_names)
        rows.append(f"| {r.method} | **{r.mean(metric):.1f}** | {cells} | {len(r.per_task)} | {r.seconds:.0f} |")
    return "\n".join(rows)


def write_report(
    results: Sequence[MethodResult],
    families: dict[str, str],
    path: Path,
    *,
    title: str,
    command: str,
    context: dict[str, str],
    runs: Sequence[str] | None = None,
    split: str | None = None,
) -> tuple[Path, Path, Path]:
    """Write ``path`` (Markdown), ``path`` with .json and .png; returns the three paths. ``runs``:
    which evaluation each row came from, when several are merged (``hypernet.eval_compare``);
    ``split``: the tasks' split, which says which of issue #4's targets the rows answer."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"# {title}", "", f"Produced by `{command}`.", ""]
    lines += [f"- {key}: {value}" for key, value in context.items()]
    lines += ["", "## Exact match (%)", "", markdown_table(results, families, "exact"), ""]
    lines += ["## Lenient match (%)", "", markdown_table(results, families, "lenient"), ""]
    compared = comparisons(results, runs)
    if compared:
        lines += ["## T2L against the baselines (exact match)", "",
                  "Differences are means of per-task differences, ± the 95 % interval over tasks.", "",
                  *[f"- {c.describe()}" for c in compared], ""]
    checks = target_checks(compared, split)
    if checks:
        lines += ["## Against the targets (issue #4)", "",
                  "Met when the measured value reaches the target (± is the 95 % interval over tasks).", "",
                  "| T2L row | target | measured | met? |", "|---|---|---|---|",
                  *[f"| {c.comparison.method} | {c.target_text()} | {c.comparison.value_text()} | "
                    f"{'**yes**' if c.met else f'no: {c.shortfall:.1f} short'} |" for c in checks], ""]
    notes = [f"- **{r.method}**: {r.note}" for r in results if r.note]
    if notes:
        lines += ["## Methods", "", *notes, ""]
    lines += [f"![scores]({path.with_suffix('.png').name})", ""]
    path.write_text("\n".join(lines))
    json_path = path.with_suffix(".json")
    json_path.write_text(json.dumps({"command": command, "context": context, "families": families, "split": split,
                                     "comparisons": [c.to_json() for c in compared],
                                     "targets": [c.to_json() for c in checks],
                                     "results": [r.to_json() for r in results],
                                     **({"runs": list(runs)} if runs is not None else {})}, indent=2))
    return path, json_path, plot(results, path.with_suffix(".png"), title)


def plot(results: Sequence[MethodResult], png: Path, title: str) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = [r.method for r in results]
    fig, ax = plt.subplots(figsize=(max(6, 1.3 * len(names)), 4))
    xs = range(len(names))
    ax.bar([x - 0.2 for x in xs], [r.mean("exact") for r in results], width=0.4, label="exact")
    ax.bar([x + 0.2 for x in xs], [r.mean("lenient") for r in results], width=0.4, label="lenient")
    ax.set_xticks(list(xs), names, rotation=20, ha="right")
    ax.set_ylabel("score (%)")
    ax.set_title(title)
    ax.legend()
    ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    fig.savefig(png, dpi=100)
    plt.close(fig)
    return png
