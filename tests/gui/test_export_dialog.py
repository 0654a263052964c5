"""The export dialog writes the same file as the command line, off the GUI thread."""

from __future__ import annotations

import io
from pathlib import Path

from annotator.core.commands import AddSpan
from annotator.core.model import Span
from annotator.formats.conll import write_conll
from annotator.formats.exporting import ExportOptions
from annotator.ui.export_dialog import ExportDialog
from annotator.workspace import Workspace
from annotator.workspace.exporting import gather_documents


def tag_behind_proclitic(ws: Workspace) -> int:
    doc_id = ws.repo.list_documents()[0].id
    text = ws.repo.document_text(doc_id)
    at = text.index("للوكاشينكو") + 1  # ل · لوكاشينكو
    ws.execute(AddSpan(doc_id, Span(at, at + len("لوكاشينكو"), "entity", "PER")))
    start = text.index("موسكو")
    ws.execute(AddSpan(doc_id, Span(start, start + 5, "entity", "GPE")))
    ws.execute(AddSpan(doc_id, Span(start, start + 5, "entity", "LOC")))  # overlaps: dropped
    return doc_id


def test_conll_export_runs_in_a_worker_and_reports(
    qtbot, seed_ws: Workspace, tmp_path: Path
) -> None:
    tag_behind_proclitic(seed_ws)
    dialog = ExportDialog(seed_ws)
    qtbot.addWidget(dialog)
    target = tmp_path / "out.conll"
    dialog.format_box.setCurrentText("conll")
    dialog.annotator_box.setCurrentText("tester")
    dialog.scheme_box.setCurrentText("bioes")
    dialog.path_edit.setText(str(target))
    dialog.start_export()
    qtbot.waitUntil(lambda: dialog.report is not None or dialog.error is not None, timeout=10_000)
    assert dialog.error is None
    expected = io.StringIO()
    write_conll(gather_documents(seed_ws, "tester"), expected,
                ExportOptions(scheme="bioes"))
    assert target.read_text(encoding="utf-8") == expected.getvalue()
    summary = dialog.summary.toPlainText()
    assert "split 1 token(s)" in summary and "dropped 1 span(s)" in summary
    assert dialog.progress.value() == dialog.progress.maximum()
    assert "ل\tO\nلوكاشينكو\tS-PER" in expected.getvalue()


def test_brat_export_to_a_folder_and_failure_is_shown(
    qtbot, seed_ws: Workspace, tmp_path: Path
) -> None:
    tag_behind_proclitic(seed_ws)
    dialog = ExportDialog(seed_ws)
    qtbot.addWidget(dialog)
    dialog.format_box.setCurrentText("brat")
    assert all(check.isChecked() for check in dialog.layer_checks.values())
    dialog.path_edit.setText(str(tmp_path / "brat"))
    dialog.start_export()
    qtbot.waitUntil(lambda: dialog.report is not None or dialog.error is not None, timeout=10_000)
    # the pair, and brat's project configuration beside it
    assert sorted(p.name for p in (tmp_path / "brat").iterdir() if p.suffix == ".conf") == [
        "annotation.conf", "visual.conf"]
    assert sorted(p.suffix for p in (tmp_path / "brat").iterdir()) == [
        ".ann", ".conf", ".conf", ".txt"]

    dialog.format_box.setCurrentText("conll")
    dialog.path_edit.setText(str(tmp_path / "missing" / "out.conll"))
    dialog.start_export()
    qtbot.waitUntil(lambda: dialog.error is not None, timeout=10_000)
    assert "does not exist" in dialog.summary.toPlainText()


def test_the_dialog_says_what_a_format_cannot_hold(qtbot, seed_ws: Workspace) -> None:
    dialog = ExportDialog(seed_ws)
    qtbot.addWidget(dialog)
    dialog.format_box.setCurrentText("conll")
    note = dialog.format_note.text()
    assert note.startswith("Cannot hold: overlapping spans, links, attributes")
    dialog.format_box.setCurrentText("jsonl")
    assert dialog.format_note.text() == "Holds overlapping spans, links and attributes."
