"""The Writer protocol. Built-in writers live one per file beside this one.

A writer renders a Document to a file path chosen by the pipeline (a
temporary name that is renamed into place once the writer returns), so a
failed write never leaves a partial output.
"""

from __future__ import annotations

from typing import ClassVar, Protocol

from convert.context import Context
from convert.tree import Document


class Writer(Protocol):
    name: ClassVar[str]
    extension: ClassVar[str]  # with the dot, e.g. ".docx"

    def write(self, document: Document, ctx: Context, path: str) -> None: ...


class UnsupportedNode(TypeError):
    """A writer met a node class it does not know: a bug, never silently dropped."""
