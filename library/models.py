"""The catalog's tables, as SQLAlchemy 2.0 typed declarative models.

Models hold data, not workflow: queries live in ``library.catalog`` and take a session.
Any change here needs a migration in ``migrations/versions/`` (``t2l db upgrade`` applies it).
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Fixed from the first migration on, so constraint names Alembic generates stay stable.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# 64-bit ids on PostgreSQL; SQLite only auto-increments a column declared exactly INTEGER.
Id = BigInteger().with_variant(Integer(), "sqlite")


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class CatalogInfo(Base):
    """Key/value facts about this catalog (e.g. ``catalog_id``, a UUID written by the first
    migration, which names the FAISS index file so an index never pairs with another database)."""

    __tablename__ = "catalog_info"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class BaseModel(Base):
    """A frozen base LLM adapters are made for. ``module_shapes`` caches
    ``{module path: [in, out]}`` so imports are checked without loading the model."""

    __tablename__ = "base_models"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    module_shapes: Mapped[dict[str, list[int]] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Checkpoint(Base):
    """A hypernetwork checkpoint that generates adapters for one base model."""

    __tablename__ = "checkpoints"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    base_model_id: Mapped[int] = mapped_column(ForeignKey("base_models.id"))
    uri: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str | None] = mapped_column(String(64))
    config: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    base_model: Mapped[BaseModel] = relationship(lazy="joined")


class Adapter(Base):
    """One adapter. Its safetensors file lives in the adapter store under ``content_hash``;
    its ``adapter_config.json`` lives here in ``peft_config`` (see docs/BENCHMARKS.md and
    library/store.py for why the config is not a second blob).

    ``method`` says where it came from ("t2l", "import"); ``peft_method`` what kind of adapter it
    is (``hypernet.adapter_files.METHODS``: lora, rslora, dora, qlora, prompt-tuning, bottleneck)
    and ``peft_type`` its config's family (LORA, PROMPT_TUNING, BOTTLENECK). ``rank`` and ``alpha``
    are LoRA's (DoRA included); 0 for methods without them."""

    __tablename__ = "adapters"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    # Derived from (description, checkpoint, generation settings): a retried job finds its row.
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    method: Mapped[str] = mapped_column(String(32))  # "t2l" (hypernetwork), "import", ...
    peft_type: Mapped[str] = mapped_column(String(16), default="LORA")
    # no index: a handful of values; lookups filter candidates in Python (see library.lookup)
    peft_method: Mapped[str] = mapped_column(String(32), default="lora", server_default="lora")
    rank: Mapped[int] = mapped_column(Integer)
    alpha: Mapped[float] = mapped_column(Float)
    use_rslora: Mapped[bool] = mapped_column(Boolean, default=True)
    target_modules: Mapped[list[str]] = mapped_column(JSON)
    peft_config: Mapped[dict[str, Any]] = mapped_column(JSON)
    base_model_id: Mapped[int] = mapped_column(ForeignKey("base_models.id"), index=True)
    checkpoint_id: Mapped[int | None] = mapped_column(ForeignKey("checkpoints.id"), index=True)
    # provenance
    description: Mapped[str] = mapped_column(Text)
    encoder: Mapped[str | None] = mapped_column(String(200))
    seed: Mapped[int | None] = mapped_column(BigInteger)
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # storage
    storage_uri: Mapped[str] = mapped_column(Text)
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    # no index on status: nearly every row is "ready", and SQLite without statistics would pick it
    status: Mapped[str] = mapped_column(String(16), default="ready")
    namespace: Mapped[str] = mapped_column(String(100), default="default", index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    base_model: Mapped[BaseModel] = relationship(lazy="joined")
    tags: Mapped[list[AdapterTag]] = relationship(
        lazy="selectin", cascade="all, delete-orphan", order_by="AdapterTag.tag"
    )
    descriptions: Mapped[list[Description]] = relationship(
        back_populates="adapter", cascade="all, delete-orphan", order_by="Description.id"
    )
    evaluations: Mapped[list[Evaluation]] = relationship(cascade="all, delete-orphan")

    @property
    def tag_names(self) -> list[str]:
        return [t.tag for t in self.tags]


class AdapterTag(Base):
    """A free-form label on an adapter; a table (not a JSON list) so tag filters are plain SQL."""

    __tablename__ = "adapter_tags"

    adapter_id: Mapped[int] = mapped_column(ForeignKey("adapters.id", ondelete="CASCADE"), primary_key=True)
    tag: Mapped[str] = mapped_column(String(100), primary_key=True)

    __table_args__ = (Index("ix_adapter_tags_tag", "tag"),)


class Description(Base):
    """A text describing what an adapter does. Its id is its FAISS id; ``embedding`` holds the
    float32 encoder vector (normalised) so the index is rebuilt without an encoder pass."""

    __tablename__ = "descriptions"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    adapter_id: Mapped[int] = mapped_column(ForeignKey("adapters.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    embedding: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    adapter: Mapped[Adapter] = relationship(back_populates="descriptions")


class Evaluation(Base):
    """A score of one adapter on one benchmark or task."""

    __tablename__ = "evaluations"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    adapter_id: Mapped[int] = mapped_column(ForeignKey("adapters.id", ondelete="CASCADE"), index=True)
    benchmark: Mapped[str] = mapped_column(String(200))
    metric: Mapped[str] = mapped_column(String(64))
    score: Mapped[float] = mapped_column(Float)
    num_examples: Mapped[int | None] = mapped_column(Integer)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Job(Base):
    """A bulk job (e.g. generate adapters for many descriptions). Counts are updated by workers;
    ``params`` holds the job's input as JSON."""

    __tablename__ = "jobs"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    kind: Mapped[str] = mapped_column(String(64), default="generate")
    status: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    total: Mapped[int] = mapped_column(Integer, default=0)
    done: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))  # first chunk claimed
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class JobChunk(Base):
    """One slice of a job: the unit one worker task processes (``library.jobs`` moves it through
    its states). ``items`` holds its input as ``[[line, description], ...]``; ``done``, ``failed``
    and ``errors`` are written in the transaction that files its adapters."""

    __tablename__ = "job_chunks"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    size: Mapped[int] = mapped_column(Integer)
    items: Mapped[list[Any]] = mapped_column(JSON)
    done: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[list[Any]] = mapped_column(JSON, default=list)  # [{"line": n, "error": "..."}]
    timings: Mapped[dict[str, float]] = mapped_column(JSON, default=dict)  # seconds per pipeline stage
    attempts: Mapped[int] = mapped_column(Integer, default=0)  # > 1: redelivered, duplicated or retried
    worker: Mapped[str | None] = mapped_column(String(200))
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    __table_args__ = (
        UniqueConstraint("job_id", "position"),
        Index("ix_job_chunks_job_id_status", "job_id", "status"),
    )


__all__ = [
    "NAMING_CONVENTION",
    "Adapter",
    "AdapterTag",
    "Base",
    "BaseModel",
    "CatalogInfo",
    "Checkpoint",
    "Description",
    "Evaluation",
    "Job",
    "JobChunk",
]
