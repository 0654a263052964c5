"""How the automatic proclitic rule fares on every entity of AQMAR (issue 9, defect 3).

For each gold entity, the rule is asked what it would do with the entity's first token, the
article's text being what vouches for stems (as in the window: the open document). AQMAR keeps
ب and ل attached to the word (بدمشق is tagged LOC whole) and splits و off, so its gold span is
the token: "agrees" means the rule leaves the span as AQMAR drew it. A cut is then checked
against AQMAR itself: does the stem it leaves start an entity elsewhere in the corpus (بدمشق ->
دمشق, tagged LOC on its own)? Prints JSON lines like the benchmarks.

    python benchmarks/proclitic_rule.py ../shared/data/aqmar
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from annotator.core.clitics import attested_proclitic_length, occurs_as_word
from annotator.core.text import proclitic_length

Sentence = list[tuple[str, str]]


def read_sentences(path: Path) -> list[Sentence]:
    """AQMAR's ``token TAG`` lines, blank lines between sentences."""
    sentences: list[Sentence] = []
    current: Sentence = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) < 2:
            if current:
                sentences.append(current)
            current = []
            continue
        current.append((parts[0], parts[-1]))
    if current:
        sentences.append(current)
    return sentences


def entities(sentences: list[Sentence]) -> list[list[str]]:
    """The tokens of each entity: a B- or a stray I- starts one, I- continues it."""
    out: list[list[str]] = []
    for sentence in sentences:
        i = 0
        while i < len(sentence):
            if sentence[i][1][:2] in ("B-", "I-"):
                j = i + 1
                while j < len(sentence) and sentence[j][1].startswith("I-"):
                    j += 1
                out.append([token for token, _ in sentence[i:j]])
                i = j
            else:
                i += 1
    return out


def measure(folder: Path) -> dict[str, float]:
    articles = {path: read_sentences(path) for path in sorted(folder.glob("*.txt"))}
    if not articles:
        raise SystemExit(f"no AQMAR articles under {folder}")
    starts = {ents[0] for sents in articles.values() for ents in entities(sents)}
    total = old_agree = new_agree = new_cuts = new_confirmed = old_cuts = old_confirmed = 0
    for sentences in articles.values():
        text = "\n".join(" ".join(token for token, _ in s) for s in sentences)
        found = entities(sentences)
        tagged = {" ".join(tokens) for tokens in found}

        def attested(word: str, text: str = text, tagged: set[str] = tagged) -> bool:
            return occurs_as_word(text, word) or word in tagged

        for tokens in found:
            first = tokens[0]
            total += 1
            old = proclitic_length(first)
            new = attested_proclitic_length(first, attested)
            old_agree += old == 0
            new_agree += new == 0
            old_cuts += old > 0
            old_confirmed += old > 0 and first[old:] in starts
            new_cuts += new > 0
            new_confirmed += new > 0 and first[new:] in starts
    return {
        "aqmar_entities": total,
        "attested_rule_agrees_pct": round(100 * new_agree / total, 1),
        "orthographic_rule_agrees_pct": round(100 * old_agree / total, 1),
        "attested_rule_cuts": new_cuts,
        "attested_cuts_confirmed_pct": round(100 * new_confirmed / max(new_cuts, 1), 1),
        "orthographic_rule_cuts": old_cuts,
        "orthographic_cuts_confirmed_pct": round(100 * old_confirmed / max(old_cuts, 1), 1),
    }


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else (
        Path(__file__).resolve().parents[2] / "shared" / "data" / "aqmar")
    for name, value in measure(folder).items():
        unit = "%" if name.endswith("_pct") else "count"
        print(json.dumps({"name": name, "value": value, "unit": unit}), flush=True)


if __name__ == "__main__":
    main()
