"""``factbox clean FILE...``: print the cleaned article body (or JSON, or an explanation)."""

from __future__ import annotations

import json
import sys

import click

from factbox.clean import Article, clean
from factbox.errors import FactboxError, InputError


def read_input(path: str) -> str:
    """The text of ``path`` ('-' = stdin): UTF-8, else the encoding charset-normalizer guesses."""
    try:
        data = sys.stdin.buffer.read() if path == "-" else open(path, "rb").read()  # noqa: SIM115
    except OSError as err:
        raise InputError(f"cannot read {path}: {err.strerror or err}") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{path} looks binary (NUL bytes); pass a text or HTML file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except ImportError:  # pragma: no cover - charset-normalizer ships with trafilatura
        best = None
    if best is None:
        return data.decode("cp1252", errors="replace")
    return str(best)


def explain(article: Article) -> str:
    """One line per removed run: line range, reason, rule and the start of the text."""
    out = []
    for r in article.removed:
        span = f"{r.start_line}" if r.start_line == r.end_line else f"{r.start_line}-{r.end_line}"
        first = r.text.split("\n", 1)[0]
        if len(first) > 70:
            first = first[:67] + "..."
        out.append(f"  line {span:>9}  {r.reason:<17} ({r.rule}): {first}")
    meta = [
        f"{k}: {v}"
        for k, v in (
            ("title", article.title),
            ("date", article.date),
            ("authors", ", ".join(article.authors) or None),
            ("editor", article.editor),
            ("source", article.source),
            ("language", article.language),
        )
        if v
    ]
    head = f"removed {len(article.removed)} run(s) of lines ({article.input_format} input"
    head += (
        "; HTML line numbers refer to the page's rendered text)"
        if (article.input_format == "html")
        else ")"
    )
    return "\n".join([head, *out, *(f"  {m}" for m in meta)])


@click.command("clean")
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line per input.")
@click.option("--explain", "show_explain", is_flag=True, help="List what was removed and why.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["auto", "text", "html"]),
    default="auto",
    show_default=True,
    help="Input format ('auto' sniffs for HTML tags).",
)
@click.option("--url", default=None, help="The page's URL (for HTML metadata and 'source').")
def clean_command(
    paths: tuple[str, ...], as_json: bool, show_explain: bool, fmt: str, url: str | None
) -> None:
    """Print the article body of each FILE with boilerplate removed ('-' reads stdin)."""
    failed = False
    for path in paths:
        try:
            article = clean(read_input(path), url=url, format=fmt)  # type: ignore[arg-type]
        except FactboxError as err:
            click.echo(f"factbox: {path}: {err}", err=True)
            failed = True
            continue
        if as_json:
            click.echo(json.dumps({"path": path, **article.to_dict()}, ensure_ascii=False))
            continue
        if len(paths) > 1:
            click.echo(f"==> {path} <==")
        if show_explain:
            click.echo(explain(article), err=False)
            click.echo("")
        click.echo(article.body)
        if len(paths) > 1:
            click.echo("")
    if failed:
        sys.exit(1)
