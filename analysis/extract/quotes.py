"""Quotes: statements attributed to someone, with the speaker resolved to an entity where the text allows.

A quote starts at a reporting **cue** (``analysis/data/cue_verbs.csv``: past-tense verbs such as قال، أكد، أشار،
شدد، أعرب، اعتبر ... and participles such as مؤكدا، معتبرا، معربا) outside quotation marks.  Present-tense
impersonal narration (``يشار الى ان``, ``يذكر ان``) is the outlet speaking and is never a cue.

**Speaker** (``speaker_how``):

* ``named``: a mention follows the cue, possibly after a title (``قال رئيس الوزراء العراقي مصطفى الكاظمي``);
* ``title``: a title without a name (``واكد الوزير الايطالي``) stands for the latest person introduced with that
  title (the mention's ``title`` column: ``وزير الدفاع الايطالي``);
* ``implicit``: no subject after the verb (``وشدد على ان``): the speaker of the previous quote of this or the
  previous paragraph, else the first person named earlier in the paragraph;
* ``inherited``: a participle (``مؤكدا أن``) continues the speaker of its sentence;
* ``nominal``: a subject that is not an entity (``وقال التقرير``, ``قالت داعشية منشقة``); if the phrase contains a
  mention (``تحليل لصحيفة فاينانشيال تايمز``) or is followed by one in apposition (``الشركة الاستشارية، <name>``)
  that entity is the speaker; a definite organisation noun (``الشركة``, ``التنظيم``) stands for the organisation
  named before it.
* A subject before the verb (``<name>، <title>، قال ...``) is ``named``; a title chain (``نائب رئيس مجلس إدارة
  "سابك" الرئيس التنفيذي <name>``) ends at the person; ``implicit`` prefers a person who opened a sentence since
  the previous quote, and a plural verb (``وأشاروا``) never stands for one person.

**Content** (``start``/``end``, ``mode``): ``direct`` is the text between quotation marks (« », “ ”, " ") that
follow the cue and its subject, of four words or more (a shorter quoted phrase is a name, ``تقرير "المركز"``);
``indirect`` is the clause after the complementiser (``أن``/``إن``/``بأن``; a fused pronoun ``إنها`` stays in
the content), after a colon, or, for cues that take an object (``اعتبر``، ``أعرب عن``، ``شدد على``), the phrase
after the cue, its preposition and any circumstantial phrase (``خلال اجتماعه ... مع <name>``).  Indirect content
ends at the sentence end, at the next cue (a participle, or a verb with و/ف, after a comma or after ``في حين``/
``بينما``), at ``، أما``, at a boundary participle (``، معلنة عن``: cue_verbs.csv kind ``boundary``) or at an
attribution tail (``كما نقل``، ``بحسب``، ``جاء ذلك``); closing punctuation is not part of it.  A quotation left
open at the end of a paragraph runs into the next one when that paragraph's first mark can only close it.  Cues
include present-tense forms (``يقول``، ``تضيف``، ``يتوقع``); a cue form after a preposition (``من كشف``) is a
verbal noun, not a cue.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from analysis.lexicon.gazetteer import CueVerb, clause_breaks, cue_verbs, titles
from analysis.text.commonwords import is_common
from analysis.text.normalize import normalize
from analysis.text.stopwords import is_stopword

__all__ = ["extract_quotes", "QUOTE_COLUMNS"]

_OPEN = {"\u00AB": "\u00BB", "\u201C": "\u201D", '"': '"', "\u201D": "\u201D", "\u201E": "\u201D"}
_QUOTE_MARKS = frozenset('"\u00AB\u00BB\u201C\u201D\u201E')
_POSSESSIVE_RE = re.compile(r"^\w{3,}(?:ه|ها|هم|هما)$")  # وزير خارجيتها (on the written token: ه, not ة)
_COMPLEMENTISERS = frozenset({"ان", "بان", "لان"})
_FUSED_COMP_RE = re.compile(r"^(?:ب)?[ا](?:نه|نها|نهم|نهما|نهن|ننا|ني)$")
_PREPS = frozenset({"الي", "علي", "عن", "ب", "من", "في", "لي"})
_CIRCUMSTANCE = frozenset({"خلال", "في", "لدي", "عقب", "اثناء", "امام", "بعد", "يوم", "امس", "اليوم", "مساء",
                           "صباح", "ضمن", "حسب", "بحسب", "عبر"})
_TAIL = {("كما", "نقل"), ("كما", "نقلت"), ("كما", "نقلته"), ("كما", "نقلها"), ("جاء", "ذلك"), ("جاء", "هذا"),
         ("بحسب",), ("حسب",), ("وفق",), ("وفقا",), ("نقلا",)}
# A cue right after one of these starts a contrasting clause (في حين قال إن ..., بينما أكد ...).
_CONTRAST = frozenset({"حين", "بينما", "فيما"})
# Definite nouns that stand for an organisation named earlier (وتضيف الشركة ...).
_ORG_NOUNS = frozenset({"الشركه", "المجموعه", "المؤسسه", "الوكاله", "الصحيفه", "الهيئه", "البنك", "المصرف",
                        "المعهد", "الجمعيه", "الوزاره", "التنظيم", "الحركه", "الحزب", "الجماعه"})
# Prepositions after which a cue form is a verbal noun (من كشف النقاب عن ...), not a reporting verb.
_NOUN_MARKERS = frozenset({"من", "في", "علي", "عن", "الي", "بعد", "قبل", "رغم", "منذ", "حتي", "عند", "لدي"})
_MIN_DIRECT_WORDS = 4
_SCAN = 30

QUOTE_COLUMNS = ["quote_id", "paragraph_id", "sentence_id", "speaker_entity_id", "speaker_text", "speaker_start",
                 "speaker_end", "speaker_how", "speaker_name_en", "cue", "cue_lemma", "cue_gloss", "cue_start",
                 "cue_end", "mode", "content", "start", "end"]


@dataclass
class _Quote:
    paragraph_id: int
    sentence_id: int
    speaker: int | None
    speaker_span: tuple[int, int] | None
    how: str
    cue: CueVerb
    cue_span: tuple[int, int]
    mode: str
    start: int
    end: int


class _Article:
    """Token lists and lookups the quote finder walks over."""

    def __init__(self, base, mentions: pd.DataFrame):
        t = base.tokens
        self.text = base.text
        self.tok = t["text"].tolist()
        self.norm = t["norm"].tolist()
        self.start = t["start"].tolist()
        self.end = t["end"].tolist()
        self.kind = t["kind"].tolist()
        self.sent = t["sentence_id"].tolist()
        self.para = t["paragraph_id"].tolist()
        n = len(self.tok)
        self.mention_at: list[dict | None] = [None] * n
        self.mentions = mentions.to_dict("records")
        self.entity_type = {int(m["entity_id"]): m["type"] for m in self.mentions}
        for m in self.mentions:
            for i in range(int(m["token_start"]), int(m["token_end"])):
                self.mention_at[i] = m
        self.in_quote = [False] * n
        self.quote_end: dict[int, int] = {}  # opening-mark token -> closing-mark token
        self._find_quote_regions()

    def _find_quote_regions(self) -> None:
        n = len(self.tok)
        i = 0
        while i < n:
            ch = self.tok[i]
            if ch in _OPEN:
                close = _OPEN[ch]
                j = i + 1
                while j < n and self.para[j] == self.para[i] and self.tok[j] not in (close, "\u00BB", "\u201D"):
                    j += 1
                if not (j < n and self.para[j] == self.para[i]):
                    j = self._closing_in_next_paragraph(i, close)
                if j is not None and j < n:
                    self.quote_end[i] = j
                    for k in range(i + 1, j):
                        self.in_quote[k] = True
                    i = j + 1
                    continue
            i += 1

    def _closing_in_next_paragraph(self, i: int, close: str) -> int | None:
        """A quotation left open at its paragraph's end closes in the next paragraph when that paragraph's first
        quotation mark can only be a closing one (an unpaired ``"``, or ``»`` before any ``«``)."""
        n, para = len(self.tok), self.para[i]
        marks = [k for k in range(i + 1, n) if self.para[k] == para + 1 and self.tok[k] in (close, "\u00AB",
                                                                                          "\u00BB", "\u201C",
                                                                                          "\u201D")]
        if not marks:
            return None
        if close == '"':
            quotes = [k for k in marks if self.tok[k] == '"']
            return quotes[0] if len(quotes) % 2 == 1 else None
        return marks[0] if self.tok[marks[0]] == close else None

    def cue_at(self, i: int) -> tuple[CueVerb, int] | None:
        """(cue, offset of the verb inside the token) if token i is a reporting cue."""
        if self.kind[i] != "word" or self.in_quote[i]:
            return None
        cues = cue_verbs()
        norm = self.norm[i]
        if norm in cues:
            return cues[norm], 0
        if len(norm) > 3 and norm[0] in "وف" and norm[1:] in cues:
            return cues[norm[1:]], 1
        return None


def _is_comp(norm: str) -> bool:
    return norm in _COMPLEMENTISERS or bool(_FUSED_COMP_RE.match(norm))


def _strip_conj(norm: str) -> str:
    return norm[1:] if len(norm) > 3 and norm[0] in "وف" else norm


def _is_tail(a: _Article, i: int) -> bool:
    n1 = _strip_conj(a.norm[i])
    n2 = a.norm[i + 1] if i + 1 < len(a.norm) and a.sent[i + 1] == a.sent[i] else ""
    return (n1,) in _TAIL or (n1, n2) in _TAIL


def _clause_end(a: _Article, j: int) -> int:
    """Token index (exclusive) where an indirect content starting at j ends."""
    n = len(a.tok)
    k = j
    breaks = clause_breaks()
    while k < n and a.sent[k] == a.sent[j]:
        if k > j and not a.in_quote[k]:
            cue = a.cue_at(k)
            if cue is not None and (cue[0].kind == "participle" or cue[1] == 1 or a.tok[k - 1] in ("،", ",")
                                    or _strip_conj(a.norm[k - 1]) in _CONTRAST):
                if _strip_conj(a.norm[k - 1]) in _CONTRAST:
                    k -= 1  # في حين قال ...: the contrast word is not part of the content
                    if k - 1 > j and a.norm[k - 1] == "في":
                        k -= 1
                break
            if _is_tail(a, k):
                break
            if a.tok[k - 1] in ("،", ",") and (_strip_conj(a.norm[k]) in breaks or a.norm[k] == "اما"):
                break  # ، معلنة عن ... / ، أما بخصوص ...: a new clause
        k += 1
    while k > j and a.kind[k - 1] in ("punct", "symbol") and a.tok[k - 1] not in ")]\u00BB\u201D\"":
        k -= 1
    return k


def _skip_title(a: _Article, j: int) -> int:
    """Skip a title phrase (رئيس الوزراء العراقي, الوزير الايطالي, a chain such as نائب رئيس مجلس إدارة "سابك"
    الرئيس التنفيذي المكلف) from token j; returns the next index (a person mention ends the skip)."""
    n = len(a.tok)
    person_titles = titles().get("person_title", frozenset())
    comp = titles().get("complement", frozenset())
    heads = titles().get("org_head", frozenset())
    if j >= n or a.norm[j] not in person_titles:
        return j
    k = j + 1
    governs = True
    while k < n and k - j < 12 and a.sent[k] == a.sent[j]:
        m = a.mention_at[k]
        if m is not None:
            if m["type"] == "PERSON":
                break
            k, governs = int(m["token_end"]), False
            continue
        norm = a.norm[k]
        if a.tok[k] in _QUOTE_MARKS and ((k + 1 < n and a.mention_at[k + 1] is not None)
                                         or a.mention_at[k - 1] is not None):
            k += 1
            continue
        if a.kind[k] != "word" or _is_comp(norm) or a.cue_at(k) is not None:
            break
        if norm in person_titles or norm in heads:
            k, governs = k + 1, True
            continue
        if norm in comp or _POSSESSIVE_RE.match(a.tok[k]) or (norm.startswith("ال") and not is_stopword(norm)):
            k, governs = k + 1, False
            continue
        if governs and is_common(norm) and not is_stopword(norm):
            k, governs = k + 1, False
            continue
        break
    return k


def _title_referent(a: _Article, j: int, k: int, before: int) -> int | None:
    """Entity of the latest person introduced (before ``before``) with the title written at tokens j..k."""
    head = a.norm[j][2:] if a.norm[j].startswith("ال") else a.norm[j]
    words = {w for w in a.norm[j + 1:k] if w.startswith("ال")}
    best = None
    for m in a.mentions:
        if m["start"] >= before or m["type"] != "PERSON" or not isinstance(m.get("title_head"), str):
            continue
        if m["title_head"] == head and words <= set(str(m["title"]).split()):
            best = int(m["entity_id"])
    return best


def _speaker(a: _Article, i: int, cue: CueVerb, quotes: list[_Quote]):
    """(entity_id, span, how, next token index) for the subject after the cue at token i, or None (not a quote)."""
    n = len(a.tok)
    j = i + 1
    if cue.kind == "participle":
        same = [q for q in quotes if q.sentence_id == a.sent[i]]
        if same:
            return same[-1].speaker, None, "inherited", j
        for m in a.mentions:
            if m["sentence_id"] == a.sent[i] and m["start"] < a.start[i] and m["type"] in ("PERSON", "ORG"):
                return int(m["entity_id"]), None, "inherited", j
        first = _sentence_start(a, i)
        if first + 1 < i and a.cue_at(first) is None and _strip_conj(a.norm[first + 1]) in _ORG_NOUNS:
            # وأرجعت الشركة نتائجها ...، مشيرة إلى أن: the sentence's subject is "the company"
            return _head_referent(a, first + 1, a.start[i]), None, "inherited", j
        return None, None, "inherited", j
    if j >= n or a.sent[j] != a.sent[i]:
        return None
    m = a.mention_at[j]
    if m is not None and m["start"] <= a.end[j] and m["type"] in ("PERSON", "ORG", "GPE", "MISC"):
        end_tok = int(m["token_end"])
        return int(m["entity_id"]), (a.start[j], a.end[end_tok - 1]), "named", end_tok
    k = _skip_title(a, j)
    if k > j:
        m = a.mention_at[k] if k < n else None
        if m is not None and m["type"] == "PERSON":
            end_tok = int(m["token_end"])
            return int(m["entity_id"]), (a.start[j], a.end[end_tok - 1]), "named", end_tok
        return _title_referent(a, j, k, a.start[i]), (a.start[j], a.end[k - 1]), "title", k
    norm = a.norm[j]
    pre = _preverbal_subject(a, i)
    if pre is not None:
        return int(pre["entity_id"]), (int(pre["start"]), int(pre["end"])), "named", j
    if _is_comp(norm) or norm in _PREPS or a.kind[j] != "word" or norm in _CIRCUMSTANCE:
        return _implicit(a, i, cue, quotes), None, "implicit", j
    if a.norm[i][0] in "وف" and quotes and quotes[-1].sentence_id == a.sent[i] and not _subject_then_comp(a, j):
        return quotes[-1].speaker, None, "implicit", j  # a second verb of the same speaker: واكد حرص حكومته
    if cue.strict:
        return None
    # a nominal subject: up to four words before the content marker
    k = j
    ent = None
    while k < n and k - j < 4 and a.sent[k] == a.sent[j] and a.kind[k] == "word" and not _is_comp(a.norm[k]) \
            and a.norm[k] not in _PREPS and a.norm[k] not in _CIRCUMSTANCE and a.cue_at(k) is None:
        m = a.mention_at[k]
        if m is not None:
            ent = int(m["entity_id"]) if ent is None else ent
            k = int(m["token_end"])
            continue
        k += 1
    # a quoted name right after the noun (تقرير "المركز", صحيفة “ديلي ميل”)
    while k < n and k in a.quote_end and a.quote_end[k] - k - 1 < _MIN_DIRECT_WORDS:
        inner = a.mention_at[k + 1] if k + 1 < n else None
        if inner is not None and ent is None:
            ent = int(inner["entity_id"])
        k = a.quote_end[k] + 1
        while k < n and a.kind[k] == "word" and a.norm[k].startswith("ال") and not _is_comp(a.norm[k]) \
                and a.mention_at[k] is None and k - j < 8:
            k += 1
    if k == j:
        return None
    if ent is None and k + 1 < n and a.tok[k] in ("،", ",") and a.mention_at[k + 1] is not None \
            and a.mention_at[k + 1]["type"] in ("PERSON", "ORG"):
        m = a.mention_at[k + 1]  # الشركة الاستشارية، كابيتال إيكونوميكس، ...: the name in apposition
        ent, k = int(m["entity_id"]), int(m["token_end"])
    elif ent is None and _strip_conj(a.norm[j]) in _ORG_NOUNS:
        ent = _head_referent(a, j, a.start[i])  # وتضيف الشركة الاستشارية: the company named before
    return ent, (a.start[j], a.end[k - 1]), "nominal", k


def _sentence_start(a: _Article, i: int) -> int:
    """First word token of token i's sentence."""
    k = i
    while k > 0 and a.sent[k - 1] == a.sent[i]:
        k -= 1
    while k < i and a.kind[k] != "word":
        k += 1
    return k


def _preverbal_subject(a: _Article, i: int) -> dict | None:
    """The person or organisation that opens the sentence when the cue comes after it and a comma
    (``مهاب مميش، رئيس هيئة القناة، قال ...``), with no other cue in between."""
    found = a.cue_at(i)
    if i == 0 or a.tok[i - 1] not in ("،", ",") or found is None or found[1] != 0:
        return None
    first = _sentence_start(a, i)
    m = a.mention_at[first]
    if m is None or m["type"] not in ("PERSON", "ORG") or int(m["token_start"]) != first:
        return None
    if any(a.cue_at(k) is not None or _is_comp(a.norm[k]) for k in range(int(m["token_end"]), i)):
        return None
    return m


def _subject_then_comp(a: _Article, j: int) -> bool:
    """A short noun phrase from token j followed by أن/إن (وذكر البيان أن ...): an explicit subject."""
    for k in range(j, min(j + 4, len(a.tok))):
        if a.sent[k] != a.sent[j] or a.kind[k] != "word" or a.cue_at(k) is not None:
            return False
        if k > j and _is_comp(a.norm[k]):
            return True
    return False


def _head_referent(a: _Article, j: int, before: int) -> int | None:
    """Entity a definite organisation noun (الشركة) stands for: the latest organisation named before ``before``
    whose name has that head (شركة ...), else the latest organisation named before it."""
    head = _strip_conj(a.norm[j])[2:]
    latest = same_head = None
    for m in a.mentions:
        if m["start"] >= before:
            break
        if m["type"] != "ORG":
            continue
        latest = int(m["entity_id"])
        if normalize(str(m["text"])).split()[0].endswith(head):
            same_head = latest
    return same_head if same_head is not None else latest


def _implicit(a: _Article, i: int, cue: CueVerb, quotes: list[_Quote]) -> int | None:
    """Speaker of a cue without a subject (وشدد على أن, وقال "..."): a person who opened a sentence since the
    previous quote (this or the previous paragraph), else the previous speaker, else the first person of the
    paragraph; a plural verb (وأشاروا) never stands for one person."""
    para = a.para[i]
    last = quotes[-1] if quotes else None
    since = max(last.end, last.cue_span[1]) if last else -1
    newer = None
    for m in a.mentions:
        if m["start"] >= a.start[i]:
            break
        t0 = int(m["token_start"])
        if m["type"] == "PERSON" and m["start"] >= since and a.para[t0] >= para - 1 and not a.in_quote[t0] \
                and _sentence_start(a, t0) == t0:
            newer = int(m["entity_id"])
    if newer is not None:
        speaker = newer
    elif last and last.paragraph_id >= para - 2:
        speaker = last.speaker  # the previous speaker, even an unnamed one (وقال المسؤولون ... وأشاروا)
    else:
        speaker = next((int(m["entity_id"]) for m in a.mentions if m["start"] < a.start[i] and m["type"] == "PERSON"
                        and a.para[int(m["token_start"])] == para), None)
    if speaker is not None and _plural(cue) and a.entity_type.get(speaker) == "PERSON":
        return None
    return speaker


def _plural(cue: CueVerb) -> bool:
    form = normalize(cue.form)
    return form.endswith("وا") or form.endswith("ون")


def _content(a: _Article, j: int, cue: CueVerb) -> tuple[str, int, int, int] | None:
    """(mode, start char, end char, next token) of the content from token j, or None."""
    n = len(a.tok)
    sent = a.sent[j] if j < n else None
    if j + 1 < n and a.norm[j] in _PREPS and a.sent[j + 1] == sent and not _is_comp(a.norm[j + 1]) \
            and j + 1 not in a.quote_end and a.kind[j + 1] == "word" and cue.object_ok:
        return _indirect(a, j + 1)  # أعرب عن الأمل ..., أشار إلى مقتل ...
    # otherwise (قال في مقابلة "...", كتب على صفحته "...", قال بيان من مكتب الوزير: إن ...) look further on
    k = j
    while k < n and a.sent[k] == sent and k - j < _SCAN:
        if k in a.quote_end:
            close = a.quote_end[k]
            words = sum(1 for x in range(k + 1, close) if a.kind[x] == "word")
            if words >= _MIN_DIRECT_WORDS:
                cs, ce = a.end[k], a.start[close]
                while cs < ce and a.text[cs].isspace():
                    cs += 1
                while ce > cs and a.text[ce - 1].isspace():
                    ce -= 1
                return "direct", cs, ce, close + 1
            k = close + 1
            continue
        norm = a.norm[k]
        if a.tok[k] == ":":
            if k + 1 < n and k + 1 in a.quote_end:
                k += 1
                continue
            s = k + 1
            if s < n and a.norm[s] in _COMPLEMENTISERS:
                s += 1
            return _indirect(a, s)
        if _is_comp(norm) and k + 1 in a.quote_end:  # من أن "..." : the quotation is the content
            k += 1
            continue
        if _is_comp(norm):
            s = k + 1 if norm in _COMPLEMENTISERS else k
            return _indirect(a, s)
        if k > j and a.cue_at(k) is not None:
            break
        if a.tok[k] in (".", "!", "?", "؟"):
            break
        k += 1
    if not cue.object_ok or j >= n or a.sent[j] != sent:
        return None
    s = j
    if a.norm[s] in _CIRCUMSTANCE:
        end = _clause_end(a, s)
        last = None
        for x in range(s, end):
            m = a.mention_at[x]
            if m is not None:
                last = int(m["token_end"])
        if last is None:
            return None
        s = last
    if s < n and a.norm[s] in _PREPS:
        s += 1
    return _indirect(a, s)


def _indirect(a: _Article, s: int):
    n = len(a.tok)
    if s >= n:
        return None
    e = _clause_end(a, s)
    if e <= s or not any(a.kind[x] == "word" for x in range(s, e)):
        return None
    return "indirect", a.start[s], a.end[e - 1], e


def extract_quotes(base, mentions: pd.DataFrame, entities: pd.DataFrame) -> pd.DataFrame:
    """The quotes table of one article (see the module docstring for the rules)."""
    a = _Article(base, mentions)
    quotes: list[_Quote] = []
    n = len(a.tok)
    i = 0
    body = set(base.paragraphs.loc[base.paragraphs["kind"] == "body", "paragraph_id"].tolist())
    while i < n:
        found = a.cue_at(i) if a.para[i] in body else None
        if found is None:
            i += 1
            continue
        cue, off = found
        if cue.kind == "verb" and off == 0 and i > 0 and a.sent[i - 1] == a.sent[i] and a.norm[i - 1] in _NOUN_MARKERS:
            i += 1  # من كشف النقاب, بعد قال: after a preposition the form is a verbal noun, not a cue
            continue
        sp = _speaker(a, i, cue, quotes)
        if sp is None:
            i += 1
            continue
        ent, span, how, j = sp
        content = _content(a, j, cue)
        if content is None:
            i += 1
            continue
        mode, cs, ce, nxt = content
        quotes.append(_Quote(a.para[i], a.sent[i], ent, span, how, cue, (a.start[i] + off, a.end[i]), mode, cs, ce))
        i = max(i + 1, nxt if mode == "direct" else j)
    return _table(base, a, quotes, entities)


def _table(base, a: _Article, quotes: list[_Quote], entities: pd.DataFrame) -> pd.DataFrame:
    names = dict(zip(entities["entity_id"].tolist(), entities["name_en"].tolist()))
    text = base.text
    col: dict[str, list] = {c: [] for c in QUOTE_COLUMNS}
    for qid, q in enumerate(quotes, 1):
        name = names.get(q.speaker) if q.speaker is not None else None
        for c, v in (("quote_id", qid), ("paragraph_id", q.paragraph_id), ("sentence_id", q.sentence_id),
                     ("speaker_entity_id", q.speaker),
                     ("speaker_text", text[q.speaker_span[0]:q.speaker_span[1]] if q.speaker_span else None),
                     ("speaker_start", q.speaker_span[0] if q.speaker_span else None),
                     ("speaker_end", q.speaker_span[1] if q.speaker_span else None),
                     ("speaker_how", q.how), ("speaker_name_en", name if isinstance(name, str) else None),
                     ("cue", text[q.cue_span[0]:q.cue_span[1]]), ("cue_lemma", q.cue.lemma),
                     ("cue_gloss", q.cue.gloss_en), ("cue_start", q.cue_span[0]), ("cue_end", q.cue_span[1]),
                     ("mode", q.mode), ("content", text[q.start:q.end]), ("start", q.start), ("end", q.end)):
            col[c].append(v)
    dtypes = {"quote_id": "int64", "paragraph_id": "int64", "sentence_id": "int64", "speaker_entity_id": "Int64",
              "speaker_start": "Int64", "speaker_end": "Int64", "cue_start": "int64", "cue_end": "int64",
              "start": "int64", "end": "int64"}
    return pd.DataFrame({"article_id": pd.Series([base.article_id] * len(quotes), dtype="str"),
                         **{c: pd.Series(v, dtype=dtypes.get(c, "str")) for c, v in col.items()}})
