"""Quote speakers (analysis.extract.quotes.speaker), one mechanism per table: constructed sentences, ner=False (the
names are gazetteer entries), expected (speaker English name or None, speaker_status[, speaker_rule]) per quote."""
from __future__ import annotations

import pytest

from analysis import parse_article
from analysis.extract.quotes.context import SPEAKER_STATUSES


def _quotes(body: str):
    art = parse_article("عنوان\n\n" + body, ner=False)
    q = art.quotes
    for r in q.itertuples():
        assert art.text[r.start:r.end] == r.content
    return q


def _speakers(body: str):
    q = _quotes(body)
    return [(None if not isinstance(n, str) else n, s) for n, s in zip(q["speaker_name_en"], q["speaker_status"])]


class TestCarriedSubject:
    """A cue without a subject (وأضاف، وتابع قائلا، ... وقال) carries the speaker of an earlier sentence."""

    @pytest.mark.parametrize("body, expected", [
        ("قال جون كيري إن الاتفاق جيد.\nوأضاف أن إيران ملتزمة به.",
         [("John Kerry", "resolved"), ("John Kerry", "carried")]),
        ('قال جون كيري إن الاتفاق جيد.\nوأردف قائلا: "إن العمل سيستمر به طويلا في المنطقة".',
         [("John Kerry", "resolved"), ("John Kerry", "carried")]),
        ("قال جون كيري إن الاتفاق جيد، مؤكدا أن إيران ملتزمة.",
         [("John Kerry", "resolved"), ("John Kerry", "carried")]),
        # a subjectless cue with nobody named before it: no guess
        ("وأضاف أن الاتفاق جيد.", [(None, "unattributed")]),
        # a source that is no entity stays one when carried
        ("وقالت مصادر مطلعة إن الاتفاق جيد.\nوأضافت أن إيران ملتزمة.",
         [(None, "source-not-entity"), (None, "source-not-entity")]),
    ])
    def test_carried(self, body, expected):
        assert _speakers(body) == expected


class TestTitleChains:
    """A title phrase leads to the person it names, across a comma, an honorific or a place complement; a bare title
    later stands for that person."""

    @pytest.mark.parametrize("body, expected", [
        ("قال وزير الخارجية الأمريكي، جون كيري، إن الاتفاق جيد.", [("John Kerry", "resolved")]),
        ("قال وزير الخارجية الأمريكي، الدكتور جون كيري، إن الاتفاق جيد.", [("John Kerry", "resolved")]),
        ("قال وزير الخارجية بالولايات المتحدة جون كيري إن الاتفاق جيد.", [("John Kerry", "resolved")]),
        ("قال وزير الخارجية الأمريكي، جون كيري، إن الاتفاق جيد.\nوقال وزير الخارجية إن إيران ملتزمة.",
         [("John Kerry", "resolved"), ("John Kerry", "resolved")]),
        # a title nobody was introduced with: a person we cannot name, never a guess
        ("وقال وزير الزراعة إن المحصول جيد.", [(None, "unattributed")]),
    ])
    def test_title(self, body, expected):
        assert _speakers(body) == expected


class TestSubjectPositions:
    @pytest.mark.parametrize("body, expected, rule", [
        # the subject before the verb: comma, adjacent (subject-verb order), after كان
        ("جون كيري، وزير الخارجية الأمريكي، قال إن الاتفاق جيد.", ("John Kerry", "resolved"), "subject_before_verb"),
        ("البنك الدولي يعلن أنه لن يمول المشروع.", ("World Bank", "resolved"), "subject_before_verb"),
        ("وكان جون كيري قال في وقت سابق إن الاتفاق جيد.", ("John Kerry", "resolved"), "subject_before_verb"),
        ("وكانت مصادر مطلعة قد أفادت بأن الاتفاق جيد.", (None, "source-not-entity"), "subject_before_verb"),
        # a quoted name as subject
        ('وأوضح "البنك الدولي" أن المشروع متوقف.', ("World Bank", "resolved"), "named"),
        # X وهو يقول
        ('وشاهدنا جون كيري وهو يقول: "إن الاتفاق جيد للجميع في المنطقة".', ("John Kerry", "resolved"), "named"),
    ])
    def test_subject(self, body, expected, rule):
        q = _quotes(body)
        assert _speakers(body) == [expected]
        assert q["speaker_rule"].tolist() == [rule]


class TestPostQuoteSpeaker:
    def test_speaker_after_the_quotation(self):
        q = _quotes("«إن الاتفاق جيد للجميع في المنطقة»، قال جون كيري.")
        assert q[["content", "mode", "rule", "speaker_name_en"]].values.tolist() == [
            ["إن الاتفاق جيد للجميع في المنطقة", "direct", "direct:before_cue", "John Kerry"]]

    def test_a_quotation_already_attributed_is_not_taken_twice(self):
        q = _quotes("قال جون كيري: «إن الاتفاق جيد للجميع في المنطقة»، وقال باراك أوباما.")
        assert q["speaker_name_en"].tolist() == ["John Kerry"]


class TestReportedFromSource:
    """نقل عن X قوله، بحسب، وفق، نقلا عن: the one quoted speaks, the outlet that reports never does."""

    @pytest.mark.parametrize("body, expected", [
        ('ونقلت وكالة رويترز عن جون كيري قوله: «إن الاتفاق جيد للجميع في المنطقة».', [("John Kerry", "resolved")]),
        ("ونقلت الصحيفة عن مصدر مطلع قوله إن الاتفاق جيد.", [(None, "source-not-entity")]),
        ('وقال جون كيري، بحسب وكالة رويترز، إن الاتفاق جيد.', [("John Kerry", "resolved")]),
        ("وقال جون كيري، نقلا عن رويترز، إن الاتفاق جيد.", [("John Kerry", "resolved")]),
        ("ودعت المصادر، بحسب رويترز، الحكومة إلى الحوار.", [(None, "source-not-entity")]),
    ])
    def test_source(self, body, expected):
        assert _speakers(body) == expected

    def test_post_posed_attribution_is_no_quote(self):
        assert _quotes("الاتفاق جيد للجميع كما نقلت وكالة رويترز.").empty


class TestVerbalNounCue:
    def test_verbal_noun_with_its_subject(self):
        q = _quotes("والتقى جون كيري باراك أوباما، وسط تأكيد نظيره سيرغي لافروف أن الاتفاق جيد.")
        assert q[["cue", "content", "speaker_name_en", "speaker_status"]].values.tolist() == [
            ["تأكيد", "الاتفاق جيد", "Sergey Lavrov", "resolved"]]

    def test_verbal_noun_after_a_preposition_is_no_cue(self):
        assert _quotes("وجاء ذلك بعد تأكيد الوزارة أن الاتفاق جيد.").empty


class TestNumber:
    """A dual or plural verb never stands for one person."""

    @pytest.mark.parametrize("body, expected", [
        ("التقى جون كيري باراك أوباما.\nوأكدا أن الاتفاق جيد.", [(None, "unattributed")]),
        ("التقى جون كيري باراك أوباما.\nوشددا على ضرورة الحوار.", [(None, "unattributed")]),
        ("قال جون كيري إن الاتفاق جيد.\nوأكدوا أن إيران ملتزمة.", [("John Kerry", "resolved"), (None, "unattributed")]),
    ])
    def test_number(self, body, expected):
        assert _speakers(body) == expected


class TestAddresseeIsNeverTheSpeaker:
    @pytest.mark.parametrize("body, expected", [
        ("قال جون كيري لباراك أوباما إن الاتفاق جيد.", [("John Kerry", "resolved")]),
        ("وقال لباراك أوباما إن الاتفاق جيد.", [(None, "unattributed")]),
        ("قال جون كيري إن الاتفاق جيد.\nوقال لباراك أوباما إن إيران ملتزمة.",
         [("John Kerry", "resolved"), ("John Kerry", "carried")]),
        ("ودعا جون كيري باراك أوباما إلى الحوار.", [("John Kerry", "resolved")]),
    ])
    def test_addressee(self, body, expected):
        assert _speakers(body) == expected

    def test_addressee_fused_to_the_verb(self):
        q = _quotes("قال جون كيري إن الاتفاق جيد.\nوطالبهم بضرورة الالتزام به.")
        assert q[["content", "speaker_name_en", "speaker_status"]].values.tolist()[1] == [
            "ضرورة الالتزام به", "John Kerry", "carried"]

    def test_addressee_is_skipped_before_the_preposition(self):
        q = _quotes("ودعا جون كيري الحكومة إلى الحوار مع المعارضة.")
        assert q["content"].tolist() == ["الحوار مع المعارضة"]


class TestSourcesAndGroups:
    @pytest.mark.parametrize("body, expected", [
        # sources are no entity, whatever they are close to
        ("وقالت مصادر في الأمم المتحدة إن الاتفاق جيد.", [(None, "source-not-entity")]),
        ("وقال مسؤول في البنك الدولي إن المشروع متوقف.", [(None, "source-not-entity")]),
        ("وقال أحد المغردين إن المشروع متوقف.", [(None, "source-not-entity")]),
        ("فمنهم من قال إن المشروع متوقف.", [(None, "source-not-entity")]),
        # a phrase naming an organisation: the organisation speaks
        ("وقال بيان للأمم المتحدة إن المشروع متوقف.", [("United Nations", "resolved")]),
        ("وقال التقرير إن الأسواق تراجعت.", [(None, "source-not-entity")]),
    ])
    def test_source_nouns(self, body, expected):
        assert _speakers(body) == expected


class TestAuthorAndStatus:
    @pytest.mark.parametrize("body, expected", [
        ("وقلت منذ يومين إن الاتفاق جيد.", [(None, "author")]),
        ('وقلت فيه "إن الاتفاق جيد للجميع في المنطقة".', [(None, "author")]),
        ("وأقول لجون كيري إن الاتفاق جيد.", [(None, "author")]),
    ])
    def test_author(self, body, expected):
        assert _speakers(body) == expected

    def test_abbreviated_honorific_before_an_unknown_name(self):
        # د. is a title (its point glued): the unknown name after it is a person, and the speaker
        q = _quotes("وفي كتابه يشير د. زيد عمرو إلى أن الاتفاق جيد.")
        assert q[["content", "speaker_text", "speaker_status"]].values.tolist() == [
            ["الاتفاق جيد", "د. زيد عمرو", "resolved"]]

    def test_decreased_is_not_i_said(self):
        assert _quotes("قلت الصادرات بنسبة كبيرة خلال العام الماضي بسبب الأزمة.").empty

    def test_every_status_is_declared_and_an_entity_only_when_resolved_or_carried(self, seed_article):
        q = seed_article.quotes
        assert set(q["speaker_status"]) <= set(SPEAKER_STATUSES)
        has = q["speaker_entity_id"].notna()
        assert q.loc[has, "speaker_status"].isin(["resolved", "carried"]).all()
        assert not q.loc[~has, "speaker_status"].isin(["resolved", "carried"]).any()


class TestGeneralSpeakerRules:
    """General rules of who speaks (issue 10), each on made-up sentences: a wrong guess becomes a status."""

    @pytest.mark.parametrize("body, expected", [
        # a person right after a title in the construct state is its possessor, not the one speaking
        ("قال سفير خادم الحرمين الشريفين إن العلاقات متينة.", [(None, "unattributed")]),
        ("قال المتحدث الرسمي لمركز الملك سلمان إن المساعدات وصلت.", [(None, "unattributed")]),
        ("قال وزير الخارجية الأمريكي جون كيري إن الاتفاق جيد.", [("John Kerry", "resolved")]),
        # a sentence adverb or a preposition with a pronoun after the cue is passed over
        ("قال باراك أوباما إن الاتفاق جيد.\nوأضاف كذلك أن المفاوضات مستمرة.",
         [("Barack Obama", "resolved"), ("Barack Obama", "carried")]),
        ("وقال أيضا جون كيري إن الاتفاق جيد.", [("John Kerry", "resolved")]),
        ("وقال فيه جون كيري إن الاتفاق جيد.", [("John Kerry", "resolved")]),
        # a verbal-noun object (أهمية، ضرورة) is no subject; an honorific pronoun (معاليه) is the person in context
        ("قال جون كيري إن الاتفاق جيد.\nوأكد على أهمية دور مصر في المنطقة.",
         [("John Kerry", "resolved"), ("John Kerry", "carried")]),
        ("قال جون كيري إن الاتفاق جيد.\nوأكد أهمية دور مصر في المنطقة.",  # a bare noun: no quote (blind H5)
         [("John Kerry", "resolved")]),
        ("قال جون كيري إن الاتفاق جيد.\nوأفاد معاليه أن المفاوضات مستمرة.",
         [("John Kerry", "resolved"), ("John Kerry", "carried")]),
        # ... the one last called by that honorific, not the previous speaker
        ("ووصل معالي وزير الخارجية جون كيري إلى الرياض. وقال باراك أوباما إن الزيارة مهمة. "
         "وأفاد معاليه أن المفاوضات مستمرة.", [("Barack Obama", "resolved"), ("John Kerry", "carried")]),
        ("ونقل سمو ولي العهد تحياته. وقال باراك أوباما إن الزيارة مهمة. وأكد سموه أن المفاوضات مستمرة.",
         [("Barack Obama", "resolved"), (None, "unattributed")]),
    ])
    def test_subject(self, body, expected):
        assert _speakers(body) == expected

    @pytest.mark.parametrize("body, expected", [
        # a document or a class noun with its own name speaks for that name; any other head only owns it
        ("قال تقرير البنك الدولي إن النمو ضعيف.", [("World Bank", "resolved")]),
        ("قال مصور وكالة فرانس برس إن المهاجمين غادروا.", [(None, "source-not-entity")]),
        ("أكدت دولة فلسطين أنها ملتزمة بالقانون الدولي.", [("Palestine", "resolved")]),
        # a definite organisation noun never stands for an organisation of another kind
        ("أعلنت شركة سابك أرباحها.\nوقالت الصحيفة إن الأرباح قوية.", [(None, "source-not-entity")]),
        ("أعلنت شركة سابك أرباحها.\nوقالت الشركة إن الأرباح قوية.", [("SABIC", "resolved")]),
        # name words the mention was found without are part of the holder's name, not a possessor's head
        ("وقال ماغنوس جون كيري إن الاتفاق جيد.", [("John Kerry", "resolved")]),
        # a verbal-noun object ends the subject phrase (وأكد X حرص ...)
        ("وشدد الفلاني حرص البنك الدولي على التعاون.", [(None, "source-not-entity")]),
    ])
    def test_nominal_heads(self, body, expected):
        assert _speakers(body) == expected

    @pytest.mark.parametrize("body, expected", [
        # a participle continues the sentence's subject, never a name inside its object
        ("وتوقع تراجع أسعار أسهم شركة سابك، مشيرا إلى أن السوق ضعيفة.", [(None, "unattributed")]),
        ("وانتهز المرشح الجمهوري باراك أوباما الفرصة، مشيرا إلى أن الاقتصاد ضعيف.", [("Barack Obama", "carried")]),
        # a sentence adverbial before the verb, a body in construct with the title: the person after it speaks
        ("من جانب آخر توقع الوزير جون كيري صدور القرار، لافتا إلى أن العمل مستمر.", [("John Kerry", "carried")]),
        ("ووصف مدير البنك الدولي جون كيري المحادثات بأنها بناءة، قائلا إن الاتفاق قريب.",
         [("John Kerry", "carried")]),
    ])
    def test_participle_subject(self, body, expected):
        assert _speakers(body) == expected

    @pytest.mark.parametrize("body, expected", [
        # an addressee between the cue and its subject is passed over (أكد لـ"الصحيفة" X)
        ('وقال لـ«الحياة» جون كيري إن الاتفاق جيد.', [("John Kerry", "resolved")]),
        ("وقال لأوباما جون كيري إن الاتفاق جيد.", [("John Kerry", "resolved")]),
        # a clause of its own after a comma: وكان X قد قال
        ("وقصفت طائرات أهدافا أمس، وكان مسؤولون في واشنطن قد صرحوا بأن تركيا وافقت.",
         [(None, "source-not-entity")]),
        # كان ... قد frames a subject of its own, however long or quoted: never the previous speaker
        ('قال جون كيري إن الاتفاق جيد.\nوكانت "القيادة المشتركة للكتائب والسرايا في المدن والمحافظات" قد أعلنت '
         'أن العملية بدأت.', [("John Kerry", "resolved"), (None, "source-not-entity")]),
        ('قال جون كيري إن الاتفاق جيد.\nوكانت صحيفة «فاينانشيال تايمز» البريطانية قد توقعت أن النمو ضعيف.',
         [("John Kerry", "resolved"), ("Financial Times", "resolved")]),
    ])
    def test_clause_openers(self, body, expected):
        assert _speakers(body) == expected

    @pytest.mark.parametrize("body, expected", [
        # a cue after إذ / حيث / كما opens a new reporting clause: the previous content ends before it
        ("قال باراك أوباما إن الاقتصاد قوي، إذ اعتبر جون كيري أن الاتفاق جيد.",
         [("Barack Obama", "الاقتصاد قوي"), ("John Kerry", "الاتفاق جيد")]),
        ("قال باراك أوباما إن الاقتصاد قوي، كما أكد جون كيري أن الاتفاق جيد.",
         [("Barack Obama", "الاقتصاد قوي"), ("John Kerry", "الاتفاق جيد")]),
    ])
    def test_new_reporting_clause(self, body, expected):
        q = _quotes(body)
        assert list(zip(q["speaker_name_en"], q["content"])) == expected


class TestRegularCueForms:
    """Regular inflections of a listed cue are cues too (analysis.lexicon.gazetteer.regular_forms)."""

    @pytest.mark.parametrize("form, expected", [
        ("أوضح", {"اوضحت", "اوضحوا"}), ("يوضح", {"توضح", "يوضحون"}), ("مشددا", {"مشددين"}),
        ("دعا", set()), ("ينفي", set()), ("قلت", set()), ("مؤكدة", set()),
    ])
    def test_forms(self, form, expected):
        from analysis.lexicon.gazetteer import CueVerb, regular_forms
        lemma = {"يوضح": "أوضح", "مشددا": "شدد", "ينفي": "نفى", "قلت": "قال", "مؤكدة": "أكد"}.get(form, form)
        kind = "participle" if form.startswith("م") else "verb"
        cue = CueVerb(form, lemma, kind, "x", False, False, frozenset(), form == "قلت")
        assert {f for f, _ in regular_forms(cue)} == expected

    def test_generated_forms_are_cues_but_never_a_listed_word(self):
        from analysis.lexicon.gazetteer import cue_verbs
        cues = cue_verbs()
        assert cues["موضحين"].lemma == "أوضح" and cues["موضحين"].number == "pl"
        assert "نقلا" not in cues  # "quoting": a tail of quote_words.csv, never a dual of نقل
        q = _quotes("وقال المسؤولون إن الاتفاق جيد، موضحين أن المفاوضات مستمرة.")
        assert q["cue"].tolist() == ["قال", "موضحين"]  # (the cue span leaves out و)


def test_a_name_after_a_li_genitive_is_the_nominal_speaker():
    """``مؤسس الجمعية للتنمية خالد العمر``: the name after a definite word fused with ل is the phrase's holder (the
    model finds the name; skipped without it)."""
    from analysis.extract.entities import ner_available
    if not ner_available():
        pytest.skip("NER model not available")
    art = parse_article("عنوان\n\nوقال مؤسس الجمعية للتنمية خالد العمر إن التبرعات زادت.")
    q = art.quotes
    assert len(q) == 1 and q["speaker_status"].iloc[0] == "resolved" and q["speaker_rule"].iloc[0] == "nominal"
    ents = dict(zip(art.entities["entity_id"], art.entities["name_ar"]))
    assert ents[int(q["speaker_entity_id"].iloc[0])] == "خالد العمر"


def test_a_definite_org_noun_stands_for_the_latest_company_named_with_that_head():
    """``وقالت الشركة``: the company last mentioned that the article names with the head شركة somewhere (its short
    name «سامير» counts), not the last mention written with the head."""
    art = parse_article("عنوان\n\nقررت شركة سامير وقف أنشطتها في المغرب.\nوأعلنت شركة مصفاة النفط زيادة إنتاجها.\n"
                        "وتراجعت أسهم «سامير» بنسبة كبيرة.\nوقالت الشركة إنها تواجه أزمة بسبب تراجع الأسعار.", ner=False)
    names = dict(zip(art.entities["entity_id"], art.entities["name_ar"]))
    q = art.quotes
    assert len(q) == 1 and q["speaker_status"].iloc[0] == "resolved"
    assert names[int(q["speaker_entity_id"].iloc[0])] == "شركة سامير"


def test_a_definite_org_noun_stands_for_a_name_written_after_that_head():
    """``وقالت الشركة``: a name written right after the head (``شركة «بومبارديي»``) is one of that head's, even when
    the entity's own name does not start with it; it beats an older name that does."""
    art = parse_article("عنوان\n\nوقعت الشركة القابضة للتدبير العقاري اتفاقا.\nوحصلت شركة «بومبارديي» على بقعة.\n"
                        "وذكرت الشركة أنها ستبني مصنعا.")  # (the NER model finds «بومبارديي»)
    names = dict(zip(art.entities["entity_id"], art.entities["name_ar"]))
    if "بومبارديي" not in names.values():
        pytest.skip("needs the NER model (analysis.ner), which finds the quoted company name")
    q = art.quotes
    assert len(q) == 1 and q["speaker_status"].iloc[0] == "resolved"
    assert names[int(q["speaker_entity_id"].iloc[0])] == "بومبارديي"


@pytest.mark.parametrize("body, expected", [
    # a participle opening its sentence right after a quote continues its speaker
    ("وقال جون كيري: «الاتفاق جيد للجميع في المنطقة».\nمبينا ان العمل مستمر.",
     [("John Kerry", "resolved"), ("John Kerry", "carried")]),
    # أبان (showed) is a cue; a participle after it in its sentence inherits the carried speaker
    ("وقال جون كيري إن الاتفاق جيد.\nوأبان أنه تم توجيه الدعوة للوفود، مشيراً إلى أن الحفل كبير.",
     [("John Kerry", "resolved"), ("John Kerry", "carried"), ("John Kerry", "carried")]),
])
def test_participle_and_weak_cue_carry_the_speaker(body, expected):
    assert _speakers(body) == expected


def test_bare_participle_without_a_quote_in_sight_is_unattributed():
    assert _speakers("عنوان آخر.\n\nمبينا ان العمل مستمر.") == [(None, "unattributed")]


def test_saying_noun_speaker_is_the_subject_of_its_clause():
    """``، واختتم <name> حديثه بقوله:``: the one named after the clause's verb, not the sentence's earlier speaker."""
    assert _speakers("وقال جون كيري: الاتفاق جيد للجميع في المنطقة، واختتم باراك أوباما حديثه بقوله: نحن جاهزون.") \
        == [("John Kerry", "resolved"), ("Barack Obama", "resolved")]


def test_participle_continues_the_subject_of_an_earlier_cue_without_quote():
    """``أكدت <name> تقدير الدولة ...، مؤكدة أن``: the bare noun is no quote (H5), the participle still has that
    speaker."""
    assert _speakers("حيث أكد جون كيري تقدير الدولة للجهد الكبير، مؤكدا أن العلاقة متميزة.") \
        == [("John Kerry", "carried")]


def test_description_runs_on_to_the_person_it_describes():
    """``أكد لاعب خط وسط نادي الهلال <name> أن``: a description without a known title ends at the person."""
    assert _speakers("وأكد لاعب خط وسط نادي الهلال جون كيري أن المباراة صعبة.") == [("John Kerry", "resolved")]


@pytest.mark.parametrize("body, expected", [
    # المتحدث (the speaker): the one who has just spoken, carried, not a new unnamed subject
    ("قال جون كيري إن الاتفاق جيد.\nوأكد المتحدث أن إيران ملتزمة به.",
     [("John Kerry", "resolved"), ("John Kerry", "carried")]),
    ("قال جون كيري إن الاتفاق جيد. وكشف المتحدث ذاته أن العمل سيستمر.",
     [("John Kerry", "resolved"), ("John Kerry", "carried")]),
    # a spokesman is a title, not the anaphor: his name is the speaker
    ("قال جون كيري إن الاتفاق جيد. وقال المتحدث باسم الوزارة باراك أوباما إن العمل سيستمر.",
     [("John Kerry", "resolved"), ("Barack Obama", "resolved")]),
    # nobody spoke before: no guess
    ("وأكد المتحدث أن الاتفاق جيد.", [(None, "unattributed")]),
])
def test_anaphoric_speaker_noun(body, expected):
    assert _speakers(body) == expected


def test_title_with_coordinated_portfolio_reaches_the_apposed_name():
    """``أعلن وزير السياحة والصناعة التقليدية، <name>، أن``: the و-joined portfolio is part of the title."""
    q = _quotes("أعلن وزير السياحة والصناعة التقليدية، جون كيري، أن الدولة خصصت مبلغا كبيرا.")
    assert q["speaker_name_en"].tolist() == ["John Kerry"] and q["speaker_rule"].tolist() == ["title_chain"]


class TestSession9Speakers:
    """Speaker mechanisms found on the fresh2 tuning part (session 9); names are gazetteer entries, ner=False."""

    @pytest.mark.parametrize("body, expected", [
        # a kin head governs the whole phrase: the wife speaks, not the politician named in it
        ("وقالت زوجة السياسي السوداني المعارض جون كيري ان قوات الامن اعتقلته. واضافت ان القوات وصلت إلى منزله.",
         [(None, "source-not-entity"), (None, "source-not-entity")]),
        ("وقالت زوجة جون كيري إن الاتفاق جيد.", [(None, "source-not-entity")]),
        # a title in apposition after the name resolves a later bare title
        ("وقال جون كيري، وزير الخارجية الأمريكي، إن الاتفاق جيد.\n\nوأوضح الوزير أن إيران ملتزمة به.",
         [("John Kerry", "resolved"), ("John Kerry", "resolved")]),
        # ... only the same title
        ("دعا جون كيري، وزير الصحة، المنظمات إلى وضع حد للتدخل.\n\nوأوضح وزير الخارجية أن إيران ملتزمة به.",
         [("John Kerry", "resolved"), (None, "unattributed")]),
        # an opening وفقا ل attribution: its source speaks on in the participle
        ("ووفقا للناطق الإعلامي لشرطة منطقة القصيم الرائد جون كيري، فإن الشرطة تلقت بلاغا من المستشفى، مشيرا "
         "إلى أن التحقيقات جارية.", [("John Kerry", "carried")]),
        ("وبحسب الخطة فإن الشرطة تلقت بلاغا، مشيرا إلى أن التحقيقات جارية.", [(None, "unattributed")]),
        # نقل عن <title phrase> <name> قوله: the title's holder
        ("ونقلت صحيفة «السوداني» الصادرة أمس عن نائب أمين الإعلام في الحزب جون كيري قوله: التظاهرات مجرد "
         "تحركات من هنا وهناك.", [("John Kerry", "resolved")]),
        ("ونقلت الصحيفة عن مصدر مقرب من جون كيري قوله: التظاهرات مجرد تحركات من هنا وهناك.",
         [(None, "source-not-entity")]),
        # a place after a title (مفتي دبي, السفير في الرياض) does not stop it at the person
        ("وأوضح مفتي دبي الشيخ جون كيري أن اللاعبين يجوز لهم الإفطار.", [("John Kerry", "resolved")]),
        ("حث السفير المصري في الرياض جون كيري الجالية المصرية في السعودية على الإقبال على شراء السندات.",
         [("John Kerry", "resolved")]),
        # حيث + a subjectless cue: the person named in its sentence, not the previous speaker
        ("وقالت أماندا سميث إن المعرض جيد. ويتسق هذا مع ما جاء في كلمة جون كيري، رئيس قسم البرامج، في ندوة "
         "حوارية سبقت الافتتاح حيث قال إن المؤسسة تلتزم بالثقافة.",
         [(None, "source-not-entity"), ("John Kerry", "carried")]),
        ("وهو ما بينه الباحث المصري جون كيري في كتابه عن الفلكلور، إذ أوضح أن الوجدان الشعبي تجاوز المتناقضات.",
         [("John Kerry", "carried")]),
        # جاء في + a document: the issuer it names, else the document (no entity)
        ("وجاء في التعميم الذي أصدره وزير الخارجية جون كيري بضرورة التقيد بما ورد في الضوابط.",
         [("John Kerry", "resolved")]),
        ("وجاء في البيان أن الوزارة ستعمل على تطوير الخدمات.", [(None, "source-not-entity")]),
        # "the same official / source": the one who has just spoken, an entity or not
        ("أكد جون كيري أن الإصلاح مستمر. كما أوضح المسؤول ذاته، في تصريح للصحافة، أن الحكومة ملتزمة.",
         [("John Kerry", "resolved"), ("John Kerry", "carried")]),
        ("وقالت مصادر مطلعة إن الاتفاق قريب. وأضاف المصدر نفسه أن التوقيع غدا.",
         [(None, "source-not-entity"), (None, "source-not-entity")]),
        ("وأضاف المصدر نفسه أن التوقيع غدا.", [(None, "unattributed")]),
        ("وجاء في البيان الصادر عن وزارة الداخلية بشأن اللقاء أن على الحكومة أن تتفق على الخطوات.",
         [("Ministry of Interior", "resolved")]),
    ])
    def test_speakers(self, body, expected):
        assert _speakers(body) == expected

    @pytest.mark.parametrize("body", [
        "وجاء الفريق في المركز الثاني بعد أن خسر المباراة.",  # جاء without a document reports nothing
        "جاء ذلك في كلمة ألقاها جون كيري أمس.",
        "وهذا ما شدد عليه جون كيري الذي يخوض بطولته رغم انه لم يتجاوز السابعة والعشرين.",  # ما + cue + عليه
        # أكد + a bare noun: the quotation later in the sentence is not its speech
        "وكان جون كيري أكد جواز إفطار البعثة مستندا إلى قوله تعالى: «فمن كان منكم مريضا أو على سفر فعدة».",
        "وقال جون كيري إن الواردات زادت، بينما يتوقع أن تستقر.",  # (the second cue) impersonal يتوقع أن
    ])
    def test_no_quote(self, body):
        q = _quotes(body)
        assert all(c != "يتوقع" for c in q["cue"]) and (len(q) <= 1)
        if "يتوقع" not in body:
            assert q.empty

    def test_byline_name_line_is_never_a_speaker(self):
        """A name alone on the line under the headline is the writer: not the speaker of a subjectless cue."""
        art = parse_article("عنوان\n\nجون كيري\n\nوحين قال: إن التخطيط ضروري للجميع.", ner=False)
        assert art.quotes["speaker_status"].tolist() == ["unattributed"]


class TestSpeakerInContext:
    """Issue 10: who a subjectless cue or a participle stands for, by Arabic news grammar rather than outlet habit:
    the subject after a sentence's opening verb, a title subject standing for the person introduced with it, the one
    person a consecutive ف clause names, an object noun of the verb's own, an honorific, a title fused with ل."""

    @pytest.mark.parametrize("body, expected", [
        # the subject right after the opening verb of an earlier sentence (not its object)
        ("استقبل وزير الخارجية الأمريكي جون كيري الوفد.\nوأكد أن الاتفاق جيد.", [("John Kerry", "carried")]),
        ("قال جون كيري إن الاتفاق جيد.\nوثمن باراك أوباما جهود جون كيري في المفاوضات.\nوأضاف أن إيران ملتزمة.",
         [("John Kerry", "resolved"), ("Barack Obama", "carried")]),
        # a title subject (وزير الخارجية) stands for the person apposed to that title earlier
        ("استقبل جون كيري وزير الخارجية الأمريكي الوفد.\nوتناول وزير الخارجية العلاقات بين البلدين.\n"
         "وأشار إلى أن الاتفاق جيد.", [("John Kerry", "carried")]),
        # a consecutive ف cue: the one person its clause names answers, not the previous speaker
        ("قال باراك أوباما إن الوضع صعب.\nوالتقت الصحيفة جون كيري وزير الخارجية الأمريكي فقال إن الاتفاق جيد.",
         [("Barack Obama", "resolved"), ("John Kerry", "carried")]),
        # لفت الانتباه إلى: the object noun is no subject
        ("قال جون كيري إن الاتفاق جيد.\nولفت الانتباه إلى أن إيران ملتزمة.",
         [("John Kerry", "resolved"), ("John Kerry", "carried")]),
        # an indefinite honorific before the name is no construct head
        ("قال الناطق الإعلامي العقيد دكتور جون كيري إن الاتفاق جيد.", [("John Kerry", "resolved")]),
        # a title fused with ل + the article introduces its holder
        ("صدر كتاب للمستشارة الألمانية أنجيلا ميركل عن أوروبا.\nوتقول المستشارة إن الاتحاد قوي.",
         [("Angela Merkel", "resolved")]),
        # a noun in construct with a place inside the title chain
        ("وقال رئيس بلدية وسط الرياض المهندس جون كيري إن الاتفاق جيد.", [("John Kerry", "resolved")]),
        # a quoted name after its head noun, a person after a definite title: the sentence's subject
        ('وأرجعت صحيفة "نيويورك تايمز" التأجيل إلى أسباب فنية، موضحة أن الاتفاق جيد.',
         [("The New York Times", "carried")]),
        ("وتوجه راعي الاحتفال الوزير جون كيري إلى الحضور، قائلا إن الاتفاق جيد.", [("John Kerry", "carried")]),
        # a participle in a clause that names no one goes on about the one who has just spoken
        ("قال جون كيري إن الاتفاق جيد.\nولا يزال يعمل هناك حتى يومنا هذا، مؤكدا أن إيران ملتزمة.",
         [("John Kerry", "resolved"), ("John Kerry", "carried")]),
        # ... but a clause with a subject of its own that is no entity gives no guess
        ("قال جون كيري إن الاتفاق جيد.\nوتوقع التقرير تراجع الأسعار، مشيرا إلى أن الطلب ضعيف.",
         [("John Kerry", "resolved"), (None, "unattributed")]),
        # an organisation right after its sentence's opening verb speaks on
        ("واستقبلت منظمة الصحة العالمية الوفد.\nوأضافت أن الوضع صعب.", [("World Health Organization", "carried")]),
        ("ورحبت وزارة الداخلية بالقرار.\nودعت إلى الالتزام به.", [("Ministry of Interior", "carried")]),
        # a strict cue right before a quotation after a quote; أقر بأن (but أقر + a noun approves)
        ('قال باراك أوباما إن الاتفاق جيد.\nوتابع "إن العمل سيستمر طويلا في المنطقة".',
         [("Barack Obama", "resolved"), ("Barack Obama", "carried")]),
        ("وتابع الطلاب دروسهم عبر الإنترنت.", []),
        ("أقر جون كيري بأن المفاوضات صعبة.", [("John Kerry", "resolved")]),
        ("وأقر مجلس الوزراء الميزانية الجديدة.", []),
        # a bare clause of obligation after the cue
        ("قال جون كيري إن الاتفاق جيد.\nوقال يجب ألا نتخلى عن المفاوضات.",
         [("John Kerry", "resolved"), ("John Kerry", "carried")]),
        # a name quoted after لـ is the addressee, never the speaker
        ('وقال الحميدي السبيعي لـ «رويترز»: إن الاتفاق جيد.', [(None, "source-not-entity")]),
        # ل + an outlet noun + its name is the addressee: the speaker in context speaks on
        ('قال جون كيري إن الاتفاق جيد.\nوأضاف لصحيفة «الحياة» إن إيران ملتزمة.',
         [("John Kerry", "resolved"), ("John Kerry", "carried")]),
        ('قال جون كيري إن الاتفاق جيد.\nوأضاف لموقع سيتي على الانترنت "إن العمل سيستمر طويلا في المنطقة".',
         [("John Kerry", "resolved"), ("John Kerry", "carried")]),
        # the day named between the verb and its subject
        ("أعلن أمس الأربعاء وزير الخارجية الأمريكي جون كيري أن الاتفاق جيد.", [("John Kerry", "resolved")]),
        ("قال جون كيري إن الاتفاق جيد.\nوقال أمس إن إيران ملتزمة.", [("John Kerry", "resolved"), ("John Kerry", "carried")]),
        # an abbreviated honorific inside the subject phrase
        ("من جهته، استنكر النائب د. جون كيري العمل الإرهابي، مؤكدا أن الاتفاق جيد.", [("John Kerry", "carried")]),
    ])
    def test_speaker_in_context(self, body, expected):
        assert _speakers(body) == expected


@pytest.mark.parametrize("body, expected", [
    # a cue after a relative pronoun right after a title in apposition: the titled person is the speaker
    ("التقت البعثة بعبد الكريم الهاروني، وزير النقل الذي عبر عن تقديره لجهود الاتحاد.", "عبد الكريم الهاروني"),
    ("التقت البعثة مع عبد الكريم الهاروني، وزير النقل والمعدات الذي أعلن أن بلاده ستساهم في المشروع.",
     "عبد الكريم الهاروني"),
])
def test_relative_after_an_apposed_title_names_its_person(body, expected):
    art = parse_article("عنوان\n\n" + body)
    names = dict(zip(art.entities["entity_id"], art.entities["name_ar"]))
    if expected not in names.values():
        pytest.skip("needs the NER model (analysis.ner), which finds the name")
    q = art.quotes
    assert len(q) == 1 and q["speaker_rule"].iloc[0] == "relative" and q["speaker_status"].iloc[0] == "resolved"
    assert names[int(q["speaker_entity_id"].iloc[0])] == expected
