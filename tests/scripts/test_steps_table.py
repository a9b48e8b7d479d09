"""scripts/steps_table.py: a run's kept steps beside its logged losses, and their rank correlation."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "steps_table.py"


def _run(tmp_path: Path, exact_by_step: dict[int, float], selection: dict[int, float]) -> str:
    run = tmp_path / "sft-x"
    run.mkdir()
    lines = ["step,loss,val_loss,selection_loss,zero_shot_loss,lr"]
    for step in range(1, 5):  # a training row between evaluations has no eval losses
        lines.append(f"{step},1.0,nan,nan,nan,0.1")
        if step * 100 in selection:
            s = step * 100
            lines.append(f"{s},1.0,{3 - step * 0.1},{selection[s]},{2 + step * 0.1},0.1")
    (run / "loss.csv").write_text("\n".join(lines) + "\n")
    results = [{"method": f"T2L (SFT) + description [sft-x step-{s:06d}]", "mean_exact": e}
               for s, e in exact_by_step.items()]
    (tmp_path / "EVAL.json").write_text(json.dumps({"results": results}))
    done = subprocess.run([sys.executable, str(SCRIPT), f"{run}:{tmp_path / 'EVAL.json'}"],
                          capture_output=True, text=True, check=True)
    return done.stdout


def test_the_table_marks_the_step_the_selection_loss_chose_and_ranks_the_losses(tmp_path: Path):
    # exact falls as the selection loss falls: the loss would choose the worst step
    out = _run(tmp_path, {100: 10.0, 200: 15.0, 300: 20.0, 400: 25.0},
               {100: 2.4, 200: 2.3, 300: 2.2, 400: 2.5})
    assert "| 300 (chosen) | 20.0 | 2.200 |" in out
    assert "best held-out step 400 (25.0); the selection loss chose step 300 (20.0)" in out
    # selection loss ranks 3,2,1,4 against exact 1,2,3,4: rho = 0.2; the held-out loss rises with exact: +1
    assert "selection_loss +0.20" in out and "zero_shot_loss +1.00" in out and "val_loss -1.00" in out
