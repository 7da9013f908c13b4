"""The fact box: one pass of counting, then every formula and measure from those counts."""

from __future__ import annotations

import math
import threading
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from factbox import _engine
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
from factbox.tokens import TOKEN_RE, foreign_characters, scan, strip_urls
from factbox.vocabulary import VocabularyProfile
from factbox.vocabulary import _table as _vocabulary_table
from factbox.vocabulary import compute as _vocabulary
from factbox.vocabulary import compute_rows as _vocabulary_rows


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


# The counts of each type never change between texts: per syllable method they are cached
# across calls as rows of an integer matrix, so the totals of a text are one matrix–vector
# product over its types instead of a Python loop (bounded: the table starts afresh past its
# limit, so memory stays bounded on web-scale runs). Case folds are not cached: computing one
# per distinct form costs less than looking it up in a large dict (measured, see
# docs/performance.md).
_HEADLINE_ENDS_STR = ".!?…:;\"'”’)]"
_HEADLINE_ENDS = frozenset(_HEADLINE_ENDS_STR)
# Columns of the type table: the counts of the profile's syllable method, then what the
# level model's type features count (factbox.level.TypeSums): syllables by the default
# method and whether that makes a monosyllable or a polysyllable, 10+ letters, and the
# suffix class as four 0/1 columns (nominal, -ly, -ing, -ed).
_SYL, _MONO, _POLY, _COMPLEX, _LETTERS, _CHARS, _LONG = range(7)
_DSYL, _DMONO, _DPOLY, _TEN, _NOMINAL, _LY, _ING, _ED = range(7, 15)
_COLUMNS = 15
# Last column (not summed): the type's row in the vocabulary table (factbox.vocabulary), so
# the vocabulary profile needs no lookup of its own.
_VROW = 15


class _TypeTable:
    """Counts of each type for one syllable method: syllables, whether it is a monosyllable, a
    polysyllable (3+ syllables), one of Gunning's complex words (when not a proper name), its
    letters and characters, and whether it is a long word (more than 6 letters); then the
    level model's per-type facts (see ``_COLUMNS``).

    ``state`` is (type → row, matrix, generation). Readers take it once and use only it.
    Writers hold the lock, write a type's row before the dict points to it, never change a row
    a dict points to, and replace the state (a new dict too) when the matrix grows or the table
    starts afresh (past ``LIMIT`` types, or when the vocabulary table it points into started
    afresh: ``generation`` is that table's): so a reader's state stays valid while other
    threads write.
    """

    LIMIT = 300_000

    def __init__(self, count_syllables: Callable[[str], int]) -> None:
        import numpy

        self.np = numpy
        self.count_syllables = count_syllables
        self.lock = threading.Lock()
        self.vocabulary = _vocabulary_table()
        self.state: tuple[dict[str, int], Any, int] = (
            {},
            numpy.zeros((4096, _COLUMNS + 1), numpy.int64),
            self.vocabulary.generation,
        )

    def rows(self, types: list[str]) -> tuple[list[int], dict[str, int], Any, int]:
        """The row of each type (adding the types not in the table yet), the type → row dict,
        the matrix those rows index and the vocabulary table's generation."""
        row, matrix, gen = self.state
        rows = list(map(row.get, types))
        if None in rows:
            with self.lock:
                row, matrix, gen = self.state
                if len(row) + len(types) > self.LIMIT:
                    row, matrix = {}, self.np.zeros_like(matrix)
                rows = [row.get(t) for t in types]
                missing = [t for t, r in zip(types, rows, strict=True) if r is None]
                vrows, vgen = self.vocabulary.rows_of(missing)
                if vgen != gen:  # the vocabulary table started afresh: so does this one
                    row, matrix, gen = {}, self.np.zeros_like(matrix), vgen
                    rows = [None] * len(types)
                    missing = list(types)
                    vrows, _ = self.vocabulary.rows_of(missing)
                need = len(row) + len(missing)
                if need > len(matrix):
                    grown = self.np.zeros(
                        (max(need, 2 * len(matrix)), _COLUMNS + 1), self.np.int64
                    )
                    grown[: len(matrix)] = matrix
                    row, matrix = dict(row), grown  # readers of the old state keep a valid one
                vrow_of = dict(zip(missing, vrows, strict=True))
                for i, t in enumerate(types):
                    if rows[i] is None:
                        rows[i] = self._add(t, row, matrix, vrow_of[t])
                self.state = (row, matrix, gen)
        return rows, row, matrix, gen  # type: ignore[return-value]

    def _add(self, typ: str, row: dict[str, int], matrix: Any, vrow: int) -> int:
        k = len(row)
        count_syllables = self.count_syllables
        s = count_syllables(typ)
        if typ.isalpha():  # most types: every character is a letter
            n_letters = n_chars = len(typ)
        else:
            n_letters = sum(1 for ch in typ if ch.isalpha())
            n_chars = sum(1 for ch in typ if ch.isalnum())
        _, dsyl, cls, ten = _level.type_shape(typ)
        matrix[k] = (
            s,
            s == 1,
            s >= 3,
            _counts.is_complex_type(typ, s, count_syllables),
            n_letters,
            n_chars,
            n_letters > 6,
            dsyl,
            dsyl == 1,
            dsyl >= 3,
            ten,
            cls == 1,
            cls == 2,
            cls == 3,
            cls == 4,
            vrow,
        )
        row[typ] = k
        return k


_TABLES: dict[str, _TypeTable] = {}


def _type_table(method: str, count_syllables: Callable[[str], int]) -> _TypeTable:
    table = _TABLES.get(method)
    if table is None or table.state[2] != table.vocabulary.generation:
        # new, or its vocabulary rows are stale (the vocabulary table started afresh)
        table = _TABLES[method] = _TypeTable(count_syllables)
    return table


# the records without their generated __init__ (same objects, see factbox._engine.record)
_new_counts = _engine.record(Counts)
_new_factbox = _engine.record(FactBox)


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
    spans = sentence_spans(stripped)
    # One pass (compiled when available, see factbox.engine()) finds and counts the tokens of
    # every sentence: per form, per type, and each token's type id.
    fold_of, freqs, type_ids, lengths, firsts, capitalised = scan(stripped, spans)
    initial: list[str] = []  # capitalised sentence-initial tokens (outside headlines)
    title_case: list[str] = []  # tokens of title-case headlines: capitals carry no evidence
    sp = _engine.speedups
    if sp is not None and type(spans) is list and type(lengths) is list:
        # compiled: the loop below but for the sentences that may be headlines ("odd");
        # initial_counts then comes in another order, which nothing depends on
        sentence_lengths, initial_counts, odd = sp.sentence_starts(
            stripped, spans, lengths, firsts, fold_of, _HEADLINE_ENDS_STR
        )
        for s in odd:
            start, end = spans[s]
            first = firsts[s]
            toks = TOKEN_RE.findall(stripped, start, end)
            if _counts.is_title_case_headline(stripped[start:end], toks):
                title_case += toks
            elif first[0].isupper():
                typ = fold_of[first]
                initial_counts[typ] = initial_counts.get(typ, 0) + 1
    else:
        sentence_lengths = []
        for (start, end), n, first in zip(spans, lengths, firsts, strict=True):
            if not n:
                continue
            sentence_lengths.append(n)
            if stripped[end - 1] not in _HEADLINE_ENDS:  # rare: the sentence's tokens again
                toks = TOKEN_RE.findall(stripped, start, end)
                if _counts.is_title_case_headline(stripped[start:end], toks):
                    title_case += toks
                    continue
            if first[0].isupper():
                initial.append(first)
        initial_counts = Counter([fold_of[t] for t in initial])
    n_sentences = len(sentence_lengths)
    n_tokens = sum(sentence_lengths)

    # Work per type, not per token, wherever a loop is in Python.
    table = _type_table(cfg.syllable_method, count_syllables)
    np = table.np
    row_of, matrix, vgen = table.state  # one consistent state (see _TypeTable)
    c = _engine.speedups
    # Each column summed over the tokens, then over the types (and, compiled, each type's
    # row in the vocabulary table).
    got = None if c is None else c.type_totals(row_of, freqs, matrix, _VROW)  # None: new type
    vrows = None
    if got is None:
        rows, f = _engine.lookup(row_of, freqs, np)
        if len(rows) and rows.min() < 0:  # types not in the table yet
            new_rows, row_of, matrix, vgen = table.rows(list(freqs))
            rows = np.array(new_rows, np.int64)
        sub = matrix.take(rows, axis=0)
        totals = (f @ sub).tolist() + sub.sum(axis=0).tolist()
    else:
        totals, vrows = got
    syllables, mono, poly, complex_words, letters, characters, long_words = totals[:7]
    dsyl, dmono, dpoly, ten, nominal, ly, ing, ed = totals[7:_COLUMNS]
    sums = _level.TypeSums(
        letters10=ten,
        letters=totals[_COLUMNS + 1 + _LETTERS],
        syllables=totals[_COLUMNS + 1 + _DSYL],
        by_class=(n_tokens - nominal - ly - ing - ed, nominal, ly, ing, ed),
        default=(dsyl, dmono, dpoly),
    )

    # Word classes (docs/formulas.md): proper names, Gunning's complex words, familiar words.
    # Capitalised tokens inside a sentence are the capitalised ones that neither start a
    # sentence nor stand in a title-case headline.
    headline_counts: Mapping[str, int] = (
        Counter([fold_of[t] for t in title_case]) if title_case else {}  # mostly none
    )
    inside = capitalised.copy()
    for typ, c in initial_counts.items():
        inside[typ] -= c
    for t in title_case:
        if t[0].isupper():
            inside[fold_of[t]] -= 1
    proper = None
    if sp is not None:  # compiled, with the filter of the comprehension below
        proper = sp.proper_names(freqs, inside, initial_counts, headline_counts)
    if proper is None:
        proper = _counts.proper_name_occurrences(
            freqs,
            {t: c for t, c in inside.items() if c},
            initial_counts,
            headline_counts,
        )
    if proper:
        complex_of = matrix[:, _COMPLEX]
        complex_words -= sum([c for typ, c in proper.items() if complex_of[row_of[typ]]])
    dc_words = cfg.dale_chall_words
    sp_words = cfg.spache_words
    counts = _new_counts(
        sentences=n_sentences,
        tokens=n_tokens,
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
        type_ids,
        freqs,
        mattr_window=cfg.mattr_window,
        msttr_segment=cfg.msttr_segment,
        mtld_threshold=cfg.mtld_threshold,
        hdd_draws=cfg.hdd_draws,
    )
    notes.update(div_notes)
    forms = fold_of.keys()  # the forms as written
    vocabulary = None
    if vrows is not None:  # compiled: the rows found with the type counts
        vocabulary = _vocabulary_rows(freqs, forms, vrows, vgen)
    if vocabulary is None:
        vocabulary = _vocabulary(freqs, forms)
    estimate = _level.estimate(
        counts,
        vocabulary,
        sentence_lengths,
        stripped.count(","),
        syllable_method=cfg.syllable_method,
        freqs=freqs,
        sums=sums,
    )
    if counts.tokens == 0:
        notes["level"] = notes["ttr"] = notes["grade"] = notes["cefr"] = "no words"
    return _new_factbox(
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
