"""The bilingual gazetteer and the small lexicons of the entity and quote layers, loaded once.

``analysis/data/gazetteer.csv``: one row per real-world thing (``key``, ``type``, ``name_en``), its Arabic
spellings in ``name_ar`` (``|``-separated; the first is the canonical form) and in ``short_ar`` short forms that
count only in an article that also names the thing in full (bare ``التحالف`` is the Global Coalition only where
``التحالف الدولي`` appears), with ``lat``/``lon`` for places.  Spellings are compared token by token in
normalised form (:func:`analysis.normalize.normalize`), so ``ايطاليا`` and ``إيطاليا`` are one entry.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache, lru_cache

from analysis.lexicon import load_csv
from analysis.text.normalize import normalize
from analysis.text.tokens import tokenize

__all__ = ["GazetteerEntry", "Variant", "gazetteer", "gazetteer_rows", "variant_index", "titles", "cue_verbs", "CueVerb",
           "name_tokens", "quote_word_rows", "ENTITY_TYPES", "clause_breaks"]

ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "FAC", "MISC")


@dataclass(frozen=True)
class GazetteerEntry:
    key: str
    type: str
    name_en: str
    name_ar: str
    variants: tuple[str, ...]
    short: tuple[str, ...]
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class Variant:
    """One spelling of an entry as normalised tokens; ``short`` spellings need a full mention in the article."""

    tokens: tuple[str, ...]
    entry: GazetteerEntry
    short: bool


@dataclass(frozen=True)
class CueVerb:
    form: str
    lemma: str
    kind: str  # verb | participle
    gloss_en: str
    object_ok: bool  # may take a bare noun-phrase content (اعتبر الاتفاق ...) without أن or quotation marks
    strict: bool  # ambiguous form (بين, تابع): a cue only when a named subject or أن follows
    preps: frozenset[str] = frozenset()  # normalised prepositions that introduce a noun content (أعرب عن, أكد على)
    first_person: bool = False  # the writer's own speech (قلت، أقول): no speaker entity

    @property
    def present(self) -> bool:
        """An imperfect (present-tense) form (يقول، تؤكد): starts with ي/ت and is not the past stem + suffix."""
        form, lemma = normalize(self.form), normalize(self.lemma)
        return self.kind == "verb" and form[:1] in ("ي", "ت") and not form.startswith(lemma)

    @property
    def number(self) -> str:
        """``sg``, ``du`` (قالا، أكدتا، يقولان) or ``pl`` (قالوا، يقولون، مؤكدين) from the form's ending."""
        form, lemma = normalize(self.form), normalize(self.lemma)
        if form.endswith("وا") or form.endswith("ون") or (self.kind == "participle" and form.endswith("ين")):
            return "pl"
        if form in (lemma + "ا", lemma + "تا") or (self.present and form.endswith("ان")):
            return "du"
        return "sg"


# How each file is read (lexicon.load_csv: required cells filled, optional columns present, no duplicate key).
_DECLARED: dict[str, dict[str, tuple[str, ...]]] = {
    "gazetteer.csv": {"required": ("key", "type", "name_en", "name_ar"), "optional": ("short_ar", "lat", "lon"),
                      "key": ("key",)},
    "titles.csv": {"required": ("ar", "kind", "gloss_en"), "key": ("ar", "kind")},
    "cue_verbs.csv": {"required": ("form", "lemma", "kind", "gloss_en", "object_ok", "strict"),
                      "optional": ("prep", "person"), "key": ("form",)},
    "quote_words.csv": {"required": ("word", "list", "gloss_en"), "key": ("word", "list")},
}


def _rows(name: str) -> tuple[dict[str, str], ...]:
    return load_csv(name, **_DECLARED[name])


def quote_word_rows() -> tuple[dict[str, str], ...]:
    """The rows of ``quote_words.csv`` (``word, list, gloss_en``): read by the quote layer, and here so that no
    word of it is generated as a cue form."""
    return _rows("quote_words.csv")


def gazetteer_rows() -> tuple[dict[str, str], ...]:
    """The rows of ``gazetteer.csv`` as written (checked by the lexicon loader), for readers other than
    :func:`gazetteer` (the NER name list)."""
    return _rows("gazetteer.csv")


@lru_cache(maxsize=16384)
def name_tokens(name: str) -> tuple[str, ...]:
    """Normalised word tokens of a name (punctuation such as hyphens kept as tokens; once per name)."""
    return tuple(normalize(t.text) for t in tokenize(name))


def _float(value: str) -> float | None:
    return float(value) if value.strip() else None


@cache
def gazetteer() -> tuple[GazetteerEntry, ...]:
    """All entries of ``gazetteer.csv`` in file order."""
    out = []
    for r in _rows("gazetteer.csv"):
        variants = tuple(v.strip() for v in r["name_ar"].split("|") if v.strip())
        short = tuple(v.strip() for v in r["short_ar"].split("|") if v.strip())
        if r["type"] not in ENTITY_TYPES or not variants:
            raise ValueError(f"gazetteer.csv: bad row {r['key']!r}")
        out.append(GazetteerEntry(r["key"], r["type"], r["name_en"], variants[0], variants, short,
                                  _float(r["lat"]), _float(r["lon"])))
    return tuple(out)


@cache
def variant_index() -> dict[str, tuple[Variant, ...]]:
    """Spellings by their first normalised token, longest first (the matcher tries them in this order)."""
    index: dict[str, list[Variant]] = {}
    seen: set[tuple[str, ...]] = set()
    for entry in gazetteer():
        for names, short in ((entry.variants, False), (entry.short, True)):
            for name in names:
                toks = name_tokens(name)
                if not toks or (toks, entry.key) in seen:
                    continue
                seen.add((toks, entry.key))
                index.setdefault(toks[0], []).append(Variant(toks, entry, short))
    return {k: tuple(sorted(v, key=lambda x: -len(x.tokens))) for k, v in index.items()}


@cache
def titles() -> dict[str, frozenset[str]]:
    """Normalised title words by kind: ``person_title``, ``complement``, ``org_head`` (heads of organisation
    names), ``fac_head`` (facilities; ``fac_head_weak``: heads that are also common nouns, قاعدة; ``fac_head_named``:
    heads that name a facility only after a titled person, طريق الملك عبدالعزيز),
    ``short_head`` (heads whose bare definite form names the facility or body
    the article named in full: القناة), ``descriptor`` (adjectives that describe an organisation, never end its
    name)."""
    out: dict[str, set[str]] = {}
    for r in _rows("titles.csv"):
        out.setdefault(r["kind"], set()).add(normalize(r["ar"].split()[0]))
    return {k: frozenset(v) for k, v in out.items()}


@cache
def cue_verbs() -> dict[str, CueVerb]:
    """Reporting verbs and participles by normalised form (``kind`` verb or participle); ``prep``: the
    prepositions (``|``-separated) after which a noun is the content (أشار إلى، أعرب عن); ``person`` ``1``: the
    writer speaking (قلت، أقول)."""
    listed = {normalize(r["form"]): CueVerb(r["form"], r["lemma"], r["kind"], r["gloss_en"], r["object_ok"] == "1",
                                            r["strict"] == "1",
                                            frozenset(normalize(x) for x in r["prep"].split("|") if x),
                                            r["person"] == "1")
              for r in _rows("cue_verbs.csv") if r["kind"] in ("verb", "participle")}
    taken = set(listed) | {normalize(r["form"]) for r in _rows("cue_verbs.csv")} | _quote_list_words()
    out = dict(listed)
    for cue in listed.values():
        for form, gloss in regular_forms(cue):
            if form not in taken:
                out[form] = replace(cue, form=form, gloss_en=f"{cue.gloss_en.split(' (')[0]} ({gloss}, regular form)")
                taken.add(form)
    return out


_WEAK_FINAL = ("ا", "ى", "ي", "و")  # a defective verb (دعا، نفى، رأى، يدعو) inflects irregularly: listed by hand


def regular_forms(cue: CueVerb) -> tuple[tuple[str, str], ...]:
    """The regular inflections of a listed cue (normalised form, gloss): a past-tense 3rd person masculine verb
    (``أوضح``) gives the feminine (``أوضحت``) and plural (``أوضحوا``); a present-tense one (``يوضح``) the feminine
    (``توضح``) and plural (``يوضحون``); a masculine participle (``مشددا``) the plural (``مشددين``).  A stem ending in
    a weak letter is left out, and so are duals and feminine participles: ``حذرا``، ``نقلا``، ``توقعا`` are also
    indefinite nouns, ``مطالبة`` a verbal noun; those are listed by hand where they are cues."""
    if cue.first_person:
        return ()
    form, lemma = normalize(cue.form), normalize(cue.lemma)
    if form.endswith(_WEAK_FINAL[1:]) or (cue.kind == "verb" and form.endswith("ا")):
        return ()
    if cue.kind == "verb" and form == lemma:
        return (form + "ت", "f."), (form + "وا", "pl.")
    if cue.kind == "verb" and cue.present and form.startswith("ي") and not form.endswith(("ون", "ان")):
        return ("ت" + form[1:], "f."), (form + "ون", "pl.")
    if cue.kind == "participle" and form.endswith("ا") and not form.endswith("يا") and len(form) > 3:
        return ((form[:-1] + "ين", "pl."),)
    return ()


def _quote_list_words() -> set[str]:
    """Every word of ``quote_words.csv`` (a tail such as ``نقلا``, a preposition ...): never a generated cue form."""
    return {normalize(w) for r in quote_word_rows() for w in r["word"].split()}


@cache
def clause_breaks() -> frozenset[str]:
    """Normalised forms that end a quote's content without starting a quote (``cue_verbs.csv`` kind boundary:
    ``معلنة عن`` + noun announces, it does not report speech)."""
    return frozenset(normalize(r["form"]) for r in _rows("cue_verbs.csv") if r["kind"] == "boundary")
