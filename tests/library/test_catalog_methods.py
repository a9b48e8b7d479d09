"""Adapters of every method in the catalog: import (checked against the base model), method
filters, and export in each method's own format, loaded back by PEFT / hypernet.bottleneck.

On a 2-layer Llama (width 32) registered as its own base model, so every case runs in well
under a second."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
import torch
from method_helpers import METHODS, make_method_adapter, tiny_llama
from sqlalchemy import func, select

from hypernet.adapter_files import AdapterFiles, read_adapter_dir
from hypernet.peft_format import AdapterFormatError, LoraAdapter
from library import adapters as ops
from library.errors import AdapterMethodError, CatalogError, IncompatibleAdapterError
from library.models import Adapter

TINY = "tiny-llama"
BASE = "smollm2-135m-instruct"
PEFT_TYPE = {"prompt-tuning": "PROMPT_TUNING", "bottleneck": "BOTTLENECK"}


@pytest.fixture(scope="module")
def tiny() -> torch.nn.Module:
    return tiny_llama()


@pytest.fixture(scope="module")
def made(tiny, tmp_path_factory) -> dict[str, tuple[Path, torch.nn.Module]]:
    """One adapter directory per method (and the model carrying it), made once for the module."""
    root = tmp_path_factory.mktemp("methods")
    return {m: make_method_adapter(tiny, m, root / m, seed=i) for i, m in enumerate(METHODS)}


@pytest.fixture
def tiny_catalog(catalog, tiny):
    from hypernet.peft_format import module_shapes

    with catalog.begin() as session:
        ops.ensure_base_model(session, TINY, module_shapes(tiny))
    return catalog


def _outputs(model: torch.nn.Module, method: str) -> torch.Tensor:
    ids = torch.tensor([[1, 5, 9, 13, 2, 7]])
    with torch.no_grad():
        if method == "bottleneck":
            from hypernet.bottleneck import attached

            with attached(model, model.bottleneck_adapters):
                return model(input_ids=ids).logits
        return model(input_ids=ids).logits


def _loaded_back(tiny: torch.nn.Module, method: str, directory: Path) -> torch.nn.Module:
    """The exported directory loaded by the library whose format it is."""
    fresh = copy.deepcopy(tiny)
    if method == "bottleneck":
        from hypernet.bottleneck import load_bottleneck

        fresh.bottleneck_adapters = load_bottleneck(directory, fresh)
        return fresh
    from peft import PeftModel

    return PeftModel.from_pretrained(fresh, str(directory)).eval()


@pytest.mark.parametrize("method", METHODS)
def test_each_method_is_filed_and_exported_in_its_own_format(tiny_catalog, tiny, made, method, tmp_path):
    directory, adapted = made[method]
    row, created = tiny_catalog.import_dir(directory, [f"A {method} adapter for demos."], base_model=TINY)
    assert created and row.peft_method == method and row.peft_type == PEFT_TYPE.get(method, "LORA")
    assert row.rank == (0 if method in ("prompt-tuning", "bottleneck") else 4)

    out = tiny_catalog.export(row.id, tmp_path / "exported")
    config = json.loads((out / "adapter_config.json").read_text())
    original = json.loads((directory / "adapter_config.json").read_text())
    if method in ("dora", "prompt-tuning", "bottleneck"):  # stored as read: the same bytes, the same config
        assert (out / "adapter_model.safetensors").read_bytes() == (directory / "adapter_model.safetensors").read_bytes()
        assert config == original
    else:  # LoRA is re-serialised by hypernet.peft_format: same meaning, our canonical bytes
        assert {k: config[k] for k in ("peft_type", "r", "lora_alpha", "use_rslora")} == {
            k: original[k] for k in ("peft_type", "r", "lora_alpha", "use_rslora")}
    # what PEFT (or hypernet.bottleneck) loads from the export computes what the original did
    torch.testing.assert_close(_outputs(_loaded_back(tiny, method, out), method), _outputs(adapted, method),
                               rtol=0, atol=1e-6)
    # the adapter acts (a soft prompt's logits also cover its virtual tokens: compare the input's)
    assert not torch.allclose(_outputs(adapted, method)[:, -6:], _outputs(tiny, "lora"), atol=1e-3)

    again = read_adapter_dir(out, method=method)  # an export re-imports as the same method
    assert isinstance(again, LoraAdapter if method in ("lora", "rslora", "qlora") else AdapterFiles)
    again_row, created = tiny_catalog.import_dir(out, [f"The {method} adapter again."], base_model=TINY)
    assert not created and again_row.id == row.id


def test_lora_weights_only_for_lora_methods(tiny_catalog, made):
    ids = {m: tiny_catalog.import_dir(made[m][0], [f"{m} adapter"], base_model=TINY)[0].id for m in ("rslora", "dora")}
    rslora = tiny_catalog.load(ids["rslora"])
    assert rslora.use_rslora and rslora.scaling == pytest.approx(8 / 2)  # alpha / sqrt(r), not alpha / r
    with pytest.raises(AdapterMethodError, match="is a dora adapter, not plain LoRA"):
        tiny_catalog.load(ids["dora"])
    files = tiny_catalog.read(ids["dora"])
    assert isinstance(files, AdapterFiles) and files.method == "dora" and files.rank == 4


@pytest.mark.parametrize("exact_limit", [50_000, 0])
def test_search_and_list_filter_by_method(tiny_catalog, made, monkeypatch, exact_limit):
    monkeypatch.setattr("library.lookup._EXACT_LIMIT", exact_limit)  # exact subset search, or a wider fetch
    ids = {}
    for m in METHODS:
        row, _ = tiny_catalog.import_dir(made[m][0], [f"Translate English to French ({m})."], base_model=TINY,
                                         tags=["fr"])
        ids[m] = row.id
    query = "Translate English into French."
    assert {h.adapter.id for h in tiny_catalog.search(query, k=10)} == set(ids.values())
    for wanted in (("dora",), ("lora", "rslora"), ("prompt-tuning", "bottleneck")):
        for tags in ((), ("fr",)):  # with a tag the exact search takes another SQL path
            hits = tiny_catalog.search(query, k=10, peft_methods=wanted, tags=tags)
            assert sorted(h.adapter.id for h in hits) == sorted(ids[m] for m in wanted)
            assert {h.to_dict()["peft_method"] for h in hits} == set(wanted)
    with tiny_catalog.begin() as session:
        assert [a.id for a in ops.list_adapters(session, peft_methods=["qlora"])] == [ids["qlora"]]
    with pytest.raises(CatalogError, match="unknown adapter method 'ia3'"):
        tiny_catalog.search(query, peft_methods="ia3")


def test_adapters_for_another_model_are_refused_and_nothing_is_filed(tiny_catalog, tmp_path):
    other = tiny_llama(hidden=48)
    for i, method in enumerate(METHODS):
        directory, _ = make_method_adapter(other, method, tmp_path / method, seed=i)
        with pytest.raises(IncompatibleAdapterError, match="another base model"):
            tiny_catalog.import_dir(directory, ["Wrong model."], base_model=TINY)
    with tiny_catalog.begin() as session:
        assert session.scalar(select(func.count(Adapter.id))) == 0
    store = Path(tiny_catalog.store.path("0" * 64)).parents[2]
    assert not store.exists() or not any(p.is_file() for p in store.rglob("*"))  # no blob written either


def test_damaged_or_mislabelled_directories_are_clear_errors(tiny_catalog, made, tmp_path):
    import shutil

    def broken(name: str, method: str, edit) -> Path:  # noqa: ANN001
        target = tmp_path / name
        shutil.copytree(made[method][0], target)
        config = json.loads((target / "adapter_config.json").read_text())
        edit(config)
        (target / "adapter_config.json").write_text(json.dumps(config))
        return target

    cases = [
        (broken("ia3", "lora", lambda c: c.update(peft_type="IA3")), None, "peft_type is 'IA3'"),
        (broken("tokens", "prompt-tuning", lambda c: c.update(num_virtual_tokens=7)), None, "the config says \\[7, 32\\]"),
        (broken("reduction", "bottleneck", lambda c: c.update(reduction_factor=2)), None, "reduction_factor 2"),
        (made["dora"][0], "lora", "declared as a lora adapter, but its files hold a dora adapter"),
        (made["prompt-tuning"][0], "qlora", "declared as a qlora adapter"),
    ]
    for directory, method, message in cases:
        with pytest.raises(AdapterFormatError, match=message):
            tiny_catalog.import_dir(directory, ["Broken."], base_model=TINY, method=method)
    # the same weights cannot be filed twice under different methods
    tiny_catalog.import_dir(made["lora"][0], ["Plain LoRA."], base_model=TINY)
    with pytest.raises(CatalogError, match="already filed as adapter 1, a lora adapter"):
        tiny_catalog.import_dir(made["lora"][0], ["Now QLoRA?"], base_model=TINY, method="qlora")


def test_qlora_is_recognised_from_metrics_or_declared(tiny_catalog, made, tmp_path):
    import shutil

    row, _ = tiny_catalog.import_dir(made["qlora"][0], ["QLoRA from its metrics.json."], base_model=TINY)
    assert row.peft_method == "qlora" and row.peft_config["t2l"]["peft_method"] == "qlora"
    bare = tmp_path / "bare"
    shutil.copytree(made["lora"][0], bare)  # the same kind of files, no metrics.json: LoRA unless declared
    (bare / "adapter_model.safetensors").write_bytes((made["rslora"][0] / "adapter_model.safetensors").read_bytes())
    (bare / "adapter_config.json").write_text((made["rslora"][0] / "adapter_config.json").read_text())
    declared, _ = tiny_catalog.import_dir(bare, ["Declared QLoRA (rsLoRA scaling)."], base_model=TINY, method="qlora")
    assert declared.peft_method == "qlora" and declared.use_rslora
    assert tiny_catalog.load(declared.id).scaling == pytest.approx(4.0)


def test_method_names_match_the_training_recipes():
    from hypernet.adapter_files import METHODS as STORED
    from hypernet.train.methods import METHODS as TRAINED

    assert STORED == TRAINED == METHODS


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_what_train_oracle_writes_is_filed_as_its_method(catalog, base_model, smol_shapes, tmp_path):
    """Real ``t2l train oracle --method M`` output (2 steps on SmolLM2), imported as it lies on disk."""
    from hypernet.tasks import Example, Task
    from hypernet.train.methods import MethodSettings, train_method_oracles
    from hypernet.train.peft_lora import LoraTrainConfig

    words = ["apple", "river", "stone", "cloud", "tiger", "music"]
    pairs = [Example(f"{a} {b}", a) for a in words for b in words if a != b]
    task = Task(id="t.first", family="extraction", descriptions=("Return only the first word.",),
                heldout_descriptions=("Give the first word.",), train=tuple(pairs[:20]), validation=tuple(pairs[20:21]),
                test=tuple(pairs[21:22]))
    config = LoraTrainConfig(steps=2, batch_size=2, lr=1e-2, checkpoint_every=5, rank=4)
    for method in ("lora", "rslora", "dora", "prompt-tuning", "bottleneck"):
        out = tmp_path / method
        train_method_oracles(base_model, [task], out, config, MethodSettings(method, virtual_tokens=4, reduction_factor=64))
        row, created = catalog.import_dir(out / task.id, [f"Return only the first word ({method})."], base_model=BASE,
                                          shapes_loader=lambda _: smol_shapes)
        assert created and row.peft_method == method
        exported = catalog.export(row.id, tmp_path / f"{method}-export")
        if method in ("dora", "prompt-tuning", "bottleneck"):
            assert (exported / "adapter_model.safetensors").read_bytes() == (
                out / task.id / "adapter_model.safetensors").read_bytes()
