"""Tokens, sentences, proclitics and search normalisation (annotator.core.text)."""

from __future__ import annotations

from itertools import pairwise

import pytest
from helpers.paths import SEEDS, SHARED
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.matching import MatchOptions, find_matches
from annotator.core.text import (
    ARABIC_MARKS,
    BIDI_MARKS,
    TATWEEL,
    SearchOptions,
    find_all,
    is_arabic_letter,
    is_separator,
    normalize,
    proclitic_candidates,
    proclitic_length,
    sentence_tokens,
    sentences,
    snap_to_tokens,
    token_arrays,
    token_at,
    token_texts,
    tokenize,
)


def texts(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[s:e] for s, e in spans]


# --- tokenizer examples ---------------------------------------------------------------------


def test_marks_stay_inside_the_word() -> None:
    # \w+ splits this word after the tanwin fatha; it must stay one token.
    assert token_texts("ووفقًا") == ["ووفقًا"]
    assert token_texts("مُحَمَّدٌ رَسُولُ") == ["مُحَمَّدٌ", "رَسُولُ"]
    assert token_texts("هٰذا") == ["هٰذا"]  # superscript alef U+0670


def test_tatweel_stays_inside_the_word() -> None:
    assert token_texts("كـتاب") == ["كـتاب"]
    assert token_texts("بـ 50") == ["بـ", "50"]


@pytest.mark.parametrize("word", ["للوكاشينكو", "وبوتين", "بموسكو"])
def test_cliticised_words_are_one_token(word: str) -> None:
    assert token_texts(word) == [word]


def test_arabic_punctuation_is_separate() -> None:
    assert token_texts("القاهرة،") == ["القاهرة", "،"]
    assert token_texts("«نعم» “لا” ماذا؟ أولا؛ ثانيا ٥٠٪") == [
        "«", "نعم", "»", "“", "لا", "”", "ماذا", "؟", "أولا", "؛", "ثانيا", "٥٠", "٪",
    ]  # fmt: skip


def test_latin_punctuation_is_separate() -> None:
    assert token_texts('(a),b;c:"d"!') == list('(a),b;c:"d"!')
    assert token_texts("snake_case") == ["snake", "_", "case"]
    assert token_texts("don't") == ["don", "'", "t"]


def test_runs_of_the_same_terminal_punctuation_are_one_token() -> None:
    text = "انتظر... ماذا؟؟ لا!! --"
    assert token_texts(text) == ["انتظر", "...", "ماذا", "؟؟", "لا", "!!", "--"]
    assert token_texts("حقا?!") == ["حقا", "?", "!"]
    assert token_texts("،،") == ["،", "،"]


@pytest.mark.parametrize("number", ["3.5", "٣٠", "٣٫٥", "1,000", "1,000,000.25", "۱۲۳", "٢٠٢٣"])
def test_numbers_keep_inner_separators(number: str) -> None:
    assert token_texts(f"نحو {number} مليون") == ["نحو", number, "مليون"]


def test_separator_after_a_number_is_punctuation() -> None:
    assert token_texts("عام 2020. وقال") == ["عام", "2020", ".", "وقال"]
    assert token_texts("1, 2") == ["1", ",", "2"]
    assert token_texts("٣٠،") == ["٣٠", "،"]


def test_latin_words_and_languages() -> None:
    assert token_texts("شركة Google تستخدم C++ و C# وF#.") == [
        "شركة", "Google", "تستخدم", "C++", "و", "C#", "وF", "#", ".",
    ]  # fmt: skip
    assert token_texts("issue#5") == ["issue", "#", "5"]


def test_bidi_marks_are_never_in_a_token() -> None:
    text = "\u200fكلمة"
    assert tokenize(text) == [(1, 5)]
    text = "\u2067أوكرانيا\u2069 \u200eUSA\u200e\u061c"
    assert token_texts(text) == ["أوكرانيا", "USA"]
    assert tokenize("كلمة\u200fأخرى") == [(0, 4), (5, 9)]


def test_emoji_before_a_word() -> None:
    text = "😀كلمة"
    assert tokenize(text) == [(0, 1), (1, 5)]
    assert token_texts("👍🏽 👨\u200d👩\u200d👧 🇪🇬 ❤️") == ["👍🏽", "👨\u200d👩\u200d👧", "🇪🇬", "❤️"]
    assert token_texts("$5 © €") == ["$", "5", "©", "€"]


def test_joiners_inside_a_word_stay() -> None:
    assert token_texts("می\u200cخواهم") == ["می\u200cخواهم"]
    assert token_texts("كلمة\u200d") == ["كلمة"]
    assert is_separator("\u200c")


def test_presentation_forms_are_arabic_letters() -> None:
    assert is_arabic_letter("\ufe8d")
    assert is_arabic_letter("\ufdf2")
    assert is_arabic_letter("ب")
    assert not is_arabic_letter(TATWEEL)
    assert not is_arabic_letter("\u064e")
    assert not is_arabic_letter("٣")
    assert not is_arabic_letter("a")
    assert not is_arabic_letter("\ufeff")
    assert token_texts("\ufe8d\ufedf\ufee0\ufeea") == ["\ufe8d\ufedf\ufee0\ufeea"]


def test_constants() -> None:
    assert "\u064b" in ARABIC_MARKS and "\u0670" in ARABIC_MARKS and "\u06ed" in ARABIC_MARKS
    assert TATWEEL not in ARABIC_MARKS
    assert {"\u200e", "\u200f", "\u061c", "\u202b", "\u2068"} <= BIDI_MARKS
    assert "\u200c" not in BIDI_MARKS


def test_empty_and_blank_text() -> None:
    assert tokenize("") == []
    assert tokenize(" \n\t\u200f") == []
    assert sentences("") == []
    assert sentences("  \n ") == []


# --- token lookup and snapping --------------------------------------------------------------


def test_token_at() -> None:
    tokens = tokenize("في موسكو ،")
    assert token_at(tokens, 0) == 0
    assert token_at(tokens, 2) is None
    assert token_at(tokens, 7) == 1
    assert token_at(tokens, 9) == 2
    assert token_at(tokens, 10) is None
    assert token_at([], 0) is None


def test_snap_to_tokens() -> None:
    text = "قال بوتين في موسكو"
    assert snap_to_tokens(text, 5, 7) == (4, 9)
    assert snap_to_tokens(text, 3, 10) == (4, 9)  # whitespace at the ends trimmed
    assert snap_to_tokens(text, 9, 10) == (9, 9)  # whitespace only: empty
    assert snap_to_tokens(text, 2, 6) == (0, 9)
    assert snap_to_tokens(text, 6, 2) == (0, 9)
    assert snap_to_tokens(text, -5, 100) == (0, len(text))
    assert snap_to_tokens("\u200fكلمة\u200f", 0, 6) == (1, 5)


# --- sentences ------------------------------------------------------------------------------


def test_sentences_split_at_terminals_and_line_ends() -> None:
    text = "قال: «انتهى.» ثم ذهب! وماذا؟ لا شيء...\nسطر ثان 3.5 هنا.  "
    assert texts(text, sentences(text)) == [
        "قال: «انتهى.»", "ثم ذهب!", "وماذا؟", "لا شيء...", "سطر ثان 3.5 هنا.",
    ]  # fmt: skip


def test_sentences_do_not_split_inside_words_or_numbers() -> None:
    text = "بلغ 3.5 مليون.كما قال"
    assert texts(text, sentences(text)) == [text]


def test_every_line_end_splits() -> None:
    text = "  عنوان\n\nفقرة أولى\nفقرة ثانية"
    assert texts(text, sentences(text)) == ["عنوان", "فقرة أولى", "فقرة ثانية"]


def test_long_sentences_are_cut_at_a_token_boundary() -> None:
    text = "كلمة " * 1000
    spans = sentences(text, max_chars=100)
    assert all(e - s <= 100 for s, e in spans)
    assert texts(text, spans)[0] == ("كلمة " * 20).strip()
    # A cut prefers a separator: the opening quote stays with its word.
    text = "قال: «انتهى.»"
    assert texts(text, sentences(text, max_chars=10)) == ["قال:", "«انتهى.»"]
    with pytest.raises(ValueError, match=r"^max_chars must be positive, got 0$"):
        sentences(text, max_chars=0)


def test_a_token_longer_than_max_chars_is_a_sentence_of_its_own() -> None:
    text = "أ " + "ب" * 50 + " ج"
    assert texts(text, sentences(text, max_chars=10)) == ["أ", "ب" * 50, "ج"]


def test_sentence_tokens_group_tokens() -> None:
    text = "أولا. ثانيا ثالثا"
    assert [texts(text, group) for group in sentence_tokens(text)] == [
        ["أولا", "."],
        ["ثانيا", "ثالثا"],
    ]


# --- proclitics -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("token", "candidates", "length"),
    [
        ("وبالمدينة", [1, 2, 4], 1),
        ("للوكاشينكو", [1, 2], 1),
        ("وبوتين", [1, 2], 1),
        ("بموسكو", [1], 1),
        ("والقاهرة", [1, 3], 1),
        ("بالمدينة", [1, 3], 1),
        ("وللرئيس", [1, 2, 3], 1),
        ("فكالأسد", [1, 2, 4], 1),
        ("القاهرة", [], 0),  # a bare article belongs to the word
        ("بل", [], 0),
        ("ول", [], 0),
        ("وبه", [1], 1),
        ("موسكو", [], 0),
        ("Google", [], 0),
        ("", [], 0),
        ("بـ2020", [2], 2),  # tatweel after the clitic belongs to it
        ("وَبِالْمَدِينَةِ", [2, 4, 7], 2),  # marks on a clitic letter belong to it
    ],
)
def test_proclitics(token: str, candidates: list[int], length: int) -> None:
    assert proclitic_candidates(token) == candidates
    assert proclitic_length(token) == length


def test_proclitic_examples_from_the_design() -> None:
    for token, stem in [("للوكاشينكو", "لوكاشينكو"), ("وبوتين", "بوتين"), ("بموسكو", "موسكو")]:
        assert token[proclitic_length(token) :] == stem


# --- normalisation and search ---------------------------------------------------------------


def test_normalize_maps_back() -> None:
    text = "أُوكْرانيا\u200f"
    norm, origin = normalize(text)
    assert norm == "اوكرانيا"
    assert origin == [0, 2, 3, 5, 6, 7, 8, 9, 11]


def test_normalize_options() -> None:
    assert normalize("مدرسة")[0] == "مدرسة"
    assert normalize("مدرسة", SearchOptions(ta_marbuta=True))[0] == "مدرسه"
    assert normalize("إلى مُوسى", SearchOptions(hamza=False))[0] == "إلى موسى"
    assert normalize("إلى آسيا")[0] == "الي اسيا"
    assert normalize("مؤتمر")[0] == "مؤتمر"
    assert normalize("مَـدْ", SearchOptions(diacritics=False))[0] == "مَدْ"
    assert normalize("مَـدْ", SearchOptions(tatweel=False))[0] == "مـد"
    assert normalize("\u200fا", SearchOptions(bidi_marks=False))[0] == "\u200fا"
    everything_off = SearchOptions(False, False, False, False, False)
    assert normalize("أَـ\u200f", everything_off) == ("أَـ\u200f", [0, 1, 2, 3, 4])


def test_search_finds_hamza_forms_with_the_original_span() -> None:
    text = "زار الرئيس أوكرانيا وإِيران"
    assert find_all(text, "اوكرانيا") == [(11, 19)]
    assert text[11:19] == "أوكرانيا"
    assert find_all(text, "ايران") == [(21, 27)]


def test_search_ignores_diacritics_and_covers_trailing_marks() -> None:
    text = "قال مُحَمَّدٌ إن محمدا"
    assert texts(text, find_all(text, "محمد")) == ["مُحَمَّدٌ", "محمد"]
    assert texts(text, find_all(text, "مُحمّد")) == ["مُحَمَّدٌ", "محمد"]
    assert find_all(text, "محمد", SearchOptions(diacritics=False)) == [(17, 21)]


def test_search_ta_marbuta_option() -> None:
    text = "المدرسه والمدرسة"
    assert texts(text, find_all(text, "مدرسة")) == ["مدرسة"]
    assert texts(text, find_all(text, "مدرسة", SearchOptions(ta_marbuta=True))) == [
        "مدرسه",
        "مدرسة",
    ]


def test_search_ignores_tatweel_and_bidi_marks() -> None:
    text = "كـتاب \u200fكتاب\u200f"
    assert texts(text, find_all(text, "كتاب")) == ["كـتاب", "كتاب"]


def test_search_is_non_overlapping() -> None:
    assert find_all("ااااا", "اا") == [(0, 2), (2, 4)]
    assert find_all("abc", "") == []
    assert find_all("abc", "\u064e") == []  # normalises to nothing


# --- properties -----------------------------------------------------------------------------

INTERESTING = (
    list("ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإؤئىةٱ")
    + sorted(ARABIC_MARKS)[:12]
    + [TATWEEL, "\u0670"]
    + sorted(BIDI_MARKS)
    + list("\u200c\u200d\u200b\ufeff\u00ad")
    + list(" \n\t\u00a0\u2029")
    + list(".،؛؟!…«»“”٪,:+#_-'\"()")
    + list("05٠٣٫٬۵aCz")
    + ["😀", "\U0001f1ea", "\U0001f1ec", "\ufe0f", "\U0001f3fd", "\ufe8d", "\u0301"]
)
text_strategy = st.text(alphabet=st.sampled_from(INTERESTING) | st.characters(), max_size=120)


@given(text_strategy)
def test_tokens_are_sorted_non_empty_and_cover_the_text(text: str) -> None:
    tokens = tokenize(text)
    covered = [False] * len(text)
    previous_end = 0
    for start, end in tokens:
        assert previous_end <= start < end <= len(text)
        piece = text[start:end]
        assert not any(ch.isspace() for ch in piece)
        assert not any(ch in BIDI_MARKS for ch in piece)
        for i in range(start, end):
            covered[i] = True
        previous_end = end
    for i, ch in enumerate(text):
        if not covered[i]:
            assert is_separator(ch), f"{ch!r} at {i} is in no token"
        elif ch.isspace():
            raise AssertionError(f"whitespace {ch!r} at {i} is in a token")
    assert token_texts(text) == texts(text, tokens)


@given(text_strategy, text_strategy)
def test_tokenizing_is_local(left: str, right: str) -> None:
    shift = len(left) + 1
    expected = tokenize(left) + [(s + shift, e + shift) for s, e in tokenize(right)]
    assert tokenize(left + " " + right) == expected


@given(text_strategy)
def test_underscore_fast_path_agrees(text: str) -> None:
    # Text with "_" takes a slower pattern; the two must agree wherever "_" is absent.
    text = text.replace("_", "")
    assert tokenize(text + " _") == [*tokenize(text), (len(text) + 1, len(text) + 2)]


@given(text_strategy, st.integers(1, 40))
def test_sentences_never_cut_a_token(text: str, max_chars: int) -> None:
    tokens = tokenize(text)
    groups = sentence_tokens(text, max_chars)
    spans = sentences(text, max_chars)
    assert [token for group in groups for token in group] == tokens
    assert all(groups)
    assert spans == [(group[0][0], group[-1][1]) for group in groups]
    for (_, end), (start, _) in pairwise(spans):
        assert end <= start
    if all(e - s <= max_chars for s, e in tokens):
        assert all(e - s <= max_chars for s, e in spans)
    for s, e in spans:
        assert not text[s].isspace() and not text[e - 1].isspace()


@given(text_strategy, st.data())
def test_snap_to_tokens_lands_on_token_edges(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    tokens = tokenize(text)
    snapped = snap_to_tokens(text, start, end, tokens)
    assert snap_to_tokens(text, start, end) == snapped
    s, e = snapped
    if s == e:
        assert all(is_separator(ch) for ch in text[start:end])
        return
    assert s in {t[0] for t in tokens}
    assert e in {t[1] for t in tokens}
    inner = [i for i in range(start, end) if not is_separator(text[i])]
    assert s <= inner[0] and inner[-1] < e


@given(text_strategy)
def test_normalize_origin_is_monotonic(text: str) -> None:
    for options in (SearchOptions(), SearchOptions(ta_marbuta=True), SearchOptions(hamza=False)):
        norm, origin = normalize(text, options)
        assert len(origin) == len(norm) + 1
        assert origin[-1] == len(text)
        assert all(a < b for a, b in pairwise(origin))
        for i, ch in enumerate(norm):
            assert normalize(text[origin[i]], options)[0] == ch


@given(text_strategy, st.data(), st.booleans(), st.booleans())
@settings(max_examples=200)
def test_find_all_matches_map_back_to_the_needle(
    text: str, data: st.DataObject, ta_marbuta: bool, whole_tokens: bool
) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    needle = text[start:end]
    options = SearchOptions(ta_marbuta=ta_marbuta)
    wanted = normalize(needle, options)[0]
    matches = (
        find_matches(text, needle, MatchOptions(options, whole_word=True))
        if whole_tokens
        else find_all(text, needle, options)
    )
    for (_, e), (s, _) in pairwise(matches):
        assert e <= s
    for s, e in matches:
        assert normalize(text[s:e], options)[0] == wanted
    if wanted and not whole_tokens:
        assert matches


@given(st.text(alphabet=st.sampled_from(INTERESTING), max_size=12))
def test_proclitic_candidates_leave_a_stem(token: str) -> None:
    candidates = proclitic_candidates(token)
    assert candidates == sorted(set(candidates))
    for offset in candidates:
        assert 0 < offset < len(token)
        assert sum(ch.isalnum() and ch != TATWEEL for ch in token[offset:]) >= 2
    assert proclitic_length(token) == (candidates[0] if candidates else 0)


# --- real text ------------------------------------------------------------------------------


def seed_texts() -> list[tuple[str, str]]:
    return [(p.name, p.read_text(encoding="utf-8-sig")) for p in SEEDS]


def test_seed_texts_tokenize_cleanly() -> None:
    seeds = seed_texts()
    assert len(seeds) == 2, f"the seed texts are missing from {SHARED / 'seeds'}"
    for name, text in seeds:
        tokens = tokenize(text)
        assert tokens, name
        previous_end = 0
        for start, end in tokens:
            assert previous_end <= start < end
            assert all(is_separator(ch) for ch in text[previous_end:start]), name
            previous_end = end
        assert all(is_separator(ch) for ch in text[previous_end:]), name
        words = token_texts(text)
        # No mark or tatweel ever starts a token: \w-splitting would leave them stranded.
        assert not any(w[0] in ARABIC_MARKS or w[0] == TATWEEL for w in words), name
        spans = sentences(text, max_chars=300)
        assert all(e - s <= 300 for s, e in spans)
        assert [t for group in sentence_tokens(text, 300) for t in group] == tokens
        assert len(spans) >= sum(1 for line in text.split("\n") if tokenize(line))
    # the news article: these words come out whole (tanwin kept, no clitic split off)
    [article] = [text for name, text in seeds if name.startswith("000_")]
    assert {"ووفقًا", "لوكاشينكو", "بيلاروسيا", "موسكو"} <= set(token_texts(article))


# the characters the tokenizer treats each its own way: letters, digits and their inner
# separators, marks, tatweel, joiners, bidi marks, spaces and line breaks, sentence ends,
# repeated punctuation, C++, emoji with modifiers, flags, "_"
_AWKWARD = (
    "بمحمدال ٣٫5,١ab C+#\u064e\u0640\u200c\u200d\u00ad\u2060\u200f\u061c\n\r\u2028 \t"
    ".!?؟…-_«»\"()\U0001f44d\U0001f3fd\ufe0f\u20e3\U0001f1f8\U0001f1e6\x00\ufeff"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_AWKWARD, max_size=80), st.integers(min_value=1, max_value=12))
def test_token_arrays_are_the_tokens_and_sentences(text: str, max_chars: int) -> None:
    # the export's tokenizer (one regex split) against finditer's tokens and the sentences
    words, starts, ends, firsts = token_arrays(text, max_chars)
    assert list(zip(starts, ends, strict=True)) == tokenize(text)
    assert words == token_texts(text)
    bounds = [*firsts, len(starts)]
    assert [(starts[a], ends[b - 1]) for a, b in pairwise(bounds)] == sentences(text, max_chars)
