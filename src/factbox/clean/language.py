"""Language of a line or a document: script first, then function words.

A line whose letters are mostly outside the Latin script is tagged by script (``zh``, ``ja``,
``ko``, ``ru`` for Cyrillic, ``ar``, ``he``, ``el``, ``hi`` for Devanagari, ``bn``, ``th``; any
other non-Latin script is ``und``). A Latin-script line is tagged by counting the function words
(stop words) of English, German, French, Spanish, Italian, Dutch and Portuguese it contains: the
language with the most hits wins when it has at least two and beats the runner-up; otherwise the
line is ``None`` (too short or too mixed to tell). This needs no model and no data file; it is
accurate enough for the cleaner's two questions: "what language is this page in?" and "is this
line in a different language from the rest?".
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import repeat

_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

_STOPWORDS = {
    "en": "the of and to a in is that for it was on with as are by at be this have from or an "
    "they which you were has had not but their his her its been would will there we he she "
    "who what when can more about also said than into after i my our your these those",
    "de": "der die das und ist nicht ein eine einen dem den des mit sich auf für von zu im "
    "auch es werden wird wurde sind bei nach wie aus noch nur über oder aber wenn kann "
    "ich wir sie uns zum zur vom dass einer eines",
    "fr": "le la les et des est une un du que pour dans qui pas sur au avec ce il elle sont "
    "par plus ne se ou mais nous vous leur aux été cette être fait son ses",
    "es": "el la los las y de que en un una es por con para del se no al lo como más pero "
    "sus su le ha este esta son fue muy sin sobre también entre cuando",
    "it": "il di che e la per un una non sono del della gli le è con si da al dei anche "
    "nel alla come questo più ma ha delle nella sul",
    "nl": "de het een en van is dat op te in niet zijn voor met die er aan ook als bij "
    "maar om dan wordt werd nog naar uit wel hij zij",
    "pt": "o a os as e de que do da em um uma para com não por se na no mais dos das ao "
    "como mas foi são pelo pela também seu sua",
}

_SCRIPTS: tuple[tuple[str, str], ...] = (
    ("\u4e00-\u9fff\u3400-\u4dbf", "zh"),
    ("\u3040-\u30ff", "ja"),
    ("\uac00-\ud7af\u1100-\u11ff", "ko"),
    ("\u0400-\u04ff", "ru"),
    ("\u0600-\u06ff\u0750-\u077f", "ar"),
    ("\u0590-\u05ff", "he"),
    ("\u0370-\u03ff", "el"),
    ("\u0900-\u097f", "hi"),
    ("\u0980-\u09ff", "bn"),
    ("\u0e00-\u0e7f", "th"),
)
_SCRIPT_RES = tuple((re.compile(f"[{chars}]"), code) for chars, code in _SCRIPTS)
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LETTER_RE = re.compile(r"[^\W\d_]")
# a character that may be a letter outside _LATIN_RE (plain code-point ranges, which the regex
# engine checks faster than letter classes): without one, a line cannot be mostly non-Latin
_MAYBE_NON_LATIN_RE = re.compile(
    "[^\x00-\u00a9\u00ab-\u00b4\u00b6-\u00b9\u00bb-\u024f\u2000-\u206f\u20a0-\u20cf]"
)
_FIELD_BITS = 21  # per-language hit counters packed into one int (a unit has < 2**21 words)
_FIELD_MASK = (1 << _FIELD_BITS) - 1


@lru_cache(maxsize=1)
def stopword_table() -> dict[str, frozenset[str]]:
    """Function words per Latin-script language (lower case)."""
    return {lang: frozenset(words.split()) for lang, words in _STOPWORDS.items()}


@lru_cache(maxsize=1)
def _stopword_index() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for lang, stops in stopword_table().items():
        for w in stops:
            index.setdefault(w, []).append(lang)
    return {w: tuple(langs) for w, langs in index.items()}


@lru_cache(maxsize=1)
def all_stopwords() -> frozenset[str]:
    """The union of every language's function words (for the language-neutral prose test)."""
    out: set[str] = set()
    for s in stopword_table().values():
        out |= s
    return frozenset(out)


def may_have_non_latin(text: str) -> bool:
    """False when no character of ``text`` can be a non-Latin letter (then no line of it has
    a :func:`script_language`): one scan of a whole document instead of one per line."""
    return not text.isascii() and _MAYBE_NON_LATIN_RE.search(text) is not None


def script_language(text: str) -> str | None:
    """The language implied by a non-Latin script covering most letters, else ``None``."""
    sample = text[:2000]
    if sample.isascii() or _MAYBE_NON_LATIN_RE.search(sample) is None:
        return None
    letters = len(_LETTER_RE.findall(sample))
    if not letters:
        return None
    latin = len(_LATIN_RE.findall(sample))
    if latin * 2 >= letters:
        return None
    best, best_n = "und", 0
    for rx, code in _SCRIPT_RES:
        n = len(rx.findall(sample))
        if n > best_n:
            best, best_n = code, n
    if best == "zh" and any(rx.search(sample) for rx, c in _SCRIPT_RES if c == "ja"):
        best = "ja"
    return best


@lru_cache(maxsize=1)
def _packed_index() -> tuple[dict[str, int], tuple[str, ...]]:
    """Each function word as one int: a 1 in the field of every language it belongs to and in
    a last field counting function words of any language, so that summing the ints of a
    line's words counts the hits of all seven languages in one C-level pass."""
    langs = tuple(stopword_table())
    packed: dict[str, int] = {}
    for w, ws_langs in _stopword_index().items():
        v = 1 << (_FIELD_BITS * len(langs))
        for lang in ws_langs:
            v |= 1 << (_FIELD_BITS * langs.index(lang))
        packed[w] = v
    return packed, langs


def stop_profile(lower_words: list[str]) -> tuple[int, str | None]:
    """(number of function words of any language, :func:`word_language`) of lower-cased words
    in one pass."""
    packed, langs = _packed_index()
    total = sum(map(packed.get, lower_words, repeat(0)))
    if not total:
        return 0, None
    n_stop = total >> (_FIELD_BITS * len(langs))
    best, best_n, runner = None, 0, 0
    for i, lang in enumerate(langs):
        n = (total >> (_FIELD_BITS * i)) & _FIELD_MASK
        if n > best_n:
            best, best_n, runner = lang, n, best_n
        elif n > runner:
            runner = n
    if best_n >= 2 and best_n > runner * 1.5:
        return n_stop, best
    return n_stop, None


def word_language(words: list[str]) -> str | None:
    """The Latin-script language whose function words are most frequent in ``words``: it wins
    with at least two hits and more than 1.5 times the runner-up's, else ``None``."""
    return stop_profile([w.lower() for w in words])[1]


# quoted words ("Ich wurde ausgeraubt", «…», „…“) are mentioned, not used: a sentence about a
# German phrase is still English
_QUOTED_RE = re.compile(
    r'"[^"]{1,200}"|“[^”]{1,200}”|„[^“”]{1,200}[“”]|«[^»]{1,200}»|»[^«]{1,200}«'
)
# neither an initial (``Bor J``, ``Hari Y``), ``et al.``, an address (``https://…``,
# ``ann@example.org``), an identifier of code (``axis.text.y``, ``element_text``) nor a letter
# glued to a hyphen (``y-axis``, ``e-mail``, ``x-ray``: ``y``, ``e`` are Spanish and Italian
# function words) holds a function word of any language
_NOT_WORDS_RE = re.compile(
    r"\b(?:[B-HJ-Z]\b\.?|et al\b)|https?://\S*|www\.\S*|\S+@\S+|\w+(?:[._]\w+)+"
    r"|(?<![\w-])[^\W\d_]-\w+"
)
# a quotation with its author at the end, in brackets (``… created it (Ann Berg)``) or after
# an em dash (``… created it. — Ann Berg``): a motto or an epigraph, mentioned like a quoted
# passage, so it says nothing about the language the page is written in
_ATTRIBUTED_RE = re.compile(
    r"(?:\s\(|[.!?\"”’]\s*[—―]\s*)"  # "(" after a space, or an em dash after a sentence end
    r"(?:[A-ZÀ-ÖØ-Þ][\w’'.-]*\s+){1,3}[A-ZÀ-ÖØ-Þ][\w’'-]+\)?\s*$"
)
ATTRIBUTED_MIN_WORDS = 6  # words of the quotation before its author
# frequent English words outside the function-word list; a question such as "How do pickles
# enjoy a day out?" has more Portuguese function words (``do``, ``a``) than English ones
_ENGLISH_EXTRA = frozenset(
    {"do", "does", "did", "how", "why", "so", "if", "up", "out", "all", "just", "one", "some"}
    | {"no", "not", "me", "him", "them", "us", "get", "got", "any", "then", "only", "very"}
)


TITLE_MIN_CONTENT, TITLE_MAX_CONTENT = 3, 8  # content words of a line that can be a title


def _title_cased(words: list[str]) -> bool:
    """True for a name or a title in title case: TITLE_MIN_CONTENT to TITLE_MAX_CONTENT words
    that are no function word of any language, every one of them capitalised except perhaps
    the line's first word (``feat.: Atmospheres of Light in Architecture``, ``La Table du
    Marché``). It names a work, a place or a show; it is not a sentence in the language of its
    function words. A German sentence capitalises its nouns, but not its verbs and adjectives.
    """
    stops = all_stopwords()
    content = [w for w in words[1:] if w.lower() not in stops]
    n = len(content) + (bool(words) and words[0].lower() not in stops)
    if not TITLE_MIN_CONTENT <= n <= TITLE_MAX_CONTENT:
        return False
    return all(w[0].isupper() for w in content)


HEADLINE_CASE_WORDS = 3  # words that are no function word, for headline_case
HEADLINE_CASE_SHARE = 0.8  # ... more than this share of them capitalised


def headline_case(words: list[str]) -> bool:
    """True for words in a headline's title case (``Colder Temperatures Forecast for Wed.``):
    HEADLINE_CASE_WORDS or more that are no function word of any language, more than
    HEADLINE_CASE_SHARE of them capitalised. Looser than :func:`_title_cased` (a name or a
    work, every word capitalised): the title picker's bonus, and what tells a headline from
    the sentence of a standfirst."""
    stops = all_stopwords()
    content = [w for w in words if w.lower() not in stops]
    return len(content) >= HEADLINE_CASE_WORDS and sum(
        w[0].isupper() for w in content
    ) > HEADLINE_CASE_SHARE * len(content)


FOREIGN_MIN_HITS = 2  # function words of the line's language that the page's language lacks


def line_language(text: str, doc_lang: str | None = None) -> str | None:
    """The language of one Latin-script line for the foreign-line test: like
    :func:`word_language`, but without quoted passages (mentioned, not used), capital
    initials, ``et al.``, addresses, code identifiers and letters glued to a hyphen (``E``,
    ``Y``, ``al`` are Italian and Spanish function words in lower case); ``None`` for a
    quotation with its author at the end (``… (Ann Berg)``: mentioned as a whole, like a quoted
    passage), and for a title in title case (:func:`_title_cased`). Given the page's language
    ``doc_lang``, a different language needs at least FOREIGN_MIN_HITS function words that
    ``doc_lang`` does not share (``in`` is English, Dutch and Italian: ``the quay in use`` on
    a Dutch page has one English word Dutch lacks, ``the``, and is ``None``); and a language
    other than English never wins without more hits than English counted with a few more
    frequent English words (:data:`_ENGLISH_EXTRA`).
    """
    m = _ATTRIBUTED_RE.search(text)
    if m and len(_WORD_RE.findall(text[: m.start()])) >= ATTRIBUTED_MIN_WORDS:
        return None
    cased = _WORD_RE.findall(_NOT_WORDS_RE.sub(" ", _QUOTED_RE.sub(" ", text)))
    if _title_cased(cased):
        return None
    words = [w.lower() for w in cased]
    lang = word_language(words)
    if lang is None or lang == doc_lang:
        return lang
    stops = stopword_table()
    if doc_lang in stops:
        # a word that is a function word of the page's language too (``in`` of English,
        # Dutch and Italian) is no evidence that the line is in another language
        own = stops[doc_lang]
        if sum(w in stops[lang] and w not in own for w in words) < FOREIGN_MIN_HITS:
            return None
    if lang == "en":
        return lang
    n_lang = sum(w in stops[lang] for w in words)
    n_en = sum(w in stops["en"] or w in _ENGLISH_EXTRA for w in words)
    return None if n_en >= n_lang else lang


def detect(text: str) -> str | None:
    """Language code of ``text`` (script first, then function words); ``None`` if unsure."""
    lang = script_language(text)
    if lang is not None:
        return lang
    return word_language(_WORD_RE.findall(text[:20000]))
