"""File > Import: format, encoding and tag map chosen in a dialog; read off the GUI thread;
stored all or nothing; the summary shows counts, warnings and errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QThreadPool, Slot

from annotator.core.model import ImportedDocument
from annotator.ui.import_dialog import ImportDialog
from annotator.ui.main_window import MainWindow
from annotator.workspace import Workspace

# an entity behind a proclitic is not the point here: whole tokens, two sentences
CONLL = "قال\tO\nبوتين\tB-PER\nفي\tO\nموسكو\tB-GPE\n.\tO\n\nووصل\tO\nالوفد\tO\n"
CONLL_TEXT = "قال بوتين في موسكو .\nووصل الوفد"


def finished(dialog: ImportDialog) -> bool:
    return dialog.report is not None or dialog.error is not None


def run(qtbot, dialog: ImportDialog) -> None:
    dialog.start_import()
    qtbot.waitUntil(lambda: finished(dialog), timeout=10_000)


def snapshot(ws: Workspace) -> list[tuple[str, str, list[tuple[int, int, str, str]]]]:
    return [
        (row.name, ws.repo.document_text(row.id),
         sorted((s.start, s.end, s.label, s.annotator or "") for s in ws.repo.spans(row.id)))
        for row in ws.repo.list_documents()
    ]


def test_conll_file_imports_with_its_spans_and_opens(
    qtbot, window: MainWindow, seed_ws: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "news.conll"
    path.write_text(CONLL, encoding="utf-8")
    window.action_map["import"].trigger()
    dialog = window.findChild(ImportDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.add_paths([path])
    assert dialog.chosen_format() == "auto"
    run(qtbot, dialog)
    assert dialog.error is None
    (doc_id,) = dialog.new_ids
    text = seed_ws.repo.document_text(doc_id)
    assert text == CONLL_TEXT
    spans = {(text[s.start:s.end], s.label) for s in seed_ws.repo.spans(doc_id)}
    assert spans == {("بوتين", "PER"), ("موسكو", "GPE")}
    assert dialog.progress.maximum() == 1 and dialog.progress.value() == 1
    summary = dialog.summary.toPlainText()
    assert "Documents added: 1" in summary and "Spans added: 2" in summary
    assert "Warnings: 0" in summary
    # the main window lists the new document and shows it
    assert window.controller.doc_id == doc_id
    assert window.doc_model.rowCount() == 2
    # the same file again: found by its text, nothing doubled
    run(qtbot, dialog)
    assert dialog.new_ids == []
    summary = dialog.summary.toPlainText()
    assert "Documents added: 0" in summary and "Already present (same text): 1" in summary
    assert len(seed_ws.repo.spans(doc_id)) == 2
    dialog.close()


def test_a_bad_file_among_good_ones_stores_nothing(
    qtbot, seed_ws: Workspace, tmp_path: Path
) -> None:
    good = tmp_path / "a_good.conll"
    good.write_text(CONLL, encoding="utf-8")
    plain = tmp_path / "b_plain.txt"
    plain.write_text("نص عادي بلا وسوم", encoding="utf-8")
    bad = tmp_path / "c_bad.conll"
    bad.write_text("قال\tO\nبوتين\tB-PERS\n", encoding="utf-8")  # PERS: not in the schema
    before = snapshot(seed_ws)
    dialog = ImportDialog(seed_ws)
    qtbot.addWidget(dialog)
    dialog.add_paths([good, plain, bad])
    run(qtbot, dialog)
    assert dialog.report is None and dialog.error is not None
    summary = dialog.summary.toPlainText()
    assert "nothing was imported" in summary
    assert f"File: {bad}" in summary
    assert "Line: 2" in summary
    assert "'B-PERS'" in summary
    assert snapshot(seed_ws) == before
    assert dialog.import_button.isEnabled()


def test_a_tag_map_maps_foreign_tags_of_a_conll_txt_file(
    qtbot, seed_ws: Workspace, tmp_path: Path
) -> None:
    # AQMAR/Wojood: CoNLL in a .txt file, space separated, their own tag names, IOB1 habits
    aqmar = tmp_path / "Atom.txt"
    aqmar.write_text("قال O\nبوتين I-PERS\nفي O\nموسكو B-LOC\n", encoding="utf-8")
    tag_map = tmp_path / "map.tsv"
    tag_map.write_text("PERS\tPER\n", encoding="utf-8")
    dialog = ImportDialog(seed_ws)
    qtbot.addWidget(dialog)
    dialog.add_paths([aqmar])
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("conll"))
    assert dialog.tag_map_edit.isEnabled()
    dialog.tag_map_edit.setText(str(tag_map))
    run(qtbot, dialog)
    assert dialog.error is None
    (doc_id,) = dialog.new_ids
    text = seed_ws.repo.document_text(doc_id)
    assert text == "قال بوتين في موسكو"  # read as CoNLL, not as plain text
    spans = {(text[s.start:s.end], s.label) for s in seed_ws.repo.spans(doc_id)}
    assert spans == {("بوتين", "PER"), ("موسكو", "LOC")}
    # the I- that starts a span is repaired, and the summary says so
    summary = dialog.summary.toPlainText()
    assert "Warnings: 1" in summary
    assert f"{aqmar}: 1 span(s) began with I-, E- or L-" in summary
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("jsonl"))
    assert not dialog.tag_map_edit.isEnabled()


def test_cp1256_file_reads_right_with_that_encoding_chosen(
    qtbot, seed_ws: Workspace, tmp_path: Path
) -> None:
    text = "أعلن المتحدث باسم الكرملين، ديمتري بيسكوف، أن الرئيس سيزور القاهرة."
    path = tmp_path / "windows.txt"
    path.write_bytes(text.encode("cp1256"))
    before = snapshot(seed_ws)
    dialog = ImportDialog(seed_ws)
    qtbot.addWidget(dialog)
    dialog.add_paths([path])
    run(qtbot, dialog)  # utf-8 by default: refused, with where and why
    assert dialog.error is not None
    summary = dialog.summary.toPlainText()
    assert f"File: {path}" in summary and "Line: 1" in summary and "cp1256" in summary
    assert snapshot(seed_ws) == before
    dialog.encoding_box.setCurrentText("cp1256")
    run(qtbot, dialog)
    assert dialog.error is None
    (doc_id,) = dialog.new_ids
    assert seed_ws.repo.document_text(doc_id) == text


def test_a_folder_and_refusals_before_reading(
    qtbot, seed_ws: Workspace, tmp_path: Path
) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "one.txt").write_text("الخبر الأول", encoding="utf-8")
    (folder / "two.txt").write_text("الخبر الثاني", encoding="utf-8")
    odd = tmp_path / "notes.xyz"
    odd.write_text("نص", encoding="utf-8")
    dialog = ImportDialog(seed_ws)
    qtbot.addWidget(dialog)
    dialog.start_import()
    assert dialog.summary.toPlainText() == "Add the files or folders to import."
    dialog.add_paths([folder, odd])
    dialog.start_import()  # auto cannot tell notes.xyz's format: nothing starts
    assert dialog.summary.toPlainText() == (
        "The format of notes.xyz cannot be told from its extension: choose a format."
    )
    assert dialog.error == dialog.summary.toPlainText() and dialog.report is None
    assert dialog.import_button.isEnabled()
    dialog.file_list.item(1).setSelected(True)
    dialog.remove_selected()
    assert dialog.paths == [str(folder)]
    dialog.encoding_box.setCurrentText("no-such-codec")
    dialog.start_import()
    assert dialog.summary.toPlainText() == "Unknown encoding: no-such-codec"
    dialog.encoding_box.setCurrentText("utf-8")
    run(qtbot, dialog)
    assert dialog.error is None
    assert dialog.progress.maximum() == 2 and dialog.progress.value() == 2
    names = {seed_ws.repo.document_text(i) for i in dialog.new_ids}
    assert names == {"الخبر الأول", "الخبر الثاني"}


class SpiedImportDialog(ImportDialog):
    """Counts the worker reports that reach the dialog (a queued signal from the worker)."""

    reports = 0

    @Slot(object, object)
    def _read_done(self, worker: Any, docs: list[ImportedDocument]) -> None:
        self.reports += 1
        super()._read_done(worker, docs)


def test_closing_while_reading_stores_nothing(
    qtbot, seed_ws: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "news.conll"
    path.write_text(CONLL, encoding="utf-8")
    before = snapshot(seed_ws)
    dialog = SpiedImportDialog(seed_ws)
    qtbot.addWidget(dialog)
    dialog.add_paths([path])
    dialog.start_import()
    assert not dialog.import_button.isEnabled()  # reading
    # the worker finishes here, but its report is a queued event: delivered only after the
    # close, which must drop it
    assert QThreadPool.globalInstance().waitForDone(10_000)
    dialog.reject()
    qtbot.waitUntil(lambda: dialog.reports == 1)  # the report the worker queued has arrived
    assert (dialog.report, dialog.error) == (None, None) and dialog.import_button.isEnabled()
    assert "nothing was imported" in dialog.summary.toPlainText()
    assert snapshot(seed_ws) == before
