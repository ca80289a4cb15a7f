"""Gazetteer passes: reviewed names matched in normalised form behind proclitics, their short forms, and the
bare surnames that belong to another person (``وزير خارجيتها رياض المالكي`` is not Nouri al-Maliki)."""
from __future__ import annotations

from analysis.extract.entities.base import Context, Mention, Tokens, claim, release
from analysis.extract.entities.patterns import after_title
from analysis.extract.entities.words import namey
from analysis.lexicon.gazetteer import name_tokens, variant_index
from analysis.text.clitics import clitic_forms

__all__ = ["gazetteer_pass", "surname_clash_pass", "match_gazetteer"]


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


def gazetteer_pass(ctx: Context) -> None:
    """Gazetteer matches; a short form (``الكاظمي``, bare ``التحالف``) is kept only when it names an entry whose
    full name the article uses (the first such entry in file order), and joins that entry."""
    gaz = match_gazetteer(ctx.toks)
    full_keys = {m.key for m in gaz if not m.short}
    for m in gaz:
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
