"""The reports in a real browser (headless Debian Chromium): zero WCAG 2.1 A/AA violations by
axe-core, no network request while viewing, and hostile text from a PDF runs nothing."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow
PAGES = ["index", "ba-045-2021", "texterfassung", "codierung"]


@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_wcag_2_1_aa_violations(chromium, axe_source, all_pages, name):
    chromium.open(all_pages[name])
    violations = chromium.axe(axe_source)
    assert violations == [], "\n".join(f"{v['id']} ({v['impact']}): {v['help']} {v['nodes'][:3]}"
                                       for v in violations)  # fmt: skip


@pytest.mark.parametrize("name", PAGES)
def test_viewing_a_page_requests_only_the_file_itself(chromium, all_pages, name):
    requested = chromium.open(all_pages[name])
    assert [u for u in requested if not u.startswith(("file:", "data:"))] == []


def test_hostile_statement_runs_no_script(chromium, all_pages):
    chromium.open(all_pages["ba-045-2021"])
    assert chromium.evaluate("document.scripts.length") == 0
    assert chromium.evaluate("document.title").startswith("Stellungnahmen zu BA-045/2021")
    shown = chromium.evaluate("document.body.innerText")
    assert "<script>document.title='pwned'</script>" in shown


def test_skip_link_moves_focus_to_the_content(chromium, all_pages):
    chromium.open(all_pages["ba-045-2021"])
    chromium.evaluate("document.querySelector('.skip-link').focus()")
    assert chromium.evaluate("document.activeElement.className") == "skip-link"
    chromium.evaluate("document.querySelector('.skip-link').click()")
    assert chromium.evaluate("location.hash") == "#inhalt"
