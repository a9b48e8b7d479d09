"""The dispatcher on the real SmolLM2 and MiniLM: retrieval vs synthesis, provenance, thresholds,
slots (parity with PEFT, mixed batches, LRU), damaged blobs and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch
from dispatch_helpers import BASE, TASKS, random_adapter, save_small_checkpoint

from hypernet.generate import DescriptionError
from library.adapters import NewAdapter
from library.dispatch import Dispatcher, InputError, NoHypernetworkError

SQLITE_ONLY = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


@pytest.fixture(scope="module")
def checkpoint(base_model, tmp_path_factory):
    from hypernet.checkpoint import load_checkpoint

    return load_checkpoint(save_small_checkpoint(base_model.model, tmp_path_factory.mktemp("ckpt") / "small"))


def fill(catalog, model, layers: int | None = 4) -> dict[str, int]:
    """One strong random adapter per task in TASKS (on the first ``layers`` blocks); {task: catalog id}."""
    items = [NewAdapter(adapter=random_adapter(model, seed, layers=layers), descriptions=texts, base_model=BASE, tags=[name])
             for seed, (name, texts) in enumerate(TASKS.items())]
    return {name: row.id for name, row in zip(TASKS, catalog.add(items))}


def make(catalog, base_model, encoder, **options) -> Dispatcher:
    return Dispatcher(catalog, base_model=BASE, loaded=base_model, encoder=encoder, num_slots=4, **options)


def test_retrieves_a_match_and_generates_otherwise(catalog, base_model, encoder, checkpoint):
    ids = fill(catalog, base_model.model, layers=None)
    dispatcher = make(catalog, base_model, encoder, checkpoint=checkpoint)
    got = dispatcher.dispatch("Turn this English paragraph into French.")
    p = got.provenance
    assert (p.source, p.adapter_id) == ("retrieved", ids["translate"])
    assert p.score >= p.threshold == dispatcher.threshold and p.matched_description in TASKS["translate"]
    assert got.adapter.num_parameters() == 8 * (576 + 576 + 576 + 192) * 30  # the stored adapter, not padded

    made = dispatcher.dispatch("Count the vowels in each word of a list of Hungarian place names.")
    assert made.provenance.source == "generated" and made.provenance.checkpoint == checkpoint.id
    assert made.provenance.adapter_id is None and made.provenance.score < made.provenance.threshold
    assert made.adapter.metadata["description"].startswith("Count the vowels")

    # per-call threshold: everything matches at -1, nothing at 1
    assert dispatcher.dispatch("Count the vowels in a word.", threshold=-1.0).provenance.source == "retrieved"
    assert dispatcher.dispatch("Turn this English paragraph into French.", threshold=1.0).provenance.source == "generated"


@SQLITE_ONLY
def test_no_hypernetwork_is_a_clear_error_unless_untrained_is_allowed(catalog, base_model, encoder):
    fill(catalog, base_model.model)
    dispatcher = make(catalog, base_model, encoder)
    with pytest.raises(NoHypernetworkError, match="below the threshold.*no hypernetwork checkpoint"):
        dispatcher.dispatch("Count the vowels in a word.")
    assert dispatcher.dispatch("Translate English sentences into French.").provenance.source == "retrieved"

    untrained = make(catalog, base_model, encoder, allow_untrained=True).dispatch("Count the vowels in a word.")
    assert untrained.provenance.checkpoint.startswith("untrained-")
    assert all(float(b.abs().max()) == 0.0 for _, b in untrained.adapter.weights.values())  # ΔW = 0


def test_store_files_the_generated_adapter_and_later_retrieves_it(catalog, base_model, encoder, checkpoint):
    dispatcher = make(catalog, base_model, encoder, checkpoint=checkpoint)
    text = "List the prime factors of a number."
    first = dispatcher.dispatch(text, store=True)
    assert first.provenance.stored and first.provenance.adapter_id is not None
    again = dispatcher.dispatch(text)
    assert again.provenance.source == "retrieved" and again.provenance.adapter_id == first.provenance.adapter_id
    assert again.provenance.score == pytest.approx(1.0, abs=1e-4)
    row = catalog.get(first.provenance.adapter_id)
    assert row.method == "t2l" and row.description == text
    for path, (a, b) in first.adapter.weights.items():
        a2, b2 = again.adapter.weights[path]
        assert torch.equal(a, a2) and torch.equal(b, b2)


def test_damaged_blob_falls_back_to_synthesis_and_says_why(catalog, base_model, encoder, checkpoint):
    ids = fill(catalog, base_model.model)
    row = catalog.get(ids["reverse"])
    blob = Path(catalog.store.path(row.content_hash))
    blob.write_bytes(blob.read_bytes()[:1000])  # truncated on disk
    got = make(catalog, base_model, encoder, checkpoint=checkpoint).dispatch("Reverse the order of the words in the sentence.")
    assert got.provenance.source == "generated"
    assert f"catalog adapter #{ids['reverse']} matched" in got.provenance.fallback and "damaged" in got.provenance.fallback
    with pytest.raises(NoHypernetworkError, match="damaged"):
        make(catalog, base_model, encoder).dispatch("Reverse the order of the words in the sentence.")


@SQLITE_ONLY
def test_slots_match_peft_and_mixed_batches_match_single_runs(catalog, base_model, encoder, tmp_path):
    from peft import PeftModel

    ids = fill(catalog, base_model.model)
    dispatcher = make(catalog, base_model, encoder)
    chosen = dispatcher.dispatch_many([TASKS[t][0] for t in ("translate", "reverse", "sentiment")])
    assert [c.provenance.adapter_id for c in chosen] == [ids[t] for t in ("translate", "reverse", "sentiment")]
    slots = dispatcher.activate(chosen)
    model, tok = base_model.model, base_model.tokenizer
    batch = tok(["the cat sat on the mat", "one two three four five", "what a wonderful film"],
                return_tensors="pt", padding=True)
    with torch.inference_mode():
        with dispatcher.slots.applied(slots):
            mixed = model(**batch).logits
        alone = []
        for i, slot in enumerate(slots):
            with dispatcher.slots.applied([slot]):
                alone.append(model(**{k: v[i : i + 1] for k, v in batch.items()}).logits)
        base = model(**batch).logits
    for i in range(3):
        # padded batch vs single row: different GEMM shapes, float32 round-off on logits: up to ~5e-4
        # on one machine, 2.0e-3 on a few of 294,912 logits on another (adapter effect > 1e-2)
        torch.testing.assert_close(mixed[i : i + 1], alone[i], atol=3e-3, rtol=1e-4)
    assert (mixed - base).abs().max() > 1e-2  # the adapters do change the output

    catalog.export(ids["reverse"], tmp_path / "reverse")
    peft_model = PeftModel.from_pretrained(model, str(tmp_path / "reverse"))
    try:
        with torch.inference_mode():
            theirs = peft_model(**{k: v[1:2] for k, v in batch.items()}).logits
    finally:
        peft_model.unload()
    # PEFT adds B(A x) in its own order: float32 round-off up to ~5e-4 on logits (adapter effect > 1e-2)
    torch.testing.assert_close(alone[1], theirs, atol=1e-3, rtol=1e-4)


@SQLITE_ONLY
def test_slot_lru_and_host_cache(catalog, base_model, encoder):
    fill(catalog, base_model.model)
    dispatcher = make(catalog, base_model, encoder)  # 4 slots
    more = [NewAdapter(adapter=random_adapter(base_model.model, 10 + i, layers=1), descriptions=[f"skill number {i} of many"],
                       base_model=BASE) for i in range(4)]
    catalog.add(more)
    picks = dispatcher.dispatch_many([f"skill number {i} of many" for i in range(4)], threshold=0.9)
    first = dispatcher.activate(picks)
    assert sorted(first) == [0, 1, 2, 3] and dispatcher.slots.loads == 4
    assert dispatcher.activate(picks[:2]) == first[:2] and dispatcher.slots.loads == 4  # resident: no copy
    newcomer = dispatcher.dispatch("Translate English sentences into French.")
    (slot,) = dispatcher.activate([newcomer])
    assert slot == first[2]  # least recently used was picks[2]
    assert dispatcher.cache.hits == 0 and dispatcher.dispatch("skill number 2 of many", threshold=0.9)
    assert dispatcher.cache.hits == 1  # found in the host tier, not reloaded from the store
    with pytest.raises(RuntimeError, match="all 4 slots"):
        dispatcher.slots.load(dispatcher.dispatch("skill number 2 of many", threshold=0.9).packed, keep=range(4))


@SQLITE_ONLY
def test_generate_batch_mixes_adapters_in_one_call(catalog, base_model, encoder, checkpoint):
    ids = fill(catalog, base_model.model)
    dispatcher = make(catalog, base_model, encoder, checkpoint=checkpoint)
    requests = [(TASKS["translate"][0], "Good morning."), ("Count the vowels in a word.", "banana"),
                (TASKS["translate"][0], "Thank you."), (TASKS["reverse"][0], "the cat sat")]
    out = dispatcher.generate_batch(requests, max_new_tokens=3)
    assert [g.input for g in out] == [r[1] for r in requests] and all(isinstance(g.output, str) for g in out)
    assert [g.provenance.source for g in out] == ["retrieved", "generated", "retrieved", "retrieved"]
    assert out[0].provenance.adapter_id == out[2].provenance.adapter_id == ids["translate"]
    single = dispatcher.generate(TASKS["reverse"][0], "the cat sat", max_new_tokens=3)
    assert single.output == out[3].output


@SQLITE_ONLY
def test_bad_input_is_refused_clearly(catalog, base_model, encoder):
    dispatcher = make(catalog, base_model, encoder)
    for bad, message in (("", "empty"), ("   ", "empty"), ("x" * 5000, "characters"), (123, "not text"),
                         ("word " * 400, "tokens")):
        with pytest.raises(DescriptionError, match=message):
            dispatcher.dispatch(bad)  # type: ignore[arg-type]
    for threshold in (2.0, float("nan"), "high", True):
        with pytest.raises(InputError, match="threshold"):
            dispatcher.dispatch("Translate to French.", threshold=threshold)  # type: ignore[arg-type]
    for requests, message in (([], "non-empty list"), ("abc", "non-empty list"), ([("a",)], "pair"),
                              ([("Translate to French.", "")], "empty"), ([("Translate to French.", 5)], "not text"),
                              ([("Translate to French.", "y" * 20_000)], "characters")):
        with pytest.raises(InputError, match=message):
            dispatcher.generate_batch(requests)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="max_new_tokens"):
        dispatcher.generate("Translate to French.", "hello", max_new_tokens=0)
