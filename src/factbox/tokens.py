"""Tokens: what factbox counts as a word, and the letters and characters inside words.

The definitions (full text in ``docs/definitions.md``):

* A **token** (word) is a maximal run of Latin-script letters and digits, optionally joined
  by internal apostrophes (``don't``, ``China's``, ``o'clock`` are one token each), or a
  number with internal decimal or thousands separators (``13.6``, ``1,000``, ``3.30``), or an
  initialism written with internal full stops (``U.S.``, ``a.m.``, ``e.g.``).
* Hyphens, slashes and dashes separate tokens: ``China-Russia`` is two tokens. (Flesch's 1948
  counting instructions count a hyphenated compound as one word; see ``docs/deviations.md``.)
* URLs and e-mail addresses are not words of running prose: they are skipped and counted
  separately (``FactBox.counts.urls``).
* Non-Latin scripts (Chinese characters, Cyrillic, Arabic …) are not English words and produce
  no tokens, so they cannot inflate English measures; they are counted in
  ``FactBox.counts.foreign_characters``.
* A **type** is a distinct token after Unicode case folding (``The`` and ``the`` are one type).
* **Letters** are the alphabetic characters of tokens; **characters** are the letters and
  digits of tokens (punctuation, spaces and skipped material are never characters).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Latin letters: ASCII, Latin-1 Supplement letters, Latin Extended-A/B, Latin Extended Additional.
_L = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_LD = _L + "0-9"
_APOS = "'\u2019"

URL_RE = re.compile(
    r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"]+[^\s<>\".,;:!?)\]}'’”]"
    r"|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b",
    re.IGNORECASE,
)

# A token is the first of these that matches (tests/test_tokens.py checks the compiled form
# below against this plain one):
#   [L](?:\.[L])+\.?(?![LD])        initialisms: U.S., a.m., e.g.
#   [0-9]+(?:[.,][0-9]+)*(?:[L]+)?   numbers: 2024, 13.6, 1,000, 20th
#   [LD]+(?:[APOS][LD]+)*            words with internal apostrophes
# The numbers alternative matches at every digit, so a word starts with a letter; the pattern
# is written with the letter factored out of the first and third alternatives, which saves the
# regex engine two failed alternatives at every word (9 % fewer instructions).
TOKEN_RE = re.compile(
    rf"[{_L}](?:(?:\.[{_L}])+\.?(?![{_LD}])"  # initialisms: U.S., a.m., e.g.
    rf"|[{_LD}]*(?:[{_APOS}][{_LD}]+)*)"  # words with internal apostrophes
    rf"|[0-9]+(?:[.,][0-9]+)*(?:[{_L}]+)?"  # numbers: 2024, 13.6, 1,000, 20th
)

_FOREIGN_RE = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u2000-\u206f\u20a0-\u20cf\s\d\W]")


def strip_urls(text: str) -> tuple[str, int]:
    """Blank out URLs and e-mail addresses; return the new text and how many there were.

    Each one is replaced by as many spaces as it had characters, so offsets into the text stay
    valid (concordances rely on it).
    """
    if "://" not in text and "www." not in text and "@" not in text:
        return text, 0
    n = 0

    def _sub(m: re.Match[str]) -> str:
        nonlocal n
        n += 1
        return " " * (m.end() - m.start())

    return URL_RE.sub(_sub, text), n


def words(text: str) -> list[str]:
    """Return exactly the tokens factbox counts, in text order, with their original case.

    >>> words("Dr. Smith's U.S. trip cost $1,200.50 at 3.30 p.m. on China-Russia talks.")[:9]
    ['Dr', "Smith's", 'U.S.', 'trip', 'cost', '1,200.50', 'at', '3.30', 'p.m.']
    """
    text, _ = strip_urls(text)
    return TOKEN_RE.findall(text)


def token_spans(text: str) -> list[tuple[int, int]]:
    """Character offsets ``(start, end)`` of each token of :func:`words`, in order."""
    text, _ = strip_urls(text)
    return [m.span() for m in TOKEN_RE.finditer(text)]


def foreign_characters(text: str) -> int:
    """Count letters of non-Latin scripts (e.g. Chinese characters), which produce no tokens."""
    if text.isascii():  # O(1) for a str: ASCII has no such letter
        return 0
    return len(_FOREIGN_RE.findall(text))


def fold(token: str) -> str:
    """The type of a token: its Unicode case fold, with a typographic apostrophe made ASCII."""
    return token.casefold().replace("\u2019", "'")


def fold_all(tokens: Iterable[str]) -> list[str]:
    """:func:`fold` of each token, in order (C-level passes: no Python call per token)."""
    folded = list(map(str.casefold, tokens))
    if "\u2019" in "".join(folded):  # typographic apostrophes (casefold makes none)
        folded = [t.replace("\u2019", "'") for t in folded]
    return folded


def letters(token: str) -> int:
    """Number of letters in a token (digits and full stops of initialisms excluded)."""
    return sum(1 for c in token if c.isalpha())


def characters(token: str) -> int:
    """Number of letters and digits in a token (what ARI and Coleman–Liau count)."""
    return sum(1 for c in token if c.isalnum())
