"""Review figures: agreement over a 150,000-token corpus, and merging 100,000 spans.

review.agreement_150k_tokens_s
    Every measure of ``annotator agree`` (span P/R/F1 exact and overlap, token κ, α, per layer,
    label and document) for two annotators, tokenization included. Seed text cut into
    documents of ~2,000 tokens; annotator A tags one token run in eight, B copies A with
    ~10% of the spans relabelled, moved, dropped or added.
review.merge_100k_spans_s
    ``annotator merge OTHER.sqlite3``: reading a colleague's database (backup copy) holding
    100,000 of their spans on 10 documents we also have, and inserting them into ours.
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from common import arabic_text, emit  # benchmarks/ is on sys.path when a script runs

from annotator.core.corpus_agreement import AnnotatedDocument, agreement_report
from annotator.core.model import Span, text_sha256
from annotator.core.text import tokenize
from annotator.workspace import Workspace
from annotator.workspace.merging import merge, read_source

LABELS = ["PER", "ORG", "LOC", "GPE", "MISC"]
TOKENS = 150_000
DOC_TOKENS = 2_000


def corpus_texts(n_tokens: int) -> list[str]:
    text = arabic_text(n_tokens * 8)
    tokens = tokenize(text)
    while len(tokens) < n_tokens:
        text = text + "\n" + text
        tokens = tokenize(text)
    texts = []
    for i in range(0, n_tokens, DOC_TOKENS):
        part = tokens[i : min(i + DOC_TOKENS, n_tokens)]
        texts.append(text[part[0][0] : part[-1][1]])
    return texts


def synthetic_spans(text: str, rng: random.Random) -> tuple[list[Span], list[Span]]:
    tokens = tokenize(text)
    a: list[Span] = []
    i = 0
    while i < len(tokens) - 3:
        width = rng.randint(1, 3)
        a.append(Span(tokens[i][0], tokens[i + width - 1][1], "entity", rng.choice(LABELS),
                      annotator="A"))
        i += rng.randint(width + 1, 14)
    b: list[Span] = []
    for span in a:
        roll = rng.random()
        if roll < 0.03:
            continue  # B missed it
        if roll < 0.06:
            b.append(span.with_changes(label=rng.choice(LABELS), annotator="B"))
        elif roll < 0.09:
            b.append(span.with_changes(end=span.end + 1, annotator="B"))
        else:
            b.append(span.with_changes(annotator="B"))
        if roll > 0.99:
            b.append(Span(span.end, span.end + 1, "entity", "MISC", annotator="B"))
    return a, b


def bench_agreement() -> None:
    rng = random.Random(7)
    docs_data = [(t, *synthetic_spans(t, rng)) for t in corpus_texts(TOKENS)]
    best = float("inf")
    for _ in range(3):
        docs = [
            AnnotatedDocument(f"doc{i}", t, {"A": a, "B": b})
            for i, (t, a, b) in enumerate(docs_data)
        ]
        started = time.perf_counter()
        agreement_report(docs, ["A", "B"], ["entity", "claim", "quote"])
        best = min(best, time.perf_counter() - started)
    emit("review.agreement_150k_tokens_s", best, "s")


def bench_merge() -> None:
    texts = corpus_texts(20_000)[:10]
    with tempfile.TemporaryDirectory() as tmp:
        theirs = Workspace.open(str(Path(tmp) / "theirs.sqlite3"), "omar")
        ours = Workspace.open(str(Path(tmp) / "ours.sqlite3"), "layla")
        for n, text in enumerate(texts):
            for ws in (theirs, ours):
                ws.repo.insert_document(f"doc{n}", text, text_sha256(text))
        rng = random.Random(3)
        with theirs.repo.transaction():
            for doc_id, text in enumerate(texts, start=1):
                spans = [
                    Span(start, start + rng.randint(1, 20), "entity", rng.choice(LABELS),
                         annotator="omar")
                    for start in rng.sample(range(len(text) - 20), 10_000)  # none identical
                ]
                theirs.repo.insert_spans(doc_id, spans)
        theirs.close()
        started = time.perf_counter()
        docs = read_source(str(Path(tmp) / "theirs.sqlite3"), ours.schema)
        read = time.perf_counter() - started
        report = merge(ours, docs)
        elapsed = time.perf_counter() - started
        ours.close()
    if report.spans_added != 100_000:
        raise SystemExit(f"bench_review: merged {report.spans_added} spans, not 100,000")
    emit("review.merge_100k_spans_s", elapsed, "s")
    emit("review.merge_100k_spans_read_s", read, "s")


def main() -> None:
    bench_agreement()
    bench_merge()


if __name__ == "__main__":
    main()
