"""Render the README's pictures: the Chinese sample as PDF, EPUB and DOCX, one PNG each, in docs/.

    .venv/bin/python scripts/render_previews.py [--sample samples/zh-news.txt] [--out docs]

Needs pdftoppm (poppler-utils) for every picture and LibreOffice (soffice) for
the DOCX one; a missing tool is named with the package that provides it. Each
picture is the first page at 100 DPI, reduced to a 64-colour palette to stay small.
The EPUB picture is its first chapter laid out by WeasyPrint with the book's own
stylesheet on an e-reader-sized page: what a reading system would start from.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from lxml import etree
from PIL import Image
from weasyprint import CSS, HTML

import convert

ROOT = Path(__file__).resolve().parent.parent
DPI = 100
# An e-reader screen (about 6 inches); reading systems supply the font, so we name a CJK serif.
READER_PAGE = """@page { size: 110mm 165mm; margin: 8mm; }
html { font-family: "DejaVu Serif", "Noto Serif CJK SC", serif; font-size: 10pt; }"""
OPF_NS = {"opf": "http://www.idpf.org/2007/opf", "c": "urn:oasis:names:tc:opendocument:xmlns:container"}


def require(tool: str, package: str) -> str:
    found = shutil.which(tool)
    if not found:
        sys.exit(f"render_previews: `{tool}` not found; install it with: sudo apt-get install {package}")
    return found


def first_page_png(pdf: Path, png: Path) -> None:
    """pdftoppm's first page, then a palette image: Chinese text pages stay well under 200 KB."""
    stem = pdf.with_suffix("")
    subprocess.run([require("pdftoppm", "poppler-utils"), "-r", str(DPI), "-png", "-f", "1", "-l", "1",
                    "-singlefile", str(pdf), str(stem)], check=True)
    with Image.open(stem.with_suffix(".png")) as page:
        page.convert("RGB").quantize(colors=64).save(png, optimize=True)
    print(f"{png.relative_to(ROOT) if png.is_relative_to(ROOT) else png}: {png.stat().st_size // 1024} KB")


def epub_first_chapter_pdf(epub: Path, folder: Path) -> Path:
    """The first spine document after the title page, rendered with its stylesheets."""
    unpacked = folder / "epub"
    with zipfile.ZipFile(epub) as archive:
        archive.extractall(unpacked)
    container = etree.parse(str(unpacked / "META-INF" / "container.xml"))
    opf_path = unpacked / container.xpath("//c:rootfile/@full-path", namespaces=OPF_NS)[0]
    opf = etree.parse(str(opf_path))
    hrefs = {item.get("id"): item.get("href") for item in opf.xpath("//opf:item", namespaces=OPF_NS)}
    spine = [hrefs[ref] for ref in opf.xpath("//opf:itemref/@idref", namespaces=OPF_NS)]
    chapter = opf_path.parent / (spine[1] if len(spine) > 1 else spine[0])
    target = folder / "epub-chapter.pdf"
    # Our own book, unpacked in a private folder: WeasyPrint may read its files.
    page = HTML(string=chapter.read_text(encoding="utf-8"), base_url=str(chapter))  # XHTML: no <meta charset>
    page.write_pdf(target, stylesheets=[CSS(string=READER_PAGE)])
    return target


def docx_pdf(docx: Path, folder: Path) -> Path:
    soffice = require("soffice", "--no-install-recommends libreoffice-writer-nogui")
    profile = (folder / "lo-profile").as_uri()  # a private profile: no clash with a running LibreOffice
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(folder), str(docx)], check=True, capture_output=True, timeout=300)
    return folder / f"{docx.stem}.pdf"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=Path, default=ROOT / "samples" / "zh-news.txt")
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        outputs = {kind: folder / f"{args.sample.stem}.{kind}" for kind in ("pdf", "epub", "docx")}
        for path in outputs.values():
            convert.convert(args.sample, path)
        first_page_png(outputs["pdf"], args.out / "preview-pdf.png")
        first_page_png(epub_first_chapter_pdf(outputs["epub"], folder), args.out / "preview-epub.png")
        first_page_png(docx_pdf(outputs["docx"], folder), args.out / "preview-docx.png")


if __name__ == "__main__":
    main()
