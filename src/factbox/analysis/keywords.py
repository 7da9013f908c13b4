"""Keywords: items much more (or less) frequent in a target corpus than in a reference."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any, Literal

from factbox.analysis import stats
from factbox.errors import FactboxError

# Critical values of χ² with 1 degree of freedom (Rayson, Berridge & Francis 2004).
LL_CRITICAL = {0.05: 3.84, 0.01: 6.63, 0.001: 10.83, 0.0001: 15.13}

SortBy = Literal["log_likelihood", "log_ratio", "percent_diff", "simple_maths"]


@dataclass(frozen=True, slots=True)
class Keyword:
    """One keyword. ``a``/``b``: frequency in target/reference; ``c``/``d``: corpus sizes."""

    item: str
    a: int
    b: int
    c: int
    d: int
    per_million_target: float
    per_million_reference: float
    log_likelihood: float
    log_ratio: float
    percent_diff: float
    simple_maths: float

    @property
    def positive(self) -> bool:
        """True when the item is relatively more frequent in the target."""
        return self.a * self.d > self.b * self.c

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "positive": self.positive}


def keywords(
    target: Counter[str],
    reference: Counter[str],
    *,
    target_size: int | None = None,
    reference_size: int | None = None,
    ll_terms: int = 4,
    p: float | None = 0.05,
    min_log_ratio: float = 0.0,
    min_freq: int = 1,
    simple_maths_n: float = 1.0,
    include_negative: bool = False,
    sort_by: SortBy = "log_likelihood",
) -> list[Keyword]:
    """Compare item frequencies of ``target`` with ``reference``.

    Sizes default to the sum of each counter. Filters: significance (``p`` → the LL critical
    value; ``None`` keeps all), effect size (``|Log Ratio| ≥ min_log_ratio``), ``min_freq`` in the
    target (or, for negative keywords, in the reference). Positive keywords only unless
    ``include_negative``. Sorted by ``sort_by`` (descending; by absolute value for Log Ratio).
    """
    c = target_size if target_size is not None else sum(target.values())
    d = reference_size if reference_size is not None else sum(reference.values())
    if c <= 0 or d <= 0:
        raise FactboxError("keywords need a non-empty target and a non-empty reference corpus")
    if p is not None and p not in LL_CRITICAL:
        raise FactboxError(f"p must be one of {sorted(LL_CRITICAL)}, not {p}")
    critical = 0.0 if p is None else LL_CRITICAL[p]
    items = set(target) | (set(reference) if include_negative else set())
    out: list[Keyword] = []
    for item in items:
        a, b = target.get(item, 0), reference.get(item, 0)
        positive = a * d > b * c
        if not positive and not include_negative:
            continue
        if (a if positive else b) < min_freq:
            continue
        a_, b_ = min(a, c), min(b, d)
        ll = stats.log_likelihood(a_, b_, c, d, terms=ll_terms)
        lr = stats.log_ratio(a_, b_, c, d)
        if ll < critical or abs(lr) < min_log_ratio:
            continue
        out.append(
            Keyword(
                item, a, b, c, d,
                stats.per_million(a, c), stats.per_million(b, d),
                ll, lr,
                stats.percent_diff(a_, b_, c, d),
                stats.simple_maths(a_, b_, c, d, n=simple_maths_n),
            )
        )  # fmt: skip
    if sort_by == "log_ratio":
        out.sort(key=lambda k: (-abs(k.log_ratio), k.item))
    else:
        out.sort(key=lambda k: (-getattr(k, sort_by), k.item))
    return out


# wordfreq does not publish token counts; a nominal size is needed for significance tests.
WORDFREQ_NOMINAL_SIZE = 1_000_000_000


def wordfreq_reference(items: set[str], *, size: int = WORDFREQ_NOMINAL_SIZE) -> Counter[str]:
    """Pseudo-counts of ``items`` in general English from ``wordfreq`` (``freq · size``).

    Relative frequencies (Log Ratio, %DIFF, simple maths) do not depend on ``size``;
    log-likelihood does, so with this reference its significance is indicative only
    (docs/statistics.md).
    """
    try:
        from wordfreq import word_frequency
    except ImportError as err:  # pragma: no cover - wordfreq is a core dependency
        raise FactboxError("the general-English reference needs the wordfreq package") from err
    out: Counter[str] = Counter()
    for item in items:
        f = word_frequency(item, "en")
        if f > 0:
            out[item] = round(f * size)
    return out
