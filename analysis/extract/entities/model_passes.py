"""Passes that use the NER model (the CRF of :mod:`analysis.ner`): its spans over the article, the check of the
title-pattern persons against them, and the model's own names on the tokens nothing else claimed."""
from __future__ import annotations

import re
import warnings

from analysis.extract.entities.base import (
    Context,
    Mention,
    ModelSpan,
    Tokens,
    absorb,
    claim,
    release,
)
from analysis.extract.entities.words import (
    accusative_indefinite,
    adjective_after_noun,
    bare_accusative,
    big_place,
    future_verb,
    is_nisba,
    known_name_word,
    listed_country,
    listed_first_name,
    listed_place,
    never_name,
    place_nisba,
    subject_words,
    verb_here,
    verb_shaped,
    word_list,
    written_ali,
)
from analysis.lexicon.gazetteer import cue_verbs, titles
from analysis.text.clitics import clitic_forms, strip_conjunction
from analysis.text.commonwords import is_common
from analysis.text.stopwords import is_stopword

__all__ = ["NER_TYPE_MAP", "ner_available", "model_span_pass", "reconcile_persons_pass", "ner_pass", "model_spans"]

NER_TYPE_MAP = {"PERS": "PERSON", "ORG": "ORG", "MISC": "MISC", "LOC": "GPE"}
_NER_STATE: dict[str, bool] = {}


def ner_available() -> bool:
    """True if the NER model can be used (imported lazily on the first call; warns once if it cannot, and the
    articles are then parsed from the gazetteer and patterns only)."""
    if "ok" not in _NER_STATE:
        try:
            from analysis.ner import tag_sentences  # noqa: F401
            from analysis.ner.model import _current  # noqa: F401
            _current()
            _NER_STATE["ok"] = True
        except Exception as exc:  # missing/corrupt model: parse without it, say so once
            warnings.warn(f"NER model unavailable, entities from the gazetteer and patterns only: {exc}",
                          RuntimeWarning, stacklevel=2)
            _NER_STATE["ok"] = False
    return _NER_STATE["ok"]


def model_spans(toks: Tokens) -> list[ModelSpan]:
    """The NER model's entity spans over the article's sentences (tagged as one document), in text order."""
    from analysis.ner import tag_sentences

    # the sentences as runs of consecutive tokens (a token list in text order): no per-token index lists
    runs: list[tuple[int, int]] = []
    sentence, text = toks.sentence, toks.text
    start = 0
    for i in range(1, len(sentence) + 1):
        if i == len(sentence) or sentence[i] != sentence[start]:
            runs.append((start, i))
            start = i
    if len({sentence[a] for a, _ in runs}) != len(runs):  # a sentence in two places: group by id, first seen first
        groups: dict[int, list[int]] = {}
        for i, s in enumerate(sentence):
            groups.setdefault(s, []).append(i)
        order: list[list[int] | range] = list(groups.values())
    else:
        order = [range(a, b) for a, b in runs]
    tags = tag_sentences([[text[i] for i in idx] for idx in order])
    out: list[ModelSpan] = []
    for idx, sent_tags in zip(order, tags):
        spans: list[tuple[int, int, str]] = []
        for pos, tag in enumerate(sent_tags):
            if tag.startswith("B-") or (tag.startswith("I-") and (not spans or spans[-1][2] != tag[2:]
                                                                   or spans[-1][1] != pos)):
                spans.append((pos, pos + 1, tag[2:]))
            elif tag.startswith("I-"):
                spans[-1] = (spans[-1][0], pos + 1, spans[-1][2])
        out.extend(ModelSpan(list(idx[a:b]), label) for a, b, label in spans)
    return out


def model_span_pass(ctx: Context) -> None:
    """Tag the article with the model once (``ctx.spans``, and ``ctx.named``: the tokens inside them)."""
    ctx.spans = model_spans(ctx.toks)
    ctx.named = frozenset(i for sp in ctx.spans for i in sp.ids)


def reconcile_persons_pass(ctx: Context) -> None:
    """Title-pattern persons checked against the model: its person span sets the name's extent (``سلفان شالوم``
    not ``سلفان شالوم النقاب``; ``آلان بيللغريني`` not ``بيللغريني``), and a pattern name the model reads only as
    another type (``نائب رئيس وزراء تايلند``: a place) is dropped for the NER pass to type."""
    toks, covered = ctx.toks, ctx.covered
    person_titles = titles().get("person_title", frozenset())
    heads = titles().get("org_head", frozenset())
    by_token: dict[int, ModelSpan] = {i: sp for sp in ctx.spans for i in sp.ids}
    keep: list[Mention] = []
    for m in ctx.found:
        if m.source != "pattern" or m.type != "PERSON":
            keep.append(m)
            continue
        over = list({id(sp): sp for i in range(m.tok0, m.tok1) if (sp := by_token.get(i)) is not None}.values())
        over = [sp for sp in over
                if not (sp.label != "PERS" and sp.ids[0] > m.tok0 and all(toks.norm[i] == "الله" for i in sp.ids))]
        # (فائزة خير الله: the model reading الله alone, inside the name, as another type says nothing of the name)
        pers = [sp for sp in over if sp.label == "PERS"]
        if not over:
            if _unlikely_name_start(toks, m.tok0, long_name=m.tok1 - m.tok0 >= 3) \
                    and not subject_words(toks).intersection(toks.norm[m.tok0:m.tok1]):  # وأضاف تول أن: a name
                release(covered, m)  # الرئيس الكولومبي يعلق ...: a verb after the title, and the model sees no name
                continue
            keep.append(m)  # the model sees no name: the title pattern stands (it finds names the model misses)
            continue
        if not pers:
            rest = _after_place_prefix(toks, m, over)
            if rest is not None:  # محافظ قلقيلية ربيح الخندقجي: the model reads the place, the name follows it
                release(covered, m)
                m.tok0, m.start = rest, toks.start[rest]
                m.name_norm = tuple(toks.norm[i] for i in range(rest, m.tok1) if toks.kind[i] == "word")
                m.key = "person:" + " ".join(m.name_norm)
                claim(covered, m)
                keep.append(m)
                continue
            release(covered, m)
            continue
        ids = _trim_verbs(toks, pers[0].ids) if len(pers) == 1 else []
        ok = [i for i in ids if m.tok0 <= i < m.tok1 or (
            (covered[i] is None or covered[i] is m) and toks.kind[i] == "word" and toks.norm[i] not in person_titles
            and strip_conjunction(toks.norm[i]) not in heads)]
        if not ok or ok != ids or (ok[0], ok[-1] + 1) == (m.tok0, m.tok1) \
                or _repeated_surname(toks, m, ok) \
                or (toks.norm[ok[-1]] in word_list("connector") and ok[-1] + 1 < m.tok1):  # محمود عبد | الرسول
            keep.append(m)
            continue
        first = ok[0]
        if first > m.tok0 and ok[-1] >= m.tok0 and _after_definite_title(toks, m.tok0, person_titles):
            first = m.tok0  # الأستاذة مشاعر أحمد: the word after a definite title opens the name (apposition)
        release(covered, m)
        m.tok0, m.tok1 = first, ok[-1] + 1
        ok = [i for i in range(first, m.tok1)]
        m.start, m.end = toks.start[m.tok0], toks.end[m.tok1 - 1]
        m.name_norm = tuple(toks.norm[i] for i in ok if toks.kind[i] == "word")
        m.key = "person:" + " ".join(m.name_norm)
        claim(covered, m)
        keep.append(m)
    ctx.found = keep


def _repeated_surname(toks: Tokens, m: Mention, ok: list[int]) -> bool:
    """The title-pattern name runs one word past the model's person span, and that word, an indefinite one outside
    the common vocabulary, stands again elsewhere in the article without the name's other words (``المدير العام
    ... مصطفى يوسف حولي`` ... ``وكشف حولي``): the article uses it as the person's family name, so the pattern's
    extent stands (``سلفان شالوم النقاب``: a common definite word, the model's extent wins)."""
    if ok[0] != m.tok0 or ok[-1] + 2 != m.tok1:
        return False
    last, prev = m.tok1 - 1, m.tok1 - 2
    word = toks.norm[last]
    if toks.kind[last] != "word" or word.startswith("ال") or is_common(word) or len(word) < 3:
        return False
    return any(i != last and toks.kind[i] == "word" and strip_conjunction(toks.norm[i]) in (word, )
               and toks.norm[i - 1] != toks.norm[prev] for i in range(1, len(toks.norm)))


def _after_definite_title(toks: Tokens, i: int, person_titles: frozenset[str]) -> bool:
    """Token i follows a definite person title word (``الأستاذة``، ``والمدير``) of its sentence."""
    b = i - 1
    if b < 0 or toks.sentence[b] != toks.sentence[i] or toks.kind[b] != "word":
        return False
    w = strip_conjunction(toks.norm[b]) if toks.norm[b] not in person_titles else toks.norm[b]
    return w.startswith("ال") and w in person_titles


def _after_place_prefix(toks: Tokens, m: Mention, over: list[ModelSpan]) -> int | None:
    """Where the name starts in a title-pattern person whose first words the model reads as one place and whose
    last two or more words it leaves untagged (``محافظ قلقيلية ربيح الخندقجي``, ``أمير منطقة عسير فيصل بن خالد``:
    title + place + name), else None.  The rest must be proper words (no stop word, common word, title,
    verb-shaped or feminine noun)."""
    if m.rule != "pattern:title_chain" or len(over) != 1 or over[0].label != "LOC" or over[0].ids[0] != m.tok0:
        return None
    rest = over[0].ids[-1] + 1
    if rest < m.tok1 and strip_conjunction(toks.norm[rest]) != toks.norm[rest]:
        return None  # صبيا وسراة عبيدة: a list of places, not a place and a name
    words = [i for i in range(rest, m.tok1)]
    person_titles = titles().get("person_title", frozenset())
    connectors = word_list("connector")
    if len(words) < 2 or any(toks.kind[i] != "word" or (is_stopword(toks.norm[i]) and not (
            i not in (words[0], words[-1]) and toks.norm[i] in connectors)) or is_common(toks.norm[i])
                             or toks.norm[i] in person_titles or verb_shaped(toks.norm[i])
                             for i in words):  # a connector inside: جيرارد فان بوهيمن
        return None
    return rest


def _generic_org(norms: list[str]) -> bool:
    """An org head followed only by indefinite adjectives (ومنظمة دولية, مجموعة مسؤولة): a description."""
    heads = titles().get("org_head", frozenset())
    if len(norms) < 2 or strip_conjunction(norms[0]) not in heads:
        return False
    return all(not w.startswith("ال") and (is_nisba("ال" + w) or w.endswith("ه")) for w in norms[1:])


def _after_org_noun(toks: Tokens, i: int) -> bool:
    """Token i follows ``<definite org noun> [adjectives]،`` (apposition: الشركة الاستشارية، <name>)."""
    k = i - 1
    if k < 0 or toks.text[k] not in "،,":
        return False
    k -= 1
    apposition = word_list("org_apposition")
    for _ in range(3):
        if k < 0 or toks.sentence[k] != toks.sentence[i] or toks.kind[k] != "word":
            return False
        if any(f in apposition for _, f in clitic_forms(toks.text[k], toks.norm[k])):
            return True
        if not toks.norm[k].startswith("ال"):
            return False
        k -= 1
    return False


def _absorbable_place(toks: Tokens, covered: list[Mention | None], ids: list[int]) -> Mention | None:
    """The one gazetteer place inside a model organisation span whose other words are uncovered proper words
    (``ريال مدريد``, ``سسكا موسكو``), or None."""
    inner = {id(covered[i]): covered[i] for i in ids if covered[i] is not None}
    if len(inner) != 1:
        return None
    m = next(iter(inner.values()))
    rest = [i for i in ids if covered[i] is None]
    if m.source != "gazetteer" or m.type not in ("GPE", "LOC") or m.tok0 < ids[0] or m.tok1 > ids[-1] + 1 \
            or not rest or any(toks.kind[i] != "word" or is_stopword(toks.norm[i]) or is_common(toks.norm[i])
                               or toks.norm[i].endswith("ه")  # a feminine noun: سنة أفريقيا is no name
                               or is_nisba(toks.norm[i]) or place_nisba(toks.norm[i]) for i in rest):
        return None
    return m


def _surname_place(toks: Tokens, covered: list[Mention | None], ids: list[int]) -> Mention | None:
    """A gazetteer place at the end of a model person span that starts with a listed first name (``محمد الكويت``:
    a surname that is a country): the place gives way, or None."""
    inner = {id(covered[i]): covered[i] for i in ids if covered[i] is not None}
    if len(inner) != 1 or len(ids) < 2:
        return None
    m = next(iter(inner.values()))
    rest = [i for i in ids if covered[i] is None]
    if m.source != "gazetteer" or m.type not in ("GPE", "LOC") or m.tok1 != ids[-1] + 1 or m.tok0 <= ids[0] \
            or rest != list(range(ids[0], m.tok0)) or not listed_first_name(strip_conjunction(toks.norm[ids[0]])) \
            or any(toks.kind[i] != "word" or is_stopword(toks.norm[i]) for i in rest):
        return None
    return m


def _first_name_before_alias(toks: Tokens, covered: list[Mention | None], ids: list[int],
                             first_names: dict[str, str]) -> Mention | None:
    """A surname alias at the end of a model person span that starts with the first name of the alias's person
    (``كوفي أنان`` after ``لكوفي أنان``, when the alias pass took ``أنان`` alone): the alias gives way, or None.
    Another first name (``مها أحمد`` after ``عباس بابكر أحمد``) is another reading and stays out."""
    inner = {id(covered[i]): covered[i] for i in ids if covered[i] is not None}
    if len(inner) != 1:
        return None
    m = next(iter(inner.values()))
    rest = [i for i in ids if covered[i] is None]
    person_titles = titles().get("person_title", frozenset())
    if m.source != "alias" or m.type != "PERSON" or m.tok1 != ids[-1] + 1 or m.tok0 <= ids[0] \
            or rest != list(range(ids[0], m.tok0)) or any(
                toks.kind[i] != "word" or is_stopword(toks.norm[i]) or is_common(toks.norm[i])
                or toks.norm[i] in person_titles or strip_conjunction(toks.norm[i]) in person_titles for i in rest):
        return None
    first = first_names.get(m.key)
    if first is None or not {f for _, f in clitic_forms(first, first)} & {f for _, f in clitic_forms(
            toks.text[ids[0]], toks.norm[ids[0]])}:
        return None
    return m


def _trim(toks: Tokens, ids: list[int]) -> list[int]:
    """A model span without stopwords/punctuation at its ends (a connector or the name علي written with its ي may
    open it: ``فان نيستلروي``، ``علي بن موسى زعلة``) and
    without leading settlement words (``قرية دوما`` -> ``دوما``)."""
    connectors, settlements = word_list("connector"), word_list("settlement_head")
    while ids and (toks.kind[ids[-1]] != "word" or is_stopword(toks.norm[ids[-1]])):
        ids = ids[:-1]
    while ids and (toks.kind[ids[0]] != "word" or is_stopword(toks.norm[ids[0]])) \
            and not (len(ids) > 1 and (toks.norm[ids[0]] in connectors
                                       or written_ali(toks.text[ids[0]], toks.norm[ids[0]]))):
        ids = ids[1:]
    while len(ids) > 1 and any(f in settlements for _, f in clitic_forms(toks.text[ids[0]], toks.norm[ids[0]])):
        ids = ids[1:]
    person_titles = titles().get("person_title", frozenset())
    while len(ids) > 1 and (toks.norm[ids[0]] in person_titles or strip_conjunction(toks.norm[ids[0]]) in person_titles):
        ids = ids[1:]  # السناتور جون ماكين: the title is outside the name
    return ids


def _trim_person_start(toks: Tokens, ids: list[int]) -> list[int]:
    """A model person span without a leading common word that is no name word, before a known name word
    (``جوال عبد الرحمن`` -> ``عبد الرحمن``: the phone, then the name), nor a leading word that is never a name
    (``التايكواندو أندريا``: not_entities.csv)."""
    while len(ids) > 1 and never_name(toks.norm[ids[0]]) and known_name_word(toks.norm[ids[1]]):
        ids = ids[1:]  # (not اثني عشر ديوانا: a number word before a common word names nobody)
    while len(ids) > 1 and toks.kind[ids[0]] == "word" and (is_common(toks.norm[ids[0]]) or bare_accusative(toks.norm[ids[0]])) \
            and not known_name_word(toks.norm[ids[0]]) and not known_name_word(strip_conjunction(toks.norm[ids[0]])) \
            and toks.norm[ids[0]] not in word_list("connector") and known_name_word(toks.norm[ids[1]]):
        ids = ids[1:]
    return ids


# A verbal noun of form IV/VIII/X (إبداء, اجتماع, استخدام): a common word, not the start of a name.
_MASDAR_IV_RE = re.compile(r"^(?:ا\w\wا\w|ا\w\w\wا\w|است\w\wا\w)$")


def _unlikely_name_start(toks: Tokens, i: int, *, long_name: bool = False) -> bool:
    """Token i, right after a title, does not look like the start of a name the model missed: a verb (يعلق), a
    preposition + word (لغايات, بأروقة), و + word (وعضوية), a verbal noun (إبداء) or a feminine noun (منضدة) --
    unless it is a listed name (وليد, فاطمة); a name of three words or more (``long_name``) may open with a
    woman's name (``مصممة الأزياء فائزة خير الله``) that looks like ف/ب/ل + a word that is no common word."""
    norm = toks.norm[i]
    if known_name_word(norm) or norm in word_list("waw_name"):
        return False
    if verb_here(toks, norm) or _MASDAR_IV_RE.match(norm) \
            or (not long_name and norm.endswith("ه") and len(norm) >= 4):
        return True
    return len(norm) >= 5 and norm[0] in "وفبل" and not known_name_word(norm[1:]) \
        and (not long_name or norm[0] == "و" or is_common(norm[1:]))  # وعضوية مجلس; not فائزة خير الله


def _retype(toks: Tokens, ids: list[int], typ: str) -> str:
    """The model's type, corrected by the lists: a listed country or city read as a person or MISC is GPE, a
    listed country read as ORG too (a city may name a club: ``فريق برشلونة``); a listed first name + one or two
    more words with no organisation head read as ORG is a person (``محمد بوبشيت``)."""
    norms = [toks.norm[i] for i in ids if toks.kind[i] == "word"]
    if not norms:
        return typ
    bare = [strip_conjunction(w) for w in norms]
    if len(norms) == 1 and ((typ in ("MISC", "PERSON") and listed_place(bare[0]))
                            or (typ == "ORG" and listed_country(bare[0]))):
        return "GPE"
    heads = titles().get("org_head", frozenset())
    if typ == "ORG" and 2 <= len(norms) <= 3 and listed_first_name(bare[0]) \
            and not any(w in heads or w.startswith("ال") and w[2:] in heads or is_common(w) for w in bare[1:]):
        return "PERSON"
    return typ


def _trim_verbs(toks: Tokens, ids: list[int]) -> list[int]:
    """A person span without the verbs that follow the name (``عبدالغني يعود`` -> ``عبدالغني``; a lone verb stays:
    the model read it as a name).  A last word only *shaped* like an imperfect verb that is no common word nor cue
    verb stays when the model puts it inside the person (``ليليان تورام``، ``آشلي يونغ``: a foreign surname
    starting with ي/ت); a common one (``يعود``) is a verb."""
    while len(ids) > 1 and verb_shaped(toks.norm[ids[-1]]) and _verb_word(toks.norm[ids[-1]]):
        ids = ids[:-1]
    return ids


def _verb_word(norm: str) -> bool:
    """A verb-shaped word that reads as a verb inside a model person span: a cue verb or a common word (also
    behind و/ف)."""
    w = strip_conjunction(norm)
    return w in cue_verbs() or norm in cue_verbs() or is_common(w) or is_common(norm)


def _not_a_name(norms: list[str], label: str, absorbs: bool) -> bool:
    """A trimmed model span that names nothing: a not_entities word (unless it absorbs a mention), one nisba,
    common or short word, an org head + indefinite adjectives, a person's title alone (``سيدي``, ``الوالي``) or
    title complements alone (``خادم | الحرمين الشريفين``, ``ولي | العهد``: what is left of a title phrase once
    the title is trimmed)."""
    if all(x in titles().get("complement", frozenset()) for x in norms):
        return True
    if len(norms) == 1 and label == "PERS" and (norms[0] in titles().get("person_title", frozenset())
                                                 or strip_conjunction(norms[0]) in titles().get("person_title", frozenset())):
        return True  # سيدي, الوالي: a title alone names nobody
    if len(norms) == 1 and label == "PERS" and norms[0][:1] in "لبك" and is_common(norms[0][1:]) \
            and not known_name_word(norms[0]):
        return True  # لصور (for pictures): ل/ب/ك + a common word is no one-word name (not كمال, a listed name)
    if (not absorbs and any(never_name(x) for x in norms)) or (len(norms) == 1 and (
            (is_nisba(norms[0]) and label not in ("PERS", "ORG")) or is_common(norms[0]) or len(norms[0]) < 3
            or future_verb(strip_conjunction(norms[0]))
            or place_nisba(norms[0]))):
        return True
    return _generic_org(norms)


_HAMZA_ALEF = frozenset("أإآ")


def _conjoined_name(norm: str) -> bool:
    """A word و + a name (``ولحلو``، ``وكوينتراو``): three or more letters after the و, which are no title, stop
    word or common word (``ولولي عهده``), and no name of its own (``وليد``، ``ويلسون``: waw_name, listed or
    gazetteer words), nor a و before a long vowel letter (``ويدرهولد``، ``وودز``، ``واتسون``: a foreign W-name)."""
    rest = norm[1:]
    if len(rest) < 3 or rest[0] in "اوي" or known_name_word(norm) or norm in word_list("waw_name"):
        return False
    person_titles = titles().get("person_title", frozenset())
    return not any(is_stopword(f) or is_common(f) or f in person_titles for _, f in clitic_forms(rest, rest))


def _split_coordinated(toks: Tokens, spans: list[ModelSpan]):
    """The model's spans, a person span that joins names with و cut in two (``عبوشي ولحلو``، ``البدوي و ماري``:
    two people, not one): at a lone ``و`` (left out) and at a word ``و`` + a name inside the span
    (:func:`_conjoined_name`)."""
    for ids, label in spans:
        if label != "PERS" or len(ids) < 2:
            yield ids, label
            continue
        part: list[int] = []
        for x in ids:
            norm = toks.norm[x]
            if part and toks.kind[x] == "word" and norm[:1] == "و" and (len(norm) == 1 or _conjoined_name(norm)):
                yield part, label
                part = [] if len(norm) == 1 else [x]
                continue
            part.append(x)
        if part:
            yield part, label


def _name_start(toks: Tokens, first: int, bare: frozenset[str] = frozenset(), listed: bool = False,
                place: bool = False) -> tuple[int, str]:
    """(offset into token ``first``, its form in the name): after a proclitic fused with the article (الـ), or
    after the و of ``ومنظمة``; after a و written before a hamza on alef (``وإيليان``: no name starts so); after a
    proclitic before a known name or a word the article writes bare elsewhere (``ودونيس`` when ``دونيس`` stands
    alone); after a conjunction و in a list of names (``listed``: after a comma, a closing bracket or another
    name) before any word that is no و-name (``، وسوزان نجم الدين``، ``أسامة المولد وقصي الخيبري``; not ``وليد``,
    not ``شمال وزيرستان``); else (0, the token)."""
    heads = titles().get("org_head", frozenset()) | titles().get("fac_head", frozenset()) | word_list("geo_head")
    norm = toks.norm[first]
    forms = clitic_forms(toks.text[first], norm)
    for o, form in forms[1:]:
        if (form.startswith("ال") and len(form) > 3) or (form in heads and o > 0 and norm[0] in "وف"):
            return o, form
    if known_name_word(norm) or norm in word_list("waw_name"):
        return 0, norm
    if norm.startswith("و") and len(norm) >= 4 and toks.text[first][1:2] in _HAMZA_ALEF:
        return 1, norm[1:]  # وإيليان ميكانسكي: و before a hamza on alef is the conjunction (no name starts so)
    for o, form in forms[1:]:
        if len(form) >= 3 and (known_name_word(form) or form in bare or (place and o == 1 and norm[0] in "بل"
                                                                          and big_place(form))):
            return o, form  # ودونيس; a place بإفران: ب + a big place of the place table (not a person باولو)
    if listed and norm.startswith("و") and (len(norm) >= 5 or norm[1:2] not in "اوي") and len(norm) >= 4 \
            and len(forms) > 1 and forms[-1][1] == norm[1:]:
        return forms[-1]
    return 0, norm


def ner_pass(ctx: Context) -> None:
    """The model's names on tokens nothing else claimed (a model organisation may absorb one gazetteer place, a
    model person a surname alias of the same first name), trimmed of stopwords, settlement words and nisbas."""
    toks, covered = ctx.toks, ctx.covered
    geo_heads, directions = word_list("geo_head"), word_list("direction")
    first_names = {m.key: m.name_norm[0] for m in ctx.found
                   if m.type == "PERSON" and m.source in ("pattern", "ner") and len(m.name_norm) >= 2}
    bare = frozenset(toks.norm)  # the article's words as written (a name written bare somewhere)
    for ids, label in _split_coordinated(toks, ctx.spans):
        s = toks.sentence[ids[0]]
        place = _absorbable_place(toks, covered, ids) if label == "ORG" else None
        if place is None and label == "PERS":
            place = _first_name_before_alias(toks, covered, ids, first_names) or _surname_place(toks, covered, ids)
        if place is not None:  # ريال مدريد, سسكا موسكو: an organisation named after a place; كوفي + أنان
            absorb(ctx, place)
        elif any(covered[i] is not None for i in ids):
            continue
        ids = _trim(toks, ids)
        if label == "PERS":
            ids = _trim_person_start(toks, _trim_verbs(toks, ids))
        if not ids or any(accusative_indefinite(toks.text[i]) for i in ids):
            continue  # جنيهاً, أناساً كثيرين: an indefinite accusative names nothing
        norms = [toks.norm[i] for i in ids]
        if _not_a_name(norms, label, place is not None):
            continue
        typ = NER_TYPE_MAP.get(label, "MISC")
        before = ids[0] - 1
        geo_before = next((f for _, f in clitic_forms(toks.text[before], toks.norm[before])
                           if f in geo_heads and f not in directions), None) \
            if label == "LOC" and before >= 0 and covered[before] is None and toks.sentence[before] == s else None
        if geo_before is not None:
            ids = [before] + ids  # جبال حمرين, لنهر التايمز: the feature word is part of the name (not شمال
            norms = [toks.norm[before]] + norms  # وزيرستان: a direction)
        head = geo_before or strip_conjunction(norms[0])
        if label == "LOC" and (head in geo_heads or (head.startswith("ال") and head[2:] in geo_heads)):
            typ = "LOC"  # جبال حمرين, الجبل الغربي
        typ = _retype(toks, ids, typ)
        if typ in ("PERSON", "MISC") and _after_org_noun(toks, ids[0]) \
                and not (typ == "PERSON" and listed_first_name(strip_conjunction(norms[0]))):
            typ = "ORG"  # الشركة الاستشارية، كابيتال إيكونوميكس: a name in apposition to a company (not
            # مدير عام الهيئة، محمد بوبشيت: a person opened by a listed given name)
        first = ids[0]
        b = first - 1
        listed = b >= 0 and toks.sentence[b] == s and (toks.text[b] in "،,)" or covered[b] is not None
                                                       or b in ctx.named)
        off, f = _name_start(toks, first, bare, listed, place=typ in ("GPE", "LOC"))
        if geo_before is not None and off == 0 and toks.norm[first] != geo_before:
            off, f = len(toks.norm[first]) - len(geo_before), geo_before  # لنهر التايمز -> نهر التايمز
        if typ != "PERSON" and len(ids) == 1 and off == 0 and adjective_after_noun(toks, first):
            continue  # الفريق العربي, للمنتخب العربي: the noun's adjective, not a club
        name = (f,) + tuple(norms[1:])
        key = place.key if place is not None and place.type == "PERSON" else f"{typ.lower()}:" + " ".join(name)
        m = Mention(first, ids[-1] + 1, toks.start[first] + off, toks.end[ids[-1]], typ, "ner", key,
                    name_norm=name, rule="ner")
        ctx.add(m)
