"""Per-annotator document status; provenance of adjudicated spans.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document_status",
        sa.Column(
            "document_id",
            sa.Integer,
            sa.ForeignKey("document.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "annotator_id",
            sa.Integer,
            sa.ForeignKey("annotator.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("updated", sa.DateTime(timezone=True), nullable=False),
    )
    with op.batch_alter_table("span") as batch:
        batch.add_column(sa.Column("provenance", sa.JSON, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("span") as batch:
        batch.drop_column("provenance")
    op.drop_table("document_status")
