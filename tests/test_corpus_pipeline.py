"""One document through the pipeline: the cleaner adapter and the fallback pass-through."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import pytest

import factbox
from factbox.corpus import pipeline
from factbox.corpus.sources import Failure, Item
from factbox.errors import FactboxError


@pytest.fixture()
def no_cleaner(monkeypatch: pytest.MonkeyPatch) -> None:
    pipeline.cleaner.cache_clear()
    monkeypatch.setattr(pipeline, "cleaner", lambda: None)


def test_pass_through_text_is_stripped(no_cleaner: None) -> None:
    c = pipeline.clean_document("  Hello there.\n\n", "text", None)
    assert c.body == "Hello there." and c.title is None


def test_pass_through_html_drops_tags_scripts_and_entities(no_cleaner: None) -> None:
    page = (
        "<html><head><title>T</title><style>p {color: red}</style></head><body>"
        "<p>Fish &amp; chips</p><script>var x = '<p>no</p>';</script><!-- note -->"
        "<div>Second <b>line</b></div></body></html>"
    )
    assert pipeline.clean_document(page, "html", None).body == "T\nFish & chips\n\nSecond line"
    # "auto" (JSONL) treats text that starts like HTML as HTML, anything else as text
    assert pipeline.clean_document("<p>a &lt; b</p>", "auto", None).body == "a < b"
    assert pipeline.clean_document("a &lt; b", "auto", None).body == "a &lt; b"


@dataclass
class _Removal:
    start_line: int
    end_line: int
    text: str
    reason: str
    rule: str

    def to_dict(self) -> dict[str, Any]:
        return dict(vars(self))


@dataclass
class _Article:
    body: str
    title: str | None = "Headline"
    date: str | None = "2024-06-01"
    authors: tuple[str, ...] = ("A. Writer", "B. Editor")
    editor: str | None = None
    source: str | None = "example.org"
    language: str | None = "en"
    removed: tuple[_Removal, ...] = field(default_factory=tuple)


class _NoArticleError(FactboxError):
    pass


def _fake_clean(text: str, *, url: str | None = None, format: str = "auto") -> _Article:
    if "ONLY MENU" in text:
        raise _NoArticleError("no article text found (all lines are boilerplate)")
    lines = text.splitlines()
    return _Article(body="\n".join(lines[1:]),
                    removed=(_Removal(1, 1, lines[0], "navigation", "menu-line"),))


def test_factbox_clean_is_used_when_present(monkeypatch: pytest.MonkeyPatch) -> None:
    pipeline.cleaner.cache_clear()
    monkeypatch.setattr(factbox, "clean", _fake_clean, raising=False)
    try:
        assert pipeline.cleaner_name() == "factbox.clean"
        rec = pipeline.process(Item("k", "p", "Home | News\nThe cat sat.", "text", "text"))
        assert isinstance(rec, dict)
        assert rec["body"] == "The cat sat." and rec["raw"] == "Home | News\nThe cat sat."
        assert (rec["title"], rec["date"], rec["source"]) == ("Headline", "2024-06-01",
                                                              "example.org")
        assert json.loads(rec["authors"]) == ["A. Writer", "B. Editor"]
        assert json.loads(rec["removed"])[0]["rule"] == "menu-line"
        fail = pipeline.process(Item("k", "p", "ONLY MENU", "text", "text"))
        assert isinstance(fail, Failure) and fail.stage == "clean"
        assert fail.message == "p: no article text found (all lines are boilerplate)"
    finally:
        pipeline.cleaner.cache_clear()


def test_metadata_fills_what_the_cleaner_did_not_find(no_cleaner: None) -> None:
    item = Item("k", "p", "Some text here.", "auto", "jsonl", "https://news.example.com/a",
                {"headline": "H", "published": "2023-02-03", "author": "Ann"})
    rec = pipeline.process(item)
    assert isinstance(rec, dict)
    assert (rec["title"], rec["date"], rec["source"]) == ("H", "2023-02-03", "news.example.com")
    assert json.loads(rec["authors"]) == ["Ann"]


FINE = "The ferry left the harbour at dawn on a grey Monday."  # 11 tokens


def test_a_bug_fails_one_document_not_the_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    real = pipeline.process

    def flaky(item: Item, config: Any = None, **kw: Any) -> Any:
        if item.text == "boom":
            raise ZeroDivisionError("division by zero")
        return real(item, config, **kw)

    monkeypatch.setattr(pipeline, "process", flaky)
    out = pipeline.process_batch([Item("a", "a", "boom", "text", "text"),
                                  Item("b", "b", FINE, "text", "text")])
    assert isinstance(out[0], Failure)
    assert out[0].message == ("a: unexpected error (please report it): "
                              "ZeroDivisionError: division by zero")
    assert isinstance(out[1], dict) and out[1]["tokens"] == 11


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05T10:00:00Z", "2024-03-05T10:00:00Z"),
        ("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05T10:00:00+00:00"),
        ("March 5, 2024", "2024-03-05"),
        ("5 March 2024", "2024-03-05"),
        ("05.03.2024", "2024-03-05"),
        ("last Tuesday", None),
        ("2024-13-45", None),
        ("", None),
    ],
)
def test_dates_are_normalised_to_iso(raw: str, iso: str | None) -> None:
    assert pipeline.normalize_date(raw) == iso


def test_source_from_url_host_without_www(no_cleaner: None) -> None:
    rec = pipeline.process(Item("k", "p", "Text.", "auto", "jsonl", "https://www.bbc.co.uk/x"))
    assert isinstance(rec, dict) and rec["source"] == "bbc.co.uk"


@pytest.mark.parametrize("text", [
    "The cat sat on the mat. It was happy.",
    "Prices rose by 3.5% in März – “unexpectedly”, said Zoë. The café’s owner wasn’t sure.",
])
def test_fact_json_is_the_fact_box_exactly(no_cleaner: None, text: str) -> None:
    # the stored JSON (orjson) gives back every value bit for bit, keys sorted, UTF-8 kept
    rec = pipeline.process(Item("k", "p", text, "text", "text"))
    assert isinstance(rec, dict)
    fact = json.loads(rec["fact"])
    assert fact == factbox.profile(text).to_dict()
    assert list(fact) == sorted(fact)
    assert "\\u" not in rec["fact"]
