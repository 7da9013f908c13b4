"""The surface counts every formula and measure is computed from.

Definitions of each count are in ``docs/definitions.md`` and ``docs/formulas.md``; the counting
itself happens in :mod:`factbox.profile`, with the word-class rules (Gunning's complex words,
proper names, familiar words) as small per-type functions here and in :mod:`factbox.wordlists`.
Keeping the counts in one plain record means every formula is a pure function of numbers a user
can check by hand.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from factbox.wordlists import is_familiar


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
    complex_words:      Gunning's complex words: tokens of 3+ syllables that are not proper names
                        (see :func:`proper_name_occurrences`) and not verbs made 3 syllables by
                        adding -ed or -es (see :func:`complex_words`)
    long_words:         tokens of more than 6 letters (LIX, RIX)
    difficult_words:    tokens that are not familiar for the Dale–Chall list (not listed, not a
                        regular inflection of a listed word, not a numeral, not a proper name);
                        None when no list is configured
    unfamiliar_types:   distinct types that are unfamiliar for the Spache list by the same rule
                        (revised Spache counts each unfamiliar word once); None when no list
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
        # every field is a scalar: a plain comprehension, not dataclasses.asdict's deep copy
        return {f: getattr(self, f) for f in self.__slots__}  # type: ignore[attr-defined]


_CLOSERS = frozenset("\"'”’)]")


def is_title_case_headline(sentence: str, tokens: list[str]) -> bool:
    """Whether a sentence is a title-case headline: no end punctuation, and at least two words
    of 4+ letters, all capitalised (``Talks Resume in Geneva``). Its capitals say nothing about
    proper names, so :func:`proper_name_occurrences` treats its tokens as neutral."""
    end = sentence.rstrip()[-1:]
    if end in {".", "!", "?", "…", ":", ";"} or end in _CLOSERS:
        return False
    long_words = [t for t in tokens if len(t) >= 4 and t[0].isalpha()]
    return len(long_words) >= 2 and all(t[0].isupper() for t in long_words)


def proper_name_occurrences(
    freqs: Mapping[str, int],
    capitalised_inside: Mapping[str, int],
    capitalised_initial: Mapping[str, int],
    title_case: Mapping[str, int] | None = None,
) -> dict[str, int]:
    """How many occurrences of each type are proper names (types with none are left out).

    An occurrence is a proper name when the token is capitalised inside a sentence (not its
    first token). When the type also never occurs in lower case in the text, its capitalised
    sentence-initial occurrences and its occurrences in title-case headlines are proper names
    too ("Moscow said … in Moscow."); otherwise those capitals are the sentence's or the
    headline's. All arguments are keyed by case-folded type; ``title_case`` counts occurrences
    in title-case headlines (:func:`is_title_case_headline`).
    """
    neutral = title_case or {}
    out: dict[str, int] = {}
    for typ, inside in capitalised_inside.items():
        initial = capitalised_initial.get(typ, 0)
        headline = neutral.get(typ, 0)
        lower = freqs[typ] - inside - initial - headline
        out[typ] = inside + initial + headline if lower == 0 else inside
    return out


def complex_words(
    freqs: Mapping[str, int],
    syllables_of: Mapping[str, int],
    proper: Mapping[str, int],
    count_syllables: Callable[[str], int],
) -> int:
    """Gunning's (1952) complex words: 3+ syllables, minus his exclusions, counted per type.

    Excluded: proper names (occurrences counted in ``proper``); verbs made three syllables by
    adding -ed or -es: a 3-syllable type ending in ``-ed``/``-es`` whose base (without ``-d``/
    ``-s`` or ``-ed``/``-es``) has 2 syllables (``created`` ← ``create``, ``trespasses`` ←
    ``trespass``). Hyphenated compounds never reach here as one token (tokens split at
    hyphens); closed compounds of short words (``bookkeeper``) are not detected and count as
    complex (see docs/formulas.md).
    """
    n = 0
    for typ, f in freqs.items():
        if is_complex_type(typ, syllables_of[typ], count_syllables):
            n += f - proper.get(typ, 0)
    return n


def is_complex_type(typ: str, syllables: int, count_syllables: Callable[[str], int]) -> bool:
    """Whether a type of ``syllables`` syllables is one of Gunning's complex words when it is
    not a proper name: 3+ syllables, and not a verb made three syllables by adding -ed or -es
    (see :func:`complex_words`)."""
    if syllables < 3:
        return False
    return not (
        syllables == 3
        and typ.endswith(("ed", "es"))
        and (count_syllables(typ[:-1]) == 2 or count_syllables(typ[:-2]) == 2)
    )


def unfamiliar_tokens(
    freqs: Mapping[str, int], proper: Mapping[str, int], familiar: frozenset[str]
) -> int:
    """Tokens that are unfamiliar for a word list (Dale–Chall's "difficult words"), per type."""
    return sum(
        f - proper.get(typ, 0) for typ, f in freqs.items() if not is_familiar(typ, familiar)
    )


def unfamiliar_types(
    freqs: Mapping[str, int], proper: Mapping[str, int], familiar: frozenset[str]
) -> int:
    """Distinct types with at least one unfamiliar occurrence (revised Spache's count)."""
    return sum(
        1
        for typ, f in freqs.items()
        if f > proper.get(typ, 0) and not is_familiar(typ, familiar)
    )


__all__ = [
    "Counts",
    "complex_words",
    "is_complex_type",
    "proper_name_occurrences",
    "unfamiliar_tokens",
    "unfamiliar_types",
]
