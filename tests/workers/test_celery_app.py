"""The Celery app's configuration, the after-fork hooks and the fast broker check (no worker)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from celery.signals import worker_process_init

from t2l.errors import T2LError
from t2l.settings import Settings
from workers import app as worker_app
from workers.app import (
    DEFAULT_QUEUE,
    EMBEDDED_POLL_INTERVAL_S,
    REDIS_VISIBILITY_TIMEOUT_S,
    BrokerUnavailableError,
    check_broker,
    display_url,
    make_celery_app,
    on_worker_process_init,
)
from workers.tasks import PING

REPO = Path(__file__).resolve().parents[2]


def test_embedded_default_is_sqlite_broker_and_database_backend(tmp_path: Path):
    app = make_celery_app(
        Settings(home=tmp_path, broker_url="", result_backend="", database_url="")
    )
    assert app.conf.broker_url == f"sqla+sqlite:///{tmp_path}/broker.db"
    assert app.conf.result_backend == f"db+sqlite:///{tmp_path}/catalog.db"
    # The embedded broker file exists, in WAL mode (set once, a property of the file).
    import sqlite3

    with sqlite3.connect(tmp_path / "broker.db") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert app.conf.broker_transport_options == {"connect_args": {"timeout": 30.0}}
    from kombu.transport.sqlalchemy import Transport

    assert Transport.polling_interval == EMBEDDED_POLL_INTERVAL_S  # not kombu's 1 s
    assert PING in app.tasks
    check_broker(app, timeout=5)  # creates kombu's tables: a real round trip


def test_reliability_settings_follow_celery_docs(tmp_path: Path):
    app = make_celery_app(
        Settings(
            home=tmp_path,
            broker_url="redis://127.0.0.1:6379/14",
            result_backend="redis://127.0.0.1:6379/14",
        )
    )
    conf = app.conf
    assert conf.task_acks_late is True and conf.task_reject_on_worker_lost is True
    assert conf.worker_prefetch_multiplier == 1
    assert conf.task_serializer == "json" and conf.result_serializer == "json"
    assert list(conf.accept_content) == ["json"]
    assert conf.task_default_queue == DEFAULT_QUEUE
    assert conf.result_expires == 7 * 24 * 3600
    assert conf.broker_transport_options["visibility_timeout"] == REDIS_VISIBILITY_TIMEOUT_S
    assert conf.result_backend_transport_options["visibility_timeout"] == REDIS_VISIBILITY_TIMEOUT_S
    check_broker(app, timeout=5)


def test_process_init_hooks_run_on_worker_process_init():
    calls: list[str] = []
    hook = on_worker_process_init(lambda: calls.append("disposed"))
    try:
        assert not worker_app.process_initialised() or calls == []
        worker_process_init.send(sender=None)
        assert calls == ["disposed"]
        assert worker_app.process_initialised()
    finally:
        worker_app._process_init_callbacks.remove(hook)
        worker_app._process_initialised = False


def test_dispose_engine_after_fork_drops_pooled_connections(tmp_path: Path):
    from sqlalchemy import create_engine, text

    engine = create_engine(f"sqlite:///{tmp_path}/x.db")
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    assert engine.pool.checkedin() == 1
    before = list(worker_app._process_init_callbacks)
    worker_app.dispose_engine_after_fork(engine)
    try:
        worker_process_init.send(sender=None)
        assert engine.pool.checkedin() == 0  # a fresh pool: the child opens its own connections
    finally:
        worker_app._process_init_callbacks[:] = before
        worker_app._process_initialised = False


@pytest.mark.parametrize(
    "url, reason",
    [
        ("redis://127.0.0.1:1/0", "Connection refused"),
        ("amqp://guest:secret@127.0.0.1:1//", "Connection refused"),
        ("amqp://guest:wrong-password@127.0.0.1:5672//", "ACCESS_REFUSED"),
    ],
)
def test_dead_broker_fails_fast_with_a_clear_error(tmp_path: Path, url: str, reason: str):
    app = make_celery_app(Settings(home=tmp_path, broker_url=url))
    start = time.perf_counter()
    with pytest.raises(BrokerUnavailableError) as info:
        check_broker(app, timeout=2)
    elapsed = time.perf_counter() - start
    message = str(info.value)
    assert isinstance(info.value, T2LError)
    assert message.startswith(f"cannot reach the broker at {display_url(url)}: ")
    assert reason in message
    assert "secret" not in message and "wrong-password" not in message  # password masked
    assert elapsed < 3.5


def test_unwritable_embedded_broker_is_a_clear_error(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(BrokerUnavailableError, match="cannot create the embedded broker database"):
        make_celery_app(Settings(home=blocker / "home"))


def _t2l(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("T2L_")}
    return subprocess.run(
        [sys.executable, "-m", "t2l", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**clean, **env, "COLUMNS": "200"},
        timeout=60,
        check=False,
    )


def test_worker_command_with_dead_broker_exits_with_one_line(tmp_path: Path):
    start = time.perf_counter()
    result = _t2l(
        "worker",
        "--broker-timeout",
        "2",
        env={"T2L_HOME": str(tmp_path), "T2L_BROKER_URL": "redis://127.0.0.1:1/0"},
    )
    elapsed = time.perf_counter() - start
    assert result.returncode == 2, result.stderr
    assert "cannot reach the broker at redis://127.0.0.1:1/0" in result.stderr
    assert "Connection refused" in result.stderr
    assert "Traceback" not in result.stderr
    assert elapsed < 10


def test_worker_command_rejects_a_bad_device(tmp_path: Path):
    result = _t2l("worker", "--device", "gpu0", env={"T2L_HOME": str(tmp_path)})
    assert result.returncode == 2
    assert "expected auto, cpu, mps, cuda or cuda:N" in result.stderr


def test_cli_default_queue_is_the_app_default_queue():
    import inspect

    from t2l.cli.worker import worker

    assert inspect.signature(worker).parameters["queues"].default.default == DEFAULT_QUEUE


def test_the_embedded_broker_channel_serialises_threads_and_gives_a_reentrant_call_its_own_session(tmp_path: Path):
    """A pool process that dies makes billiard's result thread requeue its task (a _put) while the
    main thread polls (a _get) on the same kombu SQLAlchemy session; unguarded, that killed the
    worker (IllegalStateChangeError) and lost the task."""
    import threading

    from kombu import Connection

    from workers.app import _prepare_embedded_broker

    url = f"sqla+sqlite:///{tmp_path / 'broker.db'}"
    _prepare_embedded_broker(url)
    with Connection(url) as connection:
        channel = connection.default_channel
        errors: list[BaseException] = []

        def put_many(tag: str) -> None:
            try:
                for n in range(40):
                    channel._put("q", {"body": f"{tag}{n}"})
            except BaseException as exc:  # noqa: BLE001 - collected for the assertion below
                errors.append(exc)

        threads = [threading.Thread(target=put_many, args=(tag,)) for tag in "ab"]
        for thread in threads:
            thread.start()
        got = 0
        while any(t.is_alive() for t in threads) or channel._size("q"):
            try:
                channel._get("q")
                got += 1
            except Exception as exc:  # noqa: BLE001 - Empty is expected; anything else is the bug
                if type(exc).__name__ != "Empty":
                    errors.append(exc)
                    break
        for thread in threads:
            thread.join()
        assert not errors and got == 80

        # a call made while the channel is inside another (same thread) runs on a session of its own
        shared = channel.session
        channel._t2l_busy = True
        try:
            channel._put("q", {"body": "inner"})
        finally:
            channel._t2l_busy = False
        assert channel.session is shared and channel._size("q") == 1
