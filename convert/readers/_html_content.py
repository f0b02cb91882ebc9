"""Which part of an HTML page is the document (content="auto"), and which is page chrome.

Chrome: <nav>, <aside>, <footer>, a <header> outside any <article>/<main>,
and elements whose id or class words say nav, menu, breadcrumb, share,
related, comment, footer, sidebar, ad, cookie (and a few kin) — unless the
element holds an <h1>, <article> or <main>, or more than 60% of the page's
text, which chrome never does.

The root: the <article> holding most of the text, else <main> (or
role="main"), else the deepest element whose id/class names content
(article, content, main-text, post-body, ...) — each only if it holds at
least half of the page's text outside chrome. Otherwise the element that
readability-lxml's text points at, when what it leaves out looks like chrome
(`_html_guide`); otherwise the whole <body>.
A page with no chrome and no such element keeps everything; so does
content="all". The soup is not changed: the caller skips what we name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Tag

from convert.readers._html_blocks import SKIP_NAMES
from convert.readers._html_guide import guided_root

_CHROME_TAGS = frozenset({"nav", "aside", "footer"})
_CHROME_WORDS = frozenset({
    "ad", "ads", "adv", "advert", "advertisement", "banner", "sponsor", "side", "foot", "aside",
    "popup", "modal", "toolbar", "pagination", "pager",
    "hd", "ft", "adbox", "gg",  # header/footer in YUI-style and forum themes; "gg" is 广告 (ad) in pinyin
    "comment", "comments", "commentbox", "commentlist", "disqus",  # not a prefix: "commentary" is content
    "byline", "credit", "credits", "bio",  # its facts are metadata already; photo credits; author bios
    "prev", "previous", "next", "prevlink", "nextlink", "tagcloud",
    "popular", "mostread", "trending", "readmore",  # "most popular stories", "read more" teasers
})
_CHROME_PREFIXES = (
    "nav", "menu", "breadcrumb", "crumb", "share", "sharing", "social", "related",
    "footer", "sidebar", "cookie", "copyright", "recommend", "advert",
)
_CHROME_MAX_SHARE = 0.6  # chrome is small beside the text: an element holding more is not chrome
_CONTENT_TOKENS = frozenset({
    "article", "content", "main-text", "maintext", "post-body", "postbody", "articlebody",
    "article-body", "entry-content", "story-body", "text-content",
})
_CONTENT_WORDS = ("article", "content")
_NEVER_CHROME = ["h1", "article", "main"]
_WORD_SPLIT = re.compile(r"[-_\s]+")


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
    chrome = find_chrome(body)
    chrome_ids = {id(tag) for tag in chrome}
    content_length = text_length(body) - sum(text_length(tag) for tag in chrome)
    root = _choose_root(body, chrome, chrome_ids, content_length)
    if root is body and html and chrome:
        root = guided_root(body, html, chrome) or body
    inside = [tag for tag in chrome if tag is root or _is_inside(tag, root)]
    return Selection(root, [tag for tag in inside if tag is not root], _count_outside(root, body))


def find_chrome(root: Tag) -> list[Tag]:
    """The outermost chrome elements under `root`, in document order (an explicit stack, no recursion)."""
    found: list[Tag] = []
    limit = text_length(root) * _CHROME_MAX_SHARE
    stack: list[tuple[Tag, bool]] = [(child, False) for child in reversed(_child_tags(root))]
    while stack:
        tag, in_article = stack.pop()
        if tag.name in SKIP_NAMES:
            continue
        if _looks_like_chrome(tag, in_article) and tag.find(_NEVER_CHROME) is None \
                and text_length(tag) <= limit:
            found.append(tag)
            continue
        in_article = in_article or tag.name in ("article", "main")
        stack.extend((child, in_article) for child in reversed(_child_tags(tag)))
    return found


def _looks_like_chrome(tag: Tag, in_article: bool) -> bool:
    if tag.name in _CHROME_TAGS or (tag.name == "header" and not in_article):
        return True
    if str(tag.get("role") or "").lower() in ("navigation", "banner", "contentinfo", "complementary"):
        return True
    for token in _tokens(tag):
        for word in _WORD_SPLIT.split(token):
            if word in _CHROME_WORDS or word.startswith(_CHROME_PREFIXES):
                return True
    return False


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


def _choose_root(body: Tag, chrome: list[Tag], chrome_ids: set[int], content_length: int) -> Tag:
    if content_length <= 0:
        return body

    def net_length(tag: Tag) -> int:
        return text_length(tag) - sum(text_length(c) for c in chrome if _is_inside(c, tag))

    def usable(tag: Tag) -> bool:
        return tag is not body and id(tag) not in chrome_ids and not any(_is_inside(tag, c) for c in chrome)

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
        scored = [(net_length(tag), tag) for tag in group if usable(tag)]
        if scored:
            length, best = max(scored, key=lambda pair: pair[0])
            if length >= half:
                return best
    scored = [(length, tag) for tag in named if usable(tag) and (length := net_length(tag)) >= half]
    if not scored:
        return body
    most = max(length for length, _ in scored)
    close = [tag for length, tag in scored if length >= most * 0.9]
    return max(close, key=_depth)  # the innermost: a wrapper that also holds a sidebar loses


def _count_outside(root: Tag, body: Tag) -> int:
    count = 0
    node = root
    while node is not body and node.parent is not None:
        for sibling in _child_tags(node.parent):
            if sibling is not node and sibling.name not in SKIP_NAMES and sibling.get_text().strip():
                count += 1
        node = node.parent
    return count


def text_length(tag: Tag) -> int:
    return sum(len(text.strip()) for text in tag.strings)


def _is_inside(tag: Tag, ancestor: Tag) -> bool:
    return any(parent is ancestor for parent in tag.parents)


def _depth(tag: Tag) -> int:
    return sum(1 for _ in tag.parents)


def _child_tags(tag: Tag) -> list[Tag]:
    return [child for child in tag.children if isinstance(child, Tag)]
