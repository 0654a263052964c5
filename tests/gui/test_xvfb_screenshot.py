"""The real window on a real X server (Xvfb): Arabic shaped, tagged, grabbed as a PNG.

Set ANNOTATOR_SCREENSHOT_OUT=docs/screenshot.png to keep the picture for the README.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SEEDS
from PySide6.QtGui import QImage

pytestmark = pytest.mark.xvfb


def _free_display() -> int:
    for n in range(90, 200):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            return n
    raise RuntimeError("no free X display number between :90 and :199")


@pytest.fixture
def xvfb(tmp_path: Path) -> Iterator[str]:
    binary = shutil.which("Xvfb")
    assert binary, "Xvfb is not installed (.ci/run installs the xvfb package)"
    n = _free_display()
    log = tmp_path / "xvfb.log"
    with log.open("wb") as sink:
        proc = subprocess.Popen(
            [binary, f":{n}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL, stderr=sink,
        )
    deadline = time.monotonic() + 10
    try:
        while not Path(f"/tmp/.X11-unix/X{n}").exists():
            assert proc.poll() is None, log.read_text(errors="replace")
            assert time.monotonic() < deadline, "Xvfb did not start within 10 s"
            time.sleep(0.05)
        yield f":{n}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_main_window_screenshot_under_xvfb(xvfb: str, tmp_path: Path) -> None:
    out = tmp_path / "screenshot.png"
    env = {**os.environ, "DISPLAY": xvfb, "QT_QPA_PLATFORM": "xcb"}
    env.pop("WAYLAND_DISPLAY", None)
    proc = subprocess.run(
        [sys.executable, "-m", "annotator.ui.screenshot", "--db", str(tmp_path / "shot.sqlite3"),
         "--doc", str(SEEDS[0]), "--out", str(out)],
        env=env, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "8 spans" in proc.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    colours = {image.pixel(x, y) for x in range(0, 1280, 7) for y in range(0, 800, 7)}
    assert len(colours) > 50  # text, highlights and chrome, not a blank frame
    keep = os.environ.get("ANNOTATOR_SCREENSHOT_OUT")
    if keep:
        shutil.copyfile(out, keep)
