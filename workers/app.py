"""The Celery application: broker and result backend from settings, configured as Celery's docs
recommend for long, idempotent jobs (late acks, one message prefetched per process, JSON only).

With no server configured the broker is kombu's SQLAlchemy transport on an SQLite file under
``T2L_HOME`` (``sqla+sqlite:///…/broker.db``): real worker processes, the same code path as Redis
or RabbitMQ, no server to run.

Callers submit through an app, never through a module-level default::

    app = make_celery_app(settings)
    check_broker(app)                       # clear error instead of kombu's endless retries
    app.tasks[PING].apply_async(queue=DEFAULT_QUEUE).get(timeout=30)
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from celery import Celery
from celery.signals import worker_process_init

from t2l.errors import T2LError
from t2l.settings import Settings, get_settings

log = logging.getLogger(__name__)

DEFAULT_QUEUE = "t2l"  # not Celery's "celery": a shared Redis/RabbitMQ may serve other apps
TASK_MODULES = ("workers.tasks",)

# A task that runs longer than this is redelivered by Redis (it has no real acks); bulk chunks
# are idempotent, so a redelivery only costs time. Keep it well above the longest chunk.
REDIS_VISIBILITY_TIMEOUT_S = 2 * 3600
RESULT_EXPIRES_S = 7 * 24 * 3600
BROKER_CONNECT_TIMEOUT_S = 5.0
SQLITE_BUSY_TIMEOUT_S = 30.0  # producer, worker and result writers share one file
# kombu's SQL transport sleeps this long after every empty poll (its default, 1 s, caps a worker
# at ~1 task/s). Each poll is one short SQLite transaction, so 5 per second per worker is cheap.
EMBEDDED_POLL_INTERVAL_S = 0.2


class BrokerUnavailableError(T2LError):
    """The Celery broker cannot be reached (or the embedded one cannot be created)."""


# --- hooks run in every forked worker process --------------------------------------------------

_process_init_callbacks: list[Callable[[], None]] = []
_process_initialised = False


def on_worker_process_init(callback: Callable[[], None]) -> Callable[[], None]:
    """Register ``callback`` to run in each forked pool process before it takes a task.

    The catalog registers ``engine.dispose(close=False)`` here: a pooled connection inherited
    through ``fork`` must never be used by two processes. Usable as a decorator; returns callback.
    """
    _process_init_callbacks.append(callback)
    return callback


def dispose_engine_after_fork(engine: Any) -> None:
    """Make forked workers drop (without closing) the parent's pooled connections of ``engine``."""
    on_worker_process_init(lambda: engine.dispose(close=False))


def process_initialised() -> bool:
    """True in a pool process where the worker_process_init hooks have run (prefork children)."""
    return _process_initialised


@worker_process_init.connect(weak=False)
def _run_process_init_callbacks(**_: Any) -> None:
    global _process_initialised
    for callback in _process_init_callbacks:
        callback()
    _process_initialised = True


def _dispose_kombu_sqla_engines() -> None:
    # kombu's SQLAlchemy transport caches engines on its Channel class, so forked children
    # inherit the parent's SQLite connections; drop them (the parent keeps using its own).
    from kombu.transport.sqlalchemy import Channel

    for engine, _session in list(Channel._engines.values()):
        engine.dispose(close=False)


on_worker_process_init(_dispose_kombu_sqla_engines)


# --- the app -----------------------------------------------------------------------------------


def _scheme(url: str) -> str:
    return urlsplit(url).scheme.lower()


def _sqlite_path(url: str) -> Path | None:
    """The file of an ``sqla+sqlite:///`` / ``db+sqlite:///`` / ``sqlite:///`` URL, else None."""
    for prefix in ("sqla+sqlite:///", "sqlalchemy+sqlite:///", "db+sqlite:///", "sqlite:///"):
        if url.startswith(prefix):
            rest = url[len(prefix) :].split("?", 1)[0]
            return Path(rest) if rest and rest != ":memory:" else None
    return None


_SESSION_METHODS = ("_get", "_put", "_purge", "_size", "_delete", "_new_queue")


def _guard_kombu_sqla_session() -> None:
    """kombu's SQLAlchemy channel keeps one session per channel. When a pool process dies mid-task,
    the requeue (a ``_put``) can arrive while that session is inside a ``_get``'s commit, from
    another thread or re-entering the same one, and the worker dies of IllegalStateChangeError
    with the task still unacked. Serialise the channel's calls across threads, and give a call
    that re-enters while the session is busy a session of its own."""
    from functools import wraps

    from kombu.transport.sqlalchemy import Channel

    if getattr(Channel, "_t2l_guarded", False):
        return

    def guarded(method: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(method)
        def call(self: Any, *args: Any, **kwargs: Any) -> Any:
            lock = self.__dict__.get("_t2l_lock") or self.__dict__.setdefault("_t2l_lock", threading.RLock())
            with lock:
                if not self.__dict__.get("_t2l_busy"):
                    self._t2l_busy = True
                    try:
                        return method(self, *args, **kwargs)
                    finally:
                        self._t2l_busy = False
                outer, self._session = self._session, None  # the property opens a fresh one
                try:
                    return method(self, *args, **kwargs)
                finally:
                    if self._session is not None:
                        self._session.close()
                    self._session = outer
        return call

    for name in _SESSION_METHODS:
        setattr(Channel, name, guarded(getattr(Channel, name)))
    Channel._t2l_guarded = True


def _prepare_embedded_broker(url: str) -> None:
    path = _sqlite_path(url)
    if path is None or not _scheme(url).startswith(("sqla+", "sqlalchemy+")):
        return
    _guard_kombu_sqla_session()
    # The transport passes every transport option to create_engine(), so its documented
    # ``polling_interval`` option cannot be given; set the attribute virtual transports read.
    from kombu.transport.sqlalchemy import Transport

    Transport.polling_interval = EMBEDDED_POLL_INTERVAL_S
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # WAL is a property of the file: set once, readers then never block the worker's writes.
        with sqlite3.connect(path, timeout=SQLITE_BUSY_TIMEOUT_S) as db:
            db.execute("PRAGMA journal_mode=WAL")
    except (OSError, sqlite3.Error) as exc:
        raise BrokerUnavailableError(
            f"cannot create the embedded broker database {path}: {exc}"
        ) from exc


def celery_config(broker_url: str, result_backend: str) -> dict[str, Any]:
    """The Celery settings for this broker and backend (a plain dict, so it can be inspected)."""
    conf: dict[str, Any] = {
        # At-least-once delivery: a task is acknowledged after it ran, and requeued if its
        # process dies; tasks must therefore be idempotent.
        "task_acks_late": True,
        "task_reject_on_worker_lost": True,
        "worker_prefetch_multiplier": 1,  # long tasks: never hoard messages another process could run
        "worker_cancel_long_running_tasks_on_connection_loss": True,  # they will be redelivered
        # After a pool process dies (e.g. a GPU OOM kill), wait this long for a result it may have
        # sent before declaring it lost and requeueing (default 10 s); tasks are idempotent.
        "worker_lost_wait": 3.0,
        "task_serializer": "json",
        "result_serializer": "json",
        "accept_content": ["json"],
        "result_accept_content": ["json"],
        "task_default_queue": DEFAULT_QUEUE,
        "task_track_started": True,  # job status can tell "queued" from "running"
        "result_expires": RESULT_EXPIRES_S,
        "result_backend_always_retry": True,  # SQLite "database is locked" is transient
        "result_backend_max_retries": 10,
        "broker_connection_timeout": BROKER_CONNECT_TIMEOUT_S,
        "broker_connection_retry_on_startup": True,
        "enable_utc": True,
        "timezone": "UTC",
    }
    scheme = _scheme(broker_url)
    if scheme in ("redis", "rediss"):
        conf["broker_transport_options"] = {
            "visibility_timeout": REDIS_VISIBILITY_TIMEOUT_S,
            "socket_connect_timeout": BROKER_CONNECT_TIMEOUT_S,
            "health_check_interval": 25,
        }
    elif scheme.startswith(("sqla+", "sqlalchemy+")) and "sqlite" in scheme:
        # Passed by kombu to create_engine: wait for the file lock instead of failing at once.
        conf["broker_transport_options"] = {"connect_args": {"timeout": SQLITE_BUSY_TIMEOUT_S}}
    backend_scheme = _scheme(result_backend)
    if backend_scheme in ("redis", "rediss"):
        conf["redis_socket_connect_timeout"] = BROKER_CONNECT_TIMEOUT_S
        conf["redis_retry_on_timeout"] = True
        conf["result_backend_transport_options"] = {
            "visibility_timeout": REDIS_VISIBILITY_TIMEOUT_S
        }
    elif _sqlite_path(result_backend) is not None:
        conf["database_engine_options"] = {"connect_args": {"timeout": SQLITE_BUSY_TIMEOUT_S}}
    return conf


def make_celery_app(settings: Settings | None = None, *, main: str = "t2l") -> Celery:
    """A Celery app for ``settings`` (default: the process settings), tasks registered.

    Broker: ``settings.resolved_broker_url`` (Redis, RabbitMQ, or the embedded SQLite default);
    result backend: ``settings.resolved_result_backend``. Creates the embedded broker's directory
    and file when it is the one in use. Does not connect: call :func:`check_broker` for that.
    """
    settings = settings or get_settings()
    broker = settings.resolved_broker_url
    backend = settings.resolved_result_backend
    _prepare_embedded_broker(broker)
    backend_path = _sqlite_path(backend)
    if backend_path is not None:
        backend_path.parent.mkdir(parents=True, exist_ok=True)
    app = Celery(main, broker=broker, backend=backend, include=list(TASK_MODULES))
    app.conf.update(celery_config(broker, backend))
    # Shared tasks attach to every app once their module is imported; import it here so a
    # producer process sees app.tasks[...] without having to know the module.
    import workers.tasks  # noqa: F401

    return app


# --- broker connectivity -----------------------------------------------------------------------


def _probe(app: Celery, timeout: float) -> None:
    """One real round trip to the broker (raises on failure)."""
    with app.connection_for_write(connect_timeout=timeout) as conn:
        conn.ensure_connection(
            max_retries=1, interval_start=0, interval_step=0.2, interval_max=0.2, timeout=timeout
        )
        channel = conn.default_channel
        driver = conn.transport.driver_type
        if driver == "redis":
            channel.client.ping()  # connect alone does not check auth or the db number
        elif driver == "sql":
            from sqlalchemy import text

            channel.session.execute(text("SELECT 1"))  # opens the file and creates kombu's tables
            channel.session.rollback()
        # amqp: the login in ensure_connection is the round trip.


def display_url(url: str) -> str:
    """``url`` with its password (if any) masked, for messages and logs."""
    parts = urlsplit(url)
    if not parts.password:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return parts._replace(netloc=netloc).geturl()


def check_broker(app: Celery, timeout: float = BROKER_CONNECT_TIMEOUT_S) -> None:
    """Raise :class:`BrokerUnavailableError` unless the broker answers within ``timeout`` seconds.

    Celery and kombu retry a dead broker forever; this fails fast with one clear line, e.g.
    ``cannot reach the broker at redis://127.0.0.1:1/0: Error 111 connecting to 127.0.0.1:1.
    Connection refused.``
    """
    url = display_url(app.conf.broker_url or "")
    failure: list[BaseException] = []

    def run() -> None:
        try:
            _probe(app, timeout)
        except BaseException as exc:  # reported to the caller's thread
            failure.append(exc)

    # A thread bounds the whole check: a black-holed host can stall a connect past any timeout.
    probe = threading.Thread(target=run, name="t2l-broker-check", daemon=True)
    probe.start()
    probe.join(timeout + 1.0)
    if _sqlite_path(app.conf.broker_url or "") is not None:
        hint = "check that T2L_HOME is writable"
    else:
        hint = "start it, or unset T2L_BROKER_URL to use the embedded SQLite broker"
    if probe.is_alive():
        raise BrokerUnavailableError(
            f"cannot reach the broker at {url}: no answer within {timeout:g} s ({hint})"
        )
    if failure:
        exc = failure[0]
        reason = str(exc).strip() or type(exc).__name__
        raise BrokerUnavailableError(
            f"cannot reach the broker at {url}: {reason} ({hint})"
        ) from exc
