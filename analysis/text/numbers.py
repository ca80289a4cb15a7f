"""Every number in a text: :func:`find_numbers` (public: ``from analysis import find_numbers``).

A number is a digit string in either script (``1,497``, ``١٬٤٩٧``, ``0،65``, ``2ر0``), a run of number words
(``ألف وأربعمائة``، ``خمسة عشر``), either of them with scale words (``2.5 مليون``، ``166 مليونا و525 ألفا``), a
fraction (``ربع``، ``ثلثي``، ``ثلاثة أخماس``، ``عامين ونصف`` is not one: a bare ``ونصف`` is left out), a percentage
(``١٠٠٪``، ``20 في المئة``، ``15 بالمائة``), an ordinal (``الثالث``، ``الحادي عشر``، ``أول``) or a range
(``5-15``، ``من 5 إلى 15``، ``بين 5 و15``).  A numeral plural with no number (``عشرات``، ``مئات``، ``آلاف``، ``ملايين``)
is a *vague* number: ``value`` is ``None`` and ``vague`` is true.

**Separators** (one rule, stated here): ``٫`` is always a decimal point and ``٬`` always a thousands separator.
``.``, ``,`` and the Arabic comma ``،`` between digits:

1. two different ones in one number (``1,234.5``, ``1.234,5``): the last is the decimal point, the other groups
   thousands;
2. the same one more than once (``1.230.556.457``, ``1,000,000``): thousands -- unless the last group is not three
   digits long while the others are (``2،395،96`` is 2395.96: a thousands group always has three digits, so the last
   separator is the decimal point);
3. one ``,``/``،`` followed by exactly three digits: thousands (``4,125``) — unless a scale word follows
   (``4,125 مليار`` is 4.125 billion: nobody writes 4,125 billion) or the integer part is ``0``;
4. otherwise (one ``.``; one ``,``/``،`` followed by one, two or four or more digits): a decimal point
   (``2.38``, ``0،65``, ``2,5``).

Directional marks (U+200E, U+200F, U+061C) and tatweel inside a number or between a number and its scale are
skipped; ``text[start:end]`` always equals the record's ``text``.  The outlet style ``2ر0`` writes the fraction first
(:func:`analysis.text.numerals.reversed_decimal`).  Four-digit years and day numbers are numbers here (kind
``cardinal``) but digit dates and clock times (``28-09-2020``، ``2020/9/28``، ``22:26``) are skipped; telling a
year from an amount is the figures and dates extractors' business.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from analysis.lexicon import load_csv
from analysis.text.normalize import normalize, normalize_digits
from analysis.text.numerals import NumberWord, compose, number_word, number_words, reversed_decimal

__all__ = ["NUMBER_KINDS", "NumberMention", "find_numbers"]

NUMBER_KINDS = ("cardinal", "decimal", "percent", "fraction", "ordinal", "range")


@dataclass(frozen=True, slots=True)
class NumberMention:
    """One number found by :func:`find_numbers`.

    ``text == source[start:end]``; ``value`` is the number (the lower bound of a range, ``None`` for a vague
    plural such as ``ملايين``); ``value_high`` the upper bound of a range; ``kind`` one of :data:`NUMBER_KINDS`.
    """

    text: str
    start: int
    end: int
    value: float | None
    kind: str
    value_high: float | None = None
    vague: bool = False


_DIGIT = "0-9\u0660-\u0669\u06f0-\u06f9"
_MARK = "\u200e\u200f\u061c\u0640"
_SEP = ".,\u060c\u066b\u066c"
_DIGITS_RE = re.compile(rf"[{_DIGIT}]+(?:[{_MARK}]*[{_SEP}][{_MARK}]*[{_DIGIT}]+)*")
_REVERSED_RE = re.compile(rf"([{_DIGIT}]+)ر([{_DIGIT}]+)")
_WORD_RE = re.compile(r"[\u0621-\u063a\u0641-\u065f\u0670\u0640]+")
_GAP_RE = re.compile(r"[\s\u200e\u200f\u061c]*")  # between words: spaces and directional marks
_PERCENT_SIGN_RE = re.compile(rf"[\s{_MARK}]?[%\u066a]")
# a percent sign lost to "?" in a Windows-1256 page (Arabic Newspapers: "أكثر من 80? من تمويل المهرجان"):
# glued to the digits and followed by a partitive من, it can only be the percent sign
_LOST_PERCENT_RE = re.compile(r"\?(?=[ \u00a0]+من[ \u00a0])")
_DASH_RE = re.compile(rf"[\s{_MARK}]*[-\u2010-\u2015][\s{_MARK}]*")
# dates and clock times (28-09-2020, 2020/9/28, 22:26, 6/23) are not numbers here: the dates extractor's
_DATE_RE = re.compile(rf"[{_DIGIT}]+(?:[/:][{_DIGIT}]+)+|[{_DIGIT}]+-[{_DIGIT}]+-[{_DIGIT}]+")
_NON_DIGIT = re.compile(rf"[^{_DIGIT}{_SEP}]")

_PERCENT_WORDS = (("في", "المائه"), ("في", "المئه"), ("في", "الميه"), ("بالمائه",), ("بالمئه",), ("بالميه",))
_RANGE_TO = {"الي", "حتي"}
_FROM = {"من", "ومن"}
_SCALES = ("scale", "scale_plural", "scale_dual")


def _digits_value(raw: str, *, scaled: bool) -> tuple[float, bool] | None:
    """(value, has a decimal part) of a digit string by the separator rule of the module docstring."""
    s = normalize_digits(_NON_DIGIT.sub("", raw.replace("\u066b", ".").replace("\u066c", "")))
    s = s.replace("\u060c", ",")
    seps = [c for c in s if c in ".,"]
    if not seps:
        return float(s), False
    if len(set(seps)) == 2:
        dec = seps[-1]
        grp = "," if dec == "." else "."
        whole, _, frac = s.replace(grp, "").rpartition(dec)
        return float(f"{whole.replace(dec, '')}.{frac}"), True  # 1,234,567.5
    sep = seps[0]
    parts = s.split(sep)
    if len(seps) > 1:
        if len(parts[-1]) != 3 and all(len(g) == 3 for g in parts[1:-1]):
            return float(f"{''.join(parts[:-1])}.{parts[-1]}"), True  # 2،395،96: thousands groups have 3 digits
        return float("".join(parts)), False
    whole, frac = parts
    if sep == "," and len(frac) == 3 and not scaled and whole.lstrip("0"):
        return float(whole + frac), False
    return float(f"{whole}.{frac}"), True


class _Word:
    __slots__ = ("start", "end", "norm")

    def __init__(self, start: int, end: int, norm: str) -> None:
        self.start, self.end, self.norm = start, end, norm


@cache
def _ordinal_table() -> dict[str, NumberWord]:
    return {k: v for k, v in number_words().items() if v.kind == "ordinal"}


def _lex(norm: str) -> tuple[NumberWord, str] | None:
    hit = number_word(norm)
    if hit is None or hit[0].kind == "ordinal":
        return None
    return hit


def _ordinal(norm: str) -> NumberWord | None:
    """``الثالث``، ``والثالثة``، ``أول``: an ordinal word (the article required except for أول/أولى)."""
    table = _ordinal_table()
    if norm in ("اول", "اولي", "واول", "واولي"):
        return table[norm.removeprefix("و")]
    for cand in (norm, norm[1:] if norm[:1] in "وفبلك" else ""):
        if cand.startswith("ال") and cand[2:] in table:
            return table[cand[2:]]
    if norm.startswith("لل") and norm[2:] in table:
        return table[norm[2:]]
    return None


class _Scanner:
    """One left-to-right pass over ``text``: digit runs and Arabic words, with the gaps between them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words: dict[int, _Word] = {}

    def word_at(self, pos: int) -> _Word | None:
        """The Arabic word starting at ``pos`` after skipping spaces and marks (None if something else is there)."""
        p = _GAP_RE.match(self.text, pos).end()  # type: ignore[union-attr]
        w = self.words.get(p)
        if w is not None:
            return w
        m = _WORD_RE.match(self.text, p)
        if m is None:
            return None
        w = _Word(m.start(), m.end(), normalize(m.group()))
        self.words[p] = w
        return w

    def digits_at(self, pos: int) -> re.Match[str] | None:
        p = _GAP_RE.match(self.text, pos).end()  # type: ignore[union-attr]
        return _DIGITS_RE.match(self.text, p)


def _scales_after(sc: _Scanner, pos: int) -> tuple[list[NumberWord], int]:
    """Scale words (``مليون``، ``آلاف``) right after ``pos``: (entries, end)."""
    out: list[NumberWord] = []
    end = pos
    while True:
        w = sc.word_at(end)
        if w is None:
            break
        hit = _lex(w.norm)
        if hit is None or hit[1] or hit[0].kind not in _SCALES:
            break
        out.append(hit[0])
        end = w.end
    return out, end


def _word_run(sc: _Scanner, w: _Word, *, first: bool = True) -> tuple[list[NumberWord], int] | None:
    """A run of cardinal number words starting at ``w`` (later ones may carry و): (entries, end)."""
    hit = _lex(w.norm)
    if hit is None or hit[0].kind in ("fraction", "fraction_plural", "fraction_and"):
        return None
    if first and hit[1] not in ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك"):
        return None
    entry = hit[0]
    if entry.kind == "teen_unit":
        nxt = sc.word_at(w.end)
        nh = _lex(nxt.norm) if nxt is not None else None
        if nh is None or nh[0].kind != "ten" or nh[1]:
            return None
    words = [entry]
    end = w.end
    while True:
        nxt = sc.word_at(end)
        if nxt is None:
            break
        nh = _lex(nxt.norm)
        if nh is None or nh[1] not in ("", "و") or nh[0].kind in ("vague", "fraction", "fraction_plural",
                                                                  "fraction_and"):
            break
        if nh[0].kind in ("unit", "teen_unit") and not nh[1]:
            break
        if nh[0].kind == "ten" and words[-1].kind in ("ten", "tens", "hundred", "hundreds") and not nh[1]:
            break
        words.append(nh[0])
        end = nxt.end
    return words, end


def _smaller_part(sc: _Scanner, pos: int, last_scale: float) -> tuple[float, int] | None:
    """``و525 ألف`` / ``وثلاثمئة ألف`` after ``166 مليونا``: the next, smaller part of a compound amount; after
    thousands, also a bare digit amount below a thousand (``28 ألفا و116`` = 28,116)."""
    p = _GAP_RE.match(sc.text, pos).end()  # type: ignore[union-attr]
    if sc.text.startswith("و", p):
        m = sc.digits_at(p + 1)
        if m is not None and m.start() == p + 1 or (m is not None and sc.text[p + 1:m.start()].strip(" ") == ""):
            got = _digits_value(m.group(), scaled=False)
            if got is None:
                return None
            scales, end = _scales_after(sc, m.end())
            if not scales and last_scale == 1000 and got[0] < 1000 and got[0].is_integer() and not got[1]:
                return got[0], m.end()  # 28 ألفا و116 مرشحا: thousands and the hundreds below them (28,116)
            if not scales or scales[0].value >= last_scale:
                return None
            return compose(scales, base=got[0]), end
    w = sc.word_at(pos)
    if w is None or not w.norm.startswith("و"):
        return None
    run = _word_run(sc, w, first=False)
    if run is None or not any(x.kind in _SCALES for x in run[0]):
        return None
    if max(x.value for x in run[0] if x.kind in _SCALES) >= last_scale:
        return None
    return compose(run[0]), run[1]


def _percent_after(sc: _Scanner, pos: int) -> int | None:
    m = _PERCENT_SIGN_RE.match(sc.text, pos) or _LOST_PERCENT_RE.match(sc.text, pos)
    if m is not None:
        return m.end()
    w = sc.word_at(pos)
    if w is None:
        return None
    for words in _PERCENT_WORDS:
        end, ok = pos, True
        cur: _Word | None = w
        for k, target in enumerate(words):
            if k:
                cur = sc.word_at(end)
            if cur is None or cur.norm != target:
                ok = False
                break
            end = cur.end
        if ok:
            return end
    return None


def _amount_at(sc: _Scanner, pos: int) -> tuple[float, int, str, bool] | None:
    """A digit or number-word amount starting exactly at ``pos``: (value, end, kind, vague)."""
    text = sc.text
    m = _DIGITS_RE.match(text, pos)
    if m is not None:
        rev = _REVERSED_RE.match(text, pos)
        if rev is not None and rev.end() > m.end() and not _DIGITS_RE.match(text, rev.end()):
            value = reversed_decimal(rev.group(1), rev.group(2))
            if value is not None:
                scales, end = _scales_after(sc, rev.end())
                if scales:
                    return compose(scales, base=value), end, "cardinal", False
                return value, rev.end(), "decimal", False
        scales, end = _scales_after(sc, m.end())
        got = _digits_value(m.group(), scaled=bool(scales))
        if got is None:
            return None
        value, decimal = got
        if scales and value >= 1e6 and not decimal:
            return value, end, "cardinal", False  # 134.230.000 مليون: the grouping already says millions
        if scales:
            value = compose(scales, base=value)
            while True:
                part = _smaller_part(sc, end, min(s.value for s in scales))
                if part is None:
                    break
                value, end = value + part[0], part[1]
            return value, end, "cardinal", False
        return value, m.end(), "decimal" if decimal else "cardinal", False
    w = sc.word_at(pos)
    if w is None or w.start != pos:
        return None
    hit = _lex(w.norm)
    if hit is None:
        definite = _definite_vague(w.norm)
        return (0.0, w.end, "cardinal", True) if definite else None
    if hit[0].kind == "fraction":
        scales, end = _scales_after(sc, w.end)
        if scales and not hit[1]:  # نصف مليون ريال، ربع مليار: a fraction of a scale is a cardinal amount
            return compose(scales, base=hit[0].value), end, "cardinal", False
        return hit[0].value, w.end, "fraction", False
    if hit[0].kind in ("vague", "scale_plural"):
        # عشرات، مئات، آلاف، ملايين with no number before them: vague (the caller checks what precedes)
        return 0.0, w.end, "cardinal", True
    run = _word_run(sc, w)
    if run is None:
        return None
    words, end = run
    nxt = sc.word_at(end)
    if nxt is not None:
        fh = _lex(nxt.norm)
        if fh is not None and not fh[1] and fh[0].kind == "fraction_plural" and len(words) == 1:
            return words[0].value / fh[0].value, nxt.end, "fraction", False
    value = compose(words)
    while any(x.kind in _SCALES for x in words):
        part = _smaller_part(sc, end, min(x.value for x in words if x.kind in _SCALES))
        if part is None:
            break
        value, end = value + part[0], part[1]
        break
    return value, end, "cardinal", False


@lru_cache(maxsize=32768)
def _inert_word(word: str) -> tuple[str, bool]:
    """(norm, whether the word starts no number: neither an ordinal, a number word nor a numeral plural)."""
    norm = normalize(word)
    return norm, _ordinal(norm) is None and _lex(norm) is None and not _definite_vague(norm)


def _definite_vague(norm: str) -> bool:
    """``الملايين``، ``المئات``، ``بالآلاف``: a numeral plural with the article is vague too."""
    for cand in (norm, norm[1:] if norm[:1] in "وفبلك" else ""):
        if cand.startswith("ال"):
            hit = number_words().get(cand[2:])
            if hit is not None and hit.kind in ("vague", "scale_plural"):
                return True
    if norm.startswith("لل"):
        hit = number_words().get(norm[2:])
        return hit is not None and hit.kind in ("vague", "scale_plural")
    return False


def _shared_scale(sc: _Scanner, pos: int) -> float:
    """The scale of a range's upper amount at ``pos`` (``من 3 إلى 4 ملايين``: the lower bound is 3 million too)."""
    m = _DIGITS_RE.match(sc.text, pos)
    if m is None:
        return 1.0
    scales, _ = _scales_after(sc, m.end())
    return compose(scales, base=1.0) if scales else 1.0


def _range_after(sc: _Scanner, end: int, *, between: bool) -> tuple[float, int, float] | None:
    """The upper amount of a range after the lower one: ``-15``، ``إلى 15``، (after بين) ``و15``.

    Returns (upper value, end, the upper amount's scale).
    """
    text = sc.text
    d = _DASH_RE.match(text, end)
    if d is not None and d.end() > end:
        nxt = _DIGITS_RE.match(text, d.end())
        if nxt is not None:
            got = _amount_at(sc, d.end())
            if got is not None and not got[3]:
                return got[0], got[1], _shared_scale(sc, d.end())
        return None
    w = sc.word_at(end)
    if w is None:
        return None
    if w.norm in _RANGE_TO or (between and w.norm == "و"):
        p = w.end
    elif between and w.norm.startswith("و") and _lex(w.norm[1:]) is not None:
        p = w.start + 1
    else:
        return None
    p = _GAP_RE.match(text, p).end()  # type: ignore[union-attr]
    got = _amount_at(sc, p)
    if got is None or got[3]:
        return None
    if between and w.norm.startswith("و") and _list_goes_on(sc, got[1]):
        return None  # بين «5 و7 و10 سنوات»: a list of three amounts, not the range 5-7
    return got[0], got[1], _shared_scale(sc, p)


def _list_goes_on(sc: _Scanner, end: int) -> bool:
    """Another و + digits right after the second amount of a بين ... و pair."""
    w = sc.word_at(end)
    if w is None or w.norm != "و":
        return False
    p = _GAP_RE.match(sc.text, w.end).end()  # type: ignore[union-attr]
    return _DIGITS_RE.match(sc.text, p) is not None


@cache
def _change_words() -> frozenset[str]:
    return frozenset(normalize(r["word"]) for r in load_csv("change_verbs.csv", required=("word", "gloss"),
                                                             key=("word",)))


_CLAUSE_BACK_RE = re.compile(r"[^.!?\u061f\u061b;:\n\u060c,]{0,100}$")
_CHANGE_REACH = 10  # words back from من to its change verb: وارتفع سعر اسهم صكوك الاستثمار الحكومية السابعة عشر من


def _change_before(text: str, start: int) -> bool:
    """``من`` at ``start`` follows a verb or noun of change in its clause (``ارتفع حجم التداول من 779 إلى 912``,
    ``مرتفعا من ... إلى``; ``analysis/data/change_verbs.csv``): the two amounts are a before and an after, not the
    bounds of a range."""
    m = _CLAUSE_BACK_RE.search(text, max(0, start - 100), start)
    if m is None:
        return False
    words = _WORD_RE.findall(m.group())[-_CHANGE_REACH:]
    lex = _change_words()
    return any((w := normalize(word)) in lex or (w[:1] in "وف" and w[1:] in lex) for word in words)


def _after_conjunction(text: str, start: int) -> int:
    """``وخمسة``، ``والملايين``، ``والحادي``: a conjunction و/ف glued to a number word is not part of the number."""
    if text[start] not in "وف":
        return start
    m = _WORD_RE.match(text, start + 1)
    if m is None:
        return start
    rest = normalize(m.group())
    known = rest in number_words() or _definite_vague(rest) or _ordinal(rest) is not None \
        or (rest[:1] in "بلك" and rest[1:] in number_words())
    return start + 1 if known else start


def find_numbers(text: str, *, ordinals: bool = True, ranges: bool = True) -> list[NumberMention]:
    """Every number in ``text``, in text order, non-overlapping (see the module docstring for what counts).

    ``ordinals=False`` leaves out ordinal words; ``ranges=False`` reports the two ends of a range separately.

    >>> [(n.text, n.value, n.kind) for n in find_numbers("ارتفع ١٠٠٪ و2.5 مليون")]
    [('١٠٠٪', 100.0, 'percent'), ('2.5 مليون', 2500000.0, 'cardinal')]
    """
    sc = _Scanner(text)
    out: list[NumberMention] = []
    pos = 0
    n = len(text)
    prev_norm, prev_start = "", 0  # the word before the current position, and where it starts
    # The next digit run and the next word from ``pos``: a match found from an earlier position that starts at or
    # after ``pos`` is still the next one (the patterns look neither behind nor at anchors), so each is searched
    # again only once ``pos`` has passed its start -- not from every word on to the next digit (quadratic).
    m_d = _DIGITS_RE.search(text)
    m_w = _WORD_RE.search(text)
    while pos < n:
        if m_d is not None and m_d.start() < pos:
            m_d = _DIGITS_RE.search(text, pos)
        if m_w is not None and m_w.start() < pos:
            m_w = _WORD_RE.search(text, pos)
        if m_d is None or m_w is None:
            m = m_d if m_w is None else m_w
            if m is None:
                break
        else:
            m = m_d if m_d.start() <= m_w.start() else m_w  # the earlier; the digits on a tie
        start = m.start()
        if m is m_w:
            if start not in sc.words:  # (a word the scanner has not read yet: the usual case)
                norm, inert = _inert_word(m.group())
                if inert:  # no ordinal, number word or numeral plural: _amount_at would find nothing here
                    pos, prev_norm, prev_start = m.end(), norm, m.start()
                    continue
            w = sc.word_at(start)
            if w is None or w.start != start:
                pos = m.end()
                continue
            # a word glued to digits (بـ12، الـ15، و10): the digits start inside the span of the word match
            o = _ordinal(w.norm) if ordinals else None
            if o is not None:
                end = w.end
                value = o.value
                nxt = sc.word_at(end)
                if o.kind == "ordinal" and nxt is not None:
                    nh = _lex(nxt.norm)
                    if nh is not None and nh[0].kind == "ten" and not nh[1] and value < 10:
                        value, end = value + 10, nxt.end  # الحادي عشر، الثالثة عشرة
                start = _after_conjunction(text, start)
                out.append(NumberMention(text[start:end], start, end, value, "ordinal"))
                pos, prev_norm = end, ""
                continue
            got = _amount_at(sc, start)
            if got is None or (got[3] and _lex(prev_norm) is not None):
                pos, prev_norm, prev_start = w.end, w.norm, w.start
                continue
        else:
            date = _DATE_RE.match(text, start)
            if date is not None:
                pos = date.end()
                continue
            got = _amount_at(sc, start)
            if got is None:
                pos = m.end()
                continue
        value, end, kind, vague = got
        if m is m_w:
            start = _after_conjunction(text, start)
        high = None
        if ranges and not vague and not (prev_norm in _FROM and _change_before(text, prev_start)):
            rng = _range_after(sc, end, between=prev_norm in ("بين", "وبين"))
            low = _DIGITS_RE.match(text, start)
            if rng is not None:
                if rng[2] != 1.0 and low is not None and low.end() == end and value * rng[2] <= rng[0]:
                    value *= rng[2]  # من 3 إلى 4 ملايين: the scale is shared
                if max(value, rng[0]) > 1000 * max(min(value, rng[0]), 1e-9):
                    rng = None  # 2012 إلى 3.8 مليارات: not two bounds of one amount
            if rng is not None:
                high, end, kind = rng[0], rng[1], "range"
                if high < value:
                    value, high = high, value
        if kind != "range" and not vague:
            pct = _percent_after(sc, end)
            if pct is not None:
                end, kind = pct, "percent"
        out.append(NumberMention(text[start:end], start, end, None if vague else value, kind, high, vague))
        pos, prev_norm = end, ""
    return out
