"""NER benchmark: entity-level P/R/F1 per type on the ANERcorp dev split, and tagging speed.

    python benchmarks/bench_ner.py             # card's held-out dev scores, shipped model on dev, speed
    python benchmarks/bench_ner.py --retrain   # also rerun the held-out pipeline now (~15 min on 2 free cores)

The dev split is the last 10 % of ``../shared/anercorp/train.txt``.  The shipped model is trained
on all of train (see ``final_training`` in its card), so its own dev scores are optimistic; the
honest figures come from the held-out run (everything trained without dev), recorded in the card
at training time and reproduced by ``--retrain``.  Scores are exact span and type, conlleval style;
dev is tagged as one document (the tagger's document window spans neighbouring sentences).
The NewsFANE held-out part is NewsFANE's own annotation of the dev sentences (see
:mod:`analysis.ner.newsfane`), scored the same way.

Speed is measured for ``tag_sentences`` (the fast path: :mod:`analysis.ner.stream`, weights read by
:mod:`analysis.ner.crf`) and for ``tag_sentences_reference`` (feature strings + pycrfsuite, the path before issue
9), whose tags must be identical (the script fails otherwise).  Measured on the shared 2-core machine, dev split
(12,334 tokens), CPU time: before (main, pycrfsuite on feature strings) 10,000-18,000 tokens per CPU second
(depending on the load); after 93,000-111,000, 6.9-7.2x the reference path measured in the same run.  F1
unchanged (ALL 0.7325 on dev, 0.7067 on the NewsFANE held-out part), the tags being identical token for token
(``tests/test_ner_fast.py``).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from analysis.ner import model as ner_model
from analysis.ner import model_card, tag_sentences
from analysis.ner.corpus import anercorp_train_path, read_conll, split_dev
from analysis.ner.evaluate import Score, format_scores, score_spans
from analysis.ner.model import tag_sentences_reference
from analysis.ner.newsfane import newsfane_path, partition, read_newsfane
from analysis.ner.train import Item, Resources, train_pipeline


def _card_scores(d: dict) -> dict[str, Score]:
    return {t: Score(t, v["precision"], v["recall"], v["f1"], v["n_gold"], v["n_pred"], v["n_correct"])
            for t, v in d.items()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--retrain", action="store_true", help="rerun the held-out training pipeline and score it")
    ap.add_argument("--repeat", type=int, default=3, help="speed runs over the dev split (best is reported)")
    ns = ap.parse_args()

    data = anercorp_train_path()
    if not data.is_file():
        print(f"error: {data}: ANERcorp training file not found", file=sys.stderr)
        return 2
    sents = read_conll(data)
    train, dev = split_dev(sents)
    gold = [s.tags for s in dev]
    tokens = [s.tokens for s in dev]
    n_tok = sum(map(len, tokens))

    t0 = time.perf_counter()
    card = model_card()  # loads the shipped model
    load_s = time.perf_counter() - t0
    clusters_bytes = card.get("clusters_bytes") or 0
    total_mb = (card["model_bytes"] + card["stage1_bytes"] + card["names_bytes"] + clusters_bytes) / 1e6
    print(f"shipped model: v{card['model_version']} (features {card['features_version']}), {total_mb:.2f} MB "
          f"(stage 2 {card['model_bytes'] / 1e6:.2f}, stage 1 {card['stage1_bytes'] / 1e6:.2f}, "
          f"names {card['names_bytes'] / 1e6:.2f}, clusters {clusters_bytes / 1e6:.2f}), "
          f"c1={card['settings']['c1']} c2={card['settings']['c2']}; "
          f"trained on: {card['final_training']}")
    print(f"dev split: {len(dev)} sentences, {n_tok} tokens (train part {len(train)} sentences)\n")

    print("held-out run recorded in the card (stage 1 alone):")
    print(format_scores(_card_scores(card["dev_scores_stage1"])))
    print("held-out run recorded in the card (stacked, as shipped):")
    print(format_scores(_card_scores(card["dev_scores"])))
    nf_path = newsfane_path()
    nf = partition(read_newsfane(nf_path), train, dev) if nf_path.is_file() else None
    if card.get("newsfane_heldout_scores"):
        print("held-out run recorded in the card, NewsFANE held-out part (its annotation of the dev sentences):")
        print(format_scores(_card_scores(card["newsfane_heldout_scores"])))

    if ns.retrain:
        loaded = ner_model._current()  # the shipped name-list snapshot and cluster table
        extra = [Item(s, i) for s, i in zip(nf.train, nf.train_index)] if nf and (card["training_data"].get(
            "newsfane") or {}).get("train_sentences") else []
        with tempfile.TemporaryDirectory(prefix="bench_ner_") as tmp:
            t0 = time.perf_counter()
            res = train_pipeline(train, dev, None, card["settings"], Resources(loaded.names, loaded.clusters),
                                 Path(tmp), folds=card["jackknife_folds"], window=card["document_window"], n_jobs=2,
                                 train_extra=extra, evaluate={"newsfane": nf.heldout} if nf else None)
            secs = time.perf_counter() - t0
        print(f"\nheld-out pipeline retrained now in {secs:.0f} s ({res['trainings']} CRF trainings, 2 processes):")
        print(format_scores(res["scores"]))
        if nf:
            print("NewsFANE held-out part:")
            print(format_scores(res["scores_newsfane"]))

    saw_dev = not card["final_training"].startswith("train minus dev")
    pred = tag_sentences(tokens)
    note = " (this model saw dev in training: optimistic)" if saw_dev else ""
    print(f"\nshipped model on dev{note}:")
    print(format_scores(score_spans(gold, pred)))
    if nf is not None:
        print(f"\nshipped model on the NewsFANE held-out part ({len(nf.heldout)} sentences){note}:")
        print(format_scores(score_spans([s.tags for s in nf.heldout], tag_sentences([s.tokens for s in nf.heldout]))))

    def speed(tag):
        best = best_cpu = float("inf")
        for _ in range(ns.repeat):
            t0, c0 = time.perf_counter(), time.process_time()
            tag(tokens)
            best = min(best, time.perf_counter() - t0)
            best_cpu = min(best_cpu, time.process_time() - c0)
        return best, best_cpu

    ref = tag_sentences_reference(tokens)
    same = ref == pred
    best, best_cpu = speed(tag_sentences)
    ref_best, ref_cpu = speed(tag_sentences_reference)
    print(f"\nspeed (shipped model, features + two CRF passes, 1 core): {n_tok / best:,.0f} tokens/s wall clock, "
          f"{n_tok / best_cpu:,.0f} tokens per CPU second (the figure to compare on a shared machine; "
          f"{len(dev) / best:,.0f} sentences/s); first load {load_s * 1000:.0f} ms from {ner_model.MODEL_PATH}")
    print(f"reference path (feature strings + pycrfsuite, tag_sentences_reference): {n_tok / ref_best:,.0f} "
          f"tokens/s wall clock, {n_tok / ref_cpu:,.0f} per CPU second; the fast path is {ref_cpu / best_cpu:.1f}x "
          f"faster in CPU time, tags {'identical' if same else 'DIFFERENT'} on dev")
    if not same:
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
