"""The one token view (analysis.extract.tokenview): columns as lists, the mention index, Tok by sentence, the
copy the stages share, the positional look-ups."""
import dataclasses

import pandas as pd
import pytest

from analysis import parse_article
from analysis.extract.tokenview import Tok, TokenView, shared, token_column, token_view, tokens_by_sentence
from analysis.text.tokens import token_columns, tokenize


@pytest.fixture()
def art():
    return parse_article("عنوان\n\nقال باراك أوباما إن الاتفاق جيد. وغادر.\nثم عاد.", ner=False)


class TestColumns:
    def test_lists_follow_the_tokens_table(self, art):
        v = token_view(art.tokens)
        t = art.tokens
        assert len(v) == len(t)
        for field, col in (("text", "text"), ("norm", "norm"), ("start", "start"), ("end", "end"),
                           ("kind", "kind"), ("sentence", "sentence_id"), ("paragraph", "paragraph_id")):
            assert getattr(v, field) == t[col].tolist()

    def test_covers_the_entity_stage_token_fields(self):
        # analysis.extract.entities._Tokens: text, norm, start, end, kind, sentence
        fields = {f.name for f in dataclasses.fields(TokenView)}
        assert {"text", "norm", "start", "end", "kind", "sentence", "paragraph"} <= fields

    def test_no_mentions_no_index(self, art):
        v = token_view(art.tokens)
        assert v.mentions == [] and v.entity_type == {} and v.mention_at == [None] * len(v)


class TestMentionIndex:
    def test_token_to_mention(self, art):
        v = token_view(art.tokens, art.mentions)
        obama = v.text.index("باراك")
        m = v.mention_at[obama]
        assert m is not None and m["text"] == "باراك أوباما" and v.mention_at[obama + 1] is m
        assert v.mention_at[obama - 1] is None and v.mention_at[obama + 2] is None
        assert v.entity_type[int(m["entity_id"])] == "PERSON"
        assert len(v.mentions) == len(art.mentions)


class TestBySentence:
    def test_tok_records(self, art):
        by = tokens_by_sentence(art)
        assert sorted(by) == sorted(set(art.tokens["sentence_id"]))
        first = by[min(k for k in by if any(t.text == "قال" for t in by[k]))]
        assert first[0] == Tok("قال", art.text.index("قال"), art.text.index("قال") + 3, "قال", "word")
        assert sum(len(x) for x in by.values()) == len(art.tokens)


class TestShared:
    def test_views_share_one_copy_inside_and_not_after(self, art):
        with shared(art.tokens):
            a, b = token_view(art.tokens), token_view(art.tokens, art.mentions)
            assert a.text is b.text and a.start is b.start
            assert tokens_by_sentence(art) is tokens_by_sentence(art)
            assert a.text == art.tokens["text"].tolist()
        c = token_view(art.tokens)
        assert c.text is not a.text and c.text == a.text
        assert tokens_by_sentence(art) is not tokens_by_sentence(art)

    def test_given_lists_are_the_view(self, art):
        cols = {c: art.tokens[c].tolist() for c in art.tokens.columns}
        with shared(art.tokens, cols):
            assert token_view(art.tokens).norm is cols["norm"]
        other = art.tokens.copy()
        with shared(art.tokens, cols):
            assert token_view(other).norm is not cols["norm"]  # another table: read afresh

    def test_token_column(self, art):
        assert token_column(art.tokens, "stem") == art.tokens["stem"].tolist()
        with shared(art.tokens):
            stems = token_column(art.tokens, "stem")
            assert token_column(art.tokens, "stem") is stems and stems == art.tokens["stem"].tolist()
            assert token_column(art.tokens, "norm") is token_view(art.tokens).norm
        assert token_column(art.tokens, "stem") is not stems

    def test_parse_gives_the_same_tables_as_stages_run_alone(self, art):
        from analysis.extract.dates import extract_dates
        from analysis.extract.figures import extract_figures
        from analysis.schema import BaseTables
        base = BaseTables(art.text, art.article_id, None, art.paragraphs, art.sentences, art.tokens)
        pd.testing.assert_frame_equal(extract_dates(base), art.dates)
        pd.testing.assert_frame_equal(extract_figures(base, art.mentions, art.entities), art.figures)


class TestPositional:
    def test_mentions_in_is_every_mention_in_range(self, seed_article):
        v = token_view(seed_article.tokens, seed_article.mentions)
        starts = [m["start"] for m in v.mentions]
        assert len(starts) > 20
        bounds = [(None, 0), (None, len(seed_article.text)), (0, 10), (50, 10)]
        bounds += [(a, b) for a in starts[::7] for b in (a, a + 1, a + 300)] + [(a - 1, a) for a in starts[::5]]
        for lo, hi in bounds:
            want = [m for m in v.mentions if (lo is None or m["start"] >= lo) and m["start"] < hi]
            assert v.mentions_in(lo, hi) == want, (lo, hi)

    def test_unordered_mentions_give_all(self, seed_article):
        v = token_view(seed_article.tokens, seed_article.mentions)
        assert v.mentions_in(0, 1) == []
        v.mentions = list(reversed(v.mentions))  # a new list: the index is made again
        assert v.mentions_in(0, 1) is v.mentions  # not in start order: every mention (the caller filters)

    def test_first_offset(self, art):
        v = token_view(art.tokens)
        for i in range(len(v)):
            first = min(k for k in range(len(v)) if v.sentence[k] == v.sentence[i])
            assert v.first_offset(i) == v.start[first]
            para = min(k for k in range(len(v)) if v.paragraph[k] == v.paragraph[i])
            assert v.first_offset(i, "paragraph") == v.start[para]


def test_token_columns_are_tokenize():
    text = "قال: إن 1,497 جندياً (و390 آلية) من Italy’s army…"
    cols = token_columns(text, 2, len(text) - 1)
    toks = list(tokenize(text, 2, len(text) - 1))
    assert cols == ([t.text for t in toks], [t.start for t in toks], [t.end for t in toks], [t.kind for t in toks])
