"""The name list the NER tagger's gazetteer features read: built at training time, shipped as a snapshot.

Sources: the project's entity gazetteer (``analysis/data/gazetteer.csv``: every Arabic variant and
short form, tagged ``G<type>``, e.g. ``GPERSON``) and the NER's own curated lists
(``analysis/data/ner_lists.csv``: countries, regions, cities, first names, with English glosses,
tagged ``L<list>``).  The gazetteer keeps changing as the project grows, but a trained model's
weights belong to the list it was trained with, so training writes the merged list next to the
model (``analysis/models/ner_names.tsv``, ``key<TAB>tag``; its SHA-256 is in the model card) and
the tagger reads only that snapshot.
"""
from __future__ import annotations

import csv
from pathlib import Path

from analysis.lexicon import load_csv
from analysis.lexicon.gazetteer import gazetteer_rows
from analysis.ner.features import Gazetteer, gazetteer_key

__all__ = ["NAMES_FILENAME", "build_names", "write_names", "read_names", "default_sources"]

NAMES_FILENAME = "ner_names.tsv"
_HEADER = "# NER gazetteer snapshot: normalised name <TAB> list tag (G<gazetteer type> or L<curated list>)"


def default_sources() -> tuple[Path, Path]:
    """``(gazetteer.csv, ner_lists.csv)`` inside the package's data folder."""
    data = Path(__file__).resolve().parents[1] / "data"
    return data / "gazetteer.csv", data / "ner_lists.csv"


def _is_shipped(path: Path, shipped: Path) -> bool:
    return path.resolve() == shipped.resolve()


def _external_rows(path: Path) -> list[dict[str, str]]:
    """A CSV given on the training command line (``--gazetteer``/``--lists`` elsewhere than the package's data):
    not package data, so not :func:`analysis.lexicon.load_csv`'s; read as written."""
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def build_names(gazetteer_csv: Path | None, lists_csv: Path | None) -> dict[str, tuple[str, ...]]:
    """Merged ``normalised name -> sorted tags`` of the two sources (either may be ``None``).

    The shipped files (:func:`default_sources`) are read through the lexicon loader, which checks them.
    """
    shipped_gaz, shipped_lists = default_sources()
    found: dict[str, set[str]] = {}
    if gazetteer_csv is not None:
        rows = gazetteer_rows() if _is_shipped(gazetteer_csv, shipped_gaz) else _external_rows(gazetteer_csv)
        for row in rows:
            for col in ("name_ar", "short_ar"):
                for variant in (row.get(col) or "").split("|"):
                    key = gazetteer_key(variant)
                    if key:
                        found.setdefault(key, set()).add("G" + row["type"].strip())
    if lists_csv is not None:
        rows = (load_csv("ner_lists.csv", required=("word", "list", "gloss_en"), key=("word", "list"))
                if _is_shipped(lists_csv, shipped_lists) else _external_rows(lists_csv))
        for row in rows:
            key = gazetteer_key(row["word"])
            if key:
                found.setdefault(key, set()).add("L" + row["list"].strip())
    return {k: tuple(sorted(v)) for k, v in sorted(found.items())}


def write_names(names: dict[str, tuple[str, ...]], path: Path) -> None:
    lines = [_HEADER] + [f"{k}\t{t}" for k, tags in sorted(names.items()) for t in tags]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_names(data: bytes) -> Gazetteer:
    """Parse a snapshot written by :func:`write_names` (``ValueError`` on a malformed line)."""
    found: dict[str, list[str]] = {}
    for n, line in enumerate(data.decode("utf-8").splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        key, sep, tag = line.partition("\t")
        if not sep or not key or not tag or "\t" in tag:
            raise ValueError(f"line {n}: expected name<TAB>tag")
        found.setdefault(key, []).append(tag)
    names = {k: tuple(sorted(set(v))) for k, v in found.items()}
    return Gazetteer(names, max((len(k.split()) for k in names), default=1))
