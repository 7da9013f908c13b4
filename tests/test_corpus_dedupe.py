"""Duplicates: shingles and Jaccard by hand, exact and near groups, never dropped."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_texts import article, with_boilerplate
from factbox.corpus import Corpus, dedupe


def test_shingles_by_hand() -> None:
    # 6 words, k = 5 -> 2 shingles; case and punctuation are dropped
    assert dedupe.shingles("A b, c d. E f", 5) == {b"a b c d e", b"b c d e f"}
    # shorter than k: the whole text is one shingle; no words: none
    assert dedupe.shingles("Hello world", 5) == {b"hello world"}
    assert dedupe.shingles("  ...  ", 5) == set()


def test_jaccard_by_hand() -> None:
    # {abcde, bcdef} vs {abcde, bcdeg}: 1 shared of 3 distinct -> 1/3
    assert dedupe.jaccard("a b c d e f", "a b c d e g") == 1 / 3
    assert dedupe.jaccard("a b c d e f", "a b c d e f") == 1.0


def test_minhash_estimate_by_hand() -> None:
    # {abcde, bcdef, cdefg, defgh} vs {abcde, bcdef, cdefg, defgx}: 3 shared of 5 -> J = 0.6;
    # with 128 permutations the estimate's standard error is sqrt(0.6 * 0.4 / 128) = 0.043
    a, b = "a b c d e f g h", "a b c d e f g x"
    assert dedupe.jaccard(a, b) == 0.6
    assert abs(dedupe.similarity(dedupe.signature(a), dedupe.signature(b)) - 0.6) < 0.13


VOCAB = ["the", "cat", "sat", "on", "a", "mat", "with", "hat", "and", "bat"]
words = st.lists(st.sampled_from(VOCAB), max_size=60)


@settings(max_examples=40, deadline=None)
@given(words, words)
def test_minhash_estimate_properties(a: list[str], b: list[str]) -> None:
    ta, tb = " ".join(a), " ".join(b)
    # the vectorised shingle hashes stand for the shingle strings one to one
    assert len(dedupe.shingle_hashes(ta)) == len(dedupe.shingles(ta))
    # our numpy MinHash is datasketch's MinHash, slot for slot
    assert dedupe.signature(ta) == dedupe.signature_datasketch(ta)
    sa, sb = dedupe.signature(ta), dedupe.signature(tb)
    assert len(sa) == 4 * dedupe.NUM_PERM
    assert dedupe.similarity(sa, sa) == 1.0
    est = dedupe.similarity(sa, sb)
    assert est == dedupe.similarity(sb, sa) and 0.0 <= est <= 1.0
    j = dedupe.jaccard(ta, tb)
    if j == 0.0 and dedupe.shingles(ta) and dedupe.shingles(tb):
        # disjoint sets can still collide by chance, but rarely in more than a few slots
        assert est <= 0.1


def _store(tmp_path: Path, texts: dict[str, str]) -> Corpus:
    d = tmp_path / "in"
    d.mkdir()
    for name, text in texts.items():
        (d / name).write_text(text, encoding="utf-8")
    c = Corpus(tmp_path / "c.db")
    c.add(d, workers=0)
    return c


def test_exact_and_near_groups_by_path(tmp_path: Path) -> None:
    story = article(1, sentences=16)
    edited = story.replace("opened", "closed", 1)
    c = _store(tmp_path, {
        "a_site.txt": story,
        "b_copy.txt": story,                          # same body: exact
        "c_wire.txt": with_boilerplate(story, 3),     # other site furniture: cleaned away → exact
        "d_edit.txt": edited,                         # one word changed: near
        "e_other.txt": article(2, sentences=16),      # another story: no group
    })
    with c:
        groups = c.duplicates()
        exact = [g for g in groups if g.kind == "exact"]
        near = [g for g in groups if g.kind == "near"]
        # the cleaner removes c_wire's boilerplate, so its body equals the story's (clean first,
        # then compare)
        assert [[Path(m.path).name for m in g.members] for g in exact] == [
            ["a_site.txt", "b_copy.txt", "c_wire.txt"]
        ]
        assert [m.similarity for m in exact[0].members] == [1.0, 1.0, 1.0]
        names = [Path(m.path).name for m in near[0].members]
        assert len(near) == 1
        assert names == ["a_site.txt", "b_copy.txt", "c_wire.txt", "d_edit.txt"]
        assert all(m.similarity >= dedupe.THRESHOLD for m in near[0].members)
        assert len(c) == 5  # nothing dropped
        # `show` lists a document's duplicates
        assert {d["path"].rsplit("/", 1)[-1] for d in c.get(3).duplicates} == {
            "a_site.txt", "b_copy.txt", "d_edit.txt"
        }


def test_groups_are_rebuilt_not_accumulated(tmp_path: Path) -> None:
    story = article(5)
    c = _store(tmp_path, {"a.txt": story, "b.txt": story})
    with c:
        c.add(tmp_path / "in", workers=0)  # nothing new
        assert len(c.duplicates("exact")) == 1
        (tmp_path / "more").mkdir()
        (tmp_path / "more" / "c.txt").write_text(story, encoding="utf-8")
        c.add(tmp_path / "more", workers=0)
        (g,) = c.duplicates("exact")
        assert [Path(m.path).name for m in g.members] == ["a.txt", "b.txt", "c.txt"]


def test_near_pairs_banding_by_hand() -> None:
    np = pytest.importorskip("numpy")
    rng = np.random.default_rng(0)
    sigs = rng.integers(0, 2**32, size=(50, dedupe.NUM_PERM), dtype=np.uint32)
    sigs[7] = sigs[3]  # identical signatures: similarity 1
    sigs[9, :100] = sigs[3, :100]  # 100 of 128 slots equal: 100 / 128 = 0.78125
    sigs[11, :64] = sigs[3, :64]  # 64 / 128 = 0.5: shares buckets but is below 0.7
    assert dedupe.lsh_params() == (25, 5)  # datasketch's choice for threshold 0.5, 128 perms
    assert dedupe.lsh_params_datasketch(0.5, 128) == (25, 5)
    assert dedupe.lsh_params(0.7) == dedupe.lsh_params_datasketch(0.7, 128) == (14, 9)
    assert dedupe.near_pairs(sigs) == [(3, 7, 1.0), (3, 9, 0.78125), (7, 9, 0.78125)]



def _families(seed: int, n: int, families: int, keep: float) -> object:
    """``n`` random signatures in ``families`` groups: each row copies each slot of its family's
    base signature with probability ``keep`` (so many rows share buckets), else a random value."""
    np = pytest.importorskip("numpy")
    rng = np.random.default_rng(seed)
    base = rng.integers(0, 2**32, size=(families, dedupe.NUM_PERM), dtype=np.uint32)
    fam = rng.integers(0, families, size=n)
    noise = rng.integers(0, 2**32, size=(n, dedupe.NUM_PERM), dtype=np.uint32)
    copy = rng.random((n, dedupe.NUM_PERM)) < keep
    return np.where(copy, base[fam], noise)


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 2**16), st.integers(2, 120), st.integers(1, 8),
       st.sampled_from([0.6, 0.8, 0.9, 1.0]), st.sampled_from([0.5, 0.7, 0.9]))
def test_near_pairs_equals_the_per_bucket_reference(
    seed: int, n: int, families: int, keep: float, threshold: float
) -> None:
    sigs = _families(seed, n, families, keep)
    assert dedupe.near_pairs(sigs, threshold) == dedupe.near_pairs_reference(sigs, threshold)


def test_near_pairs_big_buckets_compare_with_their_first_row(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 60 rows of one family with keep=1.0 are identical: one bucket of 60 in every band. With
    # MAX_BUCKET = 10 only the 59 pairs with row 0 are candidates.
    sigs = _families(1, 60, 1, 1.0)
    monkeypatch.setattr(dedupe, "MAX_BUCKET", 10)
    got = dedupe.near_pairs(sigs)
    assert got == [(0, j, 1.0) for j in range(1, 60)]
    assert got == dedupe.near_pairs_reference(sigs)
    sigs = _families(2, 200, 3, 0.9)
    assert dedupe.near_pairs(sigs) == dedupe.near_pairs_reference(sigs)


def test_groups_rebuilt_after_a_crash_before_the_rebuild(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = article(6)
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(story, encoding="utf-8")
    (d / "b.txt").write_text(story, encoding="utf-8")
    real = dedupe.rebuild

    def crash(*a: object, **k: object) -> None:
        raise KeyboardInterrupt  # the process dies after the documents were committed

    monkeypatch.setattr(dedupe, "rebuild", crash)
    with Corpus(tmp_path / "c.db") as c:
        with pytest.raises(KeyboardInterrupt):
            c.add(d, workers=0)
        assert len(c) == 2 and c.duplicates() == []
        monkeypatch.setattr(dedupe, "rebuild", real)
        rep = c.add(d, workers=0)  # nothing new, but the groups are stale: rebuilt
        assert rep.added == 0 and rep.exact_groups == 1
        monkeypatch.setattr(dedupe, "rebuild", crash)
        rep = c.add(d, workers=0)  # nothing new and groups current: no rebuild at all
        assert rep.exact_groups == 1 and len(c.duplicates("exact")) == 1


def test_permutations_are_datasketchs() -> None:
    np = pytest.importorskip("numpy")
    datasketch = pytest.importorskip("datasketch")
    for seed, num_perm in ((1, dedupe.NUM_PERM), (7, 16)):
        a, b = dedupe.permutations(num_perm, seed)
        ref = datasketch.MinHash(num_perm=num_perm, seed=seed, scheme="affine32").permutations
        assert a.dtype == b.dtype == ref.dtype == np.uint32
        assert np.array_equal(a, ref[0]) and np.array_equal(b, ref[1])


# any character, plus the ones where lower-casing or \w is tricky: 'İ' lower-cases to 'i' and a
# combining dot (not a word character), ligatures and 'ß' are letters, a lone surrogate is not
_TRICKY = st.sampled_from(["\u0130", "\ufb01", "\u00df", "\u03a3", "_", "\ud800", "\u2019",
                           "\u00a0", "\u00a3", "\u0663", "\u00bd", "\u0301"])


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.one_of(st.characters(), _TRICKY), max_size=80))
def test_fast_word_split_is_the_regular_expression(text: str) -> None:
    expected = [w.encode("utf-8") for w in dedupe._WORD.findall(text.lower())]
    assert dedupe.words_utf8(text) == expected


def test_fast_word_split_by_hand() -> None:
    # ’ and – separate words like spaces; é and ﬁ are letters; 'İ' lower-cases to i + U+0307
    assert dedupe.words_utf8("Don’t – café ﬁne İz_1") == [
        b"don", b"t", "café".encode(), "ﬁne".encode(), b"i", b"z_1"]


def test_signature_ignores_repeated_shingles() -> None:
    # the same 6 shingles twice over: a minimum over a multiset is the minimum over its set
    once = "a b c d e f g h i j"
    assert dedupe.signature(once + " " + once) == dedupe.signature_datasketch(once + " " + once)
    # "a … j a b c d e": 11 positions, 6 shingles of "a … j", 4 across the join (ghija, hijab,
    # ijabc, jabcd) and "abcde" again: 10 distinct
    assert len(dedupe.shingle_hashes(once)) == 6
    assert len(dedupe.shingle_hashes(once + " a b c d e")) == 10
