"""romanize() on names it was not trained on: exact match and character error rate, per held-out set.

    .venv/bin/python benchmarks/bench_romanize.py [--write-card] [--limit N]

Sets (none of them seen in training, ``analysis/names/train.py``): the Wikidata name-token forms held out by
hash (1 in 20), Google's ar2en eval pairs, ANETAC's transliteration dev part.  A prediction is an exact match when
it equals (case-insensitively) one of the spellings the set gives for that Arabic form; CER is the edit distance
to the nearest of them over its length, averaged over forms.  ``model`` is the model alone
(``use_lexicon=False``: the honest figure for names nobody listed); ``romanize`` is what users get (lexicon
first; the lexicon holds no held-out Wikidata form, but may hold a Google or ANETAC name).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAMES = ROOT.parent / "shared" / "names"
sys.path.insert(0, str(ROOT))

from analysis.names import romanize  # noqa: E402
from analysis.names.train import heldout, read_anetac, read_google, read_wikidata  # noqa: E402


def edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def sets() -> dict[str, dict[str, set[str]]]:
    out: dict[str, dict[str, set[str]]] = {}
    wiki: dict[str, set[str]] = defaultdict(set)
    for a, e, _ in read_wikidata(NAMES / "wikidata_ar_en_name_tokens.tsv"):
        if heldout(a):
            wiki[a].add(e)
    out["wikidata held-out"] = dict(wiki)
    for name, rows in (("google eval", read_google(NAMES / "google_ar2en-eval.tsv")),
                       ("anetac dev", read_anetac(NAMES, "dev"))):
        d: dict[str, set[str]] = defaultdict(set)
        for a, e, _ in rows:
            d[a].add(e)
        out[name] = dict(d)
    return out


def evaluate(refs: dict[str, set[str]], *, use_lexicon: bool, limit: int | None) -> tuple[float, float, int]:
    forms = sorted(refs)[:limit]
    exact = 0
    cer = 0.0
    for a in forms:
        got = romanize(a, use_lexicon=use_lexicon).lower()
        exact += got in refs[a]
        cer += min(edit_distance(got, r) / len(r) for r in refs[a])
    return exact / len(forms), cer / len(forms), len(forms)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write-card", action="store_true", help="store the figures in romanize_model.json")
    ap.add_argument("--limit", type=int, help="first N forms of each set (quick look)")
    args = ap.parse_args()
    if not NAMES.is_dir():
        print(f"skip: {NAMES} not found (the name pairs live in ../shared/names)")
        return 0
    scores = {}
    t0 = time.perf_counter()
    n_total = 0
    for name, refs in sets().items():
        for label, lex in (("model", False), ("romanize", True)):
            em, cer, n = evaluate(refs, use_lexicon=lex, limit=args.limit)
            n_total += n
            scores[f"{name} / {label}"] = {"exact": round(em, 4), "cer": round(cer, 4), "n": n}
            print(f"{name:18} {label:9} exact {em:.3f}  CER {cer:.3f}  ({n} forms)")
    dt = time.perf_counter() - t0
    print(f"{n_total / dt:,.0f} names/s")
    for w in ("ماكرون", "بومبيو", "عبد الرحمن", "أبو بكر البغدادي", "مصطفى الكاظمي"):
        print(f"  {w} -> {romanize(w)}")
    if args.write_card and not args.limit:
        card_path = ROOT / "analysis" / "models" / "romanize_model.json"
        card = json.loads(card_path.read_text(encoding="utf-8"))
        card["scores"] = scores
        card_path.write_text(json.dumps(card, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
