"""The dispatcher with adapters of every method, on the real SmolLM2: rsLoRA's scaling in the slots
(QLoRA's LoRA weights there too, on the full-precision base), DoRA / prompt tuning through PEFT and bottleneck through hooks (answers equal the original
adapters' answers, the base model is left as it was), the methods setting, a soft prompt that
overflows the context, and the SDK (in-process and over HTTP)."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch
from dispatch_helpers import BASE
from method_helpers import make_method_adapter

from hypernet.adapter_files import AdapterFiles, read_adapter_dir
from hypernet.chat import complete
from library.dispatch import Dispatcher, InputError, UnsupportedMethodError
from library.errors import AdapterMethodError

pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)

DESCRIBED = {
    "rslora": "Answer every question like a pirate.",
    "qlora": "Translate the sentence into German.",
    "dora": "Rewrite the sentence in the passive voice.",
    "prompt-tuning": "Give the capital city of the named country.",
    "bottleneck": "Spell the given word backwards letter by letter.",
}
INPUT = "the quick brown fox"
NEW_TOKENS = 6


@pytest.fixture(scope="module")
def made(base_model, tmp_path_factory) -> dict[str, tuple[Path, str]]:
    """{method: (adapter directory, the original adapter's greedy answer to INPUT)}, made once."""
    from hypernet.bottleneck import attached

    root = tmp_path_factory.mktemp("smol-methods")
    out = {}
    for i, method in enumerate(DESCRIBED):
        directory, adapted = make_method_adapter(base_model.model, method, root / method, seed=i)
        if method == "bottleneck":
            with attached(adapted, adapted.bottleneck_adapters):
                answer = complete(adapted, base_model.tokenizer, [INPUT], max_new_tokens=NEW_TOKENS)[0]
        else:
            answer = complete(adapted, base_model.tokenizer, [INPUT], max_new_tokens=NEW_TOKENS)[0]
        out[method] = (directory, answer)
        del adapted
    return out


@pytest.fixture
def filed(catalog, made, smol_shapes) -> dict[str, int]:
    return {m: catalog.import_dir(made[m][0], [DESCRIBED[m]], base_model=BASE, shapes_loader=lambda _: smol_shapes)[0].id
            for m in DESCRIBED}


def make(catalog, base_model, encoder, **options) -> Dispatcher:
    return Dispatcher(catalog, base_model=BASE, loaded=base_model, encoder=encoder, num_slots=4, **options)


def test_rslora_in_the_slots_is_scaled_alpha_over_sqrt_r(catalog, filed, made, base_model, encoder):
    from peft import PeftModel

    dispatcher = make(catalog, base_model, encoder)
    got = dispatcher.dispatch(DESCRIBED["rslora"])
    assert (got.provenance.method, got.provenance.applied) == ("rslora", "slots")
    assert got.packed.scaling == pytest.approx(8 / 4**0.5)  # r=4, alpha=8: 4.0, where alpha/r would be 2.0
    batch = base_model.tokenizer([INPUT], return_tensors="pt")
    model = base_model.model
    with torch.inference_mode():
        base = model(**batch).logits
        with dispatcher.slots.applied(dispatcher.activate([got])):
            ours = model(**batch).logits
        peft_model = PeftModel.from_pretrained(model, str(made["rslora"][0]))
        try:
            theirs = peft_model(**batch).logits
        finally:
            peft_model.unload()
    effect, error = (theirs - base).abs().max(), (ours - theirs).abs().max()
    assert error < 1e-2 and effect > 50 * error  # the wrong scaling would be off by half the effect


def test_every_method_answers_as_its_original_adapter_in_one_batch(catalog, filed, made, base_model, encoder):
    dispatcher = make(catalog, base_model, encoder)
    before = complete(base_model.model, base_model.tokenizer, [INPUT], max_new_tokens=NEW_TOKENS)[0]
    requests = [(DESCRIBED[m], INPUT) for m in DESCRIBED] + [(DESCRIBED["dora"], INPUT)]
    answers = dispatcher.generate_batch(requests, max_new_tokens=NEW_TOKENS)
    for answer, method in zip(answers, [*DESCRIBED, "dora"]):
        p = answer.provenance
        assert (p.source, p.adapter_id, p.method) == ("retrieved", filed[method], method)
        assert p.applied == {"rslora": "slots", "qlora": "slots", "bottleneck": "hooks"}.get(method, "peft")
        if p.applied != "slots":  # the slots' arithmetic differs from PEFT's in round-off: see the test above
            assert answer.output == made[method][1], method
            assert answer.output != before, method  # the adapter really acted
    assert "a dora adapter applied through PEFT" in answers[2].provenance.summary()
    # the base model is as it was: no PEFT layers, no hooks, the same answer
    assert not any("lora" in name or "prompt" in name for name, _ in base_model.model.named_modules())
    assert complete(base_model.model, base_model.tokenizer, [INPUT], max_new_tokens=NEW_TOKENS)[0] == before
    assert isinstance(dispatcher.cached_adapter(answers[3].provenance.key), AdapterFiles)


def test_methods_setting_limits_retrieval_and_explicit_use_is_a_clear_error(catalog, filed, base_model, encoder):
    slots_only = make(catalog, base_model, encoder, methods=("lora", "rslora", "qlora"), allow_untrained=True)
    got = slots_only.dispatch(DESCRIBED["dora"])
    assert got.provenance.source == "generated" and got.provenance.adapter_id != filed["dora"]
    assert slots_only.dispatch(DESCRIBED["rslora"]).provenance.adapter_id == filed["rslora"]
    (hit,) = slots_only.search(DESCRIBED["dora"], k=1, peft_methods="dora")
    with pytest.raises(UnsupportedMethodError, match="is a dora adapter; this dispatcher applies only lora, rslora, qlora"):
        slots_only.retrieve(hit)
    every = make(catalog, base_model, encoder)
    bottleneck = every.dispatch(DESCRIBED["bottleneck"])
    with pytest.raises(UnsupportedMethodError, match="bottleneck adapter: it has no LoRA weights for the slots"):
        every.activate([bottleneck])


def test_soft_prompt_past_the_context_window_is_refused(catalog, filed, base_model, encoder, monkeypatch):
    from hypernet.chat import chat_prompts

    dispatcher = make(catalog, base_model, encoder)
    tokens = len(base_model.tokenizer(chat_prompts(base_model.tokenizer, [INPUT]), add_special_tokens=False)["input_ids"][0])
    # a context just long enough for the input and the answer, too short for 5 more virtual tokens
    monkeypatch.setattr(base_model.model.config, "max_position_embeddings", tokens + NEW_TOKENS + 2)
    assert dispatcher.generate(DESCRIBED["bottleneck"], INPUT, max_new_tokens=NEW_TOKENS).output
    with pytest.raises(InputError, match=f"is {tokens} tokens plus the 5 virtual tokens of its prompt-tuning adapter"):
        dispatcher.generate(DESCRIBED["prompt-tuning"], INPUT, max_new_tokens=NEW_TOKENS)


def test_sdk_searches_by_method_and_saves_each_format(catalog, filed, made, base_model, encoder, tmp_path):
    from fastapi.testclient import TestClient

    from library.sdk import LocalSkillLibrary, RemoteSkillLibrary
    from library.service import create_app

    local = LocalSkillLibrary(make(catalog, base_model, encoder))
    remote = RemoteSkillLibrary("http://testserver", client=TestClient(create_app(local)))
    for lib in (local, remote):
        found = lib.search("Say the word reversed.", k=4, peft_method=["bottleneck", "dora"])
        assert {r.id for r in found} == {filed["bottleneck"], filed["dora"]}
        assert {r.peft_method for r in found} == {"bottleneck", "dora"}
        for method in ("dora", "bottleneck"):
            adapter = lib.dispatch(DESCRIBED[method])
            assert adapter.provenance.method == method
            with pytest.raises(AdapterMethodError, match=f"{method} adapter, not LoRA weights"):
                adapter.lora
            saved = adapter.save_peft(tmp_path / type(lib).__name__ / method)
            assert (saved / "adapter_model.safetensors").read_bytes() == (
                made[method][0] / "adapter_model.safetensors").read_bytes()
            assert read_adapter_dir(saved).method == method
    response = remote._http.post("/v1/search", json={"text": "anything", "peft_method": ["ia3"]})
    assert response.status_code == 422 and "prompt-tuning" in response.json()["error"]["message"]


def test_a_dora_hypernetwork_synthesises_dora_adapters_served_and_filed_as_dora(catalog, base_model, encoder, tmp_path):
    """No catalog match: a DoRA checkpoint's adapter is served through PEFT (answers equal PEFT's
    on the exported adapter), put in the prompt as trained, and filed in the catalog as dora."""
    from peft import PeftModel

    from hypernet.checkpoint import load_checkpoint, save_checkpoint
    from hypernet.config import HypernetConfig
    from hypernet.model import base_row_norms, build_hypernet
    from hypernet.targets import discover_targets, select_targets
    from hypernet.train.data import user_message

    targets = select_targets(discover_targets(base_model.model), ["q_proj", "v_proj"])
    config = HypernetConfig.from_targets(targets, base_model=BASE, encoder="all-minilm-l6-v2", embedding_dim=384,
                                         latent_dim=16, head_hidden=16, use_dora=True,
                                         training={"prompt_description": True})
    hypernet = build_hypernet(config)
    hypernet.set_base_norms(base_row_norms(base_model.model, config))
    gen = torch.Generator().manual_seed(0)
    with torch.no_grad():
        for heads in (hypernet.heads, hypernet.magnitude_heads):
            for head in heads.values():
                head.weight.copy_(torch.randn(head.weight.shape, generator=gen) * 0.05)
    save_checkpoint(hypernet.eval(), tmp_path / "dora-ckpt")
    checkpoint = load_checkpoint(tmp_path / "dora-ckpt")
    dispatcher = make(catalog, base_model, encoder, checkpoint=checkpoint)

    description = "Rewrite the sentence in the passive voice."
    (answer,) = dispatcher.generate_batch([(description, INPUT)], max_new_tokens=NEW_TOKENS, store=True)
    p = answer.provenance
    assert (p.source, p.method, p.applied, p.stored) == ("generated", "dora", "peft", True)
    assert catalog.get(p.adapter_id).peft_method == "dora"

    exported = dispatcher.dispatch(description).adapter.save(tmp_path / "exported")  # retrieved now: the filed one
    peft_model = PeftModel.from_pretrained(base_model.model, str(exported))
    try:
        assert peft_model.peft_config["default"].use_dora
        want = complete(peft_model, base_model.tokenizer, [user_message(INPUT, description)], max_new_tokens=NEW_TOKENS)[0]
    finally:
        peft_model.unload()
    assert answer.output == want
    base = complete(base_model.model, base_model.tokenizer, [user_message(INPUT, description)], max_new_tokens=NEW_TOKENS)[0]
    assert base != want  # the adapter changes the answer, so the comparison above means something
    with pytest.raises(UnsupportedMethodError, match="dora"):  # a dispatcher limited to the slots refuses it
        make(catalog, base_model, encoder, checkpoint=checkpoint, methods=["lora", "rslora"]).generate_batch(
            [("Count the vowels in the word.", INPUT)], max_new_tokens=2)


def test_a_residual_hypernetwork_serves_its_fixed_block_with_the_learned_rows(catalog, base_model, encoder, tmp_path):
    """A checkpoint with a fixed adapter block (t2l train sft --residual-adapter) synthesises rank-16
    adapters; the dispatcher's slots answer as PEFT does with the adapter it files."""
    from peft import PeftModel

    from hypernet.checkpoint import load_checkpoint, save_checkpoint
    from hypernet.config import HypernetConfig
    from hypernet.model import build_hypernet, randomize_heads, set_fixed_adapter
    from hypernet.targets import discover_targets, select_targets

    targets = select_targets(discover_targets(base_model.model), ["q_proj", "v_proj"])
    config = HypernetConfig.from_targets(targets, base_model=BASE, encoder="all-minilm-l6-v2", embedding_dim=384,
                                         rank=16, fixed_rank=8, latent_dim=16, head_hidden=16)
    hypernet = build_hypernet(config)
    gen = torch.Generator().manual_seed(3)
    set_fixed_adapter(hypernet, {t.name: (torch.randn(t.num_layers, 8, t.in_features, generator=gen) * 0.05,
                                          torch.randn(t.num_layers, t.out_features, 8, generator=gen) * 0.05)
                                 for t in targets}, scaling=2.0)
    randomize_heads(hypernet, 0.05, seed=1)
    save_checkpoint(hypernet.eval(), tmp_path / "residual-ckpt")
    dispatcher = Dispatcher(catalog, base_model=BASE, loaded=base_model, encoder=encoder, num_slots=4,
                            checkpoint=load_checkpoint(tmp_path / "residual-ckpt"))

    description = "Rewrite the sentence in the passive voice."
    (answer,) = dispatcher.generate_batch([(description, INPUT)], max_new_tokens=NEW_TOKENS, store=True)
    assert (answer.provenance.source, answer.provenance.stored) == ("generated", True)
    assert catalog.get(answer.provenance.adapter_id).rank == 16
    exported = catalog.export(answer.provenance.adapter_id, tmp_path / "exported")
    peft_model = PeftModel.from_pretrained(base_model.model, str(exported))
    try:
        assert peft_model.peft_config["default"].r == 16
        want = complete(peft_model, base_model.tokenizer, [INPUT], max_new_tokens=NEW_TOKENS)[0]
    finally:
        peft_model.unload()
    assert answer.output == want
    assert complete(base_model.model, base_model.tokenizer, [INPUT], max_new_tokens=NEW_TOKENS)[0] != want
