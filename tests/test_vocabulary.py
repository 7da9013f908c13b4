"""Vocabulary profile: headwords, levels, bands, proper nouns, numbers, shares and hard words.

Levels and ranks quoted in comments are those of the shipped list (CEFR-J 1.5 / Octanove) and
of wordfreq's English list; each known value below is worked out by hand from them.
"""

from __future__ import annotations

import json
import math
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factbox
from factbox.errors import ConfigError
from factbox.tokens import fold, words
from factbox.vocabulary import BANDS, CEFR_KEYS, compute, lookup, vocabulary_profile, wordlist


@pytest.mark.parametrize(
    ("form", "headword", "level"),
    [
        ("signed", "sign", "B1"),  # a verb form: sign (verb) is B1, sign (noun) is A1
        ("countries", "country", "A2"),
        ("better", "better", "A1"),  # listed as itself (adjective A1), not mapped to good
        ("went", "go", "A1"),
        ("children", "child", "A1"),
        ("children's", "child", "A1"),  # possessive clitic split first
        ("don't", "do", "A1"),
        ("won't", "will", "A1"),
        ("cannot", "can", "A1"),
        ("mice", "mouse", "A1"),
        ("Wrote", "write", "A1"),  # case-folded first
        ("meticulous", "meticulous", "C2"),  # Octanove
        ("scrutinize", "scrutinize", "C1"),
        ("photosynthesis", "photosynthesis", "unlisted"),
    ],
)
def test_headwords_and_levels(form: str, headword: str, level: str) -> None:
    info = lookup(form)
    assert (info.headword, info.level) == (headword, level)


def test_bands_follow_wordfreq_rank() -> None:
    # the: rank 1 → K1; teacher: rank 1411 → K2; smiled → smile, rank 2316 → K3;
    # elephant: rank 6236 → K6-10; ubiquity: beyond 30,000 → off
    assert [lookup(w).band for w in ("the", "teacher", "smiled", "elephant", "ubiquity")] == [
        "K1",
        "K2",
        "K3",
        "K6-10",
        "off",
    ]


def test_wordlist_is_the_shipped_derived_list() -> None:
    lst = wordlist()
    assert lst["abandon"] == {"VERB": "B1"}
    assert lst["analyse"] == lst["analyze"]  # variants split into rows
    assert "according to" not in lst  # multi-word entries dropped
    assert len(lst) > 8000


def test_profile_known_values() -> None:
    text = "The children signed their names. Maria smiled at the children in 2024."
    vp = vocabulary_profile(text)
    # 12 tokens; "2024" is a number; "Maria" is unlisted and never lower case → proper noun.
    # Profiled: The the children children signed their names smiled at in = 10 tokens,
    # 8 types (the, children, signed, their, names, smiled, at, in).
    assert (vp.tokens, vp.types, vp.numbers, vp.proper_nouns) == (10, 8, 1, 1)
    # A1: the×2, children×2 (child), their, names (name), at, in = 8 tokens → 0.8;
    # B1: signed (sign, verb), smiled (smile, verb) = 2 tokens → 0.2
    assert vp.cefr_tokens["A1"] == pytest.approx(0.8)
    assert vp.cefr_tokens["B1"] == pytest.approx(0.2)
    # types: A1 = the, children, their, names, at, in = 6/8; B1 = signed, smiled = 2/8
    assert vp.cefr_types["A1"] == pytest.approx(0.75)
    assert vp.cefr_types["B1"] == pytest.approx(0.25)
    # bands: smiled is K3 (rank 2316), every other token K1 → 9/10 and 1/10
    assert vp.band_tokens["K1"] == pytest.approx(0.9)
    assert vp.band_tokens["K3"] == pytest.approx(0.1)
    # mean level on A1 = 1 … C2 = 6: (8·1 + 2·3) / 10 = 1.4
    assert vp.mean_level == pytest.approx(1.4)
    assert vp.hard_words == ()
    assert vp.hard_types_200 == pytest.approx(0.0)  # no B2-or-above or unlisted type


def test_hard_words_with_counts() -> None:
    text = (
        "We scrutinize the meticulous plan. They scrutinized it again, and again the "
        "meticulous work on photosynthesis was meticulous."
    )
    vp = vocabulary_profile(text)
    hard = {h.word: (h.level, h.count, h.forms) for h in vp.hard_words}
    # meticulous C2 ×3; scrutinize C1 ×2 (scrutinize, scrutinized); photosynthesis unlisted
    # and outside K1–K5 ×1. Most frequent first.
    assert hard == {
        "meticulous": ("C2", 3, ("meticulous",)),
        "scrutinize": ("C1", 2, ("scrutinize", "scrutinized")),
        "photosynthesis": ("unlisted", 1, ("photosynthesis",)),
    }
    assert [h.word for h in vp.hard_words] == ["meticulous", "scrutinize", "photosynthesis"]
    # a stricter threshold keeps only C2 and rare unlisted words
    assert [h.word for h in vocabulary_profile(text, hard_level="C1").hard_words] == [
        "meticulous",
        "photosynthesis",
    ]


def test_listed_capitalised_word_is_not_a_proper_noun() -> None:
    # "Brown" is capitalised inside the sentence but brown is on the list (A1): counted.
    vp = vocabulary_profile("I met Mr Brown and Anitta. Anitta sang.")
    # tokens: I met Mr Brown and Anitta Anitta sang = 8; Anitta ×2 is unlisted and never lower
    # case → proper; "Mr" is listed (A1). Profiled: I, met, Mr, Brown, and, sang = 6.
    assert (vp.tokens, vp.proper_nouns) == (6, 2)
    assert lookup("Brown").level == "A1"


def test_unlisted_lower_case_word_is_profiled() -> None:
    vp = vocabulary_profile("Teff is a grain. People grow teff.")
    assert vp.proper_nouns == 0  # written in lower case once → an ordinary (unlisted) word
    assert vp.cefr_tokens["unlisted"] == pytest.approx(2 / 7)


def test_empty_profile_is_none_not_nan() -> None:
    vp = vocabulary_profile("2024 1,000")
    assert (vp.tokens, vp.numbers) == (0, 2)
    assert all(v is None for v in vp.cefr_tokens.values())
    assert vp.mean_level is None and vp.hard_types_200 is None
    json.dumps(vp.to_dict(), allow_nan=False)


def test_bad_hard_level() -> None:
    with pytest.raises(ConfigError, match="hard_level must be one of"):
        vocabulary_profile("A cat.", hard_level="B3")


def test_profile_carries_the_vocabulary() -> None:
    text = "The children signed their names. Maria smiled at the children in 2024."
    box = factbox.profile(text)
    assert box.vocabulary == vocabulary_profile(text)
    assert box.to_dict()["vocabulary"]["tokens"] == 10


_WORDS = st.sampled_from(
    [
        "the",
        "The",
        "cat",
        "Cat",
        "signed",
        "countries",
        "better",
        "Anitta",
        "NASA",
        "2024",
        "3.5",
        "meticulous",
        "scrutinized",
        "photosynthesis",
        "don't",
        "children's",
        "went",
        "mice",
        "U.S.",
        "ubiquity",
        "teacher",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_WORDS, min_size=1, max_size=12), min_size=1, max_size=6))
def test_invariants(sents: list[list[str]]) -> None:
    text = " ".join(" ".join(s) + "." for s in sents)
    toks = words(text)
    vp = vocabulary_profile(text)
    assert vp.tokens + vp.numbers + vp.proper_nouns == len(toks)
    assert vp == compute(Counter(fold(t) for t in toks), set(toks))  # deterministic
    if vp.tokens:
        for shares in (vp.cefr_tokens, vp.cefr_types, vp.band_tokens, vp.band_types):
            assert math.isclose(sum(v for v in shares.values() if v is not None), 1.0)
        assert set(vp.cefr_tokens) == set(CEFR_KEYS) and set(vp.band_tokens) == set(BANDS)
        assert 0.0 <= (vp.hard_types_200 or 0.0) <= 1.0
    assert sum(h.count for h in vp.hard_words) <= vp.tokens
    json.dumps(vp.to_dict(), allow_nan=False)


def test_docstring_examples() -> None:
    import doctest

    import factbox.vocabulary

    assert doctest.testmod(factbox.vocabulary).failed == 0


def test_format_vocabulary_lists_hard_words() -> None:
    text = "We scrutinize the meticulous plan. The meticulous plan works."
    out = factbox.format_vocabulary(vocabulary_profile(text), max_hard_words=1)
    assert out.splitlines()[-1] == "Hard words (above B2): meticulous (C2) ×2, … (1 more)"
    assert factbox.format_vocabulary(vocabulary_profile("2024")).splitlines()[0] == (
        "CEFR (tokens): n/a"
    )


def test_type_table_starts_afresh_past_its_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    import factbox.vocabulary as v

    text = "The children signed their names. Maria smiled at the children in 2024."
    expected = vocabulary_profile(text)
    monkeypatch.setattr(v, "_TABLE_LIMIT", 3)
    v._table.cache_clear()
    try:
        assert vocabulary_profile(text) == expected  # 9 types > 3: the table restarts
        assert vocabulary_profile("A cat sat.").tokens == 3
    finally:
        v._table.cache_clear()
