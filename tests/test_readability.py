"""Readability formulas against values computed by hand from their published definitions.

Every expected value below is worked out in a comment from the published formula (sources in
docs/formulas.md), never copied from another tool. All sample texts are written for these tests.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factbox
from factbox import readability as r
from factbox.config import ProfileConfig
from factbox.counts import (
    Counts,
    complex_words,
    is_title_case_headline,
    proper_name_occurrences,
)
from factbox.errors import ConfigError, InputError
from factbox.wordlists import is_familiar, load_wordlist, wordlist_from_lines

# One set of counts used for every formula:
#   sentences 2, words 20  → ASL = 20/2 = 10
#   syllables 30           → ASW = 30/20 = 1.5
#   letters 90, characters (letters + digits) 92
#   monosyllables 12, polysyllables (3+) 3, Gunning complex 2, long (> 6 letters) 4
#   difficult (Dale–Chall) tokens 5, distinct unfamiliar (Spache) types 4
C = Counts(
    sentences=2,
    tokens=20,
    types=15,
    syllables=30,
    letters=90,
    characters=92,
    monosyllables=12,
    polysyllables=3,
    complex_words=2,
    long_words=4,
    difficult_words=5,
    unfamiliar_types=4,
)


def test_flesch_reading_ease_by_hand() -> None:
    # 206.835 − 1.015·10 − 84.6·1.5 = 206.835 − 10.15 − 126.9 = 69.785
    assert r.flesch_reading_ease(C) == pytest.approx(69.785)


def test_flesch_kincaid_grade_by_hand() -> None:
    # 0.39·10 + 11.8·1.5 − 15.59 = 3.9 + 17.7 − 15.59 = 6.01
    assert r.flesch_kincaid_grade(C) == pytest.approx(6.01)


def test_gunning_fog_by_hand() -> None:
    # 0.4·(10 + 100·2/20) = 0.4·(10 + 10) = 8.0 (complex words, not all polysyllables)
    assert r.gunning_fog(C) == pytest.approx(8.0)


def test_smog_by_hand() -> None:
    # 1.0430·√(3·30/2) + 3.1291 = 1.0430·√45 + 3.1291 = 1.0430·6.7082039 + 3.1291 = 10.1257567
    assert r.smog(C) == pytest.approx(1.0430 * math.sqrt(45) + 3.1291)
    assert r.smog(C) == pytest.approx(10.1257567, abs=1e-6)


def test_coleman_liau_by_hand() -> None:
    # L = 100·90/20 = 450, S = 100·2/20 = 10: 0.0588·450 − 0.296·10 − 15.8
    #   = 26.46 − 2.96 − 15.8 = 7.7   (textstat's 0.058 would give 26.1 − 2.96 − 15.8 = 7.34)
    assert r.coleman_liau(C) == pytest.approx(7.7)


def test_automated_readability_index_by_hand() -> None:
    # 4.71·92/20 + 0.5·10 − 21.43 = 4.71·4.6 + 5 − 21.43 = 21.666 + 5 − 21.43 = 5.236
    assert r.automated_readability_index(C) == pytest.approx(5.236)


def test_linsear_write_by_hand_both_branches() -> None:
    # easy = 20 − 3 = 17, hard = 3: r = (17 + 3·3)/2 = 13 ≤ 20 → (13 − 2)/2 = 5.5
    assert r.linsear_write(C) == pytest.approx(5.5)
    # one sentence: r = (17 + 9)/1 = 26 > 20 → 26/2 = 13.0
    assert r.linsear_write(_with(C, sentences=1)) == pytest.approx(13.0)
    # exactly 20 (20 easy words, one sentence) is the "20 or less" branch: (20 − 2)/2 = 9.0
    assert r.linsear_write(_with(C, sentences=1, polysyllables=0)) == pytest.approx(9.0)


def test_forcast_by_hand() -> None:
    # N = 12 monosyllables · 150/20 = 90 per 150 words: 20 − 90/10 = 11.0
    assert r.forcast(C) == pytest.approx(11.0)


def test_lix_and_rix_by_hand() -> None:
    # LIX = 10 + 100·4/20 = 10 + 20 = 30;  RIX = 4/2 = 2.0
    assert r.lix(C) == pytest.approx(30.0)
    assert r.rix(C) == pytest.approx(2.0)


def test_dale_chall_1948_by_hand() -> None:
    # PDW = 100·5/20 = 25: 0.1579·25 + 0.0496·10 + 3.6365 = 3.9475 + 0.496 + 3.6365 = 8.08
    assert r.dale_chall(C) == pytest.approx(8.08)


def test_dale_chall_constant_is_added_below_five_percent() -> None:
    # PDW = 0: 0 + 0.0496·10 + 3.6365 = 4.1325 (textstat's "only if PDW > 5" would give 0.496)
    assert r.dale_chall(_with(C, difficult_words=0)) == pytest.approx(4.1325)


def test_new_dale_chall_by_hand() -> None:
    # 64 − 0.95·25 − 0.69·10 = 64 − 23.75 − 6.9 = 33.35 → 33 → band "9-10" (28–33)
    assert r.new_dale_chall(C) == pytest.approx(33.35)
    assert r.new_dale_chall_grade(r.new_dale_chall(C)) == "9-10"


@pytest.mark.parametrize(
    ("cloze", "band"),
    [
        (64.0, "1"),
        (57.5, "1"),  # rounds half up to 58
        (57.49, "2"),
        (54.0, "2"),
        (53.6, "2"),
        (50.0, "3"),
        (45.0, "4"),
        (44.4, "5-6"),
        (40.0, "5-6"),
        (34.0, "7-8"),
        (28.0, "9-10"),
        (22.0, "11-12"),
        (16.0, "13-15"),
        (15.5, "13-15"),
        (15.49, "16+"),
        (-20.0, "16+"),
    ],
)
def test_new_dale_chall_grade_table(cloze: float, band: str) -> None:
    # Chall & Dale (1995) Table 5-8: 58+ → 1, 57–54 → 2, 53–50 → 3, 49–45 → 4, 44–40 → 5-6,
    # 39–34 → 7-8, 33–28 → 9-10, 27–22 → 11-12, 21–16 → 13-15, 15 and below → 16+
    assert r.new_dale_chall_grade(cloze) == band


def test_new_dale_chall_grade_undefined() -> None:
    assert r.new_dale_chall_grade(None) is None
    assert r.new_dale_chall_grade(math.nan) is None


def test_spache_revised_by_hand() -> None:
    # PUW = 100·4 distinct/20 = 20: 0.121·10 + 0.082·20 + 0.659 = 1.21 + 1.64 + 0.659 = 3.509
    assert r.spache(C) == pytest.approx(3.509)


def test_word_list_formulas_none_without_list() -> None:
    c = _with(C, difficult_words=None, unfamiliar_types=None)
    box, notes = r.compute(c)
    assert box.dale_chall is None and box.new_dale_chall is None
    assert box.new_dale_chall_grade is None and box.spache is None
    assert "load_wordlist" in notes["dale_chall"] and "load_wordlist" in notes["spache"]
    assert set(notes) == {"dale_chall", "new_dale_chall", "new_dale_chall_grade", "spache"}
    assert box.flesch_kincaid_grade == pytest.approx(6.01)


def test_no_words_means_every_formula_none_with_reason() -> None:
    c = Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    box, notes = r.compute(c)
    assert all(v is None for v in box.to_dict().values())
    assert set(notes) == set(box.to_dict()) and set(notes.values()) == {"no words"}


def test_no_sentences_means_every_formula_none_with_reason() -> None:
    box, notes = r.compute(_with(C, sentences=0))
    assert all(v is None for v in box.to_dict().values())
    assert set(notes.values()) == {"no sentences"}


def test_compute_fills_every_field() -> None:
    box, notes = r.compute(C)
    assert notes == {}
    assert box.new_dale_chall_grade == "9-10"
    assert box.to_dict()["spache"] == pytest.approx(3.509)


# --- Linsear Write: the whole-text form is the 100-word-sample form --------------------------


@given(
    easy=st.integers(0, 100),
    sentences=st.integers(1, 30),
    k=st.integers(1, 50),
)
def test_linsear_write_whole_text_equals_sample_form(easy: int, sentences: int, k: int) -> None:
    # A 100-word sample with `easy` easy words, 100 − easy hard words and `sentences` sentences,
    # repeated k times: the whole-text r = (k·easy + 3·k·hard)/(k·sentences) is the sample's r.
    hard = 100 - easy
    sample = _with(C, tokens=100, polysyllables=hard, sentences=sentences)
    text = _with(C, tokens=100 * k, polysyllables=hard * k, sentences=sentences * k)
    assert r.linsear_write(text) == pytest.approx(r.linsear_write(sample))


# --- property tests over random counts ------------------------------------------------------

_n = st.integers(0, 10**7)


@st.composite
def counts(draw: st.DrawFn) -> Counts:
    return Counts(
        sentences=draw(_n),
        tokens=draw(_n),
        types=draw(_n),
        syllables=draw(_n),
        letters=draw(_n),
        characters=draw(_n),
        monosyllables=draw(_n),
        polysyllables=draw(_n),
        complex_words=draw(_n),
        long_words=draw(_n),
        difficult_words=draw(st.none() | _n),
        unfamiliar_types=draw(st.none() | _n),
    )


@given(counts())
def test_compute_never_raises_and_is_finite_or_none(c: Counts) -> None:
    box, notes = r.compute(c)
    for name, value in box.to_dict().items():
        if value is None:
            assert name in notes  # every None has a reason
        elif name == "new_dale_chall_grade":
            assert value in {band for _, band in r.NEW_DALE_CHALL_BANDS} | {"16+"}
        else:
            assert isinstance(value, float) and math.isfinite(value)
    if c.tokens and c.sentences:
        assert box.flesch_kincaid_grade is not None and box.smog is not None
        assert (box.dale_chall is None) == (c.difficult_words is None)
        assert (box.spache is None) == (c.unfamiliar_types is None)


@given(st.floats(-200, 200), st.floats(-200, 200))
def test_new_dale_chall_grade_is_monotone(a: float, b: float) -> None:
    order = [band for _, band in r.NEW_DALE_CHALL_BANDS] + ["16+"]
    lo, hi = sorted((a, b))
    # a higher cloze score (easier text) never gets a harder band
    assert order.index(r.new_dale_chall_grade(hi)) <= order.index(r.new_dale_chall_grade(lo))


# --- counting rules through profile() -------------------------------------------------------


def test_profile_counts_and_formulas_on_a_plain_text() -> None:
    # 2 sentences, 12 one-syllable words; letters 3+3+3+2+3+3 + 3+3+3+2+3+3 = 34
    box = factbox.profile("The cat sat on the mat. The dog ran to the cat.")
    c = box.counts
    assert (c.sentences, c.tokens, c.syllables, c.letters, c.monosyllables) == (2, 12, 12, 34, 12)
    # FKGL = 0.39·6 + 11.8·1 − 15.59 = 2.34 + 11.8 − 15.59 = −1.45
    assert box.level == pytest.approx(-1.45)
    # FRE = 206.835 − 1.015·6 − 84.6·1 = 206.835 − 6.09 − 84.6 = 116.145
    assert box.readability.flesch_reading_ease == pytest.approx(116.145)
    # FORCAST: 12 monosyllables in 12 words → N = 150: 20 − 15 = 5.0
    assert box.readability.forcast == pytest.approx(5.0)


def test_gunning_exclusions_in_profile() -> None:
    # 3+ syllables: created (3 = create + -d: excluded), beautiful (3: complex), visited
    # (3 = visit + -ed: excluded), Canada and December (capitalised inside: proper names,
    # excluded). Polysyllables count all five; complex words only "beautiful".
    text = "Anna created a beautiful garden. She visited Canada in December."
    c = factbox.profile(text).counts
    assert (c.sentences, c.tokens, c.polysyllables, c.complex_words) == (2, 10, 5, 1)
    # Fog = 0.4·(10/2 + 100·1/10) = 0.4·(5 + 10) = 6.0
    assert factbox.profile(text).readability.gunning_fog == pytest.approx(6.0)


def test_gunning_es_verb_form_excluded() -> None:
    # finishes: 3 syllables = finish (2) + -es → not complex
    c = factbox.profile("She finishes it.").counts
    assert (c.polysyllables, c.complex_words) == (1, 0)


def test_sentence_initial_proper_name_is_excluded_only_if_never_lower_case() -> None:
    # Washington: capitalised first word and capitalised inside, never lower case → proper name
    c = factbox.profile("Washington is a city. People in Washington like it.").counts
    assert (c.polysyllables, c.complex_words) == (2, 0)
    # Yesterday: sentence-initial capital and lower case elsewhere → an ordinary word, twice
    c = factbox.profile("Yesterday we left. We came back yesterday.").counts
    assert (c.polysyllables, c.complex_words) == (2, 2)


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        ("Talks Resume in Geneva", True),
        ("U.S. And China Agree on Trade", True),
        ("Talks resume in Geneva", False),  # a lower-case word of 4+ letters
        ("Talks Resume in Geneva.", False),  # end punctuation: an ordinary sentence
        ("Why Talks Resume?", False),
        ("Geneva", False),  # fewer than two words of 4+ letters
    ],
)
def test_title_case_headline(line: str, headline: bool) -> None:
    assert is_title_case_headline(line, factbox.words(line)) is headline


def test_title_case_headline_capitals_are_not_names() -> None:
    # Headline words are neither names nor lower-case evidence. Beautiful (3), Everywhere (3)
    # in the headline count as complex, as does "beautiful" in the body: 3 complex words.
    text = "Beautiful Gardens Everywhere\nThe garden was beautiful. Anna visited it."
    c = factbox.profile(text).counts
    assert (c.sentences, c.polysyllables, c.complex_words) == (3, 4, 3)
    # Canada: capitalised inside a body sentence and never lower case, so its headline
    # occurrence is a name too: no complex word at all (visited is visit + -ed).
    text = "Anna Visits Canada Again\nAnna liked Canada. She visited Canada twice."
    c = factbox.profile(text).counts
    assert (c.polysyllables, c.complex_words) == (4, 0)


def test_proper_name_occurrences_rule() -> None:
    freqs = {"moscow": 3, "yesterday": 2, "tom": 1}
    inside = {"moscow": 2, "yesterday": 0, "tom": 1}
    initial = {"moscow": 1, "yesterday": 1}
    expected = {"moscow": 3, "yesterday": 0, "tom": 1}
    assert proper_name_occurrences(freqs, inside, initial) == expected
    # a headline occurrence joins the names only when the type is never lower case
    freqs = {"geneva": 3, "talks": 3}
    inside = {"geneva": 2, "talks": 1}
    headline = {"geneva": 1, "talks": 1}
    assert proper_name_occurrences(freqs, inside, {}, headline) == {"geneva": 3, "talks": 1}


def test_complex_words_counts_per_type_frequency() -> None:
    syl = {"beautiful": 3, "created": 3, "create": 2, "cat": 1, "holiday": 3}
    freqs = {"beautiful": 4, "created": 2, "cat": 7, "holiday": 3}
    # beautiful 4 + holiday 3 − 1 proper occurrence; created is create + -d
    assert complex_words(freqs, syl, {"holiday": 1}, lambda w: syl.get(w, 1)) == 6


# A tiny familiar-word list written for these tests (not the copyrighted lists).
FAMILIAR = wordlist_from_lines(
    ["# test list", "the", "Cat", "like", "stop", "run", "baby", "dog", "sat", "on", "mat", "quick"]
)


def test_dale_chall_and_spache_counts_in_profile() -> None:
    # Tokens (19, 4 sentences): The cats liked the zebra | The dog stopped running quickly |
    # Babies like Tom | The zebra sat on 3 mats.
    # Familiar: listed words; cats, mats (-s), liked (-d), stopped (-ed, doubled p),
    # running (-ing, doubled n), Babies (-ies → baby); Tom (capitalised inside: a name);
    # 3 (a numeral). Unfamiliar: zebra ×2, quickly ×1 (-ly is not an inflection).
    text = (
        "The cats liked the zebra. The dog stopped running quickly. "
        "Babies like Tom. The zebra sat on 3 mats."
    )
    cfg = ProfileConfig(dale_chall_words=FAMILIAR, spache_words=FAMILIAR)
    box = factbox.profile(text, config=cfg)
    c, rd = box.counts, box.readability
    assert (c.sentences, c.tokens, c.difficult_words, c.unfamiliar_types) == (4, 19, 3, 2)
    # ASL = 19/4 = 4.75; PDW = 100·3/19 = 15.7894737
    # Dale–Chall = 0.1579·15.7894737 + 0.0496·4.75 + 3.6365 = 2.4931579 + 0.2356 + 3.6365
    assert rd.dale_chall == pytest.approx(6.3652579, abs=1e-6)
    # New Dale–Chall = 64 − 0.95·15.7894737 − 0.69·4.75 = 64 − 15 − 3.2775 = 45.7225 → "4"
    assert rd.new_dale_chall == pytest.approx(45.7225)
    assert rd.new_dale_chall_grade == "4"
    # Spache: PUW = 100·2 distinct/19 = 10.5263158: 0.121·4.75 + 0.082·10.5263158 + 0.659
    #   = 0.57475 + 0.8631579 + 0.659 = 2.0969079
    assert rd.spache == pytest.approx(2.0969079, abs=1e-6)
    assert "dale_chall" not in box.notes and "spache" not in box.notes


def test_profile_without_lists_gives_none_with_reason() -> None:
    box = factbox.profile("The cat sat on the mat.")
    assert box.readability.dale_chall is None and box.readability.spache is None
    assert "cannot be shipped" in box.notes["dale_chall"]
    assert box.to_dict()["readability"]["new_dale_chall_grade"] is None


@pytest.mark.parametrize(
    ("word", "familiar"),
    [
        ("cat", True),
        ("cats", True),
        ("cat's", True),
        ("cats'", True),
        ("babies", True),
        ("liked", True),
        ("stopped", True),
        ("running", True),
        ("making", True),
        ("likes", True),
        ("1,000", True),  # numerals are familiar
        ("quickly", False),  # -ly is derivation, not inflection
        ("children", False),  # irregular plural: only if listed
        ("zebra", False),
    ],
)
def test_is_familiar_inflection_rule(word: str, familiar: bool) -> None:
    words = wordlist_from_lines(["cat", "baby", "like", "stop", "run", "make", "quick", "child"])
    assert is_familiar(word, words) is familiar


def test_load_wordlist_format(tmp_path: Path) -> None:
    p = tmp_path / "list.txt"
    p.write_text("\ufeff# my list\nThe\n\n  cat  # a comment\nDOG\n", encoding="utf-8")
    assert load_wordlist(p) == frozenset({"the", "cat", "dog"})


def test_load_wordlist_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        load_wordlist(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="directory"):
        load_wordlist(tmp_path)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"cat\n\xff\xfe\n")
    with pytest.raises(InputError, match="UTF-8"):
        load_wordlist(bad)
    two = tmp_path / "two.txt"
    two.write_text("cat\nice cream\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="line 2"):
        load_wordlist(two)
    empty = tmp_path / "empty.txt"
    empty.write_text("# nothing\n\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="no words"):
        load_wordlist(empty)


def _with(c: Counts, **changes: int | None) -> Counts:
    d = c.to_dict()
    d.update(changes)
    return Counts(**d)


_WORDS = ["the", "The", "cat", "Cats", "beautiful", "Canada", "created", "visited", "zebra", "3"]


@given(
    st.lists(
        st.tuples(st.sampled_from(_WORDS), st.sampled_from([" ", ". ", "\n", ", ", "? "])),
        max_size=40,
    ),
    st.sets(st.sampled_from(["the", "cat", "create", "zebra", "visit"])),
)
def test_word_class_counts_stay_within_their_totals(
    pieces: list[tuple[str, str]], listed: set[str]
) -> None:
    text = "".join(w + sep for w, sep in pieces)
    familiar = frozenset(listed) or frozenset({"dog"})
    c = factbox.profile(
        text, config=ProfileConfig(dale_chall_words=familiar, spache_words=familiar)
    ).counts
    assert 0 <= c.complex_words <= c.polysyllables <= c.tokens
    assert c.difficult_words is not None and c.unfamiliar_types is not None
    assert 0 <= c.difficult_words <= c.tokens
    assert 0 <= c.unfamiliar_types <= c.types
    assert (c.difficult_words == 0) == (c.unfamiliar_types == 0)
