"""Near-duplicate pair finding: numpy banding (``near_pairs``) vs the loop per bucket
(``near_pairs_reference``) on random signatures in families of near-duplicates.

Each of N signatures belongs to one of F families and copies each slot of its family's base
signature with probability KEEP (else a random value), as variants of the same story do. Prints
CPU time, pairs found (which must be equal) and the growth of peak RSS, each in a fresh process.

    PYTHONPATH=src python scripts/bench_near_pairs.py [--n 10000] [--families 400] [--keep 0.85]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_CHILD = """
import json, resource, sys, time
sys.path.insert(0, {src!r})
import numpy as np
from factbox.corpus import dedupe
rng = np.random.default_rng(3)
base = rng.integers(0, 2**32, size=({f}, dedupe.NUM_PERM), dtype=np.uint32)
fam = rng.integers(0, {f}, size={n})
noise = rng.integers(0, 2**32, size=({n}, dedupe.NUM_PERM), dtype=np.uint32)
sigs = np.where(rng.random(({n}, dedupe.NUM_PERM)) < {keep}, base[fam], noise)
dedupe.lsh_params()
r0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
c = time.process_time()
pairs = getattr(dedupe, {fn!r})(sigs)
cpu = time.process_time() - c
grow = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - r0) / 1024
total = sum(p[2] for p in pairs)
print(json.dumps({{"pairs": len(pairs), "cpu": cpu, "rss_mb": grow, "sum": total}}))
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--families", type=int, default=400)
    ap.add_argument("--keep", type=float, default=0.85)
    a = ap.parse_args()
    out = {}
    for fn in ("near_pairs", "near_pairs_reference"):
        code = _CHILD.format(src=str(ROOT / "src"), n=a.n, f=a.families, keep=a.keep, fn=fn)
        res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True)
        out[fn] = json.loads(res.stdout.strip().splitlines()[-1])
        r = out[fn]
        print(f"{fn:22} {r['cpu']:6.2f} s CPU  {r['pairs']:>8} pairs  "
              f"+{r['rss_mb']:.0f} MB peak RSS")
    new, ref = out["near_pairs"], out["near_pairs_reference"]
    same = new["pairs"] == ref["pairs"] and abs(new["sum"] - ref["sum"]) < 1e-6
    print(f"same pairs: {same}; speed-up {ref['cpu'] / new['cpu']:.1f}x")


if __name__ == "__main__":
    main()
