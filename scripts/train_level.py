"""Train the learned level and write ``src/factbox/data/level_model.json``.

    PYTHONPATH=src python scripts/train_level.py

Reproducible (closed-form ridge regression, no randomness). Reads at run time:
* ../shared/data/onestopenglish: every article present at all three levels; target
  ele = 0, int = 1, adv = 2 (document model); each text is used whole and cut to its first
  EXCERPT_TOKENS and SHORT_EXCERPT_TOKENS words;
* ../shared/data/cefr_sp train split, grouped into pseudo-documents (level_data.
  pseudo_documents), whole and cut to SHORT_EXCERPT_TOKENS words: a second document model,
  blended with the first (WIKI_BLEND);
* ../shared/data/cefr_sp: the *train* split only (its dev split is kept for
  scripts/eval_level.py); target = mean of the two annotators' labels, A1 = 1 … C2 = 6.

Calibration (see docs/level.md §2): the sentence model's output is equated (mean and standard
deviation) to the CEFR-SP training labels. The document score ``z`` is (1) equated to the
Flesch–Kincaid grades of the whole OneStopEnglish texts and the CEFR-SP train
pseudo-documents together → ``grade``, and (2) put on the CEFR scale by a least-squares line
through two sets of anchors, weighted equally: the OneStopEnglish course levels (elementary
mean at A2 = 2.0, intermediate at 3.5, advanced at C1 = 5.0) and the CEFR-SP pseudo-document
groups at their mean annotated label → the CEFR-scale ``score`` behind ``cefr``.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from factbox import level as _level
from level_data import (
    ROOT,
    document_rows,
    excerpt,
    load_cefr_sp,
    load_onestop,
    matrix,
    pseudo_documents,
)

DOC_ALPHA = 10.0
SENT_ALPHA = 10.0
# Each OneStopEnglish text is used twice for the document model: whole, and cut to its first
# lines holding EXCERPT_TOKENS words (so the weights do not lean on features that drift with
# text length; docs/level.md §3).
EXCERPT_TOKENS = 250
SHORT_EXCERPT_TOKENS = 100  # a second, shorter cut of every training text (round 3)
# Course-label anchors of the CEFR scale: the mean score of the elementary texts is put at A2
# (2.0) and that of the advanced texts at C1 (5.0); see docs/level.md §2.
CEFR_ANCHORS = (2.0, 5.0)
# Second document model, fitted on the CEFR-SP *train* pseudo-documents (Wikipedia sentences
# grouped by level, level_data.pseudo_documents), their mean label put on the OneStopEnglish
# scale by the same anchors (A2 = 0, C1 = 2). The shipped document score is
# (1 - WIKI_BLEND) * OneStopEnglish model + WIKI_BLEND * Wikipedia model, folded into one
# linear model (docs/level.md, "Round 3": the genre check).
WIKI_BLEND = 0.4
MIN_ANCHOR_DOCS = 10  # smallest CEFR-SP pseudo-document group used as a CEFR anchor
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
    # sentence structure
    "log_words_per_sentence",
    "sentence_length_sd",
    "sentence_p90",
    "long_sentences",
    "commas_per_sentence",
    # word length
    "syllables_per_word",
    "letters_per_word",
    "polysyllable_share",
    "long_word_share",
    "monosyllable_share",
    "letters10_share",
    "type_letters",
    "type_syllables",
    # vocabulary profile: token shares, type shares, sampled hard words
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
    "hard_types_200",
    "types_b1",
    "types_b2_plus",
    "types_c1c2",
    "types_unlisted",
    "types_rare",
    "sample_c1c2_share",
    "sample_rare_share",
    # suffixes
    "nominal_share",
    "ly_share",
    "ing_share",
    "ed_share",
)
SENT_FEATURES = (
    "words",
    "log_words",
    "syllables_per_word",
    "letters_per_word",
    "polysyllable_share",
    "long_word_share",
    "max_word_level",
    "max_log_rank",
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


def blend(ose: dict, wiki: dict, weight: float) -> dict:
    """The linear model (1 - weight) * ose + weight * wiki, written on ``ose``'s means and
    scales: a wiki coefficient c on (x - m2) / s2 becomes c * s1 / s2 on (x - m1) / s1, and its
    intercept takes c * (m1 - m2) / s2."""
    m1, s1, c1 = (np.array(ose[k]) for k in ("mean", "scale", "coef"))
    m2, s2, c2 = (np.array(wiki[k]) for k in ("mean", "scale", "coef"))
    coef = (1.0 - weight) * c1 + weight * c2 * s1 / s2
    intercept = (1.0 - weight) * ose["intercept"] + weight * (
        wiki["intercept"] + float(np.sum(c2 * (m1 - m2) / s2))
    )
    return {"mean": m1.tolist(), "scale": s1.tolist(), "coef": coef.tolist(),
            "intercept": float(intercept)}


def wiki_data(
    split: str = "train", cut: int | None = None
) -> tuple[np.ndarray, np.ndarray, list[dict[str, float]]]:
    """Document features, targets on the OneStopEnglish scale ((label - 2) / 1.5) and formula
    scores of the CEFR-SP pseudo-documents of ``split`` (cut to their first ``cut`` words)."""
    docs = pseudo_documents(split)
    feats, formulas = document_rows([t if cut is None else excerpt(t, cut) for _, t in docs])
    y = (np.array([lab for lab, _ in docs]) - CEFR_ANCHORS[0]) / (
        (CEFR_ANCHORS[1] - CEFR_ANCHORS[0]) / 2.0
    )
    return matrix(feats, list(DOC_FEATURES)), y, formulas


def wiki_training_rows() -> tuple[np.ndarray, np.ndarray]:
    """The Wikipedia model's training rows: every CEFR-SP train pseudo-document whole and cut
    to its first SHORT_EXCERPT_TOKENS words."""
    xw, yw, _ = wiki_data("train")
    xc, yc, _ = wiki_data("train", SHORT_EXCERPT_TOKENS)
    return np.vstack([xw, xc]), np.concatenate([yw, yc])


def fit_document(x: np.ndarray, y: np.ndarray, xw: np.ndarray, yw: np.ndarray) -> dict:
    """The shipped document model: ridge on the OneStopEnglish rows (x, y) blended with ridge
    on the CEFR-SP pseudo-documents (xw, yw)."""
    return blend(fit_ridge(x, y, DOC_ALPHA), fit_ridge(xw, yw, DOC_ALPHA), WIKI_BLEND)


def cefr_anchor_points(
    z: np.ndarray, y: np.ndarray, zw: np.ndarray, yw: np.ndarray
) -> list[tuple[float, float]]:
    """(mean score, CEFR value) of each anchor group: the three OneStopEnglish levels at their
    course levels (elementary A2 = 2, intermediate B1/B2 = 3.5, advanced C1 = 5), and the
    CEFR-SP pseudo-documents grouped by rounded mean label (groups of at least
    MIN_ANCHOR_DOCS) at their mean label."""
    lo, hi = CEFR_ANCHORS
    pts = [(float(z[y == k].mean()), lo + k * (hi - lo) / 2.0) for k in range(3)]
    lab = lo + yw * (hi - lo) / 2.0
    for lv in sorted({round(v) for v in lab}):
        sel = np.round(lab) == lv
        if sel.sum() >= MIN_ANCHOR_DOCS:
            pts.append((float(zw[sel].mean()), float(lab[sel].mean())))
    return pts


def cefr_line(z: np.ndarray, y: np.ndarray, zw: np.ndarray, yw: np.ndarray) -> tuple[float, float]:
    """Least-squares line CEFR = a + b * score through the anchor points, the two sources
    weighted equally (each point of a source weighs 1 / its number of points)."""
    pts = cefr_anchor_points(z, y, zw, yw)
    w = np.array([1 / 3] * 3 + [1 / (len(pts) - 3)] * (len(pts) - 3))
    zz = np.array([p[0] for p in pts])
    cc = np.array([p[1] for p in pts])
    zm, cm = float(np.sum(w * zz) / w.sum()), float(np.sum(w * cc) / w.sum())
    b = float(np.sum(w * (zz - zm) * (cc - cm)) / np.sum(w * (zz - zm) ** 2))
    return cm - b * zm, b


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


def document_data(
    ose: list[tuple[str, int, str]],
) -> tuple[np.ndarray, np.ndarray, list[str], np.ndarray, list[dict[str, float]]]:
    """Feature matrix, targets, article names and a "whole text" flag for the document model's
    rows (each text whole, then each text cut to EXCERPT_TOKENS, then to SHORT_EXCERPT_TOKENS
    words), and the formula scores of every row."""
    texts = [t for _, _, t in ose]
    cuts = (EXCERPT_TOKENS, SHORT_EXCERPT_TOKENS)
    rows = texts + [excerpt(t, cut) for cut in cuts for t in texts]
    feats, formulas = document_rows(rows)
    y = np.array([lv for _, lv, _ in ose] * (1 + len(cuts)), dtype=float)
    names = [n for n, _, _ in ose] * (1 + len(cuts))
    whole = np.array([True] * len(texts) + [False] * len(texts) * len(cuts))
    return matrix(feats, list(DOC_FEATURES)), y, names, whole, formulas


def main() -> None:
    # Sentence model: CEFR-SP train split.
    xs, ys, _ = sentence_data("train")
    sent = fit_ridge(xs, ys, SENT_ALPHA)
    sent_cal = equate(predict(sent, xs), ys)

    # Document model: OneStopEnglish, whole texts and their excerpts.
    ose = load_onestop()
    x, y_all, _, whole, formulas = document_data(ose)
    doc = fit_document(x, y_all, *wiki_training_rows())
    xw, yw, wforms = wiki_data("train")
    doc_r = _rounded(doc, DOC_FEATURES)
    lin = _level._linear(doc_r)
    names = list(DOC_FEATURES)
    z = np.array([lin.score(dict(zip(names, row, strict=True))) for row in x[whole]])
    zw = np.array([lin.score(dict(zip(names, row, strict=True))) for row in xw])
    y = y_all[whole]

    # Calibration: grade equated to the Flesch–Kincaid grades of the whole OneStopEnglish texts
    # and the CEFR-SP pseudo-documents; the CEFR score a line through the course anchors and
    # the CEFR-SP pseudo-document groups (cefr_line).
    fk = np.array([f["flesch_kincaid_grade"] for f, w in zip(formulas, whole, strict=True) if w])
    fkw = np.array([f["flesch_kincaid_grade"] for f in wforms])
    grade_cal = equate(np.concatenate([z, zw]), np.concatenate([fk, fkw]))
    cefr_cal = cefr_line(z, y, zw, yw)

    model = {
        "format": _level.MODEL_FORMAT,
        "version": _level.MODEL_VERSION,
        "trained_on": {
            "document": (
                f"OneStopEnglish, {len(ose) // 3} articles x 3 levels (ele 0 int 1 adv 2), "
                f"each text whole and cut to its first {EXCERPT_TOKENS} and "
                f"{SHORT_EXCERPT_TOKENS} words; blended ({WIKI_BLEND}) with a model of the "
                "CEFR-SP train pseudo-documents, whole and cut"
            ),
            "sentence": f"CEFR-SP Wiki-Auto train split, {len(ys)} sentences (mean label)",
            "ridge_alpha": {"document": DOC_ALPHA, "sentence": SENT_ALPHA},
            "grade": (
                "equated (mean, SD) to the Flesch-Kincaid grades of the whole OneStopEnglish "
                "texts and the CEFR-SP train pseudo-documents together"
            ),
            "cefr": (
                "least-squares line through the course anchors (ele A2 = 2, int 3.5, adv C1 = 5) "
                "and the CEFR-SP train pseudo-document groups at their mean label, the two "
                "sources weighted equally"
            ),
        },
        "document": doc_r,
        "sentence": _rounded(sent, SENT_FEATURES),
        "calibration": {
            "grade": [float(f"{v:.6g}") for v in grade_cal],
            "cefr": [float(f"{v:.6g}") for v in cefr_cal],
            "sentence_cefr": [float(f"{v:.6g}") for v in sent_cal],
        },
    }
    out = ROOT / "src" / "factbox" / "data" / "level_model.json"
    Path(out).write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    cw = cefr_cal[0] + cefr_cal[1] * zw
    labw = CEFR_ANCHORS[0] + yw * (CEFR_ANCHORS[1] - CEFR_ANCHORS[0]) / 2.0
    for lv in sorted({round(v) for v in labw}):
        sel = np.round(labw) == lv
        gw = grade_cal[0] + grade_cal[1] * zw[sel]
        print(f"CEFR-SP train pseudo-docs, label ~{lv}: n {sel.sum()}  mean label "
              f"{labw[sel].mean():.2f}  mean FK {fkw[sel].mean():.2f}  mean grade {gw.mean():.2f}  "
              f"mean CEFR score {cw[sel].mean():.2f}")
    for k, name in enumerate(("ele", "int", "adv")):
        sel = y == k
        g = grade_cal[0] + grade_cal[1] * z[sel]
        c = cefr_cal[0] + cefr_cal[1] * z[sel]
        print(
            f"{name}: mean FK {fk[sel].mean():.2f}  mean grade {g.mean():.2f}  "
            f"mean CEFR score {c.mean():.2f} -> {_level.cefr_of(float(c.mean()))}"
        )


if __name__ == "__main__":
    main()
