"""Entities and their mentions: gazetteer matching, name patterns and (where the model ships) the NER tagger.

Conventions (applied everywhere, tested in ``tests/test_entities.py``):

* **One entity per real-world thing.** Spellings meet in normalised form (``ايطاليا`` = ``إيطاليا``); a short form
  (``الكاظمي``, bare ``التحالف``, the surname of a person found by a pattern) joins the entity it names.
* **Spans exclude proclitics.** ``وبغداد`` gives the mention ``بغداد`` one character in; ``لإيطاليا`` gives
  ``إيطاليا``.  Where the preposition ل has fused with the article (``للتحالف`` = ل + التحالف) the name's own
  ``ال`` is not in the text, so the span covers the fused ``لل`` (the whole ``للتحالف``; ``وللتحالف`` -> ``للتحالف``):
  ``text[start:end] == mention.text`` always.
* **Nisba adjectives are not mentions.** ``العراقي``, ``الإيطالية``, ``الكردية`` describe; they do not name.  They
  are never matched by the gazetteer (which holds names only) and are dropped from the NER output.
* **No nesting.** The longest name wins: ``برنامج الأمم المتحدة الإنمائي`` is one UNDP mention, not also a UN one.
* **Titles are not part of a person's span** (``رئيس الوزراء العراقي مصطفى الكاظمي`` -> ``مصطفى الكاظمي``); the
  title is kept in the ``title`` column, which the quote layer uses for ``الوزير الإيطالي`` -> Guerini.  An
  organisation's head noun is part of its name (``وزارة الطاقة``).
* **Sources, in order of trust:** ``gazetteer`` (reviewed English names), ``pattern`` (org/facility head + name,
  then title chain + name and ``NAME، TITLE``), ``alias`` (repeats and short forms), ``ner`` (the CRF of
  :mod:`analysis.ner`, only on tokens nothing else claimed).  Where the model runs it also checks the title
  patterns: a pattern person takes the model's person extent (``سلفان شالوم``, not ``... النقاب``) or, read by the
  model only as another type (``نائب رئيس وزراء تايلند``), gives way; a model organisation may take in one
  gazetteer place (``ريال مدريد``), a model person a surname alias of the same first name (``كوفي أنان``).
* **``دولة``, ``قرية``, ``محافظة`` stay outside a place's span** (also when the model puts them inside); ``منظمة``
  before a gazetteer organisation is inside (``منظمة الانتربول``).
* **One reading per article:** a pattern/NER name repeated elsewhere joins its entity (``دوما`` after
  ``قرية دوما``), a surname too (``ليياو``), a known first name before a bare surname is taken in (``مئير``); the
  bare definite head of a facility/court named in full (``القناة``, ``المحكمة``: ``short_head`` in titles.csv)
  and a quoted short name after an organisation's full name (``"المركز"``) join it; a gazetteer surname after
  another first name reached by a title (``وزير خارجيتها رياض المالكي``) is not the gazetteer person.
"""
from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

import pandas as pd

from analysis.text.commonwords import is_common
from analysis.lexicon.gazetteer import GazetteerEntry, cue_verbs, name_tokens, titles, variant_index
from analysis.text.normalize import normalize
from analysis.text.stopwords import is_stopword

__all__ = ["extract_entities", "proclitic_forms", "NER_TYPE_MAP", "NER_ENABLED", "use_ner"]

# Proclitic sequences stripped before matching a name (normalised letters), longest first.
_PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")
_LAM_LAM = {"ل", "ول", "فل"}
_NISBA_RE = re.compile(r"^(?:[وفبلك]{0,2})ال\w+(?:ي|يه|يين|يون|يات)$")
_CONNECTORS = frozenset({"بن", "بنت", "ابن", "ابو", "ابي", "عبد", "ال", "دي", "دو", "فان", "فون", "ولد"})
_GEO_HEADS = frozenset({"نهر", "جبل", "جبال", "بحر", "خليج", "صحراء", "وادي", "شمال", "جنوب", "شرق",
                        "غرب", "جزيره", "جزر", "مضيق", "بحيره", "سهل", "هضبه", "شارع", "ساحه"})
_DIRECTIONS = frozenset({"شمال", "جنوب", "شرق", "غرب"})  # inside a name only where the model or gazetteer says so
# Settlement and district words stay outside a place's span, like محافظة/مدينة (قرية دوما -> دوما).
_SETTLEMENT_HEADS = frozenset({"قريه", "مدينه", "بلده", "محافظه", "ولايه", "مخيم", "ناحيه", "قضاء", "منطقه", "حي",
                               "دوله", "عاصمه"})
# Org heads that name an organisation by themselves + one definite word (وزارة الطاقة); the others need a
# nisba, a place or a proper word in the phrase (قوات الأمن is not a name, قوات سوريا الديمقراطية is).
# حركة (also "traffic": حركة المرور) and جهاز (جهاز الأمن الداخلي: a description) are weak.
_STRONG_ORG_HEADS = frozenset(normalize(w) for w in ("وزارة", "حزب", "منظمة", "جبهة", "شركة", "بنك",
                                                     "مصرف", "هيئة", "صندوق", "جامعة", "مؤسسة", "وكالة", "صحيفة",
                                                     "محكمة"))
# Heads that stay part of a gazetteer organisation's span written after them (منظمة الانتربول).
_NAME_PART_HEADS = frozenset({"منظمه"})
# A weak head + definite words closed by this adjective names an international body (مجموعة الأزمات الدولية).
_INTL = frozenset({"الدولي", "الدوليه"})
# Possessive complement of a title (وزير خارجيتها, رئيس وزرائها).
_POSSESSIVE_RE = re.compile(r"^\w{3,}(?:ه|ها|هم|هما)$")  # on the written token: ه, not ة
# Definite nouns of an organisation that stand for it in apposition (الشركة الاستشارية، كابيتال إيكونوميكس).
_ORG_APPOSITION = frozenset({"الشركه", "المجموعه", "المؤسسه", "الوكاله", "الصحيفه", "المنظمه", "الهيئه",
                             "البنك", "المصرف", "المعهد", "الجمعيه", "المركز"})
NER_TYPE_MAP = {"PERS": "PERSON", "ORG": "ORG", "MISC": "MISC", "LOC": "GPE"}


@dataclass
class _Mention:
    tok0: int  # first token index (into the article's token list)
    tok1: int  # one past the last token
    start: int
    end: int
    type: str
    source: str
    key: str  # entity grouping key
    entry: GazetteerEntry | None = None
    short: bool = False
    title: str | None = None
    title_head: str | None = None
    name_norm: tuple[str, ...] = field(default_factory=tuple)


@dataclass
class _Tokens:
    text: list[str]
    norm: list[str]
    start: list[int]
    end: list[int]
    kind: list[str]
    sentence: list[int]


def _orig_offset(token: str, n_norm_chars: int) -> int:
    """Characters of ``token`` spanning its first ``n_norm_chars`` normalised letters (diacritics ride along)."""
    seen = 0
    for i, ch in enumerate(token):
        if seen == n_norm_chars:
            if normalize(ch):
                return i
            continue
        if normalize(ch):
            seen += 1
    return len(token)


@cache
def _forms(token: str, norm: str) -> tuple[tuple[int, str], ...]:
    out = [(0, norm)]
    for p in _PROCLITICS:
        if not norm.startswith(p) or len(norm) - len(p) < 2:
            continue
        rest = norm[len(p):]
        if p in _LAM_LAM and rest.startswith("ل") and len(rest) > 2:
            out.append((_orig_offset(token, len(p) - 1), "ا" + rest))  # لل = ل + ال: keep the ل standing for ال
        out.append((_orig_offset(token, len(p)), rest))
    return tuple(out)


def proclitic_forms(token: str) -> list[tuple[int, str]]:
    """Candidate (offset into ``token``, normalised form) readings of a token with its proclitics stripped.

    >>> proclitic_forms("لإيطاليا")[:2]
    [(0, 'لايطاليا'), (1, 'ايطاليا')]
    """
    return list(_forms(token, normalize(token)))


@cache
def _not_entities() -> frozenset[str]:
    """Words that are never a name on their own (currencies, communities, number words): ``not_entities.csv``."""
    import csv
    from importlib.resources import files
    with files("analysis").joinpath("data/not_entities.csv").open(encoding="utf-8") as fh:
        return frozenset(normalize(r["word"]) for r in csv.DictReader(fh))


_NEVER_NAME_PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")


def _never_name(norm: str) -> bool:
    """A word of ``not_entities.csv``, also behind proclitics (``وللأكراد``, ``بالدولار``, ``للأكراد``)."""
    words = _not_entities()
    if norm in words:
        return True
    for p in ("ولل", "فلل", "لل"):  # ل fused with the article: للأكراد = ل + الأكراد
        if norm.startswith(p) and "ال" + norm[len(p):] in words:
            return True
    return any(norm.startswith(p) and len(norm) - len(p) > 2 and norm[len(p):] in words
               for p in _NEVER_NAME_PROCLITICS)


def _is_nisba(norm: str) -> bool:
    return bool(_NISBA_RE.match(norm))


_NISBA_ENDINGS = ("يين", "يون", "يات", "يه", "يا", "ي")


@cache
def _place_names() -> frozenset[str]:
    """Single-token spellings of gazetteer places (for recognising their nisba adjectives)."""
    return frozenset(v.tokens[0] for vs in variant_index().values() for v in vs
                     if len(v.tokens) == 1 and v.entry.type in ("GPE", "LOC"))


@cache
def _place_nisba(norm: str) -> bool:
    """``فلسطينيا``, ``الفلسطيني``, ``الأمريكية``: an adjective (or adverb) made from a gazetteer place."""
    places = _place_names()
    for w in {norm, _strip_conj(norm)}:
        for p in ("وال", "فال", "بال", "لل", "ال"):
            if w.startswith(p) and len(w) - len(p) >= 3:
                w = w[len(p):]
                break
        for end in _NISBA_ENDINGS:
            if w.endswith(end) and len(w) - len(end) >= 2:
                stem = w[:-len(end)]
                if any(c in places for c in (stem, "ال" + stem, stem + "ا", stem + "يا", stem + "ه",
                                             "ال" + stem + "يه", stem + "يه")):
                    return True
    return False


# ---------------------------------------------------------------------------------------------------------------
# Gazetteer pass

def _gazetteer_pass(toks: _Tokens) -> list[_Mention]:
    index = variant_index()
    n = len(toks.norm)
    out: list[_Mention] = []
    i = 0
    while i < n:
        if toks.kind[i] != "word":
            i += 1
            continue
        best = None  # (length, -offset, variant, offset)
        for off, form in _forms(toks.text[i], toks.norm[i]):
            for var in index.get(form, ()):
                L = len(var.tokens)
                if best is not None and L < best[0]:
                    break
                if i + L > n or any(toks.norm[i + k] != var.tokens[k] or toks.sentence[i + k] != toks.sentence[i]
                                    for k in range(1, L)):
                    continue
                cand = (L, -off, var, off)
                if best is None or cand[:2] > best[:2]:
                    best = cand
        if best is None:
            i += 1
            continue
        L, _, var, off = best
        out.append(_Mention(i, i + L, toks.start[i] + off, toks.end[i + L - 1], var.entry.type, "gazetteer",
                            var.entry.key, var.entry, var.short, name_norm=var.tokens))
        i += L
    return out


# ---------------------------------------------------------------------------------------------------------------
# Pattern pass: org head + name (organisations, facilities), then title + name and name + ، + title (persons)

_QUOTE_MARKS = frozenset('"\u00AB\u00BB\u201C\u201D\u201E')


def _strip_conj(norm: str) -> str:
    return norm[1:] if len(norm) > 3 and norm[0] in "وف" else norm


def _namey(toks: _Tokens, i: int, covered: list[_Mention | None]) -> bool:
    norm = toks.norm[i]
    return (toks.kind[i] == "word" and covered[i] is None and len(norm) >= 2 and not is_stopword(norm)
            and not is_common(norm) and _strip_conj(norm) not in cue_verbs()
            and norm not in titles().get("person_title", ()) and norm not in _CONNECTORS and not _never_name(norm))


def _glued(toks: _Tokens, i: int) -> bool:
    """Token i is a hyphen written without spaces between two words (فرانك-فالتر)."""
    return (toks.text[i] in "-\u2010\u2011" and 0 < i < len(toks.text) - 1
            and toks.end[i - 1] == toks.start[i] and toks.end[i] == toks.start[i + 1])


def _surname_word(norm: str) -> bool:
    """A definite word that can end a personal name (البنيان, الكاظمي), not an adjective of a place or a label."""
    return not _place_nisba(norm) and norm not in titles().get("descriptor", ())


def _person_name(toks: _Tokens, j: int, covered: list[_Mention | None]) -> int:
    """End (exclusive) of a personal name starting at token j, or j if there is none."""
    n = len(toks.norm)
    if j >= n:
        return j
    same = lambda k: k < n and toks.sentence[k] == toks.sentence[j]  # noqa: E731
    if toks.norm[j] in ("عبد", "ابو") and same(j + 1) and covered[j + 1] is None and toks.kind[j + 1] == "word" \
            and (toks.norm[j + 1] == "الله" or _namey(toks, j + 1, covered)):
        k = j + 1  # عبد الرزاق, أبو بكر: a connector may start the name
    elif not _namey(toks, j, covered) or any(f.startswith("ال") for _, f in _forms(toks.text[j], toks.norm[j])):
        return j  # a definite word (الحكومة, بالحكومة) does not start a personal name
    else:
        k = j + 1
    if k == j + 1 and same(k) and covered[k] is not None and covered[k].type in ("ORG", "GPE", "LOC") \
            and toks.norm[j] not in ("عبد", "ابو"):
        return j  # زعيم تنظيم داعش: a noun governing a name, not a one-word personal name
    while same(k) and k - j < 5:
        norm = toks.norm[k]
        if norm == "الله" and covered[k] is None:
            k += 1  # عبد الله, فضل الله
            continue
        if _glued(toks, k) and k + 1 < n and _namey(toks, k + 1, covered):
            k += 2
            continue
        if norm in _CONNECTORS and k + 1 < n and _namey(toks, k + 1, covered):
            k += 2
            continue
        if not _namey(toks, k, covered):
            break
        if norm.startswith("ال") and toks.norm[k - 1] in _CONNECTORS:
            k += 1  # عبد الرزاق: the definite word completes the connector, the name goes on
            continue
        if norm.startswith("ال"):
            if _surname_word(norm):  # a family name: يوسف البنيان, رامي الحمد الله
                k += 1
                if same(k) and toks.norm[k] == "الله" and covered[k] is None:
                    k += 1
            break
        k += 1
    return k


def _skip_title_complement(toks: _Tokens, j: int, covered: list[_Mention | None]) -> tuple[int, _Mention | None]:
    """From just after a title word, skip its complement and any title chain (الدفاع, الإيطالي, عام, منظمة أوبك,
    نائب رئيس مجلس إدارة "سابك" الرئيس التنفيذي ...); returns (next index, person mention reached or None)."""
    n = len(toks.norm)
    t = titles()
    comp, heads, person_titles = t.get("complement", frozenset()), t.get("org_head", frozenset()), \
        t.get("person_title", frozenset())
    skipped = 0
    governs = True  # the previous word is a head noun that may govern a common noun (رئيس مجلس إدارة)
    while j < n and skipped < 10 and toks.sentence[j] == toks.sentence[j - 1]:
        m = covered[j]
        if m is not None:
            if m.type == "PERSON":
                return j, m
            j, skipped, governs = m.tok1, skipped + 1, False
            continue
        norm = toks.norm[j]
        if toks.text[j] in _QUOTE_MARKS and ((j + 1 < n and covered[j + 1] is not None)
                                             or (j > 0 and covered[j - 1] is not None)):
            j += 1  # a quoted name inside the chain: مجلس إدارة "سابك"
            continue
        if toks.kind[j] != "word" or is_stopword(norm):
            break
        if norm in heads or norm in person_titles:
            j, skipped, governs = j + 1, skipped + 1, True
            continue
        if norm in comp or norm.startswith("ال") or _POSSESSIVE_RE.match(toks.text[j]):
            j, skipped, governs = j + 1, skipped + 1, norm in person_titles
            continue
        if governs and is_common(norm):
            j, skipped, governs = j + 1, skipped + 1, False
            continue
        break
    return j, None


def _apposition_name(toks: _Tokens, comma: int, covered: list[_Mention | None]) -> int | None:
    """First token of a name written before ``، <title>`` at the start of a sentence or right after a reporting verb
    (``مهاب مميش، رئيس هيئة القناة``), or None."""
    a = comma
    while a - 1 >= 0 and comma - (a - 1) <= 4 and toks.sentence[a - 1] == toks.sentence[comma] \
            and (_namey(toks, a - 1, covered) or toks.norm[a - 1] in ("عبد", "ابو")):
        a -= 1
    while a < comma and comma - a >= 2:
        before = a - 1
        starts = (before < 0 or toks.sentence[before] != toks.sentence[a] or toks.kind[before] != "word"
                  or _strip_conj(toks.norm[before]) in cue_verbs())
        if starts and _person_name(toks, a, covered) == comma:
            return a
        a += 1
    return None


def _add(out: list[_Mention], covered: list[_Mention | None], m: _Mention) -> None:
    out.append(m)
    for x in range(m.tok0, m.tok1):
        covered[x] = m


def _org_pass(toks: _Tokens, covered: list[_Mention | None]) -> list[_Mention]:
    out: list[_Mention] = []
    org_heads = titles().get("org_head", frozenset())
    fac_weak = titles().get("fac_head_weak", frozenset())
    fac_heads = titles().get("fac_head", frozenset()) | fac_weak
    n = len(toks.norm)
    i = 0
    while i < n:
        if toks.kind[i] != "word" or covered[i] is not None:
            i += 1
            continue
        head_off = next(((off, f) for off, f in _forms(toks.text[i], toks.norm[i])
                         if f in org_heads or f in fac_heads), None)
        if head_off is None:
            i += 1
            continue
        off, head = head_off
        nxt = covered[i + 1] if i + 1 < n else None
        if head in _NAME_PART_HEADS and nxt is not None and nxt.type == "ORG" and nxt.source == "gazetteer" \
                and nxt.start == toks.start[i + 1] and toks.sentence[i + 1] == toks.sentence[i]:
            nxt.tok0, nxt.start = i, toks.start[i] + off  # منظمة الانتربول: the head belongs to the name
            covered[i] = nxt
            i = nxt.tok1
            continue
        k, absorbed = _org_name(toks, i, covered, head, facility=head in fac_heads and head not in org_heads,
                                weak=head in fac_weak)
        if k > i + 1:
            for a in absorbed:
                a.source = "absorbed"
            name = (head,) + tuple(toks.norm[x] for x in range(i + 1, k))
            typ = "FAC" if head in fac_heads and head not in org_heads else "ORG"
            _add(out, covered, _Mention(i, k, toks.start[i] + off, toks.end[k - 1], typ, "pattern",
                                        f"{typ.lower()}:" + " ".join(name), name_norm=name))
            i = k
            continue
        i += 1
    return out


def _person_pass(toks: _Tokens, covered: list[_Mention | None]) -> list[_Mention]:
    out: list[_Mention] = []
    person_titles = titles().get("person_title", frozenset())
    n = len(toks.norm)
    i = 0
    while i < n:
        if toks.kind[i] != "word" or covered[i] is not None:
            i += 1
            continue
        base = _strip_conj(toks.norm[i])
        if base not in person_titles and toks.norm[i] not in person_titles:
            i += 1
            continue
        if i >= 3 and toks.text[i - 1] in "،," and toks.sentence[i - 1] == toks.sentence[i]:
            a = _apposition_name(toks, i - 1, covered)
            if a is not None:
                name = tuple(toks.norm[x] for x in range(a, i - 1) if toks.kind[x] == "word")
                _add(out, covered, _Mention(a, i - 1, toks.start[a], toks.end[i - 2], "PERSON", "pattern",
                                            "person:" + " ".join(name), name_norm=name))
        j, person = _skip_title_complement(toks, i + 1, covered)
        if person is None:
            k = _person_name(toks, j, covered)
            if k > j:
                name = tuple(toks.norm[x] for x in range(j, k) if toks.kind[x] == "word")
                _add(out, covered, _Mention(j, k, toks.start[j], toks.end[k - 1], "PERSON", "pattern",
                                            "person:" + " ".join(name), name_norm=name))
                i = k
                continue
        i += 1
    return out


def _pattern_pass(toks: _Tokens, covered: list[_Mention | None]) -> list[_Mention]:
    orgs = _org_pass(toks, covered)
    return orgs + _person_pass(toks, covered)


def _org_name(toks: _Tokens, i: int, covered: list[_Mention | None], head: str, *,
              facility: bool = False, weak: bool = False) -> tuple[int, list[_Mention]]:
    """End (exclusive) of an organisation (facility) name headed by token i (i + 1: not a name) and the places it
    absorbs.  A weak facility head (قاعدة: also "rule", "database") + definite word needs a closing nisba."""
    n = len(toks.norm)
    j = i + 1
    k = j
    strong = head in _STRONG_ORG_HEADS or facility
    evidence = strong
    proper = False  # the name's first word is a proper (indefinite, non-vocabulary) word: منظمة أوبك
    absorbed: list[_Mention] = []
    descriptors = titles().get("descriptor", frozenset())
    while k < n and k - j < 5 and toks.sentence[k] == toks.sentence[i]:
        m = covered[k]
        if m is not None:
            if m.type in ("GPE", "LOC") and m.start == toks.start[k]:  # a place inside the name: سوق الكويت ...
                absorbed.append(m)
                k, evidence = m.tok1, True
                continue
            break
        norm = toks.norm[k]
        if toks.kind[k] != "word" or is_stopword(norm) or _strip_conj(norm) in cue_verbs() or norm in descriptors:
            break
        if norm.startswith("ال") or (norm.startswith("لل") and k > j):
            if facility and k > j + 1 and not proper:
                break  # a facility: head + name + one adjective (قاعدة العند الجوية)
            if proper and norm.startswith("لل"):
                proper = False  # شركة ويدبوش للأدوات المالية: an "of" phrase goes on
            elif proper and not _is_nisba(norm):
                break  # after a proper word only a nisba may follow: حركة كاخ (العنصرية المناهضة ...)
            if facility and k == j and is_common(norm):
                break  # قاعدة البيانات is no facility
            if _is_nisba(norm) and head in _STRONG_ORG_HEADS:
                evidence = True
            k += 1
            continue
        if k == j and not is_common(norm) and not _is_nisba("ال" + norm) and not norm.endswith("ه"):
            k, evidence, proper = k + 1, True, True  # a proper word: منظمة أوبك, شركة سابك
            continue
        break
    if not strong and not absorbed and not proper:
        # a weak head (سوق, قوات, مجموعة) needs a place or a proper word (سوق النفط العالمية is no name), except
        # definite words closed by الدولية: مجموعة الأزمات الدولية, غرفة الملاحة الدولية
        evidence = k - j >= 2 and toks.norm[k - 1] in _INTL and head not in ("سوق", "قوات", "حركه")
    if weak and not absorbed and not proper and not (k - j >= 2 and _is_nisba(toks.norm[k - 1])):
        evidence = False  # قاعدة البيانات; but قاعدة العند الجوية
    if k == j or not evidence:
        return i + 1, []
    return k, absorbed


# ---------------------------------------------------------------------------------------------------------------
# NER pass (lazy: the model is loaded on the first parse that needs it)

_NER_STATE: dict[str, object] = {}
# Process-wide switch: None = use the model when it is available, False = never (benchmarks compare both).
NER_ENABLED: bool | None = None


def use_ner() -> bool:
    """True if the NER model is enabled and can be used (imported lazily; warns once if it cannot)."""
    if NER_ENABLED is False:
        return False
    if "ok" not in _NER_STATE:
        try:
            from analysis.ner import tag_sentences  # noqa: F401
            from analysis.ner.model import _current  # noqa: F401
            _current()
            _NER_STATE["ok"] = True
        except Exception as exc:  # missing/corrupt model: parse without it, say so once
            warnings.warn(f"NER model unavailable, entities from the gazetteer and patterns only: {exc}",
                          RuntimeWarning, stacklevel=2)
            _NER_STATE["ok"] = False
    return bool(_NER_STATE["ok"])


def _generic_org(norms: list[str]) -> bool:
    """An org head followed only by indefinite adjectives (ومنظمة دولية, مجموعة مسؤولة): a description."""
    heads = titles().get("org_head", frozenset())
    if len(norms) < 2 or _strip_conj(norms[0]) not in heads:
        return False
    return all(not w.startswith("ال") and (_is_nisba("ال" + w) or w.endswith("ه")) for w in norms[1:])


def _after_org_noun(toks: _Tokens, i: int) -> bool:
    """Token i follows ``<definite org noun> [adjectives]،`` (apposition: الشركة الاستشارية، <name>)."""
    k = i - 1
    if k < 0 or toks.text[k] not in "،,":
        return False
    k -= 1
    for _ in range(3):
        if k < 0 or toks.sentence[k] != toks.sentence[i] or toks.kind[k] != "word":
            return False
        if any(f in _ORG_APPOSITION for _, f in _forms(toks.text[k], toks.norm[k])):
            return True
        if not toks.norm[k].startswith("ال"):
            return False
        k -= 1
    return False


class _ModelSpan(NamedTuple):
    ids: list[int]  # token indices (into the article's token list), consecutive within one sentence
    label: str  # PERS, LOC, ORG, MISC


def _model_spans(toks: _Tokens) -> list[_ModelSpan]:
    """The NER model's entity spans over the article's sentences (tagged as one document), in text order."""
    from analysis.ner import tag_sentences

    sentences: dict[int, list[int]] = {}
    for i, s in enumerate(toks.sentence):
        sentences.setdefault(s, []).append(i)
    order = list(sentences)
    tags = tag_sentences([[toks.text[i] for i in sentences[s]] for s in order])
    out: list[_ModelSpan] = []
    for s, sent_tags in zip(order, tags):
        idx = sentences[s]
        spans: list[tuple[int, int, str]] = []
        for pos, tag in enumerate(sent_tags):
            if tag.startswith("B-") or (tag.startswith("I-") and (not spans or spans[-1][2] != tag[2:]
                                                                   or spans[-1][1] != pos)):
                spans.append((pos, pos + 1, tag[2:]))
            elif tag.startswith("I-"):
                spans[-1] = (spans[-1][0], pos + 1, spans[-1][2])
        out.extend(_ModelSpan(idx[a:b], label) for a, b, label in spans)
    return out


def _reconcile_persons(toks: _Tokens, covered: list[_Mention | None], found: list[_Mention],
                       spans: list[_ModelSpan]) -> list[_Mention]:
    """Title-pattern persons checked against the model: its person span sets the name's extent (``سلفان شالوم``
    not ``سلفان شالوم النقاب``; ``آلان بيللغريني`` not ``بيللغريني``), and a pattern name the model reads only as
    another type (``نائب رئيس وزراء تايلند``: a place) is dropped for the NER pass to type.  Returns the mentions
    to keep."""
    person_titles = titles().get("person_title", frozenset())
    heads = titles().get("org_head", frozenset())
    by_token: dict[int, _ModelSpan] = {i: sp for sp in spans for i in sp.ids}
    keep: list[_Mention] = []
    for m in found:
        if m.source != "pattern" or m.type != "PERSON":
            keep.append(m)
            continue
        over = list({id(sp): sp for i in range(m.tok0, m.tok1) if (sp := by_token.get(i)) is not None}.values())
        pers = [sp for sp in over if sp.label == "PERS"]
        if not over:
            keep.append(m)  # the model sees no name: the title pattern stands (it finds names the model misses)
            continue
        if not pers:
            for i in range(m.tok0, m.tok1):
                covered[i] = None
            continue
        ids = pers[0].ids if len(pers) == 1 else []
        ok = [i for i in ids if m.tok0 <= i < m.tok1 or (
            (covered[i] is None or covered[i] is m) and toks.kind[i] == "word" and toks.norm[i] not in person_titles
            and _strip_conj(toks.norm[i]) not in heads)]
        if not ok or ok != ids or (ok[0], ok[-1] + 1) == (m.tok0, m.tok1):
            keep.append(m)
            continue
        for i in range(m.tok0, m.tok1):
            covered[i] = None
        m.tok0, m.tok1 = ok[0], ok[-1] + 1
        m.start, m.end = toks.start[m.tok0], toks.end[m.tok1 - 1]
        m.name_norm = tuple(toks.norm[i] for i in ok if toks.kind[i] == "word")
        m.key = "person:" + " ".join(m.name_norm)
        for i in ok:
            covered[i] = m
        keep.append(m)
    return keep


def _absorbable_place(toks: _Tokens, covered: list[_Mention | None], ids: list[int]) -> _Mention | None:
    """The one gazetteer place inside a model organisation span whose other words are uncovered proper words
    (``ريال مدريد``, ``سسكا موسكو``), or None."""
    inner = {id(covered[i]): covered[i] for i in ids if covered[i] is not None}
    if len(inner) != 1:
        return None
    m = next(iter(inner.values()))
    rest = [i for i in ids if covered[i] is None]
    if m.source != "gazetteer" or m.type not in ("GPE", "LOC") or m.tok0 < ids[0] or m.tok1 > ids[-1] + 1 \
            or not rest or any(toks.kind[i] != "word" or is_stopword(toks.norm[i]) or is_common(toks.norm[i])
                               or toks.norm[i].endswith("ه")  # a feminine noun: سنة أفريقيا is no name
                               or _is_nisba(toks.norm[i]) or _place_nisba(toks.norm[i]) for i in rest):
        return None
    return m


def _first_name_before_alias(toks: _Tokens, covered: list[_Mention | None], ids: list[int],
                             first_names: dict[str, str]) -> _Mention | None:
    """A surname alias at the end of a model person span that starts with the first name of the alias's person
    (``كوفي أنان`` after ``لكوفي أنان``, when the alias pass took ``أنان`` alone): the alias gives way, or None.
    Another first name (``مها أحمد`` after ``عباس بابكر أحمد``) is another reading and stays out."""
    inner = {id(covered[i]): covered[i] for i in ids if covered[i] is not None}
    if len(inner) != 1:
        return None
    m = next(iter(inner.values()))
    rest = [i for i in ids if covered[i] is None]
    person_titles = titles().get("person_title", frozenset())
    if m.source != "alias" or m.type != "PERSON" or m.tok1 != ids[-1] + 1 or m.tok0 <= ids[0] \
            or rest != list(range(ids[0], m.tok0)) or any(
                toks.kind[i] != "word" or is_stopword(toks.norm[i]) or is_common(toks.norm[i])
                or toks.norm[i] in person_titles or _strip_conj(toks.norm[i]) in person_titles for i in rest):
        return None
    first = first_names.get(m.key)
    if first is None or not {f for _, f in _forms(first, first)} & {f for _, f in _forms(toks.text[ids[0]],
                                                                                        toks.norm[ids[0]])}:
        return None
    return m


def _ner_pass(toks: _Tokens, covered: list[_Mention | None], spans: list[_ModelSpan],
              found: list[_Mention]) -> list[_Mention]:
    out: list[_Mention] = []
    first_names = {m.key: m.name_norm[0] for m in found
                   if m.type == "PERSON" and m.source in ("pattern", "ner") and len(m.name_norm) >= 2}
    for ids, label in spans:
        s = toks.sentence[ids[0]]
        place = _absorbable_place(toks, covered, ids) if label == "ORG" else None
        if place is None and label == "PERS":
            place = _first_name_before_alias(toks, covered, ids, first_names)
        if place is not None:  # ريال مدريد, سسكا موسكو: an organisation named after a place; كوفي + أنان
            place.source = "absorbed"
            for i in range(place.tok0, place.tok1):
                covered[i] = None
        elif any(covered[i] is not None for i in ids):
            continue
        while ids and (toks.kind[ids[-1]] != "word" or is_stopword(toks.norm[ids[-1]])):
            ids = ids[:-1]
        while ids and (toks.kind[ids[0]] != "word" or is_stopword(toks.norm[ids[0]])) \
                and not (len(ids) > 1 and toks.norm[ids[0]] in _CONNECTORS):  # فان نيستلروي
            ids = ids[1:]
        if not ids:
            continue
        while len(ids) > 1 and any(f in _SETTLEMENT_HEADS for _, f in _forms(toks.text[ids[0]],
                                                                             toks.norm[ids[0]])):
            ids = ids[1:]  # قرية دوما -> دوما: settlement words stay outside the span
        norms = [toks.norm[i] for i in ids]
        if (place is None and any(_never_name(x) for x in norms)) or (len(ids) == 1 and (
                (_is_nisba(norms[0]) and label not in ("PERS", "ORG")) or is_common(norms[0]) or len(norms[0]) < 3
                or _place_nisba(norms[0]))):
            continue
        if _generic_org(norms):
            continue
        typ = NER_TYPE_MAP.get(label, "MISC")
        before = ids[0] - 1
        if label == "LOC" and before >= 0 and covered[before] is None and toks.sentence[before] == s \
                and _strip_conj(toks.norm[before]) in _GEO_HEADS and _strip_conj(toks.norm[before]) not in _DIRECTIONS:
            ids = [before] + ids  # جبال حمرين: the feature word is part of the name (not شمال: شمال وزيرستان)
            norms = [toks.norm[before]] + norms
        if label == "LOC" and _strip_conj(norms[0]) in _GEO_HEADS:
            typ = "LOC"
        if typ in ("PERSON", "MISC") and _after_org_noun(toks, ids[0]):
            typ = "ORG"  # الشركة الاستشارية، كابيتال إيكونوميكس: a name in apposition to a company
        first = ids[0]
        off = 0
        f = norms[0]
        heads = titles().get("org_head", frozenset()) | titles().get("fac_head", frozenset()) | _GEO_HEADS
        for o, form in _forms(toks.text[first], toks.norm[first])[1:]:
            if (form.startswith("ال") and len(form) > 3) or (form in heads and o > 0 and norms[0][0] in "وف"):
                off, f = o, form  # الـ of a fused article; the و of ومنظمة stays outside
                break
        name = (f,) + tuple(norms[1:])
        key = place.key if place is not None and place.type == "PERSON" else f"{typ.lower()}:" + " ".join(name)
        m = _Mention(first, ids[-1] + 1, toks.start[first] + off, toks.end[ids[-1]], typ, "ner", key,
                     name_norm=name)
        out.append(m)
        for i in ids:
            covered[i] = m
    return out


# ---------------------------------------------------------------------------------------------------------------
# Aliases, titles, assembly

def _alias_pass(toks: _Tokens, covered: list[_Mention | None], found: list[_Mention]) -> list[_Mention]:
    """Repeats of pattern/NER names elsewhere in the article join that name's entity: the whole name (``دوما``
    after ``قرية دوما``) and a person's surname (``ليياو``), also with the article (``دوابشة`` -> ``الدوابشة``)."""
    names: dict[tuple[str, ...], _Mention] = {}
    for m in found:
        if m.source not in ("pattern", "ner"):
            continue
        names.setdefault(m.name_norm, m)
        if m.type == "PERSON" and len(m.name_norm) >= 3 and m.name_norm[-2] in ("ابو", "بن", "ابن", "ال"):
            names.setdefault(m.name_norm[-2:], m)  # أبو الغيط: the surname keeps its connector
        elif m.type == "PERSON" and len(m.name_norm) >= 2:
            sur = m.name_norm[-1]
            names.setdefault((sur,), m)
            if not sur.startswith("ال") and len(sur) >= 3:
                names.setdefault(("ال" + sur,), m)
    out: list[_Mention] = []
    if not names:
        return out
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for name in sorted(names, key=len, reverse=True):
        by_first.setdefault(name[0], []).append(name)
    n = len(toks.norm)
    for i in range(n):
        if toks.kind[i] != "word" or covered[i] is not None:
            continue
        for off, form in _forms(toks.text[i], toks.norm[i]):
            hit = next((name for name in by_first.get(form, ())
                        if i + len(name) <= n and all(covered[i + k] is None and toks.norm[i + k] == name[k]
                                                      and toks.sentence[i + k] == toks.sentence[i]
                                                      for k in range(1, len(name)))), None)
            if hit is not None:
                target = names[hit]
                _add(out, covered, _Mention(i, i + len(hit), toks.start[i] + off, toks.end[i + len(hit) - 1],
                                            target.type, "alias", target.key, entry=target.entry, name_norm=hit))
                break
    # single-token pattern/NER persons equal to another person's surname: same person
    for m in found:
        if m.type == "PERSON" and m.source in ("pattern", "ner") and len(m.name_norm) == 1:
            target = names.get(m.name_norm)
            if target is not None and target is not m and len(target.name_norm) >= 2:
                m.key = target.key
    return out


def _quoted_short_names(toks: _Tokens, covered: list[_Mention | None], found: list[_Mention]) -> list[_Mention]:
    """A short name in quotation marks right after an organisation's full name (``شركة المركز المالي الكويتي
    "المركز"``) is a mention of it, and its repeats join it through the alias pass."""
    out: list[_Mention] = []
    n = len(toks.norm)
    for m in list(found):
        q = m.tok1
        if m.type != "ORG" or q >= n or toks.text[q] not in _QUOTE_MARKS or toks.sentence[q] != toks.sentence[m.tok0]:
            continue
        c = next((x for x in range(q + 1, min(q + 5, n)) if toks.text[x] in _QUOTE_MARKS), None)
        if c is None or c == q + 1 or toks.start[q] == toks.end[q - 1] \
                or (m.tok0 > 0 and toks.text[m.tok0 - 1] in _QUOTE_MARKS) \
                or any(toks.kind[x] != "word" or covered[x] is not None or is_stopword(toks.norm[x])
                       or len(toks.norm[x]) < 2 for x in range(q + 1, c)):
            continue  # not “نايكي” و”ماكدونالدز”: the mark after a quoted name closes it
        name = tuple(toks.norm[x] for x in range(q + 1, c))
        _add(out, covered, _Mention(q + 1, c, toks.start[q + 1], toks.end[c - 1], m.type, "pattern", m.key,
                                    entry=m.entry, name_norm=name))
    return out


def _surname_clashes(toks: _Tokens, gaz: list[_Mention], covered: list[_Mention | None]) -> list[_Mention]:
    """Gazetteer persons matched by a bare surname right after another first name (رياض المالكي is not Nouri
    al-Maliki): those matches are dropped (and uncovered) so the name patterns can take the whole name."""
    out = []
    for m in gaz:
        if m.type != "PERSON" or m.tok1 - m.tok0 != 1 or m.entry is None or m.start != toks.start[m.tok0]:
            continue
        b = m.tok0 - 1
        own = {t for v in m.entry.variants for t in name_tokens(v)}
        if b >= 0 and toks.sentence[b] == toks.sentence[m.tok0] and toks.norm[b] not in own \
                and _namey(toks, b, covered) and _after_title(toks, b, covered) \
                and not any(f.startswith("ال") for _, f in _forms(toks.text[b], toks.norm[b])):
            covered[m.tok0] = None
            out.append(m)
    return out


def _after_title(toks: _Tokens, b: int, covered: list[_Mention | None]) -> bool:
    """Token b is where a title phrase before it ends (وزير خارجيتها | رياض): b starts a personal name."""
    person_titles = titles().get("person_title", frozenset())
    for t in range(b - 1, max(-1, b - 8), -1):
        if toks.sentence[t] != toks.sentence[b]:
            return False
        if _strip_conj(toks.norm[t]) in person_titles or toks.norm[t] in person_titles:
            return _skip_title_complement(toks, t + 1, covered)[0] == b
    return False


def _rekey_surnames(found: list[_Mention]) -> None:
    """A bare gazetteer surname joins the article's own person of that surname (المالكي after رياض المالكي)."""
    own = {m.name_norm[-1]: m for m in found
           if m.type == "PERSON" and m.source in ("pattern", "ner") and len(m.name_norm) >= 2}
    for m in found:
        if m.type == "PERSON" and m.source == "gazetteer" and len(m.name_norm) == 1 and m.name_norm[0] in own:
            target = own[m.name_norm[0]]
            m.key, m.entry, m.source = target.key, None, "alias"


def _first_names(toks: _Tokens, covered: list[_Mention | None], found: list[_Mention]) -> None:
    """A surname-only person mention right after a first name the article uses for a person takes that first
    name in (``مئير اتينغر`` once ``مئير كاهانا`` is known): one reading of a name per article."""
    known = {m.name_norm[0] for m in found if m.type == "PERSON" and m.source in ("pattern", "ner")
             and len(m.name_norm) >= 2}
    for m in found:
        b = m.tok0 - 1
        if m.type != "PERSON" or m.source == "gazetteer" or m.tok1 - m.tok0 != 1 or b < 0 \
                or covered[b] is not None or toks.sentence[b] != toks.sentence[m.tok0] or toks.kind[b] != "word" \
                or m.start != toks.start[m.tok0]:
            continue
        hit = next(((off, f) for off, f in _forms(toks.text[b], toks.norm[b]) if f in known), None)
        if hit is not None:
            m.tok0, m.start, m.name_norm = b, toks.start[b] + hit[0], (hit[1],) + m.name_norm
            covered[b] = m


def _short_head_pass(toks: _Tokens, covered: list[_Mention | None], found: list[_Mention]) -> list[_Mention]:
    """The bare definite head of a facility or body named in full earlier (``القناة`` after ``قناة السويس``,
    ``المحكمة`` after ``المحكمة الجنائية الدولية``): heads listed as ``short_head`` in titles.csv."""
    heads = titles().get("short_head", frozenset())
    named: list[tuple[int, str, _Mention]] = []
    for m in found:
        if m.type in ("ORG", "FAC") and m.source in ("gazetteer", "pattern") and len(m.name_norm) >= 2:
            h = m.name_norm[0][2:] if m.name_norm[0].startswith("ال") else m.name_norm[0]
            if h in heads:
                named.append((m.start, "ال" + h, m))
    out: list[_Mention] = []
    if not named:
        return out
    named.sort(key=lambda x: x[0])
    forms = {f for _, f, _ in named}
    for i in range(len(toks.norm)):
        if toks.kind[i] != "word" or covered[i] is not None:
            continue
        for off, form in _forms(toks.text[i], toks.norm[i]):
            if form not in forms:
                continue
            before = [m for s, f, m in named if f == form and s < toks.start[i]]
            if before:
                t = before[-1]
                _add(out, covered, _Mention(i, i + 1, toks.start[i] + off, toks.end[i], t.type, "alias", t.key,
                                            entry=t.entry, name_norm=(form,)))
                break
    return out


def _attach_titles(toks: _Tokens, mentions: list[_Mention]) -> None:
    """The title phrase right before a person mention (``وزير الدفاع الايطالي``), kept for the quote layer."""
    person_titles = titles().get("person_title", frozenset())
    covered: list[_Mention | None] = [None] * len(toks.norm)
    for m in mentions:
        for i in range(m.tok0, m.tok1):
            covered[i] = m
    for m in mentions:
        if m.type != "PERSON":
            continue
        for i in range(m.tok0 - 1, max(-1, m.tok0 - 8), -1):
            if toks.sentence[i] != toks.sentence[m.tok0] or toks.kind[i] != "word":
                break
            base = toks.norm[i] if toks.norm[i] in person_titles else _strip_conj(toks.norm[i])
            if base in person_titles:
                j, person = _skip_title_complement(toks, i + 1, covered)
                if person is m or j == m.tok0:
                    m.title = " ".join(toks.norm[i:m.tok0])
                    m.title_head = base[2:] if base.startswith("ال") else base
                break


def _tokens(base) -> _Tokens:
    t = base.tokens
    return _Tokens(t["text"].tolist(), t["norm"].tolist(), t["start"].tolist(), t["end"].tolist(),
                   t["kind"].tolist(), t["sentence_id"].tolist())


def extract_entities(base, *, ner: bool | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(entities, mentions)`` tables for one article (see DATA_MODEL.md and this module's conventions).

    ``ner``: use the NER model for names nothing else found (default: when the model is available).
    """
    toks = _tokens(base)
    n = len(toks.norm)
    gaz = _gazetteer_pass(toks)
    full_keys = {m.key for m in gaz if not m.short}
    resolved: list[_Mention] = []
    for m in gaz:
        if not m.short:
            resolved.append(m)
            continue
        # a short form names the entry whose full name the article uses (first such entry in file order)
        index = variant_index().get(m.name_norm[0], ())
        entry = next((v.entry for v in index if v.short and v.tokens == m.name_norm and v.entry.key in full_keys),
                     None)
        if entry is not None:
            m.entry, m.key, m.type = entry, entry.key, entry.type
            resolved.append(m)
    covered: list[_Mention | None] = [None] * n
    for m in resolved:
        for i in range(m.tok0, m.tok1):
            covered[i] = m
    clashes = _surname_clashes(toks, resolved, covered)
    resolved = [m for m in resolved if not any(m is c for c in clashes)]
    found = resolved + _pattern_pass(toks, covered)
    found = [m for m in found if m.source != "absorbed"]  # places inside an organisation's name (بنك أبوظبي الوطني)
    use_model = ner if ner is not None else use_ner()
    spans = _model_spans(toks) if use_model else []
    if use_model:
        found = _reconcile_persons(toks, covered, found, spans)
    found += _quoted_short_names(toks, covered, found)
    found += _alias_pass(toks, covered, found)  # before the model, so its spans cannot swallow a known surname
    if use_model:
        found += _ner_pass(toks, covered, spans, found)
        found = [m for m in found if m.source != "absorbed"]
        found += _alias_pass(toks, covered, found)
    _rekey_surnames(found)
    _first_names(toks, covered, found)
    found += _short_head_pass(toks, covered, found)
    found.sort(key=lambda m: m.start)
    _attach_titles(toks, found)
    return _tables(base, toks, found)


def _tables(base, toks: _Tokens, found: list[_Mention]) -> tuple[pd.DataFrame, pd.DataFrame]:
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
    })
    rows = [ent_rows[k] for k in sorted(ent_rows)]
    cols = ["entity_id", "type", "name_ar", "name_en", "n_mentions", "key", "source", "lat", "lon", "first_start",
            "title"]
    dtypes = {"entity_id": "int64", "n_mentions": "int64", "first_start": "int64", "lat": "float64",
              "lon": "float64"}
    entities = pd.DataFrame({"article_id": pd.Series([aid] * len(rows), dtype="str"),
                             **{c: pd.Series([r[c] for r in rows], dtype=dtypes.get(c, "str")) for c in cols}})
    return entities, mentions
