"""Where docconv's own files live: templates, the reference DOCX, stylesheets.

A user override comes first (DOCCONV_TEMPLATES), then the `templates/`
folder of the source tree this package was installed from.
"""

from __future__ import annotations

import os
from pathlib import Path

from convert.errors import ConvertError


def templates_dir() -> Path:
    override = os.environ.get("DOCCONV_TEMPLATES")
    if override:
        return Path(override)
    return Path(__file__).resolve().parent.parent / "templates"


def template_path(name: str) -> Path:
    path = templates_dir() / name
    if not path.is_file():
        raise ConvertError(str(path), "docconv template missing (is the installation complete?)")
    return path


def read_template(name: str) -> str:
    return template_path(name).read_text(encoding="utf-8")
