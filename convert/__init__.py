"""docconv: HTML and plain text into DOCX, PDF and EPUB.

    import convert
    doc = convert.read("article.txt")          # a path; text in memory: convert.read_string(text)
    convert.write(doc, "article.pdf")
    convert.convert("page.html", "page.docx")
"""

from typing import Any

from convert.api import convert, convert_to_formats, read, read_string, write
from convert.errors import ConvertError
from convert.options import Options
from convert.pipeline import Result
from convert.tree import Document, Metadata

from convert.version import VERSION as __version__

__all__ = [
    "ConvertError", "Document", "Metadata", "Options", "Result", "__version__",
    "convert", "convert_folder", "convert_to_formats", "read", "read_string", "write",
]


def __getattr__(name: str) -> Any:
    # Batches pull in the pool and executor machinery; single-file runs need none of it.
    if name == "convert_folder":
        from convert.batch import convert_folder

        return convert_folder
    raise AttributeError(f"module 'convert' has no attribute {name!r}")
