"""Turn statement PDFs into text, paragraphs, sentences and metadata."""
