"""Every action's default keys, the annotator's own bindings on top, and what a binding may not be.

Why these defaults: an annotator here types Arabic and English, so the keyboard layout toggle is
always armed, and the keys must also get past the window manager. Measured against the defaults
of openbox (``/etc/xdg/openbox/rc.xml``), GNOME (mutter, gnome-shell) and KDE Plasma (KWin):

* **Alt+Shift** is the usual layout toggle (``grp:alt_shift_toggle``, also Windows' default),
  and openbox sends the window to another desktop on Alt+Shift+arrows: no default uses it.
* **Ctrl+Alt+arrows** switch workspaces (openbox, GNOME, Xfce, Cinnamon): none is used.
* **Alt+F1 … Alt+F10**, Alt+Tab, Alt+Space, Alt+Escape belong to window managers (menus,
  close, move, resize), **Ctrl+F1 … Ctrl+F4** switch desktops in KDE, and Super (Meta) is the
  window manager's own modifier everywhere: none is used.
* **Alt+drag** moves the window (openbox, KDE): an exact selection is also made by a Ctrl+drag,
  which reaches the view everywhere (or with ``-`` off the proclitic, or View > Exact
  selection, Ctrl+E).
* **Arrow keys with Ctrl or Shift** move and extend the text cursor in the document (keyboard
  selection), so resizing a span uses **Alt+arrows**, which none of these bind: Alt+Left and
  Alt+Right move the span's end (Left is forward in right-to-left text), Alt+Up and Alt+Down
  move its start up (back, earlier in the text) or down (forward).

Label keys are single letters and digits: under the Arabic layout Qt matches them by the Latin
key of the same position (``ض`` is Q), tests/gui/test_xdotool_keyboard.py checks it in a real
X session. Edit > Keyboard shortcuts changes any binding; the changes are kept in QSettings
(``shortcuts/NAME``), a conflict or a key listed here is refused in words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

PORTABLE = QKeySequence.SequenceFormat.PortableText

# name in MainWindow.action_map -> its keys, first one shown first; label actions ("label:PER")
# take theirs from the schema
DEFAULT_KEYS: dict[str, tuple[str, ...]] = {
    "open_db": ("Ctrl+O",),
    "import": ("Ctrl+I",),
    "export": ("Ctrl+Shift+E",),
    "quit": ("Ctrl+Q",),
    "toggle_done": ("Ctrl+D",),
    "undo": ("Ctrl+Z",),
    "redo": ("Ctrl+Y", "Ctrl+Shift+Z"),
    "find": ("Ctrl+F",),
    "find_next": ("F3",),
    "find_previous": ("Shift+F3",),
    "annotate_all": ("Ctrl+Shift+A",),
    "delete": ("Del", "Backspace"),
    "proclitic": ("-",),
    "grow_end": ("Alt+Left",),
    "shrink_end": ("Alt+Right",),
    "grow_start": ("Alt+Up",),
    "shrink_start": ("Alt+Down",),
    "next_span": ("]",),
    "previous_span": ("[",),
    "quote_kind": ("D",),
    "link": ("L",),
    "finish_link": ("Return", "Enter"),
    "cancel": ("Esc",),
    "unlink": ("Shift+L",),
    "zoom_in": ("Ctrl++", "Ctrl+="),
    "zoom_out": ("Ctrl+-",),
    "exact": ("Ctrl+E",),
    "compare": ("Ctrl+R",),
    # suggestions: Ctrl with the keys that finish (Return) or undo (Backspace) a tag, and with
    # the span-stepping brackets
    "suggest_next": ("Ctrl+]",),
    "suggest_previous": ("Ctrl+[",),
    "suggest_accept": ("Ctrl+Return",),
    "suggest_reject": ("Ctrl+Backspace",),
    "suggest_accept_sentence": ("Ctrl+Shift+Return",),
    "suggest_reject_sentence": ("Ctrl+Shift+Backspace",),
    "shortcuts": ("F1",),
}

_DEFAULTS_PROPERTY = "default_keys"


def portable(keys: Iterable[QKeySequence]) -> list[str]:
    return [k.toString(PORTABLE) for k in keys if not k.isEmpty()]


def set_default_keys(action: QAction, keys: Iterable[str]) -> None:
    """Give ``action`` its default keys, remembered on it so a reset can find them."""
    sequences = [QKeySequence(k) for k in keys]
    action.setProperty(_DEFAULTS_PROPERTY, portable(sequences))
    action.setShortcuts(sequences)


def default_keys(action: QAction) -> list[str]:
    """The keys ``action`` was built with (portable text); its current ones if never set."""
    stored = action.property(_DEFAULTS_PROPERTY)
    return [str(k) for k in stored] if stored is not None else portable(action.shortcuts())


def live_keys(action: QAction) -> list[str]:
    return portable(action.shortcuts())


def apply_bindings(actions: Mapping[str, QAction], overrides: Mapping[str, list[str]]) -> None:
    """Each action gets the annotator's keys if they chose some, else its defaults."""
    for name, action in actions.items():
        keys = overrides.get(name)
        action.setShortcuts([QKeySequence(k) for k in (default_keys(action)
                                                        if keys is None else keys)])


def conflicts(bindings: Mapping[str, list[str]]) -> list[tuple[str, str, str]]:
    """(key, first action, second action) for every key bound to two actions."""
    owner: dict[str, str] = {}
    found = []
    for name, keys in bindings.items():
        for key in keys:
            normal = QKeySequence(key).toString(PORTABLE)
            if normal in owner and owner[normal] != name:
                found.append((normal, owner[normal], name))
            owner.setdefault(normal, name)
    return found


_ARROWS = r"(Left|Right|Up|Down)"


def reserved_reason(key: str) -> str | None:
    """Why ``key`` would not reach the program on many desktops, or None if it would."""
    normal = QKeySequence(key).toString(PORTABLE)
    if "Meta+" in normal:
        return QCoreApplication.translate(
            "Keymap", "the Super (Windows) key belongs to the window manager")
    if "Alt+" in normal and "Shift+" in normal:
        return QCoreApplication.translate(
            "Keymap", "Alt+Shift switches the keyboard layout (Arabic/English) on many systems")
    if re.fullmatch(rf"Ctrl\+Alt\+{_ARROWS}", normal):
        return QCoreApplication.translate("Keymap", "Ctrl+Alt+arrows switch workspaces")
    if re.fullmatch(r"(Alt|Ctrl)\+F([1-9]|1[0-2])", normal) or normal in (
        "Alt+Tab", "Alt+Space", "Alt+Esc"
    ):
        return QCoreApplication.translate(
            "Keymap", "window managers use it (window menu, close, move, switch desktop)")
    return None
