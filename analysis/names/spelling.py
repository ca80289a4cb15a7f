"""Arabic names in their conventional English spelling: ``romanize("ماكرون") == "Macron"``.

Offline and deterministic, in two steps:

1. **A lexicon of known names** (``analysis/models/romanize_lexicon.tsv``: an Arabic name token and its most
   common English spelling, derived from the Wikidata name tokens (CC0) and Google's ar2en pairs (Apache-2.0) by
   ``python -m analysis.names.train``) plus the particles of Arabic names as reviewed data
   (``analysis/data/name_particles.csv``: بن -> bin, أبو -> Abu, عبد + name -> Abdul Name, ال -> al-).
2. **A joint-sequence model for names nobody listed** (``analysis/models/romanize_model.tsv``): every Arabic
   letter is aligned with the English letters it stands for (``"م|m و|o غ|gh ي|e ر|r ي|i ن|n ي|i"``, learnt by
   EM), an n-gram model over those letter pairs scores spellings, and a beam search picks the best one.  Its card
   (``romanize_model.json``) records the training data and the held-out scores.

Input is normalised for matching only (diacritics, tatweel and alef forms folded); the result is title-cased per
word.  A token with no Arabic letters is returned as written.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from analysis.lexicon import load_csv

__all__ = ["romanize", "romanize_token", "normalize_name", "RomanizeModel", "load_model"]

_DIACRITICS_RE = re.compile("[\u064B-\u065F\u0670\u0640]")  # harakat, superscript alef, tatweel
_ALEF_RE = re.compile("[\u0622\u0623\u0625\u0671]")
_ARABIC_RE = re.compile("[\u0621-\u064A]")
_WORD_RE = re.compile(r"\S+")
BOS = "<s>"
BEAM = 12


def normalize_name(token: str) -> str:
    """The matching form of an Arabic name token: no diacritics or tatweel, أ/إ/آ/ٱ -> ا (ة, ى, ء kept)."""
    return _ALEF_RE.sub("\u0627", _DIACRITICS_RE.sub("", token)).strip()


@dataclass(frozen=True)
class RomanizeModel:
    """A joint n-gram model over (Arabic letter, English letters) units."""

    order: int
    chunks: dict[str, tuple[str, ...]]  # Arabic letter -> English chunks seen with it (most frequent first)
    logp: dict[tuple[str, ...], float]  # n-gram of units -> log10 probability
    backoff: dict[tuple[str, ...], float]  # context -> log10 back-off weight

    def score(self, context: tuple[str, ...], unit: str) -> float:
        """log10 P(unit | context) with back-off to shorter contexts."""
        bo = 0.0
        ctx = context
        while True:
            p = self.logp.get((*ctx, unit))
            if p is not None:
                return bo + p
            if not ctx:
                return bo - 7.0  # unseen unit
            bo += self.backoff.get(ctx, 0.0)
            ctx = ctx[1:]

    def decode(self, letters: str) -> str:
        """The best English spelling of a normalised Arabic token (lower case)."""
        beams: list[tuple[float, tuple[str, ...], str]] = [(0.0, (BOS,), "")]
        for ch in letters:
            options = self.chunks.get(ch)
            if not options:
                beams = [(s, hist, out) for s, hist, out in beams]  # unknown letter: dropped
                continue
            grown: dict[tuple[tuple[str, ...], str], float] = {}
            for s, hist, out in beams:
                ctx = hist[-(self.order - 1):]
                for chunk in options:
                    unit = f"{ch}|{chunk}"
                    new = s + self.score(ctx, unit)
                    key = ((*ctx, unit)[-(self.order - 1):], out + chunk)
                    if new > grown.get(key, -math.inf):
                        grown[key] = new
            ranked = sorted(grown.items(), key=lambda kv: (-kv[1], kv[0][1]))[:BEAM]
            beams = [(s, hist, out) for (hist, out), s in ranked]
        final = [(s + self.score(hist[-(self.order - 1):], "</s>"), out) for s, hist, out in beams]
        return min(final, key=lambda x: (-x[0], x[1]))[1] if final else ""


def _model_file(name: str):
    return resources.files("analysis").joinpath("models", name)


@cache
def load_model() -> RomanizeModel:
    """The shipped model (``analysis/models/romanize_model.tsv``), loaded once."""
    order = 0
    chunks: dict[str, list[str]] = {}
    logp: dict[tuple[str, ...], float] = {}
    backoff: dict[tuple[str, ...], float] = {}
    with _model_file("romanize_model.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            kind, rest = line.rstrip("\n").split("\t", 1)
            if kind == "order":
                order = int(rest)
            elif kind == "chunk":
                ch, chunk = rest.split("\t")
                chunks.setdefault(ch, []).append(chunk)
            elif kind == "ngram":
                gram, p, bo = rest.split("\t")
                key = tuple(gram.split(" "))
                logp[key] = float(p)
                if bo:
                    backoff[key] = float(bo)
    if not order or not logp:
        raise ValueError("analysis/models/romanize_model.tsv: no model in the file")
    return RomanizeModel(order, {k: tuple(v) for k, v in chunks.items()}, logp, backoff)


@cache
def _lexicon() -> dict[str, str]:
    out: dict[str, str] = {}
    with _model_file("romanize_lexicon.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            ar, en = line.rstrip("\n").split("\t")[:2]
            out[ar] = en
    return out


@cache
def _particles() -> dict[str, dict[str, str]]:
    """``name_particles.csv``: by kind (``word``: a particle on its own; ``joins_next``: written with the next
    name, عبد الرحمن -> Abdul Rahman; ``article``: the definite article prefix) -> Arabic -> English."""
    out: dict[str, dict[str, str]] = {}
    for r in load_csv("name_particles.csv", required=("ar", "en", "kind", "gloss"), key=("ar", "kind")):
        out.setdefault(r["kind"], {})[normalize_name(r["ar"])] = r["en"]
    return out


def _title(word: str) -> str:
    return "-".join(p[:1].upper() + p[1:] for p in word.split("-"))


def romanize_token(token: str, *, use_lexicon: bool = True) -> str:
    """One name token in English (lower case as the sources spell it, before title-casing)."""
    norm = normalize_name(token)
    if not _ARABIC_RE.search(norm):
        return token
    if use_lexicon:
        hit = _lexicon().get(norm)
        if hit:
            return hit
    return load_model().decode(norm)


def romanize(arabic: str, *, use_lexicon: bool = True) -> str:
    """The conventional English spelling of an Arabic name (``ماكرون`` -> ``Macron``, ``عبد الرحمن`` ->
    ``Abdul Rahman``, ``أبو بكر البغدادي`` -> ``Abu Bakr al-Baghdadi``).

    Known names come from the lexicon, the particles of Arabic names from ``name_particles.csv``, anything else
    from the model.  ``use_lexicon=False`` uses the model alone (to measure it on unseen names).
    """
    particles = _particles()
    words = _WORD_RE.findall(arabic)
    out: list[str] = []
    i = 0
    while i < len(words):
        w = normalize_name(words[i])
        if w in particles.get("joins_next", {}) and i + 1 < len(words):
            nxt = normalize_name(words[i + 1])
            for art in particles.get("article", {}):
                if nxt.startswith(art) and len(nxt) > len(art) + 1:
                    nxt = nxt[len(art):]
                    break
            out.append(f"{_title(particles['joins_next'][w])} {_title(romanize_token(nxt, use_lexicon=use_lexicon))}")
            i += 2
            continue
        if w in particles.get("word", {}):
            out.append(particles["word"][w] if out else _title(particles["word"][w]))
            i += 1
            continue
        if use_lexicon and w in _lexicon():
            out.append(_title(_lexicon()[w]))
            i += 1
            continue
        for art, en in particles.get("article", {}).items():
            if w.startswith(art) and len(w) > len(art) + 1:
                rest = _title(romanize_token(w[len(art):], use_lexicon=use_lexicon))
                out.append(f"{en}{rest}" if out else _title(en) + rest)
                break
        else:
            out.append(_title(romanize_token(w, use_lexicon=use_lexicon)))
        i += 1
    return " ".join(out)
