"""The standalone HTML5 page that the HTML and PDF writers share.

Our CSS inline, images as data: URIs, no scripts; what a user sees in the
browser is what WeasyPrint lays out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from jinja2 import BaseLoader, TemplateError, TemplateNotFound
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from convert.context import Context
from convert.errors import ConvertError
from convert.lang import is_east_asian
from convert.resources import Theme, theme, user_stylesheets
from convert.tree import Document, Heading, Image, OrderedList, iter_blocks, plain_text
from convert.writers._images import load_image
from convert.writers._xhtml import ImageSource, XhtmlRenderer, document_language, heading_ids, title_block

# W3C dates (what WeasyPrint accepts in dcterms.created); a time without a zone is cut to the day.
_W3C_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

_TOC_TITLES = {"zh": "目录", "ja": "目次", "ko": "목차"}


def cjk_variant(language: str) -> str:
    """The Noto CJK region whose glyph shapes the language expects: SC, TC, JP or KR."""
    tag = language.lower().replace("_", "-")
    primary = tag.split("-")[0]
    if primary == "ja":
        return "JP"
    if primary == "ko":
        return "KR"
    if primary == "zh" and any(part in ("tw", "hk", "mo", "hant") for part in tag.split("-")[1:]):
        return "TC"
    return "SC"


def font_stacks(language: str) -> dict[str, str]:
    """CSS font-family lists for the document's language.

    Chinese, Japanese and Korean documents put the CJK face first: its curly quotes,
    dashes and ellipsis are the full-width forms these languages set (a Latin face
    would draw “…” and —— narrow and low), and its Latin letters suit mixed text.
    Other languages keep the Latin face first, the CJK face only as fallback.
    """
    variant = cjk_variant(language)
    serif, sans = f'"Noto Serif CJK {variant}"', f'"Noto Sans CJK {variant}"'
    if is_east_asian(language):
        return {
            "serif": f'{serif}, {sans}, "DejaVu Serif", serif',
            "sans": f'{sans}, "DejaVu Sans", sans-serif',
            "mono": f'"DejaVu Sans Mono", "Noto Sans Mono CJK {variant}", {sans}, monospace',
        }
    return {
        "serif": f'"DejaVu Serif", {serif}, {sans}, serif',
        "sans": f'"DejaVu Sans", {sans}, sans-serif',
        "mono": f'"DejaVu Sans Mono", "Noto Sans Mono CJK {variant}", {sans}, monospace',
    }


def bookmark_offset(document: Document) -> int:
    """How far to shift body heading levels so they nest under the title (level 1), without gaps."""
    levels = [block.level for block in iter_blocks(document.blocks) if isinstance(block, Heading)]
    if not levels:
        return 0
    top = 2 if document.meta.title else 1
    return top - min(max(min(levels), 1), 6)


def document_style(document: Document, language: str) -> str:
    """The per-document CSS: font stacks for the language and heading bookmark levels.

    It comes before the theme's stylesheet, so a theme can override any of it.
    Each CJK face a PDF uses costs 80-240 KB however few glyphs it draws (WeasyPrint
    keeps glyph ids, so a subset still carries tens of thousands of empty slots):
    CJK text therefore uses two faces, serif regular for text and sans bold for
    headings, table heads and strong emphasis (the usual Chinese 黑体 emphasis).
    """
    stacks = font_stacks(language)
    bold_sans = "h1, h2, h3, h4, h5, h6, th" + (", strong, b" if is_east_asian(language) else "")
    rules = [
        f"body {{ font-family: {stacks['serif']}; }}",
        f"{bold_sans} {{ font-family: {stacks['sans']}; }}",
        f"pre, code {{ font-family: {stacks['mono']}; }}",
    ]
    if is_east_asian(language):
        # Slanted Han characters are not a CJK convention (and would embed a third, synthetic
        # face): emphasis is marked under the characters instead, close to 着重号 dots.
        rules.append("em, i { font-style: normal; text-decoration: underline dotted; }")
    offset = bookmark_offset(document)
    for level in range(1, 7):
        rules.append(f"main h{level} {{ bookmark-level: {min(max(level + offset, 1), 6)}; }}")
    # WeasyPrint honours <ol start> only with presentational hints, which we keep off (they let
    # attributes inject CSS); the counter rule does the same for our own numbers.
    starts = sorted({block.start for block in iter_blocks(document.blocks) if isinstance(block, OrderedList)} - {1})
    rules.extend(f'ol[start="{int(start)}"] {{ counter-reset: list-item {int(start) - 1}; }}' for start in starts)
    return "\n".join(rules)


def created_date(date: str) -> str:
    """meta.date as a W3C date WeasyPrint takes for the PDF CreationDate, or ""."""
    date = date.strip()
    if _W3C_DATE.fullmatch(date):
        return date
    day = _DAY.match(date)
    return day.group(0) if day else ""


def page_title(document: Document, ctx: Context) -> str:
    if document.meta.title:
        return document.meta.title
    for block in iter_blocks(document.blocks):
        if isinstance(block, Heading) and plain_text(block.children).strip():
            return plain_text(block.children).strip()
    return Path(ctx.source_name).stem if ctx.source_name else "Untitled"


@dataclass(frozen=True, slots=True)
class TocEntry:
    anchor: str
    text: str
    level: int


def toc_entries(document: Document, ids: dict[int, str]) -> list[TocEntry]:
    offset = bookmark_offset(document)
    entries = []
    for index, anchor in ids.items():
        heading = document.blocks[index]
        assert isinstance(heading, Heading)
        text = " ".join(plain_text(heading.children).split())
        if text:
            entries.append(TocEntry(anchor, text, min(max(heading.level + offset, 1), 6)))
    return entries


class ThemeLoader(BaseLoader):
    """Jinja2 templates from the theme's own files only (see Theme.contained): no absolute
    or `..` include can reach the rest of the disk."""

    def __init__(self, chosen: Theme) -> None:
        self.theme = chosen

    def get_source(self, environment: object, template: str) -> tuple[str, str, Callable[[], bool]]:
        path = self.theme.contained(template)
        if path is None:
            raise TemplateNotFound(template)
        modified = path.stat().st_mtime  # a theme may be edited between two documents
        return path.read_text(encoding="utf-8"), str(path), lambda: path.stat().st_mtime == modified


@lru_cache(maxsize=8)
def _environment(chosen: Theme) -> SandboxedEnvironment:
    """A theme given with --template is untrusted code: the sandbox refuses `__class__`,
    `__globals__`, private attributes and unsafe calls, so it can only lay out our values."""
    return SandboxedEnvironment(loader=ThemeLoader(chosen), autoescape=True, keep_trailing_newline=True,
                                auto_reload=True)


def render_theme(chosen: Theme, file_name: str, **values: object) -> str:
    """`file_name` of the theme rendered with `values`; a broken or hostile template is one line."""
    try:
        return _environment(chosen).get_template(file_name).render(**values)
    except TemplateNotFound as exc:
        raise ConvertError(str(chosen.folders[0] / file_name), f"template refused: cannot include {exc.name!r} "
                           "(only files inside the theme folder)") from None
    except (TemplateError, ArithmeticError, TypeError, ValueError, LookupError, AttributeError) as exc:
        message = " ".join(str(exc).split()) or type(exc).__name__
        raise ConvertError(str(chosen.folders[0] / file_name), f"template failed: {type(exc).__name__}: {message}") from None


def chapter_level(document: Document) -> int | None:
    """The shallowest top-level heading level: the headings a book theme starts pages with."""
    levels = [block.level for block in document.blocks if isinstance(block, Heading)]
    return min(max(min(levels), 1), 6) if levels else None


def data_uri_images(ctx: Context) -> ImageSource:
    """An image_src for XhtmlRenderer: each image loaded once, through the sandbox, as a data: URI."""
    loaded: dict[str, str | None] = {}

    def image_src(image: Image) -> str | None:
        if image.src not in loaded:
            found = load_image(ctx, image.src)
            loaded[image.src] = found.data_uri() if found else None
        return loaded[image.src]

    return image_src


def page_stylesheet(chosen: Theme, file_name: str, ctx: Context, extra: str = "") -> str:
    """The theme's stylesheet, `extra`, then the user's --css files: one text for the page's <style>.

    All of it goes in the page, after the per-document rules, so that a theme and a
    user's stylesheet override them (WeasyPrint ranks stylesheets passed to
    write_pdf as user-origin, below any rule in the page).
    """
    sheets = [chosen.read(file_name), extra]
    # "</" cannot end the <style> element when written as "<\/", which CSS reads the same
    sheets += [sheet.text.replace("</", "<\\/") for sheet in user_stylesheets(ctx.options.css, ctx.warn)]
    return "\n".join(sheet for sheet in sheets if sheet)


def render_page(document: Document, ctx: Context, stylesheet: str = "", toc: bool = False,
                chosen: Theme | None = None) -> str:
    """The whole HTML5 page for `document`. `stylesheet` is inlined; WeasyPrint gets its own separately."""
    meta = document.meta
    language = document_language(document)
    ids = heading_ids(document.blocks)
    body = XhtmlRenderer(data_uri_images(ctx)).blocks(document.blocks, ids)
    toc_title = _TOC_TITLES.get(language.lower().split("-")[0], "Contents")
    return render_theme(chosen or theme(ctx.options.template), "document.html",
                        lang=language,
                        title=page_title(document, ctx),
                        authors=meta.authors,
                        description=meta.description,
                        keywords=[tag.replace(",", " ") for tag in meta.tags],  # WeasyPrint splits keywords on commas
                        created=created_date(meta.date),
                        stylesheet=Markup(stylesheet),  # our own file: trusted, and escaping would break CSS quotes
                        document_style=Markup(document_style(document, language)),
                        title_block=Markup(title_block(meta)),
                        toc=toc_entries(document, ids) if toc else [],
                        toc_title=toc_title,
                        chapter_level=chapter_level(document),
                        body=Markup(body))

