"""Celery tasks: a few lines each around a plain, tested function; arguments are ids or small
JSON; every task is idempotent (delivery is at-least-once: acks are late)."""

from __future__ import annotations

from typing import Any

from celery import shared_task

from workers.identity import worker_identity

PING = "t2l.ping"


@shared_task(name=PING, bind=True)
def ping(self: Any, echo: Any = None) -> dict[str, Any]:
    """Prove the plumbing: which worker process ran this, on which device."""
    return worker_identity(self.request.hostname, echo)
