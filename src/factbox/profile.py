"""The fact box: one pass of counting, then every formula and measure from those counts."""

from __future__ import annotations

import math
import re
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


# Per-token-form facts that never change between texts, one cache per syllable method:
# token as written → (type, syllables, letters, characters, capitalised, Gunning-complex).
# A plain dict lookup per distinct form is several times cheaper than calling fold() and the
# syllable counter; the cache is emptied when it grows past _FORM_CACHE_MAX forms, so memory
# stays bounded on web-scale runs.
_FORM_CACHE_MAX = 500_000
_FORM_CACHES: dict[str, dict[str, tuple[str, int, int, int, bool, bool]]] = {}
_HEADLINE_ENDS = frozenset(".!?…:;\"'”’)]")
# Sentences are tokenised in one regex pass over the text with this character between them: it
# ends a token exactly as the end of a sentence does (it is neither a letter nor a digit), so
# the tokens are those of a findall per sentence. Texts that contain it take the slow path.
_SENTINEL = "\x01"
_TOKENS_AND_SENTINELS = re.compile(TOKEN_RE.pattern + "|" + _SENTINEL).findall


def _form_cache(method: str) -> dict[str, tuple[str, int, int, int, bool, bool]]:
    cache = _FORM_CACHES.setdefault(method, {})
    if len(cache) > _FORM_CACHE_MAX:
        cache.clear()
    return cache


def _form_info(
    form: str, count_syllables: Callable[[str], int]
) -> tuple[str, int, int, int, bool, bool]:
    typ = fold(form)
    s = count_syllables(typ)
    if typ.isalpha():  # most types: every character is a letter
        n_letters = n_chars = len(typ)
    else:
        n_letters = sum(1 for ch in typ if ch.isalpha())
        n_chars = sum(1 for ch in typ if ch.isalnum())
    complex_ = _counts.is_complex_type(typ, s, count_syllables)
    return typ, s, n_letters, n_chars, form[0].isupper(), complex_


def _sentence_tokens(text: str, spans: list[tuple[int, int]]) -> list[list[str]]:
    """The tokens of each sentence span, as ``TOKEN_RE.findall(text, start, end)`` gives them."""
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
    initial: list[str] = []  # capitalised sentence-initial tokens (outside headlines)
    title_case: list[str] = []  # tokens of title-case headlines: capitals carry no evidence
    sentence_lengths: list[int] = []
    spans = sentence_spans(stripped)
    for (start, end), toks in zip(spans, _sentence_tokens(stripped, spans), strict=True):
        if not toks:
            continue
        sentence_lengths.append(len(toks))
        tokens += toks
        if stripped[end - 1] not in _HEADLINE_ENDS and _counts.is_title_case_headline(
            stripped[start:end], toks
        ):
            title_case += toks
        elif toks[0][0].isupper():
            initial.append(toks[0])
    n_sentences = len(sentence_lengths)

    # Work per distinct form and per type, never per token: each form's facts come from the
    # cache; a form's type gets a small integer id that the diversity measures share.
    raw_counts = Counter(tokens)
    cache = _form_cache(cfg.syllable_method)
    freqs: dict[str, int] = {}
    type_id: dict[str, int] = {}
    form_id: dict[str, int] = {}
    capitalised: dict[str, int] = {}  # capitalised occurrences of each type
    complex_types: set[str] = set()
    syllables = letters = characters = mono = poly = long_words = complex_words = 0
    for form, f in raw_counts.items():
        info = cache.get(form)
        if info is None:
            info = cache[form] = _form_info(form, count_syllables)
        typ, s, n_letters, n_chars, cap, complex_ = info
        if typ in freqs:
            freqs[typ] += f
            form_id[form] = type_id[typ]
        else:
            freqs[typ] = f
            form_id[form] = type_id[typ] = len(type_id)
        if cap:
            capitalised[typ] = capitalised.get(typ, 0) + f
        syllables += s * f
        if s == 1:
            mono += f
        elif s >= 3:
            poly += f
            if complex_:
                complex_words += f
                complex_types.add(typ)
        letters += n_letters * f
        characters += n_chars * f
        if n_letters > 6:
            long_words += f

    # Word classes (docs/formulas.md): proper names, Gunning's complex words, familiar words.
    # Capitalised tokens inside a sentence are the capitalised ones that neither start a
    # sentence nor stand in a title-case headline.
    initial_counts = Counter([fold(t) for t in initial])
    headline_counts = Counter([fold(t) for t in title_case])
    inside = dict(capitalised)
    for typ, c in initial_counts.items():
        inside[typ] -= c
    if title_case:
        for t in title_case:
            if t[0].isupper():
                inside[fold(t)] -= 1
    proper = _counts.proper_name_occurrences(
        freqs,
        {t: c for t, c in inside.items() if c},
        initial_counts,
        headline_counts,
    )
    complex_words -= sum([c for typ, c in proper.items() if typ in complex_types])
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
        complex_words=complex_words,
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
    div, div_notes = _diversity.compute_ids(
        list(map(form_id.__getitem__, tokens)),
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
