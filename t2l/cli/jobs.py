"""``t2l jobs ...``: bulk adapter generation through Celery workers.

    t2l worker --concurrency 2                                  # one or more, anywhere
    t2l jobs submit --synthetic 10000 --seed 0 --checkpoint ckpt/ --wait
    t2l jobs submit --descriptions tasks.jsonl --on-error skip  # prints the job id
    t2l jobs status 7 ; t2l jobs wait 7 ; t2l jobs cancel 7 ; t2l jobs resume 7 ; t2l jobs list

Progress lives in the catalog database, so any machine that reaches it can follow a job. If a
worker was killed, ``resume`` re-enqueues the chunks that did not finish (a chunk delivered twice
is filed once).
"""

from __future__ import annotations

import enum
import json
import time
from collections import deque
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.table import Table

from t2l.errors import T2LError

if TYPE_CHECKING:
    from library.catalog import Catalog
    from library.jobs import JobProgress

console = Console()
err_console = Console(stderr=True)
jobs_app = typer.Typer(help="Bulk adapter generation jobs: submit, status, wait, cancel, resume.",
                       no_args_is_help=True)
STALL_HINT_S = 60.0  # no progress this long while chunks are open: say how to recover


class OnError(str, enum.Enum):
    skip = "skip"
    reject = "reject"


def _open() -> Catalog:
    from library.catalog import open_catalog

    return open_catalog()


def _app():
    from workers.app import make_celery_app

    return make_celery_app()


@jobs_app.command("submit")
def submit(
    descriptions: Path | None = typer.Option(None, "--descriptions", "-d",
                                                help='JSON Lines: {"description": "..."} (or a JSON string) per line.'),
    synthetic: int | None = typer.Option(None, "--synthetic", min=1, help="N synthetic task descriptions instead."),
    seed: int = typer.Option(0, "--seed", help="Seed of the synthetic draw."),
    checkpoint: Path | None = typer.Option(None, "--checkpoint", "-c",
                                              help="Hypernetwork checkpoint directory (default: the installed one)."),
    chunk_size: int = typer.Option(64, "--chunk-size", min=1, help="Descriptions per task (one forward pass each)."),
    dtype: str = typer.Option("float32", "--dtype", help="Stored adapter weights: float32, bfloat16, float16."),
    precision: str = typer.Option("float32", "--precision",
                                  help="Encoder + hypernetwork compute: float32, or bfloat16 (2-3x faster on CPUs "
                                       "with AVX-512 BF16 and on GPUs; slightly different weights, own key)."),
    namespace: str = typer.Option("default", "--namespace", help="Catalog namespace of the adapters."),
    queue: str = typer.Option("t2l", "--queue", "-Q", help="Celery queue (workers consume it with -Q)."),
    on_error: OnError = typer.Option(OnError.reject, "--on-error",
                                     help="Malformed lines: reject the file (default) or skip them."),
    wait: bool = typer.Option(False, "--wait", "-w", help="Follow the job until it finishes."),
    timeout: float | None = typer.Option(None, "--timeout", help="With --wait: stop following after this many s."),
    as_json: bool = typer.Option(False, "--json", help="Print the job as JSON."),
) -> None:
    """Submit a bulk generation job; prints its id."""
    from workers.jobs import (
        apply_on_error,
        encoder_token_counter,
        read_descriptions,
        resolve_checkpoint_dir,
        submit_job,
        synthetic_items,
    )

    if (descriptions is None) == (synthetic is None):
        raise T2LError("give either --descriptions FILE.jsonl or --synthetic N")
    checkpoint_dir = resolve_checkpoint_dir(checkpoint)
    if descriptions is not None:
        from hypernet.checkpoint import read_checkpoint_config

        config, _ = read_checkpoint_config(checkpoint_dir)
        count_tokens, limit = encoder_token_counter(config.encoder)
        items = apply_on_error(read_descriptions(descriptions, count_tokens=count_tokens, token_limit=limit),
                               on_error.value)
        if items.problems:
            err_console.print(f"[yellow]skipped {len(items.problems)} malformed line(s):[/]\n{items.problem_report()}")
        if items.duplicates:
            err_console.print(f"[yellow]{items.duplicates} line(s) repeat an earlier description; each is made once[/]")
    else:
        items = synthetic_items(synthetic or 0, seed)
    catalog = _open()
    try:
        job = submit_job(catalog, _app(), items, checkpoint_dir=checkpoint_dir, chunk_size=chunk_size, dtype=dtype,
                         namespace=namespace, queue=queue, precision=precision)
        if as_json:
            print(json.dumps({"job": job.id, "total": job.total, "chunks": job.chunks}))
        else:
            err_console.print(f"job {job.id}: {job.total} descriptions in {job.chunks} chunks, queued")
            console.print(job.id)
        if wait:
            _follow(catalog, job.id, timeout)
    finally:
        catalog.close()


@jobs_app.command("status")
def status(
    job_id: int = typer.Argument(..., help="Job id."),
    as_json: bool = typer.Option(False, "--json", help="Print the job as JSON."),
) -> None:
    """Show a job: counts, chunks by state, rate and the first errors."""
    from workers.jobs import job_status

    catalog = _open()
    try:
        progress = job_status(catalog, job_id, with_timings=as_json)
    finally:
        catalog.close()
    if as_json:
        print(json.dumps(progress.to_dict(), default=str))
        return
    table = Table(show_header=False, box=None)
    table.add_row("job", f"{progress.id} ({progress.kind})")
    table.add_row("status", progress.status)
    table.add_row("done", f"{progress.done} of {progress.total}")
    table.add_row("failed", str(progress.failed))
    table.add_row("chunks", ", ".join(f"{n} {state}" for state, n in sorted(progress.chunks.items())))
    if progress.redelivered:
        table.add_row("redelivered", f"{progress.redelivered} chunk deliveries beyond the first")
    rate = _average_rate(progress)
    if rate is not None:
        table.add_row("rate", f"{rate:.1f} adapters/s")
    generation = progress.params.get("generation", {})
    if generation:
        table.add_row("checkpoint", f"{generation.get('checkpoint_name')} ({generation.get('checkpoint_path')})")
    skipped = progress.params.get("skipped", {})
    if skipped.get("malformed") or skipped.get("duplicates"):
        table.add_row("left out", f"{skipped.get('malformed', 0)} malformed line(s), "
                                  f"{skipped.get('duplicates', 0)} duplicate(s)")
    if progress.error:
        table.add_row("error", progress.error)
    console.print(table)
    for item in progress.errors:
        console.print(f"  line {item['line']}: {item['error']}")


@jobs_app.command("wait")
def wait(
    job_id: int = typer.Argument(..., help="Job id."),
    timeout: float | None = typer.Option(None, "--timeout", help="Stop following after this many seconds."),
) -> None:
    """Follow a job with a live progress bar until it finishes (Ctrl-C stops following, not the job)."""
    catalog = _open()
    try:
        _follow(catalog, job_id, timeout)
    finally:
        catalog.close()


@jobs_app.command("cancel")
def cancel(job_id: int = typer.Argument(..., help="Job id.")) -> None:
    """Cancel a job: chunks not yet filed will not run; adapters already filed stay."""
    from workers.jobs import cancel_job, job_status

    catalog = _open()
    try:
        chunks = cancel_job(catalog, job_id)
        progress = job_status(catalog, job_id)
    finally:
        catalog.close()
    console.print(f"job {job_id}: {progress.status}; {chunks} chunk(s) will not run; "
                  f"{progress.done} adapter(s) filed stay in the catalog")


@jobs_app.command("resume")
def resume(
    job_id: int = typer.Argument(..., help="Job id."),
    wait: bool = typer.Option(False, "--wait", "-w", help="Follow the job until it finishes."),
) -> None:
    """Re-enqueue a job's unfinished chunks (after a killed worker, a failure, or a cancel)."""
    from workers.jobs import resume_job

    catalog = _open()
    try:
        count = resume_job(catalog, _app(), job_id)
        console.print(f"job {job_id}: {count} unfinished chunk(s) enqueued" if count
                      else f"job {job_id}: nothing to resume")
        if wait and count:
            _follow(catalog, job_id)
    finally:
        catalog.close()


@jobs_app.command("list")
def list_jobs(limit: int = typer.Option(20, "--limit", "-n", min=1, help="How many, newest first.")) -> None:
    """The most recent jobs."""
    from library.jobs import list_jobs as recent

    catalog = _open()
    try:
        with catalog.begin() as session:
            jobs = recent(session, limit=limit)
    finally:
        catalog.close()
    table = Table("id", "status", "done", "failed", "total", "created")
    for job in jobs:
        table.add_row(str(job.id), job.status, str(job.done), str(job.failed), str(job.total),
                      job.created_at.strftime("%Y-%m-%d %H:%M:%S"))
    console.print(table)


# --- live progress ------------------------------------------------------------------------------------


def _average_rate(progress: JobProgress) -> float | None:
    if progress.started_at is None:
        return None
    end = progress.finished_at or progress.updated_at
    seconds = (end - progress.started_at).total_seconds()
    return progress.done / seconds if seconds > 0 and progress.done else None


def _follow(catalog: Catalog, job_id: int, timeout: float | None = None) -> None:
    """A live bar (done, failed, rate over the last 10 s, ETA) until the job finishes; exit code 1
    when anything failed or the job was cancelled; a ``T2LError`` after ``timeout`` seconds."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from workers.jobs import job_status

    samples: deque[tuple[float, int]] = deque()
    stalled_since = started = time.monotonic()
    hinted = False
    last_count = -1
    columns = (TextColumn("job {task.fields[job]}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("failed {task.fields[failed]}"), TextColumn("{task.fields[rate]}"),
               TextColumn("ETA {task.fields[eta]}"))
    with Progress(*columns, console=err_console, transient=False) as bar:
        progress = job_status(catalog, job_id)
        task = bar.add_task("job", total=progress.total, job=job_id, failed=0, rate="-/s", eta="-")
        while True:
            progress = job_status(catalog, job_id)
            now = time.monotonic()
            count = progress.done + progress.failed
            samples.append((now, progress.done))
            while len(samples) > 2 and now - samples[0][0] > 10.0:
                samples.popleft()
            span = samples[-1][0] - samples[0][0]
            rate = (samples[-1][1] - samples[0][1]) / span if span > 0 else 0.0
            eta = "-" if rate <= 0 else time.strftime("%H:%M:%S", time.gmtime(progress.remaining / rate))
            bar.update(task, completed=count, failed=progress.failed, rate=f"{rate:.1f}/s", eta=eta)
            if count != last_count:
                last_count, stalled_since = count, now
            elif not hinted and now - stalled_since > STALL_HINT_S and not progress.finished:
                bar.console.print(f"[yellow]no progress for {STALL_HINT_S:.0f} s: is a worker running (`t2l worker`)? "
                                  f"If one was killed, `t2l jobs resume {job_id}` re-enqueues its chunks[/]")
                hinted = True
            if progress.finished:
                break
            if timeout is not None and now - started > timeout:
                raise T2LError(f"job {job_id} not finished after {timeout:g} s ({progress.done} done, "
                               f"{progress.failed} failed of {progress.total}); it keeps running")
            time.sleep(0.5)
    rate = _average_rate(progress)
    summary = f"job {job_id} {progress.status}: {progress.done} done, {progress.failed} failed of {progress.total}"
    err_console.print(summary + (f" ({rate:.1f} adapters/s)" if rate else ""))
    for item in progress.errors[:5]:
        err_console.print(f"  line {item['line']}: {item['error']}")
    if progress.status != "done" or progress.failed:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.add_typer(jobs_app, name="jobs")
