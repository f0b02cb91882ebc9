import codecs

import pytest

from convert.errors import InputError
from convert.source import clean_text, decode

ZH = "经济运行总体平稳，稳中有进。今年以来，国民经济持续恢复，就业形势保持稳定，居民收入稳步增长。"
ZH_TW = "經濟運行總體平穩，穩中有進。今年以來，國民經濟持續恢復，就業形勢保持穩定，居民收入穩步增長。"


@pytest.mark.parametrize("codec, text", [
    ("gbk", ZH), ("gb18030", ZH + "䶮"), ("big5", ZH_TW), ("utf-8", ZH),
])
def test_undeclared_chinese_encodings_decode_exactly(codec, text):
    assert decode("x", text.encode(codec)).text == text


@pytest.mark.parametrize("bom, codec", [
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
])
def test_byte_order_marks(bom, codec):
    assert decode("x", bom + ZH.encode(codec)).text == ZH


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", ["Title\n" + ZH, ZH])
def test_utf16_without_bom(codec, text):
    assert decode("x", text.encode(codec)).text == text


@pytest.mark.parametrize("codec", ["gbk", "big5", "gb18030"])
def test_legacy_chinese_is_not_taken_for_utf16(codec):
    text = ZH_TW if codec == "big5" else ZH
    assert decode("x", text.encode(codec)).text == text


def test_declaration_that_lies_is_not_believed():
    assert decode("x", ZH.encode("gbk"), declared="utf-8").text == ZH
    assert decode("x", ZH.encode("gbk"), declared="iso-8859-1").text == ZH
    assert decode("x", ZH.encode("utf-8"), declared="gbk").text == ZH


def test_gb2312_declaration_reads_gbk_only_characters():
    text = ZH + "朱镕基、陶喆、王堃"
    assert decode("x", text.encode("gbk"), declared="gb2312").text == text


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00", b"PK\x03\x04abc", bytes(range(256)) * 4])
def test_binary_is_refused_naming_the_file(data):
    with pytest.raises(InputError, match=r"^samples/x.html: not a text or HTML file"):
        decode("samples/x.html", data)


def test_clean_text_drops_what_xml_cannot_hold():
    assert clean_text("a\x00b\x0bc\ufffed\ud800e\tf\n") == "abcde\tf\n"
