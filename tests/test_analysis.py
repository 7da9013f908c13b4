"""Concordance, frequency lists, keywords and collocations on texts we write."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factbox.analysis import stats
from factbox.analysis.collocations import collocations
from factbox.analysis.frequency import frequency_list
from factbox.analysis.keywords import keywords
from factbox.analysis.kwic import QueryError, kwic

DOCS = [
    ("a", "The cat sat. The cat ran."),  # 6 tokens
    ("b", "A dog sat on the mat."),  # 6 tokens
    ("c", "Dogs and cats."),  # 3 tokens
]


def test_kwic_word_case_insensitive_with_context() -> None:
    c = kwic(DOCS, "CAT", width=10)
    assert c.total == 2
    assert [(h.doc, h.match) for h in c.hits] == [("a", "cat"), ("a", "cat")]
    assert c.hits[0].left == "The "
    assert c.hits[0].right == " sat. The "
    assert c.per_document == {"a": 2}
    assert c.documents_searched == 3


def test_kwic_modes_and_sorting() -> None:
    assert kwic(DOCS, "the cat", mode="phrase").total == 2
    assert kwic(DOCS, "cat*").total == 3  # cat, cat, cats
    assert kwic(DOCS, r"dogs?", mode="regex").total == 2
    hits = kwic(DOCS, "sat", sort="left").hits
    # left contexts (L1): "cat" (doc a) < "dog" (doc b)
    assert [h.doc for h in hits] == ["a", "b"]
    hits = kwic(DOCS, "the", sort="right").hits  # R1: cat, cat, mat
    assert [h.right.split()[0].strip(".") for h in hits] == ["cat", "cat", "mat"]


def test_kwic_bad_queries() -> None:
    with pytest.raises(QueryError, match="empty"):
        kwic(DOCS, "  ")
    with pytest.raises(QueryError, match="invalid regular expression"):
        kwic(DOCS, "ca(t", mode="regex")
    with pytest.raises(QueryError, match="phrase"):
        kwic(DOCS, "the cat")


def test_frequency_list_with_dispersion() -> None:
    fl = frequency_list(DOCS)
    assert (fl.tokens, fl.documents) == (15, 3)
    the = next(i for i in fl.items if i.item == "the")
    # the: 2 in a (6 tokens), 1 in b (6), 0 in c (3); N = 15
    assert (the.freq, the.range) == (3, 2)
    assert the.per_million == pytest.approx(3 / 15 * 1e6)
    # DP = ½(|2/3 − 6/15| + |1/3 − 6/15| + |0 − 3/15|) = ½(.266667 + .066667 + .2) = .266667
    assert the.dp == pytest.approx(0.266667, abs=1e-6)
    assert the.dp == pytest.approx(stats.gries_dp([2, 1, 0], [6, 6, 3]))
    assert the.juilland_d == pytest.approx(stats.juilland_d([2, 1, 0], [6, 6, 3]))
    assert fl.items[0].item == "the"  # most frequent first


def test_ngrams_stay_inside_sentences() -> None:
    fl = frequency_list([("x", "One two. Three four.")], n=2)
    assert [i.item for i in fl.items] == ["one two", "three four"]  # no "two three"
    assert fl.items[0].dp is None  # one document: dispersion undefined


def test_keywords_filters_and_values() -> None:
    target = Counter({"russia": 30, "the": 100, "rare": 1})
    reference = Counter({"the": 1000, "russia": 2, "cat": 20})
    kws = keywords(target, reference, target_size=500, reference_size=10_000)
    items = [k.item for k in kws]
    assert items[0] == "russia"
    ru = kws[0]
    assert ru.log_likelihood == pytest.approx(stats.log_likelihood(30, 2, 500, 10_000))
    assert ru.log_ratio == pytest.approx(stats.log_ratio(30, 2, 500, 10_000))
    assert "cat" not in items  # negative keyword, excluded by default
    neg = keywords(target, reference, target_size=500, reference_size=10_000,
                   include_negative=True, p=None)  # fmt: skip
    assert "cat" in [k.item for k in neg] and not next(k for k in neg if k.item == "cat").positive
    # effect-size filter: "the" has Log Ratio log2((100/500)/(1000/10000)) = 1
    assert "the" not in [k.item for k in keywords(target, reference, target_size=500,
                                                  reference_size=10_000, min_log_ratio=1.5)]


def test_collocations_window_counts() -> None:
    docs = [
        (1, "China and Russia signed a deal. China and Russia agreed."),  # 6 + 4 tokens
        (2, "Russia and China trade."),  # 4 tokens
    ]
    col = {c.item: c for c in collocations(docs, "china", left=1, right=1, min_freq=1)}
    # windows of ±1 around "china": (and), (and), (and, trade) → and: 3, trade: 1
    assert col["and"].o11 == 3 and col["trade"].o11 == 1
    assert "russia" not in col
    n = 14
    assert col["and"].n == n and col["and"].r1 == 3 and col["and"].c1 == 3
    assert col["and"].log_dice == pytest.approx(14.0)  # 2·3/(3+3) = 1 → 14
    assert col["trade"].mi == pytest.approx(stats.mutual_information(1, 3, 1, n))


_pieces = st.sampled_from(
    ["the", "The", "THE", "cat", "cat's", "U.S.", "s", "S", "the-cat", "the.Cat", "don't",
     "don’t", "3.30", "30", "http://the.org/the", "the@the.org", " ", "\n", ". ", ", ", "(", ")"]
)
_texts = st.lists(_pieces, max_size=40).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(st.lists(_texts, min_size=1, max_size=3),
       st.sampled_from(["the", "cat", "s", "don't", "30", "the cat"]),
       st.sampled_from(["position", "left", "right"]))
def test_literal_fast_path_equals_full_tokenisation(
    texts: list[str], query: str, sort: str
) -> None:
    # word/phrase queries use a regex-and-verify fast path; regex mode tokenises everything.
    docs = list(enumerate(texts))
    mode = "phrase" if " " in query else "word"
    slow_query = " ".join(re.escape(w) for w in query.split())
    fast = kwic(docs, query, mode=mode, sort=sort)  # type: ignore[arg-type]
    slow = kwic(docs, slow_query.replace("'", "['’]"), mode="regex", sort=sort)  # type: ignore[arg-type]
    assert fast.hits == slow.hits
    assert fast.per_document == slow.per_document
