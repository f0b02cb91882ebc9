"""The DOCX writer's metadata: core properties and the byline's text (dates people can read)."""

from __future__ import annotations

from datetime import datetime, timezone

from convert.source import clean_text
from convert.tree import Metadata

CORE_PROPERTY_LIMIT = 255  # python-docx refuses longer core property strings


def fill_core_properties(props, meta: Metadata, language: str, moment: datetime) -> None:
    """docProps/core.xml from the metadata; created is the document's own date when it has one,
    else `moment` (the context's clock), which is always modified."""
    def short(text: str) -> str:
        return clean_text(text)[:CORE_PROPERTY_LIMIT]

    props.title = short(meta.title)
    props.author = short("; ".join(meta.authors))
    props.subject = short(meta.publisher or meta.source or meta.description)
    props.keywords = short(", ".join(meta.tags))
    props.comments = short(meta.description)  # Word shows it as the description
    props.language = short(language)
    if meta.url:
        props.identifier = short(meta.url)
    props.last_modified_by = "docconv"
    props.revision = 1
    props.created = parse_date(meta.date) or moment
    props.modified = moment


def byline(meta: Metadata, chinese: bool) -> str:
    """Authors · date · publisher · source, the parts the metadata has."""
    separator = "、" if chinese else ", "
    facts = [separator.join(meta.authors), readable_date(meta.date, chinese), meta.publisher]
    if meta.source != meta.publisher:
        facts.append(meta.source)
    return " · ".join(fact for fact in facts if fact)


def parse_date(value: str) -> datetime | None:
    """An ISO 8601 date or date-time as an aware UTC datetime; None when it is not one."""
    try:
        parsed = datetime.fromisoformat(value.strip())
    except (ValueError, AttributeError):
        return None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=timezone.utc)
    return parsed.astimezone(timezone.utc)


def readable_date(value: str, chinese: bool) -> str:
    """An ISO date as people write it: 2023-09-08 14:20, or 2023年9月8日 14:20 in Chinese.

    Seconds and the UTC offset are left out (the local time as published);
    text that is not ISO 8601 is kept as given.
    """
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return text
    day = f"{parsed.year}年{parsed.month}月{parsed.day}日" if chinese else parsed.strftime("%Y-%m-%d")
    has_time = len(text) > len("2023-09-08")
    return f"{day} {parsed:%H:%M}" if has_time else day
