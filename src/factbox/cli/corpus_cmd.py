"""``factbox corpus …``: thin commands over :class:`factbox.corpus.Corpus`.

:func:`filter_options` is the one definition of the subcorpus filters (level, date, source,
full-text search, sort, limit); every corpus command that selects documents uses it.
"""

from __future__ import annotations

import functools
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from factbox.corpus import Corpus, Filters
from factbox.corpus.export import FORMATS
from factbox.corpus.ingest import IngestReport
from factbox.corpus.query import SORT_KEYS
from factbox.corpus.stats import format_table, histogram_html
from factbox.errors import FactboxError


def _fail(err: FactboxError) -> None:
    click.echo(f"factbox: {err}", err=True)
    sys.exit(err.exit_code)


def _guard(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn library errors into one-line messages with their exit codes."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except FactboxError as err:
            _fail(err)

    return wrapper


def filter_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Add the subcorpus filter options; the command receives one ``filters: Filters``."""
    options = [
        click.option("--level-min", type=float, help="Lowest Flesch–Kincaid grade (inclusive)."),
        click.option("--level-max", type=float, help="Highest Flesch–Kincaid grade (inclusive)."),
        click.option("--date-from", metavar="YYYY-MM-DD", help="Earliest date (inclusive)."),
        click.option("--date-to", metavar="YYYY-MM-DD", help="Latest date (inclusive)."),
        click.option("--source", multiple=True, help="Source name (repeat for several)."),
        click.option("--search", metavar="QUERY", help="Full-text search (SQLite FTS5 syntax)."),
        click.option("--sort", default="id", show_default=True,
                     help=f"One of {', '.join(SORT_KEYS)}; prefix - for descending."),
        click.option("--limit", type=click.IntRange(min=0), help="At most this many documents."),
    ]

    @functools.wraps(fn)
    def wrapper(*args: Any, **kw: Any) -> Any:
        kw["filters"] = Filters(
            level_min=kw.pop("level_min"), level_max=kw.pop("level_max"),
            date_from=kw.pop("date_from"), date_to=kw.pop("date_to"),
            source=tuple(kw.pop("source")), search=kw.pop("search"), sort=kw.pop("sort"),
            limit=kw.pop("limit"),
        )
        return fn(*args, **kw)

    for opt in reversed(options):
        wrapper = opt(wrapper)
    return wrapper


def _open(db: str, *, create: bool = False) -> Corpus:
    return Corpus(db, create=create)


@click.group("corpus")
def corpus_group() -> None:
    """Corpora in a SQLite store: add, list, show, stats, duplicates, export."""


class _Progress:
    """One self-overwriting line on stderr, only when stderr is a terminal."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()
        self.last = 0.0

    def __call__(self, r: IngestReport) -> None:
        t = time.monotonic()
        if not self.enabled or t - self.last < 0.2:
            return
        self.last = t
        rate = (r.added + r.skipped) / r.seconds if r.seconds else 0.0
        mbs = r.bytes_in / 1e6 / r.seconds if r.seconds else 0.0
        sys.stderr.write(f"\r{r.added} added, {r.skipped} already stored, {r.failed} errors · "
                         f"{rate:.0f} docs/s, {mbs:.1f} MB/s ")
        sys.stderr.flush()

    def done(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\033[K")


@corpus_group.command("add")
@click.argument("db")
@click.argument("paths", nargs=-1, required=True)
@click.option("--text-field", default="text", show_default=True,
              help="JSONL field that holds the text; other fields become metadata.")
@click.option("--workers", "-j", type=click.IntRange(min=0),
              help="Worker processes (default: all cores; 0 = none).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@_guard
def add_command(db: str, paths: tuple[str, ...], text_field: str, workers: int | None,
                as_json: bool) -> None:
    """Add files, folders, .zip/.tar.gz archives, JSONL and WARC files under PATHS to DB.

    Running it again adds nothing; after a crash, running it again completes the store.
    Inputs that cannot be read are listed at the end; they do not stop the run.
    """
    progress = _Progress()
    with _open(db, create=True) as corpus:
        report = corpus.add(list(paths), text_field=text_field, workers=workers,
                            progress=progress)
    progress.done()
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False))
        return
    rate = report.added / report.seconds if report.seconds else 0.0
    click.echo(
        f"{report.added} added, {report.skipped} already stored, {report.failed} errors, "
        f"{report.ignored} files of other types ignored; {report.seconds:.1f} s "
        f"({rate:.0f} docs/s). Duplicate groups: {report.exact_groups} exact, "
        f"{report.near_groups} near."
    )
    if report.errors:
        click.echo(f"Errors ({report.failed}):", err=True)
        for e in report.errors:
            click.echo(f"  {e.message}", err=True)
        if report.failed > len(report.errors):
            click.echo(f"  … and {report.failed - len(report.errors)} more "
                       "(SELECT * FROM errors)", err=True)


def _fmt(x: float | None, spec: str = ".2f") -> str:
    return "–" if x is None else format(x, spec)


@corpus_group.command("list")
@click.argument("db")
@filter_options
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@_guard
def list_command(db: str, filters: Filters, as_json: bool) -> None:
    """List documents in DB (id, level, tokens, date, source, title or path)."""
    with _open(db) as corpus:
        docs = corpus.list(filters)
    if as_json:
        for d in docs:
            click.echo(json.dumps(d.to_dict(), ensure_ascii=False))
        return
    head = f"{'ID':>6}  {'Level':>6}  {'Tokens':>6}  {'Date':<10}  {'Source':<20}  Title / path"
    click.echo(head)
    for d in docs:
        click.echo(f"{d.id:>6}  {_fmt(d.level):>6}  {d.tokens:>6}  {(d.date or '')[:10]:<10}  "
                   f"{(d.source or '')[:20]:<20}  {d.title or d.path}")


@corpus_group.command("show")
@click.argument("db")
@click.argument("doc_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Everything stored, as JSON.")
@click.option("--raw", is_flag=True, help="Include the raw text.")
@_guard
def show_command(db: str, doc_id: int, as_json: bool, raw: bool) -> None:
    """Show one document: metadata, fact box, duplicates and its cleaned text."""
    with _open(db) as corpus:
        doc = corpus.get(doc_id)
    if as_json:
        click.echo(json.dumps(doc.to_dict(raw=raw), ensure_ascii=False, indent=2))
        return
    f = doc.fact
    lines = [
        f"ID: {doc.id}", f"Path: {doc.path}", f"URL: {doc.url or '–'}",
        f"Title: {doc.title or '–'}", f"Date: {doc.date or '–'}",
        f"Authors: {', '.join(doc.authors) or '–'}", f"Source: {doc.source or '–'}",
        f"Added: {doc.added_at}", "",
        "Fact Box", f"Level: {_fmt(f.get('level'), '.3f')}", f"Tokens: {f.get('tokens')}",
        f"Types: {f.get('types')}", f"TTR: {_fmt(f.get('ttr'), '.3f')}",
    ]
    for dup in doc.duplicates:
        lines.append(f"Duplicate ({dup['kind']}, similarity {dup['similarity']:.2f}): "
                     f"#{dup['id']} {dup['path']}")
    lines += ["", doc.raw if raw else doc.body]
    click.echo("\n".join(lines))


@corpus_group.command("stats")
@click.argument("db")
@filter_options
@click.option("--json", "as_json", is_flag=True, help="Print the statistics as JSON.")
@click.option("--html", "html_out", type=click.Path(dir_okay=False),
              help="Write the level histogram as a self-contained HTML/SVG file.")
@_guard
def stats_command(db: str, filters: Filters, as_json: bool, html_out: str | None) -> None:
    """Counts and the level distribution of DB (or of the documents the filters select)."""
    with _open(db) as corpus:
        s = corpus.stats(filters)
    if html_out:
        Path(html_out).write_text(histogram_html(s, title=f"Level distribution: {db}"),
                                  encoding="utf-8")
    click.echo(json.dumps(s.to_dict(), ensure_ascii=False) if as_json else format_table(s),
               nl=as_json)


@corpus_group.command("duplicates")
@click.argument("db")
@click.option("--kind", type=click.Choice(["exact", "near"]), help="Only this kind of group.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per group.")
@_guard
def duplicates_command(db: str, kind: str | None, as_json: bool) -> None:
    """List groups of duplicate documents by path, with their similarity."""
    with _open(db) as corpus:
        groups = corpus.duplicates(kind)
    for g in groups:
        if as_json:
            click.echo(json.dumps(g.to_dict(), ensure_ascii=False))
            continue
        click.echo(f"Group {g.group_id} ({g.kind}, {len(g.members)} documents)")
        for m in g.members:
            click.echo(f"  {m.similarity:.2f}  #{m.doc_id}  {m.path}")


@corpus_group.command("export")
@click.argument("db")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="csv", show_default=True)
@click.option("-o", "--output", required=True, help="Output file ('-' = standard output).")
@click.option("--text", is_flag=True, help="Include the cleaned body.")
@filter_options
@_guard
def export_command(db: str, fmt: str, output: str, text: bool, filters: Filters) -> None:
    """Write one row per document (metadata and fact box values) as CSV, JSONL or Parquet."""
    with _open(db) as corpus:
        n = corpus.export(output, fmt, filters, text=text)
    if output != "-":
        click.echo(f"{n} documents written to {output}", err=True)
