"""Evaluate the learned level; prints every figure reported in docs/level.md.

    PYTHONPATH=src python scripts/eval_level.py

1. OneStopEnglish, 5-fold cross-validation grouped by article (an article's three versions are
   always in the same fold; folds are fixed by sorting article names and dealing them out in
   turn). In each fold the document model is refitted on the training folds exactly as
   scripts/train_level.py fits it (each text whole and cut to its first EXCERPT_TOKENS words,
   blended with the model fitted on the CEFR-SP train pseudo-documents, which are not
   OneStopEnglish texts and so are the same in every fold),
   and two thresholds on its score are fitted on the training folds' texts in the form being
   tested (whole, or cut); each classic formula gets the same treatment (its direction from
   the training rows, two thresholds on the same training texts). Reported: 3-class accuracy
   on the test folds' whole texts and on their excerpts.
2. CEFR-SP dev split (never used in training): Pearson and Spearman correlation of the
   sentence score with the mean of the two annotators' labels, beside each formula applied to
   the single sentence; exact and within-one CEFR agreement of ``sentence_levels``.
3. Genre check: the CEFR-SP dev pseudo-documents (level_data.pseudo_documents; Wikipedia
   sentences, never used in training), whole and cut to 250 and 100 words: correlation of the
   document score and of every formula with the pseudo-documents' mean label.
   Also cross-validated on the 300 CEFR-SP train pseudo-documents (genre_cv), for more
   documents than the dev split has.
4. Length robustness: the shipped model's mean grade for the OneStopEnglish texts of each level,
   whole and cut to their first 250 and 100 words.
5. School check set (tests/data/level: 40 hand-written fiction and informational excerpts
   written for US grade bands 3-4 … 11-12; labels are our intention): Pearson and Spearman of
   the grade and of every formula with the intended grade, per genre and together; the mean
   signed error (grade − intended grade) per genre and per band, beside Flesch–Kincaid's.
   ``--school`` runs this part only (a few seconds).
"""

from __future__ import annotations

import numpy as np
from scipy.stats import pearsonr, spearmanr

import factbox
from factbox import level as _level
from level_data import (
    FORMULAS,
    document_rows,
    excerpt,
    load_onestop,
    load_school_set,
    matrix,
    pseudo_documents,
    sentence_formula_scores,
)
from train_level import (
    DOC_FEATURES,
    EXCERPT_TOKENS,
    SHORT_EXCERPT_TOKENS,
    document_data,
    fit_document,
    predict,
    sentence_data,
    wiki_data,
    wiki_training_rows,
)

N_FOLDS = 5


def fit_thresholds(z: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """The pair of thresholds (a ≤ b) maximising training accuracy of ``(z > a) + (z > b)``."""
    zs = np.unique(z)
    cands = np.concatenate([[zs[0] - 1.0], (zs[:-1] + zs[1:]) / 2.0, [zs[-1] + 1.0]])
    # accuracy for class 0 below a, class 2 above b, class 1 between: cumulative counts
    order = np.argsort(z)
    zs_sorted, ys_sorted = z[order], y[order]
    best = (-1.0, 0.0, 0.0)
    below = np.searchsorted(zs_sorted, cands, side="right")
    c0 = np.concatenate([[0], np.cumsum(ys_sorted == 0)])
    c1 = np.concatenate([[0], np.cumsum(ys_sorted == 1)])
    c2 = np.concatenate([[0], np.cumsum(ys_sorted == 2)])
    n2 = c2[-1]
    for i, a in enumerate(cands):
        ia = below[i]
        for j in range(i, len(cands)):
            ib = below[j]
            correct = c0[ia] + (c1[ib] - c1[ia]) + (n2 - c2[ib])
            if correct > best[0]:
                best = (float(correct), float(a), float(cands[j]))
    return best[1], best[2]


def classify(z: np.ndarray, a: float, b: float) -> np.ndarray:
    return (z > a).astype(int) + (z > b).astype(int)


def grouped_folds(names: list[str]) -> list[np.ndarray]:
    articles = sorted(set(names))
    fold_of = {name: i % N_FOLDS for i, name in enumerate(articles)}
    ids = np.array([fold_of[n] for n in names])
    return [np.flatnonzero(ids == k) for k in range(N_FOLDS)]


def onestop() -> None:
    ose = load_onestop()
    x, y_all, names_all, _whole, formulas = document_data(ose)
    y_all = y_all.astype(int)
    f_all = matrix(formulas, list(FORMULAS))
    n = len(ose)
    names = names_all[:n]
    y = y_all[:n]
    folds = grouped_folds(names)
    xw, yw = wiki_training_rows()  # the second model's rows (not OneStopEnglish: every fold)
    results: dict[str, dict[str, list[float]]] = {
        part: {"learned level (factbox)": [], **{name: [] for name in FORMULAS}}
        for part in ("whole", "excerpt", "short")
    }
    confusion = {part: np.zeros((3, 3), dtype=int) for part in results}
    for test in folds:
        train = np.setdiff1d(np.arange(n), test)
        rows = np.concatenate([train, train + n, train + 2 * n])  # whole and both cuts
        m = fit_document(x[rows], y_all[rows].astype(float), xw, yw)
        signs = [np.sign(np.corrcoef(f_all[rows, j], y_all[rows])[0, 1]) or 1.0
                 for j in range(len(FORMULAS))]
        for part, offset in (("whole", 0), ("excerpt", n), ("short", 2 * n)):
            # thresholds fitted on the training texts in the same form as the test texts
            fit_rows, test_rows = train + offset, test + offset
            res = results[part]
            a, b = fit_thresholds(predict(m, x[fit_rows]), y[train])
            pred = classify(predict(m, x[test_rows]), a, b)
            res["learned level (factbox)"].append(float(np.mean(pred == y[test])))
            for t, p in zip(y[test], pred, strict=True):
                confusion[part][t, p] += 1
            for j, name in enumerate(FORMULAS):
                a, b = fit_thresholds(signs[j] * f_all[fit_rows, j], y[train])
                pred = classify(signs[j] * f_all[test_rows, j], a, b)
                res[name].append(float(np.mean(pred == y[test])))
    for part, res in results.items():
        what = {
            "whole": "whole texts",
            "excerpt": f"first {EXCERPT_TOKENS} words of each text",
            "short": f"first {SHORT_EXCERPT_TOKENS} words of each text",
        }[part]
        print(
            f"OneStopEnglish: {len(set(names))} articles x 3 levels, {N_FOLDS}-fold CV grouped by "
            f"article; 3-class accuracy on the test folds' {what} (mean, per fold)"
        )
        for name, accs in sorted(res.items(), key=lambda kv: -np.mean(kv[1])):
            per_fold = " ".join(f"{v:.3f}" for v in accs)
            print(f"  {name:30s} {np.mean(accs):.3f}   [{per_fold}]")
        rows_txt = "; ".join(
            f"{lv} -> {' '.join(str(v) for v in row)}"
            for lv, row in zip(("ele", "int", "adv"), confusion[part], strict=True)
        )
        print(f"  learned level confusion (true -> predicted ele int adv): {rows_txt}")
    feats = [dict(zip(DOC_FEATURES, row, strict=True)) for row in x[:n]]

    # The shipped model (trained on all texts: in-sample, for calibration only).
    box_scores = []
    model = _level.model()
    for row in feats:
        z = model.document.score(row)
        box_scores.append((model.grade[0] + model.grade[1] * z, model.cefr[0] + model.cefr[1] * z))
    print("Shipped model on its own training texts (in-sample; calibration check only):")
    for k, lv in enumerate(("ele", "int", "adv")):
        g = np.array([s[0] for s, yy in zip(box_scores, y, strict=True) if yy == k])
        c = np.array([s[1] for s, yy in zip(box_scores, y, strict=True) if yy == k])
        dist = {lev: int(np.sum([_level.cefr_of(v) == lev for v in c])) for lev in _level.LEVELS}
        print(f"  {lv}: grade mean {g.mean():.2f} sd {g.std():.2f}; CEFR {dist}")
    ga, gb = model.grade
    ca, cb = model.cefr
    print("Grade at each CEFR boundary (grade = a + b*(score - c_a)/c_b):")
    for lo, name in zip((1.5, 2.5, 3.5, 4.5, 5.5), ("A1|A2", "A2|B1", "B1|B2", "B2|C1", "C1|C2"),
                        strict=True):
        print(f"  {name}: score {lo} = grade {ga + gb * (lo - ca) / cb:.1f}")


def cefr_sp() -> None:
    _, y, sents = sentence_data("dev")
    scores = np.array([_level.sentence_score(s) for s in sents])
    print(f"CEFR-SP dev split: {len(y)} sentences; correlation with the mean annotator label")
    print(f"  {'sentence_levels (factbox)':30s} Pearson {pearsonr(scores, y)[0]:+.3f}  "
          f"Spearman {spearmanr(scores, y)[0]:+.3f}")
    forms = [sentence_formula_scores(s) for s in sents]
    for name in FORMULAS:
        v = np.array([f[name] for f in forms])
        print(f"  {name:30s} Pearson {pearsonr(v, y)[0]:+.3f}  Spearman {spearmanr(v, y)[0]:+.3f}")
    levels = np.array([_level.LEVELS.index(_level.cefr_of(s)) + 1 for s in scores])
    gold = np.floor(y + 0.5)  # mean label rounded half up
    print(f"  sentence CEFR exact agreement {np.mean(levels == gold):.3f}, "
          f"within one level {np.mean(np.abs(levels - gold) <= 1):.3f}")


def length_robustness() -> None:
    """Mean grade of the texts of each level whole and cut to their first 250 and 100 words."""
    ose = load_onestop()
    print("Length robustness: mean grade (shipped model) of the texts whole and cut to their "
          "first lines holding 250 / 100 words")
    for k, lv in enumerate(("ele", "int", "adv")):
        texts = [t for _, level, t in ose if level == k]
        row = []
        for cut in (None, 250, 100):
            grades = [factbox.profile(t if cut is None else excerpt(t, cut)).grade for t in texts]
            row.append(f"{np.mean(grades):.2f}")
        print(f"  {lv}: whole {row[0]}  250 words {row[1]}  100 words {row[2]}")


GENRE_CUTS = (None, 250, 100)


def genre_check() -> None:
    """CEFR-SP dev pseudo-documents (Wikipedia sentences, never used in training): Pearson and
    Spearman correlation of the shipped document model's score with the mean label of each
    pseudo-document's sentences, beside every formula, for the pseudo-documents whole and cut to
    their first 250 and 100 words; and the mean grade drift of the cuts."""
    docs = pseudo_documents("dev")
    y = np.array([lab for lab, _ in docs])
    model = _level.model()
    print(f"Genre check: {len(docs)} CEFR-SP dev pseudo-documents (runs of sentences of one "
          f"rounded level, mean {np.mean([len(t.splitlines()) for _, t in docs]):.1f} sentences); "
          "correlation with the mean label, whole / first 250 words / first 100 words")
    table: dict[str, list[str]] = {}
    grades = []
    for cut in GENRE_CUTS:
        texts = [t if cut is None else excerpt(t, cut) for _, t in docs]
        feats, forms = document_rows(texts)
        z = np.array([model.document.score(f) for f in feats])
        grades.append(model.grade[0] + model.grade[1] * z)
        cols = {"learned level (factbox)": z}
        cols.update({f: np.array([r[f] for r in forms]) for f in FORMULAS})
        for name, v in cols.items():
            table.setdefault(name, []).append(
                f"{pearsonr(v, y)[0]:+.3f} {spearmanr(v, y)[0]:+.3f}"
            )
    for name, cells in sorted(table.items(), key=lambda kv: -abs(float(kv[1][0].split()[0]))):
        print(f"  {name:30s} " + "   ".join(cells))
    print(f"  learned grade, mean over the pseudo-documents: whole {grades[0].mean():.2f}, "
          f"250 words {grades[1].mean():.2f}, 100 words {grades[2].mean():.2f}; "
          f"mean |whole - 100 words| {np.mean(np.abs(grades[0] - grades[2])):.2f}")


def genre_cv() -> None:
    """The genre check with more documents: the 300 CEFR-SP *train* pseudo-documents, 5-fold
    (documents dealt out in turn). In each fold the Wikipedia model is refitted without the
    fold's documents and blended with the OneStopEnglish model (fitted on every OneStopEnglish
    text, whole and cut); the held-out documents are scored whole and cut to 100 words.
    Pearson and Spearman of the pooled out-of-fold scores with the mean label, beside every
    formula on the same documents."""
    ose = load_onestop()
    x, y_all, _, _, _ = document_data(ose)
    xw, yw, fw = wiki_data("train")
    xc, _, fc = wiki_data("train", SHORT_EXCERPT_TOKENS)
    n = len(yw)
    fold = np.arange(n) % N_FOLDS
    z, zc = np.zeros(n), np.zeros(n)
    for k in range(N_FOLDS):
        tr, te = fold != k, fold == k
        m = fit_document(x, y_all, np.vstack([xw[tr], xc[tr]]), np.concatenate([yw[tr], yw[tr]]))
        z[te] = predict(m, xw[te])
        zc[te] = predict(m, xc[te])
    print(f"Genre check, cross-validated: {n} CEFR-SP train pseudo-documents, {N_FOLDS} folds "
          "(Wikipedia model refitted without the fold); correlation with the mean label, "
          f"whole / first {SHORT_EXCERPT_TOKENS} words")
    cols = {"learned level (factbox)": (z, zc)}
    cols.update({f: (np.array([r[f] for r in fw]), np.array([r[f] for r in fc]))
                 for f in FORMULAS})
    for name, (a, b) in sorted(cols.items(), key=lambda kv: -abs(pearsonr(kv[1][0], yw)[0])):
        print(f"  {name:30s} {pearsonr(a, yw)[0]:+.3f} {spearmanr(a, yw)[0]:+.3f}   "
              f"{pearsonr(b, yw)[0]:+.3f} {spearmanr(b, yw)[0]:+.3f}")


def school_check() -> None:
    """The hand-written school check set (tests/data/level): correlation of the shipped grade
    and of every formula with the intended grade (band midpoint) for fiction, informational
    and all excerpts, and the mean signed error of the grade (and of Flesch–Kincaid) per genre
    and band. The set is never used to fit anything."""
    rows = load_school_set()
    boxes = [factbox.profile(r["text"]) for r in rows]
    y = np.array([r["grade"] for r in rows])
    fic = np.array([r["genre"] == "fiction" for r in rows])
    cols = {"learned grade (factbox)": np.array([b.grade for b in boxes])}
    cols.update({f: np.array([getattr(b.readability, f) for b in boxes]) for f in FORMULAS})
    sets = (("fiction", fic), ("informational", ~fic), ("all", np.ones(len(rows), bool)))
    print(f"School check set: {len(rows)} hand-written excerpts ({int(fic.sum())} fiction), "
          "intended grade = band midpoint; Pearson / Spearman with the intended grade")
    print(f"  {'':30s} " + "   ".join(f"{name:>15s}" for name, _ in sets))
    for name, v in sorted(cols.items(), key=lambda kv: -abs(pearsonr(kv[1], y)[0])):
        cells = [f"{pearsonr(v[s], y[s])[0]:+.3f} {spearmanr(v[s], y[s])[0]:+.3f}"
                 for _, s in sets]
        print(f"  {name:30s} " + "   ".join(cells))
    g, fk = cols["learned grade (factbox)"], cols["flesch_kincaid_grade"]
    rng = np.random.default_rng(0)
    print("  Pearson of the grade minus that of the best formula of the set, 95% bootstrap "
          "interval (2,000 resamples of the texts):")
    for name, s in sets:
        idx = np.flatnonzero(s)
        best = max(FORMULAS, key=lambda f: abs(pearsonr(cols[f][s], y[s])[0]))
        sign = np.sign(pearsonr(cols[best][s], y[s])[0])
        diffs = []
        for _ in range(2000):
            b = rng.choice(idx, len(idx))
            if np.ptp(y[b]) > 0:
                diffs.append(pearsonr(g[b], y[b])[0] - sign * pearsonr(cols[best][b], y[b])[0])
        lo, mid, hi = np.percentile(diffs, [2.5, 50, 97.5])
        print(f"    {name:14s} vs {best:28s} {mid:+.3f} [{lo:+.3f}, {hi:+.3f}]")
    print("  mean signed error (grade - intended), learned grade | Flesch-Kincaid:")
    for name, s in sets:
        print(f"    {name:14s} {np.mean(g[s] - y[s]):+.2f} | {np.mean(fk[s] - y[s]):+.2f}")
    for band in sorted(set(y)):
        b = y == band
        print(f"    grade {band:4.1f}: fiction {np.mean(g[b & fic]):5.2f} informational "
              f"{np.mean(g[b & ~fic]):5.2f} | FK fiction {np.mean(fk[b & fic]):5.2f} "
              f"informational {np.mean(fk[b & ~fic]):5.2f}")


def main() -> None:
    onestop()
    cefr_sp()
    genre_check()
    genre_cv()
    length_robustness()
    school_check()


if __name__ == "__main__":
    import sys

    if sys.argv[1:] == ["--school"]:
        school_check()
    else:
        main()
