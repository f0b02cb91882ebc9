"""A hostile page names a local secret and a loopback server every way it can; nothing may leak.

The server counts requests: without --allow-remote it must see none. The
secret's text and image bytes must appear in no output, of any format.
"""

import http.server
import threading
import zipfile
import zlib
import re

import pytest

import convert
from tests.conftest import png_bytes

SECRET_TEXT = "CANARY-SECRET-7731"
FORMATS = ["docx", "pdf", "epub", "html"]


@pytest.fixture
def probe():
    hits = []
    image = png_bytes(8, 8, "blue")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            hits.append(self.path)
            body = image if self.path.endswith(".png") else SECRET_TEXT.encode()
            self.send_response(200)
            self.send_header("Content-Type", "image/png" if self.path.endswith(".png") else "text/css")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()


@pytest.fixture
def hostile_page(tmp_path, probe):
    base, _ = probe
    secret_dir = tmp_path / "secret"
    secret_dir.mkdir()
    (secret_dir / "canary.txt").write_text(SECRET_TEXT)
    secret_png = png_bytes(13, 7, "green")
    (secret_dir / "canary.png").write_bytes(secret_png)
    doc = tmp_path / "doc"
    doc.mkdir()
    (doc / "inside.png").write_bytes(png_bytes(20, 10, "red"))
    (doc / "escape.png").symlink_to(secret_dir / "canary.png")
    txt, png = secret_dir / "canary.txt", secret_dir / "canary.png"
    vectors = f"""
      <img src="{png.as_uri()}" alt="v1"><img src="../secret/canary.png" alt="v2">
      <img src="{png}" alt="v3"><img src="escape.png" alt="v4"><img src="%2e%2e/secret/canary.png" alt="v5">
      <img src="{base}/remote.png" alt="v6"><img srcset="{base}/srcset.png 2x" src="inside.png" alt="legit">
      <img src="//127.0.0.1/x.png" alt="v7"><img src="/dev/zero" alt="v8">
      <link rel="stylesheet" href="{base}/a.css"><link rel="stylesheet" href="../secret/canary.txt">
      <link rel="attachment" href="{txt.as_uri()}"><a rel="attachment" href="{txt.as_uri()}">attach</a>
      <style>@import url({base}/import.css); body {{ background: url({png.as_uri()}) }}</style>
      <div style="background-image: url({base}/style.png)">styled text</div>
      <iframe src="{txt.as_uri()}"></iframe><object data="{txt.as_uri()}"></object><embed src="{base}/e.png">
      <svg><image href="{base}/svg.png"/></svg><video poster="{base}/poster.png"></video>
      <script src="{base}/s.js"></script><script>document.write("{SECRET_TEXT}")</script>
      <a href="javascript:alert(1)">js link</a> <a href="{txt.as_uri()}">file link</a>
    """
    page = doc / "page.html"
    page.write_text(f"""<!doctype html><html lang="en"><head><title>Hostile page</title>
      <base href="file:///etc/"></head><body><article><h1>Hostile page</h1>
      <p>Body text stays.</p>{vectors}<p>Closing text.</p></article></body></html>""", encoding="utf-8")
    return page, secret_png


def _output_bytes(path):
    """Everything a reader of the output could get at: zip members, and PDF streams inflated."""
    data = path.read_bytes()
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            return b"".join(archive.read(name) for name in archive.namelist())
    if data.startswith(b"%PDF"):
        inflated = [data]
        for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
            try:
                inflated.append(zlib.decompress(stream))
            except zlib.error:
                pass
        return b"".join(inflated)
    return data


@pytest.mark.parametrize("fmt", FORMATS)
def test_nothing_leaks_by_default(hostile_page, probe, tmp_path, fmt):
    page, secret_png = hostile_page
    _, hits = probe
    out = tmp_path / f"out.{fmt}"
    result = convert.convert(page, out)
    assert hits == []
    content = _output_bytes(out)
    assert SECRET_TEXT.encode() not in content
    assert secret_png not in content
    refused = [d.message for d in result.diagnostics if d.code == "resource-refused"]
    assert any("canary.png" in m for m in refused) and any("remote.png" in m for m in refused)
    if fmt == "pdf":
        from pypdf import PdfReader
        reader = PdfReader(out)
        assert not reader.attachments
        text = "".join(p.extract_text() for p in reader.pages)
        assert "Body text stays." in text and "Closing text." in text
        assert b"/JavaScript" not in content and b"/Launch" not in content
    else:
        assert b"Body text stays." in content and b"Closing text." in content
        assert b"<script" not in content.lower() and b"javascript:" not in content.lower()


def test_allow_remote_fetches_images_but_never_files_outside(hostile_page, probe, tmp_path):
    page, secret_png = hostile_page
    _, hits = probe
    out = tmp_path / "out.epub"
    convert.convert(page, out, allow_remote=True)
    assert "/remote.png" in hits
    assert not [h for h in hits if h.endswith((".css", ".js"))]  # the page's styles and scripts never load
    content = _output_bytes(out)
    assert secret_png not in content and SECRET_TEXT.encode() not in content


def test_resource_path_widens_the_sandbox(hostile_page, tmp_path):
    page, secret_png = hostile_page
    out = tmp_path / "out.epub"
    result = convert.convert(page, out, resource_paths=[str(tmp_path / "secret")])
    with zipfile.ZipFile(out) as archive:
        images = sorted(archive.read(n) for n in archive.namelist() if n.endswith(".png"))
    # the legit image and, now allowed, the canary (every spelling of its path stores it once)
    assert images == sorted([(tmp_path / "doc" / "inside.png").read_bytes(), secret_png])
    assert not any("v2" in d.message or "../secret/canary.png" in d.message
                   for d in result.diagnostics if d.code == "resource-refused")
