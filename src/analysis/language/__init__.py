"""How hard a text is to read, the glossary of terms, and plain-language sentences: what makes
the reports understandable for readers who are not at home in administrative German."""
