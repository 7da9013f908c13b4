"""The token definition, pinned by examples (docs/definitions.md)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factbox import tokens as tk
from factbox.tokens import characters, fold, foreign_characters, letters, strip_urls, words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # apostrophes join: contractions and possessives are one token
        ("Don't stop China's rise", ["Don't", "stop", "China's", "rise"]),
        ("It’s fine", ["It’s", "fine"]),  # typographic apostrophe
        ("the countries' plans", ["the", "countries", "plans"]),  # trailing apostrophe dropped
        # hyphens, slashes and dashes separate
        ("China-Russia ties", ["China", "Russia", "ties"]),
        ("win-win and/or more—less", ["win", "win", "and", "or", "more", "less"]),
        # numbers with separators are one token
        ("13.6 billion, 1,000 people", ["13.6", "billion", "1,000", "people"]),
        ("at 3.30 p.m.", ["at", "3.30", "p.m."]),
        ("$1,200.50 and 18%", ["1,200.50", "and", "18"]),
        ("the 20th time, 5G", ["the", "20th", "time", "5G"]),
        ("COVID-19", ["COVID", "19"]),
        # initialisms with internal full stops
        ("the U.S. and e.g. this", ["the", "U.S.", "and", "e.g.", "this"]),
        # a sentence-final full stop is not part of a word
        ("He left.", ["He", "left"]),
        # accented Latin letters are letters
        ("café Lučić naïve", ["café", "Lučić", "naïve"]),
        # non-Latin scripts produce no tokens
        ("2024年10月12日 星期六", ["2024", "10", "12"]),
        ("Москва and Beijing", ["and", "Beijing"]),
        # URLs and e-mail addresses are skipped
        ("See https://example.org/a-b.html now", ["See", "now"]),
        ("Write to press@example.com today", ["Write", "to", "today"]),
        ("Visit www.example.com.", ["Visit"]),
        # underscores and symbols are not letters
        ("snake_case & co", ["snake", "case", "co"]),
        ("", []),
    ],
)
def test_words(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_strip_urls_counts() -> None:
    text, n = strip_urls("a http://x.org b mail@y.org c www.z.com")
    assert n == 3
    assert words(text) == ["a", "b", "c"]


def test_fold_is_case_and_apostrophe_insensitive() -> None:
    assert fold("China’S") == fold("china's") == "china's"


def test_letters_and_characters() -> None:
    # "U.S." has 2 letters and 2 characters (full stops are neither); "5G" 1 letter, 2 characters
    assert (letters("U.S."), characters("U.S.")) == (2, 2)
    assert (letters("5G"), characters("5G")) == (1, 2)
    assert (letters("don't"), characters("don't")) == (4, 4)


def test_foreign_characters_counts_cjk_and_cyrillic() -> None:
    # 年 月 日 星 期 六 = 6 CJK characters; Привет = 6 Cyrillic letters; digits are not foreign
    assert foreign_characters("2024年10月12日 星期六") == 6
    assert foreign_characters("Привет, world") == 6
    assert foreign_characters("café – “quoted” … 5%") == 0


@given(st.text())
def test_words_are_nonempty_substrings(text: str) -> None:
    stripped, _ = strip_urls(text)
    for w in words(text):
        assert w
        assert w in stripped
        assert any(c.isalnum() for c in w)


# The compiled token pattern factors the first letter out of two alternatives (speed); it must
# match exactly what the plain three-alternative definition in tokens.py matches.
_PLAIN_TOKEN_RE = re.compile(
    rf"[{tk._L}](?:\.[{tk._L}])+\.?(?![{tk._LD}])"
    rf"|[0-9]+(?:[.,][0-9]+)*(?:[{tk._L}]+)?"
    rf"|[{tk._LD}]+(?:[{tk._APOS}][{tk._LD}]+)*"
)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aZéÑ19.,'’ -\n\x01ab.c.U.S.", max_size=40))
def test_token_pattern_equals_its_plain_definition(text: str) -> None:
    assert tk.TOKEN_RE.findall(text) == _PLAIN_TOKEN_RE.findall(text)
    assert [m.span() for m in tk.TOKEN_RE.finditer(text)] == [
        m.span() for m in _PLAIN_TOKEN_RE.finditer(text)
    ]


def test_token_pattern_equals_its_plain_definition_on_hard_cases() -> None:
    text = "U.S.A. U.Sx a.m. e.g. 3.30p.m. 1,000.5th don't o’clock 20th 5G x.y.z9 Ph.D's"
    assert tk.TOKEN_RE.findall(text) == _PLAIN_TOKEN_RE.findall(text)


@given(st.lists(st.text(alphabet="aBÉß’'İ\u2019x", max_size=6), max_size=20))
def test_fold_all_is_fold_of_each(tokens: list[str]) -> None:
    assert tk.fold_all(tokens) == [fold(t) for t in tokens]
