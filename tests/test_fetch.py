"""The sandbox: what a document may make docconv read."""

import base64
import http.server
import os
import threading
import zipfile

import pytest

import convert

from convert.errors import ResourceRefused
from convert.fetch import Fetcher
from tests.conftest import png_bytes


@pytest.fixture
def layout(tmp_path):
    doc = tmp_path / "doc"
    (doc / "img").mkdir(parents=True)
    (doc / "img" / "a.png").write_bytes(b"\x89PNG\r\n\x1a\nfake")
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    (doc / "link.txt").symlink_to(secret)
    return doc, secret


def test_data_uri_and_files_inside_the_folder(layout):
    doc, _ = layout
    fetcher = Fetcher(roots=[str(doc)])
    assert fetcher.fetch("img/a.png", str(doc)).media_type == "image/png"
    assert fetcher.fetch((doc / "img" / "a.png").as_uri(), str(doc)).data.startswith(b"\x89PNG")
    payload = base64.b64encode(b"hello").decode()
    assert fetcher.fetch(f"data:text/plain;base64,{payload}").data == b"hello"


@pytest.mark.parametrize("url", [
    "../secret.txt", "img/../../secret.txt", "link.txt", "/etc/passwd", "file:///etc/passwd",
    "%2e%2e/secret.txt", "//example.org/x.png", "ftp://127.0.0.1/x", "javascript:alert(1)",
    "/dev/zero", "http://127.0.0.1:9/x.png",
])
def test_everything_else_is_refused(layout, url):
    doc, _ = layout
    with pytest.raises(ResourceRefused):
        Fetcher(roots=[str(doc)]).fetch(url, str(doc))


def test_resource_path_widens_the_sandbox(layout):
    doc, secret = layout
    fetcher = Fetcher(roots=[str(doc), str(secret.parent)])
    assert fetcher.fetch("../secret.txt", str(doc)).data == b"TOP-SECRET"


def test_non_regular_files_refused_even_inside(tmp_path):
    fifo = tmp_path / "pipe.png"
    os.mkfifo(fifo)
    with pytest.raises(ResourceRefused, match="regular"):
        Fetcher(roots=[str(tmp_path)]).fetch("pipe.png", str(tmp_path))


@pytest.fixture
def loopback():
    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            hits.append(self.path)
            if self.path == "/redirect":
                self.send_response(302)
                self.send_header("Location", "/img.png")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()
            self.wfile.write(b"\x89PNG\r\n\x1a\nremote")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()


def test_remote_needs_the_flag_and_never_follows_redirects(loopback):
    base, hits = loopback
    with pytest.raises(ResourceRefused, match="allow-remote"):
        Fetcher().fetch(f"{base}/img.png")
    assert hits == []
    allowed = Fetcher(allow_remote=True, timeout=5)
    assert allowed.fetch(f"{base}/img.png").data.endswith(b"remote")
    with pytest.raises(ResourceRefused, match="redirect"):
        allowed.fetch(f"{base}/redirect")
    assert hits == ["/img.png", "/redirect"]


def test_a_run_to_three_formats_downloads_each_image_once(tmp_path):
    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()
            self.wfile.write(png_bytes(6, 6, "blue"))

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page = tmp_path / "page.html"
        url = f"http://127.0.0.1:{server.server_address[1]}/photo.png"
        page.write_text(f"<h1>Photos</h1><p>One photo.</p><img src='{url}' alt='photo'><p>End.</p>", encoding="utf-8")
        convert.convert_to_formats(page, ["docx", "epub", "html"], tmp_path / "out", allow_remote=True)
    finally:
        server.shutdown()
    assert hits == ["/photo.png"]
    with zipfile.ZipFile(tmp_path / "out" / "page.docx") as docx, zipfile.ZipFile(tmp_path / "out" / "page.epub") as epub:
        for book in (docx, epub):
            assert [name for name in book.namelist() if name.endswith(".png")], book.filename


def test_a_refusal_is_remembered_and_given_again(tmp_path):
    fetcher = Fetcher(roots=[str(tmp_path)])
    for _ in range(2):
        with pytest.raises(ResourceRefused, match="no such file"):
            fetcher.fetch("missing.png", str(tmp_path))
    (tmp_path / "missing.png").write_bytes(png_bytes(2, 2, "red"))
    with pytest.raises(ResourceRefused):  # one document sees one answer, even if the file appears meanwhile
        fetcher.fetch("missing.png", str(tmp_path))
