"""Property-based tests: any bytes read to a tree or docconv's own error; any tree writes output that reads back."""

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import convert
from convert.tree import document_text
from convert.context import Context
from convert.errors import ConvertError
from convert.options import Options
from convert.pipeline import read_source
from convert.source import Source, clean_text
from convert.tree import (
    BulletList, Cell, Code, CodeBlock, Document, Emph, Heading, Image, LineBreak, Link, Metadata,
    OrderedList, Paragraph, Quote, Rule, Strong, Table, Text,
)
from tests.epubcheck_util import epubcheck_errors

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

html_fragments = st.sampled_from([
    "<p>", "</p>", "<div>", "<table><tr><td>", "</td>", "<ul><li>", "<b>", "</i>", "<!--", "-->", "&#0;",
    "&#x110000;", "]]>", "<script>", "<img src=x>", "<br>", "<h2>", "<meta charset=gbk>", "<pre>",
    "经济", "text", "\x00", "\ud800", "<a href='javascript:x'>",
])
html_documents = st.lists(st.one_of(html_fragments, st.text(max_size=20)), max_size=40).map("".join)


@pytest.mark.parametrize("reader", ["html", "text", "json"])
@FAST
@given(data=st.one_of(st.binary(max_size=2000), html_documents.map(lambda s: s.encode("utf-8", "surrogatepass")),
                      st.sampled_from(["utf-8", "gbk", "big5", "utf-16"]).flatmap(
                          lambda codec: st.text(alphabet="经济运行平稳abc \n，。", max_size=200).map(
                              lambda t: t.encode(codec, "ignore")))))
def test_any_bytes_give_a_tree_or_our_own_error(reader, data):
    source = Source(name="fuzz.bin", data=data)
    try:
        document, _ = read_source(source, Options(from_format=reader))
    except ConvertError:
        return
    assert isinstance(document, Document)


texts = st.text(st.characters(codec=None, exclude_categories=()), max_size=30)
inlines = st.recursive(
    st.one_of(texts.map(Text), texts.map(Code), st.just(LineBreak())),
    lambda children: st.one_of(
        st.lists(children, max_size=3).map(lambda c: Emph(tuple(c))),
        st.lists(children, max_size=3).map(lambda c: Strong(tuple(c))),
        st.tuples(st.lists(children, max_size=3), st.sampled_from(
            ["https://example.com/a b", "#sec-1", "javascript:x", "mailto:a@b.c", "", "../x"])).map(
            lambda t: Link(tuple(t[0]), t[1]))),
    max_leaves=8)
inline_runs = st.lists(inlines, max_size=4).map(tuple)
cells = inline_runs.map(lambda c: Cell(c))
leaf_blocks = st.one_of(
    inline_runs.map(Paragraph),
    st.tuples(st.integers(1, 6), inline_runs).map(lambda t: Heading(t[0], t[1])),
    texts.map(lambda t: CodeBlock(t)),
    st.just(Rule()),
    st.tuples(st.lists(st.lists(cells, min_size=1, max_size=3).map(tuple), max_size=2),
              st.lists(st.lists(cells, min_size=1, max_size=3).map(tuple), max_size=3)).map(
        lambda t: Table(tuple(t[0]), tuple(t[1]))),
    st.sampled_from(["pic.png", "missing.png", "file:///etc/passwd", "data:image/png;base64,xx"]).map(
        lambda src: Image(src, alt="alt")),
)
blocks = st.recursive(
    leaf_blocks,
    lambda children: st.one_of(
        st.lists(children, max_size=3).map(lambda b: Quote(tuple(b))),
        st.lists(st.lists(children, min_size=1, max_size=2).map(tuple), min_size=1, max_size=3).map(
            lambda items: BulletList(tuple(items))),
        st.lists(st.lists(children, min_size=1, max_size=2).map(tuple), min_size=1, max_size=3).map(
            lambda items: OrderedList(tuple(items)))),
    max_leaves=12)
documents = st.builds(
    lambda title, language, body: Document(Metadata(title=title, language=language, authors=(title,)), tuple(body)),
    texts, st.sampled_from(["", "en", "zh-CN", "ja", "C"]), st.lists(blocks, max_size=6))


def _glyphs(text: str) -> str:
    """The text without its white space: blocks left empty by tidying change only the separators."""
    return "".join(text.split())


def _write(document, folder, fmt):
    path = folder / f"doc.{fmt}"
    convert.write(document, path, base_dir=folder)
    return path


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=documents)
def test_any_tree_writes_docx_and_epub_that_read_back(document, image_folder):
    import docx
    from lxml import etree

    docx.Document(str(_write(document, image_folder, "docx")))
    with zipfile.ZipFile(_write(document, image_folder, "epub")) as book:
        assert book.namelist()[0] == "mimetype"
        for name in book.namelist():
            if name.endswith((".xhtml", ".opf", ".ncx")):
                etree.fromstring(book.read(name))
    # The JSON reader tidies what no reader would make (an empty author, two adjacent texts), so
    # the tree that comes back is a fixed point with the same text, not always the same object.
    read_back = convert.read(_write(document, image_folder, "json"))
    assert _glyphs(document_text(read_back)) == _glyphs(clean_text(document_text(document)))
    assert convert.read(_write(read_back, image_folder, "json")) == read_back


@pytest.mark.slow
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=documents)
def test_any_tree_writes_a_pdf_that_parses(document, image_folder):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(_write(document, image_folder, "pdf").read_bytes()))
    assert len(reader.pages) >= 1


@pytest.mark.slow
def test_generated_trees_pass_epubcheck(image_folder):
    books = []

    @settings(max_examples=3, deadline=None, database=None)
    @given(document=documents)
    def collect(document):
        folder = image_folder / f"book{len(books)}"
        folder.mkdir()
        (folder / "pic.png").write_bytes((image_folder / "pic.png").read_bytes())
        books.append(_write(document, folder, "epub"))

    collect()
    for book in books:
        assert epubcheck_errors(book) == [], book
