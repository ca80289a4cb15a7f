"""The inputs of a corpus run: files, folders, globs and JSON-lines files, expanded in a fixed order, each article
given a stable, unique ``article_id``.

Expansion (:func:`expand_inputs`), in the order the inputs are given:

* a file is taken whatever its name: ``*.jsonl`` / ``*.jsonl.gz`` are JSON lines (one article a line), anything
  else one article text;
* a folder is walked recursively in name order, taking ``*.txt`` (an article each) and ``*.jsonl`` /
  ``*.jsonl.gz`` files; hidden files and folders (``.name``) and the run's own output folder are skipped, so a
  ``README.md`` or ``PROVENANCE.md`` beside the articles is not mistaken for one;
* a glob (``corpus/*/*.txt``, ``**`` recursive) is expanded in name order;
* the same file reached twice (a file inside a folder also given, a symlink) is read once, at its first place.

Ids (:class:`InputFile.file_id`), from the path alone, so that a rerun, a resumed run or a run on another machine
gives the same ids whatever the number of workers:

* a file found in folder ``D``: ``<name of D>/<path below D without the suffix>`` (``arabic_newspapers/politics/AEP1``);
* a file given by name or glob: ``<its folder's name>/<stem>`` (``seeds/000_15d6e93d3754c312``);
* two different files that still get the same id (``a/x/1.txt`` and ``b/x/1.txt`` given one by one) both get
  ``~`` and 8 hex digits of a hash of their real path appended: they never collide;
* a JSON line: ``<file id>#<12 hex digits of the SHA-1 of its url>``, or ``<file id>#L<line number>`` when the
  line has no ``url`` (or repeats one already seen in that file).

A JSON line is an object with ``title`` and ``content`` (the SaudiNewsNet fields); the article text is
``title + "\\n\\n" + content``.  ``source``, ``url``, ``date_extracted`` and ``author`` are kept as article
metadata, any other field (but ``title`` and ``content``) as JSON in ``extra``.
"""
from __future__ import annotations

import glob
import gzip
import hashlib
import json
import os
import zlib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from analysis.text.reader import display_name

__all__ = ["InputError", "InputFile", "Item", "META_FIELDS", "JSONL_SUFFIXES", "TEXT_SUFFIXES", "count_items",
           "expand_inputs", "iter_items"]

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
TEXT_SUFFIXES = (".txt",)
META_FIELDS = ("source", "url", "date_extracted", "author")  # JSON-lines fields kept as their own columns
_TEXT_FIELDS = ("title", "content")
_GLOB_CHARS = frozenset("*?[")


class InputError(ValueError):
    """An input that names nothing (no such file or folder, a glob matching no file): ``"<input>: <reason>"``."""

    def __init__(self, source: str, reason: str):
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


@dataclass(frozen=True)
class InputFile:
    """One file of the corpus: the path as found, its id, and whether it is one article or JSON lines."""

    path: Path
    file_id: str
    kind: str  # "text" or "jsonl"


@dataclass(frozen=True)
class Item:
    """One article to parse (or one refused before parsing: ``error`` set).

    ``path`` for a text file (the worker reads and decodes it), ``text`` for a JSON line; ``input`` is where it
    came from as shown to the user (``path`` or ``path:line``), ``name`` the name the parser gives it (the
    article table's ``source``); ``meta``: the JSON line's ``source``, ``url``, ``date_extracted``, ``author``
    and ``extra`` (None for a text file).
    """

    article_id: str
    input: str
    name: str | None = None
    path: str | None = None
    text: str | None = None
    line: int | None = None
    meta: tuple[str | None, ...] = field(default=(None,) * (len(META_FIELDS) + 1))
    error: str | None = None


def _is_jsonl(path: Path) -> bool:
    return path.name.lower().endswith(JSONL_SUFFIXES)


def _strip_suffix(name: str) -> str:
    lower = name.lower()
    for suffix in JSONL_SUFFIXES + TEXT_SUFFIXES:
        if lower.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    stem = Path(name).stem
    return stem or name


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _walk(folder: Path, skip: str | None) -> Iterator[Path]:
    """Files of ``folder`` that are articles or JSON lines, recursively, in name order (hidden ones skipped)."""
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not _hidden(d)
                         and (skip is None or os.path.realpath(os.path.join(root, d)) != skip))
        for name in sorted(files):
            if _hidden(name):
                continue
            lower = name.lower()
            if lower.endswith(TEXT_SUFFIXES) or lower.endswith(JSONL_SUFFIXES):
                yield Path(root) / name


def _folder_name(path: str | Path) -> str:
    return display_name(Path(os.path.abspath(path)).name)


def _file_entry(path: Path, prefix: str) -> tuple[Path, str, str]:
    stem = display_name(_strip_suffix(path.name))
    return path, (f"{prefix}/{stem}" if prefix else stem), "jsonl" if _is_jsonl(path) else "text"


def expand_inputs(inputs: list[str | Path], *, exclude: Path | None = None) -> list[InputFile]:
    """The corpus files named by ``inputs`` (files, folders, globs), in order, each once, with unique ids.

    ``exclude``: a folder never walked into (the run's output folder).  Raises :class:`InputError` for an input
    that does not exist or a glob that matches nothing.
    """
    skip = os.path.realpath(exclude) if exclude is not None else None

    def folder(given: str) -> list[tuple[Path, str, str]]:
        base = _folder_name(given)
        return [_file_entry(f, "/".join([base, *(display_name(p) for p in f.relative_to(given).parts[:-1])]))
                for f in _walk(Path(given), skip)]

    entries: list[tuple[Path, str, str]] = []
    for raw in inputs:
        given = os.fspath(raw)
        if os.path.isdir(given):
            entries += folder(given)
        elif os.path.isfile(given):
            entries.append(_file_entry(Path(given), _folder_name(Path(given).parent)))
        elif _GLOB_CHARS & set(given):
            files = []
            for m in sorted(glob.glob(given, recursive=True)):
                if os.path.isdir(m):
                    files += folder(m)
                elif os.path.isfile(m):
                    files.append(_file_entry(Path(m), _folder_name(Path(m).parent)))
            if not files:
                raise InputError(display_name(given), "no file matches this pattern")
            entries += files
        else:
            raise InputError(display_name(given), "no such file or folder")
    seen: set[str] = set()
    unique = []
    for path, fid, kind in entries:
        real = os.path.realpath(path)
        if real in seen or (skip is not None and real.startswith(skip + os.sep)):
            continue
        seen.add(real)
        unique.append((path, fid, kind, real))
    by_id: dict[str, list[int]] = defaultdict(list)
    for i, (_, fid, _, _) in enumerate(unique):
        by_id[fid].append(i)
    out = []
    for path, fid, kind, real in unique:
        if len(by_id[fid]) > 1:
            fid = f"{fid}~{hashlib.sha1(os.fsencode(real)).hexdigest()[:8]}"
        out.append(InputFile(path, fid, kind))
    return out


def _open_lines(path: Path):
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")  # noqa: SIM115


def count_items(files: list[InputFile], limit: int | None = None) -> int:
    """How many articles the files hold (a text file is one, a JSON-lines file one per non-blank line); stops
    counting at ``limit``.  An unreadable file counts as one (it is recorded as refused)."""
    n = 0
    for f in files:
        if limit is not None and n >= limit:
            break
        if f.kind == "text":
            n += 1
            continue
        try:
            with _open_lines(f.path) as fh:
                n += sum(1 for line in fh if line.strip())
        except (OSError, EOFError, zlib.error):
            n += 1
    return n if limit is None else min(n, limit)


def _meta_value(value: object) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _jsonl_items(f: InputFile) -> Iterator[Item]:
    shown = display_name(f.path)
    urls: set[str] = set()
    lineno = 0
    try:
        with _open_lines(f.path) as fh:
            for lineno, raw in enumerate(fh, start=1):  # noqa: B007 - lineno is read after the loop
                if not raw.strip():
                    continue
                where = f"{shown}:{lineno}"
                line_id = f"{f.file_id}#L{lineno}"
                try:
                    obj = json.loads(raw.decode("utf-8"))
                except UnicodeDecodeError as exc:
                    yield Item(line_id, where, line=lineno, error=f"invalid UTF-8 at byte {exc.start} of the line")
                    continue
                except json.JSONDecodeError as exc:
                    yield Item(line_id, where, line=lineno, error=f"not a JSON object: {exc.msg} (column {exc.colno})")
                    continue
                if not isinstance(obj, dict):
                    yield Item(line_id, where, line=lineno, error=f"not a JSON object but a {type(obj).__name__}")
                    continue
                url = obj.get("url")
                if isinstance(url, str) and url and url not in urls:
                    urls.add(url)
                    aid = f"{f.file_id}#{hashlib.sha1(url.encode('utf-8', 'surrogatepass')).hexdigest()[:12]}"
                else:
                    aid = line_id
                title, content = (obj.get(k) for k in _TEXT_FIELDS)
                extra = {k: v for k, v in obj.items() if k not in _TEXT_FIELDS and k not in META_FIELDS}
                meta = tuple(_meta_value(obj.get(k)) for k in META_FIELDS) + (
                    json.dumps(extra, ensure_ascii=False, sort_keys=True) if extra else None,)
                bad = [k for k, v in (("title", title), ("content", content)) if v is not None and not isinstance(v, str)]
                if bad:
                    yield Item(aid, where, line=lineno, meta=meta, error=f"field {bad[0]!r} is not a string")
                    continue
                if title is None and content is None:
                    yield Item(aid, where, line=lineno, meta=meta, error="no 'title' or 'content' field")
                    continue
                text = "\n\n".join(s for s in (title, content) if s and s.strip()) or (title or "") + (content or "")
                yield Item(aid, where, name=f"{display_name(f.path.name)}:{lineno}", text=text, line=lineno,
                           meta=meta)
    except (OSError, EOFError, zlib.error, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        yield Item(f"{f.file_id}#L{lineno + 1}" if lineno else f.file_id, shown,
                   error=f"cannot read the file past line {lineno}: {reason}" if lineno else f"cannot read: {reason}")


def iter_items(files: list[InputFile]) -> Iterator[Item]:
    """Every article of ``files`` in order: a text file as one :class:`Item`, a JSON-lines file line by line
    (streamed: one line in memory at a time)."""
    for f in files:
        if f.kind == "text":
            yield Item(f.file_id, display_name(f.path), path=os.fspath(f.path))
        else:
            yield from _jsonl_items(f)
