"""Fetch motions and the statements on them from a council information system (OParl).

``statements fetch --oparl URL --out FOLDER`` walks an OParl 1.0/1.1 interface (System →
Body → paginated Paper list), selects motions, downloads their files and the statements that
belong to them, and writes ``motions.csv`` and ``files.csv`` beside the PDFs so that ingest
ties every fetched statement to its motion without guessing. The server is not trusted.
"""
