"""The ``entities`` and ``mentions`` tables built from the mentions the passes found."""
from __future__ import annotations

import pandas as pd

from analysis import schema
from analysis.extract.entities.base import Mention, Tokens
from analysis.names.naming import name_entities

__all__ = ["build_tables"]


def build_tables(base, toks: Tokens, found: list[Mention]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(entities, mentions)``: one entity per grouping key (ids in order of first mention), one row per mention."""
    text = base.text
    ids: dict[str, int] = {}
    for m in found:
        ids.setdefault(m.key, len(ids) + 1)
    ent_rows: dict[int, dict] = {}
    forms: dict[int, list[str]] = {}
    for m in found:
        eid = ids[m.key]
        row = ent_rows.get(eid)
        mtext = text[m.start:m.end]
        if row is None:
            e = m.entry
            row = ent_rows[eid] = {
                "entity_id": eid, "type": m.type, "name_ar": e.name_ar if e else mtext,
                "name_en": e.name_en if e else None, "n_mentions": 0, "key": e.key if e else None,
                "source": m.source, "lat": e.lat if e else None, "lon": e.lon if e else None,
                "first_start": m.start, "title": None,
            }
        row["n_mentions"] += 1
        forms.setdefault(eid, []).append(mtext)
        if m.entry is None and m.source != "alias" and len(mtext) > len(row["name_ar"]):
            row["name_ar"] = mtext
        if m.title and not row["title"]:
            row["title"] = m.title
    aid = base.article_id
    mentions = schema.frame("mentions", {
        "mention_id": range(1, len(found) + 1),
        "sentence_id": [toks.sentence[m.tok0] for m in found],
        "entity_id": [ids[m.key] for m in found],
        "type": [m.type for m in found],
        "text": [text[m.start:m.end] for m in found],
        "start": [m.start for m in found],
        "end": [m.end for m in found],
        "source": [m.source for m in found],
        "clitic": [text[toks.start[m.tok0]:m.start] for m in found],
        "title": [m.title for m in found],
        "title_head": [m.title_head for m in found],
        "token_start": [m.tok0 for m in found],
        "token_end": [m.tok1 for m in found],
        "rule": [m.rule for m in found],
    }, article_id=aid)
    rows = [ent_rows[k] for k in sorted(ent_rows)]
    entries = {ids[m.key]: m.entry for m in reversed(found)}  # the first mention's entry, as name_ar above
    name_entities(rows, forms, entries, country=getattr(base, "country", None), norms=toks.norm)
    entities = schema.frame("entities", {c: [r[c] for r in rows] for c in schema.TABLES["entities"].names[1:]},
                            article_id=aid)
    return entities, mentions
