"""Author names for the HTML reader: splitting a byline into names, and finding the byline on the page.

A byline is written for people to read, not parsed: "By A, B and C, CNN",
"A & B", "张三、李四". `split_byline` turns one into the names it lists;
`drop_outlet_credit` removes the news outlet credited after the people.

When no metadata names the author, `page_byline` looks at the page's own
markup: itemprop="author", rel="author", or an element whose class says
byline/author. Pages repeat such markup in teasers, related stories and
comments, so the one nearest after the headline wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bs4 import CData, NavigableString, Tag

from convert.readers.html.dom import node_key, node_keys
from convert.readers.html.inline import squash
from convert.readers.html.meta.names import comparable

# "By", "Written by", "Author:", French "Par", Spanish "Por", 作者/记者, "文/"; whole words only
# ("Byron", "Parker" and 文天祥 keep their first letters)
BYLINE_PREFIX = re.compile(r"^(?:(?:(?:written|story|words|posted)\s+)?by\b|authors?\b|par\b|por\b"
                           r"|作者|记者|文(?=\s|[:：/]))\s*[:：/]?\s*",
                           re.IGNORECASE)
_NAME_SEPARATOR = re.compile(r"\s*(?:[,，;；、|]|&|\band\b)\s*", re.IGNORECASE)
_CJK_NAME_PAIR = re.compile(r"^([\u4e00-\u9fff]{2,4})和([\u4e00-\u9fff]{2,4})$")
# "李强 王芳": Chinese names with only spaces between them
_CJK_NAMES = re.compile(r"^[\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4})+$")
_INITIALS = re.compile(r"^(?:[A-Z]\.\s*)+$")  # "F." of "Kooman, F.": the rest of a "Last, F." name
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")  # CNN, AFP, AP, BBC, NPR: agencies and outlets, not people
# Where the names in a byline's text stop: a date or time, a separator, "on"/"updated"/"published"
_BYLINE_END = re.compile(
    r"\s+(?:on|at|updated|published|posted|last updated)\b.*$|\s+[|•·–—]\s.*$|\s+-\s.*$"
    r"|\s*\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d.*$|\s*\d.*$",
    re.IGNORECASE)
# class names of bylines: "byline", "pb-byline", "FeatureByline"; "author", "post-author",
# "author-name", "author-meta-name", but not "author-bio", "author-avatar", "authors-container"
_BYLINE_CLASS = re.compile(r"byline|^(?:[a-z]+[-_]+)?(?:author|writer)s?(?:(?:[-_]+[a-z]+)?[-_]*name)?$", re.IGNORECASE)
_OTHER_LABEL = re.compile(r"^[^\s:：]{1,12}\s*[:：]")
_COMMENTS = re.compile(r"^(?:comments?(?:[-_]|list$|$)|disqus)", re.IGNORECASE)
_MAX_BYLINE = 120  # characters; longer is an author's bio or a teaser, not a byline
_MAX_NAME = 60
_LOOK_AHEAD = 400  # elements after the headline searched for its byline


def split_byline(text: str) -> list[str]:
    """The names one byline lists, in order: "By A, B and C" -> [A, B, C]."""
    text = BYLINE_PREFIX.sub("", squash(text))
    names: list[str] = []
    for part in _NAME_SEPARATOR.split(text):
        part = BYLINE_PREFIX.sub("", part.strip())
        if not part:
            continue
        if _INITIALS.match(part) and names:
            names[-1] = f"{names[-1]}, {part}"
            continue
        pair = _CJK_NAME_PAIR.match(part)  # "张三和李四"; 和 inside a three-character name stays
        names.extend(pair.groups() if pair else part.split() if _CJK_NAMES.match(part) else [part])
    return list(dict.fromkeys(names))


def drop_outlet_credit(names: Iterable[str], outlets: Iterable[str]) -> tuple[str, ...]:
    """The names without a news outlet credited last ("By A and B, CNN"): one that is an
    acronym or is the site's own name. A byline naming only the outlet ("AFP") keeps it."""
    names = tuple(names)
    known = {comparable(outlet) for outlet in outlets if outlet}
    if len(names) > 1 and (_ACRONYM.match(names[-1]) or comparable(names[-1]) in known):
        return names[:-1]
    return names


def page_byline(scope: Tag, headline: Tag | None) -> tuple[str, ...]:
    """The names in the byline the page marks up, the first one after the headline if it has
    one there, else the first in scope."""
    after_headline = _elements_after(headline) if headline is not None else []
    for candidates in (after_headline, scope.descendants):
        for element in candidates:
            if isinstance(element, Tag) and _is_byline_markup(element) and not _in_comments(element):
                names = _byline_names(element)
                if names:
                    return names
    return ()


def _elements_after(headline: Tag) -> list[Tag]:
    found = []
    for element in headline.next_elements:
        if isinstance(element, Tag):
            if element.name == "h1":
                break  # the next story's headline: its byline is not ours
            found.append(element)
            if len(found) >= _LOOK_AHEAD:
                break
    return found


def _is_byline_markup(element: Tag) -> bool:
    if "author" in str(element.get("itemprop") or "").lower().split():
        return True
    if element.name == "a" and "author" in (element.get("rel") or []):
        return True
    classes = element.get("class") or []
    return any(_BYLINE_CLASS.search(name) and "comment" not in name.lower() for name in classes)


def _in_comments(element: Tag) -> bool:
    """Inside a comment thread, where class="author" names a commenter."""
    return any(_COMMENTS.match(mark) for parent in element.parents
               for mark in [*(parent.get("class") or []), str(parent.get("id") or "")])


def _byline_names(element: Tag) -> tuple[str, ...]:
    """The names in a byline element. One holding finer byline markup (a "byline" box with
    rel="author" links, an "article-author" card with its "author-name") speaks through those:
    the box also holds dates, counts and bios."""
    name_tag = element.find(attrs={"itemprop": "name"}) if "author" in str(element.get("itemprop") or "") else None
    text = squash(str(element.get("content") or "") or (name_tag or element).get_text(" "))
    if not text or len(text) > _MAX_BYLINE:
        return ()
    inner = [tag for tag in element.find_all(True) if _is_byline_markup(tag)]
    if inner and name_tag is None:
        inner_keys = node_keys(inner)
        outermost = [tag for tag in inner if not any(node_key(parent) in inner_keys for parent in tag.parents)]
        return tuple(dict.fromkeys(name for tag in outermost for name in _byline_names(tag)))
    text = BYLINE_PREFIX.sub("", text)
    if _OTHER_LABEL.match(text):
        return ()  # "责任编辑：X", "Photo: X": a credit other than the author's
    text = _BYLINE_END.sub("", text).strip(" ,;:")
    return tuple(name for name in split_byline(text) if 1 < len(name) <= _MAX_NAME)


# Chinese news credit their reporters in the text, not in markup: the dateline
# "新华社巴黎12月9日电（记者唐霁）", "本站讯（通讯员 张三 李四）", or a line of its own,
# "新京报记者 张三", "采写：南都见习记者 张三", "作者：张三", "文/张三". 通讯员 (correspondents) write
# the story too; 编辑 (editors) do not, and are never matched here.
_CJK_NAME = r"[\u4e00-\u9fff][\u4e00-\u9fff·]{1,5}"
_CJK_NAME_LIST = rf"{_CJK_NAME}(?:\s*[\s、,，]\s*{_CJK_NAME})*"
_DATELINE_CREDIT = re.compile(rf"[（(]\s*[\u4e00-\u9fff]{{0,6}}?(?:记者|通讯员)\s*({_CJK_NAME_LIST})\s*[）)]")
_CREDIT_LINE = re.compile(
    rf"^(?:[\u4e00-\u9fff·：:]{{0,12}}?(?:记者|通讯员)\s+|(?:《[^》]{{1,12}}》)?作者\s*[:：]?\s*|文\s*/\s*)({_CJK_NAME_LIST})$")
_NOT_A_NAME = {"整合", "综合", "报道", "摄影", "发自", "实习生", "编译"}  # words a credit adds after the names
_OUTLET_ENDING = re.compile(r"(?:网|报|社|日报|科技|财经|新闻|电视台|传媒)$")
_MAX_CREDIT_LINE = 40
_TEXT_TYPES = (NavigableString, CData)  # what get_text gathers: not comments or doctypes
_CREDIT_ELEMENTS = ("p", "div", "span", "section", "td", "li", "strong", "em", "b", "h3", "h4", "h5", "h6")


def credited_reporters(scope: Tag) -> tuple[str, ...]:
    """The reporters an article's own text credits, first credit in the text wins."""
    for element in scope.find_all(_CREDIT_ELEMENTS):
        peeked = _peek(element)
        if peeked is None:
            continue
        text, complete, nested = peeked
        text = squash(text)
        found = _CREDIT_LINE.match(text) if complete and len(text) <= _MAX_CREDIT_LINE else None
        if not found and not nested:  # the innermost element holds the dateline
            found = _DATELINE_CREDIT.search(text[:200])
        if found:
            names = [name for name in re.split(r"[\s、,，]+", found.group(1)) if name not in _NOT_A_NAME]
            if names:
                return tuple(dict.fromkeys(names))
    return ()


def _peek(element: Tag, max_chars: int = 200, max_nodes: int = 120) -> tuple[str, bool, bool] | None:
    """The start of `element`'s text (as get_text(" ") gives it), whether that is all of it, and
    whether a credit element sits inside; None past `max_nodes` descendants. Bounded, because
    taking every element's whole text is quadratic in the nesting depth (10,000-deep pages)."""
    parts: list[str] = []
    length, complete, nested = 0, True, False
    pending, count = [iter(element.contents)], 0  # not .descendants: bs4 first walks to its end
    while pending:
        node = next(pending[-1], None)
        if node is None:
            pending.pop()
            continue
        count += 1
        if count > max_nodes:
            return None
        if isinstance(node, Tag):
            nested = nested or node.name in _CREDIT_ELEMENTS
            pending.append(iter(node.contents))
        elif type(node) in _TEXT_TYPES and complete:
            parts.append(node)
            length += len(node)
            complete = length <= max_chars
    return " ".join(parts), complete, nested


def is_outlet(name: str, outlets: Iterable[str]) -> bool:
    """A credit naming a news outlet rather than a person: "新华社", "证券时报网", "新浪科技",
    the site's own name or the start of it ("网易" of "网易科技"), or a label left over from
    the page ("转载请注明：")."""
    plain = comparable(name)
    return bool(_OUTLET_ENDING.search(name)) or name.endswith((":", "：")) \
        or any(plain and comparable(outlet).startswith(plain) for outlet in outlets if outlet)
