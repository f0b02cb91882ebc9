"""The docconv command, run as a user runs it."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = "A Plain Title\n\nFirst paragraph of the body.\n\nSecond paragraph.\n"


def docconv(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "convert", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd, timeout=300)


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_help_version_and_formats():
    help_text = docconv("--help")
    assert help_text.returncode == 0
    assert "docconv articles/ -d out -t docx,pdf,epub" in help_text.stdout
    assert "--resource-path" in help_text.stdout and "exit status" in help_text.stdout
    assert docconv("--version").stdout.startswith("docconv ")
    formats = docconv("--list-formats").stdout
    assert "output formats: docx, epub, html, json, pdf" in formats
    assert "html" in formats.splitlines()[0] and "text" in formats.splitlines()[0]


def test_one_file_to_json_with_metadata_override(article, tmp_path):
    out = tmp_path / "tree.json"
    run = docconv(article, "-o", out, "-M", "title=Overridden", "-M", "author=A; B", "-M", "mood=calm")
    assert run.returncode == 0, run.stderr
    tree = json.loads(out.read_text(encoding="utf-8"))
    assert tree["meta"]["title"] == "Overridden"
    assert tree["meta"]["authors"] == ["A", "B"]
    assert tree["meta"]["extra"] == {"mood": "calm"}
    texts = json.dumps(tree["blocks"], ensure_ascii=False)
    assert "First paragraph of the body." in texts and "Second paragraph." in texts


def test_several_formats_at_once(article, tmp_path):
    outdir = tmp_path / "out"
    run = docconv(article, "-t", "docx,epub,html", "-d", outdir)
    assert run.returncode == 0, run.stderr
    assert sorted(p.name for p in outdir.iterdir()) == ["article.docx", "article.epub", "article.html"]


def test_from_overrides_detection(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("<html><body><h1>Heading</h1><p>Para</p></body></html>", encoding="utf-8")
    out = tmp_path / "page.json"
    assert docconv(page, "-f", "html", "-o", out).returncode == 0
    assert json.loads(out.read_text())["blocks"][0]["t"] in ("Heading", "Paragraph")
    assert "<h1>" not in out.read_text()


def test_folder_is_mirrored_and_a_bad_file_does_not_stop_the_rest(tmp_path):
    src = tmp_path / "in"
    (src / "新闻 目录").mkdir(parents=True)
    (src / "新闻 目录" / "文章 一.txt").write_text("标题\n正文第一段。\n", encoding="utf-8")
    (src / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (src / "broken.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (src / "notes.xyz").write_text("ignored")
    run = docconv(src, "-d", tmp_path / "out", "-t", "docx,json")
    assert run.returncode == 1
    assert (tmp_path / "out" / "新闻 目录" / "文章 一.docx").is_file()
    assert (tmp_path / "out" / "b.json").is_file()
    assert not list((tmp_path / "out").glob("broken*"))
    errors = [line for line in run.stderr.splitlines() if "broken.html" in line]
    assert len(errors) == 1 and "not a text or HTML file" in errors[0]
    assert "2 converted, 0 up to date, 1 failed, 1 skipped" in run.stderr
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize("args, code, message", [
    (["missing.txt", "-o", "x.docx"], 1, "docconv: missing.txt: no such file"),
    (["{article}", "-o", "x.odt"], 2, "unknown output format 'odt'"),
    (["{article}"], 2, "no output given"),
    (["{article}", "-t", "docx,rtf"], 2, "unknown output format 'rtf'"),
    (["{article}", "-o", "x.docx", "-M", "novalue"], 2, "-M expects KEY=VALUE"),
])
def test_errors_are_one_line_with_exit_codes(article, tmp_path, args, code, message):
    run = docconv(*[a.format(article=article) for a in args], cwd=tmp_path)
    assert run.returncode == code
    assert message in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1
    assert "Traceback" not in run.stderr


def test_binary_input_leaves_no_output_and_debug_shows_traceback(tmp_path):
    bad = tmp_path / "x.html"
    bad.write_bytes(bytes(range(256)) * 8)
    out = tmp_path / "x.docx"
    run = docconv(bad, "-o", out)
    assert run.returncode == 1
    assert run.stderr.strip() == f"docconv: {bad}: not a text or HTML file (looks like binary data)"
    assert not out.exists() and not list(tmp_path.glob(".*part"))
    assert "Traceback" in docconv(bad, "-o", out, "--debug").stderr


def test_output_never_overwrites_input(tmp_path):
    tree = tmp_path / "t.json"
    tree.write_text('{"docconv-tree": 1, "meta": {}, "blocks": []}', encoding="utf-8")
    before = tree.read_bytes()
    run = docconv(tree, "-o", tree)
    assert run.returncode == 1 and "overwrite the input" in run.stderr
    assert tree.read_bytes() == before
