"""scripts/gpu_pipeline.sh eval: which checkpoints it scores and which one the selection tasks choose.

The t2l commands are replaced by a stand-in ``python3`` that records its calls and gives each
candidate a known selection score; the script's own logic (soups, candidates, the winner's row) is
what runs.
"""

from __future__ import annotations

from pathlib import Path

from pipeline_stand_in import run_pipeline


# python3 -m t2l ...: recorded; soups written; selection exact = the score named in SCORES (path -> score)
STAND_IN = r'''#!/bin/bash
if [ "$1" = "-m" ] && [ "$2" = "t2l" ]; then
  shift 2; echo "$*" >> "$CALLS"
  if [ "$1 $2" = "train soup" ]; then out="${@: -1}"; mkdir -p "$out"; echo '{}' > "$out/config.json"; exit 0; fi
  if [ "$1 $2" = "train selection-loss" ] && [[ " $* " == *" --metric exact "* ]]; then
    for a in "$@"; do [ -d "$a" ] && echo "exact $(grep -F "$a " "$SCORES" | cut -d' ' -f2)  lenient 0.0  $a"; done
  fi
  exit 0
fi
exec "$REAL_PYTHON" "$@"
'''


def _run_eval(tmp_path: Path, runs: Path, scores: dict[Path, float], **env_extra: str):
    """``gpu_pipeline.sh eval`` over ``runs`` with the stand-in; (the finished process, the t2l calls)."""
    (tmp_path / "scores").write_text("".join(f"{p} {s}\n" for p, s in scores.items()))
    done = run_pipeline(tmp_path, "eval", STAND_IN, [{"id": "h.1", "heldout": True}],
                        {"RUNS": str(runs), "CALLS": str(tmp_path / "calls"), "SCORES": str(tmp_path / "scores"),
                         **env_extra})
    return done, (tmp_path / "calls").read_text().splitlines()


def _checkpoint(path: Path) -> Path:
    path.mkdir(parents=True)
    (path / "config.json").write_text("{}")
    return path


def test_eval_gives_each_run_s_weight_average_a_row_and_their_soup_one_without_choosing_by_exact_match(
        tmp_path: Path):
    runs = tmp_path / "runs"
    for run in ("sft-a", "sft-b"):
        _checkpoint(runs / run / "best")
        _checkpoint(runs / run / "average")
    done, calls = _run_eval(tmp_path, runs, {})
    soup = next(c for c in calls if c.endswith(f"--out {runs}/soup-average/best")).split()
    assert [p for p in soup if p.endswith("/average")] == [f"{runs}/sft-a/average", f"{runs}/sft-b/average"]
    # by default no candidate is chosen by the selection tasks' exact match (it did not track the test tasks)
    assert not any("--metric exact" in c for c in calls) and "chosen by" not in done.stdout
    (table,) = [c for c in calls if c.startswith("eval") and "--limit 32" in c]
    rows = [r.split()[0] for r in table.split("--sft ")[1:]]
    assert rows == [f"{runs}/sft-a/best", f"{runs}/sft-b/best", f"{runs}/sft-a/average", f"{runs}/sft-b/average",
                    f"{runs}/soup-average/best", f"{runs}/soup-sft/best"]


def test_eval_best_0_scores_only_the_weight_averages_but_still_soups_the_chosen_steps(tmp_path: Path):
    runs = tmp_path / "runs"
    for run in ("sft-a", "sft-b"):
        _checkpoint(runs / run / "best")
        _checkpoint(runs / run / "average")
    _, calls = _run_eval(tmp_path, runs, {}, EVAL_BEST="0")
    (table,) = [c for c in calls if c.startswith("eval") and "--limit 32" in c]
    rows = [r.split()[0] for r in table.split("--sft ")[1:]]
    assert rows == [f"{runs}/sft-a/average", f"{runs}/sft-b/average",
                    f"{runs}/soup-average/best", f"{runs}/soup-sft/best"]


def test_eval_soups_the_later_steps_and_adds_the_candidate_the_selection_tasks_score_highest(tmp_path: Path):
    runs = tmp_path / "runs"
    scores = {}
    for run, best_step in (("sft-a", 500), ("sft-b", 750)):
        for step in (250, 500, 750, 1000):
            (runs / run / "steps" / f"step-{step:06d}").mkdir(parents=True)
            (runs / run / "steps" / f"step-{step:06d}" / "config.json").write_text("{}")
            scores[runs / run / "steps" / f"step-{step:06d}"] = step / 100
        (runs / run / "best").mkdir()
        (runs / run / "best" / "config.json").write_text("{}")
        scores[runs / run / "best"] = best_step / 100
    scores[runs / "sft-b" / "steps" / "step-000750"] = 42.0  # the one to choose
    scores[runs / "soup-sft" / "best"] = 3.0
    scores[runs / "soup-late" / "best"] = 5.0
    done, calls = _run_eval(tmp_path, runs, scores, SELECT_EXACT="1")
    soups = [c for c in calls if c.startswith("train soup")]
    # the chosen checkpoints' soup, and the soup of each run's later half of kept steps
    assert any(c.endswith(f"--out {runs}/soup-sft/best") for c in soups)
    late = next(c for c in soups if c.endswith(f"--out {runs}/soup-late/best")).split()
    assert [p for p in late if "/steps/" in p] == [f"{runs}/{r}/steps/step-{s:06d}" for r in ("sft-a", "sft-b")
                                                  for s in (750, 1000)]
    assert f"chosen by selection exact match: {runs}/sft-b/steps/step-000750" in done.stdout
    (table,) = [c for c in calls if c.startswith("eval") and "--limit 32" in c]
    assert table.split("--sft ")[1:] == [f"{runs}/sft-a/best ", f"{runs}/sft-b/best ", f"{runs}/soup-sft/best ",
                                         f"{runs}/soup-late/best ", f"{runs}/sft-b/steps/step-000750 --out {runs}/eval/EVAL.md"]


def _adapter(path: Path) -> Path:
    path.mkdir(parents=True)
    (path / "adapter_config.json").write_text("{}")
    return path


def test_eval_takes_the_multitask_row_from_multitask_adapter_when_the_run_trained_none(tmp_path: Path):
    runs = tmp_path / "runs"
    _checkpoint(runs / "sft-a" / "average")
    shipped = _adapter(tmp_path / "shipped-multitask")
    _, calls = _run_eval(tmp_path, runs, {}, MULTITASK_ADAPTER=str(shipped))
    (table,) = [c for c in calls if c.startswith("eval") and "--limit 32" in c]
    assert f"--multitask {shipped} " in f"{table} "


def test_eval_prefers_the_multitask_lora_the_run_trained(tmp_path: Path):
    runs = tmp_path / "runs"
    _checkpoint(runs / "sft-a" / "average")
    trained = _adapter(runs / "multitask" / "adapter")
    shipped = _adapter(tmp_path / "shipped-multitask")
    _, calls = _run_eval(tmp_path, runs, {}, MULTITASK_ADAPTER=str(shipped))
    (table,) = [c for c in calls if c.startswith("eval") and "--limit 32" in c]
    assert table.count("--multitask ") == 1 and f"--multitask {trained} " in f"{table} "


def test_eval_has_no_multitask_row_without_an_adapter(tmp_path: Path):
    runs = tmp_path / "runs"
    _checkpoint(runs / "sft-a" / "average")
    _, calls = _run_eval(tmp_path, runs, {}, MULTITASK_ADAPTER=str(tmp_path / "missing"))
    (table,) = [c for c in calls if c.startswith("eval") and "--limit 32" in c]
    assert "--multitask" not in table


def test_soup_runs_names_the_runs_whose_averages_go_into_the_soup(tmp_path: Path):
    """SOUP_RUNS: runs of two recipes (shapes) side by side; each keeps its row, only the named go in the soup."""
    runs = tmp_path / "runs"
    for run in ("sft-r1", "sft-w1", "sft-r2"):
        _checkpoint(runs / run / "average")
    _, calls = _run_eval(tmp_path, runs, {}, SOUP_RUNS="r1 r2")
    soup = next(c for c in calls if c.endswith(f"--out {runs}/soup-average/best")).split()
    assert [p for p in soup if p.endswith("/average")] == [f"{runs}/sft-r1/average", f"{runs}/sft-r2/average"]
    (table,) = [c for c in calls if c.startswith("eval") and "--limit 32" in c]
    assert f"--sft {runs}/sft-w1/average " in table


def test_eval_part_main_leaves_the_recon_table_and_recon_leaves_the_held_out_one(tmp_path: Path):
    runs = tmp_path / "runs"
    _checkpoint(runs / "sft-a" / "average")
    _checkpoint(runs / "recon-at-w" / "checkpoint")
    (runs / "recon-oracle" / "t.1").mkdir(parents=True)
    (runs / "recon-oracle" / "t.1" / "metrics.json").write_text("{}")
    recon_env = dict(RECON_TASKS="t.1", RECON_EVAL_LIMIT="8")
    _, calls = _run_eval(tmp_path, runs, {}, EVAL_PART="main", **recon_env)
    assert any("--limit 32" in c for c in calls) and not any("--tasks t.1" in c for c in calls)
    second = tmp_path / "second"  # a fresh work directory, the same runs
    second.mkdir()
    _, calls = _run_eval(second, runs, {}, EVAL_PART="recon", **recon_env)
    table, heldout = calls
    assert table.startswith("eval") and "--tasks t.1 --limit 8 " in table and f"--recon {runs}/recon-at-w/checkpoint" in table
    # and the same checkpoint zero-shot on the held-out tasks: the paper's recon row
    assert heldout.startswith("eval") and "--split heldout --limit 32 --descriptions 3" in heldout
    assert f"--recon {runs}/recon-at-w/checkpoint --out {runs}/eval-recon/EVAL-heldout.md" in heldout
    third = tmp_path / "third"
    third.mkdir()
    _, calls = _run_eval(third, runs, {}, EVAL_PART="recon", RECON_HELDOUT="0", **recon_env)
    assert calls == [table]


def test_train_eval_tasks_scores_the_multitask_and_sft_rows_on_training_tasks_from_a_file(tmp_path: Path):
    """TRAIN_EVAL_TASKS=@FILE: the finished rows (not oracles) on training tasks, held-out wordings."""
    runs = tmp_path / "runs"
    _checkpoint(runs / "sft-a" / "average")
    trained = _adapter(runs / "multitask" / "adapter")
    (runs / "oracle" / "h.1").mkdir(parents=True)
    (runs / "oracle" / "h.1" / "metrics.json").write_text("{}")
    (tmp_path / "ids").write_text("t.1,t.2\n")
    _, calls = _run_eval(tmp_path, runs, {}, EVAL_BEST="0", TRAIN_EVAL_TASKS=f"@{tmp_path / 'ids'}")
    (train,) = [c for c in calls if c.startswith("eval") and "--tasks t.1,t.2 " in c]
    assert "--split heldout" in train and "--limit 8 --descriptions 1 --skip-base" in train
    assert f"--multitask {trained} --sft {runs}/sft-a/average --out {runs}/eval-train/EVAL.md" in train
    (table,) = [c for c in calls if c.startswith("eval") and "--limit 32" in c]
    assert f"--oracles {runs}/oracle" in table and "--oracles" not in train


def test_no_training_task_table_without_train_eval_tasks(tmp_path: Path):
    runs = tmp_path / "runs"
    _checkpoint(runs / "sft-a" / "average")
    _, calls = _run_eval(tmp_path, runs, {})
    assert not any("eval-train" in c for c in calls)
