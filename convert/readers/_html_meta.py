"""Metadata for the HTML reader.

Layers, highest precedence first; for each field the first layer that has it wins:

  1. JSON-LD: the Article/NewsArticle/BlogPosting object in <script type="application/ld+json">
     (headline, author, datePublished, publisher, keywords, inLanguage, description, url)
  2. Open Graph: og:title, og:site_name, og:description, og:url, og:locale,
     article:published_time, article:author, article:tag
  3. <meta name>: author, description, keywords, publishdate and kin, source; <html lang>
  4. the page: <time datetime>, the Chinese info line under the headline
     ("2023-01-01 12:00 来源：X 作者：Y"), "责任编辑：X"
  5. <title> with its site suffix removed (the suffix gives the publisher), else the <h1>

Dates are normalised to ISO 8601 when they can be parsed (kept as written
otherwise); languages to BCP 47 letter case. The info line and the <h1>
that repeats the title are returned for the body to leave out.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from bs4 import BeautifulSoup, Tag

from convert.readers._html_headings import is_permalink
from convert.readers._html_inline import squash
from convert.tree import Metadata

_ARTICLE_TYPES = ("NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle",
                  "BlogPosting", "OpinionNewsArticle", "TechArticle", "ScholarlyArticle", "Report")
_LIST_SPLIT = re.compile(r"\s*[,，、;；]\s*")
_TITLE_SEPARATOR = re.compile(r"\s*_\s*| - | \| | – | — |\s*[|｜]\s*")
_MONTHS = {name: number for number, names in enumerate(
    ("jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
     "aug august", "sep sept september", "oct october", "nov november", "dec december"), start=1)
    for name in names.split()}
_NUMERIC_DATE = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:(?:\s*T\s*|\s*)(\d{1,2})\s*[:：时]\s*(\d{2})(?:\s*[:：分]\s*(\d{2}))?(?:\.\d+)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?")
_WORDY_DATE = re.compile(r"(?:(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4}))|(?:([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4}))")
_INFO_LABEL = re.compile(
    r"(来源|稿源|出处|作者|记者|通讯员|责任编辑|编辑|发布时间|发布日期|时间|日期)\s*[:：]\s*|(记者|通讯员)\s+(?=\S)")
_INFO_VALUE_END = re.compile(r"\s{2,}|[|丨｜\u3000]")
_EDITOR = re.compile(r"责任编辑\s*[:：]\s*([^\s）)】\]|丨｜]+)")
_META_DATE_NAMES = ("publishdate", "publish_date", "pubdate", "publish-date", "date", "dc.date",
                    "dc.date.issued", "dcterms.created", "article.published", "parsely-pub-date")
_INDEXED = ("meta", "h1", "time", "title", "html", "link", "script", "base")
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$")


@dataclass
class PageMetadata:
    meta: Metadata
    skip: list[Tag] = field(default_factory=list)  # body elements the metadata already holds


def index_tags(soup: BeautifulSoup) -> dict[str, list[Tag]]:
    """The elements metadata comes from, by name, in one plain pass (bs4's find filters are slow on big pages)."""
    found: dict[str, list[Tag]] = {name: [] for name in _INDEXED}
    for node in soup.descendants:
        if isinstance(node, Tag) and node.name in found:
            found[node.name].append(node)
    return found


def read_json_ld(tags: dict[str, list[Tag]], warn: Callable[[str, str], None]) -> list[dict[str, Any]]:
    """Every JSON-LD object on the page, flattened out of lists and @graph; broken blocks skipped."""
    objects: list[dict[str, Any]] = []
    for script in tags["script"]:
        if "ld+json" not in str(script.get("type") or "").lower():
            continue
        text = script.string or script.get_text()
        data = _lenient_json(text)
        if data is None:
            if text.strip():
                warn("json-ld-invalid", "a JSON-LD block is not valid JSON and was ignored")
            continue
        pending = [data]
        while pending:
            item = pending.pop(0)
            if isinstance(item, list):
                pending.extend(item)
            elif isinstance(item, dict):
                objects.append(item)
                if isinstance(item.get("@graph"), list):
                    pending.extend(item["@graph"])
    return objects


def _lenient_json(text: str) -> Any:
    text = text.strip()
    for attempt in (text, re.sub(r",\s*([}\]])", r"\1",
                                 re.sub(r"^\s*(?:<!--|//\s*<!\[CDATA\[)|(?://\s*\]\]>|-->)\s*$", "", text, flags=re.M))):
        try:
            return json.loads(attempt, strict=False)
        except (ValueError, RecursionError):
            continue
    return None


def extract_metadata(tags: dict[str, list[Tag]], root: Tag, json_ld: list[dict[str, Any]]) -> PageMetadata:
    metas = _meta_values(tags["meta"])
    in_root = [h1 for h1 in tags["h1"] if _is_inside(h1, root)]
    h1 = (in_root or tags["h1"] or [None])[0]
    h1_text = _text_without_permalinks(h1) if h1 is not None else ""
    info_tag, info = _info_line(root, h1)
    layers = [
        _json_ld_layer(json_ld),
        _open_graph_layer(metas, h1_text),
        _meta_name_layer(tags, metas),
        _page_layer(tags, root, info),
        _title_layer(tags, h1_text),
    ]
    fields: dict[str, Any] = {}
    for layer in layers:
        for key, value in layer.items():
            if value and key not in fields:
                fields[key] = value
    extra = {"date_modified": fields.pop("date_modified")} if "date_modified" in fields else {}
    if "language" in fields:
        fields["language"] = normalize_language(fields["language"])
    meta = Metadata(**fields, extra=extra)
    skip = [info_tag] if info_tag is not None else []
    if h1 is not None and meta.title and _same_text(h1_text, meta.title):
        skip.append(h1)
    return PageMetadata(meta, skip)


# ------------------------------------------------------------------ layers


def _json_ld_layer(objects: list[dict[str, Any]]) -> dict[str, Any]:
    def rank(obj: dict[str, Any]) -> int:
        types = obj.get("@type")
        types = types if isinstance(types, list) else [types]
        return min((_ARTICLE_TYPES.index(t) for t in types if t in _ARTICLE_TYPES), default=len(_ARTICLE_TYPES))

    articles = sorted((o for o in objects if rank(o) < len(_ARTICLE_TYPES)), key=rank)
    merged: dict[str, Any] = {}
    for article in articles:  # a field missing from the best object may come from the next
        for key, value in _json_ld_fields(article).items():
            if value and key not in merged:
                merged[key] = value
    return merged


def _json_ld_fields(article: dict[str, Any]) -> dict[str, Any]:
    publishers = _names(article.get("publisher"))
    entity = article.get("mainEntityOfPage")
    language = article.get("inLanguage")
    return {
        "title": _first_text(article.get("headline")) or _first_text(article.get("name")),
        "authors": tuple(_names(article.get("author"))),
        "date": normalize_date(_first_text(article.get("datePublished"))),
        "date_modified": normalize_date(_first_text(article.get("dateModified"))),
        "publisher": publishers[0] if publishers else "",
        "tags": split_list(article.get("keywords")),
        "description": _first_text(article.get("description")),
        "language": _first_text(language.get("alternateName") or language.get("name"))
        if isinstance(language, dict) else _first_text(language),
        "url": _first_text(article.get("url")) or (
            _first_text(entity.get("@id")) if isinstance(entity, dict) else _first_text(entity)),
    }


def _open_graph_layer(metas: dict[str, list[str]], h1_text: str) -> dict[str, Any]:
    def first(name: str) -> str:
        return next(iter(metas.get(name, [])), "")

    return {
        "title": clean_title(first("og:title"), h1_text)[0],
        "publisher": first("og:site_name"),
        "description": first("og:description"),
        "url": first("og:url"),
        "language": first("og:locale"),
        "date": normalize_date(first("article:published_time")),
        "date_modified": normalize_date(first("article:modified_time")),
        "authors": tuple(name for value in metas.get("article:author", []) for name in _names(value)),
        "tags": split_list(metas.get("article:tag", [])),
    }


def _meta_name_layer(tags: dict[str, list[Tag]], metas: dict[str, list[str]]) -> dict[str, Any]:
    def first(*names: str) -> str:
        return next((value for name in names for value in metas.get(name, [])), "")

    html = next(iter(tags["html"]), None)
    canonical = next((link for link in tags["link"] if "canonical" in (link.get("rel") or [])), None)
    return {
        "authors": tuple(_names(first("author", "dc.creator", "byl"))),
        "description": first("description", "dc.description"),
        "tags": split_list(first("keywords", "news_keywords")),
        "date": normalize_date(first(*_META_DATE_NAMES)),
        "publisher": first("publisher", "dc.publisher"),
        "source": first("source"),
        "language": (str(html.get("lang") or html.get("xml:lang") or "") if isinstance(html, Tag) else "")
        or first("content-language", "language", "dc.language"),
        "url": str(canonical.get("href") or "") if isinstance(canonical, Tag) else "",
    }


def _page_layer(tags: dict[str, list[Tag]], root: Tag, info: dict[str, Any]) -> dict[str, Any]:
    times = [time for time in tags["time"] if time.get("datetime") and _is_inside(time, root)]
    time = next((t for t in times if t.get("itemprop") == "datePublished" or t.has_attr("pubdate")),
                times[0] if times else None)
    date = normalize_date(str(time.get("datetime") or "")) if isinstance(time, Tag) else ""
    # "（责任编辑：X）" often sits just below the article's container: look one or two levels up too
    scopes = [root, *list(root.parents)[:2]]
    editor = next((found for scope in scopes if (found := _EDITOR.search(scope.get_text(" ")))), None)
    return {**info, "date": date or info.get("date", ""),
            "editor": info.get("editor") or (editor.group(1) if editor else ""),
            "authors": info.get("authors") or _markup_authors(scopes[-1])}


_BYLINE_PREFIX = re.compile(r"^(?:by|written by|story by|作者|记者|文)\s*[:：/]?\s*", re.IGNORECASE)


def _markup_authors(scope: Tag) -> tuple[str, ...]:
    """Names the page marks up as its author: itemprop="author" (its itemprop="name" if it has
    one), else rel="author" links. Short texts only: a byline, not a paragraph about the author."""
    found = []
    marked = scope.find_all(attrs={"itemprop": "author"}, limit=5) or scope.find_all("a", rel="author", limit=5)
    for element in marked:
        name = element.find(attrs={"itemprop": "name"}) if element.get("itemprop") == "author" else None
        text = _BYLINE_PREFIX.sub("", squash((name or element).get_text(" ")))
        if 1 < len(text) <= 60 and not any(ch.isdigit() for ch in text):
            found.append(text)
    return tuple(dict.fromkeys(found))


def _title_layer(tags: dict[str, list[Tag]], h1_text: str) -> dict[str, Any]:
    title_tag = next(iter(tags["title"]), None)
    raw = squash(title_tag.get_text()) if title_tag is not None else ""
    title, site = clean_title(raw, h1_text)
    return {"title": title or h1_text, "publisher": site}


# ------------------------------------------------------------- the pieces


def clean_title(title: str, h1_text: str = "") -> tuple[str, str]:
    """The title without its site suffix, and the site name that was cut ("" if none).

    Cut where the part before a separator is the <h1>; else at the first
    separator after which every part is short (≤ 20 characters, none longer than the part kept).
    """
    title = squash(title)
    cuts = list(_TITLE_SEPARATOR.finditer(title))
    if not cuts or (h1_text and _same_text(title, h1_text)):
        return title, ""
    for cut in cuts:
        if h1_text and _same_text(title[:cut.start()], h1_text):
            return title[:cut.start()].strip(), _TITLE_SEPARATOR.split(title[cut.end():])[-1].strip()
    for cut in cuts:
        kept, rest = title[:cut.start()].strip(), title[cut.end():]
        parts = [part.strip() for part in _TITLE_SEPARATOR.split(rest) if part.strip()]
        if kept and parts and max(map(len, parts)) <= min(20, len(kept)):
            return kept, parts[-1]
    return title, ""


def normalize_date(raw: str) -> str:
    """ISO 8601 ("2023-01-01", "2023-01-01T12:00", "2023-01-01T12:00:00+08:00") or the input as written."""
    raw = squash(raw)
    if not raw:
        return ""
    numeric = _NUMERIC_DATE.search(raw)
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


def normalize_language(tag: str) -> str:
    tag = tag.strip()
    if not _LANGUAGE_TAG.match(tag):
        return ""
    parts = re.split(r"[-_]", tag)
    out = [parts[0].lower()]
    for part in parts[1:]:
        out.append(part.title() if len(part) == 4 else part.upper() if len(part) == 2 else part.lower())
    return "-".join(out)


def split_list(value: Any) -> tuple[str, ...]:
    """Tags from "a, b，c、d；e" or a list of such strings, in order, without repeats."""
    values = value if isinstance(value, list) else [value]
    seen: dict[str, None] = {}
    for item in values:
        if not isinstance(item, str):
            continue
        parts = _LIST_SPLIT.split(item)
        if len(parts) == 1 and " " in item.strip() and re.search(r"[\u4e00-\u9fff]", item):
            parts = item.split()  # Chinese keywords separated by spaces only
        for part in parts:
            part = squash(part)
            if part:
                seen.setdefault(part, None)
    return tuple(seen)


def _names(value: Any) -> list[str]:
    """Person or organisation names from JSON-LD or meta values: strings, {"name": ...}, lists."""
    names: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict):
            item = item.get("name")
            names.extend(_names(item) if isinstance(item, list) else [])
        if isinstance(item, str) and not item.strip().lower().startswith(("http://", "https://")):
            names.extend(split_list(item))
    return list(dict.fromkeys(names))


def _first_text(value: Any) -> str:
    if isinstance(value, list):
        value = next((item for item in value if isinstance(item, str)), "")
    return squash(value) if isinstance(value, str) else ""


def _meta_values(metas: list[Tag]) -> dict[str, list[str]]:
    """Every <meta name|property|http-equiv content> value, keyed by the lower-cased name."""
    values: dict[str, list[str]] = {}
    for meta in metas:
        content = squash(str(meta.get("content") or ""))
        if not content:
            continue
        for attribute in ("property", "name", "http-equiv", "itemprop"):
            name = meta.get(attribute)
            if name:
                values.setdefault(str(name).strip().lower(), []).append(content)
    return values


def _info_line(root: Tag, h1: Tag | None) -> tuple[Tag | None, dict[str, Any]]:
    """The short "date 来源：X 作者：Y" line under the headline, and what it says."""
    for element in _info_candidates(root, h1):
        text = re.sub(r"[ \t\r\n]+", lambda m: "  " if len(m.group()) > 1 else " ", element.get_text(" ")).strip()
        if not text or len(text) > 150:
            continue
        fields = parse_info_line(text)
        if sum(1 for key in ("date", "source", "authors") if fields.get(key)) >= 2:
            return element, fields
    return None, {}


def _info_candidates(root: Tag, h1: Tag | None) -> Iterator[Tag]:
    elements = h1.next_elements if h1 is not None else root.descendants
    seen = 0
    for element in elements:
        if isinstance(element, Tag) and element.name in ("div", "p", "span", "section", "header", "small", "address"):
            yield element
            seen += 1
            if seen >= 40:
                return


def parse_info_line(text: str) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    date = _NUMERIC_DATE.search(text)
    if date:
        fields["date"] = normalize_date(date.group())
    pieces = _INFO_LABEL.split(text)
    # split() with two groups yields: text, label-with-colon, label-without, value, ...
    for index in range(1, len(pieces) - 2, 3):
        label = pieces[index] or pieces[index + 1]
        value = _INFO_VALUE_END.split(pieces[index + 2].strip())[0].strip()
        if not value:
            continue
        if label in ("来源", "稿源", "出处"):
            fields.setdefault("source", value.split()[0])
        elif label in ("作者", "记者", "通讯员"):
            names = [n for n in re.split(r"[\s,，、;；/]+", value) if n and not re.search(r"\d", n)]
            fields["authors"] = tuple(dict.fromkeys([*fields.get("authors", ()), *names]))
        elif label in ("责任编辑", "编辑"):
            fields.setdefault("editor", value.split()[0])
    return fields


def _text_without_permalinks(tag: Tag) -> str:
    return squash("".join(str(text) for text in tag.find_all(string=True)
                          if not (isinstance(text.parent, Tag) and is_permalink(text.parent))))


def _is_inside(tag: Tag, ancestor: Tag) -> bool:
    return tag is ancestor or any(parent is ancestor for parent in tag.parents)


def _same_text(a: str, b: str) -> bool:
    return re.sub(r"\s+", "", a) == re.sub(r"\s+", "", b) != ""
