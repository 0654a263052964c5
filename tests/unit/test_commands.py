"""Edit commands against the real SQLite repository: validation, undo, redo, links."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.commands import (
    AddSpan,
    Batch,
    Link,
    RelabelSpan,
    RemoveSpan,
    ResizeSpan,
    SetSpanAttribute,
    Unlink,
)
from annotator.core.errors import ConflictError, EditError
from annotator.core.model import Relation, Span
from annotator.storage.workspace import Workspace

TEXT = "قال الرئيس فلاديمير بوتين في موسكو: «سنواصل العمل»."


@pytest.fixture
def doc(workspace: Workspace) -> int:
    return workspace.repo.insert_document("d", TEXT, "sha-d")


def rows(ws: Workspace, doc: int) -> list[tuple[int, int, str, str]]:
    return [(s.start, s.end, s.layer, s.label) for s in ws.repo.spans(doc)]


def test_add_undo_redo(workspace: Workspace, doc: int) -> None:
    start = TEXT.index("بوتين")
    change = workspace.do(AddSpan(doc, Span(start, start + 5, "entity", "PER")))
    assert [s.covered(TEXT) for s in change.added] == ["بوتين"]
    assert rows(workspace, doc) == [(start, start + 5, "entity", "PER")]
    workspace.history.undo()
    assert rows(workspace, doc) == []
    workspace.history.redo()
    assert rows(workspace, doc) == [(start, start + 5, "entity", "PER")]
    assert workspace.repo.spans(doc)[0].annotator == "tester"


@pytest.mark.parametrize(
    ("start", "end", "layer", "label", "why"),
    [
        (0, len(TEXT) + 1, "entity", "PER", "outside"),
        (0, 3, "entity", "CLAIM", "not in layer"),
        (0, 3, "nolayer", "PER", "unknown layer"),
    ],
)
def test_validation(
    workspace: Workspace, doc: int, start: int, end: int, layer: str, label: str, why: str
) -> None:
    with pytest.raises(EditError):
        workspace.do(AddSpan(doc, Span(start, end, layer, label)))
    assert rows(workspace, doc) == []
    assert not workspace.history.can_undo


def test_empty_or_reversed_spans_cannot_exist() -> None:
    with pytest.raises(ValueError):
        Span(5, 3, "entity", "PER")
    with pytest.raises(ValueError):
        Span(4, 4, "entity", "PER")
    with pytest.raises(EditError):
        ResizeSpan("any", 7, 7)


def test_resize_relabel_attribute_undo(workspace: Workspace, doc: int) -> None:
    s = TEXT.index("فلاديمير")
    added = workspace.do(AddSpan(doc, Span(s, s + 8, "entity", "PER"))).added[0]
    workspace.do(ResizeSpan(added.uuid, s, TEXT.index("بوتين") + 5))
    workspace.do(RelabelSpan(added.uuid, "ORG"))
    assert rows(workspace, doc) == [(s, TEXT.index("بوتين") + 5, "entity", "ORG")]
    assert workspace.repo.get_span(added.uuid).version == 3
    workspace.history.undo()
    workspace.history.undo()
    assert rows(workspace, doc) == [(s, s + 8, "entity", "PER")]
    workspace.history.redo()
    assert rows(workspace, doc) == [(s, TEXT.index("بوتين") + 5, "entity", "PER")]
    q0 = TEXT.index("«")
    quote = workspace.do(AddSpan(doc, Span(q0, TEXT.index("»") + 1, "quote", "QUOTE"))).added[0]
    workspace.do(SetSpanAttribute(quote.uuid, {"direct": "indirect"}))
    assert workspace.repo.get_span(quote.uuid).attributes == {"direct": "indirect"}
    workspace.history.undo()
    assert workspace.repo.get_span(quote.uuid).attributes == {}


def test_link_rules_and_remove_restores_links(workspace: Workspace, doc: int) -> None:
    p0 = TEXT.index("بوتين")
    person = workspace.do(AddSpan(doc, Span(p0, p0 + 5, "entity", "PER"))).added[0]
    q0 = TEXT.index("«")
    quote = workspace.do(AddSpan(doc, Span(q0, TEXT.index("»") + 1, "quote", "QUOTE"))).added[0]
    with pytest.raises(EditError, match="speaker link goes from a quote"):
        workspace.do(Link(doc, Relation("speaker", person.uuid, quote.uuid)))
    with pytest.raises(EditError, match="unknown relation"):
        workspace.do(Link(doc, Relation("friend", quote.uuid, person.uuid)))
    link = workspace.do(Link(doc, Relation("speaker", quote.uuid, person.uuid))).linked[0]
    with pytest.raises(EditError, match="already linked"):
        workspace.do(Link(doc, Relation("speaker", quote.uuid, person.uuid)))
    # removing the speaker takes its link along; undo brings both back with their UUIDs
    workspace.do(RemoveSpan(person.uuid))
    assert workspace.repo.relations(doc) == []
    workspace.history.undo()
    assert [r.uuid for r in workspace.repo.relations(doc)] == [link.uuid]
    workspace.do(Unlink(link.uuid))
    assert workspace.repo.relations(doc) == []
    workspace.history.undo()
    assert [r.kind for r in workspace.repo.relations(doc)] == ["speaker"]


def test_batch_is_one_step_and_atomic(workspace: Workspace, doc: int) -> None:
    cmds = [AddSpan(doc, Span(i, i + 2, "entity", "MISC")) for i in (0, 4, 11)]
    workspace.do(Batch(cmds, "annotate all"))
    assert len(rows(workspace, doc)) == 3
    workspace.history.undo()
    assert rows(workspace, doc) == []
    bad = [AddSpan(doc, Span(0, 2, "entity", "MISC")), AddSpan(doc, Span(0, 2, "entity", "NOPE"))]
    with pytest.raises(EditError):
        workspace.do(Batch(bad, "bad batch"))
    assert rows(workspace, doc) == [], "a failed batch must leave nothing behind"


def test_nested_and_overlapping_spans_coexist(workspace: Workspace, doc: int) -> None:
    q0, q1 = TEXT.index("قال"), len(TEXT)
    p0 = TEXT.index("بوتين")
    workspace.do(AddSpan(doc, Span(q0, q1, "claim", "CLAIM")))
    workspace.do(AddSpan(doc, Span(p0, p0 + 5, "entity", "PER")))
    workspace.do(AddSpan(doc, Span(TEXT.index("الرئيس"), p0 + 5, "entity", "PER")))
    assert len(rows(workspace, doc)) == 3


def test_stale_version_is_a_conflict(workspace: Workspace, doc: int) -> None:
    span = workspace.do(AddSpan(doc, Span(0, 3, "entity", "PER"))).added[0]
    workspace.repo.update_span(span.with_changes(label="ORG"), expected_version=1)
    with pytest.raises(ConflictError):
        workspace.repo.update_span(span.with_changes(label="LOC"), expected_version=1)
    assert rows(workspace, doc) == [(0, 3, "entity", "ORG")]


def test_undo_refuses_to_overwrite_a_colleagues_edit(db_path: Path) -> None:
    """Alice resizes, Bob (another session) relabels, Alice's undo must not undo Bob."""
    alice = Workspace.open(str(db_path), "shared")
    doc = alice.repo.insert_document("d", TEXT, "sha-d")
    s0 = TEXT.index("فلاديمير")
    span = alice.do(AddSpan(doc, Span(s0, s0 + 8, "entity", "PER"))).added[0]
    alice.do(ResizeSpan(span.uuid, s0, s0 + 14))
    bob = Workspace.open(str(db_path), "shared")
    bob.do(RelabelSpan(span.uuid, "ORG"))
    with pytest.raises(ConflictError, match="changed elsewhere"):
        alice.history.undo()
    assert alice.history.can_undo and not alice.history.can_redo, "a refused undo stays put"
    kept = alice.repo.get_span(span.uuid)
    assert (kept.end, kept.label) == (s0 + 14, "ORG")
    # removing via undo of the add is refused too, and so is a redo over a changed span
    bob.history.undo()
    alice.history.undo()  # Bob restored what Alice left: her undo goes through now
    assert alice.repo.get_span(span.uuid).end == s0 + 8
    bob_again = Workspace.open(str(db_path), "shared")
    bob_again.do(RelabelSpan(span.uuid, "LOC"))
    with pytest.raises(ConflictError):
        alice.history.redo()
    with pytest.raises(ConflictError):
        alice.history.undo()  # undoing the add would delete Bob's LOC
    assert alice.repo.get_span(span.uuid).label == "LOC"
    for ws in (alice, bob, bob_again):
        ws.close()


def test_own_undo_redo_chains_survive_version_bumps(workspace: Workspace, doc: int) -> None:
    span = workspace.do(AddSpan(doc, Span(0, 3, "entity", "PER"))).added[0]
    workspace.do(RelabelSpan(span.uuid, "ORG"))
    workspace.do(ResizeSpan(span.uuid, 0, 10))
    for _ in range(3):
        workspace.history.undo()
    assert rows(workspace, doc) == []
    for _ in range(3):
        workspace.history.redo()
    assert rows(workspace, doc) == [(0, 10, "entity", "ORG")]
    workspace.do(RemoveSpan(span.uuid))
    workspace.history.undo()
    workspace.history.redo()
    assert rows(workspace, doc) == []
