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

import math
from collections import Counter
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

import numpy as np
from scipy.optimize import minimize
from scipy.special import expit
from scipy.stats import pearsonr, spearmanr
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from build_level_lexicon import build_lexicon
from eval_level import classify, fit_thresholds, grouped_folds
from factbox import level as _level
from factbox.sentences import sentences
from factbox.vocabulary import lookup
from level_data import excerpt, load_cefr_sp, load_onestop, profile_and_inputs, pseudo_documents
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


# Round 3: a word-difficulty lexicon learned on CEFR-SP train (scripts/build_level_lexicon.py);
# tried here, not shipped (no gain, docs/level.md).
_LEX_VALUES: dict[int, dict[str, float]] = {}  # id(lexicon) → type → value (NaN: absent)
_NAN = float("nan")


def _lexicon_value(word: str, lex: Mapping[str, float]) -> float:
    """The lexicon value of a case-folded type: its own entry, else its headword's, else NaN;
    types holding a digit are left out (NaN)."""
    if any(ch.isdigit() for ch in word):
        return _NAN
    v = lex.get(word)
    if v is None:
        v = lex.get(lookup(word).headword, _NAN)
    return v


def lexicon_features(
    freqs: Mapping[str, int], lex: Mapping[str, float]
) -> dict[str, float]:
    """Token-weighted mean and 75th / 90th percentiles of the lexicon values of a text's tokens
    (those whose type or headword is in the lexicon), and the share of tokens that are."""
    cache = _LEX_VALUES.setdefault(id(lex), {})
    pairs = []
    n_all = 0
    for t, f in freqs.items():
        n_all += f
        v = cache.get(t)
        if v is None:
            v = cache[t] = _lexicon_value(t, lex)
        if not math.isnan(v):
            pairs.append((v, f))
    n = sum(f for _, f in pairs)
    if not n:
        mean = sum(lex.values()) / max(len(lex), 1)
        return {"lex_mean": mean, "lex_p75": mean, "lex_p90": mean, "lex_known": 0.0}
    pairs.sort()
    mean = sum(v * f for v, f in pairs) / n
    p75 = p90 = pairs[-1][0]
    cum = 0
    at75, at90 = 0.75 * n, 0.9 * n
    found75 = False
    for v, f in pairs:
        cum += f
        if not found75 and cum >= at75:
            p75, found75 = v, True
        if cum >= at90:
            p90 = v
            break
    return {"lex_mean": mean, "lex_p75": p75, "lex_p90": p90, "lex_known": n / max(n_all, 1)}




@lru_cache(maxsize=1)
def train_lexicon() -> dict[str, float]:
    return build_lexicon(load_cefr_sp()["train"])


def candidate_features(text: str, lex: dict[str, float] | None = None) -> dict[str, float]:
    _, got = profile_and_inputs(text)
    freqs = got["freqs"]
    counts = got["counts"]
    lengths = got["sentence_lengths"]
    out = _level.document_features(counts, got["vocabulary"], lengths, got["commas"], freqs)
    out["_freqs"] = freqs  # type: ignore[assignment]  # for the in-fold OneStopEnglish lexicon
    n = max(sum(freqs.values()), 1)
    for name, ws in WORD_GROUPS.items():
        out[name] = sum(freqs.get(w, 0) for w in ws.split()) / n
    out["types_100"] = sum(1.0 - (1.0 - f / n) ** 100 for f in freqs.values()) / 100.0
    # round 3 candidates (docs/level.md, "Round 3")
    out.update(lexicon_features(freqs, train_lexicon() if lex is None else lex))
    s = max(counts.sentences, 1)
    out["words_per_chunk"] = counts.tokens / (s + got["commas"])
    out["clause_markers_per_sentence"] = sum(
        freqs.get(w, 0) for w in (WORD_GROUPS["subordinator_rate"] + " which who whom whose "
                                  "that").split()) / s
    out["wh_per_sentence"] = sum(freqs.get(w, 0) for w in ("which", "who", "whom", "whose")) / s
    out["of_rate"] = freqs.get("of", 0) / n
    ls = sorted(lengths) or [0]
    out["sentence_p50"] = float(np.median(ls))
    out["sentence_p25"] = float(np.percentile(ls, 25))
    bins = Counter(min(x // 5, 10) for x in ls)
    out["sentence_entropy"] = -sum(c / len(ls) * math.log(c / len(ls)) for c in bins.values())
    out["log_sentence_sd"] = math.log1p(out["sentence_length_sd"])
    # word-formation: adjective-forming suffixes and prefixes on long words (7+ letters)
    adj = ("ous", "ive", "al", "ful", "less", "able", "ible", "ic", "ical", "ary", "ant", "ent")
    pre = ("dis", "mis", "un", "re", "pre", "inter", "trans", "over", "under", "non", "counter")
    out["adj_suffix_share"] = sum(f for t, f in freqs.items() if len(t) >= 7
                                  and t.endswith(adj)) / n
    out["prefix_share"] = sum(f for t, f in freqs.items() if len(t) >= 7
                              and t.startswith(pre)) / n
    out["determiner_rate"] = sum(freqs.get(w, 0) for w in ("the", "a", "an")) / n
    out["preposition_rate"] = sum(freqs.get(w, 0) for w in PREPOSITIONS) / n
    # distribution of the sentence model's scores over the text's sentences
    sc = sorted(v for v in (_level.sentence_score(x) for x in sentences(text)) if v is not None)
    sc = sc or [0.0]
    out["sent_mean"] = float(np.mean(sc))
    out["sent_sd"] = float(np.std(sc))
    out["sent_p50"] = float(np.percentile(sc, 50))
    out["sent_p75"] = float(np.percentile(sc, 75))
    out["sent_p90"] = float(np.percentile(sc, 90))
    out["sent_share_b2"] = float(np.mean([v >= 3.5 for v in sc]))
    # type features as expected shares among the types of a random 100-token sample
    k = 100
    acc: dict[str, float] = dict.fromkeys(("all", "b1", "b2p", "c1c2", "unl", "rare", "let",
                                           "syl"), 0.0)
    for t, f in freqs.items():
        if any(ch.isdigit() for ch in t):
            continue
        p = 1.0 - (1.0 - f / n) ** k
        info = lookup(t)
        nl, sy, _, _ = _level._SHAPES.get(t) or _level._word_shape(t)
        acc["all"] += p
        acc["let"] += p * nl
        acc["syl"] += p * sy
        acc["b1"] += p * (info.level == "B1")
        acc["b2p"] += p * (info.level in ("B2", "C1", "C2"))
        acc["c1c2"] += p * (info.level in ("C1", "C2"))
        acc["unl"] += p * (info.level == "unlisted")
        acc["rare"] += p * (info.band in ("K6-10", "off"))
    tot = max(acc.pop("all"), 1e-9)
    for key, v in acc.items():
        out[f"s100_{key}"] = v / tot
    return out


PREPOSITIONS = ("of", "in", "on", "at", "by", "for", "with", "from", "into", "through", "during",
                "among", "between", "within", "without", "against", "towards", "toward", "upon")

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


def _pseudo_features(split: str, cut: int | None = None) -> tuple[np.ndarray, list[dict]]:
    """Features of the CEFR-SP pseudo-documents of ``split``. For the train split the lexicon
    features of each pseudo-document come from a lexicon built without the sentences of its
    fold (5 folds over the pseudo-documents), so the training rows do not see their own
    labels through the lexicon."""
    docs = pseudo_documents(split)
    y = np.array([lab for lab, _ in docs])
    texts = [t if cut is None else excerpt(t, cut) for _, t in docs]
    if split != "train":
        return y, [candidate_features(t) for t in texts]
    rows = load_cefr_sp()["train"]
    label = {sent: lab for sent, lab in rows}
    feats: list[dict] = [{}] * len(docs)
    for k in range(5):
        held = {sent for i, (_, t) in enumerate(docs) if i % 5 == k for sent in t.split("\n")}
        lex = build_lexicon([(sent, label[sent]) for sent, _ in rows if sent not in held])
        for i in range(k, len(docs), 5):
            feats[i] = candidate_features(texts[i], lex)
    return y, feats


def ose_lexicon(freqs: list[Mapping[str, int]], y: np.ndarray, alpha: float = 1.0,
                min_count: int = 5) -> dict[str, float]:
    """A simplification lexicon learned from OneStopEnglish training texts: for each case-folded
    type seen at least ``min_count`` times in the elementary and advanced texts together, the
    log ratio of its (add-alpha smoothed) relative frequency in the advanced texts to that in
    the elementary ones."""
    c0: Counter[str] = Counter()
    c2: Counter[str] = Counter()
    for f, lv in zip(freqs, y, strict=True):
        if lv == 0:
            c0.update(f)
        elif lv == 2:
            c2.update(f)
    n0, n2 = sum(c0.values()), sum(c2.values())
    vocab = [w for w in set(c0) | set(c2) if c0[w] + c2[w] >= min_count
             and not any(ch.isdigit() for ch in w)]
    v = len(vocab)
    return {
        w: math.log((c2[w] + alpha) / (n2 + alpha * v))
        - math.log((c0[w] + alpha) / (n0 + alpha * v))
        for w in vocab
    }


def ose_lexicon_features(freqs: Mapping[str, int], lex: Mapping[str, float]) -> dict[str, float]:
    pairs = sorted((lex[t], f) for t, f in freqs.items() if t in lex)
    n = sum(f for _, f in pairs)
    if not n:
        return {"olex_mean": 0.0, "olex_p75": 0.0, "olex_p90": 0.0, "olex_pos": 0.0}
    mean = sum(v * f for v, f in pairs) / n
    cum, p75, p90 = 0, None, pairs[-1][0]
    for v, f in pairs:
        cum += f
        if p75 is None and cum >= 0.75 * n:
            p75 = v
        if cum >= 0.9 * n:
            p90 = v
            break
    pos = sum(f for v, f in pairs if v > 1.0) / n
    return {"olex_mean": mean, "olex_p75": p75 if p75 is not None else p90, "olex_p90": p90,
            "olex_pos": pos}


def round3() -> None:
    """Round 3 (docs/level.md): each experiment with OneStopEnglish CV on whole texts, on 250-
    and 100-word excerpts read with the whole-text thresholds, and the genre check (Pearson and
    Spearman on the CEFR-SP dev pseudo-documents, whole and cut to 100 words) for the model
    fitted on every OneStopEnglish text; "+ wiki" adds the CEFR-SP train pseudo-documents to
    every training set, their mean label mapped to the OneStopEnglish scale by the course
    anchors (A2 = 0, C1 = 2)."""
    ose = load_onestop()
    names = [n for n, _, _ in ose]
    y = np.array([lv for _, lv, _ in ose])
    whole = [candidate_features(t) for _, _, t in ose]
    cut = [candidate_features(excerpt(t, EXCERPT_TOKENS)) for _, _, t in ose]
    cut100 = [candidate_features(excerpt(t, 100)) for _, _, t in ose]
    yw, wiki = _pseudo_features("train")
    yw = (yw - 2.0) / 1.5
    _, wiki100 = _pseudo_features("train", 100)
    yd, dev = _pseudo_features("dev")
    _, dev100 = _pseudo_features("dev", 100)
    folds = grouped_folds(names)

    all_rows = (whole, cut, cut100, wiki, wiki100, dev, dev100)

    def with_ose_lexicon(train: np.ndarray) -> None:
        """Adds the in-fold OneStopEnglish lexicon features to every row (lexicon from the
        whole texts of the training articles only)."""
        lex = ose_lexicon([whole[i]["_freqs"] for i in train], y[train])
        for rows in all_rows:
            for r in rows:
                r.update(ose_lexicon_features(r["_freqs"], lex))

    def run(cols: list[str], alpha: float = DOC_ALPHA, wiki_weight: float = 0.0,
            short: bool = False, blend: float = 0.0) -> str:
        if any(c.startswith("olex_") for c in cols):
            return run_lex(cols, alpha, wiki_weight, short, blend)
        return run_fixed(cols, alpha, wiki_weight, short, blend)

    def run_lex(cols: list[str], alpha: float, wiki_weight: float, short: bool,
                blend: float) -> str:
        """run_fixed with the lexicon rebuilt for each fold (and on all texts for the genre
        columns)."""
        accs: dict[str, list[float]] = {"whole": [], "250": [], "100": []}
        for k, test in enumerate(folds):
            train = np.setdiff1d(np.arange(len(y)), test)
            with_ose_lexicon(train)
            res = run_fixed(cols, alpha, wiki_weight, short, blend, only_fold=k)
            for key, v in zip(accs, res, strict=False):
                accs[key].append(float(v))
        with_ose_lexicon(np.arange(len(y)))
        genre = run_fixed(cols, alpha, wiki_weight, short, blend, only_fold=-1)
        return "   ".join([*(f"{np.mean(v):.3f}" for v in accs.values()), genre])

    def run_fixed(cols: list[str], alpha: float = DOC_ALPHA, wiki_weight: float = 0.0,
                  short: bool = False, blend: float = 0.0, *, only_fold: int | None = None) -> Any:
        m_ = lambda rows: np.array([[r[c] for c in cols] for r in rows])  # noqa: E731
        xw, xc, x1, xk, xk1 = m_(whole), m_(cut), m_(cut100), m_(wiki), m_(wiki100)
        if short:
            wiki_model = fit_weighted(np.vstack([xk, xk1]), np.concatenate([yw, yw]),
                                      np.ones(2 * len(yw)), alpha)
        else:
            wiki_model = fit_weighted(xk, yw, np.ones(len(yw)), alpha)

        def score(mm: dict, xx: np.ndarray) -> np.ndarray:
            z = predict(mm, xx)
            return z if not blend else (1.0 - blend) * z + blend * predict(wiki_model, xx)

        def fit(train: np.ndarray) -> dict:
            xt = [xw[train], xc[train]]
            yt = [y[train], y[train]]
            wt = [np.ones(2 * len(train))]
            if short:
                xt.append(x1[train])
                yt.append(y[train])
                wt.append(np.ones(len(train)))
            if wiki_weight:
                xt.append(xk)
                yt.append(yw)
                wt.append(np.full(len(yw), wiki_weight))
            return fit_weighted(np.vstack(xt), np.concatenate(yt), np.concatenate(wt), alpha)

        accs: dict[str, list[float]] = {"whole": [], "250": [], "100": []}
        for k, test in enumerate(folds):
            if only_fold is not None and k != only_fold:
                continue
            train = np.setdiff1d(np.arange(len(y)), test)
            m = fit(train)
            a, b = fit_thresholds(score(m, xw[train]), y[train])
            for key, xx in (("whole", xw), ("250", xc), ("100", x1)):
                accs[key].append(float(np.mean(classify(score(m, xx[test]), a, b) == y[test])))
        if only_fold is not None and only_fold >= 0:
            return [v[0] for v in accs.values()]
        m = fit(np.arange(len(y)))
        out = [f"{np.mean(v):.3f}" for v in accs.values()]
        zs = []
        for rows in (dev, dev100):
            z = score(m, m_(rows))
            zs.append(z)
            out.append(f"{pearsonr(z, yd)[0]:+.3f} {spearmanr(z, yd)[0]:+.3f}")
        # drift: mean score change whole -> first 100 words, in units of the elementary ->
        # advanced distance of the whole OneStopEnglish texts
        zw_ = score(m, xw)
        unit = zw_[y == 2].mean() - zw_[y == 0].mean()
        d_ose = float(np.mean(score(m, x1) - zw_) / unit)
        d_dev = float(np.mean(zs[1] - zs[0]) / unit)
        out.append(f"{d_ose:+.3f} {d_dev:+.3f}")
        if only_fold == -1:
            return "   ".join(out[3:])
        return "   ".join(out)

    # round-2 shipped features: the sampled hard words divided by 200 (they drift below 200
    # tokens); DOC_FEATURES (shipped now) has them as shares of the sampled types ("ratio")
    ratio = list(DOC_FEATURES)
    base = [{"sample_c1c2_share": "sample_c1c2", "sample_rare_share": "sample_rare"}.get(c, c)
            for c in ratio]
    lexf = ["lex_mean", "lex_p75", "lex_p90", "lex_known"]
    syn = ["words_per_chunk", "clause_markers_per_sentence", "wh_per_sentence", "of_rate"]
    nosample = [c for c in base if c not in ("sample_c1c2", "sample_rare")]
    print("round 3: whole  250w  100w (whole-text thresholds)   genre Pearson Spearman: "
          "whole   100 words   drift whole -> 100 words (OSE, dev pseudo-docs; ele->adv = 1)")
    typef = ["types_b1", "types_b2_plus", "types_c1c2", "types_unlisted", "types_rare",
             "type_letters", "type_syllables"]
    s100 = [f"s100_{k}" for k in ("b1", "b2p", "c1c2", "unl", "rare", "let", "syl")]
    notype = [c for c in ratio if c not in typef]
    # (label, features, ridge alpha, weight of the wiki rows in one joint fit, 100-word cuts in
    # training, blend weight of a separate wiki model)
    sentf = ["sent_mean", "sent_sd", "sent_p50", "sent_p75", "sent_p90", "sent_share_b2"]
    olex = ["olex_mean", "olex_p75", "olex_p90", "olex_pos"]
    wf = ["adj_suffix_share", "prefix_share"]
    exps: list[tuple[str, list[str], float, float, bool, float]] = [
        ("SHIPPED + word-formation (adj suffixes, prefixes)", [*ratio, *wf], DOC_ALPHA, 0.0,
         True, 0.4),
        ("SHIPPED + determiner, preposition rates", [*ratio, "determiner_rate",
                                                     "preposition_rate"], DOC_ALPHA, 0.0, True,
         0.4),
        ("SHIPPED + proper-noun and number shares", [*ratio, "proper_share", "number_share"],
         DOC_ALPHA, 0.0, True, 0.4),
        ("SHIPPED + OSE simplification lexicon", [*ratio, *olex], DOC_ALPHA, 0.0, True, 0.4),
        ("SHIPPED + OSE lexicon mean", [*ratio, "olex_mean"], DOC_ALPHA, 0.0, True, 0.4),
        ("OSE lexicon only, no blend", olex, DOC_ALPHA, 0.0, True, 0.0),
        ("SHIPPED + sentence-score distribution", [*ratio, *sentf], DOC_ALPHA, 0.0, True, 0.4),
        ("SHIPPED + sentence-score p75, p90", [*ratio, "sent_p75", "sent_p90"], DOC_ALPHA, 0.0,
         True, 0.4),
        ("SHIPPED + sentence-score mean", [*ratio, "sent_mean"], DOC_ALPHA, 0.0, True, 0.4),
        ("sentence-score distribution only", sentf, DOC_ALPHA, 0.0, True, 0.4),
        ("round-2 shipped (OSE whole + 250w)", base, DOC_ALPHA, 0.0, False, 0.0),
        ("  + OSE 100w cuts in training", base, DOC_ALPHA, 0.0, True, 0.0),
        ("  - sampled hard words", nosample, DOC_ALPHA, 0.0, False, 0.0),
        ("  sampled hard words as shares (ratio)", ratio, DOC_ALPHA, 0.0, False, 0.0),
        ("  + lexicon (mean, p75, p90, known)", [*base, *lexf], DOC_ALPHA, 0.0, False, 0.0),
        ("  + lexicon mean only", [*base, "lex_mean"], DOC_ALPHA, 0.0, False, 0.0),
        ("  + syntax proxies", [*base, *syn], DOC_ALPHA, 0.0, False, 0.0),
        ("  + sentence p25, p50, length entropy", [*base, "sentence_p25", "sentence_p50",
                                                  "sentence_entropy"], DOC_ALPHA, 0.0, False, 0.0),
        ("  + lexicon + syntax", [*base, *lexf, *syn], DOC_ALPHA, 0.0, False, 0.0),
        ("  joint fit with wiki rows, w=1", base, DOC_ALPHA, 1.0, False, 0.0),
        ("  joint fit with wiki rows, w=3", base, DOC_ALPHA, 3.0, False, 0.0),
        ("  joint fit with wiki rows, w=6", base, DOC_ALPHA, 6.0, False, 0.0),
        ("  + lexicon, joint fit w=3", [*base, *lexf], DOC_ALPHA, 3.0, False, 0.0),
        ("  wiki model only", base, DOC_ALPHA, 0.0, False, 1.0),
        ("  blend 0.3 with wiki model", base, DOC_ALPHA, 0.0, False, 0.3),
        ("  blend 0.4", base, DOC_ALPHA, 0.0, False, 0.4),
        ("  blend 0.5", base, DOC_ALPHA, 0.0, False, 0.5),
        ("  blend 0.7", base, DOC_ALPHA, 0.0, False, 0.7),
        ("  blend 0.4, + lexicon", [*base, *lexf], DOC_ALPHA, 0.0, False, 0.4),
        ("  blend 0.4, + lexicon mean", [*base, "lex_mean"], DOC_ALPHA, 0.0, False, 0.4),
        ("  blend 0.4, + 100w cuts", base, DOC_ALPHA, 0.0, True, 0.4),
        ("ratio, blend 0.4", ratio, DOC_ALPHA, 0.0, False, 0.4),
        ("ratio, blend 0.4, + lexicon mean", [*ratio, "lex_mean"], DOC_ALPHA, 0.0, False, 0.4),
        ("SHIPPED: ratio, blend 0.4, + 100w cuts", ratio, DOC_ALPHA, 0.0, True, 0.4),
        *((f"  blend {lam}", ratio, DOC_ALPHA, 0.0, True, lam) for lam in (0.0, 0.2, 0.3, 0.5,
                                                                         0.6)),
        ("  + lexicon", [*ratio, *lexf], DOC_ALPHA, 0.0, True, 0.4),
        ("  + syntax proxies", [*ratio, *syn], DOC_ALPHA, 0.0, True, 0.4),
        ("  without type features", notype, DOC_ALPHA, 0.0, True, 0.4),
        ("  type features as 100-token sampled shares", [*notype, *s100], DOC_ALPHA, 0.0,
         True, 0.4),
        ("  ridge alpha 30", ratio, 30.0, 0.0, True, 0.4),
        ("  ridge alpha 3", ratio, 3.0, 0.0, True, 0.4),
    ]
    for label, cols, alpha, ww, short, blend in exps:
        print(f"{label:46s} {run(cols, alpha, ww, short, blend)}", flush=True)


def fit_weighted(x: np.ndarray, y: np.ndarray, w: np.ndarray, alpha: float) -> dict:
    """Ridge regression with row weights (standardised by the weighted mean and SD)."""
    sw = w.sum()
    mean = (w[:, None] * x).sum(axis=0) / sw
    scale = np.sqrt((w[:, None] * (x - mean) ** 2).sum(axis=0) / sw)
    scale[scale == 0] = 1.0
    xs = (x - mean) / scale
    ym = float((w * y).sum() / sw)
    xw = xs * w[:, None]
    coef = np.linalg.solve(xs.T @ xw + alpha * np.eye(xs.shape[1]), xw.T @ (y - ym))
    return {"mean": mean.tolist(), "scale": scale.tolist(), "coef": coef.tolist(),
            "intercept": ym}


def blend_sweep() -> None:
    """The cross-validated genre check of scripts/eval_level.py (genre_cv: 300 CEFR-SP train
    pseudo-documents, 5 folds) for several blend weights (docs/level.md, round 3)."""
    import train_level as tl

    ose = load_onestop()
    x, y_all, _, _, _ = tl.document_data(ose)
    xw, yw, _ = tl.wiki_data("train")
    xc, _, _ = tl.wiki_data("train", tl.SHORT_EXCERPT_TOKENS)
    n = len(yw)
    fold = np.arange(n) % 5
    print("blend weight: Pearson Spearman whole, first 100 words (out-of-fold)")
    for lam in (0.0, 0.2, 0.3, 0.4, 0.5, 0.6):
        z, zc = np.zeros(n), np.zeros(n)
        for k in range(5):
            tr, te = fold != k, fold == k
            m = tl.blend(
                tl.fit_ridge(x, y_all, tl.DOC_ALPHA),
                tl.fit_ridge(np.vstack([xw[tr], xc[tr]]), np.concatenate([yw[tr], yw[tr]]),
                             tl.DOC_ALPHA),
                lam,
            )
            z[te] = predict(m, xw[te])
            zc[te] = predict(m, xc[te])
        print(f"  {lam:.1f}  {pearsonr(z, yw)[0]:+.3f} {spearmanr(z, yw)[0]:+.3f}   "
              f"{pearsonr(zc, yw)[0]:+.3f} {spearmanr(zc, yw)[0]:+.3f}")


if __name__ == "__main__":
    import sys

    if sys.argv[1:] == ["--round3"]:
        round3()
    elif sys.argv[1:] == ["--blend-sweep"]:
        blend_sweep()
    else:
        main()
