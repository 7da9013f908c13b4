"""``factbox corpus kwic | freq | keywords | collocates``: corpus analysis over a store.

Each command selects a subcorpus with the shared filter options (:func:`filter_options`), reads
the cleaned bodies through :meth:`factbox.Corpus.texts`, and makes one call into
:mod:`factbox.analysis`. Output: an aligned table (default), ``--csv`` or ``--json`` (one object
per line). Formulas and sources are in docs/statistics.md.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

import click

from factbox.analysis.collocations import collocations
from factbox.analysis.corpus_text import sentence_types
from factbox.analysis.frequency import frequency_list
from factbox.analysis.keywords import LL_CRITICAL, keywords, wordfreq_reference
from factbox.analysis.kwic import kwic
from factbox.cli.corpus_cmd import _guard, _open, corpus_group, filter_options
from factbox.corpus import Filters
from factbox.errors import ConfigError, FactboxError


def _output_options(fn: Any) -> Any:
    fn = click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")(fn)
    fn = click.option("--csv", "as_csv", is_flag=True, help="A CSV table.")(fn)
    return fn


def _unique_option(fn: Any) -> Any:
    return click.option(
        "--unique",
        is_flag=True,
        help="Count each duplicate group once (leave out later copies of a story).",
    )(fn)


def _emit(rows: Sequence[dict[str, Any]], columns: Sequence[str], *, as_json: bool,
          as_csv: bool, aligned: Sequence[str] = ()) -> None:
    """Print rows as JSON lines, CSV, or an aligned table (``aligned``: right-aligned columns)."""
    if as_json and as_csv:
        raise FactboxError("--json and --csv cannot be used together")
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False, allow_nan=False))
        return
    if as_csv:
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(columns)
        for row in rows:
            w.writerow(["" if row[c] is None else row[c] for c in columns])
        return
    cells = [[_cell(row[c]) for c in columns] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    right = {i for i, c in enumerate(columns) if c in aligned}

    def line(values: Sequence[str]) -> str:
        return "  ".join(
            v.rjust(widths[i]) if i in right else v.ljust(widths[i]) for i, v in enumerate(values)
        ).rstrip()

    click.echo(line(columns))
    for r in cells:
        click.echo(line(r))


def _cell(x: Any) -> str:
    if x is None:
        return "–"
    if isinstance(x, float):
        return f"{x:.4f}" if abs(x) < 1e6 else f"{x:.4g}"
    return str(x)


def _docs(db: str, filters: Filters, unique: bool) -> tuple[Any, Iterable[tuple[int, str]]]:
    corpus = _open(db)
    return corpus, corpus.texts(filters, unique=unique)


@corpus_group.command("kwic")
@click.argument("db")
@click.argument("query")
@click.option("--mode", type=click.Choice(["word", "phrase", "regex", "lemma"]), default="word",
              show_default=True, help="How QUERY is matched (docs/statistics.md).")
@click.option("--width", type=click.IntRange(min=0), default=40, show_default=True,
              help="Context characters on each side.")
@click.option("--sort-by", type=click.Choice(["position", "left", "right", "match"]),
              default="position", show_default=True,
              help="Order of the lines: document order, or by left/right context or match.")
@click.option("--by-doc", is_flag=True, help="Print hits per document instead of the lines.")
@_output_options
@_unique_option
@filter_options
@_guard
def kwic_command(*, db: str, query: str, mode: str, width: int, sort_by: str, by_doc: bool,
                 as_json: bool, as_csv: bool, unique: bool, filters: Filters) -> None:
    """Concordance of QUERY in the documents of DB: left context, match, right context."""
    corpus, docs = _docs(db, filters, unique)
    with corpus:
        conc = kwic(docs, query, mode=mode, width=width, sort=sort_by)  # type: ignore[arg-type]
    summary = (f"{conc.total} hits in {conc.documents_with_hits} of "
               f"{conc.documents_searched} documents")
    if by_doc:
        rows = [{"doc": d, "hits": n} for d, n in
                sorted(conc.per_document.items(), key=lambda kv: (-kv[1], int(kv[0])))]
        _emit(rows, ["doc", "hits"], as_json=as_json, as_csv=as_csv, aligned=("doc", "hits"))
    else:
        rows = [h.to_dict() for h in conc.hits]
        if as_json or as_csv:
            _emit(rows, ["doc", "start", "end", "left", "match", "right"], as_json=as_json,
                  as_csv=as_csv)
        else:
            _emit(rows, ["doc", "left", "match", "right"], as_json=False, as_csv=False,
                  aligned=("doc", "left"))
    click.echo(summary, err=as_json or as_csv)


@corpus_group.command("freq")
@click.argument("db")
@click.option("--ngram", "-n", type=click.IntRange(1, 5), default=1, show_default=True,
              help="Words (1) or n-grams of 2 to 5 words.")
@click.option("--lemmas", is_flag=True, help="Count headwords (signed, signs → sign).")
@click.option("--min-freq", type=click.IntRange(min=1), default=1, show_default=True,
              help="Leave out items rarer than this.")
@click.option("--min-range", type=click.IntRange(min=1), default=1, show_default=True,
              help="Leave out items found in fewer documents.")
@click.option("--top", type=click.IntRange(min=1), help="Only the N most frequent items.")
@_output_options
@_unique_option
@filter_options
@_guard
def freq_command(*, db: str, ngram: int, lemmas: bool, min_freq: int, min_range: int,
                 top: int | None, as_json: bool, as_csv: bool, unique: bool,
                 filters: Filters) -> None:
    """Frequency list: raw and per-million frequency, range, Gries's DP, Juilland's D."""
    corpus, docs = _docs(db, filters, unique)
    with corpus:
        fl = frequency_list(docs, n=ngram, min_freq=min_freq, min_range=min_range,
                            lemmas=lemmas)
    items = fl.items[:top] if top else fl.items
    rows = [{"rank": i + 1, **it.to_dict()} for i, it in enumerate(items)]
    _emit(rows, ["rank", "item", "freq", "per_million", "range", "dp", "juilland_d"],
          as_json=as_json, as_csv=as_csv,
          aligned=("rank", "freq", "per_million", "range", "dp", "juilland_d"))
    click.echo(f"{fl.tokens} tokens in {fl.documents} documents", err=as_json or as_csv)


def _counts(docs: Iterable[tuple[int, str]]) -> tuple[Counter[str], int]:
    c: Counter[str] = Counter()
    for _id, text in docs:
        for sent in sentence_types(text):
            c.update(sent)
    return c, sum(c.values())


@corpus_group.command("keywords")
@click.argument("db")
@click.option("--reference", type=click.Choice(["rest", "english"]), default="rest",
              show_default=True,
              help="rest: the documents of DB outside the selection; english: general English "
                   "(wordfreq).")
@click.option("--reference-db", metavar="DB2", help="Another store as the reference (all of it).")
@click.option("--ref", "ref_filters", multiple=True, metavar="FILTER=VALUE",
              help="Select the reference subcorpus by filters, e.g. --ref source=Gazette "
                   "--ref date_from=2024-01-01 (repeatable; names as in --level-min etc. with _).")
@click.option("--ll-terms", type=click.Choice(["2", "4"]), default="4", show_default=True,
              help="Log-likelihood over 4 cells (AntConc 4, CQPweb) or 2 (UCREL calculator).")
@click.option("--p", "p_value", type=click.Choice([str(p) for p in sorted(LL_CRITICAL)] + ["1"]),
              default="0.05", show_default=True,
              help="Significance level of the log-likelihood; 1 keeps all.")
@click.option("--min-log-ratio", type=float, default=0.0, show_default=True,
              help="Effect-size filter: |Log Ratio| at least this.")
@click.option("--min-freq", type=click.IntRange(min=1), default=3, show_default=True,
              help="Minimum frequency in the target (reference, for negative keywords).")
@click.option("--negative", is_flag=True, help="Also list negative keywords.")
@click.option("--sort-by", type=click.Choice(["log_likelihood", "log_ratio", "percent_diff",
                                              "simple_maths"]),
              default="log_likelihood", show_default=True, help="Order of the list.")
@click.option("--simple-maths-n", type=float, default=1.0, show_default=True,
              help="Kilgarriff's N for simple maths.")
@click.option("--top", type=click.IntRange(min=1), help="Only the first N keywords.")
@_output_options
@_unique_option
@filter_options
@_guard
def keywords_command(*, db: str, reference: str, reference_db: str | None,
                     ref_filters: tuple[str, ...], ll_terms: str,
                     p_value: str, min_log_ratio: float, min_freq: int, negative: bool,
                     sort_by: str, simple_maths_n: float, top: int | None, as_json: bool,
                     as_csv: bool, unique: bool, filters: Filters) -> None:
    """Keywords of the selected documents against a reference corpus."""
    ref_sel = _reference_filters(ref_filters)
    corpus = _open(db)
    with corpus:
        target, c = _counts(corpus.texts(filters, unique=unique))
        if reference_db is not None:
            with _open(reference_db) as ref_corpus:
                ref, d = _counts(ref_corpus.texts(ref_sel, unique=unique))
        elif ref_filters:
            ref, d = _counts(corpus.texts(ref_sel, unique=unique))
        elif reference == "english":
            ref = wordfreq_reference(set(target))
            d = None
        else:
            selected = {i for i, _t in corpus.texts(filters, unique=unique)}
            ref, d = _counts((i, t) for i, t in corpus.texts(unique=unique) if i not in selected)
    kws = keywords(target, ref, target_size=c, reference_size=d, ll_terms=int(ll_terms),
                   p=None if p_value == "1" else float(p_value), min_log_ratio=min_log_ratio,
                   min_freq=min_freq, simple_maths_n=simple_maths_n,
                   include_negative=negative, sort_by=sort_by)  # type: ignore[arg-type]
    rows = [k.to_dict() for k in (kws[:top] if top else kws)]
    cols = ["item", "a", "b", "per_million_target", "per_million_reference", "log_likelihood",
            "log_ratio", "percent_diff", "simple_maths", "positive"]
    _emit(rows, cols, as_json=as_json, as_csv=as_csv, aligned=tuple(cols[1:-1]))


_FILTER_FIELDS = {"level_min": float, "level_max": float, "date_from": str, "date_to": str,
                  "source": str, "search": str}


def _reference_filters(specs: tuple[str, ...]) -> Filters:
    """``--ref name=value`` options → the reference subcorpus's :class:`Filters`."""
    kw: dict[str, Any] = {}
    sources: list[str] = []
    for spec in specs:
        name, sep, value = spec.partition("=")
        name = name.strip().replace("-", "_")
        if not sep or name not in _FILTER_FIELDS:
            raise ConfigError(
                f"--ref takes FILTER=VALUE with FILTER one of {', '.join(_FILTER_FIELDS)}, "
                f"not {spec!r}"
            )
        if name == "source":
            sources.append(value)
            continue
        try:
            kw[name] = _FILTER_FIELDS[name](value)
        except ValueError:
            raise ConfigError(f"--ref {name} needs a number, not {value!r}") from None
    return Filters(source=tuple(sources), **kw).validated()


@corpus_group.command("collocates")
@click.argument("db")
@click.argument("node")
@click.option("--left", type=click.IntRange(min=0), default=5, show_default=True,
              help="Window: tokens before the node.")
@click.option("--right", type=click.IntRange(min=0), default=5, show_default=True,
              help="Window: tokens after the node.")
@click.option("--min-freq", type=click.IntRange(min=1), default=3, show_default=True,
              help="Minimum co-occurrence frequency.")
@click.option("--min-collocate-freq", type=click.IntRange(min=1), default=1, show_default=True,
              help="Minimum corpus frequency of the collocate.")
@click.option("--sort-by", type=click.Choice(["log_dice", "mi", "mi3", "t_score",
                                              "log_likelihood", "dice", "freq"]),
              default="log_dice", show_default=True, help="Order of the list.")
@click.option("--top", type=click.IntRange(min=1), help="Only the first N collocates.")
@_output_options
@_unique_option
@filter_options
@_guard
def collocates_command(*, db: str, node: str, left: int, right: int, min_freq: int,
                       min_collocate_freq: int, sort_by: str, top: int | None, as_json: bool,
                       as_csv: bool, unique: bool, filters: Filters) -> None:
    """Collocates of NODE: MI, MI3, t-score, log-likelihood, Dice and logDice."""
    corpus, docs = _docs(db, filters, unique)
    with corpus:
        cols_ = collocations(docs, node, left=left, right=right, min_freq=min_freq,
                             min_collocate_freq=min_collocate_freq,
                             sort_by=sort_by)  # type: ignore[arg-type]
    rows = [c.to_dict() for c in (cols_[:top] if top else cols_)]
    cols = ["item", "o11", "c1", "mi", "mi3", "t_score", "log_likelihood", "dice", "log_dice"]
    _emit(rows, cols, as_json=as_json, as_csv=as_csv, aligned=tuple(cols[1:]))
