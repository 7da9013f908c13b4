"""``factbox [profile] FILE...``: print a fact box per input.

A thin layer over :func:`factbox.io.read_text` and :func:`factbox.profile`: the options are
turned into one :class:`~factbox.config.ProfileConfig` (:func:`config_from_options`), each input
is read and profiled by :func:`profile_path`, and the results are printed in input order as
boxes, JSON lines or one CSV table. Many inputs are profiled on all cores (a process pool,
chunked); a single input, or a small batch, stays in-process. Exit codes are in
``docs/errors.md``.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io as _stdio
import json
import os
import re
import signal
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, NamedTuple

import click

from factbox.config import SYLLABLE_METHODS, ProfileConfig
from factbox.errors import EmptyTextError, FactboxError
from factbox.io import Source, display_name, expand, read_text
from factbox.level import SentenceLevel, format_estimate, format_sentence_levels, sentence_levels
from factbox.parallel import mp_context, usable_cores
from factbox.profile import FactBox, profile

#: Exit codes (also in docs/errors.md and docs/cli.md).
EXIT_OK = 0
EXIT_INPUT = 1  # at least one input could not be profiled; the others were printed
EXIT_USAGE = 2  # bad command line or option value; nothing was profiled
EXIT_INTERNAL = 3  # a bug: an unexpected exception while profiling an input
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT), as shells report it

#: Below this many bytes in total, inputs are profiled in-process even when several cores are
#: available (starting workers costs more than it saves; see docs/cli.md for the measurement).
PARALLEL_MIN_BYTES = 256 * 1024


# ---------------------------------------------------------------------------------------------
# Library-facing helpers (one call per input)


def config_from_options(
    *,
    syllable_method: str = "cmudict",
    mattr_window: int = 50,
    msttr_segment: int = 100,
    mtld_threshold: float = 0.72,
    hdd_draws: int = 42,
    dale_chall_list: str | None = None,
    spache_list: str | None = None,
) -> ProfileConfig:
    """Build the one :class:`ProfileConfig` for a run from command-line option values.

    Word lists are loaded here, once, not per input. Raises :class:`ConfigError` for a value
    out of range.
    """
    return ProfileConfig(
        syllable_method=syllable_method,  # type: ignore[arg-type]
        mattr_window=mattr_window,
        msttr_segment=msttr_segment,
        mtld_threshold=mtld_threshold,
        hdd_draws=hdd_draws,
        dale_chall_words=_load_list(dale_chall_list, "--dale-chall-list"),
        spache_words=_load_list(spache_list, "--spache-list"),
    ).validated()


def _load_list(path: str | None, option: str) -> frozenset[str] | None:
    if path is None:
        return None
    from factbox.wordlists import load_wordlist

    return frozenset(load_wordlist(path))


class Job(NamedTuple):
    """What to do with each input: the options of one run, shared by every worker."""

    config: ProfileConfig
    encoding: str | None = None
    clean: bool = False  # profile the cleaned article body (factbox.clean), not the raw text
    sentences: bool = False  # also estimate each sentence's CEFR level


@dataclass(frozen=True, slots=True)
class Profiled:
    """One input's result: its fact box, and what ``--clean`` / ``--sentences`` added."""

    box: FactBox
    sentences: list[SentenceLevel] | None = None
    cleaned: bool = False
    removed_lines: int = 0

    def to_dict(self) -> dict[str, Any]:
        d = self.box.to_dict()
        if self.cleaned:
            d["cleaned"] = True
            d["removed_lines"] = self.removed_lines
        if self.sentences is not None:
            d["sentences"] = [s.to_dict() for s in self.sentences]
        return d


def profile_path(path: str, job: Job) -> Profiled:
    """Read one input, clean it if asked, and profile it.

    Raises :class:`~factbox.errors.InputError` / :class:`EmptyTextError` for a file that is
    not readable text, :class:`EmptyTextError` for a text with no English word (a box of
    zeros would look like a result; it is an error instead), and the cleaner's
    ``NoArticleError`` when ``--clean`` finds only boilerplate.
    """
    name = display_name(path)
    text = read_text(path, encoding=job.encoding)
    removed = 0
    if job.clean:
        from factbox.clean import NoArticleError, clean

        try:
            article = clean(text)
        except NoArticleError as err:
            raise NoArticleError(f"{name}: {err}") from None
        text = article.body
        removed = sum(r.end_line - r.start_line + 1 for r in article.removed)
    box = profile(text, config=job.config)
    if box.tokens == 0:
        raise EmptyTextError(f"{name}: no English words to profile{_why_no_words(box)}")
    levels = sentence_levels(text) if job.sentences else None
    return Profiled(box, levels, job.clean, removed)


def _why_no_words(box: FactBox) -> str:
    found = []
    if box.counts.foreign_characters:
        found.append(f"{box.counts.foreign_characters} non-Latin-script characters")
    if box.counts.urls:
        found.append(f"{box.counts.urls} URLs or e-mail addresses")
    return f" (found only {' and '.join(found)})" if found else ""


# ---------------------------------------------------------------------------------------------
# Running many inputs, serially or on a process pool

# A result is a box, a user error, or the text of an unexpected exception (a bug).
Result = Profiled | FactboxError | str

_worker_job: Job | None = None


def _init_worker(job: Job) -> None:
    global _worker_job  # noqa: PLW0603 - per-process state of a pool worker
    _worker_job = job
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is handled by the parent alone
    _warm_up(job.config)


def _warm_up(config: ProfileConfig) -> None:
    """Load the dictionaries once (in the parent before forking, so workers share them)."""
    # an unknown word ("zorblatt") loads the syllable fallback model too, before the fork
    profile("Warm up the dictionaries, zorblatt.", config=config)


def _run_one(path: str, job: Job) -> Result:
    try:
        return profile_path(path, job)
    except FactboxError as exc:
        return exc
    except Exception as exc:  # a bug: report it for this input and go on with the others
        name = display_name(path)
        return f"{name}: internal error ({type(exc).__name__}: {exc}); please report it"


def _pool_job(path: str) -> Result:
    if _worker_job is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("pool worker used before its initializer ran")
    return _run_one(path, _worker_job)


def _total_bytes(sources: list[Source]) -> int:
    total = 0
    for src in sources:
        if src.error is None and src.path != "-":
            with contextlib.suppress(OSError):
                total += os.path.getsize(src.path)
    return total


def run(
    sources: list[Source],
    job: Job,
    *,
    jobs: int | None = None,
) -> Iterator[tuple[str, Result]]:
    """Profile each source; yield ``(name, result)`` in input order.

    ``jobs=None`` uses all cores when the inputs are large enough to gain from it
    (:data:`PARALLEL_MIN_BYTES`); ``jobs=1`` stays in-process; ``jobs=N`` uses N processes.
    Standard input is always read in this process.
    """
    todo = [s for s in sources if s.error is None]
    n_workers = min(jobs or usable_cores(), len(todo))
    if jobs is None and _total_bytes(todo) < PARALLEL_MIN_BYTES:
        n_workers = 1
    if n_workers <= 1:
        for src in sources:
            yield src.name, src.error or _run_one(src.path, job)
        return

    _warm_up(job.config)
    stdin_results = {i: _run_one(s.path, job) for i, s in enumerate(sources) if s.path == "-"}
    pooled = [s.path for s in todo if s.path != "-"]
    chunksize = max(1, len(pooled) // (n_workers * 8))
    executor = ProcessPoolExecutor(
        max_workers=n_workers,
        mp_context=mp_context(),
        initializer=_init_worker,
        initargs=(job,),
    )
    try:
        results = executor.map(_pool_job, pooled, chunksize=chunksize)
        for i, src in enumerate(sources):
            if src.error is not None:
                yield src.name, src.error
            elif i in stdin_results:
                yield src.name, stdin_results[i]
            else:
                yield src.name, next(results)
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


# ---------------------------------------------------------------------------------------------
# Output formats


def _num(x: Any) -> str:
    if x is None:
        return "n/a"
    if isinstance(x, float):
        return f"{x:.3f}"
    return str(x)


def format_box(box: FactBox, *, cleaned: bool = False) -> str:
    """The seed's layout: ``Fact Box`` then Level, Tokens, Types, TTR (three decimals), then
    the learned estimate (``Estimated level: B2 (grade 9.3)``, docs/level.md). With
    ``cleaned``, the title says the box is of the cleaned article body."""
    title = "Fact Box (cleaned text)" if cleaned else "Fact Box"
    return (
        f"{title}\nLevel: {_num(box.level)}\nTokens: {box.tokens}\n"
        f"Types: {box.types}\nTTR: {_num(box.ttr)}\n{format_estimate(box.grade, box.cefr)}\n"
    )


_LABELS = {
    # counts
    "monosyllables": "Monosyllables (1 syllable)",
    "polysyllables": "Polysyllables (3+ syllables)",
    "complex_words": "Complex words (Gunning)",
    "long_words": "Long words (7+ letters)",
    "difficult_words": "Difficult words (Dale–Chall)",
    "unfamiliar_types": "Unfamiliar types (Spache)",
    "urls": "URLs and e-mail addresses",
    "foreign_characters": "Non-Latin-script characters",
    # readability
    "flesch_reading_ease": "Flesch Reading Ease",
    "flesch_kincaid_grade": "Flesch–Kincaid grade",
    "gunning_fog": "Gunning Fog",
    "smog": "SMOG",
    "coleman_liau": "Coleman–Liau",
    "automated_readability_index": "Automated Readability Index",
    "dale_chall": "Dale–Chall (1948)",
    "new_dale_chall": "New Dale–Chall (1995)",
    "new_dale_chall_grade": "New Dale–Chall grade",
    "spache": "Spache (revised)",
    "linsear_write": "Linsear Write",
    "forcast": "FORCAST",
    "lix": "LIX",
    "rix": "RIX",
    # diversity
    "ttr": "TTR",
    "rttr": "RTTR (Guiraud)",
    "cttr": "CTTR (Carroll)",
    "herdan_c": "Herdan's C",
    "maas_a2": "Maas a²",
    "msttr": "MSTTR",
    "mattr": "MATTR",
    "mtld": "MTLD",
    "hdd": "HD-D",
    "yule_k": "Yule's K",
    # learned level (docs/level.md)
    "grade": "Grade (learned)",
    "cefr": "CEFR level (learned)",
}


def _label(key: str) -> str:
    if key in _LABELS:
        return _LABELS[key]
    label = key.replace("_", " ")
    label = label[:1].upper() + label[1:]
    return re.sub(r"\bcefr\b", "CEFR", label, flags=re.IGNORECASE)


_BOX_KEYS = frozenset({"level", "tokens", "types", "ttr", "notes"})


def _show(key: str, value: Any, notes: dict[str, str]) -> str:
    if value is None:
        return f"n/a ({notes[key]})" if key in notes else "n/a"
    if isinstance(value, list | tuple):
        return "; ".join(_show_item(v) for v in value) if value else "none"
    return _num(value)


def _show_item(v: Any) -> str:
    if isinstance(v, dict):
        return " ".join(f"{k}={_show_item(x)}" for k, x in v.items())
    if isinstance(v, list | tuple):
        return ",".join(_show_item(x) for x in v)
    return _num(v)


def _section(values: dict[str, Any], notes: dict[str, str], indent: str) -> list[str]:
    width = max((len(_label(k)) for k in values), default=0) + 1
    lines = []
    for key, value in values.items():
        if isinstance(value, dict):
            lines.append(f"{indent}{_label(key)}:")
            lines.extend(_section(value, notes, indent + "  "))
        else:
            lines.append(f"{indent}{_label(key) + ':':<{width}} {_show(key, value, notes)}")
    return lines


def format_all(box: FactBox, *, cleaned: bool = False) -> str:
    """The box, then every other value of :meth:`FactBox.to_dict`: single values first, then
    one section per group (counts, readability, diversity, …). Undefined values are shown as
    ``n/a (reason)`` with the reason from ``FactBox.notes``."""
    d = box.to_dict()
    notes: dict[str, str] = d.get("notes") or {}
    lines = [format_box(box, cleaned=cleaned).rstrip("\n")]
    sections = []
    for key, value in d.items():
        if key in _BOX_KEYS:
            continue
        if isinstance(value, dict):
            sections.append((key, value))
        else:
            lines.append(f"{_label(key)}: {_show(key, value, notes)}")
    for key, values in sections:
        lines.append("")
        lines.append(_label(key))
        lines.extend(_section(values, notes, "  "))
    return "\n".join(lines) + "\n"


def flatten(d: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested dicts to dotted keys: ``{"counts": {"tokens": 3}}`` → ``{"counts.tokens": 3}``.

    ``notes`` (field → reason) becomes one column, ``"field: reason; …"``, placed last.
    """
    out: dict[str, Any] = {}
    notes = None
    for key, value in d.items():
        if key == "notes" and not prefix and isinstance(value, dict):
            notes = "; ".join(f"{k}: {v}" for k, v in value.items())
        elif isinstance(value, dict):
            out.update(flatten(value, f"{prefix}{key}."))
        else:
            out[prefix + key] = value
    if notes is not None:
        out["notes"] = notes
    return out


def json_line(name: str, result: Profiled) -> str:
    """One JSON object: ``path`` then everything in :meth:`FactBox.to_dict` (plus
    ``cleaned``/``removed_lines`` with ``--clean`` and ``sentences`` with ``--sentences``)."""
    return json.dumps({"path": name, **result.to_dict()}, ensure_ascii=False, allow_nan=False)


def format_result(result: Profiled, *, show_all: bool, hardest: int | None) -> str:
    """The text output for one input: the box (or every value), then sentence levels."""
    box = result.box
    text = format_all(box, cleaned=result.cleaned) if show_all else format_box(
        box, cleaned=result.cleaned
    )
    if result.sentences is not None:
        title = f"Hardest {hardest} sentences" if hardest else "Sentence levels"
        text += f"\n{title} (CEFR, score, sentence):\n"
        text += format_sentence_levels(result.sentences, hardest=hardest) + "\n"
    return text


def csv_columns(config: ProfileConfig) -> list[str]:
    """The CSV header: ``path`` then the flattened fields of a fact box."""
    return ["path", *flatten(profile("Fact box.", config=config).to_dict())]


def _csv_cell(x: Any) -> Any:
    if x is None:
        return ""
    if isinstance(x, float):
        return repr(x)
    if isinstance(x, list | tuple):  # e.g. a list of records: one cell of JSON
        return json.dumps(x, ensure_ascii=False)
    return x


# ---------------------------------------------------------------------------------------------
# The command


def _check_encoding(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        codecs.lookup(value)
    except LookupError:
        raise click.BadParameter(f"unknown encoding {value!r}") from None
    return value


@click.command("profile")
@click.argument("paths", metavar="FILE...", nargs=-1, required=True)
@click.option("--all", "show_all", is_flag=True, help="Add every count, formula and measure.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line per input.")
@click.option("--csv", "as_csv", is_flag=True, help="One CSV table, a row per input.")
@click.option(
    "--clean",
    "clean_first",
    is_flag=True,
    help="Profile the cleaned article body (boilerplate removed, see 'factbox clean').",
)
@click.option(
    "--sentences",
    "show_sentences",
    is_flag=True,
    help="Also estimate each sentence's CEFR level (in text order).",
)
@click.option(
    "--hardest",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="With --sentences: only the N hardest sentences, hardest first.",
)
@click.option(
    "--syllable-method",
    type=click.Choice(SYLLABLE_METHODS),
    default="cmudict",
    show_default=True,
    help="cmudict: CMU Pronouncing Dictionary; pyphen: hyphenation (legacy numbers).",
)
@click.option(
    "--mattr-window",
    type=click.IntRange(min=1),
    default=50,
    show_default=True,
    help="MATTR window, in tokens.",
)
@click.option(
    "--msttr-segment",
    type=click.IntRange(min=1),
    default=100,
    show_default=True,
    help="MSTTR segment length, in tokens.",
)
@click.option(
    "--mtld-threshold",
    type=click.FloatRange(0.0, 1.0, min_open=True, max_open=True),
    default=0.72,
    show_default=True,
    help="MTLD factor threshold.",
)
@click.option(
    "--hdd-draws",
    type=click.IntRange(min=1),
    default=42,
    show_default=True,
    help="HD-D sample size.",
)
@click.option(
    "--dale-chall-list",
    type=click.Path(exists=True, dir_okay=False),
    metavar="FILE",
    help="Dale–Chall familiar words, one per line (enables the Dale–Chall formulas).",
)
@click.option(
    "--spache-list",
    type=click.Path(exists=True, dir_okay=False),
    metavar="FILE",
    help="Spache familiar words, one per line (enables Spache).",
)
@click.option(
    "--encoding",
    callback=_check_encoding,
    metavar="NAME",
    help="Decode inputs with this encoding instead of UTF-8 (e.g. cp1252).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Processes to use [default: all cores for large batches, else 1].",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress bar on stderr [default: when stderr is a terminal].",
)
def profile_command(
    *,
    paths: tuple[str, ...],
    show_all: bool,
    as_json: bool,
    as_csv: bool,
    clean_first: bool,
    show_sentences: bool,
    hardest: int | None,
    syllable_method: str,
    mattr_window: int,
    msttr_segment: int,
    mtld_threshold: float,
    hdd_draws: int,
    dale_chall_list: str | None,
    spache_list: str | None,
    encoding: str | None,
    jobs: int | None,
    progress: bool | None,
) -> None:
    """Print a fact box for each FILE ('-' reads standard input; directories are walked)."""
    if as_json and as_csv:
        raise click.UsageError("--json and --csv cannot be used together")
    if hardest is not None and not show_sentences:
        raise click.UsageError("--hardest goes with --sentences")
    if show_sentences and as_csv:
        raise click.UsageError("--sentences cannot be used with --csv (use --json)")
    fmt = "json" if as_json else "csv" if as_csv else "text"
    try:
        config = config_from_options(
            syllable_method=syllable_method,
            mattr_window=mattr_window,
            msttr_segment=msttr_segment,
            mtld_threshold=mtld_threshold,
            hdd_draws=hdd_draws,
            dale_chall_list=dale_chall_list,
            spache_list=spache_list,
        )
    except FactboxError as exc:  # a bad option value (e.g. an unreadable word list)
        _fail(str(exc), EXIT_USAGE)
    sources = expand(paths)
    show_bar = _stderr_is_terminal() if progress is None else progress
    try:
        status = _emit(
            run(sources, Job(config, encoding, clean_first, show_sentences), jobs=jobs),
            fmt=fmt,
            show_all=show_all,
            headers=len(sources) > 1,
            config=config,
            bar_total=len(sources) if show_bar and len(sources) > 1 else 0,
            hardest=hardest,
        )
    except KeyboardInterrupt:
        _fail("interrupted", EXIT_INTERRUPTED)
    except BrokenProcessPool:
        _fail(
            "a worker process died (out of memory?); the output above is complete "
            "up to that input; try fewer processes (-j)",
            EXIT_INTERNAL,
        )
    sys.exit(status)


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def _fail(message: str, code: int) -> None:
    click.echo(f"factbox: {message}", err=True)
    sys.exit(code)


def _emit(
    results: Iterable[tuple[str, Result]],
    *,
    fmt: str,
    show_all: bool,
    headers: bool,
    config: ProfileConfig,
    bar_total: int,
    hardest: int | None = None,
) -> int:
    """Print results in order; errors go to stderr. Return the exit status."""
    printer = _Printer(bar_total)
    status = EXIT_OK
    first = True
    table: _CsvRows | None = _CsvRows(csv_columns(config)) if fmt == "csv" else None
    try:
        if table is not None:
            printer.out(table.header())
        for name, result in results:
            if isinstance(result, FactboxError):
                printer.err(f"factbox: {result}")
                status = max(status, result.exit_code)
            elif isinstance(result, str):
                printer.err(f"factbox: {result}")
                status = max(status, EXIT_INTERNAL)
            elif fmt == "json":
                printer.out(json_line(name, result))
            elif table is not None:
                printer.out(table.row(name, result.box))
            else:
                text = format_result(result, show_all=show_all, hardest=hardest)
                if headers:
                    text = f"==> {name} <==\n{text}"
                printer.out(text.rstrip("\n") if first else "\n" + text.rstrip("\n"))
                first = False
            printer.tick()
    except BrokenPipeError:
        # The reader went away (e.g. `factbox DIR | head`): stop quietly, as other tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_INPUT
    finally:
        printer.close()
    return status


class _CsvRows:
    """CSV lines for a fixed header, quoted by the csv module."""

    def __init__(self, columns: list[str]) -> None:
        self.columns = columns
        self._buf = _stdio.StringIO()
        self._writer = csv.writer(self._buf, lineterminator="\n")

    def _line(self, cells: list[Any]) -> str:
        self._buf.seek(0)
        self._buf.truncate()
        self._writer.writerow(cells)
        return self._buf.getvalue()[:-1]

    def header(self) -> str:
        return self._line(self.columns)

    def row(self, name: str, box: FactBox) -> str:
        flat = flatten({"path": name, **box.to_dict()})
        return self._line([_csv_cell(flat.get(c)) for c in self.columns])


class _Printer:
    """Writes lines to stdout/stderr; with a progress bar on stderr, writes keep it intact."""

    def __init__(self, bar_total: int) -> None:
        self._bar: Any = None
        if bar_total:
            from tqdm import tqdm

            tqdm.monitor_interval = 0  # no monitor thread
            self._bar = tqdm(
                total=bar_total, file=sys.stderr, unit="file", leave=False, dynamic_ncols=True
            )

    def out(self, line: str) -> None:
        if self._bar is None:
            click.echo(line)
        else:
            self._bar.write(line, file=sys.stdout)

    def err(self, line: str) -> None:
        if self._bar is None:
            click.echo(line, err=True)
        else:
            self._bar.write(line, file=sys.stderr)

    def tick(self) -> None:
        if self._bar is not None:
            self._bar.update(1)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
