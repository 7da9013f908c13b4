"""The fifth round of the plain-text cleaner: share bars end the article, captions known by
their credit, the small print of sign-up forms, paywalls and comment policies.

Every line here is written for these tests (the harbour town is invented).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clean_texts import HARBOUR_COST, HARBOUR_OPENING, HARBOUR_TITLE, MENU, TRADERS_RELIEVED
from factbox.clean import clean, rules

TITLE = HARBOUR_TITLE
PART1 = list(HARBOUR_OPENING)
PART2 = [HARBOUR_COST, TRADERS_RELIEVED]
SHARE_BAR = ["Facebook", "Twitter", "WhatsApp", "Email"]
# a site blurb and a comment-form notice after the share bar: prose, but not the article
AFTER = [
    "The Harbour Gazette is the biggest news site of the coast and brings you the stories "
    "behind the news every day, with a team of twenty reporters and photographers who cover "
    "every town from the estuary to the cliffs.",
    "Readers may send us their views at any time, and the editors will choose a few of them "
    "every week for the letters page of the printed paper that comes out on Saturdays.",
]


NEW_RULE_CASES = [
    # captions that end with their credit
    ("The harbour master speaks at the quay on Monday. (Ann Berg/Harbour Gazette)", "photo_credit"),
    ("Boats in the bay at dusk on Friday. | Ann Berg/AP Photo", "photo_credit"),
    ("A fisherman mends his nets (jb1982/iStock)", "photo_credit"),
    ("The lighthouse keeper at work (Foto: Privat)", "photo_credit"),
    ("A painted map of the harbour, (1820). Courtesy Harbour Museum", "photo_credit"),
    ("The new pontoon at low tide. Photo via Harbour Sailing Club", "photo_credit"),
    ("NORTHTOWN, ENGLAND - MARCH 3: Boats wait at the quay in Northtown.", "photo_credit"),
    # sign-up small print
    ("By submitting your address you agree to the Harbour Gazette's terms.", "newsletter"),
    ("By signing up, you agree to receive emails from the Harbour Gazette.", "newsletter"),
    ("This form is protected by reCAPTCHA, and Google's privacy policy applies.", "newsletter"),
    (
        "Subscribers will receive promotional emails from the Harbour Gazette now and then.",
        "newsletter",
    ),
    (
        "Thank you for signing up! Look out for a verification email from Harbour Weekly.",
        "newsletter",
    ),
    ("No spam, and you can opt out at any time.", "newsletter"),
    ("Please enter a valid email address", "newsletter"),
    ("Privacy Policy and Terms of Service apply.", "newsletter"),
    # shop buttons
    ("Read the review | Buy from Amazon", "advertisement"),
    ("Shop now on Amazon", "advertisement"),
    # paywalls
    ("Log in or subscribe to access this full article.", "newsletter"),
    ("Already a member of the Harbour Club? Sign in here.", "newsletter"),
    # comment policies
    ("Comments are moderated and may take a day to appear.", "comments"),
    ("We welcome your comments on this story and read every one of them.", "comments"),
    ("Before you post, read our community guidelines.", "comments"),
    # reviewer credits and profile links of health and finance sites
    ("Fact checked by Ann Berg", "byline"),
    ("Medically reviewed by Tom Reed, MD", "byline"),
    ("Full Bio", "byline"),
    ("Learn about our review process", "byline"),
    # a share bar on one line, with more networks than twelve
    (
        "Share Facebook Twitter Google+ Reddit WhatsApp Pinterest Email LinkedIn Tumblr "
        "Telegram StumbleUpon Print",
        "share_widget",
    ),
    # WordPress share buttons
    ("Click to print this story (Opens in new window)", "share_widget"),
    ("Click to email a link to a neighbour (Opens in new window)", "share_widget"),
    # a row of links in any language
    ("Impressum | Datenschutz | Kontakt | Sitemap", "navigation"),
    ("Home | News | Harbour | Weather", "navigation"),
    # links to the previous and next article
    ("PREVIOUS Ferry fares to rise in the spring", "navigation"),
    ("Next post: Harbour reopens after the storm", "navigation"),
    ("Previous articleLifeboat day draws record crowds", "navigation"),
    ("« Lifeboat day draws record crowds", "navigation"),
    ("Ferry fares to rise in the spring »", "navigation"),
]


@pytest.mark.parametrize(("line", "reason"), NEW_RULE_CASES)
def test_new_rule_classes(line, reason):
    rule = rules.match(line, len(line.split()))
    assert rule is not None and rule.reason == reason, rule


@pytest.mark.parametrize(
    "line",
    [
        "She photographed the harbour for years, and her photo by the pier won a prize.",
        "The council said comments from residents would be reviewed by the planning committee.",
        "By entering this competition you agree to the rules of the regatta.",
        "The club has unlimited ambition but a limited budget, its treasurer said.",
        "He said the new timetable (and the fares) would be published in May.",
        "The board asked residents to read the full report before the meeting on Monday.",
        "Next Monday the board will meet again to discuss the fares.",
        "Next year the pier will reopen, the board said.",
        "Next-generation ferries will use the new pontoon.",
        "You can buy the harbour guide from Amazon for ten pounds.",
        "Ferry | 3 sailings | 12.50",
        "News | Sport",
        "« C'est fini », a dit le maire.",
        # over 15 words: a sentence of the article with a picture's credit glued to it
        "Nach Angaben der Hafenbehörde wird der alte Steg im März für elf Wochen gesperrt und "
        "danach vollständig neu gebaut (Foto: Ann Berg)",
    ],
)
def test_new_rules_leave_prose_alone(line):
    assert rules.match(line, len(line.split())) is None


def test_a_share_bar_ends_the_article():
    text = "\n".join([TITLE, *PART1, *PART2, *SHARE_BAR, *AFTER])
    art = clean(text)
    assert art.body == "\n\n".join(PART1 + PART2)
    # the prose after the bar is reported as outside the body, not silently dropped
    gone = [r for r in art.removed if "biggest news site" in r.text]
    assert [(r.reason, r.rule) for r in gone] == [("outside_body", "body_block")]


def test_a_share_bar_above_the_article_does_not_cut_it():
    text = "\n".join([TITLE, *SHARE_BAR, *PART1, *PART2])
    art = clean(text)
    assert art.title == TITLE
    assert art.body == "\n\n".join(PART1 + PART2)


def test_two_share_buttons_are_not_a_bar():
    # "Share" / "Email" inside an article (a widget between paragraphs) does not end it
    text = "\n".join([TITLE, *PART1, "Share", "Email", *PART2])
    assert clean(text).body == "\n\n".join(PART1 + PART2)


def test_long_getty_caption_inside_the_article_is_removed():
    # keyword rules stop at 400 characters; the Getty caption check does not
    caption = (
        "NORTHTOWN, ENGLAND - MARCH 3: Fishing boats wait at the eastern quay while engineers "
        "inspect the cracks along the old stone pier on March 3, 2024 in Northtown, England. "
        "The harbour board has voted to rebuild the pier before the summer season begins, after "
        "a survey found that most of its length was no longer safe for visitors, anglers or the "
        "ferry that calls there twice a day during the summer months. (Photo by Ann Berg/Getty "
        "Images)"
    )
    assert len(caption) > 400
    text = "\n".join([TITLE, *PART1, caption, *PART2])
    art = clean(text)
    assert art.body == "\n\n".join(PART1 + PART2)
    assert {r.rule for r in art.removed if "NORTHTOWN" in r.text} == {"getty_caption"}


def test_paywall_and_comment_policy_after_the_article_go():
    text = "\n".join(
        [
            TITLE,
            *PART1,
            *PART2,
            "Log in or subscribe to access this full article about the pier.",
            "We welcome your comments on the harbour stories we publish. A few of them may be "
            "printed in the newspaper.",
            "Comments are moderated by the night editor, so yours may take a day to appear.",
        ]
    )
    art = clean(text)
    assert art.body == "\n\n".join(PART1 + PART2)
    reasons = {r.rule: r.reason for r in art.removed}
    assert reasons["paywall"] == "newsletter"
    assert reasons["comment_policy"] == "comments"


def test_a_biography_under_a_profile_link_is_an_author_note():
    bio = (
        "Ann Berg is a personal finance expert who has covered harbour towns, ferries and small "
        "businesses for more than a decade."
    )
    text = "\n".join([TITLE, "By Ann Berg", "Full Bio", "LinkedIn", bio, *PART1, *PART2])
    art = clean(text)
    assert art.body == "\n\n".join(PART1 + PART2)
    assert {r.rule for r in art.removed if r.text == bio} == {"author_bio"}
    # the same sentence inside the article (no profile link above it) stays
    text = "\n".join([TITLE, *PART1, bio, *PART2])
    assert bio in clean(text).body


STANDFIRST = (
    "The old stone pier will close in March for eleven weeks, and the ferry will move to a "
    "temporary pontoon."
)


LONG_STANDFIRST = (
    "The old stone pier will close in March for eleven weeks while it is rebuilt, and the "
    "ferry and the fishing boats will move to the eastern quay and a temporary pontoon."
)


def test_standfirst_under_the_headline_above_the_byline_is_body():
    # 31 words - 12 for the byline: the body run starts at the standfirst. Until the twelfth
    # round the lead rule removed it (reason "standfirst"); the labelled real pages keep a
    # standfirst as body, so it stays, as the body's first paragraph
    text = "\n".join([TITLE, LONG_STANDFIRST, "By Ann Berg", *PART1, *PART2])
    art = clean(text)
    assert art.title == TITLE
    assert art.body == "\n\n".join([LONG_STANDFIRST, *PART1, *PART2])
    assert art.authors == ("Ann Berg",)


def test_lead_caption_above_the_byline_is_still_cut():
    # the same sentence over a photo credit is a picture's caption; and a second paragraph
    # in the head (standfirst and caption) is no standfirst alone: both are cut as before
    credit = "Photo: Tom Reed"
    text = "\n".join([TITLE, LONG_STANDFIRST, credit, "By Ann Berg", *PART1, *PART2])
    art = clean(text)
    assert art.body == "\n\n".join(PART1 + PART2)
    assert [(r.reason, r.rule) for r in art.removed if r.text == LONG_STANDFIRST] == [
        ("standfirst", "lead_before_credit")
    ]
    caption = "The ferry at the old stone pier on a winter morning, seen from the lighthouse."
    text = "\n".join([TITLE, LONG_STANDFIRST, caption, "By Ann Berg", *PART1, *PART2])
    art = clean(text)
    assert art.body == "\n\n".join(PART1 + PART2)
    # one removed span holds the two lines
    spans = [r for r in art.removed if LONG_STANDFIRST in r.text and caption in r.text]
    assert [(r.reason, r.rule) for r in spans] == [("standfirst", "lead_before_credit")]


def test_standfirst_outside_the_body_run_joins_the_body():
    # a short standfirst over a byline, a dateline and share buttons is outside the body
    # run; it joins the body (twelfth round) and the headline above it is still the title,
    # the byline and date still read
    text = "\n".join(
        [
            *MENU,
            TITLE,
            STANDFIRST,
            "By Ann Berg",
            "12 March 2024",
            "Facebook",
            "Twitter",
            "Email",
            *PART1,
            *PART2,
        ]
    )
    art = clean(text)
    assert art.title == TITLE
    assert art.body == "\n\n".join([STANDFIRST, *PART1, *PART2])
    assert art.authors == ("Ann Berg",)
    assert art.date == "2024-03-12"


def test_no_standfirst_without_a_headline_a_credit_or_a_sentence():
    # the line above it is a sentence (no headline): a paragraph of a teaser block
    teaser = "Readers wrote in about the ferry timetable and the new bus stop at the station."
    for lines in (
        [teaser, STANDFIRST, "By Ann Berg", "12 March 2024"],  # no headline above it
        ["posted in harbour news", STANDFIRST, "By Ann Berg", "12 March 2024"],  # nor here
        ["Tags", "* ferries", STANDFIRST, "By Ann Berg", "12 March 2024"],  # a tag
        ["Ferries", STANDFIRST, "By Ann Berg", "12 March 2024"],  # a section name
        ["* Harbour Town news", STANDFIRST, "By Ann Berg", "12 March 2024"],  # a menu entry
        # a dated list: a repository's files with their last change
        ["Mar 12, 2024 pier-plans.md", STANDFIRST, "By Ann Berg", "12 March 2024"],
        [TITLE, STANDFIRST, "Facebook", "Twitter", "Email"],  # no byline or dateline below
        # a title-cased line between: the post's own headline under a blog's name and motto
        [
            TITLE,
            STANDFIRST,
            "12 March 2024",
            "Harbour Pier Works Begin Next Month",
            "By Ann Berg",
            "Facebook",
            "Twitter",
        ],
    ):
        art = clean("\n".join([*MENU, *lines, *PART1, *PART2]))
        assert STANDFIRST not in art.body, lines


def test_first_paragraph_above_an_inline_credit_stays():
    # a photo credit (not a byline or dateline) under the first paragraph is inside the
    # article: the paragraph above it is the article's first one, not a standfirst
    text = "\n".join([TITLE, "By Ann Berg", PART1[0], "Photo: Tom Reed", *PART1[1:], *PART2])
    assert clean(text).body == "\n\n".join(PART1 + PART2)


def test_standfirst_stays_when_little_follows_the_byline():
    # under 100 words of prose below the byline: the "standfirst" may be the article's start
    text = "\n".join([TITLE, STANDFIRST, "By Ann Berg", *PART1[:2]])
    assert STANDFIRST in clean(text).body


_HINTS = sorted({h for r in rules.RULES for h in r.hints})


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_HINTS), st.text(alphabet="abcdefghijklmnopqrstuvwxyz /|-:", max_size=8)
        ),
        max_size=6,
    ).map("".join)
)
def test_hint_trie_finds_a_hint_exactly_when_one_occurs(text):
    # the trie regex is a faster form of "any hint is a substring of the lowered line"
    assert (rules._HINT_RE.search(text) is not None) == any(h in text for h in _HINTS)


def test_trie_pattern_by_hand():
    # "opt" and "opt out" share a path; "spam" stands alone
    pattern = rules._trie_pattern({"opt", "opt out", "spam"})
    assert pattern == "(?:opt(?:\\ out)?|spam)"


def test_a_rule_word_inside_a_sentence_split_by_links_is_joined():
    # one line per text node: the link "comments" splits a sentence; it is not the comment
    # section's heading (which would end the article there)
    para = [
        "Looking back at the storm of 1987, the harbour master",
        "comments",
        "that the old pier was never designed for waves of that height, and that the board "
        "knew it.",
    ]
    text = "\n".join([TITLE, *PART1, *para, *PART2])
    art = clean(text)
    assert " ".join(para) in art.body
    assert all(p in art.body for p in PART2)
    # a capitalised "Comments" on its own line after the article still starts the comments
    text = "\n".join([TITLE, *PART1, *PART2, "Comments", "Ann Berg", "Great news for the town!"])
    assert "Great news" not in clean(text).body


def test_punctuation_and_reference_fragments_do_not_split_the_body():
    # one line per text node: a quotation's marks and reference marks on lines of their own
    # weigh nothing (14 of them would otherwise cost 28 and cut off the first paragraph)
    intro = (
        "The harbour board has published its plans for the old stone pier, which was built in 1852."
    )
    quote = [
        '"',
        '"',
        "—",
        "[1]",
        "[2]",
        ",",
        "[3]",
        "[src]",
        ";",
        "[4]",
        "(",
        ")",
        "[5]",
    ]
    text = "\n".join([TITLE, intro, *quote, *PART1, *PART2])
    art = clean(text)
    assert intro in art.body
    assert all(p in art.body for p in PART1 + PART2)


@settings(max_examples=40, deadline=None)
@given(
    credit=st.lists(
        st.sampled_from(["By Ann Berg", "12 March 2024", "Updated 13 March 2024"]),
        min_size=1,
        max_size=3,
    ),
    share=st.lists(st.sampled_from(["Facebook", "Twitter", "Email", "Share"]), max_size=4),
    share_first=st.booleans(),
)
def test_standfirst_joins_the_body_over_any_credit_and_share_lines(credit, share, share_first):
    # whatever credit and share lines lie between the standfirst and the article (at least
    # one byline or dateline), the standfirst is the body's first paragraph, the headline is
    # the title, and nothing of the article is lost
    gap = [*share, *credit] if share_first else [*credit, *share]
    art = clean("\n".join([*MENU, TITLE, STANDFIRST, *gap, *PART1, *PART2]))
    assert art.title == TITLE
    assert art.body == "\n\n".join([STANDFIRST, *PART1, *PART2])
