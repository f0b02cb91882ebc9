"""Dates in scraped text: one segment that is only a date, the first date in a line, a date
printed in pieces, a clock time anywhere on a line — all to ISO 8601.

`2023年9月8日 14:20` → `2023-09-08T14:20`; `Posted: 12 June 2024` → `2024-06-12`;
`12/23/16 11:14 AM` → `2016-12-23T11:14`. Only full dates (year, month and day) count:
a month-day or a relative date (`昨天 08:30`) needs a reference date the text does not give.
"""

from __future__ import annotations

import re
from datetime import datetime

MONTHS = {name: number for number, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
    ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
    ("oct", "october"), ("nov", "november"), ("dec", "december")), start=1) for name in names}
_MONTH = r"(?P<mon>[A-Za-z]{3,9})\.?"
_TIME = r"(?:[T\s,，]*(?:at\s+)?(?P<h>\d{1,2})[:：](?P<mi>\d{2})(?:[:：](?P<s>\d{2}))?\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?)?"
DATE_PATTERNS = (
    re.compile(r"(?P<y>(?:19|20)\d{2})\s*(?:[-/.]|年)\s*(?P<m>\d{1,2})\s*(?:[-/.]|月)\s*(?P<d>\d{1,2})(?!\d)\s*日?" + _TIME),
    re.compile(_MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})" + _TIME),
    re.compile(r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<y>\d{4})" + _TIME),
    # `12/23/16 11:14 AM`, `11/28/2016`: month first, as US pages write it (day first when the
    # first number cannot be a month)
    re.compile(r"(?<![\d/.])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>(?:19|20)\d{2}|\d{2})(?![\d/])" + _TIME),
)
# What may stand around a date on a date line: labels, weekdays, time zones.
_DATE_NOISE = re.compile(
    r"发布时间|发布日期|更新时间|发表时间|时间|日期|北京时间"
    r"|星期[一二三四五六日天]|周[一二三四五六日]"
    r"|(?:last\s+)?(?:posted|published|updated|date|dated)(?:\s+on)?"
    r"|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?"
    r"|(?:GMT|UTC)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?|[ECMP][SD]?T|BST|CET|CEST"
    r"|[\s,，.()（）\[\]【】|｜:：/-]",
    re.IGNORECASE,
)


def _iso_date(match: re.Match[str]) -> str | None:
    parts = match.groupdict()
    month = int(parts["m"]) if parts.get("m") else MONTHS.get((parts.get("mon") or "").lower())
    if not month:
        return None
    year, day_of_month = int(parts["y"]), int(parts["d"])
    year += 2000 if year < 100 else 0
    if month > 12 >= day_of_month:  # `23/12/16`: the day came first
        month, day_of_month = day_of_month, month
    try:
        day = datetime(year, month, day_of_month)
    except ValueError:
        return None
    if parts.get("h") is None:
        return day.date().isoformat()
    hour, minute = int(parts["h"]), int(parts["mi"])
    ampm = (parts.get("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    stamp = f"{day.date().isoformat()}T{hour:02d}:{minute:02d}"
    return stamp + f":{int(parts['s']):02d}" if parts.get("s") else stamp


def parse_date_line(segment: str) -> str | None:
    """A segment that is only a date (maybe with time, weekday, label) → ISO 8601, else None.

    `2023年9月8日 14:20` → `2023-09-08T14:20`; `Posted: 12 June 2024` → `2024-06-12`.
    """
    for pattern in DATE_PATTERNS:
        match = pattern.search(segment)
        if not match:
            continue
        iso = _iso_date(match)
        leftover = segment[:match.start()] + " " + segment[match.end():]
        if iso and not _DATE_NOISE.sub("", leftover):
            return iso
    return None


def split_date(parts: list[str]) -> str | None:
    """A date a page printed in separate pieces, one per line: `2019`, `09/07`, `19:02`
    → `2019-09-07T19:02` (the pieces must come in that order, a year first)."""
    if len(parts) < 2 or not re.fullmatch(r"(?:19|20)\d{2}\s*年?", parts[0]):
        return None
    month_day = re.fullmatch(r"(\d{1,2})\s*[/.\-月]\s*(\d{1,2})\s*日?", parts[1])
    if not month_day:
        return None
    text = f"{parts[0].rstrip('年 ')}-{month_day.group(1)}-{month_day.group(2)}"
    if len(parts) > 2 and re.fullmatch(r"\d{1,2}:\d{2}(?::\d{2})?", parts[2]):
        text += " " + parts[2]
    return parse_date_line(text)


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first full date in a text (year, month and day) → (ISO 8601, start, end)."""
    found = []
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            iso = _iso_date(match)
            if iso:
                found.append((match.start(), iso, match.end()))
                break
    if not found:
        return None
    start, iso, end = min(found)
    return iso, start, end


_CLOCK_TIME = re.compile(
    r"(?<![\d:.])(?P<h>\d{1,2})(?::(?P<m>\d{2})|\.(?P<m2>\d{2})(?=\s*(?:[ap]\.?m|GMT|UTC|[ECMP][SD]T|BST)))"
    r"(?![\d:])\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?")


def clock_time(text: str) -> str | None:
    """`11:14 AM`, `06.00 GMT`, `7:14 PM` found anywhere in a text → `HH:MM` (24-hour)."""
    match = _CLOCK_TIME.search(text)
    if not match:
        return None
    hour, minute = int(match.group("h")), int(match.group("m") or match.group("m2"))
    ampm = (match.group("ampm") or "").lower().replace(".", "")
    hour = hour + 12 if ampm == "pm" and hour < 12 else 0 if ampm == "am" and hour == 12 else hour
    return f"{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else None


def without_dates(text: str) -> str:
    """The text with every date taken out (their commas are not a sentence's)."""
    for pattern in DATE_PATTERNS:
        text = pattern.sub(" ", text)
    return text
