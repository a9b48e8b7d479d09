"""Bulk jobs in the catalog database: a job, its chunks, and their progress. Every function takes a
session and never commits: the caller owns the transaction.

A job is split into chunks (``job_chunks``), the unit one worker task processes. Progress lives
here, not in Celery: a chunk's counts are written in the same transaction as its adapters, and the
job's counters are bumped in it too, so ``jobs.done`` always equals the adapters the job filed.
Every state change a worker makes is a compare-and-set (``UPDATE ... WHERE status IN (...)``),
which makes redelivered, duplicated or cancelled chunks harmless:

    pending --claim--> running --finish--> done          (counts added to the job once)
       ^                  |  \\--fail----> failed          (its items counted as failed)
       |                  \\----cancel---> cancelled
       +------- resume (failed / cancelled / lost running chunks) ---------+

Job status: queued -> running -> done (every item filed or failed; ``failed`` says how many
failed) | failed (every item failed) | cancelled.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import case, func, insert, select, update
from sqlalchemy.orm import Session

from library.errors import CatalogError
from library.models import Adapter, Job, JobChunk, utcnow

GENERATE = "generate"  # Job.kind of bulk adapter generation

# job states
QUEUED, RUNNING, DONE, FAILED, CANCELLED = "queued", "running", "done", "failed", "cancelled"
FINISHED = (DONE, FAILED, CANCELLED)
# chunk states (plus DONE, FAILED, CANCELLED)
PENDING = "pending"
OPEN = (PENDING, RUNNING)  # a chunk a worker may still finish

MAX_ERRORS_SHOWN = 20


class JobNotFoundError(CatalogError):
    """No job with that id in the catalog."""


@dataclass(frozen=True)
class JobItem:
    """One description of a job and where it came from (line number in the input file, or its
    position in a synthetic draw)."""

    line: int
    text: str


@dataclass(frozen=True)
class ClaimedChunk:
    """A chunk a worker has claimed: what to make, and the job's parameters."""

    chunk_id: int
    job_id: int
    position: int
    items: list[JobItem]
    params: dict[str, Any]
    attempt: int


@dataclass
class JobProgress:
    """A job's state as ``t2l jobs status`` shows it."""

    id: int
    kind: str
    status: str
    total: int
    done: int
    failed: int
    params: dict[str, Any]
    chunks: dict[str, int]  # chunk status -> count
    errors: list[dict[str, Any]]  # first MAX_ERRORS_SHOWN item errors, by line
    error: str | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    updated_at: datetime
    redelivered: int = 0  # chunk attempts beyond the first (redeliveries, duplicates, retries)
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def finished(self) -> bool:
        return self.status in FINISHED

    @property
    def remaining(self) -> int:
        return self.total - self.done - self.failed

    def to_dict(self) -> dict[str, Any]:
        out = dict(self.__dict__)
        for key in ("created_at", "started_at", "finished_at", "updated_at"):
            out[key] = out[key].isoformat() if out[key] is not None else None
        out["remaining"] = self.remaining
        return out


# --- creating -------------------------------------------------------------------------------------


def create_job(
    session: Session, items: Sequence[JobItem], *, chunk_size: int, params: dict[str, Any], kind: str = GENERATE
) -> Job:
    """A queued job over ``items`` in chunks of ``chunk_size`` (flushed, so it has its id).
    The caller enqueues one task per chunk only after committing (a task must find its chunk)."""
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1, got {chunk_size}")
    if not items:
        raise CatalogError("a job needs at least one item")
    job = Job(kind=kind, status=QUEUED, total=len(items), done=0, failed=0,
              params={**params, "chunk_size": chunk_size})
    session.add(job)
    session.flush()
    rows = [
        {
            "job_id": job.id, "position": position, "status": PENDING, "size": len(chunk),
            "items": [[item.line, item.text] for item in chunk], "done": 0, "failed": 0, "errors": [],
            "timings": {}, "attempts": 0,
        }
        for position, chunk in enumerate(items[i : i + chunk_size] for i in range(0, len(items), chunk_size))
    ]
    for start in range(0, len(rows), 1000):
        session.execute(insert(JobChunk.__table__), rows[start : start + 1000])
    return job


def chunk_count(session: Session, job_id: int) -> int:
    return int(session.scalar(select(func.count(JobChunk.id)).where(JobChunk.job_id == job_id)) or 0)


# --- what a worker does ---------------------------------------------------------------------------


def claim_chunk(session: Session, job_id: int, position: int, worker: str) -> ClaimedChunk | None:
    """Mark chunk ``position`` of the job running (one more attempt, by ``worker``) and return it;
    None when there is nothing to do: the chunk is finished (a redelivered or duplicate message),
    the job was cancelled, or the job no longer exists."""
    row = session.execute(
        select(JobChunk.id, JobChunk.status, JobChunk.items, JobChunk.attempts, Job.status, Job.params)
        .join(Job, Job.id == JobChunk.job_id)
        .where(JobChunk.job_id == job_id, JobChunk.position == position)
    ).one_or_none()
    if row is None:
        return None
    chunk_id, status, items, attempts, job_status, params = row
    if status not in OPEN or job_status in FINISHED:
        return None
    now = utcnow()
    claimed = session.execute(
        update(JobChunk)
        .where(JobChunk.id == chunk_id, JobChunk.status.in_(OPEN))
        .values(status=RUNNING, attempts=JobChunk.attempts + 1, worker=worker[:200], started_at=now)
    ).rowcount
    if claimed != 1:
        return None
    session.execute(update(Job).where(Job.id == job_id, Job.status == QUEUED).values(status=RUNNING, started_at=now))
    return ClaimedChunk(chunk_id, job_id, position, [JobItem(int(line), text) for line, text in items], params,
                        attempts + 1)


def finish_chunk(
    session: Session, chunk: ClaimedChunk, *, done: int, failed: int, errors: Sequence[dict[str, Any]] = (),
    timings: dict[str, float] | None = None,
) -> bool:
    """Mark the chunk done with its counts, if it is still open. Call it first in the transaction
    that files the chunk's adapters (on PostgreSQL it locks the chunk row, so a duplicate delivery
    waits here and then finds the chunk done), then :func:`add_progress` last. False: the chunk was
    finished or cancelled meanwhile; the caller must roll back and file nothing."""
    if done + failed != len(chunk.items):
        raise ValueError(f"chunk of {len(chunk.items)} items: {done} done + {failed} failed")
    return session.execute(
        update(JobChunk)
        .where(JobChunk.id == chunk.chunk_id, JobChunk.status.in_(OPEN))
        .values(status=DONE, done=done, failed=failed, errors=list(errors), timings=dict(timings or {}),
                finished_at=utcnow())
    ).rowcount == 1


def fail_chunk(session: Session, chunk: ClaimedChunk, error: str) -> bool:
    """Mark an open chunk failed (every item counted as failed) with ``error``; False if it was
    already finished or cancelled. Follow it with :func:`add_progress` in the same transaction."""
    errors = [{"line": item.line, "error": error} for item in chunk.items]
    return session.execute(
        update(JobChunk)
        .where(JobChunk.id == chunk.chunk_id, JobChunk.status.in_(OPEN))
        .values(status=FAILED, done=0, failed=len(chunk.items), errors=errors, finished_at=utcnow())
    ).rowcount == 1


def add_progress(session: Session, job_id: int, *, done: int, failed: int) -> bool:
    """Add a finished chunk's counts to its job, and finish the job when nothing is left. Returns
    True when this call finished the job. Last in the transaction: the job row is the one row
    every worker updates, so its lock is held only until the commit right after."""
    now = utcnow()
    session.execute(update(Job).where(Job.id == job_id).values(done=Job.done + done, failed=Job.failed + failed,
                                                               updated_at=now))
    return session.execute(
        update(Job)
        .where(Job.id == job_id, Job.status.in_((QUEUED, RUNNING)), Job.done + Job.failed >= Job.total)
        .values(status=case((Job.done == 0, FAILED), else_=DONE), finished_at=now, updated_at=now)
    ).rowcount == 1


def filed_keys(session: Session, keys: Sequence[str]) -> set[str]:
    """The idempotency keys among ``keys`` that already have an adapter."""
    found: set[str] = set()
    unique = list(dict.fromkeys(keys))
    for start in range(0, len(unique), 1000):
        found.update(session.scalars(select(Adapter.idempotency_key).where(
            Adapter.idempotency_key.in_(unique[start : start + 1000]))))
    return found


def set_chunk_timings(session: Session, chunk_id: int, timings: dict[str, float]) -> None:
    session.execute(update(JobChunk).where(JobChunk.id == chunk_id).values(timings=timings))


# --- what a user does -----------------------------------------------------------------------------


def get_job(session: Session, job_id: int) -> Job:
    job = session.get(Job, job_id)
    if job is None:
        raise JobNotFoundError(f"no job with id {job_id} in the catalog")
    return job


def cancel_job(session: Session, job_id: int) -> int:
    """Cancel the job: open chunks become cancelled (a worker holding one files nothing: its
    finish finds the chunk no longer open). Returns how many chunks were cancelled. Chunks
    already done keep their adapters, so the catalog holds exactly ``jobs.done`` of them."""
    job = get_job(session, job_id)
    if job.status in FINISHED:
        return 0
    cancelled = session.execute(
        update(JobChunk).where(JobChunk.job_id == job_id, JobChunk.status.in_(OPEN)).values(status=CANCELLED)
    ).rowcount
    now = utcnow()
    session.execute(update(Job).where(Job.id == job_id, Job.status.in_((QUEUED, RUNNING)))
                    .values(status=CANCELLED, finished_at=now, updated_at=now))
    return int(cancelled)


def reopen_job(session: Session, job_id: int) -> list[int]:
    """Make every unfinished chunk of the job runnable again and return their positions (the
    caller enqueues them after commit). Failed chunks are retried (their failures are taken off the
    job's count) and a cancelled job resumes. Running chunks stay running: they are returned too,
    because their message may be lost with a killed worker; if it was not, the second delivery
    finds the chunk done and does nothing."""
    job = get_job(session, job_id)
    retried = session.execute(
        select(func.coalesce(func.sum(JobChunk.failed), 0))
        .where(JobChunk.job_id == job_id, JobChunk.status == FAILED)
    ).scalar_one()
    session.execute(
        update(JobChunk)
        .where(JobChunk.job_id == job_id, JobChunk.status.in_((FAILED, CANCELLED)))
        .values(status=PENDING, failed=0, done=0, errors=[], finished_at=None)
    )
    positions = list(session.scalars(
        select(JobChunk.position)
        .where(JobChunk.job_id == job_id, JobChunk.status.in_(OPEN))
        .order_by(JobChunk.position)
    ))
    if positions:
        now = utcnow()
        session.execute(
            update(Job).where(Job.id == job_id).values(
                failed=Job.failed - int(retried), status=RUNNING if job.started_at is not None else QUEUED,
                finished_at=None, error=None, updated_at=now,
            )
        )
    return positions


def job_progress(session: Session, job_id: int, *, with_timings: bool = False) -> JobProgress:
    """The job's counts, its chunks by status and the first item errors."""
    job = get_job(session, job_id)
    session.refresh(job)  # a polling caller must see other processes' commits
    chunks = dict(
        session.execute(
            select(JobChunk.status, func.count(JobChunk.id)).where(JobChunk.job_id == job_id).group_by(JobChunk.status)
        ).tuples().all()
    )
    redelivered = session.scalar(
        select(func.coalesce(func.sum(JobChunk.attempts - 1), 0)).where(JobChunk.job_id == job_id, JobChunk.attempts > 1)
    )
    errors: list[dict[str, Any]] = []
    if job.failed:
        for (chunk_errors,) in session.execute(
            select(JobChunk.errors).where(JobChunk.job_id == job_id, JobChunk.failed > 0).order_by(JobChunk.position)
        ):
            errors.extend(chunk_errors)
            if len(errors) >= MAX_ERRORS_SHOWN:
                break
    timings: dict[str, float] = {}
    if with_timings:
        for (chunk_timings,) in session.execute(select(JobChunk.timings).where(JobChunk.job_id == job_id)):
            for key, seconds in (chunk_timings or {}).items():
                timings[key] = timings.get(key, 0.0) + float(seconds)
    return JobProgress(
        id=job.id, kind=job.kind, status=job.status, total=job.total, done=job.done, failed=job.failed,
        params=dict(job.params), chunks=chunks, errors=errors[:MAX_ERRORS_SHOWN], error=job.error,
        created_at=job.created_at, started_at=job.started_at, finished_at=job.finished_at,
        updated_at=job.updated_at, redelivered=int(redelivered or 0), timings=timings,
    )


def list_jobs(session: Session, *, limit: int = 20) -> list[Job]:
    """The most recent jobs, newest first."""
    return list(session.scalars(select(Job).order_by(Job.id.desc()).limit(limit)))


def set_job_error(session: Session, job_id: int, error: str) -> None:
    """Record a problem with the job as a whole (e.g. chunks that could not be enqueued)."""
    session.execute(update(Job).where(Job.id == job_id).values(error=error, updated_at=utcnow()))
