"""Hostile PDFs written byte by byte: decompression bombs, huge and cyclic page trees, deep
nesting, reference cycles, object and cross-reference streams, active content.

No PDF library is used (none may be added for this): objects are byte strings, ``pdf`` lays
them out with a classic cross-reference table, ``repack`` moves a real PDF's objects into an
object stream with a cross-reference stream (PDF 1.5), which the damage cases then break.
"""

from __future__ import annotations

import functools
import re
import zlib

TEXT = (
    "Stellungnahme zum Beschlussantrag BA-999/2024",
    "Sehr geehrte Damen und Herren,",
    "wir unterstützen den Antrag und bitten um eine eigenständige Strategie.",
    "Die Verwaltung soll bis zum Jahresende einen Bericht vorlegen.",
    "Mit freundlichen Grüßen",
)
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
MEDIABOX = b"[0 0 595 842]"


def pdf(objects: dict[int, bytes], root: int = 1, version: bytes = b"1.4") -> bytes:
    """A PDF of ``objects`` (number → body between ``obj`` and ``endobj``) with an xref table."""
    out = bytearray(b"%PDF-" + version + b"\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        if number in offsets:
            out += b"%010d 00000 n \n" % offsets[number]
        else:
            out += b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, root, xref)
    return bytes(out)


def stream(data: bytes, entries: bytes = b"") -> bytes:
    """A stream object's body with ``/Length`` set to the data's length."""
    return b"<< %s /Length %d >>\nstream\n%s\nendstream" % (entries, len(data), data)


def text_content(lines: tuple[str, ...] = TEXT, top: int = 770) -> bytes:
    """A content stream that shows ``lines`` in Helvetica, one per line."""
    ops = [b"BT /F1 11 Tf 14 TL 72 %d Td" % top]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(b"(" + escaped.encode("cp1252") + b") Tj T*")
    ops.append(b"ET")
    return b"\n".join(ops)


def page(contents: bytes = b"5 0 R", extra: bytes = b"", parent: int = 2) -> bytes:
    return (
        b"<< /Type /Page /Parent %d 0 R /MediaBox %s /Resources << /Font << /F1 4 0 R >> %s >> "
        b"/Contents %s >>" % (parent, MEDIABOX, extra, contents)
    )


def letter(content: bytes | None = None, **catalog: bytes) -> dict[int, bytes]:
    """The objects of a one-page letter: 1 catalog, 2 pages, 3 page, 4 font, 5 content."""
    entries = b" ".join(b"/%s %s" % (k.encode(), v) for k, v in catalog.items())
    return {
        1: b"<< /Type /Catalog /Pages 2 0 R %s >>" % entries,
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: page(),
        4: FONT,
        5: stream(text_content() if content is None else content),
    }


# ------------------------------------------------------------------------ decompression bombs


@functools.cache
def zero_deflate(megabytes: int, bad_checksum: bool = False) -> bytes:
    """A zlib stream that inflates to ``megabytes`` MiB of zero bytes (about 1 KB per MiB).

    Built from one fully flushed block repeated, so a bomb of gigabytes costs nothing to make.
    """
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(b"\0" * (1 << 20)) + compressor.flush(zlib.Z_FULL_FLUSH)
    adler = (((megabytes << 20) % 65521) << 16) | 1  # Adler-32 of zeros: a = 1, b = length
    if bad_checksum:
        adler ^= 0x5A5A5A5A
    return b"\x78\xda" + block * megabytes + b"\x03\x00" + adler.to_bytes(4, "big")


def bomb(megabytes: int, layers: int = 1, bad_checksum: bool = False) -> bytes:
    """A FlateDecode stream body (``layers`` times compressed) inflating to ``megabytes`` MiB."""
    data = zero_deflate(megabytes, bad_checksum)
    for _ in range(layers - 1):
        data = zlib.compress(data, 9)
    filters = b"[" + b" /FlateDecode" * layers + b" ]"
    return stream(data, b"/Filter " + filters)


def content_bomb(megabytes: int, layers: int = 2, bad_checksum: bool = False) -> bytes:
    """A page whose content stream inflates to ``megabytes`` MiB."""
    objects = letter()
    objects[5] = bomb(megabytes, layers, bad_checksum)
    return pdf(objects)


def xobject_bomb(megabytes: int, layers: int = 2) -> bytes:
    """Readable text, plus a form XObject drawn on the page whose stream is a bomb."""
    objects = letter(text_content() + b"\n/X1 Do")
    objects[3] = page(extra=b"/XObject << /X1 6 0 R >>")
    objects[6] = bomb(megabytes, layers).replace(
        b"<< /Filter", b"<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Filter", 1
    )
    return pdf(objects)


# ------------------------------------------------------------------------------ page trees


def pages_count_lie(count: int = 1_000_000) -> bytes:
    """One page, but the page tree claims ``count``."""
    objects = letter()
    objects[2] = b"<< /Type /Pages /Kids [3 0 R] /Count %d >>" % count
    return pdf(objects)


def pages_dag(fanout: int = 10, depth: int = 6) -> bytes:
    """A page tree of ``depth`` levels whose nodes list the same child ``fanout`` times:
    ``fanout ** depth`` pages if the tree were walked naively, one page object in the file."""
    objects = letter()
    first = 10
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join([b"%d 0 R" % first] * fanout),
        fanout**depth,
    )
    for level in range(depth - 1):
        number, child = first + level, first + level + 1
        objects[number] = b"<< /Type /Pages /Parent 2 0 R /Kids [%s] /Count %d >>" % (
            b" ".join([b"%d 0 R" % child] * fanout),
            fanout ** (depth - level - 1),
        )
    objects[first + depth - 1] = b"<< /Type /Pages /Parent 2 0 R /Kids [3 0 R] /Count 1 >>"
    return pdf(objects)


def pages_many(count: int) -> bytes:
    """``count`` distinct page objects sharing one content stream (about 100 bytes a page)."""
    objects = letter()
    first = 10
    kids = b" ".join(b"%d 0 R" % (first + i) for i in range(count))
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count)
    del objects[3]
    for i in range(count):
        objects[first + i] = page()
    return pdf(objects)


def pages_cycle() -> bytes:
    """A page tree that contains itself, through a child that lists its parent as a kid."""
    objects = letter()
    objects[2] = b"<< /Type /Pages /Kids [3 0 R 6 0 R 2 0 R] /Count 3 >>"
    objects[6] = b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 6 0 R] /Count 2 >>"
    return pdf(objects)


# ------------------------------------------------------------------------ nesting and cycles


def nested_arrays(depth: int) -> bytes:
    """A resource entry nested ``depth`` arrays deep."""
    objects = letter()
    objects[3] = page(extra=b"/Deep 6 0 R")
    objects[6] = b"[" * depth + b"1" + b"]" * depth
    return pdf(objects)


def nested_dicts(depth: int) -> bytes:
    objects = letter()
    objects[3] = page(extra=b"/ExtGState 6 0 R")
    objects[6] = b"<< /A " * depth + b"1" + b" >>" * depth
    return pdf(objects)


def reference_chain(length: int, cycle: bool = False) -> bytes:
    """``/Contents`` reaches the content stream through ``length`` indirect references, or
    (``cycle``) through references that loop forever."""
    objects = letter()
    first = 10
    objects[3] = page(contents=b"%d 0 R" % first)
    for i in range(length):
        target = first if cycle and i == length - 1 else first + i + 1
        objects[first + i] = b"%d 0 R" % target
    if not cycle:
        objects[first + length] = b"5 0 R"
    return pdf(objects)


def deep_graphics_state(depth: int) -> bytes:
    """A content stream that saves the graphics state ``depth`` times without restoring it."""
    return pdf(letter(b"q " * depth + text_content()))


def many_operators(count: int) -> bytes:
    """A content stream of ``count`` tiny text-showing operations (one character each)."""
    return pdf(letter(b"BT /F1 1 Tf 72 700 Td " + b"(x) Tj " * count + b"ET\n" + text_content()))


def huge_mediabox() -> bytes:
    """A page of a million points squared without text: what OCR would render."""
    objects = letter(b"0 0 m 10 10 l S")
    objects[3] = page().replace(MEDIABOX, b"[0 0 1000000 1000000]")
    return pdf(objects)


# --------------------------------------------------------------------------- active content


def active_content(marker: str) -> bytes:
    """JavaScript and a Launch action that would create ``marker`` if anything ran them."""
    js = f"app.launchURL('file://{marker}'); this.exportDataObject({{cName: 'x', nLaunch: 2}});"
    objects = letter(OpenAction=b"6 0 R", Names=b"<< /JavaScript 8 0 R >>")
    objects[6] = (
        b"<< /S /Launch /F << /F (/usr/bin/touch) >> /Win << /F (cmd.exe) /P (%s) >> "
        b"/Next 7 0 R >>" % marker.encode()
    )
    objects[7] = b"<< /S /JavaScript /JS (%s) >>" % js.encode()
    objects[8] = b"<< /Names [(a) 7 0 R] >>"
    objects[9] = stream(f"touch {marker}".encode(), b"/Type /EmbeddedFile")
    return pdf(objects)


def encrypt_garbage(variant: int) -> bytes:
    """A readable letter whose trailer names an encryption dictionary that makes no sense."""
    data = pdf(letter())
    encrypt = (
        b"/Encrypt << /Filter /Standard /V 99 /R 99 /O (x) /U (y) /P -1 >>",
        b"/Encrypt << /Filter /NoSuchHandler >>",
        b"/Encrypt << /Filter /Standard /V 4 /R 4 /Length 128 /CF << /StdCF << /CFM /Bogus >> >> "
        b"/StmF /StdCF /StrF /StdCF /O () /U () /P 0 >> /ID [(a) (b)]",
        b"/Encrypt 1 0 R",
    )[variant % 4]
    return data.replace(b"/Root 1 0 R", b"/Root 1 0 R " + encrypt, 1)


# ------------------------------------------------------------------ object and xref streams

OBJECT = re.compile(rb"(\d+) 0 obj\s*")


def split_objects(data: bytes) -> dict[int, bytes]:
    """The objects of a PDF that ``pdf`` or reportlab wrote (uncompressed xref, direct
    ``/Length``): number → body."""
    objects = {}
    for match in OBJECT.finditer(data):
        start = match.end()
        head = data[start : start + 4096]
        length = re.search(rb"/Length (\d+)", head.split(b"stream", 1)[0])
        if length and b"stream" in head:
            begin = data.index(b"stream", start) + len(b"stream")
            begin += 2 if data[begin : begin + 2] == b"\r\n" else 1
            end = data.index(b"endobj", begin + int(length.group(1)))
        else:
            end = data.index(b"endobj", start)
        objects[int(match.group(1))] = data[start:end].strip()
    return objects


def trailer_entries(data: bytes) -> bytes:
    """``/Root`` and ``/Info`` of a PDF's (last) trailer."""
    trailer = data[data.rindex(b"trailer") :]
    found = re.findall(rb"/(?:Root|Info) \d+ \d+ R", trailer)
    return b" ".join(found)


def repack(data: bytes, damage: dict[str, bytes] | None = None) -> bytes:
    """``data`` as PDF 1.5: every non-stream object in one object stream, a cross-reference
    stream instead of the table. ``damage`` replaces parts: ``n``, ``first``, ``header``,
    ``objstm`` (the compressed data), ``extends``, ``w``, ``index``, ``prev``."""
    damage = damage or {}
    objects = split_objects(data)
    packed = sorted(n for n, body in objects.items() if b"stream" not in body)
    loose = sorted(n for n in objects if n not in packed)
    header = b" ".join(b"%d %d" % pair for pair in _offsets(objects, packed))
    body = b"\n".join(objects[n] for n in packed)
    header = damage.get("header", header)
    raw = header + b"\n" + body
    compressed = damage.get("objstm", zlib.compress(raw))
    objstm_no, xref_no = max(objects) + 1, max(objects) + 2
    entries = b"/Type /ObjStm /N %s /First %s /Filter /FlateDecode %s" % (
        damage.get("n", b"%d" % len(packed)),
        damage.get("first", b"%d" % (len(header) + 1)),
        damage.get("extends", b""),
    )
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number, body_ in [
        *((n, objects[n]) for n in loose),
        (objstm_no, stream(compressed, entries)),
    ]:
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body_)
    offsets[xref_no] = len(out)
    rows = [b"\x00\x00\x00\x00\x00\xff\xff"]
    for number in range(1, xref_no + 1):
        if number in offsets:
            rows.append(b"\x01" + offsets[number].to_bytes(4, "big") + b"\x00\x00")
        elif number in packed:
            rows.append(
                b"\x02" + objstm_no.to_bytes(4, "big") + packed.index(number).to_bytes(2, "big")
            )
        else:
            rows.append(b"\x00\x00\x00\x00\x00\xff\xff")
    xref = zlib.compress(b"".join(rows))
    entries = b"/Type /XRef /Size %d /W %s %s %s %s /Filter /FlateDecode" % (
        xref_no + 1,
        damage.get("w", b"[1 4 2]"),
        damage.get("index", b""),
        damage.get("prev", b"").replace(b"SELF", b"%d" % offsets[xref_no]),
        trailer_entries(data),
    )
    out += b"%d 0 obj\n%s\nendobj\n" % (xref_no, stream(xref, entries))
    out += b"startxref\n%d\n%%%%EOF\n" % offsets[xref_no]
    return bytes(out)


def _offsets(objects: dict[int, bytes], packed: list[int]) -> list[tuple[int, int]]:
    pairs, position = [], 0
    for number in packed:
        pairs.append((number, position))
        position += len(objects[number]) + 1
    return pairs
