"""Shared fixtures: one tree holding every node type, in English and in Chinese."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from convert.tree import (
    BulletList, Cell, Code, CodeBlock, Document, Emph, Heading, Image, LineBreak, Link, Metadata,
    OrderedList, Paragraph, Quote, Rule, Strong, Table, Text,
)


def png_bytes(width: int = 40, height: int = 20, color: str = "red") -> bytes:
    from PIL import Image as PilImage

    buffer = io.BytesIO()
    PilImage.new("RGB", (width, height), color).save(buffer, "PNG")
    return buffer.getvalue()


def all_nodes_document(chinese: bool = False, image_src: str = "pic.png") -> Document:
    """Every block and inline node once, so each writer must handle them all."""
    if chinese:
        title, para, head = "经济形势分析报告", "今年以来，我国经济运行总体平稳，稳中有进。", "一、总体情况"
        meta = Metadata(title=title, authors=("李强",), date="2023-09-08", publisher="某某新闻网",
                        source="新华社", editor="王芳", tags=("经济", "科技"),
                        description="导语内容：经济稳中向好。", language="zh-CN")
    else:
        title, para, head = "The Economy in Review", "Growth held steady this quarter.", "Overview"
        meta = Metadata(title=title, authors=("Jane Doe", "John Roe"), date="2024-06-12",
                        publisher="Example News", tags=("economy", "markets"),
                        description="A short lede.", language="en")
    blocks = (
        Paragraph((Text(para),)),
        Heading(2, (Text(head),)),
        Paragraph((Text("Plain "), Emph((Text("emphasis"),)), Text(", "), Strong((Text("strong"),)),
                   Text(", "), Code("code()"), Text(", "),
                   Link((Text("a link"),), "https://example.com/page"), LineBreak(), Text("after break"))),
        BulletList(((Paragraph((Text("bullet one"),)),),
                    (Paragraph((Text("bullet two"),)), BulletList(((Paragraph((Text("nested bullet"),)),),))))),
        OrderedList(((Paragraph((Text("first step"),)),), (Paragraph((Text("second step"),)),)), start=3),
        Quote((Paragraph((Text("A quoted paragraph."),)),)),
        CodeBlock("def f(x):\n    return x * 2\n", "python"),
        Heading(3, (Text("Figures" if not chinese else "（一）数据"),)),
        Table(header=((Cell((Text("Year"),)), Cell((Text("Value"),))),),
              body=((Cell((Text("2022"),)), Cell((Text("1.5"),))),
                    (Cell((Text("2023"),)), Cell((Text("2.5"),)))),
              caption=(Text("Table caption"),)),
        Image(image_src, alt="A red box", caption=(Text("Figure caption"),)),
        Rule(),
        Paragraph((Text("The end."),)),
    )
    return Document(meta=meta, blocks=blocks)


def with_picture(folder: Path) -> Path:
    """`folder`, now holding the pic.png that all_nodes_document names."""
    (folder / "pic.png").write_bytes(png_bytes())
    return folder


@pytest.fixture
def image_folder(tmp_path: Path) -> Path:
    """A folder holding pic.png, to use as the document's folder."""
    return with_picture(tmp_path)
