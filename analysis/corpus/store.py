"""The corpus dataset on disk: one Parquet dataset per table, part files named by batch, and a manifest.

Layout of ``DIR``::

    DIR/manifest.json          what was written: options, batch size, one entry per committed part
    DIR/<table>/part-000000.parquet ...   one file per batch for every table (article, paragraphs, ... dates)
    DIR/text/part-*.parquet    article_id, text: the source as read, so every offset stays checkable
    DIR/meta/part-*.parquet    article_id, input, line, source, url, date_extracted, author, extra
    DIR/errors/part-*.parquet  article_id, input, reason: what was refused

Every batch writes a part file (possibly with no rows) into *every* table folder, all with the table's one
Arrow schema (from the contract, :mod:`analysis.schema`), so ``pandas.read_parquet(DIR / "tokens")`` and
``dask.dataframe.read_parquet`` read a folder as one table with the declared dtypes.

A batch is committed in two steps: its part files are written under a hidden temporary name and renamed into
place, then the manifest (rewritten through a temporary file and an atomic rename) lists the part.  A part file
that the manifest does not list is the remnant of a batch interrupted between the two steps: the next run
removes it and parses that batch again.  So an interrupted run loses at most the batches in flight and never
leaves a half-written file in a table folder.  One run at a time writes into ``DIR`` (a lock file, released by
the operating system when the run ends however it ends).
"""
from __future__ import annotations

import errno
import fcntl
import io
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from analysis import __version__, schema
from analysis.corpus.inputs import META_FIELDS
from analysis.schema import Column, Table

__all__ = ["ARTICLE_TABLES", "CORPUS_TABLES", "CorpusStore", "DatasetError", "MANIFEST", "PART_RE", "StoreError",
           "arrow_schema", "table_names"]

MANIFEST = "manifest.json"
FORMAT = "arabic-news-corpus"
FORMAT_VERSION = 1
PART_RE = re.compile(r"^part-(\d{6})(?:-(\d+))?\.parquet$")
_LOCK = ".lock"
_TMP = ".tmp-"

ARTICLE_TABLES: tuple[str, ...] = tuple(schema.TABLES)  # article, paragraphs, ..., dates (the contract)


def _col(name: str, dtype: str, description: str, *, null: bool = False) -> Column:
    return Column(name, dtype, null, description)


_AID = _col("article_id", "str", "The article's corpus id (see analysis/corpus/inputs.py).")
CORPUS_TABLES: dict[str, Table] = {t.name: t for t in (
    Table("text", "article", "corpus", "The article text as read (decoded, line endings folded): every table's "
          "start/end offsets point into it.",
          (_AID, _col("text", "str", "The text."))),
    Table("meta", "article", "corpus", "Where the article came from, and the JSON line's own fields.",
          (_AID, _col("input", "str", "The file read (``path``, or ``path:line`` for a JSON line)."),
           _col("line", "Int64", "Line number in the JSON-lines file, null for a text file.", null=True),
           *(_col(f, "str", f"The JSON line's ``{f}`` field, null when absent.", null=True) for f in META_FIELDS),
           _col("extra", "str", "The line's other fields (not title/content) as a JSON object, null when none.",
                null=True))),
    Table("errors", "refused input", "corpus", "Inputs that were refused, with the reason; everything else was "
          "written.",
          (_AID, _col("input", "str", "The file (or ``path:line``) refused."),
           _col("reason", "str", "Why, in one line."))),
)}


def table_names() -> tuple[str, ...]:
    """Every table folder of a corpus dataset: the article tables, then text, meta, errors."""
    return ARTICLE_TABLES + tuple(CORPUS_TABLES)


def _declared(name: str) -> Table:
    return schema.TABLES[name] if name in schema.TABLES else CORPUS_TABLES[name]


@cache
def arrow_schema(name: str):
    """The Arrow schema of table ``name`` in the dataset, from its declaration.

    Declared ``str`` columns are ``large_string`` (pandas' own string storage), ``int64``/``bool`` are non-null,
    ``Int64``/``boolean``/``float64`` nullable.  The one ``object`` column (``figures.subject_entity_id``, entity
    ids or None) is stored as a nullable int64 and read back as ``Int64``.  The pandas metadata is fixed here
    (not taken from each batch's frame), so every part file has the same schema and reads back with the
    declared dtypes.
    """
    import pandas as pd
    import pyarrow as pa

    arrow = {"str": pa.large_string(), "int64": pa.int64(), "Int64": pa.int64(), "float64": pa.float64(),
             "bool": pa.bool_(), "boolean": pa.bool_(), "object": pa.int64()}
    pandas_dtype = {"object": "Int64"}
    t = _declared(name)
    fields = [pa.field(c.name, arrow[c.dtype], nullable=c.dtype not in ("int64", "bool")) for c in t.columns]
    empty = pd.DataFrame({c.name: pd.Series([], dtype=pandas_dtype.get(c.dtype, c.dtype)) for c in t.columns})
    metadata = pa.Schema.from_pandas(empty, preserve_index=False).metadata
    return pa.schema(fields, metadata=metadata)


def schema_fingerprint() -> str:
    """12 hex digits naming every table's columns and Arrow types: a dataset written under another table
    contract (a column added or retyped) has another fingerprint and is not resumed into."""
    import hashlib

    text = ";".join(f"{name}:" + ",".join(f"{f.name}={f.type}" for f in arrow_schema(name)) for name in table_names())
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def pandas_dtypes(name: str) -> dict[str, str]:
    """The pandas dtypes a table reads back with (the declared ones; ``object`` is ``Int64``)."""
    return {c.name: ("Int64" if c.dtype == "object" else c.dtype) for c in _declared(name).columns}


def to_parquet_bytes(table) -> bytes:
    """One part file's bytes (zstd): deterministic for the same rows."""
    import pyarrow.parquet as pq

    sink = io.BytesIO()
    pq.write_table(table, sink, compression="zstd", write_statistics=True)
    return sink.getvalue()


class StoreError(RuntimeError):
    """``DIR`` cannot be used for this run (not a folder, another run writing, other options)."""


class DatasetError(RuntimeError):
    """``DIR`` is not a corpus dataset (no manifest) or is damaged."""


@dataclass(frozen=True)
class PartInfo:
    batch: int
    articles: int
    refused: int


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f"{_TMP}{os.getpid()}-{path.name}")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def read_manifest(out: Path) -> dict:
    """The manifest of the dataset in ``out``; :class:`DatasetError` when there is none or it is unreadable."""
    path = Path(out) / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DatasetError(f"{out}: not a corpus dataset (no {MANIFEST}; build one with `python -m analysis "
                           f"corpus INPUT --out {out}`)") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DatasetError(f"{path}: unreadable manifest: {exc}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DatasetError(f"{path}: not a manifest of a corpus dataset")
    return data


class CorpusStore:
    """The writer's side of ``DIR``: lock, manifest, clean-up of interrupted batches, commits."""

    def __init__(self, out: Path, *, options: dict, batch_size: int):
        self.out = Path(out)
        self.options = dict(options)
        self._lock_fd: int | None = None
        if self.out.exists() and not self.out.is_dir():
            raise StoreError(f"{self.out}: exists and is not a folder (choose another --out)")
        self.out.mkdir(parents=True, exist_ok=True)
        self._lock()
        try:
            self.manifest = self._load_or_create(batch_size)
            self._clean()
        except BaseException:
            self.close()
            raise

    # -- opening
    def _lock(self) -> None:
        fd = os.open(self.out / _LOCK, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                raise StoreError(f"{self.out}: another corpus run is writing into this folder; wait for it or "
                                 "choose another --out") from None
            raise
        self._lock_fd = fd

    def close(self) -> None:
        if self._lock_fd is not None:
            try:
                fcntl.flock(self._lock_fd, fcntl.LOCK_UN)
            finally:
                os.close(self._lock_fd)
                self._lock_fd = None

    def __enter__(self) -> CorpusStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _load_or_create(self, batch_size: int) -> dict:
        if (self.out / MANIFEST).exists():
            try:
                manifest = read_manifest(self.out)
            except DatasetError as err:
                raise StoreError(str(err)) from None
            if manifest.get("version") != FORMAT_VERSION:
                raise StoreError(f"{self.out}: written by an incompatible version of the corpus format "
                                 f"({manifest.get('version')}); choose another --out")
            if manifest.get("schema") != schema_fingerprint():
                raise StoreError(f"{self.out}: written under another table contract (package "
                                 f"{manifest.get('package_version')}, schema {manifest.get('schema')}; this one: "
                                 f"{__version__}, {schema_fingerprint()}); choose another --out or remove it")
            if manifest.get("options") != self.options:
                raise StoreError(f"{self.out}: written with other options ({_options(manifest.get('options'))}, "
                                 f"this run: {_options(self.options)}); rerun with the same options or choose "
                                 "another --out")
            return manifest
        others = [p.name for p in self.out.iterdir() if not p.name.startswith(".")]
        if others:
            raise StoreError(f"{self.out}: not empty and not a corpus dataset (holds {', '.join(sorted(others)[:3])}"
                             f"{' ...' if len(others) > 3 else ''}); choose another --out")
        manifest = {"format": FORMAT, "version": FORMAT_VERSION, "package_version": __version__,
                    "schema": schema_fingerprint(), "options": self.options, "batch_size": batch_size, "tables": list(table_names()),
                    "articles": 0, "refused": 0, "parts": {}}
        for name in table_names():
            (self.out / name).mkdir(exist_ok=True)
        self._save(manifest)
        return manifest

    def _clean(self) -> None:
        """Remove temporary files and part files no manifest entry covers; forget entries whose files are gone."""
        parts = self.manifest["parts"]
        incomplete = set()
        for name in table_names():
            folder = self.out / name
            folder.mkdir(exist_ok=True)
            present = set()
            for entry in folder.iterdir():
                if entry.name.startswith(_TMP) or (PART_RE.match(entry.name) and entry.name not in parts):
                    entry.unlink(missing_ok=True)
                elif PART_RE.match(entry.name):
                    present.add(entry.name)
            incomplete |= set(parts) - present
        if incomplete:
            for part in incomplete:
                for name in table_names():
                    (self.out / name / part).unlink(missing_ok=True)
                del parts[part]
            self._recount()
            self._save(self.manifest)

    # -- state
    def done_ids(self) -> set[str]:
        """Ids of the articles already written or refused (read from the committed meta and errors parts)."""
        import pyarrow.parquet as pq

        ids: set[str] = set()
        for part in self.manifest["parts"]:
            for name in ("meta", "errors"):
                col = pq.read_table(self.out / name / part, columns=["article_id"]).column(0)
                ids.update(x for x in col.to_pylist() if x is not None)
        return ids

    def part_name(self, batch: int) -> str:
        """The file name for ``batch``: ``part-<batch>.parquet``, or ``part-<batch>-<n>.parquet`` when a part of
        that batch was committed by an earlier run on other inputs."""
        name = f"part-{batch:06d}.parquet"
        n = 0
        while name in self.manifest["parts"]:
            n += 1
            name = f"part-{batch:06d}-{n}.parquet"
        return name

    @property
    def articles(self) -> int:
        return int(self.manifest["articles"])

    @property
    def refused(self) -> int:
        return int(self.manifest["refused"])

    # -- writing
    def commit(self, part: str, batch: int, tables: dict[str, bytes], articles: int, refused: int,
               inputs: Iterable[str] = ()) -> None:
        """Write one batch's part files into place, then list the part in the manifest (the commit point)."""
        if part in self.manifest["parts"]:
            raise StoreError(f"{part} is already committed")
        missing = set(table_names()) - set(tables)
        if missing:
            raise StoreError(f"batch {batch} lacks tables {sorted(missing)}")
        for name in table_names():
            _write_atomic(self.out / name / part, tables[name])
        self.manifest["parts"][part] = {"batch": batch, "articles": articles, "refused": refused}
        self.manifest["parts"] = dict(sorted(self.manifest["parts"].items()))
        self._recount()
        self._save(self.manifest)

    def set_inputs(self, inputs: list[str], limit: int | None) -> None:
        self.manifest["inputs"] = list(inputs)
        self.manifest["limit"] = limit
        self._save(self.manifest)

    def _recount(self) -> None:
        parts = self.manifest["parts"].values()
        self.manifest["articles"] = sum(p["articles"] for p in parts)
        self.manifest["refused"] = sum(p["refused"] for p in parts)

    def _save(self, manifest: dict) -> None:
        data = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
        _write_atomic(self.out / MANIFEST, data.encode("utf-8"))


def _options(options: object) -> str:
    if not isinstance(options, dict):
        return repr(options)
    return ", ".join(f"{k}={v}" for k, v in sorted(options.items()))
