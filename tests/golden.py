"""Golden-file checks: a Document's JSON tree against tests/data/<reader>/<name>.json.

Run with DOCCONV_ACCEPT=1 to (re)write the expected files after a deliberate
change — then read the diff before keeping it.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from convert.tree import Document
from convert.tree_json import dumps

ACCEPT_VARIABLE = "DOCCONV_ACCEPT"


def accepting() -> bool:
    return os.environ.get(ACCEPT_VARIABLE) == "1"


def assert_golden(document: Document, expected_path: Path) -> None:
    """Fail with a unified diff unless `document` serialises exactly to `expected_path`."""
    expected_path = Path(expected_path)
    actual = dumps(document)
    if accepting():
        expected_path.parent.mkdir(parents=True, exist_ok=True)
        expected_path.write_text(actual, encoding="utf-8")
        return
    if not expected_path.exists():
        pytest.fail(f"no golden file {expected_path}; create it with {ACCEPT_VARIABLE}=1 and read it before keeping it")
    expected = expected_path.read_text(encoding="utf-8")
    if actual == expected:
        return
    diff = "".join(difflib.unified_diff(
        expected.splitlines(keepends=True), actual.splitlines(keepends=True),
        fromfile=f"{expected_path} (expected)", tofile="actual",
    ))
    pytest.fail(
        f"tree differs from {expected_path}:\n{diff}\n"
        f"if the new tree is right, accept it with: {ACCEPT_VARIABLE}=1 .venv/bin/pytest {_test_hint()}",
        pytrace=False,
    )


def _test_hint() -> str:
    current = os.environ.get("PYTEST_CURRENT_TEST", "")
    return current.split(" ")[0] if current else "tests/"
