"""Which documents a curator assigned to which annotator (team mode's work lists).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _fk(name: str, target: str, primary_key: bool = False) -> sa.Column[int]:
    return sa.Column(
        name, sa.Integer, sa.ForeignKey(target, ondelete="CASCADE"), nullable=False,
        primary_key=primary_key,
    )


def upgrade() -> None:
    op.create_table(
        "assignment",
        _fk("document_id", "document.id", primary_key=True),
        _fk("annotator_id", "annotator.id", primary_key=True),
        _fk("assigned_by_id", "annotator.id"),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_assignment_annotator", "assignment", ["annotator_id"])


def downgrade() -> None:
    op.drop_index("ix_assignment_annotator", table_name="assignment")
    op.drop_table("assignment")
