"""PDF writer: real PDFs from WeasyPrint, read back with pypdf. Kept to a few small renders."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject
from weasyprint.urls import URLFetchingError

from convert.context import Context
from convert.errors import ConvertError, UsageError
from convert.options import Options
from convert.tree import Cell, Document, Heading, Image, Link, Metadata, Paragraph, Quote, Table, Text
from convert.writers.pdf import DataOnlyFetcher, PdfWriter, missing_glyphs_message
from tests.conftest import with_picture, all_nodes_document, png_bytes


def write_pdf(document: Document, folder: Path, name: str, **options: object) -> tuple[PdfReader, Context]:
    ctx = Context.for_source(Options.from_kwargs(**options), str(folder), name)
    path = folder / f"{name}.pdf"
    PdfWriter().write(document, ctx, str(path))
    return PdfReader(path), ctx


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return with_picture(tmp_path_factory.mktemp("pdf"))


@pytest.fixture(scope="module")
def chinese(folder: Path) -> tuple[PdfReader, Context]:
    return write_pdf(all_nodes_document(chinese=True), folder, "chinese")


@pytest.fixture(scope="module")
def english(folder: Path) -> tuple[PdfReader, Context]:
    return write_pdf(all_nodes_document(), folder, "english", paper="letter", toc=True)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def all_text(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def page_fonts(reader: PdfReader) -> list[DictionaryObject]:
    fonts = []
    for page in reader.pages:
        resources = page["/Resources"].get_object()
        fonts.extend(font.get_object() for font in resources.get("/Font", {}).get_object().values())
    return fonts


def is_embedded(font: DictionaryObject) -> bool:
    if font.get("/Subtype") == "/Type0":
        font = font["/DescendantFonts"][0].get_object()
    descriptor = font["/FontDescriptor"].get_object()
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def font_names(reader: PdfReader) -> set[str]:
    return {str(font["/BaseFont"]).split("+", 1)[-1] for font in page_fonts(reader)}


def link_annotations(reader: PdfReader, page_numbers: range | None = None) -> list[DictionaryObject]:
    pages = [reader.pages[n] for n in page_numbers] if page_numbers is not None else reader.pages
    return [annot.get_object() for page in pages for annot in page.get("/Annots", [])
            if annot.get_object()["/Subtype"] == "/Link"]


def is_internal(link: DictionaryObject) -> bool:
    return "/Dest" in link or ("/A" in link and link["/A"].get("/S") == "/GoTo")


def outline_titles(outline: list) -> list[str]:
    titles = []
    for item in outline:
        titles.extend(outline_titles(item) if isinstance(item, list) else [item.title])
    return titles


def test_chinese_text_is_extracted_exactly(chinese: tuple[PdfReader, Context]) -> None:
    reader, ctx = chinese
    text = squeeze(all_text(reader))
    assert "经济形势分析报告" in text
    assert "今年以来，我国经济运行总体平稳，稳中有进。" in text
    assert "（一）数据" in text
    assert not [d for d in ctx.diagnostics if d.code == "missing-glyphs"]


def test_fonts_are_embedded_and_chinese_uses_a_cjk_font(chinese: tuple[PdfReader, Context]) -> None:
    reader, _ = chinese
    fonts = page_fonts(reader)
    assert fonts and all(is_embedded(font) for font in fonts)
    names = [str(font["/BaseFont"]) for font in fonts]
    assert any("CJK" in name for name in names), names
    assert any("SC" in name for name in names if "CJK" in name), names  # zh-CN picks the simplified faces


def test_metadata_outline_and_language(chinese: tuple[PdfReader, Context]) -> None:
    reader, _ = chinese
    assert reader.metadata["/Title"] == "经济形势分析报告"
    assert reader.metadata["/Author"] == "李强"
    assert reader.metadata["/Keywords"] == "经济, 科技"
    assert reader.metadata["/Subject"] == "导语内容：经济稳中向好。"
    assert reader.metadata["/CreationDate"].startswith("D:20230908")
    assert reader.trailer["/Root"]["/Lang"] == "zh-CN"
    # The title is the one top-level bookmark; body headings nest below it.
    top = reader.outline
    assert [item.title for item in top if not isinstance(item, list)] == ["经济形势分析报告"]
    assert outline_titles(top) == ["经济形势分析报告", "一、总体情况", "（一）数据"]


def test_page_size_image_and_running_footer(chinese: tuple[PdfReader, Context], english: tuple[PdfReader, Context]) -> None:
    a4, letter = chinese[0].pages[0].mediabox, english[0].pages[0].mediabox
    assert (round(float(a4.width)), round(float(a4.height))) == (595, 842)
    assert (round(float(letter.width)), round(float(letter.height))) == (612, 792)
    images = [
        xobject for page in chinese[0].pages
        for xobject in page["/Resources"].get_object().get("/XObject", {}).get_object().values()
        if xobject.get_object().get("/Subtype") == "/Image"
    ]
    assert images
    pages = len(chinese[0].pages)
    assert f"1 / {pages}" in chinese[0].pages[0].extract_text()


def test_toc_lists_headings_with_links(english: tuple[PdfReader, Context]) -> None:
    reader, ctx = english
    text = all_text(reader)
    assert text.count("Overview") == 2 and text.count("Figures") == 2  # contents entry + the heading
    links = [
        annot.get_object() for page in reader.pages for annot in page.get("/Annots", [])
        if annot.get_object()["/Subtype"] == "/Link"
    ]
    assert any("/Dest" in link or "/A" in link and link["/A"].get("/S") == "/GoTo" for link in links)
    assert any(link.get("/A", {}).get("/URI") == "https://example.com/page" for link in links)
    assert "Contents" not in outline_titles(reader.outline)
    assert reader.metadata["/Author"] == "Jane Doe, John Roe"
    assert ctx.diagnostics == []


def test_uncovered_script_warns_missing_glyphs(folder: Path) -> None:
    document = Document(Metadata(title="Scripts", language="en"),
                        (Paragraph((Text("Cuneiform \U00012000\U00012001 and Old Hungarian \U00010c80"),)),))
    _, ctx = write_pdf(document, folder, "scripts")
    warnings = [d.message for d in ctx.diagnostics if d.code == "missing-glyphs"]
    assert len(warnings) == 1
    assert "U+12000" in warnings[0] and "CUNEIFORM" in warnings[0] and "OLD HUNGARIAN" in warnings[0]
    assert "install a font" in warnings[0]


def test_missing_glyphs_message_suggests_cjk_fonts_for_han() -> None:
    message = missing_glyphs_message(["一"])
    assert "U+4E00" in message and "fonts-noto-cjk" in message


def test_refused_image_warns_and_still_writes(folder: Path) -> None:
    reader, ctx = write_pdf(all_nodes_document(image_src="file:///etc/passwd"), folder, "refused")
    assert [d.code for d in ctx.diagnostics] == ["resource-refused"]
    assert "Figure caption" in all_text(reader)  # the caption stands in for the image


def test_body_h1_nests_under_the_title(folder: Path) -> None:
    document = Document(Metadata(title="Report"), (Heading(1, (Text("Part one"),)), Paragraph((Text("x"),)),
                                                   Heading(2, (Text("Detail"),)), Paragraph((Text("y"),))))
    reader, _ = write_pdf(document, folder, "levels", pdf_variant="pdf/ua-1")
    outline = reader.outline
    assert outline[0].title == "Report"
    assert outline[1][0].title == "Part one" and outline[1][1][0].title == "Detail"
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # pdf/ua-1 tags the document


def test_unknown_variant_is_an_error(folder: Path) -> None:
    with pytest.raises(ConvertError, match="unknown PDF variant"):
        write_pdf(all_nodes_document(), folder, "variant", pdf_variant="pdf/z-9")


def test_too_deep_nesting_is_a_convert_error(folder: Path) -> None:
    blocks: tuple = (Paragraph((Text("deep"),)),)
    for _ in range(200):
        blocks = (Quote(blocks),)
    with pytest.raises(ConvertError, match="nests too deeply"):
        write_pdf(Document(Metadata(title="Deep"), blocks), folder, "deep")


def test_weasyprint_fetcher_allows_only_data_uris() -> None:
    fetcher = DataOnlyFetcher()
    assert fetcher.fetch("data:text/plain;base64,aGk=").read() == b"hi"
    for url in ("file:///etc/passwd", "http://127.0.0.1/x.png", "ftp://example.com/a"):
        with pytest.raises(URLFetchingError):
            fetcher.fetch(url)


# ------------------------------------------------------------ issue 5: themes and typography

CLOSING_PUNCTUATION = "，。、；：？！」』）》〉】”’"


def chapters_document(chinese: bool = False) -> Document:
    text = ("今年以来，我国经济运行总体平稳，稳中有进。“数据”显示：消费、投资、出口（三驾马车）均有增长！" * 12
            if chinese else "Plain words for a long paragraph. " * 40)
    blocks: list = [Paragraph((Text("See "), Link((Text("chapter two"),), "#two"), Text(".")))]
    for number, anchor in ((1, "one"), (2, "two")):
        blocks += [Heading(2, (Text(f"Chapter {number}"),), id=anchor), Paragraph((Text(text),))]
    return Document(Metadata(title="Book title", authors=("A. Writer",), language="zh-CN" if chinese else "en"),
                    tuple(blocks))


def test_chinese_pdf_uses_two_cjk_faces_serif_body(chinese: tuple[PdfReader, Context]) -> None:
    cjk = {name for name in font_names(chinese[0]) if "CJK" in name}
    # each CJK face costs 80-240 KB: serif regular for text, sans bold for headings and strong
    assert cjk == {"Noto-Serif-CJK-SC", "Noto-Sans-CJK-SC-Bold"}, cjk


def test_chinese_quotes_dashes_and_ellipsis_come_from_the_cjk_face(folder: Path) -> None:
    # a Latin face would draw these narrow; Chinese sets them full width
    document = Document(Metadata(title="引号", language="zh-CN"),
                        (Paragraph((Text("他说：“你好，‘世界’。”——真的……"),)),))
    reader, _ = write_pdf(document, folder, "zh-quotes")
    assert "他说：“你好，‘世界’。”——真的……" in squeeze(all_text(reader))
    assert font_names(reader) == {"Noto-Serif-CJK-SC", "Noto-Sans-CJK-SC-Bold"}  # the title is bold sans


def test_chinese_emphasis_is_marked_under_the_text_not_slanted(chinese: tuple[PdfReader, Context]) -> None:
    assert not [name for name in font_names(chinese[0]) if "Oblique" in name or "Italic" in name]


def test_chinese_lines_never_start_with_closing_punctuation(folder: Path) -> None:
    reader, ctx = write_pdf(chapters_document(chinese=True), folder, "zh-lines")
    lines = [line.strip() for page in reader.pages for line in page.extract_text().splitlines() if line.strip()]
    assert len(lines) > 20
    assert [line for line in lines if line[0] in CLOSING_PUNCTUATION] == []
    assert ctx.diagnostics == []


def test_internal_link_running_header_and_page_numbers(folder: Path) -> None:
    document = chapters_document()
    long_blocks = document.blocks + tuple(Paragraph((Text("More words to fill pages. " * 60),)) for _ in range(4))
    reader, _ = write_pdf(Document(document.meta, long_blocks), folder, "running")
    assert len(reader.pages) >= 2
    assert any(is_internal(link) for link in link_annotations(reader, range(1)))  # "#two" -> the heading
    first, second = reader.pages[0].extract_text(), reader.pages[1].extract_text()
    assert first.count("Book title") == 1  # the title block only: no running head on page 1
    assert "Book title" in second and f"2 / {len(reader.pages)}" in second


def test_table_header_repeats_on_every_page(folder: Path) -> None:
    rows = tuple((Cell((Text(f"row {n}"),)), Cell((Text(str(n * n)),))) for n in range(120))
    table = Table(header=((Cell((Text("Number"),)), Cell((Text("Square"),))),), body=rows)
    reader, _ = write_pdf(Document(Metadata(title="Squares"), (table,)), folder, "table")
    assert len(reader.pages) >= 2
    assert all("NumberSquare" in squeeze(page.extract_text()) for page in reader.pages)


def test_wide_image_is_scaled_to_the_text_width(folder: Path) -> None:
    (folder / "wide.png").write_bytes(png_bytes(3000, 200))
    reader, _ = write_pdf(Document(Metadata(title="Wide"), (Image("wide.png", alt="wide"),)), folder, "wide")
    page = reader.pages[0]
    operations = page.get_contents().operations
    # WeasyPrint draws in CSS px (the page's second "cm" scales them by 0.75 to points); an image's
    # own "cm" right before its "Do" sets its drawn size
    sizes = [float(operations[i - 1][0][0]) * 0.75 for i, (_, operator) in enumerate(operations) if operator == b"Do"]
    text_width = float(page.mediabox.width) - 2 * 20 * 72 / 25.4  # 20 mm margins each side
    assert sizes and all(text_width * 0.9 < size <= text_width + 0.5 for size in sizes), (sizes, text_width)


def test_book_theme_title_page_chapters_on_new_pages_serif_only(folder: Path) -> None:
    reader, _ = write_pdf(chapters_document(chinese=True), folder, "book", template="book")
    texts = [squeeze(page.extract_text()) for page in reader.pages]
    assert "Booktitle" in texts[0] and "Chapter1" not in texts[0]  # the title page stands alone
    first_page = {c: min(n for n, text in enumerate(texts) if c in text) for c in ("Chapter1", "Chapter2")}
    assert 0 < first_page["Chapter1"] < first_page["Chapter2"]  # each chapter opens a new page
    assert "Chapter1" not in next(text for text in texts if "Seechaptertwo" in text)  # not after the lede
    assert not [name for name in font_names(reader) if "Sans" in name]  # serif headings too
    assert "/Root" in reader.trailer and reader.trailer["/Root"]["/Lang"] == "zh-CN"


def test_user_css_overrides_the_theme_and_its_urls_are_refused(folder: Path) -> None:
    css = folder / "user.css"
    css.write_text('body { font-family: "DejaVu Sans"; background: url(file:///etc/passwd); }', encoding="utf-8")
    document = Document(Metadata(title="Styled"), (Paragraph((Text("Body text in sans."),)),))
    reader, ctx = write_pdf(document, folder, "user-css", css=(str(css),))
    assert "DejaVu-Sans" in font_names(reader)  # regular sans: only the body text (headings are bold)
    assert [d.code for d in ctx.diagnostics] == ["css-url-refused"]


def test_unknown_template_is_a_usage_error(folder: Path) -> None:
    with pytest.raises(UsageError, match="unknown template"):
        write_pdf(all_nodes_document(), folder, "no-theme", template="nope")


def test_pdf_a_variant_has_xmp_metadata(folder: Path) -> None:
    document = Document(Metadata(title="Archive", language="en"), (Paragraph((Text("Kept for ever."),)),))
    reader, _ = write_pdf(document, folder, "pdfa", pdf_variant="pdf/a-3b")
    root = reader.trailer["/Root"]
    assert "/Metadata" in root and b"pdfaid" in root["/Metadata"].get_object().get_data()
    assert "/OutputIntents" in root
