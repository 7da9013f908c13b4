"""Round 4 of the document-model experiments (docs/level.md, "Round 4: fiction and school
texts"): every variant is scored on OneStopEnglish (grouped 5-fold CV), on the CEFR-SP genre
checks and on the hand-written school check set (tests/data/level), side by side.

    PYTHONPATH=src python scripts/level_round4.py              # the variants table
    PYTHONPATH=src python scripts/level_round4.py --diagnose   # what pushes fiction up/down
    PYTHONPATH=src python scripts/level_round4.py --calibration  # grade scale alternatives

For each variant the shipped construction of scripts/train_level.py is repeated (OneStopEnglish
ridge on whole texts and 250- and 100-word cuts, blended with the CEFR-SP pseudo-document ridge,
WIKI_BLEND) with the variant's features, fitting rule or blend weight. Columns:

* OSE: accuracy on the test folds' whole texts, and on their first 250 and 100 words read with
  the thresholds fitted on whole texts (the round-3 columns); then (250w*, 100w*) on the same
  excerpts with thresholds fitted on the training texts' excerpts (eval_level.py's columns);
* dev r: Pearson on the 35 CEFR-SP dev pseudo-documents, whole / first 100 words (model fitted
  on all OneStopEnglish texts);
* cv r: Pearson of the out-of-fold scores of the 300 CEFR-SP train pseudo-documents, whole /
  first 100 words (eval_level.genre_cv);
* school: Pearson with the intended grade on the fiction and on the informational excerpts of
  the check set, and on all 40; then the mean signed error (grade − intended grade) on fiction
  and informational, the grade calibrated as train_level.py does (equated to the
  Flesch–Kincaid grades of the whole OneStopEnglish texts and the CEFR-SP train
  pseudo-documents). The check set is never used to fit anything here.

Reads ../shared at run time; deterministic.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from scipy.optimize import lsq_linear
from scipy.stats import pearsonr, spearmanr

import train_level as tl
from eval_level import classify, fit_thresholds, grouped_folds
from factbox import level as _level
from factbox.vocabulary import lookup
from level_data import (
    FORMULAS,
    excerpt,
    load_onestop,
    load_school_set,
    profile_and_inputs,
    pseudo_documents,
)

Rows = list[dict[str, float]]
GROUPS = {  # the feature groups of docs/level.md §2 (train_level.DOC_FEATURES order)
    "sentence structure": tl.DOC_FEATURES[0:5],
    "word length": tl.DOC_FEATURES[5:13],
    "token shares": tl.DOC_FEATURES[13:25],
    "type shares": tl.DOC_FEATURES[25:30],
    "sampled hard words": tl.DOC_FEATURES[30:32],
    "suffixes": tl.DOC_FEATURES[32:36],
}


def _features(texts: Sequence[str]) -> tuple[Rows, Rows]:
    """Document features (with the formula scores added as ``f_<formula>`` candidates) and
    formula scores of each text."""
    feats, forms = [], []
    for text in texts:
        box, got = profile_and_inputs(text)
        f = _level.document_features(got["counts"], got["vocabulary"], got["sentence_lengths"],
                                     got["commas"], got["freqs"])
        r = {k: getattr(box.readability, k) for k in FORMULAS}
        f.update({f"f_{k}": v for k, v in r.items()})
        f.update(suffix_candidates(got["freqs"]))
        feats.append(f)
        forms.append(r)
    return feats, forms


_HARD = ("B1", "B2", "C1", "C2", "unlisted")


def _letters(word: str) -> int:
    return sum(1 for ch in word if ch.isalpha())


def suffix_candidates(freqs: dict[str, int]) -> dict[str, float]:
    """Candidate suffix shares: -ed / -ing / -ly on words of 6+ (round 3's rule for all
    three), 7+ and 8+ letters (letters counted as factbox.level.type_shape counts them), and
    on words of 6+ letters whose headword is B1 or harder (or unlisted)."""
    n = max(sum(freqs.values()), 1)
    out: dict[str, float] = {}
    for suf in ("ed", "ing", "ly"):
        for k in (6, 7, 8):
            out[f"{suf}{k}_share"] = sum(
                f for t, f in freqs.items() if t.endswith(suf) and _letters(t) >= k
            ) / n
        out[f"{suf}_hard_share"] = sum(
            f for t, f in freqs.items()
            if t.endswith(suf) and _letters(t) >= 6 and lookup(t).level in _HARD
        ) / n
    return out


class Data:
    """Features and formula scores of every text the experiments need, computed once."""

    def __init__(self) -> None:
        ose = load_onestop()
        self.names = [n for n, _, _ in ose]
        self.y = np.array([lv for _, lv, _ in ose], dtype=float)
        texts = [t for _, _, t in ose]
        self.ose, self.ose_f = _features(texts)
        self.ose250, _ = _features([excerpt(t, 250) for t in texts])
        self.ose100, _ = _features([excerpt(t, 100) for t in texts])
        wtrain = pseudo_documents("train")
        wdev = pseudo_documents("dev")
        lo, hi = tl.CEFR_ANCHORS
        self.yw = (np.array([lab for lab, _ in wtrain]) - lo) / ((hi - lo) / 2.0)
        self.yd = np.array([lab for lab, _ in wdev])
        self.wiki, self.wiki_f = _features([t for _, t in wtrain])
        self.wiki100, _ = _features([excerpt(t, 100) for _, t in wtrain])
        self.dev, _ = _features([t for _, t in wdev])
        self.dev100, _ = _features([excerpt(t, 100) for _, t in wdev])
        school = load_school_set()
        self.school, self.school_f = _features([r["text"] for r in school])
        self.school_grade = np.array([r["grade"] for r in school])
        self.school_fiction = np.array([r["genre"] == "fiction" for r in school])
        self.fk = np.array([f["flesch_kincaid_grade"] for f in self.ose_f])
        self.fkw = np.array([f["flesch_kincaid_grade"] for f in self.wiki_f])


Fit = Callable[[np.ndarray, np.ndarray], dict]


def ridge_fit(x: np.ndarray, y: np.ndarray) -> dict:
    return tl.fit_ridge(x, y, tl.DOC_ALPHA)


def signed_ridge(signs: Sequence[int]) -> Fit:
    """Ridge on standardised features with each coefficient's sign fixed where ``signs`` is
    +1 or −1 (0: free), solved as bounded least squares on the ridge-augmented system."""

    def fit(x: np.ndarray, y: np.ndarray) -> dict:
        mean = x.mean(axis=0)
        scale = x.std(axis=0)
        scale[scale == 0] = 1.0
        xs = (x - mean) / scale
        p = xs.shape[1]
        a = np.vstack([xs, np.sqrt(tl.DOC_ALPHA) * np.eye(p)])
        b = np.concatenate([y - y.mean(), np.zeros(p)])
        lo = np.array([0.0 if s > 0 else -np.inf for s in signs])
        hi = np.array([0.0 if s < 0 else np.inf for s in signs])
        coef = lsq_linear(a, b, bounds=(lo, hi), method="bvls").x
        return {"mean": mean.tolist(), "scale": scale.tolist(), "coef": coef.tolist(),
                "intercept": float(y.mean())}

    return fit


def with_formula(m: dict, cols: Sequence[str], x: np.ndarray, formula: str, w: float) -> dict:
    """The linear model m mixed with a formula that is linear in two of its features:
    score' = (1 − w)·score + w·k·formula, with k = SD(score) / SD(formula) on the rows x, so
    that w is the formula's share of the spread. Folds into m's coefficients."""
    coefs = {
        "flesch_kincaid_grade": {"words_per_sentence": 0.39, "syllables_per_word": 11.8},
        "automated_readability_index": {"words_per_sentence": 0.5, "letters_per_word": 4.71},
    }[formula]
    mean, scale, coef = (np.array(m[k], dtype=float) for k in ("mean", "scale", "coef"))
    z = m["intercept"] + ((x - mean) / scale) @ coef
    f = sum(c * x[:, list(cols).index(name)] for name, c in coefs.items())
    k = z.std() / f.std()
    coef = (1.0 - w) * coef
    intercept = (1.0 - w) * m["intercept"] + w * k * float(f.mean())
    for name, c in coefs.items():
        j = list(cols).index(name)
        coef[j] += w * k * c * scale[j]
        intercept -= 0.0
    # the formula is centred on the rows' means: intercept + Σ coef·(x − mean)/scale
    intercept += -w * k * float(f.mean()) + w * k * sum(
        c * mean[list(cols).index(name)] for name, c in coefs.items())
    return {"mean": mean.tolist(), "scale": scale.tolist(), "coef": coef.tolist(),
            "intercept": float(intercept)}


def run(d: Data, cols: Sequence[str], fit: Fit = ridge_fit, blend: float = tl.WIKI_BLEND, *,
        formula: tuple[str, float] | None = None, clip: float | None = None) -> str:
    m_ = lambda rows: np.array([[r[c] for c in cols] for r in rows])  # noqa: E731
    xw, x250, x100 = m_(d.ose), m_(d.ose250), m_(d.ose100)
    xk, xk1, xd, xd1, xs = m_(d.wiki), m_(d.wiki100), m_(d.dev), m_(d.dev100), m_(d.school)
    if clip is not None:
        # every feature clipped to the [clip, 100 - clip] percentiles of all training rows
        train_rows = np.vstack([xw, x250, x100, xk, xk1])
        lo = np.percentile(train_rows, clip, axis=0)
        hi = np.percentile(train_rows, 100 - clip, axis=0)
        xw, x250, x100, xk, xk1, xd, xd1, xs = (np.clip(a, lo, hi) for a in
                                                 (xw, x250, x100, xk, xk1, xd, xd1, xs))
    y = d.y

    def model(train: np.ndarray, wrows: np.ndarray | None = None) -> dict:
        wsel = np.arange(len(d.yw)) if wrows is None else wrows
        ose = fit(np.vstack([xw[train], x250[train], x100[train]]), np.tile(y[train], 3))
        wiki = fit(np.vstack([xk[wsel], xk1[wsel]]), np.tile(d.yw[wsel], 2))
        m = tl.blend(ose, wiki, blend)
        if formula is not None:
            m = with_formula(m, cols, xw[train], *formula)
        return m

    accs: dict[str, list[float]] = {"whole": [], "250": [], "100": [], "250*": [], "100*": []}
    for test in grouped_folds(d.names):
        train = np.setdiff1d(np.arange(len(y)), test)
        m = model(train)
        a, b = fit_thresholds(tl.predict(m, xw[train]), y[train])
        for key, xx in (("whole", xw), ("250", x250), ("100", x100)):
            accs[key].append(float(np.mean(classify(tl.predict(m, xx[test]), a, b) == y[test])))
        # eval_level's excerpt columns: thresholds fitted on the training excerpts
        for key, xx in (("250*", x250), ("100*", x100)):
            a, b = fit_thresholds(tl.predict(m, xx[train]), y[train])
            accs[key].append(float(np.mean(classify(tl.predict(m, xx[test]), a, b) == y[test])))
    out = [f"{np.mean(v):.3f}" for v in accs.values()]
    full = model(np.arange(len(y)))
    out.append(" ".join(f"{pearsonr(tl.predict(full, xx), d.yd)[0]:+.3f}" for xx in (xd, xd1)))
    n = len(d.yw)
    fold = np.arange(n) % 5
    z, zc = np.zeros(n), np.zeros(n)
    for k in range(5):
        m = model(np.arange(len(y)), np.flatnonzero(fold != k))
        z[fold == k] = tl.predict(m, xk[fold == k])
        zc[fold == k] = tl.predict(m, xk1[fold == k])
    out.append(f"{pearsonr(z, d.yw)[0]:+.3f} {pearsonr(zc, d.yw)[0]:+.3f}")
    # school check set: correlation per genre and bias of the calibrated grade
    ga, gb = tl.equate(np.concatenate([tl.predict(full, xw), tl.predict(full, xk)]),
                       np.concatenate([d.fk, d.fkw]))
    g = ga + gb * tl.predict(full, xs)
    fic, yy = d.school_fiction, d.school_grade
    rs = [pearsonr(g[s], yy[s])[0] for s in (fic, ~fic, np.ones(len(yy), bool))]
    rho = [spearmanr(g[s], yy[s])[0] for s in (fic, ~fic, np.ones(len(yy), bool))]
    out.append(" ".join(f"{v:+.3f}" for v in rs) + " | " + " ".join(f"{v:+.3f}" for v in rho))
    out.append(f"{np.mean(g[fic] - yy[fic]):+.2f} {np.mean(g[~fic] - yy[~fic]):+.2f}")
    return "  ".join(out)


# a priori direction of each feature (+1: higher = harder, −1: higher = easier, 0: no prior)
SIGNS = {
    "log_words_per_sentence": 1, "sentence_length_sd": 0, "sentence_p90": 1,
    "long_sentences": 1, "commas_per_sentence": 1,
    "syllables_per_word": 1, "letters_per_word": 1, "polysyllable_share": 1,
    "long_word_share": 1, "monosyllable_share": -1, "letters10_share": 1, "type_letters": 1,
    "type_syllables": 1,
    "share_a2": 0, "share_b1": 1, "share_b2": 1, "share_c1c2": 1, "share_unlisted": 1,
    "share_k1": -1, "share_k2_5": 0, "share_rare": 1, "mean_word_level": 1, "mean_log_rank": 1,
    "sd_log_rank": 0, "hard_types_200": 1, "types_b1": 1, "types_b2_plus": 1, "types_c1c2": 1,
    "types_unlisted": 1, "types_rare": 1, "sample_c1c2_share": 1, "sample_rare_share": 1,
    "nominal_share": 1, "ly_share": 0, "ing_share": 0, "ed_share": 0,
}


def main() -> None:
    d = Data()
    base = list(tl.DOC_FEATURES)  # shipped (round 3); ed_share = -ed on words of 6+ letters

    def swap(cols: list[str], **new: str) -> list[str]:
        return [new.get(c, c) for c in cols]

    no_tense = [c for c in base if c not in ("ed_share", "ing_share")]
    no_suffix = [c for c in base if c not in ("ed_share", "ing_share", "ly_share")]
    wps = [*base, "words_per_sentence"]
    exps: list[tuple[str, list[str], Fit, float]] = [
        ("shipped (round 3)", base, ridge_fit, tl.WIKI_BLEND),
        ("- ed, ing shares", no_tense, ridge_fit, tl.WIKI_BLEND),
        ("- ed, ing, ly shares", no_suffix, ridge_fit, tl.WIKI_BLEND),
        *((f"-ed/-ing/-ly on {k}+ letters",
           swap(base, ed_share=f"ed{k}_share", ing_share=f"ing{k}_share",
                ly_share=f"ly{k}_share"), ridge_fit, tl.WIKI_BLEND) for k in (7, 8)),
        *((f"-ed on {k}+ letters", swap(base, ed_share=f"ed{k}_share"), ridge_fit,
           tl.WIKI_BLEND) for k in (7, 8)),
        ("-ed/-ing/-ly on B1+ headwords",
         swap(base, ed_share="ed_hard_share", ing_share="ing_hard_share",
              ly_share="ly_hard_share"), ridge_fit, tl.WIKI_BLEND),
        ("-ed on B1+ headwords", swap(base, ed_share="ed_hard_share"), ridge_fit,
         tl.WIKI_BLEND),
        *((f"without {g}", [c for c in base if c not in cols], ridge_fit,
           tl.WIKI_BLEND) for g, cols in GROUPS.items()),
        ("sign-constrained", base, signed_ridge([SIGNS[c] for c in base]), tl.WIKI_BLEND),
        ("word-length signs constrained", base,
         signed_ridge([SIGNS[c] if c in GROUPS["word length"] else 0 for c in base]),
         tl.WIKI_BLEND),
        ("without type_syllables", [c for c in base if c != "type_syllables"], ridge_fit,
         tl.WIKI_BLEND),
        ("without type_syllables, letters_per_word",
         [c for c in base if c not in ("type_syllables", "letters_per_word")], ridge_fit,
         tl.WIKI_BLEND),
        ("sign-constrained - ed, ing", no_tense, signed_ridge([SIGNS[c] for c in no_tense]),
         tl.WIKI_BLEND),
        ("+ words per sentence (linear)", wps, ridge_fit, tl.WIKI_BLEND),
        ("+ Flesch-Kincaid grade", [*base, "f_flesch_kincaid_grade"], ridge_fit, tl.WIKI_BLEND),
        ("+ ARI", [*base, "f_automated_readability_index"], ridge_fit, tl.WIKI_BLEND),
        ("+ proper-noun share", [*base, "proper_share"], ridge_fit, tl.WIKI_BLEND),
        ("blend 0 (OneStopEnglish only)", base, ridge_fit, 0.0),
        ("blend 0.6", base, ridge_fit, 0.6),
        ("blend 1 (Wikipedia only)", base, ridge_fit, 1.0),
    ]
    print("variant                          OSE whole 250w 100w 250w* 100w*   dev r whole 100w   "
          "cv r whole 100w   school r fic inf all | rho fic inf all   bias fic inf")
    for label, cols, fit, lam in exps:
        print(f"{label:32s} {run(d, cols, fit, lam)}", flush=True)
    for clip in (0.0, 0.5, 2.0):
        print(f"{f'features clipped to p{clip}-p{100 - clip}':32s} {run(d, base, clip=clip)}",
              flush=True)
    for formula in ("flesch_kincaid_grade", "automated_readability_index"):
        for w in (0.1, 0.2, 0.3):
            print(f"{'mixed with ' + formula[:5] + f' w={w}':32s} "
                  f"{run(d, wps, formula=(formula, w))}", flush=True)


def diagnose() -> None:
    """What pushes fiction up or down (shipped model, school check set): for each feature, its
    contribution to the grade (coefficient × standardised value × grade slope) averaged over
    the fiction excerpts minus the same over the informational excerpts (same bands, so
    equal intended grades), with both genres' mean value in OneStopEnglish training SDs from
    the training mean (covariate shift); then the same by feature group, with each group's
    correlation with the intended grade inside each genre. Uses the check set's labels only
    for that last correlation."""
    m = _level.model()
    names = list(m.document.features)
    school = load_school_set()
    feats, _ = _features([r["text"] for r in school])
    fic = np.array([r["genre"] == "fiction" for r in school])
    y = np.array([r["grade"] for r in school])
    x = np.array([[f[c] for c in names] for f in feats])
    mean, scale, coef = (np.array(v) for v in (m.document.mean, m.document.scale,
                                                 m.document.coef))
    contrib = (x - mean) / scale * coef * m.grade[1]
    diff = contrib[fic].mean(axis=0) - contrib[~fic].mean(axis=0)
    zf = ((x[fic] - mean) / scale).mean(axis=0)
    zi = ((x[~fic] - mean) / scale).mean(axis=0)
    print(f"fiction - informational, grade from all features: {diff.sum():+.2f}")
    print(f"  {'feature':24s} {'grade':>6s}  {'fiction SDs':>11s} {'info SDs':>9s}  coef")
    for j in np.argsort(-np.abs(diff))[:12]:
        print(f"  {names[j]:24s} {diff[j]:+6.2f}  {zf[j]:+11.2f} {zi[j]:+9.2f}  {coef[j]:+.3f}")
    ose = load_onestop()
    ose_feats, _ = _features([t for _, lv, t in ose])
    print("-ed shares (candidates), mean over each genre in SDs of the whole OneStopEnglish "
          "texts from their mean:")
    for k in (6, 7, 8):
        o = np.array([f[f"ed{k}_share"] for f in ose_feats])
        v = np.array([f[f"ed{k}_share"] for f in feats])
        print(f"  -ed on {k}+ letters: fiction {(v[fic].mean() - o.mean()) / o.std():+.2f}  "
              f"informational {(v[~fic].mean() - o.mean()) / o.std():+.2f}")
    print("by group: fiction - informational; r with the intended grade in fiction, info")
    for g, cols in GROUPS.items():
        idx = [names.index(c) for c in cols]
        gc = contrib[:, idx].sum(axis=1)
        print(f"  {g:20s} {gc[fic].mean() - gc[~fic].mean():+.2f}   "
              f"{pearsonr(gc[fic], y[fic])[0]:+.2f} {pearsonr(gc[~fic], y[~fic])[0]:+.2f}")


def calibrations() -> None:
    """Three linear readings of the shipped score z as a grade, each fixed on the training
    texts only (whole OneStopEnglish texts and CEFR-SP train pseudo-documents, against their
    Flesch–Kincaid grades): equating (mean and SD; shipped), the regression of FK on z, and the
    reverse regression (z on FK, inverted: texts with a given FK get that grade on average).
    Printed with the mean grade of the school check set by band and the mean signed error by
    genre; the check set is only scored."""
    m = _level.model()
    d_ose = load_onestop()
    x, _, _, whole, forms = tl.document_data(d_ose)
    xw, _, wforms = tl.wiki_data("train")
    names = list(tl.DOC_FEATURES)
    score = lambda rows: np.array(  # noqa: E731
        [m.document.score(dict(zip(names, r, strict=True))) for r in rows])
    z = np.concatenate([score(x[whole]), score(xw)])
    fk = np.array([f["flesch_kincaid_grade"] for f, w in zip(forms, whole, strict=True) if w]
                  + [f["flesch_kincaid_grade"] for f in wforms])
    r = float(np.corrcoef(z, fk)[0, 1])
    school = load_school_set()
    sf, _ = _features([row["text"] for row in school])
    zs = np.array([m.document.score(f) for f in sf])
    y = np.array([row["grade"] for row in school])
    fic = np.array([row["genre"] == "fiction" for row in school])
    _, b_eq = tl.equate(z, fk)
    print(f"r(score, FK) on the {len(z)} training texts: {r:.3f}")
    for name, b in (("equating (shipped)", b_eq), ("regression of FK on score", b_eq * r),
                    ("reverse regression", b_eq / r)):
        a = float(fk.mean() - b * z.mean())
        g = a + b * zs
        bands = " ".join(f"{g[y == v].mean():5.2f}" for v in sorted(set(y)))
        print(f"  {name:26s} grade = {a:.3f} + {b:.3f} z   school by band {bands}   "
              f"bias fiction {np.mean(g[fic] - y[fic]):+.2f} informational "
              f"{np.mean(g[~fic] - y[~fic]):+.2f}")


if __name__ == "__main__":
    import sys

    if sys.argv[1:] == ["--diagnose"]:
        diagnose()
    elif sys.argv[1:] == ["--calibration"]:
        calibrations()
    else:
        main()
