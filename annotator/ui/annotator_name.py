"""Who is annotating: the name the window works as, set in the window and remembered.

Scripts and the command line take ``--annotator`` or ``$ANNOTATOR_NAME`` (then the login name);
the window adds the name last set in it, below those two (``Workspace.open(remembered=...)``),
so a launcher started from a desktop menu (no terminal, no environment) still knows who its
user is. On a team server the database login decides, whatever was remembered.
"""

from __future__ import annotations

import unicodedata

from annotator.core.model import GOLD

MAX_LENGTH = 200  # the annotator table's name column


def name_error(name: str) -> str | None:
    """Why ``name`` cannot be an annotator's name, or None."""
    if not name.strip():
        return "an annotator name cannot be empty"
    if name.strip() == GOLD:
        return f"{GOLD!r} is the adjudicated layer's name; choose another"
    if len(name) > MAX_LENGTH:
        return f"an annotator name has at most {MAX_LENGTH} characters"
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in name):
        return "an annotator name cannot hold tabs, line breaks or invisible controls"
    return None
