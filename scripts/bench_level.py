"""What the vocabulary profile and the learned level add to ``factbox.profile``'s time.

    PYTHONPATH=src python scripts/bench_level.py

Profiles the OneStopEnglish texts (read at run time from ../shared) with warm caches, best of
3 runs, once as shipped and once with the vocabulary profile and estimate replaced by no-ops;
prints MB/s for both (CPU time of this process, so other load on the machine matters less)
and their ratio, plus the one-off loading cost of the word list, the wordfreq ranks,
lemminflect and the model (wall time).
"""

from __future__ import annotations

import sys
import time
import timeit
from collections import Counter

import factbox
from factbox import level, vocabulary
from level_data import load_onestop

profile_mod = sys.modules["factbox.profile"]


def main() -> None:
    t0 = time.perf_counter()
    vocabulary.wordlist()
    t1 = time.perf_counter()
    vocabulary._ranks()
    t2 = time.perf_counter()
    vocabulary._lemmatizer()[0]("signed")
    t3 = time.perf_counter()
    level.model()
    t4 = time.perf_counter()
    print(
        f"one-off loading: word list {t1 - t0:.2f} s, wordfreq ranks {t2 - t1:.2f} s, "
        f"lemminflect {t3 - t2:.2f} s, model {t4 - t3:.3f} s"
    )
    texts = [t for _, _, t in load_onestop()]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    run = lambda: [factbox.profile(t) for t in texts]  # noqa: E731
    run()  # warm every cache
    with_level = min(timeit.repeat(run, number=1, repeat=3, timer=time.process_time))
    saved = (profile_mod._vocabulary, profile_mod._level.estimate)
    empty = vocabulary.compute(Counter(), set())
    profile_mod._vocabulary = lambda *a, **k: empty
    profile_mod._level.estimate = lambda *a, **k: None
    try:
        without = min(timeit.repeat(run, number=1, repeat=3, timer=time.process_time))
    finally:
        profile_mod._vocabulary, profile_mod._level.estimate = saved
    print(f"{len(texts)} texts, {mb:.2f} MB")
    print(f"profile() with vocabulary + level   : {mb / with_level:6.2f} MB/s")
    print(f"profile() without (no-ops)           : {mb / without:6.2f} MB/s")
    print(f"ratio with / without (time)          : {with_level / without:6.2f}")


if __name__ == "__main__":
    main()
