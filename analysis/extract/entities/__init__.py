"""Entities and their mentions: gazetteer matching, name patterns and (where the model ships) the NER tagger.

Conventions (applied everywhere, tested in ``tests/test_entities.py``):

* **One entity per real-world thing.** Spellings meet in normalised form (``ايطاليا`` = ``إيطاليا``); a short form
  (``الكاظمي``, bare ``التحالف``, the surname of a person found by a pattern) joins the entity it names.
* **Spans exclude proclitics.** ``وبغداد`` gives the mention ``بغداد`` one character in; ``لإيطاليا`` gives
  ``إيطاليا``.  Where the preposition ل has fused with the article (``للتحالف`` = ل + التحالف) the name's own
  ``ال`` is not in the text, so the span covers the fused ``لل`` (the whole ``للتحالف``; ``وللتحالف`` -> ``للتحالف``):
  ``text[start:end] == mention.text`` always.
* **Nisba adjectives are not mentions.** ``العراقي``, ``الإيطالية``, ``الكردية`` describe; they do not name.  They
  are never matched by the gazetteer (which holds names only) and are dropped from the NER output.
* **No nesting.** The longest name wins: ``برنامج الأمم المتحدة الإنمائي`` is one UNDP mention, not also a UN one.
* **Titles are not part of a person's span** (``رئيس الوزراء العراقي مصطفى الكاظمي`` -> ``مصطفى الكاظمي``); the
  title is kept in the ``title`` column, which the quote layer uses for ``الوزير الإيطالي`` -> Guerini.  An
  organisation's head noun is part of its name (``وزارة الطاقة``).
* **Sources, in order of trust:** ``gazetteer`` (reviewed English names), ``pattern`` (org/facility head + name,
  then title chain + name and ``NAME، TITLE``), ``alias`` (repeats and short forms), ``ner`` (the CRF of
  :mod:`analysis.ner`, only on tokens nothing else claimed).  Where the model runs it also checks the title
  patterns: a pattern person takes the model's person extent (``سلفان شالوم``, not ``... النقاب``) or, read by the
  model only as another type (``نائب رئيس وزراء تايلند``), gives way; a model organisation may take in one
  gazetteer place (``ريال مدريد``), a model person a surname alias of the same first name (``كوفي أنان``).
* **``دولة``, ``قرية``, ``محافظة`` stay outside a place's span** (also when the model puts them inside); ``منظمة``
  before a gazetteer organisation is inside (``منظمة الانتربول``).
* **One reading per article:** a pattern/NER name repeated elsewhere joins its entity (``دوما`` after
  ``قرية دوما``), a surname too (``ليياو``), a known first name before a bare surname is taken in (``مئير``); the
  bare definite head of a facility/court named in full (``القناة``, ``المحكمة``: ``short_head`` in titles.csv)
  and a quoted short name after an organisation's full name (``"المركز"``) join it; a gazetteer surname after
  another first name reached by a title (``وزير خارجيتها رياض المالكي``) is not the gazetteer person.

The layer is an ordered list of named passes (:data:`PASSES`) over one context (:class:`~.base.Context`: the
token view, the coverage index, the mentions so far, the model's spans), run by :func:`~.base.run_passes` under
one overlap policy, *earlier pass wins* (documented in :mod:`.base`).  Every mention records the pass and rule
that made it (``rule`` column: ``gazetteer``, ``gazetteer:short_form``, ``pattern:org_head``,
``pattern:fac_head``, ``pattern:title_chain``, ``pattern:apposition``, ``pattern:quoted_short_name``,
``alias:repeat``, ``alias:surname``, ``alias:own_surname``, ``alias:short_head``, ``ner``; for names nobody tuned
for, issue 10: ``pattern:org_definite`` (``اللجنة العليا للانتخابات``), ``pattern:event_head`` (cups, championships,
laws: MISC; leagues ``دوري``: ORG), ``pattern:place_org`` (``تعليم حائل``), ``pattern:dual_head`` (``مجلسي الشورى
والدولة``), ``pattern:dateline`` (``مسقط ـ الوطن:``), ``pattern:region`` (``أميركا الشمالية``),
``pattern:state_epithet`` (bare ``المملكة``/``السلطنة``), ``pattern:org_unit`` (``بنك السودان فرع الأبيض``),
``pattern:outlet_name`` (``صحيفة الوئام`` -> ``الوئام``),
``alias:portfolio`` (``«التعليم»`` after ``وزارة التعليم``),
``pattern:club`` (``للنصر`` in a sports story; a listed club, ``كأرسنال``), ``pattern:dated_event``
(``ثورة 25 يناير``), ``pattern:year_event`` (``يورو 2012``; ``لندن 2012`` in a sports story),
``pattern:quoted_title`` (``فيلم «دموع غزة»``, ``بطولة "بيبسي"``), ``pattern:quoted_outlet`` (``قال لـ"الوطن"``),
``pattern:country`` (``موزمبيق``: a country of the place table), a ``+join`` suffix (two person pieces on
adjacent words joined: ``بوعزة بناصر``),
``pattern:person_list`` (``، أشواق الحوسني،`` between persons), ``pattern:place_list``
(``القاهرة والجيزة``), ``pattern:quoted_place``
(``جبل «منيف»``), ``alias:short_name`` (``العربي`` after ``نادي العربي``)).

Guards against false names: a verb-shaped word (imperfect ي/ت + stem, or a cue verb) ends a person's name and starts
none the model does not read (``ترامب يؤكد`` -> ``ترامب``); an indefinite accusative (``احتياطياً``) is never in a
name; a title stays outside a model person span (``السناتور جون ماكين``); a model name keeps no proclitic
(``، وسوزان نجم الدين``); a person named by the end of another's name joins it either way (``بن سلمان``).
"""
from __future__ import annotations

import pandas as pd

from analysis.extract.entities.alias_passes import (
    alias_pass,
    attach_title_pass,
    first_name_pass,
    name_chain_pass,
    person_join_pass,
    person_suffix_pass,
    portfolio_pass,
    rekey_surname_pass,
    short_head_pass,
    sort_pass,
)
from analysis.extract.entities.base import Context, Pass, run_passes, tokens_of
from analysis.extract.entities.gazetteer_passes import (
    gazetteer_pass,
    region_pass,
    state_epithet_pass,
    state_form_pass,
    surname_clash_pass,
)
from analysis.extract.entities.model_passes import (
    NER_TYPE_MAP,
    model_span_pass,
    ner_available,
    ner_pass,
    reconcile_persons_pass,
)
from analysis.extract.entities.patterns import (
    club_pass,
    club_retype_pass,
    country_pass,
    dated_event_pass,
    dateline_pass,
    dual_head_pass,
    org_pass,
    org_unit_pass,
    person_list_pass,
    person_pass,
    place_list_pass,
    place_org_after_model_pass,
    quoted_outlet_pass,
    quoted_place_pass,
    quoted_short_name_pass,
    quoted_title_pass,
    writer_line_pass,
    year_event_pass,
)
from analysis.extract.entities.tables import build_tables
from analysis.extract.entities.words import place_nisba as _place_nisba  # noqa: F401  (tests import it so)
from analysis.text.clitics import clitic_forms

__all__ = ["extract_entities", "proclitic_forms", "NER_TYPE_MAP", "ner_available", "PASSES", "Pass", "Context",
           "run_passes", "entity_context"]

# The entity layer, in order of trust.  Model passes are skipped when the article is parsed without the model.
PASSES: tuple[Pass, ...] = (
    Pass("model_spans", model_span_pass, needs_model=True,
         doc="tag the article with the NER model (its spans are read by the passes below)"),
    Pass("gazetteer", gazetteer_pass, doc="reviewed names and their short forms"),
    Pass("surname_clash", surname_clash_pass, doc="a gazetteer surname after another first name is released"),
    Pass("region", region_pass, doc="أميركا الشمالية: a gazetteer place + a region adjective is a region"),
    Pass("state_form", state_form_pass, doc="جمهورية قبرص, الجمهورية القبرصية: the state named by its form"),
    Pass("state_epithet", state_epithet_pass, doc="المملكة / السلطنة standing alone for the state"),
    Pass("dateline", dateline_pass, doc="مسقط ـ الوطن: the outlet beside the dateline's place"),
    Pass("dual_head", dual_head_pass, doc="مجلسي الشورى والدولة: one body per word after a dual head"),
    Pass("dated_event", dated_event_pass, doc="ثورة 25 يناير: an event named by its date"),
    Pass("year_event", year_event_pass, doc="يورو 2012, لندن 2012 in a sports story: an event named by its year"),
    Pass("quoted_outlet", quoted_outlet_pass, doc='قال لـ"الوطن": the outlet a statement was given to'),
    Pass("quoted_title", quoted_title_pass, doc='فيلم «دموع غزة», بطولة "بيبسي": a quoted title after its kind\'s noun'),
    Pass("org_pattern", org_pass, doc="org/facility head + name"),
    Pass("quoted_place", quoted_place_pass, doc='جبل «منيف»: a natural feature word + a quoted name'),
    Pass("club", club_pass, doc="للنصر, أمام الهلال: a listed club name standing alone in a sports story"),
    Pass("org_unit", org_unit_pass, doc="بنك السودان فرع الأبيض, جنرال موتورز أوروبا: an organisation's unit"),
    Pass("person_pattern", person_pass, doc="title chain + name, NAME، TITLE"),
    Pass("writer_line", writer_line_pass, doc="كتب صادق الشايع: a writer's line names the writer"),
    Pass("reconcile_persons", reconcile_persons_pass, needs_model=True,
         doc="pattern persons take the model's person extent or give way"),
    Pass("quoted_short_name", quoted_short_name_pass, doc='"المركز" after شركة المركز المالي الكويتي'),
    Pass("name_chain", name_chain_pass, doc="a person's name goes on through بن / آل + name right after it"),
    Pass("alias", alias_pass, doc="repeats and surnames (before the model: its spans cannot swallow a surname)"),
    Pass("ner", ner_pass, needs_model=True, doc="the model's names on free tokens"),
    Pass("name_chain_after_ner", name_chain_pass, needs_model=True, doc="the same for the model's persons"),
    Pass("alias_after_ner", alias_pass, needs_model=True, doc="repeats and surnames of the model's names"),
    Pass("person_join", person_join_pass, doc="بوعزة + بناصر: two person pieces on adjacent words are one name"),
    Pass("club_retype", club_retype_pass, needs_model=True,
         doc="دينامو كييف الاوكراني in a sports story: a 'person' followed by a country's adjective is a club"),
    Pass("place_org_after_ner", place_org_after_model_pass, needs_model=True,
         doc="شرطة البتراء: a sector head + a place the model found"),
    Pass("country", country_pass, doc="موزمبيق: a country of the place table the model left"),
    Pass("place_list", place_list_pass, doc="القاهرة والجيزة ودمياط: a big place of the place table after a place"),
    Pass("person_list", person_list_pass, doc="a name item in a list of persons (، أشواق الحوسني، ...) is one"),
    Pass("rekey_surname", rekey_surname_pass, doc="a gazetteer surname joins the article's own person"),
    Pass("first_name", first_name_pass, doc="a known or listed first name before a bare surname is taken in, "
         "a listed father's name after a one-word name (صدام حسين)"),
    Pass("person_suffix", person_suffix_pass, doc="بن سلمان joins محمد بن سلمان, first seen either way"),
    Pass("short_head", short_head_pass, doc="القناة after قناة السويس"),
    Pass("portfolio", portfolio_pass, doc="«التعليم»، العمل: (headline) after وزارة التعليم / وزارة العمل"),
    Pass("text_order", sort_pass, doc="mentions sorted by start"),
    Pass("attach_title", attach_title_pass, doc="the title phrase before each person"),
)


def proclitic_forms(token: str) -> list[tuple[int, str]]:
    """Candidate (offset into ``token``, normalised form) readings of a token with its proclitics stripped.

    >>> proclitic_forms("لإيطاليا")[:2]
    [(0, 'لايطاليا'), (1, 'ايطاليا')]
    """
    return list(clitic_forms(token))


def entity_context(base, *, ner: bool = True, passes=PASSES) -> Context:
    """The context after running ``passes`` on ``base`` (``ner``: with the model, when it is available)."""
    return run_passes(Context(tokens_of(base), use_model=ner and ner_available()), passes)


def extract_entities(base, *, ner: bool = True) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(entities, mentions)`` tables for one article (see DATA_MODEL.md and this module's conventions).

    ``ner``: use the NER model for names nothing else found (when the model is available; if it cannot be
    loaded, a warning is given once and the article is parsed without it).
    """
    ctx = entity_context(base, ner=ner)
    return build_tables(base, ctx.toks, ctx.found)
