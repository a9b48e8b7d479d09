from __future__ import annotations

import copy
import csv
import json
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
import torch

from hypernet.peft_format import load_peft_adapter, module_shapes
from hypernet.train.oracle import train_oracles
from hypernet.train.multitask import train_multitask
from hypernet.train.peft_lora import LoraTrainConfig


@dataclass(frozen=True)
class _Example:
    input: str
    output: str


@dataclass(frozen=True)
class _Task:
    """The slice of hypernet.tasks.types.Task the trainers use."""

    id: str
    family: str
    descriptions: tuple[str, ...]
    train: tuple[_Example, ...]
    validation: tuple[_Example, ...]

    def score(self, prediction: str, example: _Example) -> dict[str, float]:
        return {"exact": float(prediction.strip() == example.output)}


WORDS = ["apple", "river", "stone", "cloud", "tiger", "music", "lemon", "paper", "green", "house", "light", "ocean"]


def _task(task_id: str, fn) -> _Task:
    pairs = [(f"{a} {b}", fn(f"{a} {b}")) for a in WORDS for b in WORDS if a != b]
    examples = tuple(_Example(i, o) for i, o in pairs)
    return _Task(task_id, "string", (f"Apply {task_id} to the text.",), examples[:100], examples[100:104])


def _fresh(base_model):
    copied = copy.copy(base_model)
    copied.model = copy.deepcopy(base_model.model)
    return copied


def test_oracle_training_lowers_loss_saves_peft_and_skips_when_done(base_model, tmp_path: Path):
    task = _task("swap_words", lambda s: " ".join(reversed(s.split())))
    config = LoraTrainConfig(steps=16, batch_size=4, lr=3e-3, checkpoint_every=10, dropout=0.0)
    loaded = _fresh(base_model)
    [result] = train_oracles(loaded, [task], tmp_path, config)
    rows = list(csv.DictReader(open(tmp_path / ".curves" / "swap_words.csv")))
    assert len(rows) == 16
    first, last = float(rows[0]["loss"]), result.final_loss
    assert last < first * 0.5, (first, last)
    adapter = load_peft_adapter(result.directory)
    assert adapter.metadata["task_id"] == "swap_words" and adapter.rank == 8
    adapter.check_against(module_shapes(base_model.model))
    assert (tmp_path / ".curves" / "swap_words.png").stat().st_size > 0
    assert 0.0 <= result.validation_exact <= 1.0
    again = train_oracles(loaded, [task], tmp_path, config)
    assert again[0].skipped and again[0].final_loss == pytest.approx(result.final_loss)


def test_interrupted_training_resumes_from_its_checkpoint(base_model, tmp_path: Path):
    task = _task("swap_words", lambda s: " ".join(reversed(s.split())))
    config = LoraTrainConfig(steps=8, batch_size=2, lr=2e-3, checkpoint_every=3, dropout=0.0)
    full = train_oracles(_fresh(base_model), [task], tmp_path / "full", config)[0]

    def crash_at_step_5(task_id: str, step: int, loss: float) -> None:
        if step == 5:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        train_oracles(_fresh(base_model), [task], tmp_path / "cut", config, on_progress=crash_at_step_5)
    assert json.loads((tmp_path / "cut" / ".state" / "swap_words" / "state.json").read_text())["step"] == 3
    resumed = train_oracles(_fresh(base_model), [task], tmp_path / "cut", config)[0]
    rows = list(csv.DictReader(open(tmp_path / "cut" / ".curves" / "swap_words.csv")))
    assert [int(r["step"]) for r in rows] == list(range(1, 9))
    # same data order and optimizer state after resuming: the same final weights
    a, b = load_peft_adapter(full.directory), load_peft_adapter(resumed.directory)
    for path, (wa, _) in a.weights.items():
        torch.testing.assert_close(b.weights[path][0], wa, atol=1e-4, rtol=1e-3)
        torch.testing.assert_close(b.weights[path][1], a.weights[path][1], atol=1e-4, rtol=1e-3)


def test_multitask_training_writes_one_adapter(base_model, tmp_path: Path):
    tasks = [_task("swap_words", lambda s: " ".join(reversed(s.split()))), _task("upper", str.upper)]
    config = LoraTrainConfig(steps=4, batch_size=2, lr=1e-3, dropout=0.0)
    path = train_multitask(_fresh(base_model), tasks, tmp_path, config)
    adapter = load_peft_adapter(path)
    assert adapter.metadata["tasks"] == ["swap_words", "upper"]
    assert json.loads((tmp_path / "metrics.json").read_text())["steps"] == 4


def test_answers_end_with_the_chat_templates_end_of_turn_whatever_eos_says(base_model):
    """transformers 5.17 reads SmolLM2's GGUF with eos = <|im_start|>; the answer must still end with
    <|im_end|>, the token the chat template closes a turn with (and generation stops at)."""
    from hypernet.chat import answer_end_ids, end_token_ids
    from hypernet.train.data import encode_examples

    tokenizer = copy.deepcopy(base_model.tokenizer)
    im_end = tokenizer.convert_tokens_to_ids("<|im_end|>")
    tokenizer.eos_token = "<|im_start|>"
    assert answer_end_ids(tokenizer) == [im_end]
    [encoded] = encode_examples(tokenizer, ["river apple"], ["apple river"])
    assert encoded.input_ids[-1] == im_end and encoded.labels[-1] == im_end
    assert im_end in end_token_ids(base_model.model, tokenizer)
    # nor does it depend on which tokens the tokenizer flags as special (that changed between versions)
    tokenizer.__class__ = type("OnlyImStartSpecial", (type(tokenizer),),
                               {"all_special_ids": property(lambda self: [self.convert_tokens_to_ids("<|im_start|>")])})
    assert answer_end_ids(tokenizer) == [im_end]


def test_generation_stops_at_any_turn_marker():
    """An adapter trained to end with another turn token (as under transformers 5.17's GGUF
    reading) must not run on into a new turn: every marker of the template ends an answer."""
    from hypernet.chat import turn_marker_ids

    class Template:
        chat_template = "chatml"

        def apply_chat_template(self, messages, tokenize=False):
            return "".join(f"<|im_start|>{m['role']}\n{m['content']}<|im_end|>\n" for m in messages)

        vocab = {"<unk>": 0, "<|im_start|>": 1, "<|im_end|>": 2, "a": 3}

        def convert_tokens_to_ids(self, token):
            return self.vocab.get(token, 0)

        def convert_ids_to_tokens(self, token_id):
            return {i: t for t, i in self.vocab.items()}[token_id]

    assert turn_marker_ids(Template()) == [1, 2]


def test_oracles_trained_together_match_each_trained_alone(base_model, tmp_path: Path):
    from hypernet.train.oracle_batch import train_oracles_together

    swap = _task("t.swap", lambda s: " ".join(reversed(s.split())))
    upper = _task("t.upper", str.upper)
    config = LoraTrainConfig(steps=3, lr=1e-2, dropout=0.0, checkpoint_every=2)
    both = train_oracles_together(base_model, [swap, upper], tmp_path / "both", config, examples_per_task=2)
    alone = train_oracles_together(base_model, [swap], tmp_path / "alone", config, examples_per_task=2)
    assert [r.task_id for r in both] == ["t.swap", "t.upper"] and not any(r.skipped for r in both)
    together = load_peft_adapter(tmp_path / "both" / "t.swap")
    single = load_peft_adapter(tmp_path / "alone" / "t.swap")
    other = load_peft_adapter(tmp_path / "both" / "t.upper")
    path = "model.layers.3.self_attn.q_proj"
    # no parameter is shared: the companion task changed nothing about t.swap's LoRA
    for mine, ref in zip(together.weights[path], single.weights[path]):
        assert torch.allclose(mine, ref, atol=1e-5, rtol=1e-3)
    assert not torch.allclose(together.weights[path][1], other.weights[path][1])
    assert float(together.weights[path][1].abs().max()) > 0  # B moved from zero
    assert together.metadata["kind"] == "oracle" and together.use_rslora
    assert json.loads((tmp_path / "both" / "t.upper" / "metrics.json").read_text())["together"] == 2
    again = train_oracles_together(base_model, [swap, upper], tmp_path / "both", config, examples_per_task=2)
    assert all(r.skipped for r in again)


def test_an_oracle_directory_grows_by_adding_tasks(base_model, tmp_path: Path):
    from hypernet.train.oracle_batch import train_oracles_together

    swap = _task("t.swap", lambda s: " ".join(reversed(s.split())))
    upper = _task("t.upper", str.upper)
    config = LoraTrainConfig(steps=3, lr=1e-2, dropout=0.0, checkpoint_every=2)  # a state is saved at step 2
    train_oracles_together(base_model, [swap], tmp_path, config, examples_per_task=2)
    assert not list(tmp_path.glob(".state-together*"))  # finished: nothing is left to resume
    first = load_peft_adapter(tmp_path / "t.swap").weights["model.layers.3.self_attn.q_proj"][1].clone()
    grown = train_oracles_together(base_model, [swap, upper], tmp_path, config, examples_per_task=2)
    assert [(r.task_id, r.skipped) for r in grown] == [("t.swap", True), ("t.upper", False)]
    assert torch.equal(load_peft_adapter(tmp_path / "t.swap").weights["model.layers.3.self_attn.q_proj"][1], first)
    assert (tmp_path / "t.upper" / "metrics.json").exists()


def test_per_task_loss_is_each_tasks_own_mean():
    from hypernet.train.data import response_loss
    from hypernet.train.oracle_batch import per_task_loss

    logits = torch.randn(4, 5, 11)
    labels = torch.tensor([[-100, 1, 2, -100, -100], [-100, -100, 3, 4, 5],
                           [-100, 6, -100, -100, -100], [-100, 7, 8, 9, 10]])
    got = per_task_loss(logits, labels, 2)
    assert torch.allclose(got, torch.stack([response_loss(logits[:2], labels[:2]), response_loss(logits[2:], labels[2:])]))


def test_multitask_can_draw_its_tasks_family_first(base_model, tmp_path: Path):
    tasks = [_task("swap_words", lambda s: " ".join(reversed(s.split()))), _task("upper", str.upper)]
    config = LoraTrainConfig(steps=2, batch_size=2, lr=1e-3, dropout=0.0)
    path = train_multitask(_fresh(base_model), tasks, tmp_path, config, balance_families=True)
    assert load_peft_adapter(path).metadata["balance_families"] is True
    assert json.loads((tmp_path / "config.json").read_text())["balance_families"] is True
