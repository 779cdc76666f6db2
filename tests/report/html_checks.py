"""Checks on a finished report page, shared by the build tests."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

REMOTE = re.compile(r"^\s*(?:https?:|//)", re.IGNORECASE)


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def remote_references(soup: BeautifulSoup) -> list[str]:
    """Every attribute or CSS ``url()`` that would make the browser ask a server."""
    found = [
        f"<{el.name} {attr}={el[attr]}>"
        for el in soup.find_all(True)
        for attr in ("src", "href", "srcset", "action", "poster", "data")
        if el.has_attr(attr) and REMOTE.match(str(el[attr]))
    ]
    for style in soup.find_all("style"):
        found += re.findall(r"url\(\s*['\"]?(?:https?:)?//[^)]*\)", style.get_text())
        found += re.findall(r"@import", style.get_text())
    return found


def heading_skips(soup: BeautifulSoup) -> list[str]:
    """Headings that go down more than one level, or a page that does not start with h1."""
    levels = [int(h.name[1]) for h in soup.find_all(re.compile(r"^h[1-6]$"))]
    problems = [] if levels[:1] == [1] else [f"first heading is h{levels[:1]}"]
    problems += [f"h{a} → h{b}" for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
    problems += ["more than one h1"] if levels.count(1) > 1 else []
    return problems
