"""Lexical diversity measures, each as published.

Every measure is a public function of either the counts (tokens N, types V, the frequency of
each type) or the case-folded token sequence; :func:`compute` runs them all for
:func:`factbox.profile`. Definitions, sources, defaults and every deliberate difference from
lexicalrichness, TAALED and koRpus are in ``docs/diversity.md``.

A measure that is undefined for a text returns ``None`` (never NaN or infinity);
:func:`compute` records why. Notation: N = tokens, V = types, f = frequency of a type,
V_m = number of types that occur exactly m times.
"""

from __future__ import annotations

import math
from array import array
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from factbox import _engine
from factbox.errors import ConfigError

__all__ = [
    "Diversity",
    "compute",
    "cttr",
    "hdd",
    "herdan_c",
    "maas_a2",
    "mattr",
    "msttr",
    "mtld",
    "rttr",
    "ttr",
    "yule_k",
]


@dataclass(frozen=True, slots=True)
class Diversity:
    """Lexical diversity of one text; ``None`` where a measure is undefined for it.

    ttr:      V / N (type–token ratio)
    rttr:     V / √N (Guiraud's root TTR)
    cttr:     V / √(2N) (Carroll's corrected TTR)
    herdan_c: log V / log N (Herdan's C, any log base)
    maas_a2:  (lg N − lg V) / (lg N)² with decimal logarithms (Maas 1972)
    msttr:    mean TTR of the complete segments of ``msttr_segment`` tokens (Johnson 1944)
    mattr:    mean TTR of every window of ``mattr_window`` tokens (Covington & McFall 2010)
    mtld:     mean of forward and backward MTLD (McCarthy & Jarvis 2010)
    hdd:      HD-D in TTR units: Σ over types of P(type drawn in ``hdd_draws`` draws) / draws
              (McCarthy & Jarvis 2007)
    yule_k:   10⁴ · (Σ m²·V_m − N) / N² (Yule 1944)
    """

    ttr: float | None
    rttr: float | None
    cttr: float | None
    herdan_c: float | None
    maas_a2: float | None
    msttr: float | None
    mattr: float | None
    mtld: float | None
    hdd: float | None
    yule_k: float | None

    def to_dict(self) -> dict[str, Any]:
        # every field is a scalar: a plain comprehension, not dataclasses.asdict's deep copy
        return {f: getattr(self, f) for f in self.__slots__}  # type: ignore[attr-defined]


# ---------------------------------------------------------------------------------------------
# Measures of the counts N and V


def ttr(tokens: int, types: int) -> float | None:
    """Type–token ratio V / N; ``None`` when N = 0."""
    return types / tokens if tokens > 0 else None


def rttr(tokens: int, types: int) -> float | None:
    """Guiraud's root TTR V / √N (Guiraud 1954); ``None`` when N = 0."""
    return types / math.sqrt(tokens) if tokens > 0 else None


def cttr(tokens: int, types: int) -> float | None:
    """Carroll's corrected TTR V / √(2N) (Carroll 1964); ``None`` when N = 0."""
    return types / math.sqrt(2 * tokens) if tokens > 0 else None


def herdan_c(tokens: int, types: int) -> float | None:
    """Herdan's C = log V / log N (Herdan 1960); ``None`` when N < 2 (log N = 0).

    A ratio of two logarithms, so the same in every log base.
    """
    if tokens < 2 or types < 1:
        return None
    return math.log(types) / math.log(tokens)


def maas_a2(tokens: int, types: int, *, base: float = 10.0) -> float | None:
    """Maas's a² = (log N − log V) / (log N)² (Maas 1972); ``None`` when N < 2.

    Maas wrote ``lg``, the decimal logarithm, and TAALED and koRpus (``log.base = 10``) use it,
    so ``base=10`` is the default. a² is *not* independent of the base: with logs to base b it
    equals the natural-log value times ln b, so lexicalrichness (natural log) reports values
    1/ln 10 ≈ 0.434 times ours; ``maas_a2(n, v, base=math.e)`` reproduces them.
    """
    if not base > 0 or base == 1:
        raise ConfigError(f"log base must be positive and not 1, not {base!r}")
    if tokens < 2 or types < 1:
        return None
    ln_n = math.log(tokens)
    return (ln_n - math.log(types)) / (ln_n * ln_n) * math.log(base)


# ---------------------------------------------------------------------------------------------
# Measures of the frequency distribution


def yule_k(freqs: Iterable[int]) -> float | None:
    """Yule's K = 10⁴ · (Σ m²·V_m − N) / N² (Yule 1944; Tweedie & Baayen 1998, eq. 16).

    ``freqs`` is the frequency of each type (e.g. ``Counter(tokens).values()``). Σ m²·V_m is
    the sum of the squared type frequencies, computed exactly in integers. ``None`` when N = 0.
    """
    return _yule_k(Counter(freqs))


def hdd(freqs: Iterable[int], *, draws: int = 42) -> float | None:
    """HD-D (McCarthy & Jarvis 2007) in TTR units, as TAALED and lexicalrichness report it.

    For each type of frequency f, the hypergeometric probability that it occurs at least once
    in d = ``draws`` tokens drawn without replacement from the N tokens of the text is
    1 − C(N−f, d) / C(N, d); HD-D is the sum over types divided by d (koRpus reports the sum
    itself, d times ours). ``None`` when N < d.
    """
    _check_positive("draws", draws)
    return _hdd(Counter(freqs), draws)


def _spectrum_tokens(spectrum: Counter[int]) -> int:
    return sum(m * vm for m, vm in spectrum.items())


def _yule_k(spectrum: Counter[int]) -> float | None:
    """Yule's K from the frequency spectrum (m → V_m), exactly in integers up to the division."""
    n = s2 = 0
    for m, vm in spectrum.items():
        n += m * vm
        s2 += m * m * vm
    if n == 0:
        return None
    return 1e4 * (s2 - n) / (n * n)


def _hdd(spectrum: Counter[int], draws: int) -> float | None:
    """HD-D from the frequency spectrum (m → V_m): work per distinct frequency, not per type.

    P₀(f) = C(N−f, d) / C(N, d), the probability that a type of frequency f is not drawn, is
    built up one factor at a time: P₀(f) = P₀(f−1) · (N−f+1−d) / (N−f+1), and is 0 once
    N − f < d. So the whole measure costs O(largest frequency) multiplications.
    """
    n = _spectrum_tokens(spectrum)
    if n < draws or n == 0:
        return None
    total = 0.0
    p0 = 1.0  # P₀(0)
    f_done = 0
    for f in sorted(spectrum):
        while f_done < f and p0 > 0.0:
            rest = n - f_done  # tokens that are not (yet) this type
            p0 = p0 * (rest - draws) / rest if rest > draws else 0.0
            f_done += 1
        total += spectrum[f] * (1.0 - p0)
    return min(1.0, total / draws)  # min: a 1-ulp overshoot when every type is a hapax


# ---------------------------------------------------------------------------------------------
# Measures of the token sequence
#
# The public functions accept any sequence of hashable tokens. Internally each token is replaced
# by a small integer (its type's index), and the three sequence measures are computed from the
# *repeats*: the pairs (p, i) of consecutive occurrences of one type (token i is the next
# occurrence of token p's type), found with one stable numpy sort. MSTTR and MATTR are then
# counting problems solved with array arithmetic, exactly in integers; MTLD needs one Python
# loop over the repeats only. ``tests/test_diversity.py`` checks all three against direct
# implementations of the definitions.


def msttr(tokens: Sequence[Hashable], *, segment: int = 100) -> float | None:
    """Mean segmental TTR (Johnson 1944): the mean TTR of the successive complete segments of
    ``segment`` tokens. An incomplete last segment is left out, as TAALED and koRpus do: its TTR
    is not comparable (lexicalrichness drops the last segment even when it is complete).
    ``None`` when N < segment.
    """
    _check_positive("segment", segment)
    ids, _ = _type_ids(tokens)
    return _msttr(_Repeats(ids), segment)


def mattr(tokens: Sequence[Hashable], *, window: int = 50) -> float | None:
    """Moving-average TTR (Covington & McFall 2010): the mean TTR of all N − W + 1 windows of
    W = ``window`` consecutive tokens. ``None`` when N < W (TAALED returns the whole-text TTR
    there, lexicalrichness raises an error).
    """
    _check_positive("window", window)
    ids, _ = _type_ids(tokens)
    return _mattr(_Repeats(ids), window)


def mtld(tokens: Sequence[Hashable], *, threshold: float = 0.72) -> float | None:
    """Measure of textual lexical diversity (McCarthy & Jarvis 2010).

    Forward pass: read tokens one by one, keeping the TTR of the current factor; when it
    reaches the threshold (TTR ≤ 0.72) one full factor is counted and a new factor starts.
    The unfinished factor at the end counts as the partial factor (1 − TTR) / (1 − threshold).
    MTLD of the pass = N / factors. The result is the mean of a forward and a backward pass.
    This is lexicalrichness's algorithm; TAALED differs (see ``docs/diversity.md``).

    ``None`` when N = 0 or no word repeats (the TTR never drops below 1, so there is no
    factor at all and MTLD is unbounded; lexicalrichness returns N there).
    """
    _check_threshold(threshold)
    ids, _ = _type_ids(tokens)
    return _mtld(_Repeats(ids), threshold)


def _type_ids(tokens: Sequence[Hashable]) -> tuple[list[int], int]:
    """Each token replaced by the index of its type (first occurrence order), and V."""
    index = dict.fromkeys(tokens)
    index = dict(zip(index, range(len(index)), strict=True))
    return list(map(index.__getitem__, tokens)), len(index)


@lru_cache(maxsize=1)
def _numpy() -> Any:
    import numpy

    return numpy


class _Repeats:
    """The repeats of a token sequence: ``earlier[k]`` and ``later[k]`` are the positions of
    two consecutive occurrences of one type (numpy integer arrays, grouped by type)."""

    __slots__ = ("earlier", "later", "n")

    def __init__(self, ids: Sequence[int]) -> None:
        np = _numpy()
        a = np.array(ids, dtype=np.intp)
        order = a.argsort(kind="stable")  # positions grouped by type, in text order
        grouped = a[order]
        same = grouped[1:] == grouped[:-1]
        self.n = len(ids)
        self.earlier = order[:-1][same]
        self.later = order[1:][same]


def _msttr(rep: _Repeats, segment: int) -> float | None:
    k = rep.n // segment
    return None if k == 0 else _msttr_types(rep, segment) / (k * segment)


def _msttr_types(rep: _Repeats, segment: int) -> int:
    """Σ over complete segments of its types = k·S − (repeats inside one complete segment)."""
    k = rep.n // segment
    later = rep.later
    inside = (later < k * segment) & (rep.earlier // segment == later // segment)
    return k * segment - int(inside.sum())


def _mattr(rep: _Repeats, window: int) -> float | None:
    n = rep.n
    if n < window:
        return None
    cells = window * (n - window + 1)
    return _mattr_types(rep, window) / cells


def _mattr_types(rep: _Repeats, window: int) -> int:
    """Σ over windows of its types = W·(N − W + 1) − Σ over repeats (p, i) of the number of
    windows that hold both p and i (in those, token i is not a new type)."""
    n = rep.n
    np = _numpy()
    lo = np.maximum(rep.later - (window - 1), 0)  # first window start that holds i
    hi = np.minimum(rep.earlier, n - window)  # last window start that holds p
    both = hi - lo + 1
    return window * (n - window + 1) - int(both[both > 0].sum())


def _mtld(rep: _Repeats, threshold: float) -> float | None:
    n = rep.n
    if n == 0:
        return None
    forward, backward = _mtld_passes(rep, threshold)
    return _mtld_mean(n, forward, backward)


def _mtld_mean(n: int, forward: float, backward: float) -> float | None:
    if forward == 0.0:
        return None
    return (n / forward + n / backward) / 2


def _mtld_passes(rep: _Repeats, threshold: float) -> tuple[float, float]:
    """The factors (full + partial) of the forward and the backward MTLD pass."""
    n = rep.n
    # Forward: each repeat (i, p) in the order of i. Backward: positions counted from the end,
    # so the repeat (p, i) becomes (n − 1 − p, n − 1 − i), in the order of n − 1 − p.
    by_later = rep.later.argsort()
    forward = _mtld_factors(
        rep.later[by_later].tolist(), rep.earlier[by_later].tolist(), n, threshold
    )
    by_earlier = rep.earlier.argsort()[::-1]
    last = n - 1
    backward = _mtld_factors(
        (last - rep.earlier[by_earlier]).tolist(),
        (last - rep.later[by_earlier]).tolist(),
        n,
        threshold,
    )
    return forward, backward


def _sequence_measures_python(
    ids: Sequence[int], window: int, segment: int, threshold: float
) -> tuple[int | None, int | None, float | None, float | None]:
    """The sums behind MSTTR, MATTR and MTLD for type ids ``ids``: Σ of types over the
    complete segments (``None`` without one), Σ of types over the windows (``None`` when
    N < window), and the factors of the forward and backward MTLD passes (``None`` when N = 0).
    The reference for the compiled ``factbox._speedups.sequence_measures``."""
    rep = _Repeats(ids)
    n = rep.n
    return (
        None if n < segment else _msttr_types(rep, segment),
        None if n < window else _mattr_types(rep, window),
        *((None, None) if n == 0 else _mtld_passes(rep, threshold)),
    )


def _sequence_measures(
    ids: bytes | Sequence[int], n_types: int, window: int, segment: int, threshold: float
) -> tuple[float | None, float | None, float | None]:
    """MSTTR, MATTR and MTLD of the type ids ``ids`` (a list, or native 32-bit ints in bytes
    as ``factbox.tokens.scan`` gives them), by the compiled kernel when it is available."""
    c = _engine.speedups
    if c is not None:
        if not isinstance(ids, bytes):
            ids = array("i", ids).tobytes()
        n = len(ids) // 4
        seg, win, fwd, bwd = c.sequence_measures(ids, n_types, window, segment, threshold)
    else:
        if isinstance(ids, bytes):
            ids = memoryview(ids).cast("i").tolist()
        n = len(ids)
        seg, win, fwd, bwd = _sequence_measures_python(ids, window, segment, threshold)
    return (
        None if seg is None else seg / (n // segment * segment),
        None if win is None else win / (window * (n - window + 1)),
        None if fwd is None else _mtld_mean(n, fwd, bwd),  # type: ignore[arg-type]
    )


def _mtld_factors(at: list[int], prev: list[int], n: int, threshold: float) -> float:
    """Full factors plus the partial factor of one MTLD pass over ``n`` tokens.

    ``at`` are the positions of the tokens whose type occurred before, in increasing order,
    ``prev`` the position of that earlier occurrence. A token is a repeat in the current
    factor (which starts at ``start``) when its previous occurrence is in the factor; the TTR
    of a factor only falls at a repeat, so the threshold is tested there only, with the same
    float comparison lexicalrichness makes (types / count ≤ threshold).
    """
    factor = 0  # full factors so far
    start = reps = 0  # where the current factor starts; its repeats so far
    for i, p in zip(at, prev, strict=True):
        if p >= start:
            reps += 1
            count = i - start + 1
            if (count - reps) / count <= threshold:
                factor += 1
                start = i + 1
                reps = 0
    count = n - start
    if count:
        return factor + (1.0 - (count - reps) / count) / (1.0 - threshold)
    return float(factor)


def _check_threshold(threshold: float) -> None:
    if not 0.0 < threshold < 1.0:
        raise ConfigError(f"mtld threshold must be between 0 and 1, not {threshold!r}")


def _check_positive(name: str, value: int) -> None:
    if not isinstance(value, int) or value < 1:
        raise ConfigError(f"{name} must be a whole number ≥ 1, not {value!r}")


# ---------------------------------------------------------------------------------------------


def compute(
    types_in_order: list[str],
    freqs: Mapping[str, int],
    *,
    mattr_window: int = 50,
    msttr_segment: int = 100,
    mtld_threshold: float = 0.72,
    hdd_draws: int = 42,
) -> tuple[Diversity, dict[str, str]]:
    """Every measure for one text, and for each ``None`` measure the reason (name → reason).

    ``types_in_order`` are the case-folded tokens in text order, ``freqs`` their counts.
    """
    index = dict(zip(freqs, range(len(freqs)), strict=True))
    return compute_ids(
        list(map(index.__getitem__, types_in_order)),
        freqs,
        mattr_window=mattr_window,
        msttr_segment=msttr_segment,
        mtld_threshold=mtld_threshold,
        hdd_draws=hdd_draws,
    )


# the record without its generated __init__ (same objects, see factbox._engine.record)
_new_diversity = _engine.record(Diversity)


def compute_ids(
    ids: bytes | Sequence[int],
    freqs: Mapping[str, int],
    *,
    mattr_window: int = 50,
    msttr_segment: int = 100,
    mtld_threshold: float = 0.72,
    hdd_draws: int = 42,
) -> tuple[Diversity, dict[str, str]]:
    """:func:`compute` with each token already replaced by its type's id: ``ids[i]`` is the
    index of token i's type in ``freqs`` (0 … V − 1, any fixed numbering of the types); a list,
    or native 32-bit ints in a bytes object as :func:`factbox.tokens.scan` gives them."""
    n = len(ids) // 4 if isinstance(ids, bytes) else len(ids)
    v = len(freqs)
    if n == 0:
        fields = Diversity.__dataclass_fields__
        return Diversity(**dict.fromkeys(fields)), dict.fromkeys(fields, "no words")
    _check_positive("mattr_window", mattr_window)
    _check_positive("msttr_segment", msttr_segment)
    _check_threshold(mtld_threshold)
    _check_positive("hdd_draws", hdd_draws)
    c = _engine.speedups
    if c is not None and type(freqs) is dict:
        spectrum = c.spectrum(freqs)  # m → V_m, types that occur m times
        hdd_ = c.hdd(spectrum, hdd_draws)  # _hdd compiled (the same floats)
    else:
        spectrum = Counter(freqs.values())
        hdd_ = _hdd(spectrum, hdd_draws)
    msttr_, mattr_, mtld_ = _sequence_measures(
        ids, v, mattr_window, msttr_segment, mtld_threshold
    )
    div = _new_diversity(
        ttr=v / n,
        rttr=v / math.sqrt(n),
        cttr=v / math.sqrt(2 * n),
        herdan_c=herdan_c(n, v),
        maas_a2=maas_a2(n, v),
        msttr=msttr_,
        mattr=mattr_,
        mtld=mtld_,
        hdd=hdd_,
        yule_k=_yule_k(spectrum),
    )
    notes: dict[str, str] = {}
    if div.herdan_c is None:
        notes["herdan_c"] = "needs at least 2 tokens (log N = 0)"
    if div.maas_a2 is None:
        notes["maas_a2"] = "needs at least 2 tokens (log N = 0)"
    if div.msttr is None:
        notes["msttr"] = f"fewer tokens ({n}) than one MSTTR segment ({msttr_segment})"
    if div.mattr is None:
        notes["mattr"] = f"fewer tokens ({n}) than the MATTR window ({mattr_window})"
    if div.mtld is None:
        notes["mtld"] = "no word repeats, so the TTR never falls to the MTLD threshold"
    if div.hdd is None:
        notes["hdd"] = f"fewer tokens ({n}) than HD-D draws ({hdd_draws})"
    return div, notes
