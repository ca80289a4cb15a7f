"""Train the romanisation model and its lexicon from the English-Arabic name pairs in ``../shared/names``.

    python -m analysis.names.train [--names DIR] [--out analysis/models] [--anetac]

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
(``م|m``) with Witten-Bell smoothing, written in back-off form; (3) the lexicon: each Arabic form's most frequent
English spelling.  Deterministic: same data, same files.
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

from analysis.names.spelling import BOS, normalize_name

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


def ngram_model(sequences: list[list[str]], order: int = ORDER, min_count: int = MIN_COUNT_HIGH,
                prune_from: int = PRUNE_FROM):
    """Witten-Bell smoothed n-grams in back-off form: (log10 p per n-gram, log10 back-off per context)."""
    counts: list[Counter] = [Counter() for _ in range(order + 1)]
    for units in sequences:
        seq = [BOS, *units, "</s>"]
        for i in range(1, len(seq)):
            for n in range(1, order + 1):
                if i - n + 1 < 0:
                    break
                counts[n][tuple(seq[i - n + 1:i + 1])] += 1
    followers: list[dict] = [defaultdict(set) for _ in range(order + 1)]
    ctx_total: list[Counter] = [Counter() for _ in range(order + 1)]
    for n in range(1, order + 1):
        for g, c in counts[n].items():
            followers[n][g[:-1]].add(g[-1])
            ctx_total[n][g[:-1]] += c
    vocab = len(counts[1]) + 1
    logp: dict[tuple[str, ...], float] = {}
    prob: dict[tuple[str, ...], float] = {}
    backoff: dict[tuple[str, ...], float] = {}
    for n in range(1, order + 1):
        for g, c in sorted(counts[n].items()):
            if n >= prune_from and c < min_count:
                continue
            h = g[:-1]
            tot, types = ctx_total[n][h], len(followers[n][h])
            lam = tot / (tot + types)
            lower = prob.get(g[1:], 1.0 / vocab) if n > 1 else 1.0 / vocab
            if n > 1 and g[1:] not in prob:  # pruned lower order: back off further
                lower = 1.0 / vocab
            p = lam * c / tot + (1 - lam) * lower
            prob[g] = p
            logp[g] = round(math.log10(p), 4)
    for n in range(1, order):
        for h, fs in followers[n + 1].items():
            tot, types = ctx_total[n + 1][h], len(fs)
            if h in logp or h == (BOS,):
                backoff[h] = round(math.log10(types / (tot + types)), 4)
    return logp, backoff


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


def train(names_dir: Path, *, anetac: bool = ANETAC, order: int = ORDER, min_count: int = MIN_COUNT_HIGH,
          prune_from: int = PRUNE_FROM) -> dict:
    unseen = eval_forms(names_dir)
    wiki = [p for p in read_wikidata(names_dir / "wikidata_ar_en_name_tokens.tsv") if p[0] not in unseen]
    google = [p for p in read_google(names_dir / "google_ar2en-train.tsv") if p[0] not in unseen]
    train_pairs = wiki + google
    if anetac:  # the model only (never the lexicon): ANETAC states no licence
        train_pairs += [p for p in read_anetac(names_dir, "train") if p[0] not in unseen]
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
    lexicon = build_lexicon(names_dir)
    return {"logp": logp, "backoff": backoff, "chunks": chunks, "lexicon": lexicon,
            "n_pairs": len(pairs), "n_kept": len(keep), "order": order}


def write(model: dict, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with (out / "romanize_model.tsv").open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(f"order\t{model['order']}\n")
        for ch in sorted(model["chunks"]):
            for c, s in sorted(model["chunks"][ch], key=lambda x: (-x[0], x[1]))[:12]:
                if c >= 3:
                    fh.write(f"chunk\t{ch}\t{s}\n")
        for g in sorted(model["logp"], key=lambda g: (len(g), g)):
            bo = model["backoff"].get(g, "")
            fh.write(f"ngram\t{' '.join(g)}\t{model['logp'][g]}\t{bo}\n")
    with (out / "romanize_lexicon.tsv").open("w", encoding="utf-8", newline="\n") as fh:
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
    args = ap.parse_args(argv)
    if not (args.names / "wikidata_ar_en_name_tokens.tsv").exists():
        print(f"error: {args.names}: the name pairs are not there (see ../shared/names)", file=sys.stderr)
        return 2
    model = train(args.names, anetac=args.anetac)
    write(model, args.out)
    sources = ["wikidata_ar_en_name_tokens.tsv (CC0 1.0; steveash/NETransliteration-COLING2018)",
               "google_ar2en-train.tsv (Apache-2.0; google/transliteration)"]
    if args.anetac:
        sources.append("anetac_translit_train (model only; no licence stated; MohamedHadjAmeur/ANETAC)")
    card = {"name": "romanize", "kind": "joint n-gram (Witten-Bell, back-off) over EM-aligned letter units",
            "order": ORDER, "em_iterations": EM_ITERATIONS, "pairs": model["n_pairs"],
            "pairs_kept": model["n_kept"], "ngrams": len(model["logp"]), "lexicon": len(model["lexicon"]),
            "train": sources,
            "held_out": "every Arabic form of the evaluation sets (Wikidata forms with sha256(form)[0] % 20 == 0, "
                        "google_ar2en-eval, anetac_translit_dev) is kept out of the model's training, whichever "
                        "source holds it; the lexicon keeps the forms of the other two sets, and the romanize "
                        "figures are measured on the forms the lexicon does not hold",
            "intended_use": "English spelling of Arabic person and place names in news text; not a translator "
                            "(organisation names come out transliterated, not translated)",
            "limitations": "about one name in four spelt exactly as the references on unseen names; vowels are "
                           "guessed; spellings follow the sources' mix of conventions (Mohamed, Mohammed)"}
    card_path = args.out / "romanize_model.json"
    old = json.loads(card_path.read_text(encoding="utf-8")) if card_path.exists() else {}
    card["scores"] = old.get("scores", {})  # filled by benchmarks/bench_romanize.py --write-card
    card_path.write_text(json.dumps(card, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"trained on {model['n_kept']} of {model['n_pairs']} pairs: {len(model['logp'])} n-grams, "
          f"lexicon {len(model['lexicon'])} forms -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
