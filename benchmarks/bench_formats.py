"""CoNLL import and export throughput on a ~160,000-token corpus, and against spaCy.

The corpus is the Wojood sample (nested Arabic NER) repeated six times, each copy made a
distinct document by a first token of its own. Import is timed from the file's text to rows in
a fresh SQLite database (spans through Repository.insert_spans' executemany); export from the
gathered documents to CoNLL text. spaCy's route to the same tags (Doc from words, then
offsets_to_biluo_tags and biluo_to_iob on the outer spans) is timed in the same run.
"""

from __future__ import annotations

import io
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from common import SHARED, emit

from annotator.formats.conll import parse_conll, write_conll
from annotator.formats.exporting import ExportDocument, ExportOptions
from annotator.formats.tagging import deal_into_columns
from annotator.workspace import Workspace
from annotator.workspace.exporting import gather_documents
from annotator.workspace.importing import store

WOJOOD = SHARED / "data" / "wojood_sample"
COPIES = 6
LABELS = [
    "PERS", "NORP", "OCC", "ORG", "GPE", "LOC", "FAC", "EVENT", "DATE", "TIME", "CARDINAL",
    "ORDINAL", "PERCENT", "QUANTITY", "UNIT", "MONEY", "CURR", "LANGUAGE", "PRODUCT", "LAW",
    "WEBSITE",
]


def corpus() -> tuple[str, int]:
    parts = [(WOJOOD / f"{p}.txt").read_text(encoding="utf-8") for p in ("train", "val", "test")]
    copies = []
    for k in range(COPIES):
        for n, part in enumerate(parts):
            copies.append(f"-DOCSTART- -X- O O\n\nنسخة{k}-{n} O\n\n{part}")
    text = "\n".join(copies)
    tokens = sum(1 for line in text.split("\n") if line.strip() and not line.startswith("-DOC"))
    return text, tokens


def best_of(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def open_project(folder: Path) -> Workspace:
    db = str(folder / "bench.sqlite3")
    ws = Workspace.open(db, "bench")
    entity = ", ".join(f'{{ name = "{label}" }}' for label in LABELS)
    ws.repo.set_project_schema_toml(f'[[layers]]\nname = "entity"\nlabels = [{entity}]\n')
    ws.close()
    return Workspace.open(db, "bench")


def bench_import(content: str, tokens: int) -> list[ExportDocument]:
    times = []
    parse_times = []
    docs: list[ExportDocument] = []
    for _ in range(3):
        with tempfile.TemporaryDirectory() as folder:
            ws = open_project(Path(folder))
            start = time.perf_counter()
            read = parse_conll(content, "wojood.conll", ws.schema)
            parsed = time.perf_counter()
            store(ws, read)
            times.append(time.perf_counter() - start)
            parse_times.append(parsed - start)
            docs = gather_documents(ws, "bench")
            ws.close()
    emit("import.conll_tokens_per_s", tokens / min(times), "tokens/s")
    # the reader alone, without the database insert
    emit("import.conll_parse_tokens_per_s", tokens / min(parse_times), "tokens/s")
    return docs


def spacy_tags(docs: list[ExportDocument], outer: list[list[tuple[int, int, str]]]) -> None:
    from spacy.tokens import Doc
    from spacy.training import biluo_to_iob, offsets_to_biluo_tags
    from spacy.vocab import Vocab

    vocab = Vocab()
    for doc, entities in zip(docs, outer, strict=True):
        # the text is tokens joined by one separator each: a space-joined Doc has its offsets
        words = doc.text.split()
        biluo_to_iob(offsets_to_biluo_tags(Doc(vocab, words=words), entities))


def main() -> None:
    content, tokens = corpus()
    docs = bench_import(content, tokens)
    options = ExportOptions()
    export_s = best_of(5, lambda: write_conll(docs, io.StringIO(), options))
    emit("export.conll_tokens_per_s", tokens / export_s, "tokens/s")
    nested_s = best_of(3, lambda: write_conll(docs, io.StringIO(), ExportOptions(nested=4)))
    emit("export.conll_nested4_tokens_per_s", tokens / nested_s, "tokens/s")
    outer = [
        [(s.start, s.end, s.label) for s in deal_into_columns(d.spans, 1)[0][0]] for d in docs
    ]
    spacy_s = best_of(3, lambda: spacy_tags(docs, outer))
    emit("export.spacy_tokens_per_s", tokens / spacy_s, "tokens/s")
    emit("export.vs_spacy_ratio", spacy_s / export_s, "x")
    emit("corpus.tokens", tokens, "tokens")


if __name__ == "__main__":
    main()
