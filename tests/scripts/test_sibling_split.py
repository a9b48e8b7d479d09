"""scripts/sibling_split.py: which held-out tasks a training-only sibling borders, and each T2L row's
comparisons on those tasks and on the rest (the real encoder, a five-task file)."""

from __future__ import annotations

import json
from pathlib import Path

from script_module import ScriptRun, run_script


def _task_file(tmp_path: Path) -> Path:
    from hypernet.tasks import builtin_suite, write_task_file
    from hypernet.tasks.types import TaskSuite

    big = builtin_suite(extra=True)
    # held out: end_with_period (its sibling end_with_question_mark is in training) and pig_latin
    # (only suite tasks of other kinds in training: none of its siblings)
    ids = ["text_edit.end_with_period", "string.pig_latin", "text_edit.end_with_question_mark",
           "string.reverse_words", "arithmetic.add"]
    suite = TaskSuite(tasks=tuple(big.get(i) for i in ids), heldout_task_ids=frozenset(ids[:2]))
    path = tmp_path / "tasks.jsonl"
    write_task_file(suite, path)
    return path


def _run(*args: str) -> ScriptRun:
    return run_script("sibling_split", *args)


def test_the_bordered_task_is_found_and_each_comparison_is_split(tmp_path: Path):
    tasks = _task_file(tmp_path)
    rows = {"multi-task LoRA": {"text_edit.end_with_period": 10.0, "string.pig_latin": 20.0},
            "T2L (SFT) + description": {"text_edit.end_with_period": 30.0, "string.pig_latin": 25.0},
            "T2L (SFT) + description [mismatched description]": {"text_edit.end_with_period": 12.0,
                                                                 "string.pig_latin": 24.0}}
    report = tmp_path / "EVAL.json"
    results = [{"method": m, "per_task": {t: {"exact": v, "lenient": v} for t, v in scores.items()}}
               for m, scores in rows.items()]
    # runs that do not match the rows one to one (rows taken out of a merged report by hand) are
    # read from the row names instead, as `t2l eval-report` does; they once gave an empty table
    report.write_text(json.dumps({"results": results, "runs": ["", "", "", "s20"]}))
    done = _run(str(report), "--task-file", str(tasks))
    assert done.returncode == 0, done.stderr[-2000:]
    out = done.stdout
    assert "1 training-only siblings border 1 of 2 held-out tasks" in out
    assert "text_edit.end_with_period (nearest: text_edit.end_with_question_mark)" in out
    assert "string.pig_latin" not in out.split("| T2L row")[0]
    assert "| T2L (SFT) + description | multi-task LoRA | +20.0 | +5.0 |" in out
    assert ("| T2L (SFT) + description | T2L (SFT) + description [mismatched description] | +18.0 | +1.0 |"
            in out)


def test_a_task_file_without_siblings_is_one_clear_line(tmp_path: Path):
    from hypernet.tasks import builtin_suite, write_task_file

    from hypernet.tasks.types import TaskSuite

    suite = builtin_suite()
    path = tmp_path / "suite.jsonl"  # built-in tasks only, one of them held out
    write_task_file(TaskSuite(tasks=suite.tasks[:3], heldout_task_ids=frozenset([suite.tasks[0].id])), path)
    done = _run("--task-file", str(path))
    assert done.returncode == 1
    assert "has no training task that the built-in suite lacks" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_report_that_is_not_an_eval_json_is_said_before_any_embedding(tmp_path: Path):
    tasks = _task_file(tmp_path)
    (tmp_path / "bad.json").write_text('{"rows": []}')
    for report in (tmp_path / "bad.json", tmp_path / "missing.json"):
        done = _run(str(report), "--task-file", str(tasks))
        assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr[-2000:]
        assert done.stderr.startswith("sibling_split: ") and report.name in done.stderr


def _report(tmp_path: Path, rows: dict[str, dict[str, float]]) -> Path:
    report = tmp_path / "EVAL.json"
    report.write_text(json.dumps({"results": [
        {"method": m, "per_task": {t: {"exact": v, "lenient": v} for t, v in scores.items()}}
        for m, scores in rows.items()]}))
    return report


def test_row_keeps_only_the_named_t2l_row_with_every_baseline(tmp_path: Path):
    tasks = _task_file(tmp_path)
    report = _report(tmp_path, {
        "multi-task LoRA": {"text_edit.end_with_period": 10.0, "string.pig_latin": 20.0},
        "T2L (SFT) + description": {"text_edit.end_with_period": 30.0, "string.pig_latin": 25.0},
        "T2L (recon)": {"text_edit.end_with_period": 15.0, "string.pig_latin": 10.0}})
    done = _run(str(report), "--task-file", str(tasks), "--row", "T2L (recon)")
    assert done.returncode == 0, done.stderr[-2000:]
    table = done.stdout.split("| T2L row")[1]
    assert "| T2L (recon) | multi-task LoRA | +5.0 | -10.0 |" in table
    assert "T2L (SFT)" not in table


def test_a_row_the_report_lacks_is_refused_before_any_embedding(tmp_path: Path):
    tasks = _task_file(tmp_path)
    report = _report(tmp_path, {"multi-task LoRA": {"string.pig_latin": 20.0},
                                "T2L (SFT) + description": {"string.pig_latin": 25.0}})
    done = _run(str(report), "--task-file", str(tasks), "--row", "T2L (SFT) + descripton")
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr[-2000:]
    assert "is no T2L row of the report (nearest: T2L (SFT) + description)" in done.stderr
    assert "border" not in done.stdout  # it stopped before the embedding


def test_row_without_a_report_is_a_usage_error(tmp_path: Path):
    done = _run("--task-file", str(tmp_path / "tasks.jsonl"), "--row", "T2L (SFT)")
    assert done.returncode == 2 and "--row names rows of an EVAL.json" in done.stderr
