"""Ingest: idempotent, parallel = serial, errors collected, crash-safe under kill -9,
readers never blocked by the writer."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

import factbox
from corpus_texts import article, with_boilerplate
from factbox.corpus import Corpus

SRC = str(Path(factbox.__file__).resolve().parents[1])


def snapshot(db_path: Path) -> dict[str, list[tuple]]:
    """Everything an ingest writes, except the time stamps."""
    db = sqlite3.connect(db_path)
    try:
        return {
            "documents": db.execute(
                "SELECT id, source_key, path, url, input_format, raw, body, title, date, authors, "
                "source, meta, raw_hash, body_hash, level, tokens, types, ttr, sentences, "
                "syllables, fact, removed FROM documents ORDER BY id"
            ).fetchall(),
            "minhash": db.execute("SELECT * FROM minhash ORDER BY doc_id").fetchall(),
            "errors": db.execute(
                "SELECT source_key, path, stage, message FROM errors ORDER BY source_key"
            ).fetchall(),
            "dups": db.execute(
                "SELECT g.id, g.kind, m.doc_id, m.similarity FROM dup_groups g "
                "JOIN dup_members m ON m.group_id = g.id ORDER BY g.id, m.doc_id"
            ).fetchall(),
            "fts": db.execute(
                "SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'harbour' "
                "ORDER BY rowid"
            ).fetchall(),
        }
    finally:
        db.close()


def integrity(db_path: Path) -> None:
    db = sqlite3.connect(db_path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        db.execute("INSERT INTO documents_fts (documents_fts) VALUES ('integrity-check')")
    finally:
        db.close()


def make_inputs(root: Path, n: int = 60) -> Path:
    """n invented articles as files, a JSONL file, a zip, a duplicate and some bad inputs."""
    d = root / "in"
    (d / "site").mkdir(parents=True)
    for i in range(n):
        (d / "site" / f"{i:03}.txt").write_text(article(i), encoding="utf-8")
    (d / "site" / "copy_of_007.txt").write_text(article(7), encoding="utf-8")  # exact duplicate
    (d / "site" / "wire_011.txt").write_text(with_boilerplate(article(11), 1), encoding="utf-8")
    with open(d / "dump.jsonl", "w", encoding="utf-8") as fh:
        for i in range(n, n + 10):
            fh.write(json.dumps({"text": article(i), "title": f"Story {i}",
                                 "date": f"2024-03-{i - n + 1:02}", "source": "wire"}) + "\n")
        fh.write("{broken\n")
    with zipfile.ZipFile(d / "pack.zip", "w") as zf:
        for i in range(n + 10, n + 15):
            zf.writestr(f"pack/{i}.txt", article(i))
        zf.writestr("../slip.txt", "nope")
    (d / "bad.txt").write_bytes(b"\x81\x8d not utf-8 nor cp1252")
    (d / "empty.txt").write_text("   \n")
    return d


def test_add_twice_adds_nothing_and_parallel_equals_serial(tmp_path: Path) -> None:
    inputs = make_inputs(tmp_path, n=30)
    with Corpus(tmp_path / "serial.db") as c:
        first = c.add(inputs, workers=0, batch_size=7)
        again = c.add(inputs, workers=0)
    assert first.added == 30 + 2 + 10 + 5
    assert first.failed == 4  # broken JSONL line, zip-slip, non-UTF-8, empty text
    assert again.added == 0 and again.skipped == first.added and again.failed == 4
    with Corpus(tmp_path / "parallel.db") as c:
        par = c.add(inputs, workers=2, batch_size=5)
    assert par.added == first.added
    assert snapshot(tmp_path / "serial.db") == snapshot(tmp_path / "parallel.db")
    integrity(tmp_path / "parallel.db")


def test_errors_are_reported_with_stage_and_do_not_stop(tmp_path: Path) -> None:
    inputs = make_inputs(tmp_path, n=3)
    with Corpus(tmp_path / "c.db") as c:
        rep = c.add(inputs, workers=0)
        errs = {
            e["path"].split("!")[1] if "!" in e["path"] else Path(e["path"]).name:
            (e["stage"], e["message"])
            for e in c.errors()
        }
    assert rep.added == 3 + 2 + 10 + 5
    assert errs["bad.txt"][0] == "decode" and "neither UTF-8" in errs["bad.txt"][1]
    assert errs["empty.txt"][0] == "clean"
    assert errs["../slip.txt"][0] == "archive"
    assert errs["dump.jsonl:11"][0] == "decode"


def test_stored_values_are_the_fact_box_of_the_body(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("The cat sat on the mat. It was happy.\n")
    with Corpus(tmp_path / "c.db") as c:
        c.add(f, workers=0)
        doc = c.get(1)
    box = factbox.profile("The cat sat on the mat. It was happy.")
    assert doc.body == "The cat sat on the mat. It was happy."
    assert doc.fact == json.loads(json.dumps(box.to_dict()))
    # 9 tokens, 8 types ('the' twice), 2 sentences
    assert (doc.fact["tokens"], doc.fact["types"], doc.fact["counts"]["sentences"]) == (9, 8, 2)


def test_changed_file_is_a_new_version_and_error_cleared_when_fixed(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(b"\x81 broken")
    with Corpus(tmp_path / "c.db") as c:
        assert c.add(f, workers=0).failed == 1
        f.write_text("Now it is fine. Really fine.")
        rep = c.add(f, workers=0)
        assert (rep.added, rep.failed) == (1, 0)
        assert c.errors() == []
        f.write_text("Edited again, a second version.")
        assert c.add(f, workers=0).added == 1
        assert len(c) == 2


_CHILD = """
import sys
sys.path.insert(0, {src!r})
from factbox.corpus import Corpus
def tick(report):
    print("batch", report.added, flush=True)
with Corpus({db!r}) as c:
    c.add([{inputs!r}], workers=2, batch_size=3, progress=tick)
print("done", flush=True)
"""


def _start(db: Path, inputs: Path) -> subprocess.Popen[str]:
    code = _CHILD.format(src=SRC, db=str(db), inputs=str(inputs))
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True,
                            start_new_session=True)


def _kill_after(proc: subprocess.Popen[str], batches: int, delay: float) -> bool:
    """Wait for ``batches`` committed batches, sleep ``delay``, kill -9 the ingest (and its
    workers). Returns False if the ingest finished first."""
    assert proc.stdout is not None
    seen = 0
    for line in proc.stdout:
        if line.startswith("batch"):
            seen += 1
            if seen >= batches:
                time.sleep(delay)
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
                return True
    proc.wait()
    return False


def test_kill_9_at_random_points_then_rerun_equals_uninterrupted_run(tmp_path: Path) -> None:
    inputs = make_inputs(tmp_path, n=60)
    ref = tmp_path / "ref.db"
    with Corpus(ref) as c:
        c.add(inputs, workers=0)
    db = tmp_path / "killed.db"
    rng = random.Random(20261122)
    kills = 0
    readers = 0
    for _ in range(3):
        proc = _start(db, inputs)
        batches = rng.randint(1, 8)
        delay = rng.uniform(0.0, 0.05)
        kills += _kill_after(proc, batches, delay)
        if db.exists():
            # a reader can always open and query the store a killed writer left behind
            with Corpus(db) as c:
                readers += len(c.list(limit=5)) >= 0
    assert kills >= 2, "the ingest finished before it could be killed; make the input bigger"
    with Corpus(db) as c:
        c.add(inputs, workers=0)
    assert snapshot(db) == snapshot(ref)
    integrity(db)


def test_readers_query_while_ingest_runs(tmp_path: Path) -> None:
    inputs = make_inputs(tmp_path, n=60)
    db = tmp_path / "c.db"
    Corpus(db).close()  # create the schema first
    proc = _start(db, inputs)
    counts = []
    try:
        with Corpus(db) as c:
            while proc.poll() is None:
                counts.append(len(c.list()))
                c.stats()
                c.list(search="harbour", limit=3)
                time.sleep(0.02)
    finally:
        proc.wait()
    assert proc.returncode == 0
    assert counts == sorted(counts)  # readers see committed batches only, never going back
    assert len(set(counts)) > 2  # and they saw the store grow while it was being written
    with Corpus(db) as c:
        assert len(c) == 60 + 2 + 10 + 5
    integrity(db)


@pytest.mark.parametrize("workers", [0, 2])
def test_progress_is_called_per_batch(tmp_path: Path, workers: int) -> None:
    inputs = make_inputs(tmp_path, n=10)
    calls = []
    with Corpus(tmp_path / "c.db") as c:
        rep = c.add(inputs, workers=workers, batch_size=4, progress=lambda r: calls.append(r.added))
    assert calls == sorted(calls) and calls[-1] == rep.added
