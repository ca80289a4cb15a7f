"""Corpus mode: many articles parsed into one Parquet dataset per table (``python -m analysis corpus``).

``build_corpus(inputs, out)`` parses every article of files, folders, globs and JSON-lines files
(:mod:`analysis.corpus.inputs`) in batches (:mod:`analysis.corpus.batch`), in this process, a process pool or on
Dask (:mod:`analysis.corpus.run`), and writes ``out/<table>/part-*.parquet`` for every table of the contract plus
``text``, ``meta`` and ``errors`` (:mod:`analysis.corpus.store`).  ``read_table(out, "tokens")`` reads one back
(so does ``pandas.read_parquet(out / "tokens")``).
"""
from __future__ import annotations

from pathlib import Path

from analysis.corpus.inputs import InputError
from analysis.corpus.run import DEFAULT_BATCH_SIZE, CorpusResult, RunError, build_corpus, default_jobs
from analysis.corpus.store import CORPUS_TABLES, DatasetError, StoreError, read_manifest, table_names

__all__ = ["CORPUS_TABLES", "DEFAULT_BATCH_SIZE", "CorpusResult", "DatasetError", "InputError", "RunError", "StoreError",
           "build_corpus", "default_jobs", "read_manifest", "read_table", "table_names"]


def read_table(corpus_dir: str | Path, table: str, columns: list[str] | None = None, filters=None):
    """Table ``table`` of the corpus dataset in ``corpus_dir`` as one pandas DataFrame (``columns``: only those;
    ``filters``: pyarrow row filters such as ``[("type", "==", "PERSON")]``).  Parts are read in name order, so
    rows come in input order."""
    import pandas as pd

    folder = Path(corpus_dir) / table
    if table not in table_names():
        raise KeyError(f"no table {table!r}; tables: {', '.join(table_names())}")
    read_manifest(Path(corpus_dir))  # DatasetError when it is not a corpus dataset
    return pd.read_parquet(folder, columns=columns, filters=filters, engine="pyarrow")
