"""What the process pools of the command line and the corpus ingest share."""

from __future__ import annotations

import multiprocessing
import multiprocessing.context
import os


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity on Linux, else the CPU count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def mp_context() -> multiprocessing.context.BaseContext:
    """``fork`` where the platform has it, so workers share the parent's loaded dictionaries;
    else ``spawn`` (each worker then loads them in its initializer)."""
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")  # pragma: no cover
