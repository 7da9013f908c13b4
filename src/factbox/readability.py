"""Classic readability formulas, each exactly as published.

Every function is a pure function of :class:`~factbox.counts.Counts`. Sources, coefficients and
how each formula is applied to whole texts are documented in ``docs/formulas.md``. A formula
that is undefined for a text (no sentence, no word list configured) returns ``None`` and the
reason is recorded by :func:`compute`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from factbox.counts import Counts


@dataclass(frozen=True, slots=True)
class Readability:
    """Scores of the classic formulas; ``None`` where a formula is undefined for the text."""

    flesch_reading_ease: float | None
    flesch_kincaid_grade: float | None
    gunning_fog: float | None
    smog: float | None
    coleman_liau: float | None
    automated_readability_index: float | None
    dale_chall: float | None
    new_dale_chall: float | None
    new_dale_chall_grade: str | None
    spache: float | None
    linsear_write: float | None
    forcast: float | None
    lix: float | None
    rix: float | None

    def to_dict(self) -> dict[str, Any]:
        # every field is a scalar: a plain comprehension, not dataclasses.asdict's deep copy
        return {f: getattr(self, f) for f in self.__slots__}  # type: ignore[attr-defined]


def _asl(c: Counts) -> float:
    """Average sentence length: words per sentence."""
    return c.tokens / c.sentences


def flesch_reading_ease(c: Counts) -> float:
    """Flesch (1948): 206.835 − 1.015·(words/sentences) − 84.6·(syllables/words)."""
    return 206.835 - 1.015 * _asl(c) - 84.6 * (c.syllables / c.tokens)


def flesch_kincaid_grade(c: Counts) -> float:
    """Kincaid et al. (1975): 0.39·(words/sentences) + 11.8·(syllables/words) − 15.59."""
    return 0.39 * _asl(c) + 11.8 * (c.syllables / c.tokens) - 15.59


def gunning_fog(c: Counts) -> float:
    """Gunning (1952): 0.4·(words/sentences + 100·complex words/words)."""
    return 0.4 * (_asl(c) + 100.0 * c.complex_words / c.tokens)


def smog(c: Counts) -> float:
    """McLaughlin (1969): 1.0430·√(polysyllables·30/sentences) + 3.1291.

    McLaughlin counts polysyllables in 30 sentences; ``30/sentences`` scales a text of any
    length to 30 sentences (see docs/formulas.md for texts under 30 sentences).
    """
    return 1.0430 * math.sqrt(c.polysyllables * 30.0 / c.sentences) + 3.1291


def coleman_liau(c: Counts) -> float:
    """Coleman & Liau (1975): 0.0588·L − 0.296·S − 15.8, L and S per 100 words."""
    letters_per_100 = 100.0 * c.letters / c.tokens
    sentences_per_100 = 100.0 * c.sentences / c.tokens
    return 0.0588 * letters_per_100 - 0.296 * sentences_per_100 - 15.8


def automated_readability_index(c: Counts) -> float:
    """Smith & Senter (1967): 4.71·(characters/words) + 0.5·(words/sentences) − 21.43.

    Characters are the letters and digits of words (no punctuation, no spaces).
    """
    return 4.71 * (c.characters / c.tokens) + 0.5 * _asl(c) - 21.43


def linsear_write(c: Counts) -> float:
    """Linsear Write (O'Hayre 1966) on the whole text: r = (easy + 3·hard)/sentences.

    Easy words have 1–2 syllables, hard words 3 or more; grade = r/2 if r > 20, else (r − 2)/2.
    Over a whole text this is the 100-word-sample form with both counts scaled by 100/words
    (see docs/formulas.md).
    """
    easy = c.tokens - c.polysyllables
    r = (easy + 3.0 * c.polysyllables) / c.sentences
    return r / 2.0 if r > 20 else (r - 2.0) / 2.0


def forcast(c: Counts) -> float:
    """Caylor et al. (1973): 20 − N/10, N = monosyllables per 150 words."""
    return 20.0 - (c.monosyllables * 150.0 / c.tokens) / 10.0


def lix(c: Counts) -> float:
    """Björnsson (1968): words/sentences + 100·long words/words (long: more than 6 letters)."""
    return _asl(c) + 100.0 * c.long_words / c.tokens


def rix(c: Counts) -> float:
    """Anderson (1983): long words/sentences (long: more than 6 letters)."""
    return c.long_words / c.sentences


def dale_chall(c: Counts) -> float | None:
    """Dale & Chall (1948): 0.1579·PDW + 0.0496·ASL + 3.6365.

    PDW is the percentage of words not familiar for the Dale–Chall list. The constant is the
    regression intercept and is always added (not only when PDW > 5 %: docs/deviations.md).
    """
    if c.difficult_words is None:
        return None
    pdw = 100.0 * c.difficult_words / c.tokens
    return 0.1579 * pdw + 0.0496 * _asl(c) + 3.6365


def new_dale_chall(c: Counts) -> float | None:
    """Chall & Dale (1995) cloze score: 64 − 0.95·(unfamiliar words per 100) − 0.69·ASL.

    Higher is easier (it predicts a cloze percentage); :func:`new_dale_chall_grade` converts
    it to a reading-level band with the book's table.
    """
    if c.difficult_words is None:
        return None
    puw = 100.0 * c.difficult_words / c.tokens
    return 64.0 - 0.95 * puw - 0.69 * _asl(c)


# Chall & Dale (1995), cloze score → reading level (Table 5-8, p. 74): lowest cloze score of
# each band, from easiest to hardest. Scores are rounded half up to a whole number first.
NEW_DALE_CHALL_BANDS: tuple[tuple[int, str], ...] = (
    (58, "1"),
    (54, "2"),
    (50, "3"),
    (45, "4"),
    (40, "5-6"),
    (34, "7-8"),
    (28, "9-10"),
    (22, "11-12"),
    (16, "13-15"),
)
NEW_DALE_CHALL_HARDEST = "16+"


def new_dale_chall_grade(cloze: float | None) -> str | None:
    """The reading-level band (``"1"`` … ``"16+"``) of a New Dale–Chall cloze score."""
    if cloze is None or not math.isfinite(cloze):
        return None
    whole = math.floor(cloze + 0.5)
    for lowest, band in NEW_DALE_CHALL_BANDS:
        if whole >= lowest:
            return band
    return NEW_DALE_CHALL_HARDEST


def spache(c: Counts) -> float | None:
    """Spache revised (1974): 0.121·ASL + 0.082·PUW + 0.659.

    PUW is the number of *distinct* unfamiliar words (revised Spache list) per 100 words.
    """
    if c.unfamiliar_types is None:
        return None
    puw = 100.0 * c.unfamiliar_types / c.tokens
    return 0.121 * _asl(c) + 0.082 * puw + 0.659


def compute(c: Counts) -> tuple[Readability, dict[str, str]]:
    """All formulas for one text, and a reason for each one that is ``None``."""
    notes: dict[str, str] = {}
    if c.tokens == 0 or c.sentences == 0:
        reason = "no words" if c.tokens == 0 else "no sentences"
        for f in Readability.__slots__:  # type: ignore[attr-defined]
            notes[f] = reason
        return Readability(*([None] * len(Readability.__slots__))), notes  # type: ignore[attr-defined]
    dc = dale_chall(c)
    ndc = new_dale_chall(c)
    if dc is None:
        notes["dale_chall"] = notes["new_dale_chall"] = notes["new_dale_chall_grade"] = (
            "no Dale–Chall word list configured: it cannot be shipped; pass "
            "ProfileConfig(dale_chall_words=factbox.wordlists.load_wordlist(PATH))"
        )
    sp = spache(c)
    if sp is None:
        notes["spache"] = (
            "no Spache word list configured: it cannot be shipped; pass "
            "ProfileConfig(spache_words=factbox.wordlists.load_wordlist(PATH))"
        )
    return (
        Readability(
            flesch_reading_ease=flesch_reading_ease(c),
            flesch_kincaid_grade=flesch_kincaid_grade(c),
            gunning_fog=gunning_fog(c),
            smog=smog(c),
            coleman_liau=coleman_liau(c),
            automated_readability_index=automated_readability_index(c),
            dale_chall=dc,
            new_dale_chall=ndc,
            new_dale_chall_grade=new_dale_chall_grade(ndc),
            spache=sp,
            linsear_write=linsear_write(c),
            forcast=forcast(c),
            lix=lix(c),
            rix=rix(c),
        ),
        notes,
    )
