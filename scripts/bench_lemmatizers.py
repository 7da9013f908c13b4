"""Compare lemmatisers for the vocabulary profile: accuracy, list coverage and speed.

    PYTHONPATH=src python scripts/bench_lemmatizers.py

* accuracy: a gold list of inflected forms → CEFR-list headwords written for this script;
* coverage: share of lower-case OneStopEnglish tokens (read at run time from ../shared) whose
  form or lemma is on the shipped CEFR list;
* speed: microseconds per distinct type, uncached (first lookup).
"""

from __future__ import annotations

import time
from collections import Counter

import lemminflect
import simplemma

from factbox.tokens import fold, words
from factbox.vocabulary import wordlist
from level_data import load_onestop

GOLD = {
    "signed": "sign", "countries": "country", "went": "go", "children": "child",
    "mice": "mouse", "studies": "study", "running": "run", "bigger": "big",
    "happiest": "happy", "women": "woman", "thought": "think", "lying": "lie",
    "taxes": "tax", "criteria": "criterion", "felt": "feel", "born": "bear",
    "gone": "go", "shelves": "shelf", "won": "win", "broke": "break",
    "travelling": "travel", "buying": "buy", "sitting": "sit", "stopped": "stop",
    "carried": "carry", "leaves": "leave", "knives": "knife", "feet": "foot",
    "teeth": "tooth", "geese": "goose", "written": "write", "chose": "choose",
    "hoping": "hope", "planned": "plan", "easier": "easy", "worse": "bad",
    "heavier": "heavy", "cities": "city", "wolves": "wolf", "phenomena": "phenomenon",
}


def main() -> None:
    lst = wordlist()
    tokens: Counter[str] = Counter()
    for _, _, text in load_onestop():
        tokens.update(fold(t) for t in words(text) if t[0].islower())
    types = list(tokens)

    def lemm(w: str) -> set[str]:
        return {lemma for ls in lemminflect.getAllLemmas(w).values() for lemma in ls}

    def simp(w: str) -> set[str]:
        return {simplemma.lemmatize(w, lang="en")}

    lemm("warm")
    simp("warm")
    print(f"{'method':12s} {'gold acc':>8s} {'cov types':>9s} {'cov tokens':>10s} {'us/type':>8s}")
    for name, fn in (("none", lambda w: {w}), ("lemminflect", lemm), ("simplemma", simp)):
        acc = sum(GOLD[w] in fn(w) for w in GOLD) / len(GOLD)
        t = time.perf_counter()
        found = [w in lst or bool(fn(w) & lst.keys()) for w in types]
        us = (time.perf_counter() - t) / len(types) * 1e6
        cov_ty = sum(found) / len(types)
        cov_tok = sum(tokens[w] for w, f in zip(types, found, strict=True) if f) / sum(
            tokens.values()
        )
        print(f"{name:12s} {acc:8.3f} {cov_ty:9.3f} {cov_tok:10.4f} {us:8.1f}")


if __name__ == "__main__":
    main()
