"""Metadata for the HTML reader.

Layers, highest precedence first; for each field the first layer that has it wins:

  1. JSON-LD: the Article/NewsArticle/BlogPosting object in <script type="application/ld+json">
     (headline, author, datePublished, publisher, keywords, inLanguage, description, url)
  2. Open Graph: og:title (else twitter:title), og:site_name, og:description, og:url, og:locale,
     article:published_time, article:author, article:tag
  3. <meta name>: author, description, keywords, publication dates (`dates`), source; <html lang>
  4. the page: <time datetime>, itemprop="datePublished", the Chinese info line under the headline
     ("2023-01-01 12:00 来源：X 作者：Y"), "责任编辑：X", the byline's markup (`byline`)
  5. <title> with its site suffix removed (`title`; the suffix gives the publisher), else the <h1>
Last resorts: the date of the line just under the headline; the reporters the text credits
("（记者 X）", "记者 X") when the layers named only an outlet or nobody.

Author strings are bylines split into names ("By A, B and C, CNN" -> A, B, C: the outlet
credited last goes). Dates are normalised to ISO 8601 when they can be parsed (kept as written
otherwise); languages to BCP 47 letter case. The info line and the <h1> that repeats the
title are returned for the body to leave out.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from bs4 import BeautifulSoup, Tag

from convert.readers.html.meta.byline import (
    credited_reporters,
    drop_outlet_credit,
    is_outlet,
    page_byline,
    split_byline,
)
from convert.readers.html.meta.dates import (
    META_DATE_NAMES,
    NUMERIC_DATE,
    date_after_headline,
    marked_up_date,
    normalize_date,
)
from convert.readers.html.dom import is_inside
from convert.readers.html.headings import is_permalink
from convert.readers.html.inline import squash
from convert.readers.html.meta.title import (
    clean_title,
    headline_by_title,
    headline_like_texts,
    host_name,
)
from convert.tree import Metadata

_ARTICLE_TYPES = ("NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle",
                  "BlogPosting", "OpinionNewsArticle", "TechArticle", "ScholarlyArticle", "Report")
_LIST_SPLIT = re.compile(r"\s*[,，、;；]\s*")
_INFO_LABEL = re.compile(
    r"(来源|稿源|出处|作者|记者|通讯员|责任编辑|编辑|发布时间|发布日期|时间|日期)\s*[:：]\s*|(记者|通讯员)\s+(?=\S)")
_INFO_VALUE_END = re.compile(r"\s{2,}|[|丨｜\u3000]")
_EDITOR = re.compile(r"责任编辑\s*[:：]\s*([^\s）)】\]|丨｜]+)")
# What pages wrap JSON-LD in for old browsers and XHTML: <!-- -->, <![CDATA[ ]]>, either behind // or /* */
_JSON_WRAPPER = r"^\s*(?://|/\*)?\s*(?:<!--|<!\[CDATA\[)\s*(?:\*/)?|(?://|/\*)?\s*(?:\]\]>|-->)\s*(?:\*/)?\s*$"
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
                                 re.sub(_JSON_WRAPPER, "", text, flags=re.MULTILINE))):
        try:
            return json.loads(attempt, strict=False)
        except (ValueError, RecursionError):
            continue
    return None


def extract_metadata(tags: dict[str, list[Tag]], root: Tag, json_ld: list[dict[str, Any]]) -> PageMetadata:
    metas = _meta_values(tags["meta"])
    h1 = _headline([h1 for h1 in tags["h1"] if h1.get_text(strip=True)], root)  # an empty <h1> heads nothing
    h1_text = _text_without_permalinks(h1) if h1 is not None else ""
    info_tag, info = _info_line(root, h1)
    json_ld_fields, meta_name_fields = _json_ld_layer(json_ld), _meta_name_layer(tags, metas)
    hints = _title_hints(metas, h1_text, json_ld_fields, meta_name_fields)
    if not h1_text:
        hints.headlines.extend(headline_like_texts(root))
    layers = [
        json_ld_fields,
        _open_graph_layer(metas, hints),
        meta_name_fields,
        _page_layer(tags, root, h1, info),
        _title_layer(tags, h1_text, hints),
    ]
    fields: dict[str, Any] = {}
    for layer in layers:
        for key, value in layer.items():
            if value and key not in fields:
                fields[key] = value
    if not fields.get("date"):
        headline = h1 if h1 is not None else headline_by_title(root, fields.get("title", ""))
        fields["date"] = date_after_headline(headline) if headline is not None else ""
    outlets = [*hints.sites, fields.get("publisher", ""), fields.get("source", ""), hints.host]
    if "authors" in fields:
        fields["authors"] = drop_outlet_credit(fields["authors"], outlets)
    if all(is_outlet(name, outlets) for name in fields.get("authors", ())):
        # no person named yet (only an outlet, or nobody): the reporters the text credits
        # a label left over from the page ("转载请注明：") names nobody at all
        found = tuple(name for name in fields.get("authors", ()) if not name.endswith((":", "：")))
        fields["authors"] = credited_reporters(root) or found
    extra = {"date_modified": fields.pop("date_modified")} if "date_modified" in fields else {}
    if "language" in fields:
        fields["language"] = normalize_language(fields["language"])
    meta = Metadata(**fields, extra=extra)
    skip = [info_tag] if info_tag is not None else []
    if h1 is not None and meta.title and _same_text(h1_text, meta.title):
        skip.append(h1)
    return PageMetadata(meta, skip)


@dataclass
class _TitleHints:
    """What tells a title's site suffix from its own words: the page's headline(s), the site's names."""
    headlines: list[str]
    sites: list[str]
    host: str


def _title_hints(metas: dict[str, list[str]], h1_text: str, json_ld_fields: dict[str, Any],
                 meta_name_fields: dict[str, Any]) -> _TitleHints:
    sites = [*metas.get("og:site_name", []), json_ld_fields.get("publisher", ""), meta_name_fields.get("publisher", ""),
             *metas.get("application-name", [])]
    url = json_ld_fields.get("url") or next(iter(metas.get("og:url", [])), "") or meta_name_fields.get("url", "")
    return _TitleHints([h1_text, *metas.get("twitter:title", [])[:1]], [site for site in sites if site], host_name(url))


def _headline(h1s: list[Tag], root: Tag) -> Tag | None:
    """The article's <h1>: the first inside the article, else the nearest one above it (the
    headline sits over its text; a first <h1> far above is often the site's logo)."""
    inside = next((h1 for h1 in h1s if is_inside(h1, root)), None)
    if inside is not None or not h1s:
        return inside
    above = root.find_previous("h1")
    return above if isinstance(above, Tag) else h1s[0]


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
        "authors": _person_names(article.get("author")),
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


def _open_graph_layer(metas: dict[str, list[str]], hints: _TitleHints) -> dict[str, Any]:
    def first(name: str) -> str:
        return next(iter(metas.get(name, [])), "")

    def title(name: str) -> str:
        return clean_title(first(name), hints.headlines, hints.sites, hints.host)[0]

    return {
        "title": title("og:title") or title("twitter:title"),
        "publisher": first("og:site_name"),
        "description": first("og:description"),
        "url": first("og:url"),
        "language": first("og:locale"),
        "date": normalize_date(first("article:published_time")),
        "date_modified": normalize_date(first("article:modified_time")),
        "authors": _person_names(metas.get("article:author", [])),
        "tags": split_list(metas.get("article:tag", [])),
    }


def _meta_name_layer(tags: dict[str, list[Tag]], metas: dict[str, list[str]]) -> dict[str, Any]:
    def first(*names: str) -> str:
        return next((value for name in names for value in metas.get(name, [])), "")

    html = next(iter(tags["html"]), None)
    canonical = next((link for link in tags["link"] if "canonical" in (link.get("rel") or [])), None)
    return {
        "authors": _meta_authors(metas),
        "description": first("description", "dc.description"),
        "tags": split_list(first("keywords", "news_keywords")),
        "date": normalize_date(first(*META_DATE_NAMES)),
        "publisher": first("publisher", "dc.publisher"),
        "source": first("source"),
        "language": (str(html.get("lang") or html.get("xml:lang") or "") if isinstance(html, Tag) else "")
        or first("content-language", "language", "dc.language"),
        "url": str(canonical.get("href") or "") if isinstance(canonical, Tag) else "",
    }


def _page_layer(tags: dict[str, list[Tag]], root: Tag, h1: Tag | None, info: dict[str, Any]) -> dict[str, Any]:
    times = [time for time in tags["time"] if time.get("datetime") and is_inside(time, root)]
    time = next((t for t in times if t.get("itemprop") == "datePublished" or t.has_attr("pubdate")),
                times[0] if times else None)
    date = normalize_date(str(time.get("datetime") or "")) if isinstance(time, Tag) else ""
    # "（责任编辑：X）" often sits just below the article's container: look one or two levels up too
    scopes = [root, *list(root.parents)[:2]]
    editor = next((found for scope in scopes if (found := _EDITOR.search(scope.get_text(" ")))), None)
    return {**info, "date": date or info.get("date", "") or marked_up_date(scopes[-1]),
            "editor": info.get("editor") or (editor.group(1) if editor else ""),
            "authors": info.get("authors") or page_byline(scopes[-1], h1)}


def _title_layer(tags: dict[str, list[Tag]], h1_text: str, hints: _TitleHints) -> dict[str, Any]:
    title_tag = next(iter(tags["title"]), None)
    raw = squash(title_tag.get_text()) if title_tag is not None else ""
    title, site = clean_title(raw, hints.headlines, hints.sites, hints.host)
    return {"title": title or h1_text, "publisher": site}


# ------------------------------------------------------------- the pieces


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


def _names(value: Any, split: Callable[[str], Any] = split_list) -> list[str]:
    """Names from JSON-LD or meta values: strings, {"name": ...}, lists; each string cut by `split`."""
    names: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict):
            item = item.get("name")
            names.extend(_names(item, split) if isinstance(item, list) else [])
        if isinstance(item, str) and not item.strip().lower().startswith(("http://", "https://")):
            names.extend(split(item))
    return list(dict.fromkeys(names))


def _person_names(value: Any) -> tuple[str, ...]:
    """Author names: as `_names`, each string read as a byline ("By A and B")."""
    return tuple(_names(value, split_byline))


def _meta_authors(metas: dict[str, list[str]]) -> tuple[str, ...]:
    """<meta name="author"> (every one: pages repeat it per author), else Dublin Core's creator,
    one name per element and written "Last, First", so its commas do not split."""
    if metas.get("author") or metas.get("byl"):
        return _person_names([*metas.get("author", []), *metas.get("byl", [])])
    creators = [name.strip() for value in metas.get("dc.creator", []) for name in value.split(";")]
    return tuple(dict.fromkeys(name for name in creators if name))


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
    date = NUMERIC_DATE.search(text)
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


def _same_text(a: str, b: str) -> bool:
    return re.sub(r"\s+", "", a) == re.sub(r"\s+", "", b) != ""
