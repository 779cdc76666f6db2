"""Seeded fuzz cases: mutations of real statement PDFs and hostile hand-written PDFs.

Case ``i`` of a seed depends only on the seed, ``i`` and the base PDFs, so the first 26 cases
of a 1,000-case benchmark run are exactly the fast sample the test suite runs. Families take
turns (case ``i`` belongs to ``FAMILIES[i % len(FAMILIES)]``), so every sample of at least
``len(FAMILIES)`` cases covers every family.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.hardening import rawpdf

STREAM = re.compile(rb"stream\r?\n(.*?)endstream", re.DOTALL)
LENGTH = re.compile(rb"/Length \d+")
# What the JavaScript and Launch cases would create if a reader ever ran them.
MARKER = Path("/tmp/statements-fuzz-was-executed")
KEYWORDS = (
    b"endobj", b"endstream", b"stream", b" obj", b" R", b"/Type", b"/Page", b"/Pages", b"/Kids",
    b"/Contents", b"/Font", b"/Resources", b"BT", b"ET", b"Tj", b"TJ", b"Tf", b"<<", b">>", b"[",
    b"]", b"(", b")", b"/Filter", b"/FlateDecode", b"xref", b"trailer", b"startxref",
)  # fmt: skip


@dataclass(frozen=True)
class Base:
    """A real PDF to mutate."""

    name: str
    data: bytes


@dataclass(frozen=True)
class Case:
    """One fuzz input: the file name it is written under, its family and its bytes."""

    name: str
    family: str
    variant: str
    data: bytes


Mutation = Callable[[random.Random, Base], tuple[str, bytes]]


def load_bases(folder: Path, limit: int | None = None) -> list[Base]:
    """The PDFs in ``folder`` (sorted by name), as mutation bases."""
    paths = sorted(folder.glob("*.pdf"))[:limit]
    return [Base(p.stem, p.read_bytes()) for p in paths]


def cases(seed: int, count: int, bases: Sequence[Base], start: int = 0) -> list[Case]:
    """Cases ``start`` … ``start + count - 1`` of ``seed``."""
    return [case(seed, i, bases) for i in range(start, start + count)]


def case(seed: int, index: int, bases: Sequence[Base]) -> Case:
    rng = random.Random(f"{seed}:{index}")
    family, mutate = FAMILIES[index % len(FAMILIES)]
    base = bases[rng.randrange(len(bases))]
    variant, data = mutate(rng, base)
    return Case(f"{index:04d}-{family}-{variant}.pdf", family, variant, data)


# ---------------------------------------------------------------------- mutations of real PDFs


def flip(rng: random.Random, base: Base) -> tuple[str, bytes]:
    """XOR random bytes anywhere in the file."""
    data = bytearray(base.data)
    count = rng.choice((1, 4, 16, 64, 256))
    for _ in range(count):
        data[rng.randrange(len(data))] ^= rng.randrange(1, 256)
    return f"{count}", bytes(data)


def flip_streams(rng: random.Random, base: Base) -> tuple[str, bytes]:
    """XOR random bytes inside compressed stream data (content, fonts)."""
    data = bytearray(base.data)
    spans = [m.span(1) for m in STREAM.finditer(base.data) if m.end(1) - m.start(1) > 8]
    count = rng.choice((1, 3, 10, 30))
    for _ in range(count):
        start, end = rng.choice(spans)
        data[rng.randrange(start, end)] ^= rng.randrange(1, 256)
    return f"{count}", bytes(data)


def truncate(rng: random.Random, base: Base) -> tuple[str, bytes]:
    """Cut the file: anywhere, in its first kilobytes, or just its tail (xref, trailer)."""
    size = len(base.data)
    how = rng.choice(("anywhere", "head", "tail"))
    keep = {
        "anywhere": rng.randrange(size),
        "head": rng.randrange(1, 2048),
        "tail": size - rng.randrange(1, 1500),
    }[how]
    return how, base.data[:keep]


def chunks(rng: random.Random, base: Base) -> tuple[str, bytes]:
    """Delete, duplicate, insert random bytes, or move a chunk."""
    data = base.data
    start = rng.randrange(len(data))
    length = rng.choice((1, 16, 256, 4096))
    piece = data[start : start + length]
    at = rng.randrange(len(data))
    how = rng.choice(("delete", "duplicate", "insert", "move"))
    if how == "delete":
        return how, data[:start] + data[start + length :]
    if how == "duplicate":
        return how, data[:at] + piece + data[at:]
    if how == "insert":
        return how, data[:at] + rng.randbytes(length) + data[at:]
    rest = data[:start] + data[start + length :]
    return how, rest[:at] + piece + rest[at:]


def xref_damage(rng: random.Random, base: Base) -> tuple[str, bytes]:
    """Garble the cross-reference table, drop it, or point ``startxref`` elsewhere."""
    data = base.data
    xref = data.rfind(b"xref\n")
    trailer = data.rfind(b"trailer")
    how = rng.choice(("garble", "drop", "startxref"))
    if how == "garble" and 0 <= xref < trailer:
        table = bytearray(data[xref:trailer])
        for _ in range(rng.choice((1, 5, 50))):
            position = rng.randrange(5, len(table))
            if chr(table[position]).isdigit():
                table[position] = ord(str(rng.randrange(10)))
        return how, data[:xref] + bytes(table) + data[trailer:]
    if how == "drop" and 0 <= xref < trailer:
        return how, data[:xref] + data[trailer:]
    pointer = rng.choice((0, 1, len(data) * 10, rng.randrange(len(data))))
    return "startxref", re.sub(rb"startxref\s+\d+", b"startxref\n%d" % pointer, data)


def length_lies(rng: random.Random, base: Base) -> tuple[str, bytes]:
    """Rewrite stream lengths: zero, slightly off, negative or enormous."""
    choices = (b"0", b"-1", b"999999999", b"1", None)

    def lie(match: re.Match) -> bytes:
        if rng.random() < 0.5:
            return match.group(0)
        value = rng.choice(choices)
        if value is None:
            value = b"%d" % (int(match.group(0).split()[1]) + rng.randrange(-20, 21))
        return b"/Length " + value

    return "lengths", LENGTH.sub(lie, base.data)


def keywords(rng: random.Random, base: Base) -> tuple[str, bytes]:
    """Replace PDF keywords and delimiters with other ones."""
    data = base.data
    count = rng.choice((1, 5, 25))
    for _ in range(count):
        old, new = rng.choice(KEYWORDS), rng.choice(KEYWORDS)
        spots = [m.start() for m in re.finditer(re.escape(old), data)]
        if spots:
            at = rng.choice(spots)
            data = data[:at] + new + data[at + len(old) :]
    return f"{count}", data


def header(rng: random.Random, base: Base) -> tuple[str, bytes]:
    """Damage or move the ``%PDF-`` header, or make the file something else entirely."""
    data = base.data
    how = rng.choice(("version", "junk-before", "far-junk", "gone", "random", "empty", "html"))
    if how == "version":
        return how, b"%PDF-" + rng.choice((b"9.9", b"", b"1.\xff", b"x" * 300)) + data[8:]
    if how == "junk-before":
        return how, rng.randbytes(rng.randrange(1, 900)) + data
    if how == "far-junk":
        return how, rng.randbytes(2000) + data
    if how == "gone":
        return how, data[8:]
    if how == "random":
        return how, rng.randbytes(rng.choice((1, 100, 10_000)))
    if how == "empty":
        return how, b""
    return how, b"<html><script>alert(1)</script>%PDF-1.4</html>"


def object_streams(rng: random.Random, base: Base) -> tuple[str, bytes]:
    """The PDF repacked into an object stream with a cross-reference stream, then damaged."""
    how = rng.choice(
        ("intact", "n", "first", "header", "data", "extends", "w", "index", "prev", "bomb")
    )
    damage = {
        "intact": {},
        "n": {"n": rng.choice((b"0", b"-3", b"100000", b"1"))},
        "first": {"first": rng.choice((b"0", b"-1", b"999999", b"7"))},
        "header": {"header": rng.choice((b"1 0 2 99999", b"x y z", b"-1 -1", b"1 0 1 0 1 0"))},
        "data": {"objstm": rng.randbytes(rng.choice((0, 10, 500)))},
        "extends": {"extends": b"/Extends %d 0 R" % rng.choice((1, 999))},
        "w": {"w": rng.choice((b"[1 99 1]", b"[0 0 0]", b"[-1 4 2]", b"[1 4]", b"7"))},
        "index": {"index": rng.choice((b"/Index [0 999999]", b"/Index [5 -2]", b"/Index [x]"))},
        "prev": {"prev": b"/Prev SELF"},
        "bomb": {"objstm": rawpdf.zero_deflate(rng.choice((512, 2048)))},
    }[how]
    return how, rawpdf.repack(base.data, damage)


# --------------------------------------------------------------------- hostile constructions


def bombs(rng: random.Random, _base: Base) -> tuple[str, bytes]:
    """FlateDecode streams that inflate to gigabytes."""
    how = rng.choice(("content", "double", "xobject", "bad-checksum"))
    gigabytes = rng.choice((1, 2, 4, 8))
    if how == "content":
        return f"content-{gigabytes}g", rawpdf.content_bomb(1024 * min(gigabytes, 2), layers=1)
    if how == "double":
        return f"double-{gigabytes}g", rawpdf.content_bomb(1024 * gigabytes, layers=2)
    if how == "xobject":
        return f"xobject-{gigabytes}g", rawpdf.xobject_bomb(1024 * gigabytes)
    return "bad-checksum", rawpdf.content_bomb(1024, layers=2, bad_checksum=True)


def page_trees(rng: random.Random, _base: Base) -> tuple[str, bytes]:
    """Page trees that claim a million pages, hold thousands, or contain themselves."""
    how = rng.choice(("count", "dag", "many", "cycle"))
    if how == "count":
        return how, rawpdf.pages_count_lie(rng.choice((10**6, 2**31 - 1, -5)))
    if how == "dag":
        return how, rawpdf.pages_dag(fanout=10, depth=rng.choice((3, 6, 9)))
    if how == "many":
        count = rng.choice((2_500, 5_000, 20_000))
        return f"many-{count}", rawpdf.pages_many(count)
    return how, rawpdf.pages_cycle()


def nesting(rng: random.Random, _base: Base) -> tuple[str, bytes]:
    """Deeply nested arrays and dictionaries, long and cyclic reference chains, deep
    graphics-state stacks and huge operator counts."""
    how = rng.choice(("arrays", "dicts", "chain", "cycle", "graphics-state", "operators"))
    if how == "arrays":
        return how, rawpdf.nested_arrays(rng.choice((1_000, 100_000, 1_000_000)))
    if how == "dicts":
        return how, rawpdf.nested_dicts(rng.choice((1_000, 50_000)))
    if how == "chain":
        return how, rawpdf.reference_chain(rng.choice((100, 10_000)))
    if how == "cycle":
        return how, rawpdf.reference_chain(rng.choice((1, 2, 50)), cycle=True)
    if how == "graphics-state":
        return how, rawpdf.deep_graphics_state(rng.choice((10_000, 500_000)))
    return how, rawpdf.many_operators(rng.choice((10_000, 100_000)))


def active(rng: random.Random, _base: Base) -> tuple[str, bytes]:
    """JavaScript, Launch actions, embedded files, nonsense encryption, oversized pages."""
    how = rng.choice(("javascript", "encrypt", "mediabox"))
    if how == "javascript":
        return how, rawpdf.active_content(str(MARKER))
    if how == "encrypt":
        variant = rng.randrange(4)
        return f"encrypt-{variant}", rawpdf.encrypt_garbage(variant)
    return how, rawpdf.huge_mediabox()


FAMILIES: tuple[tuple[str, Mutation], ...] = (
    ("flip", flip),
    ("bomb", bombs),
    ("truncate", truncate),
    ("pages", page_trees),
    ("streams", flip_streams),
    ("nesting", nesting),
    ("chunks", chunks),
    ("objstm", object_streams),
    ("xref", xref_damage),
    ("active", active),
    ("lengths", length_lies),
    ("keywords", keywords),
    ("header", header),
)
