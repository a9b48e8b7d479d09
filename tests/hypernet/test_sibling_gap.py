"""hypernet.sibling_gap: each task's own adapter against its nearest sibling's, on its own examples."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import torch

from hypernet.checkpoint import load_checkpoint
from hypernet.generate import encode_descriptions, generate_weights
from hypernet.lora import batched_lora
from hypernet.sibling_gap import nearest_siblings, probe_description, sibling_gaps
from hypernet.tasks import Example, Task
from hypernet.train.data import collate, encode_examples, response_loss, user_message

DEFAULT = Path(__file__).resolve().parents[2] / "hypernet" / "checkpoints" / "default"
WORDS = ["apple", "river", "stone", "cloud", "tiger", "music"]


def _task(task_id: str, family: str, fn, verb: str) -> Task:
    pairs = [Example(f"{a} {b}", fn(f"{a} {b}")) for a in WORDS for b in WORDS if a != b]
    return Task(id=task_id, family=family, descriptions=(f"{verb} the words.", f"Please {verb.lower()} the words."),
                heldout_descriptions=(f"Could you {verb.lower()} these words?",),
                train=tuple(pairs[:20]), validation=tuple(pairs[20:26]), test=tuple(pairs[26:30]))


UPPER = _task("t.upper", "case", str.upper, "Uppercase")
LOWER = _task("t.lower", "case", str.lower, "Lowercase")
TITLE = _task("t.title", "case", str.title, "Capitalise each of")
FIRST = _task("t.first", "pick", lambda s: s.split()[0], "Return the first of")


def test_the_nearest_sibling_is_of_the_same_family_never_the_task_itself(encoder):
    upper_again = _task("t.upper2", "case", str.upper, "Uppercase")
    nearest = nearest_siblings([upper_again, UPPER, FIRST], [UPPER, LOWER, TITLE, FIRST], encoder)
    assert nearest["t.upper2"].id == "t.upper"  # the same wording: the nearest candidate
    assert nearest["t.upper"].id in ("t.lower", "t.title")  # never itself
    assert "t.first" not in nearest  # its family has no other candidate


def _loss(loaded, encoder, hypernet, description: str, task: Task, examples: int) -> float:
    """The response CE of ``task``'s first validation examples under the adapter from ``description``."""
    weights = generate_weights(hypernet, encode_descriptions(encoder, [description]))
    shown = task.validation[:examples]
    prompt = probe_description(task) if hypernet.config.prompt_description else None
    batch = collate(encode_examples(loaded.tokenizer, [user_message(e.input, prompt) for e in shown],
                                    [e.output for e in shown]), loaded.tokenizer.pad_token_id)
    labels = batch.pop("labels")
    with torch.no_grad(), batched_lora(loaded.model, weights, hypernet.config.scaling):
        logits = loaded.model(**batch).logits
    # each row's own response loss, then their mean over rows (as sibling_gaps takes it)
    return float(torch.stack([response_loss(logits[i:i + 1], labels[i:i + 1]) for i in range(len(shown))]).mean())


def test_each_gap_is_the_sibling_adapter_s_loss_minus_the_own_one_s(base_model, encoder):
    hypernet = load_checkpoint(DEFAULT).hypernet
    siblings = nearest_siblings([UPPER, LOWER, FIRST], [UPPER, LOWER, TITLE, FIRST], encoder)
    gaps = {g.task: g for g in sibling_gaps(base_model, encoder, hypernet, [UPPER, LOWER, FIRST], siblings,
                                            examples=4, tasks_per_batch=2)}
    assert set(gaps) == {"t.upper", "t.lower"}  # t.first has no sibling
    got = gaps["t.upper"]
    assert got.sibling == siblings["t.upper"].id
    own = _loss(base_model, encoder, hypernet, probe_description(UPPER), UPPER, 4)
    other = _loss(base_model, encoder, hypernet, siblings["t.upper"].descriptions[0], UPPER, 4)
    assert got.own_loss == pytest.approx(own, abs=2e-3) and got.sibling_loss == pytest.approx(other, abs=2e-3)
    assert got.gap == pytest.approx(other - own, abs=4e-3) and got.gap != 0


def test_a_hypernetwork_blind_to_the_description_has_no_gap(base_model, encoder):
    hypernet = copy.deepcopy(load_checkpoint(DEFAULT).hypernet)
    with torch.no_grad():  # zero heads: every description gets the same adapter (biases and the fixed block)
        for head in hypernet.heads.values():
            head.weight.zero_()
    tasks = [UPPER, LOWER, TITLE]
    gaps = sibling_gaps(base_model, encoder, hypernet, tasks, nearest_siblings(tasks, tasks, encoder), examples=3)
    assert len(gaps) == 3 and all(abs(g.gap) < 1e-4 for g in gaps)
    assert all(g.own_loss > 0 for g in gaps)


def test_bad_counts_are_refused(base_model, encoder):
    with pytest.raises(ValueError, match="examples and tasks_per_batch"):
        sibling_gaps(base_model, encoder, load_checkpoint(DEFAULT).hypernet, [UPPER], {"t.upper": LOWER}, examples=0)


def test_task_losses_needs_one_embedding_per_task_and_validation_examples(base_model, encoder):
    from hypernet.sibling_gap import task_losses

    hypernet = load_checkpoint(DEFAULT).hypernet
    with pytest.raises(ValueError, match="1 embeddings for 2 tasks"):
        task_losses(base_model, hypernet, [UPPER, LOWER], encode_descriptions(encoder, ["Uppercase"]))
    bare = Task(id="t.bare", family="case", descriptions=("x",), heldout_descriptions=(), train=(), validation=(),
                test=())
    with pytest.raises(ValueError, match="no validation examples in t.bare"):
        task_losses(base_model, hypernet, [bare], encode_descriptions(encoder, ["x"]))
