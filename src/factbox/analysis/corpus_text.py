"""Documents as the analysis functions see them: an id and a text, tokenised the factbox way."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from factbox.sentences import sentence_spans
from factbox.tokens import TOKEN_RE, fold, strip_urls

DocId = str | int


@dataclass(frozen=True, slots=True)
class TokenisedDoc:
    """A document's case-folded tokens, with their character spans in the original text."""

    doc: DocId
    text: str
    types: list[str]
    spans: list[tuple[int, int]]


def tokenise(doc: DocId, text: str) -> TokenisedDoc:
    """Tokens exactly as :func:`factbox.words` counts them, case-folded, with offsets."""
    blanked, _ = strip_urls(text)
    spans: list[tuple[int, int]] = []
    types: list[str] = []
    for m in TOKEN_RE.finditer(blanked):
        spans.append(m.span())
        types.append(fold(m.group()))
    return TokenisedDoc(doc, text, types, spans)


def iter_tokenised(docs: Iterable[tuple[DocId, str]]) -> Iterator[TokenisedDoc]:
    for doc, text in docs:
        yield tokenise(doc, text)


def sentence_forms(text: str) -> list[list[str]]:
    """Tokens of each sentence as written (n-grams and collocation windows stay inside one)."""
    blanked = strip_urls(text)[0]
    findall = TOKEN_RE.findall
    out = []
    for start, end in sentence_spans(blanked):
        toks = findall(blanked, start, end)
        if toks:
            out.append(toks)
    return out


def sentence_types(text: str) -> list[list[str]]:
    """Case-folded tokens of each sentence (n-grams and collocation windows stay inside one)."""
    return [[fold(t) for t in sent] for sent in sentence_forms(text)]
