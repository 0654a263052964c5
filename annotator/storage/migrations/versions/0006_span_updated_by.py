"""Who last changed each span, so a refused stale edit can say by whom (and ``updated`` when).

Stored, not derived: a span's owner is not always its last editor (a curator edits gold and,
in review, an annotator's spans; the same name edits from two windows or laptops). NULL means
nobody changed it since it was created or imported: its own annotator.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-09
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("span") as batch:
        batch.add_column(sa.Column("updated_by_id", sa.Integer, nullable=True))
        batch.create_foreign_key(
            "fk_span_updated_by_id_annotator", "annotator", ["updated_by_id"], ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("span") as batch:
        batch.drop_constraint("fk_span_updated_by_id_annotator", type_="foreignkey")
        batch.drop_column("updated_by_id")
