"""Bulk jobs without worker processes: input checking, and ``run_chunk`` called directly, on
SQLite and on the real PostgreSQL, for the guarantees that must hold whatever the broker does:
a chunk delivered twice (one after the other, or overlapping) or crashing mid-transaction files
nothing twice and counts nothing twice; cancelling leaves the catalog equal to the job's count;
a failed chunk is recorded and resumable; a dead broker or database is one clear error.

The hypernetwork is SmolLM2-shaped (q_proj/v_proj, 30 layers, rank 8) at the small size
(latent 32, head 32); the default size runs through real workers in test_jobs_workers.py.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from pg_helpers import fresh_pg_schema
from sqlalchemy import func, select

from library.models import Adapter, Description, Job
from cli_helpers import run_t2l as _t2l

SYNTHETIC = 24


@pytest.fixture(params=["sqlite", "postgresql"])
def stack(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """(catalog, celery app) on the embedded SQLite catalog or a fresh PostgreSQL schema. The
    broker is the embedded one: no worker runs here, messages just wait in its file."""
    from library.catalog import open_catalog
    from library.db import make_engine
    from library.migrate import upgrade
    from t2l.settings import get_settings
    from workers.app import make_celery_app

    if request.param == "postgresql":
        url = fresh_pg_schema(request.getfixturevalue("jobs_pg_database"))
        engine = make_engine(url)
        upgrade(engine)
        engine.dispose()
        monkeypatch.setenv("T2L_DATABASE_URL", url)
    get_settings.cache_clear()
    catalog = open_catalog()
    yield catalog, make_celery_app()
    catalog.close()


def counts(catalog) -> dict[str, int]:
    with catalog.begin() as session:
        return {
            "adapters": session.scalar(select(func.count(Adapter.id))),
            "keys": session.scalar(select(func.count(func.distinct(Adapter.idempotency_key)))),
            "descriptions": session.scalar(select(func.count(Description.id))),
        }


def submit(catalog, app, checkpoint: Path, n: int = SYNTHETIC, chunk_size: int = 8, seed: int = 0):
    from workers.jobs import submit_job, synthetic_items

    return submit_job(catalog, app, synthetic_items(n, seed), checkpoint_dir=checkpoint, chunk_size=chunk_size)


def status(catalog, job_id: int):
    from workers.jobs import job_status

    return job_status(catalog, job_id)


# --- input ------------------------------------------------------------------------------------------


BAD_FILE = "\n".join([
    json.dumps({"description": "Translate English to French.", "name": "fr"}),
    "",  # blank: skipped silently
    "{not json",
    json.dumps({"description": ""}),
    json.dumps({"text": "no description key"}),
    json.dumps(["a", "list"]),
    json.dumps("Summarise a news article in one sentence."),  # a bare string is fine
    json.dumps({"description": "word " * 400}),  # ~400 tokens: the encoder reads 256
    json.dumps({"description": "Translate English to French."}),  # duplicate of line 1
    json.dumps({"description": 42}),
])


def test_malformed_lines_are_reported_with_their_numbers(tmp_path: Path):
    from workers.jobs import (
        DescriptionsFileError,
        apply_on_error,
        encoder_token_counter,
        read_descriptions,
    )

    path = tmp_path / "tasks.jsonl"
    path.write_text(BAD_FILE + "\n")
    count_tokens, limit = encoder_token_counter("all-minilm-l6-v2")
    assert limit == 256
    parsed = read_descriptions(path, count_tokens=count_tokens, token_limit=limit)
    assert [(item.line, item.text) for item in parsed.items] == [
        (1, "Translate English to French."), (7, "Summarise a news article in one sentence.")]
    assert [p.line for p in parsed.problems] == [3, 4, 5, 6, 8, 10]
    reasons = {p.line: p.reason for p in parsed.problems}
    assert "not valid JSON" in reasons[3] and reasons[4] == "empty description"
    assert reasons[5] == 'no "description" key' and "got list" in reasons[6] and "got int" in reasons[10]
    assert "402 tokens; the encoder reads at most 256" in reasons[8]
    assert parsed.duplicates == 1

    with pytest.raises(DescriptionsFileError) as error:
        apply_on_error(parsed, "reject")
    message = str(error.value)
    assert "6 malformed line(s); nothing was submitted" in message
    for line in (3, 4, 5, 6, 8, 10):
        assert f"line {line}:" in message
    assert len(apply_on_error(parsed, "skip").items) == 2


def test_submit_command_rejects_or_skips_malformed_lines(
    tmp_path: Path, small_checkpoint: Path, capsys, monkeypatch
):
    path = tmp_path / "tasks.jsonl"
    path.write_text(BAD_FILE + "\n")
    monkeypatch.setenv("COLUMNS", "200")
    args = ("jobs", "submit", "--descriptions", str(path), "--checkpoint", str(small_checkpoint))
    code, out, err = _t2l(capsys, monkeypatch, *args)
    assert code == 2 and "6 malformed line(s); nothing was submitted" in err and "line 8:" in err
    code, out, err = _t2l(capsys, monkeypatch, "jobs", "list")
    assert code == 0 and "queued" not in out  # no job was created

    code, out, err = _t2l(capsys, monkeypatch, *args, "--on-error", "skip", "--json")
    assert code == 0, err
    job = json.loads(out)
    assert job["total"] == 2 and job["chunks"] == 1
    assert "skipped 6 malformed line(s)" in err and "line 3: not valid JSON" in err
    code, out, err = _t2l(capsys, monkeypatch, "jobs", "status", str(job["job"]), "--json")
    progress = json.loads(out)
    assert progress["status"] == "queued" and progress["total"] == 2
    assert progress["params"]["skipped"]["malformed"] == 6 and progress["params"]["skipped"]["duplicates"] == 1


# --- exactly once -----------------------------------------------------------------------------------


def test_every_chunk_is_filed_once_however_often_it_runs(stack, small_checkpoint: Path):
    from workers.chunk import run_chunk

    catalog, app = stack
    job = submit(catalog, app, small_checkpoint)
    assert (job.total, job.chunks) == (SYNTHETIC, 3)
    assert status(catalog, job.id).status == "queued"
    results = [run_chunk(catalog, job.id, position) for position in range(job.chunks)]
    assert [r["status"] for r in results] == ["done"] * 3 and sum(r["new"] for r in results) == SYNTHETIC
    progress = status(catalog, job.id)
    assert (progress.status, progress.done, progress.failed) == ("done", SYNTHETIC, 0)
    assert counts(catalog) == {"adapters": SYNTHETIC, "keys": SYNTHETIC, "descriptions": SYNTHETIC}

    # every message delivered again (a redelivery after a crash between commit and ack)
    assert {run_chunk(catalog, job.id, p)["status"] for p in range(job.chunks)} == {"skipped"}
    assert counts(catalog)["adapters"] == SYNTHETIC and status(catalog, job.id).done == SYNTHETIC

    # a second job over the same descriptions and checkpoint files nothing new
    again = submit(catalog, app, small_checkpoint, chunk_size=16)
    results = [run_chunk(catalog, again.id, p) for p in range(again.chunks)]
    assert sum(r["existing"] for r in results) == SYNTHETIC and sum(r["new"] for r in results) == 0
    assert status(catalog, again.id).done == SYNTHETIC and counts(catalog)["adapters"] == SYNTHETIC

    # every adapter is whole, loadable and findable by its own description
    with catalog.begin() as session:
        rows = session.execute(select(Adapter.id, Adapter.description)).all()
    assert len({catalog.load(adapter_id).weights["model.layers.0.self_attn.q_proj"][0].sum().item()
                for adapter_id, _ in rows[:5]}) == 5  # distinct weights per description
    adapter_id, text = rows[7]
    assert catalog.search(text, k=1)[0].adapter.id == adapter_id


def test_a_dora_hypernetwork_files_dora_adapters(stack, tmp_path: Path, encoder):
    import torch
    from safetensors.torch import load

    from hypernet.adapter_files import AdapterFiles
    from hypernet.checkpoint import load_checkpoint
    from hypernet.generate import generate_adapters
    from jobs_helpers import make_checkpoint
    from workers.chunk import run_chunk

    catalog, app = stack
    checkpoint = make_checkpoint(tmp_path / "dora", dora=True)
    job = submit(catalog, app, checkpoint, n=8)
    assert run_chunk(catalog, job.id, 0)["new"] == 8
    with catalog.begin() as session:
        rows = session.execute(select(Adapter.id, Adapter.description, Adapter.peft_method)).all()
    assert {r.peft_method for r in rows} == {"dora"}
    stored = catalog.read(rows[0].id)
    assert isinstance(stored, AdapterFiles) and stored.config["use_dora"]
    # the batched writer stored what the hypernetwork emits for that description, magnitudes included
    (want,) = generate_adapters(load_checkpoint(checkpoint).hypernet, encoder, [rows[0].description])
    tensors = load(stored.weights)
    path = "model.layers.3.self_attn.v_proj"
    torch.testing.assert_close(tensors[f"base_model.model.{path}.lora_magnitude_vector"], want.magnitudes[path],
                               atol=1e-5, rtol=1e-4)
    torch.testing.assert_close(tensors[f"base_model.model.{path}.lora_B.weight"], want.weights[path][1],
                               atol=1e-5, rtol=1e-4)


def test_overlapping_deliveries_of_one_chunk_file_it_once(stack, small_checkpoint: Path):
    """Delivery A claims the chunk and computes; meanwhile delivery B (a Redis visibility-timeout
    redelivery, or a resume) runs it to the end. A's commit then finds the chunk done and files
    nothing: no duplicate rows, the job counted once."""
    from workers.chunk import load_generator, run_chunk

    catalog, app = stack
    job = submit(catalog, app, small_checkpoint, n=16, chunk_size=16)
    inner: list[dict] = []

    def loader_with_a_rival(spec, device):
        if not inner:
            inner.append(run_chunk(catalog, job.id, 0))  # B, start to finish, while A holds the chunk
        return load_generator(spec, device)

    outer = run_chunk(catalog, job.id, 0, loader=loader_with_a_rival)
    assert inner[0]["status"] == "done" and inner[0]["new"] == 16 and inner[0]["attempt"] == 2
    assert outer["status"] == "skipped"
    progress = status(catalog, job.id)
    assert (progress.status, progress.done, progress.redelivered) == ("done", 16, 1)
    assert counts(catalog) == {"adapters": 16, "keys": 16, "descriptions": 16}


@pytest.mark.parametrize("stack", ["sqlite"], indirect=True)
def test_a_crash_inside_the_chunk_transaction_files_nothing(stack, small_checkpoint: Path, monkeypatch):
    from library import jobs as job_queries
    from workers.chunk import run_chunk

    catalog, app = stack
    job = submit(catalog, app, small_checkpoint, n=16, chunk_size=8)

    def crash(*args, **kwargs):
        raise RuntimeError("worker died mid-transaction")

    with monkeypatch.context() as patch:
        patch.setattr(job_queries, "add_progress", crash)
        with pytest.raises(RuntimeError):
            run_chunk(catalog, job.id, 0)
    assert counts(catalog)["adapters"] == 0  # rows were inserted, then rolled back
    progress = status(catalog, job.id)
    assert progress.done == 0 and progress.chunks == {"running": 1, "pending": 1}
    assert [run_chunk(catalog, job.id, p)["new"] for p in (0, 1)] == [8, 8]  # the redelivery files it
    assert counts(catalog) == {"adapters": 16, "keys": 16, "descriptions": 16}
    assert status(catalog, job.id).done == 16


# --- cancel, failure, resume ------------------------------------------------------------------------


@pytest.mark.parametrize("stack", ["sqlite"], indirect=True)  # the same compare-and-set SQL on both
def test_cancel_leaves_the_catalog_equal_to_the_jobs_count(stack, small_checkpoint: Path):
    from workers.chunk import load_generator, run_chunk
    from workers.jobs import cancel_job, resume_job

    catalog, app = stack
    job = submit(catalog, app, small_checkpoint, n=32, chunk_size=8)
    assert run_chunk(catalog, job.id, 0)["new"] == 8

    def cancel_while_computing(spec, device):  # the user cancels while chunk 1 is being computed
        assert cancel_job(catalog, job.id) == 3  # chunk 1 (running) and chunks 2, 3 (pending)
        return load_generator(spec, device)

    assert run_chunk(catalog, job.id, 1, loader=cancel_while_computing)["status"] == "skipped"
    assert {run_chunk(catalog, job.id, p)["status"] for p in (2, 3)} == {"skipped"}
    progress = status(catalog, job.id)
    assert (progress.status, progress.done) == ("cancelled", 8)
    assert counts(catalog)["adapters"] == 8 == counts(catalog)["descriptions"]
    assert cancel_job(catalog, job.id) == 0  # cancelling twice changes nothing

    assert resume_job(catalog, app, job.id) == 3
    assert [run_chunk(catalog, job.id, p)["status"] for p in range(4)] == ["skipped", "done", "done", "done"]
    progress = status(catalog, job.id)
    assert (progress.status, progress.done, progress.failed) == ("done", 32, 0)
    assert counts(catalog) == {"adapters": 32, "keys": 32, "descriptions": 32}


@pytest.mark.parametrize("stack", ["sqlite"], indirect=True)
def test_a_chunk_that_cannot_run_is_recorded_and_resume_retries_it(stack, small_checkpoint: Path, tmp_path):
    from workers.chunk import run_chunk
    from workers.jobs import resume_job

    catalog, app = stack
    checkpoint = shutil.copytree(small_checkpoint, tmp_path / "elsewhere")
    job = submit(catalog, app, checkpoint, n=16, chunk_size=8)
    shutil.rmtree(checkpoint)  # as on a worker host where the checkpoint is not mounted
    failed = run_chunk(catalog, job.id, 0)
    assert failed["status"] == "failed" and f"no hypernetwork checkpoint at {checkpoint}" in failed["error"]
    progress = status(catalog, job.id)
    assert (progress.status, progress.done, progress.failed, progress.chunks) == ("running", 0, 8, {"failed": 1,
                                                                                                    "pending": 1})
    assert len(progress.errors) == 8 and progress.errors[0]["line"] == 1
    assert run_chunk(catalog, job.id, 1)["status"] == "failed"
    assert (status(catalog, job.id).status, status(catalog, job.id).failed) == ("failed", 16)  # every item failed

    shutil.copytree(small_checkpoint, checkpoint)
    assert resume_job(catalog, app, job.id) == 2
    assert (status(catalog, job.id).status, status(catalog, job.id).failed) == ("running", 0)
    assert [run_chunk(catalog, job.id, p)["new"] for p in (0, 1)] == [8, 8]
    progress = status(catalog, job.id)
    assert (progress.status, progress.done, progress.failed, progress.errors) == ("done", 16, 0, [])
    assert counts(catalog)["adapters"] == 16


@pytest.mark.parametrize("stack", ["sqlite"], indirect=True)
def test_descriptions_the_encoder_would_truncate_fail_alone(stack, small_checkpoint: Path):
    from library.jobs import JobItem
    from workers.chunk import run_chunk
    from workers.jobs import Descriptions, submit_job

    catalog, app = stack
    items = [JobItem(1, "Translate English to French."), JobItem(2, "word " * 300), JobItem(3, "Sort a list.")]
    job = submit_job(catalog, app, Descriptions(items), checkpoint_dir=small_checkpoint, chunk_size=8)
    result = run_chunk(catalog, job.id, 0)
    assert (result["done"], result["failed"], result["new"]) == (2, 1, 2)
    progress = status(catalog, job.id)
    assert (progress.status, progress.done, progress.failed) == ("done", 2, 1)
    assert progress.errors == [{"line": 2, "error": "302 tokens; the encoder reads at most 256 and would ignore the rest"}]


# --- dead servers -----------------------------------------------------------------------------------


def test_dead_broker_or_database_is_one_clear_error(tmp_path: Path, small_checkpoint: Path, monkeypatch):
    from library.catalog import open_catalog
    from library.errors import DatabaseUnavailableError
    from t2l.settings import Settings
    from workers.app import BrokerUnavailableError, make_celery_app
    from workers.jobs import submit_job, synthetic_items

    catalog = open_catalog(Settings(home=tmp_path))
    dead = make_celery_app(Settings(home=tmp_path, broker_url="redis://127.0.0.1:1/0"))
    with pytest.raises(BrokerUnavailableError, match="cannot reach the broker at redis://127.0.0.1:1/0"):
        submit_job(catalog, dead, synthetic_items(4), checkpoint_dir=small_checkpoint)
    with catalog.begin() as session:
        assert session.scalar(select(func.count(Job.id))) == 0  # checked before anything is written
    catalog.close()
    with pytest.raises(DatabaseUnavailableError, match="cannot reach the catalog database"):
        open_catalog(Settings(home=tmp_path, database_url="postgresql+psycopg://postgres@127.0.0.1:1/t2l"))


@pytest.mark.parametrize("stack", ["sqlite"], indirect=True)
def test_a_broker_lost_while_enqueueing_leaves_a_resumable_job(stack, small_checkpoint: Path, monkeypatch):
    from workers.app import BrokerUnavailableError
    from workers.chunk import run_chunk
    from workers.jobs import resume_job
    from workers.tasks import GENERATE_CHUNK

    catalog, app = stack
    task = app.tasks[GENERATE_CHUNK]
    real, sent = task.apply_async, []

    def flaky(*args, **kwargs):
        if len(sent) == 2:
            raise ConnectionError("Connection refused")
        sent.append(kwargs["args"])
        return real(*args, **kwargs)

    monkeypatch.setattr(task, "apply_async", flaky)
    with pytest.raises(BrokerUnavailableError, match=r"only 2 of 3 chunks were queued.*t2l jobs resume"):
        submit(catalog, app, small_checkpoint)
    from library.jobs import list_jobs

    with catalog.begin() as session:
        job_id = list_jobs(session, limit=1)[0].id
    assert "only 2 of 3 chunks" in (status(catalog, job_id).error or "")
    monkeypatch.setattr(task, "apply_async", real)
    assert resume_job(catalog, app, job_id) == 3  # all unfinished; the two queued ones will be no-ops
    for position in range(3):
        run_chunk(catalog, job_id, position)
    progress = status(catalog, job_id)
    assert (progress.status, progress.done, progress.error) == ("done", SYNTHETIC, None)


@pytest.mark.parametrize("stack", ["sqlite"], indirect=True)
def test_bfloat16_compute_is_its_own_adapter_and_close_to_float32(stack, small_checkpoint: Path):
    import torch

    from workers.chunk import run_chunk
    from workers.jobs import submit_job, synthetic_items

    catalog, app = stack
    jobs = {precision: submit_job(catalog, app, synthetic_items(6, 4), checkpoint_dir=small_checkpoint,
                                  chunk_size=8, precision=precision) for precision in ("float32", "bfloat16")}
    assert [run_chunk(catalog, job.id, 0)["new"] for job in jobs.values()] == [6, 6]  # not the same key
    with catalog.begin() as session:
        rows = session.execute(select(Adapter.id, Adapter.description, Adapter.params).order_by(Adapter.id)).all()
    by_text: dict[str, dict[str, int]] = {}
    for adapter_id, text, params in rows:
        by_text.setdefault(text, {})[str(params["job"])] = adapter_id
    ids = by_text[rows[0][1]]
    full, half = catalog.load(ids[str(jobs["float32"].id)]), catalog.load(ids[str(jobs["bfloat16"].id)])
    assert half.metadata["precision"] == "bfloat16" and "precision" not in full.metadata
    path = "model.layers.3.self_attn.v_proj"
    for x, y in zip(full.weights[path], half.weights[path]):
        assert y.dtype == torch.float32 and not torch.equal(x, y)  # stored as float32, computed in bfloat16
        assert torch.allclose(x, y, rtol=0.05, atol=0.02 * float(x.abs().max()))


@pytest.mark.parametrize("stack", ["sqlite"], indirect=True)
def test_nan_weights_fail_their_description_alone(stack, small_checkpoint: Path):
    from dataclasses import replace

    import torch

    from workers.chunk import load_generator, run_chunk

    catalog, app = stack
    job = submit(catalog, app, small_checkpoint, n=5, chunk_size=8)

    class Diverged(torch.nn.Module):  # the hypernetwork, but its output for the third description is NaN
        def __init__(self, inner):
            super().__init__()
            self.inner, self.config, self.dtype = inner, inner.config, inner.dtype

        def forward(self, embeddings):
            weights = self.inner(embeddings)
            weights["v_proj"][1][2, 4, 0, 0] = float("nan")
            return weights

    def diverged(spec, device):
        generator = load_generator(spec, device)
        checkpoint = replace(generator.checkpoint, hypernet=Diverged(generator.checkpoint.hypernet))
        return replace(generator, checkpoint=checkpoint)

    result = run_chunk(catalog, job.id, 0, loader=diverged)
    assert (result["done"], result["failed"], result["new"]) == (4, 1, 4)
    progress = status(catalog, job.id)
    assert (progress.status, progress.done, progress.failed) == ("done", 4, 1)
    assert progress.errors == [{"line": 3, "error": "the hypernetwork produced NaN/Inf weights for this description"}]
    assert counts(catalog)["adapters"] == 4
