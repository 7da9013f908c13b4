"""Dask: profile_dataset on a LocalCluster equals the serial run, for JSONL and Parquet."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus_texts import article

pd = pytest.importorskip("pandas")
pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

from factbox.corpus.dask import FACT_COLUMNS, fact_dicts, profile_dataset, profile_frame  # noqa: E402


def _records(part: int) -> list[dict]:
    out = []
    for i in range(6):
        n = part * 10 + i
        text = "" if i == 4 else article(n, sentences=3 + i)
        out.append({"id": f"doc-{n}", "date": f"2024-05-{i + 1:02}", "text": text})
    return out


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as lc, distributed.Client(lc) as client:
        yield client


def _serial(parts: list[list[dict]]) -> object:
    frames = [profile_frame(pd.DataFrame(p)) for p in parts]
    return pd.concat(frames, ignore_index=True)


def test_jsonl_on_local_cluster_equals_serial(tmp_path: Path, cluster: object) -> None:
    parts = [_records(p) for p in range(3)]
    for p, recs in enumerate(parts):
        (tmp_path / f"part-{p}.jsonl").write_text(
            "".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8"
        )
    out = tmp_path / "out"
    # blocksize=2 KiB splits each file into several partitions
    profile_dataset(str(tmp_path / "part-*.jsonl"), str(out), blocksize=2048)
    got = pd.read_parquet(out).reset_index(drop=True)
    want = _serial(parts)
    assert list(got.columns) == ["id", "date", *FACT_COLUMNS]
    assert got["id"].tolist() == want["id"].tolist()
    pd.testing.assert_frame_equal(got, want, check_dtype=False)
    # the empty text is an error row, not a crash; the others hold the full fact box
    assert got["error"].notna().sum() == 3
    assert fact_dicts(got)[0]["tokens"] == got["tokens"].iloc[0]


def test_parquet_input(tmp_path: Path, cluster: object) -> None:
    parts = [_records(p) for p in range(2)]
    (tmp_path / "in").mkdir()
    for p, recs in enumerate(parts):
        pd.DataFrame(recs).to_parquet(tmp_path / "in" / f"p{p}.parquet")
    profile_dataset(str(tmp_path / "in" / "*.parquet"), str(tmp_path / "out"))
    got = pd.read_parquet(tmp_path / "out").reset_index(drop=True)
    pd.testing.assert_frame_equal(got, _serial(parts), check_dtype=False)


def test_fsspec_urls_in_and_out() -> None:
    fsspec = pytest.importorskip("fsspec")
    dask = pytest.importorskip("dask")
    fs = fsspec.filesystem("memory")
    with fs.open("/factbox-test/in/a.jsonl", "w") as fh:
        fh.write("".join(json.dumps(r) + "\n" for r in _records(7)))
    try:
        with dask.config.set(scheduler="synchronous"):
            profile_dataset("memory://factbox-test/in/*.jsonl", "memory://factbox-test/out/")
        got = pd.read_parquet("memory://factbox-test/out/").reset_index(drop=True)
        pd.testing.assert_frame_equal(got, _serial([_records(7)]), check_dtype=False)
    finally:
        fs.rm("/factbox-test", recursive=True)
