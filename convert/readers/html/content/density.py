"""How much readable text each element holds, and how much of it is links.

Page chrome is mostly links: menus, "most read" columns, tag lists, "next
story" teasers. An article is mostly prose. The content rules
(`chooser`, `linklists`, `cards`) weigh elements by these
measures, many times over, so `TextStats` counts them for every element of a
tree in one pass (children before parents) instead of walking a subtree per
question: a page of 10,000 nested divs costs no more than a flat one.

Text a reader never shows does not count: the contents of script, style,
<noscript> fallbacks (ad and tracker markup as text), form controls.
"""

from __future__ import annotations

from collections.abc import Iterable

from bs4 import Tag

from convert.readers.html.dom import SKIP_NAMES, is_text, node_key, node_keys


class TextStats:
    """Text and link-text lengths of every element under `root`. Elements in `leave_out` (chrome)
    keep their own counts but add nothing to their ancestors', so an ancestor's counts are "net"."""

    def __init__(self, root: Tag, leave_out: Iterable[Tag] = ()) -> None:
        left_out = node_keys(leave_out)
        self._text: dict[int, int] = {}
        self._links: dict[int, int] = {}
        self._link_count: dict[int, int] = {}
        text, links, count = self._text, self._links, self._link_count
        for node in reversed([root, *root.descendants]):
            parent = node.parent
            if isinstance(node, Tag):
                key = node_key(node)
                if node.name in SKIP_NAMES:
                    text[key] = links[key] = count[key] = 0
                    continue
                if node.name == "a":  # all of a link's text is link text, nested links included once
                    links[key] = text.get(key, 0)
                    count[key] = 1
                if node is root or parent is None or key in left_out:
                    continue
                parent_key = node_key(parent)
                text[parent_key] = text.get(parent_key, 0) + text.get(key, 0)
                links[parent_key] = links.get(parent_key, 0) + links.get(key, 0)
                count[parent_key] = count.get(parent_key, 0) + count.get(key, 0)
            elif is_text(node) and parent is not None and node is not root:
                length = len(node.strip())
                if length:
                    parent_key = node_key(parent)
                    text[parent_key] = text.get(parent_key, 0) + length

    def text(self, tag: Tag) -> int:
        return self._text.get(node_key(tag), 0)

    def links(self, tag: Tag) -> int:
        """The length of the element's link text."""
        return self._links.get(node_key(tag), 0)

    def link_count(self, tag: Tag) -> int:
        return self._link_count.get(node_key(tag), 0)

    def prose(self, tag: Tag) -> int:
        """The length of the element's text outside links."""
        return self.text(tag) - self.links(tag)

    def link_density(self, tag: Tag) -> float:
        """The share of the element's text that is link text."""
        total = self.text(tag)
        return self.links(tag) / total if total else 0.0
