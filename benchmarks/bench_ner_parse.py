"""ANERcorp-style NER scored *through parse_article*: the raw model vs the fused entity layer, on the dev split.

    .venv/bin/python benchmarks/bench_ner_parse.py                 # tables (a) raw model, (b) parse_article
    .venv/bin/python benchmarks/bench_ner_parse.py --shipped       # the shipped model instead (it saw dev)
    .venv/bin/python benchmarks/bench_ner_parse.py --no-ner        # also (c): parse_article without the model
    .venv/bin/python benchmarks/bench_ner_parse.py --errors 40     # list spans (a) gets right and (b) gets wrong
    .venv/bin/python benchmarks/bench_ner_parse.py --group 20      # sentences per synthetic article

The held-out ANERcorp test part is evaluated through ``parse_article``, so this benchmark measures what that
evaluation sees, on the dev split (the last 10 % of ``../shared/anercorp/train.txt``; never the test part).

The model: the shipped model was trained on all of train *including* dev, so on dev it is near-perfect and says
nothing about unseen text.  By default the benchmark therefore uses the held-out pipeline (same settings, trained on
train minus dev, as recorded in the card), built once into ``data/processed/ner_heldout/`` (about 5 minutes on
2 cores; ``--retrain`` rebuilds it) and swapped in through ``analysis.ner.model.MODEL_PATH`` for both (a) and (b).

Synthetic articles: the dev sentences in file order, ``--group`` sentences per article, one line per sentence with
the ANERcorp tokens joined by single spaces (so every token has exact character offsets).  The layout reader
makes the first line the headline (its own sentence) and every other line a body paragraph, split into sentences;
the benchmark checks that every ANERcorp token lies inside a sentence of the parse and reports any that do not.

Scoring (conlleval style, exact span and type): a mention is mapped to the ANERcorp tokens its characters overlap
(our spans exclude proclitics, ``وبغداد`` -> ``بغداد``; ANERcorp tags whole tokens), and its type to ANERcorp's:
PERSON -> PERS, ORG -> ORG, GPE/LOC/FAC -> LOC, MISC -> MISC.  (a) tags each synthetic article's sentences with
``analysis.ner.tag_sentences`` as one document, exactly as the entity layer's NER pass does.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import parse_article  # noqa: E402
from analysis.ner import model as ner_model  # noqa: E402
from analysis.ner import model_card, tag_sentences  # noqa: E402
from analysis.ner.corpus import TaggedSentence, anercorp_train_path, read_conll, split_dev  # noqa: E402
from analysis.ner.evaluate import Score, bio_spans, format_scores, score_spans  # noqa: E402

HELDOUT_DIR = ROOT / "data" / "processed" / "ner_heldout"
TYPE_MAP = {"PERSON": "PERS", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "MISC": "MISC"}


class Synthetic(NamedTuple):
    text: str
    sentences: list[TaggedSentence]
    offsets: list[list[tuple[int, int]]]  # per sentence, (start, end) of each ANERcorp token in ``text``


class Predicted(NamedTuple):
    tags: list[list[str]]  # BIO per ANERcorp sentence of the article
    sources: dict[tuple[int, int, int], str]  # (sentence, tok0, tok1) -> mention source, for the error listing
    lost_tokens: int  # ANERcorp tokens outside every sentence of the parse


def build_article(sents: list[TaggedSentence]) -> Synthetic:
    lines, offsets, pos = [], [], 0
    for s in sents:
        offs = []
        for k, tok in enumerate(s.tokens):
            if k:
                pos += 1
            offs.append((pos, pos + len(tok)))
            pos += len(tok)
        lines.append(" ".join(s.tokens))
        offsets.append(offs)
        pos += 1  # the newline
    return Synthetic("\n".join(lines) + "\n", sents, offsets)


def _tags_from_spans(n_tokens: list[int], spans: list[tuple[int, int, int, str]]) -> list[list[str]]:
    tags = [["O"] * n for n in n_tokens]
    for si, a, b, typ in sorted(spans):
        if any(t != "O" for t in tags[si][a:b]):
            continue  # two mentions in one token (rare): the first one wins
        tags[si][a] = "B-" + typ
        for k in range(a + 1, b):
            tags[si][k] = "I-" + typ
    return tags


def fused_prediction(art: Synthetic, article_id: str, *, ner: bool = True) -> Predicted:
    parsed = parse_article(art.text, name=article_id, ner=ner)
    # token index: start char -> (sentence, token) for every ANERcorp token
    flat = [(si, k, s, e) for si, offs in enumerate(art.offsets) for k, (s, e) in enumerate(offs)]
    spans_in = [(int(a), int(b)) for a, b in zip(parsed.sentences["start"], parsed.sentences["end"])]
    lost = sum(1 for _, _, s, e in flat if not any(a <= s and e <= b for a, b in spans_in))
    spans: list[tuple[int, int, int, str]] = []
    sources: dict[tuple[int, int, int], str] = {}
    m = parsed.mentions
    for start, end, typ, src in zip(m["start"], m["end"], m["type"], m["source"]):
        hit = [(si, k) for si, k, s, e in flat if s < end and start < e]
        if not hit:
            continue
        si = hit[0][0]
        ks = [k for s2, k in hit if s2 == si]
        span = (si, min(ks), max(ks) + 1, TYPE_MAP.get(typ, "MISC"))
        spans.append(span)
        sources.setdefault(span[:3], src)
    return Predicted(_tags_from_spans([len(s.tokens) for s in art.sentences], spans), sources, lost)


def heldout_model(train: list[TaggedSentence], dev: list[TaggedSentence], *, retrain: bool) -> Path:
    """The held-out model (train minus dev, the shipped card's settings) as a loadable model folder."""
    out = HELDOUT_DIR / ner_model.MODEL_FILENAME
    if out.is_file() and not retrain:
        return out
    from analysis.ner.newsfane import newsfane_path, partition, read_newsfane
    from analysis.ner.train import Item, Resources, train_pipeline
    card = model_card()
    loaded = ner_model._current()
    extra: list[Item] = []
    if (card["training_data"].get("newsfane") or {}).get("train_sentences") and newsfane_path().is_file():
        nf = partition(read_newsfane(newsfane_path()), train, dev)
        extra = [Item(s, i) for s, i in zip(nf.train, nf.train_index)]
    HELDOUT_DIR.mkdir(parents=True, exist_ok=True)
    print(f"training the held-out model into {HELDOUT_DIR} (train minus dev; about 15 minutes on 2 free cores) ...")
    with tempfile.TemporaryDirectory(prefix="bench_ner_parse_") as tmp:
        t0 = time.perf_counter()
        res = train_pipeline(train, dev, None, card["settings"], Resources(loaded.names, loaded.clusters), Path(tmp),
                             folds=card["jackknife_folds"], window=card["document_window"], n_jobs=2,
                             train_extra=extra)
        print(f"  done in {time.perf_counter() - t0:.0f} s; held-out dev F1 {res['scores']['ALL'].f1:.4f}\n")
        shutil.copyfile(Path(tmp) / "heldout_stage1.crfsuite", HELDOUT_DIR / ner_model.STAGE1_FILENAME)
        shutil.copyfile(Path(tmp) / "heldout_stage2.crfsuite", out)
    shipped = Path(str(ner_model.MODEL_PATH)).parent
    shutil.copyfile(shipped / card["names_file"], HELDOUT_DIR / card["names_file"])
    if card.get("clusters_file"):
        shutil.copyfile(shipped / card["clusters_file"], HELDOUT_DIR / card["clusters_file"])
    for key, name in (("model", ner_model.MODEL_FILENAME), ("stage1", ner_model.STAGE1_FILENAME)):
        data = (HELDOUT_DIR / name).read_bytes()
        card[f"{key}_bytes"], card[f"{key}_sha256"] = len(data), hashlib.sha256(data).hexdigest()
    card["final_training"] = "train minus dev (bench_ner_parse.py held-out model)"
    (HELDOUT_DIR / ner_model.CARD_FILENAME).write_text(json.dumps(card, indent=1, ensure_ascii=False),
                                                       encoding="utf-8")
    return out


def _table(title: str, scores: dict[str, Score]) -> None:
    print(title)
    print(format_scores(scores))
    print()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--group", type=int, default=20, help="sentences per synthetic article (default 20)")
    ap.add_argument("--no-ner", action="store_true", help="also score parse_article without the NER model")
    ap.add_argument("--shipped", action="store_true", help="use the shipped model (trained on dev too)")
    ap.add_argument("--retrain", action="store_true", help="rebuild the held-out model")
    ap.add_argument("--dump", type=Path, help="write (b)'s spans with their gold status to this TSV (to diff runs)")
    ap.add_argument("--errors", type=int, default=0, help="list this many spans (a) finds and (b) misses")
    ns = ap.parse_args()

    data = anercorp_train_path()
    if not data.is_file():
        print(f"error: {data}: ANERcorp training file not found", file=sys.stderr)
        return 2
    train, dev = split_dev(read_conll(data))
    if not ns.shipped:
        ner_model.MODEL_PATH = heldout_model(train, dev, retrain=ns.retrain)
    print(f"model: {ner_model.MODEL_PATH} ({model_card()['final_training']})")
    groups = [dev[i:i + ns.group] for i in range(0, len(dev), ns.group)]
    arts = [build_article(g) for g in groups]
    n_tok = sum(len(s.tokens) for s in dev)
    gold = [s.tags for s in dev]
    print(f"ANERcorp dev split: {len(dev)} sentences, {n_tok} tokens -> {len(arts)} synthetic articles "
          f"of {ns.group} sentences\n")

    tag_sentences([["تحميل"]])  # load the model outside the timings
    parse_article("عنوان\n\nنص قصير للتحميل .\n")
    t0 = time.perf_counter()
    raw = [t for a in arts for t in tag_sentences([s.tokens for s in a.sentences])]
    raw_s = time.perf_counter() - t0
    whole = tag_sentences([s.tokens for s in dev])

    t0 = time.perf_counter()
    fused = [fused_prediction(a, f"anercorp_dev_{i:03d}") for i, a in enumerate(arts)]
    fused_s = time.perf_counter() - t0
    fused_tags = [t for p in fused for t in p.tags]
    lost = sum(p.lost_tokens for p in fused)

    raw_scores = score_spans(gold, raw)
    _table("(a) raw model, tag_sentences per synthetic article (ANERcorp tokens):", raw_scores)
    _table("    for reference, the whole dev split tagged as one document (as bench_ner.py does):", score_spans(gold, whole))
    _table("(b) parse_article mentions (gazetteer + patterns + model), token-level spans:",
           score_spans(gold, fused_tags))
    if ns.no_ner:
        plain = [t for i, a in enumerate(arts)
                 for t in fused_prediction(a, f"anercorp_dev_{i:03d}", ner=False).tags]
        _table("(c) parse_article without the model (gazetteer + patterns only):", score_spans(gold, plain))
    print(f"tokens outside every parsed sentence: {lost} of {n_tok}")
    print(f"speed: (a) tag_sentences {n_tok / raw_s:,.0f} tokens/s; (b) parse_article (all tables) "
          f"{n_tok / fused_s:,.0f} tokens/s, {fused_s / len(arts) * 1000:.0f} ms per {ns.group}-sentence article")

    if ns.dump:
        with open(ns.dump, "w", encoding="utf-8") as fh:
            for si, (g, f) in enumerate(zip(gold, fused_tags)):
                gs = set(bio_spans(g))
                for sp in sorted(set(bio_spans(f)) | gs):
                    status = "ok" if sp in gs and sp in set(bio_spans(f)) else ("fn" if sp in gs else "fp")
                    ctx = " ".join(dev[si].tokens[max(0, sp.start - 3):sp.end + 2])
                    fh.write(f"{si}\t{sp.start}\t{sp.end}\t{sp.type}\t{status}\t"
                             f"{' '.join(dev[si].tokens[sp.start:sp.end])}\t{ctx}\n")
    if ns.errors:
        srcs: dict[tuple[int, int, int], str] = {}
        base = 0
        for p in fused:
            for (si, a, b), src in p.sources.items():
                srcs[(base + si, a, b)] = src
            base += len(p.tags)
        missed, extra = [], []
        for si, (g, r, f) in enumerate(zip(gold, raw, fused_tags)):
            gs, rs, fs = set(bio_spans(g)), set(bio_spans(r)), set(bio_spans(f))
            toks = dev[si].tokens
            def show(x, toks=toks, si=si):
                return f"{' '.join(toks[x.start:x.end])} {x.type} ({srcs.get((si, x.start, x.end), '?')})"
            for sp in sorted((gs & rs) - fs):
                near = "; ".join(show(x) for x in fs if x.start < sp.end and sp.start < x.end) or "nothing"
                missed.append(f"  {' '.join(toks[sp.start:sp.end])} {sp.type}  ->  {near}   | "
                              f"{' '.join(toks[max(0, sp.start - 3):sp.end + 2])}")
            for sp in sorted(fs - gs - rs):
                near = "; ".join(f"{' '.join(toks[x.start:x.end])} {x.type}" for x in gs
                                 if x.start < sp.end and sp.start < x.end) or "nothing"
                extra.append(f"  {show(sp)}  gold: {near}   | {' '.join(toks[max(0, sp.start - 3):sp.end + 2])}")
        print(f"\nspans (a) gets right that (b) misses: {len(missed)} (first {ns.errors}); (b)'s overlapping "
              "predictions with their source:")
        print("\n".join(missed[:ns.errors]))
        print(f"\nspans only (b) predicts, not gold: {len(extra)} (first {ns.errors}); overlapping gold:")
        print("\n".join(extra[:ns.errors]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
