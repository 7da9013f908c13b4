"""Metadata of the plain-text path: the headline is the line above the body whose words the
body goes on to use (``factbox.clean._title_scored``), not the nearest short line.

Every line here is written for these tests (the harbour town and its library are invented).
"""

from __future__ import annotations

from factbox.clean import clean

HEADLINE = "Harbour Town Opens Its New Library"
BODY = [
    "The new library in Harbour Town opened its doors on Monday after two years of building "
    "work, and more than four hundred readers came in on the first morning.",
    "The town council paid for most of the library, with help from a local trust that also "
    "bought the first ten thousand books for the shelves.",
    "Readers said the library was bright and quiet, and many of them signed up for a card "
    "before they left the building.",
]
MENU = ["Home", "News", "Sport", "Weather"]


def _page(*between: str, above: tuple[str, ...] = ()) -> str:
    return "\n".join([*MENU, *above, HEADLINE, "By Ann Lee", *between, *BODY]) + "\n"


def test_section_link_under_the_byline_is_not_the_title() -> None:
    # "Community Notes" is the nearest headline-like line above the body (the old picker took
    # it); neither of its content words occurs in the body: score 0. The headline's content
    # words are harbour, town, opens, new, library (5; "its" is a function word), 4 of them in
    # the body ("opens" is not, "opened" is): 4/5 * 5/6 * 1.3 (title case) / (1 + 4/30) = 0.76
    art = clean(_page("Community Notes", "Top Stories"), format="text")
    assert art.title == HEADLINE
    assert art.authors == ("Ann Lee",)
    assert "Community Notes" not in art.body
    assert all(p in art.body for p in BODY)


def test_widget_label_right_above_the_body_is_not_the_title() -> None:
    art = clean(_page("Send Text Message"), format="text")
    assert art.title == HEADLINE


def test_repeated_headline_beats_a_closer_subheading_of_equal_overlap() -> None:
    # the line above the menu repeats the headline; "Library Readers" (2 content words, both
    # in the body) is nearer but scores 2/2 * 2/6 / (1 + 1/30) = 0.32 against the headline's
    # 4/5 * 5/6 * 1.3 (title case) * 1.3 (repeated) / (1 + 3/30) = 1.02
    art = clean(_page("Library Readers", above=(HEADLINE,)), format="text")
    assert art.title == HEADLINE


def test_leading_headline_without_a_header_still_becomes_the_title() -> None:
    # no removed line above the body: the first line, a headline over longer paragraphs,
    # is the title (as before)
    art = clean(HEADLINE + "\n\n" + "\n\n".join(BODY) + "\n", format="text")
    assert art.title == HEADLINE
    assert HEADLINE not in art.body
