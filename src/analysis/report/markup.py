"""Small HTML builders for the report: every value is escaped unless it is already ``Markup``.

Text from the PDFs reaches the page only through :func:`esc` (directly or inside these builders),
so a statement that contains ``<script>`` shows the characters and runs nothing. Tables get a
caption and ``<th scope>`` headers; links may only be relative (no scheme, no ``javascript:``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence

import pandas as pd
from markupsafe import Markup, escape

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def esc(value, missing: str = "–") -> Markup:
    """Escaped text; ``None`` and NaN become ``missing``."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return Markup(escape(missing))
    return escape(value if isinstance(value, str) else str(value))


def join(parts: Iterable, sep: str = "\n") -> Markup:
    return Markup(sep).join(esc(p) for p in parts)


def tag(name: str, content="", **attrs) -> Markup:
    """``<name attr="…">content</name>``; ``_`` in attribute names is ``-``, ``class_`` is class."""
    rendered = "".join(
        f' {k.rstrip("_").replace("_", "-")}="{escape(str(v))}"'
        for k, v in attrs.items()
        if v is not None and v is not False
    )
    return Markup(f"<{name}{rendered}>{esc(content, missing='')}</{name}>")


def heading(level: int, text, id: str | None = None) -> Markup:
    return tag(f"h{level}", text, id=id)


def para(text, class_: str | None = None) -> Markup:
    return tag("p", text, class_=class_)


def note(text) -> Markup:
    """A highlighted remark: something is missing or needs attention."""
    return tag("p", text, class_="note")


def link(href: str | None, text) -> Markup:
    """A relative link, or the text alone when there is no target or the target has a scheme."""
    if not href or _SCHEME.match(href):
        return esc(text)
    return tag("a", text, href=href)


def bullet_list(items: Iterable, ordered: bool = False) -> Markup:
    rows = [tag("li", item) for item in items]
    return tag("ol" if ordered else "ul", join(rows)) if rows else Markup("")


def definitions(pairs: Iterable[tuple], class_: str | None = None) -> Markup:
    return tag("dl", join(Markup(tag("dt", k) + tag("dd", v)) for k, v in pairs), class_=class_)


def quote(text, source) -> Markup:
    """A verbatim quote with its source under it."""
    body = tag("p", Markup("„") + esc(text) + Markup("“"))
    return tag("blockquote", body + tag("footer", source), class_="evidence")


def table(
    frame: pd.DataFrame,
    caption,
    *,
    row_headers: bool = True,
    numeric: Sequence[str] = (),
    class_: str | None = None,
) -> Markup:
    """``frame`` as an HTML table; the first column heads its row when ``row_headers``."""
    head = tag(
        "tr",
        join(
            tag("th", c, scope="col", class_="num" if c in numeric else None) for c in frame.columns
        ),
    )
    rows = []
    for values in frame.itertuples(index=False):
        cells = []
        for i, (column, value) in enumerate(zip(frame.columns, values, strict=True)):
            cls = "num" if column in numeric else None
            if i == 0 and row_headers:
                cells.append(tag("th", value, scope="row", class_=cls))
            else:
                cells.append(tag("td", value, class_=cls))
        rows.append(tag("tr", join(cells)))
    return tag(
        "table",
        tag("caption", caption) + tag("thead", head) + tag("tbody", join(rows)),
        class_=class_,
    )


def figure(image_src: str, alt: str, caption, numbers: Markup | str = "") -> Markup:
    """An image with real alt text and a caption; ``numbers`` (its data table) follows it."""
    img = Markup(f'<img src="{escape(image_src)}" alt="{escape(alt)}">')
    return tag("figure", img + tag("figcaption", caption)) + Markup(numbers)


def number(value: float | int | None, digits: int = 0) -> str:
    """German number format: ``1.234,5``; ``–`` for missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{digits}f}"
    return text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")


def count(n: int, singular: str, plural: str) -> str:
    """A number with its noun in the right grammatical number: ``1 Stellungnahme``,
    ``2 Stellungnahmen`` (German takes the singular for one only, also ``1 von 5``)."""
    return f"{number(n)} {singular if n == 1 else plural}"


def percent(share: float | None, digits: int = 0) -> str:
    return "–" if share is None or share != share else f"{number(share * 100, digits)} %"


def german_date(iso: str) -> str:
    """``2026-03-02`` → ``02.03.2026``."""
    year, month, day = iso[:10].split("-")
    return f"{day}.{month}.{year}"
