"""Render the SVG icon (resources/icons/, also the window's icon) to the desktop PNG sizes:
``python packaging/render_icons.py``.

The PNGs are kept in the repository (packaging/icons/hicolor/SIZExSIZE/apps/) so that
neither a build nor `make install-desktop` needs an SVG renderer; run this after changing
the SVG. Qt's SVG renderer (PySide6-Essentials ships it) draws them, offscreen.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
APP_ID = "io.github.annotator.Annotator"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(HERE.parent / "resources" / "icons" / f"{APP_ID}.svg"))
    if not renderer.isValid():
        print("render_icons: the SVG could not be read", file=sys.stderr)
        return 1
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        out = HERE / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(out)):
            print(f"render_icons: cannot write {out}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
