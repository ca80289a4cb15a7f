"""An English name for every entity of an article, with where it came from (``name_en_source``).

* ``gazetteer`` -- a reviewed entry of ``analysis/data/gazetteer.csv``, or (places: ``GPE``/``LOC``) a place of the
  built place table (:mod:`analysis.names.places`: GeoNames + CLDR), chosen among namesakes by the article
  (``geo_reason``), with coordinates, country and population;
* ``lexicon`` -- every word a listed name or particle (:func:`analysis.names.spelling.spell`, no model), or for
  an organisation/facility named by a head noun every word translated from ``analysis/data/name_words.csv`` or a
  place (:func:`compose`: ``مطار عدن الدولي`` -> Aden International Airport);
* ``romanized`` -- the letter model spelt at least one word (the least sure: a plausible spelling, not a
  looked-up one).

:func:`name_entities` fills these columns of the entity rows the entity layer built (it does not change which
entities there are).
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache

from analysis.lexicon import load_csv
from analysis.lexicon.gazetteer import GazetteerEntry, name_tokens
from analysis.names.places import PlaceQuery, candidates, nisba_countries, resolve
from analysis.names.spelling import spell

__all__ = ["name_entities", "compose", "PLACE_TYPES", "NAME_SOURCES", "COMPOSED_TYPES"]

PLACE_TYPES = frozenset({"GPE", "LOC"})
COMPOSED_TYPES = frozenset({"ORG", "FAC", "MISC"})  # named by a head noun: وزارة ...، مطار ...
NAME_SOURCES = ("gazetteer", "lexicon", "romanized")
_ARTICLE = "ال"
_NISBA_ENDINGS = ("ية", "يه", "ي")


@cache
def _words() -> dict[str, dict[tuple[str, ...], str]]:
    """``name_words.csv`` by kind (``head``, ``adjective``, ``word``): normalised tokens -> English."""
    out: dict[str, dict[tuple[str, ...], str]] = {}
    for r in load_csv("name_words.csv", required=("ar", "en", "kind", "gloss"), key=("ar", "kind")):
        out.setdefault(r["kind"], {})[name_tokens(r["ar"])] = r["en"]
    return out


def _bare(tok: str) -> str:
    return tok[2:] if tok.startswith(_ARTICLE) and len(tok) > 3 else tok


def _place(tok: str) -> str | None:
    """The English name of the biggest place a single word names (عدن -> Aden), else None."""
    c = candidates(tok)
    return c[0].name_en if c else None


@cache
def _reviewed_countries() -> dict[str, str]:
    """Normalised one-word spellings of the reviewed GPEs (أمريكا, أميركا) -> English name."""
    from analysis.lexicon.gazetteer import gazetteer

    return {toks[0]: e.name_en for e in gazetteer() if e.type == "GPE"
            for toks in (name_tokens(v) for v in e.variants) if len(toks) == 1}


def _nisba(tok: str) -> str | None:
    """The country a place adjective refers to (الروسية -> Russia, الأميركية -> United States), else None."""
    bare = _bare(tok)
    reviewed = _reviewed_countries()
    for end in _NISBA_ENDINGS:
        if bare.endswith(end) and len(bare) - len(end) >= 2:
            stem = bare[:-len(end)]
            for form in (_ARTICLE + stem, stem, stem + "ا", stem + "يا", _ARTICLE + stem + "يه"):
                if form in reviewed:
                    return reviewed[form]
                c = [p for p in candidates(form) if p.kind == "country"]
                if c:
                    return c[0].name_en
    return None


def _gloss(toks: Sequence[str], i: int, kind: str) -> tuple[str, int] | None:
    """The ``kind`` entry of ``name_words.csv`` at token i (two-word entries first): (English, tokens used)."""
    table = _words().get(kind, {})
    for n in (2, 1):
        key = tuple(toks[i:i + n])
        if len(key) == n and key in table:
            return table[key], n
    return None


def _for_form(tok: str) -> str | None:
    """``للتنمية`` -> ``التنمية``, ``لكرة`` -> ``كرة``: the word after the preposition ل (for), else None."""
    if tok.startswith("لل") and len(tok) > 4:
        return _ARTICLE + tok[2:]
    if tok.startswith("ل") and len(tok) > 3:
        return tok[1:]
    return None


def compose(name_ar: str) -> tuple[str, str] | None:
    """``(english, source)`` for a name that starts with a head noun of ``name_words.csv`` (``وزارة``, ``مطار``,
    ``البنك``), else None.  The words after the head are translated (``word``, ``adjective``: two-word entries
    first; a word after ل ``for`` goes before the head), or a place's English name, or a place adjective
    (``(Russia)``), or romanized.  Order: proper names, adjectives, ``for`` words, the head, ``of`` + the other
    words: ``غرفة الملاحة الدولية`` -> International Chamber of Shipping, ``البنك الإسلامي للتنمية`` -> Islamic
    Development Bank, ``بنك أبوظبي الوطني`` -> Abu Dhabi National Bank.  ``source``: ``lexicon`` when no word
    was romanized, else ``romanized``."""
    words = _words()
    toks = [t for t in name_tokens(name_ar) if any("\u0621" <= c <= "\u064a" for c in t)]
    if not toks or (_bare(toks[0]),) not in words.get("head", {}):
        return None
    head = words["head"][(_bare(toks[0]),)]
    names: list[str] = []
    adjs: list[str] = []
    fors: list[str] = []
    ofs: list[str] = []
    nisbas: list[str] = []
    i, romanized = 1, False
    while i < len(toks):
        right_after_head = i == 1
        word = _gloss(toks, i, "word")
        adj = _gloss(toks, i, "adjective")
        if word and (right_after_head or not adj):
            ofs.append(word[0])
            i += word[1]
            continue
        if adj:
            adjs.append(adj[0])
            i += adj[1]
            continue
        bare = _for_form(toks[i])
        after = _gloss([bare, *toks[i + 1:]], 0, "word") if bare else None
        if after:
            fors.append(after[0])
            i += after[1]
            continue
        if (place := _place(toks[i])) is not None:
            names.append(place)
        elif (country := _nisba(toks[i])) is not None:
            nisbas.append(country)
        else:
            en, src = spell(toks[i])
            names.append(en)
            romanized = romanized or src == "romanized"
        i += 1
    if names and ofs:  # a name among translated words: keep it in the "of" part, in order (rare)
        ofs, names = ofs + names, []
    parts = names + adjs + fors + [head] + (["of", *ofs] if ofs else [])
    out = " ".join(parts) + (f" ({', '.join(nisbas)})" if nisbas else "")
    return out, "romanized" if romanized else "lexicon"


def name_entities(rows: Sequence[dict], forms: Mapping[int, Sequence[str]],
                  entries: Mapping[int, GazetteerEntry | None], *, country: str | None = None,
                  norms: Sequence[str] = ()) -> None:
    """Fill ``name_en``, ``name_en_source``, ``lat``, ``lon``, ``country``, ``population``, ``geo_reason`` (and
    ``key`` where the article chose another place than the reviewed entry) of each entity row in place.

    ``forms``: entity_id -> the Arabic spellings of its mentions (as written); ``entries``: entity_id -> its
    reviewed gazetteer entry or None; ``country``: the outlet's country (ISO 3166 alpha-2) when known;
    ``norms``: the article's normalised tokens (its place adjectives are context for places with namesakes).
    """
    places = [r for r in rows if r["type"] in PLACE_TYPES]
    queries = [PlaceQuery(tuple(dict.fromkeys(forms.get(r["entity_id"], ()))) or (r["name_ar"],),
                          entries.get(r["entity_id"])) for r in places]
    adjectives = nisba_countries(norms) if places else None
    chosen = dict(zip((r["entity_id"] for r in places), resolve(queries, country=country, adjectives=adjectives)))
    for r in rows:
        entry = entries.get(r["entity_id"])
        choice = chosen.get(r["entity_id"])
        r.update(country=None, population=None, geo_reason=None)
        if choice is not None:
            p = choice.place
            r.update(name_en=p.name_en, name_en_source="gazetteer", lat=p.lat, lon=p.lon, country=p.country,
                     population=p.population, geo_reason=choice.reason)
            if entry is not None and p.kind != "reviewed":
                # the article names another place than the reviewed one (عمان: Amman, not Oman): not its key,
                # and the name as written rather than the entry's canonical سلطنة عمان
                r["key"] = None
                r["name_ar"] = max(forms.get(r["entity_id"], [r["name_ar"]]), key=len)
        elif entry is not None:
            r.update(name_en=entry.name_en, name_en_source="gazetteer")
        else:
            made = compose(r["name_ar"]) if r["type"] in COMPOSED_TYPES else None
            r["name_en"], r["name_en_source"] = made or spell(r["name_ar"])
