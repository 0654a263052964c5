"""Opening a window no bigger than the screen it opens on.

A fixed ``resize(1200, 800)`` is taller than a 1366 x 768 laptop once the window manager adds
its title bar and the desktop its panel: the bottom of the window (the buttons) ends up off
screen, where no resize handle can reach it.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# room for what the window manager adds around a window (title bar, borders), which Qt only
# learns once the window is mapped
FRAME_ALLOWANCE = (16, 48)


def fit_to_screen(window: QWidget, width: int, height: int) -> QRect:
    """Size ``window`` to ``width`` x ``height`` or less, to fit the available area of its
    screen with its frame, and centre it there. Returns the geometry given."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    extra_w, extra_h = FRAME_ALLOWANCE
    w = max(window.minimumWidth(), min(width, area.width() - extra_w))
    h = max(window.minimumHeight(), min(height, area.height() - extra_h))
    window.resize(w, h)
    # move() places the frame's corner: centre the frame, not only the client area
    x = area.x() + max(0, (area.width() - w - extra_w) // 2)
    y = area.y() + max(0, (area.height() - h - extra_h) // 2)
    window.move(x, y)
    return QRect(x, y, w, h)
