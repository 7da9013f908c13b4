"""The reference fact box printed in seed 002 (issue 2, item 7).

The seed is read at run time from ../shared/seeds (never copied into the repository); the test
is skipped where the shared folder is absent. Its own "Fact Box / Level / Tokens / Types / TTR"
lines are removed before profiling. Tolerances are the issue's: Tokens ±2 %, Types ±6 %,
TTR ±0.03, and Level ±0.5 with hyphenation syllables (the seed's system evidently counted them
that way; docs/deviations.md explains the differences).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import factbox

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SEED_BOX = {"level": 14.332, "tokens": 831, "types": 397, "ttr": 0.478}
_BOX_LINE = re.compile(r"^(Fact Box|Level:|Tokens:|Types:|TTR:)")


def _seed_body() -> str:
    found = sorted(SEEDS.glob("002_*.txt")) if SEEDS.is_dir() else []
    if not found:
        pytest.skip("../shared/seeds is not beside the project")
    lines = found[0].read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in lines if not _BOX_LINE.match(line.strip()))


def test_seed_002_box_within_the_stated_tolerances() -> None:
    box = factbox.profile(_seed_body(), syllable_method="pyphen")
    assert abs(box.tokens - SEED_BOX["tokens"]) <= 0.02 * SEED_BOX["tokens"]
    assert abs(box.types - SEED_BOX["types"]) <= 0.06 * SEED_BOX["types"]
    assert box.ttr is not None and abs(box.ttr - SEED_BOX["ttr"]) <= 0.03
    assert box.level is not None and abs(box.level - SEED_BOX["level"]) <= 0.5


def test_seed_002_pronunciation_syllables_give_a_higher_level() -> None:
    # The CMU dictionary counts more syllables than hyphenation (e.g. "every" 3 vs 2), so the
    # Flesch–Kincaid grade is higher by more than a grade on this body.
    body = _seed_body()
    cmu = factbox.profile(body).level
    hyph = factbox.profile(body, syllable_method="pyphen").level
    assert cmu is not None and hyph is not None and cmu - hyph > 1.0
