"""The feature and model experiments behind the document model (docs/level.md §3, table
"Experiments").

    PYTHONPATH=src python scripts/level_experiments.py

Same folds and threshold rule as scripts/eval_level.py (5 folds grouped by article; two
thresholds fitted on the training texts in the form being tested); every row reports 3-class
accuracy on the test folds' whole texts, on their first EXCERPT_TOKENS words, and on those
excerpts read with the thresholds fitted on whole texts (the shipped model has one mapping for
every length, so this column shows how far a feature drifts with text length). Features are
computed from exactly what ``factbox.level.estimate`` receives inside ``factbox.profile``;
candidates that were tried and dropped (closed-class word rates, expected types in a 100-token
sample) are computed here only. Reads ../shared at run time; deterministic except the
gradient-boosting row (fixed seed).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from scipy.optimize import minimize
from scipy.special import expit
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from eval_level import classify, fit_thresholds, grouped_folds
from factbox import level as _level
from level_data import excerpt, load_onestop, profile_and_inputs
from train_level import DOC_ALPHA, DOC_FEATURES, EXCERPT_TOKENS, VOCAB_FEATURES, fit_ridge, predict

PREVIOUS = (  # the first model's features (before this retraining)
    "words_per_sentence",
    "log_words_per_sentence",
    "sentence_length_sd",
    "long_sentences",
    "commas_per_sentence",
    "syllables_per_word",
    "letters_per_word",
    "polysyllable_share",
    "long_word_share",
    "monosyllable_share",
    "hard_types_200",
    *VOCAB_FEATURES,
)
GROUPS = {
    "sentence structure": DOC_FEATURES[0:5],
    "word length": DOC_FEATURES[5:13],
    "token shares (CEFR, bands, ranks)": DOC_FEATURES[13:25],
    "type shares": DOC_FEATURES[25:30],
    "sampled hard words": DOC_FEATURES[30:32],
    "suffixes": DOC_FEATURES[32:36],
}
WORD_GROUPS = {
    "subordinator_rate": "although though because since unless whereas while whilst whether "
    "until once if despite",
    "relative_rate": "which who whom whose",
    "that_rate": "that",
    "be_past_rate": "was were been being",
    "personal_rate": "i you he she we they me him her us them my your our their",
    "modal_rate": "can could may might must shall should will would",
}


def candidate_features(text: str) -> dict[str, float]:
    _, got = profile_and_inputs(text)
    freqs = got["freqs"]
    out = _level.document_features(
        got["counts"], got["vocabulary"], got["sentence_lengths"], got["commas"], freqs
    )
    n = max(sum(freqs.values()), 1)
    for name, ws in WORD_GROUPS.items():
        out[name] = sum(freqs.get(w, 0) for w in ws.split()) / n
    out["types_100"] = sum(1.0 - (1.0 - f / n) ** 100 for f in freqs.values()) / 100.0
    return out


Fit = Callable[[np.ndarray, np.ndarray], Any]
Score = Callable[[Any, np.ndarray], np.ndarray]


def ridge(alpha: float) -> tuple[Fit, Score]:
    return (lambda x, y: fit_ridge(x, y.astype(float), alpha)), predict


def logistic(c: float) -> tuple[Fit, Score]:
    def fit(x: np.ndarray, y: np.ndarray) -> Any:
        return make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=5000)).fit(x, y)

    return fit, lambda m, x: m.predict_proba(x) @ np.array([0.0, 1.0, 2.0])


def ordinal(lam: float) -> tuple[Fit, Score]:
    """Cumulative-logit (proportional odds) model with shared slopes and an L2 penalty ``lam``
    on the standardised slopes, fitted by L-BFGS; scored by its linear predictor."""

    def fit(x: np.ndarray, y: np.ndarray) -> Any:
        mu, sd = x.mean(axis=0), x.std(axis=0)
        sd[sd == 0] = 1.0
        xs = (x - mu) / sd
        p = xs.shape[1]

        def nll(w: np.ndarray) -> float:
            e = xs @ w[:p]
            c1 = expit(w[p] - e)
            c2 = expit(w[p] + np.exp(w[p + 1]) - e)
            pr = np.where(y == 0, c1, np.where(y == 1, c2 - c1, 1.0 - c2))
            return float(-np.sum(np.log(np.clip(pr, 1e-12, None))) + lam * np.sum(w[:p] ** 2))

        w = minimize(nll, np.r_[np.zeros(p), -1.0, 0.0], method="L-BFGS-B").x
        return mu, sd, w[:p]

    return fit, lambda m, x: ((x - m[0]) / m[1]) @ m[2]


def boosting() -> tuple[Fit, Score]:
    def fit(x: np.ndarray, y: np.ndarray) -> Any:
        return GradientBoostingRegressor(
            n_estimators=300, max_depth=3, learning_rate=0.03, subsample=0.8, random_state=0
        ).fit(x, y)

    return fit, lambda m, x: m.predict(x)


def main() -> None:
    ose = load_onestop()
    names = [n for n, _, _ in ose]
    y = np.array([lv for _, lv, _ in ose])
    whole = [candidate_features(t) for _, _, t in ose]
    cut = [candidate_features(excerpt(t, EXCERPT_TOKENS)) for _, _, t in ose]
    folds = grouped_folds(names)

    def run(cols: tuple[str, ...] | list[str], learner: tuple[Fit, Score], with_cut: bool) -> str:
        xw = np.array([[r[c] for c in cols] for r in whole])
        xc = np.array([[r[c] for c in cols] for r in cut])
        fit, score = learner
        out = []
        # (test texts, texts the thresholds are fitted on): whole/whole, cut/cut, and cut
        # texts read with the whole-text thresholds (one mapping for every length, as shipped)
        for test_x, thr_x in ((xw, xw), (xc, xc), (xc, xw)):
            accs = []
            for test in folds:
                train = np.setdiff1d(np.arange(len(y)), test)
                xt = np.vstack([xw[train], xc[train]]) if with_cut else xw[train]
                yt = np.concatenate([y[train], y[train]]) if with_cut else y[train]
                m = fit(xt, yt)
                a, b = fit_thresholds(score(m, thr_x[train]), y[train])
                accs.append(float(np.mean(classify(score(m, test_x[test]), a, b) == y[test])))
            out.append(f"{np.mean(accs):.3f}")
        return "   ".join(out)

    new = list(DOC_FEATURES)
    rows: list[tuple[str, tuple[str, ...] | list[str], tuple[Fit, Score], bool]] = [
        ("previous features, whole texts, ridge a=3", PREVIOUS, ridge(3.0), False),
        ("previous features, + excerpts", PREVIOUS, ridge(DOC_ALPHA), True),
        ("new features, whole texts only", new, ridge(DOC_ALPHA), False),
        ("new + types_100, whole texts only", [*new, "types_100"], ridge(DOC_ALPHA), False),
        ("new + types_100, + excerpts", [*new, "types_100"], ridge(DOC_ALPHA), True),
        ("new + closed-class word rates, + excerpts", [*new, *WORD_GROUPS], ridge(DOC_ALPHA),
         True),
        ("SHIPPED: new features, + excerpts, ridge", new, ridge(DOC_ALPHA), True),
        ("new features, + excerpts, ridge a=3", new, ridge(3.0), True),
        ("new features, + excerpts, ridge a=30", new, ridge(30.0), True),
        ("new features, + excerpts, logistic C=0.3", new, logistic(0.3), True),
        ("new features, + excerpts, ordinal logit lam=1", new, ordinal(1.0), True),
        ("new features, + excerpts, gradient boosting", new, boosting(), True),
    ]
    rows += [
        (f"shipped without {g}", [c for c in new if c not in cols], ridge(DOC_ALPHA), True)
        for g, cols in GROUPS.items()
    ]
    print(
        f"{'experiment':50s} whole  excerpt  excerpt with whole-text thresholds "
        f"(excerpt = first {EXCERPT_TOKENS} words)"
    )
    for label, cols, learner, with_cut in rows:
        print(f"{label:50s} {run(cols, learner, with_cut)}", flush=True)


if __name__ == "__main__":
    main()
