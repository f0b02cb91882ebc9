"""docconv: HTML and plain text into DOCX, PDF and EPUB.

    import convert
    doc = convert.read("article.txt")
    convert.write(doc, "article.pdf")
    convert.convert("page.html", "page.docx")
"""

from convert.api import convert, convert_to_formats, read, write
from convert.batch import convert_folder
from convert.errors import ConvertError
from convert.options import Options
from convert.pipeline import Result
from convert.tree import Document, Metadata

__version__ = "0.1.0"

__all__ = [
    "ConvertError", "Document", "Metadata", "Options", "Result", "__version__",
    "convert", "convert_folder", "convert_to_formats", "read", "write",
]
