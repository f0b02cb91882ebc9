"""Finding the article with readability-lxml when the page's markup names nothing.

Our own rules (`chooser`) trust what a page says about itself: an
<article>, a <main>, a container named "content". Many real pages say nothing
(Chinese CMS pages with `class="TRS_Editor"`, forum posts in `td.t_f`, table
layouts). For those, readability-lxml's scoring finds the article well
(bench/measure_extraction.py), but its output is a cleaned copy that drops
and rewrites markup, so it never becomes our tree. We only use its TEXT to
point at an element of our own soup:

  * every text node of the page that readability kept counts as "wanted";
  * the chosen element is the one whose text best matches the wanted text
    (highest F1 of wanted characters against all its characters; the deepest on a tie);
  * it is accepted only when what it leaves out looks like chrome: mostly link
    text, form controls or elements our rules already call chrome. A plain
    document without chrome thus keeps everything even if readability would
    have cut its first paragraph.

Only asked when our rules found some chrome on the page: a page without any
keeps everything, and readability never runs on plain documents.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from bs4 import Tag

from convert.readers.html.dom import SKIP_NAMES, depth, is_inside, is_text, node_key, node_keys
from convert.readers.html.inline import squash

_MIN_RECALL = 0.8  # the element must hold most of what readability kept
_MIN_CHROME_SHARE = 0.5  # of the left-out text, this much must be links, controls or known chrome
_LINKISH = frozenset({"a", "button", "label", "select", "form", "nav", "option"})


def wanted_strings(html: str) -> set[str]:
    """The text nodes readability-lxml keeps as the article, squashed; empty if it finds nothing."""
    try:
        import lxml.html
        from readability import Document
    except ImportError:  # readability-lxml not installed: our own rules only
        return set()
    logging.getLogger("readability.readability").setLevel(logging.ERROR)  # it logs every candidate
    try:
        summary = Document(html).summary(html_partial=True)
        tree = lxml.html.fromstring(summary)
    except Exception:  # a page readability cannot parse: our own rules only
        return set()
    return {text for text in (squash(piece) for piece in tree.itertext()) if text}


def guided_root(body: Tag, html: str, chrome: Iterable[Tag]) -> Tag | None:
    """The element of `body` holding the article readability finds, or None to keep our own choice."""
    wanted = wanted_strings(html)
    if not wanted:
        return None
    chrome_keys = node_keys(chrome)
    kept: dict[int, int] = {}
    total: dict[int, int] = {}
    tags: dict[int, Tag] = {}
    outside_chrome: list[tuple[Tag, int, bool]] = []  # (string parent, length, link or chrome)
    for node in body.descendants:
        if not is_text(node) or node.parent is None or _skipped(node.parent, body):
            continue
        text = squash(str(node))
        if not text:
            continue
        is_wanted = text in wanted
        chromy = False
        for parent in _parents_up_to(node.parent, body):
            key = node_key(parent)
            tags[key] = parent
            total[key] = total.get(key, 0) + len(text)
            if is_wanted:
                kept[key] = kept.get(key, 0) + len(text)
            chromy = chromy or parent.name in _LINKISH or key in chrome_keys
        outside_chrome.append((node.parent, len(text), chromy))
    all_kept = kept.get(node_key(body), 0)
    if not all_kept:
        return None

    def score(key: int) -> tuple[float, int]:
        recall = kept.get(key, 0) / all_kept
        precision = kept.get(key, 0) / total[key]
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return f1, depth(tags[key])

    best_key = max((key for key in tags if kept.get(key, 0) / all_kept >= _MIN_RECALL), key=score)
    best = tags[best_key]
    if best is body:
        return None
    left_out = [(length, chromy) for parent, length, chromy in outside_chrome if not is_inside(parent, best)]
    left_out_length = sum(length for length, _ in left_out)
    chrome_length = sum(length for length, chromy in left_out if chromy)
    if not left_out_length or chrome_length / left_out_length < _MIN_CHROME_SHARE:
        return None  # nothing to gain, or what would go is not chrome
    return best


def _skipped(tag: Tag, body: Tag) -> bool:
    return any(parent.name in SKIP_NAMES for parent in _parents_up_to(tag, body))


def _parents_up_to(tag: Tag, top: Tag) -> list[Tag]:
    chain = []
    node: Tag | None = tag
    while node is not None:
        chain.append(node)
        if node is top:
            return chain
        node = node.parent
    return chain
