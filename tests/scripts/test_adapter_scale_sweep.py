"""scripts/adapter_scale_sweep.py --generated-only: only the generated rows' update is scaled."""

from __future__ import annotations

import torch
from script_module import load_script

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
