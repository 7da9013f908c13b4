"""The ``factbox`` command line: output formats, bad inputs, exit codes, parallel runs, docs."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from factbox.cli import cli, profile_cmd
from factbox.io import Source
from factbox.level import format_estimate
from factbox.profile import profile

ROOT = Path(__file__).resolve().parents[1]

# Hand-checked text: 2 sentences, 9 tokens, 8 types ("the" twice), all words one syllable in
# the CMU dictionary except "happy" (2) → 10 syllables.
# Flesch–Kincaid = 0.39·(9/2) + 11.8·(10/9) − 15.59 = 1.755 + 13.1111 − 15.59 = −0.7239
# TTR = 8/9 = 0.889
CAT = "The cat sat on the mat. It was happy.\n"

# The box ends with the learned estimate (its values are pinned in tests/test_level.py).
def _estimate(text: str) -> str:
    box = profile(text)
    return format_estimate(box.grade, box.cefr) + "\n"


CAT_BOX = "Fact Box\nLevel: -0.724\nTokens: 9\nTypes: 8\nTTR: 0.889\n" + _estimate(CAT)
# 2 sentences, 8 tokens, 8 types; syllables 1+1+2+1+1 + 1+1+1 = 9 ("loudly" 2)
# FK = 0.39·4 + 11.8·9/8 − 15.59 = 1.56 + 13.275 − 15.59 = −0.755; TTR = 1.000
DOGS = "Dogs bark loudly at night. Cats do not.\n"
DOGS_BOX = "Fact Box\nLevel: -0.755\nTokens: 8\nTypes: 8\nTTR: 1.000\n" + _estimate(DOGS)


def invoke(*args: str | os.PathLike[str], input: str | bytes | None = None):
    return CliRunner().invoke(cli, [os.fspath(a) for a in args], input=input)


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    """A directory of good and bad inputs, written here (no shared data)."""
    spec: dict[str, bytes] = {
        "cat.txt": CAT.encode(),
        "dogs.md": DOGS.encode(),
        "empty.txt": b"",
        "blank.txt": b" \n\t \n",
        "report.pdf.txt": b"%PDF-1.4\n1 0 obj\n",
        "nul.txt": b"abc\x00def",
        "win.txt": b"Caf\xe9 society met again.",
        "chinese.txt": "中文新闻。".encode(),
    }
    out = {}
    for name, data in spec.items():
        p = tmp_path / name
        p.write_bytes(data)
        out[name] = p
    return out


# --- the box ----------------------------------------------------------------------------------


def test_one_file_prints_the_seed_layout(files: dict[str, Path]) -> None:
    r = invoke(files["cat.txt"])
    assert (r.exit_code, r.stdout, r.stderr) == (0, CAT_BOX, "")


def test_explicit_profile_subcommand_is_the_same(files: dict[str, Path]) -> None:
    assert invoke("profile", files["cat.txt"]).stdout == CAT_BOX


def test_several_files_get_a_header_each(files: dict[str, Path]) -> None:
    r = invoke(files["cat.txt"], files["dogs.md"])
    assert r.exit_code == 0
    assert r.stdout == (
        f"==> {files['cat.txt']} <==\n{CAT_BOX}\n==> {files['dogs.md']} <==\n{DOGS_BOX}"
    )


def test_stdin(files: dict[str, Path]) -> None:
    r = invoke("-", input=CAT)
    assert (r.exit_code, r.stdout) == (0, CAT_BOX)
    r = invoke(files["dogs.md"], "-", input=CAT)
    assert "==> <stdin> <==\n" + CAT_BOX in r.stdout


def test_all_adds_every_measure_with_reasons(files: dict[str, Path]) -> None:
    r = invoke("--all", files["cat.txt"])
    assert r.exit_code == 0
    assert r.stdout.startswith(CAT_BOX + "Syllable method: cmudict\n")
    for section in ("\nCounts\n", "\nReadability\n", "\nDiversity\n"):
        assert section in r.stdout
    assert re.search(r"\n  Sentences: +2\n", r.stdout)
    assert re.search(r"\n  Syllables: +10\n", r.stdout)
    assert re.search(r"\n  Flesch–Kincaid grade: +-0\.724\n", r.stdout)
    # no Spache list configured: n/a with the reason from FactBox.notes
    assert re.search(r"\n  Spache \(revised\): +n/a \(no Spache word list", r.stdout)


def test_syllable_method_pyphen_changes_the_level(files: dict[str, Path]) -> None:
    cmu = json.loads(invoke("--json", files["cat.txt"]).stdout)
    pyp = json.loads(invoke("--json", "--syllable-method", "pyphen", files["cat.txt"]).stdout)
    assert (cmu["syllable_method"], pyp["syllable_method"]) == ("cmudict", "pyphen")
    # pyphen: "hap-py" is still 2, so the numbers agree on this text; the option reached profile
    assert pyp["counts"]["syllables"] == 10


def test_profile_options_reach_the_config(monkeypatch: pytest.MonkeyPatch, files: Path) -> None:
    seen = []
    real = profile_cmd.profile

    def spy(text, *, config):  # type: ignore[no-untyped-def]
        seen.append(config)
        return real(text, config=config)

    monkeypatch.setattr(profile_cmd, "profile", spy)
    r = invoke(
        "-j1",
        "--mattr-window=10",
        "--msttr-segment=20",
        "--mtld-threshold=0.5",
        "--hdd-draws=7",
        "--syllable-method=pyphen",
        files["cat.txt"],  # type: ignore[index]
    )
    assert r.exit_code == 0, r.output
    cfg = seen[-1]
    assert (cfg.mattr_window, cfg.msttr_segment, cfg.mtld_threshold, cfg.hdd_draws) == (
        10,
        20,
        0.5,
        7,
    )
    assert cfg.syllable_method == "pyphen"


def test_word_list_options_enable_dale_chall_and_spache(tmp_path: Path) -> None:
    pytest.importorskip("factbox.wordlists")
    words = tmp_path / "familiar.txt"
    words.write_text("# our own toy list\nthe\ncat\nsat\non\nmat\nit\nwas\nhappy\n")
    cat = tmp_path / "cat.txt"
    cat.write_text(CAT)
    plain = json.loads(invoke("--json", cat).stdout)
    listed = json.loads(
        invoke("--json", "--dale-chall-list", words, "--spache-list", words, cat).stdout
    )
    assert plain["readability"]["dale_chall"] is None
    assert listed["readability"]["dale_chall"] is not None
    assert listed["readability"]["spache"] is not None
    assert listed["counts"]["difficult_words"] == 0  # every word of CAT is on the list


def test_word_list_options(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("The cat sat.\n")
    familiar = tmp_path / "familiar.txt"
    familiar.write_text("# a tiny list\nthe\ncat\n")
    r = invoke("--json", "--dale-chall-list", familiar, text)
    assert r.exit_code == 0
    box = json.loads(r.stdout)
    # 1 difficult word (sat) of 3 in 1 sentence: 0.1579·33.333 + 0.0496·3 + 3.6365 = 9.0486
    assert box["counts"]["difficult_words"] == 1
    assert box["readability"]["dale_chall"] == pytest.approx(
        0.1579 * 100 / 3 + 0.0496 * 3 + 3.6365
    )
    r = invoke("--dale-chall-list", tmp_path / "missing.txt", text)
    assert r.exit_code != 0
    assert "missing.txt" in r.stderr and "Traceback" not in r.stderr


# --- JSON and CSV -----------------------------------------------------------------------------


def test_json_one_object_per_line(files: dict[str, Path]) -> None:
    r = invoke("--json", files["cat.txt"], files["dogs.md"])
    lines = r.stdout.splitlines()
    assert len(lines) == 2
    first = json.loads(lines[0])
    assert list(first)[:5] == ["path", "level", "tokens", "types", "ttr"]
    assert first["path"] == str(files["cat.txt"])
    assert (first["tokens"], first["types"]) == (9, 8)
    assert first["level"] == pytest.approx(0.39 * 9 / 2 + 11.8 * 10 / 9 - 15.59)
    assert first["ttr"] == pytest.approx(8 / 9)
    assert {"counts", "readability", "diversity", "notes", "syllable_method"} <= set(first)
    assert json.loads(lines[1])["path"] == str(files["dogs.md"])


def test_csv_is_one_table_with_dotted_columns(files: dict[str, Path]) -> None:
    r = invoke("--csv", files["cat.txt"], files["empty.txt"], files["dogs.md"])
    assert r.exit_code == 1  # the empty file failed; the table still has the good rows
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [row["path"] for row in rows] == [str(files["cat.txt"]), str(files["dogs.md"])]
    header = r.stdout.splitlines()[0].split(",")
    assert header[:5] == ["path", "level", "tokens", "types", "ttr"]
    assert "counts.sentences" in header
    assert "readability.flesch_reading_ease" in header
    assert "diversity.ttr" in header
    assert header[-1] == "notes"
    assert rows[0]["tokens"] == "9"
    assert rows[0]["counts.syllables"] == "10"
    assert rows[0]["readability.spache"] == ""  # None is an empty cell …
    assert "spache: no Spache word list" in rows[0]["notes"]  # … with its reason in notes


def test_csv_header_is_printed_even_when_every_input_fails(files: dict[str, Path]) -> None:
    r = invoke("--csv", files["empty.txt"])
    assert r.exit_code == 1
    assert r.stdout.startswith("path,level,tokens,types,ttr,")
    assert len(r.stdout.splitlines()) == 1


# --- bad inputs -------------------------------------------------------------------------------

BAD = {
    "empty.txt": "empty file, no text",
    "blank.txt": "only white space, no text",
    "report.pdf.txt": "binary file (a PDF document), not text; convert it to text first",
    "nul.txt": "binary file (contains NUL bytes), not text; convert it to text first",
    "win.txt": (
        "not valid UTF-8 (byte 0xe9 at offset 3, line 1); "
        "if it is Windows text, give its encoding (--encoding cp1252)"
    ),
    "chinese.txt": "no English words to profile (found only 4 non-Latin-script characters)",
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_each_bad_input_one_line_exit_1(files: dict[str, Path], name: str) -> None:
    r = invoke(files[name])
    assert r.exit_code == 1
    assert r.stdout == ""
    assert r.stderr == f"factbox: {files[name]}: {BAD[name]}\n"


def test_missing_file_and_directory_without_text(tmp_path: Path) -> None:
    (tmp_path / "pics").mkdir()
    (tmp_path / "pics" / "a.jpg").write_bytes(b"\xff\xd8\xff")
    r = invoke(tmp_path / "gone.txt", tmp_path / "pics")
    assert r.exit_code == 1
    assert r.stderr.splitlines() == [
        f"factbox: {tmp_path / 'gone.txt'}: no such file or directory",
        f"factbox: {tmp_path / 'pics'}: directory has no text files (looked for .htm, .html, "
        ".markdown, .md, .rst, .text, .txt, .xhtml and files without a suffix)",
    ]


def test_empty_stdin() -> None:
    r = invoke("-", input="")
    assert (r.exit_code, r.stderr) == (1, "factbox: <stdin>: empty file, no text\n")


def test_text_of_urls_only_is_an_error(tmp_path: Path) -> None:
    p = tmp_path / "links.txt"
    p.write_text("https://example.org/a\nwww.example.com\n")
    r = invoke(p)
    assert r.stderr == (
        f"factbox: {p}: no English words to profile (found only 2 URLs or e-mail addresses)\n"
    )


def test_good_files_still_get_their_box_among_bad_ones(files: dict[str, Path]) -> None:
    r = invoke(files["empty.txt"], files["cat.txt"], files["win.txt"], files["dogs.md"])
    assert r.exit_code == 1
    assert r.stdout == (
        f"==> {files['cat.txt']} <==\n{CAT_BOX}\n==> {files['dogs.md']} <==\n{DOGS_BOX}"
    )
    assert [line.split(": ")[1] for line in r.stderr.splitlines()] == [
        str(files["empty.txt"]),
        str(files["win.txt"]),
    ]


def test_encoding_option_reads_windows_text(files: dict[str, Path]) -> None:
    r = invoke("--encoding", "cp1252", files["win.txt"])
    assert r.exit_code == 0
    assert "Tokens: 4\n" in r.stdout


def test_internal_errors_are_reported_per_input_with_exit_3(
    monkeypatch: pytest.MonkeyPatch, files: dict[str, Path]
) -> None:
    def boom(text, *, config):  # type: ignore[no-untyped-def]
        raise RuntimeError("boom")

    monkeypatch.setattr(profile_cmd, "profile", boom)
    monkeypatch.setattr(profile_cmd, "_warm_up", lambda config: None)
    r = invoke("-j1", files["cat.txt"])
    assert r.exit_code == 3
    assert r.stderr == (
        f"factbox: {files['cat.txt']}: internal error (RuntimeError: boom); please report it\n"
    )


class _StubBox:
    """A box whose to_dict() has the shapes other modules add: nested groups and lists."""

    level, tokens, types, ttr = 7.25, 10, 9, 0.9
    grade, cefr = None, "B1"

    def to_dict(self) -> dict[str, object]:
        return {
            "level": self.level,
            "tokens": self.tokens,
            "types": self.types,
            "ttr": self.ttr,
            "cefr": "B1",
            "grade": None,
            "notes": {"grade": "too short"},
            "vocabulary": {
                "cefr_tokens": {"A1": 0.5, "B1": 0.5},
                "hard_words": [{"word": "ferry", "count": 2, "forms": ["ferry", "ferries"]}],
            },
        }


def test_all_shows_nested_groups_and_lists() -> None:
    text = profile_cmd.format_all(_StubBox())  # type: ignore[arg-type]
    assert text == (
        "Fact Box\nLevel: 7.250\nTokens: 10\nTypes: 9\nTTR: 0.900\n"
        "Estimated level: n/a\n"
        "CEFR level (learned): B1\n"
        "Grade (learned): n/a (too short)\n"
        "\nVocabulary\n"
        "  CEFR tokens:\n"
        "    A1: 0.500\n"
        "    B1: 0.500\n"
        "  Hard words:  word=ferry count=2 forms=ferry,ferries\n"
    )


def test_csv_flattens_nested_groups_and_json_encodes_lists() -> None:
    flat = profile_cmd.flatten({"path": "p", **_StubBox().to_dict()})
    assert flat["vocabulary.cefr_tokens.A1"] == 0.5
    assert flat["notes"] == "grade: too short"
    cell = profile_cmd._csv_cell(flat["vocabulary.hard_words"])
    assert json.loads(cell) == [{"word": "ferry", "count": 2, "forms": ["ferry", "ferries"]}]
    assert profile_cmd._csv_cell(None) == ""
    assert profile_cmd._csv_cell(0.1) == "0.1"


# --- usage errors: exit 2 ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "Missing argument 'FILE...'"),
        (["--mattr-window", "0", "x"], "Invalid value for '--mattr-window': 0 is not in the range"),
        (["--mtld-threshold", "1", "x"], "Invalid value for '--mtld-threshold'"),
        (["--syllable-method", "vowels", "x"], "Invalid value for '--syllable-method'"),
        (["--encoding", "klingon", "x"], "unknown encoding 'klingon'"),
        (["--jobs", "0", "x"], "Invalid value for '-j' / '--jobs'"),
        (["--dale-chall-list", "/no/such/list", "x"], "does not exist"),
        (["--bogus", "x"], "No such option"),
        (["--json", "--csv", "x"], "--json and --csv cannot be used together"),
    ],
)
def test_usage_errors_exit_2(args: list[str], message: str) -> None:
    r = invoke(*args)
    assert r.exit_code == 2
    assert message in r.stderr
    assert "Traceback" not in r.output


def test_help_and_version() -> None:
    assert "profile files (the default command" in invoke("--help").stdout
    assert "profile files (the default command" in invoke("-h").stdout
    assert "--syllable-method" in invoke("profile", "--help").stdout
    assert invoke("--version").stdout.startswith("factbox, version ")


# --- directories and parallel runs ------------------------------------------------------------


def test_directory_is_walked_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(DOGS)
    (tmp_path / "a.txt").write_text(CAT)
    (tmp_path / ".draft.txt").write_text(CAT)  # hidden: skipped
    (tmp_path / "c.csv").write_text("x,y\n")  # not a text suffix: skipped
    r = invoke("--json", tmp_path)
    assert [json.loads(x)["path"] for x in r.stdout.splitlines()] == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b" / "2.txt"),
    ]


def many_files(root: Path, n: int = 24) -> Path:
    words = [
        "river",
        "stone",
        "mountain",
        "quiet",
        "bright",
        "harbour",
        "lantern",
        "orchard",
        "ferry",
        "violet",
    ]
    for i in range(n):
        body = " ".join(words[(i + k) % len(words)] for k in range(5 + i % 7))
        (root / f"t{i:02d}.txt").write_text(f"{body.capitalize()}. Text number {i} ends here.\n")
    if n > 5:
        (root / "t05.txt").write_bytes(b"")  # one bad input in the middle
    return root


@pytest.mark.parametrize("fmt", [[], ["--json"], ["--csv"], ["--all"]])
def test_parallel_output_equals_serial(tmp_path: Path, fmt: list[str]) -> None:
    d = many_files(tmp_path)
    serial = invoke(*fmt, "-j1", d)
    parallel = invoke(*fmt, "-j2", d)
    assert serial.exit_code == parallel.exit_code == 1
    assert serial.stdout == parallel.stdout
    assert serial.stderr == parallel.stderr == f"factbox: {d / 't05.txt'}: empty file, no text\n"
    assert serial.stdout.count("Fact Box") == (0 if fmt in (["--json"], ["--csv"]) else 23)


def _die(path: str) -> None:
    os._exit(9)  # a worker killed (e.g. by the out-of-memory killer)


def test_a_dead_worker_is_one_line_and_exit_3(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(profile_cmd, "_pool_job", _die)  # forked workers see the patch
    r = invoke("-j2", many_files(tmp_path, 4))
    assert r.exit_code == 3
    assert r.stderr.startswith("factbox: a worker process died (out of memory?)")
    assert len(r.stderr.splitlines()) == 1


def test_small_batches_and_single_files_stay_in_process(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def no_pool(*a, **k):  # type: ignore[no-untyped-def]
        raise AssertionError("a process pool was started")

    monkeypatch.setattr(profile_cmd, "ProcessPoolExecutor", no_pool)
    d = many_files(tmp_path, 4)
    cfg = profile_cmd.config_from_options()
    srcs = [Source(str(p)) for p in sorted(d.iterdir())]
    assert len(list(profile_cmd.run(srcs, cfg))) == 4  # 4 small files: under the threshold
    assert len(list(profile_cmd.run(srcs[:1], cfg, jobs=8))) == 1  # one input: in-process


def test_progress_bar_leaves_stdout_unchanged(tmp_path: Path) -> None:
    d = many_files(tmp_path, 6)
    plain = invoke("--no-progress", d)
    barred = invoke("--progress", d)
    assert barred.stdout == plain.stdout
    assert f"factbox: {d / 't05.txt'}: empty file, no text" in barred.stderr


# --- the real entry point ---------------------------------------------------------------------


def run_factbox(*args: str, **kw) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-m", "factbox", *args],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        **kw,
    )


def test_subprocess_errors_have_no_traceback(tmp_path: Path) -> None:
    d = many_files(tmp_path, 8)
    (d / "bin.txt").write_bytes(b"\x00\x01\x02")
    p = run_factbox("-j2", str(d), str(tmp_path / "missing"), input=CAT)
    assert p.returncode == 1
    assert "Traceback" not in p.stderr
    assert p.stderr.splitlines() == [
        f"factbox: {d / 'bin.txt'}: binary file (contains NUL bytes), not text; "
        "convert it to text first",
        f"factbox: {d / 't05.txt'}: empty file, no text",
        f"factbox: {tmp_path / 'missing'}: no such file or directory",
    ]
    assert p.stdout.count("Fact Box\n") == 7


def test_closed_pipe_is_quiet(tmp_path: Path) -> None:
    d = many_files(tmp_path, 200)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "factbox", "--json", "-j1", str(d)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    err = proc.stderr.read().decode()
    proc.wait()
    assert "Traceback" not in err
    assert "BrokenPipe" not in err


# --- docs -------------------------------------------------------------------------------------


def load_reference_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "cli_reference", ROOT / "scripts" / "cli_reference.py"
    )
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def undocumented(doc: str, only: tuple[str, ...] | None = None, quote: str = "") -> list[str]:
    """Commands and options not named in ``doc`` (``quote``: the mark that must precede them)."""
    ref = load_reference_script()
    missing = []
    for path, cmd, _ctx in ref.commands(cli, "factbox"):
        if only is not None and path not in only:
            continue
        if f"{quote}{path}" not in doc:
            missing.append(f"command {path}")
        for param in cmd.params:
            if isinstance(param, click.Option):
                missing.extend(
                    f"{path} {o}"
                    for o in (*param.opts, *param.secondary_opts)
                    if f"{quote}{o}" not in doc
                )
    return missing


def test_every_option_of_every_command_is_documented() -> None:
    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert not undocumented(doc), "run: PYTHONPATH=src python scripts/cli_reference.py"


def test_profile_options_are_explained_by_hand() -> None:
    # Above the generated reference, each option of `factbox` and `factbox profile` is named
    # in backquotes with what it does.
    ref = load_reference_script()
    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8").split(ref.BEGIN)[0]
    assert not undocumented(doc, only=("factbox", "factbox profile"), quote="`")


def test_corpus_options_are_explained_by_hand() -> None:
    # docs/corpus.md names every `factbox corpus` command and option in backquotes.
    doc = (ROOT / "docs" / "corpus.md").read_text(encoding="utf-8")
    ref = load_reference_script()
    corpus_paths = tuple(p for p, _c, _x in ref.commands(cli, "factbox") if " corpus" in p)
    assert corpus_paths
    assert not undocumented(doc, only=corpus_paths, quote="`")


def test_clean_options_are_explained_by_hand() -> None:
    doc = (ROOT / "docs" / "cleaning.md").read_text(encoding="utf-8")
    assert not undocumented(doc, only=("factbox clean",), quote="`")


def test_generated_reference_is_up_to_date() -> None:
    ref = load_reference_script()
    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert ref.BEGIN in doc and ref.END in doc
    assert ref.updated(doc) == doc, "run: PYTHONPATH=src python scripts/cli_reference.py"


def test_exit_codes_are_documented() -> None:
    doc = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    for code in (
        profile_cmd.EXIT_OK,
        profile_cmd.EXIT_INPUT,
        profile_cmd.EXIT_USAGE,
        profile_cmd.EXIT_INTERNAL,
        profile_cmd.EXIT_INTERRUPTED,
    ):
        assert re.search(rf"^\| *{code} *\|", doc, re.M), f"exit code {code}"


# --- sentence levels ---------------------------------------------------------------------------


def test_sentences_lists_every_sentence_in_order(files: dict[str, Path]) -> None:
    r = invoke("--sentences", files["cat.txt"])
    assert r.exit_code == 0
    head, _, tail = r.stdout.partition("\nSentence levels (CEFR, score, sentence):\n")
    assert head == CAT_BOX
    lines = tail.strip().splitlines()
    texts = [line.split("  ", 2)[2] for line in lines]
    assert texts == ["The cat sat on the mat.", "It was happy."]
    assert all(re.fullmatch(r"(A1|A2|B1|B2|C1|C2)  \d+\.\d\d  .+", line) for line in lines)


def test_hardest_keeps_the_n_highest_scores(tmp_path: Path) -> None:
    text = tmp_path / "t.txt"
    text.write_text(
        "The cat sat. Notwithstanding considerable institutional reluctance, the committee "
        "ultimately endorsed comprehensive regulatory amendments. It was red.\n"
    )
    r = invoke("--sentences", "--hardest", "1", text)
    assert r.exit_code == 0
    tail = r.stdout.split("Hardest 1 sentences (CEFR, score, sentence):\n")[1]
    assert tail.strip().endswith("comprehensive regulatory amendments.")
    assert len(tail.strip().splitlines()) == 1


def test_sentences_in_json(files: dict[str, Path]) -> None:
    r = invoke("--json", "--sentences", files["cat.txt"])
    sents = json.loads(r.stdout)["sentences"]
    assert [s["text"] for s in sents] == ["The cat sat on the mat.", "It was happy."]
    assert set(sents[0]) == {"text", "cefr", "score"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--hardest", "2"], "--hardest goes with --sentences"),
        (["--sentences", "--csv"], "--sentences cannot be used with --csv (use --json)"),
    ],
)
def test_sentence_option_misuse(files: dict[str, Path], args: list[str], message: str) -> None:
    r = invoke(*args, files["cat.txt"])
    assert r.exit_code == 2
    assert message in r.stderr


# --- --clean ----------------------------------------------------------------------------------

PAGE = (
    "Home | World | Business | Sport\n"
    "Share this article\n"
    "The ferry left the harbour at dawn on Monday. It carried forty passengers and a cargo of "
    "apples.\n\n"
    "The crossing took three hours. The sea was calm, and the captain said the trip was the best "
    "of the year.\n"
    "Powered by ExampleCMS 4.1 ©2010-2024\n"
)


def test_clean_profiles_the_cleaned_body(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE)
    raw = invoke("--json", page)
    cleaned = invoke("--json", "--clean", page)
    assert raw.exit_code == cleaned.exit_code == 0
    raw_box, clean_box = json.loads(raw.stdout), json.loads(cleaned.stdout)
    # the body: 2 + 2 sentences, 17 + 22 tokens; menus, share line and footer are gone
    assert clean_box["tokens"] == 39 and clean_box["counts"]["sentences"] == 4
    assert raw_box["tokens"] > clean_box["tokens"]
    assert clean_box["cleaned"] is True and clean_box["removed_lines"] >= 3
    text = invoke("--clean", page).stdout
    assert text.startswith("Fact Box (cleaned text)\nLevel: ")


def test_clean_on_all_boilerplate_is_an_error(tmp_path: Path) -> None:
    page = tmp_path / "menu.txt"
    page.write_text("Home | World | Business\nShare this article\nSubscribe\n")
    r = invoke("--clean", page)
    assert r.exit_code == 1
    assert r.stderr.startswith(f"factbox: {page}: no article text found")
    assert r.stderr.count("\n") == 1
    assert "Traceback" not in r.stderr and r.stdout == ""
