"""Speed of the corpus analysis functions on a large generated corpus (issue 6, item 6).

Builds a corpus of about --tokens tokens at run time by re-shuffling the sentences of the
OneStopEnglish texts (../shared/data/onestopenglish; nothing is written to the repository),
then times a concordance of a rare and a very common word, a word frequency list and a bigram
list, each over all documents, beside a floor: one regex pass plus a Counter over the same text.

    PYTHONPATH=src python scripts/bench_analysis.py --tokens 10000000
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections import Counter
from pathlib import Path

from factbox.analysis.frequency import frequency_list
from factbox.analysis.kwic import kwic
from factbox.tokens import TOKEN_RE

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "onestopenglish"


def load_sentences(folder: Path) -> list[str]:
    out: list[str] = []
    for f in sorted(folder.glob("*/*.txt")):
        raw = f.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252")
        out.extend(s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip())
    return out


def build(sentences: list[str], tokens: int, seed: int = 1) -> list[tuple[int, str]]:
    rng = random.Random(seed)
    docs: list[tuple[int, str]] = []
    n = 0
    while n < tokens:
        body = " ".join(rng.choice(sentences) for _ in range(40))
        n += len(TOKEN_RE.findall(body))
        docs.append((len(docs) + 1, body))
    return docs


def timed(label: str, fn, n_tokens: int) -> float:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    result = fn()
    dt = time.perf_counter() - t0
    print(f"  {label:44s} {dt:7.2f} s  {n_tokens / dt / 1e6:6.2f} M tokens/s   {result}")
    return dt


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--tokens", type=int, default=10_000_000)
    ap.add_argument("--data", type=Path, default=DATA)
    args = ap.parse_args()
    docs = build(load_sentences(args.data), args.tokens)
    n = sum(len(TOKEN_RE.findall(t)) for _, t in docs)
    mb = sum(len(t.encode()) for _, t in docs) / 1e6
    print(f"corpus: {len(docs)} documents, {n:,} tokens, {mb:.0f} MB (generated in memory)\n")
    floor = timed("floor: regex findall + Counter", lambda: len(
        Counter(w.lower() for _, t in docs for w in TOKEN_RE.findall(t))), n)
    times = {
        "kwic rare word (economy)": timed(
            "kwic 'economy'", lambda: kwic(docs, "economy").total, n),
        "kwic common word (the)": timed("kwic 'the'", lambda: kwic(docs, "the").total, n),
        "frequency list (words)": timed(
            "frequency list, words", lambda: len(frequency_list(docs).items), n),
        "frequency list (bigrams)": timed(
            "frequency list, bigrams", lambda: len(frequency_list(docs, n=2).items), n),
    }
    print("\nas a multiple of the floor (lower is better):")
    for k, v in times.items():
        print(f"  {k:44s} × {v / floor:5.2f}")


if __name__ == "__main__":
    main()
