"""The one policy for a refused undo or redo, the same for scripts and for the window.

A step whose spans were changed elsewhere (another window, another machine) is refused with a
message and dropped from the history; earlier steps stay and guard themselves; nothing of the
colleague's work is overwritten. ``workspace.history`` documents the policy; this test holds
both front ends to it: the workspace called directly (scripts, the command line) and the GUI's
QUndoStack adapter driven as Edit > Undo drives it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

import pytest
from PySide6.QtGui import QUndoStack

from annotator.core.commands import AddSpan, Command, RelabelSpan
from annotator.core.errors import AnnotatorError
from annotator.core.model import Span, text_sha256
from annotator.ui.controller import AnnotationController
from annotator.workspace import Workspace

TEXT = "قال الرئيس فلاديمير بوتين في موسكو: «سنواصل العمل»."


class FrontEnd(Protocol):
    ws: Workspace
    doc: int
    refusals: list[str]

    def run(self, command: Command) -> None: ...
    def undo(self) -> None: ...
    def redo(self) -> None: ...
    def can_undo(self) -> bool: ...
    def can_redo(self) -> bool: ...


class Script:
    """A script or the command line: the workspace's door itself."""

    def __init__(self, ws: Workspace, doc: int) -> None:
        self.ws, self.doc, self.refusals = ws, doc, []

    def run(self, command: Command) -> None:
        self.ws.execute(command)

    def undo(self) -> None:
        try:
            self.ws.undo(self.doc)
        except AnnotatorError as exc:
            self.refusals.append(str(exc))

    def redo(self) -> None:
        try:
            self.ws.redo(self.doc)
        except AnnotatorError as exc:
            self.refusals.append(str(exc))

    def can_undo(self) -> bool:
        return self.ws.can_undo(self.doc)

    def can_redo(self) -> bool:
        return self.ws.can_redo(self.doc)


class Window:
    """The window: the controller runs edits, its QUndoStack undoes them (Ctrl+Z does this)."""

    def __init__(self, ws: Workspace, doc: int) -> None:
        self.ws, self.doc, self.refusals = ws, doc, []
        self.controller = AnnotationController(ws)
        self.controller.failed.connect(self.refusals.append)
        self.controller.open_document(doc)

    @property
    def stack(self) -> QUndoStack:
        stack = self.controller.undo_group.activeStack()
        assert stack is not None
        return stack

    def run(self, command: Command) -> None:
        assert self.controller.execute(command), self.refusals

    def undo(self) -> None:
        self.stack.undo()

    def redo(self) -> None:
        self.stack.redo()

    def can_undo(self) -> bool:
        # the Qt stack and the workspace's history must agree at every step
        assert self.stack.canUndo() == self.ws.can_undo(self.doc)
        return self.stack.canUndo()

    def can_redo(self) -> bool:
        assert self.stack.canRedo() == self.ws.can_redo(self.doc)
        return self.stack.canRedo()


@pytest.fixture(params=[Script, Window], ids=["script", "window"])
def front(request: pytest.FixtureRequest, db_path: Path, qtbot: object) -> Iterator[FrontEnd]:
    ws = Workspace.open(str(db_path), "shared")
    doc = ws.repo.insert_document("d", TEXT, text_sha256(TEXT))
    yield request.param(ws, doc)
    ws.close()



def test_a_refused_step_is_dropped_and_earlier_steps_still_undo(
    front: FrontEnd, db_path: Path
) -> None:
    p0 = TEXT.index("فلاديمير")
    m0 = TEXT.index("موسكو")
    first = Span(m0, m0 + 5, "entity", "GPE", annotator="shared")
    second = Span(p0, p0 + 8, "entity", "PER", annotator="shared")
    front.run(AddSpan(front.doc, first))
    front.run(AddSpan(front.doc, second))
    front.run(RelabelSpan(second.uuid, "ORG"))
    # a colleague (another window on the same database, same login) relabels the second span
    colleague = Workspace.open(str(db_path), "shared")
    colleague.execute(RelabelSpan(second.uuid, "LOC"))
    colleague.close()

    front.undo()  # the relabel: refused, it would overwrite LOC
    assert len(front.refusals) == 1 and "changed elsewhere" in front.refusals[0]
    assert front.can_undo() and not front.can_redo(), "the refused step is dropped, not kept"
    front.undo()  # the add of the second span: refused too, it would delete the LOC span
    assert len(front.refusals) == 2
    front.undo()  # the add of the first span: its span is untouched, so it is undone
    assert len(front.refusals) == 2
    assert not front.can_undo() and front.can_redo()
    labels = {s.uuid: s.label for s in front.ws.spans(front.doc)}
    assert labels == {second.uuid: "LOC"}, "the colleague's change survives every undo"

    front.redo()  # only the step that was undone can be redone
    assert not front.can_redo() and front.can_undo()
    labels = {s.uuid: s.label for s in front.ws.spans(front.doc)}
    assert labels == {first.uuid: "GPE", second.uuid: "LOC"}
    assert len(front.refusals) == 2


def test_a_database_refusal_is_a_refusal_like_any_other(front: FrontEnd, tmp_path: Path) -> None:
    """Undoing a removal whose span a merge has meanwhile brought back (same UUID): the
    database refuses the insert; the step is refused in words and dropped, the two
    histories stay in step, nothing is half-written."""
    from annotator.core.commands import RemoveSpan
    from annotator.workspace.exporting import export
    from annotator.workspace.merging import merge, read_source

    p0 = TEXT.index("فلاديمير")
    span = Span(p0, p0 + 8, "entity", "PER", annotator="shared")
    front.run(AddSpan(front.doc, span))
    exported = tmp_path / "mine.jsonl"
    export(front.ws, "jsonl", exported)
    front.run(RemoveSpan(span.uuid))
    merge(front.ws, read_source(str(exported), front.ws.schema))  # the span is back
    front.undo()  # undo the removal: the database refuses a second span with that UUID
    assert len(front.refusals) == 1 and front.refusals[0].startswith("database: ")
    assert not front.can_redo(), "the refused step was dropped"
    assert front.can_undo()  # the add is still there to undo, and both histories agree
    assert [s.uuid for s in front.ws.spans(front.doc)] == [span.uuid]
