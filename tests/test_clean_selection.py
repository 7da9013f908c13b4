"""Tenth round (b): body selection on page layouts where the chosen body was far smaller or
larger than the article (``factbox.clean.plaintext.select_body`` and the passes after it).

Every line here is written for these tests (the harbour town and its wiki are invented).
Weights (module doc of ``plaintext``): prose scores its words, another short line -2, a
rule-matched line -12; a "related" heading followed by a list of links ends the main run.
"""

from __future__ import annotations

from clean_texts import (
    HARBOUR_COST,
    HARBOUR_OPENING,
    MENU,
    PUBLIC_MEETING,
    TRADERS_RELIEVED,
    TRADERS_WELCOME,
)
from factbox.clean import clean
from factbox.clean.plaintext import TAIL_FAR_GAP, TAIL_MAX_GAP, TEASER_MAX_BLURB

ARTICLE = [*HARBOUR_OPENING, HARBOUR_COST]
SEE_ALSO = [
    "Harbour lighthouse",
    "Lifeboat station",
    "Eastern quay",
    "Fish market",
    "Ferry pontoon",
    "Town hall",
    "Sea wall",
    "Old custom house",
    "Boat yard",
]
# two paragraphs of more than 30 words each (a teaser's blurb has at most 30): 37 and 34 words
LATER_SECTION = [
    "In the television series filmed in the town, the pier appears in almost every episode, "
    "although the scenes on it were shot on a copy of the pier that was built in a studio "
    "near the capital.",
    "Some of the older residents remember that the pier was closed once before, for two "
    "whole summers after a storm, and that the ferry then landed its passengers on the beach "
    "at low tide.",
]
FOOTER = ["About this wiki", "Privacy policy", "© 2024 Harbour Wiki"]


def _wiki_page(after_list: list[str]) -> str:
    return "\n".join(
        [*MENU, "Harbour pier", *ARTICLE, "See also", *SEE_ALSO, "In other media",
         *after_list, *FOOTER]
    ) + "\n"


def test_wiki_sections_after_a_long_see_also_list_stay() -> None:
    # "See also" + 9 links + the heading "In other media": the section after them starts 11
    # units after the main run ends, more than TAIL_MAX_GAP (8), at most TAIL_FAR_GAP (16);
    # it scores 37 + 34 + 24 = 95 >= TAIL_FAR_WORDS (80) with two paragraphs over 30 words
    section = [*LATER_SECTION, TRADERS_RELIEVED]
    assert all(len(p.split()) > TEASER_MAX_BLURB for p in LATER_SECTION)
    assert TAIL_MAX_GAP < 1 + len(SEE_ALSO) + 1 <= TAIL_FAR_GAP
    art = clean(_wiki_page(section), format="text")
    assert all(p in art.body for p in ARTICLE)
    assert all(p in art.body for p in section)
    assert not any(link in art.body for link in SEE_ALSO)
    assert "Privacy policy" not in art.body


def test_teasers_after_a_long_related_list_do_not_count_as_the_rest() -> None:
    # the same distance, but headlines with one-sentence blurbs of at most 30 words: a teaser
    # list, not the rest of the article (no paragraph over 30 words, and the run scores
    # 22 - 2 + 20 - 2 + 21 = 59 < 80)
    teasers = [
        "Ferry timetable changes for the winter",
        "The ferry will sail twice a day from November, with an extra crossing at weekends "
        "for people who work in the city.",
        "Lifeboat crew rescue two kayakers",
        "Two kayakers were brought back to the harbour on Sunday after the wind changed and "
        "they could not paddle home.",
        "Fish market to open on Sundays",
        "The fish market will open on Sunday mornings from next month, the harbour board "
        "said after a vote of the traders.",
    ]
    assert all(len(t.split()) <= TEASER_MAX_BLURB for t in teasers)
    art = clean(_wiki_page(teasers), format="text")
    assert all(p in art.body for p in ARTICLE)
    assert not any(t in art.body for t in teasers)


def test_far_tail_needs_long_paragraphs_even_when_it_scores_enough() -> None:
    # five one-sentence blurbs of 20-odd words score over 80 but none is over 30 words
    blurbs = [
        "The ferry will sail twice a day from November, with an extra crossing at weekends "
        "for people who work in the city.",
        "Two kayakers were brought back to the harbour on Sunday after the wind changed and "
        "they could not paddle home.",
        "The fish market will open on Sunday mornings from next month, the harbour board "
        "said after a vote of the traders.",
        "A new bench on the promenade remembers the harbour master who kept the lighthouse "
        "for forty years.",
    ]
    assert sum(len(b.split()) for b in blurbs) >= 80
    art = clean(_wiki_page(blurbs), format="text")
    assert not any(b in art.body for b in blurbs)


# a question-and-answer page (invented): the question, two answers, then the site's list of
# linked questions
QUESTION = [
    "How do I keep the harbour ferry timetable on my phone?",
    "I travel to the island every week and the ferry times change with the tides. Is there a "
    "way to keep the timetable on my phone so that it updates by itself when the board "
    "changes it?",
]
ANSWERS = [
    "The harbour board publishes the timetable as a calendar that your phone can subscribe "
    "to, and the calendar changes whenever the board changes a sailing, so you never need to "
    "download it again.",
    "You can also sign up for text messages from the ferry office, which tell you about "
    "cancelled sailings on the morning of the crossing, but they do not send the whole "
    "timetable.",
]
LINKED = [
    "Why does the ferry leave earlier in winter?",
    "Is there parking near the eastern quay?",
    "Can I take a bicycle on the harbour ferry?",
    "What happens to my ticket when a sailing is cancelled?",
    "Where can I buy a weekly pass for the island ferry?",
    "Do dogs need a ticket on the harbour ferry?",
]


def _qa_page(after: list[str]) -> str:
    return "\n".join(
        [*MENU, "Ask Question", *QUESTION, "2 Answers", ANSWERS[0], "Share",
         "answered Mar 3, 2024 at 11:20", ANSWERS[1], "Share", "Your Answer", "Post as a guest",
         *after, "Privacy policy", "© 2024 Harbour Answers"]
    ) + "\n"


def test_list_of_linked_questions_after_the_answers_is_removed() -> None:
    # the linked questions read as prose (6-11 words, a function word, "?"), so they made a
    # run of 48 points after the answers; now related/question_list
    art = clean(_qa_page(["Related", "3", LINKED[0], "1", LINKED[1], *LINKED[2:]]), format="text")
    assert all(a in art.body for a in ANSWERS)
    assert QUESTION[1] in art.body
    assert not any(q in art.body for q in LINKED)
    rules = {r.rule for r in art.removed if any(q in r.text for q in LINKED)}
    assert rules == {"question_list"}
    assert {r.reason for r in art.removed if r.rule == "question_list"} == {"related"}


def test_faq_after_the_article_is_not_a_question_list() -> None:
    # questions answered in sentences: an FAQ that belongs to the page stays
    faq = [
        "Can I take a bicycle on the ferry?",
        "Yes, bicycles travel free of charge on every sailing.",
        "Is there parking near the quay?",
        "There is a car park behind the fish market with two hundred spaces.",
        "Do dogs need a ticket?",
        "Dogs on a lead travel free, but they must stay on the open deck.",
        "Where can I buy a weekly pass?",
        "Weekly passes are sold at the ferry office and on the harbour board's website.",
    ]
    # three advertisement lines (-12 each) and two short lines split the FAQ from the
    # article, so it is a run of its own after the main one, which is where lists of linked
    # questions are looked for
    ads = ["Advertisement", "Sponsored", "Advertisement", "Read next", "Advertisement"]
    page = "\n".join([*MENU, *ARTICLE, PUBLIC_MEETING, *ads, "Frequently asked questions",
                      *faq, "Privacy policy", "© 2024 Harbour Gazette"]) + "\n"
    art = clean(page, format="text")
    assert all(p in art.body for p in ARTICLE)
    assert all(line in art.body for line in faq)
    assert not any(r.rule == "question_list" for r in art.removed)


def test_addresses_under_a_colon_end_the_post() -> None:
    # a post that ends "… the guides I mentioned:" and three bare web addresses, then the
    # comment section: the addresses weigh -2 each (short lines) and no prose follows them,
    # so the run ended at the colon; now it is extended over them like a code listing
    links = [
        "https://harbour-town.example/ferry/timetable.html",
        "https://harbour-town.example/ferry/winter-sailings",
        "www.harbour-town.example/parking",
    ]
    page = "\n".join([*MENU, *ARTICLE, "These are the pages I mentioned:", *links,
                      "12 comments", "Sort by", "Privacy policy"]) + "\n"
    art = clean(page, format="text")
    assert all(p in art.body for p in ARTICLE)
    assert all(link in art.body for link in links)
    assert "Sort by" not in art.body


def test_addresses_without_a_colon_above_stay_outside() -> None:
    # the same addresses after a paragraph that does not introduce them: a list of links
    links = ["https://harbour-town.example/a", "https://harbour-town.example/b"]
    page = "\n".join([*MENU, *ARTICLE, *links, "12 comments", "Privacy policy"]) + "\n"
    art = clean(page, format="text")
    assert not any(link in art.body for link in links)


# the controls under each answer as a one-node-per-line rendering gives them
CHROME = ["Share", "Improve this answer", "Follow", "12.4k", "4", "4 gold badges", "33",
          "33 silver badges", "76", "76 bronze badges", "2"]
SHORT_ANSWERS = [
    "Check the board's page on the morning you travel, because the ferry office updates it "
    "before the first sailing and the printed timetable at the quay is often a week old.",
    "The tide tables are printed in the weekly paper, and the ferry never leaves more than an "
    "hour before high water, so you can work the times out yourself.",
]


def test_answers_split_by_their_controls_stay_together() -> None:
    # each answer is followed by a share button (-12) and ten control lines (votes, badges,
    # "Follow"); as short lines they cost 2 each, so the second and third answers (31 and 29
    # words) became runs of their own, below 80 words and below 35 % of the first answer
    # (ANSWERS and ARTICLE: 33 + 32 + 96 = 161 words, 35 % = 56), and were dropped. On a
    # page with an "N Answers" heading the controls weigh 0 now (the share button still
    # costs 12: 31 - 12 > 0, so the answers join), and they are still removed afterwards
    page = "\n".join(
        [*MENU, *QUESTION, *CHROME, "3 Answers", *ANSWERS, *ARTICLE, *CHROME, SHORT_ANSWERS[0],
         *CHROME, SHORT_ANSWERS[1], *CHROME, "Your Answer", "Privacy policy"]
    ) + "\n"
    art = clean(page, format="text")
    assert all(a in art.body for a in [*ANSWERS, *ARTICLE, *SHORT_ANSWERS])
    assert "gold badges" not in art.body and "Improve this answer" not in art.body


# an open letter (invented) and its signatories
LETTER = [
    "We, the undersigned residents of Harbour Town, ask the harbour board to keep the old "
    "stone pier open to walkers while the engineers decide how it should be rebuilt, because "
    "the pier is the only level path along the water for many older people in the town.",
    "We also ask the board to publish the engineers' reports in full, so that everyone can "
    "read why the work is needed and how long the pier will be closed.",
]
SIGNATORIES = [
    "Ann Berg, Harbour College",
    "Bo Chen",
    "Carla Diaz, fisherman",
    "Dev Patel, Lifeboat Station",
    "Ed Fox",
    "Fiona Grant, teacher",
    "Gus Hale, Harbour Museum",
    "Hana Ito",
    "Ian Jones, retired pilot",
    "Jo King, Fish Market Traders",
    "Kim Lund",
    "Lea Moss, town councillor",
]
NOTE = "Affiliations are given for identification only."


def test_signatories_under_a_letter_join_the_body() -> None:
    # twelve names, eight with ", affiliation", all different, right under the letter: one
    # line each cost 2 (-24), so the letter ended before them and the note under them was
    # left out too; now the list and the note join the body
    page = "\n".join([*MENU, "Open letter on the pier", *LETTER, *SIGNATORIES, NOTE,
                      "Contact us", "Privacy policy"]) + "\n"
    art = clean(page, format="text")
    assert all(p in art.body for p in LETTER)
    assert all(name in art.body for name in SIGNATORIES)
    assert NOTE in art.body
    assert "Privacy policy" not in art.body


def test_signatories_split_into_text_nodes_join_the_body() -> None:
    # a one-node-per-line rendering: "Ann Berg" / "," / "Harbour College"; the affiliation
    # after a lone comma is not counted as a name
    lines: list[str] = []
    for entry in SIGNATORIES:
        name, _, role = entry.partition(", ")
        lines += [name, ",", role] if role else [name]
    page = "\n".join([*MENU, *LETTER, *lines, NOTE, "Privacy policy"]) + "\n"
    art = clean(page, format="text")
    assert all(entry.partition(", ")[0] in art.body for entry in SIGNATORIES)
    assert "Fish Market Traders" in art.body


def test_menu_under_the_article_is_not_a_list_of_names() -> None:
    # twelve section names (no keyword rule knows them) without a comma: a menu, which
    # stays outside the body
    sections = ["Harbour Life", "Ferry Times", "Fish Prices", "Island Walks", "Boat Yard",
                "Pier Works", "Lifeboat Diary", "Quay Market", "Lighthouse Tours",
                "Tide Tables", "Sea Swimming", "Town Hall Notes"]
    page = "\n".join([*MENU, *LETTER, *sections, "Privacy policy"]) + "\n"
    art = clean(page, format="text")
    assert all(p in art.body for p in LETTER)
    assert not any(s in art.body.split("\n") for s in sections)


def test_names_repeated_elsewhere_are_not_a_list_of_signatories() -> None:
    # the same "Name, role" lines also in a staff box at the top of the page: a directory
    # that the page repeats, not a list that belongs to the article
    page = "\n".join([*SIGNATORIES, *MENU, *LETTER, *SIGNATORIES, "Privacy policy"]) + "\n"
    art = clean(page, format="text")
    assert all(p in art.body for p in LETTER)
    assert "Harbour Museum" not in art.body


STANDFIRST = (
    "The harbour board has voted to rebuild the old stone pier before the summer, and the "
    "work will close the pier to walkers and fishing boats for most of the spring, the board "
    "said on Tuesday evening."
)  # 37 words


def test_comment_count_between_standfirst_and_article_does_not_start_the_comments() -> None:
    # "12 comments" after 37 prose words (>= COMMENTS_AFTER, 30) started the comment section,
    # so the article under it (about 120 words) ranked at 0.15 x its score (18) below the
    # standfirst (37) and, being after that comments line, was not added: the body was the
    # standfirst alone. Fewer than 80 prose words above the line, a byline next to it, and
    # 60 or more prose words in the 12 units under it without a comment marker: a count in
    # the article's header (the byline above or below the count)
    for count in ("12 comments", "Comments (12)", "3 Comments"):
        for header in (["By Ann Berg", count], [count, "By Ann Berg"]):
            page = "\n".join([*MENU, "Harbour pier to be rebuilt", STANDFIRST, *header,
                              *ARTICLE, TRADERS_RELIEVED, "Privacy policy"]) + "\n"
            art = clean(page, format="text")
            assert all(p in art.body for p in [*ARTICLE, TRADERS_RELIEVED]), header
            assert count not in art.body


LONG_COMMENT = (
    "I walk on the pier every morning with my dog and I will miss it badly this spring, but "
    "I am glad the board is finally doing something about the cracks, because last winter a "
    "whole stone came loose near the steps and nobody came to look at it for weeks, even "
    "after three of us wrote to the harbour office and the local paper about it."
)  # 67 words
SHORT_COMMENTS = [
    "Thanks for the report. I hope the ferry pontoon is safe for people with pushchairs.",
    "My grandfather helped to build the last repairs in the sixties, so I hope they keep "
    "some of the old stones.",
]


def test_comment_section_under_a_short_article_is_still_discounted() -> None:
    # a 47-word article, then "3 Comments" and a thread whose comments end with "Reply"
    # links (comment markers in the 12 units under the heading): the comment section starts
    # at the heading as before, so the 67-word first comment counts 0.15 x and the article
    # stays the body. (Were the heading taken for a count above an article, the section would
    # start at the first "Reply" and the first comment would beat the article.)
    short = [HARBOUR_OPENING[0], HARBOUR_OPENING[1]]
    thread = [LONG_COMMENT, "Reply", SHORT_COMMENTS[0], "Reply", SHORT_COMMENTS[1], "Reply"]
    page = "\n".join([*MENU, *short, "3 Comments", *thread, "Privacy policy"]) + "\n"
    art = clean(page, format="text")
    assert all(p in art.body for p in short)
    assert LONG_COMMENT not in art.body


PARAS = [*ARTICLE, TRADERS_RELIEVED, TRADERS_WELCOME, PUBLIC_MEETING]
STAMPS = [f"March 3, 2024 at {t}" for t in
          ("10:25 am", "11:02 am", "11:40 am", "12:15 pm", "12:50 pm", "1:20 pm", "1:45 pm")]


def test_live_blog_stamped_date_at_time_is_the_article() -> None:
    # seven entries, each under a "March 3, 2024 at 10:25 am" stamp: three or more such
    # stamps made comment barriers, and everything after the first one counted 0.15 x as a
    # comment section (1 of 7 entries kept). No commenter's name above the stamps and no
    # comment widget near them: they stay datelines and every entry is kept
    page = "\n".join([*MENU, "Harbour pier: live", *[x for s, p in zip(STAMPS, PARAS, strict=True)
                                                     for x in (s, p)], "Privacy policy"]) + "\n"
    art = clean(page, format="text")
    assert all(p in art.body for p in PARAS)
    assert not any(r.reason == "comments" for r in art.removed)


def test_stamps_under_commenters_names_are_still_comments() -> None:
    # the comment section of a blog: name / "date at time" / comment, three times, under the
    # article: the stamps are comment barriers and the comments are left out
    names = ["Ann Berg", "seaview42", "Bo Chen"]
    thread = [x for n, s, c in zip(names, STAMPS[:3], [LONG_COMMENT, *SHORT_COMMENTS], strict=True)
              for x in (n, s, c)]
    page = "\n".join([*MENU, *ARTICLE, *thread, "Privacy policy"]) + "\n"
    art = clean(page, format="text")
    assert all(p in art.body for p in ARTICLE)
    assert LONG_COMMENT not in art.body
    assert {r.rule for r in art.removed if STAMPS[0] in r.text} == {"comment_timestamps"}


def test_see_also_inside_a_table_of_contents_is_no_barrier() -> None:
    # a wiki page in a one-node-per-line rendering: the lead (37 + 12 words), the table of
    # contents ("1" / "History" / ... / "3" / "See also" / "4"), then the sections
    # (LATER_SECTION and PARAS, over 250 words). "See also" was a related barrier there, so
    # the lead was a run of its own, below 80 words and 35 % of the sections, and was lost.
    # Between two section numbers it is a contents entry: the lead (49) pays for the ten
    # short lines up to the first section (-20) and stays with the sections
    lead = [STANDFIRST, "The pier was built in 1884 and has been repaired twice since then."]
    toc = ["Contents", "1", "History", "2", "Works", "3", "See also", "4", "References"]
    page = "\n".join([*MENU, "Harbour pier", *lead, *toc, "History", *PARAS, "Works",
                      *LATER_SECTION, "See also", *SEE_ALSO[:3], "Privacy policy"]) + "\n"
    art = clean(page, format="text")
    assert all(p in art.body for p in [*lead, *PARAS, *LATER_SECTION])
    assert not any(link in art.body for link in SEE_ALSO[:3])
