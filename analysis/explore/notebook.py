"""The first cell of every notebook: find the article, parse it, set the plotting theme.

A notebook's ``article_path`` parameter is the seed when run by hand (a path relative to ``notebooks/``) and the
article's file name when the report injects it (the report runs the kernel in the article's folder, so no page shows
a path of the machine that built it); :func:`resolve_article` accepts both and absolute paths, and :func:`open_article` is the one
call a notebook's set-up cell makes.
"""
from __future__ import annotations

from pathlib import Path

__all__ = ["SEED_NAME", "SeedNotFound", "default_article", "open_article", "project_root", "resolve_article"]

SEED_NAME = "000_15d6e93d3754c312.txt"
_PACKAGE_DIR = Path(__file__).resolve().parents[1]  # analysis/


class SeedNotFound(RuntimeError):
    """The seed article is not where a checkout keeps it (``seeds/``). ``str()`` lists the places looked in."""


def project_root() -> Path | None:
    """The project checkout holding the package (editable install), if there is one."""
    root = _PACKAGE_DIR.parent
    return root if (root / "notebooks").is_dir() else None


def default_article() -> Path:
    """The seed article: ``seeds/`` of the project next to the package, else of the working directory."""
    candidates = [r / "seeds" / SEED_NAME for r in (project_root(), Path.cwd()) if r is not None]
    for path in candidates:
        if path.is_file():
            return path.resolve()
    raise SeedNotFound(f"seed article {SEED_NAME} not found (looked in: {', '.join(map(str, candidates))})")


def resolve_article(article_path: str | Path | None) -> Path:
    """A notebook's ``article_path`` parameter as an existing absolute path.

    None means the seed. A relative path is tried against the working directory, then against the
    project's ``notebooks/`` folder (where Jupyter runs a notebook), then the project root.
    """
    if article_path is None or str(article_path) == "":
        return default_article()
    path = Path(article_path).expanduser()
    if path.is_absolute():
        return path
    root = project_root()
    bases = [Path.cwd()] + ([root / "notebooks", root] if root is not None else [])
    for base in bases:
        if (base / path).exists():
            return (base / path).resolve()
    return path.resolve()  # let the reader say it is missing


def open_article(path: str | Path | None = None, *, style: str = "whitegrid", context: str = "notebook",
                 country: str | None = None):
    """Parse the article a notebook is about (its ``article_path``; None: the seed) and set the plotting theme.
    ``country``: the outlet's country (its ``country`` parameter, ``report --country``), passed to
    :func:`analysis.parse_article`.

    The theme is seaborn's *style*/*context* with the Arabic font restored (:func:`analysis.explore.display.set_theme`),
    so every chart the notebook draws afterwards shapes Arabic the same way. Returns the :class:`analysis.Article`.
    """
    from analysis.article import parse_article
    from analysis.explore import display

    display.set_theme(style=style, context=context)
    return parse_article(resolve_article(path), country=country or None)
