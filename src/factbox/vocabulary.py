"""Vocabulary profile: CEFR level and frequency band of every word, and the hard words.

Definitions (full text, sources and differences from other tools in ``docs/level.md``):

* **Word list.** CEFR-J Vocabulary Profile 1.5 (A1–B2) and Octanove Vocabulary Profile C1/C2
  1.0, shipped as ``data/wordlists/cefr.tsv`` (built by ``scripts/build_wordlists.py``; citation
  in ``data/wordlists/NOTICE.md``). Multi-word entries are not used.
* **Headword.** A type on the list is its own headword (``better`` is listed, A1). Otherwise its
  lemmas from lemminflect's dictionary (``signed`` → *sign*, ``countries`` → *country*,
  ``went`` → *go*) are looked up; clitics are split first (``children's`` → *children* →
  *child*, ``don't`` → *do*, ``won't`` → *will*). A lemma found with the part of speech
  lemminflect gave it takes that entry's level (``signed`` is a verb form: *sign* verb, B1);
  without a matching part of speech the lemma's lowest level is used. With no context, a word
  gets the **easiest** of its candidate readings.
* **Level** of a type: the headword's level, or ``unlisted``.
* **Band** of a type: by rank in wordfreq's English list (``top_n_list("en")``), taking the better
  rank of the form and its headword: K1 = ranks 1–1000, K2 = 1001–2000, … K5, ``K6-10`` =
  5001–10000, ``off`` = beyond 10000 or absent.
* **Numbers** (types containing a digit) and **proper nouns** (types off the list, after
  lemmatisation, that are never written all in lower case in the text: ``Anitta``, ``NASA``,
  ``U.S.``, ``iPhone``) are left out of every share and reported as counts. A listed word is
  never a proper noun (``Brown``, ``May`` count as *brown*, *may*).
* **Shares** are of the remaining tokens (``cefr_tokens``) and of their distinct case-folded
  types (``cefr_types``); each set of shares sums to 1.
* **Hard words**: listed words above ``hard_level`` (default B2, so C1 and C2) and unlisted
  words outside K1–K5, with their counts, most frequent first.
"""

from __future__ import annotations

import math
import threading
from collections import Counter
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from factbox import _engine
from factbox.errors import ConfigError
from factbox.tokens import fold, words

LEVELS: tuple[str, ...] = ("A1", "A2", "B1", "B2", "C1", "C2")
UNLISTED = "unlisted"
CEFR_KEYS: tuple[str, ...] = (*LEVELS, UNLISTED)
BANDS: tuple[str, ...] = ("K1", "K2", "K3", "K4", "K5", "K6-10", "off")
_BAND_LIMITS = (1000, 2000, 3000, 4000, 5000, 10000)
RANK_CAP = 30_001  # the rank given to a word outside wordfreq's top 30,000
_WORDLIST_HEADER = "# factbox-cefr-wordlist 1"
_LEVEL_INDEX = {lv: i for i, lv in enumerate(LEVELS)}
# lemminflect part-of-speech tags → the coarse tags of the shipped list
_UPOS = {"NOUN": "NOUN", "PROPN": "NOUN", "VERB": "VERB", "AUX": "VERB", "ADJ": "ADJ", "ADV": "ADV"}
_NT_BASES = {"ca": "can", "wo": "will", "sha": "shall", "ai": "be"}
_EXTRA_LEMMAS = {"cannot": "can"}


class WordListError(ConfigError):
    """The shipped word list is missing or not in the expected format."""


@dataclass(frozen=True, slots=True)
class WordInfo:
    """What the profile knows about one case-folded type."""

    headword: str  # the list headword, or the type itself when unlisted
    level: str  # "A1" … "C2" or "unlisted"
    band: str  # "K1" … "K5", "K6-10" or "off"
    rank: int  # wordfreq rank of the form or its headword, whichever is better; RANK_CAP if absent


@dataclass(frozen=True, slots=True)
class HardWord:
    """A hard word: its headword, level, band, number of tokens and the forms seen."""

    word: str
    level: str
    band: str
    count: int
    forms: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "word": self.word,
            "level": self.level,
            "band": self.band,
            "count": self.count,
            "forms": list(self.forms),
        }


@dataclass(frozen=True, slots=True)
class VocabularyProfile:
    """The vocabulary profile of a text (see the module docstring for every definition).

    tokens / types:   tokens and distinct types profiled (numbers and proper nouns left out)
    numbers:          tokens left out as numbers
    proper_nouns:     tokens left out as proper nouns
    cefr_tokens:      share of ``tokens`` at each level A1 … C2 and ``unlisted`` (sums to 1)
    cefr_types:       the same for ``types``
    band_tokens:      share of ``tokens`` in each frequency band K1 … K5, K6-10, off
    band_types:       the same for ``types``
    mean_level:       mean level of listed tokens on the scale A1 = 1 … C2 = 6
    mean_log_rank:    mean natural log of the tokens' wordfreq ranks (see :class:`WordInfo`)
    sd_log_rank:      their standard deviation
    hard_types_200:   expected share of B2-and-above or unlisted types among the types of a
                      random 200-token sample (drawn with replacement): a type share that does
                      not grow with text length; equals the plain type share for short texts
    hard_level:       words above this level are hard
    hard_words:       the hard words, most frequent first
    Shares and ``mean_level`` are ``None`` when there is no token to profile.
    """

    tokens: int
    types: int
    numbers: int
    proper_nouns: int
    cefr_tokens: dict[str, float | None]
    cefr_types: dict[str, float | None]
    band_tokens: dict[str, float | None]
    band_types: dict[str, float | None]
    mean_level: float | None
    mean_log_rank: float | None
    sd_log_rank: float | None
    hard_types_200: float | None
    hard_level: str
    hard_words: tuple[HardWord, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "tokens": self.tokens,
            "types": self.types,
            "numbers": self.numbers,
            "proper_nouns": self.proper_nouns,
            "cefr_tokens": dict(self.cefr_tokens),
            "cefr_types": dict(self.cefr_types),
            "band_tokens": dict(self.band_tokens),
            "band_types": dict(self.band_types),
            "mean_level": self.mean_level,
            "mean_log_rank": self.mean_log_rank,
            "sd_log_rank": self.sd_log_rank,
            "hard_types_200": self.hard_types_200,
            "hard_level": self.hard_level,
            "hard_words": [h.to_dict() for h in self.hard_words],
        }


@lru_cache(maxsize=1)
def wordlist() -> dict[str, dict[str, str]]:
    """The shipped CEFR list: headword → {coarse POS → level}. Loaded once, on first use."""
    try:
        text = (resources.files("factbox") / "data" / "wordlists" / "cefr.tsv").read_text(
            encoding="utf-8"
        )
    except OSError as err:  # pragma: no cover - a broken installation
        raise WordListError(
            f"cannot read the shipped CEFR word list ({err}); reinstall factbox"
        ) from err
    lines = text.splitlines()
    if not lines or lines[0] != _WORDLIST_HEADER:
        raise WordListError(
            f"the shipped CEFR word list does not start with {_WORDLIST_HEADER!r}; "
            "rebuild it with scripts/build_wordlists.py"
        )
    out: dict[str, dict[str, str]] = {}
    for line in lines[1:]:
        word, pos, level, _source = line.split("\t")
        out.setdefault(word, {})[pos] = level
    return out


@lru_cache(maxsize=1)
def _ranks() -> dict[str, int]:
    import wordfreq

    return {w: i + 1 for i, w in enumerate(wordfreq.top_n_list("en", RANK_CAP - 1))}


@lru_cache(maxsize=1)
def _lemmatizer():  # type: ignore[no-untyped-def]
    import lemminflect

    return lemminflect.getAllLemmas, lemminflect.getAllLemmasOOV


def _band(rank: int | None) -> str:
    if rank is not None:
        for name, limit in zip(BANDS, _BAND_LIMITS, strict=False):
            if rank <= limit:
                return name
    return "off"


def _easiest(entries: dict[str, str]) -> str:
    return min(entries.values(), key=_LEVEL_INDEX.__getitem__)


def _strip_clitic(word: str) -> str:
    if word in _EXTRA_LEMMAS:
        return _EXTRA_LEMMAS[word]
    if "'" not in word:
        return word
    if word.endswith("n't"):
        base = word[:-3]
        return _NT_BASES.get(base, base)
    return word.split("'", 1)[0]


def _candidates(word: str) -> list[tuple[str, str | None]]:
    """(lemma, coarse POS or None) candidates for an unlisted form, best first."""
    get_lemmas, get_oov = _lemmatizer()
    lemmas = get_lemmas(word)
    if not lemmas and word.endswith(("s", "ed", "ing")):
        lemmas = {**get_oov(word, "VERB"), **get_oov(word, "NOUN")}
    return [(lemma, _UPOS.get(upos)) for upos, ls in lemmas.items() for lemma in ls]


@lru_cache(maxsize=200_000)
def lookup(word: str) -> WordInfo:
    """Headword, CEFR level and frequency band of one word (case-folded), cached per type.

    >>> lookup("signed")
    WordInfo(headword='sign', level='B1', band='K1', rank=885)
    """
    w = fold(word)
    lst = wordlist()
    ranks = _ranks()
    base = w if w in lst else _strip_clitic(w)
    headword, level = w, UNLISTED
    if base in lst:
        headword, level = base, _easiest(lst[base])
    elif base:
        matched: list[tuple[str, str]] = []
        fallback: list[tuple[str, str]] = []
        candidates = _candidates(base)
        for lemma, pos in candidates:
            entries = lst.get(lemma)
            if entries is None:
                continue
            if pos is not None and pos in entries:
                matched.append((entries[pos], lemma))
            else:
                fallback.append((_easiest(entries), lemma))
        found = matched or fallback
        if found:
            level, headword = min(found, key=lambda p: (_LEVEL_INDEX[p[0]], p[1]))
        else:  # an unlisted inflected form still groups under its lemma
            want = "NOUN" if base.endswith("s") else "VERB" if base.endswith(("ed", "ing")) else ""
            headword = next((lemma for lemma, pos in candidates if pos == want), w)
    rank_form = ranks.get(w)
    rank_head = ranks.get(headword)
    rank = min((r for r in (rank_form, rank_head) if r is not None), default=RANK_CAP)
    return WordInfo(headword=headword, level=level, band=_band(rank), rank=rank)


def _check_level(hard_level: str) -> str:
    if hard_level not in LEVELS:
        raise ConfigError(f"hard_level must be one of {', '.join(LEVELS)}, not {hard_level!r}")
    return hard_level


_UNLISTED_INDEX = len(LEVELS)
_B2_INDEX = _LEVEL_INDEX["B2"]
_RARE_BANDS = (BANDS.index("K6-10"), BANDS.index("off"))
_N_BANDS = len(BANDS)
_N_CELLS = (len(LEVELS) + 1) * _N_BANDS
SAMPLE_TOKENS = 200
_TABLE_LIMIT = 1_000_000  # distinct types remembered before the table starts afresh


class _TypeTable:
    """Every type seen so far with what :func:`compute` needs, in parallel numpy arrays, so a
    text's profile is a few array operations instead of a Python loop over its types.

    level: level index, 6 = unlisted, -1 = number; cell: level·7 + band; lr: ln rank;
    rare: unlisted and outside K1–K5; headword: the type's headword.
    """

    def __init__(self) -> None:
        import numpy as np

        self.np = np
        # counts the times the table started afresh: rows kept elsewhere
        # (``factbox.profile``'s type table) are valid only for the generation they came from
        self.generation: int = getattr(self, "generation", -1) + 1
        self.index: dict[str, int] = {}
        self.headword: list[str] = []
        self.level = np.empty(0, np.int8)
        self.cell = np.empty(0, np.intp)
        self.lr = np.empty(0, np.float64)
        self.rare = np.empty(0, np.bool_)

    def snapshot(self) -> tuple[dict[str, int], Any, Any, Any, Any, list[str]]:
        """The index, the four arrays and the headwords of one moment. Starting afresh
        replaces them all and adding types appends (new arrays, the list and the index grow
        in place), so the arrays and the headwords stay valid for the rows the index had."""
        with _TABLE_LOCK:
            return self.snapshot_unlocked()

    def snapshot_unlocked(self) -> tuple[dict[str, int], Any, Any, Any, Any, list[str]]:
        """:meth:`snapshot` for a caller that holds ``_TABLE_LOCK``."""
        return self.index, self.level, self.cell, self.lr, self.rare, self.headword

    def ensure(self, types: list[str]) -> None:
        """Add the types not in the table yet (starting afresh past ``_TABLE_LIMIT``)."""
        with _TABLE_LOCK:  # one writer at a time
            self._ensure_locked(types)

    def rows_of(self, types: list[str]) -> tuple[list[int], int]:
        """The row of each type (adding the missing ones) and the generation they belong to."""
        with _TABLE_LOCK:
            self._ensure_locked(types)
            index = self.index
            return [index[t] for t in types], self.generation

    def _ensure_locked(self, types: list[str]) -> None:
        """:meth:`ensure` for a caller that holds ``_TABLE_LOCK``."""
        index = self.index
        if all(t in index for t in types):
            return
        missing = [t for t in dict.fromkeys(types) if t not in index]
        if len(index) + len(missing) > _TABLE_LIMIT:
            self.__init__()  # type: ignore[misc]
            missing = list(dict.fromkeys(types))
        self._add(missing)

    def _add(self, types: list[str]) -> None:
        np = self.np
        rows = []
        for t in types:
            if any(ch.isdigit() for ch in t):
                rows.append((-1, 0, 0.0, False, ""))
                continue
            w = lookup(t)
            level = _LEVEL_INDEX.get(w.level, _UNLISTED_INDEX)
            band = BANDS.index(w.band)
            rare = level == _UNLISTED_INDEX and band in _RARE_BANDS
            rows.append((level, level * _N_BANDS + band, math.log(w.rank), rare, w.headword))
        start = len(self.headword)
        self.headword.extend(r[4] for r in rows)
        self.level = np.concatenate([self.level, np.array([r[0] for r in rows], np.int8)])
        self.cell = np.concatenate([self.cell, np.array([r[1] for r in rows], np.intp)])
        self.lr = np.concatenate([self.lr, np.array([r[2] for r in rows], np.float64)])
        self.rare = np.concatenate([self.rare, np.array([r[3] for r in rows], np.bool_)])
        for k, t in enumerate(types):  # only now: a thread that finds a type finds its row
            self.index[t] = start + k


_TABLE_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _table() -> _TypeTable:
    return _TypeTable()


def compute(
    freqs: Mapping[str, int], forms: Collection[str], *, hard_level: str = "B2"
) -> VocabularyProfile:
    """The profile from the case-folded type counts of a text (``freqs``) and the set of its
    tokens as written (``forms``, used by the proper-noun rule: an unlisted type is a proper
    noun when it is never written in lower case). :func:`factbox.profile` calls this with its
    own counts."""
    hard_index = _LEVEL_INDEX[_check_level(hard_level)]
    tab = _table()
    c = _engine.speedups
    sums = None
    if c is not None and type(freqs) is dict:
        for _ in range(3):  # a type without a row: add it and ask again
            index, level, cell, lr, rare, headword = tab.snapshot()
            sums = c.vocabulary_sums(
                index, freqs, level, cell, lr, rare, forms, hard_index,
                _N_CELLS, _UNLISTED_INDEX, _B2_INDEX,
            )  # None also for a row past the snapshot's arrays (another thread added it)
            if sums is not None:
                break
            tab.ensure(list(freqs))
    if sums is None:
        sums, headword = _sums_python(tab, freqs, forms, hard_index)
    return _profile(headword, list(freqs), sums, hard_level)


def compute_rows(
    freqs: dict[str, int], forms: Collection[str], rows: bytes, generation: int
) -> VocabularyProfile | None:
    """:func:`compute` (hard level B2) when the caller already has each type's row in the
    process-wide table (``rows``: int64 bytes, in the order of ``freqs``, from table
    ``generation``): no lookups. ``None`` when that is not possible (no compiled engine, or
    the table started afresh since); then call :func:`compute`."""
    c = _engine.speedups
    tab = _table()
    if c is None:
        return None
    with _TABLE_LOCK:  # the generation and the arrays of one moment
        if tab.generation != generation:
            return None
        _, level, cell, lr, rare, headword = tab.snapshot_unlocked()
    sums = c.vocabulary_sums(
        rows, freqs, level, cell, lr, rare, forms, _B2_INDEX, _N_CELLS, _UNLISTED_INDEX,
        _B2_INDEX,
    )  # the rows are of that generation: within its arrays, which only ever grow
    if sums is None:
        return None
    return _profile(headword, list(freqs), sums, "B2")


def _sums_python(
    tab: _TypeTable, freqs: Mapping[str, int], forms: Collection[str], hard_index: int
) -> tuple[Any, ...]:
    """The per-type sums behind a profile (the reference of the compiled
    ``vocabulary_sums``): numbers, proper nouns, tokens and types per level and per band, kept
    tokens and types, Σ f·ln rank, Σ f·(ln rank)², the sampled-type sums of B2-and-above
    types and of all types, and (position, row, count, level, cell) of each hard type."""
    np = tab.np
    keys = list(freqs)
    while True:
        with _TABLE_LOCK:  # the rows and the arrays of one moment (other threads may add)
            _, level_of, cell_of, lr_of, rare_of, headword = tab.snapshot_unlocked()
            # row of each type (-1: none yet), count
            idx, f = _engine.lookup_python(tab.index, freqs, np)
        if not (len(idx) and idx.min() < 0):
            break
        tab.ensure(keys)  # types not seen before: add them, then look up again
    level = level_of[idx]
    keep = level >= 0
    numbers = int(f[~keep].sum())
    proper = 0
    for i in np.flatnonzero(level == _UNLISTED_INDEX).tolist():
        t = keys[i]
        if t not in forms and t.replace("'", "\u2019") not in forms:
            keep[i] = False
            proper += int(f[i])
    pos = np.flatnonzero(keep)
    fk = f[pos]
    ik = idx[pos]
    lk = level[pos]
    cells = cell_of[ik]
    by_tok = np.bincount(cells, weights=fk, minlength=_N_CELLS).astype(np.int64)
    by_tok = by_tok.reshape(len(CEFR_KEYS), _N_BANDS)
    by_typ = np.bincount(cells, minlength=_N_CELLS).reshape(len(CEFR_KEYS), _N_BANDS)
    n_tok = int(fk.sum())
    lr_sum = lr2_sum = seen_hard = seen_all = 0.0
    if n_tok:
        lr = lr_of[ik]
        lr_sum = float((lr * fk).sum())
        lr2_sum = float((lr * lr * fk).sum())
        # libm's pow per type (Python's **), as the compiled path: numpy's vectorised power
        # may differ in the last bit depending on the CPU
        fks = fk.tolist()
        p_seen = {x: 1.0 - (1.0 - x / n_tok) ** SAMPLE_TOKENS for x in set(fks)}  # per count
        seen = np.array([p_seen[x] for x in fks])
        seen_hard = float(seen[lk >= _B2_INDEX].sum())
        seen_all = float(seen.sum())
    is_hard = rare_of[ik] | ((lk > hard_index) & (lk < _UNLISTED_INDEX))
    hard_at = np.flatnonzero(is_hard)
    hard_ik = ik[hard_at]
    hard = list(
        zip(
            pos[hard_at].tolist(),
            hard_ik.tolist(),
            fk[hard_at].tolist(),
            lk[hard_at].tolist(),
            cell_of[hard_ik].tolist(),
            strict=True,
        )
    )
    return (
        numbers, proper, by_tok.sum(axis=1).tolist(), by_typ.sum(axis=1).tolist(),
        by_tok.sum(axis=0).tolist(), by_typ.sum(axis=0).tolist(), n_tok, len(pos), lr_sum,
        lr2_sum, seen_hard, seen_all, hard,
    ), headword


def _profile(
    headword: list[str], keys: list[str], sums: tuple[Any, ...], hard_level: str
) -> VocabularyProfile:
    (numbers, proper, cefr_tok, cefr_typ, band_tok, band_typ, n_tok, n_typ, lr_sum, lr2_sum,
     seen_hard, seen_all, hard_types) = sums

    mean_lr = sd_lr = hard_share = None
    if n_tok:
        mean_lr = lr_sum / n_tok
        sd_lr = math.sqrt(max(lr2_sum / n_tok - mean_lr * mean_lr, 0.0))
        hard_share = seen_hard / seen_all

    hard: dict[str, list[Any]] = {}
    new_hard_word = _new_hard_word
    for p, k, count, lv, cell in hard_types:
        head = headword[k]
        entry = hard.get(head)
        if entry is None:
            hard[head] = [lv, cell % _N_BANDS, count, [keys[p]]]
        else:
            entry[2] += count
            entry[3].append(keys[p])
    hard_words = tuple(
        new_hard_word(h, CEFR_KEYS[lv], BANDS[band], count, tuple(sorted(forms_)))
        for h, (lv, band, count, forms_) in sorted(hard.items(), key=lambda kv: (-kv[1][2], kv[0]))
    )
    n_listed = n_tok - cefr_tok[_UNLISTED_INDEX]
    level_sum = sum((i + 1) * cefr_tok[i] for i in range(len(LEVELS)))
    return _new_profile(
        tokens=n_tok,
        types=n_typ,
        numbers=numbers,
        proper_nouns=proper,
        cefr_tokens=_shares(cefr_tok, n_tok, CEFR_KEYS),
        cefr_types=_shares(cefr_typ, n_typ, CEFR_KEYS),
        band_tokens=_shares(band_tok, n_tok, BANDS),
        band_types=_shares(band_typ, n_typ, BANDS),
        mean_level=level_sum / n_listed if n_listed else None,
        mean_log_rank=mean_lr,
        sd_log_rank=sd_lr,
        hard_types_200=hard_share,
        hard_level=hard_level,
        hard_words=hard_words,
    )


# the records without their generated __init__ (same objects, see factbox._engine.record)
_new_hard_word = _engine.record(HardWord)
_new_profile = _engine.record(VocabularyProfile)


def _shares(c: list[int], n: int, keys: tuple[str, ...]) -> dict[str, float | None]:
    return {k: (c[i] / n if n else None) for i, k in enumerate(keys)}


def vocabulary_profile(text: str, *, hard_level: str = "B2") -> VocabularyProfile:
    """The vocabulary profile of ``text``: CEFR and frequency-band shares and the hard words.

    >>> vp = vocabulary_profile("The countries signed the treaty. Anitta signed it too.")
    >>> vp.tokens, vp.proper_nouns, vp.cefr_tokens["A1"]
    (8, 1, 0.5)
    """
    toks = words(text)
    return compute(Counter(fold(t) for t in toks), set(toks), hard_level=hard_level)


def format_vocabulary(vp: VocabularyProfile, *, max_hard_words: int = 20) -> str:
    """The vocabulary profile as fact-box lines (for ``factbox --all``).

    >>> print(format_vocabulary(vocabulary_profile("The meticulous cat sat. It sat.")))
    CEFR (tokens): A1 83.3%  A2 0.0%  B1 0.0%  B2 0.0%  C1 0.0%  C2 16.7%  unlisted 0.0%
    Bands (tokens): K1 33.3%  K2 50.0%  K3 0.0%  K4 0.0%  K5 0.0%  K6-10 0.0%  off 16.7%
    Left out: 0 numbers, 0 proper nouns
    Hard words (above B2): meticulous (C2) ×1
    """
    def line(name: str, shares: dict[str, float | None]) -> str:
        if vp.tokens == 0:
            return f"{name}: n/a"
        return f"{name}: " + "  ".join(f"{k} {100.0 * (v or 0.0):.1f}%" for k, v in shares.items())

    hard = vp.hard_words[:max_hard_words]
    listed = ", ".join(f"{h.word} ({h.level}) ×{h.count}" for h in hard) or "none"
    if len(vp.hard_words) > len(hard):
        listed += f", … ({len(vp.hard_words) - len(hard)} more)"
    return "\n".join(
        [
            line("CEFR (tokens)", vp.cefr_tokens),
            line("Bands (tokens)", vp.band_tokens),
            f"Left out: {vp.numbers} numbers, {vp.proper_nouns} proper nouns",
            f"Hard words (above {vp.hard_level}): {listed}",
        ]
    )
