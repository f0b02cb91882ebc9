"""The one handle readers and writers get on the world: options, fetcher, warnings."""

from __future__ import annotations

from dataclasses import dataclass, field

from convert.errors import Diagnostic, ResourceRefused
from convert.fetch import Fetcher, Resource
from convert.options import Options
from convert.source import Source, clean_text, decode


@dataclass(slots=True)
class Context:
    options: Options
    fetcher: Fetcher
    base_dir: str | None = None  # the input's folder; relative resources resolve here
    source_name: str = ""
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @classmethod
    def for_source(cls, options: Options, base_dir: str | None, source_name: str = "") -> Context:
        roots = ([base_dir] if base_dir else []) + list(options.resource_paths)
        fetcher = Fetcher(
            roots=roots,
            allow_remote=options.allow_remote,
            timeout=options.remote_timeout,
            max_bytes=options.max_resource_bytes,
        )
        return cls(options=options, fetcher=fetcher, base_dir=base_dir, source_name=source_name)

    def warn(self, code: str, message: str) -> None:
        diagnostic = Diagnostic(code=code, message=message, source=self.source_name)
        if diagnostic not in self.diagnostics:  # each writer meets the same refused image
            self.diagnostics.append(diagnostic)

    def text_of(self, source: Source, declared: str | None = None) -> str:
        """The source decoded (--encoding, BOM, a declared charset, detection) and
        XML-safe; how it was decoded, if doubtful, becomes a warning."""
        decoded = decode(source.name, source.data, declared=declared, forced=self.options.encoding)
        for warning in decoded.warnings:
            self.warn("encoding", warning)
        return clean_text(decoded.text)

    def fetch(self, url: str) -> Resource | None:
        """The resource, or None after recording a warning that names it and the reason."""
        try:
            return self.fetcher.fetch(url, self.base_dir)
        except ResourceRefused as refused:
            self.warn("resource-refused", f"resource {refused.path[:120]} refused: {refused.cause}")
            return None
