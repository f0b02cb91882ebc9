"""Which part of an HTML page is the document (content="auto"), and which is page chrome.

Chrome: <nav>, <aside>, <footer>, a <header> outside any <article>/<main>,
and elements whose id or class words say nav, menu, breadcrumb, share,
related, comment, footer, sidebar, ad, cookie, tags, newsletter (and a few
kin) — unless the element holds the page's headline <h1>, a <main> or the
page's longest <article>, or (except an <aside>) more than 60% of the page's
text, which chrome never does. An id that is its own heading's text as an
anchor ("sharing-your-work") names a section, not a role.

The root: the <article> holding most of the prose (text outside links), else
<main> (or role="main"), else the deepest element whose id/class names
content (article, content, main-text, post-body, ...) — each only if it holds
at least half of the page's prose outside chrome. Otherwise the element that
readability-lxml's text points at, when what it leaves out looks like chrome
(`guide`); otherwise the whole <body>.
Inside the root, on a page that has chrome, lists of links to the site's
other pages (`linklists`) and rows of teaser cards beside the article
text (`cards`) are chrome too.
A page with no chrome and no such element keeps everything; so does
content="all". The soup is not changed: the caller skips what we name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Tag

from convert.readers.html.content.cards import card_lists
from convert.readers.html.content.density import TextStats
from convert.readers.html.content.guide import guided_root
from convert.readers.html.content.linklists import link_lists, site_domain
from convert.readers.html.dom import HEADING_NAMES, SKIP_NAMES, child_tags, depth, is_inside, node_key, node_keys
from convert.readers.html.inline import squash

_CHROME_TAGS = frozenset({"nav", "aside", "footer"})
_CHROME_WORDS = frozenset({
    "ad", "ads", "adv", "advert", "advertisement", "banner", "sponsor", "side", "foot", "aside",
    "popup", "modal", "toolbar", "pagination", "pager",
    "adbox", "gg",  # "gg" is 广告 (ad) in pinyin
    "comment", "comments", "commentbox", "commentlist", "disqus",  # not a prefix: "commentary" is content
    "byline", "credit", "credits", "bio",  # its facts are metadata already; photo credits; author bios
    "prev", "previous", "next", "prevlink", "nextlink", "tagcloud",
    "popular", "mostread", "trending", "readmore",  # "most popular stories", "read more" teasers
    "tags", "newsletter", "subscribe", "signup",  # tag lists; "get our newsletter" boxes
})
# Whole class names only: "hd"/"ft" are the header and footer of YUI-style and forum themes, but
# inside a longer name they are something else ("oflow-hd": overflow hidden).
_CHROME_NAMES = frozenset({"hd", "ft"})
_CHROME_PREFIXES = (
    "nav", "menu", "breadcrumb", "crumb", "share", "sharing", "social", "related",
    "footer", "sidebar", "cookie", "copyright", "recommend", "advert",
)
_SECTION_MAX_LINK_DENSITY = 0.5  # an anchored section with more link text is a link list
_CHROME_MAX_SHARE = 0.6  # chrome is small beside the text: an element holding more is not chrome
_CONTENT_TOKENS = frozenset({
    "article", "content", "main-text", "maintext", "post-body", "postbody", "articlebody",
    "article-body", "entry-content", "story-body", "text-content",
})
_CONTENT_WORDS = ("article", "content")
_WORD_SPLIT = re.compile(r"[-_\s]+")
_ANCHOR_WORD = re.compile(r"[^\W_]+")
_HEADINGS = list(HEADING_NAMES)  # a list: bs4's find() takes lists of names


@dataclass
class Selection:
    root: Tag
    dropped: list[Tag] = field(default_factory=list)  # chrome inside the root
    outside: int = 0  # elements with text left out because they are outside the root

    @property
    def dropped_count(self) -> int:
        return len(self.dropped) + self.outside


def body_of(soup: BeautifulSoup) -> Tag:
    return soup.body or soup


def select_content(soup: BeautifulSoup, mode: str, html: str = "") -> Selection:
    """`html` is the page's markup for readability-lxml to read when our rules find no container."""
    body = body_of(soup)
    if mode == "all":
        return Selection(body)
    stats = TextStats(body)
    chrome = find_chrome(body, stats)
    root = _choose_root(body, chrome, TextStats(body, leave_out=chrome))
    if root is body and html and chrome:
        root = guided_root(body, html, chrome) or body
    inside = [tag for tag in chrome if tag is not root and is_inside(tag, root)]
    if chrome:  # a web page, not a plain document: its lists of links to other pages are chrome too
        inside = [*inside, *link_lists(root, site_domain(soup), stats, node_keys(inside))]
        inside = _in_document_order(root, [*inside, *card_lists(root, inside, stats)])
    return Selection(root, inside, _count_outside(root, body))


def find_chrome(root: Tag, stats: TextStats | None = None) -> list[Tag]:
    """The outermost chrome elements under `root`, in document order (an explicit stack, no recursion)."""
    stats = stats or TextStats(root)
    found: list[Tag] = []
    limit = stats.text(root) * _CHROME_MAX_SHARE
    landmarks = _article_landmarks(root, stats)
    stack: list[tuple[Tag, bool]] = [(child, False) for child in reversed(child_tags(root))]
    while stack:
        tag, in_article = stack.pop()
        if tag.name in SKIP_NAMES:
            continue
        if _looks_like_chrome(tag, in_article, stats) and (stats.text(tag) <= limit or _is_aside(tag)) \
                and not _holds_any(tag, landmarks):
            found.append(tag)
            continue
        in_article = in_article or tag.name in ("article", "main")
        stack.extend((child, in_article) for child in reversed(child_tags(tag)))
    return found


def _is_aside(tag: Tag) -> bool:
    """A page's own word for "beside the article": chrome whatever its size (a live ticker or a
    column of teasers can outweigh a short article). Size still decides for class names."""
    return tag.name == "aside" or str(tag.get("role") or "").lower() == "complementary"


def _article_landmarks(root: Tag, stats: TextStats) -> list[Tag]:
    """What marks the page's own article: its headline, every <main>, and the <article> with the
    most text. An element holding one is a wrapper, not chrome, whatever its name says.
    A "related stories" block full of teaser <article>s, or a sidebar titling its sections
    with <h1>s, holds none of them."""
    articles: list[Tag] = []
    headings: list[Tag] = []
    mains: list[Tag] = []
    for node in root.descendants:
        if isinstance(node, Tag):
            {"article": articles, "h1": headings, "main": mains}.get(node.name, []).append(node)
    longest = [max(articles, key=stats.text)] if articles else []
    return [*_headlines(root, headings), *mains, *longest]


def _headlines(root: Tag, headings: list[Tag]) -> list[Tag]:
    """The <h1> that the page's <title> repeats; every <h1> when none or only one is found."""
    title_tag = root.find_parent("html")
    title_tag = title_tag.find("title") if title_tag is not None else None
    title = squash(title_tag.get_text()).lower() if title_tag is not None else ""
    if len(headings) < 2 or not title:
        return headings
    in_title = [h for h in headings if (text := squash(h.get_text()).lower()) and text in title]
    return in_title or headings


def _holds_any(tag: Tag, landmarks: list[Tag]) -> bool:
    return any(is_inside(mark, tag) for mark in landmarks)


def _looks_like_chrome(tag: Tag, in_article: bool, stats: TextStats) -> bool:
    if tag.name in _CHROME_TAGS or (tag.name == "header" and not in_article):
        return True
    if str(tag.get("role") or "").lower() in ("navigation", "banner", "contentinfo", "complementary"):
        return True
    anchor = _heading_anchor(tag, stats)
    for token in _tokens(tag):
        if token == anchor:
            continue
        if token in _CHROME_NAMES:
            return True
        for word in _WORD_SPLIT.split(token):
            if word in _CHROME_WORDS or word.startswith(_CHROME_PREFIXES):
                return True
    return False


def _heading_anchor(tag: Tag, stats: TextStats) -> str:
    """The element's id when it is its heading's text made into an anchor ("sharing-your-work" for
    <h2>Sharing your work</h2>), as documentation generators name prose sections: words, not a role.
    A link list under its heading (<div id="related-posts"><h3>Related posts</h3>) keeps its id."""
    element_id = str(tag.get("id") or "").lower()
    id_words = _ANCHOR_WORD.findall(element_id)
    if len(id_words) < 2 or stats.link_density(tag) >= _SECTION_MAX_LINK_DENSITY:
        return ""
    heading = tag.find(_HEADINGS)
    heading_words = _ANCHOR_WORD.findall(heading.get_text().lower()) if heading is not None else []
    return element_id if heading_words[:len(id_words)] == id_words else ""


def _names_content(tag: Tag) -> bool:
    for token in _tokens(tag):
        if token in _CONTENT_TOKENS or any(word in _CONTENT_WORDS for word in _WORD_SPLIT.split(token)):
            return True
    return str(tag.get("itemprop") or "").lower() == "articlebody"


def _tokens(tag: Tag) -> list[str]:
    classes = tag.get("class") or []
    if isinstance(classes, str):
        classes = classes.split()
    return [str(token).lower() for token in [*classes, str(tag.get("id") or "")] if token]


def _choose_root(body: Tag, chrome: list[Tag], net: TextStats) -> Tag:
    """`net` counts text outside chrome. Candidates are weighed by their prose: a column of
    headline links must not outweigh the article."""
    content_length = net.prose(body)
    if content_length <= 0:
        return body
    in_chrome = node_keys(node for tag in chrome for node in (tag, *tag.descendants) if isinstance(node, Tag))

    def usable(tag: Tag) -> bool:
        return tag is not body and node_key(tag) not in in_chrome

    articles: list[Tag] = []
    mains: list[Tag] = []
    named: list[Tag] = []
    for node in body.descendants:  # one plain pass; bs4's find_all filters are slow on big pages
        if isinstance(node, Tag):
            if node.name == "article":
                articles.append(node)
            elif node.name == "main" or node.get("role") == "main":
                mains.append(node)
            if _names_content(node):
                named.append(node)

    half = content_length / 2
    for group in (articles, mains):
        scored = [(net.prose(tag), tag) for tag in group if usable(tag)]
        if scored:
            length, best = max(scored, key=lambda pair: pair[0])
            if length >= half:
                return best
    scored = [(length, tag) for tag in named if usable(tag) and (length := net.prose(tag)) >= half]
    if not scored:
        return body
    most = max(length for length, _ in scored)
    close = [tag for length, tag in scored if length >= most * 0.9]
    return max(close, key=depth)  # the innermost: a wrapper that also holds a sidebar loses


def _count_outside(root: Tag, body: Tag) -> int:
    count = 0
    node = root
    while node is not body and node.parent is not None:
        for sibling in child_tags(node.parent):
            if sibling is not node and sibling.name not in SKIP_NAMES and sibling.get_text().strip():
                count += 1
        node = node.parent
    return count


def _in_document_order(root: Tag, tags: list[Tag]) -> list[Tag]:
    wanted = node_keys(tags)
    return [node for node in root.descendants if isinstance(node, Tag) and node_key(node) in wanted]
