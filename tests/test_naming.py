"""Every entity has an English name and says where it came from; the evaluation keys count gazetteer names only."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import parse_article, romanize
from analysis.evaluate import predicted_keys
from analysis.names.naming import NAME_SOURCES, compose
from analysis.names.spelling import spell


def _every_entity_named(art) -> None:
    e = art.entities
    assert e["name_en"].map(lambda s: isinstance(s, str) and s.strip() != "").all(), e[["name_ar", "name_en"]]
    assert set(e["name_en_source"]) <= set(NAME_SOURCES)
    assert e["name_en"].map(lambda s: s.isascii()).all()  # nothing left in Arabic script
    reviewed = e["key"].notna()
    assert (e.loc[reviewed, "name_en_source"] == "gazetteer").all()


def test_seed_entities_named_by_the_gazetteer(seed_article):
    _every_entity_named(seed_article)
    assert set(seed_article.entities["name_en_source"]) == {"gazetteer"}


def test_dev_entities_all_named(dev_articles):
    for art in dev_articles.values():
        _every_entity_named(art)


@pytest.mark.parametrize("arabic, expected", [
    ("عبد الله", ("Abdullah", "lexicon")),              # a two-word particle
    ("أبو بكر البغدادي", ("Abu Bakr al-Baghdadi", "lexicon")),  # particle, name, al- + name
    ("مصطفى الكاظمي", ("Mustafa al-Kadhimi", "lexicon")),  # reviewed gazetteer words
    ("ترامب", ("Trump", "lexicon")),
    ("Obama", ("Obama", "lexicon")),                     # no Arabic letters: as written, no model
])
def test_spell_source(arabic, expected):
    assert spell(arabic) == expected


def test_model_spelling_is_marked_romanized():
    got, source = spell("كرافينيوزي")
    assert source == "romanized" and got.isascii() and got[:1].isupper()
    assert spell("كرافينيوزي", use_lexicon=False)[1] == "romanized"


@pytest.mark.parametrize("text, name, source", [
    ("التقى وزير الدفاع البرتغالي جواو كرافينيو نظيره.", "جواو كرافينيو", {"lexicon", "romanized"}),
    ("زار الوزير مدينة الموصل أمس.", "الموصل", {"gazetteer"}),
])
def test_entity_name_sources(text, name, source):
    e = parse_article(text).entities.set_index("name_ar")
    assert e.loc[name, "name_en_source"] in source and e.loc[name, "name_en"]


def test_keys_use_gazetteer_names_only():
    """A romanized or lexicon name never enters the entities / quotes keys (the tuned gold predates them)."""
    art = parse_article("التقى وزير الدفاع البرتغالي جواو كرافينيو نظيره في بغداد.")
    keys = predicted_keys(art, "entities")
    assert ("Baghdad", "GPE") in keys and ("", "PERSON") in keys
    ents = art.entities
    person = ents.loc[ents["type"] == "PERSON"].iloc[0]
    assert person["name_en"] and person["name_en_source"] != "gazetteer"
    quotes = pd.DataFrame({"speaker_entity_id": [int(person["entity_id"])], "start": [0], "end": [1],
                           "mode": ["indirect"]})
    from analysis.evaluate import _speaker_keys

    assert _speaker_keys(quotes, ents) == ["ar:" + "جواو كرافينيو"]


@pytest.mark.parametrize("arabic, expected", [
    ("البنك المركزي", ("Central Bank", "lexicon")),                                # head with the article + adjective
    ("وزارة المالية", ("Ministry of Finance", "lexicon")),                        # a word right after the head
    ("غرفة الملاحة الدولية", ("International Chamber of Shipping", "lexicon")),
    ("مطار عدن الدولي", ("Aden International Airport", "lexicon")),               # a place before the head
    ("البنك الاسلامي للتنمية", ("Islamic Development Bank", "lexicon")),          # ل + word: before the head
    ("وزارة الخارجية الأمريكية", ("Ministry of Foreign Affairs (United States)", "lexicon")),  # place adjective
    ("مصطفى الكاظمي", None),                                                       # no head noun: not composed
    ("المدينة", None),                                                             # a head alone: not composed
    ("وزارة التجارة والصناعة", ("Ministry of Commerce and Industry", "lexicon")),  # و + word joins the part before
    ("الهيئة العامة للغذاء والدواء", ("General Food and Drugs Authority", "lexicon")),  # ... a ل part too
    ("شرطة منطقة مكة المكرمة", ("Makkah Region Police", "lexicon")),            # a two-word place; منطقة after it
    ("مهرجان جدة", ("Jeddah Festival", "lexicon")),                               # a reviewed place, not 'grandma'
    ("كأس العالم", ("World Cup", "lexicon")),
    ("دوري الدرجة الأولى", ("First Division League", "lexicon")),
    ("جامعة الملك سعود", ("King Saud University", "lexicon")),                    # a royal title inside the name
    ("دوري عبداللطيف جميل", ("Abdullatif Jamil League", "lexicon")),             # after a name word: more name,
    # not the Libyan town Al Jumayl
    ("أمانة منطقة حائل", ("Ha'il Region Municipality", "lexicon")),             # heads from the corpus's names
    ("تعليم حائل", ("Ha'il Education", "lexicon")),                               # a region's department
    ("البنك الإفريقي للتنمية", ("African Development Bank", "lexicon")),          # a continent's adjective
    ("الهيئة الوطنية لمكافحة الفساد", ("National Anti-Corruption Authority", "lexicon")),  # two-word ل part
    ("دوري عبداللطيف جميل للمحترفين", ("Abdullatif Jamil Professional League", "lexicon")),  # ل + adjective
    ("للاتحاد السعودي لكرة القدم", ("Football Union (Saudi Arabia)", "lexicon")),  # ل on the head: stripped
    ("حرس الحدود", ("Border Guard", "lexicon")),
    ("جامعة القدس المفتوحة", ("Jerusalem Open University", "lexicon")),
    ("الشركة التونسية للكهرباء والغاز", ("Electricity and Gas Company (Tunisia)", "lexicon")),
    # compound heads (name_words.csv kind compound_head): the complement before the head, the governed word first
    ("صندوق التنمية العقاري", ("Real Estate Development Fund", "lexicon")),
    ("هيئة تنظيم الاتصالات", ("Telecommunications Regulatory Authority", "lexicon")),
    ("صندوق التنمية والتشغيل", ("Development and Employment Fund", "lexicon")),  # و keeps its pair together
    ("شركة الخليج لصناعة البتروكيماويات", ("Gulf Petrochemical Industries Company", "lexicon")),
    # a feminine adjective after a plural of things qualifies that conjunct, not the head
    ("وزارة الصناعة والتجارة والتكنولوجيات الحديثة", ("Ministry of Industry and Commerce and New Technologies", "lexicon")),
    ("صندوق التنمية والتشغيل الدولي", ("International Development and Employment Fund", "lexicon")),
    ("حزب المؤتمر الوطني", ("National Congress Party", "lexicon")),
    ("صندوق النقد الدولي", ("International Monetary Fund", "lexicon")),
    ("وزارة الشؤون الاجتماعية", ("Ministry of Social Affairs", "lexicon")),  # not a compound head: "of"
    ("بطولة كأس الخليج", ("Gulf Cup Championship", "lexicon")),  # a compound head naming a head: the inner name
    ("كأس العالم 2014", ("2014 World Cup", "lexicon")),            # a year first
    ("مسابقة المهارات الشبابية", ("Youth Skills Competition", "lexicon")),
])
def test_compose(arabic, expected):
    assert compose(arabic) == expected


def test_compose_spells_an_unknown_name():
    # the head noun translated, the unknown name spelt by the model (its spelling is tested in test_romanize.py)
    assert compose("معهد سيجنيت") == (f"{romanize('سيجنيت')} Institute", "romanized")


@pytest.mark.parametrize("arabic, country, expected", [
    ("ريال مدريد", None, "Real Madrid"),
    ("نادي الاتحاد", "SA", "Al Ittihad"),       # after نادي: the club
    ("الأهلي", "SA", "Al Ahli"),                # the outlet's country picks among the clubs of that name
    ("الأهلي", "EG", "Al Ahly"),
    ("الأهلي", None, "Al Ahly"),                # no country: the first listed
    ("الهلال", None, "Al Hilal"),               # other sense 'the crescent': no institution, the club
    ("الشرطة", None, None),                     # other sense 'the police': the club only after نادي/فريق
    ("نادي الشرطة", None, "Al Shorta"),
    ("الاتحاد", None, None),                    # also 'union, federation'
    ("وزارة المالية", None, None),
])
def test_club_name(arabic, country, expected):
    from analysis.names.naming import club_name

    assert club_name(arabic, country=country) == expected


@pytest.mark.parametrize("name_ar, type_, expected", [
    ("للنصر", "ORG", "Al Nassr"),          # the only form carries ل + the article: the club's name
    ("لنابولي", "ORG", "Napoli"),          # a one-letter proclitic: looked up without it in the club list
    ("وبرشلونة", "ORG", "Barcelona"),
    ("للإدارة العامة للتعليم", "ORG", "General Education Department"),  # composed from the head without ل
    ("فالنسيا", "ORG", "Valencia"),        # فـ is not split off a name the lexicon lists whole
])
def test_names_written_with_a_proclitic(name_ar, type_, expected):
    from analysis.names.naming import name_entities

    rows = [{"entity_id": 0, "type": type_, "name_ar": name_ar, "key": None}]
    name_entities(rows, {0: [name_ar]}, {0: None})
    assert rows[0]["name_en"] == expected


def test_proclitic_is_kept_where_no_list_knows_the_name():
    from analysis.names.naming import _proclitic_forms, _without_for

    assert _without_for("لبنان") == "لبنان" and _without_for("للنصر الرياضي") == "النصر الرياضي"
    assert _proclitic_forms("فالنسيا") == ("فالنسيا", "النسيا")  # both tried in closed lists only
    assert _proclitic_forms("وزن") == ("وزن",)                    # too short to strip
    assert _proclitic_forms("فهيم الحامد") == ("فهيم الحامد",)    # three letters left: the name's own ف
    assert _proclitic_forms("لنابولي") == ("لنابولي", "نابولي")


def test_clubs_named_in_the_article():
    art = parse_article("النصر يفوز\n\nفاز فريق النصر على ريال مدريد بهدفين في مباراة ودية أمس.", country="SA")
    e = art.entities
    orgs = dict(zip(e.loc[e["type"] == "ORG", "name_ar"], e.loc[e["type"] == "ORG", "name_en"]))
    assert orgs == {"النصر": "Al Nassr", "ريال مدريد": "Real Madrid"}


@pytest.mark.parametrize("country, name_en, source", [
    ("SA", "Saudi Arabia", "gazetteer"),   # a Saudi paper's المملكة
    ("MA", "Morocco", "gazetteer"),
    ("EG", "the Kingdom", "lexicon"),      # Egypt is no kingdom: which one is not known
    (None, "the Kingdom", "lexicon"),
])
def test_the_kingdom_is_the_outlets_own(country, name_en, source):
    art = parse_article("المملكة تستضيف القمة\n\nأعلنت المملكة اليوم أنها ستستضيف القمة العربية الشهر المقبل.",
                        country=country)
    row = art.entities.set_index("name_ar").loc["المملكة"]
    assert (row["name_en"], row["name_en_source"]) == (name_en, source)
    assert (row["geo_reason"] == "outlet-country") == (source == "gazetteer")
    key = row["key"] if isinstance(row["key"], str) else None
    assert key == {"SA": "saudi_arabia", "MA": "morocco"}.get(country)  # one country with السعودية in a corpus
