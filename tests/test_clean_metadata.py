"""Metadata of the plain-text path: the headline is the line above the body whose words the
body goes on to use (``factbox.clean._title_scored``), not the nearest short line.

Every line here is written for these tests (the harbour town and its library are invented).
"""

from __future__ import annotations

import pytest

from clean_texts import LIBRARY_BODY, LIBRARY_HEADLINE, MENU
from factbox.clean import clean
from factbox.clean.metadata import names_line, parse_date

HEADLINE = LIBRARY_HEADLINE
BODY = list(LIBRARY_BODY)


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


def _header(*lines: str) -> str:
    return "\n".join([*MENU, *lines, *BODY]) + "\n"


def test_name_alone_under_the_headline_is_the_author() -> None:
    art = clean(_header(HEADLINE, "Ann Lee", "Top Stories"), format="text")
    assert (art.title, art.authors) == (HEADLINE, ("Ann Lee",))


def test_by_on_a_line_of_its_own() -> None:
    art = clean(_header(HEADLINE, "Written by", "Ann Lee", "Top Stories"), format="text")
    assert art.authors == ("Ann Lee",)


def test_by_after_a_date_in_a_blog_header() -> None:
    # "12/04/2020": slashes, month first (December 4)
    art = clean(_header(HEADLINE, "12/04/2020 by Kay Moss 24 Comments"), format="text")
    assert (art.authors, art.date) == (("Kay Moss",), "2020-12-04")


def test_byline_glued_to_its_date_by_a_slash() -> None:
    page = _header(HEADLINE, "By Ann Lee/June 12, 2020 9:49 am EST", "Top Stories")
    art = clean(page, format="text")
    assert (art.authors, art.date) == (("Ann Lee",), "2020-06-12")


def test_menu_entry_after_authors_is_not_a_name() -> None:
    # "Authors" is a menu entry, not a byline prefix: the next line is not read as a name
    art = clean(_header("Authors", "About Us", HEADLINE), format="text")
    assert art.authors == ()


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("31. Dezember 2019", "2019-12-31"),  # German: day, dot, month name
        ("Viernes, 22 de Abril de 2022", "2022-04-22"),  # Spanish: "de" between the parts
        ("10 mayo, 2022", "2022-05-10"),
        ("1er mars 2021", "2021-03-01"),  # French ordinal
        ("01.21.2020 07:00 AM", "2020-01-21"),  # dots, but 21 cannot be a month: month first
        ("16.04.2021", "2021-04-16"),  # dots: day first (unchanged)
        ("Apr. 26, 2022Apr. 27, 2022", "2022-04-26"),  # two dates glued by the rendering
        ("13.13.2020", None),
        ("30. Februar 2020", None),
    ],
)
def test_parse_date_other_languages_and_forms(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Leah C. Stokes", ("Leah C. Stokes",)),
        ("Ann Lee, Bo Chen and Cy Dorn", ("Ann Lee", "Bo Chen", "Cy Dorn")),
        ("Top stories", ()),  # a lower-case word: not a name
        ("Ann", ()),  # one word
        ("Read the full story here today", ()),
    ],
)
def test_names_line(line: str, names: tuple[str, ...]) -> None:
    assert names_line(line) == names


def test_a_topic_under_the_headline_is_not_an_author() -> None:
    # "Library Readers" looks like a name (two capitalised words) but both words are in the
    # body: a section or feature name, not a person
    art = clean(_header(HEADLINE, "Library Readers", "Top Stories"), format="text")
    assert art.authors == ()


def test_the_date_nearest_above_the_body_wins_over_the_days_date_in_the_header() -> None:
    # the site header shows the day the page was served; the article's date is by the byline
    page = "\n".join(
        ["Thursday, November 9th 2023", *MENU, HEADLINE, "By Ann Lee", "November 8, 2023", *BODY]
    )
    art = clean(page + "\n", format="text")
    assert art.date == "2023-11-08"


def test_name_beside_a_dateline_is_the_author_and_a_widget_is_not() -> None:
    art = clean(_header(HEADLINE, "August 23, 2020", "Ann Lee", "Top Stories"), format="text")
    assert (art.authors, art.date) == (("Ann Lee",), "2020-08-23")
    art = clean(_header(HEADLINE, "August 23, 2020", "Tweet This"), format="text")
    assert art.authors == ()
