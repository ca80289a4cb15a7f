"""Title chains: the words between a person title and the name it introduces.

``رئيس الوزراء العراقي مصطفى الكاظمي``, ``وزير خارجيتها رياض المالكي``, ``نائب رئيس مجلس إدارة "سابك" الرئيس
التنفيذي المكلف يوسف البنيان``: after the title word come its complements (``الوزراء``, ``العراقي``), possessive
complements (``خارجيتها``), further title and head nouns (``مجلس``), common nouns they govern (``إدارة``), names
already found (``سابك``, also in quotation marks) -- and then the person.  The entity layer (finding the person
after the chain) and the quote layer (finding the speaker after it) walk the same chain with
:func:`skip_title_chain`; their few differences are its options.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from analysis.lexicon.gazetteer import titles
from analysis.text.commonwords import is_common
from analysis.text.quotation import QUOTE_MARKS
from analysis.text.stopwords import is_stopword

__all__ = ["QUOTE_MARKS", "POSSESSIVE_RE", "skip_title_chain"]

# Possessive complement of a title (وزير خارجيتها, رئيس وزرائها): on the *written* token, where ة is not ه.
POSSESSIVE_RE = re.compile(r"^\w{3,}(?:ه|ها|هم|هما)$")


def _definite(w: str) -> bool:
    """A normalised word with the article (after a conjunction و/ف: ``والمدير``)."""
    return w.startswith("ال") or (w[:1] in "وف" and w[1:3] == "ال")


def skip_title_chain(text: Sequence[str], norm: Sequence[str], kind: Sequence[str], sentence: Sequence[int],
                     j: int, mention_at: Sequence[Any], *, is_person: Callable[[Any], bool],
                     mention_end: Callable[[Any], int], stop: Callable[[int, str], bool],
                     max_steps: int | None = None, until: int | None = None) -> tuple[int, Any]:
    """Skip the title chain that starts at token ``j`` (the token right after a title word); returns
    ``(next token index, the person mention that ends the chain or None)``.

    The token lists are the article's (written ``text``, ``norm``, ``kind``, ``sentence``); ``mention_at[k]`` is the
    mention covering token k or None, read through ``is_person(m)`` and ``mention_end(m)`` (index one past its last
    token).  The chain stays in the title word's sentence and takes, in this order of checks:

    * a mention: a person ends the chain (returned), any other mention is skipped whole;
    * a quotation mark next to a mention (``"سابك"``);
    * -- a token that is not a word, or for which ``stop(k, norm[k])`` holds, ends the chain --
    * a title, an organisation head noun or a unit noun (``رئيس``, ``مجلس``، ``قسم``: titles.csv ``unit_noun``): it may
      govern a common noun;
    * a complement, a definite word or a possessive complement (``الدفاع``, ``خارجيتها``), also a definite word or
      a head noun after ل (``للتجارة``، ``لإمارة المنطقة``);
    * a common noun governed by the previous head (``إدارة`` after ``مجلس``); only an indefinite head governs
      (construct state): after a definite title (``الأستاذة مشاعر``، ``المهندس أمل``) a common word is in
      apposition, the person's own name, and ends the chain.

    Limits: at most ``max_steps`` skipped words/mentions (quotation marks do not count), and/or no token at or
    beyond index ``until``.
    """
    n = len(norm)
    t = titles()
    comp, heads, person_titles = t.get("complement", frozenset()), \
        t.get("org_head", frozenset()) | t.get("unit_noun", frozenset()), t.get("person_title", frozenset())
    sid = sentence[j - 1] if j > 0 else None
    end = n if until is None else min(n, until)
    steps = 0
    # the previous word is an indefinite head noun that may govern a common noun (رئيس مجلس إدارة); a definite
    # one (الأستاذة) is in apposition with what follows, which it cannot govern
    governs = j == 0 or not _definite(norm[j - 1])
    if 0 < j < n and text[j] == "." and len(norm[j - 1]) == 1:
        j += 1  # د. ميلاد حنا: an abbreviated title's point belongs to it
    while j < end and (max_steps is None or steps < max_steps) and sentence[j] == sid:
        m = mention_at[j]
        if m is not None:
            if is_person(m):
                return j, m
            j, steps, governs = mention_end(m), steps + 1, False
            continue
        w = norm[j]
        if text[j] in QUOTE_MARKS and ((j + 1 < n and mention_at[j + 1] is not None)
                                       or (j > 0 and mention_at[j - 1] is not None)):
            j += 1  # a quoted name inside the chain: مجلس إدارة "سابك"
            continue
        if kind[j] != "word" or stop(j, w):
            break
        if w == "في" and steps and (b := _bridge(norm, kind, sentence, j + 1, mention_at, is_person, mention_end,
                                                 person_titles, end)) is not None:
            j, steps, governs = b, steps + 1, False  # المدير ... في المدينة | الدكتور فلان: a place of work
            continue
        if w in heads or w in person_titles or (w[:1] == "ل" and w[1:] in heads):
            j, steps, governs = j + 1, steps + 1, not _definite(w)  # لإمارة المنطقة: ل + a head noun
            continue
        if w.startswith("لل") and len(w) > 4 and not is_stopword(w):
            j, steps, governs = j + 1, steps + 1, False  # المتحدث الرسمي للوزارة: a ل-genitive complement
            continue
        if w in comp or POSSESSIVE_RE.match(text[j]) or (w.startswith("ال") and not is_stopword(w)):
            j, steps, governs = j + 1, steps + 1, False
            continue
        if w.startswith("وال") and len(w) > 4 and steps and norm[j - 1].startswith(("ال", "وال", "لل")) \
                and w[1:] not in person_titles and w[1:] not in heads and not is_stopword(w[1:]):
            j, steps, governs = j + 1, steps + 1, False  # وزير المالية والإقتصاد الوطني: a coordinated complement
            continue
        if governs and is_common(w) and not is_stopword(w):
            j, steps, governs = j + 1, steps + 1, False
            continue
        break
    return j, None


def _bridge(norm: Sequence[str], kind: Sequence[str], sentence: Sequence[int], k: int, mention_at: Sequence[Any],
            is_person: Callable[[Any], bool], mention_end: Callable[[Any], int], person_titles: frozenset[str],
            end: int) -> int | None:
    """After ``في`` inside a chain: the end of its object (a mention, or a definite word and its definite
    adjectives) when a title or a person follows it at once (``المدير التنفيذي للشؤون الأكاديمية في المدينة
    الدكتور فلان``), else None: ``في`` ends the chain (``قال الوزير في كلمته``)."""
    if k >= end:
        return None
    m = mention_at[k]
    if m is not None:
        if is_person(m):
            return None
        k = mention_end(m)
    elif kind[k] == "word" and _definite(norm[k]) and not is_stopword(norm[k]):
        k += 1
        while k < end and mention_at[k] is None and kind[k] == "word" and _definite(norm[k]) \
                and norm[k] not in person_titles and not is_stopword(norm[k]) and sentence[k] == sentence[k - 1]:
            k += 1
    else:
        return None
    if k >= end or sentence[k] != sentence[k - 1]:
        return None
    nxt = mention_at[k]
    if (nxt is not None and is_person(nxt)) or (nxt is None and norm[k] in person_titles):
        return k
    return None
