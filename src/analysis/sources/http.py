"""A polite, distrustful HTTP client: rate limit, retries with backoff, timeouts, a clear
User-Agent; only http(s) URLs, capped response sizes, checked content types.

Every failure becomes a :class:`FetchError` naming the URL and what to do, so a fetch can
report it and keep what it has.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from analysis import __version__

USER_AGENT = (
    f"Stellungnahmen-Analyse/{__version__} (statements fetch; OParl client; "
    "downloads public council papers for offline analysis)"
)
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
MAX_JSON_BYTES = 50 * 1024 * 1024
PDF_MAGIC = b"%PDF-"
MAGIC_WINDOW = 1024  # a PDF's signature may follow some bytes of junk


class FetchError(Exception):
    """A request that failed for good: the URL and why."""

    def __init__(self, url: str, message: str) -> None:
        super().__init__(f"{url}: {message}")
        self.url = url


@dataclass(frozen=True)
class Politeness:
    """How gently the client treats a server; the defaults suit a council's small server."""

    delay: float = 0.5  # seconds between the starts of two requests
    timeout: float = 30.0
    retries: int = 3
    backoff: float = 2.0  # first wait before a retry; doubled each time
    max_file_bytes: int = 100 * 1024 * 1024


@dataclass(frozen=True)
class Download:
    """A file written to disk, with its size and checksums."""

    size: int
    sha1: str
    sha256: str
    sha512: str


def check_url(url: object) -> str:
    """``url`` when it is an absolute http(s) URL; a server's ``file:``, ``ftp:`` or relative
    link is never followed."""
    if not isinstance(url, str) or urlsplit(url).scheme not in ("http", "https"):
        raise FetchError(str(url), "not an http(s) URL; not followed")
    if not urlsplit(url).netloc:
        raise FetchError(url, "has no host; not followed")
    return url


class PoliteClient:
    """One HTTP session for a fetch."""

    def __init__(self, politeness: Politeness | None = None) -> None:
        self.politeness = politeness or Politeness()
        self._last = 0.0
        self._client = httpx.Client(
            headers={"User-Agent": USER_AGENT},
            timeout=self.politeness.timeout,
            follow_redirects=True,
            max_redirects=5,
        )
        self.requests = 0

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self._client.close()

    def get_json(self, url: str, params: dict[str, str] | None = None) -> dict:
        """The JSON object at ``url``."""
        body, content_type = self._request(url, params, MAX_JSON_BYTES, None)
        if "json" not in content_type:
            raise FetchError(url, f"answered {content_type or 'no content type'}, not JSON")
        try:
            data = json.loads(body)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise FetchError(url, f"sent malformed JSON ({exc})") from exc
        if not isinstance(data, dict):
            raise FetchError(url, "sent JSON that is not an object")
        return data

    def download(self, url: str, target: Path) -> Download:
        """Stream ``url`` into ``target`` (via a ``.part`` file, renamed when complete)."""
        part = target.with_name(target.name + ".part")
        try:
            self._request(url, None, self.politeness.max_file_bytes, part)
            with part.open("rb") as fh:
                head = fh.read(MAGIC_WINDOW)
            if PDF_MAGIC not in head:
                raise FetchError(url, "sent something that is not a PDF")
            digests = _digests(part)
            os.replace(part, target)
            return digests
        finally:
            part.unlink(missing_ok=True)

    def _request(
        self, url: str, params: dict[str, str] | None, limit: int, sink: Path | None
    ) -> tuple[bytes, str]:
        check_url(url)
        wait = self.politeness.backoff
        for attempt in range(self.politeness.retries + 1):
            self._pause()
            try:
                return self._once(url, params, limit, sink)
            except _Retry as retry:
                if attempt == self.politeness.retries:
                    tries = f"{attempt + 1} tries" if attempt else "1 try"
                    raise FetchError(url, f"{retry} (gave up after {tries})") from None
                time.sleep(retry.after if retry.after is not None else wait)
                wait *= 2
        raise AssertionError("unreachable")

    def _once(
        self, url: str, params: dict[str, str] | None, limit: int, sink: Path | None
    ) -> tuple[bytes, str]:
        try:
            accept = "application/json" if sink is None else "application/pdf, */*"
            with self._client.stream(
                "GET", url, params=params, headers={"Accept": accept}
            ) as response:
                self.requests += 1
                if response.status_code in RETRY_STATUS:
                    raise _Retry(f"server answered {response.status_code}", _retry_after(response))
                if response.status_code >= 400:
                    raise FetchError(url, f"server answered {response.status_code}")
                check_url(str(response.url))  # a redirect must not lead elsewhere either
                declared = response.headers.get("Content-Length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise FetchError(url, f"is {int(declared):,} bytes, over the limit {limit:,}")
                content_type = response.headers.get("Content-Type", "").lower()
                if sink is not None and ("html" in content_type or "json" in content_type):
                    raise FetchError(url, f"answered {content_type}, not a file")
                return _read(response, url, limit, sink), content_type
        except httpx.TimeoutException:
            raise _Retry(f"no answer within {self.politeness.timeout:g} s", None) from None
        except httpx.TransportError as exc:
            raise _Retry(
                f"cannot reach the server ({type(exc).__name__}: {exc}); fetch needs network "
                "access to the council's server (ingest, analyze and report work offline)",
                None,
            ) from None

    def _pause(self) -> None:
        gap = self.politeness.delay - (time.monotonic() - self._last)
        if gap > 0:
            time.sleep(gap)
        self._last = time.monotonic()


class _Retry(Exception):
    def __init__(self, message: str, after: float | None) -> None:
        super().__init__(message)
        self.after = after


def _retry_after(response: httpx.Response) -> float | None:
    """A server's ``Retry-After`` in seconds (at most a minute), when it gives one."""
    value = response.headers.get("Retry-After", "")
    return min(float(value), 60.0) if value.isdigit() else None


def _read(response: httpx.Response, url: str, limit: int, sink: Path | None) -> bytes:
    size = 0
    chunks: list[bytes] = []
    fh = sink.open("wb") if sink is not None else None
    try:
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise FetchError(url, f"sent more than the limit of {limit:,} bytes")
            if fh is None:
                chunks.append(chunk)
            else:
                fh.write(chunk)
    finally:
        if fh is not None:
            fh.close()
    return b"".join(chunks)


def _digests(path: Path) -> Download:
    sha1, sha256, sha512 = hashlib.sha1(), hashlib.sha256(), hashlib.sha512()
    size = 0
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            size += len(block)
            for digest in (sha1, sha256, sha512):
                digest.update(block)
    return Download(size, sha1.hexdigest(), sha256.hexdigest(), sha512.hexdigest())
