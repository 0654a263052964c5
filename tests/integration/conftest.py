"""Fixtures for integration tests: a fresh PostgreSQL database per test."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

# `from conftest import SEEDS` resolves to whichever conftest loaded last: re-export the paths
from helpers.paths import DATA, ROOT, SEEDS, SHARED
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

__all__ = ["DATA", "ROOT", "SEEDS", "SHARED", "pg_db_url"]


@pytest.fixture
def pg_db_url(postgres_url: str) -> Iterator[str]:
    """A new, empty database on the session's PostgreSQL server, dropped afterwards."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(postgres_url).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
