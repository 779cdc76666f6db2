"""``statements fetch`` against the OParl test server on loopback: the fixture corpus
reproduced, resumed after a kill, re-fetched incrementally, and every server fault turned
into a clear error that keeps what was fetched. No test touches the internet."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from analysis import cli
from analysis.sources.fetch import fetch
from analysis.sources.http import FetchError, Politeness, check_url
from analysis.sources.names import folder_name, inside, safe_name
from analysis.sources.oparl import Selection
from tests.runs import ingest

FAST = Politeness(delay=0, timeout=2, retries=1, backoff=0.01)
MOTIONS = Selection(date_from="2026-01-01", motion_types=("Beschlussvorlage", "Antrag"))
CHOSEN = {"DS-0012/2026", "DS-0031/2026", "A-0007/2026"}


def _fetch(server, out: Path, **options):
    return fetch(server.system_url, out, MOTIONS, "Weidenbrück", options.pop("politeness", FAST),
                 **options)  # fmt: skip


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def _expected(server) -> dict[bytes, tuple[str, str]]:
    """Bytes of every file the selection should bring → (motion, role)."""
    return {
        f.data: (f.motion_ref, f.role)
        for f in server.files
        if f.motion_ref in CHOSEN and f.role in ("motion", "statement")
    }


def _fetched(out: Path) -> dict[bytes, tuple[str, str]]:
    rows = _rows(out / "files.csv")
    return {(out / r["file"]).read_bytes(): (r["motion_ref"], r["role"]) for r in rows}


def test_fetch_reproduces_the_fixture_corpus(oparl_server, tmp_path):
    out = tmp_path / "out"
    summary = _fetch(oparl_server, out)
    assert summary.errors == [] and summary.motions == 3
    assert _fetched(out) == _expected(oparl_server)
    motions = {r["motion_ref"]: r for r in _rows(out / "motions.csv")}
    assert motions.keys() == CHOSEN
    assert motions["DS-0012/2026"]["title"] == "Lärmaktionsplan Stufe 4"
    assert motions["DS-0012/2026"]["date"] == "2026-02-10"
    assert motions["DS-0012/2026"]["body"] == "Weidenbrück"
    # the .docx attachment and the Mitteilung related to A-0007 are not statements
    assert ("erlaeuterung-laermkartierung.docx", "attachment, not a statement") in summary.skipped
    assert not any("baumbestand" in r["file"] for r in _rows(out / "files.csv"))


def test_names_from_the_server_never_leave_the_output_folder(oparl_server, tmp_path):
    out = tmp_path / "out"
    _fetch(oparl_server, out)
    files = {r["file_name"]: r["file"] for r in _rows(out / "files.csv")}
    assert files["../../etc/passwd.pdf"] == "DS-0012-2026/passwd.pdf"
    assert files["CON.pdf"] == "A-0007-2026/_CON.pdf"
    on_disk = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert all(p.is_relative_to(out) for p in on_disk)


@pytest.mark.parametrize(
    ("given", "name"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("/absolute/path.pdf", "path.pdf"),
        ("C:\\Windows\\system.ini", "system.ini.pdf"),
        ("CON.pdf", "_CON.pdf"),
        ("lpt1", "_lpt1.pdf"),
        ("..", "datei.pdf"),
        ("a\x00b<c>.pdf", "a_b_c_.pdf"),
        ("x" * 300 + ".pdf", "x" * 116 + ".pdf"),
    ],
)
def test_safe_names(given, name):
    assert safe_name(given, "datei", ".pdf") == name


def test_folder_names_and_paths_stay_inside(tmp_path):
    assert folder_name("DS-0012/2026", "x") == "DS-0012-2026"
    assert folder_name("../..", "vorlage") == "vorlage"
    with pytest.raises(ValueError):
        inside(tmp_path, "../elsewhere.pdf")


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://host/x.pdf", "/relative", None])
def test_only_http_urls_are_followed(url):
    with pytest.raises(FetchError, match="not an http"):
        check_url(url)


def test_an_immediate_refetch_downloads_nothing(oparl_server, tmp_path):
    out = tmp_path / "out"
    _fetch(oparl_server, out)
    tables = {n: (out / n).read_bytes() for n in ("motions.csv", "files.csv")}
    before = len(oparl_server.downloads)
    again = _fetch(oparl_server, out)
    assert (
        again.incremental and again.downloaded == 0 and again.kept == len(_expected(oparl_server))
    )
    assert len(oparl_server.downloads) == before
    assert any("modified_since=" in r for r in oparl_server.requests[-3:])
    assert {n: (out / n).read_bytes() for n in tables} == tables


def test_a_changed_paper_is_fetched_again(oparl_server, tmp_path):
    out = tmp_path / "out"
    _fetch(oparl_server, out)
    oparl_server.touch("DS-0012/2026-2", "2099-01-01T10:00:00+01:00")
    before = len(oparl_server.downloads)
    again = _fetch(oparl_server, out)
    assert again.incremental and again.downloaded == 1
    assert oparl_server.downloads[before:] == [
        f.path for f in oparl_server.files if f.file_name == "stellungnahme-erika-muster.pdf"
    ]


def test_a_server_error_is_retried(oparl_server, tmp_path):
    target = next(f for f in oparl_server.files if f.role == "statement")
    oparl_server.faults.update(error_500={target.path}, error_500_times=1)
    summary = _fetch(oparl_server, tmp_path / "out")
    assert summary.errors == [] and oparl_server.downloads.count(target.path) == 2


def test_a_file_that_keeps_failing_is_named_and_the_others_are_kept(oparl_server, tmp_path):
    target = next(f for f in oparl_server.files if f.file_name == "stellungnahme-erika-muster.pdf")
    oparl_server.faults.update(error_500={target.path})
    out = tmp_path / "out"
    summary = _fetch(oparl_server, out)
    assert len(summary.errors) == 1 and "stellungnahme-erika-muster.pdf" in summary.errors[0]
    assert "500" in summary.errors[0]
    assert len(_fetched(out)) == len(_expected(oparl_server)) - 1
    oparl_server.faults.clear()  # the server recovers: the next fetch brings the missing one
    again = _fetch(oparl_server, out)
    assert again.downloaded == 1 and _fetched(out) == _expected(oparl_server)


def test_a_checksum_that_does_not_match_rejects_the_file(oparl_server, tmp_path):
    target = next(
        f for f in oparl_server.files if f.file_name == "stellungnahme-seniorenbeirat.pdf"
    )
    oparl_server.faults.update(wrong_checksum={target.path})
    out = tmp_path / "out"
    summary = _fetch(oparl_server, out)
    assert len(summary.errors) == 1 and "SHA-512 differ" in summary.errors[0]
    assert not (out / "DS-0031-2026" / "stellungnahme-seniorenbeirat.pdf").exists()


def test_a_slow_server_times_out_with_a_clear_error(oparl_server, tmp_path):
    target = next(f for f in oparl_server.files if f.role == "statement")
    oparl_server.faults.update(slow={target.path: 3})
    polite = Politeness(delay=0, timeout=0.5, retries=0)
    summary = _fetch(oparl_server, tmp_path / "out", politeness=polite)
    assert len(summary.errors) == 1 and "no answer within 0.5 s" in summary.errors[0]


@pytest.mark.parametrize(
    ("fault", "message"),
    [
        ("malformed", "malformed JSON"),
        ("html", "not JSON"),
        ("error_500", "server answered 500"),
    ],
)
def test_a_broken_list_page_stops_the_fetch_and_keeps_the_previous_tables(
    oparl_server, tmp_path, fault, message
):
    out = tmp_path / "out"
    _fetch(oparl_server, out)
    tables = {n: (out / n).read_bytes() for n in ("motions.csv", "files.csv")}
    oparl_server.faults[fault] = {"/oparl/v1/body/1/papers?page=2"}
    with pytest.raises(FetchError, match=message):
        _fetch(oparl_server, out, full=True)
    assert {n: (out / n).read_bytes() for n in tables} == tables


def test_an_endless_list_is_stopped(oparl_server, tmp_path):
    oparl_server.faults["endless"] = True
    with pytest.raises(FetchError, match="repeats itself|does not end"):
        _fetch(oparl_server, tmp_path / "out")


def test_a_system_with_several_bodies_asks_which(oparl_server, tmp_path):
    with pytest.raises(FetchError, match="choose one with --body: Weidenbrück .*Elsholz"):
        fetch(oparl_server.system_url, tmp_path / "out", MOTIONS, None, FAST)


def test_fetch_resumes_after_a_kill(oparl_server, tmp_path):
    out = tmp_path / "out"
    slow = next(f for f in oparl_server.files if f.file_name == "stellungnahme-seniorenbeirat.pdf")
    oparl_server.faults["slow"] = {slow.path: 10}
    command = [
        sys.executable, "-m", "analysis.cli", "fetch", "--oparl", oparl_server.system_url,
        "--out", str(out), "--body", "Weidenbrück", "--from", "2026-01-01",
        "--motion-type", "Beschlussvorlage", "--motion-type", "Antrag", "--delay", "0",
        "--timeout", "60", "--quiet",
    ]  # fmt: skip
    child = subprocess.Popen(command, start_new_session=True)
    journal = out / ".oparl-fetch" / "downloads.jsonl"
    deadline = time.monotonic() + 60
    while slow.path not in oparl_server.requests and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(child.pid, signal.SIGKILL)
    child.wait()
    done_before = len(journal.read_text().splitlines())
    assert 0 < done_before < len(_expected(oparl_server))
    oparl_server.faults.clear()
    before = len(oparl_server.downloads)
    assert cli.main([*command[3:]]) == 0
    assert len(oparl_server.downloads) - before == len(_expected(oparl_server)) - done_before
    assert not list(out.rglob("*.part"))
    assert _fetched(out) == _expected(oparl_server)


def test_ingest_ties_every_fetched_statement_to_its_motion(oparl_server, tmp_path):
    out = tmp_path / "raw"
    _fetch(oparl_server, out)
    run = ingest([out], tmp_path / "processed")
    assert run.code == 0
    rows = run.table("statements")
    statements = [r for r in _rows(out / "files.csv") if r["role"] == "statement"]
    assert len(rows) == len(statements) and (rows["status"] == "ok").all()
    assert (rows["motion_match"] == "oparl").all()
    by_file = dict(zip(rows["source_file"], rows["motion_ref"], strict=True))
    assert by_file == {r["file"]: r["motion_ref"] for r in statements}
    motions = run.table("motions").set_index("motion_ref")
    assert set(motions.index) == CHOSEN and (motions["origin"] == "oparl").all()
    assert motions["paper_file"].notna().all()  # the motion papers are set aside, listed here


def test_the_command_line_says_what_happened_and_what_failed(oparl_server, tmp_path, capsys):
    target = next(f for f in oparl_server.files if f.role == "statement")
    oparl_server.faults.update(error_500={target.path})
    argv = ["fetch", "--oparl", oparl_server.system_url, "--out", str(tmp_path / "out"),
            "--body", "Weidenbrück", "--reference", "DS-0012/2026", "--reference", "A-0007/2026",
            "--delay", "0", "--retries", "0"]  # fmt: skip
    code = cli.main(argv)
    err = capsys.readouterr().err
    assert code == 1 and "Weidenbrück: 2 motions" in err and "failed" in err


def test_fetch_needs_a_selection_and_says_so(tmp_path, capsys):
    code = cli.main(["fetch", "--oparl", "http://127.0.0.1:9/x", "--out", str(tmp_path)])
    assert code == 2 and "--reference, --name or --from/--to" in capsys.readouterr().err


def test_without_network_fetch_says_what_it_needs(tmp_path, capsys):
    argv = ["fetch", "--oparl", "http://127.0.0.1:9/oparl/v1/system", "--out", str(tmp_path),
            "--name", "Lärm", "--retries", "0", "--quiet"]  # fmt: skip
    code = cli.main(argv)
    err = capsys.readouterr().err
    assert code == 2 and "cannot reach the server" in err and "network" in err


def test_a_paper_deleted_on_the_server_leaves_the_tables_on_refetch(oparl_server, tmp_path):
    out = tmp_path / "out"
    _fetch(oparl_server, out)
    oparl_server.papers["DS-0012/2026-2"]["deleted"] = True
    oparl_server.touch("DS-0012/2026-2", "2099-01-01T10:00:00+01:00")
    again = _fetch(oparl_server, out)
    assert again.incremental and again.downloaded == 0
    files = {r["paper_reference"] for r in _rows(out / "files.csv")}
    assert "DS-0012/2026-2" not in files and "DS-0012/2026-1" in files
