"""Errors of the corpus store (all :class:`factbox.FactboxError`, one-line messages)."""

from __future__ import annotations

from factbox.errors import FactboxError


class CorpusError(FactboxError):
    """Base class for corpus errors."""

    exit_code = 2


class StoreError(CorpusError):
    """The store file cannot be opened, created or migrated."""


class SourceError(CorpusError):
    """One input (file, archive member, JSONL line, WARC record) cannot be read.

    Ingest records it in the store's ``errors`` table and goes on with the rest.
    """

    def __init__(self, message: str, *, stage: str = "read") -> None:
        super().__init__(message)
        self.stage = stage


class MissingExtraError(CorpusError):
    """An optional dependency is not installed."""
