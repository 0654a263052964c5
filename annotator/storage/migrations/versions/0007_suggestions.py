"""Suggestions kept apart from annotations: the suggestion layer, the rejections remembered,
and the trained suggestion model of each annotator.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _fk(name: str, target: str) -> sa.Column[int]:
    return sa.Column(name, sa.Integer, sa.ForeignKey(target, ondelete="CASCADE"), nullable=False)


def upgrade() -> None:
    op.create_table(
        "suggestion",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        _fk("document_id", "document.id"),
        _fk("annotator_id", "annotator.id"),
        sa.Column("layer", sa.String(50), nullable=False),
        sa.Column("label", sa.String(100), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("engine", sa.String(100), nullable=False),
        sa.Column("model_version", sa.Integer, nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Index("ix_suggestion_doc_annotator", "document_id", "annotator_id", "start"),
    )
    op.create_table(
        "suggestion_rejection",
        sa.Column("id", sa.Integer, primary_key=True),
        _fk("document_id", "document.id"),
        _fk("annotator_id", "annotator.id"),
        sa.Column("layer", sa.String(50), nullable=False),
        sa.Column("label", sa.String(100), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint(
            "document_id", "annotator_id", "layer", "label", "start", "end",
            name="uq_suggestion_rejection",
        ),
    )
    op.create_table(
        "suggestion_model",
        sa.Column("id", sa.Integer, primary_key=True),
        _fk("annotator_id", "annotator.id"),
        sa.Column("engine", sa.String(100), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("documents", sa.Integer, nullable=False),
        sa.Column("spans", sa.Integer, nullable=False),
        sa.Column("model", sa.LargeBinary, nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("annotator_id", "version", name="uq_suggestion_model_version"),
    )


def downgrade() -> None:
    op.drop_table("suggestion_model")
    op.drop_table("suggestion_rejection")
    op.drop_table("suggestion")
