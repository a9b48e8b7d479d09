"""What a worker process reports about itself (the plain function behind ``t2l.ping``)."""

from __future__ import annotations

import os
import socket
from typing import Any

from t2l.settings import get_settings
from workers.app import process_initialised


def worker_identity(nodename: str | None, echo: Any = None) -> dict[str, Any]:
    """Who ran this: Celery node name, machine, process id, configured device.

    ``device`` is the worker's ``T2L_DEVICE`` (set by ``t2l worker --device``), not resolved, so
    answering a ping never imports torch. ``process_initialised`` is True in a forked pool process
    whose after-fork hooks ran. ``echo`` is returned unchanged (a JSON round-trip check).
    """
    return {
        "nodename": nodename,
        "host": socket.gethostname(),
        "pid": os.getpid(),
        "device": get_settings().device,
        "process_initialised": process_initialised(),
        "echo": echo,
    }
