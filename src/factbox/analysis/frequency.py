"""Frequency lists of words and n-grams, with range and dispersion."""

from __future__ import annotations

import math
from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from factbox.analysis.corpus_text import DocId, sentence_forms
from factbox.errors import FactboxError
from factbox.tokens import TOKEN_RE, fold, strip_urls


@dataclass(frozen=True, slots=True)
class FrequencyItem:
    """One row of a frequency list.

    item:        the word or n-gram (case-folded; n-gram words joined by one space)
    freq:        occurrences in the corpus
    per_million: freq per million tokens
    range:       number of documents it occurs in
    dp:          Gries's DP over documents (0 even … 1 concentrated); None for a 1-document corpus
    juilland_d:  Juilland's D over documents (1 even … 0 concentrated); None for 1 document
    """

    item: str
    freq: int
    per_million: float
    range: int
    dp: float | None
    juilland_d: float | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class FrequencyList:
    items: list[FrequencyItem]
    tokens: int
    documents: int
    n: int


def _headword(token: str) -> str:
    from factbox.vocabulary import lookup

    return lookup(token).headword


def frequency_list(
    docs: Iterable[tuple[DocId, str]],
    *,
    n: int = 1,
    min_freq: int = 1,
    min_range: int = 1,
    lemmas: bool = False,
) -> FrequencyList:
    """Count words (``n=1``) or n-grams (``n`` = 2…5) over ``docs``.

    N-grams do not cross sentence boundaries. Dispersion is measured over documents, with each
    document's size in tokens (Gries 2008; Juilland & Chang-Rodríguez 1964), computed from the
    documents where the item occurs plus the closed form for the others (no per-document
    zeros are stored). With ``lemmas``, each token counts under its headword
    (:func:`factbox.vocabulary.lookup`). Sorted by frequency, then alphabetically.
    """
    if not 1 <= n <= 5:
        raise FactboxError(f"n-gram size must be 1 to 5, not {n}")
    freq: Counter[Any] = Counter()
    postings: dict[Any, array[int]] = {}
    sizes: list[int] = []
    key_of: dict[str, str] = {}  # token as written → its type (or headword), once per form

    def key(token: str) -> str:
        k = key_of.get(token)
        if k is None:
            k = key_of[token] = _headword(fold(token)) if lemmas else fold(token)
        return k

    for doc_index, (_doc, text) in enumerate(docs):
        counts: Counter[Any] = Counter()
        if n == 1:  # words need no sentence boundaries: count forms in C, fold each form once
            raw = Counter(TOKEN_RE.findall(strip_urls(text)[0]))
            for form, c in raw.items():
                counts[key(form)] += c
            sizes.append(sum(raw.values()))
        else:
            size = 0
            for sent in sentence_forms(text):
                keys = [key(t) for t in sent]
                size += len(keys)
                counts.update(zip(*(keys[i:] for i in range(n)), strict=False))
            sizes.append(size)
        freq.update(counts)
        for item, c in counts.items():
            post = postings.get(item)
            if post is None:
                post = postings[item] = array("q")
            post.append(doc_index)
            post.append(c)
    total = sum(sizes)
    n_docs = len(sizes)
    items = []
    for item, f in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0])):
        post = postings[item]
        rng = len(post) // 2
        if f < min_freq or rng < min_range:
            continue
        dp, d = _dispersion(post, f, sizes, total) if n_docs > 1 else (None, None)
        name = item if n == 1 else " ".join(item)
        items.append(FrequencyItem(name, f, f * 1e6 / total if total else 0.0, rng, dp, d))
    return FrequencyList(items, total, n_docs, n)


def _dispersion(
    post: array[int], f: int, sizes: list[int], total: int
) -> tuple[float, float | None]:
    """DP and Juilland's D from the parts where the item occurs (others contribute closed forms).

    DP = ½·(Σ_occ |v_i − s_i| + Σ_not s_i) and Σ_not s_i = 1 − Σ_occ s_i.
    D uses relative frequencies r_i = f_i / size_i; parts without the item have r_i = 0.
    """
    abs_sum = 0.0
    s_occ = 0.0
    rel_sum = 0.0
    rel_sq = 0.0
    for j in range(0, len(post), 2):
        i, c = post[j], post[j + 1]
        s = sizes[i] / total
        abs_sum += abs(c / f - s)
        s_occ += s
        r = c / sizes[i]
        rel_sum += r
        rel_sq += r * r
    dp = 0.5 * (abs_sum + max(0.0, 1.0 - s_occ))
    k = len(sizes)
    if any(size == 0 for size in sizes):
        return dp, None  # an empty document has no relative frequency
    mean = rel_sum / k
    var = max(0.0, rel_sq / k - mean * mean)
    d = 1.0 - (math.sqrt(var) / mean) / math.sqrt(k - 1)
    return dp, d
