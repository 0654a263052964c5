"""The real program in a real window, driven by real key events (xdotool) under a window
manager: every key lands in the database through the workspace's door, undo and redo too.

A test that calls the controller cannot see what the window does with the keys it gets from
the X server (focus, shortcuts, the find bar); this one can.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import xserver

from annotator.workspace import Workspace
from annotator.workspace.importing import import_sample

pytestmark = pytest.mark.xvfb
WHO = "layla"


def entities(db: Path) -> list[tuple[int, int, str]]:
    with Workspace.open(str(db), WHO) as ws:
        doc = ws.document("sample_ar")
        return [(s.start, s.end, s.label) for s in ws.spans(doc)]


def status(db: Path) -> str:
    with Workspace.open(str(db), WHO) as ws:
        return ws.status(ws.document("sample_ar"))


def eventually(probe: Callable[[], object], expected: object, timeout: float = 15.0) -> None:
    """Poll another process's database until ``probe()`` gives ``expected`` (there is no
    signal to await across processes)."""
    deadline = time.monotonic() + timeout
    seen = probe()
    while seen != expected:
        assert time.monotonic() < deadline, f"still {seen!r}, wanted {expected!r}"
        time.sleep(0.1)
        seen = probe()


def test_keys_in_the_real_window_tag_resize_undo_redo_and_mark_done(tmp_path: Path) -> None:
    xdotool = shutil.which("xdotool")
    assert xdotool, "xdotool is not installed (.ci/run installs it)"
    db = tmp_path / "db.sqlite3"
    with Workspace.open(str(db), WHO) as ws:
        import_sample(ws)
    home = tmp_path / "home"
    with xserver.xvfb(tmp_path, window_manager=True) as display:
        env = {
            **os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"), "XDG_DATA_HOME": str(home / ".local"),
        }
        env.pop("WAYLAND_DISPLAY", None)
        log = (tmp_path / "gui.log").open("wb")
        app = subprocess.Popen(
            [sys.executable, "-m", "annotator.cli", "gui", "--db", str(db),
             "--annotator", WHO, "--open", "sample_ar"],
            env=env, stdout=log, stderr=log,
        )

        def x(*args: str) -> str:
            done = subprocess.run([xdotool, *args], env=env, capture_output=True, text=True,
                                  timeout=60, check=True)
            return done.stdout

        try:
            xserver.activate(x, "sample_ar")
            x("key", "--delay", "80", "ctrl+f")
            x("type", "--delay", "60", "منظمة")  # find the word; Return selects the first hit
            x("key", "--delay", "120", "Return", "Escape", "2")  # close the bar, tag ORG
            eventually(lambda: entities(db), [(16, 21, "ORG")])
            assert status(db) == "in_progress", "the first edit puts the document in progress"
            x("key", "--delay", "120", "alt+Left")  # the span's end one word on (RTL: left)
            eventually(lambda: entities(db), [(16, 27, "ORG")])
            x("key", "--delay", "120", "alt+Left")
            eventually(lambda: entities(db), [(16, 36, "ORG")])  # منظمة الصحة العالمية
            x("key", "--delay", "120", "ctrl+z")
            eventually(lambda: entities(db), [(16, 27, "ORG")])
            x("key", "--delay", "120", "ctrl+shift+z")
            eventually(lambda: entities(db), [(16, 36, "ORG")])
            x("key", "--delay", "120", "ctrl+d")
            eventually(lambda: status(db), "done")
        finally:
            app.terminate()
            app.wait(timeout=20)
            log.close()


def quotes(db: Path) -> list[tuple[int, int, str, str]]:
    with Workspace.open(str(db), WHO) as ws:
        doc = ws.document("sample_ar")
        return [(s.start, s.end, s.label, str(s.attributes.get("direct", "")))
                for s in ws.spans(doc)]


def test_label_and_command_keys_work_with_the_arabic_layout_active(tmp_path: Path) -> None:
    """Arabic is the active layout (ara,us: the first group is on), so every key sends its
    Arabic letter, as on an annotator's laptop: ض on Q tags QUOTE, ي on D switches it to
    indirect, Ctrl with ب (the F key) opens Find, and Alt+Down (the new start key) resizes.

    Under Xvfb, right after ``setxkbmap`` switches to two layouts, the window manager now and
    then fails to activate the new window, or the first keys are lost before they reach Qt
    (about one session in three here, never the program's doing: nothing reaches it). A
    whole new session (X server, layout, program, database) is then started, up to five
    times; every check below must hold in one session from start to end.
    """
    xdotool, setxkbmap = shutil.which("xdotool"), shutil.which("setxkbmap")
    assert xdotool and setxkbmap, "xdotool and setxkbmap are installed by .ci/run"
    failures: list[str] = []
    for attempt in range(5):
        try:
            _arabic_layout_session(tmp_path / f"session{attempt}", xdotool, setxkbmap)
            return
        except (AssertionError, subprocess.CalledProcessError) as exc:
            failures.append(f"session {attempt}: {exc}")
    raise AssertionError("every session failed:\n" + "\n".join(failures))


def _arabic_layout_session(folder: Path, xdotool: str, setxkbmap: str) -> None:
    folder.mkdir()
    db = folder / "db.sqlite3"
    with Workspace.open(str(db), WHO) as ws:
        import_sample(ws)
    home = folder / "home"
    with xserver.xvfb(folder, window_manager=True) as display:
        env = {
            **os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"), "XDG_DATA_HOME": str(home / ".local"),
        }
        env.pop("WAYLAND_DISPLAY", None)
        subprocess.run([setxkbmap, "-layout", "ara,us", "-option", "grp:alt_shift_toggle"],
                       env=env, check=True, timeout=30)
        log = (folder / "gui.log").open("wb")
        app = subprocess.Popen(
            [sys.executable, "-m", "annotator.cli", "gui", "--db", str(db),
             "--annotator", WHO, "--open", "sample_ar"],
            env=env, stdout=log, stderr=log,
        )

        def x(*args: str) -> str:
            done = subprocess.run([xdotool, *args], env=env, capture_output=True, text=True,
                                  timeout=60, check=True)
            return done.stdout

        try:
            xserver.activate(x, "sample_ar", timeout=10.0)
            x("key", "--delay", "80", "ctrl+Arabic_beh")  # Ctrl+F under the Arabic layout
            x("type", "--delay", "60", "منظمة الصحة")
            x("key", "--delay", "120", "Return", "Escape", "Arabic_dad")  # Q: QUOTE
            eventually(lambda: quotes(db), [(16, 27, "QUOTE", "direct")], timeout=8.0)
            x("key", "--delay", "120", "Arabic_yeh")  # D: direct <-> indirect
            eventually(lambda: quotes(db), [(16, 27, "QUOTE", "indirect")])
            x("key", "--delay", "120", "alt+Down")  # the start one word forward
            eventually(lambda: quotes(db), [(22, 27, "QUOTE", "indirect")])
            x("key", "--delay", "120", "alt+Up")  # and back
            eventually(lambda: quotes(db), [(16, 27, "QUOTE", "indirect")])
        finally:
            app.terminate()
            app.wait(timeout=20)
            log.close()
