"""Result types of the cleaner: :class:`Article` and :class:`Removal`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from factbox.errors import FactboxError


class NoArticleError(FactboxError, ValueError):
    """The input holds no article text: every line is boilerplate (or the input is empty)."""


@dataclass(frozen=True, slots=True)
class Removal:
    """One run of removed lines and why.

    start_line, end_line: 1-based, inclusive line numbers of the input text (for HTML input:
        of the naive rendering, :func:`factbox.clean.html.render_text`)
    text:   the removed lines, joined by newlines
    reason: the boilerplate class, e.g. ``footer``, ``dateline``, ``share_widget``,
        ``foreign_language``, ``statistics_block`` (``docs/cleaning.md`` lists them all)
    rule:   the rule or model that decided (a rule name from :mod:`factbox.clean.rules`,
        ``body_block``, ``language`` or ``trafilatura``)
    """

    start_line: int
    end_line: int
    text: str
    reason: str
    rule: str

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "start_line": self.start_line,
            "end_line": self.end_line,
            "text": self.text,
            "reason": self.reason,
            "rule": self.rule,
        }


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article.

    body:    the article text, paragraphs separated by one blank line
    title:   the headline, if one was found
    date:    ISO 8601 (``YYYY-MM-DD``, or a full timestamp when the page gives one)
    authors: the authors named in a byline, in order
    editor:  the editor named in an editor line (``Editor:Cherie``)
    source:  the site or publication, where stated (or the URL's host)
    language: ISO 639-1 code of the body's language (``None`` if it cannot be told)
    removed: every removed run of lines with its reason and rule, in text order
    input_format: ``"text"`` or ``"html"``
    """

    body: str
    title: str | None
    date: str | None
    authors: tuple[str, ...]
    editor: str | None
    source: str | None
    language: str | None
    removed: tuple[Removal, ...]
    input_format: str

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "body": self.body,
            "title": self.title,
            "date": self.date,
            "authors": list(self.authors),
            "editor": self.editor,
            "source": self.source,
            "language": self.language,
            "removed": [r.to_dict() for r in self.removed],
            "input_format": self.input_format,
        }
