"""Export limited to the current document, to the documents marked done, or to those selected
in the document list; a choice that holds no document is refused in words, nothing written."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.core.model import DONE
from annotator.ui.export_dialog import ExportDialog
from annotator.ui.main_window import MainWindow
from annotator.workspace import Workspace
from annotator.workspace.export_scope import CURRENT, DONE_DOCS, SELECTED
from annotator.workspace.importing import import_paths

TEXTS = {
    "one.txt": "قالَ الرئيـــس لـ Reuters 😀 في ٢٠٢٤\n",
    "two.txt": "وأكدت الوزيرة ‏ليلى عمر أن الإصابات انخفضت\n",
    "three.txt": "ويرى باحثون في جامعة القاهرة أن التجربة نجحت\n",
}


def _workspace(tmp_path: Path) -> tuple[Workspace, dict[str, str]]:
    ws = Workspace.open(str(tmp_path / "db.sqlite3"), "tester")
    paths = []
    for name, text in TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(tmp_path / name)
    import_paths(ws, paths)
    return ws, {row.name: row.sha256 for row in ws.repo.list_documents()}


def _export(qtbot, dialog: ExportDialog, scope: str, target: Path) -> list[str]:
    dialog.format_box.setCurrentText("jsonl")
    dialog.scope_box.setCurrentIndex(dialog.scope_box.findData(scope))
    dialog.path_edit.setText(str(target))
    dialog.report, dialog.error = None, None
    dialog.start_export()
    qtbot.waitUntil(lambda: dialog.report is not None or dialog.error is not None,
                    timeout=10_000)
    if dialog.error is not None:
        return []
    return [json.loads(line)["text"] for line in target.read_text(encoding="utf-8").splitlines()]


def test_export_current_done_or_selected_documents(qtbot, tmp_path: Path) -> None:
    ws, sha = _workspace(tmp_path)
    dialog = ExportDialog(ws, current=sha["one"], selected=[sha["two"], sha["three"]])
    qtbot.addWidget(dialog)
    assert _export(qtbot, dialog, CURRENT, tmp_path / "current.jsonl") == [TEXTS["one.txt"]]
    assert sorted(_export(qtbot, dialog, SELECTED, tmp_path / "sel.jsonl")) == sorted(
        [TEXTS["two.txt"], TEXTS["three.txt"]])

    # nothing is done yet: refused, and no file appears
    assert _export(qtbot, dialog, DONE_DOCS, tmp_path / "done.jsonl") == []
    assert "no document is marked done by tester" in (dialog.error or "")
    assert not (tmp_path / "done.jsonl").exists()

    ws.set_status(ws.find_document("three"), DONE)
    assert _export(qtbot, dialog, DONE_DOCS, tmp_path / "done.jsonl") == [TEXTS["three.txt"]]
    ws.close()


def test_without_an_open_document_or_a_selection_those_choices_are_off(
    qtbot, tmp_path: Path
) -> None:
    ws, _sha = _workspace(tmp_path)
    dialog = ExportDialog(ws)
    qtbot.addWidget(dialog)
    model = dialog.scope_box.model()
    for scope in (CURRENT, SELECTED):
        item = model.item(dialog.scope_box.findData(scope))  # type: ignore[attr-defined]
        assert not item.isEnabled()
    ws.close()


def test_the_window_passes_its_open_and_selected_documents(window: MainWindow) -> None:
    current, selected = window.file_menu.export_choices()
    rows = window.controller.ws.repo.list_documents()
    assert current == rows[0].sha256
    assert selected == [rows[0].sha256]  # opening a document selects its row
