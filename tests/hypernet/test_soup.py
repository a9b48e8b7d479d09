from __future__ import annotations

from pathlib import Path

import pytest
import torch

from hypernet.checkpoint import CheckpointError, load_checkpoint, save_checkpoint
from hypernet.config import HypernetConfig, TargetSpec
from hypernet.model import build_hypernet
from hypernet.soup import average_checkpoints


def _trained(tmp_path: Path, name: str, shift: float, **training) -> Path:
    config = HypernetConfig(base_model="m", encoder="e", embedding_dim=8, latent_dim=16, head_hidden=8,
                            targets=(TargetSpec("q_proj", 8, 8, 2, ("l.0.q", "l.1.q")),), training=training)
    hypernet = build_hypernet(config)
    with torch.no_grad():
        for parameter in hypernet.parameters():
            parameter.add_(shift)
    save_checkpoint(hypernet, tmp_path / name)
    return tmp_path / name


def test_a_soup_is_the_mean_of_its_checkpoints_and_records_what_they_trained_on(tmp_path: Path):
    a = _trained(tmp_path, "a", 1.0, recipe="sft", tasks=["t1", "t2"], selection_task_ids=["s3"])
    b = _trained(tmp_path, "b", 3.0, recipe="sft", tasks=["t2", "t3"], selection_task_ids=["s2", "s3", "t1"])
    made = average_checkpoints([a, b], tmp_path / "soup")
    loaded = load_checkpoint(tmp_path / "soup")
    ha, hb = load_checkpoint(a).hypernet, load_checkpoint(b).hypernet
    for name, value in loaded.hypernet.state_dict().items():
        assert torch.allclose(value, (ha.state_dict()[name] + hb.state_dict()[name]) / 2)
    training = loaded.config.training
    assert training["recipe"] == "soup" and training["tasks"] == ["t1", "t2", "t3"]
    # t1 was trained on by a: not a selection task of the soup; the sources' order is kept
    assert training["selection_task_ids"] == ["s3", "s2"]
    assert [s["sha256"] for s in training["sources"]] == [load_checkpoint(a).sha256, load_checkpoint(b).sha256]
    assert made.sha256 == loaded.sha256
    # the averaged network emits adapters like any other
    weights = loaded.hypernet(torch.randn(3, 8))
    assert weights["q_proj"][0].shape == (3, 2, 8, 8)


def test_checkpoints_of_different_configurations_are_not_averaged(tmp_path: Path):
    a = _trained(tmp_path, "a", 1.0)
    other = HypernetConfig(base_model="m", encoder="e", embedding_dim=8, latent_dim=16, head_hidden=8, seed=1,
                           targets=(TargetSpec("q_proj", 8, 8, 2, ("l.0.q", "l.1.q")),))
    save_checkpoint(build_hypernet(other), tmp_path / "seed1")
    with pytest.raises(CheckpointError, match="seed"):
        average_checkpoints([a, tmp_path / "seed1"], tmp_path / "soup")
    prompted = _trained(tmp_path, "prompted", 1.0, recipe="sft", prompt_description=True)
    with pytest.raises(CheckpointError, match="prompt_description"):  # generation would prompt them differently
        average_checkpoints([a, prompted], tmp_path / "soup")
    with pytest.raises(CheckpointError, match="at least two"):
        average_checkpoints([a], tmp_path / "soup")
    assert not (tmp_path / "soup").exists()  # nothing written


def test_the_soup_command_writes_the_averaged_checkpoint(tmp_path: Path, capsys, monkeypatch):
    from cli_helpers import run_t2l

    a, b = _trained(tmp_path, "a", 1.0), _trained(tmp_path, "b", 2.0)
    code, out, err = run_t2l(capsys, monkeypatch, "train", "soup", str(a), str(b), "--out", str(tmp_path / "soup"))
    assert code == 0, err
    made = load_checkpoint(tmp_path / "soup")
    assert made.id in out + err and made.config.training["recipe"] == "soup"


def test_selection_losses_of_checkpoints_that_held_back_different_tasks_are_refused_before_the_model_loads(
        tmp_path: Path, capsys, monkeypatch):
    from cli_helpers import run_t2l

    import t2l.cli.train as train_cli

    monkeypatch.setattr(train_cli, "load_for_training", lambda *a, **k: pytest.fail("the model was loaded"))
    a = _trained(tmp_path, "a", 1.0, recipe="sft", tasks=["t1"], selection_task_ids=["s1"])
    b = _trained(tmp_path, "b", 2.0, recipe="sft", tasks=["t1"], selection_task_ids=["s2"])
    code, _, err = run_t2l(capsys, monkeypatch, "train", "selection-loss", str(a), str(b))
    assert code != 0 and "held back different selection tasks" in " ".join(err.split())
    recon = _trained(tmp_path, "recon", 1.0, recipe="recon", tasks=["t1"])
    code, _, err = run_t2l(capsys, monkeypatch, "train", "selection-loss", str(a), str(recon))
    assert code != 0 and "not trained by SFT" in " ".join(err.split())
    code, _, err = run_t2l(capsys, monkeypatch, "train", "selection-loss", str(a), "--metric", "accuracy")
    assert code != 0 and "--metric must be loss or exact" in " ".join(err.split())
