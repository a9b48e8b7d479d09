"""scripts/family_gains.py: per-family gains side by side and their correlation over families."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from script_module import load_script

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "family_gains.py"


def _report(path: Path, rows: dict[str, dict[str, float]]) -> Path:
    """An EVAL.json whose rows score the given tasks (exact = lenient); families from the ids."""
    tasks = sorted({t for scores in rows.values() for t in scores})
    path.write_text(json.dumps({
        "families": {t: t.split(".")[0] for t in tasks},
        "results": [{"method": name, "per_task": {t: {"exact": v, "lenient": v} for t, v in scores.items()}}
                    for name, scores in rows.items()]}))
    return path


def test_gains_are_family_means_of_per_task_differences_and_the_correlations_follow_them(tmp_path: Path):
    train = _report(tmp_path / "train.json", {
        "T2L": {"a.1": 50, "a.2": 30, "b.1": 20, "c.1": 10, "d.1": 5},
        "MT": {"a.1": 10, "a.2": 10, "b.1": 10, "c.1": 10, "d.1": 10}})  # gains a +30, b +10, c 0, d -5
    heldout = _report(tmp_path / "heldout.json", {
        "T2L": {"a.9": 9, "b.9": 1, "c.9": 0, "d.9": -40, "e.9": 7},  # gains a +9, b +1, c 0, d -40 (r), e only here
        "MT": {"a.9": 0, "b.9": 0, "c.9": 0, "d.9": 0, "e.9": 0}})
    done = subprocess.run([sys.executable, str(SCRIPT), "--gain", str(train), "T2L", "MT",
                           "--gain", str(heldout), "T2L", "MT"], capture_output=True, text=True, check=True)
    assert "| a | +30.0 (2) | +9.0 (1) |" in done.stdout
    assert "| e |  | +7.0 (1) |" in done.stdout
    # same order in all four shared families: rho +1; the values themselves are not linear: r below 1
    line = next(l for l in done.stdout.splitlines() if l.startswith("gain 1 against gain 2"))
    assert "over 4 families" in line and "Spearman rho +1.00" in line and "Pearson r +1.00" not in line


def test_constant_gains_have_no_correlation():
    module = load_script("family_gains")
    flat = {"a": (1.0, 1), "b": (1.0, 1), "c": (1.0, 1)}
    r, rho, n = module.correlations(flat, {"a": (1.0, 1), "b": (2.0, 1), "c": (3.0, 1)})
    assert n == 3 and r != r and rho != rho  # NaN


def test_an_unknown_row_is_named_with_the_rows_there_are(tmp_path: Path):
    report = _report(tmp_path / "r.json", {"T2L": {"a.1": 1}, "MT": {"a.1": 0}})
    done = subprocess.run([sys.executable, str(SCRIPT), "--gain", str(report), "T2L", "MT",
                           "--gain", str(report), "T2L [x]", "MT"], capture_output=True, text=True)
    assert done.returncode != 0 and "no row 'T2L [x]'" in done.stderr and "rows: MT, T2L" in done.stderr
