"""Build templates/reference.docx, the reference document docconv's DOCX writer starts from.

Run with the project's Python after changing a style in convert/writers/_docx_styles.py:

    .venv/bin/python templates/make_reference_docx.py

The result holds every style docconv uses (with Latin and Simplified Chinese
fonts named explicitly), an A4 page with 25 mm margins and a one-paragraph
sample per style, so that opening it in Word shows what each style looks
like. Copy it, restyle it and pass it back with --reference-doc. Its footer
holds a centred page number (a PAGE field), which every output inherits.
"""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Mm

from convert.writers._docx_styles import STYLES, build_reference

OUTPUT = Path(__file__).resolve().parent / "reference.docx"
SAMPLES = {
    "Title": "Title 标题", "Subtitle": "Subtitle 副标题", "Byline": "Author · 2024-06-12 · Publisher",
    "First Paragraph": "First Paragraph: the paragraph after a heading, not indented. 第一段。",
    "Body Text": "Body Text: every other paragraph. 正文段落，中文首行缩进两字。",
}


def main() -> None:
    doc = build_reference()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(25))
    page_number = section.footer.paragraphs[0]
    page_number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    # Word and LibreOffice compute a PAGE field on every page; "1" is only what shows before they do
    page_number._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = "docconv reference document", "docconv", "docconv"
    props.created = props.modified = datetime(2024, 1, 1, tzinfo=timezone.utc)
    props.revision = 1
    for name, kind, _, _ in STYLES:
        if kind == 1:  # paragraph styles get a sample line
            doc.add_paragraph(SAMPLES.get(name, f"{name} 样式"), style=doc.styles[name])
    doc.save(str(OUTPUT))
    print(f"wrote {OUTPUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
