"""Folders: walk, mirror the tree into the output folder, convert each file, report.

One file's failure is recorded and the rest carries on.
"""

from __future__ import annotations

import fnmatch
import glob
import hashlib
import os
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from convert import pipeline, registry, source as sources
from convert.errors import ConvertError, Diagnostic, UsageError
from convert.manifest import Manifest, Stamp
from convert.options import Options

Outputs = list[tuple[str, str]]


@dataclass(slots=True)
class FileResult:
    source: str
    status: str  # "converted" | "up-to-date" | "failed"
    outputs: list[str] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    error: str = ""
    seconds: float = 0.0

    def as_record(self) -> dict[str, Any]:
        return {"source": self.source, "status": self.status, "outputs": self.outputs,
                "seconds": round(self.seconds, 3), "error": self.error,
                "warnings": [{"code": w.code, "message": w.message} for w in self.warnings]}


@dataclass(slots=True)
class BatchReport:
    results: list[FileResult] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # files of no known input type
    planned: int = 0
    interrupted: bool = False
    seconds: float = 0.0

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    def warning_count(self, code: str | None = None) -> int:
        return sum(1 for r in self.results for w in r.warnings if code is None or w.code == code)

    @property
    def exit_code(self) -> int:
        if self.interrupted:
            return 130
        return 1 if self.count("failed") else 0

    def summary(self) -> str:
        parts = [f"{self.count('converted')} converted", f"{self.count('up-to-date')} up to date",
                 f"{self.count('failed')} failed", f"{len(self.skipped)} skipped (unknown type)"]
        dropped = self.warning_count("boilerplate-dropped")
        if dropped:
            parts.append(f"boilerplate dropped in {dropped}")
        others = self.warning_count() - dropped
        if others:
            parts.append(f"{others} warnings")
        text = ", ".join(parts) + f" in {self.seconds:.1f} s"
        if self.interrupted:
            text = f"interrupted after {len(self.results)} of {self.planned} files: " + text
        return text


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
    except Exception as exc:  # a bug in a reader or writer still costs only this file
        return FileResult(source=path, status="failed", seconds=time.perf_counter() - started,
                          error=f"{path}: internal error: {type(exc).__name__}: {exc}")
    return FileResult(source=path, status="converted", outputs=result.outputs,
                      warnings=list(result.diagnostics), seconds=result.seconds)


def _options_digest(options: Options) -> str:
    return hashlib.sha256(options.cache_key().encode("utf-8")).hexdigest()[:16]


def _remove_stale_parts(folder: str) -> None:
    """Temporary files a killed run left behind (ours are named .NAME.XXXX.part)."""
    for part in glob.glob(os.path.join(glob.escape(folder), "**", ".*.part"), recursive=True):
        try:
            os.unlink(part)
        except OSError:
            pass


def resolve_executor(spec: Executor | str | None) -> tuple[Executor | None, Callable[[], None]]:
    """An Executor from an object or a "dask://HOST:PORT" address, and how to release it."""
    if spec is None or isinstance(spec, Executor):
        return spec, lambda: None
    if isinstance(spec, str) and spec.startswith("dask://"):
        try:
            from distributed import Client
        except ImportError:
            raise UsageError(spec, "Dask support is not installed (pip install 'docconv[dask]')") from None
        try:
            client = Client("tcp://" + spec[len("dask://"):], timeout=10)
        except OSError as exc:
            raise UsageError(spec, f"cannot reach the Dask scheduler: {exc}") from None
        return client.get_executor(), client.close
    raise UsageError(str(spec), "executor must be a concurrent.futures.Executor or dask://HOST:PORT")


def convert_folder(src: str | os.PathLike[str], dst: str | os.PathLike[str],
                   formats: Iterable[str] = ("docx", "pdf", "epub"), *, jobs: int | None = None,
                   executor: Executor | str | None = None, include: Iterable[str] = (),
                   exclude: Iterable[str] = (), force: bool = False, timeout: float | None = None,
                   options: Options | None = None, on_result: Callable[[FileResult], None] | None = None,
                   on_plan: Callable[[int], None] | None = None, **kwargs: Any) -> BatchReport:
    """Convert every readable file under `src` into `dst`, mirroring the folder tree.

    Outputs that are newer than their input and were made with the same
    options are skipped unless `force`. `jobs` defaults to the number of
    cores; `executor` (any concurrent.futures.Executor, or "dask://HOST:PORT")
    runs the files elsewhere instead. `timeout` (seconds per file) applies to
    docconv's own worker pool. Ctrl-C stops the batch and returns the report
    so far with `interrupted` set.
    """
    from convert.version import VERSION

    started = time.perf_counter()
    opts = options or Options.from_kwargs(**kwargs)
    formats = list(formats)
    planned, skipped = plan(src, dst, formats, include, exclude)
    report = BatchReport(skipped=skipped, planned=len(planned))
    os.makedirs(dst, exist_ok=True)
    _remove_stale_parts(os.fspath(dst))
    manifest = Manifest(os.fspath(dst))
    digest = _options_digest(opts)

    todo: list[tuple[str, tuple[Any, ...]]] = []
    stamps: dict[str, Stamp] = {}
    for path, outputs in planned:
        stamps[path] = Stamp.of(path, digest, VERSION)
        needed = outputs if force else [
            (out, fmt) for out, fmt in outputs
            if not manifest.is_fresh(os.path.relpath(out, dst), stamps[path])]
        if needed:
            todo.append((path, (path, needed, opts)))
        else:
            report.results.append(FileResult(source=path, status="up-to-date", outputs=[o for o, _ in outputs]))
    if on_plan:
        on_plan(len(todo))

    def finish(path: str, result: FileResult | None, error: BaseException | None) -> None:
        if result is None:
            from convert.pool import describe_failure
            result = FileResult(source=path, status="failed",
                                error=f"{path}: {describe_failure(error, timeout) if error else 'no result'}")
        if result.status == "converted":
            for out in result.outputs:
                manifest.record(os.path.relpath(out, dst), stamps[path])
        report.results.append(result)
        if on_result:
            on_result(result)

    pool_executor, release = resolve_executor(executor)
    workers = jobs or os.cpu_count() or 1
    try:
        if pool_executor is not None:
            futures = [(path, pool_executor.submit(convert_one, *args)) for path, args in todo]
            for path, future in futures:
                try:
                    finish(path, future.result(), None)
                except Exception as exc:  # a lost worker or node costs only its own file
                    finish(path, None, exc)
        elif (workers > 1 and len(todo) > 1) or (timeout and todo):
            from convert.pool import run_pool
            run_pool(convert_one, todo, min(workers, len(todo)), tuple(formats), timeout, finish)
        else:
            for path, args in todo:
                finish(path, convert_one(*args), None)
    except KeyboardInterrupt:
        report.interrupted = True
    finally:
        release()
        _remove_stale_parts(os.fspath(dst))  # left by workers killed on timeout, crash or Ctrl-C
    report.seconds = time.perf_counter() - started
    return report
