"""Stellungnahmen-Analyse: statements on council motions → analysis-ready tables and reports."""

PACKAGE = "stellungnahmen-analyse"
# The one place of the version (pyproject.toml reads it): asking the installed package's
# metadata costs a quarter of the start-up time of a command that has nothing to do.
__version__ = "0.1.0"
