"""The application layer: use cases, one door for edits (``Workspace.execute``).

Front ends (``ui``, ``clicmd``) and scripts call this package and nothing below it; it calls
``storage``, ``formats`` and ``display``, which call ``core``. One module per use case:
``importing``, ``exporting``, ``merging``, ``review``, ``reports``, ``stats_plot``.
"""

from annotator.workspace.workspace import Workspace

__all__ = ["Workspace"]
