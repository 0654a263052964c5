"""The real window on a real X server (Xvfb): Arabic shaped, tagged, grabbed as a PNG.

Set ANNOTATOR_SCREENSHOT_OUT=docs/screenshot.png to keep the picture for the README.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SEEDS
from helpers import xserver
from PySide6.QtGui import QImage

pytestmark = pytest.mark.xvfb


@pytest.fixture
def xvfb(tmp_path: Path) -> Iterator[str]:
    with xserver.xvfb(tmp_path) as display:
        yield display


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
