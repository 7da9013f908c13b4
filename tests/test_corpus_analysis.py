"""The corpus analysis commands (kwic, freq, keywords, collocates) over a small store."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factbox.analysis import stats
from factbox.cli import cli
from factbox.corpus import Corpus

# Invented texts: two about trade (source "Wire"), one about a harbour (source "Gazette"),
# and a copy of the first (an exact duplicate).
TRADE_1 = "Trade between the two ports grew. Trade grew again in May."
TRADE_2 = "The ports signed a trade deal. Officials signed it on Monday."
HARBOUR = "The old harbour was quiet. Boats rested in the harbour at night."
RECORDS = [
    {"text": TRADE_1, "source": "Wire", "title": "One"},
    {"text": TRADE_2, "source": "Wire", "title": "Two"},
    {"text": HARBOUR, "source": "Gazette", "title": "Three"},
    {"text": TRADE_1, "source": "Wire", "title": "Copy"},
]


@pytest.fixture()
def db(tmp_path: Path) -> str:
    f = tmp_path / "news.jsonl"
    f.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    path = tmp_path / "c.db"
    with Corpus(path) as c:
        c.add(f, workers=0)
    return str(path)


def run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(cli, ["corpus", *args])
    return r.exit_code, r.stdout, r.stderr


def test_texts_and_unique(db: str) -> None:
    with Corpus(db) as c:
        assert [i for i, _ in c.texts()] == [1, 2, 3, 4]
        assert [i for i, _ in c.texts(unique=True)] == [1, 2, 3]  # 4 copies 1
        assert [i for i, _ in c.texts(source=("gazette",))] == [3]


def test_kwic_table_json_and_spread(db: str) -> None:
    code, out, err = run("kwic", db, "trade", "--width", "12")
    assert code == 0
    *lines, summary = out.splitlines()
    assert lines[0].split() == ["doc", "left", "match", "right"]
    assert len(lines) == 1 + 5  # trade ×2 in docs 1 and 4, ×1 in doc 2
    assert summary == "5 hits in 3 of 4 documents"
    code, out, err = run("kwic", db, "trade", "--json", "--unique")
    hits = [json.loads(x) for x in out.splitlines()]
    assert [h["doc"] for h in hits] == [1, 1, 2]
    assert hits[0]["match"] == "Trade" and hits[0]["right"].startswith(" between")
    assert err.strip() == "3 hits in 2 of 3 documents"
    code, out, _ = run("kwic", db, "trade", "--by-doc", "--csv")
    assert list(csv.reader(io.StringIO(out))) == [["doc", "hits"], ["1", "2"], ["4", "2"],
                                                   ["2", "1"]]


def test_kwic_lemma_and_filters(db: str) -> None:
    _, out, _ = run("kwic", db, "sign", "--mode", "lemma", "--json")
    assert [json.loads(x)["match"] for x in out.splitlines()] == ["signed", "signed"]
    _, out, _ = run("kwic", db, "harbour", "--json", "--source", "Wire")
    assert out == ""


def test_freq_matches_the_library(db: str) -> None:
    code, out, _ = run("freq", db, "--json", "--unique")
    rows = {r["item"]: r for r in map(json.loads, out.splitlines())}
    # unique docs 1-3: 11 + 11 + 12 = 34 tokens; "the" once in docs 1 and 2, twice in doc 3
    the = rows["the"]
    assert (the["freq"], the["range"]) == (4, 3)
    assert the["per_million"] == pytest.approx(4 / 34 * 1e6)
    # DP = ½(|1/4 − 11/34| + |1/4 − 11/34| + |2/4 − 12/34|) = ½(.0735 + .0735 + .1471) = .1471
    assert the["dp"] == pytest.approx(0.147059, abs=1e-6)
    assert the["dp"] == pytest.approx(stats.gries_dp([1, 1, 2], [11, 11, 12]))
    code, out, _ = run("freq", db, "-n", "2", "--csv")
    assert code == 0
    rows = {r["item"]: r for r in csv.DictReader(io.StringIO(out))}
    assert (rows["trade grew"]["freq"], rows["trade grew"]["range"]) == ("2", "2")  # docs 1, 4
    assert "grew trade" not in rows  # bigrams stay inside sentences


def test_keywords_against_the_rest(db: str) -> None:
    code, out, _ = run("keywords", db, "--source", "Gazette", "--unique", "--json",
                       "--min-freq", "2")
    assert code == 0
    kws = [json.loads(x) for x in out.splitlines()]
    assert kws[0]["item"] == "harbour"
    # target: doc 3 (12 tokens), harbour ×2; reference: docs 1-2 (22 tokens), harbour ×0
    assert kws[0]["log_likelihood"] == pytest.approx(stats.log_likelihood(2, 0, 12, 22))
    assert kws[0]["log_ratio"] == pytest.approx(stats.log_ratio(2, 0, 12, 22))


def test_collocates(db: str) -> None:
    code, out, _ = run("collocates", db, "trade", "--left", "1", "--right", "1", "--min-freq",
                       "2", "--json")
    assert code == 0
    rows = {r["item"]: r for r in map(json.loads, out.splitlines())}
    # ±1 window inside sentences around "trade" (docs 1, 2, 4): grew ×2 (once per copy of doc
    # 1, in "Trade grew again"), deal ×1 (below --min-freq 2)
    assert rows["grew"]["o11"] == 2 and "deal" not in rows


def test_analysis_errors_are_one_line(db: str, tmp_path: Path) -> None:
    code, _, err = run("kwic", db, "ca(", "--mode", "regex")
    assert code == 2 and err.startswith("factbox: invalid regular expression")
    code, _, err = run("collocates", db, "two words")
    assert code != 0 and "one word" in err and "Traceback" not in err
    code, _, err = run("freq", str(tmp_path / "none.db"))
    assert code == 2 and err.startswith("factbox: no corpus store")


def test_keywords_against_a_reference_subcorpus(db: str) -> None:
    # target: Wire (docs 1, 2, 4); reference: Gazette only (doc 3, 12 tokens)
    code, out, _ = run("keywords", db, "--source", "Wire", "--ref", "source=Gazette", "--json",
                       "--min-freq", "2", "--p", "1")
    assert code == 0
    kws = {k["item"]: k for k in map(json.loads, out.splitlines())}
    # trade: 5 in 33 Wire tokens (11 + 11 + 11), 0 in the 12 Gazette tokens
    assert (kws["trade"]["a"], kws["trade"]["b"]) == (5, 0)
    assert kws["trade"]["log_ratio"] == pytest.approx(stats.log_ratio(5, 0, 33, 12))
    code, _, err = run("keywords", db, "--ref", "colour=red")
    assert code != 0 and err.startswith("factbox: --ref takes FILTER=VALUE")
