"""Which engine runs profile()'s hot path: the compiled extension or the Python reference.

``factbox._speedups`` (C, built at install time when a compiler is available) is used unless
it is missing or the environment variable ``FACTBOX_PURE_PYTHON`` is set to anything but
``""`` or ``"0"``. The pure-Python code is the reference: tests check that both give the same
results (docs/performance.md).
"""

from __future__ import annotations

import os
from types import ModuleType


def _load() -> ModuleType | None:
    if os.environ.get("FACTBOX_PURE_PYTHON", "") not in ("", "0"):
        return None
    try:
        from factbox import _speedups
    except ImportError:
        return None
    return _speedups


# Read at call time (``_engine.speedups``), so tests can switch engines in one process.
speedups: ModuleType | None = _load()


def engine() -> str:
    """``"c"`` when the compiled hot path is in use, ``"python"`` for the pure-Python one."""
    return "python" if speedups is None else "c"
