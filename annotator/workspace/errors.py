"""What a front end tells the user when the database refuses: one line, no traceback."""

from __future__ import annotations


def database_refusal(exc: BaseException) -> str | None:
    """The database's reason in one line when ``exc`` is a database refusal (locked,
    constraint, server gone): bad input or a bad moment, not a bug. None for anything else,
    which is a bug and keeps its traceback."""
    from sqlalchemy.exc import SQLAlchemyError  # already imported by then: costs nothing

    if not isinstance(exc, SQLAlchemyError):
        return None
    return str(getattr(exc, "orig", None) or exc).splitlines()[0]
