"""EPUB writer: the zip opened and its XML parsed with lxml; EpubCheck once per book."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from zipfile import ZipFile

import pytest
from lxml import etree

from convert.context import Context
from convert.options import Options
from convert.tree import (
    Document, Heading, Image, Link, Metadata, Paragraph, Text, document_text,
)
from convert.writers.epub import EpubWriter, book_language, iso_date
from tests.conftest import with_picture, all_nodes_document, png_bytes
from tests.epubcheck_util import epubcheck_problems

NS = {
    "container": "urn:oasis:names:tc:opendocument:xmlns:container",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "x": "http://www.w3.org/1999/xhtml",
    "ncx": "http://www.daisy.org/z3986/2005/ncx/",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass
class Book:
    path: Path
    ctx: Context

    def read(self, name: str) -> bytes:
        with ZipFile(self.path) as archive:
            return archive.read(name)

    def names(self) -> list[str]:
        with ZipFile(self.path) as archive:
            return archive.namelist()

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.read(name))

    @property
    def opf_path(self) -> str:
        container = self.xml("META-INF/container.xml")
        return container.xpath("//container:rootfile/@full-path", namespaces=NS)[0]

    def opf(self) -> etree._Element:
        return self.xml(self.opf_path)

    def dc(self, element: str) -> list[str]:
        return self.opf().xpath(f"//dc:{element}/text()", namespaces=NS)

    def item_path(self, href: str) -> str:
        return str(Path(self.opf_path).parent / href)

    def spine_files(self) -> list[str]:
        opf = self.opf()
        hrefs = {item.get("id"): item.get("href") for item in opf.xpath("//opf:item", namespaces=NS)}
        return [hrefs[ref] for ref in opf.xpath("//opf:itemref/@idref", namespaces=NS)]

    def page(self, href: str) -> etree._Element:
        return self.xml(self.item_path(href))


def write_book(document: Document, folder: Path, name: str = "book.epub", **options: object) -> Book:
    ctx = Context.for_source(Options.from_kwargs(**options), str(folder))
    path = folder / name
    EpubWriter().write(document, ctx, str(path))
    return Book(path, ctx)


def page_text(page: etree._Element) -> str:
    return "".join(page.xpath("//x:body//text()", namespaces=NS))


@pytest.fixture(scope="module")
def book_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return with_picture(tmp_path_factory.mktemp("epub"))


@pytest.fixture(scope="module")
def english_book(book_folder: Path) -> Book:
    return write_book(all_nodes_document(), book_folder, "english.epub")


@pytest.fixture(scope="module")
def chinese_book(book_folder: Path) -> Book:
    return write_book(all_nodes_document(chinese=True), book_folder, "chinese.epub")


# ------------------------------------------------------ the all-nodes books


@pytest.mark.slow
@pytest.mark.parametrize("which", ["english_book", "chinese_book"])
def test_epubcheck_passes(which: str, request: pytest.FixtureRequest) -> None:
    book: Book = request.getfixturevalue(which)
    assert epubcheck_problems(book.path) == []
    assert book.ctx.diagnostics == []


def test_english_metadata(english_book: Book) -> None:
    assert english_book.dc("title") == ["The Economy in Review"]
    assert english_book.dc("creator") == ["Jane Doe", "John Roe"]
    assert english_book.dc("language") == ["en"]
    assert english_book.dc("date") == ["2024-06-12"]
    assert english_book.dc("publisher") == ["Example News"]
    assert english_book.dc("subject") == ["economy", "markets"]
    assert english_book.dc("description") == ["A short lede."]
    assert english_book.dc("identifier")[0].startswith("urn:uuid:")


def test_chinese_metadata(chinese_book: Book) -> None:
    assert chinese_book.dc("title") == ["经济形势分析报告"]
    assert chinese_book.dc("creator") == ["李强"]
    assert chinese_book.dc("language") == ["zh-CN"]
    assert chinese_book.dc("subject") == ["经济", "科技"]
    assert chinese_book.dc("publisher") == ["某某新闻网"]


def test_nav_and_ncx_are_packaged(english_book: Book) -> None:
    opf = english_book.opf()
    nav_href = opf.xpath("//opf:item[@properties='nav']/@href", namespaces=NS)
    ncx_href = opf.xpath("//opf:item[@media-type='application/x-dtbncx+xml']/@href", namespaces=NS)
    assert nav_href == ["nav.xhtml"] and ncx_href == ["toc.ncx"]
    assert opf.xpath("//opf:spine/@toc", namespaces=NS) == ["ncx"]
    nav = english_book.page("nav.xhtml")
    links = nav.xpath("//x:nav[@epub:type='toc']//x:a", namespaces={**NS, "epub": "http://www.idpf.org/2007/ops"})
    assert [(a.get("href"), a.text) for a in links] == [
        ("title.xhtml", "The Economy in Review"), ("c001.xhtml#sec-1", "Overview"), ("c001.xhtml#sec-2", "Figures"),
    ]
    # Figures (h3) nests under Overview (h2)
    assert nav.xpath("//x:li[x:a='Overview']/x:ol/x:li/x:a/text()", namespaces=NS) == ["Figures"]
    ncx = english_book.xml(english_book.item_path("toc.ncx"))
    assert ncx.xpath("//ncx:navPoint/ncx:content/@src", namespaces=NS) == [
        "title.xhtml", "c001.xhtml#sec-1", "c001.xhtml#sec-2",
    ]


def test_spine_starts_with_title_page(english_book: Book) -> None:
    assert english_book.spine_files() == ["title.xhtml", "c001.xhtml"]
    title_page = english_book.page("title.xhtml")
    text = page_text(title_page)
    for fact in ("The Economy in Review", "Jane Doe, John Roe", "2024-06-12", "Example News"):
        assert fact in text


def test_chinese_chapter_has_language_headings_text_and_image(chinese_book: Book) -> None:
    chapter = chinese_book.page("c001.xhtml")
    assert chapter.get("lang") == "zh-CN" and chapter.get(XML_LANG) == "zh-CN"
    headings = chapter.xpath("//x:h2/text() | //x:h3/text()", namespaces=NS)
    assert headings == ["一、总体情况", "（一）数据"]
    text = page_text(chapter)
    document = all_nodes_document(chinese=True)
    for word in document_text(document).split():  # table cells come back without the separating space
        assert word in text
    [src] = chapter.xpath("//x:img/@src", namespaces=NS)
    assert src == "images/img001.png"
    assert chinese_book.read(chinese_book.item_path(src)) == png_bytes()
    stylesheet = chapter.xpath("//x:link[@rel='stylesheet']/@href", namespaces=NS)
    assert stylesheet == ["style/epub.css"]
    css = chinese_book.read(chinese_book.item_path(stylesheet[0])).decode()
    assert "html:lang(zh) p { text-indent: 2em; text-align: justify; }" in css
    assert "line-height: 1.8" in css


def test_same_tree_gives_same_book_and_identifier(book_folder: Path, chinese_book: Book) -> None:
    again = write_book(all_nodes_document(chinese=True), book_folder, "again.epub")
    assert again.dc("identifier") == chinese_book.dc("identifier")
    assert again.path.read_bytes() == chinese_book.path.read_bytes()
    changed = all_nodes_document(chinese=True)
    changed = replace(changed, blocks=changed.blocks[:-1])
    other = write_book(changed, book_folder, "other.epub")
    assert other.dc("identifier") != chinese_book.dc("identifier")


# ------------------------------------------------------------------ splitting


def long_document(sections: int = 5, words: int = 20) -> Document:
    blocks: list = []
    for number in range(1, sections + 1):
        heading_id = "target" if number == 3 else ""
        blocks.append(Heading(2, (Text(f"Section {number}"),), id=heading_id))
        blocks.append(Paragraph((Text(f"Body of section {number}. " + "word " * words),)))
        blocks.append(Heading(3, (Text(f"Detail {number}"),)))
        blocks.append(Paragraph((Text(f"Detail text {number}."),)))
    blocks[1] = Paragraph((
        Text("See "), Link((Text("section three"),), "#target"),
        Text(", "), Link((Text("script"),), "javascript:alert(1)"),
        Text(", "), Link((Text("relative"),), "../secret.html"),
        Text(", "), Link((Text("nowhere"),), "#missing"),
        Text(", "), Link((Text("spaced"),), "https://example.com/a b"),
    ))
    return Document(Metadata(title="Long book", language="en"), tuple(blocks))


@pytest.mark.slow
def test_split_level_two_makes_chapters_and_keeps_links(tmp_path: Path) -> None:
    book = write_book(long_document(), tmp_path, split_level=2)
    assert book.spine_files() == ["title.xhtml", "c001.xhtml", "c002.xhtml", "c003.xhtml", "c004.xhtml", "c005.xhtml"]
    first = book.page("c001.xhtml")
    hrefs = {a.text: a.get("href") for a in first.xpath("//x:a", namespaces=NS)}
    assert hrefs == {"section three": "c003.xhtml#target", "spaced": "https://example.com/a%20b"}
    assert "script" in page_text(first) and "relative" in page_text(first) and "nowhere" in page_text(first)
    target_page, fragment = hrefs["section three"].split("#")
    assert book.page(target_page).xpath(f"//x:h2[@id='{fragment}']/text()", namespaces=NS) == ["Section 3"]
    nav = book.page("nav.xhtml")
    assert nav.xpath("//x:a/@href", namespaces=NS)[:4] == [
        "title.xhtml", "c001.xhtml#sec-1", "c001.xhtml#sec-2", "c002.xhtml#sec-3",
    ]
    assert epubcheck_problems(book.path) == []


def test_automatic_split_only_for_long_documents(tmp_path: Path) -> None:
    short = write_book(long_document(words=20), tmp_path, "short.epub")
    assert short.spine_files() == ["title.xhtml", "c001.xhtml"]
    long = write_book(long_document(words=1200), tmp_path, "long.epub")
    assert long.spine_files()[1:] == [f"c00{n}.xhtml" for n in range(1, 6)]


# ------------------------------------------------------- images and failures


@pytest.mark.slow
def test_refused_image_warns_and_book_stays_valid(tmp_path: Path) -> None:
    document = Document(Metadata(), (
        Paragraph((Text("Before the picture."),)),
        Image("../outside.png", alt="A lost picture"),
    ))
    book = write_book(document, tmp_path)
    assert [d.code for d in book.ctx.diagnostics] == ["resource-refused"]
    assert not [name for name in book.names() if "images/" in name]
    chapter = book.page("c001.xhtml")
    assert "A lost picture" in page_text(chapter) and not chapter.xpath("//x:img", namespaces=NS)
    assert book.dc("title") == ["Untitled"] and book.dc("language") == ["en"]
    assert epubcheck_problems(book.path) == []


def test_identical_images_are_packed_once(image_folder: Path) -> None:
    (image_folder / "copy.png").write_bytes(png_bytes())
    document = Document(Metadata(title="Pictures"), (Image("pic.png", alt="one"), Image("copy.png", alt="two")))
    book = write_book(document, image_folder)
    assert [name for name in book.names() if "images/" in name] == ["EPUB/images/img001.png"]
    assert book.page("c001.xhtml").xpath("//x:img/@src", namespaces=NS) == ["images/img001.png"] * 2


def test_chapter_that_renders_empty_is_left_out(tmp_path: Path) -> None:
    document = Document(Metadata(title="Nothing left"), (Image("../gone.png"),))
    book = write_book(document, tmp_path)
    assert book.spine_files() == ["title.xhtml"]
    assert book.page("nav.xhtml").xpath("//x:a/@href", namespaces=NS) == ["title.xhtml"]


def test_failed_write_raises(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_book(all_nodes_document(), tmp_path / "missing-folder")


def test_language_and_date_normalisation() -> None:
    english = Document(Metadata(language="C"), (Paragraph((Text("Plain English words here."),)),))
    assert book_language(english) == "en"
    assert book_language(replace(english, meta=Metadata(language="zh_CN.UTF-8"))) == "zh-CN"
    assert iso_date("2024-06-12T08:00:00+02:00") == "2024-06-12"
    assert iso_date("2024-13-01") == "" and iso_date("June 2024") == ""


def test_xml_invalid_characters_are_dropped(tmp_path: Path) -> None:
    document = Document(
        Metadata(title="Bad\x0b title", authors=("Ann\ud800",), tags=("x\x1f",)),
        (Heading(2, (Text("Head\ufffe"),)), Paragraph((Text("body\x00 text"),))),
    )
    book = write_book(document, tmp_path)
    assert book.dc("title") == ["Bad title"] and book.dc("creator") == ["Ann"] and book.dc("subject") == ["x"]
    assert "body text" in page_text(book.page("c001.xhtml"))
    assert book.page("nav.xhtml").xpath("//x:a/text()", namespaces=NS) == ["Bad title", "Head"]


# ------------------------------------------------- issue 5: themes, languages, media types


def test_every_content_document_has_both_language_attributes(chinese_book: Book) -> None:
    opf = chinese_book.opf()
    documents = opf.xpath("//opf:item[@media-type='application/xhtml+xml']/@href", namespaces=NS)
    assert set(documents) >= {"title.xhtml", "c001.xhtml", "nav.xhtml"}
    for href in documents:
        root = chinese_book.page(href)
        assert (root.get("lang"), root.get(XML_LANG)) == ("zh-CN", "zh-CN"), href


def test_images_are_items_with_their_media_type(book_folder: Path) -> None:
    (book_folder / "photo.jpg").write_bytes(png_as_jpeg())
    document = Document(Metadata(title="Media"), (Image("pic.png", alt="png"), Image("photo.jpg", alt="jpeg")))
    book = write_book(document, book_folder, "media.epub")
    items = {item.get("href"): item.get("media-type")
             for item in book.opf().xpath("//opf:item[starts-with(@href, 'images/')]", namespaces=NS)}
    assert items == {"images/img001.png": "image/png", "images/img002.jpg": "image/jpeg"}


def png_as_jpeg() -> bytes:
    import io

    from PIL import Image as PilImage

    buffer = io.BytesIO()
    PilImage.open(io.BytesIO(png_bytes())).convert("RGB").save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.mark.slow
def test_book_theme_and_user_css_are_items_linked_in_order(book_folder: Path) -> None:
    css = book_folder / "mine.css"
    css.write_text("p { color: #333; background: url(../secret.png); }", encoding="utf-8")
    (book_folder / "photo2.jpg").write_bytes(png_as_jpeg())
    document = all_nodes_document(chinese=True)
    document = replace(document, blocks=(*document.blocks, Image("photo2.jpg", alt="照片")))  # JPEG for EpubCheck
    book = write_book(document, book_folder, "themed.epub", template="book", css=(str(css),))
    chapter = book.page("c001.xhtml")
    assert chapter.xpath("//x:link[@rel='stylesheet']/@href", namespaces=NS) == ["style/epub.css", "style/user1.css"]
    theme_css = book.read(book.item_path("style/epub.css")).decode()
    assert "docconv \"book\" theme" in theme_css and "text-indent: 2em" in theme_css
    user_css = book.read(book.item_path("style/user1.css")).decode()
    assert "color: #333" in user_css and "secret" not in user_css
    assert [d.code for d in book.ctx.diagnostics] == ["css-url-refused"]
    assert epubcheck_problems(book.path) == []
