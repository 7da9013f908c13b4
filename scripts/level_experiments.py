"""Feature and model experiments for the learned level (the table in docs/level.md §3).

    PYTHONPATH=src python scripts/level_experiments.py

Every experiment uses the same 5 folds grouped by article as scripts/eval_level.py and reports
3-class accuracy on the test folds. Candidate features are computed from exactly what
``factbox.level.estimate`` receives inside ``factbox.profile`` (captured per text), so any
feature that wins here can be computed at run time without changing ``profile``.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable

import numpy as np

import factbox
from factbox import level as _level
from eval_level import classify, fit_thresholds, grouped_folds
from level_data import load_onestop
from train_level import DOC_FEATURES as OLD_FEATURES
from train_level import fit_ridge, predict


def captured_inputs(text: str) -> dict:
    """The arguments factbox.profile passes to level.estimate for ``text``."""
    got: dict = {}

    def spy(counts, vocabulary, sentence_lengths, commas, **kw):  # type: ignore[no-untyped-def]
        got.update(counts=counts, vocabulary=vocabulary, lengths=list(sentence_lengths),
                   commas=commas, freqs=dict(kw["freqs"]))
        return None

    saved = _level.estimate
    _level.estimate = spy  # type: ignore[assignment]
    try:
        factbox.profile(text)
    finally:
        _level.estimate = saved
    return got


def cv_accuracy(
    x: np.ndarray, y: np.ndarray, names: list[str], fit: Callable, score: Callable
) -> tuple[float, list[float]]:
    accs = []
    for test in grouped_folds(names):
        train = np.setdiff1d(np.arange(len(y)), test)
        m = fit(x[train], y[train])
        zt = score(m, x[train])
        a, b = fit_thresholds(zt, y[train])
        accs.append(float(np.mean(classify(score(m, x[test]), a, b) == y[test])))
    return float(np.mean(accs)), accs


def ridge(alpha: float) -> tuple[Callable, Callable]:
    return (lambda x, y: fit_ridge(x, y.astype(float), alpha)), predict


def main() -> None:
    ose = load_onestop()
    names = [n for n, _, _ in ose]
    y = np.array([lv for _, lv, _ in ose])
    inputs = [captured_inputs(t) for _, _, t in ose]
    feats = [_level.document_features(**{k: i[k] for k in ("counts", "vocabulary", "commas")},
                                      sentence_lengths=i["lengths"], freqs=i["freqs"])
             for i in inputs]
    all_names = list(feats[0])
    x = np.array([[f[n] for n in all_names] for f in feats])
    print(f"{len(all_names)} candidate features", file=sys.stderr)
    for alpha in (3.0, 10.0, 30.0, 100.0, 300.0):
        acc, folds = cv_accuracy(x, y, names, *ridge(alpha))
        print(f"ridge all features alpha={alpha}: {acc:.3f} {[round(a, 3) for a in folds]}")
    base_alpha = 30.0
    old_set = [n for n in all_names if n in set(OLD_FEATURES)]
    cols = [all_names.index(n) for n in old_set]
    acc, _ = cv_accuracy(x[:, cols], y, names, *ridge(base_alpha))
    print(f"previous feature set, alpha={base_alpha}: {acc:.3f}")
    for name in all_names:
        keep = [j for j, n in enumerate(all_names) if n != name]
        acc, _ = cv_accuracy(x[:, keep], y, names, *ridge(base_alpha))
        print(f"  without {name:28s} {acc:.3f}")
        added = cols + [all_names.index(name)] if name not in old_set else cols
        acc2, _ = cv_accuracy(x[:, added], y, names, *ridge(base_alpha))
        print(f"  previous + {name:26s} {acc2:.3f}")


if __name__ == "__main__":
    main()
