"""The DOCX writer's reference document, prepared once per worker, and its zip writer.

Opening reference.docx with python-docx parses ~800 KB of styles XML, and
saving deflates it again: about half the time of a small document. A
`Template` is the reference after everything the writer does to it that does
not depend on the document's content (missing styles added, language and fonts,
page size), kept serialized: the parts no document changes are stored deflated
once; each document gets a fresh python-docx package in which only the parts
the builder writes to are live XML (document, numbering, core properties,
settings) and the others are plain parts whose stored bytes go into the zip
as they are. Templates are cached per reference file (path, mtime, size) and
per language, typography and paper.
"""

from __future__ import annotations

import functools
import os
import struct
import zipfile
import zlib
from dataclasses import dataclass
from datetime import datetime

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.opc.parts.coreprops import CorePropertiesPart
from docx.opc.spec import default_content_types
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.package import Package
from docx.parts.document import DocumentPart
from docx.parts.image import ImagePart
from docx.parts.numbering import NumberingPart
from docx.parts.settings import SettingsPart
from docx.shared import Emu, Inches, Mm

from convert.context import zip_date_time
from convert.errors import ConvertError
from convert.resources import template_path
from convert.writers import _docx_styles
from convert.writers._docx_styles import Fonts

# Parts the builder writes to: re-parsed from their prepared XML for every document.
_LIVE = (DocumentPart, NumberingPart, CorePropertiesPart, SettingsPart)
STORED_LEVEL = 6  # deflated once per worker (9 would triple a single file's 5 ms for 8% less)
LIVE_LEVEL = 3  # per document: fast, a few percent larger than zipfile's default 6
_ZIP_LIMIT = 0xFFFFFFFF  # beyond this a zip needs zip64 records, which this writer does not write
_DEFAULT_TYPES = frozenset(default_content_types)


@dataclass(frozen=True, slots=True)
class Deflated:
    data: bytes
    crc: int
    size: int

    @classmethod
    def of(cls, payload: bytes, level: int) -> Deflated:
        compressor = zlib.compressobj(level, zlib.DEFLATED, -15)  # raw deflate, as zip stores it
        return cls(compressor.compress(payload) + compressor.flush(), zlib.crc32(payload), len(payload))


@dataclass(frozen=True, slots=True)
class _PartSpec:
    partname: str
    content_type: str
    part_class: type[Part]
    blob: bytes
    rels: tuple[tuple[str, str, str, bool], ...]  # (rId, reltype, target partname or URL, external)


class _StoredPart(Part):
    """A reference part no document changes: its bytes are written as prepared."""


@dataclass(frozen=True, slots=True)
class Template:
    parts: tuple[_PartSpec, ...]
    package_rels: tuple[tuple[str, str, str, bool], ...]
    stored: dict[str, tuple[Deflated, Deflated | None]]  # partname -> (part, its rels) for unchanged parts
    styles: dict[str, str]  # style name -> style id
    text_width: int  # EMU between the margins

    def new_document(self):
        """A python-docx Document over a fresh package built from the prepared parts."""
        package = Package()
        parts: dict[str, Part] = {}
        for spec in self.parts:
            parts[spec.partname] = spec.part_class.load(PackURI(spec.partname), spec.content_type, spec.blob, package)
        for spec in self.parts:
            for r_id, reltype, target, external in spec.rels:
                parts[spec.partname].load_rel(reltype, target if external else parts[target], r_id, external)
        for r_id, reltype, target, external in self.package_rels:
            package.load_rel(reltype, target if external else parts[target], r_id, external)
        package.after_unmarshal()  # gathers the reference's images, so new ones get unused names
        return package.main_document_part.document

    def save(self, document, path: str, moment: datetime) -> None:
        package = document.part.package
        parts = list(package.iter_parts())
        with open(path, "wb") as stream:
            archive = _ZipWriter(stream, moment)
            archive.add("[Content_Types].xml", Deflated.of(content_types(parts), LIVE_LEVEL))
            archive.add("_rels/.rels", Deflated.of(package.rels.xml, LIVE_LEVEL))
            for part in parts:
                stored = self.stored.get(part.partname)
                if stored is not None:
                    archive.add(part.partname.membername, stored[0])
                    if stored[1] is not None:
                        archive.add(part.partname.rels_uri.membername, stored[1])
                    continue
                archive.add(part.partname.membername, Deflated.of(part.blob, LIVE_LEVEL))
                if len(part.rels):
                    archive.add(part.partname.rels_uri.membername, Deflated.of(part.rels.xml, LIVE_LEVEL))
            archive.close()


def template(reference: str | None, fonts: Fonts, chinese: bool, paper: str) -> Template:
    """The prepared reference: the user's `reference` document, else docconv's own."""
    own_styles = not reference
    path = reference
    if own_styles:
        try:
            path = str(template_path("reference.docx"))
        except ConvertError:
            path = None  # rebuilt in memory from the same definitions
    try:
        stat = os.stat(path) if path else None
    except OSError:
        stat = None  # open_reference reports it
    stamp = (stat.st_mtime_ns, stat.st_size) if stat else None
    return _prepare(path, stamp, own_styles, fonts, chinese, paper if own_styles else None)


@functools.lru_cache(maxsize=8)
def _prepare(path: str | None, stamp: object, own_styles: bool, fonts: Fonts, chinese: bool,
             paper: str | None) -> Template:
    base = open_reference(path) if path else _docx_styles.build_reference()
    styles = _docx_styles.ensure_styles(base)
    _docx_styles.apply_language(base, fonts, chinese, own_styles)
    section = base.sections[-1] if base.sections else None
    if section is not None and paper:
        section.page_width, section.page_height = (Mm(210), Mm(297)) if paper == "a4" else (Inches(8.5), Inches(11))
    width = None
    if section is not None and None not in (section.page_width, section.left_margin, section.right_margin):
        width = section.page_width - section.left_margin - section.right_margin
    _ensure_numbering(base.part)
    base.settings  # noqa: B018 -- makes a settings part when the reference has none, as python-docx would
    originals = _deflated_members(path) if path else {}
    return _freeze(base.part.package, styles, Emu(width) if width and width > 0 else Inches(6), originals)


def open_reference(path: str):
    """The reference document with its body emptied (its sectPr, styles and parts kept)."""
    if not os.path.isfile(path):
        raise ConvertError(path, "reference document not found")
    try:
        base = docx.Document(path)
    except Exception as exc:  # python-docx raises zip, XML and package errors alike
        raise ConvertError(path, f"not a usable reference .docx ({type(exc).__name__}: {exc})") from None
    body = base.element.body
    for element in list(body):
        if element.tag != qn("w:sectPr"):
            body.remove(element)
    return base


def _ensure_numbering(document_part) -> None:
    """An empty numbering part when the reference has none (python-docx cannot make one)."""
    try:
        document_part.part_related_by(RT.NUMBERING)
    except KeyError:
        element = parse_xml(f"<w:numbering {nsdecls('w')}/>")
        partname = document_part.package.next_partname("/word/numbering%d.xml")
        numbering = NumberingPart(partname, CT.WML_NUMBERING, element, document_part.package)
        document_part.relate_to(numbering, RT.NUMBERING)


def _deflated_members(path: str) -> dict[str, Deflated]:
    """The reference's deflated members as they are in its zip: a part python-docx keeps as
    raw bytes is copied without inflating and deflating it again."""
    members = {}
    with zipfile.ZipFile(path) as archive, open(path, "rb") as raw:
        for info in archive.infolist():
            if info.compress_type != zipfile.ZIP_DEFLATED or info.flag_bits & 0x1:  # 0x1: encrypted
                continue
            raw.seek(info.header_offset)
            header = raw.read(30)
            if len(header) < 30 or header[:4] != b"PK\x03\x04":
                continue
            name_length, extra_length = struct.unpack("<HH", header[26:30])
            raw.seek(info.header_offset + 30 + name_length + extra_length)
            members[info.filename] = Deflated(raw.read(info.compress_size), info.CRC, info.file_size)
    return members


def _freeze(package, styles: dict[str, str], text_width: int, originals: dict[str, Deflated]) -> Template:
    specs, stored = [], {}
    for part in package.iter_parts():
        rels = tuple((rel.rId, rel.reltype, rel.target_ref if rel.is_external else str(rel.target_part.partname),
                      rel.is_external) for rel in part.rels.values())
        live = isinstance(part, _LIVE)
        part_class = type(part) if live or isinstance(part, ImagePart) else _StoredPart
        specs.append(_PartSpec(str(part.partname), part.content_type, part_class, part.blob, rels))
        if not live:
            rels_entry = Deflated.of(part.rels.xml, STORED_LEVEL) if len(part.rels) else None
            original = originals.get(part.partname.membername) if type(part) in (Part, ImagePart) else None
            if original is None or original.size != len(part.blob):
                original = Deflated.of(part.blob, STORED_LEVEL)
            stored[str(part.partname)] = (original, rels_entry)
    package_rels = tuple((rel.rId, rel.reltype, rel.target_ref if rel.is_external else str(rel.target_part.partname),
                          rel.is_external) for rel in package.rels.values())
    return Template(tuple(specs), package_rels, stored, styles, text_width)


def content_types(parts) -> bytes:
    """[Content_Types].xml: a Default per known media extension, an Override for every other part."""
    defaults = {"rels": CT.OPC_RELATIONSHIPS, "xml": CT.XML}
    overrides = {}
    for part in parts:
        ext = part.partname.ext.lower()
        if (ext, part.content_type) in _DEFAULT_TYPES:
            defaults[ext] = part.content_type
        else:
            overrides[str(part.partname)] = part.content_type
    entries = [f'<Default Extension="{_attr(ext)}" ContentType="{_attr(kind)}"/>'
               for ext, kind in sorted(defaults.items())]
    entries += [f'<Override PartName="{_attr(name)}" ContentType="{_attr(kind)}"/>'
                for name, kind in sorted(overrides.items())]
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            + "".join(entries) + "</Types>").encode("utf-8")


def _attr(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")


class _ZipWriter:
    """A zip archive of already-deflated members (zipfile can only deflate them itself)."""

    def __init__(self, stream, moment: datetime) -> None:
        self.stream = stream
        self.central: list[bytes] = []
        self.offset = 0
        year, month, day, hour, minute, second = zip_date_time(moment)  # every entry: the context's clock
        self.dos_time = hour << 11 | minute << 5 | second // 2
        self.dos_date = (year - 1980) << 9 | month << 5 | day

    def add(self, name: str, member: Deflated) -> None:
        encoded = name.encode("utf-8")
        flags = 0 if encoded.isascii() else 0x800  # bit 11: the name is UTF-8
        if max(len(member.data), member.size, self.offset) >= _ZIP_LIMIT:
            raise ConvertError(name, "too large for a DOCX file (over 4 GB)")
        fields = (20, flags, 8, self.dos_time, self.dos_date, member.crc, len(member.data), member.size,
                  len(encoded))
        header = struct.pack("<I5HIIIHH", 0x04034B50, *fields, 0)
        self.central.append(struct.pack("<IH5HIIIHHHHHII", 0x02014B50, 0x0314, *fields, 0, 0, 0, 0,
                                        0o100644 << 16, self.offset) + encoded)
        self.stream.write(header + encoded)
        self.stream.write(member.data)
        self.offset += len(header) + len(encoded) + len(member.data)

    def close(self) -> None:
        directory = b"".join(self.central)
        count = len(self.central)
        self.stream.write(directory)
        self.stream.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(directory), self.offset, 0))
