"""Figures: every counted amount in the text ("1,497 جندياً", "3 ملايين دولار", "خمسة أيام", "2.38%").

One pass over each sentence's tokens, on the numbers :func:`analysis.text.numbers.find_numbers` finds in it:

1. **Amount**: a number of find_numbers (digits in both scripts with the stated separator rule, ``0،65``, ``2ر0``,
   marks inside, scale words and compound amounts ``166 مليونا و525 ألف``, number words, fractions ``نصف قرن``,
   percentages, ranges ``بين 5 و15`` as one figure with ``value_high``); ordinals are not amounts.  A number
   word with the article after the noun it counts (``الأعوام الأربعة``، ``الخيام الخمس``، ``الأشهر الـ15``), a
   lexicon noun + ``واحد`` (``مبنى واحد``) and an indefinite dual (``شهرين``، ``فترتين``) are amounts too; a dual
   then أو/إلى and a number word is one range (``يومين أو ثلاثة``).  Vague numeral plurals (``عشرات``، ``ملايين``،
   ``المئات من``) have ``value`` null and ``vague`` true; a definite one standing alone (``تشريد الملايين``) counts
   ``people``.
2. **Counted noun**: the unit lexicon ``analysis/data/units.csv`` (Arabic form, English unit, category, an optional
   ``multiplier`` for ``م د`` = million dinars) matched on the normalised token with clitics stripped, right after
   the amount (also after a closing bracket: ``(15) نادياً``, the opening bracket then inside the span; or a Latin
   unit written before the digits: ``Gbps 1``); percent markers; ``N من <plural>``.  A noun the lexicon lacks is
   kept as written when it looks counted (:func:`_unknown_noun`: accusative ``30 شابا``، ``اثني عشر ديوانا``,
   plurals ``ثلاث مباريات``، ``7 ألقاب`` (3-10 only: 11-99 count a singular), feminine ``90 لوحة``); a nisba or
   م- participle (``17 جمهوريا``، ``المتظاهرين``) counts ``people``, else ``count``; a function word (``عندما``) never
   counts.  Names (mentions) are never counted nouns or duals (``بوتين``).  A unitless amount joined by و/إلى/أو to
   an amount with a unit shares it; list ellipsis (:func:`_elided_unit`): a bare digit amount after و/منها with no
   noun of its own counts the noun of the figure before it (``144 شخصا في صنعاء و70 في عدن``); a scaled amount
   with no noun after a money figure of the sentence shares its currency (``37.6 مليار دولار ... 39.4 ملياراً``).
   Other digit amounts with no noun are kept (category ``number``) only with a scale word (``100 مليار``); bare
   numbers (scores, ranks, list numbers) are not figures.
3. **Not figures**: dates and times (``28-09-2020``, numbers next to a month name, after ``الساعة``), years
   (four-digit 1000-2100: Hijri years too, never given a guessed noun), names such as ``«ستاندرد أند بورز 500»``,
   page view counts (``مشاهدة``), ordinals, minute marks (``الدقيقة 21``) and labels (``المادة (4)``، ``رقم 15``).
   The dates extractor owns years and day numbers.
4. **approximate**: a qualifier from ``number_words.csv`` right before the amount (حوالي، نحو، قرابة، أكثر من ...)
   or right after the noun (تقريبا، على الأقل); vague plurals are approximate.  The qualifier is outside the span.
5. **category** from the noun; people/personnel/count amounts next to a casualty or detention cue become
   ``casualties``/``detained`` (also a coordinated amount); ``نقطة``/``نقاط`` are index points only in a sentence
   with a market word (``مؤشر``، ``بورصة``، ``أسهم``), else ``count`` (league points).
6. **subject_entity_id**: whose figure, from the other stage's mentions: the first PERSON/ORG/GPE mention of the
   sentence when it sits in the first three word tokens and precedes the figure (``وشاركت ايطاليا ... بحوالي
   1,497 جندياً`` -> Italy); null otherwise.  **same_as_figure_id**: a later figure with the same value, unit and
   category (a headline figure repeated in the body) links to the first.

``text``/``start``/``end`` cover the amount and its counted noun, token-granular (a number word's clitic stays
inside: ``لخمسة``; digits glued to a preposition start at the digits: ``بـ12 لاعباً`` -> ``12 لاعباً``; the article
stays, written ``الـ`` also across a space: ``الـ 20 لاعباً``); a percent's own
brackets stay out (``(10%)`` -> ``10%``); ``kind`` is find_numbers' kind (or ``dual``).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache, lru_cache
from importlib.resources import files
from typing import NamedTuple

import pandas as pd

from analysis import schema
from analysis.extract.tokenview import Tok, tokens_by_sentence
from analysis.lexicon import LexiconError, load_csv
from analysis.schema import BaseTables
from analysis.text.clitics import strip_article
from analysis.text.normalize import normalize
from analysis.text.numbers import NumberMention, find_numbers
from analysis.text.numerals import compose, number_word, qualifiers, strip_clitics, words_of_kind
from analysis.text.pagedate import month_names
from analysis.text.stopwords import is_stopword

__all__ = ["Unit", "FIGURE_COLUMNS", "extract_figures", "unit_lexicon"]

FIGURE_COLUMNS = schema.TABLES["figures"].names  # declared in analysis/schema.py


class Unit(NamedTuple):
    term_ar: str
    unit_en: str
    category: str
    role: str  # noun, percent, exclude, cue, dual, not_unit
    gloss: str
    multiplier: float = 1.0  # a unit carrying a scale: Tunisian ``م د`` = million dinars


class _Figure(NamedTuple):
    sentence_id: int
    value: float | None
    value_high: float | None
    kind: str
    vague: bool
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
    rows = load_csv("units.csv", required=("term_ar", "role", "gloss"),
                    optional=("unit_en", "category", "multiplier"), key=("term_ar",))
    out = {tuple(normalize(r["term_ar"]).split()): Unit(r["term_ar"], r["unit_en"], r["category"], r["role"],
                                                         r["gloss"], float(r["multiplier"] or 1))
           for r in rows}
    for ar, unit_en, codes in _currency_words():  # CLDR's currencies where the reviewed lexicon is silent
        out.setdefault((ar,), Unit(ar, unit_en, "money", "noun", f"currency ({codes}; CLDR)"))
    return out


def _currency_words() -> list[tuple[str, str, str]]:
    """``analysis/data/currencies.tsv`` (built from CLDR by ``python -m analysis.lexicon.build_currencies``):
    (normalised word, English unit, ISO codes)."""
    text = files("analysis").joinpath("data", "currencies.tsv").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    if not lines or lines[0].split("\t") != ["ar", "unit_en", "codes"]:
        raise LexiconError("analysis/data/currencies.tsv: the header must be ar, unit_en, codes "
                           "(rebuild it: python -m analysis.lexicon.build_currencies)")
    out = []
    for n, ln in enumerate(lines[1:], start=3):
        cells = ln.split("\t")
        if len(cells) != 3 or not all(cells):
            raise LexiconError(f"analysis/data/currencies.tsv, line {n}: three cells (ar, unit_en, codes)")
        out.append((cells[0], cells[1], cells[2]))
    return out


@cache
def _max_unit_len() -> int:
    return max(len(k) for k in unit_lexicon())


def _bare(norm: str) -> list[str]:
    """Forms of a word to look up: clitics stripped, and the article (ال، لل) removed."""
    return list(_bare_forms(norm))


@lru_cache(maxsize=16384)
def _bare_forms(norm: str) -> tuple[str, ...]:  # _bare, once per word
    out = []
    for c in strip_clitics(norm):
        out.append(c)
        bare = strip_article(c)
        if bare is not None:
            out.append(bare)
    return tuple(out)


@cache
def _first_words() -> frozenset[str]:
    return frozenset(k[0] for k in unit_lexicon())


@lru_cache(maxsize=16384)
def _may_start_unit(norm: str) -> bool:
    """Whether a form of the word (:func:`_bare`) is the first word of some lexicon entry (else no look-up hits)."""
    firsts = _first_words()
    return any(f in firsts for f in _bare_forms(norm))


def _lookup(toks: list[Tok], i: int, roles: tuple[str, ...]) -> tuple[Unit, int] | None:
    """The longest lexicon entry with a role in ``roles`` starting at token ``i``; returns (unit, tokens used).
    A one-word noun the lexicon lists only in the singular is also found in its indefinite accusative (the
    final alif of tanween: ``150 طالبا``، ``350 جراماً`` -> ``طالب``، ``جرام``; :func:`_accusative_of`)."""
    if 0 <= i < len(toks) and not _may_start_unit(toks[i].norm):
        acc = _accusative_of(toks[i].norm) if 0 <= i < len(toks) and "noun" in roles else None
        return (acc, 1) if acc is not None else None  # fast path: most words start no entry
    lex = unit_lexicon()
    for n in range(min(_max_unit_len(), len(toks) - i), 0, -1):
        words = [t.norm for t in toks[i:i + n]]
        for first in _bare_forms(words[0]):
            u = lex.get((first, *words[1:]))
            if u is not None and u.role in roles:
                return u, n
            if u is not None and u.role == "not_unit" and n == 1 and first == words[0]:
                return None  # a word listed as no unit as written (بين) is never read through a clitic (ب + ين)
    acc = _accusative_of(toks[i].norm) if "noun" in roles and 0 <= i < len(toks) else None
    return (acc, 1) if acc is not None else None


@lru_cache(maxsize=16384)
def _accusative_of(norm: str) -> Unit | None:
    """The lexicon noun a word is the indefinite accusative of: the word (clitics stripped, no article) ends in
    alif and, without it, is a one-word ``noun`` row (``طالبا`` -> ``طالب``), the word itself being no row."""
    lex = unit_lexicon()
    for form in strip_clitics(norm):
        if form.startswith("ال") or len(form) < 4 or not form.endswith("ا") or (form,) in lex:
            continue
        u = lex.get((form[:-1],))
        if u is not None and u.role == "noun":
            return u
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
    return _dual_of(tok.norm)


@lru_cache(maxsize=16384)
def _dual_of(norm: str) -> Unit | None:
    lex = unit_lexicon()
    for form in strip_clitics(norm):
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


def _unknown_noun(tok: Tok, *, value: float | None = None, digits: bool = True) -> Unit | None:
    """A noun the lexicon lacks right after an amount, kept as written with category ``count`` (or ``people``).

    Only forms that look like a counted noun, indefinite, with no letter in front that may be a clitic (a noun
    counted by an amount takes none; this loses ``وثيقة``، ``بلدة``), not in the lexicon (``not_unit``: ``مقارنة``،
    ``أيضا``، ``سنويا``):

    * the accusative of 11-99 and above: tanween (``41 ميثاقاً``) or a bare final alif after a digit amount of 11
      or more (``30 شابا``، ``350 مشاركا``), not ``يا`` adverbs unless the amount is at least 11 (``17 جمهوريا``);
    * the genitive plural of 3-10: ``ـات`` (``ثلاث مباريات``), ``ـين``/``ـون`` (``3 فنانين``), the ``أفعال`` pattern
      (``7 ألقاب``، ``ثمانية أقسام``); a feminine singular ``ـة`` after digits (``90 لوحة``).

    A nisba (``-ي``: ``جمهوريا``، ``عراقيين``) or a participle in م- (``مشاركين``، ``متمردا``) counts people.
    """
    if tok.kind != "word" or len(tok.norm) < 3:
        return None
    forms = strip_clitics(tok.norm)
    if _clitic_in_front(tok.norm):
        return None  # و/لل in front, or ب/ل/ك/ف before a known word (ولمدة، بنسبة، للهجرة، ومات)
    if tok.norm.startswith("ال") and not _broken_plural(tok.norm):
        return None
    if number_word(tok.norm) is not None or is_stopword(tok.norm) or tok.norm in _month_first_words() \
            or _is_month(tok.norm):
        return None  # a function word (الدقيقة 21 عندما) or a month (26 تشرين الأول، 23 جويلية) is never counted
    lex = unit_lexicon()
    if any(lex.get((f,)) is not None for f in forms):
        return None
    norm = tok.norm
    bare = tok.text.rstrip(_TANWEEN_FATH + "\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640")
    big = value is not None and value >= 11
    # 11-99 in words take the accusative singular too (اثني عشر ديوانا); after a hundred it is a genitive
    accusative = (_TANWEEN_FATH in tok.text[-3:]
                  or ((digits or (value is not None and value < 100)) and big and bare.endswith("ا")
                      and not norm.endswith(("ها", "هما")))) \
        and (not norm.endswith("يا") or big)
    # a plural is counted by 3-10: 11-99 take an accusative singular, so a broken plural there is something else
    # (the goals of ``(90) أهداف فنلندا``: 90 is the minute); sound plurals after 11 and more are kept, news
    # writes them (``15 ميداليات``), and after 100 a genitive singular may end in -ون (``4000 متعاون``)
    few = value is not None and 3 <= value <= 10
    plural = norm.endswith("ات") or (len(norm) >= 5 and norm.endswith(("ين", "ون"))) \
        or (_broken_plural(norm) and not (big and (value or 0) < 100)) or (few and _broken_plural_few(norm))
    feminine = digits and bare.endswith(("ة", "ه"))
    # after a hundred or a thousand in words the noun is a genitive singular of any shape (مائتي فرمان)
    hundreds = not digits and value is not None and value >= 100 and value % 100 == 0 and len(norm) >= 4
    if not (accusative or plural or feminine or hundreds):
        return None
    human = _human(norm) or (norm.startswith("م") and len(norm) >= 5 and accusative and not _instrument_noun(norm))
    return Unit(tok.text, "", "people" if human else "count", "noun", "")


def _broken_plural_few(norm: str) -> bool:
    """Broken plurals that 3-10 count, beyond أفعال: فعول (``أربعة فصول``، ``لثلاثة بيوت``) and مفاعل/فواعل
    (``ستة مباحث``، ``عشرة مواقع``); the shapes are singulars too, so they count only after 3-10."""
    if norm.endswith(("ه", "ي")):
        return False  # a feminine singular or a nisba (ستة عشر نهائي: the round of sixteen)
    return (len(norm) == 4 and norm[2] == "و") or (len(norm) == 5 and norm[2] == "ا")


def _clitic_in_front(norm: str) -> bool:
    """Whether a word after an amount starts with a clitic, so is not the noun the amount counts.

    و and لل always are (``ولمدة``، ``للهجرة``); ب/ل/ك/ف are when what follows is a known word (``بنسبة``)
    — otherwise the letter is the word's own (``فترتين``، ``لوحة``، ``بريطانيات``).
    """
    if norm.startswith(("و", "لل")):
        return True
    if norm[:1] not in "بلكف":
        return False
    rest = norm[1:]
    lex = unit_lexicon()
    return len(rest) < 3 or (rest,) in lex or number_word(rest) is not None or rest.startswith("ال")


def _vague_noun(tok: Tok) -> Unit | None:
    """The definite noun a vague plural counts (``لملايين المصريين``): a nisba plural (-يين/-يون) is people."""
    if tok.kind != "word":
        return None
    forms = strip_clitics(tok.norm)
    if not any(f.startswith("ال") and len(f) > 4 for f in forms):
        return None
    hit = _lookup([tok], 0, ("noun",))
    if hit is not None:
        return hit[0]._replace(term_ar=tok.text)
    category = "people" if _human(tok.norm) else "count"
    return Unit(tok.text, "", category, "noun", "")


@cache
def _month_first_words() -> frozenset[str]:
    """First words of the month names written in two (``تشرين الأول``، ``كانون الثاني``)."""
    return frozenset(k.split()[0] for k in month_names() if " " in k)


def _is_month(norm: str) -> bool:
    months = month_names()
    return any(b in months for b in _bare_forms(norm))


_CLOSING = set("»”″\"'’)")
_THE_MONTH = {"الشهر"}  # N من الشهر (الجاري، ذاته): a day of the month, never N months
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


class _Amount(NamedTuple):
    """An amount at token ``i`` (from :func:`analysis.text.numbers.find_numbers`) mapped onto the tokens."""

    value: float | None
    high: float | None
    j: int  # index of the first token after the amount
    kind: str  # find_numbers kind (cardinal, decimal, percent, fraction, range) or "dual"
    digits: bool  # written with digits
    vague: bool
    scaled: bool = False  # a scale word is part of it (100 مليار)


def _amounts_by_token(toks: list[Tok], numbers: list[NumberMention]) -> dict[int, _Amount | None]:
    """Token index of each number's first token -> its amount (``None`` for an ordinal: not an amount)."""
    out: dict[int, _Amount | None] = {}
    if not toks or not numbers:
        return out
    starts = [t.start for t in toks]
    for m in numbers:
        i = bisect_right(starts, m.start) - 1
        if i < 0 or m.start >= toks[i].end:
            continue
        j = bisect_left(starts, m.end, lo=i + 1)
        if m.kind == "ordinal":
            out[i] = None
            continue
        if toks[i].kind == "latin" and toks[i].text[:1].isascii() and toks[i].text[:1].isalpha():
            continue  # E3، G20، MP3: digits after Latin letters in one token are part of a name, not an amount
        if toks[i].kind == "number" and any(c in toks[i].text for c in "-/:") and m.kind != "range":
            continue
        digits = normalize(m.text[:1]).isdigit()
        scaled = any(nw is not None and nw[0].kind in ("scale", "scale_plural", "scale_dual")
                     for nw in (number_word(t.norm) for t in toks[i:j] if t.kind == "word"))
        out[i] = _Amount(m.value, m.value_high, j, m.kind, digits, m.vague, scaled)
    return out


# clitic tokens glued to digits that are inside the span: the article (الـ12 لاعباً، للـ20، بالـ5); a preposition
# alone (بـ11 طنًا، لـ10 سنوات) stays out, as the blind gold spans a digit glued to a word from the digit
_GLUED = {"ال", "لل", "بال", "وال"}
_OPEN_CLOSE = {"(": ")", "«": "»", "[": "]", "\"": "\"", "“": "”"}
_NUMBER_NOUN_ONE = {"واحد", "واحده"}
_LABEL_WORDS = {"الماده", "ماده", "للماده", "بالماده", "البند", "بند", "الفقره", "فقره", "رقم", "برقم"}
# A dot before exactly three digits (``3.500 موظف``، ``25.341 رحلة``) groups thousands where the noun counts
# things; for a measure (``_MEASURES``) only with a trailing zero, which a decimal would drop (``12.800 كيلو متر`` =
# 12,800 km, but the marathon's ``42.195 كلم``); money (fils of the 3-decimal dinars and rials: ``0.820 ر.ع.``),
# percents, index levels, mass and energy keep it as a decimal point, and so does a leading 0.
_DOT_THOUSANDS_RE = re.compile(r"[1-9]\d{0,2}\.\d{3}")
_MEASURES = {"length", "area", "duration"}
# currencies of two decimals (cents, piastres): three digits after a dot group thousands (76.250 دولار = 76,250);
# dinars, rials and dirhams are left alone (the Gulf and Maghreb 3-decimal currencies write fils that way)
_SEVERAL = {"عده", "بضعه", "بضع"}  # before a vague numeral plural, inside its span (عدة مئات، بضعة آلاف)
_CENT_CURRENCIES = ("dollars", "euros", "pounds", "lira", "yuan", "roubles")
_DECIMAL_CATEGORIES = {"money", "percent", "index_points", "number", "shares", "mass", "energy", "data_rate"}
_CLOCK_WORDS = {"الساعه", "والساعه", "بالساعه", "للساعه"}  # before digits: a clock time (الساعة 11,00 ليلا)
_MINUTE_WORDS = {"الدقيقه", "والدقيقه", "بالدقيقه", "للدقيقه", "الدقيقتين", "والدقيقتين", "بالدقيقتين"}


def _glued_clitic(toks: list[Tok], i: int) -> int:
    """``الـ10``: the article glued to the digits is inside the span (returns the span's first token); ``بـ12``
    starts at the digits."""
    if i > 0 and toks[i - 1].kind == "word" and toks[i - 1].norm in _GLUED \
            and (toks[i - 1].end == toks[i].start or (toks[i - 1].norm == "ال" and toks[i - 1].text.endswith("\u0640"))):
        return i - 1  # the article written الـ is part of the amount's phrase also across a space (الـ 20 لاعباً)
    return i


def _bracketed(toks: list[Tok], i: int, j: int) -> int | None:
    """``(15) نادياً``، ``«200»مليون``: the index after the closing mark when the amount is bracketed alone."""
    if i == 0 or j >= len(toks):
        return None
    close = _OPEN_CLOSE.get(toks[i - 1].text)
    if close is not None and toks[j].text == close:
        return j + 1
    return None


def _scale_after(toks: list[Tok], j: int) -> tuple[float, int]:
    """Scale words at token ``j`` (``«200»مليون``): (multiplier, index after them)."""
    words = []
    while j < len(toks) and toks[j].kind == "word":
        nw = number_word(toks[j].norm)
        if nw is None or nw[1] or nw[0].kind not in ("scale", "scale_plural", "scale_dual"):
            break
        words.append(nw[0])
        j += 1
    return (compose(words, base=1.0) if words else 1.0), j


def _adjectival(toks: list[Tok], i: int, amounts: dict[int, _Amount | None]) -> tuple[_Amount, Unit, int] | None:
    """A number after the noun it counts: ``الأعوام الأربعة``، ``الخيام الخمس``، ``الأشهر الـ15``.

    Returns (amount, unit, first token).  The noun is a lexicon noun, or a definite plural the lexicon lacks
    (category ``count``); ``يوم الاثنين`` is a weekday, not two days.
    """
    t = toks[i]
    if i == 0:
        return None
    if t.kind == "word" and t.norm.startswith("ال"):
        nw = number_word(t.norm[2:])
        # units and ten only: الأعوام الأربعة; القرن العشرين، الدورة العشرين are ordinals, الساعة الواحدة a time,
        # يوم الاثنين a weekday
        if not nw or nw[1] or nw[0].kind not in ("unit", "ten") or nw[0].value < 2 \
                or t.norm in ("الاثنين", "الاثنان") or toks[i - 1].norm in ("الساعه", "ساعه"):
            return None
        if i + 1 < len(toks) and toks[i + 1].norm == "و":
            return None
        unit = _noun_before(toks, i - 1)
        if unit is None:
            return None
        return _Amount(nw[0].value, None, i + 1, "cardinal", False, False), unit, i - 1
    a = amounts.get(i)
    if a is not None and a.digits and i >= 2 and toks[i - 1].norm == "ال" and toks[i - 1].end == t.start:
        prev = _lookup(toks, i - 2, ("noun",))
        if prev and prev[1] == 1:
            return a, prev[0], i - 2
    return None


_POSSESSIVE = ("هما", "هم", "هن", "ها", "ه", "نا", "كم")  # pronoun suffixes (normalised), longest first


def _noun_before(toks: list[Tok], i: int) -> Unit | None:
    prev = _lookup(toks, i, ("noun",))
    if prev is not None:
        return prev[0] if prev[1] == 1 else None
    t = toks[i]
    if t.kind == "word" and not t.norm.startswith("ال"):
        # شقيقاته الخمس (his five sisters): a lexicon noun with a pronoun suffix is as definite as with ال
        lex = unit_lexicon()
        for suffix in _POSSESSIVE:
            u = lex.get((t.norm[:-len(suffix)],)) if t.norm.endswith(suffix) and len(t.norm) - len(suffix) >= 3 \
                else None
            if u is not None and u.role == "noun":
                return u
    if t.kind != "word" or not t.norm.startswith("ال") or len(t.norm) < 5 or number_word(t.norm) is not None:
        return None
    if _lookup(toks, i, ("not_unit", "exclude", "cue")) is not None or t.norm in _YEAR_WORDS:
        return None
    bare = t.norm[2:]
    # before a definite cardinal the noun is a plural, so the فعال/فعول/مفاعل shapes are too (الخيام الخمس)
    if bare.endswith("ات") or _broken_plural(bare) or _broken_plural_few(bare) \
            or (len(bare) == 4 and bare[2] == "ا" and not bare.endswith(("ه", "ي"))):
        return Unit(t.text, "", "count", "noun", "")
    return None


def _broken_plural(norm: str) -> bool:
    """The أفعال / أفعلة patterns (``القاب``، ``اقسام``): a plural a count takes (see :func:`_broken_plural_few`)."""
    return len(norm) == 5 and norm[0] == "ا" and norm[3] == "ا"


def _counted_noun(toks: list[Tok], a: _Amount, j: int, skip: frozenset[int]) -> tuple[Unit | None, int, bool]:
    """The noun an amount counts, from token ``j``: (unit or None, index after the span, drop the amount)."""
    n = len(toks)
    if a.kind == "percent":
        return Unit("%", "percent", "percent", "percent", "percent sign"), j, False
    conj = j < n and toks[j].norm.startswith("و") and (toks[j].norm,) not in unit_lexicon()
    # 2014 وعام 2015: a counted noun takes no conjunction (وعام starts the next item)
    hit = _lookup(toks, j, ("noun", "percent", "exclude")) if j < n and not conj else None
    if hit is None and j + 1 < n and toks[j].kind == "punct" and toks[j].text in "%٪":
        hit = _lookup(toks, j, ("percent",))
    if hit is not None:
        return hit[0], j + hit[1], hit[0].role == "exclude"
    if j + 1 < n and toks[j].norm == "من" and toks[j + 1].kind == "word":
        if a.digits and a.value is not None and a.value <= 31 and toks[j + 1].norm in _THE_MONTH:
            return None, j + 1, True  # الـ24 من الشهر الجاري: a day of the month (the dates extractor's)
        hit = _lookup(toks, j + 1, ("noun",))
        if hit is not None:
            return hit[0], j + 1 + hit[1], False
        if not a.digits and a.value == 1:
            return None, j + 1, True  # واحدة من أوائل: "one of", not a count
        if a.vague:
            unit = _vague_noun(toks[j + 1])
            return unit, j + 2, False
        w = toks[j + 1]
        owned = next((w.norm[:-len(p)] for p in _POSSESSIVE if w.norm.endswith(p) and len(w.norm) - len(p) >= 4), "")
        if owned and not w.norm.startswith("ال") and _plural_looking(owned):
            return Unit(w.text, "", "people" if _human(owned) else "count", "noun", ""), j + 2, False  # من أقاربه
        if not _plural_looking(w.norm) or _listed_no_unit(w.norm):
            return None, j, False  # 31 من النظام: an article of a law; من بين، من أصل
        return Unit(w.text, "", "people" if _human(w.norm) else "count", "noun", ""), j + 2, False
    if a.vague and j < n:
        unit = _vague_noun(toks[j])
        if unit is not None:
            return unit, j + 1, False
    year_like = a.digits and a.value is not None and 1000 <= a.value <= 2100 and a.value.is_integer() \
        and not _accusative_after_year(toks, j)
    if j < n and j not in skip and toks[j].start > toks[j - 1].end and not year_like \
            and (a.digits or (a.value or 0) > 2):  # واحد/اثنان never precede the noun they count
        unit = _unknown_noun(toks[j], value=a.value, digits=a.digits)
        if unit is not None:
            return unit, j + 1, False
    return None, j, False


def _accusative_after_year(toks: list[Tok], j: int) -> bool:
    """``حضر المباراة 1564 مشجعاً``، ``(1011) إنذاراً``: a four-digit amount followed by an indefinite accusative
    (tanween written) counts it — a year is never followed by one; adverbs (``تقريباً``، ``سنوياً``) are no nouns."""
    if j >= len(toks) or toks[j].kind != "word" or _TANWEEN_FATH not in toks[j].text[-3:]:
        return False
    norm = toks[j].norm
    return not norm.endswith("يا") and not is_stopword(norm) and (norm,) not in unit_lexicon()


def _is_date_part(toks: list[Tok], i: int, j: int, value: float | None) -> bool:
    """A unitless number that belongs to a date, a time or a name (the dates extractor's, or nobody's)."""
    t = toks[i]
    n = len(toks)
    prev_norm = toks[i - 1].norm if i > 0 else ""
    next_tok = toks[j] if j < n else None
    is_year = value is not None and value.is_integer() and 1000 <= value <= 2100 and len(normalize(t.text)) == 4
    return bool(is_year or prev_norm in _YEAR_WORDS or prev_norm in ("الساعه", "ساعه")
                or _is_month(prev_norm) or (next_tok is not None and _is_month(next_tok.norm))
                or (next_tok is not None and next_tok.norm == "من" and j + 1 < n and _is_month(toks[j + 1].norm))
                or (next_tok is not None and next_tok.text[:1] in _CLOSING and next_tok.start == toks[j - 1].end)
                or (i > 0 and toks[i - 1].kind == "latin"))


def _one_after_noun(toks: list[Tok], i: int) -> tuple[_Amount, Unit, int] | None:
    """``متر واحد``، ``مبنى واحد``، ``منطقة واحدة``: a lexicon noun then واحد/واحدة is 1 of it."""
    if i + 1 >= len(toks) or toks[i + 1].norm not in _NUMBER_NOUN_ONE or toks[i].norm.startswith("ال"):
        return None
    hit = _lookup(toks, i, ("noun",))
    if hit is None or hit[1] != 1:
        return None
    return _Amount(1.0, None, i + 2, "cardinal", False, False), hit[0], i


def _listed_no_unit(norm: str) -> bool:
    """A word units.csv lists as ``not_unit`` (``«34» من قانون الملاحة``: an article of a law, not 34 laws)."""
    u = unit_lexicon().get((norm,))
    return u is not None and u.role == "not_unit"


def _plural_looking(norm: str) -> bool:
    """A plural a partitive من takes (``200 من الحوثيين``، ``من المتظاهرين``، ``من فرص``), not a singular."""
    bare = norm[2:] if norm.startswith("ال") else norm
    # the فواعل / مفاعل patterns after a partitive من (من حواجز، من المدارس) are plurals too
    fawa3il = len(bare) == 5 and bare[2] == "ا" and not bare.endswith(("ه", "ي"))
    return bare.endswith(("ات", "ين", "ون")) and len(bare) >= 5 or _broken_plural(bare) or fawa3il


def _human(norm: str) -> bool:
    """A nisba plural (``العراقيين``) or a participle in م- (``المتظاهرين``، ``مشاركا``): people."""
    bare = (norm[2:] if norm.startswith("ال") else norm).rstrip("ا")
    if bare.endswith(("يين", "يون")) or (bare.endswith("ي") and len(bare) > 3):
        return True
    return bare.startswith("م") and len(bare) >= 5 and bare.endswith(("ين", "ون"))


def _instrument_noun(norm: str) -> bool:
    """The مفعال pattern (``ميزاناً`` scales, ``مفتاحاً`` keys, ``مصباحاً`` lamps): an instrument, not a م- participle."""
    bare = norm.rstrip("ا")
    return len(bare) == 5 and bare[3] == "ا"


def _latin_unit_before(toks: list[Tok], i: int) -> Unit | None:
    """``Gbps 1``: a Latin unit written before the digits (right-to-left display of ``1 Gbps``)."""
    if i == 0 or toks[i - 1].kind != "latin":
        return None
    hit = _lookup(toks, i - 1, ("noun",))
    return hit[0] if hit is not None and hit[1] == 1 else None


def _market_sentence(toks: list[Tok]) -> bool:
    """A sentence about a market index or interest (``نقطة`` is an index point there, a score point elsewhere)."""
    for k, t in enumerate(toks):
        if t.kind == "word":
            hit = _lookup(toks, k, ("index_cue", "noun"))
            if hit is not None and (hit[0].role == "index_cue" or hit[0].category == "shares"):
                return True
    return False


def _and_a_half(toks: list[Tok], k: int, unit: Unit | None) -> int | None:
    """``عامين ونصف العام``، ``ساعة ونصف``: ونصف after a duration adds a half (the repeated noun is inside)."""
    if unit is None or unit.category != "duration" or k >= len(toks) or toks[k].norm != "ونصف":
        return None
    if k + 1 < len(toks) and toks[k + 1].norm.startswith("ال") and _lookup(toks, k + 1, ("noun",)) is not None:
        return k + 2
    return k + 1


def _unknown_dual(tok: Tok) -> Unit | None:
    """An indefinite feminine dual the lexicon lacks (``فترتين``، ``ديانتان``، ``مرتين``): 2, category ``count``.

    Only ``-تين``/``-تان`` on a stem of three letters or more with no article and no clitic in front; names
    (``بوتين``) are mentions and skipped by the caller.
    """
    if tok.kind != "word" or not _unknown_dual_form(tok.norm):
        return None
    return Unit(tok.text, "", "count", "noun", "")


@lru_cache(maxsize=16384)
def _unknown_dual_form(norm: str) -> bool:
    if _clitic_in_front(norm) or norm.startswith("ال"):
        return False
    if not norm.endswith(("تين", "تان")) or len(norm) < 5 or number_word(norm) is not None:
        return False
    if norm[:-3].endswith("ي"):
        return False  # دوليتين، الرئيسيتين: nisba adjectives agreeing with a dual
    tok = [Tok(norm, 0, 0, norm, "word")]  # the look-up reads the norm only
    return not any(_lookup(tok, 0, (r,)) is not None for r in ("not_unit", "exclude", "cue", "noun", "dual"))


def _approximation(toks: list[Tok], i0: int, k: int, vague: bool, first: Tok) -> tuple[str | None, bool]:
    qual = _qualifier_before(toks, i0)
    qualifier, approximate = None, vague
    if qual is not None:
        qualifier, approximate = qual[0], True
    after = _qualifier_after(toks, k)
    if after is not None:
        qualifier, approximate = after[0], True
    if vague and qualifier is None:
        qualifier = first.text
    return qualifier, approximate


class _Found(NamedTuple):
    """One amount placed on the tokens: its value, unit and span (tokens ``i0`` .. ``k``)."""

    amount: _Amount
    unit: Unit | None
    i0: int
    k: int


def _amount_or_dual(toks: list[Tok], i: int, amounts: dict[int, _Amount | None], skip: frozenset[int],
                    after_figure: bool) -> tuple[_Amount, Unit | None] | None:
    """The amount written at token ``i`` (find_numbers), or an indefinite dual (``شهرين``، ``فترتين``)."""
    a = amounts.get(i)
    if a is not None or i in amounts:
        return (a, None) if a is not None else None  # None: an ordinal
    if toks[i].kind != "word" or i in skip:
        return None
    # an unknown dual right after a figure agrees with it (عبوتين ناسفتين): an adjective
    du = _dual(toks[i]) or (_unknown_dual(toks[i]) if not after_figure else None)
    return (_Amount(2.0, None, i + 1, "dual", False, False), du) if du is not None else None


def _place_noun(toks: list[Tok], i: int, a: _Amount, skip: frozenset[int]) -> tuple[_Found | None, int]:
    """Step 2: the counted noun of the amount at ``i``: (the figure or None, the index to continue from)."""
    if a.digits and i > 0 and toks[i - 1].norm in _MINUTE_WORDS:
        return None, a.j  # الدقيقة 21: a minute mark of a match, not an amount
    if a.digits and i > 0 and (toks[i - 1].norm in _LABEL_WORDS
                               or (i > 1 and toks[i - 1].text in _OPEN_CLOSE and toks[i - 2].norm in _LABEL_WORDS)):
        return None, a.j  # المادة (4)، البند 3، رقم 15: a label, not an amount
    if a.digits and i > 0 and toks[i - 1].norm in _CLOCK_WORDS:
        return None, a.j  # الساعة 11,00 ليلا: a clock time
    i0 = _glued_clitic(toks, i) if a.digits else i
    j = a.j
    # (15) نادياً: the noun outside the brackets; (10%): the unit inside them, the brackets stay out
    after = _bracketed(toks, i, j) if a.digits and a.kind != "percent" else None
    unit: Unit | None
    if after is not None:  # (15) نادياً، «200»مليون سنة
        mult, after = _scale_after(toks, after)
        unit, k, drop = _counted_noun(toks, a, after, skip)
        if unit is not None and not drop:
            a = a._replace(value=None if a.value is None else a.value * mult,
                           high=None if a.high is None else a.high * mult)
            i0 = i - 1
        else:
            unit, k, drop = None, j, False
    else:
        latin = _latin_unit_before(toks, i) if a.digits else None
        if latin is not None:  # Gbps 1
            unit, k, drop, i0 = latin, j, False, i - 1
        else:
            unit, k, drop = _counted_noun(toks, a, j, skip)
    if drop:
        return None, max(k, j)
    if unit is None and a.vague and _definite_numeral_plural(toks[i].norm) \
            and not (a.j < len(toks) and toks[a.j].norm == "من"):
        # وتشريد الملايين، شارك الآلاف: a definite numeral plural standing alone counts people (not بالملايين,
        # "in millions", whose noun is elided)
        return _Found(a, Unit(toks[i].text, "", "people", "noun", ""), i, a.j), a.j
    if unit is None and a.kind == "fraction" and not a.digits and a.value is not None and a.value < 1 \
            and a.j - i >= 2:
        # ثلاثة أرباع انتاج البلاد: a proportion written in words (N + plural fraction), category number
        return _Found(a, None, i0, j), j
    if unit is None:
        # a bare number: a date part, or no counted noun at all; kept only with a scale (100 مليار)
        if not a.digits or _is_date_part(toks, i, j, a.value) or not a.scaled \
                or (a.kind == "range" and j < len(toks) and _is_month(toks[j].norm)):
            return None, j
    elif i > 0 and toks[i - 1].norm in _YEAR_WORDS and 1000 <= (a.value or 0) <= 2100 \
            and (unit.category == "duration" or a.digits):
        return None, k  # عام 2010 سنة ...، سنة 2012 عاملاً مخففاً (a factor): a year
    return _Found(a, unit, i0, k), k


def _adjust(toks: list[Tok], f: _Found) -> _Found:
    """Step 3: the unit's own scale (``م د``), league points vs index points, ``ونصف`` after a duration."""
    a, unit, k = f.amount, f.unit, f.k
    if unit is not None and unit.multiplier != 1.0 and a.value is not None:
        a = a._replace(value=a.value * unit.multiplier)
    if unit is not None and unit.category == "index_points" and not _market_sentence(toks):
        unit = unit._replace(category="count")  # 6 نقاط in a league table: points, not index points
    half = _and_a_half(toks, k, unit)
    if half is not None and a.value is not None:
        a, k = a._replace(value=a.value + 0.5), half
    two_decimal = unit is not None and unit.category == "money" and any(c in unit.unit_en for c in _CENT_CURRENCIES)
    if unit is not None and (unit.category not in _DECIMAL_CATEGORIES or two_decimal) and a.value is not None \
            and a.high is None and not a.scaled and a.kind == "decimal":
        digits = [t for t in toks[f.i0:a.j] if t.kind == "number"]
        written = normalize(digits[0].text) if len(digits) == 1 else ""
        if _DOT_THOUSANDS_RE.fullmatch(written) and (unit.category not in _MEASURES or written.endswith("0")):
            a = a._replace(value=round(a.value * 1000), kind="cardinal")  # 12.800 كيلو متر: 12,800 km
    i0 = f.i0
    if a.vague and i0 > 0 and toks[i0 - 1].norm in _SEVERAL:
        i0 -= 1  # عدة آلاف من المحتجين: "several thousands" is one vague amount
    return _Found(a, unit, i0, k)


def _sentence_figures(sid: int, toks: list[Tok], numbers: list[NumberMention],
                      skip: frozenset[int] = frozenset()) -> list[_Figure]:
    """The figures of one sentence, in four named steps: (1) the amount — written after its noun
    (:func:`_adjectival`, :func:`_one_after_noun`), by find_numbers, or a dual; (2) its counted noun and what is
    no figure (:func:`_place_noun`); (3) unit scale, points, halves (:func:`_adjust`); (4) the qualifier
    (:func:`_approximation`); then category cues and shared units over the sentence."""
    out: list[_Figure] = []
    amounts = _amounts_by_token(toks, numbers)
    i, n = 0, len(toks)
    while i < n:
        if i not in amounts and (toks[i].kind != "word" or not _may_count(toks[i].norm)) \
                and not (i + 1 < n and toks[i + 1].norm in _NUMBER_NOUN_ONE):
            i += 1  # fast path: no amount, adjectival number, dual or "noun + واحد" can start here
            continue
        adj = _adjectival(toks, i, amounts) or _one_after_noun(toks, i)
        if adj is not None:
            found: _Found | None = _Found(adj[0], adj[1], adj[2], adj[0].j)
        else:
            got = _amount_or_dual(toks, i, amounts, skip, bool(out) and out[-1].i1 == i)
            if got is None:
                i += 1
                continue
            if got[0].kind == "dual":
                a2 = _dual_range(toks, got[0], amounts)
                found = _Found(a2, got[1], i, a2.j)
            else:
                got = (_or_range(toks, got[0], amounts), got[1])
                found, nxt = _place_noun(toks, i, got[0], skip)
                if found is None:
                    unit = _elided_unit(toks, i, got[0], out) or _unit_ahead(toks, got[0], amounts, skip) \
                        or _cued_unit(toks, i, got[0])
                    if unit is None:
                        i = max(nxt, i + 1)
                        continue
                    found = _Found(got[0], unit, i, got[0].j)
                elif found.unit is None and out and out[-1].category == "money" and _nothing_counted(toks, got[0].j):
                    # 37.6 مليار دولار، بالمقارنة مع 39.4 ملياراً: the scaled amount's currency is the clause's
                    found = found._replace(unit=_unit_of(out[-1]))
        assert found is not None
        a, unit, i0, k = _adjust(toks, found)
        qualifier, approximate = _approximation(toks, i0, k, a.vague, toks[i])
        value_text = " ".join(x.text for x in toks[i:a.j]) if adj is None else toks[i].text
        out.append(_Figure(sid, a.value, a.high, a.kind, a.vague, unit.term_ar if unit else None,
                           (unit.unit_en or None) if unit else None, unit.category if unit else "number",
                           approximate, qualifier, value_text, toks[i0].start, toks[k - 1].end, i0, k, None))
        i = max(k, a.j, i + 1)
    out = _share_units(toks, _apply_cues(toks, out))
    return out + _age_figures(sid, toks, out, amounts)


@cache
def _age_words() -> tuple[frozenset[str], frozenset[str]]:
    """``number_words.csv`` rows of kind ``age_before`` (``بعمر``، ``سن``، ``بلوغ``: before an age written as an
    ordinal) and ``age_of`` (``عمره``، ``العمر``: after ``من``, ``السابعة والعشرين من عمره``), normalised."""
    return words_of_kind("age_before"), words_of_kind("age_of")


_AGE_UNIT = Unit("", "years", "duration", "noun", "an age written as an ordinal")


def _age_ordinal(toks: list[Tok], i: int) -> tuple[float, int] | None:
    """An ordinal or ``الـ`` + digits at token ``i`` as an age: ``التاسعة``، ``الثانية عشرة``، ``السابعة
    والعشرين``، ``الـ17`` -> (value, index after)."""
    t = toks[i]
    if t.kind == "word" and t.norm == "ال" and i + 1 < len(toks) and toks[i + 1].kind == "number" \
            and toks[i + 1].start == t.end:
        digits = normalize(toks[i + 1].text)
        return (float(digits), i + 2) if digits.isdigit() and 1 <= int(digits) <= 120 else None
    if t.kind != "word" or not t.norm.startswith("ال"):
        return None
    nw = number_word(t.norm[2:])
    if nw is None or nw[1] or nw[0].kind != "ordinal" or nw[0].value > 10:
        return None
    value, j = nw[0].value, i + 1
    if j < len(toks) and toks[j].norm in ("عشر", "عشره"):
        return value + 10, j + 1
    if j < len(toks) and toks[j].norm.startswith("وال"):
        tens = number_word(toks[j].norm[3:])
        if tens is not None and not tens[1] and tens[0].kind == "tens":
            return value + tens[0].value, j + 1
    return value, j


def _age_figures(sid: int, toks: list[Tok], taken: list[_Figure], amounts: dict[int, _Amount | None]
                 ) -> list[_Figure]:
    """Ages written as ordinals (an age is a ``duration`` figure, CONVENTIONS): after an ``age_before`` word
    (``بعمر التاسعة``، ``بلوغ الثانية عشرة``) or before ``من`` + an ``age_of`` word (``لم يتجاوز السابعة والعشرين
    من عمره``، ``في الـ17 من عمره``); the span is the ordinal (the cue words outside)."""
    # candidates: ordinals (find_numbers' amounts of None) and الـ before digits
    cands = sorted({i for i, a in amounts.items() if a is None}
                   | {i - 1 for i, a in amounts.items() if a is not None and a.digits and i > 0 and toks[i - 1].norm == "ال"})
    if not cands:
        return []
    before, of = _age_words()
    busy = {k for f in taken for k in range(f.i0, f.i1)}
    out = []
    for i in cands:
        if i in busy or toks[i].kind != "word" or not toks[i].norm.startswith("ال"):
            continue
        got = _age_ordinal(toks, i)
        if got is None:
            continue
        value, j = got
        cue = (i > 0 and toks[i - 1].norm in before) or \
            (j + 1 < len(toks) and toks[j].norm == "من" and toks[j + 1].norm in of)
        if not cue or any(k in busy for k in range(i, j)):
            continue
        out.append(_Figure(sid, value, None, "ordinal", False, None, "years", "duration", False, None,
                           " ".join(x.text for x in toks[i:j]), toks[i].start, toks[j - 1].end, i, j, None))
    return out


def _plain_digits(a: _Amount | None) -> bool:
    return a is not None and a.digits and not a.scaled and not a.vague and a.kind in ("cardinal", "decimal") \
        and a.value is not None and not (a.value.is_integer() and 1000 <= a.value <= 2100)  # (not a year)


def _or_range(toks: list[Tok], a: _Amount, amounts: dict[int, _Amount | None]) -> _Amount:
    """``15 أو 19 يوما`` (15 or 19 days): two digit amounts joined by أو are one range (the lower, the higher),
    like ``يومين أو ثلاثة`` and find_numbers' ``5 إلى 10``."""
    j = a.j
    if not _plain_digits(a) or j + 1 >= len(toks) or toks[j].norm != "او":
        return a
    b = amounts.get(j + 1)
    if not _plain_digits(b) or b.value == a.value:
        return a
    lo, hi = sorted((a.value, b.value))
    return a._replace(value=lo, high=hi, j=b.j, kind="range")


def _unit_ahead(toks: list[Tok], a: _Amount, amounts: dict[int, _Amount | None], skip: frozenset[int]) -> Unit | None:
    """``«5 و7 و10 سنوات»``: a bare digit amount in a و-list of digit amounts counts the noun of the list's last
    amount (the noun written once, after the last; each amount a figure of its own, spanned on its digits)."""
    if not _plain_digits(a):
        return None
    j = a.j
    for _ in range(4):
        if j + 1 >= len(toks) or toks[j].norm != "و":
            return None
        b = amounts.get(j + 1)
        if not _plain_digits(b):
            return None
        unit, _k, drop = _counted_noun(toks, b, b.j, skip)
        if drop:
            return None
        if unit is not None:
            return unit if unit.category not in ("percent", "number") else None
        j = b.j
    return None


def _definite_numeral_plural(norm: str) -> bool:
    """``الملايين``، ``والآلاف``: the article on a numeral plural (not ``آلاف``, whose alif only looks like it)."""
    bare = norm.removeprefix("و")
    if not bare.startswith("ال"):
        return False
    nw = number_word(bare[2:])
    return nw is not None and not nw[1] and nw[0].kind in ("vague", "scale_plural")


def _dual_range(toks: list[Tok], a: _Amount, amounts: dict[int, _Amount | None]) -> _Amount:
    """``يومين أو ثلاثة`` (two or three days): a dual then أو/إلى and a number word is one range (2-3)."""
    j = a.j
    if j + 1 >= len(toks) or toks[j].norm not in ("او", "الي"):
        return a
    b = amounts.get(j + 1)
    if b is None or b.digits or b.vague or b.kind != "cardinal" or b.value is None or not 2 < b.value <= 10:
        return a
    return a._replace(high=b.value, j=b.j, kind="range")


# what an elided counted noun leaves after its amount: a preposition, or nothing (punctuation, the end)
_ELIDED_BEFORE = {"و", "منها", "منهم", "ومنها", "ومنهم"}
_ELIDED_AFTER = {"في", "من", "على", "علي", "الي", "عن", "مع", "منها", "منهم", "مقابل", "بين", "داخل", "خارج"}


def _elided_unit(toks: list[Tok], i: int, a: _Amount, out: list[_Figure]) -> Unit | None:
    """``144 شخصا في صنعاء و70 في عدن``، ``2855 فرصة عمل منها 1333 للذكور``: a bare digit amount joined by و (or
    ``منها``) to the figure just before it, with no noun of its own (a preposition or punctuation follows), counts
    that figure's noun (list ellipsis).  Years, dates, scaled and percent amounts are not taken."""
    if not out or not a.digits or a.scaled or a.vague or a.kind not in ("cardinal", "decimal") or a.value is None:
        return None
    prev = out[-1]
    if prev.unit_ar is None or prev.category in ("number", "percent") or i == 0 \
            or toks[i - 1].norm not in _ELIDED_BEFORE or not 0 <= i - 1 - prev.i1 <= 5:
        return None
    if any(t.kind != "word" and t.text not in ",،" for t in toks[prev.i1:i - 1]):
        return None  # the list runs inside one clause
    year_like = a.value.is_integer() and 1000 <= a.value <= 2100
    if (year_like and 1900 <= a.value and toks[i - 1].norm == "و") \
            or _is_date_part(toks, i, a.j, None if year_like else a.value):
        return None  # في 2010 و2011: years; but "منها 1333 للذكور" (of which 1333) is the list's amount
    j = a.j
    if j < len(toks):
        nxt = toks[j]
        if nxt.kind == "word" and nxt.norm not in _ELIDED_AFTER and not nxt.norm.startswith("لل"):
            return None
        if nxt.kind != "word" and (nxt.text in "%٪" or not _nothing_counted(toks, j)):
            return None
    return _unit_of(prev)


_CUE_NOUNS = {"مقتل", "مصرع", "اصابه", "جرح", "اعتقال", "اسر", "اختطاف", "وفاه", "قتل"}  # normalised (قتل: also the verb)


def _cued_unit(toks: list[Tok], i: int, a: _Amount) -> Unit | None:
    """``مقتل 4 وإصابة ثلاثين في انفجار``: a bare whole amount right after a casualty or detention noun counts people
    (the noun is elided, CONVENTIONS_blind); the category is the cue's.  Years and dates are not taken."""
    if i == 0 or a.vague or a.scaled or a.value is None or not a.value.is_integer() or a.kind != "cardinal" \
            or not 1 <= a.value < 1000 or toks[i - 1].kind != "word":
        return None
    prev = toks[i - 1].norm
    prev = prev[1:] if prev[:1] in "وف" and prev[1:] in _CUE_NOUNS else prev
    if prev not in _CUE_NOUNS or _is_date_part(toks, i, a.j, a.value):
        return None
    j = a.j
    if j < len(toks) and (toks[j].norm == "من" or not (_nothing_counted(toks, j)
                                                      or (toks[j].kind == "word" and toks[j].norm.startswith("و")))):
        return None  # أربعة من مشاة البحرية: a partitive the noun look-up missed, not an elided noun
    hit = _lookup(toks, i - 1, ("cue",))
    return Unit("", "people", hit[0].category if hit else "casualties", "noun", "elided after a casualty cue")


def _nothing_counted(toks: list[Tok], j: int) -> bool:
    """No noun follows at ``j`` (punctuation, the end, a preposition, a function word): the noun is elided, not
    one the lexicon missed (``517 مليون ورقة`` counts shares, not money)."""
    if j >= len(toks):
        return True
    t = toks[j]
    if t.kind != "word":
        return not (j + 1 < len(toks) and toks[j + 1].kind == "number")  # 5 ,1 مليار: a broken decimal
    return t.norm in _ELIDED_AFTER or is_stopword(t.norm)


def _unit_of(f: _Figure) -> Unit:
    return Unit(f.unit_ar or "", f.unit_en or "", f.category, "noun", "")


@lru_cache(maxsize=16384)
def _may_count(norm: str) -> bool:
    """Whether a word not written as a number may still start a figure: a number word after the article
    (:func:`_adjectival`) or a dual ending (:func:`_dual`, :func:`_unknown_dual`)."""
    return (norm.startswith("ال") and number_word(norm[2:]) is not None) or norm.endswith(("ين", "ان"))


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
    types = mentions["type"].tolist() if "type" in mentions else None
    eids = mentions["entity_id"].to_numpy()  # NumPy scalars, as the column's items were
    first: dict[int, tuple[int, object]] = {}
    for k, (sid, start) in enumerate(zip(mentions["sentence_id"].tolist(), mentions["start"].tolist())):
        if types is not None and types[k] not in ("PERSON", "ORG", "GPE"):
            continue
        if sid not in first or start < first[sid][0]:
            first[sid] = (start, eids[k])
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


def _mention_tokens(mentions: pd.DataFrame | None, by_sentence: dict[int, list[Tok]]) -> dict[int, frozenset[int]]:
    """Per sentence, the token indices inside a named mention (``بوتين`` is no dual, a name no counted noun)."""
    out: dict[int, frozenset[int]] = {}
    if mentions is None or mentions.empty or "sentence_id" not in mentions:
        return out
    spans_of: dict[int, list[tuple[int, int]]] = {}
    for sid, s, e in zip(mentions["sentence_id"].tolist(), mentions["start"].tolist(), mentions["end"].tolist()):
        spans_of.setdefault(sid, []).append((s, e))
    for sid, spans in spans_of.items():
        starts = [t.start for t in by_sentence.get(int(sid), [])]  # in text order
        # the tokens starting inside some span [s, e): the indices bisect gives for each span, together
        out[int(sid)] = frozenset(k for s, e in spans for k in range(bisect_left(starts, s), bisect_left(starts, e)))
    return out


def _same_as(figs: list[_Figure]) -> list[int | None]:
    """A figure repeating an earlier one (same value, unit and category; headline then body) links to it."""
    first: dict[tuple, int] = {}
    out: list[int | None] = []
    for n, f in enumerate(figs, start=1):
        if f.value is None:
            out.append(None)
            continue
        key = (f.value, f.value_high, f.category, normalize(f.unit_ar or ""))
        out.append(first.get(key))
        first.setdefault(key, n)
    return out


def extract_figures(base: BaseTables, mentions: pd.DataFrame | None = None, entities: pd.DataFrame | None = None) -> pd.DataFrame:
    """The figures table of one article (columns :data:`FIGURE_COLUMNS`), sorted by position.

    ``mentions``/``entities`` may be empty (then ``subject_entity_id`` is null).
    """
    by_sentence = tokens_by_sentence(base)
    word_starts = {sid: [t.start for t in toks if t.kind == "word"] for sid, toks in by_sentence.items()}
    skip = _mention_tokens(mentions, by_sentence)
    text = base.text
    figs: list[_Figure] = []
    for sid in sorted(by_sentence):
        toks = by_sentence[sid]
        numbers = find_numbers(text[toks[0].start:toks[-1].end])
        shift = toks[0].start
        numbers = [m.__class__(m.text, m.start + shift, m.end + shift, m.value, m.kind, m.value_high, m.vague)
                   for m in numbers]
        figs.extend(_sentence_figures(sid, toks, numbers, skip.get(sid, frozenset())))
    figs.sort(key=lambda f: (f.start, f.end))
    first_mention = _subject_index(mentions)
    subj = [_subject(first_mention, word_starts, f) for f in figs]
    return schema.frame("figures", {
        "figure_id": range(1, len(figs) + 1),
        "sentence_id": [f.sentence_id for f in figs],
        "value": [f.value for f in figs],
        "value_high": [f.value_high for f in figs],
        "kind": [f.kind for f in figs],
        "vague": [f.vague for f in figs],
        "unit_ar": [f.unit_ar for f in figs],
        "unit_en": [f.unit_en for f in figs],
        "category": [f.category for f in figs],
        "approximate": [f.approximate for f in figs],
        "qualifier": [f.qualifier for f in figs],
        "subject_entity_id": subj,
        "same_as_figure_id": _same_as(figs),
        "value_text": [f.value_text for f in figs],
        "text": [text[f.start:f.end] for f in figs],
        "start": [f.start for f in figs],
        "end": [f.end for f in figs],
    }, article_id=base.article_id)
