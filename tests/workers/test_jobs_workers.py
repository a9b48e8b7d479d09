"""Bulk jobs through real ``t2l worker`` processes, on the embedded stack (SQLite catalog and
broker) and on Redis + PostgreSQL: a small job end to end with exact counts, and the fault test:
``kill -9`` of a worker (its whole process group) halfway through a job, a new worker, ``t2l jobs
resume`` (neither broker gives a SIGKILLed worker's unacknowledged messages back in time: the
embedded one never, Redis after its 2 h visibility timeout), and the job ends with exactly N
adapters, none lost or duplicated.

One worker per stack (module-scoped, always killed at the end); queues are named per stack so
that a test never takes anyone else's messages; Redis uses its own database number, flushed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pg_helpers import fresh_pg_schema
from sqlalchemy import func, select

from library.models import Adapter, Description, JobChunk
from cli_helpers import run_t2l as _t2l

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
REDIS_DB = 13  # this module's own database on the shared Redis (test_worker_brokers uses 14)
REDIS_URL = f"redis://127.0.0.1:6379/{REDIS_DB}"
FAULT_N, FAULT_CHUNK = 300, 15


@dataclass
class Stack:
    name: str
    env: dict[str, str]
    home: Path
    queue: str
    log: Path
    workers: list[subprocess.Popen] = field(default_factory=list)

    def settings(self):
        from t2l.settings import Settings

        return Settings(home=self.home, database_url=self.env.get("T2L_DATABASE_URL", ""),
                        broker_url=self.env.get("T2L_BROKER_URL", ""),
                        result_backend=self.env.get("T2L_RESULT_BACKEND", ""))

    def start_worker(self, concurrency: int = 2) -> subprocess.Popen:
        with self.log.open("a") as out:
            process = subprocess.Popen(
                [sys.executable, "-m", "t2l", "worker", "--device", "cpu", "--concurrency", str(concurrency),
                 "--queues", self.queue, "--hostname", f"{self.queue}-{len(self.workers)}@%h"],
                cwd=REPO, env=self.env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
            )
        self.workers.append(process)
        return process


def kill_group(process: subprocess.Popen) -> None:
    """SIGKILL the worker and its pool processes (its own process group), as a crash would."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait(timeout=10)


def _flush_redis() -> None:
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


@pytest.fixture(scope="module", params=["sqlite", "redis-postgresql"])
def stack(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    from library.db import make_engine
    from library.migrate import upgrade

    home = tmp_path_factory.mktemp(f"jobs-{request.param}")
    env = {k: v for k, v in os.environ.items() if not k.startswith("T2L_")}
    env.update(T2L_HOME=str(home), PYTHONPATH=os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")]))
    if request.param == "redis-postgresql":
        _flush_redis()
        url = fresh_pg_schema(request.getfixturevalue("jobs_pg_database"))
        engine = make_engine(url)
        upgrade(engine)
        engine.dispose()
        env.update(T2L_DATABASE_URL=url, T2L_BROKER_URL=REDIS_URL, T2L_RESULT_BACKEND=REDIS_URL)
    stack = Stack(request.param, env, home, f"t2l-jobs-test-{uuid.uuid4().hex[:10]}", home / "workers.log")
    stack.start_worker()  # on the embedded stack, before the catalog exists: the worker creates it
    try:
        yield stack
    except BaseException:
        print(stack.log.read_text()[-6000:])
        raise
    finally:
        for process in stack.workers:
            kill_group(process)
        if request.param == "redis-postgresql":
            _flush_redis()


@pytest.fixture
def use_stack(stack: Stack, monkeypatch: pytest.MonkeyPatch) -> Stack:
    """This process's settings (and T2L_* variables, for the CLI) name the stack."""
    from t2l.settings import get_settings

    for key in [k for k in os.environ if k.startswith("T2L_")]:
        monkeypatch.delenv(key)
    for key, value in stack.env.items():
        if key.startswith("T2L_"):
            monkeypatch.setenv(key, value)
    get_settings.cache_clear()
    return stack


def namespace_counts(catalog, namespace: str) -> dict[str, int]:
    with catalog.begin() as session:
        where = Adapter.namespace == namespace
        return {
            "adapters": session.scalar(select(func.count(Adapter.id)).where(where)),
            "keys": session.scalar(select(func.count(func.distinct(Adapter.idempotency_key))).where(where)),
            "descriptions": session.scalar(select(func.count(Description.id)).join(Adapter).where(where)),
        }


def test_a_small_job_end_to_end(use_stack: Stack, small_checkpoint, default_checkpoint, capsys, monkeypatch):
    """Submit (CLI, --wait), real workers generate, every adapter is filed once and searchable.
    The embedded stack runs the default-size hypernetwork (8.6 M parameters), the other the small one."""
    from library.catalog import open_catalog

    checkpoint = default_checkpoint if use_stack.name == "sqlite" else small_checkpoint
    started = time.perf_counter()
    code, out, err = _t2l(capsys, monkeypatch, "jobs", "submit", "--synthetic", "48", "--seed", "3",
                          "--checkpoint", str(checkpoint), "--chunk-size", "12", "--queue", use_stack.queue,
                          "--namespace", "e2e", "--wait", "--timeout", "150")
    seconds = time.perf_counter() - started
    assert code == 0, err
    job_id = int(out.strip().splitlines()[-1])
    assert f"job {job_id} done: 48 done, 0 failed of 48" in err
    print(f"\n[{use_stack.name}] 48 adapters through workers, submit -> done: {seconds:.1f} s")
    from library.index import DescriptionIndex

    # The worker that finishes the job saves the index file just after it commits the job as done,
    # and --wait returns on that commit: give the save a moment (a searcher that opens the
    # catalog first catches up from the database, so nothing depends on the file being there).
    deadline = time.monotonic() + 30
    while not (index_files := list(use_stack.home.rglob("*.faiss"))) and time.monotonic() < deadline:
        time.sleep(0.2)
    (index_file,) = index_files
    assert DescriptionIndex.load(index_file).ntotal == 48
    with open_catalog(use_stack.settings()) as catalog:
        assert namespace_counts(catalog, "e2e") == {"adapters": 48, "keys": 48, "descriptions": 48}
        with catalog.begin() as session:
            rows = session.execute(select(Adapter.id, Adapter.description, Adapter.params)
                                   .where(Adapter.namespace == "e2e").order_by(Adapter.id)).all()
            workers = set(session.scalars(select(JobChunk.worker).where(JobChunk.job_id == job_id)))
        assert {params["job"] for _, _, params in rows} == {job_id}
        for adapter_id, text, _ in rows[::12]:
            assert catalog.search(text, k=1, namespace="e2e")[0].adapter.id == adapter_id
        adapter = catalog.load(rows[0][0])
        assert len(adapter.weights) == 60 and adapter.metadata["checkpoint"].startswith("untrained-")
    assert all(w.startswith(use_stack.queue) for w in workers)  # ran in the stack's worker processes
    code, out, _ = _t2l(capsys, monkeypatch, "jobs", "status", str(job_id))
    assert code == 0 and "48 of 48" in out and "4 done" in out


def test_kill_9_halfway_then_a_new_worker_and_resume(use_stack: Stack, small_checkpoint, capsys, monkeypatch):
    from library.catalog import open_catalog
    from workers.app import make_celery_app
    from workers.jobs import job_status, submit_job, synthetic_items, wait_for_job

    settings = use_stack.settings()
    catalog = open_catalog(settings)
    app = make_celery_app(settings)
    job = submit_job(catalog, app, synthetic_items(FAULT_N, seed=11), checkpoint_dir=small_checkpoint,
                     chunk_size=FAULT_CHUNK, namespace="fault", queue=use_stack.queue)
    deadline = time.monotonic() + 120
    while (done := job_status(catalog, job.id).done) < FAULT_N // 2:
        assert time.monotonic() < deadline, f"job stuck at {done}"
        time.sleep(0.1)
    kill_group(use_stack.workers[-1])
    at_kill = job_status(catalog, job.id)
    assert FAULT_N // 2 <= at_kill.done < FAULT_N and at_kill.status == "running"
    time.sleep(1.0)  # nothing moves while no worker runs
    assert job_status(catalog, job.id).done == at_kill.done

    use_stack.start_worker()
    code, out, err = _t2l(capsys, monkeypatch, "jobs", "resume", str(job.id))
    assert code == 0 and "unfinished chunk(s) enqueued" in out, err
    final = wait_for_job(catalog, job.id, timeout=150)
    print(f"\n[{use_stack.name}] killed at {at_kill.done}/{FAULT_N} ({at_kill.chunks}); "
          f"after resume: {final.done} done, {final.redelivered} extra deliveries")
    assert (final.status, final.done, final.failed) == ("done", FAULT_N, 0)
    assert namespace_counts(catalog, "fault") == {"adapters": FAULT_N, "keys": FAULT_N, "descriptions": FAULT_N}
    with catalog.begin() as session:
        hashes = list(session.scalars(select(Adapter.content_hash).where(Adapter.namespace == "fault")))
        chunk_done = session.scalar(select(func.sum(JobChunk.done)).where(JobChunk.job_id == job.id))
    assert chunk_done == FAULT_N
    assert len(set(hashes)) == FAULT_N and all(catalog.store.exists(h) for h in hashes)  # no file lost
    catalog.close()
