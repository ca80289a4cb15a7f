"""Imported by the process pool's forkserver (``set_forkserver_preload``): load the parser's models and lexicons
once there, so that every worker forked from it starts warm and shares those pages with its siblings."""
from analysis.corpus.batch import warm_up

warm_up(freeze=True)
