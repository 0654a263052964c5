"""The gazetteer engine: the annotator's own spans, found again wherever their words recur.

An entry is a span's words, normalised (``units.normal_form``: no diacritics, tatweel or bidi
marks, hamza and ta marbuta folded). It is found where a word starts or right after a proclitic,
so a name tagged as لوكاشينكو is suggested as the stem of للوكاشينكو. A span that took its
proclitic (AQMAR tags بدمشق whole) also teaches its stem (دمشق), found only after a proclitic;
whether a suggestion then takes the proclitic follows what the annotator did after that letter.

The score of an entry is how often its words were tagged with its label where they occurred in
the training text, rejections counting as occurrences left untagged: a word tagged once in ten
occurrences is a weak suggestion, and a rejected one sinks.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from annotator.core.suggest.units import Labelled, Unit, sentence_units

Key = tuple[str, ...]  # the normalised words, a word being the units of one token joined
Match = tuple[int, int, str, float, int, int]  # start, end, label, score, first, last unit
MAX_WORDS = 8  # longer spans are phrases, not names: not worth a dictionary entry
WORD, STEM = "word", "stem"  # an entry found at a word's start; one found after a proclitic


@dataclass
class TrainingDocument:
    """A document's text and the spans to learn from (``rejected``: suggestions refused)."""

    text: str
    spans: list[Labelled]
    rejected: list[Labelled] = field(default_factory=list)
    units: list[list[Unit]] | None = None  # computed once, shared by both engines

    def sentence_units(self) -> list[list[Unit]]:
        if self.units is None:
            self.units = sentence_units(self.text)
        return self.units


def _counters() -> defaultdict[Key, Counter[str]]:
    return defaultdict(Counter)


@dataclass
class Gazetteer:
    """Entries (words -> label counts, for each kind), occurrences and proclitic habits."""

    words: defaultdict[Key, Counter[str]] = field(default_factory=_counters)
    stems: defaultdict[Key, Counter[str]] = field(default_factory=_counters)
    seen: Counter[tuple[str, Key]] = field(default_factory=Counter)
    # per proclitic: spans that took it, spans that began right after it
    clitic_kept: Counter[str] = field(default_factory=Counter)
    clitic_left: Counter[str] = field(default_factory=Counter)

    @classmethod
    def build(cls, docs: Iterable[TrainingDocument]) -> Gazetteer:
        gaz = cls()
        docs = list(docs)
        took: list[tuple[str, Key]] = []
        for doc in docs:
            took += gaz.add_spans(doc)
        # a span that starts with a proclitic-shaped letter shows the annotator keeping the
        # proclitic only when its stem is a name of its own elsewhere (بدمشق beside دمشق);
        # لوكاشينكو, read as ل+وكاشينكو, shows nothing
        for clitic, stem in took:
            if stem in gaz.words:
                gaz.clitic_kept[clitic] += 1
        for doc in docs:
            gaz.count_occurrences(doc)
        return gaz

    def add_spans(self, doc: TrainingDocument) -> list[tuple[str, Key]]:
        """Learn the document's spans; returns (proclitic, stem) of those that start with a
        proclitic-shaped letter, for :meth:`build` to judge."""
        took: list[tuple[str, Key]] = []
        for units in doc.sentence_units():
            by_start = {u.start: i for i, u in enumerate(units)}
            by_end = {u.end: i for i, u in enumerate(units)}
            for start, end, label in doc.spans:
                first, last = by_start.get(start), by_end.get(end)
                if first is None or last is None or last < first:
                    continue
                key = words_of(units[first : last + 1])
                if not 0 < len(key) <= MAX_WORDS:
                    continue
                self.words[key][label] += 1
                if first > 0 and units[first - 1].clitic:
                    self.clitic_left[units[first - 1].norm] += 1
                stem = first
                while stem < last and units[stem].clitic:
                    stem += 1
                    stem_key = words_of(units[stem : last + 1])
                    self.stems[stem_key][label] += 1
                    took.append((units[stem - 1].norm, stem_key))
            for start, end, _label in doc.rejected:
                first, last = by_start.get(start), by_end.get(end)
                if first is not None and last is not None and first <= last:
                    kind = STEM if first > 0 and units[first - 1].clitic else WORD
                    # an occurrence nobody tagged: the entry's score sinks
                    self.seen[kind, words_of(units[first : last + 1])] += 1
        return took

    def count_occurrences(self, doc: TrainingDocument) -> None:
        for units in doc.sentence_units():
            for first, last, kind in self._matches(units):
                self.seen[kind, words_of(units[first : last + 1])] += 1

    def _matches(self, units: Sequence[Unit]) -> list[tuple[int, int, str]]:
        """Entries found left to right, never overlapping, the longest at each start; a match
        starts at a word or right after a proclitic, and ends where a word ends."""
        prefixes = self._prefixes()
        out: list[tuple[int, int, str]] = []
        i = 0
        while i < len(units):
            after_clitic = i > 0 and units[i - 1].clitic
            found: tuple[int, str] | None = None
            words: list[str] = []
            pending = ""
            for j in range(i, len(units)):
                if units[j].clitic:
                    pending += units[j].norm
                    continue
                words.append(pending + units[j].norm)
                pending = ""
                key = tuple(words)
                if key not in prefixes:  # no entry goes on like this: stop looking
                    break
                if key in self.words:
                    found = (j, WORD)
                elif after_clitic and key in self.stems:
                    found = (j, STEM)
            if found is not None:
                out.append((i, found[0], found[1]))
                i = found[0] + 1
            else:
                i += 1
        return out

    def _prefixes(self) -> set[Key]:
        """Every beginning of an entry (entries included), built again when entries change."""
        size = len(self.words) + len(self.stems)
        if getattr(self, "_prefix_size", -1) != size:
            self._prefix_set = {
                key[:n] for entries in (self.words, self.stems) for key in entries
                for n in range(1, len(key) + 1)
            }
            self._prefix_size = size
        return self._prefix_set

    def score(self, key: Key, kind: str = WORD) -> tuple[str, float]:
        """The entry's label and how often its words were tagged so where they occurred."""
        label, n = (self.words if kind == WORD else self.stems)[key].most_common(1)[0]
        return label, min(1.0, n / max(1, self.seen[kind, key]))

    def keeps_clitic(self, clitic: str) -> bool:
        return self.clitic_kept[clitic] > self.clitic_left[clitic]

    def suggest(self, units: Sequence[Unit]) -> list[Match]:
        """(start, end, label, score, first unit, last unit) for each entry found."""
        out = []
        for first, last, kind in self._matches(units):
            label, score = self.score(words_of(units[first : last + 1]), kind)
            while first > 0 and units[first - 1].clitic and self.keeps_clitic(
                units[first - 1].norm
            ):
                first -= 1
            out.append((units[first].start, units[last].end, label, score, first, last))
        return out

    def __len__(self) -> int:
        return len(self.words)


def words_of(units: Sequence[Unit]) -> Key:
    """The normalised words of consecutive units: a proclitic joins the word it is cut from."""
    out: list[str] = []
    pending = ""
    for u in units:
        if u.clitic:
            pending += u.norm
        else:
            out.append(pending + u.norm)
            pending = ""
    return tuple(out)
