"""Evaluate factbox.clean: own labelled fixtures, the seeds, and the real web pages.

Usage (from the repository root):

    PYTHONPATH=src python scripts/eval_clean.py [--shared ../shared] [--split dev|test|all]
        [--show-misses N] [--only webpages] [--render blocks|nodes|bullets|html_text]
        [--no-html] [--show-lines] [--only metadata]

(a) tests/data/clean/*.txt: articles written for the project, wrapped in invented page
    boilerplate, one label per line (``B`` body, ``T`` title, anything else boilerplate).
(b) the five seeds (read from SHARED/seeds at run time; labels by line number in
    tests/data/clean/seeds.json, checked against each file's SHA-256).
(c) SHARED/data/webpages: every page rendered to plain text as a naive scraper would
    (factbox.clean.html.render_text) and cleaned as plain text. Labels are partial snippets:
    rendered lines containing a ``with`` snippet count as body, lines containing a ``without``
    snippet as boilerplate. Shingle F1 (word 4-grams) is measured against trafilatura's body of
    the same HTML (a proxy: the project has no full gold bodies) and for "keep everything".
    Pages are split into dev/test by a hash of the file name. One table gives dev, test and
    all pages, with the number of pages under 0.5 and 0.8; "F1-corrected" scores against
    trafilatura's body with its errors undone by the snippets (a dropped ``with`` snippet is
    added, a paragraph with a ``without`` snippet removed), and the pages where that happens
    are listed. ``--show-misses N`` prints the N worst pages with their lost and kept
    snippets. trafilatura's bodies are cached in ``--cache`` (default
    /tmp/factbox_eval_clean_traf); ``--no-html`` skips the HTML-path comparison.
(d) OneStopEnglish articles (clean text): nothing should be removed; CPU MB/s.
(e) metadata of the webpages (``--only metadata``): title, date and authors of the plain-text
    path (on the rendering) and of the HTML path, against trafilatura.extract_metadata (a
    proxy) and the title/date/author fields of labels.json; see :func:`eval_metadata`.
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
from factbox.clean.language import line_language, script_language

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


def by_design(text: str, page_lang: str | None) -> bool:
    """True for a line of an English page in another language, as the cleaner's language rule
    judges a line (its script, else ``language.line_language``: two or more function words of
    one language, quoted passages aside): the issue wants such lines out of the English body,
    so losing them is by design. A short line without function words (``Platzwechsel,
    langsam erklärt``) cannot be told and counts as English."""
    if page_lang != "en":
        return False
    lang = script_language(text) or line_language(text, "en")
    return lang is not None and lang != "en"


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


def _traf_body(shared: Path, file: str, html: str, url: str, cache: Path | None) -> str:
    """trafilatura's body of one page, cached on disk (it is the slow part of this script)."""
    import trafilatura

    key = f"{file}.{trafilatura.__version__}.txt"
    if cache is not None and (cache / key).exists():
        return (cache / key).read_text(encoding="utf-8")
    body = extract_html(html, url).body
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        (cache / key).write_text(body, encoding="utf-8")
    return body


def corrected_gold(traf: str, info: dict) -> tuple[str, int, int]:
    """The proxy gold corrected by the human snippets: a ``with`` snippet that trafilatura
    dropped is added to the gold, a paragraph of trafilatura's body that contains a ``without``
    snippet is taken out. Returns (gold, with snippets added, without snippets removed)."""
    ntraf = norm(traf)
    added = [norm(s) for s in info.get("with", []) if norm(s) and norm(s) not in ntraf]
    bad = [norm(s) for s in info.get("without", []) if norm(s) and norm(s) in ntraf]
    if not added and not bad:
        return traf, 0, 0
    paras = [ln for ln in traf.split("\n") if not any(b in norm(ln) for b in bad)]
    gold = "\n".join(paras + added)
    # a `without` snippet spread over two of trafilatura's lines is cut out of the text
    for b in bad:
        if b in norm(gold):
            gold = norm(gold).replace(b, " ")
    return gold, len(added), len(bad)


def render_html_text(html: str) -> str:
    """A fourth rendering: the ``html-text`` package (Zyte's page-to-text library, MIT; a dev
    dependency), with its layout guess: block elements end lines, paragraphs and headings get
    a blank line around them."""
    import html_text

    try:
        return html_text.extract_text(html, guess_layout=True)
    except Exception:
        return ""


def eval_webpages(
    shared: Path,
    split: str,
    show: int,
    render=render_text,
    *,
    cache: Path | None = None,
    html_path: bool = True,
    lines_report: bool = False,
) -> list[dict]:
    labels = json.loads((shared / "data/webpages/labels.json").read_text())
    html_with = [0, 0, 0]  # trafilatura kept, ours kept, total
    html_without = [0, 0, 0]
    pages: list[dict] = []
    t_clean = c_clean = 0.0
    n_chars = 0
    for url, info in labels.items():
        sp = split_of(info["file"])
        if split not in ("all", sp):
            continue
        html = (shared / "data/webpages/html" / info["file"]).read_text(
            encoding="utf-8", errors="replace"
        )
        rendered = render(html)
        if not rendered.strip():
            continue
        n_chars += len(rendered)
        t0, c0 = time.perf_counter(), time.process_time()
        keep, art = kept_lines(rendered)
        t_clean += time.perf_counter() - t0
        c_clean += time.process_time() - c0
        traf = _traf_body(shared, info["file"], html, url, cache)
        ntraf = norm(traf)
        if html_path:
            try:
                ours_html = norm(clean(html, url=url, format="html").body)
            except NoArticleError:
                ours_html = ""
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
        nrend = norm(rendered)
        rec = {"file": info["file"], "split": sp, "tp": 0, "fp": 0, "fn": 0, "title": 0, "dup": 0}
        rec["held"] = 0  # lost lines whose text the output holds, or removed by design
        rec["foreign"] = 0  # lost body lines in another language than the page (by design)
        rec["with"] = [norm(s) for s in info.get("with", []) if norm(s) and norm(s) in nrend]
        rec["without"] = [norm(s) for s in info.get("without", []) if norm(s) and norm(s) in nrend]
        rec["lost"] = [s for s in rec["with"] if s not in nbody]
        page_lang = art.language if art is not None else None
        rec["lost_foreign"] = [s for s in rec["lost"] if by_design(s, page_lang)]
        rec["kept_bad"] = [s for s in rec["without"] if s in nbody]
        why = {}
        if art is not None:
            for r in art.removed:
                for i in range(r.start_line, r.end_line + 1):
                    why[i] = f"{r.reason}/{r.rule}"
        title_ok = art is not None and page_title_ok(art.title, info.get("title"))
        ntitle = norm(art.title) if art is not None and art.title and title_ok else ""
        for i, line in enumerate(rendered.split("\n"), 1):
            nl = norm(line)
            is_body = any(s in nl for s in rec["with"])
            is_bp = any(s in nl for s in rec["without"])
            if is_body == is_bp:
                continue
            rec["tp"] += is_body and i in keep
            rec["fn"] += is_body and i not in keep
            # kept on another line (or a copy of the headline that Article.title holds, in a
            # teaser or "latest" list: eleventh round)
            dup = (
                is_body
                and i not in keep
                and (nl in nbody or (nl == ntitle and not why.get(i, "").startswith("title/")))
            )
            foreign = (
                is_body
                and i not in keep
                and (why.get(i, "").startswith("foreign_language/") or by_design(nl, page_lang))
            )
            # a body line moved to Article.title that is the page's title (eighth round)
            # (or the page's <title> line that holds it with the site name, eleventh round)
            in_title = (
                is_body
                and title_ok
                and why.get(i, "").startswith("title/")
                and (nl in norm(art.title) or norm(art.title) in nl)
            )
            rec["dup"] += dup
            rec["foreign"] += foreign
            rec["title"] += in_title
            # twelfth round: each lost line once, whichever of the three holds it
            rec["held"] += dup or foreign or in_title
            rec["fp"] += is_bp and i in keep
            if lines_report and is_body and i not in keep:
                mark = " (held)" if dup or foreign or in_title else ""
                print(
                    f"    LOST-LINE {sp:4} {info['file']}:{i} [{why.get(i, '?')}]{mark} {nl[:110]}"
                )
            if lines_report and is_bp and i in keep:
                print(f"    KEPT-LINE {sp:4} {info['file']}:{i} {nl[:110]}")
        if traf.strip():
            gold, added, dropped = corrected_gold(traf, info)
            rec["f1"] = shingle_f1(body, traf)
            rec["f1_all"] = shingle_f1(rendered, traf)
            rec["f1_corr"] = shingle_f1(body, gold)
            rec["f1_corr_all"] = shingle_f1(rendered, gold)
            rec["traf_flags"] = (added, dropped)
        pages.append(rec)
    mean = lambda xs: sum(xs) / len(xs) if xs else float("nan")  # noqa: E731
    groups = [("dev", "dev"), ("test", "test"), ("all", None)]
    if split != "all":
        groups = [(split, split)]

    def group(sp: str | None) -> tuple[list[dict], int, int, int]:
        """The pages of a split (all pages for None) and their line counts tp, fp, fn."""
        rs = [r for r in pages if sp is None or r["split"] == sp]
        tp, fp, fn = (sum(r[k] for r in rs) for k in ("tp", "fp", "fn"))
        return rs, tp, fp, fn

    print(f"  pages: {len(pages)} ({split}); rendering: {render.__name__}")
    print(
        "  split  pages  F1-proxy  keep-all  F1-corrected  keep-all  <0.5  <0.8"
        "  line-P  line-R  with-kept  without-removed  title-P  title-R"
    )
    for name, sp in groups:
        rs, tp, fp, fn = group(sp)
        fs = [r for r in rs if "f1" in r]
        p, rcl, _ = prf(tp, fp, fn)
        nt = sum(r["title"] for r in rs)
        pt, rt, _ = prf(tp + nt, fp, fn - nt)
        nw = sum(len(r["with"]) for r in rs)
        nlost = sum(len(r["lost"]) for r in rs)
        nwo = sum(len(r["without"]) for r in rs)
        nkept = sum(len(r["kept_bad"]) for r in rs)
        print(
            f"  {name:5} {len(fs):6}  {mean([r['f1'] for r in fs]):8.4f}"
            f"  {mean([r['f1_all'] for r in fs]):8.3f}"
            f"  {mean([r['f1_corr'] for r in fs]):12.4f}"
            f"  {mean([r['f1_corr_all'] for r in fs]):8.3f}"
            f"  {sum(r['f1_corr'] < 0.5 for r in fs):4}  {sum(r['f1_corr'] < 0.8 for r in fs):4}"
            f"  {p:6.3f}  {rcl:6.3f}  {nw - nlost:4}/{nw:<4}  {nwo - nkept:4}/{nwo:<11}"
            f"  {pt:7.3f}  {rt:7.3f}"
        )
    print(
        "  title-P/R: line-P/R with the body lines moved to Article.title counted as kept"
        " when they are the page's title (its label's title, where labels.json has one)"
    )
    dups = []
    for name, sp in groups:
        rs, tp, fp, fn = group(sp)
        nd = sum(r["dup"] for r in rs)
        dups.append(f"{name} {nd} (line-R {prf(tp + nd, fp, fn - nd)[1]:.3f})")
    print(
        "  lost body lines whose text the kept body holds on another line (a teaser or tab"
        " copy, or a copy of the headline that the title holds; recall if counted as kept): "
        + ", ".join(dups)
    )
    foreign = []
    for name, sp in groups:
        rs, tp, fp, fn = group(sp)
        nf = sum(r["foreign"] for r in rs)
        nw = sum(len(r["with"]) for r in rs)
        nlost = sum(len(r["lost"]) for r in rs)
        nsf = sum(len(r["lost_foreign"]) for r in rs)
        foreign.append(
            f"{name} {nf} lines (line-R {prf(tp, fp, fn - nf)[1]:.3f}), {nsf} `with` snippets"
            f" ({nw - nlost}/{nw - nsf})"
        )
    print(
        "  lost body lines and `with` snippets of English pages in another language, or removed"
        " as foreign_language (by design: the issue wants them out of the English body; recall"
        " without them): "
        + ", ".join(foreign)
    )
    held = []
    for name, sp in groups:
        rs, tp, fp, fn = group(sp)
        nh = sum(r["held"] for r in rs)
        r_held = prf(tp + nh, fp, fn - nh)[1]
        held.append(f"{name} {fn - nh} lost of {tp + fn} (line-R {r_held:.4f})")
    print(
        "  body lines lost with none of the three above holding them (text not in Article.title,"
        " not on another kept line, not removed as another language; each line counted once): "
        + ", ".join(held)
    )
    flagged = [r for r in pages if "f1" in r and any(r["traf_flags"])]
    print(
        f"  proxy gold corrected by snippets on {len(flagged)} pages "
        f"(trafilatura drops a `with` snippet or keeps a `without` one): "
        + ", ".join(
            f"{r['file']} (+{r['traf_flags'][0]}/-{r['traf_flags'][1]})" for r in flagged[:40]
        )
    )
    if show:
        print(f"  worst {show} pages by snippet-corrected shingle F1:")
        print("    F1-corr  F1-proxy  keep-all  split  page")
        for r in sorted((r for r in pages if "f1" in r), key=lambda r: r["f1_corr"])[:show]:
            print(
                f"    {r['f1_corr']:7.3f}  {r['f1']:8.3f}  {r['f1_corr_all']:8.3f}  "
                f"{r['split']:5}  {r['file']}"
                + ("  [gold corrected]" if any(r["traf_flags"]) else "")
            )
            for s in r["lost"]:
                print(f"        LOST {s[:80]}")
            for s in r["kept_bad"]:
                print(f"        KEPT {s[:80]}")
    if html_path:
        print(
            f"  HTML path, 'with' snippets kept: trafilatura alone {html_with[0]}/{html_with[2]}, "
            f"factbox.clean {html_with[1]}/{html_with[2]}"
        )
        print(
            f"  HTML path, 'without' snippets removed: trafilatura alone "
            f"{html_without[0]}/{html_without[2]}, factbox.clean "
            f"{html_without[1]}/{html_without[2]}"
        )
    print(
        f"  speed: cleaner {n_chars / max(t_clean, 1e-9) / 1e6:.2f} MB/s on rendered text (wall), "
        f"{n_chars / max(c_clean, 1e-9) / 1e6:.2f} MB/s CPU ({n_chars / 1e6:.2f} MB, one pass, "
        "first use of every pattern included)"
    )
    return pages


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


# --- metadata ---------------------------------------------------------------------------------

_TITLE_SEP = re.compile(r"\s+(?:\||-|–|—|·|::|»|/)\s+")
_TITLE_TRIM = re.compile(r"^[\W_]+|[\W_]+$")


def norm_title(t: str | None) -> str:
    """Lower case, one space, no outer punctuation, no trailing site name (a last segment of at
    most five words after `` | ``, `` - ``, `` – ``, `` — ``, `` · ``, `` :: ``, `` » ``)."""
    if not t:
        return ""
    s = norm(t).lower()
    parts = _TITLE_SEP.split(s)
    if len(parts) > 1 and len(parts[-1].split()) <= 5 and " ".join(parts[:-1]).strip():
        s = " - ".join(parts[:-1])
    return _TITLE_TRIM.sub("", s)


def page_title_ok(ours: str | None, label: str | None) -> bool:
    """Our title is the page's title: it agrees with the label's (word-token F1 of at least
    0.5 after ``norm_title``) or there is no label to contradict it."""
    if not ours:
        return False
    if not label:
        return True
    return token_f1(norm_title(ours).split(), norm_title(label).split()) >= 0.5


def token_f1(pred: list[str], gold: list[str]) -> float:
    p, g = Counter(pred), Counter(gold)
    inter = sum((p & g).values())
    if not inter:
        return 0.0
    prec, rec = inter / sum(p.values()), inter / sum(g.values())
    return 2 * prec * rec / (prec + rec)


def _author_tokens(authors) -> list[str]:  # type: ignore[no-untyped-def]
    if isinstance(authors, str):
        authors = re.split(r";|,|\band\b", authors)
    return [w.lower() for a in authors for w in _W.findall(a) if not w.isdigit()]


def compare_meta(ours: dict, ref: dict) -> dict[str, float | None]:
    """Agreement of one page's metadata with a reference (None where the reference has none).

    title_exact: normalised titles equal (:func:`norm_title`); title_f1: word-token F1 of the
    normalised titles; date: the same day; authors: word-token F1 of all author names."""
    out: dict[str, float | None] = {"title_exact": None, "title_f1": None}
    out.update(date=None, authors=None)
    if ref.get("title"):
        a, b = norm_title(ours.get("title")), norm_title(ref["title"])
        out["title_exact"] = float(a == b)
        out["title_f1"] = token_f1(_W.findall(a), _W.findall(b))
    if ref.get("date"):
        out["date"] = float((ours.get("date") or "")[:10] == ref["date"][:10])
    if ref.get("authors"):
        out["authors"] = token_f1(_author_tokens(ours.get("authors") or ()),
                                  _author_tokens(ref["authors"]))
    return out


def _traf_meta(file: str, html: str, url: str, cache: Path | None) -> dict:
    """trafilatura.extract_metadata of one page (title, date, authors), cached as JSON."""
    import trafilatura

    key = f"{file}.{trafilatura.__version__}.meta.json"
    if cache is not None and (cache / key).exists():
        return json.loads((cache / key).read_text(encoding="utf-8"))
    doc = trafilatura.extract_metadata(html, default_url=url)
    get = (lambda k: getattr(doc, k, None)) if doc is not None else (lambda k: None)
    meta = {"title": get("title"), "date": get("date"), "authors": get("author")}
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        (cache / key).write_text(json.dumps(meta), encoding="utf-8")
    return meta


META_FIELDS = ("title_exact", "title_f1", "date", "authors")


def eval_metadata(
    shared: Path,
    render=render_text,
    *,
    cache: Path | None = None,
    html_path: bool = True,
    show: int = 0,
) -> dict[str, dict[str, float]]:
    """Metadata of the plain-text path (on the naive rendering) and of the HTML path, against
    two references: trafilatura's ``extract_metadata`` on the HTML (a proxy), and the title,
    date and author fields of labels.json (trafilatura's evaluation set, filled by hand; where
    a reference has no value the page is skipped for that field)."""
    labels = json.loads((shared / "data/webpages/labels.json").read_text())
    rows: list[tuple[str, str, dict, dict, dict, dict | None]] = []
    for url, info in labels.items():
        html = (shared / "data/webpages/html" / info["file"]).read_text(
            encoding="utf-8", errors="replace"
        )
        rendered = render(html)
        try:
            art = clean(rendered, format="text") if rendered.strip() else None
        except NoArticleError:
            art = None
        ours = {"title": art.title, "date": art.date, "authors": art.authors} if art else {}
        traf = _traf_meta(info["file"], html, url, cache)
        gold = {"title": info.get("title"), "date": info.get("date")}
        if "author" in info and info["author"] is not None:
            gold["authors"] = info["author"]
        ours_html = None
        if html_path:
            try:
                h = clean(html, url=url, format="html")
                ours_html = {"title": h.title, "date": h.date, "authors": h.authors}
            except NoArticleError:
                ours_html = {}
        rows.append((info["file"], split_of(info["file"]), ours, traf, gold, ours_html))
    results: dict[str, dict[str, float]] = {}
    print(f"  pages: {len(rows)}; rendering: {render.__name__}")
    print("  path        reference        split  title-exact     title-F1   same-day"
          "        author-F1")
    combos = [("plain-text", "trafilatura", 2, 3), ("plain-text", "labels", 2, 4)]
    if html_path:
        combos += [("HTML", "trafilatura", 5, 3), ("HTML", "labels", 5, 4)]
    for path, refname, oi, ri in combos:
        for sp in ("dev", "test", "all"):
            sel = [r for r in rows if sp == "all" or r[1] == sp]
            scores = [compare_meta(r[oi] or {}, r[ri]) for r in sel]
            cells = []
            for f in META_FIELDS:
                vals = [s[f] for s in scores if s[f] is not None]
                m = sum(vals) / len(vals) if vals else float("nan")
                results[f"{path}/{refname}/{sp}/{f}"] = m
                cells.append(f"{m:6.3f} ({len(vals):3})")
            print(f"  {path:11} {refname:16} {sp:5}  " + "  ".join(cells))
    # false alarms: authors named where labels.json has an author field that is empty
    no_author = [r for r in rows if "authors" in r[4] and r[4]["authors"] in ("", [])]
    for path, oi in (("plain-text", 2), ("HTML", 5)):
        if oi == 5 and not html_path:
            continue
        n = sum(bool((r[oi] or {}).get("authors")) for r in no_author)
        results[f"{path}/spurious_authors"] = n
        print(f"  {path}: authors named on {n} of the {len(no_author)} pages whose label has none")
    if show:
        print("  plain-text titles that differ from trafilatura's (first pages):")
        n = 0
        for file, _, ours, traf, _, _ in rows:
            if traf.get("title") and norm_title(ours.get("title")) != norm_title(traf["title"]):
                print(f"    {file}: ours {ours.get('title')!r:.70} | traf {traf['title']!r:.70}")
                n += 1
                if n >= show:
                    break
    return results


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
    ap.add_argument(
        "--only", choices=["fixtures", "seeds", "webpages", "clean-articles", "metadata"]
    )
    ap.add_argument(
        "--render",
        choices=["blocks", "nodes", "bullets", "html_text"],
        default="blocks",
        help="naive rendering: block elements end lines (default), one line per text node, "
        "blocks with a '* ' before every list item (lynx/html2text style), or the html-text "
        "package's extraction",
    )
    ap.add_argument(
        "--cache",
        default="/tmp/factbox_eval_clean_traf",
        help="directory caching trafilatura's body of each page (the slow part)",
    )
    ap.add_argument("--no-cache", action="store_true")
    ap.add_argument("--no-html", action="store_true", help="skip the HTML-path comparison")
    ap.add_argument(
        "--show-lines",
        action="store_true",
        help="print every lost body line (with the reason/rule that removed it) and every "
        "kept boilerplate line (lines holding a `with` / `without` snippet)",
    )
    ap.add_argument(
        "--dump-pages",
        metavar="FILE",
        help="write each page's scores (file, split, F1 proxy/corrected, keep-all, line counts) "
        "as JSON to FILE, to compare two versions page by page",
    )
    a = ap.parse_args()
    shared = Path(a.shared)
    render = {
        "blocks": render_text,
        "nodes": render_nodes,
        "bullets": render_bullets,
        "html_text": render_html_text,
    }[a.render]
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
        print(f"(c) rendering: {a.render}")
        pages = eval_webpages(
            shared,
            a.split,
            a.show_misses,
            render,
            cache=None if a.no_cache else Path(a.cache),
            html_path=not a.no_html,
            lines_report=a.show_lines,
        )
        if a.dump_pages:
            keys = ("file", "split", "f1", "f1_all", "f1_corr", "f1_corr_all", "tp", "fp", "fn")
            rows = [{k: r[k] for k in keys if k in r} | {"lost": r["lost"]} for r in pages]
            Path(a.dump_pages).write_text(json.dumps(rows, indent=0), encoding="utf-8")
    if a.only in (None, "metadata") and (shared / "data/webpages").exists():
        print("(e) metadata of the webpages: title, date, authors")
        eval_metadata(
            shared,
            render,
            cache=None if a.no_cache else Path(a.cache),
            html_path=not a.no_html,
            show=a.show_misses,
        )


if __name__ == "__main__":
    sys.exit(main())
