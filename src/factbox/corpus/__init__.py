"""Corpora in an embedded SQLite store: ingest, de-duplicate, query, export.

>>> import factbox
>>> corpus = factbox.Corpus("news.db")            # doctest: +SKIP
>>> report = corpus.add(["articles/", "dump.jsonl"])  # doctest: +SKIP
>>> corpus.list(level_max=8, search="wheat", sort="-date")  # doctest: +SKIP

The command line (``factbox corpus …``) is a thin layer over :class:`Corpus`. See
docs/corpus.md for the schema, the commands, the duplicate method and the limits.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from factbox.config import ProfileConfig
from factbox.corpus import dedupe, query, store
from factbox.corpus import export as _export
from factbox.corpus import stats as _stats
from factbox.corpus.dedupe import DuplicateGroup
from factbox.corpus.errors import CorpusError, MissingExtraError, SourceError, StoreError
from factbox.corpus.ingest import IngestReport, Progress, ingest
from factbox.corpus.query import DocSummary, Document, Filters, QueryError
from factbox.corpus.sources import Limits
from factbox.corpus.stats import Stats

__all__ = [
    "Corpus",
    "CorpusError",
    "DocSummary",
    "Document",
    "DuplicateGroup",
    "Filters",
    "IngestReport",
    "Limits",
    "MissingExtraError",
    "QueryError",
    "SourceError",
    "Stats",
    "StoreError",
]


class Corpus:
    """A corpus store (one SQLite file, created on first use).

    Filters (``list``, ``stats``, ``export``, ``to_pandas``) are given either as a
    :class:`Filters` object or as its fields by keyword (``level_max=8, source=("bbc",)``).
    """

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        self.path = Path(path)
        self._db: sqlite3.Connection | None = store.connect(self.path, create=create)

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            raise StoreError(f"the corpus {self.path} is closed")
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __len__(self) -> int:
        return self.db.execute("SELECT count(*) FROM documents").fetchone()[0]

    def __repr__(self) -> str:
        return f"Corpus({str(self.path)!r})"

    def add(
        self,
        paths: str | Path | list[str | Path] | tuple[str | Path, ...],
        *,
        text_field: str = "text",
        workers: int | None = None,
        batch_size: int = 64,
        limits: Limits | None = None,
        config: ProfileConfig | None = None,
        progress: Progress | None = None,
    ) -> IngestReport:
        """Ingest files, folders, archives, JSONL and WARC (see :func:`ingest.ingest`)."""
        if isinstance(paths, str | Path):
            paths = [paths]
        return ingest(self.db, paths, text_field=text_field, workers=workers,
                      batch_size=batch_size, limits=limits, config=config, progress=progress)

    def list(self, filters: Filters | None = None, **kw: Any) -> list[DocSummary]:
        return query.list_documents(self.db, _filters(filters, kw))

    def get(self, doc_id: int) -> Document:
        return query.get_document(self.db, doc_id)

    def stats(self, filters: Filters | None = None, **kw: Any) -> Stats:
        return _stats.compute(self.db, _filters(filters, kw))

    def duplicates(self, kind: str | None = None) -> list[DuplicateGroup]:
        """Duplicate groups (``kind``: ``"exact"``, ``"near"`` or both)."""
        if kind not in (None, "exact", "near"):
            raise QueryError(f"kind must be exact or near, not {kind!r}")
        return dedupe.groups(self.db, kind)

    def errors(self) -> list[dict[str, str]]:
        """Inputs that could not be ingested (path, stage, message)."""
        return [
            {"path": p, "stage": s, "message": m}
            for p, s, m in self.db.execute(
                "SELECT path, stage, message FROM errors ORDER BY rowid"
            )
        ]

    def export(
        self,
        out: str | Path,
        fmt: str = "csv",
        filters: Filters | None = None,
        *,
        text: bool = False,
        **kw: Any,
    ) -> int:
        return _export.export(self.db, out, fmt, _filters(filters, kw), text=text)

    def texts(
        self, filters: Filters | None = None, *, unique: bool = False, **kw: Any
    ) -> Iterator[tuple[int, str]]:
        """``(id, cleaned body)`` of each selected document, streamed (for the analysis
        functions in :mod:`factbox.analysis`). With ``unique``, a document that duplicates an
        earlier one (a later member of an exact or near-duplicate group) is left out, so a wire
        story printed by ten sites counts once."""
        skip: set[int] = set()
        if unique:
            skip = {
                doc
                for (doc,) in self.db.execute(
                    "SELECT m.doc_id FROM dup_members m WHERE m.doc_id > "
                    "(SELECT min(doc_id) FROM dup_members WHERE group_id = m.group_id)"
                )
            }
        for row in query.select(self.db, "d.id, d.body", _filters(filters, kw)):
            if row["id"] not in skip:
                yield row["id"], row["body"]

    def rows(self, filters: Filters | None = None, *, text: bool = False, **kw: Any):
        """Export rows as dicts (fact box flattened), streamed."""
        return _export.rows(self.db, _filters(filters, kw), text=text)

    def to_pandas(self, filters: Filters | None = None, *, text: bool = False, **kw: Any) -> Any:
        """The export rows as a pandas DataFrame indexed by document id (needs pandas)."""
        try:
            import pandas as pd
        except ImportError:
            raise MissingExtraError("to_pandas needs pandas: pip install pandas") from None
        df = pd.DataFrame.from_records(list(self.rows(filters, text=text, **kw)))
        if df.empty:
            return df
        return df.set_index("id")


def _filters(filters: Filters | None, kw: dict[str, Any]) -> Filters:
    f = filters or Filters()
    if kw:
        if isinstance(kw.get("source"), str):
            kw["source"] = (kw["source"],)
        try:
            f = replace(f, **kw)
        except TypeError as err:
            raise QueryError(f"unknown filter: {err}") from None
    return f.validated()
