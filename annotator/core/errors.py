"""Errors the core and its adapters raise; the CLI and the GUI turn them into messages."""

from __future__ import annotations


class AnnotatorError(Exception):
    """Base class: a problem the user can act on (bad input, bad edit), not a bug.

    Its message is fit to show: never longer than ``MESSAGE_LIMIT`` (a 50 MB tag echoed whole
    would flood a terminal and freeze a status bar) and never holding a lone surrogate (a file
    name that is not UTF-8 would make printing or logging it fail).
    """

    def __init__(self, *args: object) -> None:
        super().__init__(*(clip(printable(a), MESSAGE_LIMIT) if isinstance(a, str) else a
                           for a in args))

    def __reduce__(self) -> tuple[object, ...]:
        # rebuilt as it is, without its __init__ (a subclass's takes other arguments and makes
        # the message from them): an error raised in a worker process of an export reaches
        # the parent with its class, words and attributes
        return _rebuilt, (type(self), self.args, self.__dict__)


def _rebuilt(
    cls: type[AnnotatorError], args: tuple[object, ...], state: dict[str, object]
) -> AnnotatorError:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


MESSAGE_LIMIT = 2_000


def clip(text: str, limit: int = 80) -> str:
    """``text``, or its start and end around a note of how long it was."""
    if len(text) <= limit:
        return text
    head, tail = limit * 3 // 4, limit // 8
    return f"{text[:head]}… [cut: {len(text):,} characters] …{text[len(text) - tail:]}"


def printable(text: str) -> str:
    """``text`` with bytes that were not UTF-8 (a file name's, kept by Python as lone
    surrogates) shown as ``\\xff``, and any other lone surrogate as ``\\udc00``."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


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
        self.path = printable(path)
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


class DatabaseBusyError(DatabaseError):
    """Another program held the database's write lock (SQLite: an import, a merge) for longer
    than we waited; nothing was written, and trying again later will work."""

    def __init__(self) -> None:
        self.reason = "busy"
        AnnotatorError.__init__(
            self,
            "the database is busy: another program (an import, a merge?) is writing to it; "
            "nothing was written; try again when it has finished",
        )


class ConflictError(AnnotatorError):
    """A row changed under us (another machine edited it since we read it).

    ``uuids`` names the spans concerned, so a window can show them again as they are stored.
    """

    def __init__(self, message: str, uuids: tuple[str, ...] = ()) -> None:
        self.uuids = uuids
        super().__init__(message)
