"""The automatic proclitic rule cuts a leading letter only when the text vouches for the stem
(issue 9, defect 3), measured on every entity of AQMAR."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from helpers.paths import DATA, ROOT

from annotator.core.clitics import attested_proclitic_length, occurs_as_word

NAMES = ["بوتين", "فلاديمير", "بغداد", "بيروت", "لبنان", "لندن", "فرنسا", "فلسطين", "واشنطن",
         "كينيا", "بريطانيا", "ليبيا", "فنزويلا"]
TEXT = (
    "قال فلاديمير بوتين في بغداد وفي بيروت إن لبنان ولندن وفرنسا وفلسطين وواشنطن وكينيا "
    "وبريطانيا وليبيا وفنزويلا. ثم وصل وبوتين إلى القاهرة، والقاهرة هادئة، وبالقاهرة أمطار. "
    "وتحدث للوكاشينكو عن لوكاشينكو، ثم ذهب للحدود، الحدود مغلقة. ولد"
)


def cut(token: str, text: str = TEXT) -> str:
    return token[attested_proclitic_length(token, lambda w: occurs_as_word(text, w)):]


@pytest.mark.parametrize("name", NAMES)
def test_names_that_start_like_a_clitic_keep_their_first_letter(name: str) -> None:
    assert cut(name) == name


@pytest.mark.parametrize(("token", "stem"), [
    ("وبوتين", "بوتين"),  # بوتين occurs on its own
    ("والقاهرة", "القاهرة"),  # the article stays with its word
    ("وبالقاهرة", "القاهرة"),
    ("للوكاشينكو", "لوكاشينكو"),  # ل + a name starting with ل
    ("للحدود", "حدود"),  # ل + the article, whose alef is not written
    ("وبيروت", "بيروت"),
    ("ولبنان", "لبنان"),
    ("ولد", "ولد"),  # a stem of two letters is never cut off
    ("وتين", "وتين"),
])
def test_a_clitic_goes_when_the_stem_is_attested(token: str, stem: str) -> None:
    assert cut(token) == stem


def test_a_stem_must_stand_alone_to_vouch() -> None:
    assert occurs_as_word("قال بوتين،", "بوتين")
    assert occurs_as_word("قال بوتينُ", "بوتين")  # a case ending on the name
    assert not occurs_as_word("قال وبوتين", "بوتين")
    assert not occurs_as_word("بوتينا", "بوتين")
    assert not occurs_as_word("abc", "")


def test_the_rule_on_every_aqmar_entity_matches_the_readme() -> None:
    """The figure the README gives next to the option is what the rule does today."""
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "proclitic_rule.py"), str(DATA / "aqmar")],
        capture_output=True, text=True, check=True,
    ).stdout
    figures = {row["name"]: row["value"] for row in map(json.loads, out.splitlines())}
    assert figures["aqmar_entities"] > 5000
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    said = re.search(r"agrees\s+with\s+AQMAR's\s+gold\s+span\s+on\s+([\d.]+)%\s+of\s+its\s+"
                     r"([\d,]+)\s+entities\s+\(the\s+orthographic\s+rule:\s+([\d.]+)%\)", readme)
    assert said, "README: the proclitic rule's AQMAR figure is missing"
    assert float(said[1]) == figures["attested_rule_agrees_pct"]
    assert int(said[2].replace(",", "")) == figures["aqmar_entities"]
    assert float(said[3]) == figures["orthographic_rule_agrees_pct"]
    assert figures["attested_rule_agrees_pct"] > figures["orthographic_rule_agrees_pct"]
