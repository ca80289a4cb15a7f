"""The one quotation-mark pairer (analysis.text.quotation): its two policies on small inputs."""
import pytest

from analysis.text import quotation as Q
from analysis.text.quotation import BALANCED, GREEDY, Mark, Quotation, pair_marks


def _balanced(text):
    return pair_marks(Q.char_marks(text), BALANCED)


def _greedy(paragraphs):
    """Token marks of paragraphs given as strings of one-character tokens (``a`` is a word)."""
    marks = []
    pos = 0
    for para, toks in enumerate(paragraphs, 1):
        for t in toks:
            if t in Q.QUOTE_MARKS:
                marks.append(Mark(pos, t, para))
            pos += 1
    return {q.open: q.close for q in pair_marks(marks, GREEDY)}


class TestMarkTable:
    def test_one_table(self):
        assert Q.QUOTE_MARKS == frozenset('"\u00AB\u00BB\u201C\u201D\u201E')
        assert Q.openers(BALANCED) == {"\u00AB": "\u00BB", "\u201C": "\u201D", '"': '"'}
        assert Q.openers(GREEDY) == {"\u00AB": "\u00BB", "\u201C": "\u201D", '"': '"', "\u201D": "\u201D",
                                     "\u201E": "\u201D"}

    def test_sentences_use_it(self):
        from analysis.text import sentences
        assert sentences.char_quotations is Q.char_quotations


class TestBalanced:
    @pytest.mark.parametrize("text, expected", [
        ('a "b" c', [(2, 4)]),
        ("a «b “c” d» e", [(2, 10), (5, 7)]),  # nested
        ('a "b', []),  # an odd number of straight quotes: ignored
        ("«a", []),  # an opening mark without its closing mark: ignored
        ("\u201Ea\u201D", []),  # „ does not open here; ” alone does not balance “
        ("»a«", [(2, None)]),  # balanced counts, but the » comes first: the « stays open to the end
        ('«a "b" c»', [(0, 8), (3, 5)]),  # straight quotes pair on their own inside guillemets
    ])
    def test_pairs(self, text, expected):
        assert _balanced(text) == [Quotation(*e) for e in expected]

    def test_inside(self):
        text = 'قال "هذا مهم. جدا". ثم'
        qs = Q.char_quotations(text)
        assert qs == [(4, 17)]
        assert Q.inside(qs, text.index(".") + 1) and not Q.inside(qs, text.index(".", 18) + 1)
        assert not Q.inside(qs, 4) and Q.inside(qs, 17)  # after the opening mark, up to the closing mark

    def test_unclosed_runs_to_span_end(self):
        assert Q.char_quotations("»a«b", 0, 4) == [(2, 4)]


class TestGreedy:
    @pytest.mark.parametrize("paragraphs, expected", [
        (["a«aa»a"], {1: 4}),
        (['a«a"a»'], {1: 5}),  # flat: the straight quote inside is not a quotation of its own
        (["«a«a»a»"], {0: 4}),  # the first closing mark ends it; the last » is stray
        (["«a”"], {0: 2}),  # any closing-style mark closes
        (["”aa”"], {0: 3}),  # ” opens too
        (["„aa”"], {0: 3}),
        (['"aa', 'aa"a'], {0: 5}),  # left open: closes at the next paragraph's unpaired "
        (['"aa', 'a"a"a'], {4: 6}),  # the next paragraph's quotes pair among themselves
        (["«aa", "aa»a"], {0: 5}),  # the next paragraph's first mark can only close it
        (["«aa", "a«a»"], {4: 6}),  # it opens a quotation of its own
        (["«aa", "a", "a»"], {}),  # only the next paragraph
        (['a"a'], {}),
    ])
    def test_pairs(self, paragraphs, expected):
        assert _greedy(paragraphs) == expected


class TestApostrophes:
    """``pair_apostrophes``: runs of one or two apostrophes, an opening glued to the next word, a closing to the
    previous one; same size, same paragraph; a run glued on both sides or on neither is no mark."""

    @staticmethod
    def _pairs(text, para=None):
        import re
        runs = [(m.start(), m.end(), (para or {}).get(m.start(), 0)) for m in re.finditer("'{1,2}", text)]
        return [(runs[a][0], runs[b][0]) for a, b in Q.pair_apostrophes(text, runs)]

    @pytest.mark.parametrize("text, expected", [
        ("قال 'إن العمل مستمر'.", [(4, 19)]),
        ("قال ''العمل مستمر''، وأضاف", [(4, 17)]),
        ("دعا حسين' زعيم الاغلبية' الي", []),  # two closings: a comma substitute
        ("قال ''العمل مستمر'.", []),  # sizes differ
        ("قال 'العمل", []),  # never closed
    ])
    def test_pairs(self, text, expected):
        assert self._pairs(text) == expected

    def test_same_paragraph_only(self):
        text = "قال 'العمل مستمر. وأضاف الأمر' جيد"
        assert self._pairs(text, {4: 1, 30: 2}) == []
