"""Language knowledge as reviewed data: one validated loader for the CSVs in ``analysis/data/`` and the views
built on them (gazetteer, titles, cue verbs, hand translations).

Every lexicon file is read through :func:`load_csv`, which checks it before any stage uses it: the required
columns are present, every required cell is filled, and no two rows share a key.  A bad file fails with
:class:`LexiconError` naming the file, the row (its line number) and the problem.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from functools import cache
from importlib.resources import files

__all__ = ["LexiconError", "load_csv"]


class LexiconError(ValueError):
    """A lexicon CSV that does not meet its declaration: ``"<file>, line N: <problem>"``."""


@cache
def _read(name: str) -> tuple[tuple[str, ...], tuple[tuple[int, dict[str, str]], ...]]:
    path = files("analysis").joinpath("data", *name.split("/"))
    try:
        reader = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline=""))
        rows = tuple((reader.line_num, row) for row in reader)
        header = tuple(reader.fieldnames or ())
    except FileNotFoundError:
        raise LexiconError(f"analysis/data/{name}: file not found") from None
    except UnicodeDecodeError as exc:
        raise LexiconError(f"analysis/data/{name}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    return header, rows


def load_csv(name: str, *, required: Sequence[str], key: Sequence[str] | None = None,
             optional: Sequence[str] = ()) -> tuple[dict[str, str], ...]:
    """The rows of ``analysis/data/<name>`` as dicts (file order), after checking them.

    ``required``: columns that must exist and be non-empty in every row; ``optional``: columns that must exist
    but may be empty; ``key``: columns whose values (after stripping) no two rows may share (default: none).
    Cells are returned as written (stripped of surrounding white space); a missing optional cell is ``""``.
    """
    header, rows = _read(name)
    where = f"analysis/data/{name}"
    missing = [c for c in (*required, *optional) if c not in header]
    if missing:
        raise LexiconError(f"{where}: missing column(s) {', '.join(missing)} (header: {', '.join(header)})")
    seen: dict[tuple[str, ...], int] = {}
    out = []
    for line, raw in rows:
        if None in raw:
            raise LexiconError(f"{where}, line {line}: more cells than the header has columns")
        row = {k: (v or "").strip() for k, v in raw.items()}
        empty = [c for c in required if not row[c]]
        if empty:
            raise LexiconError(f"{where}, line {line}: empty {', '.join(empty)}")
        if key:
            k = tuple(row[c] for c in key)
            if k in seen:
                raise LexiconError(f"{where}, line {line}: duplicate {'/'.join(key)} {'/'.join(k)!r} "
                                   f"(first on line {seen[k]})")
            seen[k] = line
        out.append(row)
    return tuple(out)
