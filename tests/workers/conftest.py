"""Fixtures of the bulk-job tests (tests/workers/test_jobs*.py): hypernetwork checkpoints for
SmolLM2's shapes, and a fresh PostgreSQL database per test session."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_helpers import session_database

sys.path.insert(0, str(Path(__file__).resolve().parent))  # jobs_helpers



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
    with session_database("t2l_jobs_test") as url:
        yield url
