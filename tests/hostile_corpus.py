"""Hostile inputs, generated rather than committed: what scraped and broken files look like.

Each case is (file name, bytes, expectation). An expectation is either
("ok", marker) — the conversion succeeds and `marker` appears in every
output — or ("error", exit code, message part). Shared by the tests and by
bench/hostile_report.py, which prints every case's exit code and message.
"""

from __future__ import annotations

import base64
import io
import struct
import zlib
from collections.abc import Callable, Iterator

ZH = "经济运行总体平稳，稳中有进。今年以来，国民经济持续恢复，就业形势保持稳定。"
ZH_TW = "經濟運行總體平穩，穩中有進。今年以來，國民經濟持續恢復，就業形勢保持穩定。"

Case = tuple[str, Callable[[], bytes], tuple]


def _page(body: str, head: str = "", charset_meta: str = "") -> str:
    return f"<!doctype html><html><head>{charset_meta}<title>Case</title>{head}</head><body>{body}</body></html>"


def _nested(open_tag: str, close_tag: str, depth: int) -> bytes:
    return _page(open_tag * depth + "DEEPEST" + close_tag * depth + "<p>AFTER</p>").encode()


def _bomb_png(width: int = 40000, height: int = 40000) -> bytes:
    """A valid PNG header claiming 1.6 billion pixels, with almost no data behind it."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b"")


def _png(width: int = 10, height: int = 10) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "red").save(buffer, "PNG")
    return buffer.getvalue()


def _many_paragraphs(count: int = 5000) -> bytes:
    return ("Five Thousand Paragraphs\n\n" + "\n\n".join(
        f"Paragraph number {i} of the long document." for i in range(count)) + "\nLASTPARAGRAPH\n").encode()


def cases() -> Iterator[Case]:
    yield "empty.txt", lambda: b"", ("error", 1, "no text content")
    yield "whitespace.html", lambda: b" \n\t\r\n   \xe3\x80\x80\n", ("error", 1, "no text content")
    yield "only-script.html", lambda: _page("<script>var a = 1;</script><style>p{}</style><!-- c -->").encode(), \
        ("error", 1, "no text content")
    yield "binary.html", lambda: bytes(range(256)) * 64, ("error", 1, "not a text or HTML file (looks like binary data)")
    yield "picture.txt", _png, ("error", 1, "not a text or HTML file (looks like a PNG image)")
    yield "archive.html", lambda: b"PK\x03\x04" + bytes(300), ("error", 1, "looks like a ZIP archive")
    yield "deep-div.html", lambda: _nested("<div>", "</div>", 10000), ("ok", "DEEPEST")
    yield "deep-blockquote.html", lambda: _nested("<blockquote>", "</blockquote>", 10000), ("ok", "DEEPEST")
    yield "deep-list.html", lambda: _nested("<ul><li>", "</li></ul>", 10000), ("ok", "DEEPEST")
    yield "deep-table.html", lambda: _nested("<table><tr><td>", "</td></tr></table>", 1000), ("ok", "DEEPEST")
    yield "deep-span.html", lambda: _nested("<span><b><i>", "</i></b></span>", 3000), ("ok", "DEEPEST")
    yield "lxml-depth-trap.html", lambda: _nested("<div>", "</div>", 300), ("ok", "AFTER")
    yield "gbk-undeclared.txt", lambda: ("标题\n" + ZH + "\n").encode("gbk"), ("ok", ZH)
    yield "gbk-undeclared.html", lambda: _page(f"<p>{ZH}</p>").encode("gbk"), ("ok", ZH)
    yield "big5-undeclared.html", lambda: _page(f"<p>{ZH_TW}</p>").encode("big5"), ("ok", ZH_TW)
    yield "utf16-bom.txt", lambda: b"\xff\xfe" + ("标题\n" + ZH + "\n").encode("utf-16-le"), ("ok", ZH)
    yield "lying-utf8.html", lambda: _page(f"<p>{ZH}</p>", charset_meta='<meta charset="utf-8">').encode("gbk"), \
        ("ok", ZH)
    yield "gb2312-with-gbk-chars.html", lambda: _page(
        f"<p>{ZH}朱镕基陶喆王堃</p>", charset_meta='<meta charset="gb2312">').encode("gbk"), ("ok", "朱镕基陶喆王堃")
    yield "lying-latin1.html", lambda: _page(
        f"<p>{ZH}</p>", charset_meta='<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
    ).encode("gbk"), ("ok", ZH)
    yield "gb18030-4byte-declared-gbk.html", lambda: _page(
        f"<p>{ZH}䶮</p>", charset_meta='<meta charset="gbk">').encode("gb18030"), ("ok", ZH + "䶮")
    yield "utf8-declared-gbk.html", lambda: _page(
        f"<p>{ZH}</p>", charset_meta='<meta charset="gbk">').encode("utf-8"), ("ok", ZH)
    yield "big5-hkscs-declared-big5.html", lambda: _page(
        f"<p>{ZH_TW}𡃁</p>", charset_meta='<meta charset="big5">').encode("big5hkscs"), ("ok", ZH_TW + "𡃁")
    yield "broken-data-image.html", lambda: _page(
        '<p>Before image.</p><img src="data:image/png;base64,iVBORw0KGgo!!!!broken" alt="broken">'
        f'<img src="data:image/png;base64,{base64.b64encode(b"not a png").decode()}" alt="notpng">'
        "<p>IMAGETEXT after.</p>").encode(), ("ok", "IMAGETEXT")
    yield "bomb-image.html", lambda: _page(
        f'<p>BOMBTEXT</p><img src="data:image/png;base64,{base64.b64encode(_bomb_png()).decode()}" alt="bomb">'
    ).encode(), ("ok", "BOMBTEXT")
    yield "dev-zero-image.html", lambda: _page('<p>ZEROTEXT</p><img src="/dev/zero"><img src="file:///dev/urandom">'
                                               ).encode(), ("ok", "ZEROTEXT")
    yield "control-characters.txt", lambda: ("Title\n\nText\x01with\x0bcontrols\x1b and \ufffe marks CTRLTEXT.\n"
                                             ).encode(), ("ok", "CTRLTEXT")
    yield "xml-invalid.html", lambda: _page("<p>a&#0;b&#x110000;c&#xFFFE;d XMLTEXT</p>").encode(), ("ok", "XMLTEXT")
    yield "5000-paragraphs.txt", _many_paragraphs, ("ok", "LASTPARAGRAPH")
    yield "新闻 报道 (1).txt", lambda: ("新闻标题\n" + ZH + "\n").encode(), ("ok", ZH)
    yield "one-long-line.txt", lambda: ("Title\n\n" + "word " * 40000 + "LONGLINE\n").encode(), ("ok", "LONGLINE")
    yield "empty-chapter.html", lambda: _page("<h1>Only a heading</h1><h2>Another</h2>").encode(), ("ok", "Another")
