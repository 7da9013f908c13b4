"""The fact box: one pass of counting, then every formula and measure from those counts."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from factbox import counts as _counts
from factbox import diversity as _diversity
from factbox import level as _level
from factbox import readability as _readability
from factbox.config import ProfileConfig, SyllableMethod
from factbox.counts import Counts
from factbox.diversity import Diversity
from factbox.readability import Readability
from factbox.sentences import sentence_spans
from factbox.syllables import syllable_counter
from factbox.tokens import TOKEN_RE, fold, foreign_characters, strip_urls
from factbox.vocabulary import VocabularyProfile
from factbox.vocabulary import compute as _vocabulary


@dataclass(frozen=True, slots=True)
class FactBox:
    """The profile of one text.

    level:       Flesch–Kincaid grade (the seed's "Level"); ``None`` for a text without words
    tokens:      number of tokens (words), see :func:`factbox.words`
    types:       number of distinct case-folded tokens
    ttr:         types / tokens
    counts:      every count the formulas use
    readability: the classic formulas
    diversity:   lexical diversity measures
    notes:       for each value that is ``None``, why (field name → reason)
    syllable_method: how syllables were counted
    grade:       learned level on the US grade scale (see docs/level.md); ``None`` without words
    cefr:        learned CEFR level, ``"A1"`` … ``"C2"``; ``None`` without words
    vocabulary:  CEFR and frequency-band profile and hard words (see docs/level.md)
    """

    level: float | None
    tokens: int
    types: int
    ttr: float | None
    counts: Counts
    readability: Readability
    diversity: Diversity
    syllable_method: SyllableMethod
    notes: dict[str, str] = field(default_factory=dict)
    grade: float | None = None
    cefr: str | None = None
    vocabulary: VocabularyProfile | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (no NaN or infinity: undefined values are ``None``)."""
        return {
            "level": _finite(self.level),
            "tokens": self.tokens,
            "types": self.types,
            "ttr": _finite(self.ttr),
            "syllable_method": self.syllable_method,
            "counts": self.counts.to_dict(),
            "readability": {k: _finite(v) for k, v in self.readability.to_dict().items()},
            "diversity": {k: _finite(v) for k, v in self.diversity.to_dict().items()},
            "notes": dict(self.notes),
            "grade": _finite(self.grade),
            "cefr": self.cefr,
            "vocabulary": None if self.vocabulary is None else self.vocabulary.to_dict(),
        }


def _finite(x: Any) -> Any:
    if isinstance(x, float) and not math.isfinite(x):
        return None
    return x


# Per-type facts that never change between texts: (syllables, letters, characters), one cache per
# syllable method. A plain dict lookup is several times cheaper than an lru_cache call; the cache
# is emptied when it grows past _TYPE_CACHE_MAX types, so memory stays bounded on web-scale runs.
_TYPE_CACHE_MAX = 500_000
_TYPE_CACHES: dict[str, dict[str, tuple[int, int, int]]] = {}
_HEADLINE_ENDS = frozenset(".!?…:;\"'”’)]")


def _type_info_cache(method: str) -> dict[str, tuple[int, int, int]]:
    cache = _TYPE_CACHES.setdefault(method, {})
    if len(cache) > _TYPE_CACHE_MAX:
        cache.clear()
    return cache


def _type_info(typ: str, count_syllables: Callable[[str], int]) -> tuple[int, int, int]:
    if typ.isalpha():  # most types: every character is a letter
        return count_syllables(typ), len(typ), len(typ)
    n_letters = sum(1 for ch in typ if ch.isalpha())
    n_chars = sum(1 for ch in typ if ch.isalnum())
    return count_syllables(typ), n_letters, n_chars


def profile(
    text: str,
    *,
    syllable_method: SyllableMethod = "cmudict",
    config: ProfileConfig | None = None,
) -> FactBox:
    """Profile ``text`` and return its :class:`FactBox`.

    ``config`` sets every option (see :class:`ProfileConfig`); ``syllable_method`` is a
    shortcut for the most used one and is ignored when ``config`` is given.
    """
    cfg = (config or ProfileConfig(syllable_method=syllable_method)).validated()
    count_syllables = syllable_counter(cfg.syllable_method)

    stripped, n_urls = strip_urls(text)
    tokens: list[str] = []
    capitalised_inside: list[str] = []  # candidate proper nouns (capitalised, not sentence-initial)
    capitalised_initial: list[str] = []  # capitalised sentence-initial tokens
    title_case: list[str] = []  # tokens of title-case headlines: capitals carry no evidence
    n_sentences = 0
    sentence_lengths: list[int] = []
    findall = TOKEN_RE.findall
    for start, end in sentence_spans(stripped):
        toks = findall(stripped, start, end)  # tokenise in place: no slicing per sentence
        if not toks:
            continue
        n_sentences += 1
        sentence_lengths.append(len(toks))
        tokens.extend(toks)
        if stripped[end - 1] not in _HEADLINE_ENDS and _counts.is_title_case_headline(
            stripped[start:end], toks
        ):
            title_case.extend(toks)
            continue
        capitalised_inside.extend(t for t in toks[1:] if t[0].isupper())
        if toks[0][0].isupper():
            capitalised_initial.append(toks[0])

    # Fold each distinct token once, then count types (speed: per distinct token, not per token).
    raw_counts = Counter(tokens)
    fold_of = {t: fold(t) for t in raw_counts}
    folded = [fold_of[t] for t in tokens]
    freqs: Counter[str] = Counter()
    for t, f in raw_counts.items():
        freqs[fold_of[t]] += f

    syllables = letters = characters = mono = poly = long_words = 0
    syl_of: dict[str, int] = {}
    info_cache = _type_info_cache(cfg.syllable_method)
    for typ, f in freqs.items():
        info = info_cache.get(typ)
        if info is None:
            info = info_cache[typ] = _type_info(typ, count_syllables)
        s, n_letters, n_chars = info
        syl_of[typ] = s
        syllables += s * f
        if s == 1:
            mono += f
        elif s >= 3:
            poly += f
        letters += n_letters * f
        characters += n_chars * f
        if n_letters > 6:
            long_words += f

    # Word classes (docs/formulas.md): proper names, Gunning's complex words, familiar words.
    proper = _counts.proper_name_occurrences(
        freqs,
        Counter(fold(t) for t in capitalised_inside),
        Counter(fold(t) for t in capitalised_initial),
        Counter(fold(t) for t in title_case),
    )
    dc_words = cfg.dale_chall_words
    sp_words = cfg.spache_words
    counts = Counts(
        sentences=n_sentences,
        tokens=len(tokens),
        types=len(freqs),
        syllables=syllables,
        letters=letters,
        characters=characters,
        monosyllables=mono,
        polysyllables=poly,
        complex_words=_counts.complex_words(freqs, syl_of, proper, count_syllables),
        long_words=long_words,
        difficult_words=(
            None if dc_words is None else _counts.unfamiliar_tokens(freqs, proper, dc_words)
        ),
        unfamiliar_types=(
            None if sp_words is None else _counts.unfamiliar_types(freqs, proper, sp_words)
        ),
        urls=n_urls,
        foreign_characters=foreign_characters(stripped),
    )
    readability, notes = _readability.compute(counts)
    div, div_notes = _diversity.compute(
        folded,
        freqs,
        mattr_window=cfg.mattr_window,
        msttr_segment=cfg.msttr_segment,
        mtld_threshold=cfg.mtld_threshold,
        hdd_draws=cfg.hdd_draws,
    )
    notes.update(div_notes)
    vocabulary = _vocabulary(freqs, raw_counts.keys())
    estimate = _level.estimate(
        counts,
        vocabulary,
        sentence_lengths,
        stripped.count(","),
        syllable_method=cfg.syllable_method,
        freqs=freqs,
    )
    if counts.tokens == 0:
        notes["level"] = notes["ttr"] = notes["grade"] = notes["cefr"] = "no words"
    return FactBox(
        level=readability.flesch_kincaid_grade,
        tokens=counts.tokens,
        types=counts.types,
        ttr=div.ttr,
        counts=counts,
        readability=readability,
        diversity=div,
        syllable_method=cfg.syllable_method,
        notes=notes,
        grade=None if estimate is None else estimate.grade,
        cefr=None if estimate is None else estimate.cefr,
        vocabulary=vocabulary,
    )
