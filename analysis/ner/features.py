"""Token features for the Arabic NER tagger (CRF): one list of ``name=value`` strings per token.

Everything here is a pure function of the tokens and of an optional name list (the
:class:`Gazetteer` snapshot that ships beside the model); the trigger-word list is data
(``analysis/data/ner_triggers.csv``, with English glosses) loaded once.  The feature
names are part of the trained model: changing any of them means retraining
(``python -m analysis.ner.train``) and bumping ``FEATURES_VERSION``.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache, lru_cache
from typing import NamedTuple

from analysis.lexicon import load_csv
from analysis.text.normalize import dediac, normalize, normalize_alef, strip_tatweel

__all__ = [
    "FEATURES_VERSION",
    "PROCLITICS",
    "ENCLITICS",
    "strip_proclitics",
    "strip_enclitics",
    "proclitic_candidates",
    "word_shape",
    "length_bucket",
    "triggers",
    "trigger_categories",
    "token_features",
    "Gazetteer",
    "gazetteer_key",
    "gazetteer_features",
    "sentence_features",
]

FEATURES_VERSION = "3"

# Proclitic sequences in the normalised (alef-folded) form, longest first so that the
# greedy strip takes "وبال" before "و".  Conjunction + preposition + article combinations.
PROCLITICS: tuple[str, ...] = tuple(sorted(
    ("وبال", "وكال", "وفال", "فبال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال",
     "وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك"),
    key=lambda p: (-len(p), p),
))
# Possessive / object pronoun suffixes (on the alef-folded form, before teh marbuta folding,
# so that "ه" the pronoun is not confused with "ة" the feminine ending).
ENCLITICS: tuple[str, ...] = ("هما", "كما", "هم", "هن", "كم", "كن", "نا", "ها", "ه", "ك")

_MIN_STEM = 3  # never strip an affix if fewer letters than this would remain

_DIGITS_RE = re.compile(r"^[0-9٠-٩۰-۹]+$")
_NUMBER_RE = re.compile(r"^[0-9٠-٩۰-۹]+([.,٫٬/-][0-9٠-٩۰-۹]+)*%?$")
_LATIN_RE = re.compile(r"^[A-Za-z][A-Za-z.'-]*$")
_ARABIC_RE = re.compile(r"^[\u0621-\u064A\u0660-\u0669\u0671-\u06D3\u064B-\u065F\u0670\u0640]+$")
_HAS_ARABIC_RE = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")
_HAS_DIGIT_RE = re.compile(r"[0-9٠-٩۰-۹]")
_PUNCT_RE = re.compile(r"^[^\w]+$")


def _base(token: str) -> str:
    """Diacritics and tatweel removed, alef folded; teh marbuta kept (needed for enclitic stripping)."""
    return normalize_alef(strip_tatweel(dediac(token)))


def strip_proclitics(word: str) -> tuple[str, str]:
    """Greedy longest proclitic strip of an already normalised word: ``'والعراق' -> ('وال', 'عراق')``.

    Returns ``(proclitic, rest)``; ``('', word)`` when nothing can be stripped leaving
    at least three letters.  Ambiguous by nature (``'وزير'`` -> ``('و', 'زير')``): the
    tagger always sees the whole word beside it.
    """
    for p in PROCLITICS:
        if word.startswith(p) and len(word) - len(p) >= _MIN_STEM:
            return p, word[len(p):]
    return "", word


def strip_enclitics(word: str) -> tuple[str, str]:
    """Strip one pronoun suffix of a word not yet teh-marbuta-folded: ``'حكومتها' -> ('حكومت', 'ها')``."""
    for s in ENCLITICS:
        if word.endswith(s) and len(word) - len(s) >= _MIN_STEM:
            return word[: -len(s)], s
    return word, ""


@lru_cache(maxsize=65536)
def proclitic_candidates(word: str) -> tuple[str, ...]:
    """``word`` and every form left after stripping a listed proclitic (for list look-ups)."""
    out = [word]
    for p in PROCLITICS:
        if word.startswith(p) and len(word) - len(p) >= 2:
            out.append(word[len(p):])
    return tuple(out)


def word_shape(token: str) -> str:
    """Coarse shape class: punct, digits, number, latin, arabic, arabic+digit, mixed."""
    if _PUNCT_RE.match(token):
        return "punct"
    if _DIGITS_RE.match(token):
        return "digits"
    if _NUMBER_RE.match(token):
        return "number"
    if _LATIN_RE.match(token):
        return "latin"
    if _ARABIC_RE.match(token):
        return "arabic"
    if _HAS_ARABIC_RE.search(token) and _HAS_DIGIT_RE.search(token):
        return "arabic+digit"
    return "mixed"


def length_bucket(word: str) -> str:
    """Length of the normalised word in buckets: 1 2 3 4 5 6-7 8+."""
    n = len(word)
    if n <= 5:
        return str(n)
    return "6-7" if n <= 7 else "8+"


@cache
def triggers() -> dict[str, tuple[str, ...]]:
    """Normalised trigger word (and its form without the article) -> sorted categories."""
    found: dict[str, set[str]] = {}
    for row in load_csv("ner_triggers.csv", required=("word", "category", "gloss_en"), key=("word", "category")):
        found.setdefault(normalize(row["word"]), set()).add(row["category"])
    return {w: tuple(sorted(c)) for w, c in sorted(found.items())}


def trigger_categories(norm_word: str) -> tuple[str, ...]:
    """Trigger categories of a normalised word, looking through proclitics: ``'والوزير' -> ('title',)``."""
    table = triggers()
    cats: set[str] = set()
    for cand in proclitic_candidates(norm_word):
        cats.update(table.get(cand, ()))
    return tuple(sorted(cats))


@lru_cache(maxsize=65536)
def _token_own(token: str) -> dict[str, object]:
    """Features of a token on its own (no context), computed once per distinct token (cached; read-only).

    Besides the forms, ``self`` holds the token's own feature strings and ``nb`` (offset -> strings) the ones it
    gives a neighbour at that offset: built once per distinct token, not once per occurrence.
    """
    norm = normalize(token).lower()
    base = _base(token)
    pro, rest = strip_proclitics(norm)
    stem_base, enc = strip_enclitics(_base(token)[len(pro):] if pro and base.startswith(pro) else base)
    stem = normalize(stem_base).lower()
    shape = word_shape(token)
    trig = trigger_categories(norm)
    f = [
        "bias",
        f"w={norm}",
        f"raw={token}",
        f"rest={rest}",
        f"stem={stem}",
        f"pro={pro}",
        f"enc={enc}",
        f"shape={shape}",
        f"len={length_bucket(norm)}",
    ]
    for k in (1, 2, 3, 4):
        if len(rest) > k:
            f.append(f"p{k}={rest[:k]}")
            f.append(f"s{k}={rest[-k:]}")
    if len(norm) > 2:
        f.append(f"ws2={norm[-2:]}")
    if shape in ("arabic", "latin") and len(rest) >= 3:
        padded = f"^{rest}$"
        f.extend(f"c3={padded[k:k + 3]}" for k in range(len(padded) - 2))
    for c in trig:
        f.append(f"trig={c}")
    nb: dict[int, tuple[str, ...]] = {}
    for d in (-2, -1, 1, 2):
        g = [f"w{d:+d}={norm}", f"rest{d:+d}={rest}"]
        if abs(d) == 1:
            g.append(f"shape{d:+d}={shape}")
            g.append(f"pro{d:+d}={pro}")
        g.extend(f"trig{d:+d}={c}" for c in trig)
        nb[d] = tuple(g)
    return {
        "raw": token,
        "norm": norm,
        "pro": pro,
        "rest": rest,
        "stem": stem,
        "enc": enc,
        "shape": shape,
        "trig": trig,
        "self": tuple(f),
        "nb": nb,
    }


def token_features(own: Sequence[dict[str, object]], i: int) -> list[str]:
    """Feature strings of token ``i`` given the per-token records of its sentence."""
    t = own[i]
    norm = t["norm"]
    n = len(own)
    f = list(t["self"])  # type: ignore[call-overload]
    for d in (-2, -1, 1, 2):
        j = i + d
        if 0 <= j < n:
            f.extend(own[j]["nb"][d])  # type: ignore[index]
        elif abs(d) == 1:
            f.append("BOS" if d < 0 else "EOS")
    if i > 0:
        f.append(f"w-1|w={own[i - 1]['norm']}|{norm}")
    if i + 1 < n:
        f.append(f"w|w+1={norm}|{own[i + 1]['norm']}")
    return f


class Gazetteer(NamedTuple):
    """Known names: normalised (space-joined) form -> sorted list tags such as ``'GPERSON'`` or ``'Lcity'``."""

    names: Mapping[str, tuple[str, ...]]
    max_words: int


def gazetteer_key(name: str) -> str:
    """The form names are listed and looked up by: normalised, lower-cased, single spaces."""
    return " ".join(normalize(name).lower().split())


@lru_cache(maxsize=65536)
def _name_candidates(word: str) -> tuple[str, ...]:
    """Proclitic candidates, plus the article restored after ``لل`` (``'للامم' -> 'الامم'``)."""
    cands = proclitic_candidates(word)
    for p in ("ولل", "فلل", "لل"):
        if word.startswith(p) and len(word) > len(p) + 1:
            return (*cands, "ال" + word[len(p):])
    return cands


_FIRST_WORDS: dict[int, tuple[Mapping[str, tuple[str, ...]], dict[str, int]]] = {}


def _first_words(gazetteer: Gazetteer) -> dict[str, int]:
    """First word of the listed names -> the most words a name starting with it has (computed once per gazetteer):
    most tokens start no name, and most that do start only short ones."""
    key = id(gazetteer.names)
    hit = _FIRST_WORDS.get(key)
    if hit is None or hit[0] is not gazetteer.names:
        longest: dict[str, int] = {}
        for name in gazetteer.names:
            words = name.split(" ")
            if len(words) > longest.get(words[0], 0):
                longest[words[0]] = len(words)
        hit = (gazetteer.names, longest)
        _FIRST_WORDS[key] = hit
    return hit[1]


def gazetteer_features(norms: Sequence[str], gazetteer: Gazetteer) -> list[list[str]]:
    """Longest-match list membership per token, the first word looked up through proclitics.

    A match of list tag ``T`` over tokens ``i..j`` gives ``gB=T`` to token ``i`` (and ``g1=T`` when it
    is one word) and ``gI=T`` to the others; matches do not overlap (left to right, longest first).
    """
    n = len(norms)
    out: list[list[str]] = [[] for _ in range(n)]
    names = gazetteer.names
    firsts = _first_words(gazetteer)
    i = 0
    while i < n:
        step = 1
        cands = [c for c in _name_candidates(norms[i]) if c in firsts]
        if not cands:
            i += 1
            continue
        for length in range(min(max(firsts[c] for c in cands), n - i), 0, -1):
            tail = norms[i + 1:i + length]
            hit: set[str] = set()
            for first in cands:
                if firsts[first] >= length:
                    hit.update(names.get(" ".join((first, *tail)), ()))
            if hit:
                for tag in sorted(hit):
                    out[i].append(f"gB={tag}")
                    if length == 1:
                        out[i].append(f"g1={tag}")
                    for j in range(i + 1, i + length):
                        out[j].append(f"gI={tag}")
                step = length
                break
        i += step
    return out


_NO_CLUSTER = ("k-", "f-")


def _cluster_ids(own: Sequence[dict[str, object]], clusters: Mapping[str, tuple[str, str]]) -> list[tuple[str, str]]:
    """``(coarse, fine)`` cluster of each token: its normalised form's, else its clitic-stripped form's."""
    out = []
    for o in own:
        hit = clusters.get(o["norm"]) or clusters.get(o["rest"])  # type: ignore[call-overload]
        out.append(hit or _NO_CLUSTER)
    return out


def sentence_features(tokens: Sequence[str], *, gazetteer: Gazetteer | None = None,
                      clusters: Mapping[str, tuple[str, str]] | None = None) -> list[list[str]]:
    """Feature strings for every token of one sentence (``tokens`` as the tokenizer gives them).

    With a ``gazetteer``, each token also gets its own and its neighbours' list-membership features
    (and, in a sentence with a sports word such as مباراة or الدوري, those features again marked
    ``sp|``: a club is named like its city).  With ``clusters`` (word -> coarse and fine id, see
    :mod:`analysis.ner.clusters`), each token gets its own and its neighbours' cluster ids.
    """
    own = [_token_own(tok) for tok in tokens]
    feats = [token_features(own, i) for i in range(len(own))]
    n = len(own)
    sport = any("sport" in o["trig"] for o in own)  # type: ignore[operator]
    if sport:
        for f in feats:
            f.append("sport")
    if gazetteer is not None and own:
        gz = gazetteer_features([str(o["norm"]) for o in own], gazetteer)
        for i, f in enumerate(feats):
            f.extend(gz[i])
            if sport:
                f.extend(f"sp|{x}" for x in gz[i])
            for d in (-1, 1):
                j = i + d
                if 0 <= j < n:
                    f.extend(x.replace("=", f"{d:+d}=", 1) for x in gz[j])
    if clusters is not None and own:
        ids = _cluster_ids(own, clusters)
        for i, f in enumerate(feats):
            k, c = ids[i]
            f.append(f"ck={k}")
            f.append(f"cf={c}")
            for d in (-2, -1, 1, 2):
                j = i + d
                if 0 <= j < n:
                    f.append(f"ck{d:+d}={ids[j][0]}")
                    if abs(d) == 1:
                        f.append(f"cf{d:+d}={ids[j][1]}")
            if i + 1 < n:
                f.append(f"cf|cf+1={c}|{ids[i + 1][1]}")
    return feats
