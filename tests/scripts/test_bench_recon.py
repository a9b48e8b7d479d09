"""scripts/bench_recon.py: reconstruction steps per second by matmul precision, against float32."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_the_benchmark_times_each_mode_against_the_float32_baseline(tmp_path: Path):
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "bench_recon.py"), "--tasks", "12", "--layers", "2",
         "--modules", "q:16:16,v:16:8", "--head-hidden", "32", "--latent-dim", "16", "--tasks-per-batch", "4",
         "--steps", "3", "--modes", "fp32,tf32,bf16,fp32+fused", "--out", str(out)],
        capture_output=True, text=True, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    results = json.loads(out.read_text())["results"]
    assert set(results) == {"fp32", "tf32", "bf16", "fp32+fused"}
    assert all(r["steps_per_second"] > 0 and r["loss_after"] > 0 for r in results.values())
    # on the CPU TF32 changes nothing: the same weights, batches and dropout give the same loss
    assert results["tf32"]["loss_after"] == results["fp32"]["loss_after"]
    # the fused AdamW kernel takes the same steps, up to rounding
    assert abs(results["fp32+fused"]["loss_after"] - results["fp32"]["loss_after"]) < 1e-3 * results["fp32"]["loss_after"]
    assert "speed-up over fp32" in done.stdout


def test_under_torchrun_it_times_data_parallel_steps_against_one_process(tmp_path: Path):
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc-per-node", "2",
         str(REPO / "scripts" / "bench_recon.py"), "--tasks", "12", "--layers", "2", "--modules", "q:16:16,v:16:8",
         "--head-hidden", "32", "--latent-dim", "16", "--tasks-per-batch", "4", "--steps", "3", "--out", str(out)],
        capture_output=True, text=True, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO), "OMP_NUM_THREADS": "1"},
        timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    results = json.loads(out.read_text())["results"]
    assert results["processes"] == 2
    assert all(results[k]["steps_per_second"] > 0 and results[k]["loss_after"] > 0
               for k in ("one_process", "data_parallel"))
    assert "data-parallel speed-up over 1 process" in done.stdout


def test_unknown_modes_and_malformed_modules_are_refused_before_any_work():
    for bad, message in ((["--modes", "fp32,fp16,tf32+fast"], "unknown --modes ['fp16', 'tf32+fast']"),
                         (["--modules", "q:16"], "NAME:IN:OUT")):
        done = subprocess.run([sys.executable, str(REPO / "scripts" / "bench_recon.py"), *bad], capture_output=True,
                              text=True, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=120)
        assert done.returncode == 2 and message in done.stderr and not done.stdout
