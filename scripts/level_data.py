"""Shared loaders and feature matrices for scripts/train_level.py and scripts/eval_level.py.

Reads the data sets in ../shared at run time; nothing from them is written into the project.
"""

from __future__ import annotations

import csv
import math
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import factbox  # noqa: E402
from factbox import level as _level  # noqa: E402
from factbox.tokens import words  # noqa: E402
from shared_data import data_dir, read_text  # noqa: E402

OSE_LEVELS = ("ele", "int", "adv")


def shared_dir() -> Path:
    return data_dir().parent


def load_onestop() -> list[tuple[str, int, str]]:
    """(article name, level 0/1/2, text) for every OneStopEnglish file present at all 3 levels."""
    base = shared_dir() / "data" / "onestopenglish"
    names = sorted(
        set.intersection(*({p.name for p in (base / lv).glob("*.txt")} for lv in OSE_LEVELS))
    )
    return [
        (name, i, read_text(base / lv / name)) for name in names for i, lv in enumerate(OSE_LEVELS)
    ]


def load_cefr_sp() -> dict[str, list[tuple[str, float]]]:
    """split → [(sentence, mean of the two annotators' labels)]."""
    out: dict[str, list[tuple[str, float]]] = {}
    with (shared_dir() / "data" / "cefr_sp" / "wiki_auto_train_dev.csv").open(
        encoding="utf-8", newline=""
    ) as fh:
        for row in csv.DictReader(fh):
            y = (float(row["label_a"]) + float(row["label_b"])) / 2.0
            out.setdefault(row["split"], []).append((row["sentence"], y))
    return out


def profile_without_model(text: str) -> Any:
    """factbox.profile(text) with the learned estimate switched off (used while training)."""
    return profile_and_inputs(text)[0]


def profile_and_inputs(text: str) -> tuple[Any, dict[str, Any]]:
    """factbox.profile(text) with the learned estimate switched off, and the arguments the
    profile passed to ``level.estimate`` (so training sees exactly what inference sees)."""
    got: dict[str, Any] = {}

    def spy(counts, vocabulary, sentence_lengths, commas, **kw):  # type: ignore[no-untyped-def]
        got.update(
            counts=counts,
            vocabulary=vocabulary,
            sentence_lengths=list(sentence_lengths),
            commas=commas,
            syllable_method=kw.get("syllable_method", "cmudict"),
            freqs=dict(kw.get("freqs") or {}),
        )

    saved = _level.estimate
    _level.estimate = spy  # type: ignore[assignment]
    try:
        box = factbox.profile(text)
    finally:
        _level.estimate = saved
    return box, got


def excerpt(text: str, tokens: int) -> str:
    """The text's first lines up to and including the line where ``tokens`` words are reached
    (whole lines, so sentences stay whole)."""
    out, n = [], 0
    for line in text.split("\n"):
        out.append(line)
        n += len(words(line))
        if n >= tokens:
            break
    return "\n".join(out)


FORMULAS = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog",
    "coleman_liau",
    "automated_readability_index",
    "linsear_write",
    "forcast",
    "lix",
    "rix",
)


def document_rows(texts: list[str]) -> tuple[list[dict[str, float]], list[dict[str, float]]]:
    """Document features (as ``level.estimate`` computes them inside ``factbox.profile``) and
    formula scores for each text."""
    feats, formulas = [], []
    for text in texts:
        box, got = profile_and_inputs(text)
        feats.append(
            _level.document_features(
                got["counts"],
                got["vocabulary"],
                got["sentence_lengths"],
                got["commas"],
                got["freqs"],
            )
        )
        formulas.append({f: getattr(box.readability, f) for f in FORMULAS})
    return feats, formulas


def matrix(rows: list[dict[str, float]], names: list[str]) -> np.ndarray:
    return np.array([[r[n] for n in names] for r in rows], dtype=float)


def sentence_formula_scores(sentence: str) -> dict[str, float]:
    box = profile_without_model(sentence)
    return {
        f: (v if v is not None and math.isfinite(v) else 0.0)
        for f, v in ((f, getattr(box.readability, f)) for f in FORMULAS)
    }


PSEUDO_DOC_SENTENCES = 20  # sentences per CEFR-SP pseudo-document (a last run of < 10 is merged)


def pseudo_documents(split: str, size: int = PSEUDO_DOC_SENTENCES) -> list[tuple[float, str]]:
    """CEFR-SP pseudo-documents for a genre check: the sentences of ``split`` grouped by their
    rounded mean label (half up; A1 and A2 pooled, too few to stand alone), kept in file order
    within a group and cut into runs of ``size`` sentences (a last run shorter than size/2 is
    merged into the one before). Returns (mean label of the run's sentences, text with one
    sentence per line). Deterministic."""
    groups: dict[int, list[tuple[str, float]]] = {}
    for sent, y in load_cefr_sp()[split]:
        groups.setdefault(max(2, math.floor(y + 0.5)), []).append((sent, y))
    out = []
    for lv in sorted(groups):
        rows = groups[lv]
        runs = [rows[i : i + size] for i in range(0, len(rows), size)]
        if len(runs) > 1 and len(runs[-1]) < size // 2:
            runs[-2] += runs.pop()
        for run in runs:
            out.append((sum(y for _, y in run) / len(run), "\n".join(s for s, _ in run)))
    return out


SCHOOL_SET_DIR = ROOT / "tests" / "data" / "level"


def load_school_set() -> list[dict[str, Any]]:
    """The hand-written school check set (tests/data/level, written for factbox; see its
    README): one dict per excerpt with ``id``, ``genre`` (fiction / informational), ``kind``,
    ``band`` ("3-4" … "11-12"), ``grade`` (the band's midpoint, our intended grade, not a
    measurement) and ``text``."""
    out: list[dict[str, Any]] = []
    with (SCHOOL_SET_DIR / "manifest.tsv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            text = (SCHOOL_SET_DIR / f"{row['id']}.txt").read_text(encoding="utf-8")
            out.append({**row, "grade": float(row["grade"]), "text": text})
    return out
