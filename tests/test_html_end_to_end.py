"""A saved news page with chrome, through every writer: the article's text is all there, the chrome is not.

The page (tests/data/html/pages/zh-news-gbk.html, stored as UTF-8) is written out
as GBK bytes, read once and written as DOCX, EPUB and PDF (one small PDF render);
each output is read back with its own library.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest

import convert

PAGES = Path(__file__).resolve().parent / "data" / "html" / "pages"
TRUTH = json.loads((PAGES / "zh-news-gbk.truth.json").read_text(encoding="utf-8"))


def _squeezed(text: str) -> str:
    """Text without any whitespace: writers wrap and pad lines as they like."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("e2e")
    page = folder / "news.html"
    page.write_bytes((PAGES / "zh-news-gbk.html").read_text(encoding="utf-8").encode("gbk"))
    convert.convert_to_formats(page, ["docx", "epub", "pdf"], folder)
    return {kind: folder / f"news.{kind}" for kind in ("docx", "epub", "pdf")}


def _assert_article_without_chrome(text: str) -> None:
    text = _squeezed(text)
    for line in TRUTH["text"]:
        assert _squeezed(line) in text, line
    for chrome in TRUTH["chrome"]:
        assert _squeezed(chrome) not in text, chrome
    assert _squeezed(TRUTH["title"]) in text


def test_docx(outputs):
    import docx

    document = docx.Document(str(outputs["docx"]))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines.extend(" ".join(cell.text for cell in row.cells) for row in table.rows)
    _assert_article_without_chrome("\n".join(lines))


def test_epub(outputs):
    from lxml import etree

    with zipfile.ZipFile(outputs["epub"]) as book:
        chapters = [name for name in book.namelist() if name.endswith(".xhtml") and "nav" not in name]
        text = "\n".join("".join(etree.fromstring(book.read(name)).itertext()) for name in chapters)
    _assert_article_without_chrome(text)


def test_pdf(outputs):
    from pypdf import PdfReader

    text = "\n".join(page.extract_text() for page in PdfReader(str(outputs["pdf"])).pages)
    _assert_article_without_chrome(text)
