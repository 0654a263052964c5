"""UD Arabic-PUD: import -> CoNLL-U Plus export -> the ``conllu`` parser gives the same text.

For each of the 1,000 sentences, the text rebuilt from FORM + SpaceAfter/SpacesAfter equals
the export's ``# text`` line, the stored document text, and PUD's own ``# text``.
"""

from __future__ import annotations

from pathlib import Path

import conllu
from helpers.paths import DATA

from annotator.formats.conllu import unescape_spaces
from annotator.formats.exporting import ExportOptions
from annotator.formats.registry import READERS, ReadOptions
from annotator.workspace import Workspace
from annotator.workspace.exporting import gather_documents, write_export
from annotator.workspace.importing import store

PUD = DATA / "ud_arabic_pud" / "ar_pud-ud-test.conllu"


def rebuilt(sentence: conllu.TokenList) -> str:
    """A sentence's text from its forms and MISC spacing (the last token's gap left out)."""
    parts = []
    words = [t for t in sentence if isinstance(t["id"], int)]
    for k, token in enumerate(words):
        parts.append(token["form"])
        misc = token["misc"] or {}
        if k == len(words) - 1:
            break
        if "SpacesAfter" in misc:
            parts.append(unescape_spaces(misc["SpacesAfter"]))
        elif misc.get("SpaceAfter") != "No":
            parts.append(" ")
    return "".join(parts)


def test_pud_text_survives_conllu_export(tmp_path: Path) -> None:
    pud = conllu.parse(PUD.read_text(encoding="utf-8"))
    ws = Workspace.open(str(tmp_path / "db.sqlite3"), "tester")
    try:
        docs = READERS["conllu"](PUD, ws.schema, ReadOptions())
        # PUD repeats "# newdoc id" on every sentence of a document: 397 documents
        assert len(docs) == len({s.metadata["newdoc id"] for s in pud}) == 397
        store(ws, docs)
        exported = gather_documents(ws, "tester")
        report, text = write_export("conllu", exported, None, ExportOptions())
    finally:
        ws.close()
    assert text is not None and report.tokens == 20_747 and not report.splits
    ours = conllu.parse(text)
    assert len(ours) == len(pud) == 1000
    by_doc: dict[str, list[str]] = {}
    for original in pud:
        assert original.metadata["text"] == rebuilt(original)
        by_doc.setdefault(original.metadata["newdoc id"], []).append(original.metadata["text"])
    stored_sentences = [line for d in exported for line in d.text.split("\n")]
    for sentence, stored in zip(ours, stored_sentences, strict=True):
        assert rebuilt(sentence) == sentence.metadata["text"] == stored
    for doc in exported:
        assert doc.text.split("\n") == by_doc[doc.name]


def test_pud_words_are_kept_as_export_tokens(tmp_path: Path) -> None:
    """The treebank's clitic split (ل + أوباما) is what the export writes again."""
    ws = Workspace.open(str(tmp_path / "db.sqlite3"), "tester")
    try:
        store(ws, READERS["conllu"](PUD, ws.schema, ReadOptions()))
        exported = gather_documents(ws, "tester", ["n01001"])
        _, text = write_export("conllu", exported, None, ExportOptions())
    finally:
        ws.close()
    assert text is not None
    ours = conllu.parse(text)
    theirs = [
        s for s in conllu.parse(PUD.read_text(encoding="utf-8"))
        if s.metadata.get("newdoc id") == "n01001"
    ]
    assert len(ours) == len(theirs) > 1

    def spacing(sentence: conllu.TokenList) -> list[tuple[str, str | None]]:
        # the last word's gap is the sentence break, written only by the exporter
        return [(t["form"], (t["misc"] or {}).get("SpaceAfter")) for t in sentence][:-1]

    assert [spacing(s) for s in ours] == [spacing(s) for s in theirs]
