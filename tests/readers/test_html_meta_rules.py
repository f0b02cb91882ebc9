"""The HTML reader's metadata rules, one small hand-written page per rule: how bylines become
author names, where bylines and dates are found on the page, and when a title's suffix goes."""

from __future__ import annotations

from convert.context import Context
from convert.options import Options
from convert.readers.html.meta.byline import drop_outlet_credit, split_byline
from convert.readers.html.meta.dates import normalize_date
from convert.readers.html.meta.title import clean_title, host_name
from convert.readers.html import HtmlReader
from convert.source import Source
from convert.tree import Metadata

BODY = ("<p>The council voted on Tuesday to keep the night buses running through the winter, "
        "after a petition from shift workers gathered more than four thousand names.</p>"
        "<p>The extra cost will come from the parking fund, the treasurer said, and the "
        "timetable stays as it is until the spring review.</p>")


def meta_of(body: str, head: str = "") -> Metadata:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    ctx = Context.for_source(Options(), None, "page.html")
    return HtmlReader().read(Source("page.html", html.encode("utf-8"), suffix=".html"), ctx).meta


def article(byline: str = "", headline: str = "Night buses stay") -> str:
    return f"<article><h1>{headline}</h1>{byline}{BODY}</article>"


# ------------------------------------------------------------ bylines into names


def test_a_byline_splits_on_commas_and_and_ampersand_and_cjk_marks():
    assert split_byline("By Ann Lee, Bo Chan, and Cy Dunn") == ["Ann Lee", "Bo Chan", "Cy Dunn"]
    assert split_byline("Ann Lee & Bo Chan") == ["Ann Lee", "Bo Chan"]
    assert split_byline("Author: Ann Lee and Bo Chan") == ["Ann Lee", "Bo Chan"]
    assert split_byline("李强、王芳") == ["李强", "王芳"]
    assert split_byline("李强 王芳") == ["李强", "王芳"]
    assert split_byline("李强和王芳") == ["李强", "王芳"]


def test_a_byline_keeps_names_that_only_look_like_separators_or_prefixes():
    assert split_byline("王和平") == ["王和平"]  # 和 inside a name
    assert split_byline("Byron Park") == ["Byron Park"]  # not "By ron"
    assert split_byline("Parker Lee") == ["Parker Lee"]
    assert split_byline("文天祥") == ["文天祥"]
    assert split_byline("Lee, A. and Chan, B.") == ["Lee, A.", "Chan, B."]  # "Last, Initials"


def test_an_outlet_credited_after_the_people_is_dropped():
    assert drop_outlet_credit(["Ann Lee", "Bo Chan", "XYZ"], []) == ("Ann Lee", "Bo Chan")
    assert drop_outlet_credit(["Ann Lee", "The Daily Example"], ["The Daily Example"]) == ("Ann Lee",)
    assert drop_outlet_credit(["XYZ"], []) == ("XYZ",)  # a wire story credited to the agency alone
    assert drop_outlet_credit(["Ann Lee", "Bo Chan"], ["Example"]) == ("Ann Lee", "Bo Chan")


def test_meta_author_byline_becomes_names_without_the_outlet():
    head = '<meta name="author" content="Ann Lee, Bo Chan, and Cy Dunn, XYZ">'
    assert meta_of(article(), head).authors == ("Ann Lee", "Bo Chan", "Cy Dunn")
    head = ('<meta property="og:site_name" content="Example Post">'
            '<meta name="author" content="Ann Lee and Bo Chan, Example Post">')
    assert meta_of(article(), head).authors == ("Ann Lee", "Bo Chan")


def test_every_meta_author_and_dublin_core_creators_written_last_name_first():
    head = '<meta name="author" content="Ann Lee"><meta name="author" content="Bo Chan">'
    assert meta_of(article(), head).authors == ("Ann Lee", "Bo Chan")
    head = '<meta name="DC.creator" content="Lee, Ann"><meta name="DC.creator" content="Chan, B.">'
    assert meta_of(article(), head).authors == ("Lee, Ann", "Chan, B.")


# ------------------------------------------------------------ bylines on the page


def test_byline_class_under_the_headline_without_its_date():
    byline = "<div class='StoryByline'>By <b>Ann Lee</b><br>March 3, 2021</div>"
    assert meta_of(article(byline)).authors == ("Ann Lee",)
    byline = "<p class='post-author'>Ann Lee on 3 March 2021</p>"
    assert meta_of(article(byline)).authors == ("Ann Lee",)


def test_the_byline_after_the_headline_wins_over_a_teaser_byline_before_it():
    teaser = "<aside><a href='/other'>Another story</a><span class='byline'>Zed Moss</span></aside>"
    page = f"<h1 class='logo'>Example</h1>{teaser}<div><h1>Night buses stay</h1>" \
           f"<span class='byline'>By <a rel='author' href='/ann'>Ann Lee</a></span><div>{BODY}</div></div>"
    assert meta_of(page).authors == ("Ann Lee",)


def test_itemprop_author_among_other_itemprops_and_its_name():
    byline = ("<span itemprop='author creator' itemscope><a href='/wire'><span itemprop='name'> XYZ</span></a>"
              "</span>")
    assert meta_of(article(byline)).authors == ("XYZ",)


def test_a_byline_box_speaks_through_its_rel_author_links_and_name_cards():
    byline = ("<div class='byline'>By <a rel='author' href='/a'>Ann Lee</a> and "
              "<a rel='author' href='/b'>Bo Chan</a> · 5 min read</div>")
    assert meta_of(article(byline)).authors == ("Ann Lee", "Bo Chan")
    card = ("<div class='article-author'><img src='a.png'><a class='author-meta-name' href='/a'>Ann Lee</a>"
            "<span>Posts 120</span><p class='author-bio'>Writes about transport.</p></div>")
    assert meta_of(article(card)).authors == ("Ann Lee",)


def test_commenters_and_other_credits_are_not_the_author():
    comments = "<div id='comments'><span class='author'>Zed Moss</span><p>Nice.</p></div>"
    assert meta_of(article() + comments).authors == ()
    editor = "<p class='show_author'>责任编辑：张敏</p>"
    assert meta_of(article(editor)).authors == ()


# ------------------------------------------------------------ dates


def test_compact_iso_dates_are_normalised():
    assert normalize_date("20210303T055000+0900") == "2021-03-03T05:50:00+09:00"
    assert normalize_date("20210303") == "2021-03-03"
    assert normalize_date("20211303") == "20211303"  # no 13th month: kept as written


def test_publication_date_from_analytics_and_cms_meta_names():
    for name, value, expected in (
        ("sailthru.date", "2021-03-03 10:00", "2021-03-03T10:00"),
        ("cXenseParse:recs:publishtime", "2021-03-03T10:01:00.000Z", "2021-03-03T10:01:00Z"),
        ("article_date_original", "Wednesday, March 3, 2021, 12:06 PM", "2021-03-03"),
        ("citation_publication_date", "2021/03/03", "2021-03-03"),
    ):
        assert meta_of(article(), f'<meta name="{name}" content="{value}">').date == expected
    head = '<meta name="date" content="2020-01-01"><meta itemprop="datePublished" content="2021-03-03">'
    assert meta_of(article(), head).date == "2021-03-03"  # the named publication date beats a plain "date"


def test_publication_date_from_itemprop_in_the_page():
    byline = "<span itemprop='datePublished' content='2021-03-03T08:00'>Wednesday</span>"
    assert meta_of(article(byline)).date == "2021-03-03T08:00"


def test_json_ld_wrapped_in_cdata():
    head = ('<script type="application/ld+json">\n<![CDATA[\n{"@type": "BlogPosting", "headline": "Night buses stay",'
            ' "author": {"@type": "Person", "name": "Ann Lee"}, "datePublished": "2021-03-03"}\n]]>\n</script>')
    meta = meta_of(article(), head)
    assert (meta.authors, meta.date) == (("Ann Lee",), "2021-03-03")


# ------------------------------------------------------------ titles


def test_suffix_after_a_bare_hyphen_goes_when_the_headline_confirms_it():
    assert clean_title("夜班公交继续运行-示例网", "夜班公交继续运行") == ("夜班公交继续运行", "示例网")
    assert clean_title("夜班公交继续运行--交通--示例网", "夜班公交继续运行") == ("夜班公交继续运行", "示例网")
    assert clean_title("Night buses stay in Midtown-EXAMPLE.NET", "Night buses stay in Midtown") == (
        "Night buses stay in Midtown", "EXAMPLE.NET")
    # a headline that ends inside a hyphenated word is no site suffix
    assert clean_title("Covid-19 cases rise in the north", "Covid") == ("Covid-19 cases rise in the north", "")
    assert clean_title("Spider-Man returns") == ("Spider-Man returns", "")


def test_suffix_goes_when_it_is_the_site_name_or_the_host():
    assert clean_title("Night buses stay » Local » News » Example Post", site_names=["Example Post"]) == (
        "Night buses stay", "Example Post")
    assert clean_title("Night buses stay | 示例 Example.com", host="example") == ("Night buses stay", "示例 Example.com")
    assert clean_title("Example Post | Night buses stay", site_names=["Example Post"]) == (
        "Night buses stay", "Example Post")
    # the host's name inside a longer part of the title is the story, not the site
    assert clean_title("Example phones review - a long look at the range", host="example") == (
        "Example phones review - a long look at the range", "")
    assert host_name("https://www.example.co.uk/a") == "example" and host_name("https://news.example.com") == "example"


def test_title_from_twitter_title_and_the_page_confirming_the_cut():
    head = ('<title>Night buses stay » Local » News » Example Post</title>'
            '<meta name="twitter:title" content="Night buses stay">')
    assert meta_of(article(headline="Night buses stay Example Post"), head).title == "Night buses stay"
    head = '<title>夜班公交继续运行-示例网</title>'
    assert meta_of(article(headline="夜班公交继续运行"), head).title == "夜班公交继续运行"


def test_a_logo_h1_naming_the_site_is_not_taken_for_the_headline():
    head = '<title>Example Post | Night buses stay</title><meta property="og:site_name" content="Example Post">'
    page = f"<h1>Example Post</h1><div>{BODY}</div>"
    assert meta_of(page, head).title == "Night buses stay"


# ------------------------------------------------------- Chinese news conventions

ZH_BODY = ("<p>市图书馆今天起延长夜间开放时间，周一至周五开放到晚上十点，方便下班后的读者借阅图书和自习。</p>"
           "<p>馆方表示，延长开放所需的人手由志愿者补充，试行三个月后再根据读者人数决定是否长期实行。</p>")


def test_the_date_line_under_the_headline_gives_the_date():
    page = f"<article><h1>图书馆延长开放</h1><div><span>2021-3-7 21:30:50</span> <span>来源：</span></div>{ZH_BODY}</article>"
    assert meta_of(page).date == "2021-03-07T21:30:50"


def test_a_headline_without_h1_is_found_by_the_title_and_dates_after_it_count():
    page = (f"<div class='head'>图书馆延长开放</div><div>原创 某某晚报 2021年03月07日</div>{ZH_BODY}"
            "<ul><li>旧闻 2018-01-02</li></ul>")
    assert meta_of(page, "<title>图书馆延长开放</title>").date == "2021-03-07"


def test_a_date_far_below_the_headline_belongs_to_related_stories():
    filler = "".join(f"<p>第{n}段没有日期的正文内容。</p>" for n in range(40))
    page = f"<article><h1>图书馆延长开放</h1>{filler}<ul><li>旧闻 2018-01-02</li></ul></article>"
    assert meta_of(page).date == ""


def test_an_empty_h1_is_no_headline_and_a_title_class_vouches_for_the_suffix_cut():
    page = f"<div class='news-title'>图书馆延长开放</div><p>2021-03-07 08:00</p>{ZH_BODY}<h1></h1>"
    meta = meta_of(page, "<title>图书馆延长开放-某某网</title>")
    assert (meta.title, meta.date) == ("图书馆延长开放", "2021-03-07T08:00")


def test_the_dateline_credits_the_reporters():
    page = f"<article><h1>图书馆延长开放</h1><p>本报北京3月7日电（记者 王小明 李红）{ZH_BODY}</p></article>"
    assert meta_of(page).authors == ("王小明", "李红")
    page = f"<article><h1>图书馆延长开放</h1><p><strong>本站讯（通讯员张伟 整合）</strong>延长开放。</p>{ZH_BODY}</article>"
    assert meta_of(page).authors == ("张伟",)


def test_a_credit_line_at_the_end_names_the_reporter_but_an_editor_is_no_author():
    page = f"<article><h1>图书馆延长开放</h1>{ZH_BODY}<p>责任编辑：赵六</p><p>采写：某报见习记者 林小雨</p></article>"
    assert meta_of(page).authors == ("林小雨",)
    page = f"<article><h1>图书馆延长开放</h1><p>文/陈晨</p>{ZH_BODY}</article>"
    assert meta_of(page).authors == ("陈晨",)


def test_an_outlet_named_as_author_gives_way_to_the_credited_reporter():
    head = '<meta name="author" content="某某日报">'
    page = f"<article><h1>图书馆延长开放</h1>{ZH_BODY}<p>某某日报记者 周强</p></article>"
    assert meta_of(page, head).authors == ("周强",)
    assert meta_of(f"<article><h1>图书馆延长开放</h1>{ZH_BODY}</article>", head).authors == ("某某日报",)
