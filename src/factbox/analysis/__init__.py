"""Corpus analysis: concordances, frequency lists, keywords and collocations.

The statistics live in :mod:`factbox.analysis.stats` as pure functions of counts, each with its
formula and source in ``docs/statistics.md``.
"""
