"""Figures: every counted amount in the text ("1,497 جندياً", "3 ملايين دولار", "خمسة أيام", "2.38%").

One pass over each sentence's tokens:

1. **Amount**: a digit token (``1,497``, ``١٬٤٩٧``, ``2.38%``, the fraction-first ``2ر0`` style, see
   :mod:`analysis.text.numerals`) optionally followed by scale words (``مليون``، ``مليارات``، ``ألف``), or a run of number
   words (``ألف وأربعمائة``، ``خمسة``، ``عشرات``، ``مليار``).  A number word with the article after a plural noun
   (``الأعوام الأربعة``، ``الأشهر الـ15``) counts that noun.
2. **Counted noun**: the unit lexicon ``analysis/data/units.csv`` (Arabic form, English unit, category) matched on
   the normalised token with clitics stripped, right after the amount; percent markers (``%``، ``في المائة``);
   or ``N من <noun>`` (``11 من عناصر``), where a noun missing from the lexicon is kept as written with
   category ``count``.  A unitless amount joined by و/إلى/أو to an amount with a unit shares its unit
   (``3 إلى 4 بالمائة``، ``1.2 مليون و1.3 مليون برميل``).  A noun the lexicon lacks right after a digit is kept
   as written with category ``count`` when it looks counted (``41 ميثاقاً``-style tanween, ``ـة``، ``ـات``; see
   :func:`_unknown_noun`); a vague plural before a definite noun counts it (``لملايين المصريين``: a nisba plural
   is ``people``).  Digit amounts with no noun at all are kept with category ``number``; number words with no
   noun are dropped (``تسع`` is also a verb).
   **Duals**: an indefinite dual of a lexicon noun (``شريطين``، ``لسفينتين``، ``شهرين``، ``عبوتين``) is 2 of the
   singular's unit; a masculine human noun's ``-ين`` is left to the sound plural (``مدنيين``) unless listed with
   role ``dual`` (``شخصين``); definite duals (``باللغتين``) and ``not_unit`` words (``ميلان``، ``طالبان``) are not.
3. **Not figures**: dates and times (tokens with ``-``, ``/`` or ``:``, numbers next to a month name, after
   ``الساعة``), years (four-digit 1900-2100 with no counted noun, or after ``عام``/``سنة``), names such as
   ``«ستاندرد أند بورز 500»`` (a unitless number right before a closing quote), page view counts
   (``مشاهدة``) and ordinals (not in the lexicon).
4. **approximate**: a qualifier from ``number_words.csv`` right before the amount (حوالي، نحو، قرابة، أكثر من،
   ما يقارب ...; attached ب allowed: ``بحوالي``) or right after the noun (تقريبا، على الأقل); vague plurals
   (عشرات، ملايين الـ...) are approximate lower bounds.  The qualifier is in ``qualifier``, outside the span.
5. **category** from the noun; people/personnel/count amounts next to a casualty or detention cue
   (``مقتل``، ``إصابة``، ``قتلوا``، ``القبض``) become ``casualties``/``detained``, and a coordinated amount
   (``مقتل 11 ... و10 مدنيين``) inherits its neighbour's cue.
6. **subject_entity_id**: whose figure, from the other stage's mentions: the first PERSON/ORG/GPE mention of the
   sentence when it sits in the first three word tokens (verb-subject or subject-verb order) and precedes the
   figure (``وشاركت ايطاليا ... بحوالي 1,497 جندياً`` -> Italy).  Null otherwise.

``text``/``start``/``end`` cover the amount and its counted noun (``1,497 جندياً``، ``في المائة`` included).
"""
from __future__ import annotations

from functools import cache
from typing import NamedTuple

import pandas as pd

from analysis import schema
from analysis.extract.tokenview import Tok, tokens_by_sentence
from analysis.lexicon import load_csv
from analysis.schema import BaseTables
from analysis.text.clitics import strip_article
from analysis.text.normalize import normalize
from analysis.text.numerals import (
    compose,
    number_word,
    parse_numeral,
    qualifiers,
    reversed_decimal,
    strip_clitics,
)
from analysis.text.pagedate import month_names

__all__ = ["Unit", "FIGURE_COLUMNS", "extract_figures", "unit_lexicon"]

FIGURE_COLUMNS = schema.TABLES["figures"].names  # declared in analysis/schema.py


class Unit(NamedTuple):
    term_ar: str
    unit_en: str
    category: str
    role: str  # noun, percent, exclude, cue
    gloss: str


class _Figure(NamedTuple):
    sentence_id: int
    value: float
    unit_ar: str | None
    unit_en: str | None
    category: str
    approximate: bool
    qualifier: str | None
    value_text: str
    start: int
    end: int
    i0: int  # first token of the span
    i1: int  # one past the last token of the span
    cue: str | None


@cache
def unit_lexicon() -> dict[tuple[str, ...], Unit]:
    """Normalised word tuple -> :class:`Unit` (nouns, percent markers, exclusions and category cues)."""
    rows = load_csv("units.csv", required=("term_ar", "role", "gloss"), optional=("unit_en", "category"),
                    key=("term_ar",))
    return {tuple(normalize(r["term_ar"]).split()): Unit(r["term_ar"], r["unit_en"], r["category"], r["role"],
                                                          r["gloss"]) for r in rows}


@cache
def _max_unit_len() -> int:
    return max(len(k) for k in unit_lexicon())


def _bare(norm: str) -> list[str]:
    """Forms of a word to look up: clitics stripped, and the article (ال، لل) removed."""
    out = []
    for c in strip_clitics(norm):
        out.append(c)
        bare = strip_article(c)
        if bare is not None:
            out.append(bare)
    return out


def _lookup(toks: list[Tok], i: int, roles: tuple[str, ...]) -> tuple[Unit, int] | None:
    """The longest lexicon entry with a role in ``roles`` starting at token ``i``; returns (unit, tokens used)."""
    lex = unit_lexicon()
    for n in range(min(_max_unit_len(), len(toks) - i), 0, -1):
        words = [t.norm for t in toks[i:i + n]]
        for first in _bare(words[0]):
            u = lex.get((first, *words[1:]))
            if u is not None and u.role in roles:
                return u, n
    return None


# Dual endings (normalised: ة is ه) and what the singular ends with: عبوتين -> عبوه, شهرين -> شهر.
_DUAL_ENDINGS = (("تين", "ه"), ("تان", "ه"), ("ين", ""), ("ان", ""))
# Categories of human nouns: their masculine -ين is also the sound plural (مدنيين، مسلحين), so only listed
# duals (role ``dual``: شخصين، جنديين) and feminine or nominative (-ان) forms count as two.
_HUMAN = {"people", "personnel", "casualties"}
_TANWEEN_FATH = "\u064b"


def _dual(tok: Tok) -> Unit | None:
    """An indefinite dual of a lexicon noun (``شريطين``، ``لسفينتين``، ``شهرين``، ``عبوتين``): the singular's unit.

    Definite duals (``باللغتين``، ``الطرفين``) and words the lexicon lists as they are (plurals, ``not_unit``) are not.
    """
    if tok.kind != "word" or not tok.norm.endswith(("ين", "ان")):
        return None
    lex = unit_lexicon()
    for form in strip_clitics(tok.norm):
        if form.startswith("ال"):
            return None
        u = lex.get((form,))
        if u is not None:
            return u if u.role == "dual" else None
        for suffix, singular in _DUAL_ENDINGS:
            if not form.endswith(suffix):
                continue
            stem = form[: -len(suffix)] + singular
            u = lex.get((stem,))
            if len(stem) < 3 or u is None or u.role != "noun":
                continue
            if suffix == "ين" and u.category in _HUMAN:
                continue
            return u
    return None


def _unknown_noun(tok: Tok) -> Unit | None:
    """A noun the lexicon lacks right after a digit amount, kept as written with category ``count``.

    Only forms that look like a counted noun: the accusative tanween of 11-99 (``41 ميثاقاً``) on a word not
    ending in ``يا`` (adverbs: ``سنوياً``), or a feminine singular / plural ending (``ـة``، ``ـات``); indefinite, with no
    letter in front that may be a clitic (a noun counted by a digit takes none; this loses ``وثيقة``، ``بلدة``);
    not in the lexicon (``not_unit``: ``مقارنة``، ``أيضا``، ``هجرية``).
    """
    if tok.kind != "word" or len(tok.norm) < 3:
        return None
    forms = strip_clitics(tok.norm)
    if len(forms) > 1 or tok.norm.startswith("ال"):
        return None  # و/ف/ب/ل/ك in front (ولمدة، بنسبة، للهجرة، ومات): not a noun counted by the amount
    lex = unit_lexicon()
    if any(lex.get((f,)) is not None for f in forms):
        return None
    bare = tok.text.rstrip(_TANWEEN_FATH + "\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640")
    tanween = _TANWEEN_FATH in tok.text[-3:] and not tok.norm.endswith("يا")
    if tanween or bare.endswith("ة") or tok.norm.endswith("ات"):
        return Unit(tok.text, "", "count", "noun", "")
    return None


def _vague_noun(tok: Tok) -> Unit | None:
    """The definite noun a vague plural counts (``لملايين المصريين``): a nisba plural (-يين/-يون) is people."""
    if tok.kind != "word":
        return None
    forms = strip_clitics(tok.norm)
    if not any(f.startswith("ال") and len(f) > 4 for f in forms):
        return None
    category = "people" if tok.norm.endswith(("يين", "يون")) else "count"
    return Unit(tok.text, "", category, "noun", "")


def _is_month(norm: str) -> bool:
    months = month_names()
    return any(b in months for b in _bare(norm))


_CLOSING = set("»”″\"'’)")
_YEAR_WORDS = {"عام", "العام", "سنه", "السنه", "لعام", "لسنه", "بعام", "وعام"}
_CONNECTORS = {"و", "الي", "او", "-", "حتي"}


def _qualifier_before(toks: list[Tok], i: int) -> tuple[str, int] | None:
    """An approximation qualifier ending right before token ``i``: (qualifier as written, first token)."""
    table = qualifiers()["approx_before"]
    for n in (4, 3, 2, 1):
        j = i - n
        if j < 0:
            continue
        words = [t.norm for t in toks[j:i]]
        if any(t.kind != "word" for t in toks[j:i]):
            continue
        for first in strip_clitics(words[0]):
            if (first, *words[1:]) in table:
                return " ".join(t.text for t in toks[j:i]), j
    return None


def _qualifier_after(toks: list[Tok], i: int) -> tuple[str, int] | None:
    table = qualifiers()["approx_after"]
    for n in (2, 1):
        words = tuple(t.norm for t in toks[i:i + n])
        if len(words) == n and words in table:
            return " ".join(t.text for t in toks[i:i + n]), i + n
    return None


def _amount(toks: list[Tok], i: int) -> tuple[float, int, str, bool, bool] | None:
    """An amount starting at token ``i``: (value, index after it, kind, percent sign attached, vague)."""
    t = toks[i]
    if t.kind == "number":
        if any(c in t.text for c in "-/:"):
            return None
        j = i + 1
        if (j + 1 < len(toks) and toks[j].text == "ر" and toks[j].start == t.end
                and toks[j + 1].kind == "number" and toks[j + 1].start == toks[j].end):
            value = reversed_decimal(t.text, toks[j + 1].text)
            j += 2
        else:
            value = parse_numeral(t.text)
        if value is None:
            return None
        percent = normalize(toks[j - 1].text).endswith("%")
        words = []
        while j < len(toks) and toks[j].kind == "word":
            nw = number_word(toks[j].norm)
            if nw is None or nw[1] or nw[0].kind not in ("scale", "scale_plural", "scale_dual"):
                break
            words.append(nw[0])
            j += 1
        return (compose(words, base=value) if words else value), j, "digits", percent, False
    if t.kind != "word":
        return None
    nw = number_word(t.norm)
    if nw is None:
        return None
    entry = nw[0]
    if entry.kind == "teen_unit":
        nxt = number_word(toks[i + 1].norm) if i + 1 < len(toks) and toks[i + 1].kind == "word" else None
        if nxt is None or nxt[0].kind != "ten" or nxt[1]:
            return None
    if entry.word == "عشر" and i > 0 and toks[i - 1].norm.startswith("ال"):
        return None  # ordinal: الخامس عشر
    words = [entry]
    j = i + 1
    while j < len(toks) and toks[j].kind == "word":
        nw2 = number_word(toks[j].norm)
        if nw2 is None or nw2[1] not in ("", "و"):
            break
        if nw2[0].kind in ("vague",) or (nw2[0].kind in ("unit", "teen_unit") and not nw2[1]):
            break
        words.append(nw2[0])
        j += 1
    vague = words[0].kind in ("vague", "scale_plural")
    return compose(words), j, "words", False, vague


def _sentence_figures(sid: int, toks: list[Tok]) -> list[_Figure]:
    out: list[_Figure] = []
    i = 0
    n = len(toks)
    while i < n:
        t = toks[i]
        amt = None
        adjectival = None
        if t.kind == "word" and t.norm.startswith("ال") and i > 0:
            # الأعوام الأربعة: a number word with the article, after the noun it counts
            nw = number_word(t.norm[2:])
            prev = _lookup(toks, i - 1, ("noun",))
            if nw and not nw[1] and nw[0].kind in ("unit", "ten", "tens") and prev and prev[1] == 1:
                amt = (nw[0].value, i + 1, "words", False, False)
                adjectival = (prev[0], i - 1)
        if amt is None:
            amt = _amount(toks, i)
        dual = None
        if amt is None and t.kind == "word":
            dual = _dual(t)
            if dual is not None:
                amt = (2.0, i + 1, "dual", False, False)
        if amt is None:
            i += 1
            continue
        value, j, akind, percent, vague = amt
        if akind == "digits" and adjectival is None and i >= 2 and toks[i - 1].norm in ("ال", "ال") \
                and toks[i - 1].end == t.start:
            prev = _lookup(toks, i - 2, ("noun",))
            if prev and prev[1] == 1:
                adjectival = (prev[0], i - 2)  # الأشهر الـ15
        unit: Unit | None = None
        k = j  # index after the span
        if adjectival is not None:
            unit = adjectival[0]
        elif dual is not None:
            unit = dual
        elif percent:
            unit = Unit("%", "percent", "percent", "percent", "percent sign")
        else:
            hit = _lookup(toks, j, ("noun", "percent", "exclude")) if j < n else None
            if hit is None and j + 1 < n and toks[j].kind == "punct" and toks[j].text in "%٪":
                hit = _lookup(toks, j, ("percent",))
            if hit is not None:
                unit, used = hit
                k = j + used
            elif j + 1 < n and toks[j].norm == "من" and toks[j + 1].kind == "word":
                hit = _lookup(toks, j + 1, ("noun",))
                if hit is not None:
                    unit, used = hit
                    k = j + 1 + used
                elif akind == "words" and value == 1:
                    i = j + 1
                    continue  # واحدة من أوائل: "one of", not a count
                else:
                    w = toks[j + 1]
                    unit = Unit(w.text, "", "count", "noun", "")
                    k = j + 2
        if unit is not None and unit.role == "exclude":
            i = k
            continue
        prev_norm = toks[i - 1].norm if i > 0 else ""
        next_tok = toks[j] if j < n else None
        if unit is None and vague and j < n:
            unit = _vague_noun(toks[j])
            if unit is not None:
                k = j + 1
        if unit is None:
            if akind == "words":
                i = j
                continue
            is_year = value.is_integer() and 1900 <= value <= 2100 and len(normalize(t.text)) == 4
            if (is_year or prev_norm in _YEAR_WORDS or prev_norm in ("الساعه", "ساعه")
                    or _is_month(prev_norm) or (next_tok is not None and _is_month(next_tok.norm))
                    or (next_tok is not None and next_tok.norm == "من" and j + 1 < n and _is_month(toks[j + 1].norm))
                    or (next_tok is not None and next_tok.text[:1] in _CLOSING and next_tok.start == toks[j - 1].end)
                    or (i > 0 and toks[i - 1].kind == "latin")):
                i = j
                continue
            unit = _unknown_noun(next_tok) if next_tok is not None and next_tok.start > toks[j - 1].end else None
            if unit is not None:
                k = j + 1
        elif unit.category == "duration" and prev_norm in _YEAR_WORDS and value >= 1900:
            i = k
            continue
        i0 = adjectival[1] if adjectival is not None else i
        qual = _qualifier_before(toks, i0)
        qualifier, approximate = None, vague
        if qual is not None:
            qualifier, approximate = qual[0], True
        after = _qualifier_after(toks, k)
        if after is not None:
            qualifier, approximate = after[0], True
        if vague and qualifier is None:
            qualifier = toks[i].text
        start, end = toks[i0].start, toks[k - 1].end
        out.append(_Figure(sid, float(value), unit.term_ar if unit else None, (unit.unit_en or None) if unit else None,
                           unit.category if unit else "number", approximate, qualifier,
                           " ".join(x.text for x in toks[i:j]) if adjectival is None else toks[i].text,
                           start, end, i0, k, None))
        i = max(k, j)
    return _share_units(toks, _apply_cues(toks, out))


def _cue_near(toks: list[Tok], lo: int, hi: int) -> str | None:
    for idx in list(range(max(0, lo - 3), lo)) + list(range(hi, min(len(toks), hi + 2))):
        hit = _lookup(toks, idx, ("cue",))
        if hit is not None:
            return hit[0].category
    return None


def _apply_cues(toks: list[Tok], figs: list[_Figure]) -> list[_Figure]:
    out: list[_Figure] = []
    for f in figs:
        cue = _cue_near(toks, f.i0, f.i1)
        if cue is None and out and out[-1].cue and 0 <= f.i0 - out[-1].i1 <= 4 and toks[f.i0 - 1].norm == "و" \
                and all(t.kind == "word" for t in toks[out[-1].i1:f.i0]):
            cue = out[-1].cue  # مقتل 11 من عناصر التنظيم و10 مدنيين: coordinated with a cued amount
        if cue and f.category in ("people", "personnel", "count"):
            f = f._replace(category=cue, cue=cue)
        elif cue:
            f = f._replace(cue=cue)
        out.append(f)
    return out


def _share_units(toks: list[Tok], figs: list[_Figure]) -> list[_Figure]:
    """``3 إلى 4 بالمائة``: a unitless amount takes the unit of the next amount it is joined to."""
    out = list(figs)
    for a in range(len(out) - 1, -1, -1):
        f = out[a]
        if f.unit_ar is not None or a + 1 >= len(out):
            continue
        g = out[a + 1]
        between = [t.norm for t in toks[f.i1:g.i0]]
        joined = (between in ([], ["و"]) and toks[g.i0].norm.startswith("و")) or \
            (len(between) == 1 and between[0] in _CONNECTORS)
        if joined and g.unit_ar is not None:
            out[a] = f._replace(unit_ar=g.unit_ar, unit_en=g.unit_en, category=g.category)
    return out


def _subject_index(mentions: pd.DataFrame | None) -> dict[int, tuple[int, object]]:
    """``sentence_id`` -> (start, entity_id) of the sentence's first PERSON/ORG/GPE mention (by start; table order
    among equal starts), read once for :func:`_subject`."""
    if mentions is None or mentions.empty or "sentence_id" not in mentions:
        return {}
    m = mentions
    if "type" in m:
        m = m[m["type"].isin(["PERSON", "ORG", "GPE"])]
    first: dict[int, tuple[int, object]] = {}
    for sid, start, eid in zip(m["sentence_id"].tolist(), m["start"].tolist(), m["entity_id"].to_numpy()):
        if sid not in first or start < first[sid][0]:
            first[sid] = (start, eid)
    return first


def _subject(first_mention: dict[int, tuple[int, object]], sent_tok_starts: dict[int, list[int]], f: _Figure):
    first = first_mention.get(f.sentence_id)
    if first is None:
        return None
    starts = sent_tok_starts.get(f.sentence_id, [])
    if int(first[0]) >= f.start:
        return None
    position = sum(1 for s in starts if s < int(first[0]))
    return first[1] if position < 3 else None


def extract_figures(base: BaseTables, mentions: pd.DataFrame | None = None, entities: pd.DataFrame | None = None) -> pd.DataFrame:
    """The figures table of one article (columns :data:`FIGURE_COLUMNS`), sorted by position.

    ``mentions``/``entities`` may be empty (then ``subject_entity_id`` is null).
    """
    by_sentence = tokens_by_sentence(base)
    word_starts = {sid: [t.start for t in toks if t.kind == "word"] for sid, toks in by_sentence.items()}
    figs: list[_Figure] = []
    for sid in sorted(by_sentence):
        figs.extend(_sentence_figures(sid, by_sentence[sid]))
    figs.sort(key=lambda f: (f.start, f.end))
    text = base.text
    first_mention = _subject_index(mentions)
    subj = [_subject(first_mention, word_starts, f) for f in figs]
    return schema.frame("figures", {
        "figure_id": range(1, len(figs) + 1),
        "sentence_id": [f.sentence_id for f in figs],
        "value": [f.value for f in figs],
        "unit_ar": [f.unit_ar for f in figs],
        "unit_en": [f.unit_en for f in figs],
        "category": [f.category for f in figs],
        "approximate": [f.approximate for f in figs],
        "qualifier": [f.qualifier for f in figs],
        "subject_entity_id": subj,
        "value_text": [f.value_text for f in figs],
        "text": [text[f.start:f.end] for f in figs],
        "start": [f.start for f in figs],
        "end": [f.end for f in figs],
    }, article_id=base.article_id)
