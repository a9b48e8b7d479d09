"""scripts/stacked_probe.py: the T2L adapter, the multi-task LoRA and their sum, scored as t2l eval scores."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_the_probe_scores_three_rows_and_compares_them_with_the_multitask_lora(tmp_path: Path):
    out = tmp_path / "probe" / "EVAL.md"
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "stacked_probe.py"), "--sft", str(REPO / "hypernet/checkpoints/default"),
         "--multitask", str(REPO / "hypernet/checkpoints/multitask-389"), "--tasks", "naming.pascal_to_camel",
         "--limit", "1", "--descriptions", "1", "--out", str(out)],
        capture_output=True, text=True, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(out.with_suffix(".json").read_text())
    assert [r["method"] for r in report["results"]] == [
        "multi-task LoRA", "T2L (SFT) + description", "T2L (SFT) + description + multi-task LoRA (stacked)"]
    assert all(list(r["per_task"]) == ["naming.pascal_to_camel"] for r in report["results"])
    assert {c["method"] for c in report["comparisons"]} == {
        "T2L (SFT) + description", "T2L (SFT) + description + multi-task LoRA (stacked)"}
    assert report["split"] == "heldout" and report["targets"]  # a held-out task: the zero-shot targets apply
