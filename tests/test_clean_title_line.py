"""Eleventh round: the page's ``<title>`` line (``Headline - Site``) and a stray kept block
above the article (``factbox.clean._title_line``, ``factbox.clean._article_start``).

Every line here is written for these tests (the harbour town, its gazette and its library are
invented).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from clean_texts import LIBRARY_BODY, LIBRARY_HEADLINE, LIBRARY_HOURS, MENU
from factbox.clean import clean

BODY = [*LIBRARY_BODY, LIBRARY_HOURS]
HEADLINE = "Harbour library opens its doors after delays"
# 62 words: a photo-of-the-day caption that reads as prose, so the body selection may keep it
CAPTION = (
    "The mayor of Harbour Town (centre) cuts the ribbon at the opening of the new sea wall on "
    "the eastern quay on Saturday, watched by pupils of the harbour school, members of the town "
    "band and about two hundred residents who came to see the work that was finished this "
    "spring."
)
LATEST = [
    "Transport",
    "March 3, 2024",
    "Ferry timetable changes for the summer",
    "Health",
    "March 3, 2024",
    "Clinic hours extended at the harbour",
    "Education",
    "March 3, 2024",
    "School wins regional science prize",
    "Sport",
    "March 3, 2024",
    "Rowing club opens new boathouse",
]


def _titles(art) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(r.text, r.rule) for r in art.removed if r.reason == "title"]


def test_title_line_with_the_site_name_is_the_title_line() -> None:
    # the picker takes the headline above the byline; the rendering's <title> line at the top
    # (the headline, " | ", the site) is removed as the title too, not as a menu entry
    top = f"{HEADLINE} | Harbour Gazette"
    art = clean("\n".join([top, *MENU, HEADLINE, "By Ann Lee", *BODY]), format="text")
    assert art.title == HEADLINE
    assert (top, "title_line") in _titles(art)
    assert all(p in art.body for p in BODY)


def test_title_line_names_the_headline_the_picker_missed() -> None:
    # no headline above the body (only a section name, "Opinion"); the <title> line's part
    # before the site name is a line of the page (in the "Most read" list under the article):
    # it is the headline. Before this round the title was the whole <title> line.
    top = f"{HEADLINE} - Harbour Gazette"
    most_read = ["Most read", HEADLINE, "Ferry timetable changes for the summer"]
    art = clean("\n".join([top, *MENU, "Opinion", *BODY, *most_read]), format="text")
    assert art.title == HEADLINE
    assert _titles(art)[0] == (top, "title_line")
    assert all(p in art.body for p in BODY)


def test_site_line_without_a_repeated_headline_is_not_a_title_line() -> None:
    # "Harbour Gazette | Local news and weather": no part of it (3+ words) is another line,
    # and it does not start with the chosen title, so the picker's headline stays the title
    top = "Harbour Gazette | Local news and weather | Harbour Town"
    art = clean("\n".join([top, *MENU, HEADLINE, "By Ann Lee", *BODY]), format="text")
    assert art.title == HEADLINE
    assert [t for t, _ in _titles(art)] == [HEADLINE]


def test_stray_caption_above_the_menu_does_not_hide_the_headline() -> None:
    # the caption (one unit, 62 words) is kept above 15 removed units (a "Latest stories"
    # list); the picker looked 40 units above the caption and took "Photo of the day". The
    # first kept block is stray (at most 2 units and 120 words, 10+ removed units under it),
    # so the picker looks above the next kept block: the (title-cased) headline over the
    # byline.
    page = [*MENU, "Photo of the day", CAPTION, "Click to view more", "Latest stories"]
    page += [*LATEST, LIBRARY_HEADLINE, "By Ann Lee", "Related"]
    page += ["Lifeboat crew honoured at the harbour", *BODY]
    art = clean("\n".join(page), format="text")
    assert art.title == LIBRARY_HEADLINE
    assert all(p in art.body for p in BODY)


def test_short_first_block_close_to_the_article_is_not_stray() -> None:
    # the same caption with only three removed lines under it: the first kept block is the
    # body's start as before (a standfirst or an intro over the article), the picker looks
    # above it and finds the headline there
    page = [*MENU, HEADLINE, "By Ann Lee", CAPTION, "Share", "Tweet", "Email", *BODY]
    art = clean("\n".join(page), format="text")
    assert art.title == HEADLINE


SITES = ["Harbour Gazette", "The Harbour Town Evening Post", "HTG", "Gazette Online News"]


@settings(max_examples=60, deadline=None)
@given(
    sep=st.sampled_from([" | ", " - ", " – ", " — ", " · ", " :: ", " » "]),
    site=st.sampled_from(SITES),
    section=st.sampled_from(["", "News", "Local news"]),
    stray=st.booleans(),
    byline=st.booleans(),
)
def test_title_line_layouts_keep_the_body_and_report_every_line(
    sep: str, site: str, section: str, stray: bool, byline: bool
) -> None:
    # a <title> line (headline, an optional section, the site) over a menu, an optional stray
    # caption block above a "latest" list, the headline, an optional byline and the body:
    # the body is the article's paragraphs, every other line is reported, the <title> line
    # as the title (the headline is a line of the page), and the title is the headline
    parts = [LIBRARY_HEADLINE, *([section] if section else []), site]
    top = sep.join(parts)
    page = [top, *MENU]
    if stray:
        page += ["Photo of the day", CAPTION, "Click to view more", "Latest stories", *LATEST]
    page += [LIBRARY_HEADLINE, *(["By Ann Lee"] if byline else []), *BODY]
    art = clean("\n".join(page), format="text")
    assert art.title == LIBRARY_HEADLINE
    assert (top, "title_line") in _titles(art)
    assert all(p in art.body for p in BODY)
    removed = {i for r in art.removed for i in range(r.start_line, r.end_line + 1)}
    for i, line in enumerate(page, 1):
        assert i in removed or line in art.body
