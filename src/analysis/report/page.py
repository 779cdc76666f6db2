"""The HTML page around a report: ``lang="de"``, a real ``<title>``, a skip link, a table of
contents, inline CSS with focus and print styles, and a run-time stamp in one marked place.

nbconvert's ``basic`` template gives the notebook's body without any page around it (no
require.js, MathJax or CDN links); :func:`clean_fragment` removes whatever else could make a
request or run code, and :func:`page` wraps the result. Pure: strings in, string out.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from markupsafe import Markup, escape

STAMP_ID = "run-stamp"
_CELL_ID = re.compile(r"^cell-id=")
_REMOTE = re.compile(r"^\s*(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")
_FORBIDDEN = ("script", "link", "iframe", "object", "embed", "base", "meta", "style", "form")

CSS = """
:root { --text: #1a1a1a; --muted: #4a4a4a; --link: #0b57a4; --rule: #c8c8c8;
        --note: #fff4d6; --accent: #0072b2; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--text); background: #fff; font: 16px/1.5 "DejaVu Sans", Arial,
       sans-serif; }
main, header.page, footer.page { max-width: 62rem; margin: 0 auto; padding: 0 1.25rem; }
header.page { padding-top: 1rem; color: var(--muted); font-size: .9rem; }
footer.page { border-top: 1px solid var(--rule); margin-top: 3rem; padding-bottom: 2rem;
              color: var(--muted); font-size: .9rem; }
h1 { font-size: 1.9rem; line-height: 1.25; margin: .5rem 0 1rem; }
h2 { font-size: 1.45rem; margin: 2.5rem 0 .75rem; padding-top: .5rem;
     border-top: 3px solid var(--accent); }
h3 { font-size: 1.15rem; margin: 1.75rem 0 .5rem; padding-left: .5rem;
     border-left: 6px solid var(--accent); }
a { color: var(--link); text-underline-offset: .15em; }
a:focus-visible, main:focus-visible { outline: 3px solid #000; outline-offset: 2px;
     box-shadow: 0 0 0 5px #ffd84d; }
.skip-link { position: absolute; left: .5rem; top: -4rem; background: #000; color: #fff;
             padding: .5rem 1rem; z-index: 10; }
.skip-link:focus { top: .5rem; color: #fff; }
p.lead { font-size: 1.1rem; }
p.note { background: var(--note); border-left: 6px solid #8a5a00; padding: .6rem .9rem; }
nav.toc { background: #f4f6f8; padding: .5rem 1rem; margin: 1rem 0 2rem; }
nav.toc p { margin: .25rem 0; font-weight: bold; }
nav.toc ol { margin: .25rem 0; padding-left: 1.5rem; columns: 2; }
table { border-collapse: collapse; margin: 1rem 0 1.5rem; width: 100%; font-size: .92rem; }
caption { text-align: left; font-weight: bold; padding: .25rem 0 .5rem; }
th, td { border-bottom: 1px solid var(--rule); padding: .35rem .5rem; text-align: left;
         vertical-align: top; }
thead th { border-bottom: 2px solid var(--text); background: #f4f6f8; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.hashes td, table.hashes th { font-size: .8rem; word-break: break-all; }
table.compact { font-size: .8rem; }
table.compact th, table.compact td { padding: .3rem .3rem; overflow-wrap: break-word; }
th { hyphens: manual; }
figure { margin: 1.5rem 0 .5rem; }
figure img { max-width: 100%; height: auto; border: 1px solid var(--rule); }
figcaption { color: var(--muted); font-size: .9rem; }
blockquote.evidence { margin: .5rem 0 1rem; padding: .25rem 1rem; border-left: 4px solid
     var(--rule); background: #fafafa; }
blockquote.evidence p { margin: .25rem 0; }
blockquote.evidence footer { font-size: .88rem; color: var(--muted); }
cite { font-style: normal; }
article.statement { margin: 1rem 0 1.5rem; }
p.statement-head { margin: .25rem 0; }
.badge { background: #1a1a1a; color: #fff; padding: 0 .4rem; border-radius: .2rem;
         font-size: .85rem; }
pre.template { background: #f4f6f8; padding: .75rem; overflow-x: auto; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dt { font-weight: bold; } dd { margin: 0; }
@media print {
  body { font-size: 10.5pt; }
  .skip-link, nav.toc { display: none; }
  main, header.page, footer.page { max-width: none; padding: 0; }
  h2 { break-before: auto; break-after: avoid; }
  h3 { break-after: avoid; }
  figure, blockquote, tr, article.statement { break-inside: avoid; }
  a { color: inherit; }
  a[href]::after { content: " (" attr(href) ")"; font-size: .8em; word-break: break-all; }
  thead { display: table-header-group; }
}
"""


def clean_fragment(fragment: str) -> str:
    """Strip elements that could load or run anything, and nbconvert's random cell ids."""
    soup = BeautifulSoup(fragment, "html.parser")
    for element in soup.find_all(_FORBIDDEN):
        element.decompose()
    for element in soup.find_all(True):
        for attr in list(element.attrs):
            value = element.attrs[attr]
            if _unsafe(attr, str(value)):
                del element.attrs[attr]
        if element.name == "a" and "anchor-link" in (element.get("class") or []):
            element.decompose()
    return str(soup)


def with_heading_ids(fragment: str) -> str:
    """Give every h2 and h3 without an id one made from its text (unique in the page)."""
    soup = BeautifulSoup(fragment, "html.parser")
    used = {str(e["id"]) for e in soup.find_all(id=True)}
    for heading in soup.find_all(["h2", "h3"]):
        if heading.get("id"):
            continue
        base = re.sub(r"[^a-z0-9äöüß]+", "-", heading.get_text(" ", strip=True).lower()).strip("-")
        candidate, n = base or "abschnitt", 1
        while candidate in used:
            n += 1
            candidate = f"{base}-{n}"
        used.add(candidate)
        heading["id"] = candidate
    return str(soup)


def _unsafe(attr: str, value: str) -> bool:
    """Event handlers, srcset, nbconvert's random cell ids, and links with a scheme (but images
    embedded as data)."""
    if attr.lower().startswith("on") or attr == "srcset":
        return True
    if attr == "id":
        return bool(_CELL_ID.match(value))
    remote = attr in ("src", "href") and bool(_REMOTE.match(value))
    return remote and not value.startswith("data:image/")


def table_of_contents(fragment: str) -> Markup:
    """Links to the h2 sections that have an id."""
    soup = BeautifulSoup(fragment, "html.parser")
    items = [
        Markup('<li><a href="#{}">{}</a></li>').format(h["id"], h.get_text(" ", strip=True))
        for h in soup.find_all("h2")
        if h.get("id")
    ]
    if not items:
        return Markup("")
    return Markup(
        '<nav class="toc" aria-labelledby="toc-title"><p id="toc-title">Inhalt</p><ol>{}</ol></nav>'
    ).format(Markup("").join(items))


def after_first_h1(fragment: str, insert: str) -> str:
    """``insert`` placed at the end of the block that holds the first h1 (after the lead)."""
    soup = BeautifulSoup(fragment, "html.parser")
    h1 = soup.find("h1")
    if h1 is None:
        return insert + fragment
    addition = BeautifulSoup(insert, "html.parser")
    if h1.parent is None or h1.parent is soup:
        h1.insert_after(addition)
    else:
        h1.parent.append(addition)
    return str(soup)


def page(title: str, body: str, *, stamp: str = "", header: str = "", toc: bool = True) -> str:
    """A complete, self-contained HTML document."""
    body = with_heading_ids(body)
    if toc:
        body = after_first_h1(body, str(table_of_contents(body)))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="de">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        '<a class="skip-link" href="#inhalt">Zum Inhalt springen</a>\n'
        f'<header class="page"><p>{escape(header or "Stellungnahmen-Analyse")}</p></header>\n'
        f'<main id="inhalt" tabindex="-1">\n{body}\n</main>\n'
        f'<footer class="page"><p id="{STAMP_ID}">{escape(stamp)}</p>\n'
        "<p>Maschinell erstellt mit Stellungnahmen-Analyse. Alle Zitate sind wörtlich aus den "
        "Stellungnahmen übernommen.</p></footer>\n</body>\n</html>\n"
    )


def without_stamp(document: str) -> str:
    """The document with the run-time stamp emptied: what must be equal between two runs."""
    return re.sub(rf'(<p id="{STAMP_ID}">)[^<]*(</p>)', r"\1\2", document)
