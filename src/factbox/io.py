"""Reading inputs: files, directories and standard input, as text or as a clear error.

Rules (full text in ``docs/errors.md``):

* ``"-"`` is standard input (shown as ``<stdin>`` in messages and output).
* A directory is walked recursively; the text files in it are taken in sorted order
  (path components compared by code point). A file counts as text when its suffix is one of
  :data:`TEXT_SUFFIXES` (case-insensitive) or it has no suffix. Hidden files and directories
  (name starting with ``.``) are skipped, and symbolic links to directories are not followed.
  A file named explicitly is read whatever its suffix.
* Bytes are decoded as UTF-8; a UTF-8 byte-order mark is removed, and a UTF-16 or UTF-32
  byte-order mark selects that encoding. There is no silent fallback to another encoding (a
  wrong guess would change the counts without a word): undecodable bytes are an error naming
  the offset, unless the caller names the encoding (``encoding="cp1252"``).
* Line ends are normalised to ``\\n`` (as Python's text mode does).
* Binary files (a known file signature, or a NUL byte in the first 8 KiB) are an error.
* An empty file, or one with only white space, raises :class:`~factbox.errors.EmptyTextError`.

Every problem raises a :class:`~factbox.errors.FactboxError` whose message is one line of the
form ``PATH: problem``.
"""

from __future__ import annotations

import codecs
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from factbox.errors import ConfigError, EmptyTextError, FactboxError, InputError

STDIN = "-"
STDIN_NAME = "<stdin>"

#: File suffixes taken as text when a directory is walked (plus files without a suffix).
TEXT_SUFFIXES: frozenset[str] = frozenset(
    {".txt", ".text", ".md", ".markdown", ".rst", ".html", ".htm", ".xhtml"}
)

_SNIFF = 8192

# File signatures of common binary formats people point a text tool at by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (or .docx/.odt/.epub)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Microsoft Office document (.doc/.xls)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"{\\rtf", "an RTF document"),
)

# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True, slots=True)
class Source:
    """One input after expanding directories: a path to read, or the error found for it.

    path:  the path as given or found in a directory (``"-"`` for standard input)
    error: why the input cannot be read (a missing file, a directory without text files);
           ``None`` when it should be read
    """

    path: str
    error: FactboxError | None = None

    @property
    def name(self) -> str:
        """The name used in messages and output (``<stdin>`` for ``"-"``)."""
        return display_name(self.path)


def display_name(path: str | os.PathLike[str]) -> str:
    """How an input is named in messages: the path as given, ``<stdin>`` for ``"-"``."""
    p = os.fspath(path)
    return STDIN_NAME if p == STDIN else p


def is_text_name(name: str) -> bool:
    """Whether a file met while walking a directory is taken as text (by its name only)."""
    if name.startswith("."):
        return False
    suffix = os.path.splitext(name)[1]
    return suffix == "" or suffix.lower() in TEXT_SUFFIXES


def expand(paths: Iterable[str | os.PathLike[str]]) -> list[Source]:
    """Expand directories into their text files, in order; keep files and ``"-"`` as given.

    A path that does not exist, or a directory with no text file in it, becomes a
    :class:`Source` carrying the error, so that a run over many inputs can report it in its
    place and go on.
    """
    out: list[Source] = []
    for raw in paths:
        path = os.fspath(raw)
        if path == STDIN:
            out.append(Source(path))
            continue
        try:
            st = os.stat(path)
        except FileNotFoundError:
            out.append(Source(path, InputError(f"{path}: no such file or directory")))
            continue
        except OSError as exc:
            out.append(Source(path, InputError(f"{path}: cannot read ({_os_reason(exc)})")))
            continue
        if stat.S_ISDIR(st.st_mode):
            found = walk(path)
            if found:
                out.extend(Source(p) for p in found)
            else:
                suffixes = ", ".join(sorted(TEXT_SUFFIXES))
                out.append(
                    Source(
                        path,
                        InputError(
                            f"{path}: directory has no text files "
                            f"(looked for {suffixes} and files without a suffix)"
                        ),
                    )
                )
        else:
            out.append(Source(path))
    return out


def walk(directory: str | os.PathLike[str]) -> list[str]:
    """The text files under ``directory``, recursively, sorted component by component."""
    found: list[tuple[tuple[str, ...], str]] = []
    root = os.fspath(directory)
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if not is_text_name(name):
                continue
            full = os.path.join(dirpath, name)
            if not os.path.isfile(full):  # broken links, sockets, fifos
                continue
            rel = os.path.relpath(full, root)
            found.append((Path(rel).parts, full))
    found.sort()
    return [full for _, full in found]


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The raw bytes of a file or of standard input; :class:`InputError` if unreadable."""
    p = os.fspath(path)
    if p == STDIN:
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:  # a text-only stdin (e.g. replaced in tests)
            return sys.stdin.read().encode("utf-8")
        return stream.read()
    try:
        with open(p, "rb") as fh:
            return fh.read()
    except FileNotFoundError:
        raise InputError(f"{p}: no such file or directory") from None
    except IsADirectoryError:
        raise InputError(f"{p}: is a directory") from None
    except PermissionError:
        raise InputError(f"{p}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({_os_reason(exc)})") from None


def decode(data: bytes, name: str = STDIN_NAME, *, encoding: str | None = None) -> str:
    """Decode the bytes of input ``name`` to text by the rules in the module docstring.

    Raises :class:`InputError` for binary or undecodable bytes, :class:`EmptyTextError` for
    an empty or white-space-only text, and :class:`ConfigError` for an unknown ``encoding``.
    """
    if encoding is not None:
        try:
            canonical = codecs.lookup(encoding).name
        except LookupError:
            raise ConfigError(f"unknown encoding {encoding!r}") from None
        if canonical == "utf-8":
            encoding = "utf-8-sig"
    if not data:
        raise EmptyTextError(f"{name}: empty file, no text")
    head = data[:_SNIFF]
    if encoding is None:
        encoding = "utf-8"
        for bom, enc in _BOMS:
            if head.startswith(bom):
                encoding = enc
                break
    if not encoding.startswith("utf-16") and not encoding.startswith("utf-32"):
        kind = binary_kind(head)
        if kind is not None:
            raise InputError(f"{name}: binary file ({kind}), not text; convert it to text first")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: {_decode_problem(data, exc, encoding)}") from None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        if text:
            raise EmptyTextError(f"{name}: only white space, no text")
        raise EmptyTextError(f"{name}: empty file, no text")
    return text


def read_text(path: str | os.PathLike[str], *, encoding: str | None = None) -> str:
    """Read a file (or standard input for ``"-"``) as text.

    Raises :class:`InputError` (missing, unreadable, a directory, binary, undecodable) or
    :class:`EmptyTextError` (empty or white space only), each with a one-line message that
    names the input and the problem.

    >>> read_text("no/such/file.txt")
    Traceback (most recent call last):
    factbox.errors.InputError: no/such/file.txt: no such file or directory
    """
    return decode(read_bytes(path), display_name(path), encoding=encoding)


def iter_inputs(
    paths: Iterable[str | os.PathLike[str]], *, encoding: str | None = None
) -> Iterator[tuple[str, str | FactboxError]]:
    """For each input after expanding directories: ``(name, text)`` or ``(name, error)``.

    Errors are yielded, not raised, so a caller can report a bad input and go on.
    """
    for src in expand(paths):
        if src.error is not None:
            yield src.name, src.error
            continue
        try:
            yield src.name, read_text(src.path, encoding=encoding)
        except FactboxError as exc:
            yield src.name, exc


def binary_kind(head: bytes) -> str | None:
    """What binary format the first bytes of a file show, or ``None`` if they look like text."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if b"\x00" in head:
        return "contains NUL bytes"
    return None


def _decode_problem(data: bytes, exc: UnicodeDecodeError, encoding: str) -> str:
    line = data.count(b"\n", 0, exc.start) + 1
    bad = data[exc.start : exc.start + 1].hex()
    enc = "UTF-8" if encoding in ("utf-8", "utf-8-sig") else encoding
    hint = ""
    if enc == "UTF-8":
        try:
            data.decode("cp1252")
            hint = "; if it is Windows text, give its encoding (--encoding cp1252)"
        except UnicodeDecodeError:
            hint = "; re-save it as UTF-8 or give its encoding (--encoding latin-1)"
    return f"not valid {enc} (byte 0x{bad} at offset {exc.start}, line {line}){hint}"


def _os_reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__
