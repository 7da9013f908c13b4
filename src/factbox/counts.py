"""The surface counts every formula and measure is computed from.

Definitions of each count are in ``docs/definitions.md``; the counting itself happens in
:mod:`factbox.profile`. Keeping the counts in one plain record means every formula is a pure
function of numbers a user can check by hand.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Counts:
    """Counts behind the fact box. All are whole-text totals.

    sentences:          sentences that contain at least one token
    tokens:             tokens (words), see :func:`factbox.words`
    types:              distinct case-folded tokens
    syllables:          syllables of all tokens (by the profile's syllable method)
    letters:            alphabetic characters in tokens
    characters:         letters and digits in tokens
    monosyllables:      tokens of exactly 1 syllable (FORCAST)
    polysyllables:      tokens of 3 or more syllables (SMOG, Linsear Write "hard" words)
    complex_words:      Gunning's complex words: 3+ syllables, not a capitalised word inside a
                        sentence (a proper noun), and not 3 syllables only by an -es/-ed/-ing
                        inflection
    long_words:         tokens of more than 6 letters (LIX, RIX)
    difficult_words:    tokens not on the Dale–Chall list; None when no list is configured
    unfamiliar_types:   distinct tokens not on the Spache list; None when no list is configured
    urls:               URLs and e-mail addresses skipped (not tokens)
    foreign_characters: letters of non-Latin scripts skipped (not tokens)
    """

    sentences: int
    tokens: int
    types: int
    syllables: int
    letters: int
    characters: int
    monosyllables: int
    polysyllables: int
    complex_words: int
    long_words: int
    difficult_words: int | None = None
    unfamiliar_types: int | None = None
    urls: int = 0
    foreign_characters: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
