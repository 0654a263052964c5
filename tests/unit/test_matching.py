"""The one matching rule of Find and Annotate all: whole words, clitic-aware, folding."""

from __future__ import annotations

from annotator.core.matching import MatchOptions, find_matches, occurrence
from annotator.core.text import SearchOptions

ANYWHERE = MatchOptions(whole_word=False)


def hits(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[s:e] for s, e in spans]


def test_whole_word_takes_the_stem_behind_a_proclitic_but_not_a_longer_word() -> None:
    text = "روسيا وروسيا لروسيا بيلاروسيا فبروسيا روسياها"
    found = find_matches(text, "روسيا")
    assert hits(text, found) == ["روسيا"] * 4
    starts = [s for s, _e in found]
    # the bare word, و+روسيا, ل+روسيا, ف+ب+روسيا: the hit is the stem, never the clitic
    assert starts == [0, 7, 14, 32]
    assert text[starts[1] - 1] == "و" and text[starts[2] - 1] == "ل"
    # anywhere: inside بيلاروسيا and before the suffix too
    assert len(find_matches(text, "روسيا", ANYWHERE)) == 6


def test_diacritics_tatweel_and_hamza_fold_on_both_sides_of_the_clitic() -> None:
    text = "وَروسيا ورُوسـيا لأوكرانيا"
    assert hits(text, find_matches(text, "روسيا")) == ["روسيا", "رُوسـيا"]
    # the hit starts after the conjunction and its fatha
    assert find_matches(text, "روسيا")[0] == (2, 7)
    assert hits(text, find_matches(text, "اوكرانيا")) == ["أوكرانيا"]
    strict = MatchOptions(SearchOptions(diacritics=False, tatweel=False, hamza=False))
    assert find_matches(text, "روسيا", strict) == [(2, 7)]


def test_bidi_marks_latin_digits_and_emoji_around_words() -> None:
    text = "\u200fروسيا\u200f و NATO ٢٠٢٤ 🇷🇺روسيا NATOs روسيا٢"
    assert hits(text, find_matches(text, "روسيا")) == ["روسيا", "روسيا"]
    assert find_matches(text, "روسيا")[0] == (1, 6)  # the marks stay outside
    assert hits(text, find_matches(text, "NATO")) == ["NATO"]
    assert hits(text, find_matches(text, "٢٠٢٤")) == ["٢٠٢٤"]
    assert find_matches(text, "٢٠٢") == []  # part of a number is not a whole word
    assert find_matches(text, "\u200f ") == []  # separators alone match nothing


def test_multi_word_needles_must_end_on_a_word_end() -> None:
    text = "منظمة الصحة العالمية ولمنظمة الصحة العالميةِ منظمة الصحة العالميين"
    found = find_matches(text, "منظمة الصحة العالمية")
    assert hits(text, found) == ["منظمة الصحة العالمية", "منظمة الصحة العالميةِ"]


def test_a_rejected_hit_does_not_hide_an_overlapping_whole_word() -> None:
    # "وو" then "وروسيا": the first candidate for وروسيا sits inside a word and is refused
    text = "ووروسيا وروسيا"
    assert hits(text, find_matches(text, "وروسيا")) == ["وروسيا", "وروسيا"]
    assert find_matches(text, "وروسيا")[0] == (1, 7)  # و + وروسيا, a proclitic reading


def test_occurrence_gives_context_within_the_line() -> None:
    text = "سطر أول\nزار بوتين موسكو اليوم 🙂\nسطر ثالث"
    start = text.index("موسكو")
    hit = occurrence(text, start, start + 5, width=6)
    assert (hit.line, hit.before, hit.hit, hit.after) == (2, "بوتين ", "موسكو", " اليوم")
    cut = occurrence(text, start, start + 5, width=8)  # no half word at the edges
    assert (cut.before, cut.after) == ("بوتين ", " اليوم 🙂")  # "ر" of زار dropped
    wide = occurrence(text, start, start + 5, width=100)
    assert wide.before == "زار بوتين " and wide.after == " اليوم 🙂"


def test_whole_words_behind_two_proclitic_readings() -> None:
    # moved from test_text.py when the rule left find_all
    text = "التقى بوتين ولوكاشينكو للوكاشينكو في موسكو وموسكوفيين"
    assert hits(text, find_matches(text, "لوكاشينكو")) == ["لوكاشينكو", "لوكاشينكو"]
    assert find_matches(text, "موسكو") == [(37, 42)]
    assert len(find_matches(text, "موسكو", ANYWHERE)) == 2
    assert find_matches("ابابا ابا", "ابا") == [(6, 9)]
