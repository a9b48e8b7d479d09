from __future__ import annotations

import copy
from pathlib import Path

import torch

from hypernet.eval_report import write_report
from hypernet.evaluate import MethodResult, evaluate_task
from hypernet.peft_format import LoraAdapter
from hypernet.targets import discover_targets, select_targets
from hypernet.tasks import Example, Task

TASK = Task(id="t.echo", family="string", descriptions=("Repeat the word.",) * 1, heldout_descriptions=("Echo it.",),
            train=(), validation=(), test=tuple(Example(w, w) for w in ["apple", "river", "stone", "cloud"]))


def _adapter(model) -> LoraAdapter:
    gen = torch.Generator().manual_seed(0)
    weights = {p: (torch.randn(4, t.in_features, generator=gen) * 0.05, torch.randn(t.out_features, 4, generator=gen) * 0.05)
               for t in select_targets(discover_targets(model), ["q_proj", "v_proj"]) for p in t.paths}
    return LoraAdapter(rank=4, alpha=8.0, weights=weights, target_modules=["q_proj", "v_proj"])


def test_adapter_rows_score_as_the_merged_model_does(base_model):
    adapter = _adapter(base_model.model)
    via_hooks = evaluate_task(base_model, TASK, TASK.test, adapters=[adapter, adapter])
    merged = copy.copy(base_model)
    merged.model = copy.deepcopy(base_model.model)
    for path, (a, b) in adapter.weights.items():
        merged.model.get_submodule(path).weight.data += adapter.scaling * (b @ a)
    assert via_hooks == evaluate_task(merged, TASK, TASK.test)
    plain = evaluate_task(base_model, TASK, TASK.test, descriptions_in_prompt=[None, "Repeat the word exactly."])
    assert set(plain) == {"exact", "lenient"} and all(0 <= v <= 100 for v in plain.values())


def test_report_has_the_table_the_chart_and_the_command(tmp_path: Path):
    results = [MethodResult("base model", {"a": {"exact": 10.0, "lenient": 20.0}, "b": {"exact": 30.0, "lenient": 40.0}}),
               MethodResult("T2L (SFT)", {"a": {"exact": 50.0, "lenient": 60.0}, "b": {"exact": 70.0, "lenient": 80.0}})]
    md, js, png = write_report(results, {"a": "string", "b": "math"}, tmp_path / "EVAL.md", title="t",
                               command="t2l eval", context={"split": "heldout"})
    text = md.read_text()
    assert "| T2L (SFT) | **60.0** | 70.0 | 50.0 |" in text and "`t2l eval`" in text
    assert png.stat().st_size > 1000 and '"mean_exact": 20.0' in js.read_text()


def _words_task(task_id: str, words: list[str], upper: bool) -> Task:
    test = tuple(Example(w, w.upper() if upper else w) for w in words)
    return Task(id=task_id, family="string", descriptions=("Repeat the word.",), heldout_descriptions=("Echo it.",),
                train=(), validation=(), test=test)


def test_tasks_batched_together_answer_as_each_task_alone(base_model, monkeypatch):
    import hypernet.evaluate
    from hypernet.evaluate import evaluate_method

    answered: list[tuple[str, tuple[str, ...]]] = []  # every variant's answers, as they are scored
    real_score = hypernet.evaluate._score

    def recording(task, answers, examples):
        answered.append((task.id, tuple(answers)))
        return real_score(task, answers, examples)

    monkeypatch.setattr(hypernet.evaluate, "_score", recording)

    # tasks of different sizes and token budgets, three variants each, with their own adapters:
    # pieces of 3 rows, two per call, so calls mix tasks and the last piece of a variant is padded
    tasks = [_words_task("t.a", ["apple", "river", "stone", "cloud", "tiger"], False),
             _words_task("t.b", ["internationalisation", "paper"], True),
             _words_task("t.c", ["music", "lemon", "stone", "sun"], False)]
    adapters = {t.id: [_adapter(base_model.model)] * 3 for t in tasks}
    for i, task in enumerate(tasks):  # a different adapter per task and variant
        adapters[task.id] = [LoraAdapter(rank=4, alpha=8.0 * (1 + i + v), weights=adapters[task.id][v].weights,
                                         target_modules=["q_proj", "v_proj"]) for v in range(3)]
    prompts = [None, "Repeat the word.", "Say it in capitals."]
    together = evaluate_method("x", base_model, tasks, prompts_for=lambda t: prompts,
                               adapters_for=lambda t: adapters[t.id], batch_size=7, rows_per_adapter=3)
    batched, answered[:] = list(answered), []
    for task in tasks:
        samples: list[dict[str, str]] = []
        alone = evaluate_task(base_model, task, task.test, descriptions_in_prompt=prompts,
                              adapters=adapters[task.id], samples=samples)
        assert together.per_task[task.id] == alone
        assert together.samples[task.id] == samples
    assert sorted(batched) == sorted(answered) and len(batched) == 9
    assert len({a for _, a in batched}) > 3  # the variants do answer differently
    # the base rows (no adapters) go the same way
    plain = evaluate_method("base", base_model, tasks, batch_size=4, rows_per_adapter=2)
    for task in tasks:
        assert plain.per_task[task.id] == evaluate_task(base_model, task, task.test)


def test_a_task_without_examples_in_the_split_is_named(base_model):
    import pytest

    from hypernet.evaluate import evaluate_method

    empty = _words_task("t.empty", [], False)
    with pytest.raises(ValueError, match="t.empty has no examples"):
        evaluate_method("x", base_model, [empty])


def _task(task_id: str, family: str, heldout: tuple[str, ...]) -> Task:
    return Task(id=task_id, family=family, descriptions=("d",), heldout_descriptions=heldout,
                train=(), validation=(), test=(Example("a", "a"),))


def test_mismatched_partners_come_from_another_family_and_stay_the_same():
    import pytest

    from hypernet.evaluate import mismatched_partners

    tasks = [_task(f"{f}.{i}", f, ("x",)) for f in ("cipher", "dates", "lists") for i in range(3)]
    partners = mismatched_partners(tasks)
    assert set(partners) == {t.id for t in tasks}
    assert all(partners[t.id].family != t.family for t in tasks)
    assert partners == mismatched_partners(list(reversed(tasks)))  # by id, not by the order given
    assert len({p.id for p in partners.values()}) > 3  # spread over the tasks, not one for all
    one_family = [_task(f"lists.{i}", "lists", ("x",)) for i in range(3)]
    assert all(partner.id != task_id for task_id, partner in mismatched_partners(one_family).items())
    with pytest.raises(ValueError, match="at least two tasks"):
        mismatched_partners(one_family[:1])


def test_a_mismatched_row_generates_from_the_partner_s_descriptions_and_keeps_its_own_prompts(monkeypatch):
    import types

    import hypernet.evaluate
    from hypernet.evaluate import hypernet_row

    asked = []
    monkeypatch.setattr(hypernet.evaluate, "generate_adapters",
                        lambda hypernet, encoder, texts, targets, checkpoint_id="": asked.append(texts) or texts)
    own, other = _task("a.1", "a", ("own 1", "own 2", "own 3")), _task("b.1", "b", ("other 1", "other 2"))
    prompted = types.SimpleNamespace(config=types.SimpleNamespace(prompt_description=True))
    texts = lambda task: list(task.heldout_descriptions)  # noqa: E731
    row = hypernet_row(prompted, None, texts, {}, adapter_texts=lambda task: texts(other))
    assert row["adapters_for"](own) == ["other 1", "other 2", "other 1"]  # as many as the task's own, in turn
    assert row["prompts_for"](own) == ["own 1", "own 2", "own 3"]
    assert hypernet_row(prompted, None, texts, {})["adapters_for"](own) == ["own 1", "own 2", "own 3"]


def test_eval_mismatched_with_one_task_is_refused_before_the_model_loads(tmp_path: Path, capsys, monkeypatch):
    import pytest
    from cli_helpers import run_t2l

    import t2l.cli.train as train_cli

    monkeypatch.setattr(train_cli, "load_for_training", lambda *a, **k: pytest.fail("the model was loaded"))
    code, _, err = run_t2l(capsys, monkeypatch, "eval", "--tasks", "extraction.first_word", "--mismatched",
                           "--out", str(tmp_path / "EVAL.md"))
    assert code == 2 and "at least two tasks" in " ".join(err.split())
