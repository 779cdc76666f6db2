"""Who argues what: position and stance of every statement with verbatim evidence, argument
clusters, form letters and endorsements (see ``docs/positions.md``).

``analyze(processed, codebook=None)`` is the stage behind ``statements analyze``;
``evaluate.run(...)`` the one behind ``statements evaluate``.
"""
