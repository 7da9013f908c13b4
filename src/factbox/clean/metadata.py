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

from factbox.clean.rules import DATE_RE, MONTH, TIME_RE

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


# month names of the other languages the cleaner meets (German, French, Spanish, Italian,
# Portuguese, Dutch), for metadata only: the dateline rule keeps its English DATE_RE
_FOREIGN_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("januar", "jänner", "janvier", "enero", "gennaio", "janeiro", "januari"),
            ("februar", "février", "fevrier", "febrero", "febbraio", "fevereiro", "februari"),
            ("märz", "maerz", "mars", "marzo", "março", "maart"),
            ("april", "avril", "abril", "aprile"),
            ("mai", "mayo", "maggio", "maio", "mei"),
            ("juni", "juin", "junio", "giugno", "junho"),
            ("juli", "juillet", "julio", "luglio", "julho"),
            ("august", "août", "aout", "agosto", "augustus"),
            ("september", "septembre", "septiembre", "settembre", "setembro"),
            ("oktober", "octobre", "octubre", "ottobre", "outubro"),
            ("november", "novembre", "noviembre", "novembro"),
            ("dezember", "décembre", "decembre", "diciembre", "dicembre", "dezembro", "december"),
        ),
        1,
    )
    for m in names
}
_FOREIGN_DATE_RE = re.compile(
    r"(?<!\d)(?P<d>\d{1,2})(?:\.|er|º)?\s+(?:de\s+)?(?P<mon>"
    + "|".join(sorted(_FOREIGN_MONTHS, key=len, reverse=True))
    + r")\.?,?\s+(?:de\s+|del\s+)?(?P<y>(?:19|20)\d\d)(?!\d)",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
# "Apr. 26, 2022Apr. 26, 2022": a rendering that glues two dates; the year ends at a letter
_GLUED_YEAR_RE = re.compile(r"(?<=\d{4})(?=[^\W\d_])")


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
    text = text[:2000]
    if _YEAR_RE.search(text) is None:  # every form has a four-digit year
        return None
    if _GLUED_YEAR_RE.search(text):
        text = _GLUED_YEAR_RE.sub(" ", text)
    for m in DATE_RE.finditer(text):
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
            if out is None and sep == "." and b > 12:
                out = _iso(y, a, b)  # "01.21.2020": month first with dots (US sites)
        if out:
            return out
    m = _FOREIGN_DATE_RE.search(text)
    if m is not None:
        mon = _FOREIGN_MONTHS[m.group("mon").lower()]
        return _iso(int(m.group("y")), mon, int(m.group("d")))
    return None


_BYLINE_PREFIX = re.compile(
    r"^\s*(?:by(?=[A-Z])|by\s*[:：]?\s*|written by\s+|posted by\s+|words by\s+|story by\s+|"
    r"report(?:ed)? by\s+|reporter\s*[:：]\s*|authors?\s*[:：]\s*|von\s+|por\s+|par\s+|记者)",
    re.IGNORECASE,
)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\by\b|\bet\b)\s*")
_BYLINE_CUT = re.compile(
    r"\s(?:\||-|–|—|·|•|on|at|in|for|updated|published|posted)\s|\||\d|\("
    rf"|/(?=\s*{MONTH}\s)",
    re.IGNORECASE,
)


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


_BY_INSIDE_RE = re.compile(r"(?:^|\s)by\s*[:：]?\s+(?=\S)", re.IGNORECASE)
_DANGLING_BY_RE = re.compile(
    r"^\W*(?:words\s+|article\s+)?(?:written\s+|posted\s+|published\s+)?by\s*[:：]?"
    r"\s*\W*$",
    re.IGNORECASE,
)
_NAME_WORD = r"(?:[^\W\d_]\.|[^\W\d_a-z][^\W\d_]*(?:['’.-][^\W\d_]+)*\.?)"
_NAME_RE = re.compile(
    rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|van|von|de|der|da|di|du|le|la|bin|al)){{1,3}}"
)
_NAMES_LINE_RE = re.compile(rf"^{_NAME_RE.pattern}(?:\s*(?:,|&|\band\b)\s*{_NAME_RE.pattern})*$")


def parse_byline_loose(line: str) -> tuple[str, ...]:
    """Authors from a byline that does not start with ``By``: ``by`` after a date or after
    punctuation only (``October 19, 2019 by Ann Lee``, ``12/04/2020 by Kay 24 Comments``,
    ``---- by Ann Lee``), in a line of at most 12 words.

    >>> parse_byline_loose("Posted on June 1, 2020 by Ann Lee"), parse_byline_loose("Go by bus")
    (('Ann Lee',), ())
    """
    if len(line.split()) > 12:
        return ()
    m = _BY_INSIDE_RE.search(line)
    if m is None:
        return ()
    before = line[: m.start()]
    if before.strip(" -–—|/•·*:") and DATE_RE.search(before) is None:
        return ()
    return parse_authors("By " + line[m.end() :])


def is_dangling_by(line: str) -> bool:
    """True for a byline prefix on a line of its own (``By``, ``words written by``, ``By :``);
    the name is on the next line."""
    return len(line) <= 30 and _DANGLING_BY_RE.match(line) is not None


# words of page widgets and menus that a capitalised two-word line may hold ("Tweet This",
# "Latest News", "Sign In"): such a line is not a name
_NOT_NAME_WORDS = frozenset(
    {
        "this", "that", "the", "our", "your", "my", "us", "me", "more", "all", "about", "home",
        "share", "tweet", "follow", "read", "see", "view", "sign", "log", "print", "email", "menu",
        "search", "news", "latest", "contact", "subscribe", "login", "logout", "next", "previous",
        "comments", "comment", "reply", "back", "top", "date", "time",
    }
)


def names_line(line: str) -> tuple[str, ...]:
    """The names of a line that holds only one to three personal names (two to four
    capitalised words each, separated by commas or ``and``), else ``()``.

    >>> names_line("Ann Lee, Bo Chen"), names_line("Read more news")
    (('Ann Lee', 'Bo Chen'), ())
    """
    if len(line) > 80 or _NAMES_LINE_RE.match(line) is None:
        return ()
    if any(w.lower() in _NOT_NAME_WORDS for w in line.split()):
        return ()
    names = tuple(n.strip() for n in _NAME_SPLIT.split(line) if n.strip())
    return names if len(names) <= 3 else ()
