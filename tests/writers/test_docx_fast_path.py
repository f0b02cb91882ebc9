"""DOCX fast path: the prepared reference (_docx_package) and the zip written from it.

Documents are written one after another through the same cached template, then
reopened with python-docx and read as a zip, as Word would see them.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.text.run import Run
from lxml import etree

from convert.options import Options
from convert.tree import Document, Link, Metadata, OrderedList, Paragraph, Text, document_text
from convert.writers import _docx_styles
from convert.writers.docx import append_text
from tests.conftest import all_nodes_document, png_bytes
from tests.writers.test_docx import W, body_texts, write

STYLE_NAMES = [name for name, _, _, _ in _docx_styles.STYLES]
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"


def zip_members(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None  # every member's CRC checks
        return archive.namelist()


def test_fast_path_document_reopens_with_everything(image_folder: Path) -> None:
    document = all_nodes_document()
    write(Document(Metadata(title="warm-up"), (Paragraph((Text("first"),)),)), image_folder, name="a.docx")
    doc, ctx, path = write(document, image_folder, name="b.docx")  # the second use of the cached template
    assert ctx.diagnostics == []
    texts = "\n".join(body_texts(doc))
    for line in document_text(document).splitlines():
        assert line.replace("\n", "") in texts.replace("\n", "")
    assert "first" not in body_texts(doc)  # nothing left over from the previous document
    assert set(STYLE_NAMES) <= {style.name for style in doc.styles}
    props = doc.core_properties
    assert (props.title, props.author, props.language) == ("The Economy in Review", "Jane Doe; John Roe", "en")
    assert props.last_modified_by == "docconv"
    assert len(doc.inline_shapes) == 1
    image_parts = [rel.target_part for rel in doc.part.rels.values() if rel.reltype.endswith("/image")]
    assert [part.blob for part in image_parts] == [png_bytes()]
    numbering = doc.part.numbering_part.element
    num_ids = {num.get(qn("w:numId")) for num in numbering.findall(f"{W}num")}
    used = {n.get(qn("w:val")) for n in doc.element.body.iter(f"{W}numId")}
    assert used and used <= num_ids
    members = zip_members(path)
    assert len(members) == len(set(members))
    assert {"word/document.xml", "word/styles.xml", "word/numbering.xml", "docProps/core.xml"} <= set(members)


def test_every_part_has_a_content_type(image_folder: Path) -> None:
    _, _, path = write(all_nodes_document(), image_folder)
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("[Content_Types].xml"))
        names = archive.namelist()
    defaults = {d.get("Extension") for d in root.findall(f"{CT}Default")}
    overrides = {o.get("PartName") for o in root.findall(f"{CT}Override")}
    for name in names:
        if name != "[Content_Types].xml":
            assert f"/{name}" in overrides or name.rsplit(".", 1)[-1] in defaults, name


def test_documents_through_one_template_do_not_share_links_or_lists(tmp_path: Path) -> None:
    one = Document(Metadata(title="one"), (Paragraph((Link((Text("x"),), "https://one.example/"),)),
                                           OrderedList(((Paragraph((Text("a"),)),),), start=5)))
    two = Document(Metadata(title="two"), (Paragraph((Link((Text("y"),), "https://two.example/"),)),))
    first, _, _ = write(one, tmp_path, name="one.docx")
    doc, _, _ = write(two, tmp_path, name="two.docx")
    targets = [rel.target_ref for rel in doc.part.rels.values() if rel.is_external]
    assert targets == ["https://two.example/"]
    nums = len(doc.part.numbering_part.element.findall(f"{W}num"))
    assert len(first.part.numbering_part.element.findall(f"{W}num")) == nums + 1


def test_a_changed_reference_is_prepared_again(tmp_path: Path) -> None:
    reference = tmp_path / "ref.docx"
    for width in (Mm(150), Mm(180)):
        user = docx.Document()
        user.sections[0].page_width = width
        user.save(str(reference))
        os.utime(reference, ns=(width, width))  # a new mtime even within the clock's resolution
        doc, _, _ = write(Document(Metadata(), (Paragraph((Text("x"),)),)), tmp_path,
                          Options(reference_doc=str(reference)))
        assert round(doc.sections[0].page_width.mm) == round(width.mm)


def test_reference_without_numbering_gets_one(tmp_path: Path) -> None:
    """python-docx cannot create a numbering part; the prepared template adds an empty one."""
    reference = tmp_path / "plain.docx"
    user = docx.Document()
    user.part.drop_rel(next(r_id for r_id, rel in user.part.rels.items() if rel.reltype == RT.NUMBERING))
    user.save(str(reference))
    assert "word/numbering.xml" not in zip_members(reference)
    document = Document(Metadata(), (OrderedList(((Paragraph((Text("item"),)),),)),))
    doc, _, path = write(document, tmp_path, Options(reference_doc=str(reference)))
    assert any(name.startswith("word/numbering") for name in zip_members(path))
    assert len(doc.part.numbering_part.element.findall(f"{W}num")) == 1
    assert body_texts(doc) == ["item"]


@pytest.mark.parametrize("text", ["plain", " lead", "trail ", "a\tb", "line\nnext", "two\r\nends",
                                  "\tstart", "end\n", "\n\n", "a  b\t\tc"])
def test_run_text_matches_python_docx(text: str) -> None:
    ours, theirs = OxmlElement("w:r"), OxmlElement("w:r")
    append_text(ours, text)
    Run(theirs, None).text = text
    assert etree.tostring(ours) == etree.tostring(theirs)
