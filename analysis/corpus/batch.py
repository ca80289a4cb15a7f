"""The per-batch function: parse a batch of articles and return every table as Parquet bytes.

:func:`run_batch` is the one function every executor runs (in this process for ``--jobs 1``, in a process pool,
or on Dask workers): a pure function of the :class:`Batch`, so the tables do not depend on where or in which
order the batches ran.  A refused article (:class:`~analysis.text.reader.ArticleError`, or any other exception
from the parser) becomes a row of the ``errors`` table; it never stops the batch.

The worker keeps what it loads (the NER model, the lexicons) for its lifetime: :func:`warm_up` loads them once
when the worker starts.
"""
from __future__ import annotations

import signal
from dataclasses import dataclass
from pathlib import Path

from analysis.corpus.inputs import Item
from analysis.corpus.store import ARTICLE_TABLES, arrow_schema, pandas_dtypes, to_parquet_bytes

__all__ = ["Batch", "BatchResult", "Options", "run_batch", "warm_up"]


@dataclass(frozen=True)
class Options:
    """What every article of a run is parsed with (recorded in the manifest: a resumed run must match)."""

    ner: bool = True
    max_bytes: int = 5_000_000
    country: str | None = None  # the outlets' country (ISO 3166 alpha-2), a hint for places and names

    def as_dict(self) -> dict:
        out: dict = {"ner": self.ner, "max_bytes": self.max_bytes}
        if self.country:  # only when given: datasets written before the option still resume
            out["country"] = self.country
        return out


@dataclass(frozen=True)
class Batch:
    index: int  # position of the batch in the run's plan (articles index*batch_size ...)
    part: str  # the part file name the tables go to
    items: tuple[Item, ...]
    options: Options = Options()


@dataclass(frozen=True)
class BatchResult:
    index: int
    part: str
    articles: int  # parsed
    refused: int
    tables: dict[str, bytes]  # table name -> Parquet bytes
    seconds: float = 0.0  # parse time in the worker (CPU time of the process)


def warm_up(ner: bool = True, ignore_sigint: bool = False, freeze: bool = False) -> None:
    """Load what parsing needs once per worker (NER model, lexicons) by parsing a two-line article.

    ``ignore_sigint``: in a pool worker, leave Ctrl-C to the parent (which stops the workers itself).
    ``freeze``: in a process that only parses (a pool worker, its forkserver), then move everything loaded out of
    the garbage collector's generations (``gc.freeze``), the name romanizer's model loaded first: the models and
    lexicons live as long as the process, and each full collection would otherwise walk them again (a full
    collection of an unfrozen worker takes over 100 ms).  The tables are the same.
    """
    if ignore_sigint:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    from analysis.article import parse_article

    try:
        parse_article("وزير الخارجية يزور بغداد\n\nقال وزير الخارجية إن التعاون مستمر.", ner=ner)
    except Exception:  # warm-up only: a real problem shows on the first article
        pass
    if freeze:
        import gc

        from analysis.names.spelling import romanize_token

        try:
            romanize_token("بغداد", use_lexicon=False)  # the name model loads on its first unknown name: now
        except Exception:
            pass
        gc.collect()
        gc.freeze()


def _to_arrow(name: str, frames: list, ids: list[str], lengths: list[int]):
    """The rows of ``frames`` (one per article) as one Arrow table of the dataset schema, article ids set."""
    import numpy as np
    import pandas as pd
    import pyarrow as pa

    target = arrow_schema(name)
    nonempty = [f for f in frames if len(f)]
    if not nonempty:
        return target.empty_table()
    df = nonempty[0] if len(nonempty) == 1 else pd.concat(nonempty, ignore_index=True)
    casts = {c: d for c, d in pandas_dtypes(name).items() if d == "Int64" and str(df[c].dtype) != "Int64"}
    if casts:
        df = df.astype(casts)
    table = pa.Table.from_pandas(df, schema=target, preserve_index=False)
    aid = pa.array(np.repeat(np.array(ids, dtype=object), lengths), type=pa.large_string())
    table = table.set_column(0, target.field(0), aid)
    return table.replace_schema_metadata(target.metadata)


def _rows(name: str, rows: list[tuple]):
    import pyarrow as pa

    target = arrow_schema(name)
    columns: list[tuple] = list(zip(*rows)) if rows else [() for _ in target]
    return pa.Table.from_arrays([pa.array(list(c), type=f.type) for c, f in zip(columns, target)], schema=target)


def run_batch(batch: Batch) -> BatchResult:
    """Parse every article of ``batch``; return all tables (article tables, text, meta, errors) as Parquet."""
    import time

    from analysis.article import parse_article
    from analysis.text.reader import ArticleError

    started = time.process_time()
    opts = batch.options
    frames: dict[str, list] = {t: [] for t in ARTICLE_TABLES}
    lengths: dict[str, list[int]] = {t: [] for t in ARTICLE_TABLES}
    ids: list[str] = []
    texts: list[tuple] = []
    metas: list[tuple] = []
    errors: list[tuple] = []
    for item in batch.items:
        if item.error is not None:
            errors.append((item.article_id, item.input, item.error))
            continue
        try:
            if item.path is not None:
                art = parse_article(Path(item.path), ner=opts.ner, max_bytes=opts.max_bytes, country=opts.country)
            else:
                art = parse_article(item.text if item.text is not None else "", name=item.name, ner=opts.ner,
                                    max_bytes=opts.max_bytes, country=opts.country)
        except ArticleError as err:
            errors.append((item.article_id, item.input, err.reason))
            continue
        except Exception as err:  # a parser bug must not stop the corpus: record it with the article
            errors.append((item.article_id, item.input, f"internal error: {type(err).__name__}: {err}"))
            continue
        ids.append(item.article_id)
        for name, df in art.tables().items():
            frames[name].append(df)
            lengths[name].append(len(df))
        texts.append((item.article_id, art.text))
        metas.append((item.article_id, item.input, item.line, *item.meta))
    out = {name: to_parquet_bytes(_to_arrow(name, frames[name], ids, lengths[name])) for name in ARTICLE_TABLES}
    out["text"] = to_parquet_bytes(_rows("text", texts))
    out["meta"] = to_parquet_bytes(_rows("meta", metas))
    out["errors"] = to_parquet_bytes(_rows("errors", errors))
    return BatchResult(batch.index, batch.part, len(ids), len(errors), out, time.process_time() - started)
