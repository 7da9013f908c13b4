"""Input readers: folders, JSONL, archives (zip-slip, bombs, corruption), WARC, decoding."""

from __future__ import annotations

import gzip
import io
import json
import tarfile
import zipfile
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from factbox.corpus.sources import Failure, Item, Limits, iter_sources

TEXT = "The harbour office opened the market square on Monday.\n"


def _items(paths: list[Path], **kw: object) -> tuple[list[Item], list[Failure]]:
    out = list(iter_sources(paths, **kw))  # type: ignore[arg-type]
    return [x for x in out if isinstance(x, Item)], [x for x in out if isinstance(x, Failure)]


def test_folder_is_walked_in_sorted_order_skipping_hidden_and_other_types(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(TEXT)
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "c.html").write_text("<p>Hi &amp; bye</p>")
    (tmp_path / ".hidden.txt").write_text(TEXT)
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    ignored: list[str] = []
    items, fails = _items([tmp_path], on_ignored=ignored.append)
    # a folder's own files (sorted) come before its subfolders (sorted)
    assert [Path(i.path).relative_to(tmp_path).as_posix() for i in items] == [
        "a.txt", "c.html", "b/2.txt"
    ]
    assert fails == []
    assert [Path(p).name for p in ignored] == ["photo.png"]
    assert {i.kind for i in items} == {"text", "html"}


def test_explicit_file_without_known_extension_is_read_as_text(tmp_path: Path) -> None:
    f = tmp_path / "README"
    f.write_text(TEXT)
    items, _ = _items([f])
    assert items[0].text == TEXT and items[0].kind == "text"


def test_missing_binary_and_undecodable_files_are_failures(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"abc\x00def")
    (tmp_path / "cp1252.txt").write_bytes("It\u2019s café".encode("cp1252"))
    (tmp_path / "neither.txt").write_bytes(b"abc\x81\x8d")  # undefined in UTF-8 and cp1252
    items, fails = _items([tmp_path, tmp_path / "nope.txt"])
    assert [(i.text, i.meta) for i in items] == [("It\u2019s café", {"encoding": "cp1252"})]
    msgs = sorted(f.message for f in fails)
    assert any("binary file" in m for m in msgs)
    assert any("neither UTF-8 nor Windows-1252 text (bad byte at offset 3)" in m for m in msgs)
    assert any("no such file or folder" in m for m in msgs)


def test_html_charset_is_honoured(tmp_path: Path) -> None:
    page = '<html><head><meta charset="iso-8859-1"></head><body>caf\xe9</body></html>'
    (tmp_path / "p.html").write_bytes(page.encode("latin-1"))
    items, _ = _items([tmp_path / "p.html"])
    assert "café" in items[0].text


def test_jsonl_text_field_metadata_and_bad_lines(tmp_path: Path) -> None:
    f = tmp_path / "dump.jsonl"
    lines = [
        json.dumps({"body": TEXT, "title": "Harbour", "url": "https://example.org/a", "n": 1}),
        "{not json",
        json.dumps({"title": "no body"}),
        "",
        json.dumps([1, 2]),
        json.dumps({"body": "Second text here."}),
    ]
    f.write_text("\n".join(lines) + "\n")
    items, fails = _items([f], text_field="body")
    assert [i.path for i in items] == [f"{f}:1", f"{f}:6"]
    assert items[0].meta == {"title": "Harbour", "url": "https://example.org/a", "n": 1}
    assert items[0].url == "https://example.org/a" and items[0].kind == "auto"
    assert [x.path for x in fails] == [f"{f}:2", f"{f}:3", f"{f}:5"]
    assert "no string field 'body'" in fails[1].message and "--text-field" in fails[1].message


def _zip(path: Path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)


def test_zip_members_read_and_zip_slip_refused(tmp_path: Path) -> None:
    z = tmp_path / "in.zip"
    _zip(z, {
        "ok/a.txt": TEXT.encode(),
        "../evil.txt": b"escape",
        "/etc/evil.txt": b"absolute",
        "ok/../../x.txt": b"sneaky",
        "ok/b.html": b"<p>Hello</p>",
        "nested.zip": b"PK",
    })
    items, fails = _items([z])
    assert [i.path for i in items] == [f"{z}!ok/a.txt", f"{z}!ok/b.html"]
    slip = [f for f in fails if "zip-slip" in f.message]
    assert len(slip) == 3
    assert any("absolute path" in f.message for f in slip)
    assert any("archives inside archives" in f.message for f in fails)


def test_zip_bomb_refused_by_ratio_and_size(tmp_path: Path) -> None:
    z = tmp_path / "bomb.zip"
    # 5 MiB of zeros deflates to about 5 KiB: ratio ~1000:1
    _zip(z, {"bomb.txt": b"\0" * (5 << 20), "fine.txt": TEXT.encode()})
    items, fails = _items([z])
    assert [i.path for i in items] == [f"{z}!fine.txt"]
    assert len(fails) == 1 and "compression ratio" in fails[0].message
    # a size cap below the member's size refuses it even if the ratio is modest
    items, fails = _items([z], limits=Limits(max_document_bytes=10))
    assert items == [] and all("byte limit" in f.message or "ratio" in f.message for f in fails)


def test_zip_archive_total_cap(tmp_path: Path) -> None:
    z = tmp_path / "many.zip"
    _zip(z, {f"{i}.txt": TEXT.encode() for i in range(10)})
    items, fails = _items([z], limits=Limits(max_archive_bytes=len(TEXT) * 3))
    assert len(items) == 3
    assert len(fails) == 1 and "limit for one archive" in fails[0].message


def test_corrupt_zip_reported_and_the_rest_read(tmp_path: Path) -> None:
    (tmp_path / "a_bad.zip").write_bytes(b"PK\x03\x04 this is not really a zip file")
    (tmp_path / "b.txt").write_text(TEXT)
    items, fails = _items([tmp_path])
    assert [Path(i.path).name for i in items] == ["b.txt"]
    assert len(fails) == 1 and "corrupt zip archive" in fails[0].message


def _tar(path: Path, members: dict[str, bytes]) -> None:
    with tarfile.open(path, "w:gz") as tf:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))


def test_tar_gz_members_slip_and_truncation(tmp_path: Path) -> None:
    t = tmp_path / "in.tar.gz"
    _tar(t, {"a.txt": TEXT.encode(), "../up.txt": b"x", "/abs.txt": b"y",
             "b.jsonl": json.dumps({"text": TEXT}).encode()})
    items, fails = _items([t])
    assert [i.path for i in items] == [f"{t}!a.txt", f"{t}!b.jsonl:1"]
    assert len(fails) == 2 and all("zip-slip" in f.message for f in fails)
    # a truncated archive: members before the damage are read, then one failure
    big = tmp_path / "big.tar.gz"
    _tar(big, {f"{i:03}.txt": (TEXT * 50 + str(i)).encode() for i in range(40)})
    cut = tmp_path / "cut.tar.gz"
    cut.write_bytes(big.read_bytes()[: big.stat().st_size // 2])
    items, fails = _items([cut])
    assert 0 < len(items) < 40
    assert len(fails) == 1 and "corrupt tar archive" in fails[0].message


def test_tar_gz_bomb_stops_the_archive(tmp_path: Path) -> None:
    t = tmp_path / "bomb.tgz"
    _tar(t, {"a.txt": TEXT.encode(), "zeros.txt": b"\0" * (5 << 20), "c.txt": TEXT.encode()})
    items, fails = _items([t])
    assert [Path(i.path).name for i in items] == ["bomb.tgz!a.txt"]
    assert len(fails) == 1 and "decompression bomb" in fails[0].message


def test_not_gzip_tar_is_reported(tmp_path: Path) -> None:
    t = tmp_path / "x.tar.gz"
    t.write_bytes(gzip.compress(b"not a tar header at all" * 40))
    items, fails = _items([t])
    assert items == [] and len(fails) == 1 and "corrupt tar archive" in fails[0].message


def test_warc_responses_are_read(tmp_path: Path) -> None:
    w = tmp_path / "crawl.warc.gz"
    with open(w, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, ctype, status, body in [
            ("https://news.example/a", "text/html; charset=utf-8", "200 OK",
             b"<html><body><p>Caf\xc3\xa9 opens.</p></body></html>"),
            ("https://news.example/logo.png", "image/png", "200 OK", b"\x89PNG"),
            ("https://news.example/gone", "text/html", "404 Not Found", b"<p>missing</p>"),
        ]:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                            http_headers=headers)
            writer.write_record(rec)
    items, fails = _items([w])
    assert fails == []
    assert len(items) == 1
    assert items[0].url == "https://news.example/a" and "Café" in items[0].text
    assert items[0].input_format == "warc" and items[0].meta["warc_date"]


def test_jsonl_over_long_line_is_skipped_without_reading_it_whole(tmp_path: Path) -> None:
    f = tmp_path / "d.jsonl"
    long_line = json.dumps({"text": "word " * 400})  # 2,000+ bytes
    f.write_text(json.dumps({"text": "short"}) + "\n" + long_line + "\n"
                 + json.dumps({"text": "after"}) + "\n")
    items, fails = _items([f], limits=Limits(max_document_bytes=100))
    assert [i.text for i in items] == ["short", "after"]
    assert [x.path for x in fails] == [f"{f}:2"] and "byte limit" in fails[0].message


def test_archives_pass_over_hidden_resource_forks_and_other_types(tmp_path: Path) -> None:
    z = tmp_path / "mac.zip"
    _zip(z, {"a.txt": TEXT.encode(), "__MACOSX/._a.txt": b"\x00\x05\x16\x07",
             ".DS_Store": b"\x00\x00", "img/photo.png": b"\x89PNG"})
    t = tmp_path / "t.tgz"
    _tar(t, {"a.txt": TEXT.encode(), "logo.png": b"\x89PNG", ".hidden.txt": TEXT.encode()})
    ignored: list[str] = []
    items, fails = _items([z, t], on_ignored=ignored.append)
    assert [i.path for i in items] == [f"{z}!a.txt", f"{t}!a.txt"]
    assert fails == []
    assert len(ignored) == 5


def test_tar_bomb_with_an_ignored_name_still_stops_the_archive(tmp_path: Path) -> None:
    t = tmp_path / "bomb.tgz"
    _tar(t, {"a.txt": TEXT.encode(), "zeros.bin": b"\0" * (5 << 20), "c.txt": TEXT.encode()})
    items, fails = _items([t])
    assert [Path(i.path).name for i in items] == ["bomb.tgz!a.txt"]
    assert len(fails) == 1 and "decompression bomb" in fails[0].message


def test_encrypted_zip_member_is_reported(tmp_path: Path) -> None:
    z = tmp_path / "enc.zip"
    _zip(z, {"a.txt": TEXT.encode(), "b.txt": TEXT.encode()})
    data = bytearray(z.read_bytes())
    # set the "encrypted" flag (bit 0) in b.txt's local and central headers
    for sig in (b"PK\x03\x04", b"PK\x01\x02"):
        pos = -1
        for _ in range(2):
            pos = data.find(sig, pos + 1)
        flag_at = pos + (6 if sig == b"PK\x03\x04" else 8)
        data[flag_at] |= 1
    z.write_bytes(bytes(data))
    items, fails = _items([z])
    assert [i.path for i in items] == [f"{z}!a.txt"]
    assert len(fails) == 1 and "cannot read" in fails[0].message
