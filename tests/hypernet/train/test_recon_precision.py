"""t2l train recon's matmul precision: TF32 on CUDA only while a step runs, the global setting restored."""

from __future__ import annotations

import pytest
import torch

from hypernet.train.recon import ReconConfig, matmul_precision


@pytest.fixture(autouse=True)
def highest_precision():
    before = torch.get_float32_matmul_precision()
    torch.set_float32_matmul_precision("highest")
    yield
    torch.set_float32_matmul_precision(before)


def test_tf32_is_on_inside_for_cuda_and_restored_after():
    with matmul_precision(True, "cuda"):
        assert torch.get_float32_matmul_precision() == "high"
    assert torch.get_float32_matmul_precision() == "highest"


def test_the_setting_is_restored_when_the_step_fails():
    with pytest.raises(RuntimeError, match="boom"), matmul_precision(True, torch.device("cuda")):
        raise RuntimeError("boom")
    assert torch.get_float32_matmul_precision() == "highest"


@pytest.mark.parametrize(("tf32", "device"), [(True, "cpu"), (False, "cuda")])
def test_nothing_changes_on_the_cpu_or_when_turned_off(tf32, device):
    with matmul_precision(tf32, device):
        assert torch.get_float32_matmul_precision() == "highest"


def test_recon_defaults_to_tf32_and_32_oracles_per_step():
    config = ReconConfig()
    assert config.tf32 and config.tasks_per_batch == 32
