"""The workspace's door: the rules that live behind it, for every front end."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.commands import AddSpan, Command, SetStatus
from annotator.core.errors import EditError
from annotator.core.model import DONE, IN_PROGRESS, NEW, Span, text_sha256
from annotator.workspace import Workspace
from annotator.workspace.review import ReviewSession

TEXT = "قال الرئيس فلاديمير بوتين في موسكو: «سنواصل العمل»."


def new_doc(ws: Workspace, name: str = "d") -> int:
    return ws.repo.insert_document(name, TEXT + name, text_sha256(TEXT + name))


def test_the_first_edit_puts_the_document_in_progress(workspace: Workspace) -> None:
    doc = new_doc(workspace)
    assert workspace.status(doc) == NEW
    span = workspace.add_span(doc, 11, 19, "PER")
    assert workspace.status(doc) == IN_PROGRESS
    workspace.undo()
    assert workspace.status(doc) == IN_PROGRESS, "undo keeps the document in progress"
    workspace.set_status(doc, NEW)
    workspace.redo()
    assert workspace.status(doc) == IN_PROGRESS, "new again (an import, a script): restarted"
    assert workspace.spans(doc)[0].uuid == span.uuid
    workspace.set_status(doc, DONE)
    with pytest.raises(EditError, match="marked done"):
        workspace.undo()  # done is read-only: tests/unit/test_done_read_only.py
    assert workspace.status(doc) == DONE


def test_the_change_says_which_statuses_moved(workspace: Workspace) -> None:
    doc = new_doc(workspace)
    change = workspace.execute(AddSpan(doc, Span(0, 3, "entity", "PER", annotator="tester")))
    assert change.statuses == {"tester": IN_PROGRESS}
    again = workspace.execute(AddSpan(doc, Span(4, 10, "entity", "ORG", annotator="tester")))
    assert again.statuses == {}


def test_a_curators_decision_puts_gold_in_progress_not_the_curator(
    workspace: Workspace,
) -> None:
    doc = new_doc(workspace)
    for name, label in (("A", "PER"), ("B", "ORG")):
        workspace.execute(AddSpan(doc, Span(11, 19, "entity", label, annotator=name)))
    session = ReviewSession(workspace, doc, ["A", "B"])
    session.decide(0, "accept_a")
    assert workspace.status(doc, "gold") == IN_PROGRESS
    assert workspace.status(doc, "tester") == NEW


class Refuse:
    def __init__(self) -> None:
        self.asked: list[str] = []

    def admit(self, command: Command, ws: Workspace) -> None:
        self.asked.append(command.text)
        if isinstance(command, SetStatus):
            raise EditError("only a curator marks documents done here")


def test_the_policy_is_asked_before_every_edit_undo_and_redo(workspace: Workspace) -> None:
    doc = new_doc(workspace)
    policy = workspace.policy = Refuse()
    workspace.add_span(doc, 11, 19, "PER")
    with pytest.raises(EditError, match="only a curator"):
        workspace.set_status(doc, DONE)
    assert workspace.status(doc) == IN_PROGRESS
    workspace.undo()
    workspace.redo()
    assert policy.asked == ["tag PER", "mark done", "tag PER", "tag PER"]


def test_undo_without_a_document_steps_back_across_documents(workspace: Workspace) -> None:
    first, second = new_doc(workspace, "a"), new_doc(workspace, "b")
    workspace.add_span(first, 0, 3, "PER")
    workspace.add_span(second, 0, 3, "ORG")
    workspace.add_span(first, 4, 10, "GPE")
    labels = lambda: (  # noqa: E731
        [s.label for s in workspace.spans(first)], [s.label for s in workspace.spans(second)]
    )
    workspace.undo()
    assert labels() == (["PER"], ["ORG"])
    workspace.undo()
    assert labels() == (["PER"], [])
    workspace.redo()
    assert labels() == (["PER"], ["ORG"])
    workspace.undo(first)  # one document's own history
    assert labels() == ([], ["ORG"])
    assert workspace.can_redo(first) and workspace.can_undo(second)


def test_the_scripting_edits_fill_in_the_schema(workspace: Workspace) -> None:
    doc = new_doc(workspace)
    quote = workspace.add_span(doc, TEXT.index("«"), TEXT.index("»") + 1, "QUOTE")
    assert (quote.layer, quote.attributes) == ("quote", {"direct": "direct"})
    person = workspace.add_span(doc, 11, 25, "PER")
    link = workspace.link(quote, person)
    assert link.kind == "speaker"
    with pytest.raises(EditError, match="not from a quote to a claim"):
        workspace.relabel_span(person, "CLAIM")  # the speaker link would join the wrong layers
    assert workspace.get_span(person.uuid).layer == "entity"
    assert workspace.relabel_span(person, "ORG").label == "ORG"


def test_a_document_made_new_again_by_an_import_is_put_in_progress_again(
    workspace: Workspace, tmp_path: Path
) -> None:
    import json

    from annotator.workspace.importing import import_paths

    doc = new_doc(workspace)
    workspace.add_span(doc, 0, 3, "PER")
    assert workspace.status(doc) == IN_PROGRESS
    line = {"text": TEXT + "d", "status": "new", "spans": []}
    path = tmp_path / "again.jsonl"
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    import_paths(workspace, [path])
    assert workspace.status(doc) == NEW
    workspace.add_span(doc, 4, 10, "ORG")
    assert workspace.status(doc) == IN_PROGRESS
