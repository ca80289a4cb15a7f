"""Themes: which topics each sentence is about, from a transparent bilingual trigger lexicon.

The lexicon is data, ``analysis/data/themes.csv``: one row per trigger with the theme code (in the spirit of GDELT
GKG theme codes: ``TERROR``, ``ENV_OIL``, ``ECON_STOCKMARKET`` ...), ``label_en``, ``label_ar``, the trigger as
written (one or more words), its English gloss and a weight.  Triggers are matched on **stems**
(:func:`analysis.text.stem.stem`, the same function that fills ``tokens.stem``): every word of the trigger is stemmed
once at load time and a trigger matches a run of consecutive word tokens with those stems, whatever their
clitics, article or inflection (``الإرهابية`` and ``الإرهاب`` both give ``ارهاب``).  Where the stemmer keeps a
proclitic ب/ل/ك (``لفرض``), the token also matches with it removed.

**Score** of a (sentence, theme) pair = the sum of the weights of the *distinct* triggers of that theme found in
the sentence (rows of a theme sharing a gloss are spellings of one trigger and count once), where a token
counts for one trigger only (the longest: ``التحالف الدولي`` (2) does not also score
``تحالف`` (1)).  A pair is reported when its score is at least :data:`THRESHOLD` (1.0).  Weights: 2 = a phrase
that names the theme on its own (``السلاح المنفلت``، ``هدنة``، ``أوبك``); 1 = a clear but broader word
(``داعش``، ``اقتصاد``); 0.5 = a weak cue that needs another one in the same sentence (``قوات``، ``تدريب``،
``استقرار``, which also occurs in market news).  ``evidence`` lists the matched words as written, joined by
``" | "``, and ``evidence_spans`` their offsets (``start-end;start-end``).

**Word-form triggers.**  A light stem sometimes conflates words that have nothing in common: ``الدعاة``
(preachers) and ``دعا`` (he called for) share ``دعا``, ``الطائفية`` (sectarianism) and the city ``الطائف``
share ``طايف``, ``التشكيلة`` (a team's line-up) and ``تشكيل`` (forming a government) share ``تشكيل``.  A row
whose ``match`` column says ``form`` matches only the word itself: the token, with a conjunction و/ف, a
preposition ب/ل/ك and the article ال taken off (each optional), must equal the trigger word with its article
taken off (``بالمحسوبية`` matches ``المحسوبية``, ``محسوبة`` does not).  Other forms of such a word are rows of
their own (same gloss, so they count once).  ``benchmarks/bench_theme_stems.py`` lists, for every stem trigger,
the words of a corpus that share its stem: that is how the ``form`` rows were found.

**Phrases that only look like triggers.**  Rows of the code ``NOT_A_THEME`` (weight 0, never reported) claim
their words for no theme: ``الغاز المسيل للدموع`` (tear gas) is police work, not the ``الغاز`` of energy news.

**What the article is about** (:func:`rank_themes`, used by :func:`analysis.evaluate.top_theme`): a theme's article
weight is the sum of its sentence scores, each multiplied by where the sentence stands — :data:`HEADLINE_WEIGHT`
for the headline, :data:`LEAD_WEIGHT` for the lead (the first :data:`LEAD_SENTENCES` body sentences), 1 elsewhere —
so the story's own theme, which the headline and lead announce, outranks a theme mentioned in passing further down.
A **generic** theme (:data:`GENERIC_THEMES`: ``SPORTS``, the vocabulary every sport shares — match, player, team,
coach, championship) is not a story's theme on its own: its weight goes to the sport the article names (the
heaviest ``SPORTS_*`` theme), or, where none is named, to the declared default (football, the sport Arab news
covers most).  A family member that is not one sport (:data:`NOT_A_SPORT`: the Olympic Games, a multi-sport
event) takes the generic weight only where the article names no sport (sports administration — federations,
ministries, Olympic committees — competes with the sports, by weight, as before).  A sport without a code of its own (athletics, fencing,
badminton, basketball, tennis, combat sports: the rows of ``SPORTS_OTHER``) takes it like any sport; it and the
Olympic Games are reported under the generic code (:data:`UNCODED_SPORTS` -> ``SPORTS``), the blind conventions'
code for a sport that has no code.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import islice
from typing import NamedTuple

import pandas as pd

from analysis import schema
from analysis.extract.tokenview import token_column
from analysis.lexicon import LexiconError, load_csv
from analysis.schema import BaseTables
from analysis.text.clitics import PREPOSITION_PROCLITIC_RE
from analysis.text.layout import _dateline_date
from analysis.text.normalize import dediac, normalize, strip_tatweel
from analysis.text.stem import stem

__all__ = ["GENERIC_THEMES", "HEADLINE_WEIGHT", "LEAD_SENTENCES", "LEAD_WEIGHT", "NOT_A_SPORT", "NOT_A_THEME", "THRESHOLD",
           "THEME_COLUMNS", "UNCODED_SPORTS", "Trigger",
           "rank_themes", "theme_lexicon", "theme_labels", "tag_themes", "triggers"]

THRESHOLD = 1.0
HEADLINE_WEIGHT = 3.0  # the headline names what the story is about
LEAD_WEIGHT = 2.0  # the lead (inverted pyramid: the first body sentences say what happened)
LEAD_SENTENCES = 2
DATELINE_MAX_WORDS = 14  # a dateline alone: place, date (both calendars), agency
GENERIC_THEMES = {"SPORTS": "SPORTS_FOOTBALL"}  # generic theme -> default member of its family (SPORTS_*)
NOT_A_SPORT = frozenset({"SPORTS_OLYMPICS"})  # family members that are not one sport: the last resort
NOT_A_THEME = "NOT_A_THEME"  # rows of this code (weight 0) are phrases whose words trigger no theme (tear gas)
UNCODED_SPORTS = {"SPORTS_OTHER": "SPORTS", "SPORTS_OLYMPICS": "SPORTS"}  # reported under the generic code
THEME_COLUMNS = schema.TABLES["themes"].names  # declared in analysis/schema.py
FORM_MARK = "="  # a key that is a bare word form, not a stem (no stem starts with it)
_CONJ_RE = re.compile("^[\u0648\u0641](?=[\u0621-\u064A]{3})")  # و/ف before 3+ letters
_PREP_RE = re.compile("^[\u0628\u0644\u0643](?=[\u0621-\u064A]{3})")  # ب/ل/ك before 3+ letters
_LAM_ART_RE = re.compile("^\u0644\u0644(?=[\u0621-\u064A]{2})")  # لل = ل + ال (للمحسوبية)
_ART_RE = re.compile("^\u0627\u0644(?=[\u0621-\u064A]{2})")


class Trigger(NamedTuple):
    theme: str
    stems: tuple[str, ...]  # per word: its stem, or ``FORM_MARK`` + its bare form (``match=form`` rows)
    term_ar: str
    gloss: str
    weight: float


@cache
def _rows() -> tuple[dict[str, str], ...]:
    rows = load_csv("themes.csv", required=("theme", "label_en", "label_ar", "trigger_ar", "gloss", "weight"),
                    optional=("match",), key=("theme", "trigger_ar"))
    first: dict[str, tuple[int, str, str]] = {}
    for n, r in enumerate(rows, start=2):
        if r["match"] not in ("", "stem", "form"):
            raise LexiconError(f"analysis/data/themes.csv, line {n}: match must be empty, 'stem' or 'form', "
                               f"not {r['match']!r}")
        # one theme, one pair of labels: a row that differs is a typo
        n0, en, ar = first.setdefault(r["theme"], (n, r["label_en"], r["label_ar"]))
        if (r["label_en"], r["label_ar"]) != (en, ar):
            raise LexiconError(f"analysis/data/themes.csv, line {n}: theme {r['theme']} is labelled "
                               f"{r['label_en']!r} / {r['label_ar']!r} here but {en!r} / {ar!r} on line {n0}")
    return rows


def _norm(word: str) -> str:
    return normalize(strip_tatweel(dediac(word)))


def bare_forms(word: str) -> frozenset[str]:
    """The word with a conjunction و/ف, a preposition ب/ل/ك and the article ال each optionally taken off
    (normalised): ``وبالمحسوبية`` -> {وبالمحسوبيه, بالمحسوبيه, المحسوبيه, محسوبيه}."""
    w = _norm(word)
    out = {w}
    for a in (w, _CONJ_RE.sub("", w)):
        out.add(a)
        lam_art = _LAM_ART_RE.sub("", a)
        if lam_art != a:  # لل is ل + ال: never ل + a word starting with ل (للقيم is not ل + لقيم)
            out.add(lam_art)
            continue
        b = _PREP_RE.sub("", a)
        out.update((b, _ART_RE.sub("", b), _ART_RE.sub("", a)))
    return frozenset(out)


def _trigger_form(word: str) -> str:
    return FORM_MARK + _ART_RE.sub("", _norm(word))


@cache
def triggers() -> tuple[Trigger, ...]:
    """Every trigger of the lexicon, in the order of ``analysis/data/themes.csv``, with its stems (or, for
    ``match=form`` rows, its bare word forms)."""
    return tuple(
        Trigger(r["theme"], tuple(_trigger_form(w) if r["match"] == "form" else stem(w)
                                  for w in r["trigger_ar"].split()),
                r["trigger_ar"], r["gloss"], float(r["weight"]))
        for r in _rows()
    )


@cache
def _form_keys() -> frozenset[str]:
    return frozenset(k for t in triggers() for k in t.stems if k.startswith(FORM_MARK))


@cache
def theme_lexicon() -> dict[str, tuple[Trigger, ...]]:
    """First stem -> triggers starting with it (longest first)."""
    index: dict[str, list[Trigger]] = {}
    for trig in triggers():
        index.setdefault(trig.stems[0], []).append(trig)
    return {k: tuple(sorted(v, key=lambda t: -len(t.stems))) for k, v in index.items()}


@cache
def theme_labels() -> dict[str, tuple[str, str]]:
    """Theme code -> (label_en, label_ar)."""
    return {r["theme"]: (r["label_en"], r["label_ar"]) for r in _rows()}


class _Match(NamedTuple):
    trigger: Trigger
    i: int
    j: int


@lru_cache(maxsize=65536)
def _stems_of(word: str, token_stem: str) -> tuple[str, ...]:
    """The token's stem, plus the stem without a proclitic ب/ل/ك (و/ف) the stemmer kept (لفرض -> فرض), plus
    the keys of the word-form triggers its bare forms equal."""
    forms = _form_keys()
    extra = tuple(sorted(k for f in bare_forms(word) if (k := FORM_MARK + f) in forms))
    word = strip_tatweel(dediac(word))
    bare = PREPOSITION_PROCLITIC_RE.sub("", word)
    if bare == word:
        return (token_stem, *extra)
    alt = stem(bare)
    return ((token_stem,) if alt == token_stem else (token_stem, alt)) + extra


def _sentence_themes(stems: list[tuple[str, ...]], spans: list[tuple[int, int]], text: str) -> list[tuple]:
    lex = theme_lexicon()
    by_theme: dict[str, list[_Match]] = {}
    n_words = len(stems)
    for i, cands in enumerate(stems):
        seen: set[int] | None = None  # only a token with two candidate stems can reach one trigger twice
        for s in cands:
            for trig in lex.get(s, ()):
                n = len(trig.stems)
                if i + n > n_words or (n > 1 and not all(trig.stems[k] in stems[i + k] for k in range(1, n))):
                    continue
                if len(cands) > 1:
                    seen = seen if seen is not None else set()
                    if id(trig) in seen:
                        continue
                    seen.add(id(trig))
                by_theme.setdefault(trig.theme, []).append(_Match(trig, i, i + n))
    out = []
    blockers = by_theme.pop(NOT_A_THEME, None)
    if blockers:  # الغاز المسيل للدموع (tear gas): its words count for no theme
        blocked = {k for m in blockers for k in range(m.i, m.j)}
        by_theme = {t: kept for t, ms in by_theme.items()
                    if (kept := [m for m in ms if blocked.isdisjoint(range(m.i, m.j))])}
    for theme, matches in by_theme.items():
        if len(matches) == 1 and matches[0].trigger.weight < THRESHOLD:
            continue  # fast path: one weak cue alone (the usual case) cannot reach the threshold
        claimed: set[int] = set()
        kept: list[_Match] = []
        for m in sorted(matches, key=lambda m: (-(m.j - m.i), m.i)):
            if claimed.isdisjoint(range(m.i, m.j)):
                claimed.update(range(m.i, m.j))
                kept.append(m)
        distinct: dict[str, float] = {}
        for m in kept:  # rows sharing a gloss are spellings of one trigger (قوات / القوات)
            distinct[m.trigger.gloss] = max(distinct.get(m.trigger.gloss, 0.0), m.trigger.weight)
        score = sum(distinct.values())
        if score < THRESHOLD:
            continue
        kept.sort(key=lambda m: m.i)
        ev_spans = [(spans[m.i][0], spans[m.j - 1][1]) for m in kept]
        out.append((theme, " | ".join(text[s:e] for s, e in ev_spans), score, len(distinct),
                    ";".join(f"{s}-{e}" for s, e in ev_spans)))
    return sorted(out)


def tag_themes(base: BaseTables) -> pd.DataFrame:
    """The themes table of one article (columns :data:`THEME_COLUMNS`), sorted by sentence then theme.

    Each sentence's word stems are collected and tagged as soon as its tokens end (tokens come sentence by
    sentence), so only one sentence's lists are held at a time; if the tokens table is not in sentence order,
    every sentence is collected first."""
    cols = [token_column(base.tokens, c) for c in ("sentence_id", "text", "stem", "start", "end", "kind")]
    ids = cols[0]
    ordered = all(a <= b for a, b in zip(ids, islice(ids, 1, None)))
    labels = theme_labels()
    rows = []

    def tag(sid: int, stems: list[tuple[str, ...]], spans: list[tuple[int, int]]) -> None:
        for theme, evidence, score, n, ev_spans in _sentence_themes(stems, spans, base.text):
            rows.append((sid, theme, *labels[theme], evidence, score, n, ev_spans))

    if ordered:
        sid_now, stems, spans = None, [], []
        for sid, word, st, s, e, kind in zip(*cols):
            if kind != "word":
                continue
            if sid != sid_now:
                if stems:
                    tag(sid_now, stems, spans)
                sid_now, stems, spans = sid, [], []
            stems.append(_stems_of(word, st))
            spans.append((s, e))
        if stems:
            tag(sid_now, stems, spans)
    else:
        by_sentence: dict[int, tuple[list[tuple[str, ...]], list[tuple[int, int]]]] = {}
        for sid, word, st, s, e, kind in zip(*cols):
            if kind == "word":
                stems, spans = by_sentence.setdefault(sid, ([], []))
                stems.append(_stems_of(word, st))
                spans.append((s, e))
        for sid in sorted(by_sentence):
            tag(sid, *by_sentence[sid])
    names = THEME_COLUMNS[1:]
    out = list(zip(*rows)) if rows else [() for _ in names]
    return schema.frame("themes", dict(zip(names, out)), article_id=base.article_id)


def is_dateline_sentence(text: str) -> bool:
    """A body sentence that is only an agency dateline (``الرياض 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م واس``):
    a dateline date (``analysis.text.layout._dateline_date``) and at most :data:`DATELINE_MAX_WORDS` words.
    It says where and when, not what: the lead is the sentences after it."""
    return len(text.split()) <= DATELINE_MAX_WORDS and _dateline_date(text) is not None


def rank_themes(themes: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Article-level theme ranking: one row per theme, most weight first (ties: the theme seen first).

    Columns ``theme``, ``label_en``, ``label_ar``, ``weight`` (sentence scores weighted by position: headline
    :data:`HEADLINE_WEIGHT`, the first :data:`LEAD_SENTENCES` body sentences :data:`LEAD_WEIGHT`, others 1),
    ``n_sentences`` and ``rank`` (1 = the main theme); a generic theme is folded into its family (module doc).
    ``themes`` and ``sentences`` are an article's tables.
    """
    cols = ["theme", "label_en", "label_ar", "weight", "n_sentences", "rank"]
    if themes.empty:
        return pd.DataFrame({c: pd.Series(dtype="float64" if c == "weight" else "int64" if c in ("n_sentences", "rank")
                                          else "str") for c in cols})
    position: dict[int, float] = {}
    lead = 0
    texts = sentences["text"].tolist() if "text" in sentences else [""] * len(sentences)
    for sid, kind, text in zip(sentences["sentence_id"].tolist(), sentences["paragraph_kind"].tolist(), texts):
        if kind == "headline":
            position[sid] = HEADLINE_WEIGHT
        elif kind == "body" and lead < LEAD_SENTENCES and not is_dateline_sentence(text):
            position[sid], lead = LEAD_WEIGHT, lead + 1
    totals: dict[str, float] = {}
    counts: dict[str, int] = {}
    for sid, theme, score in zip(themes["sentence_id"].tolist(), themes["theme"].tolist(), themes["score"].tolist()):
        totals[theme] = totals.get(theme, 0.0) + float(score) * position.get(int(sid), 1.0)
        counts[theme] = counts.get(theme, 0) + 1
    for generic, default in GENERIC_THEMES.items():
        if generic in totals:
            family = [t for t in totals if t.startswith(generic + "_")]
            family = [t for t in family if t not in NOT_A_SPORT] or family  # a sport named comes first
            to = max(family, key=lambda t: totals[t]) if family else default
            totals[to] = totals.get(to, 0.0) + totals.pop(generic)
            counts[to] = counts.get(to, 0) + counts.pop(generic)
    for uncoded, generic in UNCODED_SPORTS.items():
        if uncoded in totals:  # the generic code names a sport that has no code of its own
            totals[generic] = totals.get(generic, 0.0) + totals.pop(uncoded)
            counts[generic] = counts.get(generic, 0) + counts.pop(uncoded)
    order = sorted(totals, key=lambda t: -totals[t])  # stable: equal weights keep the order first seen
    labels = theme_labels()
    return pd.DataFrame({"theme": order, "label_en": [labels[t][0] for t in order],
                         "label_ar": [labels[t][1] for t in order], "weight": [totals[t] for t in order],
                         "n_sentences": [counts[t] for t in order], "rank": range(1, len(order) + 1)})
