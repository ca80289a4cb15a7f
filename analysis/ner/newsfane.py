"""NewsFANE Gold (Alotaibi & Lee, COLING 2014) as extra NER training data: reading, re-joining, mapping, splitting.

The corpus (``../shared/ner/newsfane/NewsFANE_Gold_2014_170K.txt``, CC BY-SA 3.0) is newswire text
tagged with 50 fine-grained classes.  Its conventions differ from ANERcorp's and from the tokens
our tokenizer gives:

- clitics are split off as tokens (``و قال``، ``ان ه``، ``ب كون ي``): :func:`rejoin` glues a
  proclitic token to the word after it and a pronoun-suffix token to the word before it;
- every token carries a left-to-right mark (U+200E), dropped on reading;
- its fine classes are mapped to our four types by ``analysis/data/ner_newsfane_map.csv``
  (the mapping was checked against the ANERcorp tags of the sentences both corpora share).

NewsFANE re-annotates ANERcorp: 3,437 of its 4,760 sentences are sentences of the ANERcorp
training part and 377 of its dev split; most of the other 946 form one contiguous stretch of the
corpus that the ANERcorp training file does not have (presumably the ANERcorp test split, which
is held back for evaluation).  :func:`partition` therefore trains only on the sentences that
the ANERcorp training part has (a second, finer annotation of the same text, mapped to our
types), holds out those of the ANERcorp dev split (scored with NewsFANE's own tags, as a second
opinion on the same text) and uses the rest nowhere (:data:`HELDOUT_RULE`).
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import NamedTuple

from analysis.lexicon import load_csv
from analysis.ner.corpus import TaggedSentence
from analysis.ner.evaluate import repair_bio

__all__ = [
    "HELDOUT_RULE",
    "NewsFANEParts",
    "class_map",
    "letters_key",
    "map_tags",
    "newsfane_path",
    "partition",
    "read_newsfane",
    "rejoin",
]

HELDOUT_RULE = ("a NewsFANE sentence is matched to ANERcorp train.txt by its letters (hamza forms, alef maqsura, "
                "teh marbuta folded; whole sentence, first 30 or last 30 letters): one found in the training part "
                "(train.txt minus the dev split) is training data, one found in the dev split (last 10% of "
                "train.txt) is the held-out part, any other is used nowhere")

# Clitic tokens of the corpus's segmentation.  Proclitics join the next word, enclitics the previous one.
_PROCLITICS = frozenset(("و", "ف", "ب", "ل", "لل"))
_ENCLITICS = frozenset(("ه", "ها", "هم", "هما", "هن", "كم", "كما", "كن", "نا", "ي"))
_ARABIC_LETTERS = frozenset(chr(c) for c in range(0x0621, 0x064B))


def newsfane_path() -> Path:
    """``../shared/ner/newsfane/NewsFANE_Gold_2014_170K.txt`` relative to the project root (may not exist)."""
    root = Path(__file__).resolve().parents[2]
    return root.parent / "shared" / "ner" / "newsfane" / "NewsFANE_Gold_2014_170K.txt"


def read_newsfane(path: str | Path) -> list[TaggedSentence]:
    """Sentences of the corpus file as written (fine-grained BIO tags), marks U+200E / U+FEFF removed."""
    sents: list[TaggedSentence] = []
    toks: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.replace("\u200e", "").replace("\ufeff", "").split()
            if not parts:
                if toks:
                    sents.append(TaggedSentence(toks, tags))
                    toks, tags = [], []
                continue
            if len(parts) < 2:  # a tag without its token: nothing to learn from
                continue
            toks.append(" ".join(parts[:-1]))
            tags.append(parts[-1])
    if toks:
        sents.append(TaggedSentence(toks, tags))
    return sents


def _is_word(tok: str) -> bool:
    return bool(tok) and tok[0] in _ARABIC_LETTERS


def rejoin(sent: TaggedSentence) -> TaggedSentence:
    """Glue split clitics back: ``و قال`` -> ``وقال``, ``ان ه`` -> ``انه``, ``ك ما`` -> ``كما``.

    A joined token takes the tag of its word (``B-`` if the proclitic began the entity).  ``ك`` is a
    proclitic before ``ما`` and a suffix after a word; ``ال`` stays apart (``ال نهيان`` is آل نهيان).
    """
    toks, tags = sent.tokens, sent.tags
    out_t: list[str] = []
    out_g: list[str] = []
    pending, pending_tag = "", "O"
    for i, (tok, tag) in enumerate(zip(toks, tags)):
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if (tok in _PROCLITICS or (tok == "ك" and nxt == "ما")) and _is_word(nxt):
            if not pending:
                pending_tag = tag
            pending += tok
            continue
        if pending:
            if pending_tag.startswith("B-") and tag.startswith("I-"):
                tag = "B-" + tag[2:]
            out_t.append(pending + tok)
            out_g.append(tag)
            pending = ""
            continue
        if (tok in _ENCLITICS or tok == "ك") and out_t and _is_word(out_t[-1]):
            out_t[-1] += tok
            continue
        out_t.append(tok)
        out_g.append(tag)
    if pending:  # a proclitic at the very end (cannot happen with _is_word(nxt), kept for safety)
        out_t.append(pending)
        out_g.append(pending_tag)
    return TaggedSentence(out_t, out_g)


@cache
def class_map() -> dict[str, str]:
    """NewsFANE fine class -> our type (PERS, LOC, ORG, MISC) or ``O`` (not an entity in our scheme)."""
    rows = load_csv("ner_newsfane_map.csv", required=("class", "type", "gloss_en"), key=("class",))
    return {row["class"]: row["type"] for row in rows}


def map_tags(tags: Sequence[str]) -> list[str]:
    """Fine BIO tags to ours; a class missing from the map raises ``KeyError`` (the CSV must cover the corpus)."""
    table = class_map()
    out: list[str] = []
    for tag in tags:
        if tag == "O":
            out.append("O")
            continue
        prefix, _, cls = tag.partition("-")
        typ = table[cls]
        out.append("O" if typ == "O" else f"{prefix}-{typ}")
    return repair_bio(out)  # an I- after an entity mapped to O (or after O) must open a chunk


_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي", "ء": None})


def letters_key(tokens: Sequence[str]) -> str:
    """The letters of a sentence, hamza forms, alef maqsura and teh marbuta folded (spaces and punctuation gone)."""
    text = "".join(tokens).translate(_FOLD)
    return "".join(c for c in text if c.isalnum())


_EDGE = 30  # letters: a sentence whose first or last 30 letters an ANERcorp sentence shares is the same sentence


def _dup_keys(key: str) -> tuple[str, ...]:
    """The whole letter key, and its first and last :data:`_EDGE` letters when it is longer (spelling drifts)."""
    return (key, "<" + key[:_EDGE], key[-_EDGE:] + ">") if len(key) > _EDGE else (key,)


class NewsFANEParts(NamedTuple):
    train: list[TaggedSentence]  # re-joined, mapped: sentences of the ANERcorp training part
    train_index: list[int]  # for each, the index of its sentence in the ANERcorp training part
    heldout: list[TaggedSentence]  # re-joined, mapped: sentences of the ANERcorp dev split (never trained on)
    heldout_index: list[int]  # for each, the index of its sentence in the ANERcorp dev split
    unused: int  # sentences in neither (not trained on, not scored)


def partition(sents: Sequence[TaggedSentence], anercorp_train: Sequence[TaggedSentence],
              anercorp_dev: Sequence[TaggedSentence]) -> NewsFANEParts:
    """NewsFANE (as read) split by :data:`HELDOUT_RULE`, re-joined and mapped to our types."""
    where: dict[str, tuple[str, int]] = {}
    for part, group in (("train", anercorp_train), ("dev", anercorp_dev)):
        for i, s in enumerate(group):
            for k in _dup_keys(letters_key(s.tokens)):
                where.setdefault(k, (part, i))
    train: list[TaggedSentence] = []
    index: list[int] = []
    held: list[TaggedSentence] = []
    held_index: list[int] = []
    unused = 0
    for s in sents:
        found = {where[k] for k in _dup_keys(letters_key(s.tokens)) if k in where}
        parts = {p for p, _ in found}
        if len(parts) != 1:  # in neither part, or (by its edges) in both: use it nowhere
            unused += 1
            continue
        j = rejoin(s)
        mapped = TaggedSentence(j.tokens, map_tags(j.tags))
        if parts == {"train"}:
            train.append(mapped)
            index.append(min(i for _, i in found))
        else:
            held.append(mapped)
            held_index.append(min(i for _, i in found))
    return NewsFANEParts(train, index, held, held_index, unused)
