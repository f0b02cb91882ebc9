"""The plain-text reader's whole-file model: the page-chrome shape detectors
(`_text_chrome`), the unit kinds and the article run (`_text_zones`), the info
lines, credits and bylines around an article (`_text_rules`), and whole scraped
pages read end to end. The single-line detectors that predate these are in
test_text_detectors.py, golden trees in test_text.py."""

from __future__ import annotations

import pytest

from convert.context import Context
from convert.options import Options
from convert.readers import _text_boilerplate as boilerplate
from convert.readers import _text_chrome as chrome
from convert.readers import _text_dates as dates
from convert.readers import _text_rules as rules
from convert.readers import _text_zones as zones
from convert.readers.text import TextReader, paragraphs_are_wrapped, split_lines
from convert.source import Source
from convert.tree import Paragraph, Rule, document_text, plain_text

Kind = zones.Kind


def read(text: str, name: str = "page.txt", **options) -> tuple:
    ctx = Context.for_source(Options(**options), None, name)
    return TextReader().read(Source(name=name, data=text.encode("utf-8"), suffix=".txt"), ctx), ctx


def units_of(text: str) -> tuple[list[zones.Unit], list[str]]:
    """One unit per line, as TextReader builds them for a file with one paragraph per line."""
    lines = split_lines(text)
    texts = [line.text for line in lines]
    return zones.make_units(texts, [line.indent for line in lines], wrapped=False), texts


def body_lines(document) -> list[str]:
    return document_text(document).splitlines()


# Lines that no chrome detector may take: body sentences that mention the words
# chrome is made of, headlines with spaces or a bar, code, an address in a sentence.
BODY_LINES = [
    "The copyright case went to court last week, and the judges were unimpressed.",
    "Share prices rose by two percent on Monday after the harbour deal was announced.",
    "他们把照片分享到朋友圈后，版权问题随之而来，律师说。",
    "清溪县夜市再扩容 三条老街焕新颜",
    "暴雨来袭 多地启动应急响应",
    "特写 | 老街上的最后一位修表匠",
    "Apple Unveils a Thinner Laptop | The Verge",
    "a = b(c)",
    "result = compute(total) / 3",
    "某摄影师发现，被告公司未经许可在其微信公众号上使用了他拍摄的一组风景照片，遂诉至法院，要求赔偿经济损失三万元。",
    "Readers can write to letters@example.com with their views.",
    "如需采访，请发送邮件至 press@example.com 联系新闻办公室。",
    "Follow the money, the auditor told the committee.",
    "分享是一种美德。",
]


# --------------------------------------------------------- separator rows


@pytest.mark.parametrize("line", [
    "首页 | 新闻 | 财经 | 体育",
    "首页 > 产经资讯 > 正文",
    "当前位置：首页 > 国内新闻",
    "清溪新闻网 » 本地 » 民生",
    "Privacy Policy | Terms of Use | Contact Us",
    "Home » World » Asia",
    "About Us • Careers • Advertise",
    "首页&gt;新闻中心",  # an escaped crumb arrow
])
def test_is_separator_row(line: str) -> None:
    assert chrome.is_separator_row(line)


@pytest.mark.parametrize("line", BODY_LINES + [
    "首页 | 新闻",  # two items without a crumb arrow: could be a title and its site
    "Editor's note | This story was updated on Monday, and a quote was corrected.",
    "<a href=\"/\">首页</a> | <a href=\"/news\">新闻</a> | 财经",
])
def test_is_separator_row_rejects(line: str) -> None:
    assert not chrome.is_separator_row(line)


# ------------------------------------------------------------ spaced menus


@pytest.mark.parametrize("line", [
    "首页 新闻 国内 国际 财经 体育",
    "缩小字体 放大字体 收藏 微博 分享 20,536",
    "新闻 体育 娱乐 财经 科技",
    "首页　要闻　社会　文化",  # full-width spaces
])
def test_is_spaced_menu(line: str) -> None:
    assert chrome.is_spaced_menu(line)


@pytest.mark.parametrize("line", BODY_LINES + [
    "首页 新闻 国内",  # three words: too few for a menu
    "华为 发布 新款 手机 Mate 60",  # a Latin word among them
    "清溪县 今年 夜间经济 增长 百分之二十三以上",  # one word too long for a menu item
])
def test_is_spaced_menu_rejects(line: str) -> None:
    assert not chrome.is_spaced_menu(line)


# ------------------------------------------------------------ bullet links


@pytest.mark.parametrize("line", [
    "• 某地推出秋季文旅消费新政",
    "· 清溪县夜市再扩容",
    "► Council approves new ferry timetable",
    "» 邻县古镇推出秋季文旅消费季",
])
def test_is_bullet_link(line: str) -> None:
    assert chrome.is_bullet_link(line)


@pytest.mark.parametrize("line", BODY_LINES + [
    "• 今年以来，经济运行总体平稳。",  # a bulleted sentence is article text
    "• The council will vote on the plan next week.",
    "• " + "清溪县夜市" * 9,  # too wide for a link
])
def test_is_bullet_link_rejects(line: str) -> None:
    assert not chrome.is_bullet_link(line)


# ---------------------------------------------------------------- controls


@pytest.mark.parametrize("line", [
    "Tweet", "Share on Facebook", "Share this article", "Skip to main content", "Advertisement", "Reply",
    "Read more", "Sign in", "登录 注册", "更多>>", "回复", "【打印】", "支持(3)", "反对(0)", "阅读 1234",
    "12 Comments", "3 min read", "字号 大 中 小",
])
def test_is_control(line: str) -> None:
    assert chrome.is_control(line)


@pytest.mark.parametrize("line", BODY_LINES + [
    "Share prices fell", "Follow the money", "The next step is clear.", "评论员文章：稳住经济基本盘",
    "Print media still matters in small towns.", "2023年9月8日",
])
def test_is_control_rejects(line: str) -> None:
    assert not chrome.is_control(line)


# ------------------------------------------------------------- end markers


@pytest.mark.parametrize("line", [
    "网友评论", "【网友评论】", "相关新闻", "Most popular", "Most read", "Trending now", "Comments (12)", "12 Comments",
    "Leave a Reply", "共 36 条评论", "Sign up for our morning newsletter", "上一篇：古镇河道清淤工程全面完工",
    "Next article: Harbour fees rise", "分享到：", "分享到：微信 微博 QQ空间", "【打印本页】【关闭窗口】",
    "Copyright © 2003-2021 清溪新闻网 版权所有", "© 2019 Example Media Group. All rights reserved.", "热门排行",
])
def test_is_end_marker(line: str) -> None:
    assert chrome.is_end_marker(line)


@pytest.mark.parametrize("line", BODY_LINES + [
    "相关阅读：某地推出秋季文旅消费新政",  # one related link inline may stand inside an article
    "Related: Library budget approved",
    "Comments from residents were mostly positive, the survey found.",
    "网友评论说，这条老街的夜市是全县最热闹的地方。",
])
def test_is_end_marker_rejects(line: str) -> None:
    assert not chrome.is_end_marker(line)


def test_a_paragraph_long_notice_is_no_trailer() -> None:
    paragraph = "某摄影师发现，被告公司未经许可在其微信公众号上使用了他拍摄的一组风景照片，遂诉至法院，要求赔偿经济损失三万元。"
    assert len(paragraph) >= 50 and rules.display_width(paragraph) > chrome.CJK_NOTICE_MAX_WIDTH
    assert boilerplate.trailer_kind(paragraph) == "copyright"  # the trailer zone's own detector would take it
    assert chrome.trailer_kind(paragraph) is None  # but anywhere in the file it is a paragraph
    assert not chrome.is_end_marker(paragraph) and not chrome.is_chrome(paragraph)
    assert zones.classify(paragraph) is Kind.PROSE
    assert chrome.trailer_kind("未经许可，不得转载使用。") == "copyright"  # a notice as short as one stays one


# ------------------------------------------------------------- button rows


@pytest.mark.parametrize("line", [
    "【发表评论】【打印】【关闭窗口】", "字体：【大】【中】【小】", "[收藏] [打印] [关闭]", "【推荐】 【打印】",
])
def test_is_button_row(line: str) -> None:
    assert chrome.is_button_row(line)


@pytest.mark.parametrize("line", BODY_LINES + [
    "【打印】",  # one button is a control, not a row
    "【独家】【视频】清溪县老街夜市重新开张",  # tags in front of a headline
    "【清溪县老街夜市重新开张，百家摊位迎来首批游客】",
])
def test_is_button_row_rejects(line: str) -> None:
    assert not chrome.is_button_row(line)


# ----------------------------------------------------------------- credits


@pytest.mark.parametrize("line", [
    "Photo: Jane Roe / Agency", "Photograph by Kenji Ota", "Illustration by Kenji Ota", "Credit: Example Media",
    "图片来源：视觉中国", "摄影：王小明", "图源：清溪日报", "Listen to this article",
])
def test_is_credit(line: str) -> None:
    assert chrome.is_credit(line)


@pytest.mark.parametrize("line", BODY_LINES + [
    "Photographers gathered at the harbour before dawn.",
    "Photo: The lantern parade drew six thousand visitors.",  # a caption that is a sentence
    "摄影师陈明远在老街拍了二十年，他说夜市是小城最动人的地方。",
])
def test_is_credit_rejects(line: str) -> None:
    assert not chrome.is_credit(line)


# ------------------------------------------------------------ empty fields


@pytest.mark.parametrize("line", ["标签:", "标签：", "关键词：", "责任编辑：", "Tags:", "Keywords", "Editor:"])
def test_is_empty_field(line: str) -> None:
    assert chrome.is_empty_field(line)


@pytest.mark.parametrize("line", BODY_LINES + ["标签：夜间经济", "编辑:王芳", "Tags: travel, tourism", "编辑部"])
def test_is_empty_field_rejects(line: str) -> None:
    assert not chrome.is_empty_field(line)


# ---------------------------------------------------------------- contacts


@pytest.mark.parametrize("line", [
    "Email jane@example.com // Twitter @jane", "Follow @erin", "jane.doe@example.co.uk", "微博 @清溪日报",
    "Contact the author: jane@example.com",
])
def test_is_contact(line: str) -> None:
    assert chrome.is_contact(line)


@pytest.mark.parametrize("line", BODY_LINES + [
    "Please contact jane@example.com.",
    "Questions can be sent to the council at info@example.gov, a spokesman said.",
    "欢迎读者来信至 letters@example.com。",
])
def test_is_contact_rejects(line: str) -> None:
    assert not chrome.is_contact(line)


# ------------------------------------------------------ any chrome at all


@pytest.mark.parametrize("line", [
    "首页 | 新闻 | 财经", "首页 新闻 国内 国际", "• 某地推出新政", "Tweet", "网友评论", "【发表评论】【打印】",
    "Photo: Jane Roe", "标签：", "Follow @erin", "京ICP备12345678号-1", "客服电话：400-123-4567", "———",
])
def test_is_chrome(line: str) -> None:
    assert chrome.is_chrome(line)


@pytest.mark.parametrize("line", BODY_LINES)
def test_is_chrome_rejects_body_lines(line: str) -> None:
    assert not chrome.is_chrome(line)


@pytest.mark.parametrize("line, kind", [
    ("Copyright © 2003-2021 清溪新闻网 版权所有", "copyright"), ("京公网安备 11010502000000号", "copyright"),
    ("相关新闻", "related"), ("下一篇：春季农产品展销会开幕", "navigation"), ("分享到：微信 微博", "share"),
    ("【打印本页】【关闭窗口】", "print"), ("读者微信群：qingxi2023", "contact"),
    ("The copyright case went to court last week.", None), ("清溪县夜市再扩容 三条老街焕新颜", None),
])
def test_chrome_trailer_kind(line: str, kind: str | None) -> None:
    assert chrome.trailer_kind(line) == kind


# ---------------------------------------------------------------- unit kinds


@pytest.mark.parametrize("text, kind", [
    ("入秋以来，清溪县老街夜市重新开张，一百多家摊位沿着青石板路一字排开，吸引了大批游客。", Kind.PROSE),
    ("When the last ferry of the summer leaves Port Alder, the town usually goes quiet.", Kind.PROSE),
    ("一、总体情况", Kind.HEADING),
    ("## Background", Kind.HEADING),
    ("* * *", Kind.HEADING),
    ("2023-09-08 14:20 来源：清溪日报 作者：陈明远", Kind.META),
    ("By Jane Doe", Kind.META),
    ("编辑:王芳", Kind.META),
    ("首页 新闻 国内 国际 财经 体育", Kind.CHROME),
    ("Share on Facebook", Kind.CHROME),
    ("【发表评论】【打印】【关闭窗口】", Kind.CHROME),
    ("相关新闻", Kind.END),
    ("Most popular", Kind.END),
    ("Copyright © 2003-2021 清溪新闻网 版权所有", Kind.END),
    ("data = client.lpop('test')", Kind.CODE),
    ("}", Kind.CODE),
    ("清溪县老街夜市重新开张 百家摊位迎来首批游客", Kind.SHORT),
    ("Harbour Towns Bet on Winter Festivals", Kind.SHORT),
    ("import json", Kind.CODE),
    ("Keeping Money in the Town", Kind.SHORT),
    ("他说。", Kind.SHORT),
])
def test_classify(text: str, kind: Kind) -> None:
    assert zones.classify(text) is kind


@pytest.mark.parametrize("text, expected", [
    ("这是一个不算太长但以句号结尾的完整句子。", True),  # 20 characters: wide enough
    ("短句。", False),
    ("The council met on Monday.", False),  # too narrow to count as running text
    ("The council met on Monday to discuss the harbour.", True),
    ("Harbour Towns Bet on Winter Festivals to Fill Empty Hotels Before Easter", False),
    ("后来我离开小城去外地读书，每逢下雨，耳边总会响起她念过的句子：", False),  # a colon leads into what follows
    ("首页 新闻 国内 国际 财经 体育 娱乐 科技 汽车 房产 教育 健康 旅游 时尚 文化 读书 历史 军事 图片 视频 专题 论坛", False),
    ("清溪县今年新建三个夜市，老街改造工程全面完工，游客数量比去年同期增长百分之二十三以上", True),
])
def test_is_prose(text: str, expected: bool) -> None:
    assert zones.is_prose(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("data = client.lpop('test')", True), ("print(json.loads(data))", True), ("}", True), ("});", True),
    ('<script src="/static/app.js"></script>', True), ("a = b(c)", True),
    ("import json", True), ("def parse(line):", True), ("The cost (in euros) was high.", False),
    ("data = 读取(文件)", False), ("Import duties rose sharply this year", False),
    ("from our correspondent in Port Alder", False), ("public meeting", False),
    ("with thanks to the harbour staff (and their dogs)", False),
])
def test_looks_like_code(text: str, expected: bool) -> None:
    assert zones.looks_like_code(text) is expected


def test_score() -> None:
    prose = "入秋以来，清溪县老街夜市重新开张。"
    assert zones.score(zones.Unit(0, 0, prose, Kind.PROSE)) == rules.display_width(prose) == 34
    assert zones.score(zones.Unit(0, 0, "他说。", Kind.SHORT)) == -zones.SENTENCE_COST
    assert zones.score(zones.Unit(0, 0, "老街夜景", Kind.SHORT)) == -20
    assert zones.score(zones.Unit(0, 0, "一、总体情况", Kind.HEADING)) == -10
    assert zones.score(zones.Unit(0, 0, "By Jane Doe", Kind.META)) == -30
    assert zones.score(zones.Unit(0, 0, "Tweet", Kind.CHROME)) == -40
    assert zones.score(zones.Unit(0, 0, "x = f(y)", Kind.CODE)) == 0
    assert zones.score(zones.Unit(0, 0, "相关新闻", Kind.END)) == 0


# ------------------------------------------------------------ the article run


def unit(text: str, kind: Kind) -> zones.Unit:
    return zones.Unit(0, 0, text, kind)


P40 = "甲" * 20  # prose 40 wide
P100 = "乙" * 50


def test_best_run_keeps_short_units_between_paragraphs() -> None:
    units = [unit("Menu", Kind.CHROME), unit(P100, Kind.PROSE), unit("图", Kind.SHORT), unit(P40, Kind.PROSE),
             unit("Tweet", Kind.CHROME)]
    assert zones.best_run(units) == (1, 3)


def test_best_run_never_crosses_an_end_marker() -> None:
    units = [unit(P40, Kind.PROSE), unit("相关新闻", Kind.END), unit(P100, Kind.PROSE), unit(P40, Kind.PROSE)]
    assert zones.best_run(units) == (2, 3)
    units = [unit(P100, Kind.PROSE), unit("网友评论", Kind.END), unit(P40, Kind.PROSE)]
    assert zones.best_run(units) == (0, 0)


def test_best_run_crosses_an_inline_widget_the_article_goes_on_after() -> None:
    """`Most Popular` in the middle of a story: two paragraphs in a row follow its teasers."""
    teasers = [unit("Gear", Kind.SHORT), unit("30 Essential Home Repair Tools", Kind.SHORT)]
    long = "甲" * 80  # prose 160 wide: two in a row are the article going on
    units = [unit(P100, Kind.PROSE), unit(P100, Kind.PROSE), unit("Most Popular", Kind.END), *teasers,
             unit(long, Kind.PROSE), unit(long, Kind.PROSE)]
    assert zones.best_run(units) == (0, 6)
    # teasers alternate a title and a summary: never two paragraphs in a row, so no crossing
    alternating = [unit("Teaser title", Kind.SHORT), unit(P100, Kind.PROSE)] * 3
    units = [unit(long, Kind.PROSE), unit(long, Kind.PROSE), unit("相关新闻", Kind.END), *alternating]
    assert zones.best_run(units) == (0, 1)


def test_best_run_drops_a_weak_paragraph_behind_costly_chrome() -> None:
    units = [unit(P100, Kind.PROSE), unit("a", Kind.CHROME), unit("b", Kind.CHROME), unit(P40, Kind.PROSE)]
    assert zones.best_run(units) == (0, 0)  # 100 - 80 + 40 = 60 < 100


def test_best_run_without_prose() -> None:
    assert zones.best_run([unit("Menu", Kind.CHROME), unit("标题", Kind.SHORT)]) is None
    assert zones.best_run([]) is None


@pytest.mark.parametrize("text, expected", [
    ("清溪县老街夜市重新开张", True), ("【独家】清溪县老街夜市重新开张", True), ("Harbour Towns Bet on Winter", True),
    ("This is a sentence, not a title,", False), ("一、总体情况", False), ("2023-09-08", False),
    ("Port Alder, Norway —", False), ("（图）老街夜景", False), ("——清溪县老街夜市走访记", False),
    ("ProfileFollowUnfollow", False), ("标题", True), ("题", False), ("x" * 170, False),
])
def test_title_shaped(text: str, expected: bool) -> None:
    assert zones.title_shaped(zones.Unit(0, 0, text, zones.classify(text))) is expected


def test_find_headline_prefers_the_line_over_the_date() -> None:
    units, _ = units_of("清溪新闻网\n本地新闻\n清溪县老街夜市重新开张\n2023-09-08 14:20 来源：清溪日报\n分享到：\n"
                        "入秋以来，清溪县老街夜市重新开张，一百多家摊位沿着青石板路一字排开。\n")
    assert zones.find_headline(units, 5) == 2


def test_find_subtitle_under_the_headline() -> None:
    units, texts = units_of("清溪县老街夜市重新开张\n——百家摊位迎来首批游客\n"
                            "入秋以来，清溪县老街夜市重新开张，一百多家摊位沿着青石板路一字排开。\n")
    assert zones.find_subtitle(units, 0, 2) == 1
    assert zones.find_article(units, texts) == zones.Article(0, 1, 2, 2, 2)
    units, _ = units_of("清溪县老街夜市重新开张\n百家摊位迎来首批游客\n"
                        "入秋以来，清溪县老街夜市重新开张，一百多家摊位沿着青石板路一字排开。\n")
    assert zones.find_subtitle(units, 0, 2) is None  # no date line under it, no dash: article text
    assert zones.find_subtitle(units, None, 2) is None


# --------------------------------------------------------------- info lines


@pytest.mark.parametrize("line, date, authors, source", [
    ("http://www.example.net 2005年03月21日 11:21 《理财周刊》", "2005-03-21T11:21", [], "理财周刊"),
    ("Dan Goodin - Apr 16, 2015 8:02 pm UTC", "2015-04-16T20:02", ["Dan Goodin"], ""),
    ("2021-07-28 10:05 来源：人民网 作者：张三", "2021-07-28T10:05", ["张三"], "人民网"),
    ("June 2, 2023 | 11:14 AM", "2023-06-02T11:14", [], ""),
    ("Published March 3, 2019 Updated March 4, 2019", "2019-03-03", [], ""),
    ("By Jane Doe, Reuters - June 2, 2023", "2023-06-02", ["Jane Doe"], ""),
    ("Posted on 12 June 2024 by Jane Doe", "2024-06-12", ["Jane Doe"], ""),
    ("发布时间：2022-10-05 08:00 浏览次数：356", "2022-10-05T08:00", [], ""),
])
def test_parse_info_line(line: str, date: str, authors: list, source: str) -> None:
    facts = rules.parse_info_line(line)
    assert facts is not None
    assert (facts.date, facts.authors, facts.source) == (date, authors, source)


def test_parse_info_line_leaves_a_view_counter_out_of_the_source() -> None:
    facts = rules.parse_info_line("2021-07-28 来源：人民网 阅读：1024")
    assert (facts.date, facts.source) == ("2021-07-28", "人民网")


def test_byline_and_in_capitals() -> None:
    assert rules.parse_byline("By JANE DOE AND JOHN ROE") == ("Jane Doe", "John Roe")


def test_parse_info_line_reads_the_editor_too() -> None:
    facts = rules.parse_info_line("2023年9月8日 14:20 星期五 来源：清溪日报 编辑：王芳")
    assert (facts.date, facts.source, facts.editor) == ("2023-09-08T14:20", "清溪日报", "王芳")


@pytest.mark.parametrize("line", [
    "2019年12月9日 据新华社报道，法国总理宣布了改革方案。",
    "清溪县老街夜市重新开张",
    "Published by Example Media",
    "June 2023 | 11:14 AM",  # no day: not a full date
    "The meeting on June 12, 2024 was delayed, officials said, and then cancelled.",  # a sentence
    "2023-09-08 " + "来源：清溪日报 " * 12,  # too wide for an info line
])
def test_parse_info_line_rejects(line: str) -> None:
    assert rules.parse_info_line(line) is None


@pytest.mark.parametrize("text, found", [
    ("会议于2023年9月8日召开", ("2023-09-08", 3, 12)),
    ("June 12, 2024 and 2023-01-01", ("2024-06-12", 0, 13)),
    ("Updated 3 March 2019 at 14:05", ("2019-03-03T14:05", 8, 29)),
    ("2023-02-30 then 2023-03-01", ("2023-03-01", 16, 26)),
    ("no date here, only 13:00", None),
])
def test_find_date(text: str, found) -> None:
    assert rules.find_date(text) == found


# ------------------------------------------------------------------ credits


@pytest.mark.parametrize("paragraph, names", [
    ("新京报讯（记者 陆一夫）11月25日，记者从北京市交通委获悉，本市将新开通三条公交线路。", ("陆一夫",)),
    ("新华社巴黎12月9日电（记者唐霁）法国9日举行全国性罢工，多地公共交通受到影响。", ("唐霁",)),
    ("本站讯（职工通讯员 李琴雯 刘会）为深入贯彻落实会议精神，学院组织开展了专题学习活动。", ("李琴雯", "刘会")),
    ("本报讯（记者 陈静 通讯员 刘洋）昨天上午，清溪县老街夜市重新开张。", ("陈静", "刘洋")),
    ("清溪县老街夜市今年重新开张，吸引了大批游客。", ()),
    ("（图）清溪县老街夜市今年重新开张。", ()),
    ("清溪县今年新建了三个夜市（记者 张华 注：数据来自县商务局），吸引了大批游客。", ()),
])
def test_lead_credit(paragraph: str, names: tuple) -> None:
    assert rules.lead_credit(paragraph) == names


@pytest.mark.parametrize("paragraph, names", [
    ("据介绍，该系列活动今年下半年南美站活动将先后在巴西举行。（张巨峰）", ("张巨峰",)),
    ("双方签署了合作协议。（记者 李强 王明）", ("李强", "王明")),
    ("双方签署了合作协议。(本报记者 李强)", ("李强",)),
    ("他说：“我们会继续努力。”（张巨峰）", ("张巨峰",)),
    ("各地正在加紧推进相关工作。（完）", ()),
    ("双方签署了合作协议。（新华社）", ()),
    ("双方签署了合作协议。（央视新闻）", ()),
    ("清溪县老街夜市（张巨峰）", ()),  # no sentence before it: not a closing credit
    ("The agreement was signed on Monday. (Reuters)", ()),
])
def test_closing_credit(paragraph: str, names: tuple) -> None:
    assert rules.closing_credit(paragraph) == names


# ------------------------------------------------------------------ bylines


@pytest.mark.parametrize("segment, names", [
    ("By Jane Doe and John Roe, Reuters", ("Jane Doe", "John Roe")),
    ("By Erin Cunningham March 18 at 3:57 PM Follow @erin", ("Erin Cunningham",)),
    ("By Jane Doe in London", ("Jane Doe",)),
    ("By Jane Doe, Staff Writer", ("Jane Doe",)),
    ("Story by Jane Doe", ("Jane Doe",)),
    ("By MARCUS OYELARAN", ("Marcus Oyelaran",)),
    ("新京报记者 陆一夫", ("陆一夫",)),
    ("澎湃新闻记者 段彦超 廖艳", ("段彦超", "廖艳")),
    ("文/观察者网专栏作者 王文", ("王文",)),
    ("石佳/中国青年报", ("石佳",)),
    ("本报特约记者 陈智 整合", ("陈智",)),
])
def test_parse_byline_shapes(segment: str, names: tuple) -> None:
    assert rules.parse_byline(segment) == names


@pytest.mark.parametrize("segment", [
    "By the Associated Press", "by the river we walked", "记者离开时已近深夜十一点", "石佳/中国青年报社会版记者部", "By",
])
def test_parse_byline_shapes_rejected(segment: str) -> None:
    assert rules.parse_byline(segment) is None


@pytest.mark.parametrize("line, authors", [
    ("采写：南都记者 余毅菁 向雪妮", ["余毅菁", "向雪妮"]),
    ("新京报记者 陆一夫", ["陆一夫"]),
    ("By Jane Doe and John Roe, Reuters", ["Jane Doe", "John Roe"]),
    ("作者：李强、王明", ["李强", "王明"]),
])
def test_bylines_through_parse_meta_line(line: str, authors: list) -> None:
    facts = rules.parse_meta_line(line)
    assert facts is not None and facts.authors == authors and not facts.date


@pytest.mark.parametrize("line, expected", [
    ("Patrick Allan", True), ("By JANE DOE", True), ("Jane Doe and John Roe", True), ("By Erin Cunningham", True),
    ("Follow Followed", False), ("Share Print", False), ("Read More", False), ("Home Page", False), ("Jane", False),
    ("李强", False), ("清溪县老街夜市重新开张", False), ("Harbour Towns Bet on Winter Festivals to Fill Hotels", False),
])
def test_is_name_line(line: str, expected: bool) -> None:
    assert rules.is_name_line(line) is expected


@pytest.mark.parametrize("value, names", [
    ("李强 王明", ("李强", "王明")), ("张三、李四", ("张三", "李四")), ("阿卜杜·热合曼", ("阿卜杜·热合曼",)),
    ("Jane Doe and John Roe", ("Jane Doe", "John Roe")), ("Jane Doe; John Roe & Ann Lee", ("Jane Doe", "John Roe", "Ann Lee")),
    ("Joan Biskupic, CNN Senior Supreme Court Analyst", ("Joan Biskupic",)), ("陈智 整合", ("陈智",)),
    ("新华社", None), ("Jane Doe, the river", None), ("", None), ("李强 清溪县商务局", None),
    ("甲乙 丙丁 戊己 庚辛 壬癸 子丑 寅卯", None),  # seven names: a list of something else
])
def test_split_names(value: str, names) -> None:
    assert rules.split_names(value) == names


@pytest.mark.parametrize("value, tags", [
    ("经济，科技、AI; markets", ("经济", "科技", "AI", "markets")),
    ("电影 文物保护 非遗", ("电影", "文物保护", "非遗")),
    ("climate change, energy", ("climate change", "energy")),
    ("夜间经济", ("夜间经济",)),
    ("travel", ("travel",)),
])
def test_split_tags(value: str, tags: tuple) -> None:
    assert rules.split_tags(value) == tags


# -------------------------------------------------------------- whole pages

ZH_PARAGRAPHS = [
    "入秋以来，清溪县老街夜市重新开张，一百多家摊位沿着青石板路一字排开，吸引了大批附近居民和外地游客前来品尝小吃。",
    "夜市管理办公室主任周立华介绍，今年夜市统一更换了摊位招牌和照明设施，并在街口增设了两处公共停车场，方便游客停车。",
    "摊主林阿姨在老街卖了二十多年米糕，她说，今年的客流比往年明显增多，周末一晚能卖出三百多份，收入比去年翻了一番。",
    "县商务局表示，下一步将继续完善夜市配套设施，推动夜间经济与文化旅游融合发展，让老街的烟火气更加旺盛。",
]
ZH_TRAILER = [
    "【发表评论】【打印】【关闭窗口】",
    "编辑:王芳",
    "相关新闻",
    "邻县古镇推出秋季文旅消费季",
    "古镇景区推出十余项文旅活动，游客可凭门票在指定商户享受折扣，活动将持续到十月底。",
    "2023-09-07",
    "清溪县启动老旧小区改造工程",
    "今年全县计划改造老旧小区二十个，涉及居民三千余户，工程预计年底前全部完工。",
    "2023-09-05",
    "网友评论",
    "夜市的米糕真不错，周末带孩子去逛了一圈，人很多。",
    "关于我们 | 联系方式 | 广告服务 | 网站地图",
    "Copyright © 2003-2021 清溪新闻网 版权所有",
]
ZH_MENUS = ["清溪新闻网 > 本地新闻 > 正文", "首页 新闻 国内 国际 财经 体育", "登录 注册"]
ZH_HEADLINE = "清溪县老街夜市重新开张 百家摊位迎来首批游客"
ZH_PAGE = "\n".join(ZH_MENUS + [ZH_HEADLINE, "2023-09-08 14:20 来源：清溪日报 作者：陈明远", "分享到："]
                    + ZH_PARAGRAPHS + ZH_TRAILER) + "\n"


def test_chinese_page_model() -> None:
    units, texts = units_of(ZH_PAGE)
    assert [u.kind for u in units[:7]] == [Kind.CHROME, Kind.CHROME, Kind.CHROME, Kind.SHORT, Kind.META, Kind.END,
                                           Kind.PROSE]
    assert zones.find_article(units, texts) == zones.Article(headline=3, subtitle=None, body_first=6, core_first=6,
                                                             body_last=9)


def test_chinese_page_keeps_only_the_article() -> None:
    document, ctx = read(ZH_PAGE)
    meta = document.meta
    assert meta.title == ZH_HEADLINE
    assert (meta.date, meta.source, meta.authors, meta.editor) == ("2023-09-08T14:20", "清溪日报", ("陈明远",), "王芳")
    assert meta.subtitle == ""
    assert body_lines(document) == ZH_PARAGRAPHS
    assert all(isinstance(block, Paragraph) for block in document.blocks)
    assert [d.code for d in ctx.diagnostics] == ["boilerplate-dropped"]
    assert "dropped 4 line(s) above" in ctx.diagnostics[0].message


EN_PARAGRAPHS = [
    "When the last ferry of the summer leaves Port Alder, the town of four thousand people usually goes quiet until "
    "Easter. This year the council decided to try something different.",
    "A lantern parade in late November drew more than six thousand visitors, according to figures from the tourism "
    "office, and most of the hotels on the seafront were fully booked for the weekend.",
    "Advertisement",
    "\"We had people queueing for fish soup at ten at night,\" said Maria Okafor, who runs a small restaurant near the "
    "harbour and has seen winters come and go for twenty years.",
    "Other towns along the coast are now planning events of their own, and the regional board has promised a small "
    "fund to help them cover the cost of lighting and security.",
]
EN_HEADLINE = "Harbour Towns Bet on Winter Festivals to Fill Empty Hotels"
EN_DEK = ("Small coastal towns are turning to lantern parades and food fairs to keep visitors coming after the summer "
          "crowds leave.")
EN_PAGE = "\n".join(
    ["Skip to main content", "News", "World", "Business", "Opinion", EN_HEADLINE, EN_DEK, "By Jane Doe",
     "Published March 3, 2019", "Share on Facebook", "Tweet"] + EN_PARAGRAPHS
    + ["Most popular", "1. Council approves new ferry timetable", "2. Storm closes coastal road for two days",
       "3. Bakery wins regional bread prize", "© 2019 Example Media Group. All rights reserved."]) + "\n"


def test_english_page_model() -> None:
    units, texts = units_of(EN_PAGE)
    assert units[13].text == "Advertisement" and units[13].kind is Kind.CHROME
    assert zones.find_article(units, texts) == zones.Article(headline=5, subtitle=6, body_first=11, core_first=11,
                                                             body_last=15)


def test_english_page_keeps_chrome_inside_the_run() -> None:
    document, ctx = read(EN_PAGE)
    meta = document.meta
    assert (meta.title, meta.subtitle) == (EN_HEADLINE, EN_DEK)
    assert (meta.authors, meta.date, meta.language) == (("Jane Doe",), "2019-03-03", "en")
    lines = body_lines(document)
    assert lines[0] == EN_PARAGRAPHS[0] and lines[-1] == EN_PARAGRAPHS[-1]
    assert lines == EN_PARAGRAPHS  # the `Advertisement` line inside the run stays: nothing inside it is dropped
    text = document_text(document)
    for gone in ("Skip to main content", "Share on Facebook", "Tweet", "Most popular", "ferry timetable", "©"):
        assert gone not in text
    assert [d.code for d in ctx.diagnostics] == ["boilerplate-dropped"]
    assert ctx.diagnostics[0].message == "dropped 7 line(s) above and 5 below the article (copyright)"


CODE_INTRO = [
    "很多小团队并不需要一整套消息中间件，用 Redis 的列表结构就能搭出一个够用的任务队列，生产者往列表左端推入任务，消费者从另一端取出。",
    "下面是消费者一端的最小示例，连接本机的 Redis，从名为 test 的列表里取出一条任务并打印出来：",
]
CODE_LISTING = [
    "import json",
    "import redis",
    "client = redis.Redis(host='localhost', port=6379)",
    "data = client.lpop('test')",
    "print(json.loads(data))",
]
CODE_AFTER = "如果列表为空，lpop 会返回 None，实际使用时应当先判断返回值，或者改用阻塞版本的 blpop，让消费者在没有任务时安静地等待。"
CODE_PAGE = "\n".join(
    ["首页 | 技术 | 数据库 | 运维", "用 Redis 列表实现一个简单的任务队列", "2022-05-16 09:30 来源：清溪技术社区 作者：林子航"]
    + CODE_INTRO + CODE_LISTING + [CODE_AFTER, "相关文章", "Redis 持久化配置详解", "Copyright © 2015-2022 清溪技术社区"]) + "\n"


def test_a_program_listing_inside_the_article_is_kept() -> None:
    document, ctx = read(CODE_PAGE)
    meta = document.meta
    assert (meta.title, meta.date, meta.authors, meta.source) == (
        "用 Redis 列表实现一个简单的任务队列", "2022-05-16T09:30", ("林子航",), "清溪技术社区")
    assert body_lines(document) == CODE_INTRO + CODE_LISTING + [CODE_AFTER]
    assert "持久化" not in document_text(document)
    assert [d.code for d in ctx.diagnostics] == ["boilerplate-dropped"]


POEM_PROSE = [
    "入秋以后，老街的雨总是下得很慢，屋檐下的灯笼被风吹得轻轻摇晃，我常常在这样的夜晚翻出旧诗集来读。",
    "外婆在世的时候，喜欢坐在门槛上给我们念诗，她不识几个字，却能把整首整首的诗背下来，声音又轻又软。",
    "后来我离开小城去外地读书，每逢下雨，耳边总会响起她念过的句子，于是试着写下了这几行：",
]
POEM_LINES = ["雨落在青石板上", "落在外婆的旧伞上", "也落在我回不去的", "那条老街上"]


def test_a_poem_at_the_end_of_the_file_is_kept() -> None:
    page = "\n".join(["首页 新闻 文化 副刊 读书", "秋夜读诗：在老街听雨", "2023-10-12 08:00 来源：清溪日报 作者：许若兰"]
                     + POEM_PROSE + POEM_LINES) + "\n"
    document, _ = read(page)
    assert (document.meta.title, document.meta.authors) == ("秋夜读诗：在老街听雨", ("许若兰",))
    assert body_lines(document) == POEM_PROSE + POEM_LINES


def test_a_poem_before_the_copyright_line_is_kept() -> None:
    page = "\n".join(["秋夜读诗：在老街听雨", "2023-10-12 08:00 来源：清溪日报"] + POEM_PROSE + POEM_LINES
                     + ["Copyright © 2003-2023 清溪日报 版权所有"]) + "\n"
    document, _ = read(page)
    assert body_lines(document) == POEM_PROSE + POEM_LINES


def test_teaser_titles_after_the_body_are_not_a_short_ending() -> None:
    units, texts = units_of("\n".join(ZH_PARAGRAPHS + [
        "邻县古镇推出秋季文旅消费季", "古镇景区推出十余项文旅活动，游客可凭门票在指定商户享受折扣，活动将持续到十月底。"]))
    found = zones.find_article(units, texts)
    assert (found.body_first, found.body_last) == (0, 5)  # the teaser's summary is prose: the run takes both
    units, texts = units_of("\n".join(ZH_PARAGRAPHS + ["相关新闻", "邻县古镇推出秋季文旅消费季", "2023-09-07"]))
    found = zones.find_article(units, texts)
    assert found.body_last == 3


def test_content_all_keeps_the_menus() -> None:
    document, ctx = read(ZH_PAGE, content="all")
    lines = body_lines(document)
    assert lines[:3] == ZH_MENUS
    assert ZH_HEADLINE not in lines  # the headline is the title
    assert document.meta.title == ZH_HEADLINE
    assert lines[-1] == "Copyright © 2003-2021 清溪新闻网 版权所有"
    assert "网友评论" in lines and "分享到：" in lines
    assert not ctx.diagnostics


def test_keep_boilerplate_appends_the_trailer_after_a_rule() -> None:
    document, ctx = read(ZH_PAGE, keep_boilerplate=True)
    assert not ctx.diagnostics
    rule = max(i for i, block in enumerate(document.blocks) if isinstance(block, Rule))
    assert [plain_text(block.children) for block in document.blocks[:rule]] == ZH_PARAGRAPHS
    kept = [plain_text(block.children) for block in document.blocks[rule + 1:]]
    assert kept[0] == "【发表评论】【打印】【关闭窗口】" and kept[-1] == "Copyright © 2003-2021 清溪新闻网 版权所有"
    assert "相关新闻" in kept and "网友评论" in kept and "关于我们 | 联系方式 | 广告服务 | 网站地图" in kept
    assert "编辑:王芳" not in kept  # read into the metadata instead
    assert document.meta.editor == "王芳"
    dropped, _ = read(ZH_PAGE)
    assert document.blocks[:rule] == dropped.blocks and document.meta == dropped.meta


# ------------------------------------------------- rules added with the benchmark


@pytest.mark.parametrize("parts, date", [
    (["2019", "09/07", "19:02"], "2019-09-07T19:02"),
    (["2021年", "3月5日"], "2021-03-05"),
    (["2019", "扬眼"], None),
    (["09/07", "2019"], None),
])
def test_split_date(parts: list, date) -> None:
    assert dates.split_date(parts) == date


@pytest.mark.parametrize("paragraph, names", [
    ("共建清朗网络空间，让金融更好地服务人民。(文/图 刘玺东 易赛楠)", ("刘玺东", "易赛楠")),
    ("实现轻松换新iPhone。(李楠)", ("李楠",)),
])
def test_closing_credit_forms(paragraph: str, names: tuple) -> None:
    assert rules.closing_credit(paragraph) == names


@pytest.mark.parametrize("line, authors", [
    ("发表于2014-08-24 21:30| 1164次阅读| 来源CSDN| 0 条评论| 作者魏星", ["魏星"]),
])
def test_an_unspaced_author_field_on_an_info_line(line: str, authors: list) -> None:
    assert rules.parse_info_line(line).authors == authors


def test_an_unspaced_author_field_takes_only_a_short_name() -> None:
    assert rules.parse_meta_line("作者最近文章") is None  # `最近文章` ("recent articles") is no name


def test_editing_by_is_the_editor_and_the_outlet_the_source() -> None:
    facts = rules.parse_meta_line("Reporting by Jane Doe and Tomas Ferreira; Editing by Mark Ellison")
    assert (facts.authors, facts.editor) == (["Jane Doe", "Tomas Ferreira"], "Mark Ellison")
    facts = rules.parse_meta_line("By Jane Doe and Tomas Ferreira, Reuters")
    assert (facts.authors, facts.source) == (["Jane Doe", "Tomas Ferreira"], "Reuters")


def test_photo_credits_are_not_bylines() -> None:
    assert rules.parse_meta_line("Photo by Joan Bardeletti") is None
    assert chrome.is_credit("Photo by Joan Bardeletti")


def test_a_date_line_opening_the_body_without_a_headline_over_it() -> None:
    text = ("The sun rises over an oil field, photographed from the road near the county line early on a cold "
            "Monday morning in March, as the first crews arrive for the day.\n"
            "By Alejandro Ruiz\nNovember 2, 2023 3:53 PM EDT\n" + "\n".join(EN_PARAGRAPHS) + "\n")
    document, _ = read(text)
    assert (document.meta.date, document.meta.authors) == ("2023-11-02T15:53", ("Alejandro Ruiz",))
    assert "November 2, 2023" not in document_text(document)


def test_a_topics_column_in_the_trailer_is_the_tags() -> None:
    text = ("Harbour reopens after storm\nBy Jane Doe\nJune 2, 2023\n" + "\n".join(EN_PARAGRAPHS)
            + "\nTopics\nShipping\nWeather\nShare on Facebook\n© 2023 Example Media. All rights reserved.\n")
    document, _ = read(text)
    assert document.meta.tags == ("Shipping", "Weather")


@pytest.mark.parametrize("line, iso", [
    ("12/23/16 11:14 AM", "2016-12-23T11:14"),
    ("11/28/2016 04:23 pm ET", "2016-11-28T16:23"),
    ("23/12/2016", "2016-12-23"),
])
def test_month_first_dates(line: str, iso: str) -> None:
    assert rules.parse_date_line(line) == iso


def test_an_embedded_post_signature_is_its_own_kind() -> None:
    assert zones.classify("— Tom Namako (@TomNamako) December 13, 2016") is Kind.EMBED


@pytest.mark.parametrize("segment, names", [
    ("By Nicole Gallucci2016-12-13 22:33:06 UTC", ("Nicole Gallucci",)),
    ("by April Glaser@aprilaser Dec 15, 2016, 1:55pm EST", ("April Glaser",)),
    ("By Daniel Bader Friday, Jan 13, 2017 at 4:45 pm EST", ("Daniel Bader",)),
    ("Updated by Aja Romano@ajaromano Dec 10, 2016", ("Aja Romano",)),
])
def test_byline_names_end_where_glued_spans_begin(segment: str, names: tuple) -> None:
    assert rules.parse_byline(segment) == names


def test_a_line_of_only_fields_holds_nothing_but_the_byline() -> None:
    """The strict reading refuses what follows the names, so the date on the line is read too."""
    line = "by Duncan Bell / January 19, 2017 / Leave a comment"
    assert rules.parse_meta_line(line) is None
    facts = rules.parse_info_line(line)
    assert (facts.date, facts.authors) == ("2017-01-19", ["Duncan Bell"])


def test_a_by_line_with_a_place_after_it() -> None:
    facts = rules.parse_info_line("By Howard Schneider and Lindsay Dunsmuir | WASHINGTON")
    assert facts.authors == ["Howard Schneider", "Lindsay Dunsmuir"]


def test_teaser_bylines_in_the_trailer_are_not_the_authors() -> None:
    text = ("Harbour reopens after storm\nBy Jane Doe\nJune 2, 2023\n" + "\n".join(EN_PARAGRAPHS)
            + "\nMore from Example News\nFerry fares to rise\nBy John Roe\nA new bridge opens\nBy Mary Major\n")
    document, _ = read(text)
    assert document.meta.authors == ("Jane Doe",)


@pytest.mark.parametrize("line, credit", [
    ("© Noelia Páez/Instagram", True), ("© Reuters", True),
    ("© 2019 Example Media Group. All rights reserved.", False), ("© Example Media. All rights reserved", False),
])
def test_a_picture_copyright_is_a_credit_not_the_page_copyright(line: str, credit: bool) -> None:
    assert chrome.is_credit(line) is credit
    assert chrome.closes_article(line) is not credit


@pytest.mark.parametrize("text", ["http://news.example.com/energy/2016/12/office-temperature",
                                  "Max Blumenthal", "National Desk By National Desk The Plain Dealer"])
def test_addresses_names_and_bylines_are_not_headlines(text: str) -> None:
    assert not zones.title_shaped(zones.Unit(0, 0, text, Kind.SHORT))


@pytest.mark.parametrize("text, interface", [
    ("Back to Main Menu", True), ("Welcome to Sott.net", True), ("Email the author | Follow on Twitter", True),
    ("Harbour Towns Bet on Winter Festivals to Fill Empty Hotels", False), ("清溪县老街夜市重新开张", False),
])
def test_interface_text(text: str, interface: bool) -> None:
    assert rules.is_interface_text(text) is interface


@pytest.mark.parametrize("line, name", [
    ("Patrick Allan", True), ("The Two-Way", False), ("My Teams", False), ("Editor's Picks", False),
    ("RELATED ARTICLES", False), ("See More...", False), ("Medical Daily", False),
])
def test_a_bare_name_line_is_a_person_shape(line: str, name: bool) -> None:
    assert rules.is_name_line(line) is name


def test_a_publication_name_is_not_a_headline() -> None:
    assert not zones.title_shaped(zones.Unit(0, 0, "The Plain Dealer", Kind.SHORT))


@pytest.mark.parametrize("text, shaped", [
    ("election 2016", False), ("— Mike Pompeo, College Station, TX, April 15, 2019", False),
    ("iPhone 11发布：64GB售5499元", True), ("Harbour Towns Bet on Winter Festivals", True),
])
def test_lower_case_openings_and_attributions(text: str, shaped: bool) -> None:
    assert zones.title_shaped(zones.Unit(0, 0, text, Kind.SHORT)) is shaped


def test_an_author_box_names_the_author_when_nothing_else_does() -> None:
    text = ("Harbour reopens after storm\nMark Di Stefano\nShare on Facebook\n" + "\n".join(EN_PARAGRAPHS)
            + "\nMark di Stefano is a breaking news reporter for Example News and is based in Sydney.\n"
            + "© 2023 Example Media. All rights reserved.\n")
    document, _ = read(text)
    assert document.meta.authors == ("Mark Di Stefano",)


def test_a_headline_cut_short_with_an_ellipsis_is_still_one() -> None:
    assert zones.title_shaped(zones.Unit(0, 0, "定了！广州南沙邮轮母港即将开通！地铁直达+无敌免...", Kind.PROSE))


def test_a_chinese_headline_over_its_subheadline() -> None:
    text = ("首页\n> 要闻\n山西品牌丝路行南美站正式启动\n成功举办中国山西至巴西双向经贸投资推介会\n"
            "时间：2019-09-18 06:23 来源： 山西日报\n" + "\n".join(ZH_PARAGRAPHS) + "\n")
    document, _ = read(text)
    assert (document.meta.title, document.meta.subtitle) == ("山西品牌丝路行南美站正式启动", "成功举办中国山西至巴西双向经贸投资推介会")
    assert document.meta.date == "2019-09-18T06:23"


def test_paragraphs_under_the_header_open_the_article_however_long_the_player_after_them() -> None:
    player = "\n".join(["Closed Captioning", "ON OFF", "Text Display", "Background", "font", "Arial", "size"] * 4)
    text = ("Harbour reopens after storm\nDecember 22, 2016\nJane Doe\nshare\n" + EN_PARAGRAPHS[0] + "\n"
            + EN_PARAGRAPHS[1] + "\n" + player + "\nMore video\n" + "\n".join(EN_PARAGRAPHS[3:] * 2) + "\n")
    document, _ = read(text)
    lines = document_text(document).splitlines()
    assert lines[0] == EN_PARAGRAPHS[0] and lines[-1] == EN_PARAGRAPHS[-1]


def test_a_page_dumped_by_lynx() -> None:
    """`lynx -dump`: headings at the margin, paragraphs indented and hard-wrapped, menus as
    indented `*` items, and the headline printed twice."""
    menu = "\n".join(f"     * {word}" for word in ("News", "World", "Business", "Tech", "Sport"))
    def wrapped(paragraph: str) -> str:
        words, lines, line = paragraph.split(), [], ""
        for word in words:
            if len(line) + len(word) > 66:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        return "\n".join("   " + text for text in lines + [line])
    text = (menu + "\n\nHarbour Towns Bet on Winter Festivals\n\n   Harbour Towns Bet on Winter Festivals\n\n"
            + "   By Jane Doe - June 12, 2024\n\n" + "\n\n".join(wrapped(p) for p in EN_PARAGRAPHS if len(p) > 40)
            + "\n\n   Related\n" + menu + "\n")
    # the paragraphs' margin is the indent holding the most text, not the headings' smaller one
    assert paragraphs_are_wrapped(split_lines(text))
    document, _ = read(text)
    lines = document_text(document).splitlines()
    assert (document.meta.title, document.meta.authors, document.meta.date) == (
        "Harbour Towns Bet on Winter Festivals", ("Jane Doe",), "2024-06-12")
    assert lines == [p for p in EN_PARAGRAPHS if len(p) > 40]


@pytest.mark.parametrize("text", ["Email the author | Follow on Twitter", "Home | World | Sport", "首页 ｜ 新闻"])
def test_a_row_of_links_between_bars_is_not_a_headline(text: str) -> None:
    assert not zones.title_shaped(zones.Unit(0, 0, text, zones.classify(text)))


def test_a_headline_may_hold_a_bar_when_one_side_is_a_phrase() -> None:
    text = "Opinion | Why the harbour ferries of Port Alder still run at a loss"
    assert zones.title_shaped(zones.Unit(0, 0, text, zones.classify(text)))


PARAGRAPH = ("The harbour ferries of Port Alder carried more passengers this summer than in any year "
             "since the bridge opened, the council said on Tuesday, and it plans two more boats.")


def test_a_headline_printed_twice_at_the_top_of_the_run_is_found_there() -> None:
    headline = "Why the harbour ferries of Port Alder still run at a loss, despite the crowds"
    document, _ = read(f"Account Settings Log Out\nUp next:\n{headline}\n{headline}\n"
                       f"The council wants two more boats\nby Jane Doe\n{PARAGRAPH}\n{PARAGRAPH}\n")
    assert document.meta.title == headline
    assert document.meta.subtitle == "The council wants two more boats"
    assert document.meta.authors == ("Jane Doe",)
    assert headline not in document_text(document)


def test_a_long_headline_is_taken_when_the_page_prints_it_twice() -> None:
    headline = ("Port Alder's Ferries Carried More Passengers Than Ever This Summer? The Council's "
                "Answer Is 'We Need Two More Boats, And Soon'")
    assert rules.display_width(headline) > rules.TITLE_MAX_WIDTH
    once, _ = read("\n\n".join(["Menu", headline, "December 12, 2016", PARAGRAPH, PARAGRAPH]))
    twice, _ = read("\n\n".join(["Menu", headline, "Featured", "3", "0", "0", "December 12, 2016", headline,
                                   PARAGRAPH, PARAGRAPH]))
    assert once.meta.title != headline
    assert twice.meta.title == headline


def test_a_crumb_over_a_headline_is_not_taken_for_it_by_a_bare_name_below() -> None:
    units, texts = units_of("News Nation & World National politics\n"
                            "Energy Department rejects the request to name its climate change workers, who remain worried\n"
                            "Donald Trump\n" + PARAGRAPH + "\n" + PARAGRAPH + "\n")
    assert zones.find_article(units, texts).headline == 1
