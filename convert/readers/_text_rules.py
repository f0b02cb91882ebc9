"""Small named detectors for the plain-text reader.

Each looks at one line (or one segment of a line) and says what it is: a
byline, a `key：value` field, a date line mixed with other things, a credit
inside a paragraph, a title or site name. They know nothing about where in the
file they are; `_text_zones` and `text.py` decide where each applies. To teach
the reader a new convention, add a pattern here and a unit test beside the
others. Dates themselves live in `_text_dates`, section headings in
`_text_headings`, page chrome in `_text_chrome`, trailer boilerplate in
`_text_boilerplate`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from convert.lang import CJK_CHAR, has_cjk
from convert.readers._text_dates import MONTHS, clock_time, find_date, parse_date_line, without_dates

# ------------------------------------------------------------- characters

# Leading characters that indent a line rather than belong to it: ASCII
# space and tab, the ideographic space (U+3000), no-break and other fixed
# spaces, and the invisible ones scrapers leave behind.
INDENT_CHARS = " \t\u3000\u00a0\u2002\u2003\u2007\u202f\ufeff\u200b"

_CLOSERS = "\"'”’」』）)】》>］]"
_SENTENCE_END = ".!?。！？…:："
_HEADING_STOPPERS = "。．.，,；;：:、"


@functools.lru_cache(maxsize=4096)  # the detectors ask about the same line many times
def display_width(text: str) -> int:
    """Columns the text takes in a monospaced view: CJK characters count two."""
    return len(text) + len(CJK_CHAR.findall(text))


def ends_sentence(text: str) -> bool:
    """True when the line ends where a paragraph may end (closing quotes and brackets looked through)."""
    stripped = text.rstrip(_CLOSERS + " ")
    return bool(stripped) and stripped[-1] in _SENTENCE_END


def has_closing_punctuation(text: str) -> bool:
    """True when a line ends like running text (full stop, comma, colon…), which a heading does not."""
    return bool(text) and text[-1] in _HEADING_STOPPERS


# ---------------------------------------------------- names and bylines

# One Han class, checked per dot-separated run: every class over the Han block costs ~1 ms to compile.
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{1,6}")
_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")
_NAME_DOT = re.compile(r"[·•]")
_LATIN_PARTICLES = {"de", "van", "von", "der", "da", "di", "la", "le", "du", "bin", "al", "del"}
_LATIN_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*)$")


def _is_han_name(part: str) -> bool:
    """2–4 Han characters (a Chinese name: surname and given name), or two or three runs of
    1–6 joined by a middle dot (阿卜杜·热合曼); not an outlet (`新华社`, `人民网`)."""
    runs = _NAME_DOT.split(part)
    if len(runs) == 1:
        return bool(_HAN_NAME.fullmatch(part)) and not _OUTLET_END.search(part)
    return len(runs) <= 3 and all(_HAN_RUN.fullmatch(run) for run in runs)


_OUTLET_END = re.compile(r"(?:网|報|报|社|台|刊|频道|頻道|新闻|新聞|中心|公司|集团|部|局|厅|委|办)$")
# Words that follow a reporter's name in a credit and are not part of it (`记者陈智 整合`).
_CREDIT_ROLES = re.compile(r"\s*(?:整合|编译|編譯|摄影|攝影|摄|攝|报道|報導|综合|綜合|整理|采写|採寫|撰文|撰稿|供图|供稿)$")


def split_names(value: str) -> tuple[str, ...] | None:
    """Person names from a byline value (`李强 王明`, `Jane Doe and John Roe`), or None if any part is not a name."""
    value = value.strip(" \u3000")
    if not value:
        return None
    if has_cjk(value):
        parts = [_CREDIT_ROLES.sub("", p) for p in re.split(r"[\s\u3000,，、;；/／&＆]+", value) if p]
        parts = [p for p in parts if p]
        valid = all(_is_han_name(p) for p in parts)
    else:
        parts = [p.strip() for p in re.split(r"\s*(?:,|;|&|\band\b)\s*", value, flags=re.IGNORECASE) if p.strip()]
        if len(parts) > 1:  # `Joan Biskupic, CNN Senior Supreme Court Analyst`: the title goes
            parts = [p for p in parts if not _ROLE_WORDS & {w.lower() for w in p.split()} and not p.isupper()] or parts
        valid = all(_is_latin_name(p) for p in parts)
    return tuple(parts) if parts and valid and len(parts) <= 6 else None


def _is_latin_name(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 5 and _LATIN_WORD.match(words[0]) is not None and all(
        _LATIN_WORD.match(w) or w in _LATIN_PARTICLES for w in words)


_BYLINES = (
    re.compile(r"^(?:(?:written|story|words|reporting|text|analysis|opinion|review|commentary|interview|updated)\s+)?"
               r"by[:\s]\s*(?P<names>.+)$", re.IGNORECASE),
    # `本报记者 李强`, `新京报记者 陆一夫`, `澎湃新闻记者 段彦超 廖艳`: an outlet's name may stand before 记者
    re.compile(r"^(?:[\u4e00-\u9fff]{1,8}?)?(?:特约|特派|见习|实习|特約|見習|實習)?"
               r"(?:记者|通讯员|实习生|記者|通訊員|實習生)\s*[:：]?\s*(?P<names>.+)$"),
    # `文/王明`, `执笔/A、B`, `文/观察者网专栏作者 王文`
    re.compile(r"^(?:文\s*[/／]\s*图|图\s*[/／]\s*文|文|执笔|撰文|采写|文字|執筆)\s*[/／|｜:：\s]\s*(?:\S{0,12}(?:作者|记者|撰稿人|記者)\s*)?(?P<names>.+)$"),
    # `石佳/中国青年报`: a name, then the outlet it writes for
    re.compile(r"^(?P<names>[\u4e00-\u9fff]{2,4})\s*[/／]\s*\S{2,12}(?:报|報|网|網|社|台|刊|新闻|新聞)$"),
)


# Where the names of an English byline end: a date, a dash or bar, a handle, `Updated`, `Follow`…
# Some scrapers glue the next span on without a space (`Nicole Gallucci2016-12-13`, `April Glaser@aprilaser`).
_AFTER_NAMES = re.compile(
    r"\s*[@•|/\d(]|\s+(?:[-–—·]|(?:on|at|in|updated|published|posted|follow|last)\b|"
    r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)"
    r"|(?<=[A-Z]{2})(?:JAN|FEB|MAR|APR|MAY|JUNE?|JULY?|AUG|SEPT?|OCT|NOV|DEC)\.?\s+\d", re.IGNORECASE)


def _names_part(names: str) -> str:
    """`Erin Cunningham March 18 at 3:57 PM Follow @erin` → `Erin Cunningham` (Latin bylines only)."""
    if has_cjk(names):
        return names
    cut = _AFTER_NAMES.search(names)
    return (names[:cut.start()] if cut else names).strip()


def parse_byline(segment: str, whole: bool = False) -> tuple[str, ...] | None:
    """`By Jane Doe`, `记者 李强`, `本报通讯员 张敏`, `文/王明` → the names; None otherwise.

    A one-word credit after full names is the outlet, not a person
    (`By Jane Doe and John Roe, Reuters` → the two reporters). What follows the names
    (`By Jane Doe March 18 at 3:57 PM`) is left aside, unless `whole`: then the segment
    must be the byline and nothing else (a line of only fields is read that way).
    """
    for pattern in _BYLINES:
        match = pattern.match(segment)
        if match:
            names_part = _names_part(match.group("names"))
            if whole and names_part != match.group("names").strip():
                return None
            names = split_names(names_part)
            if names:
                return _without_outlet(names)
    return None


def _pen_name(value: str) -> tuple[str, ...]:
    """A labelled author that is no full name (`作者：kingname`, `作者：叨叨姐`): one short token,
    neither a number, an outlet or a unit (`医技药剂党支部`), nor a sentence."""
    if re.fullmatch(r"[\w·.-]{2,16}", value) and not value.isdigit() and not _OUTLET_END.search(value) \
            and (not has_cjk(value) or len(value) <= 4):
        return (value,)
    return ()


def _without_outlet(names: tuple[str, ...]) -> tuple[str, ...]:
    if len(names) > 1 and " " not in names[-1] and not has_cjk(names[-1]) and all(" " in n for n in names[:-1]):
        names = names[:-1]
    return tuple(_as_written(name) for name in names)


def _as_written(name: str) -> str:
    """`MARCUS OYELARAN` → `Marcus Oyelaran`: a byline set in capitals is a style, not the name."""
    return name.title() if name.isupper() and not has_cjk(name) and len(name) > 3 else name


# Words that make a comma part of an English byline a job title, not a person (`Jane Doe, Staff Writer`).
_ROLE_WORDS = {"analyst", "editor", "correspondent", "reporter", "writer", "staff", "senior", "contributor",
               "columnist", "producer", "chief", "bureau", "desk", "wire", "news", "press", "associated",
               "report", "reports", "team", "agencies"}


_INTERFACE_WORDS = {"follow", "followed", "following", "share", "subscribe", "sign", "log", "login", "print", "email",
                    "comments", "more", "next", "prev", "previous", "menu", "search", "home", "read", "view"}
# Words of a page's own interface: a short line holding one is a button, a menu or a greeting.
_UI_WORDS = _INTERFACE_WORDS | {"back", "edition", "welcome", "newsletter", "newsletters", "stories", "author",
                                "advertise", "advertisement", "cookies", "privacy", "terms", "register",
                                "visibility", "publish", "loading", "download", "app", "contact"}


def is_interface_text(text: str) -> bool:
    """`Back to Main Menu`, `Welcome to Sott.net`, `Email the author | Follow on Twitter`,
    `US Edition UK Edition …`: a short English line with an interface word in it."""
    words = re.findall(r"[A-Za-z]+", text)
    return not has_cjk(text) and len(words) <= 8 and any(word.lower() in _UI_WORDS for word in words)


def name_line_names(text: str) -> tuple[str, ...]:
    """The names on a line that is only a person's name (`Patrick Allan`, `By JANE DOE`): two
    or three words each (see `_person_like`); () for any other line."""
    names = parse_byline(text) or (split_names(text) if not has_cjk(text) else None)
    if names and len(names) <= 3 and all(_person_like(name) for name in names) and not is_site_name(text):
        return names
    return ()


def is_name_line(text: str) -> bool:
    return bool(name_line_names(text))


# Words that open a heading, a tag or a box, never a person's name (`The Two-Way`, `My Teams`).
_NOT_FIRST_NAMES = {"the", "a", "an", "my", "our", "your", "see", "this", "these", "all", "top", "latest", "related"}


def _person_like(name: str) -> bool:
    """Two or three words, none of them a button's (`Follow Followed`), a job's, a site's, a
    heading's opener, no possessive (`Editor's Picks`) and not set in capitals with a plural
    (`RELATED ARTICLES`)."""
    words = name.split()
    lowered = {word.lower().strip(".") for word in words}
    return (2 <= len(words) <= 3 and not lowered & (_UI_WORDS | _ROLE_WORDS)
            and words[0].lower() not in _NOT_FIRST_NAMES and "'" not in name and "’" not in name
            and not is_site_name(name) and not name.endswith(("...", "…")))


# ---------------------------------------------------- key: value fields

FIELD_KEYS = {
    "责任编辑": "editor", "编辑": "editor", "责编": "editor", "editor": "editor", "editors": "editor",
    "edited by": "editor",
    "来源": "source", "稿源": "source", "出处": "source", "source": "source",
    "作者": "authors", "记者": "authors", "通讯员": "authors", "author": "authors", "authors": "authors",
    "采写": "authors", "撰文": "authors", "执笔": "authors", "撰稿": "authors",
    "标签": "tags", "关键词": "tags", "关键字": "tags", "tags": "tags", "tag": "tags",
    # the same keys in traditional characters (Big5 pages from Taiwan and Hong Kong)
    "責任編輯": "editor", "編輯": "editor", "責編": "editor", "來源": "source", "記者": "authors",
    "通訊員": "authors", "標籤": "tags", "關鍵詞": "tags", "關鍵字": "tags",
    "keywords": "tags", "topics": "tags",
}
_KEY_ALTERNATIVES = "|".join(sorted((re.escape(k) for k in FIELD_KEYS), key=len, reverse=True))
_FIELD = re.compile(rf"^(?P<key>{_KEY_ALTERNATIVES})\s*[:：]\s*(?P<value>\S.*)$", re.IGNORECASE)
# `编辑 王芳` without a colon: only for Chinese keys, and only when a name follows.
# `编辑 王芳`, and unspaced `作者魏星` when a name of two or three characters is all that follows
_SPACED_FIELD = re.compile(r"^(?P<key>责任编辑|编辑|责编|作者|責任編輯|編輯|責編)"
                           r"(?:[\s\u3000]+(?P<value>\S.*)|(?P<glued>[\u4e00-\u9fff]{2,3}))$")
_TAG_SEPARATORS = re.compile(r"\s*[,，、;；]\s*")


def split_tags(value: str) -> tuple[str, ...]:
    """`经济，科技、AI; markets` → ('经济', '科技', 'AI', 'markets'); Chinese tags may be split by spaces alone
    (`电影 文物保护 非遗`)."""
    value = value.strip()
    if not _TAG_SEPARATORS.search(value) and has_cjk(value):
        return tuple(value.split())
    return tuple(tag for tag in _TAG_SEPARATORS.split(value) if tag)


@dataclass(slots=True)
class LineFacts:
    """What a header or trailer line said about the article."""

    date: str = ""
    authors: list[str] = field(default_factory=list)
    source: str = ""
    editor: str = ""
    tags: list[str] = field(default_factory=list)


def parse_field(segment: str, facts: LineFacts) -> bool:
    """A known `key：value` segment (编辑/来源/作者/标签, Editor/Source/Tags…) → into `facts`; False if unknown."""
    match = _FIELD.match(segment)
    spaced = match is None
    match = match or _SPACED_FIELD.match(segment)
    if not match:
        return False
    kind = FIELD_KEYS[match.group("key").lower()]
    value = (match.group("value") or match.group("glued")).strip()
    if spaced and not split_names(value):  # `编辑 王芳`, `作者魏星`: without a colon only a name may follow
        return False
    if display_width(value) > 80 or ends_sentence(value) and not value.endswith("."):
        return False
    if kind == "authors":
        value = re.sub(r"\s*[(（][^()（）]{1,20}[)）]$", "", value)  # `Brianna Castillo (KXVR)`: the outlet goes
        names = split_names(value) or parse_byline(value) or _pen_name(value)  # `采写：南都记者 余毅菁 向雪妮`
        facts.authors.extend(names or ())
    elif kind == "tags":
        facts.tags.extend(split_tags(value))
    elif kind == "source":
        facts.source = facts.source or value
    else:
        facts.editor = facts.editor or value
    return True


_SEGMENT_SPLIT = re.compile(
    r"[ \t]{2,}|[\u3000\t]+|\s*[|｜]\s*|;\s+(?=\w+\s+by\s)"
    r"|\s+(?=(?:来源|作者|编辑|责任编辑|记者|通讯员|发布时间|來源|編輯|責任編輯|記者|通訊員|Source|Editor)\s*[:：])"
    # `12:11来源：证券时报网作者：李在山`: a Chinese key with its colon starts a field even unspaced
    r"|\s+(?=[\u4e00-\u9fff]{2,4}[:：])"  # any Chinese label after a space starts a field (`阅读：1024`)
    r"|(?<=[^\s\u4e00-\u9fff])(?=(?:来源|作者|责任编辑|來源|責任編輯)[:：])|(?<=[\u4e00-\u9fff])(?<!责任)(?<!責任)(?=(?:来源|作者|编辑|來源|編輯)[:：])"
    r"|\s+(?=(?:记者|通讯员|编辑|記者|通訊員|編輯)\s)"
    # `… By Jane Doe` starts a byline (split_segments joins `Story by …` back: one word before is its label)
    r"|\s+(?=(?:[Bb]y|BY)\s+[A-Z])"
)
_BRACKETED = re.compile(r"^[（(【\[](?P<inner>.*)[）)】\]]$")


def split_segments(line: str) -> list[str]:
    """Split a header or trailer line into its parts (`date  来源：X` → two parts)."""
    bracketed = _BRACKETED.match(line)
    if bracketed:
        line = bracketed.group("inner")
    parts = [part.strip() for part in _SEGMENT_SPLIT.split(line) if part and part.strip()]
    joined: list[str] = []
    for part in parts:  # `Story` + `by Jane Doe`, `Analysis` + `by …`: a one-word label belongs to its byline
        if (joined and re.match(r"by\s", part, re.IGNORECASE) and re.fullmatch(r"[A-Za-z]+", joined[-1])
                and (parse_byline(joined[-1] + " " + part) or _EDITING_BY.match(joined[-1] + " " + part))):
            joined[-1] += " " + part
        else:
            joined.append(part)
    return joined


# What every date, byline or field line holds one of (a digit, a colon, a byline word): a line
# without any is answered at once, which most lines of a page are.
_META_HINT = re.compile(r"\d|[:：/／《]|\bby\b|记者|通讯员|实习生|記者|通訊員|實習生|作者|编辑|責編|责编|編輯|执笔|撰文|采写|文",
                        re.IGNORECASE)


def parse_meta_line(line: str) -> LineFacts | None:
    """A line made only of dates, bylines and known fields → what it says; None if any part is something else."""
    if display_width(line) > 120 or not _META_HINT.search(line):
        return None
    facts = LineFacts()
    publication = re.match(r"《(?P<name>[^《》]{1,20})》\s*(?=\S)", line)  # `《棱镜》作者 周纯`
    if publication:
        facts.source, line = publication.group("name"), line[publication.end():]
    segments = split_segments(line)
    if not segments:
        return None
    for segment in segments:
        iso = parse_date_line(segment)
        if iso:
            facts.date = facts.date or iso
            continue
        editors = _EDITING_BY.match(segment)
        if editors and (names := split_names(editors.group("names"))):
            facts.editor = facts.editor or ", ".join(names)
            continue
        names = parse_byline(segment, whole=True)
        if names:
            facts.authors.extend(names)
            outlet = _BYLINE_OUTLET.search(segment)
            if outlet and outlet.group("outlet") not in names:
                facts.source = facts.source or outlet.group("outlet")
            continue
        if not parse_field(segment, facts):
            return None
    return facts


_EDITING_BY = re.compile(r"^(?:editing|edited)\s+by\s+(?P<names>.+)$", re.IGNORECASE)
# `By Jane Doe and John Roe, Reuters`: the one-word credit after the names is the source
_BYLINE_OUTLET = re.compile(r"^by\b.*,\s*(?P<outlet>[A-Z][\w&.-]+)$", re.IGNORECASE)


# ------------------------------------------- info lines under a headline

_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_PUBLICATION = re.compile(r"《(?P<name>[^《》]{1,20})》")
_SENTENCE_INSIDE = re.compile(r"[。！？]|[.!?]\s+[A-Z]|[，,].*[，,].*[，,]")
_INFO_SEPARATORS = re.compile(r"\s+[-–—·•]\s+|\s+[-–—]$")
INFO_LINE_MAX_WIDTH = 160


def parse_info_line(line: str) -> LineFacts | None:
    """The line under a headline that mixes a date with anything else, as real pages print it:
    `http://www.example.net 2005年03月21日 11:21 《理财周刊》`, `Dan Goodin - Apr 16, 2015 8:02 pm UTC`,
    `Published March 3, 2019 Updated March 4, 2019`, `2021-07-28 来源：人民网 阅读：1024`.

    A date is required and the line may not hold a sentence; the known fields,
    bylines, a `《刊名》` (the source) and full Latin names beside the date are
    read, anything else on the line (labels, view counts, URLs) is ignored.
    """
    if display_width(line) > INFO_LINE_MAX_WIDTH:
        return None
    found = find_date(line)
    if not found:
        return _byline_first(line)
    iso, start, end = found
    rest_of_line = without_dates(line)
    if _SENTENCE_INSIDE.search(rest_of_line) or rest_of_line.rstrip().endswith((".", "。")) \
            or re.search(r"(?:\b[a-z]+\b[\s,]+){4}", rest_of_line):
        return None  # a sentence that mentions a date
    if "T" not in iso and (clock := clock_time(line[:start] + " " + line[end:])):
        iso += "T" + clock
    facts = LineFacts(date=iso)
    rest = _URL.sub("  ", line[:start] + "  " + line[end:])
    publication = _PUBLICATION.search(rest)
    if publication:
        facts.source = publication.group("name")
        rest = _PUBLICATION.sub("  ", rest)
    for segment in split_segments(_INFO_SEPARATORS.sub("  ", rest)):
        if parse_field(segment, facts):
            continue
        names = parse_byline(segment) or _bare_latin_names(segment)
        if names:
            facts.authors.extend(name for name in names if name not in facts.authors)
    return facts


def _byline_first(line: str) -> LineFacts | None:
    """`By Howard Schneider and Lindsay Dunsmuir | WASHINGTON`, `By Jane Doe • 5 min read`,
    `By Erin Cunningham March 18 Follow @erin`: a `By` byline first, then something short that
    is no sentence: the names."""
    if not re.match(r"\W*by\b", line, re.IGNORECASE) or display_width(line) > 100:
        return None
    segments = split_segments(line)
    if not segments or not re.match(r"by\b", segments[0], re.IGNORECASE):
        return None
    names = parse_byline(segments[0])
    if not names or ends_sentence(line) or any(len(segment.split()) > 4 for segment in segments[1:]):
        return None
    return LineFacts(authors=list(names))


def _bare_latin_names(segment: str) -> tuple[str, ...] | None:
    """`Dan Goodin` beside a date: full names only (two words or more), no date words."""
    names = split_names(segment.strip(" -–—,"))
    if not names or has_cjk(segment):
        return None
    if any(not _person_like(name) or any(word.lower().strip(".") in MONTHS for word in name.split()) for name in names):
        return None
    return names


_LEAD_CREDIT = re.compile(r"^.{0,16}?(?:讯|電|电)?\s*[（(](?P<credit>(?:[^（）()]{0,6}(?:记者|通讯员|記者|通訊員))[^（）()]{1,40})[）)]")


_CLOSING_CREDIT = re.compile(r"[。！？”」][（(](?:(?:本报|本台)?(?:记者|通讯员|作者|記者)\s*)?(?P<names>[^（）()]{2,24})[）)]$")


def closing_credit(paragraph: str) -> tuple[str, ...]:
    """Reporters credited in brackets at the very end of the last paragraph:
    `…南美站活动将先后在巴西举行。（张巨峰）` → ('张巨峰',); `（完）` and outlets are not names."""
    match = _CLOSING_CREDIT.search(paragraph)
    if not match:
        return ()
    inner = match.group("names")
    return parse_byline(inner) or split_names(inner) or ()


def lead_credit(paragraph: str) -> tuple[str, ...]:
    """Reporters credited at the start of the first paragraph: `本报讯（记者 陈静 通讯员 刘洋）…`,
    `新华社北京3月5日电（记者 张华）…` → their names (the paragraph itself stays as it is)."""
    match = _LEAD_CREDIT.match(paragraph)
    if not match:
        return ()
    names: list[str] = []
    for segment in split_segments(match.group("credit")):
        for name in parse_byline(segment) or ():
            if name not in names:
                names.append(name)
    return tuple(names)


# --------------------------------------------------- title and site name

_SITE_SUFFIX_HAN = re.compile(r"(?:网|新闻|日报|晚报|早报|时报|商报|周刊|在线|频道|客户端|电视台|电台|报|杂志|杂志社|出版社"
                              r"|协会|学会|俱乐部|研究院|網|新聞|日報|晚報|時報|週刊|雜誌|協會)$")
_SITE_SUFFIX_LATIN = {"news", "times", "post", "journal", "daily", "herald", "tribune", "gazette",
                      "chronicle", "magazine", "weekly", "review", "online", "press", "wire", "network"}
_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|cn|net|org|news|io|co\.uk|com\.cn)/?$",
                     re.IGNORECASE)


def is_site_name(line: str) -> bool:
    """A short line naming a publication: `某某新闻网`, `Example News`, `www.example.com`."""
    if _DOMAIN.match(line):
        return True
    if has_closing_punctuation(line) or display_width(line) > 40:
        return False
    if has_cjk(line):
        return bool(re.fullmatch(r"[\u4e00-\u9fffA-Za-z0-9·]{2,16}", line)) and bool(_SITE_SUFFIX_HAN.search(line))
    words = line.split()
    return 1 <= len(words) <= 5 and all(w[:1].isupper() for w in words) and words[-1].lower() in _SITE_SUFFIX_LATIN


TITLE_MAX_WIDTH = 120


def could_be_title(line: str, longest: int = TITLE_MAX_WIDTH) -> bool:
    """A line short enough for a title that does not end like running text."""
    return 0 < display_width(line) <= longest and not has_closing_punctuation(line)


# ------------------------------------------------------------------ ledes

_LEDE = re.compile(r"^(?P<label>(?:导语|摘要|核心提示|内容提要|提要|summary|abstract|standfirst)\s*[:：])\s*\S",
                   re.IGNORECASE)


def lede_label(paragraph: str) -> str | None:
    """`导语：…`, `摘要:`, `核心提示：`, `Summary:` → the label as written (with its colon), else None."""
    match = _LEDE.match(paragraph)
    return match.group("label") if match else None
