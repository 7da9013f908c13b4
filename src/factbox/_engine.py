"""Which engine runs profile()'s hot path: the compiled extension or the Python reference.

``factbox._speedups`` (C, built at install time when a compiler is available) is used unless
it is missing or the environment variable ``FACTBOX_PURE_PYTHON`` is set to anything but
``""`` or ``"0"``. The pure-Python code is the reference: tests check that both give the same
results (docs/performance.md).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Mapping
from functools import partial
from itertools import repeat
from types import ModuleType
from typing import Any, TypeVar

_R = TypeVar("_R")


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


def lookup(index: Mapping[str, int], freqs: Mapping[str, int], np: Any) -> tuple[Any, Any]:
    """For each type of ``freqs`` in order: its row in ``index`` (-1 when it has none) and its
    count, as two numpy int64 arrays. Compiled when available; :func:`lookup_python` is the
    reference."""
    c = speedups
    if c is not None and type(index) is dict and type(freqs) is dict:
        ids, counts = c.lookup(index, freqs)
        return np.frombuffer(ids, np.int64), np.frombuffer(counts, np.int64)
    return lookup_python(index, freqs, np)


def lookup_python(index: Mapping[str, int], freqs: Mapping[str, int], np: Any) -> tuple[Any, Any]:
    """:func:`lookup` in Python."""
    n = len(freqs)
    return (
        np.fromiter(map(index.get, freqs, repeat(-1)), np.int64, n),
        np.fromiter(freqs.values(), np.int64, n),
    )


def record(cls: type[_R]) -> Callable[..., _R]:
    """A constructor for the frozen, slotted dataclass ``cls`` that takes every field (by
    position in field order, or by keyword) and gives what ``cls(...)`` gives, without the
    generated ``__init__`` and its ``object.__setattr__`` call per field: compiled
    (``new_record``) when available, else ``cls`` itself. Only for classes whose
    ``__init__`` just sets the fields (no ``__post_init__``, every field in ``__init__``).
    Chosen when called (at import time): the objects are the same with either engine."""
    c = speedups
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    if (
        c is None
        or hasattr(cls, "__post_init__")
        or not all(f.init for f in fields)
        or "__slots__" not in cls.__dict__
    ):
        return cls
    return partial(c.new_record, c.record_maker(cls, tuple(f.name for f in fields)))
