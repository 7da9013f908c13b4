"""Familiar-word lists for the Dale–Chall and Spache formulas, and how a word counts as familiar.

The Dale–Chall (1948/1995) and revised Spache (1974) lists are copyrighted and are not shipped
with factbox. A user who has a licensed copy loads it with :func:`load_wordlist` and passes it
in :class:`~factbox.config.ProfileConfig`::

    from factbox import ProfileConfig, profile
    from factbox.wordlists import load_wordlist

    cfg = ProfileConfig(dale_chall_words=load_wordlist("dale_chall.txt"))
    profile(text, config=cfg).readability.dale_chall

File format: UTF-8 text, one word per line; ``#`` starts a comment (to the end of the line);
blank lines are ignored; words are case-folded exactly as tokens are (:func:`factbox.tokens.fold`).

A token is **familiar** (see ``docs/formulas.md``, "Familiar words") when its type is on the list,
or it is a regular inflection of a listed word (:func:`is_familiar`), or it is a numeral (a token
without letters). Proper names (capitalised inside a sentence) are familiar too; that part is
decided in :mod:`factbox.profile`, which sees the capitalisation.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from factbox.errors import ConfigError, InputError
from factbox.tokens import fold

_VOWELS = frozenset("aeiouy")


def load_wordlist(path: str | Path) -> frozenset[str]:
    """Read a familiar-word list: one word per line, ``#`` comments, case-folded.

    Raises :class:`~factbox.errors.InputError` if the file cannot be read as UTF-8 text and
    :class:`~factbox.errors.ConfigError` if an entry is not a single word or the list is empty.
    """
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{p}: word list not found") from None
    except IsADirectoryError:
        raise InputError(f"{p}: is a directory, not a word list file") from None
    except UnicodeDecodeError as err:
        raise InputError(
            f"{p}: word list is not UTF-8 text (byte {err.start}); re-save it as UTF-8"
        ) from None
    except OSError as err:
        raise InputError(f"{p}: cannot read word list ({err.strerror})") from None
    return wordlist_from_lines(raw.splitlines(), source=str(p))


def wordlist_from_lines(lines: Iterable[str], *, source: str = "word list") -> frozenset[str]:
    """Build a familiar-word set from lines in the :func:`load_wordlist` format."""
    words: set[str] = set()
    for lineno, line in enumerate(lines, start=1):
        entry = line.split("#", 1)[0].strip()
        if not entry:
            continue
        if any(ch.isspace() for ch in entry):
            raise ConfigError(
                f"{source}, line {lineno}: {entry!r} is not a single word "
                "(one word per line; hyphenated or multi-word entries never match a token)"
            )
        words.add(fold(entry))
    if not words:
        raise ConfigError(f"{source}: the word list has no words")
    return frozenset(words)


def _stems(w: str) -> Iterable[str]:
    """Candidate base words of which ``w`` is a regular inflection (plural, possessive, -ed, -ing).

    The rule (documented in docs/formulas.md): possessive ``'s`` / ``s'``; plural or third person
    ``-s``, ``-es``, ``-ies`` (→ ``-y``); past ``-d``, ``-ed``, ``-ied`` (→ ``-y``), with a doubled
    final consonant undone (``stopped`` → ``stop``); progressive ``-ing``, also with a silent
    ``e`` restored (``making`` → ``make``) or a doubled consonant undone (``running`` → ``run``).
    """
    if w.endswith("'s"):
        yield w[:-2]
        return
    if w.endswith("s'"):
        yield w[:-1]  # James' → james
        yield w[:-2]  # cats' → cat
        return
    n = len(w)
    if n > 3 and w.endswith("ies"):
        yield w[:-3] + "y"
    if n > 3 and w.endswith("es"):
        yield w[:-2]
    if n > 2 and w.endswith("s") and not w.endswith("ss"):
        yield w[:-1]
    if n > 3 and w.endswith("ied"):
        yield w[:-3] + "y"
    if n > 3 and w.endswith("ed"):
        base = w[:-2]
        yield base  # played → play
        yield w[:-1]  # liked → like
        if len(base) > 2 and base[-1] == base[-2] and base[-1] not in _VOWELS:
            yield base[:-1]  # stopped → stop
    if n > 4 and w.endswith("ing"):
        base = w[:-3]
        yield base
        if len(base) > 2:
            yield base + "e"
        if len(base) > 2 and base[-1] == base[-2] and base[-1] not in _VOWELS:
            yield base[:-1]


@lru_cache(maxsize=400_000)
def is_familiar(word: str, familiar: frozenset[str]) -> bool:
    """Whether a case-folded type counts as familiar for a familiar-word list.

    True if the word is listed, is a numeral (no letters), or is a regular inflection of a
    listed word (see :func:`_stems`). Proper names are handled by the caller. Cached per
    (word, list): a frozenset caches its hash, so a look-up costs one dict probe.
    """
    if word in familiar:
        return True
    if not any(ch.isalpha() for ch in word):
        return True
    return any(stem in familiar for stem in _stems(word))
