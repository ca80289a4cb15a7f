"""One reading per article: repeats and surnames of names found earlier, short heads of facilities named in
full, a known first name before a bare surname, and the title phrase kept with each person mention."""
from __future__ import annotations

from bisect import bisect_left, insort
from functools import cache

from analysis.extract.entities.base import Context, Mention, absorb, claim
from analysis.extract.entities.patterns import skip_title_complement
from analysis.extract.entities.words import (
    adjective_after_noun,
    is_nisba,
    listed_first_name,
    listed_place,
    namey,
    place_nisba,
    verb_here,
    verb_shaped,
    word_list,
)
from analysis.extract.titlechain import QUOTE_MARKS
from analysis.lexicon.gazetteer import cue_verbs, titles
from analysis.text.clitics import clitic_forms, strip_conjunction
from analysis.text.commonwords import is_common
from analysis.text.stopwords import is_stopword

__all__ = ["alias_pass", "person_join_pass", "portfolio_pass",
           "name_chain_pass", "person_suffix_pass", "rekey_surname_pass", "first_name_pass", "short_head_pass", "attach_title_pass"]


@cache
def _weekday_names() -> frozenset[str]:
    """Normalised one-word weekday names of ``weekdays.csv`` (الجمعة، السبت ...), from the dates' vocabulary."""
    from analysis.extract.dates import date_words

    return frozenset(k[0] for k, w in date_words().items() if w.kind == "weekday" and len(k) == 1)


def _own_given_name(word: str, name: tuple[str, ...]) -> bool:
    """``word`` is (a spelling of) the given name of the person named ``name``: its first word behind a proclitic
    (``لكوفي``) or its given names written as one (``عبدالله`` for ``عبد الله العنزي``)."""
    given = name[:-1]
    if not given:
        return False
    return word in {f for _, f in clitic_forms(given[0], given[0])} or word == "".join(given) \
        or word in {f for _, f in clitic_forms("".join(given), "".join(given))}


@cache
def _club_words() -> frozenset[str]:
    """One-word club names (``ner_clubs.csv``, entity_words.csv ``sports_club``): ``الوداد الرياضي`` is the club."""
    from analysis.lexicon import load_csv
    from analysis.lexicon.gazetteer import name_tokens

    words = {name_tokens(r["word"]) for r in load_csv("ner_clubs.csv", required=("word", "gloss_en"), key=("word",))}
    return frozenset(w[0] for w in words if len(w) == 1) | word_list("sports_club")


def alias_pass(ctx: Context) -> None:
    """Repeats of pattern/NER names elsewhere in the article join that name's entity: the whole name (``دوما``
    after ``قرية دوما``: ``alias:repeat``) and a person's surname (``ليياو``, also with the article: ``دوابشة`` ->
    ``الدوابشة``; ``alias:surname``; a surname that is also a common word, ``الشهري`` "monthly", only as the
    subject right after a reporting verb: ``وأكد الشهري``), and a club's or party's name without its head (``العربي`` after ``نادي
    العربي``, ``الحرية والعدالة`` after ``حزب الحرية والعدالة``: ``alias:short_name``; not where a definite word
    before it makes it an adjective: ``الفن العربي``).  A dateline's outlet (``الوطن``) is never repeated."""
    toks, covered, found = ctx.toks, ctx.covered, ctx.found
    surname_connectors = word_list("surname_connector")
    short_heads = word_list("short_name_head")
    names: dict[tuple[str, ...], tuple[Mention, str]] = {}
    subject_only: set[tuple[str, ...]] = set()
    middles: dict[str, Mention] = {}  # a middle word of a person's name of three words or more -> that person
    connectors = word_list("connector")
    for m in found:
        if m.source not in ("pattern", "ner") or m.rule == "pattern:dateline":
            continue
        if m.type == "PERSON" and len(m.name_norm) >= 3:
            for w in m.name_norm[1:-1]:
                if not is_common(w) and w not in connectors:
                    middles.setdefault(w, m)
        names.setdefault(m.name_norm, (m, "alias:repeat"))
        head = m.name_norm[0][2:] if m.name_norm and m.name_norm[0].startswith("ال") else m.name_norm[0]
        short = m.name_norm[1:]
        if m.type == "ORG" and short and head in short_heads and (len(short) >= 2 or head == "نادي" or (
                head == "شركه" and not short[0].startswith("ال"))):  # one word: a club, a company's proper name
            names.setdefault(short, (m, "alias:short_name"))
        if m.type == "PERSON" and len(m.name_norm) >= 3 and m.name_norm[-2] in surname_connectors:
            names.setdefault(m.name_norm[-2:], (m, "alias:surname"))  # أبو الغيط: the surname keeps its connector
        elif m.type == "PERSON" and len(m.name_norm) >= 2 and not verb_here(toks, m.name_norm[-1]):
            sur = m.name_norm[-1]  # a surname; a verb at a name's end is none (يعلق الغارات)
            if sur in _weekday_names():
                continue  # عبدالله الجمعة: the bare الجمعة is the day (يوم الجمعة), never his alias
            if is_common(sur):
                if not sur.startswith("ال") or is_stopword(sur) or len(sur) < 5:
                    continue
                subject_only.add((sur,))  # الشهري (monthly): a surname only as a verb's subject
            names.setdefault((sur,), (m, "alias:surname"))
            if not sur.startswith("ال") and len(sur) >= 3 and "ال" + sur not in _weekday_names():
                names.setdefault(("ال" + sur,), (m, "alias:surname"))  # (علي جمعة: not يوم الجمعة)
    if not names:
        return
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for name in sorted(names, key=len, reverse=True):
        by_first.setdefault(name[0], []).append(name)
    n = len(toks.norm)
    new: list[Mention] = []
    for i in range(n):
        if toks.kind[i] != "word" or covered[i] is not None:
            continue
        for off, form in clitic_forms(toks.text[i], toks.norm[i]):
            if form not in by_first:
                continue  # no name starts with this reading (the usual case)
            hit = next((name for name in by_first[form]
                        if i + len(name) <= n and all(covered[i + k] is None and toks.norm[i + k] == name[k]
                                                      and toks.sentence[i + k] == toks.sentence[i]
                                                      for k in range(1, len(name)))), None)
            if hit is not None and hit in subject_only and not (
                    off == 0 and i > 0 and toks.sentence[i - 1] == toks.sentence[i]
                    and strip_conjunction(toks.norm[i - 1]) in cue_verbs()):
                continue  # الدخل الشهري: the adjective; وأكد الشهري: the person named before
            if hit is not None and names[hit][1] == "alias:short_name" and i > 0 \
                    and toks.sentence[i - 1] == toks.sentence[i] and toks.norm[i - 1].startswith("ال") and off == 0:
                continue  # الفن العربي: an adjective, not the club العربي
            if hit is not None and len(hit) == 1 and off == 0 and names[hit][0].type != "PERSON" \
                    and adjective_after_noun(toks, i):
                continue  # المنتخب العربي: an adjective, not a repeat of the club العربي
            if hit is not None and len(hit) == 1 and names[hit][0].type != "PERSON" and i > 0 \
                    and toks.sentence[i - 1] == toks.sentence[i] and place_nisba(hit[0]) \
                    and strip_conjunction(toks.norm[i - 1]) in titles().get("person_title", ()):
                continue  # الرئيس السوداني: the title's adjective, not a repeat of an organisation
            if hit is not None and len(hit) == 1 and hit[0].startswith("ال") and names[hit][0].type != "PERSON" \
                    and i + 1 < n and toks.sentence[i + 1] == toks.sentence[i] and covered[i + 1] is None \
                    and toks.kind[i + 1] == "word" and toks.norm[i + 1].startswith("ال") \
                    and not is_stopword(toks.norm[i + 1]) and is_nisba(toks.norm[i + 1]) \
                    and hit[0] not in _club_words():
                continue  # الجزيرة المتوسطية: a noun and its adjective (the island), not a repeat of الجزيرة
            if hit is not None and names[hit][1] == "alias:surname" and off == 0 and i > 0 \
                    and toks.sentence[i - 1] == toks.sentence[i] and covered[i - 1] is None \
                    and listed_first_name(strip_conjunction(toks.norm[i - 1])) \
                    and not _own_given_name(strip_conjunction(toks.norm[i - 1]), names[hit][0].name_norm):
                continue  # محمد الوابل after عبد الله الوابل: another of the family (the model names him)
            if hit is not None:
                target, rule = names[hit]
                early = middles.get(hit[0]) if len(hit) == 1 and rule == "alias:surname" else None
                if early is not None and early is not target and early.start < toks.start[i] < target.start:
                    target = early  # واوضح محمود after علي محمود عبد الرسول, before إبراهيم محمود is named: the
                    # person the reader already knows by that name
                m = Mention(i, i + len(hit), toks.start[i] + off, toks.end[i + len(hit) - 1], target.type, "alias",
                            target.key, entry=target.entry, name_norm=hit, rule=rule)
                new.append(m)
                claim(covered, m)
                break
    # single-token pattern/NER persons equal to another person's surname: same person
    for m in found:
        if m.type == "PERSON" and m.source in ("pattern", "ner") and len(m.name_norm) == 1:
            target = names.get(m.name_norm, (None, ""))[0]
            if target is not None and target is not m and len(target.name_norm) >= 2:
                m.key = target.key
    found.extend(new)


def rekey_surname_pass(ctx: Context) -> None:
    """A bare gazetteer surname joins the article's own person of that surname (المالكي after رياض المالكي):
    it becomes an alias of that person (``alias:own_surname``)."""
    own = {m.name_norm[-1]: m for m in ctx.found
           if m.type == "PERSON" and m.source in ("pattern", "ner") and len(m.name_norm) >= 2}
    for m in ctx.found:
        if m.type == "PERSON" and m.source == "gazetteer" and len(m.name_norm) == 1 and m.name_norm[0] in own:
            target = own[m.name_norm[0]]
            m.key, m.entry, m.source, m.rule = target.key, None, "alias", "alias:own_surname"


def first_name_pass(ctx: Context) -> None:
    """A surname-only person mention right after a first name the article uses for a person takes that first
    name in (``مئير اتينغر`` once ``مئير كاهانا`` is known): one reading of a name per article; so does a model
    person of one or two words right after a listed first name (``عبدالله العنزي`` where the model read only
    ``العنزي``: a given name opens the name), and a one-word model person right before a listed first name that ends
    the phrase (``صدام حسين،``، ``صدام حسين الذي``: the father's name).  The mention grows over the free token (its rule stays)."""
    toks, covered = ctx.toks, ctx.covered
    known = {m.name_norm[0] for m in ctx.found if m.type == "PERSON" and m.source in ("pattern", "ner")
             and len(m.name_norm) >= 2}
    for m in ctx.found:
        b = m.tok0 - 1
        if m.type != "PERSON" or m.source == "gazetteer" or b < 0 \
                or covered[b] is not None or toks.sentence[b] != toks.sentence[m.tok0] or toks.kind[b] != "word" \
                or m.start != toks.start[m.tok0]:
            continue
        if m.tok1 - m.tok0 == 1:
            hit = next(((off, f) for off, f in clitic_forms(toks.text[b], toks.norm[b]) if f in known), None)
        else:
            hit = None
        if hit is None and m.tok1 - m.tok0 <= 2 and m.source in ("ner", "alias") \
                and (not listed_first_name(m.name_norm[0]) or m.name_norm[0] in word_list("name_opener")):
            hit = _given_name(toks, b)  # عبدالله + العنزي، غادة + عبد الرازق (عبد opens a father's name): a listed first name opens the name
            if hit is not None and b > 0 and toks.norm[b - 1] in word_list("connector"):
                hit = None  # سلمان بن عبد العزيز: inside a longer name, not its opening
        if hit is not None:
            m.tok0, m.start, m.name_norm = b, toks.start[b] + hit[0], (hit[1],) + m.name_norm
            claim(covered, m)
    for m in ctx.found:
        a = m.tok1
        if m.type != "PERSON" or m.source not in ("ner", "alias") or m.tok1 - m.tok0 != 1 or a >= len(toks.norm) \
                or covered[a] is not None or toks.sentence[a] != toks.sentence[m.tok0] or toks.kind[a] != "word":
            continue
        ends = (a + 1 >= len(toks.norm) or toks.kind[a + 1] != "word" or is_stopword(toks.norm[a + 1])
                or covered[a + 1] is not None or toks.sentence[a + 1] != toks.sentence[a])
        hit = _given_name(toks, a)
        if hit is not None and hit[0] == 0 and ends:
            m.tok1, m.end, m.name_norm = a + 1, toks.end[a], m.name_norm + (hit[1],)
            claim(covered, m)  # صدام + حسين: a father's name closing the name (then punctuation or another name)
        elif hit is None and listed_first_name(strip_conjunction(m.name_norm[0])) and _surname_after(toks, a, covered) \
                and (ends or toks.norm[a + 1][:1] == "و"):
            m.tok1, m.end, m.name_norm = a + 1, toks.end[a], m.name_norm + (toks.norm[a],)
            claim(covered, m)  # ليلى + براق (ورشيد قاسمي): a given name alone in a list takes the surname after it
    for m in ctx.found:
        b = m.tok0 - 1
        if m.type == "PERSON" and m.source in ("ner", "alias") and b >= 0 and covered[b] is None \
                and toks.sentence[b] == toks.sentence[m.tok0] and toks.norm[b] in word_list("surname_particle") \
                and m.start == toks.start[m.tok0]:
            m.tok0, m.start, m.name_norm = b, toks.start[b], (toks.norm[b],) + m.name_norm
            claim(covered, m)  # دل بوسكي: a foreign surname particle belongs to the surname


def _surname_after(toks, a: int, covered) -> bool:
    """Token a may be a surname closing a one-word given name: a free indefinite word that is no stop word, common
    word, title, cue verb, verb, listed place or indefinite accusative."""
    norm = toks.norm[a]
    return (namey(toks, a, covered) and not norm.startswith(("ال", "و")) and not verb_shaped(norm)
            and not listed_place(norm) and "\u064b" not in toks.text[a] and len(norm) >= 3)


def _given_name(toks, b: int) -> tuple[int, str] | None:
    """(offset, form) of token b as a listed first name (``ner_lists.csv``; after a proclitic و/ف: ``وعبدالله``)
    that is no stop word, common word or title, else None."""
    person_titles = titles().get("person_title", frozenset())
    for off, f in clitic_forms(toks.text[b], toks.norm[b]):
        if off in (0, 1) and listed_first_name(f) and not is_stopword(f) and not is_common(f) \
                and f not in person_titles and (off == 0 or toks.norm[b][0] in "وف"):
            return off, f
    return None


def person_suffix_pass(ctx: Context) -> None:
    """A person named by the end of another person's name joins that person, whichever comes first (``بن سلمان``
    and ``محمد بن سلمان``; ``ماكين`` before ``جون ماكين``) when exactly one person of the article ends so; a bare
    listed first name (``محمد``) joins nobody."""
    persons = [m for m in ctx.found if m.type == "PERSON" and m.name_norm]
    # the owners of a name: name ending -> key -> positions (in ``persons``, ascending) of the persons with that
    # key whose name is longer and ends so, kept up to date as keys change below (a scan of every person for
    # each person made long articles quadratic; the answers are the scan's: the other keys, the last of each)
    ends: dict[tuple[str, ...], dict[str, list[int]]] = {}
    for n, p in enumerate(persons):
        for L in range(1, len(p.name_norm)):
            ends.setdefault(p.name_norm[-L:], {}).setdefault(p.key, []).append(n)
    for n, m in enumerate(persons):
        if len(m.name_norm) == 1 and listed_first_name(m.name_norm[0]):
            continue
        owners = ends.get(m.name_norm)
        if not owners or len(owners) - (m.key in owners) != 1:
            continue
        p = persons[next(at for key, at in owners.items() if key != m.key)[-1]]
        for L in range(1, len(m.name_norm)):  # m's own endings move to its new key
            by_key = ends[m.name_norm[-L:]]
            at = by_key[m.key]
            del at[bisect_left(at, n)]
            if not at:
                del by_key[m.key]
            insort(by_key.setdefault(p.key, []), n)
        m.key, m.entry = p.key, p.entry


def short_head_pass(ctx: Context) -> None:
    """The bare definite head of a facility or body named in full earlier (``القناة`` after ``قناة السويس``,
    ``المحكمة`` after ``المحكمة الجنائية الدولية``): heads listed as ``short_head`` in titles.csv
    (``alias:short_head``)."""
    toks, covered = ctx.toks, ctx.covered
    heads = titles().get("short_head", frozenset())
    named: list[tuple[int, str, Mention]] = []
    for m in ctx.found:
        if m.type in ("ORG", "FAC") and m.source in ("gazetteer", "pattern") and len(m.name_norm) >= 2:
            h = m.name_norm[0][2:] if m.name_norm[0].startswith("ال") else m.name_norm[0]
            if h in heads:
                named.append((m.start, "ال" + h, m))
    if not named:
        return
    named.sort(key=lambda x: x[0])
    forms = {f for _, f, _ in named}
    new: list[Mention] = []
    for i in range(len(toks.norm)):
        if toks.kind[i] != "word" or covered[i] is not None:
            continue
        for off, form in clitic_forms(toks.text[i], toks.norm[i]):
            if form not in forms:
                continue
            before = [m for s, f, m in named if f == form and s < toks.start[i]]
            if before:
                t = before[-1]
                m = Mention(i, i + 1, toks.start[i] + off, toks.end[i], t.type, "alias", t.key, entry=t.entry,
                            name_norm=(form,), rule="alias:short_head")
                new.append(m)
                claim(covered, m)
                break
    ctx.found.extend(new)


def sort_pass(ctx: Context) -> None:
    """Mentions in text order (stable: equal starts keep the order the passes found them in)."""
    ctx.found.sort(key=lambda m: m.start)


def attach_title_pass(ctx: Context) -> None:
    """The title phrase right before a person mention (``وزير الدفاع الايطالي``), kept for the quote layer.  Reads
    a fresh coverage index of the final mentions."""
    toks, mentions = ctx.toks, ctx.found
    person_titles = titles().get("person_title", frozenset())
    covered: list[Mention | None] = [None] * len(toks.norm)
    for m in mentions:
        claim(covered, m)
    for m in mentions:
        if m.type != "PERSON":
            continue
        for i in range(m.tok0 - 1, max(-1, m.tok0 - 8), -1):
            if toks.sentence[i] != toks.sentence[m.tok0] or toks.kind[i] != "word":
                break
            base = toks.norm[i] if toks.norm[i] in person_titles else strip_conjunction(toks.norm[i])
            if base in person_titles:
                j, person = skip_title_complement(toks, i + 1, covered)
                if person is m or j == m.tok0:
                    m.title = " ".join(toks.norm[i:m.tok0])
                    m.title_head = base[2:] if base.startswith("ال") else base
                break


_CHAIN_WORDS = frozenset({"بن", "ابن", "بنت"})  # son / daughter of, normalised
_FAMILY_WORD = "آل"  # family / house of (آل سعود); normalised it would be the article's letters
_JOINS_NEXT = frozenset({"عبد", "ابو", "ابي", "ام"})  # a name word written with the next one (عبد العزيز)


def _chain_word(toks, j: int) -> bool:
    return toks.norm[j] in _CHAIN_WORDS or toks.text[j] == _FAMILY_WORD


def name_chain_pass(ctx: Context) -> None:
    """A person's name goes on through a patronym chain right after it (``الملك سلمان`` + ``بن عبدالعزيز آل سعود``:
    بن / ابن / بنت / آل + a name word, repeated, in one sentence): the mention grows over those tokens, taking in a
    person mention that only held a piece of the chain.  So a chain cut from its name is never a person of its
    own, nor a surname alias of someone else (``بن عبدالعزيز`` was Faisal bin Bandar bin Abdulaziz's)."""
    toks, covered = ctx.toks, ctx.covered
    n = len(toks.norm)
    person_titles = titles().get("person_title", frozenset())
    for m in list(ctx.found):
        if m.type != "PERSON" or m.source == "absorbed":
            continue
        j = m.tok1
        while j + 1 < n and _chain_word(toks, j) and toks.sentence[j] == toks.sentence[m.tok0] \
                and toks.sentence[j + 1] == toks.sentence[j] and toks.kind[j + 1] == "word":
            nxt = toks.norm[j + 1]
            if len(nxt) < 2 or is_stopword(nxt) or nxt in person_titles or _chain_word(toks, j + 1):
                break
            step = 3 if nxt in _JOINS_NEXT and j + 2 < n and toks.sentence[j + 2] == toks.sentence[j] \
                and toks.kind[j + 2] == "word" else 2  # بن عبد العزيز, بن أبي طالب: two words, one name
            held = [covered[x] for x in range(j, j + step) if covered[x] is not None and covered[x] is not m]
            if any(h.type != "PERSON" or h.tok0 < j or h.tok1 > j + step + _chain_tail(toks, h.tok1) for h in held):
                break  # another name holds it (not just a piece of this chain)
            j += step
        if j == m.tok1:
            continue
        for x in range(m.tok1, j):
            h = covered[x]
            if h is not None and h is not m and h.source != "absorbed":
                absorb(ctx, h)
        m.name_norm = (*m.name_norm, *toks.norm[m.tok1:j])
        m.tok1, m.end = j, toks.end[j - 1]
        m.rule = m.rule if m.rule.endswith("+chain") else f"{m.rule}+chain"
        claim(covered, m)


def _chain_tail(toks, k: int) -> int:
    """How many more chain tokens (بن X pairs) follow token k (a held chain piece may run on)."""
    e = k
    while e + 1 < len(toks.norm) and _chain_word(toks, e):
        e += 2
    return e - k


def person_join_pass(ctx: Context) -> None:
    """Two person mentions on adjacent words of one sentence, nothing between them, are one person's name read in
    two pieces (``بوعزة`` + ``بناصر``: ``بوعزة بناصر``; ``بابا`` + ``ويجو``; ``صباح الأحمد`` + ``الصباح``): the first
    grows over the second, whose proclitic reading is dropped (the second word is a name word, not ب + a name).
    Not when the second is another reviewed person's full name, opens with و (a second person), or either is a
    bare title's person."""
    toks, covered = ctx.toks, ctx.covered
    found = sorted((m for m in ctx.found if m.type == "PERSON"), key=lambda m: m.tok0)
    for a, b in zip(found, found[1:]):
        if a.source == "absorbed" or b.source == "absorbed" or b.tok0 != a.tok1 \
                or toks.sentence[b.tok0] != toks.sentence[a.tok0] or toks.kind[b.tok0] != "word" \
                or toks.start[b.tok0] - toks.end[a.tok1 - 1] > 1 or covered[b.tok0] is not b:
            continue
        if toks.norm[b.tok0].startswith("و") and b.start > toks.start[b.tok0]:
            continue  # ... ومحمد: the conjunction joins a second person
        words = [toks.norm[x] for x in range(a.tok0, b.tok1)]
        if len(words) > 4 or any(is_stopword(w) for w in words) \
                or any(w.startswith("و") and is_common(w[1:]) or w.startswith("وال") for w in words[1:]) \
                or (words[len(a.name_norm):][:1] and words[len(a.name_norm)][:1] in "لب"
                    and is_common(words[len(a.name_norm)][1:])):
            continue  # قبطي هو ..., شيكابالا والصقر ..., الحمود لدور البلديات: no one name
        if b.entry is not None and not b.short and (a.entry is None or a.entry.key != b.entry.key):
            continue  # two reviewed people side by side
        absorb(ctx, b)
        a.tok1, a.end = b.tok1, b.end
        a.name_norm = a.name_norm + tuple(toks.norm[x] for x in range(b.tok0, b.tok1))
        a.rule = a.rule if a.rule.endswith("+join") else f"{a.rule}+join"
        claim(covered, a)


_HEADLINE_COLON = frozenset({":", "："})


def portfolio_pass(ctx: Context) -> None:
    """A ministry or authority named by its portfolio alone where a headline or quotation marks set it apart
    (``العمل: جاهزون ...`` opening a paragraph, ``«التعليم» تشدد ...``) after the article names it in full
    (``وزارة العمل``, anywhere in the article): a short form of that body (``alias:portfolio``).  In running text
    the portfolio is a common noun (سوق العمل) and names nothing."""
    toks, covered = ctx.toks, ctx.covered
    heads = titles().get("org_head", frozenset())
    bodies: dict[str, Mention] = {}
    for m in ctx.found:
        if m.type == "ORG" and m.source in ("gazetteer", "pattern") and len(m.name_norm) == 2 \
                and m.name_norm[0] in heads and m.name_norm[1].startswith("ال") and len(m.name_norm[1]) > 4:
            bodies.setdefault(m.name_norm[1], m)
    if not bodies:
        return
    n = len(toks.norm)
    new: list[Mention] = []
    for i in range(n):
        if toks.kind[i] != "word" or covered[i] is not None or toks.norm[i] not in bodies:
            continue
        opens = i == 0 or toks.paragraph[i - 1] != toks.paragraph[i]
        headline = opens and i + 1 < n and toks.text[i + 1] in _HEADLINE_COLON
        marked = 0 < i < n - 1 and toks.text[i - 1] in QUOTE_MARKS and toks.text[i + 1] in QUOTE_MARKS
        if not (headline or marked):
            continue
        t = bodies[toks.norm[i]]
        m = Mention(i, i + 1, toks.start[i], toks.end[i], "ORG", "alias", t.key, entry=t.entry,
                    name_norm=(toks.norm[i],), rule="alias:portfolio")
        new.append(m)
        claim(covered, m)
    ctx.found.extend(new)
