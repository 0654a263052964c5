"""Alembic environment: runs on the connection ``storage.database`` hands it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from alembic import context

from annotator.storage.tables import metadata

if TYPE_CHECKING:
    from sqlalchemy import Connection

config = context.config
target_metadata = metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # `alembic upgrade` from a shell: build an engine from the ini URL
        from sqlalchemy import create_engine

        engine = create_engine(config.get_main_option("sqlalchemy.url") or "")
        with engine.begin() as conn:
            _run(conn)
        return
    _run(connection)


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
