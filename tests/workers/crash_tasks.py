"""A task for the crash test only (imported by the test worker through ``--include``)."""

from __future__ import annotations

import os
from pathlib import Path

from celery import shared_task

DIE_ONCE = "t2l.test.die_once"


@shared_task(name=DIE_ONCE)
def die_once(marker: str) -> dict[str, int]:
    """Count deliveries in ``marker``; the first delivery kills its pool process mid-task."""
    path = Path(marker)
    deliveries = int(path.read_text()) + 1 if path.exists() else 1
    path.write_text(str(deliveries))
    if deliveries == 1:
        os._exit(1)  # as a GPU out-of-memory kill would: no exception, no ack
    return {"deliveries": deliveries, "pid": os.getpid()}
