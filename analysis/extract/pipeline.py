"""Extraction stages (entities and mentions, quotes, figures, themes, dates in the text).

Each stage is a pure function of the base tables (:class:`analysis.article.BaseTables`) and of earlier stages'
tables; this module only runs them in order and returns ``{table name: DataFrame}``.  Order: entities (with
mentions) -> quotes (speakers are entities) -> figures (whose figure: entities) -> themes -> dates.
"""
from __future__ import annotations

import pandas as pd

from analysis.extract.dates import extract_dates
from analysis.extract.entities import extract_entities
from analysis.extract.figures import extract_figures
from analysis.extract.quotes import extract_quotes
from analysis.extract.themes import tag_themes

__all__ = ["EXTRACTED_TABLES", "extract_all"]

# Minimum columns of each extracted table (DATA_MODEL.md); every table also carries article_id.
EXTRACTED_TABLES: dict[str, list[str]] = {
    "entities": ["entity_id", "type", "name_ar", "name_en", "n_mentions"],
    "mentions": ["mention_id", "sentence_id", "entity_id", "type", "text", "start", "end"],
    "figures": ["figure_id", "sentence_id", "value", "unit_ar", "unit_en", "category", "approximate",
                "subject_entity_id", "text", "start", "end"],
    "quotes": ["quote_id", "paragraph_id", "speaker_entity_id", "speaker_text", "cue", "mode", "content",
               "start", "end"],
    "themes": ["sentence_id", "theme", "label_en", "label_ar", "evidence", "score"],
    "dates": ["date_id", "sentence_id", "text", "start", "end", "kind", "resolved"],
}


def extract_all(base, *, ner: bool = True) -> dict[str, pd.DataFrame]:
    """Run every extraction stage on ``base`` and return the tables by name (:data:`EXTRACTED_TABLES` order).

    ``ner``: let the entity layer use the NER model (when it is available).
    """
    entities, mentions = extract_entities(base, ner=ner)
    quotes = extract_quotes(base, mentions, entities)
    figures = extract_figures(base, mentions, entities)
    themes = tag_themes(base)
    dates = extract_dates(base)
    out = {"entities": entities, "mentions": mentions, "figures": figures, "quotes": quotes, "themes": themes,
           "dates": dates}
    for name, cols in EXTRACTED_TABLES.items():
        missing = [c for c in ["article_id", *cols] if c not in out[name].columns]
        if missing:
            raise RuntimeError(f"extraction stage for {name!r} returned a table without {missing}")
    return out
