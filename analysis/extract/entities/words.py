"""Word lists and word tests of the entity layer: ``analysis/data/entity_words.csv`` (word, list, English gloss),
``not_entities.csv`` and the nisba (adjective of origin) tests."""
from __future__ import annotations

import re
from functools import cache, lru_cache

from analysis.extract.entities.base import Mention, Tokens
from analysis.lexicon import load_csv
from analysis.lexicon.gazetteer import cue_verbs, titles, variant_index
from analysis.text.clitics import (
    CLITIC_ARTICLE_PREFIXES,
    PROCLITICS,
    proclitic_splits,
    strip_article,
    strip_conjunction,
)
from analysis.text.commonwords import is_common
from analysis.text.normalize import normalize
from analysis.text.stopwords import is_stopword

__all__ = ["word_list", "never_name", "is_nisba", "place_nisba", "namey", "glued", "surname_word", "verb_shaped",
           "hal_participle", "accusative_indefinite", "known_name_word", "listed_place", "listed_first_name",
           "listed_country", "written_ali", "adjective_after_noun", "person_name_word", "future_verb"]

_NISBA_RE = re.compile(r"^(?:[وفبلك]{0,2})ال\w+(?:ي|يه|يين|يون|يات)$")
# An imperfect verb of the third person (يعود, يأمر, تحتسب, يؤكد): ي/ت + two to five letters.  Names of that shape
# (يوسف, تامر) are listed in entity_words.csv (verb_shaped_name).
_IMPERFECT_RE = re.compile(r"^[يت]\w{2,5}$")
# ... but تفعيل is the verbal noun of form II (تنظيم, تشريع), not a verb.
_MASDAR_II_RE = re.compile(r"^ت\w\wي\w$")
# An active participle of a derived form in the indefinite accusative, written without its tanwin (متضامنا,
# مؤكدا, مطالبا): a circumstantial (حال) after a name, never a name word.
_HAL_PARTICIPLE_RE = re.compile(r"^م\w{3,6}ا$")
# The indefinite accusative (tanwin fath, ً) written on a word: احتياطياً, جنيهاً -- never on a proper name.
_TANWIN_FATH = "\u064b"
# not_entities.csv words are looked for behind these proclitics (the entity list without فك, as it always was).
_NEVER_NAME_PROCLITICS = tuple(p for p in PROCLITICS if p != "فك")


@cache
def _lists() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for r in load_csv("entity_words.csv", required=("word", "list", "gloss_en"), key=("word", "list")):
        out.setdefault(r["list"], []).append(normalize(r["word"]))
    return {k: tuple(v) for k, v in out.items()}


@cache
def word_list(name: str) -> frozenset[str]:
    """The normalised words of list ``name`` of ``entity_words.csv`` (connector, geo_head, direction,
    settlement_head, strong_org_head, name_part_head, weak_head_not_intl, intl_adjective, org_apposition,
    name_opener, surname_connector, nisba_ending)."""
    lists = _lists()
    if name not in lists:
        raise KeyError(f"entity_words.csv has no list {name!r}; lists: {', '.join(sorted(lists))}")
    return frozenset(lists[name])


@cache
def nisba_endings() -> tuple[str, ...]:
    """Nisba endings in file order (يين, يون, يات, يه, يا, ي)."""
    return _lists()["nisba_ending"]


@cache
def _not_entities() -> frozenset[str]:
    """Words that are never a name on their own (currencies, communities, number words): ``not_entities.csv``."""
    return frozenset(normalize(r["word"]) for r in load_csv("not_entities.csv", required=("word",)))


@lru_cache(maxsize=65536)
def never_name(norm: str) -> bool:
    """A word of ``not_entities.csv``, also behind proclitics (``وللأكراد``, ``بالدولار``, ``للأكراد``)."""
    words = _not_entities()
    return any(f in words for _, f in proclitic_splits(norm, proclitics=_NEVER_NAME_PROCLITICS, min_rest=3,
                                                          lam_lam=True, lam_lam_min_rest=0))


def is_nisba(norm: str) -> bool:
    """A definite word with a nisba ending (``العراقي``, ``والإيطالية``)."""
    return bool(_NISBA_RE.match(norm))


@cache
def _place_names() -> frozenset[str]:
    """Single-token spellings of gazetteer places and ner_lists.csv countries (for recognising their nisba
    adjectives: البرتغالي from البرتغال)."""
    return frozenset(v.tokens[0] for vs in variant_index().values() for v in vs
                     if len(v.tokens) == 1 and v.entry.type in ("GPE", "LOC")) | _listed("country")


@cache
def place_nisba(norm: str) -> bool:
    """``فلسطينيا``, ``الفلسطيني``, ``الأمريكية``: an adjective (or adverb) made from a gazetteer place."""
    places = _place_names()
    for w in {norm, strip_conjunction(norm)}:
        if w in places:
            continue  # كولومبيا is the place, not an adjective of it
        bare = strip_article(w, prefixes=CLITIC_ARTICLE_PREFIXES, min_rest=3)
        if bare is not None:
            w = bare
        for end in nisba_endings():
            if w.endswith(end) and len(w) - len(end) >= 2:
                stem = w[:-len(end)]
                if any(c in places for c in (stem, "ال" + stem, stem + "ا", stem + "يا", stem + "ه",
                                             "ال" + stem + "يه", stem + "يه")):
                    return True
    return False


@lru_cache(maxsize=8192)
def big_place(norm: str, people: int = 50000) -> bool:
    """A city or country of the place table (GeoNames / CLDR) with ``people`` or more (``افران``): after ب it
    starts a phrase (``مهرجان تورتيت | بإفران``), not a name's next word."""
    from analysis.names.places import candidates

    return any((p.population or 0) >= people for p in candidates(norm))


def namey(toks: Tokens, i: int, covered: list[Mention | None]) -> bool:
    """Token i may be part of a personal name: a free word that is no stopword, common word, cue verb, title,
    connector or ``not_entities.csv`` word."""
    norm = toks.norm[i]
    return (toks.kind[i] == "word" and covered[i] is None and len(norm) >= 2 and not is_stopword(norm)
            and not is_common(norm) and strip_conjunction(norm) not in cue_verbs()
            and norm not in titles().get("person_title", ()) and norm not in word_list("connector")
            and not never_name(norm))


def glued(toks: Tokens, i: int) -> bool:
    """Token i is a hyphen written without spaces between two words (فرانك-فالتر)."""
    return (toks.text[i] in "-\u2010\u2011" and 0 < i < len(toks.text) - 1
            and toks.end[i - 1] == toks.start[i] and toks.end[i] == toks.start[i + 1])


def surname_word(norm: str) -> bool:
    """A definite word that can end a personal name (البنيان, الكاظمي), not an adjective of a place or a label."""
    return not place_nisba(norm) and norm not in titles().get("descriptor", ())


def hal_participle(norm: str) -> bool:
    """``متضامنا``، ``مؤكدا``: a participle in the accusative after a name (a circumstantial), which ends the name
    (``الرئيس طالباني متضامنا`` -> ``طالباني``); a listed name word of that shape is not one."""
    return bool(_HAL_PARTICIPLE_RE.match(norm)) and not _known_name_token(norm)


@lru_cache(maxsize=65536)
def verb_shaped(norm: str, conjunction: bool = True) -> bool:
    """A reporting verb (cue_verbs.csv) or a word of imperfect-verb shape (``يعود``, ``تحتسب``; also after و/ف when
    ``conjunction``) that is no listed name (``يوسف``): it ends a personal name rather than continuing it
    (``ترامب يؤكد`` -> ``ترامب``)."""
    w = strip_conjunction(norm) if conjunction else norm
    if w in cue_verbs() or norm in cue_verbs():
        return True
    return bool(_IMPERFECT_RE.match(w)) and not _MASDAR_II_RE.match(w) and w not in word_list("verb_shaped_name") \
        and not _known_name_token(w)


_SUBJECT_NEXT = frozenset({"ان", "انه", "انها", "انهم", "بان", "بانه", "بانها"})
_SUBJECT_MARKS = frozenset(':«"“”\'')


def subject_words(toks: Tokens) -> frozenset[str]:
    """Words the article itself shows to be names: one to three free words, no stopword, common word, cue verb or
    title, standing right after a reporting verb and right before what it reports (``وأضاف تول أن``، ``وقال توست
    تول: ``).  A verb cannot stand there, so a name of verb shape (``تول``، ``يانغ``) found so is no verb anywhere
    in the article (:func:`verb_shaped` is asked with this set by the person rules).  Computed once per view."""
    hit = toks.memo.get("subject_words")
    if hit is not None:
        return hit  # type: ignore[return-value]
    cues, person_titles = cue_verbs(), titles().get("person_title", frozenset())
    norm, kind, text, sent = toks.norm, toks.kind, toks.text, toks.sentence
    n = len(norm)
    out: set[str] = set()
    for i in range(n - 2):
        if kind[i] != "word" or (norm[i] not in cues and strip_conjunction(norm[i]) not in cues):
            continue
        k = i + 1
        while k < n and k - i <= 3 and kind[k] == "word" and sent[k] == sent[i] and len(norm[k]) >= 2 \
                and not is_stopword(norm[k]) and not is_common(norm[k]) and norm[k] not in cues \
                and norm[k] not in person_titles and not norm[k].startswith("ال"):
            k += 1
        if k > i + 1 and k < n and sent[k] == sent[i] and (norm[k] in _SUBJECT_NEXT or text[k] in _SUBJECT_MARKS):
            out.update(norm[i + 1:k])
    found = toks.memo["subject_words"] = frozenset(out)
    return found


def verb_here(toks: Tokens, norm: str) -> bool:
    """:func:`verb_shaped`, unless the article shows the word as a subject (:func:`subject_words`): the test the
    person rules ask of a word that may end a name."""
    return verb_shaped(norm) and norm not in subject_words(toks)


def future_verb(norm: str) -> bool:
    """``ستتولى``, ``سيكون``: the future prefix س + a common imperfect verb (``تتولى``): asked of a model name
    of one word (a surname may look so after a given name: ``عصام ستاتي``)."""
    rest = norm[1:]
    return norm[:1] == "س" and len(rest) >= 4 and rest[0] in "يت" and is_common(rest) and bool(_IMPERFECT_RE.match(rest))


@cache
def _name_tokens() -> frozenset[str]:
    """Tokens of gazetteer spellings (any type): a word that is part of a reviewed name is no verb."""
    return frozenset(t for vs in variant_index().values() for v in vs for t in v.tokens)


@cache
def _listed_names() -> frozenset[str]:
    """First names, countries, regions and cities of ``ner_lists.csv`` (normalised)."""
    return frozenset(normalize(r["word"]) for r in load_csv("ner_lists.csv", required=("word", "list", "gloss_en"))
                     if r["list"] in ("first_name", "country", "city", "region"))


@cache
def _listed(kind: str) -> frozenset[str]:
    return frozenset(normalize(r["word"]) for r in load_csv("ner_lists.csv", required=("word", "list", "gloss_en"))
                     if r["list"] == kind)


def listed_place(w: str) -> bool:
    """A country, region or city of ``ner_lists.csv`` (normalised)."""
    return w in _listed("country") or w in _listed("city") or w in _listed("region")


def listed_country(w: str) -> bool:
    """A country of ``ner_lists.csv`` (normalised)."""
    return w in _listed("country")


def listed_first_name(w: str) -> bool:
    """A first name of ``ner_lists.csv`` (normalised)."""
    return w in _listed("first_name")


def _known_name_token(w: str) -> bool:
    return w in _name_tokens()


@cache
def _person_tokens() -> frozenset[str]:
    return frozenset(t for vs in variant_index().values() for v in vs if v.entry.type == "PERSON" for t in v.tokens)


def person_name_word(w: str) -> bool:
    """A normalised word of a reviewed person's name or a listed first name (``هشام``): a byline, not an outlet."""
    return w in _person_tokens() or w in _listed("first_name")


def known_name_word(w: str) -> bool:
    """A normalised word that is part of a reviewed or listed name (gazetteer token, ner_lists.csv first name,
    country, region or city)."""
    return w in _name_tokens() or w in _listed_names()


def written_ali(text: str, norm: str) -> bool:
    """The given name علي written with its final ي: normalised like the preposition على (a stop word), which
    ends in ى where the outlet writes the two apart; asked only where a name may start."""
    return norm == "علي" and text.endswith("ي")


def accusative_indefinite(text: str) -> bool:
    """The written token carries the indefinite accusative (``احتياطياً``): a common word, never a name."""
    return _TANWIN_FATH in text


def bare_accusative(norm: str) -> bool:
    """The indefinite accusative written without its mark: a common word + alif (``وقفا``، ``سابقا``: أعلن الرئيس
    وقفا لإطلاق النار), no name word itself (``رضا``، ``هيفا``)."""
    return len(norm) >= 4 and norm.endswith("ا") and not norm.endswith("اا") and is_common(norm[:-1]) \
        and not known_name_word(norm)


def adjective_after_noun(toks: Tokens, i: int) -> bool:
    """Token i, a one-word name shaped like a nisba (``السعودية``، ``العربي``), stands right after a definite noun of
    its sentence (``المرأة السعودية``، ``للمنتخب العربي``): it is that noun's adjective, not a name.  A title
    (``الرئيس السيسي``) or a settlement word before it is no such noun; asked only of non-person names."""
    if not is_nisba(toks.norm[i]) or i == 0 or toks.sentence[i - 1] != toks.sentence[i] \
            or toks.kind[i - 1] != "word" or toks.end[i - 1] == toks.start[i]:
        return False
    prev = strip_conjunction(toks.norm[i - 1])
    if len(prev) < 4 or is_stopword(prev) or prev in titles().get("person_title", ()) \
            or prev in word_list("settlement_head"):
        return False
    return prev.startswith(("ال", "لل")) or any(f.startswith("ال") and len(f) > 3
                                                for _, f in proclitic_splits(prev, min_rest=3))


def abbreviated_title(toks, j: int) -> bool:
    """Token j of ``toks`` (anything with ``text``, ``norm``, ``start``, ``end`` lists: the entity stage's tokens or
    the quote stage's view) is an abbreviated title with its point glued (``د.``; entity_words.csv
    ``abbreviated_title``), not the same letter standing alone (``م د``: million dinars)."""
    return toks.norm[j] in word_list("abbreviated_title") and j + 1 < len(toks.norm) and toks.text[j + 1] == "." \
        and toks.start[j + 1] == toks.end[j]


_OUTSIDE_NAME_TAGS = ("Xwd_name", "Xg_name")  # Wikidata name tokens (CC0), Google transliteration pairs (Apache 2.0)


@cache
def _outside_name_tokens() -> frozenset[str]:
    """One-word person-name tokens of the name list shipped beside the NER model (``analysis/models/
    ner_names.tsv``: Wikidata name tokens and Google transliteration pairs); empty when the file is absent."""
    from importlib.resources import files

    from analysis.ner.names import NAMES_FILENAME, read_names

    try:
        data = (files("analysis") / "models" / NAMES_FILENAME).read_bytes()
    except OSError:
        return frozenset()
    return frozenset(key for key, tags in read_names(data).names.items()
                     if " " not in key and any(t in _OUTSIDE_NAME_TAGS for t in tags))


def outside_name_word(norm: str) -> bool:
    """``norm`` is a person-name token of the outside name lists (``صادق``، ``خميس``): weaker evidence than
    :func:`known_name_word` (the lists hold common words too), asked only where the context names a person."""
    return norm in _outside_name_tokens()
