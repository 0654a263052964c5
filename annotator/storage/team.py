"""Team mode on PostgreSQL: the roles, grants and row-level-security policies, and who the
connected login is.

The database itself enforces who may change what, so a colleague with ``psql`` and their own
login cannot do more than the program lets them. Three group roles per database (a curator of
one project is not a curator of another; role names are server-wide, so they carry the
database's name): annotators change only their own rows, curators also write gold, review
decisions and assignments, admins (importers) change everything, documents included. Every
policy names ``current_user``, which is mapped to the ``annotator`` row of the same name.
``FORCE ROW LEVEL SECURITY`` puts the tables' owner under the same policies (the owner is made
an admin, so migrations and imports still run as it).

``team init`` runs :func:`install` again after an upgrade; every statement is idempotent
(``CREATE ROLE`` only when missing, ``DROP POLICY IF EXISTS`` then ``CREATE POLICY``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Engine, func, select, text

from annotator.core.errors import AnnotatorError
from annotator.core.model import GOLD, new_uuid
from annotator.storage.tables import ANN, ASSIGN, DOC, SPAN, STATUS, utcnow

ANNOTATOR, CURATOR, ADMIN = "annotator", "curator", "admin"
ROLES = (ANNOTATOR, CURATOR, ADMIN)

# PostgreSQL's limit for a role name, in bytes (NAMEDATALEN - 1)
MAX_NAME_BYTES = 63

# the current login's annotator row, and the gold one (policies compare annotator ids)
_ME = "(SELECT a.id FROM annotator a WHERE a.name = current_user::text)"
_GOLD = f"(SELECT a.id FROM annotator a WHERE a.name = '{GOLD}')"
_NO_PROVENANCE = "(provenance IS NULL OR provenance::text = 'null')"

# written by curators (and admins), read by everyone
_CURATED = ("review_decision", "assignment")


@dataclass(frozen=True)
class TeamLogin:
    """The database login of a team-mode connection and its strongest role here."""

    login: str
    role: str | None  # None: a login that is no member of this database's team

    @property
    def curates(self) -> bool:
        return self.role in (CURATOR, ADMIN)


def group_role(database: str, role: str) -> str:
    """The group role for ``role`` in ``database`` (server-wide names, one set per database)."""
    return f"{database}_{role}s"


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _quote_literal(value: str) -> str:
    # standard_conforming_strings is on (the default since PostgreSQL 9.1): only ' is special
    return "'" + value.replace("'", "''") + "'"


def check_login_name(name: str) -> None:
    """Refuse, in words, a name PostgreSQL or the program cannot use as a login."""
    if not name or not name.strip():
        raise AnnotatorError("a login needs a name")
    if len(name.encode()) > MAX_NAME_BYTES:
        raise AnnotatorError(
            f"the login name {name!r} is {len(name.encode())} bytes; PostgreSQL allows "
            f"{MAX_NAME_BYTES}"
        )
    if "\x00" in name or name != name.strip():
        raise AnnotatorError(f"the login name {name!r} holds a NUL or surrounding spaces")
    if name == GOLD or name.startswith("pg_"):
        raise AnnotatorError(f"{name!r} is reserved (gold is the curated layer; pg_ is "
                             "PostgreSQL's)")


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


def team_login(engine: Engine) -> TeamLogin | None:
    """The login and its role when this database was set up by ``team init``; None on
    SQLite or on a PostgreSQL database without team roles."""
    if not is_postgres(engine):
        return None
    with engine.connect() as conn:
        database, login = conn.execute(text("SELECT current_database(), current_user")).one()
        names = {group_role(database, r): r for r in ROLES}
        rows = conn.execute(
            text(
                "SELECT rolname, pg_has_role(current_user, oid, 'MEMBER') FROM pg_roles "
                "WHERE rolname = ANY(:names)"
            ),
            {"names": list(names)},
        ).all()
    if not rows:
        return None
    held = {names[rolname] for rolname, member in rows if member}
    role = next((r for r in (ADMIN, CURATOR, ANNOTATOR) if r in held), None)
    return TeamLogin(str(login), role)


def install(conn: Connection, *, private: bool) -> list[str]:
    """Create (or refresh) the group roles, grants and policies; returns the role names.
    Runs as the database owner in one transaction."""
    database = str(conn.scalar(text("SELECT current_database()")))
    groups = {r: group_role(database, r) for r in ROLES}
    a, c, d = (quote_ident(groups[r]) for r in ROLES)
    for name in groups.values():
        conn.execute(text(
            "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
            f"{_quote_literal(name)}) THEN CREATE ROLE {quote_ident(name)} NOLOGIN; "
            "END IF; END $$"
        ))
    everyone = f"{a}, {c}, {d}"
    tables = _tables(conn)
    # rows with an annotator column belong to that annotator (spans, links, statuses,
    # suggestions ...), unless curators hand them out (assignments)
    owned = [t for t, cols in tables.items() if "annotator_id" in cols and t not in _CURATED]
    curated = [t for t in _CURATED if t in tables]
    # the owner is an admin: with FORCE ROW LEVEL SECURITY it would otherwise see nothing
    conn.execute(text(f"GRANT {d} TO current_user"))
    conn.execute(text(f"GRANT USAGE ON SCHEMA public TO {everyone}"))
    conn.execute(text(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {everyone}"))
    conn.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {everyone}"))
    writes = "INSERT, UPDATE, DELETE"
    # a privilege granted by an older init is not taken back by a newer one otherwise
    conn.execute(text(f"REVOKE {writes} ON {', '.join(tables)} FROM {a}, {c}"))
    conn.execute(text(f"GRANT {writes} ON {', '.join(owned)} TO {a}, {c}"))
    conn.execute(text(f"GRANT {writes} ON {', '.join(curated)} TO {c}"))
    conn.execute(text(f"GRANT {writes} ON {', '.join(tables)} TO {d}"))
    for table in tables:
        conn.execute(text(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY"))
        conn.execute(text(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY"))
        for old in conn.scalars(
            text("SELECT policyname FROM pg_policies WHERE schemaname = 'public' "
                 "AND tablename = :t"), {"t": table}
        ).all():
            conn.execute(text(f"DROP POLICY IF EXISTS {quote_ident(old)} ON {table}"))
        for name, sql in _policies(table, table in owned, a, c, d, private=private):
            conn.execute(text(f"CREATE POLICY {name} ON {table} {sql}"))
    _ensure_annotator(conn, GOLD)
    return list(groups.values())


def _tables(conn: Connection) -> dict[str, set[str]]:
    """The schema's tables (Alembic's own bookkeeping aside) and their columns."""
    out: dict[str, set[str]] = {}
    for table, col in conn.execute(text(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = 'public' AND table_name <> 'alembic_version'"
    )):
        out.setdefault(str(table), set()).add(str(col))
    return dict(sorted(out.items()))


def _policies(
    table: str, owned: bool, a: str, c: str, d: str, *, private: bool
) -> list[tuple[str, str]]:
    """(name, clauses) of the policies of ``table``; permissive ones, so they add up."""
    own = f"annotator_id = {_ME}"
    out = [("admin_all", f"FOR ALL TO {d} USING (true) WITH CHECK (true)")]
    if owned and table != "document_status":
        check = f"{own} AND {_NO_PROVENANCE}" if table == "span" else own
        out += [
            ("annotator_own", f"FOR ALL TO {a} USING ({own}) WITH CHECK ({check})"),
            ("curator_own_and_gold",
             f"FOR ALL TO {c} USING ({own} OR annotator_id = {_GOLD}) "
             f"WITH CHECK ({own} OR annotator_id = {_GOLD})"),
            ("curator_reads", f"FOR SELECT TO {c} USING (true)"),
        ]
        if not private:
            out.append(("annotator_reads", f"FOR SELECT TO {a} USING (true)"))
    elif table == "document_status":
        out += [
            ("annotator_own", f"FOR ALL TO {a} USING ({own}) WITH CHECK ({own})"),
            ("curator_all", f"FOR ALL TO {c} USING (true) WITH CHECK (true)"),
        ]
        if not private:
            out.append(("annotator_reads", f"FOR SELECT TO {a} USING (true)"))
    elif table in _CURATED:
        out.append(("curator_all", f"FOR ALL TO {c} USING (true) WITH CHECK (true)"))
        if table == "assignment" and private:
            out.append(("annotator_own", f"FOR SELECT TO {a} USING ({own})"))
        else:
            out.append(("annotator_reads", f"FOR SELECT TO {a} USING (true)"))
    elif table == "document" and private:
        assigned = f"id IN (SELECT s.document_id FROM assignment s WHERE s.annotator_id = {_ME})"
        out += [
            ("annotator_assigned", f"FOR SELECT TO {a} USING ({assigned})"),
            ("curator_reads", f"FOR SELECT TO {c} USING (true)"),
        ]
    else:  # project, annotator, document, a later table without owners: admins write
        out.append(("everyone_reads", f"FOR SELECT TO {a}, {c} USING (true)"))
    return out


def add_login(
    conn: Connection, name: str, role: str, password: str | None
) -> bool:
    """Create the login ``name`` (unless the server has it) in ``role``'s group of this
    database, and its annotator row. True when the login was created (``password`` set)."""
    check_login_name(name)
    database = str(conn.scalar(text("SELECT current_database()")))
    exists = conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name})
    if not exists:
        if not password:
            raise AnnotatorError(f"a new login {name!r} needs a password")
        if "\x00" in password:
            raise AnnotatorError("a password cannot hold a NUL character")
        conn.execute(text(
            f"CREATE ROLE {quote_ident(name)} LOGIN PASSWORD {_quote_literal(password)}"
        ))
    group = group_role(database, role)
    if conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": group}) is None:
        raise AnnotatorError("this database has no team roles yet: run `annotator team init` "
                             "first, as the database owner")
    for other in ROLES:  # one role per login and database: a demotion takes the old one away
        if other != role:
            conn.execute(text(
                f"REVOKE {quote_ident(group_role(database, other))} FROM {quote_ident(name)}"
            ))
    conn.execute(text(f"GRANT {quote_ident(group)} TO {quote_ident(name)}"))
    _ensure_annotator(conn, name)
    return not exists


def _ensure_annotator(conn: Connection, name: str) -> None:
    if conn.scalar(select(ANN.c.id).where(ANN.c.name == name)) is None:
        conn.execute(ANN.insert().values(uuid=new_uuid(), name=name, created=utcnow()))


# -- assignment --------------------------------------------------------------------------


def assign(conn: Connection, doc_ids: list[int], annotator_id: int, by_id: int) -> int:
    """Give the documents to the annotator; returns how many were not theirs already."""
    have = set(conn.scalars(
        select(ASSIGN.c.document_id).where(ASSIGN.c.annotator_id == annotator_id)
    ).all())
    new = [d for d in dict.fromkeys(doc_ids) if d not in have]
    if new:
        now = utcnow()
        conn.execute(ASSIGN.insert(), [
            {"document_id": d, "annotator_id": annotator_id, "assigned_by_id": by_id,
             "created": now}
            for d in new
        ])
    return len(new)


@dataclass(frozen=True)
class ProgressRow:
    """One annotator's work on one document: what ``stats --team`` and the GUI view show."""

    annotator: str
    document: str
    document_id: int
    assigned: bool
    status: str
    spans: int
    edited: datetime | None


def progress(conn: Connection) -> list[ProgressRow]:
    """Every (annotator, document) pair with an assignment, a status or a span, in one query
    per table (not one per pair)."""
    counts = {
        (d, a): int(n)
        for d, a, n in conn.execute(
            select(SPAN.c.document_id, SPAN.c.annotator_id, func.count())
            .group_by(SPAN.c.document_id, SPAN.c.annotator_id)
        )
    }
    statuses = {
        (d, a): (s, e)
        for d, a, s, e in conn.execute(
            select(STATUS.c.document_id, STATUS.c.annotator_id, STATUS.c.status, STATUS.c.edited)
        )
    }
    assigned = set(conn.execute(select(ASSIGN.c.document_id, ASSIGN.c.annotator_id)).all())
    pairs = set(counts) | set(statuses) | {(int(d), int(a)) for d, a in assigned}
    names = dict(conn.execute(select(ANN.c.id, ANN.c.name)).all())
    docs = dict(conn.execute(select(DOC.c.id, DOC.c.name)).all())
    rows = [
        ProgressRow(
            names[a], docs[d], d, (d, a) in assigned,
            statuses.get((d, a), ("new", None))[0], counts.get((d, a), 0),
            statuses.get((d, a), (None, None))[1],
        )
        for d, a in pairs
        if a in names and d in docs  # a private reader sees only what policies let through
    ]
    return sorted(rows, key=lambda r: (r.annotator, not r.assigned, r.document, r.document_id))

