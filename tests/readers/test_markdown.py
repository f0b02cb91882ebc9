"""The Markdown reader: golden trees, each construct, front matter, raw HTML left as text."""

from __future__ import annotations

from pathlib import Path

import pytest

from convert.context import Context
from convert.errors import InputError
from convert.options import Options
from convert.readers.markdown import MarkdownReader
from convert.source import Source
from convert.tree import (
    BulletList, Cell, Code, CodeBlock, Document, Emph, Heading, Image, LineBreak, Link, OrderedList,
    Paragraph, Quote, Rule, Strong, Table, Text,
)
from tests.golden import assert_golden

DATA = Path(__file__).resolve().parents[1] / "data" / "markdown"


def read(markdown: str) -> Document:
    ctx = Context.for_source(Options(), None, "doc.md")
    return MarkdownReader().read(Source("doc.md", markdown.encode("utf-8"), suffix=".md"), ctx)


def para(*children) -> Paragraph:
    return Paragraph(tuple(Text(c) if isinstance(c, str) else c for c in children))


@pytest.mark.parametrize("name", ["article", "readme"])
def test_golden(name):
    ctx = Context.for_source(Options(), str(DATA), str(DATA / f"{name}.md"))
    path = DATA / f"{name}.md"
    document = MarkdownReader().read(Source(str(path), path.read_bytes(), str(DATA), ".md"), ctx)
    assert_golden(document, DATA / f"{name}.json")


def test_inline_markup_and_breaks():
    blocks = read("A *b* **c** `d` ~~e~~ [f](http://x.org \"T\")\nnext  \nline").blocks
    assert blocks == (para("A ", Emph((Text("b"),)), " ", Strong((Text("c"),)), " ", Code("d"), " ",
                           Emph((Text("e"),)), " ", Link((Text("f"),), "http://x.org", "T"), " next",
                           LineBreak(), "line"),)


def test_headings_lists_quotes_code_tables_rules():
    blocks = read("## Two\n\n- a\n  - b\n\n5. five\n6. six\n\n> q\n\n```js\nx()\n```\n\n"
                  "| h | i |\n|---|---|\n| 1 | 2 |\n\n***\n").blocks
    assert blocks[0] == Heading(2, (Text("Two"),))
    assert blocks[1] == BulletList(((para("a"), BulletList(((para("b"),),))),))
    assert blocks[2] == OrderedList(((para("five"),), (para("six"),)), start=5)
    assert blocks[3] == Quote((para("q"),))
    assert blocks[4] == CodeBlock("x()", "js")
    assert blocks[5] == Table(((Cell((Text("h"),)), Cell((Text("i"),))),), ((Cell((Text("1"),)), Cell((Text("2"),))),))
    assert blocks[6] == Rule()


def test_images_are_blocks_after_their_paragraph():
    assert read("![alt](a.png)").blocks == (Image("a.png", "alt"),)
    assert read("see ![i](i.png) here").blocks == (para("see here"), Image("i.png", "i"))


def test_raw_html_is_text_not_markup():
    blocks = read("<div>block <b>html</b></div>\n\ninline <script>x</script> tag").blocks
    assert blocks == (para("<div>block <b>html</b></div>"), para("inline <script>x</script> tag"))


def test_front_matter_fields():
    meta = read("---\ntitle: 'T: colon'\nauthors:\n  - Ann\n  - Bo\ndate: 2024-01-02\nkeywords: a, b\n"
                "language: zh-CN\nextra: yes\nnested:\n  key: v\n---\nBody.").meta
    assert (meta.title, meta.authors, meta.date, meta.tags, meta.language) == (
        "T: colon", ("Ann", "Bo"), "2024-01-02", ("a", "b"), "zh-CN")
    assert dict(meta.extra) == {"extra": "yes"}


def test_title_from_first_h1_which_leaves_the_body():
    document = read("Intro.\n\n# The Title\n\nText.\n\n# Second h1\n")
    assert document.meta.title == "The Title"
    assert document.blocks == (para("Intro."), para("Text."), Heading(1, (Text("Second h1"),)))
    assert read("plain words only").meta.title == ""


def test_chinese_lines_join_without_space_and_language_detected():
    document = read("第一行\n第二行，这是中文段落。")
    assert document.blocks == (para("第一行第二行，这是中文段落。"),)
    assert document.meta.language == "zh-CN"


def test_empty_input_is_an_error_and_registry_finds_md(tmp_path):
    with pytest.raises(InputError):
        read("   \n")
    import convert

    path = tmp_path / "x.md"
    path.write_text("# T\n\nHello.", encoding="utf-8")
    assert convert.read(path).blocks == (para("Hello."),)
