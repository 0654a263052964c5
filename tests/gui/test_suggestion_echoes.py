"""Echoes in the window: a name tagged is suggested at once at its other occurrences, before any
training; they are accepted, rejected and undone like any suggestion, and go with their span."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import find_nth, press, select_and_press

from annotator.core.commands import RemoveSpan
from annotator.core.model import ImportedDocument, Span, text_sha256
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings
from annotator.workspace import Workspace, suggestions

TEXT = (
    "التقى بوتين مع Reuters في ١٢ مايو ، ثم قال بُوتِـين إن روسيا ستبقى 😀 .\n"
    "وبوتين يعرف ذلك ، وكتب لبوتين عن بوتينات بيلاروسيا ."
)


@pytest.fixture
def win(qtbot, db_path: Path, settings: Settings) -> MainWindow:
    ws = Workspace.open(str(db_path), "tester")
    ws.repo.insert_document("open", TEXT, text_sha256(TEXT))
    window = MainWindow(ws, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    doc = ws.find_document("open")
    assert doc is not None
    window.open_document(doc)
    window.view.setFocus()
    return window


def shown(win: MainWindow) -> list[tuple[int, str, str]]:
    text = win.controller.text
    return [(s.start, text[s.start:s.end], s.label) for s in win.suggestion_actions.state.shown]


def stored(win: MainWindow) -> list[tuple[str, str]]:
    c = win.controller
    return sorted((c.text[s.start:s.end], s.label) for s in c.ws.spans(c.doc_id))


def tag_first_putin(win: MainWindow, qtbot) -> None:
    at = find_nth(TEXT, "بوتين")
    select_and_press(win, at, at + len("بوتين"), "1")
    qtbot.waitUntil(lambda: len(shown(win)) == 3)


def test_a_tag_is_echoed_at_once_without_a_model(win: MainWindow, qtbot) -> None:
    assert suggestions.model_version(win.controller.ws) == 0 and shown(win) == []
    tag_first_putin(win, qtbot)
    assert stored(win) == [("بوتين", "PER")]  # echoes are suggestions, not spans
    assert shown(win) == [
        (find_nth(TEXT, "بُوتِـين"), "بُوتِـين", "PER"),
        (find_nth(TEXT, "وبوتين") + 1, "بوتين", "PER"),  # the stem after و
        (find_nth(TEXT, "لبوتين") + 1, "بوتين", "PER"),
    ]


def test_no_echo_work_is_left_for_a_later_key(win: MainWindow, qtbot) -> None:
    """Once a tag's echoes are shown nothing of it is still scheduled: a stale timer would do
    the next tag's echo work inside that key's turn, before its paint."""
    tag_first_putin(win, qtbot)
    state = win.suggestion_actions.state
    qtbot.waitUntil(lambda: not state.echo_pending())
    assert not state._echo_timer.isActive()


def test_accept_an_echo_then_undo_everything(win: MainWindow, qtbot) -> None:
    tag_first_putin(win, qtbot)
    state = win.suggestion_actions.state
    press(win, "Ctrl+]")
    echo = state.current_suggestion()
    assert echo is not None and TEXT[echo.start:echo.end] == "بُوتِـين"
    press(win, "Ctrl+Return")
    assert stored(win) == [("بوتين", "PER"), ("بُوتِـين", "PER")]
    c = win.controller
    accepted = next(s for s in c.ws.spans(c.doc_id) if s.start == echo.start)
    provenance = c.ws.repo.span_provenance(accepted.uuid)
    assert provenance is not None
    assert provenance["text"] == "suggested by gazetteer v0 and accepted by tester"
    assert len(shown(win)) == 2
    press(win, "Ctrl+Z")  # the acceptance: the echo is offered again
    assert stored(win) == [("بوتين", "PER")] and len(shown(win)) == 3
    press(win, "Ctrl+Z")  # the tag: no span of that name is left, nor its echoes
    assert stored(win) == [] and shown(win) == []


def test_a_rejected_echo_never_returns(win: MainWindow, qtbot) -> None:
    tag_first_putin(win, qtbot)
    state = win.suggestion_actions.state
    state.current = state.shown[-1].uuid  # لبوتين's stem
    refused = state.shown[-1].key()
    press(win, "Ctrl+Backspace")
    assert refused not in {s.key() for s in state.shown} and len(shown(win)) == 2
    # tagging the name again elsewhere echoes it again, except where it was rejected
    at = find_nth(TEXT, "بُوتِـين")
    select_and_press(win, at, at + len("بُوتِـين"), "1")
    assert state.echo_pending()  # its echo is worked out after the paint
    qtbot.waitUntil(lambda: not state.echo_pending())
    assert refused not in {s.key() for s in state.shown}
    assert [t for _, t, _ in shown(win)] == ["بوتين"]  # وبوتين's stem only


def test_an_echo_takes_the_place_of_the_model_suggestion_it_overlaps(
    win: MainWindow, qtbot
) -> None:
    ws = win.controller.ws
    second = find_nth(TEXT, "بُوتِـين")
    wrong = Span(second, second + len("بُوتِـين إن"), "entity", "ORG")
    suggestions.import_as_suggestions(ws, [ImportedDocument("open", TEXT, spans=[wrong])], "x")
    win.suggestion_actions.state.reload()
    assert [(s, label) for s, _, label in shown(win)] == [(second, "ORG")]
    tag_first_putin(win, qtbot)
    assert (second, "بُوتِـين", "PER") in shown(win)
    assert not any(label == "ORG" for _, _, label in shown(win))


def test_the_one_pass_overlap_agrees_with_asking_each_suggestion(win: MainWindow) -> None:
    """What a training's new suggestions go through at once (a sweep over the spans) hides
    exactly those the per-suggestion question hides: nested, touching and far spans."""
    import random

    ws = win.controller.ws
    rng = random.Random(5)
    n = len(TEXT)
    made = [Span(40, 45, "entity", "PER")]  # under a long span, past a short one inside it
    for _ in range(60):
        a = rng.randrange(n - 1)
        made.append(Span(a, min(n, a + rng.randint(1, 12)), "entity", "PER"))
    suggestions.import_as_suggestions(ws, [ImportedDocument("open", TEXT, spans=made)], "r")
    c = win.controller
    ws.add_span(c.doc_id, 0, 60, "ORG")
    ws.add_span(c.doc_id, 5, 10, "PER")
    for _ in range(8):
        a = rng.randrange(n - 1)
        ws.add_span(c.doc_id, a, min(n, a + rng.randint(1, 20)), "PER")
    doc = c.doc_id
    other = ws.repo.insert_document("other", "نص آخر .", text_sha256("نص آخر ."))
    win.open_document(other)
    win.open_document(doc)  # the index and the suggestions read again
    state = win.suggestion_actions.state
    assert state._all
    assert state._all_covered() == {s.uuid for s in state._all if state._under_a_span(s)}
    assert 0 < len(state._all_covered()) < len(state._all)


def test_an_echo_replaces_a_weak_stored_suggestion_at_its_very_place(
    win: MainWindow, qtbot
) -> None:
    """A stored suggestion below the threshold with the echo's own place and label must not
    hide the echo (it is not drawn itself)."""
    from annotator.core.suggest.model import Suggestion
    from annotator.storage import suggestions as store

    ws = win.controller.ws
    second = find_nth(TEXT, "بُوتِـين")
    weak = Suggestion(second, second + len("بُوتِـين"), "entity", "PER", 0.2, "gazetteer", 1)
    ws.write_in_bulk("a weak suggestion", lambda repo: store.replace_suggestions(
        repo, win.controller.doc_id, [weak], engines=["gazetteer"]))
    state = win.suggestion_actions.state
    state.reload()
    assert shown(win) == []  # below the threshold
    tag_first_putin(win, qtbot)
    assert (second, "بُوتِـين", "PER") in shown(win)


def test_undoing_a_rejection_shows_the_echo_again_after_its_span_came_back(
    win: MainWindow, qtbot
) -> None:
    """Tag, reject an echo, delete the tag, then undo twice: the tag and its echoes come back,
    and once the rejection is undone the rejected echo shows again."""
    tag_first_putin(win, qtbot)
    state = win.suggestion_actions.state
    c = win.controller
    state.current = state.shown[0].uuid
    refused = state.shown[0].key()
    press(win, "Ctrl+Backspace")  # reject one echo
    assert refused not in {s.key() for s in state.shown}
    at = find_nth(TEXT, "بوتين")
    tagged = next(s for s in c.index.spans.values() if s.start == at)
    assert c.execute(RemoveSpan(tagged.uuid))  # through the door, onto the undo stack
    assert shown(win) == []  # no span of that name: no echo
    press(win, "Ctrl+Z")  # the deletion: the tag is back, and echoed again
    qtbot.waitUntil(lambda: not state.echo_pending())
    assert refused not in {s.key() for s in state.shown} and len(shown(win)) == 2
    press(win, "Ctrl+Z")  # the rejection
    assert refused in {s.key() for s in state.shown}
