"""Bulk generation jobs, from the submitting side: read descriptions, submit, resume, cancel, wait.

    from library.catalog import open_catalog
    from workers.app import make_celery_app
    catalog, app = open_catalog(), make_celery_app()
    job = submit_job(catalog, app, synthetic_items(10_000, seed=0), checkpoint_dir=path)
    wait_for_job(catalog, job.id)

Order of a submit: check the broker (a clear error before anything is written), register the
checkpoint and create the job and its chunks in one transaction, and only after it commits enqueue
one ``t2l.generate_chunk`` task per chunk (a task must find its chunk). If the broker fails while
enqueueing, the job stays in the database and ``resume_job`` enqueues what is missing.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from library.jobs import JobItem, JobProgress
from t2l.errors import T2LError
from workers.chunk import DTYPES, PRECISIONS, GenerationSpec, same_encoder

if TYPE_CHECKING:
    from celery import Celery
    from sqlalchemy.orm import Session

    from library.catalog import Catalog

DEFAULT_CHUNK_SIZE = 64
MAX_PROBLEMS_SHOWN = 20


class DescriptionsFileError(T2LError):
    """A descriptions file cannot be read, or has malformed lines and ``--on-error reject``."""


# --- input ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LineProblem:
    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


@dataclass
class Descriptions:
    """A job's input: the descriptions to make, and what was left out of it."""

    items: list[JobItem]
    problems: list[LineProblem] = field(default_factory=list)  # malformed lines (not submitted)
    duplicates: int = 0  # lines repeating an earlier description (made once)
    source: dict[str, Any] = field(default_factory=dict)

    def problem_report(self, limit: int = MAX_PROBLEMS_SHOWN) -> str:
        shown = "\n  ".join(str(p) for p in self.problems[:limit])
        more = f"\n  ... and {len(self.problems) - limit} more" if len(self.problems) > limit else ""
        return f"  {shown}{more}"


TokenCounter = Callable[[list[str]], list[int]]


def read_descriptions(
    path: Path, *, count_tokens: TokenCounter | None = None, token_limit: int | None = None
) -> Descriptions:
    """Parse a JSON Lines descriptions file: one ``{"description": "..."}`` object (other keys are
    ignored) or one JSON string per line; blank lines are skipped. Malformed lines are collected
    with their 1-based numbers, not raised: the caller skips or rejects them (``on_error``).
    With ``count_tokens`` and ``token_limit``, descriptions the encoder would truncate are
    malformed too. A description repeated on a later line is counted in ``duplicates``."""
    from hypernet.generate import MAX_DESCRIPTION_CHARS

    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DescriptionsFileError(f"cannot read descriptions file {path}: {exc}") from exc
    out = Descriptions(items=[], source={"file": str(path.resolve())})
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except ValueError as exc:
            out.problems.append(LineProblem(number, f"not valid JSON ({getattr(exc, 'msg', exc)})"))
            continue
        text = value.get("description") if isinstance(value, dict) else value
        if isinstance(value, dict) and "description" not in value:
            out.problems.append(LineProblem(number, 'no "description" key'))
        elif not isinstance(text, str):
            out.problems.append(LineProblem(number, f"expected text or an object with a \"description\", got "
                                                    f"{type(text).__name__}"))
        elif not text.strip():
            out.problems.append(LineProblem(number, "empty description"))
        elif len(text.strip()) > MAX_DESCRIPTION_CHARS:
            out.problems.append(LineProblem(number, f"{len(text.strip())} characters (at most {MAX_DESCRIPTION_CHARS})"))
        elif text.strip() in seen:
            out.duplicates += 1
        else:
            seen.add(text.strip())
            out.items.append(JobItem(number, text.strip()))
    if count_tokens is not None and token_limit is not None and out.items:
        lengths = count_tokens([item.text for item in out.items])
        too_long = {item.line: n for item, n in zip(out.items, lengths) if n > token_limit}
        if too_long:
            out.problems += [LineProblem(line, f"{n} tokens; the encoder reads at most {token_limit} and would "
                                               "ignore the rest") for line, n in too_long.items()]
            out.problems.sort(key=lambda p: p.line)
            out.items = [item for item in out.items if item.line not in too_long]
    return out


def apply_on_error(descriptions: Descriptions, on_error: str) -> Descriptions:
    """``reject``: raise ``DescriptionsFileError`` listing every malformed line; ``skip``: keep the
    good lines (the problems stay on the result, to be reported and recorded on the job)."""
    if on_error not in ("skip", "reject"):
        raise ValueError(f"on_error must be 'skip' or 'reject', got {on_error!r}")
    where = descriptions.source.get("file", "the descriptions")
    if descriptions.problems and on_error == "reject":
        raise DescriptionsFileError(
            f"{where}: {len(descriptions.problems)} malformed line(s); nothing was submitted "
            f"(fix them, or pass --on-error skip to leave them out):\n{descriptions.problem_report()}"
        )
    if not descriptions.items:
        raise DescriptionsFileError(f"{where} holds no usable descriptions")
    return descriptions


def synthetic_items(n: int, seed: int = 0) -> Descriptions:
    """``n`` distinct synthetic descriptions (``workers.synthetic``), numbered 1..n."""
    from workers.synthetic import synthetic_descriptions

    texts = synthetic_descriptions(n, seed)
    return Descriptions([JobItem(i, text) for i, text in enumerate(texts, start=1)],
                        source={"synthetic": n, "seed": seed})


def encoder_token_counter(encoder: str) -> tuple[TokenCounter, int]:
    """(count tokens of texts, the encoder's limit) from the encoder's tokenizer file alone: the
    check a worker makes, done before submitting, without loading the encoder model."""
    from hypernet.encoder import resolve_encoder_path

    path = resolve_encoder_path(encoder)
    limit = 512
    config = path / "sentence_bert_config.json"
    if config.is_file():
        limit = int(json.loads(config.read_text()).get("max_seq_length") or limit)
    if (path / "tokenizer.json").is_file():
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        tokenizer.no_truncation()
        tokenizer.no_padding()
        return (lambda texts: [len(e.ids) for e in tokenizer.encode_batch(texts)]), limit
    from transformers import AutoTokenizer

    auto = AutoTokenizer.from_pretrained(str(path))
    return (lambda texts: [len(ids) for ids in auto(texts, add_special_tokens=True)["input_ids"]]), limit


# --- the checkpoint a job uses ----------------------------------------------------------------------


def resolve_checkpoint_dir(checkpoint: Path | None) -> Path:
    """``--checkpoint DIR``, else the installed default checkpoint; ``T2LError`` if neither."""
    from hypernet.checkpoint import DEFAULT_CHECKPOINT_DIR

    if checkpoint is not None:
        return checkpoint.expanduser().resolve()
    if DEFAULT_CHECKPOINT_DIR.is_dir():
        return DEFAULT_CHECKPOINT_DIR
    raise T2LError(
        f"no hypernetwork checkpoint: none given (--checkpoint DIR) and none installed at {DEFAULT_CHECKPOINT_DIR}. "
        "Train one (the trainers save checkpoint directories) and pass --checkpoint, or copy it there"
    )


def generation_spec(
    session: Session, checkpoint_dir: Path, *, catalog_encoder: str, dtype: str = "float32",
    namespace: str = "default", precision: str = "float32",
) -> GenerationSpec:
    """Read the checkpoint's config and the sha256 of its weights (not the weights), register it in
    the catalog, and return the settings a job generates with. ``T2LError`` if the catalog
    searches with another encoder than the one this job's embeddings will come from."""
    from hypernet.checkpoint import WEIGHTS_NAME, CheckpointError, read_checkpoint_config
    from library.adapters import catalog_fact, register_checkpoint, set_catalog_fact

    if dtype not in DTYPES:
        raise T2LError(f"--dtype must be one of {', '.join(DTYPES)}")
    if precision not in PRECISIONS:
        raise T2LError(f"--precision must be one of {', '.join(PRECISIONS)}")
    config, meta = read_checkpoint_config(checkpoint_dir)
    sha = hashlib.sha256((checkpoint_dir / WEIGHTS_NAME).read_bytes()).hexdigest()
    if meta.get("weights_sha256") != sha:
        raise CheckpointError(f"{checkpoint_dir / WEIGHTS_NAME} does not match the sha256 in its config.json "
                              "(damaged or replaced)")
    name = sha[:16] if meta.get("trained", True) else f"untrained-{sha[:16]}"
    row = register_checkpoint(session, name, config.base_model, str(checkpoint_dir), sha256=sha,
                              config=config.to_dict())
    recorded = catalog_fact(session, "encoder")
    if recorded is None:
        set_catalog_fact(session, "encoder", catalog_encoder)
    elif recorded != catalog_encoder:
        raise T2LError(f"this catalog's descriptions were embedded with encoder '{recorded}', but T2L_ENCODER is "
                       f"'{catalog_encoder}': use the same encoder")
    # Fixed here, once, rather than by the first chunks: workers filing their first chunks at the
    # same moment would race to record it (measured: a unique violation on catalog_info).
    if same_encoder(catalog_encoder, config.encoder):
        dim = catalog_fact(session, "embedding_dim")
        if dim is None:
            set_catalog_fact(session, "embedding_dim", str(config.embedding_dim))
        elif int(dim) != config.embedding_dim:
            raise T2LError(f"this catalog's description embeddings have dimension {dim}, the checkpoint's encoder "
                           f"'{config.encoder}' makes {config.embedding_dim}")
    return GenerationSpec(
        checkpoint_path=str(checkpoint_dir), checkpoint_sha256=sha, checkpoint_name=name, checkpoint_row=row.id,
        base_model=config.base_model, encoder=config.encoder, dtype=dtype, namespace=namespace, precision=precision,
    )


# --- submit, resume, cancel, wait -------------------------------------------------------------------


@dataclass(frozen=True)
class SubmittedJob:
    id: int
    total: int
    chunks: int


def submit_job(
    catalog: Catalog,
    app: Celery,
    descriptions: Descriptions,
    *,
    checkpoint_dir: Path,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    dtype: str = "float32",
    namespace: str = "default",
    queue: str | None = None,
    precision: str = "float32",
) -> SubmittedJob:
    """Create the job and enqueue its chunks on ``queue`` (default: the app's, ``t2l``) (see the
    module doc). Raises
    ``BrokerUnavailableError`` before writing anything if the broker is down, and
    ``DatabaseUnavailableError`` if the database is."""
    from library.jobs import chunk_count, create_job
    from workers.app import DEFAULT_QUEUE, check_broker

    if chunk_size < 1:
        raise T2LError(f"--chunk-size must be at least 1, got {chunk_size}")
    check_broker(app)
    params = {
        "queue": queue or DEFAULT_QUEUE,  # resume enqueues on the same queue
        "source": descriptions.source,
        "skipped": {"malformed": len(descriptions.problems), "duplicates": descriptions.duplicates,
                    "lines": [{"line": p.line, "error": p.reason} for p in descriptions.problems[:100]]},
    }
    with catalog.begin() as session:
        spec = generation_spec(session, checkpoint_dir, catalog_encoder=catalog.encoder, dtype=dtype,
                               namespace=namespace, precision=precision)
        job = create_job(session, descriptions.items, chunk_size=chunk_size,
                         params={**params, "generation": spec.to_params()})
        job_id, total = job.id, job.total
        chunks = chunk_count(session, job_id)
    enqueue_chunks(catalog, app, job_id, range(chunks), queue=queue or DEFAULT_QUEUE)
    return SubmittedJob(job_id, total, chunks)


def enqueue_chunks(
    catalog: Catalog, app: Celery, job_id: int, positions: Sequence[int] | range, *, queue: str
) -> None:
    """One ``t2l.generate_chunk`` message per position, through one broker connection. On a
    broker failure the job records it and the error says how to finish enqueueing."""
    from library.jobs import set_job_error
    from workers.app import BrokerUnavailableError, display_url
    from workers.tasks import GENERATE_CHUNK

    task = app.tasks[GENERATE_CHUNK]
    sent = 0
    try:
        with app.producer_or_acquire() as producer:
            for position in positions:
                task.apply_async(args=[job_id, position], queue=queue, producer=producer, retry=False)
                sent += 1
    except Exception as exc:  # kombu/redis/amqp raise many types for a lost broker
        message = (f"job {job_id} is saved, but only {sent} of {len(positions)} chunks were queued: the broker at "
                   f"{display_url(app.conf.broker_url or '')} failed ({str(exc).strip() or type(exc).__name__}); "
                   f"run `t2l jobs resume {job_id}` when it is back")
        with catalog.begin() as session:
            set_job_error(session, job_id, message)
        raise BrokerUnavailableError(message) from exc


def resume_job(catalog: Catalog, app: Celery, job_id: int) -> int:
    """Re-enqueue every unfinished chunk of the job (``library.jobs.reopen_job``): chunks whose
    message died with a killed worker (the embedded broker never redelivers, Redis only after its
    visibility timeout), failed chunks, and a cancelled job's chunks. Safe to repeat: a chunk
    delivered twice is filed once. Returns how many chunks were enqueued."""
    from library.jobs import get_job, reopen_job
    from workers.app import DEFAULT_QUEUE, check_broker

    check_broker(app)
    with catalog.begin() as session:
        positions = reopen_job(session, job_id)
        queue = get_job(session, job_id).params.get("queue") or DEFAULT_QUEUE
    if positions:
        enqueue_chunks(catalog, app, job_id, positions, queue=queue)
    return len(positions)


def cancel_job(catalog: Catalog, job_id: int) -> int:
    """Cancel the job (``library.jobs.cancel_job``); returns how many chunks will not run."""
    from library.jobs import cancel_job as cancel

    with catalog.begin() as session:
        return cancel(session, job_id)


def job_status(catalog: Catalog, job_id: int, *, with_timings: bool = False) -> JobProgress:
    from library.jobs import job_progress

    with catalog.begin() as session:
        return job_progress(session, job_id, with_timings=with_timings)


def wait_for_job(
    catalog: Catalog,
    job_id: int,
    *,
    poll_seconds: float = 0.5,
    timeout: float | None = None,
    on_progress: Callable[[JobProgress], None] | None = None,
) -> JobProgress:
    """Poll the job until it is finished (done, failed or cancelled) and return its last state.
    ``TimeoutError`` after ``timeout`` seconds."""
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        progress = job_status(catalog, job_id)
        if on_progress is not None:
            on_progress(progress)
        if progress.finished:
            return progress
        if deadline is not None and time.monotonic() > deadline:
            raise TimeoutError(f"job {job_id} not finished after {timeout:g} s ({progress.done} of {progress.total} done)")
        time.sleep(poll_seconds)
