"""Test suite; a package so that tests can import the helpers in ``tests/pdfbuild.py``."""
