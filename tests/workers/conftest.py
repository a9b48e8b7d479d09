"""Fixtures of the bulk-job tests (tests/workers/test_jobs*.py): hypernetwork checkpoints for
SmolLM2's shapes, and a fresh PostgreSQL database per test session."""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # jobs_helpers

PG_SERVER = os.environ.get("T2L_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")


@pytest.fixture(scope="session")
def small_checkpoint(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A saved hypernetwork checkpoint: SmolLM2 q_proj/v_proj shapes, latent 32, head 32."""
    from jobs_helpers import make_checkpoint

    return make_checkpoint(tmp_path_factory.mktemp("ckpt") / "small", small=True)


@pytest.fixture(scope="session")
def default_checkpoint(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same at the default size (L, latent 128, head 512: 8.6 M parameters)."""
    from jobs_helpers import make_checkpoint

    return make_checkpoint(tmp_path_factory.mktemp("ckpt") / "default", small=False)


@pytest.fixture(scope="session")
def jobs_pg_database() -> Iterator[str]:
    """URL of a new PostgreSQL database for this test session (dropped at the end)."""
    from sqlalchemy import create_engine, text

    name = f"t2l_jobs_test_{uuid.uuid4().hex[:12]}"
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
    """A URL for a new, empty schema in ``database_url`` (one per test: tests never share rows)."""
    from sqlalchemy import create_engine, text

    schema = f"s_{uuid.uuid4().hex[:12]}"
    engine = create_engine(database_url)
    with engine.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    engine.dispose()
    return f"{database_url}?options=-csearch_path%3D{schema}"
