"""The features of the learned line scorer experiment (scripts/train_clean_features.py).

The model is not shipped (docs/cleaning.md, "A learned line scorer"), but the training script
depends on these features lining up with the units: a shifted window or a wrong verdict would
silently spoil any future experiment.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np

from factbox.clean.plaintext import decide, split_units

_PATH = Path(__file__).resolve().parent.parent / "scripts" / "train_clean_features.py"
_spec = importlib.util.spec_from_file_location("train_clean_features", _PATH)
assert _spec is not None and _spec.loader is not None
tcf = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tcf)

PAGE = "\n".join(
    [
        "Home",
        "World",
        "Sport",
        "The harbour board voted on Tuesday to close the old ferry pier for repairs.",
        "Work will start in March and is expected to last for about six weeks.",
        "Ferries will use the north landing while the pier is closed to the public.",
        "Share on Facebook",
        "© 2026 Harbour News Ltd. All rights reserved.",
    ]
)


def _rows():
    decisions, _ = decide(split_units(PAGE))
    return decisions, tcf.features(decisions)


def test_one_finite_row_per_unit_with_every_feature() -> None:
    decisions, x = _rows()
    assert x.shape == (len(decisions), len(tcf.FEATURE_NAMES)) == (8, len(tcf.FEATURE_NAMES))
    assert np.isfinite(x).all()


def test_verdict_and_shape_features() -> None:
    decisions, x = _rows()
    col = {name: i for i, name in enumerate(tcf.FEATURE_NAMES)}
    # the three prose lines are kept, the menu, share button and copyright line are not
    assert [bool(v) for v in x[:, col["kept"]]] == [d.keep for d in decisions]
    assert [bool(v) for v in x[:, col["kept"]]] == [False] * 3 + [True] * 3 + [False] * 2
    # "Home": one word, log1p(1); 4 characters, log1p(4)
    assert x[0, col["log_words"]] == np.log1p(1)
    assert x[0, col["log_chars"]] == np.log1p(4)
    # the copyright line's rule class is one-hot
    assert x[7, col[f"reason={decisions[7].reason}"]] == 1.0
    # the kept run holds all kept words: share 1; it is the biggest kept run
    assert x[4, col["run_share"]] == 1.0 and x[4, col["main_run"]] == 1.0
    # distance from the kept body: "Sport" is next to it (log1p(1)), "Home" three away
    assert x[2, col["dist_kept"]] == np.log1p(1)
    assert x[0, col["dist_kept"]] == np.log1p(3)


def test_window_features_are_the_neighbours_shape() -> None:
    _, x = _rows()
    ns = len(tcf.SHAPE)
    own = x[:, :ns]
    for delta in tcf.WINDOW:
        cols = [tcf.FEATURE_NAMES.index(f"n{delta:+d}_{s}") for s in tcf.SHAPE]
        for k in range(len(x)):
            m = k + delta
            want = own[m] if 0 <= m < len(x) else np.zeros(ns)
            assert np.array_equal(x[k, cols], want)
