"""The word-difficulty lexicon tried in round 3 (docs/level.md), written for inspection to
``level_lexicon.tsv`` in the current directory (not shipped: it did not help).

    PYTHONPATH=src python scripts/build_level_lexicon.py

For every headword (the vocabulary profile's headword of a case-folded word; types holding a
digit are skipped) of the CEFR-SP Wiki-Auto **train** split: the smoothed mean label of the
sentences that contain it, (sum of their labels + M * mu) / (number of them + M), with mu the
mean label of all training sentences and M = SMOOTHING; headwords in fewer than MIN_SENTENCES
sentences are left out. Each sentence counts once per headword. The dev split is not read
(it is kept for evaluation). Deterministic. Only numbers derived from the labels are written
(headword and value), no sentence.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from factbox.tokens import fold, words
from factbox.vocabulary import lookup
from level_data import load_cefr_sp

SMOOTHING = 5.0
MIN_SENTENCES = 2


def headwords(sentence: str) -> set[str]:
    heads = {
        lookup(w).headword
        for w in (fold(t) for t in words(sentence))
        if w and not any(ch.isdigit() for ch in w)
    }
    heads.discard("")
    return heads


def build_lexicon(
    rows: list[tuple[str, float]], smoothing: float = SMOOTHING, min_sentences: int = MIN_SENTENCES
) -> dict[str, float]:
    mu = sum(y for _, y in rows) / len(rows)
    total: dict[str, float] = defaultdict(float)
    count: dict[str, int] = defaultdict(int)
    for sent, y in rows:
        for h in headwords(sent):
            total[h] += y
            count[h] += 1
    return {
        h: round((total[h] + smoothing * mu) / (count[h] + smoothing), 2)
        for h in sorted(total)
        if count[h] >= min_sentences
    }


def main() -> None:
    lex = build_lexicon(load_cefr_sp()["train"])
    out = Path("level_lexicon.tsv")
    lines = ["# headword, smoothed mean CEFR-SP train label"]
    lines += [f"{h}\t{v:.2f}" for h, v in lex.items()]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {out}: {len(lex)} headwords")


if __name__ == "__main__":
    main()
