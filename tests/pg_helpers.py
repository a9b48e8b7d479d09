"""The real local PostgreSQL for tests: one fresh database per test session, one schema per test."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

PG_SERVER = os.environ.get("T2L_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")


@contextmanager
def session_database(prefix: str = "t2l_test") -> Iterator[str]:
    """URL of a new, uniquely named database, dropped on exit."""
    from sqlalchemy import create_engine, text

    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(f"{PG_SERVER}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield f"{PG_SERVER}/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def fresh_pg_schema(database_url: str) -> str:
    """A URL for a new, empty schema in ``database_url`` (``search_path`` in the URL), so tests
    never see each other's rows."""
    from sqlalchemy import create_engine, text

    schema = f"s_{uuid.uuid4().hex[:12]}"
    engine = create_engine(database_url)
    with engine.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    engine.dispose()
    return f"{database_url}?options=-csearch_path%3D{schema}"
