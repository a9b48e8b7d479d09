"""The HTTP service: endpoints, archives, the OpenAPI schema, and that bad input gets a clear JSON
error while the service keeps serving."""

from __future__ import annotations

import io
import json
import tarfile
import zipfile
from pathlib import Path

import pytest
from dispatch_helpers import BASE, TASKS, random_adapter, save_small_checkpoint
from fastapi.testclient import TestClient

from library.adapters import NewAdapter
from library.dispatch import Dispatcher
from library.sdk import LocalSkillLibrary
from library.service import create_app


@pytest.fixture(scope="module")
def checkpoint_dir(base_model, tmp_path_factory) -> Path:
    """A saved small hypernetwork checkpoint whose adapters are not zero."""
    return save_small_checkpoint(base_model.model, tmp_path_factory.mktemp("ckpt") / "small")


@pytest.fixture
def served(catalog, base_model, encoder):
    rows = catalog.add([NewAdapter(adapter=random_adapter(base_model.model, seed, layers=2), descriptions=texts,
                                   base_model=BASE, tags=[name]) for seed, (name, texts) in enumerate(TASKS.items())])
    library = LocalSkillLibrary(Dispatcher(catalog, base_model=BASE, loaded=base_model, encoder=encoder, num_slots=4))
    client = TestClient(create_app(library, max_body_bytes=64_000), raise_server_exceptions=False)
    return client, {name: row.id for name, row in zip(TASKS, rows)}, library


def error_of(response, status: int) -> dict:
    assert response.status_code == status, response.text
    body = response.json()["error"]
    assert body["status"] == status and body["message"]
    return body


def test_search_dispatch_and_archives(served, catalog, tmp_path: Path):
    client, ids, _ = served
    found = client.post("/v1/search", json={"text": "Put this English text into French.", "k": 2}).json()["results"]
    assert found[0]["id"] == ids["translate"] and len(found) == 2

    body = client.post("/v1/dispatch", json={"description": "Put this English text into French."}).json()
    assert body["adapter"]["source"] == "retrieved" and body["adapter"]["adapter_id"] == ids["translate"]
    assert body["download"] == f"/v1/adapters/{ids['translate']}/peft"
    meta = client.get(f"/v1/adapters/{ids['translate']}").json()
    assert meta["description"] == TASKS["translate"][0] and meta["tags"] == ["translate"]

    catalog.export(ids["translate"], tmp_path / "exported")
    expected = {p.name: p.read_bytes() for p in (tmp_path / "exported").iterdir()}
    zipped = client.get(body["download"], params={"format": "zip"})
    assert zipped.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(zipped.content)) as archive:
        assert {Path(n).name: archive.read(n) for n in archive.namelist()} == expected
    tarred = client.get(body["download"], params={"format": "tar"})
    with tarfile.open(fileobj=io.BytesIO(tarred.content), mode="r:gz") as archive:
        assert {Path(m.name).name: archive.extractfile(m).read() for m in archive.getmembers()} == expected

    schema = client.get("/openapi.json").json()
    assert {"/v1/search", "/v1/dispatch", "/v1/generate", "/v1/generate/batch", "/v1/adapters/{adapter_id}/peft",
            "/v1/generated/{key}/peft"} <= set(schema["paths"])


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_generation_and_generated_downloads(served, base_model, checkpoint_dir):
    from hypernet.checkpoint import load_checkpoint

    client, ids, library = served
    library.dispatcher.checkpoint = load_checkpoint(checkpoint_dir)
    out = client.post("/v1/generate", json={"description": TASKS["reverse"][0], "input": "one two", "max_new_tokens": 3})
    assert out.status_code == 200 and out.json()["adapter"]["adapter_id"] == ids["reverse"]
    batch = client.post("/v1/generate/batch", json={"max_new_tokens": 3, "requests": [
        {"description": TASKS["reverse"][0], "input": "one two"},
        {"description": "Spell each number out in German words.", "input": "42"}]}).json()["results"]
    assert batch[0]["output"] == out.json()["output"]
    generated = batch[1]["adapter"]
    assert generated["source"] == "generated" and not generated["stored"]
    archive = client.get(f"/v1/generated/{generated['key']}/peft")
    assert archive.status_code == 200
    files = {Path(n).name: z.read(n) for z in [zipfile.ZipFile(io.BytesIO(archive.content))] for n in z.namelist()}
    # PEFT's two files, and the provenance PEFT would warn about in t2l.json beside them
    assert sorted(files) == ["adapter_config.json", "adapter_model.safetensors", "t2l.json"]
    assert "t2l" not in json.loads(files["adapter_config.json"])
    assert json.loads(files["t2l.json"])["t2l"]["description"]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_bad_requests_get_clear_errors_and_the_service_stays_up(served, catalog, monkeypatch):
    client, ids, library = served
    post = client.post
    assert error_of(post("/v1/dispatch", content=b"{not json", headers={"content-type": "application/json"}),
                    422)["type"] == "ValidationError"
    bad_type = error_of(post("/v1/dispatch", json={"description": 123}), 422)
    assert bad_type["type"] == "ValidationError" and bad_type["details"][0]["loc"] == ["body", "description"]
    assert error_of(post("/v1/dispatch", json={"description": "  "}), 422)["type"] == "DescriptionError"
    assert error_of(post("/v1/dispatch", json={"description": "x" * 5000}), 422)["type"] == "DescriptionError"
    assert error_of(post("/v1/dispatch", json={"description": "a task", "colour": "red"}), 422)["type"] == "ValidationError"
    assert error_of(post("/v1/dispatch", json={"description": "a task", "threshold": 3}), 422)["type"] == "ValidationError"
    assert error_of(post("/v1/generate", json={"description": TASKS["reverse"][0], "input": ""}), 422)["type"] == "InputError"
    assert error_of(post("/v1/generate/batch", json={"requests": []}), 422)["type"] == "ValidationError"
    too_big = error_of(post("/v1/search", json={"text": "y" * 100_000}), 413)
    assert too_big["type"] == "PayloadTooLarge"
    assert error_of(client.get("/v1/adapters/987654"), 404)["type"] == "AdapterNotFoundError"
    assert error_of(client.get("/v1/adapters/abc"), 422)["type"] == "ValidationError"
    assert error_of(client.get("/v1/adapters/987654/peft"), 404)["type"] == "AdapterNotFoundError"
    assert error_of(client.get("/v1/generated/gen-nothing/peft"), 404)["type"] == "NotFound"
    assert error_of(client.get("/v1/nowhere"), 404)["type"] == "NotFound"
    nohyper = error_of(post("/v1/dispatch", json={"description": "Count the vowels in a word."}), 503)
    assert nohyper["type"] == "NoHypernetworkError" and "--checkpoint" in nohyper["message"]

    row = catalog.get(ids["sentiment"])
    Path(catalog.store.path(row.content_hash)).write_bytes(b"damaged")
    assert error_of(client.get(f"/v1/adapters/{row.id}/peft"), 500)["type"] == "BlobIntegrityError"

    def boom(*args, **kwargs):
        raise RuntimeError("simulated fault")

    monkeypatch.setattr(library.dispatcher, "dispatch_many", boom)
    crashed = error_of(post("/v1/dispatch", json={"description": "a task"}), 500)
    assert crashed["type"] == "InternalError" and "simulated fault" in crashed["message"]
    monkeypatch.undo()
    assert client.get("/v1/health").json()["status"] == "ok"
    assert post("/v1/dispatch", json={"description": TASKS["translate"][0]}).status_code == 200


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_bulk_jobs_are_submitted_and_reported(served, checkpoint_dir):
    from hypernet.checkpoint import load_checkpoint

    client, _, library = served
    no_ckpt = error_of(client.post("/v1/jobs", json={"descriptions": ["Sort a list of numbers."]}), 503)
    assert no_ckpt["type"] == "NoHypernetworkError" and "checkpoint" in no_ckpt["message"]
    library.dispatcher.checkpoint = load_checkpoint(checkpoint_dir)
    texts = ["Sort a list of numbers.", "Name the capital of a country.", "Sort a list of numbers."]
    submitted = client.post("/v1/jobs", json={"descriptions": texts, "chunk_size": 1}).json()
    assert (submitted["total"], submitted["chunks"], submitted["duplicates"]) == (2, 2, 1)
    status = client.get(submitted["status"]).json()
    assert status["id"] == submitted["id"] and status["status"] == "queued" and status["remaining"] == 2
    assert error_of(client.get("/v1/jobs/424242"), 404)["type"] == "JobNotFoundError"
    assert error_of(client.post("/v1/jobs", json={"descriptions": ["ok", " "]}), 422)["type"] == "DescriptionError"
    assert error_of(client.post("/v1/jobs", json={"descriptions": []}), 422)["type"] == "ValidationError"


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_concurrent_generate_requests_share_one_batch(served):
    from concurrent.futures import ThreadPoolExecutor

    from library.batcher import GenerationBatcher
    from library.dispatch import InputError

    _, ids, library = served
    requests = [(TASKS["reverse"][0], "one two three"), (TASKS["translate"][0], "Good morning."),
                (TASKS["sentiment"][0], "What a film!"), (TASKS["reverse"][0], "red green")]
    expected = library.dispatcher.generate_batch(requests, max_new_tokens=3)
    batcher = GenerationBatcher(library.dispatcher, max_batch=8, max_wait_s=1.0)
    try:
        with ThreadPoolExecutor(len(requests) + 1) as pool:
            futures = [pool.submit(batcher.generate, d, i, max_new_tokens=3) for d, i in requests]
            bad = pool.submit(batcher.generate, TASKS["reverse"][0], "", max_new_tokens=3)
            answers = [f.result(timeout=120) for f in futures]
            with pytest.raises(InputError, match="empty"):
                bad.result(timeout=120)
    finally:
        batcher.close()
    assert answers == expected and batcher.batches == 1  # four requests, three adapters, one batch
    assert [a.provenance.adapter_id for a in answers] == [ids["reverse"], ids["translate"], ids["sentiment"], ids["reverse"]]
