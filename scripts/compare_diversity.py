"""Compare factbox's lexical diversity with lexicalrichness and TAALED, and time them.

Every tool gets the IDENTICAL token list per text (factbox's tokens, case-folded), so any
difference is a difference of definition or arithmetic, never of tokenisation. For each
measure the script prints the largest absolute difference over the texts and, where the tools
define the measure differently, the reason and a check that the reason explains all of it.

Usage (texts are read at run time; nothing from them is stored):

    PYTHONPATH=src python scripts/compare_diversity.py [DIR] [--repeat 5] [--speed-only]

DIR defaults to ../shared/data/onestopenglish (all *.txt below it). lexicalrichness and taaled
are dev dependencies (``pip install -e .[dev]``); a tool that is not installed is skipped.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import math
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from factbox import diversity as fd
from factbox import profile
from factbox.tokens import fold, words

try:
    from lexicalrichness import LexicalRichness
except ImportError:  # a dev dependency; skipped when missing
    LexicalRichness = None

try:
    with contextlib.redirect_stdout(io.StringIO()):  # taaled prints a plotnine notice on import
        from taaled import ld as taaled_ld
except ImportError:
    taaled_ld = None

_ROOT = Path(__file__).resolve().parents[1]
# shared/ sits beside the checkout (../shared); from a worktree under wt/ it is one level higher.
DEFAULT_DIR = next(
    (p for p in (_ROOT.parent / "shared", _ROOT.parent.parent / "shared") if p.is_dir()),
    _ROOT.parent / "shared",
) / "data" / "onestopenglish"
TOL = 1e-9


def load(root: Path) -> list[tuple[str, list[str]]]:
    texts = []
    for path in sorted(root.rglob("*.txt")):
        text = path.read_text(encoding="utf-8-sig", errors="replace")
        texts.append((text, [fold(t) for t in words(text)]))
    return texts


# --- reference implementations of the *other* definitions, to show a difference is explained --


def taaled_mtld_original(tokens: list[str], threshold: float = 0.72, min_len: int = 10) -> float:
    """TAALED 0.32 ``mtldo`` rewritten in O(N): a factor ends when TTR < threshold (strict) and
    it has ≥ min_len tokens; the last token always closes the partial factor."""

    def one(seq: list[str]) -> tuple[int, float]:
        length = 0
        factors = 0.0
        seen: set[str] = set()
        count = 0
        for i, t in enumerate(seq):
            count += 1
            seen.add(t)
            ttr = len(seen) / count
            if i + 1 == len(seq):
                factors += (1 - ttr) / (1 - threshold)
                length += count
            elif ttr < threshold and count >= min_len:
                factors += 1
                length += count
                seen = set()
                count = 0
        return length, factors

    vals = []
    for seq in (tokens, tokens[::-1]):
        length, factors = one(seq)
        vals.append(length / factors if factors else 0.0)
    return (vals[0] + vals[1]) / 2


def lr_msttr_definition(tokens: list[str], segment: int) -> float | None:
    """lexicalrichness's MSTTR: all segments, last one (complete or not) dropped."""
    segs = [tokens[i : i + segment] for i in range(0, len(tokens), segment)][:-1]
    return sum(len(set(s)) / len(s) for s in segs) / len(segs) if segs else None


# --- comparison table --------------------------------------------------------------------------


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str]] = []

    def add(self, measure: str, tool: str, diffs: list[float], note: str = "") -> None:
        finite = [d for d in diffs if d is not None]
        worst = f"{max(finite):.2e}" if finite else "n/a"
        n_over = sum(1 for d in finite if d > TOL)
        self.rows.append((measure, tool, f"{worst}  ({n_over}/{len(finite)} > 1e-9)", note))

    def print(self) -> None:
        w = [max(len(r[i]) for r in self.rows) for i in range(3)]
        head = ("measure", "tool", "max |diff|  (texts over tolerance)", "why / check")
        w = [max(w[i], len(head[i])) for i in range(3)]
        for r in [head, *self.rows]:
            print(f"{r[0]:<{w[0]}}  {r[1]:<{w[1]}}  {r[2]:<{w[2]}}  {r[3]}")


def diff(a: float | None, b: float | None) -> float | None:
    if a is None or b is None:
        return None
    return abs(a - b)


def compare(texts: list[tuple[str, list[str]]]) -> None:
    ours = []
    for _, toks in texts:
        div, _ = fd.compute(toks, Counter(toks))
        ours.append(div)
    table = Table()

    if LexicalRichness is None:
        print("lexicalrichness not installed: skipped")
    else:
        lrs = [LexicalRichness(toks, preprocessor=None, tokenizer=None) for _, toks in texts]
        pairs = list(zip(ours, lrs, (t for _, t in texts), strict=True))
        table.add("ttr", "lexicalrichness", [diff(o.ttr, lr.ttr) for o, lr, _ in pairs])
        table.add("rttr", "lexicalrichness", [diff(o.rttr, lr.rttr) for o, lr, _ in pairs])
        table.add("cttr", "lexicalrichness", [diff(o.cttr, lr.cttr) for o, lr, _ in pairs])
        table.add(
            "herdan_c", "lexicalrichness", [diff(o.herdan_c, lr.Herdan) for o, lr, _ in pairs]
        )
        table.add(
            "maas_a2",
            "lexicalrichness",
            [diff(o.maas_a2, lr.Maas) for o, lr, _ in pairs],
            "natural log; ours is lg (base 10) = ln-value × ln 10",
        )
        table.add(
            "maas_a2 base=e",
            "lexicalrichness",
            [diff(fd.maas_a2(lr.words, lr.terms, base=math.e), lr.Maas) for _, lr, _ in pairs],
            "check: maas_a2(N, V, base=math.e)",
        )
        ms = []
        ms_def = []
        n_whole = 0
        for o, lr, toks in pairs:
            theirs = lr.msttr(100) if len(toks) > 100 else None
            ms.append(diff(o.msttr, theirs))
            ms_def.append(diff(lr_msttr_definition(toks, 100), theirs))
            n_whole += len(toks) % 100 == 0
        table.add(
            "msttr (100)",
            "lexicalrichness",
            ms,
            f"it drops the last segment even when complete ({n_whole} texts with N % 100 == 0)",
        )
        table.add("msttr (100) LR-def", "lexicalrichness", ms_def, "check: that rule, in Python")
        table.add(
            "mattr (50)",
            "lexicalrichness",
            [diff(o.mattr, lr.mattr(50)) for o, lr, _ in pairs],
        )
        lr_rows = [
            ("mtld (0.72)", [diff(o.mtld, lr.mtld(0.72)) for o, lr, _ in pairs]),
            ("hdd (42)", [diff(o.hdd, lr.hdd(42)) for o, lr, _ in pairs]),
            ("yule_k", [diff(o.yule_k, float(lr.yulek)) for o, lr, _ in pairs]),
        ]
        for name, diffs in lr_rows:
            table.add(name, "lexicalrichness", diffs)

    if taaled_ld is None:
        print("taaled not installed: skipped")
    else:
        t = taaled_ld.lexdiv()
        pairs2 = list(zip(ours, (tk for _, tk in texts), strict=True))
        table.add("ttr", "TAALED 0.32", [diff(o.ttr, t.TTR(tk)) for o, tk in pairs2])
        table.add("rttr", "TAALED 0.32", [diff(o.rttr, t.RTTR(tk)) for o, tk in pairs2])
        table.add("herdan_c", "TAALED 0.32", [diff(o.herdan_c, t.LTTR(tk)) for o, tk in pairs2])
        table.add("maas_a2", "TAALED 0.32", [diff(o.maas_a2, t.MAAS(tk)) for o, tk in pairs2])
        table.add(
            "msttr (100)",
            "TAALED 0.32",
            [diff(o.msttr, t.MSTTR(tk, 100)) for o, tk in pairs2],
            "N < 100: TAALED gives whole-text TTR, we give None (not compared)",
        )
        table.add("mattr (50)", "TAALED 0.32", [diff(o.mattr, t.MATTR(tk, 50)) for o, tk in pairs2])
        table.add("hdd (42)", "TAALED 0.32", [diff(o.hdd, t.HDD(tk, 42)) for o, tk in pairs2])
        mtldo = [t.MTLD(tk, 10, 0.72, outputs=True)[2] for _, tk in texts]
        table.add(
            "mtld (0.72)",
            "TAALED 0.32 mtldo",
            [diff(o.mtld, m) for o, m in zip(ours, mtldo, strict=True)],
            "TAALED: factor ends at TTR < .72 (not ≤), only if ≥ 10 tokens; last token partial",
        )
        table.add(
            "mtld TAALED-def",
            "TAALED 0.32 mtldo",
            [diff(taaled_mtld_original(tk), m) for (_, tk), m in zip(texts, mtldo, strict=True)],
            "check: those rules, in Python",
        )
    table.print()


# --- speed ------------------------------------------------------------------------------------


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    """Least CPU time of this process over ``repeat`` runs (robust on a busy shared machine)."""
    best = math.inf
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def speed(texts: list[tuple[str, list[str]]], repeat: int) -> None:
    mb = sum(len(text.encode("utf-8")) for text, _ in texts) / 1e6
    n_tokens = sum(len(toks) for _, toks in texts)
    toks_freqs = [(toks, Counter(toks)) for _, toks in texts]

    def ours_all() -> None:
        for toks, freqs in toks_freqs:
            fd.compute(toks, freqs)

    def ours_four() -> None:
        for toks, freqs in toks_freqs:
            fd.ttr(len(toks), len(freqs))
            fd.mtld(toks)
            fd.mattr(toks)
            fd.hdd(freqs.values())

    def whole_profile() -> None:
        for text, _ in texts:
            profile(text)

    rows = [
        ("factbox diversity.compute (all 10 measures)", best_of(repeat, ours_all)),
        ("factbox TTR+MTLD+MATTR+HD-D", best_of(repeat, ours_four)),
    ]
    if LexicalRichness is not None:

        def lr_four() -> None:
            for toks, _ in toks_freqs:
                lr = LexicalRichness(toks, preprocessor=None, tokenizer=None)
                _ = lr.ttr, lr.mtld(0.72), lr.mattr(50), lr.hdd(42)

        lr_secs = best_of(max(1, repeat // 3), lr_four)
        rows.append(("lexicalrichness TTR+MTLD+MATTR(50)+HD-D", lr_secs))
    rows.append(("factbox profile() (whole fact box, for scale)", best_of(repeat, whole_profile)))

    print(
        f"\nspeed: {len(texts)} texts, {mb:.3f} MB, {n_tokens} tokens; "
        f"least CPU time of {repeat} runs, 1 core"
    )
    print("(diversity rows time the measures on ready token lists; MB/s is per MB of source text)")
    base = rows[0][1]
    for name, secs in rows:
        print(
            f"  {name:<48} {secs * 1e3:9.1f} ms  {mb / secs:8.2f} MB/s  "
            f"{secs / n_tokens * 1e9:7.0f} ns/token  ×{secs / base:6.2f} of factbox compute()"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dir", nargs="?", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--speed-only", action="store_true", help="skip the comparison table")
    args = ap.parse_args()
    texts = load(args.dir.resolve())
    if not texts:
        raise SystemExit(f"no *.txt under {args.dir}")
    lengths = sorted(len(t) for _, t in texts)
    print(
        f"{len(texts)} texts from {args.dir.resolve()}; tokens per text: min {lengths[0]}, "
        f"median {lengths[len(lengths) // 2]}, max {lengths[-1]}\n"
    )
    if not args.speed_only:
        compare(texts)
    speed(texts, args.repeat)


if __name__ == "__main__":
    main()
