"""Errors raised by factbox.

Every error a user can cause derives from :class:`FactboxError` and carries a one-line,
actionable message. The command line turns them into ``factbox: <message>`` on stderr and a
documented exit code (see ``docs/errors.md``); it never shows a traceback for them.
"""

from __future__ import annotations


class FactboxError(Exception):
    """Base class for errors a user can act on. ``str(err)`` is a one-line message."""

    exit_code = 1


class EmptyTextError(FactboxError, ValueError):
    """The text has no countable English word (empty, whitespace only, or no Latin-script word)."""


class InputError(FactboxError):
    """An input file cannot be read as text (missing, binary, undecodable, unreadable)."""

    exit_code = 1  # like any failed input; 2 is for usage errors (docs/errors.md)


class ConfigError(FactboxError, ValueError):
    """An option has a value outside its documented range."""

    exit_code = 2
