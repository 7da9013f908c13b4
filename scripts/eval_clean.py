"""Evaluate factbox.clean: own labelled fixtures, the seeds, and the real web pages.

Usage (from the repository root):

    PYTHONPATH=src python scripts/eval_clean.py [--shared ../shared] [--split dev|test|all]
        [--show-misses N]

(a) tests/data/clean/*.txt: articles written for the project, wrapped in invented page
    boilerplate, one label per line (``B`` body, ``T`` title, anything else boilerplate).
(b) the five seeds (read from SHARED/seeds at run time; labels by line number in
    tests/data/clean/seeds.json, checked against each file's SHA-256).
(c) SHARED/data/webpages: every page rendered to plain text as a naive scraper would
    (factbox.clean.html.render_text) and cleaned as plain text. Labels are partial snippets:
    rendered lines containing a ``with`` snippet count as body, lines containing a ``without``
    snippet as boilerplate. Shingle F1 (word 4-grams) is measured against trafilatura's body of
    the same HTML (a proxy: the project has no full gold bodies) and for "keep everything".
    Pages are split into dev/test by a hash of the file name; rules were tuned on dev only.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from factbox.clean import NoArticleError, clean
from factbox.clean.html import extract_html, render_text

ROOT = Path(__file__).resolve().parent.parent
_WS = re.compile(r"\s+")
_W = re.compile(r"\w+")


def norm(s: str) -> str:
    return _WS.sub(" ", s).strip()


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    w = [x.lower() for x in _W.findall(text)]
    return Counter(tuple(w[i : i + n]) for i in range(max(len(w) - n + 1, 0)))


def shingle_f1(pred: str, gold: str) -> float:
    p, g = shingles(pred), shingles(gold)
    if not p and not g:
        return 1.0
    inter = sum((p & g).values())
    if not inter:
        return 0.0
    prec, rec = inter / sum(p.values()), inter / sum(g.values())
    return 2 * prec * rec / (prec + rec)


def kept_lines(text: str) -> tuple[set[int], object]:
    """1-based line numbers of ``text`` that survive cleaning (all removed if NoArticleError)."""
    n = text.count("\n") + 1
    try:
        art = clean(text, format="text")
    except NoArticleError:
        return set(), None
    removed: set[int] = set()
    for r in art.removed:
        removed.update(range(r.start_line, r.end_line + 1))
    return {i for i in range(1, n + 1) if i not in removed}, art


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def eval_labelled(pairs: list[tuple[str, list[str], str]], show: int) -> dict[str, float]:
    """pairs: (name, labels per line, text). Body = label 'B'; blank lines are ignored."""
    tp = fp = fn = 0
    for name, labels, text in pairs:
        keep, _ = kept_lines(text)
        for i, (lab, line) in enumerate(zip(labels, text.split("\n"), strict=True), 1):
            if not line.strip():
                continue
            body, kept = lab == "B", i in keep
            tp += body and kept
            fp += (not body) and kept
            fn += body and not kept
            if show and body != kept:
                print(f"    {'MISS' if body else 'KEPT'} {name}:{i} [{lab}] {line[:90]}")
    p, r, f = prf(tp, fp, fn)
    return {"precision": p, "recall": r, "f1": f, "body_lines": tp + fn}


def load_fixtures() -> list[tuple[str, list[str], str]]:
    out = []
    for path in sorted((ROOT / "tests/data/clean").glob("*.txt")):
        labels, lines = [], []
        for raw in path.read_text(encoding="utf-8").split("\n"):
            lab, _, line = raw.partition("\t")
            labels.append(lab.strip())
            lines.append(line)
        out.append((path.name, labels, "\n".join(lines)))
    return out


def load_seeds(shared: Path) -> list[tuple[str, list[str], str]]:
    spec = json.loads((ROOT / "tests/data/clean/seeds.json").read_text())
    out = []
    for name, info in spec["seeds"].items():
        path = shared / "seeds" / name
        if not path.exists():
            continue
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != info["sha256"]:
            print(f"  seed {name}: hash differs from the labelled version, skipped")
            continue
        text = data.decode("utf-8")
        n = text.count("\n") + 1
        labels = ["X"] * n
        for i in info["body_lines"]:
            labels[i - 1] = "B"
        out.append((name, labels, text))
    return out


def split_of(name: str) -> str:
    return "test" if int(hashlib.md5(name.encode()).hexdigest(), 16) % 3 == 0 else "dev"


def render_nodes(html: str) -> str:
    """Another naive rendering: every text node on its own line (like BeautifulSoup's
    ``get_text("\\n")``), so inline links split paragraphs into fragments."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(re.sub(r"^\\s*<\\?xml[^>]*>", "", html))
    except Exception:
        return ""
    for bad in root.xpath("//script|//style|//noscript|//template|//svg|//head"):
        bad.drop_tree()
    lines = (norm(t) for t in root.itertext())
    return "\n".join(t for t in lines if t)


def render_bullets(html: str) -> str:
    """A third naive rendering: like the default, but every ``<li>`` starts with ``* `` (as
    lynx ``-dump`` and html2text render list items), so menu entries look like list items."""
    import lxml.html

    try:
        parser = lxml.html.HTMLParser(huge_tree=True)
        root = lxml.html.document_fromstring(re.sub(r"^\s*<\?xml[^>]*>", "", html), parser=parser)
    except Exception:
        return ""
    for li in root.iter("li"):
        li.text = "* " + (li.text or "")
    return render_text(lxml.html.tostring(root, encoding="unicode"))


def eval_webpages(shared: Path, split: str, show: int, render=render_text) -> None:
    labels = json.loads((shared / "data/webpages/labels.json").read_text())
    tp = fp = fn = 0
    keep_with = n_with = drop_without = n_without = 0
    f1_clean: list[float] = []
    f1_all: list[float] = []
    t_clean = t_traf = 0.0
    n_chars = 0
    pages = 0
    worst: list[tuple[float, float, str]] = []
    html_with = [0, 0, 0]  # trafilatura kept, ours kept, total
    html_without = [0, 0, 0]
    for url, info in labels.items():
        if split != "all" and split_of(info["file"]) != split:
            continue
        html = (shared / "data/webpages/html" / info["file"]).read_text(
            encoding="utf-8", errors="replace"
        )
        rendered = render(html)
        if not rendered.strip():
            continue
        pages += 1
        n_chars += len(rendered)
        t0 = time.perf_counter()
        keep, art = kept_lines(rendered)
        t_clean += time.perf_counter() - t0
        t0 = time.perf_counter()
        traf = extract_html(html, url).body
        t_traf += time.perf_counter() - t0
        try:
            ours_html = norm(clean(html, url=url, format="html").body)
        except NoArticleError:
            ours_html = ""
        ntraf = norm(traf)
        for snip in info.get("with", []):
            s = norm(snip)
            if s:
                html_with[0] += s in ntraf
                html_with[1] += s in ours_html
                html_with[2] += 1
        for snip in info.get("without", []):
            s = norm(snip)
            if s:
                html_without[0] += s not in ntraf
                html_without[1] += s not in ours_html
                html_without[2] += 1
        body = art.body if art else ""
        nbody = norm(body)
        lines = rendered.split("\n")
        for snip in info.get("with", []):
            s = norm(snip)
            if s and s in norm(rendered):
                n_with += 1
                keep_with += s in nbody
                if show and s not in nbody:
                    print(f"    LOST {info['file']}: {s[:80]}")
        for snip in info.get("without", []):
            s = norm(snip)
            if s and s in norm(rendered):
                n_without += 1
                drop_without += s not in nbody
                if show and s in nbody:
                    print(f"    KEPT {info['file']}: {s[:80]}")
        for i, line in enumerate(lines, 1):
            nl = norm(line)
            is_body = any(norm(s) and norm(s) in nl for s in info.get("with", []))
            is_bp = any(norm(s) and norm(s) in nl for s in info.get("without", []))
            if is_body == is_bp:
                continue
            tp += is_body and i in keep
            fn += is_body and i not in keep
            fp += is_bp and i in keep
        if traf.strip():
            f1_clean.append(shingle_f1(body, traf))
            worst.append((f1_clean[-1], shingle_f1(rendered, traf), info["file"]))
            f1_all.append(shingle_f1(rendered, traf))
    if show:
        for f1c, f1a, name in sorted(worst)[:show]:
            print(f"    F1 {f1c:.3f} (keep-all {f1a:.3f}) {name}")
    p, r, f = prf(tp, fp, fn)
    mean = lambda xs: sum(xs) / len(xs) if xs else float("nan")  # noqa: E731
    print(f"  pages: {pages} ({split})")
    print(
        f"  snippet-labelled lines: body-line precision {p:.3f}, recall {r:.3f}, F1 {f:.3f}"
        f" (body lines {tp + fn}, boilerplate lines {fp + (0)})"
    )
    print(f"  'with' snippets kept:      {keep_with}/{n_with} = {keep_with / max(n_with, 1):.3f}")
    print(
        f"  'without' snippets removed: {drop_without}/{n_without} = "
        f"{drop_without / max(n_without, 1):.3f}"
    )
    print(
        f"  shingle F1 vs trafilatura body (proxy gold): cleaner {mean(f1_clean):.3f}, "
        f"keep everything {mean(f1_all):.3f}  ({len(f1_clean)} pages)"
    )
    print(
        f"  HTML path, 'with' snippets kept: trafilatura alone {html_with[0]}/{html_with[2]}, "
        f"factbox.clean {html_with[1]}/{html_with[2]}"
    )
    print(
        f"  HTML path, 'without' snippets removed: trafilatura alone "
        f"{html_without[0]}/{html_without[2]}, factbox.clean {html_without[1]}/{html_without[2]}"
    )
    print(
        f"  speed: cleaner {n_chars / max(t_clean, 1e-9) / 1e6:.2f} MB/s on rendered text; "
        f"trafilatura on HTML {t_traf:.2f} s total vs cleaner {t_clean:.2f} s"
    )


def eval_clean_articles(shared: Path, show: int) -> None:
    """(d) OneStopEnglish articles are clean text (no boilerplate): every line should stay.
    The first line is the headline; it moves to Article.title, so it is not counted as lost."""
    root = shared / "data/onestopenglish"
    lines = lost = files = titles = 0
    reasons: Counter[str] = Counter()
    texts = [
        (path, path.read_text(encoding="utf-8", errors="replace"))
        for path in sorted(root.glob("*/*.txt"))
    ]
    # speed: CPU time of the best of three passes (the machine may be shared)
    n_chars = sum(len(t) for _, t in texts)
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        for _, text in texts:
            with contextlib.suppress(NoArticleError):
                clean(text, format="text")
        best = min(best, time.process_time() - t0)
    for path, text in texts:
        files += 1
        n = sum(1 for ln in text.split("\n") if ln.strip())
        lines += n
        try:
            art = clean(text, format="text")
        except NoArticleError:
            lost += n
            reasons["NoArticleError"] += n
            continue
        for r in art.removed:
            k = sum(1 for ln in r.text.split("\n") if ln.strip())
            if r.reason == "title":
                titles += k
                continue
            lost += k
            reasons[r.reason] += k
            if show:
                print(f"    LOST {path.name}:{r.start_line} [{r.reason}/{r.rule}] {r.text[:70]}")
    print(
        f"  {files} articles, {lines} non-blank lines: {lost} removed as boilerplate "
        f"({lost / max(lines, 1):.4f}), {titles} moved to the title; {dict(reasons)}"
    )
    print(
        f"  speed: {n_chars / 1e6:.2f} MB in {best:.2f} s CPU = "
        f"{n_chars / max(best, 1e-9) / 1e6:.1f} MB/s (best of 3 passes)"
    )


def default_shared() -> Path:
    """../shared beside the checkout (also two levels up, for git worktrees in wt/NAME)."""
    for cand in (ROOT.parent / "shared", ROOT.parent.parent / "shared"):
        if cand.exists():
            return cand
    return ROOT.parent / "shared"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=str(default_shared()))
    ap.add_argument("--split", default="all", choices=["dev", "test", "all"])
    ap.add_argument("--show-misses", type=int, default=0)
    ap.add_argument("--only", choices=["fixtures", "seeds", "webpages", "clean-articles"])
    ap.add_argument(
        "--render",
        choices=["blocks", "nodes", "bullets"],
        default="blocks",
        help="naive rendering: block elements end lines (default), one line per text node, "
        "or blocks with a '* ' before every list item (lynx/html2text style)",
    )
    a = ap.parse_args()
    shared = Path(a.shared)
    if a.only in (None, "fixtures"):
        fx = load_fixtures()
        print(f"(a) own labelled fixtures: {len(fx)} articles")
        print("  ", eval_labelled(fx, a.show_misses))
    if a.only in (None, "seeds") and (shared / "seeds").exists():
        sd = load_seeds(shared)
        print(f"(b) seeds: {len(sd)} labelled")
        print("  ", eval_labelled(sd, a.show_misses))
    if a.only in (None, "clean-articles") and (shared / "data/onestopenglish").exists():
        print("(d) clean articles (OneStopEnglish): nothing should be removed")
        eval_clean_articles(shared, a.show_misses)
    if a.only in (None, "webpages") and (shared / "data/webpages").exists():
        print("(c) webpages rendered as plain text")
        render = {"blocks": render_text, "nodes": render_nodes, "bullets": render_bullets}[a.render]
        print(f"(c) rendering: {a.render}")
        eval_webpages(shared, a.split, a.show_misses, render)


if __name__ == "__main__":
    sys.exit(main())
