"""The HTML path: a naive rendering of every visible line, and trafilatura for the article.

``render_text(html)`` is what a naive scraper produces: every visible text line of the page in
document order, menus and footers included (``script``, ``style``, ``noscript``, ``template``,
``svg``, ``head`` and comments dropped; block elements and ``<br>`` end a line). Line numbers
reported for HTML input refer to this rendering.

``extract_html(html)`` runs trafilatura (main text + metadata). Lines of the naive rendering
that do not occur in trafilatura's body are reported as removed (reason ``html_boilerplate``,
rule ``trafilatura``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DROP_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "head",
        "iframe",
        "object",
        "canvas",
        "select",
        "option",
        "button",
        "input",
        "textarea",
        "math",
    }
)
_BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "html",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "td",
        "th",
        "ul",
        "caption",
        "center",
        "menu",
        "br",
        "legend",
        "label",
    }
)
_WS_RE = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")
_HTML_SNIFF_RE = re.compile(
    r"<(?:!doctype\s+html|html|head|body|div|p|span|article|meta|script|a\s|br\s*/?)\b",
    re.IGNORECASE,
)


def looks_like_html(text: str) -> bool:
    """True when the first 4 kB contain an HTML document or element tag."""
    return _HTML_SNIFF_RE.search(text[:4096]) is not None


def _parse(html: str):  # type: ignore[no-untyped-def]
    import lxml.html

    cleaned = re.sub(r"^\s*<\?xml[^>]*>", "", html)  # lxml refuses str with an encoding decl
    try:
        # huge_tree lifts libxml2's nesting-depth limit (256), past which text is dropped
        parser = lxml.html.HTMLParser(huge_tree=True)
        return lxml.html.document_fromstring(cleaned, parser=parser)
    except Exception:  # lxml raises ParserError for empty documents
        return None


def render_text(html: str) -> str:
    """Every visible text line of ``html``, as a naive scraper renders it (see module doc)."""
    root = _parse(html)
    if root is None:
        return ""
    parts: list[str] = []
    # iterative walk (no recursion limit on deeply nested pages): ("open", el) emits the
    # element's text and schedules its children, ("close", el) emits its closing break and tail
    stack: list[tuple[bool, object]] = [(True, root)]
    while stack:
        opening, el = stack.pop()
        tag = el.tag.lower() if isinstance(el.tag, str) else ""  # type: ignore[attr-defined]
        if not opening:
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            if el.tail:  # type: ignore[attr-defined]
                parts.append(el.tail)  # type: ignore[attr-defined]
            continue
        if not tag or tag in _DROP_TAGS:  # comments, processing instructions, dropped tags
            if el.tail:  # type: ignore[attr-defined]
                parts.append(el.tail)  # type: ignore[attr-defined]
            continue
        if tag in _BLOCK_TAGS:
            parts.append("\n")
        if el.text:  # type: ignore[attr-defined]
            parts.append(el.text)  # type: ignore[attr-defined]
        stack.append((False, el))
        stack.extend((True, child) for child in reversed(list(el)))  # type: ignore[call-overload]
    lines = []
    for raw in "".join(parts).split("\n"):
        line = _WS_RE.sub(" ", raw).strip()
        if line:
            lines.append(line)
    return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class HtmlExtraction:
    """trafilatura's result, reduced to what :class:`factbox.clean.Article` needs."""

    body: str
    title: str | None
    date: str | None
    authors: tuple[str, ...]
    source: str | None
    language: str | None


def extract_html(html: str, url: str | None = None) -> HtmlExtraction:
    """Main text and metadata of an HTML page, via trafilatura (precision-neutral defaults)."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        favor_precision=False,
        deduplicate=False,
    )
    if doc is None:
        return HtmlExtraction("", None, None, (), None, None)
    get = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)
    text = get("text") or ""
    authors_raw = get("author") or ""
    authors = tuple(a.strip() for a in re.split(r";|\band\b", authors_raw) if a.strip())
    source = get("sitename") or get("hostname") or None
    return HtmlExtraction(
        body=text,
        title=get("title") or None,
        date=get("date") or None,
        authors=authors,
        source=source,
        language=get("language") or None,
    )
