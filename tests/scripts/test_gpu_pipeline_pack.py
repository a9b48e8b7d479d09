"""scripts/gpu_pipeline.sh pack/unpack: a run's resumable state leaves the GPU machine in pieces and
comes back whole in a later session (training resumes across sessions)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "gpu_pipeline.sh"


def _stage(stage: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", str(SCRIPT), *stage], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **env}, timeout=60)


def _run_dir(runs: Path) -> bytes:
    state = runs / "sft-x" / ".state"
    state.mkdir(parents=True)
    (state / "state.json").write_text(json.dumps({"step": 1250}))
    payload = os.urandom(40_000)  # incompressible: the tarball needs many 4 KiB pieces
    (state / "state.safetensors").write_bytes(payload)
    (runs / "sft-x" / "best").mkdir()
    (runs / "sft-x" / "best" / "config.json").write_text("{}")
    (runs / "sft-x" / "checkpoint").mkdir()
    (runs / "sft-x" / "checkpoint" / "model.safetensors").write_bytes(b"rebuilt on resume")
    (runs / "sft-x" / "steps" / "step-000250").mkdir(parents=True)  # --keep-checkpoints: stays on the machine
    (runs / "sft-x" / "steps" / "step-000250" / "model.safetensors").write_bytes(os.urandom(50_000))
    (runs / "sft-x" / "loss.csv").write_text("step,loss\n250,1.9\n")
    return payload


def test_a_run_packed_in_pieces_over_several_calls_unpacks_whole(tmp_path: Path):
    payload = _run_dir(tmp_path / "gpu-runs")
    env = {"RUNS": str(tmp_path / "gpu-runs"), "PACK_TMP": str(tmp_path / "tmp"), "PACK_PIECE": "4k"}
    (tmp_path / "tmp").mkdir()
    carried = tmp_path / "next-session" / ".carry" / "runs" / "sft-x"
    carried.mkdir(parents=True)
    calls = 0
    while True:
        out = tmp_path / f"out{calls}"
        out.mkdir()
        done = _stage(["pack", "sft-x", str(calls)], tmp_path, OUT=str(out), **env)
        assert done.returncode == 0, done.stderr
        sent = sorted(p.name for p in out.iterdir())
        assert len(sent) <= 8 and "pack-sft-x.sha256" in sent  # what one call can bring back
        for piece in out.iterdir():
            shutil.copy(piece, carried)
        calls += 1
        if "all out" in done.stdout:
            break
        assert "K=" in done.stdout and calls < 10
    assert calls >= 2  # ~10 pieces of 4 KiB: more than one call's worth

    pieces = sorted(carried.glob("pack-sft-x.part-*"))
    missing = pieces[len(pieces) // 2]
    kept = missing.read_bytes()
    missing.unlink()
    later = {"RUNS": str(tmp_path / "later-runs")}
    refused = _stage(["unpack", "sft-x"], carried.parents[2], **later)
    assert refused.returncode != 0 and "incomplete or damaged" in refused.stderr
    assert not (tmp_path / "later-runs" / "sft-x").exists()  # nothing half-unpacked

    missing.write_bytes(kept)
    restored = _stage(["unpack", "sft-x"], carried.parents[2], **later)
    assert restored.returncode == 0, restored.stderr
    assert "step 1250" in restored.stdout
    run = tmp_path / "later-runs" / "sft-x"
    assert (run / ".state" / "state.safetensors").read_bytes() == payload
    assert (run / "loss.csv").exists() and (run / "best" / "config.json").exists()
    assert not (run / "checkpoint").exists()  # left behind: the resumed run writes it again
    assert not (run / "steps").exists()


def test_unpack_without_pieces_says_so(tmp_path: Path):
    (tmp_path / ".carry" / "runs" / "sft-z").mkdir(parents=True)
    (tmp_path / ".carry" / "runs" / "sft-z" / "pack-sft-z.sha256").write_text("0  pack-sft-z.tgz\n")
    done = _stage(["unpack", "sft-z"], tmp_path, RUNS=str(tmp_path / "runs"))
    assert done.returncode != 0 and "no pieces of sft-z" in done.stderr


def test_pack_refuses_a_run_without_state(tmp_path: Path):
    (tmp_path / "runs" / "sft-y").mkdir(parents=True)
    done = _stage(["pack", "sft-y"], tmp_path, OUT=str(tmp_path), RUNS=str(tmp_path / "runs"),
                  PACK_TMP=str(tmp_path))
    assert done.returncode != 0 and "no resumable state" in done.stderr
