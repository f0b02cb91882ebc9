"""docconv's errors and warnings.

    ConvertError                 one line: "FILE: cause"; exit_code
     ├── UsageError              bad options or arguments (exit 2)
     │    └── UnknownFormatError no reader or writer for a name or extension
     ├── InputError              the input cannot be read as a document (exit 1)
     ├── OutputError             the output cannot be written (exit 1)
     └── ResourceRefused         the fetcher would not open a resource (a warning
                                 in writers and readers, never fatal on its own)

`Diagnostic` is a warning record returned with a result, never written into
the document.
"""

from __future__ import annotations

from dataclasses import dataclass


class ConvertError(Exception):
    exit_code = 1

    def __init__(self, path: str, cause: str) -> None:
        super().__init__(f"{path}: {cause}" if path else cause)
        self.path = path
        self.cause = cause


class UsageError(ConvertError):
    exit_code = 2


class UnknownFormatError(UsageError):
    pass


class InputError(ConvertError):
    pass


class OutputError(ConvertError):
    pass


class ResourceRefused(ConvertError):
    pass


@dataclass(frozen=True, slots=True)
class Diagnostic:
    code: str  # e.g. "resource-refused", "missing-glyphs"
    message: str
    source: str = ""

    def __str__(self) -> str:
        return f"{self.source}: {self.message}" if self.source else self.message
