"""Lexical diversity: values computed by hand from the published definitions, agreement with
lexicalrichness on texts we wrote, and invariants for any token list.

Token lists are written as strings of one-letter "words" ("a b a c" = a, b, a, c); N = tokens,
V = types.
"""

from __future__ import annotations

import contextlib
import io
import json
import math
from collections import Counter
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factbox
from factbox import diversity as fd
from factbox.errors import ConfigError
from factbox.tokens import fold, words


def toks(s: str) -> list[str]:
    return s.split()


def run(s: str, **kw: int | float) -> tuple[fd.Diversity, dict[str, str]]:
    t = toks(s)
    return fd.compute(t, Counter(t), **kw)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------
# Values by hand


def test_ttr_family_by_hand() -> None:
    # "a b a c": N = 4, V = 3
    assert fd.ttr(4, 3) == 0.75  # 3/4
    assert fd.rttr(4, 3) == 1.5  # 3/√4 = 3/2
    assert fd.cttr(4, 3) == pytest.approx(1.0606601717798212)  # 3/√8 = 3/2.828427
    assert fd.herdan_c(4, 3) == pytest.approx(0.792481250)  # ln 3/ln 4 = 1.098612/1.386294
    div, notes = run("a b a c")
    assert (div.ttr, div.rttr) == (0.75, 1.5)
    assert div.herdan_c == pytest.approx(0.792481250)
    assert notes.keys() == {"msttr", "mattr", "hdd"}  # text shorter than segment/window/draws


def test_herdan_c_is_the_same_in_every_log_base() -> None:
    # log_b V / log_b N = (ln V/ln b) / (ln N/ln b) = ln V / ln N
    assert math.log10(3) / math.log10(4) == pytest.approx(fd.herdan_c(4, 3), abs=1e-15)


def test_maas_a2_by_hand_decimal_logarithm() -> None:
    # N = 4, V = 3: lg 4 = 0.602060, lg 3 = 0.477121
    # a² = (0.602060 − 0.477121) / 0.602060² = 0.124939 / 0.362476 = 0.344681
    assert fd.maas_a2(4, 3) == pytest.approx(0.344681, abs=1e-6)
    # natural log (lexicalrichness): (1.386294 − 1.098612) / 1.386294² = 0.287682 / 1.921812
    assert fd.maas_a2(4, 3, base=math.e) == pytest.approx(0.149693, abs=1e-6)


def test_maas_a2_depends_on_the_log_base_by_the_factor_ln_b() -> None:
    # (log_b N − log_b V) / (log_b N)² = [(ln N − ln V)/ln b] / [(ln N)²/ln² b] = a²_e · ln b
    for n, v in [(4, 3), (100, 57), (1000, 401)]:
        ratio = fd.maas_a2(n, v) / fd.maas_a2(n, v, base=math.e)  # type: ignore[operator]
        assert ratio == pytest.approx(math.log(10), rel=1e-12)  # 2.302585…


def test_maas_a2_is_zero_when_every_token_is_a_new_type() -> None:
    assert fd.maas_a2(7, 7) == 0.0  # lg N − lg V = 0


def test_yule_k_by_hand() -> None:
    # "a a a b b c": frequencies 3, 2, 1; N = 6; Σ m²·V_m = 9 + 4 + 1 = 14
    # K = 10⁴ · (14 − 6) / 6² = 80000 / 36 = 2222.22…
    assert fd.yule_k([3, 2, 1]) == pytest.approx(2222.2222222)
    assert run("a a a b b c")[0].yule_k == pytest.approx(2222.2222222)
    # "a b a c": Σ = 4 + 1 + 1 = 6, N = 4: 10⁴ · 2 / 16 = 1250
    assert fd.yule_k([2, 1, 1]) == 1250.0
    assert fd.yule_k([1]) == 0.0  # one token: 10⁴ · (1 − 1) / 1
    assert fd.yule_k([]) is None


def test_msttr_by_hand_and_the_last_segment() -> None:
    # segments of 2 in "a a b c d d e": [a a] 1/2, [b c] 2/2, [d d] 1/2, [e] incomplete → dropped
    # MSTTR = (0.5 + 1 + 0.5) / 3 = 2/3
    assert fd.msttr(toks("a a b c d d e"), segment=2) == pytest.approx(2 / 3)
    # "a a b c" in segments of 2: both complete and both kept: (1/2 + 2/2) / 2 = 0.75
    # (lexicalrichness drops the complete last segment and reports 0.5)
    assert fd.msttr(toks("a a b c"), segment=2) == 0.75
    assert fd.msttr(toks("a b c"), segment=4) is None  # no complete segment


def test_mattr_by_hand() -> None:
    # windows of 3 in "a b a c c": [a b a] 2/3, [b a c] 3/3, [a c c] 2/3
    # MATTR = (2 + 3 + 2) / (3 · 3) = 7/9
    assert fd.mattr(toks("a b a c c"), window=3) == pytest.approx(7 / 9)
    # window = N: one window, the TTR of the text: 3/5
    assert fd.mattr(toks("a b a c c"), window=5) == pytest.approx(0.6)
    assert fd.mattr(toks("a b a c c"), window=6) is None  # shorter than the window
    # window 1: every window has one type → 1
    assert fd.mattr(toks("a a a"), window=1) == 1.0


def test_mtld_partial_factor_by_hand() -> None:
    # forward "a b c a d": TTRs 1, 1, 1, 3/4 = .75, 4/5 = .80 — never ≤ .72, so no full factor;
    # partial factor = (1 − .80) / (1 − .72) = .2/.28 = 0.714286; 5 / 0.714286 = 7.0
    # backward "d a c b a": 1, 1, 1, 1, 4/5 = .80 → the same 7.0; mean 7.0
    assert fd.mtld(toks("a b c a d")) == pytest.approx(7.0)


def test_mtld_forward_and_backward_differ_by_hand() -> None:
    # forward "a a b c d e": a 1/1; a 1/2 = .5 ≤ .72 → factor 1, reset; b c d e: TTR 1 to the
    #   end → partial (1 − 1)/.28 = 0; 6 tokens / 1 factor = 6
    # backward "e d c b a a": TTR 1 for 5 tokens, then 5/6 = .833 → partial (1/6)/.28 = .595238;
    #   6 / .595238 = 10.08
    # MTLD = (6 + 10.08) / 2 = 8.04
    assert fd.mtld(toks("a a b c d e")) == pytest.approx(8.04)


def test_mtld_factor_ends_when_ttr_reaches_the_threshold() -> None:
    # 18 new types, 7 repeats of the first, then one more new type "z" (N = 26).
    # Forward: after token 25 the TTR is 18/25 = .72 exactly (also in floating point):
    #   McCarthy & Jarvis's "reaches" (≤, as lexicalrichness) ends a factor there; "z" is a
    #   partial factor of TTR 1 → 0. Forward = 26 / 1 = 26.
    #   (With "<" the factor would go on: 19/26 = .731 → partial .9615 → 27.04.)
    # Backward "z t0 t0 …": z t0 t0 → 2/3 ≤ .72: factor; t0 t0: factor; t0 t0: factor;
    #   t0 t17 … t1 (18 tokens, 18 types) then t0: 18/19 → partial (1/19)/.28 = .18797;
    #   26 / 3.18797 = 8.1557.
    seq = [f"t{i}" for i in range(18)] + ["t0"] * 7 + ["z"]
    assert 18 / 25 == 0.72
    backward = 26 / (3 + (1 / 19) / 0.28)
    assert fd.mtld(seq) == pytest.approx((26 + backward) / 2)


def test_mtld_is_none_when_no_word_repeats() -> None:
    div, notes = run("every word here is new")
    assert div.mtld is None
    assert "repeats" in notes["mtld"]


def test_hdd_by_hand() -> None:
    # "a a b c": N = 4, draws d = 2, C(4, 2) = 6
    # P(a at least once) = 1 − C(2, 2)/6 = 5/6; P(b) = P(c) = 1 − C(3, 2)/6 = 1/2
    # HD-D = (5/6 + 1/2 + 1/2) / 2 = (11/6) / 2 = 11/12
    assert fd.hdd([2, 1, 1], draws=2) == pytest.approx(11 / 12)
    assert fd.hdd([2, 1, 1], draws=5) is None  # fewer tokens than draws


def test_hdd_with_as_many_draws_as_tokens_is_the_ttr() -> None:
    # drawing all N tokens draws every type: Σ 1 / N = V / N
    freqs = Counter(toks("a b a c a d b e f g"))  # N = 10, V = 7
    assert fd.hdd(freqs.values(), draws=10) == pytest.approx(0.7)


def test_hdd_of_a_text_of_hapaxes_is_one() -> None:
    # each type: P = 1 − (N − d)/N = d/N; N types → N · (d/N) / d = 1
    assert fd.hdd([1] * 100) == pytest.approx(1.0)
    assert fd.hdd([1] * 100) <= 1.0  # type: ignore[operator]


# ---------------------------------------------------------------------------------------------
# Undefined values and errors


def test_no_tokens_every_measure_none_with_reason() -> None:
    div, notes = fd.compute([], Counter())
    assert all(v is None for v in div.to_dict().values())
    assert notes == dict.fromkeys(div.to_dict(), "no words")


def test_one_token() -> None:
    div, notes = run("word")
    assert (div.ttr, div.rttr, div.yule_k) == (1.0, 1.0, 0.0)
    assert div.herdan_c is None and div.maas_a2 is None
    assert "2 tokens" in notes["herdan_c"] and "2 tokens" in notes["maas_a2"]
    assert div.mtld is None


def test_every_none_has_a_reason_and_every_reason_a_none() -> None:
    for s in ["", "a", "a a", "a b c", "a b a c " * 30]:
        div, notes = run(s)
        nones = {k for k, v in div.to_dict().items() if v is None}
        assert nones == set(notes)


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: fd.mattr(["a"], window=0), "window"),
        (lambda: fd.msttr(["a"], segment=-3), "segment"),
        (lambda: fd.hdd([1], draws=0), "draws"),
        (lambda: fd.mtld(["a"], threshold=1.0), "threshold"),
        (lambda: fd.maas_a2(10, 5, base=1), "base"),
        (lambda: fd.compute(["a"], Counter("a"), mattr_window=0), "mattr_window"),
    ],
)
def test_bad_options_raise_config_error(call, match: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ConfigError, match=match):
        call()


def test_profile_carries_the_measures_json_ready() -> None:
    text = "The river runs past the mill, and the mill turns. " * 12
    box = factbox.profile(text)
    d = box.to_dict()["diversity"]
    json.dumps(d, allow_nan=False)
    assert d["ttr"] == box.ttr
    assert d["mattr"] is not None and d["mtld"] is not None and d["hdd"] is not None


# ---------------------------------------------------------------------------------------------
# Agreement with lexicalrichness on texts we wrote (identical token lists)

OUR_TEXTS = [
    """The harbour town woke slowly. Fishing boats came in with the tide, and the gulls followed
    them, crying over the nets. On the quay a woman sold bread from a cart; a boy counted crates
    of mackerel and wrote the numbers on a slate. Nobody hurried. The council had promised a new
    road for ten years, and for ten years the road had stayed a line on a map in the town hall.
    This spring the diggers finally arrived, yellow and loud, and the town argued about them in
    every cafe. Some said the road would bring tourists and money; others said it would bring
    lorries, noise and the end of the quiet mornings they loved. The mayor said little. She
    walked along the harbour wall each evening and watched the boats, and people read whatever
    they wanted into her silence.""",
    """Researchers measured how long volunteers could balance on one foot with their eyes closed.
    The volunteers were between twenty and eighty years old. Younger people balanced for longer,
    but the difference between the groups was smaller than the team expected. People who walked
    every day balanced better at every age, and people who slept badly balanced worse. The team
    now wants to know whether balance can be trained: a second study will ask older volunteers to
    practise for ten minutes a day for three months and then measure them again.""",
]


def lr_tokens(text: str) -> list[str]:
    return [fold(t) for t in words(text)]


@pytest.mark.parametrize("text", OUR_TEXTS)
def test_agrees_with_lexicalrichness(text: str) -> None:
    lexicalrichness = pytest.importorskip("lexicalrichness")
    t = lr_tokens(text)
    lr = lexicalrichness.LexicalRichness(t, preprocessor=None, tokenizer=None)
    div, _ = fd.compute(t, Counter(t), msttr_segment=25, mattr_window=50)
    assert len(t) % 25 != 0  # else lexicalrichness drops a complete segment (documented)
    pairs = {
        "ttr": (div.ttr, lr.ttr),
        "rttr": (div.rttr, lr.rttr),
        "cttr": (div.cttr, lr.cttr),
        "herdan_c": (div.herdan_c, lr.Herdan),
        "maas_a2 (base e)": (fd.maas_a2(len(t), len(set(t)), base=math.e), lr.Maas),
        "msttr": (div.msttr, lr.msttr(25)),
        "mattr": (div.mattr, lr.mattr(50)),
        "mtld": (div.mtld, lr.mtld(0.72)),
        "hdd": (div.hdd, lr.hdd(42)),
        "yule_k": (div.yule_k, float(lr.yulek)),
    }
    for name, (ours, theirs) in pairs.items():
        assert ours == pytest.approx(theirs, abs=1e-9), name


# ---------------------------------------------------------------------------------------------
# Invariants (hypothesis), and the fast algorithms against their plain definitions

token_lists = st.lists(st.sampled_from("abcdefghij"), max_size=160) | st.lists(
    st.text(alphabet="xyz", min_size=1, max_size=3), max_size=80
)


def naive_mattr(t: list[str], w: int) -> float | None:
    if len(t) < w:
        return None
    return sum(len(set(t[i : i + w])) / w for i in range(len(t) - w + 1)) / (len(t) - w + 1)


def naive_mtld(t: list[str], thr: float) -> float | None:
    """McCarthy & Jarvis's procedure written plainly (the lexicalrichness loop)."""

    def factors(seq: list[str]) -> float:
        full, seg = 0, []
        for x in seq:
            seg.append(x)
            if len(set(seg)) / len(seg) <= thr:
                full, seg = full + 1, []
        return full + ((1 - len(set(seg)) / len(seg)) / (1 - thr) if seg else 0)

    if not t or len(set(t)) == len(t):
        return None
    return (len(t) / factors(t) + len(t) / factors(t[::-1])) / 2


def naive_msttr(t: list[str], seg: int) -> float | None:
    k = len(t) // seg
    if k == 0:
        return None
    return sum(len(set(t[i * seg : (i + 1) * seg])) / seg for i in range(k)) / k


def exact_hdd(freqs: list[int], d: int) -> float | None:
    n = sum(freqs)
    if n < d or n == 0:
        return None
    total = sum(1 - Fraction(math.comb(n - f, d), math.comb(n, d)) for f in freqs)
    return float(total / d)


@settings(max_examples=300, deadline=None)
@given(t=token_lists, w=st.integers(1, 60), seg=st.integers(1, 60), d=st.integers(1, 60))
def test_invariants(t: list[str], w: int, seg: int, d: int) -> None:
    div, notes = fd.compute(t, Counter(t), mattr_window=w, msttr_segment=seg, hdd_draws=d)
    for name, value in div.to_dict().items():
        assert value is None or math.isfinite(value), name
        assert (value is None) == (name in notes), name
    for name in ("ttr", "msttr", "mattr", "hdd"):
        value = getattr(div, name)
        assert value is None or 0.0 <= value <= 1.0, name
    assert div.mtld is None or div.mtld >= 1.0
    assert div.maas_a2 is None or div.maas_a2 >= 0.0
    assert div.yule_k is None or div.yule_k >= 0.0


@settings(max_examples=200, deadline=None)
@given(t=token_lists, w=st.integers(1, 60), thr=st.sampled_from([0.72, 0.5, 0.9, 0.3]))
def test_fast_algorithms_equal_their_definitions(t: list[str], w: int, thr: float) -> None:
    m, ref = fd.mattr(t, window=w), naive_mattr(t, w)
    assert (m is None) == (ref is None)
    assert m is None or m == pytest.approx(ref, abs=1e-12)
    assert fd.mtld(t, threshold=thr) == naive_mtld(t, thr)
    s, ref = fd.msttr(t, segment=w), naive_msttr(t, w)
    assert (s is None) == (ref is None)
    assert s is None or s == pytest.approx(ref, abs=1e-12)


@settings(max_examples=200, deadline=None)
@given(freqs=st.lists(st.integers(1, 30), max_size=40), d=st.integers(1, 50))
def test_hdd_equals_exact_hypergeometric_sum(freqs: list[int], d: int) -> None:
    ours, ref = fd.hdd(freqs, draws=d), exact_hdd(freqs, d)
    assert (ours is None) == (ref is None)
    assert ours is None or ours == pytest.approx(ref, abs=1e-12)


@settings(max_examples=100, deadline=None)
@given(t=token_lists)
def test_renaming_types_and_reversing_change_nothing(t: list[str]) -> None:
    div, _ = fd.compute(t, Counter(t))
    renamed = [f"w{ord(x[0])}{x}" for x in t]
    assert fd.compute(renamed, Counter(renamed))[0] == div
    rev = t[::-1]
    assert fd.mtld(rev) == div.mtld  # mean of forward and backward is symmetric
    # measures of counts do not depend on order
    div_rev, _ = fd.compute(rev, Counter(rev))
    for name in ("ttr", "rttr", "cttr", "herdan_c", "maas_a2", "hdd", "yule_k"):
        assert getattr(div_rev, name) == getattr(div, name), name


@pytest.mark.parametrize("text", OUR_TEXTS)
def test_agrees_with_taaled(text: str) -> None:
    with contextlib.redirect_stdout(io.StringIO()):  # taaled prints a plotnine notice
        ld = pytest.importorskip("taaled.ld")
    t = lr_tokens(text)
    tl = ld.lexdiv()
    div, _ = fd.compute(t, Counter(t), msttr_segment=25, mattr_window=50)
    pairs = {
        "ttr": (div.ttr, tl.TTR(t)),
        "rttr": (div.rttr, tl.RTTR(t)),
        "herdan_c": (div.herdan_c, tl.LTTR(t)),  # log10 / log10
        "maas_a2": (div.maas_a2, tl.MAAS(t)),  # both decimal logarithms
        "msttr": (div.msttr, tl.MSTTR(t, 25)),
        "mattr": (div.mattr, tl.MATTR(t, 50)),
        "hdd": (div.hdd, tl.HDD(t, 42)),
    }
    for name, (ours, theirs) in pairs.items():
        assert ours == pytest.approx(theirs, abs=1e-9), name
