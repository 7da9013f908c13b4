"""The ``factbox`` command line: a thin layer over the library.

``factbox FILE...`` profiles files (the default command); other commands are subcommands
(``factbox clean``, ``factbox corpus …``). Each command lives in its own module here and makes
one library call per input; library errors (:class:`factbox.FactboxError`) become one-line
messages with the exit codes documented in ``docs/errors.md``.
"""

from __future__ import annotations

import click

from factbox import __version__, engine
from factbox.cli import analysis_cmd  # noqa: F401 - registers the corpus analysis commands
from factbox.cli.clean_cmd import clean_command
from factbox.cli.corpus_cmd import corpus_group
from factbox.cli.profile_cmd import profile_command


class DefaultGroup(click.Group):
    """A group that runs ``profile`` when the first argument is not a subcommand name."""

    default_command = "profile"
    group_options = ("-h", "--help", "--version")

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in self.group_options):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    __version__,
    prog_name="factbox",
    message=f"%(prog)s, version %(version)s (engine: {engine()})",  # compiled hot path or not
)
def cli() -> None:
    """Fact boxes for English articles.

    \b
    factbox FILE...            profile files (the default command; '-' reads stdin)
    factbox COMMAND --help     help for a command
    """


cli.add_command(profile_command)
cli.add_command(corpus_group)
cli.add_command(clean_command)


def main() -> None:
    """Console-script entry point (also ``python -m factbox``)."""
    cli(prog_name="factbox")
