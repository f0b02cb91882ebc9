"""The docconv JSON tree back into a Document (round trips and pipes)."""

from __future__ import annotations

from convert.context import Context
from convert.source import Source, decode
from convert.tree import Document
from convert.tree_json import loads


class JsonReader:
    name = "json"
    extensions = (".json",)

    def read(self, source: Source, ctx: Context) -> Document:
        return loads(decode(source.name, source.data).text, source.name)
