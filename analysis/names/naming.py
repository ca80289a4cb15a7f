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

import re
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


def _coordinated(tok: str) -> str | None:
    """``والصناعة`` -> ``الصناعة``: the word after the conjunction و (and), else None."""
    return tok[1:] if tok.startswith("و") and len(tok) > 3 else None


def _place_at(toks: Sequence[str], i: int, *, any_place: bool = True) -> tuple[str, int] | None:
    """The English name of the place named at token i: a two-word place first (مكة المكرمة -> Makkah), then a
    reviewed one-word GPE (جدة -> Jeddah, whatever else the word can mean), then (``any_place``) the biggest
    place of that name."""
    if i + 1 < len(toks) and (c := candidates(f"{toks[i]} {toks[i + 1]}")):
        return c[0].name_en, 2
    if (en := _reviewed_countries().get(toks[i])) is not None:
        return en, 1
    return (place, 1) if any_place and (place := _place(toks[i])) is not None else None


def compose(name_ar: str) -> tuple[str, str] | None:
    """``(english, source)`` for a name that starts with a head noun of ``name_words.csv`` (``وزارة``, ``مطار``,
    ``البنك``), else None.  The words after the head are translated (``word``, ``adjective``: two-word entries
    first; a word after ل ``for`` goes before the head; a word after و ``and`` joins the part before it), or a
    place's English name (two-word places first), or a place adjective (``(Russia)``), or romanized.  Order:
    proper names, adjectives, ``for`` words, the head, ``of`` + the other words: ``غرفة الملاحة الدولية`` ->
    International Chamber of Shipping, ``البنك الإسلامي للتنمية`` -> Islamic Development Bank, ``بنك أبوظبي
    الوطني`` -> Abu Dhabi National Bank, ``وزارة التجارة والصناعة`` -> Ministry of Commerce and Industry,
    ``أمانة منطقة الرياض`` -> Riyadh Region Municipality.  ``source``: ``lexicon`` when no word was romanized,
    else ``romanized``."""
    words = _words()
    raw = name_tokens(name_ar)
    # a year in the name (كأس الأمم الآسيوية 2015م): its digits go first (2015 ...), the calendar letter after them
    # (م, هـ) is no word
    years = [t for t in raw if t.isdigit()]
    toks = [t for k, t in enumerate(raw) if any("\u0621" <= c <= "\u064a" for c in t)
            and not (t in _CALENDAR_LETTERS and k and raw[k - 1].isdigit())]
    heads = {**words.get("head", {}), **words.get("compound_head", {})}
    if toks and (_bare(toks[0]),) not in heads and (f := _for_form(toks[0])) and (_bare(f),) in heads:
        toks[0] = f  # a name written with the preposition ل on its head (للاتحاد السعودي): the name without it
    if len(toks) < 2 or (_bare(toks[0]),) not in heads:
        return None  # no head, or a head alone (المدينة, the newspaper, is no "City")
    head = heads[(_bare(toks[0]),)]
    compound = (_bare(toks[0]),) in words.get("compound_head", {})
    if compound and len(toks) > 2 and (_bare(toks[1]),) in heads and not _gloss(toks, 1, "word"):
        # a head naming a head (بطولة كأس الخليج); a word row wins (حزب المؤتمر: Congress Party)
        inner = compose(" ".join(toks[1:] + years))
        if inner is not None:
            main, paren, rest = inner[0].partition(" (")  # the inner name's country stays last
            return f"{main} {head}{paren}{rest}", inner[1]
    names: list[str] = []
    adjs: list[str] = []
    fors: list[str] = []
    ofs: list[str] = []
    nisbas: list[str] = []
    last: list[str] | None = None  # the part the previous word went to: a word after و joins it
    spelled = False  # the previous word was spelt as a name: the next one is more of that name (عبداللطيف جميل,
    i, romanized = 1, False  # not the Libyan town Al Jumayl), unless a reviewed or two-word place
    while i < len(toks):
        right_after_head = i == 1
        after_name, spelled = spelled, False
        word = _gloss(toks, i, "word")
        adj = _gloss(toks, i, "adjective")
        if word and (right_after_head or not adj):
            ofs.append(word[0])
            last = ofs
            i += word[1]
            continue
        if adj and last and last[-1].startswith("and ") and _nisba(toks[i]) is None \
                and toks[i - 1].endswith("ات") and toks[i].endswith(("ة", "ه")):
            last[-1] = f"and {adj[0]} {last[-1][4:]}"  # والتكنولوجيات الحديثة: a feminine adjective after a plural
            i += adj[1]  # of things is the plural's (... and New Technologies), not the head's
            continue
        if adj:
            adjs.append(adj[0])
            last = adjs
            i += adj[1]
            continue
        bare = _for_form(toks[i])
        after = next((g for kind in ("word", "adjective") if (g := _gloss([bare, *toks[i + 1:]], 0, kind))),
                     None) if bare else None
        if after:
            fors.append(after[0])
            last = fors
            i += after[1]
            continue
        conj = _coordinated(toks[i])
        joined = next((g for kind in ("word", "adjective")
                       if (g := _gloss([conj, *toks[i + 1:]], 0, kind))), None) if conj and last else None
        if joined and last is not None:
            last.append(f"and {joined[0]}")
            i += joined[1]
            continue
        if (place := _place_at(toks, i, any_place=not after_name)) is not None:
            names.append(place[0])
            last = names
            i += place[1]
            continue
        if (country := _nisba(toks[i])) is not None:
            nisbas.append(country)
        else:
            en, src = spell(toks[i])
            names.append(en)
            romanized = romanized or src == "romanized"
            spelled = True
        last = None
        i += 1
    adjs.sort(key=lambda a: a not in _ORDINALS)  # English puts an ordinal first: بنك الخليج الأول, First Gulf Bank
    if compound:  # English puts the complement first, the governed word before its governor: صندوق التنمية
        # العقاري -> Real Estate Development Fund, هيئة تنظيم الاتصالات -> Telecommunications Regulatory Authority
        groups: list[str] = []
        for o in ofs:
            if o.startswith("and ") and groups:
                groups[-1] += f" {o}"
            else:
                groups.append(o)
        parts = names + adjs + fors + groups[::-1] + [head]
    else:
        if names and ofs:  # a name among translated words: keep it in the "of" part, in order (rare)
            ofs, names = ofs + names, []
        parts = names + adjs + fors + [head] + (["of", *ofs] if ofs else [])
    out = " ".join(years + parts) + (f" ({', '.join(nisbas)})" if nisbas else "")
    return out, "romanized" if romanized else "lexicon"


_ORDINALS = frozenset({"First", "Second"})
_CALENDAR_LETTERS = frozenset({"م", "ه", "هـ"})  # after a year: AD, AH
_CLUB_WORDS = ("نادي", "فريق")  # نادي الاتحاد, فريق الهلال: the word after them is the club
# the other sense of a club's word (its gloss: "also the police") is itself an institution or a place: the
# bare word is read as the club only after نادي/فريق
_INSTITUTION_SENSES = re.compile(r"\b(police|army|air force|guards|emirate|country|city|union|federation)\b")
_CLUB_ALTERNATIVE = re.compile(r"\s*([^,(]+?)\s*\(([^)]*)\)")


_ONE_LETTER_PROCLITICS = ("و", "ب", "ل", "ك", "ف")


def _without_for(name_ar: str) -> str:
    """A name whose only form carries the preposition ل fused with the article (``للنصر``, "for al-Nassr"): the
    name with the article (``النصر``); no Arabic name begins with لل.  Anything else as it is."""
    first, sep, rest = name_ar.partition(" ")
    if first.startswith("لل") and len(first) > 4:
        return _for_form(first) + sep + rest
    return name_ar


def _proclitic_forms(name_ar: str) -> tuple[str, ...]:
    """``name_ar`` and, when its first word carries a one-letter proclitic (و، ب، ل، ك، ف) before at least four
    letters, the name without it (``لنابولي`` -> نابولي): for look-ups in closed lists only, where a wrong split
    finds nothing.  Three letters left are too often a name's own first letter off (``فهيم`` is not ف + ``هيم``)."""
    if name_ar[:1] in _ONE_LETTER_PROCLITICS and len(name_ar.partition(" ")[0]) > 4:
        return name_ar, name_ar[1:]
    return (name_ar,)


def _spell_listed_first(name_ar: str, country: str | None) -> tuple[str, str]:
    """:func:`spell`, but a name the model would spell whose first word, without a one-letter proclitic, is a
    listed name (``وبرشلونة``) gets the listed spelling."""
    en, src = spell(name_ar, country=country)
    if src == "romanized":
        for form in _proclitic_forms(name_ar)[1:]:
            if (alt := spell(form, country=country))[1] == "lexicon":
                return alt
    return en, src


@cache
def _clubs() -> dict[tuple[str, ...], tuple[bool, tuple[tuple[tuple[str, ...], str], ...]]]:
    """``ner_clubs.csv``: normalised club name -> (whether the bare word may be read as the club, the club's
    English names each with the countries it is the club of)."""
    from babel import Locale

    codes = {name: code for code, name in Locale("en").territories.items() if code.isalpha()}
    codes["UAE"] = "AE"  # the clubs list writes the Emirates so; CLDR has every other country name it uses
    out: dict = {}
    for r in load_csv("ner_clubs.csv", required=("word", "gloss_en"), key=("word",)):
        main, _, also = r["gloss_en"].partition("; also")
        alts = [(tuple(codes[c.strip()] for c in where.replace(";", ",").split(",") if c.strip() in codes),
                 name.strip().strip('"')) for name, where in _CLUB_ALTERNATIVE.findall(main)]
        if not alts:
            alts = [((), main.strip().strip('"'))]
        out[name_tokens(r["word"])] = (not _INSTITUTION_SENSES.search(also), tuple(alts))
    return out


def club_name(name_ar: str, *, country: str | None = None) -> str | None:
    """The English name of the sports club an organisation's name is (``ريال مدريد`` -> Real Madrid, ``نادي
    الاتحاد`` -> Al Ittihad; ``الأهلي`` with ``country="SA"`` -> Al Ahli, else the first listed, Al Ahly), from
    ``analysis/data/ner_clubs.csv``; None when it is none.  A club word whose other sense is an institution
    (``الشرطة``: also the police) is read as the club only after نادي or فريق."""
    toks = name_tokens(name_ar)
    after_club_word = len(toks) > 1 and _bare(toks[0]) in _CLUB_WORDS
    hit = _clubs().get(tuple(toks[1:]) if after_club_word else tuple(toks))
    if hit is None or not (after_club_word or hit[0]):
        return None
    alts = hit[1]
    return next((en for where, en in alts if country and country.upper() in where), alts[0][1])


# "the Kingdom", "the Sultanate": the press of a kingdom (sultanate) names its own country so; the English when
# the outlet's country is not one of them
_OWN_STATE = {"المملكة": ("the Kingdom", frozenset({"SA", "MA", "JO", "BH"})),
              "السلطنة": ("the Sultanate", frozenset({"OM"}))}


@cache
def _own_states() -> dict[tuple[str, ...], tuple[str, frozenset[str]]]:
    return {name_tokens(k): v for k, v in _OWN_STATE.items()}


@cache
def _country_key(name_en: str) -> str | None:
    """The reviewed gazetteer key of the GPE with this English name (Saudi Arabia -> saudi_arabia), so a corpus
    counts المملكة and السعودية as one country; None when the gazetteer has none."""
    from analysis.lexicon.gazetteer import gazetteer

    return next((e.key for e in gazetteer() if e.type == "GPE" and e.name_en == name_en), None)


def own_state(name_ar: str, country: str | None):
    """The outlet's own country when an entity is named only ``المملكة`` (the Kingdom) or ``السلطنة`` (the
    Sultanate) and the outlet's country is one (a Saudi paper's المملكة is Saudi Arabia): its place row from the
    country table, else None (no country hint, or not a kingdom)."""
    hit = _own_states().get(name_tokens(name_ar))
    if not country or hit is None or country.upper() not in hit[1]:
        return None
    from babel import Locale

    return next((p for p in candidates(Locale("ar").territories[country.upper()])
                 if p.kind == "country" and p.country == country.upper()), None)


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
        elif r["type"] in PLACE_TYPES and (p := own_state(r["name_ar"], country)) is not None:
            r.update(name_en=p.name_en, name_en_source="gazetteer", lat=p.lat, lon=p.lon, country=p.country,
                     population=p.population, geo_reason="outlet-country", key=_country_key(p.name_en))
        elif r["type"] in PLACE_TYPES and (hit := _own_states().get(name_tokens(r["name_ar"]))) is not None:
            r["name_en"], r["name_en_source"] = hit[0], "lexicon"
        else:
            name = _without_for(r["name_ar"])
            club = next((c for form in _proclitic_forms(name) if (c := club_name(form, country=country))),
                        None) if r["type"] == "ORG" else None
            made = (club, "lexicon") if club else compose(name) if r["type"] in COMPOSED_TYPES else None
            r["name_en"], r["name_en_source"] = made or _spell_listed_first(name, country)
