"""Selecting documents: one :class:`Filters` object used by list, stats, export and (later)
the corpus analysis commands, so every command selects a subcorpus the same way."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from factbox.corpus.errors import CorpusError


class QueryError(CorpusError):
    """A filter value is invalid (bad date, unknown sort key, FTS5 syntax)."""


SORT_KEYS = ("id", "level", "date", "tokens", "types", "ttr", "path", "source", "title")


@dataclass(frozen=True, slots=True)
class Filters:
    """Which documents, in which order.

    level_min / level_max: Flesch–Kincaid grade range, inclusive (documents without a level are
                           left out when either is set)
    date_from / date_to:   ISO dates (YYYY-MM-DD), inclusive, compared on the document's date
                           (its first 10 characters); documents without a date are left out
    source:                exact source names (case-insensitive); any of them
    search:                an SQLite FTS5 query over title and body (words, "phrases", AND, OR,
                           NOT, prefix*), see https://sqlite.org/fts5.html#full_text_query_syntax
    sort:                  one of :data:`SORT_KEYS`, ``-`` in front for descending
    limit / offset:        paging (``limit=None``: all)
    """

    level_min: float | None = None
    level_max: float | None = None
    date_from: str | None = None
    date_to: str | None = None
    source: tuple[str, ...] = ()
    search: str | None = None
    sort: str = "id"
    limit: int | None = None
    offset: int = 0

    def validated(self) -> Filters:
        for name in ("date_from", "date_to"):
            v = getattr(self, name)
            if v is not None:
                try:
                    date.fromisoformat(v[:10])
                except ValueError:
                    raise QueryError(f"{name} must be a date like 2024-05-31, not {v!r}") from None
        if self.sort.lstrip("-") not in SORT_KEYS:
            raise QueryError(f"sort must be one of {', '.join(SORT_KEYS)} (- for descending), "
                             f"not {self.sort!r}")
        if self.limit is not None and self.limit < 0:
            raise QueryError(f"limit must be ≥ 0, not {self.limit}")
        if (self.level_min is not None and self.level_max is not None
                and self.level_min > self.level_max):
            raise QueryError(f"level_min {self.level_min} is above level_max {self.level_max}")
        return self

    def where(self, alias: str = "d") -> tuple[str, list[Any]]:
        """The SQL ``WHERE`` condition (``1`` when nothing is filtered) and its parameters."""
        self.validated()
        conds: list[str] = []
        params: list[Any] = []
        a = alias
        if self.level_min is not None:
            conds.append(f"{a}.level >= ?")
            params.append(self.level_min)
        if self.level_max is not None:
            conds.append(f"{a}.level <= ?")
            params.append(self.level_max)
        if self.date_from is not None:
            conds.append(f"substr({a}.date, 1, 10) >= ?")
            params.append(self.date_from[:10])
        if self.date_to is not None:
            conds.append(f"substr({a}.date, 1, 10) <= ?")
            params.append(self.date_to[:10])
        if self.source:
            conds.append(f"lower({a}.source) IN ({', '.join('?' for _ in self.source)})")
            params.extend(s.lower() for s in self.source)
        if self.search:
            conds.append(f"{a}.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
            params.append(self.search)
        return (" AND ".join(conds) or "1"), params

    def order_limit(self, alias: str = "d") -> tuple[str, list[Any]]:
        key = self.sort.lstrip("-")
        desc = " DESC" if self.sort.startswith("-") else ""
        sql = f" ORDER BY {alias}.{key} IS NULL, {alias}.{key}{desc}, {alias}.id"
        params: list[Any] = []
        if self.limit is not None or self.offset:
            sql += " LIMIT ? OFFSET ?"
            params += [-1 if self.limit is None else self.limit, self.offset]
        return sql, params

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["source"] = list(self.source)
        return d


def select(
    db: sqlite3.Connection, columns: str, filters: Filters | None = None
) -> Iterator[sqlite3.Row]:
    """Rows of ``SELECT columns FROM documents d`` matching ``filters`` (streamed)."""
    f = filters or Filters()
    where, params = f.where()
    tail, more = f.order_limit()
    cur = db.cursor()
    cur.row_factory = sqlite3.Row
    try:
        yield from cur.execute(f"SELECT {columns} FROM documents d WHERE {where}{tail}",
                               [*params, *more])
    except sqlite3.OperationalError as err:
        if f.search and "locked" not in str(err):
            raise QueryError(f"bad search query {f.search!r}: {err} (FTS5 syntax; put words in "
                             "double quotes to search for them literally)") from None
        raise


@dataclass(frozen=True, slots=True)
class DocSummary:
    """One line of ``corpus list``."""

    id: int
    path: str
    title: str | None
    date: str | None
    source: str | None
    level: float | None
    tokens: int
    types: int
    ttr: float | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


SUMMARY_COLUMNS = "d.id, d.path, d.title, d.date, d.source, d.level, d.tokens, d.types, d.ttr"


def list_documents(db: sqlite3.Connection, filters: Filters | None = None) -> list[DocSummary]:
    return [DocSummary(*tuple(r)) for r in select(db, SUMMARY_COLUMNS, filters)]


@dataclass(frozen=True, slots=True)
class Document:
    """Everything stored about one document (``corpus show``)."""

    id: int
    source_key: str
    path: str
    url: str | None
    input_format: str
    title: str | None
    date: str | None
    authors: tuple[str, ...]
    editor: str | None
    source: str | None
    language: str | None
    meta: dict[str, Any]
    raw_hash: str
    body_hash: str
    added_at: str
    body: str
    raw: str
    fact: dict[str, Any]
    removed: list[dict[str, Any]]
    duplicates: list[dict[str, Any]] = field(default_factory=list)

    @property
    def level(self) -> float | None:
        return self.fact.get("level")

    def to_dict(self, *, raw: bool = False) -> dict[str, Any]:
        d = asdict(self)
        d["authors"] = list(self.authors)
        if not raw:
            d.pop("raw")
        return d


def get_document(db: sqlite3.Connection, doc_id: int) -> Document:
    cur = db.cursor()
    cur.row_factory = sqlite3.Row
    r = cur.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if r is None:
        n = db.execute("SELECT max(id) FROM documents").fetchone()[0]
        raise QueryError(f"no document with id {doc_id} (ids go from 1 to {n or 0}; "
                         "see 'factbox corpus list')")
    dups = [
        {"group": g, "kind": k, "id": d, "path": p, "similarity": round(s, 4)}
        for g, k, d, p, s in db.execute(
            "SELECT g.id, g.kind, m.doc_id, d.path, m.similarity FROM dup_members me "
            "JOIN dup_groups g ON g.id = me.group_id JOIN dup_members m ON m.group_id = g.id "
            "JOIN documents d ON d.id = m.doc_id WHERE me.doc_id = ? AND m.doc_id != ? "
            "ORDER BY g.id, m.doc_id",
            (doc_id, doc_id),
        )
    ]
    return Document(
        id=r["id"], source_key=r["source_key"], path=r["path"], url=r["url"],
        input_format=r["input_format"], title=r["title"], date=r["date"],
        authors=tuple(json.loads(r["authors"] or "[]")), editor=r["editor"], source=r["source"],
        language=r["language"], meta=json.loads(r["meta"]), raw_hash=r["raw_hash"],
        body_hash=r["body_hash"], added_at=r["added_at"], body=r["body"], raw=r["raw"],
        fact=json.loads(r["fact"]), removed=json.loads(r["removed"]), duplicates=dups,
    )
