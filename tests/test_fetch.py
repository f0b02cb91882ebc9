"""The sandbox: what a document may make docconv read."""

import base64
import http.server
import os
import threading

import pytest

from convert.errors import ResourceRefused
from convert.fetch import Fetcher


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
