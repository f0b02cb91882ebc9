"""Lists of story teasers beside the article's own text.

Under a page's article root there is often, after the story, a block such as
"More in Opinion" or "Other columns": a heading and a row of cards, each a
linked headline with a line or two of summary. Those cards are mostly prose,
so link density alone does not catch them, and class names vary.

We find the article's text core: the deepest element under the root that
holds most (`_CORE_SHARE`) of the root's prose. Next to the core (a sibling
of it or of one of its ancestors below the root) a block is a card list when
at least `_MIN_CARDS` elements of one kind, side by side, each short and
each with a link, make up almost all of its text. Inside the core nothing is
touched: an article's own list of links stays; nor is a block with an <h1>.
"""

from __future__ import annotations

from bs4 import Tag

from convert.readers.html.dom import SKIP_NAMES, node_key, node_keys
from convert.readers.html.content.density import TextStats

_CORE_SHARE = 0.8  # the core holds this share of the root's prose
_MIN_CARDS = 3
_MAX_CARD_LENGTH = 400  # a teaser is a headline and a line or two; a longer item is prose
_CARDS_SHARE = 0.8  # the cards make up this share of the block's text


def card_lists(root: Tag, skip: list[Tag], stats: TextStats) -> list[Tag]:
    """Blocks beside the text core of `root` that are lists of teaser cards; `skip` is chrome already found."""
    skip_keys = node_keys(skip)
    core = _text_core(root, TextStats(root, leave_out=skip), skip_keys)
    found: list[Tag] = []
    node = core
    while node is not root and node.parent is not None:
        for sibling in node.parent.children:
            if isinstance(sibling, Tag) and sibling is not node and node_key(sibling) not in skip_keys \
                    and sibling.name not in SKIP_NAMES and _is_card_list(sibling, stats):
                found.append(sibling)
        node = node.parent
    return found


def _text_core(root: Tag, net: TextStats, skip_keys: frozenset[int]) -> Tag:
    """`net` counts text outside the chrome found so far."""
    total = net.prose(root)
    core = root
    while total > 0:
        children = [c for c in core.children if isinstance(c, Tag) and node_key(c) not in skip_keys]
        best = max(children, key=net.prose, default=None)
        if best is None or net.prose(best) < total * _CORE_SHARE:
            return core
        core = best
    return core


def _is_card_list(block: Tag, stats: TextStats) -> bool:
    total = stats.text(block)
    if not total or block.find("h1") is not None:  # the headline with its standfirst and byline
        return False
    for holder in [block, *block.find_all(True)]:
        cards = [child for child in holder.children if isinstance(child, Tag) and stats.text(child)]
        if len(cards) < _MIN_CARDS or len({card.name for card in cards}) != 1:
            continue
        lengths = [stats.text(card) for card in cards]
        if max(lengths) <= _MAX_CARD_LENGTH and sum(lengths) >= total * _CARDS_SHARE \
                and all(stats.link_count(card) and _has_page_link(card) for card in cards):
            return True
    return False


def _has_page_link(tag: Tag) -> bool:
    return any(not str(link.get("href") or "#").startswith("#") for link in tag.find_all("a"))

