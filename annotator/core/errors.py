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
        super().__init__(self.location() + ": " + reason)

    def location(self) -> str:
        if self.line is not None:
            return f"{self.path}:{self.line}"
        if self.byte_offset is not None:
            return f"{self.path}: byte {self.byte_offset}"
        return self.path


class EditError(AnnotatorError):
    """An edit that would break an invariant (offsets outside the text, unknown label, ...)."""


class ConflictError(AnnotatorError):
    """A row changed under us (another machine edited it since we read it)."""
