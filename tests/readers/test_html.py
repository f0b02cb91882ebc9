"""The HTML reader: golden trees, element coverage, metadata, charsets, chrome, robustness."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from convert.context import Context
from convert.errors import InputError
from convert.options import Options
from convert.readers.html.meta import clean_title, normalize_date, normalize_language, parse_info_line
from convert.readers.html import HtmlReader, declared_charset
from convert.source import Source
from convert.tree import (
    BulletList, Cell, Code, CodeBlock, Document, Emph, Heading, Image, LineBreak, Link, OrderedList,
    Paragraph, Quote, Rule, Strong, Table, Text, document_text, iter_blocks, plain_text,
)
from tests.golden import assert_golden

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "html"
SAMPLE = ROOT / "samples" / "zh-news-page.html"
RARE_NAMES = "朱镕基、张喆和王堃出席了会议。"


def read(html: str | bytes, **options: object) -> tuple[Document, Context]:
    data = html.encode("utf-8") if isinstance(html, str) else html
    ctx = Context.for_source(Options(**options), None, "page.html")
    return HtmlReader().read(Source("page.html", data, suffix=".html"), ctx), ctx


def read_file(path: Path, **options: object) -> tuple[Document, Context]:
    ctx = Context.for_source(Options(**options), str(path.parent), str(path))
    return HtmlReader().read(Source(str(path), path.read_bytes(), str(path.parent), ".html"), ctx), ctx


def blocks_of(html_body: str, **options: object) -> tuple:
    return read(f"<html><body>{html_body}</body></html>", **options)[0].blocks


def para(*children) -> Paragraph:
    return Paragraph(tuple(Text(c) if isinstance(c, str) else c for c in children))


# ------------------------------------------------------------------ golden


@pytest.mark.parametrize("name", ["elements", "soup", "tables", "lists"])
def test_golden_focused_inputs(name):
    document, _ = read_file(DATA / f"{name}.html")
    assert_golden(document, DATA / f"{name}.json")


def test_golden_sample_page():
    document, _ = read_file(SAMPLE)
    assert_golden(document, DATA / "zh-news-page.json")


# -------------------------------------------------------- element coverage


def test_every_element_kind_becomes_its_node():
    document, _ = read_file(DATA / "elements.html")
    blocks = list(iter_blocks(document.blocks))
    kinds = {type(block) for block in blocks}
    assert {Paragraph, Heading, Quote, CodeBlock, Rule, Image} <= kinds
    assert [b.level for b in blocks if isinstance(b, Heading)] == [2, 3, 4, 5, 6]
    first = blocks[0].children
    assert Strong((Text("bold"),)) in first and Strong((Text("strong"),)) in first
    for word in ("italic", "em", "under", "marked", "a cite", "struck"):
        assert Emph((Text(word),)) in first
    for word in ("code()", "Ctrl", "out", "tt"):
        assert Code(word) in first
    assert LineBreak() in blocks[1].children
    assert "H₂O and x²" in plain_text(blocks[1].children)
    links = [i for i in blocks[2].children if isinstance(i, Link)]
    assert [(plain_text(l.children), l.url) for l in links] == [
        ("relative", "https://example.com/docs/page.html"), ("in-page", "#sec"),
        ("absolute", "https://other.org/x")]
    assert links[0].title == "A page"
    assert "script link" in plain_text(blocks[2].children)  # text kept, javascript: target dropped
    code = next(b for b in blocks if isinstance(b, CodeBlock))
    assert code == CodeBlock("def f(x):\n    return   x * 2", "python")
    figure = next(b for b in blocks if isinstance(b, Image) and b.caption)
    assert figure.alt == "A chart" and plain_text(figure.caption) == "The chart caption"
    assert "漢(kan)字(ji)" in document_text(document)


def test_lists_tables_and_definitions():
    lists, _ = read_file(DATA / "lists.html")
    nested = lists.blocks[0].items[1]
    assert isinstance(nested[1], BulletList)
    assert nested[1].items[1][1] == OrderedList(((para("deep four"),), (para("deep five"),)), start=4)
    assert lists.blocks[1].start == 3 and lists.blocks[2].start == 1
    definitions = lists.blocks[-1]
    assert definitions.items[0] == (para("Term: Definition."),)
    assert (para("Lonely term"),) in definitions.items
    assert (para("Wrapped: In a div."),) in definitions.items

    tables, _ = read_file(DATA / "tables.html")
    first = tables.blocks[1]
    assert isinstance(first, Table) and len(first.header) == 2
    assert first.header[0][0] == Cell((Text("Region"),), rowspan=2)
    assert first.header[0][1] == Cell((Text("Sales"),), colspan=2)
    assert plain_text(first.body[-1][0].children) == "Total"  # tfoot last, wherever it stood
    second = tables.blocks[2]
    assert len(second.header) == 1  # a first row of only <th>
    assert second.body[0][1].children == (Text("first para"), LineBreak(), Text("second para"))
    assert tables.blocks[3] == Image("cell.png", "cell image")  # floated out of its cell
    assert tables.blocks[4].header == ()  # mixed th/td first row is not a header
    assert para("Layout cell one.") in tables.blocks  # layout tables read through


def test_text_in_div_soup_becomes_paragraphs_without_gluing():
    blocks = blocks_of("<div>alpha<div>beta</div>gamma<span>delta</span></div><section>one<br><br>two</section>")
    assert blocks == (para("alpha"), para("beta"), para("gammadelta"), para("one"), para("two"))


def test_text_after_a_stray_end_of_page_tag_is_kept_like_a_browser_keeps_it():
    document, _ = read("<html><head><title>T</title></head><body><p>first part</p></body></html>\n"
                       "<div><p>second part</p></div></BODY></html><p>third part</p>")
    assert document.blocks == (para("first part"), para("second part"), para("third part"))


def test_whitespace_collapsed_like_a_browser_but_not_in_pre():
    blocks = blocks_of("<p>  a \n\t b <em> c </em> d</p><pre> x\n   y </pre><p>中文\n换行</p>")
    assert blocks[0] == para("a b ", Emph((Text("c "),)), "d")
    assert blocks[1] == CodeBlock(" x\n   y")
    assert blocks[2] == para("中文换行")


def test_hr_and_images_and_lazy_sources():
    blocks = blocks_of('<p>a</p><hr><img data-src="real.jpg" src="data:image/gif;base64,R0lG" alt="lazy">'
                       '<img src="pixel.gif" width="1" height="1"><img alt="no source">')
    assert blocks == (para("a"), Rule(), Image("real.jpg", "lazy"))


# ------------------------------------------------------------------ metadata


def test_title_suffix_removal():
    assert clean_title("新闻标题_新闻中心_某某网", "新闻标题") == ("新闻标题", "某某网")
    assert clean_title("新闻标题_新闻中心_某某网") == ("新闻标题", "某某网")
    assert clean_title("Covid - the aftermath | BBC News", "Covid - the aftermath") == ("Covid - the aftermath", "BBC News")
    assert clean_title("Covid - the aftermath | BBC News") == ("Covid - the aftermath", "BBC News")
    assert clean_title("A headline – Example", "") == ("A headline", "Example")
    assert clean_title("A headline — Example") == ("A headline", "Example")
    assert clean_title("No suffix here") == ("No suffix here", "")
    assert clean_title("Me - a very long second part that is surely not a site name") == (
        "Me - a very long second part that is surely not a site name", "")
    document, _ = read("<title>夜市新图景_新闻中心_某某网</title><h1>夜市新图景</h1><p>正文内容。</p>")
    assert document.meta.title == "夜市新图景" and document.meta.publisher == "某某网"
    assert Heading(1, (Text("夜市新图景"),)) not in document.blocks  # the h1 repeating the title


LAYERS = {
    "json_ld": '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "LD title",'
               ' "author": {"@type": "Person", "name": "LD Author"}, "datePublished": "2021-01-01",'
               ' "publisher": {"name": "LD Pub"}, "keywords": ["ld1", "ld2"], "inLanguage": "fr"}</script>',
    "open_graph": '<meta property="og:title" content="OG title"><meta property="og:site_name" content="OG Pub">'
                  '<meta property="article:published_time" content="2022-02-02">'
                  '<meta property="article:author" content="OG Author"><meta property="article:tag" content="og1">'
                  '<meta property="og:locale" content="de_DE">',
    "meta_name": '<meta name="author" content="Meta Author"><meta name="keywords" content="m1，m2、m3">'
                 '<meta name="publishdate" content="2023/03/03">',
    "page": '',
}


def _page(layers: list[str]) -> str:
    head = "".join(LAYERS[layer] for layer in layers)
    return (f'<html lang="{"es" if "meta_name" in layers else ""}"><head><title>Title tag - Site</title>{head}</head><body>'
            '<h1>Heading one</h1><div class="info">2024年4月4日 08:05 来源：页面来源 作者：页面作者</div>'
            '<p>Body text long enough to read.</p></body></html>')


def test_metadata_precedence_json_ld_then_open_graph_then_meta_then_page_then_title():
    meta = read(_page(["json_ld", "open_graph", "meta_name"]))[0].meta
    assert (meta.title, meta.authors, meta.date, meta.publisher, meta.tags, meta.language) == (
        "LD title", ("LD Author",), "2021-01-01", "LD Pub", ("ld1", "ld2"), "fr")
    meta = read(_page(["open_graph", "meta_name"]))[0].meta
    assert (meta.title, meta.authors, meta.date, meta.publisher, meta.tags, meta.language) == (
        "OG title", ("OG Author",), "2022-02-02", "OG Pub", ("og1",), "de-DE")
    meta = read(_page(["meta_name"]))[0].meta
    assert (meta.authors, meta.date, meta.tags, meta.language) == (("Meta Author",), "2023-03-03", ("m1", "m2", "m3"), "es")
    meta = read(_page([]))[0].meta
    assert (meta.title, meta.authors, meta.date, meta.source, meta.publisher) == (
        "Title tag", ("页面作者",), "2024-04-04T08:05", "页面来源", "Site")
    assert meta.source == "页面来源"  # only the info line knows the source, at every level


def test_json_ld_garbage_tolerated():
    html = ('<head><script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>'
            '<script type="application/ld+json"><!-- {"@type": "Article", "headline": "Rescued", } --></script>'
            '<script type="application/ld+json">[1, "two", null, {"@graph": [{"@type": ["Thing", "NewsArticle"],'
            ' "author": [7, {"name": ["X"]}, "http://a.example/me", "Ann，Bob"], "keywords": {"bad": 1}}]}]</script>'
            '<meta property="og:title" content="OG wins"></head><body><p>Text.</p></body>')
    document, ctx = read(html)
    assert document.meta.title == "Rescued"
    assert document.meta.authors == ("X", "Ann", "Bob")
    assert [d.code for d in ctx.diagnostics] == ["json-ld-invalid"]


def test_info_line_and_dates_and_languages():
    fields = parse_info_line("2023-01-01 12:00  来源：新华社  作者：李强 王芳  责任编辑：张敏")
    assert fields == {"date": "2023-01-01T12:00", "source": "新华社", "authors": ("李强", "王芳"), "editor": "张敏"}
    assert parse_info_line("2023年9月8日 14:20 来源：新华社 记者 李强")["authors"] == ("李强",)
    assert normalize_date("2023-09-08T09:30:00+0800") == "2023-09-08T09:30:00+08:00"
    assert normalize_date("2023年9月8日") == "2023-09-08"
    assert normalize_date("March 5, 2024") == "2024-03-05"
    assert normalize_date("5 Mar 2024") == "2024-03-05"
    assert normalize_date("sometime") == "sometime"
    assert normalize_language("zh_cn") == "zh-CN" and normalize_language("zh-hans-cn") == "zh-Hans-CN"
    assert read("<p>这是一段没有声明语言的中文文字。</p>")[0].meta.language == "zh-CN"


def test_sample_page_metadata():
    meta = read_file(SAMPLE)[0].meta
    assert meta.title == "乡村书屋“上新”记：一本书串起一个村"
    assert meta.authors == ("李强", "张敏") and meta.publisher == "某某网" and meta.source == "清溪日报"
    assert meta.date == "2023-09-08T09:30:00+08:00" and meta.editor == "王芳"
    assert meta.tags == ("乡村书屋", "全民阅读", "乡村振兴") and meta.language == "zh-CN"
    assert meta.url == "https://news.example.cn/2023/09/08/shuwu.html"


# ------------------------------------------------------------------ charsets

GBK_PAGE = '<html><head><meta charset="{label}"><title>会议</title></head><body><p>{text}</p></body></html>'


@pytest.mark.parametrize("declaration", ['<meta charset="gb2312">',
                                         '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'])
def test_gbk_declared_gb2312_with_rare_characters(declaration):
    html = f"<html><head>{declaration}</head><body><p>{RARE_NAMES}</p></body></html>"
    assert declared_charset(html.encode("ascii", "ignore")) == "gb2312"
    document, _ = read(html.encode("gb18030"))
    assert document_text(document) == RARE_NAMES


def test_gbk_with_a_lying_utf8_declaration():
    text = "入秋以来，江南小城清溪县的夜市人气持续走高。从老街小吃到文创市集，一条不足千米的街道正成为窗口。"
    document, _ = read(GBK_PAGE.format(label="utf-8", text=text).encode("gbk"))
    assert document_text(document) == text


def test_undeclared_big5():
    text = "入秋以來，江南小城清溪縣的夜市人氣持續走高。從老街小吃到文創市集，一條不足千米的街道正成為觀察消費的窗口。"
    document, _ = read(f"<html><body><p>{text}</p></body></html>".encode("big5"))
    assert document_text(document) == text


def test_utf16_with_bom():
    document, _ = read(codecs.BOM_UTF16_LE + f"<html><body><p>{RARE_NAMES}</p></body></html>".encode("utf-16-le"))
    assert document_text(document) == RARE_NAMES


def test_forced_encoding_wins():
    data = f"<html><head><meta charset=utf-8></head><body><p>{RARE_NAMES}</p></body></html>".encode("gb18030")
    assert document_text(read(data, encoding="gbk")[0]) == RARE_NAMES


def test_control_characters_cleaned():
    text = "Control characters are dropped: a\x1fb\x0bc and \ufffe gone."
    assert document_text(read(f"<p>{text}</p>")[0]) == "Control characters are dropped: abc and gone."


# ------------------------------------------------------------ main content


CHROME_TEXTS = ("首页", "当前位置", "分享到", "相关新闻", "县图书馆开展暑期阅读季活动", "版权所有", "网站地图")


def test_chrome_dropped_on_the_sample():
    document, ctx = read_file(SAMPLE)
    text = document_text(document)
    for chrome in CHROME_TEXTS:
        assert chrome not in text
    assert "清晨七点" in text and "故事妈妈" in text and "（责任编辑：王芳）" in text
    assert [d.code for d in ctx.diagnostics] == ["boilerplate-dropped"]
    assert "2023-09-08 09:30" not in text  # the info line went into the metadata


def test_chrome_kept_with_content_all():
    document, ctx = read_file(SAMPLE, content="all")
    text = document_text(document)
    for chrome in CHROME_TEXTS:
        assert chrome in text
    assert "清晨七点" in text and ctx.diagnostics == []


def test_page_without_chrome_keeps_everything():
    document, ctx = read("<body><p>One.</p><div>Two.</div><section><h2>Three</h2><p>Four.</p></section></body>")
    assert document_text(document) == "One.\nTwo.\nThree\nFour."
    assert ctx.diagnostics == []


def test_article_element_chosen_and_header_inside_it_kept():
    html = ("<body><header><a href='/'>Site logo</a></header><nav>Menu links</nav>"
            "<article><header><p>Article kicker</p></header><p>" + "Main text. " * 20 + "</p>"
            "<div class='share'>Share this</div></article><aside>Aside text</aside>"
            "<div id='comments'>A comment</div><footer>Footer text</footer></body>")
    text = document_text(read(html)[0])
    assert "Article kicker" in text and "Main text." in text
    for chrome in ("Site logo", "Menu links", "Share this", "Aside text", "A comment", "Footer text"):
        assert chrome not in text


def test_chrome_never_takes_most_of_the_text():
    document, _ = read("<body><nav><p>Only a nav holds text.</p></nav></body>")
    assert document_text(document) == "Only a nav holds text."
    html = "<body><div class='commentary-body side'><p>" + "Opinion text. " * 30 + "</p></div><nav>Menu</nav></body>"
    text = document_text(read(html)[0])
    assert "Opinion text." in text and "Menu" not in text


def test_active_content_never_in_the_tree():
    for content in ("auto", "all"):
        document, _ = read_file(DATA / "soup.html", content=content)
        text = document_text(document)
        for marker in ("notText", "color: red", "Enable JavaScript", "template text", "iframe text",
                       "object text", "input text", "Button text", "Option text", "textarea text",
                       "svg text", "canvas text", "a comment", "Hidden text", "Also hidden", "Soup"):
            assert marker not in text, (content, marker)
        assert "After an embed, which lxml leaves open." in text  # a void lxml leaves open hides nothing
    sample_text = document_text(read_file(SAMPLE, content="all")[0])
    assert "dataLayer" not in sample_text and "font-family" not in sample_text and "ads.example" not in sample_text


def test_form_wrapping_the_whole_page_is_kept():
    assert document_text(read("<title>T</title><body><form id='aspnet'><h1>Page</h1><p>Body in a form.</p></form></body>")[0]) \
        == "Page\nBody in a form."


# --------------------------------------------------------------- robustness


@pytest.mark.parametrize("opening,closing", [("<div>", "</div>"), ("<span>", "</span>"),
                                             ("<blockquote>", "</blockquote>"), ("<ul><li>", "</li></ul>")])
def test_ten_thousand_levels_of_nesting(opening, closing):
    html = "<body><p>first</p>" + opening * 10_000 + "deepest text" + closing * 10_000 + "<p>after</p></body>"
    text = document_text(read(html)[0])
    assert text.startswith("first") and "deepest text" in text and text.endswith("after")


@pytest.mark.parametrize("html", [b"", b"   \n ", b"<html><head><title>T</title></head><body></body></html>",
                                  b"<script>var x = 1;</script><style>p{}</style><!-- only a comment -->",
                                  b"<div><p>  </p><span>\xc2\xa0</span></div>"])
def test_empty_page_is_an_input_error(html):
    with pytest.raises(InputError, match="no text content"):
        read(html)


def test_image_only_page_is_content():
    assert read('<body><img src="a.png" alt="">')[0].blocks == (Image("a.png"),)


def test_base_href_only_when_absolute_http():
    assert blocks_of('<base href="file:///etc/"><p><a href="passwd">x</a></p>')[0].children[0].url == "passwd"
    assert blocks_of('<base href="https://a.example/d/"><p><a href="../x">x</a></p>')[0].children[0].url == \
        "https://a.example/x"


def test_registry_and_api_find_the_reader(tmp_path):
    import convert

    page = tmp_path / "page.htm"
    page.write_text("<p>Hello from the API.</p>", encoding="utf-8")
    assert document_text(convert.read(page)) == "Hello from the API."


# ------------------------------------------------- pages imitating real sites

PAGES = DATA / "pages"
PAGE_NAMES = ["zh-news-gbk", "en-blog", "docs-page", "div-soup"]


def read_page(name: str, **options: object) -> tuple[Document, dict]:
    """A page of tests/data/html/pages in the encoding its truth names (the GBK page is stored as UTF-8)."""
    import json

    truth = json.loads((PAGES / f"{name}.truth.json").read_text(encoding="utf-8"))
    data = (PAGES / f"{name}.html").read_text(encoding="utf-8").encode(truth.get("encoding", "utf-8"))
    return read(data, **options)[0], truth


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_golden_pages_imitating_real_sites(name):
    assert_golden(read_page(name)[0], PAGES / f"{name}.json")


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_pages_keep_the_article_and_drop_the_chrome(name):
    document, truth = read_page(name)
    text = document_text(document).replace("\n", " ")
    for line in truth["text"]:
        assert line.replace("\n", " ") in text, line
    for chrome in truth["chrome"]:
        assert chrome not in text, chrome
    assert document.meta.title == truth["title"]


DATE_MISSED = pytest.mark.xfail(strict=True, reason="a forum post's 'Posted on …' line sits in the post's chrome")


@pytest.mark.parametrize("name", [pytest.param(name, marks=DATE_MISSED) if name == "div-soup" else name
                                  for name in PAGE_NAMES])
def test_pages_date_is_the_articles(name):
    document, truth = read_page(name)
    assert document.meta.date.startswith(truth["date"])


def test_gbk_news_page_metadata_and_pseudo_headings():
    document, _ = read_page("zh-news-gbk")
    meta = document.meta
    assert (meta.authors, meta.source, meta.publisher, meta.editor) == (("陈晓",), "江南晚报", "江南在线", "刘洋")
    assert meta.tags == ("夜市", "老街", "消费", "城市更新") and meta.language == "zh-CN"
    headings = [plain_text(b.children) for b in document.blocks if isinstance(b, Heading)]
    assert headings == ["小摊位撑起大民生", "文旅融合添新彩"]  # <p><strong> on a page without h2-h6
    image = next(b for b in document.blocks if isinstance(b, Image))
    assert plain_text(image.caption) == "游客在老街夜市选购小吃"  # the centred line under the image
    assert any(isinstance(b, Table) for b in document.blocks)
    assert document_text(read_page("zh-news-gbk", content="all")[0]).count("热点排行") == 1


def test_blog_json_ld_and_docs_anchors():
    blog, _ = read_page("en-blog")
    assert (blog.meta.authors, blog.meta.date, blog.meta.tags, blog.meta.language, blog.meta.publisher) == (
        ("Ada Lindqvist",), "2023-11-04T08:15:00+00:00", ("writing", "tools", "plain text"), "en-GB", "Ada's Notebook")
    assert blog.meta.extra["date_modified"] == "2023-11-06T19:00:00+00:00"
    assert Heading(2, (Text("Durability beats features"),), "durability") in blog.blocks
    links = [i for b in blog.blocks if isinstance(b, Paragraph) for i in b.children if isinstance(i, Link)]
    assert any(link.url == "#durability" for link in links)
    docs, _ = read_page("docs-page")
    headings = [b for b in docs.blocks if isinstance(b, Heading)]
    assert [(plain_text(h.children), h.id) for h in headings] == [
        ("File format", "file-format"), ("Options", "options"), ("Environment variables", "environment")]
    assert "¶" not in document_text(docs)
    assert CodeBlock('[frob]\nlevel = 3\noutput = "build/"') in docs.blocks
    table = next(b for b in docs.blocks if isinstance(b, Table))
    assert plain_text(table.caption) == "Settings in the [frob] table" and len(table.body) == 3


def test_pseudo_headings_only_without_real_ones():
    assert blocks_of("<p><strong>Bold line</strong></p><p>Text.</p><center>Centred</center><p>More.</p>") == (
        Heading(2, (Text("Bold line"),)), para("Text."), Heading(2, (Text("Centred"),)), para("More."))
    assert blocks_of("<h2>Real</h2><p><b>Bold line</b></p>")[1] == para(Strong((Text("Bold line"),)))
    assert blocks_of("<p><b>A bold sentence ends with a stop.</b></p>")[0] == \
        para(Strong((Text("A bold sentence ends with a stop."),)))


def test_heading_ids_for_in_page_links():
    blocks = blocks_of('<h2><a name="n1"></a>Named</h2><section id="s2"><h2>Sectioned</h2><p>x</p></section>'
                       '<h3 id="own">Own <a class="headerlink" href="#own">¶</a></h3><p><a href="#s2">back</a></p>')
    assert [(b.id, plain_text(b.children)) for b in blocks if isinstance(b, Heading)] == [
        ("n1", "Named"), ("s2", "Sectioned"), ("own", "Own")]
    assert blocks[-1] == para(Link((Text("back"),), "#s2"))


def test_sup_and_sub():
    assert blocks_of("<p>E=mc<sup>2</sup>, H<sub>2</sub>O, x<sup>n+1</sup>, 1<sup>st</sup>, a<sub>ij</sub></p>") == (
        para("E=mc², H₂O, xⁿ⁺¹, 1st, aij"),)


def test_dublin_core_and_time_element():
    meta = read('<html><head><meta name="DC.creator" content="Dee Cee"><meta name="dc.language" content="nl">'
                '<meta name="DC.date" content="2020-02-20"><meta name="dc.publisher" content="DC Press"></head>'
                '<body><p>Tekst.</p></body></html>')[0].meta
    assert (meta.authors, meta.language, meta.date, meta.publisher) == (("Dee Cee",), "nl", "2020-02-20", "DC Press")
    meta = read('<body><article><time datetime="2019-07-01T10:00">1 July</time><p>Body.</p></article></body>')[0].meta
    assert meta.date == "2019-07-01T10:00"


def test_undeclared_gbk_and_utf8_bom():
    text = "入秋以来，江南小城清溪县的夜市人气持续走高。从老街小吃到文创市集，一条不足千米的街道正成为观察消费的窗口。"
    assert document_text(read(f"<html><body><p>{text}</p></body></html>".encode("gbk"))[0]) == text
    assert document_text(read(codecs.BOM_UTF8 + f"<p>{RARE_NAMES}</p>".encode("utf-8"))[0]) == RARE_NAMES


def test_author_from_itemprop_and_rel_author_when_no_meta_names_one():
    body = ("<article><h1>A story</h1><p class='byline'><span itemprop='author' itemscope>"
            "<a rel='author' href='/a'><span itemprop='name'>Dan Goodin</span></a></span></p>"
            "<p>Body text long enough to be the article body, and then some more words.</p></article>")
    page = f"<html><head><title>A story - Site</title></head><body>{body}</body></html>"
    assert read(page)[0].meta.authors == ("Dan Goodin",)
    rel_only = page.replace("<span itemprop='author' itemscope>", "<span>").replace(
        "<span itemprop='name'>Dan Goodin</span>", "By Jane Roe")
    assert read(rel_only)[0].meta.authors == ("Jane Roe",)
    with_meta = page.replace("<title>", "<meta name='author' content='Meta Name'><title>")
    assert read(with_meta)[0].meta.authors == ("Meta Name",)


def test_bylines_credits_popular_lists_and_prev_next_links_are_chrome():
    page = ("<html><body><div id='story'><h1>Headline here</h1><p class='byline'>By A Writer - Apr 1</p>"
            "<p>The article body that matters, with enough words to be the article text.</p>"
            "<div class='caption-credit'>Photo: Agency</div><div class='most-popular'><h3>Most popular</h3>"
            "<a href='/x'>Another story</a></div><div id='prevlink'><a class='previous'>Previous post</a></div>"
            "<p>A second paragraph of the article body, also long enough to count.</p></div></body></html>")
    text = document_text(read(page)[0])
    assert "The article body that matters" in text and "A second paragraph" in text
    for chrome in ("By A Writer", "Photo: Agency", "Most popular", "Another story", "Previous post"):
        assert chrome not in text
