"""Themes: stem-matched bilingual triggers, scores, evidence, the seed's themes, quiet on economy news."""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from analysis import parse_article
from analysis.evaluate import top_theme
from analysis.extract.themes import (
    GENERIC_THEMES,
    HEADLINE_WEIGHT,
    LEAD_SENTENCES,
    LEAD_WEIGHT,
    THEME_COLUMNS,
    THRESHOLD,
    Trigger,
    rank_themes,
    theme_labels,
    theme_lexicon,
    triggers,
)

from conftest import DEV_DIR, ROOT, shared_or_skip

GOLD = ROOT / "tests" / "gold"
SECURITY = {"WEAPONS_UNCONTROLLED", "TERROR", "DIPLOMATIC_MISSIONS", "MILITARY_COOPERATION", "DEFENCE_INDUSTRY",
            "COALITION_NATO", "TERROR_FINANCING", "SECURITY_SERVICES", "ARMEDCONFLICT", "KILL", "ARREST",
            "CEASEFIRE", "STABILISATION"}


def themes_of(body: str) -> set[str]:
    return set(parse_article("عنوان\n\n" + body).themes["theme"])


class TestLexicon:
    def test_every_theme_has_bilingual_labels(self):
        for code, (en, ar) in theme_labels().items():
            assert code.isupper() and en and ar
            assert re.search("[\u0621-\u064a]", ar), (code, ar)  # the Arabic label is Arabic ...
            assert not re.search("[\u0600-\u06ff]", en), (code, en)  # ... the English one is not

    def test_one_theme_one_pair_of_labels(self, monkeypatch):
        import analysis.extract.themes as th
        from analysis.lexicon import LexiconError
        rows = ({"theme": "EDUCATION", "label_en": "Schools", "label_ar": "التعليم", "match": ""},
                {"theme": "EDUCATION", "label_en": '"Schools', "label_ar": "universities", "match": ""})
        monkeypatch.setattr(th, "load_csv", lambda *a, **k: rows)
        with pytest.raises(LexiconError, match="line 3: theme EDUCATION is labelled"):
            th._rows.__wrapped__()

    def test_triggers_are_stemmed(self):
        # ``الإرهابية`` and ``إرهاب`` share the stem the lexicon indexes
        from analysis.text.stem import stem
        assert any(t.theme == "TERROR" for t in theme_lexicon()[stem("الإرهابية")])


class TestTriggers:
    def test_in_file_order_with_stems(self):
        first = triggers()[0]
        assert first == Trigger("WEAPONS_UNCONTROLLED", ("سلاح", "منفلت"), "السلاح المنفلت", "uncontrolled weapons", 2.0)
        assert triggers() is triggers()  # loaded once

    @pytest.mark.parametrize(
        ("term", "theme", "stems", "gloss", "weight"),
        [
            ("هدنة", "CEASEFIRE", ("هدن",), "truce", 2.0),
            ("داعش", "TERROR", ("داعش",), "ISIS (Daesh)", 1.0),
            ("اقتصاد", "ECON_GENERAL", ("اقتصاد",), "economy / economic", 1.0),
        ],
    )
    def test_rows(self, term, theme, stems, gloss, weight):
        assert Trigger(theme, stems, term, gloss, weight) in triggers()

    def test_index_holds_every_trigger(self):
        indexed = [t for group in theme_lexicon().values() for t in group]
        assert sorted(indexed) == sorted(triggers())
        for first_stem, group in theme_lexicon().items():
            assert all(t.stems[0] == first_stem for t in group)
            assert [len(t.stems) for t in group] == sorted((len(t.stems) for t in group), reverse=True)


class TestTagging:
    @pytest.mark.parametrize("body, expected", [
        ("السلاح المنفلت أخطر تحد يواجه الحكومة.", {"WEAPONS_UNCONTROLLED"}),
        ("ما زالت عصابات داعش الإرهابية تشكل تهديدا.", {"TERROR"}),
        ("تعزيز أمن البعثات الدبلوماسية في بغداد.", {"DIPLOMATIC_MISSIONS"}),
        ("بحثا تدريب القوات العراقية والصناعة العسكرية.", {"MILITARY_COOPERATION", "DEFENCE_INDUSTRY"}),
        ("ارتياحه لمستوى التعاون على مستوى الناتو.", {"COALITION_NATO"}),
        ("مجموعة مكافحة تمويل داعش تعطل مصادر إيراداته.", {"TERROR_FINANCING", "TERROR"}),
        ("صندوق لتحقيق الاستقرار الفوري في الأراضي المحررة.", {"STABILISATION"}),
        ("دور في تهدئة الأوضاع بالمنطقة.", {"DEESCALATION"}),
        ("سد الموصل بنية تحتية توفر إمدادات المياه.", {"INFRASTRUCTURE"}),
        ("الأجهزة الأمنية تعمل لفرض القانون.", {"SECURITY_SERVICES", "RULE_OF_LAW"}),
        ("أعلنت أوبك أن أسعار النفط ستتعافى.", {"ENV_OIL"}),
        ("تراجعت الأسهم وانخفض مؤشر داو جونز.", {"ECON_STOCKMARKET"}),
        ("أعلنت هدنة إنسانية لإدخال المساعدات الإنسانية.", {"CEASEFIRE", "HUMANITARIAN"}),
        ("جرت الانتخابات وأدلى الناخبين بأصواتهم.", {"ELECTION"}),
        ("يسعى البلدان إلى استقرار سوق النفط.", {"ENV_OIL"}),  # market stability is not stabilisation
        ("وصل الوزير إلى المدينة صباحا.", set()),
    ])
    def test_sentences(self, body, expected):
        assert themes_of(body) == expected

    def test_score_counts_distinct_triggers_once(self):
        t = parse_article("عنوان\n\nداعش وداعش وداعش في كل مكان.").themes
        assert t["score"].tolist() == [1.0] and t["evidence"].tolist() == ["داعش | وداعش | وداعش"]

    def test_weak_trigger_alone_is_below_threshold(self):
        assert THRESHOLD == 1.0
        assert themes_of("عادت القوات إلى ثكناتها.") == set()


class TestSeed:
    def test_columns_and_evidence_offsets(self, seed_article):
        t = seed_article.themes
        assert list(t.columns) == THEME_COLUMNS
        text = seed_article.text
        for r in t.itertuples():
            pieces = [text[int(a):int(b)] for a, b in (span.split("-") for span in r.evidence_spans.split(";"))]
            assert " | ".join(pieces) == r.evidence

    def test_seed_themes_exactly(self, seed_article):
        assert set(seed_article.themes["theme"]) == {
            "WEAPONS_UNCONTROLLED", "TERROR", "DIPLOMATIC_MISSIONS", "MILITARY_COOPERATION", "DEFENCE_INDUSTRY",
            "COALITION_NATO", "TERROR_FINANCING", "STABILISATION", "DEESCALATION", "INFRASTRUCTURE",
            "SECURITY_SERVICES", "RULE_OF_LAW", "DIPLOMACY"}
        first = seed_article.themes[seed_article.themes["sentence_id"] == 2]
        assert dict(zip(first["theme"], first["evidence"])) == {
            "DEESCALATION": "تهدئة", "DIPLOMATIC_MISSIONS": "أمن البعثات", "RULE_OF_LAW": "الخارجة عن القانون",
            "WEAPONS_UNCONTROLLED": "السلاح المنفلت"}

    def test_seed_matches_gold(self, seed_article):
        starts = dict(zip(seed_article.sentences["sentence_id"], seed_article.sentences["start"]))
        got = {(starts[s], th) for s, th in zip(seed_article.themes["sentence_id"], seed_article.themes["theme"])}
        gold = {tuple(r) for r in pd.read_csv(GOLD / seed_article.article_id / "themes.csv").itertuples(index=False)}
        assert got == gold


class TestDevSet:
    def test_economy_articles_are_not_security_news(self, dev_articles):
        for name, art in dev_articles.items():
            if "_economy_" in name:
                assert not set(art.themes["theme"]) & SECURITY, name

    def test_politics_articles_have_security_themes(self, dev_articles):
        for name, art in dev_articles.items():
            if name.startswith(("01_", "05_", "09_")):
                assert set(art.themes["theme"]) & SECURITY, name

    @pytest.mark.parametrize("gold_dir", sorted(p for p in GOLD.iterdir() if (p / "themes.csv").exists()
                                                and not p.name.startswith("000_")), ids=lambda p: p.name)
    def test_dev_f1(self, gold_dir: Path):
        art = parse_article(shared_or_skip(DEV_DIR / f"{gold_dir.name}.txt"))
        starts = dict(zip(art.sentences["sentence_id"], art.sentences["start"]))
        got = {(starts[s], th) for s, th in zip(art.themes["sentence_id"], art.themes["theme"])}
        gold = {(int(s), th) for s, th in pd.read_csv(gold_dir / "themes.csv").itertuples(index=False)}
        tp = len(got & gold)
        p, r = tp / max(len(got), 1), tp / max(len(gold), 1)
        assert 2 * p * r / max(p + r, 1e-9) >= 0.8, (gold - got, got - gold)


class TestDomainThemes:
    """Sports, culture, society, religion and governance themes of the blind conventions, from general vocabulary."""

    @pytest.mark.parametrize("body, expected", [
        ("فاز الأهلي على الهلال بهدفين في مباراة الدوري الممتاز لكرة القدم.", {"SPORTS", "SPORTS_FOOTBALL"}),
        ("يتصدر الفريق جدول الكرة الطائرة بعد فوزه في المباراة.", {"SPORTS", "SPORTS_VOLLEYBALL"}),
        ("سجل منتخب كرة اليد أرقاما قياسية.", {"SPORTS", "SPORTS_HANDBALL"}),
        ("افتتح مهرجان الفيلم العربي بعرض أفلام سينمائية.", {"CULTURE_CINEMA", "CULTURE_FESTIVALS"}),
        ("تعرض الفضائيات عشرات المسلسلات والدراما في الشهر الكريم.", {"CULTURE_TV"}),
        ("قدم المسرح الوطني مسرحية جديدة على خشبة المسرح.", {"CULTURE_THEATRE"}),
        ("اعتمد وزير التعليم مشاريع المدارس الجديدة للطلاب والطالبات.", {"EDUCATION"}),
        ("تعمل الهيئة على حماية المستهلك من الغلاء.", {"ECON_CONSUMER"}),
        ("أكد على حرية التعبير وحرية الصحافة في قانون المطبوعات الجديد.", {"PRESS_FREEDOM"}),
        ("طالب بمكافحة الفساد وحماية المال العام.", {"CORRUPTION"}),          # طالب = demanded, not a student
        ("تعزز الوحدة الوطنية التعايش بين الأقباط والمسلمين.", {"RELIGIOUS_COEXISTENCE"}),
        ("استقبلت مكة الحجاج لأداء مناسك الحج.", {"RELIGION_HAJJ"}),
        ("تنشط السياحة في الصيف مع تدفق السياح على الفنادق.", {"TOURISM"}),
        ("ضرب زلزال المنطقة وتبعته الفيضانات.", {"DISASTER_NATURAL"}),
        ("لم يقبل العراقيون التدخل الأجنبي في شؤونهم.", {"FOREIGN_INTERVENTION"}),
        ("صوت المجلس على مواد الدستور في الجمعية التأسيسية.", {"CONSTITUTION"}),
        ("تنطلق المعارضة السورية نحو القرى.", set()),          # المعارضة: the opposition, not exhibitions (المعارض)
        ("أقامت الجمعية ندوة بحضور السادة الأعضاء.", set()),   # السادة shares no trigger with الفساد
    ])
    def test_sentences(self, body, expected):
        assert themes_of(body) == expected


class TestSectionVocabulary:
    """Glossed domain rows of every section (governance, nuclear, diplomacy, retail, literature, biography, health,
    religion, food, arrests); polysemous words are ``form`` rows or weigh 0.5 (the hair/poetry الشعر, the
    age/umrah عمره, the traffic/biography سير, the health official)."""

    @pytest.mark.parametrize("body, expected", [
        ("قرر رئيس الوزراء تقليص الوزارات ودمج الوزارات وإلغاء المناصب الزائدة.", {"GOV_REFORM"}),
        ("صادق المجلس على الاتفاق النووي مع إيران.", {"NUCLEAR"}),
        ("تحتفي الرئاسة غدا باليوم العالمي للحركة الكشفية.", {"SOCIETY_EVENTS"}),
        ("التقى وزير الخارجية نظيره الفرنسي في باريس.", {"DIPLOMACY"}),
        ("تتولى قبرص الرئاسة الدورية للاتحاد الأوروبي.", {"DIPLOMACY"}),
        ("انتشرت التخفيضات في المحلات التجارية والمتاجر.", {"ECON_CONSUMER"}),
        ("أقيمت أمسية شعرية ألقى فيها الشاعر قصائد جديدة.", {"CULTURE_FESTIVALS"}),
        ("اكتشف الأطباء أن الشعر يتساقط بسبب التوتر.", {"HEALTH"}),          # hair: الشعر alone is no poetry
        ("الفنان من مواليد دمشق وقد وافته المنية أمس.", {"CULTURE_OBITUARY", "CULTURE_TV"}),
        ("افتتح المستشفى قسما لعلاج المرضى المصابين بالسرطان.", {"HEALTH"}),
        ("قال المسؤول الصحي إن المدنيين قتلوا بانفجار ألغام.", {"ARMEDCONFLICT", "KILL"}),  # الصحي alone: 0.5
        ("تنظم وزارة الشؤون الإسلامية حلقات تحفيظ القرآن في المساجد.", {"RELIGION_OUTREACH"}),
        ("يستعد المعتمرون لأداء العمرة بعد الحج.", {"RELIGION_HAJJ"}),
        ("وأكد أن عمره تجاوز الستين عاما.", set()),                          # عمره = his age, not umrah
        ("هاجم الكاتب الإخوان والسلفيين في مقاله.", {"POLITICAL_ISLAM"}),
        ("تقدم المطاعم المأكولات الشعبية والحلويات.", {"CULTURE_FOOD"}),
        ("ألقت الشرطة القبض على السجناء الهاربين.", {"ARREST", "SECURITY_SERVICES"}),
        ("كتب سيرته في كتاب جديد.", {"CULTURE_OBITUARY", "CULTURE_FESTIVALS"}),  # a life story in a new book
        ("توقفت حركة السير في الشارع.", set()),                              # السير = traffic, not a life story
        ("ارتفعت أسعار الذهب إلى 1095 دولارا للأوقية.", {"ECON_COMMODITIES"}),
        ("ذهب الوزير إلى المدينة صباحا.", set()),                            # ذهب = went: gold only in a phrase
        ("أصدرت الجوازات 350 ألف بطاقة زائر.", set()),                       # بطاقة (card) shares الطاقة's stem
        ("أظهرت بيانات إدارة معلومات الطاقة ارتفاع الإنتاج.", {"ENV_OIL"}),
        ("رفعت الحكومة أسعار المحروقات والوقود.", {"ENV_OIL"}),
        ("خضع الرئيس لعملية جراحية لإزالة ورم صغير.", {"HEALTH"}),
        ("سجلت الوزارة إصابات جديدة بفيروس كورونا.", {"HEALTH"}),
        ("التقى الرئيس الكوري نظيره الياباني.", {"DIPLOMACY"}),               # الكوري is not كورونا
        ("أعلن اللاعب الرحيل عن الأهلي.", {"SPORTS"}),                       # leaving a club: رحيل alone is 0.5
        ("تلقينا نبأ رحيل الشاعر عن عالمنا.", {"CULTURE_OBITUARY"}),
        ("فرضت الحكومة ضريبة جديدة على الضرائب العقارية.", {"ECON_GENERAL", "ECON_REALESTATE"}),
        ("صدر حديثا عن دار النشر كتاب جديد للكاتب.", {"CULTURE_FESTIVALS"}),   # books and publishing
        ("وفق رواية الشهود.", set()),                                        # رواية alone: an account, 0.5
        ("يعاني المزارعون من تراجع الأراضي الزراعية.", {"ECON_GENERAL"}),
        # session 9: public finance (bonds, debt) is the economy; an investigation into a death is the law
        ("أصدرت وزارة المالية سندات تنمية حكومية.", {"ECON_GENERAL"}),
        ("التحقيق في وفاة طفلة علقت بأرجوحة.", {"RULE_OF_LAW"}),
        ("وفتحت النيابة تحقيقا في الحادث.", {"RULE_OF_LAW"}),
        ("يبقى المشروع صعب التحقيق في القريب العاجل.", set()),   # التحقيق = achieving: no investigation
        ("أعلنت الأسرة وفاة طفلها.", set()),                      # a death alone is no obituary (0.5)
        ("دعا وزير الصحة المنظمات إلى وضع حد للتدخل.", {"HEALTH"}),
        ("إحالة أوراق 10 متهمين إلى المفتي.", {"RULE_OF_LAW"}),
        # NOT_A_THEME rows: tear gas is no energy news (its words count for no theme)
        ("أطلقت الشرطة الغاز المسيل للدموع على المتظاهرين.", {"SECURITY_SERVICES"}),
        ("ارتفعت أسعار الغاز والنفط في الأسواق.", {"ENV_OIL"}),
        ("قضت محكمة جنايات القاهرة بالإعدام على المتهمين.", {"RULE_OF_LAW"}),
        ("فرضت الحكومة الرسوم الجمركية على المركبات.", {"ECON_TRADE"}),
    ])
    def test_sentences(self, body, expected):
        assert themes_of(body) == expected


class TestAboutness:
    """rank_themes: the headline and lead weigh more than later sentences, so a passing mention does not win."""

    SPORTS_STORY = (
        "الأهلي يتغلب على الهلال في الدوري الممتاز\n\n"
        "فاز فريق الأهلي على الهلال بهدفين مقابل هدف في مباراة الدوري الممتاز لكرة القدم.\n"
        "وسجل المهاجم هدف الفوز في الشوط الثاني.\n"
        "وحضر المباراة وزير الخارجية وسفير فرنسا على هامش مباحثات ومفاوضات بين البلدين.\n"
        "وتناولت المباحثات العلاقات الثنائية وملفات مجلس الأمن والأمم المتحدة والمجتمع الدولي.\n"
    )

    def test_sports_lead_beats_a_passing_political_mention(self):
        art = parse_article(self.SPORTS_STORY, ner=False)
        flat: dict[str, float] = {}
        for theme, score in zip(art.themes["theme"], art.themes["score"]):
            flat[theme] = flat.get(theme, 0.0) + score
        assert max(flat, key=flat.get) == "DIPLOMACY"   # unweighted, the two political sentences would win
        ranked = rank_themes(art.themes, art.sentences)
        assert ranked["theme"].iloc[0] == "SPORTS_FOOTBALL" and ranked["rank"].tolist()[:2] == [1, 2]
        assert "SPORTS" not in set(ranked["theme"])      # the generic theme is folded into the sport named
        assert top_theme(art) == "SPORTS_FOOTBALL"

    def test_a_dateline_alone_is_not_the_lead(self):
        from analysis.extract.themes import is_dateline_sentence
        assert is_dateline_sentence("الرياض 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م واس")
        assert not is_dateline_sentence("فاز فريق الأهلي على الهلال بهدفين مقابل هدف في مباراة الدوري.")
        art = parse_article("رعاية الشباب تحتفي باليوم العالمي\n\nالرياض 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م واس\n"
                            "تحتفي الرئاسة العامة لرعاية الشباب غدا باليوم العالمي للحركة الكشفية.\n"
                            "وأوضح المدير أن الإدارة أكملت الاستعدادات لمشاركة العالم الاحتفال بالحركة.\n", ner=False)
        ranked = rank_themes(art.themes, art.sentences)
        # the lead is the two sentences after the dateline: the third body sentence weighs 2, not 1
        assert dict(zip(ranked["theme"], ranked["weight"])) == {
            "SOCIETY_EVENTS": 12.0, "SPORTS_ADMINISTRATION": 10.0, "CULTURE_FESTIVALS": 2.0}

    def test_weights_are_declared(self):
        assert (HEADLINE_WEIGHT, LEAD_WEIGHT, LEAD_SENTENCES) == (3.0, 2.0, 2)
        assert GENERIC_THEMES == {"SPORTS": "SPORTS_FOOTBALL"}

    def test_generic_sports_words_go_to_the_sport_named(self):
        art = parse_article("العربي بطل الكرة الطائرة\n\nفاز الفريق في المباراة النهائية وتوج اللاعبون بالبطولة.\n",
                            ner=False)
        assert rank_themes(art.themes, art.sentences)["theme"].iloc[0] == "SPORTS_VOLLEYBALL"
        art = parse_article("الفريق يستعد للموسم\n\nخاض الفريق مباراة ودية وأشاد المدرب باللاعبين.\n", ner=False)
        assert rank_themes(art.themes, art.sentences)["theme"].tolist() == ["SPORTS_FOOTBALL"]  # the default sport

    @pytest.mark.parametrize(("text", "expected"), [
        # a sport without a code of its own: the generic words stay under SPORTS (not the football default)
        ("بطولة آسيا للمبارزة\n\nتوج اللاعب بالمركز الأول في منافسات المبارزة وأشاد المدرب بالمنتخب.\n", "SPORTS"),
        ("دورة لمدربي الريشة الطائرة\n\nاختتمت الدورة التمهيدية لمدربي الريشة الطائرة بمشاركة عشرين مدربا.\n",
         "SPORTS"),
        ("المنتخب يفوز في كرة السلة\n\nفاز المنتخب على لبنان في مباراة كرة السلة وأشاد المدرب باللاعبين.\n", "SPORTS"),
        # the Olympic Games name no sport: a sport the article names takes the generic weight
        ("منتخب كرة اليد يسافر إلى الألعاب الأولمبية\n\nسافر لاعبو منتخب كرة اليد إلى لندن للمشاركة في الأولمبياد "
         "وقال المدرب إن الفريق جاهز للمباراة الأولى.\n", "SPORTS_HANDBALL"),
        # ... and, where none is named, the generic weight goes to the Games (reported as SPORTS), not to football
        ("شعلة الأولمبياد تصل لندن\n\nوصلت الشعلة الأولمبية إلى لندن قبل افتتاح الألعاب الأولمبية بمشاركة "
         "آلاف اللاعبين في المنافسات.\n", "SPORTS"),
        # sports administration still competes by weight with the sport named, as before
        ("الجمعية العمومية لاتحاد الكرة\n\nانتخبت الجمعية العمومية مجلس إدارة الاتحاد الرياضي ووافقت على "
         "اللوائح الجديدة.\nوحضر الاجتماع وزير الرياضة.\n", "SPORTS_ADMINISTRATION"),
    ])
    def test_sports_without_a_code(self, text, expected):
        from analysis.extract.themes import NOT_A_SPORT, UNCODED_SPORTS
        assert NOT_A_SPORT == {"SPORTS_OLYMPICS"}
        assert UNCODED_SPORTS == {"SPORTS_OTHER": "SPORTS", "SPORTS_OLYMPICS": "SPORTS"}
        art = parse_article(text, ner=False)
        assert rank_themes(art.themes, art.sentences)["theme"].iloc[0] == expected
        assert top_theme(art) == expected

    def test_a_verb_sharing_a_sport_stem_is_no_sport(self):
        # التنس (tennis) is a word-form trigger: its stem تنس is also that of تنسوا (do not forget)
        assert "SPORTS_OTHER" not in themes_of("ولا تنسوا الفضل بينكم وتذكروا نعمة الصحة.")
        assert "SPORTS_OTHER" in themes_of("تأهل اللاعب إلى نهائي بطولة التنس.")

    def test_no_themes(self):
        art = parse_article("عنوان\n\nوصل الوزير إلى المدينة صباحا.", ner=False)
        ranked = rank_themes(art.themes, art.sentences)
        assert ranked.empty and list(ranked.columns) == ["theme", "label_en", "label_ar", "weight", "n_sentences", "rank"]
        assert top_theme(art) is None


class TestWordFormTriggers:
    """``match=form`` rows match the word itself (clitics and article off), not every word sharing its stem."""

    @pytest.mark.parametrize(("word", "forms"), [
        ("وبالمحسوبية", {"وبالمحسوبيه", "بالمحسوبيه", "المحسوبيه", "محسوبيه"}),
        ("للقيم", {"للقيم", "قيم"}),  # لل is ل + ال, never ل + لقيم
        ("الطائف", {"الطائف", "طائف"}),
    ])
    def test_bare_forms(self, word, forms):
        from analysis.extract.themes import bare_forms
        assert bare_forms(word) == forms

    def test_form_rows_are_keyed_by_form(self):
        from analysis.extract.themes import FORM_MARK
        hajj = [t for t in triggers() if t.term_ar == "الحج"]
        assert hajj and hajj[0].stems == (FORM_MARK + "حج",)

    @pytest.mark.parametrize(("body", "theme", "expected"), [
        # the word itself, with its clitics: still a trigger
        ("واستقبل الوزير وفدا من الدعاة في مقر الوزارة.", "RELIGION_OUTREACH", True),
        ("وتشمل الخطة تسهيل إجراءات الحج هذا العام للجميع.", "RELIGION_HAJJ", True),
        ("وأعلن المدرب التشكيلة الأساسية للمباراة أمام الفريق الضيف.", "SPORTS", True),
        # a word that only shares the stem: no longer a trigger
        ("دعا الوزير إلى الحوار بين الأطراف في الاجتماع.", "RELIGION_OUTREACH", False),
        ("وأقام الطلاب حفلا في محافظة الطائف مساء أمس.", "RELIGIOUS_COEXISTENCE", False),
        ("وكلف الرئيس رئيس الوزراء تشكيل الحكومة الجديدة خلال أسبوعين.", "SPORTS", False),
        ("واستقبل فخامة الرئيس الوفد في القصر الجمهوري.", "ENV_OIL", False),
        # trade itself, not the adjective "commercial" (الغرفة التجارية، السجل التجاري) that shares its stem
        ("وارتفع حجم التجارة بين البلدين هذا العام كثيرا.", "ECON_TRADE", True),
        ("وقال رئيس الغرفة التجارية إن المحلات التجارية تفتح مساء.", "ECON_TRADE", False),
        # polysemous words weigh 0.5: the circulation of goods is not stock trading, an academic not education
        ("ومنع الأمير بيع وتداول الألعاب النارية في المنطقة.", "ECON_STOCKMARKET", False),
        ("وصادقت المحكمة على سجن أكاديمي معروف أربع سنوات.", "EDUCATION", False),
        # law enforcement and retail vocabulary (RULE_OF_LAW, ECON_CONSUMER); المخالفين is the word, not المخالفات
        ("وأكد على تطبيق الأنظمة والتعليمات بحق المخالفين في الأسواق.", "RULE_OF_LAW", True),
        ("وحذر من المخالفات التي ترتكب في حق الدين والأخلاق والمجتمع.", "RULE_OF_LAW", False),
        ("ومن المتوقع أن تطرح الطابعة في أسواق التجزئة في سبتمبر.", "ECON_CONSUMER", True),
        # الطالبات (female students) is the word, not طالب (he demanded) or طالبان (the Taliban) sharing its stem
        ("وطالب المتظاهرون بإصلاح الجامعة فورا.", "EDUCATION", False),
        ("واحتفلت الطالبات في الجامعة أمس.", "EDUCATION", True),
    ])
    def test_sentences(self, body, theme, expected):
        assert (theme in themes_of(body)) is expected


class TestSession10Triggers:
    """Glossed trigger rows added after reading the tuning parts' main-theme errors."""

    @pytest.mark.parametrize("body, theme", [
        ("الشرطة تطلق الغاز على محتجين وتعتقل سياسيا.", "ARREST"),
        ("رئيس الجمهورية يستقبل مبعوث الرئيس الاندونيسي.", "DIPLOMACY"),
        ("الوزارة جاهزة لتوقيع اتفاقية الاستقدام مع نيبال.", "DIPLOMACY"),
        ("تناولت الصحيفة تسريب موقع ويكيليكس لرسالة.", "MEDIA_INTERNET"),
        ("إغلاق 250 محلاً مخالفاً وسط المدينة.", "RULE_OF_LAW"),
        ("عداءة كينية تزحف للوصول لخط النهاية.", "SPORTS_OTHER"),
        ("لا يمكنها أن تواصل سياسة الإنفاق العمومي.", "ECON_GENERAL"),
    ])
    def test_sentences(self, body, theme):
        assert theme in themes_of(body)
