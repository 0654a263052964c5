"""The review panes' text size: the workbench's document font, plus the review's own zoom
(Ctrl++ / Ctrl+- / Ctrl+0), remembered in the settings."""

from __future__ import annotations

from collections.abc import Iterable

from annotator.ui.fonts import arabic_family
from annotator.ui.review.pane import ReviewPane
from annotator.ui.settings import Settings

MIN_ZOOM, MAX_ZOOM = -8, 40  # the workbench's bounds


class PaneZoom:
    """Applies the font to the review's panes and keeps the zoom step in ``settings``."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @property
    def size(self) -> float:
        s = self.settings
        return max(4.0, float(s.font_size + s.review_zoom))  # never a 0 or negative size

    def apply(self, panes: Iterable[ReviewPane]) -> None:
        family = self.settings.font_family or arabic_family()
        for pane in panes:
            pane.view.set_text_font(family, self.size)

    def step(self, steps: int, panes: Iterable[ReviewPane]) -> None:
        """Zoom by ``steps`` (0: back to the workbench's size)."""
        s = self.settings
        s.review_zoom = 0 if steps == 0 else max(MIN_ZOOM, min(MAX_ZOOM, s.review_zoom + steps))
        self.apply(panes)
