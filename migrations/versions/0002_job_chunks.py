"""bulk jobs: job chunks (progress per chunk), job start and finish times

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28

Self-contained on purpose (imports nothing from library/). Constraint and index names follow
library.models.NAMING_CONVENTION.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
Now = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("jobs") as batch:  # batch: SQLite cannot ALTER most things in place
        batch.add_column(sa.Column("started_at", Now, nullable=True))
        batch.add_column(sa.Column("finished_at", Now, nullable=True))
    op.create_table(
        "job_chunks",
        sa.Column("id", Id, nullable=False),
        sa.Column("job_id", Id, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("done", sa.Integer(), nullable=False),
        sa.Column("failed", sa.Integer(), nullable=False),
        sa.Column("errors", sa.JSON(), nullable=False),
        sa.Column("timings", sa.JSON(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("worker", sa.String(200), nullable=True),
        sa.Column("started_at", Now, nullable=True),
        sa.Column("finished_at", Now, nullable=True),
        sa.ForeignKeyConstraint(["job_id"], ["jobs.id"], name=op.f("fk_job_chunks_job_id_jobs"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job_chunks")),
        sa.UniqueConstraint("job_id", "position", name=op.f("uq_job_chunks_job_id")),
    )
    op.create_index("ix_job_chunks_job_id_status", "job_chunks", ["job_id", "status"])


def downgrade() -> None:
    op.drop_index("ix_job_chunks_job_id_status", table_name="job_chunks")
    op.drop_table("job_chunks")
    with op.batch_alter_table("jobs") as batch:
        batch.drop_column("finished_at")
        batch.drop_column("started_at")
