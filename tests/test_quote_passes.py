"""The quote passes and steps one at a time (analysis.extract.quotes): each on a small (text, expected) input."""
import pytest

from analysis import parse_article
from analysis.extract import quotes as Q
from analysis.extract.quotes import content as C
from analysis.extract.quotes import speaker as S
from analysis.extract.quotes.context import REJECT, tails, words


def _ctx(body, upto="cues", before=None):
    """Context of an article with ``body``, after the passes up to ``upto``; with ``before`` (a cue's token
    text), the attribution pass has run over the cues before that cue only."""
    art = parse_article("عنوان\n\n" + body, ner=False)
    ctx = Q.context(art, art.mentions)
    for p in Q.PASSES:
        if p.name == "attribution" and before is not None:
            cues, target = ctx.cues, _cue(ctx, before)
            ctx.cues = [c for c in cues if c.index < target.index]
            p.run(ctx)
            ctx.cues = cues
            break
        p.run(ctx)
        if p.name == upto and before is None:
            break
    return ctx


def _cue(ctx, form):
    return next(c for c in ctx.cues if ctx.v.text[c.index] == form)


def _span(ctx, span):
    return ctx.text[span[0]:span[1]] if span else None


class TestPassList:
    def test_order_and_names(self):
        assert [p.name for p in Q.PASSES] == ["quotation_marks", "cues", "attribution"]
        assert [n for n, _ in S.SPEAKER_STEPS] == ["byline", "document_source", "not_own_clause", "author", "inherited",
                                                   "end_of_sentence", "reported_source", "named", "title",
                                                   "subject_before_verb", "implicit", "second_verb", "strict",
                                                   "nominal"]
        assert [n for n, _ in C.CONTENT_STEPS] == ["preceding_quotation", "preceding_clause", "bare_clause",
                                                   "preposition_object",
                                                   "direct_quotation", "colon", "complementiser", "object"]

    def test_runner_runs_the_passes_in_order(self):
        ctx = _ctx("قال باراك أوباما إن الاتفاق جيد.", upto="attribution")
        assert len(ctx.cues) == 1 and len(ctx.quotes) == 1


class TestQuotationMarksPass:
    def test_regions(self):
        ctx = _ctx('قال باراك أوباما "إن الاتفاق جيد للجميع".', upto="quotation_marks")
        opening = ctx.v.text.index('"')
        close = ctx.quote_end[opening]
        assert ctx.v.text[close] == '"' and close > opening + 4
        assert [k for k, inside in enumerate(ctx.in_quote) if inside] == list(range(opening + 1, close))


class TestCuesPass:
    @pytest.mark.parametrize("body, cues", [
        ("قال باراك أوباما إن الاتفاق جيد، مؤكدا أن المفاوضات مستمرة.", ["قال", "مؤكدا"]),
        ('قال باراك أوباما "إن الوزير قال إن الاتفاق جيد".', ["قال"]),  # a cue inside quotation marks is not one
        ("لكن رغم كشف النقاب عن استثمارات كبيرة، إلا أن القطاعات لم تنطلق.", []),  # after a preposition: a noun
        ("يشار الى ان ايطاليا تعتبر من اكبر المساهمين.", []),
    ])
    def test_cues(self, body, cues):
        ctx = _ctx(body)
        assert [ctx.v.text[c.index] for c in ctx.cues] == cues

    def test_headline_cues_are_left_out(self):
        art = parse_article("قال باراك أوباما إن الاتفاق جيد\n\nنص المقال.", ner=False)
        ctx = Q.context(art, art.mentions)
        Q.find_cues(ctx)
        assert ctx.cues == []


class TestSpeakerSteps:
    def test_named(self):
        ctx = _ctx("قال باراك أوباما إن الاتفاق جيد.")
        sp = S.named(ctx, _cue(ctx, "قال"))
        assert (_span(ctx, sp.span), sp.how, sp.rule) == ("باراك أوباما", "named", "named")
        assert ctx.v.text[sp.next] == "إن"

    def test_named_does_not_answer_for_a_title(self):
        ctx = _ctx("وأكد الوزير الأمريكي أن إيران ملتزمة.")
        assert S.named(ctx, _cue(ctx, "وأكد")) is None

    def test_title_chain(self):
        ctx = _ctx("قال وزير الخارجية الأمريكي جون كيري إن الاتفاق جيد.")
        sp = S.title(ctx, _cue(ctx, "قال"))
        assert (_span(ctx, sp.span), sp.how, sp.rule) == ("وزير الخارجية الأمريكي جون كيري", "named", "title_chain")

    def test_title_stands_for_the_person_with_that_title(self):
        ctx = _ctx("قال وزير الخارجية الأمريكي جون كيري إن الاتفاق جيد.\nوأكد الوزير الأمريكي أن إيران ملتزمة.")
        sp = S.title(ctx, _cue(ctx, "وأكد"))
        kerry = S.title(ctx, _cue(ctx, "قال")).entity
        assert (_span(ctx, sp.span), sp.how, sp.rule, sp.entity) == ("الوزير الأمريكي", "title", "title", kerry)

    def test_subject_before_verb(self):
        ctx = _ctx("جون كيري، وزير الخارجية الأمريكي، قال إن الاتفاق جيد.")
        sp = S.subject_before_verb(ctx, _cue(ctx, "قال"))
        assert (_span(ctx, sp.span), sp.how, sp.rule) == ("جون كيري", "named", "subject_before_verb")
        assert S.subject_before_verb(_ctx("قال جون كيري إن الاتفاق جيد."), _cue(_ctx("قال جون كيري إن الاتفاق جيد."),
                                                                              "قال")) is None

    def test_implicit(self):
        ctx = _ctx("قال جون كيري إن الاتفاق جيد. وشدد على أن إيران ملتزمة.", before="وشدد")
        sp = S.implicit(ctx, _cue(ctx, "وشدد"))
        assert (sp.span, sp.how, sp.rule, sp.entity) == (None, "implicit", "implicit", ctx.quotes[0].speaker)
        assert sp.entity is not None

    def test_implicit_plural_verb_is_not_one_person(self):
        ctx = _ctx("قال جون كيري إن الاتفاق جيد. وأشاروا إلى أن المفاوضات مستمرة.", before="وأشاروا")
        assert S.implicit(ctx, _cue(ctx, "وأشاروا")).entity is None

    def test_implicit_needs_no_subject(self):
        ctx = _ctx("قال جون كيري إن الاتفاق جيد.")
        assert S.implicit(ctx, _cue(ctx, "قال")) is None

    def test_second_verb(self):
        ctx = _ctx("قال جون كيري إن الاتفاق جيد وأكد حرص حكومته على السلام.", before="وأكد")
        sp = S.second_verb(ctx, _cue(ctx, "وأكد"))
        assert (sp.how, sp.rule, sp.entity) == ("implicit", "second_verb", ctx.quotes[0].speaker)

    def test_second_verb_not_without_a_quote_in_the_sentence(self):
        ctx = _ctx("وأكد حرص حكومته على السلام.", before="وأكد")
        assert S.second_verb(ctx, _cue(ctx, "وأكد")) is None

    def test_inherited(self):
        ctx = _ctx("قال باراك أوباما إن الاتفاق جيد، مؤكدا أن المفاوضات مستمرة.", before="مؤكدا")
        sp = S.inherited(ctx, _cue(ctx, "مؤكدا"))
        assert (sp.how, sp.rule, sp.entity) == ("inherited", "inherited", ctx.quotes[0].speaker)
        assert S.inherited(ctx, _cue(ctx, "قال")) is None  # not a participle

    def test_end_of_sentence(self):
        ctx = _ctx("وهذا ما قال")
        assert S.end_of_sentence(ctx, _cue(ctx, "قال")) is REJECT
        ctx = _ctx("قال باراك أوباما إن الاتفاق جيد.")
        assert S.end_of_sentence(ctx, _cue(ctx, "قال")) is None

    def test_strict(self):
        ctx = _ctx("وتابع الطلاب دروسهم عبر الإنترنت.")
        assert S.strict(ctx, _cue(ctx, "وتابع")) is REJECT
        ctx = _ctx("قال التقرير إن الأسواق تراجعت.")
        assert S.strict(ctx, _cue(ctx, "قال")) is None

    @pytest.mark.parametrize("body, cue, text, named", [
        ("وقال التقرير إن الأسواق تراجعت.", "وقال", "التقرير", False),
        ("ذكر تحليل لصحيفة فاينانشيال تايمز أن الدولار ارتفع.", "ذكر", "تحليل لصحيفة فاينانشيال تايمز", True),
        ("وتقول الصحيفة البريطانية، فاينانشيال تايمز، إن النمو ضعيف.", "وتقول",
         "الصحيفة البريطانية، فاينانشيال تايمز", True),
        ("أعلنت شركة سابك أرباحها. وأكدت الشركة أن النتائج قوية.", "وأكدت", "الشركة", True),
    ])
    def test_nominal(self, body, cue, text, named):
        ctx = _ctx(body)
        sp = S.nominal(ctx, _cue(ctx, cue))
        assert (_span(ctx, sp.span), sp.how, sp.rule) == (text, "nominal", "nominal")
        assert (sp.entity is not None) == named


def _content(body, step, cue="قال"):
    ctx = _ctx(body)
    c = _cue(ctx, cue)
    sp = Q.first_answer(S.SPEAKER_STEPS, ctx, c)
    out = step(ctx, c, sp.next)
    if out is None or out is REJECT:
        return out
    return out.mode, ctx.text[out.start:out.end], out.rule


class TestContentSteps:
    @pytest.mark.parametrize("body, cue, expected", [
        ("أعرب باراك أوباما عن الأمل في نجاح الاتفاق.", "أعرب",
         ("indirect", "الأمل في نجاح الاتفاق", "indirect:preposition_object")),
        ("قال باراك أوباما إن الاتفاق جيد.", "قال", None),  # no preposition
        ("أعرب باراك أوباما عن أن الاتفاق جيد.", "أعرب", None),  # a complementiser after the preposition
    ])
    def test_preposition_object(self, body, cue, expected):
        assert _content(body, C.preposition_object, cue) == expected

    @pytest.mark.parametrize("body, step, expected", [
        ('قال باراك أوباما "إن الاتفاق جيد للجميع في المنطقة".', "direct_quotation",
         ("direct", "إن الاتفاق جيد للجميع في المنطقة", "direct:quotation_marks")),
        ('وقال جون كيري "إن الاتفاق جيد للجميع في المنطقة.\nوسيستمر العمل به طويلا".', "direct_quotation",
         ("direct", "إن الاتفاق جيد للجميع في المنطقة.\nوسيستمر العمل به طويلا", "direct:continued_paragraph")),
        ('قال باراك أوباما في مقابلة: "إن الاتفاق جيد للجميع في المنطقة".', "direct_quotation",
         ("direct", "إن الاتفاق جيد للجميع في المنطقة", "direct:quotation_marks")),  # the colon gives way
        ("قال باراك أوباما: الاتفاق جيد للجميع.", "colon", ("direct", "الاتفاق جيد للجميع", "direct:colon")),
        ("قال باراك أوباما: إن الاتفاق جيد للجميع.", "colon", ("indirect", "الاتفاق جيد للجميع", "indirect:colon")),
        ("قال باراك أوباما: .", "colon", REJECT),  # a marker without content: not a quote
        ("قال باراك أوباما إن الاتفاق جيد للجميع.", "complementiser",
         ("indirect", "الاتفاق جيد للجميع", "indirect:complementiser")),
        ("وقالت إنها غادرت المدينة.", "complementiser", ("indirect", "إنها غادرت المدينة", "indirect:complementiser")),
        ('قال تقرير "المركز" إن الأسواق تراجعت.', "complementiser",
         ("indirect", "الأسواق تراجعت", "indirect:complementiser")),  # a short quoted name is passed over
    ])
    def test_marked_steps(self, body, step, expected):
        cue = "وقال" if body.startswith("وقال ") else "وقالت" if body.startswith("وقالت") else "قال"
        steps = dict(C.CONTENT_STEPS)
        assert _content(body, steps[step], cue) == expected
        for other in ("direct_quotation", "colon", "complementiser"):  # the first marker picks one step only
            if other != step:
                assert _content(body, steps[other], cue) is None

    @pytest.mark.parametrize("body, kind", [
        ('قال باراك أوباما "إن الاتفاق جيد للجميع".', "quotation"),
        ("قال باراك أوباما: الاتفاق جيد.", "colon"),
        ("قال باراك أوباما إن الاتفاق جيد.", "complementiser"),
        ("قال باراك أوباما كلاما كثيرا. إن الاتفاق جيد.", None),  # not past the full stop
        ("قال باراك أوباما كلاما وأكد أن الاتفاق جيد.", None),  # not past another cue
    ])
    def test_first_marker(self, body, kind):
        ctx = _ctx(body)
        c = _cue(ctx, "قال")
        m = C.first_marker(ctx, Q.first_answer(S.SPEAKER_STEPS, ctx, c).next)
        assert (m.kind if m else None) == kind

    def test_object_phrase(self):
        assert _content("اعتبر باراك أوباما الاتفاق خطوة مهمة.", C.object_phrase, "اعتبر") == (
            "indirect", "الاتفاق خطوة مهمة", "indirect:object")
        assert _content("قال باراك أوباما الاتفاق خطوة مهمة.", C.object_phrase) is None  # قال takes no object

    @pytest.mark.parametrize("body, content", [
        ("أكد جون كيري أن الاتفاق جيد، معلنا عن زيارة قريبة.", "الاتفاق جيد"),
        ("أكد جون كيري أن الاتفاق جيد، أما بخصوص العقوبات فلا جديد.", "الاتفاق جيد"),
        ("أكد جون كيري أن الاتفاق جيد، في حين قال إن العقوبات باقية.", "الاتفاق جيد"),
        ("أكد جون كيري أن الاتفاق جيد كما نقلت الوكالة.", "الاتفاق جيد"),
        ("أكد جون كيري أن الاتفاق جيد بحسب الوكالة.", "الاتفاق جيد"),
        ("أكد جون كيري أن الاتفاق جيد. ثم غادر.", "الاتفاق جيد"),
    ])
    def test_clause_end(self, body, content):
        ctx = _ctx(body)
        s = next(k for k, n in enumerate(ctx.v.norm) if n == "ان") + 1
        e = C.clause_end(ctx, s)
        assert ctx.text[ctx.v.start[s]:ctx.v.end[e - 1]] == content


class TestOverlapPolicy:
    def test_quotes_are_exclusive(self):
        cue = Q.Cue(3, None, 0)
        sp = Q.Speaker(None, None, "named", 5, "named")
        assert Q.OVERLAP_POLICY == "exclusive"
        assert Q.resume_after(cue, sp, Q.Content("direct", 0, 0, 20, "direct:quotation_marks")) == 20
        assert Q.resume_after(cue, sp, Q.Content("indirect", 0, 0, 20, "indirect:complementiser")) == 20
        assert Q.resume_after(cue, sp, Q.Content("indirect", 0, 0, 3, "indirect:complementiser")) == 4

    def test_reported_speech_inside_indirect_content_is_part_of_it(self):
        ctx = _ctx("قال باراك أوباما إن جون كيري قال إن الاتفاق جيد.", upto="attribution")
        (a,) = ctx.quotes
        assert ctx.text[a.start:a.end] == "جون كيري قال إن الاتفاق جيد"

    def test_a_new_clause_ends_the_content_and_starts_a_quote(self):
        ctx = _ctx("قال باراك أوباما إن الاتفاق جيد، وقال جون كيري إن إيران ملتزمة.", upto="attribution")
        assert [ctx.text[q.start:q.end] for q in ctx.quotes] == ["الاتفاق جيد", "إيران ملتزمة"]


class TestWordLists:
    def test_lists_load(self):
        assert words("complementiser") == {"ان", "بان", "لان"}
        assert "الشركه" in words("org_noun") and "حتي" in words("noun_marker")
        assert ("كما", "نقلت") in tails() and ("بحسب",) in tails()

    def test_csv_is_validated(self):
        from analysis.lexicon import load_csv
        rows = load_csv("quote_words.csv", required=("word", "list", "gloss_en"), key=("word", "list"))
        assert {r["list"] for r in rows} == {"complementiser", "preposition", "circumstance", "tail", "contrast",
                                             "contrast_lead", "new_clause", "org_noun", "noun_marker",
                                             "addressee_cue", "auxiliary", "relative", "quoting", "source_noun",
                                             "clause_particle", "partitive", "circumstantial", "tail_source",
                                             "adverbial", "clause_opener", "negation", "honorific_subject",
                                             "object_noun", "document_noun", "naming_head",
                                             "construct_head", "coordinated_object", "temporal_conjunction", "saying_noun",
                                             "turn_lead", "adversative", "coordinated_complementiser",
                                             "consecutive", "anaphoric_subject", "self_word", "title_noun",
                                             "linking_adverb", "passive_cue", "chant_cue", "honorific_title"}
