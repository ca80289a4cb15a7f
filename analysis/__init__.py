"""Parse Arabic news articles into offset-exact tidy pandas tables.

>>> from analysis import parse_article
>>> art = parse_article("seeds/000_15d6e93d3754c312.txt")   # doctest: +SKIP
>>> art.tokens.head()                                        # doctest: +SKIP
"""
from __future__ import annotations

from analysis.article import FORMATS, TABLE_NAMES, Article, parse_article, read_tables
from analysis.names import romanize
from analysis.text.numbers import NumberMention, find_numbers
from analysis.text.reader import ArticleError

__version__ = "0.1.0"
__all__ = ["Article", "ArticleError", "FORMATS", "NumberMention", "TABLE_NAMES", "find_numbers", "parse_article",
           "read_tables", "romanize", "__version__"]
