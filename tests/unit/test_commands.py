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
from annotator.workspace import Workspace

TEXT = "قال الرئيس فلاديمير بوتين في موسكو: «سنواصل العمل»."


@pytest.fixture
def doc(workspace: Workspace) -> int:
    return workspace.repo.insert_document("d", TEXT, "sha-d")


def rows(ws: Workspace, doc: int) -> list[tuple[int, int, str, str]]:
    return [(s.start, s.end, s.layer, s.label) for s in ws.repo.spans(doc)]


def test_add_undo_redo(workspace: Workspace, doc: int) -> None:
    start = TEXT.index("بوتين")
    change = workspace.execute(AddSpan(doc, Span(start, start + 5, "entity", "PER")))
    assert [s.covered(TEXT) for s in change.added] == ["بوتين"]
    assert rows(workspace, doc) == [(start, start + 5, "entity", "PER")]
    workspace.undo()
    assert rows(workspace, doc) == []
    workspace.redo()
    assert rows(workspace, doc) == [(start, start + 5, "entity", "PER")]
    assert workspace.repo.spans(doc)[0].annotator == "tester"


@pytest.mark.parametrize(
    ("start", "end", "layer", "label", "why"),
    [
        (
            0, len(TEXT) + 1, "entity", "PER",
            rf"^span \[0, {len(TEXT) + 1}\) lies outside the text \(length {len(TEXT)}\)$",
        ),
        (0, 3, "entity", "CLAIM", r"^label 'CLAIM' is not in layer 'entity'$"),
        (0, 3, "nolayer", "PER", r"^unknown layer 'nolayer'$"),
    ],
)
def test_validation(
    workspace: Workspace, doc: int, start: int, end: int, layer: str, label: str, why: str
) -> None:
    with pytest.raises(EditError, match=why):
        workspace.execute(AddSpan(doc, Span(start, end, layer, label)))
    assert rows(workspace, doc) == []
    assert not workspace.can_undo()


def test_empty_or_reversed_spans_cannot_exist() -> None:
    with pytest.raises(ValueError, match=r"^span \[5, 3\) is empty or negative$"):
        Span(5, 3, "entity", "PER")
    with pytest.raises(ValueError, match=r"^span \[4, 4\) is empty or negative$"):
        Span(4, 4, "entity", "PER")
    with pytest.raises(EditError, match=r"^a span cannot be empty or reversed: \[7, 7\)$"):
        ResizeSpan("any", 7, 7)


def test_resize_relabel_attribute_undo(workspace: Workspace, doc: int) -> None:
    s = TEXT.index("فلاديمير")
    added = workspace.execute(AddSpan(doc, Span(s, s + 8, "entity", "PER"))).added[0]
    workspace.execute(ResizeSpan(added.uuid, s, TEXT.index("بوتين") + 5))
    workspace.execute(RelabelSpan(added.uuid, "ORG"))
    assert rows(workspace, doc) == [(s, TEXT.index("بوتين") + 5, "entity", "ORG")]
    assert workspace.repo.get_span(added.uuid).version == 3
    workspace.undo()
    workspace.undo()
    assert rows(workspace, doc) == [(s, s + 8, "entity", "PER")]
    workspace.redo()
    assert rows(workspace, doc) == [(s, TEXT.index("بوتين") + 5, "entity", "PER")]
    q0 = TEXT.index("«")
    q1 = TEXT.index("»") + 1
    quote = workspace.execute(AddSpan(doc, Span(q0, q1, "quote", "QUOTE"))).added[0]
    workspace.execute(SetSpanAttribute(quote.uuid, {"direct": "indirect"}))
    assert workspace.repo.get_span(quote.uuid).attributes == {"direct": "indirect"}
    workspace.undo()
    assert workspace.repo.get_span(quote.uuid).attributes == {}


def test_link_rules_and_remove_restores_links(workspace: Workspace, doc: int) -> None:
    p0 = TEXT.index("بوتين")
    person = workspace.execute(AddSpan(doc, Span(p0, p0 + 5, "entity", "PER"))).added[0]
    q0 = TEXT.index("«")
    q1 = TEXT.index("»") + 1
    quote = workspace.execute(AddSpan(doc, Span(q0, q1, "quote", "QUOTE"))).added[0]
    with pytest.raises(EditError, match="speaker link goes from a quote"):
        workspace.execute(Link(doc, Relation("speaker", person.uuid, quote.uuid)))
    with pytest.raises(EditError, match="unknown link kind 'friend'"):
        workspace.execute(Link(doc, Relation("friend", quote.uuid, person.uuid)))
    link = workspace.execute(Link(doc, Relation("speaker", quote.uuid, person.uuid))).linked[0]
    with pytest.raises(EditError, match="already linked"):
        workspace.execute(Link(doc, Relation("speaker", quote.uuid, person.uuid)))
    # removing the speaker takes its link along; undo brings both back with their UUIDs
    workspace.execute(RemoveSpan(person.uuid))
    assert workspace.repo.relations(doc) == []
    workspace.undo()
    assert [r.uuid for r in workspace.repo.relations(doc)] == [link.uuid]
    workspace.execute(Unlink(link.uuid))
    assert workspace.repo.relations(doc) == []
    workspace.undo()
    assert [r.kind for r in workspace.repo.relations(doc)] == ["speaker"]


def test_batch_is_one_step_and_atomic(workspace: Workspace, doc: int) -> None:
    cmds = [AddSpan(doc, Span(i, i + 2, "entity", "MISC")) for i in (0, 4, 11)]
    workspace.execute(Batch(cmds, "annotate all"))
    assert len(rows(workspace, doc)) == 3
    workspace.undo()
    assert rows(workspace, doc) == []
    bad = [AddSpan(doc, Span(0, 2, "entity", "MISC")), AddSpan(doc, Span(0, 2, "entity", "NOPE"))]
    with pytest.raises(EditError, match=r"^label 'NOPE' is not in layer 'entity'$"):
        workspace.execute(Batch(bad, "bad batch"))
    assert rows(workspace, doc) == [], "a failed batch must leave nothing behind"


def test_nested_and_overlapping_spans_coexist(workspace: Workspace, doc: int) -> None:
    q0, q1 = TEXT.index("قال"), len(TEXT)
    p0 = TEXT.index("بوتين")
    workspace.execute(AddSpan(doc, Span(q0, q1, "claim", "CLAIM")))
    workspace.execute(AddSpan(doc, Span(p0, p0 + 5, "entity", "PER")))
    workspace.execute(AddSpan(doc, Span(TEXT.index("الرئيس"), p0 + 5, "entity", "PER")))
    assert len(rows(workspace, doc)) == 3


def test_stale_version_is_a_conflict(workspace: Workspace, doc: int) -> None:
    span = workspace.execute(AddSpan(doc, Span(0, 3, "entity", "PER"))).added[0]
    workspace.repo.update_span(span.with_changes(label="ORG"), expected_version=1)
    with pytest.raises(
        ConflictError,
        match=r"^this span was changed elsewhere .*: it is now ORG \[0, 3\); your edit was not",
    ):
        workspace.repo.update_span(span.with_changes(label="LOC"), expected_version=1)
    assert rows(workspace, doc) == [(0, 3, "entity", "ORG")]


def test_undo_refuses_to_overwrite_a_colleagues_edit(db_path: Path) -> None:
    """Alice resizes, Bob (another session) relabels: Alice's undo must not undo Bob.

    What happens to the refused step is the history's policy, asserted for both front ends
    by tests/gui/test_undo_policy.py; here, only that nothing of Bob's is overwritten.
    """
    alice = Workspace.open(str(db_path), "shared")
    doc = alice.repo.insert_document("d", TEXT, "sha-d")
    s0 = TEXT.index("فلاديمير")
    span = alice.execute(AddSpan(doc, Span(s0, s0 + 8, "entity", "PER"))).added[0]
    alice.execute(ResizeSpan(span.uuid, s0, s0 + 14))
    bob = Workspace.open(str(db_path), "shared")
    bob.execute(RelabelSpan(span.uuid, "ORG"))
    with pytest.raises(ConflictError, match="changed elsewhere"):
        alice.undo()  # the resize
    with pytest.raises(ConflictError, match="changed elsewhere"):
        alice.undo()  # the add: undoing it would delete Bob's ORG
    kept = alice.repo.get_span(span.uuid)
    assert (kept.end, kept.label) == (s0 + 14, "ORG")
    for ws in (alice, bob):
        ws.close()


def test_redo_refuses_to_overwrite_a_colleagues_edit(db_path: Path) -> None:
    alice = Workspace.open(str(db_path), "shared")
    doc = alice.repo.insert_document("d", TEXT, "sha-d")
    span = alice.execute(AddSpan(doc, Span(0, 3, "entity", "PER"))).added[0]
    alice.execute(RelabelSpan(span.uuid, "ORG"))
    alice.undo()  # back to PER
    bob = Workspace.open(str(db_path), "shared")
    bob.execute(RelabelSpan(span.uuid, "LOC"))
    with pytest.raises(ConflictError, match="changed elsewhere"):
        alice.redo()  # would overwrite Bob's LOC with ORG
    assert alice.repo.get_span(span.uuid).label == "LOC"
    for ws in (alice, bob):
        ws.close()


def test_own_undo_redo_chains_survive_version_bumps(workspace: Workspace, doc: int) -> None:
    span = workspace.execute(AddSpan(doc, Span(0, 3, "entity", "PER"))).added[0]
    workspace.execute(RelabelSpan(span.uuid, "ORG"))
    workspace.execute(ResizeSpan(span.uuid, 0, 10))
    for _ in range(3):
        workspace.undo()
    assert rows(workspace, doc) == []
    for _ in range(3):
        workspace.redo()
    assert rows(workspace, doc) == [(0, 10, "entity", "ORG")]
    workspace.execute(RemoveSpan(span.uuid))
    workspace.undo()
    workspace.redo()
    assert rows(workspace, doc) == []
