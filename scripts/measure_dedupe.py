"""Measure near-duplicate similarities to choose the MinHash-LSH threshold (prints a table).

Pairs built at run time from ../shared/data/onestopenglish (never copied into the repo):

- same:     an article vs the same article with invented boilerplate lines added/changed and
            1-3 % of its words edited (what a wire story looks like on two sites after cleaning
            left some residue) -> should be grouped;
- rewrite:  the same story rewritten by teachers at another level (ele vs int, int vs adv)
            -> different texts for a reader, should not be grouped;
- other:    two different articles -> must not be grouped.

For each shingle size it prints the exact Jaccard range of each kind and the MinHash estimate,
and for candidate thresholds the share of "same" pairs found and of other pairs wrongly grouped.

    PYTHONPATH=src python scripts/measure_dedupe.py [--data ../shared/data/onestopenglish]
"""

from __future__ import annotations

import argparse
import random
import statistics
from pathlib import Path

from factbox.corpus import dedupe
from shared_data import data_dir, read_text

BOILER = [
    "Subscribe to our newsletter", "Share this story", "Sign in", "Advertisement",
    "Most read this week", "Cookie settings", "Follow us", "Related stories", "Comments (12)",
    "Photograph: Agency", "Terms and conditions", "Back to top",
]


def variant(text: str, rng: random.Random) -> str:
    words = text.split()
    for _ in range(max(1, int(len(words) * rng.uniform(0.01, 0.03)))):
        i = rng.randrange(len(words))
        words[i] = rng.choice(["said", "the", "new", "report", "on", "2024", "officials"])
    top = "\n".join(rng.sample(BOILER, rng.randint(1, 4)))
    bottom = "\n".join(rng.sample(BOILER, rng.randint(1, 4)))
    return f"{top}\n{' '.join(words)}\n{bottom}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(data_dir() / "onestopenglish"))
    ap.add_argument("--seed", type=int, default=4)
    args = ap.parse_args()
    root = Path(args.data)
    levels = {
        lv: {p.name: read_text(p) for p in sorted((root / lv).glob("*.txt"))}
        for lv in ("ele", "int", "adv")
    }
    names = sorted(set(levels["ele"]) & set(levels["int"]) & set(levels["adv"]))
    rng = random.Random(args.seed)
    pairs: dict[str, list[tuple[str, str]]] = {"same": [], "rewrite": [], "other": []}
    for n in names:
        for lv in ("ele", "int", "adv"):
            pairs["same"].append((levels[lv][n], variant(levels[lv][n], rng)))
        pairs["rewrite"].append((levels["ele"][n], levels["int"][n]))
        pairs["rewrite"].append((levels["int"][n], levels["adv"][n]))
    for _ in range(len(names) * 3):
        a, b = rng.sample(names, 2)
        lv = rng.choice(("ele", "int", "adv"))
        pairs["other"].append((levels[lv][a], levels[lv][b]))
    print(f"{len(names)} articles; pairs: " + ", ".join(f"{k} {len(v)}" for k, v in pairs.items()))
    for k in (3, 5, 7):
        print(f"\nshingle = {k} words (exact Jaccard: min / median / max)")
        jac = {kind: [dedupe.jaccard(a, b, k) for a, b in ps] for kind, ps in pairs.items()}
        for kind, js in jac.items():
            print(f"  {kind:8} {min(js):.3f} / {statistics.median(js):.3f} / {max(js):.3f}")
        for t in (0.5, 0.6, 0.7, 0.8, 0.9):
            found = sum(j >= t for j in jac["same"]) / len(jac["same"])
            wrong = sum(j >= t for j in jac["rewrite"] + jac["other"])
            print(f"  threshold {t:.1f}: same found {found:6.1%}, others grouped {wrong}")
    k = dedupe.SHINGLE
    sigs = {kind: [(dedupe.signature(a), dedupe.signature(b)) for a, b in ps]
            for kind, ps in pairs.items()}
    est = {kind: [dedupe.similarity(x, y) for x, y in ss] for kind, ss in sigs.items()}
    errs = [abs(e - dedupe.jaccard(a, b, k))
            for kind in pairs for e, (a, b) in zip(est[kind], pairs[kind], strict=True)]
    print(f"\nMinHash ({dedupe.NUM_PERM} permutations, shingle {k}) vs exact Jaccard: "
          f"mean |error| {statistics.fmean(errs):.3f}, max {max(errs):.3f}")
    for kind, es in est.items():
        print(f"  {kind:8} estimate {min(es):.3f} / {statistics.median(es):.3f} / {max(es):.3f}")
    for t in (0.6, 0.65, 0.7, 0.75, 0.8):
        found = sum(e >= t for e in est["same"]) / len(est["same"])
        wrong_r = sum(e >= t for e in est["rewrite"])
        wrong_o = sum(e >= t for e in est["other"])
        mark = "  <- dedupe.THRESHOLD" if t == dedupe.THRESHOLD else ""
        print(f"  threshold {t:.2f}: same found {found:6.1%}, rewrites grouped {wrong_r}, "
              f"different articles grouped {wrong_o}{mark}")
    end_to_end(pairs)


def end_to_end(pairs: dict[str, list[tuple[str, str]]]) -> None:
    """All texts of all pairs in one collection, through the LSH banding the store uses:
    which pairs does it report (any other pair it reports is counted as wrong)?"""
    import numpy as np

    texts: list[str] = []
    index: dict[str, int] = {}
    pair_ids: dict[str, list[tuple[int, int]]] = {}
    for kind, ps in pairs.items():
        pair_ids[kind] = []
        for a, b in ps:
            ids = []
            for t in (a, b):
                if t not in index:
                    index[t] = len(texts)
                    texts.append(t)
                ids.append(index[t])
            pair_ids[kind].append((min(ids), max(ids)))
    sigs = np.frombuffer(b"".join(dedupe.signature(t) for t in texts), dtype="<u4")
    found = {(a, b) for a, b, _ in dedupe.near_pairs(sigs.reshape(len(texts), -1))}
    same = set(pair_ids["same"])
    print(f"\nend to end (LSH banding {dedupe.lsh_params()}, threshold {dedupe.THRESHOLD}) over "
          f"{len(texts)} texts: same pairs found {len(same & found)}/{len(same)}; "
          f"rewrite pairs reported {len(set(pair_ids['rewrite']) & found)}; "
          f"other pairs reported {len(found - same - set(pair_ids['rewrite']))}")


if __name__ == "__main__":
    main()
