"""A workspace: one open database, its schema, the current annotator and the edit history.

The GUI and the command line both start here, so they share one way to open, migrate and edit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from annotator.core.commands import Change, Command, History
from annotator.core.schema import Schema, load_schema, parse_schema
from annotator.storage.database import default_annotator, open_engine, resolve_url
from annotator.storage.repository import Repository


@dataclass
class Workspace:
    engine: Engine
    repo: Repository
    schema: Schema
    url: str
    history: History = field(init=False)

    def __post_init__(self) -> None:
        self.history = History(self.repo, self.schema)

    @classmethod
    def open(
        cls, db: str | None = None, annotator: str | None = None, schema_path: str | None = None
    ) -> Workspace:
        url = resolve_url(db)
        engine = open_engine(url)
        repo = Repository(engine, annotator or default_annotator())
        schema = load_schema(schema_path) if schema_path is not None else project_schema(repo)
        return cls(engine, repo, schema, url)

    @property
    def annotator(self) -> str:
        return self.repo.annotator

    @property
    def display_url(self) -> str:
        return make_url(self.url).render_as_string(hide_password=True)

    def do(self, command: Command) -> Change:
        return self.history.do(command)

    def close(self) -> None:
        self.engine.dispose()


def project_schema(repo: Repository) -> Schema:
    """The project's own schema when it carries one, else the shipped default."""
    text = repo.project_schema_toml()
    if text:
        return parse_schema(text, "the project's label schema (stored in the database)")
    return load_schema()
