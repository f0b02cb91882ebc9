"""DOCX writer, publishing features: the reference document, bookmarks and internal links,
the table of contents, First Paragraph, readable dates. Checks read the output file."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt
from lxml import etree

from convert.options import Options
from convert.resources import template_path
from convert.tree import Document, Heading, Image, Link, Metadata, Paragraph, Table, Cell, Text
from convert.writers import _docx_meta, _docx_styles
from tests.conftest import all_nodes_document, png_bytes
from tests.writers.test_docx import W, paragraph_with, part_xml, simple, style_element, styles_xml, write

BOOKMARK_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,39}")
STYLE_NAMES = [name for name, _, _, _ in _docx_styles.STYLES]


def mm(*lengths) -> tuple[float, ...]:
    """Lengths in millimetres, to a tenth: a page size goes through twips in the file."""
    return tuple(round(Emu(length).mm, 1) for length in lengths)


def bookmarks(doc) -> dict[str, str]:
    """Bookmark name -> text of the paragraph holding it."""
    found = {}
    for p in doc.paragraphs:
        for start in p._p.findall(f"{W}bookmarkStart"):
            found[start.get(qn("w:name"))] = p.text
    return found


def linked_document() -> Document:
    long_id = "a-very-long-heading-identifier-that-goes-past-forty-characters"
    blocks = (
        Paragraph((Text("Lede."),)),
        Heading(1, (Text("Intro"),), id="intro"),
        Paragraph((Text("See "), Link((Text("details"),), "#details"), Text(" and "),
                   Link((Text("the long one"),), f"#{long_id}"), Text(" and "),
                   Link((Text("nowhere"),), "#missing"), Text("."))),
        Paragraph((Text("Second paragraph."),)),
        Heading(2, (Text("Details"),), id="details"),
        Paragraph((Text("Body."),)),
        Heading(3, (Text("Unnamed"),)),
        Heading(2, (Text("Long"),), id=long_id),
        Heading(2, (Text("Same prefix"),), id=long_id + "-2"),
        Heading(4, (Text("Deep"),), id="deep"),
    )
    return Document(Metadata(title="Linked", language="en"), blocks)


# ------------------------------------------------------- default reference


def test_reference_docx_defines_every_style_with_east_asian_fonts() -> None:
    reference = docx.Document(str(template_path("reference.docx")))
    names = {style.name for style in reference.styles}
    assert set(STYLE_NAMES) <= names
    styles = reference.styles.element
    for name, east_asian in (("Normal", "SimSun"), ("Heading 1", "SimHei"), ("Title", "SimHei"),
                             ("Body Text", None), ("Source Code", "SimSun")):
        fonts = reference.styles[name].element.find(f"{W}rPr/{W}rFonts")
        if east_asian is None:  # inherits Normal's
            assert fonts is None or fonts.get(qn("w:eastAsia")) in (None, "SimSun")
        else:
            assert fonts.get(qn("w:eastAsia")) == east_asian, name
    lang = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert (lang.get(qn("w:val")), lang.get(qn("w:eastAsia"))) == ("en-US", "zh-CN")
    assert reference.settings.element.find(f"{W}themeFontLang").get(qn("w:eastAsia")) == "zh-CN"
    section = reference.sections[0]
    assert mm(section.page_width, section.left_margin) == (210, 25)
    # No list style carries numbering of its own: each list names its numbering definition.
    assert reference.styles["List Bullet"].element.find(f"{W}pPr/{W}numPr") is None


def test_reference_docx_is_up_to_date_with_the_style_definitions() -> None:
    """Fails when _docx_styles changed without `python templates/make_reference_docx.py`."""
    committed = docx.Document(str(template_path("reference.docx"))).styles.element
    rebuilt = _docx_styles.build_reference().styles.element
    assert etree.tostring(committed, method="c14n") == etree.tostring(rebuilt, method="c14n")


def test_output_takes_its_styles_from_the_reference(image_folder: Path) -> None:
    doc, _, path = write(all_nodes_document(), image_folder)
    reference = docx.Document(str(template_path("reference.docx")))
    assert set(STYLE_NAMES) <= {style.name for style in doc.styles}
    assert doc.styles["Heading 2"].font.size == reference.styles["Heading 2"].font.size
    assert paragraph_with(doc, "bullet one").style.name == "List Bullet"
    assert paragraph_with(doc, "nested bullet").style.name == "List Bullet 2"
    assert paragraph_with(doc, "first step").style.name == "List Number"
    assert doc.tables[0].style.name == "Table"
    settings = part_xml(path, "word/settings.xml")
    assert settings.find(f"{W}compat/{W}doNotExpandShiftReturn") is not None


def test_paper_option_applies_to_the_default_reference(tmp_path: Path) -> None:
    doc, _, _ = write(simple(Paragraph((Text("x"),))), tmp_path, Options(paper="letter"))
    assert round(doc.sections[0].page_width.inches, 2) == 8.5


def test_japanese_swaps_the_east_asian_fonts(tmp_path: Path) -> None:
    _, _, path = write(simple(Heading(1, (Text("見出し"),)), language="ja"), tmp_path)
    styles = styles_xml(path)
    assert style_element(styles, "Heading1").find(f"{W}rPr/{W}rFonts").get(qn("w:eastAsia")) == "MS Gothic"
    assert style_element(styles, "Normal").find(f"{W}rPr/{W}rFonts").get(qn("w:eastAsia")) == "MS Mincho"
    assert b"SimSun" not in etree.tostring(styles)


# ---------------------------------------------------------- user reference


def make_user_reference(path: Path) -> None:
    reference = docx.Document()
    section = reference.sections[0]
    section.page_width, section.page_height = Mm(150), Mm(200)
    section.left_margin = section.right_margin = Mm(12)
    heading = reference.styles["Heading 1"]
    heading.font.name = "Georgia"
    heading.font.size = Pt(21)
    reference.add_paragraph("OLD CONTENT")
    reference.save(str(path))


def test_user_reference_keeps_page_and_styles_and_gains_the_missing_ones(tmp_path: Path) -> None:
    make_user_reference(tmp_path / "ref.docx")
    (tmp_path / "wide.png").write_bytes(png_bytes(3000, 1000))
    document = simple(Heading(1, (Text("Head"),)), Paragraph((Text("text"),)), Image("wide.png", alt="w"),
                      Table(header=((Cell((Text("h"),)),),), body=()))
    doc, _, _ = write(document, tmp_path, Options(reference_doc=str(tmp_path / "ref.docx"), paper="letter"))
    section = doc.sections[0]
    assert mm(section.page_width, section.page_height) == (150, 200)  # not --paper's letter
    assert mm(section.left_margin, section.right_margin) == (12, 12)
    heading = doc.styles["Heading 1"]
    assert (heading.font.name, heading.font.size) == ("Georgia", Pt(21))
    assert paragraph_with(doc, "Head").style.name == "Heading 1"
    assert set(STYLE_NAMES) <= {style.name for style in doc.styles}  # First Paragraph, Table... added
    assert paragraph_with(doc, "text").style.name == "First Paragraph"
    text_width = section.page_width - section.left_margin - section.right_margin
    assert doc.inline_shapes[0].width == text_width  # scaled to this page's text width
    assert mm(text_width) == (126,)


def test_chinese_with_user_reference_sets_language_but_keeps_its_typography(tmp_path: Path) -> None:
    make_user_reference(tmp_path / "ref.docx")
    document = simple(Paragraph((Text("今年以来，经济运行总体平稳。"),)), language="zh-CN")
    doc, _, path = write(document, tmp_path, Options(reference_doc=str(tmp_path / "ref.docx")))
    styles = styles_xml(path)
    lang = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert (lang.get(qn("w:val")), lang.get(qn("w:eastAsia"))) == ("zh-CN", "zh-CN")
    body = paragraph_with(doc, "今年以来，经济运行总体平稳。")
    assert body.style.name == "Body Text"
    assert style_element(styles, body.style.style_id).find(f"{W}pPr/{W}ind") is None


# ------------------------------------------------------- links and bookmarks


def test_headings_carry_bookmarks_that_internal_links_point_at(tmp_path: Path) -> None:
    doc, _, _ = write(linked_document(), tmp_path)
    marks = bookmarks(doc)
    assert sorted(marks.values()) == sorted(["Intro", "Details", "Unnamed", "Long", "Same prefix", "Deep"])
    assert all(BOOKMARK_NAME.fullmatch(name) for name in marks), marks
    assert len(set(marks)) == len(marks)
    paragraph = paragraph_with(doc, "See details and the long one and nowhere.")
    links = {link.findtext(f".//{W}t"): link.get(qn("w:anchor")) for link in paragraph._p.findall(f"{W}hyperlink")}
    assert set(links) == {"details", "the long one"}  # "#missing" has no target: plain text
    assert marks[links["details"]] == "Details"
    assert marks[links["the long one"]] == "Long"
    assert all(link.get(qn("r:id")) is None for link in paragraph._p.findall(f"{W}hyperlink"))


def test_bookmark_names_are_word_safe() -> None:
    from convert.writers.docx import bookmark_names

    long = "x" * 60
    names = bookmark_names({0: long, 1: long + "-y", 2: "sec-1", 3: "sec_1", 4: "a.b"})
    assert all(BOOKMARK_NAME.fullmatch(name) for name in names.values()), names
    assert len(set(names.values())) == 5


# -------------------------------------------------------- table of contents


def test_toc_is_a_prefilled_word_field(tmp_path: Path) -> None:
    doc, _, path = write(linked_document(), tmp_path, Options(toc=True))
    body = part_xml(path, "word/document.xml").find(f"{W}body")
    sdt = body.find(f"{W}sdt")
    assert sdt.find(f"{W}sdtPr/{W}docPartObj/{W}docPartGallery").get(qn("w:val")) == "Table of Contents"
    assert body.index(sdt) == 1  # after the title, before the text
    content = sdt.find(f"{W}sdtContent")
    instructions = [t.text for t in content.iter(f"{W}instrText")]
    assert [i.strip() for i in instructions] == ['TOC \\o "1-3" \\h \\z \\u']
    kinds = [c.get(qn("w:fldCharType")) for c in content.iter(f"{W}fldChar")]
    assert kinds == ["begin", "separate", "end"]
    entries = content.findall(f"{W}p")[1:]
    texts = ["".join(t.text for t in p.iter(f"{W}t")) for p in entries]
    assert texts == ["Intro", "Details", "Unnamed", "Long", "Same prefix"]  # the level-4 one is left out
    styles = [p.find(f"{W}pPr/{W}pStyle").get(qn("w:val")) for p in entries]
    assert styles == ["toc1", "toc2", "toc3", "toc2", "toc2"]
    marks = bookmarks(doc)
    anchors = [p.find(f"{W}hyperlink").get(qn("w:anchor")) for p in entries]
    assert [marks[a] for a in anchors] == texts
    settings = part_xml(path, "word/settings.xml")
    assert settings.find(f"{W}updateFields").get(qn("w:val")) == "true"
    assert doc.paragraphs[0].text == "Linked"  # the TOC is not body text


def test_no_toc_unless_asked(tmp_path: Path) -> None:
    _, _, path = write(linked_document(), tmp_path)
    with zipfile.ZipFile(path) as archive:
        assert b"instrText" not in archive.read("word/document.xml")
        assert b"updateFields" not in archive.read("word/settings.xml")


def test_chinese_toc_title(tmp_path: Path, image_folder: Path) -> None:
    _, _, path = write(all_nodes_document(chinese=True), image_folder, Options(toc=True))
    content = part_xml(path, "word/document.xml").find(f"{W}body/{W}sdt/{W}sdtContent")
    assert "".join(content.find(f"{W}p").itertext()) == "目录"


# ------------------------------------------------ first paragraph and dates


def test_english_first_paragraph_after_each_heading(tmp_path: Path) -> None:
    doc, _, path = write(linked_document(), tmp_path)
    style_of = {p.text: p.style.name for p in doc.paragraphs}
    assert style_of["Lede."] == "First Paragraph"
    assert style_of["See details and the long one and nowhere."] == "First Paragraph"
    assert style_of["Second paragraph."] == "Body Text"
    assert style_of["Body."] == "First Paragraph"
    ind = style_element(styles_xml(path), doc.styles["First Paragraph"].style_id).find(f"{W}pPr/{W}ind")
    assert (ind.get(qn("w:firstLine")), ind.get(qn("w:firstLineChars"))) == ("0", "0")
    assert doc.styles["First Paragraph"].base_style.name == "Body Text"


def test_chinese_keeps_body_text_and_its_indent_everywhere(image_folder: Path) -> None:
    doc, _, _ = write(all_nodes_document(chinese=True), image_folder)
    assert not any(p.style.name == "First Paragraph" for p in doc.paragraphs)
    assert paragraph_with(doc, "The end.").style.name == "Body Text"


@pytest.mark.parametrize(("value", "chinese", "shown"), [
    ("2023-09-08T14:20", False, "2023-09-08 14:20"),
    ("2023-09-08T14:20", True, "2023年9月8日 14:20"),
    ("2023-09-08T14:20:59+08:00", False, "2023-09-08 14:20"),
    ("2023-09-08", True, "2023年9月8日"),
    ("Sept. 8th", False, "Sept. 8th"),
])
def test_readable_date(value: str, chinese: bool, shown: str) -> None:
    assert _docx_meta.readable_date(value, chinese) == shown


def test_byline_shows_the_readable_date(tmp_path: Path) -> None:
    document = Document(Metadata(title="T", authors=("A",), date="2023-09-08T14:20", language="en"),
                        (Paragraph((Text("x"),)),))
    doc, _, _ = write(document, tmp_path)
    assert doc.paragraphs[1].text == "A · 2023-09-08 14:20"
    assert doc.paragraphs[1].style.name == "Byline"
    assert doc.core_properties.created.isoformat() == "2023-09-08T14:20:00+00:00"
