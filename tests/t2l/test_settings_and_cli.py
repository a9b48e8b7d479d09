from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from t2l.settings import Settings

REPO = Path(__file__).resolve().parents[2]


def test_embedded_defaults_need_no_server(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("T2L_HOME", str(tmp_path))
    settings = Settings()
    assert settings.resolved_database_url == f"sqlite:///{tmp_path}/catalog.db"
    assert settings.resolved_broker_url.startswith("sqla+sqlite:///")
    assert settings.resolved_storage_url == str(tmp_path / "adapters")
    assert settings.base_model == "smollm2-135m-instruct" and settings.encoder == "all-minilm-l6-v2"


def test_environment_variables_override_defaults(monkeypatch):
    monkeypatch.setenv("T2L_DATABASE_URL", "postgresql+psycopg://127.0.0.1/test")
    monkeypatch.setenv("T2L_BROKER_URL", "redis://127.0.0.1:6379/0")
    monkeypatch.setenv("T2L_DEVICE", "cpu")
    settings = Settings()
    assert settings.resolved_database_url == "postgresql+psycopg://127.0.0.1/test"
    assert settings.resolved_broker_url == "redis://127.0.0.1:6379/0"
    assert settings.resolved_device() == "cpu"


def _t2l(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "t2l", *args], cwd=REPO, capture_output=True, text=True,
        env={**os.environ, **(env or {})}, timeout=120,
    )


def test_cli_help_lists_commands():
    result = _t2l("--help")
    assert result.returncode == 0
    assert "demo" in result.stdout and "info" in result.stdout


def test_cli_reports_a_bad_model_as_one_clear_line(tmp_path: Path):
    result = _t2l("info", "--targets", env={"T2L_BASE_MODEL": str(tmp_path / "nope.gguf")})
    assert result.returncode == 2
    assert "GGUF file not found" in result.stderr
    assert "Traceback" not in result.stderr
