"""A theme folder given with --template is untrusted: its Jinja2 templates run sandboxed and see only
the theme's own files (issue 15, point 1)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from convert.cli import main

ESCAPES = [
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ joiner.__init__.__globals__.os.popen('id').read() }}",
    "{{ namespace.__init__.__globals__.os.popen('id').read() }}",
    "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ self._TemplateReference__context }}",
    "{{ self._TemplateReference__context.cycler.__init__.__globals__.os }}",
    "{{ ''.format.__self__ }}",
    "{{ range.__doc__ }}",
    "{% include '/etc/passwd' %}",
    "{% include '../../x' %}",
    "{% include 'sub/../../secret.txt' %}",
    "{% include 'link.html' %}",
    "{% import '/etc/passwd' as p %}",
    "{% extends '../secret.txt' %}",
]
# What leaks look like: a command's output, Python objects, the file outside the theme.
LEAKS = ("uid=", "<class", "&lt;class", "module", "Context", "jinja2", "root:", "SECRET", "range(")


def run(tmp_path: Path, template: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    theme = tmp_path / "theme"
    theme.mkdir(exist_ok=True)
    (tmp_path / "secret.txt").write_text("SECRET outside the theme\n", encoding="utf-8")
    link = theme / "link.html"
    if not link.is_symlink():
        os.symlink(tmp_path / "secret.txt", link)
    (theme / "document.html").write_text(f"<p>before</p>{template}<p>after</p>{{{{ body }}}}\n", encoding="utf-8")
    source = tmp_path / "a.txt"
    source.write_text("A short paragraph of text.\n", encoding="utf-8")
    out = tmp_path / "a.html"
    code = main([str(source), "-o", str(out), "--template", str(theme)])
    err = capsys.readouterr().err
    return code, err, out.read_text(encoding="utf-8") if out.exists() else ""


@pytest.mark.parametrize("template", ESCAPES)
def test_theme_template_escape_fails_in_one_line_or_renders_nothing(tmp_path, capsys, template):
    code, err, html = run(tmp_path, template, capsys)
    assert "Traceback" not in err
    if code:
        assert code == 1 and len(err.strip().splitlines()) == 1, err
        assert err.startswith(f"docconv: {tmp_path / 'theme' / 'document.html'}: template "), err
        assert html == ""  # no partial output
    else:
        assert err == ""
        assert "before" in html and "after" in html and "short paragraph" in html
    for leak in LEAKS:
        assert leak not in html and leak not in err.replace("'__class__' of 'str'", ""), (leak, html, err)


def test_theme_template_may_include_its_own_files(tmp_path, capsys):
    (tmp_path / "theme" / "parts").mkdir(parents=True)
    (tmp_path / "theme" / "parts" / "head.html").write_text("<header>{{ title }}</header>", encoding="utf-8")
    code, err, html = run(tmp_path, "{% include 'parts/head.html' %}", capsys)
    assert (code, err) == (0, "")
    assert "<header>" in html and "short paragraph" in html


def test_theme_stylesheet_linked_outside_is_not_read(tmp_path, capsys):
    theme = tmp_path / "theme"
    theme.mkdir()
    (tmp_path / "secret.css").write_text("/* SECRET */ body { color: red }", encoding="utf-8")
    os.symlink(tmp_path / "secret.css", theme / "html.css")
    source = tmp_path / "a.txt"
    source.write_text("A short paragraph of text.\n", encoding="utf-8")
    out = tmp_path / "a.html"
    assert main([str(source), "-o", str(out), "--template", str(theme)]) == 0
    assert "SECRET" not in out.read_text(encoding="utf-8")  # the default theme's html.css instead
