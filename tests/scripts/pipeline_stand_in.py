"""Running scripts/gpu_pipeline.sh against a stand-in ``python3``: the t2l commands it would launch are
recorded (or faked) by a small bash script, and the pipeline's own logic is what runs."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "gpu_pipeline.sh"


def run_pipeline(tmp_path: Path, stage: str, stand_in: str, suite: list[dict], env: dict[str, str]) -> subprocess.CompletedProcess:
    """``gpu_pipeline.sh STAGE`` in a fresh work directory whose ``.carry/suite.jsonl`` holds ``suite``,
    with ``stand_in`` as ``python3`` (it gets ``$REAL_PYTHON`` for anything else) and ``env`` added;
    fails the test unless the stage exits 0."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python3").write_text(stand_in)
    (bin_dir / "python3").chmod(0o755)
    carry = tmp_path / "work" / ".carry"
    carry.mkdir(parents=True)
    (carry / "suite.jsonl").write_text("".join(json.dumps(task) + "\n" for task in suite))
    real = subprocess.run(["bash", "-c", "command -v python3"], capture_output=True, text=True).stdout.strip()
    full_env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "REAL_PYTHON": real, **env}
    done = subprocess.run(["bash", str(SCRIPT), stage], cwd=carry.parent, env=full_env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done
