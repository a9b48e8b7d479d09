from __future__ import annotations

import hashlib
import warnings
from pathlib import Path

import numpy as np
import pytest
import torch
from sqlalchemy import delete, func, select

from hypernet.peft_format import (
    adapter_to_bytes,
    directory_files,
    load_peft_adapter,
    read_directory_config,
    save_peft_adapter,
)
from library import adapters as ops
from library.adapters import NewAdapter
from library.catalog import open_catalog
from library.errors import AdapterNotFoundError, BlobIntegrityError, CatalogError, IncompatibleAdapterError
from library.models import Adapter, Description

BASE = "smollm2-135m-instruct"
TASKS = {
    "translate": ["Translate English sentences into French.", "Render the given English text in French."],
    "summarize": ["Summarize a news article in one sentence.", "Write a one-line summary of the article."],
    "reverse": ["Reverse the order of the words in the sentence.", "Output the words of the input backwards."],
    "sentiment": ["Classify the sentiment of a movie review as positive or negative."],
}


def _items(adapter_factory, **extra) -> list[NewAdapter]:
    return [
        NewAdapter(adapter=adapter_factory(seed), descriptions=texts, base_model=BASE, tags=[name, "demo"],
                   checkpoint_id=None, seed=seed, params={"task": name}, **extra)
        for seed, (name, texts) in enumerate(TASKS.items())
    ]


def _counts(catalog) -> tuple[int, int]:
    with catalog.begin() as session:
        return (session.scalar(select(func.count(Adapter.id))), session.scalar(select(func.count(Description.id))))


def test_bulk_add_is_idempotent_and_found_by_description(catalog, adapter_factory):
    rows = catalog.add(_items(adapter_factory))
    assert [r.params["task"] for r in rows] == list(TASKS)
    assert _counts(catalog) == (4, 7) and catalog.index.ntotal == 7
    first = rows[0]
    assert first.tag_names == ["demo", "translate"] and first.base_model.name == BASE and first.status == "ready"
    weights = adapter_to_bytes(adapter_factory(0))[1]
    assert first.content_hash == hashlib.sha256(weights).hexdigest() and first.size_bytes == len(weights)
    assert catalog.store.get(first.content_hash) == weights

    again = catalog.add(_items(adapter_factory))  # a retried job: same rows, nothing new
    assert [r.id for r in again] == [r.id for r in rows]
    assert _counts(catalog) == (4, 7) and catalog.index.ntotal == 7

    hits = catalog.search("turn this English paragraph into French", k=2)
    assert hits[0].adapter.id == first.id and hits[0].score > hits[1].score
    assert hits[0].matched_description in TASKS["translate"]
    assert catalog.search("say the words of this line in reverse order", k=1)[0].adapter.params["task"] == "reverse"
    pooled = catalog.search("turn this English paragraph into French", k=4, ranking="pooled")
    assert pooled[0].adapter.id == first.id and len(pooled) == 4
    assert [h.score for h in pooled] == sorted((h.score for h in pooled), reverse=True)


def test_duplicate_keys_in_one_batch_are_filed_once(catalog, adapter_factory):
    item = _items(adapter_factory)[0]
    rows = catalog.add([item, item])
    assert rows[0].id == rows[1].id and _counts(catalog) == (1, 2)


def test_filters_restrict_results(catalog, adapter_factory, monkeypatch):
    rng = np.random.default_rng(0)
    query = rng.standard_normal(384).astype(np.float32)
    query /= np.linalg.norm(query)

    def item(seed: int, namespace: str, tags: list[str], similarity: float) -> NewAdapter:
        noise = rng.standard_normal(384).astype(np.float32)
        noise -= (noise @ query) * query
        vector = similarity * query + np.sqrt(1 - similarity**2) * noise / np.linalg.norm(noise)
        return NewAdapter(adapter=adapter_factory(seed, layers=1), descriptions=[f"adapter {seed}"], base_model=BASE,
                          namespace=namespace, tags=tags, embeddings=vector[None, :])

    items = [item(i, "big", ["common"], 0.9 - i * 0.01) for i in range(30)]
    items.append(item(99, "small", ["rare"], 0.1))  # far from the query, alone in its namespace
    items.append(item(98, "big", ["other-model"], 0.95))
    catalog.add(items[:-1])
    other = items[-1]
    other.base_model = "some-other-model"
    catalog.add([other])
    hits = catalog.search(query, k=3)
    assert [h.adapter.description for h in hits] == ["adapter 98", "adapter 0", "adapter 1"]
    hits = catalog.search(query, k=3, base_model=BASE)
    assert [h.adapter.description for h in hits] == ["adapter 0", "adapter 1", "adapter 2"]
    for exact_limit in (50_000, 0):  # selective filters: exact over the allowed subset; else a wider fetch
        monkeypatch.setattr("library.lookup._EXACT_LIMIT", exact_limit)
        (small,) = catalog.search(query, k=3, namespace="small")
        assert small.adapter.description == "adapter 99" and small.score == pytest.approx(0.1, abs=1e-4)
        assert [h.adapter.description for h in catalog.search(query, k=5, tags=["rare"])] == ["adapter 99"]
        assert catalog.search(query, k=5, tags=["rare", "common"]) == []
    with catalog.begin() as session:
        assert len(ops.list_adapters(session, namespace="big", tags=["common"], base_model=BASE)) == 30


def test_export_writes_a_peft_directory_that_peft_loads(catalog, adapter_factory, tmp_path: Path, base_model):
    import copy

    from peft import PeftModel

    original = adapter_factory(0, layers=30)  # every layer: PEFT expects all layers of target_modules
    (row,) = catalog.add([NewAdapter(adapter=original, descriptions=["Spell words backwards."], base_model=BASE)])
    out = catalog.export(row.id, tmp_path / "exported")
    # PEFT's two files, t2l's provenance beside them; joined, the config the catalog keeps
    assert {p.name: p.read_bytes() for p in out.iterdir()} == directory_files(*adapter_to_bytes(original))
    assert sorted(p.name for p in out.iterdir()) == ["adapter_config.json", "adapter_model.safetensors", "t2l.json"]
    assert read_directory_config(out) == adapter_to_bytes(original)[0]
    loaded = load_peft_adapter(out)
    assert loaded.metadata == original.metadata
    for path, (a, b) in original.weights.items():
        assert torch.equal(loaded.weights[path][0], a) and torch.equal(loaded.weights[path][1], b)
    with warnings.catch_warnings(record=True) as caught:  # a config PEFT knows whole: no "upgrade PEFT" warning
        warnings.simplefilter("always")
        model = PeftModel.from_pretrained(copy.deepcopy(base_model.model), str(out))
    assert not [w for w in caught if "Unexpected keyword arguments" in str(w.message)]
    assert model.peft_config["default"].r == 2
    layer = model.base_model.model.model.layers[3].self_attn.q_proj
    assert torch.equal(layer.lora_A["default"].weight, original.weights["model.layers.3.self_attn.q_proj"][0])
    with pytest.raises(CatalogError, match="not empty"):
        catalog.export(row.id, tmp_path / "exported")


def test_import_checks_shapes_and_is_idempotent(catalog, adapter_factory, smol_shapes, tmp_path: Path):
    directory = save_peft_adapter(adapter_factory(7), tmp_path / "hand-trained")
    calls: list[str] = []

    def shapes_loader(name: str):
        calls.append(name)
        return smol_shapes

    first, created = catalog.import_dir(directory, ["Answer trivia questions."], base_model=BASE, tags=["hand"],
                                        shapes_loader=shapes_loader)
    assert created and first.method == "import" and calls == [BASE]
    again, created = catalog.import_dir(directory, ["Answer quiz questions."], base_model=BASE, shapes_loader=shapes_loader)
    assert not created and again.id == first.id and calls == [BASE]  # shapes were cached in base_models
    with catalog.begin() as session:
        assert [d.text for d in ops.get_adapter(session, first.id).descriptions] == [
            "Answer trivia questions.", "Answer quiz questions."]
    # an adapter for another model (hidden size 64) is refused with the reason, nothing filed
    foreign = save_peft_adapter(adapter_factory(8, hidden=64, kv=32), tmp_path / "foreign")
    with pytest.raises(IncompatibleAdapterError, match="another base model"):
        catalog.import_dir(foreign, ["Something else."], base_model=BASE)
    assert _counts(catalog) == (1, 2)


def test_failing_bulk_insert_leaves_earlier_rows_blobs_and_index_intact(catalog, adapter_factory, smol_shapes,
                                                                         monkeypatch):
    with catalog.begin() as session:
        ops.ensure_base_model(session, BASE, smol_shapes)
    earlier = catalog.add(_items(adapter_factory)[:2])
    before_index = catalog.index.fingerprint()
    wrong = NewAdapter(adapter=adapter_factory(50, hidden=64, kv=32), descriptions=["Broken one."], base_model=BASE)
    later = _items(adapter_factory)[2:]
    with pytest.raises(IncompatibleAdapterError, match="item 2"):
        catalog.add(later + [wrong])
    # a failure inside the INSERTs (after the adapter rows went in) rolls the whole batch back
    def broken(*args, **kwargs):
        raise RuntimeError("connection lost mid-batch")

    monkeypatch.setattr(ops, "_insert_descriptions", broken)
    with pytest.raises(RuntimeError, match="mid-batch"):
        catalog.add(later)
    monkeypatch.undo()
    assert _counts(catalog) == (2, 4)
    assert catalog.index.fingerprint() == before_index
    for row in earlier:
        catalog.load(row.id)  # blob present and hash-verified
    assert catalog.search("Translate English sentences into French.", k=1)[0].adapter.id == earlier[0].id
    catalog.add(later)  # the same batch, fixed, goes in whole
    assert _counts(catalog) == (4, 7) and catalog.index.ntotal == 7


def test_unknown_ids_and_damaged_blobs_are_clear_errors(catalog, adapter_factory, tmp_path: Path):
    with pytest.raises(AdapterNotFoundError, match="no adapter with id 12345"):
        catalog.get(12345)
    (row,) = catalog.add(_items(adapter_factory)[:1])
    path = Path(catalog.store.path(row.content_hash))
    path.write_bytes(path.read_bytes()[:100])
    with pytest.raises(BlobIntegrityError, match="damaged"):
        catalog.load(row.id)
    with pytest.raises(BlobIntegrityError):
        catalog.export(row.id, tmp_path / "never")
    assert not (tmp_path / "never").exists()
    with pytest.raises(CatalogError, match="non-empty description"):
        catalog.add([NewAdapter(adapter=adapter_factory(1), descriptions=[" "], base_model=BASE)])


def test_index_that_disagrees_with_the_database_is_detected_and_rebuilt(settings, embed, adapter_factory):
    with open_catalog(settings, embed=embed) as catalog:
        rows = catalog.add(_items(adapter_factory))
        assert catalog.messages == []
    # another process files adapters without an index (a worker): the next open catches up
    with open_catalog(settings, embed=embed) as worker, worker.begin() as session:
        extra = NewAdapter(adapter=adapter_factory(20), descriptions=["Count the vowels in a word."], base_model=BASE)
        ops.add_adapters(session, worker.store, None, [extra], embed=embed)
    with open_catalog(settings, embed=embed) as catalog:
        assert catalog.index.ntotal == 8
        assert any("behind the database by 1" in m for m in catalog.messages)
        # rows deleted behind the index's back: reported and rebuilt from stored embeddings
        with catalog.begin() as session:
            session.execute(delete(Adapter).where(Adapter.id == rows[0].id))
    with open_catalog(settings, embed=embed) as catalog:
        assert catalog.index.ntotal == 6
        assert any("disagrees with the database" in m and "rebuilt" in m for m in catalog.messages)
        assert all(h.adapter.id != rows[0].id for h in catalog.search("Translate English into French.", k=5))
        path = catalog.index.path
    path.write_bytes(b"not a faiss index")
    with open_catalog(settings, embed=embed) as catalog:
        assert catalog.index.ntotal == 6 and any("unreadable" in m for m in catalog.messages)
        assert catalog.reindex().ntotal == 6


def test_refresh_sees_adapters_other_processes_committed(settings, embed, adapter_factory):
    with open_catalog(settings, embed=embed) as dispatcher, open_catalog(settings, embed=embed) as worker:
        dispatcher.add(_items(adapter_factory)[:1])
        assert dispatcher.index.ntotal == 2
        with worker.begin() as session:
            ops.add_adapters(session, worker.store, None, _items(adapter_factory)[3:], embed=embed)
        assert dispatcher.refresh() == 1
        assert dispatcher.search("Is this film review positive?", k=1)[0].adapter.params["task"] == "sentiment"


def test_rolled_back_transaction_never_reaches_the_index(catalog, adapter_factory):
    with pytest.raises(ZeroDivisionError):
        with catalog.begin() as session:
            ops.add_adapters(session, catalog.store, catalog.index, _items(adapter_factory)[:2], embed=catalog.embed)
            1 / 0
    assert catalog.index.ntotal == 0 and _counts(catalog) == (0, 0)
    catalog.add(_items(adapter_factory)[2:])  # a later commit in a new session adds only its own rows
    assert catalog.index.ntotal == 3


def test_embeddings_of_another_dimension_are_refused(catalog, adapter_factory):
    catalog.add(_items(adapter_factory)[:1])
    odd = NewAdapter(adapter=adapter_factory(3), descriptions=["x"], base_model=BASE, embeddings=np.ones((1, 8)))
    with pytest.raises(CatalogError, match="dimension 8"):
        catalog.add([odd])
