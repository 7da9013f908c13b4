"""CPU instructions per article of the ingest's parts, counted by valgrind's callgrind.

CPU time on the shared development VM varies by ±20 % from run to run, so the ingest's small
changes are measured as instructions, which are deterministic (they leave out cache misses: a
change is kept only if the wall-clock bench, ``scripts/bench_ingest.py``, does not get worse).
Each part is run twice under callgrind, with a small and a large count of work, and the
difference divided by the extra work, so start-up and imports cancel out:

* ``worker``: ``pipeline.process_batch`` (clean, profile, hashes, MinHash, JSON) on 100
  articles, after a warm-up on 200 others (so the per-word caches are filled as in a long run);
* ``signature``: ``dedupe.signature`` alone on the same 100 articles;
* ``writer``: ``ingest._write`` (SQLite rows, FTS5, signatures) of precomputed results, 128 vs
  768 articles in transactions of 64.

Articles are generated at run time as in ``scripts/bench_ingest.py`` (from
../shared/data/onestopenglish, never committed).

    PYTHONPATH=src python scripts/count_ingest_instructions.py [--parts worker signature writer]

Needs ``valgrind``; takes a few minutes.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pickle
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))


def _items(folder: Path) -> list:
    from factbox.corpus.sources import iter_sources

    return list(iter_sources([str(folder)]))


def run_part(part: str, work: int, folder: Path, results: Path) -> None:
    """Inside callgrind: do ``work`` units of ``part``."""
    from factbox.corpus import dedupe, pipeline

    items = _items(folder)
    if part in ("worker", "signature"):
        pipeline.process_batch(items[:200])
        measured = items[200:300]
        for _ in range(work):
            if part == "worker":
                pipeline.process_batch(measured)
            else:
                for it in measured:
                    dedupe.signature(it.text)
        return
    from factbox.corpus import store

    ingest = importlib.import_module("factbox.corpus.ingest")
    res = pickle.loads(results.read_bytes())[:work]
    tmp = Path(tempfile.mkdtemp(prefix="factbox-count-"))
    try:
        db = store.connect(tmp / "c.db")
        tally = ingest._Tally()
        for lo in range(0, len(res), 64):
            ingest._write(db, [dict(r) for r in res[lo : lo + 64]], [], tally)
        db.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def count(part: str, work: int, folder: Path, results: Path) -> int:
    out = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
         __file__, "--inside", part, str(work), str(folder), str(results)],
        capture_output=True, text=True, check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    m = re.search(r"Collected : (\d+)", out.stderr)
    if out.returncode != 0 or not m:
        sys.exit(f"callgrind failed for {part}:\n{out.stderr[-2000:]}")
    return int(m.group(1))


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--inside":
        run_part(sys.argv[2], int(sys.argv[3]), Path(sys.argv[4]), Path(sys.argv[5]))
        return
    ap = argparse.ArgumentParser()
    ap.add_argument("--parts", nargs="+", default=["worker", "signature", "writer"])
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not on the PATH")
    import bench_ingest
    from factbox.corpus import pipeline

    tmp = Path(tempfile.mkdtemp(prefix="factbox-count-"))
    try:
        folder = tmp / "in"
        bench_ingest.generate(800, folder)
        results = tmp / "results.pkl"
        results.write_bytes(pickle.dumps(pipeline.process_batch(_items(folder))))
        # (small, large) work and the articles per unit of work
        plans = {"worker": (1, 3, 100), "signature": (1, 3, 100), "writer": (128, 768, 1)}
        for part in args.parts:
            lo, hi, per = plans[part]
            a, b = count(part, lo, folder, results), count(part, hi, folder, results)
            print(f"{part:>10}: {(b - a) / ((hi - lo) * per) / 1e6:.2f} M instructions per article",
                  flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
