"""KWIC concordances: every hit of a query with its left and right context."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from factbox.analysis.corpus_text import DocId, tokenise
from factbox.errors import FactboxError
from factbox.tokens import fold

QueryMode = Literal["word", "phrase", "regex", "lemma"]
SortKey = Literal["position", "left", "right", "match"]
_WS = re.compile(r"\s+")


class QueryError(FactboxError, ValueError):
    """A concordance query that cannot be used (empty, or an invalid regular expression)."""

    exit_code = 2


@dataclass(frozen=True, slots=True)
class Hit:
    """One concordance line. ``start``/``end`` are character offsets of the match in the doc."""

    doc: DocId
    start: int
    end: int
    left: str
    match: str
    right: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Concordance:
    """All hits of a query, and how they spread over documents."""

    query: str
    mode: str
    hits: list[Hit]
    documents_searched: int
    per_document: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return len(self.hits)

    @property
    def documents_with_hits(self) -> int:
        return len(self.per_document)


def _matchers(query: str, mode: QueryMode) -> list[Callable[[str], bool]]:
    parts = query.split()
    if not parts:
        raise QueryError("the query is empty: give a word, a phrase or a regular expression")
    if mode == "regex":
        try:
            regexes = [re.compile(p, re.IGNORECASE) for p in parts]
        except re.error as err:
            raise QueryError(f"invalid regular expression {query!r}: {err}") from err
        return [lambda t, rx=rx: rx.fullmatch(t) is not None for rx in regexes]
    if mode == "word" and len(parts) > 1:
        raise QueryError(f"{query!r} has several words: use the phrase mode")
    if mode == "lemma":
        from factbox.vocabulary import lookup

        heads = [lookup(fold(p)).headword for p in parts]
        return [lambda t, h=h: lookup(t).headword == h for h in heads]
    out: list[Callable[[str], bool]] = []
    for p in parts:
        f = fold(p)
        if "*" in f:  # AntConc-style wildcard: cooperat* matches cooperation, cooperative …
            rx = re.compile("".join(".*" if ch == "*" else re.escape(ch) for ch in f))
            out.append(lambda t, rx=rx: rx.fullmatch(t) is not None)
        else:
            out.append(lambda t, f=f: t == f)
    return out


def _context(text: str, start: int, end: int, width: int) -> tuple[str, str, str]:
    left = _WS.sub(" ", text[max(0, start - width * 2) : start])[-width:]
    right = _WS.sub(" ", text[end : end + width * 2])[:width]
    return left, _WS.sub(" ", text[start:end]), right


def kwic(
    docs: Iterable[tuple[DocId, str]],
    query: str,
    *,
    mode: QueryMode = "word",
    width: int = 40,
    sort: SortKey = "position",
) -> Concordance:
    """Find ``query`` in ``docs`` (pairs of id and text) and return a :class:`Concordance`.

    Modes: ``word`` (one token, case-insensitive, ``*`` wildcard), ``phrase`` (tokens in
    sequence, each like a word), ``regex`` (one regular expression per token, matched against
    whole case-folded tokens), ``lemma`` (every inflected form of the query's headword, by
    :func:`factbox.vocabulary.lookup`: ``sign`` finds signed, signs, signing).
    Context is ``width`` characters each side, white space folded.
    Sorting by ``left`` orders on the words before the match, nearest first (L1, L2 …);
    ``right`` on the words after it (R1, R2 …); ``position`` keeps document order.
    """
    if width < 0:
        raise QueryError(f"context width must be ≥ 0, not {width}")
    matchers = _matchers(query, mode)
    k = len(matchers)
    hits: list[Hit] = []
    sort_keys: list[tuple[Any, ...]] = []
    per_doc: Counter[str] = Counter()
    n_docs = 0
    first = matchers[0]
    # A literal query can only match a document whose folded text contains its words: a C-speed
    # substring test skips the others without tokenising them (same result, much faster).
    needles = [fold(p) for p in query.split()] if mode in ("word", "phrase") else []
    if any("*" in w for w in needles):
        needles = []
    for doc, text in docs:
        n_docs += 1
        if needles:
            folded = text.casefold().replace("\u2019", "'")
            if not all(w in folded for w in needles):
                continue
        td = tokenise(doc, text)
        types, spans = td.types, td.spans
        for i in range(len(types) - k + 1):
            if not first(types[i]) or not all(matchers[j](types[i + j]) for j in range(1, k)):
                continue
            start, end = spans[i][0], spans[i + k - 1][1]
            hits.append(Hit(td.doc, start, end, *_context(td.text, start, end, width)))
            per_doc[str(td.doc)] += 1
            if sort == "left":
                sort_keys.append(tuple(reversed(types[max(0, i - 5) : i])))
            elif sort == "right":
                sort_keys.append(tuple(types[i + k : i + k + 5]))
            elif sort == "match":
                sort_keys.append(tuple(types[i : i + k]))
    if sort in ("left", "right", "match"):
        order = sorted(range(len(hits)), key=lambda j: sort_keys[j])
        hits = [hits[j] for j in order]
    return Concordance(query, mode, hits, n_docs, dict(per_doc))
