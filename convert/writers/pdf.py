"""Tree -> PDF with WeasyPrint, from the page the HTML writer builds (never the input's own HTML).

Images are inlined as data: URIs before WeasyPrint sees the page, so its URL
fetcher allows data: and nothing else: no file or network access from here.
Missing glyphs (WeasyPrint draws .notdef boxes and logs a warning) become a
"missing-glyphs" diagnostic that names the characters and the fix.
"""

from __future__ import annotations

import logging
import threading
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager

from weasyprint import HTML
from weasyprint.pdf import VARIANTS
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetchingError

from convert.context import Context
from convert.errors import ConvertError, UsageError
from convert.lang import is_cjk
from convert.resources import theme
from convert.tree import Document, document_text
from convert.writers._page import page_stylesheet, render_page

_PAGE_SIZES = {"a4": "A4", "letter": "letter"}
_NOTDEF = ".notdef glyph"
_NO_HB_SUBSET = "instead of HarfBuzz-Subset"
_MAX_NAMED_CHARACTERS = 8

# Set up once per process: batches call the writer many times, and fontconfig setup costs
# more than a small document's layout.
_font_config: FontConfiguration | None = None
_cache_lock = threading.Lock()


class DataOnlyFetcher(URLFetcher):
    """WeasyPrint's fetcher restricted to data: URIs; everything else is refused, not fetched."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols=("data",), allow_redirects=False)

    def fetch(self, url: str, headers: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
        if not url.lower().startswith("data:"):
            raise URLFetchingError(f"docconv's PDF writer loads only data: URIs, not {url[:80]}")
        return super().fetch(url, headers)


def _fonts() -> FontConfiguration:
    global _font_config
    with _cache_lock:
        if _font_config is None:
            _font_config = FontConfiguration()
        return _font_config


class _RenderLog(logging.Handler):
    """WeasyPrint's warnings from this thread's render, sorted into what we report."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.thread = threading.get_ident()
        self.missing: dict[str, None] = {}  # ordered set of characters drawn as .notdef
        self.other: dict[str, None] = {}

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread != self.thread:
            return
        message = record.getMessage()
        if _NOTDEF in message and isinstance(record.args, tuple) and len(record.args) == 2:
            self.missing[chr(int(record.args[1]))] = None
        else:
            self.other[message] = None


@contextmanager
def _captured_warnings() -> Iterator[_RenderLog]:
    logger = logging.getLogger("weasyprint")
    handler = _RenderLog()
    raised_level = logger.level if logger.getEffectiveLevel() > logging.WARNING else None
    if raised_level is not None:
        logger.setLevel(logging.WARNING)
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        if raised_level is not None:
            logger.setLevel(raised_level)


def _describe(character: str) -> str:
    name = unicodedata.name(character, "")
    if not name:
        category = unicodedata.category(character)
        name = "PRIVATE USE CHARACTER" if category == "Co" else f"unnamed character ({category})"
    return f'"{character}" (U+{ord(character):04X} {name})'


def missing_glyphs_message(characters: list[str]) -> str:
    """One warning naming the characters no installed font covers, and how to fix it."""
    named = ", ".join(_describe(c) for c in characters[:_MAX_NAMED_CHARACTERS])
    more = f" and {len(characters) - _MAX_NAMED_CHARACTERS} more" if len(characters) > _MAX_NAMED_CHARACTERS else ""
    if any(is_cjk(c) for c in characters):
        fix = "install a font that covers it, e.g. apt-get install fonts-noto-cjk"
    else:
        fix = "install a font that covers it, e.g. apt-get install fonts-noto-core fonts-noto-extra"
    return f"{len(characters)} character(s) have no glyph in any installed font and show as boxes in the PDF: {named}{more}; {fix}"


def _variant(ctx: Context) -> str | None:
    variant = ctx.options.pdf_variant
    if not variant:
        return None
    variant = variant.strip().lower()
    if variant not in VARIANTS:
        known = ", ".join(sorted(VARIANTS))
        raise UsageError(ctx.source_name, f"unknown PDF variant {ctx.options.pdf_variant!r} (known: {known})")
    return variant


class PdfWriter:
    name = "pdf"
    extension = ".pdf"

    def write(self, document: Document, ctx: Context, path: str) -> None:
        length = len(document_text(document))
        if length > ctx.options.max_pdf_chars:
            raise ConvertError(ctx.source_name, f"too long for PDF ({length:,} characters; the limit is "
                               f"{ctx.options.max_pdf_chars:,}, raise it with --max-pdf-chars)")
        variant = _variant(ctx)
        chosen = theme(ctx.options.template)
        # The theme's and the user's CSS go in the page: any url() left in them meets DataOnlyFetcher.
        paper = f"@page {{ size: {_PAGE_SIZES[ctx.options.paper]}; }}"
        stylesheet = page_stylesheet(chosen, "pdf.css", ctx, extra=paper)
        try:
            page = render_page(document, ctx, stylesheet=stylesheet, toc=ctx.options.toc, chosen=chosen)
            with _captured_warnings() as log:
                html = HTML(string=page, url_fetcher=DataOnlyFetcher())
                html.write_pdf(path, font_config=_fonts(), pdf_variant=variant)
        except RecursionError:  # WeasyPrint recurses per element level; ~136 levels exhaust the stack
            raise ConvertError(ctx.source_name, "document nests too deeply for PDF") from None
        if log.missing:
            ctx.warn("missing-glyphs", missing_glyphs_message(list(log.missing)))
        other = [message for message in log.other if _NO_HB_SUBSET not in message]
        if len(other) < len(log.other):  # one line per run, not one per font
            ctx.warn("slow-font-subsetting", "PDF fonts were subset with fontTools (about 20x slower for CJK "
                     "fonts); install HarfBuzz-Subset, e.g. apt-get install libharfbuzz-subset0")
        for message in other:
            ctx.warn("pdf-render", f"WeasyPrint: {message[:300]}")
