"""Plain text (typically a scraped news article, or a whole page saved as text) into a Document.

`_text_zones` finds the article in the whole file: the headline, the header lines
under it, the body (the best run of prose), and what lies above and below. This
module reads the zones:

    above    page chrome over the headline → dropped (counted in the warning)
    header   headline, dek, date/byline/source lines, site name → metadata
    body     paragraphs and section headings → blocks (a `导语：`/`Summary:` lede also
             becomes meta.description); credit lines inside it → the byline
    below    trailer fields (`编辑：`, `来源：`, `Tags:`, a Topics column) → metadata; the
             rest (related boxes, comments, footers) → dropped with one warning, or
             kept after a rule with keep_boilerplate

Paragraphs follow one of two conventions, decided per document: one
paragraph per line (usual in scraped Chinese text), or blank-line (or
indent) separated paragraphs hard-wrapped over several lines, which are
joined back — with a space between Latin words, nothing between two CJK
characters. The line-level rules live in `_text_rules`, `_text_headings`,
`_text_chrome` and `_text_boilerplate`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace

from convert.context import Context
from convert.errors import InputError
from convert.lang import detect_language, is_cjk
from convert.readers import _text_boilerplate as boilerplate
from convert.readers import _text_chrome as chrome
from convert.readers import _text_dates as dates
from convert.readers import _text_headings as headings
from convert.readers import _text_rules as rules
from convert.readers import _text_zones as zones
from convert.source import Source
from convert.tree import Block, Document, Heading, Metadata, Paragraph, Rule, Strong, Text, plain_text

TITLE_FALLBACK_CHARS = 80


@dataclass(frozen=True, slots=True)
class Line:
    text: str  # without indentation or trailing space
    indent: int  # columns of leading indentation (a full-width space counts 2)

    @property
    def blank(self) -> bool:
        return not self.text


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


@dataclass(slots=True)
class Zones:
    """The file cut into what surrounds the article and the article itself (line indexes)."""

    title: str = ""
    subtitle: str = ""
    publisher: str = ""
    facts: rules.LineFacts = field(default_factory=rules.LineFacts)
    body_start: int = 0  # first line of the body
    body_end: int = 0  # one past its last line
    consumed: set[int] = field(default_factory=set)  # lines inside the body range read as metadata or chrome
    above: int = 0  # non-blank lines dropped above the article (the headline not counted)
    below: list[int] = field(default_factory=list)  # non-blank lines below the body, in order


def find_zones(lines: list[Line], wrapped: bool) -> Zones:
    """Headline, header facts, body and trailer of the whole file (`_text_zones` finds the article)."""
    texts = [line.text for line in lines]
    units = zones.make_units(texts, [line.indent for line in lines], wrapped)
    found = zones.find_article(units, texts)
    result = Zones()
    headline = units[found.headline] if found.headline is not None else None
    if headline is not None:
        result.title = _headline_text(headline)
    if found.subtitle is not None:
        result.subtitle = units[found.subtitle].text.lstrip("—-– ")
    header_from = found.headline + 1 if found.headline is not None else found.body_first
    header_from += found.subtitle is not None
    header = units[header_from:found.core_first]
    for unit in header:
        _read_header_unit(unit, result)
    if not result.facts.date:
        _read_split_date(header, result)
    if headline is not None:
        _read_around_headline(units, found.headline, result.facts)
    body = units[found.body_first:found.body_last + 1]
    if body:
        result.body_start, result.body_end = body[0].first, body[-1].last + 1
        _read_body_credits(body, result)
    else:
        result.body_start = result.body_end = (headline.last + 1) if headline else 0
    after = units[found.body_last + 1:]
    _read_trailer(after, result.facts)
    if not result.facts.authors:
        result.facts.authors.extend(_author_box(units, found.body_first))
    before = units[:found.headline] if headline is not None else units[:found.body_first]
    chrome_between = [u for u in header if u.kind in (zones.Kind.CHROME, zones.Kind.END)]
    result.above = sum(u.last - u.first + 1 for u in before + chrome_between)
    # trailer fields went into the metadata; the rest below the body (dates of teasers too) was dropped
    result.below = [i for u in after if not _is_trailer_field(u) for i in range(u.first, u.last + 1)]
    return result


TAG_LIST_MAX = 12


def _tag_list(units: list[zones.Unit]) -> list[str]:
    """`Topics` over a column of short lines (`Renewable energy`, `Wind power`): the tags."""
    tags = []
    for unit in units[:TAG_LIST_MAX]:
        if unit.kind is not zones.Kind.SHORT or rules.display_width(unit.text) > 40:
            break
        tags.append(unit.text)
    return tags


def _is_trailer_field(unit: zones.Unit) -> bool:
    facts = unit.fields
    return bool(facts and (facts.authors or facts.editor or facts.source or facts.tags))


HEADLINE_NEIGHBOURS = 3  # units over the headline a page may print its date or byline in


def _read_around_headline(units: list[zones.Unit], headline: int, facts: rules.LineFacts) -> None:
    """Some pages print the date or the `By` line over the headline; and a bare name right under
    it (or under its dek) is the byline when nothing else names the author."""
    for unit in units[max(0, headline - HEADLINE_NEIGHBOURS):headline]:
        found = unit.fields or unit.info
        if found and found.date and not facts.date:
            facts.date = found.date
        if found and found.authors and not facts.authors:
            facts.authors.extend(found.authors)
    if not facts.authors:
        names = next((n for unit in units[headline + 1:headline + 3] if (n := rules.name_line_names(unit.text))), ())
        facts.authors.extend(names)


BODY_DATELINE_UNITS = 4


AUTHOR_BOX_MAX_WIDTH = 600


def _author_box(units: list[zones.Unit], body_first: int) -> list[str]:
    """The author's box many sites print: the name on a line of its own (under the headline, or
    in a box at the end) and a sentence about them under the article that opens with that
    name (`Mark Di Stefano` … `Mark di Stefano is a breaking news reporter for …`). Read only
    when nothing else named the author."""
    names = {" ".join(unit.text.lower().split()): found for unit in units
             if len(unit.text) <= 60 and (found := rules.name_line_names(unit.text))}
    if not names:
        return []
    for unit in units[body_first:]:
        words = unit.text.lower().split()
        if len(words) < 4 or rules.display_width(unit.text) > AUTHOR_BOX_MAX_WIDTH:
            continue
        for count in (2, 3):  # a name is two or three words
            found = names.get(" ".join(words[:count]))
            if found:
                return list(found)
    return []


def _read_body_credits(body: list[zones.Unit], into: Zones) -> None:
    """Reporters credited inside the article: a credit line between paragraphs (`采写：南都记者 X`,
    moved to the byline), the lead of the first paragraphs, brackets closing the last two."""
    for position, unit in enumerate(body):
        facts = (unit.fields or unit.info) if unit.kind is zones.Kind.META else None
        if facts and (facts.authors or facts.editor or facts.source):
            _merge_facts(into.facts, facts)
            into.consumed.update(range(unit.first, unit.last + 1))
        elif facts and facts.date and position < BODY_DATELINE_UNITS and not into.facts.date:
            into.facts.date = facts.date  # a date line among the first lines (no headline over them)
            into.consumed.update(range(unit.first, unit.last + 1))
    prose = [unit for unit in body if unit.kind is zones.Kind.PROSE]
    credited = [name for unit in prose[:3] for name in rules.lead_credit(unit.text)]
    credited += [name for unit in prose[-2:] for name in rules.closing_credit(unit.text)]
    _merge_facts(into.facts, rules.LineFacts(authors=credited))


def _headline_text(unit: zones.Unit) -> str:
    """The headline as the page wrote it, without a Markdown `#` or a platform's badge glued
    in front (`原创最不愁吃肉的国家…`: WeChat and Toutiao print `原创`, `独家`, `置顶` so)."""
    text = unit.text
    markdown = re.match(r"^#\s+(.+?)\s*#*$", text)
    if markdown:
        return markdown.group(1)
    badge = re.match(r"^(?:原创|独家|置顶|首发)\s*(?=\S{8})", text)
    return text[badge.end():] if badge else text


def _read_split_date(header: list[zones.Unit], into: Zones) -> None:
    """`2019` / `09/07` / `19:02` on lines of their own under the headline: one date."""
    for start in range(len(header) - 1):
        pieces = header[start:start + 3]
        date = dates.split_date([unit.text for unit in pieces])
        if date:
            into.facts.date = date
            for unit in pieces[:3 if "T" in date else 2]:
                into.consumed.update(range(unit.first, unit.last + 1))
            return


def _read_header_unit(unit: zones.Unit, into: Zones) -> None:
    """A unit between the headline and the body: its facts are read; a site name becomes the publisher."""
    facts = unit.fields or unit.info
    if unit.text == into.title:  # the headline printed twice: nothing to read, and not body
        into.consumed.update(range(unit.first, unit.last + 1))
        return
    if facts:
        _merge_facts(into.facts, facts)
    elif not into.publisher and rules.is_site_name(unit.text):
        into.publisher = unit.text
    elif not rules.is_site_name(unit.text) and unit.kind not in (zones.Kind.CHROME, zones.Kind.END) \
            and headings.setext_level(unit.text) is None:
        return
    into.consumed.update(range(unit.first, unit.last + 1))


def _read_trailer(units: list[zones.Unit], facts: rules.LineFacts) -> None:
    """Fields in the trailer (`编辑：`, `来源：`, `Tags:`…). A date or a byline counts only
    before the first related, comments or most-read block (the teasers below carry dates
    and bylines of their own), and a byline only when the header named no author (a
    closing `（记者 X）` credits the article; a `By X` among teasers does not)."""
    in_teasers = False
    named = bool(facts.authors)
    for index, unit in enumerate(units):
        if chrome.is_empty_field(unit.text) and rules.FIELD_KEYS.get(unit.text.rstrip(":： ").lower()) == "tags":
            facts.tags.extend(_tag_list(units[index + 1:]))
        in_teasers = in_teasers or (unit.kind is zones.Kind.END and chrome.trailer_kind(unit.text) in (None, "related"))
        line_facts = unit.fields or (None if in_teasers else unit.info)
        if line_facts:
            keep_authors = not in_teasers and not named
            _merge_facts(facts, replace(line_facts, date="" if in_teasers else line_facts.date,
                                        authors=line_facts.authors if keep_authors else []))


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


_KIND_NAMES = {"navigation": "previous/next links", "related": "related links", "share": "share bar",
               "print": "print/close links", "copyright": "copyright", "contact": "chat-group/phone lines"}


def dropped_summary(found: Zones, lines: list[Line]) -> str:
    """`dropped 3 line(s) above and 12 below the article (related links, copyright)` — the one warning line."""
    kinds = {chrome.trailer_kind(lines[i].text) for i in found.below}
    named = [_KIND_NAMES[kind] for kind in boilerplate.KINDS if kind in kinds]
    return (f"dropped {found.above} line(s) above and {len(found.below)} below the article"
            + (f" ({', '.join(named)})" if named else ""))


def paragraphs_are_wrapped(lines: list[Line]) -> bool:
    """Do consecutive text lines continue one paragraph (hard-wrapped) or each stand alone?

    Looks at every line near the wrap column followed directly by an unindented
    text line: in wrapped text most such lines end mid-sentence; with one
    paragraph per line they end with a full stop (or are far wider than any
    wrap column).
    """
    base = zones.common_indent([(line.indent, line.text) for line in lines])
    followed = [a.text for a, b in zip(lines, lines[1:])
                if not a.blank and not b.blank and b.indent <= base
                and not _is_structural(a.text) and not _is_structural(b.text)]
    if not followed:
        return False
    column = max(rules.display_width(text) for text in followed)
    if column > 200:
        return False
    # only lines near the wrap column say anything: a short line (a menu item, a heading) ends
    # where it ends under either convention
    long_lines = [text for text in followed if rules.display_width(text) >= column * 0.5]
    open_ended = sum(1 for text in long_lines if not rules.ends_sentence(text))
    return open_ended * 2 > len(long_lines)


@functools.lru_cache(maxsize=4096)  # asked of every line twice: for the whole file, then for the body
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
    base = zones.common_indent([(line.indent, line.text) for line in lines])
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
        wrapped = paragraphs_are_wrapped(lines)
        found = find_zones(lines, wrapped)
        if ctx.options.content == "all":  # the whole file but the headline, which is the title
            found.consumed = {i for i in range(found.body_start) if lines[i].text == found.title}
            found.body_start, found.body_end, found.above, found.below = 0, len(lines), 0, []
        if (found.above or found.below) and not ctx.options.keep_boilerplate:
            ctx.warn("boilerplate-dropped", dropped_summary(found, lines))
        body_lines = [Line("", 0) if i in found.consumed else lines[i]
                      for i in range(found.body_start, found.body_end)]

        raw_blocks = build_blocks(body_lines, paragraphs_are_wrapped(body_lines))
        settled = iter(headings.settle_levels([b for b in raw_blocks if isinstance(b, headings.HeadingGuess)]))
        blocks: list[Block] = [_as_heading(next(settled)) if isinstance(block, headings.HeadingGuess) else block
                               for block in raw_blocks]
        if ctx.options.keep_boilerplate and found.below:
            # A final section set off by a rule, one paragraph per line as the site had it.
            blocks += [Rule(), *(Paragraph((Text(lines[i].text),)) for i in found.below if lines[i].text)]
        blocks, description = mark_lede(blocks)

        facts = found.facts
        title = found.title or fallback_title(body_lines) or fallback_title(lines)
        if not blocks:  # never lose the only line of a one-line file to the title
            blocks = [Paragraph((Text(title),))]
        body_text = "\n".join(plain_text(b.children) for b in blocks if isinstance(b, (Heading, Paragraph)))
        meta = Metadata(
            title=title,
            subtitle=found.subtitle,
            authors=tuple(facts.authors),
            date=facts.date,
            publisher=found.publisher,
            source=facts.source,
            editor=facts.editor,
            tags=tuple(facts.tags),
            description=description,
            language=detect_language(title + "\n" + body_text),
        )
        return Document(meta=meta, blocks=tuple(blocks))
