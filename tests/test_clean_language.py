"""Tenth round (a): body lines the language rule took for lines in another language.

An English quotation with its author in brackets on a German page, a title in title case
(``… of Atmospheres in Architecture``) and a line of code (``# y-axis title``) were removed as
``foreign_language``; lines that are really in another language still go.

Every line here is written for these tests (the harbour town is invented).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clean_texts import HAFEN_DE, HAFEN_TITLE, HARBOUR_COST, HARBOUR_OPENING, HARBOUR_TITLE
from factbox.clean import clean, rules
from factbox.clean import language as lang

EN_BODY = [*HARBOUR_OPENING, HARBOUR_COST]
QUOTE = "A harbour is only as safe as the people who look after it (Ann Berg)"
GERMAN = "Der Hafen wurde im Sommer für die Gäste wieder geöffnet, und die Fähre fährt."


def _removed(art, line: str) -> tuple[str, str] | None:
    for r in art.removed:
        if line in r.text.split("\n"):
            return r.reason, r.rule
    return None


def test_english_quotation_with_its_author_stays_on_a_german_page():
    text = "\n".join(
        [HAFEN_TITLE, HAFEN_DE[0], HAFEN_DE[1], QUOTE, HAFEN_DE[2], HAFEN_DE[3], "Impressum"]
    )
    art = clean(text)
    assert art.language == "de"
    assert QUOTE in art.body
    assert all(p in art.body for p in HAFEN_DE)


def test_german_line_on_an_english_page_is_still_removed():
    # nine function words of German (der, wurde, im, für, die, und, die ...), none of English
    text = "\n".join([HARBOUR_TITLE, EN_BODY[0], EN_BODY[1], GERMAN, EN_BODY[2], EN_BODY[3]])
    art = clean(text)
    assert _removed(art, GERMAN) == ("foreign_language", "language")
    assert all(p in art.body for p in EN_BODY)


@pytest.mark.parametrize(
    "line",
    [
        QUOTE,
        # the author after an em dash, behind the sentence's full stop
        "A harbour is only as safe as the people who look after it. — Ann Berg",
        # a German quotation with its author on an English page: mentioned, like a quoted
        # passage in quotation marks (which line_language already set aside)
        "Ein Hafen ist nur so sicher wie die Leute, die ihn pflegen (Ann Berg)",
    ],
)
def test_a_quotation_with_its_author_has_no_language_of_its_own(line):
    assert lang.line_language(line, "de") is None
    assert lang.line_language(line, "en") is None


def test_the_author_must_follow_a_quotation_of_six_words():
    # five words before the bracket: too short for a quotation, so its words count (die,
    # ist, nicht: three German function words, none of English)
    line = "Die Mole ist nicht neu (Ann Berg)"
    assert lang.line_language(line, "en") == "de"
    assert lang.line_language("Die Mole ist nicht neu und alt (Ann Berg)", "en") is None


@pytest.mark.parametrize(
    "line",
    [
        # a name in brackets that is no author: one word, or lower case
        "Der Hafen wurde im Sommer für die Gäste wieder geöffnet (Foto)",
        "Der Hafen wurde im Sommer für die Gäste wieder geöffnet (siehe unten)",
        # an en dash or a hyphen before a name is a headline's site name, not an author
        "Der Hafen wurde im Sommer für die Gäste wieder geöffnet - Hafen Zeitung",
    ],
)
def test_brackets_and_dashes_that_are_not_an_author(line):
    assert lang.line_language(line, "en") == "de"


@pytest.mark.parametrize(
    ("line", "doc"),
    [
        # a title in title case: content words feat, Conditioning, Atmospheres, Architecture,
        # all capitalised but the first word, so a name, not an English sentence
        ("*feat.: Conditioning. of Atmospheres in Architecture", "de"),
        ("Harbour Lights: A Review Of The Season", "de"),
        ("La Table du Marché by the Sea", "en"),
    ],
)
def test_a_title_in_title_case_has_no_language(line, doc):
    assert lang.line_language(line, doc) is None


def test_a_long_run_of_capitalised_words_is_not_a_title():
    # nine content words (> 8): a tag list or a sentence, judged by its function words
    line = "Rat Stadt Fähre Kai Mole Hafen Norden Sommer Gäste und der die das"
    assert lang.line_language(line, "en") == "de"


def test_german_sentences_are_not_titles():
    # content words Hafen, Sommer, Gäste, wieder, geöffnet, Fähre, fährt: verbs in lower case
    assert lang.line_language(GERMAN, "en") == "de"
    assert lang.line_language("Nach dem Drink verlor ich das Bewusstsein", "en") == "de"
    # nouns and a name, but "neu" in lower case: a sentence
    assert lang.line_language("Die Mole ist nicht neu (Ann Berg)", "en") == "de"


def test_shared_function_words_are_no_evidence_against_the_page_language():
    # on a Dutch page: the and in are English (2 hits against Dutch's 1, so English alone);
    # in is Dutch too, so one English word (the) that Dutch lacks: not enough (2 needed)
    line = "the quay in use again now"
    assert lang.line_language(line) == "en"
    assert lang.line_language(line, "nl") is None
    # the, of, the: three words Dutch lacks, so English again
    assert lang.line_language("the end of the quay in use again", "nl") == "en"


def test_a_letter_glued_to_a_hyphen_is_not_a_function_word():
    # "y" and "e" are Spanish and Italian function words; in y-axis and e-mail they are not
    line = "plot + theme(axis.title.y = element_text(size = 20)) # y-axis title # y-axis"
    assert lang.line_language(line, "en") is None
    assert lang.line_language("y el puerto y la casa", "en") == "es"


def test_a_code_line_with_a_y_axis_stays_in_an_english_article():
    code = "plot + theme(axis.text.y = element_text(size = 20)) # y-axis text # y-axis size"
    text = "\n".join([HARBOUR_TITLE, EN_BODY[0], EN_BODY[1], code, EN_BODY[2], EN_BODY[3]])
    art = clean(text)
    assert code in art.body


_WORDS = ["der", "die", "das", "und", "ist", "nicht", "mit", "von", "zu", "the", "of", "and"]
_WORDS += ["to", "is", "in", "that", "Hafen", "harbour", "Mole", "quay", "gebaut", "built"]
_WORDS += ["y-axis", "e-mail"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=14),
    st.sampled_from(["en", "de", "nl", "fr", None]),
)
def test_knowing_the_page_language_only_takes_evidence_away(words, doc):
    # line_language with the page's language is None, that language, or the verdict without it
    line = " ".join(words)
    assert lang.line_language(line, doc) in (None, doc, lang.line_language(line))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=6, max_size=14))
def test_an_author_in_brackets_after_six_words_always_makes_a_quotation(words):
    assert lang.line_language(" ".join(words) + " (Ann Berg)", "en") is None


@pytest.mark.parametrize("word", ["response", "discussion", "conversation"])
def test_a_bare_lower_case_response_is_no_comment_heading(word):
    # a variable of a code listing or a link word of a paragraph rendered one text node per
    # line; the capitalised heading still opens the comment section
    assert rules.match(word, 1) is None
    r = rules.match(word.capitalize(), 1)
    assert r is not None and r.reason == "comments" and r.barrier


def test_a_code_token_response_does_not_end_the_article():
    # one text node per line: "response" is a variable between two paragraphs of the article
    lines = [HARBOUR_TITLE, EN_BODY[0], EN_BODY[1], "response", "=", "client.recv(4096)"]
    art = clean("\n".join([*lines, EN_BODY[2], EN_BODY[3]]))
    assert all(p in art.body for p in EN_BODY)
    assert _removed(art, "response") != ("comments", "comments")


def test_headline_case() -> None:
    # 3+ words that are no function word, more than 80 % of them capitalised
    assert lang.headline_case(["Harbour", "Library", "Opens", "Its", "Doors"])
    assert lang.headline_case(["Ferry", "Timetable", "Changes", "for", "the", "Summer"])
    # a sentence; two content words only; 4 of 5 capitalised is not more than 80 %
    assert not lang.headline_case(["The", "harbour", "library", "opens", "its", "doors"])
    assert not lang.headline_case(["Harbour", "Library"])
    assert not lang.headline_case(["Harbour", "Library", "Opens", "New", "wing"])
