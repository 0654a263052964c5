"""When each annotator last changed a document's spans or links (a gold layer made before is
then out of date).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("document_status") as batch:
        batch.add_column(sa.Column("edited", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("document_status") as batch:
        batch.drop_column("edited")
