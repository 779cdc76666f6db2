"""A small OParl 1.1 server on 127.0.0.1 for the fetch tests, serving ``corpus.py``.

It answers like a council information system would (paginated lists with ``modified_since``
filters, embedded File objects, downloads) and misbehaves on request through ``faults``, so
the client's retries, timeouts and checks can be tested without the network.
"""

from __future__ import annotations

import hashlib
import json
import math
import operator
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from tests.sources.corpus import (
    BODIES,
    FILES,
    MOTION_TYPES,
    PAPERS,
    FileSpec,
    PaperSpec,
    build_corpus,
)

SCHEMA = "https://schema.oparl.org/1.1/"
API = "/oparl/v1"
PAPER_PAGE_SIZE = 2
FILTERS = {  # query parameter → (field, test of the field's value against the parameter's)
    "modified_since": ("modified", operator.ge),
    "modified_until": ("modified", operator.le),
    "created_since": ("created", operator.ge),
    "created_until": ("created", operator.le),
}
JSON_TYPE = "application/json; charset=utf-8"
MAINTENANCE_PAGE = (
    b"<!DOCTYPE html><html><head><title>Wartung</title></head><body>"
    b"<h1>Wartungsarbeiten</h1><p>Das Ratsinformationssystem ist bald wieder da.</p></body></html>"
)


@dataclass
class FixtureFile:
    """One downloadable file and what a client should make of it."""

    path: str
    data: bytes
    file_name: str
    mime_type: str
    motion_ref: str
    role: str


def _instant(value: str) -> datetime:
    """An OParl date-time; a ``+`` decoded to a space by a lax client is taken back, and a
    value without a zone counts as UTC."""
    moment = datetime.fromisoformat(value.strip().replace(" ", "+"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class OParlServer:
    """The corpus behind a ``ThreadingHTTPServer``; use as a context manager.

    ``faults`` may be changed at any time. Keys of the path sets are URL paths, or path and
    query (``/oparl/v1/body/1/papers?page=2``) to hit a single page:

    - ``error_500``: set of paths answering 500; ``error_500_times``: n — only the first n
      requests of each such path fail, later ones are served;
    - ``slow``: dict path → seconds to wait before answering;
    - ``malformed``: paths answering 200 with truncated JSON;
    - ``html``: paths answering 200 with an HTML maintenance page;
    - ``endless``: the paper list always has a ``next`` page (past the end it repeats the last);
    - ``wrong_checksum``: file paths whose bytes differ (one byte flipped, same size).
    """

    def __init__(self, corpus_dir: Path) -> None:
        self.httpd = _Quiet(("127.0.0.1", 0), _Handler)
        self.httpd.oparl = self  # type: ignore[attr-defined]
        self.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.system_url = f"{self.base_url}{API}/system"
        self.requests: list[str] = []
        self.downloads: list[str] = []
        self.faults: dict[str, Any] = {}
        self._lock = threading.Lock()
        self._failures: dict[str, int] = {}
        self._thread: threading.Thread | None = None
        self._build(build_corpus(corpus_dir))

    # ----------------------------------------------------------------------- the corpus

    def _build(self, contents: list[bytes]) -> None:
        self.files: list[FixtureFile] = []
        self.objects: dict[str, dict] = {}  # URL path → OParl object
        self._downloads: dict[str, FixtureFile] = {}  # accessUrl and downloadUrl paths
        self._slots: dict[str, dict[str, list[dict]]] = {}  # reference → slot → File objects
        for number, (spec, data) in enumerate(zip(FILES, contents, strict=True), start=1):
            self._add_file(number, spec, data)
        self._paper_urls = {
            spec.reference: f"{self.base_url}{API}/paper/{n}" for n, spec in enumerate(PAPERS, 1)
        }
        self.papers = {spec.reference: self._paper(spec) for spec in PAPERS}
        for paper in self.papers.values():
            self.objects[urlsplit(paper["id"]).path] = paper
        self.bodies = [self._body(n, short, name) for n, (short, name) in enumerate(BODIES, 1)]
        self.objects[f"{API}/system"] = {
            "id": self.system_url,
            "type": f"{SCHEMA}System",
            "oparlVersion": SCHEMA,
            "name": "Ratsinformationssystem Weidenbrück (Testserver)",
            "body": f"{self.base_url}{API}/bodies",
        }

    def _add_file(self, number: int, spec: FileSpec, data: bytes) -> None:
        path = f"/files/{number}"
        file = FixtureFile(
            f"{path}/download", data, spec.file_name, spec.mime_type, spec.motion_ref, spec.role
        )
        self.files.append(file)
        self._downloads[path] = self._downloads[file.path] = file
        owner = next(p for p in PAPERS if p.reference == spec.paper)
        checksum = (
            {"sha1Checksum": hashlib.sha1(data).hexdigest()}
            if spec.sha1_only
            else {"sha512Checksum": hashlib.sha512(data).hexdigest()}
        )
        self.objects[f"{API}/file/{number}"] = obj = {
            "id": f"{self.base_url}{API}/file/{number}",
            "type": f"{SCHEMA}File",
            "name": spec.name,
            "fileName": spec.file_name,
            "mimeType": spec.mime_type,
            "size": len(data),
            **checksum,
            "accessUrl": f"{self.base_url}{path}",
            "downloadUrl": f"{self.base_url}{file.path}",
            "created": owner.created_at,
            "modified": owner.modified_at,
        }
        slots = self._slots.setdefault(spec.paper, {"mainFile": [], "auxiliaryFile": []})
        slots[spec.slot].append(obj)

    def _paper(self, spec: PaperSpec) -> dict:
        slots = self._slots.get(spec.reference, {"mainFile": [], "auxiliaryFile": []})
        url = self._paper_urls
        return {
            "id": url[spec.reference],
            "type": f"{SCHEMA}Paper",
            "body": f"{self.base_url}{API}/body/{[b for b, _ in BODIES].index(spec.body) + 1}",
            "name": spec.name,
            "reference": spec.reference,
            "date": spec.date,
            "paperType": spec.paper_type,
            "mainFile": slots["mainFile"][0] if slots["mainFile"] else None,
            "auxiliaryFile": slots["auxiliaryFile"],
            "relatedPaper": [url[ref] for ref in spec.related],
            "superordinatedPaper": [url[spec.superordinated]] if spec.superordinated else [],
            "subordinatedPaper": [
                url[s.reference] for s in PAPERS if s.superordinated == spec.reference
            ],
            "created": spec.created_at,
            "modified": spec.modified_at,
            "web": url[spec.reference].replace(f"{API}/paper/", "/vorgang/"),
        }

    def _body(self, number: int, short_name: str, name: str) -> dict:
        body_url = f"{self.base_url}{API}/body/{number}"
        self.objects[urlsplit(body_url).path] = body = {
            "id": body_url,
            "type": f"{SCHEMA}Body",
            "system": self.system_url,
            "name": name,
            "shortName": short_name,
            "paper": f"{body_url}/papers",
            "created": "2025-11-03T12:00:00+01:00",
            "modified": "2025-11-03T12:00:00+01:00",
        }
        return body

    def touch(self, paper_reference: str, when: str) -> None:
        """Mark a paper and its files as modified at ``when``, as an edit in the RIS would."""
        self.papers[paper_reference]["modified"] = when
        for files in self._slots.get(paper_reference, {}).values():
            for obj in files:
                obj["modified"] = when

    def fixture_motions(self) -> list[dict]:
        """The motions of both bodies, as a client selecting by paperType should find them."""
        return [
            {
                "reference": s.reference,
                "name": s.name,
                "date": s.date,
                "paperType": s.paper_type,
                "body": s.body,
            }
            for s in PAPERS
            if s.paper_type in MOTION_TYPES
        ]

    # ------------------------------------------------------------------------ lifecycle

    def __enter__(self) -> OParlServer:
        self._thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        if self._thread:
            self._thread.join(timeout=5)

    # -------------------------------------------------------------------------- answers

    def _fault(self, name: str, keys: tuple[str, ...]) -> str | None:
        """The first of a request's ``keys`` that fault ``name`` lists."""
        listed = self.faults.get(name) or ()
        return next((key for key in keys if key in listed), None)

    def _fails(self, keys: tuple[str, ...]) -> bool:
        """Whether this request gets a 500; with ``error_500_times`` only the first n do."""
        key = self._fault("error_500", keys)
        if key is None:
            return False
        times = self.faults.get("error_500_times")
        with self._lock:
            self._failures[key] = self._failures.get(key, 0) + 1
            return times is None or self._failures[key] <= times

    def answer(self, target: str, method: str = "GET") -> tuple[int, str, bytes]:
        """Status, content type and body for a request of ``target`` (path and query)."""
        parts = urlsplit(target)
        path = parts.path.rstrip("/") or "/"
        file = self._downloads.get(path)
        # A file answers to its accessUrl and downloadUrl alike; faults and ``downloads``
        # name it by FixtureFile.path.
        keys = (target, path, file.path) if file else (target, path)
        with self._lock:
            self.requests.append(target)
            if file and method == "GET":
                self.downloads.append(file.path)
        slow = self._fault("slow", keys)
        if slow:
            time.sleep(self.faults["slow"][slow])
        if self._fails(keys):
            return 500, JSON_TYPE, b'{"error": "Internal Server Error"}'
        if self._fault("malformed", keys):
            return 200, JSON_TYPE, b'{"data": ['
        if self._fault("html", keys):
            return 200, "text/html; charset=utf-8", MAINTENANCE_PAGE
        if file:
            data = file.data
            if self._fault("wrong_checksum", keys):
                # Same length, one byte flipped: only the checksum can tell.
                middle = len(data) // 2
                data = data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1 :]
            return 200, file.mime_type, data
        return self._json_answer(path, parts.query)

    def _json_answer(self, path: str, query_string: str) -> tuple[int, str, bytes]:
        query = {k: v[-1] for k, v in parse_qs(query_string).items()}
        if path == f"{API}/bodies":
            return self._list(path, self.bodies, query, page_size=20)
        body = self.objects.get(path.removesuffix("/papers"))
        if path.endswith("/papers") and body:
            papers = [p for p in self.papers.values() if p["body"] == body["id"]]
            return self._list(path, papers, query, page_size=PAPER_PAGE_SIZE)
        if path not in self.objects:
            return 404, JSON_TYPE, b'{"error": "Not Found"}'
        return 200, JSON_TYPE, _json(self.objects[path])

    def _list(
        self, path: str, items: list[dict], query: dict[str, str], page_size: int
    ) -> tuple[int, str, bytes]:
        """One page of an OParl list, filtered by the query's date-time parameters."""
        filters = {k: v for k, v in query.items() if k in FILTERS}
        try:
            for name, value in filters.items():
                field, keep = FILTERS[name]
                items = [i for i in items if keep(_instant(i[field]), _instant(value))]
            page = int(query.get("page", "1"))
        except ValueError as error:
            return 400, JSON_TYPE, _json({"error": str(error)})
        total_pages = max(1, math.ceil(len(items) / page_size))
        endless = bool(self.faults.get("endless"))
        shown = min(page, total_pages) if endless else page

        def link(number: int) -> str:
            return f"{self.base_url}{path}?{urlencode({**filters, 'page': number})}"

        links = {"first": link(1), "last": link(total_pages)}
        if page > 1:
            links["prev"] = link(page - 1)
        if page < total_pages or endless:
            links["next"] = link(page + 1)
        pagination = {
            "totalElements": len(items),
            "elementsPerPage": page_size,
            "currentPage": page,
            "totalPages": total_pages,
        }
        data = items[(shown - 1) * page_size : shown * page_size]
        return 200, JSON_TYPE, _json({"data": data, "pagination": pagination, "links": links})


def _json(obj: object) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode()


class _Quiet(ThreadingHTTPServer):
    """Drops the traceback of a client that hung up (a timeout test's slow answer)."""

    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass


class _Handler(BaseHTTPRequestHandler):
    """Hands every GET (and HEAD) to the ``OParlServer`` and writes its answer."""

    def do_GET(self) -> None:
        self._respond()

    def do_HEAD(self) -> None:
        self._respond()

    def _respond(self) -> None:
        oparl: OParlServer = self.server.oparl  # type: ignore[attr-defined]
        status, content_type, body = oparl.answer(self.path, self.command)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command == "GET":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Silent: the test output is no place for an access log."""
