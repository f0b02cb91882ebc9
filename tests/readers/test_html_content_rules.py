"""The HTML reader's main-content rules, one small hand-written page per rule:
which region is the article, and which blocks around and inside it are chrome."""

from __future__ import annotations

import copy

from bs4 import BeautifulSoup

from convert.context import Context
from convert.options import Options
from convert.readers.html.content.density import TextStats
from convert.readers.html import HtmlReader
from convert.readers.html.dom import node_key, node_keys
from convert.source import Source
from convert.tree import document_text

STORY = ("<p>The river rose two metres overnight and the old bridge closed at dawn, "
         "so the morning buses went the long way round through the hills.</p>"
         "<p>By noon the water had started to fall, and engineers said the bridge "
         "would reopen once its pillars had been checked for damage.</p>")
NAV = "<nav><a href='/'>Home</a> <a href='/news/'>News</a> <a href='/sport/'>Sport</a></nav>"


def text_of(body: str, head: str = "") -> str:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    ctx = Context.for_source(Options(), None, "page.html")
    return document_text(HtmlReader().read(Source("page.html", html.encode("utf-8"), suffix=".html"), ctx))


def teasers(count: int, prefix: str = "/news/") -> str:
    return "".join(f"<li><a href='{prefix}story-{n}'>Another headline number {n} from the desk</a></li>"
                   for n in range(count))


# ------------------------------------------------------------ measures


def test_text_stats_count_prose_and_links_once_and_skip_hidden_markup():
    soup = BeautifulSoup("<div id='x'><p>Plain words <a href='/a'>link <a href='/b'>inner</a></a></p>"
                         "<noscript>&lt;img src=tracker&gt;</noscript><button>Share</button></div>", "lxml")
    block = soup.find(id="x")
    stats = TextStats(block)
    assert stats.text(block) == len("Plain words") + len("link") + len("inner")
    assert stats.links(block) == len("link") + len("inner")
    assert stats.link_count(block) == 2
    assert stats.prose(block) == len("Plain words")


def test_noscript_fallback_markup_does_not_outweigh_the_article():
    tracker = "<noscript>" + "&lt;div&gt;&lt;a href=ads.example/jump?slot=1&gt;&lt;/a&gt;&lt;/div&gt;" * 30 + "</noscript>"
    body = (f"{NAV}<div class='content'><div class='wide'>{tracker}</div>"
            f"<article><h1>Flood closes bridge</h1>{STORY}</article>"
            f"<div class='promo'><a href='/shop/'>Shop</a> {tracker}</div></div>")
    text = text_of(body)
    assert "river rose" in text and "Shop" not in text


# ------------------------------------------------------------ the root


def test_article_weighed_by_prose_beats_a_column_of_headline_links():
    column = "<div class='column'><p>" + " · ".join(  # script-driven teasers: href="#"
        f"<a href='#'>Another headline number {n} from the desk</a>" for n in range(40)) + "</p></div>"
    body = f"{NAV}<div class='content'><article><h1>Flood closes bridge</h1>{STORY}</article>{column}</div>"
    text = text_of(body)
    assert "river rose" in text and "headline number" not in text


def test_aside_is_chrome_even_when_it_outweighs_the_article():
    ticker = "<aside><ul>" + "".join(
        f"<li>{n}:00 A live update with several words of news text in it, item {n}.</li>" for n in range(40)
    ) + "</ul></aside>"
    body = f"{NAV}<div class='page'><article><h1>Flood closes bridge</h1>{STORY}</article>{ticker}</div>"
    text = text_of(body)
    assert "river rose" in text and "live update" not in text


def test_teaser_articles_do_not_protect_a_related_block():
    related = ("<section id='article-related'><h2>Related</h2>"
               + "".join(f"<article><a href='https://outlet{n}.example.net/'>Teaser headline {n}</a></article>"
                         for n in range(4))
               + "</section>")
    body = f"{NAV}<main><article><h1>Flood closes bridge</h1>{STORY}{related}</article></main>"
    text = text_of(body)
    assert "river rose" in text and "Teaser headline" not in text


def test_sidebar_with_its_own_h1_titles_is_still_chrome():
    sidebar = ("<div class='sidebar'><h1>Sections</h1><p>Dining out, cooking, drinks.</p>"
               "<h1>Spotlight</h1><p>Beer, wine and bars.</p></div>")
    body = f"{NAV}<div id='main'><h1>Flood closes bridge</h1>{STORY}{sidebar}</div>"
    text = text_of(body, head="<title>Flood closes bridge | The Daily Example</title>")
    assert "river rose" in text and "Spotlight" not in text


# ------------------------------------------------------------ class names


def test_section_ids_made_from_their_headings_are_not_chrome_names():
    sections = ("<div class='section' id='sharing-with-a-single-developer'>"
                "<h2>Sharing with a single developer</h2>" + STORY + "</div>"
                "<div class='section' id='related-work'><h2>Related work</h2>"
                "<p>Earlier tools kept history immutable and moved changes with patches.</p></div>")
    text = text_of(f"{NAV}<div class='content'>{sections}</div>")
    assert "river rose" in text and "Earlier tools" in text


def test_heading_anchor_does_not_rescue_a_list_of_related_links():
    related = "<div id='related-posts'><h3>Related posts</h3><ul>" + "".join(
        f"<li><a href='https://outlet{n}.example.net/'>Another headline number {n}</a></li>" for n in range(5)
    ) + "</ul></div>"
    text = text_of(f"{NAV}<article><h1>Flood closes bridge</h1>{STORY}{related}</article>")
    assert "river rose" in text and "headline number" not in text


def test_tags_and_newsletter_boxes_are_chrome():
    extras = ("<div class='post-tags'><a href='/t/weather'>weather</a> <a href='/t/roads'>roads</a></div>"
              "<div class='newsletter-box'><p>Get the morning briefing in your inbox every day.</p></div>")
    text = text_of(f"{NAV}<article><h1>Flood closes bridge</h1>{STORY}{extras}</article>")
    assert "river rose" in text and "weather" not in text and "morning briefing" not in text


def test_short_chrome_names_count_only_as_whole_class_names():
    first, second = STORY.split("</p>")[:2]
    body = (f"{NAV}<div class='content'><h1>Flood closes bridge</h1><div class='hd'>Site header text</div>"
            f"<div class='oflow-hd'>{first}</p></div><div class='oflow-hd'>{second}</p></div></div>")
    text = text_of(body)
    assert "river rose" in text and "water had started" in text and "Site header text" not in text


# ------------------------------------------------------------ link lists


def test_list_of_links_to_the_site_inside_the_article_is_chrome():
    latest = "<div class='box'><h3>Latest</h3><ul>" + teasers(6) + "</ul></div>"
    text = text_of(f"{NAV}<article><h1>Flood closes bridge</h1>{STORY}{latest}</article>")
    assert "river rose" in text and "headline number" not in text


def test_list_of_links_to_the_site_domain_is_chrome():
    head = "<link rel='canonical' href='https://news.example.co.uk/flood'>"
    latest = "<ul>" + teasers(6, prefix="https://www.example.co.uk/news/") + "</ul>"
    text = text_of(f"{NAV}<article><h1>Flood closes bridge</h1>{STORY}{latest}</article>", head=head)
    assert "river rose" in text and "headline number" not in text


def test_list_of_links_to_other_sites_is_the_authors_and_stays():
    tools = "<h2>Tools I use</h2><ul>" + "".join(
        f"<li><a href='https://tool{n}.example.org/'>Tool {n}</a></li>" for n in range(6)) + "</ul>"
    text = text_of(f"{NAV}<article><h1>Flood closes bridge</h1>{STORY}{tools}</article>")
    assert "Tool 0" in text and "Tool 5" in text


def test_document_relative_cross_references_and_in_page_links_stay():
    toc = "<ul>" + "".join(f"<li><a href='#part-{n}'>Part {n}</a></li>" for n in range(5)) + "</ul>"
    guides = "<ul>" + "".join(f"<li><a href='guide/chapter-{n}.html'>Chapter {n}</a></li>" for n in range(5)) + "</ul>"
    text = text_of(f"{NAV}<main><h1>Manual</h1>{toc}{STORY}{guides}</main>")
    assert "Part 4" in text and "Chapter 4" in text


def test_link_lists_stay_on_a_page_without_chrome():
    latest = "<ul>" + teasers(6) + "</ul>"
    text = text_of(f"<h1>Flood closes bridge</h1>{STORY}{latest}")
    assert "headline number 5" in text


# ------------------------------------------------------------ teaser cards


def cards(count: int) -> str:
    return "".join(f"<div class='card'><h3><a href='/opinion/{n}'>Column headline {n}</a></h3>"
                   f"<p>A short summary of another column, a sentence or two long, number {n}.</p></div>"
                   for n in range(count))


def test_teaser_cards_after_the_story_are_chrome():
    more = f"<div class='group'><h2>Other columns</h2><div class='items'>{cards(4)}</div></div>"
    body = f"{NAV}<article><h1>Flood closes bridge</h1><div class='text'>{STORY * 5}</div>{more}</article>"
    text = text_of(body)
    assert "river rose" in text and "Column headline" not in text and "short summary" not in text


def test_cards_inside_the_story_text_stay():
    body = f"{NAV}<article><h1>Flood closes bridge</h1><div class='text'>{STORY * 5}{cards(4)}</div></article>"
    text = text_of(body)
    assert "Column headline 3" in text


def test_a_block_holding_the_headline_is_never_taken_for_cards():
    reporters = "".join(f"<p><a href='/people/{n}'>Reporter {n}</a>, who covers transport and the weather</p>"
                        for n in range(3))
    body = (f"{NAV}<article><div class='top'><h1>Flood closes bridge</h1><div>{reporters}</div></div>"
            f"<div class='text'>{STORY * 5}</div></article>")
    text = text_of(body)
    assert "river rose" in text and "Reporter 2" in text

def test_node_key_tells_apart_elements_with_the_same_markup():
    first, second = BeautifulSoup("<p>Same</p><p>Same</p>", "lxml").find_all("p")
    assert first == second  # BeautifulSoup compares by markup: why sets of tags need keys
    assert node_key(first) != node_key(second)
    assert node_key(first) == node_key(first)
    assert node_key(copy.copy(first)) not in node_keys([first, second])


def test_text_stats_count_each_of_two_identical_paragraphs_once():
    soup = BeautifulSoup("<div><p>Same words</p></div><div><p>Same words</p><p>More</p></div>", "lxml")
    first, second = soup.find_all("div")
    stats = TextStats(soup.body, leave_out=[first])
    assert (stats.text(first), stats.text(second), stats.text(soup.body)) == (10, 14, 14)
