"""YAML front matter for the Markdown reader, read by a tiny "key: value" reader.

Enough YAML for front matter as people write it, and no more (no YAML
library needed):

    ---
    title: "A title"          # quotes optional; a comment after # is dropped
    author: Ada, Bob          # or  authors: [Ada, Bob]  or a "- item" list below the key
    date: 2024-05-01
    tags: [notes, tools]
    lang: en-GB
    ---

Unknown keys go to `Metadata.extra`; values that are not plain scalars or lists
(nested mappings) are ignored. A document without a front matter block is returned whole.
"""

from __future__ import annotations

import re

from convert.tree import Metadata

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$")
_ITEM = re.compile(r"^\s+-\s+(.*)$|^-\s+(.*)$")
_LIST_FIELDS = {"author": "authors", "authors": "authors", "tags": "tags", "keywords": "tags"}
_TEXT_FIELDS = {"title": "title", "subtitle": "subtitle", "date": "date", "publisher": "publisher",
                "description": "description", "lang": "language", "language": "language", "source": "source",
                "editor": "editor", "url": "url"}


def read_front_matter(text: str) -> tuple[Metadata, str]:
    """The metadata a leading --- block gives, and the Markdown after it."""
    found = _FRONT_MATTER.match(text.lstrip("\ufeff"))
    if not found:
        return Metadata(), text
    values = _parse(found.group(1) or "")
    fields: dict[str, object] = {}
    extra: dict[str, str] = {}
    for key, value in values.items():
        lowered = key.lower()
        items = value if isinstance(value, list) else _split(value, lowered)
        if lowered in _LIST_FIELDS:
            target = _LIST_FIELDS[lowered]
            fields[target] = tuple(dict.fromkeys([*fields.get(target, ()), *items]))  # type: ignore[arg-type]
        elif lowered in _TEXT_FIELDS and isinstance(value, str):
            fields[_TEXT_FIELDS[lowered]] = value
        elif isinstance(value, str) and value:
            extra[key] = value
    return Metadata(**fields, extra=extra), text.lstrip("\ufeff")[found.end():]  # type: ignore[arg-type]


def _parse(block: str) -> dict[str, str | list[str]]:
    values: dict[str, str | list[str]] = {}
    current = ""
    for line in block.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = _ITEM.match(line)
        if item and current:
            entry = _scalar(item.group(1) or item.group(2))
            existing = values.get(current)
            values[current] = (existing if isinstance(existing, list) else []) + ([entry] if entry else [])
            continue
        key = _KEY.match(line) if not line[0].isspace() else None
        if key is None:
            continue  # nested mappings and other YAML we do not read
        current, raw = key.group(1), key.group(2).strip()
        if raw.startswith("[") and raw.endswith("]"):
            values[current] = [v for v in (_scalar(part) for part in raw[1:-1].split(",")) if v]
        elif raw:
            values[current] = _scalar(raw)
    return values


_QUOTED = re.compile(r"""^(["'])(.*)\1\s*(?:#.*)?$""")


def _scalar(raw: str) -> str:
    quoted = _QUOTED.match(raw.strip())
    if quoted:
        return quoted.group(2).strip()
    return re.sub(r"\s+#.*$", "", raw).strip()


def _split(value: str, key: str) -> list[str]:
    if key not in _LIST_FIELDS:
        return [value]
    return [part.strip() for part in re.split(r"[,，、;；]", value) if part.strip()]
