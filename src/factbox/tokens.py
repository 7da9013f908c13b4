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
from collections import Counter
from collections.abc import Iterable, Sequence

from factbox import _engine

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
    c = _engine.speedups
    if c is not None:
        return c.foreign_characters(text)  # type: ignore[no-any-return]
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


# ---------------------------------------------------------------------------------------------
# Counting the tokens of a text's sentences (the hot path of factbox.profile)

# Sentences are tokenised in one regex pass over the text with this character between them: it
# ends a token exactly as the end of a sentence does (it is neither a letter nor a digit), so
# the tokens are those of a findall per sentence. Texts that contain it take the slow path.
_SENTINEL = "\x01"
_TOKENS_AND_SENTINELS = re.compile(f"{TOKEN_RE.pattern}|{_SENTINEL}").findall

Scan = tuple[
    dict[str, str], dict[str, int], "bytes | list[int]", list[int], list, dict[str, int]
]
"""What :func:`scan` returns: ``(fold_of, freqs, type_ids, lengths, firsts, capitalised)``."""


def sentence_tokens(text: str, spans: Sequence[tuple[int, int]]) -> list[list[str]]:
    """The tokens of each span, as ``TOKEN_RE.findall(text, start, end)`` gives them."""
    if _SENTINEL in text:
        findall = TOKEN_RE.findall
        return [findall(text, a, b) for a, b in spans]
    flat = _TOKENS_AND_SENTINELS(_SENTINEL.join([text[a:b] for a, b in spans]) + _SENTINEL)
    out = []
    i = 0
    index = flat.index
    for _ in spans:
        k = index(_SENTINEL, i)
        out.append(flat[i:k])
        i = k + 1
    return out


def scan(text: str, spans: Sequence[tuple[int, int]]) -> Scan:
    """The tokens of ``text[a:b]`` for each span ``(a, b)``, counted:

    * ``fold_of``: each distinct token as written (form) → its type (:func:`fold`), in order
      of first occurrence;
    * ``freqs``: each type → its count, in order of first occurrence;
    * ``type_ids``: for each token in order, the index of its type in ``freqs`` (a list of
      ints, or with the compiled engine the same numbers as native 32-bit ints in a bytes
      object);
    * ``lengths``: the number of tokens of each span;
    * ``firsts``: the first token of each span (``None`` for a span without tokens);
    * ``capitalised``: each type → its occurrences that start with a capital letter (types
      without any are left out), in order of the first capitalised form.

    Uses the compiled extension when it is available (``factbox.engine()``), else
    :func:`scan_python`, the reference; both give the same result.
    """
    c = _engine.speedups
    if c is not None:
        return c.scan(text, spans)  # type: ignore[no-any-return]
    return scan_python(text, spans)


def scan_python(text: str, spans: Sequence[tuple[int, int]]) -> Scan:
    """:func:`scan` in Python: the reference for the compiled one."""
    per_span = sentence_tokens(text, spans)
    tokens: list[str] = []
    for toks in per_span:
        tokens += toks
    forms = Counter(tokens)
    fold_of = dict(zip(forms, fold_all(forms), strict=True))
    folded = list(map(fold_of.__getitem__, tokens))
    freqs = Counter(folded)
    type_id = dict(zip(freqs, range(len(freqs)), strict=True))
    capitalised: dict[str, int] = {}
    for form in [t for t in forms if t[0].isupper()]:
        typ = fold_of[form]
        capitalised[typ] = capitalised.get(typ, 0) + forms[form]
    return (
        fold_of,
        freqs,
        list(map(type_id.__getitem__, folded)),
        [len(toks) for toks in per_span],
        [toks[0] if toks else None for toks in per_span],
        capitalised,
    )
