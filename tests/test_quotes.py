"""Quote layer: cues, direct/indirect content, speaker resolution, outlet narration."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import parse_article


def _quotes(body: str):
    art = parse_article("عنوان\n\n" + body, ner=False)
    for r in art.quotes.itertuples():
        assert art.text[r.start:r.end] == r.content
    return art.quotes


class TestModes:
    @pytest.mark.parametrize("body, mode, content", [
        ('قال باراك أوباما "إن الاتفاق جيد للجميع في المنطقة".', "direct", "إن الاتفاق جيد للجميع في المنطقة"),
        ("قال باراك أوباما «إن الاتفاق جيد للجميع في المنطقة».", "direct", "إن الاتفاق جيد للجميع في المنطقة"),
        ("قال باراك أوباما إن الاتفاق جيد للجميع.", "indirect", "الاتفاق جيد للجميع"),
        ("أكد باراك أوباما أن الاتفاق جيد للجميع.", "indirect", "الاتفاق جيد للجميع"),
        # speech after a colon without quotation marks is direct (CONVENTIONS_blind.md §3); after ": إن" indirect
        ("قال باراك أوباما: الاتفاق جيد للجميع.", "direct", "الاتفاق جيد للجميع"),
        ("قال باراك أوباما: إن الاتفاق جيد للجميع.", "indirect", "الاتفاق جيد للجميع"),
        ("وقالت إنها غادرت المدينة.", "indirect", "إنها غادرت المدينة"),
        ("أعرب باراك أوباما عن الأمل في نجاح الاتفاق.", "indirect", "الأمل في نجاح الاتفاق"),
    ])
    def test_mode_and_content(self, body, mode, content):
        q = _quotes(body)
        assert q[["mode", "content"]].values.tolist() == [[mode, content]]

    def test_short_quoted_name_is_not_a_quote(self):
        q = _quotes('أشار تقرير "المركز" إلى أن الأسواق تراجعت.')
        assert q[["mode", "content"]].values.tolist() == [["indirect", "الأسواق تراجعت"]]

    def test_participle_ends_indirect_content_and_starts_a_quote(self):
        q = _quotes("قال باراك أوباما إن الاتفاق جيد، مؤكدا أن المفاوضات مستمرة.")
        assert q["content"].tolist() == ["الاتفاق جيد", "المفاوضات مستمرة"]
        assert q["speaker_name_en"].tolist() == ["Barack Obama", "Barack Obama"]
        assert q["speaker_how"].tolist() == ["named", "inherited"]


class TestSpeakers:
    def test_implicit_subject_is_previous_speaker(self):
        q = _quotes("قال جون كيري إن الاتفاق جيد. وشدد على أن إيران ملتزمة.")
        assert q["speaker_name_en"].tolist() == ["John Kerry", "John Kerry"]
        assert q["speaker_how"].tolist() == ["named", "implicit"]

    def test_title_stands_for_named_person(self):
        q = _quotes("قال وزير الخارجية الأمريكي جون كيري إن الاتفاق جيد.\nوأكد الوزير الأمريكي أن إيران ملتزمة.")
        assert q["speaker_name_en"].tolist() == ["John Kerry", "John Kerry"]
        assert q["speaker_how"].tolist() == ["named", "title"]

    def test_nominal_speaker_without_entity(self):
        q = _quotes("وقال التقرير إن الأسواق تراجعت.")
        assert q["speaker_entity_id"].isna().all()
        assert q[["speaker_text", "speaker_how"]].values.tolist() == [["التقرير", "nominal"]]

    def test_nominal_phrase_naming_an_entity(self):
        q = _quotes("ذكر تحليل لصحيفة فاينانشيال تايمز أن الدولار ارتفع.")
        assert q["speaker_name_en"].tolist() == ["Financial Times"]


class TestNotQuotes:
    @pytest.mark.parametrize("body", [
        "يشار الى ان ايطاليا تعتبر من اكبر المساهمين في التحالف الدولي.",
        "يذكر أن الحزب نجح في الانتخابات.",
        "وتابع الطلاب دروسهم عبر الإنترنت.",
        "وبحث الكاظمي مع الوزير تعزيز التعاون.",
    ])
    def test_no_quote(self, body):
        assert _quotes(body).empty


class TestSeed:
    def test_speakers_and_modes(self, seed_article):
        q = seed_article.quotes
        assert q["speaker_name_en"].tolist() == ["Mustafa al-Kadhimi"] * 7 + ["Lorenzo Guerini"] * 4
        assert q["mode"].tolist() == ["indirect"] * 4 + ["direct", "indirect", "indirect", "direct"] + ["indirect"] * 3
        assert q["cue"].tolist() == ["اعتبر", "اكد", "معربا", "أعرب", "اشار", "قال", "شدد", "أكد", "عبّر", "اكد",
                                     "معتبرا"]

    def test_outlet_narration_is_nobodys_quote(self, seed_article):
        background = seed_article.paragraphs.loc[seed_article.paragraphs["section_id"] == 1, "paragraph_id"]
        assert not seed_article.quotes["paragraph_id"].isin(background).any()


class TestMoreCues:
    @pytest.mark.parametrize("body, contents", [
        ("يقول جون كيري إن الاتفاق جيد للجميع.", ["الاتفاق جيد للجميع"]),
        ("ويتوقع صندوق النقد الدولي أن يبقى النمو قويا.", ["يبقى النمو قويا"]),
        ('وكتب جون كيري على صفحته "الاتفاق جيد للجميع في المنطقة".', ["الاتفاق جيد للجميع في المنطقة"]),
        ("قال جون كيري إن الاتفاق جيد، مبينا أن المفاوضات مستمرة.", ["الاتفاق جيد", "المفاوضات مستمرة"]),
        ("قال جون كيري إن الاتفاق جيد، كاشفا عن وجود مفاوضات سرية.", ["الاتفاق جيد", "وجود مفاوضات سرية"]),
    ])
    def test_cue_forms(self, body, contents):
        q = _quotes(body)
        assert q["content"].tolist() == contents
        assert q["speaker_entity_id"].notna().all()

    @pytest.mark.parametrize("body", [
        "وتشير نتائج الشركة إلى تراجع الأرباح.",
        "لكن رغم كشف النقاب عن استثمارات كبيرة، إلا أن القطاعات لم تنطلق.",
        "وهي تؤكد مواصلتها دعم القوات المحلية.",
    ])
    def test_not_quotes(self, body):
        assert _quotes(body).empty


class TestClauseEnds:
    @pytest.mark.parametrize("body, contents", [
        ("أكد جون كيري أن الاتفاق جيد، معلنا عن زيارة قريبة.", ["الاتفاق جيد"]),
        ("أكد جون كيري أن الاتفاق جيد، أما بخصوص العقوبات فلا جديد.", ["الاتفاق جيد"]),
        ("أكد جون كيري أن الاتفاق جيد، في حين قال إن العقوبات باقية.", ["الاتفاق جيد", "العقوبات باقية"]),
    ])
    def test_content_stops(self, body, contents):
        q = _quotes(body)
        assert q["content"].tolist() == contents
        assert q["speaker_name_en"].tolist() == ["John Kerry"] * len(contents)

    def test_quotation_continued_in_next_paragraph(self):
        q = _quotes('وقال جون كيري "إن الاتفاق جيد للجميع في المنطقة.\nوسيستمر العمل به طويلا".')
        assert q[["mode", "content"]].values.tolist() == [
            ["direct", "إن الاتفاق جيد للجميع في المنطقة.\nوسيستمر العمل به طويلا"]]

    def test_content_after_a_prepositional_phrase(self):
        q = _quotes("وقال بيان من مكتب الوزير: إن المذكرة تتعلق بالحادثة.")
        assert q[["mode", "content"]].values.tolist() == [["indirect", "المذكرة تتعلق بالحادثة"]]
        assert q["speaker_entity_id"].isna().all()


class TestMoreSpeakers:
    def test_subject_before_the_verb(self):
        q = _quotes('جون كيري، وزير الخارجية الأمريكي، قال في مقابلة "إن الاتفاق جيد للجميع في المنطقة".')
        assert q[["speaker_name_en", "mode"]].values.tolist() == [["John Kerry", "direct"]]

    def test_title_chain_reaches_the_name(self):
        q = _quotes('أكد نائب رئيس مجلس إدارة "أرامكو" الرئيس التنفيذي فهد الناصر أن الشركة قوية.')
        assert q[["speaker_how", "content"]].values.tolist() == [["named", "الشركة قوية"]]
        assert q["speaker_text"].iloc[0].endswith("فهد الناصر")

    def test_newer_sentence_subject(self):
        q = _quotes("قال جون كيري إن الاتفاق جيد.\nباراك أوباما، الرئيس الأمريكي، أشاد بالاتفاق.\n"
                    'وقال "هذا أمر من الصعب جدا التنبؤ به".')
        assert q["speaker_name_en"].tolist() == ["John Kerry", "Barack Obama"]

    def test_plural_verb_is_not_the_previous_person(self):
        q = _quotes("قال جون كيري إن الاتفاق جيد. وأشاروا إلى أن المفاوضات مستمرة.")
        assert q["speaker_name_en"].tolist()[0] == "John Kerry" and pd.isna(q["speaker_entity_id"].iloc[1])

    @pytest.mark.parametrize("body", [
        "أعلنت شركة سابك أرباحها. وأكدت الشركة أن النتائج قوية.",
        "وأرجعت شركة سابك نتائجها إلى الأسعار، مشيرة إلى أن الكلفة تراجعت.",
        "أعلنت شركة سابك أرباحها. وأرجعت الشركة نتائجها إلى الأسعار، مشيرة إلى أن الكلفة تراجعت.",
    ])
    def test_company_noun_stands_for_the_company(self, body):
        q = _quotes(body)
        assert q["speaker_name_en"].tolist()[-1] == "SABIC"

    def test_name_in_apposition(self):
        q = _quotes("وتقول الصحيفة البريطانية، فاينانشيال تايمز، إن النمو ضعيف.")
        assert q["speaker_name_en"].tolist() == ["Financial Times"]


class TestRules:
    @pytest.mark.parametrize("body, rules", [
        ('قال باراك أوباما "إن الاتفاق جيد للجميع في المنطقة".', [("direct:quotation_marks", "named")]),
        ('وقال جون كيري "إن الاتفاق جيد للجميع في المنطقة.\nوسيستمر العمل به طويلا".',
         [("direct:continued_paragraph", "named")]),
        ("قال باراك أوباما إن الاتفاق جيد للجميع.", [("indirect:complementiser", "named")]),
        ("قال باراك أوباما: الاتفاق جيد للجميع.", [("direct:colon", "named")]),
        ("قال باراك أوباما: إن الاتفاق جيد للجميع.", [("indirect:colon", "named")]),
        ("أعرب باراك أوباما عن الأمل في نجاح الاتفاق.", [("indirect:preposition_object", "named")]),
        ("اعتبر باراك أوباما الاتفاق خطوة مهمة.", [("indirect:object", "named")]),
        ("قال باراك أوباما إن الاتفاق جيد، مؤكدا أن المفاوضات مستمرة.",
         [("indirect:complementiser", "named"), ("indirect:complementiser", "inherited")]),
        ("قال وزير الخارجية الأمريكي جون كيري إن الاتفاق جيد.\nوأكد الوزير الأمريكي أن إيران ملتزمة.",
         [("indirect:complementiser", "title_chain"), ("indirect:complementiser", "title")]),
        ("قال جون كيري إن الاتفاق جيد. وشدد على أن إيران ملتزمة.",
         [("indirect:complementiser", "named"), ("indirect:complementiser", "implicit")]),
        ('جون كيري، وزير الخارجية الأمريكي، قال في مقابلة "إن الاتفاق جيد للجميع في المنطقة".',
         [("direct:quotation_marks", "subject_before_verb")]),
        ("وقال التقرير إن الأسواق تراجعت.", [("indirect:complementiser", "nominal")]),
    ])
    def test_rule_and_speaker_rule(self, body, rules):
        q = _quotes(body)
        assert list(zip(q["rule"], q["speaker_rule"])) == rules

    def test_speaker_rule_refines_speaker_how(self, seed_article):
        q = seed_article.quotes
        how = {"named": "named", "title_chain": "named", "subject_before_verb": "named", "title": "title",
               "implicit": "implicit", "second_verb": "implicit", "inherited": "inherited", "nominal": "nominal"}
        assert [how[r] for r in q["speaker_rule"]] == q["speaker_how"].tolist()

    def test_new_columns_last_and_never_null(self, seed_article):
        q = seed_article.quotes
        assert list(q.columns[-3:]) == ["rule", "speaker_rule", "speaker_status"]
        assert q["rule"].notna().all() and q["speaker_rule"].notna().all() and q["speaker_status"].notna().all()
        assert set(q["rule"]) <= {"direct:quotation_marks", "direct:continued_paragraph", "direct:colon",
                                  "direct:before_cue", "indirect:colon", "indirect:complementiser",
                                  "indirect:preposition_object", "indirect:object"}
        assert q.loc[q["mode"] == "direct", "rule"].str.startswith("direct:").all()
        assert q.loc[q["mode"] == "indirect", "rule"].str.startswith("indirect:").all()

    def test_empty_table_has_the_columns(self):
        q = _quotes("وتابع الطلاب دروسهم عبر الإنترنت.")
        assert q.empty and list(q.columns[-3:]) == ["rule", "speaker_rule", "speaker_status"]


@pytest.mark.parametrize("body, expected", [
    # صاح/يصيح (shouts), also post-posed after a quotation; اقترح/يقترح (proposes) + أن
    ("\"نحن السابقون وأنتم اللاحقون في هذا الطريق\"، يصيح صحفي عراقي ساخراً.",
     [("direct", "نحن السابقون وأنتم اللاحقون في هذا الطريق")]),
    ("ويصيح كاتب ليبي: ماذا كان سيفعل القذافي بالمدينة.", [("direct", "ماذا كان سيفعل القذافي بالمدينة")]),
    ("ويقترح الداعون إليها أن تنطلق المسيرة في أواخر الشهر.", [("indirect", "تنطلق المسيرة في أواخر الشهر")]),
])
def test_shout_and_propose_are_cues(body, expected):
    q = _quotes(body)
    assert list(zip(q["mode"], q["content"])) == expected


@pytest.mark.parametrize("body, expected", [
    # استطرد (went on), نبه إلى / منبها إلى (drew attention to), أفصح عن (disclosed), ادعى (claimed: weak stem)
    ("قال جون كيري إن الاتفاق جيد.\nواستطرد: إن العمل مستمر في المنطقة.",
     [("indirect", "الاتفاق جيد"), ("indirect", "العمل مستمر في المنطقة")]),
    ("ونبه جون كيري إلى أن الوضع خطير، منبها إلى ضرورة الحوار.",
     [("indirect", "الوضع خطير"), ("indirect", "ضرورة الحوار")]),
    ("وأفصح جون كيري عن خطة جديدة للسلام.", [("indirect", "خطة جديدة للسلام")]),
    ("وادعى جون كيري أن الاتفاق جيد.", [("indirect", "الاتفاق جيد")]),
])
def test_more_reporting_verbs(body, expected):
    q = _quotes(body)
    assert list(zip(q["mode"], q["content"])) == expected


@pytest.mark.parametrize("body, expected", [
    # طالب + fused ب + verbal noun is "demanded", with or without a subject; طالب alone is also "a student"
    ("وطالب المتظاهرون بإقالة رئيس الوزراء.", [("indirect", "إقالة رئيس الوزراء")]),
    ("وطالبوا بسحب الثقة عنه.", [("indirect", "سحب الثقة عنه")]),
    ("وطالبت الوزارة بالإسراع في التنفيذ.", [("indirect", "الإسراع في التنفيذ")]),
    ("وقال الطالب بالجامعة إن الامتحان صعب.", [("indirect", "الامتحان صعب")]),
    # ، علما أن ... / ، متسائلا: the writer's aside and a question end the content
    ("وقال جون كيري إن الاتفاق جيد، علما أنه لم يوقع بعد.", [("indirect", "الاتفاق جيد")]),
])
def test_demands_and_asides(body, expected):
    q = _quotes(body)
    assert list(zip(q["mode"], q["content"])) == expected


def test_quoted_sentence_after_a_work_noun_is_speech_not_a_title():
    q = _quotes("وقالت أماندا سميث المنسقة الفنية للمعرض “رواة القصص معرض جماعي يضم أعمالاً لتسعة فنانين”.")
    assert list(zip(q["mode"], q["content"])) == [("direct", "رواة القصص معرض جماعي يضم أعمالاً لتسعة فنانين")]


@pytest.mark.parametrize("body, expected", [
    # a fused ب complementiser (أفاد بأنه): the content starts after the ب, the pronoun stays
    ("وأفاد المتحدث الرسمي عاطي القرشي بأنه لم يرد بلاغ رسمي حيال الواقعة.",
     [("indirect", "أنه لم يرد بلاغ رسمي حيال الواقعة")]),
    # the Algerian press's doubled apostrophes after a colon: the quotation, marks excluded
    ("وقال مصدر أمني للوكالة الفرنسية: ''هناك نحو 30 جهاديا جزائريا وصلوا إلى غاو''.",
     [("direct", "هناك نحو 30 جهاديا جزائريا وصلوا إلى غاو")]),
])
def test_fused_complementiser_and_doubled_apostrophes(body, expected):
    q = _quotes(body)
    assert list(zip(q["mode"], q["content"])) == expected


@pytest.mark.parametrize("body, speaker_end, status", [
    # في + a place of work inside a title chain, bridged only when a title or a person follows at once
    ("وأوضح المدير التنفيذي للشؤون الأكاديمية في المدينة الدكتور عبدالناصر باطوق، أن البرنامج يأتي ضمن خطة التمريض.",
     "عبدالناصر باطوق", "resolved"),
    ("وأكد الوزير في كلمته أن الخطة جاهزة.", "الوزير", "unattributed"),
])
def test_title_chain_bridges_a_place_of_work(body, speaker_end, status):
    q = _quotes(body)
    assert q["speaker_text"].iloc[0].endswith(speaker_end)
    assert q["speaker_status"].iloc[0] == status


@pytest.mark.parametrize("body, expected", [
    # an ambiguous form (تابع) with a short subject, then the quotation
    ("وتابع المسؤول في بيانه “نحن على الدوام جاهزون لتسهيل نقل الجرحى”.",
     [("direct", "نحن على الدوام جاهزون لتسهيل نقل الجرحى")]),
    # ... but not across a clause (a relative pronoun, a verb)
    ("وتابع الجمهور المباراة التي أقيمت أمس “نحن على الدوام جاهزون لتسهيل نقل الجرحى”.", []),
    # a day phrase before طالب, then its subject and ب + verbal noun
    ("ويوم أمس الأول طالب أعضاء البرلمان باستقالة وزير المالية.", [("indirect", "استقالة وزير المالية")]),
    ("وكان أول طالب بالجامعة يحصل على الجائزة.", []),
    # the accusative tanween marks مطالبةً a circumstantial participle (the noun مطالبة stays no cue)
    ("وتظاهر الآلاف في بغداد مطالبةً بالإصلاحات ومحاربة الفساد.", [("indirect", "الإصلاحات ومحاربة الفساد")]),
    ("وقدم الحزب مطالبة بالإصلاحات ومحاربة الفساد.", []),
])
def test_ambiguous_forms_with_evidence(body, expected):
    q = _quotes(body)
    assert list(zip(q["mode"], q["content"])) == expected


def test_abbreviated_title_before_the_speaker():
    q = _quotes("وقال د. ميلاد حنا إن مصر شعب واحد.")
    assert q[["speaker_text", "speaker_status", "content"]].values.tolist() == [["د. ميلاد حنا", "resolved", "مصر شعب واحد"]]
