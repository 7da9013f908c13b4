"""Sentence segmentation (placeholder: a simple rule; the full splitter replaces it)."""

from __future__ import annotations

import re

_SPLIT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'“‘(])|\n\s*\n|\n(?=\s*\S)")


def sentences(text: str) -> list[str]:
    """Split ``text`` into sentences, in order, each stripped of surrounding white space."""
    return [s.strip() for s in _SPLIT_RE.split(text) if s and s.strip()]
