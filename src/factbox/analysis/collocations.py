"""Collocations: words that co-occur with a node word within a window."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any, Literal

from factbox.analysis import stats
from factbox.analysis.corpus_text import DocId, sentence_types
from factbox.errors import FactboxError
from factbox.tokens import fold

Measure = Literal["log_dice", "mi", "mi3", "t_score", "log_likelihood", "dice", "freq"]


@dataclass(frozen=True, slots=True)
class Collocate:
    """A collocate of the node: ``o11`` co-occurrences, ``r1`` node and ``c1`` collocate
    frequencies in a corpus of ``n`` tokens, and each association measure."""

    item: str
    o11: int
    r1: int
    c1: int
    n: int
    mi: float
    mi3: float
    t_score: float
    log_likelihood: float
    dice: float
    log_dice: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def collocations(
    docs: Iterable[tuple[DocId, str]],
    node: str,
    *,
    left: int = 5,
    right: int = 5,
    min_freq: int = 3,
    min_collocate_freq: int = 1,
    sort_by: Measure = "log_dice",
) -> list[Collocate]:
    """Collocates of ``node`` within ``left``/``right`` tokens, inside sentences.

    ``o11`` counts each position of the collocate inside a window of an occurrence of the
    node (windows of nearby node occurrences may overlap, so one collocate token can count
    for two nodes, as in AntConc and #LancsBox). ``E11 = R1·C1/N`` (Evert 2008), with R1 the
    node's frequency, C1 the collocate's, N the corpus size in tokens.
    """
    if left < 0 or right < 0 or left + right == 0:
        raise FactboxError("the collocation window needs left + right ≥ 1 (both ≥ 0)")
    target = fold(node.strip())
    if not target or " " in target:
        raise FactboxError(f"the node must be one word, not {node!r}")
    freq: Counter[str] = Counter()
    co: Counter[str] = Counter()
    n = 0
    for _doc, text in docs:
        for sent in sentence_types(text):
            n += len(sent)
            freq.update(sent)
            for i, t in enumerate(sent):
                if t != target:
                    continue
                lo, hi = max(0, i - left), min(len(sent), i + right + 1)
                co.update(sent[j] for j in range(lo, hi) if j != i)
    r1 = freq.get(target, 0)
    out = []
    for item, o11 in co.items():
        c1 = freq[item]
        if o11 < min_freq or c1 < min_collocate_freq:
            continue
        out.append(
            Collocate(
                item, o11, r1, c1, n,
                stats.mutual_information(o11, r1, c1, n),
                stats.mi3(o11, r1, c1, n),
                stats.t_score(o11, r1, c1, n),
                stats.collocation_log_likelihood(min(o11, r1, c1), r1, c1, n),
                stats.dice(o11, r1, c1),
                stats.log_dice(o11, r1, c1),
            )
        )  # fmt: skip
    key = "o11" if sort_by == "freq" else sort_by
    out.sort(key=lambda c: (-getattr(c, key), c.item))
    return out
