"""The sixth round of the plain-text cleaner: the foreign-line test does not take English
lines with quotes, initials, addresses or code for another language; long disclaimers; comment
policies, comment forms and blog subscription widgets in more words and languages.

Every line here is written for these tests (the harbour town is invented).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clean_texts import HARBOUR_COST, HARBOUR_OPENING, HARBOUR_TITLE
from factbox.clean import clean, rules
from factbox.clean import language as lang

TITLE = HARBOUR_TITLE
BODY = [*HARBOUR_OPENING, HARBOUR_COST]


ROUND6_RULE_CASES = [
    # comment policies
    ("We ask that comments are civil and stay on the story.", "comments"),
    ("Comments should be respectful of other readers.", "comments"),
    ("Please keep comments civil.", "comments"),
    # comment forms in other languages (WordPress, Blogger)
    (
        "Wenn Sie diesen Beitrag kommentieren möchten, füllen Sie bitte die folgenden Felder aus.",
        "comments",
    ),
    ("Los campos obligatorios están marcados con *", "comments"),
    # WordPress's own comment-form strings, translated
    ("Bitte geben Sie Ihren Kommentar ein!", "comments"),
    ("Sie haben eine falsche E-Mail-Adresse eingegeben!", "comments"),
    (
        "Meinen Namen, meine E-Mail-Adresse und meine Website in diesem Browser speichern.",
        "comments",
    ),
    ("Antwort abbrechen", "comments"),
    ("Guardar mi nombre, correo electrónico y web en este navegador.", "comments"),
    ("Annuler la réponse", "comments"),
    ("Deine E-Mail-Adresse wird nicht veröffentlicht.", "comments"),
    ("Tu dirección de correo electrónico no será publicada.", "comments"),
    ("Votre adresse e-mail ne sera pas publiée.", "comments"),
    # the heading of a comment thread that names the post
    ("1 reply on “Harbour pier to be rebuilt”", "comments"),
    ("3 Responses to “Harbour pier to be rebuilt”", "comments"),
    # links to the previous and next post with arrows
    ("← Lifeboat day draws record crowds", "navigation"),
    ("Ferry fares to rise in the spring →", "navigation"),
    ("← Lifeboat day draws record crowds → Ferry fares to rise in the spring", "navigation"),
    # e-mail subscription widgets of blogs (WordPress Jetpack and its translations)
    (
        "Enter your address to follow this blog and receive notifications of new posts by email.",
        "newsletter",
    ),
    (
        "Geben Sie Ihre Adresse an, um diesen Blog zu abonnieren und Benachrichtigungen über "
        "neue Beiträge zu erhalten.",
        "newsletter",
    ),
    # promotions
    ("No time to read it all? Receive a daily list of our best harbour stories.", "newsletter"),
    ("Apoya el periodismo local. Cancela cuando quieras.", "newsletter"),
    ("Give us feedback in our reader forum.", "navigation"),
]


@pytest.mark.parametrize(("line", "reason"), ROUND6_RULE_CASES)
def test_round6_rule_classes(line, reason):
    rule = rules.match(line, len(line.split()))
    assert rule is not None and rule.reason == reason, rule


@pytest.mark.parametrize(
    "line",
    [
        # body sentences with the same words
        "The council will receive the daily reports of the engineers until the pier reopens.",
        "Readers who want to give feedback on the plans can write to the harbour board.",
        "Fishermen said the comments of the board were respectful but vague.",
        "She asked that the comments of the divers be added to the report.",
    ],
)
def test_round6_rules_leave_body_sentences(line):
    assert rules.match(line, len(line.split())) is None


@pytest.mark.parametrize(
    "line",
    [
        # a sentence about German words is English: quoted passages are mentioned, not used
        'When do you say "Ich wurde gefragt" and when "Ich war gefragt" in the past tense?',
        # initials and "et al." are not Spanish or Italian function words
        "Berg A, Reed T, Lund E, et al. Cracks in old stone piers. J Coast Eng. 2019;4:1-9.",
        # addresses and code identifiers hold no function words
        "See https://example.org/o/a/do/de/la/el for the harbour data as a table.",
        "plot + theme(axis.text.y = element_text(size = 20)) # y axis labels",
        # English words outside the function-word list count for English
        "How do gulls find a way out of the harbour?",
    ],
)
def test_english_lines_are_not_foreign(line):
    assert lang.line_language(line) in (None, "en")


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Der Hafen wurde im Sommer für die Gäste wieder geöffnet, und die Fähre fährt.", "de"),
        ("El puerto se abrió de nuevo para los visitantes y el transbordador vuelve.", "es"),
    ],
)
def test_foreign_lines_stay_foreign(line, code):
    assert lang.line_language(line) == code


def test_quoted_german_inside_an_english_article_stays():
    q = 'Anglers asked when to use "Ich wurde von ihr gefragt" or "Ich war von ihr gefragt"'
    assert lang.detect(q) == "de"  # without the quotes taken out: German
    text = "\n".join([TITLE, BODY[0], BODY[1], q, BODY[2], BODY[3]])
    art = clean(text)
    assert q in art.body
    assert art.language == "en"


def test_a_german_sentence_inside_an_english_article_is_still_removed():
    de = "Der Hafen wurde im Sommer für die Gäste wieder geöffnet, und die Fähre fährt wieder."
    text = "\n".join([TITLE, BODY[0], BODY[1], de, BODY[2], BODY[3]])
    art = clean(text)
    assert de not in art.body
    assert [r.reason for r in art.removed if r.text == de] == ["foreign_language"]


def test_a_long_disclaimer_after_the_article_is_removed():
    # rules now see lines of up to 1,200 characters (the disclaimer rules allow 80-150 words)
    disclaimer = (
        "Disclaimer (it depends on the section): "
        + "articles on this site may contain the opinions of their authors, which are not "
        "necessarily those of the Harbour Gazette, its editors or its owners, and readers "
        "should check any facts that matter to them with the harbour board, the council or "
        "the ferry company before they act on them. " * 2
    ).strip()
    assert 400 < len(disclaimer) < 1200
    text = "\n".join([TITLE, *BODY, disclaimer])
    art = clean(text)
    assert art.body == "\n\n".join(BODY)
    assert {r.reason for r in art.removed if r.text == disclaimer} == {"author_note"}


def test_a_long_paragraph_is_never_a_barrier():
    # a 500-character caption that starts like a copyright line does not end the article
    caption = (
        "© Harbour Photos NORTHTOWN, March 3, 2024 -- Fishing boats wait at the eastern quay "
        "while engineers inspect the cracks along the old stone pier, which the harbour board "
        "has voted to rebuild before the summer season begins, after a survey found that most "
        "of its length was no longer safe for visitors, anglers or the ferry that calls there "
        "twice a day in the summer months, and the work will start in March and take about "
        "eleven weeks, the board said on Tuesday in a statement on its website."
    )
    assert len(caption) > 400
    rule = rules.match(caption, len(caption.split()))
    assert rule is None or not rule.barrier
    text = "\n".join([TITLE, BODY[0], BODY[1], caption, BODY[2], BODY[3]])
    art = clean(text)
    assert BODY[2] in art.body and BODY[3] in art.body


CODE = [
    "url = BASE + path",
    "tides = fetch(url)",
    "high = max(tides)",
    "low = min(tides)",
    "mean = avg(tides)",
    "print(high)",
    "print(low)",
    "print(mean)",
    "save(high, low)",
    "plot(tides)",
    "show(plot)",
    "close(plot)",
]


def test_a_code_listing_between_paragraphs_stays_in_the_article():
    # each code line weighs 0; it cost 2 like a menu entry, so the listing (11 units, the
    # first two joined: 11 x 2 = 22) cut off the paragraph of 15 words under it (45 words
    # above + 15 - 22 < 45)
    after = "The script prints the highest and the lowest tide of the day and their difference."
    text = "\n".join([TITLE, BODY[0], BODY[1], *CODE, after])
    art = clean(text)
    assert art.body.startswith(BODY[0]) and art.body.endswith(after)
    assert all(line in art.body for line in CODE)


@pytest.mark.parametrize("line", [*CODE, "total += n", "def tide(day):", "import harbour.tides"])
def test_code_lines_are_code(line):
    from factbox.clean.plaintext import _CODE_RE

    assert _CODE_RE.match(line)


@pytest.mark.parametrize(
    "line", ["Photos (12)", "Home", "Terms of use", "Ferry times", "Login", "Price: 12 (approx.)"]
)
def test_menu_entries_are_not_code(line):
    from factbox.clean.plaintext import _CODE_RE

    assert _CODE_RE.match(line) is None


def test_the_attribution_of_an_embedded_post_is_not_a_dateline():
    assert rules.is_dateline("March 3, 2024")
    assert not rules.is_dateline("— Harbour Board (@harbourboard) March 3, 2024")
    tweet = "The pier closes on Monday for eleven weeks. Ferries leave from the pontoon."
    credit = "— Harbour Board (@harbourboard) March 3, 2024"
    text = "\n".join([TITLE, BODY[0], BODY[1], tweet, credit, BODY[2], BODY[3]])
    art = clean(text)
    assert credit in art.body


QUESTION = [
    "How do I tell the spring tide from the neap tide when I read the harbour table?",
    "The table lists two heights for every day, and I cannot see which of them belongs to the "
    "spring tide and which to the neap tide in the weeks around the full moon.",
]
ANSWER1 = [
    "The spring tides come a day or two after the full and the new moon, and they have the "
    "largest range between high and low water of the whole month.",
    "Look for the days with the biggest difference between the two columns of the table.",
]
ANSWER2 = [
    "Most harbour tables also mark the spring tides with a small letter beside the date, "
    "which the legend at the bottom of the page explains.",
]


def _qa_page(heading: str) -> str:
    return "\n".join(
        [
            "Reading the harbour tide table",
            "Ask Question",
            *QUESTION,
            "Share",
            "asked Mar 3, 2024 at 10:15",
            "Add a comment",
            heading,
            "Sorted by:",
            *ANSWER1,
            "Share",
            "answered Mar 3, 2024 at 11:20",
            "Add a comment",
            *ANSWER2,
            "Share",
            "answered Mar 4, 2024 at 09:02",
            "Add a comment",
        ]
    )


@pytest.mark.parametrize("heading", ["2 Answers", "2 Answers 2", "2 Antworten"])
def test_the_answers_of_a_question_and_answer_page_are_kept(heading):
    art = clean(_qa_page(heading))
    for para in QUESTION + ANSWER1 + ANSWER2:
        assert para in art.body
    assert not any(r.reason == "comments" for r in art.removed)
    # the controls around them are not text
    for chrome in ("Ask Question", "answered Mar 3, 2024 at 11:20", "Add a comment", "Sorted by:"):
        assert chrome not in art.body


def test_a_comment_section_stays_a_comment_section():
    # "2 Replies" heads the comments of a blog: they are not answers
    text = "\n".join(
        [
            TITLE,
            *BODY,
            "2 Replies",
            "Ann Berg says:",
            "I walked on that pier every summer as a child and I will miss it very much.",
            "Tom Reed says:",
            "I hope they keep the old lamps when they rebuild it, they are the best part.",
        ]
    )
    art = clean(text)
    assert art.body == "\n\n".join(BODY)


_CODE_ALPHABET = "abcdefimnoprstx_.=()#$:; {}[]'\"<>+-*/0123456789"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_CODE_ALPHABET, min_size=1, max_size=40))
def test_the_cheap_guard_before_the_code_pattern_never_hides_a_match(t):
    # _is_code only tries _CODE_RE on lines with "=", "(" or " -", or starting with i, f, #, $
    from factbox.clean.plaintext import _CODE_RE

    if _CODE_RE.match(t):
        assert "=" in t or "(" in t or " -" in t or t[0] in "if#$"


_GERMAN = ["ich", "wurde", "der", "die", "das", "und", "nicht", "mit", "von", "zu", "war"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_GERMAN), min_size=1, max_size=12))
def test_a_quoted_passage_never_changes_the_language_of_a_line(words):
    base = "The harbour master asked when to use the phrase in a letter to the board"
    quoted = f'{base} "{" ".join(words)}" and why.'
    assert lang.line_language(quoted) == lang.line_language(base + " and why.")


def test_a_code_listing_that_ends_the_article_stays():
    # the last paragraph introduces the listing with a colon; code weighs 0, so only this
    # extension keeps it (no prose follows to pull it into the body)
    intro = "The board publishes the tide table as a file, and three commands fetch it:"
    listing = ["# fetch.sh", "curl -s https://example.org/tides -o tides.csv", "sort -n tides.csv"]
    text = "\n".join([TITLE, *BODY, intro, *listing, "Home", "Contact", "Privacy policy"])
    art = clean(text)
    assert all(line in art.body for line in [intro, *listing])
    assert "Home" not in art.body


def test_a_colon_does_not_pull_a_menu_into_the_article():
    intro = "The board will publish the new timetable on its website in the spring:"
    text = "\n".join([TITLE, *BODY, intro, "# Harbour news", "Home", "Ferry times", "Contact"])
    art = clean(text)
    assert art.body.endswith(intro)


def test_the_headline_after_a_lone_arrow_is_a_link_to_another_post():
    text = "\n".join(
        [TITLE, *BODY, "←", "Lifeboat day draws record crowds", "→", "Ferry fares to rise"]
    )
    art = clean(text)
    assert art.body == "\n\n".join(BODY)
    assert {r.rule for r in art.removed if r.text == "Ferry fares to rise"} == {"prev_next"}


def test_an_arrow_inside_the_text_leaves_the_next_paragraph_alone():
    # the line after the arrow ends a sentence: a paragraph, not a link
    text = "\n".join([TITLE, BODY[0], BODY[1], "→", BODY[2], BODY[3]])
    art = clean(text)
    assert BODY[2] in art.body


@pytest.mark.parametrize(
    "line",
    ["- read the table from the top", "Asked why, the harbour master laughed", "— and so on"],
)
def test_answer_lines_that_look_a_little_like_controls_stay(line):
    # only whole controls go: a list item, or a line that starts with "Asked", stays
    page = _qa_page("2 Answers").replace(ANSWER1[0], ANSWER1[0] + "\n" + line)
    art = clean(page)
    assert line in art.body
