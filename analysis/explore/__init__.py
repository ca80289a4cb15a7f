"""Tested building blocks for the notebooks: one module per question the notebooks answer.

Notebooks stay thin: they tell a story with these functions, which take an :class:`analysis.Article`'s tables and
return DataFrames (logical-order Arabic, never reshaped) or HTML fragments (escaped).
"""
