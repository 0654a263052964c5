"""Any sequence of edits, undos and redos through the workspace's door can be undone exactly.

A hypothesis state machine adds, resizes, relabels, removes, links, unlinks and sets
attributes of spans on a real SQLite database, interleaved with undo and redo. After every
undo the database must be exactly as it was before that step, after every redo exactly as it
was after it, and undoing everything gives back the starting database.
"""

from __future__ import annotations

import shutil
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from annotator.core.commands import (
    AddSpan,
    Command,
    Link,
    RelabelSpan,
    RemoveSpan,
    ResizeSpan,
    SetSpanAttribute,
    Unlink,
)
from annotator.core.errors import AnnotatorError
from annotator.core.model import IN_PROGRESS, Relation, Span
from annotator.workspace import Workspace

TEXT = "قال الرئيس فلاديمير بوتين في موسكو: «سنواصل العمل» 😀 وأضاف أن روسيا ٢٠٢٦ قوية."
LABELS = [("entity", "PER"), ("entity", "ORG"), ("entity", "GPE"), ("claim", "CLAIM"),
          ("quote", "QUOTE")]

Snapshot = tuple[frozenset[Any], frozenset[Any], frozenset[Any]]


@cache
def template() -> Path:
    """One migrated database with the document, copied for every example (migrating is slow)."""
    folder = Path(tempfile.mkdtemp(prefix="annotator-history-"))
    path = folder / "template.sqlite3"
    ws = Workspace.open(str(path), "alice")
    doc = ws.repo.insert_document("d", TEXT, "sha-d")
    ws.add_span(doc, TEXT.index("موسكو"), TEXT.index("موسكو") + 5, "GPE")  # there before
    ws.set_status(doc, IN_PROGRESS)
    ws.close()
    return path


def snapshot(ws: Workspace, doc: int) -> Snapshot:
    """Everything an edit can change, without versions and timestamps (undo bumps those)."""
    spans = frozenset(
        (s.uuid, s.start, s.end, s.layer, s.label, tuple(sorted(s.attributes.items())),
         s.annotator)
        for s in ws.spans(doc, all_annotators=True)
    )
    links = frozenset(
        (r.uuid, r.kind, r.head, r.tail, r.annotator)
        for r in ws.relations(doc, all_annotators=True)
    )
    statuses = frozenset((name, ws.status(doc, name)) for name in ws.annotators())
    return spans, links, statuses


class EditHistory(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="annotator-machine-"))
        path = self.folder / "db.sqlite3"
        shutil.copy(template(), path)
        self.ws = Workspace.open(str(path), "alice")
        self.doc = self.ws.list_documents()[0].id
        self.start = snapshot(self.ws, self.doc)
        self.done: list[tuple[Snapshot, Snapshot]] = []  # (before, after) of each step
        self.undone: list[tuple[Snapshot, Snapshot]] = []

    def teardown(self) -> None:
        try:
            while self.ws.can_undo(self.doc):
                self.ws.undo(self.doc)
            assert snapshot(self.ws, self.doc) == self.start
        finally:
            self.ws.close()
            shutil.rmtree(self.folder, ignore_errors=True)

    # -- helpers -------------------------------------------------------------------------

    def spans(self) -> list[Span]:
        return self.ws.spans(self.doc)

    def links(self) -> list[Relation]:
        return self.ws.relations(self.doc)

    def run(self, command: Command) -> None:
        before = snapshot(self.ws, self.doc)
        try:
            self.ws.execute(command)
        except AnnotatorError:  # an edit the rules refuse (outside the text, wrong layers...)
            assert snapshot(self.ws, self.doc) == before, "a refused edit changed something"
            return
        self.done.append((before, snapshot(self.ws, self.doc)))
        self.undone.clear()

    # -- edits ---------------------------------------------------------------------------

    @rule(data=st.data(), label=st.sampled_from(LABELS))
    def add(self, data: st.DataObject, label: tuple[str, str]) -> None:
        start = data.draw(st.integers(0, len(TEXT) - 1))
        end = data.draw(st.integers(start + 1, min(len(TEXT), start + 12)))
        layer, name = label
        attributes = {"direct": "direct"} if layer == "quote" else {}
        self.run(AddSpan(self.doc, Span(start, end, layer, name, attributes=attributes,
                                        annotator="alice")))

    @precondition(lambda self: self.spans())
    @rule(data=st.data())
    def resize(self, data: st.DataObject) -> None:
        span = data.draw(st.sampled_from(self.spans()))
        start = data.draw(st.integers(0, len(TEXT) - 1))
        end = data.draw(st.integers(start + 1, min(len(TEXT) + 2, start + 12)))
        self.run(ResizeSpan(span.uuid, start, end))

    @precondition(lambda self: self.spans())
    @rule(data=st.data(), label=st.sampled_from(LABELS))
    def relabel(self, data: st.DataObject, label: tuple[str, str]) -> None:
        span = data.draw(st.sampled_from(self.spans()))
        layer, name = label
        self.run(RelabelSpan(span.uuid, name, layer if layer != span.layer else None))

    @precondition(lambda self: self.spans())
    @rule(data=st.data())
    def remove(self, data: st.DataObject) -> None:
        self.run(RemoveSpan(data.draw(st.sampled_from(self.spans())).uuid))

    @precondition(lambda self: self.spans())
    @rule(data=st.data(), value=st.sampled_from(["direct", "indirect"]))
    def set_attribute(self, data: st.DataObject, value: str) -> None:
        span = data.draw(st.sampled_from(self.spans()))
        self.run(SetSpanAttribute(span.uuid, {"direct": value}))

    def heads_and_tails(self) -> tuple[list[Span], list[Span]]:
        spans = self.spans()
        return ([s for s in spans if s.layer in ("quote", "claim")],
                [s for s in spans if s.layer == "entity"])

    @precondition(lambda self: all(self.heads_and_tails()))
    @rule(data=st.data())
    def link(self, data: st.DataObject) -> None:
        heads, tails = self.heads_and_tails()
        head, tail = data.draw(st.sampled_from(heads)), data.draw(st.sampled_from(tails))
        kind = "speaker" if head.layer == "quote" else "source"
        self.run(Link(self.doc, Relation(kind, head.uuid, tail.uuid, annotator="alice")))

    @precondition(lambda self: len(self.spans()) >= 2)
    @rule(data=st.data(), kind=st.sampled_from(["speaker", "source", "friend"]))
    def link_anything(self, data: st.DataObject, kind: str) -> None:
        """Mostly refused (wrong layers, unknown kind): a refusal must change nothing."""
        spans = self.spans()
        head, tail = data.draw(st.sampled_from(spans)), data.draw(st.sampled_from(spans))
        self.run(Link(self.doc, Relation(kind, head.uuid, tail.uuid, annotator="alice")))

    @precondition(lambda self: self.links())
    @rule(data=st.data())
    def unlink(self, data: st.DataObject) -> None:
        self.run(Unlink(data.draw(st.sampled_from(self.links())).uuid))

    # -- undo and redo -------------------------------------------------------------------

    @precondition(lambda self: self.done)
    @rule()
    def undo(self) -> None:
        before, after = self.done.pop()
        assert snapshot(self.ws, self.doc) == after
        self.ws.undo(self.doc)
        assert snapshot(self.ws, self.doc) == before, "undo did not restore the step's start"
        self.undone.append((before, after))

    @precondition(lambda self: self.undone)
    @rule()
    def redo(self) -> None:
        before, after = self.undone.pop()
        self.ws.redo(self.doc)
        assert snapshot(self.ws, self.doc) == after, "redo did not restore the step's end"
        self.done.append((before, after))

    @invariant()
    def history_matches(self) -> None:
        assert self.ws.can_undo(self.doc) == bool(self.done)
        assert self.ws.can_redo(self.doc) == bool(self.undone)


TestEditHistory = EditHistory.TestCase
TestEditHistory.settings = settings(
    max_examples=60, stateful_step_count=30, deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
