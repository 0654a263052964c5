"""The suggestion engines on small fixtures: deterministic, Arabic-aware, sub-token spans."""

from __future__ import annotations

import pytest

from annotator.core.suggest import engine
from annotator.core.suggest.gazetteer import Gazetteer, TrainingDocument
from annotator.core.suggest.model import CRF, GAZETTEER
from annotator.core.suggest.units import bio_tags, clitic_cuts, sentence_units

# names with diacritics and tatweel, a bidi mark, a Latin run, Arabic-Indic digits, an emoji
TRAIN = [
    "التقى لوكاشينكو مع بوتين في موسكو يوم ١٢ مايو .",
    "قال بوتين إن روسيا لن تتراجع 😀 .",
    "وصل لوكاشينكو إلى مينسك بعد زيارة موسكو .",
    "أعلنت شركة Gazprom أن بوتين وافق على الاتفاق .",
    "وقال لوكاشينكو إن بيلاروسيا مستعدة .",
]
NAMES = {"لوكاشينكو": "PER", "بوتين": "PER", "موسكو": "GPE", "روسيا": "GPE", "مينسك": "GPE",
         "بيلاروسيا": "GPE", "Gazprom": "ORG"}


def doc(text: str) -> TrainingDocument:
    spans = []
    for name, label in NAMES.items():
        start = text.find(name)
        while start >= 0:
            spans.append((start, start + len(name), label))
            start = text.find(name, start + 1)
    return TrainingDocument(text, spans)


def test_clitic_units_split_proclitics_but_keep_the_article() -> None:
    assert clitic_cuts("للوكاشينكو") == [1]
    assert clitic_cuts("والقاهرة") == [1]
    assert clitic_cuts("وبالمدينة") == [1, 2]
    assert clitic_cuts("القاهرة") == []
    units = sentence_units("زار للوكاشينكو")[0]
    assert [(u.text, u.clitic) for u in units] == [
        ("زار", False), ("ل", True), ("لوكاشينكو", False)
    ]


def test_bio_tags_count_spans_that_cannot_be_placed() -> None:
    units = sentence_units("زار بوتين موسكو")[0]  # ب + وتين: read as a proclitic too
    tags, missed = bio_tags(units, [(4, 9, "PER"), (11, 15, "GPE")])  # the second: mid-word
    assert tags == ["O", "B-PER", "I-PER", "O"]
    assert missed == 1


def test_gazetteer_suggests_the_stem_inside_a_proclitic_token() -> None:
    """A name seen as لوكاشينكو is suggested inside للوكاشينكو: the stem, not the token."""
    gaz = Gazetteer.build([doc(t) for t in TRAIN])
    text = "أرسل الرئيس رسالة للوكاشينكو"
    found = gaz.suggest(sentence_units(text)[0])
    assert [(text[s:e], label) for s, e, label, *_ in found] == [("لوكاشينكو", "PER")]


def test_gazetteer_matches_through_diacritics_tatweel_and_bidi_marks() -> None:
    gaz = Gazetteer.build([doc(t) for t in TRAIN])
    text = "زار بُوتِـين\u200f موسكو"
    found = gaz.suggest(sentence_units(text)[0])
    assert [(text[s:e], label) for s, e, label, *_ in found] == [
        ("بُوتِـين", "PER"), ("موسكو", "GPE")
    ]


def test_gazetteer_keeps_the_proclitic_where_the_annotator_did() -> None:
    """AQMAR's habit (بدمشق tagged whole) is learnt as such: the suggestion takes the ب."""
    text = "سافر إلى دمشق ثم عاد بدمشق"
    gaz = Gazetteer.build([TrainingDocument(text, [(9, 13, "LOC"), (21, 26, "LOC")])])
    other = "نزل بدمشق"
    found = gaz.suggest(sentence_units(other)[0])
    assert [(other[s:e], label) for s, e, label, *_ in found] == [("بدمشق", "LOC")]


def test_a_rejection_lowers_the_gazetteer_score() -> None:
    texts = ["قابل بوتين الصحفيين .", "بوتين هنا ."]
    plain = Gazetteer.build([doc(t) for t in texts])
    refused = [doc(t) for t in texts]
    refused[1].rejected.append((0, 5, "PER"))
    refused[1].spans.clear()
    after = Gazetteer.build(refused)
    assert plain.score(("بوتين",))[1] > after.score(("بوتين",))[1]


def test_crf_learns_and_is_deterministic() -> None:
    docs = [doc(t) for t in TRAIN * 3]
    first = engine.train(docs)
    second = engine.train([doc(t) for t in TRAIN * 3])
    assert first.model is not None and first.model == second.model
    text = "قال بوتين في مينسك ١٢ 😀 ."
    found = first.suggest(text)
    assert {(text[s.start:s.end], s.label) for s in found} >= {("بوتين", "PER")}
    assert {s.engine for s in found} <= {CRF, GAZETTEER}
    assert all(0.0 <= s.score <= 1.0 for s in found)


def test_crf_predicts_a_span_after_a_proclitic() -> None:
    docs = [doc(t) for t in TRAIN * 3]
    docs.append(TrainingDocument("وقال لبوتين شيئا .", [(6, 11, "PER")]))
    suggester = engine.train(docs)
    text = "وقدم الهدية لبوتين ."
    spans = {(text[s.start:s.end], s.label) for s in suggester.suggest(text)}
    assert ("بوتين", "PER") in spans


def test_a_saved_model_suggests_the_same() -> None:
    suggester = engine.train([doc(t) for t in TRAIN * 2], version=3)
    again = engine.Suggester.from_bytes(suggester.to_bytes())
    text = "زار لوكاشينكو موسكو"
    assert again.version == 3
    assert [s.key() for s in again.suggest(text)] == [s.key() for s in suggester.suggest(text)]


def test_a_damaged_model_is_refused_in_words() -> None:
    from annotator.core.errors import AnnotatorError

    with pytest.raises(AnnotatorError, match="train it again"):
        engine.Suggester.from_bytes(b'{"format": 99}')


def test_nothing_to_learn_is_refused() -> None:
    from annotator.core.errors import AnnotatorError

    with pytest.raises(AnnotatorError, match="nothing to learn"):
        engine.train([TrainingDocument("نص بلا أسماء", [])])
