"""Publication dates for the HTML reader: where pages state them, and one ISO 8601 form for all.

Pages state the date in many places besides JSON-LD and article:published_time.
The <meta> names below are the ones publishing systems and analytics tags write
(Dublin Core, Parse.ly, Sailthru, cXense, Shareaholic, schema.org microdata,
Google Scholar's citation_*, the Newspaper "article_date_original" of Advance
sites, ...), most specific first: a plain "date" is the weakest hint.
"""

from __future__ import annotations

import re

from bs4 import Tag

from convert.readers.html.dom import is_inside
from convert.readers.html.inline import squash

META_DATE_NAMES = (
    "datepublished", "publishdate", "publish_date", "publish-date", "published-date", "published_date",
    "pubdate", "publication_date", "date_published", "article.published", "article:published",
    "og:published_time", "rnews:datepublished", "parsely-pub-date", "sailthru.date",
    "cxenseparse:recs:publishtime", "apub:time", "shareaholic:article_published_time", "article_date_original",
    "originalpublicationdate", "citation_publication_date", "citation_date", "prism.publicationdate",
    "dc.date.issued", "dc.date.created", "dcterms.issued", "dcterms.created", "dcterms.date", "dc.date", "date",
)
_MONTHS = {name: number for number, names in enumerate(
    ("jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
     "aug august", "sep sept september", "oct october", "nov november", "dec december"), start=1)
    for name in names.split()}
NUMERIC_DATE = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:(?:\s*T\s*|\s*)(\d{1,2})\s*[:：时]\s*(\d{2})(?:\s*[:：分]\s*(\d{2}))?(?:\.\d+)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?")
# ISO 8601's basic format, "20180619T055000+0900": only as a whole value, since eight
# digits inside running text are as likely an id or a phone number as a date
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")
_DATE_PUBLISHED = re.compile(r"(?:^|\s)datePublished(?:\s|$)", re.IGNORECASE)  # itemprop is a word list
_WORDY_DATE = re.compile(r"(?:(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4}))|(?:([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4}))")


def normalize_date(raw: str) -> str:
    """ISO 8601 ("2023-01-01", "2023-01-01T12:00", "2023-01-01T12:00:00+08:00") or the input as written."""
    raw = squash(raw)
    if not raw:
        return ""
    compact = _COMPACT_DATE.match(raw)
    numeric = compact or NUMERIC_DATE.search(raw)
    if numeric:
        year, month, day, hour, minute, second, zone = numeric.groups()
        return _iso(int(year), int(month), int(day), hour, minute, second, zone) or raw
    wordy = _WORDY_DATE.search(raw)
    if wordy:
        day, month_name, year = wordy.group(1, 2, 3) if wordy.group(1) else wordy.group(5, 4, 6)
        month = _MONTHS.get(month_name.lower())
        if month:
            return _iso(int(year), month, int(day), None, None, None, None) or raw
    return raw


def _iso(year: int, month: int, day: int, hour: str | None, minute: str | None,
         second: str | None, zone: str | None) -> str:
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1000 <= year <= 9999):
        return ""
    text = f"{year:04d}-{month:02d}-{day:02d}"
    if hour is not None and minute is not None and int(hour) < 24 and int(minute) < 60:
        text += f"T{int(hour):02d}:{minute}" + (f":{second}" if second else "")
        if zone:
            text += "Z" if zone == "Z" else f"{zone[:3]}:{zone[-2:]}"
    return text


def marked_up_date(scope: Tag) -> str:
    """The date the page's own markup gives as the publication date: an element with
    itemprop="datePublished" (its content or datetime attribute, else its text)."""
    for element in scope.find_all(attrs={"itemprop": _DATE_PUBLISHED}, limit=3):
        value = element.get("content") or element.get("datetime") or element.get_text(" ")
        date = normalize_date(str(value))
        if date[:4].isdigit():
            return date
    return ""


_DATE_LINE_LOOK_AHEAD = 30  # text pieces after the headline searched for its date line
_MAX_DATE_LINE = 80  # characters; a longer text is the article's prose, whose dates are events
_NOT_SHOWN = ("script", "style", "noscript", "template")


def date_after_headline(headline: Tag) -> str:
    """The date of the short line just under the headline. News pages, Chinese ones above all,
    print it there without markup: "2019-09-24 09:10", "2019-12-10 07:57:40 来源：X",
    "原创 X 2019-09-09 16:01:46". Only the nearest lines count: dates further on belong to
    related stories."""
    seen = 0
    for text in headline.find_all_next(string=True):
        parent = text.parent
        if not isinstance(parent, Tag) or parent.name in _NOT_SHOWN or is_inside(parent, headline):
            continue
        line = squash(str(text))
        if not line:
            continue
        seen += 1
        if seen > _DATE_LINE_LOOK_AHEAD:
            break
        found = NUMERIC_DATE.search(line) if len(line) <= _MAX_DATE_LINE else None
        if found:
            date = normalize_date(found.group())
            if date[:4].isdigit():
                return date
    return ""
