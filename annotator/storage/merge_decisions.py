"""The merge's share of the review: decisions that wrote no gold span (``review_decision``).

Gold spans travel with their provenance like any span; a decision that wrote none ("neither",
or accepting the side of an annotator who drew nothing) lives only in ``review_decision``, so it
is merged here. A record is identified by its document (matched by text) and its
``Disagreement.key()``, which is made of the disagreeing spans' uuids and places, so it names
the same disagreement on both sides:

    * a key we have not decided is added (with a fresh uuid if its own is taken here);
    * the same key with the same decision is identical (merging twice adds nothing);
    * the same key with another decision is a conflict, reported; ours is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection, insert, select

from annotator.core.adjudication import DecisionRecord
from annotator.core.model import new_uuid
from annotator.storage.adjudication import read_decisions
from annotator.storage.tables import DECISION, utcnow


@dataclass(frozen=True)
class DecisionConflict:
    """The same disagreement decided differently here and there; ours stays."""

    document: str
    ours: DecisionRecord
    theirs: DecisionRecord

    def describe(self) -> str:
        o, t = self.ours, self.theirs
        return (
            f"{self.document}: review decision on {o.layer} {o.start}-{o.end} differs "
            f"(ours {o.decision} by {o.decided_by}, theirs {t.decision} by {t.decided_by}); "
            "ours kept"
        )


@dataclass
class DecisionMerge:
    added: int = 0
    identical: int = 0
    conflicts: list[DecisionConflict] = field(default_factory=list)


def merge_decisions(
    conn: Connection,
    doc_id: int,
    document: str,
    records: Sequence[DecisionRecord],
    annotator_id: Callable[[str], int],
    out: DecisionMerge,
) -> None:
    """Add the other side's decision records of one document to ours (see the module's rules).

    ``annotator_id`` gives (creating if need be) our id of a curator's name.
    """
    if not records:
        return
    ours = {r.key: r for _, r in read_decisions(conn, DECISION.c.document_id == doc_id)}
    uuids = [r.uuid for r in records]
    taken: set[str] = set()
    for i in range(0, len(uuids), 500):  # IN lists well under the databases' limits
        chunk = uuids[i : i + 500]
        taken.update(conn.scalars(select(DECISION.c.uuid).where(DECISION.c.uuid.in_(chunk))))
    now = utcnow()
    rows = []
    for record in records:
        mine = ours.get(record.key)
        if mine is None:
            ours[record.key] = record
            rows.append(
                {
                    "uuid": new_uuid() if record.uuid in taken else record.uuid,
                    "document_id": doc_id,
                    "key": record.key,
                    "layer": record.layer,
                    "start": record.start,
                    "end": record.end,
                    "spans": list(record.spans),
                    "decision": record.decision,
                    "decided_by_id": annotator_id(record.decided_by),
                    "created": now,
                }
            )
        elif mine.decision == record.decision:
            out.identical += 1
        else:
            out.conflicts.append(DecisionConflict(document, mine, record))
    if rows:
        conn.execute(insert(DECISION), rows)
    out.added += len(rows)
