"""Team mode on a real PostgreSQL server: the database itself enforces who may change what.

The central test talks to the server as Bob with plain SQL (psycopg, no annotator code): what
it proves holds for anyone with ``psql`` and their own login, not only for the program.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from annotator.cli import main
from annotator.core.errors import AnnotatorError, DatabaseError, EditError
from annotator.core.model import GOLD, ImportedDocument, text_sha256
from annotator.workspace import Workspace
from annotator.workspace.importing import store

pytestmark = pytest.mark.postgres

# diacritics, tatweel, a bidi mark, a Latin run, Arabic-Indic digits and an emoji
TEXT = "قالَ الرئيـــس \u200fبوتين في Moscow يوم ١٢ مارس 🙂 إن لوكاشينكو وصل."
PASSWORD_ENV = {"ANNOTATOR_TEAM_PASSWORD": "s3cret-٢"}


def login_url(url: str, name: str) -> str:
    return make_url(url).set(username=name, password="s3cret-٢").render_as_string(
        hide_password=False
    )


def plain(url: str, name: str) -> psycopg.Connection[tuple[object, ...]]:
    """A psycopg connection as ``name``: no SQLAlchemy, no annotator code."""
    u = make_url(url)
    return psycopg.connect(
        host=u.host, port=u.port, dbname=u.database, user=name, password="s3cret-٢",
        autocommit=True,
    )


@pytest.fixture
def team_db(pg_db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, object]]:
    """A team server: alice and bob annotate, carol curates; one document, alice's PER span."""
    for key, value in PASSWORD_ENV.items():
        monkeypatch.setenv(key, value)
    assert main(["--db", pg_db_url, "team", "init"]) == 0
    assert main(["--db", pg_db_url, "team", "add", "alice"]) == 0
    assert main(["--db", pg_db_url, "team", "add", "bob"]) == 0
    assert main(["--db", pg_db_url, "team", "add", "carol", "--curator"]) == 0
    with Workspace.open(pg_db_url) as owner:  # the owner is an admin: imports documents
        report = store(owner, [ImportedDocument("d1", TEXT, {}), ImportedDocument(
            "d2", TEXT + " ثانٍ", {})])
    doc, doc2 = report.doc_ids
    start = TEXT.index("بوتين")
    with Workspace.open(login_url(pg_db_url, "alice")) as alice:
        assert alice.annotator == "alice"
        span = alice.add_span(doc, start, start + 5, "PER")
    yield {"url": pg_db_url, "doc": doc, "doc2": doc2, "span": span.uuid}


def _ids(conn: psycopg.Connection[tuple[object, ...]]) -> dict[str, int]:
    return {str(n): int(str(i)) for i, n in conn.execute("SELECT id, name FROM annotator")}


def test_bob_cannot_touch_alices_spans_gold_or_documents_in_plain_sql(
    team_db: dict[str, object],
) -> None:
    url, doc, span = str(team_db["url"]), team_db["doc"], team_db["span"]
    with plain(url, "bob") as bob:
        ids = _ids(bob)
        assert bob.execute("SELECT current_user").fetchone() == ("bob",)
        # he reads Alice's span (shared reading), but cannot change or delete it
        assert bob.execute("SELECT label FROM span WHERE uuid = %s", (span,)).fetchone() == (
            "PER",)
        assert bob.execute("UPDATE span SET label = 'ORG' WHERE uuid = %s", (span,)).rowcount == 0
        assert bob.execute("DELETE FROM span WHERE uuid = %s", (span,)).rowcount == 0
        # nor hand it to himself
        assert bob.execute(
            "UPDATE span SET annotator_id = %s WHERE uuid = %s", (ids["bob"], span)
        ).rowcount == 0
        insert = (
            "INSERT INTO span (uuid, document_id, annotator_id, layer, label, start, \"end\", "
            "attributes, created, updated, version) VALUES (gen_random_uuid()::text, %s, %s, "
            "'entity', 'LOC', 0, 4, '{}', now(), now(), 1)"
        )
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            bob.execute(insert, (doc, ids[GOLD]))
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            bob.execute(insert, (doc, ids["alice"]))
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="table document"):
            bob.execute("UPDATE document SET text = 'x', sha256 = 'y' WHERE id = %s", (doc,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="table annotator"):
            bob.execute("INSERT INTO annotator (uuid, name, created) VALUES ('u', 'mallory', "
                        "now())")
        # a span of his own is fine: the policies are not simply "no"
        bob.execute(insert, (doc, ids["bob"]))
        # with provenance it would pretend to be a curator's decision
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            bob.execute("UPDATE span SET provenance = '{\"decided_by\": \"carol\"}' "
                        "WHERE annotator_id = %s", (ids["bob"],))
    with plain(url, "carol") as carol:
        carol.execute(insert, (doc, ids[GOLD]))
        assert carol.execute("UPDATE span SET label = 'ORG' WHERE uuid = %s",
                             (span,)).rowcount == 0  # a curator writes gold, not Alice's layer
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="table document"):
            carol.execute("UPDATE document SET text = 'x' WHERE id = %s", (doc,))
    with plain(url, "alice") as alice:
        assert alice.execute("SELECT label FROM span WHERE uuid = %s", (span,)).fetchone() == (
            "PER",)
        counts = dict(alice.execute(
            "SELECT a.name, count(*) FROM span JOIN annotator a ON a.id = annotator_id "
            "GROUP BY a.name").fetchall())
    assert counts == {"alice": 1, "bob": 1, GOLD: 1}


def test_every_table_forces_row_level_security(team_db: dict[str, object]) -> None:
    """FORCE: the tables' owner is under the policies too (it is made an admin)."""
    engine = create_engine(str(team_db["url"]))
    with engine.connect() as conn:
        rows = dict(conn.execute(text(
            "SELECT relname, relforcerowsecurity AND relrowsecurity FROM pg_class "
            "WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace "
            "AND relname <> 'alembic_version'"
        )).all())
    engine.dispose()
    assert rows and all(rows.values()), rows
    assert "assignment" in rows


def test_the_program_says_whose_span_it_is(team_db: dict[str, object]) -> None:
    url, doc, span = str(team_db["url"]), int(str(team_db["doc"])), str(team_db["span"])
    with Workspace.open(login_url(url, "bob")) as bob:
        with pytest.raises(EditError, match="this span is alice's; you can copy it to your own"):
            bob.relabel_span(span, "ORG")
        with pytest.raises(EditError, match="this span is alice's"):
            bob.remove_span(span)
        with pytest.raises(EditError, match="only a curator may change the gold layer"):
            bob.as_annotator(GOLD).add_span(doc, 0, 4, "PER")
        with pytest.raises(EditError, match="this status is alice's"):
            bob.set_status(doc, "done", "alice")
        # importing documents is an admin's: the database refuses, the program says why
        with pytest.raises(DatabaseError, match="only an admin may import or change documents"):
            store(bob, [ImportedDocument("mine", "نص جديد", {})])
        mine = bob.add_span(doc, 0, 4, "LOC")  # his own layer works as ever
        bob.relabel_span(mine, "GPE")
        assert [s.label for s in bob.spans(doc)] == ["GPE"]
    with Workspace.open(login_url(url, "carol")) as carol:
        gold = carol.as_annotator(GOLD).add_span(doc, 0, 4, "LOC")
        assert gold.annotator == GOLD
    with Workspace.open(login_url(url, "alice")) as alice:
        assert alice.get_span(span).label == "PER"


def test_annotator_naming_someone_else_is_refused(
    team_db: dict[str, object], capsys: pytest.CaptureFixture[str]
) -> None:
    url = login_url(str(team_db["url"]), "bob")
    with pytest.raises(AnnotatorError, match=r"your database login 'bob'.*names someone else"):
        Workspace.open(url, "alice")
    assert main(["--db", url, "--annotator", "alice", "stats"]) == 1
    assert "names someone else" in capsys.readouterr().err
    with Workspace.open(url, "bob") as ws:  # naming yourself is fine
        assert ws.annotator == "bob"
        assert ws.on_team_server  # the window's File > Annotator name refuses to switch
    # a name remembered by the window is not a naming: the login decides, nothing refused
    with Workspace.open(url, remembered="alice") as ws:
        assert ws.annotator == "bob"


def test_cli_refusals_are_words(
    team_db: dict[str, object], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    url = login_url(str(team_db["url"]), "bob")
    doc = tmp_path / "جديد.txt"
    doc.write_text("نص جديد للفريق", encoding="utf-8")
    assert main(["--db", url, "import", str(doc)]) == 1
    err = capsys.readouterr().err
    assert "only an admin may import or change documents" in err
    assert "Traceback" not in err
    assert main(["--db", url, "team", "assign", "d1", "--to", "bob"]) == 1
    assert "for curators; you (bob) are an annotator" in capsys.readouterr().err
    assert main(["--db", url, "team", "init"]) == 1
    assert "must run as the owner" in capsys.readouterr().err


def test_assignment_orders_the_list_and_stats_team(
    team_db: dict[str, object], capsys: pytest.CaptureFixture[str]
) -> None:
    url = str(team_db["url"])
    carol = login_url(url, "carol")
    assert main(["--db", carol, "team", "assign", "d2", "--to", "bob"]) == 0
    assert "assigned 1 document(s) to bob" in capsys.readouterr().out
    assert main(["--db", carol, "team", "assign", "d2", "d1", "--to", "bob"]) == 0
    assert "assigned 1 document(s) to bob (1 already were)" in capsys.readouterr().out
    assert main(["--db", carol, "team", "assign", "nope", "--to", "bob"]) == 1
    assert "no document named 'nope'" in capsys.readouterr().err
    assert main(["--db", carol, "team", "assign", "d1", "--to", "mallory"]) == 1
    assert "no annotator named 'mallory'" in capsys.readouterr().err
    with Workspace.open(login_url(url, "alice")) as alice:
        assert [(r.name, r.assigned) for r in alice.list_documents()] == [
            ("d1", None), ("d2", None)]
    with Workspace.open(login_url(url, "bob")) as bob:
        assert {(r.name, r.assigned) for r in bob.list_documents()} == {
            ("d1", True), ("d2", True)}
    assert main(["--db", url, "stats", "--team"]) == 0
    out = capsys.readouterr().out
    assert "alice" in out and "bob" in out
    line = next(ln for ln in out.splitlines() if ln.split()[:2] == ["alice", "d1"])
    assert line.split()[2:] == ["-", "in_progress", "1"]


def test_private_server_annotators_read_only_their_own(
    pg_db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ANNOTATOR_TEAM_PASSWORD", "s3cret-٢")
    assert main(["--db", pg_db_url, "team", "init", "--private"]) == 0
    for name, flag in (("alice", []), ("bob", []), ("carol", ["--curator"])):
        assert main(["--db", pg_db_url, "team", "add", name, *flag]) == 0
    with Workspace.open(pg_db_url) as owner:
        doc, doc2 = store(owner, [ImportedDocument("d1", TEXT, {}),
                                  ImportedDocument("d2", TEXT + "!", {})]).doc_ids
    curator = login_url(pg_db_url, "carol")
    assert main(["--db", curator, "team", "assign", "d1", "--to", "alice"]) == 0
    assert main(["--db", curator, "team", "assign", "d2", "--to", "bob"]) == 0
    with Workspace.open(login_url(pg_db_url, "alice")) as alice:
        assert [r.name for r in alice.list_documents()] == ["d1"]
        alice.add_span(doc, 0, 4, "PER")
    with plain(pg_db_url, "bob") as bob:
        assert bob.execute("SELECT count(*) FROM span").fetchone() == (0,)
        assert bob.execute("SELECT id FROM document").fetchall() == [(doc2,)]
    with plain(pg_db_url, "carol") as carol:
        assert carol.execute("SELECT count(*) FROM span").fetchone() == (1,)
        assert carol.execute("SELECT count(*) FROM document").fetchone() == (2,)
    assert text_sha256(TEXT)  # the documents were stored by their hash as ever


def test_team_add_asks_for_the_password_not_the_command_line(
    pg_db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("ANNOTATOR_TEAM_PASSWORD", raising=False)
    assert main(["--db", pg_db_url, "team", "init"]) == 0
    # pytest's stdin is no terminal: without the variable it refuses in words
    assert main(["--db", pg_db_url, "team", "add", "newcomer_without_password"]) == 1
    assert "ANNOTATOR_TEAM_PASSWORD" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--db", pg_db_url, "team", "add", "x", "--password", "visible"])
