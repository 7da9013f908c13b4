"""Reading inputs (factbox.io): decoding rules, directory walking and the exact error messages."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factbox.errors import ConfigError, EmptyTextError, FactboxError, InputError
from factbox.io import (
    TEXT_SUFFIXES,
    Source,
    binary_kind,
    decode,
    expand,
    is_text_name,
    iter_inputs,
    read_text,
    walk,
)

TEXT = "The ferry left at noon. Nobody waved.\n"


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


# --- decoding ---------------------------------------------------------------------------------


def test_reads_utf8(tmp_path: Path) -> None:
    p = write(tmp_path / "a.txt", "Café owners met in Zürich.\n")
    assert read_text(p) == "Café owners met in Zürich.\n"


def test_utf8_byte_order_mark_is_removed(tmp_path: Path) -> None:
    p = write(tmp_path / "a.txt", b"\xef\xbb\xbf" + TEXT.encode())
    assert read_text(p) == TEXT


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_with_byte_order_mark(tmp_path: Path, codec: str) -> None:
    # Notepad's "Unicode" files: NUL bytes, but the BOM says what they are, so not binary.
    p = write(tmp_path / "a.txt", ("\ufeff" + TEXT).encode(codec))
    assert read_text(p) == TEXT


def test_line_ends_are_normalised(tmp_path: Path) -> None:
    p = write(tmp_path / "a.txt", b"One line.\r\nTwo lines.\rThree.")
    assert read_text(p) == "One line.\nTwo lines.\nThree."


def test_undecodable_bytes_name_offset_line_and_a_cp1252_hint(tmp_path: Path) -> None:
    # 0x92 is the cp1252 right single quote: "It’s" saved by a Windows editor.
    p = write(tmp_path / "win.txt", b"First line.\nIt\x92s here.\n")
    with pytest.raises(InputError) as e:
        read_text(p)
    assert str(e.value) == (
        f"{p}: not valid UTF-8 (byte 0x92 at offset 14, line 2); "
        "if it is Windows text, give its encoding (--encoding cp1252)"
    )
    assert read_text(p, encoding="cp1252") == "First line.\nIt\u2019s here.\n"


def test_undecodable_bytes_that_are_not_cp1252_get_a_latin1_hint(tmp_path: Path) -> None:
    p = write(tmp_path / "odd.txt", b"abc \x81 def")  # 0x81 is unassigned in cp1252
    with pytest.raises(InputError, match=r"byte 0x81 at offset 4, line 1\); re-save it as UTF-8"):
        read_text(p)
    assert read_text(p, encoding="latin-1") == "abc \x81 def"


def test_named_encoding_must_fit(tmp_path: Path) -> None:
    p = write(tmp_path / "a.txt", "naïve\n".encode())
    with pytest.raises(InputError, match=r"a\.txt: not valid ascii \(byte 0xc3 at offset 2"):
        read_text(p, encoding="ascii")


def test_named_utf8_still_drops_the_byte_order_mark(tmp_path: Path) -> None:
    p = write(tmp_path / "a.txt", b"\xef\xbb\xbf" + TEXT.encode())
    assert read_text(p, encoding="UTF8") == TEXT


def test_unknown_encoding_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown encoding 'klingon'"):
        decode(b"text", encoding="klingon")


# --- bad inputs -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00", "a zip archive (or .docx/.odt/.epub)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "a PNG image"),
        (b"\x1f\x8b\x08\x00", "a gzip archive"),
        (b"Some words\x00\x00\x01 then NULs", "contains NUL bytes"),
    ],
)
def test_binary_files(tmp_path: Path, data: bytes, kind: str) -> None:
    p = write(tmp_path / "blob.txt", data)
    with pytest.raises(InputError) as e:
        read_text(p)
    assert str(e.value) == f"{p}: binary file ({kind}), not text; convert it to text first"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as e:
        read_text(tmp_path / "nope.txt")
    assert str(e.value) == f"{tmp_path / 'nope.txt'}: no such file or directory"


def test_directory_given_to_read_text(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"is a directory$"):
        read_text(tmp_path)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads everything")
def test_unreadable_file(tmp_path: Path) -> None:  # pragma: no cover - not as root
    p = write(tmp_path / "secret.txt", TEXT)
    p.chmod(0)
    with pytest.raises(InputError, match=r"secret\.txt: permission denied$"):
        read_text(p)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty file, no text"),
        (b"\xef\xbb\xbf", "empty file, no text"),
        (b"  \n\t\r\n \xc2\xa0\n", "only white space, no text"),  # incl. a no-break space
    ],
)
def test_empty_and_white_space_only(tmp_path: Path, data: bytes, problem: str) -> None:
    p = write(tmp_path / "e.txt", data)
    with pytest.raises(EmptyTextError) as e:
        read_text(p)
    assert str(e.value) == f"{p}: {problem}"


def test_every_error_is_a_factbox_error_with_one_line() -> None:
    for data in (b"", b" ", b"\x00", b"\xff\xfe\xfd"):
        with pytest.raises(FactboxError) as e:
            decode(data, "x")
        assert "\n" not in str(e.value)
        assert str(e.value).startswith("x: ")


# --- standard input ---------------------------------------------------------------------------


def test_dash_reads_standard_input_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"\xef\xbb\xbfFrom a pipe.\r\n"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    assert read_text("-") == "From a pipe.\n"


def test_empty_standard_input_is_named_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    with pytest.raises(EmptyTextError, match=r"^<stdin>: empty file, no text$"):
        read_text("-")


# --- directories ------------------------------------------------------------------------------


def make_tree(root: Path) -> None:
    for rel in [
        "b.txt",
        "a.md",
        "README",  # no suffix: text
        "Z.HTML",  # suffix compared case-insensitively
        "sub/c.htm",
        "sub/deeper/d.rst",
        "a/x.txt",  # directory "a" sorts before file "a.md"
        ".hidden.txt",
        ".git/config",
        "photo.jpg",
        "data.csv",
        "notes.docx",
    ]:
        write(root / rel, TEXT)


def test_walk_is_recursive_sorted_and_skips_hidden_and_other_suffixes(tmp_path: Path) -> None:
    make_tree(tmp_path)
    rel = [os.path.relpath(p, tmp_path) for p in walk(tmp_path)]
    assert rel == [
        "README",
        "Z.HTML",
        os.path.join("a", "x.txt"),
        "a.md",
        "b.txt",
        os.path.join("sub", "c.htm"),
        os.path.join("sub", "deeper", "d.rst"),
    ]


def test_is_text_name() -> None:
    assert all(is_text_name("f" + s) for s in TEXT_SUFFIXES)
    assert is_text_name("LICENSE")
    assert not is_text_name(".bashrc")
    assert not is_text_name("paper.pdf")


def test_expand_keeps_order_and_puts_errors_in_place(tmp_path: Path) -> None:
    write(tmp_path / "d" / "one.txt", TEXT)
    write(tmp_path / "d" / "two.txt", TEXT)
    (tmp_path / "empty").mkdir()
    write(tmp_path / "empty" / "pic.png", b"\x89PNG\r\n\x1a\n")
    odd = write(tmp_path / "named.weird", TEXT)  # named explicitly: read whatever its suffix
    got = expand([odd, tmp_path / "missing", tmp_path / "d", "-", tmp_path / "empty"])
    assert [s.path for s in got] == [
        str(odd),
        str(tmp_path / "missing"),
        str(tmp_path / "d" / "one.txt"),
        str(tmp_path / "d" / "two.txt"),
        "-",
        str(tmp_path / "empty"),
    ]
    assert [s.error is None for s in got] == [True, False, True, True, True, False]
    assert str(got[1].error) == f"{tmp_path / 'missing'}: no such file or directory"
    assert str(got[5].error) == (
        f"{tmp_path / 'empty'}: directory has no text files (looked for .htm, .html, "
        ".markdown, .md, .rst, .text, .txt, .xhtml and files without a suffix)"
    )
    assert got[4].name == "<stdin>"
    assert Source("-").name == "<stdin>"


def test_iter_inputs_yields_text_or_error(tmp_path: Path) -> None:
    write(tmp_path / "1.txt", TEXT)
    write(tmp_path / "2.txt", b"")
    write(tmp_path / "3.txt", b"\x00\x00")
    got = list(iter_inputs([tmp_path]))
    assert got[0] == (str(tmp_path / "1.txt"), TEXT)
    assert isinstance(got[1][1], EmptyTextError)
    assert isinstance(got[2][1], InputError)
    assert len(got) == 3


# --- properties -------------------------------------------------------------------------------


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")))
def test_decoding_utf8_round_trips_or_raises_a_factbox_error(text: str) -> None:
    try:
        got = decode(text.encode("utf-8"), "t")
    except FactboxError as e:
        assert str(e).startswith("t: ")
        # only blank texts, a leading BOM-only text or a binary signature are refused
        assert not text.lstrip("\ufeff").strip() or binary_kind(text.encode()) is not None
        return
    expected = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    assert got == expected
