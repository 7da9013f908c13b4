"""Score sentence splitters on the hard-case suite and time them on OneStopEnglish.

Usage (from the repository root)::

    PYTHONPATH=src python scripts/eval_sentences.py            # accuracy + speed
    PYTHONPATH=src python scripts/eval_sentences.py --no-speed
    PYTHONPATH=src python scripts/eval_sentences.py --failures # print every miss of factbox

Accuracy is *exact match per case*: a case counts only if every sentence of it is right
(each compared after stripping surrounding white space). The suite is
``tests/data/sentences_hard.jsonl`` (see ``tests/data/README.md``).

Reference tools, if installed: pySBD (``pysbd.Segmenter(language="en", clean=False)``) and
NLTK's Punkt. NLTK's trained English model (``punkt_tab``) is a separate download that is
not available offline here, so Punkt is run untrained (``PunktSentenceTokenizer()``, no
abbreviation list); it is reported for completeness and marked as such.

Speed is measured on the texts of ``../shared/data/onestopenglish`` (read at run time; never
copied into the repository): MB of UTF-8 per second of CPU time on one core, best of
``--repeat`` runs, factbox and pySBD on the same texts, with the ratio.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from factbox.sentences import sentences

ROOT = Path(__file__).resolve().parent.parent
SUITE = ROOT / "tests" / "data" / "sentences_hard.jsonl"
# ../shared next to the main checkout; a worktree sits one level deeper (/work/wt/NAME).
SHARED = next(
    (p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.is_dir()),
    ROOT.parent / "shared",
)
OSE = SHARED / "data" / "onestopenglish"

Splitter = Callable[[str], list[str]]


def load_suite(path: Path = SUITE) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def splitters() -> dict[str, Splitter]:
    out: dict[str, Splitter] = {"factbox": sentences}
    try:
        import pysbd

        seg = pysbd.Segmenter(language="en", clean=False)
        out["pysbd"] = lambda t: [s.strip() for s in seg.segment(t) if s.strip()]
    except ImportError:
        print("pySBD not installed: skipped", file=sys.stderr)
    try:
        from nltk.tokenize.punkt import PunktSentenceTokenizer

        punkt = PunktSentenceTokenizer()
        out["punkt-untrained"] = lambda t: [s.strip() for s in punkt.tokenize(t) if s.strip()]
    except ImportError:
        pass
    return out


def score(cases: list[dict], split: Splitter) -> tuple[dict[str, list[int]], list[dict]]:
    per_cat: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    for c in cases:
        try:
            got = split(c["text"])
        except Exception as exc:  # a reference tool crashing counts as a miss
            got = [f"<error: {exc!r}>"]
        ok = got == c["sentences"]
        per_cat[c["category"]][0] += ok
        per_cat[c["category"]][1] += 1
        if not ok:
            misses.append({**c, "got": got})
    return per_cat, misses


def read_texts(folder: Path) -> list[str]:
    texts = []
    for p in sorted(folder.rglob("*.txt")):
        raw = p.read_bytes()
        try:
            texts.append(raw.decode("utf-8-sig"))
        except UnicodeDecodeError:
            texts.append(raw.decode("cp1252"))
    return texts


def mb_per_s(split: Splitter, texts: list[str], repeat: int) -> float:
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        for t in texts:
            split(t)
        best = min(best, time.process_time() - t0)
    return mb / best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--no-speed", action="store_true", help="skip the speed measurement")
    ap.add_argument("--failures", action="store_true", help="print factbox's misses")
    ap.add_argument("--repeat", type=int, default=7, help="speed: best of N runs (factbox)")
    args = ap.parse_args()

    cases = load_suite()
    tools = splitters()
    results = {name: score(cases, fn) for name, fn in tools.items()}
    cats = sorted({c["category"] for c in cases})
    names = list(tools)
    print(f"Hard-case suite: {len(cases)} cases, exact match per case")
    print(f"{'category':<16}{'n':>5}" + "".join(f"{n:>18}" for n in names))
    for cat in [*cats, "ALL"]:
        row = f"{cat:<16}"
        for i, name in enumerate(names):
            per_cat = results[name][0]
            if cat == "ALL":
                ok = sum(v[0] for v in per_cat.values())
                n = sum(v[1] for v in per_cat.values())
            else:
                ok, n = per_cat[cat]
            if i == 0:
                row += f"{n:>5}"
            row += f"{ok:>8} ({100 * ok / n:5.1f}%)"
        print(row)

    if args.failures:
        for miss in results["factbox"][1]:
            print(f"\n{miss['id']}: {miss['text']!r}")
            print(f"  gold {miss['sentences']}\n  got  {miss['got']}")

    if args.no_speed:
        return
    if not OSE.is_dir():
        print(f"\nspeed: {OSE} not found; skipped")
        return
    texts = read_texts(OSE)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"\nSpeed on {len(texts)} OneStopEnglish texts ({mb:.2f} MB), one core, CPU time:")
    fb = mb_per_s(sentences, texts, args.repeat)
    print(f"  factbox          {fb:8.2f} MB/s  (best of {args.repeat})")
    for name in names[1:]:
        speed = mb_per_s(tools[name], texts, 1)
        print(f"  {name:<16} {speed:8.2f} MB/s  factbox is {fb / speed:6.1f}x faster")


if __name__ == "__main__":
    main()
