"""The Reader protocol. Built-in readers live one per file beside this one."""

from __future__ import annotations

from typing import ClassVar, Protocol

from convert.context import Context
from convert.source import Source
from convert.tree import Document


class Reader(Protocol):
    name: ClassVar[str]
    extensions: ClassVar[tuple[str, ...]]  # lower case, with the dot

    def read(self, source: Source, ctx: Context) -> Document: ...
