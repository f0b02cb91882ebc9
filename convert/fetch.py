"""The one door to the outside: every image or stylesheet a document names comes through here.

Denied by default, like pandoc's --sandbox: `data:` URIs, and regular files
whose real path (after `..` and symbolic links) lies inside an allowed folder
(the input's own folder plus --resource-path). http(s) only with
--allow-remote, with a timeout, a size cap and no redirects. Everything else
raises ResourceRefused, which callers turn into a warning.

A Fetcher serves one document, and answers each address once: a run that
writes DOCX, PDF and EPUB from one read asks for every image three times but
reads (or downloads) it once, and a refusal is the same refusal each time.
"""

from __future__ import annotations

import base64
import mimetypes
import os
import stat
import urllib.parse
from dataclasses import dataclass

from convert.errors import ResourceRefused

_SNIFF = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"RIFF", "image/webp"),
    (b"<svg", "image/svg+xml"),
    (b"<?xml", "image/svg+xml"),
)


@dataclass(frozen=True, slots=True)
class Resource:
    url: str
    data: bytes
    media_type: str


def sniff_media_type(data: bytes, fallback: str = "application/octet-stream") -> str:
    for magic, media_type in _SNIFF:
        if data.startswith(magic):
            return media_type
    return fallback


class Fetcher:
    def __init__(
        self,
        roots: tuple[str, ...] | list[str] = (),
        allow_remote: bool = False,
        timeout: float = 10.0,
        max_bytes: int = 10 * 1024 * 1024,
    ) -> None:
        self.roots = tuple(os.path.realpath(r) for r in roots)
        self.allow_remote = allow_remote
        self.timeout = timeout
        self.max_bytes = max_bytes
        self._answers: dict[tuple[str, str | None], Resource | ResourceRefused] = {}

    def fetch(self, url: str, base_dir: str | None = None) -> Resource:
        key = (url.strip(), base_dir)
        answer = self._answers.get(key)
        if answer is None:
            try:
                answer = self._fetch(*key)
            except ResourceRefused as refused:
                answer = refused
            self._answers[key] = answer
        if isinstance(answer, ResourceRefused):
            raise answer
        return answer

    def _fetch(self, url: str, base_dir: str | None) -> Resource:
        scheme = urllib.parse.urlsplit(url).scheme.lower()
        if scheme == "data":
            return self._data(url)
        if scheme in ("http", "https"):
            return self._remote(url)
        if scheme == "file":
            path = urllib.parse.unquote(urllib.parse.urlsplit(url).path)
            return self._file(url, path)
        if scheme and len(scheme) > 1:  # one letter is a Windows drive, not a scheme
            raise ResourceRefused(url, f"{scheme}: URLs are not allowed")
        if url.startswith("//"):
            raise ResourceRefused(url, "network paths are not allowed")
        relative = urllib.parse.unquote(urllib.parse.urlsplit(url).path)
        if base_dir is None and not os.path.isabs(relative):
            raise ResourceRefused(url, "relative path with no document folder to resolve it against")
        return self._file(url, os.path.join(base_dir or "", relative))

    def _data(self, url: str) -> Resource:
        header, sep, payload = url[5:].partition(",")
        if not sep:
            raise ResourceRefused(url[:60], "malformed data: URI")
        media_type = header.split(";")[0] or "text/plain"
        try:
            if header.endswith(";base64"):
                data = base64.b64decode(payload, validate=False)
            else:
                data = urllib.parse.unquote_to_bytes(payload)
        except ValueError as exc:
            raise ResourceRefused(url[:60], f"malformed data: URI ({exc})") from None
        if len(data) > self.max_bytes:
            raise ResourceRefused(url[:60], f"larger than {self.max_bytes:,} bytes")
        return Resource(url=url[:60], data=data, media_type=media_type)

    def _file(self, url: str, path: str) -> Resource:
        real = os.path.realpath(path)
        if not any(real == root or real.startswith(root + os.sep) for root in self.roots):
            raise ResourceRefused(url, "outside the document's folder (add --resource-path to allow it)")
        try:
            info = os.stat(real)
        except OSError:
            raise ResourceRefused(url, "no such file") from None
        if not stat.S_ISREG(info.st_mode):
            raise ResourceRefused(url, "not a regular file")
        if info.st_size > self.max_bytes:
            raise ResourceRefused(url, f"larger than {self.max_bytes:,} bytes")
        with open(real, "rb") as handle:
            data = handle.read(self.max_bytes + 1)
        guessed = mimetypes.guess_type(real)[0] or "application/octet-stream"
        return Resource(url=url, data=data, media_type=sniff_media_type(data, guessed))

    def _remote(self, url: str) -> Resource:
        if not self.allow_remote:
            raise ResourceRefused(url, "remote resources are off (pass --allow-remote to fetch them)")
        import urllib.request  # only remote fetches pay for it

        class NoRedirects(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
                raise ResourceRefused(req.full_url, f"redirect to {newurl} not followed")

        opener = urllib.request.build_opener(NoRedirects())
        try:
            with opener.open(url, timeout=self.timeout) as response:
                data = response.read(self.max_bytes + 1)
                media_type = response.headers.get_content_type()
        except ResourceRefused:
            raise
        except Exception as exc:  # urllib raises many kinds; each is one refused resource
            raise ResourceRefused(url, f"fetch failed ({exc})") from None
        if len(data) > self.max_bytes:
            raise ResourceRefused(url, f"larger than {self.max_bytes:,} bytes")
        return Resource(url=url, data=data, media_type=sniff_media_type(data, media_type))
