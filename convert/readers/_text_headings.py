"""Section-heading detectors for the plain-text reader.

Levels: the article title is level 1 (it lives in the metadata), so body
headings start at 2:

    第X章, 第X部分/篇, 一、, marker lines (● ■ ◆ …), `1.`, `2)`, English headings → 2
    第X节, （一）, `1.2`                                                       → 3
    `1.2.3`                                                                    → 4

`settle_levels` then adjusts per document: enumeration styles nest in the
order 第X章 › 第X节 › 一、 › （一） › 1. › 1.2, each one level under the nearest
higher style above it; marker lines sit under the enumerated heading before them;
Markdown levels shift so the shallowest body heading is 2.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from convert.lang import has_cjk
from convert.readers._text_rules import display_width, has_closing_punctuation

MARKERS = "●■◆▲★▶○□◇△☆►◎◉▪◼◥"
_CN_NUMBER = "一二三四五六七八九十百零〇两"

_MARKER = re.compile(rf"^[{MARKERS}]+[\s\u3000]*(?P<text>\S.*)$")
_CHAPTER = re.compile(rf"^第[{_CN_NUMBER}\d]{{1,4}}(?P<unit>章|节|部分|篇|卷)(?:[\s\u3000:：、]+\S.*)?$")
_CJK_ENUM = re.compile(rf"^[{_CN_NUMBER}]{{1,3}}、[\s\u3000]*\S")
_CJK_PAREN_ENUM = re.compile(rf"^[（(][{_CN_NUMBER}]{{1,3}}[）)][\s\u3000]*\S")
_DOTTED = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2})+)(?:[\s\u3000]+|[.、][\s\u3000]*)(?P<text>[^\d\s.a-z].*)$")
_NUMBERED = re.compile(r"^\d{1,2}[.、)）][\s\u3000]*[^\d\s.a-z]")
_MARKDOWN = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.+?)(?:\s+#+)?\s*$")
_UNDERLINE = re.compile(r"^(?:=+|-+)$")
_RULE = re.compile(r"^(?:[-*_=~—─━·•]\s*){3,}$")
_ENGLISH_SECTION = re.compile(r"^(?:chapter|part|section|book)\s+(?:\d+|[IVXLC]+|[a-z]+)\b", re.IGNORECASE)
_SMALL_WORDS = {"a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by",
                "with", "from", "as", "vs", "via", "into", "over", "per", "up", "out", "off"}

HEADING_MAX_WIDTH = 60  # display columns: 30 Chinese characters or 60 Latin ones


@dataclass(frozen=True, slots=True)
class HeadingGuess:
    level: int
    text: str
    kind: str  # which detector: marker, chapter, cjk-enum, numbered, markdown, setext, english


def _short_heading(text: str, max_width: int = HEADING_MAX_WIDTH) -> bool:
    return 0 < display_width(text) <= max_width and not has_closing_punctuation(text)


def marker_heading(line: str) -> HeadingGuess | None:
    """`● 老街换新颜` → level 2, marker removed (a long or sentence-ending marker line stays text)."""
    match = _MARKER.match(line)
    if match and _short_heading(match.group("text"), 80):
        return HeadingGuess(2, match.group("text").strip(), "marker")
    return None


def chapter_heading(line: str) -> HeadingGuess | None:
    """`第一章 总则` → 2, `第三节 …` → 3 (also 第X部分/篇/卷 → 2)."""
    match = _CHAPTER.match(line)
    if match and _short_heading(line):
        return HeadingGuess(3 if match.group("unit") == "节" else 2, line, "chapter")
    return None


def cjk_enumeration_heading(line: str) -> HeadingGuess | None:
    """`一、总体情况` → 2, `（一）数据` → 3; a long line or one ending in 。 is an enumerated paragraph."""
    if not _short_heading(line):
        return None
    if _CJK_ENUM.match(line):
        return HeadingGuess(2, line, "cjk-enum")
    if _CJK_PAREN_ENUM.match(line):
        return HeadingGuess(3, line, "cjk-enum")
    return None


def numbered_heading(line: str) -> HeadingGuess | None:
    """`1. Introduction`, `2) Results` → 2; `1.2 Scope` → 3; `1.2.3 …` → 4.

    Short, no closing punctuation, and not continuing in lower case (`1.5 percent …` is running text).
    """
    if not _short_heading(line):
        return None
    dotted = _DOTTED.match(line)
    if dotted:
        return HeadingGuess(min(6, 2 + dotted.group("num").count(".")), line, "numbered")
    if _NUMBERED.match(line):
        return HeadingGuess(2, line, "numbered")
    return None


def markdown_heading(line: str) -> HeadingGuess | None:
    """`## Section` → its hash count as the level (settle_levels shifts it under the title)."""
    match = _MARKDOWN.match(line)
    if match:
        return HeadingGuess(len(match.group("hashes")), match.group("text"), "markdown")
    return None


def setext_level(underline: str) -> int | None:
    """The level a Setext underline gives the line above it: `===` → 1, `---` → 2; None if not one."""
    if len(underline) >= 3 and _UNDERLINE.match(underline):
        return 1 if underline[0] == "=" else 2
    return None


def is_rule(line: str) -> bool:
    """A separator line: `***`, `* * *`, `———`, `------` (when not underlining a heading)."""
    return bool(_RULE.match(line))


def english_heading(line: str) -> HeadingGuess | None:
    """A short Latin line in Title Case or ALL CAPS without closing punctuation, or `Chapter 3`.

    Only trusted when the line stands alone between blank lines; the caller checks that.
    """
    if has_cjk(line) or not _short_heading(line) or not line[0].isupper():
        return None
    words = re.findall(r"[A-Za-z][\w'’-]*|\d\w*", line)
    if not 1 <= len(words) <= 10:
        return None
    if _ENGLISH_SECTION.match(line) or line.isupper():
        return HeadingGuess(2, line, "english")
    lower_words = [w for w in words[1:] if w[0].islower() and w.lower() not in _SMALL_WORDS]
    return None if lower_words else HeadingGuess(2, line, "english")


# Detectors trusted anywhere, and those trusted only on a line that stands
# alone (wrapped text can put "1.5 percent" or "Growth In" at a line start).
ANYWHERE = (marker_heading, markdown_heading, chapter_heading)
ALONE_WHEN_WRAPPED = (cjk_enumeration_heading, numbered_heading)


def detect_heading(line: str, *, stands_alone: bool, wrapped: bool) -> HeadingGuess | None:
    """The heading this line is, or None. `wrapped`: the document hard-wraps paragraphs."""
    for detector in ANYWHERE:
        guess = detector(line)
        if guess:
            return guess
    if stands_alone or not wrapped:
        for detector in ALONE_WHEN_WRAPPED:
            guess = detector(line)
            if guess:
                return guess
    if stands_alone and wrapped:
        return english_heading(line)
    return None


# Enumerated kinds nest in this order when several appear in one document:
# 第X章 › 第X节 › 一、 › （一） › 1. › 1.2 › 1.2.3 (the detectors' own levels order within a kind).
_ENUMERATED_ORDER = ("chapter", "cjk-enum", "numbered")


def settle_levels(guesses: list[HeadingGuess]) -> list[HeadingGuess]:
    """Per-document levels; body headings never go above 2.

    An enumerated heading nests one level under the nearest heading before it
    of a higher enumeration style (一、 under 第一章 → 3; 一、 with nothing
    above → 2), so a chapter without 节 does not leave a gap. Marker lines sit
    one level under the enumerated heading before them, or at 2. Markdown and
    Setext levels shift so the shallowest is 2; English headings stay at 2.
    """
    def rank(guess: HeadingGuess) -> tuple[int, int]:
        return _ENUMERATED_ORDER.index(guess.kind), guess.level

    markup_levels = [g.level for g in guesses if g.kind in ("markdown", "setext")]
    markup_shift = 2 - min(markup_levels) if markup_levels else 0
    settled = []
    open_sections: list[tuple[tuple[int, int], int]] = []  # (rank, level) of the enclosing enumerated headings
    enumerated_level = 1  # level of the last enumerated heading; markers go one below
    for guess in guesses:
        level = guess.level
        if guess.kind in _ENUMERATED_ORDER:
            while open_sections and open_sections[-1][0] >= rank(guess):
                open_sections.pop()
            level = enumerated_level = (open_sections[-1][1] + 1) if open_sections else 2
            open_sections.append((rank(guess), level))
        elif guess.kind == "marker":
            level = enumerated_level + 1
        elif guess.kind in ("markdown", "setext"):
            level += markup_shift
        settled.append(replace(guess, level=max(2, min(6, level))))
    return settled
