"""Team mode's parts that need no server: the door's team policy, assignment and progress on
SQLite, the refusal words, and ``team`` refusing a single-user file."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.errors import AnnotatorError, EditError
from annotator.core.model import GOLD
from annotator.storage.team import ADMIN, ANNOTATOR, CURATOR, TeamLogin, check_login_name
from annotator.workspace import Workspace, team
from annotator.workspace.errors import team_refusal
from annotator.workspace.policy import TeamPolicy

# diacritics, tatweel, a bidi mark, a Latin run, Arabic-Indic digits and an emoji
TEXT = "قالَ الرئيـــس \u200fبوتين في Moscow يوم ١٢ مارس 🙂 إن لوكاشينكو وصل."


def _two_annotators(db: Path) -> tuple[int, str]:
    with Workspace.open(str(db), "alice") as alice:
        doc = alice.repo.insert_document("خبر ١", TEXT, "sha-1")
        alice.repo.insert_document("خبر ٢", TEXT + "!", "sha-2")
        start = TEXT.index("بوتين")
        span = alice.add_span(doc, start, start + 5, "PER")
        alice.as_annotator("bob").set_status(doc, "new")  # bob exists
    return doc, span.uuid


def test_team_policy_refuses_someone_elses_span_in_words(db_path: Path) -> None:
    doc, span = _two_annotators(db_path)
    with Workspace.open(str(db_path), "bob") as bob:
        bob.policy = TeamPolicy(TeamLogin("bob", ANNOTATOR))
        with pytest.raises(EditError, match=r"^this span is alice's; you can copy it to your own"):
            bob.relabel_span(span, "ORG")
        with pytest.raises(EditError, match="this span is alice's"):
            bob.resize_span(span, 0, 4)
        with pytest.raises(EditError, match="this span is alice's"):
            bob.remove_span(span)
        with pytest.raises(EditError, match="only a curator may change the gold layer"):
            bob.as_annotator(GOLD).add_span(doc, 0, 4, "LOC")
        with pytest.raises(EditError, match="this status is alice's"):
            bob.set_status(doc, "done", "alice")
        with pytest.raises(EditError, match=r"for curators; you \(bob\) are an annotator"):
            team.assign(bob, ["خبر ١"], "bob")
        own = bob.add_span(doc, 0, 4, "LOC")
        bob.relabel_span(own, "GPE")
        assert bob.get_span(span).label == "PER"
        bob.policy = TeamPolicy(TeamLogin("bob", CURATOR))
        assert bob.as_annotator(GOLD).add_span(doc, 0, 4, "LOC").annotator == GOLD
        with pytest.raises(EditError, match="this span is alice's"):
            bob.relabel_span(span, "ORG")  # a curator writes gold, not others' layers
        bob.policy = TeamPolicy(TeamLogin("bob", ADMIN))
        assert bob.relabel_span(span, "ORG").label == "ORG"


def test_assigned_documents_come_first_and_progress(db_path: Path) -> None:
    _two_annotators(db_path)
    with Workspace.open(str(db_path), "carol") as carol:
        assert team.assign(carol, ["خبر ٢"], "bob") == (1, 1)
        assert team.assign(carol, ["خبر ٢", "خبر ١"], "bob") == (1, 2)
        with pytest.raises(EditError, match="no annotator named 'mallory'"):
            team.assign(carol, ["خبر ١"], "mallory")
        assert not carol.can_undo()  # an assignment is not an undo step
        rows = {(r.annotator, r.document): r for r in team.progress(carol)}
    with Workspace.open(str(db_path), "bob") as bob:
        assert [(r.name, r.assigned) for r in bob.list_documents()] == [
            ("خبر ١", True), ("خبر ٢", True)]
    with Workspace.open(str(db_path), "alice") as alice:
        assert [r.assigned for r in alice.list_documents()] == [None, None]
    assert (rows["alice", "خبر ١"].status, rows["alice", "خبر ١"].spans) == ("in_progress", 1)
    assert rows["alice", "خبر ١"].assigned is False
    assert (rows["bob", "خبر ٢"].assigned, rows["bob", "خبر ٢"].spans) == (True, 0)


def test_stats_team_prints_the_grid(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _two_annotators(db_path)
    assert main(["--db", str(db_path), "stats", "--team"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["annotator", "document", "assigned", "status", "spans"]
    assert ["alice", "خبر", "١", "-", "in_progress", "1"] in [ln.split() for ln in out]
    assert main(["--db", str(db_path), "stats", "--team", "--json"]) == 0
    assert '"annotator": "alice"' in capsys.readouterr().out


@pytest.mark.parametrize("args", [["team", "init"], ["team", "add", "bob"]])
def test_team_commands_refuse_sqlite_in_words(
    db_path: Path, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    assert main(["--db", str(db_path), *args]) == 1
    err = capsys.readouterr().err
    assert "team mode needs a PostgreSQL server" in err and "nothing was changed" in err


def test_database_refusals_in_words() -> None:
    assert team_refusal('new row violates row-level security policy for table "span"') == (
        "the team server refused: you may change only your own spans (gold and provenance: "
        "curators); you can copy a colleague's span to your own layer"
    )
    assert "only an admin may import" in team_refusal("permission denied for table document")
    assert "lacks the right" in team_refusal("permission denied for schema x")


@pytest.mark.parametrize("name", ["", "gold", "pg_x", " bob", "a" * 64, "ع" * 32, "x\x00"])
def test_login_names_the_server_cannot_take_are_refused(name: str) -> None:
    with pytest.raises(AnnotatorError, match=r"login|reserved|NUL|bytes"):
        check_login_name(name)
