"""The plain-text cleaner: features per line, keyword rules, and a body-block detector.

1. **Units.** Each non-blank line is a unit. If the text is hard-wrapped (paragraphs of several
   short lines separated by blank lines), each paragraph is one unit instead.
2. **Features and rules.** Every unit gets its words, its share of function words, whether it
   ends like a sentence, its language, and the first matching keyword rule
   (:mod:`factbox.clean.rules`). A unit is *prose* when it reads like running text: at least
   five words, at least 12 % function words, and a sentence ending or at least 15 words (or, in
   non-Latin scripts, at least 40 characters ending with a full stop). A short line that ends a
   sentence and has a function word (``He left.``) is prose too.
3. **Structure.** Boilerplate visible only in the shape of several lines is marked first:
   photo galleries (a label repeated before every caption, captions between photo credits),
   teaser cards rendered twice, comment markers (time stamps under commenters' names or
   near a comment widget, ``Ann says:``, a lone ``Comments``; a thread of author lines and
   first-person comments without any of these), the paragraph under ``About the author``.
4. **Body block.** Each unit gets a weight: prose scores its number of words, a list item
   0.5 (a bulleted headline or date 0, a bulleted menu entry -2), a punctuation or
   reference-mark fragment 0, any other line or a foreign-language line costs 2, a
   rule-matched line 12. The article
   is the run of consecutive units with the largest total weight (a maximum-subarray search),
   never running across a *barrier* rule (footers, comment sections, "related" lists). Further
   runs are added when they score at least 80 (or 35 % of the best) and do not follow an end
   barrier that comes after the best run (``docs/cleaning.md`` has every condition). Short
   lines between prose lines (subheadings, list items, one-line quotes) are inside the run and
   are kept. Each segment between barriers may hold several runs (the best one, then the best
   on either side of it). The first run starts after the headline over its byline when a menu
   with blurbs precedes it; a later run made only of headlines and one-sentence blurbs is a
   teaser list. A share bar right under a paragraph ends the article; one or two paragraphs
   above the byline or dateline at the top of the body are the standfirst. Tenth round (b):
   the rest of an article further down after a long "See also" box, a list of signatories
   right under a letter, and the web addresses under a closing colon join the body; a list
   of linked questions after it leaves; on a Q&A page the controls between answers weigh 0.
5. **Promotions around the body** (after it is chosen, so they do not move its edges): the
   blurb between a newsletter prompt and its form, a question leading into a prompt, a
   promotion of the site at the end of the body, a shop widget ("Add to basket").
6. **Decision.** Inside the chosen runs a unit is kept unless a rule matched it or it is in a
   different language from the page. Everything else is removed and reported with its reason
   and the rule (or ``body_block``) that decided.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from factbox.clean import language as _lang
from factbox.clean.rules import DATE_RE, Rule, match, rule_named, unmark

_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_END_PUNCT = frozenset('.!?。！？।…"”’»)')
_SOFT_END = frozenset(":;")
# zero-width and invisible format characters some editors leave at the ends of lines
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff"
_FEATURE_CHARS = 4000  # features of a longer unit are computed on its first 4000 characters

PROSE_MIN_WORDS = 5
PROSE_MIN_STOP = 0.12
PROSE_LONG_WORDS = 15
SHORT_LINE_COST = 2.0
RULE_COST = 12.0
EXTRA_BLOCK_SHARE = 0.35
EXTRA_BLOCK_WORDS = 80.0
COMMENTS_DISCOUNT = 0.15
COMMENTS_AFTER = 30  # prose words before a comments line that starts the comment section
LIST_ITEM_WEIGHT = 0.5
TAIL_MAX_GAP = 8
TAIL_MIN_WORDS = 20.0
# after a longer "related" box or a wiki's "See also" list, the rest of the article further
# down must hold paragraphs longer than a teaser's blurb (tenth round (b))
TAIL_FAR_GAP = 16
TAIL_FAR_WORDS = 80.0
TAIL_FAR_PARAGRAPHS = 2
MAX_RUNS = 500
_SECTION_REASONS = frozenset({"related", "comments", "tag_list"})
_END_BARRIERS = frozenset({"comments", "footer", "copyright"})


@dataclass(slots=True)
class Unit:
    """A line (or a hard-wrapped paragraph) of the input with its features."""

    start: int  # 1-based first line number
    end: int  # 1-based last line number
    text: str  # stripped text
    n_words: int
    stop_ratio: float
    ends_sentence: bool
    script: str | None  # non-Latin script language, if any
    word_lang: str | None
    rule: Rule | None
    prose: bool = False
    foreign: bool = False
    standfirst: bool = False  # a standfirst kept above the byline (twelfth round)

    @property
    def headline_like(self) -> bool:
        """A title-looking unit: 1-25 words, not a sentence, not all lower case."""
        t = self.text
        return (
            self.rule is None
            and 1 <= self.n_words <= 25
            and not (t.endswith(".") and not t.endswith("..."))
            and t[:1].isupper() | (not t[:1].isalpha())
        )


def _is_hard_wrapped(lines: list[str]) -> bool:
    nonblank = [ln.strip() for ln in lines if ln.strip()]
    if len(nonblank) < 6 or len(nonblank) == len(lines):
        return False
    wrapped = 0
    for cur, nxt in itertools.pairwise(lines):
        c = cur.strip()
        if c and nxt.strip() and 30 <= len(c) <= 100 and c[-1] not in _END_PUNCT:
            wrapped += 1
    long_lines = sum(len(ln) > 110 for ln in nonblank)
    return wrapped >= 0.3 * len(nonblank) and long_lines <= 0.05 * len(nonblank)


_LAST_WORD_RE = re.compile(r"([^\W\d_]+)\W*$")
_LIST_ITEM_RE = re.compile(r"^(?:\d{1,3}\\?[.)]\s+|[•·▪‣◦*–-]\s+|\(?[a-z]\)\s+)\S")


def _continues(prev: str, line: str) -> bool:
    """True when ``line`` continues the sentence of ``prev`` (a source line break, or a link
    that a naive scraper put on a line of its own).

    ``prev`` must not end a sentence or clause. Then ``line`` continues it when it starts with
    closing punctuation (``, the mayor said.``); or when ``prev`` has at least three words and
    ``line`` starts in lower case; or when ``prev`` has at least three words and ends with a
    comma or a function word (``according to`` / ``Reuters``).
    """
    if len(prev) > _FEATURE_CHARS or prev[-1] in _END_PUNCT or prev[-1] in ":;|»›>":
        return False
    first = line[0]
    if first in _BULLETS and line[1:2] == " ":
        return False  # a new list item
    if prev[-1] in "–—" and line.count(" ") >= 4 and first.isupper():
        return True  # a dateline split from its paragraph: "KOBE –" / "A total of ..."
    if first in _CONTINUATION_PUNCT:
        return prev[-1].isalnum() and (prev.count(" ") >= 2 or line.count(" ") >= 2)
    if prev.count(" ") < 2 or (line.count(" ") < 1 and len(line) < 4):
        return False
    if first.islower():
        return True
    if prev[-1] in ",-–":
        return True
    m = _LAST_WORD_RE.search(prev[-40:])
    if not m or not first.isalpha():
        return False
    last = m.group(1).lower()
    return last in _lang.all_stopwords() and last not in _PHRASE_END_WORDS


# function words that may end a phrase ("… and more", "… he said", "… like you"): a line
# ending with one does not need the next line to finish its sentence
_PHRASE_END_WORDS = frozenset(
    [
        "more",
        "said",
        "also",
        "it",
        "you",
        "they",
        "we",
        "he",
        "she",
        "i",
        "there",
        "what",
        "them",
        "her",
        "about",
        "these",
        "those",
    ]
)


_BY_WORDS = frozenset(
    {"By", "by", "BY", "Written by", "Words by", "Posted by", "Von", "Por", "Par"}
)
_CONTINUATION_PUNCT = frozenset(",.;:!?)]}’”")


def _inside_sentence(s: str, lines: list[str], i: int) -> bool:
    """True when ``s`` (line ``i``, 1-based) starts in lower case and the next line continues
    the sentence too: a word such as ``comments`` or ``share`` that a keyword rule would match
    is then the text of a link inside a sentence (``… the economist`` / ``comments`` / ``that
    the crisis …``), not a widget."""
    if not s[0].islower() or i >= len(lines):
        return False
    nxt = lines[i].strip()
    return bool(nxt) and (nxt[0].islower() or nxt[0] in _CONTINUATION_PUNCT)


def split_units(text: str) -> list[Unit]:
    """The units of ``text`` (lines, or paragraphs of a hard-wrapped text) with features."""
    lines = text.split("\n")
    raw: list[tuple[int, int, str]] = []
    if _is_hard_wrapped(lines):
        start, buf = 0, []
        for i, ln in enumerate(lines, 1):
            if ln.strip():
                if not buf:
                    start = i
                buf.append(ln.strip())
            elif buf:
                raw.append((start, i - 1, " ".join(buf)))
                buf = []
        if buf:
            raw.append((start, len(lines), " ".join(buf)))
    else:
        for i, ln in enumerate(lines, 1):
            s = ln.strip()
            if s and (s[-1] in _INVISIBLE or s[0] in _INVISIBLE):
                s = s.strip(_INVISIBLE).strip()
            if not s:
                continue
            if raw and raw[-1][1] == i - 1:
                a, _, prev = raw[-1]
                if len(prev) == 1 and prev.isupper() and s[0].islower():
                    # a drop cap: "T" / "he harbour board ..."; "A" and "I" may be words
                    raw[-1] = (a, i, prev + (" " if prev in "AI" else "") + s)
                    continue
                if prev in _BULLETS and s[0] not in _BULLETS:
                    raw[-1] = (a, i, prev + " " + s)  # a bullet on its own line: "*" / "Home"
                    continue
                if prev in _BY_WORDS and s[0].isupper() and s.count(" ") < 6:
                    raw[-1] = (a, i, prev + " " + s)  # "By" / "Ann Berg"
                    continue
                if _continues(prev, s) and (
                    match(s, s.count(" ") + 1) is None or _inside_sentence(s, lines, i)
                ):
                    raw[-1] = (a, i, prev + " " + s)
                    continue
            raw.append((i, i, s))
    units = []
    scripts = _lang.may_have_non_latin(text)
    for start, end, s in raw:
        head = s[:_FEATURE_CHARS]
        words = _WORD_RE.findall(head.lower())
        n = len(words) if len(s) <= _FEATURE_CHARS else len(s.split())
        n_stop, lang = _lang.stop_profile(words)
        script = _lang.script_language(head) if scripts else None
        units.append(
            Unit(
                start=start,
                end=end,
                text=s,
                n_words=n,
                stop_ratio=n_stop / len(words) if words else 0.0,
                # Markdown emphasis (html2text) may close after the full stop: "**Why?**"
                ends_sentence=s[-1] in _END_PUNCT or s.rstrip("*_ ")[-1:] in _END_PUNCT,
                script=script,
                word_lang=script if script is not None else lang if n >= PROSE_MIN_WORDS else None,
                rule=match(s, n),
            )
        )
    return units


def _is_prose(u: Unit) -> bool:
    if u.rule is not None:
        return False
    if u.script is not None:  # non-Latin script: judge by length and a full stop
        n = len(u.text)
        return n >= 80 or (n >= 40 and u.ends_sentence) or (n >= 12 and u.text[-1] in "。！？।")
    if u.n_words >= PROSE_MIN_WORDS and u.stop_ratio >= PROSE_MIN_STOP:
        return u.ends_sentence or u.text[-1] in _SOFT_END or u.n_words >= PROSE_LONG_WORDS
    return (
        u.n_words >= 2
        and u.stop_ratio > 0
        and u.text[-1] in '.!?”"'
        and (u.text[:1].isupper() or u.text[:1] in "\"“‘'")
    )


def _weight(u: Unit) -> float:
    if u.rule is not None:
        return -RULE_COST
    if u.foreign:
        return -SHORT_LINE_COST
    if u.prose:
        if u.script is not None:
            return max(len(u.text) / 3.0, 5.0)
        return float(u.n_words)
    if _list_item(u):
        return LIST_ITEM_WEIGHT if _list_text(u) else 0.0
    if _FRAGMENT_RE.fullmatch(u.text) or _is_code(u.text):
        return 0.0
    return -SHORT_LINE_COST


# a text-node fragment that says nothing about its surroundings: punctuation alone (``,``,
# ``"``, ``—``) or a reference mark (``[1]``, ``[src]``), as a one-node-per-line rendering
# leaves them between the links of a paragraph
_FRAGMENT_RE = re.compile(r"[,.;:!?\"“”'‘’()—]{1,3}|\[\w{1,6}\]")
# a line of program code inside a technical article (sixth round): an assignment
# (``port = 80``, ``total += n``), a call (``client.connect(addr)``, ``print(x);``), a
# definition or an import. Code weighs 0 like a fragment instead of costing like a menu entry,
# so a listing between two paragraphs does not cut the article in two. No menu entry has
# these shapes (``Photos (12)`` has a space before its bracket).
# (every line it matches holds "=", "(" or " -", or starts with "i", "f", "#" or "$":
# _is_code checks that first)
_CODE_RE = re.compile(
    r"[A-Za-z_][\w.\[\]'\"]*\s?(?:[-+*/%|&^]|<<|>>)?=(?!=)\s?\S"
    r"|\$ \w|[a-z][\w.-]*(?: [a-z][\w.-]*)? --?[A-Za-z]"
    r"|[A-Za-z_][\w.]*\(.*\)\s*[;{:]?\s*$"
    r"|(?:def|class|function|fn|func) \w+\s?\("
    r"|(?:import [\w.]+|from [\w.]+ import |#include\b|(?:var|let|const) \w+\s?=)"
)


def _is_code(t: str) -> bool:
    """A line of program code or a shell command (:data:`_CODE_RE`), behind a cheap test."""
    return (
        "=" in t or "(" in t or " -" in t or t[0] in "if#$"
    ) and _CODE_RE.match(t) is not None


_URL_LINE_RE = re.compile(r"(?:https?://|www\.)\S+")


def _extend_listing(units: list[Unit], j: int, limit: int = 80) -> int:
    """A run whose last unit introduces something (``In short:``, ``Here is the code:``) is
    extended over the code listing under it: code lines and comment lines (``# …``, ``// …``)
    weigh 0, so no prose after them pulls them in when the listing ends the article. The
    same for a list of bare web addresses (``Links I found useful:`` / ``https://…``, tenth
    round (b))."""
    if j == 0 or j >= len(units) or not units[j - 1].text.endswith(":"):
        return j
    k = j
    while k < len(units) and k - j < limit:
        u = units[k]
        if u.rule is not None or u.prose or not (
            _is_code(u.text) or u.text[:1] == "#" or u.text[:2] == "//" or _is_url(u.text)
        ):
            break
        k += 1
    # at least one real code line or address (not only "#" lines: Markdown headings)
    return k if any(_is_code(units[m].text) or _is_url(units[m].text) for m in range(j, k)) else j


def _is_url(t: str) -> bool:
    return t[:1] in "hw" and _URL_LINE_RE.fullmatch(t) is not None


def _unbulleted(t: str) -> str:
    return t.lstrip("•·▪‣◦*–- ") if t[0] in _BULLETS else t


def _list_text(u: Unit) -> bool:
    """A numbered item, or a bulleted one that is not shaped like a linked headline (it ends a
    sentence or a clause, starts in lower case after the bullet, or with a quantity, not a
    date: ``* 2 tablespoons olive oil``)."""
    t = u.text
    if t[0] not in _BULLETS:
        return True
    rest = t.lstrip("•·▪‣◦*–- ")
    return (
        not rest
        or t[-1] in _END_PUNCT
        or t[-1] in ":;,"
        or rest[0].islower()
        or (rest[0].isdigit() and DATE_RE.match(rest) is None)
    )


_DIGIT_RE = re.compile(r"\d")


def _list_item(u: Unit) -> bool:
    """A numbered item (``1. Ann Berg``, ``b) …``), or a bulleted item that reads like part of a
    text: at least three words and a function word or a number (``* 2 tablespoons olive
    oil``). A bullet before a menu entry (``* World News``, as lynx and html2text render every
    ``<li>``) does not make it one."""
    t = u.text
    if _LIST_ITEM_RE.match(t) is None:
        return False
    if t[0] not in _BULLETS:
        return True
    return u.n_words >= 3 and (u.stop_ratio > 0 or _DIGIT_RE.search(t) is not None)


_BULLETS = frozenset("•·▪‣◦*–-")


def document_language(units: list[Unit]) -> str | None:
    """The language of most prose words (``None`` if no prose unit has a recognisable one)."""
    tally: Counter[str] = Counter()
    for u in units:
        if u.prose and u.word_lang:
            tally[u.word_lang] += u.n_words if u.script is None else len(u.text) // 2
    if not tally:
        return None
    return tally.most_common(1)[0][0]


def _best_run(weights: list[float], lo: int, hi: int) -> tuple[float, int, int]:
    """Maximum-sum run of ``weights[lo:hi]`` as (score, start, end exclusive)."""
    best, best_i, best_j = 0.0, lo, lo
    cur, cur_i = 0.0, lo
    for k in range(lo, hi):
        if cur <= 0:
            cur, cur_i = 0.0, k
        cur += weights[k]
        if cur > best:
            best, best_i, best_j = cur, cur_i, k + 1
    return best, best_i, best_j


def _extend(units: list[Unit], j: int, max_rules: int = 2, max_short: int = 3) -> int:
    """Extend a run ending before ``j`` over up to ``max_rules`` rule-matched (non-barrier)
    units and ``max_short`` short lines when prose follows: the rest of an article after an
    inline widget (a photo credit, "Advertisement", "READ MORE: ...") stays in the body."""
    while True:
        k, rules_seen, short_seen, crossed_rule = j, 0, 0, False
        while k < len(units) and not units[k].prose:
            u = units[k]
            if u.rule is not None:
                if u.rule.barrier or rules_seen == max_rules:
                    return j
                rules_seen += 1
                crossed_rule = True
            elif not _list_item(u):  # list items do not count as gaps
                if short_seen == max_short:
                    return j
                short_seen += 1
            k += 1
        if k == len(units) or not crossed_rule or units[k].foreign:
            return j
        j = k + 1
        while j < len(units) and units[j].prose:
            j += 1


def _list_follows(units: list[Unit], k: int, n: int = 3) -> bool:
    """True when at least ``n`` non-prose units follow unit ``k`` (a list of links)."""
    run = 0
    for u in units[k + 1 : k + 1 + n]:
        if u.prose:
            return False
        run += 1
    return run >= n


COUNT_WINDOW = 12  # units after a comment count in which the article is looked for
COUNT_ARTICLE_WORDS = 60  # prose words there that make it the article, not the comments
COUNT_HEADER_GAP = 2  # units from the count to the byline or dateline of the article's header


def _article_follows(units: list[Unit], k: int) -> bool:
    """True when the comments line ``k`` is a comment count in the article's header (``12
    comments`` beside the byline or dateline, between the standfirst and the text; tenth
    round (b)): a byline or a dateline (not a comment's time stamp) within two units of it,
    at least COUNT_ARTICLE_WORDS prose words in the next COUNT_WINDOW units and no other
    comments line there (no author line, time stamp, reply link or comment form, which a
    comment section starts with)."""
    near = units[max(k - COUNT_HEADER_GAP, 0) : k + COUNT_HEADER_GAP + 1]
    if not any(
        u.rule is not None
        and u.rule.reason in _LEAD_END
        and _STAMP_RE.search(u.text) is None
        for u in near
    ):
        return False
    window = units[k + 1 : k + 1 + COUNT_WINDOW]
    if any(u.rule is not None and u.rule.reason == "comments" for u in window):
        return False
    return sum(u.n_words for u in window if u.prose) >= COUNT_ARTICLE_WORDS


SHARE_BAR_MIN = 3  # share buttons in a row that make a share bar


def _share_bars(units: list[Unit]) -> set[int]:
    """First units of share bars: at least SHARE_BAR_MIN share buttons in a row (``Facebook``
    / ``Twitter`` / ``WhatsApp`` / ``Email``). A share bar ends the article it follows: what
    comes after it (more articles, a comment form, a site blurb) is not that article."""
    out: set[int] = set()
    k = 0
    while k < len(units):
        m = k
        while m < len(units) and (r := units[m].rule) is not None and r.reason == "share_widget":
            m += 1
        if m - k >= SHARE_BAR_MIN and k > 0 and units[k - 1].prose:
            out.add(k)
        k = max(m, k + 1)
    return out


def select_body(units: list[Unit], qa: bool = False) -> list[bool]:
    """For each unit, whether it lies in a chosen body run (see the module doc). On a
    question-and-answer page (``qa``) the page's controls between the answers (votes,
    ``Improve this answer``, ``Follow``, reputation and badges) weigh 0, like text-node
    fragments: in a one-node-per-line rendering they are a dozen lines per answer and
    would cut each answer off from the next (tenth round (b))."""
    weights = [_weight(u) for u in units]
    if qa:
        for k, u in enumerate(units):
            if weights[k] >= 0 or u.n_words > 12:
                continue
            if u.rule is None and _QA_CHROME_RE.fullmatch(u.text):
                weights[k] = 0.0
    bar = _share_bars(units)
    segments: list[tuple[int, int]] = []
    lo = 0
    for k, u in enumerate(units):
        if (u.rule is not None and u.rule.barrier) or k in bar:
            if k > lo:
                segments.append((lo, k))
            lo = k + 1
    if lo < len(units):
        segments.append((lo, len(units)))
    runs = []
    todo = list(segments)
    while todo:  # the best run of each segment, then of what is left on either side of it
        a, b = todo.pop()
        run = _best_run(weights, a, b)
        if run[0] > 0:
            runs.append(run)
            # look further only beside runs that could be a tail; the cap bounds odd input
            if run[0] >= TAIL_MIN_WORDS and len(runs) < MAX_RUNS:
                todo += [(a, run[1]), (run[2], b)]
    runs.sort(key=lambda r: r[1])
    runs = [r for r in runs if r[0] > 0]
    inside = [False] * len(units)
    if not runs:
        return inside
    # the comment section starts at the first comments line after some prose: a comment
    # count under the headline ("0 comments") does not start it
    first_comments, prose_words = len(units), 0.0
    for k, u in enumerate(units):
        if (
            u.rule is not None
            and u.rule.reason == "comments"
            and prose_words >= COMMENTS_AFTER
            # a count between a short standfirst and the article is not the comments
            and (prose_words >= EXTRA_BLOCK_WORDS or not _article_follows(units, k))
        ):
            first_comments = k
            break
        if u.prose:
            prose_words += u.n_words

    def rank(run: tuple[float, int, int]) -> float:
        # a run after the first comments line is probably the comment section
        return run[0] * (COMMENTS_DISCOUNT if run[1] > first_comments else 1.0)

    main = max(runs, key=rank)
    stop_at = len(units)
    for k in range(main[2], len(units)):
        rule = units[k].rule
        if k in bar:
            stop_at = k
            break
        if (
            rule is not None
            and rule.barrier
            and (
                rule.reason in _END_BARRIERS
                or (rule.reason in ("related", "tag_list") and _list_follows(units, k))
            )
        ):
            stop_at = k
            break
    end_at = next(
        (
            k
            for k in range(main[2], len(units))
            if k in bar
            or (
                units[k].rule is not None
                and units[k].rule.barrier
                and units[k].rule.reason in _END_BARRIERS
            )
        ),
        len(units),
    )
    for score, i, j0 in runs:
        j = _extend_listing(units, _extend(units, j0))
        extra = score >= min(EXTRA_BLOCK_SHARE * main[0], EXTRA_BLOCK_WORDS)
        # the rest of an article after an inline "related" box: a run that starts soon after
        # the main run, before any end barrier
        tail = stop_at < i < end_at and (
            (i - main[2] <= TAIL_MAX_GAP and score >= TAIL_MIN_WORDS)
            or (
                i - main[2] <= TAIL_FAR_GAP
                and score >= TAIL_FAR_WORDS
                and sum(
                    units[m].prose and units[m].n_words > TEASER_MAX_BLURB for m in range(i, j0)
                )
                >= TAIL_FAR_PARAGRAPHS
            )
        )
        if (i, j0) == (main[1], main[2]) or (extra and j <= stop_at) or tail:
            for k in range(i, j):
                inside[k] = True
    return inside


@dataclass(frozen=True, slots=True)
class Decision:
    """What happens to one unit."""

    unit: Unit
    keep: bool
    reason: str | None
    rule: str | None


AUTHOR_BIO_RE = re.compile(
    r"^(?:[A-Z][\w'’.-]+ ){1,3}(?:is|was|has been|has worked|writes|covers|joined|teaches|"
    r"serves)\b[^.]{0,160}\b(?i:writer|editor|journalist|reporter|author|columnist|correspondent|"
    r"contributor|founder|co-founder|freelance|covering|blogger|photographer|professor|"
    r"consultant|producer|analyst|expert|specialist)s?\b"
)
AUTHOR_BIO_RULE = Rule("author_bio", "author_note", AUTHOR_BIO_RE, False, 80)


_STAMP_RE = re.compile(r"\d\s+(?:at|@|-|,)\s+\d{1,2}[:.]\d\d", re.IGNORECASE)
COMMENT_STAMP_RULE = Rule("comment_timestamps", "comments", _STAMP_RE, True, 20)
COMMENT_STAMPS_MIN = 3
COMMENT_AUTHOR_BARRIER = Rule("comment_author", "comments", re.compile(""), True, 7)


STAMP_MARKER_GAP = 4  # units from a time stamp to a comment widget that confirms it


def _mark_comment_stamps(units: list[Unit]) -> None:
    """Three or more "date at time" lines are the time stamps of comments, two or more
    "Ann says:" lines the authors of comments: each is a barrier. Tenth round (b): the
    stamps only when a commenter's name (a short line) is right above most of them or a
    comment widget, author line or reply link lies within four units of one of them (a live
    blog stamps its entries "March 3, 2024 at 10:25 am" too, under the entry before, and its
    entries are the article)."""
    stamps = [
        k
        for k, u in enumerate(units)
        if u.rule is not None and u.rule.reason == "dateline" and _STAMP_RE.search(u.text)
    ]
    if len(stamps) >= COMMENT_STAMPS_MIN:
        marked = {
            k for k, u in enumerate(units) if u.rule is not None and u.rule.reason == "comments"
        }
        # a commenter's name right above most stamps confirms them too
        named = sum(
            k > 0
            and units[k - 1].rule is None
            and not units[k - 1].prose
            and 1 <= units[k - 1].n_words <= 4
            for k in stamps
        )
        if 2 * named >= len(stamps) or any(
            m in marked
            for k in stamps
            for m in range(k - STAMP_MARKER_GAP, k + STAMP_MARKER_GAP + 1)
        ):
            for k in stamps:
                units[k].rule = COMMENT_STAMP_RULE
    authors = [u for u in units if u.rule is not None and u.rule.name == "comment_author"]
    if len(authors) >= 2:  # "Ann says:" twice: the comment section
        for u in authors:
            u.rule = COMMENT_AUTHOR_BARRIER


_PERSONAL_RE = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|[Mm]y|me|[Tt]hanks|[Tt]hank you)\b")
HEADLESS_MIN_AUTHORS = 4  # author lines in a thread
HEADLESS_MIN_DISTINCT = 3  # different authors (an interview has two speakers)
HEADLESS_MAX_GAP = 6  # units from one author line to the next
HEADLESS_MIN_BEFORE = 80  # prose words of the article before the thread
HEADLESS_PERSONAL_SHARE = 0.6  # comments that say "I", "my", "you", "thanks"...


def _author_line(u: Unit) -> bool:
    """A commenter's name or handle alone on a line: one token (a handle may hold digits) or
    two or three capitalised words without digits, at most 30 characters, a letter first, no
    punctuation of a sentence."""
    t = u.text
    if not (
        u.rule is None
        and not u.prose
        and not u.foreign
        and 1 <= u.n_words <= 3
        and len(t) <= 30
        and t[0].isalpha()
        and not any(c in ".!?:;,|/&" for c in t)
    ):
        return False
    words = t.split()
    if len(words) == 1:
        return len(t) >= 3  # "Ann", "killermonkey", "seaview42"
    return all(w[0].isupper() for w in words) and u.stop_ratio == 0 and not _DIGIT_RE.search(t)


def _comment_text(u: Unit) -> bool:
    """A comment under an author line: prose that starts with a capital and ends a sentence."""
    t = u.text
    return u.prose and t[0].isupper() and t[-1] in _END_PUNCT


def _mark_headless_comments(units: list[Unit]) -> None:
    """A comment thread without a heading: four or more author lines (at least three different
    names), each followed by its comment, each at most six units after the one before, after
    at least 80 words of prose, where most comments speak in the first or second person
    (``I``, ``my``, ``me``, ``thanks``). The author lines become comment barriers."""
    cands = [  # the cheap test first: most units are not followed by prose
        k
        for k in range(len(units) - 1)
        if units[k + 1].prose and _author_line(units[k]) and _comment_text(units[k + 1])
    ]
    groups: list[list[int]] = []
    for k in cands:
        if groups and k - groups[-1][-1] <= HEADLESS_MAX_GAP:
            groups[-1].append(k)
        else:
            groups.append([k])
    for group in groups:
        if len(group) < HEADLESS_MIN_AUTHORS:
            continue
        if len({units[k].text for k in group}) < HEADLESS_MIN_DISTINCT:
            continue
        before = sum(u.n_words for u in units[: group[0]] if u.prose)
        if before < HEADLESS_MIN_BEFORE:
            continue
        personal = sum(_PERSONAL_RE.search(units[k + 1].text) is not None for k in group)
        if personal < HEADLESS_PERSONAL_SHARE * len(group):
            continue
        for k in group:
            units[k].rule = COMMENT_AUTHOR_BARRIER


GALLERY_MIN_REPEATS = 4
GALLERY_MAX_GAP = 4
GALLERY_LABEL_RULE = Rule("gallery_label", "gallery", re.compile(""), False, 12)
GALLERY_CAPTION_RULE = Rule("gallery_caption", "gallery", re.compile(""), False, 200)


def _mark_galleries(units: list[Unit]) -> None:
    """Photo galleries rendered as text. Two shapes: one short label (``Harbour life in
    pictures``) repeated before every caption, and captions alternating with photo credits.
    When a line of 2-12 words that does not end like a sentence occurs at least four times,
    each occurrence at most four units after the one before, the label lines and the
    captions between them (and after the last one, as many as the smallest gap) are a
    gallery; likewise four or more photo credits each at most two units after the one before,
    with the captions between them and the one above the first. Code listings and FAQs
    repeat lines too, but their lines end with punctuation or vary the gap."""
    seen: dict[str, list[int]] = {}
    credits: list[int] = []
    for k, u in enumerate(units):
        if u.rule is not None and u.rule.reason in ("photo_credit", "gallery"):
            credits.append(k)
        elif 2 <= u.n_words <= 12 and not u.prose and len(u.text) <= 100:
            t = u.text
            if t[-1] not in _END_PUNCT and t[-1] not in ":;?":
                seen.setdefault(t, []).append(k)
    spans: list[tuple[int, int, list[int]]] = []
    for where in seen.values():
        # a label rendered twice in a row ("alt text" and caption) counts once
        gaps = [b - a for a, b in itertools.pairwise(where) if b - a > 1]
        if len(gaps) + 1 < GALLERY_MIN_REPEATS:
            continue
        if max(gaps) <= GALLERY_MAX_GAP and min(gaps) >= 2:
            spans.append((where[0], min(where[-1] + min(gaps), len(units)), where))
    # runs of photo credits at most two units apart
    group: list[int] = []
    for k in [*credits, len(units) + 9]:
        if group and k - group[-1] > 2:
            if len(group) >= GALLERY_MIN_REPEATS:
                spans.append((max(group[0] - 1, 0), group[-1] + 1, group))
            group = []
        group.append(k)
    for a, b, labels in spans:
        label_set = set(labels)
        for k in range(a, b):
            u = units[k]
            if u.rule is None or not u.rule.barrier:
                if u.rule is None or u.rule.reason not in ("photo_credit", "gallery"):
                    u.rule = GALLERY_LABEL_RULE if k in label_set else GALLERY_CAPTION_RULE
                u.prose = False


DOUBLED_TEASER_RULE = Rule("doubled_teasers", "related", re.compile(""), False, 60)
DOUBLED_MIN_PAIRS = 3


def _mark_doubled_teasers(units: list[Unit]) -> None:
    """Teaser cards often render their headline twice (image alt text and link): three or
    more lines of at least three words that each repeat the line before, at most four units
    apart, are a list of teasers."""
    pairs = [
        k
        for k in range(1, len(units))
        if units[k].n_words >= 3 and _unbulleted(units[k].text) == _unbulleted(units[k - 1].text)
    ]
    group: list[int] = []
    for k in [*pairs, len(units) + 9]:
        if group and k - group[-1] > 4:
            if len(group) >= DOUBLED_MIN_PAIRS:
                for j in group:
                    for u in (units[j - 1], units[j]):
                        if u.rule is None:
                            u.rule = DOUBLED_TEASER_RULE
                            u.prose = False
            group = []
        group.append(k)


_COMMENTS_WORD_RE = re.compile(r"(?i)comments(?:\s*\(\d+\)|\s+\d+)?")


def _mark_comment_headings(units: list[Unit]) -> None:
    """``Comments`` alone on a line is a share button inside a share bar, but the heading of the
    comment section (a barrier) when no share button is next to it."""
    for k, u in enumerate(units):
        if u.rule is None or u.rule.name != "share_widget":
            continue
        if not _COMMENTS_WORD_RE.fullmatch(unmark(u.text)):
            continue
        near = (v for v in units[max(k - 1, 0) : k + 2] if v is not u and v.rule is not None)
        if not any(v.rule.reason == "share_widget" for v in near):  # type: ignore[union-attr]
            u.rule = rule_named("comments")


_TOC_NUMBER_RE = re.compile(r"\d{1,2}(?:\.\d{1,2})*\.?")


def _unmark_toc_entries(units: list[Unit]) -> None:
    """A "related" heading between two section numbers (``6`` / ``See also`` / ``7``) is an
    entry of the article's table of contents, as a one-node-per-line rendering gives it, not
    the list after the article: it is no barrier (tenth round (b); a wiki's contents cut its
    first paragraphs off from the rest)."""
    for k in range(1, len(units) - 1):
        u = units[k]
        if (
            u.rule is not None
            and u.rule.barrier
            and u.rule.reason == "related"
            and _TOC_NUMBER_RE.fullmatch(units[k - 1].text)
            and _TOC_NUMBER_RE.fullmatch(units[k + 1].text)
        ):
            u.rule = None


GETTY_CAPTION_RULE = rule_named("getty_caption")
CAPTION_RULE = Rule("caption_after_label", "photo_credit", re.compile(""), False, 40)
_CAPTION_LABEL_RE = re.compile(r"(?i)(?:image|media|video|photo)\s+caption\s*:?")


PREV_NEXT_RULE = rule_named("prev_next")
_ARROWS = frozenset("←«‹→»›")


def _mark_arrow_links(units: list[Unit]) -> None:
    """A lone arrow (``←``, ``→``, ``«``, ``»``) is the icon of a link to the previous or the
    next article; the headline on the line after it is that link (sixth round)."""
    for k in range(len(units) - 1):
        u, nxt = units[k], units[k + 1]
        if (
            len(u.text) == 1
            and u.text in _ARROWS
            and nxt.rule is None
            and 1 <= nxt.n_words <= 15
            and nxt.text[-1] not in _END_PUNCT
        ):
            nxt.rule = PREV_NEXT_RULE
            nxt.prose = False


def _mark_captions(units: list[Unit]) -> None:
    """The line under an ``Image caption`` label alone on its line is the caption (BBC pages
    render the label and the caption as two lines). A Getty Images caption (``HARBOURTOWN,
    ENGLAND - SEPTEMBER 28: …``) is one at any length (keyword rules stop at 400 characters)."""
    for u in units:
        if u.rule is None and u.text[:2].isupper() and GETTY_CAPTION_RULE.pattern.match(u.text):
            u.rule = GETTY_CAPTION_RULE
            u.prose = False
    for k in range(len(units) - 1):
        u, nxt = units[k], units[k + 1]
        if (
            nxt.rule is None
            and nxt.n_words <= CAPTION_RULE.max_words
            and _CAPTION_LABEL_RE.fullmatch(u.text)
        ):
            nxt.rule = CAPTION_RULE
            nxt.prose = False


# the heading over the answers of a question-and-answer page (Stack Exchange, forums)
_ANSWERS_RE = re.compile(
    r"\d{1,4}\s*(?:answers?|antworten|respuestas|réponses|risposte|respostas)(?:\s*\d{1,4})?",
    re.IGNORECASE,
)
QA_WIDGET_RULE = Rule("qa_widget", "navigation", re.compile(""), False, 30)
# the controls and counters around a question and its answers (Stack Exchange and its clones):
# votes, "Ask Question", "Asked 3 years ago", "Viewed 38k times", "Improve this answer",
# "answered Feb 6, 2014 at 20:37", reputation and badges, a comment's "– Ann Berg" signature
_QA_CHROME_RE = re.compile(
    r"[-+]?\d[\d,.]*k?|\||ask question|asked|active|modified|viewed|today|yesterday|follow"
    r"|improve this (?:question|answer)\b.{0,80}|add a comment\s*\|?|sorted by:?.{0,60}"
    r"|reset to default|highest score.{0,80}|show \d+ more comments?"
    r"|(?:asked|answered|edited|modified|viewed|active)\s(?:\w{3,9}\.? \d{1,2}(?:, \d{4})?"
    r"(?: at \d{1,2}:\d{2})?|\d+ \w+(?:,? \d+ \w+)? ago|today|yesterday|[\d,.]+k? times)"
    r"(?:\s.{0,40})?"
    r"|[\d,.]+k?\s*times|hot network questions|more hot questions|question feed"
    r"|.{0,40}\d\s*(?:gold|silver|bronze)\s*badges?.{0,60}"
    r"|[–—]\s?(?!(?:and|or|but|so|the|a|to|of|in|as)\b)[^\s.!?]+(?: [^\s.!?]+){0,2}"
    r"|(?:\d+|an?) (?:years?|months?|weeks?|days?|hours?|minutes?)(?:,? \d+ \w+)? ago",
    re.IGNORECASE,
)


def _is_qa_page(units: list[Unit]) -> bool:
    """A question-and-answer page: a heading such as ``6 Answers`` alone on its line, after at
    least one unit of prose (the question)."""
    seen_prose = False
    for u in units:
        seen_prose = seen_prose or u.prose
        if seen_prose and u.n_words <= 3 and _ANSWERS_RE.fullmatch(u.text):
            return True
    return False


def _unmark_qa_comments(units: list[Unit]) -> None:
    """On a question-and-answer page the answers are the text, not a comment section: comment
    widgets (``Add a comment``) are navigation there, never a barrier (sixth round)."""
    for u in units:
        if u.rule is not None and u.rule.reason == "comments":
            u.rule = QA_WIDGET_RULE


def _mark_author_box(units: list[Unit]) -> None:
    """The paragraph under an ``About the author`` heading is the author's biography; so is a
    biography (``Ann Berg is a reporter …``) within three units after an author's profile
    link (``Full bio``, ``View my complete profile``)."""
    for k in range(1, len(units)):
        head, u = units[k - 1], units[k]
        if (
            head.rule is not None
            and head.rule.reason == "author_note"
            and head.n_words <= 4
            and u.rule is None
            and u.n_words <= AUTHOR_BIO_RULE.max_words
        ):
            u.rule = AUTHOR_BIO_RULE
            u.prose = False
        if head.rule is not None and head.rule.name == "author_bio_link":
            for v in units[k : k + 3]:
                if (
                    v.rule is None
                    and v.n_words <= AUTHOR_BIO_RULE.max_words
                    and AUTHOR_BIO_RE.match(v.text)
                ):
                    v.rule = AUTHOR_BIO_RULE
                    v.prose = False


def _trim_author_bio(units: list[Unit], inside: list[bool]) -> None:
    """A short biography of the author as the last unit of a body run is an author note."""
    for k, u in enumerate(units):
        if not inside[k] or u.rule is not None or u.n_words > AUTHOR_BIO_RULE.max_words:
            continue
        last = k + 1 == len(units) or not inside[k + 1]
        if last and AUTHOR_BIO_RE.match(u.text):
            u.rule = AUTHOR_BIO_RULE


NAME_LIST_MIN = 10  # names in a list of names under the article
NAME_LIST_COMMA_SHARE = 0.5  # of them "Name, affiliation"
NAME_LIST_REPEATS = 0.1  # at most this share of them occurs twice on the page
_NAME_ENTRY_RE = re.compile(r"[A-Z][\w.'’-]*(?: [\w.'’-]+){0,4} ?, \S")


def _attach_name_list(units: list[Unit], inside: list[bool]) -> None:
    """A list of people right under the article (the signatories of an open letter, the
    contributors to a report): at least ten names, nearly all different and not repeated
    elsewhere on the page, most of them with an affiliation after a comma (``Ann Berg,
    Harbour College``; a one-node-per-line rendering puts the comma and the affiliation on
    lines of their own), directly after the last unit of a body run. One line per name
    costs 2 each, so the list was left out with the note under it; menu entries do not have
    that comma (tenth round (b)). The list and one short paragraph right under it join the
    body."""
    n = len(units)
    counts: Counter[str] | None = None
    for k in range(n - 1):
        if not inside[k] or inside[k + 1] or not units[k].prose:
            continue
        m = k + 1
        while m < n and _name_entry_candidate(units[m]):
            m += 1
        # (an affiliation on the line after a lone comma is not a name: "Harbour College"
        # may follow several names)
        names = [
            j for j in range(k + 1, m) if units[j].text[0].isupper() and units[j - 1].text != ","
        ]
        if len(names) < NAME_LIST_MIN:
            continue
        with_comma = sum(
            _NAME_ENTRY_RE.match(units[j].text) is not None
            or (j + 1 < m and units[j + 1].text == ",")
            for j in names
        )
        if with_comma < NAME_LIST_COMMA_SHARE * len(names):
            continue
        if counts is None:
            counts = Counter(u.text for u in units)
        if sum(counts[units[j].text] > 1 for j in names) > NAME_LIST_REPEATS * len(names):
            continue
        end = m + 1 if m < n and units[m].prose and units[m].n_words <= 30 else m
        for j in range(k + 1, end):
            inside[j] = True


def _name_entry_candidate(u: Unit) -> bool:
    """A line that may be an entry of a list of names: a short line, not prose, or a comma
    alone (a text node between a name and its affiliation)."""
    t = u.text
    return (
        u.rule is None
        and not u.prose
        and not u.foreign
        and u.n_words <= 12
        and (t == "," or (u.n_words >= 1 and t[-1] not in ":;?!"))
    )


HEAD_MIN_SHORT = 10  # short lines above the headline
HEAD_MENU_RUN = 8  # of them in a row (a menu)


LEAD_RULE = Rule("lead_before_credit", "standfirst", re.compile(""), False, 60)
LEAD_WINDOW = 5  # units at the top of the body in which the head is looked for
LEAD_MAX_UNITS = 2  # prose units in the head
LEAD_MAX_WORDS = 60  # words in one unit of the head
LEAD_REST_WORDS = 100  # prose words of the body under the head
LEAD_LATER_STAMPS = 2  # datelines further down the body that make it a stamped live blog
_LEAD_END = frozenset({"byline", "dateline"})


def _trim_lead(units: list[Unit], inside: list[bool]) -> None:
    """One or two paragraphs at the very top of the body, cut off from the rest by a byline or
    a dateline, are the standfirst or the caption of the lead picture (``The pier will close
    for eleven weeks …`` / ``By Ann Berg`` / ``12 March 2024`` / the article): the article
    starts under the last byline or dateline in the first LEAD_WINDOW units. A photo credit or
    an advertisement under the first paragraph does not count (those sit inside articles)."""
    n = len(units)
    a = next((k for k in range(n) if inside[k]), n)
    b = a
    while b < n and inside[b]:
        b += 1
    window = range(a, min(a + LEAD_WINDOW, b))
    last_rule = max(
        (m for m in window if (r := units[m].rule) is not None and r.reason in _LEAD_END),
        default=None,
    )
    if last_rule is None or last_rule == a:
        return
    # entries of a live blog, each under its time stamp: no lead (tenth round (b))
    later = sum(
        1
        for m in range(last_rule + 1, b)
        if (r := units[m].rule) is not None and r.reason == "dateline"
    )
    if later >= LEAD_LATER_STAMPS:
        return
    head = [m for m in range(a, last_rule) if units[m].rule is None]
    prose = [m for m in head if units[m].prose]
    if not prose or len(prose) > LEAD_MAX_UNITS:
        return
    if any(units[m].n_words > LEAD_MAX_WORDS for m in head):
        return
    rest = [u for u in units[last_rule:b] if u.prose]
    if len(rest) < 3 or sum(u.n_words for u in rest) < LEAD_REST_WORDS:
        return
    if head == prose == [a] and _is_standfirst(units, a):
        units[a].standfirst = True  # the standfirst under the headline stays (twelfth round)
        return
    for m in head:
        inside[m] = False
        units[m].rule = LEAD_RULE


def _cut_before_byline(units: list[Unit], inside: list[bool]) -> None:
    """The first body run, when it holds a byline after a stretch of mostly short lines (a
    magazine menu with featured-article blurbs above the headline), starts after the headline
    above the byline (within four units): at least ten short lines there, eight of them in a
    row, no fewer than prose units, and fewer prose words than from the byline to the end of
    the run."""
    n = len(units)
    a = next((k for k in range(n) if inside[k]), n)
    b = a
    while b < n and inside[b]:
        b += 1
    by = next(
        (
            m
            for m in range(a + 1, b)
            if units[m].rule is not None and units[m].rule.reason == "byline"
        ),
        None,
    )
    if by is None:
        return
    head = by
    for m in range(by - 1, max(a, by - 4) - 1, -1):
        if units[m].rule is None and units[m].headline_like and units[m].text[-1] not in _END_PUNCT:
            head = m
            break
    pre = units[a:head]
    short = sum(1 for u in pre if not u.prose and not _list_item(u))
    prose = sum(1 for u in pre if u.prose)
    stretch = longest = 0
    for u in pre:
        stretch = 0 if u.prose or _list_item(u) else stretch + 1
        longest = max(longest, stretch)
    words_pre = sum(u.n_words for u in pre if u.prose)
    words_post = sum(u.n_words for u in units[by:b] if u.prose)
    if (
        short >= HEAD_MIN_SHORT
        and short >= prose
        and longest >= HEAD_MENU_RUN
        and words_pre < words_post
    ):
        # the headline leaves the run too, so that it becomes Article.title
        for m in range(a, head + 1 if head < by else head):
            inside[m] = False


INLINE_PAIR_RULE = Rule("inline_headline_pair", "related", re.compile(""), False, 15)
_PLAIN_HEADLINE_RE = re.compile(r"[A-Z][\w ,'’‘\"“”-]+")


def _plain_headline(u: Unit) -> bool:
    t = u.text
    return (
        u.rule is None
        and not u.prose
        and not u.foreign
        and u.headline_like
        and 4 <= u.n_words <= 15
        and _PLAIN_HEADLINE_RE.fullmatch(t) is not None
        and not _DIGIT_RE.search(t)
    )


def _mark_inline_headline_pairs(units: list[Unit], inside: list[bool]) -> None:
    """Exactly two linked headlines in a row between two paragraphs of at least 15 words, in
    the body: an inline "related" box (``Harbour bridge reopens early`` / ``Bus fares to rise in
    spring``). A subheading comes alone; a table of contents or a list
    has more items; headlines with digits, colons or other punctuation are left alone."""
    for k in range(1, len(units) - 2):
        if not all(inside[k - 1 : k + 3]):
            continue
        before, first, second, after = units[k - 1 : k + 3]
        if (
            _plain_headline(first)
            and _plain_headline(second)
            and before.prose
            and after.prose
            and before.n_words >= 15
            and after.n_words >= 15
        ):
            first.rule = second.rule = INLINE_PAIR_RULE


TEASER_RUN_RULE = Rule("teaser_run", "related", re.compile(""), False, 40)
TEASER_MIN_HEADLINES = 3
TEASER_MAX_BLURB = 30
TEASER_SHARE = 0.5


def _runs_after_main(units: list[Unit], inside: list[bool]) -> list[tuple[int, int]]:
    """The body runs (``[a, b)`` of consecutive units inside the body) after the main one,
    the run with the most prose words; empty when the body is one run."""
    runs: list[tuple[int, int]] = []
    k, n = 0, len(units)
    while k < n:
        if not inside[k]:
            k += 1
            continue
        a = k
        while k < n and inside[k]:
            k += 1
        runs.append((a, k))
    if len(runs) < 2:
        return []
    words = [sum(u.n_words for u in units[a:b] if u.prose) for a, b in runs]
    return runs[words.index(max(words)) + 1 :]


def _teaser_headline(u: Unit) -> bool:
    t = u.text
    return (
        u.rule is None
        and u.headline_like
        and 4 <= u.n_words <= 20
        and t[-1] not in ":;,!?"
        and not _list_item(u)
    )


def _drop_teaser_runs(units: list[Unit], inside: list[bool]) -> None:
    """A body run after the main one made only of teasers: three or more headlines, no
    paragraph over 30 words, and most paragraphs right under a headline (a blurb)."""
    for start, b in _runs_after_main(units, inside):
        # a run starts with a positive weight: its first headline is just above it
        a = start - 1 if start > 0 and _teaser_headline(units[start - 1]) else start
        body = [m for m in range(a, b) if units[m].rule is None]
        prose = [m for m in body if units[m].prose]
        heads = [m for m in body if not units[m].prose and _teaser_headline(units[m])]
        if len(heads) < TEASER_MIN_HEADLINES or not prose:
            continue
        if any(units[m].n_words > TEASER_MAX_BLURB for m in prose):
            continue
        under = sum(1 for m in prose if m - 1 >= a and _teaser_headline(units[m - 1]))
        if under < TEASER_SHARE * len(prose):
            continue
        for m in range(a, b):
            inside[m] = False
            if units[m].rule is None:
                units[m].rule = TEASER_RUN_RULE


QUESTION_LIST_RULE = Rule("question_list", "related", re.compile(""), False, 20)
QUESTION_LIST_MIN = 4  # questions in the list
QUESTION_LIST_SHARE = 0.5  # of its prose lines end with "?"


def _drop_question_lists(units: list[Unit], inside: list[bool]) -> None:
    """A list of linked questions in a body run after the main one: the "Related" and "Hot
    Network Questions" lists of a question-and-answer site, a forum's "Similar threads"
    (tenth round (b)). Questions read as prose, so such a list scores like a short article.
    A piece of a run between rule-matched lines is such a list when it has at least four
    prose lines, most of them ending with ``?``, no line over 20 words and none ending with
    a full stop or ``!`` (an FAQ answers its questions in sentences)."""
    for a, b in _runs_after_main(units, inside):
        piece: list[int] = []
        for m in range(a, b + 1):
            if m < b and units[m].rule is None:
                if not units[m].foreign:
                    piece.append(m)
                continue
            if _question_list(units, piece):
                for j in piece:
                    inside[j] = False
                    units[j].rule = QUESTION_LIST_RULE
            piece = []


def _question_list(units: list[Unit], piece: list[int]) -> bool:
    prose = [m for m in piece if units[m].prose]
    if len(prose) < QUESTION_LIST_MIN:
        return False
    limit = QUESTION_LIST_RULE.max_words
    if any(units[m].n_words > limit or units[m].text[-1] in ".!" for m in piece):
        return False
    asked = sum(units[m].text[-1] == "?" for m in prose)
    return asked >= max(QUESTION_LIST_MIN, QUESTION_LIST_SHARE * len(prose))


NEWSLETTER_BLURB_RULE = Rule("newsletter_blurb", "newsletter", re.compile(""), False, 25)
_FORM_REASONS = frozenset({"newsletter", "share_widget", "sign_in"})
PROMPT_QUESTION_WORDS = 15  # a question addressed to the reader right above a prompt
PROMPT_QUESTION_BARE = 4  # a question this short need not address the reader
_YOU_RE = re.compile(r"(?i)\b(?:you|your|you['’](?:re|ll|ve|d))\b")


# a shop widget on a recipe or product page (invented examples): "Add to basket", "Like this
# recipe? Add the ingredients to your cart and we deliver them". Marked after the body is
# chosen, so that it does not split a recipe from its ingredient list.
SHOP_BASKET_RULE = Rule("shop_basket", "navigation", re.compile(""), False, 20)
_SHOP_BASKET_RE = re.compile(
    r"(?i)\badd (?:(?:the |all |these |this |it|them|[\w-]+ ){0,3})?to (?:your |the |my )?"
    r"(?:shopping )?(?:basket|cart|bag|trolley)\b"
)


def _mark_shop_widgets(units: list[Unit]) -> None:
    limit = SHOP_BASKET_RULE.max_words
    for u in units:
        t = u.text
        # "dd"/"DD": a cheap test for "add" before the pattern runs
        cheap = u.rule is None and u.n_words <= limit and ("dd" in t or "DD" in t)
        if cheap and _SHOP_BASKET_RE.search(t):
            u.rule = SHOP_BASKET_RULE


def _mark_newsletter_blurbs(units: list[Unit]) -> None:
    """A short line between a newsletter prompt and another form or widget line is the
    newsletter's blurb ("Get the Harbour Daily newsletter" / "Morning news from the quay,
    every weekday." / "Email address"); a question addressed to the reader right above a
    newsletter prompt or a shop widget leads into it ("Want the harbour news first?" / "Sign
    up here"; "Like this recipe?" / "Add the ingredients to your basket")."""
    n = len(units)
    prompts = [
        k
        for k, u in enumerate(units)
        if u.rule is not None and (u.rule.reason == "newsletter" or u.rule is SHOP_BASKET_RULE)
    ]
    for k in prompts:
        prompt = units[k].rule
        if prompt is None:  # cannot happen: rules are only added
            continue
        if prompt.reason == "newsletter" and k + 2 < n:
            u, nxt = units[k + 1], units[k + 2].rule
            short = u.n_words <= NEWSLETTER_BLURB_RULE.max_words
            if u.rule is None and short and nxt is not None and nxt.reason in _FORM_REASONS:
                u.rule = NEWSLETTER_BLURB_RULE
        if k > 0:
            u = units[k - 1]
            if u.rule is not None or u.n_words > PROMPT_QUESTION_WORDS:
                continue
            if u.text.endswith("?") and (
                u.n_words <= PROMPT_QUESTION_BARE or _YOU_RE.search(u.text)
            ):
                u.rule = SHOP_BASKET_RULE if prompt is SHOP_BASKET_RULE else NEWSLETTER_BLURB_RULE


PROMO_TAIL_RULE = Rule("promo_tail", "newsletter", re.compile(""), False, 40)
PROMO_TAIL_WINDOW = 3  # units after the body's last kept unit in which the prompt is looked for
PROMO_TAIL_UNITS = 8  # units walked back from the end of the body
PROMO_TAIL_SHARE = 0.4  # at most this share of the body's prose words
# a call to act for the site: support it, subscribe, its newsletter, a product of the site
# (a bare "donate" or "sign up" is left out: "If you'd like to donate, visit the charity's
# website" and "You can sign up for the race at the town hall" end articles)
_PROMO_STRONG_RE = re.compile(
    r"(?i)\b(?:support (?:the|our|us)\b|donate to (?:us|our)\b|subscri(?:be|ption)|"
    r"sign(?:ing)? up (?:for|to) (?:our|the)\b[^.!?]{0,40}\b(?:newsletter|updates|alerts|"
    r"e-?mails?)\b|newsletters?\b|read the rest of\b|"
    r"free (?:trial|guide|e-?book|course|checklist)\b|"
    r"become a (?:member|subscriber|patron|supporter)\b)"
)
# lines a promotion is made of: addressed to the reader, or starting with an imperative
_PROMO_LINE_RE = re.compile(
    r"(?i)\b(?:you|your|you['’](?:re|ll|ve|d)|yourself)\b|^\W*(?:learn|get|join|take|try|"
    r"start|discover|download|support|donate|subscribe|sign up|fight|become|register|grab)\b"
)


def _trim_promo_tail(units: list[Unit], inside: list[bool]) -> None:
    """The end of the body right above a newsletter or donation prompt, when it is a
    promotion of the site: lines addressed to the reader or starting with an imperative,
    from the first that asks for support, a subscription or a sign-up ("Fight for the
    harbour - support the Gazette." / "Donate now"). Only at the end of the article."""

    def kept(j: int) -> bool:
        return inside[j] and units[j].rule is None and not units[j].foreign

    # only the last kept unit of the page: the end of the article
    k = next((j for j in range(len(units) - 1, -1, -1) if kept(j)), None)
    if k is None:
        return
    after = units[k + 1 : k + 1 + PROMO_TAIL_WINDOW]
    if not any(u.rule is not None and u.rule.reason == "newsletter" for u in after):
        return
    first = None
    m = k
    while m >= 0 and k - m < PROMO_TAIL_UNITS and inside[m]:
        u = units[m]
        if kept(m):
            if u.n_words > PROMO_TAIL_RULE.max_words or not _PROMO_LINE_RE.search(u.text):
                break
            if _PROMO_STRONG_RE.search(u.text):
                first = m
        m -= 1
    if first is None:
        return
    total = sum(u.n_words for j, u in enumerate(units) if u.prose and kept(j))
    block = sum(units[j].n_words for j in range(first, k + 1) if units[j].prose and kept(j))
    if block > PROMO_TAIL_SHARE * total:
        return
    for j in range(first, k + 1):
        if kept(j):
            units[j].rule = PROMO_TAIL_RULE


STANDFIRST_MIN_WORDS = 8  # words of a standfirst under the headline
STANDFIRST_MAX_WORDS = 60
STANDFIRST_HEAD_WORDS = 3  # words of the headline above it
STANDFIRST_GAP = 16  # units between the standfirst and the article
STANDFIRST_GAP_WORDS = 8  # words of a gap unit that no rule matched (a name, a date, "Share")
_STANDFIRST_GAP_REASONS = frozenset(
    {"byline", "dateline", "share_widget", "media_widget", "navigation", "photo_credit"}
)


def _is_standfirst(units: list[Unit], m: int) -> bool:
    """Unit ``m`` is the standfirst under the headline (twelfth round): a sentence of
    STANDFIRST_MIN_WORDS to STANDFIRST_MAX_WORDS words, not in title case (that is a
    headline), right under a headline-like line of STANDFIRST_HEAD_WORDS or more words without
    a bullet (``* lewdness`` is a tag) or a date (an entry of a dated list: a repository's
    files, a blog's archive), and not over a photo credit (that is a picture's
    caption)."""
    if m < 1 or m + 1 >= len(units):
        return False
    s, head, nxt = units[m], units[m - 1], units[m + 1]
    return (
        s.rule is None
        and s.prose
        and not s.foreign
        and STANDFIRST_MIN_WORDS <= s.n_words <= STANDFIRST_MAX_WORDS
        and not _title_case_line(s.text)
        and head.headline_like
        and head.n_words >= STANDFIRST_HEAD_WORDS
        and _LIST_ITEM_RE.match(head.text) is None  # a tag or menu entry under a bullet
        and DATE_RE.search(head.text) is None  # an entry of a dated list (files, an archive)
        and not (nxt.rule is not None and nxt.rule.reason == "photo_credit")
    )


def _attach_standfirst(units: list[Unit], inside: list[bool]) -> None:
    """The standfirst between the headline and the byline joins the body (twelfth round):
    ``Next-Gen Platters Promise 80TB Drives`` / ``We're about to get 20TB drives, but …`` /
    ``By`` / ``Ann Berg`` / ``February 7, 2020`` / ``Facebook`` / ``Email`` / the article.
    Body selection starts the article under the byline; the standfirst
    (:func:`_is_standfirst`) joins it when nothing but credit, date and share lines (at least
    one byline or dateline among them) and short unmatched lines lie between it and the
    article, and no title-cased line without commas (the article's own headline, not a list
    of names: the standfirst is then a blog's description over a post)."""
    n = len(units)
    a = next((k for k in range(n) if inside[k]), None)
    if a is None or a < 2:
        return
    m = a - 1
    credit = False
    while m >= 0 and a - 1 - m < STANDFIRST_GAP:
        u = units[m]
        if u.rule is not None:
            if u.rule.reason not in _STANDFIRST_GAP_REASONS:
                return
            credit |= u.rule.reason in ("byline", "dateline")
        elif u.prose or u.foreign or u.n_words > STANDFIRST_GAP_WORDS:
            break
        elif "," not in u.text and _title_case_line(u.text):
            return
        m -= 1
    if credit and _is_standfirst(units, m):
        inside[m] = True
        units[m].standfirst = True


def _title_case_line(text: str) -> bool:
    """A line in a headline's title case (:func:`language.headline_case`)."""
    return _lang.headline_case(_WORD_RE.findall(text))


def decide(units: list[Unit]) -> tuple[list[Decision], str | None]:
    """Keep/remove each unit, with reason and rule; also the document language."""
    for u in units:
        u.prose = _is_prose(u)
    doc_lang = document_language(units)
    if doc_lang is not None:
        for u in units:
            other = u.script if u.script is not None else (u.word_lang if u.n_words >= 6 else None)
            if other is not None and u.script is None and other != doc_lang and u.rule is None:
                other = _lang.line_language(u.text, doc_lang)  # quotes, names aside
            if u.rule is None and other is not None and other != doc_lang:
                u.foreign = True
                u.prose = False
    qa = _is_qa_page(units)
    if qa:
        _unmark_qa_comments(units)
    else:
        _mark_comment_stamps(units)
        _mark_headless_comments(units)
        _mark_comment_headings(units)
    _unmark_toc_entries(units)
    _mark_galleries(units)
    _mark_doubled_teasers(units)
    _mark_author_box(units)
    _mark_captions(units)
    _mark_arrow_links(units)
    inside = select_body(units, qa)
    _attach_name_list(units, inside)
    _trim_author_bio(units, inside)
    _cut_before_byline(units, inside)
    _trim_lead(units, inside)
    _drop_teaser_runs(units, inside)
    _drop_question_lists(units, inside)
    _mark_inline_headline_pairs(units, inside)
    _trim_promo_tail(units, inside)
    _attach_standfirst(units, inside)
    _mark_shop_widgets(units)
    _mark_newsletter_blurbs(units)
    if qa:
        for u, ins in zip(units, inside, strict=True):
            if ins and u.rule is None and u.n_words <= 12 and _QA_CHROME_RE.fullmatch(u.text):
                u.rule = QA_WIDGET_RULE  # after the body is chosen: it does not split it
    out = []
    section: str | None = None  # reason of the last "related"/"comments"/tag header line
    for u, ins in zip(units, inside, strict=True):
        if ins:
            section = None
        elif u.rule is not None and u.rule.reason != "dateline":  # a time stamp keeps it
            section = u.rule.reason if u.rule.reason in _SECTION_REASONS else None
        if u.rule is not None:
            reason = u.rule.reason
            if reason == "dateline" and u.script is not None and u.script != doc_lang:
                reason = "foreign_language"  # e.g. a Chinese date line over an English article
            out.append(Decision(u, False, reason, u.rule.name))
        elif u.foreign:
            out.append(Decision(u, False, "foreign_language", "language"))
        elif ins:
            out.append(Decision(u, True, None, None))
        elif section is not None:
            out.append(Decision(u, False, section, "body_block"))
        elif u.prose:
            out.append(Decision(u, False, "outside_body", "body_block"))
        else:
            out.append(Decision(u, False, "navigation", "body_block"))
    return out, doc_lang
