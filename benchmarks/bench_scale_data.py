"""Scale figures of the command line: CoNLL export of 10k, 100k and 1M spans, beside spaCy.

The corpus is the Wojood sample (nested Arabic NER, real news text) replicated with new names
(each copy's documents start with a word of their own) until it holds the number of spans
wanted. Each figure is a whole process, start to exit, with its peak resident memory (from
``wait4``): ``annotator export --format conll`` from the database, and spaCy's conversion of
the same documents (the JSONL export read line by line; ``Doc`` from the words, then
``offsets_to_biluo_tags`` and ``biluo_to_iob``; ``token TAB tag`` lines written). The two run
alternately, so a change of load hits both. ``--quick`` stops at 100k spans.

Then ``annotator agree`` at 100k and 1M spans (100k only with ``--quick``), whole process
with its peak memory as well: a second annotator's reading of the same corpus is stored beside
the first (every fifth span left out, every seventh a word longer, every eleventh relabelled).
"""

from __future__ import annotations

import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from common import SHARED, emit

from annotator.core.model import ImportedDocument, Span
from annotator.formats.conll import parse_conll
from annotator.workspace import Workspace
from annotator.workspace.importing import store

WOJOOD = SHARED / "data" / "wojood_sample"
LABELS = [
    "PERS", "NORP", "OCC", "ORG", "GPE", "LOC", "FAC", "EVENT", "DATE", "TIME", "CARDINAL",
    "ORDINAL", "PERCENT", "QUANTITY", "UNIT", "MONEY", "CURR", "LANGUAGE", "PRODUCT", "LAW",
    "WEBSITE",
]
SCHEMA = "[[layers]]\nname = \"entity\"\nlabels = [{}]\n".format(
    ", ".join(f'{{ name = "{label}" }}' for label in LABELS)
)

SPACY = r"""
import json, sys
from spacy.tokens import Doc
from spacy.training import biluo_to_iob, offsets_to_biluo_tags
from spacy.vocab import Vocab

vocab = Vocab()
with open(sys.argv[1], encoding="utf-8") as src, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in src:
        row = json.loads(line)
        text = row["text"]
        words = text.split()
        # the outer spans, as one CoNLL column holds them (spaCy refuses overlaps)
        spans, last = [], -1
        for s in sorted(row["spans"], key=lambda s: (s["start"], -s["end"])):
            if s["start"] >= last:
                spans.append((s["start"], s["end"], s["label"]))
                last = s["end"]
        tags = biluo_to_iob(offsets_to_biluo_tags(Doc(vocab, words=words), spans))
        out.writelines(f"{w}\t{t}\n" for w, t in zip(words, tags))
        out.write("\n")
"""


def seed_documents(schema_ws: Workspace) -> list[ImportedDocument]:
    parts = [(WOJOOD / f"{p}.txt").read_text(encoding="utf-8") for p in ("train", "val", "test")]
    return [d for n, part in enumerate(parts)
            for d in parse_conll(part, f"wojood{n}.conll", schema_ws.schema)]


def replicated(seeds: list[ImportedDocument], spans: int) -> list[ImportedDocument]:
    """Copies of ``seeds``, each document prefixed by a word of its own, until ``spans``."""
    out: list[ImportedDocument] = []
    total, copy = 0, 0
    while total < spans:
        for doc in seeds:
            prefix = f"نسخة{copy} "
            shift = len(prefix)
            moved = [Span(s.start + shift, s.end + shift, s.layer, s.label) for s in doc.spans]
            out.append(ImportedDocument(f"{doc.name}-{copy}", prefix + doc.text, spans=moved))
            total += len(moved)
            if total >= spans:
                break
        copy += 1
    return out


def second_reading(docs: list[ImportedDocument]) -> list[ImportedDocument]:
    """Another annotator's spans on the same documents, to measure agreement against."""
    out = []
    k = 0
    for doc in docs:
        spans = []
        for s in doc.spans:
            k += 1
            if k % 5 == 0:
                continue
            end = s.end
            if k % 7 == 0:  # a word longer, where there is one
                space = doc.text.find(" ", s.end + 1)
                end = space if space > 0 else s.end
            label = LABELS[(LABELS.index(s.label) + 1) % len(LABELS)] if k % 11 == 0 else s.label
            spans.append(Span(s.start, end, s.layer, label))
        out.append(ImportedDocument(doc.name, doc.text, spans=spans))
    return out


def build(folder: Path, docs: list[ImportedDocument], name: str = "") -> Path:
    """``docs`` stored in a new database of the benchmark's schema in ``folder``; a named
    corpus is kept for the next script of the run (:func:`kept_corpus`)."""
    db = folder / "corpus.sqlite3"
    _store(db, docs)
    kept = _kept(name)
    if kept is not None:
        shutil.copyfile(db, kept)
    return db


def kept_corpus(folder: Path, name: str) -> Path | None:
    """The corpus ``name`` built earlier in this ``make bench`` run, copied into ``folder``.

    ``run_all`` names a folder for the run (``BENCH_CACHE``): the export and the merge
    benchmarks both start from the replicated Wojood corpus, ~20 s to build at 1M spans.
    """
    kept = _kept(name)
    if kept is None or not kept.exists():
        return None
    db = folder / "corpus.sqlite3"
    shutil.copyfile(kept, db)
    return db


def _kept(name: str) -> Path | None:
    cache = os.environ.get("BENCH_CACHE")
    return Path(cache) / f"{name}.sqlite3" if cache and name else None


def _store(db: Path, docs: list[ImportedDocument]) -> None:
    ws = Workspace.open(str(db), "bench")
    ws.repo.set_project_schema_toml(SCHEMA)
    ws.close()
    ws = Workspace.open(str(db), "bench")
    store(ws, docs)
    ws.close()


# runs a program and, as it exits, writes its peak resident memory (VmHWM: of this program
# only; ``wait4``'s ru_maxrss would count the benchmark's own memory, forked before the exec)
MEASURED = r"""
import atexit, runpy, sys
out = sys.argv.pop(1)
def peak():
    with open("/proc/self/status") as status:
        kib = next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
    with open(out, "w") as f:
        f.write(str(kib))
atexit.register(peak)
target = sys.argv.pop(1)
if target == "-m":
    sys.argv[0] = sys.argv[1]
    runpy.run_module(sys.argv.pop(1), run_name="__main__", alter_sys=True)
else:
    sys.argv[0] = target
    runpy.run_path(target, run_name="__main__")
"""


def run(argv: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one whole program running ``argv`` (after python):
    the sum of the peaks of its process and of every process it starts (an export formats in
    worker processes). A sum of peaks is at least the peak of the sum, and counts the pages a
    forked worker shares with its parent twice: an upper bound."""
    # stderr to a file: the export's report (tokens cut at span edges...) can fill a pipe
    with tempfile.TemporaryDirectory() as tmp, open(Path(tmp) / "err", "w+b") as errors:
        peak = Path(tmp) / "peak"
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", MEASURED, str(peak), *argv],
                                stdout=subprocess.DEVNULL, stderr=errors)
        children: dict[int, int] = {}  # pid -> peak KiB seen
        while proc.poll() is None:
            for pid in _descendants(proc.pid):
                children[pid] = max(children.get(pid, 0), _peak_kib(pid))
            time.sleep(0.01)  # a sampling period, not a wait for an event: proc.poll is one
        elapsed = time.perf_counter() - t0
        if proc.returncode != 0:
            errors.seek(0)
            raise SystemExit(f"{argv[:4]} failed: {errors.read().decode()[-2000:]}")
        return elapsed, (int(peak.read_text()) + sum(children.values())) / 1024


def _descendants(pid: int) -> list[int]:
    """The processes ``pid`` started, and theirs, now."""
    found: list[int] = []
    todo = [pid]
    while todo:
        parent = todo.pop()
        try:  # a process's children are listed under the thread that started them: its first
            with open(f"/proc/{parent}/task/{parent}/children") as f:
                kids = [int(k) for k in f.read().split()]
        except OSError:  # ended meanwhile
            continue
        found += kids
        todo += kids
    return found


def _peak_kib(pid: int) -> int:
    """VmHWM of ``pid`` in KiB (0 once it has ended)."""
    try:
        with open(f"/proc/{pid}/status") as status:
            return next((int(line.split()[1]) for line in status if line.startswith("VmHWM")), 0)
    except OSError:
        return 0


def main() -> None:
    sizes = [10_000, 100_000] if "--quick" in sys.argv else [10_000, 100_000, 1_000_000]
    cli = ["-m", "annotator.cli"]
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace.open(str(Path(tmp) / "schema.sqlite3"), "bench")
        ws.repo.set_project_schema_toml(SCHEMA)
        ws.close()
        ws = Workspace.open(str(Path(tmp) / "schema.sqlite3"), "bench")
        seeds = seed_documents(ws)
        ws.close()
        spacy_script = Path(tmp) / "spacy_conll.py"
        spacy_script.write_text(SPACY, encoding="utf-8")
        ours: dict[int, float] = {}
        for size in sizes:
            folder = Path(tmp) / str(size)
            folder.mkdir()
            docs = replicated(seeds, size)
            db = build(folder, docs, f"wojood-{size}")
            jsonl = folder / "corpus.jsonl"
            export = [*cli, "--db", str(db), "--annotator", "bench", "export"]
            run([*export, "--format", "jsonl", "-o", str(jsonl)])  # spaCy's input
            rounds = 2 if size < 1_000_000 else 1
            conll = [*export, "--format", "conll", "-o", str(folder / "o.conll")]
            mine, alone, theirs = [], [], []
            for _ in range(rounds):  # alternately, so that a change of load hits all three
                mine.append(run(conll))  # as shipped: a process per core (from 40k spans)
                alone.append(run([*conll, "--jobs", "1"]))  # one process, as spaCy's
                theirs.append(run([str(spacy_script), str(jsonl), str(folder / "s.conll")]))
            t_ours, t_alone = min(t for t, _ in mine), min(t for t, _ in alone)
            t_spacy = min(t for t, _ in theirs)
            label = f"{size // 1000}k" if size < 1_000_000 else "1m"
            emit(f"scale.export_conll_{label}_s", t_ours, "s")
            emit(f"scale.export_conll_{label}_rss_mb", max(r for _, r in mine), "MB")
            emit(f"scale.export_conll_one_process_{label}_s", t_alone, "s")
            emit(f"scale.export_conll_one_process_{label}_rss_mb", max(r for _, r in alone), "MB")
            emit(f"scale.export_spacy_{label}_s", t_spacy, "s")
            emit(f"scale.export_spacy_{label}_rss_mb", max(r for _, r in theirs), "MB")
            emit(f"scale.export_vs_spacy_{label}_ratio", t_spacy / t_ours, "x")
            emit(f"scale.export_one_process_vs_spacy_{label}_ratio", t_spacy / t_alone, "x")
            ours[size] = t_ours
            if size >= 100_000:  # two sizes in the full run, for the growth exponent
                agree(db, label, docs, cli)
            for path in folder.iterdir():
                path.unlink()
        small, big = sizes[-2], sizes[-1]
        emit("scale.export_conll_exponent",
             math.log(ours[big] / ours[small]) / math.log(big / small), "")


def agree(db: Path, label: str, docs: list[ImportedDocument], cli: list[str]) -> None:
    """``annotator agree`` of the corpus's annotator and a second reading of it."""
    ws = Workspace.open(str(db), "other")
    # the name of the first annotator read once, outside the import's transaction: inside it,
    # Repository.annotator_name asks the database again for every stored span it compares
    # with (reported; 150 s at 1M spans instead of 15)
    ws.repo.annotator_name(ws.repo.annotator_id("bench", create=False))
    store(ws, second_reading(docs))
    ws.close()
    seconds, rss = run([*cli, "--db", str(db), "agree", "--annotators", "bench,other"])
    emit(f"scale.agree_{label}_s", seconds, "s")
    emit(f"scale.agree_{label}_rss_mb", rss, "MB")


if __name__ == "__main__":
    main()
