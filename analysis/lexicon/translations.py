"""Hand-made English translations, kept as data aligned with paragraph ids.

``analysis/data/translations/<article_id>.csv`` has columns ``paragraph_id, ar_prefix, en``;
``ar_prefix`` is the start of the Arabic paragraph, so a translation that drifted out of line with
the parser's paragraph ids is caught instead of shown beside the wrong text.
"""
from __future__ import annotations

import functools
import warnings
from importlib import resources

import pandas as pd

from analysis.lexicon import LexiconError, load_csv

__all__ = ["TranslationMismatch", "available", "load_translation", "translation_for"]

_PACKAGE = "analysis"
_FOLDER = ("data", "translations")


class TranslationMismatch(UserWarning):
    """A stored translation does not line up with the article's paragraphs; it is not used."""


def _folder():
    return resources.files(_PACKAGE).joinpath(*_FOLDER)


def available() -> list[str]:
    """Article ids that have a stored translation, sorted."""
    folder = _folder()
    if not folder.is_dir():
        return []
    return sorted(p.name.removesuffix(".csv") for p in folder.iterdir() if p.name.endswith(".csv"))


@functools.cache
def _read(article_id: str) -> pd.DataFrame | None:
    path = _folder().joinpath(f"{article_id}.csv")
    if not path.is_file():
        return None
    name = "/".join((*_FOLDER[1:], f"{article_id}.csv"))
    rows = load_csv(name, required=("paragraph_id", "ar_prefix"), optional=("en",), key=("paragraph_id",))
    ids = []
    for r in rows:
        if not r["paragraph_id"].isdigit():
            raise LexiconError(f"analysis/data/{name}: paragraph_id {r['paragraph_id']!r} is not a whole number")
        ids.append(int(r["paragraph_id"]))
    return pd.DataFrame({"paragraph_id": pd.Series(ids, dtype="int64"),
                         "ar_prefix": pd.Series([r["ar_prefix"] for r in rows], dtype="str"),
                         "en": pd.Series([r["en"] for r in rows], dtype="str")})


def load_translation(article_id: str) -> pd.DataFrame | None:
    """The stored translation table for *article_id* (a copy), or None when there is none."""
    df = _read(article_id)
    return None if df is None else df.copy()


def translation_for(paragraphs: pd.DataFrame, article_id: str | None = None) -> pd.DataFrame:
    """One row per paragraph of *paragraphs* (same order): ``article_id, paragraph_id, text, en``.

    ``en`` is the stored English where a translation exists for the article and every stored
    ``ar_prefix`` opens the paragraph with the same id; otherwise it is the empty string (with a
    :class:`TranslationMismatch` warning when a stored translation did not line up).
    """
    if article_id is None:
        ids = paragraphs["article_id"].unique() if "article_id" in paragraphs else []
        if len(ids) != 1:
            raise ValueError("pass article_id: the paragraphs table does not name exactly one article")
        article_id = str(ids[0])
    out = pd.DataFrame({
        "article_id": pd.Series([article_id] * len(paragraphs), dtype="str"),
        "paragraph_id": paragraphs["paragraph_id"].to_numpy(),
        "text": paragraphs["text"].astype("str").to_numpy(),
        "en": pd.Series([""] * len(paragraphs), dtype="str"),
    })
    stored = _read(article_id)
    if stored is None:
        return out
    problems = _misalignments(out, stored)
    if problems:
        warnings.warn(
            f"translation of {article_id} not used, it does not line up with the paragraphs: "
            + "; ".join(problems[:3]),
            TranslationMismatch,
            stacklevel=2,
        )
        return out
    en = dict(zip(stored["paragraph_id"], stored["en"]))
    out["en"] = pd.Series([en.get(pid, "") for pid in out["paragraph_id"]], dtype="str")
    return out


def _misalignments(out: pd.DataFrame, stored: pd.DataFrame) -> list[str]:
    text = dict(zip(out["paragraph_id"], out["text"]))
    problems = []
    for pid, prefix in zip(stored["paragraph_id"], stored["ar_prefix"]):
        if pid not in text:
            problems.append(f"paragraph {pid} missing")
        elif not text[pid].startswith(prefix):
            problems.append(f"paragraph {pid} starts {text[pid][:20]!r}, expected {prefix!r}")
    if len(stored) != len(out):
        problems.append(f"{len(stored)} translated paragraphs for {len(out)} paragraphs")
    return problems
