"""Entity layer: spellings, clitics, short forms, titles, nisba adjectives, org heads, ids."""
from __future__ import annotations

import pytest

from analysis import parse_article
from analysis.extract import entities as entities_module
from analysis.extract.entities import proclitic_forms
from analysis.lexicon.gazetteer import gazetteer, variant_index


def _mentions(text: str, *, ner: bool = False):
    return parse_article("عنوان\n\n" + text, ner=ner)


class TestGazetteerData:
    def test_every_row_has_english_name_and_known_type(self):
        for e in gazetteer():
            assert e.name_en and e.type in ("PERSON", "ORG", "GPE", "LOC", "FAC", "MISC"), e.key

    def test_no_spelling_names_two_entries(self):
        owners: dict[tuple, set] = {}
        for _first, variants in variant_index().items():
            for v in variants:
                if not v.short:
                    owners.setdefault(v.tokens, set()).add(v.entry.key)
        clashes = {k: v for k, v in owners.items() if len(v) > 1}
        assert not clashes

    def test_coordinates_in_range(self):
        for e in gazetteer():
            if e.lat is not None:
                assert -90 <= e.lat <= 90 and -180 <= e.lon <= 180, e.key


class TestSpellingAndClitics:
    @pytest.mark.parametrize("text, expected", [
        ("زار الوفد ايطاليا ثم إيطاليا.", ["ايطاليا", "إيطاليا"]),
        ("وصل الوفد لإيطاليا أمس.", ["إيطاليا"]),
        ("وصل الوفد وبغداد هادئة.", ["بغداد"]),
        ("ذهب الوفد بالعراق.", ["العراق"]),
        ("دعم للتحالف الدولي.", ["للتحالف الدولي"]),
    ])
    def test_span_excludes_proclitics(self, text, expected):
        art = _mentions(text)
        assert art.mentions["text"].tolist() == expected
        for r in art.mentions.itertuples():
            assert art.text[r.start:r.end] == r.text

    def test_one_entity_whatever_the_spelling(self):
        art = _mentions("زار الوفد ايطاليا ثم لإيطاليا.")
        assert art.entities["name_en"].tolist() == ["Italy"]
        assert art.entities["n_mentions"].tolist() == [2]

    def test_proclitic_forms(self):
        assert (1, "ايطاليا") in proclitic_forms("لإيطاليا")
        assert (0, "التحالف") in proclitic_forms("للتحالف")


class TestShortForms:
    def test_surname_joins_full_name(self):
        art = _mentions("قال مصطفى الكاظمي إن الوضع مستقر. وأضاف الكاظمي أن الحكومة مستمرة.")
        assert art.entities["name_en"].tolist() == ["Mustafa al-Kadhimi"]
        assert art.entities["n_mentions"].tolist() == [2]

    def test_bare_coalition_needs_the_full_name(self):
        art = _mentions("انضمت فرنسا إلى التحالف.")
        assert art.entities["name_en"].tolist() == ["France"]
        art = _mentions("انضمت فرنسا إلى التحالف الدولي. ودعم التحالف العراق.")
        assert "Global Coalition against Daesh" in art.entities["name_en"].tolist()
        coal = art.entities.loc[art.entities["name_en"] == "Global Coalition against Daesh"].iloc[0]
        assert coal["n_mentions"] == 2


class TestNisba:
    @pytest.mark.parametrize("text", ["قال المسؤول العراقي إن الوضع هادئ.", "وصلت القوات الإيطالية أمس."])
    def test_nisba_adjectives_are_not_mentions(self, text):
        assert _mentions(text).mentions.empty


class TestTitlePatterns:
    @pytest.mark.parametrize("text, name", [
        ("التقى وزير الدفاع البرتغالي جواو كرافينيو نظيره.", "جواو كرافينيو"),
        ("وصل رئيس الوزراء الماليزي مهاتير محمد أمس.", "مهاتير محمد"),
    ])
    def test_title_then_unknown_name_is_a_person(self, text, name):
        art = _mentions(text)
        row = art.mentions.loc[art.mentions["type"] == "PERSON"]
        assert row["text"].tolist() == [name]
        assert (art.entities["name_en_source"] != "gazetteer").all()  # not a gazetteer name: spelt, never empty
        assert art.entities["name_en"].str.len().gt(0).all()

    @pytest.mark.parametrize("text, name, n", [
        # a name of verb shape (ت + three letters) that the article shows after a reporting verb and before أن
        ("وقال مدير الوكالة توست تول خلال مؤتمر صحافي إن التمويل تراجع. وأضاف تول أن المشاريع مستمرة.",
         "توست تول", 2),
    ])
    def test_name_shown_as_a_subject_is_no_verb(self, text, name, n):
        art = _mentions(text)
        persons = art.entities.loc[art.entities["type"] == "PERSON"]
        assert persons["name_ar"].tolist() == [name] and persons["n_mentions"].tolist() == [n]

    def test_middle_name_before_a_later_surname_is_the_known_person(self):
        art = _mentions("أكد وزير المالية علي محمود عبد الرسول أهمية المشروع. واوضح محمود أن الإنتاج زاد. "
                        "ورافقه وزير الداخلية المهندس إبراهيم محمود.")
        m = art.mentions.loc[art.mentions["text"] == "محمود"]
        names = dict(zip(art.entities["entity_id"], art.entities["name_ar"]))
        assert [names[e] for e in m["entity_id"]] == ["علي محمود عبد الرسول"]

    def test_title_without_name_finds_nothing(self):
        art = _mentions("وبحث الوزير مع وزير الدفاع الايطالي تعزيز التعاون.")
        assert art.mentions.empty

    def test_surname_of_pattern_person_is_an_alias(self):
        art = _mentions("قال وزير المالية البرتغالي جواو ليياو إن النمو قوي. وأضاف ليياو أن العجز تراجع.")
        persons = art.entities.loc[art.entities["type"] == "PERSON"]
        assert len(persons) == 1 and persons["n_mentions"].iloc[0] == 2

    def test_title_kept_for_quote_layer(self):
        art = _mentions("اعتبر رئيس الوزراء العراقي مصطفى الكاظمي أن الوضع مستقر.")
        assert art.mentions["title"].iloc[0] == "رئيس الوزراء العراقي"


class TestOrgHeads:
    @pytest.mark.parametrize("text, expected", [
        ("ونقل بيان لوزارة الطاقة عن الوزير.", ["وزارة الطاقة"]),
        ("أعلنت شركة سابك أرباحها.", ["شركة سابك"]),  # H21: the company head is inside (شركة جنرال موتورز)
        ("ارتفعت أسهم بنك أبوظبي الوطني.", ["بنك أبوظبي الوطني"]),
    ])
    def test_org_head_names(self, text, expected):
        art = _mentions(text)
        assert art.mentions["text"].tolist() == expected

    @pytest.mark.parametrize("text", ["انتشرت قوات الأمن في المدينة.", "تعمل شركة إيطالية في الموقع."])
    def test_generic_phrases_are_not_orgs(self, text):
        assert _mentions(text).mentions.empty


class TestSeed:
    def test_counts(self, seed_article):
        counts = dict(zip(seed_article.entities["name_en"], seed_article.entities["n_mentions"]))
        assert counts == {
            "Mustafa al-Kadhimi": 5, "Baghdad": 2, "Lorenzo Guerini": 2, "Italy": 11, "Iraq": 6,
            "Global Coalition against Daesh": 5, "Islamic State (ISIS/Daesh)": 4, "NATO": 1,
            "Counter-ISIS Finance Group": 2, "United States": 1, "Saudi Arabia": 1, "Peshmerga": 1, "Kirkuk": 1,
            "Iraqi Counter-Terrorism Service": 1, "Mosul Dam": 1, "United Nations Development Programme": 1,
        }

    def test_ids_by_first_mention(self, seed_article):
        ents = seed_article.entities
        assert ents["entity_id"].tolist() == list(range(1, len(ents) + 1))
        assert ents["first_start"].is_monotonic_increasing
        assert ents.loc[ents["entity_id"] == 1, "name_en"].item() == "Mustafa al-Kadhimi"

    def test_offsets(self, seed_article):
        for r in seed_article.mentions.itertuples():
            assert seed_article.text[r.start:r.end] == r.text

    def test_places_have_coordinates(self, seed_article):
        e = seed_article.entities.set_index("name_en")
        assert e.loc["Baghdad", "lat"] == pytest.approx(33.31)
        assert e.loc["Kirkuk", "lon"] == pytest.approx(44.39)


class TestNERFusion:
    def test_ner_adds_unknown_names_without_touching_gazetteer(self):
        if not entities_module.ner_available():
            pytest.skip("NER model not shipped in analysis/models (issue 5)")
        text = "وذكرت المصادر أن بين الذين قبض عليهم الحوثيون عبد الرزاق الأشول."  # no title: the model's
        without = _mentions(text, ner=False)
        with_ner = _mentions(text, ner=True)
        def gaz(a):
            return a.mentions.loc[a.mentions["source"] == "gazetteer", ["start", "end"]].values.tolist()

        assert gaz(without) == gaz(with_ner)
        assert len(with_ner.mentions) > len(without.mentions)
        assert with_ner.mentions.loc[with_ner.mentions["source"] == "ner", ["text", "type"]].values.tolist() == [
            ["عبد الرزاق الأشول", "PERSON"]]


def _ner_or_skip() -> None:
    if not entities_module.ner_available():
        pytest.skip("NER model not shipped in analysis/models (issue 5)")


def _names(text: str) -> list[tuple[str, str]]:
    m = _mentions(text, ner=True).mentions
    return [(t, ty) for t, ty in zip(m["text"], m["type"])]


class TestModelSetsPatternPersonExtent:
    """A title-pattern person takes the model's person span; the model's other type wins over a bare pattern."""

    @pytest.mark.parametrize("text, expected", [
        # a circumstantial participle (حال) after the name ends it
        ("وجاءت تصريحات الرئيس طالباني متضامنا مع الحملة الشعبية .", [("طالباني", "PERSON")]),
        ("وتحدث الوزير خالد الفالح مؤكدا أهمية الاستثمار .", [("خالد الفالح", "PERSON")]),
        ("وأعلن وزير الخارجية السابق سلفان شالوم النقاب عن الخطة .", [("سلفان شالوم", "PERSON")]),
        ("وقال الجنرال الفرنسي آلان بيللغريني إن القوات مستعدة .", [("آلان بيللغريني", "PERSON")]),
        # the gazetteer knows both spellings (تايلاند, تايلند): the title's country, not a person
        ("واجتمع نائب رئيس وزراء تايلند ، وزير المالية ، مع الوفد .", [("تايلند", "GPE")]),
    ])
    def test_extent(self, text, expected):
        _ner_or_skip()
        assert _names(text) == expected


class TestModelNamesKept:
    """Model names the fusion used to drop or cut: nisba-form names, connectors, places inside a club's name."""

    @pytest.mark.parametrize("text, expected", [
        ("وقال البدري مدير الكرة إن اللاعبين جاهزون .", [("البدري", "PERSON")]),
        ("وقالت الصحيفة إن الأهلي سيلعب غدا .", [("الأهلي", "ORG")]),
        ("وسجل فان نيستلروي الهدف الأول في المباراة .", [("فان نيستلروي", "PERSON")]),
        ("وفاز ريال مدريد على فريق برشلونة بثلاثة أهداف .", [("ريال مدريد", "ORG"), ("برشلونة", "ORG")]),
        ("وقتل ثلاثة جنود في شمال وزيرستان أمس .", [("وزيرستان", "GPE")]),
    ])
    def test_names(self, text, expected):
        _ner_or_skip()
        assert _names(text) == expected

    def test_nisba_adjective_still_dropped(self):
        _ner_or_skip()
        assert ("العراقي", "PERSON") not in _names("وقال المسؤول العراقي إن الوضع مستقر .")


class TestSurnameWithConnector:
    def test_abu_surname_is_one_alias(self):
        _ner_or_skip()
        text = ("وقال وزير الخارجية المصري أحمد أبو الغيط إن الوضع خطير . "
                "وأضاف أبو الغيط أن المفاوضات مستمرة .")
        m = _mentions(text, ner=True).mentions
        assert m[["text", "source"]].values.tolist() == [["أحمد أبو الغيط", "pattern"], ["أبو الغيط", "alias"]]
        assert m["entity_id"].nunique() == 1

    def test_first_name_before_surname_alias_joins_the_person(self):
        _ner_or_skip()
        text = ("وهنأ الرئيس الأمريكي جورج بوش الأمين العام لكوفي أنان . "
                "وقال كوفي أنان إن الأمم المتحدة مستعدة .")
        m = _mentions(text, ner=True).mentions
        annan = m[m["text"].str.endswith("أنان")]
        # the span leaves the fused ل out (conventions: a name without its proclitics)
        assert annan["text"].tolist() == ["كوفي أنان", "كوفي أنان"]
        assert annan["entity_id"].nunique() == 1


class TestStateWordOutside:
    """Convention: ``دولة`` before a country's name is outside the span, like محافظة/مدينة."""

    @pytest.mark.parametrize("text, expected", [
        ("قدمت دولة فلسطين طلبا رسميا.", ["فلسطين"]),
        ("زار الوفد دولة الكويت أمس.", ["الكويت"]),
        ("هدد المستوطنون دولة إسرائيل.", ["إسرائيل"]),
    ])
    def test_state_word_is_outside(self, text, expected):
        assert _mentions(text).mentions["text"].tolist() == expected

    def test_no_gazetteer_spelling_starts_with_state(self):
        assert not [k for k in variant_index() if k == "دوله"]


class TestNamesAfterTitles:
    @pytest.mark.parametrize("text, name", [
        ("قال رئيس الوزراء رامي الحمد الله إن الحكومة مستمرة.", "رامي الحمد الله"),
        ("أكد الرئيس التنفيذي خالد البنيان أن الأرباح ارتفعت.", "خالد البنيان"),
        ('أكد نائب رئيس مجلس إدارة "أرامكو" الرئيس التنفيذي فهد الناصر أن الشركة قوية.', "فهد الناصر"),
        ("التقى الوزير السابق عبد الرزاق الأشول الوفد.", "عبد الرزاق الأشول"),
        ("وقدم وزير خارجيتها سامي العبيدي مذكرة.", "سامي العبيدي"),
        # a coordinated complement in the title; عبد + a definite word that is also a common word
        ("أكد وزير المالية والإقتصاد الوطني علي محمود عبد الرسول أهمية المشروع.", "علي محمود عبد الرسول"),
    ])
    def test_whole_name_after_title_chain(self, text, name):
        art = _mentions(text)
        assert art.mentions.loc[art.mentions["type"] == "PERSON", "text"].tolist() == [name]

    @pytest.mark.parametrize("text, name", [
        ("مهاب سالم، رئيس هيئة الموانئ، قال إن العمل مستمر.", "مهاب سالم"),
        ("وقال جيمس كارتر، رئيس معهد بروكنغز، إن النمو ضعيف.", "جيمس كارتر"),
    ])
    def test_name_before_comma_and_title(self, text, name):
        art = _mentions(text)
        assert art.mentions.loc[art.mentions["type"] == "PERSON", "text"].tolist() == [name]

    def test_noun_governing_a_name_is_no_person(self):
        art = _mentions("قال زعيم تنظيم داعش أبو بكر البغدادي إن المعركة مستمرة.")
        assert art.mentions[["text", "type"]].values.tolist() == [["داعش", "ORG"], ["أبو بكر البغدادي", "PERSON"]]


class TestSurnameOfAnotherPerson:
    def test_other_first_name_is_not_the_gazetteer_person(self):
        art = _mentions("وقدم وزير خارجيتها رياض المالكي مذكرة. وقال المالكي إن المذكرة قوية.")
        persons = art.entities.loc[art.entities["type"] == "PERSON"]
        assert persons["name_ar"].tolist() == ["رياض المالكي"]
        assert persons["name_en_source"].tolist() != ["gazetteer"]  # spelt, not the gazetteer's Nouri al-Maliki
        assert persons["n_mentions"].tolist() == [2]

    @pytest.mark.parametrize("text, name_en", [
        ("قال نوري المالكي إن الوضع مستقر.", "Nouri al-Maliki"),
        ("ويعتزم كيري زيارة الدوحة.", "John Kerry"),
    ])
    def test_gazetteer_person_kept(self, text, name_en):
        assert name_en in _mentions(text).entities["name_en"].tolist()


class TestOrgAndFacilityPatterns:
    @pytest.mark.parametrize("text, expected", [
        ("انضمت فلسطين إلى منظمة الانتربول.", [["فلسطين", "GPE"], ["منظمة الانتربول", "ORG"]]),
        ("وقال رئيس معهد بروكنغز إن النمو ضعيف.", [["معهد بروكنغز", "ORG"]]),
        ("قال الأمين العام لغرفة التجارة الدولية إن التجارة تتراجع.", [["غرفة التجارة الدولية", "ORG"]]),
        ("حذرت مجموعة العمل الدولية من الأزمة.", [["مجموعة العمل الدولية", "ORG"]]),
        ("أسس كاهانا حركة كاخ العنصرية المناهضة للعرب.", [["حركة كاخ", "ORG"]]),
        ("تمركزت القوات في قاعدة العند الجوية الاستراتيجية الأكبر.", [["قاعدة العند الجوية", "FAC"]]),
        ("قال محلل في شركة ويدبوش للأدوات المالية إن الأسهم تراجعت.", [["شركة ويدبوش للأدوات المالية", "ORG"]]),
    ])
    def test_names(self, text, expected):
        assert _mentions(text).mentions[["text", "type"]].values.tolist() == expected

    @pytest.mark.parametrize("text", [
        "ازدادت حركة المرور في الشوارع.",
        "تراجعت حركة الشحن والحاويات.",
        "وهو جهاز الأمن الداخلي الإسرائيلي.",
        "تزعم مجموعة مسؤولة عن الحريق.",
        "تحفظ قاعدة البيانات السجلات.",
    ])
    def test_descriptions_are_not_names(self, text):
        assert _mentions(text).mentions.loc[lambda m: m["type"].isin(["ORG", "FAC"])].empty


class TestShortForms2:
    def test_bare_head_after_full_name(self):
        art = _mentions("قدم الوزير مذكرة إلى المحكمة الجنائية الدولية في لاهاي. ونظرت المحكمة في المذكرة.")
        m = art.mentions
        assert m[["text", "type"]].values.tolist() == [
            ["المحكمة الجنائية الدولية", "ORG"], ["لاهاي", "GPE"], ["المحكمة", "ORG"]]
        assert m["entity_id"].iloc[0] == m["entity_id"].iloc[2]

    def test_bare_head_before_full_name_is_nothing(self):
        art = _mentions("عبرت السفن القناة. ثم وسعت مصر قناة السويس.")
        assert art.mentions["text"].tolist() == ["مصر", "قناة السويس"]

    @pytest.mark.parametrize("text", ["أعلنت شركة سابك أرباحها. وقالت الشركة إن النتائج جيدة."])
    def test_generic_class_nouns_are_not_short_forms(self, text):
        assert "الشركة" not in _mentions(text).mentions["text"].tolist()

    def test_quoted_short_name_after_full_name(self):
        art = _mentions('أصدرت شركة المركز المالي الكويتي "المركز" تقريرها. ويهدف "المركز" إلى التحليل.')
        m = art.mentions
        assert m["text"].tolist() == ["شركة المركز المالي الكويتي", "المركز", "المركز"]
        assert m["entity_id"].nunique() == 1


class TestPlaceNisba:
    @pytest.mark.parametrize("word, expected", [
        ("فلسطينيا", True), ("الفلسطيني", True), ("الأمريكية", True), ("والعراقيين", True), ("الإيطالي", True),
        ("الكاظمي", False), ("البنيان", False), ("فلسطين", False),
    ])
    def test_place_nisba(self, word, expected):
        from analysis.extract.entities import _place_nisba
        from analysis.text.normalize import normalize
        assert _place_nisba(normalize(word)) is expected


class TestNeverNamesBehindClitics:
    """Communities and currencies are never mentions, also behind proclitics (للأكراد = ل + الأكراد)."""

    @pytest.mark.parametrize("text", [
        "عنوان الخبر\n\nوقال الوزير إن الحكومة تقدم الدعم للأكراد في الشمال.",
        "عنوان الخبر\n\nوتحدث الوزير عن الأكراد والشيعة في المنطقة.",
        "عنوان الخبر\n\nوارتفع سعر النفط بالدولار في الأسواق.",
    ])
    def test_no_mention(self, text):
        art = parse_article(text)
        assert not art.mentions["text"].str.contains("كراد|دولار|شيعة").any(), art.mentions[["text", "type"]]


class TestSession12Heads:
    """Facility and event heads from titles.csv, a club's country adjective outside its name, and a person's
    fused proclitic left out of the span (conventions: a name without its proclitics)."""

    @pytest.mark.parametrize("text, expected", [
        ("زار السياح برج لندن أمس.", ("برج لندن", "FAC")),
        ("وأقيم الحفل في قصر الإليزيه مساء أمس.", ("قصر الإليزيه", "FAC")),
        ("وافتتح الوزير ملتقى الشارقة للشعر العربي.", ("ملتقى الشارقة للشعر العربي", "MISC")),
    ])
    def test_facility_and_event_heads(self, text, expected):
        _ner_or_skip()
        assert expected in _names(text)

    def test_common_noun_after_a_weak_head_is_no_facility(self):
        _ner_or_skip()
        assert not [n for n in _names("ويعاني الطفل من قصر النظر منذ سنوات.") if n[0].startswith("قصر")]

    def test_club_nisba_outside(self):
        _ner_or_skip()
        names = _names("وفاز نادي الهلال السعودي على منافسه أمس.")
        assert ("نادي الهلال", "ORG") in names
        assert not [n for n in names if n[0].endswith("السعودي")]

    @pytest.mark.parametrize("text, expected", [
        ("وحضر الاجتماع الوزير علي حسن، وجابر الجناحي، نائب الرئيس.", "جابر الجناحي"),
        ("وقال المدرب وليد الركراكي إن الفريق جاهز.", "وليد الركراكي"),
    ])
    def test_person_without_its_proclitic(self, text, expected):
        _ner_or_skip()
        assert (expected, "PERSON") in _names(text)


def test_family_name_the_model_leaves_out_stands_when_the_article_repeats_it():
    _ner_or_skip()
    text = ("أعلن المدير العام للوكالة الوطنية لتأمين وتمويل الصادرات مصطفى يوسف حولي عن أول تعويض كامل. "
            "وكشف حولي أمس عن تسديد مبلغ كبير.")
    m = _mentions(text, ner=True).mentions
    people = m[m["type"] == "PERSON"]
    assert people["text"].tolist() == ["مصطفى يوسف حولي", "حولي"]
    assert people["entity_id"].nunique() == 1


class TestSession14Heads:
    """Committees, federations, directorates, associations and leagues named by a definite noun; ل + a definite
    head that itself starts with ل (للجنة = ل + اللجنة) read as definite before its adjective."""

    @pytest.mark.parametrize("text, expected", [
        ("وأصدرت لجنة الفتوى بيانا أمس.", ("لجنة الفتوى", "ORG")),
        ("وأعلن اتحاد الصيادين في المدينة الإضراب عن العمل.", ("اتحاد الصيادين", "ORG")),
        ("وراجع المواطن مديرية الجوازات صباح أمس.", ("مديرية الجوازات", "ORG")),
        ("ونظمت رابطة الصحفيين الرياضيين ندوة.", ("رابطة الصحفيين الرياضيين", "ORG")),
    ])
    def test_named_by_a_definite_noun(self, text, expected):
        _ner_or_skip()
        assert expected in _names(text)

    def test_lam_fused_definite_head_keeps_its_adjective(self):
        _ner_or_skip()
        names = _names("وقدم الرئيس الشكر للجنة العليا للانتخابات على جهودها.")
        assert ("للجنة العليا للانتخابات", "ORG") in names
        assert not [n for n in names if n[0].startswith("لجنة")]


class TestAbbreviatedTitle:
    """``د.`` (Dr.) is a title only with its point glued; ``م د`` (million dinars) is a unit."""

    def test_doctor_abbreviation_names_the_person(self):
        names = _mentions("يشير د. ميلاد حنا إلى أن مصر شعب واحد.").mentions
        assert ("ميلاد حنا", "PERSON") in list(zip(names["text"], names["type"]))

    def test_dinar_abbreviation_is_no_title(self):
        names = _mentions("بلغت 19483.6 م د مقابل 15965.3 م د سنة 2011 وذلك بالعلاقة.").mentions
        assert not [t for t, ty in zip(names["text"], names["type"]) if ty == "PERSON"]


@pytest.mark.parametrize("text, expected", [
    ("كتب صادق الشايع:\n\nيبدأ الاتحاد الدولي تطبيق التعديلات.", ["صادق الشايع"]),
    ("كتب ـ خميس السلطي:\n\nافتتح المعرض أمس.", ["خميس السلطي"]),
    ("بقلم: سيف الدين الأتاسي\n\nافتتح المعرض أمس.", ["سيف الدين الأتاسي"]),
    ("كتب - حسن عبدالنبي:أكد رئيس الهيئة أن السوق كبير.", ["حسن عبدالنبي"]),
    ("كتب/ المحرر الثقافي:\n\nافتتح المعرض أمس.", []),  # a title, no name
    ("كتب قصائد رائعة", []),  # common words
])
def test_writer_line_names_the_writer(text, expected):
    m = _mentions(text).mentions
    assert list(m.loc[m["rule"] == "pattern:writer_line", "text"]) == expected


@pytest.mark.parametrize("text, persons", [
    ("أفاد الوزير بأن الطبيبين التونسيين متورطان.", []),  # a complementiser starts no name after a title
    ("وقال الأمين العام بان كي مون إن الوضع خطير.", ["بان كي مون"]),  # بان without its hamza is a name
])
def test_complementiser_starts_no_name(text, persons):
    m = _mentions(text, ner=True).mentions
    assert list(m.loc[m["type"] == "PERSON", "text"]) == persons
