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


RU = "\n".join([
    "МОСКВА, 14 марта — Правительство утвердило новый план развития транспортной инфраструктуры.",
    "«Мы рассчитываем завершить основные работы до конца следующего года», — заявил министр на брифинге.",
    "Документ № 512 предусматривает ремонт ещё трёх тысяч километров региональных дорог…",
    "Эксперты отмечают, что темпы строительства заметно выросли по сравнению с прошлым годом.",
    "Синоптики предупреждают о сильных снегопадах в северных районах страны в конце недели.",
])
RU_PLAIN = "\n".join([
    "Центральный банк сохранил ключевую ставку на прежнем уровне, сообщила пресс-служба регулятора.",
    "Аналитики ожидали такого решения и не видят причин для резких изменений на рынке.",
    "Местная футбольная команда одержала победу в финале кубка со счётом два один.",
])
JA = ("政府は来年度の予算案を閣議決定した。総額は過去最大となる見通しで、社会保障費の増加が主な要因となっている。"
      "東京都内では桜の開花が発表され、各地の公園には多くの花見客が訪れた。")
KO = ("정부는 내년도 예산안을 국무회의에서 의결했다. 총지출 규모는 역대 최대 수준으로, 복지 예산의 증가가 주된 원인이다. "
      "서울 시내 곳곳에서 벚꽃이 피기 시작하면서 많은 시민들이 공원을 찾았다.")


def _decodes_exactly(data, text):
    result = decode("x", data)
    assert result.text == text
    assert result.warnings == []


@pytest.mark.parametrize("text", [RU, RU_PLAIN, RU_PLAIN.replace(", ", " — ") + "…"])
def test_cyrillic_in_gb18030_is_read_exactly(text):
    # Detection calls plain GB18030 Cyrillic EUC-JIS (same byte positions, other
    # punctuation: an em dash came out as a fullwidth "!"), and over 200 KB it
    # found nothing, so the page was read as UTF-8 with replacement characters.
    _decodes_exactly(text.encode("gb18030"), text)


def test_cyrillic_in_gb18030_over_200_kb_cut_mid_character():
    for text in (RU_PLAIN * 500, "1" + RU_PLAIN * 500):
        data = text.encode("gb18030")
        try:
            data[:200_000].decode("gb18030")
        except UnicodeDecodeError:
            break  # the 200 KB detection window ends inside a character
    else:
        raise AssertionError("no test text splits a character at 200 KB")
    _decodes_exactly(data, text)


def test_cyrillic_in_gb18030_after_a_long_ascii_head():
    head = "<html><head><script>" + "var x = 1; // padding\n" * 9500 + "</script></head><body>"
    text = head + "<p>" + RU_PLAIN.replace("\n", "</p><p>") + "</p></body></html>"
    _decodes_exactly(text.encode("gb18030"), text)


@pytest.mark.parametrize("codec, text", [
    ("big5", ZH_TW), ("big5", ZH_TW[:10]), ("big5hkscs", RU_PLAIN),
    ("shift_jis", JA), ("shift_jis", JA[:10]), ("cp932", JA), ("euc-jp", JA),
    ("euc-kr", KO), ("euc-kr", RU_PLAIN), ("gb18030", ZH + "䶮𠀀"), ("gb18030", RU + ZH),
    ("shift_jis", JA + RU_PLAIN), ("euc-kr", KO + RU_PLAIN),
])
def test_east_asian_encodings_are_read_exactly(codec, text):
    _decodes_exactly(text.encode(codec), text)


@pytest.mark.parametrize("codec, text", [
    ("gb18030", RU), ("gb18030", ZH), ("big5", ZH_TW), ("shift_jis", JA), ("euc-jp", JA), ("euc-kr", KO),
])
def test_without_detection_plausibility_picks_the_codec(monkeypatch, codec, text):
    monkeypatch.setattr("convert.source._detect", lambda data: None)
    _decodes_exactly(text.encode(codec), text)


@pytest.mark.parametrize("text", [RU, ZH * 5, JA])
def test_broken_utf8_still_gets_replacement_and_a_warning(text):
    data = bytearray(text.encode("utf-8"))
    for at in (40, 17, 3):
        data[at:at] = b"\xff"
    result = decode("x", bytes(data))
    assert "\ufffd" in result.text
    assert result.warnings


def test_garbage_that_happens_to_be_valid_gb18030_is_not_taken(monkeypatch):
    # Two stray bytes pair up and the Greek UTF-8 after them is valid GB18030:
    # the reading is Hanzi spaced like words, too implausible to take silently.
    monkeypatch.setattr("convert.source._detect", lambda data: None)
    text = "Η κυβέρνηση ανακοίνωσε νέα μέτρα στήριξης για τις μικρές επιχειρήσεις. " * 3
    data = b"\xb1\xb1" + text.encode("utf-8")
    data.decode("gb18030")  # the trap: GB18030 takes the whole input strictly
    result = decode("x", data)
    assert result.encoding == "utf-8" and result.warnings
    assert result.text == "\ufffd\ufffd" + text


def test_english_with_a_few_gb18030_quotes_is_not_read_as_a_latin_codepage() -> None:
    """charset-normalizer calls such a page ISO 8859-13 or HP Roman-8, which decode strictly
    and wrongly (`Trump”Æs`); every high byte pairs up as GB18030 does, so GB18030 reads it."""
    text = ("Donald Trump’s tweets fit a pattern, critics say — and the “pattern” is old. "
            "The Stein–led recount ended on Monday, officials said. ") * 20
    decoded = decode("page.txt", text.encode("gb18030"))
    assert (decoded.text, decoded.warnings) == (text, [])


@pytest.mark.parametrize("codec", ["cp1251", "cp1252"])
def test_a_single_byte_text_whose_letters_pair_with_nothing_stays_single_byte(codec: str) -> None:
    text = {"cp1251": "Он сказал, что это правда. Ещё раз: всё хорошо, и мир тут. " * 10,
            "cp1252": "Café au lait, crème brûlée, naïve résumé à la carte, déjà vu. " * 10}[codec]
    decoded = decode("page.txt", text.encode(codec))
    # (charset-normalizer may still pick a sibling codepage for the French: cp1257's à is ą)
    assert decoded.encoding not in ("gb18030", "big5hkscs", "shift_jis", "euc_jp", "euc_kr")
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in decoded.text)


def test_a_stream_that_fails_late_is_judged_at_once() -> None:
    """The double-byte pairing check once backtracked exponentially on ASCII words before a
    byte that pairs with nothing (found by the property test on random bytes): 40 words hung it."""
    import subprocess
    import sys

    data = b"ab " * 40 + b"\xa1\xaf\xa1\xaf\xa1\xaf\xa1\xaf\xff"
    code = f"from convert.source import _high_bytes_paired; print(_high_bytes_paired({data!r}))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30)
    assert done.stdout.strip() == "False"
