"""An input as bytes, and the one place that turns those bytes into text.

Decoding order: a forced encoding, a byte-order mark, a declared charset
(mapped the WHATWG way, decoded strictly), strict UTF-8, then detection with
charset-normalizer. When the detected codec fails strictly, finds nothing, or
is an East Asian codec whose reading lacks its own script, the common East
Asian multibyte codecs are tried strictly on the whole input and the most
plausible reading wins; last of all the detected codec or UTF-8 with
replacement characters and a warning. Binary data is refused here, before any
reader sees it.
"""

from __future__ import annotations

import codecs
import functools
import os
import re
import stat
import unicodedata
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
            text = data.decode(utf16)
        except UnicodeDecodeError:
            pass
        else:
            if not _legacy_reads_better(data, text):
                return Decoded(text, utf16)

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
    text = _strict_or_none(data, detected)
    if text is not None and _detection_confirmed(detected, text):
        if _single_byte(detected) and _high_bytes_paired(data):
            strict = _most_plausible_strict(data, None)
            if strict:
                return Decoded(strict[1], strict[0])
        return Decoded(text, detected)
    strict = _most_plausible_strict(data, detected)
    if strict:
        return Decoded(strict[1], strict[0])
    if text is not None and not _is_utf16_or_32(detected):
        return Decoded(text, detected)  # unconfirmed, but nothing reads better
    if detected and not _is_utf16_or_32(detected):
        return Decoded(data.decode(detected, errors="replace"), detected,
                       [f"some bytes are not valid {detected} and were replaced"])
    return Decoded(data.decode("utf-8", errors="replace"), "utf-8",
                   ["could not detect the encoding; read as UTF-8 with replacement characters"])


def _has_high_bytes(data: bytes) -> bool:
    return any(b > 0x7F for b in data[:65536])


_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
_DETECT_BYTES = 200_000


def _detect_window(data: bytes) -> bytes:
    """The 200 KB detection looks at, starting a little before the first
    non-ASCII byte: ASCII says nothing about which ASCII-compatible encoding
    a file is in, so a page whose first 200 KB are scripts and markup was
    detected as cp1252 and its GB18030 text read as Latin-1 mojibake. Bytes
    before the first high byte are all single characters, so that cut splits
    none; the far end is moved back to a boundary (_safe_end)."""
    first = _HIGH_BYTE.search(data)
    start = max(0, first.start() - 1000) if first else 0
    window = data[start:start + _DETECT_BYTES]
    if start + _DETECT_BYTES < len(data):
        window = window[:_safe_end(window)]
    return window


def _safe_end(window: bytes) -> int:
    """Where to cut a window so no multibyte character is split: after its
    last newline, space or angle bracket, bytes that are never part of a
    multibyte character in any of the East Asian codecs. A window ending
    mid-character makes charset-normalizer reject every codec: a 218 KB
    GB18030 Russian page was read as UTF-8 with 72,360 replacement
    characters."""
    end = max(window.rfind(byte) for byte in (b"\n", b" ", b">", b"<")) + 1
    return end if end > len(window) // 2 else len(window)


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(_detect_window(data)).best()
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


# The multibyte East Asian codecs tried, each strictly and on the whole input,
# before any lossy decode. Order breaks ties in plausibility: GB18030 first,
# as it encodes all of Unicode and is what Chinese systems save other scripts
# in; a detected codec comes after them (see _strict_readings).
_EAST_ASIAN = ("gb18030", "big5hkscs", "shift_jis", "cp932", "euc_jp", "euc_kr", "cp949")

_KANA = re.compile("[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
# Han, one space, Han: Chinese and Japanese do not space words, so this is a
# space-separated script (Korean, Cyrillic) read in a Chinese codec.
_SPACED_HAN = re.compile(f"{_HAN.pattern} (?={_HAN.pattern})")

# The script a text in each East Asian codec all but always contains.
_HOME_SCRIPT = {
    "shift_jis": _KANA, "cp932": _KANA, "shift_jis_2004": _KANA, "shift_jisx0213": _KANA,
    "euc_jp": _KANA, "euc_jis_2004": _KANA, "euc_jisx0213": _KANA,
    "euc_kr": _HANGUL, "cp949": _HANGUL, "johab": _HANGUL,
    "gb18030": _HAN, "gbk": _HAN, "gb2312": _HAN, "big5": _HAN, "big5hkscs": _HAN, "cp950": _HAN,
}

# Characters beyond this many are not scored: enough to tell readings apart.
_SCORED_CHARS = 200_000
# The most implausibility per non-ASCII character a reading may have and still
# be taken; real text scores near 0, misread bytes far above 1.
_MOST_IMPLAUSIBLE = 0.2


def _strict_or_none(data: bytes, codec: str | None) -> str | None:
    if not codec:
        return None
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _is_utf16_or_32(codec: str | None) -> bool:
    return bool(codec) and codec.replace("-", "_").startswith(("utf_16", "utf_32"))


def _detection_confirmed(codec: str, text: str) -> bool:
    """Whether a detected codec that decoded strictly can be taken as is.

    An East Asian codec is confirmed only when its reading holds the script it
    exists for (kana for Japanese codecs, Hangul for Korean, Han for Chinese):
    Cyrillic or Greek sit at the same byte positions in GB2312, JIS X 0208 and
    KS X 1001, so charset-normalizer often calls a GB18030 Russian page EUC-JIS,
    which decodes strictly but turns GB punctuation into other characters
    (an em dash into a fullwidth "!"). Detected UTF-16 or UTF-32 is never
    confirmed: the BOM and NUL sniffing in decode() found none, so the bytes
    are far likelier legacy multibyte text (a short Big5 line) or broken
    UTF-8. Other codecs are trusted. The check is a regex scan that stops at
    the first match, so the common case stays cheap.
    """
    if _is_utf16_or_32(codec):
        return False
    home = _HOME_SCRIPT.get(codec)
    return home is None or home.search(text) is not None


# Bytes read as double-byte text: ASCII, GB18030's four-byte characters, or a lead byte with
# its trail (the trail may be an ASCII letter: `–` is A8 43 in GBK).
# One byte or one character per step, the alternatives told apart by their first two bytes: a
# nested `[\x00-\x7f]+` inside the `*` backtracks exponentially on a stream that fails late.
_DOUBLE_BYTE_STREAM = re.compile(rb"(?:[\x00-\x7f]|[\x81-\xfe][\x30-\x39][\x81-\xfe][\x30-\x39]"
                                 rb"|[\x81-\xfe][\x40-\x7e\x80-\xfe])*")
_PAIRED_MIN = 3  # high bytes needed before their pairing says anything


def _single_byte(codec: str) -> bool:
    return codec not in _EAST_ASIAN and not codec.startswith("utf") and codec not in ("gbk", "gb2312", "big5")


def _high_bytes_paired(data: bytes) -> bool:
    """Does every byte above 0x7F pair up as the two- and four-byte characters of GB18030 (and
    Big5, Shift_JIS, EUC) do? A page of English text with a few GB18030 quotes and dashes
    (`’` is A1 AF) reads as ISO 8859-13 or HP Roman-8 to charset-normalizer, strictly and
    wrongly (`Trump”Æs`); a real single-byte text has letters that pair with nothing
    (`café ` ends in é and a space, a Cyrillic word of three letters leaves one over)."""
    sample = data[:_DETECT_BYTES]
    return (sum(1 for byte in sample[:65536] if byte > 0x7F) >= _PAIRED_MIN * 2
            and _DOUBLE_BYTE_STREAM.fullmatch(sample[:_safe_end(sample)] if len(sample) == _DETECT_BYTES else sample)
            is not None)


def _strict_readings(data: bytes, detected: str | None) -> dict[str, str]:
    """The common East Asian codecs and the detected one, each kept only if it
    decodes the whole input strictly: a codec that needs replacement
    characters is wrong, whatever a sample looked like. The detected codec
    comes last, so it loses ties: it is only here when it failed strictly
    (and is dropped) or when its reading lacked its own script, and then the
    detection rested on bytes every one of these codecs shares."""
    readings: dict[str, str] = {}
    for codec in (*_EAST_ASIAN, detected):
        if not codec or codec in readings:
            continue
        try:
            readings[codec] = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    return readings


def _most_plausible_strict(data: bytes, detected: str | None) -> tuple[str, str] | None:
    """(codec, text) of the strict reading with the fewest implausible
    characters, or None when no candidate decodes the whole input strictly or
    the best still reads as garbage (broken UTF-8 with a stray byte can pair
    up into valid GB18030: that deserves the replacement warning, not silent
    Hanzi). GB18030 decodes nearly any byte string, so strictness alone cannot
    choose; ties go to the first in _strict_readings' order."""
    scored = [(_implausibility(text), codec, text) for codec, text in _strict_readings(data, detected).items()]
    if not scored:
        return None
    score, codec, text = min(scored, key=lambda item: item[0])
    return (codec, text) if score <= _MOST_IMPLAUSIBLE else None


def _legacy_reads_better(data: bytes, utf16_text: str) -> bool:
    """Whether NUL-free bytes that sniffed as UTF-16 read more plausibly in an
    East Asian multibyte codec. Shift_JIS kanji and kana bytes pair up into
    U+8140..U+9FFC, all CJK ideographs, so sniffing alone takes Japanese
    Shift_JIS for UTF-16-BE. Bytes with NULs are real UTF-16: no legacy text
    holds NUL."""
    if b"\x00" in data:
        return False
    legacy = _most_plausible_strict(data, None)
    return legacy is not None and _implausibility(legacy[1]) < _implausibility(utf16_text)


def _implausibility(text: str) -> float:
    """How unlike real text a reading is, per non-ASCII character (readings of
    the same bytes differ in length): the sum of _char_penalty over its
    characters, plus one for each Han character spaced off from the next like
    a word. Counted over distinct characters, so the cost is one C-level
    Counter pass plus a cached look-up per distinct character, and one regex
    scan."""
    from collections import Counter

    sample = text[:_SCORED_CHARS]
    counts = Counter(sample)
    has_cjk = any(_is_cjk_letter(ch) for ch in counts if ch >= "\u1100")
    has_kana = has_cjk and _KANA.search(sample) is not None
    penalty = sum(n * _char_penalty(ch, has_cjk, has_kana) for ch, n in counts.items())
    penalty += len(_SPACED_HAN.findall(sample))
    non_ascii = sum(n for ch, n in counts.items() if ch >= "\x80")
    return penalty / max(non_ascii, 1)


def _is_cjk_letter(ch: str) -> bool:
    return bool(_HAN.match(ch) or _KANA.match(ch) or _HANGUL.match(ch))


@functools.lru_cache(maxsize=1 << 16)
def _char_penalty(ch: str, has_cjk: bool, has_kana: bool) -> int:
    """10 for what no real text holds: unassigned (Cn), private-use (Co),
    surrogates, controls but tab, line ends and form feed (C0 and C1).
    1 for what a wrong reading produces by the thousand but real text seldom:
    Han outside the frequent sets of GB2312, Big5 level 1 and JIS level 1, or
    in a text with kana (Japanese) Han outside JIS X 0208 (the kana rows of
    GB2312 and JIS X 0208 coincide, so EUC-JP read as GB18030 keeps its kana
    but turns kanji into simplified Chinese characters Japanese never uses);
    Hangul outside the 2,350 syllables of KS X 1001; CJK punctuation and
    fullwidth forms in a text with no CJK letter (wrong script for the text).
    0 for everything else."""
    if ch in "\t\n\r\x0c":
        return 0
    if unicodedata.category(ch) in ("Cn", "Co", "Cs", "Cc"):
        return 10
    if ch < "\u1100":
        return 0
    if _HAN.match(ch):
        if has_kana:
            return 0 if _encodes(ch, "euc_jp") else 1
        return 0 if _is_frequent_han(ch) else 1
    if "\uac00" <= ch <= "\ud7a3":
        # Python's euc_kr writes the other syllables as 8-byte jamo sequences.
        return 0 if len(_encoded(ch, "euc_kr") or b"") == 2 else 1
    if not has_cjk and ("\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"):
        return 1
    return 0


def _is_frequent_han(ch: str) -> bool:
    """In GB2312, Big5 level 1 (A440..C67E) or JIS X 0208 level 1 (889F..9872
    in Shift_JIS): the characters those standards rank as common."""
    if _encodes(ch, "gb2312"):
        return True
    big5 = _encoded(ch, "big5")
    if big5 is not None and b"\xa4\x40" <= big5 <= b"\xc6\x7e":
        return True
    sjis = _encoded(ch, "shift_jis")
    return sjis is not None and b"\x88\x9f" <= sjis <= b"\x98\x72"


def _encoded(ch: str, codec: str) -> bytes | None:
    try:
        return ch.encode(codec)
    except UnicodeEncodeError:
        return None


def _encodes(ch: str, codec: str) -> bool:
    return _encoded(ch, codec) is not None


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
