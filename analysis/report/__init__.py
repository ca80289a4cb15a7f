"""The HTML report: execute the notebooks for each article and render reader and code pages plus an index
(:mod:`analysis.report.build`)."""
