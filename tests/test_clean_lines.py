"""Line numbers in `Article.removed` count the input's own line breaks (\\n, \\r\\n, \\r)."""

from factbox.clean import clean

BODY = "The council voted on Monday to keep the library open in the evenings."


def test_unicode_line_separator_is_not_a_line_break_when_mojibake_is_fixed():
    # 'Â\x80' is mojibake (ftfy repairs it), which switches ftfy on for the whole text; ftfy
    # must not turn U+2028 into a new line, or the removed run would end past the last line.
    text = "\n".join([BODY, "Â\x80", "\u20280"])
    art = clean(text, format="text")
    n_lines = len(text.split("\n"))
    assert n_lines == 3
    for r in art.removed:
        assert 1 <= r.start_line <= r.end_line <= n_lines
    assert BODY in art.body
