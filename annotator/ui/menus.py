"""The menu bar, built from the window's named actions, and the shortcut groups read back from it.

Menu titles are translated in the ``MainWindow`` context, where they have always lived, so the
.ts file and the running program agree on them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from annotator.ui.i18n import LANGUAGES

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

# menu key -> names of actions in MainWindow.action_map, None for a separator; "recent",
# "labels" and "language" are submenus
MENU_ITEMS: dict[str, list[str | None]] = {
    "file": ["open_db", "recent", "import", "export", "merge", None, "annotator_name",
             "toggle_done", None, "quit"],
    "edit": ["undo", "redo", None, "find", "find_next", "find_previous", "annotate_all", None,
             "labels", "delete", "proclitic", "grow_end", "shrink_end", "grow_start",
             "shrink_start", "next_span", "previous_span", "quote_kind", None, "link",
             "finish_link", "unlink", "cancel", None, "edit_shortcuts"],
    "view": ["font", "zoom_in", "zoom_out", None, "labels_on_text", "suggest_threshold", None,
             "exact", "strip", None, "language"],
    "suggest": ["suggest_next", "suggest_previous", "suggest_accept", "suggest_reject",
                "suggest_accept_sentence", "suggest_reject_sentence", None, "suggest_train"],
    "review": ["compare", "team_progress"],
    "help": ["shortcuts", "about"],
}


def menu_titles() -> dict[str, str]:
    # spelled out in full each time: pyside6-lupdate only recognises this exact form
    return {
        "file": QCoreApplication.translate("MainWindow", "&File"),
        "edit": QCoreApplication.translate("MainWindow", "&Edit"),
        "view": QCoreApplication.translate("MainWindow", "&View"),
        "suggest": QCoreApplication.translate("MainWindow", "&Suggestions"),
        "review": QCoreApplication.translate("MainWindow", "&Review"),
        "help": QCoreApplication.translate("MainWindow", "&Help"),
    }


def build_menus(window: MainWindow) -> None:
    """Fill ``window``'s menu bar; the menus go into ``window.menus`` by key."""
    bar = window.menuBar()
    for key, title in menu_titles().items():
        menu = bar.addMenu(title)
        window.menus[key] = menu
        for name in MENU_ITEMS[key]:
            if name is None:
                menu.addSeparator()
            elif name == "recent":
                recent = menu.addMenu(QCoreApplication.translate("MainWindow", "Recent &databases"))
                recent.aboutToShow.connect(window.file_menu.fill_recent)
                window.menus["recent"] = recent
            elif name == "labels":
                title = QCoreApplication.translate("MainWindow", "&Tag selection as")
                window.menus["labels"] = menu.addMenu(title)
                window.menus["labels"].addActions(window.label_actions())
            elif name == "language":
                title = QCoreApplication.translate("MainWindow", "Interface &language")
                _language_menu(window, menu.addMenu(title))
            else:
                menu.addAction(window.action_map[name])


def _language_menu(window: MainWindow, menu: QMenu) -> None:
    current = window.settings.language
    for code, name in LANGUAGES.items():
        action = menu.addAction(name)
        action.setCheckable(True)
        action.setChecked(code == current)
        action.triggered.connect(lambda _=False, lang=code: window.set_language(lang))


def shortcut_groups(window: MainWindow) -> list[tuple[str, list[QAction]]]:
    """(menu title, its actions) in menu order; the label actions are listed under Edit."""
    groups = []
    for key in MENU_ITEMS:
        menu = window.menus[key]
        actions = [a for a in menu.actions() if not a.isSeparator() and a.menu() is None]
        if key == "edit":
            actions += window.label_actions()
        groups.append((menu.title().replace("&", ""), actions))
    return groups
