"""A bound on sentence length: a "sentence" longer than :data:`MAX_SENTENCE_CHARS` is split at whitespace.

Text without sentence punctuation (a 5 MB single line, a table pasted as text) would otherwise be one sentence
of hundreds of thousands of tokens, which every per-sentence stage (NER features, themes, quotes) then handles in
one piece.  Each piece ends at the last whitespace before the bound (a hard cut at the bound when a piece has no
whitespace at all), and pieces are trimmed like sentences, so ``text[start:end]`` never starts or ends with
whitespace.  Ordinary sentences are returned unchanged.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

__all__ = ["MAX_SENTENCE_CHARS", "limit_spans"]

MAX_SENTENCE_CHARS = 10_000  # about 1,500-2,000 tokens of Arabic news text
_WS_RE = re.compile(r"\s+")


def limit_spans(text: str, spans: Iterable[tuple[int, int]], max_chars: int = MAX_SENTENCE_CHARS
                ) -> Iterator[tuple[int, int]]:
    """``spans`` (``(start, end)`` into ``text``) with every span longer than ``max_chars`` split at whitespace."""
    for start, end in spans:
        while end - start > max_chars:
            cut = start + max_chars
            gaps = [m for m in _WS_RE.finditer(text, start + 1, cut + 1)]
            if gaps:
                piece_end, start_next = gaps[-1].start(), gaps[-1].end()
            else:
                piece_end = start_next = cut
            yield start, piece_end
            start = start_next
            while start < end and text[start].isspace():
                start += 1
        if start < end:
            yield start, end
