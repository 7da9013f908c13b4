"""Features of the learned line scorer tried for the plain-text cleaner (see docs/cleaning.md).

For every unit of the plain-text cleaner, :func:`features` computes cheap, general features:
its own shape (words, characters, function-word share, punctuation, sentence ends, capitalised
words, digits, bullets), the rules' verdict (kept or not, the reason class and whether it is a
barrier), its position relative to the densest prose block and its distance from the kept
body, the share of the words of its run of same-verdict units, and the same shape features of
its neighbours (window ±2). ``scripts/train_clean.py`` fits and cross-validates models on
them. The experiment did not beat the rules, so the library does not use it (docs/cleaning.md,
"A learned line scorer").
"""

from __future__ import annotations

import math
import re

import numpy as np

from factbox.clean.plaintext import Decision, Unit, _list_item

REASONS = (
    "advertisement",
    "author_note",
    "byline",
    "comments",
    "cookie_notice",
    "copyright",
    "dateline",
    "editor",
    "footer",
    "gallery",
    "media_widget",
    "navigation",
    "newsletter",
    "photo_credit",
    "related",
    "share_widget",
    "sign_in",
    "site_licence",
    "statistics_block",
    "tag_list",
    "outside_body",
    "foreign_language",
)
_REASON_INDEX = {r: i for i, r in enumerate(REASONS)}
_PUNCT_RE = re.compile(r"[^\w\s]")
_DIGIT_RE = re.compile(r"\d")
_CAP_RE = re.compile(r"(?:^|\s)[A-Z]")
_SEP_RE = re.compile(r"[|•·»›/]")
_URLISH_RE = re.compile(r"https?://|www\.|\.com\b|@")

# per-unit shape features (also used for the neighbours)
SHAPE = (
    "log_words",
    "log_chars",
    "stop_ratio",
    "ends_sentence",
    "prose",
    "list_item",
    "punct_share",
    "digit_share",
    "cap_share",
    "separators",
    "urlish",
    "kept",
    "has_rule",
)
OWN = (
    "barrier",
    "foreign",
    "rel_pos",
    "dist_dense",
    "dist_kept",
    "in_main_block",
    "bias",
)
WINDOW = (-2, -1, 1, 2)
FEATURE_NAMES: tuple[str, ...] = (
    SHAPE
    + OWN
    + tuple(f"reason={r}" for r in REASONS)
    + tuple(f"n{d:+d}_{s}" for d in WINDOW for s in SHAPE)
    + ("n_words_x_stop", "short_nosent", "run_share", "main_run", "run_prose_share")
)


def _shape(u: Unit, d: Decision) -> list[float]:
    t = u.text[:2000]
    n_chars = len(t)
    n_words = u.n_words
    tokens = t.count(" ") + 1
    return [
        math.log1p(n_words),
        math.log1p(n_chars),
        u.stop_ratio,
        float(u.ends_sentence),
        float(u.prose),
        float(_list_item(u)),
        len(_PUNCT_RE.findall(t)) / max(n_chars, 1),
        len(_DIGIT_RE.findall(t)) / max(n_chars, 1),
        len(_CAP_RE.findall(t)) / tokens,
        float(_SEP_RE.search(t) is not None),
        float(_URLISH_RE.search(t) is not None),
        float(d.keep),
        float(u.rule is not None),
    ]


def features(decisions: list[Decision]) -> np.ndarray:
    """One row of :data:`FEATURE_NAMES` per decision (unit)."""
    n = len(decisions)
    width = len(FEATURE_NAMES)
    if n == 0:
        return np.zeros((0, width))
    shapes = np.array([_shape(d.unit, d) for d in decisions], dtype=float)
    zero = np.zeros(len(SHAPE))
    # densest prose block: the window of 5 units with the most prose words
    pw = np.array([d.unit.n_words if d.unit.prose else 0 for d in decisions], dtype=float)
    csum = np.concatenate([[0.0], np.cumsum(pw)])
    win = min(5, n)
    dens = csum[win:] - csum[:-win]
    centre = int(np.argmax(dens)) + win // 2
    kept = [k for k, d in enumerate(decisions) if d.keep]
    kept_arr = np.array(kept) if kept else None
    # the main kept block (first to last kept unit)
    lo, hi = (kept[0], kept[-1]) if kept else (n, -1)
    # runs of consecutive units with the same verdict: their share of the page's words
    run_id = [0] * n
    runs: list[list[float]] = []  # [words, prose words, keep]
    for k, d in enumerate(decisions):
        if k == 0 or d.keep != decisions[k - 1].keep:
            runs.append([0.0, 0.0, float(d.keep)])
        run_id[k] = len(runs) - 1
        runs[-1][0] += d.unit.n_words
        runs[-1][1] += d.unit.n_words if d.unit.prose else 0
    total_kept = sum(r[0] for r in runs if r[2]) or 1.0
    total = sum(r[0] for r in runs) or 1.0
    biggest = max(range(len(runs)), key=lambda i: runs[i][0] * runs[i][2])
    rows = np.zeros((n, width))
    ns = len(SHAPE)
    for k, d in enumerate(decisions):
        u = d.unit
        row = rows[k]
        row[:ns] = shapes[k]
        dist_kept = 0.0 if d.keep or kept_arr is None else float(np.min(np.abs(kept_arr - k)))
        row[ns : ns + len(OWN)] = [
            float(u.rule is not None and u.rule.barrier),
            float(u.foreign),
            k / n,
            math.log1p(abs(k - centre)) * (1 if k >= centre else -1),
            math.log1p(dist_kept) if kept_arr is not None else 3.0,
            float(lo <= k <= hi),
            1.0,
        ]
        off = ns + len(OWN)
        reason = d.reason
        if reason is None and not d.keep:
            reason = "navigation"
        if reason in _REASON_INDEX:
            row[off + _REASON_INDEX[reason]] = 1.0
        off += len(REASONS)
        for j, delta in enumerate(WINDOW):
            m = k + delta
            row[off + j * ns : off + (j + 1) * ns] = shapes[m] if 0 <= m < n else zero
        off += len(WINDOW) * ns
        row[off] = shapes[k][0] * shapes[k][2]
        row[off + 1] = float(u.n_words < 5 and not u.ends_sentence)
        r = runs[run_id[k]]
        row[off + 2] = r[0] / (total_kept if d.keep else total)
        row[off + 3] = float(run_id[k] == biggest)
        row[off + 4] = r[1] / max(r[0], 1.0)
    return rows
