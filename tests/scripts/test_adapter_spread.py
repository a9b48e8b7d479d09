"""scripts/adapter_spread.py: the task-varying share of a checkpoint's adapters, per split and module."""

from __future__ import annotations

import json
from pathlib import Path

from script_module import ScriptRun, run_script

REPO = Path(__file__).resolve().parents[2]


def _task(task_id: str, verb: str, heldout: bool) -> dict:
    return {"id": task_id, "family": "string", "heldout": heldout,
            "descriptions": [f"{verb} the text.", f"Please {verb} the text."],
            "heldout_descriptions": [f"Could you {verb} this text?"],
            "examples": [{"input": f"abc {i}", "output": f"{verb} {i}"} for i in range(6)]}


def test_the_script_reports_each_split_and_module_of_the_default(tmp_path: Path):
    tasks = [_task("t.upper", "uppercase", False), _task("t.reverse", "reverse", False),
             _task("t.lower", "lowercase", True), _task("t.repeat", "repeat", True)]
    task_file = tmp_path / "tasks.jsonl"
    task_file.write_text("".join(json.dumps(t) + "\n" for t in tasks))
    done = _spread(str(REPO / "hypernet/checkpoints/default"), "--task-file", str(task_file))
    assert done.returncode == 0, done.stderr[-2000:]
    rows = [line.split() for line in done.stdout.splitlines()[1:]]
    assert [(r[1], r[2]) for r in rows] == [("train", "q_proj"), ("train", "v_proj"),
                                            ("heldout", "q_proj"), ("heldout", "v_proj")]
    shares = [float(r[3].rstrip("%")) for r in rows]
    assert all(0 < s < 100 for s in shares)  # a trained SFT default: its adapters move with the description


def _spread(*args: str) -> ScriptRun:
    return run_script("adapter_spread", *args)


def test_a_missing_checkpoint_or_a_bad_task_file_is_one_clear_line(tmp_path: Path):
    missing = _spread(str(tmp_path / "nope"))
    assert missing.returncode != 0 and "Traceback" not in missing.stderr
    assert f"no hypernetwork checkpoint at {tmp_path / 'nope'}" in missing.stderr
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "t.1"}\n')
    broken = _spread(str(REPO / "hypernet/checkpoints/default"), "--task-file", str(bad))
    assert broken.returncode != 0 and "Traceback" not in broken.stderr
    assert f"{bad}:1" in broken.stderr and "descriptions" in broken.stderr


def test_a_split_with_fewer_than_two_tasks_is_said_and_skipped(tmp_path: Path):
    task_file = tmp_path / "tasks.jsonl"
    task_file.write_text("".join(json.dumps(_task(f"t.{v}", v, False)) + "\n" for v in ("upper", "lower")))
    done = _spread(str(REPO / "hypernet/checkpoints/default"), "--task-file", str(task_file))
    assert done.returncode == 0, done.stderr[-2000:]
    assert [line.split()[1] for line in done.stdout.splitlines()[1:] if not line.startswith(" ")] == ["train", "train"]
    assert "(heldout: 0 task(s); at least 2 are needed" in done.stdout
