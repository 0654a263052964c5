"""Errors the core and its adapters raise; the CLI and the GUI turn them into messages."""

from __future__ import annotations


class AnnotatorError(Exception):
    """Base class: a problem the user can act on (bad input, bad edit), not a bug."""


class InputError(AnnotatorError):
    """Bad input file. Carries where it is, so the message can name file and line."""

    def __init__(
        self,
        path: str,
        reason: str,
        *,
        line: int | None = None,
        byte_offset: int | None = None,
    ) -> None:
        self.path = path
        self.reason = reason
        self.line = line
        self.byte_offset = byte_offset
        super().__init__(self.location() + ": " + reason + self._byte_note())

    def location(self) -> str:
        """``FILE:LINE`` (the contract's form), or just ``FILE`` when no line applies."""
        return f"{self.path}:{self.line}" if self.line is not None else self.path

    def _byte_note(self) -> str:
        # the exact byte helps with hexdump when the line is long or the file is binary
        return f" (byte {self.byte_offset})" if self.byte_offset is not None else ""


class EditError(AnnotatorError):
    """An edit that would break an invariant (offsets outside the text, unknown label, ...)."""


class DatabaseError(AnnotatorError):
    """The database refused an edit (locked, a constraint, the server gone); nothing changed."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(f"database: {reason}; nothing was written")


class ConflictError(AnnotatorError):
    """A row changed under us (another machine edited it since we read it).

    ``uuids`` names the spans concerned, so a window can show them again as they are stored.
    """

    def __init__(self, message: str, uuids: tuple[str, ...] = ()) -> None:
        self.uuids = uuids
        super().__init__(message)
