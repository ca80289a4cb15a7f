"""Gazetteer passes: reviewed names matched in normalised form behind proclitics, their short forms, and the
bare surnames that belong to another person (``وزير خارجيتها رياض المالكي`` is not Nouri al-Maliki)."""
from __future__ import annotations

import re

from analysis.extract.entities.base import Context, Mention, Tokens, claim, release
from analysis.extract.entities.patterns import after_title, standing_alone
from analysis.extract.entities.words import (
    adjective_after_noun,
    big_place,
    is_nisba,
    namey,
    nisba_endings,
    place_nisba,
    word_list,
)
from analysis.lexicon.gazetteer import GazetteerEntry, name_tokens, titles, variant_index
from analysis.text.clitics import clitic_forms

_VERSION_RE = re.compile(r"^\d{1,4}$")  # ويندوز 10, إكس بوكس 360: a product's version or an event's year

__all__ = ["gazetteer_pass", "surname_clash_pass", "match_gazetteer", "region_pass", "state_epithet_pass",
           "state_form_pass"]


def match_gazetteer(toks: Tokens) -> list[Mention]:
    """Longest gazetteer spellings in text order (a proclitic reading may start a name; the longest name wins,
    then the reading with the smallest offset); no two matches share a token."""
    index = variant_index()
    n = len(toks.norm)
    out: list[Mention] = []
    i = 0
    while i < n:
        if toks.kind[i] != "word":
            i += 1
            continue
        best = None  # (length, -offset, variant, offset)
        for off, form in clitic_forms(toks.text[i], toks.norm[i]):
            if off > 0 and len(form) <= 3 and big_place(toks.norm[i]):
                continue  # كابل (a cable; Kabul) is not ك + ابل (Apple): a short name inside a place as written
            for var in index.get(form, ()):
                L = len(var.tokens)
                if best is not None and L < best[0]:
                    break
                if i + L > n or any(toks.norm[i + k] != var.tokens[k] or toks.sentence[i + k] != toks.sentence[i]
                                    for k in range(1, L)):
                    continue
                cand = (L, -off, var, off)
                if best is None or cand[:2] > best[:2]:
                    best = cand
        if best is None:
            i += 1
            continue
        L, _, var, off = best
        out.append(Mention(i, i + L, toks.start[i] + off, toks.end[i + L - 1], var.entry.type, "gazetteer",
                           var.entry.key, var.entry, var.short, name_norm=var.tokens,
                           rule="gazetteer:short_form" if var.short else "gazetteer"))
        i += L
    return out


def _homograph_idafa(toks: Tokens, m: Mention) -> bool:
    """A one-word place that is also a common noun (entity_words.csv ``place_homograph``: حماة, protectors) governing
    the definite word after it (``حماة الديار``: an idafa, the protectors of the homeland), not the place; a place
    adjective after it (``حماة السورية``) leaves the place."""
    k = m.tok1
    if m.type not in ("GPE", "LOC") or m.tok1 - m.tok0 != 1 or m.name_norm[0] not in word_list("place_homograph") \
            or k >= len(toks.norm) or toks.sentence[k] != toks.sentence[m.tok0] or toks.kind[k] != "word":
        return False
    nxt = toks.norm[k]
    return nxt.startswith("ال") and len(nxt) > 3 and not is_nisba(nxt)


def gazetteer_pass(ctx: Context) -> None:
    """Gazetteer matches; a short form (``الكاظمي``, bare ``التحالف``) is kept only when it names an entry whose
    full name the article uses (the first such entry in file order), and joins that entry.  A spelling that opens
    with a person's title (``الملك سلمان``, ``السلطان قابوس``) names the person after it: the title stays outside
    the span, as everywhere (the ``title`` column takes it); one that is a title and its complement only
    (``خادم الحرمين الشريفين``) is no mention.  A MISC name (a product, an event) takes a number right after it
    (``ويندوز 10``, ``إكس بوكس 360``).  A one-word place
    shaped like a nisba right after a definite noun (``المرأة السعودية``، ``العاصمة السعودية``) is that noun's
    adjective (:func:`~.words.adjective_after_noun`), not a mention."""
    toks = ctx.toks
    gaz = [m for m in match_gazetteer(toks)
           if not (m.type in ("GPE", "LOC") and m.tok1 - m.tok0 == 1 and m.start == toks.start[m.tok0]
                   and adjective_after_noun(toks, m.tok0))  # المرأة السعودية: the adjective, not the state
           and not _homograph_idafa(toks, m)]
    full_keys = {m.key for m in gaz if not m.short}
    person_titles = titles().get("person_title", frozenset())
    complements = titles().get("complement", frozenset())
    for m in gaz:
        if m.type == "PERSON" and m.tok1 - m.tok0 > 1 and m.name_norm[0] in person_titles:
            if all(w in complements for w in m.name_norm[1:]):
                continue  # خادم الحرمين الشريفين: a title and its complement, no name (its tokens stay matched)
            m.tok0, m.start, m.name_norm = m.tok0 + 1, toks.start[m.tok0 + 1], m.name_norm[1:]  # الملك | سلمان
        k = m.tok1
        if m.type == "MISC" and not m.short and k < len(toks.norm) and toks.kind[k] == "number" \
                and toks.sentence[k] == toks.sentence[m.tok0] and _VERSION_RE.match(toks.text[k]) \
                and toks.start[k] - toks.end[k - 1] <= 1 and not (k + 1 < len(toks.norm) and toks.text[k + 1] == "%"):
            m.tok1, m.end, m.name_norm = k + 1, toks.end[k], m.name_norm + (toks.text[k],)  # ويندوز 10: a version
        if m.short:
            index = variant_index().get(m.name_norm[0], ())
            entry = next((v.entry for v in index if v.short and v.tokens == m.name_norm and v.entry.key in full_keys),
                         None)
            if entry is None:
                continue
            m.entry, m.key, m.type = entry, entry.key, entry.type
        ctx.found.append(m)
    for m in ctx.found:
        claim(ctx.covered, m)


def surname_clash_pass(ctx: Context) -> None:
    """Gazetteer persons matched by a bare surname right after another first name reached by a title (رياض المالكي
    is not Nouri al-Maliki) are dropped and their token released, so the name patterns can take the whole name."""
    toks, covered = ctx.toks, ctx.covered
    clashes = []
    for m in ctx.found:
        if m.type != "PERSON" or m.tok1 - m.tok0 != 1 or m.entry is None or m.start != toks.start[m.tok0]:
            continue
        b = m.tok0 - 1
        own = {t for v in m.entry.variants for t in name_tokens(v)}
        if b >= 0 and toks.sentence[b] == toks.sentence[m.tok0] and toks.norm[b] not in own \
                and namey(toks, b, covered) and after_title(toks, b, covered) \
                and not any(f.startswith("ال") for _, f in clitic_forms(toks.text[b], toks.norm[b])):
            release(covered, m)
            clashes.append(m)
    if clashes:
        ctx.found = [m for m in ctx.found if not any(m is c for c in clashes)]


def region_pass(ctx: Context) -> None:
    """A gazetteer place + a region adjective the gazetteer does not hold with it (``أميركا الشمالية``,
    ``أوروبا الشرقية``) is a region of its own: the mention grows over the adjective, type LOC, no gazetteer entry
    (``pattern:region``).  Spellings the gazetteer has (``كوريا الجنوبية``) matched whole before."""
    toks, covered = ctx.toks, ctx.covered
    adjectives = word_list("region_adjective")
    for m in ctx.found:
        k = m.tok1
        if m.source != "gazetteer" or m.type not in ("GPE", "LOC") or k >= len(toks.norm) \
                or toks.sentence[k] != toks.sentence[m.tok0] or covered[k] is not None or toks.norm[k] not in adjectives:
            continue
        m.tok1, m.end = k + 1, toks.end[k]
        m.name_norm = m.name_norm + (toks.norm[k],)
        m.type, m.source, m.entry, m.short, m.rule = "LOC", "pattern", None, False, "pattern:region"
        m.key = "loc:" + " ".join(m.name_norm)
        claim(covered, m)


def state_epithet_pass(ctx: Context) -> None:
    """``المملكة`` / ``السلطنة`` standing alone (no adjective after it) for the state: a GPE mention
    (``gazetteer:short_form``) of the article's gazetteer state whose name begins with that word (المملكة
    العربية السعودية, سلطنة عمان), else an entity of its own."""
    toks = ctx.toks
    epithets = word_list("state_epithet")
    states: dict[str, Mention] = {}
    for m in ctx.found:
        if m.type == "GPE" and m.entry is not None:
            for v in m.entry.variants:
                first = name_tokens(v)[0] if name_tokens(v) else ""
                states.setdefault(first if first.startswith("ال") else "ال" + first, m)
    # not المملكة المتحدة, المملكة الحيوانية: a kingdom described, not the state standing alone
    for i, (off, form) in standing_alone(ctx, epithets):
        state = states.get(form)
        key = state.key if state is not None else "gpe:" + form
        ctx.add(Mention(i, i + 1, toks.start[i] + off, toks.end[i], "GPE", "gazetteer" if state else "pattern", key,
                        entry=state.entry if state else None, short=True, name_norm=(form,),
                        rule="gazetteer:short_form" if state else "pattern:state_epithet"))


def _country_of_nisba(norm: str) -> GazetteerEntry | None:
    """The gazetteer state a definite place adjective is made from (``القبرصيه`` -> Cyprus, ``اليمنيه`` -> Yemen),
    or None."""
    if not norm.startswith("ال") or not place_nisba(norm):
        return None
    w = norm[2:]
    index = variant_index()
    for end in nisba_endings():
        if w.endswith(end) and len(w) - len(end) >= 2:
            stem = w[:-len(end)]
            for c in (stem, "ال" + stem, stem + "ا", stem + "يا", stem + "ه", "ال" + stem + "يه", stem + "يه"):
                entry = next((v.entry for v in index.get(c, ()) if len(v.tokens) == 1 and v.entry.type == "GPE"),
                             None)
                if entry is not None:
                    return entry
    return None


def state_form_pass(ctx: Context) -> None:
    """A state named by its form of government (entity_words.csv ``state_form``: جمهورية، مملكة ...) is a mention of
    that state (``gazetteer:state_form``; an official name stays whole): before the gazetteer country
    (``جمهورية قبرص``: the country's mention grows over the head) or, definite, before its place adjective
    (``الجمهورية القبرصية``، ``رئيس الجمهورية اليمنية``; ``العربية`` may come between: ``الجمهورية العربية
    السورية``).  Not before another adjective of the country (``جمهورية شمال قبرص التركية`` is another state)."""
    toks, covered = ctx.toks, ctx.covered
    forms = word_list("state_form")
    definite = {"ال" + f for f in forms}
    stems = tuple(forms)  # جمهوريه, مملكه: a cheap test before the clitic readings
    n = len(toks.norm)
    for i in range(n - 1):
        if toks.kind[i] != "word" or covered[i] is not None or not toks.norm[i].endswith(stems) \
                or toks.sentence[i + 1] != toks.sentence[i]:
            continue
        hit = next(((off, f) for off, f in clitic_forms(toks.text[i], toks.norm[i]) if f in forms or f in definite),
                   None)
        if hit is None:
            continue
        off, form = hit
        nxt = covered[i + 1]
        if form in forms and nxt is not None and nxt.type == "GPE" and nxt.entry is not None \
                and nxt.start == toks.start[i + 1] and not (
                    nxt.tok1 < n and toks.sentence[nxt.tok1] == toks.sentence[i] and place_nisba(toks.norm[nxt.tok1])):
            nxt.tok0, nxt.start, nxt.rule = i, toks.start[i] + off, "gazetteer:state_form"  # جمهورية قبرص (grows)
            claim(covered, nxt)
            continue
        if form in definite and nxt is None:
            k = i + 1
            if toks.norm[k] == "العربيه" and k + 1 < n and toks.sentence[k + 1] == toks.sentence[i]:
                k += 1
            entry = _country_of_nisba(toks.norm[k]) if covered[k] is None else None
            if entry is None:
                continue
            ctx.add(Mention(i, k + 1, toks.start[i] + off, toks.end[k], "GPE", "gazetteer", entry.key, entry,
                            name_norm=tuple(toks.norm[x] for x in range(i, k + 1)), rule="gazetteer:state_form"))
