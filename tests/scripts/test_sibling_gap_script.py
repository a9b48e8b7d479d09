"""scripts/sibling_gap.py: own adapter against nearest sibling's, per split, from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from script_module import ScriptRun, run_script

REPO = Path(__file__).resolve().parents[2]
DEFAULT = str(REPO / "hypernet/checkpoints/default")


def _task(task_id: str, family: str, verb: str, heldout: bool) -> dict:
    return {"id": task_id, "family": family, "heldout": heldout,
            "descriptions": [f"{verb} the text.", f"Please {verb} the text."],
            "heldout_descriptions": [f"Could you {verb} this text?"],
            "examples": [{"input": f"abc {i}", "output": f"{verb} {i}"} for i in range(40)]}


def _run(*args: str) -> ScriptRun:
    return run_script("sibling_gap", *args)


def test_the_script_reports_each_split_and_writes_every_task(tmp_path: Path):
    tasks = [_task("t.upper", "case", "uppercase", False), _task("t.lower", "case", "lowercase", False),
             _task("t.first", "pick", "take the first word of", False),
             _task("t.title", "case", "title-case", True), _task("t.last", "pick", "take the last word of", True),
             _task("t.count", "count", "count the letters of", True)]
    task_file = tmp_path / "tasks.jsonl"
    task_file.write_text("".join(json.dumps(t) + "\n" for t in tasks))
    done = _run(DEFAULT, "--task-file", str(task_file), "--every", "1", "--examples", "2",
                "--out", str(tmp_path / "gaps.json"))
    assert done.returncode == 0, done.stderr[-2000:]
    lines = [line.split() for line in done.stdout.splitlines() if line.split()[1:2] in (["heldout"], ["train"])]
    assert [line[1] for line in lines] == ["heldout", "train"]
    assert "of 2 tasks" in " ".join(lines[0]) and "of 2 tasks" in " ".join(lines[1])  # t.count has no sibling
    report = json.loads((tmp_path / "gaps.json").read_text())[DEFAULT]
    siblings = {r["task"]: r["sibling"] for r in report["heldout"]}
    assert set(siblings) == {"t.title", "t.last"} and siblings["t.last"] == "t.first"
    assert siblings["t.title"] in ("t.upper", "t.lower")  # a training task of its own family
    assert {r["task"] for r in report["train"]} == {"t.upper", "t.lower"}  # t.first's family has no other
    assert all(r["own_loss"] > 0 and r["sibling_loss"] > 0 for r in report["heldout"] + report["train"])


def test_a_missing_checkpoint_or_bad_counts_are_one_clear_line(tmp_path: Path):
    missing = _run(str(tmp_path / "nope"))
    assert missing.returncode != 0 and "Traceback" not in missing.stderr
    assert "sibling_gap: no hypernetwork checkpoint" in missing.stderr
    zero = _run(DEFAULT, "--examples", "0")
    assert zero.returncode != 0 and "--examples and --every must be at least 1" in zero.stderr


def test_a_dora_checkpoint_is_refused_in_one_line_before_the_model_loads(tmp_path: Path):
    from hypernet.checkpoint import save_checkpoint
    from hypernet.config import HypernetConfig, TargetSpec
    from hypernet.model import build_hypernet

    config = HypernetConfig(base_model="m", encoder="e", embedding_dim=8, latent_dim=16, head_hidden=8, use_dora=True,
                            targets=(TargetSpec("q_proj", 8, 8, 2, ("l.0.q", "l.1.q")),))
    save_checkpoint(build_hypernet(config), tmp_path / "dora")
    done = _run(str(tmp_path / "dora"))
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "emit DoRA adapters" in done.stderr and "base model" not in done.stderr
