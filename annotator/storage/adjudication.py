"""A curator's review of one document: compare annotators, pre-fill agreements, decide.

The GUI's review window and the tests drive the same :class:`ReviewSession`; the window only
passes its own ``run`` so decisions land on its undo stack.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from annotator.core.adjudication import (
    AUTO_ACCEPTED,
    NEITHER,
    GoldSpan,
    WriteGold,
    gold_for_agreements,
    gold_for_decision,
)
from annotator.core.commands import Command
from annotator.core.model import GOLD
from annotator.core.review import Comparison, Disagreement, compare
from annotator.storage.annotations import spans_with_provenance
from annotator.storage.workspace import Workspace


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
        self.run: Callable[[Command], object] = run or ws.do
        # "neither" writes no span, so it is remembered for this session only
        self._neither: set[frozenset[str]] = set()
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

    def prefill(self) -> int:
        """Write every agreement into gold, once per document; returns how many were written.

        "Once": only while gold's status on the document is still "new"; the pre-fill sets it to
        "in_progress", so a span the curator deletes afterwards does not come back. Not undoable
        on purpose: it is the starting point of the review, not a decision.
        """
        repo = self.ws.repo
        with repo.transaction():
            if repo.status(self.doc_id, GOLD) != "new":
                return 0
            present = {g.span.key() for g in self.gold()}
            fresh = [
                g
                for g in gold_for_agreements(self.comparison.agreements, self.curator)
                if g.span.key() not in present
            ]
            WriteGold(self.doc_id, fresh, text="accept agreements").do(repo, self.ws.schema)
            repo.set_status(self.doc_id, "in_progress", GOLD)
        return len(fresh)

    def decision_of(self, disagreement: Disagreement) -> str | None:
        """The decision recorded for a disagreement, or None while it is open."""
        uuids = disagreement.uuids()
        for gold in self.gold():
            if uuids & set(gold.provenance.get("source_spans", ())):
                return str(gold.provenance.get("decision"))
        if frozenset(uuids) in self._neither:
            return NEITHER
        return None

    def decisions(self) -> list[str | None]:
        """Decisions of all disagreements, in list order, from one read of gold."""
        gold = self.gold()
        out = []
        for d in self.disagreements:
            uuids = d.uuids()
            found = next(
                (
                    str(g.provenance.get("decision"))
                    for g in gold
                    if uuids & set(g.provenance.get("source_spans", ()))
                ),
                NEITHER if frozenset(uuids) in self._neither else None,
            )
            out.append(found)
        return out

    def decide(self, index: int, decision: str, chosen: str | None = None) -> WriteGold:
        """Write the gold for disagreement ``index``, replacing an earlier decision on it.

        Returns the command run; its ``add`` holds the gold spans written (``edit`` opens them).
        """
        disagreement = self.disagreements[index]
        uuids = disagreement.uuids()
        add = gold_for_decision(disagreement, decision, self.curator, chosen)
        remove = [
            g
            for g in self.gold()
            if uuids & set(g.provenance.get("source_spans", ()))
            and g.provenance.get("decision") != AUTO_ACCEPTED
        ]
        command = WriteGold(self.doc_id, add, remove, text=f"review: {decision}")
        self.run(command)
        if decision == NEITHER:
            self._neither.add(frozenset(uuids))
        else:
            self._neither.discard(frozenset(uuids))
        return command
