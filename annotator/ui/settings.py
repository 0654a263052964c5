"""Typed settings persisted through QSettings, declared once with their defaults.

Each setting is a descriptor: ``settings.zoom`` reads QSettings and converts to the declared
type, ``settings.zoom = 2`` writes it. ``VERSION`` is stored so a later release can migrate keys.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "annotator"
APPLICATION = "annotator"
VERSION = 1
MAX_RECENT = 8
_SHORTCUTS = "shortcuts"

T = TypeVar("T")


class _Setting(Generic[T]):
    def __init__(self, key: str, default: T) -> None:
        self.key = key
        self.default = default

    def __get__(self, obj: Settings, owner: type | None = None) -> T:
        raw = obj.qsettings.value(self.key, None)
        if raw is None:
            return self.default
        return self._convert(raw)

    def __set__(self, obj: Settings, value: T) -> None:
        obj.qsettings.setValue(self.key, value)

    def _convert(self, raw: Any) -> T:
        default = self.default
        try:
            if isinstance(default, bool):  # QSettings' INI backend returns "true"/"false"
                return cast(T, raw if isinstance(raw, bool) else str(raw).lower() == "true")
            if isinstance(default, int):
                return cast(T, int(raw))
            if isinstance(default, float):
                return cast(T, float(raw))
            if isinstance(default, str):
                return cast(T, str(raw))
            if isinstance(default, list):
                return cast(T, [str(v) for v in ([raw] if isinstance(raw, str) else raw)])
        except (TypeError, ValueError):
            return default
        return cast(T, raw)


class _Bytes(_Setting[QByteArray]):
    def _convert(self, raw: Any) -> QByteArray:
        return raw if isinstance(raw, QByteArray) else QByteArray()


class Settings:
    """The program's preferences. Pass a QSettings to read another store (tests do)."""

    geometry = _Bytes("window/geometry", QByteArray())
    window_state = _Bytes("window/state", QByteArray())
    main_splitter = _Bytes("window/main_splitter", QByteArray())
    side_splitter = _Bytes("window/side_splitter", QByteArray())
    font_family = _Setting("view/font_family", "")
    font_size = _Setting("view/font_size", 16.0)
    zoom = _Setting("view/zoom", 0)
    show_labels = _Setting("view/show_labels", True)  # label tags, brackets and link lines
    review_zoom = _Setting("review/zoom", 0)  # the review's panes are narrower: their own
    language = _Setting("ui/language", "en")
    exact_selection = _Setting("tagging/exact_selection", False)
    strip_proclitics = _Setting("tagging/strip_proclitics", False)
    arabic_font_warned = _Setting("view/arabic_font_warned", False)
    recent_databases = _Setting[list[str]]("files/recent_databases", [])
    last_import_dir = _Setting("files/last_import_dir", "")
    annotator_name = _Setting("user/annotator_name", "")  # set in the window (ui.annotator_name)

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.qsettings = qsettings if qsettings is not None else QSettings()
        if self.qsettings.value("version") is None:
            self.qsettings.setValue("version", VERSION)

    def remember_database(self, url: str) -> None:
        recent = [url, *(u for u in self.recent_databases if u != url)]
        self.recent_databases = recent[:MAX_RECENT]

    def shortcut_overrides(self) -> dict[str, list[str]]:
        """The annotator's own keys, by action name (``shortcuts/NAME``); an empty list is
        "no key", an absent name means the default (see ui.keymap)."""
        q = self.qsettings
        q.beginGroup(_SHORTCUTS)
        try:
            out: dict[str, list[str]] = {}
            for name in q.childKeys():
                raw = q.value(name, [])
                values = [raw] if isinstance(raw, str) else list(cast(list[object], raw or []))
                out[name] = [str(v) for v in values if str(v)]
            return out
        finally:
            q.endGroup()

    def set_shortcut_overrides(self, overrides: dict[str, list[str]]) -> None:
        """Replace the annotator's own keys (empty: everything back to the defaults)."""
        q = self.qsettings
        q.remove(_SHORTCUTS)
        q.beginGroup(_SHORTCUTS)
        try:
            for name, keys in overrides.items():
                # a one-item list would read back as a plain string from the INI backend; a
                # "no key" binding is stored as an empty string, which reads back as no keys
                q.setValue(name, list(keys) if len(keys) != 1 else keys[0])
        finally:
            q.endGroup()

    def sync(self) -> None:
        self.qsettings.sync()
