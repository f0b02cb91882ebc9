"""Script and language facts that readers and writers share."""

from __future__ import annotations

import re

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_KANA = "\u3040-\u30ff\u31f0-\u31ff"
_HANGUL = "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"
_CJK_PUNCT = "\u3000-\u303f\uff00-\uffef"
CJK_CHAR = re.compile(f"[{_HAN}{_KANA}{_HANGUL}{_CJK_PUNCT}]")
# Wide letters are CJK_CHAR less the punctuation: counted that way, since every
# class over the Han ranges costs ~3 ms to compile at start-up.
_CJK_PUNCT_CHAR = re.compile(f"[{_CJK_PUNCT}]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
# Frequent characters whose traditional and simplified forms differ, pair by pair:
# which set a text uses tells zh-TW (Big5 pages, Taiwan and Hong Kong sites) from zh-CN.
_TRADITIONAL = "們這來說時會為國學經與對實現發開關應點當進頭問題過還體後從動業產區長電華"
_SIMPLIFIED = "们这来说时会为国学经与对实现发开关应点当进头问题过还体后从动业产区长电华"


def is_cjk(ch: str) -> bool:
    return bool(CJK_CHAR.match(ch))


def has_cjk(text: str) -> bool:
    return CJK_CHAR.search(text) is not None


def detect_language(text: str) -> str:
    """A BCP 47 tag from the text's scripts; "" when there is nothing to go on."""
    sample = text[:20000]
    wide = len(CJK_CHAR.findall(sample)) - len(_CJK_PUNCT_CHAR.findall(sample))
    latin = len(_LATIN.findall(sample))
    if wide == 0 and latin == 0:
        return ""
    if wide * 2 >= latin:  # one Han character carries about as much as a Latin word
        kana = len(re.findall(f"[{_KANA}]", sample))
        hangul = len(re.findall(f"[{_HANGUL}]", sample))
        if hangul > wide / 3:
            return "ko"
        if kana > wide / 10:
            return "ja"
        traditional = sum(sample.count(ch) for ch in _TRADITIONAL)
        simplified = sum(sample.count(ch) for ch in _SIMPLIFIED)
        return "zh-TW" if traditional > simplified else "zh-CN"
    return "en"


def is_chinese(language: str) -> bool:
    return language.lower().startswith("zh")


def is_east_asian(language: str) -> bool:
    return language.lower().split("-")[0] in ("zh", "ja", "ko")
