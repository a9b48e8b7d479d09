"""initial catalog: base models, checkpoints, adapters (+ tags, descriptions, evaluations), jobs

Revision ID: 0001
Revises:
Create Date: 2026-11-28

Self-contained on purpose (imports nothing from library/): a migration must keep meaning what it
meant when it was written. Constraint names follow library.models.NAMING_CONVENTION.
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
Now = sa.DateTime(timezone=True)


def upgrade() -> None:
    info = op.create_table(
        "catalog_info",
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_catalog_info")),
    )
    # names the FAISS index file, so an index file is never paired with another database
    op.bulk_insert(info, [{"key": "catalog_id", "value": uuid.uuid4().hex}])

    op.create_table(
        "base_models",
        sa.Column("id", Id, nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("module_shapes", sa.JSON(), nullable=True),
        sa.Column("created_at", Now, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_base_models")),
        sa.UniqueConstraint("name", name=op.f("uq_base_models_name")),
    )
    op.create_table(
        "jobs",
        sa.Column("id", Id, nullable=False),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("done", sa.Integer(), nullable=False),
        sa.Column("failed", sa.Integer(), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("created_at", Now, nullable=False),
        sa.Column("updated_at", Now, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_jobs")),
    )
    op.create_index(op.f("ix_jobs_status"), "jobs", ["status"])
    op.create_table(
        "checkpoints",
        sa.Column("id", Id, nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("base_model_id", Id, nullable=False),
        sa.Column("uri", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=True),
        sa.Column("config", sa.JSON(), nullable=False),
        sa.Column("created_at", Now, nullable=False),
        sa.ForeignKeyConstraint(["base_model_id"], ["base_models.id"], name=op.f("fk_checkpoints_base_model_id_base_models")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checkpoints")),
        sa.UniqueConstraint("name", name=op.f("uq_checkpoints_name")),
    )
    op.create_table(
        "adapters",
        sa.Column("id", Id, nullable=False),
        sa.Column("idempotency_key", sa.String(64), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("method", sa.String(32), nullable=False),
        sa.Column("peft_type", sa.String(16), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("alpha", sa.Float(), nullable=False),
        sa.Column("use_rslora", sa.Boolean(), nullable=False),
        sa.Column("target_modules", sa.JSON(), nullable=False),
        sa.Column("peft_config", sa.JSON(), nullable=False),
        sa.Column("base_model_id", Id, nullable=False),
        sa.Column("checkpoint_id", Id, nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("encoder", sa.String(200), nullable=True),
        sa.Column("seed", sa.BigInteger(), nullable=True),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("storage_uri", sa.Text(), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("namespace", sa.String(100), nullable=False),
        sa.Column("created_at", Now, nullable=False),
        sa.ForeignKeyConstraint(["base_model_id"], ["base_models.id"], name=op.f("fk_adapters_base_model_id_base_models")),
        sa.ForeignKeyConstraint(["checkpoint_id"], ["checkpoints.id"], name=op.f("fk_adapters_checkpoint_id_checkpoints")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_adapters")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_adapters_idempotency_key")),
    )
    for column in ("base_model_id", "checkpoint_id", "content_hash", "namespace"):
        op.create_index(op.f(f"ix_adapters_{column}"), "adapters", [column])
    op.create_table(
        "adapter_tags",
        sa.Column("adapter_id", Id, nullable=False),
        sa.Column("tag", sa.String(100), nullable=False),
        sa.ForeignKeyConstraint(["adapter_id"], ["adapters.id"], name=op.f("fk_adapter_tags_adapter_id_adapters"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("adapter_id", "tag", name=op.f("pk_adapter_tags")),
    )
    op.create_index("ix_adapter_tags_tag", "adapter_tags", ["tag"])
    op.create_table(
        "descriptions",
        sa.Column("id", Id, nullable=False),
        sa.Column("adapter_id", Id, nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("embedding", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", Now, nullable=False),
        sa.ForeignKeyConstraint(["adapter_id"], ["adapters.id"], name=op.f("fk_descriptions_adapter_id_adapters"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_descriptions")),
    )
    op.create_index(op.f("ix_descriptions_adapter_id"), "descriptions", ["adapter_id"])
    op.create_table(
        "evaluations",
        sa.Column("id", Id, nullable=False),
        sa.Column("adapter_id", Id, nullable=False),
        sa.Column("benchmark", sa.String(200), nullable=False),
        sa.Column("metric", sa.String(64), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("num_examples", sa.Integer(), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("created_at", Now, nullable=False),
        sa.ForeignKeyConstraint(["adapter_id"], ["adapters.id"], name=op.f("fk_evaluations_adapter_id_adapters"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluations")),
    )
    op.create_index(op.f("ix_evaluations_adapter_id"), "evaluations", ["adapter_id"])


def downgrade() -> None:
    for table in ("evaluations", "descriptions", "adapter_tags", "adapters", "checkpoints", "jobs", "base_models", "catalog_info"):
        op.drop_table(table)  # drops the table's indexes with it
