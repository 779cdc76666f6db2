"""Page snippets for provenance: a crop of the PDF page around a paragraph, with the paragraph
outlined, as PNG bytes. Reads the PDF (an I/O edge, like the reader); rendering is pdfium's."""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageDraw

HIGHLIGHT_FILL = (240, 228, 66, 90)  # Okabe–Ito yellow, translucent
HIGHLIGHT_EDGE = (213, 94, 0, 255)  # Okabe–Ito vermillion


@dataclass(frozen=True)
class Box:
    """A rectangle in PDF points with the origin top-left, as paragraphs.parquet stores it."""

    x0: float
    top: float
    x1: float
    bottom: float


def paragraph_snippet(
    pdf: Path, page: int, box: Box, *, scale: float = 2.0, margin: float = 18.0
) -> bytes:
    """PNG of ``page`` (1-based) cropped to ``box`` plus ``margin`` points, ``box`` highlighted."""
    document = pdfium.PdfDocument(str(pdf))
    try:
        image = document[page - 1].render(scale=scale).to_pil().convert("RGBA")
    finally:
        document.close()
    width, height = image.size
    left = max(0, int((box.x0 - margin) * scale))
    upper = max(0, int((box.top - margin) * scale))
    right = min(width, int((box.x1 + margin) * scale))
    lower = min(height, int((box.bottom + margin) * scale))
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    outline = [box.x0 * scale - 4, box.top * scale - 4, box.x1 * scale + 4, box.bottom * scale + 4]
    draw.rectangle(outline, fill=HIGHLIGHT_FILL, outline=HIGHLIGHT_EDGE, width=3)
    cropped = Image.alpha_composite(image, overlay).crop((left, upper, right, lower))
    buffer = io.BytesIO()
    cropped.convert("RGB").save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def png_data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")
