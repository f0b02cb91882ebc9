"""Folders: walk, mirror the tree into the output folder, convert each file, report.

One file's failure is recorded and the rest carries on.
"""

from __future__ import annotations

import fnmatch
import os
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from convert import pipeline, registry, source as sources
from convert.errors import ConvertError, UsageError
from convert.options import Options

Outputs = list[tuple[str, str]]


@dataclass(slots=True)
class FileResult:
    source: str
    status: str  # "converted" | "failed"
    outputs: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str = ""
    seconds: float = 0.0


@dataclass(slots=True)
class BatchReport:
    results: list[FileResult] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # files of no known input type

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def exit_code(self) -> int:
        return 1 if self.count("failed") else 0


def plan(src: str | os.PathLike[str], dst: str | os.PathLike[str], formats: Iterable[str],
         include: Iterable[str] = (), exclude: Iterable[str] = ()) -> tuple[list[tuple[str, Outputs]], list[str]]:
    """Every input under `src` with its outputs under `dst`, and the files skipped as unknown types."""
    root, target = Path(src), Path(dst)
    if not root.is_dir():
        raise UsageError(str(src), "not a folder")
    extensions = {name: registry.writer_class(name).extension for name in formats}
    include, exclude = list(include), list(exclude)
    jobs: list[tuple[str, Outputs]] = []
    skipped: list[str] = []
    target_real = os.path.realpath(target)
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith(".")
                               and os.path.realpath(os.path.join(folder, d)) != target_real)
        for name in sorted(files):
            path = Path(folder) / name
            relative = path.relative_to(root).as_posix()
            if name.startswith(".") or any(fnmatch.fnmatch(relative, p) for p in exclude):
                continue
            if include and not any(fnmatch.fnmatch(relative, p) or fnmatch.fnmatch(name, p) for p in include):
                continue
            if registry.reader_for_path(name) is None:
                skipped.append(str(path))
                continue
            stem = target / path.relative_to(root).with_suffix("")
            jobs.append((str(path), [(f"{stem}{ext}", fmt) for fmt, ext in extensions.items()]))
    return jobs, skipped


def convert_one(path: str, outputs: Outputs, options: Options) -> FileResult:
    """Convert one planned file; never raises a ConvertError (it becomes the result)."""
    started = time.perf_counter()
    try:
        source = sources.load(path, options.max_input_bytes)
        result = pipeline.convert_source(source, outputs, options)
    except ConvertError as exc:
        return FileResult(source=path, status="failed", error=str(exc), seconds=time.perf_counter() - started)
    return FileResult(source=path, status="converted", outputs=result.outputs,
                      warnings=[str(d) for d in result.diagnostics], seconds=result.seconds)


def convert_folder(src: str | os.PathLike[str], dst: str | os.PathLike[str],
                   formats: Iterable[str] = ("docx", "pdf", "epub"), *, jobs: int = 1,
                   executor: Executor | None = None, include: Iterable[str] = (), exclude: Iterable[str] = (),
                   options: Options | None = None, on_result: Callable[[FileResult], None] | None = None,
                   **kwargs: Any) -> BatchReport:
    """Convert every readable file under `src` into `dst`, mirroring the folder tree."""
    opts = options or Options.from_kwargs(**kwargs)
    planned, skipped = plan(src, dst, list(formats), include, exclude)
    report = BatchReport(skipped=skipped)
    if executor is None and jobs > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            return convert_folder(src, dst, formats, executor=pool, include=include, exclude=exclude,
                                  options=opts, on_result=on_result)
    if executor is None:
        for path, outputs in planned:
            file_result = convert_one(path, outputs, opts)
            report.results.append(file_result)
            if on_result:
                on_result(file_result)
        return report
    futures = [(path, executor.submit(convert_one, path, outputs, opts)) for path, outputs in planned]
    for path, future in futures:
        try:
            file_result = future.result()
        except Exception as exc:  # a worker that died takes only its own file with it
            file_result = FileResult(source=path, status="failed", error=f"{path}: worker failed: {exc}")
        report.results.append(file_result)
        if on_result:
            on_result(file_result)
    return report
