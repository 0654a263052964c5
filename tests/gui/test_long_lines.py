"""A document that is one very long line is shown as short paragraphs, offsets unchanged.

The view swaps one space for a line break where a line grows too long (display only): the
stored text, span offsets, what a copy puts on the clipboard and what an export writes stay
exactly those of the stored text.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import select_and_press, stored
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.core.model import ImportedDocument, Span
from annotator.ui.display_lines import display_text
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings
from annotator.workspace import Workspace
from annotator.workspace.exporting import export
from annotator.workspace.importing import store

# one sentence of news Arabic with diacritics, tatweel, a bidi mark, a Latin run,
# Arabic-Indic digits and an emoji; repeated with no line break, as a CoNLL corpus stored
# without blank lines is
SENTENCE = (
    "\u200fقالت منظمةُ الصحـــة العالمية في جنيف 😀 إن صحيفة Moscow Times نشرت الخبر "
    "عام ٢٠٢٤؟ "
)
LONG = (SENTENCE * 400).strip()


@given(st.text(alphabet=st.sampled_from(["ب", " ", ".", "؟", "\n", "😀", "\u064e", "a"])),
       st.integers(2, 12))
def test_display_text_only_turns_spaces_into_breaks(text: str, limit: int) -> None:
    shown = display_text(text, limit)
    assert len(shown) == len(text)
    assert all(a == b or (a, b) == (" ", "\n") for a, b in zip(text, shown, strict=True))
    for line in shown.split("\n"):
        # a line stays over the limit only where the window before its next space has none
        assert len(line) <= limit or " " not in line[1 : limit + 1]


@given(st.text(alphabet=st.sampled_from(["ب", " ", ".", "؟", "\n", "😀", "a"]), max_size=80),
       st.integers(6, 30), st.integers(2, 12))
def test_a_line_over_the_limit_is_shown_in_pieces(text: str, limit: int, piece: int) -> None:
    shown = display_text(text, limit, piece)
    assert len(shown) == len(text)
    for written, line in zip(text.split("\n"), _lines_of(shown, text), strict=True):
        if len(written) <= limit:
            assert line == [written]  # a line a person wrote is left as it is
        else:
            size = min(piece, limit)
            assert all(len(p) <= size or " " not in p[1 : size + 1] for p in line)


def _lines_of(shown: str, text: str) -> list[list[str]]:
    """The pieces ``shown`` holds for each line of ``text``."""
    out, at = [], 0
    for written in text.split("\n"):
        out.append(shown[at : at + len(written)].split("\n"))
        at += len(written) + 1
    return out


def test_a_corpus_on_one_line_is_shown_a_few_sentences_a_paragraph() -> None:
    """The default: a line over 2,000 code points is shown in pieces of at most 500, each
    ending a sentence; a 1,900-character paragraph stays whole."""
    lines = display_text(LONG).split("\n")
    assert len(lines) > len(LONG) // 500
    assert all(len(line) <= 500 for line in lines)
    assert all(line.endswith("؟") for line in lines[:-1])
    paragraph = (SENTENCE * 25)[:1900]
    assert display_text(paragraph) == paragraph


def test_breaks_fall_at_sentence_ends() -> None:
    shown = display_text(LONG, 500)
    lines = shown.split("\n")
    assert len(lines) > 1
    assert all(len(line) <= 500 for line in lines)
    assert all(line.endswith("؟") for line in lines[:-1])
    assert display_text("قصير جدا", 500) == "قصير جدا"


def open_long(
    qtbot: QtBot, tmp_path: Path, settings: Settings
) -> tuple[MainWindow, Workspace, int]:
    ws = Workspace.open(str(tmp_path / "long.sqlite3"), "tester")
    doc_id = store(ws, [ImportedDocument("long", LONG)]).doc_ids[0]
    at = LONG.index("Moscow Times", len(LONG) // 2)
    ws.repo.insert_spans(doc_id, [Span(at, at + 12, "entity", "ORG", annotator="tester")])
    win = MainWindow(ws, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: win.isActiveWindow())
    win.open_document(doc_id)
    return win, ws, doc_id


def test_one_long_line_is_shown_as_paragraphs_with_the_same_offsets(
    qtbot: QtBot, tmp_path: Path, settings: Settings
) -> None:
    win, ws, doc_id = open_long(qtbot, tmp_path, settings)
    view, c = win.view, win.controller
    assert c.text == LONG  # the stored text, untouched
    assert view.document().blockCount() > 1
    # one for one, in UTF-16 units as Qt counts (each emoji is two)
    assert view.document().characterCount() - 1 == len(LONG.encode("utf-16-le")) // 2
    # a span across a display break: selected, tagged and stored by code points
    brk = c.index.starts[len(c.index.starts) // 2] - 1  # the space turned into a break
    assert LONG[brk] == " "
    start, end = LONG.rindex(" ", 0, brk - 1) + 1, LONG.index(" ", brk + 1)
    select_and_press(win, start, end, "1")
    assert (start, end, "entity", "PER", LONG[start:end]) in stored(ws, doc_id)
    # the stored span before it, drawn where it is
    org = next(s for s in c.index.spans.values() if s.label == "ORG")
    view.scroll_to(org.start, org.end)
    view.select(org.start, org.end)
    assert view.selection() == (org.start, org.end)
    assert view.textCursor().selectedText() == "Moscow Times"
    ws.close()


def test_copying_across_a_display_break_gives_the_stored_space(
    qtbot: QtBot, tmp_path: Path, settings: Settings
) -> None:
    win, ws, _doc_id = open_long(qtbot, tmp_path, settings)
    c = win.view.controller
    brk = c.index.starts[1] - 1
    start, end = brk - 20, brk + 20
    win.view.select(start, end)
    win.view.copy()
    assert QApplication.clipboard().text() == LONG[start:end]
    assert " " in QApplication.clipboard().text() and "\n" not in QApplication.clipboard().text()
    ws.close()


def test_export_after_tagging_in_a_long_line_is_the_stored_text(
    qtbot: QtBot, tmp_path: Path, settings: Settings
) -> None:
    win, ws, _doc_id = open_long(qtbot, tmp_path, settings)
    brk = win.controller.index.starts[2] - 1
    start, end = LONG.rindex(" ", 0, brk - 1) + 1, LONG.index(" ", brk + 1)
    select_and_press(win, start, end, "1")
    out = tmp_path / "out.jsonl"
    export(ws, "jsonl", out)
    row = json.loads(out.read_text(encoding="utf-8"))
    assert row["text"] == LONG
    spans = sorted((s["start"], s["end"]) for s in row["spans"])
    org = LONG.index("Moscow Times", len(LONG) // 2)
    assert spans == sorted([(start, end), (org, org + 12)])
    assert " " in LONG[start:end]  # the span holds the space the view showed as a break
    ws.close()
