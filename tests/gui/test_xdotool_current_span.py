"""Issue 9, defect 1 in the real window: real keys (xdotool) and a real mouse click under a
window manager. After a resize, a click on another span and a relabel, the next key edits the
span clicked, never the one the span list's widget moved to. The database is the judge."""

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
from PIL import Image, ImageGrab

from annotator.workspace import Workspace
from annotator.workspace.importing import import_sample

pytestmark = pytest.mark.xvfb
WHO = "layla"
CAIRO, WHO_ORG = (0, 7), (16, 36)  # القاهرة, منظمة الصحة العالمية in the sample


def entities(db: Path) -> list[tuple[int, int, str]]:
    with Workspace.open(str(db), WHO) as ws:
        return sorted((s.start, s.end, s.label) for s in ws.spans(ws.document("sample_ar")))


def eventually(probe: Callable[[], object], expected: object, timeout: float = 15.0) -> None:
    """Poll the other process's database (there is no signal to await across processes)."""
    deadline = time.monotonic() + timeout
    seen = probe()
    while seen != expected:
        assert time.monotonic() < deadline, f"still {seen!r}, wanted {expected!r}"
        time.sleep(0.1)
        seen = probe()


def underline_of(shot: Image.Image, color: tuple[int, int, int]) -> tuple[int, int, int]:
    """(left, right, y) of the longest horizontal run of ``color``: an entity's underline."""
    rgb = shot.convert("RGB")
    width, height = rgb.size
    pixels = rgb.load()
    assert pixels is not None
    best = (0, 0, 0)
    for y in range(height):
        run = 0
        for x in range(width):
            if pixels[x, y] == color:
                run += 1
                if run > best[1] - best[0]:
                    best = (x - run + 1, x + 1, y)
            else:
                run = 0
    assert best[1] - best[0] >= 20, f"no underline of {color} on screen"
    return best


def test_a_click_then_keys_edit_only_the_span_clicked(tmp_path: Path) -> None:
    """Under Xvfb on a loaded machine the first keys now and then never reach Qt (the window
    manager has not yet given the new window the keyboard); a whole new session (X server,
    program, database) is then started, up to three times. Every check holds in one session
    from start to end, so a program that edits the wrong span fails them all."""
    xdotool = shutil.which("xdotool")
    assert xdotool, "xdotool is not installed (.ci/run installs it)"
    failures: list[str] = []
    for attempt in range(3):
        try:
            _session(tmp_path / f"session{attempt}", xdotool)
            return
        except (AssertionError, subprocess.CalledProcessError) as exc:
            failures.append(f"session {attempt}: {exc}")
    raise AssertionError("every session failed:\n" + "\n".join(failures))


def _session(tmp_path: Path, xdotool: str) -> None:
    tmp_path.mkdir()
    db = tmp_path / "db.sqlite3"
    with Workspace.open(str(db), WHO) as ws:
        import_sample(ws)
        gpe = next(lab for lab in ws.schema.labels() if lab.name == "GPE")
    purple = tuple(int(gpe.color[i:i + 2], 16) for i in (1, 3, 5))
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

        def find_and_tag(word: str, key: str) -> None:
            x("key", "--delay", "80", "ctrl+f")
            x("type", "--delay", "60", word)
            x("key", "--delay", "150", "Return", "Escape", key)

        try:
            xserver.activate(x, "sample_ar")
            find_and_tag("القاهرة", "4")
            eventually(lambda: entities(db), [(*CAIRO, "GPE")])
            find_and_tag("منظمة", "2")
            x("key", "--delay", "150", "alt+Left", "alt+Left")  # منظمة الصحة العالمية
            eventually(lambda: entities(db), [(*CAIRO, "GPE"), (*WHO_ORG, "ORG")])
            time.sleep(0.5)  # the span list syncs 40 ms after an edit; let it, as a person would
            shot = ImageGrab.grab(xdisplay=display)
            shot.save(tmp_path / "before_click.png")
            left, right, y = underline_of(shot, purple)  # القاهرة, drawn in GPE's colour
            x("mousemove", "--sync", str((left + right) // 2), str(y - 8))
            x("click", "1")
            x("key", "--delay", "150", "3")  # القاهرة: GPE -> LOC
            eventually(lambda: entities(db), [(*CAIRO, "LOC"), (*WHO_ORG, "ORG")])
            time.sleep(0.5)
            x("key", "--delay", "150", "4")  # القاهرة again, never the organisation
            eventually(lambda: entities(db), [(*CAIRO, "GPE"), (*WHO_ORG, "ORG")])
            x("key", "--delay", "150", "Delete")  # القاهرة goes; nothing is current after
            eventually(lambda: entities(db), [(*WHO_ORG, "ORG")])
            time.sleep(0.5)
            x("key", "--delay", "150", "Delete")  # a second Delete deletes nothing
            time.sleep(0.5)
            ImageGrab.grab(xdisplay=display).save(tmp_path / "after.png")
            assert entities(db) == [(*WHO_ORG, "ORG")]
        finally:
            app.terminate()
            app.wait(timeout=20)
            log.close()
