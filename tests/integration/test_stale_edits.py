"""The version you saw (issue 11, item 1): an edit carries the version of the span as its
editor last saw it, and a stale edit is refused in words (what changed, by whom, when) on
SQLite and on PostgreSQL, also with two processes editing the same spans at once."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from helpers.paths import ROOT

from annotator.core.commands import AddSpan, RelabelSpan, RemoveSpan, ResizeSpan
from annotator.core.errors import ConflictError
from annotator.core.model import IN_PROGRESS, Span
from annotator.workspace import Workspace

# diacritics, tatweel, a bidi mark, a Latin run, Arabic-Indic digits and an emoji
TEXT = (
    "قالَ الرئيسُ فلاديمير بوتين في موسكـــو يوم ١٢ مايو \u200fإن شركة Gazprom "
    "ستوقّع الاتفاق 🙂 مع وزارة الطاقة في القاهرة، وإن «الحوار مستمر» مع بغداد.\n"
)
WHEN = r"at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "shared.sqlite3")
    return str(request.getfixturevalue("pg_db_url"))


def test_b_then_stale_a_is_refused_in_words(url: str) -> None:
    """A sees PER; B relabels it ORG; A, still seeing PER, relabels it LOC: refused."""
    a = Workspace.open(url, "alice")
    doc = a.repo.insert_document("d", TEXT, "sha-d")
    p0 = TEXT.index("بوتين")
    a_view = a.add_span(doc, p0, p0 + len("بوتين"), "PER")
    with Workspace.open(url, "bob") as b:
        b.relabel_span(a_view.uuid, "ORG")
    with pytest.raises(ConflictError) as refused:
        a.execute(RelabelSpan(a_view.uuid, "LOC", seen=a_view))
    message = str(refused.value)
    assert re.search(rf"changed elsewhere by bob {WHEN}, after you last saw it: relabelled "
                     rf"PER → ORG: it is now ORG \[{p0}, {p0 + 5}\); your edit was not written",
                     message), message
    assert refused.value.uuids == (a_view.uuid,)  # the window refreshes that span
    assert a.get_span(a_view.uuid).label == "ORG"
    # scripts say the version they saw; the same refusal, with versions
    with pytest.raises(ConflictError, match=r"you saw version 1, it is at version 2"):
        a.relabel_span(a_view.uuid, "LOC", seen_version=a_view.version)
    with pytest.raises(ConflictError, match="changed elsewhere by bob"):
        a.remove_span(a_view.uuid, seen_version=a_view.version)
    with pytest.raises(ConflictError, match=r"moved|relabelled"):
        a.execute(ResizeSpan(a_view.uuid, p0 - 1, p0 + 5, seen=a_view))
    assert a.get_span(a_view.uuid).label == "ORG"
    # on what is stored now (its version, or no version: "whatever is there") it goes
    now = a.get_span(a_view.uuid)
    assert a.relabel_span(now.uuid, "LOC", seen_version=now.version).label == "LOC"
    assert a.relabel_span(now.uuid, "GPE").label == "GPE"
    a.close()


def test_the_same_annotator_in_two_windows_is_told_it_was_them(url: str) -> None:
    one = Workspace.open(url, "layla")
    doc = one.repo.insert_document("d", TEXT, "sha-d")
    q0 = TEXT.index("«")
    quote = one.add_span(doc, q0, TEXT.index("»") + 1, "QUOTE")
    with Workspace.open(url, "layla") as two:
        two.set_attributes(quote.uuid, {"direct": "indirect"})
    with pytest.raises(ConflictError, match=r"by layla \(you, in another window or on another "
                       r"machine\) at .* UTC, after you last saw it: direct changed"):
        one.execute(RemoveSpan(quote.uuid, seen=quote))
    assert one.get_span(quote.uuid).attributes == {"direct": "indirect"}
    one.close()


# -- two processes, 500 random edits each ------------------------------------------------------

EDITS = 500


def _seed_document(url: str) -> int:
    with Workspace.open(url, "shared") as ws:
        doc = ws.repo.insert_document("d", TEXT * 3, "sha-d")
        # a few spans, so the two processes keep meeting on the same ones
        for word in ("بوتين", "موسكـــو", "Gazprom", "القاهرة", "بغداد", "١٢"):
            at = TEXT.index(word)
            ws.execute(AddSpan(doc, Span(at, at + len(word), "entity", "PER",
                                         annotator="shared")))
        q0 = TEXT.index("«")
        ws.execute(AddSpan(doc, Span(q0, TEXT.index("»") + 1, "quote", "QUOTE",
                                     attributes={"direct": "direct"}, annotator="shared")))
        # the first edit of each process would otherwise both create the status row
        ws.set_status(doc, IN_PROGRESS)
        return doc


def _run_two(url: str, doc: int, tmp_path: Path, *extra: str) -> list[dict[str, Any]]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "tests")}
    logs = [tmp_path / f"log{i}.json" for i in range(2)]
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "helpers.edit_worker", url, str(doc), str(seed), str(EDITS),
             str(log), *extra],
            stdin=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True,
        )
        for seed, log in zip((1, 2), logs, strict=True)
    ]
    # both have loaded their view of the document: start them together
    for p in procs:
        assert p.stdin is not None
        p.stdin.write("go\n")
        p.stdin.flush()
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        assert "Traceback" not in err, err
    entries: list[dict[str, Any]] = []
    for log in logs:
        entries += json.loads(log.read_text(encoding="utf-8"))
    return entries


def _lost_updates(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Accepted edits applied to a version other than the one their editor saw: whatever
    changed in between was overwritten without a word."""
    return [e for e in entries if "applied_to" in e and e["applied_to"] != e["seen"]]


def _content(span: Span | dict[str, Any]) -> tuple[Any, ...]:
    if isinstance(span, Span):
        return (span.start, span.end, span.layer, span.label, span.attributes, span.version)
    return tuple(span[k] for k in ("start", "end", "layer", "label", "attributes", "version"))


def test_two_processes_lose_no_update(url: str, tmp_path: Path) -> None:
    doc = _seed_document(url)
    with Workspace.open(url, "shared") as ws:
        initial = {s.uuid: _content(s) for s in ws.spans(doc)}
    entries = _run_two(url, doc, tmp_path)
    assert len(entries) == 2 * EDITS
    assert [e["error"] for e in entries if "error" in e] == []
    assert _lost_updates(entries) == []
    refused = [e for e in entries if "refused" in e]
    assert refused, "the two processes never met on a span: the test proves nothing"
    for e in refused:  # every refusal explained: what, by whom, when; or deleted
        assert re.search(rf"changed elsewhere by shared \(you, .*\) {WHEN}, after you last "
                         r"saw it: .+: it is now \w+ \[\d+, \d+\)", e["refused"]) or \
            "deleted elsewhere" in e["refused"], e["refused"]
    # the final state is the sequence of accepted edits: per span, the edits form one chain
    # of versions (no two built on the same one) and the last one is what is stored
    state = dict(initial)
    chains: dict[str, list[int]] = {}
    removed: set[str] = set()
    for e in sorted((e for e in entries if "refused" not in e),
                    key=lambda e: (e["uuid"], e["seen"] or 0)):
        if e["op"] == "remove":
            assert e["uuid"] not in removed
            removed.add(e["uuid"])
            state.pop(e["uuid"])
            continue
        assert e["uuid"] not in removed, "an edit accepted after the span was removed"
        chains.setdefault(e["uuid"], []).append(e["seen"] or 0)
        state[e["uuid"]] = _content(e["after"])
    for uuid, seen in chains.items():
        assert len(seen) == len(set(seen)), f"two accepted edits on one version of {uuid}"
    with Workspace.open(url, "shared") as ws:
        stored = {s.uuid: _content(s) for s in ws.spans(doc)}
    assert stored == state


def test_without_the_seen_version_the_test_finds_the_lost_updates(
    url: str, tmp_path: Path
) -> None:
    """The oracle has teeth: the same run sending no seen version (the behaviour before)."""
    doc = _seed_document(url)
    entries = _run_two(url, doc, tmp_path, "--no-seen")
    assert _lost_updates(entries)
