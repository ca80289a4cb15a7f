"""Train the romanisation model and its lexicon from the English-Arabic name pairs in ``../shared/names``.

    python -m analysis.names.train [--names DIR] [--out analysis/models] [--anetac] [--tune]

Data (read each file's licence in ``../shared/names/PROVENANCE.md``): the **Wikidata name tokens** (CC0) and
**Google's ar2en train pairs** (Apache-2.0) train what ships: the lexicon and the model.  One Arabic form in
twenty of the Wikidata tokens (by a hash of the form) is held out for evaluation; the model is also trained
without any Arabic form of Google's eval pairs and ANETAC's dev part, whichever file holds it
(:func:`eval_forms`; the Google eval names are mostly in the Wikidata tokens too).  The lexicon keeps those
(:func:`build_lexicon`); the benchmark measures ``romanize`` on the forms the lexicon does not hold.  ANETAC
(no licence stated) is used to evaluate; ``--anetac`` also trains the model (not the lexicon) on its train part
-- a few points better on ANETAC's own dev part, not what ships.

Steps: (1) align each pair letter by letter with EM: every Arabic letter stands for 0-3 English letters, the
probabilities P(english letters | arabic letter) re-estimated by forward-backward over all pairs; pairs that
align badly (noise such as ``النمسا``/``austria``) are dropped; (2) count n-grams of the aligned units
(``م|m``) with interpolated modified Kneser-Ney smoothing, written in back-off form; (3) the lexicon: each
Arabic form's most frequent English spelling; (4) the card ``romanize_model.json``: data, settings, and the size
and SHA-256 of both files (checked when they are loaded; ``benchmarks/bench_romanize.py --write-card`` adds the
held-out scores).  Deterministic: same data, same files.

Settings are chosen with ``--tune``: the model is trained without a second hash part of the *training* forms
(:func:`tune_part`) and scored on it, so no evaluation name picks a setting.  Measured there (exact / CER):
Witten-Bell order 5, beam 4 .238 / .233; Kneser-Ney order 5, beam 4 .245 / .226, beam 8 .253 / .223, beam 12
.256 / .223 (the shipped setting); orders 4, 6, 7, lighter pruning, dropping 0-6 % of the pairs, re-aligning
with the n-gram model, a right-to-left model, combining models, or rescoring a 20-best list with an English
letter model and a bonus for known English spellings all stayed within +-0.5 point of that.  A neural letter model
(session 15, branch h15-rom: BiGRU encoder + attention decoder, 0.8 M parameters, torch-trained, numpy inference)
did worse alone on the tune part (.223-.228 exact vs the n-gram's .256) and, rescoring the n-gram's 20-best, at most
.265 / .211 with two networks (7.8 ms per new token): below the 3-point bar set for shipping it, so nothing changed.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from analysis.names.spelling import (
    BEAM,
    BOS,
    CARD_FILENAME,
    EOS,
    LEXICON_FILENAME,
    MODEL_FILENAME,
    RomanizeModel,
    file_digest,
    normalize_name,
)

ORDER = 5
MAX_CHUNK = 3
EM_ITERATIONS = 5
MIN_COUNT_HIGH = 2  # n-grams of order >= PRUNE_FROM seen fewer times are pruned
PRUNE_FROM = 3
ANETAC = False  # train the model on ANETAC's train part too (see the card)
DROP_WORST = 0.03  # share of the worst-aligned pairs dropped as noise
LEXICON_MIN = 1  # a Wikidata form needs this many occurrences of its spelling to enter the lexicon


def _en(word: str) -> str | None:
    s = unicodedata.normalize("NFKD", word.strip().lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s if s and all("a" <= c <= "z" for c in s) else None


def _ar(word: str) -> str | None:
    s = normalize_name(word.replace(" ", ""))
    return s if s and all("\u0621" <= c <= "\u064A" for c in s) else None


def heldout(ar: str) -> bool:
    """One Arabic form in twenty is held out of training (a fixed hash, so the split never changes)."""
    return hashlib.sha256(ar.encode("utf-8")).digest()[0] % 20 == 0


def tune_part(ar: str) -> bool:
    """Another one in twenty, of the *training* forms (``--tune``): where settings such as the smoothing, the
    order and the beam are chosen, so that no evaluation name picks them."""
    return hashlib.sha256(ar.encode("utf-8")).digest()[0] % 20 == 1


def edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def exact_cer(spell, refs: dict[str, set[str]]) -> tuple[float, float]:
    """(share of forms spelt as one of their references, mean character error rate to the nearest reference)."""
    exact, cer = 0, 0.0
    for a in sorted(refs):
        got = spell(a)
        exact += got in refs[a]
        cer += min(edit_distance(got, r) / len(r) for r in refs[a])
    return exact / len(refs), cer / len(refs)


def _read_tsv(path: Path, *, ar: int, en: int, count: int | None) -> list[tuple[str, str, int]]:
    """(arabic, english, count) of each well-formed line of a tab-separated pairs file (columns by index)."""
    width = max(ar, en, -1 if count is None else count) + 1
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) != width:
            continue
        a, e = _ar(parts[ar]), _en(parts[en])
        if a and e:
            out.append((a, e, int(parts[count]) if count is not None else 1))
    return out


def read_wikidata(path: Path) -> list[tuple[str, str, int]]:
    return _read_tsv(path, ar=1, en=0, count=2)


def read_google(path: Path) -> list[tuple[str, str, int]]:
    return _read_tsv(path, ar=0, en=1, count=None)


def read_anetac(names_dir: Path, part: str) -> list[tuple[str, str, int]]:
    ars = (names_dir / f"anetac_translit_{part}.ar").read_text(encoding="utf-8").splitlines()
    ens = (names_dir / f"anetac_translit_{part}.en").read_text(encoding="utf-8").splitlines()
    out = []
    for a, e in zip(ars, ens, strict=True):
        ar, en = _ar(a), _en(e)
        if ar and en:
            out.append((ar, en, 1))
    return out


def _chunks(en: str, j: int):
    for k in range(0, MAX_CHUNK + 1):
        if j + k <= len(en):
            yield k, en[j:j + k]


def align_em(pairs: list[tuple[str, str]], iterations: int = EM_ITERATIONS) -> dict[tuple[str, str], float]:
    """P(english chunk | arabic letter) by EM over the pairs (initialised from co-occurrence)."""
    counts: dict[tuple[str, str], float] = defaultdict(float)
    for ar, en in pairs:
        subs = {en[j:j + k] for j in range(len(en) + 1) for k in range(MAX_CHUNK + 1) if j + k <= len(en)}
        for ch in set(ar):
            for s in subs:
                counts[(ch, s)] += 1.0
    t = _normalise(counts)
    for _ in range(iterations):
        counts = defaultdict(float)
        for ar, en in pairs:
            n, m = len(ar), len(en)
            alpha = [[0.0] * (m + 1) for _ in range(n + 1)]
            beta = [[0.0] * (m + 1) for _ in range(n + 1)]
            alpha[0][0] = 1.0
            for i in range(n):
                for j in range(m + 1):
                    a = alpha[i][j]
                    if a:
                        for k, s in _chunks(en, j):
                            p = t.get((ar[i], s))
                            if p:
                                alpha[i + 1][j + k] += a * p
            z = alpha[n][m]
            if not z:
                continue
            beta[n][m] = 1.0
            for i in range(n - 1, -1, -1):
                for j in range(m, -1, -1):
                    b = 0.0
                    for k, s in _chunks(en, j):
                        p = t.get((ar[i], s))
                        if p:
                            b += p * beta[i + 1][j + k]
                    beta[i][j] = b
            for i in range(n):
                for j in range(m + 1):
                    a = alpha[i][j]
                    if a:
                        for k, s in _chunks(en, j):
                            p = t.get((ar[i], s))
                            if p:
                                c = a * p * beta[i + 1][j + k] / z
                                if c:
                                    counts[(ar[i], s)] += c
        t = _normalise(counts)
    return t


def _normalise(counts: dict[tuple[str, str], float]) -> dict[tuple[str, str], float]:
    totals: dict[str, float] = defaultdict(float)
    for (ch, _), c in counts.items():
        totals[ch] += c
    return {k: c / totals[k[0]] for k, c in counts.items() if c / totals[k[0]] > 1e-5}


def viterbi(ar: str, en: str, t: dict[tuple[str, str], float]) -> tuple[list[str], float] | None:
    """The best alignment of one pair as units ``letter|chunk`` and its mean log10 probability per letter."""
    n, m = len(ar), len(en)
    best = [[(-math.inf, None)] * (m + 1) for _ in range(n + 1)]
    best[0][0] = (0.0, None)
    for i in range(n):
        for j in range(m + 1):
            s0 = best[i][j][0]
            if s0 == -math.inf:
                continue
            for k, s in _chunks(en, j):
                p = t.get((ar[i], s))
                if p:
                    v = s0 + math.log10(p)
                    if v > best[i + 1][j + k][0]:
                        best[i + 1][j + k] = (v, (j, s))
    if best[n][m][0] == -math.inf:
        return None
    units, j = [], m
    for i in range(n, 0, -1):
        pj, s = best[i][j][1]
        units.append(f"{ar[i - 1]}|{s}")
        j = pj
    return units[::-1], best[n][m][0] / n


def _discounts(counts: Counter) -> tuple[float, float, float]:
    """Modified Kneser-Ney discounts D1, D2, D3+ of one order from its count-of-counts (Chen & Goodman 1998)."""
    n1, n2, n3, n4 = (sum(1 for c in counts.values() if c == k) for k in (1, 2, 3, 4))
    if not (n1 and n2 and n3 and n4):
        return 0.5, 1.0, 1.5
    y = n1 / (n1 + 2 * n2)
    return (min(max(1 - 2 * y * n2 / n1, 0.05), 1.0), min(max(2 - 3 * y * n3 / n2, 0.05), 2.0),
            min(max(3 - 4 * y * n4 / n3, 0.05), 3.0))


def ngram_model(sequences: list[list[str]], order: int = ORDER, min_count: int = MIN_COUNT_HIGH,
                prune_from: int = PRUNE_FROM):
    """Interpolated modified Kneser-Ney n-grams in back-off form: (log10 p per n-gram, log10 back-off per context).

    The lower orders count distinct left contexts (a unit seen after many contexts is a likely continuation, one
    seen often after one context is not); n-grams of order >= ``prune_from`` seen fewer than ``min_count`` times
    are dropped and each context's back-off weight renormalised over what is left, so the decoder's back-off
    arithmetic (``p(u | h) = p*(u | h)`` if stored, else ``bo(h) * p(u | h[1:])``) sums to one."""
    counts: list[Counter] = [Counter() for _ in range(order + 1)]
    for units in sequences:
        seq = [BOS, *units, EOS]
        for i in range(1, len(seq)):
            for n in range(1, order + 1):
                if i - n + 1 < 0:
                    break
                counts[n][tuple(seq[i - n + 1:i + 1])] += 1
    kn: list[Counter] = [Counter() for _ in range(order + 1)]  # raw counts at the top order, continuation below
    kn[order] = counts[order]
    for n in range(order - 1, 0, -1):
        cont: Counter = Counter(g[1:] for g in counts[n + 1])
        for g, c in counts[n].items():
            if g[0] == BOS:  # nothing precedes <s>: its n-grams keep their raw counts
                cont[g] = c
        kn[n] = cont
    vocab = len(counts[1]) + 1
    prob: dict[tuple[str, ...], float] = {}
    followers: list[dict] = [defaultdict(list) for _ in range(order + 1)]
    for n in range(1, order + 1):
        d = _discounts(kn[n])
        total: dict[tuple[str, ...], float] = defaultdict(float)
        mass: dict[tuple[str, ...], float] = defaultdict(float)
        for g, c in kn[n].items():
            total[g[:-1]] += c
            mass[g[:-1]] += d[min(c, 3) - 1]
            followers[n][g[:-1]].append(g[-1])
        for g, c in kn[n].items():
            h = g[:-1]
            lower = prob[g[1:]] if n > 1 else 1.0 / vocab
            prob[g] = (c - d[min(c, 3) - 1]) / total[h] + mass[h] / total[h] * lower
    kept = {g for n in range(1, order + 1) for g, c in counts[n].items() if n < prune_from or c >= min_count}
    bow: dict[tuple[str, ...], float] = {}

    def backed_off(h: tuple[str, ...], u: str) -> float:
        w = 1.0
        while h + (u,) not in kept:
            if not h:
                return w / vocab
            w *= bow.get(h, 1.0)
            h = h[1:]
        return w * prob[h + (u,)]

    for n in range(1, order):
        for h in sorted(followers[n + 1]):
            seen = [u for u in followers[n + 1][h] if h + (u,) in kept]
            if not seen:
                continue
            num = 1.0 - sum(prob[h + (u,)] for u in seen)
            den = 1.0 - sum(backed_off(h[1:], u) for u in seen)
            if num > 0 and den > 0:
                bow[h] = num / den
    logp = {g: round(math.log10(prob[g]), 4) for g in sorted(kept, key=lambda g: (len(g), g))}
    return logp, {h: round(math.log10(w), 4) for h, w in bow.items()}


def eval_forms(names_dir: Path) -> frozenset[str]:
    """Every Arabic form any evaluation set spells (the Wikidata forms held out by hash, Google's eval pairs,
    ANETAC's dev part): kept out of the model's training, whichever source holds them, so that the ``model``
    figures of ``benchmarks/bench_romanize.py`` are on names the model has not seen."""
    wiki = {a for a, _, _ in read_wikidata(names_dir / "wikidata_ar_en_name_tokens.tsv") if heldout(a)}
    google = {a for a, _, _ in read_google(names_dir / "google_ar2en-eval.tsv")}
    return frozenset(wiki | google | {a for a, _, _ in read_anetac(names_dir, "dev")})


def build_lexicon(names_dir: Path) -> dict[str, str]:
    """Arabic form -> its most frequent English spelling: the Wikidata tokens outside the hash held-out part,
    then Google's train pairs.  Unlike the model, the lexicon keeps forms that Google's eval or ANETAC's dev part
    also spell (يوسف is a known name whatever set holds it); the benchmark's ``romanize`` figures leave every
    lexicon form out, so they still measure names nobody listed."""
    by_form: dict[str, Counter] = defaultdict(Counter)
    for a, e, c in read_wikidata(names_dir / "wikidata_ar_en_name_tokens.tsv"):
        if not heldout(a):
            by_form[a][e] += c
    lexicon = {}
    for a, cnt in by_form.items():
        e, c = min(cnt.items(), key=lambda kv: (-kv[1], kv[0]))
        if c >= LEXICON_MIN:
            lexicon[a] = e
    for a, e, _ in read_google(names_dir / "google_ar2en-train.tsv"):
        lexicon.setdefault(a, e)
    return lexicon


def training_pairs(names_dir: Path, *, anetac: bool = ANETAC) -> list[tuple[str, str, int]]:
    """The (arabic, english, count) pairs the model learns from: the Wikidata tokens and Google's train pairs
    (and ANETAC's train part with ``anetac``), without any Arabic form of :func:`eval_forms`."""
    unseen = eval_forms(names_dir)
    wiki = [p for p in read_wikidata(names_dir / "wikidata_ar_en_name_tokens.tsv") if p[0] not in unseen]
    google = [p for p in read_google(names_dir / "google_ar2en-train.tsv") if p[0] not in unseen]
    out = wiki + google
    if anetac:  # the model only (never the lexicon): ANETAC states no licence
        out += [p for p in read_anetac(names_dir, "train") if p[0] not in unseen]
    return out


def train(names_dir: Path, *, anetac: bool = ANETAC, order: int = ORDER, min_count: int = MIN_COUNT_HIGH,
          prune_from: int = PRUNE_FROM, tune: bool = False) -> dict:
    """The model and lexicon (``tune``: the model without the :func:`tune_part` forms, which come back as
    ``tune_refs``, Arabic form -> its spellings)."""
    train_pairs = training_pairs(names_dir, anetac=anetac)
    tune_refs: dict[str, set[str]] = defaultdict(set)
    if tune:
        for a, e, _ in train_pairs:
            if tune_part(a):
                tune_refs[a].add(e)
        train_pairs = [p for p in train_pairs if not tune_part(p[0])]
    pairs = sorted({(a, e) for a, e, _ in train_pairs})
    t = align_em(pairs)
    aligned = []
    for a, e in pairs:
        r = viterbi(a, e, t)
        if r is not None:
            aligned.append((r[1], a, e, r[0]))
    aligned.sort(key=lambda x: (x[0], x[1], x[2]))
    keep = aligned[int(len(aligned) * DROP_WORST):]
    logp, backoff = ngram_model([u for _, _, _, u in sorted(keep, key=lambda x: (x[1], x[2]))], order, min_count,
                                prune_from)
    chunk_counts: Counter = Counter()
    for _, _, _, units in keep:
        chunk_counts.update(units)
    chunks: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for unit, c in chunk_counts.items():
        ch, s = unit.split("|", 1)
        chunks[ch].append((c, s))
    lexicon = {} if tune else build_lexicon(names_dir)
    return {"logp": logp, "backoff": backoff, "chunks": chunks, "lexicon": lexicon, "tune_refs": dict(tune_refs),
            "n_pairs": len(pairs), "n_kept": len(keep), "order": order}


def model_chunks(model: dict) -> dict[str, tuple[str, ...]]:
    """The English chunks the decoder may write for each Arabic letter: the 12 most frequent seen 3+ times."""
    return {ch: tuple(s for c, s in sorted(model["chunks"][ch], key=lambda x: (-x[0], x[1]))[:12] if c >= 3)
            for ch in sorted(model["chunks"])}


def write(model: dict, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with (out / MODEL_FILENAME).open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(f"order\t{model['order']}\n")
        for ch, chunks in model_chunks(model).items():
            for s in chunks:
                fh.write(f"chunk\t{ch}\t{s}\n")
        for g in sorted(model["logp"], key=lambda g: (len(g), g)):
            bo = model["backoff"].get(g, "")
            fh.write(f"ngram\t{' '.join(g)}\t{model['logp'][g]}\t{bo}\n")
    with (out / LEXICON_FILENAME).open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("# Arabic name token -> most frequent English spelling; derived from Wikidata name tokens (CC0) "
                 "and Google ar2en train pairs (Apache-2.0) by python -m analysis.names.train\n")
        for a in sorted(model["lexicon"]):
            fh.write(f"{a}\t{model['lexicon'][a]}\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = Path(__file__).resolve().parents[2]
    ap.add_argument("--names", type=Path, default=root.parent / "shared" / "names")
    ap.add_argument("--out", type=Path, default=root / "analysis" / "models")
    ap.add_argument("--anetac", action="store_true",
                    help="train the model on ANETAC's train part too (no licence stated: not what ships)")
    ap.add_argument("--tune", action="store_true",
                    help="train without the tune part of the training forms and print the scores on it per beam "
                         "(writes nothing): where the settings are chosen")
    args = ap.parse_args(argv)
    if not (args.names / "wikidata_ar_en_name_tokens.tsv").exists():
        print(f"error: {args.names}: the name pairs are not there (see ../shared/names)", file=sys.stderr)
        return 2
    if args.tune:
        model = train(args.names, anetac=args.anetac, tune=True)
        m = RomanizeModel(model["order"], model_chunks(model), model["logp"], model["backoff"])
        refs = model["tune_refs"]
        print(f"tune part: {len(refs)} forms; model: {len(model['logp']):,} n-grams from {model['n_kept']} pairs")
        for beam in (4, 8, 12):
            em, cer = exact_cer(lambda a, b=beam: m.decode(a, beam=b), refs)
            print(f"  beam {beam:2}: exact {em:.4f}  CER {cer:.4f}")
        return 0
    model = train(args.names, anetac=args.anetac)
    write(model, args.out)
    sources = ["wikidata_ar_en_name_tokens.tsv (CC0 1.0; steveash/NETransliteration-COLING2018)",
               "google_ar2en-train.tsv (Apache-2.0; google/transliteration)"]
    if args.anetac:
        sources.append("anetac_translit_train (model only; no licence stated; MohamedHadjAmeur/ANETAC)")
    card = {"name": "romanize", "kind": "joint n-gram (modified Kneser-Ney, back-off) over EM-aligned letter units",
            "order": ORDER, "em_iterations": EM_ITERATIONS, "beam": BEAM, "min_count": MIN_COUNT_HIGH,
            "prune_from": PRUNE_FROM, "pairs": model["n_pairs"],
            "pairs_kept": model["n_kept"], "ngrams": len(model["logp"]), "lexicon": len(model["lexicon"]),
            "train": sources,
            "held_out": "every Arabic form of the evaluation sets (Wikidata forms with sha256(form)[0] % 20 == 0, "
                        "google_ar2en-eval, anetac_translit_dev) is kept out of the model's training, whichever "
                        "source holds it; the lexicon keeps the forms of the other two sets, and the romanize "
                        "figures are measured on the forms the lexicon does not hold",
            "intended_use": "English spelling of Arabic person and place names in news text; not a translator "
                            "(organisation names come out transliterated, not translated)",
            "tune": "smoothing, order, pruning and beam chosen on the training forms with "
                    "sha256(form)[0] % 20 == 1 held out (python -m analysis.names.train --tune), never on an "
                    "evaluation set",
            "limitations": "about one name in four spelt exactly as the references on unseen names; vowels are "
                           "guessed; spellings follow the sources' mix of conventions (Mohamed, Mohammed)",
            "files": {name: file_digest((args.out / name).read_bytes()) for name in (MODEL_FILENAME, LEXICON_FILENAME)}}
    card_path = args.out / CARD_FILENAME
    old = json.loads(card_path.read_text(encoding="utf-8")) if card_path.exists() else {}
    card["scores"] = old.get("scores", {})  # filled by benchmarks/bench_romanize.py --write-card
    card_path.write_text(json.dumps(card, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"trained on {model['n_kept']} of {model['n_pairs']} pairs: {len(model['logp'])} n-grams, "
          f"lexicon {len(model['lexicon'])} forms -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
