"""scripts/gpu_pipeline.sh start: the reconstruction-at-scale runs it launches (RECON_TASKS, RECON_VARIANTS).

The t2l commands are replaced by a stand-in ``python3`` that records its calls; the script's own
parsing of the variants and the order of its stages is what runs.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

from pipeline_stand_in import run_pipeline


STAND_IN = r'''#!/bin/bash
if [ "$1" = "-m" ] && [ "$2" = "t2l" ]; then shift 2; echo "gpu=${CUDA_VISIBLE_DEVICES:-} $*" >> "$CALLS"; exit 0; fi
if [ "$1" = "-m" ] && [ "$2" = "torch.distributed.run" ]; then shift 2; echo "gpu=${CUDA_VISIBLE_DEVICES:-} torchrun $*" >> "$CALLS"; exit 0; fi
exec "$REAL_PYTHON" "$@"
'''


def _start(tmp_path: Path, expected_calls: int, **env_extra: str) -> list[str]:
    """``gpu_pipeline.sh start`` with only the recon-at-scale stage on; the recorded t2l calls once
    ``expected_calls`` have arrived (the stage runs detached, as on the GPU machine)."""
    calls = tmp_path / "calls"
    run_pipeline(tmp_path, "start", STAND_IN, [{"id": "t.1"}], {
        "RUNS": str(tmp_path / "runs"), "CALLS": str(calls), "SFT_VARIANTS": "", "RECON": "0", "ORACLES": "0",
        "MULTITASK": "0", "METHODS": "", "EVAL_AFTER": "0", "START_SHOW_AFTER": "0", **env_extra})
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        lines = calls.read_text().splitlines() if calls.exists() else []
        if len(lines) >= expected_calls:
            return lines
        time.sleep(0.1)
    raise AssertionError(f"only these t2l calls arrived: {lines}")


def _option(call: str, name: str) -> str:
    words = call.split()
    return words[words.index(name) + 1]


def _command(call: str) -> str:
    """The t2l command line without the recorded GPU."""
    return call.split(" ", 1)[1]


def test_recon_variants_train_after_their_oracles_with_the_oracles_per_step_each_names(tmp_path: Path):
    calls = _start(tmp_path, 4, RECON_TASKS="t.1,t.2",
                   RECON_VARIANTS="wide:512:8192:8000 small:128:512:300:8 slow:512:12288:9000:64:--lr=5e-4,--loss=delta")
    oracle, *recons = calls
    assert _command(oracle).startswith("train oracle") and _option(oracle, "--tasks") == "t.1,t.2"
    by_name = {Path(_option(c, "--out")).name: c for c in recons}
    assert set(by_name) == {"recon-at-wide", "recon-at-small", "recon-at-slow"}
    assert by_name["recon-at-slow"].split()[-2:] == ["--lr=5e-4", "--loss=delta"]  # EXTRA: the variant's own options
    wide, small = by_name["recon-at-wide"], by_name["recon-at-small"]
    assert (_option(wide, "--latent-dim"), _option(wide, "--head-hidden"), _option(wide, "--steps")) == \
        ("512", "8192", "8000")
    # no BATCH field: 32 oracles per step (16 stalled at 130 tasks); a given one is used as is
    assert _option(wide, "--tasks-per-batch") == "32" and _option(small, "--tasks-per-batch") == "8"


def test_without_recon_variants_one_wide_run_is_trained(tmp_path: Path):
    _, recon = _start(tmp_path, 2, RECON_TASKS="t.1")
    assert Path(_option(recon, "--out")).name == "recon-at-l512-h8192"
    assert (_option(recon, "--head-hidden"), _option(recon, "--tasks-per-batch")) == ("8192", "32")


def test_on_several_gpus_the_oracles_are_sharded_one_process_per_gpu_before_any_recon(tmp_path: Path):
    calls = _start(tmp_path, 3, RECON_TASKS="t.1,t.2,t.3,t.4,t.5", RECON_GPUS="2")
    *oracles, recon = calls
    shards = {c.split()[0]: _option(c, "--tasks") for c in oracles}
    assert shards == {"gpu=0": "t.1,t.3,t.5", "gpu=1": "t.2,t.4"}  # every task once, across both GPUs
    assert {_option(c, "--out") for c in oracles} == {str(tmp_path / "runs" / "recon-oracle")}
    assert _command(recon).startswith("train recon") and _option(recon, "--tasks") == "t.1,t.2,t.3,t.4,t.5"


def test_recon_devices_put_the_oracles_and_the_recon_runs_on_the_named_gpus(tmp_path: Path):
    calls = _start(tmp_path, 3, RECON_TASKS="t.1,t.2", RECON_DEVICES="1", RECON_MINUTES="7",
                   RECON_VARIANTS="a:512:8192:8000 b:128:512:300")
    assert {c.split()[0] for c in calls} == {"gpu=1"}  # GPU 0 stays free, e.g. for SFT
    oracle, *recons = calls
    assert _option(oracle, "--tasks") == "t.1,t.2"
    assert [_option(c, "--max-minutes") for c in recons] == ["7", "7"]


def test_recon_variants_spread_over_the_oracles_gpus(tmp_path: Path):
    calls = _start(tmp_path, 4, RECON_TASKS="t.1,t.2", RECON_GPUS="2", RECON_VARIANTS="a:512:8192:8000 b:128:512:300")
    recons = {Path(_option(c, "--out")).name: c.split()[0] for c in calls if _command(c).startswith("train recon")}
    assert recons == {"recon-at-a": "gpu=0", "recon-at-b": "gpu=1"}
    assert all(_option(c, "--max-minutes") == "0" for c in calls if _command(c).startswith("train recon"))


def test_recon_ddp_trains_each_variant_on_all_the_gpus_at_once_one_after_another(tmp_path: Path):
    calls = _start(tmp_path, 4, RECON_TASKS="t.1,t.2", RECON_GPUS="2", RECON_DDP="1",
                   RECON_VARIANTS="a:512:8192:8000:64 b:128:512:300:64")
    recons = [c for c in calls if "train recon" in c]
    assert [c.split()[:6] for c in recons] == [["gpu=0,1", "torchrun", "--standalone", "--nproc-per-node", "2", "-m"]] * 2
    assert [Path(_option(c, "--out")).name for c in recons] == ["recon-at-a", "recon-at-b"]  # in turn
    assert [_option(c, "--tasks-per-batch") for c in recons] == ["64", "64"]  # the global batch, split by torchrun's processes


def test_sft_gpus_place_the_variants_round_robin(tmp_path: Path):
    calls = _start(tmp_path, 3, SFT_VARIANTS="a:0.3:1 b:0.3:1 c:0.3:1:--lr=1e-4", SFT_GPUS="0 0 1")
    gpus = {Path(_option(c, "--out")).name: c.split()[0] for c in calls}
    assert gpus == {"sft-a": "gpu=0", "sft-b": "gpu=0", "sft-c": "gpu=1"}
    assert next(c for c in calls if "sft-c" in c).endswith("--lr=1e-4")  # the variant's own option comes last


def test_sft_from_multitask_residual_starts_after_it_on_the_same_modules(tmp_path: Path):
    calls = _start(tmp_path, 2, MULTITASK="1", MULTITASK_TARGETS="q_proj,o_proj", SFT_FROM_MULTITASK="residual",
                   SFT_FROM_MULTITASK_EXTRA="--average-from=800,--embedding-noise=0.3", MULTITASK_EXTRA="--balance-families")
    multitask, sft = calls
    assert _command(multitask).startswith("train multitask") and _option(multitask, "--targets") == "q_proj,o_proj"
    assert multitask.split()[-1] == "--balance-families"
    assert _command(sft).startswith("train sft") and _option(sft, "--targets") == "q_proj,o_proj"
    assert _option(sft, "--residual-adapter") == str(tmp_path / "runs" / "multitask" / "adapter")
    assert "--init-adapter" not in sft and sft.split()[-2:] == ["--average-from=800", "--embedding-noise=0.3"]


def test_without_sft_from_multitask_only_the_multitask_lora_trains(tmp_path: Path):
    (multitask,) = _start(tmp_path, 1, MULTITASK="1")
    assert _command(multitask).startswith("train multitask") and "--targets" not in multitask
    time.sleep(1)  # nothing else arrives
    assert len((tmp_path / "calls").read_text().splitlines()) == 1


def _fake_run(out_dir: Path) -> subprocess.Popen:
    """A process whose command line reads like an SFT run writing into ``out_dir``."""
    return subprocess.Popen(["bash", "-c", f'exec -a "python3 -m t2l train sft --task-file=s.jsonl --out {out_dir}/sft-a" sleep 60'])


def test_the_evaluation_waits_for_its_own_runs_only_not_for_a_second_pipeline_beside_it(tmp_path: Path):
    runs = tmp_path / "runs"
    other = _fake_run(Path(f"{runs}-extra"))  # the second pipeline's run: its path starts like ours
    own = _fake_run(runs)
    try:
        calls = tmp_path / "calls"
        run_pipeline(tmp_path, "start", STAND_IN, [{"id": "t.1", "heldout": True}], {
            "RUNS": str(runs), "CALLS": str(calls), "SFT_VARIANTS": "", "RECON": "0", "ORACLES": "0",
            "MULTITASK": "0", "METHODS": "", "EVAL_AFTER": "1", "START_SHOW_AFTER": "0",
            "EVAL_POLL_SECONDS": "1"})
        time.sleep(2)
        assert not calls.exists() or "eval" not in calls.read_text()  # our own run is still going
        own.kill()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not (calls.exists() and "eval " in calls.read_text()):
            time.sleep(0.2)
        assert "eval --task-file=.carry/suite.jsonl --split heldout" in calls.read_text()
    finally:
        other.kill(); own.kill()


def test_suite_file_names_the_suite_of_every_call(tmp_path: Path):
    (multitask,) = _start(tmp_path, 1, MULTITASK="1", SUITE_FILE=".carry/suite-extra.jsonl")
    assert "--task-file=.carry/suite-extra.jsonl" in multitask.split()


def test_wait_refuses_minutes_beyond_what_one_device_call_can_last(tmp_path: Path):
    """Session 13 asked for `wait 500`: the call ran into the device's 10-minute limit and showed nothing."""
    script = Path(__file__).resolve().parents[2] / "scripts" / "gpu_pipeline.sh"
    for minutes in ("500", "10", "0", "two"):
        done = subprocess.run(["bash", str(script), "wait", minutes], capture_output=True, text=True,
                              env={"PATH": "/usr/bin:/bin", "RUNS": str(tmp_path / "runs")}, timeout=30)
        assert done.returncode == 2 and f"not '{minutes}'" in done.stderr, (minutes, done.stderr)
    (tmp_path / "runs").mkdir(exist_ok=True)
    (tmp_path / "runs" / "oracle.log").write_text("done\n")
    done = subprocess.run(["bash", str(script), "wait", "1"], capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "RUNS": str(tmp_path / "runs")}, timeout=30)
    assert done.returncode == 0 and "no run or evaluation left" in done.stdout  # nothing running here: at once
