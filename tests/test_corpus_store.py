"""The store: schema created by named migrations, recorded, re-run safe; WAL; bad files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import factbox
from factbox.corpus import Corpus, StoreError, store


def test_migrations_recorded_once_and_rerun_is_a_no_op(tmp_path: Path) -> None:
    db = store.connect(tmp_path / "c.db")
    names = [r[0] for r in db.execute("SELECT name FROM _migrations ORDER BY rowid")]
    assert names == [name for name, _ in store.MIGRATIONS]
    assert store.migrate(db) == []  # nothing left to apply
    db.close()
    db = store.connect(tmp_path / "c.db")  # reopening applies nothing either
    assert db.execute("SELECT count(*) FROM _migrations").fetchone()[0] == store.SCHEMA_VERSION


def test_new_migration_applies_only_itself(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store.connect(tmp_path / "c.db").close()

    def step(db: sqlite3.Connection) -> None:
        db.executescript("CREATE TABLE extra (x INTEGER);")

    monkeypatch.setattr(store, "MIGRATIONS", [*store.MIGRATIONS, ("999_extra", step)])
    db = store.connect(tmp_path / "c.db")
    assert db.execute("SELECT name FROM _migrations ORDER BY rowid DESC").fetchone()[0] == (
        "999_extra"
    )
    assert db.execute("SELECT count(*) FROM extra").fetchone()[0] == 0


def test_failing_migration_leaves_nothing_half_done(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.connect(tmp_path / "c.db").close()

    def bad(db: sqlite3.Connection) -> None:
        db.executescript("CREATE TABLE half (x INTEGER); CREATE TABLE half (y INTEGER);")

    monkeypatch.setattr(store, "MIGRATIONS", [*store.MIGRATIONS, ("998_bad", bad)])
    with pytest.raises(StoreError):
        store.connect(tmp_path / "c.db")
    raw = sqlite3.connect(tmp_path / "c.db")
    assert raw.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half'").fetchone()[0] == 0
    assert raw.execute("SELECT count(*) FROM _migrations WHERE name = '998_bad'").fetchone()[0] == 0


def test_store_from_newer_factbox_is_refused(tmp_path: Path) -> None:
    db = store.connect(tmp_path / "c.db")
    db.execute("INSERT INTO _migrations VALUES ('500_future', 'x')")
    db.close()
    with pytest.raises(StoreError, match="newer factbox"):
        store.connect(tmp_path / "c.db")


def test_wal_mode_and_fts5(tmp_path: Path) -> None:
    db = store.connect(tmp_path / "c.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    expected = {"documents", "errors", "documents_fts", "minhash", "dup_groups", "dup_members"}
    assert expected <= tables


def test_not_a_database_is_a_one_line_error(tmp_path: Path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("this is not sqlite\n" * 100)
    with pytest.raises(StoreError, match="not a usable factbox corpus store"):
        store.connect(bad)
    with pytest.raises(StoreError, match="no corpus store"):
        store.connect(tmp_path / "missing.db", create=False)
    with pytest.raises(StoreError, match="is a directory"):
        store.connect(tmp_path)


def test_corpus_is_exported_lazily_from_factbox() -> None:
    assert factbox.Corpus is Corpus
    assert "Corpus" in factbox.__all__


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"the folder .* does not exist"):
        store.connect(tmp_path / "no" / "such" / "c.db")
