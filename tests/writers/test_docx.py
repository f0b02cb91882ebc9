"""DOCX writer: every check reopens the file with python-docx or reads its XML parts."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree

from convert.context import Context
from convert.errors import ConvertError
from convert.options import Options
from convert.tree import (
    BulletList, Cell, CodeBlock, Document, Heading, Image, Link, Metadata, OrderedList, Paragraph,
    Rule, Table, Text, plain_text,
)
from convert.writers.docx import DocxWriter
from tests.conftest import all_nodes_document, png_bytes

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def write(document: Document, folder: Path, options: Options | None = None, name: str = "out.docx"):
    ctx = Context.for_source(options or Options(), str(folder))
    path = folder / name
    DocxWriter().write(document, ctx, str(path))
    return docx.Document(str(path)), ctx, path


def part_xml(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))


def body_texts(doc) -> list[str]:
    """Paragraph texts and table rows (cells joined by a space), in body order."""
    texts = []
    for element in doc.element.body:
        if element.tag == qn("w:p"):
            texts.append(DocxParagraph(element, doc).text)
        elif element.tag == qn("w:tbl"):
            table = DocxTable(element, doc)
            texts.extend(" ".join(cell.text for cell in row.cells) for row in table.rows)
    return texts


def paragraph_with(doc, text: str):
    return next(p for p in doc.paragraphs if p.text == text)


def simple(*blocks, language: str = "en") -> Document:
    return Document(Metadata(title="T", language=language), tuple(blocks))


# ------------------------------------------------------------------ metadata


def test_core_properties(image_folder: Path) -> None:
    doc, ctx, _ = write(all_nodes_document(), image_folder)
    props = doc.core_properties
    assert props.title == "The Economy in Review"
    assert props.author == "Jane Doe; John Roe"
    assert props.subject == "Example News"
    assert props.keywords == "economy, markets"
    assert props.comments == "A short lede."
    assert props.language == "en"
    assert props.created.date().isoformat() == "2024-06-12"
    assert ctx.diagnostics == []


def test_unparsable_date_is_ignored(tmp_path: Path) -> None:
    document = Document(Metadata(title="T", date="last Tuesday"), (Paragraph((Text("x"),)),))
    doc, _, _ = write(document, tmp_path)
    # the context's fixed fallback, not the template's 2013 nor the wall clock
    assert doc.core_properties.created.isoformat() == "2000-01-01T00:00:00+00:00"


def test_title_block_and_styles(image_folder: Path) -> None:
    doc, _, _ = write(all_nodes_document(), image_folder)
    first = doc.paragraphs[:3]
    assert (first[0].style.name, first[0].text) == ("Title", "The Economy in Review")
    assert first[1].style.name == "Byline"
    assert first[1].text == "Jane Doe, John Roe · 2024-06-12 · Example News"
    assert (first[2].style.name, first[2].text) == ("First Paragraph", "Growth held steady this quarter.")
    assert paragraph_with(doc, "Overview").style.name == "Heading 2"
    assert paragraph_with(doc, "Figures").style.name == "Heading 3"
    assert paragraph_with(doc, "The end.").style.name == "Body Text"
    assert paragraph_with(doc, "A quoted paragraph.").style.name == "Block Text"


def test_subtitle_and_heading_levels_are_clamped(tmp_path: Path) -> None:
    document = Document(Metadata(title="T", subtitle="Sub"),
                        (Heading(1, (Text("one"),)), Heading(7, (Text("seven"),))))
    doc, _, _ = write(document, tmp_path)
    assert [(p.style.name, p.text) for p in doc.paragraphs] == [
        ("Title", "T"), ("Subtitle", "Sub"), ("Heading 1", "one"), ("Heading 6", "seven")]


# ---------------------------------------------------------------- body text


@pytest.mark.parametrize("chinese", [False, True])
def test_every_node_text_in_order(image_folder: Path, chinese: bool) -> None:
    document = all_nodes_document(chinese=chinese)
    doc, _, _ = write(document, image_folder)
    texts = iter(body_texts(doc))
    expected = ["Plain emphasis, strong, code(), a link\nafter break", "bullet one", "bullet two",
                "nested bullet", "first step", "second step", "A quoted paragraph.",
                "def f(x):\n    return x * 2", "Table caption", "Year Value", "2022 1.5", "2023 2.5",
                "Figure caption", "The end."]
    expected.insert(0, plain_text(document.blocks[0].children))
    for line in expected:  # each in order: `in` on an iterator consumes up to the match
        assert line in texts, line


def test_inline_formatting(image_folder: Path) -> None:
    doc, _, _ = write(all_nodes_document(), image_folder)
    runs = {run.text: run for run in paragraph_with(doc, "Plain emphasis, strong, code(), a link\nafter break").runs}
    assert runs["emphasis"].italic and not runs["emphasis"].bold
    assert runs["strong"].bold
    assert runs["code()"].style.name == "Verbatim Char"
    mono = doc.styles["Verbatim Char"].element.rPr.find(qn("w:rFonts"))
    assert mono.get(qn("w:ascii")) == "Courier New"
    breaks = paragraph_with(doc, "Plain emphasis, strong, code(), a link\nafter break")._p.findall(f".//{W}br")
    assert len(breaks) == 1


def test_hyperlinks_only_for_safe_schemes(tmp_path: Path) -> None:
    document = simple(Paragraph((
        Link((Text("web"),), "https://example.com/page"), Text(" "),
        Link((Text("mail"),), "mailto:a@example.com"), Text(" "),
        Link((Text("script"),), "javascript:alert(1)"), Text(" "),
        Link((Text("anchor"),), "#sec-1"), Text(" "),
        Link((Text("odd"),), "https://例子.com/a b\"c?q=1&x=%20"),
    )))
    doc, _, path = write(document, tmp_path)
    paragraph = doc.paragraphs[-1]
    assert paragraph.text == "web mail script anchor odd"
    links = paragraph._p.findall(f"{W}hyperlink")
    assert len(links) == 3
    rels = doc.part.rels
    targets = [(rels[link.get(qn("r:id"))].target_ref, rels[link.get(qn("r:id"))].is_external) for link in links]
    assert targets == [("https://example.com/page", True), ("mailto:a@example.com", True),
                       ("https://%E4%BE%8B%E5%AD%90.com/a%20b%22c?q=1&x=%20", True)]
    run = links[0].find(f"{W}r")
    assert run.find(f"{W}rPr/{W}rStyle").get(qn("w:val")) == doc.styles["Hyperlink"].style_id
    assert doc.styles["Hyperlink"].font.underline
    assert b"javascript" not in (zipfile.ZipFile(path).read("word/_rels/document.xml.rels"))


def test_quote_code_and_rule(image_folder: Path) -> None:
    doc, _, _ = write(all_nodes_document(), image_folder)
    code = paragraph_with(doc, "def f(x):\n    return x * 2")
    assert code.style.name == "Source Code"
    assert len(code._p.findall(f".//{W}br")) == 1
    ruled = [p for p in doc.paragraphs if p._p.find(f"{W}pPr/{W}pBdr/{W}bottom") is not None and p.text == ""]
    assert len(ruled) == 1


# -------------------------------------------------------------------- lists


def num_pr(paragraph) -> tuple[int, int] | None:
    pr = paragraph._p.find(f"{W}pPr/{W}numPr")
    if pr is None:
        return None
    return int(pr.find(f"{W}numId").get(qn("w:val"))), int(pr.find(f"{W}ilvl").get(qn("w:val")))


def abstract_format(numbering, num_id: int, level: int) -> tuple[str, int | None]:
    num = numbering.find(f"{W}num[@{W}numId='{num_id}']")
    abstract_id = num.find(f"{W}abstractNumId").get(qn("w:val"))
    abstract = numbering.find(f"{W}abstractNum[@{W}abstractNumId='{abstract_id}']")
    fmt = abstract.find(f"{W}lvl[@{W}ilvl='{level}']/{W}numFmt").get(qn("w:val"))
    override = num.find(f"{W}lvlOverride[@{W}ilvl='{level}']/{W}startOverride")
    return fmt, None if override is None else int(override.get(qn("w:val")))


def test_lists_use_numbering_definitions(image_folder: Path) -> None:
    doc, _, path = write(all_nodes_document(), image_folder)
    numbering = part_xml(path, "word/numbering.xml")
    one, two, nested = (num_pr(paragraph_with(doc, t)) for t in ("bullet one", "bullet two", "nested bullet"))
    assert one == two and one[1] == 0
    assert nested[1] == 1
    assert abstract_format(numbering, one[0], 0)[0] == "bullet"
    assert abstract_format(numbering, nested[0], 1)[0] == "bullet"
    first, second = num_pr(paragraph_with(doc, "first step")), num_pr(paragraph_with(doc, "second step"))
    assert first == second and first[0] != one[0]
    assert abstract_format(numbering, first[0], 0) == ("decimal", 3)
    assert not paragraph_with(doc, "bullet one").text.startswith(("•", "-", "*"))
    # The schema wants every abstractNum before the first num.
    tags = [child.tag for child in numbering]
    assert max(i for i, t in enumerate(tags) if t == f"{W}abstractNum") < tags.index(f"{W}num")


def test_each_ordered_list_restarts(tmp_path: Path) -> None:
    item = (Paragraph((Text("x"),)),)
    document = simple(OrderedList((item, item)), Paragraph((Text("between"),)),
                      OrderedList(((Paragraph((Text("again"),)),),)),
                      OrderedList(((Paragraph((Text("from five"),)),),), start=5))
    doc, _, path = write(document, tmp_path)
    numbering = part_xml(path, "word/numbering.xml")
    ids = [num_pr(p)[0] for p in doc.paragraphs if num_pr(p)]
    assert len(ids) == 4 and len(set(ids[1:])) == 3 and ids[0] == ids[1]
    assert [abstract_format(numbering, i, 0)[1] for i in ids[1:]] == [1, 1, 5]


def test_multi_paragraph_item_continues_unnumbered(tmp_path: Path) -> None:
    item = (Paragraph((Text("lead"),)), Paragraph((Text("more"),)), CodeBlock("x = 1"))
    doc, _, _ = write(simple(BulletList((item,))), tmp_path)
    assert num_pr(paragraph_with(doc, "lead")) is not None
    assert num_pr(paragraph_with(doc, "more")) is None
    assert paragraph_with(doc, "more").paragraph_format.left_indent is not None
    assert paragraph_with(doc, "x = 1").style.name == "Source Code"


# ------------------------------------------------------------------- tables


def test_table_header_style_and_caption(image_folder: Path) -> None:
    doc, _, _ = write(all_nodes_document(), image_folder)
    table = doc.tables[0]
    assert table.style.name == "Table"
    borders = table.style.element.find(f"{W}tblPr/{W}tblBorders")
    assert {edge.get(qn("w:val")) for edge in borders} == {"single"} and len(borders) == 6
    rows = table._tbl.tr_lst
    assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
    assert rows[1].find(f"{W}trPr/{W}tblHeader") is None
    assert all(run.bold for cell in table.rows[0].cells for run in cell.paragraphs[0].runs)
    assert not any(run.bold for cell in table.rows[1].cells for run in cell.paragraphs[0].runs)
    caption = table._tbl.getprevious()
    assert DocxParagraph(caption, doc).style.name == "Caption"
    assert DocxParagraph(caption, doc).text == "Table caption"


def test_table_spans_are_merged(tmp_path: Path) -> None:
    def cell(text: str, colspan: int = 1, rowspan: int = 1) -> Cell:
        return Cell((Text(text),), colspan, rowspan)

    table = Table(header=((cell("wide", colspan=2), cell("c")),),
                  body=((cell("tall", rowspan=2), cell("b1"), cell("c1")),
                        (cell("b2"), cell("c2")),
                        (cell("short"),)))
    doc, _, _ = write(simple(table), tmp_path)
    grid = doc.tables[0]
    assert len(grid.columns) == 3
    assert [len(row.cells) for row in grid.rows] == [3, 3, 3, 3]
    assert grid.cell(0, 0)._tc is grid.cell(0, 1)._tc  # colspan: one w:tc with gridSpan 2
    assert grid.cell(0, 0).text == "wide"
    assert grid.cell(1, 0).text == grid.cell(2, 0).text == "tall"  # rowspan: vMerge
    assert [grid.cell(2, c).text for c in (1, 2)] == ["b2", "c2"]
    assert [grid.cell(3, c).text for c in range(3)] == ["short", "", ""]


def test_random_spans_always_give_a_rectangular_grid(tmp_path: Path) -> None:
    import random

    rng = random.Random(7)
    blocks = []
    for _ in range(40):
        rows = tuple(tuple(Cell((Text("x"),), rng.choice((1, 1, 2, 3)), rng.choice((1, 1, 2, 5)))
                           for _ in range(rng.randint(0, 4))) for _ in range(rng.randint(1, 5)))
        blocks.append(Table(header=rows[:1], body=rows[1:]))
    doc, _, _ = write(simple(*blocks), tmp_path)
    assert len(doc.tables) == 40
    for table in doc.tables:
        columns = len(table._tbl.tblGrid.gridCol_lst)
        for tr in table._tbl.tr_lst:
            assert sum(tc.grid_span for tc in tr.tc_lst) == columns


def test_too_wide_table_warns(tmp_path: Path) -> None:
    row = tuple(Cell((Text(str(i)),)) for i in range(70))
    doc, ctx, _ = write(simple(Table(header=(), body=(row,))), tmp_path)
    assert len(doc.tables[0].columns) == 63
    look = doc.tables[0]._tbl.tblPr.find(f"{W}tblLook")
    assert look.get(qn("w:firstRow")) == "0"  # no header: the style's header look stays off
    assert [d.code for d in ctx.diagnostics] == ["table-too-wide"]


# ------------------------------------------------------------------- images


def test_image_inserted_with_alt_and_caption(image_folder: Path) -> None:
    doc, _, _ = write(all_nodes_document(), image_folder)
    assert len(doc.inline_shapes) == 1
    shape = doc.inline_shapes[0]
    assert shape.width == 40 * 9525  # 40 CSS pixels: smaller than the text width, kept
    assert shape._inline.docPr.get("descr") == "A red box"
    picture_paragraph = shape._inline.getparent().getparent().getparent()
    assert DocxParagraph(picture_paragraph.getnext(), doc).style.name == "Caption"


def test_wide_image_scaled_to_text_width(tmp_path: Path) -> None:
    (tmp_path / "wide.png").write_bytes(png_bytes(3000, 1000))
    doc, _, _ = write(simple(Image("wide.png", alt="wide")), tmp_path)
    section = doc.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    shape = doc.inline_shapes[0]
    assert shape.width == text_width
    assert abs(shape.height - text_width / 3) < 2


@pytest.mark.parametrize("src", ["../outside.png", "file:///etc/passwd"])
def test_refused_image_becomes_alt_text(image_folder: Path, src: str) -> None:
    (image_folder.parent / "outside.png").write_bytes(png_bytes())
    doc, ctx, path = write(all_nodes_document(image_src=src), image_folder)
    assert path.is_file()
    assert len(doc.inline_shapes) == 0
    assert any(d.code == "resource-refused" for d in ctx.diagnostics)
    texts = body_texts(doc)
    assert texts.index("A red box") + 1 == texts.index("Figure caption")
    with zipfile.ZipFile(path) as archive:
        assert not any(name.startswith("word/media/") for name in archive.namelist())


# ---------------------------------------------------------------- languages


def styles_xml(path: Path) -> etree._Element:
    return part_xml(path, "word/styles.xml")


def style_element(styles, style_id: str):
    return styles.find(f"{W}style[@{W}styleId='{style_id}']")


def test_chinese_fonts_language_and_indent(image_folder: Path) -> None:
    doc, _, path = write(all_nodes_document(chinese=True), image_folder)
    styles = styles_xml(path)
    defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    fonts = defaults.find(f"{W}rFonts")
    assert (fonts.get(qn("w:ascii")), fonts.get(qn("w:eastAsia"))) == ("Times New Roman", "SimSun")
    lang = defaults.find(f"{W}lang")
    assert (lang.get(qn("w:val")), lang.get(qn("w:eastAsia"))) == ("zh-CN", "zh-CN")
    for style_id, east_asian in (("Normal", "SimSun"), ("Heading2", "SimHei"), ("Title", "SimHei")):
        rfonts = style_element(styles, style_id).find(f"{W}rPr/{W}rFonts")
        assert rfonts.get(qn("w:eastAsia")) == east_asian, style_id
    # No theme attribute anywhere: it would win over the explicit names.
    for rfonts in styles.iter(f"{W}rFonts"):
        assert not any(name.endswith(("Theme", "theme")) for name in rfonts.attrib), rfonts.attrib
    body = paragraph_with(doc, "今年以来，我国经济运行总体平稳，稳中有进。")
    assert body.style.name == "Body Text"
    ind = style_element(styles, body.style.style_id).find(f"{W}pPr/{W}ind")
    assert (ind.get(qn("w:firstLineChars")), ind.get(qn("w:firstLine"))) == ("200", "420")
    assert body.style.paragraph_format.line_spacing == 1.5
    hints = {run.text: run._r.find(f"{W}rPr/{W}rFonts") for run in body.runs}
    assert all(f is not None and f.get(qn("w:hint")) == "eastAsia" for f in hints.values())
    latin_runs = paragraph_with(doc, "Plain emphasis, strong, code(), a link\nafter break").runs
    assert all(r._r.find(f"{W}rPr/{W}rFonts") is None for r in latin_runs if r.style.name != "Verbatim Char")
    assert doc.core_properties.language == "zh-CN"
    assert doc.paragraphs[1].text == "李强 · 2023年9月8日 · 某某新闻网 · 新华社"


def test_english_has_no_first_line_indent(image_folder: Path) -> None:
    doc, _, path = write(all_nodes_document(), image_folder)
    styles = styles_xml(path)
    body = paragraph_with(doc, "The end.")
    assert style_element(styles, body.style.style_id).find(f"{W}pPr/{W}ind") is None
    assert body._p.find(f"{W}pPr/{W}ind") is None
    lang = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert (lang.get(qn("w:val")), lang.get(qn("w:eastAsia"))) == ("en-US", "zh-CN")


def test_language_detected_when_not_given(tmp_path: Path) -> None:
    document = Document(Metadata(title="日本の経済"), (Paragraph((Text("今年の経済はとても安定しています。"),)),))
    doc, _, path = write(document, tmp_path)
    assert doc.core_properties.language == "ja"
    lang = styles_xml(path).find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(qn("w:eastAsia")) == "ja-JP"


# ------------------------------------------------------------- robustness


def test_control_characters_do_not_crash(tmp_path: Path) -> None:
    bad = "a\x00b\x0bc\x1b\ufffe"
    document = Document(
        Metadata(title="T\x01itle", authors=("A\x00",), tags=("x\x0b",), description="d\x1f" * 200),
        (Heading(2, (Text(bad),)), Paragraph((Text(bad), Link((Text(bad),), "https://e.com/\x00x"))),
         CodeBlock(bad), Table(header=((Cell((Text(bad),)),),), body=()), Image("nope.png", alt=bad)))
    doc, _, _ = write(document, tmp_path)
    assert doc.core_properties.title == "Title"
    assert len(doc.core_properties.comments) <= 255
    assert paragraph_with(doc, "abc").style.name == "Heading 2"
    assert doc.tables[0].cell(0, 0).text == "abc"


def test_large_document_is_linear_enough(tmp_path: Path) -> None:
    import time

    blocks = tuple(Paragraph((Text(f"paragraph {i} " * 5),)) for i in range(20_000))
    started = time.perf_counter()
    doc, _, _ = write(simple(*blocks), tmp_path)
    assert time.perf_counter() - started < 30  # add_paragraph in a loop takes minutes here
    assert len(doc.paragraphs) == 20_001


# ------------------------------------------------------------ reference doc


def test_reference_doc_styles_and_page_kept(tmp_path: Path) -> None:
    from docx.shared import Inches

    reference = docx.Document()
    reference.add_paragraph("OLD CONTENT")
    reference.styles["Normal"].font.name = "Georgia"
    reference.sections[0].left_margin = Inches(2)
    reference.save(str(tmp_path / "ref.docx"))
    options = Options(reference_doc=str(tmp_path / "ref.docx"))
    doc, _, _ = write(simple(Paragraph((Text("new"),))), tmp_path, options)
    assert "OLD CONTENT" not in body_texts(doc)
    assert body_texts(doc) == ["T", "new"]
    assert doc.styles["Normal"].font.name == "Georgia"
    assert doc.sections[0].left_margin == Inches(2)
    assert doc.paragraphs[-1].style.name == "First Paragraph"


@pytest.mark.parametrize("content", [None, b"not a zip file"])
def test_bad_reference_doc_is_a_convert_error(tmp_path: Path, content: bytes | None) -> None:
    reference = tmp_path / "ref.docx"
    if content is not None:
        reference.write_bytes(content)
    with pytest.raises(ConvertError) as raised:
        write(simple(Paragraph((Text("x"),))), tmp_path, Options(reference_doc=str(reference)))
    assert raised.value.path == str(reference)


def test_registered_writer_through_the_api(tmp_path: Path) -> None:
    from convert import api

    api.write(simple(Rule(), Paragraph((Text("via api"),))), tmp_path / "api.docx")
    assert "via api" in body_texts(docx.Document(str(tmp_path / "api.docx")))


def test_every_page_footer_carries_a_centred_page_number(tmp_path: Path) -> None:
    doc, _, _ = write(simple(Paragraph((Text("body"),))), tmp_path)
    footer = doc.sections[0].footer
    assert not footer.is_linked_to_previous  # the section has a footer of its own
    fields = footer._element.findall(".//" + qn("w:fldSimple"))
    assert [field.get(qn("w:instr")).strip() for field in fields] == ["PAGE"]
    assert footer.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
