"""Extraction stages: entities and mentions, quotes, figures, themes and dates, run in order by
:func:`analysis.extract.pipeline.extract_all`."""
