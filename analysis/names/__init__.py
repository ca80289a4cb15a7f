"""English names for Arabic ones: :func:`romanize` (lexicon of known names, then a model for the rest)."""
from analysis.names.spelling import romanize

__all__ = ["romanize"]
