"""hypernet.separability: whether held-out descriptions land nearest their own task."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from hypernet.separability import separability

REPO = Path(__file__).resolve().parents[2]


def test_well_apart_tasks_are_all_found_and_a_query_between_two_is_counted_against_its_own():
    train = torch.tensor([[1.0, 0, 0], [0.9, 0.1, 0], [0, 1.0, 0], [0, 0.9, 0.1], [0, 0, 1.0]])
    owner = torch.tensor([0, 0, 1, 1, 2])
    queries = torch.tensor([[1.0, 0.05, 0], [0.05, 1.0, 0], [0, 0.1, 1.0], [0.2, 1.0, 0]])
    query_owner = torch.tensor([0, 1, 2, 0])  # the last wording of task 0 reads like task 1
    found = separability(train, owner, queries, query_owner)
    assert found.queries == 4 and found.centroid == pytest.approx(0.75) and found.nearest == pytest.approx(0.75)
    assert found.per_task == {0: 0.5, 1: 1.0, 2: 1.0}
    assert found.confusions == [(0, 1, 1)]


def test_the_mean_and_the_nearest_description_can_disagree():
    # task 0's descriptions are spread out; a query near one of them but far from their mean
    train = torch.tensor([[1.0, 0], [0, 1.0], [0.6, 0.8]])
    owner = torch.tensor([0, 0, 1])
    found = separability(train, owner, torch.tensor([[0.1, 1.0]]), torch.tensor([0]))
    assert found.nearest == 1.0 and found.centroid == 0.0


def test_bad_shapes_and_tasks_without_training_descriptions_are_named():
    with pytest.raises(ValueError, match="one d"):
        separability(torch.zeros(2, 3), torch.tensor([0, 1]), torch.zeros(1, 4), torch.tensor([0]))
    with pytest.raises(ValueError, match="task 1 has no training description"):
        separability(torch.ones(2, 3), torch.tensor([0, 0]), torch.ones(1, 3), torch.tensor([1]))
    with pytest.raises(ValueError, match="no held-out descriptions"):
        separability(torch.ones(2, 3), torch.tensor([0, 1]), torch.ones(0, 3), torch.tensor([], dtype=torch.long))


def _task(task_id: str, words: str) -> dict:
    return {"id": task_id, "family": task_id.split(".")[0], "descriptions": [f"{words}.", f"Please {words}."],
            "heldout_descriptions": [f"Could you {words}?"],
            "examples": [{"input": f"x{i}", "output": f"y{i}"} for i in range(6)]}


def test_the_script_reports_a_library_with_the_real_encoder(tmp_path: Path):
    tasks = [_task("string.upper", "write the text in capital letters"), _task("math.add", "add the two numbers"),
             _task("lookup.capital", "give the capital city of the country")]
    task_file = tmp_path / "tasks.jsonl"
    task_file.write_text("".join(json.dumps(t) + "\n" for t in tasks))
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "task_separability.py"), "--task-file",
                           str(task_file), "--split", "all"], capture_output=True, text=True, cwd=REPO,
                          env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "3 tasks, 3 held-out descriptions: nearest task by mean 100.0%" in done.stdout
    missing = subprocess.run([sys.executable, str(REPO / "scripts" / "task_separability.py"), "--task-file",
                              str(tmp_path / "none.jsonl")], capture_output=True, text=True, cwd=REPO,
                             env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=300)
    assert missing.returncode != 0 and "task_separability:" in missing.stderr
    bad_encoder = subprocess.run([sys.executable, str(REPO / "scripts" / "task_separability.py"), "--task-file",
                                  str(task_file), "--split", "all", "--encoder", str(tmp_path / "no-encoder")],
                                 capture_output=True, text=True, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
                                 timeout=300)
    assert bad_encoder.returncode != 0 and "task_separability:" in bad_encoder.stderr
    assert "Traceback" not in bad_encoder.stderr


def test_nearest_owner_names_the_task_of_each_querys_nearest_training_row() -> None:
    from hypernet.separability import nearest_owner

    train = torch.tensor([[1.0, 0.0], [0.0, 1.0], [0.7, 0.7]])
    owner = torch.tensor([0, 1, 2])
    assert nearest_owner(train, owner, torch.tensor([[0.9, 0.1], [0.1, 0.9], [0.5, 0.6]])).tolist() == [0, 1, 2]
    with pytest.raises(ValueError, match="one d"):
        nearest_owner(train, owner, torch.zeros(1, 3))


def test_a_held_out_task_is_bordered_when_most_of_its_nearest_tasks_are_siblings() -> None:
    from hypernet.separability import bordered

    nearest = {"add_3": ["add_4", "add_4", "add_7"], "mean": ["median", "add_5", "median"],
               "even": ["sib_a", "sib_b", "odd"]}
    siblings = {"add_4", "add_5", "sib_a", "sib_b"}
    # add_3: two of three nearest are a sibling; mean: one of three; even: two siblings, the first named
    assert bordered(nearest, siblings) == {"add_3": "add_4", "even": "sib_a"}
