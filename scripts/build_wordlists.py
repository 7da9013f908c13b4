"""Build ``src/factbox/data/wordlists/cefr.tsv`` from the CEFR-J and Octanove lists.

Reads ../shared/data/wordlists/cefrj (not shipped as is) and writes one compact, sorted file:

    # factbox-cefr-wordlist 1
    headword<TAB>pos<TAB>level<TAB>source

* headwords are lower-cased; spelling variants written ``a/b`` become one row each
  (``analyze/analyse`` → ``analyze``, ``analyse``); multi-word entries (``according to``)
  are dropped, because the profile looks up single tokens;
* ``pos`` is the list's part of speech mapped to a coarse tag (NOUN, VERB, ADJ, ADV, NUM,
  OTHER); the be-/do-/have-verbs and modal auxiliaries are VERB;
* a (headword, pos) pair listed more than once keeps its lowest level;
* ``source`` is ``J`` (CEFR-J 1.5) or ``O`` (Octanove C1/C2 1.0).

Usage: python scripts/build_wordlists.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")
POS_MAP = {
    "noun": "NOUN",
    "verb": "VERB",
    "vern": "VERB",  # a typo in the Octanove list
    "be-verb": "VERB",
    "do-verb": "VERB",
    "have-verb": "VERB",
    "modal auxiliary": "VERB",
    "adjective": "ADJ",
    "adverb": "ADV",
    "number": "NUM",
}
HEADER = "# factbox-cefr-wordlist 1"


def read_rows(path: Path, source: str) -> list[tuple[str, str, str, str]]:
    out = []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            level = (row.get("CEFR") or "").strip()
            if level not in LEVELS:
                continue
            pos = POS_MAP.get((row.get("pos") or "").strip().lower(), "OTHER")
            for variant in (row.get("headword") or "").split("/"):
                word = variant.strip().lower()
                if not word or " " in word:
                    continue
                out.append((word, pos, level, source))
    return out


def build(shared: Path) -> list[tuple[str, str, str, str]]:
    src = shared / "data" / "wordlists" / "cefrj"
    rows = read_rows(src / "cefrj-vocabulary-profile-1.5.csv", "J")
    rows += read_rows(src / "octanove-vocabulary-profile-c1c2-1.0.csv", "O")
    best: dict[tuple[str, str], tuple[str, str]] = {}
    for word, pos, level, source in rows:
        key = (word, pos)
        if key not in best or LEVELS.index(level) < LEVELS.index(best[key][0]):
            best[key] = (level, source)
    return sorted((w, p, lv, s) for (w, p), (lv, s) in best.items())


def main() -> None:
    here = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=here.parent.parent / "shared")
    ap.add_argument(
        "--out", type=Path, default=here / "src" / "factbox" / "data" / "wordlists" / "cefr.tsv"
    )
    args = ap.parse_args()
    if not (args.shared / "data").is_dir():
        args.shared = Path("/work/shared")
    rows = build(args.shared)
    with args.out.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(HEADER + "\n")
        for row in rows:
            fh.write("\t".join(row) + "\n")
    words = {r[0] for r in rows}
    per_level = {lv: sum(1 for r in rows if r[2] == lv) for lv in LEVELS}
    print(f"wrote {args.out}: {len(rows)} rows, {len(words)} headwords, per level {per_level}")


if __name__ == "__main__":
    main()
