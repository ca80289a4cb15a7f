"""Tested building blocks for the notebooks: one module per question the notebooks answer.

Notebooks stay thin: they tell a story with these functions, which take an :class:`analysis.Article`'s tables and
return DataFrames (logical-order Arabic, never reshaped), figures or HTML fragments (escaped). Every notebook's
set-up cell is ``art = open_article(article_path)`` (:mod:`analysis.explore.notebook`).
"""
from analysis.explore.notebook import open_article, resolve_article

__all__ = ["open_article", "resolve_article"]
