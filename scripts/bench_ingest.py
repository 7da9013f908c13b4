"""Ingest benchmark: articles/s, MB/s and peak memory at 1,000 vs 10,000 articles.

Articles are generated at run time from ../shared/data/onestopenglish (never committed): each
is one of its texts with paragraphs dropped or repeated, numbers changed, invented boilerplate
lines and a header, written as .txt files (100 per folder) in a temporary directory that is
deleted afterwards. Each size is ingested into a new store by a fresh process
(``factbox.Corpus.add``, all cores) so that peak RSS is measured per run: the writer process and,
separately, the largest worker (``ru_maxrss`` of the joined pool processes).

The reference is a bare serial loop of ``factbox.profile`` over the same texts in one process
(no reading, cleaning, hashing, MinHash or writing), run after the ingests in the same
invocation: ``ingest / profile-loop`` shows what the store costs and what the extra cores give.
A second loop (clean, then profile) gives the CPU the cleaner adds; the CPU time per article of
the ingest (writer and workers, from ``getrusage``; the writer's without Python's start-up and
the imports before ``Corpus.add``, which are printed separately) is compared with both, which
holds on a loaded machine where wall-clock rates do not.

    PYTHONPATH=src python scripts/bench_ingest.py [--sizes 1000 10000] [--workers N]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from shared_data import data_dir, read_text

ROOT = Path(__file__).resolve().parents[1]

BOILER = [
    "Subscribe to our newsletter", "Share this story", "Sign in", "Advertisement",
    "Most read this week", "Cookie settings", "Follow us", "Related stories",
    "Photograph: Agency", "Terms and conditions", "Back to top", "Skip to main content",
]


def sources() -> list[str]:
    root = data_dir() / "onestopenglish"
    return [read_text(p) for lv in ("ele", "int", "adv") for p in sorted((root / lv).glob("*.txt"))]


def variant(text: str, i: int, rng: random.Random) -> str:
    paras = [p for p in text.split("\n") if p.strip()]
    keep = [p for p in paras if rng.random() > 0.15] or paras
    if rng.random() < 0.3:
        keep.append(rng.choice(paras))
    body = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(0, 9)), "\n\n".join(keep))
    top = "\n".join(rng.sample(BOILER, 3))
    bottom = "\n".join(rng.sample(BOILER, 3))
    return f"{top}\nStory {i}: {keep[0][:60]}\n\n{body}\n\n{bottom}\n"


def generate(n: int, out: Path, seed: int = 7) -> int:
    texts = sources()
    rng = random.Random(seed)
    total = 0
    for i in range(n):
        d = out / f"{i // 100:04}"
        d.mkdir(parents=True, exist_ok=True)
        data = variant(rng.choice(texts), i, rng).encode("utf-8")
        (d / f"{i:06}.txt").write_bytes(data)
        total += len(data)
    return total


_CHILD = """
import json, resource, sys, time
sys.path.insert(0, {src!r})
from factbox.corpus import Corpus
ready = resource.getrusage(resource.RUSAGE_SELF)
t = time.perf_counter()
with Corpus({db!r}) as c:
    r = c.add([{inputs!r}], workers={workers})
wall = time.perf_counter() - t
me = resource.getrusage(resource.RUSAGE_SELF)
kids = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({{"added": r.added, "failed": r.failed, "bytes": r.bytes_in, "seconds": wall,
    "cpu_main": me.ru_utime + me.ru_stime - ready.ru_utime - ready.ru_stime,
    "cpu_start": ready.ru_utime + ready.ru_stime, "cpu_workers": kids.ru_utime + kids.ru_stime,
    "near": r.near_groups, "exact": r.exact_groups,
    "rss_main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "rss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}}))
"""


def ingest(inputs: Path, db: Path, workers: int | None) -> dict:
    code = _CHILD.format(src=str(ROOT / "src"), db=str(db), inputs=str(inputs), workers=workers)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def profile_loop(inputs: Path, limit: int) -> tuple[float, int, float, float, float]:
    sys.path.insert(0, str(ROOT / "src"))
    import factbox

    files = sorted(inputs.rglob("*.txt"))[:limit]
    texts = [f.read_text(encoding="utf-8") for f in files]
    factbox.profile(texts[0])  # load the dictionary outside the timing
    t = time.perf_counter()
    c = time.process_time()
    for text in texts:
        factbox.profile(text)
    dt = time.perf_counter() - t
    cpu = time.process_time() - c
    from factbox.corpus.pipeline import clean_document

    c = time.process_time()
    for text in texts:
        factbox.profile(clean_document(text, "text", None).body)
    clean_cpu = time.process_time() - c
    return (len(texts) / dt, sum(len(x.encode()) for x in texts), dt, cpu / len(texts),
            clean_cpu / len(texts))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--workers", type=int, default=None, help="default: all usable cores")
    ap.add_argument("--keep", action="store_true", help="keep the generated files")
    args = ap.parse_args()
    cores = len(os.sched_getaffinity(0))
    print(f"cores: {cores}, workers: {args.workers or cores}, python {sys.version.split()[0]}")
    tmp = Path(tempfile.mkdtemp(prefix="factbox-bench-"))
    try:
        rows = []
        for n in args.sizes:
            inputs = tmp / f"in{n}"
            t = time.perf_counter()
            size = generate(n, inputs)
            print(f"generated {n} articles, {size / 1e6:.1f} MB in {time.perf_counter() - t:.1f} s")
            r = ingest(inputs, tmp / f"c{n}.db", args.workers)
            r["again"] = ingest(inputs, tmp / f"c{n}.db", args.workers)["seconds"]
            r["n"], r["mb"] = n, size / 1e6
            r["db_mb"] = (tmp / f"c{n}.db").stat().st_size / 1e6
            rows.append(r)
        first = tmp / f"in{args.sizes[0]}"
        serial = ingest(first, tmp / "serial.db", 0)
        ref_rate, ref_bytes, ref_dt, ref_cpu, clean_cpu = profile_loop(
            tmp / f"in{args.sizes[0]}", 1000)
        print(f"\nreference: serial factbox.profile loop, 1 process: {ref_rate:.0f} articles/s, "
              f"{ref_bytes / 1e6 / ref_dt:.2f} MB/s; CPU {1000 * ref_cpu:.2f} ms/article "
              f"(clean + profile: {1000 * clean_cpu:.2f} ms/article)")
        print(f"\n{'articles':>9} {'MB':>6} {'s':>7} {'art/s':>7} {'MB/s':>6} {'vs ref':>7} "
              f"{'rerun s':>8} {'RSS main':>9} {'RSS worker':>11} {'store MB':>9} {'groups':>10}")
        for r in rows:
            rate = r["added"] / r["seconds"]
            print(f"{r['n']:>9} {r['mb']:>6.1f} {r['seconds']:>7.1f} {rate:>7.0f} "
                  f"{r['mb'] / r['seconds']:>6.2f} {rate / ref_rate:>6.2f}x {r['again']:>8.1f} "
                  f"{r['rss_main_mb']:>7.0f}MB {r['rss_worker_mb']:>9.0f}MB {r['db_mb']:>9.1f} "
                  f"{r['exact']:>4}e/{r['near']:>4}n")
        ser_ms = 1000 * serial["cpu_main"] / serial["added"]
        print(f"\nthe same ingest of {serial['added']} articles in one process (--workers 0): "
              f"{serial['added'] / serial['seconds']:.0f} articles/s, CPU {ser_ms:.2f} ms/article "
              f"= {ser_ms / (1000 * clean_cpu):.2f}x clean + profile, "
              f"{ser_ms / (1000 * ref_cpu):.2f}x profile alone")
        print(f"\nCPU before Corpus.add (interpreter start-up, imports): "
              f"{rows[0]['cpu_start']:.2f} s per process, not counted below")
        print("\nCPU time per article (load-independent), and the rate it allows on free cores:")
        for r in rows:
            main_ms = 1000 * r["cpu_main"] / r["added"]
            work_ms = 1000 * r["cpu_workers"] / r["added"]
            total = main_ms + work_ms
            print(f"{r['n']:>9}: writer {main_ms:.2f} ms + workers {work_ms:.2f} ms = "
                  f"{total:.2f} ms ({total / (1000 * ref_cpu):.2f}x profile alone, "
                  f"{total / (1000 * clean_cpu):.2f}x clean + profile) -> "
                  f"{1000 * cores / total:.0f} articles/s on {cores} free cores")
        if len(rows) > 1:
            a, b = rows[0], rows[-1]
            main_x = b["rss_main_mb"] / a["rss_main_mb"]
            worker_x = b["rss_worker_mb"] / a["rss_worker_mb"]
            print(f"\npeak RSS {b['n']} vs {a['n']} articles: main x{main_x:.2f}, "
                  f"worker x{worker_x:.2f}")
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
