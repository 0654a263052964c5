"""Refusing an edit made on a stale view, in words: what changed, by whom, when.

An edit carries the version of each span it changes as the editor last saw it (a window's
index, a script's span); if the stored span has moved on since, writing over it would lose a
colleague's change (or one's own from another window), so the edit is refused and the message
names the change, so the annotator can decide again on what is really stored.
"""

from __future__ import annotations

from datetime import UTC, datetime

from annotator.core.errors import ConflictError
from annotator.core.model import Span

# What the editor last saw of a span: the span itself (a window knows it), only its version
# (a script), or None: "whatever is stored now" (no check).
Seen = Span | int | None


def seen_version(seen: Span | int) -> int:
    return seen if isinstance(seen, int) else seen.version


def stale_edit(
    seen: Span | int, now: Span, by: str | None, when: datetime | None, me: str
) -> ConflictError:
    """The refusal of an edit based on ``seen`` when the span is ``now`` (changed last by
    ``by`` at ``when``, when known); ``me`` is the editor, named "you" in the message."""
    who = _who(by, me)
    at = f" at {_moment(when)}" if when is not None else ""
    if isinstance(seen, Span):
        what = f": {_difference(seen, now)}"
    else:
        what = f" (you saw version {seen}, it is at version {now.version})"
    return ConflictError(
        f"this span was changed elsewhere{who}{at}, after you last saw it{what}: it is now "
        f"{now.label} [{now.start}, {now.end}); your edit was not written",
        uuids=(now.uuid,),
    )


def _who(by: str | None, me: str) -> str:
    if not by:
        return ""
    if by == me:
        return f" by {by} (you, in another window or on another machine)"
    return f" by {by}"


def _moment(when: datetime) -> str:
    # SQLite hands back naive datetimes that were written as UTC; PostgreSQL aware ones
    utc = when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
    return utc.strftime("%Y-%m-%d %H:%M:%S UTC")


def _difference(seen: Span, now: Span) -> str:
    parts = []
    if (seen.layer, seen.label) != (now.layer, now.label):
        parts.append(f"relabelled {seen.label} → {now.label}")
    if (seen.start, seen.end) != (now.start, now.end):
        parts.append(f"moved [{seen.start}, {seen.end}) → [{now.start}, {now.end})")
    if seen.attributes != now.attributes:
        changed = sorted(k for k in {*seen.attributes, *now.attributes}
                         if seen.attributes.get(k) != now.attributes.get(k))
        parts.append(f"{', '.join(changed)} changed")
    return ", ".join(parts) or "changed and changed back"
