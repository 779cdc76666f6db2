"""``build_reports`` end to end on the sample corpus plus hostile and broken files: one
self-contained, German, well-structured HTML page per motion, exports, an index, and a report
that says in German what is missing when the analysis has not run."""

from __future__ import annotations

import io
import json
from pathlib import Path
from urllib.parse import unquote

import nbformat
import openpyxl
import pandas as pd
import pytest

from analysis.report import build, page
from tests.report.html_checks import heading_skips, remote_references, soup_of

pytestmark = pytest.mark.slow
NOTEBOOK_DIR = Path(build.NOTEBOOKS)


def test_every_notebook_is_executed_by_the_build(built):
    executed = {build.COUNCIL, *build.CHECKS}
    assert {p.name for p in NOTEBOOK_DIR.glob("*.py")} == executed
    assert set(built.pages) == {"ba-045-2021", *build.CHECKS.values()}


def test_build_writes_index_page_and_exports(built):
    names = {p.name for p in built.index.parent.iterdir()}
    expected = {"index.html", "ba-045-2021.html", "texterfassung.html", "codierung.html",
                "ba-045-2021.csv", "ba-045-2021.xlsx", "alle-stellungnahmen.csv",
                "alle-stellungnahmen.xlsx"}  # fmt: skip
    assert names == expected  # no temporary files left behind
    assert not built.warnings


def test_index_links_every_page_and_export(built):
    hrefs = {a["href"] for a in soup_of(built.index).find_all("a", href=True)}
    assert {"ba-045-2021.html", "texterfassung.html", "codierung.html",
            "ba-045-2021.csv", "alle-stellungnahmen.xlsx"} <= hrefs  # fmt: skip


def test_pages_request_nothing_from_a_network(all_pages):
    for name, path in all_pages.items():
        soup = soup_of(path)
        assert soup.find("script") is None, name
        assert soup.find("link") is None, name
        assert remote_references(soup) == [], name


def test_pages_are_german_and_titled(all_pages):
    for name, path in all_pages.items():
        soup = soup_of(path)
        assert soup.html["lang"] == "de", name
        assert len(soup.title.get_text()) > 20, name
    assert "BA-045/2021" in soup_of(all_pages["ba-045-2021"]).title.get_text()


def test_headings_go_down_one_level_at_a_time(all_pages):
    for name, path in all_pages.items():
        assert heading_skips(soup_of(path)) == [], name


def test_tables_have_captions_and_scoped_headers(all_pages):
    for name, path in all_pages.items():
        for table in soup_of(path).find_all("table"):
            assert table.caption and table.caption.get_text(strip=True), name
            assert all(th.get("scope") in {"col", "row"} for th in table.find_all("th")), name


def test_images_have_real_alt_text(all_pages):
    for name, path in all_pages.items():
        for img in soup_of(path).find_all("img"):
            assert img["src"].startswith("data:image/"), name
            assert len(img.get("alt", "")) > 30, name
            assert "No description" not in img["alt"], name


def test_every_chart_is_followed_by_a_table_of_its_numbers(all_pages):
    for path in all_pages.values():
        for figure in soup_of(path).find_all("figure"):
            if figure.img["src"].startswith("data:image/svg"):
                assert figure.find_next_sibling().name == "table"


def test_hostile_markup_from_a_pdf_is_shown_as_text(built):
    html = built.pages["ba-045-2021"].read_text(encoding="utf-8")
    assert "<script" not in html and "onerror=" not in html.replace("onerror=alert", "")
    text = soup_of(built.pages["ba-045-2021"]).get_text()
    assert "<script>document.title='pwned'</script>" in text
    assert '<a href="javascript:alert(1)">diesen Link</a>' in text
    # markup printed where a letterhead names its unit is no unit's name: never read as one
    assert "onerror" not in html


def test_evidence_links_point_to_the_pdf_page(built, corpus):
    out = built.index.parent
    quotes = soup_of(built.pages["ba-045-2021"]).select("blockquote.evidence cite a[href]")
    links = [a["href"] for a in quotes]
    assert links
    for href in links:
        target, _, fragment = href.partition("#")
        assert (out / unquote(target)).resolve().is_file(), href
        assert fragment.startswith("page=")


def test_corrected_code_is_used_and_marked(built):
    text = soup_of(built.pages["ba-045-2021"]).get_text(" ")
    assert "von Hand korrigiert" in text
    table = pd.read_csv(built.index.parent / "ba-045-2021.csv", sep=";", encoding="utf-8-sig")
    row = table[table["Datei"].str.endswith("hauptamt.pdf")].iloc[0]
    assert (row["Position (Code)"], row["Korrigiert"]) == ("standalone", "ja")


def test_exports_hold_one_row_per_readable_statement(built):
    out = built.index.parent
    csv = pd.read_csv(out / "ba-045-2021.csv", sep=";", decimal=",", encoding="utf-8-sig")
    book = openpyxl.load_workbook(io.BytesIO((out / "ba-045-2021.xlsx").read_bytes()))
    rows = book["Stellungnahmen"].max_row - 1
    assert len(csv) == rows == 8  # 7 sample letters + hostile-markup.pdf
    assert csv["Sicherheit Position"].between(0, 1).all()


def test_two_builds_differ_only_in_the_stamp(built, built_again):
    for slug, path in {"index": built.index, **built.pages}.items():
        other = built_again.index if slug == "index" else built_again.pages[slug]
        first, second = path.read_text("utf-8"), other.read_text("utf-8")
        assert first != second, slug  # the stamps differ …
        assert page.without_stamp(first) == page.without_stamp(second), slug  # … nothing else


def test_exports_are_identical_between_builds(built, built_again):
    for path in built.exports:
        assert path.read_bytes() == (built_again.index.parent / path.name).read_bytes()


def test_redaction_hides_private_persons_names(built_redacted):
    html = built_redacted.pages["ba-045-2021"].read_text("utf-8")
    csv = (built_redacted.index.parent / "ba-045-2021.csv").read_text("utf-8-sig")
    for text in (html, csv):
        assert "Pfannenschmidt" not in text and "bi-schnelles-netz" not in text
        assert "Privatperson (Name geschwärzt)" in text
    assert "Seidenstücker" in html  # officials sign in their office


def test_missing_analysis_is_explained_in_german(built_bare):
    text = soup_of(built_bare.pages["ba-045-2021"]).get_text(" ")
    assert "keine Auswertung der Positionen" in text
    assert "Nicht gemessen" in text
    assert "Wer Stellung genommen hat" in text  # what ingest knows is still reported
    assert "keine Auswertung der Positionen" in soup_of(built_bare.pages["codierung"]).get_text()


def _page_with_evaluation(corpus, tmp_path, value: float, measured_on: dict) -> str:
    """The text of the BA-090/2020 report built beside an evaluation.json of one set."""
    processed = tmp_path / "processed"
    processed.mkdir()
    for name in ("statements", "paragraphs", "sentences", "positions"):
        (processed / f"{name}.parquet").write_bytes(
            (corpus.processed / f"{name}.parquet").read_bytes()
        )
    measure = {"value": value, "ci95": [value - 0.11, value + 0.09]}
    report = {"n": measured_on["statements"], "evidence_hit_rate": 0.9}
    report |= {key: {"macro_f1": measure, "accuracy": measure, "kappa": measure}
               for key in ("position", "stance")}  # fmt: skip
    report["measured_on"] = measured_on
    evaluation = {f"leave-one-motion-out: {measured_on['gold']}": report}
    (processed / "evaluation.json").write_text(json.dumps(evaluation), "utf-8")
    result = build.build_reports(processed, tmp_path / "out", "BA-090/2020", checks=False)
    return " ".join(soup_of(result.pages["ba-090-2020"]).get_text(" ").split())


def test_accuracy_comes_from_the_evaluation_file(corpus, tmp_path):
    where = {"gold": "/home/analyst/data/raw/sample-gold.jsonl", "statements": 49, "motions": 7,
             "lomo": True}  # fmt: skip
    text = _page_with_evaluation(corpus, tmp_path, 0.71, where)
    assert "Position: raw/sample-gold.jsonl (Antrag ausgelassen, n = 49)" in text
    assert "Macro-F1" in text and "0,710" in text and "0,600 bis 0,800" in text
    assert "/home/analyst" not in text


def test_the_report_says_on_which_statements_its_accuracy_was_measured(corpus, tmp_path):
    where = {"gold": "data/eval/independent/gold.jsonl", "statements": 96, "motions": 12,
             "lomo": True}  # fmt: skip
    text = _page_with_evaluation(corpus, tmp_path, 0.66, where)
    assert "independent/gold.jsonl: 96 Stellungnahmen zu 12 Anträgen" in text
    assert "wie genau die Codierung bei den Stellungnahmen dieses Berichts ist" in text
    assert "Niemand hat bisher eine davon von Hand geprüft" in text
    assert "konnte die Maschine keine Position erkennen" in text


def test_unknown_motion_is_an_error_that_names_the_known_ones(corpus, tmp_path):
    with pytest.raises(LookupError, match="BA-045/2021"):
        build.build_reports(corpus.processed, tmp_path, "XY-1/1999")


def test_no_notebook_holds_outputs():
    for path in NOTEBOOK_DIR.iterdir():
        if path.suffix == ".ipynb":
            notebook = nbformat.read(path, as_version=4)
            assert all(not c.get("outputs") for c in notebook.cells), path.name
    assert not list(NOTEBOOK_DIR.glob("*.ipynb")), "notebooks are stored as jupytext .py files"


@pytest.mark.parametrize("name", sorted(p.name for p in NOTEBOOK_DIR.glob("*.py")))
def test_notebook_has_one_parameters_cell_with_the_shared_parameters(name):
    notebook = build.read_notebook(NOTEBOOK_DIR / name)
    cells = [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(cells) == 1
    for parameter in ("processed", "motion", "codebook", "language", "sources", "gold"):
        assert f"{parameter} = " in cells[0].source
