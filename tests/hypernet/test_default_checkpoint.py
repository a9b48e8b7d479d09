"""The shipped default hypernetwork: it loads for the default base model, is small enough to ship,
carries its model card, and the dispatcher uses it the way it was trained."""

from __future__ import annotations

import json

import pytest
import torch

from hypernet.checkpoint import DEFAULT_CHECKPOINT_DIR, load_checkpoint
from hypernet.generate import generate_adapters
from hypernet.targets import discover_targets


@pytest.fixture(scope="module")
def default(base_model):
    return load_checkpoint(DEFAULT_CHECKPOINT_DIR, targets=discover_targets(base_model.model))


def test_the_default_is_a_trained_sft_checkpoint_for_the_default_model(default):
    assert default.trained and not default.id.startswith("untrained-")
    config = default.hypernet.config
    assert config.base_model == "smollm2-135m-instruct" and config.encoder == "all-minilm-l6-v2"
    assert config.training["recipe"] == "sft"
    size = sum(p.stat().st_size for p in DEFAULT_CHECKPOINT_DIR.iterdir())
    assert size <= 60 * 2**20, f"the shipped checkpoint is {size / 2**20:.1f} MiB (at most 60)"


def test_the_model_card_names_these_weights_and_their_scores(default):
    card = (DEFAULT_CHECKPOINT_DIR / "README.md").read_text()
    assert default.sha256 in card  # the card describes exactly these weights
    for heading in ("## Data", "## Training", "## Scores"):
        assert heading in card


def test_generated_adapters_say_the_description_goes_in_the_prompt(default, encoder, base_model):
    adapters = generate_adapters(default.hypernet, encoder, ["Reverse the order of the words."],
                                 discover_targets(base_model.model), checkpoint_id=default.id)
    meta = adapters[0].metadata
    assert meta["checkpoint"] == default.id
    assert meta.get("prompt_description", False) == default.hypernet.config.prompt_description
    assert any(float(b.abs().max()) > 0 for _, b in adapters[0].weights.values())  # trained: ΔW ≠ 0


def test_dispatcher_prompts_as_the_hypernetwork_was_trained(default, base_model, encoder, monkeypatch):
    import hypernet.chat
    from library.catalog import open_catalog
    from library.dispatch import Dispatcher

    seen: list[list[str]] = []
    real = hypernet.chat.complete

    def spy(model, tokenizer, messages, **options):
        seen.append(list(messages))
        return real(model, tokenizer, messages, **options)

    monkeypatch.setattr(hypernet.chat, "complete", spy)
    catalog = open_catalog()  # the embedded default, under this test's own T2L_HOME
    dispatcher = Dispatcher(catalog, base_model="smollm2-135m-instruct", loaded=base_model, encoder=encoder,
                            checkpoint=default, num_slots=2)
    description = "Write the first word of the sentence."
    with torch.inference_mode():
        out = dispatcher.generate(description, "society walk will", max_new_tokens=4)
    assert out.provenance.source == "generated" and out.provenance.checkpoint == default.id
    expected = f"{description}\n\nsociety walk will" if default.hypernet.config.prompt_description else "society walk will"
    assert seen == [[expected]]
    catalog.close()


def test_the_card_and_config_agree(default):
    config = json.loads((DEFAULT_CHECKPOINT_DIR / "config.json").read_text())
    assert config["weights_sha256"] == default.sha256


def test_the_default_never_saw_a_held_out_task(default):
    """Its zero-shot scores (model card, docs/EVAL.md) are only zero-shot if no held-out task trained
    it or chose its step."""
    from hypernet.tasks import builtin_suite

    training = default.hypernet.config.training
    seen = set(training["tasks"]) | set(training["selection_task_ids"])
    suite = builtin_suite(seed=0, extra=True)  # the suite and its training-only siblings, as the card says
    assert len(training["tasks"]) == 720 and not training["selection_task_ids"]
    assert seen <= {t.id for t in suite.tasks} and not seen & suite.heldout_task_ids
