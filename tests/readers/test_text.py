"""The plain-text reader: golden trees for the samples and the test articles, encodings,
line endings, paragraph joining, boilerplate (the detectors alone: test_text_detectors.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from convert import registry
from convert.context import Context
from convert.errors import InputError
from convert.options import Options
from convert.readers.text import (
    Line, TextReader, fallback_title, join_wrapped, mark_lede, paragraphs_are_wrapped, split_lines,
)
from convert.source import Source
from convert.tree import Heading, Paragraph, Rule, Strong, Text, document_text, plain_text
from convert.tree_json import dumps
from tests.conftest import png_bytes
from tests.golden import assert_golden

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
DATA = ROOT / "tests" / "data" / "text"


def read(data: bytes | str, name: str = "input.txt", **options) -> tuple:
    if isinstance(data, str):
        data = data.encode("utf-8")
    ctx = Context.for_source(Options(**options), None, name)
    return TextReader().read(Source(name=name, data=data, suffix=".txt"), ctx), ctx


# ------------------------------------------------------------------ golden


@pytest.mark.parametrize("sample", ["zh-news", "en-article"])
def test_sample_golden(sample: str) -> None:
    document, _ = read((SAMPLES / f"{sample}.txt").read_bytes(), f"{sample}.txt")
    assert_golden(document, DATA / f"sample-{sample}.json")


@pytest.mark.parametrize("path", sorted(DATA.glob("*.txt")), ids=lambda p: p.stem)
def test_focused_golden(path: Path) -> None:
    document, _ = read(path.read_bytes(), path.name)
    assert_golden(document, path.with_suffix(".json"))


def test_registry_resolves_the_text_reader() -> None:
    assert registry.reader_class("text") is TextReader
    assert TextReader.extensions == (".txt", ".text")


# -------------------------------------------------------------- the samples


def test_chinese_sample_metadata_and_structure() -> None:
    document, ctx = read((SAMPLES / "zh-news.txt").read_bytes())
    meta = document.meta
    assert (meta.title, meta.date, meta.publisher) == ("小城夜市点亮县域消费新图景", "2023-09-08T14:20", "某某新闻网")
    assert (meta.authors, meta.editor, meta.source) == (("李强", "张敏"), "王芳", "新华社")
    assert meta.tags == ("经济", "科技", "夜间经济")
    assert meta.language == "zh-CN"
    assert meta.description.startswith("入秋以来") and "导语" not in meta.description
    first = document.blocks[0]
    assert isinstance(first, Paragraph) and first.children[0] == Strong((Text("导语："),))
    section_titles = [plain_text(b.children) for b in document.blocks if isinstance(b, Heading)]
    assert len(section_titles) == 4 and all(b.level == 2 for b in document.blocks if isinstance(b, Heading))
    assert section_titles[0] == "老街换新颜，烟火气回来了"  # marker and full-width space gone
    text = document_text(document)
    for gone in ("编辑：", "标签：", "相关阅读", "版权所有", "多地推出秋季文旅消费活动", "\u3000"):
        assert gone not in text
    assert [d.code for d in ctx.diagnostics] == ["boilerplate-dropped"]
    assert "4" in ctx.diagnostics[0].message


def test_gbk_sample_gives_the_same_tree_as_utf8() -> None:
    utf8, _ = read((SAMPLES / "zh-news.txt").read_bytes())
    gbk, _ = read((SAMPLES / "zh-news-gbk.txt").read_bytes())
    assert dumps(gbk) == dumps(utf8)


def test_english_sample_metadata_and_joined_paragraphs() -> None:
    document, _ = read((SAMPLES / "en-article.txt").read_bytes())
    meta = document.meta
    assert meta.title.startswith("Small Harbours, Big Ideas")
    assert (meta.authors, meta.date, meta.editor, meta.language) == (("Jane Doe",), "2024-06-12", "John Roe", "en")
    assert meta.tags == ("travel", "tourism", "coastal towns")
    assert meta.description.startswith("Faced with crowded summers") and "\n" not in meta.description
    assert [plain_text(b.children) for b in document.blocks if isinstance(b, Heading)] == [
        "A Longer Season", "Keeping Money Local", "What Comes Next"]
    paragraphs = [plain_text(b.children) for b in document.blocks if isinstance(b, Paragraph)]
    assert "the distant call of gulls. In six weeks" in paragraphs[1]
    assert all("\n" not in p and "  " not in p for p in paragraphs)
    assert "Tags:" not in document_text(document)


# ---------------------------------------------------------------- encodings

CHINESE = "夜市點亮小城\n2023年9月8日\n\n入秋以來，清溪縣的夜市人氣持續走高。從老街小吃到文創市集，一條不足千米的街道。\n攤主陳阿姨一邊招呼客人，一邊熟練地切片裝盒。\n"


@pytest.mark.parametrize("encoding", ["big5", "utf-16", "utf-8-sig", "gb18030"])
def test_chinese_in_other_encodings_reads_back(encoding: str) -> None:
    expected, _ = read(CHINESE)
    document, ctx = read(CHINESE.encode(encoding))
    assert dumps(document) == dumps(expected)
    assert document.meta.title == "夜市點亮小城"
    assert not ctx.diagnostics


def test_forced_encoding_wins() -> None:
    data = "標題\n內容一。\n".encode("big5")
    document, _ = read(data, encoding="big5")
    assert document.meta.title == "標題"


@pytest.mark.parametrize("content", [b"", b"   \n\n\t", "\u3000\u3000\n\u00a0\r\n".encode()])
def test_empty_input_is_refused(content: bytes) -> None:
    with pytest.raises(InputError, match="no text content"):
        read(content)


@pytest.mark.parametrize("content", [b"\x00\x01\x02\x03binary\x00\x00\x00\x10" * 20, png_bytes()])
def test_binary_input_is_refused(content: bytes) -> None:
    with pytest.raises(InputError, match="not a text"):
        read(content)


# ------------------------------------------------------------ line endings


def test_crlf_cr_and_lf_give_the_same_tree() -> None:
    text = (DATA / "crlf-english.txt").read_bytes().decode().replace("\r\n", "\n")
    lf, _ = read(text)
    crlf, _ = read(text.replace("\n", "\r\n"))
    cr, _ = read(text.replace("\n", "\r"))
    assert dumps(lf) == dumps(crlf) == dumps(cr)
    assert lf.meta.date == "2024-06-12T20:30"


# -------------------------------------------------------- paragraph joining


def test_wrapped_english_is_joined_with_spaces() -> None:
    document, _ = read("Title\n\nThe first line of text\nand the second line, with a well-\nknown word.\n\nNext one.\n")
    assert plain_text(document.blocks[0].children) == "The first line of text and the second line, with a well-known word."


def test_wrapped_chinese_is_joined_without_spaces() -> None:
    document, _ = read((DATA / "cjk-wrapped.txt").read_bytes())
    first, second = (plain_text(b.children) for b in document.blocks)
    assert "各项指标持续改善" in first and " " not in first
    assert "同时 AI 与 English words 混排的情况" in second


def test_one_paragraph_per_line_is_kept_apart() -> None:
    document, _ = read("标题\n第一段内容在这里。\n第二段内容在这里。\n第三段结束了。\n")
    assert [plain_text(b.children) for b in document.blocks] == ["第一段内容在这里。", "第二段内容在这里。", "第三段结束了。"]


def test_join_wrapped() -> None:
    assert join_wrapped(["中文的", "段落"]) == "中文的段落"
    assert join_wrapped(["中文，", "继续"]) == "中文，继续"
    assert join_wrapped(["English", "words"]) == "English words"
    assert join_wrapped(["中文", "English"]) == "中文 English"
    assert join_wrapped(["self-", "evident"]) == "self-evident"
    assert join_wrapped(["a  b", "c"]) == "a b c"


def test_paragraphs_are_wrapped() -> None:
    wrapped = split_lines("The first line goes on and on\nuntil the wrap column, then\nstops here.\n\nMore text\nhere.")
    assert paragraphs_are_wrapped(wrapped)
    per_line = split_lines("第一段结束了。\n第二段也结束了。\n“第三段。”\n")
    assert not paragraphs_are_wrapped(per_line)
    assert not paragraphs_are_wrapped(split_lines("only one line"))


def test_split_lines_measures_indentation() -> None:
    lines = split_lines("\u3000\u3000正文\r\n\u00a0 x \r  \t\n")
    assert lines == [Line("正文", 4), Line("x", 2), Line("", 0), Line("", 0)]


# ------------------------------------------------------------ whole-file rules


def test_title_falls_back_to_the_first_line() -> None:
    document, _ = read("This first line is a sentence, so it is no title.\nSecond line.\n")
    assert document.meta.title == "This first line is a sentence, so it is no title."
    assert len(document.blocks) == 2


def test_fallback_title_is_cut_to_length() -> None:
    long_line = "word " * 40
    title = fallback_title([Line(long_line.strip(), 0)])
    assert title.endswith("…") and len(title) <= 81 and " " != title[-2]
    assert fallback_title([Line("", 0), Line("短标题", 0)]) == "短标题"


def test_a_one_line_file_keeps_its_text_in_the_body() -> None:
    document, _ = read("Hello world\n")
    assert document.meta.title == "Hello world"
    assert plain_text(document.blocks[0].children) == "Hello world"


def test_content_all_keeps_boilerplate() -> None:
    text = (DATA / "related-and-footer.txt").read_text(encoding="utf-8")
    kept, ctx = read(text, content="all")
    assert "Library budget approved" in document_text(kept) and not ctx.diagnostics
    assert kept.meta.source == "City Desk"


def test_boilerplate_is_dropped_with_one_warning_naming_the_kinds() -> None:
    document, ctx = read((DATA / "zh-marker-full-trailer.txt").read_bytes())
    assert [d.code for d in ctx.diagnostics] == ["boilerplate-dropped"]
    message = ctx.diagnostics[0].message
    assert "dropped 0 line(s) above and 5 below the article" in message
    for kind in ("previous/next links", "share bar", "print/close links", "copyright"):
        assert kind in message
    text = document_text(document)
    assert "上一篇" not in text and "ICP" not in text and "推广到周边村庄" in text


def test_keep_boilerplate_appends_the_trailer_after_a_rule() -> None:
    document, ctx = read((DATA / "zh-marker-full-trailer.txt").read_bytes(), keep_boilerplate=True)
    assert not ctx.diagnostics
    rule = max(i for i, b in enumerate(document.blocks) if isinstance(b, Rule))
    assert [plain_text(b.children) for b in document.blocks[rule + 1:]] == [
        "上一篇：古镇河道清淤工程全面完工", "下一篇：春季农产品展销会开幕", "分享到：微信 微博 QQ空间",
        "【打印本页】【关闭窗口】", "京ICP备12345678号-1"]
    dropped, _ = read((DATA / "zh-marker-full-trailer.txt").read_bytes())
    assert document.blocks[:rule] == dropped.blocks and document.meta == dropped.meta


@pytest.mark.parametrize("name", ["zh-short-ending.txt", "en-body-mentions.txt", "zh-bare.txt"])
def test_a_body_that_only_looks_like_a_trailer_is_kept(name: str) -> None:
    document, ctx = read((DATA / name).read_bytes(), name)
    assert not ctx.diagnostics
    last_line = (DATA / name).read_text(encoding="utf-8").strip().splitlines()[-1]
    assert last_line in document_text(document)


def test_mark_lede_only_before_the_first_heading() -> None:
    blocks = [Heading(2, (Text("Head"),)), Paragraph((Text("摘要：不是导语"),))]
    assert mark_lede(blocks) == (blocks, "")
    marked, lede = mark_lede([Paragraph((Text("核心提示：要点。"),))])
    assert lede == "要点。" and marked[0].children == (Strong((Text("核心提示："),)), Text("要点。"))


def test_body_line_starting_with_a_byline_word_stays_text() -> None:
    document, _ = read("标题\n正文第一段。\n记者离开时已近深夜十一点，老街上依然灯火通明。\n")
    assert document.meta.authors == ()
    assert "记者离开时" in document_text(document)
