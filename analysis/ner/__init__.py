"""Arabic named-entity recognition: two stacked CRFs trained on ANERcorp, shipped in the package.

Public API::

    from analysis.ner import tag_sentences, tag_tokens, NERModelError
    tag_sentences([["وزير", "الدفاع", "الإيطالي", "لورينزو", "جويريني"]])
    # -> [["O", "O", "O", "B-PERS", "I-PERS"]]  (BIO tags over PERS, LOC, ORG, MISC)

``tag_sentences`` reads its sentences as one document in order (a name found in one sentence
helps find it in the others); ``tag_tokens`` tags a single sentence on its own.  Tagging reads the
models' weights into numpy (:mod:`analysis.ner.crf`) and works a chunk of sentences at a time
(:mod:`analysis.ner.stream`): the same tags as the plain pycrfsuite path
(``analysis.ner.model.tag_sentences_reference``), ~7x faster, in memory bounded by the chunk.

Retrain with ``python -m analysis.ner.train`` (see ``analysis/models/ner_crf.json`` for how the
shipped model was trained).  Training data: ANERcorp (Benajiba, Rosso & Benedí Ruiz 2007), CAMeL Lab
train/test split (Obeid et al., LREC 2020).
"""
from __future__ import annotations

from analysis.ner.model import LABELS, NERModelError, model_card, tag_sentences, tag_tokens

__all__ = ["LABELS", "NERModelError", "model_card", "tag_sentences", "tag_tokens"]
