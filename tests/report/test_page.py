"""The page around a report: nothing that loads or runs, German, titled, stamp in one place."""

from __future__ import annotations

from bs4 import BeautifulSoup

from analysis.report import page

FRAGMENT = """
<div class="cell" id="cell-id=1f2e"><div class="output_html">
<h1>Bericht</h1><p class="lead">Kurz.</p>
<script src="https://cdn.example/require.js"></script>
<link rel="stylesheet" href="https://cdn.example/x.css">
<img src="https://tracker.example/pixel.png" alt="x" onerror="alert(1)">
<img src="data:image/png;base64,AAAA" alt="Diagramm">
<a href="http://example.org">extern</a> <a href="../raw/a.pdf#page=1">intern</a>
<h2>Erster Abschnitt</h2><h3>Teil</h3><h2>Erster Abschnitt</h2>
</div></div>
"""


def _clean() -> BeautifulSoup:
    return BeautifulSoup(page.clean_fragment(FRAGMENT), "html.parser")


def test_scripts_and_stylesheet_links_are_removed():
    soup = _clean()
    assert soup.find("script") is None and soup.find("link") is None


def test_remote_sources_and_event_handlers_are_dropped_but_data_images_kept():
    soup = _clean()
    images = soup.find_all("img")
    assert "src" not in images[0].attrs and "onerror" not in images[0].attrs
    assert images[1]["src"].startswith("data:image/png")


def test_remote_links_lose_their_target_and_relative_links_stay():
    hrefs = [a.get("href") for a in _clean().find_all("a")]
    assert hrefs == [None, "../raw/a.pdf#page=1"]


def test_random_cell_ids_are_removed():
    assert _clean().find(id="cell-id=1f2e") is None


def test_page_is_german_titled_with_skip_link_and_print_styles():
    document = page.page("Titel <b>", page.clean_fragment(FRAGMENT), stamp="Erstellt am 1.1.")
    soup = BeautifulSoup(document, "html.parser")
    assert soup.html["lang"] == "de"
    assert soup.title.get_text() == "Titel <b>"
    assert soup.find("a", class_="skip-link")["href"] == "#inhalt"
    assert soup.find("main")["id"] == "inhalt"
    assert "@media print" in soup.style.get_text()
    assert ":focus-visible" in soup.style.get_text()


def test_headings_get_unique_ids_and_a_table_of_contents_after_the_lead():
    soup = BeautifulSoup(page.page("t", page.clean_fragment(FRAGMENT)), "html.parser")
    ids = [h["id"] for h in soup.find_all(["h2", "h3"])]
    assert ids == ["erster-abschnitt", "teil", "erster-abschnitt-2"]
    nav = soup.find("nav")
    assert nav.find_previous("p")["class"] == ["lead"]
    assert [a["href"] for a in nav.find_all("a")] == ["#erster-abschnitt", "#erster-abschnitt-2"]


def test_stamp_is_the_only_difference_between_runs():
    first = page.page("t", "<h1>x</h1>", stamp="Erstellt am 01.01.2026 um 09:00 Uhr (UTC).")
    second = page.page("t", "<h1>x</h1>", stamp="Erstellt am 02.01.2026 um 17:00 Uhr (UTC).")
    assert first != second
    assert page.without_stamp(first) == page.without_stamp(second)
