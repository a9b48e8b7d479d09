"""scripts/embedding_extrapolation.py: held-out tasks' response loss as their description's embedding
is pushed away from its nearest training descriptions."""

from __future__ import annotations

import json
from pathlib import Path

from script_module import ScriptRun, run_script

REPO = Path(__file__).resolve().parents[2]
DEFAULT = str(REPO / "hypernet/checkpoints/default")


def _task(task_id: str, verb: str, heldout: bool) -> dict:
    return {"id": task_id, "family": "case", "heldout": heldout,
            "descriptions": [f"{verb} the text.", f"Please {verb} the text."],
            "heldout_descriptions": [f"Could you {verb} this text?"],
            "examples": [{"input": f"abc {i}", "output": f"{verb} {i}"} for i in range(40)]}


def _run(*args: str) -> ScriptRun:
    return run_script("embedding_extrapolation", *args)


def test_each_beta_gets_a_line_set_against_the_first(tmp_path: Path):
    tasks = [_task("t.upper", "uppercase", False), _task("t.lower", "lowercase", False),
             _task("t.title", "title-case", True), _task("t.swap", "swap the case of", True)]
    task_file = tmp_path / "tasks.jsonl"
    task_file.write_text("".join(json.dumps(t) + "\n" for t in tasks))
    done = _run(DEFAULT, "--task-file", str(task_file), "--betas", "0,1,-1", "--neighbours", "2", "--examples", "2")
    assert done.returncode == 0, done.stderr[-2000:]
    lines = [line for line in done.stdout.splitlines() if line.startswith("beta ")]
    assert [line.split()[1] for line in lines] == ["+0.00", "+1.00", "-1.00"]
    assert "+0.0000 ± 0.0000  lower on 0 of 2 tasks" in lines[0]  # the reference against itself
    ce = [float(line.split()[3]) for line in lines]
    assert all(c > 0 for c in ce) and len(set(ce)) == 3  # each beta makes other adapters


def test_bad_betas_or_a_missing_checkpoint_are_one_clear_line(tmp_path: Path):
    bad = _run(DEFAULT, "--betas", "0,x")
    assert bad.returncode != 0 and "Traceback" not in bad.stderr and "numbers separated by commas" in bad.stderr
    missing = _run(str(tmp_path / "nope"))
    assert missing.returncode != 0 and "Traceback" not in missing.stderr
    assert f"no hypernetwork checkpoint at {tmp_path / 'nope'}" in missing.stderr


def test_a_training_task_s_own_descriptions_are_never_its_neighbours(tmp_path: Path):
    """Two training tasks of two descriptions each: with its own left out, a task has 2 rows to use,
    so 3 neighbours are refused in one line (with its own counted there would be 4)."""
    tasks = [_task("t.upper", "uppercase", False), _task("t.lower", "lowercase", False)]
    task_file = tmp_path / "tasks.jsonl"
    task_file.write_text("".join(json.dumps(t) + "\n" for t in tasks))
    done = _run(DEFAULT, "--task-file", str(task_file), "--split", "train", "--every", "1", "--neighbours", "3")
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "a query has fewer than 3 rows it may use" in done.stderr
