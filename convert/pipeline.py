"""One document end to end: source -> reader -> tree -> writers -> atomic files."""

from __future__ import annotations

import dataclasses
import os
import time
from dataclasses import dataclass, field

from convert import registry, transforms
from convert.context import Context
from convert.errors import ConvertError, Diagnostic, OutputError
from convert.options import Options
from convert.source import Source
from convert.tree import Document, Metadata

_LIST_FIELDS = {"authors", "tags"}
_ALIASES = {"author": "authors", "lang": "language", "keywords": "tags", "tag": "tags",
            "lede": "description", "abstract": "description", "site": "publisher"}


@dataclass(slots=True)
class Result:
    source: str
    outputs: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    seconds: float = 0.0


def apply_metadata(meta: Metadata, overrides: dict[str, str] | None) -> Metadata:
    """-M key=value: known keys replace fields (lists split on ';' or ','), others go to `extra`."""
    if not overrides:
        return meta
    known = {f.name for f in dataclasses.fields(Metadata)} - {"extra"}
    changes: dict[str, object] = {}
    extra = dict(meta.extra)
    for raw_key, value in overrides.items():
        key = _ALIASES.get(raw_key.lower(), raw_key.lower())
        if key in _LIST_FIELDS:
            separator = ";" if ";" in value else ","
            changes[key] = tuple(part.strip() for part in value.split(separator) if part.strip())
        elif key in known:
            changes[key] = value
        else:
            extra[raw_key] = value
    return dataclasses.replace(meta, **changes, extra=extra)


def reader_name_for(source: Source, options: Options) -> str:
    if options.from_format:
        return options.from_format
    return registry.reader_for_path(source.name) or registry.sniff_reader(source.data)


def read_source(source: Source, options: Options) -> tuple[Document, Context]:
    reader = registry.reader_class(reader_name_for(source, options))()
    ctx = Context.for_source(options, source.base_dir, source.name)
    try:
        document = reader.read(source, ctx)
    except ConvertError:
        raise
    except RecursionError:
        raise ConvertError(source.name, "nesting too deep to read") from None
    document = dataclasses.replace(document, meta=apply_metadata(document.meta, dict(options.metadata)))
    return transforms.normalize(document), ctx


def _claim_temporary(folder: str, name: str) -> str:
    """An empty, new file beside the output: `.NAME.RANDOM.part` (batches clean up that pattern)."""
    while True:
        # a prefix of the name only: the output's own name may already be near the 255-byte limit
        candidate = os.path.join(folder, f".{name[:60]}.{os.urandom(4).hex()}.part")
        try:
            os.close(os.open(candidate, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
            return candidate
        except FileExistsError:
            continue


def write_document(document: Document, path: str, format_name: str, ctx: Context) -> None:
    """Render to a temporary file beside `path`, then rename it into place."""
    writer = registry.writer_class(format_name)()
    folder = os.path.dirname(os.path.abspath(path))
    try:
        os.makedirs(folder, exist_ok=True)
        temporary = _claim_temporary(folder, os.path.basename(path))
    except OSError as exc:
        raise OutputError(path, f"cannot write: {exc.strerror}") from None
    try:
        writer.write(document, ctx, temporary)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException as exc:
        if os.path.exists(temporary):
            os.unlink(temporary)
        if isinstance(exc, ConvertError) or not isinstance(exc, Exception):
            raise
        raise OutputError(path, f"{format_name} writer failed: {type(exc).__name__}: {exc}") from exc


def convert_source(source: Source, outputs: list[tuple[str, str]], options: Options) -> Result:
    """Read once, write every requested (path, format)."""
    started = time.perf_counter()
    for path, _ in outputs:
        if source.base_dir and os.path.exists(path) and os.path.exists(source.name) and os.path.samefile(path, source.name):
            raise OutputError(path, "output would overwrite the input")
    document, ctx = read_source(source, options)
    result = Result(source=source.name)
    for path, format_name in outputs:
        write_document(document, path, format_name, ctx)
        result.outputs.append(path)
    result.diagnostics = list(ctx.diagnostics)
    result.seconds = time.perf_counter() - started
    return result
