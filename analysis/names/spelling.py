"""Arabic names in their conventional English spelling: ``romanize("ماكرون") == "Macron"``.

Offline and deterministic, in two steps:

1. **A lexicon of known names** (``analysis/models/romanize_lexicon.tsv``: an Arabic name token and its most
   common English spelling, derived from the Wikidata name tokens (CC0) and Google's ar2en pairs (Apache-2.0) by
   ``python -m analysis.names.train``) plus the particles of Arabic names as reviewed data
   (``analysis/data/name_particles.csv``: بن -> bin, أبو -> Abu, عبد + name -> Abdul Name, ال -> al-).
2. **A joint-sequence model for names nobody listed** (``analysis/models/romanize_model.tsv``): every Arabic
   letter is aligned with the English letters it stands for (``"م|m و|o غ|gh ي|e ر|r ي|i ن|n ي|i"``, learnt by
   EM), an n-gram model over those letter pairs (Kneser-Ney smoothed) scores spellings, and a beam search picks
   the best one.  Its card (``romanize_model.json``) records the training data, the held-out scores and the size
   and SHA-256 of both files, checked when they are loaded (:class:`RomanizeModelError` if they differ).

Input is normalised for matching only (diacritics, tatweel and alef forms folded); the result is title-cased per
word.  A token with no Arabic letters is returned as written.
"""
from __future__ import annotations

import hashlib
import heapq
import json
import math
import re
from collections.abc import Mapping
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from analysis.lexicon import LexiconError, load_csv

__all__ = ["romanize", "spell", "romanize_token", "normalize_name", "RomanizeModel", "RomanizeModelError",
           "load_model", "CARD_FILENAME", "MODEL_FILENAME", "LEXICON_FILENAME"]

_DIACRITICS_RE = re.compile("[\u064B-\u065F\u0670\u0640]")  # harakat, superscript alef, tatweel
_ALEF_RE = re.compile("[\u0622\u0623\u0625\u0671]")
_ARABIC_RE = re.compile("[\u0621-\u064A]")
_WORD_RE = re.compile(r"\S+")
# إلهام, ألفت: an alef with hamza before ل is the name's own first letter, never the article (written ال)
_HAMZA_L_RE = re.compile("[\u0623\u0625]\u0644")
BOS = "<s>"
EOS = "</s>"
BEAM = 12  # tune part (python -m analysis.names.train --tune): exact .245 with 4, .253 with 8, .256 with 12
PRUNE = 3.0  # log10: a hypothesis this far below the best is dropped
MEMO = 150_000  # decoder tables kept (about 0.5 KB each with their parts) before all are dropped and rebuilt
UNSEEN = -7.0  # log10 probability of a unit the model never saw
MODEL_FILENAME = "romanize_model.tsv"
LEXICON_FILENAME = "romanize_lexicon.tsv"
CARD_FILENAME = "romanize_model.json"
_END = "\n"  # the end of a name in the decoder's tables (not an Arabic letter)
_RETRAIN = "python -m analysis.names.train"


class RomanizeModelError(ValueError):
    """A romanisation model or lexicon file is missing, corrupt or does not match its card."""


def normalize_name(token: str) -> str:
    """The matching form of an Arabic name token: no diacritics or tatweel, أ/إ/آ/ٱ -> ا (ة, ى, ء kept)."""
    return _ALEF_RE.sub("\u0627", _DIACRITICS_RE.sub("", token)).strip()


class RomanizeModel:
    """A joint n-gram model over (Arabic letter, English letters) units.

    Each unit (``م|m``) is coded as one character, so an n-gram is a short string and a context its suffix.  The
    decoder works letter by letter on memoised tables: for a context and the next Arabic letter, the scores of
    every way to spell it (:meth:`_steps`), built from the same table of the context one unit shorter (a back-off
    chain is shared by every context that ends the same way) -- new names cost a few dict look-ups per spelling,
    names whose contexts were seen before cost none.  Hypotheses too far below the best are skipped before they
    are stored (the steps are sorted by score, so the rest of a context's steps are too); the output is the
    one the plain back-off arithmetic gives.
    """

    def __init__(self, order: int, chunks: dict[str, tuple[str, ...]], logp: dict[tuple[str, ...], float],
                 backoff: dict[tuple[str, ...], float]) -> None:
        self.order = order
        self.chunks = chunks  # Arabic letter -> English chunks seen with it (most frequent first)
        units = sorted({u for g in logp for u in g} | {f"{ch}|{c}" for ch, cs in chunks.items() for c in cs}
                       | {BOS, EOS})
        self._code = {u: chr(0xE000 + i) if i < 6400 else chr(0xF0000 + i) for i, u in enumerate(units)}
        code = self._code
        self._logp = {"".join(code[u] for u in g): p for g, p in logp.items()}
        self._backoff = {"".join(code[u] for u in g): b for g, b in backoff.items()}
        self._options = {ch: tuple((c, code[f"{ch}|{c}"]) for c in cs) for ch, cs in chunks.items()}
        self._bos, self._eos = code[BOS], code[EOS]
        self._units = {ch: tuple(u for _, u in opts) for ch, opts in self._options.items()}
        self._units[_END] = (self._eos,)  # the end of the name, scored like a letter with one spelling
        # contexts some n-gram continues (and the empty one), each mapped to itself: one string per state
        self._contexts = {g[:-1]: g[:-1] for g in self._logp}
        self._contexts[""] = ""
        letter = {code[u]: u.split("|", 1)[0] for u in units if "|" in u}
        letter[self._eos] = _END
        # context + the letter some stored n-gram spells after it (the tables of other contexts are their suffix's)
        self._continues = frozenset(g[:-1] + letter[g[-1]] for g in self._logp if g[-1] in letter)
        self.n_ngrams = len(logp)
        self._memo: dict[str, float] = {}
        self._found: dict[str, tuple[tuple[int, float], ...]] = {}
        self._chain: dict[str, tuple[float, ...]] = {}
        self._steps_memo: dict[str, tuple[tuple, ...]] = {}

    def _score(self, ctx: str, unit: str) -> float:
        """log10 P(unit | ctx) with back-off to shorter contexts (ctx: coded units, at most order-1), memoised."""
        key = ctx + unit
        hit = self._memo.get(key)
        if hit is not None:
            return hit
        bo = 0.0
        logp, backoff = self._logp, self._backoff
        while True:
            p = logp.get(ctx + unit)
            if p is not None:
                bo += p
                break
            if not ctx:
                bo += UNSEEN
                break
            bo += backoff.get(ctx, 0.0)
            ctx = ctx[1:]
        self._memo[key] = bo
        return bo

    def score(self, context: tuple[str, ...], unit: str) -> float:
        """log10 P(unit | context) for units written out (``("<s>", "م|m")``, ``"ا|a"``)."""
        code = self._code
        return self._score("".join(code.get(u, "") for u in context), code.get(unit, "\uffff"))

    def _hits(self, ctx: str, ch: str) -> tuple[tuple[int, float], ...]:
        """For each spelling of letter ``ch`` (or ``_END``) after ``ctx``: (the length of the suffix of ``ctx``
        whose n-gram is stored, its log10 probability), built on the table of ``ctx[1:]`` and memoised -- a
        context that no n-gram continues with ``ch`` shares its suffix's table."""
        key = ctx + ch
        hit = self._found.get(key)
        if hit is None:
            if not ctx:
                hit = tuple((0, p) if (p := self._logp.get(u)) is not None else (0, UNSEEN) for u in self._units[ch])
            elif key not in self._continues:
                hit = self._hits(ctx[1:], ch)
            else:
                logp, n = self._logp, len(ctx)
                hit = tuple((n, p) if (p := logp.get(ctx + u)) is not None else low
                            for u, low in zip(self._units[ch], self._hits(ctx[1:], ch)))
            self._found[key] = hit
        return hit

    def _weights(self, ctx: str) -> tuple[float, ...]:
        """The back-off weights of ``ctx`` and its suffixes summed left to right (entry k: the first k of them),
        in the order :meth:`_score` adds them, so that the sums are the same floats."""
        hit = self._chain.get(ctx)
        if hit is None:
            backoff = self._backoff
            acc, out = 0.0, [0.0]
            for j in range(len(ctx)):
                acc += backoff.get(ctx[j:], 0.0)
                out.append(acc)
            hit = self._chain[ctx] = tuple(out)
        return hit

    def _scores(self, ctx: str, ch: str) -> list[float]:
        """log10 P(unit | ctx) for each spelling of ``ch`` (what :meth:`_score` gives, without its loop)."""
        w, n = self._weights(ctx), len(ctx)
        return [w[n - m] + p for m, p in self._hits(ctx, ch)]

    def _steps(self, hist: str, ch: str, keep: int) -> tuple[tuple, ...]:
        """Every way to spell letter ``ch`` after context ``hist`` that can reach a beam, as three tuples: log10
        scores, chunks, next contexts; best first (a stable sort: equal scores keep the chunks' order), memoised per (context,
        letter) -- contexts repeat across names, so decoding soon only looks these up.  A step more than
        ``PRUNE`` below the best step of its context is left out: whatever precedes it, it ends below the beam's
        floor."""
        key = hist + ch
        hit = self._steps_memo.get(key)
        if hit is None:
            if len(self._steps_memo) >= MEMO:  # a bound on memory in long runs (the tables are rebuilt as needed)
                for memo in (self._steps_memo, self._found, self._chain, self._memo):
                    memo.clear()
            contexts = self._contexts
            steps = []
            for (chunk, unit), sc in zip(self._options[ch], self._scores(hist, ch)):
                nxt = (hist + unit)[-keep:]
                # the next context: the longest suffix some n-gram continues (the rest cannot change a score, its
                # back-off weight is 1), so hypotheses that differ only there are one state -- a wider beam
                while (state := contexts.get(nxt)) is None:
                    nxt = nxt[1:]
                steps.append((sc, chunk, state))  # the model's own string: states are not copied per step
            steps.sort(key=lambda st: -st[0])
            low = steps[0][0] - PRUNE - 1e-6  # the margin: float rounding never drops a step that could count
            kept = [st for st in steps if st[0] >= low]
            hit = self._steps_memo[key] = tuple(zip(*kept))  # (scores, chunks, states): compact
        return hit

    def nbest(self, letters: str, n: int = BEAM, *, beam: int = BEAM) -> list[tuple[float, str]]:
        """Up to ``n`` spellings of a normalised Arabic token with their log10 scores, best first; hypotheses
        that reach the same spelling by different alignments are summed.  ``beam``: contexts kept per letter."""
        keep = self.order - 1
        options, steps_of, memo = self._options, self._steps, self._steps_memo
        beams: dict[str, tuple[float, str]] = {self._bos: (0.0, "")}  # context -> (score, spelling)
        for ch in letters:
            if ch not in options:
                continue  # a letter the model never saw: dropped
            grown: dict[str, tuple[float, str, str]] = {}  # next context -> its best (score, spelling, chunk)
            best = -math.inf
            for hist, (s, out) in beams.items():
                cut = best - PRUNE  # a hypothesis below this is below the final floor (best only grows)
                for sc, chunk, nxt in zip(*(memo.get(hist + ch) or steps_of(hist, ch, keep))):
                    new = s + sc
                    if new < cut:
                        break  # the steps are sorted: the rest are lower still
                    old = grown.get(nxt)
                    if old is None or new > old[0]:
                        grown[nxt] = (new, out, chunk)
                        if new > best:
                            best = new
                            cut = best - PRUNE
            if not grown:
                beams = {}
                break
            ranked = heapq.nsmallest(beam, [(-sc, out + chunk, nxt) for nxt, (sc, out, chunk) in grown.items()])
            floor = -ranked[0][0] - PRUNE
            beams = {nxt: (-neg, out) for neg, out, nxt in ranked if -neg >= floor}
        final = [(s + self._scores(hist, _END)[0], out) for hist, (s, out) in beams.items()]
        if not final:
            return []
        top = max(s for s, _ in final)
        total: dict[str, float] = {}
        for s, out in final:
            total[out] = total.get(out, 0.0) + 10 ** (s - top)
        ranked_out = sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
        return [(top + math.log10(p), out) for out, p in ranked_out]

    def decode(self, letters: str, *, beam: int = BEAM) -> str:
        """The best English spelling of a normalised Arabic token (lower case)."""
        best = self.nbest(letters, 1, beam=beam)
        return best[0][1] if best else ""


def _model_file(name: str):
    return resources.files("analysis").joinpath("models", name)


def _sibling(path, name: str):
    return path.parent / name if isinstance(path, Path) else _model_file(name)


def file_digest(data: bytes) -> dict[str, int | str]:
    """What the card records of a shipped file: ``{"bytes": ..., "sha256": ...}``."""
    return {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}


def _read_checked(path) -> str:
    """The text of a model file, after checking its size and SHA-256 against the card beside it."""
    card_path = _sibling(path, CARD_FILENAME)
    try:
        data = path.read_bytes()
        card = json.loads(card_path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise RomanizeModelError(f"romanize: {exc.filename} not found (retrain with `{_RETRAIN}`)") from None
    except json.JSONDecodeError as exc:
        raise RomanizeModelError(f"romanize: card {card_path} is not valid JSON: {exc}") from None
    want = card.get("files", {}).get(path.name) if isinstance(card, dict) else None
    if want != file_digest(data):
        raise RomanizeModelError(f"romanize: {path} does not match its card {card_path} (size {len(data)} bytes, "
                                 f"card expects {want}); retrain with `{_RETRAIN}`")
    return data.decode("utf-8")


@cache
def load_model(path: Path | None = None) -> RomanizeModel:
    """The shipped model (``analysis/models/romanize_model.tsv``; or the model file at ``path``, with its card
    beside it), loaded once and checked against the card's size and SHA-256."""
    order = 0
    chunks: dict[str, list[str]] = {}
    logp: dict[tuple[str, ...], float] = {}
    backoff: dict[tuple[str, ...], float] = {}
    source = path if path is not None else _model_file(MODEL_FILENAME)
    for line in _read_checked(source).splitlines():
        kind, rest = line.split("\t", 1)
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
        raise RomanizeModelError(f"{source}: no model in the file")
    return RomanizeModel(order, {k: tuple(v) for k, v in chunks.items()}, logp, backoff)


@cache
def _lexicon() -> dict[str, str]:
    """Normalised Arabic name word -> English spelling: the reviewed spellings first (:func:`name_spellings`, then
    the words of the reviewed gazetteer persons, :func:`reviewed_name_words`), then ``romanize_lexicon.tsv``."""
    out: dict[str, str] = {}
    for line in _read_checked(_model_file(LEXICON_FILENAME)).splitlines():
        if line.startswith("#"):
            continue
        ar, en = line.split("\t")[:2]
        out[ar] = en
    out.update(reviewed_name_words())
    out.update(name_spellings())
    return out


NAME_SPELLING_KINDS = ("given", "family", "foreign", "term", "given_al")
# term: a word of a named feast or event; given_al: a given name whose first letters ال are its own, not the article,
# as the press writes it without the hamza (الياس = إلياس, Elias): spelt whole, never al- + the rest


@cache
def name_spellings() -> dict[str, str]:
    """``analysis/data/name_spellings.csv``: the conventional English spelling of frequent name words that the
    data lexicon lacks or spells unconventionally (``سامح`` -> Sameh, not the model's *Samh*; ``جوزيه`` -> Jose,
    not *Josiah*; family names without the article: ``قحطاني`` -> Qahtani, so ``القحطاني`` -> al-Qahtani).
    Reviewed by hand, picked by frequency among the person names of the unlabeled SaudiNewsNet corpus; they come
    before every other source."""
    out: dict[str, str] = {}
    for n, r in enumerate(load_csv("name_spellings.csv", required=("ar", "en", "kind", "gloss"), key=("ar",)),
                          start=2):
        if r["kind"] not in NAME_SPELLING_KINDS:
            raise LexiconError(f"analysis/data/name_spellings.csv, line {n}: kind must be one of "
                               f"{', '.join(NAME_SPELLING_KINDS)}, not {r['kind']!r}")
        if (not _ARABIC_RE.search(r["ar"]) or _ARABIC_RE.search(r["en"])
                or r["ar"].startswith("ال") != (r["kind"] == "given_al")):
            raise LexiconError(f"analysis/data/name_spellings.csv, line {n}: an Arabic name word without the "
                               f"article (kind given_al: one that starts with ال of its own) and its English "
                               f"spelling, not {r['ar']!r} / {r['en']!r}")
        out[normalize_name(r["ar"])] = r["en"]
    return out


@cache
def _own_al_names() -> frozenset[str]:
    """Normalised given names whose ال is their own letters (name_spellings.csv kind ``given_al``)."""
    return frozenset(normalize_name(r["ar"]) for r in load_csv("name_spellings.csv", required=("ar", "en", "kind"),
                                                                key=("ar",)) if r["kind"] == "given_al")


@cache
def reviewed_name_words() -> dict[str, str]:
    """The words of the persons in ``analysis/data/gazetteer.csv`` whose Arabic and English names have as many
    words (``نوري المالكي`` / ``Nouri al-Maliki``: نوري -> Nouri, مالكي -> Maliki, the article stripped on both
    sides); the first spelling of a word wins.  Reviewed spellings, so they come before the data lexicon."""
    from analysis.lexicon.gazetteer import gazetteer  # the gazetteer imports the text layer: loaded on first use

    particles = _particles()
    joins, skip = particles.get("joins_next", {}), set(particles.get("word", {}))
    out: dict[str, str] = {}
    for e in gazetteer():
        if e.type != "PERSON":
            continue
        ar: list[str] = []
        for w in (normalize_name(x) for x in e.name_ar.split()):
            if ar and ar[-1] in joins:  # عبد + name is one English word (Abdul-Mahdi, Abdullah)
                ar[-1] = f"{ar[-1]} {w}"
            else:
                ar.append(w)
        en = e.name_en.split()
        if len(ar) != len(en):
            continue
        for a, w in zip(ar, en):
            if a in skip or " " in a or not _ARABIC_RE.search(a) or not w.replace("-", "").replace("'", "").isalpha():
                continue
            if a.startswith("ال") and w.lower().startswith("al-") and len(a) > 3:
                a, w = a[2:], w[3:]
            elif a.startswith("ال"):
                continue  # an article the English does not write: not a word-for-word pair
            out.setdefault(a, w)
    return out


PARTICLE_KINDS = ("word", "joins_next", "article")


@cache
def _particles(country: str | None = None) -> dict[str, dict[str, str]]:
    """``name_particles.csv``: by kind (``word``: a particle on its own; ``joins_next``: written with the next
    name, عبد الرحمن -> Abdul Rahman; ``article``: the definite article prefix) -> Arabic -> English.  With the
    outlet's ``country`` (ISO 3166 alpha-2), the press convention of its region from ``name_conventions.csv``
    replaces the default spelling of a particle (an Egyptian paper's عبد الرحمن is Abdel Rahman)."""
    out: dict[str, dict[str, str]] = {}
    for r in load_csv("name_particles.csv", required=("ar", "en", "kind", "gloss"), key=("ar", "kind")):
        out.setdefault(r["kind"], {})[normalize_name(r["ar"])] = r["en"]
    if country:
        for ar, kind, en in _conventions().get(country.upper(), ()):
            out.setdefault(kind, {})[ar] = en
    return out


@cache
def _conventions() -> dict[str, tuple[tuple[str, str, str], ...]]:
    """``name_conventions.csv``: country code -> (Arabic particle, kind, regional English spelling) rows."""
    default = {(normalize_name(r["ar"]), r["kind"])
               for r in load_csv("name_particles.csv", required=("ar", "en", "kind", "gloss"), key=("ar", "kind"))}
    out: dict[str, list[tuple[str, str, str]]] = {}
    for n, r in enumerate(load_csv("name_conventions.csv", required=("countries", "ar", "kind", "en", "gloss"),
                                   key=("countries", "ar", "kind")), start=2):
        ar, kind, codes = normalize_name(r["ar"]), r["kind"], r["countries"].split()
        known = (ar, kind) in default or (kind == "name" and _ARABIC_RE.search(ar) and not ar.startswith("ال"))
        if not known or not codes or any(len(c) != 2 or not c.isupper() for c in codes):
            raise LexiconError(f"analysis/data/name_conventions.csv, line {n}: a particle of name_particles.csv "
                               f"(ar + kind) or a name word (kind name, without the article) and space-separated "
                               f"ISO country codes, not {r['countries']!r} / {r['ar']!r} / {kind!r}")
        for c in codes:
            out.setdefault(c, []).append((ar, kind, r["en"]))
    return {c: tuple(rows) for c, rows in out.items()}


def _title(word: str) -> str:
    return "-".join(p[:1].upper() + p[1:] for p in word.split("-"))


def _token(norm: str, use_lexicon: bool, used: list[bool], names: Mapping[str, str] | None = None) -> str:
    """One normalised token (lower case as the sources spell it); ``used`` records a model spelling; ``names``:
    the outlet's regional spellings of name words (``name_conventions.csv`` kind ``name``), first."""
    if not _ARABIC_RE.search(norm):
        return norm
    if names and norm in names:
        return names[norm]
    if use_lexicon:
        hit = _lexicon().get(norm)
        if hit:
            return hit
    used.append(True)
    return _decode(norm)


def romanize_token(token: str, *, use_lexicon: bool = True) -> str:
    """One name token in English (lower case as the sources spell it, before title-casing)."""
    norm = normalize_name(token)
    if not _ARABIC_RE.search(norm):
        return token
    return _token(norm, use_lexicon, [])


@lru_cache(maxsize=65536)
def _decode(norm: str) -> str:
    """The model's spelling of one normalised token, memoised (names repeat across articles)."""
    return load_model().decode(norm)


def spell(arabic: str, *, use_lexicon: bool = True, country: str | None = None) -> tuple[str, str]:
    """``(english, source)``: :func:`romanize`'s spelling and where it came from -- ``lexicon`` when every word is
    a listed name or a particle, ``romanized`` when the model spelt at least one word.  ``country``: the outlet's
    country, whose press convention spells the particles (``name_conventions.csv``)."""
    particles = _particles(country.upper() if country else None)
    names = particles.get("name") if use_lexicon else None
    joins, word, article = particles.get("joins_next", {}), particles.get("word", {}), particles.get("article", {})
    pairs = [(w, x) for w, x in ((normalize_name(x), x) for x in _WORD_RE.findall(arabic)) if w]
    words = [w for w, _ in pairs]
    own_al = _own_al_names() if use_lexicon else frozenset()
    hamza_l = {i for i, (w, x) in enumerate(pairs) if _HAMZA_L_RE.match(_DIACRITICS_RE.sub("", x)) or w in own_al}
    used: list[bool] = []
    out: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        if i + 1 < len(words) and f"{w} {words[i + 1]}" in word:  # a two-word particle: عبد الله
            out.append(_title(word[f"{w} {words[i + 1]}"]))
            i += 2
            continue
        if w in joins and i + 1 < len(words):
            nxt = words[i + 1]
            for art in article:
                if nxt.startswith(art) and len(nxt) > len(art) + 1:
                    nxt = nxt[len(art):]
                    break
            out.append(f"{_title(joins[w])} {_title(_token(nxt, use_lexicon, used, names))}")
            i += 2
            continue
        i += 1
        if not _ARABIC_RE.search(w):
            out.append(w)
        elif w in word:
            out.append(word[w] if out else _title(word[w]))
        else:
            for art, en in article.items():
                # al- + the name (the sources' spellings of البغدادي often drop the article)
                if i - 1 not in hamza_l and w.startswith(art) and len(w) > len(art) + 1:
                    rest = _title(_token(w[len(art):], use_lexicon, used, names))
                    out.append(f"{en}{rest}" if out else _title(en) + rest)
                    break
            else:
                out.append(_title(_token(w, use_lexicon, used, names)))
    return " ".join(out), "romanized" if used else "lexicon"


def romanize(arabic: str, *, use_lexicon: bool = True, country: str | None = None) -> str:
    """The conventional English spelling of an Arabic name (``ماكرون`` -> ``Macron``, ``عبد الرحمن`` ->
    ``Abdul Rahman``, ``أبو بكر البغدادي`` -> ``Abu Bakr al-Baghdadi``).

    Known names come from the lexicon, the particles of Arabic names from ``name_particles.csv``, anything else
    from the model (:func:`spell` also says which).  ``use_lexicon=False`` uses the model alone (to measure it on
    unseen names).  ``country`` (the outlet's, ISO 3166 alpha-2) applies its region's press convention to the
    particles: ``romanize("عبد الرحمن", country="EG") == "Abdel Rahman"``, ``"بن علي"`` in a Tunisian paper is
    ``Ben Ali``.  Deterministic; each word's model spelling is memoised.
    """
    return spell(arabic, use_lexicon=use_lexicon, country=country)[0]
