"""Lexical diversity measures (placeholder: TTR family only; the full set replaces it)."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Diversity:
    ttr: float | None
    rttr: float | None
    cttr: float | None
    herdan_c: float | None
    maas_a2: float | None
    msttr: float | None
    mattr: float | None
    mtld: float | None
    hdd: float | None
    yule_k: float | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def compute(
    types_in_order: list[str],
    freqs: Counter[str],
    *,
    mattr_window: int = 50,
    msttr_segment: int = 100,
    mtld_threshold: float = 0.72,
    hdd_draws: int = 42,
) -> tuple[Diversity, dict[str, str]]:
    n = len(types_in_order)
    v = len(freqs)
    if n == 0:
        return Diversity(*([None] * 10)), {f: "no words" for f in Diversity.__slots__}  # type: ignore[attr-defined]
    return (
        Diversity(
            ttr=v / n,
            rttr=v / math.sqrt(n),
            cttr=v / math.sqrt(2 * n),
            herdan_c=None,
            maas_a2=None,
            msttr=None,
            mattr=None,
            mtld=None,
            hdd=None,
            yule_k=None,
        ),
        {},
    )
