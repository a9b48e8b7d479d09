"""scripts/stacked_probe.py: the T2L adapter, the multi-task LoRA and their sum, scored as t2l eval scores."""

from __future__ import annotations

import json
from pathlib import Path

from script_module import run_script

REPO = Path(__file__).resolve().parents[2]


def test_the_probe_scores_three_rows_and_compares_them_with_the_multitask_lora(tmp_path: Path):
    out = tmp_path / "probe" / "EVAL.md"
    done = run_script("stacked_probe", "--sft", str(REPO / "hypernet/checkpoints/default"),
                      "--multitask", str(REPO / "hypernet/checkpoints/multitask-389"), "--tasks", "naming.pascal_to_camel",
                      "--limit", "1", "--descriptions", "1", "--out", str(out))
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(out.with_suffix(".json").read_text())
    assert [r["method"] for r in report["results"]] == [
        "multi-task LoRA", "T2L (SFT) + description", "T2L (SFT) + description + multi-task LoRA (stacked)"]
    assert all(list(r["per_task"]) == ["naming.pascal_to_camel"] for r in report["results"])
    assert {c["method"] for c in report["comparisons"]} == {
        "T2L (SFT) + description", "T2L (SFT) + description + multi-task LoRA (stacked)"}
    assert report["split"] == "heldout" and report["targets"]  # a held-out task: the zero-shot targets apply
