"""Headings a page shows without heading tags, and heading ids for in-page links.

Chinese news pages mark a subheading as a paragraph holding only bold text
(`<p><strong>小摊位撑起大民生</strong></p>`) or as a short centred line. When
the body has no real h2–h6, those become level-2 headings. A short centred
line right after an image without a caption is that image's caption instead
(`<p align="center"><img></p><p align="center">游客在夜市选购小吃</p>`).

Only top-level blocks are looked at: bold text inside a list or a quote is
emphasis there, not structure.
"""

from __future__ import annotations

import dataclasses
import re

from bs4 import Tag

from convert.tree import Block, Heading, Image, Paragraph, Strong, iter_blocks, plain_text

MAX_BOLD_HEADING = 40  # characters; longer bold paragraphs are emphasis
MAX_CENTRED_HEADING = 30
_SENTENCE_END = re.compile(r"[。！？；.!?;:：,，、]$")
_CENTRED_STYLE = re.compile(r"text-align\s*:\s*center", re.I)
_PERMALINK_TEXTS = frozenset({"¶", "#", "§", "🔗", "\u00b6"})


def is_centred(tag: Tag) -> bool:
    return tag.name == "center" or str(tag.get("align") or "").lower() == "center" \
        or bool(_CENTRED_STYLE.search(str(tag.get("style") or "")))


def is_permalink(tag: Tag) -> bool:
    """The "¶" anchor documentation generators put in every heading: navigation, not text."""
    return tag.name == "a" and str(tag.get("href") or "").startswith("#") \
        and tag.get_text().strip() in _PERMALINK_TEXTS


def heading_id(tag: Tag) -> str:
    """The heading's own id, else an <a id|name> inside it, else the id of the section it opens."""
    own = str(tag.get("id") or "").strip()
    if own:
        return own
    anchor = tag.find("a", attrs={"id": True}) or tag.find("a", attrs={"name": True})
    if isinstance(anchor, Tag):
        return str(anchor.get("id") or anchor.get("name") or "").strip()
    parent = tag.parent
    if isinstance(parent, Tag) and parent.name in ("section", "div", "article") and parent.get("id"):
        first = next((child for child in parent.children if isinstance(child, Tag)), None)
        if first is tag:
            return str(parent["id"]).strip()
    return ""


def promote_pseudo_headings(blocks: tuple[Block, ...], centred: list[Paragraph]) -> tuple[Block, ...]:
    """Bold-only and short centred paragraphs as headings, when the body has no h2–h6.

    `centred` holds the Paragraph objects the builder made from centred elements, found by
    identity: two paragraphs with the same text are equal, and only one may be centred.
    """
    if any(isinstance(block, Heading) and block.level >= 2 for block in iter_blocks(blocks)):
        return tuple(blocks)
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            text = plain_text(block.children).strip()
            is_centred_line = any(block is made for made in centred) and 0 < len(text) <= MAX_CENTRED_HEADING
            if is_centred_line and out and isinstance(out[-1], Image) and not out[-1].caption:
                out[-1] = dataclasses.replace(out[-1], caption=block.children)
                continue
            if _looks_like_heading(block, text, is_centred_line):
                out.append(Heading(2, block.children[0].children if _bold_only(block) else block.children))
                continue
        out.append(block)
    return tuple(out)


def _bold_only(block: Paragraph) -> bool:
    return len(block.children) == 1 and isinstance(block.children[0], Strong)


def _looks_like_heading(block: Paragraph, text: str, is_centred_line: bool) -> bool:
    if len(text) < 2 or _SENTENCE_END.search(text):
        return False
    return (_bold_only(block) and len(text) <= MAX_BOLD_HEADING) or is_centred_line
