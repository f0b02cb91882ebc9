import dataclasses
import json

import pytest

from convert import tree_json
from convert.errors import InputError
from convert.tree import Document, Heading, Metadata, Paragraph, Text, document_text, merge_text
from tests.conftest import all_nodes_document


@pytest.mark.parametrize("chinese", [False, True])
def test_json_round_trip_is_lossless(chinese):
    document = all_nodes_document(chinese=chinese)
    text = tree_json.dumps(document)
    assert tree_json.loads(text) == document
    assert tree_json.dumps(tree_json.loads(text)) == text


def test_json_keeps_chinese_readable_and_versioned():
    text = tree_json.dumps(all_nodes_document(chinese=True))
    data = json.loads(text)
    assert data["docconv-tree"] == tree_json.SCHEMA_VERSION
    assert "经济形势分析报告" in text  # not \u escapes: users read this file
    assert data["blocks"][1] == {"t": "Heading", "level": 2, "children": [{"t": "Text", "text": "一、总体情况"}], "id": ""}


def test_json_refuses_other_versions_and_unknown_nodes():
    data = tree_json.to_dict(all_nodes_document())
    data["docconv-tree"] = 99
    with pytest.raises(InputError, match="schema version"):
        tree_json.from_dict(data, "x.json")
    data = tree_json.to_dict(all_nodes_document())
    data["blocks"].append({"t": "Marquee"})
    with pytest.raises(InputError, match="Marquee"):
        tree_json.from_dict(data, "x.json")


def test_nodes_are_frozen():
    paragraph = Paragraph((Text("a"),))
    with pytest.raises(dataclasses.FrozenInstanceError):
        paragraph.children = ()  # type: ignore[misc]
    meta = Metadata(extra={"k": "v"})
    with pytest.raises(TypeError):
        meta.extra["k"] = "w"  # type: ignore[index]


def test_merge_text_and_document_text():
    assert merge_text([Text("a"), Text(""), Text("b")]) == (Text("ab"),)
    document = Document(Metadata(), (Heading(2, (Text("H"),)), Paragraph((Text("body"),))))
    assert document_text(document) == "H\nbody"
