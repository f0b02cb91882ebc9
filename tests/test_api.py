"""The Python API: read, write, convert."""

import pytest

import convert
from convert.errors import ConvertError
from convert.tree import Document, Paragraph, Text, document_text
from tests.conftest import all_nodes_document


def test_read_takes_paths_and_bytes_and_read_string_takes_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Title line\n\nBody.\n", encoding="utf-8")
    from_path = convert.read(path)
    assert isinstance(from_path, Document) and from_path.meta.title == "Title line"
    assert convert.read(str(path)) == from_path
    assert convert.read(b"Title line\n\nBody.\n", format="text").meta.title == "Title line"
    assert convert.read_string("Title line\n\nBody.\n").meta.title == "Title line"
    html = convert.read_string("<html><body><p>Hi there</p></body></html>", format="html")
    assert document_text(html) == "Hi there"


def test_a_missing_path_is_an_error_not_content(tmp_path):
    with pytest.raises(ConvertError, match="no-such-article.txt: no such file"):
        convert.read(str(tmp_path / "no-such-article.txt"))
    with pytest.raises(TypeError, match="give bytes to convert.read"):
        convert.read_string(b"bytes")


def test_write_picks_the_format_from_the_extension(tmp_path):
    document = all_nodes_document()
    result = convert.write(document, tmp_path / "doc.json")
    assert result.outputs == [str(tmp_path / "doc.json")]
    assert convert.read(tmp_path / "doc.json") == document


def test_convert_and_unknown_options(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("Title\n\nBody.\n", encoding="utf-8")
    convert.convert(src, tmp_path / "a.docx")
    assert (tmp_path / "a.docx").stat().st_size > 1000
    with pytest.raises(TypeError, match="unknown option"):
        convert.convert(src, tmp_path / "b.docx", colour="red")
    with pytest.raises(ConvertError, match="no such file"):
        convert.convert(tmp_path / "missing.txt", tmp_path / "c.docx")


def test_failed_write_leaves_nothing(tmp_path):
    bad = Document(convert.Metadata(), (Paragraph((Text("x"),)), "not a node"))  # type: ignore[arg-type]
    with pytest.raises(ConvertError):
        convert.write(bad, tmp_path / "bad.html")
    assert list(tmp_path.iterdir()) == []
