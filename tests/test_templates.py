"""Themes under templates/: lookup, fallback to the default theme, user stylesheets, packaging."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from convert.errors import UsageError
from convert.resources import DEFAULT_THEME, template_path, templates_dir, theme, theme_names, user_stylesheets

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = (".css", ".html", ".docx")


def test_default_and_book_themes_exist_and_book_falls_back() -> None:
    assert {"default", "book"} <= set(theme_names())
    book = theme("book")
    assert book.path("pdf.css") == templates_dir() / "book" / "pdf.css"
    assert book.path("document.html") == templates_dir() / DEFAULT_THEME / "document.html"  # not in book/
    assert theme(None).path("pdf.css") == theme("default").path("pdf.css") == templates_dir() / "default" / "pdf.css"
    assert template_path("document.html") == templates_dir() / "default" / "document.html"


def test_unknown_theme_names_the_known_ones() -> None:
    with pytest.raises(UsageError, match=r"unknown template 'nope' \(known: book, default"):
        theme("nope")
    with pytest.raises(UsageError, match="does not exist"):
        theme("/no/such/folder")


def test_folder_theme_may_hold_only_some_files(tmp_path: Path) -> None:
    (tmp_path / "epub.css").write_text("body { color: red; }", encoding="utf-8")
    chosen = theme(str(tmp_path))
    assert chosen.read("epub.css") == "body { color: red; }"
    assert chosen.path("pdf.css") == templates_dir() / "default" / "pdf.css"


def test_a_folder_named_like_a_builtin_theme_is_taken_only_as_a_path(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "pdf.css").write_text("body { color: red; }", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert theme("book").path("pdf.css") == templates_dir() / "book" / "pdf.css"
    assert theme("./book").read("pdf.css") == "body { color: red; }"
    (tmp_path / "mine").mkdir()
    with pytest.raises(UsageError, match=r"unknown template 'mine'"):
        theme("mine")  # a bare name never reaches into the current folder
    assert theme("./mine").path("pdf.css") == templates_dir() / "default" / "pdf.css"


def test_user_stylesheet_loses_file_references_with_one_warning(tmp_path: Path) -> None:
    css = tmp_path / "mine.css"
    css.write_text('@import "other.css";\nbody { background: url(file:///etc/passwd); }\n'
                   'p { background: URL( "../x.png" ) }\nh1 { background: url("data:image/png;base64,AAAA"); }\n',
                   encoding="utf-8")
    warnings: list[tuple[str, str]] = []
    [sheet] = user_stylesheets((str(css),), lambda code, message: warnings.append((code, message)))
    assert "@import" not in sheet.text and "passwd" not in sheet.text and "x.png" not in sheet.text
    assert 'url("data:image/png;base64,AAAA")' in sheet.text
    assert len(warnings) == 1 and warnings[0][0] == "css-url-refused" and "3 @import/url()" in warnings[0][1]
    with pytest.raises(UsageError, match="cannot read stylesheet"):
        user_stylesheets((str(tmp_path / "missing.css"),), lambda code, message: None)


@pytest.mark.slow
def test_wheel_ships_every_template(tmp_path: Path) -> None:
    """Build a wheel from a copy of the sources and find each template file under convert/templates."""
    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "convert", source / "convert", ignore=ignore)
    shutil.copytree(ROOT / "templates", source / "templates", ignore=ignore)
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path / "dist"),
                            str(source)], capture_output=True, text=True, timeout=300, check=False)
    if build.returncode != 0 and "No matching distribution" in build.stderr:
        pytest.skip("pip cannot fetch setuptools for an isolated build (offline?)")
    assert build.returncode == 0, build.stderr[-2000:]
    [wheel] = (tmp_path / "dist").glob("docconv-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        "convert/templates/" + path.relative_to(ROOT / "templates").as_posix()
        for path in (ROOT / "templates").rglob("*") if path.suffix in SHIPPED
    }
    assert expected and expected <= names, sorted(expected - names)
    assert "convert/templates/default/pdf.css" in names and "convert/templates/book/pdf.css" in names
