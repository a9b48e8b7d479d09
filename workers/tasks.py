"""Celery tasks: a few lines each around a plain, tested function; arguments are ids or small
JSON; every task is idempotent (delivery is at-least-once: acks are late)."""

from __future__ import annotations

from typing import Any

from celery import shared_task
from sqlalchemy.exc import IntegrityError

from library.errors import DatabaseUnavailableError
from workers.chunk import connect_worker_signals, run_chunk_in_worker
from workers.identity import worker_identity

PING = "t2l.ping"


@shared_task(name=PING, bind=True)
def ping(self: Any, echo: Any = None) -> dict[str, Any]:
    """Prove the plumbing: which worker process ran this, on which device."""
    return worker_identity(self.request.hostname, echo)


GENERATE_CHUNK = "t2l.generate_chunk"

connect_worker_signals()


# Retried: a database or storage outage, or a unique-key race with another writer (the chunk's
# transaction rolled back, so nothing is half filed; the retry finds the other writer's row). Results are ignored: progress lives in the jobs tables, and a result row per chunk would
# only add writes to the embedded database.
@shared_task(
    name=GENERATE_CHUNK,
    bind=True,
    ignore_result=True,
    autoretry_for=(DatabaseUnavailableError, IntegrityError, OSError),
    retry_backoff=2,
    retry_backoff_max=60,
    retry_jitter=True,
    max_retries=10,
)
def generate_chunk(self: Any, job_id: int, position: int) -> dict[str, Any]:
    """Generate and file chunk ``position`` of bulk job ``job_id`` (``workers.chunk.run_chunk``)."""
    return run_chunk_in_worker(job_id, position, worker=self.request.hostname or "")
