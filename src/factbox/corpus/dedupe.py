"""Duplicate detection: exact (same cleaned body) and near (MinHash-LSH over word shingles).

Both run on the *cleaned* body, so the same wire story with different site boilerplate is
found. Each document's MinHash signature is computed in the worker that profiles it and kept in
the ``minhash`` table; after each ingest the groups are rebuilt from the stored signatures in
one transaction (a crash leaves the previous, consistent groups). Nothing is ever dropped:
duplicates stay in ``documents`` and are only grouped.

Method (see docs/corpus.md for the measurement behind the numbers):

- shingles: overlapping sequences of :data:`SHINGLE` words (lower-cased ``\\w+`` runs);
- MinHash with :data:`NUM_PERM` permutations (datasketch, scheme ``affine32``, seed 1);
- candidate pairs from MinHash-LSH banding with the parameters datasketch's MinHashLSH chooses
  for :data:`LSH_THRESHOLD` (0.5: 25 bands of 5 rows, so that pairs at 0.7 are candidates 99 %
  of the time), then kept only if the estimated Jaccard similarity of their signatures is
  ≥ :data:`THRESHOLD` (0.7);
- groups are the connected components of the kept pairs (single link); documents with equal
  body hashes form an *exact* group; near groups are built over one representative per exact
  body, and list every member with its estimated similarity to the group's first document.
"""

from __future__ import annotations

import re
import sqlite3
import threading
import zlib
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

SHINGLE = 5
NUM_PERM = 128
THRESHOLD = 0.7
#: MinHashLSH is tuned for a lower threshold than :data:`THRESHOLD`: tuned for 0.7 (14 bands of
#: 9 rows) it makes a pair with Jaccard 0.7 a candidate only 44 % of the time; tuned for 0.5
#: (25 bands of 5 rows) 99 %, and 0.999 at 0.75. Candidates are then filtered by their estimate.
LSH_THRESHOLD = 0.5
_WORD = re.compile(r"\w+")
_DTYPE = "<u4"  # numpy dtype of stored signatures


@lru_cache(maxsize=1)
def _template() -> Any:
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=1, scheme="affine32")


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    """The set of ``k``-word shingles of ``text`` (all of it if shorter than ``k`` words)."""
    words = _WORD.findall(text.lower())
    if len(words) <= k:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


# odd 64-bit multipliers, one per word position in a shingle (from the SplitMix64 constants)
_POS = (0x9E3779B97F4A7C15, 0xBF58476D1CE4E5B9, 0x94D049BB133111EB, 0xD6E8FEB86659FD93,
        0xA0761D6478BD642F, 0xE7037ED1A0B428DB, 0x8EBC6AF09C88C6E3, 0x589965CC75374CC3)


class _WordCodes(dict):
    """word (UTF-8 bytes) → its CRC-32, filled on first use. Words recur across documents, so
    most lookups are hits (a C-level dict lookup instead of hashing each word again). Cleared
    when it reaches :data:`_MAX_CODES` entries, so memory stays bounded."""

    def __missing__(self, word: bytes) -> int:
        if len(self) >= _MAX_CODES:
            self.clear()
        code = self[word] = zlib.crc32(word)
        return code


_MAX_CODES = 200_000  # about 20 MB at most
_codes = _WordCodes()

# typographic punctuation common in news text: replaced before the general check (below)
_PUNCT = "\u2019\u201c\u201d\u2013\u2014\u2018\u00a3\u20ac\u00b0\u2026\u00a0"
# ASCII bytes that are not \w become spaces; bytes ≥ 0x80 (parts of non-ASCII letters) stay
_WORD_BYTES = bytes(
    c if c >= 0x80 or chr(c).isalnum() or c == 0x5F else 0x20 for c in range(256)
)


def words_utf8(text: str) -> list[bytes]:
    r"""``[w.encode() for w in re.findall(r"\w+", text.lower())]``, 2-3× faster: every
    non-ASCII character that is not a word character (``str.isalnum``, what ``\w`` means) is
    replaced by a space, then one byte table turns the other separators into spaces and
    ``bytes.split`` cuts the words. A property test pins it to the regular expression."""
    low = text.lower()
    if not low.isascii():
        for ch in _PUNCT:
            if ch in low:
                low = low.replace(ch, " ")
        if not low.isascii():
            for ch in {c for c in low if c > "\x7f" and not c.isalnum()}:
                low = low.replace(ch, " ")
    return low.encode("utf-8").translate(_WORD_BYTES).split()


def _shingle_codes(text: str, k: int = SHINGLE) -> Any:
    """The 32-bit hash of every shingle position of ``text`` (numpy ``uint32``, repeats kept, so
    no sort): CRC-32 of each word's UTF-8, combined over ``k`` positions with odd multipliers
    (wrapping 64-bit arithmetic), folded to 32 bits. Stable across processes and runs."""
    import numpy as np

    words = words_utf8(text)
    if not words:
        return np.zeros(0, dtype=np.uint32)
    h = np.fromiter(map(_codes.__getitem__, words), dtype=np.uint64, count=len(words))
    n = max(len(h) - k + 1, 1)
    acc = h[:n] * np.uint64(_POS[0])
    for j in range(1, min(k, len(h))):
        acc += h[j : j + n] * np.uint64(_POS[j])
    acc ^= acc >> np.uint64(32)
    return acc.astype(np.uint32)  # keeps the low 32 bits


def shingle_hashes(text: str, k: int = SHINGLE) -> Any:
    """32-bit hashes of :func:`shingles` (numpy ``uint32``, distinct, ascending), computed
    vectorised (see :func:`_shingle_codes`)."""
    import numpy as np

    codes = np.sort(_shingle_codes(text, k))
    if len(codes) < 2:
        return codes
    return codes[np.append(True, codes[1:] != codes[:-1])]  # np.unique, 4× faster on these sizes


def _identity(x: Any) -> Any:
    return x


def permutations(num_perm: int = NUM_PERM, seed: int = 1) -> tuple[Any, Any]:
    """The (a, b) of datasketch's ``affine32`` permutations ``h -> a·h + b mod 2³²``, drawn as
    its ``MinHash._init_permutations`` draws them (numpy ``RandomState(seed)``; ``a`` odd),
    without importing datasketch (which imports SciPy: about 0.7 s of CPU in every ingest). A
    test pins them to datasketch's own ``MinHash(..., scheme="affine32").permutations``."""
    import numpy as np

    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


@lru_cache(maxsize=1)
def _perm_columns() -> tuple[Any, Any]:
    a, b = permutations()
    return a.reshape(1, -1), b.reshape(1, -1)


def _fmix32(h: Any) -> Any:
    """MurmurHash3's 32-bit finalizer (the pre-mix of datasketch's ``affine32`` scheme)."""
    import numpy as np

    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def signature(text: str) -> bytes:
    """The MinHash signature of ``text``'s shingles, as ``NUM_PERM`` little-endian uint32.

    Exactly what datasketch's ``MinHash(num_perm=128, seed=1, scheme="affine32",
    hashfunc=identity).update_batch(shingle_hashes(text))`` computes (a test pins this), done
    in a few numpy operations instead of a Python call per shingle. A shingle that occurs twice
    cannot change a minimum, so the hashes are not made distinct first (no sort), and the
    shingles × permutations products are written into one reused buffer (no allocation, and so
    no fresh pages, per document).
    """
    import numpy as np

    hv = _shingle_codes(text)
    n = len(hv)
    if n == 0:
        return np.full(NUM_PERM, 0xFFFFFFFF, dtype=_DTYPE).tobytes()
    a, b = _perm_columns()
    mixed = _fmix32(hv).reshape(-1, 1)
    out = _scratch(n)
    np.multiply(mixed, a, out=out)  # uint32 arithmetic wraps: a·h + b mod 2³²
    np.add(out, b, out=out)
    return out.min(axis=0).astype(_DTYPE).tobytes()


_SCRATCH_ROWS = 4096  # 2 MiB: shingles of a text up to about 4,100 words
_local = threading.local()  # one scratch buffer per thread: signature() is thread-safe


def _scratch(rows: int) -> Any:
    """A (rows × NUM_PERM) uint32 work array: a view of this thread's buffer when it fits."""
    import numpy as np

    if rows > _SCRATCH_ROWS:
        return np.empty((rows, NUM_PERM), dtype=np.uint32)
    buf = getattr(_local, "buf", None)
    if buf is None:
        buf = _local.buf = np.empty((_SCRATCH_ROWS, NUM_PERM), dtype=np.uint32)
    return buf[:rows]


def signature_datasketch(text: str) -> bytes:
    """:func:`signature` computed by datasketch itself (reference for the tests)."""
    from datasketch import MinHash

    t = _template()
    m = MinHash(num_perm=NUM_PERM, seed=1, permutations=t.permutations, scheme="affine32",
                hashfunc=_identity)
    m.update_batch(shingle_hashes(text))
    return m.hashvalues.astype(_DTYPE).tobytes()


def similarity(sig_a: bytes, sig_b: bytes) -> float:
    """Estimated Jaccard similarity: the share of equal signature slots."""
    import numpy as np

    a = np.frombuffer(sig_a, dtype=_DTYPE)
    b = np.frombuffer(sig_b, dtype=_DTYPE)
    return float(np.count_nonzero(a == b)) / float(len(a))


def jaccard(a: str, b: str, k: int = SHINGLE) -> float:
    """Exact Jaccard similarity of two texts' shingle sets (for measurement and tests)."""
    sa, sb = shingles(a, k), shingles(b, k)
    if not sa and not sb:
        return 1.0
    return len(sa & sb) / len(sa | sb)


@dataclass(frozen=True, slots=True)
class Member:
    doc_id: int
    path: str
    similarity: float

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.doc_id, "path": self.path, "similarity": round(self.similarity, 4)}


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    """Documents that are the same text (``exact``) or nearly (``near``)."""

    group_id: int
    kind: str
    members: tuple[Member, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "group": self.group_id,
            "kind": self.kind,
            "members": [m.to_dict() for m in self.members],
        }


@lru_cache(maxsize=4)
def lsh_params(threshold: float = LSH_THRESHOLD, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """(bands, rows per band) that datasketch's MinHashLSH chooses for ``threshold``
    (it minimises the weighted false positive and negative areas): (25, 5) for 0.5 and 128."""
    if (threshold, num_perm) == (LSH_THRESHOLD, NUM_PERM):
        return _DEFAULT_BANDS  # no datasketch (and SciPy) import on the ingest path
    return lsh_params_datasketch(threshold, num_perm)


_DEFAULT_BANDS = (25, 5)  # a test pins this to lsh_params_datasketch(LSH_THRESHOLD, NUM_PERM)


def lsh_params_datasketch(threshold: float, num_perm: int) -> tuple[int, int]:
    """What datasketch's MinHashLSH chooses (imports datasketch and SciPy)."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


MAX_BUCKET = 1000  # a bigger LSH bucket is compared with its first member only


def _bucket_pairs(sigs: Any, bands: int, rows: int) -> Any:
    """Candidate pairs as one int64 array of keys ``i * n + j`` (i < j, distinct, sorted): every
    pair sharing a bucket in some band, except that a bucket of more than :data:`MAX_BUCKET`
    rows gives only the pairs with its first (lowest) row. No Python loop per bucket: buckets
    of the same size are expanded together."""
    import numpy as np

    n = len(sigs)
    found = np.zeros(0, dtype=np.int64)
    for band in range(bands):
        block = sigs[:, band * rows : (band + 1) * rows]
        # rows sorted by their band (stable: ascending row numbers within a bucket)
        order = np.lexsort(block.T[::-1])
        srt = block[order]
        new = np.ones(n, dtype=bool)
        new[1:] = (srt[1:] != srt[:-1]).any(axis=1)
        starts = np.flatnonzero(new)
        counts = np.diff(np.append(starts, n))
        if counts.max() < 2:
            continue
        parts = []
        for k in np.unique(counts[counts > 1]):
            first = starts[counts == k]
            if k > MAX_BUCKET:
                for s0 in first:
                    members = order[s0 : s0 + k]
                    parts.append(members[0] * n + members[1:])
                continue
            members = order[first[:, None] + np.arange(k)]  # (buckets of size k) × k
            ii, jj = np.triu_indices(k, k=1)
            parts.append((members[:, ii] * n + members[:, jj]).ravel())
        # merged band by band: memory follows the distinct pairs, not pairs × bands
        found = np.concatenate([found, *parts])
        found.sort()
        found = found[np.append(True, found[1:] != found[:-1])]
    return found


def near_pairs(sigs: Any, threshold: float = THRESHOLD) -> list[tuple[int, int, float]]:
    """Pairs (i, j, estimated similarity), i < j row numbers of ``sigs`` (n × NUM_PERM uint32),
    that share an LSH bucket in any band and whose estimate is ≥ ``threshold``.

    The banding is MinHash-LSH exactly as datasketch's MinHashLSH does it, with its parameters
    (:func:`lsh_params`), done for all rows at once with numpy: building datasketch's
    dict-backed index and querying it cost 0.78 s per 1,000 documents (measured), this 0.02 s.
    Candidate pairs are collected from all bands as arrays and their similarities computed in
    chunks, with no Python loop per bucket or pair (:func:`near_pairs_reference` is the
    per-bucket version the tests compare it with).
    """
    import numpy as np

    n = len(sigs)
    if n < 2:
        return []
    bands, rows = lsh_params(min(LSH_THRESHOLD, threshold), sigs.shape[1])
    keys = _bucket_pairs(sigs, bands, rows)
    out: list[tuple[int, int, float]] = []
    width = sigs.shape[1]
    for lo in range(0, len(keys), _CHUNK):
        k = keys[lo : lo + _CHUNK]
        i, j = k // n, k % n
        sim = np.count_nonzero(sigs[i] == sigs[j], axis=1) / width
        keep = np.flatnonzero(sim >= threshold)
        out.extend(zip(i[keep].tolist(), j[keep].tolist(), sim[keep].tolist(), strict=True))
    return out


_CHUNK = 4096  # candidate pairs compared at once (2 × 4096 × 128 × 4 bytes = 4 MiB)


def near_pairs_reference(sigs: Any, threshold: float = THRESHOLD) -> list[tuple[int, int, float]]:
    """:func:`near_pairs` with a Python loop per bucket (the first implementation; slow on
    corpora with many near-duplicates). Kept as the reference the tests compare with."""
    import numpy as np

    n = len(sigs)
    if n < 2:
        return []
    bands, rows = lsh_params(min(LSH_THRESHOLD, threshold), sigs.shape[1])
    seen: dict[tuple[int, int], float] = {}
    for band in range(bands):
        block = np.ascontiguousarray(sigs[:, band * rows : (band + 1) * rows])
        keys = block.view(np.dtype((np.void, block.dtype.itemsize * rows))).ravel()
        _, inverse, counts = np.unique(keys, return_inverse=True, return_counts=True)
        if counts.max() < 2:
            continue
        order = np.argsort(inverse, kind="stable")
        bounds = np.cumsum(counts)
        for b in np.flatnonzero(counts > 1):
            members = np.sort(order[bounds[b] - counts[b] : bounds[b]])
            if len(members) > MAX_BUCKET:
                sim = (sigs[members] == sigs[members[0]]).mean(axis=1)
                cand = [(int(members[0]), int(m), float(x))
                        for m, x in zip(members[1:], sim[1:], strict=True)]
            else:
                sub = sigs[members]
                sim = (sub[:, None, :] == sub[None, :, :]).mean(axis=2)
                ii, jj = np.triu_indices(len(members), k=1)
                cand = [(int(members[a]), int(members[c]), float(sim[a, c]))
                        for a, c in zip(ii, jj, strict=True)]
            for a, c, x in cand:
                if x >= threshold:
                    seen[(a, c)] = x
    return sorted((a, c, x) for (a, c), x in seen.items())


def _coverage(n: int, top: int | None) -> str:
    """What a set of groups was built from: document count and highest id, and the method."""
    return f"{n}:{top}:{NUM_PERM}:{SHINGLE}:{THRESHOLD}"


def refresh(db: sqlite3.Connection) -> tuple[int, int]:
    """Rebuild the groups unless they already cover exactly the stored documents (a re-run that
    added nothing); return (exact, near) group counts."""
    row = db.execute("SELECT value FROM state WHERE key = 'dedupe_documents'").fetchone()
    n, top = db.execute("SELECT count(*), max(doc_id) FROM minhash").fetchone()
    if row is not None and row[0] == _coverage(n, top):
        counts = dict(db.execute("SELECT kind, count(*) FROM dup_groups GROUP BY kind").fetchall())
        return counts.get("exact", 0), counts.get("near", 0)
    return rebuild(db)


_STORED = "documents d JOIN minhash m ON m.doc_id = d.id"  # documents with a signature


def rebuild(db: sqlite3.Connection, *, threshold: float = THRESHOLD) -> tuple[int, int]:
    """Recompute all duplicate groups in one transaction; return (exact, near) group counts.

    Memory: the signatures of one document per distinct body (512 bytes each, in one numpy
    array), the ids of the documents that share a body, and the near pairs found; nothing else
    per document (SQLite groups the bodies, from the ``body_hash`` index).
    """
    import numpy as np

    n, top = db.execute(f"SELECT count(*), max(d.id) FROM {_STORED}").fetchone()
    coverage = _coverage(n, top)
    # exact groups: the documents of each body stored more than once, in id order
    by_hash: dict[str, list[int]] = defaultdict(list)
    for body_hash, doc_id in db.execute(
        f"SELECT d.body_hash, d.id FROM {_STORED} WHERE d.body_hash IN "
        f"(SELECT d.body_hash FROM {_STORED} GROUP BY d.body_hash HAVING count(*) > 1) "
        "ORDER BY d.id"
    ):
        by_hash[body_hash].append(doc_id)
    exact = list(by_hash.values())
    del by_hash
    copies = {ids[0]: ids for ids in exact}  # a representative → every document of its body
    rep_of = {d: ids[0] for ids in exact for d in ids}
    # one representative per distinct body (its first document), in id order, with signature
    ids_list: list[int] = []
    buf = bytearray()
    for doc_id, sig in db.execute(
        f"SELECT d.id, m.signature FROM {_STORED} WHERE d.id IN "
        f"(SELECT min(d.id) FROM {_STORED} GROUP BY d.body_hash) ORDER BY d.id"
    ):
        ids_list.append(doc_id)
        buf += sig
    reps = np.array(ids_list, dtype=np.int64)
    del ids_list
    sigs = np.frombuffer(bytes(buf), dtype=_DTYPE).reshape(len(reps), -1) if len(reps) else None
    del buf

    def sig_of(doc_id: int) -> bytes:
        row = int(np.searchsorted(reps, rep_of.get(doc_id, doc_id)))
        return sigs[row].tobytes()

    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    if len(reps) > 1:
        for a, c, _ in near_pairs(sigs, threshold):
            ra, rc = find(int(reps[a])), find(int(reps[c]))
            if ra != rc:
                parent[max(ra, rc)] = min(ra, rc)
    components: dict[int, list[int]] = defaultdict(list)
    for doc_id in parent:
        components[find(doc_id)].append(doc_id)
    near: list[list[int]] = []
    for root, members in components.items():
        # each representative brings its exact copies
        near.append(sorted({d for r in {root, *members} for d in copies.get(r, (r,))}))

    db.execute("BEGIN IMMEDIATE")
    try:
        db.execute("DELETE FROM dup_members")
        db.execute("DELETE FROM dup_groups")
        for kind, groups in (("exact", exact), ("near", near)):
            for ids in sorted(groups):
                gid = db.execute("INSERT INTO dup_groups (kind) VALUES (?)", (kind,)).lastrowid
                first = sig_of(ids[0]) if kind == "near" else b""
                db.executemany(
                    "INSERT INTO dup_members (group_id, doc_id, similarity) VALUES (?, ?, ?)",
                    [(gid, d, 1.0 if kind == "exact" else similarity(first, sig_of(d)))
                     for d in ids],
                )
        db.execute(
            "INSERT INTO state (key, value) VALUES ('dedupe_documents', ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (coverage if threshold == THRESHOLD else "custom",),
        )
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return len(exact), len(near)


def groups(db: sqlite3.Connection, kind: str | None = None) -> list[DuplicateGroup]:
    """The stored duplicate groups (``kind``: ``exact``, ``near`` or both), by group id."""
    sql = (
        "SELECT g.id, g.kind, m.doc_id, d.path, m.similarity FROM dup_groups g "
        "JOIN dup_members m ON m.group_id = g.id JOIN documents d ON d.id = m.doc_id "
    )
    params: tuple = ()
    if kind:
        sql += "WHERE g.kind = ? "
        params = (kind,)
    sql += "ORDER BY g.id, m.doc_id"
    out: dict[int, tuple[str, list[Member]]] = {}
    for gid, k, doc_id, path, sim in db.execute(sql, params):
        out.setdefault(gid, (k, []))[1].append(Member(doc_id, path, sim))
    return [DuplicateGroup(g, k, tuple(ms)) for g, (k, ms) in out.items()]
