"""Ingest: read inputs, clean and profile them on all cores, write them in batched transactions.

One writer (this process) and a pool of worker processes that clean, profile and MinHash. The
inputs are streamed (:func:`factbox.corpus.sources.iter_sources`) and at most
``2 × workers`` batches are in flight, so memory does not grow with the corpus. Results are
written in input order, one transaction per batch: a crash (even ``kill -9``) loses at most the
batches not yet committed, and the next run skips what is stored (the key is the source identity
plus the hash of the raw text), so it ends with the same rows, in the same order, as an
uninterrupted run.
"""

from __future__ import annotations

import gc
import itertools
import sqlite3
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factbox.config import ProfileConfig
from factbox.corpus import dedupe
from factbox.corpus.errors import CorpusError
from factbox.corpus.pipeline import content_hash, process_batch
from factbox.corpus.sources import Failure, Item, Limits, iter_sources
from factbox.corpus.store import now
from factbox.parallel import mp_context, usable_cores

DOC_COLUMNS = (
    "source_key", "path", "url", "input_format", "raw", "body", "title", "date", "authors",
    "editor", "source", "language", "meta", "raw_hash", "body_hash", "level", "tokens", "types",
    "ttr", "sentences", "syllables", "fact", "removed",
)
_INSERT_DOC = (
    f"INSERT OR IGNORE INTO documents ({', '.join(DOC_COLUMNS)}, added_at) "
    f"VALUES ({', '.join('?' for _ in DOC_COLUMNS)}, ?)"
)
_UPSERT_ERROR = (
    "INSERT INTO errors (source_key, path, stage, message, added_at) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (source_key) DO UPDATE SET path = excluded.path, stage = excluded.stage, "
    "message = excluded.message, added_at = excluded.added_at"
)
MAX_REPORTED_ERRORS = 1000
_WARM_UP = Item("", "", "Warm up the syllable dictionary. It is loaded once.", "text", "text")

Progress = Callable[["IngestReport"], None]


@dataclass(slots=True)
class _Tally:
    """The running counts of one ``add`` (mutable; callers get :class:`IngestReport` snapshots)."""

    added: int = 0
    skipped: int = 0
    ignored: int = 0
    failed: int = 0
    bytes_in: int = 0
    seconds: float = 0.0
    exact_groups: int = 0
    near_groups: int = 0
    errors: list[Failure] = field(default_factory=list)

    def snapshot(self) -> IngestReport:
        return IngestReport(self.added, self.skipped, self.ignored, self.failed, self.bytes_in,
                            self.seconds, self.exact_groups, self.near_groups, tuple(self.errors))


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What one ``add`` did (or, given to a progress callback, has done so far).

    added:   documents stored
    skipped: documents already in the store (same source and raw text)
    ignored: files in folders that are not of a supported type
    failed:  inputs that could not be ingested; ``errors`` holds the first 1,000 of them
    bytes_in: UTF-8 bytes of raw text of the documents written
    """

    added: int = 0
    skipped: int = 0
    ignored: int = 0
    failed: int = 0
    bytes_in: int = 0
    seconds: float = 0.0
    exact_groups: int = 0
    near_groups: int = 0
    errors: tuple[Failure, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "skipped": self.skipped,
            "ignored": self.ignored,
            "failed": self.failed,
            "bytes": self.bytes_in,
            "seconds": round(self.seconds, 3),
            "exact_groups": self.exact_groups,
            "near_groups": self.near_groups,
            "errors": [{"path": e.path, "stage": e.stage, "message": e.message}
                       for e in self.errors],
        }


_worker_config: ProfileConfig | None = None


def _init_worker(config: ProfileConfig | None) -> None:
    global _worker_config  # noqa: PLW0603 - per-process state set once by the pool initializer
    _worker_config = config


def _init_pool_worker(config: ProfileConfig | None) -> None:
    """A forked worker's start: it inherits the word data the writer loaded (:data:`_WARM_UP`);
    ``gc.freeze`` moves it out of the cyclic collector's reach, so full collections do not walk
    it (0.10 ms per document before, 0.01 after, measured) and do not write to, and so copy,
    the shared pages."""
    gc.freeze()
    _init_worker(config)


def _work(items: list[Item]) -> list[dict[str, Any] | Failure]:
    out = process_batch(items, _worker_config)
    for r in out:  # the writer still has the raw text: don't send it back
        if isinstance(r, dict):
            del r["raw"]
    return out


def ingest(
    db: sqlite3.Connection,
    paths: Iterable[str | Path],
    *,
    text_field: str = "text",
    workers: int | None = None,
    batch_size: int = 64,
    limits: Limits | None = None,
    config: ProfileConfig | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Add every document under ``paths`` to the store ``db``; see the module docstring.

    ``workers``: processes that clean and profile (default: the usable cores; ``0`` or ``1``
    works in this process). Per-input failures are stored in ``errors`` and returned in the
    report; they never stop the run.
    """
    if config is not None:
        config = config.validated()
    n_workers = usable_cores() if workers is None else workers
    report = _Tally()
    t0 = time.perf_counter()
    pending: list[Failure] = []
    def ignore(_path: str) -> None:
        report.ignored += 1

    sources = iter_sources(list(paths), text_field=text_field, limits=limits, on_ignored=ignore)
    batches = _batches(db, sources, batch_size, report, pending)

    def write(items: list[Item], results: list[dict[str, Any] | Failure]) -> None:
        for it, r in zip(items, results, strict=True):
            if isinstance(r, dict):
                r["raw"] = it.text
        _write(db, results, pending, report)
        report.seconds = time.perf_counter() - t0
        if progress:
            progress(report.snapshot())

    first = next(batches, None)  # no pool (and no heavy imports) when there is nothing new
    if first is not None:
        run = _run_serial if n_workers <= 1 else _run_pool
        run(itertools.chain([first], batches), write, config, n_workers)
    if pending:
        write([], [])
    report.exact_groups, report.near_groups = dedupe.refresh(db)
    report.seconds = time.perf_counter() - t0
    return report.snapshot()


Writer = Callable[[list[Item], list[dict[str, Any] | Failure]], None]


def _run_serial(batches: Iterator[list[Item]], write: Writer, config: ProfileConfig | None,
                n_workers: int) -> None:
    _init_worker(config)
    for batch in batches:
        write(batch, _work(batch))


def _run_pool(batches: Iterator[list[Item]], write: Writer, config: ProfileConfig | None,
              n_workers: int) -> None:
    # load the word data and datasketch once here: forked workers inherit them
    process_batch([_WARM_UP], config)
    ctx = mp_context()
    with ProcessPoolExecutor(
        max_workers=n_workers, mp_context=ctx, initializer=_init_pool_worker, initargs=(config,)
    ) as pool:
        inflight: deque[tuple[list[Item], Future]] = deque()
        try:
            for batch in batches:
                inflight.append((batch, pool.submit(_work, batch)))
                while len(inflight) >= 2 * n_workers:
                    items, fut = inflight.popleft()
                    write(items, fut.result())
            while inflight:
                items, fut = inflight.popleft()
                write(items, fut.result())
        except BrokenProcessPool:
            pool.shutdown(wait=False, cancel_futures=True)
            raise CorpusError(
                "a worker process died (out of memory?); what was committed is kept: run "
                "the same command again to continue, or with --workers 1"
            ) from None
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _batches(
    db: sqlite3.Connection,
    sources: Iterator[Item | Failure],
    size: int,
    report: _Tally,
    pending: list[Failure],
) -> Iterator[list[Item]]:
    """Batches of items not yet stored; read failures go to ``pending`` (written with the next
    batch, so they too are committed in input order)."""
    batch: list[Item] = []
    seen = db.cursor()
    for src in sources:
        if isinstance(src, Failure):
            pending.append(src)
            continue
        raw_hash = content_hash(src.text)
        if seen.execute(
            "SELECT 1 FROM documents WHERE source_key = ? AND raw_hash = ?",
            (src.source_key, raw_hash),
        ).fetchone():
            report.skipped += 1
            continue
        batch.append(src)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _write(
    db: sqlite3.Connection,
    results: list[dict[str, Any] | Failure],
    pending: list[Failure],
    report: _Tally,
) -> None:
    failures = [*pending, *(r for r in results if isinstance(r, Failure))]
    pending.clear()
    stamp = now()
    db.execute("BEGIN IMMEDIATE")
    try:
        for r in results:
            if isinstance(r, Failure):
                continue
            cur = db.execute(_INSERT_DOC, (*(r[c] for c in DOC_COLUMNS), stamp))
            report.bytes_in += len(r["raw"].encode("utf-8", "surrogatepass"))
            if cur.rowcount == 1:
                report.added += 1
                db.execute("INSERT INTO minhash (doc_id, signature) VALUES (?, ?)",
                           (cur.lastrowid, r["signature"]))
                db.execute("DELETE FROM errors WHERE source_key = ?", (r["source_key"],))
            else:
                report.skipped += 1
        db.executemany(
            _UPSERT_ERROR, [(f.source_key, f.path, f.stage, f.message, stamp) for f in failures]
        )
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    report.failed += len(failures)
    room = MAX_REPORTED_ERRORS - len(report.errors)
    if room > 0:
        report.errors.extend(failures[:room])
