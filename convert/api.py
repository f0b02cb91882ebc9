"""The Python API: read, write, convert, convert_folder. Thin over the pipeline."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Any

from convert import pipeline, registry, source as sources, transforms
from convert.context import Context
from convert.errors import ConvertError
from convert.options import Options
from convert.pipeline import Result
from convert.tree import Document

PathLike = str | os.PathLike[str]


def _options(options: Options | None, kwargs: dict[str, Any]) -> Options:
    if options is not None and kwargs:
        raise TypeError("pass either options= or keyword options, not both")
    return options or Options.from_kwargs(**kwargs)


def _as_source(src: PathLike | bytes, opts: Options) -> sources.Source:
    """A str or Path is a file to read (a missing one is an InputError, never taken for
    content); bytes are content. Text content goes through `read_string`."""
    if isinstance(src, bytes):
        return sources.Source(name="<bytes>", data=src)
    if isinstance(src, (str, os.PathLike)):
        return sources.load(src, opts.max_input_bytes)
    raise TypeError(f"expected a path (str or Path) or bytes, not {type(src).__name__}")


def read(src: PathLike | bytes, format: str | None = None, *, options: Options | None = None, **kwargs: Any) -> Document:
    """Read a file (a str or Path) or content (bytes) into a Document."""
    opts = _options(options, kwargs)
    if format:
        opts = dataclasses.replace(opts, from_format=format)
    document, _ = pipeline.read_source(_as_source(src, opts), opts)
    return document


def read_string(text: str, format: str | None = None, *, options: Options | None = None, **kwargs: Any) -> Document:
    """Read a document from text in memory (`convert.read` takes a path)."""
    if not isinstance(text, str):
        raise TypeError(f"read_string expects a str, not {type(text).__name__} (give bytes to convert.read)")
    return read(text.encode("utf-8"), format, options=options, **kwargs)


def write(document: Document, path: PathLike, format: str | None = None, *,
          options: Options | None = None, base_dir: PathLike | None = None, **kwargs: Any) -> Result:
    """Write a Document to `path`; the format comes from `format` or the extension.

    Relative image paths in the tree resolve against `base_dir` (default: the
    current folder), and only files inside it are read, as for any input."""
    opts = _options(options, kwargs)
    target = os.fspath(path)
    format_name = format or registry.writer_for_path(target)
    folder = os.path.abspath(base_dir) if base_dir is not None else os.getcwd()
    ctx = Context.for_source(opts, folder, target)
    try:
        document = transforms.normalize(document)
    except (AssertionError, TypeError, AttributeError) as exc:  # a hand-built tree with a foreign object
        raise ConvertError(target, f"not a valid document tree ({type(exc).__name__}: {exc})") from exc
    pipeline.write_document(document, target, format_name, ctx)
    return Result(source=target, outputs=[target], diagnostics=list(ctx.diagnostics))


def convert(src: PathLike, dst: PathLike, *, format: str | None = None,
            options: Options | None = None, **kwargs: Any) -> Result:
    """Convert one input file to `dst`; the output format comes from `format` or dst's extension."""
    opts = _options(options, kwargs)
    target = os.fspath(dst)
    source = sources.load(src, opts.max_input_bytes)
    return pipeline.convert_source(source, [(target, format or registry.writer_for_path(target))], opts)


def convert_to_formats(src: PathLike, formats: list[str], outdir: PathLike | None = None, *,
                       options: Options | None = None, **kwargs: Any) -> Result:
    """Convert one input to several formats at once, reading it only once."""
    opts = _options(options, kwargs)
    source = sources.load(src, opts.max_input_bytes)
    folder = Path(outdir) if outdir is not None else Path(src).parent
    stem = Path(src).stem
    outputs = [(str(folder / f"{stem}{registry.writer_class(f).extension}"), f) for f in formats]
    return pipeline.convert_source(source, outputs, opts)
