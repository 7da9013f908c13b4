"""KWIC concordances: every hit of a query with its left and right context."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from factbox.analysis.corpus_text import DocId, tokenise
from factbox.errors import FactboxError
from factbox.tokens import _LD, TOKEN_RE, fold, strip_urls

QueryMode = Literal["word", "phrase", "regex", "lemma"]
SortKey = Literal["position", "left", "right", "match"]
_WS = re.compile(r"\s+")
_ODD_WS = re.compile(r"\s\s|[^\S ]")  # white space that folding would change


def _fold_ws(s: str) -> str:
    return _WS.sub(" ", s) if _ODD_WS.search(s) else s


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
    left = _fold_ws(text[max(0, start - width * 2) : start])[-width:]
    right = _fold_ws(text[end : end + width * 2])[:width]
    return left, _fold_ws(text[start:end]), right


_NOT_TOKEN = f"[^{_LD}]"
_LOOK = 150  # characters scanned around a hit to re-tokenise it (far more than any token)


def _literal_regex(words: list[str]) -> re.Pattern[str]:
    """Candidates for a literal word sequence: the words, case-insensitive, apart only by
    characters that cannot be inside a token. :func:`_literal_hits` checks every candidate."""
    parts = [re.escape(w).replace("'", "['\u2019]") for w in words]
    return re.compile(
        rf"(?<![{_LD}]){f'{_NOT_TOKEN}+'.join(parts)}(?![{_LD}])", re.IGNORECASE
    )


def _restart(text: str, pos: int) -> int:
    """A position at or before ``pos`` where tokenising from scratch gives the same tokens as
    tokenising the whole text: just after a white-space character (tokens never contain one)."""
    lo = max(0, pos - _LOOK)
    i = max(text.rfind(" ", lo, pos), text.rfind("\n", lo, pos), text.rfind("\t", lo, pos))
    return 0 if i < 0 else i + 1


def _literal_hits(
    text: str, rx: re.Pattern[str], words: list[str]
) -> Iterator[tuple[int, int]]:
    k = len(words)
    for m in rx.finditer(text):
        a, b = m.span()
        toks = []  # the real tokens overlapping the candidate
        for t in TOKEN_RE.finditer(text, _restart(text, a), min(len(text), b + _LOOK)):
            if t.start() >= b:
                break
            if t.end() > a:
                toks.append(t)
        if len(toks) == k and toks[0].start() == a and toks[-1].end() == b and all(
            fold(t.group()) == w for t, w in zip(toks, words, strict=True)
        ):
            yield a, b


def _tokens_before(text: str, pos: int, n: int) -> list[str]:
    return [fold(t) for t in TOKEN_RE.findall(text, _restart(text, max(0, pos - _LOOK)), pos)][-n:]


def _tokens_after(text: str, pos: int, n: int) -> list[str]:
    end = min(len(text), pos + _LOOK)
    cut = max(text.rfind(" ", pos, end), text.rfind("\n", pos, end))
    return [fold(t) for t in TOKEN_RE.findall(text, pos, end if end == len(text) or cut < 0
                                              else cut)][:n]


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
    literal = _literal_regex(needles) if needles else None
    for doc, text in docs:
        n_docs += 1
        if needles:
            folded = text.casefold().replace("\u2019", "'")
            if not all(w in folded for w in needles):
                continue
        if literal is not None:
            # Fast path for literal words and phrases: find candidates with one regex over the
            # text, then check each against the real tokenisation around it (no full pass).
            blanked = strip_urls(text)[0]
            for start, end in _literal_hits(blanked, literal, needles):
                hits.append(Hit(doc, start, end, *_context(text, start, end, width)))
                per_doc[str(doc)] += 1
                if sort == "left":
                    sort_keys.append(tuple(reversed(_tokens_before(blanked, start, 5))))
                elif sort == "right":
                    sort_keys.append(tuple(_tokens_after(blanked, end, 5)))
                elif sort == "match":
                    sort_keys.append(tuple(needles))
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
