"""Metadata read from the removed header lines: date, authors, editor, source.

* **date**: the first date in a removed line before the body (then in any removed line), in any
  of the forms of :data:`factbox.clean.rules.DATE_RE`: ``2021-04-16``, ``2021/4/16``,
  ``2024年10月12日``, ``June 14, 2021``, ``14 June 2021``, ``16.04.2021`` (day first) and
  ``4/16/2021`` (month first, as in the US; day first when the first number exceeds 12).
  Returned as ISO 8601 ``YYYY-MM-DD``; impossible dates are skipped.
* **authors**: a byline (``By YU Haoyuan``, ``Written by A and B``, ``Author: …``), split on
  commas, ``and`` and ``&``; anything after a date, ``|`` or `` - `` is dropped.
* **editor**: an editor line (``Editor:Cherie``, ``Edited by …``).
* **source**: a ``Source: …`` line; else the host of the URL the caller passed.
"""

from __future__ import annotations

import datetime as _dt
import re
from urllib.parse import urlsplit

from factbox.clean.rules import DATE_RE, TIME_RE

_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        1,
    )
    for m in names
}


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return _dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def parse_date(text: str) -> str | None:
    """The first valid date in ``text`` as ``YYYY-MM-DD``.

    >>> parse_date("2024年10月12日 星期六"), parse_date("Posted on June 14, 2021")
    ('2024-10-12', '2021-06-14')
    """
    for m in DATE_RE.finditer(text[:2000]):
        g = m.groupdict()
        if g["iso"]:
            out = _iso(int(g["y1"]), int(g["m1"]), int(g["d1"]))
        elif g["cjk"]:
            out = _iso(int(g["y2"]), int(g["m2"]), int(g["d2"]))
        elif g["mdy"]:
            mon = _MONTHS.get(g["mon3"].lower().rstrip("."))
            out = _iso(int(g["y3"]), mon, int(g["d3"])) if mon else None
        elif g["dmy"]:
            mon = _MONTHS.get(g["mon4"].lower().rstrip("."))
            out = _iso(int(g["y4"]), mon, int(g["d4"])) if mon else None
        else:
            a, b, y = int(g["a5"]), int(g["b5"]), int(g["y5"])
            sep = text[m.start("a5") + len(g["a5"])]
            day_first = sep == "." or a > 12
            out = _iso(y, b, a) if day_first else _iso(y, a, b)
        if out:
            return out
    return None


_BYLINE_PREFIX = re.compile(
    r"^\s*(?:by(?=[A-Z])|by\s*[:：]?\s*|written by\s+|posted by\s+|words by\s+|story by\s+|"
    r"report(?:ed)? by\s+|reporter\s*[:：]\s*|authors?\s*[:：]\s*|von\s+|por\s+|par\s+|记者)",
    re.IGNORECASE,
)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\by\b|\bet\b)\s*")
_BYLINE_CUT = re.compile(r"\s(?:\||-|–|—|·|•|on|at|in|for|updated|published|posted)\s|\||\d|\(")


def parse_authors(line: str) -> tuple[str, ...]:
    """Author names from a byline.

    >>> parse_authors("By YU Haoyuan"), parse_authors("By Ann Lee and Bo Chen | June 1, 2020")
    (('YU Haoyuan',), ('Ann Lee', 'Bo Chen'))
    """
    m = _BYLINE_PREFIX.match(line)
    if m is None:
        return ()
    rest = line[m.end() :]
    cut = _BYLINE_CUT.search(rest)
    if cut:
        rest = rest[: cut.start()]
    names = []
    for part in _NAME_SPLIT.split(rest):
        name = part.strip(" .,:;")
        if name and len(name.split()) <= 5 and name[:1].isupper():
            names.append(name)
    return tuple(names)


_EDITOR_RE = re.compile(
    r"^\s*\(?\s*(?:editor|edited by|责任编辑|编辑|responsible editor|web editor|chief editor|"
    r"copy editor|editing by)\s*[:：]?\s*(?:by\s+)?(?P<name>[^)]+?)\s*\)?\s*$",
    re.IGNORECASE,
)


def parse_editor(line: str) -> str | None:
    """The editor's name from an editor line.

    >>> parse_editor("Editor:Cherie")
    'Cherie'
    """
    m = _EDITOR_RE.match(line)
    if m is None:
        return None
    name = m.group("name").strip(" .,:;")
    return name or None


_SOURCE_RE = re.compile(
    r"(?:^|\s)(?:source|来源|quelle|fuente)\s*[:：]\s*(?P<src>[^:：|]{2,60}?)\s*(?:$|\||\s\w+:)",
    re.IGNORECASE,
)
_NOT_A_SOURCE = frozenset({"share", "admin", "print", "email", "tweet"})


def parse_source(line: str) -> str | None:
    """The publication named in a ``Source: …`` line (``None`` for an empty field).

    >>> parse_source("Source: Xinhua"), parse_source("2021-04-16 admin source: share:")
    ('Xinhua', None)
    """
    m = _SOURCE_RE.search(line)
    if m is None:
        return None
    src = m.group("src").strip(" .,;")
    if not src or src.lower() in _NOT_A_SOURCE or TIME_RE.fullmatch(src):
        return None
    return src


def host_of(url: str | None) -> str | None:
    """The host of ``url`` without ``www.`` (``None`` when there is none)."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else "//" + url).hostname
    if not host:
        return None
    return host.removeprefix("www.")
