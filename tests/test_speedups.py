"""The compiled hot path (factbox._speedups) gives exactly what the Python reference gives.

Every test here that needs the extension is skipped when it did not build, except
``test_extension_is_built_when_required``: with ``FACTBOX_REQUIRE_SPEEDUPS=1`` (set in
.ci/run) it fails, so CI proves the extension is built and used. The reference is the
pure-Python code that ``FACTBOX_PURE_PYTHON=1`` selects (docs/performance.md).
"""

from __future__ import annotations

import importlib
import os
from array import array
from collections.abc import Callable
from typing import TypeVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factbox
from factbox import _engine
from factbox import diversity as dv
from factbox.config import ProfileConfig
from factbox.sentences import sentence_spans
from factbox.tokens import TOKEN_RE, scan_python

try:
    from factbox import _speedups
except ImportError:  # pragma: no cover - no compiler at install time
    _speedups = None  # type: ignore[assignment]

needs_c = pytest.mark.skipif(_speedups is None, reason="factbox._speedups did not build")

T = TypeVar("T")


def _on_python_engine(run: Callable[[], T]) -> T:
    """``run()`` with the compiled engine switched off (the pure-Python reference)."""
    saved = _engine.speedups
    _engine.speedups = None
    try:
        return run()
    finally:
        _engine.speedups = saved


def test_extension_is_built_when_required() -> None:
    if os.environ.get("FACTBOX_REQUIRE_SPEEDUPS") == "1":
        assert _speedups is not None, "FACTBOX_REQUIRE_SPEEDUPS=1 but factbox._speedups is missing"
        if os.environ.get("FACTBOX_PURE_PYTHON", "") in ("", "0"):
            assert factbox.engine() == "c"
    assert factbox.engine() == ("python" if _engine.speedups is None else "c")


def test_version_names_the_engine() -> None:
    from click.testing import CliRunner

    from factbox.cli import cli

    out = CliRunner().invoke(cli, ["--version"]).output
    assert out.startswith("factbox, version ")
    assert f"(engine: {factbox.engine()})" in out


def test_pure_python_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTBOX_PURE_PYTHON", "1")
    assert _engine._load() is None
    monkeypatch.setenv("FACTBOX_PURE_PYTHON", "0")
    assert _engine._load() is _speedups


def _same_scan(text: str, spans: list[tuple[int, int]]) -> None:
    fold_of, freqs, ids, lengths, firsts, caps = scan_python(text, spans)
    c_fold_of, c_freqs, c_ids, c_lengths, c_firsts, c_caps = _speedups.scan(text, spans)
    assert list(c_fold_of.items()) == list(fold_of.items())  # same forms, same order
    assert list(c_freqs.items()) == list(freqs.items())
    assert c_ids == array("i", ids).tobytes()
    assert c_lengths == lengths
    assert c_firsts == firsts
    assert list(c_caps.items()) == list(caps.items())
    # and both are what the token pattern finds, span by span
    assert lengths == [len(TOKEN_RE.findall(text, a, b)) for a, b in spans]


# Characters that matter to the token pattern, plus anything at all (surrogates, NUL, astral).
_INTERESTING = st.sampled_from(
    [
        *"aZz09.,'’ \n\x01\x00-é\u00d7\u00f7\u00c0\u00d6\u00d8\u00f6\u00f8\u024f\u0250",
        "\u1dff", "\u1e00", "\u1eff", "\u1f00", "\ud800", "\udfff", "\U0001f600", "\u2018",
    ]
)
_TEXT = st.one_of(
    st.lists(st.one_of(_INTERESTING, st.characters()), max_size=80).map("".join),
    st.text("aB9.,'’ ", max_size=40),  # dense in initialisms, numbers and apostrophes
)


@needs_c
@settings(max_examples=600, deadline=None)
@given(_TEXT, st.lists(st.tuples(st.integers(0, 90), st.integers(0, 90)), max_size=6))
def test_scan_equals_reference(text: str, raw_spans: list[tuple[int, int]]) -> None:
    n = len(text)
    spans = [(min(a, n), min(max(a, b), n)) for a, b in raw_spans]
    _same_scan(text, spans)
    _same_scan(text, [(0, n)])
    _same_scan(text, sentence_spans(text))


@needs_c
@pytest.mark.parametrize(
    "text",
    [
        "",
        "U.S. a.m. e.g. U.S.A. a.b.cd A.Bcd x.y. x.y.1 a.b.c9 a.b.c.d9 U.S",
        "1,000.50 3.30 7,,8 9.a 20th's 12.34.56, 2abc5 0.",
        "don't o’clock x'y'z '' a’’b 'quoted' ’tis rock'n'roll l'",
        "ǅungla İstanbul ß straße ﬁne ΣΑΣ Ǆ ǈ KELVIN K Å",  # folds that change length
        "中文 Москва 𝒜𝒷 \U0001f600x\U0001f600 ḀḁỿỾ",
        "tab\tsep\x00nul\x01soh\ud800\udbff lone",
    ],
)
def test_scan_equals_reference_on_odd_text(text: str) -> None:
    _same_scan(text, [(0, len(text))])
    _same_scan(text, sentence_spans(text))
    _same_scan(text, [(0, 3), (2, 9), (5, 5), (9, 4), (0, len(text))])


@needs_c
def test_scan_huge_input() -> None:
    words = [f"w{i}x" for i in range(30_000)]
    text = " ".join(words * 3) + ". " + "a" * 1_000_000 + " " + "9" * 10_000
    spans = sentence_spans(text)
    _same_scan(text, spans)
    forms, freqs, ids, lengths, _, _ = _speedups.scan(text, spans)
    assert len(forms) == 30_002 == len(freqs)
    assert sum(lengths) == 90_002 == len(ids) // 4


@needs_c
def test_scan_rejects_bad_arguments() -> None:
    with pytest.raises(TypeError):
        _speedups.scan(b"bytes", [(0, 1)])
    with pytest.raises(TypeError):
        _speedups.scan("text", [(0, 1, 2)])
    with pytest.raises(TypeError):
        _speedups.scan("text", 5)
    with pytest.raises(TypeError):
        _speedups.scan("text", [("a", 2)])
    assert _speedups.scan("text", [(-5, 99)])[1] == {"text": 1}  # clipped like a slice


def _same_measures(ids: list[int], window: int, segment: int, threshold: float) -> None:
    expected = dv._sequence_measures_python(ids, window, segment, threshold)
    n_types = max(ids, default=-1) + 1
    packed = array("i", ids).tobytes()
    got = _speedups.sequence_measures(packed, n_types, window, segment, threshold)
    assert got == expected  # integers exactly, MTLD factors to the last bit


@needs_c
@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.integers(0, 12), max_size=300),
    st.integers(1, 60),
    st.integers(1, 120),
    st.floats(0.05, 0.95),
)
def test_sequence_measures_equal_reference(
    ids: list[int], window: int, segment: int, threshold: float
) -> None:
    _same_measures(ids, window, segment, threshold)


@needs_c
def test_sequence_measures_rejects_bad_ids() -> None:
    with pytest.raises(ValueError, match="out of range"):
        _speedups.sequence_measures(array("i", [0, 5]).tobytes(), 2, 50, 100, 0.72)
    with pytest.raises(ValueError, match="out of range"):
        _speedups.sequence_measures(array("i", [-1]).tobytes(), 2, 50, 100, 0.72)
    with pytest.raises(ValueError):
        _speedups.sequence_measures(b"abc", 2, 50, 100, 0.72)  # not whole 32-bit ints
    with pytest.raises(ValueError):
        _speedups.sequence_measures(b"", 0, 0, 100, 0.72)
    assert _speedups.sequence_measures(b"", 0, 50, 100, 0.72) == (None, None, None, None)


_ARTICLE = (
    "Ferry Strike Ends After Talks\n\nBy Ana Ruiz\n\n"
    "The harbour ferry left at 3.30 p.m. on Tuesday. Nobody on the quay waved, although the "
    "captain, Mr. O’Neill, sounded the horn twice. The U.S. crew said it cost $1,200.50. "
    "\"Why?\" she asked. Officials in Oslo didn't comment; oslo's mayor did.\n"
    "- a list item without a stop\n- another item\n"
    "See https://example.com/ferry or mail desk@example.org. Café Ærø naïve ǅ."
)


def _profile_both(text: str, config: ProfileConfig, monkeypatch: pytest.MonkeyPatch) -> None:
    got = factbox.profile(text, config=config).to_dict()
    with monkeypatch.context() as m:
        m.setattr(_engine, "speedups", None)
        expected = factbox.profile(text, config=config).to_dict()
    assert got == expected


@needs_c
@pytest.mark.parametrize("method", ["cmudict", "pyphen"])
def test_profile_same_with_both_engines(method: str, monkeypatch: pytest.MonkeyPatch) -> None:
    config = ProfileConfig(syllable_method=method, mattr_window=7, msttr_segment=9)  # type: ignore[arg-type]
    for text in (_ARTICLE, _ARTICLE * 5, "", "  ", "One.", "中文 only", "x\x01y. Z."):
        _profile_both(text, config, monkeypatch)


@needs_c
@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_INTERESTING, st.sampled_from(["The ", "cat. ", "U.S. "])), max_size=60))
def test_profile_same_with_both_engines_any_text(parts: list[str]) -> None:
    text = "".join(parts)
    config = ProfileConfig(mattr_window=3, msttr_segment=4)
    def run() -> dict[str, object]:
        return factbox.profile(text, config=config).to_dict()

    assert run() == _on_python_engine(run)


_SENTENCE_PARTS = st.sampled_from(
    [
        "The", "he", "Mr", "Dr", "U.S", "e.g", "a.m", "Inc", "No", "Jan", "J", "I", "iPhone",
        "cold.It", "5", "1", "a", " ", "  ", "\n", "\n\n", "\t", "\xa0", "\u2009", ".", ". ",
        "!", "?", "…", "‽", '"', "”", "’", "'", ")", "]", "(", "“", "- ", "• ", "1. ", "2) ",
        ":", ",", "Why", "said", "Tom", "x@y.com", "www.a.b",
    ]
)


@needs_c
@settings(max_examples=800, deadline=None)
@given(st.lists(st.one_of(_SENTENCE_PARTS, st.characters()), max_size=60))
def test_sentence_spans_equal_reference(parts: list[str]) -> None:
    text = "".join(parts)
    assert sentence_spans(text) == _on_python_engine(lambda: sentence_spans(text))


# Structured texts for the compiled line rules (L2–L5) and candidate rules: lines that start
# like list items (every alternative of _LIST_ITEM_RE and near misses), in lower case, with
# openers or closing marks, and that end in end punctuation, closers, abbreviations, function
# words or continuation characters; lengths vary so that "full" lines and wrapped blocks occur.
_LINE_STARTS = st.sampled_from(
    [
        "", "- ", "-x ", "* ", "+ ", "– ", "— ", "• ", "▪ ", "□ ", "✓ ", "✔ ", "⁃ ", "1. ",
        "12) ", "123. ", "1234. ", "1.", "(2) ", "(a) ", "a. ", "c. ", "c) ", "A) ", "B. ",
        "ii. ", "iv) ", "v. ", "vi. ", "viii. ", "ix) ", "xxx. ", "xxxx. ", "ab. ", "i.e. ",
        "١. ", "1١. ", "(", "“", "'", "”", ")", "he ", "iPhone ", "By ", "Posted by ",
        "Updated ", "Jan 5 ", "Monday, 3 March 2014 ", "Label: ", "\t", "\xa0",
    ]
)  # fmt: skip
_LINE_WORDS = st.sampled_from(
    [
        "The", "the", "said", "Tom", "Merkel", "of", "and", "2012", "12", "self-made",
        "rock'n'roll", "Mr", "Dr", "e.g", "i.e", "U.S", "Inc", "No", "Jan", "J", "I", "a.m",
        "Ave", "Calif", "MESSRS", "İnc", "x@y.com", "[", "…", "...", "Why", "Headline", "NEWS",
    ]
)  # fmt: skip
_LINE_ENDS = st.sampled_from(
    [
        "", ".", "!", "?", "…", "‽", "?!", ".”", "?”", "!\"", ".)", ".’", ".'”", ",", ";",
        "-", "–", "/", "&", "=", ":", "”", " .", ". .", "[...]", "\t",
    ]
)  # fmt: skip
_LINE = st.builds(
    lambda start, words, end: start + " ".join(words) + end,
    _LINE_STARTS,
    st.lists(_LINE_WORDS, max_size=14),
    _LINE_ENDS,
)
_BREAKS = st.sampled_from(["\n", "\n", "\n", " \n ", "\r\n", "\n\n", "\n \t\n", "\n\u2028", " "])


@needs_c
@settings(max_examples=1000, deadline=None)
@given(st.lists(st.tuples(_LINE, _BREAKS), min_size=1, max_size=12))
def test_sentence_spans_equal_reference_on_structured_lines(lines: list[tuple[str, str]]) -> None:
    text = "".join(line + brk for line, brk in lines)
    assert sentence_spans(text) == _on_python_engine(lambda: sentence_spans(text))


@needs_c
@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            _LINE,
            _BREAKS,
            st.sampled_from(["\ud800", "\udfff", "\x00", "😀", "𝐀.", "\U0010ffff", "İnc.", "ǅ"]),
            st.characters(codec=None, categories=None),
        ),
        max_size=20,
    )
)
def test_sentence_spans_equal_reference_on_any_code_point(parts: list[str]) -> None:
    # surrogates, NUL, astral characters (four-byte strings) and title-case letters
    text = "".join(parts)
    assert sentence_spans(text) == _on_python_engine(lambda: sentence_spans(text))


def test_abbreviations_are_short() -> None:
    # The compiled rules only look up chunks of at most 8 characters (MAX_ABBREVIATION).
    sn = importlib.import_module("factbox.sentences")  # factbox.sentences is the function
    assert max(map(len, sn._ANYCASE)) <= 8 and max(map(len, sn._EXACT)) <= 8
    assert set(sn._ANYCASE.values()) >= {sn._TITLE, sn._NEVER} and (sn._TITLE, sn._NEVER) == (1, 2)


@needs_c
def test_sentence_kernels_reject_bad_arguments() -> None:
    sn = importlib.import_module("factbox.sentences")
    args = (sn._EXACT, sn._ANYCASE, sn._line_break_ends_sentence, sn._candidate)
    with pytest.raises(TypeError):
        _speedups.sentence_cuts("A. B", [], {}, None, None)
    with pytest.raises(TypeError):
        _speedups.strip_spans("text", [1, "2"])
    assert _speedups.strip_spans(" ab  cd ", [-3, 4, 99]) == [(1, 3), (5, 7)]
    assert _speedups.sentence_cuts("Hi. There", *args) == [3, 9]
    assert _speedups.sentence_cuts("", *args) == [0]
    with pytest.raises(ValueError):  # longer abbreviations than the compiled filter allows
        _speedups.sentence_cuts("A. B", {"abcdefghi": 1}, {}, *args[2:])

    def boom(*_: object) -> None:
        raise RuntimeError("boom")

    # an error in a callback goes through (line break L4, then a candidate with S2)
    with pytest.raises(RuntimeError):
        _speedups.sentence_cuts("A headline\nThe text.", sn._EXACT, sn._ANYCASE, boom, boom)
    with pytest.raises(RuntimeError):
        _speedups.sentence_cuts('"Why?" Tom said.', sn._EXACT, sn._ANYCASE, boom, boom)


@needs_c
@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(st.text(max_size=4), st.integers(-(2**40), 2**40), max_size=30),
    st.dictionaries(st.text(max_size=4), st.integers(0, 2**40), max_size=30),
)
def test_lookup_equals_reference(index: dict[str, int], freqs: dict[str, int]) -> None:
    import numpy as np

    ids, counts = _engine.lookup(index, freqs, np)
    ref_ids, ref_counts = _engine.lookup_python(index, freqs, np)
    assert ids.tolist() == ref_ids.tolist() == [index.get(t, -1) for t in freqs]
    assert counts.tolist() == ref_counts.tolist() == list(freqs.values())


@needs_c
def test_lookup_rejects_bad_values() -> None:
    with pytest.raises(TypeError):
        _speedups.lookup({"a": "x"}, {"a": 1})
    with pytest.raises(TypeError):
        _speedups.lookup({}, {"a": None})
    with pytest.raises(TypeError):
        _speedups.lookup([], {})


@needs_c
@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(), max_size=60))
def test_foreign_characters_equal_reference(text: str) -> None:
    from factbox.tokens import _FOREIGN_RE

    assert _speedups.foreign_characters(text) == len(_FOREIGN_RE.findall(text))


@needs_c
def test_foreign_characters_every_code_point() -> None:
    from factbox.tokens import _FOREIGN_RE

    every = "".join(map(chr, range(0x250, 0x110000)))  # all code points above Latin (+ surrogates)
    assert _speedups.foreign_characters(every) == len(_FOREIGN_RE.findall(every))
    assert _speedups.foreign_characters("abc é 中") == 1
    with pytest.raises(TypeError):
        _speedups.foreign_characters(b"x")


@needs_c
@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.text(max_size=3), st.integers(1, 500), max_size=40))
def test_spectrum_equals_reference(freqs: dict[str, int]) -> None:
    from collections import Counter

    got = _speedups.spectrum(freqs)
    assert got == Counter(freqs.values())
    assert list(got) == sorted(got)
    # first_seen: Counter's order too (level._type_features sums floats in that order)
    assert list(_speedups.spectrum(freqs, True).items()) == list(Counter(freqs.values()).items())


@needs_c
def test_spectrum_rejects_bad_counts() -> None:
    with pytest.raises(ValueError):
        _speedups.spectrum({"a": 0})
    with pytest.raises(TypeError):
        _speedups.spectrum({"a": "1"})
    with pytest.raises(TypeError):
        _speedups.spectrum([1])
    assert _speedups.spectrum({}) == {}
    # first_seen: None (the caller counts in Python) for anything but ints from 1 to 2**24
    for bad in (0, -3, "1", 1.0, 2**24 + 1, 2**70):
        assert _speedups.spectrum({"a": 1, "b": bad}, True) is None
    assert _speedups.spectrum({"a": 2**24, "b": True}, True) == {2**24: 1, True: 1}


@needs_c
@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.lists(st.integers(-1000, 1000), min_size=7, max_size=7), min_size=1, max_size=20),
    st.dictionaries(st.text(max_size=3), st.integers(1, 10**6), max_size=20),
    st.randoms(use_true_random=False),
)
def test_type_totals_equal_numpy(rows: list[list[int]], freqs: dict[str, int], rnd) -> None:  # type: ignore[no-untyped-def]
    import numpy as np

    matrix = np.array(rows, np.int64)
    index = {t: rnd.randrange(len(rows)) for t in freqs}
    ids, counts = _engine.lookup_python(index, freqs, np)
    sub = matrix.take(ids, axis=0)
    expected = (counts @ sub).tolist() + sub.sum(axis=0).tolist()  # per token, then per type
    assert _speedups.type_totals(index, freqs, matrix) == expected
    col = rnd.randrange(7)
    picked = array("q", sub[:, col].tolist()).tobytes()  # each type's value in one column
    assert _speedups.type_totals(index, freqs, matrix, col) == (expected, picked)
    if freqs:
        missing = dict(index)
        missing.pop(next(iter(freqs)))
        assert _speedups.type_totals(missing, freqs, matrix) is None  # a type without a row


@needs_c
def test_type_totals_rejects_bad_arguments() -> None:
    import numpy as np

    with pytest.raises(TypeError):
        _speedups.type_totals({"a": 0}, {"a": 1}, np.zeros((2, 7), np.float64))
    with pytest.raises(TypeError):
        _speedups.type_totals({"a": 0}, {"a": 1}, np.zeros(7, np.int64))  # not 2-D
    with pytest.raises(IndexError):
        _speedups.type_totals({"a": 5}, {"a": 1}, np.zeros((2, 7), np.int64))
    with pytest.raises((TypeError, ValueError, BufferError)):  # not C-contiguous
        _speedups.type_totals({"a": 0}, {"a": 1}, np.zeros((4, 7), np.int64)[:, ::2])
    with pytest.raises(IndexError):  # no such column
        _speedups.type_totals({"a": 0}, {"a": 1}, np.zeros((2, 7), np.int64), 7)



@needs_c
def test_scan_and_strip_spans_take_any_sequence() -> None:
    text = "Ab cd efg hij"
    assert _speedups.scan(text, ((0, 5), (2, 9)))[3] == [2, 2]
    assert _speedups.scan(text, iter([(0, 5)]))[3] == [2]
    assert _speedups.strip_spans(text, (4, 9, 13)) == [(0, 4), (4, 9), (10, 13)]
    with pytest.raises(TypeError):
        _speedups.scan(text, [(0, 2.5)])  # offsets must be ints


def _vocabulary_table(rows: list[tuple[int, int, float, bool]]):  # type: ignore[no-untyped-def]
    """A vocabulary type table with the given (level, band, ln rank, rare) rows."""
    import numpy as np

    from factbox import vocabulary as vc

    tab = vc._TypeTable()
    tab.level = np.array([lv for lv, _, _, _ in rows], np.int8)
    tab.cell = np.array([max(lv, 0) * vc._N_BANDS + b for lv, b, _, _ in rows], np.intp)
    tab.lr = np.array([x for _, _, x, _ in rows], np.float64)
    tab.rare = np.array([r for _, _, _, r in rows], np.bool_)
    tab.headword = [f"h{i % 5}" for i in range(len(rows))]
    return tab


@needs_c
@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(-1, 6),
            st.integers(0, 6),
            st.floats(0.0, 15.0, allow_nan=False),
            st.booleans(),
        ),
        min_size=1,
        max_size=30,
    ),
    st.dictionaries(
        st.text("ab'’c", max_size=4), st.integers(1, 10**4), max_size=300
    ),
    st.sets(st.text("ab'’cA", max_size=4), max_size=20),
    st.integers(0, 5),
    st.randoms(use_true_random=False),
)
def test_vocabulary_sums_equal_the_reference(rows, freqs, forms, hard_index, rnd) -> None:  # type: ignore[no-untyped-def]
    from factbox import vocabulary as vc

    tab = _vocabulary_table(rows)
    tab.index = {t: rnd.randrange(len(rows)) for t in freqs}
    expected, _ = vc._sums_python(tab, freqs, forms, hard_index)
    got = _speedups.vocabulary_sums(
        tab.index, freqs, tab.level, tab.cell, tab.lr, tab.rare, forms, hard_index,
        vc._N_CELLS, vc._UNLISTED_INDEX, vc._B2_INDEX,
    )
    assert got == tuple(expected)  # the float sums too: the same pairwise order and pow
    rows = array("q", [tab.index[t] for t in freqs]).tobytes()  # rows given, no lookup
    got_rows = _speedups.vocabulary_sums(
        rows, freqs, tab.level, tab.cell, tab.lr, tab.rare, forms, hard_index,
        vc._N_CELLS, vc._UNLISTED_INDEX, vc._B2_INDEX,
    )
    assert got_rows == got
    if freqs:
        missing = dict(tab.index)
        missing.pop(next(iter(freqs)))
        args = (tab.level, tab.cell, tab.lr, tab.rare, forms, hard_index, vc._N_CELLS, 6, 3)
        assert _speedups.vocabulary_sums(missing, freqs, *args) is None  # a type without a row


@needs_c
def test_vocabulary_sums_rejects_bad_arguments() -> None:
    import numpy as np

    tab = _vocabulary_table([(1, 0, 1.0, False), (6, 6, 9.0, True)])
    good = (tab.level, tab.cell, tab.lr, tab.rare)
    rest = (set(), 3, 49, 6, 3)
    assert _speedups.vocabulary_sums({"a": 0}, {"a": 2}, *good, *rest)[6] == 2
    assert _speedups.vocabulary_sums({"a": 9}, {"a": 2}, *good, *rest) is None  # row past end
    with pytest.raises(TypeError):  # lr not float64
        _speedups.vocabulary_sums({"a": 0}, {"a": 1}, tab.level, tab.cell, tab.level, tab.rare,
                                  *rest)
    with pytest.raises(TypeError):  # 2-D
        _speedups.vocabulary_sums({"a": 0}, {"a": 1}, np.zeros((2, 2), np.int8), *good[1:],
                                  *rest)
    with pytest.raises(IndexError):  # a cell outside the cells (row 0's is 7)
        _speedups.vocabulary_sums({"a": 0}, {"a": 1}, *good, set(), 3, 7, 6, 3)
    with pytest.raises(ValueError):  # cells: levels × bands, levels = unlisted + 1
        _speedups.vocabulary_sums({"a": 0}, {"a": 1}, *good, set(), 3, 48, 6, 3)
    with pytest.raises(ValueError):
        _speedups.vocabulary_sums({"a": 0}, {"a": 1}, *good, set(), 3, 0, 6, 3)
    with pytest.raises(ValueError):  # rows: one int64 per type
        _speedups.vocabulary_sums(b"\0" * 4, {"a": 1}, *good, *rest)
    with pytest.raises(TypeError):
        _speedups.vocabulary_sums([0], {"a": 1}, *good, *rest)
    # row 1 is unlisted: a proper noun unless written in lower case
    assert _speedups.vocabulary_sums(array("q", [1]).tobytes(), {"a": 2}, *good, *rest)[1] == 2
    got = _speedups.vocabulary_sums(array("q", [1]).tobytes(), {"a": 2}, *good, {"a"}, *rest[1:])
    assert got[6] == 2
    # row 1: level 6 (unlisted), band 6 → the last level and the last band
    assert got[2:6] == ([0] * 6 + [2], [0] * 6 + [1], [0] * 6 + [2], [0] * 6 + [1])
    assert _speedups.vocabulary_sums(array("q", [2]).tobytes(), {"a": 2}, *good, *rest) is None


@needs_c
@pytest.mark.parametrize("n_types", [7, 8, 9, 100, 128, 129, 300, 1000, 5000])
def test_vocabulary_sums_pairwise_sums_on_many_types(n_types: int) -> None:
    # numpy sums more than 8 floats in 8 lanes and more than 128 by halves: the compiled
    # sums must take the same order to give the same bits
    import random

    from factbox import vocabulary as vc

    rnd = random.Random(n_types)
    rows = [(rnd.randrange(7), rnd.randrange(7), rnd.uniform(0, 14), rnd.random() < 0.2)
            for _ in range(50)]
    tab = _vocabulary_table(rows)
    freqs = {f"w{i}": rnd.choice([1, 1, 1, 2, 3, 7, 50]) for i in range(n_types)}
    tab.index = {t: rnd.randrange(len(rows)) for t in freqs}
    forms = set(list(freqs)[::2])
    expected, _ = vc._sums_python(tab, freqs, forms, 3)
    got = _speedups.vocabulary_sums(
        tab.index, freqs, tab.level, tab.cell, tab.lr, tab.rare, forms, 3,
        vc._N_CELLS, vc._UNLISTED_INDEX, vc._B2_INDEX,
    )
    assert got == tuple(expected)


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("1a2b.)( \n\tA\"“’é中•▪◦‣●■►⁃\u2024"), max_size=60))
def test_list_marks_equal_the_regex(text: str) -> None:
    sn = importlib.import_module("factbox.sentences")  # factbox.sentences is the function
    expected = [m.start() for m in sn._ENUM_ONE_RE.finditer(text)]
    saved = _engine.speedups
    try:
        for engine in (saved, None):
            _engine.speedups = engine
            assert sn._list_marks(text) == (any(b in text for b in sn._BULLETS), expected)
    finally:
        _engine.speedups = saved


@needs_c
@settings(max_examples=300, deadline=None)
@given(
    st.text(st.sampled_from("1a.) x中é\u1fff\u2000\uffff"), max_size=70),
    st.integers(0, 70),
    st.sampled_from(["", "•", "⁃", "▪", "\u2021"]),
)
def test_list_marks_compiled_on_wide_text(text: str, at: int, bullet: str) -> None:
    # two-byte strings go through blocks of 8 code units: a mark or a lone bullet anywhere
    text = text[:at] + bullet + text[at:]
    marks = [i for i in range(len(text) - 1) if text[i] in "1a" and text[i + 1] in ".)"]
    assert _speedups.list_marks(text) == (bullet not in ("", "\u2021"), marks)


@needs_c
def test_list_marks_by_hand() -> None:
    # "1." at 0, "a)" at 6; "a.x" at 11 is a start too (the regex decides); "1" at the end
    assert _speedups.list_marks("1. A  a) B a.x 1") == (False, [0, 6, 11])
    assert _speedups.list_marks("") == (False, [])
    assert _speedups.list_marks("x \u2043 y") == (True, [])
    assert _speedups.list_marks("é \u2024 y") == (False, [])  # one dot leader: not a bullet
    with pytest.raises(TypeError):
        _speedups.list_marks(b"1.")


@needs_c
def test_records_equal_their_dataclass(monkeypatch: pytest.MonkeyPatch) -> None:
    import dataclasses

    monkeypatch.setattr(_engine, "speedups", _speedups)  # also under FACTBOX_PURE_PYTHON=1

    from factbox.counts import Counts
    from factbox.diversity import Diversity
    from factbox.profile import FactBox
    from factbox.vocabulary import HardWord, VocabularyProfile

    fb = factbox.profile("The meticulous cat sat on the mat. It sat there, content.")
    for obj in (fb, fb.counts, fb.diversity, fb.vocabulary, fb.vocabulary.hard_words[0]):
        cls = type(obj)
        assert cls in (FactBox, Counts, Diversity, VocabularyProfile, HardWord)
        values = [getattr(obj, f.name) for f in dataclasses.fields(obj)]
        names = [f.name for f in dataclasses.fields(obj)]
        make = _engine.record(cls)
        assert make is not cls
        by_position = make(*values)
        by_keyword = make(**dict(zip(reversed(names), reversed(values), strict=True)))
        mixed = make(*values[:2], **dict(zip(names[2:], values[2:], strict=True)))
        for got in (by_position, by_keyword, mixed):
            assert type(got) is cls and got == cls(*values) == obj
            assert [getattr(got, n) for n in names] == values
            with pytest.raises(dataclasses.FrozenInstanceError):
                setattr(got, names[0], 0)
        with pytest.raises(TypeError):
            make(*values[:-1])
        with pytest.raises(TypeError):
            make(*values[:-1], **{names[0]: values[0]})  # a field twice, one missing
        with pytest.raises(TypeError):
            make(*values[:-1], nonsense=1)


@needs_c
def test_record_falls_back_to_the_class(monkeypatch: pytest.MonkeyPatch) -> None:
    import dataclasses

    monkeypatch.setattr(_engine, "speedups", _speedups)

    @dataclasses.dataclass(frozen=True, slots=True)
    class Checked:
        x: int

        def __post_init__(self) -> None:
            if self.x < 0:
                raise ValueError("x")

    @dataclasses.dataclass(frozen=True)
    class NoSlots:
        x: int

    assert _engine.record(Checked) is Checked
    assert _engine.record(NoSlots) is NoSlots
    with pytest.raises(TypeError):
        _speedups.new_record(object(), 1)
    with pytest.raises(TypeError):
        _speedups.record_maker(NoSlots, ("x",))
    with pytest.raises(AttributeError):
        _speedups.record_maker(Checked, ("x", "nope"))
    with pytest.raises(TypeError):
        _speedups.record_maker(Checked, ("x", "__post_init__"))  # not a slot


@needs_c
@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(st.integers(1, 300), st.integers(1, 60), max_size=25),
    st.integers(1, 120),
)
def test_hdd_equals_reference(spectrum: dict[int, int], draws: int) -> None:
    from collections import Counter

    # the same float operations in the same order: equal to the bit, sorted or not
    assert _speedups.hdd(spectrum, draws) == dv._hdd(Counter(spectrum), draws)
    ordered = dict(sorted(spectrum.items()))
    assert _speedups.hdd(ordered, draws) == dv._hdd(Counter(ordered), draws)


@needs_c
def test_hdd_rejects_bad_spectra() -> None:
    for bad in ({0: 1}, {1: 0}, {2**41: 1}, {"1": 1}):
        with pytest.raises((ValueError, TypeError)):
            _speedups.hdd(bad, 42)
    with pytest.raises(ValueError):
        _speedups.hdd({1: 5}, 0)
    assert _speedups.hdd({}, 1) is None
    assert _speedups.hdd({1: 41}, 42) is None  # N < draws
    assert _speedups.hdd({1: 42}, 42) == 1.0  # every type a hapax: drawn for sure


_TYPES = st.sampled_from(["a", "b", "c", "d", "e", "f"])


@needs_c
@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(_TYPES, st.integers(1, 50), min_size=6, max_size=6),
    st.dictionaries(_TYPES, st.integers(-3, 50)),
    st.dictionaries(_TYPES, st.integers(0, 9)),
    st.dictionaries(_TYPES, st.integers(0, 9)),
)
def test_proper_names_equal_reference(
    freqs: dict[str, int], inside: dict[str, int], initial: dict[str, int], head: dict[str, int]
) -> None:
    from collections import Counter

    from factbox.counts import proper_name_occurrences

    expected = proper_name_occurrences(freqs, {t: c for t, c in inside.items() if c}, initial, head)
    got = _speedups.proper_names(freqs, inside, Counter(initial), Counter(head))
    assert got == expected and list(got) == list(expected)


@needs_c
def test_proper_names_hand_back_what_they_cannot_count() -> None:
    assert _speedups.proper_names({"a": 2}, {"a": 1, "b": 1}, {}, {}) is None  # b not in freqs
    assert _speedups.proper_names({"a": 2}, {"a": 1.0}, {}, {}) is None
    assert _speedups.proper_names({"a": 2**70}, {"a": 1}, {}, {}) is None
    assert _speedups.proper_names({"a": 2}, {"a": 1}, {"a": "1"}, {}) is None
    assert _speedups.proper_names({"a": 2}, {"a": 0, "b": 0}, {}, {}) == {}
    # Moscow said … in Moscow: 1 inside + 1 initial, never lower case: both are names
    assert _speedups.proper_names({"moscow": 2}, {"moscow": 1}, {"moscow": 1}, {}) == {"moscow": 2}
    with pytest.raises(TypeError):
        _speedups.proper_names([], {}, {}, {})


@needs_c
def test_sentence_starts_by_hand() -> None:
    # "Moscow said so." | "" | "TALKS RESUME" (no end punctuation: odd) | "He went home."
    text = "Moscow said so. ! TALKS RESUME\nHe went home."
    spans = [(0, 15), (16, 17), (18, 30), (31, 44)]
    lengths = [3, 0, 2, 3]
    firsts = ["Moscow", None, "TALKS", "He"]
    fold_of = {"Moscow": "moscow", "TALKS": "talks", "He": "he"}
    got = _speedups.sentence_starts(text, spans, lengths, firsts, fold_of, ".!?")
    assert got == ([3, 2, 3], {"moscow": 1, "he": 1}, [2])
    with pytest.raises(ValueError):
        _speedups.sentence_starts(text, spans, lengths[:2], firsts, fold_of, ".")
    with pytest.raises(IndexError):
        _speedups.sentence_starts(text, [(0, 99)], [1], ["M"], {"M": "m"}, ".")
    with pytest.raises(KeyError):
        _speedups.sentence_starts("Hi.", [(0, 3)], [1], ["Hi"], {}, ".")
    with pytest.raises(TypeError):
        _speedups.sentence_starts("Hi.", [(0, 3)], [1], [None], {}, ".")
