"""Cleaning web-scraped articles: ``clean(text_or_html) -> Article``.

Plain text goes through factbox's own line-level cleaner (:mod:`factbox.clean.plaintext`);
HTML goes through trafilatura (:mod:`factbox.clean.html`). Both give the same
:class:`Article`, with every removed run of lines in ``Article.removed`` and the reason and rule
that removed it. ``docs/cleaning.md`` describes each reason class and the figures.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from typing import Literal

from factbox.clean import language as _lang
from factbox.clean import metadata as _meta
from factbox.clean.article import Article, NoArticleError, Removal
from factbox.clean.html import looks_like_html
from factbox.clean.plaintext import STANDFIRST_MIN_WORDS, Decision, decide, split_units

__all__ = ["Article", "NoArticleError", "Removal", "clean", "clean_and_profile"]

Format = Literal["auto", "text", "html"]

_MOJIBAKE_RE = re.compile("[ÃÂâÐ][\u0080-\u00bf\u2018-\u203a\u0152-\u0178\u02c6\u02dc]")
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff]")
_FORMATS = ("auto", "text", "html")


def _repair(text: str) -> str:
    """Normalise newlines, drop control characters, and fix mojibake with ftfy when present."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL_RE.sub("", text)
    if _MOJIBAKE_RE.search(text):
        # only when mojibake is likely: ftfy is slower than the cleaner itself
        import ftfy

        # fix_line_breaks=False: ftfy would turn U+2028/U+2029/U+0085 into newlines, and the
        # line numbers of `removed` count only the input's \n, \r\n and \r breaks
        text = ftfy.fix_text(
            text,
            normalization="NFC",
            unescape_html=False,
            uncurl_quotes=False,
            fix_line_breaks=False,
        )
    return text


def _runs(decisions: list[Decision], lines: list[str]) -> tuple[Removal, ...]:
    """Merge consecutive removed units with the same reason and rule into Removals."""
    out: list[Removal] = []
    cur: list[Decision] = []

    def flush() -> None:
        if cur:
            a, b = cur[0].unit.start, cur[-1].unit.end
            out.append(
                Removal(
                    a,
                    b,
                    "\n".join(lines[a - 1 : b]).strip("\n"),
                    cur[0].reason or "",
                    cur[0].rule or "",
                )
            )
            cur.clear()

    for d in decisions:
        if d.keep:
            flush()
            continue
        if cur and (cur[-1].reason, cur[-1].rule) != (d.reason, d.rule):
            flush()
        cur.append(d)
    flush()
    return tuple(out)


def _title(decisions: list[Decision], body_start: int) -> int | None:
    """Index of the title unit: the nearest headline-like removed unit above the body (rule
    lines such as bylines are skipped, and so is one standfirst: a paragraph of at most 60
    words right under the headline)."""
    standfirst = True
    for k in range(body_start - 1, -1, -1):
        d = decisions[k]
        if d.reason in ("navigation", "outside_body") and d.unit.headline_like:
            return k
        if d.reason in ("navigation", "outside_body") and not d.unit.headline_like:
            if standfirst and d.reason == "outside_body" and d.unit.n_words <= 60:
                standfirst = False
                continue
            return None
    return None


TITLE_WINDOW = 40  # units above the body searched for the headline
TITLE_BODY_CHARS = 5000  # body text whose words a headline is checked against
TITLE_DECAY = 30.0  # the score halves at this many units above the body
TITLE_WORDS = 6  # content words for a full-length score
TITLE_TITLE_CASE = 1.3  # bonus for a title-cased line (3+ content words, 80 % capitalised)
TITLE_REPEATED = 1.3  # bonus for a line the page repeats (breadcrumb, share text, h1 + teaser)
_TITLE_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def _body_words(decisions: list[Decision], body_start: int) -> set[str]:
    """The lower-cased words of the first TITLE_BODY_CHARS characters of the kept body."""
    words: set[str] = set()
    n_chars = 0
    for d in decisions[body_start:]:
        if d.keep:
            words.update(_TITLE_WORD_RE.findall(d.unit.text.lower()))
            n_chars += len(d.unit.text)
            if n_chars > TITLE_BODY_CHARS:
                break
    return words


def _title_scored(decisions: list[Decision], body_start: int) -> int | None:
    """Index of the headline among the removed units above the body, by score (None if no
    unit scores above zero).

    A candidate is a removed unit that no rule matched (or a standfirst the lead rule cut off,
    ninth round), of 1-25 words, not ending with a full stop, starting with a capital or a
    non-letter. Its score: the share of its content words (not function words, 3+ letters)
    that occur in the kept body, times ``min(content words, TITLE_WORDS) / TITLE_WORDS`` (so
    one-word menu entries and "Tweet This" score low), divided by
    ``1 + distance / TITLE_DECAY``, with bonuses for a title-cased line, for a line that
    occurs again in the page (alone or inside a longer line: a breadcrumb ``Home News
    <headline>``) and for a line directly above the byline or dateline. The headline is the
    line whose words the article goes on to use; share buttons, section names and sign-in
    prompts share none with it. When the unit directly above the best one is a headline-sized
    candidate too, it is the headline and the best one its standfirst (ninth round).
    """
    lo = max(0, body_start - TITLE_WINDOW)
    if lo >= body_start:
        return None
    stop = _lang.all_stopwords()
    candidates = []  # (index, words, content words)
    for k in range(lo, body_start):
        d = decisions[k]
        u = d.unit
        t = u.text
        if d.keep or not 1 <= u.n_words <= 25:
            continue
        if u.rule is not None and u.rule.name != "lead_before_credit":
            continue
        if t[:1].islower() or "©" in t:  # a caption with its credit is not a headline
            continue
        if t.endswith(".") and not t.endswith("...") and not _ABBREV_END_RE.search(t):
            continue
        words = _TITLE_WORD_RE.findall(t)
        content = {w.lower() for w in words if len(w) > 2 and w.lower() not in stop}
        if content:
            candidates.append((k, words, content))
    if not candidates:
        return None
    body_words = _body_words(decisions, body_start)
    texts = {decisions[k].unit.text for k, _, _ in candidates}
    counts = Counter(d.unit.text for d in decisions if d.unit.text in texts)
    page: str | None = None
    scores: dict[int, float] = {}
    title_cased: set[int] = set()
    for k, words, content in candidates:
        score = sum(w in body_words for w in content) / len(content)
        score *= min(len(content), TITLE_WORDS) / TITLE_WORDS
        score /= 1 + (body_start - k) / TITLE_DECAY
        if score <= 0:
            scores[k] = 0.0
            continue
        if _lang.headline_case(words):
            score *= TITLE_TITLE_CASE
            title_cased.add(k)
        text = decisions[k].unit.text
        repeated = counts[text] > 1
        if not repeated and text.count(" ") >= 2:
            # a line of 3+ words that a longer line holds (a breadcrumb ending in the
            # headline, ``1 Comment on <headline>``) counts as repeated
            if page is None:
                page = "\n".join(d.unit.text for d in decisions)
            repeated = page.count(text) > counts[text]
        if repeated:
            score *= TITLE_REPEATED
        if _above_credit(decisions, k, body_start):
            score *= TITLE_ABOVE_CREDIT
        scores[k] = score
    best = max(scores, key=lambda k: (scores[k], -k))  # ties: the first, as before
    if scores[best] <= 0:
        return None
    # a headline over its standfirst: the line above wins unless the best one is title-cased
    # and sits on the byline or dateline (the headline's place and style), or the line above
    # holds it (a breadcrumb ending in the headline)
    above = scores.get(best - 1, 0.0)
    if (
        above >= TITLE_ABOVE_SHARE * scores[best]
        and _n_content(candidates, best - 1) >= 4
        and not (best in title_cased and _above_credit(decisions, best, body_start))
        and decisions[best].unit.text not in decisions[best - 1].unit.text
    ):
        return best - 1
    return _inner_headline(decisions, best, body_start)


# a headline may end with an abbreviation's full stop ("… Cold Wave Alert Tues.")
_ABBREV_END_RE = re.compile(
    r"\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|"
    r"Oct|Nov|Dec|Inc|Ltd|Co|Corp|Jr|Sr|St|Dr|Ave|Mt|U\.S|U\.K)\.$"
)
TITLE_INNER_AFTER = 5  # units under the body's start searched for the bare headline


def _inner_headline(decisions: list[Decision], best: int, body_start: int) -> int:
    """A removed line of 3+ words that the best line ends with (``Home Issues <headline>``,
    a breadcrumb glued to the headline) is the headline; else ``best``."""
    text = decisions[best].unit.text
    lo = max(0, body_start - TITLE_WINDOW)
    for j in range(lo, min(len(decisions), body_start + TITLE_INNER_AFTER)):
        d = decisions[j]
        t = d.unit.text
        if (
            not d.keep
            and j != best
            and d.unit.n_words >= 3
            and len(t) < len(text)
            and text.endswith(t)
            and text[-len(t) - 1] == " "
        ):
            return j
    return best


TITLE_ABOVE_CREDIT = 1.5  # bonus for a line directly above the byline or dateline
TITLE_ABOVE_SHARE = 0.3  # the line above the best one wins at this share of its score
_CREDIT_REASONS = frozenset({"byline", "dateline"})
CREDIT_LINE_WORDS = 10  # a line of a date and a "by" credit that no rule matched
_CREDIT_SKIP = frozenset({"photo_credit", "share_widget", "media_widget"})


def _above_credit(decisions: list[Decision], k: int, body_start: int) -> bool:
    """The unit under ``k`` (photo credits and share buttons aside) is a byline or dateline,
    or a short line with a ``by`` credit after a date that no rule matched (``Oct 30 2020 by
    Ann Lee``, glued by a rendering)."""
    for j in range(k + 1, min(k + 4, len(decisions))):
        u = decisions[j].unit
        r = u.rule
        if r is None:
            if decisions[j].keep or u.n_words > CREDIT_LINE_WORDS:
                return False
            return bool(_meta.parse_byline_loose(u.text))
        if r.reason not in _CREDIT_SKIP:
            return r.reason in _CREDIT_REASONS
    return False


def _n_content(candidates: list[tuple[int, list[str], set[str]]], k: int) -> int:
    return next((len(c) for j, _, c in candidates if j == k), 0)


_DATE_REASONS = frozenset({"dateline", "byline", "foreign_language", "navigation", "title"})
FIRST_KEPT = 3  # kept units at the top of the body searched for a date or byline


def _loose_authors(
    decisions: list[Decision], body_start: int, title_k: int | None
) -> tuple[str, ...]:
    """Authors when no ``By …`` line was removed, from the header (the units above the body
    and the first FIRST_KEPT short units of it): a ``by`` after a date (``June 1, 2020 by
    Ann Lee``), a ``By`` on a line of its own followed by a line of names, or a line of names
    only (:func:`metadata.names_line`) directly under the headline or beside a dateline in
    the 8 units above the body, or under a standfirst (8+ words) under the headline, unless
    most of its words are in the body (a topic)."""
    lo = max(0, body_start - TITLE_WINDOW)
    hi = min(len(decisions), body_start + FIRST_KEPT)
    for j in range(lo, hi):
        u = decisions[j].unit
        if u.n_words > 15:
            continue
        names = _meta.parse_byline_loose(u.text)
        if not names and _meta.is_dangling_by(u.text) and j + 1 < len(decisions):
            nxt = decisions[j + 1].unit
            names = _meta.names_line(nxt.text.strip(" |"))
        if names:
            return names
    # a line of names only, right under the headline or next to a dateline in the header
    spots = [title_k + 1] if title_k is not None else []
    for j in range(max(lo, body_start - 8), body_start):
        if decisions[j].reason == "dateline" and not decisions[j].keep:
            spots += [j - 1, j + 1]
    # last, under the standfirst below the headline (ninth round)
    if (
        title_k is not None
        and title_k + 1 < body_start
        and decisions[title_k + 1].unit.n_words >= STANDFIRST_MIN_WORDS
    ):
        spots.append(title_k + 2)
    body: set[str] | None = None
    for j in spots:
        if not lo <= j < body_start or decisions[j].keep:
            continue
        names = _meta.names_line(decisions[j].unit.text)
        words = [w.lower() for w in _TITLE_WORD_RE.findall(" ".join(names))]
        # a section name or a feature ("Leadership Styles", "Syrian Futures") is a topic
        # the body goes on to use; an author's name is not
        if words and len(set(words)) == len(words):
            if body is None:
                body = _body_words(decisions, body_start)
            if 2 * sum(w in body for w in words) <= len(words):
                return names
    return ()


TITLE_LINE_UNITS = 5  # the rendering's <title> line is among the first units of the page
TITLE_LINE_SITE_WORDS = 5  # the site name after the last separator has at most this many words
_SITE_SEP_RE = re.compile(r"\s+(?:\||-|–|—|·|::|»)\s+")
_WS_RE = re.compile(r"\s+")


def _title_line(
    decisions: list[Decision], body_start: int, article_start: int, k: int | None
) -> tuple[int, int | None, str] | None:
    """The page's ``<title>`` line, as renderings give it at the top: ``Headline - Site``,
    ``Headline | Section | Site`` (eleventh round).

    Among the first TITLE_LINE_UNITS removed units (above the body), a line with a separator
    (`` | ``, `` - ``, `` – ``, `` — ``, `` · ``, `` :: ``, `` » ``) whose part after the
    last separator (a site name) has at most TITLE_LINE_SITE_WORDS words, and that either
    starts with the chosen title (``k``, when it is another line) or holds, between
    separators, a span of 3+ words that is another line of the page (the headline, repeated:
    the longest such span; the chosen title may be the ``<title>`` line itself, which then
    gives way to the span). Returns (index of the ``<title>`` line, index of the headline's
    last removed copy above ``article_start`` or None, title text), or None.
    """
    chosen = decisions[k].unit.text if k is not None else None
    above: dict[str, int] | None = None  # line -> its last removed copy above the article
    anywhere: Counter[str] = Counter()  # line -> its copies on the page
    for j in range(min(TITLE_LINE_UNITS, body_start)):
        d = decisions[j]
        if d.keep:
            continue
        text = d.unit.text
        seps = list(_SITE_SEP_RE.finditer(text))
        if not seps or len(text[seps[-1].end() :].split()) > TITLE_LINE_SITE_WORDS:
            continue
        if j != k and chosen is not None and any(text[: m.start()] == chosen for m in seps):
            return j, None, chosen
        starts = [0] + [m.end() for m in seps]
        ends = [m.start() for m in seps]
        spans = sorted(
            (text[a:b] for a in starts for b in ends if b > a),
            key=len,
            reverse=True,
        )
        # 3+ words, separators not counted ("Home | News" is two)
        spans = [sp for sp in spans if len(_SITE_SEP_RE.sub(" ", sp).split()) >= 3]
        if not spans:
            continue
        if above is None:
            above = {}
            for i, e in enumerate(decisions):
                t = _WS_RE.sub(" ", e.unit.text)
                anywhere[t] += 1
                if i < article_start and not e.keep and e.unit.rule is None:
                    above[t] = i
        for sp in spans:
            t = _WS_RE.sub(" ", sp)
            if anywhere[t]:  # (a span is never the whole line: it is another line)
                return j, above.get(t), sp
    return None


STRAY_UNITS = 2  # a first kept block of at most this many units ...
STRAY_WORDS = 120  # ... and words ...
STRAY_GAP = 10  # ... this many removed units above the next kept one is a stray block


def _article_start(decisions: list[Decision], body_start: int) -> int:
    """Where the title picker looks above: the body's start, or the next kept block's when
    the first one is a stray block (a photo-of-the-day caption kept above the site's menu,
    eleventh round): at most STRAY_UNITS units and STRAY_WORDS words, followed by at least
    STRAY_GAP removed units."""
    n = len(decisions)
    end = body_start
    words = 0
    while end < n and decisions[end].keep:
        words += decisions[end].unit.n_words
        end += 1
    if end - body_start > STRAY_UNITS or words > STRAY_WORDS:
        return body_start
    nxt = end
    while nxt < n and not decisions[nxt].keep:
        nxt += 1
    if nxt == n or nxt - end < STRAY_GAP:
        return body_start
    return nxt


def _leading_headline(decisions: list[Decision], body_start: int) -> bool:
    """True when the first kept unit opens the text and reads as a headline over the body."""
    if any(d.unit.rule is None for d in decisions[:body_start]):
        return False
    kept = [d for d in decisions[body_start:] if d.keep][:2]
    if len(kept) < 2:
        return False
    head, nxt = kept[0].unit, kept[1].unit
    return (
        head.headline_like
        and head.n_words <= 20
        and head.text[-1] not in ".!?:;"
        and nxt.n_words > head.n_words
    )


def _clean_text(text: str, url: str | None) -> Article:
    text = _repair(text)
    units = split_units(text)
    decisions, lang = decide(units)
    kept = [d for d in decisions if d.keep]
    if not kept:
        raise NoArticleError(
            "no article text found: every line looks like boilerplate (menus, footers, "
            "datelines, share buttons...); pass the full article, or use --explain to see why"
        )
    body_start = decisions.index(kept[0])
    # a standfirst kept above the byline (twelfth round) sits under the headline, and the
    # header (byline, date) ends where the article starts, under it
    standfirst = body_start if decisions[body_start].unit.standfirst else None
    if standfirst is not None:
        body_start = next(
            (i for i in range(body_start + 1, len(decisions)) if decisions[i].keep), body_start
        )
    title = None
    article_start = _article_start(decisions, body_start)
    if standfirst is not None:
        k: int | None = standfirst - 1
    else:
        k = _title_scored(decisions, article_start)
    if k is None:
        k = _title(decisions, body_start)
    leading = False
    if k is None and _leading_headline(decisions, body_start):
        k = body_start
        kept.pop(0)
        body_start = decisions.index(kept[0])
        leading = True
    tl = _title_line(decisions, body_start, article_start, k)
    chosen = decisions[k].unit.text if k is not None else None
    if tl is not None and not (leading and tl[2] != chosen):
        j, head, text_ = tl
        decisions[j] = Decision(decisions[j].unit, False, "title", "title_line")
        if text_ != chosen:
            # the headline that the <title> line repeats: it, not the picker's line
            k = head
            title = text_
    if k is not None:
        title = decisions[k].unit.text
        if k > 0 and all(
            decisions[j].reason in ("dateline", "statistics_block") for j in range(k - 1)
        ):
            above = decisions[k - 1]
            above_ok = above.unit.headline_like and above.unit.n_words <= 6
            if above.reason == "navigation" and above_ok:
                title = f"{above.unit.text}: {title}"
                decisions[k - 1] = Decision(above.unit, False, "title", "title")
        decisions[k] = Decision(decisions[k].unit, False, "title", "title")
    date = None
    authors: tuple[str, ...] = ()
    editor = source = None
    # the date nearest above the body first: a date at the top of the page is often the day
    # the page was served ("Thursday, November 9th 2023" over the site's menu)
    ordered = decisions[body_start - 1 :: -1] if body_start else []
    for d in ordered + decisions[body_start:]:
        if not d.keep and date is None and d.reason in _DATE_REASONS:
            date = _meta.parse_date(d.unit.text)
    for d in decisions:
        if d.keep:
            continue
        line = d.unit.text
        if not authors and d.reason == "byline":
            authors = _meta.parse_authors(line)
        if editor is None and d.reason == "editor":
            editor = _meta.parse_editor(line)
        if source is None and d.reason == "dateline":
            source = _meta.parse_source(line)
    if date is None:
        # a date line the body selector kept: among the first kept units of at most 20 words
        for d in kept[:FIRST_KEPT]:
            if d.unit.n_words <= 20:
                date = _meta.parse_date(d.unit.text)
                if date:
                    break
    if not authors:
        authors = _loose_authors(decisions, body_start, k)
    if date is None:
        for d in decisions:
            if not d.keep and d.unit.n_words <= 20:
                date = _meta.parse_date(d.unit.text)
                if date:
                    break
    return Article(
        body="\n\n".join(d.unit.text for d in kept),
        title=title,
        date=date,
        authors=authors,
        editor=editor,
        source=source or _meta.host_of(url),
        language=lang,
        removed=_runs(decisions, text.split("\n")),
        input_format="text",
    )


# rule classes applied to trafilatura's output (unambiguous one-line boilerplate)
_HTML_DROP = frozenset(
    {
        "statistics_block",
        "share_widget",
        "sign_in",
        "cookie_notice",
        "newsletter",
        "site_licence",
        "photo_credit",
        "advertisement",
        "editor",
        "tag_list",
        "footer",
        "copyright",
        "media_widget",
    }
)
# and single rules of other classes: "READ MORE: …" links and comment-form prompts that
# trafilatura leaves inside the body
_HTML_DROP_RULES = frozenset({"related_inline", "comment_form"})
_SPACES_RE = re.compile(r"\s+")


def _mark_rendered(
    lines: list[str], body_lines: list[str], dropped: dict[str, object]
) -> list[tuple[str, str] | None]:
    """For each rendered line: None if it is in the body, else (reason, rule) of its removal.

    A rendered line of four or more words is in the body when it occurs in the body text
    (paragraphs may span several rendered lines); a shorter one must equal a body line.
    """
    body_set = set(body_lines)
    flat = " ".join(_SPACES_RE.sub(" ", ln) for ln in body_lines)
    out: list[tuple[str, str] | None] = []
    for ln in lines:
        s = _SPACES_RE.sub(" ", ln.strip())
        rule = dropped.get(s)
        if rule is not None:
            out.append((rule.reason, rule.name))  # type: ignore[attr-defined]
        elif s in body_set or (s.count(" ") >= 3 and s in flat):
            out.append(None)
        else:
            out.append(("html_boilerplate", "trafilatura"))
    return out


def _clean_html(html: str, url: str | None) -> Article:
    from factbox.clean.html import extract_html, render_text

    rendered = render_text(html)
    ext = extract_html(html, url)
    if not ext.body.strip():
        # trafilatura found nothing: fall back to the plain-text cleaner on the rendering
        return dataclasses.replace(_clean_text(rendered, url), input_format="html")
    body_lines = [ln.strip() for ln in ext.body.split("\n") if ln.strip()]
    units = split_units("\n".join(body_lines))
    if all(u.rule is not None for u in units):
        raise NoArticleError(
            "no article text found in the HTML: the extracted main text is only boilerplate "
            "(menus, footers, share buttons...); check that the page holds an article"
        )
    # our keyword rules also run over trafilatura's lines (only the unambiguous classes)
    dropped = {
        u.text: u.rule
        for u in units
        if u.rule is not None and (u.rule.reason in _HTML_DROP or u.rule.name in _HTML_DROP_RULES)
    }
    body_lines = [ln for ln in body_lines if ln not in dropped]
    lines = rendered.split("\n")
    marks = _mark_rendered(lines, body_lines, dropped)
    removed: list[Removal] = []
    start = 0
    for i in range(1, len(lines) + 1):
        if i == len(lines) or marks[i] != marks[start]:
            if marks[start] is not None:
                reason, rule = marks[start]
                removed.append(Removal(start + 1, i, "\n".join(lines[start:i]), reason, rule))
            start = i
    from factbox.clean.language import detect

    return Article(
        body="\n\n".join(body_lines),
        title=ext.title,
        date=(ext.date or "")[:10] or None,
        authors=ext.authors,
        editor=None,
        source=ext.source or _meta.host_of(url),
        language=ext.language or detect(ext.body),
        removed=tuple(removed),
        input_format="html",
    )


def clean(text_or_html: str, *, url: str | None = None, format: Format = "auto") -> Article:
    """Clean a web-scraped article (plain text or HTML) and report what was removed.

    ``format="auto"`` treats the input as HTML when its first 4 kB contain an HTML tag.
    Raises :class:`NoArticleError` when no article text is left, and ``ValueError`` for an
    unknown ``format``.
    """
    if format not in _FORMATS:
        raise ValueError(f"format must be one of {', '.join(_FORMATS)}, not {format!r}")
    if not isinstance(text_or_html, str):
        raise TypeError("clean() takes a str; decode bytes first (e.g. data.decode('utf-8'))")
    if format == "html" or (format == "auto" and looks_like_html(text_or_html)):
        return _clean_html(text_or_html, url)
    return _clean_text(text_or_html, url)


def clean_and_profile(
    text_or_html: str, *, url: str | None = None, format: Format = "auto", **profile_options
):  # type: ignore[no-untyped-def]
    """Clean, then profile the cleaned body: returns ``(article, fact_box)``.

    For ``factbox --clean FILE``: the profile command calls this and says in its output that
    the box describes the cleaned body.
    """
    from factbox.profile import profile

    article = clean(text_or_html, url=url, format=format)
    return article, profile(article.body, **profile_options)
