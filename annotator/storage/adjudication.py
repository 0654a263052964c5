"""Review decisions that wrote no gold span: the ``review_decision`` table.

The review itself (compare, pre-fill, decide) is ``workspace.review.ReviewSession``.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, Connection, delete, insert, select
from sqlalchemy.exc import IntegrityError

from annotator.core.adjudication import DecisionRecord
from annotator.core.errors import ConflictError, EditError
from annotator.storage.repository import Repository
from annotator.storage.tables import ANN, DECISION, utcnow


def read_decisions(
    conn: Connection, *where: ColumnElement[bool]
) -> list[tuple[int, DecisionRecord]]:
    """``review_decision`` rows (those matching ``where``) with their document ids, in order."""
    rows = conn.execute(
        select(DECISION, ANN.c.name.label("curator"))
        .join(ANN, ANN.c.id == DECISION.c.decided_by_id)
        .where(*where)
        .order_by(DECISION.c.id)
    )
    return [
        (
            r.document_id,
            DecisionRecord(
                r.key, r.layer, r.start, r.end, tuple(r.spans or ()), r.decision, r.curator,
                r.uuid,
            ),
        )
        for r in rows
    ]


class DecisionTable:
    """The ``review_decision`` rows: decisions that wrote no gold span.

    Implements ``core.adjudication.DecisionStore``; its writes join the repository's current
    transaction, so a decision and its gold spans commit (or roll back) together.
    """

    def __init__(self, repo: Repository) -> None:
        self.repo = repo

    def decisions(self, doc_id: int) -> list[DecisionRecord]:
        with self.repo.transaction() as conn:
            return [r for _, r in read_decisions(conn, DECISION.c.document_id == doc_id)]

    def insert_decision(self, doc_id: int, record: DecisionRecord) -> DecisionRecord:
        curator = self.repo.annotator_id(record.decided_by)
        with self.repo.transaction() as conn:
            try:
                # a savepoint: on PostgreSQL a failed statement would spoil the transaction
                with conn.begin_nested():
                    conn.execute(
                        insert(DECISION).values(
                            uuid=record.uuid,
                            document_id=doc_id,
                            key=record.key,
                            layer=record.layer,
                            start=record.start,
                            end=record.end,
                            spans=list(record.spans),
                            decision=record.decision,
                            decided_by_id=curator,
                            created=utcnow(),
                        )
                    )
            except IntegrityError as exc:
                # another curator (another machine) decided this disagreement meanwhile
                raise ConflictError(
                    "this disagreement was decided elsewhere; reopen the review"
                ) from exc
        return record

    def delete_decision(self, uuid: str) -> DecisionRecord:
        with self.repo.transaction() as conn:
            found = read_decisions(conn, DECISION.c.uuid == uuid)
            if not found:
                raise EditError("this decision was removed elsewhere; reopen the review")
            conn.execute(delete(DECISION).where(DECISION.c.uuid == uuid))
        return found[0][1]
