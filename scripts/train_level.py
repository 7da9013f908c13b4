"""Train the learned level and write ``src/factbox/data/level_model.json``.

    PYTHONPATH=src python scripts/train_level.py

Reproducible (closed-form ridge regression, no randomness). Reads at run time:
* ../shared/data/onestopenglish: every article present at all three levels; target
  ele = 0, int = 1, adv = 2 (document model);
* ../shared/data/cefr_sp: the *train* split only (its dev split is kept for
  scripts/eval_level.py); target = mean of the two annotators' labels, A1 = 1 … C2 = 6.

Calibration (see docs/level.md): the sentence model's output is equated (mean and standard
deviation) to the CEFR-SP training labels. The document score ``z`` is equated to (1) the
Flesch–Kincaid grades of the OneStopEnglish texts → ``grade``, and (2) the mean sentence score
of each OneStopEnglish text → the CEFR-scale ``score`` behind ``cefr``.
"""

from __future__ import annotations

import json
import statistics
from pathlib import Path

import numpy as np

from factbox import level as _level
from factbox.sentences import sentences
from level_data import ROOT, document_rows, load_cefr_sp, load_onestop, matrix

DOC_ALPHA = 3.0
SENT_ALPHA = 10.0
# vocabulary-profile features shared by both models (see factbox.level._vocab_features)
VOCAB_FEATURES = (
    "share_a2",
    "share_b1",
    "share_b2",
    "share_c1c2",
    "share_unlisted",
    "share_k1",
    "share_k2_5",
    "share_rare",
    "mean_word_level",
    "mean_log_rank",
    "sd_log_rank",
    "proper_share",
    "number_share",
)
DOC_FEATURES = (
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
SENT_FEATURES = (
    "words",
    "log_words",
    "syllables_per_word",
    "letters_per_word",
    "polysyllable_share",
    "long_word_share",
    "max_word_level",
    "punctuation",
    *VOCAB_FEATURES,
)


def fit_ridge(x: np.ndarray, y: np.ndarray, alpha: float) -> dict[str, list[float] | float]:
    """Ridge regression on standardised features (closed form); intercept = mean of y."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    xs = (x - mean) / scale
    coef = np.linalg.solve(xs.T @ xs + alpha * np.eye(xs.shape[1]), xs.T @ (y - y.mean()))
    return {
        "mean": mean.tolist(),
        "scale": scale.tolist(),
        "coef": coef.tolist(),
        "intercept": float(y.mean()),
    }


def predict(m: dict, x: np.ndarray) -> np.ndarray:
    return m["intercept"] + ((x - np.array(m["mean"])) / np.array(m["scale"])) @ np.array(m["coef"])


def equate(z: np.ndarray, target: np.ndarray) -> tuple[float, float]:
    """(a, b) with a + b·z having the mean and standard deviation of ``target``."""
    b = float(target.std() / z.std())
    return float(target.mean() - b * z.mean()), b


def sentence_data(split: str) -> tuple[np.ndarray, np.ndarray, list[str]]:
    rows = load_cefr_sp()[split]
    feats = [_level.sentence_features(s) for s, _ in rows]
    keep = [i for i, f in enumerate(feats) if f]
    return (
        matrix([feats[i] for i in keep], list(SENT_FEATURES)),
        np.array([rows[i][1] for i in keep]),
        [rows[i][0] for i in keep],
    )


def _rounded(m: dict, features: tuple[str, ...]) -> dict:
    r = lambda v: float(f"{v:.6g}")  # noqa: E731
    return {
        "features": list(features),
        "mean": [r(v) for v in m["mean"]],
        "scale": [r(v) for v in m["scale"]],
        "coef": [r(v) for v in m["coef"]],
        "intercept": r(m["intercept"]),
    }


def main() -> None:
    # Sentence model: CEFR-SP train split.
    xs, ys, _ = sentence_data("train")
    sent = fit_ridge(xs, ys, SENT_ALPHA)
    sent_cal = equate(predict(sent, xs), ys)

    # Document model: OneStopEnglish.
    ose = load_onestop()
    texts = [t for _, _, t in ose]
    y = np.array([lv for _, lv, _ in ose], dtype=float)
    feats, formulas = document_rows(texts)
    x = matrix(feats, list(DOC_FEATURES))
    doc = fit_ridge(x, y, DOC_ALPHA)
    z = predict(doc, x)

    # Calibration targets on the OneStopEnglish texts.
    fk = np.array([f["flesch_kincaid_grade"] for f in formulas])
    sent_r = _rounded(sent, SENT_FEATURES)
    lin = _level._linear(sent_r)
    mean_sentence = []
    for text in texts:
        scores = [
            sent_cal[0] + sent_cal[1] * lin.score(f)
            for f in (_level.sentence_features(s) for s in sentences(text))
            if f
        ]
        mean_sentence.append(statistics.fmean(scores))
    cefr_cal = equate(z, np.array(mean_sentence))
    grade_cal = equate(z, fk)

    model = {
        "format": _level.MODEL_FORMAT,
        "version": _level.MODEL_VERSION,
        "trained_on": {
            "document": f"OneStopEnglish, {len(ose) // 3} articles x 3 levels (ele 0 int 1 adv 2)",
            "sentence": f"CEFR-SP Wiki-Auto train split, {len(ys)} sentences (mean label)",
            "ridge_alpha": {"document": DOC_ALPHA, "sentence": SENT_ALPHA},
        },
        "document": _rounded(doc, DOC_FEATURES),
        "sentence": sent_r,
        "calibration": {
            "grade": [float(f"{v:.6g}") for v in grade_cal],
            "cefr": [float(f"{v:.6g}") for v in cefr_cal],
            "sentence_cefr": [float(f"{v:.6g}") for v in sent_cal],
        },
    }
    out = ROOT / "src" / "factbox" / "data" / "level_model.json"
    Path(out).write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    for k, name in enumerate(("ele", "int", "adv")):
        sel = y == k
        g = grade_cal[0] + grade_cal[1] * z[sel]
        c = cefr_cal[0] + cefr_cal[1] * z[sel]
        print(
            f"{name}: mean FK {fk[sel].mean():.2f}  mean grade {g.mean():.2f}  "
            f"mean sentence CEFR score {np.mean(np.array(mean_sentence)[sel]):.2f}  "
            f"mean CEFR score {c.mean():.2f} -> {_level.cefr_of(float(c.mean()))}"
        )


if __name__ == "__main__":
    main()
