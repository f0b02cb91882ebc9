"""One frozen Options object, built once by the CLI or the API and read by everyone."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

PAPER_SIZES = ("a4", "letter")
CONTENT_MODES = ("auto", "all")

DEFAULT_MAX_INPUT_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Options:
    # reading
    from_format: str | None = None  # None: detect from the name and the bytes
    encoding: str | None = None  # None: detect
    content: str = "auto"  # "auto": drop page chrome; "all": keep the whole body
    keep_boilerplate: bool = False  # keep a text article's trailer (related links, copyright) as a final section
    metadata: tuple[tuple[str, str], ...] = ()  # -M key=value overrides, in order (a dict is accepted)
    max_input_bytes: int = DEFAULT_MAX_INPUT_BYTES
    # resources: the sandbox
    resource_paths: tuple[str, ...] = ()
    allow_remote: bool = False
    remote_timeout: float = 10.0
    max_resource_bytes: int = 10 * 1024 * 1024
    # writing
    toc: bool = False
    paper: str = "a4"
    pdf_variant: str | None = None
    # WeasyPrint needs ~220 MB and ~30 s per MB of text: past this, refuse a PDF clearly instead.
    max_pdf_chars: int = 2_000_000
    reference_doc: str | None = None
    template: str | None = None  # a theme name under templates/, or a folder laid out like one
    css: tuple[str, ...] = ()  # extra stylesheets for PDF, EPUB and HTML, applied after the theme's
    split_level: int | None = None  # EPUB chapter split; None: automatic

    def __post_init__(self) -> None:
        if isinstance(self.metadata, Mapping):
            object.__setattr__(self, "metadata", tuple(self.metadata.items()))
        if self.content not in CONTENT_MODES:
            raise ValueError(f"content must be one of {', '.join(CONTENT_MODES)}, not {self.content!r}")
        if self.paper not in PAPER_SIZES:
            raise ValueError(f"paper must be one of {', '.join(PAPER_SIZES)}, not {self.paper!r}")
        if self.max_input_bytes <= 0:
            raise ValueError("max_input_bytes must be positive")

    def __hash__(self) -> int:
        return hash(self.cache_key())

    def cache_key(self) -> str:
        """A stable text that changes whenever an option that affects output changes."""
        values = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        return repr(sorted(values.items()))

    @classmethod
    def from_kwargs(cls, **kwargs: Any) -> Options:
        """Build options from keyword arguments; an unknown name is a TypeError, not a silent no-op."""
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(kwargs) - known)
        if unknown:
            raise TypeError(f"unknown option(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        for name in ("resource_paths", "css"):
            if name in kwargs:
                kwargs[name] = tuple(str(p) for p in kwargs[name])
        return cls(**kwargs)
