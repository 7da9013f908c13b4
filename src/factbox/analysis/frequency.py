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

    Speed: each document adds one row per distinct item (document, item id, count) to flat
    arrays; frequencies, ranges and both dispersions are then a few vectorised sums.
    """
    import numpy as np

    if not 1 <= n <= 5:
        raise FactboxError(f"n-gram size must be 1 to 5, not {n}")
    type_id: dict[str, int] = {}  # word type (or headword) → id
    form_id: dict[str, int] = {}  # token as written → id of its type, once per form
    item_id: dict[Any, int] = {}  # n-gram of type ids → item id (n ≥ 2)
    rows_doc: array[int] = array("q")
    rows_item: array[int] = array("q")
    rows_count: array[int] = array("q")
    sizes: list[int] = []

    def tid(form: str) -> int:
        i = form_id.get(form)
        if i is None:
            key = _headword(fold(form)) if lemmas else fold(form)
            i = type_id.setdefault(key, len(type_id))
            form_id[form] = i
        return i

    for doc_index, (_doc, text) in enumerate(docs):
        if n == 1:  # words need no sentence boundaries: count forms in C, map each form once
            raw = Counter(TOKEN_RE.findall(strip_urls(text)[0]))
            ids = [form_id.get(form, -1) for form in raw]  # known forms: one C-level lookup
            if -1 in ids:
                ids = [tid(form) for form in raw]
            counts = list(raw.values())
            sizes.append(sum(counts))
        else:
            grams: Counter[tuple[int, ...]] = Counter()
            size = 0
            for sent in sentence_forms(text):
                seq = [tid(t) for t in sent]
                size += len(seq)
                grams.update(zip(*(seq[i:] for i in range(n)), strict=False))
            ids = [item_id.setdefault(g, len(item_id)) for g in grams]
            counts = list(grams.values())
            sizes.append(size)
        rows_doc.extend([doc_index] * len(ids))
        rows_item.extend(ids)
        rows_count.extend(counts)

    n_docs = len(sizes)
    total = sum(sizes)
    names = _names(type_id, item_id, n)
    if not names or total == 0:
        return FrequencyList([], total, n_docs, n)
    doc = np.frombuffer(rows_doc, dtype=np.int64)
    item = np.frombuffer(rows_item, dtype=np.int64)
    count = np.frombuffer(rows_count, dtype=np.int64).astype(np.float64)
    # Forms that fold to one type ("The", "the") gave separate rows: merge per (doc, item).
    key = doc * len(names) + item
    uniq, inverse = np.unique(key, return_inverse=True)
    count = np.bincount(inverse, weights=count)
    doc, item = uniq // len(names), uniq % len(names)
    m = len(names)
    freq = np.bincount(item, weights=count, minlength=m)
    rng = np.bincount(item, minlength=m)
    size = np.asarray(sizes, dtype=np.float64)
    share = size[doc] / total
    abs_sum = np.bincount(item, weights=np.abs(count / freq[item] - share), minlength=m)
    s_occ = np.bincount(item, weights=share, minlength=m)
    dp = 0.5 * (abs_sum + np.maximum(0.0, 1.0 - s_occ))
    juilland: Any = None
    if n_docs > 1 and not (size == 0).any():  # an empty document has no relative frequency
        rel = count / size[doc]
        mean = np.bincount(item, weights=rel, minlength=m) / n_docs
        var = np.maximum(0.0, np.bincount(item, weights=rel * rel, minlength=m) / n_docs
                         - mean * mean)
        juilland = 1.0 - (np.sqrt(var) / mean) / math.sqrt(n_docs - 1)
    order = sorted(range(m), key=lambda i: (-freq[i], names[i]))
    items = []
    for i in order:
        f, r = int(freq[i]), int(rng[i])
        if f < min_freq or r < min_range:
            continue
        items.append(
            FrequencyItem(
                names[i], f, f * 1e6 / total, r,
                float(dp[i]) if n_docs > 1 else None,
                float(juilland[i]) if juilland is not None else None,
            )
        )  # fmt: skip
    return FrequencyList(items, total, n_docs, n)


def _names(type_id: dict[str, int], item_id: dict[Any, int], n: int) -> list[str]:
    types = [""] * len(type_id)
    for t, i in type_id.items():
        types[i] = t
    if n == 1:
        return types
    out = [""] * len(item_id)
    for gram, i in item_id.items():
        out[i] = " ".join(types[j] for j in gram)
    return out
