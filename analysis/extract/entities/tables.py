"""The ``entities`` and ``mentions`` tables built from the mentions the passes found."""
from __future__ import annotations

import pandas as pd

from analysis.extract.entities.base import Mention, Tokens

__all__ = ["build_tables"]


def build_tables(base, toks: Tokens, found: list[Mention]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(entities, mentions)``: one entity per grouping key (ids in order of first mention), one row per mention."""
    text = base.text
    ids: dict[str, int] = {}
    for m in found:
        ids.setdefault(m.key, len(ids) + 1)
    ent_rows: dict[int, dict] = {}
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
        if m.entry is None and m.source != "alias" and len(mtext) > len(row["name_ar"]):
            row["name_ar"] = mtext
        if m.title and not row["title"]:
            row["title"] = m.title
    aid = base.article_id
    mentions = pd.DataFrame({
        "article_id": pd.Series([aid] * len(found), dtype="str"),
        "mention_id": pd.Series(range(1, len(found) + 1), dtype="int64"),
        "sentence_id": pd.Series([toks.sentence[m.tok0] for m in found], dtype="int64"),
        "entity_id": pd.Series([ids[m.key] for m in found], dtype="int64"),
        "type": pd.Series([m.type for m in found], dtype="str"),
        "text": pd.Series([text[m.start:m.end] for m in found], dtype="str"),
        "start": pd.Series([m.start for m in found], dtype="int64"),
        "end": pd.Series([m.end for m in found], dtype="int64"),
        "source": pd.Series([m.source for m in found], dtype="str"),
        "clitic": pd.Series([text[toks.start[m.tok0]:m.start] for m in found], dtype="str"),
        "title": pd.Series([m.title for m in found], dtype="str"),
        "title_head": pd.Series([m.title_head for m in found], dtype="str"),
        "token_start": pd.Series([m.tok0 for m in found], dtype="int64"),
        "token_end": pd.Series([m.tok1 for m in found], dtype="int64"),
        "rule": pd.Series([m.rule for m in found], dtype="str"),
    })
    rows = [ent_rows[k] for k in sorted(ent_rows)]
    cols = ["entity_id", "type", "name_ar", "name_en", "n_mentions", "key", "source", "lat", "lon", "first_start",
            "title"]
    dtypes = {"entity_id": "int64", "n_mentions": "int64", "first_start": "int64", "lat": "float64",
              "lon": "float64"}
    entities = pd.DataFrame({"article_id": pd.Series([aid] * len(rows), dtype="str"),
                             **{c: pd.Series([r[c] for r in rows], dtype=dtypes.get(c, "str")) for c in cols}})
    return entities, mentions
