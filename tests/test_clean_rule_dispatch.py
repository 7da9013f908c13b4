"""The first-character dispatch of the anchored rules (factbox.clean.rules._rules_for) selects
exactly what the combined pre-filter of round 6 selected: the same rule for every line.

Lines are generated from each rule's own pattern (hypothesis' from_regex), from words the rules
look for, and at random; none comes from the shared data.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factbox.clean import rules
from factbox.clean.rules import (
    _DIGIT_RE,
    _HINT_RE,
    _MARKUP_START,
    _RULE_HINT_RES,
    DATELINE_RULE,
    MAX_BARRIER_CHARS,
    MAX_RULE_CHARS,
    RULES,
    _any_anchored,
    _first_key,
    _match_long,
    is_dateline,
    unmark,
)

ANCHORED = [r for r in RULES if r.anchored]


def reference_match(line: str, n_words: int) -> rules.Rule | None:
    """rules.match as it was in round 6: one combined pattern of all anchored rules first."""
    if len(line) > MAX_RULE_CHARS:
        return None
    if line[:1] in _MARKUP_START:
        line = unmark(line)
    if len(line) > MAX_BARRIER_CHARS:
        return _match_long(line, n_words)
    if _DIGIT_RE.search(line) and is_dateline(line):
        return DATELINE_RULE
    anchored_hit = _any_anchored().match(line) is not None
    low = line.lower()
    hinted = _HINT_RE.search(low) is not None
    if not anchored_hit and not hinted:
        return None
    for rule, hint_re in zip(RULES, _RULE_HINT_RES, strict=True):
        if n_words > rule.max_words:
            continue
        if rule.anchored:
            if anchored_hit and rule.pattern.match(line):
                return rule
        elif (
            hinted
            and (
                hint_re.search(low) is not None
                if hint_re is not None
                else any(h in low for h in rule.hints)
            )
            and rule.pattern.search(line)
        ):
            return rule
    return None


def _same(line: str) -> None:
    line = line.strip()
    if not line:
        return
    n = len(line.split())
    assert rules.match.__wrapped__(line, n) == reference_match(line, n), line


def _sound(rule: rules.Rule, line: str) -> None:
    """A line that the rule matches starts with a character of the rule's first set."""
    if rule.pattern.match(line):
        chars = rules._anchored_first()[rule.name]
        key = _first_key(line)
        assert not key or chars is None or key in chars, (rule.name, line)


_WORDS = sorted({w for r in RULES for h in r.hints for w in h.split()} | {
    "share", "follow", "us", "on", "by", "photo", "©", "copyright", "related", "comments",
    "sign", "in", "subscribe", "next", "previous", "tags", "editor", "source", "reply",
    "says", "|", "»", "-", "1", "2020", "AP", "Reuters", "Getty", "Images", "Posted", "ago",
})
_word_lines = st.lists(
    st.one_of(st.sampled_from(_WORDS), st.text(min_size=1, max_size=8)), min_size=1, max_size=12
).map(" ".join)


@pytest.mark.parametrize("rule", ANCHORED, ids=lambda r: r.name)
def test_first_characters_are_a_superset_on_generated_matches(rule: rules.Rule) -> None:
    try:
        strategy = st.from_regex(rule.pattern)
    except Exception:  # a construct hypothesis cannot generate from
        pytest.skip("hypothesis cannot generate from this pattern")

    @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
    @given(strategy)
    def check(line: str) -> None:
        _sound(rule, line)
        _same(line)

    check()


@settings(max_examples=200, deadline=None)
@given(_word_lines)
def test_dispatch_selects_what_the_combined_filter_selected(line: str) -> None:
    _same(line)
    for rule in ANCHORED:
        _sound(rule, line)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_dispatch_on_arbitrary_text(line: str) -> None:
    _same(line)


@pytest.mark.parametrize(
    "line",
    [
        "Share on Facebook",
        "  share this article",
        "© 2021 Harbour Gazette. All rights reserved.",
        "(c) Harbour Gazette",
        "Photo: Ann Lee",
        "Follow us on Twitter",
        "12 comments",
        "Ann Lee says:",
        "Home | News | Sport | Weather",
        "« Previous article",
        "Kelvin sign \u212a first",  # a non-ASCII first character: every anchored rule is tried
        "\u017fhare on Facebook",  # long s folds to 's' under IGNORECASE
        "Related stories",
        "By Ann Lee",
    ],
)
def test_dispatch_on_written_lines(line: str) -> None:
    _same(line)


def test_dispatch_prunes_rules() -> None:
    # the point of the dispatch: a line starting with "q" tries few anchored rules
    assert len([r for r, _ in rules._rules_for("q", False)]) < len(ANCHORED) / 2
    assert len(rules._rules_for("", False)) == len(ANCHORED)


def test_without_the_private_parser_every_rule_is_tried(monkeypatch: pytest.MonkeyPatch) -> None:
    # the dispatch reads re's private parser; where it is missing or differs, _anchored_first
    # gives None for every anchored rule and the results stay those of the reference
    import re
    import sys

    monkeypatch.delattr(re, "_parser")
    monkeypatch.setitem(sys.modules, "re._parser", None)  # the import now raises ImportError
    rules._anchored_first.cache_clear()
    rules._rules_for.cache_clear()
    rules.match.cache_clear()
    try:
        assert set(rules._anchored_first().values()) == {None}
        assert len([r for r, _ in rules._rules_for("q", False)]) == len(ANCHORED)
        for line in ("Share on Facebook", "By Ann Lee", "Home | News | Sport", "Quiet words."):
            assert rules.match(line, len(line.split())) is reference_match(line, len(line.split()))
    finally:
        rules._anchored_first.cache_clear()
        rules._rules_for.cache_clear()
        rules.match.cache_clear()
