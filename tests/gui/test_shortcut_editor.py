"""Keys that reach the program (no layout switch, no window-manager key) and the shortcut
editor: rebinding through key events, saved in QSettings, conflicts refused, reset."""

from __future__ import annotations

import re

from conftest import find_nth, press, select_and_press, stored
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QKeySequenceEdit
from pytestqt.qtbot import QtBot

from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings
from annotator.ui.shortcut_editor import ShortcutEditor
from annotator.workspace import Workspace

# what openbox, GNOME and KDE take by default, and the Arabic/English layout toggle
TAKEN = re.compile(
    r"Meta\+|Alt\+Shift\+|Shift\+Alt\+|Ctrl\+Alt\+(Left|Right|Up|Down)$|(Alt|Ctrl)\+F\d+$"
    r"|^Alt\+(Tab|Space|Esc)$"
)


def live_keys(window: MainWindow) -> dict[str, list[str]]:
    return {
        name: [k.toString(QKeySequence.SequenceFormat.PortableText) for k in a.shortcuts()]
        for name, a in window.action_map.items()
    }


def test_no_default_key_is_taken_by_the_layout_switch_or_the_window_manager(
    window: MainWindow,
) -> None:
    keys = live_keys(window)
    assert keys["grow_start"] == ["Alt+Up"] and keys["shrink_start"] == ["Alt+Down"]
    assert [(n, k) for n, ks in keys.items() for k in ks if TAKEN.search(k)] == []
    everyone = [k for ks in keys.values() for k in ks]
    assert len(everyone) == len(set(everyone)), "two actions share a key"


def open_editor(window: MainWindow, qtbot: QtBot) -> ShortcutEditor:
    assert window.action_map["edit_shortcuts"] in window.menus["edit"].actions()
    window.action_map["edit_shortcuts"].trigger()
    editors: list[ShortcutEditor] = []

    def shown() -> bool:
        editors[:] = [e for e in window.findChildren(ShortcutEditor) if e.isVisible()]
        return len(editors) == 1

    qtbot.waitUntil(shown)
    qtbot.waitUntil(editors[0].isActiveWindow)
    return editors[0]


def type_key(editor: ShortcutEditor, name: str, keys: str, field: int = 0) -> None:
    """Click the action's key field, clear it and press ``keys`` in it, as the user would."""
    edit = editor.findChild(QKeySequenceEdit, f"{name}/{field}")
    assert edit is not None
    editor.table.scrollToItem(editor.table.item(0, 0))
    edit.clear()
    edit.setFocus()
    combo = QKeySequence(keys)[0]
    QTest.keyClick(edit, combo.key(), combo.keyboardModifiers())


def click(editor: ShortcutEditor, which: QDialogButtonBox.StandardButton) -> None:
    box = editor.findChild(QDialogButtonBox)
    assert box is not None
    QTest.mouseClick(box.button(which), Qt.MouseButton.LeftButton)


def back_to(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()  # a window manager does this; offscreen, the test does
    qtbot.waitUntil(window.isActiveWindow)


def test_editor_rebinds_refuses_conflicts_and_reserved_keys_and_resets(
    window: MainWindow, qtbot: QtBot, settings: Settings, seed_ws: Workspace
) -> None:
    c = window.controller
    text = c.text
    at = find_nth(text, "ألكسندر")
    select_and_press(window, at, at + len("ألكسندر"), "1")

    editor = open_editor(window, qtbot)
    type_key(editor, "grow_end", "Ctrl+K")
    type_key(editor, "find", "Ctrl+K")  # the same key for two actions
    click(editor, QDialogButtonBox.StandardButton.Save)
    assert editor.isVisible(), "a conflict must not be saved"
    assert "Ctrl+K" in editor.problem and "Find" in editor.problem
    assert "Move span end one word left" in editor.message.text()
    type_key(editor, "find", "Ctrl+F")
    type_key(editor, "grow_start", "Alt+Shift+Right")  # the layout switch
    click(editor, QDialogButtonBox.StandardButton.Save)
    assert editor.isVisible() and "keyboard layout" in editor.problem
    type_key(editor, "grow_start", "Alt+Up")
    with qtbot.waitSignal(editor.finished):
        click(editor, QDialogButtonBox.StandardButton.Save)
    assert settings.shortcut_overrides() == {"grow_end": ["Ctrl+K"]}
    back_to(window, qtbot)

    window.view.clear_selection()
    press(window, "Alt+Left")  # no longer bound
    assert stored(c.ws, c.doc_id)[0][4] == "ألكسندر"
    press(window, "Ctrl+K")
    assert stored(c.ws, c.doc_id)[0][4] == "ألكسندر لوكاشينكو"

    # the next start reads the same settings
    again = MainWindow(seed_ws, settings)
    qtbot.addWidget(again)
    assert live_keys(again)["grow_end"] == ["Ctrl+K"]
    again.close()
    back_to(window, qtbot)

    editor = open_editor(window, qtbot)
    click(editor, QDialogButtonBox.StandardButton.RestoreDefaults)
    with qtbot.waitSignal(editor.finished):
        click(editor, QDialogButtonBox.StandardButton.Save)
    assert settings.shortcut_overrides() == {}
    back_to(window, qtbot)
    before = stored(c.ws, c.doc_id)[0]
    press(window, "Alt+Left")  # the default again: the end moves one more word on
    after = stored(c.ws, c.doc_id)[0]
    assert after[0] == before[0] and after[1] > before[1]
    assert live_keys(window)["grow_end"] == ["Alt+Left"]


def test_cancel_changes_no_key(window: MainWindow, qtbot: QtBot, settings: Settings) -> None:
    editor = open_editor(window, qtbot)
    type_key(editor, "label:PER", "Ctrl+1")
    with qtbot.waitSignal(editor.finished):
        click(editor, QDialogButtonBox.StandardButton.Cancel)
    assert settings.shortcut_overrides() == {}
    assert live_keys(window)["label:PER"] == ["1"]


def test_a_label_key_can_be_rebound_and_the_palette_shows_it(
    window: MainWindow, qtbot: QtBot, settings: Settings
) -> None:
    editor = open_editor(window, qtbot)
    type_key(editor, "label:PER", "Ctrl+1")
    with qtbot.waitSignal(editor.finished):
        click(editor, QDialogButtonBox.StandardButton.Save)
    back_to(window, qtbot)
    assert settings.shortcut_overrides() == {"label:PER": ["Ctrl+1"]}
    assert "Ctrl+1" in window.label_palette.buttons["PER"].text()
    c = window.controller
    at = find_nth(c.text, "موسكو")
    select_and_press(window, at, at + 5, "Ctrl+1")
    assert [r[3] for r in stored(c.ws, c.doc_id)] == ["PER"]
