"""The plain-text reader: golden trees for the samples and focused inputs, encodings,
line endings, paragraph joining, and every detector on its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from convert import registry
from convert.context import Context
from convert.errors import InputError
from convert.options import Options
from convert.readers import _text_headings as headings
from convert.readers import _text_rules as rules
from convert.readers.text import (
    Line, TextReader, fallback_title, join_wrapped, mark_lede, paragraphs_are_wrapped, split_lines,
)
from convert.source import Source
from convert.tree import Heading, Paragraph, Strong, Text, document_text, plain_text
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


def test_mark_lede_only_before_the_first_heading() -> None:
    blocks = [Heading(2, (Text("Head"),)), Paragraph((Text("摘要：不是导语"),))]
    assert mark_lede(blocks) == (blocks, "")
    marked, lede = mark_lede([Paragraph((Text("核心提示：要点。"),))])
    assert lede == "要点。" and marked[0].children == (Strong((Text("核心提示："),)), Text("要点。"))


def test_body_line_starting_with_a_byline_word_stays_text() -> None:
    document, _ = read("标题\n正文第一段。\n记者离开时已近深夜十一点，老街上依然灯火通明。\n")
    assert document.meta.authors == ()
    assert "记者离开时" in document_text(document)


# --------------------------------------------------------------- detectors


@pytest.mark.parametrize("line, iso", [
    ("2022-10-05", "2022-10-05"),
    ("2022/10/5 08:00", "2022-10-05T08:00"),
    ("2023年9月8日 14:20", "2023-09-08T14:20"),
    ("2023年09月08日14:20:05 星期五", "2023-09-08T14:20:05"),
    ("发布时间：2023-09-08 14:20", "2023-09-08T14:20"),
    ("Posted: 12 June 2024", "2024-06-12"),
    ("June 12, 2024", "2024-06-12"),
    ("Updated Wed, Jun 12, 2024 8:05 AM EDT", "2024-06-12T08:05"),
    ("12th June 2024 12:30 pm", "2024-06-12T12:30"),
])
def test_parse_date_line(line: str, iso: str) -> None:
    assert rules.parse_date_line(line) == iso


@pytest.mark.parametrize("line", ["2023-02-30", "The 2024-06-12 meeting went well", "June 2024", "2023年9月8日发生了地震",
                                  "Posted by Jane", "13:00"])
def test_parse_date_line_rejects(line: str) -> None:
    assert rules.parse_date_line(line) is None


@pytest.mark.parametrize("segment, names", [
    ("By Jane Doe", ("Jane Doe",)),
    ("by Jane Doe and John Roe", ("Jane Doe", "John Roe")),
    ("记者 李强", ("李强",)),
    ("本报记者 李强 王明", ("李强", "王明")),
    ("通讯员 张敏", ("张敏",)),
    ("文/王明", ("王明",)),
    ("记者：阿卜杜·热合曼", ("阿卜杜·热合曼",)),
])
def test_parse_byline(segment: str, names: tuple) -> None:
    assert rules.parse_byline(segment) == names


@pytest.mark.parametrize("segment", ["by the river we walked", "记者离开时已近深夜十一点，灯火通明", "By", "Bylines matter"])
def test_parse_byline_rejects(segment: str) -> None:
    assert rules.parse_byline(segment) is None


def test_split_names_and_tags() -> None:
    assert rules.split_names("张三、李四") == ("张三", "李四")
    assert rules.split_names("Jane Doe, Staff writer") is None
    assert rules.split_tags("经济，科技、AI; markets；云") == ("经济", "科技", "AI", "markets", "云")


@pytest.mark.parametrize("line, field, value", [
    ("编辑：王芳", "editor", "王芳"),
    ("责任编辑: 赵六", "editor", "赵六"),
    ("（责任编辑：赵六）", "editor", "赵六"),
    ("编辑 王芳", "editor", "王芳"),
    ("Editor: John Roe", "editor", "John Roe"),
    ("来源：新华社", "source", "新华社"),
    ("Source: Reuters", "source", "Reuters"),
    ("作者：李强", "authors", ["李强"]),
    ("标签：经济，科技", "tags", ["经济", "科技"]),
    ("Keywords: a; b", "tags", ["a", "b"]),
])
def test_parse_meta_line_fields(line: str, field: str, value) -> None:
    facts = rules.parse_meta_line(line)
    assert facts is not None and getattr(facts, field) == value


def test_parse_meta_line_combined_and_rejected() -> None:
    facts = rules.parse_meta_line("2023年9月8日 14:20  来源：某某日报  作者：李强")
    assert (facts.date, facts.source, facts.authors) == ("2023-09-08T14:20", "某某日报", ["李强"])
    facts = rules.parse_meta_line("June 12, 2024 | By Jane Doe")
    assert (facts.date, facts.authors) == ("2024-06-12", ["Jane Doe"])
    facts = rules.parse_meta_line("记者 李强　通讯员 张敏")
    assert facts.authors == ["李强", "张敏"]
    assert rules.parse_meta_line("来源：据统计，今年客流增长了百分之四十。") is None
    assert rules.parse_meta_line("下一篇：别的文章") is None
    assert rules.parse_meta_line("Notes: something") is None


@pytest.mark.parametrize("line, expected", [
    ("某某新闻网", True), ("某某日报", True), ("Example News", True), ("www.example.com", True),
    ("The Daily Planet Times", True), ("县域商业体系建设提速", False), ("Hello there", False),
    ("他说这是新闻。", False),
])
def test_is_site_name(line: str, expected: bool) -> None:
    assert rules.is_site_name(line) is expected


def test_could_be_title_and_sentence_ends() -> None:
    assert rules.could_be_title("Why Do Towns Change?")
    assert not rules.could_be_title("This is a sentence.")
    assert not rules.could_be_title("x" * 130)
    assert rules.ends_sentence("他说：“好。”") and rules.ends_sentence("Done.)")
    assert not rules.ends_sentence("and then the")
    assert rules.display_width("中a") == 3


@pytest.mark.parametrize("paragraph, label", [
    ("导语：入秋以来", "导语："), ("导语:入秋以来", "导语:"), ("摘要：内容", "摘要："),
    ("核心提示：要点", "核心提示："), ("Summary: Faced with", "Summary:"), ("Summary of the day", None),
    ("导语", None),
])
def test_lede_label(paragraph: str, label: str | None) -> None:
    assert rules.lede_label(paragraph) == label


@pytest.mark.parametrize("line", ["相关阅读", "【相关新闻】", "相关信息：", "MORE >>", "更多>>", "Related:", "Related Stories"])
def test_is_related_heading(line: str) -> None:
    assert rules.is_related_heading(line)


def test_related_items_and_footers() -> None:
    assert rules.is_related_item("Related: Library budget approved")
    assert rules.is_related_item("上一篇：别的文章")
    assert not rules.is_related_heading("Related stories show a pattern in the data.")
    for footer in ("Copyright © 2024 Example", "© 2024 Example Times", "Copyright 2023 某某新闻网 版权所有",
                   "未经授权禁止转载", "All rights reserved."):
        assert rules.is_footer(footer), footer
    assert not rules.is_footer("The copyright case went to court last week.")


# ---------------------------------------------------------------- headings


@pytest.mark.parametrize("line, level, text", [
    ("●　老街换新颜", 2, "老街换新颜"), ("■ 提升效率", 2, "提升效率"), ("▲加快建设", 2, "加快建设"),
    ("★ Highlights", 2, "Highlights"),
])
def test_marker_heading(line: str, level: int, text: str) -> None:
    assert headings.marker_heading(line) == headings.HeadingGuess(level, text, "marker")


def test_marker_line_that_is_a_sentence_stays_text() -> None:
    assert headings.marker_heading("● 今年以来，经济运行总体平稳。") is None
    assert headings.marker_heading("●") is None


@pytest.mark.parametrize("line, level", [
    ("第一章 总则", 2), ("第十二章", 2), ("第3节 目标", 3), ("第二部分：展望", 2)])
def test_chapter_heading(line: str, level: int) -> None:
    assert headings.chapter_heading(line).level == level


def test_chapter_heading_rejects_running_text() -> None:
    assert headings.chapter_heading("第一章中提到的问题依然存在，值得深思。") is None
    assert headings.chapter_heading("第一次来到这里") is None


@pytest.mark.parametrize("line, level", [("一、总体情况", 2), ("十二、其他", 2), ("（一）数据", 3), ("(三) 展望", 3)])
def test_cjk_enumeration_heading(line: str, level: int) -> None:
    assert headings.cjk_enumeration_heading(line).level == level


def test_cjk_enumeration_paragraph_stays_text() -> None:
    assert headings.cjk_enumeration_heading("一、坚持以人民为中心的发展思想，统筹推进各项工作。") is None


@pytest.mark.parametrize("line, level", [("1. Introduction", 2), ("2) Results", 2), ("1.2 Scope", 3),
                                         ("1.2.3 Details", 4), ("3、乡镇商贸中心", 2)])
def test_numbered_heading(line: str, level: int) -> None:
    assert headings.numbered_heading(line).level == level


@pytest.mark.parametrize("line", ["1.5亿元的投资", "1.5 percent this year", "2024 was a year",
                                  "1. This item is a full sentence.", "12 people came"])
def test_numbered_heading_rejects(line: str) -> None:
    assert headings.numbered_heading(line) is None


def test_markdown_setext_and_rules() -> None:
    assert headings.markdown_heading("## Background ##") == headings.HeadingGuess(2, "Background", "markdown")
    assert headings.markdown_heading("#hashtag") is None
    assert headings.setext_level("=====") == 1 and headings.setext_level("---") == 2
    assert headings.setext_level("--") is None and headings.setext_level("-- x") is None
    for line in ("***", "* * *", "———", "------"):
        assert headings.is_rule(line)
    assert not headings.is_rule("- item")


@pytest.mark.parametrize("line, expected", [
    ("A Longer Season", True), ("What Comes Next", True), ("Keeping Money in the Town", True),
    ("CONCLUSIONS", True), ("Chapter 3", True), ("Introduction", True),
    ("The idea sounds simple", False), ("Thank You.", False), ("中文标题", False), ("lower case", False),
])
def test_english_heading(line: str, expected: bool) -> None:
    assert (headings.english_heading(line) is not None) is expected


def test_detect_heading_trusts_weak_patterns_only_on_lines_alone() -> None:
    assert headings.detect_heading("1.2 Scope", stands_alone=False, wrapped=True) is None
    assert headings.detect_heading("1.2 Scope", stands_alone=True, wrapped=True).level == 3
    assert headings.detect_heading("1.2 Scope", stands_alone=False, wrapped=False).level == 3
    assert headings.detect_heading("A Longer Season", stands_alone=True, wrapped=False) is None
    assert headings.detect_heading("A Longer Season", stands_alone=True, wrapped=True).level == 2
    assert headings.detect_heading("● 标题", stands_alone=False, wrapped=True).level == 2


def test_settle_levels() -> None:
    guess = headings.HeadingGuess
    numbered = headings.settle_levels([guess(2, "一、", "cjk-enum"), guess(2, "1. x", "numbered")])
    assert [g.level for g in numbered] == [2, 4]
    markdown = headings.settle_levels([guess(1, "a", "markdown"), guess(2, "b", "markdown"), guess(2, "c", "setext")])
    assert [g.level for g in markdown] == [2, 3, 3]
    deep = headings.settle_levels([guess(3, "a", "markdown"), guess(4, "b", "markdown")])
    assert [g.level for g in deep] == [2, 3]


def test_numbered_heading_needs_a_capital_or_cjk_start() -> None:
    assert headings.numbered_heading("2) results") is None
    assert headings.numbered_heading("2) 结果").level == 2
