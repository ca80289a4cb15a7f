import pytest

from analysis import parse_article
from analysis.text.layout import read_layout


class TestSeedPage:
    def test_metadata(self, seed_article):
        a = seed_article.article.iloc[0]
        assert a["headline"] == "الكاظمي يتحدث عن أخطر تحد يواجه حكومته"
        assert a["published_at"] == "2020-09-28T22:26"
        assert a["views"] == 346
        assert a["n_paragraphs"] == 20 and a["n_body_paragraphs"] == 14

    def test_paragraph_kinds(self, seed_article):
        kinds = seed_article.paragraphs.set_index("paragraph_id")["kind"].to_dict()
        assert [kinds[i] for i in range(1, 6)] == ["boilerplate", "boilerplate", "headline", "meta", "meta"]
        assert kinds[12] == "subheading"
        assert [i for i, k in kinds.items() if k == "body"] == [6, 7, 8, 9, 10, 11] + list(range(13, 21))

    def test_sections(self, seed_article):
        p = seed_article.paragraphs.set_index("paragraph_id")
        assert p.loc[12, "text"] == "في مقدمة داعمي العراق"
        assert (p.loc[6:11, "section_id"] == 0).all() and p.loc[6:11, "section"].isna().all()
        assert (p.loc[12:20, "section_id"] == 1).all()
        assert (p.loc[13:20, "section"] == "في مقدمة داعمي العراق").all()

    def test_meta_spans_exclude_bullets(self, seed_article):
        p = seed_article.paragraphs.set_index("paragraph_id")
        assert p.loc[4, "text"] == "28-09-2020, 22:26" and p.loc[5, "text"] == "346 مشاهدة"


BODY = "وبحث الكاظمي مع وزير الدفاع الايطالي تعزيز التعاون بين بلديهما.\nوأكد حرص حكومته على تعزيز أمن البعثات."
HEAD = "الكاظمي يتحدث عن أخطر تحد يواجه حكومته"


class TestVariants:
    @pytest.mark.parametrize("meta, published_at, views", [
        ("  • 28-09-2020, 22:26\n  • 346 مشاهدة", "2020-09-28T22:26", 346),
        ("• ٢٨-٠٩-٢٠٢٠، ٢٢:٢٦\n• ١٬٣٤٦ مشاهدة", "2020-09-28T22:26", 1346),
        ("28/09/2020", "2020-09-28", None),
        ("28 سبتمبر 2020", "2020-09-28", None),
        ("الاثنين 28 أيلول 2020 - 10:26 م", "2020-09-28T22:26", None),
        ("2020-09-28 22:26\nعدد المشاهدات: 90", "2020-09-28T22:26", 90),
        ("346 views", None, 346),
    ])
    def test_meta_formats(self, meta, published_at, views):
        layout = read_layout(f"×\n\nأخر الأخبار\n\n{HEAD}\n\n{meta}\n\n{BODY}\n")
        assert layout.headline == HEAD
        assert layout.published_at == published_at
        assert layout.views == views

    def test_plain_article_headline_blank_body(self):
        layout = read_layout(f"{HEAD}\n\n{BODY}\n")
        assert layout.headline == HEAD
        assert layout.published_at is None and layout.views is None
        assert [p.kind for p in layout.paragraphs] == ["headline", "body", "body"]

    def test_nothing_found_is_null_not_guessed(self):
        art = parse_article(f"{HEAD}\n\n{BODY}\n")
        a = art.article.iloc[0]
        assert a["published_at"] is None or a["published_at"] != a["published_at"] or str(a["published_at"]) == "nan"
        assert art.article["views"].isna().all() and art.article["published_at"].isna().all()

    def test_byline_is_meta(self):
        layout = read_layout(f"{HEAD}\n\nداليا أبوالعيش – عين اليوم\n{BODY}\n")
        assert [p.kind for p in layout.paragraphs] == ["headline", "meta", "body", "body"]
        assert layout.byline == "داليا أبوالعيش – عين اليوم"
        assert layout.byline_paragraph_id == 2

    def test_byline_is_read_for_its_names_not_counted_as_words(self):
        """A dateline or byline under the headline is a sentence of its own: its place, outlet and writer are
        mentions; the article's word count leaves it out."""
        with_line = parse_article(f"{HEAD}\n\nالقاهرة - محمد علي\n{BODY}\n")
        without = parse_article(f"{HEAD}\n\n{BODY}\n")
        s = with_line.sentences
        assert "meta" in set(s["paragraph_kind"]) and len(s) == len(without.sentences) + 1
        assert "القاهرة" in set(with_line.mentions["text"])
        assert with_line.article.at[0, "n_words"] == without.article.at[0, "n_words"]

    def test_subheading_opens_section(self):
        layout = read_layout(f"{HEAD}\n\n{BODY}\nفي مقدمة داعمي العراق\n{BODY}\n")
        kinds = [p.kind for p in layout.paragraphs]
        assert kinds == ["headline", "body", "body", "subheading", "body", "body"]
        assert [p.section_id for p in layout.paragraphs] == [0, 0, 0, 1, 1, 1]

    def test_short_last_line_is_body(self):
        layout = read_layout(f"{HEAD}\n\n{BODY}\nانتهى الاجتماع\n")
        assert layout.paragraphs[-1].kind == "body"
