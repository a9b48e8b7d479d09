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
