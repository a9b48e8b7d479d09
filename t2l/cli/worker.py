"""``t2l worker``: run a Celery worker for the platform's app (broker and backend from T2L_*)."""

from __future__ import annotations

import enum
import os
import re

import typer

from t2l.errors import T2LError

_DEVICE = re.compile(r"^(auto|cpu|mps|cuda(:\d+)?)$")


class Pool(str, enum.Enum):
    prefork = "prefork"
    solo = "solo"
    threads = "threads"


def worker(
    device: str = typer.Option(
        None,
        "--device",
        help="Device for this worker's tasks: cpu, cuda, cuda:N (sets T2L_DEVICE).",
    ),
    concurrency: int = typer.Option(
        1, "--concurrency", "-c", min=1, help="Pool processes/threads (one per GPU model copy)."
    ),
    queues: str = typer.Option(
        "t2l",  # = workers.app.DEFAULT_QUEUE (not imported: keeps --help fast)
        "--queues",
        "-Q",
        help="Comma-separated queues to consume.",
    ),
    pool: Pool = typer.Option(
        Pool.prefork, "--pool", "-P", help="prefork (default), solo (one process), threads."
    ),
    hostname: str = typer.Option(
        None, "--hostname", "-n", help="Node name; default t2l-<device>@<host>."
    ),
    loglevel: str = typer.Option("INFO", "--loglevel", "-l", help="DEBUG, INFO, WARNING, ERROR."),
    broker_timeout: float = typer.Option(
        5.0, "--broker-timeout", help="Seconds to wait for the broker at start."
    ),
    include: str = typer.Option(
        "", "--include", "-I", help="Comma-separated extra task modules to import."
    ),
) -> None:
    """Start a worker: checks the broker first (a clear error, not endless retries), then runs."""
    if device is not None:
        if not _DEVICE.match(device):
            raise T2LError(f"--device {device!r}: expected auto, cpu, mps, cuda or cuda:N")
        # Through the environment, so forked pool processes and get_settings() agree.
        os.environ["T2L_DEVICE"] = device
    from t2l.settings import get_settings
    from workers.app import check_broker, make_celery_app

    get_settings.cache_clear()
    settings = get_settings()
    app = make_celery_app(settings)
    check_broker(app, timeout=broker_timeout)
    node = hostname or f"t2l-{settings.device.replace(':', '-')}@%h"
    app.worker_main(
        argv=[
            "worker",
            f"--loglevel={loglevel}",
            f"--pool={pool.value}",
            f"--concurrency={concurrency}",
            f"--queues={queues}",
            f"--hostname={node}",
            # Cluster chatter we do not use; mingle alone costs a second at start.
            "--without-gossip",
            "--without-mingle",
            *([f"--include={include}"] if include else []),
        ]
    )


def register(app: typer.Typer) -> None:
    app.command()(worker)
