"""The one handle readers and writers get on the world: options, fetcher, warnings."""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from convert.errors import Diagnostic, ResourceRefused
from convert.fetch import Fetcher, Resource
from convert.options import Options
from convert.source import Source, clean_text, decode

# When nothing says when the output was made; a fixed value keeps output reproducible.
FALLBACK_TIME = datetime.datetime(2000, 1, 1, tzinfo=datetime.timezone.utc)
_DATE_PREFIX = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?!\d)")


def document_time(value: str) -> datetime.datetime | None:
    """The document's date as an aware UTC datetime: ISO 8601 in full, else its YYYY[-MM[-DD]]
    prefix at midnight UTC; None when it is not a date."""
    text = value.strip()
    try:
        parsed = datetime.datetime.fromisoformat(text)
    except ValueError:
        match = _DATE_PREFIX.match(text)
        if not match:
            return None
        year, month, day = match.groups()
        try:
            return datetime.datetime(int(year), int(month or 1), int(day or 1), tzinfo=datetime.timezone.utc)
        except ValueError:
            return None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=datetime.timezone.utc)
    return parsed.astimezone(datetime.timezone.utc)


def output_time(document_date: str, environ: Mapping[str, str] = os.environ) -> datetime.datetime:
    """When the output says it was made (DOCX core properties, EPUB dcterms:modified, zip entries):
    SOURCE_DATE_EPOCH when set to whole seconds, else the document's date, else FALLBACK_TIME.
    Never the wall clock, so the same input gives the same bytes."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        try:
            return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc)
        except (OverflowError, OSError, ValueError):
            pass  # too far out for a datetime: fall through to the document's date
    moment = document_time(document_date)
    return (moment or FALLBACK_TIME).replace(microsecond=0)


ZIP_FIRST, ZIP_LAST = (1980, 1, 1, 0, 0, 0), (2107, 12, 31, 23, 59, 58)  # all a zip entry's time can say


def zip_date_time(moment: datetime.datetime) -> tuple[int, int, int, int, int, int]:
    """A timestamp as a zip entry's (year, month, day, hour, minute, second), held to the zip range."""
    return min(max(tuple(moment.timetuple()[:6]), ZIP_FIRST), ZIP_LAST)


@dataclass(slots=True)
class Context:
    options: Options
    fetcher: Fetcher
    base_dir: str | None = None  # the input's folder; relative resources resolve here
    source_name: str = ""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    clock: Callable[[str], datetime.datetime] = output_time  # document date -> output timestamp

    @classmethod
    def for_source(cls, options: Options, base_dir: str | None, source_name: str = "") -> Context:
        roots = ([base_dir] if base_dir else []) + list(options.resource_paths)
        fetcher = Fetcher(
            roots=roots,
            allow_remote=options.allow_remote,
            timeout=options.remote_timeout,
            max_bytes=options.max_resource_bytes,
        )
        return cls(options=options, fetcher=fetcher, base_dir=base_dir, source_name=source_name)

    def timestamp(self, document_date: str) -> datetime.datetime:
        """The output's timestamp for a document with this date; every writer asks here."""
        return self.clock(document_date)

    def warn(self, code: str, message: str) -> None:
        diagnostic = Diagnostic(code=code, message=message, source=self.source_name)
        if diagnostic not in self.diagnostics:  # each writer meets the same refused image
            self.diagnostics.append(diagnostic)

    def text_of(self, source: Source, declared: str | None = None) -> str:
        """The source decoded (--encoding, BOM, a declared charset, detection) and
        XML-safe; how it was decoded, if doubtful, becomes a warning."""
        decoded = decode(source.name, source.data, declared=declared, forced=self.options.encoding)
        for warning in decoded.warnings:
            self.warn("encoding", warning)
        return clean_text(decoded.text)

    def fetch(self, url: str) -> Resource | None:
        """The resource, or None after recording a warning that names it and the reason."""
        try:
            return self.fetcher.fetch(url, self.base_dir)
        except ResourceRefused as refused:
            self.warn("resource-refused", f"resource {refused.path[:120]} refused: {refused.cause}")
            return None
