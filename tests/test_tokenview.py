"""The one token view (analysis.extract.tokenview): columns as lists, the mention index, Tok by sentence."""
import dataclasses

import pytest

from analysis import parse_article
from analysis.extract.tokenview import Tok, TokenView, token_view, tokens_by_sentence


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
