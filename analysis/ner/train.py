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
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from importlib import metadata
from pathlib import Path
from typing import Any

import pycrfsuite

from analysis.ner.corpus import DEV_FRACTION, TaggedSentence, anercorp_train_path, read_conll, split_dev
from analysis.ner.document import DOC_WINDOW, stage2_features
from analysis.ner.evaluate import Score, format_scores, score_spans
from analysis.ner.features import FEATURES_VERSION, Gazetteer, sentence_features
from analysis.ner.model import CARD_FILENAME, MODEL_FILENAME, STAGE1_FILENAME
from analysis.ner.names import NAMES_FILENAME, build_names, default_sources, read_names, write_names

__all__ = ["TrainSettings", "train_crf", "predict", "train_pipeline", "main", "MODEL_VERSION", "FOLDS"]

MODEL_VERSION = "2.0.0"
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


def train_crf(sents: Sequence[TaggedSentence], out_path: Path, settings: TrainSettings,
              *, gazetteer: Gazetteer | None = None) -> float:
    """Train one stage-1 CRF on ``sents``; returns seconds taken."""
    return _fit([sentence_features(s.tokens, gazetteer=gazetteer) for s in sents], [s.tags for s in sents],
                out_path, settings)


def _stage1_job(args: tuple[list[TaggedSentence], list[list[str]], TrainSettings, Gazetteer, str]) -> tuple[list[list[str]], float]:
    """Train stage 1 on ``train`` and tag ``test`` (token lists); run in a worker process."""
    train, test, settings, gazetteer, out = args
    secs = train_crf(train, Path(out), settings, gazetteer=gazetteer)
    return _tag(Path(out), [sentence_features(t, gazetteer=gazetteer) for t in test]), secs


def _folds(n: int, k: int) -> list[range]:
    return [range(n * i // k, n * (i + 1) // k) for i in range(k)]


def _stage1_jobs(sents: list[TaggedSentence], extra: list[list[str]], settings: TrainSettings,
                 gazetteer: Gazetteer, tmp: Path, tag: str, folds: int) -> list[tuple]:
    """The jackknife jobs over ``sents`` and the job training on all of them (which tags ``extra``)."""
    jobs = []
    for k, fold in enumerate(_folds(len(sents), folds)):
        rest = sents[: fold.start] + sents[fold.stop:]
        jobs.append((rest, [sents[i].tokens for i in fold], settings, gazetteer, str(tmp / f"{tag}_fold{k}.crfsuite")))
    jobs.append((sents, extra, settings, gazetteer, str(tmp / f"{tag}_stage1.crfsuite")))
    return jobs


def _stage2_job(args: tuple[list[TaggedSentence], list[list[str]], TrainSettings, Gazetteer, int, str]) -> float:
    sents, stage1_tags, settings, gazetteer, window, out = args
    feats = [sentence_features(s.tokens, gazetteer=gazetteer) for s in sents]
    xs = stage2_features(feats, [s.tokens for s in sents], stage1_tags, window=window)
    return _fit(xs, [s.tags for s in sents], Path(out), settings)


def predict(stage1_path: Path, stage2_path: Path, sents: Sequence[Sequence[str]], *,
            gazetteer: Gazetteer | None, window: int = DOC_WINDOW) -> tuple[list[list[str]], list[list[str]]]:
    """``(stage-1 tags, final tags)`` of model files for consecutive token lists (one document)."""
    feats = [sentence_features(list(t), gazetteer=gazetteer) for t in sents]
    s1 = _tag(stage1_path, feats)
    return s1, _tag(stage2_path, stage2_features(feats, sents, s1, window=window))


def _run(jobs: list[tuple], fn, n_jobs: int) -> list:
    if n_jobs > 1 and len(jobs) > 1:
        with ProcessPoolExecutor(max_workers=n_jobs) as pool:
            return list(pool.map(fn, jobs))
    return [fn(j) for j in jobs]


def train_pipeline(train: list[TaggedSentence], dev: list[TaggedSentence], full: list[TaggedSentence] | None,
                   settings: TrainSettings, gazetteer: Gazetteer, tmp: Path, *, folds: int, window: int,
                   n_jobs: int) -> dict[str, Any]:
    """Held-out run (train -> dev) and, if ``full`` is given, the same pipeline on ``full``; all stage-1 jobs in one pool."""
    jobs = _stage1_jobs(train, [s.tokens for s in dev], settings, gazetteer, tmp, "heldout", folds)
    if full is not None:
        jobs += _stage1_jobs(full, [], settings, gazetteer, tmp, "all", folds)
    t0 = time.perf_counter()
    res = _run(jobs, _stage1_job, n_jobs)
    stage1_secs = time.perf_counter() - t0
    held = res[: folds + 1]
    s1_train = [t for tags, _ in held[:folds] for t in tags]
    s1_dev = held[folds][0]
    jobs2 = [(train, s1_train, settings, gazetteer, window, str(tmp / "heldout_stage2.crfsuite"))]
    if full is not None:
        s1_full = [t for tags, _ in res[folds + 1: 2 * folds + 1] for t in tags]
        jobs2.append((full, s1_full, settings, gazetteer, window, str(tmp / "all_stage2.crfsuite")))
    t0 = time.perf_counter()
    _run(jobs2, _stage2_job, n_jobs)
    stage2_secs = time.perf_counter() - t0
    dev_feats = [sentence_features(s.tokens, gazetteer=gazetteer) for s in dev]
    final = _tag(tmp / "heldout_stage2.crfsuite",
                 stage2_features(dev_feats, [s.tokens for s in dev], s1_dev, window=window))
    gold = [s.tags for s in dev]
    return {
        "stage1_scores": score_spans(gold, s1_dev),
        "scores": score_spans(gold, final),
        "stage1_seconds": round(stage1_secs, 1),
        "stage2_seconds": round(stage2_secs, 1),
        "trainings": len(jobs) + len(jobs2),
    }


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
    write_names(build_names(*sources), names_out)
    gazetteer = read_names(names_out.read_bytes())
    print(f"name list: {len(gazetteer.names)} names -> {names_out}", flush=True)
    settings = _settings(ns.c1, ns.c2, ns.max_iterations)

    with tempfile.TemporaryDirectory(prefix="ner_train_") as tmp_name:
        tmp = Path(tmp_name)
        result = train_pipeline(train, dev, sents if ns.final == "all" else None, settings, gazetteer, tmp,
                                folds=ns.folds, window=ns.window, n_jobs=ns.jobs)
        print(f"stage 1 alone on dev:\n{format_scores(result['stage1_scores'])}", flush=True)
        print(f"stacked (shipped pipeline) on dev:\n{format_scores(result['scores'])}", flush=True)
        tag = "all" if ns.final == "all" else "heldout"
        model_out = ns.out_dir / MODEL_FILENAME
        stage1_out = ns.out_dir / STAGE1_FILENAME
        model_out.write_bytes((tmp / f"{tag}_stage2.crfsuite").read_bytes())
        stage1_out.write_bytes((tmp / f"{tag}_stage1.crfsuite").read_bytes())

    src_info = {str(p.name): _sha256(p) for p in sources if p is not None}
    card = {
        "name": "analysis.ner stacked CRF (ANERcorp)",
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
        "labels": ["B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC", "O"],
        "architecture": ("stage 1 CRF over token features incl. name-list membership; stage 2 CRF over the same "
                         "plus stage-1 tags (token, neighbours) and document evidence (type stage 1 gave the "
                         f"same clitic-stripped word within {ns.window} sentences either side); stage 2 trained "
                         f"on {ns.folds}-fold jackknifed stage-1 tags"),
        "document_window": ns.window,
        "jackknife_folds": ns.folds,
        "training_data": {
            "corpus": "ANERcorp, CAMeL Lab split, train part",
            "file_sha256": _sha256(ns.data),
            "sentences": len(sents),
            "tokens": sum(len(s.tokens) for s in sents),
            "limit": ns.limit,
            "citation": CITATION,
        },
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
        "retrain_command": "python -m analysis.ner.train" + (" --final heldout" if ns.final == "heldout" else ""),
    }
    card_out = ns.out_dir / CARD_FILENAME
    card_out.write_text(json.dumps(card, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    total_mb = (card["model_bytes"] + card["stage1_bytes"] + card["names_bytes"]) / 1e6
    print(f"wrote {model_out}, {stage1_out}, {names_out} ({total_mb:.2f} MB) and {card_out} "
          f"in {card['total_seconds']:.0f}s", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
