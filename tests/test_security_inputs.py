"""The hostile corpus through the real CLI: clear one-line errors, or complete outputs. Never a traceback."""

import re
import zipfile

import pytest

from convert.cli import main
from tests.hostile_corpus import cases

CASES = list(cases())


def output_text(path):
    if path.suffix == ".docx":
        import docx
        document = docx.Document(str(path))
        cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)
    if path.suffix == ".epub":
        with zipfile.ZipFile(path) as archive:
            return "\n".join(re.sub(r"<[^>]+>", "", archive.read(n).decode("utf-8"))
                             for n in archive.namelist() if n.endswith(".xhtml"))
    from pypdf import PdfReader
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def squeeze(text):
    return re.sub(r"\s+", "", text)


SLOW_CASES = {"5000-paragraphs.txt", "one-long-line.txt"}


@pytest.mark.parametrize("name, make, expected",
                         [pytest.param(*case, marks=pytest.mark.slow) if case[0] in SLOW_CASES else case
                          for case in CASES], ids=[c[0] for c in CASES])
def test_hostile_case(tmp_path, capsys, name, make, expected):
    source = tmp_path / "in" / name
    source.parent.mkdir()
    source.write_bytes(make())
    out = tmp_path / "out"
    code = main([str(source), "-t", "docx,epub,pdf", "-d", str(out)])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    leftovers = [p.name for p in out.glob(".*")] if out.exists() else []
    assert leftovers == [], f"partial files left: {leftovers}"
    if expected[0] == "error":
        _, exit_code, message = expected
        assert code == exit_code
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"docconv: {source}: ") and message in lines[0], err
        assert not out.exists() or not any(out.iterdir())
        return
    assert code == 0, err
    marker = squeeze(expected[1])
    for suffix in (".docx", ".epub", ".pdf"):
        produced = out / (source.stem + suffix)
        assert marker in squeeze(output_text(produced)), f"{marker} missing from {produced.name}"
    for line in err.strip().splitlines():
        assert line.startswith("docconv: warning: "), line


def test_input_size_limit_is_clear_and_raisable(tmp_path, capsys):
    source = tmp_path / "big.txt"
    source.write_text("Title\n\n" + "x" * 5000 + "\n", encoding="utf-8")
    assert main([str(source), "-o", str(tmp_path / "big.json"), "--max-input-size", "1000"]) == 1
    err = capsys.readouterr().err
    assert "too large (5,008 bytes; the limit is 1,000, raise it with --max-input-size)" in err
    assert main([str(source), "-o", str(tmp_path / "big.json"), "--max-input-size", "10000"]) == 0


def test_input_faults(tmp_path, capsys):
    import os
    os.mkfifo(tmp_path / "fifo.txt")
    (tmp_path / "folder.txt").mkdir()
    cases = {"fifo.txt": "not a regular file", "missing.txt": "no such file",
             "folder.txt": "is a folder"}
    for name, message in cases.items():
        assert main([str(tmp_path / name), "-o", str(tmp_path / "x.docx")]) in (1, 2)
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and message in err and "Traceback" not in err
    assert not (tmp_path / "x.docx").exists()


def test_pdf_of_a_huge_document_is_refused_quickly_and_clearly(tmp_path, capsys):
    import time
    source = tmp_path / "long.txt"
    source.write_text("Long\n\n" + ("A sentence of body text. " * 40 + "\n\n") * 3000, encoding="utf-8")
    started = time.monotonic()
    code = main([str(source), "-t", "pdf,epub", "-d", str(tmp_path / "out"), "--max-pdf-chars", "1000000"])
    err = capsys.readouterr().err.strip()
    assert code == 1 and time.monotonic() - started < 20
    assert err.startswith(f"docconv: {source}: too long for PDF (")
    assert err.endswith("characters; the limit is 1,000,000, raise it with --max-pdf-chars)")
    assert len(err.splitlines()) == 1
    assert not list((tmp_path / "out").glob("*.pdf")) and not list((tmp_path / "out").glob(".*"))
