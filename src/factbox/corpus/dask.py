"""Profile a partitioned dataset with Dask (local cores or a cluster) and write Parquet.

>>> from factbox.corpus.dask import profile_dataset
>>> profile_dataset("s3://bucket/crawl/*.jsonl", "s3://bucket/profiles/",
...                 text_field="text")                                    # doctest: +SKIP

Each input partition (a block of a JSONL file, or a Parquet row group/file) is cleaned and
profiled by :func:`profile_frame`, the same function a serial run uses, so the output equals
the serial result row for row. With a ``distributed.Client`` active the work runs on its
workers (``dask scheduler`` + ``dask worker tcp://…``, see docs/corpus.md); without one, on the
local threads/processes of the default scheduler. Needs the ``[dask]`` extra.
"""

from __future__ import annotations

import json
from typing import Any

from factbox.config import ProfileConfig
from factbox.corpus.errors import CorpusError, MissingExtraError
from factbox.corpus.pipeline import process
from factbox.corpus.sources import Failure, Item

#: output columns added to the input's other columns (the text column is dropped)
FACT_COLUMNS = ("level", "tokens", "types", "ttr", "sentences", "syllables", "body_hash", "fact",
                "error")


def _deps() -> tuple[Any, Any]:
    try:
        import dask.dataframe as dd
        import pandas as pd
    except ImportError:
        raise MissingExtraError(
            "the Dask integration needs dask, distributed and pyarrow: "
            "pip install 'factbox[dask]'"
        ) from None
    return dd, pd


def profile_frame(df: Any, text_field: str = "text", config: ProfileConfig | None = None) -> Any:
    """Profile the ``text_field`` column of a pandas DataFrame; keep the other columns.

    Adds :data:`FACT_COLUMNS`: ``fact`` is ``FactBox.to_dict()`` as JSON, ``error`` the reason a
    row could not be profiled (then the other fact columns are null).
    """
    _, pd = _deps()
    if text_field not in df.columns:
        raise CorpusError(f"no column {text_field!r} (columns: {', '.join(map(str, df.columns))}); "
                          "choose one with text_field=")
    out = df.drop(columns=[text_field]).reset_index(drop=True)
    cols: dict[str, list[Any]] = {c: [] for c in FACT_COLUMNS}
    for text in df[text_field]:
        if not isinstance(text, str):
            rec: dict[str, Any] | Failure = Failure("", "", "read", "text is missing")
        else:
            rec = process(Item("", "row", text, "auto", "dataset"), config, minhash=False)
        if isinstance(rec, Failure):
            for c in FACT_COLUMNS:
                cols[c].append(None)
            cols["error"][-1] = rec.message.removeprefix("row: ")
        else:
            for c in FACT_COLUMNS[:-1]:
                cols[c].append(rec[c])
            cols["error"].append(None)
    dtypes = {"level": "Float64", "ttr": "Float64", "tokens": "Int64", "types": "Int64",
              "sentences": "Int64", "syllables": "Int64"}
    for c in FACT_COLUMNS:
        out[c] = pd.array(cols[c], dtype=dtypes.get(c, "string"))
    return out


def read_dataset(
    input_glob: str | list[str],
    *,
    fmt: str | None = None,
    blocksize: str | int | None = "64MiB",
    storage_options: dict[str, Any] | None = None,
) -> Any:
    """A Dask DataFrame over JSONL (``*.jsonl``/``*.ndjson``) or Parquet files (local or fsspec
    URLs). JSON values are kept as read (no date or number guessing)."""
    dd, _ = _deps()
    first = input_glob if isinstance(input_glob, str) else input_glob[0]
    kind = fmt or ("parquet" if first.rstrip("/").endswith((".parquet", ".pq")) else "jsonl")
    if kind == "parquet":
        return dd.read_parquet(input_glob, storage_options=storage_options)
    if kind != "jsonl":
        raise CorpusError(f"fmt must be jsonl or parquet, not {kind!r}")
    return dd.read_json(input_glob, lines=True, blocksize=blocksize,
                        storage_options=storage_options, dtype=False)


def profile_dataset(
    input_glob: str | list[str],
    output_dir: str,
    *,
    text_field: str = "text",
    fmt: str | None = None,
    config: ProfileConfig | None = None,
    blocksize: str | int | None = "64MiB",
    storage_options: dict[str, Any] | None = None,
    compute: bool = True,
) -> Any:
    """Profile every row of the dataset and write Parquet files to ``output_dir``.

    One output row per input row, in input order: the input's columns except ``text_field``,
    then :data:`FACT_COLUMNS`. Returns what ``DataFrame.to_parquet`` returns (with
    ``compute=False`` a delayed object to run later).
    """
    if config is not None:
        config = config.validated()
    ddf = read_dataset(input_glob, fmt=fmt, blocksize=blocksize, storage_options=storage_options)
    meta = profile_frame(ddf._meta, text_field, config)
    out = ddf.map_partitions(profile_frame, text_field, config, meta=meta)
    return out.to_parquet(output_dir, write_index=False, storage_options=storage_options,
                          compute=compute)


def fact_dicts(frame: Any) -> list[dict[str, Any] | None]:
    """The ``fact`` column parsed back to dicts (``None`` for rows with an error)."""
    return [json.loads(v) if isinstance(v, str) else None for v in frame["fact"]]
