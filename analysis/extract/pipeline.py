"""Extraction stages (entities and mentions, quotes, figures, themes, dates in the text).

Each stage is a pure function of the base tables (:class:`analysis.schema.BaseTables`) and of earlier stages'
tables; this module only runs them in order and returns ``{table name: DataFrame}``.  Order: entities (with
mentions) -> quotes (speakers are entities) -> figures (whose figure: entities) -> themes -> dates.
"""
from __future__ import annotations

import pandas as pd

from analysis import schema
from analysis.extract.dates import extract_dates
from analysis.extract.entities import extract_entities
from analysis.extract.figures import extract_figures
from analysis.extract.quotes import extract_quotes
from analysis.extract.themes import tag_themes
from analysis.extract.tokenview import shared
from analysis.memory import release_free_memory
from analysis.schema import BaseTables

__all__ = ["EXTRACTED_TABLES", "extract_all"]

# The extracted tables, in order, with their declared columns after article_id (analysis/schema.py).
EXTRACTED_TABLES: dict[str, list[str]] = {name: schema.TABLES[name].names[1:]
                                          for name in ("entities", "mentions", "figures", "quotes", "themes", "dates")}


def extract_all(base: BaseTables, *, ner: bool = True) -> dict[str, pd.DataFrame]:
    """Run every extraction stage on ``base`` (:class:`~analysis.schema.BaseTables`) and return the tables by
    name (:data:`EXTRACTED_TABLES` order), each checked against its declared columns, order and dtypes
    (:func:`analysis.schema.validate`).

    ``ner``: let the entity layer use the NER model (when it is available).  The stages share one list copy of
    the token columns (:func:`analysis.extract.tokenview.shared`).
    """
    n = len(base.text)
    with shared(base.tokens):
        entities, mentions = extract_entities(base, ner=ner)
        release_free_memory(n)  # a long article's stage leaves freed memory behind (analysis/memory.py)
        quotes = extract_quotes(base, mentions, entities)
        release_free_memory(n)
        figures = extract_figures(base, mentions, entities)
        release_free_memory(n)
        themes = tag_themes(base)
        release_free_memory(n)
        dates = extract_dates(base)
    release_free_memory(n)
    out = {"entities": entities, "mentions": mentions, "figures": figures, "quotes": quotes, "themes": themes,
           "dates": dates}
    for name, df in out.items():
        schema.validate(name, df, nulls=False)  # columns, order, dtypes as declared; the tests also check nulls
    return out
