"""The shipped multi-task LoRA baseline (hypernet/checkpoints/multitask-389): a standard PEFT adapter
for the default base model, trained on exactly the suite's training tasks, that an SFT run can start from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hypernet.peft_format import load_peft_adapter, read_directory_config

BASELINE = Path(__file__).resolve().parents[2] / "hypernet" / "checkpoints" / "multitask-389"


@pytest.fixture(scope="module")
def config() -> dict:
    """Its config as the catalog would keep it: PEFT's keys and t2l's (``t2l.json``) together."""
    return json.loads(read_directory_config(BASELINE))


def test_it_is_a_peft_lora_for_q_and_v_of_every_layer(config):
    adapter = load_peft_adapter(BASELINE)
    assert config["peft_type"] == "LORA" and config["r"] == 8 and config["use_rslora"]
    assert sorted(config["target_modules"]) == ["q_proj", "v_proj"]
    layers = {path.split(".self_attn")[0] for path in adapter.weights}
    assert len(adapter.weights) == 2 * len(layers) == 60
    assert all(float(b.abs().max()) > 0 for _, b in adapter.weights.values())  # trained: ΔW ≠ 0


def test_it_trained_on_every_training_task_and_no_held_out_one(config):
    """Its held-out row is a zero-shot baseline only if no held-out task trained it."""
    from hypernet.tasks import builtin_suite

    suite = builtin_suite(seed=0)
    trained = set(config["t2l"]["tasks"])
    assert config["t2l"]["kind"] == "multitask" and len(trained) == 389
    assert trained == {t.id for t in suite.tasks} - suite.heldout_task_ids


def test_the_model_card_gives_command_and_score():
    card = (BASELINE / "README.md").read_text()
    assert "t2l train multitask" in card and "--selection-tasks 0" in card and "16.7" in card
