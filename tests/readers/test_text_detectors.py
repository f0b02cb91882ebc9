"""The plain-text reader's line detectors, each on its own: dates, bylines, fields,
site names, ledes, trailer boilerplate and section headings (the whole reader is
tested in test_text.py)."""

from __future__ import annotations

import pytest

from convert.readers import _text_boilerplate as boilerplate
from convert.readers import _text_headings as headings
from convert.readers import _text_rules as rules


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
    assert rules.split_names("Jane Doe, Staff writer") == ("Jane Doe",)  # the job title goes
    assert rules.split_names("Jane Doe, the river") is None
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


@pytest.mark.parametrize("line", ["相关阅读", "【相关新闻】", "相关信息：", "MORE >>", "更多>>", "Related:", "Related Stories",
                                  "Related articles", "推荐阅读", "You may also like"])
def test_is_related_heading(line: str) -> None:
    assert boilerplate.is_related_heading(line)
    assert boilerplate.trailer_kind(line) == "related"


@pytest.mark.parametrize("line, kind", [
    ("Related: Library budget approved", "related"),
    ("上一篇：别的文章", "navigation"), ("【下一篇】县域商业体系建设提速", "navigation"), ("下一篇：县域商业体系建设提速", "navigation"),
    ("上一篇", "navigation"), ("Previous article: Harbour fees rise", "navigation"), ("Next »", "navigation"),
    ("« Previous", "navigation"),
    ("分享到：微信 微博 QQ空间", "share"), ("Share this article", "share"), ("Facebook Twitter Email", "share"),
    ("【打印本页】【关闭窗口】", "print"), ("[打印] [关闭]", "print"), ("【字体：大 中 小】【打印】【关闭】", "print"),
    ("Print this page | Close window", "print"),
    ("Copyright © 2024 Example", "copyright"), ("© 2024 Example Times", "copyright"),
    ("Copyright 2023 某某新闻网 版权所有", "copyright"), ("未经授权禁止转载", "copyright"),
    ("All rights reserved.", "copyright"), ("京ICP备12345678号-1", "copyright"), ("ICP备案号：浙ICP备2020000号", "copyright"),
    ("京公网安备 11010502000000号", "copyright"), ("本网站所有内容版权归某某日报社所有", "copyright"),
    ("扫码加群，和记者聊聊你身边的夜市", "contact"), ("读者微信群：qingxi2023", "contact"),
    ("客服电话：400-123-4567", "contact"), ("联系电话：0571-88886666", "contact"), ("Tel: +44 20 7946 0000", "contact"),
    ("Join our WhatsApp group", "contact"),
])
def test_trailer_kind(line: str, kind: str | None) -> None:
    assert boilerplate.trailer_kind(line) == kind


@pytest.mark.parametrize("line", [
    "Related stories show a pattern in the data.", "The copyright case went to court last week.",
    "Next year the council will review the scheme.", "Previously the harbour was empty in winter.",
    "该县已建立了两百多个微信群，用于收集居民对夜市管理的意见和建议，效果明显。",
    "电话响个不停，摊主们忙着接单。", "分享是一种美德。", "上一篇文章中我们提到了老街改造的缘起。", "Share prices rose by two percent.",
    "分享是一种美德，摊主们常常把卖不完的米糕分享给邻居和路过的环卫工人，这条街因此多了几分温情。",
    "Print media still matters in small towns.", "关闭了三家违规经营的摊位。",
])
def test_trailer_kind_leaves_body_sentences_alone(line: str) -> None:
    assert boilerplate.trailer_kind(line) is None


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
    assert [g.level for g in numbered] == [2, 3]  # no （一） between them: no gap
    outline = headings.settle_levels([
        guess(2, "第一章", "chapter"), guess(2, "一、", "cjk-enum"), guess(3, "（一）", "cjk-enum"),
        guess(2, "1.", "numbered"), guess(2, "第二章", "chapter"), guess(3, "第一节", "chapter"),
        guess(2, "▲", "marker"), guess(2, "■", "marker")])
    assert [g.level for g in outline] == [2, 3, 4, 5, 2, 3, 4, 4]
    alone = headings.settle_levels([guess(3, "（一）", "cjk-enum"), guess(2, "●", "marker"), guess(3, "1.2", "numbered")])
    assert [g.level for g in alone] == [2, 3, 3]
    markdown = headings.settle_levels([guess(1, "a", "markdown"), guess(2, "b", "markdown"), guess(2, "c", "setext")])
    assert [g.level for g in markdown] == [2, 3, 3]
    deep = headings.settle_levels([guess(3, "a", "markdown"), guess(4, "b", "markdown")])
    assert [g.level for g in deep] == [2, 3]


def test_numbered_heading_needs_a_capital_or_cjk_start() -> None:
    assert headings.numbered_heading("2) results") is None
    assert headings.numbered_heading("2) 结果").level == 2
