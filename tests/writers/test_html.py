"""HTML writer: one standalone page, parsed back with lxml."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from convert.context import Context
from convert.options import Options
from convert.tree import Document, Heading, Link, Metadata, Paragraph, Text
from convert.writers._page import cjk_variant, created_date, font_stacks
from convert.writers.html import HtmlWriter
from tests.conftest import all_nodes_document


def write_html(document: Document, folder: Path, **options: object) -> tuple[lxml.html.HtmlElement, str, Context]:
    ctx = Context.for_source(Options.from_kwargs(**options), str(folder))
    path = folder / "out.html"
    HtmlWriter().write(document, ctx, str(path))
    text = path.read_text(encoding="utf-8")
    return lxml.html.document_fromstring(text), text, ctx


def test_chinese_page_head_and_body(image_folder: Path) -> None:
    root, text, ctx = write_html(all_nodes_document(chinese=True), image_folder)
    assert text.startswith("<!DOCTYPE html>")
    assert root.get("lang") == "zh-CN"
    assert root.findtext(".//title") == "经济形势分析报告"
    metas = {meta.get("name"): meta.get("content") for meta in root.iter("meta") if meta.get("name")}
    assert metas["author"] == "李强"
    assert metas["keywords"] == "经济, 科技"
    assert metas["description"] == "导语内容：经济稳中向好。"
    assert root.xpath("//meta/@charset") == ["utf-8"]
    assert "Noto Serif CJK SC" in root.findtext(".//style")
    assert "今年以来，我国经济运行总体平稳，稳中有进。" in root.text_content()
    assert ctx.diagnostics == []


def test_images_inline_and_no_scripts(image_folder: Path) -> None:
    root, text, _ = write_html(all_nodes_document(), image_folder)
    sources = root.xpath("//img/@src")
    assert len(sources) == 1 and sources[0].startswith("data:image/png;base64,")
    assert not root.xpath("//script") and "<script" not in text.lower()
    assert root.get("lang") == "en"
    assert root.xpath("//a/@href") == ["https://example.com/page"]
    assert root.xpath("//ol/@start") == ["3"]


def test_refused_image_keeps_caption_and_warns(image_folder: Path) -> None:
    root, _, ctx = write_html(all_nodes_document(image_src="file:///etc/passwd"), image_folder)
    assert not root.xpath("//img")
    assert root.xpath("//p[@class='missing-image']/text()") == ["Figure caption"]
    assert [d.code for d in ctx.diagnostics] == ["resource-refused"]


def test_toc_links_to_heading_ids(image_folder: Path) -> None:
    root, _, _ = write_html(all_nodes_document(), image_folder, toc=True)
    targets = root.xpath("//nav[@class='toc']//a/@href")
    assert [root.get_element_by_id(t[1:]).text_content() for t in targets] == ["Overview", "Figures"]


def test_markup_in_metadata_is_escaped(tmp_path: Path) -> None:
    document = Document(Metadata(title="<script>alert(1)</script> & co", authors=('"Q" <q@x>',)),
                        (Heading(2, (Text("<b>not bold</b>"),)), Paragraph((Text("a < b"),))))
    root, text, _ = write_html(document, tmp_path)
    assert "<script" not in text
    assert root.findtext(".//title") == "<script>alert(1)</script> & co"
    assert root.xpath("//meta[@name='author']/@content") == ['"Q" <q@x>']
    assert root.xpath("//h2")[0].text_content() == "<b>not bold</b>"


@pytest.mark.parametrize(("language", "variant"), [
    ("zh-CN", "SC"), ("zh", "SC"), ("zh-TW", "TC"), ("zh-Hant-HK", "TC"), ("ja", "JP"), ("ko-KR", "KR"), ("en", "SC"),
])
def test_cjk_variant_follows_language(language: str, variant: str) -> None:
    assert cjk_variant(language) == variant
    assert f"Noto Serif CJK {variant}" in font_stacks(language)["serif"]


def test_created_date_is_a_w3c_date_or_nothing() -> None:
    assert created_date("2024-06-12") == "2024-06-12"
    assert created_date("2024-06-12T08:30:00+08:00") == "2024-06-12T08:30:00+08:00"
    assert created_date("2024-06-12T08:30:00") == "2024-06-12"
    assert created_date("June 2024") == ""


def test_theme_then_user_css_follow_the_page_rules(tmp_path: Path) -> None:
    css = tmp_path / "mine.css"
    css.write_text("h1 { color: green; }\n/* </style><script>alert(1)</script> */", encoding="utf-8")
    document = Document(Metadata(title="Styled", language="zh-CN"), (Paragraph((Text("正文。"),)),))
    root, text, _ = write_html(document, tmp_path, template="book", css=(str(css),))
    style = root.findtext(".//style")
    assert not root.xpath("//script") and "<\\/style>" in style  # the file cannot close the <style>
    # per-document fonts first, then the theme (book falls back to the default html.css), then the user's
    assert style.index("Noto Serif CJK SC") < style.index("docconv standalone HTML page") < style.index("color: green")
    assert "line-break: strict" in style and "word-break: normal" in style


def test_book_theme_marks_the_chapter_level(tmp_path: Path) -> None:
    document = Document(Metadata(title="T"), (Heading(3, (Text("Sub"),)), Heading(2, (Text("Top"),))))
    root, _, _ = write_html(document, tmp_path)
    assert root.xpath("//main/@class") == ["body chapters-h2"]


def test_a_link_inside_a_link_becomes_its_text(tmp_path: Path) -> None:
    inner = Link((Text("inner"),), "https://example.com/inner")
    document = Document(Metadata(title="Links"), (Paragraph((Link((Text("outer "), inner), "https://example.com/"),)),))
    root, _, _ = write_html(document, tmp_path)
    assert root.xpath("//a/@href") == ["https://example.com/"] and not root.xpath("//a//a")
    assert root.xpath("//a")[0].text_content() == "outer inner"
