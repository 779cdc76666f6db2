"""Text folding shared by the field parsers that compare words regardless of spelling."""

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lower-case, transliterate umlauts and drop accents so `Grüßen` equals `Gruessen`.
    Cached: the field parsers fold the same lines again and again."""
    text = unicodedata.normalize("NFC", text).casefold()
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue")):
        text = text.replace(umlaut, plain)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))
