"""Where the scripts find ../shared/data, and how they read its text files.

The data sets are read at run time only; nothing from them is written into the project.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """``../shared/data`` beside the checkout (or two levels up, for a git worktree)."""
    for base in (ROOT.parent / "shared", ROOT.parent.parent / "shared"):
        if (base / "data").is_dir():
            return base / "data"
    raise SystemExit(f"../shared/data not found beside {ROOT}")


def read_text(path: Path) -> str:
    """A data file's text: UTF-8 (a BOM dropped), or cp1252 for the one OneStopEnglish file
    that is not UTF-8."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")
