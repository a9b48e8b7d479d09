"""scripts/adapter_scale_sweep.py --generated-only: only the generated rows' update is scaled."""

from __future__ import annotations

import torch
from script_module import load_script, run_script

from hypernet.peft_format import LoraAdapter


def test_scaling_the_generated_rows_keeps_the_fixed_block_whole():
    """rows 0..1 generated, rows 2..4 a fixed block: scale s gives fixed + s x generated, and the
    adapter it came from is left as it was."""
    scaled_rows = load_script("adapter_scale_sweep").scaled_rows
    a, b = torch.randn(5, 6), torch.randn(4, 5)
    adapter = LoraAdapter(rank=5, alpha=3.0, weights={"m.q": (a, b)}, target_modules=["q"])
    generated, fixed = b[:, :2] @ a[:2], b[:, 2:] @ a[2:]
    for scale in (0.0, 1.0, 2.5):
        new_a, new_b = scaled_rows(adapter, 2, scale).weights["m.q"]
        torch.testing.assert_close(new_b @ new_a, fixed + scale * generated)
    assert torch.equal(adapter.weights["m.q"][1], b)


def test_what_cannot_run_is_refused_before_the_base_model_loads(tmp_path):
    """A checkpoint without a fixed block under --generated-only, a missing checkpoint and a negative
    --selection-every each end with one clear line, in seconds (the base model never loads)."""
    from hypernet.checkpoint import save_checkpoint
    from hypernet.config import HypernetConfig, TargetSpec
    from hypernet.model import build_hypernet

    config = HypernetConfig(base_model="m", encoder="e", embedding_dim=16, rank=4, latent_dim=16, head_hidden=16,
                            targets=(TargetSpec("q", in_features=12, out_features=10, num_layers=3),))
    plain = save_checkpoint(build_hypernet(config), tmp_path / "plain").path

    def run(*args):
        return run_script("adapter_scale_sweep", *args)

    done = run("--checkpoint", str(plain), "--generated-only", "--selection-every", "4")
    assert done.returncode != 0 and "has no fixed block" in done.stderr and "base model" not in done.stdout + done.stderr
    done = run("--checkpoint", str(tmp_path / "missing"), "--selection-every", "4")
    assert done.returncode != 0 and done.stderr.strip().startswith("adapter_scale_sweep:")
    done = run("--checkpoint", str(plain), "--selection-every", "-1")
    assert done.returncode != 0 and "--selection-every must be" in done.stderr
