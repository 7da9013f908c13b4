"""Ninth round: the plain-text title picker (``factbox.clean._title_scored``) on the layouts
where it took a standfirst, a breadcrumb or a menu entry for the headline.

Every line here is written for these tests (the harbour town and its library are invented).
Scores are ``share of content words in the body * min(content words, 6)/6 / (1 + distance/30)``
with ×1.3 for a title-cased line, ×1.3 for a line the page repeats (alone or inside a longer
line), ×1.5 for a line directly above the byline or dateline.
"""

from __future__ import annotations

from clean_texts import LIBRARY_BODY, LIBRARY_HOURS, MENU
from factbox.clean import clean

BODY = [*LIBRARY_BODY, LIBRARY_HOURS]


def _page(*lines: str) -> str:
    return "\n".join([*MENU, *lines, *BODY]) + "\n"


# sentence case, so no title-case bonus; content words: harbour, library, opens, doors,
# delays (5); in the body: harbour, library, doors (3; "opens" and "delays" are not)
HEADLINE = "Harbour library opens its doors after delays"
# content words: four, hundred, readers, came, first, morning, town, council, paid, books
# (10), all in the body
STANDFIRST = "Four hundred readers came on the first morning, and the town council paid for books"


def test_headline_over_its_standfirst_is_the_title() -> None:
    # a "Close" button between the standfirst and the byline (so no lead rule, no byline
    # bonus). standfirst: 10/10 * 6/6 / (1 + 3/30) = 0.91; headline: 3/5 * 5/6 / (1 + 4/30)
    # = 0.44, at least 0.3 of it, 5 content words (>= 4), and the standfirst does not hold
    # it: the line above the best one is the headline (the old picker took the standfirst)
    art = clean(_page(HEADLINE, STANDFIRST, "Close", "By Ann Lee"), format="text")
    assert art.title == HEADLINE
    assert art.authors == ("Ann Lee",)
    assert all(p in art.body for p in BODY)


def test_section_name_over_the_headline_does_not_win() -> None:
    # "Library News" (2 content words, under 4) right above the headline stays a section name
    art = clean(_page("Library News", HEADLINE, "By Ann Lee"), format="text")
    assert art.title == HEADLINE


def test_title_cased_headline_on_the_byline_keeps_the_title() -> None:
    # the best line is title-cased and sits on the byline: the 4+ word line above it (a
    # page-title line of the site) does not take over
    head = "Harbour Town Opens Its New Library"
    seo = "Best Harbour Town Library Opening Photos | 2024"
    art = clean(_page(seo, head, "By Ann Lee"), format="text")
    assert art.title == head


def test_breadcrumb_glued_to_the_headline_is_not_the_title() -> None:
    # a rendering glued the section name to the headline ("Town Council" + headline).
    # glued line: content words town, council, harbour, library, opens, doors, delays (7),
    # 5 in the body: 5/7 * 6/6 / (1 + 4/30) = 0.63. headline alone: 3/5 * 5/6 / (1 + 2/30)
    # = 0.47, * 1.3 (the glued line holds it: repeated) * 1.5 (on the byline) = 0.91.
    # The old picker (no such bonuses) took the glued line.
    glued = "Town Council " + HEADLINE
    art = clean(_page(glued, "Share", HEADLINE, "By Ann Lee"), format="text")
    assert art.title == HEADLINE


LONG_HEAD = (
    "Harbour Town library opens its doors to four hundred readers after two years of "
    "building work"
)


def test_headline_cut_off_with_the_standfirst_by_the_lead_rule() -> None:
    # a long headline (16 words) reads as prose, so it opens the body run; the lead rule
    # then removes it and the standfirst under it (both above the byline and dateline).
    # The headline (no full stop) is still a candidate now; before, only menu entries were.
    lead = "The town council paid for most of it, with help from a local trust."
    art = clean(_page(LONG_HEAD, lead, "By Ann Lee", "March 4, 2024"), format="text")
    assert art.title == LONG_HEAD
    assert art.date == "2024-03-04"
    assert lead not in art.body
    assert all(p in art.body for p in BODY)


def test_author_under_the_standfirst() -> None:
    # the headline wins over its standfirst (first test); the line of names is under the
    # standfirst (8+ words), two lines below the headline
    # (the old picker took the standfirst and read the name under it; without the second
    # spot the headline would be right and the author lost)
    page = _page(HEADLINE, STANDFIRST, "Ann Lee", "Political Editor", "Close", "Share")
    art = clean(page, format="text")
    assert art.title == HEADLINE
    assert art.authors == ("Ann Lee",)


def test_short_line_under_the_headline_is_not_skipped_for_an_author() -> None:
    # the line under the headline is short (a widget), so the line after it is not searched
    # for names: "Ann Lee" two lines down is not read as the author
    art = clean(_page(HEADLINE, "Subscribe", "Ann Lee", "Top Stories"), format="text")
    assert art.authors == ()


def test_bare_headline_under_a_breadcrumb_that_ends_with_it() -> None:
    # "Town Council <headline>" (a section glued to the headline, no rule): 5/7 * 6/6 /
    # (1 + 4/30) = 0.63 beats the headline under it, 3/5 * 5/6 * 1.3 (held by the longer
    # line) / (1 + 3/30) = 0.59; the best line ends with the headline, a removed line of 3+
    # words, so that line is the title (before: the glued line)
    crumb = "Town Council " + HEADLINE
    art = clean(_page(crumb, HEADLINE, "Share", "Top Stories"), format="text")
    assert art.title == HEADLINE


def test_caption_with_a_copyright_sign_is_not_the_title() -> None:
    # the caption shares most of its words with the body and sits right above it; with its
    # credit it is not a headline candidate (before: the title)
    caption = "Readers at the new Harbour Town library © Ann Berg"
    art = clean(_page(HEADLINE, "Share", caption), format="text")
    assert art.title == HEADLINE


def test_headline_ending_with_an_abbreviation_is_a_candidate() -> None:
    # "… Tues." ends with a full stop, but of an abbreviation (before: no candidate but the
    # menu). A sentence that ends with a full stop ("… in Japan.") stays out (below).
    head = "Harbour Town Library Opens Doors to Readers Mon., Reading Club Starts Tues."
    art = clean(_page(head, "Share", "By Ann Lee"), format="text")
    assert art.title == head


def test_glued_date_and_byline_counts_as_the_byline() -> None:
    # "March 4, 2024 by Ann Lee" (no rule line) under the title-cased headline: the headline
    # keeps its place over the page-title line above it
    head = "Harbour Town Opens Its New Library"
    seo = "Best Harbour Town Library Opening Photos | 2024"
    art = clean(_page(seo, head, "March 4, 2024 by Ann Lee", "Share"), format="text")
    assert art.title == head
    assert art.authors == ("Ann Lee",)


def test_only_known_abbreviations_excuse_a_final_full_stop() -> None:
    from factbox.clean import _ABBREV_END_RE

    assert _ABBREV_END_RE.search("Cold Wave Alert Tues.")
    assert _ABBREV_END_RE.search("Harbour Trust Signs With Quay Ltd.")
    assert not _ABBREV_END_RE.search("Follow these steps to stay safe in Japan.")
    assert not _ABBREV_END_RE.search("The library opens on Monday.")
