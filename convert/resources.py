"""Where docconv's own files live: themes (templates), the reference DOCX, user stylesheets.

Themes are folders under the templates root: `default/` holds every file a
writer asks for; another theme (`book/`) may hold only some, and the rest
come from `default/`. The root is DOCCONV_TEMPLATES when set, else
`convert/templates` inside an installed wheel (pyproject maps the top-level
`templates/` there), else the checkout's `templates/` (source tree and
editable installs).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from convert.errors import ConvertError, UsageError

DEFAULT_THEME = "default"

_PACKAGED = Path(__file__).resolve().parent / "templates"
_CHECKOUT = Path(__file__).resolve().parent.parent / "templates"

# url(...) whose target is not a data: URI, and @import rules: a user stylesheet may not reach files.
_EXTERNAL_URL = re.compile(r"""url\(\s*(?!['"]?\s*data:)[^)]*\)""", re.IGNORECASE)
_IMPORT = re.compile(r"@import\s[^;]*;?", re.IGNORECASE)


def templates_dir() -> Path:
    override = os.environ.get("DOCCONV_TEMPLATES")
    if override:
        return Path(override)
    return _PACKAGED if _PACKAGED.is_dir() else _CHECKOUT


def theme_names() -> list[str]:
    root = templates_dir()
    return sorted(entry.name for entry in root.iterdir() if entry.is_dir()) if root.is_dir() else []


@dataclass(frozen=True, slots=True)
class Theme:
    name: str
    folders: tuple[Path, ...]  # searched in order: the chosen theme, then the default theme

    def path(self, file_name: str) -> Path:
        found = self.contained(file_name)
        if found is not None:
            return found
        raise ConvertError(str(self.folders[-1] / file_name), "docconv template missing (is the installation complete?)")

    def read(self, file_name: str) -> str:
        return self.path(file_name).read_text(encoding="utf-8")

    def contained(self, file_name: str) -> Path | None:
        """`file_name` as a template may name it in an include: a relative path to a regular file
        inside one of the theme's folders once links are resolved, or None.

        Absolute names, `..` segments, backslashes and links leading out are refused, so that
        a theme folder handed in with --template can read nothing but its own files.
        """
        parts = file_name.split("/")
        if not file_name or "\\" in file_name or "\0" in file_name or file_name.startswith("/") \
                or any(part in ("", ".", "..") for part in parts):
            return None
        for folder in self.folders:
            root = folder.resolve()
            candidate = (root / file_name).resolve()
            if candidate.is_relative_to(root) and candidate.is_file():
                return candidate
        return None


def theme(choice: str | None = None) -> Theme:
    """The theme named by --template: a name under the templates root, or a folder laid out like
    one. A folder is given as a path (`./book`, `~/themes/x`, `themes/x`): a bare name is always a
    built-in theme, so a folder that happens to be called `book` in the current directory does
    not replace the built-in `book` theme."""
    default = templates_dir() / DEFAULT_THEME
    if not choice or choice == DEFAULT_THEME:
        return Theme(DEFAULT_THEME, (default,))
    if os.sep in choice or "/" in choice or choice.startswith((".", "~")):
        folder = Path(choice).expanduser()
        if not folder.is_dir():
            raise UsageError("", f"template folder {choice!r} does not exist")
        return Theme(folder.name, (folder.resolve(), default))
    if choice not in theme_names():
        known = ", ".join(theme_names()) or "none installed"
        raise UsageError("", f"unknown template {choice!r} (known: {known}; or give a folder)")
    return Theme(choice, (templates_dir() / choice, default))


def template_path(name: str) -> Path:
    """A file of the default theme, or one kept at the templates root (the reference DOCX)."""
    for candidate in (templates_dir() / DEFAULT_THEME / name, templates_dir() / name):
        if candidate.is_file():
            return candidate
    raise ConvertError(str(templates_dir() / name), "docconv template missing (is the installation complete?)")


def read_template(name: str) -> str:
    return template_path(name).read_text(encoding="utf-8")


@dataclass(frozen=True, slots=True)
class UserStylesheet:
    path: str
    text: str  # with every non-data: url() and @import taken out


def user_stylesheets(paths: tuple[str, ...], warn: Callable[[str, str], None]) -> list[UserStylesheet]:
    """The --css files, read directly (the user named them), cleaned of references to other files.

    Writers package no file a stylesheet points at and WeasyPrint loads only
    data: URIs, so such references are removed here, with one warning per file.
    """
    sheets = []
    for path in paths:
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(path, f"cannot read stylesheet ({type(exc).__name__}: {exc})") from None
        cleaned, imports = _IMPORT.subn("", text)
        cleaned, urls = _EXTERNAL_URL.subn("none", cleaned)
        if imports or urls:
            warn("css-url-refused", f"stylesheet {path}: {imports + urls} @import/url() reference(s) removed; "
                 "only data: URIs are allowed in --css files")
        sheets.append(UserStylesheet(path, cleaned))
    return sheets
