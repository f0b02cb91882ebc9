"""Plain text (typically a scraped news article) into a Document.

The file is read in three zones:

    header  the first lines: title, date line, site name, bylines → metadata
    body    paragraphs and section headings → blocks (a `导语：`/`Summary:`
            lede also becomes meta.description)
    tail    trailing `编辑：`/`来源：`/`Tags:` lines → metadata; site furniture
            (related links, previous/next, share and print bars, copyright,
            chat-group and phone lines; see `_text_boilerplate`) → dropped
            with one warning, or kept after a rule with keep_boilerplate

Paragraphs follow one of two conventions, decided per document: one
paragraph per line (usual in scraped Chinese text), or blank-line (or
indent) separated paragraphs hard-wrapped over several lines, which are
joined back — with a space between Latin words, nothing between two CJK
characters. The line-level rules live in `_text_rules` and `_text_headings`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from convert.context import Context
from convert.errors import InputError
from convert.lang import detect_language, is_cjk
from convert.readers import _text_boilerplate as boilerplate
from convert.readers import _text_headings as headings
from convert.readers import _text_rules as rules
from convert.source import Source
from convert.tree import Block, Document, Heading, Metadata, Paragraph, Rule, Strong, Text, plain_text

HEADER_MAX_LINES = 8  # non-blank lines the header zone may span
TAIL_MAX_RELATED_LINES = 15  # link titles a related-links block may hold
RELATED_LINE_MAX_WIDTH = 80
TITLE_FALLBACK_CHARS = 80


@dataclass(frozen=True, slots=True)
class Line:
    text: str  # without indentation or trailing space
    indent: int  # columns of leading indentation (a full-width space counts 2)

    @property
    def blank(self) -> bool:
        return not self.text


@dataclass(slots=True)
class Header:
    title: str = ""
    publisher: str = ""
    facts: rules.LineFacts = field(default_factory=rules.LineFacts)
    end: int = 0  # index of the first line after the header zone


def split_lines(text: str) -> list[Line]:
    """Text → lines, with CRLF/CR normalised and indentation measured rather than kept."""
    lines = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        content = raw.lstrip(rules.INDENT_CHARS)
        indentation = raw[: len(raw) - len(content)]
        indent = sum(4 if ch == "\t" else rules.display_width(ch) for ch in indentation if ch not in "\ufeff\u200b")
        content = content.rstrip(rules.INDENT_CHARS)
        lines.append(Line(content, indent if content else 0))
    return lines


def read_header(lines: list[Line]) -> Header:
    """Title, date/byline/source lines and site name from the top, in any order, until the body starts."""
    header = Header()
    seen = 0
    index = 0
    while index < len(lines) and seen < HEADER_MAX_LINES:
        line = lines[index]
        if line.blank:
            index += 1
            continue
        text = line.text
        underline = lines[index + 1].text if index + 1 < len(lines) else ""
        if rules.lede_label(text):
            break
        facts = rules.parse_meta_line(text)
        if facts:
            _merge_facts(header.facts, facts)
        elif not header.title and headings.setext_level(underline) == 1:
            header.title = text
            index += 1  # the underline belongs to the title
        elif not header.title and (markdown := re.match(r"^#\s+(.+?)\s*#*$", text)):
            header.title = markdown.group(1)
        elif _starts_body(text):
            break
        elif not header.title and rules.could_be_title(text):
            header.title = text
        elif not header.publisher and (header.title or header.facts.date) and rules.is_site_name(text):
            header.publisher = text
        else:
            break
        seen += 1
        index += 1
    header.end = index
    return header


def _starts_body(text: str) -> bool:
    """Lines the header must leave to the body: section headings of every kind."""
    return headings.detect_heading(text, stands_alone=True, wrapped=False) is not None


@dataclass(slots=True)
class Tail:
    facts: rules.LineFacts = field(default_factory=rules.LineFacts)
    body_end: int = 0  # index of the first line after the body
    boilerplate: list[int] = field(default_factory=list)  # indexes of site-furniture lines, in order
    kinds: list[str] = field(default_factory=list)  # what those lines were, for the warning


def read_tail(lines: list[Line], start: int) -> Tail:
    """Walk up from the end over trailer fields and site furniture until the first body line.

    Furniture is what `_text_boilerplate` recognises on its own, plus the short
    link titles directly under a related-links heading. Short lines with no
    such heading above them end the walk: they are the body's last lines.
    """
    tail = Tail(body_end=len(lines))
    pending: list[int] = []  # short lines that are related links if a related heading sits above them
    index = len(lines) - 1
    while index >= start:
        line = lines[index]
        if line.blank:
            index -= 1
            continue
        text = line.text
        kind = boilerplate.trailer_kind(text)
        if boilerplate.is_related_heading(text) and len(pending) <= TAIL_MAX_RELATED_LINES:
            tail.boilerplate.extend([index, *pending])
            tail.kinds.append("related")
            pending = []
        elif pending and len(pending) < TAIL_MAX_RELATED_LINES and _could_be_link_title(text):
            pending.append(index)
            index -= 1
            continue
        elif pending:
            break  # the short lines after this one were body text after all
        elif kind:
            tail.boilerplate.append(index)
            tail.kinds.append(kind)
        elif line_facts := rules.parse_meta_line(text):
            _merge_facts(tail.facts, line_facts)
        elif _could_be_link_title(text):
            pending.append(index)
            index -= 1
            continue
        else:
            break
        tail.body_end = index
        index -= 1
    tail.boilerplate.sort()
    return tail


def boilerplate_summary(tail: Tail) -> str:
    """`dropped 4 boilerplate line(s) at the end (related, copyright)` — the one warning line."""
    names = {"navigation": "previous/next links", "related": "related links", "share": "share bar",
             "print": "print/close links", "copyright": "copyright", "contact": "chat-group/phone lines"}
    found = [names[kind] for kind in boilerplate.KINDS if kind in tail.kinds]
    return f"dropped {len(tail.boilerplate)} boilerplate line(s) at the end ({', '.join(found)})"


def _could_be_link_title(text: str) -> bool:
    return rules.display_width(text) <= RELATED_LINE_MAX_WIDTH and not text.endswith(("。", "."))


def _merge_facts(into: rules.LineFacts, new: rules.LineFacts) -> None:
    """Add what `new` says; a field already known keeps its first value."""
    into.date = into.date or new.date
    into.source = into.source or new.source
    into.editor = into.editor or new.editor
    for name in new.authors:
        if name not in into.authors:
            into.authors.append(name)
    for tag in new.tags:
        if tag not in into.tags:
            into.tags.append(tag)


def paragraphs_are_wrapped(lines: list[Line]) -> bool:
    """Do consecutive text lines continue one paragraph (hard-wrapped) or each stand alone?

    Looks at every line followed directly by an unindented text line: in
    wrapped text most such lines are near the wrap column and end mid-sentence;
    with one paragraph per line they end with a full stop (or are far wider
    than any wrap column).
    """
    base = min((line.indent for line in lines if not line.blank), default=0)
    followed = [a.text for a, b in zip(lines, lines[1:])
                if not a.blank and not b.blank and b.indent <= base
                and not _is_structural(a.text) and not _is_structural(b.text)]
    if not followed:
        return False
    column = max(rules.display_width(text) for text in followed)
    if column > 200:
        return False
    open_ended = sum(1 for text in followed
                     if not rules.ends_sentence(text) and rules.display_width(text) >= column * 0.5)
    return open_ended * 2 > len(followed)


def _is_structural(text: str) -> bool:
    """Could be a heading or rule under either convention, so says nothing about wrapping."""
    return headings.detect_heading(text, stands_alone=True, wrapped=False) is not None or headings.is_rule(text)


def join_wrapped(parts: list[str]) -> str:
    """Join the lines of one hard-wrapped paragraph: nothing between two CJK characters,
    nothing after a word-breaking hyphen, else one space."""
    joined = ""
    for part in parts:
        if not joined:
            joined = part
        elif is_cjk(joined[-1]) and is_cjk(part[0]):
            joined += part
        elif joined[-1] == "-" and joined[-2:-1].isalpha() and part[0].isalpha():
            joined += part
        else:
            joined += " " + part
    return re.sub(r"[ \t]{2,}", " ", joined)


def build_blocks(lines: list[Line], wrapped: bool) -> list[Block | headings.HeadingGuess]:
    """Body lines → paragraphs, rules and heading guesses (levels settled later)."""
    blocks: list[Block | headings.HeadingGuess] = []
    base = min((line.indent for line in lines if not line.blank), default=0)
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(Paragraph((Text(join_wrapped(paragraph)),)))
            paragraph.clear()

    def breaks_before(index: int) -> bool:
        return index < 0 or lines[index].blank

    def breaks_after(index: int) -> bool:
        return index >= len(lines) or lines[index].blank or lines[index].indent > base

    index = 0
    while index < len(lines):
        line = lines[index]
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        if line.blank:
            flush()
        elif (level := headings.setext_level(following)) and not paragraph and not line.text.startswith("#"):
            flush()
            blocks.append(headings.HeadingGuess(level, line.text, "setext"))
            index += 1
        elif headings.is_rule(line.text):
            flush()
            blocks.append(Rule())
        elif guess := headings.detect_heading(line.text, wrapped=wrapped,
                                              stands_alone=breaks_before(index - 1) and breaks_after(index + 1)):
            flush()
            blocks.append(guess)
        elif wrapped:
            if line.indent > base:
                flush()
            paragraph.append(line.text)
        else:
            paragraph.append(line.text)
            flush()
        index += 1
    flush()
    return blocks


def _as_heading(guess: headings.HeadingGuess) -> Heading:
    return Heading(guess.level, (Text(guess.text),))


def mark_lede(blocks: list[Block]) -> tuple[list[Block], str]:
    """Find a labelled lede among the first paragraphs before any heading; return the
    blocks (its label shown in bold) and the lede text without the label."""
    for position, block in enumerate(blocks[:3]):
        if isinstance(block, Heading):
            break
        if not isinstance(block, Paragraph):
            continue
        text = plain_text(block.children)
        label = rules.lede_label(text)
        if label:
            rest = text[len(label):]
            marked = Paragraph((Strong((Text(label),)), Text(rest)))
            return blocks[:position] + [marked] + blocks[position + 1:], rest.strip()
    return blocks, ""


def fallback_title(lines: list[Line]) -> str:
    """The first non-blank line, cut to a title's length (at a space in Latin text)."""
    first = next((line.text for line in lines if not line.blank), "")
    if len(first) <= TITLE_FALLBACK_CHARS:
        return first
    cut = first[:TITLE_FALLBACK_CHARS]
    if not is_cjk(cut[-1]) and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,，、;；:：") + "…"


class TextReader:
    name = "text"
    extensions = (".txt", ".text")

    def read(self, source: Source, ctx: Context) -> Document:
        text = ctx.text_of(source)
        if not text.strip(rules.INDENT_CHARS + "\r\n\f\v"):
            raise InputError(source.name, "no text content")
        lines = split_lines(text)

        header = read_header(lines)
        tail = read_tail(lines, header.end)
        body_end = max(tail.body_end, header.end)
        keep_boilerplate = ctx.options.keep_boilerplate or ctx.options.content == "all"
        if tail.boilerplate and not keep_boilerplate:
            ctx.warn("boilerplate-dropped", boilerplate_summary(tail))
        body_lines = lines[header.end:body_end]

        wrapped = paragraphs_are_wrapped(body_lines)
        raw_blocks = build_blocks(body_lines, wrapped)
        settled = iter(headings.settle_levels([b for b in raw_blocks if isinstance(b, headings.HeadingGuess)]))
        blocks: list[Block] = [_as_heading(next(settled)) if isinstance(block, headings.HeadingGuess) else block
                               for block in raw_blocks]
        if keep_boilerplate and tail.boilerplate:
            # A final section set off by a rule, one paragraph per line as the site had it.
            blocks += [Rule(), *(Paragraph((Text(lines[i].text),)) for i in tail.boilerplate)]
        blocks, description = mark_lede(blocks)

        facts = header.facts
        _merge_facts(facts, tail.facts)
        title = header.title or fallback_title(lines[header.end:]) or fallback_title(lines)
        if not blocks:  # never lose the only line of a one-line file to the title
            blocks = [Paragraph((Text(title),))]
        body_text = "\n".join(plain_text(b.children) for b in blocks if isinstance(b, (Heading, Paragraph)))
        meta = Metadata(
            title=title,
            authors=tuple(facts.authors),
            date=facts.date,
            publisher=header.publisher,
            source=facts.source,
            editor=facts.editor,
            tags=tuple(facts.tags),
            description=description,
            language=detect_language(title + "\n" + body_text),
        )
        return Document(meta=meta, blocks=tuple(blocks))
