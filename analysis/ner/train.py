"""Train the Arabic NER CRF on ANERcorp and write the model and its card into ``analysis/models/``.

    python -m analysis.ner.train                       # grid on dev, then the shipped model
    python -m analysis.ner.train --c1 0.05 --c2 0.05   # no grid: fixed settings
    python -m analysis.ner.train --final all           # ship a model trained on all of train

The dev split is the last 10 % of the training file's sentences (file order, no shuffling).
Every grid point is trained on the rest and scored on dev (entity level, exact span and type);
the best point's dev scores go into the card.  The shipped model is then either that held-out
model (``--final heldout``, default: the card's dev figures describe exactly the shipped file)
or a retrain on all sentences with the same settings (``--final all``).  L-BFGS training has no
random component and the data are not shuffled, so a rerun gives the same model bytes.
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
from concurrent.futures import ProcessPoolExecutor
from importlib import metadata
from pathlib import Path
from typing import Any, Sequence

import pycrfsuite

from analysis.ner.corpus import DEV_FRACTION, TaggedSentence, anercorp_train_path, read_conll, split_dev
from analysis.ner.evaluate import Score, format_scores, score_spans
from analysis.ner.features import FEATURES_VERSION, sentence_features
from analysis.ner.model import CARD_FILENAME, MODEL_FILENAME

__all__ = ["TrainSettings", "train_crf", "predict", "main", "MODEL_VERSION", "DEFAULT_GRID"]

MODEL_VERSION = "1.0.0"
SEED = 0  # recorded for the card; nothing in training draws random numbers
MAX_ITERATIONS = 200
TIE_TOLERANCE = 0.005  # dev F1 within this of the best counts as a tie
DEFAULT_GRID: tuple[tuple[float, float], ...] = tuple(
    (c1, c2) for c1 in (0.02, 0.05, 0.1) for c2 in (0.01, 0.05)
)
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


def train_crf(sents: Sequence[TaggedSentence], out_path: Path, settings: TrainSettings) -> float:
    """Train on ``sents`` with ``settings`` and write the model to ``out_path``; returns seconds taken."""
    t0 = time.perf_counter()
    trainer = pycrfsuite.Trainer(algorithm=settings["algorithm"], verbose=False)
    for s in sents:
        trainer.append(sentence_features(s.tokens), s.tags)
    trainer.set_params({k: v for k, v in settings.items() if k != "algorithm"})
    out_path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out_path))
    return time.perf_counter() - t0


def predict(model_path: Path, sents: Sequence[Sequence[str]]) -> list[list[str]]:
    """Tags of a model file for token lists (for evaluation; the public API is ``analysis.ner``)."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    try:
        return [tagger.tag(sentence_features(list(t))) if t else [] for t in sents]
    finally:
        tagger.close()


def _scores_json(scores: dict[str, Score]) -> dict[str, dict[str, float | int]]:
    return {
        t: {"precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4),
            "n_gold": s.n_gold, "n_pred": s.n_pred, "n_correct": s.n_correct}
        for t, s in scores.items()
    }


def _grid_point(args: tuple[list[TaggedSentence], list[TaggedSentence], TrainSettings, str]) -> dict[str, Any]:
    train, dev, settings, out = args
    secs = train_crf(train, Path(out), settings)
    scores = score_spans([s.tags for s in dev], predict(Path(out), [s.tokens for s in dev]))
    return {"settings": settings, "seconds": round(secs, 1), "scores": scores, "model": out}


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _default_out_dir() -> Path:
    return Path(__file__).resolve().parents[1] / "models"


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m analysis.ner.train", description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=anercorp_train_path(), help="ANERcorp train file (token TAG)")
    ap.add_argument("--out-dir", type=Path, default=_default_out_dir(), help="where model and card are written")
    ap.add_argument("--c1", type=float, help="L1 penalty (with --c2: skip the grid)")
    ap.add_argument("--c2", type=float, help="L2 penalty (with --c1: skip the grid)")
    ap.add_argument("--max-iterations", type=int, default=MAX_ITERATIONS)
    ap.add_argument("--final", choices=("heldout", "all"), default="heldout",
                    help="ship the model trained without dev (default) or retrain on all of train")
    ap.add_argument("--jobs", type=int, default=2, help="grid points trained in parallel")
    ap.add_argument("--limit", type=int, help="use only the first N sentences (smoke tests)")
    ns = ap.parse_args(argv)
    if (ns.c1 is None) != (ns.c2 is None):
        ap.error("give both --c1 and --c2, or neither (grid search)")
    return ns


def main(argv: Sequence[str] | None = None) -> int:
    ns = _parse_args(argv)
    if not ns.data.is_file():
        print(f"error: {ns.data}: training file not found", file=sys.stderr)
        return 2
    t_start = time.perf_counter()
    sents = read_conll(ns.data)
    if ns.limit:
        sents = sents[: ns.limit]
    train, dev = split_dev(sents)
    print(f"{len(sents)} sentences: train {len(train)}, dev {len(dev)} (last {DEV_FRACTION:.0%})", flush=True)

    grid = [(ns.c1, ns.c2)] if ns.c1 is not None else list(DEFAULT_GRID)
    ns.out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="ner_train_") as tmp:
        jobs = [(train, dev, _settings(c1, c2, ns.max_iterations), str(Path(tmp) / f"grid_{k}.crfsuite"))
                for k, (c1, c2) in enumerate(grid)]
        if ns.jobs > 1 and len(jobs) > 1:
            with ProcessPoolExecutor(max_workers=ns.jobs) as pool:
                results = list(pool.map(_grid_point, jobs))
        else:
            results = [_grid_point(j) for j in jobs]
        for r in results:
            st, sc = r["settings"], r["scores"]["ALL"]
            print(f"c1={st['c1']:<5} c2={st['c2']:<5} dev F1={sc.f1:.4f} P={sc.precision:.4f} "
                  f"R={sc.recall:.4f} ({r['seconds']:.0f}s)", flush=True)
        # Dev has about 1,000 entities: F1 differences under TIE_TOLERANCE are noise, so among the points
        # that close to the best, take the strongest regularisation (smaller model, less overfitting).
        top = max(r["scores"]["ALL"].f1 for r in results)
        near = [r for r in results if r["scores"]["ALL"].f1 >= top - TIE_TOLERANCE]
        best = max(near, key=lambda r: (r["settings"]["c1"], r["settings"]["c2"]))
        settings = best["settings"]
        print(f"best: c1={settings['c1']} c2={settings['c2']}\n{format_scores(best['scores'])}", flush=True)

        model_out = ns.out_dir / MODEL_FILENAME
        if ns.final == "heldout":
            final_secs = best["seconds"]
            model_out.write_bytes(Path(best["model"]).read_bytes())
        else:
            final_secs = round(train_crf(sents, model_out, settings), 1)

    card = {
        "name": "analysis.ner CRF (ANERcorp)",
        "model_version": MODEL_VERSION,
        "features_version": FEATURES_VERSION,
        "created": dt.date.today().isoformat(),
        "model_file": MODEL_FILENAME,
        "model_bytes": model_out.stat().st_size,
        "model_sha256": _sha256(model_out),
        "labels": ["B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC", "O"],
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
        "selection": f"highest c1 (then c2) among grid points within {TIE_TOLERANCE} dev F1 of the best",
        "grid": [{"c1": r["settings"]["c1"], "c2": r["settings"]["c2"],
                  "dev_f1": round(r["scores"]["ALL"].f1, 4), "seconds": r["seconds"]} for r in results],
        "dev_scores": _scores_json(best["scores"]),
        "dev_scores_note": "entity level, exact span and type, conlleval-style chunking",
        "final_training_seconds": final_secs,
        "total_seconds": round(time.perf_counter() - t_start, 1),
        "software": {
            "python": platform.python_version(),
            "python-crfsuite": metadata.version("python-crfsuite"),
            "cpu_count": os.cpu_count(),
        },
        "retrain_command": "python -m analysis.ner.train" + (" --final all" if ns.final == "all" else ""),
    }
    card_out = ns.out_dir / CARD_FILENAME
    card_out.write_text(json.dumps(card, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {model_out} ({card['model_bytes'] / 1e6:.2f} MB) and {card_out} "
          f"in {card['total_seconds']:.0f}s", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
