"""The learned level: a grade (US school grade scale) and a CEFR level (A1–C2) for a text, and
a CEFR level for each sentence.

Two small linear models, trained by ``scripts/train_level.py`` and shipped as
``data/level_model.json`` (loaded once, on first use; inference is pure Python):

* the **document model** scores a text from rate and share features of its profile
  (sentence length and its spread, word length by token and by type, the vocabulary
  profile's CEFR and frequency-band shares by token and by type, sampled hard words,
  suffixes). It is the blend of a model trained on OneStopEnglish (elementary < intermediate
  < advanced rewrites of the same news articles; each text whole and as 250- and 100-word
  excerpts) and one trained on CEFR-SP Wikipedia sentences grouped by level into
  pseudo-documents, folded into one linear model. Its score is put on two linear scales: the
  **grade** scale, equated (mean and standard deviation) to the Flesch–Kincaid grades of the
  training documents of both sources, and the **CEFR** scale, a line through the course
  levels of the OneStopEnglish texts and the annotated levels of the pseudo-documents.
* the **sentence model** scores one sentence from its own features, trained on CEFR-SP sentence
  labels (A1 = 1 … C2 = 6) and equated to the labels' mean and standard deviation.

A score ``s`` on the CEFR scale is reported as the level whose number is nearest
(``A1`` for s < 1.5, ``A2`` for 1.5 ≤ s < 2.5, … ``C2`` for s ≥ 5.5). Features, figures and
limitations are in ``docs/level.md``.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from factbox import _engine
from factbox.counts import Counts
from factbox.errors import ConfigError
from factbox.sentences import sentences as _sentences
from factbox.syllables import syllables as _syllables
from factbox.tokens import fold, words
from factbox.vocabulary import LEVELS, VocabularyProfile, lookup
from factbox.vocabulary import compute as _vocabulary

MODEL_FORMAT = "factbox-level-model"
MODEL_VERSION = 1
SAMPLE_TOKENS = 200  # tokens in the random sample behind the sampled hard-word features


class LevelModelError(ConfigError):
    """The shipped level model is missing or not in the expected format."""


@dataclass(frozen=True, slots=True)
class Estimate:
    """A learned level: ``grade`` (US grade scale), ``cefr`` (A1–C2) and ``score`` (the
    continuous CEFR-scale value behind ``cefr``, A1 = 1 … C2 = 6)."""

    grade: float
    cefr: str
    score: float


@dataclass(frozen=True, slots=True)
class SentenceLevel:
    """One sentence, its estimated CEFR level and the score behind it (A1 = 1 … C2 = 6)."""

    text: str
    cefr: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "cefr": self.cefr, "score": self.score}


def cefr_of(score: float) -> str:
    """The CEFR level nearest a CEFR-scale score (A1 = 1 … C2 = 6), clamped to A1…C2.

    >>> cefr_of(3.49), cefr_of(3.5), cefr_of(-2.0), cefr_of(9.0)
    ('B1', 'B2', 'A1', 'C2')
    """
    i = math.floor(score + 0.5) - 1
    return LEVELS[min(max(i, 0), len(LEVELS) - 1)]


# ---------------------------------------------------------------------------------------------
# Features


def _vocab_features(v: VocabularyProfile, n_all: int) -> dict[str, float]:
    ct = v.cefr_tokens
    bt = v.band_tokens
    ty = v.cefr_types
    if v.tokens == 0:
        shares = dict.fromkeys(("a2", "b1", "b2", "c1c2", "unlisted", "k1", "k2_5", "rare"), 0.0)
        above_types = 0.0
        mean_level = 1.0
    else:
        shares = {
            "a2": ct["A2"] or 0.0,
            "b1": ct["B1"] or 0.0,
            "b2": ct["B2"] or 0.0,
            "c1c2": (ct["C1"] or 0.0) + (ct["C2"] or 0.0),
            "unlisted": ct["unlisted"] or 0.0,
            "k1": bt["K1"] or 0.0,
            "k2_5": sum(bt[k] or 0.0 for k in ("K2", "K3", "K4", "K5")),
            "rare": (bt["K6-10"] or 0.0) + (bt["off"] or 0.0),
        }
        above_types = sum(ty[k] or 0.0 for k in ("B2", "C1", "C2"))
        mean_level = v.mean_level if v.mean_level is not None else 1.0
    out = {f"share_{k}": x for k, x in shares.items()}
    out["types_b2_plus"] = above_types
    if v.tokens == 0:
        out.update(dict.fromkeys(("types_b1", "types_c1c2", "types_unlisted", "types_rare"), 0.0))
    else:
        bty = v.band_types
        out["types_b1"] = ty["B1"] or 0.0
        out["types_c1c2"] = (ty["C1"] or 0.0) + (ty["C2"] or 0.0)
        out["types_unlisted"] = ty["unlisted"] or 0.0
        out["types_rare"] = (bty["K6-10"] or 0.0) + (bty["off"] or 0.0)
    out["hard_types_200"] = v.hard_types_200 if v.hard_types_200 is not None else 0.0
    out["mean_word_level"] = mean_level
    out["mean_log_rank"] = v.mean_log_rank if v.mean_log_rank is not None else 0.0
    out["sd_log_rank"] = v.sd_log_rank if v.sd_log_rank is not None else 0.0
    out["proper_share"] = v.proper_nouns / n_all if n_all else 0.0
    out["number_share"] = v.numbers / n_all if n_all else 0.0
    return out


_NOMINAL_SUFFIXES = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ism", "tions",
                     "sions", "ments", "ities", "ances", "ences", "isms")
# suffix class of a word of 6+ letters: 1 nominalisation, 2 -ly, 3 -ing, 4 -ed, 0 none
_SUFFIX_CLASSES = ((_NOMINAL_SUFFIXES, 1), (("ly",), 2), (("ing",), 3), (("ed",), 4))


_SHAPES: dict[str, tuple[int, int, int, int]] = {}
_SHAPES_LIMIT = 1_000_000  # distinct types remembered before the cache starts afresh


def type_shape(word: str) -> tuple[int, int, int, int]:
    """(letters, default syllable count, suffix class, 1 if 10+ letters) of a case-folded
    type: what the type-based features count. Not cached (see :func:`_word_shape`);
    ``factbox.profile`` keeps these in its per-type table."""
    n = sum(1 for ch in word if ch.isalpha())
    cls = 0
    if n >= 6:
        for ends, c in _SUFFIX_CLASSES:
            if word.endswith(ends):
                cls = c
                break
    return (n, _syllables(word), cls, int(n >= 10))


def _word_shape(word: str) -> tuple[int, int, int, int]:
    """:func:`type_shape`, cached per type."""
    shape = type_shape(word)
    if len(_SHAPES) >= _SHAPES_LIMIT:
        _SHAPES.clear()
    _SHAPES[word] = shape
    return shape


@dataclass(frozen=True, slots=True)
class TypeSums:
    """Sums over the types of a text that the type-based features need (``factbox.profile``
    takes them from its per-type table in one pass; :func:`type_sums` is the reference).

    letters10:  tokens of 10+ letters
    letters:    letters, summed over the types (not the tokens)
    syllables:  default (CMU dictionary) syllables, summed over the types
    by_class:   tokens in each suffix class (0 none, 1 nominal, 2 -ly, 3 -ing, 4 -ed)
    default:    (syllables, monosyllables, polysyllables) of the tokens by the default count
    """

    letters10: int
    letters: int
    syllables: int
    by_class: tuple[int, int, int, int, int]
    default: tuple[int, int, int]


def type_sums(freqs: Mapping[str, int]) -> TypeSums:
    """:class:`TypeSums` from the case-folded type counts, one Python pass over the types."""
    letters10 = type_letters = type_syl = syl = mono = poly = 0
    by_class = [0, 0, 0, 0, 0]
    get = _SHAPES.get
    for t, f in freqs.items():
        nl, sy, cls, ten = get(t) or _word_shape(t)
        type_letters += nl
        type_syl += sy
        by_class[cls] += f
        letters10 += ten * f
        syl += sy * f
        if sy == 1:
            mono += f
        elif sy >= 3:
            poly += f
    return TypeSums(letters10, type_letters, type_syl, tuple(by_class), (syl, mono, poly))  # type: ignore[arg-type]


def _type_features(
    freqs: Mapping[str, int], n: int, sums: TypeSums | None = None
) -> dict[str, float]:
    """Features from the case-folded type counts (one pass over the types): the share of
    tokens of 10+ letters, mean letters and syllables per *type*, and the token shares of
    long words (6+ letters) ending in a nominalising suffix (-tion, -ment, -ness, -ity …),
    in -ly, in -ing and in -ed. Syllables are always the default (CMU dictionary) count.
    Also ``sampled_types``, the expected number of distinct types in a random sample of
    SAMPLE_TOKENS tokens (drawn with replacement), the denominator of the sampled hard-word
    shares. ``sums`` are the type sums when the caller has them (else computed here)."""
    if sums is None:
        sums = type_sums(freqs)
    by_class = sums.by_class
    # types with the same frequency have the same chance of being drawn: one pow per frequency
    n_freqs = sum(freqs.values())
    c = _engine.speedups  # compiled: the same counts in the same order (the sum's order)
    spectrum = c.spectrum(freqs, True) if c is not None and type(freqs) is dict else None
    if spectrum is None:
        spectrum = Counter(freqs.values())
    seen = sum([k * (1.0 - (1.0 - f / n_freqs) ** SAMPLE_TOKENS) for f, k in spectrum.items()])
    inv = 1.0 / n
    n_types = max(len(freqs), 1)
    return {
        "letters10_share": sums.letters10 * inv,
        "type_letters": sums.letters / n_types,
        "type_syllables": sums.syllables / n_types,
        "nominal_share": by_class[1] * inv,
        "ly_share": by_class[2] * inv,
        "ing_share": by_class[3] * inv,
        "ed_share": by_class[4] * inv,
        "sampled_types": seen,
    }


def _quantile(sorted_xs: Sequence[int], q: float) -> float:
    """Linear-interpolation quantile of a sorted, non-empty sequence."""
    pos = q * (len(sorted_xs) - 1)
    lo = math.floor(pos)
    hi = min(lo + 1, len(sorted_xs) - 1)
    return sorted_xs[lo] + (sorted_xs[hi] - sorted_xs[lo]) * (pos - lo)


def document_features(
    counts: Counts,
    vocabulary: VocabularyProfile,
    sentence_lengths: Sequence[int],
    commas: int,
    freqs: Mapping[str, int] | None = None,
    *,
    sums: TypeSums | None = None,
) -> dict[str, float]:
    """The document model's features (all defined for any text with a word; definitions in
    docs/level.md). The case-folded type counts ``freqs`` add the type-based features
    (``letters10_share``, ``type_letters``, ``type_syllables`` and the suffix shares); without
    them those are left out, and the model then scores them as average. The sampled hard-word
    shares (``sample_c1c2_share``, ``sample_rare_share``) also need ``freqs``: the expected
    number of distinct C1/C2 (or rare unlisted) headwords in a random 200-token sample over
    the expected number of distinct types in it. ``sums`` are the type sums of ``freqs`` when
    the caller has them (:func:`type_sums`; computed here otherwise)."""
    n = max(counts.tokens, 1)
    s = max(counts.sentences, 1)
    asl = counts.tokens / s
    lengths = sorted(sentence_lengths) or [0]
    sd = math.sqrt(sum([(x - asl) ** 2 for x in lengths]) / len(lengths))
    out = {
        "words_per_sentence": asl,
        "log_words_per_sentence": math.log1p(asl),
        "sentence_length_sd": sd,
        "sentence_p90": _quantile(lengths, 0.9),
        "long_sentences": len([x for x in lengths if x > 25]) / len(lengths),
        "commas_per_sentence": commas / s,
        "syllables_per_word": counts.syllables / n,
        "letters_per_word": counts.letters / n,
        "polysyllable_share": counts.polysyllables / n,
        "long_word_share": counts.long_words / n,
        "monosyllable_share": counts.monosyllables / n,
    }
    out.update(_vocab_features(vocabulary, counts.tokens))
    out.update(_hard_word_features(vocabulary))
    if freqs:
        out.update(_type_features(freqs, n, sums))
        seen = out.pop("sampled_types")
        out["sample_c1c2_share"] = out["sample_c1c2"] * SAMPLE_TOKENS / seen
        out["sample_rare_share"] = out["sample_rare"] * SAMPLE_TOKENS / seen
    return out


def _hard_word_features(v: VocabularyProfile) -> dict[str, float]:
    """Length-robust rates of hard headwords: the expected number of distinct C1/C2 headwords
    and of rare unlisted headwords (``hard_words``) in a random 200-token sample, divided by
    200 (the same sampling as ``hard_types_200``). Needs a profile whose ``hard_level`` is B2
    or lower (``factbox.profile`` uses B2), so that every C1/C2 word is in ``hard_words``."""
    n = v.tokens
    if n == 0:
        return {"sample_c1c2": 0.0, "sample_rare": 0.0}
    k = SAMPLE_TOKENS
    c1c2 = rare = 0.0
    for h in v.hard_words:
        if h.level == "unlisted":
            rare += 1.0 - (1.0 - h.count / n) ** k
        elif h.level in ("C1", "C2"):
            c1c2 += 1.0 - (1.0 - h.count / n) ** k
    return {"sample_c1c2": c1c2 / k, "sample_rare": rare / k}


def sentence_features(sentence: str) -> dict[str, float]:
    """The sentence model's features for one sentence. ``max_log_rank`` is the largest ln
    wordfreq rank among its words, skipping numbers and capitalised words after the first
    (names)."""
    toks = words(sentence)
    n = len(toks)
    if n == 0:
        return {}
    syl = [_syllables(t) for t in toks]
    let = [sum(1 for ch in t if ch.isalpha()) for t in toks]
    vocab = _vocabulary(Counter(fold(t) for t in toks), set(toks))
    levels = [i + 1 for i, lv in enumerate(LEVELS) if (vocab.cefr_types[lv] or 0.0) > 0]
    out = {
        "words": float(n),
        "log_words": math.log1p(n),
        "syllables_per_word": sum(syl) / n,
        "letters_per_word": sum(let) / n,
        "polysyllable_share": sum(1 for x in syl if x >= 3) / n,
        "long_word_share": sum(1 for x in let if x > 6) / n,
        "max_word_level": float(max(levels, default=1)),
        "max_log_rank": max(
            (
                math.log(lookup(t).rank)
                for i, t in enumerate(toks)
                if not (i and t[0].isupper()) and not any(ch.isdigit() for ch in t)
            ),
            default=0.0,
        ),
        "punctuation": float(sum(sentence.count(ch) for ch in ",;:()")),
    }
    out.update(_vocab_features(vocab, n))
    return out


# ---------------------------------------------------------------------------------------------
# Model


@dataclass(frozen=True, slots=True)
class _Linear:
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float

    def score(self, x: dict[str, float]) -> float:
        z = self.intercept
        get = x.get
        for name, m, sc, c in zip(self.features, self.mean, self.scale, self.coef, strict=True):
            z += c * (get(name, m) - m) / sc
        return z


@dataclass(frozen=True, slots=True)
class _Model:
    document: _Linear
    sentence: _Linear
    grade: tuple[float, float]  # grade = a + b·z
    cefr: tuple[float, float]  # CEFR-scale score = a + b·z
    sentence_cefr: tuple[float, float]  # sentence CEFR-scale score = a + b·z


def _linear(d: dict[str, Any]) -> _Linear:
    return _Linear(
        features=tuple(d["features"]),
        mean=tuple(float(x) for x in d["mean"]),
        scale=tuple(float(x) for x in d["scale"]),
        coef=tuple(float(x) for x in d["coef"]),
        intercept=float(d["intercept"]),
    )


def parse_model(data: dict[str, Any]) -> _Model:
    """Check and convert the JSON form of the model (see ``scripts/train_level.py``)."""
    if data.get("format") != MODEL_FORMAT or data.get("version") != MODEL_VERSION:
        raise LevelModelError(
            f"the level model is not {MODEL_FORMAT} version {MODEL_VERSION}; "
            "retrain it with scripts/train_level.py"
        )
    try:
        return _Model(
            document=_linear(data["document"]),
            sentence=_linear(data["sentence"]),
            grade=(float(data["calibration"]["grade"][0]), float(data["calibration"]["grade"][1])),
            cefr=(float(data["calibration"]["cefr"][0]), float(data["calibration"]["cefr"][1])),
            sentence_cefr=(
                float(data["calibration"]["sentence_cefr"][0]),
                float(data["calibration"]["sentence_cefr"][1]),
            ),
        )
    except (KeyError, TypeError, ValueError, IndexError) as err:
        raise LevelModelError(
            f"the level model is incomplete ({err!r}); retrain it with scripts/train_level.py"
        ) from err


@lru_cache(maxsize=1)
def model() -> _Model:
    """The shipped model, loaded on first use."""
    try:
        text = (resources.files("factbox") / "data" / "level_model.json").read_text("utf-8")
    except OSError as err:  # pragma: no cover - a broken installation
        raise LevelModelError(f"cannot read the shipped level model ({err}); reinstall") from err
    return parse_model(json.loads(text))


def _with_default_syllables(counts: Counts, sums: TypeSums) -> Counts:
    """``counts`` with syllables, monosyllables and polysyllables recounted by the default
    (CMU dictionary) method the model was trained with."""
    syl, mono, poly = sums.default
    return replace(counts, syllables=syl, monosyllables=mono, polysyllables=poly)


def estimate(
    counts: Counts,
    vocabulary: VocabularyProfile,
    sentence_lengths: Sequence[int],
    commas: int,
    *,
    syllable_method: str = "cmudict",
    freqs: Mapping[str, int] | None = None,
    sums: TypeSums | None = None,
) -> Estimate | None:
    """The learned level of a profiled text, or ``None`` for a text without words.

    ``sentence_lengths`` are the tokens of each sentence; ``commas`` the commas in the text;
    ``freqs`` the case-folded type counts (``factbox.profile`` always passes them; without them
    the type-based features count as average). The model was trained on CMU-dictionary
    syllable counts: when the profile counted syllables another way, pass ``syllable_method``
    and ``freqs`` and the syllable features are recounted the default way, so the estimate
    does not depend on the option. ``sums`` are the type sums of ``freqs``
    (:func:`type_sums`) when the caller has them.
    """
    if counts.tokens == 0 or counts.sentences == 0:
        return None
    if freqs and sums is None:
        sums = type_sums(freqs)
    if syllable_method != "cmudict" and freqs is not None and sums is not None:
        counts = _with_default_syllables(counts, sums)
    m = model()
    x = document_features(counts, vocabulary, sentence_lengths, commas, freqs, sums=sums)
    z = m.document.score(x)
    score = m.cefr[0] + m.cefr[1] * z
    return Estimate(grade=m.grade[0] + m.grade[1] * z, cefr=cefr_of(score), score=score)


def sentence_score(sentence: str) -> float | None:
    """The CEFR-scale score (A1 = 1 … C2 = 6) of one sentence; ``None`` if it has no word."""
    x = sentence_features(sentence)
    if not x:
        return None
    m = model()
    return m.sentence_cefr[0] + m.sentence_cefr[1] * m.sentence.score(x)


def sentence_levels(text: str) -> list[SentenceLevel]:
    """Each sentence of ``text`` (those with a word), in order, with its estimated CEFR level.

    Sort by ``score`` to find the hardest sentences.
    """
    out = []
    for sent in _sentences(text):
        score = sentence_score(sent)
        if score is not None:
            out.append(SentenceLevel(text=sent, cefr=cefr_of(score), score=score))
    return out


def format_estimate(grade: float | None, cefr: str | None) -> str:
    """The fact box line, e.g. ``Estimated level: B2 (grade 9.3)``.

    >>> format_estimate(9.26, "B2")
    'Estimated level: B2 (grade 9.3)'
    >>> format_estimate(None, None)
    'Estimated level: n/a'
    """
    if grade is None or cefr is None:
        return "Estimated level: n/a"
    return f"Estimated level: {cefr} (grade {grade:.1f})"


def format_sentence_levels(levels: Sequence[SentenceLevel], *, hardest: int | None = None) -> str:
    """One line per sentence, ``B2  3.71  text``, in text order; with ``hardest=n`` only the n
    highest-scoring sentences, hardest first (for ``factbox --sentences``).

    >>> print(format_sentence_levels([SentenceLevel("A cat sat.", "A2", 1.84)]))
    A2  1.84  A cat sat.
    """
    rows = list(levels)
    if hardest is not None:
        rows = sorted(rows, key=lambda s: -s.score)[:hardest]
    return "\n".join(f"{s.cefr}  {s.score:.2f}  {s.text}" for s in rows)
