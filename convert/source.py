"""An input as bytes, and the one place that turns those bytes into text.

Decoding order: a forced encoding, a byte-order mark, a declared charset
(mapped the WHATWG way, decoded strictly), strict UTF-8, then detection with
charset-normalizer; last of all UTF-8 with replacement characters and a
warning. Binary data is refused here, before any reader sees it.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from convert.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Labels pages use, mapped to the codec that actually decodes what they hold
# (the WHATWG Encoding Standard: gb2312 and gbk mean GB18030, big5 means HKSCS,
# latin-1 and ascii mean windows-1252).
_LABEL_TO_CODEC = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "x-gbk": "gb18030",
    "gb18030": "gb18030",
    "big5": "big5hkscs",
    "big5-hkscs": "big5hkscs",
    "cp950": "big5hkscs",
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "utf8": "utf-8",
}

_MAGIC = (
    (b"\x89PNG", "PNG image"),
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"\x7fELF", "executable"),
    (b"\x1f\x8b", "gzip data"),
)


@dataclass(frozen=True, slots=True)
class Source:
    name: str  # what error messages call it: the path as the user gave it
    data: bytes
    base_dir: str | None = None  # the folder relative resources resolve against
    suffix: str = ""  # lower-case file extension, "" for strings


@dataclass(slots=True)
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def load(path: str | os.PathLike[str], max_bytes: int) -> Source:
    name = str(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror}") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(name, "is a folder (give -d OUTDIR to convert a folder)")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(name, "not a regular file")
    if info.st_size > max_bytes:
        raise InputError(name, f"too large ({info.st_size:,} bytes; the limit is {max_bytes:,}, raise it with --max-input-size)")
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror}") from None
    folder = os.path.dirname(os.path.abspath(path))
    return Source(name=name, data=data, base_dir=folder, suffix=Path(path).suffix.lower())


def codec_for_label(label: str) -> str | None:
    label = label.strip().lower()
    label = _LABEL_TO_CODEC.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _strip_bom(data: bytes) -> tuple[bytes, str | None]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom):], codec
    return data, None


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM. Latin text: every NUL byte falls on one parity (the
    high byte of ASCII). CJK text has no NULs: both byte orders are tried and
    the one that reads as CJK and ASCII almost throughout wins."""
    sample = data[:4096]
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 4:
        return None
    even_nuls, odd_nuls = sample[0::2].count(0), sample[1::2].count(0)
    if even_nuls and odd_nuls:
        return None
    if even_nuls or odd_nuls:
        candidates = ["utf-16-le" if odd_nuls else "utf-16-be"]
    elif _has_high_bytes(sample) and not _is_utf8(sample):
        candidates = ["utf-16-le", "utf-16-be"]
    else:
        return None
    for codec in candidates:
        try:
            text = sample.decode(codec)
        except UnicodeDecodeError:
            continue
        readable = sum(1 for ch in text if (ch.isascii() and (ch.isprintable() or ch in "\r\n\t"))
                       or "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef")
        if readable >= len(text) * 0.95:
            return codec
    return None


def _is_utf8(sample: bytes) -> bool:
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(sample) - 3  # a character cut at the sample's end
    return True


def refuse_binary(name: str, data: bytes) -> None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputError(name, f"not a text or HTML file (looks like a {kind})")
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    if b"\x00" in sample or controls > len(sample) * 0.1:
        raise InputError(name, "not a text or HTML file (looks like binary data)")


def decode(name: str, data: bytes, declared: str | None = None, forced: str | None = None) -> Decoded:
    if forced:
        codec = codec_for_label(forced)
        if codec is None:
            raise InputError(name, f"unknown encoding {forced!r}")
        return Decoded(data.decode(codec, errors="replace"), codec)

    body, bom_codec = _strip_bom(data)
    if bom_codec:
        return Decoded(body.decode(bom_codec, errors="replace"), bom_codec)

    utf16 = _looks_utf16(data)
    if utf16:
        try:
            return Decoded(data.decode(utf16), utf16)
        except UnicodeDecodeError:
            pass

    refuse_binary(name, data)

    if declared:
        codec = codec_for_label(declared)
        single_byte = codec in ("cp1252", "iso8859-1", "ascii")
        # A single-byte declaration over bytes that hold multibyte text is the
        # commonest lie on Chinese pages; let detection decide those.
        if codec and not (single_byte and _has_high_bytes(data)):
            try:
                return Decoded(data.decode(codec), codec)
            except UnicodeDecodeError:
                pass

    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass

    detected = _detect(data)
    if detected:
        try:
            return Decoded(data.decode(detected), detected)
        except UnicodeDecodeError:
            return Decoded(data.decode(detected, errors="replace"), detected,
                           [f"some bytes are not valid {detected} and were replaced"])
    return Decoded(data.decode("utf-8", errors="replace"), "utf-8",
                   ["could not detect the encoding; read as UTF-8 with replacement characters"])


def _has_high_bytes(data: bytes) -> bool:
    return any(b > 0x7F for b in data[:65536])


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        return None
    codec = codec_for_label(best.encoding) or best.encoding
    # GBK and GB2312 are subsets of GB18030: decode with the superset so rare
    # characters (4-byte sequences, Extension A) survive.
    if codec in ("gbk", "gb2312"):
        codec = "gb18030"
    if codec == "big5":
        codec = "big5hkscs"
    return codec


# What clean_text drops (form feed becomes a line break): one regex scan instead of a loop per character.
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _replace_unstorable(match: re.Match[str]) -> str:
    return "\n" if match.group() == "\x0c" else ""


def clean_text(text: str) -> str:
    """Drop characters no XML-based writer can store: C0 controls (but tab and
    line ends), U+FFFE/U+FFFF and lone surrogates."""
    if text.isprintable() or _UNSTORABLE.search(text) is None:
        return text
    return _UNSTORABLE.sub(_replace_unstorable, text)
