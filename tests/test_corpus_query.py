"""Query, stats, export and the command line over a small invented corpus."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpus_texts import article
from factbox.cli import cli
from factbox.corpus import Corpus, Filters, MissingExtraError, QueryError
from factbox.corpus.stats import bin_index, bin_labels

SIMPLE = "The cat sat on the mat. It was happy."  # FK grade -0.72 (see test_corpus_ingest)
HARD = (
    "Notwithstanding considerable institutional opposition, the municipal administration "
    "systematically reorganised interdepartmental communication procedures."
)

RECORDS = [
    {"text": SIMPLE, "title": "Cat", "date": "2024-01-05", "source": "Daily Example"},
    {"text": HARD, "title": "Council", "date": "2024-02-10T08:30:00Z", "source": "daily example"},
    {"text": article(1), "title": "Harbour", "date": "2023-12-31", "source": "Wire"},
    {"text": article(2), "title": "Museum", "source": "Wire"},
    {"text": article(3), "title": "Bridge", "date": "2024-03-01"},
]


@pytest.fixture()
def corpus(tmp_path: Path) -> Corpus:
    f = tmp_path / "news.jsonl"
    f.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    c = Corpus(tmp_path / "c.db")
    c.add(f, workers=0)
    return c


def ids(docs: list) -> list[int]:
    return [d.id for d in docs]


def test_metadata_from_jsonl_fields(corpus: Corpus) -> None:
    d = corpus.get(2)
    assert (d.title, d.date, d.source) == ("Council", "2024-02-10T08:30:00Z", "daily example")
    assert d.meta == {"date": "2024-02-10T08:30:00Z", "source": "daily example",
                      "title": "Council"}


def test_filters(corpus: Corpus) -> None:
    levels = {d.id: d.level for d in corpus.list()}
    assert levels[1] < 1
    assert levels[2] > 12  # the hard sentence is far above grade 12
    assert ids(corpus.list(level_max=1)) == [1]
    assert ids(corpus.list(level_min=12)) == [2]
    assert ids(corpus.list(level_min=levels[3], level_max=levels[3])) == [3]  # inclusive
    # dates compare on the first 10 characters, inclusive; undated documents are left out
    assert ids(corpus.list(date_from="2024-01-05")) == [1, 2, 5]
    assert ids(corpus.list(date_to="2024-02-10")) == [1, 2, 3]
    assert ids(corpus.list(date_from="2024-01-01", date_to="2024-01-31")) == [1]
    # sources are matched case-insensitively; several are OR-ed
    assert ids(corpus.list(source="DAILY EXAMPLE")) == [1, 2]
    assert ids(corpus.list(source=("wire", "daily example"))) == [1, 2, 3, 4]
    # FTS5 over title and body
    assert ids(corpus.list(search="municipal")) == [2]
    assert ids(corpus.list(search="harbour")) == ids(
        [d for d in corpus.list() if "harbour" in corpus.get(d.id).body.lower() or d.id == 3]
    )
    # sort, limit
    assert ids(corpus.list(sort="-date")) == [5, 2, 1, 3, 4]  # undated last
    assert ids(corpus.list(sort="level", limit=2)) == sorted(levels, key=levels.get)[:2]
    assert ids(corpus.list(Filters(source=("wire",)), sort="-id")) == [4, 3]


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"date_from": "31/12/2024"}, "date like 2024-05-31"),
        ({"sort": "colour"}, "sort must be one of"),
        ({"search": '"unbalanced'}, "bad search query"),
        ({"level_min": 5, "level_max": 2}, "is above level_max"),
        ({"shape": "round"}, "unknown filter"),
    ],
)
def test_bad_filters_are_one_line_errors(corpus: Corpus, kw: dict, message: str) -> None:
    with pytest.raises(QueryError, match=message) as info:
        corpus.list(**kw)
    assert "\n" not in str(info.value)


def test_level_bins_by_hand() -> None:
    # bin i holds i <= level < i + 1; below 1 (and negative) -> "< 1"; 20 and above -> "≥ 20"
    assert [bin_index(x) for x in (-3.2, 0.0, 0.99, 1.0, 1.99, 12.5, 19.99, 20.0, 35.0)] == [
        0, 0, 0, 1, 1, 12, 19, 20, 20
    ]
    labels = bin_labels()
    assert (labels[0], labels[1], labels[12], labels[-1]) == ("< 1", "1–2", "12–13", "≥ 20")


def test_stats(corpus: Corpus) -> None:
    s = corpus.stats()
    docs = corpus.list()
    assert s.documents == 5 and s.errors == 0
    assert s.tokens == sum(d.tokens for d in docs)
    assert (s.date_min, s.date_max) == ("2023-12-31", "2024-03-01")
    assert sum(n for _, n in s.level_bins) + s.no_level == 5
    assert dict(s.level_bins)["< 1"] == 1  # the cat sentence
    assert s.sources[0] == ("Wire", 2)
    sub = corpus.stats(source="wire")
    assert sub.documents == 2
    assert json.loads(json.dumps(s.to_dict()))["documents"] == 5


def test_export_formats(corpus: Corpus, tmp_path: Path) -> None:
    n = corpus.export(tmp_path / "a.csv", "csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "a.csv").read_text(encoding="utf-8"))))
    assert n == len(rows) == 5
    assert rows[0]["title"] == "Cat" and rows[0]["tokens"] == "9"
    assert "readability.smog" in rows[0] and "diversity.mtld" in rows[0] and "body" not in rows[0]

    corpus.export(tmp_path / "a.jsonl", "jsonl", text=True, level_max=1)
    (one,) = [json.loads(x) for x in (tmp_path / "a.jsonl").read_text("utf-8").splitlines()]
    assert one["body"] == SIMPLE and one["counts.sentences"] == 2 and one["authors"] == []

    pq = pytest.importorskip("pyarrow.parquet")
    corpus.export(tmp_path / "a.parquet", "parquet", sort="-id")
    t = pq.read_table(tmp_path / "a.parquet")
    assert t.num_rows == 5 and t.column("id").to_pylist() == [5, 4, 3, 2, 1]
    assert str(t.schema.field("level").type) == "double"

    df = corpus.to_pandas()
    assert list(df.index) == [1, 2, 3, 4, 5] and df.loc[1, "tokens"] == 9


def test_export_empty_selection_still_writes_a_header(corpus: Corpus, tmp_path: Path) -> None:
    assert corpus.export(tmp_path / "e.csv", "csv", source="nobody") == 0
    assert (tmp_path / "e.csv").read_text().startswith("id,path,url")


def run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(cli, list(args))
    return r.exit_code, r.stdout, r.stderr


def test_cli_end_to_end(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(SIMPLE)
    (d / "b.txt").write_text(SIMPLE)
    (d / "c.txt").write_text(article(4))
    (d / "bad.txt").write_bytes(b"\x81\x8d")
    db = str(tmp_path / "c.db")
    code, out, err = run("corpus", "add", db, str(d))
    assert code == 0 and out.startswith("3 added, 0 already stored, 1 errors")
    assert "neither UTF-8" in err
    code, out, _ = run("corpus", "add", db, str(d), "--json")
    assert json.loads(out)["added"] == 0

    code, out, _ = run("corpus", "list", db, "--level-max", "1", "--json")
    assert [json.loads(x)["id"] for x in out.splitlines()] == [1, 2]
    code, out, _ = run("corpus", "list", db, "--sort", "-tokens", "--limit", "1")
    assert out.splitlines()[1].split()[0] == "3"

    code, out, _ = run("corpus", "show", db, "1")
    assert "Tokens: 9" in out and "Duplicate (exact, similarity 1.00): #2" in out
    code, out, _ = run("corpus", "duplicates", db)
    assert out.splitlines()[0] == "Group 1 (exact, 2 documents)"

    html = tmp_path / "h.html"
    code, out, _ = run("corpus", "stats", db, "--html", str(html))
    assert code == 0 and "Documents: 3" in out and "Errors: 1" in out
    assert "<svg" in html.read_text() and "</html>" in html.read_text()

    code, out, _ = run("corpus", "export", db, "--format", "csv", "-o", "-", "--text")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["body"] for r in rows][:2] == [SIMPLE, SIMPLE]


def test_cli_errors_are_one_line(tmp_path: Path) -> None:
    code, _, err = run("corpus", "list", str(tmp_path / "missing.db"))
    assert code == 2 and err.startswith("factbox: no corpus store") and err.count("\n") == 1
    db = str(tmp_path / "c.db")
    Corpus(db).close()
    code, _, err = run("corpus", "show", db, "7")
    assert code == 2 and "no document with id 7" in err and "Traceback" not in err
    code, _, err = run("corpus", "list", db, "--date-from", "yesterday")
    assert code == 2 and "date like" in err


def test_parquet_without_pyarrow_is_a_clear_message(
    corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow -> ImportError
    with pytest.raises(MissingExtraError, match=r"pip install 'factbox\[parquet\]'"):
        corpus.export(tmp_path / "x.parquet", "parquet")
