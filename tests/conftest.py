"""Shared fixtures: the real default base model and encoder, loaded once per test session.

The base model's safetensors cache lives in ``.t2l/test-cache`` (git-ignored) so that only the
first run on a machine pays the ~25 s GGUF conversion.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
MODEL_CACHE = Path(os.environ.get("T2L_TEST_MODEL_CACHE", REPO / ".t2l" / "test-cache" / "models"))


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the user's ~/.cache/t2l: T2L_HOME points at a fresh directory. Its model cache
    is the shared test cache, so a command that loads the base model (in this process or a
    subprocess) does not pay the ~25 s GGUF conversion again."""
    from t2l.settings import get_settings

    home = tmp_path_factory.mktemp("t2l-home")
    MODEL_CACHE.mkdir(parents=True, exist_ok=True)
    (home / "models").symlink_to(MODEL_CACHE, target_is_directory=True)
    monkeypatch.setenv("T2L_HOME", str(home))
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture(scope="session")
def model_cache() -> Path:
    MODEL_CACHE.mkdir(parents=True, exist_ok=True)
    return MODEL_CACHE


@pytest.fixture(scope="session")
def base_model(model_cache: Path):
    """SmolLM2-135M-Instruct from its packaged GGUF, through the safetensors cache, float32, CPU."""
    from hypernet.base_model import load_base_model

    return load_base_model("smollm2-135m-instruct", cache_dir=model_cache)


@pytest.fixture(scope="session")
def encoder():
    from hypernet.encoder import load_encoder

    return load_encoder("all-minilm-l6-v2")
