"""Stellungnahmen-Analyse: statements on council motions → analysis-ready tables and reports."""

from importlib.metadata import PackageNotFoundError, version

PACKAGE = "stellungnahmen-analyse"
UNKNOWN = "0.0.0+unknown"

try:
    __version__ = version(PACKAGE)
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = UNKNOWN
