"""Sentence segmentation: where one sentence ends and the next begins.

A **sentence** is a span of the original text, stripped of surrounding white space, that ends
at a sentence boundary. No character other than white space is lost or changed. The rules,
with examples, measured accuracy and known failures, are in ``docs/sentences.md``; in short:

Line structure (decided first, per block of non-blank lines):

* L1  A blank line always ends a sentence.
* L2  A line that starts a list item (``-``, ``*``, ``•``, ``1.``, ``2)``, ``(a)`` …) starts a
      new sentence.
* L3  A line break before a line that starts in lower case (or with a closing quote) never
      ends a sentence: a wrapped paragraph goes on.
* L4  A line without end punctuation (a headline, byline, dateline, label) ends a sentence
      before a line that does not start in lower case, unless it is wrapped prose: it ends in
      a comma, hyphen or lower-case function word, or it is "full" (a greedy line wrapper had
      to break it) inside a hard-wrapped block or before a name that runs on.
* L5  A line with end punctuation that ended early ends its sentence, even after an
      abbreviation that can end one (``… in the U.S.`` / ``Officials said …``).

Within a line, a candidate boundary is end punctuation (``.``, ``!``, ``?``, ``…``), then any
closing quotes or brackets, then white space; full stops inside a token (``3.30``, ``$3.50``,
``U.S``, ``example.com``) are never candidates. A candidate is a boundary unless:

* S1  the next word starts in lower case (``"Why?" she asked.``, ``5 p.m. on Monday``);
* S2  ``?``/``!`` closes a quotation that opens the sentence and a name and a reporting verb
      follow (``"Stop!" Tom shouted.``);
* S3  the word before ``.`` is a title (``Dr.``, ``Mr.``) or never ends a sentence (``e.g.``);
* S4  the word before ``.`` is an abbreviation before numbers (``No.``, ``p.``, ``Jan.``) and a
      number follows;
* S5  the word before ``.`` can end a sentence (``Inc.``, ``St.``, ``U.S.``, ``a.m.``, an
      initial ``J.``) and the next word is not a typical sentence starter (``The``, ``He`` …;
      for ``a.m./p.m.``: a boundary unless a day, month or time zone follows);
* S6  the full stop ends a list enumerator (``1.`` at the start of a line or after a colon);
      a chain ``1) … 2) …`` inside a line starts a sentence at each member;
* S7  (an extra boundary) ``cold.It``: a full stop glued to a capitalised word after a
      lower-case word that is not an abbreviation, outside URLs and e-mail addresses.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from factbox import _engine

__all__ = ["sentence_spans", "sentences"]

_OPENERS = "\"'“‘«([{¿¡"
_QUOTES_CLOSE = "\"'”’»"

# A candidate boundary: a white-space-delimited chunk ending in end punctuation (+ closers),
# followed by white space (groups: pre, term, close, ws, next chunk) or the end of the run.
_CAND_RE = re.compile(r"[.!?…‽][.!?…‽\"'”’»)\]}]*(?=\s|[A-Z][a-z])")
# Blank lines (one or more) separate blocks.
_BLANK_RE = re.compile(r"\n(?:[^\S\n]*\n)+")
# A list item at the start of a line.
_LIST_ITEM_RE = re.compile(
    r"\s*(?:[•▪◦‣●■□►✓✔⁃]|[-*+–—]\s|\(?(?:\d{1,3}|[abd-h]|i{1,3}|iv|vi{1,3}|ix|x{1,3})[.)]\s|\(?[a-zA-Z]\)\s)"
)
_INLINE_BULLET_RE = re.compile(r"\s[•▪◦‣●■►⁃]\s?")
# An enumerator inside a line: "1.", "2)", "3.)", "a." before a capitalised word.
_ENUM_RE = re.compile(r"(?<![^\s•▪◦‣●■►⁃])\(?(\d{1,2}|[a-z])(?:\.\)|[.)])\s+(?=[A-Z\"“])")
_ENUM_ONE_RE = re.compile(r"[1a](?:\.\)?|\))\s+[A-Z\"“]")  # a possible first item
_BULLETS = "•▪◦‣●■►⁃"
_WORD_RE = re.compile(r"[^\W\d_]+")
_NONSPACE_RE = re.compile(r"\S+")
_INITIALISM_RE = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
_BYLINE_RE = re.compile(r"(?:By|BY|From|Posted by|Written by)\s+[A-Z]")
_DATE_RE = re.compile(
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
    r"(?:\d{4}-\d\d-\d\d|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b"
    r"|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{4}"
    r"|(?:Updated|Published|Posted|Last updated|Modified)\b)"
)
_LABEL_RE = re.compile(r"[A-Z][\w'’]*(?:\s[\w'’]+){0,2}:\s")
_REPORT_RE = re.compile(
    r"(?:[A-Z][\w'’.-]*\s+){1,3}"
    r"(?:said|says|asked|asks|replied|replies|shouted|shouts|cried|cries|added|adds|yelled"
    r"|screamed|whispered|exclaimed|demanded|wondered|insisted|told|tells|wrote|writes"
    r"|recalled|recalls|explained|explains|laughed|sighed|snapped|called)\b"
)

# Abbreviation classes.
_TITLE = 1  # always precedes a name: never ends a sentence
_NEVER = 2  # never ends a sentence (e.g., i.e., vs.)
_NUM = 3  # precedes a number (No. 5); otherwise an ordinary word
_CAN_END = 4  # may end a sentence; ends one only before a typical sentence starter
_DATE = 5  # month or weekday: not before a number, else like _CAN_END
_TIME = 6  # a.m./p.m.: ends a sentence unless a day, month or time zone follows
_INITIAL = 7  # single capital letter


def _wordlist(words: str) -> list[str]:
    return words.split()


_ANYCASE: dict[str, int] = {}
for _w in _wordlist(
    "mr mrs ms mx messrs mmes mme mlle dr drs prof profs rev revd hon gen lt col capt cpt "
    "sgt maj adm cmdr cdr gov sen rep reps pres supt insp det fr msgr brig cpl pvt amb atty "
    "lieut comdr asst assoc"
):
    _ANYCASE[_w] = _TITLE
for _w in _wordlist("e.g i.e eg ie cf viz vs"):
    _ANYCASE[_w] = _NEVER
for _w in _wordlist(
    "no n° nos vol vols pp fig figs eq eqs ref refs tel ext sec ch chap para art nr ca approx"
):
    _ANYCASE[_w] = _NUM
for _w in _wordlist(
    "inc ltd corp co bros plc llc esq jr sr st mt ft ave blvd rd dept univ assn al est hwy govt"
):
    _ANYCASE[_w] = _CAN_END
for _w in ("a.m", "p.m"):
    _ANYCASE[_w] = _TIME
_EXACT: dict[str, int] = {"v": _NEVER, "p": _NUM, "c": _NUM}  # lower case only: "C." is an initial
for _w in _wordlist(
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun"
):
    _EXACT[_w] = _DATE
for _w in _wordlist(
    "Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo "
    "Mont Neb Nev Okla Ore Pa Penn Tenn Tex Va Vt Wash Wis Wisc Wyo"
):
    _EXACT[_w] = _CAN_END

# Words that typically start a sentence (capitalised only because they start it).
_STARTERS = frozenset(
    _wordlist(
        """
    A An The This That These Those There Here It Its He She They We I You His Her Their Our My
    Your Him Them Me One Some Many Most Much Few Several All Both Each Every Any No None Not
    Only Even Just Such Other Another Neither Either Nobody Nothing Everyone Everything Someone
    Something Anyone And But Or Nor So Yet For Also Still Then Thus Hence Therefore However
    Moreover Furthermore Meanwhile Nevertheless Nonetheless Otherwise Instead Indeed Besides
    Finally First Second Third Next Last Later Earlier Afterwards Now Today Yesterday Tomorrow
    Tonight Once Perhaps Maybe Yes Please Let If When While Whereas Where What Which Who Whom
    Whose Why How Whether Although Though Because Since Unless Until As At By From In Into Of On
    To With Without Within After Before Above Below Between Through Throughout Against Around
    About Across Along Amid Among Behind Beyond Despite During Near Over Under Unlike Like Upon
    Towards According Is Are Was Were Do Does Did Can Could Will Would Shall Should May Might
    Must Has Have Had Be Being Two Three Four Five Six Seven Eight Nine Ten In Overall Similarly
    Still Sometimes Often Usually Recently Currently Already Again Soon Later Back Earlier
    """
    )
)
_TIME_FOLLOWERS = frozenset(
    _wordlist(
        """
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thur Thurs
    Fri Sat Sun January February March April May June July August September October November
    December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec ET EST EDT CT CST CDT MT MST MDT
    PT PST PDT GMT BST UTC CET CEST IST JST AEST AEDT HKT SGT Eastern Central Mountain Pacific
    Greenwich British Local Beijing Moscow Tokyo Tomorrow Today Tonight Yesterday
    """
    )
)
# Lower-case words after which a line cannot end a sentence (the line is wrapped prose).
_CONTINUATION = frozenset(
    _wordlist(
        """
    a an the and or nor but of to in on at by for with from as into onto than that which who
    whom whose is are was were be been being has have had will would shall should can could
    may might must do does did not its their his her our my your this these those very so such
    about after before between during over under through without within against among amid
    per via if when while because although though since until unless whether where also
    """
    )
)
_CONT_CHARS = frozenset(",;(-–—/&+=")
_TERMINALS = frozenset(".!?…‽")
_CLOSERS = "\"'”’»)]}"
_CLOSE_ONLY = "”’»)]}"  # closing marks that cannot open a sentence
_WRAP_MIN = 30  # a block whose longest line is shorter is not treated as wrapped prose


def sentences(text: str) -> list[str]:
    """Split ``text`` into sentences, in order, each stripped of surrounding white space.

    No character other than white space is lost or changed: the sentences are the text's own
    spans. The rules are in the module docstring and ``docs/sentences.md``.

    >>> sentences("Dr. Smith arrived at 3.30 p.m. on Monday. He left in the U.S. He was tired.")
    ['Dr. Smith arrived at 3.30 p.m. on Monday.', 'He left in the U.S.', 'He was tired.']
    >>> sentences('"Why?" she asked. "Go." He went.')
    ['"Why?" she asked.', '"Go."', 'He went.']
    """
    out: list[str] = []
    prev = 0
    for c in _cuts(text):
        piece = text[prev:c].strip()
        if piece:
            out.append(piece)
        prev = c
    return out


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` offsets of :func:`sentences` in ``text`` (``text[start:end]``)."""
    c = _engine.speedups
    if c is not None:
        return c.strip_spans(text, _cuts(text))  # type: ignore[no-any-return]
    spans: list[tuple[int, int]] = []
    prev = 0
    for c in _cuts(text):
        piece = text[prev:c]
        stripped = piece.lstrip()
        if stripped:
            a = prev + len(piece) - len(stripped)
            spans.append((a, a + len(stripped.rstrip())))
        prev = c
    return spans


class _Items:
    """Where list items start inside lines (bullets, enumerations) for one text."""

    __slots__ = ("forced", "skip")

    def __init__(self, forced: list[int], skip: set[int]) -> None:
        self.forced = forced  # sorted offsets where a new item starts (rule L2 inside a line)
        self.skip = skip  # offsets of full stops that end an enumerator ("1."), not a sentence


def _items(text: str) -> _Items | None:
    forced: list[int] = []
    skip: set[int] = set()
    bullets, starts = _list_marks(text)
    if bullets:
        forced.extend(m.start() + 1 for m in _INLINE_BULLET_RE.finditer(text))
    for start in starts:
        i = start - 1 if start and text[start - 1] == "(" else start
        if i == 0 or (text[i - 1].isspace() and _is_enumerator(text, i)):
            _enumerations(text, i, forced, skip)
            break
    if not forced and not skip:
        return None
    forced.sort()
    return _Items(forced, skip)


def _list_marks(text: str) -> tuple[bool, list[int]]:
    """Whether ``text`` holds a bullet (``_BULLETS``), and the starts of
    ``_ENUM_ONE_RE.finditer(text)`` in order. Those matches start with one of four
    two-character literals, found by ``str.find`` or the compiled ``list_marks`` (the regex
    alone tries every "a" of the text); they cannot overlap (no ``1`` or ``a`` after the first
    character)."""
    match = _ENUM_ONE_RE.match
    c = _engine.speedups
    if c is not None:
        bullets, at = c.list_marks(text)
        return bullets, [i for i in at if match(text, i)]
    starts = []
    for lit in ("1.", "1)", "a.", "a)"):
        i = text.find(lit)
        while i >= 0:
            if match(text, i):
                starts.append(i)
            i = text.find(lit, i + 1)
    starts.sort()
    return any(b in text for b in _BULLETS), starts


def _cuts(text: str) -> list[int]:
    """Offsets that cut ``text`` into sentences (plus white space), ending with ``len(text)``."""
    items = _items(text)
    c = _engine.speedups
    if c is not None and items is None:
        # The compiled rules settle the common line breaks and candidates exactly as the
        # code below would, and call back _line_break_ends_sentence and _candidate for the
        # others.
        return c.sentence_cuts(text, _EXACT, _ANYCASE, _line_break_ends_sentence, _candidate)  # type: ignore[no-any-return]
    cuts: list[int] = []
    if "\n" not in text:
        _split_run(text, 0, len(text), cuts, items)
    else:
        start = 0
        for m in _BLANK_RE.finditer(text):
            _split_block(text, start, m.start(), cuts, items)
            cuts.append(m.start())
            start = m.end()
        _split_block(text, start, len(text), cuts, items)
    cuts.append(len(text))
    return cuts


def _split_block(text: str, s: int, e: int, cuts: list[int], items: _Items | None) -> None:
    """Split a block of non-blank lines: decide each line break (L2–L5), then each run."""
    nl = text.find("\n", s, e)
    if nl < 0:
        _split_run(text, s, e, cuts, items)
        return
    # Lines (stripped text and start offset), skipping white-space-only ones.
    lines: list[tuple[str, int]] = []
    a = s
    while True:
        b = e if nl < 0 else nl
        line = text[a:b].strip()
        if line:
            lines.append((line, a))
        if nl < 0:
            break
        a = nl + 1
        nl = text.find("\n", a, e)
    if len(lines) <= 1:
        _split_run(text, s, e, cuts, items)
        return
    maxlen = max(len(ln) for ln, _ in lines)
    # A block that looks hard-wrapped: most of its lines (but the last) are "full".
    n_full = sum(1 for ln, _ in lines[:-1] if len(ln) >= 0.7 * maxlen)
    wrapped = maxlen >= 40 and n_full >= 2 and n_full >= 0.6 * (len(lines) - 1)
    run_start = s
    for i in range(1, len(lines)):
        prev, _ = lines[i - 1]
        line, pos = lines[i]
        if _line_break_ends_sentence(prev, line, maxlen, wrapped):
            _split_run(text, run_start, pos, cuts, items)
            cuts.append(pos)
            run_start = pos
    _split_run(text, run_start, e, cuts, items)


def _first_word_len(line: str) -> int:
    m = _NONSPACE_RE.match(line)
    return m.end() if m else 0


def _starts_lower(line: str) -> bool:
    """Whether the first character after any opening quotes and brackets is lower case."""
    return line.lstrip(_OPENERS)[:1].islower()


def _title_case(line: str) -> bool:
    if line.isupper():
        return True
    sig = [w for w in line.split() if len(w) >= 4 and w[0].isalpha()]
    return len(sig) >= 2 and sum(1 for w in sig if w[0].isupper()) >= 0.8 * len(sig)


def _full_line(prev: str, line: str, maxlen: int) -> bool:
    """Whether ``prev`` looks broken by a line wrapper (the next word would not have fit)."""
    return (
        maxlen >= _WRAP_MIN
        and len(prev) >= 0.7 * maxlen
        and len(prev) + 1 + _first_word_len(line) > maxlen
    )


def _line_break_ends_sentence(prev: str, line: str, maxlen: int, wrapped: bool) -> bool:
    """Rules L2–L5 for the line break between the non-blank lines ``prev`` and ``line``."""
    if _LIST_ITEM_RE.match(line):
        return True  # L2
    if _starts_lower(line) or line[0] in _CLOSE_ONLY:
        return False  # L3
    end = prev.rstrip(_CLOSERS)
    last = end[-1:] if end else prev[-1]
    if last in _TERMINALS:
        # L5: an early-ended line ends its sentence; otherwise the run's rules decide.
        word = end.rsplit(None, 1)[-1].lstrip(_OPENERS).rstrip(".")
        kind = _ANYCASE.get(word.lower())
        if kind in (_TITLE, _NEVER):
            return False
        return not _full_line(prev, line, maxlen)
    # L4: a line without end punctuation.
    if last in _CONT_CHARS:
        return False
    word = prev.rsplit(None, 1)[-1]
    if word in _CONTINUATION:
        return False
    if _BYLINE_RE.match(line) or _BYLINE_RE.match(prev) or _DATE_RE.match(line):
        return True
    if _DATE_RE.match(prev) or _LABEL_RE.match(line):
        return True
    if not _full_line(prev, line, maxlen) or _title_case(prev):
        return True
    # A full line: wrapped prose if the block is wrapped, or if a name runs on (Chancellor /
    # Merkel); in a short block, a full line ending in a lower-case word is a heading.
    return not (wrapped or (last != ":" and (word[0].isupper() or word[0].isdigit())))


def _split_run(text: str, s: int, e: int, cuts: list[int], items: _Items | None) -> None:
    """Add the sentence boundaries inside ``text[s:e]`` (a run of joined lines) to ``cuts``."""
    if items is None:
        _split_candidates(text, s, e, cuts, None)
        return
    for f in items.forced[bisect_right(items.forced, s) : bisect_left(items.forced, e)]:
        _split_candidates(text, s, f, cuts, items.skip)
        cuts.append(f)
        s = f
    _split_candidates(text, s, e, cuts, items.skip)


def _enumerations(text: str, start: int, forced: list[int], skip: set[int]) -> None:
    """Find chains of enumerators 1., 2., 3. (or a., b., c.) from ``start`` on.

    A chain starts with ``1``/``a`` where a list can start (S6) and has at least two members.
    Each member starts a new sentence (its start goes to ``forced``); the end punctuation of
    each member goes to ``skip`` so that it is not taken for a sentence end.
    """
    chain: list[re.Match[str]] = []
    chains: list[list[re.Match[str]]] = []
    for m in _ENUM_RE.finditer(text, start):
        tok = m.group(1)
        v = int(tok) if tok.isdigit() else ord(tok) - 96
        if v == 1 and (m.start() == 0 or _is_enumerator(text, m.start())):
            if len(chain) >= 2:
                chains.append(chain)
            chain = [m]
        elif chain and v == len(chain) + 1 and tok.isdigit() == chain[0].group(1).isdigit():
            chain.append(m)
    if len(chain) >= 2:
        chains.append(chain)
    for ch in chains:
        for m in ch:
            forced.append(m.start())
            skip.add(m.start(1) + len(m.group(1)))


def _split_candidates(text: str, s: int, e: int, cuts: list[int], skip: set[int] | None) -> None:
    for m in _CAND_RE.finditer(text, s, e):
        i = m.start()
        if skip is not None and i in skip:
            continue
        _candidate(text, s, e, cuts, i, m.end())


def _candidate(text: str, s: int, e: int, cuts: list[int], i: int, k: int) -> None:  # noqa: PLR0917
    """Add a boundary for the candidate ``text[i:k]`` (a match of ``_CAND_RE``) if it is one."""
    if not text[k].isspace():
        # S7: "cold.It" (no space): a boundary after a lower-case word that is not an
        # abbreviation, outside URLs and e-mail addresses.
        if _glued_boundary(text, s, e, i, text[i:k]):
            cuts.append(k)
        return
    cut = k
    k += 1
    while k < e and text[k].isspace():
        k += 1
    if k >= e:
        return  # end of the run
    c0 = text[k]
    if c0.islower() and not (k + 1 < e and text[k + 1].isupper()):
        return  # S1 (but "iPhone", "eBay" start in lower case and may start a sentence)
    punct = text[i:cut]
    if c0 in _CLOSE_ONLY:
        # a detached closing quote or bracket ("ended. ”") belongs to this sentence
        k0 = k
        while k < e and text[k] in _CLOSERS:
            k += 1
        if k >= e:
            return
        if text[k].isspace():
            punct += text[cut:k].replace(" ", "").replace("\n", "")
            cut = k
            while k < e and text[k].isspace():
                k += 1
            if k >= e or text[k].islower():
                return
        elif not text[k].isupper():
            return
        else:
            k = k0  # ”The: a closing mark used as an opening quote
        c0 = text[k]
    if i == s or text[i - 1].isspace():
        pre = ""
    else:
        lo = max(s, i - 40)  # abbreviations are short; bounds the work in a huge chunk
        j = max(text.rfind(" ", lo, i), text.rfind("\n", lo, i), lo - 1)
        pre = text[j + 1 : i]
        if "\t" in pre or "\xa0" in pre:
            pre = pre.split()[-1]
    if (
        punct == "."
        and c0.isupper()
        and len(pre) > 1
        and pre.isalpha()
        and pre not in _EXACT
        and pre.lower() not in _ANYCASE
    ):
        cuts.append(cut)  # the common "word. Next": _is_boundary would say yes (speed)
        return
    start = cuts[-1] if cuts and cuts[-1] > s else s
    if _is_boundary(text, punct, pre, i, c0=c0, k=k, start=start):
        cuts.append(cut)


def _glued_boundary(text: str, s: int, e: int, i: int, punct: str) -> bool:
    if i - 2 < s or not (text[i - 1].islower() and text[i - 2].islower()):
        return False
    if punct not in (".", "!", "?"):
        return False
    lo = max(s, i - 40)
    j = max(text.rfind(" ", lo, i), text.rfind("\n", lo, i), lo - 1)
    if j < lo and lo > s:
        return False  # a chunk of 40+ characters: a URL, code or a token list, not prose
    pre = text[j + 1 : i]
    if "@" in pre or "/" in pre or "." in pre or "www" in pre:
        return False
    w = pre.lstrip(_OPENERS + _BULLETS)
    if not w.isalpha() or _ANYCASE.get(w.lower()) is not None or _EXACT.get(w) is not None:
        return False
    k = i + len(punct)
    end = min(e, k + 40)
    while k < end and not text[k].isspace():
        if text[k] in "@/.:":
            return False  # Jane.Doe@example.com, example.Com/page
        k += 1
    return True


def _is_boundary(text: str, punct: str, pre: str, i: int, *, c0: str, k: int, start: int) -> bool:
    """Rules S1–S6 for end punctuation ``punct`` at ``i`` after the chunk ``pre``; the next
    word starts at ``k``.

    ``c0 = text[k]`` is not a lower-case letter (S1 is checked by the caller).
    """
    if c0 in _OPENERS and k + 1 < len(text) and text[k + 1].islower():
        return False  # S1
    if text[i - 1] == "[":
        return False  # "[...]" marks an omission
    close = punct.lstrip(".!?…‽")
    term = punct[: len(punct) - len(close)]
    if term != ".":
        if "?" in term or "!" in term or "‽" in term:
            if close and close[-1] in _QUOTES_CLOSE and c0.isupper():
                # S2, when the quotation opens the sentence ("Why?" Tom asked.), not when it
                # is quoted inside one (He asked, "Why?" Tom said: ...).
                if _REPORT_RE.match(text, k) is None:
                    return True
                return not _quote_opens_sentence(text, start, i)
            return True
        return True  # an ellipsis before anything but lower case
    if c0 in ".…":
        return False  # a spaced ellipsis ". . ." continues
    if not pre:  # the last dot of ". . ." or a stray full stop
        return True
    w = pre.lstrip(_OPENERS + _BULLETS)
    if close:
        return _ANYCASE.get(w.lower()) not in (_TITLE, _NEVER)
    if not w:
        return True
    kind = _EXACT.get(w)
    if kind is None:
        kind = _ANYCASE.get(w.lower())
    if kind is None:
        if len(w) <= 2 and w.isdigit():
            return not (pre[0] in _BULLETS or _is_enumerator(text, i - len(pre)))  # S6
        if len(w) == 1:
            if w.isupper() and (w != "I" or _after_capitalised(text, i - 1)):
                kind = _INITIAL
            else:
                return True
        elif "." in w and _INITIALISM_RE.fullmatch(w):
            kind = _CAN_END  # U.S., Ph.D
        else:
            return True
    if kind <= _NEVER:
        return False  # S3
    if c0.isdigit() or c0 == "#":
        return kind not in (_NUM, _DATE, _CAN_END, _TIME, _INITIAL)  # S4
    if kind == _NUM:
        return True
    if c0 in _OPENERS:
        return True
    wm = _WORD_RE.match(text, k)
    word = wm.group() if wm else ""
    if kind == _TIME:  # S5
        if word in _TIME_FOLLOWERS:
            return False
        return text[k : k + 5].replace(".", "")[:2] not in _TIME_FOLLOWERS  # E.T.
    if kind == _INITIAL and len(word) == 1:
        return False
    return word in _STARTERS  # S5


def _is_enumerator(text: str, i: int) -> bool:
    """Whether the number chunk at ``i`` starts a line or follows a colon or a sentence end."""
    k = i - 1
    while k >= 0 and text[k] in " \t\r\f\v":
        k -= 1
    if k < 0 or text[k] in "\n:;!?•▪◦‣●■►⁃":
        return True
    if text[k] != ".":
        return False
    # after a full stop: not when that full stop ends an abbreviation before numbers (Jan. 14.)
    j = k - 1
    while j >= 0 and not text[j].isspace():
        j -= 1
    w = text[j + 1 : k].lstrip(_OPENERS)
    kind = _EXACT.get(w) or _ANYCASE.get(w.lower())
    return kind not in (_NUM, _DATE, _TITLE, _NEVER)


def _after_capitalised(text: str, i: int) -> bool:
    """Whether the word before the one-letter chunk ending at ``i`` is capitalised (Albert I.)."""
    k = i - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    j = k
    while j >= 0 and not text[j].isspace():
        j -= 1
    return k >= 0 and text[j + 1].isupper()


def _quote_opens_sentence(text: str, start: int, i: int) -> bool:
    """Whether the sentence running from ``start`` to ``i`` begins with an opening quote."""
    while start < i and text[start].isspace():
        start += 1
    return start < i and text[start] in "\"'“‘«"
