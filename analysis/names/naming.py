"""An English name for every entity of an article, with where it came from (``name_en_source``).

* ``gazetteer`` -- a reviewed entry of ``analysis/data/gazetteer.csv``, or (places: ``GPE``/``LOC``) a place of the
  built place table (:mod:`analysis.names.places`: GeoNames + CLDR), chosen among namesakes by the article
  (``geo_reason``), with coordinates, country and population;
* ``lexicon`` -- every word a listed name or particle (:func:`analysis.names.spelling.spell`, no model);
* ``romanized`` -- the letter model spelt at least one word (the least sure: a plausible spelling, not a
  looked-up one).

:func:`name_entities` fills these columns of the entity rows the entity layer built (it does not change which
entities there are).
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from analysis.lexicon.gazetteer import GazetteerEntry
from analysis.names.places import PlaceQuery, resolve
from analysis.names.spelling import spell

__all__ = ["name_entities", "PLACE_TYPES", "NAME_SOURCES"]

PLACE_TYPES = frozenset({"GPE", "LOC"})
NAME_SOURCES = ("gazetteer", "lexicon", "romanized")


def name_entities(rows: Sequence[dict], forms: Mapping[int, Sequence[str]],
                  entries: Mapping[int, GazetteerEntry | None], *, country: str | None = None) -> None:
    """Fill ``name_en``, ``name_en_source``, ``lat``, ``lon``, ``country``, ``population``, ``geo_reason`` (and
    ``key`` where the article chose another place than the reviewed entry) of each entity row in place.

    ``forms``: entity_id -> the Arabic spellings of its mentions (as written); ``entries``: entity_id -> its
    reviewed gazetteer entry or None; ``country``: the outlet's country (ISO 3166 alpha-2) when known.
    """
    places = [r for r in rows if r["type"] in PLACE_TYPES]
    queries = [PlaceQuery(tuple(dict.fromkeys(forms.get(r["entity_id"], ()))) or (r["name_ar"],),
                          entries.get(r["entity_id"])) for r in places]
    chosen = dict(zip((r["entity_id"] for r in places), resolve(queries, country=country)))
    for r in rows:
        entry = entries.get(r["entity_id"])
        choice = chosen.get(r["entity_id"])
        r.update(country=None, population=None, geo_reason=None)
        if choice is not None:
            p = choice.place
            r.update(name_en=p.name_en, name_en_source="gazetteer", lat=p.lat, lon=p.lon, country=p.country,
                     population=p.population, geo_reason=choice.reason)
            if entry is not None and p.kind != "reviewed":
                r["key"] = None  # the article named another place than the reviewed one (عمان: Amman, not Oman)
        elif entry is not None:
            r.update(name_en=entry.name_en, name_en_source="gazetteer")
        else:
            r["name_en"], r["name_en_source"] = spell(r["name_ar"])
