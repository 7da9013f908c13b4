"""Corpus statistics as corpus linguists compute them: keyness, collocation, dispersion.

Every function is a pure function of frequencies. Notation follows Evert (2008) and the
UCREL/Lancaster conventions:

* keyness compares a word's frequency ``a`` in a target corpus of ``c`` tokens with its
  frequency ``b`` in a reference corpus of ``d`` tokens;
* collocation compares the co-occurrence frequency ``o11`` of a node and a collocate with
  their frequencies ``r1`` (node) and ``c1`` (collocate) in a corpus of ``n`` tokens.

Formulas, sources and worked examples are in ``docs/statistics.md``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

# --------------------------------------------------------------------------- helpers


def _xlogx_over(o: float, e: float) -> float:
    """``o · ln(o / e)``, with the limit 0 for ``o = 0``."""
    return 0.0 if o == 0 else o * math.log(o / e)


def per_million(freq: int, total: int) -> float:
    """Frequency per million tokens: ``freq / total · 10⁶`` (0 for an empty corpus)."""
    return 0.0 if total == 0 else freq * 1_000_000 / total


# --------------------------------------------------------------------------- keyness


def log_likelihood(a: int, b: int, c: int, d: int, *, terms: int = 4) -> float:
    """Log-likelihood keyness G² (Dunning 1993; Rayson & Garside 2000).

    ``terms=4`` (default) sums over all four cells of the 2×2 table, as AntConc 4, CQPweb and
    #LancsBox do: cells ``a``, ``b``, ``c − a``, ``d − b`` with expected values from the margins.
    ``terms=2`` sums only the two cells of the word, as UCREL's log-likelihood calculator does:
    ``2·(a·ln(a/E1) + b·ln(b/E2))`` with ``E1 = c(a+b)/(c+d)``, ``E2 = d(a+b)/(c+d)``.

    For a=23, b=551, c=263, d=8870: 4 terms → 2.5070, 2 terms → 2.3306.
    """
    _check_table(a, b, c, d)
    n = c + d
    if n == 0 or a + b == 0:
        return 0.0
    e1 = c * (a + b) / n
    e2 = d * (a + b) / n
    g2 = _xlogx_over(a, e1) + _xlogx_over(b, e2)
    if terms == 4:
        rest = n - a - b
        if rest > 0:
            g2 += _xlogx_over(c - a, c * rest / n) + _xlogx_over(d - b, d * rest / n)
    elif terms != 2:
        raise ValueError(f"terms must be 2 or 4, not {terms!r}")
    return 2.0 * g2


def log_ratio(a: int, b: int, c: int, d: int, *, zero: float = 0.5) -> float:
    """Log Ratio (Hardie 2014): ``log2((a/c) / (b/d))``.

    A zero frequency (in either corpus) is counted as ``zero`` (0.5, as Hardie proposes), so the
    value is always finite. Each unit is a doubling of relative frequency.
    """
    _check_table(a, b, c, d)
    if c == 0 or d == 0:
        raise ValueError("both corpora must have at least one token")
    return math.log2(((a or zero) / c) / ((b or zero) / d))


def percent_diff(a: int, b: int, c: int, d: int, *, zero: float = 1e-18) -> float:
    """%DIFF (Gabrielatos & Marchi 2012): ``(NF_t − NF_r) · 100 / NF_r``.

    NF are normalised frequencies (per million); a zero reference frequency is replaced by
    ``zero`` (1e-18, as the authors propose), which makes the value very large but finite.
    """
    _check_table(a, b, c, d)
    nf_t = per_million(a, c)
    nf_r = per_million(b, d) or zero
    return (nf_t - nf_r) * 100.0 / nf_r


def simple_maths(a: int, b: int, c: int, d: int, *, n: float = 1.0) -> float:
    """Simple maths (Kilgarriff 2009): ``(fpm_t + N) / (fpm_r + N)``, N = 1 by default.

    ``fpm`` is frequency per million; a larger N favours common words, a smaller one rare words.
    """
    _check_table(a, b, c, d)
    if n <= 0:
        raise ValueError(f"N must be positive, not {n!r}")
    return (per_million(a, c) + n) / (per_million(b, d) + n)


def _check_table(a: int, b: int, c: int, d: int) -> None:
    if min(a, b, c, d) < 0 or a > c or b > d:
        raise ValueError(
            f"need 0 ≤ a ≤ c and 0 ≤ b ≤ d (word and corpus frequencies), got {a}, {b}, {c}, {d}"
        )


# --------------------------------------------------------------------------- collocation


def expected(r1: int, c1: int, n: int) -> float:
    """Expected co-occurrence frequency ``E11 = R1 · C1 / N`` (Evert 2008)."""
    return r1 * c1 / n


def mutual_information(o11: int, r1: int, c1: int, n: int) -> float:
    """MI (Church & Hanks 1990): ``log2(O11 / E11)``."""
    return math.log2(o11 / expected(r1, c1, n))


def mi3(o11: int, r1: int, c1: int, n: int) -> float:
    """MI³ (Oakes 1998): ``log2(O11³ / E11)``."""
    return math.log2(o11**3 / expected(r1, c1, n))


def t_score(o11: int, r1: int, c1: int, n: int) -> float:
    """t-score (Church et al. 1991): ``(O11 − E11) / √O11``."""
    return (o11 - expected(r1, c1, n)) / math.sqrt(o11)


def collocation_log_likelihood(o11: int, r1: int, c1: int, n: int) -> float:
    """Log-likelihood (Dunning 1993) over the 2×2 co-occurrence table, all four cells."""
    o12, o21 = r1 - o11, c1 - o11
    o22 = n - r1 - c1 + o11
    if min(o12, o21, o22) < 0:
        raise ValueError(f"inconsistent frequencies O11={o11}, R1={r1}, C1={c1}, N={n}")
    r2, c2 = n - r1, n - c1
    cells = ((o11, r1 * c1), (o12, r1 * c2), (o21, r2 * c1), (o22, r2 * c2))
    return 2.0 * sum(_xlogx_over(o, e / n) for o, e in cells if e > 0)


def dice(o11: int, r1: int, c1: int) -> float:
    """Dice coefficient: ``2·O11 / (R1 + C1)``."""
    return 2.0 * o11 / (r1 + c1)


def log_dice(o11: int, r1: int, c1: int) -> float:
    """logDice (Rychlý 2008): ``14 + log2(2·O11 / (R1 + C1))``; at most 14."""
    return 14.0 + math.log2(2.0 * o11 / (r1 + c1))


# --------------------------------------------------------------------------- dispersion


def gries_dp(part_freqs: Sequence[int], part_sizes: Sequence[int]) -> float:
    """Gries's DP (2008): ``½ · Σ |v_i − s_i|`` over corpus parts.

    ``v_i`` is the share of the word's occurrences in part i, ``s_i`` the share of the corpus
    in part i. 0 = spread exactly as the parts' sizes; close to 1 = concentrated in one small part.
    """
    _check_parts(part_freqs, part_sizes)
    f = sum(part_freqs)
    total = sum(part_sizes)
    if f == 0:
        raise ValueError("the word does not occur in the corpus")
    return 0.5 * sum(abs(v / f - s / total) for v, s in zip(part_freqs, part_sizes, strict=True))


def gries_dp_norm(part_freqs: Sequence[int], part_sizes: Sequence[int]) -> float:
    """DP normalised to [0, 1] (Lijffijt & Gries 2012): ``DP / (1 − min s_i)``."""
    total = sum(part_sizes)
    smallest = min(part_sizes) / total
    return gries_dp(part_freqs, part_sizes) / (1.0 - smallest) if smallest < 1 else 0.0


def juilland_d(part_freqs: Sequence[int], part_sizes: Sequence[int]) -> float:
    """Juilland's D (Juilland & Chang-Rodríguez 1964): ``1 − (σ / x̄) / √(n − 1)``.

    Computed on the word's relative frequency in each of the n parts (so unequal part sizes
    are allowed), σ the population standard deviation. 1 = perfectly even.
    """
    _check_parts(part_freqs, part_sizes)
    n = len(part_freqs)
    if n < 2:
        raise ValueError("Juilland's D needs at least two parts")
    rel = [f / s for f, s in zip(part_freqs, part_sizes, strict=True)]
    mean = sum(rel) / n
    if mean == 0:
        raise ValueError("the word does not occur in the corpus")
    sd = math.sqrt(sum((x - mean) ** 2 for x in rel) / n)
    return 1.0 - (sd / mean) / math.sqrt(n - 1)


def _check_parts(part_freqs: Sequence[int], part_sizes: Sequence[int]) -> None:
    if len(part_freqs) != len(part_sizes) or not part_sizes:
        raise ValueError("need one frequency per part and at least one part")
    if any(s <= 0 for s in part_sizes):
        raise ValueError("every part must have at least one token")
