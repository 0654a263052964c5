"""A curator's review of one document: compare annotators, pre-fill agreements, decide.

The GUI's review window, scripts and the tests drive the same :class:`ReviewSession`. Every
decision is a command through the workspace's door; the window passes its own ``run`` (its
controller's execute, itself the door) so decisions land on its undo stack too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from annotator.core.adjudication import (
    AUTO_ACCEPTED,
    DecisionRecord,
    GoldSpan,
    WriteGold,
    gold_for_agreements,
    gold_for_decision,
    gold_links,
)
from annotator.core.commands import Command, SetStatus
from annotator.core.model import GOLD, IN_PROGRESS, NEW, Relation, Span
from annotator.core.review import Comparison, Disagreement, compare
from annotator.storage.adjudication import DecisionTable
from annotator.storage.annotations import spans_with_provenance
from annotator.workspace.workspace import Workspace


class ReviewSession:
    """Disagreements of two or more annotators on a document, and the gold decided for them.

    Attributes:
        comparison: agreements and disagreements, recomputed by :meth:`reload`.
        curator: the name recorded as ``decided_by``.
    """

    def __init__(
        self,
        ws: Workspace,
        doc_id: int,
        annotators: Sequence[str],
        curator: str | None = None,
        run: Callable[[Command], object] | None = None,
    ) -> None:
        if len(annotators) < 2:
            raise ValueError("a review compares at least two annotators")
        if GOLD in annotators:
            raise ValueError("gold is what the review writes; compare the annotators' work")
        self.ws = ws
        self.doc_id = doc_id
        self.annotators = list(annotators)
        self.curator = curator or ws.annotator
        # the GUI passes its controller's execute, which puts the decision on its undo stack
        self.run: Callable[[Command], object] = run or ws.execute
        # a decision that writes no span ("neither"...) is kept in the review_decision table
        self.records = DecisionTable(ws.repo)
        self.comparison = self._compare()

    def _compare(self) -> Comparison:
        repo = self.ws.repo
        return compare({name: repo.spans(self.doc_id, name) for name in self.annotators})

    def reload(self) -> None:
        self.comparison = self._compare()

    @property
    def disagreements(self) -> list[Disagreement]:
        return self.comparison.disagreements

    def gold(self) -> list[GoldSpan]:
        return [GoldSpan(s, p) for s, p in spans_with_provenance(self.ws.repo, self.doc_id, GOLD)]

    def source_relations(self) -> list[Relation]:
        """The compared annotators' links: the ones gold takes over with both their ends."""
        repo = self.ws.repo
        return [r for name in self.annotators for r in repo.relations(self.doc_id, name)]

    def prefill(self) -> int:
        """Write every agreement into gold, once per document; returns how many were written.

        "Once": only while gold's status on the document is still "new"; the pre-fill sets it to
        "in_progress", so a span the curator deletes afterwards does not come back. Not undoable
        on purpose: it is the starting point of the review, not a decision. Links between
        agreed spans come along (see ``core.adjudication.gold_links``).
        """
        repo = self.ws.repo
        with repo.transaction():
            if repo.status(self.doc_id, GOLD) != NEW:
                return 0
            gold = self.gold()
            present = {g.span.key() for g in gold}
            fresh = [
                g
                for g in gold_for_agreements(self.comparison.agreements, self.curator)
                if g.span.key() not in present
            ]
            links = gold_links(
                self.source_relations(),
                gold + fresh,
                {g.span.uuid for g in fresh},
                repo.relations(self.doc_id, GOLD),
            )
            self.ws.execute(
                WriteGold(self.doc_id, fresh, text="accept agreements", links=links),
                undoable=False,
            )
            self.ws.execute(SetStatus(self.doc_id, IN_PROGRESS, GOLD), undoable=False)
        return len(fresh)

    def decision_of(self, disagreement: Disagreement) -> str | None:
        """The decision recorded for a disagreement, or None while it is open."""
        return self._decision(disagreement, self.gold(), self._recorded())

    def decisions(self) -> list[str | None]:
        """Decisions of all disagreements, in list order, from one read of gold."""
        gold, recorded = self.gold(), self._recorded()
        return [self._decision(d, gold, recorded) for d in self.disagreements]

    def _recorded(self) -> dict[str, str]:
        return {r.key: r.decision for r in self.records.decisions(self.doc_id)}

    @staticmethod
    def _decision(
        disagreement: Disagreement, gold: Sequence[GoldSpan], recorded: dict[str, str]
    ) -> str | None:
        uuids = disagreement.uuids()
        for g in gold:
            if uuids & set(g.provenance.get("source_spans", ())):
                return str(g.provenance.get("decision"))
        return recorded.get(disagreement.key())

    def decide(
        self,
        index: int,
        decision: str,
        chosen: str | None = None,
        edited: Span | None = None,
    ) -> WriteGold:
        """Write the gold for disagreement ``index``, replacing an earlier decision on it.

        One command: the gold spans, the gold links they complete, and for a decision
        that writes no span ("neither", or accepting the side that drew nothing) the record
        that keeps the decision. Returns the command run; its ``add`` holds the gold
        spans written.

        ``edited`` (with ``edit``): one of the disagreement's spans as the curator changed it
        (extent, label, attributes; its uuid says which); its gold copy is written that way,
        in the same command, so the decision is one undo step and nothing is written before
        the curator confirms.
        """
        disagreement = self.disagreements[index]
        uuids = disagreement.uuids()
        add = gold_for_decision(disagreement, decision, self.curator, chosen)
        if edited is not None:
            if not any(edited.uuid in g.provenance.get("source_spans", ()) for g in add):
                raise ValueError("the edited span is not one this decision takes into gold")
            add = [_edited(g, edited) for g in add]
        gold = self.gold()
        remove = [
            g
            for g in gold
            if uuids & set(g.provenance.get("source_spans", ()))
            and g.provenance.get("decision") != AUTO_ACCEPTED
        ]
        gone = {g.span.uuid for g in remove}
        links = gold_links(
            self.source_relations(),
            [g for g in gold if g.span.uuid not in gone] + add,
            {g.span.uuid for g in add},
            self.ws.repo.relations(self.doc_id, GOLD),
        )
        key = disagreement.key()
        command = WriteGold(
            self.doc_id,
            add,
            remove,
            text=f"review: {decision}",
            links=links,
            decisions=self.records,
            # a decision that writes no gold span (neither, or accepting the side that drew
            # nothing) is kept as a record, or the disagreement would show as open again
            record=None if add else DecisionRecord.of(disagreement, decision, self.curator),
            forget=[r for r in self.records.decisions(self.doc_id) if r.key == key],
        )
        self.run(command)
        return command


def _edited(gold: GoldSpan, edited: Span) -> GoldSpan:
    """``gold`` with the curator's extent, label and attributes, when it copies ``edited``."""
    if edited.uuid not in gold.provenance.get("source_spans", ()):
        return gold
    span = gold.span.with_changes(
        start=edited.start, end=edited.end, label=edited.label,
        attributes=dict(edited.attributes),
    )
    return GoldSpan(span, gold.provenance)
