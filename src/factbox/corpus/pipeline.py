"""What happens to one document: clean, profile, hash, MinHash. Runs in worker processes.

The cleaner (``factbox.clean``, issue 3) is reached through :func:`clean_document` only. Until
it is merged, a pass-through stands in: the body is the text stripped (HTML: tags dropped,
entities decoded), with no title/date/authors found. Nothing else here knows which is in use.
"""

from __future__ import annotations

import hashlib
import html
import importlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import orjson

from factbox.config import ProfileConfig
from factbox.corpus.dedupe import signature
from factbox.corpus.sources import Failure, Item
from factbox.errors import FactboxError
from factbox.profile import profile


@lru_cache(maxsize=1)
def cleaner() -> Callable[..., Any] | None:
    """``factbox.clean`` when this build has it (issue 3), else ``None`` (pass-through)."""
    import factbox

    fn = getattr(factbox, "clean", None)
    if callable(fn):
        return fn
    try:
        mod = importlib.import_module("factbox.clean")
    except ImportError:
        return None
    fn = getattr(mod, "clean", None)
    return fn if callable(fn) else None


def cleaner_name() -> str:
    return "factbox.clean" if cleaner() is not None else "pass-through"


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The subset of ``factbox.clean``'s Article the store keeps."""

    body: str
    title: str | None = None
    date: str | None = None
    authors: tuple[str, ...] = ()
    editor: str | None = None
    source: str | None = None
    language: str | None = None
    removed: list[dict[str, Any]] = field(default_factory=list)


_SCRIPT = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>", re.I | re.S)
_BLOCK = re.compile(r"</?(p|div|br|li|h[1-6]|tr|section|article|blockquote)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]+>")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_BLANKS = re.compile(r"[ \t\r\f\v]+")
_MANY_NL = re.compile(r"\n\s*\n\s*(\n\s*)+")
_LOOKS_HTML = re.compile(r"^\s*(<!doctype|<html|<head|<body|<p\b|<div\b)", re.I)


def _pass_through(text: str, kind: str) -> Cleaned:
    """Stand-in for ``factbox.clean`` until it is merged: no boilerplate removal."""
    if kind == "html" or (kind == "auto" and _LOOKS_HTML.match(text)):
        text = _COMMENT.sub(" ", _SCRIPT.sub(" ", text))
        text = html.unescape(_TAG.sub(" ", _BLOCK.sub("\n", text)))
        text = _MANY_NL.sub("\n\n", "\n".join(_BLANKS.sub(" ", ln).strip()
                                              for ln in text.splitlines()))
    return Cleaned(body=text.strip())


def clean_document(text: str, kind: str, url: str | None) -> Cleaned:
    """The adapter to ``factbox.clean``: raises its NoArticleError (a FactboxError) unchanged."""
    clean = cleaner()
    if clean is None:
        return _pass_through(text, kind)
    fmt = {"html": "html", "text": "text"}.get(kind, "auto")
    art = clean(text, url=url, format=fmt)
    return Cleaned(
        body=art.body,
        title=art.title,
        date=art.date,
        authors=tuple(art.authors or ()),
        editor=art.editor,
        source=art.source,
        language=art.language,
        removed=[r.to_dict() if hasattr(r, "to_dict") else dict(vars(r)) for r in art.removed],
    )


def content_hash(text: str) -> str:
    """blake2b-128 of the UTF-8 text, hex."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _meta_str(meta: dict[str, Any], *names: str) -> str | None:
    for n in names:
        v = meta.get(n)
        if isinstance(v, str) and v.strip():
            return v.strip()
    return None


_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d", "%d.%m.%Y")


def normalize_date(value: str | None) -> str | None:
    """An ISO 8601 date (``YYYY-MM-DD``, or the full time stamp when one is given) or ``None``.

    Accepts ISO dates and time stamps (kept as given, ``Z`` included), RFC 2822 dates
    (``Tue, 05 Mar 2024 10:00:00 GMT``) and a few spelled-out forms (``March 5, 2024``,
    ``5 March 2024``, ``2024/03/05``, ``05.03.2024``). Anything else gives ``None`` (the original
    stays in ``meta`` for JSONL input), so that date filters never compare unlike strings.
    """
    if not value:
        return None
    v = value.strip()
    try:
        datetime.fromisoformat(v.replace("Z", "+00:00"))
        return v
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(v).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(v, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _authors(meta: dict[str, Any]) -> tuple[str, ...]:
    v = meta.get("authors", meta.get("author"))
    if isinstance(v, str) and v.strip():
        return (v.strip(),)
    if isinstance(v, list):
        return tuple(str(a) for a in v if a)
    return ()


def process(
    item: Item, config: ProfileConfig | None = None, *, minhash: bool = True
) -> dict[str, Any] | Failure:
    """Clean and profile one document; the row for ``documents`` (plus its MinHash signature).

    Fields the cleaner did not find are taken from the item's metadata (JSONL ``title``,
    ``date``, ``source``, ``author(s)``), then ``source`` from the URL's host.
    """
    try:
        c = clean_document(item.text, item.kind, item.url)
    except FactboxError as err:
        return Failure(item.source_key, item.path, "clean", f"{item.path}: {err}")
    if not c.body.strip():
        return Failure(item.source_key, item.path, "clean", f"{item.path}: no text left")
    try:
        box = profile(c.body, config=config)
    except FactboxError as err:
        return Failure(item.source_key, item.path, "profile", f"{item.path}: {err}")
    fact = box.to_dict()
    meta = item.meta
    source = c.source or _meta_str(meta, "source", "site", "publisher")
    if source is None and item.url:
        host = urlsplit(item.url).hostname
        source = host.removeprefix("www.") if host else None
    return {
        "source_key": item.source_key,
        "path": item.path,
        "url": item.url,
        "input_format": item.input_format,
        "raw": item.text,
        "body": c.body,
        "title": c.title or _meta_str(meta, "title", "headline"),
        "date": normalize_date(c.date or _meta_str(meta, "date", "published", "date_published")),
        "authors": json.dumps(list(c.authors or _authors(meta)), ensure_ascii=False),
        "editor": c.editor,
        "source": source,
        "language": c.language or _meta_str(meta, "language", "lang"),
        "meta": json.dumps(meta, ensure_ascii=False, sort_keys=True, default=str),
        "raw_hash": content_hash(item.text),
        "body_hash": content_hash(c.body),
        "level": fact["level"],
        "tokens": box.tokens,
        "types": box.types,
        "ttr": fact["ttr"],
        "sentences": box.counts.sentences,
        "syllables": box.counts.syllables,
        "fact": orjson.dumps(fact, option=orjson.OPT_SORT_KEYS).decode(),
        "removed": orjson.dumps(c.removed).decode(),
        "signature": signature(c.body) if minhash else None,
    }


def process_batch(
    items: list[Item], config: ProfileConfig | None = None
) -> list[dict[str, Any] | Failure]:
    """:func:`process` over a batch (the unit sent to a worker process). An unexpected
    exception (a bug) fails that document only, with a message saying so."""
    out: list[dict[str, Any] | Failure] = []
    for it in items:
        try:
            out.append(process(it, config))
        except Exception as err:  # one bad document must not stop the ingest
            out.append(Failure(it.source_key, it.path, "profile",
                               f"{it.path}: unexpected error (please report it): "
                               f"{type(err).__name__}: {err}"))
    return out
