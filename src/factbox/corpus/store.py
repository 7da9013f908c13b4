"""The corpus store: one SQLite file (WAL mode), its schema and named migrations.

The schema is built by an ordered list of named migrations. Each applied migration is recorded
in ``_migrations`` (name, applied_at), as sqlite-utils-migrate does, so opening a store applies
only what is missing and re-running is safe. Add a new migration at the end of
:data:`MIGRATIONS`; never edit one that has shipped. ``docs/corpus.md`` documents every table.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from factbox.corpus.errors import StoreError

Migration = tuple[str, Callable[[sqlite3.Connection], None]]


def _m001_documents(db: sqlite3.Connection) -> None:
    db.executescript(
        """
        CREATE TABLE documents (
            id            INTEGER PRIMARY KEY,
            source_key    TEXT NOT NULL,   -- identity of the input: path, archive!member, file#L12
            path          TEXT NOT NULL,   -- the file (or archive) the document came from
            url           TEXT,
            input_format  TEXT NOT NULL,   -- text | html | jsonl | warc
            raw           TEXT NOT NULL,
            body          TEXT NOT NULL,   -- cleaned text, what the fact box describes
            title         TEXT,
            date          TEXT,            -- ISO 8601 (YYYY-MM-DD or longer) or NULL
            authors       TEXT,            -- JSON array of names
            editor        TEXT,
            source        TEXT,            -- publication / site
            language      TEXT,
            meta          TEXT NOT NULL DEFAULT '{}',  -- JSON: other fields (JSONL, WARC headers)
            raw_hash      TEXT NOT NULL,   -- blake2b-128 hex of raw (UTF-8)
            body_hash     TEXT NOT NULL,   -- blake2b-128 hex of body (UTF-8)
            level         REAL,
            tokens        INTEGER NOT NULL,
            types         INTEGER NOT NULL,
            ttr           REAL,
            sentences     INTEGER NOT NULL,
            syllables     INTEGER NOT NULL,
            fact          TEXT NOT NULL,   -- JSON: FactBox.to_dict()
            removed       TEXT NOT NULL DEFAULT '[]',  -- JSON: what the cleaner removed
            added_at      TEXT NOT NULL,
            UNIQUE (source_key, raw_hash)
        );
        CREATE INDEX documents_body_hash ON documents (body_hash);
        CREATE INDEX documents_level ON documents (level);
        CREATE INDEX documents_date ON documents (date);
        CREATE INDEX documents_source ON documents (source);

        CREATE TABLE errors (
            source_key TEXT PRIMARY KEY,
            path       TEXT NOT NULL,
            stage      TEXT NOT NULL,      -- read | archive | decode | clean | profile
            message    TEXT NOT NULL,
            added_at   TEXT NOT NULL
        );
        """
    )


def _m002_fts(db: sqlite3.Connection) -> None:
    db.executescript(
        """
        CREATE VIRTUAL TABLE documents_fts USING fts5(
            title, body, content='documents', content_rowid='id'
        );
        CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
            INSERT INTO documents_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
        END;
        CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
            INSERT INTO documents_fts (documents_fts, rowid, title, body)
            VALUES ('delete', old.id, old.title, old.body);
        END;
        """
    )


def _m003_duplicates(db: sqlite3.Connection) -> None:
    db.executescript(
        """
        CREATE TABLE minhash (
            doc_id    INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
            signature BLOB NOT NULL        -- num_perm little-endian uint64 (datasketch)
        );
        CREATE TABLE dup_groups (
            id   INTEGER PRIMARY KEY,
            kind TEXT NOT NULL              -- exact | near
        );
        CREATE TABLE dup_members (
            group_id   INTEGER NOT NULL REFERENCES dup_groups (id) ON DELETE CASCADE,
            doc_id     INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            similarity REAL NOT NULL,      -- estimated Jaccard with the group's first document
            PRIMARY KEY (group_id, doc_id)
        );
        CREATE INDEX dup_members_doc ON dup_members (doc_id);
        """
    )


def _m004_state(db: sqlite3.Connection) -> None:
    db.executescript(
        """
        CREATE TABLE state (
            key   TEXT PRIMARY KEY,  -- e.g. dedupe_documents: what the duplicate groups cover
            value TEXT NOT NULL
        );
        """
    )


MIGRATIONS: list[Migration] = [
    ("001_documents_errors", _m001_documents),
    ("002_fts5_body", _m002_fts),
    ("003_minhash_duplicates", _m003_duplicates),
    ("004_state", _m004_state),
]
SCHEMA_VERSION = len(MIGRATIONS)


def now() -> str:
    """UTC time stamp, ISO 8601 to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def connect(path: str | Path, *, create: bool = True) -> sqlite3.Connection:
    """Open (and if needed create and migrate) the store at ``path``.

    WAL journal (readers never block the writer), ``synchronous=NORMAL`` (a committed
    transaction survives a process crash; only an OS crash may lose the last ones), foreign keys
    on, a 30 s busy timeout. Transactions are explicit (``isolation_level=None``).
    """
    p = Path(path)
    if not create and not p.exists():
        raise StoreError(f"no corpus store at {p} (create one with 'factbox corpus add {p} PATH')")
    if p.exists() and p.is_dir():
        raise StoreError(f"{p} is a directory; give a file name for the corpus store")
    if not p.parent.is_dir():
        raise StoreError(f"cannot create {p}: the folder {p.parent} does not exist")
    try:
        db = sqlite3.connect(p, timeout=30.0, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA foreign_keys=ON")
        migrate(db)
    except sqlite3.DatabaseError as err:
        raise StoreError(f"{p} is not a usable factbox corpus store: {err}") from err
    return db


def applied_migrations(db: sqlite3.Connection) -> list[str]:
    db.execute(
        "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    return [r[0] for r in db.execute("SELECT name FROM _migrations ORDER BY rowid")]


def migrate(db: sqlite3.Connection) -> list[str]:
    """Apply the migrations not yet recorded, each in its own transaction; return their names."""
    done = set(applied_migrations(db))
    known = {name for name, _ in MIGRATIONS}
    unknown = done - known
    if unknown:
        raise StoreError(
            f"the store was written by a newer factbox (unknown migrations: "
            f"{', '.join(sorted(unknown))}); upgrade factbox"
        )
    ran = []
    for name, step in MIGRATIONS:
        if name in done:
            continue
        db.execute("BEGIN IMMEDIATE")
        try:
            # another process may have applied it while we waited for the lock
            if db.execute("SELECT 1 FROM _migrations WHERE name = ?", (name,)).fetchone():
                db.execute("COMMIT")
                continue
            # executescript commits first; run statements one by one inside our transaction
            _run_in_transaction(db, step)
            db.execute("INSERT INTO _migrations (name, applied_at) VALUES (?, ?)", (name, now()))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        ran.append(name)
    return ran


class _NoCommitScript:
    """Wraps a connection so a migration's ``executescript`` runs inside the open transaction."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def executescript(self, script: str) -> None:
        for stmt in _split_sql(script):
            self._db.execute(stmt)

    def execute(self, sql: str, params: tuple = ()) -> sqlite3.Cursor:
        return self._db.execute(sql, params)


def _run_in_transaction(db: sqlite3.Connection, step: Callable) -> None:
    step(_NoCommitScript(db))


def _split_sql(script: str) -> list[str]:
    """Split a script into complete statements (``sqlite3.complete_statement`` knows triggers)."""
    out: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
