"""Extraction stages (entities and mentions, figures, quotes, themes, dates in the text).

Each stage is a pure function of the base tables (:class:`analysis.article.BaseTables`) and of earlier stages'
tables; this module only runs them in order and returns ``{table name: DataFrame}``.
"""
from __future__ import annotations

import pandas as pd

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


def extract_all(base) -> dict[str, pd.DataFrame]:
    """Run every extraction stage on ``base`` (placeholder until the extraction stages land: empty tables)."""
    return {name: pd.DataFrame({"article_id": pd.Series([], dtype="str"), **{c: [] for c in cols}})
            for name, cols in EXTRACTED_TABLES.items()}
