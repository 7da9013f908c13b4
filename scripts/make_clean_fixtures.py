"""Write tests/data/clean/*.txt: the project's own articles in invented page boilerplate.

Usage: PYTHONPATH=src python scripts/make_clean_fixtures.py

Each output line is ``LABEL<TAB>text``. ``B`` marks article body, ``T`` the title, an empty
label a blank line; any other label names the boilerplate class a cleaner must remove. The
articles are in scripts/clean_fixture_articles.py; the five page templates below imitate common
layouts (news site, Chinese portal, blog, cookie-banner magazine, statistics-block reprint).
All text is written for the project.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from clean_fixture_articles import ARTICLES

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "clean"
Line = tuple[str, str]


def body_lines(paras: list[str], inserts: dict[int, list[Line]], blank: bool) -> list[Line]:
    out: list[Line] = []
    for i, p in enumerate(paras):
        text = p[3:] if p.startswith("## ") else p
        out.append(("B", text))
        if blank:
            out.append(("", ""))
        for ins in inserts.get(i, []):
            out.append(ins)
            if blank:
                out.append(("", ""))
    return out


def news(a: dict, n: int) -> list[Line]:
    d = dt.date.fromisoformat(a["date"])
    teaser = ARTICLES[(n + 3) % len(ARTICLES)]["title"]
    return [
        ("navigation", "Skip to main content"),
        ("navigation", "Home"),
        ("navigation", "News"),
        ("navigation", "Sport"),
        ("navigation", "Business"),
        ("navigation", "Opinion"),
        ("navigation", "Culture"),
        ("sign_in", "Sign in"),
        ("newsletter", "Subscribe"),
        ("navigation", "Home > News > Local"),
        ("T", a["title"]),
        ("byline", f"By {a['author']}"),
        ("dateline", d.strftime("%B %-d, %Y") + " 9:41 a.m."),
        ("share_widget", "Share"),
        ("share_widget", "Tweet"),
        ("share_widget", "Email"),
        *body_lines(a["paras"], {1: [("advertisement", "Advertisement")]}, blank=False),
        ("related", "Related stories"),
        ("related", teaser),
        ("related", ARTICLES[(n + 5) % len(ARTICLES)]["title"]),
        ("comments", f"{(n * 7) % 40 + 2} comments"),
        ("footer", "About us"),
        ("footer", "Contact us"),
        ("footer", "Privacy policy"),
        ("footer", "Terms of use"),
        ("copyright", f"© {d.year} Westbrook Evening Post. All rights reserved."),
    ]


def portal(a: dict, n: int) -> list[Line]:
    d = dt.date.fromisoformat(a["date"])
    wk = "一二三四五六日"[d.weekday()]
    return [
        ("foreign_language", f"{d.year}年{d.month}月{d.day}日 星期{wk}"),
        ("T", a["title"]),
        ("", ""),
        ("dateline", f"{d.isoformat()} 08:{10 + n:02d}:26 admin source: share:"),
        ("", ""),
        *body_lines(
            a["paras"],
            {2: [("photo_credit", "Photo: Li Ming / Valley Daily")]},
            blank=True,
        ),
        ("editor", "Editor:Chen Jing"),
        ("", ""),
        ("site_licence", f"京ICP备0{6005116 + n}号"),
        ("footer", "Powered by MetInfo 7.2.0 ©2008-2024"),
    ]


def blog(a: dict, n: int) -> list[Line]:
    d = dt.date.fromisoformat(a["date"])
    return [
        ("navigation", "The Allotment Notebook"),
        ("navigation", "Notes from a small garden and a busy kitchen"),
        ("navigation", "Home"),
        ("navigation", "Recipes"),
        ("navigation", "Garden"),
        ("navigation", "Travel"),
        ("T", a["title"]),
        ("dateline", f"Posted on {d.strftime('%B %-d, %Y')} by {a['author'].split()[0].lower()}"),
        ("", ""),
        *body_lines(a["paras"], {}, blank=True),
        ("tag_list", "Tags: community, local news, weekend"),
        ("share_widget", "Share this:"),
        ("share_widget", "Twitter"),
        ("share_widget", "Facebook"),
        ("share_widget", "Like this:"),
        ("related", "Related"),
        ("comments", "Leave a Reply"),
        ("comments", "Your email address will not be published. Required fields are marked *"),
        ("share_widget", "Comment"),
        ("comments", "Name *"),
        ("comments", "Email *"),
        ("footer", "Proudly powered by WordPress | Theme: Sunny by Example Themes."),
    ]


def magazine(a: dict, n: int) -> list[Line]:
    d = dt.date.fromisoformat(a["date"])
    return [
        (
            "cookie_notice",
            "We use cookies to give you the best experience on our website. By "
            "continuing to browse, you agree to our use of cookies.",
        ),
        ("cookie_notice", "Accept all cookies"),
        ("navigation", "Menu"),
        ("navigation", "Search"),
        ("navigation", "Life | Food | Travel | Money | Home"),
        ("T", a["title"]),
        ("dateline", f"Updated {d.day} {d.strftime('%B %Y')}, 10:32 GMT"),
        ("byline", f"Words by {a['author']}"),
        ("media_widget", "4 min read"),
        *body_lines(
            a["paras"],
            {
                0: [("photo_credit", "(Photo: Getty Images)")],
                3: [("related", f"READ MORE: {ARTICLES[(n + 2) % len(ARTICLES)]['title']}")],
            },
            blank=True,
        ),
        ("newsletter", "Sign up to our weekly newsletter for the best stories in your inbox."),
        ("newsletter", "Enter your email"),
        ("related", "Most read"),
        ("related", ARTICLES[(n + 7) % len(ARTICLES)]["title"]),
        ("related", ARTICLES[(n + 8) % len(ARTICLES)]["title"]),
        ("related", ARTICLES[(n + 9) % len(ARTICLES)]["title"]),
        ("share_widget", "Follow us on Facebook, Instagram and X"),
        ("copyright", f"Copyright © {d.year} Hearth & Home Media Ltd"),
    ]


def reprint(a: dict, n: int) -> list[Line]:
    return [
        ("statistics_block", "Fact Box"),
        ("", ""),
        ("statistics_block", f"Level: {8 + n * 0.37:.3f}"),
        ("", ""),
        ("statistics_block", f"Tokens: {300 + n * 11}"),
        ("", ""),
        ("statistics_block", f"Types: {150 + n * 5}"),
        ("", ""),
        ("statistics_block", f"TTR: {0.45 + n * 0.004:.3f}"),
        ("", ""),
        ("T", a["title"]),
        ("", ""),
        (
            "B",
            "Editor's Note: This piece first ran in our weekend edition and is "
            "reprinted here with permission.",
        ),
        ("", ""),
        *body_lines(a["paras"], {}, blank=True),
        (
            "author_note",
            f"The author is a freelance journalist. The views do not necessarily "
            f"reflect those of the publisher. {a['author']} writes about local life.",
        ),
    ]


TEMPLATES = (news, portal, blog, magazine, reprint)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for n, a in enumerate(ARTICLES):
        tpl = TEMPLATES[n % len(TEMPLATES)]
        lines = tpl(a, n)
        path = OUT / f"{n:02d}_{tpl.__name__}.txt"
        path.write_text("\n".join(f"{lab}\t{txt}" for lab, txt in lines), encoding="utf-8")
        meta = {"title": a["title"], "author": a["author"], "date": a["date"]}
        print(path.name, meta["date"])


if __name__ == "__main__":
    main()
