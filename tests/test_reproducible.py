"""Reproducible DOCX and EPUB: the output's timestamp comes from Context's clock, never the wall clock.

The rule (convert.context.output_time): SOURCE_DATE_EPOCH when set, else the
document's date, else a fixed 2000-01-01T00:00:00Z. It reaches DOCX core.xml
(created/modified), EPUB dcterms:modified and every zip entry of both.
"""

import datetime
import os
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import pytest

import convert
from convert.context import FALLBACK_TIME, output_time
from convert.tree import Document, Metadata, Paragraph, Text

UTC = datetime.timezone.utc
FORMATS = ["docx", "epub"]
_EPUB_MODIFIED = re.compile(r'<meta property="dcterms:modified">([^<]*)</meta>')


@pytest.fixture(autouse=True)
def _no_epoch(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def _source(tmp_path: Path) -> Path:
    path = tmp_path / "in.txt"
    path.write_text("A Title\n\nSome body text.\n\nA second paragraph.\n", encoding="utf-8")
    return path


def _modified(path: Path) -> str:
    """dcterms:modified as written: core.xml for DOCX, the package document for EPUB."""
    with zipfile.ZipFile(path) as archive:
        if path.suffix == ".docx":
            core = archive.read("docProps/core.xml").decode("utf-8")
            return re.search(r"<dcterms:modified[^>]*>([^<]*)</dcterms:modified>", core).group(1)
        opf = next(name for name in archive.namelist() if name.endswith(".opf"))
        return _EPUB_MODIFIED.search(archive.read(opf).decode("utf-8")).group(1)


def _zip_stamps(path: Path) -> set[tuple]:
    with zipfile.ZipFile(path) as archive:
        return {info.date_time for info in archive.infolist()}


def _stamp(moment: datetime.datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.mark.parametrize("fmt", FORMATS)
def test_same_input_twice_across_a_clock_tick_gives_identical_bytes(tmp_path, fmt):
    source = _source(tmp_path)
    first, second = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
    convert.convert(source, first)
    time.sleep(1.1)  # the wall clock moves past a zip timestamp's 2-second step half the time
    convert.convert(source, second)
    assert first.read_bytes() == second.read_bytes()
    assert _modified(first) == _stamp(FALLBACK_TIME)  # undated input: the fixed epoch
    assert _zip_stamps(first) == {(2000, 1, 1, 0, 0, 0)}


@pytest.mark.parametrize("fmt", FORMATS)
def test_source_date_epoch_is_the_timestamp(tmp_path, monkeypatch, fmt):
    source = _source(tmp_path)
    outputs = {}
    for name, epoch in (("a", 1700000000), ("b", 1700000000), ("c", 1800000000)):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", str(epoch))
        outputs[name] = tmp_path / f"{name}.{fmt}"
        convert.convert(source, outputs[name])
    assert outputs["a"].read_bytes() == outputs["b"].read_bytes()  # same epoch: same bytes
    assert outputs["a"].read_bytes() != outputs["c"].read_bytes()
    assert _modified(outputs["a"]) == "2023-11-14T22:13:20Z"  # 1700000000 in UTC
    assert _modified(outputs["c"]) == "2027-01-15T08:00:00Z"  # 1800000000 in UTC
    assert _zip_stamps(outputs["a"]) == {(2023, 11, 14, 22, 13, 20)}
    assert _zip_stamps(outputs["c"]) == {(2027, 1, 15, 8, 0, 0)}


def test_docx_core_properties_follow_the_epoch_and_keep_the_document_date(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    document = Document(Metadata(title="T", date="2023-09-08T14:20:00+08:00"), (Paragraph((Text("x"),)),))
    convert.write(document, tmp_path / "out.docx")
    props = docx.Document(str(tmp_path / "out.docx")).core_properties
    assert props.modified == datetime.datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)
    assert props.created == datetime.datetime(2023, 9, 8, 6, 20, tzinfo=UTC)  # the document's own date


@pytest.mark.parametrize("fmt", FORMATS)
def test_document_date_is_the_timestamp_without_an_epoch(tmp_path, fmt):
    document = Document(Metadata(title="T", date="2023-09-08T14:20:00+08:00"), (Paragraph((Text("x"),)),))
    path = tmp_path / f"out.{fmt}"
    convert.write(document, path)
    assert _modified(path) == "2023-09-08T06:20:00Z"
    assert _zip_stamps(path) == {(2023, 9, 8, 6, 20, 0)}


@pytest.mark.parametrize("fmt", FORMATS)
def test_epoch_before_1980_keeps_the_metadata_and_clamps_the_zip(tmp_path, monkeypatch, fmt):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    path = tmp_path / f"out.{fmt}"
    convert.convert(_source(tmp_path), path)
    assert _modified(path) == "1970-01-01T00:00:00Z"
    assert _zip_stamps(path) == {(1980, 1, 1, 0, 0, 0)}


@pytest.mark.parametrize("fmt", FORMATS)
def test_epoch_after_2107_keeps_the_metadata_and_clamps_the_zip(tmp_path, monkeypatch, fmt):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "4354819200")  # 2108-01-01T00:00:00Z
    path = tmp_path / f"out.{fmt}"
    convert.convert(_source(tmp_path), path)
    assert _modified(path) == "2108-01-01T00:00:00Z"
    assert _zip_stamps(path) == {(2107, 12, 31, 23, 59, 58)}


@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_honours_source_date_epoch(tmp_path, fmt):
    source = _source(tmp_path)
    env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    outputs = []
    for name, epoch in (("a", "1700000000"), ("b", "1700000000")):
        out = tmp_path / f"{name}.{fmt}"
        subprocess.run([sys.executable, "-m", "convert", str(source), "-o", str(out)],
                       env={**env, "SOURCE_DATE_EPOCH": epoch}, check=True, capture_output=True)
        outputs.append(out)
    assert outputs[0].read_bytes() == outputs[1].read_bytes()
    assert _modified(outputs[0]) == "2023-11-14T22:13:20Z"


def test_output_time_rule():
    assert output_time("2023-09-08", {"SOURCE_DATE_EPOCH": "86400"}) == datetime.datetime(1970, 1, 2, tzinfo=UTC)
    assert output_time("2023-09-08", {}) == datetime.datetime(2023, 9, 8, tzinfo=UTC)
    assert output_time("2023-09", {}) == datetime.datetime(2023, 9, 1, tzinfo=UTC)
    assert output_time("2023-09-08T14:20:00.5+02:00", {}) == datetime.datetime(2023, 9, 8, 12, 20, tzinfo=UTC)
    assert output_time("last Tuesday", {}) == FALLBACK_TIME
    assert output_time("2023-02-30", {}) == FALLBACK_TIME
    # a malformed epoch is ignored, not fatal: the document's date decides
    assert output_time("2023-09-08", {"SOURCE_DATE_EPOCH": "soon"}) == datetime.datetime(2023, 9, 8, tzinfo=UTC)
