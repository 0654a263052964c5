"""The application layer: use cases, one door for edits (``Workspace.execute``).

Front ends (``ui``, ``clicmd``) and scripts call this package and nothing below it; it calls
``storage``, ``formats`` and ``display``, which call ``core``. One module per use case:
``importing``, ``exporting``, ``merging``, ``review``, ``reports``, ``stats_plot``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from annotator.workspace.workspace import Workspace

__all__ = ["Workspace"]


def __getattr__(name: str) -> object:
    # Workspace brings SQLAlchemy (~170 ms of imports): imported on first use, so that
    # ``annotator.workspace.logfile`` (read by every command at start) and the window's first
    # paint do not wait for it (PEP 562)
    if name == "Workspace":
        from annotator.workspace.workspace import Workspace

        return Workspace
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
