"""``statements report`` on the command line (skipped until the command is wired into cli.py)."""

from __future__ import annotations

import pytest

from analysis import cli

pytestmark = pytest.mark.slow


def _wired() -> bool:
    subcommands = next(a for a in cli.build_parser()._actions if a.dest == "command")
    return "report" in subcommands.choices


@pytest.fixture(autouse=True)
def _needs_command():
    if not _wired():
        pytest.skip("`statements report` is not wired into analysis.cli yet")


def test_report_command_writes_index_and_motion_page(corpus, tmp_path):
    out = tmp_path / "reports"
    code = cli.main(["report", "--processed", str(corpus.processed), "--out", str(out),
                     "--motion", "BA-090/2020", "--no-checks", "--quiet"])  # fmt: skip
    assert code == 0
    assert (out / "index.html").is_file() and (out / "ba-090-2020.html").is_file()


def test_report_command_without_tables_fails_with_a_message(tmp_path, capsys):
    code = cli.main(["report", "--processed", str(tmp_path / "none"), "--out", str(tmp_path)])
    assert code != 0
    assert "statements ingest" in capsys.readouterr().err
