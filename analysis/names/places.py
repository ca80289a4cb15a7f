"""Places: the built place table (GeoNames + CLDR) under the reviewed gazetteer, and the choice among namesakes.

The table (``analysis/models/places.tsv``, built by :mod:`analysis.names.build_places`) gives every spelling its
candidate places (``طرابلس``: Tripoli, Libya and Tripoli, Lebanon; ``عمان``: Oman and Amman).  The reviewed entries
of ``analysis/data/gazetteer.csv`` stay the overrides: a reviewed place is one candidate among the namesakes its
spellings have in the table (and takes the country and population of the table row that is the same place).

:func:`resolve` picks one candidate per place entity of an article and says why (``geo_reason``).  Each candidate
scores ``log10(population)`` (a reviewed entry without a population counts as a big place, 10 million), plus

* ``OVERRIDE`` for the reviewed entry (a margin, not a veto),
* ``CONTEXT`` when the candidate's country is the country of another place the article names (a place with only
  one candidate, or a reviewed entry: ``لبنان`` vouches for Lebanon) or of a place adjective it writes
  (``المنتخب العماني``: Oman),
* ``OUTLET`` when the candidate's country is the outlet's country (a hint the caller gives: ``country=``).

Reasons: ``reviewed`` (a reviewed entry with no namesake), ``only-candidate``, ``override`` (the reviewed entry
beat its namesakes on its own), ``population-prior`` (the biggest namesake, nothing in the article said
otherwise), ``article-context`` and ``outlet-country`` (the choice the prior alone would not make).
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from analysis.lexicon.gazetteer import GazetteerEntry, name_tokens

__all__ = ["Place", "PlaceChoice", "PlaceQuery", "candidates", "place_table", "resolve", "OVERRIDE", "CONTEXT",
           "OUTLET"]

OVERRIDE = 0.5
CONTEXT = 2.0
OUTLET = 1.5
_REVIEWED_POPULATION = 10_000_000
_SAME_PLACE_KM = 150.0
_ARTICLE = "ال"


@dataclass(frozen=True)
class Place:
    name_en: str
    kind: str  # country | city | region (a UN M49 region: no country) | reviewed
    country: str | None  # ISO 3166-1 alpha-2
    lat: float | None
    lon: float | None
    population: int | None
    place_id: str  # geonames:<id>, or gazetteer:<key> for a reviewed entry


@dataclass(frozen=True)
class PlaceQuery:
    """One place entity of an article: the normalised spellings it is written with and its reviewed entry."""

    forms: tuple[str, ...]
    entry: GazetteerEntry | None = None


@dataclass(frozen=True)
class PlaceChoice:
    place: Place
    reason: str
    n_candidates: int


def _key(name: str) -> str:
    return " ".join(name_tokens(name))


def _float(v: str) -> float | None:
    return float(v) if v else None


@cache
def place_table() -> dict[str, tuple[Place, ...]]:
    """Spelling (matching form) -> candidate places, biggest first (loaded once)."""
    out: dict[str, list[Place]] = {}
    path = resources.files("analysis").joinpath("models", "places.tsv")
    lines = path.read_text(encoding="utf-8").splitlines()
    body = [ln for ln in lines if not ln.startswith("#")]
    header = body[0].split("\t")
    if header[:8] != ["ar", "name_en", "kind", "country", "lat", "lon", "population", "place_id"]:
        raise ValueError(f"analysis/models/places.tsv: unexpected header {header}")
    for ln in body[1:]:
        ar, en, kind, cc, lat, lon, pop, pid = ln.split("\t")
        out.setdefault(ar, []).append(Place(en, kind, cc or None, _float(lat), _float(lon),
                                            int(pop) if pop else None, pid))
    return {k: tuple(sorted(v, key=lambda p: (-(p.population or 0), p.place_id))) for k, v in out.items()}


def candidates(name: str) -> tuple[Place, ...]:
    """The table's places for one Arabic spelling (with or without the article ال), biggest first."""
    table = place_table()
    key = _key(name)
    if key.startswith("لل") and len(key) > 4:  # ل fused with the article: للعراق = ل + العراق
        key = _ARTICLE + key[2:]
    hit = table.get(key)
    if hit:
        return hit
    if key.startswith(_ARTICLE) and len(key) > 4:
        hit = table.get(key[2:])
    elif key:
        hit = table.get(_ARTICLE + key)
    return hit or ()


def _km(a: Place | GazetteerEntry, b: Place) -> float:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return math.inf
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dl = math.radians(b.lon - a.lon)
    c = math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(dl)
    return 6371.0 * math.acos(max(-1.0, min(1.0, c)))


def _same(entry: GazetteerEntry, p: Place) -> bool:
    """A table row is the reviewed place: near it, or the country of the same English name (a reviewed country's
    coordinates are its middle, the table's its capital)."""
    if _km(entry, p) <= _SAME_PLACE_KM:
        return True
    return p.kind == "country" and p.name_en.casefold() == entry.name_en.casefold()


def _options(q: PlaceQuery) -> list[Place]:
    """The candidates of one entity: the most specific spelling's namesakes (fewest candidates), with the
    reviewed entry (if any) in place of the table row that is the same place."""
    per_form = [c for c in (candidates(f) for f in q.forms) if c]
    if q.entry is None:
        return list(min(per_form, key=len)) if per_form else []
    e = q.entry
    same = [p for f in (*q.forms, *e.variants) for p in candidates(f) if _same(e, p)]
    twin = max(same, key=lambda p: p.population or 0) if same else None
    reviewed = Place(e.name_en, "reviewed", twin.country if twin else None, e.lat, e.lon,
                     twin.population if twin else None, f"gazetteer:{e.key}")
    # the namesakes of the spellings that are ambiguous for every form written (a form naming only this
    # entry settles it: سلطنة عمان is Oman wherever عمان is written too)
    others: list[Place] | None = None
    for c in (candidates(f) for f in q.forms):
        rest = [p for p in c if not _same(e, p)]
        if not rest:
            return [reviewed]
        others = rest if others is None else [p for p in others if p in rest]
    return [reviewed, *(others or [])]


def _prior(p: Place) -> float:
    pop = p.population if p.population else (_REVIEWED_POPULATION if p.kind == "reviewed" else 1)
    return math.log10(max(pop, 1)) + (OVERRIDE if p.kind == "reviewed" else 0.0)


def _best(options: list[Place], ctx: set[str | None], outlet: str | None) -> Place:
    """The highest-scoring candidate (ties: the first, i.e. the reviewed entry, then the biggest)."""
    def total(p: Place) -> float:
        return _prior(p) + (CONTEXT if p.country in ctx else 0.0) + (OUTLET if outlet and p.country == outlet
                                                                     else 0.0)
    return max(options, key=lambda p: (total(p), -options.index(p)))


_NISBA_ENDINGS = ("ية", "يه", "ي")


def nisba_countries(norms: Sequence[str]) -> Counter:
    """Countries the article's place adjectives name (``المنتخب العماني``: OM), from normalised tokens: a word
    with the article ending in ي/ية whose stem is a country's name in the table (عمان, العراق, سوريا ...)."""
    out: Counter = Counter()
    for norm in norms:
        if norm.startswith(_ARTICLE) and len(norm) >= 5:
            hit = _nisba_country(norm)
            if hit is not None:
                out[hit[0]] += 1
    return out


@lru_cache(maxsize=16384)
def _nisba_country(norm: str) -> tuple[str | None] | None:
    """``(country,)`` a definite place adjective names (:func:`nisba_countries`, once per word), else None."""
    table = place_table()
    bare = norm[2:]
    for end in _NISBA_ENDINGS:
        if bare.endswith(end) and len(bare) - len(end) >= 2:
            stem = bare[:-len(end)]
            found = [p.country for form in (stem, _ARTICLE + stem, stem + "ا", stem + "يا", stem + "يه")
                     for p in table.get(form, ()) if p.kind == "country"]
            if found:
                return (found[0],)
    return None


def resolve(queries: Sequence[PlaceQuery], *, country: str | None = None,
            adjectives: Counter | None = None) -> list[PlaceChoice | None]:
    """One choice per query (None where the table and the gazetteer know no such place); ``country``: the
    outlet's country (ISO alpha-2), when known; ``adjectives``: countries the article's place adjectives name
    (:func:`nisba_countries`), which vouch like the places named."""
    opts = [_options(q) for q in queries]
    # the country each entity vouches for: its only candidate's, or its reviewed entry's
    vouch = [o[0].country if o and (len(o) == 1 or o[0].kind == "reviewed") else None for o in opts]
    named = Counter(c for c in vouch if c) + (adjectives or Counter())
    out: list[PlaceChoice | None] = []
    for o, own in zip(opts, vouch):
        if not o:
            out.append(None)
            continue
        if len(o) == 1:
            out.append(PlaceChoice(o[0], "reviewed" if o[0].kind == "reviewed" else "only-candidate", 1))
            continue
        ctx = {p.country for p in o if p.country and named[p.country] - (p.country == own) > 0}
        win = _best(o, ctx, country)
        if win != _best(o, set(), country):
            reason = "article-context"  # the places named decided (against the outlet hint or the prior)
        elif win != _best(o, set(), None):
            reason = "outlet-country"
        else:
            reason = "override" if win.kind == "reviewed" else "population-prior"
        out.append(PlaceChoice(win, reason, len(o)))
    return out
