"""Stellungnahmen-Analyse: statements on council motions → analysis-ready tables and reports."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("stellungnahmen-analyse")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0+unknown"
