"""Where profile()'s time goes, as CPU instructions counted by valgrind's callgrind.

Wall-clock time on a shared machine varies by 2× from run to run (other jobs take the CPU), so
small speed-ups cannot be seen in it; instruction counts are deterministic. They leave out
cache misses, so a change is kept only when the instructions fall and the wall-clock bench
(``scripts/bench_profile.py``) does not get worse.

The script re-runs itself under ``valgrind --tool=callgrind --dump-before=os_getppid``: each
call of ``os.getppid()`` ends a section (callgrind writes the counts so far to a new file), so
the counts of each section are read from those files. Sections, on every ``--step``-th
OneStopEnglish text (read at run time from ../shared/data/onestopenglish, never copied), after a
warm-up pass that fills every cache:

* ``profile()`` as a whole, and its parts called separately with the same inputs:
  sentence_spans, tokenising the sentences, the diversity measures, the vocabulary profile
  (on its own, with its own look-ups), the per-type table sums (compiled engine only), the
  level estimate and the readability formulas.

Usage::

    PYTHONPATH=src python scripts/count_instructions.py [--step 10]
    FACTBOX_PURE_PYTHON=1 PYTHONPATH=src python scripts/count_instructions.py   # Python engine

Needs ``valgrind`` on the PATH; takes a few minutes (callgrind runs Python about 50× slower).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def sections(step: int, labels_file: str) -> None:
    """Run the measured sections (inside callgrind)."""
    import importlib

    from factbox import _engine, diversity, level, profile, readability, vocabulary
    from factbox.sentences import sentence_spans
    from factbox.tokens import scan, strip_urls

    data = ROOT.parent / "shared" / "data" / "onestopenglish"
    if not data.is_dir():
        data = Path("/work/shared/data/onestopenglish")
    texts = []
    for path in sorted(data.rglob("*.txt"))[::step]:
        raw = path.read_bytes()
        try:
            texts.append(raw.decode("utf-8-sig"))
        except UnicodeDecodeError:
            texts.append(raw.decode("cp1252"))
    stripped = [strip_urls(t)[0] for t in texts]
    spans = [sentence_spans(t) for t in stripped]
    scans = [scan(t, sp) for t, sp in zip(stripped, spans, strict=True)]
    freqs = [sc[1] for sc in scans]
    ids = [sc[2] for sc in scans]
    toks = [sc[0] for sc in scans]  # the distinct forms (form → type)
    for t in texts:  # warm-up: every cache filled
        profile(t)
    for f, i, ts in zip(freqs, ids, toks, strict=True):
        diversity.compute_ids(i, f)
        vocabulary.compute(f, ts.keys())

    boxes = [profile(t) for t in texts]
    lengths = [[n for n in sc[3] if n] for sc in scans]
    sums = [level.type_sums(f) for f in freqs]
    commas = [t.count(",") for t in stripped]
    prof = importlib.import_module("factbox.profile")  # the module (factbox.profile: the function)
    table, vrow = prof._TABLES["cmudict"], prof._VROW  # filled by the warm-up
    c = _engine.speedups

    labels: list[str] = []

    def section(label: str, fn) -> None:  # type: ignore[no-untyped-def]
        labels.append(label)
        os.getppid()  # callgrind dumps the counts before this call
        fn()

    section("profile() whole", lambda: [profile(t) for t in texts])
    section("  sentence_spans", lambda: [sentence_spans(t) for t in stripped])
    section(
        "  scan (tokens, counts)",
        lambda: [scan(t, sp) for t, sp in zip(stripped, spans, strict=True)],
    )
    section(
        "  diversity (10 measures)",
        lambda: [diversity.compute_ids(i, f) for i, f in zip(ids, freqs, strict=True)],
    )
    section(
        "  vocabulary profile",
        lambda: [vocabulary.compute(f, ts.keys()) for f, ts in zip(freqs, toks, strict=True)],
    )
    if c is not None:
        row_of, matrix, _ = table.state
        section(
            "  type_totals (type table)",
            lambda: [c.type_totals(row_of, f, matrix, vrow) for f in freqs],
        )
    section(
        "  level estimate",
        lambda: [
            level.estimate(b.counts, b.vocabulary, n, k, freqs=f, sums=s)
            for b, n, k, f, s in zip(boxes, lengths, commas, freqs, sums, strict=True)
        ],
    )
    section("  readability formulas", lambda: [readability.compute(b.counts) for b in boxes])
    labels.append("end")
    os.getppid()
    Path(labels_file).write_text(
        "\n".join(labels) + f"\n#texts {len(texts)} bytes {sum(len(t.encode()) for t in texts)}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--step", type=int, default=10, help="use every N-th text (default 10)")
    ap.add_argument("--inside", metavar="LABELS_FILE", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.inside:
        sections(args.step, args.inside)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        labels_file = os.path.join(tmp, "labels.txt")
        out = os.path.join(tmp, "cg.out")
        subprocess.run(
            [
                "valgrind", "--tool=callgrind", "--dump-before=os_getppid",
                f"--callgrind-out-file={out}", sys.executable, __file__,
                "--step", str(args.step), "--inside", labels_file,
            ],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        )  # fmt: skip
        lines = Path(labels_file).read_text().splitlines()
        info = lines[-1].split()
        labels = lines[:-2]  # the last two are "end" and the #texts line
        dumps = sorted(Path(tmp).glob("cg.out.*"), key=lambda p: int(p.suffix[1:]))
        # dump k+1 holds the counts of the section that started at the k-th getppid() call;
        # the first dump is everything before the first section (imports, warm-up).
        counts = []
        for k in range(len(labels)):
            text = dumps[k + 1].read_text()
            counts.append(int(re.search(r"^totals: (\d+)", text, re.M).group(1)))
    from factbox import engine

    print(
        f"{info[1]} OneStopEnglish texts ({int(info[3]) / 1e3:.1f} kB), warm caches, "
        f"engine {engine()} (FACTBOX_PURE_PYTHON=1 for the Python one):"
    )
    whole = counts[0]
    for label, n in zip(labels, counts, strict=True):
        print(f"  {label:<28} {n / 1e6:8.1f} M instructions  {n / whole:6.1%}")
    print(f"  {'  rest of profile()':<28} {(whole - sum(counts[1:])) / 1e6:8.1f} M instructions"
          f"  {(whole - sum(counts[1:])) / whole:6.1%}")  # fmt: skip
    print(f"  per kB of text: {whole / (int(info[3]) / 1e3) / 1e6:.2f} M instructions")


if __name__ == "__main__":
    main()
