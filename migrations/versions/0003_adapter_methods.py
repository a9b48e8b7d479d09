"""adapters of every PEFT method: adapters.peft_method (lora, rslora, dora, qlora, prompt-tuning,
bottleneck)

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05

Existing rows are LoRA: ``rslora`` where ``use_rslora`` is set, else ``lora``. Self-contained on
purpose (imports nothing from library/).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("adapters") as batch:  # batch: SQLite cannot ALTER most things in place
        batch.add_column(sa.Column("peft_method", sa.String(32), nullable=False, server_default="lora"))
    op.execute("UPDATE adapters SET peft_method = 'rslora' WHERE use_rslora")


def downgrade() -> None:
    with op.batch_alter_table("adapters") as batch:
        batch.drop_column("peft_method")
