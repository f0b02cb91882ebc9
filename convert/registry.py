"""Format names and extensions mapped to reader and writer classes, loaded lazily.

Built-ins are named by "module:Class" strings so that `import convert` and
`docconv --help` import none of the heavy libraries. Third parties add their
own through the entry-point groups `docconv.readers` and `docconv.writers`
(each entry: name = "package.module:Class"). Built-in names are reserved: a
built-in format is loaded without scanning installed packages at all, which
keeps single-file runs fast.
"""

from __future__ import annotations

import importlib
from functools import cache
from pathlib import Path
from typing import Any

from convert.errors import UnknownFormatError

READER_GROUP = "docconv.readers"
WRITER_GROUP = "docconv.writers"

BUILTIN_READERS = {
    "html": "convert.readers.html:HtmlReader",
    "text": "convert.readers.text:TextReader",
    "json": "convert.readers.json:JsonReader",
    "markdown": "convert.readers.markdown:MarkdownReader",
}
READER_EXTENSIONS = {
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".txt": "text", ".text": "text",
    ".json": "json",
    ".md": "markdown", ".markdown": "markdown",
}
READER_ALIASES = {"txt": "text", "plain": "text", "htm": "html", "md": "markdown"}

BUILTIN_WRITERS = {
    "docx": "convert.writers.docx:DocxWriter",
    "pdf": "convert.writers.pdf:PdfWriter",
    "epub": "convert.writers.epub:EpubWriter",
    "html": "convert.writers.html:HtmlWriter",
    "json": "convert.writers.json:JsonWriter",
}
WRITER_ALIASES = {"htm": "html", "epub3": "epub"}


@cache
def _plugins(group: str) -> dict[str, Any]:
    from importlib.metadata import entry_points  # costs ~25 ms: only when a plugin is asked for

    return {ep.name: ep for ep in entry_points(group=group)}


def reader_names() -> list[str]:
    return sorted(set(BUILTIN_READERS) | set(_plugins(READER_GROUP)))


def writer_names() -> list[str]:
    return sorted(set(BUILTIN_WRITERS) | set(_plugins(WRITER_GROUP)))


def _load(target: str) -> type:
    module_name, _, class_name = target.partition(":")
    return getattr(importlib.import_module(module_name), class_name)


def reader_class(name: str) -> type:
    name = READER_ALIASES.get(name.lower(), name.lower())
    if name in BUILTIN_READERS:
        return _load(BUILTIN_READERS[name])
    plugin = _plugins(READER_GROUP).get(name)
    if plugin is not None:
        return plugin.load()
    raise UnknownFormatError("", f"unknown input format {name!r} (known: {', '.join(reader_names())})")


def writer_class(name: str) -> type:
    name = WRITER_ALIASES.get(name.lower(), name.lower())
    if name in BUILTIN_WRITERS:
        return _load(BUILTIN_WRITERS[name])
    plugin = _plugins(WRITER_GROUP).get(name)
    if plugin is not None:
        return plugin.load()
    raise UnknownFormatError("", f"unknown output format {name!r} (known: {', '.join(writer_names())})")


def reader_for_path(path: str) -> str | None:
    return READER_EXTENSIONS.get(Path(path).suffix.lower())


def writer_for_path(path: str) -> str:
    suffix = Path(path).suffix.lower().lstrip(".")
    if not suffix:
        raise UnknownFormatError(path, "cannot tell the output format: give the file an extension or pass -t")
    name = WRITER_ALIASES.get(suffix, suffix)
    if name not in BUILTIN_WRITERS and name not in writer_names():
        raise UnknownFormatError(path, f"unknown output format {suffix!r} (known: {', '.join(writer_names())})")
    return name


def sniff_reader(data: bytes) -> str:
    """For inputs whose name says nothing: HTML when the bytes open like markup."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<div", b"<p>", b"<!--")):
        return "html"
    if head.startswith(b"{") and b'"docconv-tree"' in data[:4096]:
        return "json"
    return "text"
