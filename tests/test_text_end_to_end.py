"""The two sample articles (.txt) through every writer: what the text reader found —
title, authors, date, tags, section headings — reaches each output's own metadata
and navigation, read back with the output's own library.

One conversion per language writes all five formats (one small PDF render each).
"""

from __future__ import annotations

import json
import posixpath
import re
import zipfile
from pathlib import Path

import pytest

import convert

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
FORMATS = ["docx", "epub", "pdf", "html", "json"]

EXPECTED = {
    "zh-news": {
        "title": "小城夜市点亮县域消费新图景", "authors": ["李强", "张敏"], "date": "2023-09-08",
        "tags": ["经济", "科技", "夜间经济"],
        "headings": ["老街换新颜，烟火气回来了", "文旅融合，让夜晚“有看头”", "线上线下联动，小商户搭上“快车”",
                     "规范管理，守住烟火与秩序的平衡"],
        "dropped": ["相关阅读", "版权所有"],
    },
    "en-article": {
        "title": "Small Harbours, Big Ideas: How Coastal Towns Are Rethinking Tourism", "authors": ["Jane Doe"],
        "date": "2024-06-12", "tags": ["travel", "tourism", "coastal towns"],
        "headings": ["A Longer Season", "Keeping Money Local", "What Comes Next"],
        "dropped": ["Tags:", "Editor:"],
    },
}


@pytest.fixture(scope="module", params=sorted(EXPECTED))
def converted(request, tmp_path_factory) -> tuple[dict, dict[str, Path], list]:
    name = request.param
    folder = tmp_path_factory.mktemp(name)
    result = convert.convert_to_formats(SAMPLES / f"{name}.txt", FORMATS, folder)
    return EXPECTED[name], {kind: folder / f"{name}.{kind}" for kind in FORMATS}, result.diagnostics


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_docx_core_properties_and_heading_styles(converted):
    import docx

    expected, paths, _ = converted
    document = docx.Document(str(paths["docx"]))
    props = document.core_properties
    assert props.title == expected["title"]
    assert props.author == "; ".join(expected["authors"])
    assert props.keywords == ", ".join(expected["tags"])
    assert props.created.date().isoformat() == expected["date"]
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings == expected["headings"]
    body = _squeezed("\n".join(p.text for p in document.paragraphs))
    for gone in expected["dropped"]:
        assert _squeezed(gone) not in body


def test_epub_opf_metadata_and_nav(converted):
    from lxml import etree

    expected, paths, _ = converted
    dc = "{http://purl.org/dc/elements/1.1/}"
    with zipfile.ZipFile(paths["epub"]) as book:
        container = etree.fromstring(book.read("META-INF/container.xml"))
        opf_path = container.find(".//{*}rootfile").get("full-path")
        opf = etree.fromstring(book.read(opf_path))
        nav_item = opf.find(".//{*}manifest/{*}item[@properties='nav']")
        nav = etree.fromstring(book.read(posixpath.join(posixpath.dirname(opf_path), nav_item.get("href"))))
    metadata = opf.find("{*}metadata")
    assert metadata.findtext(f"{dc}title") == expected["title"]
    assert [e.text for e in metadata.findall(f"{dc}creator")] == expected["authors"]
    assert metadata.findtext(f"{dc}date").startswith(expected["date"])
    assert [e.text for e in metadata.findall(f"{dc}subject")] == expected["tags"]
    toc = nav.find(".//{*}nav[@{http://www.idpf.org/2007/ops}type='toc']")
    entries = ["".join(a.itertext()).strip() for a in toc.iter("{*}a")]
    for heading in expected["headings"]:
        assert heading in entries


def test_pdf_info_and_outline(converted):
    from pypdf import PdfReader

    expected, paths, _ = converted
    reader = PdfReader(str(paths["pdf"]))
    info = reader.metadata
    assert info.title == expected["title"]
    assert info.author == ", ".join(expected["authors"])
    for tag in expected["tags"]:
        assert tag in info["/Keywords"]

    def titles(outline) -> list[str]:
        found = []
        for item in outline:
            found.extend(titles(item) if isinstance(item, list) else [item.title])
        return found

    outline = titles(reader.outline)
    for heading in expected["headings"]:
        assert heading in outline


def test_html_head_and_headings(converted):
    from lxml import html as lxml_html

    expected, paths, _ = converted
    page = lxml_html.fromstring(paths["html"].read_bytes())
    assert page.findtext(".//title") == expected["title"]
    authors = [m.get("content") for m in page.iter("meta") if m.get("name") == "author"]
    assert all(any(a in content for content in authors) for a in expected["authors"])
    assert ["".join(h.itertext()).strip() for h in page.iter("h2")] == expected["headings"]


def test_json_tree_carries_the_metadata(converted):
    expected, paths, diagnostics = converted
    tree = json.loads(paths["json"].read_text(encoding="utf-8"))
    meta = tree["meta"]
    assert (meta["title"], meta["authors"], meta["tags"]) == (expected["title"], expected["authors"], expected["tags"])
    assert meta["date"].startswith(expected["date"])
    headings = [b for b in tree["blocks"] if b["t"] == "Heading"]
    assert ["".join(c.get("text", "") for c in h["children"]) for h in headings] == expected["headings"]
    dropped_warnings = [d for d in diagnostics if d.code == "boilerplate-dropped"]
    assert len(dropped_warnings) == (1 if "相关阅读" in expected["dropped"] else 0)
