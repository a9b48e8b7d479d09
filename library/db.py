"""Engines and sessions for the catalog database: SQLite (embedded default) or PostgreSQL.

The caller owns the transaction: ``with sessions.begin() as session: ...``. Functions in
``library.catalog`` take that session and never commit.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from library.errors import DatabaseUnavailableError


def make_engine(url: str, *, connect_timeout: int = 5) -> Engine:
    """An engine for ``url`` with the settings this catalog relies on.

    SQLite gets WAL (readers do not block the writer), foreign keys on and a 30 s busy timeout;
    PostgreSQL a connect timeout, so an unreachable server fails fast with a clear error.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        return engine
    connect_args: dict = {}
    if parsed.get_backend_name() == "postgresql":
        # prepare_threshold=None: no server-side prepared statements. A statement psycopg prepared
        # while a table was small kept its generic plan (a sequential scan matching each row
        # against a 1,000-key array) as the table grew: 6 s per query at 96,000 adapters.
        connect_args = {"connect_timeout": connect_timeout, "prepare_threshold": None}
    return create_engine(url, pool_pre_ping=True, connect_args=connect_args)


def display_url(engine: Engine) -> str:
    """The engine's URL without its password, for messages."""
    return engine.url.render_as_string(hide_password=True)


def check_reachable(engine: Engine) -> None:
    """Raise ``DatabaseUnavailableError`` (with the URL and the driver's reason) unless a
    connection can be opened."""
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except (OperationalError, DBAPIError) as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)
        raise DatabaseUnavailableError(
            f"cannot reach the catalog database {display_url(engine)}: {reason} "
            "(check T2L_DATABASE_URL and that the server is running)"
        ) from exc


def make_sessions(engine: Engine) -> sessionmaker[Session]:
    # expire_on_commit=False: returned Adapter rows stay readable after the caller's commit.
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def translate_db_errors(engine: Engine) -> Iterator[None]:
    """Turn a lost or refused connection inside the block into ``DatabaseUnavailableError``."""
    try:
        yield
    except OperationalError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)
        raise DatabaseUnavailableError(f"catalog database {display_url(engine)} failed: {reason}") from exc
