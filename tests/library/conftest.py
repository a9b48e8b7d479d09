"""Catalog fixtures: every catalog test runs on SQLite and on the real local PostgreSQL.

PostgreSQL: one fresh, uniquely named database per test session (dropped at the end), and one
schema per test inside it (``search_path`` in the URL), so tests never see each other's rows.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import torch
from pg_helpers import fresh_pg_schema, session_database

BASE_MODEL = "smollm2-135m-instruct"


@pytest.fixture(autouse=True)
def no_installed_hypernetwork(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """These tests choose their hypernetwork themselves: the shipped default checkpoint is hidden
    (tests/hypernet/test_default_checkpoint.py covers it), unless a test is marked
    ``installed_hypernetwork``."""
    import hypernet.checkpoint

    if request.node.get_closest_marker("installed_hypernetwork"):
        return
    monkeypatch.setattr(hypernet.checkpoint, "DEFAULT_CHECKPOINT_DIR", tmp_path / "no-default-checkpoint")


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """URL of a new PostgreSQL database for this test session."""
    with session_database("t2l_test") as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database: an SQLite file, or a fresh schema in the session's PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'catalog.db'}"
    return fresh_pg_schema(request.getfixturevalue("pg_database"))


@pytest.fixture
def settings(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Settings (and T2L_* variables, for the CLI) naming a migrated catalog in ``db_url``."""
    from library.db import make_engine
    from library.migrate import upgrade
    from t2l.settings import Settings, get_settings

    engine = make_engine(db_url)
    upgrade(engine)
    engine.dispose()
    monkeypatch.setenv("T2L_DATABASE_URL", db_url)
    monkeypatch.setenv("T2L_STORAGE_URL", str(tmp_path / "store"))
    get_settings.cache_clear()
    return Settings()


@pytest.fixture(scope="session")
def embed(encoder):
    from library.embed import encoder_embed_fn

    return encoder_embed_fn(encoder)


@pytest.fixture
def catalog(settings, embed):
    from library.catalog import open_catalog

    with open_catalog(settings, embed=embed) as opened:
        yield opened


@pytest.fixture(scope="session")
def smol_shapes(base_model) -> dict[str, tuple[int, int]]:
    from hypernet.peft_format import module_shapes

    return module_shapes(base_model.model)


def make_adapter(seed: int, *, layers: int = 2, rank: int = 2, hidden: int = 576, kv: int = 192):
    """A small random LoRA on the first ``layers`` blocks' q_proj/v_proj of SmolLM2's shapes."""
    from hypernet.peft_format import LoraAdapter

    gen = torch.Generator().manual_seed(seed)
    weights = {}
    for layer in range(layers):
        for name, out in (("q_proj", hidden), ("v_proj", kv)):
            path = f"model.layers.{layer}.self_attn.{name}"
            weights[path] = (torch.randn(rank, hidden, generator=gen) * 0.02, torch.randn(out, rank, generator=gen) * 0.02)
    return LoraAdapter(rank=rank, alpha=2.0 * rank, weights=weights, target_modules=["q_proj", "v_proj"],
                       base_model=BASE_MODEL, metadata={"seed": seed})


def unit(rng: np.random.Generator, n: int, dim: int = 384) -> np.ndarray:
    x = rng.standard_normal((n, dim)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


@pytest.fixture
def adapter_factory():
    return make_adapter
