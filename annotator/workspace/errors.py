"""What a front end tells the user when the database refuses: one line, no traceback."""

from __future__ import annotations


def database_refusal(exc: BaseException) -> str | None:
    """The database's reason in one line when ``exc`` is a database refusal (locked,
    constraint, server gone): bad input or a bad moment, not a bug. None for anything else,
    which is a bug and keeps its traceback."""
    from sqlalchemy.exc import SQLAlchemyError  # already imported by then: costs nothing

    if not isinstance(exc, SQLAlchemyError):
        return None
    orig = getattr(exc, "orig", None)
    first = str(orig or exc).splitlines()[0]
    if getattr(orig, "sqlstate", None) == INSUFFICIENT_PRIVILEGE:
        return team_refusal(first)
    return first


# PostgreSQL's SQLSTATE for a missing privilege and for a row-level-security violation alike
INSUFFICIENT_PRIVILEGE = "42501"

# table -> who may write it on a team server (storage.team), in words
_WRITERS = {
    "document": "only an admin may import or change documents (their text and hash)",
    "project": "only an admin may change the project and its label schema",
    "annotator": "only an admin may add annotators (annotator team add)",
    "review_decision": "only a curator may record review decisions",
    "assignment": "only a curator may assign documents",
    "span": "you may change only your own spans (gold and provenance: curators); "
            "you can copy a colleague's span to your own layer",
    "relation": "you may change only your own links (gold: curators)",
    "document_status": "you may set only your own status on a document",
}


def team_refusal(message: str) -> str:
    """PostgreSQL's "permission denied for table T" or "new row violates row-level security
    policy for table "T"" as what the team server allows."""
    table = message.rsplit("table", 1)[-1].strip().strip('"') if "table" in message else ""
    why = _WRITERS.get(table, "your login lacks the right for this change")
    return f"the team server refused: {why}"


def is_busy(exc: BaseException) -> bool:
    """SQLite saying another connection holds the write lock past our busy timeout: a bad
    moment, not a bad edit (the same edit works once the other writer commits)."""
    orig = getattr(exc, "orig", None)
    if type(orig).__name__ != "OperationalError" or type(orig).__module__ != "sqlite3":
        return False
    text = str(orig)
    return "database is locked" in text or "database is busy" in text

