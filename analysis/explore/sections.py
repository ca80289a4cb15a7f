"""The names of an article's sections, the same on every page.

Section 0 is the opening: the body paragraphs before the first subheading (:data:`OPENING`, "مطلع الخبر ·
opening"). Every later section is named by its subheading, in Arabic as written and in English from the stored hand
translation where there is one, else from the reviewed glossary word by word (:func:`analysis.lexicon.glossary.
gloss_phrase`), else ``section N``.
"""
from __future__ import annotations

import pandas as pd

__all__ = ["OPENING", "OPENING_LABEL", "section_labels"]

OPENING = ("مطلع الخبر", "opening")
OPENING_LABEL = f"{OPENING[0]} · {OPENING[1]}"


def section_labels(art, *, translation: pd.DataFrame | None = None) -> dict[int, tuple[str, str]]:
    """``section_id -> (Arabic label, English label)`` for every section of *art*, the opening first.

    *translation*: a ``translation_for`` table (default: the stored one for the article, if any)."""
    from analysis.lexicon.glossary import gloss_phrase

    paras = art.paragraphs
    if translation is None:
        import warnings

        from analysis.lexicon.translations import TranslationMismatch, translation_for

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", TranslationMismatch)
            translation = translation_for(paras)
    english = dict(zip(translation["paragraph_id"], translation["en"]))
    labels: dict[int, tuple[str, str]] = {0: OPENING}
    for row in paras[paras["kind"] == "subheading"].itertuples(index=False):
        sid = int(row.section_id)
        if sid not in labels:
            ar = str(row.text)
            en = str(english.get(row.paragraph_id, "") or "").strip() or gloss_phrase(ar)
            labels[sid] = (ar, en or f"section {sid}")
    for sid in sorted(set(int(s) for s in paras["section_id"].dropna())):
        labels.setdefault(sid, (f"القسم {sid}", f"section {sid}"))
    return labels
