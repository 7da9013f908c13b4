"""Export: one row per document, its metadata and fact box values, as CSV, JSONL or Parquet.

Columns (in this order): id, path, url, input_format, title, date, authors (``; ``-joined in
CSV, a list in JSONL/Parquet), editor, source, language, raw_hash, body_hash, exact_group,
near_group (duplicate group ids or empty), level, tokens, types, ttr, then every value of the
fact box flattened as ``counts.*``, ``readability.*``, ``diversity.*``, then ``meta`` (JSON) and,
with ``text=True``, ``body``. Rows are streamed; memory does not grow with the corpus.
"""

from __future__ import annotations

import csv
import json
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from factbox.corpus.errors import CorpusError, MissingExtraError
from factbox.corpus.query import Filters, select

FORMATS = ("csv", "jsonl", "parquet")
BASE = (
    "id", "path", "url", "input_format", "title", "date", "authors", "editor", "source",
    "language", "raw_hash", "body_hash", "exact_group", "near_group", "level", "tokens", "types",
    "ttr",
)
_FACT_GROUPS = ("counts", "readability", "diversity")
_COLUMNS = (
    "d.id, d.path, d.url, d.input_format, d.title, d.date, d.authors, d.editor, d.source, "
    "d.language, d.raw_hash, d.body_hash, "
    "(SELECT g.id FROM dup_members m JOIN dup_groups g ON g.id = m.group_id "
    " WHERE m.doc_id = d.id AND g.kind = 'exact') AS exact_group, "
    "(SELECT g.id FROM dup_members m JOIN dup_groups g ON g.id = m.group_id "
    " WHERE m.doc_id = d.id AND g.kind = 'near') AS near_group, "
    "d.level, d.tokens, d.types, d.ttr, d.fact, d.meta"
)


def rows(
    db: sqlite3.Connection, filters: Filters | None = None, *, text: bool = False
) -> Iterator[dict[str, Any]]:
    """Export rows as dicts (fact box flattened), streamed."""
    cols = _COLUMNS + (", d.body" if text else "")
    for r in select(db, cols, filters):
        row = {k: r[k] for k in BASE}
        row["authors"] = json.loads(r["authors"] or "[]")
        fact = json.loads(r["fact"])
        for group in _FACT_GROUPS:
            for k, v in fact.get(group, {}).items():
                row[f"{group}.{k}"] = v
        row["meta"] = r["meta"]
        if text:
            row["body"] = r["body"]
        yield row


@contextmanager
def _open(out: str | Path, binary: bool) -> Iterator[IO[Any]]:
    if str(out) == "-":
        stream = sys.stdout.buffer if binary else sys.stdout
        yield stream
        stream.flush()
        return
    try:
        fh = open(out, "wb" if binary else "w", encoding=None if binary else "utf-8",  # noqa: SIM115
                  newline=None if binary else "")
    except OSError as err:
        raise CorpusError(f"cannot write {out}: {err.strerror or err}") from None
    with fh:
        yield fh


def export(
    db: sqlite3.Connection,
    out: str | Path,
    fmt: str = "csv",
    filters: Filters | None = None,
    *,
    text: bool = False,
) -> int:
    """Write the (filtered) documents to ``out`` (``-``: standard output); return the row count."""
    if fmt not in FORMATS:
        raise CorpusError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    it = rows(db, filters, text=text)
    if fmt == "parquet":
        return _parquet(it, out)
    n = 0
    with _open(out, binary=False) as fh:
        if fmt == "jsonl":
            for row in it:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
                n += 1
            return n
        writer: csv.DictWriter | None = None
        for row in it:
            row["authors"] = "; ".join(row["authors"])
            if writer is None:
                writer = csv.DictWriter(fh, fieldnames=list(row), extrasaction="ignore")
                writer.writeheader()
            writer.writerow(row)
            n += 1
        if writer is None:
            csv.writer(fh).writerow([*BASE, "meta"] + (["body"] if text else []))
    return n


def _parquet_type(pa: Any, name: str) -> Any:
    if name in ("id", "tokens", "types", "exact_group", "near_group") or name.startswith("counts."):
        return pa.int64()
    if name in ("level", "ttr") or name.startswith(("readability.", "diversity.")):
        return pa.float64()
    if name == "authors":
        return pa.list_(pa.string())
    return pa.string()


def _parquet(it: Iterator[dict[str, Any]], out: str | Path, batch: int = 2000) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingExtraError(
            "Parquet export needs pyarrow: pip install 'factbox[parquet]'"
        ) from None
    n = 0
    writer = None
    buf: list[dict[str, Any]] = []
    schema = None
    with _open(out, binary=True) as fh:
        def flush() -> None:
            nonlocal writer, schema
            if schema is None:
                schema = pa.schema([(k, _parquet_type(pa, k)) for k in buf[0]])
                writer = pq.ParquetWriter(fh, schema)
            writer.write_table(pa.Table.from_pylist(buf, schema=schema))  # type: ignore[union-attr]
            buf.clear()

        for row in it:
            buf.append(row)
            n += 1
            if len(buf) >= batch:
                flush()
        if buf:
            flush()
        if writer is None:
            schema = pa.schema([(k, _parquet_type(pa, k)) for k in (*BASE, "meta")])
            writer = pq.ParquetWriter(fh, schema)
        writer.close()
    return n
