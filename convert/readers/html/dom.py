"""The HTML reader's view of the soup: the tag vocabulary and small tree helpers.

Every part of the reader (choosing the content, finding the metadata,
building blocks) asks the same questions of an element: is it ever content,
is it a block, is its text shown, where does it sit. The answers live here,
so no part has to import another part for a constant.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from bs4 import NavigableString, Tag
from bs4.element import PreformattedString, Script, Stylesheet, TemplateString

# Never content: active, interactive or embedded elements, and head matter.
# Not here: embed, source, track, wbr, keygen. They are void, but lxml reads
# them as open elements holding whatever follows, so dropping one would drop
# the rest of its parent; they are read through like a <span> instead.
SKIP_NAMES = frozenset("""
    script style noscript template iframe frame frameset object applet param
    input button select option optgroup textarea datalist output progress meter
    svg canvas math video audio map area
    head title meta link base
""".split())

BLOCK_NAMES = frozenset("""
    address article aside blockquote body center dd details dialog dir div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li listing
    main menu nav ol p plaintext pre section summary table tbody td tfoot th thead tr ul xmp caption
""".split())

STRONG_NAMES = frozenset({"b", "strong"})
EMPH_NAMES = frozenset({"i", "em", "u", "mark", "cite", "s", "strike", "del", "ins", "dfn", "var"})
CODE_NAMES = frozenset({"code", "kbd", "samp", "tt"})
PRE_NAMES = frozenset({"pre", "listing", "xmp", "plaintext"})
HEADING_LEVELS = {f"h{n}": n for n in range(1, 7)}
HEADING_NAMES = tuple(HEADING_LEVELS)

_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.I)


def is_text(node: object) -> bool:
    """A string a reader sees: not a comment, doctype, script or style body."""
    return isinstance(node, NavigableString) and not isinstance(
        node, (PreformattedString, Script, Stylesheet, TemplateString))


def is_hidden(tag: Tag) -> bool:
    return tag.has_attr("hidden") or bool(_DISPLAY_NONE.search(str(tag.get("style") or "")))


def is_inside(node: Tag, container: Tag) -> bool:
    """`node` is `container` or lies somewhere within it."""
    return node is container or any(parent is container for parent in node.parents)


def depth(tag: Tag) -> int:
    """How many elements enclose `tag`: the deeper of two candidates is the more specific."""
    return sum(1 for _ in tag.parents)


def child_tags(tag: Tag) -> list[Tag]:
    return [child for child in tag.children if isinstance(child, Tag)]


_next_key = itertools.count(1)


def node_key(tag: Tag) -> int:
    """A number that names this one element for as long as it lives.

    Sets and tables of elements are keyed by it, not by the Tag: BeautifulSoup
    compares and hashes tags by their markup, so two identical `<p>` would be
    one entry. The number is stamped on the element the first time it is
    asked for and never handed out again (unlike `id()`, which a later node
    may reuse once this one is gone); a copy of the element is a new element
    and gets its own.
    """
    stamped = vars(tag).get("_docconv_key")
    if stamped is None:
        stamped = next(_next_key)
        vars(tag)["_docconv_key"] = stamped
    return stamped


def node_keys(tags: Iterable[Tag]) -> frozenset[int]:
    return frozenset(node_key(tag) for tag in tags)
