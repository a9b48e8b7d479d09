"""T2L against its baselines: paired differences over tasks with their interval, ratios to the oracle,
and `t2l eval-report` merging several evaluations into one report."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from hypernet.eval_compare import comparisons, mean_ratio, paired_difference, target_checks
from hypernet.eval_report import write_report
from hypernet.evaluate import MethodResult


def _row(name: str, exact: dict[str, float]) -> MethodResult:
    return MethodResult(name, per_task={t: {"exact": v, "lenient": v} for t, v in exact.items()})


def test_a_paired_difference_uses_only_shared_tasks_and_the_spread_of_the_differences():
    t2l = _row("T2L (SFT)", {"a.x": 50.0, "a.y": 30.0, "b.z": 10.0, "b.only": 100.0})
    base = _row("multi-task LoRA", {"a.x": 40.0, "a.y": 30.0, "b.z": 0.0})
    value, half, n = paired_difference(t2l, base)
    assert n == 3 and value == pytest.approx(20 / 3)
    # differences 10, 0, 10: sample sd sqrt(100/3); 95 % half-width 1.96 sd / sqrt(3)
    assert half == pytest.approx(1.96 * math.sqrt(100 / 3) / math.sqrt(3))
    same = paired_difference(base, base)
    assert same[:2] == (0.0, 0.0)  # identical rows differ by nothing, with no spread


def test_ratio_to_the_oracle_and_what_has_no_answer():
    t2l = _row("T2L (SFT)", {"a.x": 20.0, "a.y": 10.0})
    oracle = _row("oracle LoRA", {"a.x": 80.0, "a.y": 40.0})
    assert mean_ratio(t2l, oracle) == (pytest.approx(25.0), 2)
    assert math.isnan(mean_ratio(t2l, _row("oracle LoRA", {"a.x": 0.0}))[0])  # a zero oracle has no ratio
    assert paired_difference(t2l, _row("other", {"c.w": 1.0}))[2] == 0


def test_comparisons_of_one_evaluation_cover_every_t2l_row_and_baseline():
    rows = [_row("multi-task LoRA", {"a.x": 10.0, "a.y": 10.0}), _row("oracle LoRA", {"a.x": 50.0, "a.y": 50.0}),
            _row("base model", {"a.x": 0.0, "a.y": 0.0}),
            _row("T2L (SFT) [sft-a]", {"a.x": 20.0, "a.y": 10.0}), _row("T2L (recon)", {"a.x": 0.0, "a.y": 10.0})]
    found = {(c.method, c.baseline): c for c in comparisons(rows)}
    assert set(found) == {(t, b) for t in ("T2L (SFT) [sft-a]", "T2L (recon)") for b in ("multi-task LoRA", "oracle LoRA")}
    assert found["T2L (SFT) [sft-a]", "multi-task LoRA"].value == pytest.approx(5.0)
    assert found["T2L (recon)", "multi-task LoRA"].value == pytest.approx(-5.0)
    assert found["T2L (SFT) [sft-a]", "oracle LoRA"].value == pytest.approx(30.0)
    assert "−" in found["T2L (SFT) [sft-a]", "multi-task LoRA"].describe()


def test_merged_runs_are_paired_by_run_not_by_name():
    """Run B has its own baseline; run C has none and borrows the nearest earlier run's (B: an
    evaluation split in two parts, merged in order), not the first run's."""
    rows = [_row("multi-task LoRA", {"a.x": 10.0}), _row("T2L (SFT)", {"a.x": 20.0}),
            _row("multi-task LoRA [B]", {"a.x": 50.0}), _row("T2L (SFT) [B]", {"a.x": 40.0}),
            _row("T2L (SFT) [C]", {"a.x": 0.0})]  # named as `t2l eval-report` names merged rows
    found = {c.method: c for c in comparisons(rows, runs=["", "", "B", "B", "C"])}
    assert (found["T2L (SFT)"].baseline, found["T2L (SFT)"].value) == ("multi-task LoRA", 10.0)
    assert (found["T2L (SFT) [B]"].baseline, found["T2L (SFT) [B]"].value) == ("multi-task LoRA [B]", -10.0)
    assert (found["T2L (SFT) [C]"].baseline, found["T2L (SFT) [C]"].value) == ("multi-task LoRA [B]", -50.0)


def test_runs_that_do_not_match_the_rows_one_to_one_are_refused():
    rows = [_row("multi-task LoRA", {"a.x": 10.0}), _row("T2L (SFT)", {"a.x": 20.0})]
    with pytest.raises(ValueError, match="3 runs for 2 rows"):
        comparisons(rows, runs=["", "", "B"])  # zip would have paired them silently


def test_a_run_before_any_baseline_borrows_from_the_first_later_run_that_has_it():
    rows = [_row("T2L (SFT)", {"a.x": 20.0}), _row("multi-task LoRA [B]", {"a.x": 5.0}),
            _row("multi-task LoRA [C]", {"a.x": 15.0})]
    (only,) = comparisons(rows, runs=["", "B", "C"])
    assert (only.baseline, only.value) == ("multi-task LoRA [B]", 15.0)


def test_what_has_no_number_is_left_out_and_one_task_has_no_interval():
    rows = [_row("oracle LoRA", {"a.x": 0.0}), _row("multi-task LoRA", {"a.x": 5.0}), _row("T2L (SFT)", {"a.x": 7.0})]
    (only,) = comparisons(rows)  # a zero oracle gives no ratio
    assert only.baseline == "multi-task LoRA" and math.isnan(only.half_width)
    assert only.describe() == "T2L (SFT) − multi-task LoRA: +2.0 points (1 tasks)"
    assert only.to_json()["half_width"] is None


def _written(tmp_path: Path, name: str, rows: list[MethodResult]) -> Path:
    families = {t: t.split(".")[0] for r in rows for t in r.per_task}
    path = tmp_path / name / "EVAL.md"
    write_report(rows, families, path, title="t", command="t2l eval", context={})
    return path.with_suffix(".json")


def test_eval_report_merges_runs_and_compares_over_their_tasks(tmp_path: Path, capsys, monkeypatch):
    from cli_helpers import run_t2l

    first = _written(tmp_path, "first", [_row("multi-task LoRA", {"a.x": 10.0, "b.y": 20.0}),
                                         _row("T2L (SFT)", {"a.x": 30.0, "b.y": 20.0})])
    second = _written(tmp_path, "second", [_row("T2L (SFT)", {"a.x": 0.0, "b.y": 0.0})])
    saved = json.loads(first.read_text())
    assert saved["families"] == {"a.x": "a", "b.y": "b"} and saved["comparisons"][0]["value"] == pytest.approx(10.0)
    code, _, err = run_t2l(capsys, monkeypatch, "eval-report", str(first), str(second),
                           "--out", str(tmp_path / "merged" / "EVAL.md"))
    assert code == 0, err
    merged = json.loads((tmp_path / "merged" / "EVAL.json").read_text())
    assert [r["method"] for r in merged["results"]] == ["multi-task LoRA", "T2L (SFT)", "T2L (SFT) [second]"]
    assert [(c["method"], c["value"]) for c in merged["comparisons"]] == [
        ("T2L (SFT)", pytest.approx(10.0)), ("T2L (SFT) [second]", pytest.approx(-15.0))]
    text = (tmp_path / "merged" / "EVAL.md").read_text()
    assert "T2L (SFT) [second] − multi-task LoRA: -15.0" in text and "## T2L against the baselines" in text


def test_eval_report_tags_every_row_of_a_later_file_even_in_one_folder(tmp_path: Path, capsys, monkeypatch):
    from cli_helpers import run_t2l

    base = [_row("multi-task LoRA", {"a.x": 10.0}), _row("T2L (SFT)", {"a.x": 20.0})]
    paths = []
    for name, rows in (("A", base), ("B", [_row("multi-task LoRA", {"a.x": 30.0}), _row("T2L (SFT) [run]", {"a.x": 35.0})]),
                       ("C", [_row("T2L (SFT)", {"a.x": 0.0})])):
        path = tmp_path / "same" / f"{name}.json"
        write_report(rows, {"a.x": "a"}, path.with_suffix(".md"), title="t", command="t2l eval", context={})
        paths.append(str(path))
    code, _, err = run_t2l(capsys, monkeypatch, "eval-report", *paths, "--out", str(tmp_path / "m.md"))
    assert code == 0, err
    merged = json.loads((tmp_path / "m.json").read_text())
    assert [r["method"] for r in merged["results"]] == [
        "multi-task LoRA", "T2L (SFT)", "multi-task LoRA [B]", "T2L (SFT) [run] [B]", "T2L (SFT) [C]"]
    pairs = {c["method"]: (c["baseline"], c["value"]) for c in merged["comparisons"]}
    assert pairs == {"T2L (SFT)": ("multi-task LoRA", 10.0), "T2L (SFT) [run] [B]": ("multi-task LoRA [B]", 5.0),
                     "T2L (SFT) [C]": ("multi-task LoRA [B]", -30.0)}  # the nearest earlier file's baseline
    code, _, err = run_t2l(capsys, monkeypatch, "eval-report", paths[0], "--out", paths[0].replace(".json", ".md"))
    assert code == 2 and "would overwrite its own input" in " ".join(err.split())


def test_eval_report_refuses_what_is_not_an_evaluation(tmp_path: Path, capsys, monkeypatch):
    from cli_helpers import run_t2l

    broken = tmp_path / "broken.json"
    broken.write_text('{"results": [{"method": "x"}]}')
    code, _, err = run_t2l(capsys, monkeypatch, "eval-report", str(broken), "--out", str(tmp_path / "o.md"))
    assert code == 2 and "is not an EVAL.json written by `t2l eval`" in " ".join(err.split())
    code, _, err = run_t2l(capsys, monkeypatch, "eval-report", str(tmp_path / "nowhere.json"),
                           "--out", str(tmp_path / "o.md"))
    assert code == 2 and "no such file" in " ".join(err.split())
    unknown = tmp_path / "old.json"  # an older EVAL.json without families, of tasks no suite knows
    unknown.write_text(json.dumps({"results": [_row("T2L (SFT)", {"zz.unknown": 1.0}).to_json()]}))
    code, _, err = run_t2l(capsys, monkeypatch, "eval-report", str(unknown), "--out", str(tmp_path / "o.md"))
    assert code == 2 and "no family for 1 tasks (zz.unknown)" in " ".join(err.split())
    code, _, err = run_t2l(capsys, monkeypatch, "eval-report", str(tmp_path), "--out", str(tmp_path / "o.md"))
    assert code == 2 and "cannot read it" in " ".join(err.split())  # a folder, not a file
    assert not (tmp_path / "o.md").exists()


def test_a_mismatched_description_row_is_set_against_its_aligned_row_only():
    rows = [_row("multi-task LoRA", {"a.x": 10.0, "a.y": 10.0}),
            _row("T2L (SFT) [s]", {"a.x": 30.0, "a.y": 20.0}),
            _row("T2L (SFT) [s] [mismatched description]", {"a.x": 10.0, "a.y": 0.0})]
    found = {(c.method, c.baseline): c for c in comparisons(rows)}
    assert set(found) == {("T2L (SFT) [s]", "multi-task LoRA"),
                          ("T2L (SFT) [s]", "T2L (SFT) [s] [mismatched description]")}
    assert found["T2L (SFT) [s]", "T2L (SFT) [s] [mismatched description]"].value == pytest.approx(20.0)


def _targets_rows() -> list[MethodResult]:
    return [_row("base + description", {"a.x": 0.0, "a.y": 0.0}), _row("multi-task LoRA", {"a.x": 10.0, "a.y": 10.0}),
            _row("oracle LoRA", {"a.x": 50.0, "a.y": 50.0}),
            _row("T2L (SFT) + description [s]", {"a.x": 16.0, "a.y": 12.0}),  # +4 over multi-task, 28 % of the oracle
            _row("T2L (SFT) + description [s] [mismatched description]", {"a.x": 0.0, "a.y": 0.0}),
            _row("T2L (recon)", {"a.x": 48.0, "a.y": 48.0})]  # 96 % of the oracle


def test_held_out_rows_are_checked_against_the_zero_shot_targets_only():
    checks = {(c.comparison.method, c.target.baseline): c for c in target_checks(comparisons(_targets_rows()), "heldout")}
    assert set(checks) == {("T2L (SFT) + description [s]", "multi-task LoRA"),
                           ("T2L (SFT) + description [s]", "oracle LoRA"),
                           ("T2L (SFT) + description [s]", "base + description"),
                           ("T2L (recon)", "base + description")}  # the recon ratio target is on training tasks
    above_multitask = checks["T2L (SFT) + description [s]", "multi-task LoRA"]
    assert above_multitask.met and above_multitask.shortfall == 0.0
    of_oracle = checks["T2L (SFT) + description [s]", "oracle LoRA"]
    assert not of_oracle.met and of_oracle.shortfall == pytest.approx(80.0 - 28.0)
    above_base = checks["T2L (SFT) + description [s]", "base + description"]
    assert not above_base.met and above_base.shortfall == pytest.approx(6.0)
    assert "target ≥ multi-task LoRA +3: met" in above_multitask.describe()
    assert "target ≥ 80 % of oracle LoRA: not met (52.0 short)" in of_oracle.describe()


def test_training_task_rows_are_checked_against_the_reconstruction_target_only():
    (check,) = target_checks(comparisons(_targets_rows()), "train")
    assert (check.comparison.method, check.target.threshold, check.met) == ("T2L (recon)", 95.0, True)
    assert check.to_json()["met"] is True and check.to_json()["split"] == "train"
    assert target_checks(comparisons(_targets_rows()), None) == []  # tasks of no one split: no target


def test_merged_baselines_answer_the_targets_by_their_plain_name():
    rows = [_row("multi-task LoRA", {"a.x": 10.0}), _row("multi-task LoRA [B]", {"a.x": 20.0}),
            _row("T2L (SFT) [B]", {"a.x": 21.0}), _row("multi-task LoRA extra", {"a.x": 0.0})]
    (check,) = target_checks(comparisons(rows, runs=["", "B", "B", ""]), "heldout")
    assert check.comparison.baseline == "multi-task LoRA [B]" and check.shortfall == pytest.approx(2.0)


def test_the_report_has_a_targets_section_only_when_the_split_is_known(tmp_path: Path):
    rows = _targets_rows()
    families = {"a.x": "a", "a.y": "a"}
    md, js, _ = write_report(rows, families, tmp_path / "h.md", title="t", command="c", context={}, split="heldout")
    text = md.read_text()
    assert "## Against the targets (issue #4)" in text
    assert "| T2L (SFT) + description [s] | ≥ multi-task LoRA +3 | +4.0 ± 3.9 | **yes** |" in text
    assert "| T2L (SFT) + description [s] | ≥ 80 % of oracle LoRA | 28.0 % | no: 52.0 short |" in text
    saved = json.loads(js.read_text())
    assert saved["split"] == "heldout" and len(saved["targets"]) == 4
    md, js, _ = write_report(rows, families, tmp_path / "n.md", title="t", command="c", context={})
    assert "Against the targets" not in md.read_text() and json.loads(js.read_text())["targets"] == []


def test_the_split_of_tasks_is_read_from_their_suite():
    from hypernet.tasks import builtin_suite
    from t2l.cli.train import split_of

    suite = builtin_suite(seed=0)
    heldout = sorted(suite.heldout_task_ids)[:3]
    train = [t.id for t in suite.train_tasks[:3]]
    assert split_of(heldout, None) == "heldout" and split_of(train, None) == "train"
    assert split_of(heldout + train, None) is None  # a mix answers neither kind of target
    assert split_of(["zz.unknown"], None) is None and split_of([], None) is None


def test_eval_report_checks_the_targets_of_the_suite_s_held_out_tasks(tmp_path: Path, capsys, monkeypatch):
    from cli_helpers import run_t2l
    from hypernet.tasks import builtin_suite

    a, b = sorted(builtin_suite(seed=0).heldout_task_ids)[:2]
    first = _written(tmp_path, "first", [_row("multi-task LoRA", {a: 10.0, b: 20.0})])
    second = _written(tmp_path, "second", [_row("T2L (SFT)", {a: 15.0, b: 21.0})])
    code, _, err = run_t2l(capsys, monkeypatch, "eval-report", str(first), str(second),
                           "--out", str(tmp_path / "merged" / "EVAL.md"))
    assert code == 0, err
    merged = json.loads((tmp_path / "merged" / "EVAL.json").read_text())
    assert merged["split"] == "heldout"
    assert [(t["method"], t["met"], t["shortfall"]) for t in merged["targets"]] == [
        ("T2L (SFT) [second]", True, 0.0)]
    assert "target ≥ multi-task LoRA +3: met" in " ".join(err.split())


def test_a_baseline_missing_from_a_run_comes_from_the_nearest_earlier_run_that_has_it():
    rows = [_row("base + description", {"a.x": 0.0}), _row("oracle LoRA [B]", {"a.x": 80.0}),
            _row("oracle LoRA [C]", {"a.x": 40.0}), _row("T2L (SFT) [D]", {"a.x": 20.0})]
    found = {(c.method, c.baseline): c.value for c in comparisons(rows, runs=["", "B", "C", "D"])}
    assert found == {("T2L (SFT) [D]", "base + description"): 20.0, ("T2L (SFT) [D]", "oracle LoRA [C]"): 50.0}


def test_a_merged_report_merged_again_keeps_each_row_s_run(tmp_path: Path, capsys, monkeypatch):
    """M = A + B, then M + C: B's T2L row is still set against B's baseline, not A's, and C (no
    baseline of its own) borrows from the nearest earlier run, B."""
    from cli_helpers import run_t2l

    runs = {"A": [_row("multi-task LoRA", {"a.x": 10.0}), _row("T2L (SFT)", {"a.x": 20.0})],
            "B": [_row("multi-task LoRA", {"a.x": 30.0}), _row("T2L (SFT)", {"a.x": 35.0})],
            "C": [_row("T2L (SFT)", {"a.x": 0.0})]}
    for name, rows in runs.items():
        write_report(rows, {"a.x": "a"}, tmp_path / name / "EVAL.md", title="t", command="t2l eval", context={})
    code, _, err = run_t2l(capsys, monkeypatch, "eval-report", str(tmp_path / "A" / "EVAL.json"),
                           str(tmp_path / "B" / "EVAL.json"), "--out", str(tmp_path / "M" / "EVAL.md"))
    assert code == 0, err
    assert json.loads((tmp_path / "M" / "EVAL.json").read_text())["runs"] == ["", "", "B", "B"]
    code, _, err = run_t2l(capsys, monkeypatch, "eval-report", str(tmp_path / "M" / "EVAL.json"),
                           str(tmp_path / "C" / "EVAL.json"), "--out", str(tmp_path / "N" / "EVAL.md"))
    assert code == 0, err
    pairs = {c["method"]: (c["baseline"], c["value"])
             for c in json.loads((tmp_path / "N" / "EVAL.json").read_text())["comparisons"]}
    assert pairs == {"T2L (SFT)": ("multi-task LoRA", 10.0), "T2L (SFT) [B]": ("multi-task LoRA [B]", 5.0),
                     "T2L (SFT) [C]": ("multi-task LoRA [B]", -30.0)}


def test_runs_nest_and_are_read_back_from_the_names_of_an_older_merged_report():
    from hypernet.eval_compare import inferred_runs, nested_run, recorded_runs

    assert [nested_run("", ""), nested_run("", "C"), nested_run("B", ""), nested_run("B", "C")] == ["", "C", "B", "B] [C"]
    rows = [_row("multi-task LoRA", {"a.x": 1.0}), _row("T2L (SFT) [sft-a]", {"a.x": 1.0}),
            _row("multi-task LoRA [s9]", {"a.x": 1.0}), _row("T2L (SFT) [sft-b] [s9]", {"a.x": 1.0}),
            _row("T2L (SFT) [s10]", {"a.x": 1.0})]  # s10 brought no baseline: it borrowed one
    assert inferred_runs(rows) == ["", "", "s9", "s9", ""]
    # recorded runs are kept when there is one per row, else read from the names as above
    assert recorded_runs(["", "x", "x", "y", "y"], rows) == ["", "x", "x", "y", "y"]
    assert recorded_runs(["", "s9"], rows) == recorded_runs(None, rows) == ["", "", "s9", "s9", ""]
    # a nested run strips to the plain name, so rows pair within it
    found = {c.method: c.baseline for c in comparisons(
        [_row("multi-task LoRA [B] [C]", {"a.x": 1.0}), _row("T2L (SFT) [B] [C]", {"a.x": 2.0})], runs=["B] [C", "B] [C"])}
    assert found == {"T2L (SFT) [B] [C]": "multi-task LoRA [B] [C]"}


def test_eval_report_without_samples_keeps_every_score_and_drops_only_the_answers(tmp_path: Path, capsys, monkeypatch):
    from cli_helpers import run_t2l

    answered = _row("T2L (SFT)", {"a.x": 30.0})
    answered.samples = {"a.x": [{"input": "q", "expected": "a", "output": "a"}]}
    first = _written(tmp_path, "first", [_row("multi-task LoRA", {"a.x": 10.0}), answered])
    second = _written(tmp_path, "second", [answered])
    for flag, kept in (("--samples", True), ("--no-samples", False)):
        out = tmp_path / flag.strip("-") / "EVAL.md"
        code, _, err = run_t2l(capsys, monkeypatch, "eval-report", str(first), str(second), flag, "--out", str(out))
        assert code == 0, err
        merged = json.loads(out.with_suffix(".json").read_text())
        assert [r["per_task"]["a.x"]["exact"] for r in merged["results"]] == [10.0, 30.0, 30.0]
        assert [bool(r["samples"]) for r in merged["results"]] == [False, kept, kept]
    assert json.loads(first.read_text())["results"][1]["samples"]  # the source keeps its answers


def test_eval_report_rows_keeps_only_the_named_rows_in_that_order_each_with_its_run(tmp_path: Path, capsys,
                                                                                      monkeypatch):
    from cli_helpers import run_t2l

    first = _written(tmp_path, "A", [_row("base + description", {"a.x": 0.0, "b.y": 10.0}),
                                     _row("multi-task LoRA", {"a.x": 10.0, "b.y": 20.0}),
                                     _row("T2L (SFT)", {"a.x": 30.0, "b.y": 20.0})])
    second = _written(tmp_path, "B", [_row("multi-task LoRA", {"a.x": 40.0, "b.y": 40.0}),
                                      _row("T2L (SFT)", {"a.x": 50.0, "b.y": 50.0})])
    out = tmp_path / "paper" / "EVAL.md"
    code, _, err = run_t2l(capsys, monkeypatch, "eval-report", str(first), str(second), "--row", "T2L (SFT) [B]",
                           "--row", "base + description", "--row", "multi-task LoRA [B]", "--out", str(out))
    assert code == 0, err
    kept = json.loads(out.with_suffix(".json").read_text())
    assert [r["method"] for r in kept["results"]] == ["T2L (SFT) [B]", "base + description", "multi-task LoRA [B]"]
    # B's T2L row is still set against B's multi-task LoRA (not A's, which is left out) and the base row of A
    pairs = {(c["method"], c["baseline"]): c["value"] for c in kept["comparisons"]}
    assert pairs == {("T2L (SFT) [B]", "multi-task LoRA [B]"): pytest.approx(10.0),
                     ("T2L (SFT) [B]", "base + description"): pytest.approx(45.0)}
    # a name that is not there is refused, with the nearest ones, and nothing is written
    for bad, said in ((["T2L (SFT) [b]"], "nearest: 'T2L (SFT) [B]'"), (["T2L (SFT)", "T2L (SFT)"], "more than once")):
        args = [a for name in bad for a in ("--row", name)]
        code, _, err = run_t2l(capsys, monkeypatch, "eval-report", str(first), str(second), *args,
                               "--out", str(tmp_path / "bad" / "EVAL.md"))
        assert code != 0 and said in err, err
        assert not (tmp_path / "bad").exists()
