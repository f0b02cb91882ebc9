"""A JSON tree is untrusted input: every field is checked against the tree's types, absurd numbers are
clamped, and no value reaches markup unescaped (issue 15, point 2)."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest

from convert import tree_json
from convert.cli import main
from convert.errors import InputError
from convert.tree import Cell, Document, Metadata, OrderedList, Paragraph, Table, Text
from convert.transforms import normalize
from tests.conftest import all_nodes_document

INJECTION = '2"><script>alert(1)</script><img src="http://127.0.0.1/probe">'


def tree(*blocks: dict) -> dict:
    return {"docconv-tree": 1, "meta": {"title": "T"}, "blocks": list(blocks)}


def para(*children: dict) -> dict:
    return {"t": "Paragraph", "children": list(children)}


def text(value: object) -> dict:
    return {"t": "Text", "text": value}


def one_item_list(start: object) -> dict:
    return {"t": "OrderedList", "items": [[para(text("one"))]], "start": start}


def convert(tmp_path: Path, data: dict, formats: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, Path]:
    source = tmp_path / "in.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "out"
    code = main([str(source), "-t", formats, "-d", str(out)])
    return code, capsys.readouterr().err, out


def epub_markup(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "\n".join(archive.read(name).decode("utf-8") for name in archive.namelist()
                         if name.endswith((".xhtml", ".opf", ".ncx", ".css")))


def test_string_list_start_cannot_inject_markup_into_epub_or_html(tmp_path, capsys):
    code, err, out = convert(tmp_path, tree(one_item_list(INJECTION)), "epub,html", capsys)
    assert code == 1 and not (out.exists() and any(out.iterdir()))
    assert err.strip().splitlines() == [
        f"docconv: {tmp_path / 'in.json'}: malformed docconv tree: "
        "blocks[0] (OrderedList): field 'start' must be an integer, not string"]


@pytest.mark.parametrize("block, where", [
    (para(text(123)), "blocks[0].children[0] (Text): field 'text' must be a string, not int"),
    ({"t": "Paragraph", "children": "x"}, "blocks[0] (Paragraph): field 'children' must be a list, not string"),
    ({"t": "Heading", "level": "2", "children": []}, "blocks[0] (Heading): field 'level' must be an integer, not string"),
    ({"t": "Heading", "level": True, "children": []}, "blocks[0] (Heading): field 'level' must be an integer, not boolean"),
    ({"t": "Heading", "level": 2.0, "children": []}, "blocks[0] (Heading): field 'level' must be an integer, not float"),
    (para(para(text("x"))), "blocks[0].children[0]: 'Paragraph' is not allowed here (expected Text, Emph"),
    ({"t": "BulletList", "items": [[text("x")]]}, "blocks[0].items[0][0]: 'Text' is not allowed here (expected Heading"),
    ({"t": "BulletList", "items": ["x"]}, "blocks[0].items[0] must be a list, not string"),
    ({"t": "Table", "header": [], "body": [[para()]]}, "blocks[0].body[0][0]: 'Paragraph' is not allowed here (expected Cell)"),
    ({"t": "Table", "header": [], "body": [[{"t": "Cell", "children": [], "colspan": "2"}]]},
     "blocks[0].body[0][0] (Cell): field 'colspan' must be an integer, not string"),
    ({"t": "Image"}, "blocks[0] (Image): missing field 'src'"),
    ({"t": "Image", "src": "a.png", "onerror": "x"}, "blocks[0] (Image): unknown field 'onerror'"),
    ({"t": "Link", "children": [], "url": "x"}, "blocks[0]: 'Link' is not allowed here"),
    ("just text", "blocks[0] must be a node (Heading, Paragraph"),
    ({"children": []}, "blocks[0]: None is not a node type"),
])
def test_wrong_type_fails_in_one_line_naming_node_and_field(tmp_path, capsys, block, where):
    code, err, out = convert(tmp_path, tree(block), "epub", capsys)
    assert code == 1, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"docconv: {tmp_path / 'in.json'}: malformed docconv tree: "), err
    assert where in lines[0] and "internal error" not in err
    assert not (out.exists() and any(out.iterdir()))


@pytest.mark.parametrize("data, where", [
    ({"docconv-tree": 1, "meta": {"title": 5}, "blocks": []}, "meta: field 'title' must be a string, not int"),
    ({"docconv-tree": 1, "meta": {"authors": "Ann"}, "blocks": []}, "meta: field 'authors' must be a list, not string"),
    ({"docconv-tree": 1, "meta": {"extra": {"a": 1}}, "blocks": []}, "meta: field 'extra' must be an object of strings"),
    ({"docconv-tree": 1, "meta": [], "blocks": []}, "meta must be an object, not list"),
    ({"docconv-tree": 1, "blocks": {}}, "blocks must be a list, not object"),
    ({"docconv-tree": True, "blocks": []}, "not a docconv tree of schema version 1"),
])
def test_wrong_metadata_or_top_level_fails_in_one_line(data, where):
    with pytest.raises(InputError, match=re.escape(where)):
        tree_json.from_dict(data, "in.json")


def test_valid_trees_still_round_trip():
    document = all_nodes_document(chinese=True)
    assert tree_json.loads(tree_json.dumps(document)) == document


def test_absurd_spans_are_clamped_to_the_table(tmp_path, capsys):
    huge = {"t": "Cell", "children": [text("wide")], "colspan": 10**9, "rowspan": 10**9}
    table = {"t": "Table", "header": [], "body": [[huge, {"t": "Cell", "children": [text("b")]}],
                                                  [{"t": "Cell", "children": [text(c)]} for c in "cde"]]}
    code, err, out = convert(tmp_path, tree(table), "pdf,html", capsys)
    assert (code, err) == (0, "")
    html = (out / "in.html").read_text(encoding="utf-8")
    assert '<td colspan="4" rowspan="2">wide</td>' in html  # 3 (widest row) + its neighbour; 2 rows
    assert (out / "in.pdf").stat().st_size < 200_000


def test_span_clamping_keeps_real_tables():
    row = (Cell((Text("a"),), colspan=4),)
    halves = (Cell((Text("b"),), colspan=2), Cell((Text("c"),), colspan=2))
    [table] = normalize(Document(Metadata(), (Table((), (row, halves)),))).blocks
    assert [c.colspan for c in table.body[0]] == [4] and [c.colspan for c in table.body[1]] == [2, 2]


def test_absurd_heading_level_and_list_start_are_clamped(tmp_path, capsys):
    heading = {"t": "Heading", "level": 10**9, "children": [text("deep")]}
    code, err, out = convert(tmp_path, tree(heading, one_item_list(10**30), one_item_list(-10**30)), "epub,html,docx", capsys)
    assert (code, err) == (0, "")
    html = (out / "in.html").read_text(encoding="utf-8")
    assert "<h6" in html and '<ol start="1000000">' in html and '<ol start="-1000000">' in html
    assert '<ol start="1000000">' in epub_markup(out / "in.epub")
    [clamped] = normalize(Document(Metadata(), (OrderedList(((Paragraph(()),),), start=-10**12),))).blocks
    assert clamped.start == -10**6


def test_writers_escape_every_attribute_value(tmp_path, capsys):
    evil = '"><script>alert(1)</script><x y="'
    blocks = [
        {"t": "Heading", "level": 2, "children": [text("h")], "id": evil},
        {"t": "CodeBlock", "text": "code", "language": evil},
        para({"t": "Link", "children": [text("link")], "url": "https://example.com/" + evil, "title": evil}),
        {"t": "Image", "src": "data:image/png;base64," + evil, "alt": evil},
    ]
    data = tree(*blocks)
    data["meta"].update(title=evil, authors=[evil], description=evil, tags=[evil], language="en", date=evil)
    code, err, out = convert(tmp_path, data, "epub,html,docx", capsys)
    assert code == 0, err
    markups = {"html": (out / "in.html").read_text(encoding="utf-8"), "epub": epub_markup(out / "in.epub")}
    with zipfile.ZipFile(out / "in.docx") as archive:
        markups["docx"] = "\n".join(archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".xml"))
    for name, markup in markups.items():
        assert "<script" not in markup and '<x y="' not in markup, name
