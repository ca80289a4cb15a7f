"""NER benchmark: entity-level P/R/F1 per type on the ANERcorp dev split, and tagging speed.

    python benchmarks/bench_ner.py             # dev scores of a held-out model + speed of the shipped model
    python benchmarks/bench_ner.py --shipped   # score the shipped model itself on dev

The dev split is the last 10 % of ``../shared/anercorp/train.txt``.  When the shipped model was
trained on all of train (see ``final_training`` in its card) it has seen dev, so by default the
benchmark retrains a held-out model with the card's settings (about 40 s) and scores that; when the
shipped model never saw dev it is scored directly.  Scores are exact span and type, conlleval style.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from analysis.ner import model_card, tag_sentences
from analysis.ner import model as ner_model
from analysis.ner.corpus import anercorp_train_path, read_conll, split_dev
from analysis.ner.evaluate import format_scores, score_spans
from analysis.ner.train import predict, train_crf


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shipped", action="store_true", help="score the shipped model even if it saw dev")
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
    saw_dev = not card["final_training"].startswith("train minus dev")
    print(f"shipped model: {card['model_file']} v{card['model_version']}, {card['model_bytes'] / 1e6:.2f} MB, "
          f"c1={card['settings']['c1']} c2={card['settings']['c2']}; trained on: {card['final_training']}")
    print(f"dev split: {len(dev)} sentences, {n_tok} tokens (train part {len(train)} sentences)\n")

    if saw_dev and not ns.shipped:
        with tempfile.TemporaryDirectory(prefix="bench_ner_") as tmp:
            path = Path(tmp) / "heldout.crfsuite"
            secs = train_crf(train, path, card["settings"])
            pred = predict(path, tokens)
        print(f"held-out model retrained with the card's settings in {secs:.0f} s; dev scores:")
    else:
        pred = tag_sentences(tokens)
        note = " (this model saw dev in training: optimistic)" if saw_dev else ""
        print(f"shipped model on dev{note}:")
    print(format_scores(score_spans(gold, pred)))

    best = float("inf")
    for _ in range(ns.repeat):
        t0 = time.perf_counter()
        tag_sentences(tokens)
        best = min(best, time.perf_counter() - t0)
    print(f"\nspeed (shipped model, features + Viterbi, 1 core): {n_tok / best:,.0f} tokens/s "
          f"({len(dev) / best:,.0f} sentences/s); first load {load_s * 1000:.0f} ms "
          f"from {ner_model.MODEL_PATH}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
