"""Blocks of a web page that are lists of links to the site's other pages.

"Most read", "latest news", "related stories", tag lists, section menus:
whatever a site calls them, they are blocks whose text is almost all links,
and the links lead to the same site: root-relative ("/news/...") or to the
site's own domain. A list of links the author chose — references, "software
I use", a reading list — points to other sites and stays. So do a document
set's cross-references: documentation generators (Sphinx's toctree, mkdocs,
javadoc) link page to page with document-relative paths ("install.html",
"../api/"), which a CMS's menus and teasers do not use. Links within the page
(a table of contents, "#top") are the page's own and never make a list chrome.

The site is the host of the page's canonical URL (<link rel="canonical">,
og:url); a saved page without one is taken to belong to the domain most of
its links go to, when that domain clearly dominates.
"""

from __future__ import annotations

from collections import Counter
from urllib.parse import urlsplit

from bs4 import Tag

from convert.readers.html.dom import SKIP_NAMES, node_key
from convert.readers.html.content.density import TextStats
from convert.readers.html.meta.names import registered_domain

_LINK_LIST_DENSITY = 0.8  # this share of link text or more: a list of links, not prose
_MIN_LINKS = 3  # fewer links is a sentence with a link or two, not a list
_SITE_SHARE = 0.5  # of the list's link text, this much must stay on the site
_CONTAINER_NAMES = frozenset({"div", "section", "ul", "ol", "table", "dl", "aside", "nav", "footer", "header"})
_DOMINANT_LINKS = 10  # a saved page's own domain: at least this many of its links ...
_DOMINANT_SHARE = 0.3  # ... and this share of those with a host


def site_domain(page: Tag) -> str:
    """The registrable domain ("example.co.uk") the page belongs to, or "" when unknown."""
    canonical = page.find("link", rel="canonical")
    og_url = page.find("meta", attrs={"property": "og:url"})
    for url in (canonical.get("href") if canonical else "", og_url.get("content") if og_url else ""):
        domain = registered_domain(str(url or ""))
        if domain:
            return domain
    domains = Counter(domain for link in page.find_all("a", href=True) if (domain := registered_domain(str(link["href"]))))
    if not domains:
        return ""
    domain, count = domains.most_common(1)[0]
    return domain if count >= _DOMINANT_LINKS and count / sum(domains.values()) >= _DOMINANT_SHARE else ""


def link_lists(root: Tag, site: str, stats: TextStats, skip_keys: frozenset[int]) -> list[Tag]:
    """The outermost blocks under `root` (not `root` itself) that are lists of links to the site."""
    found: list[Tag] = []
    stack = [child for child in reversed(root.contents) if isinstance(child, Tag)]
    while stack:
        tag = stack.pop()
        if node_key(tag) in skip_keys or tag.name in SKIP_NAMES:
            continue
        if tag.name in _CONTAINER_NAMES and _is_site_link_list(tag, site, stats):
            found.append(tag)
            continue
        stack.extend(child for child in reversed(tag.contents) if isinstance(child, Tag))
    return found


def _is_site_link_list(tag: Tag, site: str, stats: TextStats) -> bool:
    total = stats.text(tag)
    if not total or stats.link_count(tag) < _MIN_LINKS or stats.links(tag) < total * _LINK_LIST_DENSITY:
        return False
    links = [(link, stats.text(link)) for link in tag.find_all("a")]
    link_text = sum(length for _, length in links)
    on_site = sum(length for link, length in links if _stays_on_site(str(link.get("href") or ""), site))
    return on_site >= link_text * _SITE_SHARE


def _stays_on_site(href: str, site: str) -> bool:
    """A root-relative link, a script link (a widget's control), or one to the site's own domain."""
    href = href.strip()
    if href.lower().startswith("javascript:"):
        return True
    parts = urlsplit(href)
    if not parts.netloc:  # "mailto:" and other schemes leave the site; see the module notes on paths
        return not parts.scheme and parts.path.startswith("/")
    return bool(site) and registered_domain(href) == site
