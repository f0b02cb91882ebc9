"""Where is the article in a scraped text? A model of the whole file.

The file is cut into units — one per line, or one per paragraph when the
text is hard-wrapped — and each unit gets a kind from its shape alone:

    prose    running text: long, or ending like a sentence
    heading  a section heading (一、 ● 第X章 `1.` …)
    meta     a date, byline or `来源：`/`编辑：` field line, or a line mixing them
    chrome   page furniture (`_text_chrome`): menus, crumbs, share rows, buttons
    end      a line that closes an article: related/comments/most-read
             headings, copyright, previous/next links, share and print bars
    code     a line of program code: an article's listing neither adds nor costs
    embed    the signature under an embedded post (`— Jane Doe (@jane) December 13, 2016`):
             a story quoting posts neither gains nor loses by them
    short    anything else: titles, captions, teaser titles, menu words

The body is the run of units with the highest score, where prose counts its
width (0.7 of it for a paragraph alone between short lines: a comment, a
teaser summary) and every other kind costs a little. That is jusText's rule —
good paragraphs keep the short ones between them, bad ones at the edges go —
found in one pass as a maximum-sum run (Kadane). The run never crosses
comments, copyright or previous/next links; it crosses a related, most-read,
share or close box only when two paragraphs in a row follow it (an inline
widget). It then grows over neighbours that still read like body: short
sentences, enumerated headings just above it, short lines at the end that no
prose follows. Nothing inside the run is dropped.

The headline is the best-scoring title-shaped unit above the body: a date or
byline line right under it (or under its dek) counts most, then being printed
twice on the page, its width and its nearness; site names, interface lines and
menu words count least. A dek between headline and byline is the subtitle.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
from enum import Enum

from convert.lang import has_cjk
from convert.readers import _text_chrome as chrome
from convert.readers import _text_headings as headings
from convert.readers import _text_rules as rules


class Kind(Enum):
    PROSE = "prose"
    HEADING = "heading"
    META = "meta"
    CHROME = "chrome"
    END = "end"
    CODE = "code"
    EMBED = "embed"
    SHORT = "short"


# What each kind adds to a run: prose its display width, the rest a fixed cost.
# A heading or a caption between two paragraphs costs less than either adds.
COSTS = {Kind.HEADING: 10, Kind.SHORT: 20, Kind.META: 30, Kind.CHROME: 40, Kind.CODE: 0, Kind.EMBED: 0}
SENTENCE_COST = 5  # a short unit that reads as a sentence (`他说。`, `怎么去？`) costs less than a menu word
PROSE_MIN_WIDTH = 40  # a sentence of 20 Chinese characters or about 8 English words
PROSE_ANY_END_WIDTH = 160  # this long, a unit is running text however it ends
LONG_UNIT_WIDTH = 200  # wider than any line the chrome and heading detectors look at
HEADLINE_WINDOW = 100  # units above the body the headline may be found in
HEADLINE_MIN_WIDTH = 16  # narrower title-shaped lines (menu words, `标题`) are taken only when nothing else is
HEADLINE_SHORTEST = 4
HEADLINE_IN_RUN = 3  # units into the run the headline may stand when nothing above could be it
HEADLINE_MAX_WIDTH = 160


@dataclass(frozen=True, slots=True)
class Unit:
    first: int  # index of its first line
    last: int  # index of its last line
    text: str  # its lines joined by a space
    kind: Kind
    fields: rules.LineFacts | None = None  # what a line of only dates, bylines and fields says (read once)
    info: rules.LineFacts | None = None  # what a date line mixed with other things says, when fields is None


@dataclass(frozen=True, slots=True)
class Article:
    headline: int | None  # unit index of the headline
    subtitle: int | None  # unit index of the dek or subtitle under it
    body_first: int  # unit index of the first body unit
    core_first: int  # unit index where the run of prose starts (units between the headline and it are header)
    body_last: int  # unit index of the last body unit (body_first - 1 when there is none)


def make_units(texts: list[str], indents: list[int], wrapped: bool) -> list[Unit]:
    """Lines → units: every non-blank line, or in wrapped text every paragraph (a run
    of lines ended by a blank line or by the next line's indent). A date or byline
    line stands alone even in wrapped text, and so does the line over it (a headline)."""
    underlines = underline_flags(texts)
    if not wrapped:
        units = []
        for index, text in enumerate(texts):
            if text and not underlines[index]:
                underlined = index + 1 < len(texts) and underlines[index + 1]
                units.append(_unit(texts, index, index + 1 if underlined else index, underlined))
        return units
    base = common_indent(list(zip(indents, texts)))
    alone = {i for i, text in enumerate(texts) if text and _is_meta(text)}
    alone |= {i - 1 for i in alone if i > 0}
    units: list[Unit] = []
    start = None
    for index, text in enumerate(texts + [""]):
        breaks = (not text or index in alone or (index - 1) in alone or indents[index] > base
                  or bool(_LIST_ITEM.match(text)))
        if start is not None and breaks:
            units.append(_unit(texts, start, index - 1, start < index - 1 and underlines[index - 1]))
            start = None
        if text and start is None:
            start = index
    return units


_LIST_ITEM = re.compile(r"[*+•·▪-]\s+\S|\d{1,3}[.)]\s+\S")  # a list item starts a unit of its own


def common_indent(lines: list[tuple[int, str]]) -> int:
    """The body's margin: the indent that holds the most text. A page dump (`lynx -dump`)
    indents its paragraphs and not its headings, so the smallest indent would be the
    headings'; and its menus, indented further, have many lines but little text."""
    weights: Counter[int] = Counter()
    for indent, text in lines:
        if text:
            weights[indent] += len(text)
    return weights.most_common(1)[0][0] if weights else 0


def underline_flags(texts: list[str]) -> list[bool]:
    """Per line: is it a Setext underline (`===`, `---`) of the text line above it? An underline
    cannot itself be underlined, so in a run of `---` lines every other one is."""
    flags = [False] * len(texts)
    for index in range(1, len(texts)):
        flags[index] = (bool(texts[index - 1]) and not flags[index - 1]
                        and headings.setext_level(texts[index]) is not None)
    return flags


def _is_meta(text: str) -> bool:
    fields, info = _line_facts(text)
    return bool(fields or info)


@functools.lru_cache(maxsize=2048)  # pages repeat lines (menus, `-`, share rows); the facts are never changed
def _line_facts(text: str) -> tuple[rules.LineFacts | None, rules.LineFacts | None]:
    """What a line of only dates, bylines and fields says, or else what a mixed date line says."""
    fields = rules.parse_meta_line(text)
    return fields, None if fields else rules.parse_info_line(text)


def _unit(texts: list[str], first: int, last: int, underlined: bool) -> Unit:
    if underlined:  # a Setext heading: the text line is what it says
        return Unit(first, last, texts[first], Kind.HEADING)
    joined = " ".join(texts[first:last + 1])
    kind, fields, info = _read_unit(joined)
    return Unit(first, last, joined, kind, fields, info)


@functools.lru_cache(maxsize=2048)
def _read_unit(text: str) -> tuple[Kind, rules.LineFacts | None, rules.LineFacts | None]:
    fields, info = _line_facts(text)
    return classify(text, meta=bool(fields or info)), fields, info


def classify(text: str, meta: bool | None = None) -> Kind:
    """The kind of one unit, from its shape (see the module docstring). `meta`: whether it
    reads as a date, byline or field line, when the caller has already asked."""
    if chrome.is_end_marker(text):
        return Kind.END
    if _EMBED_SIGNATURE.search(text):
        return Kind.EMBED
    if meta if meta is not None else _is_meta(text):
        return Kind.META
    if rules.display_width(text) > LONG_UNIT_WIDTH:  # no notice, button, heading or field is this wide
        if looks_like_code(text):
            return Kind.CODE
        if chrome.is_separator_row(text) or chrome.is_spaced_menu(text):
            return Kind.CHROME
        return Kind.PROSE if is_prose(text) else Kind.SHORT
    if headings.is_rule(text):  # a separator inside an article (`* * *`) costs what a heading does
        return Kind.HEADING
    if headings.markdown_heading(text):
        return Kind.HEADING
    if looks_like_code(text):
        return Kind.CODE
    if chrome.is_chrome(text):
        return Kind.CHROME
    if is_prose(text):
        return Kind.PROSE
    if headings.detect_heading(text, stands_alone=True, wrapped=False):
        return Kind.HEADING
    return Kind.SHORT


# `— Tom Namako (@TomNamako) December 13, 2016`: who posted an embedded post, and when
_EMBED_SIGNATURE = re.compile(r"\(@\w{1,30}\)\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\s+\d{4})$")


def is_prose(text: str) -> bool:
    """Running text: long, or long enough and ending like a sentence, or holding several clauses."""
    width = rules.display_width(text)
    if width >= PROSE_ANY_END_WIDTH:  # however long, a line without any punctuation is a list of links
        return bool(re.search(r"[。，、；！？,.;!?]", text))
    if width < PROSE_MIN_WIDTH:
        return False
    if rules.ends_sentence(text) and not text.endswith((":", "：")):
        return True
    if has_cjk(text):
        return width >= 80 and len(re.findall(r"[，。；！？]", text)) >= 2
    return len(text.split()) >= 12 and bool(re.search(r"[,;]\s", text))


_CODE_SYMBOLS = re.compile(r"[=(){}\[\];<>/\\\"'#+*&|$]")


def looks_like_code(text: str) -> bool:
    """A line of a program listing: ASCII, with code's brackets and operators in it
    (`handler = client.lpop('test')`, `<script src="…">`, `}`), or opening as code does
    (`import json`, `def parse():`, `return`, `if not data:`)."""
    if not text.isascii():
        return False
    symbols = len(_CODE_SYMBOLS.findall(text))
    return (symbols >= 2 and symbols >= len(text) / 12 or text in ("{", "}", "};", ");", "])")
            or bool(_CODE_START.match(text)))


# How lines of common languages begin: a keyword and what follows it in code, not in prose.
_CODE_START = re.compile(
    r"^(?:import\s+[\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+)*;?$|from\s+[\w.]+\s+import\s|package\s+[\w.]+;?$"
    r"|using\s+[\w.]+;$|#include\s*[<\"]|(?:def|class|function|func|fn)\s+\w+\s*[(:{<]"
    r"|(?:return|break|continue|pass|else|try|finally)\s*[;:]?$|(?:if|elif|while|for|with|except|catch|switch)\b.*[:{]$"
    r"|(?:var|let|const|int|float|double|char|void|public|private|static)\s+\w+.*[;={(]$)")


def score(unit: Unit) -> int:
    if unit.kind is Kind.PROSE:
        return rules.display_width(unit.text)
    if unit.kind is Kind.SHORT and (rules.ends_sentence(unit.text) or re.search(r"[，,；;]", unit.text)):
        return -SENTENCE_COST
    return -COSTS.get(unit.kind, 0)


WIDGET_COST = 60  # an inline widget's heading inside the article costs what chrome does
CONTINUATION_WINDOW = 15  # units after a widget heading in which the article must go on
CONTINUATION_MIN_WIDTH = 250  # the two paragraphs in a row that show it does


def best_run(units: list[Unit]) -> tuple[int, int] | None:
    """The run of units with the highest total score that crosses no end marker, except an
    inline widget the article goes on after; None if no run scores above 0."""
    best: tuple[int, int, int] | None = None  # (total, first, last)
    total, first = 0, 0
    for index, unit in enumerate(units):
        if unit.kind is Kind.END and not (total > 0 and _article_goes_on(units, index)):
            total, first = 0, index + 1
            continue
        if unit.kind is Kind.END:
            total -= WIDGET_COST
            continue
        if total <= 0:
            total, first = 0, index
        total += _score_in_context(units, index)
        if total > 0 and (best is None or total > best[0]):
            best = (total, first, index)
    return (best[1], best[2]) if best else None


ISOLATED_PROSE_SHARE = 0.7


def _score_in_context(units: list[Unit], index: int) -> float:
    """A paragraph alone between short lines on both sides (a comment between its user name and
    its rating, a teaser's summary between two titles) counts less than one among paragraphs."""
    value = score(units[index])
    if units[index].kind is not Kind.PROSE:
        return value
    before = units[index - 1].kind if index > 0 else None
    after = units[index + 1].kind if index + 1 < len(units) else None
    if before in (Kind.SHORT, Kind.META, Kind.CHROME) and after in (Kind.SHORT, Kind.META, Kind.CHROME):
        return value * ISOLATED_PROSE_SHARE
    return value


def _article_goes_on(units: list[Unit], index: int) -> bool:
    """After a related, most-read, share or close box inside an article (`Most Popular` in the
    middle of a story, a photo gallery's `Close`), the article goes on with paragraphs that
    follow each other. Teaser lists and comment threads never put two paragraphs in a row:
    a title, a date or a user name stands between them."""
    if chrome.closes_article(units[index].text):
        return False
    after = units[index + 1:index + 1 + CONTINUATION_WINDOW]
    return any(a.kind is Kind.PROSE and b.kind is Kind.PROSE
               and rules.display_width(a.text) + rules.display_width(b.text) >= CONTINUATION_MIN_WIDTH
               for a, b in zip(after, after[1:]))


def reads_like_body(unit: Unit) -> bool:
    """A unit next to the body that belongs to it: a short sentence (`他说。`, `(End)`)."""
    return unit.kind is Kind.SHORT and (rules.ends_sentence(unit.text) or _is_closing_mark(unit.text))


def _is_closing_mark(text: str) -> bool:
    return bool(re.fullmatch(r"[（(【\[]\s*(?:完|全文完|end|the\s+end)\s*[）)】\]]|-30-|#{3}|\(end\)", text, re.IGNORECASE))


def find_article(units: list[Unit], texts: list[str]) -> Article:
    """Headline and body of the file (see the module docstring)."""
    marked = marked_headline(units, texts)
    run = best_run(units[marked + 1:] if marked is not None else units)
    if run is not None and marked is not None:
        run = (run[0] + marked + 1, run[1] + marked + 1)
    if run is None:  # nothing reads as prose: keep everything under a title-shaped first line
        headline = 0 if units and title_shaped(units[0]) else None
        start = (headline + 1) if headline is not None else 0
        return Article(headline, None, start, start, len(units) - 1)
    first, last = run
    top = marked + 1 if marked is not None else 0
    while first > top and (reads_like_body(units[first - 1]) or _enumerated_heading(units[first - 1])):
        first -= 1
    while last + 1 < len(units) and reads_like_body(units[last + 1]):
        last += 1
    last = _short_ending(units, last)
    if marked is not None:
        headline = marked
    else:  # the run's first unit may be the headline itself, if nothing above makes a better one
        heads = first < last and _heads_the_run(units, first)
        headline = find_headline(units, first + 1 if heads else first, run_last=last)
        if headline is None:  # nothing above: a notice may open the run and the headline follow it
            headline = next((i for i in range(first + 1, min(last, first + 1 + HEADLINE_IN_RUN))
                             if title_shaped(units[i]) and not rules.ends_sentence(units[i].text)
                             and rules.display_width(units[i].text) >= HEADLINE_MIN_WIDTH), None)
    if headline is not None and headline >= first:
        first = next((i for i in range(headline + 1, last + 1) if units[i].kind is Kind.PROSE
                      and units[i].text != units[headline].text), last)
    core_first = first
    subtitle = find_subtitle(units, headline, core_first)
    if headline is not None:
        first = _body_start(units, subtitle if subtitle is not None else headline, first)
    return Article(headline, subtitle, first, core_first, last)


OPENING_UNITS = 10  # units under the header lines (bylines, share buttons) the opening may stand after
OPENING_MIN_WIDTH = 200  # two paragraphs this wide within three units make an opening


def _body_start(units: list[Unit], header_last: int, core_first: int) -> int:
    """Where the body starts under the headline (and dek). What stands right over the prose,
    back to the nearest date line or chrome, joins it (a caption). And when the stretch between
    the header lines and the prose holds more prose than furniture, it is the article's start
    cut off by an inline widget (`Read more`), not a carousel: the body starts there. So does it
    when paragraphs stand right under the header lines, however long a video player after them."""
    first = core_first
    while first - 1 > header_last and _joins_body(units[first - 1]):
        first -= 1
    start = header_last + 1
    while start < first and units[start].kind in (Kind.META, Kind.CHROME, Kind.END):
        start += 1
    stretch = units[start:first]
    if any(u.kind is Kind.PROSE for u in stretch) and sum(score(u) for u in stretch) > 0:
        return start
    # however long the widget after them, paragraphs right under the header lines open the article
    lead = next((i for i, u in enumerate(stretch[:OPENING_UNITS]) if u.kind is Kind.PROSE), None)
    if lead is not None:
        opening = [u for u in stretch[lead:lead + 3] if u.kind is Kind.PROSE]
        if len(opening) >= 2 and sum(rules.display_width(u.text) for u in opening) >= OPENING_MIN_WIDTH:
            return start + lead
    return first


SUBTITLE_MAX_WIDTH = 300


def find_subtitle(units: list[Unit], headline: int | None, core_first: int) -> int | None:
    """The dek under the headline: the unit right after it when a date or byline line follows
    that unit (the dek sits between headline and byline), or when it opens with a dash
    (`——某某走访记`). Anything else under the headline is article text."""
    if headline is None or headline + 1 >= core_first:
        return None
    index = headline + 1
    unit = units[index]
    if (unit.kind not in (Kind.PROSE, Kind.SHORT) or rules.display_width(unit.text) > SUBTITLE_MAX_WIDTH
            or rules.is_site_name(unit.text)):
        return None
    if re.match(r"——|--", unit.text) or any(u.kind is Kind.META for u in units[index + 1:index + 2]):
        return index
    return None


def _heads_the_run(units: list[Unit], first: int) -> bool:
    """Is the first unit of the run its headline? A title-shaped unit that does not end
    like a sentence, or that stands over a date or byline line."""
    unit = units[first]
    return title_shaped(unit) and (not rules.ends_sentence(unit.text) or _next_to_dateline(units, first))


def _short_ending(units: list[Unit], last: int) -> int:
    """Short lines after the body belong to it (a poem's last lines, a sign-off) when no prose
    follows them before the trailer starts (a date, field, chrome or end line) or the file ends:
    a teaser list, by contrast, goes on with a summary paragraph."""
    end = last
    while end + 1 < len(units) and units[end + 1].kind in (Kind.SHORT, Kind.HEADING):
        end += 1
    if end + 1 < len(units) and units[end + 1].kind is Kind.PROSE:
        return last
    return end


def _enumerated_heading(unit: Unit) -> bool:
    guess = headings.detect_heading(unit.text, stands_alone=True, wrapped=False)
    return unit.kind is Kind.HEADING and guess is not None and guess.kind != "english"


def _joins_body(unit: Unit) -> bool:
    """Right over the body, under the headline: what is not metadata or chrome is article text (a caption)."""
    return unit.kind in (Kind.PROSE, Kind.SHORT, Kind.HEADING) and not rules.is_site_name(unit.text)


def title_shaped(unit: Unit, longest: int = rules.TITLE_MAX_WIDTH) -> bool:
    """Could this unit be a headline? Short and not ending like running text; not an enumerated
    section heading, a dateline (`Washington CNN —`), a caption or credit opening with a round
    bracket (`(Bild: X)`, `(L-R) …`; `【…】` and `[…]` open Chinese headlines), interface words
    glued together (`ProfileFollowUnfollow`), an attribution (`— Mike Pompeo, …`), Latin text
    opening in lower case (`election 2016`: English headlines open with a capital), a bare name (`Max Blumenthal`), a byline
    (`National Desk By National Desk`), an address (`http://news.example.com/2016/…`) or a
    publication's name (`The Plain Dealer`)."""
    text = unit.text
    width = rules.display_width(text)
    return (unit.kind in (Kind.SHORT, Kind.HEADING, Kind.PROSE) and HEADLINE_SHORTEST <= width <= HEADLINE_MAX_WIDTH
            and rules.could_be_title(_without_ellipsis(text), longest=longest) and not _enumerated_heading(unit)
            and not _is_link_row(text)
            and not re.fullmatch(r"[\d\W_]+", text) and not text.endswith(("—", "-", "–"))
            and not re.match(r"[(（]|——|--|[—–-]\s", text) and not (re.match(r"[a-z]", text) and not has_cjk(text)) and not re.fullmatch(r"[A-Za-z]*[a-z][A-Z]\w*", text)
            and not rules.is_name_line(text) and not re.match(r"^(?:\S+\s+){0,3}By\s+[A-Z]", text)
            and not re.match(r"(?:https?://|www\.)\S+$", text)
            and not re.fullmatch(r"The(?: [A-Z][\w'’-]*){1,2}", text))


LINK_ROW_SEGMENT_WIDTH = 30


def _is_link_row(text: str) -> bool:
    """`Email the author | Follow on Twitter`, `Home | World`: short pieces between bars are a
    row of links or buttons; a headline is one phrase."""
    segments = [part.strip() for part in re.split(r"\s[|｜]\s", text)]
    return len(segments) > 1 and all(rules.display_width(part) < LINK_ROW_SEGMENT_WIDTH for part in segments)


def _without_ellipsis(text: str) -> str:
    """A headline cut short with `...` or `…` (a page's title box) is still a headline."""
    return text.rstrip(".…") if text.endswith(("...", "…")) else text


def marked_headline(units: list[Unit], texts: list[str]) -> int | None:
    """A headline the file marks itself: a Markdown `# Title` or a Setext `===` underline,
    the first such unit of the file."""
    for index, unit in enumerate(units):
        if re.match(r"^#\s+\S", unit.text) or (unit.last > unit.first and texts[unit.last].startswith("=")):
            return index
    return None


def find_headline(units: list[Unit], body_first: int, run_last: int | None = None) -> int | None:
    """The headline above the body: the best-scoring title-shaped unit in the window above it.

    Pages put the date or byline right under the headline (or under its dek, or just
    over it), while share rows, photo credits and buttons may sit between it and the
    first paragraph: standing next to a date or byline line counts most, then being
    wide enough for a headline; every unit of distance from the body costs a little.
    A line shaped like a site name (`某某新闻网`, `Example News`) counts least, and one with
    a word of the page's interface (`Back to Main Menu`) little. The first units of the run
    (up to `run_last`) are candidates too when the page prints the line twice in a row (a title
    bar over the headline): a wide headline scores as prose and the run may start on it.
    """
    best, best_score = None, float("-inf")
    window = range(body_first - 1, max(-1, body_first - 1 - HEADLINE_WINDOW), -1)
    run_top = range(min(body_first + HEADLINE_IN_RUN, run_last if run_last is not None else body_first) - 1,
                    body_first - 1, -1)
    for index in (*run_top, *window):
        unit = units[index]
        if not (title_shaped(unit) or title_shaped(unit, HEADLINE_MAX_WIDTH) and _repeated(units, index, window)):
            continue  # a headline longer than most is taken when the page prints it twice
        if index >= body_first and (rules.ends_sentence(unit.text) or not _printed_twice(units, index)):
            continue  # the body's first lines hold the headline only when the page prints it twice
        width = rules.display_width(unit.text)
        value = min(width, 80) / 4 - 0.3 * max(0, body_first - 1 - index)
        value += _dateline_bonus(units, index)
        if width >= HEADLINE_MIN_WIDTH and _repeated(units, index, window):
            value += 25
        if width < HEADLINE_MIN_WIDTH:
            value -= 60  # a menu or tag word: only when nothing wider stands there
        if rules.is_site_name(unit.text):
            value -= 40
        if rules.is_interface_text(unit.text):
            value -= 30
        if value > best_score:
            best, best_score = index, value
    if best is not None and best > 0 and _reads_as_dek(units[best], units[best - 1]) and _heads_its_dek(units, best - 1):
        return best - 1
    return best


def _reads_as_dek(unit: Unit, above: Unit) -> bool:
    """A dek reads as a sentence, or runs much wider than the headline over it; in Chinese a
    headline is often followed by a subheadline as wide as itself (主题 over 副题), which
    an unspaced title line over it marks (a menu row over a headline has its words spaced)."""
    width = rules.display_width(unit.text)
    if has_cjk(unit.text) and has_cjk(above.text):
        return len(above.text.split()) <= 2 and rules.display_width(above.text) >= HEADLINE_MIN_WIDTH
    return (unit.kind is Kind.PROSE or rules.ends_sentence(unit.text)
            or width >= 80 and width > 1.3 * rules.display_width(above.text))


def _heads_its_dek(units: list[Unit], index: int) -> bool:
    """Is this unit a headline over the chosen one, which is then its dek? The headline comes
    first: a wide title-shaped unit whose dateline is two units down counts before its dek."""
    unit = units[index]
    return (title_shaped(unit) and rules.display_width(unit.text) >= HEADLINE_MIN_WIDTH
            and not rules.is_site_name(unit.text) and _dateline_under_dek(units[index + 1], units[index + 2])
            and not _is_dateline(units[index + 1]))


def _dateline_under_dek(dek: Unit, dateline: Unit) -> bool:
    """A date or byline line under the dek; a bare name (weak: a caption's subject has the
    same shape) only under a dek that reads as a sentence."""
    strength = _dateline_strength(dateline)
    return strength == DATELINE_FACTS or strength > 0 and rules.ends_sentence(dek.text)


def _repeated(units: list[Unit], index: int, window: range) -> bool:
    """Does the page print this text again near it (its title bar, a crumb, `正在阅读：…`)?"""
    text = units[index].text
    reach = range(max(0, window.stop), min(len(units), window.start + 1 + HEADLINE_IN_RUN))  # the body may open with it
    return any(i != index and text in units[i].text for i in reach)


def _printed_twice(units: list[Unit], index: int) -> bool:
    """The same line right over or under this one: a title bar over the headline."""
    return any(0 <= i < len(units) and units[i].text == units[index].text for i in (index - 1, index + 1))


def _dateline_bonus(units: list[Unit], index: int) -> int:
    """A date or byline line under this one (right under it, or one further under its dek or a
    share row, bare names not counted, before any other title-shaped line) counts most; right
    over it, less. A bare name (`Patrick Allan`, no `By`)
    is weak evidence: `Privacy Policy` has the same shape."""
    below, looked = 0, 0
    for unit in units[index + 1:index + 5]:  # two down, not counting bare names or its own repeat, not past a rival
        if unit.text == units[index].text:
            continue
        below = max(below, _dateline_strength(unit))
        looked += not rules.is_name_line(unit.text)
        if below or looked >= 2 or _rival_headline(unit):
            break
    above = _dateline_strength(units[index - 1]) if index > 0 else 0
    return max(below, above * 15 // 40)


def _rival_headline(unit: Unit) -> bool:
    return (title_shaped(unit) and rules.display_width(unit.text) >= HEADLINE_MIN_WIDTH
            and not rules.is_site_name(unit.text))


DATELINE_FACTS = 40  # a line with a date or byline on it; a bare name is weaker evidence


def _dateline_strength(unit: Unit) -> int:
    facts = unit.fields or unit.info
    if facts and (facts.date or facts.authors):
        return DATELINE_FACTS
    return 10 if rules.is_name_line(unit.text) else 0


def _next_to_dateline(units: list[Unit], index: int) -> bool:
    return _dateline_bonus(units, index) > 0


def _is_dateline(unit: Unit) -> bool:
    return _dateline_strength(unit) > 0