"""Tree -> one standalone HTML5 page (the page itself is built in _page.py, shared with the PDF writer)."""

from __future__ import annotations

from pathlib import Path

from convert.context import Context
from convert.resources import theme
from convert.tree import Document
from convert.writers._page import page_stylesheet, render_page


class HtmlWriter:
    name = "html"
    extension = ".html"

    def write(self, document: Document, ctx: Context, path: str) -> None:
        chosen = theme(ctx.options.template)
        stylesheet = page_stylesheet(chosen, "html.css", ctx)
        page = render_page(document, ctx, stylesheet=stylesheet, toc=ctx.options.toc, chosen=chosen)
        Path(path).write_text(page, encoding="utf-8")
