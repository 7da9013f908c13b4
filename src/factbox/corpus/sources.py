"""Readers for ingest inputs: files, folders, .zip, .tar(.gz), JSONL and WARC, with safety checks.

:func:`iter_sources` streams :class:`Item` (one document to clean and profile) and
:class:`Failure` (one input that cannot be read) in a deterministic order (folders are walked
in sorted order), holding at most one document in memory at a time. Nothing is ever extracted
to disk. Archive members with absolute or ``..`` paths are refused (zip-slip), and so are
members or archives that exceed :class:`Limits` (decompression bombs); the limits are checked
against the bytes actually decompressed, not only against the archive's own headers.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import re
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

from factbox.corpus.errors import SourceError

MiB = 1024 * 1024

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
ZIP_SUFFIXES = (".zip",)
TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz")
WARC_SUFFIXES = (".warc", ".warc.gz")
SUPPORTED = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + ZIP_SUFFIXES + TAR_SUFFIXES
SUPPORTED += WARC_SUFFIXES


@dataclass(frozen=True, slots=True)
class Limits:
    """Caps that protect ingest from huge or malicious inputs (all documented in docs/corpus.md).

    max_document_bytes: one document (file, archive member, JSONL line, WARC payload).
    max_archive_bytes:  total bytes decompressed from one archive.
    max_ratio:          decompressed / compressed size, checked once more than
                        ``ratio_floor_bytes`` have been decompressed (news text compresses about
                        3-10×; a bomb compresses 1,000× or more).
    max_members:        members read from one archive.
    """

    max_document_bytes: int = 64 * MiB
    max_archive_bytes: int = 2048 * MiB
    max_ratio: float = 100.0
    ratio_floor_bytes: int = 1 * MiB
    max_members: int = 1_000_000


@dataclass(frozen=True, slots=True)
class Item:
    """One document to ingest.

    source_key:   its identity (with the raw text's hash, the idempotency key of ingest)
    path:         where it came from, for people: ``file``, ``archive.zip!member``, ``f.jsonl:12``
    text:         the raw text (decoded)
    kind:         how to clean it: ``text``, ``html`` or ``auto``
    input_format: ``text``, ``html``, ``jsonl`` or ``warc``
    url:          its URL when known (JSONL ``url`` field, WARC target URI)
    meta:         other fields (JSONL fields but the text, WARC headers)
    """

    source_key: str
    path: str
    text: str
    kind: str
    input_format: str
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Failure:
    """One input that could not be read; ingest records it and goes on."""

    source_key: str
    path: str
    stage: str
    message: str


Source = Item | Failure


def iter_sources(
    paths: list[str | Path] | tuple[str | Path, ...],
    *,
    text_field: str = "text",
    limits: Limits | None = None,
    on_ignored: Callable[[str], None] | None = None,
) -> Iterator[Source]:
    """Stream every document under ``paths`` (files, folders, archives, JSONL, WARC).

    In folders, hidden files and files of other types are passed over (``on_ignored`` is called
    with each such path); a file named explicitly with an unknown extension is read as text.
    """
    lim = limits or Limits()
    ignore = on_ignored or _nothing
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for f in _walk(path):
                if suffix_of(f.name) in SUPPORTED:
                    yield from _file(f, text_field, lim, ignore=ignore)
                else:
                    ignore(str(f))
        elif path.exists():
            yield from _file(path, text_field, lim, explicit=True, ignore=ignore)
        else:
            key = str(path.absolute())
            yield Failure(key, str(p), "read", f"{p}: no such file or folder")


def _nothing(_path: str) -> None:
    pass


def _walk(root: Path) -> Iterator[Path]:
    """Files under ``root`` in sorted order, skipping hidden files and folders."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name


def suffix_of(name: str) -> str:
    low = name.lower()
    for suf in (".tar.gz", ".warc.gz"):
        if low.endswith(suf):
            return suf
    return os.path.splitext(low)[1]


def _file(
    path: Path,
    text_field: str,
    lim: Limits,
    *,
    explicit: bool = False,
    ignore: Callable[[str], None] = _nothing,
) -> Iterator[Source]:
    key = str(path.absolute())
    shown = str(path)
    suf = suffix_of(path.name)
    try:
        if suf in ZIP_SUFFIXES:
            yield from _zip(path, key, shown, text_field, lim, ignore=ignore)
        elif suf in TAR_SUFFIXES:
            yield from _tar(path, key, shown, text_field, lim, ignore=ignore)
        elif suf in WARC_SUFFIXES:
            yield from _warc(path, key, shown, lim)
        elif suf in JSONL_SUFFIXES:
            with open(path, "rb") as fh:
                yield from _jsonl(fh, key, shown, text_field, lim)
        elif suf in TEXT_SUFFIXES or suf in HTML_SUFFIXES or explicit:
            size = path.stat().st_size
            if size > lim.max_document_bytes:
                raise SourceError(f"{shown}: {size} bytes is over the {lim.max_document_bytes} "
                                  "byte limit for one document")
            yield _document(path.read_bytes(), key, shown, suf)
        else:  # pragma: no cover - folders pass only supported types
            raise SourceError(f"{shown}: unsupported file type {suf or '(no extension)'}")
    except SourceError as err:
        yield Failure(key, shown, err.stage, str(err))
    except OSError as err:
        yield Failure(key, shown, "read", f"{shown}: cannot read: {err.strerror or err}")
    except Exception as err:  # a reader bug must not stop the other inputs
        yield Failure(key, shown, "read", f"{shown}: unexpected error while reading (please "
                      f"report it): {type(err).__name__}: {err}")


def _document(data: bytes, key: str, shown: str, suf: str, url: str | None = None) -> Item:
    if suf in HTML_SUFFIXES:
        return Item(key, shown, decode_html(data, shown), "html", "html", url)
    text, encoding = decode_text(data, shown)
    meta = {} if encoding == "utf-8" else {"encoding": encoding}
    return Item(key, shown, text, "text", "text", url, meta)


def decode_text(data: bytes, shown: str) -> tuple[str, str]:
    """(text, encoding): UTF-8 (a BOM is dropped), else Windows-1252 if every byte is defined
    there (older Western files: curly quotes as 0x92 etc.); anything else is refused."""
    if b"\x00" in data[:8192]:
        raise SourceError(f"{shown}: binary file (NUL bytes), not text", stage="decode")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as err:
        pos = err.start
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        raise SourceError(
            f"{shown}: neither UTF-8 nor Windows-1252 text (bad byte at offset {pos}); "
            "convert it to UTF-8",
            stage="decode",
        ) from None


_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def decode_html(data: bytes, shown: str, declared: str | None = None) -> str:
    """UTF-8 first; else the charset declared (HTTP header or ``<meta>``); else Windows-1252."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    m = _CHARSET.search(data[:4096])
    for cs in (declared, m.group(1).decode("ascii") if m else None, "cp1252"):
        if not cs:
            continue
        try:
            codecs.lookup(cs)
            return data.decode(cs, errors="replace")
        except LookupError:
            continue
    return data.decode("cp1252", errors="replace")  # pragma: no cover


def _lines(fh: BinaryIO, cap: int) -> Iterator[tuple[bytes, bool]]:
    """Lines of at most ``cap`` bytes, and whether the line was longer (then it is skipped to
    its end without holding it in memory)."""
    while True:
        line = fh.readline(cap + 1)
        if not line:
            return
        if len(line) > cap and not line.endswith(b"\n"):
            while True:  # drain the rest of the over-long line
                rest = fh.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield b"", True
        else:
            yield line, False


def _jsonl(fh: BinaryIO, key: str, shown: str, text_field: str, lim: Limits) -> Iterator[Source]:
    for lineno, (line, too_long) in enumerate(_lines(fh, lim.max_document_bytes), start=1):
        k, s = f"{key}#L{lineno}", f"{shown}:{lineno}"
        if too_long:
            msg = f"{s}: line is over the {lim.max_document_bytes} byte limit"
            yield Failure(k, s, "read", msg)
            continue
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except (UnicodeDecodeError, json.JSONDecodeError) as err:
            yield Failure(k, s, "decode", f"{s}: not valid JSON ({err})")
            continue
        if not isinstance(rec, dict):
            msg = f"{s}: a JSON object was expected, not {type(rec).__name__}"
            yield Failure(k, s, "decode", msg)
            continue
        text = rec.pop(text_field, None)
        if not isinstance(text, str):
            have = ", ".join(sorted(rec)[:8]) or "none"
            yield Failure(
                k, s, "decode",
                f"{s}: no string field {text_field!r} (fields: {have}); "
                "choose one with --text-field",
            )
            continue
        url = rec.get("url") if isinstance(rec.get("url"), str) else None
        yield Item(k, s, text, "auto", "jsonl", url, rec)


def _check_member_name(name: str, shown: str) -> None:
    pure = PurePosixPath(name.replace("\\", "/"))
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        raise SourceError(f"{shown}: refused: absolute path in archive (zip-slip)", stage="archive")
    if ".." in pure.parts:
        raise SourceError(f"{shown}: refused: '..' in archive path (zip-slip)", stage="archive")


def _member(data: bytes, key: str, shown: str, text_field: str, lim: Limits) -> Iterator[Source]:
    suf = suffix_of(shown)
    if suf in JSONL_SUFFIXES:
        yield from _jsonl(io.BytesIO(data), key, shown, text_field, lim)
    elif suf in TEXT_SUFFIXES or suf in HTML_SUFFIXES:
        try:
            yield _document(data, key, shown, suf)
        except SourceError as err:
            yield Failure(key, shown, err.stage, str(err))
    elif suf in ZIP_SUFFIXES + TAR_SUFFIXES + WARC_SUFFIXES:
        yield Failure(key, shown, "archive", f"{shown}: archives inside archives are not opened")
    else:
        yield Failure(key, shown, "read", f"{shown}: unsupported file type {suf or '(none)'}")


MEMBER_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + ZIP_SUFFIXES + TAR_SUFFIXES
MEMBER_SUFFIXES += WARC_SUFFIXES


def _passed_over(name: str) -> bool:
    """Archive members not read: hidden files, macOS resource forks, other file types."""
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if any(p.startswith(".") and p not in (".", "..") for p in parts) or "__MACOSX" in parts:
        return True
    return suffix_of(name) not in MEMBER_SUFFIXES


def _zip(
    path: Path, key: str, shown: str, text_field: str, lim: Limits, *,
    ignore: Callable[[str], None],
) -> Iterator[Source]:
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, EOFError) as err:
        raise SourceError(f"{shown}: corrupt zip archive ({err})", stage="archive") from None
    total = 0
    with zf:
        for n, info in enumerate(zf.infolist()):
            if info.is_dir():
                continue
            mkey, mshown = f"{key}!{info.filename}", f"{shown}!{info.filename}"
            if n >= lim.max_members:
                raise SourceError(f"{shown}: more than {lim.max_members} members", stage="archive")
            try:
                _check_member_name(info.filename, mshown)
                if _passed_over(info.filename):
                    ignore(mshown)
                    continue
                if info.file_size > lim.max_document_bytes:
                    raise SourceError(
                        f"{mshown}: refused: {info.file_size} bytes uncompressed is over the "
                        f"{lim.max_document_bytes} byte limit (decompression bomb?)",
                        stage="archive",
                    )
                _check_ratio(info.file_size, info.compress_size, lim, mshown)
                data = _read_capped(zf.open(info), lim.max_document_bytes, mshown)
                _check_ratio(len(data), info.compress_size, lim, mshown)
            except SourceError as err:
                yield Failure(mkey, mshown, err.stage, str(err))
                continue
            except RuntimeError as err:  # zipfile: "File ... is encrypted, password required"
                yield Failure(mkey, mshown, "archive", f"{mshown}: cannot read ({err})")
                continue
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as err:
                yield Failure(mkey, mshown, "archive", f"{mshown}: corrupt member ({err})")
                continue
            total += len(data)
            if total > lim.max_archive_bytes:
                raise SourceError(
                    f"{shown}: refused after {total} bytes: over the {lim.max_archive_bytes} "
                    "byte limit for one archive (decompression bomb?)",
                    stage="archive",
                )
            yield from _member(data, mkey, mshown, text_field, lim)


def _check_ratio(size: int, compressed: int, lim: Limits, shown: str) -> None:
    if size > lim.ratio_floor_bytes and size > lim.max_ratio * max(compressed, 1):
        raise SourceError(
            f"{shown}: refused: compression ratio {size / max(compressed, 1):.0f}:1 is over the "
            f"{lim.max_ratio:.0f}:1 limit (decompression bomb?)",
            stage="archive",
        )


def _read_capped(fh: BinaryIO, cap: int, shown: str) -> bytes:
    with fh:
        data = fh.read(cap + 1)
    if len(data) > cap:
        raise SourceError(
            f"{shown}: refused: more than {cap} bytes decompressed (decompression bomb?)",
            stage="archive",
        )
    return data


class _CountingReader(io.RawIOBase):
    """Counts the compressed bytes a decompressor has consumed."""

    def __init__(self, fh: BinaryIO) -> None:
        self._fh = fh
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        n = self._fh.readinto(b)  # type: ignore[attr-defined]
        self.count += n or 0
        return n or 0


def _tar(
    path: Path, key: str, shown: str, text_field: str, lim: Limits, *,
    ignore: Callable[[str], None],
) -> Iterator[Source]:
    with open(path, "rb") as raw:
        counter = _CountingReader(raw)
        try:
            tf = tarfile.open(fileobj=io.BufferedReader(counter), mode="r|*")  # noqa: SIM115
        except (tarfile.TarError, zlib.error, EOFError, OSError) as err:
            raise SourceError(f"{shown}: corrupt tar archive ({err})", stage="archive") from None
        n = 0
        try:
            with tf:
                for info in tf:
                    n += 1
                    if n > lim.max_members:
                        raise SourceError(
                            f"{shown}: more than {lim.max_members} members", stage="archive"
                        )
                    mkey, mshown = f"{key}!{info.name}", f"{shown}!{info.name}"
                    if info.isdir():
                        continue
                    # the stream cannot skip a member without decompressing it, so the archive
                    # limits are checked first, on every member, and stop the whole archive
                    end = info.offset_data + info.size
                    if end > lim.max_archive_bytes:
                        raise SourceError(
                            f"{shown}: refused at {mshown}: over the {lim.max_archive_bytes} byte "
                            "limit for one archive (decompression bomb?)",
                            stage="archive",
                        )
                    _check_ratio(end, counter.count, lim, f"{shown} (at {info.name})")
                    try:
                        _check_member_name(info.name, mshown)
                        if _passed_over(info.name):
                            ignore(mshown)
                            continue
                        if not info.isfile():
                            raise SourceError(
                                f"{mshown}: links and special files are not followed",
                                stage="archive",
                            )
                        if info.size > lim.max_document_bytes:
                            raise SourceError(
                                f"{mshown}: refused: {info.size} bytes is over the "
                                f"{lim.max_document_bytes} byte limit (decompression bomb?)",
                                stage="archive",
                            )
                    except SourceError as err:
                        yield Failure(mkey, mshown, err.stage, str(err))
                        continue
                    fh = tf.extractfile(info)
                    data = fh.read() if fh else b""
                    _check_ratio(end, counter.count, lim, f"{shown} (at {info.name})")
                    yield from _member(data, mkey, mshown, text_field, lim)
        except (tarfile.TarError, zlib.error, EOFError, OSError) as err:
            raise SourceError(
                f"{shown}: corrupt tar archive after {n} members ({err}); the members before "
                "were ingested",
                stage="archive",
            ) from None


_WARC_TYPES = ("response", "resource")


def _warc(path: Path, key: str, shown: str, lim: Limits) -> Iterator[Source]:
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError:  # pragma: no cover - warcio is a core dependency
        raise SourceError(f"{shown}: reading WARC needs warcio (pip install warcio)") from None
    with open(path, "rb") as fh:
        n = 0
        try:
            for rec in ArchiveIterator(fh):
                n += 1
                if rec.rec_type not in _WARC_TYPES:
                    continue
                ctype = ""
                status = None
                if rec.http_headers is not None:
                    ctype = rec.http_headers.get_header("Content-Type") or ""
                    status = rec.http_headers.get_statuscode()
                else:
                    ctype = rec.rec_headers.get_header("Content-Type") or ""
                if status not in (None, "200") or not ctype.startswith(("text/html", "text/plain",
                                                                        "application/xhtml")):
                    continue
                url = rec.rec_headers.get_header("WARC-Target-URI")
                rid = rec.rec_headers.get_header("WARC-Record-ID") or f"record{n}"
                mkey, mshown = f"{key}#{rid}", f"{shown}#{url or rid}"
                data = rec.content_stream().read(lim.max_document_bytes + 1)
                if len(data) > lim.max_document_bytes:
                    yield Failure(mkey, mshown, "read", f"{mshown}: payload over the "
                                  f"{lim.max_document_bytes} byte limit")
                    continue
                meta = {
                    "warc_date": rec.rec_headers.get_header("WARC-Date"),
                    "warc_record_id": rid,
                    "content_type": ctype,
                }
                if "html" in ctype:
                    m = re.search(r"charset=([A-Za-z0-9_.:-]+)", ctype)
                    text = decode_html(data, mshown, m.group(1) if m else None)
                    kind = "html"
                else:
                    try:
                        text, _ = decode_text(data, mshown)
                    except SourceError as err:
                        yield Failure(mkey, mshown, err.stage, str(err))
                        continue
                    kind = "text"
                yield Item(mkey, mshown, text, kind, "warc", url, meta)
        except (ArchiveLoadFailed, zlib.error, EOFError, ValueError) as err:
            raise SourceError(
                f"{shown}: corrupt WARC after {n} records ({err})", stage="archive"
            ) from None
