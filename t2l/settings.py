"""One settings object, read from ``T2L_*`` environment variables.

Every default is embedded: a home directory with an SQLite catalog, local adapter files and an
SQLite-backed broker, so the platform runs with no server at all.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_BASE_MODEL = "smollm2-135m-instruct"
DEFAULT_ENCODER = "all-minilm-l6-v2"


class Settings(BaseSettings):
    """Platform settings. Empty URLs mean "the embedded default under ``home``"."""

    model_config = SettingsConfigDict(env_prefix="T2L_", extra="ignore")

    home: Path = Field(
        default=Path("~/.cache/t2l"),
        description="Caches, the embedded catalog, the adapter store and the embedded broker live here.",
    )
    database_url: str = Field(default="", description="SQLAlchemy URL; default SQLite under home.")
    broker_url: str = Field(default="", description="Celery broker; default an SQLite broker under home.")
    result_backend: str = Field(default="", description="Celery result backend; default the database.")
    storage_url: str = Field(default="", description="Adapter store (path or fsspec URL); default home/adapters.")
    base_model: str = Field(
        default=DEFAULT_BASE_MODEL,
        description="Packaged model name, a Hugging Face model directory, a .gguf file, or a hub id.",
    )
    encoder: str = Field(
        default=DEFAULT_ENCODER,
        description="Packaged encoder name or a sentence-transformers directory.",
    )
    device: str = Field(default="auto", description="'auto', 'cpu', 'cuda' or 'cuda:N'.")

    @field_validator("home")
    @classmethod
    def _expand_home(cls, value: Path) -> Path:
        return value.expanduser().resolve()

    @property
    def model_cache_dir(self) -> Path:
        return self.home / "models"

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.home / 'catalog.db'}"

    @property
    def resolved_broker_url(self) -> str:
        return self.broker_url or f"sqla+sqlite:///{self.home / 'broker.db'}"

    @property
    def resolved_result_backend(self) -> str:
        return self.result_backend or f"db+{self.resolved_database_url}"

    @property
    def resolved_storage_url(self) -> str:
        return self.storage_url or str(self.home / "adapters")

    def resolved_device(self) -> str:
        """The torch device string: 'auto' becomes 'cuda' when a GPU is visible, else 'cpu'."""
        if self.device != "auto":
            return self.device
        import torch

        return "cuda" if torch.cuda.is_available() else "cpu"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings (read once from the environment)."""
    return Settings()
