"""Corpus statistics against values worked out by hand (docs/statistics.md)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factbox.analysis import stats


def test_log_likelihood_published_pair() -> None:
    # The example: UCREL's 2-term calculator and AntConc 4 / CQPweb's 4-term sum.
    assert stats.log_likelihood(23, 551, 263, 8870, terms=2) == pytest.approx(2.3306, abs=5e-5)
    assert stats.log_likelihood(23, 551, 263, 8870) == pytest.approx(2.5070, abs=5e-5)


def test_log_likelihood_by_hand() -> None:
    # a=10, b=5, c=d=1000: E1 = E2 = 1000·15/2000 = 7.5
    # 2-term: 2·(10·ln(10/7.5) + 5·ln(5/7.5)) = 2·(2.876821 − 2.027326) = 1.698990
    assert stats.log_likelihood(10, 5, 1000, 1000, terms=2) == pytest.approx(1.698990, abs=1e-6)
    # 4-term adds 990·ln(990/992.5) + 995·ln(995/992.5) = −2.496849 + 2.503146 = 0.006297
    # → 2·(0.849495 + 0.006297) = 1.711584
    assert stats.log_likelihood(10, 5, 1000, 1000) == pytest.approx(1.711584, abs=1e-6)


def test_log_likelihood_zero_cells() -> None:
    # b = 0: its term is 0 (limit of x·ln x); a=5, c=d=100: E1 = 2.5 → 2·5·ln 2 = 6.931472
    assert stats.log_likelihood(5, 0, 100, 100, terms=2) == pytest.approx(10 * math.log(2))
    assert stats.log_likelihood(0, 0, 100, 100) == 0.0
    with pytest.raises(ValueError, match="terms"):
        stats.log_likelihood(1, 1, 10, 10, terms=3)
    with pytest.raises(ValueError, match="0 ≤ a ≤ c"):
        stats.log_likelihood(11, 1, 10, 10)


def test_log_ratio() -> None:
    # (10/1000)/(5/1000) = 2 → 1 doubling
    assert stats.log_ratio(10, 5, 1000, 1000) == pytest.approx(1.0)
    # zero reference frequency counted as 0.5 (Hardie 2014): log2(10/0.5) = log2(20) = 4.321928
    assert stats.log_ratio(10, 0, 1000, 1000) == pytest.approx(4.321928, abs=1e-6)
    # symmetric: swapping corpora flips the sign
    assert stats.log_ratio(5, 10, 1000, 1000) == pytest.approx(-1.0)


def test_percent_diff_and_simple_maths() -> None:
    # NF_t = 10 000 pm, NF_r = 5 000 pm → (10000 − 5000)·100/5000 = 100
    assert stats.percent_diff(10, 5, 1000, 1000) == pytest.approx(100.0)
    # (10000 + 1)/(5000 + 1) = 1.999800
    assert stats.simple_maths(10, 5, 1000, 1000) == pytest.approx(10001 / 5001)
    # N = 100: (10000 + 100)/(5000 + 100) = 1.980392
    assert stats.simple_maths(10, 5, 1000, 1000, n=100) == pytest.approx(1.980392, abs=1e-6)


def test_collocation_measures_by_hand() -> None:
    # O11 = 8, R1 = 20, C1 = 40, N = 10 000 → E11 = 20·40/10000 = 0.08
    o, r, c, n = 8, 20, 40, 10_000
    assert stats.expected(r, c, n) == pytest.approx(0.08)
    assert stats.mutual_information(o, r, c, n) == pytest.approx(math.log2(100))  # 6.643856
    assert stats.mi3(o, r, c, n) == pytest.approx(math.log2(6400))  # 512/0.08
    assert stats.t_score(o, r, c, n) == pytest.approx(7.92 / math.sqrt(8))  # 2.800143
    assert stats.dice(o, r, c) == pytest.approx(16 / 60)
    assert stats.log_dice(o, r, c) == pytest.approx(14 + math.log2(16 / 60))  # 12.093109


def test_collocation_log_likelihood_by_hand() -> None:
    # Table: O11=8, O12=12, O21=32, O22=9948; E11=0.08, E12=19.92, E21=39.92, E22=9940.08
    # 2·(8 ln 100 + 12 ln(12/19.92) + 32 ln(32/39.92) + 9948 ln(9948/9940.08))
    # = 2·(36.841361 − 6.081811 − 7.076530 + 7.923154) = 63.212350
    assert stats.collocation_log_likelihood(8, 20, 40, 10_000) == pytest.approx(63.21235, abs=1e-5)


def test_dispersion_by_hand() -> None:
    # spread exactly as the part sizes → DP 0, D (on relative frequencies) 1
    assert stats.gries_dp([1, 1, 2], [10, 10, 20]) == pytest.approx(0.0)
    assert stats.juilland_d([2, 2, 2, 2], [100, 100, 100, 100]) == pytest.approx(1.0)
    # all in the first part of sizes 10/10/20: ½(|1 − .25| + .25 + .5) = 0.75; norm 0.75/0.75 = 1
    assert stats.gries_dp([4, 0, 0], [10, 10, 20]) == pytest.approx(0.75)
    assert stats.gries_dp_norm([4, 0, 0], [10, 10, 20]) == pytest.approx(1.0)
    # relative freqs .04, 0, 0, 0: mean .01, σ = √((.03² + 3·.01²)/4) = .017321, V = 1.732051
    # D = 1 − 1.732051/√3 = 0
    assert stats.juilland_d([4, 0, 0, 0], [100, 100, 100, 100]) == pytest.approx(0.0, abs=1e-12)


def test_per_million() -> None:
    assert stats.per_million(3, 1_500_000) == pytest.approx(2.0)
    assert stats.per_million(3, 0) == 0.0


tables = st.tuples(
    st.integers(0, 10_000), st.integers(0, 10_000), st.integers(1, 10**6), st.integers(1, 10**6)
).filter(lambda t: t[0] <= t[2] and t[1] <= t[3])


@given(tables)
def test_keyness_invariants(t: tuple[int, int, int, int]) -> None:
    a, b, c, d = t
    ll4 = stats.log_likelihood(a, b, c, d)
    ll2 = stats.log_likelihood(a, b, c, d, terms=2)
    assert math.isfinite(ll4) and ll4 >= -1e-9
    assert math.isfinite(ll2)
    assert math.isfinite(stats.log_ratio(a, b, c, d))
    assert stats.simple_maths(a, b, c, d) > 0
    # swapping target and reference keeps G² and flips Log Ratio
    assert stats.log_likelihood(b, a, d, c) == pytest.approx(ll4, rel=1e-9, abs=1e-9)
    assert stats.log_ratio(b, a, d, c) == pytest.approx(-stats.log_ratio(a, b, c, d))
