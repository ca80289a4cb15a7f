"""Language knowledge as reviewed data: one validated loader for the CSVs in ``analysis/data/`` and the views
built on them (gazetteer, titles, cue verbs, hand translations)."""
