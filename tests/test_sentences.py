"""Sentence segmentation: the hard-case suite, each rule pinned by an example, and properties.

The rules (L1–L5 for line structure, S1–S7 within lines) are in ``docs/sentences.md``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factbox
from factbox.sentences import sentence_spans, sentences

SUITE = Path(__file__).parent / "data" / "sentences_hard.jsonl"
CASES = [json.loads(line) for line in SUITE.read_text(encoding="utf-8").splitlines() if line]

# Known failures of the rules (documented in docs/sentences.md, "Known failures"). strict: a
# case that starts passing must be moved out of this list.
KNOWN_FAILURES = {
    # "U.S." before a capitalised word that is not a typical sentence starter is read as
    # "U.S. Results" (a name), not as a sentence end.
    "news-003",
    # A two-line block whose first line is "full" and ends in a lower-case word before a
    # capital: read as a heading ("Officials visited" / "Paris on Monday.").
    "wrapped-023",
}


def _param(case: dict) -> object:
    marks = (
        [pytest.mark.xfail(strict=True, reason="known failure")]
        if case["id"] in KNOWN_FAILURES
        else []
    )
    return pytest.param(case["text"], case["sentences"], id=case["id"], marks=marks)


@pytest.mark.parametrize(("text", "gold"), [_param(c) for c in CASES])
def test_hard_case_suite(text: str, gold: list[str]) -> None:
    assert sentences(text) == gold


def test_suite_is_well_formed() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)) >= 150
    for c in CASES:
        # gold sentences are the text's own pieces: nothing but white space between them
        assert "".join("".join(g.split()) for g in c["sentences"]) == "".join(c["text"].split())
        assert all(g == g.strip() and g for g in c["sentences"])
    assert set(ids) >= KNOWN_FAILURES


def test_suite_score_meets_target() -> None:
    ok = sum(sentences(c["text"]) == c["sentences"] for c in CASES)
    assert ok / len(CASES) >= 0.97


# --- each rule pinned by a minimal example ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "gold"),
    [
        # L1: blank lines always split, even without end punctuation or before lower case
        ("one idea\n\nanother idea", ["one idea", "another idea"]),
        ("One.\n \t\nTwo.", ["One.", "Two."]),
        # L2: list items, even when the line before runs on
        ("Bring\n- a hat\n- a coat", ["Bring", "- a hat", "- a coat"]),
        ("Do this:\n(a) first\n(b) second", ["Do this:", "(a) first", "(b) second"]),
        # L3: a line starting in lower case continues the sentence
        ("The plan was\napproved today.", ["The plan was\napproved today."]),
        ("Headline Without Stop\nand more", ["Headline Without Stop\nand more"]),
        # L4: a short line without end punctuation before a capital is a heading
        (
            "Rail Strike Called Off\nTrains will run as normal.",
            ["Rail Strike Called Off", "Trains will run as normal."],
        ),
        # L4: ... but not after a comma or a function word (wrapped prose)
        ("He met the mayor of\nLeeds on Monday.", ["He met the mayor of\nLeeds on Monday."]),
        ("He met the mayor,\nJo Smith, on Monday.", ["He met the mayor,\nJo Smith, on Monday."]),
        # L4: bylines and datelines
        ("By Ann Lee\nThe vote was close.", ["By Ann Lee", "The vote was close."]),
        # L5: a line ending early in end punctuation ends the sentence, even after "U.S."
        (
            "He said the talks went well in the U.S.\nOfficials agreed. "
            "The meeting ended at noon after a long day of talks.",
            [
                "He said the talks went well in the U.S.",
                "Officials agreed.",
                "The meeting ended at noon after a long day of talks.",
            ],
        ),
        # S1: next word in lower case
        ('"Why?" she asked.', ['"Why?" she asked.']),
        ("Inc. rules apply to etc. and more.", ["Inc. rules apply to etc. and more."]),
        # S2: ?/! in quotes, then a name and a reporting verb
        ('"Stop!" Tom shouted.', ['"Stop!" Tom shouted.']),
        ('"Stop!" Tom ran.', ['"Stop!"', "Tom ran."]),
        ('He asked, "Why?" Tom said no.', ['He asked, "Why?"', "Tom said no."]),
        # S3: titles and never-final abbreviations
        (
            "Dr. Smith arrived at 3.30 p.m. on Monday.",
            ["Dr. Smith arrived at 3.30 p.m. on Monday."],
        ),
        ("Ask Mr. Jones. He knows.", ["Ask Mr. Jones.", "He knows."]),
        ("Fruit, e.g. Apples, is good.", ["Fruit, e.g. Apples, is good."]),
        # S4: abbreviations before numbers
        ("See No. 5 and p. 7 now.", ["See No. 5 and p. 7 now."]),
        ("No. It is not.", ["No.", "It is not."]),
        # S5: abbreviations that can end a sentence: only before a typical sentence starter
        ("He lives in the U.S. He left.", ["He lives in the U.S.", "He left."]),
        ("The U.S. Navy left.", ["The U.S. Navy left."]),
        ("It ends at 5 p.m. The bar opens.", ["It ends at 5 p.m.", "The bar opens."]),
        ("It ends at 5 p.m. Friday.", ["It ends at 5 p.m. Friday."]),
        ("It ends at 5 p.m. Police said.", ["It ends at 5 p.m.", "Police said."]),
        ("J. R. R. Tolkien wrote.", ["J. R. R. Tolkien wrote."]),
        ("Call it Plan B. The rest failed.", ["Call it Plan B.", "The rest failed."]),
        # S6: enumerators are not sentence ends
        ("1. Mix it.\n2. Bake it.", ["1. Mix it.", "2. Bake it."]),
        ("1) Mix it 2) Bake it", ["1) Mix it", "2) Bake it"]),
        ("He came 1. Then he left.", ["He came 1.", "Then he left."]),
        # S7: a full stop glued to the next sentence
        ("It was cold.It was dark.", ["It was cold.", "It was dark."]),
        # S1 exception: a word in lower case with a capital next ("iPhone") may start one
        ("I sold it. iPads sell well.", ["I sold it.", "iPads sell well."]),
        ("Mail jane.Doe@example.com now.", ["Mail jane.Doe@example.com now."]),
        # tokens with internal full stops are never cut
        (
            "It cost $3.50 at www.shop.example.com today.",
            ["It cost $3.50 at www.shop.example.com today."],
        ),
        # non-breaking spaces are white space like any other
        ("Dr.\xa0Lee\xa0left.\xa0He\xa0came.", ["Dr.\xa0Lee\xa0left.", "He\xa0came."]),
        # ellipses
        ("Wait... what?", ["Wait... what?"]),
        ("Wait... What now?", ["Wait...", "What now?"]),
        # quotes and brackets closing a sentence stay with it
        ('"Go." He went.', ['"Go."', "He went."]),
        ("(It rained.) We left.", ["(It rained.)", "We left."]),
        ("It ended. ” Then more.", ["It ended. ”", "Then more."]),
        # ... but a closing mark glued to a capitalised word is an opening quote
        ("It ended. ”The next began.", ["It ended.", "”The next began."]),
    ],
)
def test_rule(text: str, gold: list[str]) -> None:
    assert sentences(text) == gold


def test_package_exports_sentences() -> None:
    assert factbox.sentences is sentences


def test_spans_match_sentences() -> None:
    text = '  Title\n\nDr. Lee left. She said "bye." Then... nothing.  '
    spans = sentence_spans(text)
    assert [text[a:b] for a, b in spans] == sentences(text)
    assert spans == sorted(spans)


def test_empty_and_blank() -> None:
    assert sentences("") == []
    assert sentences(" \n\t\n ") == []
    assert sentences(".") == ["."]


# --- properties ---------------------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    [*"aZ .!?…\"'“”‘’()[]:;,-•1\n\t\r", "Dr", "U.S.", "e.g.", "p.m.", "1.", " a.", "\n\n", "www.x"]
)
_TEXTS = st.one_of(st.text(), st.lists(_ALPHABET, max_size=40).map("".join))


def _squash(s: str) -> str:
    return "".join(s.split())


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_no_text_lost_and_pieces_clean(text: str) -> None:
    out = sentences(text)
    assert all(isinstance(s, str) and s and s == s.strip() for s in out)
    assert "".join(_squash(s) for s in out) == _squash(text)


@settings(max_examples=200, deadline=None)
@given(_TEXTS)
def test_spans_are_ordered_slices(text: str) -> None:
    spans = sentence_spans(text)
    prev = 0
    for a, b in spans:
        assert prev <= a < b <= len(text)
        prev = b
    assert [text[a:b] for a, b in spans] == sentences(text)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["The cat sat.", "Dr. Who left!", "Is it 3.5 p.m. now?"]), max_size=6)
)
def test_joined_simple_sentences_split_back(parts: list[str]) -> None:
    assert sentences(" ".join(parts)) == parts
