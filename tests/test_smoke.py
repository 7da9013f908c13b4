import factbox


def test_profile_counts_simple_text() -> None:
    box = factbox.profile("The cat sat on the mat. It was happy.")
    assert (box.tokens, box.types, box.counts.sentences) == (9, 8, 2)
