"""The article title from a page's <title> or og:title: the site's name and section cut off.

Pages write "Headline | Site", "Headline - Section - Site", "Headline » Section » Site",
"标题_频道_某某网", "标题-某某网", or the site first, "Site | Headline". A suffix is
cut when the page confirms it:

  1. the part before the separator is the page's headline (an <h1>, twitter:title);
     then any separator counts, a bare "-" too, as the headline vouches for the cut;
  2. the last part is the site's name (og:site_name, the publisher, the host name);
  3. otherwise, at a spaced separator ("|", " - ", "_", "–", "»") after which every part is
     short (≤ 20 characters, none longer than the part kept): the shape of "Section - Site".

A title with a hyphen of its own ("Spider-Man: A review", "Covid - the aftermath") keeps it
unless one of these holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from bs4 import Tag

from convert.readers.html.inline import squash
from convert.readers.html.meta.names import comparable, registered_domain

_TITLE_SEPARATOR = re.compile(r"\s*_\s*| - | \| | – | — | » |\s*[|｜]\s*")
# Any separator, with or without spaces: trusted only where the page confirms the cut
_ANY_SEPARATOR = re.compile(r"\s*(?:[-_|｜–—»·•~]+|::)\s*")
_LATIN_WORD_END = re.compile(r"[A-Za-z0-9]$")
_LATIN_WORD_START = re.compile(r"[A-Za-z0-9]")
_MAX_SECTION = 20  # characters in a "Section" or "Site" part of a suffix guessed from its shape
_MAX_CONFIRMED_SUFFIX = 40  # characters after a headline-confirmed cut at a bare separator


def clean_title(title: str, headlines: str | Sequence[str] = "", site_names: Iterable[str] = (),
                host: str = "") -> tuple[str, str]:
    """The title without its site suffix, and the site name that was cut ("" if none).
    `host` is the name part of the page's host ("example" for www.example.com)."""
    title = squash(title)
    sites = [site for site in site_names if site]
    # a logo in an <h1>, or a twitter:title naming the site, is no headline
    candidates = [headlines] if isinstance(headlines, str) else headlines
    headlines = [h for h in candidates if h and not _is_site(h, sites, "")]
    if not title or any(_same_text(title, h) for h in headlines):
        return title, ""
    for headline in headlines:
        cut = _after_headline(title, headline)
        if cut is not None:
            return cut
    if sites or host:
        cut = _around_site_name(title, sites, host)
        if cut is not None:
            return cut
    for cut in _TITLE_SEPARATOR.finditer(title):
        kept, rest = title[:cut.start()].strip(), title[cut.end():]
        parts = [part.strip() for part in _TITLE_SEPARATOR.split(rest) if part.strip()]
        if kept and parts and max(map(len, parts)) <= min(_MAX_SECTION, len(kept)):
            return kept, parts[-1]
    return title, ""


def host_name(url: str) -> str:
    """The name part of a URL's host: "www.example.co.uk" -> "example", "news.cn" -> "news"."""
    name = registered_domain(url).split(".")[0]
    return name if len(name) >= 3 else ""


def _after_headline(title: str, headline: str) -> tuple[str, str] | None:
    end = _prefix_end(title, headline)
    if end is None:
        return None
    rest = title[end:]
    spaced = _TITLE_SEPARATOR.match(rest)
    bare = _ANY_SEPARATOR.match(rest)
    if not bare or not (spaced or len(rest) - bare.end() <= _MAX_CONFIRMED_SUFFIX):
        return None
    tail = rest[bare.end():]
    if not spaced and _LATIN_WORD_END.search(title[:end]) and _LATIN_WORD_START.match(tail) \
            and len(tail) * 2 > end:
        return None  # "Covid-19 cases rise" under an <h1> "Covid": a hyphenated word, not "Headline-Site"
    parts = [part.strip() for part in _ANY_SEPARATOR.split(rest[bare.end():]) if part.strip()]
    return title[:end].strip(), parts[-1] if parts else ""


def _around_site_name(title: str, sites: list[str], host: str) -> tuple[str, str] | None:
    """Cut "… | Site" when the tail is the site's name, then the sections before it by their
    shape; or "Site | …" when the head is."""
    for cut in reversed(list(_ANY_SEPARATOR.finditer(title))):
        kept, tail = title[:cut.start()].strip(), title[cut.end():].strip()
        if kept and cut.group().strip() and _is_site(tail, sites, host):
            return clean_title(kept)[0], tail
    first = _TITLE_SEPARATOR.search(title)
    head = comparable(title[:first.start()]) if first else ""
    if head and (head == host or any(head == comparable(site) for site in sites)) and title[first.end():].strip():
        return clean_title(title[first.end():])[0], title[:first.start()].strip()
    return None


def _is_site(part: str, sites: list[str], host: str) -> bool:
    plain = comparable(part)
    if plain and any(plain == comparable(site) for site in sites):
        return True
    # the host's name inside one short part: "Example.com", "Example News", "示例网 Example.com"
    return bool(host) and len(part) <= _MAX_SECTION + 10 and not _ANY_SEPARATOR.search(part) and bool(
        re.search(rf"(?<![^\W_]){re.escape(host)}(?![^\W\d_])", part.casefold()))


def _prefix_end(title: str, headline: str) -> int | None:
    """Where in `title` the text of `headline` ends when the title starts with it, spaces aside."""
    wanted = re.sub(r"\s+", "", headline)
    matched = 0
    for index, char in enumerate(title):
        if char.isspace():
            continue
        if char != wanted[matched]:
            return None
        matched += 1
        if matched == len(wanted):
            return index + 1
    return None


def _same_text(a: str, b: str) -> bool:
    return re.sub(r"\s+", "", a) == re.sub(r"\s+", "", b) != ""


# ------------------------------------------- headlines that are no <h1>

_HEADLINE_MARK = re.compile(r"title|headline", re.IGNORECASE)
_MAX_HEADLINE_LIKE = 5


def headline_like_texts(root: Tag) -> list[str]:
    """Texts of the elements a page without an <h1> marks as its headline: class or id saying
    "title"/"headline" (<div class="article-title">), else its largest heading. They vouch for
    cutting a site suffix off <title> as an <h1> would."""
    body = next(iter(root.find_parents("body")), None) or root
    marked = [tag for tag in body.find_all(True) if tag.name not in ("a", "title")
              and any(_HEADLINE_MARK.search(mark) for mark in [*(tag.get("class") or []), str(tag.get("id") or "")])]
    texts = [squash(tag.get_text(" ")) for tag in marked]
    heading = next((tag for name in ("h2", "h3") if (tag := body.find(name)) is not None), None)
    if heading is not None:
        texts.append(squash(heading.get_text(" ")))
    return [text for text in texts if 4 <= len(text) <= 150][:_MAX_HEADLINE_LIKE]


def headline_by_title(root: Tag, title: str) -> Tag | None:
    """The element showing the page's title in its body, for pages whose headline is no <h1>
    (a <div class="title">, an <h2>): the first whose whole text is the title."""
    wanted = re.sub(r"\s+", "", title)
    if not wanted:
        return None
    body = next(iter(root.find_parents("body")), None) or root
    for text in body.find_all(string=True):
        if isinstance(text.parent, Tag) and text.parent.name not in ("script", "style", "title") \
                and re.sub(r"\s+", "", str(text)) == wanted:
            return text.parent
    return None
