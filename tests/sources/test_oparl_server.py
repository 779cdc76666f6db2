"""The OParl test server itself, read with ``urllib`` only, so a client's tests can trust it."""

from __future__ import annotations

import hashlib
import io
import json
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pdfplumber
import pytest

from tests.sources.corpus import FILES, build_corpus
from tests.sources.oparl_server import OParlServer

PAPERS_PATH = "/oparl/v1/body/1/papers"


def get(url: str, timeout: float = 5) -> tuple[str, bytes]:
    """Content type and body of a GET."""
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.headers["Content-Type"], response.read()


def status(url: str) -> int:
    """The HTTP status of a GET, error or not."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        error.close()
        return error.code


def get_json(url: str) -> dict:
    content_type, body = get(url)
    assert content_type == "application/json; charset=utf-8"
    return json.loads(body)


def walk(url: str, limit: int = 20) -> list[dict]:
    """The pages of a list, following ``links.next``."""
    pages = [get_json(url)]
    while "next" in pages[-1]["links"] and len(pages) < limit:
        pages.append(get_json(pages[-1]["links"]["next"]))
    return pages


def weidenbrueck_papers(server: OParlServer, query: str = "") -> list[dict]:
    system = get_json(server.system_url)
    body = next(b for b in get_json(system["body"])["data"] if b["shortName"] == "Weidenbrück")
    return [paper for page in walk(body["paper"] + query) for paper in page["data"]]


def test_system_leads_through_bodies_to_every_paper_page(oparl_server):
    system = get_json(oparl_server.system_url)
    assert system["oparlVersion"] == "https://schema.oparl.org/1.1/"
    bodies = get_json(system["body"])["data"]
    assert [b["shortName"] for b in bodies] == ["Weidenbrück", "Elsholz"]
    pages = walk(bodies[0]["paper"])
    assert [p["pagination"]["currentPage"] for p in pages] == [1, 2, 3, 4]
    assert pages[0]["pagination"]["totalElements"] == 8
    references = [paper["reference"] for page in pages for paper in page["data"]]
    assert len(set(references)) == 8
    assert "E-0001/2026" not in references


def test_modified_since_filters_and_stays_in_next_link(oparl_server):
    since = quote("2026-03-01T00:00:00+01:00")
    first = get_json(f"{oparl_server.base_url}{PAPERS_PATH}?modified_since={since}")
    assert "modified_since=" in first["links"]["next"]
    papers = weidenbrueck_papers(oparl_server, f"?modified_since={since}")
    references = {p["reference"] for p in papers}
    assert references == {"DS-0031/2026", "A-0007/2026", "M-0004/2026", "ST-0005/2026"}


def test_touch_brings_a_paper_and_its_files_into_the_filter(oparl_server):
    oparl_server.touch("DS-0012/2026", "2026-04-01T10:00:00+02:00")
    since = quote("2026-03-31T00:00:00+02:00")
    (paper,) = weidenbrueck_papers(oparl_server, f"?modified_since={since}")
    assert paper["reference"] == "DS-0012/2026"
    files = [paper["mainFile"], *paper["auxiliaryFile"]]
    assert {f["modified"] for f in files} == {"2026-04-01T10:00:00+02:00"}


def test_paper_is_served_at_its_id_with_relations_both_ways(oparl_server):
    papers = {p["reference"]: p for p in weidenbrueck_papers(oparl_server)}
    motion = get_json(papers["DS-0012/2026"]["id"])
    assert motion == papers["DS-0012/2026"]
    for url in motion["subordinatedPaper"]:
        statement = get_json(url)
        assert statement["paperType"] == "Stellungnahme"
        assert statement["superordinatedPaper"] == [motion["id"]]
    related = [get_json(url)["paperType"] for url in papers["A-0007/2026"]["relatedPaper"]]
    assert sorted(related) == ["Mitteilung", "Stellungnahme"]


def test_downloads_match_fixture_bytes_size_and_checksum(oparl_server):
    by_path = {f.path: f for f in oparl_server.files}
    papers = weidenbrueck_papers(oparl_server)
    files = [f for p in papers for f in [p["mainFile"], *p["auxiliaryFile"]] if f]
    assert len(files) == len(FILES) - 1  # all but Elsholz's motion
    for declared in files:
        content_type, data = get(declared["downloadUrl"])
        fixture = by_path[declared["downloadUrl"].removeprefix(oparl_server.base_url)]
        assert data == fixture.data
        assert content_type == declared["mimeType"] == fixture.mime_type
        assert declared["size"] == len(data)
        if "sha512Checksum" in declared:
            assert declared["sha512Checksum"] == hashlib.sha512(data).hexdigest()
        else:
            assert declared["sha1Checksum"] == hashlib.sha1(data).hexdigest()
    base = oparl_server.base_url
    assert oparl_server.downloads == [f["downloadUrl"].removeprefix(base) for f in files]


def test_statement_pdfs_are_letters_naming_sender_and_subject(oparl_server):
    statements = [f for f in oparl_server.files if f.role == "statement"]
    assert {f.file_name for f in statements} >= {"../../etc/passwd.pdf", "CON.pdf"}
    for fixture in statements:
        with pdfplumber.open(io.BytesIO(fixture.data)) as pdf:
            text = pdf.pages[0].extract_text()
        assert "Mit freundlichen Grüßen" in text
        assert "Sehr geehrte Damen und Herren," in text


def test_corpus_is_built_byte_for_byte_the_same(tmp_path: Path, oparl_corpus_dir: Path):
    assert build_corpus(tmp_path / "again") == build_corpus(oparl_corpus_dir)


def test_error_500_times_fails_first_then_serves(oparl_server):
    url = f"{oparl_server.base_url}{PAPERS_PATH}?page=2"
    oparl_server.faults.update(error_500={f"{PAPERS_PATH}?page=2"}, error_500_times=2)
    assert [status(url), status(url)] == [500, 500]
    assert get_json(url)["pagination"]["currentPage"] == 2
    assert get_json(f"{oparl_server.base_url}{PAPERS_PATH}")["data"]


def test_error_500_without_times_always_fails(oparl_server):
    path = oparl_server.files[0].path
    oparl_server.faults["error_500"] = {path}
    assert {status(oparl_server.base_url + path) for _ in range(3)} == {500}


def test_slow_path_runs_into_a_client_timeout(oparl_server):
    oparl_server.faults["slow"] = {"/oparl/v1/system": 1.0}
    with pytest.raises((TimeoutError, urllib.error.URLError)):
        get(oparl_server.system_url, timeout=0.2)


def test_malformed_and_html_answers(oparl_server):
    oparl_server.faults.update(malformed={"/oparl/v1/system"}, html={"/oparl/v1/bodies"})
    content_type, body = get(oparl_server.system_url)
    with pytest.raises(json.JSONDecodeError):
        json.loads(body)
    content_type, body = get(f"{oparl_server.base_url}/oparl/v1/bodies")
    assert content_type.startswith("text/html") and body.startswith(b"<!DOCTYPE html>")


def test_endless_list_always_has_a_next_page(oparl_server):
    oparl_server.faults["endless"] = True
    pages = walk(f"{oparl_server.base_url}{PAPERS_PATH}", limit=7)
    assert len(pages) == 7 and "next" in pages[-1]["links"]
    assert pages[-1]["data"] == pages[3]["data"]


def test_wrong_checksum_serves_other_bytes_of_the_same_size(oparl_server):
    fixture = oparl_server.files[3]
    oparl_server.faults["wrong_checksum"] = {fixture.path}
    _, data = get(oparl_server.base_url + fixture.path.removesuffix("/download"))
    assert len(data) == len(fixture.data) and data != fixture.data
    assert oparl_server.downloads == [fixture.path]
