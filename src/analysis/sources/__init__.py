"""Where statements come from before ingest: a council information system (OParl) and the
motions register.

``statements fetch --oparl URL --out FOLDER`` walks an OParl 1.0/1.1 interface (System →
Body → paginated Paper list), selects motions, downloads their files and the statements that
belong to them, and writes ``motions.csv`` and ``files.csv`` beside the PDFs (``register``),
so that ingest ties every fetched statement to its motion without guessing. This is the only
network code of the package, run only on request; the server is not trusted.
"""

# Paper types and attachment names that mark a statement (``fetch --statement-type``).
STATEMENT_PATTERN = r"stellungnahme|einwendung|anregung|eingabe|position"
