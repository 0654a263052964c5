"""``annotator agree`` as scripts call it, and adjudicated gold going out through ``export``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers.paths import SEEDS
from helpers.review_refs import reference_tags, sk_kappa
from test_cli import annotator

from annotator.core.model import GOLD, Relation, Span, text_sha256
from annotator.workspace import Workspace
from annotator.workspace.review import ReviewSession

TEXT = SEEDS[0].read_text(encoding="utf-8").replace("\r\n", "\n")


def at(word: str, label: str, who: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return Span(start, start + len(word), "entity", label, annotator=who)


@pytest.fixture
def db(tmp_path: Path) -> tuple[str, int]:
    path = str(tmp_path / "team.sqlite3")
    ws = Workspace.open(path, "curator")
    doc = ws.repo.insert_document("مقال", TEXT, text_sha256(TEXT))
    ws.repo.insert_document("فارغ", "نص بلا وسوم", text_sha256("نص بلا وسوم"))
    ws.repo.insert_spans(doc, [at("بوتين", "PER", "layla"), at("موسكو", "GPE", "layla"),
                               at("روسيا", "GPE", "layla")])
    ws.repo.insert_spans(doc, [at("بوتين", "PER", "omar"), at("موسكو", "LOC", "omar")])
    ws.close()
    return path, doc


def test_agree_json_shape_and_values(db: tuple[str, int]) -> None:
    path, _ = db
    proc = annotator("agree", "--db", path, "--json", "--layer", "entity")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    [pair] = data["pairs"]
    assert (pair["a"], pair["b"], pair["layer"]) == ("layla", "omar", "entity")
    # 1 exact match of 3 + 2 spans
    assert pair["span_f1_exact"] == pytest.approx(2 / 5)
    assert pair["per_label"]["GPE"]["precision_exact"] is None  # omar drew no GPE
    assert pair["per_label"]["PER"]["f1_exact"] == 1.0
    assert pair["per_label"]["GPE"]["recall_exact"] == 0.0
    ta = reference_tags(TEXT, [at("بوتين", "PER", "a"), at("موسكو", "GPE", "a"),
                               at("روسيا", "GPE", "a")])
    tb = reference_tags(TEXT, [at("بوتين", "PER", "b"), at("موسكو", "LOC", "b")])
    assert pair["cohen_kappa_tokens"] == pytest.approx(sk_kappa(ta, tb), abs=1e-9)
    assert set(data["krippendorff_alpha"]) == {"entity"}
    assert 0 < data["krippendorff_alpha"]["entity"] < 1


def test_agree_table_and_options(db: tuple[str, int]) -> None:
    path, _ = db
    table = annotator("agree", "--db", path, "--annotators", "omar,layla", "--document", "مقال")
    assert table.returncode == 0, table.stderr
    assert "omar × layla" in table.stdout and "Krippendorff" in table.stdout
    assert "quote" in table.stdout  # every layer by default
    one = annotator("agree", "--db", path, "--annotators", "layla")
    assert one.returncode == 1 and "two annotators" in one.stderr
    nobody = annotator("agree", "--db", path, "--annotators", "layla,zaid")
    assert nobody.returncode == 1 and "zaid" in nobody.stderr
    layer = annotator("agree", "--db", path, "--layer", "people")
    assert layer.returncode == 1 and "unknown layer" in layer.stderr


def test_adjudicated_gold_goes_out_through_export(db: tuple[str, int]) -> None:
    path, doc = db
    ws = Workspace.open(path, "curator")
    session = ReviewSession(ws, doc, ["layla", "omar"])
    assert session.prefill() == 1  # بوتين PER
    kinds = {d.start: (i, d.kinds) for i, d in enumerate(session.disagreements)}
    moscow = at("موسكو", "GPE", "x").start
    russia = at("روسيا", "GPE", "x").start
    session.decide(kinds[moscow][0], "accept_b")  # omar's LOC
    session.decide(kinds[russia][0], "neither")
    ws.close()
    proc = annotator("export", "--db", path, "--gold", "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    [article] = [d for d in lines if d["name"] == "مقال"]
    assert article["annotator"] == GOLD
    got = sorted((s["start"], s["end"], s["label"]) for s in article["spans"])
    expected = sorted(
        (s.start, s.end, s.label)
        for s in (at("بوتين", "PER", GOLD), at("موسكو", "LOC", GOLD))
    )
    assert got == expected


def test_gold_links_go_out_through_export(tmp_path: Path) -> None:
    path = str(tmp_path / "links.sqlite3")
    ws = Workspace.open(path, "curator")
    doc = ws.repo.insert_document("مقال", TEXT, text_sha256(TEXT))
    start = TEXT.index("“خلال")
    quote_extent = (start, TEXT.index("“", start + 1) + 1)
    speakers = {"layla": at("السكرتير الصحفي", "PER", "x"), "omar": at("الصحفي", "PER", "x")}
    for who, speaker in speakers.items():
        quote = Span(*quote_extent, "quote", "QUOTE", annotator=who)
        person = speaker.with_changes(annotator=who)
        ws.repo.insert_spans(doc, [quote, person])
        ws.repo.insert_relation(doc, Relation("speaker", quote.uuid, person.uuid, annotator=who))
    session = ReviewSession(ws, doc, ["layla", "omar"])
    assert session.prefill() == 1  # the quote both drew
    [speaker] = session.disagreements
    session.decide(0, "accept_a")  # layla's speaker, and with it layla's link
    ws.close()
    proc = annotator("export", "--db", path, "--gold", "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    [article] = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    spans = {s["uuid"]: (s["start"], s["end"], s["layer"]) for s in article["spans"]}
    assert [(r["kind"], spans[r["head"]], spans[r["tail"]]) for r in article["relations"]] == [
        ("speaker", (*quote_extent, "quote"),
         (speakers["layla"].start, speakers["layla"].end, "entity"))
    ]


def test_agree_reports_attribute_agreement_per_layer(tmp_path: Path) -> None:
    """layla calls the quote direct, omar indirect: the spans agree, the attribute does not."""
    path = str(tmp_path / "quotes.sqlite3")
    ws = Workspace.open(path, "curator")
    doc = ws.repo.insert_document("مقال", TEXT, text_sha256(TEXT))
    start = TEXT.index("“خلال")
    extent = (start, TEXT.index("“", start + 1) + 1)
    for who, value in (("layla", "direct"), ("omar", "indirect")):
        ws.repo.insert_spans(doc, [Span(*extent, "quote", "QUOTE", annotator=who,
                                        attributes={"direct": value})])
    ws.close()
    table = annotator("agree", "--db", path, "--layer", "quote")
    assert table.returncode == 0, table.stderr
    [line] = [x for x in table.stdout.splitlines() if "direct" in x]
    assert "attribute direct" in line and "0.000" in line and "0 of 1" in line
    proc = annotator("agree", "--db", path, "--layer", "quote", "--json")
    assert proc.returncode == 0, proc.stderr
    [pair] = json.loads(proc.stdout)["pairs"]
    assert pair["span_f1_exact"] == 1.0
    assert pair["attributes"] == {
        "direct": {"spans_compared": 1, "spans_agreed": 0, "agreement": 0.0,
                   "cohen_kappa": 0.0}
    }
