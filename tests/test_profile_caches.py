"""profile()'s per-type count table (cached across calls) and its one regex pass for all
sentences change no result; the table stays bounded and is safe under threads."""

from __future__ import annotations

import sys

import pytest

import factbox
from factbox.sentences import sentence_spans
from factbox.tokens import TOKEN_RE, sentence_tokens

P = sys.modules["factbox.profile"]

TEXT = (
    "Storm Closes Harbour\n\n"
    "The harbour at St. Ives closed at 3.30 p.m. on Monday. Ferries didn't sail; the U.S. "
    "coastguard said 1,200 people waited. Dr. Okafor's team counted 20th-century wrecks.\n"
    "Nobody complained. The harbour reopened on Tuesday."
)


def test_caches_past_their_limits_change_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    expected = factbox.profile(TEXT).to_dict()
    expected_pyphen = factbox.profile(TEXT, syllable_method="pyphen").to_dict()
    monkeypatch.setattr(P._TypeTable, "LIMIT", 5)
    P._TABLES.clear()
    try:
        assert factbox.profile(TEXT).to_dict() == expected  # ~40 types > 5: the table restarts
        assert factbox.profile(TEXT, syllable_method="pyphen").to_dict() == expected_pyphen
        assert factbox.profile(TEXT).to_dict() == expected
        assert len(P._TABLES["cmudict"].state[0]) <= 50
        factbox.profile("Cats sat.")
        assert len(P._TABLES["cmudict"].state[0]) == 2  # started afresh: 2 + 30-odd > 5
    finally:
        P._TABLES.clear()


def test_one_pass_tokenising_equals_a_findall_per_sentence() -> None:
    text = TEXT + " End.\x01Odd control character. A.B.C. x.y"
    spans = sentence_spans(text)
    expected = [TOKEN_RE.findall(text, a, b) for a, b in spans]
    assert sentence_tokens(text, spans) == expected  # the slow path (text has \x01)
    clean = text.replace("\x01", " ")
    spans = sentence_spans(clean)
    assert sentence_tokens(clean, spans) == [TOKEN_RE.findall(clean, a, b) for a, b in spans]


def test_type_table_grows_and_threads_agree() -> None:
    from concurrent.futures import ThreadPoolExecutor

    texts = [f"Word{i} and more{i} words{i} here. Another sentence{i} ends." for i in range(1200)]
    expected = [factbox.profile(t).to_dict() for t in texts]
    P._TABLES.clear()  # a fresh table: 4096 rows at first, it must grow while threads read it
    try:
        with ThreadPoolExecutor(4) as pool:
            got = list(pool.map(lambda t: factbox.profile(t).to_dict(), texts * 2))
        assert got == expected * 2
        assert len(P._TABLES["cmudict"].state[1]) > 4096
    finally:
        P._TABLES.clear()


def test_vocabulary_table_starting_afresh_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    # profile's type table keeps each type's row in the vocabulary table; when that table
    # starts afresh (past its limit), those rows are stale and must not be used
    from concurrent.futures import ThreadPoolExecutor

    vocabulary = sys.modules["factbox.vocabulary"]
    texts = [TEXT] + [f"Word{i} and more{i} words{i} here. Another sentence{i}." for i in range(60)]
    expected = [factbox.profile(t).to_dict() for t in texts]
    table = vocabulary._table()
    monkeypatch.setattr(vocabulary, "_TABLE_LIMIT", 30)
    P._TABLES.clear()
    try:
        table.__init__()  # empty: every text now adds types past the limit of 30
        gen = table.generation
        assert [factbox.profile(t).to_dict() for t in texts] == expected
        assert table.generation > gen  # it did start afresh
        with ThreadPoolExecutor(4) as pool:
            got = list(pool.map(lambda t: factbox.profile(t).to_dict(), texts * 3))
        assert got == expected * 3
        vocabulary.vocabulary_profile("Quite other words restart it.")  # not through profile
        assert factbox.profile(TEXT).to_dict() == expected[0]
        # stale rows are refused, and profile's table starts afresh with the new generation
        stale = P._TABLES["cmudict"]
        table.__init__()
        table.ensure(["cat"])
        rows = table.index["cat"].to_bytes(8, sys.byteorder)  # one int64
        assert vocabulary.compute_rows({"cat": 1}, {"cat"}, rows, table.generation - 1) is None
        fresh_rows = vocabulary.compute_rows({"cat": 1}, {"cat"}, rows, table.generation)
        assert (fresh_rows is None) == (factbox.engine() == "python")  # compiled only
        fresh = P._type_table("cmudict", stale.count_syllables)
        assert fresh is not stale and fresh.state[2] == table.generation
    finally:
        P._TABLES.clear()
        table.__init__()
