"""The document tree as versioned JSON: what a user inspects when a conversion looks wrong."""

from __future__ import annotations

from pathlib import Path

from convert.context import Context
from convert.tree import Document
from convert.tree_json import dumps


class JsonWriter:
    name = "json"
    extension = ".json"

    def write(self, document: Document, ctx: Context, path: str) -> None:
        Path(path).write_text(dumps(document), encoding="utf-8")
