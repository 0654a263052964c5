"""Echoes: a span's other occurrences in its document, by Find's whole-word rule, widened over
the proclitics the annotator's spans take."""

from __future__ import annotations

from annotator.core.suggest.echo import echoes

# diacritics and tatweel on one occurrence, a bidi mark before another, proclitics, a Latin
# run, Arabic-Indic digits, an emoji; بوتينات is another word and بيلاروسيا holds روسيا
TEXT = (
    "😀 التقى بوتين مع Reuters في ١٢ مايو ، ثم قال بُوتِـين إن روسيا ستبقى .\n"
    "وبوتين يعرف ذلك ، وكتب \u200fبوتين لبوتين عن بوتينات بيلاروسيا ."
)


def at(word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return start, start + len(word)


def covered(found: list[tuple[int, int]]) -> list[str]:
    return [TEXT[a:b] for a, b in found]


def test_other_occurrences_whole_word_folded_clitic_aware() -> None:
    start, end = at("بوتين")
    found = echoes(TEXT, start, end)
    assert (start, end) not in found  # never the span itself
    # diacritics and tatweel folded; the stem after و and after ل; after a bidi mark
    assert covered(found) == ["بُوتِـين", "بوتين", "بوتين", "بوتين"]
    assert at("وبوتين")[0] + 1 == found[1][0]
    assert at("لبوتين")[0] + 1 == found[3][0]
    assert not any(a <= at("بوتينات")[0] < b for a, b in found)  # another word


def test_a_name_inside_a_longer_word_is_not_echoed() -> None:
    start, end = at("روسيا")
    assert echoes(TEXT, start, end) == []  # بيلاروسيا is one word, not ب + يلاروسيا


def test_the_annotators_proclitic_habit_widens_the_echo() -> None:
    start, end = at("بوتين")
    kept = echoes(TEXT, start, end, keeps_clitic=lambda clitic: clitic == "و")
    assert "وبوتين" in covered(kept)
    assert "لبوتين" not in covered(kept)  # ل is left out, as that annotator leaves it
    assert covered(echoes(TEXT, start, end, keeps_clitic=lambda clitic: False)) == covered(
        echoes(TEXT, start, end)
    )


def test_a_latin_name_and_digits() -> None:
    text = "قالت Reuters إن ١٢ شخصا ... وأكدت Reuters ذلك في ١٢ مايو"
    start = text.index("Reuters")
    assert [text[a:b] for a, b in echoes(text, start, start + 7)] == ["Reuters"]
    digits = text.index("١٢")
    assert echoes(text, digits, digits + 2) == [(text.rindex("١٢"), text.rindex("١٢") + 2)]


def test_a_limit_keeps_the_nearest_occurrences_in_order() -> None:
    text = " ".join(["بوتين"] * 9)
    middle = text.index("بوتين", 20)  # the fifth
    near = echoes(text, middle, middle + 5, limit=4)
    assert near == sorted(near) and len(near) == 4
    assert [text[a:b] for a, b in near] == ["بوتين"] * 4
    assert max(abs(a - middle) for a, _ in near) == 12  # the two each side


def test_a_very_large_document_is_searched_around_the_span(monkeypatch) -> None:
    from annotator.core.suggest import echo

    monkeypatch.setattr(echo, "ECHO_WINDOW", 40)
    lines = [f"سطر {n} قال بوتين شيئا" for n in range(12)]
    text = "\n".join(lines)
    middle = text.index("بوتين", text.index("سطر 6"))
    found = echoes(text, middle, middle + 5)
    assert 0 < len(found) < 11  # the lines near the span, not all eleven others
    assert all(abs(a - middle) < 40 + len(lines[0]) * 2 for a, _ in found)
