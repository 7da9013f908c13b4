"""Corpus statistics: counts, the level distribution (table) and a self-contained SVG histogram."""

from __future__ import annotations

import html
import math
import sqlite3
import statistics
from dataclasses import dataclass, replace
from typing import Any

from factbox.corpus.query import Filters, select

LEVEL_BINS = 20  # bins "< 1", "1–2", …, "19–20", "≥ 20" (Flesch–Kincaid grade)


@dataclass(frozen=True, slots=True)
class Stats:
    """Summary of the (filtered) corpus.

    level_bins: (label, count) for grade bins of width 1: ``< 1`` (includes negative grades),
    ``1–2`` meaning 1 ≤ level < 2, …, ``≥ 20``; documents without a level are in ``no_level``.
    """

    documents: int
    errors: int
    tokens: int
    sources: tuple[tuple[str, int], ...]  # most frequent first, at most 20
    date_min: str | None
    date_max: str | None
    level_mean: float | None
    level_median: float | None
    level_bins: tuple[tuple[str, int], ...]
    no_level: int
    exact_groups: int
    near_groups: int
    duplicate_documents: int  # documents in exact groups beyond each group's first

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "errors": self.errors,
            "tokens": self.tokens,
            "sources": [{"source": s, "documents": n} for s, n in self.sources],
            "date_min": self.date_min,
            "date_max": self.date_max,
            "level_mean": self.level_mean,
            "level_median": self.level_median,
            "level_distribution": [{"bin": b, "documents": n} for b, n in self.level_bins],
            "no_level": self.no_level,
            "exact_groups": self.exact_groups,
            "near_groups": self.near_groups,
            "duplicate_documents": self.duplicate_documents,
        }


def bin_labels() -> list[str]:
    return ["< 1", *(f"{i}–{i + 1}" for i in range(1, LEVEL_BINS)), f"≥ {LEVEL_BINS}"]


def bin_index(level: float) -> int:
    return min(max(math.floor(level), 0), LEVEL_BINS)


def compute(db: sqlite3.Connection, filters: Filters | None = None) -> Stats:
    f = replace(filters or Filters(), limit=None, offset=0, sort="id")
    counts = [0] * (LEVEL_BINS + 1)
    levels: list[float] = []
    sources: dict[str, int] = {}
    n = tokens = no_level = 0
    dmin: str | None = None
    dmax: str | None = None
    ids: list[int] = []
    for r in select(db, "d.id, d.level, d.tokens, d.source, d.date", f):
        n += 1
        ids.append(r[0])
        tokens += r[2]
        if r[1] is None:
            no_level += 1
        else:
            levels.append(r[1])
            counts[bin_index(r[1])] += 1
        if r[3]:
            sources[r[3]] = sources.get(r[3], 0) + 1
        if r[4]:
            d = r[4][:10]
            dmin = d if dmin is None or d < dmin else dmin
            dmax = d if dmax is None or d > dmax else dmax
    idset = set(ids)
    groups: dict[tuple[int, str], list[int]] = {}
    for gid, kind, doc in db.execute(
        "SELECT g.id, g.kind, m.doc_id FROM dup_groups g JOIN dup_members m ON m.group_id = g.id"
    ):
        if doc in idset:
            groups.setdefault((gid, kind), []).append(doc)
    real = {k: v for k, v in groups.items() if len(v) > 1}
    errors = db.execute("SELECT count(*) FROM errors").fetchone()[0]
    return Stats(
        documents=n,
        errors=errors,
        tokens=tokens,
        sources=tuple(sorted(sources.items(), key=lambda kv: (-kv[1], kv[0]))[:20]),
        date_min=dmin,
        date_max=dmax,
        level_mean=statistics.fmean(levels) if levels else None,
        level_median=statistics.median(levels) if levels else None,
        level_bins=tuple(zip(bin_labels(), counts, strict=True)),
        no_level=no_level,
        exact_groups=sum(1 for k in real if k[1] == "exact"),
        near_groups=sum(1 for k in real if k[1] == "near"),
        duplicate_documents=len({d for k, v in real.items() if k[1] == "exact" for d in v[1:]}),
    )


def format_table(s: Stats) -> str:
    """Plain-text report: counts, then the level distribution with bars."""
    lines = [
        f"Documents: {s.documents}",
        f"Errors: {s.errors}",
        f"Tokens: {s.tokens}",
        f"Dates: {s.date_min or 'n/a'} … {s.date_max or 'n/a'}",
        "Level (Flesch–Kincaid grade): mean "
        + ("n/a" if s.level_mean is None else f"{s.level_mean:.2f}")
        + ", median "
        + ("n/a" if s.level_median is None else f"{s.level_median:.2f}"),
        f"Duplicate groups: {s.exact_groups} exact, {s.near_groups} near",
    ]
    if s.sources:
        lines.append("Sources: " + ", ".join(f"{src} ({n})" for src, n in s.sources))
    lines += ["", f"{'Level':>7}  {'Docs':>6}  {'%':>5}"]
    top = max((c for _, c in s.level_bins), default=0)
    total = max(s.documents, 1)
    for label, c in s.level_bins:
        bar = "#" * (round(40 * c / top) if top else 0)
        lines.append(f"{label:>7}  {c:>6}  {100 * c / total:>5.1f}  {bar}")
    if s.no_level:
        lines.append(f"{'none':>7}  {s.no_level:>6}  {100 * s.no_level / total:>5.1f}")
    return "\n".join(lines) + "\n"


def histogram_html(s: Stats, *, title: str = "Level distribution") -> str:
    """A self-contained HTML page with an inline SVG bar chart of the level distribution."""
    w, h, left, bottom, top_pad = 720, 320, 50, 40, 20
    n = len(s.level_bins)
    bw = (w - left - 10) / n
    top = max((c for _, c in s.level_bins), default=0) or 1
    bars = []
    for i, (label, c) in enumerate(s.level_bins):
        bh = (h - bottom - top_pad) * c / top
        x = left + i * bw
        y = h - bottom - bh
        bars.append(
            f'<rect x="{x + 1:.1f}" y="{y:.1f}" width="{bw - 2:.1f}" height="{bh:.1f}" '
            f'fill="#4c72b0"><title>{html.escape(label)}: {c}</title></rect>'
            f'<text x="{x + bw / 2:.1f}" y="{h - bottom + 14}" font-size="9" '
            f'text-anchor="middle">{html.escape(label)}</text>'
        )
        if c:
            bars.append(f'<text x="{x + bw / 2:.1f}" y="{y - 3:.1f}" font-size="9" '
                        f'text-anchor="middle">{c}</text>')
    axis = (
        f'<line x1="{left}" y1="{h - bottom}" x2="{w - 10}" y2="{h - bottom}" stroke="#333"/>'
        f'<text x="{(w + left) / 2:.0f}" y="{h - 8}" font-size="11" text-anchor="middle">'
        "Flesch–Kincaid grade</text>"
        f'<text x="14" y="{(h - bottom) / 2:.0f}" font-size="11" text-anchor="middle" '
        f'transform="rotate(-90 14 {(h - bottom) / 2:.0f})">documents</text>'
    )
    mean = "n/a" if s.level_mean is None else f"{s.level_mean:.2f}"
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(title)}</title></head>\n<body style=\"font-family:sans-serif\">"
        f"<h1 style=\"font-size:16px\">{html.escape(title)}</h1>"
        f"<p>{s.documents} documents, mean level {mean}"
        + (f", {s.no_level} without a level" if s.no_level else "") + "</p>\n"
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
        f'viewBox="0 0 {w} {h}" role="img">{axis}{"".join(bars)}</svg>\n</body></html>\n'
    )
